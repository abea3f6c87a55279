"""A sheet's merged areas moved before its rows for python-calamine (read/sheet_order.py)
change nothing it reads: the same cells and merged areas as from the file as sent."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from python_calamine import CalamineWorkbook

from ctr_stats.errors import InputError
from ctr_stats.read import check_file, read_checked
from ctr_stats.read.sheet_order import merges_first

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = sorted([*ROOT.glob("tests/**/*.xlsx"), *ROOT.glob("data/**/*.xlsx")])

_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t>'
    b'</is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
    b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    b"</worksheet>"
)


def _as_sent(path: Path) -> list[tuple[object, object]]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    sheets = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        sheets.append((sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or []))
    return sheets


def test_every_workbook_reads_the_same_with_its_merged_areas_first() -> None:
    moved = read = 0
    for path in WORKBOOKS:
        try:
            checked = check_file(path)
            grids = read_checked(checked)
        except InputError:
            continue  # refused before any parser sees it: nothing to compare
        read += 1
        with zipfile.ZipFile(io.BytesIO(checked.data)) as stored:
            moved += sum(
                1
                for name in stored.namelist()
                if name.startswith("xl/worksheets/")
                and stored.read(name).find(b"mergeCells") < stored.read(name).find(b"sheetData")
            )
        sent = _as_sent(path)
        assert [(g.rows, [((r0, c0), (r1, c1)) for r0, c0, r1, c1 in g.merges]) for g in grids] == [
            (rows, list(merges)) for rows, merges in sent
        ], path
    assert read > 100 and moved > 100  # the corpus's forms are merged: the move is tried


def test_the_merged_areas_stand_before_the_rows_and_nothing_else_moves() -> None:
    moved = merges_first(_SHEET)
    assert moved is not None
    assert moved.index(b"<mergeCells") < moved.index(b"<sheetData") < moved.index(b"<pageMargins")
    assert sorted(moved) == sorted(_SHEET)
    original, reordered = ElementTree.fromstring(_SHEET), ElementTree.fromstring(moved)
    assert [child.tag for child in reordered] == [
        original[i].tag
        for i in (0, 2, 1, 3)  # dimension, mergeCells, sheetData, pageMargins
    ]


def test_a_prefixed_sheet_is_reordered_too() -> None:
    prefixed = (
        _SHEET.replace(b"<", b"<x:")
        .replace(b"<x:/", b"</x:")
        .replace(b"<x:?", b"<?")
        .replace(b'xmlns="', b'xmlns:x="')
    )
    moved = merges_first(prefixed)
    assert moved is not None
    assert moved.index(b"<x:mergeCells") < moved.index(b"<x:sheetData")
    ElementTree.fromstring(moved)  # well-formed


@pytest.mark.parametrize(
    "sheet",
    [
        _SHEET.replace(b"<mergeCells", b"<!-- a note --><mergeCells"),  # a comment
        _SHEET.replace(b"<t>x</t>", b"<t>mergeCells</t>"),  # the word in a cell's text
        _SHEET.replace(b"<t>x</t>", b"<t><![CDATA[<mergeCells>]]></t>"),
        _SHEET.replace(b"<dimension", b"<?pi <mergeCells>?><dimension"),
        _SHEET.replace(
            b'<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>', b"<mergeCells/>"
        ),
        _SHEET.replace(b"mergeCells", b"mergeCellsX"),  # another element
        _SHEET.replace(b"</sheetData>", b"").replace(  # the merged areas among the rows
            b"</mergeCells>", b"</mergeCells></sheetData>"
        ),
    ],
)
def test_a_sheet_not_plainly_written_is_left_as_it_is(sheet: bytes) -> None:
    assert merges_first(sheet) is None


def test_a_sheet_without_merged_areas_gets_an_empty_element_before_its_rows() -> None:
    bare = _SHEET.replace(b'<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>', b"")
    assert merges_first(bare) == bare.replace(
        b"<sheetData>", b"<mergeCells></mergeCells><sheetData>"
    )
    prefixed = bare.replace(b"sheetData>", b"x:sheetData>").replace(b'xmlns="', b'xmlns:x="')
    assert merges_first(prefixed) == prefixed.replace(
        b"<x:sheetData>", b"<x:mergeCells></x:mergeCells><x:sheetData>"
    )
    assert merges_first(bare.replace(b"<dimension", b"<!-- a note --><dimension")) is None


def test_a_workbook_without_merged_areas_reads_the_same(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Đơn vị", "Kế hoạch", "Thực hiện"])
    sheet.append(["Ba Đình", 10, 12])
    path = tmp_path / "ba-dinh.xlsx"
    book.save(path)
    checked = check_file(path)
    with zipfile.ZipFile(io.BytesIO(checked.data)) as stored:
        assert b"<mergeCells></mergeCells><sheetData" in stored.read("xl/worksheets/sheet1.xml")
    (grid,) = read_checked(checked)
    assert [(grid.rows, list(grid.merges))] == _as_sent(path)


def test_merged_areas_already_first_are_left_where_they_are() -> None:
    moved = merges_first(_SHEET)
    assert moved is not None
    assert merges_first(moved) is None
