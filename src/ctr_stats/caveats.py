"""What the figures lack or doubt, from the error findings that remain: the registry units
that sent nothing, the figures some units left out (a unit without the plan most units have:
`LACKING_CODES`), and each figure an error touches. Every output says it (`render/caveats`).

A finding touches the figures of its indicator; one that names no indicator, those of the
sheet it names (a row no unit could be found for, a sheet of another period); one that names
only a unit, those the unit has no figure for (a sheet kind it did not send); and failing
all of these, every figure, since none can be ruled out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .calculate import lacking
from .catalogue import load_catalogue
from .catalogue.registry import registry_a_year_before
from .model import LACKING_CODES, Caveats, Doubted, Finding, Severity

if TYPE_CHECKING:
    from .api import Analysis


def caveats_of(findings: Iterable[Finding], analysis: Analysis) -> Caveats:
    report = analysis.report
    shown = [t.figures.indicator for t in report.totals]
    names = {unit.name for unit in analysis.registry.units}
    held: list[dict[str, set[str]]] = []  # made when a finding first asks for it

    def reported() -> dict[str, set[str]]:
        """unit name -> the indicators it reported."""
        if not held:
            by_name: dict[str, set[str]] = {}
            for unit in report.units:
                by_name.setdefault(unit.name, set()).add(unit.figures.indicator)
            held.append(by_name)
        return held[0]

    findings = list(findings)
    # the units that sent nothing, known before any finding is weighed (a file of another
    # period of one of them puts no figure in doubt)
    missing: dict[str, None] = {
        f.unit: None
        for f in findings
        if f.code == "missing-unit" and f.unit and f.severity is Severity.ERROR
    }
    short: set[str] = set()  # indicators a unit's figure is lacking from (LACKING_CODES)
    # indicator -> (units, files, codes), each in the order first met
    touched: dict[str, tuple[dict[str, None], dict[str, None], dict[str, None]]] = {}
    for finding in findings:
        if finding.code == "missing-now" and finding.indicator:
            # a unit with a plan or Cùng kỳ and no actual, a warning: the totals shown
            # beside the percentages still say so (trial 31: "Kế hoạch 3.000" by 110,0%
            # of the 2.900 of the units with both, with nothing saying why)
            short.add(finding.indicator)
            continue
        if finding.severity is not Severity.ERROR:
            continue
        if finding.code == "missing-unit" and finding.unit:
            continue  # in `missing` already
        if finding.code in LACKING_CODES and (finding.indicator or finding.unit):
            # (a unit's finding naming several indicators names none: those it lacks)
            short.add(finding.indicator or f"{finding.unit}\0{finding.code}")
            continue
        for indicator in _touches(finding, analysis, shown, reported, missing):
            units, files, codes = touched.setdefault(indicator, ({}, {}, {}))
            if finding.unit in names and finding.indicator is not None:
                units[finding.unit] = None
            elif finding.file:
                files[finding.file] = None
            elif finding.unit:
                units[finding.unit] = None
            codes[finding.code] = None
    return Caveats(
        tuple(missing),
        tuple(
            Doubted(indicator, tuple(units), tuple(files), tuple(codes))
            for indicator in shown
            if indicator in touched
            for units, files, codes in (touched[indicator],)
        ),
        tuple(
            entry
            for entry, _ in (lacking(report.units, load_catalogue()) if short else ())
            if entry.indicator in shown
            and (
                entry.indicator in short
                or any(f"{u}\0missing-{entry.measure}" in short for u in entry.units)
            )
        ),
        _prior_registry(analysis),
    )


def _prior_registry(analysis: Analysis) -> str | None:
    """The registry last year's same period fell under, when the units were reorganised
    since and some unit gave a Cùng kỳ: each of those is its own recount on its new ground
    (trial 32: the wards typed their old district's figure, and the change read as fact)."""
    report = analysis.report
    if report.period is None or all(t.figures.prior is None for t in report.totals):
        return None
    before = registry_a_year_before(analysis.registry.name, report.period)
    return before.name if before is not None else None


def _touches(
    finding: Finding,
    analysis: Analysis,
    shown: Sequence[str],
    reported: Callable[[], dict[str, set[str]]],
    missing: Mapping[str, None],
) -> list[str]:
    if finding.indicator is not None and finding.indicator in shown:
        return [finding.indicator]
    left_out = analysis.left_out.get((finding.file or "", finding.sheet or ""), "")
    if left_out and left_out in missing:
        # a sheet of another period, left out whole, of a unit said to be missing: no
        # figure shown holds it (trial 45: last year's file of a unit already named missing
        # put every figure in doubt); another unit's stray copy still says it was left out
        return []
    if finding.code == "unknown-unit" and finding.file in analysis.titled_unknown:
        # a title naming no known unit is said once per file, of its first sheet: every
        # sheet of the file is left out
        in_file = {
            indicator
            for (file, _), indicators in analysis.sheet_indicators.items()
            if file == finding.file
            for indicator in indicators
        }
        if in_file:
            return [i for i in shown if i in in_file] or list(shown)
    if finding.file is not None and finding.sheet is not None:
        held = analysis.sheet_indicators.get((finding.file, finding.sheet))
        if held:
            return [i for i in shown if i in held] or list(shown)
    if finding.unit is not None and finding.unit in reported():
        own = reported()[finding.unit]
        lacking = [i for i in shown if i not in own]
        if finding.code == "missing-sheet":  # a kind of sheet not sent: its figures only
            indicators = load_catalogue().indicators
            sent = {indicators[i].sheet_kind for i in own if i in indicators}
            lacking = [
                i for i in lacking if i in indicators and indicators[i].sheet_kind not in sent
            ]
        if lacking:
            return lacking
    return list(shown)
