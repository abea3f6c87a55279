"""BulkSheet writes the same bytes as xlsxwriter writing the same cells one by one."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from ctr_stats.render.bulk_sheet import BulkSheet, Formula, write_cells

_FORMATS = [None, {"bold": True}, {"num_format": "#,##0", "border": 1}, {"num_format": "0.0%"}]

values = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=2**53 - 3, max_value=2**53 + 3).map(lambda n: n * (-1) ** (n % 2)),
    st.integers(min_value=-(10**17), max_value=10**17),
    st.floats(allow_nan=False, allow_infinity=False),
)
cells = st.one_of(st.none(), st.tuples(values, st.integers(0, len(_FORMATS) - 1)))
grids = st.lists(st.lists(cells, max_size=7), max_size=40)


def _workbook(
    grid: list[list[Any]], *, bulk: bool, first_row: int = 3, text: bool = False
) -> dict[str, bytes]:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    workbook.set_properties({"created": datetime(2025, 1, 1)})
    formats = [f if f is None else workbook.add_format(f) for f in _FORMATS]
    for f in formats[1:]:
        f._get_xf_index()  # numbered up front: BulkSheet numbers them when put, not at close
    sheet = workbook.add_worksheet("Data", worksheet_class=BulkSheet if bulk else None)
    # Rows written the usual way above and below, a merged title and a tall row.
    sheet.merge_range(0, 0, 0, 4, "Title", formats[1])
    sheet.set_row(1, 30)
    sheet.write_string(2, 1, "head", formats[1])
    rows = [[None if c is None else (c[0], formats[c[1]]) for c in row] for row in grid]
    if text:  # strings without a format, given alone
        rows = [[c and c[0] for c in row] for row in grid]
    if bulk:
        after = sheet.put_rows(first_row, rows)
    else:
        for r, row in enumerate(rows, start=first_row):
            write_cells(sheet, r, row)
        after = first_row + len(rows)
    sheet.write_string(after, 0, "total", formats[1])
    sheet.freeze_panes(3, 1)
    # A chart keeps a copy of the values it shows, read from the cells.
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series({"categories": ["Data", 0, 0, after, 0], "values": ["Data", 0, 1, after, 1]})
    sheet.insert_chart(0, 8, chart)
    workbook.close()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        return {name: z.read(name) for name in z.namelist()}


@settings(max_examples=60, deadline=None)
@given(grids)
def test_bulk_rows_are_written_as_xlsxwriter_writes_them(grid: list[list[Any]]) -> None:
    assert _workbook(grid, bulk=True) == _workbook(grid, bulk=False)


text_grids = st.lists(
    st.lists(st.one_of(st.none(), st.tuples(st.text(max_size=12), st.just(0))), max_size=9),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(text_grids)
def test_bulk_text_alone_is_written_as_xlsxwriter_writes_it(grid: list[list[Any]]) -> None:
    assert _workbook(grid, bulk=True, text=True) == _workbook(grid, bulk=False, text=True)


def test_a_long_sheet_with_spans_over_many_blocks() -> None:
    grid = [[("x" * (r % 5), r % 3), (r * 1.5, 2), None, (r, 0), (None, 3)] for r in range(300)]
    assert _workbook(grid, bulk=True) == _workbook(grid, bulk=False)


def test_cells_past_the_sheet_are_refused() -> None:
    workbook = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    sheet = workbook.add_worksheet(worksheet_class=BulkSheet)
    with pytest.raises(ValueError, match="past what an Excel sheet holds"):
        sheet.put_rows(1_048_575, [[("a", None)], [("b", None)]])
    with pytest.raises(ValueError, match="past what an Excel sheet holds"):
        workbook.add_worksheet(worksheet_class=BulkSheet).put_rows(1_048_575, [["a"], ["b"]])
    with pytest.raises(ValueError, match="not a number"):
        sheet.put_rows(0, [[(float("inf"), None)]])


def test_a_row_written_both_ways_is_refused() -> None:
    workbook = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    sheet = workbook.add_worksheet(worksheet_class=BulkSheet)
    sheet.write_string(1, 0, "x")
    with pytest.raises(ValueError, match="already has cells"):
        sheet.put_rows(1, [[("a", None)]])
    with pytest.raises(ValueError, match="already has cells"):
        sheet.put_rows(1, [["a"]])
    sheet.put_rows(2, [["a"]])
    with pytest.raises(ValueError, match="already has cells"):
        sheet.put_rows(2, [[("b", None)]])


def test_strings_past_excel_limit_are_cut_as_xlsxwriter_cuts_them() -> None:
    # 32,767 UTF-16 units at most; an emoji takes two, so the cut may fall inside one
    grid = [[("a" * 32_766 + "😀" + "b" * 10, 0)], [("😀" * 20_000, 0)], [("x" * 40_000, 1)]]
    assert _workbook(grid, bulk=True) == _workbook(grid, bulk=False)
    texts = [[(cell[0], 0) for cell in row] for row in grid]
    texts += [[("x" * 40_000, 0), ("x" * 32_767, 0)], [("y", 0), ("x" * 40_000, 0)]]  # cut, seen
    assert _workbook(texts, bulk=True, text=True) == _workbook(texts, bulk=False)


def test_a_constant_memory_workbook_is_refused(tmp_path: Path) -> None:
    # there xlsxwriter streams rows out as they are written, and would never see these
    workbook = xlsxwriter.Workbook(str(tmp_path / "a.xlsx"), {"constant_memory": True})
    sheet = workbook.add_worksheet(worksheet_class=BulkSheet)
    with pytest.raises(ValueError, match="constant_memory"):
        sheet.put_rows(0, [[("a", None)]])
    with pytest.raises(ValueError, match="constant_memory"):
        sheet.put_rows(0, [["a"]])


_FORMULA_TOKENS = [
    "SUM(",
    "FILTER(",
    "XLOOKUP(",
    "SINGLE(",
    "ISINGLE(",
    "LAMBDA(",
    "SORT(",
    "1SORT(",
    "ANCHORARRAY(",
    "T.DIST.2T(",
    "T.DIST.3T(",
    "BETA7DIST(",
    "_xlfn.",
    "A1",
    "B12",
    "AZ907",
    "0",
    "9",
    "{",
    "}",
    "(",
    ")",
    ",",
    " ",
    '"x"',
    "<>",
    "&",
    "=",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_FORMULA_TOKENS), min_size=1, max_size=8), max_size=6),
    st.booleans(),
)
def test_formulas_are_prepared_as_xlsxwriter_prepares_them(
    formulas: list[list[str]], future: bool
) -> None:
    # BulkSheet remembers which formula shapes xlsxwriter leaves alone: the same bytes result
    def book(sheet_class: type | None) -> dict[str, bytes]:
        out = io.BytesIO()
        workbook = xlsxwriter.Workbook(out, {"in_memory": True, "use_future_functions": future})
        workbook.set_properties({"created": datetime(2025, 1, 1)})
        sheet = workbook.add_worksheet("F", worksheet_class=sheet_class)
        for row, tokens in enumerate(formulas * 2):  # each twice: the second from memory
            sheet.write_formula(row, 0, "=" + "".join(tokens), None, 0)
        workbook.close()
        with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
            return {name: z.read(name) for name in z.namelist()}

    assert book(BulkSheet) == book(None)


_SAFE_TOKENS = [
    t
    for t in _FORMULA_TOKENS
    if t
    not in (
        "FILTER(",
        "SORT(",
        "1SORT(",
        "ANCHORARRAY(",
        "SINGLE(",
        "ISINGLE(",
        "LAMBDA(",
        "XLOOKUP(",
        "{",
        "}",
    )
]
cached_results = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "#DIV/0!", "#N/A", "a<b & c>d", "x"]),
)
formula_cells = st.builds(
    lambda tokens, fmt, cached: ("=" + "".join(tokens), fmt, cached),
    st.lists(st.sampled_from(_SAFE_TOKENS), min_size=1, max_size=6),
    st.integers(0, len(_FORMATS) - 1),
    cached_results,
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=5), st.one_of(st.none(), formula_cells)), max_size=30))
def test_bulk_formulas_are_written_as_xlsxwriter_writes_them(
    rows: list[tuple[str, tuple[str, int, object] | None]],
) -> None:
    # formulas in column B, read back by a chart: its cached values as values and categories
    def book(bulk: bool) -> dict[str, bytes]:
        out = io.BytesIO()
        workbook = xlsxwriter.Workbook(out, {"in_memory": True})
        workbook.set_properties({"created": datetime(2025, 1, 1)})
        formats = [f if f is None else workbook.add_format(f) for f in _FORMATS]
        for f in formats[1:]:
            f._get_xf_index()
        sheet = workbook.add_worksheet("F", worksheet_class=BulkSheet if bulk else None)
        cells = [
            [label, None if f is None else Formula(f[0], formats[f[1]], f[2])]  # type: ignore[arg-type]
            for label, f in rows
        ]
        if bulk:
            sheet.put_rows(0, cells)
        else:
            for r, row in enumerate(cells):
                write_cells(sheet, r, row)
        chart = workbook.add_chart({"type": "bar"})
        # as values (numbers; text shows as 0) and as categories (text as it is)
        chart.add_series(
            {"categories": ["F", 0, 1, len(rows), 1], "values": ["F", 0, 1, len(rows), 1]}
        )
        sheet.insert_chart(0, 4, chart)
        workbook.close()
        with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
            return {name: z.read(name) for name in z.namelist()}

    assert book(bulk=True) == book(bulk=False)


@pytest.mark.parametrize("text", ["=FILTER(A1:A3,B1:B3)", "{=SUM(A1:A3*B1:B3)}"])
def test_array_formulas_are_left_to_write_formula(text: str) -> None:
    workbook = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    sheet = workbook.add_worksheet(worksheet_class=BulkSheet)
    with pytest.raises(ValueError, match="array formula"):
        sheet.put_rows(0, [[Formula(text, None, 0)]])
    with pytest.raises(ValueError, match="TRUE/FALSE"):
        sheet.put_rows(1, [[Formula("=A1>0", None, True)]])
