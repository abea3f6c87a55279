"""Headers: where the table starts, which layout it has, and what a header cell says of
its column's measure. Each column's header path is read in `headings`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, pairwise

from ..catalogue import Catalogue
from ..catalogue.meaning import Lexicon
from ..model import Measure, quarter_number
from ..numbers import AmbiguousNumber, NumberFormatError, parse_number
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
    # the table's columns, first and last, where it shares its rows with another beside it
    # (a panel by ethnic group beside one by religion); None: the whole width
    span: tuple[int, int] | None = None

    @property
    def last_col(self) -> int | None:
        return self.span[1] if self.span is not None else None


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@lru_cache(maxsize=1 << 14)
def is_column_number(text: str) -> bool:
    """'1', '(2)', '4 (=2*100/3)', '4 = 2:3', 'a': a column's number, not its name."""
    return _COLUMN_NUMBER.match(clean(text).lower()) is not None


def is_number_row(cells: Sequence[object]) -> bool:
    """'1 | 2 | 3 | 4 (=2*100/3)' or '(1) | (2)' or 'A | B | 1 | 2': the column-number row
    under a header. Its numbers go up left to right, one column at a time; a row of counts
    whose label was left out ('| 7 | 7 | 3 | 42') is no such row."""
    filled = [c for c in cells if c not in (None, "")]
    if len(filled) < 2:
        return False
    numbers: list[int] = []
    for c in filled:
        if isinstance(c, (int, float)) and not isinstance(c, bool) and float(c).is_integer():
            numbers.append(int(c))
        elif isinstance(c, str) and is_column_number(c):
            digits = _LEADING_NUMBER.match(c)
            if digits:
                numbers.append(int(digits.group(1)))
        else:
            return False
    return all(0 < b - a <= _NUMBER_GAP for a, b in pairwise(numbers))


# Column numbers may skip a few (a merged heading numbered once); counts do not climb so
_NUMBER_GAP = 3
_LEADING_NUMBER = re.compile(r"^\s*\(?\s*(\d+)")


def _is_figure(value: object) -> bool:
    if isinstance(value, (int, float)):
        return not isinstance(value, bool)
    if type(value) is str and _DIGIT.search(value):
        try:
            return parse_number(value)[0] is not None
        except AmbiguousNumber:
            return True
        except NumberFormatError:
            return False
    return False


def heading_words(catalogue: Catalogue) -> frozenset[str]:
    """The folded headings of a label column, any layout's: a row holding one, further down
    a sheet, starts another table."""
    words = _HEADING_WORDS.get(id(catalogue))
    if words is None:
        words = _HEADING_WORDS[id(catalogue)] = (
            catalogue.word_keys("columns", "unit")
            | catalogue.word_keys("columns", "category")
            | catalogue.word_keys("columns", "criterion")
        )
    return words


_HEADING_WORDS: dict[int, frozenset[str]] = {}


def find_header(grid: Grid, catalogue: Catalogue, start: int = 0) -> Header | None:
    """The header row and layout: a unit column ("Đơn vị") means one row per unit, a type
    column ("Loại hình tổ chức cơ sở đảng") one row per type of organization; a criterion
    column ("Chỉ tiêu", "Nội dung") with measures to its right means one unit with criteria
    down the rows. Failing such words, a row of column numbers ("A | B | 1 | 2 …") tells
    where a form's header ends and its rows of types of organization begin."""
    words = _COLUMN_WORDS.get(id(catalogue))
    if words is None:
        words = _COLUMN_WORDS[id(catalogue)] = tuple(
            catalogue.word_keys("columns", name)
            for name in ("unit", "category", "criterion", "number")
        )
    unit_words, category_words, criterion_words, number_words = words
    lexicon = catalogue.lexicon
    for r in range(start, min(len(grid.rows), start + MAX_TITLE_ROWS)):
        # a column heading is a few words: titles and numbers are passed over unfolded;
        # the first unit heading, left to right, decides (the rest is not folded)
        short: list[tuple[int, str]] = []
        row = grid.rows[r]
        for c in compress(range(len(row)), row):  # the cells that hold something, in C
            v = row[c]
            if type(v) is str and (kind := _heading_kind(v, lexicon, unit_words)) is not None:
                key, unit_heading, organizations = kind
                if unit_heading or (
                    organizations
                    and all(k in number_words for _, k in short)
                    and _headings_right_of(grid.rows[r], c)
                    # names below it, not figures: "Tổ chức cơ sở đảng" also heads a count
                    and _labels_below(grid, r, c)
                ):
                    return _header_from(grid, r, c, UNIT_ROWS, short, number_words)
                short.append((c, key))
        for c, key in short:
            if key in category_words:
                return _header_from(grid, r, c, CATEGORY_ROWS, short, number_words)
        for c, key in short:
            if (
                key in criterion_words
                and (
                    _measures_right_of(grid, r, c, catalogue)
                    or _things_right_of(grid, r, c, catalogue)
                )
                and _labels_below(grid, r, c)
            ):
                return _header_from(grid, r, c, INDICATOR_ROWS, short, number_words)
    return _header_by_numbers(grid, start, number_words)


_COLUMN_WORDS: dict[int, tuple[frozenset[str], ...]] = {}


@lru_cache(maxsize=1 << 14)  # every unit's copy of a form has the same headings
def _heading_kind(
    text: str, lexicon: Lexicon, unit_words: frozenset[str]
) -> tuple[str, bool, bool] | None:
    """(folded key, a unit column's heading, a heading naming party organizations) of a
    cell's text that may be a column heading; None if it may not (see `_heading_key`)."""
    key = _heading_key(text)
    if key is None:
        return None
    return key, _is_unit_heading(text, key, unit_words), _names_organizations(lexicon, clean(text))


@lru_cache(maxsize=1 << 14)  # every unit's copy of a form has the same headings
def _heading_key(text: str) -> str | None:
    """A cell's text folded where it may be a column heading: a few words, and no title's
    line left to fill in ("ĐẢNG BỘ ..........", no "Đảng bộ" heading)."""
    if len(text) > 40 or _PLACEHOLDER.search(text):
        return None
    return fold(text)


@lru_cache(maxsize=1 << 14)
def _is_unit_heading(text: str, key: str, unit_words: frozenset[str]) -> bool:
    """A unit column's heading (`key` folded): one of the words, or a list of them ("Tên
    đơn vị, địa phương", "Đơn vị/địa phương"), each with or without its "tên"."""
    if key in unit_words:
        return True
    parts = [fold(p) for p in _HEADING_LIST.split(text)]
    return len(parts) > 1 and all(
        p in unit_words or p.removeprefix("ten ") in unit_words for p in parts if p
    )


# dots or underscores left in a form's line to be filled in ("ĐẢNG BỘ ..........")
_PLACEHOLDER = re.compile(r"\.{3,}|…|_{3,}")

_HEADING_LIST = re.compile(r"[,/;]|\bvà\b|\bhoặc\b", re.IGNORECASE)


def names_organizations(text: str, catalogue: Catalogue) -> bool:
    """Whether a heading names party organizations and nothing else: "Cơ sở đảng", "Tên
    cơ sở đảng", "Đảng bộ, chi bộ cơ sở", "Tên chi bộ": a label column of organizations,
    whatever the words (the lexicon's things that are kinds of "tổ chức đảng")."""
    return _names_organizations(catalogue.lexicon, clean(text))


@lru_cache(maxsize=1 << 12)
def _names_organizations(lexicon: Lexicon, text: str) -> bool:
    key = _NAME_OF.sub("", fold(text))
    if _DIGIT.search(key) or _COUNT_OF.match(key):  # "Số đảng bộ cơ sở": a count's heading
        return False
    parts = [p for p in _LIST.split(key) if p]
    if not parts:
        return False
    for part in parts:
        meaning = lexicon.read(part)
        if (
            meaning.residue
            or meaning.mixed
            or meaning.event
            or meaning.actor
            or meaning.qualifiers
            or not _is_organization(lexicon, meaning.thing)
        ):
            return False
    return True


def _is_organization(lexicon: Lexicon, thing: str | None) -> bool:
    return thing is not None and (
        thing == _ORGANIZATION or _ORGANIZATION in lexicon.kinds.get(thing, frozenset())
    )


_ORGANIZATION = "tổ chức đảng"
_NAME_OF = re.compile(r"^(?:ten |danh sach |cac )+")
_COUNT_OF = re.compile(r"^(?:so|tong|tong so|tong cong|cong)\b")
_LIST = re.compile(r"\s*(?:\bva\b|\bhoac\b)\s*|\s+(?=(?:dang bo|chi bo|to chuc)\b)")


def _headings_right_of(cells: Sequence[object], col: int) -> bool:
    """Whether a row holds headings right of a cell and no figures: a header row, not a
    row of an organization's figures."""
    right = cells[col + 1 :]
    return any(is_text(v) for v in right) and not any(_is_figure(v) for v in right)


def _header_by_numbers(grid: Grid, start: int, number_words: frozenset[str]) -> Header | None:
    """A header found by the column-number row under it (885-QĐ/UBKTTW's sheets: "A | B |
    1 | 2 …"): the label column is the first one whose next row holds words, its heading
    the highest text above the numbers in it."""
    rows = grid.rows
    for r in range(start + 1, min(len(rows) - 1, start + MAX_TITLE_ROWS)):
        cells = rows[r]
        if sum(1 for v in cells if v not in (None, "")) < 4 or not is_number_row(cells):
            continue
        data = rows[r + 1]
        unit_col = next(
            (
                c
                for c, v in enumerate(data)
                if is_text(v) and not is_column_number(v) and not _is_numbering(v)
            ),
            None,
        )
        if unit_col is None:
            return None
        top = next(
            (
                t
                for t in range(max(start, r - MAX_HEADER_ROWS), r)
                if is_text(grid.value(t, unit_col))
            ),
            None,
        )
        if top is None:
            return None
        number_col = next(
            (
                c
                for c in range(unit_col)
                if fold(grid.value(top, c) or "") in number_words
                or _is_numbering(grid.value(r + 1, c))
            ),
            None,
        )
        return Header(top, r - 1, unit_col, r + 1, CATEGORY_ROWS, number_col, r)
    return None


def _is_numbering(value: object) -> bool:
    """'I', 'II', '1', 'a', 1.0: what an STT cell holds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and bool(_NUMBERING_CELL.match(value.strip()))


_NUMBERING_CELL = re.compile(r"^(?:[IVX]+|\d+|[a-zA-Z])[.)]?$")


def _labels_below(grid: Grid, top: int, col: int) -> bool:
    """Whether a column headed like a criterion column holds words below its header, not
    figures ("Nội dung" heading a group of number columns is no criterion column)."""
    texts = figures = 0
    for r in range(top + 1, min(top + MAX_HEADER_ROWS + 6, len(grid.rows))):
        value = grid.value(r, col)
        if _is_figure(value) and not is_number_row(grid.rows[r]):
            figures += 1
        elif is_text(value) and not is_column_number(value):
            texts += 1
    return texts > figures


def _measures_right_of(grid: Grid, top: int, col: int, catalogue: Catalogue) -> bool:
    """Whether measure words (Kế hoạch, Thực hiện, Kỳ này...) head columns right of `col`."""
    for r in range(top, min(top + MAX_HEADER_ROWS, len(grid.rows))):
        for value in grid.rows[r][col + 1 :]:
            if is_text(value):
                read = read_measure(clean(value), catalogue)
                if read.measure is not None or read.year is not None:
                    return True
    return False


def _things_right_of(grid: Grid, top: int, col: int, catalogue: Catalogue) -> bool:
    """Whether the headings right of `col`, down the header's rows, name things or kinds of
    them and nothing else ("Nội dung | Tổ chức đảng | Đảng viên"; "Nội dung | Khiển trách |
    Cảnh cáo | … | Cộng"), with a total or a group over them ("Hình thức kỷ luật"): the
    objects or forms of what the rows say was done, each a column of its count, with no
    measure written."""
    named = False
    for r in range(top, min(top + MAX_HEADER_ROWS, len(grid.rows))):
        right = grid.rows[r][col + 1 :]
        if any(_is_figure(v) for v in right):
            break
        for value in right:
            if not is_text(value) or _NOTE.match(fold(value)):  # "Ghi chú": no count
                continue
            said = catalogue.lexicon.read(clean(value))
            if said.residue or said.mixed or said.actor:
                return False
            named = named or bool(said.thing or said.qualifiers)
    return named


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
        tuple(
            tuple(row)
            for row in grid.rows[max(0, top - MAX_HEADER_ROWS) : top + MAX_HEADER_ROWS + 1]
        ),
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
    label_row, top = top, _groups_above(grid, top, unit_col)
    merged_down = {
        (r, c0)
        for r0, c0, r1, c1 in grid.merges
        if r0 == label_row and c0 <= unit_col <= c1
        for r in range(r0, r1 + 1)
    }
    heading = fold(grid.value(label_row, unit_col) or "")

    def continues(r: int) -> bool:
        cells = grid.rows[r]
        if is_number_row(cells):
            return False
        label = grid.value(r, unit_col)
        # the unit heading typed again under itself, not merged down, heads no row
        if is_text(label) and (r, unit_col) not in merged_down and fold(label) != heading:
            return False
        if not any(is_text(v) for v in cells[unit_col + 1 :]):
            return False
        # a row of figures (typed, or as text: "1.234") is data, not header
        return not any(_is_figure(v) for v in cells[unit_col + 1 :])

    bottom = label_row
    end = min(top + MAX_HEADER_ROWS, len(grid.rows))
    for r in range(label_row + 1, end):
        if continues(r):
            bottom = r
        elif not (  # a blank row between the header's rows
            not any(v not in (None, "") for v in grid.rows[r]) and r + 1 < end and continues(r + 1)
        ):
            break
    first_data = bottom + 1
    number_row = None
    if first_data < len(grid.rows) and is_number_row(grid.rows[first_data]):
        number_row = first_data
        first_data += 1
    number_col = next((c for c, key in short if key in number_words and c < unit_col), None)
    after = grid.value(label_row, unit_col + 1)
    if number_col is None and type(after) is str and _heading_key(after) in number_words:
        number_col = unit_col + 1  # "Đơn vị | STT | …": the numbering right of the names
    return Header(top, bottom, unit_col, first_data, layout, number_col, number_row)


def _groups_above(grid: Grid, label_row: int, unit_col: int) -> int:
    """The top of a header whose unit heading ("STT | Đơn vị") sits in its lowest row, not
    merged up: the rows above it, blank at and left of the unit column, whose headings group
    the columns below ("Cấp ủy kiểm tra tổ chức đảng" over "Kế hoạch | Thực hiện"). A single
    heading counts merged over its group, or typed in the first cell of it, over a heading,
    in a few words and no figure (a title's line says a year); a note ("Đơn vị tính:
    người") never."""
    top = label_row
    while top > 0 and label_row - top + 1 < MAX_HEADER_ROWS:
        row = grid.rows[top - 1]
        if any(v not in (None, "") for v in row[: unit_col + 1]):
            break
        texts = [v for v in row[unit_col + 1 :] if is_text(v)]
        merged = any(r0 == top - 1 and c0 > unit_col for r0, c0, _, _ in grid.merges)
        if (
            not texts
            or (len(texts) < 2 and not merged and not _heads_a_group(grid, top - 1, unit_col))
            or any(_is_figure(v) for v in row)
            or any(_NOTE.match(fold(v)) for v in texts)
        ):
            break
        top -= 1
    return top


_NOTE = re.compile(r"^(?:don vi tinh|dvt|bieu|mau|tinh den|kem theo|ghi chu)\b")


def _heads_a_group(grid: Grid, r: int, unit_col: int) -> bool:
    """One heading, not merged, over the headings of the row below it ("Đảng viên mới kết
    nạp" typed in C over "Kế hoạch | Thực hiện | Cùng kỳ"): a heading's few words, no
    digit, over a heading of its own and one right of it."""
    row, below = grid.rows[r], grid.rows[r + 1]
    c = next(c for c in range(unit_col + 1, len(row)) if is_text(row[c]))
    text = row[c]
    return (
        isinstance(text, str)
        and _heading_key(text) is not None
        and not _DIGIT.search(text)
        and c + 1 < len(below)
        and is_text(below[c])
        and is_text(below[c + 1])
    )


# ---------------------------------------------------------------- measures

_DIGIT = re.compile(r"\d")
# "TH 6 tháng 2024", "Kỳ này (quý I/2024)": the period beside a measure says when, not what
_PERIOD_WORDS = re.compile(
    r"\b(?:(\d{1,2}|sau|chin) thang( dau| cuoi)?(?: nam)?|quy (i{1,3}|iv|0?[1-4])(?: nam)?)\b"
)
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
    # the span it names, as (months, quarter): "Thực hiện 6 tháng" (6, None), "Kế hoạch quý
    # IV" (12, 4), "6 tháng cuối năm" (0, None): matched against the sheet's period
    span: tuple[int, int | None] | None = None


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
    bilingual = _bilingual_measure(text, catalogue)
    if bilingual is not None:
        return bilingual
    match = _MEASURE_SUFFIX.match(text)
    if match and match.group(1):
        tail = _measure_only(match.group(2), catalogue)
        if tail is not None:
            return replace(tail, head=match.group(1))
    return MeasureRead(text)


def _bilingual_measure(text: str, catalogue: Catalogue) -> MeasureRead | None:
    """ "Thực hiện / Actual", "Kế hoạch (Plan)": a measure written in two languages, each
    naming the same one; two that differ ("Thực hiện/Kế hoạch") name none."""
    parts = [p for p in _LANGUAGES.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    reads = [_measure_only(p, catalogue) for p in parts]
    if any(r is None or r.measure is None for r in reads):
        return None
    measures = {r.measure for r in reads if r is not None}
    years = {r.year for r in reads if r is not None and r.year is not None}
    if len(measures) != 1 or len(years) > 1:
        return None
    return MeasureRead("", measures.pop(), None, years.pop() if years else None)


_LANGUAGES = re.compile(r"\s*/\s*|\s*\(\s*|\s*\)\s*")


def _measure_only(text: str, catalogue: Catalogue) -> MeasureRead | None:
    """The measure a text names and nothing else ("TH 2023", "Cùng kỳ năm trước", "Năm
    2022", "Tỷ lệ %"), or None if the text says something more."""
    key = fold(text)
    derived = catalogue.derived_for(text)
    if derived or "%" in text or _DERIVED.search(key):
        kind = derived or _derived_kind(key)
        return MeasureRead("", None, kind)
    years = _YEAR.findall(key)  # a span's last year: when it was counted to
    year = int(years[-1]) if years else None
    words = _without_date(_PERIOD_WORDS.sub(" ", _YEAR.sub(" ", key)).split())
    while words and words[-1] in ("nam", "cua"):  # "Thực hiện năm 2023", "TH năm 2023"
        words.pop()
    rest = " ".join(words)
    measure = catalogue.measure_words.get(rest)
    if measure is None:  # "Chỉ tiêu được giao", "Đã thực hiện": a verb's particles
        measure = catalogue.measure_words.get(" ".join(w for w in words if w not in _PARTICLES))
    if measure is None and _DOTTED.search(text):
        measure = _abbreviated_measure(words, catalogue)
    if measure is not None:
        return MeasureRead("", measure, None, year, _span(key))
    if not rest and year is not None:
        # "Năm 2022": which measure, by the period
        return MeasureRead("", None, None, year, _span(key))
    return None


def _span(key: str) -> tuple[int, int | None] | None:
    """The span a measure heading names ("TH 6 tháng 2024": (6, None), "Kỳ này (quý
    I/2024)": (3, 1)), months 0 for months at a year's end ("6 tháng cuối năm")."""
    match = _PERIOD_WORDS.search(key)
    if match is None:
        return None
    count, end, quarter = match.groups()
    if quarter is not None:
        number = quarter_number(quarter)
        return number * 3, number
    months = int(count) if count.isdigit() else {"sau": 6, "chin": 9}[count]
    return (0 if end == " cuoi" and months != 12 else months), None


_PARTICLES = frozenset({"duoc", "da"})
# "Thực hiện đến 30/11/2023", "Cùng kỳ (tính đến ngày 30/11/2022)", "Kỳ này (từ 01/12 đến
# nay)": a date or span after the measure says when it was counted, not what
_DATE_CONNECTORS = frozenset({"den", "tu", "tinh", "tai", "luc", "ngay"})
_DATE_WORDS = frozenset(
    {"den", "tu", "tinh", "tai", "luc", "ngay", "thang", "nam", "het", "nay", "hien", "thoi",
     "diem", "quy", "cuoi", "dau", "ky"}
)  # fmt: skip


def _without_date(words: list[str]) -> list[str]:
    """The words with a trailing date or span qualifier dropped: from the first connector
    ("đến", "từ", "tính đến", "ngày") after which only dates and date words follow. The
    measure before it stays whole ("Kỳ này" is no "Kỳ" + "này")."""
    for at in range(1, len(words)):
        tail = words[at:]
        if (
            words[at] in _DATE_CONNECTORS
            and any(w.isdigit() or w in ("nay", "het") for w in tail)
            and all(w.isdigit() or w in _DATE_WORDS for w in tail)
        ):
            return words[:at]
    return words


# "T.Hiện", "K.Hoạch", "Th.hiện", "C.kỳ": a word cut short with a dot after it
_DOTTED = re.compile(r"\w\.\s*\w|\w\.$")


def _abbreviated_measure(words: list[str], catalogue: Catalogue) -> Measure | None:
    """The measure whose words, one for one, begin with these ("t hien" is "thuc hien"),
    for a heading written with dotted abbreviations; None unless one measure fits. Initials
    alone ("K.H", "T.H.") are the measure's known short form ("KH", "TH") or nothing: too
    little to tell "Kỳ này" from "Kết nạp"."""
    if not words:
        return None
    if all(len(w) == 1 for w in words):
        return catalogue.measure_words.get("".join(words))
    found = {
        measure
        for phrase, measure in catalogue.measure_words.items()
        if len(phrase.split()) == len(words)
        and all(full.startswith(short) for short, full in zip(words, phrase.split(), strict=True))
    }
    return found.pop() if len(found) == 1 else None


def _derived_kind(key: str) -> str:
    """The base a percentage's folded heading names: "% KH", "TH/KH" the plan; "% CK",
    "TH so với CK", "năm trước" the same period; else none said ("Tỷ lệ %")."""
    if "ke hoach" in key or _PLAN_WORD.search(key) or "chi tieu" in key:
        return "percent_of_plan"
    if "cung ky" in key or "nam truoc" in key or _PRIOR_WORD.search(key):
        return "percent_of_prior"
    return "percent"


_PLAN_WORD = re.compile(r"\bkh\b")
_PRIOR_WORD = re.compile(r"\bck\b")


def base_of_percent(read: MeasureRead, text: str) -> str | None:
    """The kind of percentage a heading under a percentage's group heading says it is
    ("So sánh (%)" › "Kế hoạch" | "Cùng kỳ"; "Tỷ lệ (%)" › "TH/KH" | "TH/CK"): of the
    plan or of the same period; None when it names neither."""
    if read.measure == "plan" or read.derived == "percent_of_plan":
        return "percent_of_plan"
    if read.measure == "prior" or read.derived == "percent_of_prior":
        return "percent_of_prior"
    kind = _derived_kind(fold(text))
    return None if kind == "percent" else kind


def panels(grid: Grid, header: Header) -> list[Header]:
    """A header of criteria whose label heading comes again to the right heads tables side
    by side on the same rows (by ethnic group | by religion): one header each."""
    if header.layout != INDICATOR_ROWS:
        return [header]
    heading = grid.value(header.top, header.unit_col)
    row = grid.rows[header.top]
    key = fold(heading) if is_text(heading) else None
    again = [c for c in range(header.unit_col + 1, len(row)) if key and fold(row[c] or "") == key]
    if not again:
        return [header]
    starts = [header.unit_col, *again]
    found: list[Header] = []
    for n, label_col in enumerate(starts):
        number_col = (
            label_col - 1 if n and _is_number_heading(grid, header, label_col - 1) else None
        )
        if n == 0:
            number_col = header.number_col
        first = number_col if number_col is not None else label_col
        nxt = starts[n + 1] if n + 1 < len(starts) else None
        last = (
            (nxt - 1 - (1 if _is_number_heading(grid, header, nxt - 1) else 0))
            if nxt
            else len(row) - 1
        )
        found.append(
            replace(
                header,
                unit_col=label_col,
                number_col=number_col,
                span=(0 if n == 0 else first, last),
            )
        )
    return found


def _is_number_heading(grid: Grid, header: Header, c: int) -> bool:
    value = grid.value(header.top, c)
    return is_text(value) and fold(value) in ("stt", "tt", "so tt", "so thu tu")
