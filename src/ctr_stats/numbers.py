"""Exact arithmetic and strict reading of numbers typed the Vietnamese way.

Percentages are computed from integers with integer arithmetic and rounded half-up (away
from zero on the magnitude, as a person writes "giảm 3,1%" for -3.05). A zero or missing
denominator gives None: never inf, NaN or 0%.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache

# Texts that mean "nothing reported": not zero.
NOT_REPORTED = frozenset({"", "-", "–", "—", "x", "X", "..", "...", "…", "--"})

_VI_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.234 / 1.234,5
_VI_PLAIN = re.compile(r"^[+-]?\d+(?:,\d+)?$")  # 1234 / 12,5
_EN_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$")  # 1,234.5 (unambiguous only)
_EN_DECIMAL = re.compile(r"^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$")  # 82.4 / 106.82 (not x.ddd)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


class NumberFormatError(ValueError):
    """A text that cannot be a number: says why, in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


class AmbiguousNumber(NumberFormatError):
    """A text that is a number, but which one it cannot tell: "1,000" is 1 with a decimal
    comma, 1000 with an English thousands separator. A figure all the same (a row holding
    one is a row of figures), never read as either."""


# one comma, then three digits: a Vietnamese decimal or an English thousands group
_EITHER_WAY = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def parse_number(raw: object) -> tuple[Decimal | None, bool]:
    """A cell's value as (number, was_percent). None means not reported.

    Numbers typed as text follow the Vietnamese convention: "." groups thousands and ","
    marks decimals, so "1.234" is 1234, never 1.234. "82.4" (one or two digits after a dot,
    which cannot be a thousands group) is read as a decimal point. Raises NumberFormatError.
    """
    if raw is None or raw == "":
        return None, False
    if isinstance(raw, bool):
        raise NumberFormatError(
            "giá trị đúng/sai, không phải số", "a TRUE/FALSE value, not a number"
        )
    if isinstance(raw, int):
        return Decimal(raw), False
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise NumberFormatError("giá trị không hợp lệ", "not a finite number")
        return (Decimal(int(raw)) if raw.is_integer() else Decimal(repr(raw))), False
    if isinstance(raw, Decimal):
        return raw, False
    if isinstance(raw, (_dt.date, _dt.time, _dt.timedelta)):
        raise NumberFormatError(
            "ô chứa ngày tháng, không phải số (Excel có thể đã đổi '5/12' thành ngày)",
            "the cell holds a date, not a number (Excel may have turned '5/12' into a date)",
        )
    text = _SPACES.sub("", str(raw))
    if text in NOT_REPORTED:
        return None, False
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if _EITHER_WAY.match(text):
        shown, thousands = str(raw).strip(), text.replace(",", "")
        raise AmbiguousNumber(
            f"'{shown}' không rõ là số nào: theo cách viết Việt Nam là số thập phân (dấu phẩy"
            f" thập phân), theo cách viết tiếng Anh là {thousands}; nếu là {thousands}, hãy gõ"
            f" {thousands} hoặc {text.replace(',', '.')}",
            f"'{shown}' could be either number: a decimal the Vietnamese way (a decimal comma),"
            f" {thousands} the English way; if it is {thousands}, type {thousands} or"
            f" {text.replace(',', '.')}",
        )
    if _VI_GROUPED.match(text) or _VI_PLAIN.match(text):
        number = Decimal(text.replace(".", "").replace(",", "."))
    elif _EN_GROUPED.match(text):
        number = Decimal(text.replace(",", ""))
    elif _EN_DECIMAL.match(text):
        number = Decimal(text)
    else:
        raise NumberFormatError(f"'{raw}' không phải là số", f"'{raw}' is not a number")
    return number, percent


def ratio(numerator: int, denominator: int | None, precision: int) -> Decimal | None:
    """numerator / denominator x 100, rounded half-up to `precision` decimals, exactly.

    None where the denominator is missing or zero.
    """
    if denominator is None or denominator == 0:
        return None
    if precision < 0:
        raise ValueError("precision must be >= 0")
    scaled = abs(numerator) * 100 * 10**precision
    quotient, remainder = divmod(scaled, abs(denominator))
    if 2 * remainder >= abs(denominator):
        quotient += 1
    negative = (numerator < 0) != (denominator < 0)
    return _scaled(-quotient if negative else quotient, precision)


@lru_cache(maxsize=1 << 16)
def _scaled(quotient: int, precision: int) -> Decimal:
    """quotient x 10^-precision, one shared object per value: a national roll-up prints a
    few thousand distinct percentages a hundred thousand times."""
    return Decimal(quotient).scaleb(-precision)


def percent_of(actual: int | None, base: int | None, precision: int) -> Decimal | None:
    """actual / base x 100 ("đạt 106,8% kế hoạch", "đạt 107,3% so với cùng kỳ")."""
    if actual is None:
        return None
    return ratio(actual, base, precision)


def change(actual: int | None, prior: int | None, precision: int) -> Decimal | None:
    """(actual - prior) / prior x 100 ("tăng 17,2%", "giảm 3,1%")."""
    if actual is None or prior is None:
        return None
    return ratio(actual - prior, prior, precision)
