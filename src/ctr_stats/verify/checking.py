"""Each claim checked: its own arithmetic from the figures the text gives, then, with data,
against the computed figures of the indicator its words name. Every mismatch says why in
one sentence, in Vietnamese or English."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..model import Figures, Report
from ..text import fold
from .claims import Found, Paragraph, blocks
from .numbers import Figure, agrees, number, shown, whole_numbers
from .numbers import pct as _pct
from .wholes import PartList, contains, intersect, interval, noun_after, thing_at

# ---------------------------------------------------------------- numbers in sentences


def say(vi: str, en: str) -> tuple[str, str]:
    return (vi, en)


# ---------------------------------------------------------------- the text's own arithmetic


def _value(figure: Figure) -> int:
    return figure.a if figure.kind == "ratio" else figure.count


def _set(claim: Found, exact: Fraction, basis: str, why: tuple[str, str] | None = None) -> None:
    assert claim.stated is not None
    claim.computed = shown(exact, claim.stated)
    claim.basis = basis
    if agrees(claim.stated, exact):
        claim.status = "ok"
    else:
        claim.status = "mismatch"
        claim.reason = why


def check_text(p: Paragraph, found: list[Found], lists: list[PartList]) -> None:
    for claim in found:
        if claim.stated is None:
            continue
        if claim.kind == "ratio" and claim.count is not None and claim.count.b:
            _ratio(claim, claim.count.a, claim.count.b)
        elif claim.kind == "plan" and claim.count is not None and claim.base:
            _ratio(claim, _value(claim.count), claim.base)
        elif claim.kind == "same_period" and claim.count is not None and claim.change:
            _change(claim)
    shares = [c for c in found if c.kind == "share" and c.count is not None]
    for claim in shares:
        _share(p, claim, shares, lists)
    for claim in found:
        if claim.kind == "plan" and claim.status == "unchecked" and claim.count is not None:
            _plan_from_paragraph(p, claim)


def check_row(claim: Found) -> None:
    """A table row's own arithmetic: Thực hiện / Kế hoạch, Số lượng / Tổng số, Thực hiện /
    Cùng kỳ, each against the row's own percentage."""
    if claim.stated is None or claim.count is None or not claim.base:
        return
    _ratio(claim, _value(claim.count), claim.base)


def _ratio(claim: Found, a: int, b: int) -> None:
    assert claim.stated is not None
    exact = Fraction(a * 100, b) - (100 if claim.over else 0)
    shown_value = shown(exact, claim.stated)
    what = f"{a}/{b}" if not claim.over else f"{a}/{b} − 100%"
    _set(
        claim,
        exact,
        what,
        say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng {number(a, 'vi')}/{number(b, 'vi')}"
            f"{' − 100%' if claim.over else ''} = {_pct(shown_value, 'vi')}",
            f"states {_pct(claim.stated, 'en')}, but {number(a, 'en')}/{number(b, 'en')}"
            f"{' − 100%' if claim.over else ''} = {_pct(shown_value, 'en')}",
        ),
    )


def _change(claim: Found) -> None:
    assert claim.count is not None and claim.change is not None and claim.stated is not None
    current = _value(claim.count)
    prior = current - claim.direction * claim.change if claim.direction else current
    if prior <= 0:
        return
    exact = Fraction(claim.change * 100, prior)
    value = shown(exact, claim.stated)
    sign = "−" if claim.direction > 0 else "+"
    _set(
        claim,
        exact,
        f"{claim.change}/({current} {sign} {claim.change})",
        say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng {number(claim.change, 'vi')}/"
            f"{number(prior, 'vi')} = {_pct(value, 'vi')} (kỳ trước: {number(current, 'vi')}"
            f" {sign} {number(claim.change, 'vi')})",
            f"states {_pct(claim.stated, 'en')}, but {number(claim.change, 'en')}/"
            f"{number(prior, 'en')} = {_pct(value, 'en')} (before: {number(current, 'en')}"
            f" {sign} {number(claim.change, 'en')})",
        ),
    )


def _kind(p: Paragraph, figure: Figure | None) -> str | None:
    return noun_after(p, figure) if figure is not None else None


def _paragraph_wholes(p: Paragraph, claim: Found) -> list[tuple[int, Figure]]:
    """Counts the paragraph states of the share's kind of thing, each a base the share may
    be of (they may confirm it, never refute it)."""
    assert claim.count is not None
    kind = _kind(p, claim.count)
    result: list[tuple[int, Figure]] = []
    for figure in p.figures:
        if figure is claim.count or figure.kind not in ("count", "ratio"):
            continue
        other = noun_after(p, figure)
        if kind is not None and other is not None and not contains(other, kind):
            continue
        if kind is not None and other is None:
            continue
        values: tuple[int, ...] = (figure.count,)
        if figure.kind == "ratio":
            # B is a whole of things only in "543/545 chi bộ", not a plan in "852/453"
            values = (figure.a, figure.b) if _ratio_of_whole(p, figure) else (figure.a,)
        result.extend((v, figure) for v in values if v >= _value(claim.count))
    return result


def _ratio_of_whole(p: Paragraph, figure: Figure) -> bool:
    start, end = p.sentences[figure.sentence]
    return figure.a <= figure.b and not re.search(
        r"\b(?:ke hoach|chi tieu|kh|plan)\b", fold(p.text[start:end])
    )


def _stated_wholes(p: Paragraph, claim: Found, lists: list[PartList]) -> list[int]:
    """The wholes the syntax gives a share: its list's whole ('62 đảng viên, trong đó có
    13 …'), 'trong tổng số N', 'Tổng số … là N.' before a 'Trong đó' sentence."""
    assert claim.count is not None
    result = []
    for parts in lists:
        if claim.count in parts.items and parts.whole is not None and not parts.weak:
            result.append(_value(parts.whole))
    inventory = _inventory_whole(p, claim)
    if inventory is not None:
        result.append(inventory)
    start = p.sentences[claim.sentence][0]
    if claim.sentence > 0 and re.match(r"\s*trong đó", p.text[start:], re.I):
        s0, s1 = p.sentences[claim.sentence - 1]
        match = re.search(r"tổng số[^.;\d]{0,60}?\blà\s+([\d.]+)", p.text[s0:s1], re.I)
        if match:
            result.append(int(match.group(1).replace(".", "")))
    return result


# "Hiện có 35 tổ chức cơ sở đảng", "toàn tỉnh có 2.305 TCCSĐ", "tổng số 443.812 đảng viên"
_INVENTORY = re.compile(
    r"(?:\bhien (?:nay )?co|\bco tong so|\btong so|\btoan (?:tinh|thanh pho|huyen|quan|thi xa|"
    r"dang bo|khoi)(?: hien)? co)\s*$"
)


def _inventory_whole(p: Paragraph, claim: Found) -> int | None:
    """The whole an inventory before the share states: the one count of the share's kind of
    thing before it in the paragraph, said with 'hiện có', 'tổng số', 'toàn tỉnh có'."""
    assert claim.count is not None
    kind = _kind(p, claim.count)
    if kind is None or claim.named_base:  # "(chiếm 8,66% số TCCSĐ của tỉnh)": its own
        return None
    same = [
        f
        for f in p.figures
        if f.kind == "count"
        and f.start < claim.count.start
        and f is not claim.count
        and noun_after(p, f) == kind
    ]
    if len(same) != 1 or same[0].count < _value(claim.count):
        return None
    before = fold(p.text[max(0, same[0].start - 40) : same[0].start])
    return same[0].count if _INVENTORY.search(before) else None


def _group(p: Paragraph, claim: Found, shares: list[Found]) -> list[Found]:
    kind = _kind(p, claim.count)
    return [
        c
        for c in shares
        if c.sentence == claim.sentence
        and c.anchor.paren == claim.anchor.paren
        and _same_base(c.named_base, claim.named_base)
        and (kind is None or _kind(p, c.count) is None or _kind(p, c.count) == kind)
    ]


def _same_base(one: str, other: str) -> bool:
    """Two shares are of one whole unless each names its own, and neither name begins the
    other ('tổng số đảng viên mới kết nạp' and 'tổng số đảng viên được đánh giá' differ)."""
    return not one or not other or one.startswith(other) or other.startswith(one)


def _share(p: Paragraph, claim: Found, shares: list[Found], lists: list[PartList]) -> None:
    assert claim.count is not None and claim.stated is not None
    count = _value(claim.count)
    stated_wholes = _stated_wholes(p, claim, lists)
    weak = _paragraph_wholes(p, claim)
    if claim.named_base:  # "bằng 50% tổng số đảng viên mới kết nạp": wholes of that thing only
        named = thing_at(re.sub(r"^(?:so voi |tren )?(?:tong so|so)\s+", "", claim.named_base))
        weak = [(v, f) for v, f in weak if named is not None and noun_after(p, f) == named]
    for whole in [*stated_wholes, *(v for v, _ in weak)]:
        if whole and agrees(claim.stated, Fraction(count * 100, whole)):
            _ratio(claim, count, whole)
            return
    span = interval(claim)
    group = [c for c in _group(p, claim, shares) if c is not claim]
    if len(group) >= 2:
        others = intersect([interval(c) for c in group])
        if (
            others is not None
            and whole_numbers(others, count)
            and (span is None or intersect([span, others]) is None)
        ):
            totals = whole_numbers(others, count)
            n = totals[0] if len(totals) == 1 else None
            _outlier(claim, count, others, n)
            return
    feasible = bool(whole_numbers(span, max(count, 1)))
    explicit = stated_wholes[0] if stated_wholes else None
    if not feasible:
        base = explicit or (weak[0][0] if weak else None)
        if base:
            _ratio(claim, count, base)
        if claim.status != "mismatch":
            claim.status = "mismatch"
            claim.reason = say(
                f"ghi {_pct(claim.stated, 'vi')}, nhưng không có tổng nào cho "
                f"{number(count, 'vi')} đúng {_pct(claim.stated, 'vi')}",
                f"states {_pct(claim.stated, 'en')}, but no whole gives "
                f"{number(count, 'en')} exactly {_pct(claim.stated, 'en')}",
            )
        return
    if explicit:
        # a list's whole refutes only when another share of the sentence is of it too (real
        # lists give shares of another whole); an inventory's whole ("Hiện có 35 TCCSĐ …")
        # refutes a share that stands alone
        corroborated = any(
            c.count is not None
            and c.stated is not None
            and agrees(c.stated, Fraction(_value(c.count) * 100, explicit))
            for c in group
        )
        if corroborated or (not group and explicit == _inventory_whole(p, claim)):
            _ratio(claim, count, explicit)


def _outlier(claim: Found, count: int, others: tuple[Fraction, Fraction], n: int | None) -> None:
    assert claim.stated is not None
    if n is not None:
        exact = Fraction(count * 100, n)
        value = shown(exact, claim.stated, 0)
        claim.computed, claim.basis = value, f"{count}/{n}"
        claim.status = "mismatch"
        claim.reason = say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng {number(count, 'vi')}/{number(n, 'vi')} = "
            f"{_pct(value, 'vi')} (các tỷ lệ khác cùng câu đều tính trên {number(n, 'vi')})",
            f"states {_pct(claim.stated, 'en')}, but {number(count, 'en')}/{number(n, 'en')} = "
            f"{_pct(value, 'en')} (the other shares of the sentence are all of {number(n, 'en')})",
        )
        return
    totals = whole_numbers(others, count)
    low, high = totals[0], totals[-1]
    hi_value = shown(Fraction(count * 100, low), claim.stated)
    lo_value = shown(Fraction(count * 100, high), claim.stated)
    claim.computed, claim.basis = lo_value, f"{count}/{low}–{high}"
    claim.status = "mismatch"
    claim.reason = say(
        f"ghi {_pct(claim.stated, 'vi')}, nhưng các tỷ lệ khác cùng câu cho tổng "
        f"{number(low, 'vi')}–{number(high, 'vi')}, theo đó {number(count, 'vi')} là "
        f"{_pct(lo_value, 'vi')}–{_pct(hi_value, 'vi')}",
        f"states {_pct(claim.stated, 'en')}, but the other shares of the sentence give a whole "
        f"of {number(low, 'en')}–{number(high, 'en')}, of which {number(count, 'en')} is "
        f"{_pct(lo_value, 'en')}–{_pct(hi_value, 'en')}",
    )


_PLAN_CONTEXT = re.compile(
    r"(?:phát triển|kết nạp|chỉ tiêu|kế hoạch|giao|phấn đấu|nghị quyết)\D{0,30}$", re.I
)


def _plan_from_paragraph(p: Paragraph, claim: Found) -> None:
    """A plan the paragraph states elsewhere ('Bình quân hằng năm phát triển 2.000 đảng
    viên'): it may confirm a percentage of plan; a percentage no whole-number plan gives is
    wrong whatever the plan."""
    assert claim.count is not None and claim.stated is not None
    count = _value(claim.count)
    kind = _kind(p, claim.count)
    for figure in p.figures:
        if figure is claim.count or figure.kind != "count" or not blocks(figure):
            continue
        if not _PLAN_CONTEXT.search(p.text[max(0, figure.start - 40) : figure.start]):
            continue
        if kind is not None and noun_after(p, figure) not in (kind, None):
            continue
        exact = Fraction(count * 100, figure.count) - (100 if claim.over else 0)
        if agrees(claim.stated, exact):
            _ratio(claim, count, figure.count)
            return
    stated = claim.stated + (100 if claim.over else 0)
    if stated > 0 and not whole_numbers(interval_for(count, stated)):
        claim.status = "mismatch"
        claim.reason = say(
            f"ghi {_pct(claim.stated, 'vi')} kế hoạch, nhưng không có kế hoạch nào cho "
            f"{number(count, 'vi')} đúng {_pct(claim.stated, 'vi')}",
            f"states {_pct(claim.stated, 'en')} of plan, but no plan gives "
            f"{number(count, 'en')} exactly {_pct(claim.stated, 'en')}",
        )


def interval_for(count: int, stated: Decimal) -> tuple[Fraction, Fraction] | None:
    from .numbers import bases

    return bases(count, stated)


# ---------------------------------------------------------------- against the data


def check_data(
    found: Found,
    indicator: str | None,
    totals: dict[str, Figures],
    data: Report,
) -> None:
    """A claim compared with the computed figures of its indicator. A claim of the text's
    own arithmetic (a share, parts of a whole) keeps what the text says; any other claim
    tied to no indicator is "unmatched"."""
    if found.unit:
        _data_unit(found, indicator, data)
        return
    if found.kind in ("share", "parts", "percent"):
        return
    if found.status == "mismatch":
        return
    known = totals.get(indicator) if indicator else None
    if known is None:
        found.status = "unmatched"
        return
    if found.kind == "count":
        _compare_count(found, known.actual, indicator or "")
    elif found.kind == "ratio":
        _data_ratio(found, known, indicator or "")
    elif found.kind in ("plan", "same_period"):
        # the percentage is computed from the data even when its count is wrong, so that
        # stated and computed stay percentages ("10.497 …, tăng 4,8%": 4,8 against 4,6)
        problem = _count_problem(found, known.actual, indicator or "")
        if found.kind == "plan":
            _data_plan(found, known, indicator or "")
        else:
            _data_same_period(found, known, indicator or "", data)
        if problem is not None:
            if found.status == "mismatch" and found.reason is not None:
                problem = (f"{problem[0]}; {found.reason[0]}", f"{problem[1]}; {found.reason[1]}")
            _mismatch(found, *problem)


def _data_unit(found: Found, indicator: str | None, data: Report) -> None:
    """'thấp nhất là Sóc Sơn (50%)': the unit's own percent of plan."""
    key = fold(found.unit)
    unit = next(
        (u for u in data.units if u.figures.indicator == indicator and fold(u.name) == key),
        None,
    )
    actual, plan = (unit.figures.actual, unit.figures.plan) if unit else (None, None)
    if found.kind != "plan" or found.stated is None or actual is None or not plan:
        found.status = "unmatched"
        return
    exact = Fraction(actual * 100, plan)
    value = shown(exact, found.stated)
    found.computed, found.basis = value, f"{actual}/{plan} ({found.unit}, {indicator})"
    if agrees(found.stated, exact):
        found.status = "ok"
        return
    _mismatch(
        found,
        f"ghi {found.unit} đạt {_pct(found.stated, 'vi')} kế hoạch, nhưng dữ liệu cho "
        f"{number(actual, 'vi')}/{number(plan, 'vi')} = {_pct(value, 'vi')} ({indicator})",
        f"states {found.unit} at {_pct(found.stated, 'en')} of plan, but the data gives "
        f"{number(actual, 'en')}/{number(plan, 'en')} = {_pct(value, 'en')} ({indicator})",
    )


# "cả 30 đơn vị vượt kế hoạch", "5 đơn vị chưa đạt kế hoạch", "18 units exceeded it"
_UNITS_THAT = re.compile(
    r"\s*(?:đơn vị|units?)\s+(?:(?P<above>vượt|exceeded)|(?P<below>chưa đạt|fell short)"
    r"|(?P<reached>đạt|reached))\b",
    re.I,
)


def check_units(p: Paragraph, found: Found, indicator: str | None, data: Report) -> None:
    """A count of units against plan: how many of the data's units with a plan for the
    indicator reached it (at or above), exceeded it, or fell short."""
    match = _UNITS_THAT.match(p.text, found.anchor.end)
    units = [
        u
        for u in data.units
        if u.figures.indicator == indicator and u.figures.actual is not None and u.figures.plan
    ]
    if match is None or not units or found.anchor.kind != "count":
        found.status = "unmatched"
        return
    which = next(k for k in ("above", "below", "reached") if match.group(k))
    signs = {"above": (1,), "below": (-1,), "reached": (0, 1)}[which]
    count = sum(1 for u in units if _sign((u.figures.actual or 0) - (u.figures.plan or 0)) in signs)
    stated = found.anchor.count
    found.stated, found.computed = Decimal(stated), Decimal(count)
    found.basis = f"{which}: {count}/{len(units)} ({indicator})"
    words = {
        "above": ("vượt kế hoạch", "exceeded the plan"),
        "below": ("chưa đạt kế hoạch", "fell short of the plan"),
        "reached": ("đạt kế hoạch trở lên", "reached the plan"),
    }[which]
    if stated == count:
        found.status = "ok"
        return
    _mismatch(
        found,
        f"ghi {number(stated, 'vi')} đơn vị {words[0]}, nhưng theo dữ liệu là "
        f"{number(count, 'vi')} trong {number(len(units), 'vi')} đơn vị ({indicator})",
        f"states {number(stated, 'en')} units {words[1]}, but the data has "
        f"{number(count, 'en')} of {number(len(units), 'en')} units ({indicator})",
    )


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


def _mismatch(found: Found, vi: str, en: str) -> None:
    found.status = "mismatch"
    found.reason = (vi, en)


def _compare_count(found: Found, actual: int | None, indicator: str) -> None:
    stated = _value(found.anchor)
    found.stated = Decimal(stated)
    found.computed = Decimal(actual) if actual is not None else None
    found.basis = indicator
    if actual is None:
        found.status = "unmatched"
    elif stated == actual:
        found.status = "ok"
    else:
        _mismatch(
            found,
            f"ghi {number(stated, 'vi')}, nhưng dữ liệu có {number(actual, 'vi')} ({indicator})",
            f"states {number(stated, 'en')}, but the data has {number(actual, 'en')} ({indicator})",
        )


def _count_problem(found: Found, actual: int | None, indicator: str) -> tuple[str, str] | None:
    """The reason the count a percentage is about differs from the data's, if it does."""
    if found.count is None or actual is None:
        return None
    stated = _value(found.count)
    if stated == actual:
        return None
    return (
        f"ghi {number(stated, 'vi')}, nhưng dữ liệu có {number(actual, 'vi')} ({indicator})",
        f"states {number(stated, 'en')}, but the data has {number(actual, 'en')} ({indicator})",
    )


def _data_ratio(found: Found, known: Figures, indicator: str) -> None:
    assert found.count is not None
    prior = found.base_text == "prior"
    expected = known.prior if prior else known.plan
    a, b = found.count.a, found.count.b
    word = ("cùng kỳ", "the same period") if prior else ("kế hoạch", "plan")
    if a != known.actual:
        _mismatch(
            found,
            f"ghi {number(a, 'vi')}/{number(b, 'vi')}, nhưng dữ liệu có thực hiện "
            f"{number(known.actual, 'vi')} ({indicator})",
            f"states {number(a, 'en')}/{number(b, 'en')}, but the data has "
            f"{number(known.actual, 'en')} ({indicator})",
        )
    elif b != expected:
        _mismatch(
            found,
            f"ghi {number(a, 'vi')}/{number(b, 'vi')}, nhưng dữ liệu có {word[0]} "
            f"{number(expected, 'vi')} ({indicator})",
            f"states {number(a, 'en')}/{number(b, 'en')}, but the data has {word[1]} "
            f"{number(expected, 'en')} ({indicator})",
        )
    else:
        found.status = "ok"
        found.basis = f"{found.basis or 'A/B'}; {indicator}"


def _data_plan(found: Found, known: Figures, indicator: str) -> None:
    if found.stated is None or known.actual is None or not known.plan:
        found.status = "unmatched" if found.status == "unchecked" else found.status
        return
    exact = Fraction(known.actual * 100, known.plan) - (100 if found.over else 0)
    value = shown(exact, found.stated)
    found.computed, found.basis = value, f"{known.actual}/{known.plan} ({indicator})"
    if agrees(found.stated, exact):
        found.status = "ok"
    else:
        _mismatch(
            found,
            f"ghi {_pct(found.stated, 'vi')} kế hoạch, nhưng dữ liệu cho "
            f"{number(known.actual, 'vi')}/{number(known.plan, 'vi')} = {_pct(value, 'vi')} "
            f"({indicator})",
            f"states {_pct(found.stated, 'en')} of plan, but the data gives "
            f"{number(known.actual, 'en')}/{number(known.plan, 'en')} = {_pct(value, 'en')} "
            f"({indicator})",
        )


def _data_same_period(found: Found, known: Figures, indicator: str, data: Report) -> None:
    actual, prior = known.actual, known.prior
    if actual is None or not prior:
        found.status = "unmatched"
        return
    if found.base_text == "prior" and found.base is not None and found.base != prior:
        _mismatch(  # a table's Cùng kỳ column
            found,
            f"ghi cùng kỳ {number(found.base, 'vi')}, nhưng dữ liệu có {number(prior, 'vi')} "
            f"({indicator})",
            f"states the same period at {number(found.base, 'en')}, but the data has "
            f"{number(prior, 'en')} ({indicator})",
        )
        found.computed = Decimal(prior)
        return
    if (
        found.prior_year is not None
        and data.period is not None
        and found.prior_year != data.period.year - 1
    ):
        _mismatch(
            found,
            f"ghi cùng kỳ năm {found.prior_year}, nhưng kỳ trước của dữ liệu là năm "
            f"{data.period.year - 1}",
            f"states the same period of {found.prior_year}, but the data's earlier period is "
            f"{data.period.year - 1}",
        )
        return
    if found.anchor.kind == "count" and found.change is not None:  # "tăng 230 tổ chức"
        change = (actual - prior) * (found.direction or 1)
        found.stated, found.computed = Decimal(found.change), Decimal(change)
        found.basis = f"{actual} − {prior} ({indicator})"
        if change == found.change:
            found.status = "ok"
        else:
            _mismatch(
                found,
                f"ghi {'tăng' if found.direction > 0 else 'giảm'} {number(found.change, 'vi')}, "
                f"nhưng dữ liệu cho {number(actual, 'vi')} − {number(prior, 'vi')} = "
                f"{number(actual - prior, 'vi')} ({indicator})",
                f"states {'up' if found.direction > 0 else 'down'} {number(found.change, 'en')}, "
                f"but the data gives {number(actual, 'en')} − {number(prior, 'en')} = "
                f"{number(actual - prior, 'en')} ({indicator})",
            )
        return
    if found.stated is None:
        return
    if found.direction == 0 and found.stated == 0 and found.anchor.kind != "percent":
        ok = actual == prior  # "bằng cùng kỳ"
        found.computed = shown(Fraction((actual - prior) * 100, prior), Decimal("0.1"))
        found.basis = f"{actual}/{prior} ({indicator})"
        if ok:
            found.status = "ok"
        else:
            _mismatch(
                found,
                f"ghi bằng cùng kỳ, nhưng dữ liệu có {number(actual, 'vi')} so với "
                f"{number(prior, 'vi')} ({indicator})",
                f"states level with the same period, but the data has {number(actual, 'en')} "
                f"against {number(prior, 'en')} ({indicator})",
            )
        return

    def how(lang: str) -> str:
        a, b = number(actual, lang), number(prior, lang)
        return f"{a}/{b}" if found.direction == 0 else f"({a} − {b})/{b}"

    if found.direction == 0:  # "đạt 107,3% so với cùng kỳ": actual / prior
        exact = Fraction(actual * 100, prior)
    else:
        exact = Fraction((actual - prior) * 100 * found.direction, prior)
    value = shown(exact, found.stated)
    found.computed, found.basis = value, f"{how('en').replace(',', '')} ({indicator})"
    if exact >= 0 and agrees(found.stated, exact):
        found.status = "ok"
        return
    words = {1: ("tăng", "up"), -1: ("giảm", "down"), 0: ("đạt", "at")}
    real = Fraction((actual - prior) * 100, prior)
    data_word = words[0] if found.direction == 0 else words[(real > 0) - (real < 0) or 1]
    data_value = shown(exact if found.direction == 0 else abs(real), found.stated)
    if found.direction == 0 or real != 0:
        data_vi = f"{data_word[0]} {_pct(data_value, 'vi')}"
        data_en = f"{data_word[1]} {_pct(data_value, 'en')}"
    else:
        data_vi, data_en = "bằng cùng kỳ", "level with the same period"
    word = words[found.direction]
    _mismatch(
        found,
        f"ghi {word[0]} {_pct(found.stated, 'vi')}, nhưng dữ liệu cho {data_vi} "
        f"({how('vi')}, {indicator})",
        f"states {word[1]} {_pct(found.stated, 'en')}, but the data gives {data_en} "
        f"({how('en')}, {indicator})",
    )


# ---------------------------------------------------------------- which indicator


def phrases_of(lang: str) -> list[tuple[tuple[str, ...], str]]:
    from ..catalogue import load_catalogue
    from ..render.text import load_templates

    catalogue = load_catalogue()
    templates = load_templates()
    phrases: list[tuple[tuple[str, ...], str]] = []
    for indicator in catalogue.indicators.values():
        texts = [indicator.label_vi, indicator.label_en, *indicator.aliases]
        template_words = templates["indicators"].get(indicator.id, {})
        texts += [" ".join(template_words[k]) for k in ("vi", "en") if k in template_words]
        for text in texts:
            phrases.append((tuple(fold(text).split()), indicator.id))
    return phrases


def _is_subsequence(needle: tuple[str, ...], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(token in it for token in needle)


def best_indicator(
    words: list[str], phrases: list[tuple[tuple[str, ...], str]], clause: int = 0
) -> str | None:
    """The indicator with the phrase that has most words in the figure's clause (the words
    from `clause` on), then the longest; a tie between indicators is no match."""
    best: dict[str, tuple[int, int]] = {}
    present = set(words)
    for phrase, indicator in phrases:
        # one word ("TCCSĐ", "hội viên") is too little to tie a figure to an indicator
        if len(phrase) < 2 or not present.issuperset(phrase):
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


def indicator_of(
    p: Paragraph, found: Found, claims: list[Found], phrases: list[tuple[tuple[str, ...], str]]
) -> str | None:
    """The indicator whose phrase reads, in order, in the words of the claim's sentence
    before its figure (other figures' own words left out) and of its own phrase, the words
    of its own clause (after the last ';') counting first. A tie is no match."""
    figure = found.count if found.count is not None else found.anchor
    start, _end = p.sentences[figure.sentence]
    text = list(p.text[start : figure.start])
    for other in p.figures:
        if other.sentence != figure.sentence or other.start >= figure.start or not blocks(other):
            continue
        stop = re.compile(r"[,;:.()]|\s\d").search(p.text, other.end)
        end = min(stop.start() if stop else len(p.text), figure.start)
        for j in range(other.start - start, end - start):
            if p.text[start + j] != ";":
                text[j] = " "
    before = "".join(text)
    stop = re.compile(r"[,;:.()]|\s\d").search(p.text, figure.end)
    own_end = max(stop.start() if stop else len(p.text), found.end)
    own = p.text[figure.end : own_end]
    cut = before.rfind(";") + 1
    far = fold(re.sub(r"\d+", " ", before[:cut])).split()
    near = fold(re.sub(r"\d+", " ", before[cut:] + " " + own)).split()
    return best_indicator(far + near, phrases, clause=len(far))
