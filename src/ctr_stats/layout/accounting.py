"""Every number of a table accounted for: added into a figure, checked (a total row, a
percentage the sheet computed), a row or column number, or named in a finding saying why
it was not used. Nothing vanishes without a word.

Counting is cheap on a tidy row: its numbers outside the columns read are looked for in
one call, and only a row holding some is looked at cell by cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from ..model import Accounting, Finding, Key, Row, Severity, Unused, column_letter, parse_period
from ..numbers import AmbiguousNumber, NumberFormatError, parse_number
from ..read import Grid, a1
from ..text import clean
from .cells import CellReader, finding
from .columns import Columns, Unplaced
from .header import Header
from .headings import Doubt
from .rows import RowsRead


def _is_number(value: object) -> bool:
    """A cell holding a number: typed as one, or text that reads as one ("1.234")."""
    kind = type(value)
    if kind is int or kind is float:
        return True
    return kind is str and _is_number_text(value)


@lru_cache(maxsize=1 << 14)  # header and title texts repeat in every copy of a form
def _is_number_text(text: str) -> bool:
    if not _DIGIT.search(text):
        return False
    try:
        return parse_number(text)[0] is not None
    except AmbiguousNumber:  # a number, which one not told: accounted for as one
        return True
    except NumberFormatError:
        return False


_DIGIT = re.compile(r"\d")
_NUMERIC = frozenset({int, float})
_EMPTY = frozenset({"", None})


def _typed(cells: Sequence[object]) -> int:
    """How many cells hold a number typed as one (TRUE/FALSE are not: their type is bool)."""
    return sum(map(_NUMERIC.__contains__, map(type, cells)))


def account(
    grid: Grid, header: Header, columns: Columns, reader: CellReader, found: RowsRead
) -> tuple[Accounting, list[Finding]]:
    """The table's numbers accounted for, and findings for those no earlier finding names.
    The numbers in the table are counted here on their own, by their cells' types (in C),
    and must come to what the reading says it used, checked and skipped."""
    rows = grid.rows
    read = {c.index for c in reader.counted} | {c.index for c in reader.derived}
    skipped = set(found.skipped)
    if header.number_row is not None:
        skipped.add(header.number_row)
    first, end = header.bottom + 1, found.end
    data = (
        [r for r in range(first, end) if r not in skipped] if skipped else list(range(first, end))
    )
    first_col, last_col = header.span if header.span is not None else (0, None)
    region = rows[header.top : end]
    if header.span is not None:  # a table beside another: its own columns only
        region = [row[first_col : last_col + 1] for row in region]  # type: ignore[operator]
    kinds = list(map(type, chain.from_iterable(region)))
    typed = kinds.count(float) + kinds.count(int)

    typed_numbers, texts = columns.header_numbers  # the header's own numbers
    numbering, texts_read = typed_numbers + texts, texts
    for r in sorted(r for r in skipped if r < end):  # column-number rows, repeated headers
        typed_numbers, texts = numbers_in(rows[r][first_col : (last_col or len(rows[r])) + 1])
        numbering += typed_numbers + texts
        texts_read += texts
    unused: list[Unused] = []
    for (r, c), code in found.unread_cells.items():
        unused.append(Unused(grid.file, grid.sheet, a1(r, c), cell_text(rows[r][c]), code))
        texts_read += type(rows[r][c]) is str
    for r, code in found.unread.items():
        for c in sorted(read):
            if c < len(rows[r]) and _is_number(rows[r][c]):
                unused.append(Unused(grid.file, grid.sheet, a1(r, c), cell_text(rows[r][c]), code))
                texts_read += type(rows[r][c]) is str
    cells = [rows[r] for r in data]
    shortest = min(map(len, cells), default=0)
    if header.number_col is not None:
        typed_numbers, texts = _in_column(cells, header.number_col, shortest)
        numbering += typed_numbers + texts
        texts_read += texts
    stray = _stray(rows, header, data, cells, shortest, read)
    texts_read += sum(1 for c, at in stray.items() for r in at if type(rows[r][c]) is str)
    findings = _stray_findings(grid, header, columns, stray, unused)
    # the numbers typed as text the rows used or checked were counted as they were read
    numbers = typed + texts_read + found.texts
    accounting = Accounting(numbers, found.used, found.checked, numbering, tuple(unused))
    return accounting, findings


def numbers_in(cells: Sequence[object]) -> tuple[int, int]:
    """(numbers typed as numbers, numbers typed as text "1.234") among some cells."""
    kinds = list(map(type, cells))
    typed = kinds.count(float) + kinds.count(int)
    if kinds.count(str) == cells.count(""):  # no text but empty cells: no number as text
        return typed, 0
    return typed, sum(1 for v in filter(None, cells) if type(v) is str and _is_number_text(v))


def _in_column(cells: list[list[object]], c: int, shortest: int) -> tuple[int, int]:
    """(numbers typed, numbers as text) in one column of the data rows."""
    if c < shortest:
        return numbers_in(list(map(itemgetter(c), cells)))
    return numbers_in([row[c] for row in cells if c < len(row)])


def _stray(
    rows: list[list[object]],
    header: Header,
    data: list[int],
    cells: list[list[object]],
    shortest: int,
    read: set[int],
) -> dict[int, list[int]]:
    """Numbers in the data rows outside the columns read: column -> their rows. Most
    tables have none, and a pass in C over the other columns says so."""
    stray: dict[int, list[int]] = {}
    unit_col = header.unit_col
    names = (
        list(map(itemgetter(unit_col), cells))
        if unit_col < shortest
        else [row[unit_col] for row in cells if unit_col < len(row)]
    )
    if any(map(_NUMERIC.__contains__, map(type, names))):  # a number where the name belongs
        for r in data:
            if unit_col < len(rows[r]) and type(rows[r][unit_col]) in _NUMERIC:
                stray.setdefault(unit_col, []).append(r)
    known = read | {unit_col}
    if header.number_col is not None:
        known.add(header.number_col)
    width = max(map(len, cells), default=0)
    first, last = header.span if header.span is not None else (0, width - 1)
    others = tuple(c for c in range(first, min(width, last + 1)) if c not in known)
    if not others:
        return stray
    if shortest == width:
        if len(others) == 1:
            if all(map(_EMPTY.__contains__, map(itemgetter(others[0]), cells))):
                return stray
        elif all(map(_EMPTY.issuperset, map(itemgetter(*others), cells))):
            return stray
    for r, row in zip(data, cells, strict=True):
        for c in others:
            if c < len(row) and _is_number(row[c]):
                stray.setdefault(c, []).append(r)
    return stray


def _criterion_cells(rows: Sequence[Row]) -> dict[int, tuple[Row, list[Key]]]:
    """Indicator-rows layout: each sheet row read, with the keys it gave."""
    found: dict[int, tuple[Row, list[Key]]] = {}
    for row in rows:
        if row.rows_of is None:
            continue
        for key, r in row.rows_of.items():
            found.setdefault(r, (row, []))[1].append(key)
    return found


def cell_text(value: object) -> str:
    """A cell as a finding shows it: its text cleaned, a whole number without ".0"."""
    if type(value) is str:
        return clean(value)
    if type(value) is float and value.is_integer():
        return str(int(value))
    return repr(value)


def _stray_findings(
    grid: Grid,
    header: Header,
    columns: Columns,
    stray: dict[int, list[int]],
    unused: list[Unused],
) -> list[Finding]:
    """A finding for each column holding numbers that no figure uses, naming its header
    cell and the cells; the numbers listed as unused under its code."""
    if not stray:
        return []
    placed = {u.index: u for u in columns.unplaced}
    actual = {c.indicator for c in columns.read if c.measure == "actual"}
    findings: list[Finding] = []
    for c, rows in sorted(stray.items()):
        span = _span(c, rows)
        values = [grid.rows[r][c] for r in rows]
        if c == header.unit_col:
            code = "misplaced-number"
            for r, v in zip(rows, values, strict=True):
                unused.append(Unused(grid.file, grid.sheet, a1(r, c), cell_text(v), code))
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
        unused.extend(
            Unused(grid.file, grid.sheet, a1(r, c), cell_text(v), code)
            for r, v in zip(rows, values, strict=True)
        )
        found = finding(
            grid,
            code,
            severity,
            # a column with no heading: its first number, not an empty heading cell
            where.cell if where is not None else a1(rows[0], c),
            vi,
            en,
            indicator=where.indicator if where is not None else None,
        )
        if where is not None and where.reason in ("percentage", "unchecked-percentage"):
            found = replace(found, percentages=True)
        findings.append(found)
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
    if column.reason == "ambiguous-heading" and column.doubt is not None:
        return _ambiguous_heading(column.doubt, span)
    if column.reason == "hidden":
        return (
            "hidden-column",
            Severity.ERROR,
            f"cột '{text}' bị ẩn nhưng có số liệu: các ô {span} không được cộng (bỏ ẩn nếu"
            " cần tính, hoặc xóa cột)",
            f"column '{text}' is hidden but holds figures: cells {span} not added (unhide it"
            " to count it, or delete it)",
        )
    if column.reason == "duplicate":
        return (
            "duplicate-column",
            Severity.ERROR,
            f"cột '{text}' lặp lại cột {column.other}: các ô {span} không được cộng",
            f"column '{text}' repeats column {column.other}: cells {span} not added",
        )
    if column.reason == "other-period":
        period = parse_period(column.other)
        return (
            "period-mismatch",
            Severity.ERROR,
            f"cột '{text}' ghi kỳ khác kỳ của trang tính ({period.label('vi')}): các ô {span}"
            " không được cộng",
            f"column '{text}' names another period than the sheet's ({period.label('en')}):"
            f" cells {span} not added",
        )
    if column.reason == "no-measure" and column.indicator in actual:
        return (
            "unknown-column",
            Severity.WARNING,
            # a breakdown, a running total ("Lũy kế 9 tháng"), an estimate: not its measures
            f"cột '{text}' ghi một số khác của chỉ tiêu {column.indicator} (không phải Kế hoạch,"
            f" Thực hiện hay Cùng kỳ) mà danh mục không có: các ô {span} không được cộng",
            f"column '{text}' holds another figure of {column.indicator} (not its Kế hoạch,"
            f" Thực hiện or Cùng kỳ) the catalogue does not hold: cells {span} not added",
        )
    if column.reason == "no-measure":
        return (
            "unknown-column",
            Severity.ERROR,
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
    if column.reason == "unchecked-percentage":
        base_vi, base_en = _BASES[column.other]
        of_vi = f" của {column.indicator}" if column.indicator else ""
        of_en = f" of {column.indicator}" if column.indicator else ""
        return (
            "unknown-column",
            Severity.WARNING,
            f"cột '{text}' là tỷ lệ %{of_vi} nhưng bảng không có cột {base_vi} để tính lại:"
            f" các ô {span} không được kiểm tra (ctr-stats tự tính tỷ lệ)",
            f"column '{text}' is a percentage{of_en} but the table has no {base_en} to compute"
            f" it from: cells {span} not checked (ctr-stats computes percentages itself)",
        )
    near = f" (gần với {column.indicator})" if column.indicator else ""
    near_en = f" (close to {column.indicator})" if column.indicator else ""
    return (
        "unknown-column",
        Severity.WARNING,
        f"cột '{text}' không khớp chỉ tiêu nào trong danh mục{near}: các ô {span} không được cộng",
        f"column '{text}' names no catalogue indicator{near_en}: cells {span} not added",
    )


_BASES = {
    "plan": ("Thực hiện và Kế hoạch", "Thực hiện and Kế hoạch"),
    "prior": ("Thực hiện và Cùng kỳ", "Thực hiện and Cùng kỳ"),
    "any": ("Thực hiện, Kế hoạch hay Cùng kỳ", "Thực hiện, Kế hoạch or Cùng kỳ"),
}


def _span(c: int, rows: list[int]) -> str:
    """A range, "P12:P15", for cells one under another; "P12, P15" where rows between hold none (a
    range would say four cells), the first five and "…" past them."""
    first, last = a1(rows[0], c), a1(rows[-1], c)
    if first == last:
        return first
    if rows[-1] - rows[0] == len(rows) - 1:
        return f"{first}:{last}"
    return ", ".join(a1(r, c) for r in rows[:_LISTED]) + (", …" if len(rows) > _LISTED else "")


_LISTED = 5


def _ambiguous_heading(doubt: Doubt, span: str) -> tuple[str, Severity, str, str]:
    """An unmerged heading that may stand over the middle of three columns or head its
    group from its first cell: which indicator the first column counts for is not guessed."""
    col = column_letter(doubt.column)
    if doubt.left:
        left_vi = f"thuộc '{doubt.left}' bên trái"
        left_en = f"belongs to '{doubt.left}', on its left"
    else:
        left_vi, left_en = "không có tiêu đề", "is under no heading"
    return (
        "ambiguous-heading",
        Severity.ERROR,
        f"tiêu đề '{doubt.heading}' ở ô {doubt.cell} không gộp ô: có thể đứng giữa ba cột "
        f"{doubt.span} (cột {col} thuộc '{doubt.heading}') hoặc ở ô đầu nhóm của nó (cột "
        f"{col} {left_vi}); không đoán, các ô {span} không được cộng: hãy gộp ô tiêu đề trên "
        "các cột của nó",
        f"heading '{doubt.heading}' in {doubt.cell} is not merged: it may stand over the middle "
        f"of the three columns {doubt.span} (column {col} belongs to it) or head its "
        f"group from its first cell (column {col} {left_en}); not guessed, cells {span} not "
        "added: merge the heading's cells over its columns",
    )
