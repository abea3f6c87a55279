"""Labels to meaning: what a form's row or column label says is counted.

A label is read into concepts on four dimensions (the thing counted, the event, the actor,
qualifiers) with the lexicon of meaning.toml, longest phrase first, in any order. A heading
path ("B - Đảng viên tăng trong kỳ" › "1. Kết nạp") is read level by level, a lower level
replacing what a higher one said on the same dimension; the sheet's title fills what the
labels leave unsaid. An indicator matches when the meaning carries every concept it is
described by and nothing else; words no concept explains ("công nhân" under a heading the
lexicon knows, "18 - 30 tuổi") keep a label from naming any indicator, so a breakdown row is
never read as its whole.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ..errors import CatalogueError
from ..text import faithful, fold, marks_agree, strip_numbering

DIMENSIONS = ("thing", "event", "actor", "qualifier")


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a label (or a heading path, or a title) says. A dimension named twice with two
    different concepts ("tổ chức đảng và đảng viên") is `mixed`: it names no one indicator."""

    thing: str | None = None
    event: str | None = None
    actor: str | None = None
    qualifiers: frozenset[str] = frozenset()
    residue: tuple[str, ...] = ()  # words no concept explains
    mixed: frozenset[str] = frozenset()  # dimensions with two concepts
    # the actor the title names, where the label names none: it tells two indicators apart
    # by their actors ("… theo Điều 30 Điều lệ Đảng" is the committees'), and says nothing
    # of an indicator described with no actor (members disciplined, by whoever)
    title_actor: str | None = None
    # the things a heading lists, one beside the other ("Tổ chức đảng và đảng viên"): a
    # row under it naming a kind of one of them counts that kind
    listed: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.thing or self.event or self.actor or self.qualifiers or self.mixed)

    def under(self, parent: Meaning, part_of_thing: bool = True) -> Meaning:
        """This level read below a heading: what it says wins, the rest comes from above.
        `part_of_thing` False: this level counts a thing that is no kind of the heading's
        (committees that admitted members, under the committees): it names nothing."""
        if not part_of_thing:
            return replace(self.under(parent), thing=None, mixed=self.mixed | {"thing"})
        return Meaning(
            thing=self.thing or (None if "thing" in self.mixed else parent.thing),
            event=self.event or (None if "event" in self.mixed else parent.event),
            actor=self.actor or (None if "actor" in self.mixed else parent.actor),
            qualifiers=self.qualifiers | (parent.qualifiers - _OF_ITS_OWN_ROW),
            # words not understood above ("18 - 30 tuổi", "Một số nội dung liên quan") keep
            # what this level takes from them from naming anything; a level that names its
            # own thing takes no words from above
            residue=self.residue + (parent.residue if self.thing is None else ()),
            mixed=self.mixed | {d for d in parent.mixed if not getattr(self, d, None)},
            listed=self.listed,
        )

    def within(self, context: Meaning, stock: bool = True) -> Meaning:
        """The labels' meaning with the title's filling the dimensions they leave unsaid
        (an admission form's "Sinh viên" column). The title's words not understood and its
        mixed dimensions ("KIỂM TRA, GIÁM SÁT") say nothing of one column; nor does its
        event or actor of a label that counts another thing ("Số TCCSĐ có đến cuối kỳ" on
        an admission form is a count of organizations, admitting nothing)."""
        # a label that names only a thing ("Tổng số đảng viên") counts what exists: the
        # title's event ("kết nạp") is for labels that leave the thing unsaid or qualify it
        # (`stock` False: a row of a table whose columns split what the title names,
        # "Đảng viên" › "Tổng số | Trong đó › Khiển trách", counts what the title does)
        bare = stock and bool(self.thing) and not (self.qualifiers or self.actor or self.event)
        other = bare or bool(self.thing and context.thing and self.thing != context.thing)
        return Meaning(
            thing=self.thing or (None if "thing" in self.mixed else context.thing),
            event=self.event or (None if "event" in self.mixed or other else context.event),
            actor=self.actor,
            qualifiers=self.qualifiers | context.qualifiers,
            residue=self.residue,
            mixed=self.mixed,
            title_actor=None if self.actor or "actor" in self.mixed or other else context.actor,
            listed=self.listed,
        )

    def describe(self) -> str:
        parts = [p for p in (self.actor, self.event, self.thing) if p]
        parts += sorted(self.qualifiers)
        return ", ".join(parts) or "-"


NOTHING = Meaning()

# qualifiers that say something of their own row only: "Chia theo nghề nghiệp:" says a
# breakdown follows, its items ("6. Sinh viên") are no breakdown of a breakdown
_OF_ITS_OWN_ROW = frozenset({"chia theo"})


@dataclass(frozen=True, slots=True)
class Described:
    """An indicator's meaning, as indicators.toml gives it. `implied` concepts may be left
    unsaid by a label (the form implies them) but must not be contradicted."""

    thing: str
    event: str | None
    actor: str | None
    qualifiers: frozenset[str]
    implied: frozenset[str] = frozenset()  # dimension names or qualifiers a label may omit
    optional: frozenset[str] = frozenset()  # qualifiers a label may add, naming it no better
    needs_actor: bool = False  # its actor said by the label, its headings or the title

    def fits(self, meaning: Meaning) -> bool:
        """Whether the meaning names this indicator: every concept, nothing else."""
        if meaning.residue or meaning.mixed:
            return False
        said = meaning.qualifiers - self.optional
        if not (meaning.thing or meaning.event or meaning.actor):
            # a bare qualifier with nothing around it ("Sinh viên" heading a column of a
            # sheet with no title): the indicator it alone is a part of, if only one is
            missing = self.qualifiers - said
            return bool(said) and said <= self.qualifiers and missing <= self.implied
        if meaning.thing != self.thing and not (meaning.thing is None and "thing" in self.implied):
            return False
        if meaning.event != self.event and not (meaning.event is None and "event" in self.implied):
            return False
        if meaning.actor is not None and self.actor is not None and meaning.actor != self.actor:
            return False
        if meaning.actor is not None and self.actor is None:
            return False
        if meaning.title_actor and self.actor and meaning.title_actor != self.actor:
            return False
        if self.needs_actor and meaning.actor is None and meaning.title_actor is None:
            return False
        missing = self.qualifiers - said
        return said <= self.qualifiers and missing <= self.implied

    def specificity(self, meaning: Meaning) -> int:
        """How much of the description the meaning states: a tie between two indicators is
        an ambiguity, never a guess."""
        said = sum(1 for d in (meaning.thing, meaning.event, meaning.actor) if d)
        told = meaning.title_actor is not None and meaning.title_actor == self.actor
        return said + told + len(meaning.qualifiers & self.qualifiers)


@dataclass(frozen=True, eq=False)  # compared by identity: one lexicon a catalogue
class Lexicon:
    phrases: Mapping[tuple[str, ...], tuple[str, str]]  # folded words -> (dimension, concept)
    filler: frozenset[tuple[str, ...]]
    longest: int
    concepts: Mapping[str, frozenset[str]] = field(default_factory=dict)  # dimension -> names
    kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)  # thing -> its wholes
    abbreviations: Mapping[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # folded words -> the phrases' words with their marks ("kém" of "yếu kém"): a label's
    # word matches a phrase's only if it has no mark the phrase's has not ("kèm theo" in a
    # title is no "kém", "phương hướng" no "phường")
    spellings: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def read(self, text: str) -> Meaning:
        return _read(self, text)

    def is_part(self, thing: str | None, whole: str | None) -> bool:
        """Whether a part listed under a whole counting `whole` may count `thing`: the same
        thing, a kind of it, or a part that names no thing of its own."""
        return (
            thing is None
            or whole is None
            or thing == whole
            or whole in self.kinds.get(thing, frozenset())
        )

    def under(self, level: Meaning, above: Meaning) -> Meaning:
        """A level of a header path or a criterion read under the ones above it. A level
        counting a thing of its own under a heading of two things ("Số đơn vị cơ sở đã có
        TCCSĐ") is no part of it that can be told."""
        if level.thing and "thing" in above.mixed:
            # a heading listing things is a topic ("I - Tổ chức đảng và đảng viên"): the
            # rows under it count what they name; one of units having a thing ("Số đơn vị
            # cơ sở đã có TCCSĐ"): its kinds, one each
            part = len(above.listed) > 1 or any(
                self.is_part(level.thing, listed) for listed in above.listed
            )
        else:
            part = self.is_part(level.thing, above.thing)
        return level.under(above, part)


def load_lexicon() -> Lexicon:
    text = resources.files(__package__).joinpath("meaning.toml").read_text(encoding="utf-8")
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"meaning.toml: {exc}") from exc
    abbreviations = {
        tuple(fold(short).split()): tuple(fold(full).split())
        for short, full in data.get("abbreviations", {}).items()
    }
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    concepts: dict[str, frozenset[str]] = {}
    spellings: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}

    def spelled(key: tuple[str, ...], phrase: str) -> None:
        _, marked = _written_out_both(abbreviations, fold(phrase).split(), faithful(phrase).split())
        if marked not in spellings.get(key, ()):
            spellings[key] = (*spellings.get(key, ()), marked)

    for dimension in DIMENSIONS:
        names = data.get(dimension, {})
        concepts[dimension] = frozenset(names)
        for name, synonyms in names.items():
            for phrase in (name, *synonyms):
                key = _written_out(abbreviations, fold(phrase).split())
                other = phrases.setdefault(key, (dimension, name))
                if other != (dimension, name):
                    raise CatalogueError(
                        f"meaning.toml: '{phrase}' names both {other[1]} and {name}"
                    )
                spelled(key, phrase)
    filler: set[tuple[str, ...]] = set()
    for phrase in data.get("filler", {}).get("words", ()):
        key = _written_out(abbreviations, fold(phrase).split())
        filler.add(key)
        spelled(key, phrase)
    longest = max(len(k) for k in (*phrases, *filler))
    kinds = {thing: frozenset(wholes) for thing, wholes in data.get("kinds", {}).items()}
    unknown = (set(kinds) | {w for ws in kinds.values() for w in ws}) - concepts["thing"]
    if unknown:
        raise CatalogueError(f"meaning.toml: [kinds] names unknown things {sorted(unknown)}")
    return Lexicon(phrases, frozenset(filler), longest, concepts, kinds, abbreviations, spellings)


def _written_out(
    abbreviations: Mapping[tuple[str, ...], tuple[str, ...]], words: list[str]
) -> tuple[str, ...]:
    """The words with each abbreviation written out (the longest first: "ct xh")."""
    return _written_out_both(abbreviations, words, words)[0]


def _written_out_both(
    abbreviations: Mapping[tuple[str, ...], tuple[str, ...]],
    words: list[str],
    marked: list[str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded words with each abbreviation written out (the longest first: "ct xh"),
    and the same words with their marks, an abbreviation's full wording without any (it
    forgives every mark). `marked` not word for word with `words` is taken as unmarked."""
    if len(marked) != len(words):
        marked = words
    if not abbreviations:
        return tuple(words), tuple(marked)
    out: list[str] = []
    out_marked: list[str] = []
    at = 0
    sizes = range(max(map(len, abbreviations)), 0, -1)
    while at < len(words):
        for size in sizes:
            full = abbreviations.get(tuple(words[at : at + size]))
            if full is not None:
                out.extend(full)
                out_marked.extend(full)
                at += size
                break
        else:
            out.append(words[at])
            out_marked.append(marked[at])
            at += 1
    return tuple(out), tuple(out_marked)


@lru_cache(maxsize=1 << 14)  # labels repeat in every unit's copy of a form
def _read(lexicon: Lexicon, text: str) -> Meaning:
    label = strip_numbering(text)
    folded, marked = _written_out_both(
        lexicon.abbreviations, fold(label).split(), faithful(label).split()
    )
    words = list(folded)
    found: dict[str, list[str]] = {d: [] for d in DIMENSIONS}
    residue: list[str] = []
    pieces = _cover(lexicon, words, marked)
    for start, end, concept in pieces:
        if concept is None:
            residue.extend(words[start:end])
        elif concept[1] not in found[concept[0]]:
            found[concept[0]].append(concept[1])
    mixed = frozenset(d for d in ("thing", "event", "actor") if len(found[d]) > 1)
    listed = _listed(words, pieces) if "thing" in mixed else None
    return Meaning(
        thing=_one(found["thing"]),
        event=_one(found["event"]),
        actor=_one(found["actor"]),
        qualifiers=frozenset(found["qualifier"]),
        residue=tuple(residue),
        mixed=mixed,
        listed=listed or frozenset(),
    )


def _listed(words: list[str], pieces: list[Piece]) -> frozenset[str] | None:
    """The things of a label naming two: each, where they stand one beside the other with
    nothing but "và" or "hoặc" between them ("Tổ chức đảng và đảng viên"); the one had,
    where the first has the second ("Số đơn vị cơ sở đã có TCCSĐ": units, one organization
    each); None where one is said of the other otherwise."""
    things = [(s, e, c[1]) for s, e, c in pieces if c and c[0] == "thing"]
    between = [set(words[end:start]) for (_, end, _), (start, _, _) in pairwise(things)]
    if all(gap <= _LISTING for gap in between):
        return frozenset(thing for _, _, thing in things)
    if len(things) == 2 and between[0] in _HAVING:
        return frozenset({things[1][2]})
    return None


_LISTING = frozenset({"va", "hoac"})
_HAVING = ({"da", "co"}, {"co"})


Piece = tuple[int, int, "tuple[str, str] | None"]  # words [start, end): a concept, or None


def _cover(
    lexicon: Lexicon, words: list[str], marked: tuple[str, ...] | None = None
) -> list[Piece]:
    """The reading of the words that leaves the fewest of them unexplained, then uses the
    fewest phrases: "kết nạp đảng viên" is "kết nạp" + "đảng viên", not "kết nạp đảng" +
    "viên". Filler phrases explain words and mean nothing (their pieces are dropped).
    `marked`: the words with their marks, each phrase matched only where they agree."""
    n = len(words)
    # best[i]: (words unexplained, phrases) for words[i:], and the first piece
    best: list[tuple[tuple[int, int], Piece | None]] = [((0, 0), None)] * (n + 1)
    for start in range(n - 1, -1, -1):
        choice: tuple[tuple[int, int], Piece | None] = (
            (best[start + 1][0][0] + 1, best[start + 1][0][1] + 1),
            (start, start + 1, None),
        )
        for end in range(start + 1, min(n, start + lexicon.longest) + 1):
            key = tuple(words[start:end])
            concept = lexicon.phrases.get(key)
            if concept is None and key not in lexicon.filler:
                continue
            if marked is not None and not _spelled_as(lexicon, key, marked[start:end]):
                continue
            (unexplained, phrases), _ = best[end]
            cost = (unexplained, phrases + 1)
            if cost < choice[0]:
                choice = (cost, (start, end, concept) if concept else (start, end, _FILLER))
        best[start] = choice
    pieces: list[Piece] = []
    at = 0
    while at < n:
        piece = best[at][1]
        assert piece is not None
        if piece[2] is not _FILLER:
            pieces.append(piece)
        at = piece[1]
    return pieces


_FILLER: tuple[str, str] = ("", "")


def _spelled_as(lexicon: Lexicon, key: tuple[str, ...], written: tuple[str, ...]) -> bool:
    """Whether words written with their marks may be one of the phrases folded to `key`:
    marks left out are forgiven, another mark is another word."""
    return any(
        all(w == s or marks_agree(w, s) for w, s in zip(written, spelling, strict=True))
        for spelling in lexicon.spellings.get(key, (key,))
    )


def _one(names: list[str]) -> str | None:
    return names[0] if len(names) == 1 else None


def read_path(lexicon: Lexicon, levels: Sequence[str]) -> Meaning:
    """A heading path read from the top down: each level under the ones above it."""
    meaning = NOTHING
    for level in levels:
        meaning = lexicon.under(lexicon.read(level), meaning)
    return meaning


# qualifiers that, in a title naming no check, name the report's subject: the work itself,
# and the event its rows count ("BÁO CÁO THỐNG KÊ THI HÀNH KỶ LUẬT TRONG ĐẢNG": discipline)
_THE_WORK_ITSELF: dict[str, str | None] = {
    "thực hiện nhiệm vụ kiểm tra, giám sát": None,
    "việc thi hành kỷ luật": "kỷ luật",
}


def read_title(lexicon: Lexicon, lines: Iterable[str]) -> Meaning:
    """What a sheet's title says is counted on it, to fill what its labels leave unsaid.
    Only lines that name something count (not the issuing body's name or the date)."""
    said: dict[str, set[str]] = {"thing": set(), "event": set(), "actor": set()}
    qualifiers: set[str] = set()
    for line in lines:
        meaning = lexicon.read(line)
        if not meaning.event and meaning.qualifiers & _THE_WORK_ITSELF.keys():
            # "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ KIỂM TRA, GIÁM SÁT": the report's subject;
            # only a check named of it ("KIỂM TRA VIỆC THỰC HIỆN …") counts checks of it
            work = meaning.qualifiers & _THE_WORK_ITSELF.keys()
            events = {_THE_WORK_ITSELF[q] for q in work} - {None}
            meaning = replace(
                meaning,
                qualifiers=meaning.qualifiers - work,
                event=next(iter(events)) if len(events) == 1 else None,
            )
        for dimension, names in said.items():
            name = getattr(meaning, dimension)
            if name:
                names.add(name)
            elif dimension in meaning.mixed:
                names.add("")  # two at once: the title names no one
        qualifiers |= meaning.qualifiers
    one = {d: next(iter(n)) if len(n) == 1 and "" not in n else None for d, n in said.items()}
    return Meaning(
        thing=one["thing"],
        event=one["event"],
        actor=one["actor"],
        qualifiers=frozenset(qualifiers),
    )
