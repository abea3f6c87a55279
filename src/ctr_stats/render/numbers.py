"""Numbers for people: Vietnamese (10.479; 188,1%) or English (10,479; 188.1%), by Babel.

Values arrive already rounded half-up; the pattern shows exactly those digits, so Babel's
own (half-even) rounding never comes into play.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from decimal import Context, Decimal, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Figures

LOCALES = {"vi": "vi_VN", "en": "en_US"}


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _context(value: int | Decimal) -> AbstractContextManager[Context]:
    """Decimal arithmetic with digits enough for the value: a count of 1e308 (a slip that
    the checks name) must not crash the message that names it."""
    digits = len(str(abs(int(value)))) if Decimal(value).is_finite() else 0
    return localcontext(prec=max(28, digits + 12))


def format_count(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    return _babel(str(value), "#,##0", lang, True)


def format_number(value: Decimal | None, lang: str, precision: int) -> str:
    """188,1 / 188.1 (no percent sign)."""
    if value is None:
        return ""
    return _babel(str(value), _pattern(precision), lang, False)


@lru_cache(maxsize=1 << 14)
def _babel(value: str, pattern: str, lang: str, quantization: bool) -> str:
    """Babel's format of the number written `value` (str() of an int or a Decimal, which
    keeps its exponent: 12.50 is not 12.5 here). Made once per value: the same counts recur
    in a run's findings (100,000 messages took 40 µs a number in Babel)."""
    from babel.numbers import format_decimal

    number = Decimal(value)
    with _context(number):
        return str(
            format_decimal(
                number, format=pattern, locale=LOCALES[lang], decimal_quantization=quantization
            )
        )


def format_percent(value: Decimal | None, lang: str, precision: int) -> str:
    """188,1% / 188.1%: the reports write the sign with no space."""
    if value is None:
        return ""
    return format_number(value, lang, precision) + "%"


def figure_cells(figures: Figures, lang: str, precision: int) -> list[str]:
    """Plan, actual, prior, % of plan, % of prior, change: as every table shows them."""
    return [
        format_count(figures.plan, lang),
        format_count(figures.actual, lang),
        format_count(figures.prior, lang),
        format_percent(figures.percent_of_plan, lang, precision),
        format_percent(figures.percent_of_prior, lang, precision),
        format_percent(figures.change_vs_prior, lang, precision),
    ]


def format_plain(value: int | float | Decimal, lang: str, most_decimals: int = 4) -> str:
    """A number in a message, with the decimals it has (at most `most_decimals`, rounded
    half-up): 10.479, 12,5, 107,3333 in Vietnamese; 10,479, 12.5 in English."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return str(value)
    return _plain(str(number), lang, most_decimals)


@lru_cache(maxsize=1 << 14)
def _plain(value: str, lang: str, most_decimals: int) -> str:
    from decimal import ROUND_HALF_UP

    number = Decimal(value)
    with _context(number):
        if number == number.to_integral_value():
            number = number.to_integral_value()
        decimals = max(0, -int(number.as_tuple().exponent))
        if decimals > most_decimals:
            decimals = most_decimals
            number = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        return format_number(number, lang, decimals)


def format_change(value: Decimal | None, lang: str, precision: int) -> str:
    """+4,6% / -3,1%: a change with its sign."""
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_percent(value, lang, precision)
