"""The claims of one paragraph, found in the words around its figures: a ratio A/B and its
percentage, a percentage of plan, a change on the same period, a share of a whole, a plain
count. A claim's figures are taken from its own clause only: a percentage is paired with the
count or ratio before it when nothing but words stands between them, never across a ';' or
into another sentence, never with a threshold, a date or a document's number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..text import fold
from .numbers import (
    PLACE_NUMBERED_WORDS,
    Figure,
    ends_with_word,
    folded,
    last_words,
    starts_with_word,
    tokenize,
)

# ---------------------------------------------------------------- a paragraph's structure


@dataclass
class Paragraph:
    text: str
    figures: list[Figure]
    sentences: list[tuple[int, int]]  # (start, end) of each sentence
    # id of each figure -> its place in `figures` (`index`)
    _places: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def sentence_of(self, offset: int) -> int:
        for i, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return i
        return len(self.sentences) - 1

    def in_sentence(self, i: int) -> list[Figure]:
        return [f for f in self.figures if f.sentence == i]

    def index(self, figure: Figure) -> int:
        """The figure's place in `figures`, by identity: comparing figures field by field
        along the list made a long paragraph's time grow as its square (trial 47)."""
        if len(self._places) != len(self.figures):
            self._places = {}
            for n, f in enumerate(self.figures):
                self._places.setdefault(id(f), n)  # the first, as list.index finds
        found = self._places.get(id(figure))
        if found is not None and found < len(self.figures) and self.figures[found] is figure:
            return found
        return self.figures.index(figure)


# "TP.", "TS.", "Q.": abbreviations whose dot ends no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|Q|H|TX|St|Đ/c|đ/c|v\.v|Mr|Dr)|\b[A-ZĐ])\.$"
)
_SENTENCE_BREAK = re.compile(r"(?:[.!?]|…|\./\.)(?=[\"”’)\]]*\s+[\"“(‘]?[A-ZĐÀ-Ỹ0-9])|\n\s*\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[: match.end()]):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip() or not spans:
        spans.append((start, len(text)))
    return spans


def paragraph(text: str) -> Paragraph:
    figures = tokenize(text)
    sentences = split_sentences(text)
    result = Paragraph(text, figures, sentences)
    for figure in figures:
        figure.sentence = result.sentence_of(figure.start)
    _mark_targets(result)
    return result


def _mark_targets(p: Paragraph) -> None:
    """Percentages of a plan ("phấn đấu … 100%", "chỉ tiêu 100%", "(mục tiêu … là 95%)")
    are targets, no claim."""
    plan = re.compile(r"\b(?:phấn đấu|mục tiêu|aims? to|targets?)\b", re.I)
    for i, (start, end) in enumerate(p.sentences):
        match = plan.search(p.text, start, end)
        if match is None:
            continue
        for figure in p.in_sentence(i):
            if figure.kind == "percent" and figure.start > match.start():
                figure.kind, figure.why = "excluded", "target"
    before = folded("target", "before")
    for figure in p.figures:
        if figure.kind != "percent":
            continue
        head = p.text[max(0, figure.start - 60) : figure.start]
        if ends_with_word(head, before) or re.search(
            r"(?:chỉ tiêu|mục tiêu)[^,;()\d]{0,40}\blà\s*(?:năm \d{4}\s*)?(?:đạt\s*)?$", head, re.I
        ):
            figure.kind, figure.why = "excluded", "target"


# ---------------------------------------------------------------- found claims


@dataclass
class Found:
    """A claim as found in the text, before it is checked."""

    kind: str  # ratio, plan, same_period, share, parts, count, period
    anchor: Figure
    start: int
    end: int
    stated: Decimal | None = None
    count: Figure | None = None  # the count it is about (ratio: the ratio itself)
    base: int | None = None  # B of A/B, the plan stated, the whole of a share
    base_figure: Figure | None = None  # the figure that states the base
    base_text: str = ""  # how the base was found: "A/B", "plan", "prior", "table"
    link: str = ""  # a share's words between count and percentage: chiem, ty le, paren, dat…
    direction: int = 0  # same period: +1 up, -1 down, 0 "đạt … so với cùng kỳ"
    change: int | None = None  # same period: the change in numbers when stated
    change_figure: Figure | None = None
    over: bool = False  # "vượt X% kế hoạch": X is what exceeds the plan
    either: bool = False  # a table's "So sánh với cùng kỳ (%)": a ratio or a change, as it reads
    prior_year: int | None = None
    named_base: str = ""  # the base a share names in words ("tổng số đảng viên …")
    unit: str = ""  # the unit a percentage is of: "Sóc Sơn (50%)"
    status: str = "unchecked"
    computed: Decimal | None = None
    basis: str = ""
    shown: tuple[str, str] | None = None  # the basis as people read it (vi, en), if not basis
    reason: tuple[str, str] | None = None  # (vi, en)
    parts: list[Figure] = field(default_factory=list)
    sentence: int = 0


def _between(p: Paragraph, left: Figure, right: Figure) -> str:
    return p.text[left.end : right.start]


def blocks(figure: Figure) -> bool:
    """Whether a figure stands between two others as a quantity of its own."""
    if figure.kind in ("count", "percent", "ratio"):
        return True
    return figure.why in ("approximate", "target")


_FORBIDDEN = re.compile(
    r"\b(?:trong do|gom|bao gom|chia ra|voi tong so|nang tong so|dua tong so|so voi|voi|"
    r"tuong ung|respectively|of which|among them)\b"
)
# a comparison that belongs to a claim's own phrase, not a new quantity
_CLAIM_COMPARE = re.compile(
    r"\b(?:so voi|so|voi) (?:cung ky|nam \d{4}|nam truoc|nhiem ky truoc|ky truoc)\b(?: nam \d{4})?"
)
_PLAN_COMPARE = re.compile(r"\bso voi (?:chi tieu|ke hoach|kh|nghi quyet|nq)\b")
# Territorial units: "16 tỉnh chưa đạt 15%", "có 01 tỉnh đạt 14,4 %": the percentage is
# each unit's own rate, no share of their number.
_UNITS = re.compile(
    r"\s*(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đơn vị|địa phương|"
    r"provinces?|districts?|units?)\b",
    re.I,
)
# A count that states a whole: "Trong tổng số 163 đồng chí", "Tổng số … là 13 người".
_WHOLE_ONLY = re.compile(r"(?:trong tổng số|trong số|\btrong)\s*$", re.I)


def _joins(text: str, plan: bool = False) -> bool:
    """Whether the words between a count and a percentage tie them: no ';', no sentence
    break, no other list or whole opened between."""
    if ";" in text or len(text) > 160 or re.search(r"[.!?]\s", text):
        return False
    key = _CLAIM_COMPARE.sub(" ", fold(text))
    if plan:
        key = _PLAN_COMPARE.sub(" ", key)
    return not _FORBIDDEN.search(key)


def find(p: Paragraph) -> list[Found]:
    found: list[Found] = []
    owner: dict[int, Found] = {}  # figure id -> the claim that owns it
    changes = _changes(p)
    plan_bases = _plan_bases(p)
    _ratios(p, found, owner)
    for figure in p.figures:
        if figure.kind == "percent" and id(figure) not in owner:
            claim = _percent_claim(p, figure, owner, changes, plan_bases)
            found.append(claim)
            owner[id(figure)] = claim
            for other in (claim.change_figure, claim.base_figure):
                if other is not None:
                    owner[id(other)] = claim
    for figure in p.figures:
        direction = changes.get(id(figure), 0)
        if direction and id(figure) not in owner:
            claim = Found(
                "same_period", figure, figure.start, _phrase_end(p, figure), direction=direction
            )
            claim.change = figure.count
            claim.count = _owner_before(p, figure, owner, changes, plan_bases)
            if claim.count is not None:
                claim.count = _same_thing_before(p, figure, claim.count, changes)
            claim.prior_year = _prior_year(p, figure.end)
            found.append(claim)
            owner[id(figure)] = claim
    for claim in found:
        claim.sentence = claim.anchor.sentence
    return found


def _same_thing_before(
    p: Paragraph, change: Figure, count: Figure, changes: dict[int, int]
) -> Figure:
    """The count a change in numbers is of, where the change names its thing and the count
    found for it another: "450 tổ chức đảng và 206 đảng viên (tăng 230 tổ chức và 124 đảng
    viên …)", each change of the count of its own thing, in the same sentence (never
    another change's count, nor "so với …" taken for a thing)."""
    thing = _thing_after(p, change)
    if not thing or thing[0] in _NO_THING or _thing_after(p, count)[: len(thing)] == thing:
        return count
    for other in reversed(p.figures[: p.index(change)]):
        if other.sentence != change.sentence:
            break
        if (
            other.kind == "count"
            and id(other) not in changes
            and _thing_after(p, other)[: len(thing)] == thing
        ):
            return other
    return count


_NO_THING = frozenset({"so", "lan", "nguoi", "don", "dong"})  # "so với", "lần", "đồng chí"


def _thing_after(p: Paragraph, figure: Figure) -> tuple[str, ...]:
    """The first two words after a figure, folded ("to chuc", "dang vien"): what it counts."""
    words = fold(p.text[figure.end : figure.end + 30]).split()
    taken: list[str] = []
    for word in words[:2]:
        if not word.isalpha():
            break
        taken.append(word)
    return tuple(taken)


def owned(found: list[Found]) -> set[int]:
    """The figures a claim owns: its anchor, its count (unless it only states a change on
    it), the base it states."""
    ids: set[int] = set()
    for claim in found:
        ids.add(id(claim.anchor))
        if claim.count is not None and not (
            claim.kind == "same_period" and claim.anchor.kind == "count"
        ):
            ids.add(id(claim.count))
        for other in (claim.base_figure, claim.change_figure):
            if other is not None:
                ids.add(id(other))
    return ids


def _phrase_end(p: Paragraph, figure: Figure) -> int:
    match = re.compile(r"[,;:.()]|\s\d").search(p.text, figure.end)
    return match.start() if match else len(p.text)


# ---------------------------------------------------------------- ratios


def _ratios(p: Paragraph, found: list[Found], owner: dict[int, Found]) -> None:
    figures = p.figures
    for i, figure in enumerate(figures):
        if figure.kind != "ratio":
            continue
        percent = None
        after = _next_blocking(figures, i)
        if (
            after is not None
            and after.kind == "percent"
            and after.sentence == figure.sentence
            and _joins(_between(p, figure, after), plan=True)
            and not _own_noun(p, after)
            and (not is_change_word(p.text[: after.start]) or _over_plan(p, after))
        ):
            percent = after
        before = _previous_blocking(figures, i)
        if (
            percent is None
            and before is not None
            and before.kind == "percent"
            and id(before) not in owner
            and re.fullmatch(r"\s*\(\s*", _between(p, before, figure))
        ):
            percent = before  # "100% (61/61)"
        if percent is None:
            claim = Found("ratio", figure, figure.start, _phrase_end(p, figure), count=figure)
            claim.base, claim.base_text = figure.b, "A/B"
            found.append(claim)
            owner[id(figure)] = claim
            continue
        claim = Found(
            "ratio",
            percent,
            min(figure.start, percent.start),
            max(figure.end, percent.end),
            stated=percent.value,
            count=figure,
            base=figure.b,
            base_text="A/B",
        )
        own = own_phrase(p, percent)
        between = fold(p.text[figure.end : percent.start])
        if _says_plan(own) or _says_plan(between):
            claim.base_text = "plan"
        elif _says_prior(own):
            claim.base_text = "prior"
            claim.prior_year = _prior_year(p, percent.end)
        claim.over = bool(ends_with_word(p.text[: percent.start], ("vuot",)))
        found.append(claim)
        owner[id(figure)] = claim
        owner[id(percent)] = claim


def own_phrase(p: Paragraph, figure: Figure) -> str:
    """The words right after a figure, to its clause's next ',', ';', bracket or sentence
    end (80 characters at most), folded: "so với kế hoạch năm", "so với cùng kỳ"."""
    return fold(re.split(r"[,;()]|[.!?]\s", p.text[figure.end : figure.end + 80], maxsplit=1)[0])


def _over_plan(p: Paragraph, percent: Figure) -> bool:
    """'127/120 đảng viên, vượt 5,83% so với chỉ tiêu': by how much A/B exceeds its plan."""
    return bool(ends_with_word(p.text[: percent.start], ("vuot",))) and _says_plan(
        own_phrase(p, percent)
    )


def is_change_word(before: str) -> bool:
    """'… 10.479/9.810 đảng viên, tăng 4,6% so với cùng kỳ': a change, not A/B's share."""
    return bool(
        ends_with_word(before, folded("change", "up"))
        or ends_with_word(before, folded("change", "down"))
    )


def _next_blocking(figures: list[Figure], i: int) -> Figure | None:
    for figure in figures[i + 1 :]:
        if blocks(figure):
            return figure
    return None


def _previous_blocking(figures: list[Figure], i: int) -> Figure | None:
    for figure in reversed(figures[:i]):
        if blocks(figure):
            return figure
    return None


def _says_plan(key: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", key) for w in folded("plan", "words"))


def _says_prior(key: str) -> bool:
    head = re.split(r"[,;()]", key)[0] if key else key
    return any(re.search(rf"\b{re.escape(w)}\b", head) for w in folded("prior", "words"))


def _prior_year(p: Paragraph, start: int) -> int | None:
    match = re.match(
        r"[^.;,(]{0,40}?(?:cùng kỳ|same period|so với|on|of)\s*(?:năm|of)?\s*"
        r"(\d{4}|(?:1[.,]9|2[.,]0)\d{2})(?![\d.,]\d)\b",
        p.text[start : start + 60],
        re.I,
    )
    return int(re.sub(r"\D", "", match.group(1))) if match else None


# a percentage of a number the words after it name: "3,02% số đảng viên cuối năm trước",
# "98% so với tổng số đảng viên" (never "so với cùng kỳ", "số với": no number named)
_OF_A_STOCK = re.compile(r"\s*(?:so với\s+)?(?:tổng\s+)?số\s+(?!với\b)[^\W\d_]", re.I)


def _own_noun(p: Paragraph, figure: Figure) -> bool:
    """'100% thôn, khu phố', '93,76% chi bộ', '30,96% TCCSĐ': a percentage of a thing it
    names itself."""
    from .wholes import thing_at

    after = p.text[figure.end : figure.end + 40]
    if re.match(r"\s*(?:thôn|tổ dân phố|xóm|ấp|bản|khu phố|làng)\b", after, re.I):
        return True
    return bool(re.match(r"\s*[^\W\d_]", after)) and thing_at(after) is not None


# ---------------------------------------------------------------- changes and plans


def _changes(p: Paragraph) -> dict[int, int]:
    """Counts that are a change on an earlier figure ("tăng 230 tổ chức", "(giảm 4 đảng
    viên)", "tăng so với cùng kỳ 01 đơn", "… và 124 đảng viên so với cùng kỳ"), with +1 up
    or -1 down. Keyed by the figure's id."""
    result: dict[int, int] = {}
    figures = p.figures
    ups, downs = folded("change", "up"), folded("change", "down")
    for i, figure in enumerate(figures):
        if figure.kind != "count":
            continue
        head = p.text[max(0, figure.start - 40) : figure.start]
        head = re.sub(r"(?:so với )?cùng kỳ\s*$|thêm\s*$", "", head.rstrip(), flags=re.I)
        direction = 0
        if ends_with_word(head, ups) and not ends_with_word(head, ("vuot",)):
            direction = 1
        elif ends_with_word(head, downs):
            direction = -1
        elif (
            i
            and id(figures[i - 1]) in result
            and re.fullmatch(
                r"\s*[^\W\d][^\d;,()]{0,30}\s+và\s*", _between(p, figures[i - 1], figure)
            )
        ):
            direction = result[id(figures[i - 1])]  # "tăng 230 tổ chức và 124 đảng viên"
        if direction:
            result[id(figure)] = direction
    return result


def _plan_bases(p: Paragraph) -> set[int]:
    """Counts that state a plan: "so với chỉ tiêu kế hoạch (9.744 đảng viên)", "đạt 87,4%
    chỉ tiêu tỉnh giao cả năm (190 đảng viên)", "chỉ tiêu tỉnh giao là 190 đảng viên"."""
    result: set[int] = set()
    for figure in p.figures:
        if figure.kind == "count":
            head = p.text[max(0, figure.start - 60) : figure.start]
            plan = _PLAN_HEAD.search(head)
            # "vượt kế hoạch cao như Thạch Thất (244 …": a list of units opens between the
            # plan's words and the count, the count is the first unit's, not the plan
            if plan and not _LIST_OPENS.search(plan.group()):
                result.add(id(figure))
    return result


# the plan's words, then up to four words saying whose or for when (no figure, no clause
# between), then "là" or an opening bracket, or nothing
_PLAN_HEAD = re.compile(
    r"\b(?:kế hoạch|chỉ tiêu|KH)(?:\s+[^\W\d_]+){0,4}\s*(?:là\s*|\(\s*)?$", re.I
)


_LIST_OPENS = re.compile(r"\b(?:như|gồm)\b", re.I)


def _owner_before(
    p: Paragraph,
    figure: Figure,
    owner: dict[int, Found],
    changes: dict[int, int],
    plan_bases: set[int],
    plan: bool = False,
) -> Figure | None:
    """The count (or ratio) a percentage or a change is about: the quantity before it in
    its clause, with only words between; past the percentages already about that same
    quantity ("192 đảng viên, vượt 47,7% kế hoạch năm, tăng 12,9% …")."""
    figures = p.figures
    i = p.index(figure)
    right = figure
    for left in reversed(figures[:i]):
        if not blocks(left) or id(left) in plan_bases:
            continue
        if left.sentence != figure.sentence or not _joins(_between(p, left, right), plan):
            return None
        if id(left) in changes:
            right = left  # past the change itself: "giảm 2 đồng chí, tỷ lệ 3,92%"
            continue
        if left.kind == "excluded" and left.why == "approximate" and "%" in left.text:
            right = left  # "đạt hơn 120% chỉ tiêu tỉnh giao và bằng 145% chỉ tiêu …"
            continue
        if left.kind in ("count", "ratio"):
            if figure.paren != -1 and left.paren > figure.paren:
                return None
            if figure.paren == -1 and left.paren != -1:
                # "1.616 đảng viên (…, khai trừ 165), bằng 171,7% so với …": a count inside
                # a bracket closed before the percentage is a detail, not what it is about;
                # the count right before the bracket is ("08 (có 01 đảng bộ và 07 chi bộ),
                # chiếm tỷ lệ 15,67%")
                return _before_bracket(p, figure, left.paren, plan)
            if _WHOLE_ONLY.search(p.text[max(0, left.start - 80) : left.start]):
                return None  # "Trong tổng số 1587 đại biểu, …": a whole, no share's count
            if _UNITS.match(p.text[left.end : left.end + 20]):
                return None
            return left
        if left.kind == "percent" and id(left) in owner and owner[id(left)].count is not None:
            return owner[id(left)].count
        return None
    return None


def _before_bracket(p: Paragraph, figure: Figure, opened: int, plan: bool) -> Figure | None:
    """The count right before the bracket opened at `opened`, with only words between, when
    the bracket's close and the percentage `figure` are joined too."""
    closed = p.text.find(")", opened)
    if closed < 0 or closed > figure.start or not _joins(p.text[closed + 1 : figure.start], plan):
        return None
    if not re.search(r"\b(?:chiem|ty le|ti le|dat)\b", fold(p.text[closed + 1 : figure.start])):
        return None  # "(…, khai trừ 165), bằng 171,7% so với nửa nhiệm kỳ …": a comparison
    count = next(
        (f for f in reversed(p.figures) if f.end <= opened and blocks(f)),
        None,
    )
    if (
        count is None
        or count.kind != "count"
        or count.paren != -1
        or count.sentence != figure.sentence
        or re.search(r"[,;:]", p.text[count.end : opened])
        or len(p.text[count.end : opened].split()) > 4
    ):
        return None
    return count


# Words that tie a percentage to the count before it across a comma: "N đảng viên, chiếm
# X%", "N TCCSĐ hoàn thành tốt nhiệm vụ, tỷ lệ X%", "N đảng viên, đạt X% kế hoạch".
_TIES = re.compile(
    r"\b(?:chiem|ty le|ti le|dat|bang|tuong duong|la|vuot|vuot muc|hoan thanh|tang|giam|"
    r"so voi|voi ty le|voi ti le|muc|accounting for|accounted for|accounts? for|or|reaching|"
    r"reached|which is|up|down)\b"
)


def _new_subject(p: Paragraph, count: Figure, figure: Figure) -> bool:
    """Whether a new subject stands between a count and the percentage after it, past a
    comma or a colon: 'Kết nạp 31 đảng viên, nữ chiếm 45,2%', 'Tổng số đảng viên: 31, nữ:
    45,2%', '…, đảng viên từ 18 - 30 tuổi chiếm 45,2%': the percentage is a share of a part
    the text names in words, the count is its whole. A bracket opened after the count ties
    the percentage to the phrase right before it, commas and all."""
    i, j = p.index(count), p.index(figure)
    if any(blocks(f) for f in p.figures[i + 1 : j]):
        return False
    gap = p.text[count.end : figure.start]
    if figure.paren > count.end:
        return False  # "1.067 đại biểu có trình độ Thạc sỹ, Tiến sĩ (chiếm 67,32%)": its own
    pieces = re.split(r"([,:])", gap)  # text, separator, text, …
    if len(pieces) < 3:
        return False

    def words(piece: str) -> bool:
        return bool(re.search(r"[^\W\d_]", _TIES.sub(" ", fold(re.sub(r"\d", " ", piece)))))

    # the words after the last separator ("…, nữ chiếm"), or a label before a last colon
    # ("…, nữ: 45,2%"); the count's own words may hold commas ("765 chi bộ, đảng bộ cơ sở
    # tổ chức xong đại hội, đạt 98,9%")
    return words(pieces[-1]) or (pieces[-2] == ":" and len(pieces) >= 5 and words(pieces[-3]))


def _distributive(p: Paragraph, figure: Figure) -> bool:
    """'(tăng 18,1% tổ chức đảng và 15,7% đảng viên so với năm 2020)': percentages in one
    bracket each of its own thing, about no one count before."""
    if figure.paren < 0:
        return False
    inside = [f for f in p.figures if f.paren == figure.paren and f.kind == "percent"]
    return len(inside) > 1 and any(_own_noun(p, f) for f in inside)


_LINKS = (
    ("chiem", re.compile(r"\bchiem(?: ty le| ti le)?\s*\(?\s*$")),
    ("ty le", re.compile(r"\b(?:ty le|ti le)\s*$")),
    ("paren", re.compile(r"\(\s*$")),
    ("bang", re.compile(r"\b(?:bang|tuong duong)\s*$")),
    ("dat", re.compile(r"\bdat(?: ty le| ti le)?\s*$")),
)


def _link(p: Paragraph, count: Figure, figure: Figure) -> str:
    gap = p.text[count.end : figure.start]
    key = fold(gap) + ("(" if gap.rstrip().endswith("(") else "")
    for name, pattern in _LINKS:
        if pattern.search(key):
            return name
    if re.search(r"[:(]\s*$", gap):
        return "paren"
    return "other"


def _percent_claim(
    p: Paragraph,
    figure: Figure,
    owner: dict[int, Found],
    changes: dict[int, int],
    plan_bases: set[int],
) -> Found:
    before = p.text[: figure.start]
    after = p.text[figure.end :]
    phrase = own_phrase(p, figure)
    claim = Found("share", figure, figure.start, figure.end, stated=figure.value)
    direction = 0
    if ends_with_word(before, folded("change", "up")):
        direction = 1
    elif ends_with_word(before, folded("change", "down")):
        direction = -1
    if not direction:
        direction = _shared_direction(p, figure)
    over = bool(ends_with_word(before, ("vuot",)))
    plan_after = _says_plan(phrase)
    prior_after = _says_prior(phrase)
    change = _change_for(p, figure, changes)
    unit = unit_before(before)
    if unit and not (direction or over or prior_after or change is not None):
        # "thấp nhất là Sóc Sơn (50%)": the unit's own rate, of no count of the text
        claim.unit = unit
        claim.kind = "plan" if plan_after or _in_plan_context(p, figure) else "share"
        return claim
    changed = _DIRECTION_IN_BRACKET.search(before) if direction else None
    unit = unit_before(before[: changed.start() + 1]) if changed else ""
    # a count before it in its clause is what changed ("139 đảng viên là đoàn viên Đoàn
    # TNCS Hồ Chí Minh (giảm 0,7% …)"), never a unit (its clause: after the item or the
    # sentence before it, "…), ", "; ", ". "; a decimal comma or point is no boundary)
    clause = (
        before[max(map(before.rfind, (", ", ". ", ";", ":", ")", "\n"))) + 1 : changed.start()]
        if changed
        else ""
    )
    if unit and not (over or change is not None or re.search(r"\d", clause)):
        # "tăng cao là Mê Linh (tăng 23,7%)": the unit's own change on the same period
        claim.unit, claim.kind, claim.direction = unit, "same_period", direction
        return claim
    of_a_stock = not (direction or over or change is not None) and _OF_A_STOCK.match(after)
    if of_a_stock:
        # "đạt 3,02% số đảng viên cuối năm trước": a share of a number it names, neither a
        # comparison with the same period for the words "năm trước" nor a percent of plan
        prior_after = plan_after = False
    if plan_after and (direction or over or not prior_after):
        claim.kind, claim.over = "plan", over
        if direction and not over:
            claim.direction = direction
    elif (
        direction
        or change is not None
        or (prior_after and ends_with_word(before, folded("change", "of")))
    ):
        claim.kind, claim.direction = "same_period", direction
        claim.prior_year = _prior_year(p, figure.end)
        if change is not None:
            claim.change, claim.change_figure = change.count, change
            if not claim.direction:
                claim.direction = changes[id(change)]
    elif not of_a_stock and (
        _in_plan_context(p, figure)
        or (figure.value > 100 and ends_with_word(before, ("dat",)) and not prior_after)
    ):
        # "kết nạp 10.479 đảng viên, đạt 106,8%, tăng 4,6% …": reaching more than the whole
        # is no share of it, but of the plan (trial 44: a false SAI on the commonest phrase)
        claim.kind = "plan"
    if claim.kind == "same_period" and _distributive(p, figure):
        return claim  # "(tăng 18,1% tổ chức đảng và 15,7% đảng viên …)": about no one count
    if claim.kind in ("share", "plan") and _own_noun(p, figure):
        claim.named_base = fold(after[:40]) if claim.kind == "share" else ""
        return claim  # "đạt 100% thôn, khu phố có chi bộ": no share of the count before
    count = _owner_before(p, figure, owner, changes, plan_bases, plan=claim.kind == "plan")
    if count is not None and claim.kind in ("share", "plan") and _new_subject(p, count, figure):
        count = None  # "Kết nạp 31 đảng viên, nữ chiếm 45,2%": 31 is the whole, not the part
    claim.count = count
    if claim.kind == "plan":
        plan = _stated_plan(p, figure, plan_bases)
        if plan is not None:
            claim.base, claim.base_text, claim.base_figure = plan.count, "plan", plan
    if claim.kind == "share":
        claim.named_base, named = _named_base(p, figure)
        if named is not None:
            claim.base, claim.base_figure, claim.base_text = named.count, named, "named"
        if count is None:
            tail = _count_after(p, figure)
            if tail is not None:
                claim.count, claim.base_text = tail, "after"
        elif count is not None:
            claim.link = _link(p, count, figure)
    if count is not None:
        claim.start = min(count.start, figure.start)
    return claim


def _shared_direction(p: Paragraph, figure: Figure) -> int:
    """The direction a percentage shares with the one before it, in "tăng 18,1% tổ chức đảng
    và 17,5% đảng viên": +1 or -1 when only a thing's words and "và" stand between them."""
    i = p.index(figure)
    previous = _previous_blocking(p.figures, i)
    if previous is None or previous.kind != "percent" or previous.sentence != figure.sentence:
        return 0
    between = fold(p.text[previous.end : figure.start]).split()
    if not 1 < len(between) <= 5 or between[-1] != "va" or not between[0].isalpha():
        return 0
    before = p.text[: previous.start]
    if ends_with_word(before, folded("change", "up")):
        return 1
    if ends_with_word(before, folded("change", "down")):
        return -1
    return 0


def _change_for(p: Paragraph, figure: Figure, changes: dict[int, int]) -> Figure | None:
    """The change in numbers a percentage states beside it: "tăng 12.308 đảng viên
    (6,66%)", "giảm 6,67% (giảm 4 đảng viên)", "giảm 2 đồng chí, tỷ lệ 3,92%"."""
    i = p.index(figure)
    nxt = next((f for f in p.figures[i + 1 :] if blocks(f)), None)
    if nxt is not None and id(nxt) in changes and nxt.sentence == figure.sentence:
        gap = p.text[figure.end : nxt.start]
        if re.fullmatch(r"\s*\(\s*(?:tăng|giảm|up|down)\s*", gap, re.I):
            return nxt
    prev = next((f for f in reversed(p.figures[:i]) if blocks(f)), None)
    if prev is not None and id(prev) in changes and prev.sentence == figure.sentence:
        gap = p.text[prev.end : figure.start]
        if len(gap) < 40 and ";" not in gap and re.search(r"(?:\(|tỷ lệ|tỉ lệ|,)\s*$", gap):
            return prev
    return None


# a change in brackets after a name: "Mê Linh (tăng ", "Quốc Oai (giảm "
_DIRECTION_IN_BRACKET = re.compile(
    r"\((?:\s*)(?:tăng|giảm|increase[sd]?|decrease[sd]?|up|down)\s*$", re.I
)


_NUMBERED_PLACE = re.compile(rf"(?<!\w)((?:{PLACE_NUMBERED_WORDS})(?:\s+số)?\s*\d+)\s*\(\s*$", re.I)


def unit_before(before: str) -> str:
    """The name a percentage in parentheses follows: 'Sóc Sơn (50%)', 'Hai Bà Trưng (83,3%)';
    '' when the words before the parenthesis are no name (each word capitalised, not an
    abbreviation); a place named by its number ('Chi bộ thôn 1 (100%)': 'thôn 1')."""
    before = last_words(before)
    numbered = _NUMBERED_PLACE.search(before)
    if numbered:
        return numbered.group(1)
    match = re.search(r"((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s*\(\s*$", before)
    if not match:
        return ""
    words = match.group(1).split()
    name: list[str] = []
    for word in reversed(words):
        if not word[0].isupper() or (len(word) > 1 and word.isupper()):
            break
        name.insert(0, word)
    said = " ".join(name)
    if said and organization_before(before[: before.rfind(said)]):
        # "Chi bộ Trường THPT Sóc Sơn (150%)": the school's, not Sóc Sơn's
        return match.group(1)
    return said


# a unit's type word, between an organization's words and the unit's name ("Công an quận")
_TYPE_WORD = re.compile(r"\b(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn)\s*$", re.I)


def organization_before(text: str) -> bool:
    """Whether `text` ends with an organization's words, a unit's type word perhaps after
    them: what follows is that organization's name ("Đảng bộ Công an quận Ba Đình")."""
    return (
        ends_with_word(_TYPE_WORD.sub("", last_words(text)), folded("organization", "words"))
        is not None
    )


def _in_plan_context(p: Paragraph, figure: Figure) -> bool:
    """'Đảng bộ Quân sự tỉnh kết nạp 5 ĐV mới, đạt 50%' in a list of units against plan:
    the sentence, or the one before, speaks of kế hoạch or chỉ tiêu."""
    head = fold(p.text[max(0, figure.start - 12) : figure.start])
    opens = p.text[: figure.start].rstrip().endswith("(")
    start = p.sentences[figure.sentence][0]
    clause_start = max(start, p.text.rfind(";", 0, figure.start) + 1)
    if (
        not re.search(r"\bdat\s*$", head)
        and not opens
        and not _listed_after_a_rate(p.text, start, clause_start, figure.start)
    ):
        return False
    raw = p.text[clause_start : figure.start]
    clause = fold(raw)
    if (
        re.search(r"\b(?:trong do|of which)\b", clause)
        and not re.search(r"\b(?:ke hoach|chi tieu|plan)\b", clause)
        and not (_NAMED_RATE.search(raw) and not re.search(r"\d", raw))
    ):
        return False  # "…, đạt 106,8% kế hoạch; trong đó nữ: 4.567 (43,6%)": a part's share
    for i in (figure.sentence, figure.sentence - 1):
        if 0 <= i < len(p.sentences):
            start, end = p.sentences[i]
            if _PLAN_WORD.search(fold(p.text[start:end])):
                return True
    return False


# a unit's name and "đạt" right before a rate: "như: Đảng bộ Quân sự tỉnh đạt 61,90%"
_NAMED_RATE = re.compile(r"(?:^|[\s:,])[A-ZĐÀ-Ỹ][^\s,;:()]*(?:\s+[^\s,;:()\d]+){0,5}\s+đạt\s*$")
# a list's item that is a name and nothing else: "; Đảng bộ huyện Ninh Sơn 45,16%"
_NAME_ONLY = re.compile(r"^\s*[A-ZĐÀ-Ỹ][^\s,;:()]*(?:\s+[^\s,;:()\d]+){0,5}\s*$")
_RATE_ITEM = re.compile(r"[\d.,]*\d\s*%\s*(?:\.{3}|…)?\s*$")


def _listed_after_a_rate(text: str, sentence: int, clause: int, at: int) -> bool:
    """Whether a bare 'Name X%' is an item of a list of units' rates (separated by ';')
    whose nearest item before with a verb says "Name đạt Y%": the items of "cao như:
    Đảng bộ Quân sự tỉnh đạt 61,90%; Đảng bộ huyện Ninh Sơn 45,16%; …" are alike."""
    if clause <= sentence or not _NAME_ONLY.match(text[clause:at]):
        return False
    end = clause - 1  # the ';' that ends the item before
    while end > sentence:
        begin = max(sentence, text.rfind(";", sentence, end) + 1)
        item = text[begin:end]
        rate = _RATE_ITEM.search(item)
        if rate is None:
            return False
        lead = item[: rate.start()]
        if _NAMED_RATE.search(lead):
            return True
        if begin == sentence or not _NAME_ONLY.match(lead):
            return False
        end = begin - 1
    return False


# "kế hoạch hóa gia đình" (family planning) is a kind of violation, no plan
_PLAN_WORD = re.compile(r"\b(?:ke hoach(?! hoa\b)|chi tieu|plan)\b")


def _stated_plan(p: Paragraph, figure: Figure, plan_bases: set[int]) -> Figure | None:
    """The plan a percent of plan is of: stated near it in its sentence, or as the one plan
    of the sentence before ("Chỉ tiêu tỉnh giao là 190 đảng viên. … đạt 86,9% kế hoạch")."""
    for other in p.in_sentence(figure.sentence):
        if id(other) in plan_bases and abs(other.start - figure.start) < 80:
            return other
    if figure.sentence > 0:
        before = [f for f in p.in_sentence(figure.sentence - 1) if id(f) in plan_bases]
        if len(before) == 1:
            return before[0]
    return None


def _named_base(p: Paragraph, figure: Figure) -> tuple[str, Figure | None]:
    """'… chiếm 67,54% tổng số đảng viên được kết nạp trong năm', '99,8% số chi bộ trong
    tổng số 5.587 chi bộ': the base the share names (folded, '' if none) and the count it
    gives for it, if any."""
    after = p.text[figure.end :]
    phrase = re.split(r"[,;()]|\.\s", after, maxsplit=1)[0]
    key = fold(re.sub(r"\d[\d.,]*", " ", phrase))
    if not starts_with_word(key, folded("share", "base")):
        return "", None
    end = figure.end + len(phrase)
    number = next((f for f in p.figures if figure.end < f.start < end and f.kind == "count"), None)
    if number is not None and not re.search(
        r"tổng số\s*$", p.text[number.start - 12 : number.start], re.I
    ):
        number = None
    return key, number


def _count_after(p: Paragraph, figure: Figure) -> Figure | None:
    """'chiếm 1,32% so với tổng số đảng viên toàn tỉnh (510 đảng viên)': the count in
    brackets right after the share is the share's own count."""
    i = p.index(figure)
    if i + 1 < len(p.figures):
        nxt = p.figures[i + 1]
        gap = p.text[figure.end : nxt.start]
        if nxt.kind == "count" and re.fullmatch(r"[^\d;.]{0,60}\(\s*", gap):
            return nxt
    return None
