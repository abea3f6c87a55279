"""Names as people write them resolve to registry units, or say why not."""

from __future__ import annotations

import unicodedata

import pytest

from ctr_stats.catalogue import load_registry
from ctr_stats.text import fold, strip_numbering
from ctr_stats.units import UnitMatcher


def test_fold_unifies_spellings() -> None:
    nfd = unicodedata.normalize("NFD", "Ba Đình")
    assert fold(nfd) == fold("Ba Đình") == fold("BA ĐÌNH") == fold("Ba Dinh") == "ba dinh"
    assert fold("\u00d0ống \u00d0a") == fold("Đống Đa")  # "Ð" typed for "Đ"
    assert fold("Ứng Hoà") == fold("Ứng Hòa")  # tone placement


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("1. Đảng viên mới kết nạp", "Đảng viên mới kết nạp"),
        ("a) Sinh viên", "Sinh viên"),
        ("- Trong đó: doanh nghiệp ngoài khu vực nhà nước", "doanh nghiệp ngoài khu vực nhà nước"),
        ("Trong đó: Chủ doanh nghiệp", "Chủ doanh nghiệp"),
    ],
)
def test_strip_numbering(label: str, expected: str) -> None:
    assert strip_numbering(label) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Quận Ba Đình",
        "Q. Ba Đình",
        "Q.Ba Đình",
        "BA ĐÌNH",
        "Ba Dinh",
        "Đảng bộ quận Ba Đình",
        "Quận ủy Ba Đình",
        "ĐẢNG BỘ QUẬN BA ĐÌNH",
        unicodedata.normalize("NFD", "Ba Đình"),
    ],
)
def test_district_spellings_match(text: str) -> None:
    match = UnitMatcher(load_registry("hanoi-2024")).match(text)
    assert match.unit is not None and match.unit.code == "001"


@pytest.mark.parametrize("text", ["H. Sóc Sơn", "TX Sơn Tây", "Thị xã Sơn Tây", "Huyện ủy Ứng Hoà"])
def test_prefixed_names(text: str) -> None:
    assert UnitMatcher(load_registry("hanoi-2024")).match(text).unit is not None


def test_same_name_resolves_in_the_registry_in_force() -> None:
    old = UnitMatcher(load_registry("hanoi-2024")).match("Sóc Sơn").unit
    new = UnitMatcher(load_registry("hanoi-2025")).match("Sóc Sơn").unit
    assert old is not None and (old.code, old.type) == ("016", "huyện")
    assert new is not None and (new.code, new.type) == ("00376", "xã")


def test_unknown_name_gets_suggestions_not_a_guess() -> None:
    match = UnitMatcher(load_registry("hanoi-2024")).match("Quận Ba Dình Mới")
    assert match.unit is None
    assert "Quận Ba Đình" in match.suggestions


def test_typo_is_suggested() -> None:
    match = UnitMatcher(load_registry("hanoi-2024")).match("Hoàng Mia")
    assert match.unit is None
    assert match.suggestions[0] == "Quận Hoàng Mai"


def test_diacritic_free_name_is_an_exact_match() -> None:
    match = UnitMatcher(load_registry("hanoi-2024")).match("Hoang Mai")
    assert match.unit is not None and match.unit.code == "008"
