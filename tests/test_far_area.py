"""An .ods or .xls whose sheet reaches far (a million empty rows repeated, then a number;
a cell at row 65,536; a DIMENSIONS record that claims four billion rows) is refused before
the reader parses it, naming the file, the sheet and the far cell, within a second of CPU
and under 200 MB, as an .xlsx is (tests/test_far_cell.py). The files are built here, small:
what is far is what they declare."""

from __future__ import annotations

import os
import resource
import shutil
import struct
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
    by the child at exit, from /proc/self/status where there is one: the children's usage
    keeps the largest child so far, and a child's ru_maxrss starts from this process's)."""
    code = (
        "import atexit, resource, sys\n"
        "def peak():\n"
        "    try:\n"  # the process's own high-water mark: ru_maxrss keeps, across exec, that
        "        with open('/proc/self/status') as status:\n"  # of the pytest it forked from
        "            return next(int(l.split()[1]) for l in status if l.startswith('VmHWM:'))\n"
        "    except (OSError, StopIteration):\n"
        "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "atexit.register(lambda: sys.stderr.write('\\npeak-kb %d\\n' % peak()))\n"
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


def test_ods_a_covered_cell_with_a_value_counts(tmp_path: Path) -> None:
    """A cell under a merge (covered-table-cell) that keeps a value: the reader reads it."""
    covered = VALUE.replace(b"table:table-cell", b"table:covered-table-cell")
    path = _ods_file(
        tmp_path / "ba-vi.ods", _row(VALUE * 3) + _row(EMPTY, 1_000_000) + _row(EMPTY + covered)
    )
    with pytest.raises(InputError) as refused:
        check_file(path)
    assert (refused.value.sheet, refused.value.cell) == ("Kiểm tra", "B1000002")


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


# .xls ------------------------------------------------------------------------------------

LEGACY = ROOT / "tests" / "corpus" / "files" / "format-legacy.xls"  # one sheet, 'Kết nạp'
RK, LABELSST, DIMENSIONS = 0x027E, 0x00FD, 0x0200


def _records(stream: bytes) -> list[tuple[int, int]]:
    """(offset, type) of each BIFF record of a workbook stream."""
    found, at = [], 0
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        found.append((at, kind))
        at += 4 + size
    return found


def _xls_file(path: Path, *changes: tuple[int, int, str, tuple[int, ...]]) -> Path:
    """LEGACY with fields of its sheet's records rewritten in place: (record type, which
    one: 0 the first, -1 the last; struct format; values) written after its header."""
    import olefile

    shutil.copy(LEGACY, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
        for kind, which, layout, values in changes:
            at = [offset for offset, k in _records(bytes(stream)) if k == kind][which]
            struct.pack_into(layout, stream, at + 4, *values)
        ole.write_stream("Workbook", bytes(stream))
    return path


def test_xls_a_number_at_row_65536_of_a_wide_sheet(tmp_path: Path) -> None:
    """The sheet's last number moved to A65536, a label to column AN: 65,536 rows × 40
    columns to allocate."""
    path = _xls_file(
        tmp_path / "ba-vi.xls", (RK, -1, "<HH", (65535, 0)), (LABELSST, 0, "<HH", (0, 39))
    )
    assert _refused(path) == (
        f"error unreadable-file: {path}!Kết nạp!A65536: sheet 'Kết nạp' reaches out to cell"
        " A65536: 65536 rows × 40 columns, over the safety limit, the file was not opened. If"
        " A65536 is a stray entry, delete its whole row 65536 (right-click the row number,"
        " Delete) and save the file; if the sheet really is that large, raise --max-cells"
    )
    assert _refused(path, "vi") == (
        f"lỗi unreadable-file: {path}!Kết nạp!A65536: trang tính 'Kết nạp' trải ra đến ô"
        " A65536: 65536 dòng × 40 cột, vượt giới hạn an toàn, tệp không được mở. Nếu ô A65536"
        " được gõ nhầm hay còn sót lại, hãy xóa cả dòng 65536 (chuột phải vào số dòng, Delete)"
        " rồi lưu tệp; nếu trang đúng là lớn như vậy, tăng --max-cells"
    )


def test_xls_a_number_at_iv65536(tmp_path: Path) -> None:
    """16.7 million cells: the reader took 1.2 GB and 3 s of CPU for this 7 KB file."""
    path = _xls_file(tmp_path / "ba-vi.xls", (RK, -1, "<HH", (65535, 255)))
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.file, error.sheet, error.cell) == (str(path), "Kết nạp", "IV65536")
    assert error.message_en.startswith(
        "sheet 'Kết nạp' reaches out to cell IV65536: 65536 rows × 256 columns, over the"
        " safety limit"
    )


def test_xls_dimensions_past_the_grid(tmp_path: Path) -> None:
    """A DIMENSIONS record claiming 4,294,967,295 rows: the reader aborted the process."""
    path = _xls_file(tmp_path / "ba-vi.xls", (DIMENSIONS, -1, "<IIHH", (0, 0xFFFFFFFF, 0, 0xFFFF)))
    assert _refused(path) == (
        f"error unreadable-file: {path}!Kết nạp!A1:CRXO4294967295: sheet 'Kết nạp' declares a"
        " used area A1:CRXO4294967295 (its DIMENSIONS record), beyond the .xls grid (65536"
        " rows × 256 columns): the file is damaged or tampered with, not opened; ask the unit"
        " to send it again"
    )
    assert "khai báo vùng dữ liệu A1:CRXO4294967295 (bản ghi DIMENSIONS)" in _refused(path, "vi")


def test_xls_a_cell_past_column_iv(tmp_path: Path) -> None:
    """Column 60,001 (BIFF8 has 256): the reader would take it as it comes."""
    path = _xls_file(tmp_path / "ba-vi.xls", (RK, -1, "<HH", (5, 60000)))
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.sheet, error.cell) == ("Kết nạp", "CJSS6")
    assert error.message_en == (
        "sheet 'Kết nạp' has a cell CJSS6 beyond the .xls grid (row 6, column 60001)"
    )
    assert error.message == (
        "trang tính 'Kết nạp' có ô CJSS6 nằm ngoài lưới của tệp .xls (dòng 6, cột 60001)"
    )


def test_xls_merged_areas_are_counted(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        check_file(LEGACY, Limits(max_merges=3))
    assert refused.value.sheet == "Kết nạp"
    assert refused.value.message_en == (
        "sheet 'Kết nạp' has 4 merged areas: over the safety limit, the file was not opened"
        " (if it really is so, raise --max-merges)"
    )


def test_xls_real_forms_pass_and_read_as_before(tmp_path: Path) -> None:
    for path in sorted((ROOT / "tests" / "forms" / "files").glob("*.xls")):
        assert read_file(path), path
    (grid,) = read_file(LEGACY)
    assert grid.sheet == "Kết nạp"


def test_xls_a_damaged_container_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ba-vi.xls"
    path.write_bytes(LEGACY.read_bytes()[:3000])
    with pytest.raises(InputError) as refused:
        check_file(path)
    assert refused.value.message == "tệp .xls bị hỏng: hãy xin đơn vị gửi lại tệp"
    assert refused.value.message_en.startswith("the .xls file is damaged (")
