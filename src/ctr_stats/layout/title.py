"""The title block above a table: whose sheet it is, for which period, and what it counts.

A title cell may hold several lines ("Tỉnh (thành uỷ) Hà Nội / Huyện (quận uỷ) Ba Đình /
BAN TỔ CHỨC" in one cell): each line is read on its own, and the most specific unit named
wins, never the city because the city is named too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..catalogue import Catalogue, province_names
from ..catalogue.meaning import NOTHING, Lexicon, Meaning, read_title
from ..model import Period
from ..text import clean, fold

_OWNER = re.compile(
    r"\b(?:dang bo|quan uy|huyen uy|thi uy|thanh uy|dang uy|ban thuong vu|bch dang bo)\s+"
    r"((?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|tp|dac khu|q|h|tx|p|x|tt)\s+.+)$"
)  # the type may be abbreviated: "ĐẢNG BỘ H. ĐAN PHƯỢNG", "ĐẢNG BỘ TX. SƠN TÂY"
_OWNER_SHORT = re.compile(r"^(?:quan uy|huyen uy|thi uy|dang uy)\s+(.+)$")
# The older TCTW forms: "Huyện (quận uỷ) Ba Đình", "Tỉnh (thành uỷ): Hà Nội", the unit's
# type given as the form's alternatives and the name written after them.
_OWNER_TCTW = re.compile(
    r"^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dang bo)\s*"
    r"\(\s*([^)]*)\)\s*[:.]?\s*(.*)$"
)
_PROVINCE_LEVEL = ("tinh", "thanh pho")


@cache
def _city() -> re.Pattern[str]:
    """A province or centrally-run city named in a title ("TỈNH ỦY QUẢNG NGÃI", "ĐẢNG BỘ
    THÀNH PHỐ HẢI PHÒNG", "TP. HỒ CHÍ MINH"): the sheet is the province's, consolidated.
    Only the six centrally-run cities after "thành phố": a provincial city is a unit."""
    cities, provinces = ["hcm"], []
    for name in province_names():
        key = fold(name)
        if key.startswith("thanh pho "):
            cities.append(re.escape(key.removeprefix("thanh pho ")))
        else:
            provinces.append(re.escape(key.removeprefix("tinh ")))
    return re.compile(
        rf"\b(?:thanh pho|tp|thanh uy) (?:{'|'.join(cities)})\b|\btphcm\b"
        rf"|\btinh(?: uy)? (?:{'|'.join(provinces)})\b"
    )


# Lines that name the issuing body or say how to read the form, not what it counts.
# Lines that name the issuing body or the form, not what is counted: a committee's name
# is never a subject, even one whose unit cannot be made out ("ĐẢNG BỘ H.Y. ĐAN PHƯỢNG").
_NOT_A_SUBJECT = re.compile(
    r"^(?:dang bo |dang uy |quan uy|huyen uy|thi uy|thanh uy|tinh uy|ban thuong vu|bch dang bo"
    r"|ban to chuc|uy ban kiem tra|van phong|dang cong san|doc lap|bieu so|bieu mau|mau so"
    r"|mau \d|don vi tinh|dvt|tinh den|so lieu tinh den|ky bao cao|ngay |so \d"
    # how the form was issued and to whom it goes: "(Ban hành kèm theo Hướng dẫn số …)"
    r"|ban hanh kem theo|kem theo|kinh gui|noi nhan)"
)
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b6 thang (?:dau )?nam (\d{4})\b"), 6),
    (re.compile(r"\bsau thang (?:dau )?nam (\d{4})\b"), 6),
    (re.compile(r"\b9 thang (?:dau )?(?:nam )?(\d{4})\b"), 9),
    (re.compile(r"\bchin thang (?:nam )?(\d{4})\b"), 9),
    (re.compile(r"\bquy (i|ii|iii|iv|1|2|3|4) (?:nam )?(\d{4})\b"), 3),
    (re.compile(r"\bnam (\d{4})\b"), 12),
)
# "(Tính đến ngày 30/11/2023)" alone: the months from January to that date.
_AS_OF = re.compile(r"\bden ngay (\d{1,2}) (\d{1,2}) (\d{4})\b")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]
    owner: str | None  # the unit named (folded), None if none
    owner_text: str | None  # that name as written
    names_city: bool  # the title names the city: a consolidated sheet
    period: Period | None
    meaning: Meaning  # what the title says is counted, for labels that leave it unsaid


def continued(first: Title, own: Title) -> Title:
    """The title of a table further down a sheet: what its own lines say ("(Tiếp biểu số
    2-TCTW)" says little), the rest from the sheet's first title block."""
    owner = own.owner is not None or own.names_city
    return Title(
        first.lines + own.lines,
        own.owner if owner else first.owner,
        own.owner_text if owner else first.owner_text,
        own.names_city if owner else first.names_city,
        own.period or first.period,
        own.meaning if not own.meaning.empty else first.meaning,
    )


def title_lines(rows: Sequence[Sequence[object]]) -> list[str]:
    """The title block's text, a line at a time (a cell may hold several)."""
    texts: list[str] = [v for row in rows for v in row if v and type(v) is str]
    if any("\n" in v or "\r" in v for v in texts):
        return [clean(part) for v in texts for part in v.splitlines() if part.strip()]
    return [clean(v) for v in texts if not v.isspace()]


def read_title_block(rows: Sequence[Sequence[object]], catalogue: Catalogue) -> Title:
    lines = title_lines(rows)
    owner, owner_text, names_city = read_owner(lines)
    subjects = tuple(line for line in lines if _is_subject(line))
    meaning = _title_meaning(catalogue.lexicon, subjects) if subjects else NOTHING
    return Title(tuple(lines), owner, owner_text, names_city, read_period(lines), meaning)


@lru_cache(maxsize=1 << 10)  # every unit's copy of a form has the same title lines
def _title_meaning(lexicon: Lexicon, lines: tuple[str, ...]) -> Meaning:
    return read_title(lexicon, lines)


@lru_cache(maxsize=1 << 12)
def _is_subject(line: str) -> bool:
    key = fold(line)
    return not (_NOT_A_SUBJECT.match(key) or _owner_in(line)[0] or _owner_in(line)[1])


def read_period(texts: Sequence[str]) -> Period | None:
    """The period a title block names: 'NĂM 2023', '6 THÁNG ĐẦU NĂM 2022', 'QUÝ I NĂM 2024'."""
    found = [_periods_in(text) for text in texts]
    for named, _ in found:
        if named is not None:
            return named
    for _, as_of in found:
        if as_of is not None:
            return as_of
    return None


@lru_cache(maxsize=1 << 12)
def _periods_in(text: str) -> tuple[Period | None, Period | None]:
    """(the period one title line names, the period its 'Tính đến ngày' date implies).
    Kept by line: every unit's copy of a form repeats its title lines."""
    key = fold(text)
    named: Period | None = None
    for pattern, months in _PERIOD_PATTERNS:
        match = pattern.search(key)
        if not match:
            continue
        if months == 3:
            quarter = _QUARTERS[match.group(1)]
            named = Period(int(match.group(2)), quarter * 3, quarter)
        else:
            named = Period(int(match.group(1)), months)
        break
    match = _AS_OF.search(key)
    as_of = (
        Period(int(match.group(3)), int(match.group(2)))
        if match and 1 <= int(match.group(2)) <= 12
        else None
    )
    return named, as_of


def read_owner(texts: Sequence[str]) -> tuple[str | None, str | None, bool]:
    """(folded unit name, the name as written, names the city) from a title block's lines:
    the last unit named, as a block goes from the province down to the unit."""
    names_city = False
    owner: tuple[str, str] | None = None
    for text in texts:
        found, city = _owner_in(text)
        if found is not None:
            owner = found
        names_city = names_city or city
    if owner is not None:
        return owner[0], owner[1], False
    if any(_unfilled_line(text) for text in texts):
        # a unit's form whose unit line was left unfilled, below the city's line: the
        # sheet is a unit's (named by its file), not the city's consolidated one
        return None, None, False
    return None, None, names_city


@lru_cache(maxsize=1 << 12)
def _owner_in(text: str) -> tuple[tuple[str, str] | None, bool]:
    """((the unit one title line names, folded and as written), whether it names the city)."""
    text = _without_department(text)
    key = fold(text)
    found_city = _city().search(key)
    city = found_city is not None
    tctw = _OWNER_TCTW.match(_fold_keeping_brackets(text))
    if tctw:
        name = fold(tctw.group(3))
        if not re.search(r"[a-z]", name):  # the form's dotted line, not filled in
            return None, False
        if tctw.group(1) in _PROVINCE_LEVEL or city:
            return None, True
        written = _name_as_written(text, name)
        return (name, written), False
    # "ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG ỦY XÃ BA TƠ" on one line: the unit after the province
    rest = key[found_city.end() :].strip() if found_city else key
    match = _OWNER.search(rest) or _OWNER_SHORT.match(rest)
    if match and not _unfilled(match.group(1)):
        return (match.group(1), text), False
    bare = None if found_city else _OWNER_BARE.match(clean(text))
    name = fold(bare.group(1)) if bare else ""
    if name and not (name.startswith("uy") or len(name.split()) > 4 or _unfilled(name)):
        return (key, text), False
    return None, city


# "QUẬN ỦY BA ĐÌNH - BAN TỔ CHỨC": the committee, then its department after a dash
_DEPARTMENT = re.compile(r"\s+[-–—]\s+(?=(?:ban|ủy ban|uỷ ban|văn phòng)\b)", re.IGNORECASE)


def _without_department(text: str) -> str:
    return _DEPARTMENT.split(text, maxsplit=1)[0]


# "QUẬN BA ĐÌNH", "Q. BA ĐÌNH": a district-level unit's line with no committee's word
# before it, its type written with its accents (never "QUẢN LÝ …") or abbreviated; a name
# of words, no figures
_OWNER_BARE = re.compile(
    r"^(?:quận|huyện|thị xã|thành phố|phường|thị trấn|q\.|h\.|tx\.|tp\.)\s*([^\W\d][^\W\d_\s.]*(?:[\s.]+[^\W\d_\s.]+)*)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 12)
def _unfilled_line(text: str) -> bool:
    """A unit line with the unit's type but no name: "ĐẢNG BỘ QUẬN, HUYỆN ……", "Huyện
    (quận uỷ) ……"."""
    key = fold(text)
    if _city().search(key):
        return False
    tctw = _OWNER_TCTW.match(_fold_keeping_brackets(text))
    if tctw:
        return tctw.group(1) not in _PROVINCE_LEVEL and _unfilled(tctw.group(3))
    match = _OWNER.search(key) or _OWNER_SHORT.match(key)
    if match:
        return _unfilled(match.group(1))
    return bool(_BARE_TYPE.match(key)) and _PLACEHOLDER.search(text) is not None


# "ĐẢNG BỘ QUẬN ……": the type alone, the name's place dotted
_BARE_TYPE = re.compile(
    r"^(?:dang bo|quan uy|huyen uy|thi uy|dang uy)(?: (?:quan|huyen|thi xa|phuong|xa|thi tran))*$"
)
_PLACEHOLDER = re.compile(r"…|\.{3}|_{3}")

_UNIT_TYPES = re.compile(
    r"\b(?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|tp|dac khu|q|h|tx|p|x|tt)\b"
)


def _unfilled(name: str) -> bool:
    """A template's unit line left as it came ("ĐẢNG BỘ QUẬN, HUYỆN, THỊ XÃ ……"): types of
    unit and the dots to write its name on, no name (the file's name then says the unit)."""
    return not re.search(r"[a-z0-9]", _UNIT_TYPES.sub(" ", name).replace("_", " "))


def _fold_keeping_brackets(text: str) -> str:
    """fold(), with the brackets and colon the TCTW title lines use kept."""
    return (
        " ".join(fold(part) if part not in "():" else part for part in re.split(r"([():])", text))
        .replace("( ", "(")
        .replace(" )", ")")
    )


def _name_as_written(text: str, folded_name: str) -> str:
    """The part of a line that folds to `folded_name`: "Ba Đình" of "Huyện (quận uỷ) Ba Đình"."""
    words = text.split()
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if fold(candidate) == folded_name:
            return candidate
    return folded_name
