"""Exact percentages with half-up rounding, and strict reading of Vietnamese numbers."""

from __future__ import annotations

import contextlib
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ctr_stats.numbers import (
    AmbiguousNumber,
    NumberFormatError,
    change,
    parse_number,
    percent_of,
    ratio,
)


@pytest.mark.parametrize(
    ("actual", "base", "precision", "expected"),
    [
        (10479, 9810, 1, "106.8"),
        (10479, 9810, 2, "106.82"),
        (852, 453, 1, "188.1"),
        (109, 69, 1, "158.0"),
        (109, 69, 0, "158"),
        (687, 480, 1, "143.1"),
        (46148, 24320, 1, "189.8"),
        (5030, 4688, 1, "107.3"),
        (56, 68, 1, "82.4"),
        (7, 39, 1, "17.9"),
        (1, 8, 0, "13"),  # 12.5 rounds up, not to even
        (1, 40, 1, "2.5"),
        (1, 400, 1, "0.3"),  # 0.25 -> 0.3
        (3, 8, 0, "38"),  # 37.5 -> 38
        (0, 5, 1, "0.0"),
    ],
)
def test_ratio_matches_published_figures(
    actual: int, base: int, precision: int, expected: str
) -> None:
    assert ratio(actual, base, precision) == Decimal(expected)
    assert str(ratio(actual, base, precision)) == expected


def test_zero_or_missing_denominator_is_none_not_zero_or_inf() -> None:
    assert ratio(5, 0, 1) is None
    assert ratio(5, None, 1) is None
    assert percent_of(None, 10, 1) is None
    assert change(10, 0, 1) is None
    assert change(None, 10, 1) is None
    assert change(10, None, 1) is None


def test_change_on_last_year() -> None:
    assert change(6606, 5636, 1) == Decimal("17.2")
    assert change(5030, 4688, 1) == Decimal("7.3")
    assert change(97, 100, 1) == Decimal("-3.0")
    assert change(100, 100, 1) == Decimal("0.0")
    # -3.05 is written "giảm 3,1%": half-up on the magnitude
    assert change(19390, 20000, 1) == Decimal("-3.1")


def _expected(numerator: int, denominator: int, precision: int) -> Decimal:
    exact = Fraction(numerator * 100, denominator)
    scaled = abs(exact) * 10**precision
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole if exact >= 0 else -whole).scaleb(-precision)


@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=4),
)
def test_ratio_is_exact_half_up(numerator: int, denominator: int, precision: int) -> None:
    assert ratio(numerator, denominator, precision) == _expected(numerator, denominator, precision)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=10**7))
def test_ratio_agrees_with_decimal_half_up(numerator: int, denominator: int) -> None:
    exact = Decimal(numerator * 100) / Decimal(denominator)  # 28 digits: far from any tie
    assert ratio(numerator, denominator, 1) == exact.quantize(Decimal("0.1"), ROUND_HALF_UP)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_percent_of_prior_and_change_differ_by_100(actual: int, prior: int) -> None:
    of_prior = percent_of(actual, prior, 1)
    changed = change(actual, prior, 1)
    assert of_prior is not None and changed is not None
    if actual >= prior:  # on the same side of zero, the two roundings agree
        assert of_prior - 100 == changed


@pytest.mark.parametrize(
    ("text", "expected", "percent"),
    [
        ("1.234", "1234", False),
        ("1.234.567", "1234567", False),
        ("12,5", "12.5", False),
        ("188,1%", "188.1", True),
        ("82.4 %", "82.4", True),
        ("106.82%", "106.82", True),
        (" 45 ", "45", False),
        ("10\u00a0479", "10479", False),
        ("1.234,5", "1234.5", False),
        ("1,234.5", "1234.5", False),
        (1234.0, "1234", False),
        (12.5, "12.5", False),
        (7, "7", False),
    ],
)
def test_parse_number_vietnamese_convention(text: object, expected: str, percent: bool) -> None:
    assert parse_number(text) == (Decimal(expected), percent)


@pytest.mark.parametrize("text", ["", "-", "–", "x", "X", None, "  ", "..", "…"])
def test_not_reported_is_none_not_zero(text: object) -> None:
    assert parse_number(text) == (None, False)


@pytest.mark.parametrize("text", ["abc", "12a", "1.2.3", "1,2,3", True, "5/12"])
def test_text_that_is_not_a_number_is_refused(text: object) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=999))
def test_one_comma_and_three_digits_is_either_number_and_never_read(whole: int, part: int) -> None:
    """Trial 28, case 3: '1,000' (an English thousands separator, as LibreOffice's CSV
    export writes a cell as shown) was read as 1 with a decimal comma, exit 0."""
    text = f"{whole},{part:03d}"
    with pytest.raises(AmbiguousNumber) as raised:
        parse_number(text)
    thousands = f"{whole}{part:03d}"
    assert raised.value.en == (
        f"'{text}' could be either number: a decimal the Vietnamese way (a decimal comma),"
        f" {thousands} the English way; if it is {thousands}, type {thousands} or {whole}.{part:03d}"
    )


@given(st.integers(min_value=0, max_value=10**12))
def test_vietnamese_grouping_round_trips(value: int) -> None:
    from babel.numbers import format_decimal

    assert parse_number(format_decimal(value, locale="vi_VN")) == (Decimal(value), False)


@given(st.decimals(min_value=0, max_value=10**6, places=1, allow_nan=False))
def test_vietnamese_decimal_comma_round_trips(value: Decimal) -> None:
    from babel.numbers import format_decimal

    text = format_decimal(value, format="#,##0.0", locale="vi_VN")
    assert parse_number(text)[0] == value


@given(st.text(max_size=20))
def test_parse_number_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(NumberFormatError):
        parse_number(text)
