"""An .ods or .xls whose sheet reaches far (a million empty rows repeated, then a number;
a cell at row 65,536; a DIMENSIONS record that claims four billion rows) is refused before
the reader parses it, naming the file, the sheet and the far cell, within a second of CPU
and under 200 MB, as an .xlsx is (tests/test_far_cell.py). The files are built here, small:
what is far is what they declare."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from ctr_stats.errors import InputError
from ctr_stats.limits import Limits
from ctr_stats.read import check_file, read_file

from .hostile.make_hostile import ODS_HEAD, ODS_TAIL, _ods
from .test_cli import ROOT

VALUE = b'<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>'
EMPTY = b"<table:table-cell/>"
MEGABYTE = 1024 * 1024


def _row(cells: bytes, repeated: int = 1) -> bytes:
    times = b' table:number-rows-repeated="%d"' % repeated if repeated > 1 else b""
    return b"<table:table-row%s>%s</table:table-row>" % (times, cells)


def _empty(columns: int) -> bytes:
    return b'<table:table-cell table:number-columns-repeated="%d"/>' % columns


def _ods_file(path: Path, body: bytes, name: str = "Kiểm tra") -> Path:
    head = ODS_HEAD.replace(b'table:name="KN"', b'table:name="' + name.encode() + b'"')
    _ods(b'<?xml version="1.0"?>' + head + body + ODS_TAIL, path)
    return path


def run_measured(*args: str) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """The CLI's run, its CPU seconds (user + system, from the children's usage: wall time
    says more about a shared machine than the file) and its own peak memory in MB (written
    by the child at exit: the children's usage keeps the largest child so far)."""
    code = (
        "import atexit, resource, sys\n"
        "atexit.register(lambda: sys.stderr.write("
        "'\\npeak-kb %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
        "from ctr_stats.cli import main\n"
        "sys.argv = ['ctr-stats', *sys.argv[1:]]\n"
        "main()\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
        timeout=60,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = [line for line in result.stderr.splitlines() if line.startswith("peak-kb ")]
    assert peak, result.stderr
    return result, cpu, int(peak[-1].split()[1]) / 1024


def _refused(path: Path, lang: str = "en") -> str:
    """The refusal's line, after checking the run: exit 3, under a second of CPU and
    200 MB (the reader, given the file, takes 250 MB to 1.5 GB, or aborts)."""
    result, cpu, peak = run_measured("check", str(path), "--lang", lang)
    assert result.returncode == 3, result.stdout + result.stderr
    assert cpu < 1.5, f"{cpu:.2f} s of CPU"
    assert peak < 200, f"{peak:.0f} MB"
    lines = [line for line in result.stdout.splitlines() if "unreadable-file" in line]
    assert len(lines) == 1, result.stdout
    return lines[0]


# .ods ------------------------------------------------------------------------------------


def test_ods_a_number_after_a_million_empty_rows(tmp_path: Path) -> None:
    path = _ods_file(
        tmp_path / "ba-vi.ods",
        _row(VALUE * 3) + _row(EMPTY, 1_000_000) + _row(_empty(2) + VALUE),
    )
    assert _refused(path) == (
        f"error unreadable-file: {path}!Kiểm tra!C1000002: sheet 'Kiểm tra' reaches out to"
        " cell C1000002: 1000002 rows × 3 columns, over the safety limit, the file was not"
        " opened. If C1000002 is a stray entry, delete its whole row 1000002 (right-click the"
        " row number, Delete) and save the file; if the sheet really is that large, raise"
        " --max-cells"
    )
    assert _refused(path, "vi") == (
        f"lỗi unreadable-file: {path}!Kiểm tra!C1000002: trang tính 'Kiểm tra' trải ra đến ô"
        " C1000002: 1000002 dòng × 3 cột, vượt giới hạn an toàn, tệp không được mở. Nếu ô"
        " C1000002 được gõ nhầm hay còn sót lại, hãy xóa cả dòng 1000002 (chuột phải vào số"
        " dòng, Delete) rồi lưu tệp; nếu trang đúng là lớn như vậy, tăng --max-cells"
    )


def test_ods_a_number_far_across_names_its_column(tmp_path: Path) -> None:
    """The far cell is in row 1; the rows below, each three cells wide, tip it over."""
    path = _ods_file(
        tmp_path / "ba-vi.ods", _row(VALUE + _empty(16_000) + VALUE) + _row(VALUE * 3, 200)
    )
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.sheet, error.cell) == ("Kiểm tra", "WQL1")
    assert error.message_en.startswith(
        "sheet 'Kiểm tra' reaches out to cell WQL1: 201 rows × 16002 columns, over the safety"
        " limit, the file was not opened. If WQL1 is a stray entry, delete its whole column WQL"
    )


def test_ods_empty_rows_after_the_last_value_are_not_counted(tmp_path: Path) -> None:
    """LibreOffice writes the formatted rest of a sheet as a million repeated empty rows of
    1,024 empty cells: the reader leaves them out, and so does the count."""
    path = _ods_file(
        tmp_path / "ba-vi.ods",
        _row(VALUE * 3) + _row(_empty(1024), 1_048_570) + _row(_empty(1024)),
    )
    (grid,) = read_file(path)
    assert (grid.sheet, len(grid.rows), len(grid.rows[0])) == ("Kiểm tra", 1, 3)


def test_ods_each_table_has_its_own_area(tmp_path: Path) -> None:
    """Two tables of 150 rows × 100 columns: 15,000 cells each, not 30,000."""
    table = _row(_empty(99) + VALUE) + _row(EMPTY, 148) + _row(VALUE)
    second = '</table:table><table:table table:name="Tổ chức đảng">'.encode()
    path = _ods_file(tmp_path / "ba-vi.ods", table + second + table)
    check_file(path, Limits(max_cells=20_000))
    with pytest.raises(InputError) as refused:
        check_file(path, Limits(max_cells=10_000))
    assert (refused.value.sheet, refused.value.cell) == ("Kiểm tra", "CV1")
