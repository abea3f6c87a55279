"""Numbers for people: Vietnamese (10.479; 188,1%) or English (10,479; 188.1%), by Babel.

Values arrive already rounded half-up; the pattern shows exactly those digits, so Babel's
own (half-even) rounding never comes into play.
"""

from __future__ import annotations

from decimal import Decimal

LOCALES = {"vi": "vi_VN", "en": "en_US"}


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_count(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0", locale=LOCALES[lang]))


def format_number(value: Decimal | None, lang: str, precision: int) -> str:
    """188,1 / 188.1 (no percent sign)."""
    if value is None:
        return ""
    from babel.numbers import format_decimal

    return str(
        format_decimal(
            value, format=_pattern(precision), locale=LOCALES[lang], decimal_quantization=False
        )
    )


def format_percent(value: Decimal | None, lang: str, precision: int) -> str:
    """188,1% / 188.1%: the reports write the sign with no space."""
    if value is None:
        return ""
    return format_number(value, lang, precision) + "%"
