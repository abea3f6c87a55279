"""A claim against the computed figures of the indicator its words name: a count with the
actual, A/B with the actual and the plan (or the same period), a plan claim with the percent
of plan and a same-period claim with the same period whether or not A/B is written; a unit's
own rate with that unit's figures (counts of units: `unit_counts`). A claim tied to an
indicator the data cannot check is "unchecked" and says why; "unmatched" is only for a
claim tied to no indicator. Reasons name an indicator by its label, never its id."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from ..model import Figures, Report
from ..text import fold
from .arithmetic import check_row, reads_as_ratio, value_of
from .claims import Found
from .indicators import label_of
from .numbers import agrees, grouped, number, shown
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
    # a percentage of plan no whole-number plan gives (a typo: "83,54%" for 83,45): wrong
    # whatever the plan, and the data's own figure is what the reader needs to fix it
    impossible = found.kind == "plan" and found.status == "mismatch" and found.computed is None
    if found.status == "mismatch" and not (impossible and indicator in totals):
        return
    if indicator is None:
        found.status = "unmatched"
        return
    known = totals.get(indicator)
    if known is None:
        name = _names(indicator)
        _unchecked(
            found,
            f"dữ liệu không có số liệu {name[0]}",
            f"the data has no figures of {name[1]}",
        )
        return
    if found.kind == "count":
        _compare_count(found, known.actual, indicator or "")
    elif found.kind == "ratio":
        _data_ratio(found, known, indicator or "")
    elif found.kind in ("plan", "same_period"):
        # the percentage is computed from the data even when its count is wrong, so that
        # stated and computed stay percentages ("10.497 …, tăng 4,8%": 4,8 against 4,6)
        problem = _count_problem(found, known.actual, indicator or "")
        base = "plan" if found.kind == "plan" else "prior"
        # over the units that have both figures, as the data's percentage is
        compared = _compared(known, data, indicator, base)
        if found.kind == "plan":
            _data_plan(found, compared, indicator or "")
        else:
            _data_same_period(found, compared, indicator or "", data)
        if problem is not None:
            if found.status == "mismatch" and found.reason is not None:
                problem = (f"{problem[0]}; {found.reason[0]}", f"{problem[1]}; {found.reason[1]}")
            _mismatch(found, *problem)


def check_share(found: Found, part: str, whole: str, totals: dict[str, Figures]) -> None:
    """A part's count and its share of a whole the text names without its number ("là phụ
    nữ 35.568 đồng chí, chiếm 40,41% tổng số đảng viên mới kết nạp") against the data's
    part and whole; left as the text left it (unchecked) when the data lacks either."""
    known_part, known_whole = totals.get(part), totals.get(whole)
    if known_part is None or known_whole is None:
        return
    actual, base = known_part.actual, known_whole.actual
    if actual is None or not base or found.stated is None:
        return
    exact = Fraction(actual * 100, base)
    value = shown(exact, found.stated)
    found.computed, found.basis = value, f"{actual}/{base} ({part}/{whole})"
    found.shown = _from_data(
        f"{_n(actual, 'vi')}/{_n(base, 'vi')}", f"{_n(actual, 'en')}/{_n(base, 'en')}"
    )
    problem = _count_problem(found, actual, part)
    if agrees(found.stated, exact):
        if problem is None:
            found.status, found.reason = "ok", None
        else:
            _mismatch(found, *problem)
        return
    names = _names(part), _names(whole)
    reason = (
        f"ghi {_pct(found.stated, 'vi')}, nhưng dữ liệu cho {number(actual, 'vi')}/"
        f"{number(base, 'vi')} = {_pct(value, 'vi')} ({names[0][0]} trên {names[1][0]})",
        f"states {_pct(found.stated, 'en')}, but the data gives {number(actual, 'en')}/"
        f"{number(base, 'en')} = {_pct(value, 'en')} ({names[0][1]} of {names[1][1]})",
    )
    if problem is not None:
        reason = (f"{problem[0]}; {reason[0]}", f"{problem[1]}; {reason[1]}")
    _mismatch(found, *reason)


def check_share_count(found: Found, indicator: str, totals: dict[str, Figures]) -> None:
    """The count of a share whose whole the data cannot give ("kết nạp được 385 đảng viên
    mới, đạt tỷ lệ 7,61%"): a mismatch when it is not the data's, said first; else as it
    was."""
    known = totals.get(indicator)
    problem = _count_problem(found, known.actual if known else None, indicator)
    if problem is not None:
        if found.status == "mismatch" and found.reason is not None:  # the text's own, after
            problem = (f"{problem[0]}; {found.reason[0]}", f"{problem[1]}; {found.reason[1]}")
        _mismatch(found, *problem)


def _compared(known: Figures, data: Report, indicator: str, base: str) -> Figures:
    """The figures a total's percentage of `base` is made of: the actual and the base of
    the units that have both, where some unit has only one (calculate.totals)."""
    total = data.total(indicator)
    if total is None or base not in total.compared:
        return known
    actual, of = total.compared[base]
    if base == "plan":
        return replace(known, actual=actual, plan=of)
    return replace(known, actual=actual, prior=of)


def over_units_with_both(found: Found, indicator: str | None, data: Report) -> bool:
    """A table row of a total whose percentage is over the units that have both figures,
    as the tool writes it ("9.527 | 10.479 | 106,9%" with a unit's plan lacking: 10.188/9.527
    of the 29 units with a plan): when the row's figures are the data's totals, its
    percentage is checked over those units, never by the row's own arithmetic (10.479/9.527
    = 110% is 30 units' actual over 29 units' plan), and True; else False."""
    if found.status not in ("ok", "mismatch") or indicator is None or found.count is None:
        return False
    if found.kind == "ratio" and found.base_text == "plan":
        base = "plan"  # a table's Kế hoạch | Thực hiện | %
    elif found.kind == "same_period":
        base = "prior"
    else:
        return False
    total = data.total(indicator)
    if total is None or base not in total.compared:
        return False
    known = total.figures
    if (value_of(found.count), found.base) != (known.actual, getattr(known, base)):
        return False
    actual, of = total.compared[base]
    count = found.count
    if count.kind == "ratio":
        count = replace(count, a=actual, b=of)
    else:
        count = replace(count, value=Decimal(actual))
    trial = replace(found, count=count, base=of)
    check_row(trial)
    units = "các đơn vị có cả hai số" if base == "plan" else "các đơn vị có cả cùng kỳ"
    units_en = "the units with both figures" if base == "plan" else "the units with a Cùng kỳ"
    found.status, found.computed = trial.status, trial.computed
    found.basis = f"{trial.basis} ({indicator})"
    found.shown = _from_data(
        f"{_n(actual, 'vi')}/{_n(of, 'vi')}, {units}",
        f"{_n(actual, 'en')}/{_n(of, 'en')}, {units_en}",
    )
    reason = trial.reason
    found.reason = (
        None if reason is None else (f"{reason[0]} ({units})", f"{reason[1]} ({units_en})")
    )
    return True


def _data_unit(found: Found, indicator: str | None, data: Report) -> None:
    """'thấp nhất là Sóc Sơn (50%)': the unit's own percent of plan."""
    key = fold(found.unit)
    unit = next(
        (u for u in data.units if u.figures.indicator == indicator and fold(u.name) == key),
        None,
    )
    actual, plan = (unit.figures.actual, unit.figures.plan) if unit else (None, None)
    if indicator is None:
        found.status = "unmatched"
        return
    name = _names(indicator)
    if found.kind == "same_period" and unit is not None:
        # "Mê Linh (tăng 23,7%)": the unit's own change, as a total's is checked
        _data_same_period(found, unit.figures, indicator, data)
        if found.reason is not None:
            found.reason = (f"{found.unit}: {found.reason[0]}", f"{found.unit}: {found.reason[1]}")
        if found.status in ("ok", "mismatch"):
            found.shown = from_unit(found.shown, found.unit)
        return
    if found.kind != "plan" or found.stated is None:
        _unchecked(
            found,
            f"tỷ lệ của {found.unit} không nói là so với kế hoạch ({name[0]})",
            f"the rate of {found.unit} is not said to be of plan ({name[1]})",
        )
        return
    if unit is None or actual is None or not plan:
        what = (
            ("không có đơn vị", "has no unit")
            if unit is None
            else ("không có kế hoạch của", "has no plan for")
        )
        _unchecked(
            found,
            f"dữ liệu {what[0]} {found.unit} ({name[0]})",
            f"the data {what[1]} {found.unit} ({name[1]})",
        )
        return
    exact = Fraction(actual * 100, plan)
    value = shown(exact, found.stated)
    found.computed, found.basis = value, f"{actual}/{plan} ({found.unit}, {indicator})"
    found.shown = (
        f"{number(actual, 'vi')}/{number(plan, 'vi')} ({found.unit})",
        f"{number(actual, 'en')}/{number(plan, 'en')} ({found.unit})",
    )
    if agrees(found.stated, exact):
        found.status = "ok"
        return
    _mismatch(
        found,
        f"ghi {found.unit} đạt {_pct(found.stated, 'vi')} kế hoạch, nhưng dữ liệu cho "
        f"{number(actual, 'vi')}/{number(plan, 'vi')} = {_pct(value, 'vi')} ({name[0]})",
        f"states {found.unit} at {_pct(found.stated, 'en')} of plan, but the data gives "
        f"{number(actual, 'en')}/{number(plan, 'en')} = {_pct(value, 'en')} ({name[1]})",
    )


def _names(indicator: str) -> tuple[str, str]:
    return label_of(indicator, "vi"), label_of(indicator, "en")


def _unchecked(found: Found, vi: str, en: str) -> None:
    """Tied to an indicator, but the data cannot check it: why, in both languages."""
    found.status = "unchecked"
    found.reason = (vi, en)


def _mismatch(found: Found, vi: str, en: str) -> None:
    found.status = "mismatch"
    found.reason = (vi, en)


def _compare_count(found: Found, actual: int | None, indicator: str) -> None:
    name = _names(indicator)
    _compare(
        found,
        actual,
        indicator,
        ("dữ liệu", "the data"),
        (
            f"dữ liệu không có số thực hiện ({name[0]})",
            f"the data has no actual figure ({name[1]})",
        ),
        lambda stated: (
            f"ghi {number(stated, 'vi')}, nhưng dữ liệu có {number(actual, 'vi')} ({name[0]})",
            f"states {number(stated, 'en')}, but the data has {number(actual, 'en')} ({name[1]})",
        ),
    )


def compare_prior(found: Found, prior: int | None, indicator: str, said: str) -> None:
    """A count its clause says is of the data's same period last year, against the data's
    Cùng kỳ ("Cùng kỳ năm 2021, toàn thành phố kết nạp 4.688 đảng viên")."""
    name = _names(indicator)
    _compare(
        found,
        prior,
        indicator,
        ("dữ liệu, cùng kỳ", "the data, same period"),
        (
            f"câu ghi số của “{said}”; dữ liệu không có số cùng kỳ ({name[0]})",
            f"the clause gives the figure of “{said}”; the data has no same-period figure"
            f" ({name[1]})",
        ),
        lambda stated: (
            f"ghi {number(stated, 'vi')} cho “{said}”, nhưng cùng kỳ trong dữ liệu là"
            f" {number(prior, 'vi')} ({name[0]})",
            f"states {number(stated, 'en')} for “{said}”, but the data's same period is"
            f" {number(prior, 'en')} ({name[1]})",
        ),
    )


def compare_plan(found: Found, plan: int | None, indicator: str) -> None:
    """A count its words say is the plan ("chỉ tiêu 283 đảng viên", "(kế hoạch: 283 đảng
    viên)"), against the data's Kế hoạch."""
    name = _names(indicator)
    _compare(
        found,
        plan,
        indicator,
        ("dữ liệu, kế hoạch", "the data, plan"),
        (
            f"câu ghi kế hoạch; dữ liệu không có kế hoạch ({name[0]})",
            f"the clause gives the plan; the data has no plan ({name[1]})",
        ),
        lambda stated: (
            f"ghi kế hoạch {number(stated, 'vi')}, nhưng kế hoạch trong dữ liệu là"
            f" {number(plan, 'vi')} ({name[0]})",
            f"states a plan of {number(stated, 'en')}, but the data's plan is"
            f" {number(plan, 'en')} ({name[1]})",
        ),
    )


def _compare(
    found: Found,
    known: int | None,
    indicator: str,
    shown: tuple[str, str],
    lacking: tuple[str, str],
    differs: Callable[[int], tuple[str, str]],
) -> None:
    """A count stated against the data's figure `known`: unchecked (`lacking`) without it,
    ok when equal, else a mismatch saying how (`differs`, of the stated count)."""
    stated = value_of(found.anchor)
    found.stated = Decimal(stated)
    found.computed = Decimal(known) if known is not None else None
    found.basis, found.shown = indicator, shown
    if known is None:
        _unchecked(found, *lacking)
    elif stated == known:
        # no reason kept: a count recompared with the plan or Cùng kỳ comes in with the
        # mismatch against this year's actual
        found.status, found.reason = "ok", None
    else:
        _mismatch(found, *differs(stated))


def _count_problem(found: Found, actual: int | None, indicator: str) -> tuple[str, str] | None:
    """The reason the count a percentage is about differs from the data's, if it does."""
    if found.count is None or actual is None:
        return None
    stated = value_of(found.count)
    if stated == actual:
        return None
    name = _names(indicator)
    return (
        f"ghi {number(stated, 'vi')}, nhưng dữ liệu có {number(actual, 'vi')} ({name[0]})",
        f"states {number(stated, 'en')}, but the data has {number(actual, 'en')} ({name[1]})",
    )


def _data_ratio(found: Found, known: Figures, indicator: str) -> None:
    assert found.count is not None
    if _PART_OF_ALL.search(found.count.text):
        _data_part_of_all(found, known, indicator)
        return
    prior = found.base_text == "prior"
    expected = known.prior if prior else known.plan
    a, b = found.count.a, found.count.b
    word = ("cùng kỳ", "the same period") if prior else ("kế hoạch", "plan")
    name = _names(indicator)
    if a != known.actual:
        _mismatch(
            found,
            f"ghi {number(a, 'vi')}/{number(b, 'vi')}, nhưng dữ liệu có thực hiện "
            f"{number(known.actual, 'vi')} ({name[0]})",
            f"states {number(a, 'en')}/{number(b, 'en')}, but the data has "
            f"{number(known.actual, 'en')} ({name[1]})",
        )
    elif b != expected:
        _mismatch(
            found,
            f"ghi {number(a, 'vi')}/{number(b, 'vi')}, nhưng dữ liệu có {word[0]} "
            f"{number(expected, 'vi')} ({name[0]})",
            f"states {number(a, 'en')}/{number(b, 'en')}, but the data has {word[1]} "
            f"{number(expected, 'en')} ({name[1]})",
        )
    else:
        found.status = "ok"
        written = found.basis or "A/B"
        found.basis = f"{written}; {indicator}"
        found.shown = (f"{grouped(written, 'vi')}; dữ liệu", f"{grouped(written, 'en')}; the data")


# "662 trong tổng số 686 tổ chức cơ sở đảng được đánh giá": A of all B, not done of planned
_PART_OF_ALL = re.compile(r"\btrong\b", re.I)


def _data_part_of_all(found: Found, known: Figures, indicator: str) -> None:
    """A/B written "A trong tổng số B": B is the indicator's, A a part the data does not
    hold apart."""
    assert found.count is not None
    b, name = found.count.b, _names(indicator)
    if known.actual is None:
        _unchecked(
            found,
            f"dữ liệu không có số thực hiện ({name[0]})",
            f"the data has no actual figure ({name[1]})",
        )
        return
    found.basis, found.shown = indicator, ("dữ liệu", "the data")
    if b != known.actual:
        _mismatch(
            found,
            f"ghi tổng số {number(b, 'vi')}, nhưng dữ liệu có {_n(known.actual, 'vi')} ({name[0]})",
            f"states all of {number(b, 'en')}, but the data has {_n(known.actual, 'en')} "
            f"({name[1]})",
        )
    else:
        found.status, found.computed = "ok", Decimal(b)


def _data_plan(found: Found, known: Figures, indicator: str) -> None:
    name = _names(indicator)
    if found.stated is None or known.actual is None or not known.plan:
        if found.status == "unchecked":
            _unchecked(
                found,
                f"dữ liệu không có kế hoạch ({name[0]})",
                f"the data has no plan ({name[1]})",
            )
        return
    exact = Fraction(known.actual * 100, known.plan) - (100 if found.over else 0)
    value = shown(exact, found.stated)
    found.computed, found.basis = value, f"{known.actual}/{known.plan} ({indicator})"
    found.shown = _from_data(
        f"{_n(known.actual, 'vi')}/{_n(known.plan, 'vi')}",
        f"{_n(known.actual, 'en')}/{_n(known.plan, 'en')}",
    )
    if agrees(found.stated, exact):
        found.status = "ok"
    else:
        _mismatch(
            found,
            f"ghi {_pct(found.stated, 'vi')} kế hoạch, nhưng dữ liệu cho "
            f"{number(known.actual, 'vi')}/{number(known.plan, 'vi')} = {_pct(value, 'vi')} "
            f"({name[0]})",
            f"states {_pct(found.stated, 'en')} of plan, but the data gives "
            f"{number(known.actual, 'en')}/{number(known.plan, 'en')} = {_pct(value, 'en')} "
            f"({name[1]})",
        )


def _data_same_period(found: Found, known: Figures, indicator: str, data: Report) -> None:
    actual, prior = known.actual, known.prior
    name = _names(indicator)
    # a change in numbers needs a prior, not a nonzero one ("tăng 1 tổ chức đảng": 1 − 0)
    in_numbers = found.anchor.kind == "count" and found.change is not None
    if actual is None or prior is None or (prior == 0 and not in_numbers):
        _unchecked(
            found,
            f"dữ liệu không có số cùng kỳ ({name[0]})",
            f"the data has no same-period figure ({name[1]})",
        )
        return
    if found.base_text == "prior" and found.base is not None and found.base != prior:
        _mismatch(  # a table's Cùng kỳ column
            found,
            f"ghi cùng kỳ {number(found.base, 'vi')}, nhưng dữ liệu có {number(prior, 'vi')} "
            f"({name[0]})",
            f"states the same period at {number(found.base, 'en')}, but the data has "
            f"{number(prior, 'en')} ({name[1]})",
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
        found.shown = _from_data(
            f"{_n(actual, 'vi')} − {_n(prior, 'vi')}", f"{_n(actual, 'en')} − {_n(prior, 'en')}"
        )
        if change == found.change:
            found.status = "ok"
        else:
            _mismatch(
                found,
                f"ghi {'tăng' if found.direction > 0 else 'giảm'} {number(found.change, 'vi')}, "
                f"nhưng dữ liệu cho {number(actual, 'vi')} − {number(prior, 'vi')} = "
                f"{number(actual - prior, 'vi')} ({name[0]})",
                f"states {'up' if found.direction > 0 else 'down'} {number(found.change, 'en')}, "
                f"but the data gives {number(actual, 'en')} − {number(prior, 'en')} = "
                f"{number(actual - prior, 'en')} ({name[1]})",
            )
        return
    if found.stated is None:
        return
    if found.either and not reads_as_ratio(found.stated, actual, prior):
        found.direction = 1  # a table's "So sánh với cùng kỳ (%)" that reads as the change
    if found.direction == 0 and found.stated == 0 and found.anchor.kind != "percent":
        ok = actual == prior  # "bằng cùng kỳ"
        found.computed = shown(Fraction((actual - prior) * 100, prior), Decimal("0.1"))
        found.basis = f"{actual}/{prior} ({indicator})"
        found.shown = _from_data(
            f"{_n(actual, 'vi')}/{_n(prior, 'vi')}", f"{_n(actual, 'en')}/{_n(prior, 'en')}"
        )
        if ok:
            found.status = "ok"
        else:
            _mismatch(
                found,
                f"ghi bằng cùng kỳ, nhưng dữ liệu có {number(actual, 'vi')} so với "
                f"{number(prior, 'vi')} ({name[0]})",
                f"states level with the same period, but the data has {number(actual, 'en')} "
                f"against {number(prior, 'en')} ({name[1]})",
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
    found.shown = _from_data(how("vi"), how("en"))
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
        f"({how('vi')}, {name[0]})",
        f"states {word[1]} {_pct(found.stated, 'en')}, but the data gives {data_en} "
        f"({how('en')}, {name[1]})",
    )


def _n(value: int, lang: str) -> str:
    return number(value, lang)


def _from_data(vi: str, en: str) -> tuple[str, str]:
    """A basis computed from the data's figures, as people read it."""
    return f"{vi} {_DATA[0]}", f"{en} {_DATA[1]}"


_DATA = ("(dữ liệu)", "(data)")


def from_unit(shown: tuple[str, str] | None, name: str) -> tuple[str, str] | None:
    """A basis `check_data` gave, said of one unit's figures ("652/611 (Đông Anh)")."""
    if shown is None:
        return None
    vi, en = shown
    if vi.endswith(_DATA[0]) and en.endswith(_DATA[1]):
        return vi[: -len(_DATA[0])] + f"({name})", en[: -len(_DATA[1])] + f"({name})"
    return f"{vi} ({name})", f"{en} ({name})"
