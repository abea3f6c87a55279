"""Never replace what is not the tool's, and end every write in the documented way: `-o`
onto a device, FIFO, socket or folder is a usage error that leaves it as it was; past
`ulimit -f` (as a full disk), a closed pipe, Ctrl-C: one line, the documented exit code,
no partial report and no temporary file left.

Device nodes, FIFOs and sockets are made by the tests under their own tmp_path (a
character device with /dev/null's numbers, never /dev/null itself)."""

from __future__ import annotations

import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .test_cli import ROOT, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _device(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers, here


def _folder(path: Path) -> None:
    path.mkdir()


def _link_to_fifo(path: Path) -> None:
    os.mkfifo(path.with_name("fifo"))
    path.symlink_to(path.with_name("fifo"))


SPECIAL: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "socket": _socket,
    "device": _device,
    "folder": _folder,
    "link-to-fifo": _link_to_fifo,
}


def _identity(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return st.st_mode, st.st_ino, st.st_rdev, st.st_size


@pytest.mark.parametrize("kind", list(SPECIAL))
def test_output_onto_what_is_not_a_file_is_refused_and_left_as_it_was(
    tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "bao-cao.json"
    SPECIAL[kind](target)
    before = _identity(target)
    result = run("compute", "data/samples/2023", "-o", str(target), "--lang", "en")
    assert result.returncode == 2, result.stderr
    assert str(target) in result.stderr and "not a file" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # one line
    assert _identity(target) == before
    assert target.is_symlink() == (kind == "link-to-fifo")
    assert not list(tmp_path.glob(".*ctr-stats-tmp"))


def test_output_through_a_link_writes_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "bao-cao.md"
    real.parent.mkdir()
    real.write_text("ctr-stats compute: an earlier report")
    real.chmod(0o604)
    link = tmp_path / "bao-cao.md"
    link.symlink_to(real)
    assert run("compute", "data/samples/2023", "-o", str(link)).returncode == 0
    assert link.is_symlink() and "| Đảng viên mới kết nạp |" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o604


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_limited(
    *args: str, limit: int = 4096, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """The command past `ulimit -f`: writes beyond `limit` bytes fail (EFBIG), as on a full
    disk (Python ignores SIGXFSZ, so the write fails rather than the process dying)."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "ctr_stats", *args],
        stdout=kwargs.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=60,
        preexec_fn=_file_size_limit(limit),
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("name", ["phu-luc.xlsx", "bao-cao.json"])
def test_past_the_file_size_limit_no_partial_report_is_left(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = run_limited("compute", "data/samples/2023", "--by", "unit", "-o", str(target))
    assert result.returncode == 2, result.stderr
    assert "không đủ chỗ để ghi tệp" in result.stderr and "unexpected" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert list(tmp_path.iterdir()) == []
    target.write_text("ctr-stats compute: the previous report")
    assert run_limited("compute", "data/samples/2023", "-o", str(target)).returncode == 2
    assert target.read_text() == "ctr-stats compute: the previous report"
    assert list(tmp_path.iterdir()) == [target]


def test_stdout_past_the_file_size_limit_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with (tmp_path / "out.json").open("w") as out:
        result = run_limited(
            "compute", "data/samples/2023", "-f", "json", "--by", "unit", "--lang", "en", stdout=out
        )
    assert result.returncode == 2
    assert result.stderr.startswith("Error: cannot write the output (File too large)")
    assert result.stderr.count("\n") == 1, result.stderr


COMMAND = (sys.executable, "-m", "ctr_stats", "compute", "data/samples/2023")


def test_a_reader_that_stops_reading_is_not_an_error() -> None:
    """`ctr-stats compute … | head -1`: exit 0, nothing on stderr."""
    for fmt in ("json", "table", "csv"):
        process = subprocess.Popen(
            [*COMMAND, "-f", fmt, "--by", "unit"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "COLUMNS": "120"},
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as head does after its line
        stderr = process.stderr.read()
        assert process.wait(timeout=30) == 0, (fmt, stderr)
        assert stderr == b"", (fmt, stderr)


@pytest.mark.parametrize(("how", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_says_the_run_was_stopped_and_nothing_was_written(
    tmp_path: Path, how: signal.Signals, code: int
) -> None:
    target = tmp_path / "phu-luc.xlsx"
    target.write_bytes(b"ctr-stats compute: the previous report")
    process = subprocess.Popen(
        [sys.executable, "-m", "ctr_stats", "compute", "data/samples/2023", "-o", str(target)],
        cwd=ROOT,
        env={**os.environ, "CTR_STATS_TEST_PAUSE_BEFORE_REPLACE": "30"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".phu-luc.xlsx.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".phu-luc.xlsx.*")), "the temporary file never appeared"
    process.send_signal(how)
    _, err = process.communicate(timeout=30)
    assert process.returncode == code, err
    assert err.startswith("Đã dừng (") and err.endswith(": không ghi tệp nào.\n"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert target.read_bytes() == b"ctr-stats compute: the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["phu-luc.xlsx"]


def test_a_read_only_output_is_kept(tmp_path: Path) -> None:
    """Trial 13: an annex the clerk made read-only was replaced (a rename passes over the
    mode), exit 0 and no word."""
    target = tmp_path / "annex.md"
    assert run("compute", "data/samples/2023", "-o", str(target)).returncode == 0
    before = target.read_bytes()
    target.chmod(0o444)
    result = run(
        "compute", "data/samples/2023", "--period", "2023", "-o", str(target), "--lang", "en"
    )
    assert result.returncode == 2
    assert "this file is read-only: it is not written over" in result.stderr
    assert target.read_bytes() == before and target.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize("how", ["itself", "a link", "a hard link"])
def test_output_onto_an_input_is_refused_naming_it(tmp_path: Path, how: str) -> None:
    """An input is never written over, however the output names it; the message says
    which input it is (the identity is the file's, so a hard link counts too)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in (ROOT / "data/samples/2023").glob("*.xlsx"):
        (folder / sample.name).write_bytes(sample.read_bytes())
    unit = folder / "ba-dinh.xlsx"
    target = {
        "itself": unit,
        "a link": tmp_path / "link.xlsx",
        "a hard link": tmp_path / "hard.xlsx",
    }[how]
    if how == "a link":
        target.symlink_to(unit)
    elif how == "a hard link":
        os.link(unit, target)
    before = unit.read_bytes()
    result = run("compute", str(folder), "-o", str(target), "--lang", "en")
    assert result.returncode == 2, result.stderr
    assert f"will not write over the input file {unit}" in result.stderr
    assert unit.read_bytes() == before
