"""Each column's header path, and the headings that could head more than one set of columns.

A header is read as a path down its rows, merged cells resolved, so "Cấp ủy kiểm tra" >
"Tổ chức đảng" > "Thực hiện" names the same column as one cell "Cấp ủy kiểm tra tổ chức
đảng - Thực hiện". A group heading left in its first cell only (not merged) still heads the
columns to its right: the common habit. A heading typed, unmerged, in the middle cell of
three measure columns (centred by hand) reads otherwise: its first column would go to the
heading on its left. Where the measures tell the two readings apart (one gives an indicator
"Thực hiện | Kế hoạch", or leaves a "Kế hoạch" under no heading at all, and the other gives
each indicator its measures in order), the one that fits is taken; where both fit as well,
the column is a `Doubt`, read by neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..catalogue import Catalogue
from ..read import Grid, a1
from ..text import clean
from .header import Header, is_text, read_measure


@dataclass(frozen=True)
class Doubt:
    """A column two readings of an unmerged heading give to different headings: `left`
    (the heading to its left, typed in its group's first cell; "" when none heads it) or
    `heading`, typed in `cell`, over the middle one of the three columns from this one."""

    column: int
    row: int  # the heading's row
    heading: str
    left: str

    @property
    def cell(self) -> str:
        """The heading's cell: the next column's, in its row."""
        return a1(self.row, self.column + 1)

    @property
    def cells(self) -> str:
        """The header cells the doubt is about: the column's, across to the heading's."""
        return f"{a1(self.row, self.column)}:{self.cell}"

    @property
    def span(self) -> str:
        """The three columns the heading may stand over, in its row."""
        return f"{a1(self.row, self.column)}:{a1(self.row, self.column + 2)}"


@dataclass(frozen=True)
class HeaderPaths:
    paths: dict[int, list[str]]  # column -> its header path, top row down
    doubts: tuple[Doubt, ...] = ()


# The usual order of an indicator's measures, left to right
_ORDER = {"plan": 0, "actual": 1, "prior": 2}


def header_paths(grid: Grid, header: Header, catalogue: Catalogue) -> HeaderPaths:
    """Each column's header read as a path from the top row down (merges resolved), and
    the columns whose heading cannot be told."""
    width = max((len(grid.rows[r]) for r in range(header.top, header.bottom + 1)), default=0)
    if header.last_col is not None:
        width = min(width, header.last_col + 1)
    filled: dict[tuple[int, int], str] = {}
    for r0, c0, r1, c1 in grid.merges:
        text = clean(grid.value(r0, c0) or "")
        for r in range(max(r0, header.top), min(r1, header.bottom) + 1):
            for c in range(c0, c1 + 1):
                filled[(r, c)] = text
    merged = set(filled)
    # A heading typed in its group's first cell only, not merged (or a CSV): an empty upper
    # cell continues its left neighbour's group, as long as the column has a header further
    # down. Each such cell -> the column of the heading that heads it.
    heads: dict[tuple[int, int], int] = {}
    for r in range(header.top, header.bottom):
        for c in range(header.unit_col + 1, width):
            if not is_text(grid.value(r, c)) and (r, c) not in merged:
                left = _group_to_the_left(grid, header, r, c, merged)
                if left is not None:
                    heads[(r, c)] = left
    doubts = _centred_headings(grid, header, catalogue, width, merged, filled, heads)
    paths: dict[int, list[str]] = {}
    for c in range(header.unit_col + 1, width):
        path: list[str] = []
        for r in range(header.top, header.bottom + 1):
            text = _heading_at(grid, r, c, filled, heads)
            if text and (not path or path[-1] != text):
                path.append(text)
        if path:
            paths[c] = path
    return HeaderPaths(paths, tuple(doubts))


def _heading_at(
    grid: Grid,
    r: int,
    c: int,
    filled: dict[tuple[int, int], str],
    heads: dict[tuple[int, int], int],
) -> str:
    raw = grid.value(r, c)
    if is_text(raw):
        return clean(raw)
    if (r, c) in heads:
        return clean(grid.value(r, heads[(r, c)]))
    return filled.get((r, c), "")


def _below(grid: Grid, header: Header, r: int, c: int) -> bool:
    return any(is_text(grid.value(rr, c)) for rr in range(r + 1, header.bottom + 1))


def _group_to_the_left(
    grid: Grid, header: Header, r: int, c: int, merged: set[tuple[int, int]]
) -> int | None:
    if not _below(grid, header, r, c):
        return None
    left = c - 1
    while left > header.unit_col:
        if (r, left) in merged:
            return None  # the group to the left is merged and ends before this column
        if is_text(grid.value(r, left)):
            return left
        if not _below(grid, header, r, left):
            return None  # an empty column between: the group ended
        left -= 1
    return None


def _centred_headings(
    grid: Grid,
    header: Header,
    catalogue: Catalogue,
    width: int,
    merged: set[tuple[int, int]],
    filled: dict[tuple[int, int], str],
    heads: dict[tuple[int, int], int],
) -> list[Doubt]:
    """Headings typed, unmerged, over the middle one of three measure columns: read over
    all three where that alone gives each heading its measures in order (`heads` changed),
    a `Doubt` on the first column where the first-cell reading fits as well."""

    def rank(r: int, c: int) -> int | None:
        """The measure of a column's lowest heading below row r, in the usual order."""
        for rr in range(header.bottom, r, -1):
            value = grid.value(rr, c)
            if is_text(value):
                measure = read_measure(clean(value), catalogue).measure
                return _ORDER[measure] if measure is not None else None
        return None

    def group(r: int, h: int) -> list[int]:
        """The columns a heading typed at (r, h) heads: side by side from it."""
        last = h + 1
        while heads.get((r, last)) == h:
            last += 1
        return list(range(h, last))

    doubts: list[Doubt] = []
    for r in range(header.top, header.bottom):
        for c in range(header.unit_col + 2, width - 1):
            before, after = (r, c - 1), (r, c + 1)
            if (
                not is_text(grid.value(r, c))
                or (r, c) in merged
                or is_text(grid.value(*before))
                or before in merged
                or not _below(grid, header, r, c - 1)
                or heads.get(after) != c
                # a longer group, unless the next heading starts right after it: two
                # centred headings side by side ("KH | TH | CK | KH | TH | CK")
                or (heads.get((r, c + 2)) == c and not is_text(grid.value(r, c + 3)))
                # the same headings above: the three columns are one group's part
                or any(
                    _heading_at(grid, rr, c - 1, filled, heads)
                    != _heading_at(grid, rr, c, filled, heads)
                    for rr in range(header.top, r)
                )
            ):
                continue
            ranks = [rank(r, col) for col in (c - 1, c, c + 1)]
            if None in ranks:
                continue
            left = heads.get(before)
            own = group(r, left) if left is not None else []
            first_cell = (
                _faults([rank(r, col) for col in own])
                + _faults(ranks[1:])
                + (1 if left is None else 0)  # a measure under no heading
            )
            centred = _faults([rank(r, col) for col in own if col != c - 1]) + _faults(ranks)
            if centred < first_cell:
                heads[before] = c
                if heads.get((r, c + 2)) == c:  # the next centred heading's first column
                    del heads[(r, c + 2)]
            elif centred == first_cell:
                doubts.append(
                    Doubt(
                        c - 1,
                        r,
                        clean(grid.value(r, c)),
                        clean(grid.value(r, left)) if left is not None else "",
                    )
                )
    return doubts


def _faults(ranks: Sequence[int | None]) -> int:
    """How often a measure does not follow the one before it in the usual order (Kế hoạch,
    Thực hiện, Cùng kỳ): repeated, or out of order."""
    known = [r for r in ranks if r is not None]
    return sum(1 for a, b in pairwise(known) if b <= a)
