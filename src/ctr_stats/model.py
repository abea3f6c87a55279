"""The data that flows between stages: values (frozen, but for the rows built by the
million), no behaviour beyond formatting."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal, cast, overload

Measure = Literal["plan", "actual", "prior"]
MEASURES: tuple[Measure, ...] = ("plan", "actual", "prior")
Key = tuple[str, Measure]  # (indicator id, measure)
# A number read from a cell: an int when whole (nearly always), else the exact Decimal.
Number = int | Decimal


# Findings that mean an input could not be read at all: exit code 3.
UNREADABLE_CODES = frozenset({"unreadable-file", "password-protected"})


# A unit that sent nothing, this period or (--prior) the last, or left out a figure other
# units report: what --allow-missing accepts
MISSING_UNIT_CODES = frozenset(
    {
        "missing-unit",
        "missing-prior-unit",
        "missing-sheet",  # a unit silent on a whole sheet: the lacking caveats name it
        "missing-plan",
        "missing-prior",
        "partial-indicator",
    }
)
# Findings of a figure some units report and others do not (`Caveats.lacking` says them)
LACKING_CODES = frozenset(
    {"missing-plan", "missing-prior", "partial-indicator", "missing-indicator"}
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # a file passed over, said so: in `Report.notes`, never a finding


@dataclass(frozen=True, slots=True)
class Source:
    """Where a figure was read: file, sheet and an A1 cell or range."""

    file: str
    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.file}!{self.sheet}!{self.cell}"


@lru_cache(maxsize=1 << 14)  # asked for once per figure in every report
def column_letter(col: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True, slots=True)
class SheetRef:
    """A sheet of a file, shared by all the cells read from it."""

    file: str
    sheet: str

    def __reduce__(self) -> tuple[Callable[..., SheetRef], tuple[str, str]]:
        return (_sheet_ref, (self.file, self.sheet))


def _sheet_ref(file: str, sheet: str) -> SheetRef:
    """A SheetRef handed back by a worker: its sheet's name held once in this process
    (every unit's copy of a form names its sheets alike)."""
    return SheetRef(file, sys.intern(sheet))


@dataclass(frozen=True, slots=True)
class Cell:
    """One number read from one cell, with the text found there ("" when the cell held a
    number, not text: `text` then shows the number). Row and column are 0-based; the
    Source is built when asked for, as most cells are only ever added up."""

    value: Decimal
    where: SheetRef
    row: int
    col: int
    raw: str

    @property
    def a1(self) -> str:
        return f"{column_letter(self.col)}{self.row + 1}"

    @property
    def source(self) -> Source:
        return Source(self.where.file, self.where.sheet, self.a1)

    @property
    def text(self) -> str:
        return self.raw or format(self.value, "f")


def whole_or_exact(value: Decimal) -> Number:
    """An int when the number is whole, so that counts add up as ints."""
    return int(value) if value == value.to_integral_value() else value


@dataclass(frozen=True, slots=True, eq=False)
class Counted:
    """The counted columns of a sheet's rows: each one's key and 0-based column, in the
    order a row's `amounts` follow. One object shared by the rows of a sheet (and of every
    copy of the same form: a worker hands it back once)."""

    keys: tuple[Key, ...]
    columns: tuple[int, ...]
    position: dict[Key, int] = field(init=False, repr=False)  # key -> index in keys
    column_of: dict[Key, int] = field(init=False, repr=False)  # key -> its column

    def __post_init__(self) -> None:
        object.__setattr__(self, "position", {key: n for n, key in enumerate(self.keys)})
        object.__setattr__(self, "column_of", dict(zip(self.keys, self.columns, strict=True)))

    def __reduce__(self) -> tuple[Callable[..., Counted], tuple[object, ...]]:
        return (shared_counted, (self.keys, self.columns))


_COUNTED: dict[tuple[tuple[Key, ...], tuple[int, ...]], Counted] = {}


def shared_counted(keys: tuple[Key, ...], columns: tuple[int, ...]) -> Counted:
    """The one Counted of these keys and columns in this process: a worker hands back
    each chunk of files apart, and every unit's copy of a form counts the same columns
    (a national roll-up would otherwise hold one per chunk and form)."""
    found = _COUNTED.get((keys, columns))
    if found is None:
        if len(_COUNTED) >= _COUNTED_HELD:
            _COUNTED.clear()
        found = _COUNTED[(keys, columns)] = Counted(keys, columns)
    return found


_COUNTED_HELD = 4096  # column layouts remembered: a few per form


class Row:
    """One row of figures as a sheet gives it: a unit's row, or (indicator-rows layout) a
    unit's whole sheet. Its numbers are kept bare, in the order of the counted columns its
    sheet shares (None where a cell is empty), and the cell of each is worked out only when
    asked for: a national roll-up reads 1.7 million of them.

    Read-only by convention, not frozen: a frozen dataclass is built five times slower
    (each field set through object.__setattr__), and rows are built twice, by a worker and
    when handed back. Compared by identity, as rows are (two rows are never the same row).
    What few rows have (cells holding text, percentage columns, the indicator-rows
    layout's rows) is held in one slot, None for the others."""

    __slots__ = ("_extra", "amounts", "counted", "index", "label", "label_col", "where")

    label: str
    label_col: int  # 0-based column of the label
    index: int  # 0-based row
    where: SheetRef
    amounts: tuple[Number | None, ...]  # in the order of counted.keys; None: empty cell
    counted: Counted
    # (texts, derived, rows_of), or None when all three are empty
    _extra: (
        tuple[Mapping[Key, str], Mapping[tuple[str, str], Cell], Mapping[Key, int] | None] | None
    )

    def __init__(
        self,
        label: str,
        label_col: int,
        index: int,
        where: SheetRef,
        amounts: tuple[Number | None, ...],
        counted: Counted,
        texts: Mapping[Key, str] | None = None,  # of the cells that held text
        derived: Mapping[tuple[str, str], Cell] | None = None,  # % columns
        rows_of: Mapping[Key, int] | None = None,  # indicator-rows layout: each key's own row
    ) -> None:
        self.label = label
        self.label_col = label_col
        self.index = index
        self.where = where
        self.amounts = amounts
        self.counted = counted
        self._extra = (
            (texts or _NONE, derived or _NONE, rows_of)
            if texts or derived or rows_of is not None
            else None
        )

    @property
    def texts(self) -> Mapping[Key, str]:
        """The text of the cells that held text, by key."""
        return _NONE if self._extra is None else self._extra[0]

    @property
    def derived(self) -> Mapping[tuple[str, str], Cell]:
        """The percentage columns' cells, by (indicator, measure of the percentage)."""
        return _NONE if self._extra is None else self._extra[1]

    @property
    def rows_of(self) -> Mapping[Key, int] | None:
        """Indicator-rows layout: each key's own row; None otherwise."""
        return None if self._extra is None else self._extra[2]

    def __repr__(self) -> str:
        return (
            f"Row(label={self.label!r}, label_col={self.label_col!r}, index={self.index!r},"
            f" where={self.where!r}, amounts={self.amounts!r}, counted={self.counted!r},"
            f" texts={dict(self.texts)!r}, derived={dict(self.derived)!r},"
            f" rows_of={self.rows_of!r})"
        )

    def __reduce__(self) -> tuple[Callable[..., Row], tuple[object, ...]]:
        # rebuilt by its constructor: faster than a default unpickling, which counts when
        # worker processes hand rows back
        return (
            _row,
            (
                self.label,
                self.label_col,
                self.index,
                self.where,
                self.amounts,
                self.counted,
                self.texts or None,  # (none: the shared empty mapping, never pickled)
                self.derived or None,
                self.rows_of,
            ),
        )

    @property
    def label_cell(self) -> str:
        """A1 cell of the label."""
        return f"{column_letter(self.label_col)}{self.index + 1}"

    @property
    def numbers(self) -> dict[Key, Number]:
        """The row's numbers by key, empty cells left out."""
        return {k: v for k, v in zip(self.counted.keys, self.amounts, strict=True) if v is not None}

    def number(self, key: Key) -> Number | None:
        at = self.counted.position.get(key)
        return None if at is None else self.amounts[at]

    def cell(self, key: Key) -> Cell | None:
        number = self.number(key)
        if number is None:
            return None
        row = self.index if self.rows_of is None else self.rows_of[key]
        return Cell(
            Decimal(number), self.where, row, self.counted.column_of[key], self.texts.get(key, "")
        )

    def position(self, key: Key) -> tuple[int, int]:
        """(row, column) of a key's cell, 0-based."""
        return (self.index if self.rows_of is None else self.rows_of[key]), self.counted.column_of[
            key
        ]

    @property
    def values(self) -> dict[Key, Cell]:
        return {key: self.cell(key) for key in self.numbers}  # type: ignore[misc]


_NONE: Mapping[Any, Any] = MappingProxyType({})  # a row's texts or derived cells: none


def _row(
    label: str,
    label_col: int,
    index: int,
    where: SheetRef,
    amounts: tuple[Number | None, ...],
    *rest: object,
) -> Row:
    """A row handed back by a worker: its label held once in this process (the criteria
    down a form's rows, "Công nhân", are the same in every unit's copy), and its numbers
    too when another row has the same whole numbers (a row of zeros, of empty cells)."""
    if _WHOLE.issuperset(map(type, amounts)):  # never a Decimal: 1 and Decimal(1) are equal
        shared = _AMOUNTS.get(amounts)
        if shared is None:
            if len(_AMOUNTS) >= _AMOUNTS_HELD:
                _AMOUNTS.clear()
            _AMOUNTS[amounts] = amounts
        else:
            amounts = shared
    return Row(sys.intern(label), label_col, index, where, amounts, *rest)  # type: ignore[arg-type]


def forget_shared() -> None:
    """Let go of the rows' numbers and the column layouts remembered to share them."""
    _AMOUNTS.clear()
    _COUNTED.clear()
    _accounting.cache_clear()


_WHOLE = frozenset({int, type(None)})
_AMOUNTS: dict[tuple[Number | None, ...], tuple[Number | None, ...]] = {}
_AMOUNTS_HELD = 1 << 16  # rows' numbers remembered, at most


# key -> (the rows holding it, in sheet order, and their sum)
ByKey = dict[Key, tuple[Sequence[Row], Number]]


def column_sums(rows: Sequence[Row]) -> tuple[Number, ...] | None:
    """Each counted column's sum, made in C, when the rows count the same columns and fill
    every one (a form's unit rows mostly do); None otherwise."""
    if not rows:
        return None
    counted = rows[0].counted
    if any(row.counted is not counted for row in rows):
        return None
    try:  # an empty cell (None) anywhere makes sum() refuse its column
        return tuple(map(sum, zip(*[row.amounts for row in rows], strict=True)))
    except TypeError:
        return None


def group_by_key(rows: Sequence[Row]) -> ByKey:
    """Each key's rows and their sum."""
    sums = column_sums(rows)
    return group_by_sums(rows, sums) if sums is not None else group_row_by_row(rows)


def group_by_sums(rows: Sequence[Row], sums: tuple[Number, ...]) -> ByKey:
    """Rows that fill every counted column: every key shares one tuple of them."""
    shared = tuple(rows)
    return dict(zip(rows[0].counted.keys, zip(itertools.repeat(shared), sums), strict=True))


def group_row_by_row(rows: Sequence[Row]) -> ByKey:
    """Any rows: each key's own, in one pass over their numbers."""
    holders: dict[Key, list[Row]] = {}  # keys in the order they first appear
    for row in rows:
        for key, number in zip(row.counted.keys, row.amounts, strict=True):
            if number is None:
                continue
            held = holders.get(key)
            if held is None:
                holders[key] = [row]
            else:
                held.append(row)
    by_key: ByKey = {}
    for key, held in holders.items():
        numbers = cast("list[Number]", [row.number(key) for row in held])  # held: not None
        by_key[key] = (tuple(held), sum(numbers) if len(numbers) > 1 else numbers[0])
    return by_key


class Cells(Sequence[Cell]):
    """The cells added up into one figure, held as the rows that hold them under `key`
    (a sequence of `Cell`s to whoever iterates it), with their running total. The rows
    may be a tuple shared with the sheet's other keys: it is never changed in place."""

    __slots__ = ("_owned", "key", "one_sheet", "rows", "total")

    def __init__(
        self,
        key: Key,
        rows: Sequence[Row],
        total: Number | None = None,
        one_sheet: bool | None = None,
    ) -> None:
        self.key = key
        self.rows = rows
        self._owned = False  # whether `rows` is a list of this object's own, to extend
        self.total: Number = (
            sum([row.number(key) for row in rows]) if total is None else total  # type: ignore[misc]
        )
        # rows of one sheet in sheet order (as a sheet is read): the range is first to last
        self.one_sheet = (
            one_sheet
            if one_sheet is not None
            else len({id(row.where) for row in rows}) <= 1
            and all(a.index < b.index for a, b in itertools.pairwise(rows))
        )

    def add(self, rows: Sequence[Row], total: Number) -> None:
        """More rows under the same key (another sheet, or further down the same one)."""
        if self.one_sheet and rows:
            last, first = self.rows[-1], rows[0]
            self.one_sheet = last.where is first.where and last.index < first.index
        if not self._owned:  # the rows held may be shared: extended in a list of its own
            self.rows, self._owned = list(self.rows), True
        self.rows.extend(rows)  # type: ignore[attr-defined]
        self.total += total

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Cell: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Cell]: ...
    def __getitem__(self, index: int | slice) -> Cell | Sequence[Cell]:
        if isinstance(index, slice):
            return tuple(self)[index]
        cell = self.rows[index].cell(self.key)
        assert cell is not None
        return cell

    def __iter__(self) -> Iterator[Cell]:
        key = self.key
        for row in self.rows:
            cell = row.cell(key)
            assert cell is not None
            yield cell

    def __repr__(self) -> str:
        return f"Cells({self.key!r}, {len(self.rows)} rows, total {self.total})"

    def by_sheet(self) -> dict[SheetRef, list[Row]]:
        groups: dict[SheetRef, list[Row]] = {}
        for row in self.rows:
            groups.setdefault(row.where, []).append(row)
        return groups

    def per_sheet(self) -> list[tuple[SheetRef, str, Number]]:
        """(sheet, its cells as 'F8:F20', their sum) for each sheet the cells are on."""
        span = self.one_span()
        if span is not None:
            return [(self.rows[0].where, span, self.total)]
        key = self.key
        return [
            (
                where,
                ranges([r.position(key) for r in held]),
                sum(r.number(key) for r in held),  # type: ignore[misc]
            )
            for where, held in self.by_sheet().items()
        ]

    def describe(self) -> str:
        """'file!sheet!F8:F20' for the cells (several sheets: '; ', several columns: ', ')."""
        span = self.one_span()
        if span is not None:
            where = self.rows[0].where
            return f"{where.file}!{where.sheet}!{span}"
        return "; ".join(f"{w.file}!{w.sheet}!{span}" for w, span, _ in self.per_sheet())

    def one_span(self) -> str | None:
        """'F8:F20' when the cells are one sheet's unit rows, the common case: one column,
        from the first to the last; None otherwise."""
        rows = self.rows
        if not (self.one_sheet and rows and rows[0].rows_of is None):
            return None
        first = rows[0]
        return column_span(first.counted.column_of[self.key], first.index, rows[-1].index)


class UnitCells(MutableMapping[Key, Cells]):
    """One unit's cells by key, as a dict of them would hold them, but made when asked
    for: a table whose rows fill every counted column (a unit's copy of a form, nearly
    always) is held whole, as its rows and their column sums, and each key's `Cells` made
    from them on each look-up; a national roll-up would otherwise hold fifty of them and a
    dict per unit. A key set, deleted or `held` to be added to is held as its own `Cells`
    (its table's other keys with it). Keys iterate tables first, in the order they came,
    then the keys held on their own."""

    __slots__ = ("_own", "_tables")

    def __init__(self) -> None:
        # (the keys' positions, the rows, their column sums): keys no other table has
        self._tables: list[tuple[Mapping[Key, int], Sequence[Row], tuple[Number, ...]]] = []
        self._own: dict[Key, Cells] = {}

    def add_table(self, counted: Counted, rows: Sequence[Row], sums: tuple[Number, ...]) -> bool:
        """Hold a table's rows whole, when they fill every counted column (`sums`) and no
        key of theirs is held yet; whether they were."""
        position = counted.position
        if not self._own.keys().isdisjoint(position) or any(
            not held.keys().isdisjoint(position) for held, _, _ in self._tables
        ):
            return False
        self._tables.append((position, rows, sums))
        return True

    def held(self, key: Key) -> Cells | None:
        """A key's cells as an object of their own, to add to (None: no such key)."""
        self._own_table(key)
        return self._own.get(key)

    def _own_table(self, key: Key) -> None:
        for n, (position, rows, sums) in enumerate(self._tables):
            if key in position:
                del self._tables[n]
                for other, at in position.items():
                    self._own[other] = Cells(other, rows, sums[at], one_sheet=True)
                return

    def __getitem__(self, key: Key) -> Cells:
        cells = self.get(key)
        if cells is None:
            raise KeyError(key)
        return cells

    def get(self, key: Key, default: Cells | None = None) -> Cells | None:  # type: ignore[override]
        own = self._own.get(key)
        if own is not None:
            return own
        for position, rows, sums in self._tables:
            at = position.get(key)
            if at is not None:
                return Cells(key, rows, sums[at], one_sheet=True)
        return default

    def __contains__(self, key: object) -> bool:
        return key in self._own or any(key in position for position, _, _ in self._tables)

    def spans(self) -> dict[Key, tuple[str, str]]:
        """Each key's `Cells.describe()` in two parts, where ("file!sheet!") and the span
        ("D10:D18"): a table held whole has one where for all its keys, made once (the JSON
        writes a source for every figure of a national roll-up). Cells of several sheets
        or rows are described whole, with no span."""
        found: dict[Key, tuple[str, str]] = {}
        for position, rows, sums in self._tables:
            first = rows[0]
            if first.rows_of is not None:  # each key on a row of its own
                for key, at in position.items():
                    found[key] = (Cells(key, rows, sums[at], one_sheet=True).describe(), "")
                continue
            where, top, bottom = first.where, first.index, rows[-1].index
            column_of, prefix = first.counted.column_of, f"{where.file}!{where.sheet}!"
            for key in position:
                found[key] = (prefix, column_span(column_of[key], top, bottom))
        for key, cells in self._own.items():
            found[key] = (cells.describe(), "")
        return found

    def sizes(self) -> dict[Key, tuple[Number, int]]:
        """Each key's (total, number of cells), without making its `Cells`: what a unit's
        figures and the count of cells used need of every key of a national roll-up."""
        found: dict[Key, tuple[Number, int]] = {}
        for position, rows, sums in self._tables:
            held = len(rows)
            for key, at in position.items():
                found[key] = (sums[at], held)
        for key, cells in self._own.items():
            found[key] = (cells.total, len(cells.rows))
        return found

    def __setitem__(self, key: Key, cells: Cells) -> None:
        self._own_table(key)
        self._own[key] = cells

    def __delitem__(self, key: Key) -> None:
        self._own_table(key)
        del self._own[key]

    def __iter__(self) -> Iterator[Key]:
        for position, _, _ in self._tables:
            yield from position
        yield from self._own

    def __len__(self) -> int:
        return len(self._own) + sum(len(position) for position, _, _ in self._tables)

    def __repr__(self) -> str:
        return f"UnitCells({len(self)} keys)"


def sizes_of(cells: Mapping[Key, Cells]) -> dict[Key, tuple[Number, int]]:
    """Each key's (total, number of cells)."""
    if isinstance(cells, UnitCells):
        return cells.sizes()
    return {key: (held.total, len(held.rows)) for key, held in cells.items()}


def spans_of(cells: Mapping[Key, Cells]) -> dict[Key, tuple[str, str]]:
    """Each key's `Cells.describe()` in two parts (see `UnitCells.spans`)."""
    if isinstance(cells, UnitCells):
        return cells.spans()
    return {key: (held.describe(), "") for key, held in cells.items()}


def ranges(positions: Iterator[tuple[int, int]] | Sequence[tuple[int, int]]) -> str:
    """'F8:F20' for cells of one column, 'F8' for one cell, 'F8, H8' across columns."""
    by_column: dict[int, list[int]] = {}
    for row, col in positions:
        by_column.setdefault(col, []).append(row)
    return ", ".join(column_span(col, min(rows), max(rows)) for col, rows in by_column.items())


def column_span(col: int, top: int, bottom: int) -> str:
    """'F8:F20' for rows `top` to `bottom` of a column (0-based), 'F8' for one row."""
    letter, low, high = column_letter(col), top + 1, bottom + 1
    return f"{letter}{low}:{letter}{high}" if low != high else f"{letter}{low}"


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in the data: collected, never raised. Messages in Vietnamese and English."""

    code: str
    severity: Severity
    message_vi: str
    message_en: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    unit: str | None = None
    indicator: str | None = None
    # the cells it names hold percentages the sheet computed, not counts: no figure of a
    # unit is missing for them
    percentages: bool = False

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang == "en" else self.message_vi

    def where(self) -> str:
        """'file!sheet!cell' as far as known."""
        return "!".join(p for p in (self.file, self.sheet, self.cell) if p)

    def to_dict(self, lang: str = "vi") -> dict[str, str | None]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message(lang),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "unit": self.unit,
            "indicator": self.indicator,
        }


@dataclass(frozen=True, slots=True)
class Unused:
    """A number a table holds and no figure uses: where, its text, and the code of the
    finding that says why."""

    file: str
    sheet: str
    cell: str
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class Accounting:
    """Every number of the tables read, accounted for: `read` is counted on its own from
    the cells, and comes to the sum of the rest."""

    read: int  # numbers in the tables (header to their end)
    used: int  # added into figures
    checked: int  # total rows and the sheets' own percentages: compared, never added
    numbering: int  # row numbers (STT), column numbers, numbers in headers
    unused: tuple[Unused, ...]  # each named in a finding
    refused: int = 0  # read from a row, then not added: a unit unknown or reported twice…

    def __reduce__(self) -> tuple[Callable[..., Accounting], tuple[object, ...]]:
        fields = (self.read, self.used, self.checked, self.numbering, self.unused, self.refused)
        return (_accounting, fields)

    @property
    def not_used(self) -> int:
        return len(self.unused) + self.refused

    def __add__(self, other: Accounting) -> Accounting:
        return Accounting(
            self.read + other.read,
            self.used + other.used,
            self.checked + other.checked,
            self.numbering + other.numbering,
            self.unused + other.unused,
            self.refused + other.refused,
        )

    def to_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "used": self.used,
            "checked": self.checked,
            "numbering": self.numbering,
            "not_used": self.not_used,
        }


NO_NUMBERS = Accounting(0, 0, 0, 0, ())


@lru_cache(maxsize=1 << 12)
def _accounting(
    read: int, used: int, checked: int, numbering: int, unused: tuple[Unused, ...], refused: int
) -> Accounting:
    """A sheet's accounting handed back by a worker: one object for the sheets that count
    alike (every unit's copy of a form filled in full)."""
    return Accounting(read, used, checked, numbering, unused, refused)


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: the year and how many months of it (12, 9, 6, 3...)."""

    year: int
    months: int = 12
    quarter: int | None = None

    def __reduce__(self) -> tuple[Callable[..., Period], tuple[int, int, int | None]]:
        return (_period, (self.year, self.months, self.quarter))

    @property
    def code(self) -> str:
        if self.quarter:
            return f"{self.year}-q{self.quarter}"
        return {12: f"{self.year}", 6: f"{self.year}-h1", 9: f"{self.year}-9m"}.get(
            self.months, f"{self.year}-{self.months}m"
        )

    def label(self, lang: str) -> str:
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        if lang == "en":
            if self.quarter:
                return f"Q{self.quarter} {self.year}"
            if self.months == 12:
                return f"year {self.year}"
            if self.months == 6:
                return f"first 6 months of {self.year}"
            return f"first {self.months} months of {self.year}"
        if self.quarter:
            return f"quý {roman[self.quarter]} năm {self.year}"
        if self.months == 12:
            return f"năm {self.year}"
        if self.months == 6:
            return f"6 tháng đầu năm {self.year}"
        return f"{self.months} tháng năm {self.year}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "year": self.year,
            "months": self.months,
            "quarter": self.quarter,
            "label_vi": self.label("vi"),
            "label_en": self.label("en"),
        }


@dataclass(frozen=True, slots=True)
class Figures:
    """One indicator's figures for one unit or for the total, percentages already rounded."""

    indicator: str
    actual: int | None
    plan: int | None
    prior: int | None
    percent_of_plan: Decimal | None
    percent_of_prior: Decimal | None
    change_vs_prior: Decimal | None

    def numbers(self) -> dict[str, int | Decimal | None]:
        return {
            "actual": self.actual,
            "plan": self.plan,
            "prior": self.prior,
            "percent_of_plan": self.percent_of_plan,
            "percent_of_prior": self.percent_of_prior,
            "change_vs_prior": self.change_vs_prior,
        }


@dataclass(frozen=True, slots=True, init=False)
class UnitFigures:
    """One unit's figures of one indicator, with the cells each measure adds up. Built for
    every unit and indicator of a national roll-up: it holds the unit's cells by key (see
    `UnitCells`), and `cells` makes the indicator's when asked."""

    code: str
    name: str
    figures: Figures
    # (indicator, measure) -> the cells added up; the unit's other indicators' too
    held: Mapping[Key, Cells] = field(repr=False, compare=False)

    def __init__(self, code: str, name: str, figures: Figures, cells: Mapping[str, Cells]) -> None:
        """`cells`: measure -> the cells added up."""
        indicator = figures.indicator
        held = {(indicator, measure): cells[measure] for measure in MEASURES if measure in cells}
        self._set(code, name, figures, held)

    def _set(self, code: str, name: str, figures: Figures, held: Mapping[Key, Cells]) -> None:
        set_ = object.__setattr__
        set_(self, "code", code)
        set_(self, "name", name)
        set_(self, "figures", figures)
        set_(self, "held", held)

    @classmethod
    def of_unit(
        cls, code: str, name: str, figures: Figures, held: Mapping[Key, Cells]
    ) -> UnitFigures:
        """A unit's figures of an indicator, whose cells are `held[(indicator, measure)]`."""
        unit = cls.__new__(cls)
        unit._set(code, name, figures, held)
        return unit

    @property
    def cells(self) -> dict[str, Cells]:
        """measure -> the cells added up, in the order of MEASURES."""
        indicator, get = self.figures.indicator, self.held.get
        found = {measure: get((indicator, measure)) for measure in MEASURES}
        return {measure: cells for measure, cells in found.items() if cells is not None}

    @property
    def sources(self) -> dict[str, tuple[Source, ...]]:
        return {m: tuple(c.source for c in cells) for m, cells in self.cells.items()}


@dataclass(frozen=True, slots=True)
class TotalFigures:
    figures: Figures
    units_reporting: int
    # a base ("plan", "prior") some unit has without the actual, or the reverse -> the
    # (actual, base) sums over the units that have both, which its percentages are made of
    # (not of the totals shown)
    compared: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def partial_bases(self) -> frozenset[str]:
        return frozenset(self.compared)


@dataclass(frozen=True, slots=True)
class Doubted:
    """An indicator whose figures error findings touch: its total always, and the figures of
    the units named; the files named where a finding names no unit; the findings' codes."""

    indicator: str
    units: tuple[str, ...]
    files: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lacking:
    """A figure of an indicator that some units of the run report and others do not: its
    total covers `having` of `of` units. For "actual", `of` counts the units that sent the
    indicator's sheet; for a base ("plan", "prior"), those with an actual, and the
    percentage is computed over the `having` units that have both."""

    indicator: str
    measure: Measure
    units: tuple[str, ...]  # the units without it, in registry order
    having: int
    of: int


@dataclass(frozen=True, slots=True)
class Caveats:
    """What the figures lack or doubt, from the error findings that remain: the registry
    units that sent nothing, the figures some units left out, and the figures an error
    touches. Empty: nothing to say."""

    missing_units: tuple[str, ...] = ()
    doubted: tuple[Doubted, ...] = ()
    lacking: tuple[Lacking, ...] = ()
    # the registry the same period a year before falls under, when the units were
    # reorganised since ("hanoi-2024"): every Cùng kỳ is a unit's own recount
    prior_registry: str | None = None

    def __bool__(self) -> bool:
        return bool(self.missing_units or self.doubted or self.lacking or self.prior_registry)

    def of(self, indicator: str) -> Doubted | None:
        return next((d for d in self.doubted if d.indicator == indicator), None)

    def lacks(self, indicator: str) -> tuple[Lacking, ...]:
        return tuple(entry for entry in self.lacking if entry.indicator == indicator)

    def doubts_unit(self, indicator: str, unit: str) -> bool:
        """Whether an error touches this unit's figure of the indicator."""
        doubted = self.of(indicator)
        return doubted is not None and unit in doubted.units


@dataclass(frozen=True, slots=True)
class Report:
    """The result of `compute`: its `to_dict()` is the JSON contract ctr-stats/compute/1."""

    period: Period | None
    registry: str
    precision: int
    totals: tuple[TotalFigures, ...]
    units: tuple[UnitFigures, ...]
    findings: tuple[Finding, ...] = field(default=())
    # the numbers of the tables read: used, checked, or named in a finding
    accounting: Accounting = NO_NUMBERS
    notes: tuple[Finding, ...] = field(default=())  # files passed over (Severity.NOTE)
    caveats: Caveats = field(default_factory=Caveats)
    # every unit's figures when `units` holds a --top/--bottom selection of them: what
    # statements about all units are made from
    selected_from: tuple[UnitFigures, ...] | None = None

    @property
    def all_units(self) -> tuple[UnitFigures, ...]:
        """Every unit's figures, whatever a ranking kept to show."""
        return self.units if self.selected_from is None else self.selected_from

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    def total(self, indicator: str) -> TotalFigures | None:
        return next((t for t in self.totals if t.figures.indicator == indicator), None)

    def unit(self, code: str, indicator: str) -> UnitFigures | None:
        return next(
            (u for u in self.units if u.code == code and u.figures.indicator == indicator), None
        )


@lru_cache(maxsize=256)
def quarter_number(written: str) -> int:
    """A quarter as a title or a sentence writes it, folded: "iii", "3", "03" -> 3."""
    return int(written) if written.isdigit() else _ROMAN_QUARTERS[written.lower()]


_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _period(year: int, months: int, quarter: int | None) -> Period:
    """A period handed back by a worker: one object per period in this process, not one
    per sheet."""
    return Period(year, months, quarter)


def parse_period(text: str) -> Period:
    """'2023', '2022-h1', '2021-9m', '2024-q1' (as `Period.code` writes them)."""
    import re

    match = re.fullmatch(r"(\d{4})(?:-(h1|9m|q[1-4]|(\d{1,2})m))?", text.strip().lower())
    if not match:
        raise ValueError(f"'{text}': expected YEAR, YEAR-h1, YEAR-9m, YEAR-q1..q4 or YEAR-Nm")
    year, suffix = int(match.group(1)), match.group(2)
    if suffix is None:
        return Period(year, 12)
    if suffix == "h1":
        return Period(year, 6)
    if suffix.startswith("q"):
        quarter = int(suffix[1])
        return Period(year, quarter * 3, quarter)
    months = int(suffix[:-1])
    if not 1 <= months <= 12:
        raise ValueError(f"'{text}': months must be 1 to 12")
    return Period(year, months)
