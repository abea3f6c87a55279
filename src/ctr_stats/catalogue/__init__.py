"""The indicator catalogue and the unit registries: data files, read once, looked up by key."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from ..errors import CatalogueError
from ..model import MEASURES, Measure
from ..text import fold, strip_numbering
from .registry import (
    Registry,
    RegistryInfo,
    Unit,
    builtin_registries,
    extend_registry,
    load_registry,
    load_registry_file,
    province_names,
    registry_for,
    registry_info,
    resolve_name,
)

__all__ = [
    "Catalogue",
    "Indicator",
    "Registry",
    "RegistryInfo",
    "Rule",
    "SheetKind",
    "Unit",
    "builtin_registries",
    "extend_registry",
    "load_catalogue",
    "load_registry",
    "load_registry_file",
    "province_names",
    "registry_for",
    "registry_info",
    "resolve_name",
]


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    sheet_kind: str
    label_vi: str
    label_en: str
    measures: tuple[Measure, ...]
    aliases: tuple[str, ...]
    stock: bool = False

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True, slots=True)
class SheetKind:
    id: str
    label_vi: str
    label_en: str
    unit_vi: str
    unit_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi


@dataclass(frozen=True, slots=True)
class Rule:
    """part_of: part <= whole; sum_of: sum(parts) == whole."""

    kind: str
    parts: tuple[str, ...]
    whole: str
    part_measure: Measure = "actual"
    whole_measure: Measure = "actual"


@dataclass(frozen=True)
class Catalogue:
    sheet_kinds: dict[str, SheetKind]
    indicators: dict[str, Indicator]
    rules: tuple[Rule, ...]
    words: dict[str, Any]
    by_alias: dict[str, str]  # folded alias -> indicator id
    measure_words: dict[str, Measure]  # folded word -> measure
    derived_words: dict[str, str]  # folded word -> derived column kind

    def indicator_for(self, label: str) -> str | None:
        """The indicator a header label (already without the measure) names, or None."""
        return self.by_alias.get(fold(strip_numbering(label)))

    def measure_for(self, word: str) -> Measure | None:
        return self.measure_words.get(fold(word))

    def derived_for(self, word: str) -> str | None:
        return self.derived_words.get(fold(word))

    def word_keys(self, group: str, name: str) -> frozenset[str]:
        return _folded(tuple(self.words[group][name]))

    def in_kind(self, sheet_kind: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.sheet_kind == sheet_kind]


@cache
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _alias_table(indicators: dict[str, Indicator]) -> dict[str, str]:
    by_alias: dict[str, str] = {}
    for indicator in indicators.values():
        for alias in (indicator.label_vi, *indicator.aliases):
            other = by_alias.setdefault(fold(strip_numbering(alias)), indicator.id)
            if other != indicator.id:
                raise CatalogueError(f"alias '{alias}' names both {other} and {indicator.id}")
    return by_alias


def _word_table(groups: dict[str, list[str]]) -> dict[str, str]:
    return {fold(word): group for group, words in groups.items() for word in words}


def _read_toml(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{name}: {exc}") from exc


@cache
def load_catalogue() -> Catalogue:
    data = _read_toml("indicators.toml")
    try:
        kinds = {
            key: SheetKind(key, v["label_vi"], v["label_en"], v["unit_vi"], v["unit_en"])
            for key, v in data["sheet_kinds"].items()
        }
        indicators: dict[str, Indicator] = {}
        for entry in data["indicators"]:
            measures = tuple(entry["measures"])
            if not set(measures) <= set(MEASURES) or entry["sheet_kind"] not in kinds:
                raise CatalogueError(f"indicator {entry['id']}: bad measures or sheet kind")
            indicators[entry["id"]] = Indicator(
                id=entry["id"],
                sheet_kind=entry["sheet_kind"],
                label_vi=entry["label_vi"],
                label_en=entry["label_en"],
                measures=cast(tuple[Measure, ...], measures),
                aliases=tuple(entry.get("aliases", ())),
                stock=bool(entry.get("stock", False)),
            )
        rules = tuple(
            Rule(
                kind=r["kind"],
                parts=tuple(r["parts"]) if "parts" in r else (r["part"],),
                whole=r["whole"],
                part_measure=r.get("part_measure", "actual"),
                whole_measure=r.get("whole_measure", "actual"),
            )
            for r in data.get("rules", ())
        )
    except KeyError as exc:
        raise CatalogueError(f"indicators.toml: missing key {exc}") from exc
    for rule in rules:
        for ref in (*rule.parts, rule.whole):
            if ref not in indicators:
                raise CatalogueError(f"indicators.toml: rule names unknown indicator {ref}")
    words = _read_toml("words.toml")
    if not set(words["measures"]) <= set(MEASURES):
        raise CatalogueError("words.toml: [measures] may only name plan, actual, prior")
    return Catalogue(
        sheet_kinds=kinds,
        indicators=indicators,
        rules=rules,
        words=words,
        by_alias=_alias_table(indicators),
        measure_words=cast(dict[str, Measure], _word_table(words["measures"])),
        derived_words=_word_table(words["derived"]),
    )
