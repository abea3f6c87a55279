"""Counts of units against their plan, as reports write them, and their check against the
data's units: "cả 30 đơn vị đều vượt kế hoạch", "29 đơn vị vượt kế hoạch", "có 29/30 đơn
vị hoàn thành kế hoạch", "100% đơn vị đạt và vượt chỉ tiêu", "Có 8 đảng bộ trực thuộc Thành
ủy đã kết nạp vượt kế hoạch", "5 units fell short of the plan".

Only the data's own units can be counted: words for them ("đơn vị", "đảng bộ trực
thuộc", "địa phương"), or other units whose number the sentence gives as the data's
("30/30 quận, huyện, thị xã"). A count of other units ("12 huyện", "2 cơ sở đảng") is
tied to its indicator, but the data cannot check it: it is listed unchecked, saying why."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache

from ..model import Report
from ..text import fold
from .claims import Found, Paragraph
from .indicators import label_of
from .numbers import Figure, agrees, number, shown, words

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
Phrase = tuple[str, ...]


def _tokens(text: str) -> list[tuple[str, int]]:
    """Words folded ('Đơn' -> 'don'), digits and punctuation, each with where it ends."""
    return [
        (fold(m.group()) if m.group()[0].isalpha() else m.group(), m.end())
        for m in _TOKEN.finditer(text)
    ]


@cache
def _phrases(key: str) -> tuple[Phrase, ...]:
    """A word list of words.toml [units], as token tuples, longest first."""
    found = {tuple(t for t, _ in _tokens(w)) for w in words()["units"][key]}
    return tuple(sorted(found, key=len, reverse=True))


def _at(tokens: list[str], i: int, key: str) -> int:
    """How many tokens from `i` the longest phrase of the list `key` takes (0: none)."""
    for phrase in _phrases(key):
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


@dataclass(frozen=True)
class Reading:
    """How a sentence counts units: the noun as written, whether it names the data's own
    units, what they did against the plan (None: nothing is said of it), and whether the
    figure says they are all the units ("cả 30 đơn vị", "100% đơn vị")."""

    figure: Figure  # the count, ratio or percentage of units
    noun: str
    own: bool
    which: str | None  # above, reached, met (at the plan, or at least it), below
    every: bool


# A figure the subject of its clause: "Năm 2023, 29 …", "có 8 …", "trong đó 2 …".
_SUBJECT = re.compile(
    r"(?:^|[,;:.(]|\b(?:có|cả|tất cả|toàn bộ|trong đó|là|all|of which|with))\s*$", re.I
)
_BETWEEN = 8  # words between the units and what they did: "đã kết nạp", "đều phát triển được"


def read(p: Paragraph, figure: Figure) -> Reading | None:
    """The units a count, a ratio or a percentage counts, when it counts units; None when
    it counts something else."""
    if figure.kind not in ("count", "ratio", "percent"):
        return None
    tail = p.text[figure.end : figure.end + 200]
    marked = _tokens(tail)
    tokens = [t for t, _ in marked]
    size = _at(tokens, 0, "own") or _at(tokens, 0, "other")
    if not size:
        return None
    own = _at(tokens, 0, "own") == size
    end = size
    while end < len(tokens) and tokens[end] in (",", "/", "va", "and"):
        more = _at(tokens, end + 1, "own") or _at(tokens, end + 1, "other")
        if not more:
            break
        own, end = False, end + 1 + more  # "quận, huyện, thị xã": other units, listed
    noun = re.sub(r"\s+", " ", tail[: marked[end - 1][1]].strip())
    before = p.text[: figure.start]
    every = figure.kind == "percent" and figure.value == 100
    every = every or bool(re.search(r"\b(?:cả|tất cả|toàn bộ|all)\s*$", before, re.I))
    every = every or (figure.kind == "ratio" and figure.a == figure.b)  # "30/30 quận, …"
    # "30 quận, huyện, thị xã đều …": all of them, unless a part ("có", "trong đó", "còn")
    every = every or (
        tokens[end : end + 1] == ["deu"]
        and figure.kind == "count"
        and not re.search(r"\b(?:có|trong đó|còn|chỉ|riêng|with|of which)\s*$", before, re.I)
    )
    which = _what_they_did(tokens, end)
    if which is None and not own and not every:
        return None  # "1.240 đảng bộ cơ sở": a count of what an indicator counts
    if not own and not _SUBJECT.search(before):
        return None  # "thành lập được 12 đảng bộ …": the object of another verb
    return Reading(figure, noun, own, which, every)


def _what_they_did(tokens: list[str], start: int) -> str | None:
    for i in range(start, min(start + _BETWEEN + 1, len(tokens))):
        if not tokens[i][0].isalpha():
            return None  # "…, đạt 102,6% kế hoạch": another clause, or a figure
        for which in ("below", "reached", "above", "met", "no_plan"):
            size = _at(tokens, i, which)
            if size and _at(tokens, i + size, "plan"):
                after = i + size + _at(tokens, i + size, "plan")
                if which == "met" and _at(tokens, after, "at_least"):
                    return "reached"  # "đạt kế hoạch trở lên"
                return which
        if any(_at(tokens, i, which) for which in ("below", "reached", "above", "met")):
            return None  # "đạt trên 50% chỉ tiêu", "đạt “bốn tốt”": not the plan itself
    return None


# ---------------------------------------------------------------- against the data

WORDS = {
    "above": ("vượt kế hoạch", "exceeded the plan"),
    "reached": ("đạt kế hoạch trở lên", "reached the plan"),
    "met": ("đạt kế hoạch", "met the plan"),
    "below": ("chưa đạt kế hoạch", "fell short of the plan"),
    "no_plan": ("không có kế hoạch", "had no plan"),
}


def check_units(found: Found, reading: Reading, indicator: str | None, data: Report) -> None:
    """How many of the data's units with a plan for the indicator exceeded it, reached it
    (at or above), met it (at it, or at least it) or fell short, against the count."""
    if found.status == "mismatch":
        return  # the text's own arithmetic is wrong already, and says why
    figure = reading.figure
    if _all_units(found, reading, indicator, data) or indicator is None:
        return
    label = (label_of(indicator, "vi"), label_of(indicator, "en"))
    if reading.which is None:
        _unchecked(
            found,
            f"câu đếm {reading.noun} nhưng không nói đạt hay chưa đạt kế hoạch ({label[0]})",
            f"it counts {reading.noun} but says nothing of the plan ({label[1]})",
        )
        return
    which = reading.which
    units = [
        u.figures
        for u in data.units
        if u.figures.indicator == indicator
        and u.figures.actual is not None
        and (u.figures.plan or which == "no_plan")  # those without a plan: all that report
    ]
    n = len(units)
    whole = figure.b if figure.kind == "ratio" else None
    counted = figure.a if figure.kind == "ratio" else figure.count
    given = whole if whole is not None else counted if reading.every else None
    if not (reading.own or (given == n and n and figure.kind != "percent")):
        every = len({u.code for u in data.units})
        _unchecked(
            found,
            f"dữ liệu có {number(every, 'vi')} đơn vị, không đếm được "
            f"“{reading.noun}” ({label[0]})",
            f"the data has {number(every, 'en')} units and cannot count "
            f"“{reading.noun}” ({label[1]})",
        )
        return
    if not units:
        _unchecked(
            found,
            f"dữ liệu không có kế hoạch của từng đơn vị ({label[0]})",
            f"the data has no unit's plan ({label[1]})",
        )
        return
    signs = [_sign((u.actual or 0) - (u.plan or 0)) for u in units]
    above, at = signs.count(1), signs.count(0)
    counts = {"above": above, "reached": above + at, "met": above + at, "below": n - above - at}
    counts["no_plan"] = sum(1 for u in units if not u.plan)
    count = counts[which]
    if which == "met" and counted == at and figure.kind != "percent":
        count = at  # "3 đơn vị đạt kế hoạch" beside those that exceeded it: at the plan
    found.basis = f"{which}: {count}/{n} ({indicator})"
    found.shown = (
        f"{number(count, 'vi')}/{number(n, 'vi')} đơn vị {WORDS[which][0]}",
        f"{number(count, 'en')}/{number(n, 'en')} units {WORDS[which][1]}",
    )
    said = (
        f"{'cả ' if reading.every and figure.kind != 'percent' else ''}{figure.text.strip()} "
        f"{reading.noun} {_verb(which, 'vi')}",
        f"{'all ' if reading.every and figure.kind != 'percent' else ''}{figure.text.strip()} "
        f"{reading.noun} {_verb(which, 'en')}",
    )
    data_says = (
        f"theo dữ liệu là {number(count, 'vi')} trong {number(n, 'vi')} đơn vị"
        + (f", {number(at, 'vi')} đơn vị đạt đúng kế hoạch" if which == "met" and at else "")
        + f" ({label[0]})",
        f"the data has {number(count, 'en')} of {number(n, 'en')} units"
        + (f", {number(at, 'en')} exactly at the plan" if which == "met" and at else "")
        + f" ({label[1]})",
    )
    if figure.kind == "percent":
        right = agrees(figure.value, Fraction(count * 100, n))
    else:
        right = counted == count and (whole is None or whole == n)
        right = right and not (reading.every and counted != n)  # "cả 30": all of them
    found.stated, found.computed = Decimal(counted), Decimal(count)
    if found.anchor.kind == "percent":  # "100% đơn vị", "29/30 đơn vị (96,7%)"
        stated = found.anchor.value
        found.stated, found.computed = stated, shown(Fraction(count * 100, n), stated)
    if right:
        found.status = "ok"
        return
    found.status = "mismatch"
    found.reason = (f"ghi {said[0]}, nhưng {data_says[0]}", f"states {said[1]}, but {data_says[1]}")


def _all_units(found: Found, reading: Reading, indicator: str | None, data: Report) -> bool:
    """'cả 30 đơn vị', '30/30 quận, huyện, thị xã đều …': a number of units the sentence
    gives as all of them, against the data's number of units. True when that settles the
    claim (no plan to check it against, or no indicator to find the plan of)."""
    figure = reading.figure
    whole = figure.b if figure.kind == "ratio" else figure.count if reading.every else None
    if whole is None or figure.kind == "percent":
        if indicator is None:
            found.status = "unmatched"
        return indicator is None
    n = len({u.code for u in data.all_units})
    noun = reading.noun
    if whole != n:
        if not reading.own:  # districts in a report whose data is of communes: not its units
            _unchecked(
                found,
                f"dữ liệu có {number(n, 'vi')} đơn vị, không đếm được “{noun}”",
                f"the data has {number(n, 'en')} units and cannot count “{noun}”",
            )
            return True
        found.stated, found.computed = Decimal(whole), Decimal(n)
        found.basis, found.shown = f"units: {n}", (f"{n} đơn vị (dữ liệu)", f"{n} units (data)")
        found.status = "mismatch"
        found.reason = (
            f"ghi {number(whole, 'vi')} {noun} là tất cả, nhưng dữ liệu có {number(n, 'vi')} đơn vị",
            f"states all {number(whole, 'en')} {noun}, but the data has {number(n, 'en')} units",
        )
        return True
    if reading.which is not None and indicator is not None:
        return False  # the number is right; what they did is checked against the plan
    found.stated, found.computed = Decimal(whole), Decimal(n)
    found.basis = f"units: {n}"
    found.shown = (f"{number(n, 'vi')} đơn vị (dữ liệu)", f"{number(n, 'en')} units (data)")
    if reading.which is None:
        found.status = "ok"
    else:
        _unchecked(
            found,
            f"đúng {number(n, 'vi')} đơn vị của dữ liệu, nhưng câu không nói chỉ tiêu nào "
            f"để kiểm “{_verb(reading.which, 'vi')}”",
            f"the data's {number(n, 'en')} units, but the sentence names no indicator to "
            f"check “{_verb(reading.which, 'en')}” against",
        )
    return True


def _verb(which: str, lang: str) -> str:
    return WORDS[which][0 if lang == "vi" else 1]


def _unchecked(found: Found, vi: str, en: str) -> None:
    found.status = "unchecked"
    found.reason = (vi, en)


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)
