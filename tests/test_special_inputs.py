"""Only regular files are read, and no more of them than their size: FIFOs, devices and
sockets (given, linked to, or found in a folder) are refused with a finding, never opened
to be read; a file that grows while it is read is refused; a text file is read as it
streams in, its area held to --max-cells, in bounded memory.

FIFOs, sockets and device nodes are made under the test's own tmp_path (a character
device with /dev/zero's numbers, never /dev/zero itself)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ctr_stats.errors import InputError

from .hostile.make_hostile import million_rows
from .test_cli import ROOT, SAMPLES
from .test_hostile import run_bounded as run

UNITS = ROOT / "tests" / "corpus" / "units.csv"
FORM = ROOT / "tests" / "corpus" / "files" / "csv-utf8-semicolon.csv"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def _special_files(folder: Path) -> list[Path]:
    """A FIFO, a socket, a device (as root) and links to them, named as spreadsheets."""
    made = [folder / "fifo.csv", folder / "socket.xlsx"]
    os.mkfifo(made[0])
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(made[1]))
    server.close()
    if os.geteuid() == 0:
        made.append(folder / "zero.csv")  # /dev/zero's numbers, made here: endless zeros
        os.mknod(made[-1], 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    for target in list(made):
        link = folder / f"link-to-{target.stem}{target.suffix}"
        link.symlink_to(target)
        made.append(link)
    return made


def test_special_files_in_a_folder_are_refused_with_a_finding_each(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLES / "2023" / "ba-dinh.xlsx", folder)
    special = _special_files(folder)
    result, elapsed = run("compute", str(folder), "--format", "json", "--lang", "en")
    assert result.returncode == 3, result.stderr
    assert elapsed < 10  # nothing waited for a writer or read forever (a hang would time out)
    findings = json.loads(result.stdout)["findings"]
    refused = {f["file"]: f["message"] for f in findings if f["code"] == "unreadable-file"}
    # each once, under its name or a link's (a file reached twice is read once)
    assert {os.path.realpath(f) for f in refused} == {os.path.realpath(p) for p in special}
    assert all("not a file: not read" in m for m in refused.values()), refused
    assert stat.S_ISFIFO(os.lstat(folder / "fifo.csv").st_mode)  # left as it was
    assert any(u["indicator"] == "admission.total" for u in json.loads(result.stdout)["units"])


@pytest.mark.parametrize("name", ["fifo.csv", "link-to-fifo.csv", "socket.xlsx"])
def test_a_special_file_given_directly_is_refused(tmp_path: Path, name: str) -> None:
    _special_files(tmp_path)
    result, _ = run("compute", str(tmp_path / name), "--lang", "en")
    assert result.returncode == 3, result.stderr
    assert f"{tmp_path / name}: this is a" in result.stderr and "not a file" in result.stderr


def test_a_file_that_grows_while_it_is_read_is_refused(tmp_path: Path) -> None:
    from ctr_stats.read.safety import Opened

    path = tmp_path / "dang-chep.csv"
    path.write_bytes(FORM.read_bytes())
    with Opened(path) as opened:
        with path.open("ab") as more:  # still being copied in
            more.write(b"4;Huyen Soc Son;1;2;3;4;5;6\n" * 1000)
        with pytest.raises(InputError) as caught:
            opened.read_all()
    assert "changed while it was being read" in caught.value.message_en


def test_a_file_that_grows_while_streamed_is_refused(tmp_path: Path) -> None:
    from ctr_stats.read.safety import Opened
    from ctr_stats.read.text import read_text

    path = tmp_path / "dang-chep.csv"
    path.write_bytes(FORM.read_bytes())
    with Opened(path) as opened:
        with path.open("ab") as more:
            more.write(b";;;;;;;\n" * 1_000_000)
        with pytest.raises(InputError) as caught:
            read_text(path, opened)
    assert "changed while it was being read" in caught.value.message_en


def _peak_rss_mb(*args: str) -> tuple[float, int, str]:
    """The command's peak memory, measured by a small process of its own (a child forked
    from this big test process would count its pages)."""
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, encoding='utf-8')\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
        "sys.stderr.write(r.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "ctr_stats", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "CTR_STATS_JOBS": "1"},
        timeout=120,
    )
    peak, code = result.stdout.split()
    return int(peak) / 1024, int(code), result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kilobytes")
@pytest.mark.parametrize("references", [True, False])
def test_a_million_row_sheet_is_refused_before_it_is_parsed(
    tmp_path: Path, references: bool
) -> None:
    path = tmp_path / "trieu-dong.xlsx"
    million_rows(references)(path)
    peak, code, stderr = _peak_rss_mb(
        "compute", str(path), "--units-only", str(UNITS), "--lang", "en"
    )
    assert code == 3 and "--max-cells" in stderr, stderr
    assert peak < 200, f"{peak:.0f} MB"


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kilobytes")
def test_a_100_mb_csv_is_read_as_it_streams_in(tmp_path: Path) -> None:
    """The form, then 100 MB of ";;;;;;;" lines (a sheet formatted to the bottom,
    exported): the form's figures, in a few tens of megabytes (it held 2.4 GB)."""
    path = tmp_path / "xuat-ra.csv"
    with path.open("wb") as out:
        out.write(FORM.read_bytes())
        block = b";;;;;;;\n" * 125_000
        for _ in range(100):
            out.write(block)
    peak, code, stderr = _peak_rss_mb(
        "compute", str(path), "--units-only", str(UNITS), "--format", "json"
    )
    assert code == 0, stderr
    assert peak < 150, f"{peak:.0f} MB"


def test_blank_lines_keep_the_rows_where_they_are(tmp_path: Path) -> None:
    """Blank lines between rows (passed over a block at a time when there are many) keep
    every later row at its own line: its cells are named as the file numbers them."""
    import ctr_stats

    head, *rows = FORM.read_text(encoding="utf-8").strip("\n").split("\n")
    path = tmp_path / "cach-dong.csv"
    path.write_text(
        head + "\n" + ";;;;;;;\n" * 200_000 + rows[0] + "\n\n" + "\n".join(rows[1:]) + "\n",
        encoding="utf-8",
    )
    report = ctr_stats.compute([path], units_file=UNITS)
    sources = {
        u.name: u.cells["actual"].describe()
        for u in report.units
        if u.figures.indicator == "admission.total"
    }
    assert sources["Ba Đình"].endswith("!D200002")  # 200,000 blank lines (1.6 MB) above it
    assert sources["Đông Anh"].endswith("!D200004")
    assert report.total("admission.total").figures.actual == 1729


def test_a_text_file_past_max_cells_is_refused_naming_the_option(tmp_path: Path) -> None:
    head, *rows = FORM.read_text(encoding="utf-8").strip("\n").split("\n")
    path = tmp_path / "qua-lon.csv"
    path.write_text(head + "\n" + "\n".join(rows) * 10_000 + "\n", encoding="utf-8")
    result, _ = run(
        "compute", str(path), "--units-only", str(UNITS), "--lang", "en", "--max-cells", "1000"
    )
    assert result.returncode == 3
    assert "--max-cells" in result.stderr and str(path) in result.stderr
