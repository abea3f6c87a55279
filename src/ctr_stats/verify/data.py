"""A claim against the computed figures of the indicator its words name: a count with the
actual, A/B with the actual and the plan (or the same period), a plan claim with the percent
of plan and a same-period claim with the same period whether or not A/B is written; a unit's
own rate with that unit's figures and a count of units with the data's units."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..model import Figures, Report
from ..text import fold
from .arithmetic import value_of
from .claims import Found, Paragraph
from .numbers import agrees, number, shown
from .numbers import pct as _pct


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
    stated = value_of(found.anchor)
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
    stated = value_of(found.count)
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
