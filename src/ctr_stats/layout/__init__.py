"""Cell grid -> figures, in either layout the forms use:

- unit rows: one row per organization, indicators across the columns;
- indicator rows: one unit per sheet, criteria down the rows, measures across.

Nothing here knows a registry: the sheet's owner and its row labels stay text, resolved
to units by `ctr_stats.collect`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from ..catalogue import Catalogue
from ..model import (
    ByKey,
    Cell,
    Counted,
    Finding,
    Key,
    Measure,
    Number,
    Period,
    Row,
    Severity,
    SheetRef,
    column_letter,
    column_sums,
    group_by_sums,
    group_row_by_row,
    whole_or_exact,
)
from ..numbers import NumberFormatError, parse_number
from ..read import Grid, a1
from ..text import clean, fold, strip_numbering
from .header import (
    Header,
    find_header,
    header_paths,
    is_column_number,
    is_text,
    read_owner,
    read_period,
    resolve_column,
)

__all__ = [
    "Cell",
    "Column",
    "Counted",
    "Key",
    "Number",
    "Row",
    "SheetData",
    "find_header",
    "parse_sheet",
    "read_period",
    "resolve_column",
]


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header path as the sheet writes it, " › " between levels
    indicator: str | None  # None in the indicator-rows layout: the row names it
    measure: Measure | None  # None for a derived (percentage) column
    derived: str | None = None

    @property
    def key(self) -> Key:
        assert self.indicator is not None and self.measure is not None
        return (self.indicator, self.measure)


@dataclass(frozen=True)
class SheetData:
    """What one sheet says: whose it is, for when, and its rows of figures."""

    file: str
    sheet: str
    layout: str  # "unit_rows" or "indicator_rows"
    owner: str | None  # the unit the title block names (folded key text), None if none
    owner_text: str | None  # that title line as written
    names_city: bool  # the title names the city: a consolidated sheet
    period: Period | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    totals: tuple[Row, ...]
    findings: tuple[Finding, ...]
    # the rows' column_sums, made where the sheet is read (a worker process), or None
    sums: tuple[Number, ...] | None = None
    # (row, key) of the numbers that are not counts: not whole, or below zero
    irregular: tuple[tuple[Row, Key], ...] = ()

    def by_key(self) -> ByKey:
        """Each key's rows and their sum (no second look for sums the reader did not find)."""
        if self.sums is not None:
            return group_by_sums(self.rows, self.sums)
        return group_row_by_row(self.rows)


def parse_sheet(grid: Grid, catalogue: Catalogue) -> SheetData | None:
    """A sheet's figures, or None when the sheet has no header ctr-stats recognises."""
    header = find_header(grid, catalogue)
    if header is None:
        return None
    columns, counted, column_findings = _columns(grid, header, catalogue)
    if not columns:
        return None
    findings = [replace(f, file=grid.file, sheet=grid.sheet) for f in column_findings]
    title_texts = [
        clean(v)
        for row in grid.rows[: header.top]
        for v in row
        if v and type(v) is str and v.strip()
    ]
    owner, owner_text, names_city = read_owner(title_texts)
    reader = _CellReader(grid, columns, counted, findings)
    if header.layout == "unit_rows":
        rows, totals = _unit_rows(grid, header, reader, catalogue, findings)
    else:
        rows, totals = _criterion_rows(grid, header, reader, catalogue, findings, owner_text), []
    return SheetData(
        file=grid.file,
        sheet=grid.sheet,
        layout=header.layout,
        owner=owner,
        owner_text=owner_text,
        names_city=names_city,
        period=read_period(title_texts),
        columns=columns,
        rows=tuple(rows),
        totals=tuple(totals),
        findings=tuple(findings),
        sums=column_sums(rows),
        irregular=() if reader.counts_only else _irregular(rows),
    )


def _irregular(rows: Sequence[Row]) -> tuple[tuple[Row, Key], ...]:
    return tuple(
        (row, key)
        for row in rows
        for key, number in zip(row.counted.keys, row.amounts, strict=True)
        if number is not None and (type(number) is not int or number < 0)
    )


# ---------------------------------------------------------------- columns


def _columns(
    grid: Grid, header: Header, catalogue: Catalogue
) -> tuple[tuple[Column, ...], Counted | None, tuple[Finding, ...]]:
    """The header's columns, what its unit rows count (None in the indicator-rows layout,
    whose rows name their indicator), and findings about them (without file and sheet).
    Kept by the header's cells and merges: every unit's copy of a form has the same header,
    read once, and shares one tuple of columns (a worker process hands it back once)."""
    rows = tuple(tuple(grid.rows[r]) for r in range(header.top, header.bottom + 1))
    key = (id(catalogue), header, grid.merges, rows)
    known = _HEADERS.get(key)
    if known is not None:
        return known
    findings: list[Finding] = []
    if header.layout == "unit_rows":
        columns = _indicator_columns(grid, header, catalogue, findings)
    else:
        columns = _measure_columns(grid, header, catalogue)
    unplaced = tuple(replace(f, file=None, sheet=None) for f in findings)
    counts = [c for c in columns if c.indicator is not None and c.measure is not None]
    counted = (
        Counted(tuple(c.key for c in counts), tuple(c.index for c in counts))
        if header.layout == "unit_rows"
        else None
    )
    if len(_HEADERS) > 1_000:  # odd headers by the thousand: keep the memory bounded
        _HEADERS.clear()
    _HEADERS[key] = (tuple(columns), counted, unplaced)
    return _HEADERS[key]


_HEADERS: dict[
    tuple[object, ...], tuple[tuple[Column, ...], Counted | None, tuple[Finding, ...]]
] = {}


def _indicator_columns(
    grid: Grid, header: Header, catalogue: Catalogue, findings: list[Finding]
) -> list[Column]:
    columns: list[Column] = []
    seen: dict[tuple[str, str], str] = {}
    for c, path in header_paths(grid, header).items():
        indicator, measure, derived = resolve_column(path, catalogue)
        text = " › ".join(path)
        cell = a1(header.top, c)
        if indicator is None:
            if measure:  # a lone "Tỷ lệ %" column is derived: checked elsewhere, never data
                findings.append(
                    _finding(
                        grid,
                        "unknown-column",
                        Severity.WARNING,
                        cell,
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
                    cell,
                    f"cột '{text}' lặp lại cột {seen[slot]} (bỏ qua)",
                    f"column '{text}' repeats column {seen[slot]} (ignored)",
                    indicator=indicator,
                )
            )
            continue
        seen[slot] = cell
        columns.append(Column(c, text, indicator, measure, derived))
    return columns


def _measure_columns(grid: Grid, header: Header, catalogue: Catalogue) -> list[Column]:
    """Indicator-rows layout: each column is a measure (or a derived percentage)."""
    columns: list[Column] = []
    seen: set[str] = set()
    for c, path in header_paths(grid, header).items():
        parts = [p for p in path if not is_column_number(p)]
        if not parts:
            continue
        indicator, measure, derived = resolve_column(parts, catalogue)
        if indicator is not None or (measure is None and derived is None):
            continue  # "Đơn vị tính", "Ghi chú"
        slot = measure or f"derived:{derived}"
        if slot not in seen:
            seen.add(slot)
            columns.append(Column(c, " › ".join(path), None, measure, derived))
    return columns if any(c.measure for c in columns) else []


# ---------------------------------------------------------------- cells


class _CellReader:
    """Reads the mapped cells of one row; problems become findings naming the cell."""

    def __init__(
        self,
        grid: Grid,
        columns: Sequence[Column],
        counted: Counted | None,
        findings: list[Finding],
    ) -> None:
        self.grid = grid
        self.findings = findings
        self.where = SheetRef(grid.file, grid.sheet)
        self.counted = [c for c in columns if c.measure is not None]
        self.derived = [c for c in columns if c.measure is None]
        # unit rows: what the sheet's rows count, shared by them all
        self.unit_counted = counted
        # unit rows without unsaved formulas: the counted cells of a row in one call, the
        # way most rows are read
        indices = counted.columns if counted is not None else ()
        self.take: Callable[[Sequence[object]], tuple[object, ...]] | None = (
            None
            if not indices or grid.formulas_without_value
            else itemgetter(*indices)
            if len(indices) > 1
            else lambda row: (row[indices[0]],)
        )
        self.last_index = max((c.index for c in self.counted), default=0)
        self.none = (None,) * len(indices)  # a unit row with every counted cell empty
        # whether every number read so far is a count: whole, and not below zero
        self.counts_only = True

    def read_counts(
        self, r: int, label: str
    ) -> tuple[
        tuple[Number | None, ...], Mapping[Key, str], Mapping[tuple[str, str], Cell], list[Finding]
    ]:
        """A unit row's numbers in the order of its counted columns (None: empty), the text
        of the cells that held text, derived cells and problems."""
        assert self.unit_counted is not None
        row = self.grid.rows[r] if r < len(self.grid.rows) else ()
        if self.take is not None and len(row) > self.last_index:
            raw = self.take(row)
            # the common row: every counted cell a whole number, as typed; checked in C
            if _NUMBER_TYPES.issuperset(map(type, raw)):
                try:
                    amounts: tuple[int, ...] | None = tuple(map(int, raw))  # type: ignore[arg-type]
                except (ValueError, OverflowError):  # NaN or infinity: read one by one
                    amounts = None
                if amounts == raw:
                    assert amounts is not None
                    if amounts and min(amounts) < 0:
                        self.counts_only = False
                    derived: dict[tuple[str, str], Cell] = {}
                    problems: list[Finding] = []
                    if self.derived:
                        self._read_derived(r, row, label, None, derived, problems)
                    return amounts, _NO_TEXTS, derived or _NO_DERIVED, problems
            elif not self.derived and _EMPTY.issuperset(raw):  # a blank or a heading row
                return self.none, _NO_TEXTS, _NO_DERIVED, []
        numbers, texts, derived, problems = self.read(r, label)
        return (
            tuple(map(numbers.get, self.unit_counted.keys)),
            texts or _NO_TEXTS,
            derived or _NO_DERIVED,
            problems,
        )

    def read(
        self, r: int, label: str, indicator_for_row: str | None = None
    ) -> tuple[dict[Key, Number], dict[Key, str], dict[tuple[str, str], Cell], list[Finding]]:
        """(numbers by key, text of the cells that held text, derived cells, problems).
        Keys are the columns' own, or (indicator_for_row, measure) in the indicator-rows
        layout (with "" for a criterion the catalogue does not know)."""
        grid = self.grid
        row = grid.rows[r] if r < len(grid.rows) else []
        width = len(row)
        missing = grid.formulas_without_value
        numbers: dict[Key, Number] = {}
        texts: dict[Key, str] = {}
        derived: dict[tuple[str, str], Cell] = {}
        problems: list[Finding] = []
        for column in self.counted:
            index = column.index
            raw = row[index] if index < width else None
            if (raw is None or raw == "") and not (missing and (r, index) in missing):
                continue  # most cells of a form are empty: cost them nothing
            key: Key = (
                column.key
                if column.indicator is not None
                else (indicator_for_row or "", column.measure)  # type: ignore[assignment]
            )
            self._put(r, index, raw, key, label, numbers, texts, problems)
        self._read_derived(r, row, label, indicator_for_row, derived, problems)
        return numbers, texts, derived, problems

    def _put(
        self,
        r: int,
        index: int,
        raw: object,
        key: Key,
        label: str,
        numbers: dict[Key, Number],
        texts: dict[Key, str],
        problems: list[Finding],
    ) -> None:
        """One counted cell's number (and its text, if it was text) into the row."""
        number: Number
        if type(raw) is float and raw.is_integer():
            number = int(raw)  # a count, as typed
        elif type(raw) is int:
            number = raw
        else:
            exact, text = self._number(r, index, raw, label, key[0] or None, problems)
            if exact is None:
                return
            number = whole_or_exact(exact)
            if text:
                texts[key] = text
        numbers[key] = number
        if type(number) is not int or number < 0:
            self.counts_only = False

    def _read_derived(
        self,
        r: int,
        row: Sequence[object],
        label: str,
        indicator_for_row: str | None,
        derived: dict[tuple[str, str], Cell],
        problems: list[Finding],
    ) -> None:
        missing = self.grid.formulas_without_value
        for column in self.derived:
            index = column.index
            raw = row[index] if index < len(row) else None
            if (raw is None or raw == "") and not (missing and (r, index) in missing):
                continue
            indicator = column.indicator or indicator_for_row or ""
            number, text = self._number(r, index, raw, label, indicator or None, problems)
            if number is not None:
                derived[(indicator, column.derived or "percent")] = Cell(
                    number, self.where, r, index, text
                )

    def _number(
        self,
        r: int,
        index: int,
        raw: object,
        label: str,
        indicator: str | None,
        problems: list[Finding],
    ) -> tuple[Decimal | None, str]:
        """A cell that is not a plain whole number: (the number, its text if it was text)."""
        grid = self.grid
        cell = f"{column_letter(index)}{r + 1}"
        if (r, index) in grid.formulas_without_value:
            problems.append(
                _finding(
                    grid,
                    "formula-without-value",
                    Severity.ERROR,
                    cell,
                    "ô có công thức nhưng không có giá trị đã tính: mở tệp trong Excel, lưu lại rồi gửi lại",
                    "the cell has a formula saved without its value: open the file in Excel, save it and send it again",
                    unit=label or None,
                    indicator=indicator,
                )
            )
            return None, ""
        if type(raw) is float and math.isfinite(raw):
            return (Decimal(int(raw)) if raw.is_integer() else Decimal(repr(raw))), ""
        if type(raw) is int:
            return Decimal(raw), ""
        if type(raw) is str and not _DIGIT.search(raw):
            return None, ""  # words (or "-", "x": not reported): a heading, the signature block
        try:
            number, _ = parse_number(raw)
        except NumberFormatError as exc:
            if not _DIGIT.search(str(raw)):
                return None, ""  # words in a number column: a heading or the signature block
            problems.append(
                _finding(
                    grid,
                    "not-a-number",
                    Severity.ERROR,
                    cell,
                    exc.vi,
                    exc.en,
                    unit=label or None,
                    indicator=indicator,
                )
            )
            return None, ""
        return number, clean(raw) if number is not None else ""


def _hidden_row_finding(grid: Grid, r: int, label: str) -> Finding:
    return _finding(
        grid,
        "hidden-row",
        Severity.WARNING,
        f"{r + 1}:{r + 1}",
        f"dòng {r + 1} bị ẩn nhưng có số liệu: không được cộng (bỏ ẩn nếu cần tính)",
        f"row {r + 1} is hidden but holds figures: not added (unhide it to count it)",
        unit=label or None,
    )


# ---------------------------------------------------------------- unit rows


def _unit_rows(
    grid: Grid, header: Header, reader: _CellReader, catalogue: Catalogue, findings: list[Finding]
) -> tuple[list[Row], list[Row]]:
    total_words = catalogue.word_keys("rows", "total")
    counted = reader.unit_counted
    assert counted is not None
    width = len(counted.keys)
    rows: list[Row] = []
    totals: list[Row] = []
    for r in range(header.first_data_row, len(grid.rows)):
        label, label_col = _row_label(grid, r, header.unit_col)
        amounts, texts, derived, problems = reader.read_counts(r, label)
        # a number in the row: the fast path leaves no cell empty
        has_numbers = bool(width) and (amounts.count(None) < width)
        if r in grid.hidden_rows:
            if has_numbers or derived:
                findings.append(_hidden_row_finding(grid, r, label))
            continue
        if not has_numbers and not derived and (not problems or not label):
            continue  # a heading, a blank row, the signature block's lines
        findings.extend(problems)
        row = Row(label, label_col, r, reader.where, amounts, counted, texts, derived)
        if _is_total_label(label, total_words):
            totals.append(row)
        elif not label:
            if has_numbers:
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
    return rows, totals


_NO_TEXTS: dict[Key, str] = {}
_NO_DERIVED: dict[tuple[str, str], Cell] = {}
_NUMBER_TYPES = frozenset({float, int})
_EMPTY = frozenset({"", None})


# ---------------------------------------------------------------- indicator rows

# "- Tổ chức đảng", "+ Đảng viên", "Trong đó: ...": an item under the heading above it.
_SUB_ITEM = re.compile(r"^\s*(?:[-+*•–]|trong (?:đó|do)\b)", re.I)


def _criterion_rows(
    grid: Grid,
    header: Header,
    reader: _CellReader,
    catalogue: Catalogue,
    findings: list[Finding],
    owner_text: str | None,
) -> list[Row]:
    """One unit's sheet: each row a criterion, resolved alone or under its heading row
    ("Cấp ủy kiểm tra" then "- Tổ chức đảng" is inspection.committee_check_orgs)."""
    numbers: dict[Key, Number] = {}
    texts: dict[Key, str] = {}
    derived: dict[tuple[str, str], Cell] = {}
    columns: dict[Key, int] = {}
    rows_of: dict[Key, int] = {}
    by_measure = {c.measure: c.index for c in reader.counted}
    heading = ""
    for r in range(header.first_data_row, len(grid.rows)):
        label, _ = _row_label(grid, r, header.unit_col)
        if not label:
            continue
        indicator = catalogue.indicator_for(label)
        if indicator is None and heading:
            indicator = catalogue.indicator_for(f"{heading} {strip_numbering(label)}")
        if not _SUB_ITEM.match(label):
            heading = strip_numbering(label)
        row_numbers, row_texts, row_derived, problems = reader.read(r, owner_text or "", indicator)
        if r in grid.hidden_rows:
            if row_numbers or row_derived:
                findings.append(_hidden_row_finding(grid, r, label))
            continue
        if indicator is None:
            if row_numbers or row_derived:
                findings.append(
                    _finding(
                        grid,
                        "unknown-criterion",
                        Severity.WARNING,
                        a1(r, header.unit_col),
                        f"chỉ tiêu '{label}' không có trong danh mục (bỏ qua)",
                        f"criterion '{label}' names no catalogue indicator (ignored)",
                    )
                )
            continue
        findings.extend(problems)
        derived.update(row_derived)
        for key, number in row_numbers.items():
            col = by_measure[key[1]]
            if key in numbers:
                first = a1(rows_of[key], columns[key])
                findings.append(
                    _finding(
                        grid,
                        "duplicate-criterion",
                        Severity.ERROR,
                        a1(r, col),
                        f"chỉ tiêu này đã có ở ô {first} (không cộng lần nữa)",
                        f"this criterion already appears at {first} (not added again)",
                        indicator=indicator,
                    )
                )
                continue
            numbers[key] = number
            columns[key] = col
            rows_of[key] = r
            if key in row_texts:
                texts[key] = row_texts[key]
    if not numbers:
        return []
    counted = Counted(tuple(numbers), tuple(columns[key] for key in numbers))
    return [
        Row(
            owner_text or grid.sheet,
            header.unit_col,
            header.top,
            reader.where,
            tuple(numbers.values()),
            counted,
            texts,
            derived,
            rows_of,
        )
    ]


# ---------------------------------------------------------------- helpers


def _row_label(grid: Grid, r: int, unit_col: int) -> tuple[str, int]:
    """The unit column's text; failing that, text to its left (a merged 'Tổng cộng')."""
    row = grid.rows[r] if r < len(grid.rows) else ()
    value = row[unit_col] if unit_col < len(row) else None
    if type(value) is str and value.strip() and not is_column_number(value):
        return clean(value), unit_col  # the common case, first
    for c in range(unit_col):
        value = row[c] if c < len(row) else None
        if is_text(value) and not is_column_number(str(value)):
            return clean(value), c
    return "", unit_col


_DIGIT = re.compile(r"\d")
_TOTAL_FORMULA = re.compile(r"^(?:tong )?cong \(?[\d\s+.…n-]*\)?$")


@lru_cache(maxsize=1 << 14)  # asked of every row: each unit's copy of a form repeats them
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
