"""One unit's figures found in two places: a copied file ("ba-dinh - Copy.xlsx"), a
corrected file sent again beside the first, a draft left in a subfolder, a form restating
another's total. Said once per unit and pair of files (or of sheets of one file), never once
per indicator.

Identical figures are counted once: a warning. Different figures are an error, and until
the user removes one copy the newer file's are counted: the one modified last (a
correction is saved after what it corrects), the first by name when both were modified at
the same moment or when one cannot be told. The order paths sort in decides nothing else.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .catalogue import Unit, load_catalogue
from .model import MEASURES, ByKey, Cells, Finding, Key, Number, Severity, ranges
from .render.numbers import format_plain

_SHOWN = 3  # differing indicators named before "and N more"
_MEASURE = {
    "vi": {"plan": "kế hoạch", "actual": "thực hiện", "prior": "cùng kỳ"},
    "en": {"plan": "plan", "actual": "actual", "prior": "last year"},
}


@dataclass(frozen=True, slots=True)
class Place:
    """A table figures were read from: its file, sheet, and where a sheet has several
    tables, the first cell of the table's header."""

    file: str
    sheet: str
    part: str = ""

    @property
    def where(self) -> str:
        return "!".join(p for p in (self.file, self.sheet, self.part) if p)

    @property
    def sheet_part(self) -> str:
        return f"{self.sheet}!{self.part}" if self.part else self.sheet


@dataclass(frozen=True, slots=True)
class Difference:
    """One measure of an indicator as each place gives it: its total and its cells."""

    measure: str
    first: Number | None
    first_cells: str
    second: Number
    second_cells: str


@dataclass
class Twice:
    """A unit found in two files (or two sheets of one): the pairs of tables, and
    indicator by indicator whether they agree."""

    unit: Unit
    first: str  # the file read first
    second: str
    tables: dict[tuple[Place, Place], None] = field(default_factory=dict)
    same: dict[str, None] = field(default_factory=dict)
    differ: dict[str, tuple[Difference, ...]] = field(default_factory=dict)


@dataclass
class ReportedTwice:
    """Every unit found twice in a run, by (unit code, first file, second file)."""

    groups: dict[tuple[str, str, str], Twice] = field(default_factory=dict)
    _mtimes: dict[str, float | None] = field(default_factory=dict)

    def meet(
        self,
        unit: Unit,
        counted: Place,
        other: Place,
        indicator: str,
        held: Mapping[Key, Cells],
        by_key: ByKey,
    ) -> bool:
        """Note an indicator `other` gives that `counted` already gave; whether `other`'s
        figures should be counted instead: its file is the newer (where the two agree, only
        where they were read from changes)."""
        twice = self.groups.setdefault(
            (unit.code, counted.file, other.file), Twice(unit, counted.file, other.file)
        )
        twice.tables[(counted, other)] = None
        differences = _differences(indicator, held, by_key)
        if not differences:
            twice.same[indicator] = None
        else:
            twice.differ[indicator] = differences
        # the same figures in a newer file are counted from it all the same: a third copy
        # is then weighed against the newest, indicator by indicator alike (trial 47: b
        # agreeing with the older a on one indicator left it a's, and c, saved in b's
        # second, was counted there against a: one unit's figures from two reports)
        return self.newer(other.file, counted.file)

    def newer(self, file: str, than: str) -> bool:
        """Whether `file` was modified after `than` (never when either is unknown)."""
        mine, theirs = self.mtime(file), self.mtime(than)
        # to the second, as shown: a copy made moments later is no correction
        return mine is not None and theirs is not None and int(mine) > int(theirs)

    def mtime(self, file: str) -> float | None:
        if file not in self._mtimes:
            try:
                self._mtimes[file] = os.stat(file).st_mtime
            except (OSError, ValueError):  # gone since, or a member of an archive
                self._mtimes[file] = None
        return self._mtimes[file]

    def findings(self, counted: Callable[[str, str], str]) -> list[Finding]:
        """One finding per unit and pair of files; `counted(unit code, indicator)` is
        where the figures counted were read from ("" if none), once every sheet is in."""
        return [self._finding(twice, counted) for twice in self.groups.values()]

    def _finding(self, twice: Twice, counted: Callable[[str, str], str]) -> Finding:
        pairs = list(twice.tables)
        files = twice.first != twice.second
        # the place the user should look at: the copy not counted
        if twice.differ:
            first_differing = next(iter(twice.differ))
            winner = counted(twice.unit.code, first_differing)
            kept_first = all(winner != b.where for _, b in pairs)
        else:
            winner, kept_first = pairs[0][0].where, True
        shown = pairs[0][1] if kept_first else pairs[0][0]
        vi, en = (
            _text(self, twice, pairs, files, kept_first, winner, "vi"),
            _text(self, twice, pairs, files, kept_first, winner, "en"),
        )
        return Finding(
            "duplicate-unit",
            Severity.ERROR if twice.differ else Severity.WARNING,
            vi,
            en,
            shown.file,
            shown.sheet if len({b.sheet for _, b in pairs}) == 1 else None,
            shown.part or None if len(pairs) == 1 else None,
            twice.unit.name,
            next(iter(twice.differ)) if len(twice.differ) == 1 else None,
        )


def _differences(
    indicator: str, held: Mapping[Key, Cells], by_key: ByKey
) -> tuple[Difference, ...]:
    """The measures the second table gives otherwise than the first; one it leaves out is
    no difference (a form restating part of another's figures)."""
    found: list[Difference] = []
    for measure in MEASURES:
        key = (indicator, measure)
        if key not in by_key:
            continue
        cells, (rows, total) = held.get(key), by_key[key]
        first = cells.total if cells is not None else None
        if first == total:
            continue
        found.append(
            Difference(
                measure,
                first,
                ranges([row.position(key) for row in cells.rows]) if cells is not None else "",
                total,
                ranges([row.position(key) for row in rows]),
            )
        )
    return tuple(found)


def _text(
    seen: ReportedTwice,
    twice: Twice,
    pairs: list[tuple[Place, Place]],
    files: bool,
    kept_first: bool,
    winner: str,
    lang: str,
) -> str:
    vi = lang == "vi"
    name = twice.unit.full_name
    if files and all(a.sheet_part == b.sheet_part for a, b in pairs):
        sheets = ", ".join(a.sheet_part for a, _ in pairs)
        label = "trang tính" if vi else ("sheet" if len(pairs) == 1 else "sheets")
        places = f"{twice.first} {'và' if vi else 'and'} {twice.second} ({label} {sheets})"
    else:
        places = "; ".join(f"{a.where} {'và' if vi else 'and'} {b.where}" for a, b in pairs)
    two = (
        ("hai tệp" if files else "hai trang tính")
        if vi
        else ("two files" if files else "two sheets")
    )
    count_same = len(twice.same)
    if not twice.differ:
        if vi:
            return (
                f"{name} có trong {two}: {places}, số liệu giống hệt nhau"
                f" ({count_same} chỉ tiêu): chỉ cộng một lần"
            )
        return (
            f"{name} is in {two}: {places}, with identical figures"
            f" ({count_same} indicators): counted once"
        )
    catalogue = load_catalogue()
    listed = []
    for indicator, differences in list(twice.differ.items())[:_SHOWN]:
        entry = catalogue.indicators.get(indicator)
        label = (entry.label_vi if vi else entry.label_en) if entry else indicator
        listed.append(f"'{label}': " + ", ".join(_difference(d, lang) for d in differences))
    more = len(twice.differ) - _SHOWN
    said = "; ".join(listed)
    if more > 0:
        said += f" và {more} chỉ tiêu khác" if vi else f" and {more} more"
    if count_same:
        said += (
            f" ({count_same} chỉ tiêu khác giống nhau)"
            if vi
            else f" ({count_same} other indicators are the same)"
        )
    kept = _counted(seen, twice, pairs, files, kept_first, winner, lang)
    if vi:
        return (
            f"{name} có trong {two} với số liệu khác nhau: {places}; khác ở"
            f" {len(twice.differ)} chỉ tiêu: {said}. Đang cộng {kept}; xóa hoặc chuyển đi"
            " bản không dùng rồi chạy lại"
        )
    return (
        f"{name} is in {two} with different figures: {places}; {len(twice.differ)}"
        f" {'indicator differs' if len(twice.differ) == 1 else 'indicators differ'}: {said}."
        f" Counting {kept}; delete or move away the copy not to be used and run again"
    )


def _difference(difference: Difference, lang: str) -> str:
    def value(number: Number | None, cells: str) -> str:
        if number is None:
            return "trống" if lang == "vi" else "empty"
        return f"{format_plain(number, lang)} ({cells})"

    first = value(difference.first, difference.first_cells)
    second = value(difference.second, difference.second_cells)
    joined = " và " if lang == "vi" else " and "
    return f"{_MEASURE[lang][difference.measure]} {first}{joined}{second}"


def _counted(
    seen: ReportedTwice,
    twice: Twice,
    pairs: list[tuple[Place, Place]],
    files: bool,
    kept_first: bool,
    winner: str,
    lang: str,
) -> str:
    """What is counted meanwhile, and by which rule."""
    vi = lang == "vi"
    first, second = twice.first, twice.second
    if not files:
        return f"{winner} (trang tính đọc trước)" if vi else f"{winner} (the sheet read first)"
    if winner not in {p.where for pair in pairs for p in pair}:
        return f"{winner} (bản mới hơn cả hai)" if vi else f"{winner} (newer than both)"
    kept, other = (first, second) if kept_first else (second, first)
    if seen.newer(kept, other):
        when, before = _when(seen.mtime(kept), lang), _when(seen.mtime(other), lang)
        if vi:
            return f"số liệu của {kept} (sửa lúc {when}, sau {other} sửa lúc {before})"
        return f"the figures of {kept} (modified {when}, after {other} at {before})"
    if vi:
        return f"số liệu của {kept} (không biết tệp nào sửa sau: lấy tệp đứng trước theo tên)"
    return f"the figures of {kept} (neither file is known to be newer: the first by name)"


def _when(mtime: float | None, lang: str) -> str:
    if mtime is None:
        return "?"
    moment = time.localtime(mtime)
    return time.strftime("%d/%m/%Y %H:%M:%S" if lang == "vi" else "%Y-%m-%d %H:%M:%S", moment)
