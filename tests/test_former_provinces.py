"""A title naming a province merged into another on 1 July 2025 is the province it is now
part of (Nghị quyết 202/2025/QH15): over a commune of that province's registry, read; over
another's, refused as another province's, the old name said as written. Found by a user
trial (trial 43): "TỈNH ỦY BÌNH DƯƠNG / ĐẢNG ỦY XÃ PHƯỚC THÀNH" was added to Đà Nẵng's Xã
Phước Thành with exit 0, and a sheet titled "TỈNH ỦY QUẢNG NAM" to Quảng Ngãi's communes."""

from __future__ import annotations

from pathlib import Path

import pytest

import ctr_stats

from .helpers import admission_workbook
from .test_cli import run

CELLS = [("Chi bộ thôn 1", (2, 3, 2)), ("Chi bộ thôn 2", (3, 4, 3))]


def _added(folder: Path, registry: str) -> tuple[dict[str, int], list[str]]:
    report = ctr_stats.compute([folder], registry=registry)
    added = {
        u.code: u.figures.actual
        for u in report.units
        if u.figures.indicator == "admission.total" and u.figures.actual is not None
    }
    return added, [f.message_vi for f in report.findings if f.code == "unknown-unit"]


@pytest.mark.parametrize(
    ("province", "registry", "added"),
    [
        ("TỈNH ỦY QUẢNG NAM", "da-nang", True),  # merged into Đà Nẵng: its commune
        ("TỈNH ỦY BÌNH DƯƠNG", "da-nang", False),  # now Hồ Chí Minh City's
        ("TỈNH ỦY BÌNH THUẬN", "da-nang", False),  # now Lâm Đồng's
    ],
)
def test_a_former_province_over_a_commune(
    tmp_path: Path, province: str, registry: str, added: bool
) -> None:
    admission_workbook(tmp_path / "so-lieu.xlsx", [province, "ĐẢNG ỦY XÃ PHƯỚC THÀNH"], CELLS)
    found, unknown = _added(tmp_path, registry)
    if added:
        assert (found, unknown) == ({"20752": 7}, [])
    else:
        assert found == {}
        assert len(unknown) == 1 and "(nay thuộc " in unknown[0]


def test_a_former_provinces_consolidated_sheet_is_another_provinces(tmp_path: Path) -> None:
    rows = [("Phường Tam Kỳ", (1, 2, 3)), ("Xã Hiệp Đức", (4, 5, 6))]
    admission_workbook(tmp_path / "tong-hop.xlsx", ["TỈNH ỦY QUẢNG NAM", "BAN TỔ CHỨC"], rows)
    found, unknown = _added(tmp_path, "quang-ngai")
    assert found == {}
    assert unknown == [
        "tiêu đề ghi Tỉnh Quảng Nam (nay thuộc Thành phố Đà Nẵng), không phải Tỉnh Quảng Ngãi"
        " (danh mục quang-ngai-2025): trang tính của Thành phố Đà Nẵng, không đọc"
    ]
    assert _added(tmp_path, "da-nang")[0] == {"20341": 2, "20779": 5}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Phường Tam Kỳ (Quảng Nam cũ)", 0),  # where it was before: the unit is named first
        ("ĐẢNG ỦY PHƯỜNG TAM KỲ (QUẢNG NAM CŨ)", 0),
        ("Phường Tam Kỳ (cũ)", 1),  # the old ward: another unit
        ("Phường Tam Kỳ (Tam Kỳ cũ)", 1),
    ],
)
def test_a_former_place_after_a_name_is_where_it_was(name: str, code: int) -> None:
    result = run("units", "find", name, "--registry", "da-nang")
    assert result.returncode == code, result.stdout
    if code == 0:
        assert "→ Phường Tam Kỳ (20341)" in result.stdout
