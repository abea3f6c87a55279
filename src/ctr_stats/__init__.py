"""ctr-stats: add up, check and report organization-work statistics of party committees.

>>> import ctr_stats
>>> report = ctr_stats.compute(["data/samples/2023"])
>>> report.total("admission.total").figures.percent_of_plan
Decimal('106.8')
"""

from .api import compute, load
from .errors import CtrStatsError, InputError, UsageError
from .model import Figures, Finding, Period, Report, Severity, Source, parse_period

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
    "compute",
    "load",
    "parse_period",
]
__version__ = "0.1.0"
