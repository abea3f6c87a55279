"""A row's mapped cells to numbers: what counts as a number, and a finding naming the cell
for what does not (text, TRUE/FALSE, an error value, a date, a formula saved without its
value). Whether a number is a count (whole, not below zero, of a plausible size) is
decided where the rows are attributed to units; here the numbers are read as typed."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from ..model import (
    Cell,
    Counted,
    Finding,
    Key,
    Number,
    Severity,
    SheetRef,
    column_letter,
    whole_or_exact,
)
from ..numbers import NOT_REPORTED, AmbiguousNumber, NumberFormatError, parse_number
from ..read import Grid
from ..text import clean
from .columns import Column

# A count above this is no count a unit reports (Vietnam has 5.6 million party members):
# a slip of the keyboard, a date turned number, 1e15. Read, then refused where attributed.
PLAUSIBLE_COUNT = 10_000_000


def finding(
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


def key_of(
    column: Column, indicator_for_row: str | None, of_parts: dict[str, str | None] | None
) -> Key:
    """What a cell of a column counts: the column's own key, or in the indicator-rows
    layout (the row's indicator, the column's measure), "" for a criterion the catalogue
    does not know; for a column counting a part of its row's, the indicator row and part
    name together, "?" and the column's index where they name none."""
    if column.indicator is not None:
        return column.key
    if column.part is not None:
        found = (of_parts or {}).get(column.part)
        return (found or f"?{column.index}", column.measure)  # type: ignore[return-value]
    return (indicator_for_row or "", column.measure)  # type: ignore[return-value]


class CellReader:
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
        self.special = grid.formulas_without_value or grid.error_values or grid.percent_cells
        # unit rows: what the sheet's rows count, shared by them all
        self.unit_counted = counted
        # unit rows without unsaved formulas or error values: the counted cells of a row in
        # one call, the way most rows are read
        indices = counted.columns if counted is not None else ()
        self.take: Callable[[Sequence[object]], tuple[object, ...]] | None = (
            None
            if not indices or self.special
            else itemgetter(*indices)
            if len(indices) > 1
            else lambda row: (row[indices[0]],)
        )
        self.last_index = max((c.index for c in self.counted), default=0)
        self.none = (None,) * len(indices)  # a unit row with every counted cell empty
        # whether every number read so far is a count: whole, not below zero, plausible
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
                # float first: a float compares with an int at once, an int with a float
                # only after declining
                if raw == amounts:
                    assert amounts is not None
                    if (
                        self.counts_only
                        and amounts
                        and (min(amounts) < 0 or max(amounts) > PLAUSIBLE_COUNT)
                    ):
                        self.counts_only = False
                    if not self.derived:
                        return amounts, _NO_TEXTS, _NO_DERIVED, []
                    derived: dict[tuple[str, str], Cell] = {}
                    problems: list[Finding] = []
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
        self,
        r: int,
        label: str,
        indicator_for_row: str | None = None,
        of_parts: dict[str, str | None] | None = None,
    ) -> tuple[dict[Key, Number], dict[Key, str], dict[tuple[str, str], Cell], list[Finding]]:
        """(numbers by key, text of the cells that held text, derived cells, problems).
        Keys are the columns' own, or (indicator_for_row, measure) in the indicator-rows
        layout (with "" for a criterion the catalogue does not know); a column counting a
        part of its row's (`Column.part`) is keyed by the part's indicator, `of_parts`."""
        grid = self.grid
        row = grid.rows[r] if r < len(grid.rows) else []
        width = len(row)
        special = self.special
        numbers: dict[Key, Number] = {}
        texts: dict[Key, str] = {}
        derived: dict[tuple[str, str], Cell] = {}
        problems: list[Finding] = []
        for column in self.counted:
            index = column.index
            raw = row[index] if index < width else None
            if (raw is None or raw == "") and not (special and self._special(r, index)):
                continue  # most cells of a form are empty: cost them nothing
            key = key_of(column, indicator_for_row, of_parts)
            self._put(r, index, raw, key, label, numbers, texts, problems)
        self._read_derived(r, row, label, indicator_for_row, derived, problems)
        return numbers, texts, derived, problems

    def _special(self, r: int, index: int) -> bool:
        at = (r, index)
        grid = self.grid
        return (
            at in grid.formulas_without_value or at in grid.error_values or at in grid.percent_cells
        )

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
        if self.special and (r, index) in self.grid.percent_cells:
            # "100%" typed in a count cell: Excel stores 1 and shows 100%; neither is a count
            shown = _as_percent(raw)
            problems.append(
                finding(
                    self.grid,
                    "not-a-number",
                    Severity.ERROR,
                    f"{column_letter(index)}{r + 1}",
                    f"ô định dạng phần trăm ({shown}%) trong cột số đếm: nhập số người, số tổ"
                    " chức (định dạng Số), không phải tỉ lệ",
                    f"a cell formatted as a percentage ({shown}%) in a column of counts: type"
                    " the number of people or organizations (Number format), not a rate",
                    unit=label or None,
                    indicator=key[0] or None,
                )
            )
            return
        # a formula's placeholder 0 (a workbook to be computed when opened) is no count
        stale = self.special and (r, index) in self.grid.formulas_without_value
        if type(raw) is float and raw.is_integer() and not stale:
            number = int(raw)  # a count, as typed
        elif type(raw) is int and not stale:
            number = raw
        else:
            exact, text = self.number(r, index, raw, label, key[0] or None, problems, count=True)
            if exact is None:
                return
            number = whole_or_exact(exact)
            if text:
                texts[key] = text
        numbers[key] = number
        if type(number) is not int or number < 0 or number > PLAUSIBLE_COUNT:
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
        special = self.special
        for column in self.derived:
            index = column.index
            raw = row[index] if index < len(row) else None
            if (raw is None or raw == "") and not (special and self._special(r, index)):
                continue
            indicator = column.indicator or indicator_for_row or ""
            number, text = self.number(r, index, raw, label, indicator or None, problems)
            if number is not None:
                derived[(indicator, column.derived or "percent")] = Cell(
                    number, self.where, r, index, text
                )

    def number(
        self,
        r: int,
        index: int,
        raw: object,
        label: str,
        indicator: str | None,
        problems: list[Finding],
        count: bool = False,
    ) -> tuple[Decimal | None, str]:
        """A cell that is not a plain whole number: (the number, its text if it was text),
        or (None, "") for a cell that says "not reported" ("-", "x") or cannot be read (a
        finding names it). A percentage ("12%") in a `count` column is not read as 12."""
        grid = self.grid
        cell = f"{column_letter(index)}{r + 1}"
        if (r, index) in grid.formulas_without_value:
            problems.append(
                finding(
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
        error = grid.error_values.get((r, index))
        if error is not None:
            problems.append(
                finding(
                    grid,
                    "not-a-number",
                    Severity.ERROR,
                    cell,
                    f"ô chứa giá trị lỗi của Excel {error}, không phải số: sửa công thức rồi gửi lại",
                    f"the cell holds Excel's error value {error}, not a number: fix the formula and send it again",
                    unit=label or None,
                    indicator=indicator,
                )
            )
            return None, ""
        if type(raw) is float and math.isfinite(raw):
            return (Decimal(int(raw)) if raw.is_integer() else Decimal(repr(raw))), ""
        if type(raw) is int:
            return Decimal(raw), ""
        try:
            number, percent = parse_number(raw)
            if percent and count:
                raise NumberFormatError(
                    f"'{clean(raw)}' là tỉ lệ phần trăm, không phải số đếm",
                    f"'{clean(raw)}' is a percentage, not a count",
                )
        except NumberFormatError as exc:
            problems.append(
                finding(
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


def _as_percent(raw: object) -> str:
    """1 as the 100 of "100%", 0.5 as 50: a number shown in a percent format."""
    if type(raw) not in (int, float):
        return clean(str(raw))
    value = (Decimal(repr(raw)) * 100).normalize()
    return f"{value:f}".replace(".", ",")


def is_not_reported(raw: object) -> bool:
    """'-', 'x', '' and the like: nothing reported, not zero."""
    return raw is None or (type(raw) is str and _SPACES.sub("", raw) in NOT_REPORTED)


_NO_TEXTS: dict[Key, str] = {}
_NO_DERIVED: dict[tuple[str, str], Cell] = {}
_NUMBER_TYPES = frozenset({float, int})
_EMPTY = frozenset({"", None})
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def merged_figures(grid: Grid, columns: Sequence[Column], first: int, end: int) -> list[Finding]:
    """A merge holding a figure over cells of counted columns in a table's rows
    ("U12:V12", "D15:D16"): the figure stands in its first cell only, and which cells it
    counts for cannot be told, so it is an error naming the range. Not where the merge is
    one column down the rows of a row's name merged the same way (a long name over two
    lines, each of the row's cells merged with it): those rows are that one row."""
    indices = {c.index for c in columns}
    found: list[Finding] = []
    within = [
        (r0, c0, r1, c1)
        for r0, c0, r1, c1 in grid.merges
        if first <= r0 < end and any(c0 <= i <= c1 for i in indices)
    ]
    if not within:  # the common sheet: its merges are the header's
        return found
    named = {
        (r0, r1)
        for r0, c0, r1, c1 in grid.merges
        if r1 > r0 and c0 == c1 and c0 not in indices and _named(grid.value(r0, c0))
    }
    for r0, c0, r1, c1 in within:
        if c0 == c1 and (r0, r1) in named:
            continue
        value = grid.value(r0, c0)
        if not _a_figure(value):
            continue  # a heading repeated inside the table, a note: no figure to place
        cells = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        shown = str(int(value)) if type(value) is float and value.is_integer() else clean(value)
        found.append(
            finding(
                grid,
                "merged-figure",
                Severity.ERROR,
                cells,
                f"các ô {cells} được gộp lại mà chứa số ({shown}): không biết số ấy thuộc ô nào;"
                " bỏ gộp ô và ghi số vào từng ô",
                f"cells {cells} are merged and hold a figure ({shown}): which of them it counts"
                " for cannot be told; unmerge them and type each cell's figure",
            )
        )
    return found


def _named(value: object) -> bool:
    return isinstance(value, str) and not _a_figure(value) and bool(value.strip())


def _a_figure(value: object) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float, Decimal)):
        return True
    if type(value) is str:
        return _a_figure_text(value)
    try:
        return parse_number(value)[0] is not None
    except AmbiguousNumber:  # a figure, which one not told (not-a-number says so)
        return True
    except NumberFormatError:
        return False


@lru_cache(maxsize=1 << 14)  # a form's headings, merged over their columns, repeat
def _a_figure_text(value: str) -> bool:
    try:
        return parse_number(value)[0] is not None
    except AmbiguousNumber:  # a figure, which one not told (not-a-number says so)
        return True
    except NumberFormatError:
        return False
