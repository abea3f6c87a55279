"""One stray cell far from the table (C1048576, XFD3) makes a sheet's area exceed
--max-cells: the file is refused (exit 3), and the refusal names the sheet by the name the
workbook shows (not its part, sheet2.xml) and the far cell, with what to do about it.

The workbooks are built here with openpyxl, which writes workbook.xml after the sheets:
the sheet's name is looked up only once the sheet is refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ctr_stats.errors import InputError
from ctr_stats.limits import Limits
from ctr_stats.read import check_file

from .hostile.make_hostile import with_prefix
from .test_hostile import run_bounded

TABLE = [["Đơn vị", "Kế hoạch", "Thực hiện"], ["Ba Đình", 10, 12], ["Đông Anh", 20, 18]]


def _workbook(path: Path, far: str) -> Path:
    """Two sheets, the second ('Kiểm tra', part sheet2.xml) with a number at `far`."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "Tổ chức đảng"
    second = book.create_sheet("Kiểm tra")
    for sheet in (first, second):
        for row in TABLE:
            sheet.append(row)
    second[far] = 7
    book.save(path)
    return path


def test_a_stray_number_in_the_last_row_names_the_sheet_and_the_cell(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ba-vi.xlsx", "C1048576")
    with zipfile.ZipFile(path) as archive:  # the sheet comes before the index naming it
        names = archive.namelist()
    assert names.index("xl/worksheets/sheet2.xml") < names.index("xl/workbook.xml")
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.file, error.sheet, error.cell) == (str(path), "Kiểm tra", "C1048576")
    assert error.message == (
        "trang tính 'Kiểm tra' trải ra đến ô C1048576: 1048576 dòng × 3 cột, vượt giới hạn an"
        " toàn, tệp không được mở. Nếu ô C1048576 được gõ nhầm hay còn sót lại, hãy xóa cả"
        " dòng 1048576 (chuột phải vào số dòng, Delete) rồi lưu tệp; nếu trang đúng là lớn"
        " như vậy, tăng --max-cells"
    )
    assert error.message_en == (
        "sheet 'Kiểm tra' reaches out to cell C1048576: 1048576 rows × 3 columns, over the"
        " safety limit, the file was not opened. If C1048576 is a stray entry, delete its"
        " whole row 1048576 (right-click the row number, Delete) and save the file; if the"
        " sheet really is that large, raise --max-cells"
    )


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "vi",
            "lỗi unreadable-file: {path}!Kiểm tra!C1048576: trang tính 'Kiểm tra' trải ra đến"
            " ô C1048576: 1048576 dòng × 3 cột, vượt giới hạn an toàn, tệp không được mở. Nếu"
            " ô C1048576 được gõ nhầm hay còn sót lại, hãy xóa cả dòng 1048576 (chuột phải vào"
            " số dòng, Delete) rồi lưu tệp; nếu trang đúng là lớn như vậy, tăng --max-cells",
        ),
        (
            "en",
            "error unreadable-file: {path}!Kiểm tra!C1048576: sheet 'Kiểm tra' reaches out to"
            " cell C1048576: 1048576 rows × 3 columns, over the safety limit, the file was not"
            " opened. If C1048576 is a stray entry, delete its whole row 1048576 (right-click"
            " the row number, Delete) and save the file; if the sheet really is that large,"
            " raise --max-cells",
        ),
    ],
)
def test_the_refusal_in_both_languages(tmp_path: Path, lang: str, line: str) -> None:
    path = _workbook(tmp_path / "ba-vi.xlsx", "C1048576")
    result, cpu = run_bounded("check", str(path), "--lang", lang)
    assert result.returncode == 3, result.stderr
    assert line.format(path=path) in result.stdout.splitlines(), result.stdout
    assert cpu < 5


def test_a_stray_number_in_the_last_column_says_to_delete_the_column(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ba-vi.xlsx", "XFD3")
    with pytest.raises(InputError) as refused:
        check_file(path, Limits(max_cells=10_000))
    error = refused.value
    assert (error.sheet, error.cell) == ("Kiểm tra", "XFD3")
    assert error.message_en == (
        "sheet 'Kiểm tra' reaches out to cell XFD3: 3 rows × 16384 columns, over the safety"
        " limit, the file was not opened. If XFD3 is a stray entry, delete its whole column"
        " XFD (right-click the column letter, Delete) and save the file; if the sheet really"
        " is that large, raise --max-cells"
    )
    assert "hãy xóa cả cột XFD (chuột phải vào tên cột, Delete)" in error.message


def _rewritten(path: Path, part: str, change: object) -> Path:
    """`path` with one part transformed by `change` (bytes -> bytes)."""
    target = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info.filename, change(data) if info.filename == part else data)  # type: ignore[operator]
    return target


def test_a_far_merged_range_is_named_when_no_cell_reaches_as_far(tmp_path: Path) -> None:
    """The prefixed sheet (<x:mergeCell>, as the .NET SDK writes) with a merge down to the
    last row: the range is named, and the sheet."""
    path = _workbook(tmp_path / "ba-vi.xlsx", "C4")
    far = b'<mergeCells count="1"><mergeCell ref="A4:A1048576"/></mergeCells>'
    path = _rewritten(
        path,
        "xl/worksheets/sheet2.xml",
        lambda d: with_prefix(d.replace(b"</worksheet>", far + b"</worksheet>")),
    )
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.sheet, error.cell) == ("Kiểm tra", "A4:A1048576")
    assert error.message_en == (
        "sheet 'Kiểm tra' reaches out to the range A4:A1048576: 1048576 rows × 3 columns:"
        " over the safety limit, the file was not opened (if it really is so, raise --max-cells)"
    )
    assert error.message.startswith("trang tính 'Kiểm tra' trải ra đến vùng A4:A1048576: ")


def test_a_cell_beyond_the_grid_is_named_with_its_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ba-vi.xlsx", "C4")
    path = _rewritten(
        path,
        "xl/worksheets/sheet2.xml",
        lambda d: d.replace(
            b"</sheetData>", b'<row r="5"><c r="XFE5"><v>1</v></c></row></sheetData>'
        ),
    )
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.sheet, error.cell) == ("Kiểm tra", "XFE5")
    assert error.message_en == (
        "sheet 'Kiểm tra' has a cell XFE5 beyond Excel's grid (row 5, column 16385)"
    )
    assert error.message == (
        "trang tính 'Kiểm tra' có ô XFE5 nằm ngoài lưới của Excel (dòng 5, cột 16385)"
    )


def test_without_a_workbook_index_the_part_is_named(tmp_path: Path) -> None:
    """workbook.xml.rels that names no sheet: the refusal still says which part."""
    path = _workbook(tmp_path / "ba-vi.xlsx", "C1048576")
    path = _rewritten(
        path,
        "xl/_rels/workbook.xml.rels",
        lambda d: d.replace(b"worksheets/sheet2.xml", b"worksheets/elsewhere.xml"),
    )
    with pytest.raises(InputError) as refused:
        check_file(path)
    error = refused.value
    assert (error.sheet, error.cell) == (None, "C1048576")
    assert error.message_en.startswith("sheet part sheet2.xml reaches out to cell C1048576: ")
