"""Parts and wholes in a paragraph: lists of parts under their whole ("trong đó", "gồm",
"chia ra", "với hình thức"), the classes of one classification (quality levels, forms of
discipline) that cannot add up to more than their whole, and the base of each share: found
in the text (A/B, the whole of its list, "trong tổng số N", the whole the paragraph states)
or implied by the other shares of its sentence. Never guessed: a base the text only
suggests may confirm a share, never refute it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

from ..text import fold
from .claims import Found, Paragraph, blocks
from .numbers import Figure, bases, decimals, folded, number, pct, words

# ---------------------------------------------------------------- kinds of things and classes


def thing_at(text: str) -> str | None:
    """The kind of thing a phrase starts with: 'tổ chức cơ sở đảng …' -> grassroots."""
    key = fold(text)
    best: tuple[int, str] | None = None
    for kind in words()["things"]:
        if kind == "contains":
            continue
        for name in folded("things", kind):
            if (key == name or key.startswith(name + " ")) and (
                best is None or len(name) > best[0]
            ):
                best = (len(name), kind)
    return best[1] if best else None


def contains(whole: str | None, part: str | None) -> bool:
    if whole is None or part is None:
        return True  # a kind not named is no reason to refuse
    return part in words()["things"]["contains"].get(whole, [whole])


def noun_after(p: Paragraph, figure: Figure) -> str | None:
    """The kind of thing named right after a figure ('477 tổ chức cơ sở đảng', '8,8% số
    TCCSĐ'), None when no noun follows it."""
    tail = p.text[figure.end : figure.end + 60]
    match = re.match(r"\s*(?:số\s+)?([^\W\d_][^;:.()\d]*)", tail)
    return thing_at(match.group(1)) if match else None


@dataclass
class Member:
    figure: Figure  # the count, ratio or percentage
    claim: Found | None
    system: str
    name: str
    kind: str | None
    count: int | None
    percent: Decimal | None
    nested: bool
    paren: int


def _class_in(region: str, last: bool = False) -> tuple[str, str] | None:
    """The class named in `region`: the one nearest the figure (the first after it, the
    last before it), the longest name where two start at one place."""
    key = fold(region)
    hits: list[tuple[int, int, str, str]] = []
    for system, classes in words()["classes"].items():
        for name, names in classes.items():
            if name == "within":
                continue
            for word in names:
                word = fold(word)
                for match in re.finditer(rf"(?:^|\s)({re.escape(word)})(?=\s|$)", key):
                    place = match.end(1) if last else -match.start(1)
                    hits.append((place, len(word), system, name))
    if not hits:
        return None
    best = max(hits)
    return best[2], best[3]


def class_of(p: Paragraph, figure: Figure) -> tuple[str, str] | None:
    """The class of a classification a figure is counted in, from the words of its own
    phrase: a label right before it ('khiển trách 28', 'hoàn thành nhiệm vụ 10/49',
    'hoàn thành tốt nhiệm vụ chiếm 10,22%'), else the words after it ('24 TCCSĐ đạt trong
    sạch vững mạnh', '30,96% TCCSĐ hoàn thành tốt nhiệm vụ')."""
    i = p.index(figure)
    start, end = p.sentences[figure.sentence]
    left = max([f.end for f in p.figures[:i] if blocks(f) and f.start >= start] + [start])
    right = min([f.start for f in p.figures[i + 1 :] if blocks(f)] + [end])
    before = re.split(r"[;()]", p.text[left : figure.start])[-1]
    # a colon opens a list: the classes after it are its items', not the figure's before it
    after = re.split(
        r"[;():]|\b(?:chiếm|tỷ lệ|tỉ lệ|bằng|kết quả|trong đó|accounting)\b",
        p.text[figure.end : right],
        flags=re.I,
    )[0]
    led = re.search(r"(?:chiếm|tỷ lệ|tỉ lệ|bằng|đạt|là|:)\s*(?:tỷ lệ\s*)?\(?\s*$", before, re.I)
    tail = _class_in(before[-45:], last=True)
    if tail is not None and (
        led or (re.search(r"[^\W\d_]\s*:?\s*$", before) and _class_ends(before))
    ):
        return tail
    if figure.kind == "percent" and led:
        return _class_in(before, last=True)
    return _class_in(after) or _class_in(before, last=True)


def _class_ends(before: str) -> bool:
    """Whether a class's name ends right before the figure ('khiển trách 28')."""
    key = fold(before)
    return any(
        key.endswith(fold(word))
        for classes in words()["classes"].values()
        for name, names in classes.items()
        if name != "within"
        for word in names
    )


# ---------------------------------------------------------------- lists of parts

_MARKER = re.compile(
    r"\b(?:trong tổng số|trong số|trong đó(?: có)?|bao gồm|gồm(?: có| cả)?|chia ra|"
    r"với các hình thức|với hình thức|bằng các hình thức|bằng hình thức|of which|including|"
    r"among them|comprising)\b\s*:?|\btrong(?=\s+\d)",
    re.I,
)
_LABEL_LIST = re.compile(r"\s*(?:Về|Hình thức|Cơ cấu|Cụ thể)[^:;,.\d]{0,60}:", re.I)
_LIST_END = re.compile(r"\b(?:nâng tổng số|đưa tổng số|nâng lên|so với|tổng số|tổng cộng)\b", re.I)
_WHOLE_WORDS = re.compile(
    r"(?:\b(?:có|hiện có|tổng số|tổng cộng|là|lên|gồm|với|sinh hoạt (?:ở|tại))\s*|\(\s*)$", re.I
)


@dataclass
class PartList:
    marker: int  # where the marker starts
    whole: Figure | None  # the whole named by the syntax (None: only candidates)
    candidates: list[Figure]  # counts a complete list may add up to
    weak: bool  # the whole is in the sentence before: the list may only confirm it
    groups: list[list[Figure]] = field(default_factory=list)
    discipline: bool = False  # "với hình thức": every member disciplined in one form

    @property
    def items(self) -> list[Figure]:
        return [f for g in self.groups for f in g]


def _value(figure: Figure) -> int:
    return figure.a if figure.kind == "ratio" else figure.count


def find_lists(
    p: Paragraph, found: list[Found], changes: set[int], least: int = 2
) -> list[PartList]:
    """The lists of parts of a paragraph, each of at least `least` items."""
    lists: list[PartList] = []
    matches = list(_MARKER.finditer(p.text))
    for start, _end in p.sentences:
        label = _LABEL_LIST.match(p.text, start)
        if label and not any(start <= m.start() < label.end() for m in matches):
            matches.append(label)
    matches.sort(key=lambda m: m.start())
    for match in matches:
        parts = _list_at(p, match, changes, least)
        if parts is not None:
            lists.append(parts)
    return lists


def _paren_end(p: Paragraph, offset: int, paren: int) -> int:
    if paren < 0:
        return p.sentences[p.sentence_of(offset)][1]
    depth = 0
    for j in range(paren, len(p.text)):
        if p.text[j] == "(":
            depth += 1
        elif p.text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return p.sentences[p.sentence_of(offset)][1]


def _paren_at(p: Paragraph, offset: int) -> int:
    """Where the bracket open at `offset` opens (-1: none); only the brackets are looked at
    (a long paragraph has thousands of characters before a figure, and few brackets)."""
    stack: list[int] = []
    for bracket in _BRACKET.finditer(p.text, 0, offset):
        if bracket.group() == "(":
            stack.append(bracket.start())
        elif stack:
            stack.pop()
    return stack[-1] if stack else -1


_BRACKET = re.compile(r"[()]")


def _opens(text: str, anywhere: bool = False) -> bool:
    """Whether folded `text` opens with (or, `anywhere`, holds) a verb of a clause of its own."""
    verbs = "|".join(re.escape(v) for v in folded("parts", "clause_verbs"))
    if anywhere:
        return bool(re.search(rf"\b(?:{verbs})\b", text))
    return bool(re.match(rf"\s*(?:da\s+|tiep tuc\s+)?(?:{verbs})\b", text))


def _new_clause(label: str, gap: str) -> bool:
    """'3 đảng viên, trong đó có 1 cấp ủy viên; tổ chức giám sát 19 tổ chức Đảng và 32 đảng
    viên': a group after ';' that opens with a verb starts a clause of its own, unless the
    list's first item is named by a verb too ('trong đó: kiểm tra 5 …; giám sát 7 …')."""
    if ";" not in gap:
        return False
    tail = fold(gap.rsplit(";", 1)[1])
    # "gồm 9 đảng bộ huyện và 5 đảng bộ khối; có 651 tổ chức cơ sở đảng": "có" after ";"
    # says what there is besides, no further part (trial 30)
    opens = _opens(tail) or bool(re.match(r"\s*(?:hien\s+)?co\b", tail))
    return opens and not _opens(fold(label), anywhere=True)


def _list_at(
    p: Paragraph, match: re.Match[str], changes: set[int], least: int = 2
) -> PartList | None:
    sentence = p.sentence_of(match.start())
    s_start, _s_end = p.sentences[sentence]
    paren = _paren_at(p, match.start())
    scope_end = _paren_end(p, match.start(), paren)
    marker = fold(match.group())
    # "Trong tổng số 163 đồng chí … có 49 nữ", "Trong 350 đại biểu … có 63 …": the count
    # right after the marker is the whole
    total_first = marker in ("trong tong so", "trong so", "trong") and bool(
        re.match(r"\s*\d", p.text[match.end() :])
    )
    items: list[Figure] = []
    groups: list[list[Figure]] = [[]]
    cursor = match.end()
    whole: Figure | None = None
    for figure in p.figures:
        if figure.start < match.end() or figure.start >= scope_end or not blocks(figure):
            continue
        if figure.paren != paren:
            continue  # a nested bracket belongs to its own part
        gap = re.sub(r"\([^()]*\)", " ", p.text[cursor : figure.start])  # nested brackets
        if items and (_LIST_END.search(gap) or _MARKER.search(gap) or re.search(r"[.!?]\s", gap)):
            break
        if items and _new_clause(p.text[match.end() : items[0].start], gap):
            break
        cursor = figure.end
        if figure.kind not in ("count", "ratio", "percent") or id(figure) in changes:
            continue
        if re.search(r"\bvới\s*$", p.text[max(0, figure.start - 8) : figure.start], re.I):
            continue  # "15 đảng bộ với 146 chi bộ trực thuộc": an attribute, no part
        if total_first and whole is None and figure.kind == "count" and not items:
            whole = figure  # "Trong tổng số 163 đồng chí … có 49 nữ"
            continue
        if ";" in gap and groups[-1]:
            groups.append([])
        groups[-1].append(figure)
        items.append(figure)
    if len(items) < least:
        return None
    weak = False
    candidates: list[Figure] = []
    if whole is not None:
        candidates = [whole]
    else:
        before = [
            f
            for f in p.in_sentence(sentence)
            if f.end <= match.start() and f.kind in ("count", "ratio") and id(f) not in changes
        ]
        if paren >= 0:
            before = [f for f in before if f.end <= paren and (f.paren < 0 or f.paren < paren)]
        else:
            before = [f for f in before if f.paren < 0]
        if before:
            candidates = before
            kinds = [noun_after(p, f) for f in items]
            compatible = [
                f for f in reversed(before) if all(contains(noun_after(p, f), k) for k in kinds)
            ]
            whole = compatible[0] if compatible else before[-1]
        elif (sentence > 0 and not p.text[s_start : match.start()].strip(" ,:")) or (
            sentence > 0 and match.start() - s_start < 40 and not before
        ):
            weak = True
            previous = p.in_sentence(sentence - 1)
            candidates = [f for f in previous if f.kind in ("count", "ratio") and f.paren < 0]
    discipline = "hinh thuc" in marker
    return PartList(match.start(), whole, candidates, weak, [g for g in groups if g], discipline)


# ---------------------------------------------------------------- parts claims


def _sum(figures: list[Figure]) -> int:
    return sum(_value(f) for f in figures)


def tolerance(parts: list[Decimal], whole: Decimal | None = None) -> Decimal:
    """How far rounded percentages may add up from their whole: each (and the whole, when
    it is a printed figure) may be off by one unit of its own last decimal."""
    values = [*parts, *([whole] if whole is not None else [])]
    return sum((Decimal(1).scaleb(-decimals(x)) for x in values), Decimal(0))


def parts_claims(
    p: Paragraph, found: list[Found], lists: list[PartList], percent_owner: dict[int, Found]
) -> list[Found]:
    claims: list[Found] = []
    for parts in lists:
        counts = [f for f in parts.items if f.kind in ("count", "ratio")]
        percents = [f for f in parts.items if f.kind == "percent"]
        if len(counts) >= 2:
            claim = _count_parts(p, parts)
            if claim is not None:
                claims.append(claim)
        if len(percents) >= 2:
            with_counts = all(
                percent_owner.get(id(f)) is not None and percent_owner[id(f)].count is not None
                for f in percents
            )
            claim = _percent_parts(p, parts, percent_owner, shares_of_counts=with_counts)
            if claim is not None:
                claims.append(claim)
    return claims


def _count_parts(p: Paragraph, parts: PartList) -> Found | None:
    counted = [f for f in parts.items if f.kind in ("count", "ratio")]
    groups = [[f for f in g if f.kind in ("count", "ratio")] for g in parts.groups]
    if parts.whole is not None and _a_sibling_class(p, parts.whole, counted):
        return None
    for group in [counted, *(g for g in groups if len(groups) > 1)]:
        if len(group) < 2:
            continue
        total = _sum(group)
        for candidate in sorted(parts.candidates, key=lambda f: (f is not parts.whole, -f.start)):
            for value in (
                (candidate.a, candidate.b) if candidate.kind == "ratio" else (candidate.count,)
            ):
                if value == total:
                    return _parts_found(p, candidate, group, Decimal(value), Decimal(total), "ok")
    # the items of a list split by ';' into several groups are the first group's, unless
    # each group is one item ("25 Đảng bộ xã; 4 Đảng bộ khối …; 43 chi bộ cơ sở")
    items = counted if all(len(g) <= 1 for g in groups) else groups[0]
    whole = parts.whole
    if whole is None and parts.weak and _by_organization(p, items):
        # "60 tổ chức cơ sở Đảng. Trong đó, có 20 Đảng bộ cơ sở, … và 41 chi bộ cơ sở": the
        # whole of the sentence before, when one count there alone is of the parts' kind
        kinds = [noun_after(p, f) for f in items]
        fitting = [
            f
            for f in parts.candidates
            if f.kind == "count" and all(contains(noun_after(p, f), k) for k in kinds)
        ]
        whole = fitting[0] if len(fitting) == 1 else None
    elif parts.weak:
        return None
    if whole is None or whole.kind != "count" or len(items) < 2:
        return None
    total = _sum(items)
    grassroots_kinds = _grassroots_complete(p, whole, items)
    rest = _is_the_rest(p, items[-1])
    classes = [class_of(p, f) for f in items]
    distinct = None not in classes and len(set(classes)) == len(classes)
    by_organization = _by_organization(p, items)
    disjoint = parts.discipline or distinct or grassroots_kinds or rest or by_organization
    enumerated = by_organization and _ENUMERATED.fullmatch(p.text[parts.marker : items[0].start])
    complete = (
        parts.discipline
        or grassroots_kinds
        or rest
        or bool(enumerated)
        or (distinct and _every_class(p, whole, classes))
    )
    if disjoint and (total > whole.count or (complete and total != whole.count)):
        return _parts_found(p, whole, items, Decimal(whole.count), Decimal(total), "mismatch")
    return None


def parts_over_whole(
    p: Paragraph, found: list[Found], changes: set[int], claimed: list[Found]
) -> list[Found]:
    """A part larger than its whole: 'kết nạp 500 đảng viên, trong đó 620 đảng viên nữ'.
    Whatever the parts (they may overlap), none can exceed the whole they are of: a part of
    the whole's kind of thing (named after it, or a label of it: 'trong đó nữ: 620'), larger
    than every count of that kind its sentence states before the list."""
    result: list[Found] = []
    wrong = {id(c.anchor) for c in claimed if c.kind == "parts" and c.status == "mismatch"}
    for parts in find_lists(p, found, changes, least=1):
        whole = parts.whole
        if whole is None or parts.weak or whole.kind != "count" or id(whole) in wrong:
            continue
        if _a_sibling_class(p, whole, parts.items):
            continue
        if whole.start > parts.marker and not re.fullmatch(
            r"\s*(?:trong tổng số|trong số|trong)\s*", p.text[parts.marker : whole.start], re.I
        ):
            continue  # "Trong 9 tháng năm 2023, … kết nạp 96 đảng viên": no whole of a list
        kind = noun_after(p, whole)
        if kind is None:
            continue
        before = [
            f
            for f in p.in_sentence(whole.sentence)
            if f.end <= parts.marker
            and f.kind in ("count", "ratio")
            and id(f) not in changes
            and contains(noun_after(p, f), kind)
        ]
        top = max(max(f.a, f.b) if f.kind == "ratio" else f.count for f in [whole, *before])
        over = [
            f
            for f in parts.items
            if f.kind in ("count", "ratio")
            and _value(f) > top
            and _part_of(p, f, kind, parts.marker)
        ]
        if over:
            claim = _parts_found(
                p, whole, over, Decimal(whole.count), Decimal(_value(over[0])), "mismatch"
            )
            part = _value(over[0])
            claim.reason = (
                f"ghi trong đó {number(part, 'vi')}, lớn hơn cả tổng {number(whole.count, 'vi')}"
                " đã ghi",
                f"states {number(part, 'en')} of them, more than the whole of "
                f"{number(whole.count, 'en')} stated",
            )
            result.append(claim)
    return result


def _part_of(p: Paragraph, figure: Figure, kind: str, marker: int) -> bool:
    """Whether a part is of `kind`: the thing named after it, else a label before it with no
    thing of another kind and no figure ('trong đó nữ: 620', 'trong đó đảng viên nữ là 620')."""
    named = noun_after(p, figure)
    if named is not None:
        return contains(kind, named)
    start = max(marker, *(p.text.rfind(c, 0, figure.start) + 1 for c in ",;("))
    label = p.text[start : figure.start]
    label = _MARKER.sub(" ", label)
    if re.search(r"\d", label) or len(label.split()) > 6:
        return False
    key = fold(label)
    for other in words()["things"]:
        if other != "contains" and other != kind and _mentions(key, other):
            return False
    return bool(re.search(r"[^\W\d_]", key))


# a list that names every part of its whole: "gồm 8 đảng bộ phường, … và 43 chi bộ cơ sở"
_ENUMERATED = re.compile(r"(?:bao\s+)?gồm(?:\s+có)?\s*:?\s*", re.I)
# what each item of a list of organizations, or of members by their organization, is:
# "8 đảng bộ phường", "43 chi bộ cơ sở", "3 đảng viên chi bộ nông thôn"
_ORGANIZATION = re.compile(
    r"\s*(?:(?:đảng viên|đv)\s+(?:(?:thuộc|ở|tại|của)\s+)?)?"
    r"((?:đảng bộ|đảng ủy|đảng uỷ|chi bộ|chi ủy|chi uỷ)\b[^,;.()\d]{0,40})",
    re.I,
)


def _a_sibling_class(p: Paragraph, whole: Figure, items: list[Figure]) -> bool:
    """Whether a "whole" is itself a class whose list's items are classes of its own
    classification: "khai trừ 4 (trong đó, UBKT Đảng ủy Khối cảnh cáo 1, khai trừ 4)" splits
    the 8 disciplined by who decided, no cảnh cáo is a part of the khai trừ."""
    start = max(
        [p.sentences[whole.sentence][0], *(f.end for f in p.figures if f.end <= whole.start)]
    )
    label = re.split(r"[;,():]", p.text[start : whole.start])[-1]
    # the class named right before the whole ("khai trừ 4"), never one after it, which may
    # be its list's first item's ("8 trường hợp …, với hình thức khiển trách 3, …")
    own = _class_in(label[-30:], last=True) if re.search(r"[^\W\d_]\s*:?\s*$", label) else None
    if own is None:
        return False
    return any((found := class_of(p, f)) is not None and found[0] == own[0] for f in items)


def _by_organization(p: Paragraph, items: list[Figure]) -> bool:
    """Whether each item of a list counts organizations of its own category, or members of
    its own organization, each named otherwise: an organization, or a member, is in one of
    them only, so they cannot add up to more than their whole ("8 đảng bộ phường, 2 đảng bộ
    Lực lượng vũ trang, 1 Đảng bộ cơ sở sự nghiệp và 43 chi bộ cơ sở"). Never classes of a
    classification (quality levels: their own rules)."""
    names: list[str] = []
    for figure in items:
        found = _ORGANIZATION.match(p.text, figure.end)
        if found is None or class_of(p, figure) is not None:
            return False
        names.append(fold(re.split(r"\s+(?:và|với)\s+", found.group(1))[0]).strip())
    return len(set(names)) == len(names)


def _is_the_rest(p: Paragraph, last: Figure) -> bool:
    """'…; 1.364 đảng viên làm nghề nghiệp khác': a list whose last item is the rest (khác,
    còn lại) names every part of its whole."""
    start = max(p.text.rfind(";", 0, last.start), p.text.rfind(":", 0, last.start)) + 1
    stop = re.compile(r"[;.)]|$").search(p.text, last.end)
    end = stop.start() if stop else len(p.text)
    return bool(re.search(r"\b(?:khac|con lai|others?)\b", fold(p.text[start:end])))


def _every_class(p: Paragraph, whole: Figure, classes: list[tuple[str, str] | None]) -> bool:
    """Whether the items name every class of a classification of people each of them is in
    one class of (words.toml's [complete]): 'chính thức 4.051; dự bị 189' of 4.240 members."""
    systems = {found[0] for found in classes if found is not None}
    if len(systems) != 1 or not contains("person", noun_after(p, whole)):
        return False
    (system,) = systems
    return system in words()["complete"]["classifications"] and {
        found[1] for found in classes if found is not None
    } == set(words()["classes"][system]) - {"within"}


def _grassroots_complete(p: Paragraph, whole: Figure, items: list[Figure]) -> bool:
    """'N tổ chức cơ sở đảng, gồm A đảng bộ cơ sở và B chi bộ cơ sở': both kinds named."""
    if noun_after(p, whole) != "grassroots":
        return False
    names = [fold(p.text[f.end : f.end + 25]) for f in items]
    return (
        len(items) == 2
        and any(n.lstrip().startswith("dang bo") for n in names)
        and any(n.lstrip().startswith("chi bo") for n in names)
    )


def _parts_found(
    p: Paragraph, anchor: Figure, group: list[Figure], whole: Decimal, total: Decimal, status: str
) -> Found:
    claim = Found("parts", anchor, anchor.start, max(f.end for f in group), parts=list(group))
    claim.stated, claim.computed, claim.status = whole, total, status
    claim.sentence = anchor.sentence
    percent = any(f.kind == "percent" for f in group)
    show = pct if percent else number
    claim.basis = " + ".join(f.text.strip() for f in group)
    if status == "mismatch":
        if total > whole:
            claim.reason = (
                f"các phần cộng lại {show(total, 'vi')}, vượt {show(whole, 'vi')} đã ghi",
                f"the parts add up to {show(total, 'en')}, more than the {show(whole, 'en')} stated",
            )
        else:
            claim.reason = (
                f"các phần cộng lại {show(total, 'vi')}, khác {show(whole, 'vi')} đã ghi",
                f"the parts add up to {show(total, 'en')}, not the {show(whole, 'en')} stated",
            )
    return claim


def _percent_parts(
    p: Paragraph,
    parts: PartList,
    owner: dict[int, Found],
    shares_of_counts: bool = False,
) -> Found | None:
    # a percentage of plan or a change is of its own count, never a share of a whole: "giảm
    # 6,9% so với cùng kỳ; trong đó có 377/784 …, đạt 48,1% kế hoạch năm, giảm 5,6%"
    percents = [f for f in parts.items if f.kind == "percent" and not _of_its_own(p, owner, f)]
    if len(percents) < 2:
        return None
    of_ratios = [
        found.count.b
        for f in percents
        if (found := owner.get(id(f))) is not None
        and found.count is not None
        and found.count.kind == "ratio"
    ]
    if len(set(of_ratios)) > 1:
        return None  # "352/353 …, chiếm 99,72%; … 2.645/2.993 …, chiếm 88,37%": wholes of their own
    total = sum((f.value for f in percents), Decimal(0))
    whole_percent = _percent_before(p, parts)
    if whole_percent is not None and _of_its_own(p, owner, whole_percent):
        return None
    if whole_percent is not None:
        tol = tolerance([f.value for f in percents], whole_percent.value)
        whole_share = owner.get(id(whole_percent))
        counted = [owner[id(f)].count for f in percents if id(f) in owner]
        complete = (
            whole_share is not None
            and whole_share.count is not None
            and None not in counted
            and sum(c.count for c in counted if c is not None) == whole_share.count.count
        )
        if abs(total - whole_percent.value) <= tol:
            return _parts_found(p, whole_percent, percents, whole_percent.value, total, "ok")
        if complete:
            return _parts_found(p, whole_percent, percents, whole_percent.value, total, "mismatch")
        return None
    if total > 100 + tolerance([f.value for f in percents]) and _disjoint(p, percents):
        # "trong đó hoàn thành tốt nhiệm vụ chiếm 70%, hoàn thành nhiệm vụ chiếm 40%"
        return _over_hundred(p, percents, total)
    if shares_of_counts:
        return None
    if abs(total - 100) <= tolerance([f.value for f in percents]):
        return _parts_found(p, percents[0], percents, Decimal(100), total, "ok")
    return None


def _of_its_own(p: Paragraph, owner: dict[int, Found], figure: Figure) -> bool:
    """Whether a percentage is a change on the same period, or a count's percent of its
    plan ("A/B, đạt X% kế hoạch"): of its own count, not a share of a whole."""
    found = owner.get(id(figure))
    if found is None:
        return False
    if found.kind in ("same_period", "plan"):
        return True
    return found.kind == "ratio" and bool(_OF_PLAN.match(p.text, figure.end))


_OF_PLAN = re.compile(r"\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|of (?:the )?(?:year's )?plan)", re.I)


def _disjoint(p: Paragraph, figures: list[Figure]) -> bool:
    """Whether figures are each in another class of one classification, none within
    another (a thing is in one class only)."""
    classes = [class_of(p, f) for f in figures]
    if any(c is None for c in classes) or len(set(classes)) != len(classes):
        return False
    systems = {c[0] for c in classes if c is not None}
    if len(systems) != 1:
        return False
    within = words()["classes"][systems.pop()].get("within", {})
    names = [c[1] for c in classes if c is not None]
    return not any(within.get(name) in names for name in names)


def _over_hundred(p: Paragraph, figures: list[Figure], total: Decimal) -> Found:
    """Shares of disjoint parts adding up to more than the whole (100%, stated or not)."""
    claim = _parts_found(p, figures[0], figures, Decimal(100), total, "mismatch")
    claim.reason = (
        f"các phần (không trùng nhau) cộng lại {pct(total, 'vi')}, vượt 100%",
        f"the parts (which do not overlap) add up to {pct(total, 'en')}, more than 100%",
    )
    return claim


def _percent_before(p: Paragraph, parts: PartList) -> Figure | None:
    sentence = p.sentence_of(parts.marker)
    paren = _paren_at(p, parts.marker)
    before = [
        f
        for f in p.in_sentence(sentence)
        if f.kind == "percent" and f.end <= (paren if paren >= 0 else parts.marker)
    ]
    return before[-1] if before else None


# ---------------------------------------------------------------- classifications


def members(p: Paragraph, found: list[Found], in_lists: set[int]) -> list[Member]:
    result: list[Member] = []
    by_anchor = {id(c.anchor): c for c in found}
    by_count = {id(c.count): c for c in found if c.count is not None and c.kind == "share"}
    subject: dict[int, str | None] = {}
    nested_after: set[int] = set()
    for match in re.finditer(r"\btrong đó\b", p.text, re.I):
        nxt = next((f for f in p.figures if f.start > match.end() and blocks(f)), None)
        if nxt is not None:
            nested_after.add(id(nxt))
    for figure in p.figures:
        if figure.kind not in ("count", "ratio", "percent") or id(figure) in in_lists:
            continue
        claim = by_anchor.get(id(figure)) or by_count.get(id(figure))
        if figure.kind == "percent" and (claim is None or claim.kind not in ("share",)):
            continue
        if figure.kind == "count" and claim is not None and claim.kind != "share":
            continue
        if claim is not None and claim.kind == "share" and claim.count is figure:
            continue  # the share's count: the member is the share itself
        classed = class_of(p, figure)
        count_figure = claim.count if claim is not None and claim.count is not None else None
        if classed is None and count_figure is not None:
            classed = class_of(p, count_figure)
        if classed is None:
            continue
        kind = noun_after(p, count_figure or figure)
        if kind is None:
            key = fold(p.text[max(0, figure.start - 80) : figure.start])
            kind = next(
                (k for k in ("person", "grassroots", "cell", "party_org") if _mentions(key, k)),
                subject.get(figure.sentence),
            )
        subject[figure.sentence] = kind
        count = None
        if figure.kind == "ratio":
            count = figure.a
        elif figure.kind == "count":
            count = figure.count
        elif count_figure is not None:
            count = _value(count_figure)
        percent = figure.value if figure.kind == "percent" else None
        nested = id(figure) in nested_after or (
            count_figure is not None and id(count_figure) in nested_after
        )
        paren = (count_figure or figure).paren
        result.append(
            Member(figure, claim, classed[0], classed[1], kind, count, percent, nested, paren)
        )
    return result


def _mentions(key: str, kind: str) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", key) for n in folded("things", kind))


def class_claims(
    p: Paragraph, found: list[Found], lists: list[PartList], listed: set[int]
) -> list[Found]:
    claims: list[Found] = []
    groups: dict[tuple[str, str | None, int], list[Member]] = {}
    for member in members(p, found, listed):
        if member.nested:
            continue
        groups.setdefault((member.system, member.kind, member.paren), []).append(member)
    within = {system: classes.get("within", {}) for system, classes in words()["classes"].items()}
    for (system, kind, paren), group in groups.items():
        names = [m.name for m in group]
        group = [m for m in group if within[system].get(m.name) not in names]
        if len(group) < 2 or len({m.name for m in group}) != len(group):
            continue
        claim = _class_counts(p, group, kind, paren)
        if claim is None:
            claim = _class_percents(p, group, complete=_every_tier(system, names))
        if claim is not None:
            claims.append(claim)
    return claims


def _totals(p: Paragraph, kind: str | None, paren: int, group: list[Member]) -> list[Figure]:
    """The counts of a paragraph that state a whole of `kind`: 'hiện có 41 TCCSĐ', 'sinh
    hoạt ở 11 chi bộ', 'tổng số … lên 128 đ/c', the A or B of '543/545 chi bộ', or for a
    bracket of classes the count right before it."""
    ids = {id(m.figure) for m in group} | {
        id(m.claim.count) for m in group if m.claim is not None and m.claim.count is not None
    }
    ids |= {id(f) for f in p.figures if f.kind in ("count", "ratio") and class_of(p, f)}
    if paren >= 0:
        before = [f for f in p.figures if f.end <= paren and f.kind == "count" and blocks(f)]
        return before[-1:]
    result = []
    for figure in p.figures:
        if id(figure) in ids or figure.paren >= 0:
            continue
        if figure.kind == "ratio" and noun_after(p, figure) == kind:
            result.append(figure)
        elif figure.kind == "count" and noun_after(p, figure) == kind:
            head = p.text[max(0, figure.start - 40) : figure.start]
            if _WHOLE_WORDS.search(head) or re.search(r"tổng số", head, re.I):
                result.append(figure)
    return result


def _class_counts(p: Paragraph, group: list[Member], kind: str | None, paren: int) -> Found | None:
    counted = [m for m in group if m.count is not None]
    if len(counted) < 2 or len(counted) != len(group):
        return None
    total = sum(m.count for m in counted if m.count is not None)
    ratio_bases = {m.figure.b for m in counted if m.figure.kind == "ratio"}
    # a member found by its percentage ("15 TCCSĐ …, tỷ lệ 36,7%") is added by its count
    figures = [
        m.claim.count
        if m.figure.kind == "percent" and m.claim is not None and m.claim.count is not None
        else m.figure
        for m in counted
    ]
    if len(ratio_bases) == 1 and all(m.figure.kind == "ratio" for m in counted):
        (b,) = ratio_bases
        status = "ok" if total == b else ("mismatch" if total > b else "")
        if status:
            return _parts_found(p, figures[0], figures, Decimal(b), Decimal(total), status)
    # a whole comes before its parts, never in a sentence after them ("…, có 889 cấp ủy
    # viên" after the forms of another body's discipline)
    first = min(m.figure.start for m in group)
    totals = [t for t in _totals(p, kind, paren, group) if t.end <= first]
    if not totals:
        totals = _whole_the_sentence_before(p, group[0].figure, kind)
    if not totals:
        return None
    for whole in totals:
        values = (whole.a, whole.b) if whole.kind == "ratio" else (whole.count,)
        if total in values:
            return _parts_found(p, whole, figures, Decimal(total), Decimal(total), "ok")
    largest = max(totals, key=lambda f: f.b if f.kind == "ratio" else f.count)
    top = largest.b if largest.kind == "ratio" else largest.count
    if total > top:
        return _parts_found(p, largest, figures, Decimal(top), Decimal(total), "mismatch")
    return None


# The tiers of an evaluation of quality: a list naming one class of each (the best, as
# "trong sạch vững mạnh" or "hoàn thành xuất sắc nhiệm vụ", then good, done, failed) is every
# class, whose shares add up to 100%.
_QUALITY_TIERS = (
    frozenset({"excellent", "strong", "model"}),
    frozenset({"good", "good_or_better"}),
    frozenset({"done"}),
    frozenset({"failed"}),
)


def _every_tier(system: str, names: list[str]) -> bool:
    return system == "quality" and all(tier & set(names) for tier in _QUALITY_TIERS)


_DETAILS = re.compile(r"\s*(?:cụ thể|trong đó|chia ra|in detail|of which)\b", re.I)


def _whole_the_sentence_before(p: Paragraph, first: Figure, kind: str | None) -> list[Figure]:
    """The counts of `kind` of the sentence before, for classes listed in a sentence that
    opens as a breakdown of it ("… kỷ luật 182 tổ chức Đảng và 7.056 đảng viên. Cụ thể, có
    5.486 đảng viên bị khiển trách; …")."""
    start, _end = p.sentences[first.sentence]
    if first.sentence == 0 or not _DETAILS.match(p.text[start : first.start]):
        return []
    return [
        f
        for f in p.in_sentence(first.sentence - 1)
        if f.kind == "count" and f.paren < 0 and noun_after(p, f) == kind
    ]


def _class_percents(p: Paragraph, group: list[Member], complete: bool = False) -> Found | None:
    """The shares of classes that do not overlap: more than 100% is wrong; so is less when
    the list is `complete` (a class of each tier of an evaluation)."""
    shares = [m for m in group if m.percent is not None]
    if len(shares) < 2 or len(shares) != len(group):
        return None
    values = [m.percent for m in shares if m.percent is not None]
    total = sum(values, Decimal(0))
    tol = tolerance(values)  # 100% is exact
    figures = [m.figure for m in shares]
    if abs(total - 100) <= tol:
        return _parts_found(p, figures[0], figures, Decimal(100), total, "ok")
    if total > 100 + tol:
        return _over_hundred(p, figures, total)
    if complete:
        claim = _parts_found(p, figures[0], figures, Decimal(100), total, "mismatch")
        claim.reason = (
            f"các loại của một lần đánh giá, đủ từ cao đến thấp, cộng lại {pct(total, 'vi')},"
            " không phải 100%",
            f"the classes of one evaluation, every one from the best to the lowest, add up to"
            f" {pct(total, 'en')}, not 100%",
        )
        return claim
    return None


# ---------------------------------------------------------------- age bands

_AGE = r"(\d{1,3})"
_TO = r"\s*(?:-|–|—|đến|tới|to)\s*"
_BANDS = [
    # "từ 18 - 30 tuổi", "18-30 tuổi", "độ tuổi 18 - 30", "tuổi đời từ 31 đến 40", "aged 18-30"
    (re.compile(rf"(?:từ\s+)?{_AGE}{_TO}{_AGE}\s*tuổi", re.I), "range"),
    (re.compile(rf"(?:độ tuổi|tuổi đời|tuổi|aged?)\s*(?:từ\s+)?{_AGE}{_TO}{_AGE}", re.I), "range"),
    (
        re.compile(
            rf"(?:từ\s+)?{_AGE}\s*tuổi\s*trở lên|{_AGE}\s*(?:years\s*)?(?:and|or)\s*(?:over|above|older)",
            re.I,
        ),
        "from",
    ),
    (
        re.compile(rf"(?:dưới|under|below)\s*{_AGE}\s*tuổi|(?:dưới|under|below)\s*{_AGE}", re.I),
        "below",
    ),
    (
        re.compile(
            rf"(?:trên|over|above)\s*{_AGE}\s*tuổi|(?:trên|over|above)\s*{_AGE}(?!\s*%)", re.I
        ),
        "above",
    ),
]


def _band(segment: str) -> tuple[int, int] | None:
    """The age band a share's own words name, as whole years [low, high]: the last one."""
    best: tuple[int, tuple[int, int]] | None = None
    for pattern, how in _BANDS:
        for match in pattern.finditer(segment):
            values = [int(v) for v in match.groups() if v is not None]
            if how == "range":
                band = (values[0], values[1])
            elif how == "from":
                band = (values[0], 999)
            elif how == "below":
                band = (0, values[0] - 1)
            else:
                band = (values[0] + 1, 999)
            if band[0] <= band[1] and (best is None or match.end() >= best[0]):
                best = (match.end(), band)
    return best[1] if best else None


def age_band_claims(p: Paragraph, found: list[Found]) -> list[Found]:
    """Shares of one sentence in age bands that do not overlap ('từ 18 - 30 tuổi chiếm
    45,2%, từ 31 - 60 tuổi chiếm 40,1%, trên 60 tuổi chiếm 14,7%') are parts of one whole:
    together no more than 100%."""
    groups: dict[tuple[int, int], list[tuple[tuple[int, int], Figure]]] = {}
    for claim in found:
        figure = claim.anchor
        if claim.kind != "share" or figure.kind != "percent" or claim.stated is None:
            continue
        start = p.sentences[figure.sentence][0]
        i = p.index(figure)
        for other in reversed(p.figures[:i]):
            if blocks(other):
                start = max(start, other.end)
                break
        segment = p.text[start : figure.start]
        segment = segment[segment.rfind(";") + 1 :]
        band = _band(segment)
        if band is not None:
            groups.setdefault((figure.sentence, figure.paren), []).append((band, figure))
    result = []
    for members in groups.values():
        bands = sorted(b for b, _ in members)
        if len(members) < 2 or any(a[1] >= b[0] for a, b in pairwise(bands)):
            continue
        values = [f.value for _, f in members]
        total = sum(values, Decimal(0))
        if total > 100 + tolerance(values):
            figures = [f for _, f in members]
            claim = _parts_found(p, figures[0], figures, Decimal(100), total, "mismatch")
            claim.reason = (
                f"các nhóm tuổi không trùng nhau cộng lại {pct(total, 'vi')}, vượt 100%",
                f"the age bands, which do not overlap, add up to {pct(total, 'en')}, more "
                "than 100%",
            )
            result.append(claim)
    return result


# ---------------------------------------------------------------- the base of a share


@dataclass
class Base:
    value: int
    figure: Figure | None
    strength: str  # "stated" (A/B, its list's whole, trong tổng số N), "paragraph", "group"


def interval(claim: Found) -> tuple[Fraction, Fraction] | None:
    if claim.count is None or claim.stated is None:
        return None
    return bases(_value(claim.count), claim.stated)


def intersect(
    spans: list[tuple[Fraction, Fraction] | None],
) -> tuple[Fraction, Fraction] | None:
    low, high = Fraction(0), Fraction(10**15)
    for span in spans:
        if span is None:
            return None
        low, high = max(low, span[0]), min(high, span[1])
    return (low, high) if low < high else None


# ---------------------------------------------------------------- a list of named units

_PARTIAL = re.compile(r"…|\.\.\.|\b(?:như|v\.v|khác|còn lại|chẳng hạn)\b", re.I)


def _unit_words() -> tuple[str, ...]:
    return tuple(w for w in (*folded("units", "own"), *folded("units", "other")) if len(w) > 2)


def unit_list_over(p: Paragraph, lists: list[PartList], before: Paragraph | None) -> list[Found]:
    """'… phát triển 1.905 đảng viên mới trong năm 2024. Cụ thể: Đảng bộ TP.Tam Kỳ chỉ tiêu
    150 đảng viên mới; Hội An 110; …; Biên phòng 15 và Đảng bộ Khối các cơ quan tỉnh 155
    đảng viên mới': a list opening its sentence (or its paragraph, the whole closing the one
    `before`), one count for each unit it names. Named units are disjoint, so their counts,
    all or some of them, cannot add up to more than the one count of the sentence before."""
    result: list[Found] = []
    for parts in lists:
        opening = fold(p.text[parts.marker : parts.marker + 8])
        if not opening.startswith("cu the") or parts.whole is not None:
            continue
        sentence = p.sentence_of(parts.marker)
        if p.text[p.sentences[sentence][0] : parts.marker].strip():
            continue
        if sentence > 0:
            previous = [f for f in p.in_sentence(sentence - 1) if blocks(f)]
        elif before is not None and before.sentences:
            last = len(before.sentences) - 1
            previous = [f for f in before.figures if f.sentence == last and blocks(f)]
        else:
            continue
        if len(previous) != 1 or previous[0].kind != "count" or previous[0].paren >= 0:
            continue
        whole, source = previous[0], p if sentence > 0 else before
        assert source is not None
        items = parts.items
        end = items[-1].end if items else parts.marker
        if (
            len(items) < 3
            or any(f.kind != "count" or f.paren >= 0 for f in items)
            or _PARTIAL.search(p.text[parts.marker : end + 2])
        ):
            continue
        kind = noun_after(source, whole)
        if kind is None or not contains(kind, noun_after(p, items[0])):
            continue
        labels, cursor = [], parts.marker
        for f in items:
            piece = re.split(r"[;:,]|\bvà\b", p.text[cursor : f.start])[-1].strip()
            labels.append(piece)
            cursor = f.end
        units = _unit_words()
        if (
            not all(label[:1].isupper() for label in labels)
            or len({fold(label) for label in labels}) != len(labels)
            or not any(re.search(rf"\b{re.escape(w)}\b", fold(labels[0])) for w in units)
        ):
            continue
        total = _sum(items)
        if total > whole.count:
            claim = _parts_found(
                p, items[0], items, Decimal(whole.count), Decimal(total), "mismatch"
            )
            claim.basis = f"{whole.text.strip()} ≠ " + claim.basis
            result.append(claim)
    return result
