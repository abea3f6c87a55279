"""Names as people write them -> registry units.

Exact lookups on folded keys first (case, diacritics, "Q." / "Huyện ủy" prefixes); fuzzy
matching (rapidfuzz) only to suggest names for what is left, never to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .catalogue import Registry, Unit
from .text import fold

_PREFIX = re.compile(
    r"^(?:ban chap hanh dang bo|bch dang bo|dang bo|dang uy|quan uy|huyen uy|thi uy|thanh uy"
    r"|uy ban kiem tra|ubkt|ban to chuc|btc"
    r"|ubnd|quan|huyen|thi xa|thi tran|thanh pho|phuong|xa|tx|tt|tp|q|h|p|x)\s+"
)


def strip_prefixes(key: str) -> str:
    """'dang bo quan ba dinh' -> 'ba dinh' (on folded text)."""
    while True:
        stripped = _PREFIX.sub("", key, count=1)
        if stripped == key or not stripped:
            return key
        key = stripped


@dataclass(frozen=True)
class Match:
    unit: Unit | None
    candidates: tuple[Unit, ...] = ()  # two or more: ambiguous
    suggestions: tuple[str, ...] = ()  # closest registry names when nothing matched


class UnitMatcher:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cache: dict[str, Match] = {}

    @cached_property
    def _by_key(self) -> dict[str, list[Unit]]:
        """Every folded name and alias -> its units. Made at the first match, not before:
        with workers, while the first files are being read (3,321 units: 40 ms)."""
        by_key: dict[str, list[Unit]] = {}
        for unit in self.registry.units:
            keys = {fold(unit.name), fold(unit.full_name), strip_prefixes(fold(unit.name))}
            keys.update(fold(a) for a in unit.aliases)
            keys.update(strip_prefixes(fold(a)) for a in unit.aliases)
            for key in keys:
                units = by_key.setdefault(key, [])
                if unit not in units:
                    units.append(unit)
        return by_key

    @cached_property
    def _choices(self) -> dict[str, str]:
        """The names to suggest from, likewise made when first asked."""
        return {u.code: fold(u.name) for u in self.registry.units}

    def match(self, text: str) -> Match:
        key = fold(text)
        if key not in self._cache:
            self._cache[key] = self._match(key)
        return self._cache[key]

    def _match(self, key: str) -> Match:
        for candidate in (key, strip_prefixes(key)):
            units = self._by_key.get(candidate)
            if units and len(units) == 1:
                return Match(units[0])
            if units:
                return Match(None, candidates=tuple(units))
        return Match(None, suggestions=self.suggest(strip_prefixes(key)))

    def suggest(self, key: str, limit: int = 3) -> tuple[str, ...]:
        from rapidfuzz import fuzz, process

        found = process.extract(
            key, self._choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60
        )
        return tuple(self.registry.by_code(code).full_name for _, _, code in found)
