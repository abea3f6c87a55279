"""Run ctr-stats on a folder through the public API and judge the result against what the
mutation must give.

The exit code is the team's rule for `compute` (issue 17): 3 when an input could not be
read, else 1 when any finding is an error, else 0."""

from __future__ import annotations

import gc
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import ctr_stats
from ctr_stats.errors import CtrStatsError
from ctr_stats.model import UNREADABLE_CODES, Finding, Report, Severity

from .expect import Damage, Deltas, Expectation, Moves, Same

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"

# (unit code or "*" for the total, indicator) -> actual, plan, prior, the three percentages,
# and for the total the number of units reporting
Figures = tuple[object, ...]
Snapshot = dict[tuple[str, str], Figures]
COUNTS = 3  # the first three figures are the counts a value change moves


def exit_code(findings: Iterable[Finding]) -> int:
    """compute's exit code, by its rule (issue 17): test_the_cli_exits_as_the_judge_says
    keeps this copy true to the command line."""
    findings = list(findings)
    if any(f.code in UNREADABLE_CODES for f in findings):
        return 3
    if any(f.severity is Severity.ERROR for f in findings):
        return 1
    return 0


def snapshot(report: Report) -> Snapshot:
    shot: Snapshot = {}
    for total in report.totals:
        f = total.figures
        shot[("*", f.indicator)] = (*_numbers(f), total.units_reporting)
    for unit in report.units:
        shot[(unit.code, unit.figures.indicator)] = _numbers(unit.figures)
    return shot


def _numbers(f: ctr_stats.Figures) -> Figures:
    return (
        f.actual,
        f.plan,
        f.prior,
        f.percent_of_plan,
        f.percent_of_prior,
        f.change_vs_prior,
    )


@dataclass(frozen=True)
class Outcome:
    figures: Snapshot
    findings: tuple[Finding, ...]
    exit: int
    crash: str | None = None  # a traceback: the tool raised what it should have reported


def run(paths: Sequence[Path]) -> Outcome:
    # compute freezes what the garbage collector tracks when it ends (api.paused_gc),
    # garbage too: the mutation's openpyxl workbook (cycles) would be kept for good
    gc.collect()
    try:
        report = ctr_stats.compute(paths)
    except CtrStatsError as exc:  # a usage or input error: no figures, its exit code
        finding = Finding("raised", Severity.ERROR, exc.message, exc.message_en, exc.file)
        return Outcome({}, (finding,), exc.exit_code)
    except Exception:
        return Outcome({}, (), 3, traceback.format_exc())
    return Outcome(snapshot(report), report.findings, exit_code(report.findings))


MeasureAt = dict[tuple[str, str, int, int], tuple[str, str, str, int]]


@dataclass(frozen=True)
class Baseline:
    """A period's samples as the tool reads them unchanged: their figures, and what each
    data cell is ((file name, sheet, row, col) -> (unit code, indicator, measure, value))."""

    period: str
    outcome: Outcome
    cells: MeasureAt
    names: dict[str, str]  # unit code -> registry name


@cache
def baseline(period: str) -> Baseline:
    report = ctr_stats.compute([SAMPLES / period])
    cells: MeasureAt = {}
    for unit in report.units:
        for measure, held in unit.cells.items():
            for cell in held:
                key = (Path(cell.where.file).name, cell.where.sheet, cell.row + 1, cell.col + 1)
                cells[key] = (unit.code, unit.figures.indicator, measure, int(cell.value))
    outcome = Outcome(snapshot(report), report.findings, exit_code(report.findings))
    assert outcome.exit == 0 and not outcome.findings, f"the {period} samples are not clean"
    return Baseline(period, outcome, cells, {u.code: u.name for u in report.units})


# findings that a figure's own parts, whole or total row disagree with it
CONSISTENCY = frozenset(
    {"total-mismatch", "sum-mismatch", "part-exceeds-whole", "breakdown-mismatch"}
)


class Failure(StrEnum):
    """The columns of the results table."""

    ALTERED = "cosmetic: a figure altered"
    DELTA = "value: delta wrong"
    SILENT = "damaging: different figure, exit 0"
    OTHER = "other"


@dataclass(frozen=True)
class Verdict:
    failure: Failure | None  # None: as expected
    detail: str = ""


OK = Verdict(None)


def judge(base: Baseline, got: Outcome, expected: Expectation) -> Verdict:
    if got.crash:
        return Verdict(Failure.OTHER, "crashed: " + got.crash.strip().splitlines()[-1])
    before = base.outcome
    if isinstance(expected, Same):
        if got.figures != before.figures:
            return Verdict(Failure.ALTERED, _differences(before.figures, got.figures))
        if got.exit != before.exit:
            return Verdict(Failure.OTHER, f"exit {before.exit} -> {got.exit}: {_errors(got)}")
        return OK
    if isinstance(expected, Moves):
        want = moved(before.figures, expected.deltas)
        if _counts(got.figures) != _counts(want):
            return Verdict(Failure.DELTA, _differences(want, got.figures, COUNTS))
        # a value changed alone may break the data's own arithmetic (a part now above its
        # whole, committees and cells no longer adding up to their total): saying so is
        # right, and the figures still moved by exactly the change
        errors = {f.code for f in got.findings if f.severity is Severity.ERROR}
        if expected.mismatch is None:
            if got.exit != before.exit and not errors <= CONSISTENCY:
                return Verdict(Failure.OTHER, f"exit {got.exit}: {_errors(got)}")
        elif not any(
            f.code == "total-mismatch" and expected.mismatch.named_by(f) for f in got.findings
        ):
            return Verdict(Failure.OTHER, f"no total-mismatch at the total row: {_errors(got)}")
        return OK
    return _judge_damage(before, got, expected)


def _judge_damage(before: Outcome, got: Outcome, expected: Damage) -> Verdict:
    if expected.right is not None:
        want = moved(before.figures, expected.right)
        if (_counts(got.figures) == _counts(want)) if expected.right else got.figures == want:
            return OK
    pointed = [f for f in got.findings if expected.place.named_by(f)]
    if got.exit != 0 and pointed:
        return OK
    if got.exit == 0 and got.figures != before.figures:
        return Verdict(Failure.SILENT, _differences(before.figures, got.figures) + _said(got))
    if got.exit == 0:
        return Verdict(Failure.OTHER, "exit 0, figures unchanged, nothing said" + _said(got))
    return Verdict(Failure.OTHER, f"exit {got.exit}, no finding names the place: {_errors(got)}")


def moved(figures: Snapshot, deltas: Deltas) -> Snapshot:
    """The counts after a value change: each unit's and the total's."""
    out = {key: list(value) for key, value in figures.items()}
    index = {"actual": 0, "plan": 1, "prior": 2}
    for (unit, indicator, measure), delta in deltas.items():
        for key in ((unit, indicator), ("*", indicator)):
            out[key][index[measure]] += delta  # type: ignore[operator]
    return {key: tuple(value) for key, value in out.items()}


def _counts(figures: Snapshot) -> dict[tuple[str, str], Figures]:
    return {key: value[:COUNTS] + value[6:] for key, value in figures.items()}


def _differences(want: Snapshot, got: Snapshot, width: int = 7) -> str:
    names = ("actual", "plan", "prior", "% plan", "% prior", "change", "units")
    diffs = []
    for key in sorted(set(want) | set(got), key=lambda k: (k[0] != "*", k)):
        a, b = want.get(key), got.get(key)
        if a is None or b is None:
            diffs.append(f"{'/'.join(key)} {'missing' if b is None else 'extra'}")
            continue
        for name, x, y in zip(names, a, b, strict=False):
            if x != y and (name in names[:width] or name == "units"):
                diffs.append(f"{'/'.join(key)} {name} {x} -> {y}")
    shown = "; ".join(diffs[:3])
    return shown + (f" (+{len(diffs) - 3} more)" if len(diffs) > 3 else "")


def _errors(got: Outcome) -> str:
    errors = [f for f in got.findings if f.severity is Severity.ERROR]
    return ", ".join(f"{f.code}@{_where(f)}" for f in errors[:4]) or "no error finding"


def _said(got: Outcome) -> str:
    return (" [" + ", ".join(f"{f.code}@{_where(f)}" for f in got.findings[:3]) + "]") * bool(
        got.findings
    )


def _where(f: Finding) -> str:
    return "!".join(p for p in (f.file and Path(f.file).name, f.sheet, f.cell) if p) or "-"
