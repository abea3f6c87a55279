"""`ctr-stats verify`: every figure a draft report states, checked against its own
arithmetic and, with data, against the computed figures.

A false alarm costs as much trust as a missed error. So a claim's figures come from its own
clause (a percentage is paired with the count or ratio before it only when nothing but words
stands between them), a threshold, a date or a document's number is never a value or a
base, and a base the text only suggests may confirm a share but never refute it. What
cannot be checked is listed: "unchecked" when the text gives no base, "unmatched" when,
with data, the claim is tied to no indicator.

The package: `reading` (documents into blocks), `numbers` (figures), `claims` (claims of a
paragraph), `wholes` (parts, classes, the base of a share), `tables` (a table's rows),
`arithmetic` (the text's own arithmetic), `data` (against the computed figures),
`indicators` (which indicator a claim is of)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..model import Figures, Period, Report, quarter_number
from ..text import fold
from . import claims as claims_module
from . import tables
from .arithmetic import check_row, check_text, value_of
from .claims import Found, Paragraph, organization_before, owned
from .data import (
    check_data,
    check_share,
    check_share_count,
    compare_plan,
    compare_prior,
    from_unit,
    over_units_with_both,
)
from .indicators import best_indicator, indicator_of, phrases_of, whole_named, whole_of_part
from .numbers import Figure, agrees, grouped, number, parse_count, parse_percent
from .numbers import words as word_lists
from .reading import Block, read_report
from .unit_counts import Reading, check_units
from .unit_counts import read as read_units
from .wholes import (
    age_band_claims,
    class_claims,
    find_lists,
    parts_claims,
    parts_over_whole,
    unit_list_over,
)

__all__ = ["SCHEMA", "Claim", "agrees", "parse_count", "parse_percent", "verify"]

SCHEMA = "ctr-stats/verify/2"
STATUSES = ("ok", "mismatch", "unchecked", "unmatched")


@dataclass(frozen=True)
class Claim:
    line: int
    paragraph: int | None
    text: str
    kind: str
    status: str
    stated: Decimal | None
    computed: Decimal | None
    indicator: str | None
    column: int = 1
    anchor: str = ""
    basis: str = ""
    reason: str = ""
    shown: str = ""  # the basis as people read it, in the language asked for (not in JSON)

    def to_dict(self) -> dict[str, object]:
        def value(number: Decimal | None) -> int | float | None:
            if number is None:
                return None
            return int(number) if number == number.to_integral_value() else float(number)

        return {
            "line": self.line,
            "paragraph": self.paragraph,
            "text": self.text,
            "kind": self.kind,
            "status": self.status,
            "stated": value(self.stated),
            "computed": value(self.computed),
            "indicator": self.indicator,
            "column": self.column,
            "anchor": self.anchor,
            "basis": self.basis,
            "reason": self.reason,
        }


def verify(path: Path | str, data: Report | None = None, lang: str = "vi") -> list[Claim]:
    """Every claim of the report, checked. Without data only the arithmetic the text itself
    gives can be checked; the rest is "unchecked"."""
    return verify_blocks(read_report(Path(path)), data, lang)


def verify_blocks(blocks_: list[Block], data: Report | None, lang: str) -> list[Claim]:
    phrases = phrases_of(lang)
    totals = {t.figures.indicator: t.figures for t in data.totals} if data else {}
    units = _by_unit(data)
    result: list[Claim] = []
    measures: list[str] | None = None
    table = -1
    before: Block | None = None  # the paragraph before, whose last sentence a list may be of
    said_before: list[Claim] = []  # its claims
    for block in blocks_:
        if block.kind == "row":
            before, said_before = None, []
            if block.table != table:
                measures, table = None, block.table
            row_measures = tables.header(block.cells)
            if row_measures is not None:
                measures = row_measures
                continue
            if measures is None:
                continue
            # "Đảng viên mới kết nạp — Ba Đình": a unit's row (--by unit), of its figures
            label, of_unit = _unit_in_label(block.cells[0] if block.cells else "", units)
            for found in tables.row_claims(block.cells, measures):
                check_row(found)
                indicator = best_indicator(label.split(), phrases) if data else None
                if data is not None and of_unit is not None:
                    check_data(found, indicator, of_unit, data)
                elif data is not None and not over_units_with_both(found, indicator, data):
                    check_data(found, indicator, totals, data)
                result.append(_claim(found, block, block.text, indicator, lang))
            continue
        earlier = _counts_said(said_before) if _SUBSET.match(block.text) else []
        said_before = _paragraph_claims(block, data, totals, units, phrases, lang, before, earlier)
        result.extend(said_before)
        before = block
    return result


def _unit_in_label(cell: str, units: _Units) -> tuple[str, dict[str, Figures] | None]:
    """A row's label, folded, without the data's unit it names after a dash, as the by-unit
    tables write it ("Đảng viên mới kết nạp — Ba Đình"), and that unit's figures; the whole
    label, and None, for a row of totals."""
    for dash in (" — ", " – ", " - "):
        head, _, tail = cell.rpartition(dash)
        if head and (found := units.get(fold(tail))) is not None:
            return fold(head), found[1]
    return fold(cell), None


def _counts_said(claims: list[Claim]) -> list[tuple[str, Decimal, int]]:
    """A paragraph's counts tied to an indicator: the wholes the next paragraph lists parts
    of when it opens with "Trong đó, …"."""
    return [
        (c.indicator, c.stated, -1)
        for c in claims
        if c.kind == "count" and c.indicator and c.stated is not None
    ]


# ---------------------------------------------------------------- a paragraph

# A paragraph's period: "Năm 2023, …", "6 tháng đầu năm 2022, …", "Quý I năm 2024, …",
# "In 2023, …", "In the first 6 months of 2022, …"; with what its totals leave out, in a
# bracket with no digit: "Năm 2023 (chưa gồm số liệu của Ứng Hòa), …".
_PERIOD_OPENING = re.compile(
    r"^\s*(?:(?:trong\s+)?(?:(?P<months>\d{1,2})\s+tháng(?:\s+đầu)?\s+năm"
    r"|quý\s+(?P<quarter>[IV]{1,3})\s+năm|năm)\s+|in\s+(?:the\s+first\s+(?P<months_en>\d{1,2})"
    r"\s+months\s+of\s+|q(?P<quarter_en>[1-4])\s+)?)(?P<year>\d{4}|\d[.,]\d{3})"
    r"\s*(?:\([^()\d]*\)\s*)?,"
    # "6 tháng đầu năm, toàn tỉnh …": the months of the data's year
    r"|^\s*(?:trong\s+)?(?P<months_alone>\d{1,2})\s+tháng\s+đầu\s+năm(?:\s+nay)?\s*,",
    re.I,
)


def _paragraph_claims(
    block: Block,
    data: Report | None,
    totals: dict[str, Figures],
    units_of: _Units,
    phrases: list[tuple[tuple[str, ...], str]],
    lang: str,
    before: Block | None = None,
    earlier_wholes: list[tuple[str, Decimal, int]] | None = None,
) -> list[Claim]:
    p = claims_module.paragraph(block.text)
    found = claims_module.find(p)
    changes = {id(f) for f in p.figures if f.kind == "count" and _is_change(found, f)}
    lists = find_lists(p, found, changes)
    percent_owner = {id(c.anchor): c for c in found if c.anchor.kind == "percent"}
    listed_found = parts_claims(p, found, lists, percent_owner)
    listed_found += parts_over_whole(p, found, changes, listed_found)
    previous = claims_module.paragraph(before.text) if before is not None else None
    listed_found += unit_list_over(p, lists, previous)
    in_lists = {id(f) for c in listed_found for f in c.parts}
    in_lists |= {id(c.anchor) for c in listed_found}
    check_text(p, found, lists)
    extra = class_claims(p, found, lists, in_lists) + age_band_claims(p, found)
    mine = owned(found)
    counts = [
        Found("count", f, f.start, claims_module._phrase_end(p, f))
        for f in p.figures
        if f.kind == "count" and id(f) not in mine
    ]
    everything = sorted(
        [*found, *listed_found, *extra, *counts], key=lambda c: (c.anchor.start, c.kind)
    )
    for claim in everything:
        claim.sentence = claim.anchor.sentence
    opening = _PERIOD_OPENING.match(block.text)
    result: list[Claim] = []
    if opening and data is not None and data.period is not None:
        result.append(_period_claim(block, opening, data.period, lang))
    earlier: str | None = None  # the indicator the paragraph spoke of last
    # (indicator, stated, end) of counts checked; a "Trong đó" paragraph's, of the one before
    wholes: list[tuple[str, Decimal, int]] = list(earlier_wholes or [])
    for claim in everything:
        if opening and claim.anchor.start < opening.end():
            continue
        indicator = None
        if data is not None and _a_share_of_a_count(claim) and not _a_target(p.text, claim):
            indicator = indicator_of(p, claim, found, phrases)
            if indicator is not None and not _of_a_whole_stated(claim, indicator, wholes):
                named = _subject_unit(p.text, claim, units_of)
                subject = _of_a_unit(named)
                if named is None or subject is not None:  # not an organization's
                    _share_against_data(
                        claim, indicator, phrases, subject[1] if subject else totals
                    )
            else:
                indicator = None
        elif data is not None and (
            claim.kind in ("count", "ratio", "plan", "same_period") or claim.unit
        ):
            indicator = indicator_of(p, claim, found, phrases)
            if claim.kind == "count" and _of_one_named_or_each(p.text, claim.anchor):
                indicator = None  # "Trường Đại học … (12 đảng viên)", "(mỗi nơi 4 đảng viên)"
            if claim.kind == "count" and (
                _an_excess(p.text, claim.anchor)
                or _REMAINDER_BEFORE.search(p.text, 0, claim.anchor.start)
            ):
                # "vượt 15 đảng viên so với cả năm 2021": a difference; "còn 32 TCCSĐ": what
                # is left of a whole
                indicator = None
            if claim.unit:  # "thấp nhất là Sóc Sơn (99,0%)": of what the paragraph spoke of
                indicator = indicator or earlier or _did_before(p.text, claim)
            units = _units_counted(p, claim)
            if units is not None:
                # "kết nạp 10.479 đảng viên…; cả 30 đơn vị đều hoàn thành kế hoạch": of it
                indicator = indicator or _what_units_did(p.text, claim) or earlier
                check_units(claim, units, indicator, data)
            else:
                named = None if claim.unit else _subject_unit(p.text, claim, units_of)
                subject = _of_a_unit(named)
                if named is not None and subject is None:
                    # "Đảng bộ Công an quận Ba Đình đạt 100% kế hoạch": an organization the
                    # data holds no figures of, checked as a unit the data lacks
                    claim.unit = named[0]
                check_data(claim, indicator, subject[1] if subject else totals, data)
                if subject and claim.status in ("ok", "mismatch"):
                    claim.shown = from_unit(claim.shown, subject[0])
                if subject and claim.status == "mismatch" and claim.reason is not None:
                    # "Ô Môn: ghi 123, nhưng dữ liệu có 162 …": whose figures were compared
                    claim.reason = (
                        f"{subject[0]}: {claim.reason[0]}",
                        f"{subject[0]}: {claim.reason[1]}",
                    )
                if claim.kind == "count" and indicator is not None:
                    _of_the_plan(claim, p, indicator, subject[1] if subject else totals)
                if claim.kind == "count" and data.period is not None:
                    _of_another_period(
                        claim, p, data.period, indicator, subject[1] if subject else totals
                    )
                if claim.kind == "count" and indicator is not None:
                    _a_listed_part(claim, p.text, indicator, wholes)
        earlier = indicator or earlier
        result.append(_claim(claim, block, p.text, indicator, lang))
    return result


# a count in brackets of nothing but itself and what it counts, after a name ("Bệnh viện
# Nhi Hải Dương (6 đảng viên)"), or of each of several ("(mỗi nơi 4 đảng viên)")
_OWN_BRACKET = re.compile(r"\(\s*(?P<each>mỗi\s+(?:nơi|đơn vị|đảng bộ|chi bộ)\s+)?$", re.I)
_BRACKET_REST = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*\)", re.I)
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-ZĐÀ-Ỹ][^\s,;:()]*\s*$")


def _of_one_named_or_each(text: str, figure: Figure) -> bool:
    """Whether a count is a named organization's own, or each unit's of several: in
    brackets right after the name, holding only the count and its thing."""
    bracket = _OWN_BRACKET.search(text, 0, figure.start)
    if bracket is None or not _BRACKET_REST.match(text[figure.end :].lstrip()):
        return False
    return bool(bracket.group("each")) or bool(_NAME_BEFORE.search(text, 0, bracket.start()))


# an excess over what the clause goes on to name: "vượt 15 đảng viên so với cả năm 2021",
# "nhiều hơn 12 đảng viên so với năm trước" (a change said with "tăng" is a claim of its own)
_EXCESS_BEFORE = re.compile(r"\b(?:vượt|nhiều hơn|ít hơn|cao hơn|thấp hơn|hơn)\s*$", re.I)
_COMPARED_AFTER = re.compile(r"^[^;.!?\d]{0,40}?\bso với\b", re.I)


# what is left of a whole the clause counts part of: "củng cố được 7/39 TCCSĐ và còn 32
# TCCSĐ cần tiếp tục củng cố", not the data's 7
_REMAINDER_BEFORE = re.compile(r"\b(?:còn lại|còn)\s*$", re.I)


def _an_excess(text: str, figure: Figure) -> bool:
    """Whether a count is by how much the figure before exceeds (or falls short of) what
    its clause compares it with, never a count of its own."""
    return bool(
        _EXCESS_BEFORE.search(text, 0, figure.start)
        and _COMPARED_AFTER.match(text[figure.end : figure.end + 60])
    )


# what a sentence will do, not what it did: "năm 2017 Đảng ủy khối sẽ kết nạp mới 350 đảng
# viên, bằng 6,6% số đảng viên cuối năm 2016"
_TARGET = re.compile(r"\b(?:sẽ|dự kiến|phấn đấu|chỉ tiêu|kế hoạch)\b", re.I)


def _a_target(text: str, claim: Found) -> bool:
    """Whether the sentence of a share's count says it is a target."""
    assert claim.count is not None
    return bool(_TARGET.search(text, _clause_start(text, claim.count.start), claim.count.start))


def _what_units_did(text: str, claim: Found) -> str | None:
    """The indicator a count of units names by what they did, in its own words ("8 đảng bộ
    trực thuộc Thành ủy đã kết nạp vượt kế hoạch"), from words.toml's [units.did]."""
    stop = re.search(r"[;.!?]", text[claim.anchor.end :])
    own = f" {fold(text[claim.anchor.end : claim.anchor.end + stop.start() if stop else None])} "
    did: dict[str, str] = word_lists()["units"]["did"]
    return next((ind for word, ind in did.items() if f" {fold(word)} " in own), None)


def _did_before(text: str, claim: Found) -> str | None:
    """The indicator the words of a unit's rate's sentence before it name by what was done
    ("chưa đơn vị nào hoàn thành chỉ tiêu kết nạp …; các đơn vị đạt tỷ lệ thấp là Thanh
    Xuân (49,6%)"), from words.toml's [units.did]; None if none."""
    start = max(text.rfind(mark, 0, claim.anchor.start) for mark in (".", "\n", "!", "?")) + 1
    before = f" {fold(text[start : claim.anchor.start])} "
    did: dict[str, str] = word_lists()["units"]["did"]
    return next((ind for word, ind in did.items() if f" {fold(word)} " in before), None)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` starts: after the last ';', '.' or line break."""
    return max(text.rfind(mark, 0, at) for mark in (";", ".", "\n")) + 1


def _a_share_of_a_count(claim: Found) -> bool:
    """A share of a count the text states ("125 đảng viên là nữ, chiếm 65,1%")."""
    return (
        claim.kind == "share"
        and claim.count is not None
        and claim.count.kind == "count"
        and not claim.unit
    )


def _of_a_whole_stated(
    claim: Found, indicator: str, wholes: list[tuple[str, Decimal, int]]
) -> bool:
    """Whether a share's count is a part of a larger count of its indicator stated before
    ("thi hành kỷ luật 62 đảng viên, trong đó có 13 cấp ủy viên cơ sở (chiếm 20,9%)"): a
    part the data does not hold apart."""
    assert claim.count is not None
    stated = value_of(claim.count)
    return any(named == indicator and value > stated for named, value, _end in wholes)


def _share_against_data(
    claim: Found,
    indicator: str,
    phrases: list[tuple[tuple[str, ...], str]],
    figures: dict[str, Figures],
) -> None:
    """A share's count against the data; and the share, when its whole is one the data
    holds: named ("chiếm 40,41% tổng số đảng viên mới kết nạp") or, with no whole in the
    text, the one the catalogue holds the count a part of (women of those admitted)."""
    if claim.named_base:
        whole = whole_named(claim.named_base, phrases)
    else:
        whole = whole_of_part(indicator) if claim.base is None else None
    if whole is not None and whole != indicator and claim.base is None:
        if claim.status != "mismatch":
            check_share(claim, indicator, whole, figures)
        else:  # "ghi 65,1%, nhưng 152/192 = 79,2%": and the 152 itself, when not the data's
            check_share_count(claim, indicator, figures)
    else:
        check_share_count(claim, indicator, figures)


# A period a clause names before its figure: "riêng trong quý III kết nạp 564", "trong
# tháng 9 …", "6 tháng cuối năm …", "6 tháng đầu năm 2021 kết nạp …", "năm 2017 …",
# "Cùng kỳ năm 2021, …" (the data's months of that year)
_CLAUSE_PERIOD = re.compile(
    r"\b(?:quý\s+(?P<quarter>I{1,3}|IV|[1-4])\b|tháng\s+(?P<month>\d{1,2})\b"
    r"|(?P<months>\d{1,2})\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<months_year>\d{4})\b)?"
    r"|(?P<same>cùng\s+kỳ\s+)?năm\s+(?P<year>\d{4})\b"
    # "so với cùng kỳ (15 tổ chức)", "cùng kỳ năm trước": last year's, the data's months
    r"|(?P<last_year>cùng\s+kỳ)(?!\s+năm\s+\d)(?:\s+năm\s+(?:trước|ngoái))?)",
    re.I,
)
# a sentence opening that names the period of what follows: "Cùng kỳ năm 2021, …"; not one
# the sentence compares with ("So với cùng kỳ năm 2021, …")
_COMPARED_WITH = re.compile(r"\b(?:so\s+với|với|hơn)\s+(?:cùng\s+kỳ\s+)?(?:năm\s+\d{4})?\s*$", re.I)


def _period_said(p: Paragraph, claim: Found) -> re.Match[str] | None:
    """The period named before a count in its clause, else in its sentence's opening
    (before the sentence's first comma, the count after it)."""
    text, at = p.text, claim.anchor.start
    start = max(text.rfind(mark, 0, at) for mark in (",", ";", ".", "\n"))
    said = _CLAUSE_PERIOD.search(text, start + 1, at)
    if said is not None:
        return said
    opening = p.sentences[claim.anchor.sentence][0]
    comma = text.find(",", opening, at)
    if comma < 0:
        return None
    said = _CLAUSE_PERIOD.search(text, opening, comma)
    if said is None or _COMPARED_WITH.search(text, opening, said.start()):
        return None
    return said


def _of_another_period(
    claim: Found, p: Paragraph, period: Period, indicator: str | None, totals: dict[str, Figures]
) -> None:
    """A figure its clause, or its sentence's opening, says is of another period than the
    data's ("… 1.392 đảng viên, riêng trong quý III kết nạp 564" against nine months): not
    checked against the data's actual, and said why; of the data's same period last year
    ("Cùng kỳ năm 2021, toàn thành phố kết nạp 4.688 đảng viên"), checked against its Cùng kỳ."""
    said = _period_said(p, claim)
    if said is None:
        return
    year, months = period.year, period.months
    if said.group("year"):
        year = int(said.group("year"))
        # "năm 2021": the year's figure, or the data's months of it after "cùng kỳ"
        months = period.months if said.group("same") or period.months == 12 else 12
        other = year != period.year
    elif said.group("last_year"):
        year, months, other = period.year - 1, period.months, True
    elif said.group("quarter"):
        other = quarter_number(said.group("quarter")) != period.quarter
    elif said.group("month"):
        other = True  # one month: no period ctr-stats counts
    else:  # "6 tháng đầu năm": the data's months from January, or another span
        year = int(said.group("months_year") or period.year)
        months = int(said.group("months"))
        other = (
            said.group("half").lower() == "cuối"
            or (year, months) != (period.year, period.months)
            or period.quarter is not None
        )
    if not other or claim.status not in ("ok", "mismatch"):
        return
    known = totals.get(indicator) if indicator is not None else None
    if (year, months) == (period.year - 1, period.months) and period.quarter is None and known:
        compare_prior(claim, known.prior, indicator or "", said.group(0))
        return
    claim.status, claim.computed = "unchecked", None
    claim.reason = (
        f"câu ghi số của “{said.group(0)}”, khác kỳ của dữ liệu ({period.label('vi')})",
        f"the clause gives the figure of “{said.group(0)}”, another period than the"
        f" data's ({period.label('en')})",
    )


def _of_the_plan(claim: Found, p: Paragraph, indicator: str, totals: dict[str, Figures]) -> None:
    """A count right after "chỉ tiêu", "kế hoạch" ("Ba Đình kết nạp 291 đảng viên, chỉ tiêu
    283 đảng viên") is the plan, checked against the data's Kế hoạch, not its Thực hiện
    (trial 44: a false SAI)."""
    known = totals.get(indicator)
    if known is None or claim.status not in ("ok", "mismatch"):
        return
    if _PLAN_BEFORE.search(p.text, 0, claim.anchor.start):
        compare_plan(claim, known.plan, indicator)


_PLAN_BEFORE = re.compile(r"\b(?:chỉ tiêu|kế hoạch|KH)(?:\s+(?:là|được giao|giao))?\s*:?\s*$", re.I)


# the units the data holds, by folded name: (name as written, its figures by indicator). A
# clause whose subject is one of them ("Đảng bộ huyện Đông Anh kết nạp 652 đảng viên, đạt
# 106,7%") is checked against that unit's figures
_Units = dict[str, tuple[str, dict[str, Figures]]]


def _by_unit(data: Report | None) -> _Units:
    found: _Units = {}
    for entry in data.units if data is not None else ():
        key = fold(entry.name)
        found.setdefault(key, (entry.name, {}))[1][entry.figures.indicator] = entry.figures
    return found


# the words before a unit's name, folded: a committee's, a unit type's
_UNIT_WORDS = re.compile(
    r"\b(?:(?:dang bo|dang uy|huyen uy|quan uy|thi uy|huyen|quan|thi xa|xa|phuong|thi tran)"
    r"\s+)+"
)


def _of_a_unit(
    named: tuple[str, dict[str, Figures] | None] | None,
) -> tuple[str, dict[str, Figures]] | None:
    """A subject `_subject_unit` found, if it is a unit of the data's (not an organization)."""
    if named is None or named[1] is None:
        return None
    return named[0], named[1]


def _subject_unit(
    text: str, claim: Found, units_of: _Units
) -> tuple[str, dict[str, Figures] | None] | None:
    """The data's unit a claim's clause names as its subject: its name and figures, or an
    organization's name and None where the clause opens with one the data does not hold
    ("Đảng bộ Công an quận Ba Đình …", named after the unit it stands in). The
    subject is sought from the claim back, part by part of the clause (between commas): a
    part opening with a unit's name, bare or after a committee's or a unit type's word
    ("Trong đó, Ba Đình kết nạp 291 đảng viên (đạt 102,8% kế hoạch), Hoàn Kiếm …"), is that
    unit's; one opening with a whole ("toàn thành phố", "cả tỉnh") is the data's total; a part
    opening with neither ("…, đạt 106,7% kế hoạch") goes on the subject before it. Failing
    that, the one unit the clause names after such a word ("Đảng bộ huyện Đông Anh …")."""
    if not units_of:
        return None
    raw = text[_clause_start(text, claim.anchor.start) : claim.anchor.start]
    clause = fold(raw)
    longest = max(key.count(" ") + 1 for key in units_of)
    for part in reversed([item for piece in _PARTS.split(raw) for item in _list_items(piece)]):
        words = _CONNECTIVES.sub("", fold(part)).split()
        if not words:
            continue
        if words[0] in _WHOLE_WORDS:
            return None
        typed = _UNIT_WORDS.match(" ".join(words))
        typed_words = len(typed.group(0).split()) if typed is not None else 0
        # "Đảng bộ Quân sự thành phố": "quân" is the name's, not a district's type word
        for skip in range(typed_words, -1, -1):
            rest = words[skip:]
            named = [
                key
                for last in range(min(len(rest), longest), 0, -1)
                if (key := " ".join(rest[:last])) in units_of
            ]
            if named:
                return units_of[named[0]]  # the longest name the part opens with
        organization = _organization_opening(part)
        if organization:
            # "Đảng bộ Công an quận Ba Đình kết nạp …": the organization's, no unit's
            return organization, None
    named_in: set[str] = set()
    for said in _UNIT_WORDS.finditer(clause):
        if organization_before(clause[: said.start()]):
            continue  # "… Công an quận Ba Đình …": of the police, not the district
        words = clause[said.end() :].split()
        firsts = (0, 1) if words and words[0].isalpha() and words[0].isascii() else (0,)
        for first in firsts:
            for last in range(first + 1, min(len(words), first + longest) + 1):
                if (key := " ".join(words[first:last])) in units_of:
                    named_in.add(key)
    return units_of[named_in.pop()] if len(named_in) == 1 else None


# a committee's or a cell's words opening a clause's part, before an organization's name
_COMMITTEE_OPENING = re.compile(r"\s*(?:(?:đảng bộ|chi bộ|đảng ủy|đảng uỷ)\s+)?", re.I)


def _organization_opening(part: str) -> str:
    """The organization a clause's part opens with, named after a unit it stands in
    ("Đảng bộ Công an quận Ba Đình", "Chi bộ Trường THPT Sóc Sơn"), as written; '' if none."""
    committee = _COMMITTEE_OPENING.match(part)
    assert committee is not None  # it matches the empty string
    leading, words = part[: committee.end()].split(), part[committee.end() :].split()
    for n in range(min(len(words), 4), 0, -1):
        if organization_before(" ".join(words[:n])):
            name = []
            for word in words[n:]:
                if not word[0].isupper():
                    break
                name.append(word.strip(",;:()"))
            if not name and not committee.group().strip():
                return ""  # "Trường hợp …", "Khối cơ quan …": no organization's name
            return " ".join([*leading, *words[:n], *name])
    return ""


# where a clause's parts end: a comma, a colon ("… cao như: Đảng bộ Quân sự tỉnh đạt …"),
# or "và" before another committee or unit ("… Ninh
# Kiều kết nạp 123 ĐV (đạt 102% kế hoạch) và Đảng bộ quận Ô Môn kết nạp 162 ĐV …")
def _list_items(part: str) -> list[str]:
    """A part of a clause cut where it opens a list of names ("các đơn vị … giảm là Đông
    Anh (giảm 2 đồng chí)"): the name after "là", "như", "gồm" is a part of its own."""
    pieces = _LIST_OPENS.split(part)  # text, the word opening the list, text, …
    items = [pieces[0]]
    for opening, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if piece[:1].isupper():
            items.append(piece)
        else:
            items[-1] += opening + piece
    return items


_LIST_OPENS = re.compile(r"(\s(?:là|như|gồm)\s+)")
_PARTS = re.compile(
    r"[,:]|\bvà\s+(?=(?:đảng bộ|đảng ủy|huyện ủy|quận ủy|thị ủy|quận|huyện|thị xã|xã|phường"
    r"|thị trấn)\s)",
    re.I,
)
# words a part of a clause may open with before its subject, folded: "Trong đó, Ba Đình
# …", "riêng huyện Đông Anh …", "còn Hoàn Kiếm …"
_CONNECTIVES = re.compile(r"^(?:(?:trong do|rieng|con|va|nhu|trong khi|dong thoi)\b\s*)+")
# a part opening with one of these speaks of the whole: "toàn thành phố", "cả tỉnh"
_WHOLE_WORDS = frozenset(("toan", "ca", "tong", "chung"))


_SUBSET = re.compile(r"\btrong\s+đó\b", re.I)


def _a_listed_part(
    claim: Found, text: str, indicator: str, wholes: list[tuple[str, Decimal, int]]
) -> None:
    """A count listed under "Trong đó" after a larger count of the same indicator ("…
    kiểm tra 761 tổ chức đảng … Trong đó: Ban Thường vụ Tỉnh ủy kiểm tra 4 tổ chức đảng;
    cấp huyện 47 …"): a part of that whole (by level, by body), which the data does not
    hold apart, never a mismatch against the whole; said why. A count that is no part is
    remembered as a whole."""
    stated = claim.stated
    if stated is None:
        return
    whole = next(
        (
            (value, end)
            for named, value, end in reversed(wholes)
            if named == indicator and value > stated
        ),
        None,
    )
    if (
        whole is not None
        and claim.status == "mismatch"
        and _SUBSET.search(text, whole[1], claim.anchor.start)
    ):
        claim.status, claim.computed = "unchecked", None
        shown_vi, shown_en = number(int(whole[0]), "vi"), number(int(whole[0]), "en")
        claim.reason = (
            f"một phần (“trong đó”) của {shown_vi} đã nêu trước: dữ liệu không có số liệu"
            " riêng của phần ấy",
            f"a part (“trong đó”) of the {shown_en} stated before: the data has no figure"
            " of that part alone",
        )
        return
    wholes.append((indicator, stated, claim.anchor.end))


def _is_change(found: list[Found], figure: Figure) -> bool:
    return any(
        c.kind == "same_period" and c.change is not None and c.anchor is figure for c in found
    )


def _units_counted(p: Paragraph, claim: Found) -> Reading | None:
    """'cả 30 đơn vị đều vượt kế hoạch', '100% đơn vị đạt và vượt chỉ tiêu': a count of
    units, not of anything the data holds (a percentage's own units first: in "kết nạp
    10.479 đảng viên, 100% đơn vị đạt kế hoạch" the 100% is of units)."""
    if claim.unit:
        return None
    if claim.anchor.kind == "percent":
        reading = read_units(p, claim.anchor)
        if reading is not None:
            return reading
    return read_units(p, claim.count if claim.count is not None else claim.anchor)


def _period_claim(block: Block, opening: re.Match[str], period: Period, lang: str) -> Claim:
    """The period a paragraph opens with, against the data's: its year, months and quarter."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4}
    quarter: int | None = None
    if opening.group("quarter"):
        quarter = roman.get(opening.group("quarter").upper(), 0)
    elif opening.group("quarter_en"):
        quarter = int(opening.group("quarter_en"))
    months_text = (
        opening.group("months") or opening.group("months_en") or opening.group("months_alone")
    )
    months = 3 * quarter if quarter else int(months_text) if months_text else 12
    stated_year = opening.group("year")
    # "2.023" is the year 2023; no year: this year's months, the data's year
    year = int(re.sub(r"\D", "", stated_year)) if stated_year else period.year
    # the months spanned: "3 tháng đầu năm" is quý I's January to March
    agrees_ = _span(year, months, quarter) == _span(period.year, period.months, period.quarter)
    line, column = block.place(opening.start("year" if stated_year else "months_alone"))
    stated_text = opening.group(0).strip(" ,")
    reason = ""
    if not agrees_:
        reason = (
            f"ghi “{stated_text}”, nhưng dữ liệu là kỳ {period.label('vi')}"
            if lang == "vi"
            else f"states “{stated_text}”, but the data is of {period.label('en')}"
        )
    return Claim(
        line,
        block.paragraph,
        stated_text,
        "period",
        "ok" if agrees_ else "mismatch",
        Decimal(year),
        Decimal(period.year),
        None,
        column,
        stated_year or stated_text,
        period.code,
        reason,
        period.label(lang),
    )


def _span(year: int, months: int, quarter: int | None) -> tuple[int, int, int]:
    """A period as its year, first month and last month."""
    return (year, months - 2 if quarter else 1, months)


_UNCHECKED_BECAUSE = {
    "share": (
        "câu không nêu số lượng hay tổng số để kiểm tỷ lệ này",
        "the text gives no count or whole to check this share against",
    ),
    "plan": (
        "câu không nêu số thực hiện hay kế hoạch để kiểm tỷ lệ này",
        "the text gives no count or plan to check this percentage against",
    ),
    "plan of a count": (
        "câu không nêu số kế hoạch để kiểm tỷ lệ này",
        "the text states no plan to check this percentage against",
    ),
    "same_period": (
        "câu không nêu số của cùng kỳ để kiểm",
        "the text gives no same-period figure to check it against",
    ),
    "ratio": (
        "câu không nêu tỷ lệ % của số này để kiểm",
        "the text states no percentage of this ratio to check",
    ),
}


def _claim(found: Found, block: Block, text: str, indicator: str | None, lang: str) -> Claim:
    line, column = (
        block.place(found.anchor.start)
        if block.kind == "paragraph"
        else (
            block.line,
            found.anchor.start + 1,
        )
    )
    if block.kind == "row":
        quoted = text
    else:
        quoted = text[found.start : max(found.end, found.anchor.end)].strip()
        quoted = re.sub(r"\s+", " ", quoted)
    stated = found.stated
    if found.kind == "count":
        stated = found.anchor.value
    elif found.kind == "ratio" and stated is None and found.count is not None:
        stated = None
    reason = ""
    if found.reason is not None:
        reason = found.reason[0] if lang == "vi" else found.reason[1]
    elif found.status == "unchecked" and found.kind in _UNCHECKED_BECAUSE:
        # a percentage never left unchecked without saying why (a count alone, with no
        # data, is unchecked by nature: the summary says so)
        kind = "plan of a count" if found.kind == "plan" and found.count is not None else found.kind
        vi, en = _UNCHECKED_BECAUSE[kind]
        reason = vi if lang == "vi" else en
    shown = grouped(found.basis, lang)
    if found.shown is not None:
        shown = found.shown[0] if lang == "vi" else found.shown[1]
    status = found.status
    return Claim(
        line,
        block.paragraph,
        quoted,
        found.kind,
        status,
        stated,
        found.computed,
        indicator,
        column,
        found.anchor.text,
        found.basis,
        reason,
        shown,
    )
