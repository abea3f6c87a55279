"""ctr-stats: add up, check and report organization-work statistics of party committees.

    >>> import ctr_stats
    >>> report = ctr_stats.compute(["data/samples/2023"])
    >>> report.total("admission.total").figures.percent_of_plan
    Decimal('106.8')

Names are imported on first use, so that `ctr-stats --help` does not load the whole core.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import compute, load
    from .checks import check
    from .errors import CtrStatsError, InputError, UsageError
    from .model import Figures, Finding, Period, Report, Severity, Source, parse_period
    from .verify import verify

_WHERE = {
    "compute": "api",
    "load": "api",
    "check": "checks",
    "verify": "verify",
    "CtrStatsError": "errors",
    "InputError": "errors",
    "UsageError": "errors",
    "Figures": "model",
    "Finding": "model",
    "Period": "model",
    "Report": "model",
    "Severity": "model",
    "Source": "model",
    "parse_period": "model",
}

__all__ = [
    "CtrStatsError",
    "Figures",
    "Finding",
    "InputError",
    "Period",
    "Report",
    "Severity",
    "Source",
    "UsageError",
    "check",
    "compute",
    "load",
    "parse_period",
    "verify",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
