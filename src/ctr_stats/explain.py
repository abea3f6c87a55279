"""Where a figure comes from: every cell it was added up from, and every finding about it."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Unit, load_catalogue
from .errors import UsageError
from .model import Cell, Figures, Finding, Report


@dataclass(frozen=True)
class Explanation:
    indicator: str
    unit: Unit | None  # None: the total over all units
    figures: Figures | None
    cells: tuple[tuple[str, str, Cell], ...]  # (unit name, measure, cell)
    findings: tuple[Finding, ...]


def explain(report: Report, indicator: str, unit: Unit | None = None) -> Explanation:
    catalogue = load_catalogue()
    if indicator not in catalogue.indicators:
        from rapidfuzz import process

        close = [m for m, _, _ in process.extract(indicator, list(catalogue.indicators), limit=3)]
        raise UsageError(
            f"không có chỉ tiêu '{indicator}'; có phải: {', '.join(close)}?",
            f"no indicator '{indicator}'; did you mean: {', '.join(close)}?",
        )
    entries = [
        u
        for u in report.units
        if u.figures.indicator == indicator and (unit is None or u.code == unit.code)
    ]
    if unit is None:
        total = report.total(indicator)
        figures = total.figures if total else None
    else:
        figures = entries[0].figures if entries else None
    cells = tuple(
        (entry.name, measure, cell)
        for entry in entries
        for measure in ("plan", "actual", "prior")
        for cell in entry.cells.get(measure, ())
    )
    findings = tuple(
        f
        for f in report.findings
        if (f.indicator == indicator and (unit is None or f.unit in (None, unit.name)))
        # a unit's own finding of no indicator: why it has no figure ("missing-unit", and
        # the file that may be its report)
        or (unit is not None and f.indicator is None and f.unit == unit.name)
    )
    return Explanation(indicator, unit, figures, cells, findings)
