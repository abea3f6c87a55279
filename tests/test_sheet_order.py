"""A sheet's merged areas moved before its rows for python-calamine (read/sheet_order.py)
change nothing it reads: the same cells and merged areas as from the file as sent."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


_CELL = st.tuples(
    st.sampled_from(["A", "B", "C", "AA"]),
    st.integers(1, 40),
    st.one_of(st.integers(-5, 10_000), st.sampled_from(["Ba Đình", "mergeCells", "a<b", "1.234"])),
)
_MERGE = st.tuples(st.sampled_from(["A", "B"]), st.integers(1, 40), st.integers(0, 3))


def _sheet_xml(
    cells: list[tuple[str, int, object]],
    merges: list[tuple[str, int, int]],
    prefix: str,
    tail: str,
) -> bytes:
    def tag(name: str) -> str:
        return f"{prefix}{name}"

    rows: dict[int, list[str]] = {}
    for column, row, value in sorted(set(cells), key=lambda c: (c[1], len(c[0]), c[0])):
        if isinstance(value, int):
            inner, kind = f"<{tag('v')}>{value}</{tag('v')}>", ""
        else:
            text = str(value).replace("<", "&lt;")
            inner, kind = (
                f"<{tag('is')}><{tag('t')}>{text}</{tag('t')}></{tag('is')}>",
                ' t="inlineStr"',
            )
        rows.setdefault(row, []).append(f'<{tag("c")} r="{column}{row}"{kind}>{inner}</{tag("c")}>')
    data = "".join(
        f'<{tag("row")} r="{r}">{"".join(cs)}</{tag("row")}>' for r, cs in sorted(rows.items())
    )
    areas = "".join(
        f'<{tag("mergeCell")} ref="{c}{r}:{c}{r + d}"/>' for c, r, d in dict.fromkeys(merges)
    )
    merged = (
        f'<{tag("mergeCells")} count="{len(merges)}">{areas}</{tag("mergeCells")}>'
        if merges
        else ""
    )
    xmlns = f' xmlns:{prefix[:-1]}="{_MAIN}"' if prefix else f' xmlns="{_MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{tag("worksheet")}{xmlns}>'
        f'<{tag("dimension")} ref="A1"/><{tag("sheetData")}>{data}</{tag("sheetData")}>'
        f"{merged}{tail}</{tag('worksheet')}>"
    ).encode()


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _with_sheet(xml: bytes) -> bytes:
    """The first sample workbook with its first sheet's XML replaced."""
    sample = ROOT / "data" / "samples" / "2023" / "ba-dinh.xlsx"
    out = io.BytesIO()
    with zipfile.ZipFile(sample) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = xml if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


def _first_sheet(workbook: bytes) -> tuple[object, object]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(workbook))
    try:
        sheet = book.get_sheet_by_index(0)
        return sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges
    except Exception as exc:  # an error is an outcome to compare too
        return type(exc).__name__, None


@settings(max_examples=150, deadline=None)
@given(
    cells=st.lists(_CELL, max_size=25),
    merges=st.lists(_MERGE, max_size=6),
    prefix=st.sampled_from(["", "x:"]),
    tail=st.sampled_from(["", "<pageMargins/>", "<!-- </mergeCells> -->", "<?pi mergeCells?>"]),
)
def test_calamine_reads_any_sheet_the_same_with_its_merged_areas_first(
    cells: list[tuple[str, int, object]],
    merges: list[tuple[str, int, int]],
    prefix: str,
    tail: str,
) -> None:
    xml = _sheet_xml(cells, merges, prefix, tail.replace("<pageMargins", f"<{prefix}pageMargins"))
    moved = merges_first(xml)
    if moved is None:
        return
    assert _first_sheet(_with_sheet(moved)) == _first_sheet(_with_sheet(xml))
