"""Names as people write them -> registry units.

A name is looked up on three keys, from the most faithful to the loosest: as written
(case, NFC/NFD, "Ð", tone placement unified), then without tone marks, then without any
diacritic. A looser key is used only when the faithful ones found nothing, and decides
only when it names one unit: "Ba Tơ" is Xã Ba Tơ, "Ba To" is ambiguous between Ba Tô and
Ba Tơ. A text written with no diacritic at all is looked up on the loosest key alone.

Words in front of the name (Đảng bộ, Đảng ủy, Quận ủy, Q., Phường, TX...) are read, and
the type they state must be the unit's: "Quận Ba Đình" is no match for Phường Ba Đình.
Fuzzy matching (rapidfuzz) only suggests names for what is left, never decides.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from .catalogue import Registry, RegistryInfo, Unit, builtin_registries, load_registry
from .catalogue.registry import TYPE_WORDS
from .model import Period
from .text import faithful, fold, marks_agree, toneless

LEVELS = ("exact", "toneless", "loose")
LEVEL_LABELS = {
    "exact": ("đúng chính tả", "spelled as in the registry"),
    "toneless": ("khớp khi bỏ dấu thanh", "matched without tone marks"),
    "loose": ("khớp khi bỏ hết dấu", "matched without diacritics"),
}

# Words in front of a name -> the type they state (None: none), by their first word folded.
# A committee, or one of its bodies (its inspection commission, its organization board):
# "UBKT Quận ủy Ba Đình", "Ban Tổ chức Huyện ủy Đông Anh" name the unit after them.
_COMMITTEES = (
    "đảng bộ",
    "đảng ủy",
    "ban chấp hành đảng bộ",
    "bch đảng bộ",
    "ban thường vụ",
    "ủy ban kiểm tra",
    "ubkt",
    "ban tổ chức",
    "btc",
    # "ĐU P. Ngọc Hà", "ĐB phường Ngọc Hà": with their stroke only ("Du", "Db" may be a
    # name's first word)
    "đu",
    "đb",
)
_STROKED_ONLY = frozenset({(faithful("đu"),), (faithful("đb"),)})
_COMMITTEE_KEYS = (faithful("đảng ủy") + " ", faithful("đảng bộ") + " ")
# (faithful words, folded words, the type they state, whether they name a committee)
_Prefix = tuple[tuple[str, ...], tuple[str, ...], str | None, bool]


def _prefixes() -> dict[str, tuple[_Prefix, ...]]:
    written: list[tuple[str, str | None, bool]] = [
        *((faithful(c), None, True) for c in _COMMITTEES),
        ("ubnd", None, False),
        *((text, kind, text.endswith(faithful("ủy"))) for text, kind in TYPE_WORDS.items()),
    ]
    prefixes = [(tuple(t.split()), tuple(fold(t).split()), kind, c) for t, kind, c in written]
    prefixes.sort(key=lambda prefix: -len(prefix[0]))  # "thị xã" before "thị"... longest first
    by_first: dict[str, list[_Prefix]] = {}
    for prefix in prefixes:
        by_first.setdefault(prefix[1][0], []).append(prefix)
    return {first: tuple(found) for first, found in by_first.items()}


_PREFIXES = _prefixes()


@dataclass(frozen=True, slots=True)
class Reading:
    """A name as written, read: its words on each key, and where the name may start."""

    words: tuple[tuple[str, ...], ...]  # the words on each key (LEVELS)
    starts: tuple[tuple[int, str | None], ...]  # (first word of the name, the type stated)
    marked: bool  # written with diacritics

    def key(self, level: int, start: int) -> str:
        return " ".join(self.words[level][start:])

    def later(self) -> tuple[int, ...]:
        """Where a committee's words start again, after the name's first word: the unit
        of "ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG ỦY XÃ BA TƠ" written in one cell."""
        exact, _, loose = self.words
        return tuple(
            at
            for at in range(self.starts[-1][0] + 1, len(loose) - 1)
            if loose[at] in _PREFIXES and (prefix := _prefix_at(exact, loose, at)) and prefix[3]
        )


def _ends_within(info: RegistryInfo, period: Period) -> bool:
    """Whether a registry's validity ends within the period (after its first month)."""
    if info.valid_until is None:
        return False
    first = (period.quarter - 1) * 3 + 1 if period.quarter else 1  # months from January on
    return info.valid_until[:7] >= f"{period.year:04d}-{first:02d}"


def _without_said_new(text: str) -> str:
    """A name without the "(mới)" after it ("Phường Hoàn Kiếm (mới)"): the new unit of that
    name, as the registry in force names it (never "(cũ)": the old one is another unit);
    nor where it was before, another place's name with "cũ" ("Phường Tam Kỳ (Quảng Nam
    cũ)", "Xã Măng Đen (Kon Plông cũ)": the unit is named before it)."""
    composed = unicodedata.normalize("NFC", text)
    if _SAID_NEW.search(composed):
        return _SAID_NEW.sub("", composed) or text
    before = _FORMER_PLACE.search(composed)
    if before and fold(before.group(1)) not in fold(composed[: before.start()]):
        return composed[: before.start()] or text
    return text


_SAID_NEW = re.compile(r"\s*[(\[]\s*(?:mới|moi)\s*[)\]]\s*$", re.IGNORECASE)
_FORMER_PLACE = re.compile(r"\s*[(\[]\s*([^()\[\]]*?\w)\s+(?:cũ|cu)\s*[)\]]\s*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def _word(word: str) -> tuple[str, str, str]:
    """A faithful word on each key; a number without its leading zeros ("Phường 01")."""
    if word.isdigit():
        word = word.lstrip("0") or "0"
    return word, toneless(word), fold(word)


def _prefix_at(exact: tuple[str, ...], loose: tuple[str, ...], at: int) -> _Prefix | None:
    """The prefix written at a word, each of its words as spelled or with no diacritic
    ("Quận", "QUAN"; not "Quân": Xã Quân Chu is a name)."""
    for prefix in _PREFIXES.get(loose[at], ()):
        end = at + len(prefix[0])
        if end < len(exact) and (
            exact[at:end] == prefix[0]
            or (
                prefix[0] not in _STROKED_ONLY
                and loose[at:end] == prefix[1]
                and all(
                    w in (p, f)
                    for w, f, p in zip(exact[at:end], loose[at:end], prefix[0], strict=True)
                )
            )
        ):
            return prefix
    return None


@lru_cache(maxsize=1 << 13)
def _levels(text: str) -> tuple[tuple[str, ...], ...]:
    """A text's words on each key (LEVELS)."""
    words = faithful(text).split()
    return tuple(zip(*map(_word, words), strict=True)) if words else ((), (), ())


@lru_cache(maxsize=1 << 13)
def read_name(text: str) -> Reading:
    exact, _, loose = levels = _levels(text)
    if not exact:
        return Reading(levels, ((0, None),), False)
    starts: list[tuple[int, str | None]] = [(0, None)]
    position, stated = 0, None
    while (prefix := _prefix_at(exact, loose, position)) is not None:
        position, stated = position + len(prefix[0]), prefix[2] or stated
        starts.append((position, stated))
    return Reading(levels, tuple(starts), exact != loose)


class Match(NamedTuple):
    unit: Unit | None
    candidates: tuple[Unit, ...] = ()  # two or more: ambiguous
    suggestions: tuple[str, ...] = ()  # closest registry names when nothing matched
    level: str | None = None  # the key that found the unit or candidates (LEVELS)
    stated_type: str | None = None  # the type the text states, if any
    other_type: tuple[Unit, ...] = ()  # units of that name whose type is not the stated one
    # the unit a looser key found, not taken: another province's registry spells the name
    # exactly as written ("Phường Vinh Hưng" is Nghệ An's; Hanoi has Phường Vĩnh Hưng)
    spelled_elsewhere: Unit | None = None


class UnitMatcher:
    def __init__(self, registry: Registry, *, elsewhere: bool = True) -> None:
        """`elsewhere`: a name found only with marks left out is first looked for, as
        written, in the other built-in registries."""
        self.registry = registry
        self.elsewhere = elsewhere
        self._cache: dict[str, Match] = {}
        self._indexes: list[dict[str, list[Unit]] | None] = [None, None, None]

    def _index(self, level: int) -> dict[str, list[Unit]]:
        """Every name, full name and alias on one key -> its units. Made when that key is
        first needed (with workers, while the first files are being read); the looser keys
        only for names the faithful one did not find."""
        index = self._indexes[level]
        if index is not None:
            return index
        index = self._indexes[level] = {}

        def add(key: str, unit: Unit) -> None:
            units = index.setdefault(key, [])
            if unit not in units:
                units.append(unit)

        for unit in self.registry.units:
            name = " ".join(_levels(unit.name)[level])
            add(name, unit)
            if unit.full_name != unit.name:  # the full name: "phường" + " " + "ba đình"
                add(f"{' '.join(_levels(unit.type)[level])} {name}", unit)
            for alias in unit.aliases:
                reading = read_name(alias)
                add(reading.key(level, 0), unit)
                add(reading.key(level, reading.starts[-1][0]), unit)
        return index

    @cached_property
    def _choices(self) -> dict[str, str]:
        """The names to suggest from, likewise made when first asked."""
        return {u.code: fold(u.name) for u in self.registry.units}

    def match(self, text: str, suggest: bool = True) -> Match:
        """The unit a name is, the units it could be, or (`suggest`) the closest names."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._match(_without_said_new(text))
        nothing = found.unit is None and not found.candidates and not found.other_type
        if suggest and nothing and not found.suggestions:
            reading = read_name(_without_said_new(text))
            key = reading.key(2, reading.starts[-1][0])
            found = self._cache[text] = found._replace(suggestions=self.suggest(key))
        return found

    def _match(self, text: str) -> Match:
        # The commonest cases first, as the lookup below would find them: a name or full
        # name as spelled in the registry, or one after "Đảng ủy" / "Đảng bộ" (written
        # with diacritics: one written with none is looked up on the loosest key alone).
        key, exact = faithful(text), self._index(0)
        starts = (
            () if key.isascii() else (0, *(len(c) for c in _COMMITTEE_KEYS if key.startswith(c)))
        )
        for start in starts:
            units = exact.get(key[start:])
            if units is not None:
                if len(units) == 1:
                    return Match(units[0], level="exact")
                break
        reading = read_name(text)
        found = self._lookup(reading)
        if (
            found.unit is not None
            and found.level != "exact"
            and reading.marked
            and self.elsewhere
            and _spelled_exactly_elsewhere(text, self.registry.name)
        ):
            return Match(None, stated_type=found.stated_type, spelled_elsewhere=found.unit)
        if (
            found.unit is None
            and not found.candidates
            and not found.other_type
            and reading.starts[-1][1] is not None
        ):
            # "ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG ỦY XÃ BA TƠ" in one cell: the unit after the province
            # (a territory first); never after an agency's words ("Đảng bộ Cơ quan Quận ủy Ba
            # Đình", "Văn phòng Quận ủy Ba Đình" are no district)
            for start in reading.later():
                later = self._lookup(read_name(reading.key(0, start)))
                if later.unit is not None or later.candidates or later.other_type:
                    return later
        return found

    def _lookup(self, reading: Reading) -> Match:
        mismatched: list[Unit] = []
        mismatched_level = 0
        stated_type = reading.starts[-1][1]
        for level in (0, 1, 2) if reading.marked else (2,):
            index = self._index(level)
            for start, stated in reading.starts:
                units = index.get(reading.key(level, start))
                if units and level:  # a looser key: the marks written are the unit's, no other
                    units = [u for u in units if _spelled_as(u, reading.words[0][start:])]
                if not units:
                    continue
                fitting = [u for u in units if stated is None or u.type == stated]
                if len(fitting) == 1:
                    return Match(fitting[0], level=LEVELS[level], stated_type=stated)
                if fitting:
                    return Match(
                        None, candidates=tuple(fitting), level=LEVELS[level], stated_type=stated
                    )
                if not mismatched or mismatched_level == level:  # the most faithful key's
                    mismatched_level = level
                    mismatched += [u for u in units if u not in mismatched]
            if level == 0 and mismatched:
                # spelled exactly as a unit of another type ("XÃ ĐÔNG TIẾN" for Phường Đông
                # Tiến): that unit's name, never another one's with the marks left out
                # (Xã Đồng Tiến); the type written contradicts it
                break
        return Match(None, stated_type=stated_type, other_type=tuple(mismatched))

    def marked_otherwise(self, text: str) -> tuple[Unit, ...]:
        """The units a name written with diacritics would be without them, whose own marks
        it contradicts ("Tân Lập" for Xã Tân Lắp): never matched, named in the message."""
        reading = read_name(text)
        if not reading.marked:
            return ()
        index = self._index(2)
        found = {
            unit.code: unit
            for start, _ in reading.starts
            for unit in index.get(reading.key(2, start), ())
            if not _spelled_as(unit, reading.words[0][start:])
        }
        return tuple(found.values())

    def suggest(self, key: str, limit: int = 3) -> tuple[str, ...]:
        from rapidfuzz import fuzz, process

        found = process.extract(
            key, self._choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60
        )
        return tuple(self.registry.by_code(code).full_name for _, _, code in found)


def _spelled_as(unit: Unit, words: tuple[str, ...]) -> bool:
    """Whether a name found on a looser key is one of the unit's spellings with marks left
    out, never others: "Son Dong", "Sơn Đong" are Xã Sơn Đồng; "Sơn Động" (Bắc Ninh's) is not."""
    for spelling in _spellings(unit):
        tail = words[len(words) - len(spelling) :] if len(spelling) <= len(words) else None
        if tail is not None and marks_agree(" ".join(tail), " ".join(spelling)):
            return True
    return False


@lru_cache(maxsize=1 << 12)
def _spellings(unit: Unit) -> tuple[tuple[str, ...], ...]:
    """A unit's name, full name and aliases as faithful words: what a name found on a
    looser key was matched against (the name after a type word, or with it)."""
    names = [unit.name, unit.full_name, *unit.aliases]
    for alias in unit.aliases:
        reading = read_name(alias)
        names.append(reading.key(0, reading.starts[-1][0]))
    return tuple(dict.fromkeys(tuple(faithful(n).split()) for n in names))


@cache
def _everywhere() -> tuple[UnitMatcher, dict[str, RegistryInfo]]:
    """One matcher over every built-in registry's units (their codes are unique across
    them), and each code's registry: one lookup says where else a name is."""
    where: dict[str, RegistryInfo] = {}
    units: list[Unit] = []
    for info in builtin_registries():
        for unit in load_registry(info.name).units:
            where[unit.code] = info
            units.append(unit)
    return UnitMatcher(Registry("built-in", tuple(units)), elsewhere=False), where


def _spelled_exactly_elsewhere(text: str, registry: str) -> bool:
    """Whether a built-in registry other than `registry` spells the name as written."""
    exact = _everywhere()[0].match(text, suggest=False).level == "exact"
    return exact and bool(found_elsewhere(text, registry))


def found_elsewhere(text: str, registry: str) -> tuple[tuple[RegistryInfo, Unit], ...]:
    """The built-in registries other than `registry` (and what it extends) where the text
    names a unit: to say which registry and period would have it."""
    matcher, where = _everywhere()
    match = matcher.match(text, suggest=False)
    base = registry.split("+")[0]
    return tuple(
        (where[unit.code], unit)
        for unit in ((match.unit,) if match.unit else match.candidates)
        if where[unit.code].name != base
    )


def unknown_message(
    text: str, matcher: UnitMatcher, period: Period | None = None
) -> tuple[str, str]:
    """(Vietnamese, English): why a name is no unit of the registry, and where it is (a
    registry in force for `period`, when known: a 2023 report is never told of 2025's
    communes); the closest names (rapidfuzz, the slow part) only if no other registry has
    it."""
    registry = matcher.registry.name
    match = matcher.match(text, suggest=False)
    vi = [f"'{text}' không có trong danh mục {registry}"]
    en = [f"'{text}' is not in registry {registry}"]
    if match.other_type and match.stated_type:
        vi += [
            f"{u.full_name} ({u.code}) là {u.type or 'đơn vị'}, không phải {match.stated_type}"
            for u in match.other_type
        ]
        en += [
            f"{u.full_name} ({u.code}) is a {u.type or 'unit'}, not a {match.stated_type}"
            for u in match.other_type
        ]
    if match.spelled_elsewhere is not None:
        unit = match.spelled_elsewhere
        vi.append(
            f"{unit.full_name} ({unit.code}) của danh mục này có tên ấy viết đủ dấu: nếu là"
            " đơn vị này, viết tên đủ dấu"
        )
        en.append(
            f"this registry's {unit.full_name} ({unit.code}) is that name with more marks:"
            " if it is that unit, write its name in full"
        )
    for unit in matcher.marked_otherwise(text):
        vi.append(
            f"{unit.full_name} ({unit.code}) của danh mục này viết khác dấu: nếu là đơn vị"
            " này, sửa tên cho đúng chính tả"
        )
        en.append(
            f"this registry's {unit.full_name} ({unit.code}) has other diacritics: if it is"
            " that unit, correct its spelling"
        )
    elsewhere = found_elsewhere(text, registry)
    if period is not None:
        # a registry that ended within the period ("Quận Đống Đa" in a 9-month report of
        # 2025): the unit was one until then, not to the period's end; never to be chosen
        ended = [(i, u) for i, u in elsewhere if not i.covers(period) and _ends_within(i, period)]
        elsewhere = tuple((info, unit) for info, unit in elsewhere if info.covers(period))
        for info, unit in ended[:2]:
            vi.append(
                f"{unit.full_name} là đơn vị của danh mục {info.name} ({info.describe('vi')}),"
                " không còn đến cuối kỳ báo cáo này"
            )
            en.append(
                f"{unit.full_name} is a unit of registry {info.name} ({info.describe('en')}),"
                " no longer one at the end of this period"
            )
    if elsewhere:
        shown = elsewhere[:3]
        more_vi = f" và {len(elsewhere) - 3} đơn vị khác" if len(elsewhere) > 3 else ""
        more_en = f" and {len(elsewhere) - 3} more" if len(elsewhere) > 3 else ""
        vi.append(
            "có "
            + ", ".join(
                f"{u.full_name} trong danh mục {i.name} ({i.describe('vi')})" for i, u in shown
            )
            + more_vi
            + ": chọn danh mục bằng --registry, --period hoặc registry = trong ctr-stats.toml"
        )
        en.append(
            "there is "
            + ", ".join(
                f"{u.full_name} in registry {i.name} ({i.describe('en')})" for i, u in shown
            )
            + more_en
            + ": choose the registry with --registry, --period or registry = in ctr-stats.toml"
        )
    elif not match.other_type and (suggestions := matcher.match(text).suggestions):
        vi.append(f"có phải: {', '.join(suggestions)}?")
        en.append(f"did you mean: {', '.join(suggestions)}?")
    return "; ".join(vi), "; ".join(en)


def ambiguous_message(text: str, match: Match) -> tuple[str, str]:
    """(Vietnamese, English): the units a name could be, and how to tell them apart."""
    names = ", ".join(f"{u.full_name} ({u.code})" for u in match.candidates)
    vi, en = f"'{text}' khớp với nhiều đơn vị: {names}", f"'{text}' matches several units: {names}"
    if match.level != "exact":
        vi += "; viết tên đủ dấu để phân biệt"
        en += "; write the name with its diacritics to tell them apart"
    elif len({u.type for u in match.candidates}) > 1:
        vi += "; ghi rõ loại đơn vị (phường, xã...) để phân biệt"
        en += "; state the unit's type (phường, xã...) to tell them apart"
    return vi, en
