"""The indicator catalogue and the unit registries: data files, read once, looked up by key."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from ..errors import CatalogueError
from ..model import MEASURES, Measure
from ..text import fold
from .meaning import NOTHING, Described, Lexicon, Meaning, load_lexicon
from .registry import (
    Registry,
    RegistryInfo,
    Unit,
    builtin_registries,
    extend_registry,
    load_registry,
    load_registry_file,
    province_names,
    province_registry,
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
    "province_registry",
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
    aliases: tuple[str, ...]  # wordings reports and forms use: examples, read by meaning
    described: Described
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


@dataclass(frozen=True, slots=True)
class Recognised:
    """What a label names: one indicator, or two or more equally (`candidates`: never
    guessed between), or none; `near` is the indicator it would name without the words not
    understood, for the finding's message."""

    indicator: str | None
    candidates: tuple[str, ...] = ()
    near: str | None = None
    meaning: Meaning = NOTHING


@dataclass(frozen=True)
class Catalogue:
    sheet_kinds: dict[str, SheetKind]
    indicators: dict[str, Indicator]
    rules: tuple[Rule, ...]
    words: dict[str, Any]
    lexicon: Lexicon
    measure_words: dict[str, Measure]  # folded word -> measure
    derived_words: dict[str, str]  # folded word -> derived column kind

    def indicator_for(self, label: str, context: Meaning = NOTHING) -> str | None:
        """The indicator a label (already without the measure) names, or None."""
        return self.recognise(self.lexicon.read(label).within(context)).indicator

    def recognise(self, meaning: Meaning) -> Recognised:
        """The indicator a meaning names: every concept of its description, nothing else."""
        return _recognise(self, meaning)

    def measure_for(self, word: str) -> Measure | None:
        return self.measure_words.get(fold(word))

    def derived_for(self, word: str) -> str | None:
        return self.derived_words.get(fold(word))

    def word_keys(self, group: str, name: str) -> frozenset[str]:
        return _folded(tuple(self.words[group][name]))

    def in_kind(self, sheet_kind: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.sheet_kind == sheet_kind]

    def parts_of(self, whole: str) -> frozenset[str]:
        """The indicators the rules make parts of `whole`, and their parts in turn."""
        return _parts_of(self, whole)

    def counts_event(self, event: str | None) -> bool:
        """Whether some indicator counts this event (kết nạp, kiểm tra, kỷ luật…; not
        khen thưởng, chuyển đi)."""
        return event is not None and event in _events(self)


def _parts_of(catalogue: Catalogue, whole: str) -> frozenset[str]:
    known = _PARTS.setdefault(id(catalogue), {})
    if whole not in known:
        direct = {p for rule in catalogue.rules if rule.whole == whole for p in rule.parts}
        found = set(direct)
        for part in direct - {whole}:
            found |= _parts_of(catalogue, part)
        known[whole] = frozenset(found)
    return known[whole]


_PARTS: dict[int, dict[str, frozenset[str]]] = {}
_EVENTS: dict[int, frozenset[str]] = {}


def _events(catalogue: Catalogue) -> frozenset[str]:
    events = _EVENTS.get(id(catalogue))
    if events is None:
        events = frozenset(
            i.described.event for i in catalogue.indicators.values() if i.described.event
        )
        _EVENTS[id(catalogue)] = events
    return events


@cache
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


_RECOGNISED: dict[tuple[int, Meaning], Recognised] = {}


def _recognise(catalogue: Catalogue, meaning: Meaning) -> Recognised:
    key = (id(catalogue), meaning)
    known = _RECOGNISED.get(key)
    if known is not None:
        return known
    fitting = [i for i in catalogue.indicators.values() if i.described.fits(meaning)]
    if fitting:
        best = max(i.described.specificity(meaning) for i in fitting)
        fitting = [i for i in fitting if i.described.specificity(meaning) == best]
    if len(fitting) == 1:
        found = Recognised(fitting[0].id, meaning=meaning)
    elif fitting:
        found = Recognised(None, tuple(i.id for i in fitting), meaning=meaning)
    else:
        near = None
        if meaning.residue:  # what it would be without the words not understood
            plain = Meaning(
                meaning.thing, meaning.event, meaning.actor, meaning.qualifiers, (), meaning.mixed
            )
            near = _recognise(catalogue, plain).indicator
        found = Recognised(None, near=near, meaning=meaning)
    if len(_RECOGNISED) > 50_000:
        _RECOGNISED.clear()
    _RECOGNISED[key] = found
    return found


def _described(entry: dict[str, Any], lexicon: Lexicon) -> Described:
    """An indicator's `meaning` and `implied` from indicators.toml, every concept checked
    against the lexicon."""
    meaning = entry.get("meaning")
    if not isinstance(meaning, dict) or "thing" not in meaning:
        raise CatalogueError(f"indicator {entry.get('id')}: needs meaning = {{ thing = … }}")
    for dimension in ("thing", "event", "actor"):
        name = meaning.get(dimension)
        if name is not None and name not in lexicon.concepts[dimension]:
            raise CatalogueError(
                f"indicator {entry['id']}: {dimension} '{name}' not in meaning.toml"
            )
    qualifiers = frozenset(meaning.get("qualifiers", ()))
    implied = frozenset(entry.get("implied", ()))
    optional = frozenset(entry.get("optional", ()))
    unknown = (qualifiers | optional | (implied - {"thing", "event"})) - lexicon.concepts[
        "qualifier"
    ]
    if unknown:
        raise CatalogueError(f"indicator {entry['id']}: unknown qualifiers {sorted(unknown)}")
    return Described(
        meaning["thing"],
        meaning.get("event"),
        meaning.get("actor"),
        qualifiers,
        implied,
        optional,
        needs_actor=bool(entry.get("needs_actor", False)),
    )


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
        lexicon = load_lexicon()
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
                described=_described(entry, lexicon),
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
        lexicon=lexicon,
        measure_words=cast(dict[str, Measure], _word_table(words["measures"])),
        derived_words=_word_table(words["derived"]),
    )
