"""`ctr-stats verify`: every figure a draft report states, checked against its own
arithmetic and, with data, against the computed figures.

A false alarm costs as much trust as a missed error, so a percentage is paired with A/B
only when nothing between them could be its base (another figure, another clause); a claim
that cannot be tied to one indicator is "unmatched", never passed and never failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Literal

from .catalogue import load_catalogue
from .errors import InputError, UsageError
from .model import Figures, Period, Report
from .text import fold

SCHEMA = "ctr-stats/verify/1"
Kind = Literal["ratio", "same_period", "count", "period"]
Status = Literal["ok", "mismatch", "unmatched"]

# A count: 10.479 / 10,479 / 10479; a ratio A/B; a percentage 188,1% / 82.4 %.
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?"
_FIGURE = re.compile(
    rf"(?P<ratio>(?P<a>{_NUMBER})\s*/\s*(?P<b>{_NUMBER})(?!\s*/))"
    rf"|(?P<percent>(?P<p>{_NUMBER})\s*%)"
    rf"|(?P<count>{_NUMBER})"
)
# "năm 2023", "Biểu số 1", "Phụ lục 2", "Table 1": a date or a document's part, not a count.
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:năm|tháng|ngày|quý|số|khóa|nhiệm kỳ|biểu|phụ lục|year|of|table|form)\s*$", re.I
)
# "9 tháng qua", "3 năm": a duration; "11-HD", "1656/NQ": a document's number.
# "30 đơn vị đạt kế hoạch": a count of units, not of anything the data holds.
_NOT_A_FIGURE_AFTER = re.compile(
    r"^(?:\s*(?:tháng|năm|ngày|quý|tuần|đơn vị|months?|years?|days?|units?)\b|-?[A-Za-zĐđ])",
    re.I,
)
# A paragraph's period: "Năm 2023, …", "6 tháng đầu năm 2022, …", "In the first 6 months of
# 2022, …", "Quý I năm 2024, …".
_PERIOD_OPENING = re.compile(
    r"^\s*(?:(?:(?P<months>\d{1,2})\s+tháng(?:\s+đầu)?\s+năm|quý\s+(?P<quarter>[IV]{1,3})\s+năm"
    r"|năm)\s+|in\s+(?:the\s+first\s+(?P<months_en>\d{1,2})\s+months\s+of\s+"
    r"|q(?P<quarter_en>[1-4])\s+)?)(?P<year>\d{4})\s*,",
    re.I,
)
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d+/[A-ZĐ]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n")
_UP = re.compile(r"\b(?:tăng|up|increase[ds]?)\s*(?:được\s*)?$", re.I)
_DOWN = re.compile(r"\b(?:giảm|down|decrease[ds]?)\s*(?:được\s*)?$", re.I)
_OF_PRIOR = re.compile(
    r"^\s*(?:so với|so với cùng kỳ|on the same period|of the same period|compared)", re.I
)
_SAME_PERIOD_WORDS = re.compile(r"cùng kỳ|same period", re.I)
_LEVEL = re.compile(r"\b(?:bằng cùng kỳ|level with the same period)", re.I)
_PRIOR_YEAR = re.compile(r"^[^.;]*?(?:cùng kỳ|same period)\s*(?:năm|of)?\s*(\d{4})", re.I)


@dataclass(frozen=True)
class Claim:
    line: int
    paragraph: int | None
    text: str
    kind: Kind
    status: Status
    stated: Decimal | None
    computed: Decimal | None
    indicator: str | None
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        def number(value: Decimal | None) -> int | float | None:
            if value is None:
                return None
            return int(value) if value == value.to_integral_value() else float(value)

        return {
            "line": self.line,
            "paragraph": self.paragraph,
            "text": self.text,
            "kind": self.kind,
            "status": self.status,
            "stated": number(self.stated),
            "computed": number(self.computed),
            "indicator": self.indicator,
        }


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    kind: str  # ratio, percent, count
    a: int | None = None
    b: int | None = None
    value: Decimal | None = None  # the percentage or the count


# ---------------------------------------------------------------- reading


def read_report(path: Path) -> list[tuple[int, int | None, str]]:
    """(line, paragraph, text) units of a report: lines of .txt/.md, paragraphs (and table
    rows, cells joined by " | ") of .docx."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix not in (".txt", ".md", ".markdown", ""):
        raise UsageError(
            f"không đọc được báo cáo '{suffix}': dùng .txt, .md hoặc .docx",
            f"cannot read a '{suffix}' report: use .txt, .md or .docx",
            file=str(path),
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"không đọc được báo cáo: {exc}", f"cannot read the report: {exc}", file=str(path)
        ) from exc
    return [(n, None, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _read_docx(path: Path) -> list[tuple[int, int | None, str]]:
    from .read.safety import read_parts

    read_parts(path)  # the zip's limits, CRCs, and no DOCTYPE/ENTITY, before python-docx parses it
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged file
        raise InputError(
            f"không mở được tệp .docx: {exc}", f"cannot open the .docx file: {exc}", file=str(path)
        ) from exc
    units: list[tuple[int, int | None, str]] = []
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            number += 1
            if block.text.strip():
                units.append((number, number, block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                number += 1
                cells = [c.text.strip() for c in row.cells]
                units.append((number, number, " | ".join(cells)))
    return units


def parse_count(text: str) -> int:
    """'10.479', '10,479', '10479' -> 10479 (a separator before three digits groups them)."""
    return int(re.sub(r"[.,\s]", "", text))


def parse_percent(text: str) -> Decimal:
    """'188,1' / '188.1' / '106.82' -> Decimal; '1.234,5' -> 1234.5."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        return Decimal(parse_count(text))
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text.replace(",", "."))


def figures(text: str) -> list[Figure]:
    found: list[Figure] = []
    dates = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    for match in _FIGURE.finditer(text):
        if any(s <= match.start() < e for s, e in dates):
            continue
        if match.group("ratio"):
            found.append(
                Figure(
                    match.start(),
                    match.end(),
                    "ratio",
                    parse_count(match.group("a")),
                    parse_count(match.group("b")),
                )
            )
        elif match.group("percent"):
            found.append(
                Figure(match.start(), match.end(), "percent", value=parse_percent(match.group("p")))
            )
        else:
            raw = match.group("count")
            if (
                _NOT_A_FIGURE_BEFORE.search(text[: match.start()])
                or _NOT_A_FIGURE_AFTER.match(text[match.end() :])
                or re.search(r"[.,]\d{1,2}$", raw)
            ):
                continue  # a year, a date, a decimal: not a count of anything
            if (
                text[match.end() : match.end() + 1].isalpha()
                or text[max(0, match.start() - 1) : match.start()].isalpha()
            ):
                continue  # part of a code such as "11-HD"
            found.append(
                Figure(match.start(), match.end(), "count", value=Decimal(parse_count(raw)))
            )
    return found


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class RawClaim:
    kind: Kind
    start: int
    end: int
    a: int | None  # the count, or A of A/B
    b: int | None  # B of A/B
    stated: Decimal | None  # the percentage stated
    base: str  # plan or prior: what B and the percentage compare with
    direction: int = 0  # same period: +1 tăng, -1 giảm, 0 bằng/đạt
    prior_year: int | None = None


def claims_in(sentence: str) -> list[RawClaim]:
    found = figures(sentence)
    claims: list[RawClaim] = []
    used: set[int] = set()
    for i, figure in enumerate(found):
        if figure.kind != "ratio":
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        between = sentence[figure.end : following.start] if following else ""
        if (
            following
            and following.kind == "percent"
            and ";" not in between
            and not _UP.search(between)
            and not _DOWN.search(between)
        ):
            after = sentence[following.end : following.end + 40]
            base = "prior" if _SAME_PERIOD_WORDS.search(after[:25]) else "plan"
            claims.append(
                RawClaim(
                    "ratio", figure.start, following.end, figure.a, figure.b, following.value, base
                )
            )
            used.update({i, i + 1})
        else:
            claims.append(
                RawClaim("ratio", figure.start, figure.end, figure.a, figure.b, None, "plan")
            )
            used.add(i)
    for i, figure in enumerate(found):
        if i in used or figure.kind != "percent":
            continue
        before, after = sentence[: figure.start], sentence[figure.end :]
        direction = 1 if _UP.search(before) else -1 if _DOWN.search(before) else 0
        if not _OF_PRIOR.match(after) and not (direction and _SAME_PERIOD_WORDS.search(after[:40])):
            continue  # a percentage with no base we can name: not a claim we can check
        base_figure = next((f for f in reversed(found[:i]) if f.kind in ("count", "ratio")), None)
        if base_figure is None:
            continue
        year = _PRIOR_YEAR.match(after)
        claims.append(
            RawClaim(
                "same_period",
                base_figure.start,
                figure.end,
                base_figure.a if base_figure.kind == "ratio" else int(base_figure.value or 0),
                None,
                figure.value,
                "prior",
                direction,
                int(year.group(1)) if year else None,
            )
        )
        used.add(i)
        used.add(found.index(base_figure))
    for match in _LEVEL.finditer(sentence):
        base_figure = next(
            (
                f
                for f in reversed(found)
                if f.kind in ("count", "ratio") and f.start < match.start()
            ),
            None,
        )
        if base_figure is not None:
            year = _PRIOR_YEAR.match(sentence[match.start() :])
            claims.append(
                RawClaim(
                    "same_period",
                    base_figure.start,
                    match.end(),
                    base_figure.a if base_figure.kind == "ratio" else int(base_figure.value or 0),
                    None,
                    Decimal(0),
                    "prior",
                    0,
                    int(year.group(1)) if year else None,
                )
            )
            used.add(found.index(base_figure))
    for i, figure in enumerate(found):
        if i not in used and figure.kind == "count":
            end = _phrase_end(sentence, figure.end)
            claims.append(
                RawClaim("count", figure.start, end, int(figure.value or 0), None, None, "plan")
            )
    return sorted(claims, key=lambda c: (c.start, c.kind))


def _phrase_end(text: str, start: int) -> int:
    match = re.compile(r"[,;:.()]|\s\d").search(text, start)
    return match.start() if match else len(text)


def agrees(stated: Decimal, exact: Fraction) -> bool:
    """Half-up or truncated to the decimals printed: 106,8 and 106,82 for 10.479/9.810."""
    decimals = max(0, -int(stated.as_tuple().exponent))
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    step = Decimal(1).scaleb(-decimals)
    return stated in (value.quantize(step, ROUND_HALF_UP), value.quantize(step, ROUND_DOWN))


# ---------------------------------------------------------------- indicators


def _phrases(lang: str) -> list[tuple[tuple[str, ...], str]]:
    from .render.text import load_templates

    catalogue = load_catalogue()
    templates = load_templates()
    phrases: list[tuple[tuple[str, ...], str]] = []
    for indicator in catalogue.indicators.values():
        texts = [indicator.label_vi, indicator.label_en, *indicator.aliases]
        words = templates["indicators"].get(indicator.id, {})
        texts += [" ".join(words[lang_key]) for lang_key in ("vi", "en") if lang_key in words]
        for text in texts:
            phrases.append((tuple(fold(text).split()), indicator.id))
    return phrases


def match_indicator(
    sentence: str, claim: RawClaim, phrases: list[tuple[tuple[str, ...], str]]
) -> str | None:
    """The indicator whose longest phrase reads, in order, in the words around the figure:
    those before it in its sentence (other figures' own words left out) and those after
    it up to the next punctuation. A tie between indicators is no match."""
    before = sentence[: claim.start]
    for figure in figures(before):  # leave out the words that belong to earlier figures
        end = _phrase_end(before, figure.end)
        before = before[: figure.start] + " " * (end - figure.start) + before[end:]
    own_end = max(claim.end, _phrase_end(sentence, _first_figure_end(sentence, claim.start)))
    # "kiểm tra … tổ chức đảng …; giám sát 548 tổ chức đảng": the figure's own clause first
    cut = before.rfind(";") + 1
    far = fold(re.sub(_FIGURE, " ", before[:cut])).split()
    near = fold(re.sub(_FIGURE, " ", before[cut:] + " " + sentence[claim.start : own_end])).split()
    return _best_indicator(far + near, phrases, clause=len(far))


def _best_indicator(
    words: list[str], phrases: list[tuple[tuple[str, ...], str]], clause: int = 0
) -> str | None:
    """The indicator with the phrase that has most words in the figure's clause (the words
    from `clause` on), then the longest; a tie between indicators is no match."""
    best: dict[str, tuple[int, int]] = {}
    for phrase, indicator in phrases:
        # one word ("TCCSĐ", "hội viên") is too little to tie a figure to an indicator
        if len(phrase) < 2:
            continue
        near = _words_in_clause(phrase, words, clause)
        if near is not None:
            best[indicator] = max(best.get(indicator, (0, 0)), (near, len(phrase)))
    if not best:
        return None
    top = max(best.values())
    winners = [i for i, n in best.items() if n == top]
    return winners[0] if len(winners) == 1 else None


def _words_in_clause(phrase: tuple[str, ...], words: list[str], clause: int) -> int | None:
    """How many of the phrase's words, read in order as late as they stand, are in the
    clause; None when the phrase does not read in order in the words."""
    position, near = len(words), 0
    for token in reversed(phrase):
        position -= 1
        while position >= 0 and words[position] != token:
            position -= 1
        if position < 0:
            return None
        near += position >= clause
    return near


def _first_figure_end(sentence: str, start: int) -> int:
    match = _FIGURE.search(sentence, start)
    return match.end() if match else start


# ---------------------------------------------------------------- checking


def verify(path: Path | str, data: Report | None = None, lang: str = "vi") -> list[Claim]:
    """Every claim of the report, checked. Without data only the arithmetic inside each
    sentence can be checked; the rest is "unmatched"."""
    path = Path(path)
    phrases = _phrases(lang)
    totals = {t.figures.indicator: t.figures for t in data.totals} if data else {}
    result: list[Claim] = []
    header: list[str] | None = None  # the measures of the current docx table's columns
    for line, paragraph, text in read_report(path):
        if " | " in text:  # a table row
            cells = [c.strip() for c in text.split(" | ")]
            row_header = _table_header(cells)
            if row_header is not None:
                header = row_header
                continue
            for raw in _table_claims(cells, header) if header else ():
                indicator = _best_indicator(fold(cells[0]).split(), phrases)
                result.append(_check(raw, indicator, text, line, paragraph, totals, data))
            continue
        header = None
        for sentence in _SENTENCE_END.split(text):
            opening = _PERIOD_OPENING.match(sentence)
            if opening:
                if data is not None and data.period is not None:
                    result.append(_period_claim(opening, data.period, line, paragraph))
                sentence = " " * opening.end() + sentence[opening.end() :]  # not a count
            for raw in claims_in(sentence):
                indicator = match_indicator(sentence, raw, phrases)
                quoted = sentence[raw.start : raw.end].strip()
                result.append(_check(raw, indicator, quoted, line, paragraph, totals, data))
    return result


def _period_claim(
    opening: re.Match[str], period: Period, line: int, paragraph: int | None
) -> Claim:
    """The period a paragraph opens with, against the data's: its year, months and quarter."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4}
    quarter_text = opening.group("quarter") or opening.group("quarter_en")
    quarter = roman.get(quarter_text.upper(), 0) if opening.group("quarter") else None
    if opening.group("quarter_en"):
        quarter = int(quarter_text)
    months_text = opening.group("months") or opening.group("months_en")
    months = 3 * quarter if quarter else int(months_text) if months_text else 12
    year = int(opening.group("year"))
    agrees_ = (year, months, quarter) == (period.year, period.months, period.quarter)
    return Claim(
        line,
        paragraph,
        opening.group(0).strip(" ,"),
        "period",
        "ok" if agrees_ else "mismatch",
        Decimal(year),
        Decimal(period.year),
        None,
        "" if agrees_ else "period",
    )


def _table_header(cells: list[str]) -> list[str] | None:
    """A header row of measure words (Kế hoạch, Thực hiện, Tỷ lệ %): each column's measure;
    a percentage naming its base ("% KH", "% CK", "% so với cùng kỳ") is "percent_of_plan"
    or "percent_of_prior". The first column (Chỉ tiêu, Nội dung) holds the labels."""
    catalogue = load_catalogue()
    measures: list[str] = []
    for i, c in enumerate(cells):
        derived = catalogue.derived_for(c)
        base = catalogue.measure_for(c.replace("%", " ")) if "%" in c else None
        if i == 0 and fold(c) in catalogue.word_keys("columns", "criterion"):
            measures.append("")
        elif derived in ("percent_of_plan", "percent_of_prior"):
            measures.append(derived)
        elif base in ("plan", "prior"):
            measures.append(f"percent_of_{base}")
        elif "%" in c or derived:
            measures.append("percent")
        else:
            measures.append(catalogue.measure_for(c) or "")
    if any(measures) and not any(figures(c) for c in cells):
        return measures
    return None


def _table_claims(cells: list[str], header: list[str]) -> list[RawClaim]:
    """A table row's claims: actual against plan (and its % KH), actual against the same
    period (its % CK), or the actual alone."""
    if len(cells) != len(header):
        return []
    values = {m: c for m, c in zip(header, cells, strict=True) if m and c}
    try:
        actual = parse_count(values["actual"]) if "actual" in values else None
        plan = parse_count(values["plan"]) if "plan" in values else None
        prior = parse_count(values["prior"]) if "prior" in values else None
        stated = {
            key: parse_percent(values[key].rstrip("% "))
            for key in ("percent", "percent_of_plan", "percent_of_prior")
            if key in values
        }
    except (ValueError, ArithmeticError):
        return []
    if actual is None:
        return []
    claims = []
    if plan is not None:
        of_plan = stated.get("percent_of_plan", stated.get("percent"))
        claims.append(RawClaim("ratio", 0, 0, actual, plan, of_plan, "plan"))
    if "percent_of_prior" in stated:  # "đạt X% so với cùng kỳ": actual / prior
        claims.append(
            RawClaim("same_period", 0, 0, actual, prior, stated["percent_of_prior"], "prior")
        )
    return claims or [RawClaim("count", 0, 0, actual, None, None, "plan")]


def _shown(exact: Fraction, like: Decimal) -> Decimal:
    """`exact` at the decimals `like` was printed with, rounded half-up."""
    step = Decimal(1).scaleb(-max(0, -int(like.as_tuple().exponent)))
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(step, ROUND_HALF_UP)


def _check(
    raw: RawClaim,
    indicator: str | None,
    quoted: str,
    line: int,
    paragraph: int | None,
    totals: dict[str, Figures],
    data: Report | None,
) -> Claim:
    stated = raw.stated if raw.kind != "count" else Decimal(raw.a or 0)
    claim = Claim(line, paragraph, quoted, raw.kind, "unmatched", stated, None, indicator)
    if raw.stated is not None and raw.b and raw.direction == 0:  # A/B, or a table's A and CK
        exact = Fraction(raw.a or 0) * 100 / raw.b
        claim = replace(claim, computed=_shown(exact, raw.stated))
        if not agrees(raw.stated, exact):
            return replace(claim, status="mismatch", note="arithmetic")
        if data is None:
            return replace(claim, status="ok")
    if data is None or indicator is None or indicator not in totals:
        return claim  # nothing to compare with, or no indicator to compare: unmatched
    known = totals[indicator]
    actual = known.actual
    if raw.kind == "count":
        return replace(
            claim,
            status="ok" if raw.a == actual else "mismatch",
            computed=Decimal(actual) if actual is not None else None,
        )
    if raw.kind == "ratio":
        expected_base = known.plan if raw.base == "plan" else known.prior
        ok = raw.a == actual and raw.b == expected_base
        return replace(claim, status="ok" if ok else "mismatch", note="" if ok else "figures")
    prior = known.prior
    if actual is None or not prior:
        return claim
    if raw.a != actual or (raw.b is not None and raw.b != prior):  # b: a table's Cùng kỳ
        return replace(claim, status="mismatch", computed=Decimal(actual), note="figures")
    if (
        raw.prior_year is not None
        and data.period is not None
        and raw.prior_year != data.period.year - 1
    ):
        return replace(claim, status="mismatch", note="year")
    if raw.direction == 0 and raw.stated == 0:  # "bằng cùng kỳ"
        return replace(
            claim,
            status="ok" if actual == prior else "mismatch",
            computed=_shown(Fraction((actual - prior) * 100, prior), Decimal("0.1")),
        )
    if raw.direction == 0:  # "đạt 107,3% so với cùng kỳ": actual / prior
        exact = Fraction(actual * 100, prior)
    else:  # "tăng 17,2%" / "giảm 3,1%": the change, its sign in the verb
        exact = Fraction((actual - prior) * 100 * raw.direction, prior)
    written = raw.stated if raw.stated is not None else Decimal(0)
    ok = exact >= 0 and agrees(written, exact)
    return replace(claim, status="ok" if ok else "mismatch", computed=_shown(exact, written))
