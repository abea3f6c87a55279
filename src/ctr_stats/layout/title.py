"""The title block above a table: whose sheet it is, for which period, and what it counts.

A title cell may hold several lines ("Tỉnh (thành uỷ) Hà Nội / Huyện (quận uỷ) Ba Đình /
BAN TỔ CHỨC" in one cell): each line is read on its own, and the most specific unit named
wins, never the city because the city is named too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import compress

from ..catalogue import Catalogue, province_names
from ..catalogue.meaning import NOTHING, Lexicon, Meaning, read_title
from ..model import Period, quarter_number
from ..read import a1
from ..text import clean, fold

_OWNER = re.compile(
    r"\b(?:dang bo|quan uy|huyen uy|thi uy|thanh uy|dang uy|ban thuong vu|bch dang bo)\s+"
    r"((?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|tp|dac khu|q|h|tx|p|x|tt)\s+.+)$"
)  # the type may be abbreviated: "ĐẢNG BỘ H. ĐAN PHƯỢNG", "ĐẢNG BỘ TX. SƠN TÂY"
# "HUYỆN ỦY ĐÔNG ANH", and a department of it named first on the same line: "ỦY BAN KIỂM
# TRA HUYỆN ỦY ĐÔNG ANH", "BAN TỔ CHỨC QUẬN ỦY BA ĐÌNH"
_OWNER_SHORT = re.compile(
    r"^(?:(?:uy ban kiem tra|ubkt|ban to chuc|btc|van phong|ban tuyen giao|ban dan van"
    r"|ban noi chinh)\s+)?(?:quan uy|huyen uy|thi uy|dang uy)\s+(.+)$"
)
# The committee abbreviated, its unit's type given: "ĐU P. BA ĐÌNH", "ĐB XÃ SÓC SƠN" (a
# line that begins so and names a type is a committee's; "Dự thảo …" names no type)
_TYPE_WORDS = r"(?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|tp|dac khu|q|h|tx|p|x|tt)"
_OWNER_ABBREVIATED = re.compile(rf"^(?:du|db)\s+({_TYPE_WORDS}\s+.+)$")
# The older TCTW forms: "Huyện (quận uỷ) Ba Đình", "Tỉnh (thành uỷ): Hà Nội", the unit's
# type given as the form's alternatives and the name written after them.
_OWNER_TCTW = re.compile(
    r"^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dang bo)\s*"
    r"\(\s*([^)]*)\)\s*[:.]?\s*(.*)$"
)
_PROVINCE_LEVEL = ("tinh", "thanh pho")


def preload() -> None:
    """Build, before reading workers are forked, what titles are matched against (the
    provinces' names, read from the registries' index)."""
    _city()
    _province_keys()


@cache
def _provinces() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The centrally-run cities' names and the provinces', folded, without "thành phố" or
    "tỉnh" ("ha noi", "quang ngai")."""
    cities: list[str] = []
    provinces: list[str] = []
    for name in province_names():
        key = fold(name)
        if key.startswith("thanh pho "):
            cities.append(key.removeprefix("thanh pho "))
        else:
            provinces.append(key.removeprefix("tinh "))
    return tuple(cities), tuple(provinces)


@cache
def _city() -> re.Pattern[str]:
    """A province or centrally-run city named in a title ("TỈNH ỦY QUẢNG NGÃI", "ĐẢNG BỘ
    THÀNH PHỐ HẢI PHÒNG", "TP. HỒ CHÍ MINH"): the sheet is the province's, consolidated.
    Only the six centrally-run cities after "thành phố": a provincial city is a unit."""
    cities, provinces = (
        "|".join(map(re.escape, names)) for names in (("hcm", *_provinces()[0]), _provinces()[1])
    )
    return re.compile(
        rf"\b(?:thanh pho|tp|thanh uy) (?:{cities})\b|\btphcm\b|\btinh(?: uy)? (?:{provinces})\b"
    )


# Lines that name the issuing body or say how to read the form, not what it counts.
# Lines that name the issuing body or the form, not what is counted: a committee's name
# is never a subject, even one whose unit cannot be made out ("ĐẢNG BỘ H.Y. ĐAN PHƯỢNG").
_NOT_A_SUBJECT = re.compile(
    r"^(?:dang bo |dang uy |quan uy|huyen uy|thi uy|thanh uy|tinh uy|ban thuong vu|bch dang bo"
    # the issuing body over a form's title: "BAN CHẤP HÀNH TRUNG ƯƠNG" (885-QĐ/UBKTTW)
    r"|ban chap hanh |bch "
    rf"|(?:du|db) {_TYPE_WORDS} "
    r"|ban to chuc|uy ban kiem tra|van phong|dang cong san|doc lap|bieu so|bieu mau|mau so"
    r"|mau \d|don vi tinh|dvt|tinh den|so lieu tinh den|ky bao cao|ngay |so \d"
    # how the form was issued and to whom it goes: "(Ban hành kèm theo Hướng dẫn số …)"
    r"|ban hanh kem theo|kem theo|kinh gui|noi nhan)"
)


@dataclass(frozen=True)
class Title:
    lines: tuple[str, ...]
    owner: str | None  # the unit named (folded), None if none
    owner_text: str | None  # that name as written
    names_city: bool  # the title names the city: a consolidated sheet
    period: Period | None
    meaning: Meaning  # what the title says is counted, for labels that leave it unsaid
    # a period named that ctr-stats cannot take ("6 THÁNG CUỐI NĂM 2023"): `period` is None
    other_period: OtherPeriod | None = None
    owner_cell: str | None = None  # the cell of the line naming the unit
    # the line naming the city or province, where no unit is named: a unit itself in a
    # registry of provinces ("TỈNH ỦY KHÁNH HÒA")
    city_text: str | None = None
    # the line naming the period, and its cell: said where the period is not the run's
    period_words: str | None = None
    period_cell: str | None = None
    # the province or centrally-run city a line names, unit or not ("THÀNH ỦY ĐÀ NẴNG"
    # over "ĐẢNG ỦY PHƯỜNG HƯƠNG TRÀ"): "da nang", "ho chi minh", "hcm"
    province: str | None = None
    # a line's cut-off date of a year before the period named: (its words, its cell)
    stale_cut_off: tuple[str, str] | None = None
    # where no unit is named: a line naming a committee by a long name ("ĐẢNG BỘ SỞ GIÁO DỤC
    # VÀ ĐÀO TẠO"), (as written, its cell), the sheet's unit only if the registry holds it
    long_owner: tuple[str, str] | None = None


def continued(first: Title, own: Title) -> Title:
    """The title of a table further down a sheet: what its own lines say ("(Tiếp biểu số
    2-TCTW)" says little), the rest from the sheet's first title block."""
    owner = own.owner is not None or own.names_city
    named = own.period is not None or own.other_period is not None
    return Title(
        first.lines + own.lines,
        own.owner if owner else first.owner,
        own.owner_text if owner else first.owner_text,
        own.names_city if owner else first.names_city,
        own.period if named else first.period,
        own.meaning if not own.meaning.empty else first.meaning,
        own.other_period if named else first.other_period,
        own.owner_cell if owner else first.owner_cell,
        own.city_text if owner else first.city_text,
        own.period_words if named else first.period_words,
        own.period_cell if named else first.period_cell,
        own.province or first.province,
        own.stale_cut_off,
        own.long_owner if owner or own.long_owner else first.long_owner,
    )


def title_lines(rows: Sequence[Sequence[object]]) -> list[str]:
    """The title block's text, a line at a time (a cell may hold several)."""
    return [line for line, _ in _placed_lines(rows, 0)]


def _placed_lines(rows: Sequence[Sequence[object]], top: int) -> list[tuple[str, tuple[int, int]]]:
    """(line, its cell's row and column) for each line of the title block whose first row
    is `top` (the cell named with `a1` only when a finding needs it)."""
    texts = [
        (v, (top + r, c))
        for r, row in enumerate(rows)
        for c in compress(range(len(row)), row)  # the cells that hold something, in C
        if type(v := row[c]) is str
    ]
    if any("\n" in v or "\r" in v for v, _ in texts):
        return [(clean(part), cell) for v, cell in texts for part in v.splitlines() if part.strip()]
    return [(clean(v), cell) for v, cell in texts if not v.isspace()]


def read_title_block(rows: Sequence[Sequence[object]], catalogue: Catalogue, top: int = 0) -> Title:
    """The title block of rows `top`... of a sheet (`top` names the cells)."""
    placed = _placed_lines(rows, top)
    lines = [line for line, _ in placed]
    owner, owner_text, names_city = read_owner(lines)
    subjects = tuple(subject for line in lines if (subject := _subject_of(line)))
    meaning = _title_meaning(catalogue.lexicon, subjects) if subjects else NOTHING
    named, at = _title_period(lines)
    owner_cell = city_text = None
    if owner is not None:  # the last line naming a unit, as read_owner takes it
        line = max(n for n, text in enumerate(lines) if _line_owner(text)[0] is not None)
        owner_cell = a1(*placed[line][1])
    elif names_city:
        city_text = _without_department(next(t for t in reversed(lines) if _line_owner(t)[1]))
    other = words = cell = None
    if at >= 0:  # the line naming the period
        words, cell = lines[at], a1(*placed[at][1])
    stale = stale_cut_off(lines, named if isinstance(named, Period) else None)
    stale_line = None if stale is None else (lines[stale], a1(*placed[stale][1]))
    long_owner = None
    if owner is None:
        long_line = _long_owner_line(lines)
        if long_line is not None:
            long_owner = (lines[long_line], a1(*placed[long_line][1]))
    if isinstance(named, OtherPeriod):
        assert words is not None and cell is not None  # read from a line, as every period
        other, named = replace(named, words=words, cell=cell), None
    return Title(
        tuple(lines),
        owner,
        owner_text,
        names_city,
        named,
        meaning,
        other,
        owner_cell,
        city_text,
        words,
        cell,
        _province_named(lines),
        stale_line,
        long_owner,
    )


def _province_named(lines: Sequence[str]) -> str | None:
    """The province or centrally-run city the title's last line naming one names (folded,
    its word "tỉnh", "thành phố" left out)."""
    for line in reversed(lines):
        found = _province_in(line)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1 << 12)  # asked of each title line: every unit's copy repeats most
def _province_in(line: str) -> str | None:
    found = _city().search(fold(_without_department(line)))
    return _PROVINCE_WORD.sub("", found.group(0)) if found is not None else None


_PROVINCE_WORD = re.compile(r"^(?:thanh pho|thanh uy|tinh uy|tinh|tp)\s+")


@lru_cache(maxsize=1 << 10)  # every unit's copy of a form has the same title lines
def _title_meaning(lexicon: Lexicon, lines: tuple[str, ...]) -> Meaning:
    return read_title(lexicon, lines)


@lru_cache(maxsize=1 << 12)
def _subject_of(line: str) -> str | None:
    """What a title line says is counted: the line; the words before the unit it names
    within it ("BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN" of "… CỦA ĐẢNG BỘ PHƯỜNG BA ĐÌNH 9
    THÁNG NĂM 2025"); None for a line naming a unit or the city alone, or no subject."""
    # a line in brackets under the title is a note on it ("(Số liệu gồm cả phần phường Ba
    # Đình cũ chuyển về)", "(Tính đến ngày 30/11)"): what it says is not what is counted
    if line.startswith("(") and line.endswith(")"):
        return None
    key = fold(line)
    if _NOT_A_SUBJECT.match(key) or _REFERENCE.match(key):  # "Ban hành kèm theo Hướng dẫn…"
        return None
    owner, city = _owner_in(line)
    if city or owner is None:
        return None if city else line
    committee = _COMMITTEE_WITHIN.search(key)
    if committee is None or not _WORDS_BEFORE.search(key[: committee.start()]):
        return None
    return _run_as_written(line, _OF.sub("", key[: committee.start()]).strip()) or None


_COMMITTEE_WITHIN = re.compile(r"\b(?:dang bo|dang uy|quan uy|huyen uy|thi uy|thanh uy)\s")
_OF = re.compile(r"\s+(?:cua|tai)\s*$")  # "… CỦA" before the unit


# ---------------------------------------------------------------- the period a title names

_YEAR_RE = r"((?:19|20)\d\d)"
# "năm", five, is never read: it is the year's word
_MONTH_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}  # fmt: skip
_COUNT = r"(\d{1,2}|muoi mot|muoi hai|muoi|mot|hai|ba|bon|sau|bay|tam|chin)"
_MONTH = r"(?:thang|t) ?(\d{1,2})"  # "tháng 6", "tháng 06", "T6"
_DATE = r"(\d{1,2}) (\d{1,2}) " + _YEAR_RE  # "30/6/2023" folded
# What a title line says that names no period: a reference to the document that issues the
# form ("Ban hành kèm theo Hướng dẫn số 11-HD/BTCTW … năm 2021"), from there to the end. A
# form sent with another ("Kèm theo Biểu số 2-BTCTW, 6 tháng đầu năm 2024") is no reference.
_DOCUMENT = r"(?:huong dan|quyet dinh|cong van|nghi quyet|chi thi|thong tu|quy dinh|ke hoach)"
_REFERENCE = re.compile(
    rf"\b(?:ban hanh|kem theo {_DOCUMENT}|(?:{_DOCUMENT}|thong bao|to trinh|bao cao) so \d)"
)
# "ngày 05 tháng 01 năm 2024" written out: a date, read as "ngày 05 01 2024"
_WRITTEN_DATE = re.compile(r"\bngay (\d{1,2}) thang (\d{1,2}) nam " + _YEAR_RE + r"\b")
# "từ ngày 01/01/2023 đến ngày 30/6/2023", "từ 01/10/2022 đến 30/9/2023"
_DATE_SPAN = re.compile(rf"\btu (?:ngay )?{_DATE} (?:den|toi) (?:het )?(?:ngay )?{_DATE}\b")
# "từ tháng 1 đến tháng 6 năm 2023", "từ T1/2023 đến T6/2023"
_MONTH_SPAN = re.compile(
    rf"\btu {_MONTH}(?: (?:nam )?{_YEAR_RE})? (?:den|toi) (?:het )?{_MONTH} (?:nam )?{_YEAR_RE}\b"
)
# "(Tính đến ngày 30/11/2023)", "TÍNH ĐẾN 30/6/2023", "đến hết tháng 6 năm 2023"
_AS_OF = re.compile(rf"\bden (?:het )?(?:ngay )?{_DATE}\b")
_AS_OF_MONTH = re.compile(rf"\bden (?:het )?{_MONTH} (?:nam )?{_YEAR_RE}\b")
# A date that is no cut-off (the place-and-date line "Ba Đình, ngày 05 tháng 01 năm 2024",
# its blank "ngày … tháng … năm 2024"), and a committee's term ("NHIỆM KỲ 2020 - 2025"):
# they name no period
_NO_PERIOD = re.compile(
    rf"\b(?:ngay )?{_DATE}\b|\bngay thang nam(?: {_YEAR_RE})?\b"
    rf"|\bnhiem ky {_YEAR_RE} {_YEAR_RE}\b"
)
_MONTHS = re.compile(rf"\b{_COUNT} ?(?:thang|t)(?: (dau|cuoi))?(?: (?:cua )?nam)? {_YEAR_RE}\b")
_HALF = re.compile(rf"\bnua (dau|cuoi) nam {_YEAR_RE}\b")
_QUARTER = re.compile(rf"\bquy (i|ii|iii|iv|0?[1-4])(?: nam)? {_YEAR_RE}\b")
_ONE_MONTH = re.compile(rf"\b{_MONTH}(?: nam)? {_YEAR_RE}\b")
_YEARS = re.compile(
    rf"\b(?:nam(?: hoc)?|giai doan|nien do) {_YEAR_RE} (?:den )?(?:nam )?{_YEAR_RE}\b"
    rf"|\btu nam {_YEAR_RE} (?:den|toi) (?:nam )?{_YEAR_RE}\b"
)
_ONE_YEAR = re.compile(rf"\bnam {_YEAR_RE}\b")
# "TỪ ĐẦU NHIỆM KỲ ĐẾN NAY", "(LŨY KẾ TỪ ĐẦU NHIỆM KỲ)": figures added up over the term
_SINCE_TERM = re.compile(r"\bdau nhiem ky\b")
# Words that name the coming period's tasks after a report's own period: "… NĂM 2023,
# PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024", "… VÀ KẾ HOẠCH NĂM 2024", "NHIỆM VỤ TRỌNG TÂM 6 THÁNG
# CUỐI NĂM", "… VÀ TRIỂN KHAI CHƯƠNG TRÌNH CÔNG TÁC 6 THÁNG CUỐI NĂM". Before any period
# ("KẾ HOẠCH NĂM 2024", "THỰC HIỆN NHIỆM VỤ … NĂM 2023") they leave the line read whole.
_COMING = re.compile(r"\b(?:phuong huong|nhiem vu|ke hoach|trien khai)\b")
# Months of a year with the year left for later in the line: "6 tháng đầu năm", "quý I"
# ("6T" only with a figure: "bắt" is no "ba T")
_YEARLESS = re.compile(
    rf"\b(?:(?:{_COUNT} |\d{{1,2}} ?)thang|\d{{1,2}} ?t)(?: (?:dau|cuoi))?(?: (?:cua )?nam)?\b"
    r"|\bnua (?:dau|cuoi) nam\b|\bquy (?:i|ii|iii|iv|0?[1-4])(?: nam)?\b"
)
_YEAR = re.compile(rf"\b{_YEAR_RE}\b")


@dataclass(frozen=True)
class OtherPeriod:
    """A period a title names that ctr-stats cannot take (it counts a year, a quarter or
    the months from January): the months at the end of a year, one month, a span that does
    not start in January, several years. Its sheet's figures are not added."""

    kind: str  # "end" | "month" | "span" | "years" | "term" | "two"
    words: str  # the title line as written
    cell: str = ""  # where it stands, "A5"

    def reason(self, lang: str) -> str:
        vi, en = _OTHER_KINDS[self.kind]
        return en if lang == "en" else vi


_OTHER_KINDS = {
    "end": ("những tháng cuối năm", "the last months of a year"),
    "month": ("một tháng", "a single month"),
    "span": ("một khoảng thời gian không tính từ đầu năm", "a span not counted from January"),
    "years": ("nhiều năm", "several years"),
    "term": ("từ đầu nhiệm kỳ (cộng dồn nhiều năm)", "since the start of the term (several years)"),
    "two": ("hai kỳ báo cáo cùng lúc", "two periods at once"),
}
Named = Period | OtherPeriod | None


def read_period(texts: Sequence[str]) -> Period | None:
    """The period a title block names: 'NĂM 2023', '6 THÁNG ĐẦU NĂM 2022', 'QUÝ I NĂM 2024'
    (None also when it names one ctr-stats cannot take: `title_period`)."""
    named = title_period(texts)
    return named if isinstance(named, Period) else None


def title_period(texts: Sequence[str]) -> Named:
    """The period a title block names: the first line naming one (a span from January
    included), else the cut-off date a line gives ("(Tính đến ngày 30/11/2023)" alone: the
    months from January to that date). An `OtherPeriod` when that line names one ctr-stats
    cannot take, never another period in its place."""
    named, at = _title_period(texts)
    return replace(named, words=texts[at]) if isinstance(named, OtherPeriod) else named


def _title_period(texts: Sequence[str]) -> tuple[Named, int]:
    """`title_period`, and the line it was read from."""
    found = [_periods_in(text) for text in texts]
    for at, (named, _) in enumerate(found):
        if named is not None:
            return named, at
    for at, (_, as_of) in enumerate(found):
        if as_of is not None:
            return as_of, at
    return None, -1


@lru_cache(maxsize=1 << 12)
def _periods_in(text: str) -> tuple[Named, Period | None]:
    """(the period one title line names, the period its cut-off date implies). Kept by
    line: every unit's copy of a form repeats its title lines. A report's title names its
    own period before the coming one's tasks ("… NĂM 2023, PHƯƠNG HƯỚNG NHIỆM VỤ NĂM
    2024"): the words before them are read first."""
    key = fold(text)
    reference = _REFERENCE.search(key)
    if reference:
        key = key[: reference.start()]
    key = _WRITTEN_DATE.sub(r"ngay \1 \2 \3", key)
    for coming in _COMING.finditer(key):
        before = _report_before(key[: coming.start()], key[coming.start() :])
        if before is not None:
            return before
    return _periods_in_key(key)


def stale_cut_off(lines: Sequence[str], named: Period | None) -> int | None:
    """The title line whose cut-off date falls in a year before the period the title names
    ("NĂM 2023" over "(Tính đến ngày 30/11/2022)": last year's form, a line of it left as
    it was); None when none does. The title's words stand, and a warning names the line. A
    year's report counted to 30 November, or into January after it, is as reports are."""
    if named is None:
        return None
    for at, line in enumerate(lines):
        as_of = _periods_in(line)[1]
        if as_of is not None and as_of.year < named.year:
            return at
    return None


def _report_before(report: str, coming: str) -> tuple[Named, Period | None] | None:
    """The period the words before the coming period's tasks name; None when they name
    none, not even months whose year is left for the end of the line."""
    found = _periods_in_key(report)
    if found != (None, None):
        return found
    yearless = [*_YEARLESS.finditer(report)]
    year = _YEAR.search(coming)
    if not yearless or year is None:
        return None
    # "6 THÁNG ĐẦU NĂM, PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022": the year written once
    named, _ = _periods_in_key(f"{report[: yearless[-1].end()]} {year.group(1)}")
    if isinstance(named, Period) and not (
        named.months < 12 and _part_of_a_year(_periods_in_key(coming)[0])
    ):
        # the year may be the next one ("QUÝ IV, … QUÝ I NĂM 2024"): the report's period
        # is not known, and the coming one is never read in its place
        named = None
    return named, None


def _part_of_a_year(named: Named) -> bool:
    """Some months of a year: no whole year, no span of years."""
    if isinstance(named, OtherPeriod):
        return named.kind in ("end", "month")
    return named is not None and (named.quarter is not None or named.months < 12)


def _periods_in_key(key: str) -> tuple[Named, Period | None]:
    """`_periods_in` of a folded line, the reference it cites left out."""
    named: Named = None
    span = _DATE_SPAN.search(key)
    if span:
        d1, m1, y1, d2, m2, y2 = (int(g) for g in span.groups())
        named = _from_january(m1, y1, m2, y2, first_day=d1, last_day=d2)
    else:
        span = _MONTH_SPAN.search(key)
        if span:
            start, first_year, end, year = span.groups()
            named = _from_january(int(start), int(first_year or year), int(end), int(year))
    if span:
        key = key[: span.start()] + " " + key[span.end() :]
    as_of: Period | None = None
    cut_off = _AS_OF.search(key)
    if cut_off:
        as_of = _months_to(int(cut_off.group(2)), int(cut_off.group(3)), dated=True)
    else:
        cut_off = _AS_OF_MONTH.search(key)
        if cut_off:
            as_of = _months_to(int(cut_off.group(1)), int(cut_off.group(2)))
    if cut_off:
        key = key[: cut_off.start()] + " " + key[cut_off.end() :]
    if _SINCE_TERM.search(key):  # whatever else the line says, the figures are the term's
        return OtherPeriod("term", ""), as_of
    if named is None:
        named = _two_periods(_NO_PERIOD.sub(" ", key))
    return named, as_of


def _two_periods(key: str) -> Named:
    """`_named_in`, and a line naming two periods joined by "và" ("NĂM 2021 VÀ 6 THÁNG ĐẦU
    NĂM 2022"): figures of both, or of either, never taken for one of them."""
    named = _named_in(key)
    if isinstance(named, Period) and " va " in key:
        said = {found for part in key.split(" va ") if isinstance(found := _named_in(part), Period)}
        if len(said) > 1:
            return OtherPeriod("two", "")
    return named


def _named_in(key: str) -> Named:
    match = _MONTHS.search(key)
    if match:
        count, end, year = match.groups()
        months = int(count) if count.isdigit() else _MONTH_WORDS[count]
        if end == "cuoi" and months != 12:
            return OtherPeriod("end", "")
        if 1 <= months <= 12:
            return Period(int(year), months)
    match = _HALF.search(key)
    if match:
        return Period(int(match.group(2)), 6) if match.group(1) == "dau" else OtherPeriod("end", "")
    match = _QUARTER.search(key)
    if match:
        quarter = quarter_number(match.group(1))
        return Period(int(match.group(2)), quarter * 3, quarter)
    match = _ONE_MONTH.search(key)
    if match and 1 <= int(match.group(1)) <= 12:
        return OtherPeriod("month", "")
    if _YEARS.search(key):
        return OtherPeriod("years", "")
    match = _ONE_YEAR.search(key)
    return Period(int(match.group(1))) if match else None


def _from_january(
    m1: int, y1: int, m2: int, y2: int, first_day: int = 1, last_day: int | None = None
) -> Named:
    """A span from (m1, y1) to (m2, y2): the months from January when it starts on the
    first of January and ends in that year, or on 15 December the year before and ends on
    a 14th (the reporting calendar of Nghị định 09/2019/NĐ-CP: "từ ngày 15/12/2021 đến
    ngày 14/6/2022" is the first half of 2022); else a period ctr-stats cannot take."""
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if (first_day, m1, y1, last_day) == (15, 12, y2 - 1, 14):
        return Period(y2, m2)
    if (first_day, m1) != (1, 1) or y1 != y2:
        return OtherPeriod("span" if y1 == y2 or y2 == y1 + 1 else "years", "")
    return Period(y2, m2)


def _months_to(month: int, year: int, dated: bool = False) -> Period | None:
    """The months from January to a cut-off; a date in January (`dated`: a day is given) is
    a year's report counted into the next January ("(Số liệu tính đến ngày 05/01/2024)" is
    2023), no one month's."""
    if dated and month == 1:
        return Period(year - 1)
    return Period(year, month) if 1 <= month <= 12 else None


def read_owner(texts: Sequence[str]) -> tuple[str | None, str | None, bool]:
    """(folded unit name, the name as written, names the city) from a title block's lines:
    the last unit named, as a block goes from the province down to the unit."""
    names_city = False
    owner: tuple[str, str] | None = None
    for text in texts:
        found, city = _line_owner(text)
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


@lru_cache(maxsize=1 << 12)  # asked of each title line, and again for the owner's cell
def _line_owner(text: str) -> tuple[tuple[str, str] | None, bool]:
    """`_owner_in` of a title line, nothing of a reference line ("(Kèm theo Báo cáo số
    125-BC/QU … của Ban Thường vụ Quận ủy Ba Đình)": the document it goes with, and who
    signed it, not whose figures these are)."""
    return (None, False) if _REFERENCE.search(fold(text)) else _owner_in(text)


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
        written = _run_as_written(text, name)
        return (name, written), False
    # "ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG ỦY XÃ BA TƠ" on one line: the unit after the province
    rest = key[found_city.end() :].strip() if found_city else key
    match = _OWNER.search(rest) or _OWNER_SHORT.match(rest) or _OWNER_ABBREVIATED.match(rest)
    if match and not _unfilled(match.group(1)):
        name = _PERIOD_AFTER_NAME.sub("", match.group(1))
        if name == match.group(1) and not _WORDS_BEFORE.search(rest[: match.start()]):
            return (name, text), False
        # the unit named within the report's title, the period after it ("BÁO CÁO KẾT QUẢ
        # … CỦA ĐẢNG BỘ PHƯỜNG BA ĐÌNH 9 THÁNG NĂM 2025"): the committee and the name alone
        said = (rest[match.start() : match.start(1)] + name).strip()
        return (name, _run_as_written(text, said)), False
    untyped = None if found_city else _OWNER_UNTYPED.match(key)
    if untyped and _names_a_unit(untyped.group(1)):
        return (untyped.group(1), text), False
    cell = None if found_city or not text.isupper() else _OWNER_CELL.match(key)
    if cell and len(cell.group(1).split()) <= 8 and not _unfilled(cell.group(1)):
        # "CHI BỘ TỔ DÂN PHỐ SỐ 1" under "ĐẢNG BỘ PHƯỜNG GIẢNG VÕ": a cell's own report to
        # its ward, named as its registry (a ward's own list of its cells) names it; in
        # capitals, as title lines are typed (a chi bộ's row pasted above the header is not)
        return (key, text), False
    bare = None if found_city else _OWNER_BARE.match(clean(text))
    name = fold(bare.group(1)) if bare else ""
    if name and not (name.startswith("uy") or len(name.split()) > 4 or _unfilled(name)):
        return (key, text), False
    return None, city


# "ĐẢNG BỘ CỬA NAM": a committee's name with no type word (the registry says which)
_OWNER_UNTYPED = re.compile(r"^(?:dang bo|bch dang bo|ban chap hanh dang bo)\s+(.+)$")


# "CHI BỘ TỔ DÂN PHỐ SỐ 1", "CHI BỘ CÔNG AN PHƯỜNG": a party cell's line
_OWNER_CELL = re.compile(r"^chi bo\s+(\S.*)$")


def _long_owner_line(lines: Sequence[str]) -> int | None:
    """The last line naming a committee by a name longer than `_names_a_unit` takes ("ĐẢNG
    BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TỈNH"); None if none. Such a
    line may as well be a long title, so it names the sheet's unit only where the registry
    holds that name (collect.py)."""
    for at in range(len(lines) - 1, -1, -1):
        key = fold(_without_department(lines[at]))
        untyped = _OWNER_UNTYPED.match(key)
        if (
            untyped
            and len(untyped.group(1).split()) > 4
            and _names_a_unit(untyped.group(1), words=_LONGEST_NAME)
        ):
            return at
    return None


_LONGEST_NAME = 12  # words: "Sở Văn hóa, Thể thao và Du lịch" is 8


def _names_a_unit(name: str, words: int = 4) -> bool:
    """Whether the words after "Đảng bộ" may be a unit's name: a few words, filled in, not
    a province's ("ĐẢNG BỘ HÀ NỘI" is the city's), nor the start of a longer title."""
    return (
        len(name.split()) <= words
        and not _unfilled(name)
        and name not in _province_keys()
        and not name.startswith(("thanh pho", "tinh ", "tp ", "khoi", "co so", "bo phan"))
    )


@cache
def _province_keys() -> frozenset[str]:
    cities, provinces = _provinces()
    return frozenset((*cities, *provinces))


# "QUẬN ỦY BA ĐÌNH - BAN TỔ CHỨC": the committee, then its department after a dash
_DEPARTMENT = re.compile(r"\s+[-–—]\s+(?=(?:ban|ủy ban|uỷ ban|văn phòng)\b)", re.IGNORECASE)


def _without_department(text: str) -> str:
    return _TERM.sub("", _DEPARTMENT.split(text, maxsplit=1)[0])


# "ĐẢNG BỘ QUẬN BA ĐÌNH KHÓA XX, NHIỆM KỲ 2020 - 2025": the committee's term after its
# name, not part of it
_TERM = re.compile(
    r"[\s,;(–—-]*\b(?:(?:kh[oó]a|khoá)\s+[IVXLC\d]+\b[\s,;–—-]*)?"
    r"(?:nhi[eệ]m\s+k[yỳ]\s*\d{4}\s*[-–—]\s*\d{4}\s*\)?\s*$"
    r"|(?<=\s)(?:kh[oó]a|khoá)\s+[IVXLC\d]+\s*\)?\s*$)",
    re.IGNORECASE,
)


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
    bare = " ".join(key.replace("_", " ").split())  # fold() keeps "ĐẢNG BỘ ______"'s line
    return bool(_BARE_TYPE.match(bare)) and _PLACEHOLDER.search(text) is not None


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


# what a title says after a unit's name: its period ("… PHƯỜNG BA ĐÌNH 9 THÁNG NĂM 2025")
_PERIOD_AFTER_NAME = re.compile(
    r"\s+(?:(?:\d{1,2}|sau|chin) thang|quy (?:i{1,3}|iv|[1-4])|nam (?:19|20)\d\d"
    r"|tu ngay|den ngay|tinh den|giai doan|nhiem ky)\b.*$"
)
_WORDS_BEFORE = re.compile(r"[a-z]")  # a word before the committee's: a longer line


def _run_as_written(text: str, folded: str) -> str:
    """The run of a line's words that folds to `folded` ("ĐẢNG BỘ PHƯỜNG BA ĐÌNH" in the
    report's title line, "Ba Đình" of "Huyện (quận uỷ) Ba Đình"), else `folded` itself."""
    words = text.split()
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            candidate = fold(" ".join(words[start:end]))
            if candidate == folded:
                return " ".join(words[start:end])
            if len(candidate) > len(folded):
                break
    return folded


# A label ending with the sheet's own period ("Kết nạp đảng viên năm 2024", "… 6 tháng đầu
# năm 2024", "(2024)"), folded
_OWN_PERIOD = re.compile(
    r"(?:\s+trong)?\s+(?:(?P<months>\d{1,2}) thang(?: dau)? nam|quy (?P<quarter>iv|i{1,3}|[1-4])"
    r"(?: nam)?|nam)(?: (?P<year>(?:19|20)\d{2}))?$|\s+(?P<bare>(?:19|20)\d{2})$"
)


def without_own_period(label: str, period: object) -> str:
    """A label without the words naming its sheet's own period, which say nothing of what
    is counted ("Kết nạp đảng viên năm 2024" in a 2024 report is its admissions); as it is
    when they name another period (its figures are not this period's: never read as them).
    Folded, when anything was taken off."""
    if not isinstance(period, Period) or not (
        any(c.isdigit() for c in label) or "qu" in label.lower()  # "Kết nạp quý I"
    ):
        return label
    key = fold(label)
    match = _OWN_PERIOD.search(key)
    if match is None:
        return label
    year = match.group("year") or match.group("bare")
    if year is not None and int(year) != period.year:
        return label
    months = match.group("months")
    quarter = match.group("quarter")
    if quarter is not None:
        if period.quarter != quarter_number(quarter):
            return label
    elif months is not None:
        if int(months) != period.months or period.quarter not in (None, 1):
            return label
    elif year is None or period.months != 12:  # "năm" alone: any year's; "năm 2024"
        return label
    return key[: match.start()]
