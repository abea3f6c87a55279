"""Choosing and ordering what a report shows: indicators by glob, units ranked."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fnmatch import fnmatchcase

from .errors import UsageError
from .model import Report, UnitFigures

SORT_KEYS = {"plan": "percent_of_plan", "prior": "change_vs_prior"}


def select(
    report: Report,
    *,
    indicators: list[str] | None = None,
    sort: str | None = None,
    top: int | None = None,
    bottom: int | None = None,
) -> Report:
    """The report with only the indicators matching any glob (`admission.*`), and each
    indicator's units sorted by percent of plan or change on last year, best first; `top`
    keeps the first N, `bottom` the last N (every unit's figures stay in `selected_from`)."""
    if indicators:
        wanted = {
            t.figures.indicator
            for t in report.totals
            if any(fnmatchcase(t.figures.indicator, g) for g in indicators)
        }
        if not wanted:
            raise UsageError(
                f"không có chỉ tiêu nào khớp {', '.join(indicators)}",
                f"no indicator matches {', '.join(indicators)}",
            )
        report = replace(
            report,
            totals=tuple(t for t in report.totals if t.figures.indicator in wanted),
            units=tuple(u for u in report.units if u.figures.indicator in wanted),
            caveats=replace(
                report.caveats,
                doubted=tuple(d for d in report.caveats.doubted if d.indicator in wanted),
                lacking=tuple(s for s in report.caveats.lacking if s.indicator in wanted),
            ),
        )
    if sort is None and top is None and bottom is None:
        return report
    field = SORT_KEYS[sort or "plan"]
    by_indicator: dict[str, list[UnitFigures]] = {}
    for unit in report.units:
        by_indicator.setdefault(unit.figures.indicator, []).append(unit)
    units: list[UnitFigures] = []
    for rows in by_indicator.values():
        ranked = [u for u in rows if getattr(u.figures, field) is not None]
        ranked.sort(key=lambda u: (-Decimal(getattr(u.figures, field)), u.code))
        unranked = [u for u in rows if getattr(u.figures, field) is None]
        if top is not None:
            ranked = ranked[:top]
        if bottom is not None:
            ranked = ranked[-bottom:] if bottom else []
        units.extend(ranked if (top is not None or bottom is not None) else ranked + unranked)
    cut = top is not None or bottom is not None  # statements about all units use them all
    return replace(report, units=tuple(units), selected_from=report.units if cut else None)
