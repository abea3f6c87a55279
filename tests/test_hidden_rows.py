"""A row hidden rather than deleted (a dissolved party cell's old figures) is not added, and
a hidden-row error names it, whichever format carries it: an .xlsx says so in its sheet's
XML, an .xls in its ROW record's flags, an .ods in table:visibility. Found by a user trial:
the .xls and .ods copies of a workbook were added up whole, hidden row and all, exit 0."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.limits import DEFAULT_LIMITS
from ctr_stats.read import read_file
from ctr_stats.read.xls_bounds import _check_sheet

from .corpus.make_corpus import EXPECTED_ADMISSION, FULL, HERE, UNITS, consolidated, write_xlsx
from .helpers import libreoffice_convert
from .hostile.make_hostile import ODS_HEAD, ODS_TAIL, _ods
from .test_cli import ROOT, run
from .test_far_area import LEGACY, _xls_file

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)"
)
DISSOLVED = [4, "Quận Hoàn Kiếm", 1, 2, 3, 4, 5, 6]  # row 11, hidden: its figures are old


@pytest.fixture(scope="module")
def hidden_row_books(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workbook with row 11 hidden, as openpyxl writes it and as LibreOffice saves it
    in .xls and .ods; with its "Tổng cộng" row (with-total.*) and without (no-total.*)."""
    folder = tmp_path_factory.mktemp("hidden-row")
    rows, merges = consolidated([FULL[u] for u in UNITS], extra=[DISSOLVED])
    without_total = [row for row in rows if not row or row[0] != "Tổng cộng"]
    for name, sheet in (("with-total", rows), ("no-total", without_total)):
        source = folder / f"{name}.xlsx"
        write_xlsx(source, {"KN": (sheet, merges)}, hidden_rows={"KN": [11]})
        if shutil.which("soffice") is not None:
            libreoffice_convert(source, "xls", folder)
            libreoffice_convert(source, "ods", folder)
    return folder


def _totals(report: ctr_stats.Report) -> dict[str, dict[str, int]]:
    return {
        t.figures.indicator: {
            m: getattr(t.figures, m)
            for m in ("plan", "actual", "prior")
            if getattr(t.figures, m) is not None
        }
        for t in report.totals
    }


@pytest.mark.parametrize(
    "suffix",
    [".xlsx", pytest.param(".xls", marks=needs_soffice), pytest.param(".ods", marks=needs_soffice)],
)
@pytest.mark.parametrize("name", ["with-total", "no-total"])
def test_a_hidden_row_is_not_added_and_is_named(
    hidden_row_books: Path, name: str, suffix: str
) -> None:
    path = hidden_row_books / f"{name}{suffix}"
    report = ctr_stats.compute([path], units_file=HERE / "units.csv", units_only=True)
    assert _totals(report) == EXPECTED_ADMISSION  # the three units, not Hoàn Kiếm's 1 to 6
    [finding] = report.findings
    assert (finding.code, str(finding.severity), finding.file, finding.sheet, finding.cell) == (
        "hidden-row",
        "error",
        str(path),
        "KN",
        "11:11",
    )
    assert finding.message_vi == (
        "dòng 11 bị ẩn nhưng có số liệu: không được cộng (bỏ ẩn nếu cần tính, hoặc xóa dòng)"
    )
    assert finding.message_en == (
        "row 11 is hidden but holds figures: not added (unhide it to count it, or delete it)"
    )


@needs_soffice
@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_the_cli_stops_on_a_hidden_row_of_an_xls_or_ods(
    hidden_row_books: Path, suffix: str
) -> None:
    path = hidden_row_books / f"no-total{suffix}"
    result = run("compute", str(path), "--units-only", str(HERE / "units.csv"), "--lang", "en")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"error hidden-row: {path}!KN!11:11: row 11 is hidden but holds figures: not added"
        " (unhide it to count it, or delete it)"
    ) in result.stderr.splitlines()


# .xls: the ROW record ----------------------------------------------------------------------

ROW = 0x0208


def test_xls_a_row_record_flagged_hidden_hides_its_row(tmp_path: Path) -> None:
    """format-legacy.xls with the ROW record of row 9 (0-based 8, Huyện Đông Anh) given
    fDyZero (0x20) in its option flags, the rest of the record as LibreOffice wrote it."""
    path = _xls_file(tmp_path / "dong-anh.xls", (ROW, 8, "<7H", (8, 0, 8, 300, 0, 0, 0x0120)))
    ((grid,), (before,)) = read_file(path), read_file(LEGACY)
    assert (grid.sheet, grid.hidden_rows, before.hidden_rows) == ("Kết nạp", {8}, frozenset())
    assert grid.rows == before.rows  # the figures are all still read: the layout leaves them


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def test_xls_the_walk_reads_the_hidden_flag_in_biff5_and_biff8() -> None:
    """ROW is laid out alike from BIFF3 to BIFF8 (the flags in the 16 bits at offset 12, the
    row's format in the next 16; BIFF8 calls the two one field): bit 0x20 hides the row,
    whatever else is set; a record too short to hold the flags hides nothing."""

    def row(number: int, flags: int) -> bytes:
        return _record(ROW, struct.pack("<HHHHHHHH", number, 0, 3, 300, 0, 0, flags, 15))

    for version in (0x0500, 0x0600):  # BIFF5, BIFF8
        stream = (
            _record(0x0809, struct.pack("<HH", version, 0x0010) + bytes(12))
            + row(2, 0x0100)
            + row(4, 0x0120)
            + row(5, 0x01B7)  # outline level 7, collapsed, hidden, formatted
            + row(6, 0x01D7)  # outline level 7, collapsed, unsynced, formatted: shown
            + _record(ROW, struct.pack("<6H", 7, 0, 3, 300, 0, 0))  # cut short
            + row(65535, 0x0120)
            + _record(0x000A, b"")
        )
        walked, hidden = _check_sheet(Path("ba-vi.xls"), stream, 0, "KN", DEFAULT_LIMITS)
        assert (walked, hidden.rows, hidden.columns) == (len(stream), {4, 5, 65535}, []), hex(
            version
        )


COLINFO = 0x007D


def test_xls_the_walk_reads_hidden_columns_from_colinfo() -> None:
    """COLINFO (BIFF3 to BIFF8): first and last column, width, format, then option flags,
    whose bit 0x01 hides the range (by hand, or a collapsed outline group); BIFF5 writes
    the record a byte shorter. A record too short to hold the flags hides nothing."""

    def colinfo(first: int, last: int, flags: int, size: int = 12) -> bytes:
        return _record(COLINFO, struct.pack("<HHHHHH", first, last, 2000, 15, flags, 2)[:size])

    for version, size in ((0x0500, 11), (0x0600, 12)):  # BIFF5, BIFF8
        stream = (
            _record(0x0809, struct.pack("<HH", version, 0x0010) + bytes(12))
            + colinfo(0, 2, 0x0000, size)  # shown
            + colinfo(3, 3, 0x0001, size)  # D hidden
            + colinfo(5, 5, 0x1201, size)  # F: in a collapsed level-2 group, hidden
            + colinfo(6, 6, 0x1200, size)  # G: grouped, shown
            + colinfo(7, 255, 0x0001, size)  # H to IV: the unused ones, hidden as one range
            + _record(COLINFO, struct.pack("<HHHH", 9, 9, 2000, 15))  # cut short
            + _record(0x000A, b"")
        )
        walked, hidden = _check_sheet(Path("ba-vi.xls"), stream, 0, "KN", DEFAULT_LIMITS)
        assert (walked, hidden.rows, hidden.columns) == (
            len(stream),
            set(),
            [(3, 3), (5, 5), (7, 255)],
        ), hex(version)


@pytest.fixture(scope="module")
def hidden_column_books(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Trial 18's workbook with an old "Thực hiện" (D) and "Kết nạp lại" (F) hidden, and the
    unused columns H:Z grouped and hidden, as openpyxl writes it and as LibreOffice saves
    it in .xls and .ods."""
    from openpyxl import load_workbook

    from .helpers import write_xlsx

    folder = tmp_path_factory.mktemp("hidden-column")
    rows = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None, "Kết nạp lại"],
        [None, None, "Kế hoạch", "Thực hiện", "Thực hiện", None],
        [1, "Chi bộ Khu dân cư số 1", 20, 99, 22, 1],
        [2, "Chi bộ Trường THCS Ba Đình", 37, 297, 40, 2],
        ["Tổng cộng", None, 57, 396, 62, 3],
    ]
    source = folder / "ba-dinh.xlsx"
    write_xlsx(source, {"KN": rows}, {"KN": ["A3:A4", "B3:B4", "C3:E3", "F3:F4"]})
    book = load_workbook(source)
    book["KN"].column_dimensions["D"].hidden = True
    book["KN"].column_dimensions["F"].hidden = True
    book["KN"].column_dimensions.group("H", "Z", hidden=True)
    book.save(source)
    (folder / "units.csv").write_text("code,name,type\n001,Ba Đình,quận\n", encoding="utf-8")
    if shutil.which("soffice") is not None:
        libreoffice_convert(source, "xls", folder)
        libreoffice_convert(source, "ods", folder)
    return folder


@pytest.mark.parametrize(
    "suffix",
    [".xlsx", pytest.param(".xls", marks=needs_soffice), pytest.param(".ods", marks=needs_soffice)],
)
def test_a_hidden_column_is_not_read_whichever_the_format(
    hidden_column_books: Path, suffix: str
) -> None:
    """Trial 18 found it in an .xlsx; the .xls and .ods copies of the same workbook read the
    hidden old "Thực hiện" (396 for 62, the visible column called its duplicate) and added
    the hidden "Kết nạp lại": calamine does not say which columns are hidden."""
    path = hidden_column_books / f"ba-dinh{suffix}"
    report = ctr_stats.compute(
        [path], units_file=hidden_column_books / "units.csv", units_only=True
    )
    assert [(t.figures.indicator, t.figures.plan, t.figures.actual) for t in report.totals] == [
        ("admission.total", 57, 62)
    ]
    assert [(f.code, f.file, f.cell, f.message_en) for f in report.errors] == [
        ("hidden-column", str(path), "D4", "column 'Đảng viên mới kết nạp › Thực hiện' is hidden"
         " but holds figures: cells D5:D7 not added (unhide it to count it, or delete it)"),
        ("hidden-column", str(path), "F3", "column 'Kết nạp lại' is hidden but holds figures:"
         " cells F5:F7 not added (unhide it to count it, or delete it)"),
    ]  # fmt: skip


# .ods: rows numbered as the reader numbers them ---------------------------------------------


def _value(n: int, element: bytes = b"table:table-cell") -> bytes:
    return b'<%s office:value-type="float" office:value="%d"><text:p>%d</text:p></%s>' % (
        element,
        n,
        n,
        element,
    )


def _row(cells: bytes, repeated: int = 1, visibility: str | None = None) -> bytes:
    attributes = b' table:number-rows-repeated="%d"' % repeated if repeated > 1 else b""
    if visibility:
        attributes += b' table:visibility="%s"' % visibility.encode()
    return b"<table:table-row%s>%s</table:table-row>" % (attributes, cells)


def test_ods_hidden_rows_are_numbered_as_the_reader_numbers_its_rows(tmp_path: Path) -> None:
    """Repeated empty rows above (the reader counts them), a hidden row repeated, one
    hidden by a filter, rows in a group and among the header rows, a value under a merge;
    and the hidden rows that hold nothing (the million rows LibreOffice writes after the
    last one, hidden) are left out."""
    empty = b'<table:table-cell table:number-columns-repeated="3"/>'
    body = (
        _row(empty, 4)
        + _row(_value(1))
        + _row(empty, 3, "collapse")
        + _row(_value(2) + _value(3), 2, "collapse")  # rows 9 and 10
        + b"<table:table-row-group>"
        + _row(_value(4), visibility="filter")  # row 11
        + _row(_value(5))
        + b"</table:table-row-group>"
        + b"<table:table-header-rows>"
        + _row(empty + _value(6), visibility="collapse")  # row 13
        + b"</table:table-header-rows>"
        + b'<table:table-row-group table:display="false">'  # collapsed: its rows hidden
        + _row(_value(7, b"table:covered-table-cell"))  # row 14
        + b"</table:table-row-group>"
        + _row(_value(8))
        + _row(empty, 1_000_000, "collapse")
    )
    path = tmp_path / "ba-vi.ods"
    _ods(b'<?xml version="1.0"?>' + ODS_HEAD + body + ODS_TAIL, path)
    (grid,) = read_file(path)
    assert sorted(grid.hidden_rows) == [8, 9, 10, 12, 13]
    figures = {r: [v for v in row if v != ""] for r, row in enumerate(grid.rows) if any(row)}
    assert figures == {
        4: [1.0],
        8: [2.0, 3.0],
        9: [2.0, 3.0],
        10: [4.0],
        11: [5.0],
        12: [6.0],
        13: [7.0],
        14: [8.0],
    }


def test_ods_hidden_columns_are_numbered_as_the_reader_numbers_its_columns(
    tmp_path: Path,
) -> None:
    """Columns declared repeated (the reader counts them), one hidden by hand, two by a
    filter, a column group collapsed (table:display "false": its columns hidden whatever
    they say), one in the header columns, and the thousands LibreOffice hides after the
    last one, one range; a table in a cell declares columns of its own, not the sheet's."""
    columns = (
        b'<table:table-column table:number-columns-repeated="2"/>'  # A, B
        b'<table:table-column table:visibility="collapse"/>'  # C
        b'<table:table-header-columns><table:table-column/></table:table-header-columns>'  # D
        b'<table:table-column table:number-columns-repeated="2" table:visibility="filter"/>'
        b'<table:table-column-group table:display="false">'
        b'<table:table-column/>'  # G: hidden with its group
        b'</table:table-column-group>'
        b'<table:table-column-group><table:table-column/></table:table-column-group>'  # H
        b'<table:table-column table:number-columns-repeated="16376" table:visibility="collapse"/>'
    )  # fmt: skip
    nested = (
        b'<table:table-cell><table:table table:name="inner">'
        b'<table:table-column table:visibility="collapse"/>'
        b"<table:table-row><table:table-cell/></table:table-row></table:table></table:table-cell>"
    )
    body = columns + _row(b"".join(_value(n) for n in range(1, 9)) + nested)
    path = tmp_path / "ba-vi.ods"
    _ods(b'<?xml version="1.0"?>' + ODS_HEAD + body + ODS_TAIL, path)
    (grid,) = read_file(path)
    assert grid.hidden_columns == ((2, 2), (4, 5), (6, 6), (8, 16383))
    assert [grid.column_hidden(c) for c in range(9)] == [
        False, False, True, False, True, True, True, False, True
    ]  # fmt: skip


@pytest.mark.parametrize(
    "suffix",
    [".xlsx", pytest.param(".xls", marks=needs_soffice), pytest.param(".ods", marks=needs_soffice)],
)
def test_a_figure_merged_over_the_next_cell_is_named_in_every_format(
    tmp_path: Path, suffix: str
) -> None:
    """Trial 28, case 2: Ba Đình's 334 merged over its Cùng kỳ (E8, emptied by the merge),
    no total row. The .xlsx and .xls said merged-figure; the .ods read E8 as not reported,
    the city's Cùng kỳ 245 short with exit 0 (calamine gives no merges of an .ods: they
    are read from its content.xml)."""
    rows, merges = consolidated([FULL[u] for u in UNITS])
    rows = [row for row in rows if not row or row[0] != "Tổng cộng"]
    rows[7] = [*rows[7][:4], None, *rows[7][5:]]
    source = tmp_path / "merged.xlsx"
    write_xlsx(source, {"KN": (rows, [*merges, "D8:E8"])})
    if suffix != ".xlsx":
        libreoffice_convert(source, suffix[1:], tmp_path)
    report = ctr_stats.compute(
        [tmp_path / f"merged{suffix}"], units_file=HERE / "units.csv", units_only=True
    )
    assert [(f.code, f.cell) for f in report.errors] == [
        ("merged-figure", "D8:E8"),
        ("missing-prior", "D8"),
    ]


def test_an_ods_tables_merged_areas_are_read_from_its_content(tmp_path: Path) -> None:
    spanned = (
        b'<table:table-row><table:table-cell table:number-columns-spanned="2"'
        b' table:number-rows-spanned="3" office:value-type="float" office:value="7">'
        b"<text:p>7</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
    )
    path = tmp_path / "merged.ods"
    _ods(b'<?xml version="1.0"?>' + ODS_HEAD + b"<table:table-row/>" + spanned + ODS_TAIL, path)
    (grid,) = read_file(path)
    assert grid.merges == ((1, 0, 3, 1),)


def _resized(path: Path, pattern: bytes, replacement: bytes) -> None:
    """The workbook at `path` with its first sheet's XML edited in place (a row's or a
    column's size as programs other than Excel write it)."""
    import re
    import zipfile

    edited = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(pattern, replacement, data, count=1)
                assert count == 1
            out.writestr(info, data)
    edited.replace(path)


@pytest.mark.parametrize(
    ("pattern", "replacement", "code", "cell"),
    [
        (rb'<row r="12"', b'<row r="12" ht="0" customHeight="1"', "hidden-row", "12:12"),
        (
            rb'<col width="12" customWidth="1" min="4" max="4" />',
            b'<col width="0" customWidth="1" min="4" max="4" />',
            "hidden-column",
            None,
        ),
    ],
)
def test_a_row_or_column_of_size_zero_is_as_hidden(
    tmp_path: Path, pattern: bytes, replacement: bytes, code: str, cell: str | None
) -> None:
    """Trial 34: a row of height 0 or a column of width 0 (no hidden flag: programs other
    than Excel write them so) holds figures the clerk cannot see; they were added, no word."""
    folder = tmp_path / "2023"
    shutil.copytree(ROOT / "data/samples/2023", folder)
    _resized(folder / "ba-dinh.xlsx", pattern, replacement)
    report = ctr_stats.compute([folder])
    found = [f for f in report.findings if f.code == code]
    assert found and all(f.file == str(folder / "ba-dinh.xlsx") for f in found)
    if cell is not None:
        assert found[0].cell == cell
