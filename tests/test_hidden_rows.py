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
from .test_cli import run
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
        assert (walked, hidden) == (len(stream), {4, 5, 65535}), hex(version)


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
