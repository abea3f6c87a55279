"""Cell grid -> figures, in either layout the forms use:

- unit rows: one row per organization, indicators across the columns;
- indicator rows: one unit per sheet, criteria down the rows, measures across.

Nothing here knows a registry: the sheet's owner and its row labels stay text, resolved
to units by `ctr_stats.collect`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..catalogue import Catalogue
from ..model import Cell, Finding, Measure, Period, Severity, SheetRef, column_letter
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
    "Key",
    "Row",
    "SheetData",
    "column_range",
    "find_header",
    "parse_sheet",
    "read_period",
    "resolve_column",
    "total_of",
]

Key = tuple[str, Measure]  # (indicator id, measure)


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header path as the sheet writes it, " › " between levels
    indicator: str | None  # None in the indicator-rows layout: the row names it
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
    layout: str  # "unit_rows" or "indicator_rows"
    owner: str | None  # the unit the title block names (folded key text), None if none
    owner_text: str | None  # that title line as written
    names_city: bool  # the title names the city: a consolidated sheet
    period: Period | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    totals: tuple[Row, ...]
    findings: tuple[Finding, ...]


def parse_sheet(grid: Grid, catalogue: Catalogue) -> SheetData | None:
    """A sheet's figures, or None when the sheet has no header ctr-stats recognises."""
    header = find_header(grid, catalogue)
    if header is None:
        return None
    findings: list[Finding] = []
    if header.layout == "unit_rows":
        columns = _indicator_columns(grid, header, catalogue, findings)
    else:
        columns = _measure_columns(grid, header, catalogue)
    if not columns:
        return None
    title_texts = [clean(v) for r in range(header.top) for v in grid.rows[r] if is_text(v)]
    owner, owner_text, names_city = read_owner(title_texts)
    reader = _CellReader(grid, columns, findings)
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
        columns=tuple(columns),
        rows=tuple(rows),
        totals=tuple(totals),
        findings=tuple(findings),
    )


# ---------------------------------------------------------------- columns


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

    def __init__(self, grid: Grid, columns: list[Column], findings: list[Finding]) -> None:
        self.grid = grid
        self.columns = columns
        self.findings = findings
        self.where = SheetRef(grid.file, grid.sheet)

    def read(
        self, r: int, label: str, indicator_for_row: str | None = None
    ) -> tuple[list[tuple[Column, Cell]], list[Finding]]:
        grid = self.grid
        cells: list[tuple[Column, Cell]] = []
        problems: list[Finding] = []
        row = grid.rows[r] if r < len(grid.rows) else []
        width = len(row)
        missing_values = grid.formulas_without_value
        for column in self.columns:
            index = column.index
            raw = row[index] if index < width else None
            if (raw is None or raw == "") and not (missing_values and (r, index) in missing_values):
                continue  # most cells of a form are empty: cost them nothing
            if (type(raw) is float and math.isfinite(raw)) or type(raw) is int:
                # the common case, a number as typed: no text to read
                value = Decimal(int(raw)) if raw == int(raw) else Decimal(repr(raw))
                cells.append((column, Cell(value, self.where, r, index, "")))
                continue
            indicator = column.indicator or indicator_for_row
            cell = f"{column_letter(index)}{r + 1}"
            if missing_values and (r, index) in missing_values:
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
                continue
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
                        unit=label or None,
                        indicator=indicator,
                    )
                )
                continue
            if number is not None:
                cells.append((column, Cell(number, self.where, r, index, clean(raw))))
        return cells, problems


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
    rows: list[Row] = []
    totals: list[Row] = []
    for r in range(header.first_data_row, len(grid.rows)):
        label, label_col = _row_label(grid, r, header.unit_col)
        cells, problems = reader.read(r, label)
        if r in grid.hidden_rows:
            if cells:
                findings.append(_hidden_row_finding(grid, r, label))
            continue
        if not cells and (not problems or not label):
            continue  # a heading, a blank row, the signature block's lines
        findings.extend(problems)
        values: dict[Key, Cell] = {}
        derived: dict[tuple[str, str], Cell] = {}
        for column, cell in cells:
            assert column.indicator is not None
            if column.measure:
                values[(column.indicator, column.measure)] = cell
            else:
                derived[(column.indicator, column.derived or "percent")] = cell
        row = Row(label, a1(r, label_col), r, values, derived)
        if _is_total_label(label, total_words):
            totals.append(row)
        elif not label:
            if values:
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
    values: dict[Key, Cell] = {}
    derived: dict[tuple[str, str], Cell] = {}
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
        cells, problems = reader.read(r, owner_text or "", indicator)
        if r in grid.hidden_rows:
            if cells:
                findings.append(_hidden_row_finding(grid, r, label))
            continue
        if indicator is None:
            if cells:
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
        for column, cell in cells:
            if column.measure is None:
                derived[(indicator, column.derived or "percent")] = cell
                continue
            key = (indicator, column.measure)
            if key in values:
                findings.append(
                    _finding(
                        grid,
                        "duplicate-criterion",
                        Severity.ERROR,
                        cell.source.cell,
                        f"chỉ tiêu này đã có ở ô {values[key].source.cell} (không cộng lần nữa)",
                        f"this criterion already appears at {values[key].source.cell} (not added again)",
                        indicator=indicator,
                    )
                )
                continue
            values[key] = cell
    if not values:
        return []
    return [
        Row(owner_text or grid.sheet, a1(header.top, header.unit_col), header.top, values, derived)
    ]


# ---------------------------------------------------------------- helpers


def _row_label(grid: Grid, r: int, unit_col: int) -> tuple[str, int]:
    """The unit column's text; failing that, text to its left (a merged 'Tổng cộng')."""
    for c in (unit_col, *range(unit_col)):
        value = grid.value(r, c)
        if is_text(value) and not is_column_number(str(value)):
            return clean(value), c
    return "", unit_col


_DIGIT = re.compile(r"\d")
_TOTAL_FORMULA = re.compile(r"^(?:tong )?cong \(?[\d\s+.…n-]*\)?$")


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
