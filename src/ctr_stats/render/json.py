"""The JSON contract ctr-stats/compute/1, which CI jobs and other tools parse."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..calculate import describe_cells
from ..model import MEASURES, Figures, Report

SCHEMA = "ctr-stats/compute/1"


def _number(value: int | Decimal | None) -> int | float | None:
    """Percentages are already rounded Decimals; a float prints them with the same digits."""
    if value is None or isinstance(value, int):
        return value
    return (
        int(value)
        if value == value.to_integral_value() and value.as_tuple().exponent == 0
        else float(value)
    )


def _figures(figures: Figures) -> dict[str, Any]:
    return {"indicator": figures.indicator} | {
        key: _number(value) for key, value in figures.numbers().items()
    }


def report_to_dict(report: Report, lang: str = "vi") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "period": report.period.to_dict() if report.period else None,
        "registry": report.registry,
        "precision": report.precision,
        "totals": [
            _figures(t.figures) | {"units_reporting": t.units_reporting} for t in report.totals
        ],
        "units": [
            {"code": u.code, "name": u.name}
            | _figures(u.figures)
            | {
                "sources": {
                    m: describe_cells(u.cells[m]) if m in u.cells else None for m in MEASURES
                }
            }
            for u in report.units
        ],
        "findings": [f.to_dict(lang) for f in report.findings],
    }


def render_json(report: Report, lang: str = "vi") -> str:
    """The contract, one record per line: readable, and encoded by json's C encoder
    (indent= would fall back to the pure-Python one, seconds on a national roll-up)."""
    data = report_to_dict(report, lang)
    lines = ["{"]
    keys = list(data)
    for n, key in enumerate(keys):
        end = "," if n < len(keys) - 1 else ""
        value = data[key]
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"  {json.dumps(key)}: [\n{items}\n  ]{end}")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"
