"""Title blocks and headers: whose sheet it is, for which period, and what each column holds.

A header is read as a path down its rows, merged cells resolved, so "Cấp ủy kiểm tra" >
"Tổ chức đảng" > "Thực hiện" names the same column as one cell "Cấp ủy kiểm tra tổ chức
đảng - Thực hiện".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..catalogue import Catalogue, province_names
from ..model import Measure, Period
from ..read import Grid
from ..text import clean, fold, strip_numbering

MAX_TITLE_ROWS = 40
MAX_HEADER_ROWS = 3


# ---------------------------------------------------------------- title block

_OWNER = re.compile(
    r"\b(?:dang bo|quan uy|huyen uy|thi uy|thanh uy|dang uy|ban thuong vu|bch dang bo)\s+"
    r"((?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|tp|dac khu)\s+.+)$"
)
_OWNER_SHORT = re.compile(r"^(?:quan uy|huyen uy|thi uy|dang uy)\s+(.+)$")


@cache
def _city() -> re.Pattern[str]:
    """A province or centrally-run city named in a title ("TỈNH ỦY QUẢNG NGÃI", "ĐẢNG BỘ
    THÀNH PHỐ HẢI PHÒNG", "TP. HỒ CHÍ MINH"): the sheet is the province's, consolidated.
    Only the six centrally-run cities after "thành phố": a provincial city is a unit."""
    cities, provinces = ["hcm"], []
    for name in province_names():
        key = fold(name)
        if key.startswith("thanh pho "):
            cities.append(re.escape(key.removeprefix("thanh pho ")))
        else:
            provinces.append(re.escape(key.removeprefix("tinh ")))
    return re.compile(
        rf"\b(?:thanh pho|tp|thanh uy) (?:{'|'.join(cities)})\b|\btphcm\b"
        rf"|\btinh(?: uy)? (?:{'|'.join(provinces)})\b"
    )


_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b6 thang (?:dau )?nam (\d{4})\b"), 6),
    (re.compile(r"\bsau thang (?:dau )?nam (\d{4})\b"), 6),
    (re.compile(r"\b9 thang (?:dau )?(?:nam )?(\d{4})\b"), 9),
    (re.compile(r"\bchin thang (?:nam )?(\d{4})\b"), 9),
    (re.compile(r"\bquy (i|ii|iii|iv|1|2|3|4) (?:nam )?(\d{4})\b"), 3),
    (re.compile(r"\bnam (\d{4})\b"), 12),
)
# "(Tính đến ngày 30/11/2023)" alone: the months from January to that date.
_AS_OF = re.compile(r"\bden ngay (\d{1,2}) (\d{1,2}) (\d{4})\b")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def read_period(texts: list[str]) -> Period | None:
    """The period a title block names: 'NĂM 2023', '6 THÁNG ĐẦU NĂM 2022', 'QUÝ I NĂM 2024'."""
    found = [_periods_in(text) for text in texts]
    for named, _ in found:
        if named is not None:
            return named
    for _, as_of in found:
        if as_of is not None:
            return as_of
    return None


@lru_cache(maxsize=1 << 12)
def _periods_in(text: str) -> tuple[Period | None, Period | None]:
    """(the period one title line names, the period its 'Tính đến ngày' date implies).
    Kept by line: every unit's copy of a form repeats its title lines."""
    key = fold(text)
    named: Period | None = None
    for pattern, months in _PERIOD_PATTERNS:
        match = pattern.search(key)
        if not match:
            continue
        if months == 3:
            quarter = _QUARTERS[match.group(1)]
            named = Period(int(match.group(2)), quarter * 3, quarter)
        else:
            named = Period(int(match.group(1)), months)
        break
    match = _AS_OF.search(key)
    as_of = (
        Period(int(match.group(3)), int(match.group(2)))
        if match and 1 <= int(match.group(2)) <= 12
        else None
    )
    return named, as_of


def read_owner(texts: list[str]) -> tuple[str | None, str | None, bool]:
    """(folded unit name, the line as written, names the city) from a title block."""
    names_city = False
    for text in texts:
        owner, city = _owner_in(text)
        if owner is not None:
            return owner, text, False
        names_city = names_city or city
    return None, None, names_city


@lru_cache(maxsize=1 << 12)
def _owner_in(text: str) -> tuple[str | None, bool]:
    """(the unit one title line names, whether it names the city)."""
    key = fold(text)
    city = _city().search(key)
    # "ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG ỦY XÃ BA TƠ" in one cell: the unit after the province
    rest = key[city.end() :].strip() if city else key
    match = _OWNER.search(rest) or _OWNER_SHORT.match(rest)
    if match:
        return match.group(1), False
    return None, city is not None


# ---------------------------------------------------------------- header

_COLUMN_NUMBER = re.compile(r"^\(?\d+\)?(?:\s*\(\s*=.*\))?$|^\(?[a-z]\)?$")
_PRIOR_YEAR = re.compile(r"^(?:cung ky|so cung ky)(?: nam)?(?: truoc)? \d{4}$|^nam \d{4}$")
_MEASURE_SUFFIX = re.compile(r"^(.*?)\s*(?:[-–:]\s*|\(\s*)([^()\-–:]+?)\s*\)?$")


@dataclass(frozen=True)
class Header:
    top: int  # first header row
    bottom: int  # last header row
    unit_col: int  # the column of unit names, or of criteria in the indicator-rows layout
    first_data_row: int
    layout: str = "unit_rows"  # or "indicator_rows": one unit, criteria down the rows


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@lru_cache(maxsize=1 << 14)
def is_column_number(text: str) -> bool:
    """'1', '(2)', '4 (=2*100/3)', 'a': a column's number, not its name."""
    return _COLUMN_NUMBER.match(clean(text).lower()) is not None


def _is_number_row(cells: list[object]) -> bool:
    """'1 | 2 | 3 | 4 (=2*100/3)' or '(1) | (2)': the column-number row under a header."""
    filled = [c for c in cells if c not in (None, "")]
    if len(filled) < 2:
        return False
    return all(
        (isinstance(c, (int, float)) and float(c).is_integer())
        or (isinstance(c, str) and is_column_number(c))
        for c in filled
    )


def find_header(grid: Grid, catalogue: Catalogue) -> Header | None:
    """The header row and layout: a unit column ("Đơn vị") means one row per unit; a
    criterion column ("Chỉ tiêu", "Nội dung") with measures to its right means one unit
    with criteria down the rows."""
    unit_words = catalogue.word_keys("columns", "unit")
    criterion_words = catalogue.word_keys("columns", "criterion")
    for r in range(min(len(grid.rows), MAX_TITLE_ROWS)):
        # a column heading is a few words: titles and numbers are passed over unfolded;
        # the first unit heading, left to right, decides (the rest is not folded)
        short: list[tuple[int, str]] = []
        for c, v in enumerate(grid.rows[r]):
            if v and type(v) is str and len(v) <= 40:
                key = fold(v)
                if key in unit_words:
                    return _header_from(grid, r, c)
                short.append((c, key))
        for c, key in short:
            if key in criterion_words and _measures_right_of(grid, r, c, catalogue):
                return replace(_header_from(grid, r, c), layout="indicator_rows")
    return None


def _measures_right_of(grid: Grid, top: int, col: int, catalogue: Catalogue) -> bool:
    """Whether measure words (Kế hoạch, Thực hiện...) head columns right of `col`."""
    for r in range(top, min(top + MAX_HEADER_ROWS, len(grid.rows))):
        for value in grid.rows[r][col + 1 :]:
            if is_text(value) and _split_measure(clean(value), catalogue)[1] is not None:
                return True
    return False


def _header_from(grid: Grid, top: int, unit_col: int) -> Header:
    merged_down = {
        (r, c0)
        for r0, c0, r1, c1 in grid.merges
        if r0 == top and c0 <= unit_col <= c1
        for r in range(r0, r1 + 1)
    }
    bottom = top
    for r in range(top + 1, min(top + MAX_HEADER_ROWS, len(grid.rows))):
        cells = grid.rows[r]
        if _is_number_row(cells):
            break
        label = grid.value(r, unit_col)
        if is_text(label) and (r, unit_col) not in merged_down:
            break
        if not any(is_text(v) for v in cells[unit_col + 1 :]):
            break
        if any(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells[unit_col + 1 :]
        ):
            break
        bottom = r
    first_data = bottom + 1
    if first_data < len(grid.rows) and _is_number_row(grid.rows[first_data]):
        first_data += 1
    return Header(top, bottom, unit_col, first_data)


def header_paths(grid: Grid, header: Header) -> dict[int, list[str]]:
    """Each column's header read as a path from the top row down (merges resolved)."""
    width = max((len(grid.rows[r]) for r in range(header.top, header.bottom + 1)), default=0)
    filled: dict[tuple[int, int], str] = {}
    for r0, c0, r1, c1 in grid.merges:
        text = clean(grid.value(r0, c0) or "")
        for r in range(max(r0, header.top), min(r1, header.bottom) + 1):
            for c in range(c0, c1 + 1):
                filled[(r, c)] = text
    paths: dict[int, list[str]] = {}
    for c in range(header.unit_col + 1, width):
        path: list[str] = []
        for r in range(header.top, header.bottom + 1):
            raw = grid.value(r, c)
            text = clean(raw) if is_text(raw) else filled.get((r, c), "")
            if not text and r < header.bottom and not grid.merges:
                # Without merge information (CSV), an empty upper cell continues its left
                # neighbour's group, as long as the column has a header further down.
                below = any(is_text(grid.value(rr, c)) for rr in range(r + 1, header.bottom + 1))
                left = c - 1
                while below and left > header.unit_col and not text:
                    text = clean(grid.value(r, left) or "")
                    left -= 1
            if text and (not path or path[-1] != text):
                path.append(text)
        if path:
            paths[c] = path
    return paths


def _split_measure(text: str, catalogue: Catalogue) -> tuple[str, Measure | None, str | None]:
    """'Đảng viên mới kết nạp - Thực hiện' -> ('Đảng viên mới kết nạp', 'actual', None)."""
    key = fold(text)
    measure = catalogue.measure_for(text)
    if measure:
        return "", measure, None
    if _PRIOR_YEAR.match(key):
        return "", "prior", None
    derived = catalogue.derived_for(text)
    if derived or key.startswith("%") or key.startswith("ty le"):
        return "", None, derived or "percent"
    match = _MEASURE_SUFFIX.match(text)
    if match and match.group(1):
        head, tail = match.group(1), match.group(2)
        measure = catalogue.measure_for(tail) or (
            "prior" if _PRIOR_YEAR.match(fold(tail)) else None
        )
        if measure:
            return head, measure, None
        derived = catalogue.derived_for(tail)
        if derived:
            return head, None, derived
    return text, None, None


def resolve_column(
    path: list[str], catalogue: Catalogue
) -> tuple[str | None, Measure | None, str | None]:
    """(indicator, measure, derived kind) a header path names; indicator None if none."""
    key = (id(catalogue), tuple(path))
    if key not in _RESOLVED:
        _RESOLVED[key] = _resolve_column(path, catalogue)
    return _RESOLVED[key]


# Header paths resolved so far: every unit's file repeats the same few dozen.
_RESOLVED: dict[tuple[int, tuple[str, ...]], tuple[str | None, Measure | None, str | None]] = {}


def _resolve_column(
    path: list[str], catalogue: Catalogue
) -> tuple[str | None, Measure | None, str | None]:
    """(indicator, measure, derived kind) a header path names; indicator None if none."""
    parts = [p for p in path if not is_column_number(p)]
    measure: Measure | None = None
    derived: str | None = None
    if parts:
        head, measure, derived = _split_measure(parts[-1], catalogue)
        parts = [*parts[:-1], head] if head else parts[:-1]
    labels = [strip_numbering(p) for p in parts if strip_numbering(p)]
    # The most specific reading first: all levels joined, then fewer from the left.
    for start in range(len(labels)):
        indicator = catalogue.indicator_for(" ".join(labels[start:]))
        if indicator:
            break
    else:
        return None, measure, derived
    if measure is None and derived is None:
        measure = "actual"  # a lone indicator column ("Chủ doanh nghiệp tư nhân") is a count
    return indicator, measure, derived
