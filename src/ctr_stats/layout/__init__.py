"""Cell grid -> figures: finds the title block, the header, the unit column, the data
rows and the total row of a sheet laid out with one row per organization.

Nothing here knows a registry: the sheet's owner and its row labels stay text, resolved
to units by `ctr_stats.units`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..catalogue import Catalogue
from ..model import Cell, Finding, Measure, Period, Severity, Source
from ..numbers import NumberFormatError, parse_number
from ..read import Grid, a1
from ..text import clean, fold, strip_numbering

MAX_TITLE_ROWS = 40
MAX_HEADER_ROWS = 3

Key = tuple[str, Measure]  # (indicator id, measure)


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header path as the sheet writes it, " › " between levels
    indicator: str
    measure: Measure | None  # None for a derived (percentage) column
    derived: str | None = None


@dataclass(frozen=True)
class Row:
    label: str
    label_cell: str  # A1 cell of the label
    index: int  # 0-based row
    values: dict[Key, Cell]
    derived: dict[tuple[str, str], Cell] = field(default_factory=dict)


@dataclass(frozen=True)
class SheetData:
    """What one sheet says: whose it is, for when, and its rows of figures."""

    file: str
    sheet: str
    owner: str | None  # the unit the title block names (folded key text), None if none
    owner_text: str | None  # that title line as written
    names_city: bool  # the title names the city: a consolidated sheet
    period: Period | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    totals: tuple[Row, ...]
    findings: tuple[Finding, ...]

    def source(self, cell: str) -> Source:
        return Source(self.file, self.sheet, cell)


# ---------------------------------------------------------------- title block

_OWNER = re.compile(
    r"\b(?:dang bo|quan uy|huyen uy|thi uy|thanh uy|dang uy|ban thuong vu|bch dang bo)\s+"
    r"((?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|tp)\s+.+)$"
)
_OWNER_SHORT = re.compile(r"^(?:quan uy|huyen uy|thi uy|dang uy)\s+(.+)$")
_CITY = re.compile(r"\b(?:thanh pho|tp) ha noi\b|\bthanh uy ha noi\b")
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b6 thang (?:dau )?nam (\d{4})\b"), 6),
    (re.compile(r"\bsau thang (?:dau )?nam (\d{4})\b"), 6),
    (re.compile(r"\b9 thang (?:dau )?(?:nam )?(\d{4})\b"), 9),
    (re.compile(r"\bchin thang (?:nam )?(\d{4})\b"), 9),
    (re.compile(r"\bquy (i|ii|iii|iv|1|2|3|4) (?:nam )?(\d{4})\b"), 3),
    (re.compile(r"\bnam (\d{4})\b"), 12),
)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def read_period(texts: list[str]) -> Period | None:
    """The period a title block names: 'NĂM 2023', '6 THÁNG ĐẦU NĂM 2022', 'QUÝ I NĂM 2024'."""
    for text in texts:
        key = fold(text)
        for pattern, months in _PERIOD_PATTERNS:
            match = pattern.search(key)
            if not match:
                continue
            if months == 3:
                quarter = _QUARTERS[match.group(1)]
                return Period(int(match.group(2)), quarter * 3, quarter)
            return Period(int(match.group(1)), months)
    return None


def read_owner(texts: list[str]) -> tuple[str | None, str | None, bool]:
    """(folded unit name, the line as written, names the city) from a title block."""
    names_city = False
    for text in texts:
        key = fold(text)
        match = _OWNER.search(key) or _OWNER_SHORT.match(key)
        if match and not _CITY.search(key):
            return match.group(1), text, False
        if _CITY.search(key):
            names_city = True
    return None, None, names_city


# ---------------------------------------------------------------- header

_COLUMN_NUMBER = re.compile(r"^\(?\d+\)?(?:\s*\(?=.*\)?)?$|^\(?[a-z]\)?$")
_PRIOR_YEAR = re.compile(r"^(?:cung ky|so cung ky)(?: nam)?(?: truoc)? \d{4}$|^nam \d{4}$")
_MEASURE_SUFFIX = re.compile(r"^(.*?)\s*(?:[-–:]\s*|\(\s*)([^()\-–:]+?)\s*\)?$")


@dataclass(frozen=True)
class Header:
    top: int  # first header row
    bottom: int  # last header row
    unit_col: int
    first_data_row: int


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_number_row(cells: list[object]) -> bool:
    """'1 | 2 | 3 | 4 (=2*100/3)' or '(1) | (2)': the column-number row under a header."""
    filled = [c for c in cells if c not in (None, "")]
    if len(filled) < 2:
        return False
    return all(
        (isinstance(c, (int, float)) and float(c).is_integer())
        or (isinstance(c, str) and _COLUMN_NUMBER.match(fold(c)) is not None)
        for c in filled
    )


def find_header(grid: Grid, catalogue: Catalogue) -> Header | None:
    unit_words = catalogue.word_keys("columns", "unit")
    for r in range(min(len(grid.rows), MAX_TITLE_ROWS)):
        for c, value in enumerate(grid.rows[r]):
            if _is_text(value) and fold(value) in unit_words:
                return _header_from(grid, r, c)
    return None


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
        if _is_text(label) and (r, unit_col) not in merged_down:
            break
        if not any(_is_text(v) for v in cells[unit_col + 1 :]):
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
            text = clean(raw) if _is_text(raw) else filled.get((r, c), "")
            if not text and r < header.bottom and not grid.merges:
                # Without merge information (CSV), an empty upper cell continues its left
                # neighbour's group, as long as the column has a header further down.
                below = any(_is_text(grid.value(rr, c)) for rr in range(r + 1, header.bottom + 1))
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
    parts = [p for p in path if not _COLUMN_NUMBER.match(fold(p))]
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


# ---------------------------------------------------------------- rows


def parse_sheet(grid: Grid, catalogue: Catalogue) -> SheetData | None:
    """A sheet's figures, or None when the sheet has no header ctr-stats recognises."""
    header = find_header(grid, catalogue)
    if header is None:
        return None
    findings: list[Finding] = []
    columns: list[Column] = []
    seen: dict[tuple[str, str], str] = {}
    for c, path in header_paths(grid, header).items():
        indicator, measure, derived = resolve_column(path, catalogue)
        text = " › ".join(path)
        if indicator is None:
            if measure or derived:
                findings.append(
                    _finding(
                        grid,
                        "unknown-column",
                        Severity.WARNING,
                        a1(header.top, c),
                        f"cột '{text}' không khớp chỉ tiêu nào trong danh mục (bỏ qua)",
                        f"column '{text}' names no catalogue indicator (ignored)",
                    )
                )
            continue
        slot = (indicator, measure or f"derived:{derived}")
        if slot in seen:
            findings.append(
                _finding(
                    grid,
                    "duplicate-column",
                    Severity.WARNING,
                    a1(header.top, c),
                    f"cột '{text}' lặp lại cột {seen[slot]} (bỏ qua)",
                    f"column '{text}' repeats column {seen[slot]} (ignored)",
                    indicator=indicator,
                )
            )
            continue
        seen[slot] = a1(header.top, c)
        columns.append(Column(c, text, indicator, measure, derived))
    if not columns:
        return None

    title_texts = [clean(v) for r in range(header.top) for v in grid.rows[r] if _is_text(v)]
    owner, owner_text, names_city = read_owner(title_texts)
    total_words = catalogue.word_keys("rows", "total")
    rows: list[Row] = []
    totals: list[Row] = []
    for r in range(header.first_data_row, len(grid.rows)):
        if r in grid.hidden_rows:
            continue
        label, label_col = _row_label(grid, r, header.unit_col)
        values: dict[Key, Cell] = {}
        derived_values: dict[tuple[str, str], Cell] = {}
        problems: list[Finding] = []
        for column in columns:
            raw = grid.value(r, column.index)
            cell = a1(r, column.index)
            try:
                number, _ = parse_number(raw)
            except NumberFormatError as exc:
                if not _DIGIT.search(str(raw)):
                    continue  # words in a number column: a heading or the signature block
                problems.append(
                    _finding(
                        grid,
                        "not-a-number",
                        Severity.ERROR,
                        cell,
                        exc.vi,
                        exc.en,
                        indicator=column.indicator,
                        unit=label or None,
                    )
                )
                continue
            if number is None:
                continue
            found = Cell(number, Source(grid.file, grid.sheet, cell), clean(raw))
            if column.measure:
                values[(column.indicator, column.measure)] = found
            else:
                derived_values[(column.indicator, column.derived or "percent")] = found
        if not values and (not problems or not label):
            continue  # a heading, a blank row, the signature block's lines
        findings.extend(problems)
        row = Row(label, a1(r, label_col), r, values, derived_values)
        if _is_total_label(label, total_words):
            totals.append(row)
        elif not label:
            findings.append(
                _finding(
                    grid,
                    "unlabelled-row",
                    Severity.ERROR,
                    a1(r, header.unit_col),
                    "dòng có số liệu nhưng không có tên đơn vị",
                    "a row with figures but no unit name",
                )
            )
        else:
            rows.append(row)
    return SheetData(
        file=grid.file,
        sheet=grid.sheet,
        owner=owner,
        owner_text=owner_text,
        names_city=names_city,
        period=read_period(title_texts),
        columns=tuple(columns),
        rows=tuple(rows),
        totals=tuple(totals),
        findings=tuple(findings),
    )


def _row_label(grid: Grid, r: int, unit_col: int) -> tuple[str, int]:
    """The unit column's text; failing that, text to its left (a merged 'Tổng cộng')."""
    for c in (unit_col, *range(unit_col)):
        value = grid.value(r, c)
        if _is_text(value) and not _COLUMN_NUMBER.match(fold(value)):
            return clean(value), c
    return "", unit_col


_DIGIT = re.compile(r"\d")
_TOTAL_FORMULA = re.compile(r"^(?:tong )?cong \(?[\d\s+.…-]*(?:n|\d+)?\)?$")


def _is_total_label(label: str, total_words: frozenset[str]) -> bool:
    key = fold(strip_numbering(label))
    return key in total_words or bool(_TOTAL_FORMULA.match(key))


def _finding(
    grid: Grid,
    code: str,
    severity: Severity,
    cell: str | None,
    vi: str,
    en: str,
    *,
    unit: str | None = None,
    indicator: str | None = None,
) -> Finding:
    return Finding(code, severity, vi, en, grid.file, grid.sheet, cell, unit, indicator)


def column_range(cells: list[str]) -> str:
    """'F8:F20' for A1 cells of one column, 'F8' for one cell, 'F8, H8' across columns."""
    by_column: dict[str, list[int]] = {}
    for cell in cells:
        letters = cell.rstrip("0123456789")
        by_column.setdefault(letters, []).append(int(cell[len(letters) :]))
    return ", ".join(
        f"{col}{min(rows)}:{col}{max(rows)}" if len(set(rows)) > 1 else f"{col}{rows[0]}"
        for col, rows in by_column.items()
    )


def total_of(cells: list[Cell]) -> Decimal:
    return sum((c.value for c in cells), Decimal(0))
