"""Headers: where the table starts, which layout it has, and each column's header path.

A header is read as a path down its rows, merged cells resolved, so "Cấp ủy kiểm tra" >
"Tổ chức đảng" > "Thực hiện" names the same column as one cell "Cấp ủy kiểm tra tổ chức
đảng - Thực hiện". A group heading left in its first cell only (not merged) still heads the
measure columns to its right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..catalogue import Catalogue
from ..model import Measure
from ..numbers import NumberFormatError, parse_number
from ..read import Grid
from ..text import clean, fold

MAX_TITLE_ROWS = 40
MAX_HEADER_ROWS = 3

# The three layouts: one row per unit; one row per type of organization of one unit (a
# "Loại hình tổ chức cơ sở đảng" column); one unit's criteria down the rows.
UNIT_ROWS, CATEGORY_ROWS, INDICATOR_ROWS = "unit_rows", "category_rows", "indicator_rows"

_COLUMN_NUMBER = re.compile(
    r"^\(?\d+\)?(?:\s*(?:\(\s*)?=.*\)?)?$"  # 1, (2), 4 (=2*100/3), 4 = 2:3, 4(=2/3)
    r"|^\(?[a-z]\)?$"  # a, (b)
    r"|^\(?[a-z]\)?\s*=.*$"  # c = a + b
)


@dataclass(frozen=True)
class Header:
    top: int  # first header row
    bottom: int  # last header row
    unit_col: int  # the column of unit names, types, or criteria (the row labels)
    first_data_row: int
    layout: str = UNIT_ROWS
    number_col: int | None = None  # the STT column, whose numbers count the rows
    number_row: int | None = None  # the column-number row (1 | 2 | 4 (=2*100/3)), if any


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@lru_cache(maxsize=1 << 14)
def is_column_number(text: str) -> bool:
    """'1', '(2)', '4 (=2*100/3)', '4 = 2:3', 'a': a column's number, not its name."""
    return _COLUMN_NUMBER.match(clean(text).lower()) is not None


def is_number_row(cells: Sequence[object]) -> bool:
    """'1 | 2 | 3 | 4 (=2*100/3)' or '(1) | (2)': the column-number row under a header."""
    filled = [c for c in cells if c not in (None, "")]
    if len(filled) < 2:
        return False
    return all(
        (isinstance(c, (int, float)) and not isinstance(c, bool) and float(c).is_integer())
        or (isinstance(c, str) and is_column_number(c))
        for c in filled
    )


def _is_figure(value: object) -> bool:
    if isinstance(value, (int, float)):
        return not isinstance(value, bool)
    if type(value) is str and _DIGIT.search(value):
        try:
            return parse_number(value)[0] is not None
        except NumberFormatError:
            return False
    return False


def find_header(grid: Grid, catalogue: Catalogue) -> Header | None:
    """The header row and layout: a unit column ("Đơn vị") means one row per unit, a type
    column ("Loại hình tổ chức cơ sở đảng") one row per type of organization; a criterion
    column ("Chỉ tiêu", "Nội dung") with measures to its right means one unit with criteria
    down the rows."""
    unit_words = catalogue.word_keys("columns", "unit")
    category_words = catalogue.word_keys("columns", "category")
    criterion_words = catalogue.word_keys("columns", "criterion")
    number_words = catalogue.word_keys("columns", "number")
    for r in range(min(len(grid.rows), MAX_TITLE_ROWS)):
        # a column heading is a few words: titles and numbers are passed over unfolded;
        # the first unit heading, left to right, decides (the rest is not folded)
        short: list[tuple[int, str]] = []
        for c, v in enumerate(grid.rows[r]):
            if v and type(v) is str and len(v) <= 60:
                key = fold(v)
                if key in unit_words:
                    return _header_from(grid, r, c, UNIT_ROWS, short, number_words)
                short.append((c, key))
        for c, key in short:
            if key in category_words:
                return _header_from(grid, r, c, CATEGORY_ROWS, short, number_words)
        for c, key in short:
            if key in criterion_words and _measures_right_of(grid, r, c, catalogue):
                return _header_from(grid, r, c, INDICATOR_ROWS, short, number_words)
    return None


def _measures_right_of(grid: Grid, top: int, col: int, catalogue: Catalogue) -> bool:
    """Whether measure words (Kế hoạch, Thực hiện, Kỳ này...) head columns right of `col`."""
    for r in range(top, min(top + MAX_HEADER_ROWS, len(grid.rows))):
        for value in grid.rows[r][col + 1 :]:
            if is_text(value):
                read = read_measure(clean(value), catalogue)
                if read.measure is not None or read.year is not None:
                    return True
    return False


def _header_from(
    grid: Grid,
    top: int,
    unit_col: int,
    layout: str,
    short: list[tuple[int, str]],
    number_words: frozenset[str],
) -> Header:
    """The header from its top row down. Kept by the cells it is read from: every unit's
    copy of a form has the same header."""
    key = (
        tuple(tuple(row) for row in grid.rows[top : top + MAX_HEADER_ROWS + 1]),
        top,
        unit_col,
        layout,
        grid.merges,
        number_words,
    )
    known = _HEADERS.get(key)
    if known is None:
        if len(_HEADERS) > 1_000:
            _HEADERS.clear()
        known = _HEADERS[key] = _read_header(grid, top, unit_col, layout, short, number_words)
    return known


_HEADERS: dict[tuple[object, ...], Header] = {}


def _read_header(
    grid: Grid,
    top: int,
    unit_col: int,
    layout: str,
    short: list[tuple[int, str]],
    number_words: frozenset[str],
) -> Header:
    merged_down = {
        (r, c0)
        for r0, c0, r1, c1 in grid.merges
        if r0 == top and c0 <= unit_col <= c1
        for r in range(r0, r1 + 1)
    }
    bottom = top
    for r in range(top + 1, min(top + MAX_HEADER_ROWS, len(grid.rows))):
        cells = grid.rows[r]
        if is_number_row(cells):
            break
        label = grid.value(r, unit_col)
        if is_text(label) and (r, unit_col) not in merged_down:
            break
        if not any(is_text(v) for v in cells[unit_col + 1 :]):
            break
        if any(_is_figure(v) for v in cells[unit_col + 1 :]):
            break  # a row of figures (typed, or as text: "1.234") is data, not header
        bottom = r
    first_data = bottom + 1
    number_row = None
    if first_data < len(grid.rows) and is_number_row(grid.rows[first_data]):
        number_row = first_data
        first_data += 1
    number_col = next((c for c, key in short if key in number_words and c < unit_col), None)
    return Header(top, bottom, unit_col, first_data, layout, number_col, number_row)


def header_paths(grid: Grid, header: Header) -> dict[int, list[str]]:
    """Each column's header read as a path from the top row down (merges resolved)."""
    width = max((len(grid.rows[r]) for r in range(header.top, header.bottom + 1)), default=0)
    filled: dict[tuple[int, int], str] = {}
    for r0, c0, r1, c1 in grid.merges:
        text = clean(grid.value(r0, c0) or "")
        for r in range(max(r0, header.top), min(r1, header.bottom) + 1):
            for c in range(c0, c1 + 1):
                filled[(r, c)] = text
    merged = {(r, c) for r, c in filled}
    paths: dict[int, list[str]] = {}
    for c in range(header.unit_col + 1, width):
        path: list[str] = []
        for r in range(header.top, header.bottom + 1):
            raw = grid.value(r, c)
            text = clean(raw) if is_text(raw) else filled.get((r, c), "")
            if not text and r < header.bottom and (r, c) not in merged:
                # A heading typed in its group's first cell only, not merged (or a CSV):
                # an empty upper cell continues its left neighbour's group, as long as the
                # column has a header further down.
                text = _group_to_the_left(grid, header, r, c, merged)
            if text and (not path or path[-1] != text):
                path.append(text)
        if path:
            paths[c] = path
    return paths


def _group_to_the_left(
    grid: Grid, header: Header, r: int, c: int, merged: set[tuple[int, int]]
) -> str:
    below = any(is_text(grid.value(rr, c)) for rr in range(r + 1, header.bottom + 1))
    if not below:
        return ""
    left = c - 1
    while left > header.unit_col:
        if (r, left) in merged:
            return ""  # the group to the left is merged and ends before this column
        value = grid.value(r, left)
        if is_text(value):
            return clean(value)
        if not any(is_text(grid.value(rr, left)) for rr in range(r + 1, header.bottom + 1)):
            return ""  # an empty column between: the group ended
        left -= 1
    return ""


# ---------------------------------------------------------------- measures

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# The column's "Tỷ lệ %", "So sánh (%)", "(%) kỳ này so với cùng kỳ năm trước": computed
# by the sheet itself, checked, never data.
_DERIVED = re.compile(r"%|^ty le\b|\bso sanh\b|\bso voi\b")
_MEASURE_SUFFIX = re.compile(r"^(.*?)\s*(?:[-–:]\s*|\(\s*)([^()\-–:]+?)\s*\)?$")


@dataclass(frozen=True)
class MeasureRead:
    """What a header cell says of its column's measure: the rest of its text (an
    indicator's label, or ""), the measure or derived kind, and a year it names."""

    head: str
    measure: Measure | None = None
    derived: str | None = None
    year: int | None = None


def read_measure(text: str, catalogue: Catalogue) -> MeasureRead:
    """'Đảng viên mới kết nạp - Thực hiện' -> ('Đảng viên mới kết nạp', actual);
    'Thực hiện năm 2023' -> ('', actual, 2023); 'Năm 2022' -> ('', None, year 2022)."""
    key = (id(catalogue), text)
    known = _MEASURES.get(key)
    if known is None:
        known = _MEASURES[key] = _read_measure(text, catalogue)
    return known


_MEASURES: dict[tuple[int, str], MeasureRead] = {}


def _read_measure(text: str, catalogue: Catalogue) -> MeasureRead:
    whole = _measure_only(text, catalogue)
    if whole is not None:
        return whole
    match = _MEASURE_SUFFIX.match(text)
    if match and match.group(1):
        tail = _measure_only(match.group(2), catalogue)
        if tail is not None:
            return replace(tail, head=match.group(1))
    return MeasureRead(text)


def _measure_only(text: str, catalogue: Catalogue) -> MeasureRead | None:
    """The measure a text names and nothing else ("TH 2023", "Cùng kỳ năm trước", "Năm
    2022", "Tỷ lệ %"), or None if the text says something more."""
    key = fold(text)
    derived = catalogue.derived_for(text)
    if derived or "%" in text or _DERIVED.search(key):
        kind = derived or _derived_kind(key)
        return MeasureRead("", None, kind)
    year_match = _YEAR.search(key)
    year = int(year_match.group(1)) if year_match else None
    words = _YEAR.sub(" ", key).split()
    while words and words[-1] in ("nam", "cua"):  # "Thực hiện năm 2023", "TH năm 2023"
        words.pop()
    rest = " ".join(words)
    measure = catalogue.measure_words.get(rest)
    if measure is not None:
        return MeasureRead("", measure, None, year)
    if not rest and year is not None:
        return MeasureRead("", None, None, year)  # "Năm 2022": which measure, by the period
    return None


def _derived_kind(key: str) -> str:
    if "ke hoach" in key or re.search(r"\bkh\b", key) or "chi tieu" in key:
        return "percent_of_plan"
    if "cung ky" in key or "nam truoc" in key:
        return "percent_of_prior"
    return "percent"
