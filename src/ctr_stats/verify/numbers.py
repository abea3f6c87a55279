"""The figures of a paragraph as reports print them: counts, percentages, ratios A/B, and
the numbers that are no figure at all (dates, years, document numbers, durations, ages,
approximations, thresholds, ranges, amounts). Exact decimal arithmetic throughout."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

from ..text import faithful, fold

# ---------------------------------------------------------------- number text


def parse_count(text: str) -> int:
    """'10.479', '10,479', '10479', '1 234' -> 10479 (a separator before three digits
    groups them)."""
    return int(re.sub(r"[.,\s\u00a0]", "", text))


def parse_percent(text: str) -> Decimal:
    """'188,1' / '188.1' / '106.82' -> Decimal; '1.234,5' -> 1234.5, '1,234.5' -> 1234.5."""
    text = text.strip().rstrip("%").strip()
    if re.fullmatch(r"[1-9]\d{0,2}(?:[.,]\d{3})+", text):  # "0,036" is no thousands
        return Decimal(parse_count(text))
    if "," in text and "." in text:  # the last separator is the decimal one
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        text = text.replace(group_sep, "").replace(decimal_sep, ".")
    return Decimal(text.replace(",", "."))


def decimals(value: Decimal) -> int:
    return max(0, -int(value.as_tuple().exponent))


def to_decimal(exact: Fraction) -> Decimal:
    return Decimal(exact.numerator) / Decimal(exact.denominator)


def agrees(stated: Decimal, exact: Fraction) -> bool:
    """Half-up or truncated to the decimals printed: 106,8 and 106,82 for 10.479/9.810."""
    step = Decimal(1).scaleb(-decimals(stated))
    value = to_decimal(exact)
    return stated in (value.quantize(step, ROUND_HALF_UP), value.quantize(step, ROUND_DOWN))


def shown(exact: Fraction, like: Decimal, extra: int = 0) -> Decimal:
    """`exact` at the decimals `like` was printed with (plus `extra`), rounded half-up, or
    truncated when that is what `like` is (15% for 16/103 = 15,53%)."""
    step = Decimal(1).scaleb(-(decimals(like) + extra))
    truncated = to_decimal(exact).quantize(step, ROUND_DOWN)
    return truncated if truncated == like else to_decimal(exact).quantize(step, ROUND_HALF_UP)


def stated_interval(stated: Decimal) -> tuple[Fraction, Fraction]:
    """The exact values a percentage printed as `stated` may stand for, rounded half-up or
    truncated: [low, high)."""
    half = Fraction(1, 2 * 10 ** decimals(stated))
    value = Fraction(stated)
    return value - half, value + 2 * half  # half-up [v - h, v + h) or truncated [v, v + 2h)


def bases(count: int, stated: Decimal) -> tuple[Fraction, Fraction] | None:
    """The wholes n for which count/n x 100 prints as `stated`: the interval (low, high]
    (None for a zero percentage)."""
    low, high = stated_interval(stated)
    if high <= 0:
        return None
    top = Fraction(count * 100) / low if low > 0 else Fraction(10**12)
    return Fraction(count * 100) / high, top


def whole_numbers(span: tuple[Fraction, Fraction] | None, floor: int = 1) -> range:
    """The whole numbers in the interval (low, high], from `floor` up."""
    if span is None:
        return range(0)
    low, high = span
    first = max(floor, int(low) + 1)
    last = int(high)
    return range(first, min(last, first + 10**7) + 1)


def number(value: Decimal | int | None, lang: str) -> str:
    """10.479 / 34,29 (vi); 10,479 / 34.29 (en): at the decimals the value has."""
    from ..render.numbers import format_number

    if value is None:
        return ""
    exact = Decimal(value)
    return format_number(exact, lang, decimals(exact))


def pct(value: Decimal, lang: str) -> str:
    return number(value, lang) + "%"


_BARE = re.compile(r"(?<![\d.,])(?<!năm )(?<!kỳ )(?<!year )\d{4,}(?![\d.,])")


def grouped(text: str, lang: str) -> str:
    """'10479/9810' -> '10.479/9.810' (vi), '10,479/9,810' (en): the bare whole numbers of
    a computed basis as people read them; numbers as the report wrote them, and years
    ("năm 2022", "cùng kỳ 2022"), stay."""
    return _BARE.sub(lambda m: number(int(m.group()), lang), text)


# ---------------------------------------------------------------- vocabulary


@cache
def words() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("words.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def folded(*path: str) -> tuple[str, ...]:
    """A word list of words.toml, folded, longest first."""
    node: Any = words()
    for key in path:
        node = node[key]
    return tuple(sorted({fold(w) for w in node}, key=len, reverse=True))


# The characters of a text looked at for a word it starts or ends with: far more than any
# word list's longest. A figure's text before and after is the rest of its paragraph, and
# folding all of it for each figure made a long paragraph's time and memory grow as its
# square (trial 47: a draft pasted with single line breaks is one Markdown paragraph).
_WINDOW = 200


def last_words(text: str) -> str:
    """The end of `text`, at most _WINDOW characters, from a word's start."""
    if len(text) <= _WINDOW:
        return text
    tail = text[-_WINDOW:]
    return tail[tail.find(" ") + 1 :] if " " in tail else tail


def first_words(text: str) -> str:
    """The start of `text`, at most _WINDOW characters, up to a word's end."""
    if len(text) <= _WINDOW:
        return text
    head = text[:_WINDOW]
    return head[: head.rfind(" ")] if " " in head else head


def ends_with_word(text: str, group: tuple[str, ...]) -> str | None:
    """The word of `group` the folded `text` ends with (whole words, nothing but spaces
    after it), longest first."""
    text = last_words(text)
    if re.search(r"[,;:()\[\]\"“”'’.!?]\s*$", text):
        return None
    key = fold(text)
    for word in group:
        if key == word or key.endswith(" " + word):
            return word
    return None


def starts_with_word(text: str, group: tuple[str, ...]) -> str | None:
    key = fold(first_words(text))
    for word in group:
        if key == word or key.startswith(word + " "):
            return word
    return None


# ---------------------------------------------------------------- figures

Kind = str  # count, percent, ratio, excluded


@dataclass
class Figure:
    start: int
    end: int
    text: str
    kind: Kind
    value: Decimal = Decimal(0)  # a count's or a percentage's value
    a: int = 0  # a ratio's A and B
    b: int = 0
    why: str = ""  # why an excluded number is no figure
    paren: int = -1  # the innermost bracket it stands in (-1: none)
    sentence: int = 0

    @property
    def count(self) -> int:
        return int(self.value)

    @property
    def is_figure(self) -> bool:
        return self.kind != "excluded"


_NUM = r"(?:\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)"
_TOKEN = re.compile(
    # "50 trong tổng số 88 thôn": A/B in words
    rf"(?P<worded>(?P<wa>{_NUM})\s+(?:trong|trên)\s+(?:tổng\s+)?số\s+(?P<wb>{_NUM})(?![\d/]))"
    rf"|(?P<ratio>(?P<a>{_NUM})\s*/\s*(?P<b>{_NUM})(?![\d/]))"
    rf"|(?P<percent>(?P<p>{_NUM})\s*[%％])"
    rf"|(?P<number>{_NUM})"
)
_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{2,4}\b")
_DATE_WORD = (
    r"(?:ngày|đến|sáng|chiều|tối|trưa|hôm|nay|từ|đợt|dịp|hết|tính đến|đến hết|khánh|"
    r"Ngày|Đến|Sáng|Chiều|Tối|Trưa|Hôm|Nay|Từ|Đợt|Dịp|Hết|Tính đến|Đến hết|Khánh)"
)
_DAY_MONTH = re.compile(rf"{_DATE_WORD}\s+(\d{{1,2}}\s*[/.-]\s*\d{{1,2}})(?![\d/.-])")
_MONTH_YEAR = re.compile(r"(?<![\d/])\d{1,2}\s*/\s*(?:19|20)\d{2}(?![\d/])")
_QUARTER = re.compile(r"\b(?:quý|Quý|QUÝ)\s+[IVX]+\s*/\s*\d{4}")
# "13-NQ/TU", "100 - KH/TU", "37/CT-TW", "128/2020/NQ-HĐND", "11-HD/BTCTW"
_DOCUMENT = re.compile(
    r"\b\d+\s*[-–]\s*[A-ZĐ][A-Za-zĐđ]*(?:\s*/\s*[A-ZĐ][\w-]*)+"
    r"|\b\d+(?:/\d{2,4})?/[A-ZĐ][\w-]*(?:/[\w-]+)*"
)
_NAME = re.compile(r"(?i:covid)\s*[-–]?\s*\d+")
# a file's name, as the tool's own notes cite it ("inbox/bat-trang-6t2025.xlsx"): its
# digits count nothing
_FILE_NAME = re.compile(
    r"[^\s(),;:'\"]*\.(?:xlsx|xlsm|xls|ods|csv|tsv|txt|docx|md|json)\b", re.IGNORECASE
)
_RANGE = re.compile(rf"(?<![\d/.,]){_NUM}\s*%?\s*[-–]\s*{_NUM}(?![\d/])")
_FROM_TO = re.compile(rf"\btừ\s+{_NUM}\s*%?\s+(?:đến|tới)\s+{_NUM}", re.I)
# A year however it is typed: "2023", "2.023", "2,023" (a year word before it decides).
_YEAR = re.compile(r"(?:19|20)\d{2}|(?:1[.,]9|2[.,]0)\d{2}")
_COUNT_NOUN = re.compile(r"^\s*(?:đảng viên|đồng chí|người|đại biểu|tổ chức|chi bộ|đảng bộ)", re.I)


def _paren_ids(text: str) -> list[int]:
    """For each character, the index of the innermost '(' it stands in (-1: none)."""
    ids: list[int] = []
    stack: list[int] = []
    for i, char in enumerate(text):
        if char == "(":
            stack.append(i)
            ids.append(i)
        elif char == ")":
            ids.append(stack[-1] if stack else -1)
            if stack:
                stack.pop()
        else:
            ids.append(stack[-1] if stack else -1)
    return ids


def _spans(pattern: re.Pattern[str], text: str, group: int = 0) -> list[tuple[int, int]]:
    return [(m.start(group), m.end(group)) for m in pattern.finditer(text)]


def tokenize(text: str) -> list[Figure]:
    """Every number of `text`, each a count, a percentage, a ratio A/B, or excluded with
    the reason."""
    protected: list[tuple[int, int, str]] = []
    for pattern, why, group in (
        (_FILE_NAME, "name", 0),
        (_DOCUMENT, "document", 0),
        (_DAY_MONTH_YEAR, "date", 0),
        (_DAY_MONTH, "date", 1),
        (_MONTH_YEAR, "date", 0),
        (_QUARTER, "date", 0),
        (_NAME, "name", 0),
        (_FROM_TO, "range", 0),
        (_RANGE, "range", 0),
    ):
        for start, end in _spans(pattern, text, group):
            if not any(s <= start < e or s < end <= e for s, e, _ in protected):
                protected.append((start, end, why))
    parens = _paren_ids(text)
    found: list[Figure] = []
    for match in _TOKEN.finditer(text):
        start, end = match.start(), match.end()
        hit = next((w for s, e, w in protected if s <= start < e), None)
        if hit is not None:
            found.append(Figure(start, end, match.group(), "excluded", why=hit))
        elif match.group("worded"):
            found.append(_ratio(text, match, "wa", "wb"))
        elif match.group("ratio"):
            found.append(_ratio(text, match))
        elif match.group("percent"):
            found.append(_percent(text, match))
        else:
            found.append(_number(text, match))
        found[-1].paren = parens[start] if start < len(parens) else -1
    _durations_in_lists(text, found)
    return found


def _ratio(text: str, match: re.Match[str], a: str = "a", b: str = "b") -> Figure:
    a_text, b_text = match.group(a), match.group(b)
    figure = Figure(match.start(), match.end(), match.group(), "ratio")
    if re.search(r"[.,]\d{1,2}$", a_text) or re.search(r"[.,]\d{1,2}$", b_text):
        figure.kind, figure.why = "excluded", "decimal"
        return figure
    figure.a, figure.b = parse_count(a_text), parse_count(b_text)
    before = text[: match.start()]
    if ends_with_word(before, folded("not_a_count", "before")) or figure.b == 0:
        figure.kind, figure.why = "excluded", "date"
    return figure


def _percent(text: str, match: re.Match[str]) -> Figure:
    figure = Figure(match.start(), match.end(), match.group(), "percent")
    figure.value = parse_percent(match.group("p"))
    before, after = text[: match.start()], text[match.end() :]
    if _approximate(before, after):
        figure.kind, figure.why = "excluded", "approximate"
    return figure


def _approximate(before: str, after: str) -> bool:
    word = ends_with_word(before, folded("approximate", "before"))
    if word == "hon" and re.search(r"(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn\s*$", before, re.I):
        # "cao hơn 1,03% so với cùng kỳ": a change; "tỷ lệ … cao hơn 15% như …": a threshold
        return not re.match(r"[^.;]{0,40}?\bso với\b", after, re.I)
    if word is not None:
        return True
    return starts_with_word(after, folded("approximate", "after")) is not None


def _number(text: str, match: re.Match[str]) -> Figure:
    raw = match.group()
    figure = Figure(match.start(), match.end(), raw, "count")
    before, after = text[: match.start()], text[match.end() :]
    glued = re.match(r"[^\W\d_]+", after)
    if (
        re.search(r"[.,]\d{1,2}$", raw)
        or re.fullmatch(r"\d+[.,]\d{4,}", raw)
        or re.match(r"0[.,]", raw)
    ):
        why = "decimal"
    elif re.fullmatch(r"(?:19|20)\d{2}", raw) and not _COUNT_NOUN.match(after):
        why = "year"
    elif _YEAR.fullmatch(raw) and ends_with_word(before, folded("year", "before")):
        why = "year"  # "cùng kỳ 2.022", "năm 2,023": a year, never 2,022 of anything
    elif ends_with_word(before, folded("not_a_count", "before")) or _enumerator(before, after):
        why = "ordinal"
    elif _PLACE_NUMBERED.search(last_words(before)):
        why = "name"  # "Chi bộ thôn 1 (100%)", "Phường 12": a name's number
    elif glued and glued.group().isupper() and glued.group().lower() not in ("đv",):
        why = "code"  # "11HD", "3A"
    elif re.match(r"\s*(?:lần\s*)?/", after) or re.match(r"\s*lần\b", after, re.I):
        why = "frequency"  # "1 lần/tháng", "1lần/quý"
    elif _unit_after(after):
        why = "amount"
    elif _approximate(before, after):
        why = "approximate"
    else:
        figure.value = Decimal(parse_count(raw))
        return figure
    figure.kind, figure.why = "excluded", why
    return figure


# a village, a hamlet, a residential group or a ward named by its number; matched as
# written, diacritics and all ("bản" is a place, "ban", "bạn", "bán" are not)
PLACE_NUMBERED_WORDS = (
    "thôn|xóm|ấp|bản|làng|khóm|khu phố|khu dân cư|khu|tổ dân phố|tổ dân cư|phường"
)
_PLACE_NUMBERED = re.compile(rf"(?<!\w)(?:{PLACE_NUMBERED_WORDS})(?:\s+số)?\s*$", re.I)


def _enumerator(before: str, after: str) -> bool:
    """'…đảng viên: (1) Theo nghề nghiệp …. (2) Về tuổi đời': a point's number, not a count."""
    head = re.match(r"\s*\)\s*(\w)", after)
    return bool(head and head.group(1).isupper() and re.search(r"(?:^|[:.;])\s*\(\s*$", before))


def _unit_after(after: str) -> bool:
    if re.match(r"(?:m|km|ha|m2|kg)\b", after):  # "4.435m", glued
        return True
    if re.match(r"\s*[^\w\s]", after):
        return False  # "Duy Xuyên 90; Thăng Bình 115": a separator, then another unit's name
    head = after.lstrip()
    if starts_with_word(head, folded("not_a_count", "after")) is None:
        return False
    if head[:30].isascii():
        return True  # text typed without diacritics: folded words are all there is
    # "Bắc Trà My 95 Nam Trà My 95": "Nam" is no "năm" (nor "Thăng" a "tháng")
    key = faithful(head)
    return any(key == w or key.startswith(w + " ") for w in _faithful_units())


@cache
def _faithful_units() -> tuple[str, ...]:
    return tuple(faithful(w) for w in words()["not_a_count"]["after"])


def _durations_in_lists(text: str, found: list[Figure]) -> None:
    """'Huy hiệu 40, 30 năm tuổi Đảng', 'huy hiệu 30, 40, 45, 50 năm': a list of numbers
    that ends in a duration is durations throughout."""
    for i in range(len(found) - 1, 0, -1):
        later, earlier = found[i], found[i - 1]
        gap = text[earlier.end : later.start]
        if (
            later.kind == "excluded"
            and later.why in ("amount", "ordinal")
            and earlier.kind == "count"
            and re.fullmatch(r"\s*(?:,|và|-|–)\s*", gap)
        ):
            earlier.kind, earlier.why = "excluded", later.why
