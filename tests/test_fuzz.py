"""The short metamorphic fuzz run (issue 22): every class of tests/fuzz/catalogue.py, a few
seeded instances each, judged against what the change must give. The long run is
`python -m tests.fuzz --mutations 2000 --seed 1` (README, "Fuzz testing").

A class that fails today is in tests/fuzz/known.py and runs as xfail(strict): when a fix
makes it pass, the XPASS fails the suite until its line is removed from known.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.fuzz.catalogue import BY_NAME, CLASSES, Class
from tests.fuzz.judge import Outcome, Snapshot, exit_code, run
from tests.fuzz.known import KNOWN_FAILURES
from tests.fuzz.run import classes, mutate, run_id

SEEDS = (0, 1)  # instances of each class in the short run
SEEDS_SOFFICE = (0,)  # LibreOffice exports take a second each


def _param(cls: Class) -> object:
    marks = []
    if cls.name in KNOWN_FAILURES:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[cls.name]))
    if cls not in classes():
        marks.append(pytest.mark.skip(reason="LibreOffice (soffice) is not installed"))
    return pytest.param(cls, marks=marks, id=cls.name)


@pytest.mark.parametrize("cls", [_param(c) for c in CLASSES])
def test_class(cls: Class) -> None:
    seeds = SEEDS_SOFFICE if cls.needs_soffice else SEEDS
    failures = []
    for seed in seeds:
        result, _ = run_id(f"{cls.name}@{seed}")
        if not result.ok:
            failures.append(f"{result.id} ({result.note}): {result.verdict.detail}")
    assert not failures, "\n".join(failures)


# instances the long run failed once, kept so the fix stays (header.py: a label column by
# meaning has names below it, not figures; read/safety.py: a sheet refused for its area
# is named, and its far cell)
REGRESSIONS = (
    *(f"merged-differently/stt-unit-below@{n}" for n in range(100000, 100004)),
    *(f"far-number/last-row@{n}" for n in range(100000, 100003)),
)


@pytest.mark.parametrize("mutation_id", REGRESSIONS)
def test_a_failure_the_long_run_found_stays_fixed(mutation_id: str) -> None:
    result, _ = run_id(mutation_id)
    assert result.ok, f"{result.id} ({result.note}): {result.verdict.detail}"


def test_known_failures_name_real_classes() -> None:
    assert set(KNOWN_FAILURES) <= set(BY_NAME), set(KNOWN_FAILURES) - set(BY_NAME)


def test_an_id_remakes_the_same_mutation(tmp_path: Path) -> None:
    made = []
    for n in (1, 2):
        target, expected = mutate(BY_NAME["value/plus-total-left"], 7, tmp_path / str(n))
        made.append((target.where(), target.notes, expected))
    assert made[0] == made[1]


def test_the_judge_fails_what_it_must() -> None:
    """A cosmetic change that alters a figure, a wrong delta, a silent damage: each judged
    a failure of its kind (the judge is no test that cannot fail)."""
    from tests.fuzz.expect import Damage, Moves, Place, Same
    from tests.fuzz.judge import Failure, baseline, judge

    base = baseline("2023")
    figures = dict(base.outcome.figures)
    key = ("*", "admission.total")
    figures[key] = (figures[key][0] + 1, *figures[key][1:])
    altered = Outcome(figures, (), 0)
    assert judge(base, altered, Same()).failure is Failure.ALTERED
    assert judge(base, altered, Moves({("001", "admission.total", "actual"): 2})).failure is (
        Failure.DELTA
    )
    place = Place(frozenset({"ba-dinh.xlsx"}), "Kết nạp", frozenset({(10, 4)}))
    assert judge(base, altered, Damage(place)).failure is Failure.SILENT
    assert judge(base, base.outcome, Damage(place)).failure is Failure.OTHER


def test_a_place_is_named_by_a_finding_on_its_cell_row_or_range() -> None:
    from ctr_stats.model import Finding, Severity
    from tests.fuzz.expect import Place

    def said(cell: str | None, sheet: str = "Kết nạp", file: str = "/x/ba-dinh.xlsx") -> Finding:
        return Finding("x", Severity.ERROR, "", "", file, sheet, cell)

    place = Place(frozenset({"ba-dinh.xlsx"}), "Kết nạp", frozenset({(12, 4)}), frozenset({20}))
    assert place.named_by(said("D12"))
    assert place.named_by(said("D10:D18"))
    assert place.named_by(said("F8, D12"))
    assert place.named_by(said("20:20"))  # a row
    assert place.named_by(said("K20"))  # a cell of a row
    assert not place.named_by(said("E12"))
    assert not place.named_by(said("D13:D18"))
    assert not place.named_by(said("D12", sheet="Kiểm tra"))
    assert not place.named_by(said("D12", file="/x/ba-vi.xlsx"))
    assert not place.named_by(said(None))
    assert Place(frozenset({"ba-dinh.xlsx"}), "Kết nạp", whole_sheet=True).named_by(said(None))


# ------------------------------------------------------------ the CLI agrees with the judge

CLI_SAMPLE = [
    "roundtrip@0",
    "value/plus-total-left@0",
    "bad-value/abc@0",
    "total-label/Tổng hợp@0",
    "hidden/sheet@0",
    "file-missing@0",
]


def _cli(folder: Path) -> tuple[dict[str, object], int]:
    done = subprocess.run(
        [sys.executable, "-m", "ctr_stats", "compute", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "CTR_STATS_JOBS": "1", "NO_COLOR": "1"},
    )
    return json.loads(done.stdout), done.returncode


def _figures(data: dict[str, object]) -> Snapshot:
    def dec(x: object) -> Decimal | None:
        return None if x is None else Decimal(str(x))

    shot: Snapshot = {}
    for t in data["totals"]:  # type: ignore[attr-defined]
        shot[("*", t["indicator"])] = (
            t["actual"], t["plan"], t["prior"], dec(t["percent_of_plan"]),
            dec(t["percent_of_prior"]), dec(t["change_vs_prior"]), t["units_reporting"],
        )  # fmt: skip
    for u in data["units"]:  # type: ignore[attr-defined]
        shot[(u["code"], u["indicator"])] = (
            u["actual"], u["plan"], u["prior"], dec(u["percent_of_plan"]),
            dec(u["percent_of_prior"]), dec(u["change_vs_prior"]),
        )  # fmt: skip
    return shot


def _said(findings: object) -> list[tuple[object, ...]]:
    return sorted(
        (f["code"], f["severity"], f["file"] and Path(f["file"]).name, f["sheet"], f["cell"])
        for f in findings  # type: ignore[attr-defined]
    )


@pytest.fixture(scope="module")
def through_both(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Outcome, dict, int]]:
    runs = []
    for mutation_id in CLI_SAMPLE:
        folder = tmp_path_factory.mktemp("cli") / "samples"
        cls = BY_NAME[mutation_id.partition("@")[0]]
        mutate(cls, int(mutation_id.rpartition("@")[2]), folder)
        runs.append((mutation_id, run([folder]), *_cli(folder)))
    return runs


def test_the_cli_gives_the_figures_and_findings_the_judge_saw(through_both: list) -> None:
    for mutation_id, outcome, data, _ in through_both:
        assert _figures(data) == outcome.figures, mutation_id
        findings = [f.to_dict("vi") for f in outcome.findings]
        assert _said(data["findings"]) == _said(findings), mutation_id


def test_the_cli_exits_as_the_judge_says(through_both: list) -> None:
    for mutation_id, outcome, _, code in through_both:
        assert code == outcome.exit == exit_code(outcome.findings), (mutation_id, code)
