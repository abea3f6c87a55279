"""Every number of a table accounted for: added into a figure, checked (a total row, a
percentage the sheet computed), a row or column number, or named in a finding saying why
it was not used. Nothing vanishes without a word.

Counting is cheap on a tidy row: its numbers outside the columns read are looked for in
one call, and only a row holding some is looked at cell by cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from ..model import Finding, Key, Row, Severity
from ..numbers import NumberFormatError, parse_number
from ..read import Grid, a1
from ..text import clean
from .cells import CellReader, finding
from .columns import Columns, Unplaced
from .header import Header
from .rows import RowsRead


@dataclass(frozen=True)
class Unused:
    """A number the sheet holds and no figure uses: its cell, its text, and the code of the
    finding that says why."""

    cell: str
    text: str
    code: str


@dataclass(frozen=True)
class Accounting:
    read: int  # numbers in the table (header to its end)
    used: int  # added into figures
    checked: int  # total rows and the sheet's own percentages: compared, never added
    numbering: int  # row numbers (STT), column numbers, numbers in the header
    unused: tuple[Unused, ...]  # each named in a finding

    @property
    def not_used(self) -> int:
        return len(self.unused)

    def __add__(self, other: Accounting) -> Accounting:
        return Accounting(
            self.read + other.read,
            self.used + other.used,
            self.checked + other.checked,
            self.numbering + other.numbering,
            self.unused + other.unused,
        )


NONE = Accounting(0, 0, 0, 0, ())


def _is_number(value: object) -> bool:
    """A cell holding a number: typed as one, or text that reads as one ("1.234")."""
    kind = type(value)
    if kind is int or kind is float:
        return True
    if kind is str and value and any(ch.isdigit() for ch in value):  # type: ignore[attr-defined]
        try:
            return parse_number(value)[0] is not None
        except NumberFormatError:
            return False
    return False


def account(
    grid: Grid, header: Header, columns: Columns, reader: CellReader, found: RowsRead
) -> tuple[Accounting, list[Finding]]:
    """The table's numbers accounted for, and findings for those no earlier finding names."""
    counted = {c.index for c in reader.counted}
    derived = {c.index for c in reader.derived}
    read_rows = {row.index: row for row in found.rows if row.rows_of is None}
    totals = {row.index: row for row in found.totals}
    criteria = _criterion_cells(found.rows)
    skipped = set(found.skipped)
    if header.number_row is not None:
        skipped.add(header.number_row)
    known = counted | derived | {header.unit_col}
    if header.number_col is not None:
        known.add(header.number_col)
    width = max((len(grid.rows[r]) for r in range(header.top, found.end)), default=0)
    others = tuple(c for c in range(width) if c not in known)
    take = itemgetter(*others) if len(others) > 1 else None

    typed = used = checked = numbering = 0
    texts_read = 0
    unused: list[Unused] = []
    stray: dict[int, list[int]] = {}  # column -> rows of numbers no column reads
    for r in range(header.top, found.end):
        cells = grid.rows[r]
        kinds = list(map(type, cells))
        typed += kinds.count(float) + kinds.count(int)
        if r <= header.bottom or r in skipped:
            numbering += sum(1 for v in cells if _is_number(v))
            texts_read += sum(1 for v in cells if type(v) is str and _is_number(v))
            continue
        row: Row | None = read_rows.get(r) or totals.get(r)
        if row is not None:
            present = len(row.amounts) - row.amounts.count(None)
            if r in totals:
                checked += present
            else:
                used += present
            checked += len(row.derived)
            texts_read += len(row.texts) + sum(1 for c in row.derived.values() if c.raw)
        elif r in criteria:
            sheet_row, keys = criteria[r]
            used += len(keys)
            texts_read += sum(1 for k in keys if k in sheet_row.texts)
            checked += sum(1 for c in sheet_row.derived.values() if c.row == r)
        elif r in found.unread:
            code = found.unread[r]
            for c in sorted(counted | derived):
                if c < len(cells) and _is_number(cells[c]):
                    unused.append(Unused(a1(r, c), _text(cells[c]), code))
                    texts_read += type(cells[c]) is str
        for (rr, c), code in found.unread_cells.items():
            if rr == r:
                unused.append(Unused(a1(r, c), _text(cells[c]), code))
                texts_read += type(cells[c]) is str
        if header.number_col is not None and header.number_col < len(cells):
            value = cells[header.number_col]
            if _is_number(value):
                numbering += 1
                texts_read += type(value) is str
        if header.unit_col < len(cells) and type(cells[header.unit_col]) in (int, float):
            stray.setdefault(header.unit_col, []).append(r)
        if not others:
            continue
        outside = (
            take(cells)
            if take is not None and len(cells) > others[-1]
            else tuple(cells[c] if c < len(cells) else None for c in others)
        )
        if all(v is None or v == "" for v in outside):
            continue
        for c, value in zip(others, outside, strict=True):
            if _is_number(value):
                stray.setdefault(c, []).append(r)
                texts_read += type(value) is str
    findings = _stray_findings(grid, header, columns, stray, unused)
    accounting = Accounting(typed + texts_read, used, checked, numbering, tuple(unused))
    return accounting, findings


def _criterion_cells(rows: Sequence[Row]) -> dict[int, tuple[Row, list[Key]]]:
    """Indicator-rows layout: each sheet row read, with the keys it gave."""
    found: dict[int, tuple[Row, list[Key]]] = {}
    for row in rows:
        if row.rows_of is None:
            continue
        for key, r in row.rows_of.items():
            found.setdefault(r, (row, []))[1].append(key)
    return found


def _text(value: object) -> str:
    return clean(value) if type(value) is str else format(value, "g")


def _stray_findings(
    grid: Grid,
    header: Header,
    columns: Columns,
    stray: dict[int, list[int]],
    unused: list[Unused],
) -> list[Finding]:
    """A finding for each column holding numbers that no figure uses, naming its header
    cell and the cells; the numbers listed as unused under its code."""
    placed = {u.index: u for u in columns.unplaced}
    actual = {c.indicator for c in columns.read if c.measure == "actual"}
    findings: list[Finding] = []
    for c, rows in sorted(stray.items()):
        span = _span(c, rows)
        values = [grid.rows[r][c] for r in rows]
        if c == header.unit_col:
            code = "misplaced-number"
            for r, v in zip(rows, values, strict=True):
                unused.append(Unused(a1(r, c), _text(v), code))
                findings.append(
                    finding(
                        grid,
                        code,
                        Severity.ERROR,
                        a1(r, c),
                        "ô tên đơn vị/chỉ tiêu chứa số: dòng có thể bị lệch cột, số liệu không được cộng",
                        "a number where the row's name belongs: the row may be shifted, its figures are not added",
                    )
                )
            continue
        where = placed.get(c)
        code, severity, vi, en = _why(where, actual, span)
        unused.extend(Unused(a1(r, c), _text(v), code) for r, v in zip(rows, values, strict=True))
        findings.append(
            finding(
                grid,
                code,
                severity,
                where.cell if where is not None else a1(header.top, c),
                vi,
                en,
                indicator=where.indicator if where is not None else None,
            )
        )
    return findings


def _why(
    column: Unplaced | None, actual: set[str | None], span: str
) -> tuple[str, Severity, str, str]:
    if column is None:
        return (
            "unheaded-number",
            Severity.ERROR,
            f"các ô {span} có số nhưng cột không có tiêu đề: không được cộng",
            f"cells {span} hold numbers under no column heading: not added",
        )
    text = column.header
    if column.reason == "ambiguous":
        return (
            "ambiguous-indicator",
            Severity.ERROR,
            f"cột '{text}' khớp với nhiều chỉ tiêu ({column.other}): không đoán, các ô {span} không được cộng",
            f"column '{text}' matches several indicators ({column.other}): not guessed, cells {span} not added",
        )
    if column.reason == "duplicate":
        return (
            "duplicate-column",
            Severity.ERROR,
            f"cột '{text}' lặp lại cột {column.other}: các ô {span} không được cộng",
            f"column '{text}' repeats column {column.other}: cells {span} not added",
        )
    if column.reason == "no-measure":
        severity = Severity.WARNING if column.indicator in actual else Severity.ERROR
        return (
            "unknown-column",
            severity,
            f"cột '{text}' của chỉ tiêu {column.indicator} không ghi rõ Kế hoạch, Thực hiện hay Cùng kỳ: các ô {span} không được cộng",
            f"column '{text}' of {column.indicator} is not Kế hoạch, Thực hiện or Cùng kỳ: cells {span} not added",
        )
    if column.reason == "percentage":
        return (
            "unknown-column",
            Severity.WARNING,
            f"cột '{text}' là tỷ lệ % nhưng không ghi của chỉ tiêu nào: các ô {span} không được kiểm tra (ctr-stats tự tính tỷ lệ)",
            f"column '{text}' is a percentage of no indicator it names: cells {span} not checked (ctr-stats computes percentages itself)",
        )
    near = f" (gần với {column.indicator})" if column.indicator else ""
    near_en = f" (close to {column.indicator})" if column.indicator else ""
    return (
        "unknown-column",
        Severity.WARNING,
        f"cột '{text}' không khớp chỉ tiêu nào trong danh mục{near}: các ô {span} không được cộng",
        f"column '{text}' names no catalogue indicator{near_en}: cells {span} not added",
    )


def _span(c: int, rows: list[int]) -> str:
    first, last = a1(rows[0], c), a1(rows[-1], c)
    return first if first == last else f"{first}:{last}"
