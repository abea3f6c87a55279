"""Hostile and broken files: a clear error naming the file, the right exit code, no
traceback, no report written or changed, within 5 s and a memory bound enforced here."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .hostile.make_hostile import CASES, Case, build
from .test_cli import ROOT

UNITS = ROOT / "tests" / "corpus" / "units.csv"
MEMORY_BOUND = 2 * 1024**3  # address space: a bomb that got through would hit it


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    build(folder)
    return folder


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))


def run_bounded(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """The run and the CPU seconds it took (user + system of the child): on a shared
    machine wall time says more about the neighbours than about the file."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "ctr_stats", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=30,
        preexec_fn=_bounded,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, cpu


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(hostile: Path, tmp_path: Path, case: Case) -> None:
    path = hostile / case.name
    report = tmp_path / "bao-cao.md"
    report.write_text("ctr-stats compute: the previous report", encoding="utf-8")
    result, elapsed = run_bounded(
        "compute", str(path), "--units-only", str(UNITS), "--lang", "en", "-o", str(report)
    )
    output = result.stdout + result.stderr
    assert result.returncode == case.exit_code, output
    assert "Traceback" not in output
    assert elapsed < 5, f"took {elapsed:.1f} s"
    if case.words:
        assert case.words in result.stderr, result.stderr
    if case.exit_code == 3:
        assert str(path) in result.stderr
    if case.exit_code != 0:  # unread, or an error under a figure: no report written
        assert report.read_text(encoding="utf-8") == "ctr-stats compute: the previous report"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.md"]
    else:
        assert "| New members admitted |" in report.read_text(encoding="utf-8")


def test_one_bad_file_among_many_hides_nothing(hostile: Path) -> None:
    result, elapsed = run_bounded(
        "check", str(hostile), "--units-only", str(UNITS), "--lang", "en", "--format", "json"
    )
    assert result.returncode == 3 and "Traceback" not in result.stderr
    import json

    data = json.loads(result.stdout)
    unreadable = {
        Path(f["file"]).name
        for f in data["findings"]
        if f["code"] in ("unreadable-file", "password-protected")
    }
    assert unreadable == {c.name for c in CASES if c.exit_code == 3}
    assert "duplicate-unit" in data["summary"]["by_code"]  # the good files were all read
    assert elapsed < 15


def test_limits_can_be_raised(hostile: Path) -> None:
    result, _ = run_bounded(
        "compute",
        str(hostile / "merge-bomb.xlsx"),
        "--units-only",
        str(UNITS),
        "--max-merges",
        "200000",
    )
    assert result.returncode == 0, result.stderr


def test_unexpected_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    """A bug of ours still ends in a message and exit code 3; --debug shows the traceback."""
    script = tmp_path / "boom.py"
    script.write_text(
        "import sys\nimport ctr_stats.cli as cli\n"
        "def boom(*a, **k):\n    raise RuntimeError('boom')\n"
        "import ctr_stats.api\nctr_stats.api.compute = boom\n"
        "sys.argv = ['ctr-stats', 'compute', 'data/samples/2023'] + sys.argv[1:]\ncli.main()\n",
        encoding="utf-8",
    )
    quiet = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT)
    assert (
        quiet.returncode == 3
        and "Traceback" not in quiet.stderr
        and "RuntimeError: boom" in quiet.stderr
    )
    loud = subprocess.run(
        [sys.executable, str(script), "--debug"], capture_output=True, text=True, cwd=ROOT
    )
    assert "Traceback" in loud.stderr


def test_fuzzed_sample_workbooks_never_crash(tmp_path: Path) -> None:
    """Mutated copies of a real workbook: every run ends in a result or a clear error."""
    import random

    source = (ROOT / "data" / "samples" / "2023" / "ba-dinh.xlsx").read_bytes()
    rng = random.Random(20231130)
    for n in range(24):
        data = bytearray(source)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"fuzz-{n}.xlsx"
        path.write_bytes(bytes(data))
        result, elapsed = run_bounded("compute", str(path), "--format", "json", "--allow-missing")
        assert result.returncode in (0, 1, 3), (n, result.returncode, result.stderr[-500:])
        assert "Traceback" not in result.stderr and elapsed < 5


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_header_matcher_never_raises(path: list[str]) -> None:
    from ctr_stats.catalogue import load_catalogue
    from ctr_stats.layout import resolve_column

    indicator, measure, _ = resolve_column(path, load_catalogue())
    assert indicator is None or indicator in load_catalogue().indicators
    assert measure in (None, "plan", "actual", "prior")
