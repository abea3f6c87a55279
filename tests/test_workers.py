"""Reading in worker processes gives exactly what reading in one process gives."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ctr_stats.api as api
import ctr_stats.workers as workers
from ctr_stats.errors import InputError
from ctr_stats.read import Checked
from ctr_stats.render.json import render_json

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples" / "2023"


def _json(folder: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> str:
    monkeypatch.setenv("CTR_STATS_JOBS", jobs)
    return render_json(api.compute([folder]))


def _unreadable(report_json: str) -> int:
    import json

    return [f["code"] for f in json.loads(report_json)["findings"]].count("unreadable-file")


def _always_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "FORK_FROM", 1)
    monkeypatch.setattr(workers, "SPAWN_FROM", 1)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """The samples and a few files that cannot be read, so findings cross processes too."""
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "not-a-workbook.xlsx").write_bytes(b"\x00\x01binary")
    (folder / "renamed.xlsx").write_text("Đơn vị;Thực hiện\n", encoding="utf-8")  # no table
    return folder


def test_workers_give_the_same_report(mixed_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _always_workers(monkeypatch)
    serial = _json(mixed_folder, monkeypatch, "1")
    parallel = _json(mixed_folder, monkeypatch, "2")
    assert parallel == serial
    assert _unreadable(serial) == 3  # findings crossed the processes too
    assert '"code": "016", "name": "Sóc Sơn"' in serial


def test_files_checked_in_batches_of_any_size_give_the_same_report(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are checked a few megabytes at a time before they are parsed: a file alone
    (a big one), a few, or all of them, the report is the same, in the files' order."""
    reports = []
    for batch_bytes in (1, 60_000, 10**9):
        monkeypatch.setattr(api, "_BATCH_BYTES", batch_bytes)
        reports.append(_json(mixed_folder, monkeypatch, "1"))
    assert reports[0] == reports[1] == reports[2]
    assert _unreadable(reports[0]) == 3


def test_spawned_workers_give_the_same_report(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows and macOS (and on Linux when another thread runs): spawn, not fork."""
    _always_workers(monkeypatch)
    serial = _json(mixed_folder, monkeypatch, "1")
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert _json(mixed_folder, monkeypatch, "2") == serial


def test_a_worker_that_dies_is_an_input_error_naming_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader killed outright (as calamine aborting would) ends the run with exit code 3's
    error and the files it was reading, not a traceback or a hang."""
    _always_workers(monkeypatch)
    monkeypatch.setenv("CTR_STATS_JOBS", "2")
    real = api.read_checked
    this_process = os.getpid()

    def dying(checked: Checked) -> object:
        if checked.path.name == "ba-dinh.xlsx" and os.getpid() != this_process:  # in a worker
            os._exit(134)  # as python-calamine aborting would
        return real(checked)

    monkeypatch.setattr(api, "read_checked", dying)  # the forked workers inherit the patch
    with pytest.raises(InputError) as caught:
        api.compute([SAMPLES])
    assert "ba-dinh.xlsx" in str(caught.value.file)
    assert "CTR_STATS_JOBS=1" in caught.value.message_en


def test_attributing_while_reading_gives_the_same_report(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registry named up front lets sheets be attributed as they are read; the period
    read from the sheets chooses it only after. Same report either way, in one process or
    in workers."""
    _always_workers(monkeypatch)
    for jobs in ("1", "2"):
        monkeypatch.setenv("CTR_STATS_JOBS", jobs)
        after = render_json(api.compute([mixed_folder]))
        during = render_json(api.compute([mixed_folder], registry="hanoi-2024"))
        assert during == after


def test_python_m_ctr_stats_is_safe_for_spawned_workers(capsys: pytest.CaptureFixture[str]) -> None:
    """A spawned worker imports the parent's __main__ module under the name __mp_main__
    (`python -m ctr_stats` on Windows or macOS): that must not run the command again."""
    import runpy

    runpy.run_module("ctr_stats.__main__", run_name="__mp_main__")
    assert capsys.readouterr() == ("", "")


@given(files=st.integers(min_value=0, max_value=20_000), jobs=st.integers(min_value=1, max_value=8))
def test_chunks_cover_every_file_once_small_at_both_ends(files: int, jobs: int) -> None:
    sizes = workers.chunk_sizes(files, jobs)
    assert sum(sizes) == files and all(1 <= size <= 64 for size in sizes)
    if files >= 2_000 * jobs:  # a long run starts and ends on chunks of 8, runs on 64s between
        assert sizes[:jobs] == sizes[-jobs:] == [8] * jobs
        middle = sizes[3 * jobs : -3 * jobs]
        assert min(middle) >= 60 and max(middle) - min(middle) <= 1


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped (a container's init may never reap)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    """kill -9 of the main process during a run of many files: within 2 s no worker is
    left, and the caller reading its stdout and stderr sees them end (no worker holds
    them). The workers are made slow (5 s a file) so that they would outlive it."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "slow.py"
    script.write_text(
        "import sys, time\n"
        "import ctr_stats.api as api, ctr_stats.workers as workers, ctr_stats.cli as cli\n"
        "workers.FORK_FROM = workers.SPAWN_FROM = 1\n"
        "real = api.read_checked\n"
        "def slow(checked):\n    time.sleep(5)\n    return real(checked)\n"
        "api.read_checked = slow\n"
        f"sys.argv = ['ctr-stats', 'compute', {str(SAMPLES)!r}]\n"
        "cli.main()\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, str(script)],
        env={**os.environ, "CTR_STATS_JOBS": "2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    workers_seen: set[int] = set()
    while len(workers_seen) < 2 and time.monotonic() < deadline:
        workers_seen = {pid for pid in _children(process.pid) if _alive(pid)}
        time.sleep(0.05)
    try:
        assert len(workers_seen) >= 2, "the workers never started"
        time.sleep(0.3)  # reading their first files
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=5)  # EOF on both pipes: nothing else holds them
        deadline = time.monotonic() + 2
        while any(_alive(pid) for pid in workers_seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers_seen if _alive(pid)]
    finally:  # should the test fail, it leaves nothing running
        process.kill()
        for pid in workers_seen:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _fresh_python(code: str) -> list[str]:
    """The modules a new interpreter holds after `code` (this one has imported everything)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "CTR_STATS_JOBS": "2"},
    )
    return done.stdout.splitlines()


def test_what_reading_loads_first_is_loaded_once_before_workers_fork() -> None:
    """python-calamine, imported where a file is read, is imported by the main process
    before it forks its workers, which inherit it instead of each importing it."""
    if workers.start_method() != "fork":
        pytest.skip("workers are forked on Linux only")
    modules = _fresh_python(
        "import ctr_stats.api as api, ctr_stats.workers as w\n"
        "w.FORK_FROM = 1\n"
        f"loaded = api.load([{str(SAMPLES)!r}])\n"
        "assert len(loaded.sheets) == 90 and not loaded.findings"
    )
    assert "python_calamine" in modules


def test_a_clean_run_does_not_import_what_prints_findings() -> None:
    """No finding to print: rich (18 ms of start-up) is not imported to print none."""
    modules = _fresh_python(
        "import sys\n"
        "from ctr_stats.cli import main\n"
        f"sys.argv = ['ctr-stats', 'compute', {str(SAMPLES)!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code"
    )
    assert "ctr_stats.render.json" in modules
    assert not [m for m in modules if m.startswith("rich")]
