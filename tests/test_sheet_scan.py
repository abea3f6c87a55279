"""SheetScan refuses a sheet exactly when the area its cells reach (as python-calamine
places them: by each row's and cell's r=, however it is written) is past Excel's grid or
over --max-cells. The common sheet is let through after one search (every tag written
`<row r="12"`, `<c r="AB123"`, none past ZZ999); these tests hold the short way and the
long way to the same answer, on tags written every way a writer may."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctr_stats.errors import InputError
from ctr_stats.limits import Limits
from ctr_stats.model import column_letter
from ctr_stats.read.safety import SheetScan

EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384

# how a writer may put a row's or a cell's place: all of them place it by its r=
ROW_TAGS = (
    '<row r="{r}">',
    '<row  r="{r}">',
    "<row r='{r}'>",
    '<x:row r="{r}">',
    '<row spans="1:3" r="{r}">',
)
CELL_TAGS = ('<c r="{ref}"><v>1</v></c>', "<c r='{ref}'><v>1</v></c>", '<c\tr="{ref}"><v>1</v></c>',
             '<x:c r="{ref}"><v>1</v></c>', '<c s="1" r="{ref}"><v>1</v></c>')  # fmt: skip

# (row, column), 1-based: around the short way's bounds (row 999, column ZZ = 702) and the
# default --max-cells (2,000,000 = 702 x 2,849)
places = st.tuples(
    st.one_of(st.integers(1, 1_100), st.integers(900, 12_000)),
    st.one_of(st.integers(1, 30), st.integers(600, 800)),
)


def _sheet(cells: list[tuple[int, int]], row_tag: int, cell_tag: int) -> bytes:
    """A worksheet's XML: the cells by row, each row and cell tag written one way."""
    rows: dict[int, list[int]] = {}
    for r, c in sorted(set(cells)):
        rows.setdefault(r, []).append(c)
    body = "".join(
        ROW_TAGS[row_tag].format(r=r)
        + "".join(CELL_TAGS[cell_tag].format(ref=f"{column_letter(c - 1)}{r}") for c in columns)
        + ("</x:row>" if ROW_TAGS[row_tag].startswith("<x:") else "</row>")
        for r, columns in rows.items()
    )
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1"/><sheetData>{body}</sheetData></worksheet>'
    ).encode()


def _refused(xml: bytes, limits: Limits) -> bool:
    return _fed(xml, [], limits)


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(places, min_size=1, max_size=8),
    # the way writers write them, most often (the short way), and every other way
    row_tag=st.one_of(st.just(0), st.integers(0, len(ROW_TAGS) - 1)),
    cell_tag=st.one_of(st.just(0), st.integers(0, len(CELL_TAGS) - 1)),
    max_cells=st.sampled_from([100, 5_000, 702 * 999, 2_000_000, 5_000_000]),
)
def test_refused_exactly_when_the_area_reached_is_over_the_limit(
    cells: list[tuple[int, int]], row_tag: int, cell_tag: int, max_cells: int
) -> None:
    area = max(r for r, _ in cells) * max(c for _, c in cells)
    assert _refused(_sheet(cells, row_tag, cell_tag), Limits(max_cells=max_cells)) == (
        area > max_cells
    )


@pytest.mark.parametrize(
    ("far", "area"),
    [("A999", 999), ("A1000", 1_000), ("A1001", 1_001), ("AAA1", 703 * 4), ("ZZ999", 702 * 999),
     ("XFD1", 16_384 * 4), ("A1048576", 1_048_576)],
)  # fmt: skip
def test_one_far_cell_among_ordinary_ones_is_seen(far: str, area: int) -> None:
    """The short way's bounds: row 999 and column ZZ are let through unsearched, a cell
    past them is looked at and counted."""
    ordinary = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 4))
    xml = (
        "<worksheet><sheetData>"
        f'{ordinary}<row r="4"><c r="{far}"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    assert _refused(xml, Limits(max_cells=1_000)) == (area > 1_000)
    assert not _refused(xml, Limits())


def test_a_cell_past_the_grid_is_refused_however_the_tags_are_written() -> None:
    for cell_tag in range(len(CELL_TAGS)):
        xml = _sheet([(1, 1), (EXCEL_ROWS + 1, 2)], 0, cell_tag)
        assert _refused(xml, Limits(max_cells=10**12))


def _fed(xml: bytes, cuts: list[int], limits: Limits) -> bool:
    """Whether the sheet is refused when fed in pieces cut at `cuts`."""
    scan = SheetScan(Path("book.xlsx"), "xl/worksheets/sheet1.xml", limits)
    at = [0, *sorted({c % max(len(xml), 1) for c in cuts}), len(xml)]
    try:
        for start, end in itertools.pairwise(at):
            scan.feed(xml[start:end], last=end == len(xml))
        scan.finish()
    except InputError:
        return True
    return False


@settings(max_examples=300, deadline=None)
@given(
    valued=st.lists(places, min_size=1, max_size=6),
    empty=st.lists(
        st.one_of(places, st.just((EXCEL_ROWS, 14)), st.just((EXCEL_ROWS, EXCEL_COLUMNS))),
        max_size=4,
    ),
    cuts=st.lists(st.integers(0, 10_000), max_size=4),
    max_cells=st.sampled_from([5_000, 702 * 999, 2_000_000]),
)
def test_cells_holding_nothing_and_the_dimension_never_refuse_a_sheet_alone(
    valued: list[tuple[int, int]], empty: list[tuple[int, int]], cuts: list[int], max_cells: int
) -> None:
    # a format left on a far cell (trial 47): python-calamine leaves out a cell holding
    # nothing, and is not given the dimension; a cell holding something is never missed,
    # wherever the sheet is cut in pieces
    holds = {**dict.fromkeys(empty, False), **dict.fromkeys(valued, True)}
    rows: dict[int, list[tuple[int, bool]]] = {}
    for (r, c), something in sorted(holds.items()):
        rows.setdefault(r, []).append((c, something))
    body = b"".join(
        b'<row r="%d">' % r
        + b"".join(
            b'<c r="%s%d"><v>1</v></c>' % (column_letter(c - 1).encode(), r)
            if something
            else b'<c r="%s%d" s="1"/>' % (column_letter(c - 1).encode(), r)
            for c, something in row
        )
        + b"</row>"
        for r, row in rows.items()
    )
    xml = b'<worksheet><dimension ref="A1:XFD1048576"/><sheetData>%s</sheetData></worksheet>' % body
    refused = _fed(xml, cuts, Limits(max_cells=max_cells))
    valued_area = max(r for r, _ in valued) * max(c for _, c in valued)
    assert refused == (valued_area > max_cells)
