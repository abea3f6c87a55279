"""What a mutation must give, and whether a finding points at the place it changed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ctr_stats.model import Finding

# (unit code, indicator, measure) -> how much a unit's figure moves
Deltas = Mapping[tuple[str, str, str], int]


class Kind(StrEnum):
    COSMETIC = "cosmetic"  # every figure identical, exit code unchanged
    VALUE = "value"  # figures move by exactly the delta
    DAMAGING = "damaging"  # the right figures, or a non-zero exit naming the place


@dataclass(frozen=True)
class Place:
    """Where a finding must point: the changed file and sheet, and the cells or rows
    changed. Some changes concern a whole sheet or file (a deleted header row, a copy of a
    file); a missing file can only be named by its unit."""

    files: frozenset[str]  # file names (several: a CSV export, a file and its copy)
    sheet: str | None = None
    cells: frozenset[tuple[int, int]] = frozenset()  # (row, col), 1-based
    rows: frozenset[int] = frozenset()  # any cell of these rows
    whole_sheet: bool = False  # any finding on the sheet
    whole_file: bool = False  # any finding on the file
    unit: str | None = None  # a finding naming this unit (registry name)

    def named_by(self, finding: Finding) -> bool:
        if self.unit is not None and finding.unit == self.unit:
            return True
        if finding.file is None or Path(finding.file).name not in self.files:
            return False
        if self.whole_file:
            return True
        if self.sheet is not None and finding.sheet != self.sheet:
            return False
        if self.whole_sheet:
            return True
        return finding.cell is not None and any(self._covers(area) for area in _areas(finding.cell))

    def _covers(self, area: tuple[int, int, int, int]) -> bool:
        top, bottom, left, right = area
        return any(top <= r <= bottom and left <= c <= right for r, c in self.cells) or any(
            top <= r <= bottom for r in self.rows
        )


_REF = re.compile(r"^\$?([A-Za-z]{0,3})\$?(\d*)$")
_FAR = 1 << 30


def _areas(text: str) -> list[tuple[int, int, int, int]]:
    """'D12', 'D10:D18', '12:12', 'C:C', 'F8, H8' -> (top, bottom, left, right) areas,
    1-based, a missing bound meaning the whole row or column."""
    areas = []
    for part in text.replace(";", ",").split(","):
        ends = [_REF.match(end.strip()) for end in part.strip().split(":")]
        if not part.strip() or not all(ends):
            continue
        rows = [int(m.group(2)) for m in ends if m and m.group(2)]
        cols = [_col(m.group(1)) for m in ends if m and m.group(1)]
        areas.append(
            (
                min(rows, default=1),
                max(rows, default=_FAR),
                min(cols, default=1),
                max(cols, default=_FAR),
            )
        )
    return areas


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


@dataclass(frozen=True)
class Same:
    """A cosmetic change: every figure and the exit code as before."""


@dataclass(frozen=True)
class Moves:
    """A value change: the figures move by exactly `deltas`; `mismatch` is where a
    total-mismatch error must be reported (a total row left as it was), None if none."""

    deltas: Deltas
    mismatch: Place | None = None


@dataclass(frozen=True)
class Damage:
    """A damaging change: `right` (deltas on the figures before the change; {} for the same
    figures) when the right figures are determinable, and then giving them passes; otherwise,
    or failing that, a non-zero exit with a finding that names `place`."""

    place: Place
    right: Deltas | None = field(default=None)


Expectation = Same | Moves | Damage
KIND_OF: dict[type, Kind] = {Same: Kind.COSMETIC, Moves: Kind.VALUE, Damage: Kind.DAMAGING}
