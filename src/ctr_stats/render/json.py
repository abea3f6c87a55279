"""The JSON contract ctr-stats/compute/1, which CI jobs and other tools parse."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..model import MEASURES, Figures, Report, UnitFigures

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
    return {
        "indicator": figures.indicator,
        "actual": figures.actual,
        "plan": figures.plan,
        "prior": figures.prior,
        "percent_of_plan": _number(figures.percent_of_plan),
        "percent_of_prior": _number(figures.percent_of_prior),
        "change_vs_prior": _number(figures.change_vs_prior),
    }


def _unit_record(unit: UnitFigures) -> dict[str, Any]:
    record = {"code": unit.code, "name": unit.name} | _figures(unit.figures)
    cells = unit.cells
    record["sources"] = {m: cells[m].describe() if m in cells else None for m in MEASURES}
    return record


def report_to_dict(report: Report, lang: str = "vi") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "period": report.period.to_dict() if report.period else None,
        "registry": report.registry,
        "precision": report.precision,
        "totals": [
            _figures(t.figures) | {"units_reporting": t.units_reporting} for t in report.totals
        ],
        "units": [_unit_record(u) for u in report.units],
        "findings": [f.to_dict(lang) for f in report.findings],
    }


def render_json(report: Report, lang: str = "vi") -> str:
    """The contract, one record per line: readable, and encoded by json's C encoder
    (indent= would fall back to the pure-Python one, seconds on a national roll-up).
    Records are encoded as they are made, not gathered first."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    sections: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("period", report.period.to_dict() if report.period else None),
        ("registry", report.registry),
        ("precision", report.precision),
        (
            "totals",
            (_figures(t.figures) | {"units_reporting": t.units_reporting} for t in report.totals),
        ),
        ("units", (_unit_record(u) for u in report.units)),
        ("findings", (f.to_dict(lang) for f in report.findings)),
    ]
    lines = ["{"]
    for n, (key, value) in enumerate(sections):
        end = "," if n < len(sections) - 1 else ""
        if isinstance(value, Iterator):
            items = ",\n".join("    " + encode(item) for item in value)
            lines.append(
                f"  {json.dumps(key)}: [\n{items}\n  ]{end}"
                if items
                else f"  {json.dumps(key)}: []{end}"
            )
        else:
            lines.append(f"  {json.dumps(key)}: {encode(value)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"
