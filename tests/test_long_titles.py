"""A unit's own workbook titled with its committee's long name ("ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO
TẠO", as a Đảng bộ Khối's units are named) is that unit's, where the registry holds the
name; a long line the registry does not hold changes nothing. Found by a user trial (trial
38): such a workbook was read as a consolidated sheet, its party cells unknown units and
its unit missing."""

from __future__ import annotations

from pathlib import Path

import pytest

import ctr_stats

from .helpers import admission_workbook

UNITS = (
    "code,name,type,aliases\n"
    "GD,Sở Giáo dục và Đào tạo,,Đảng bộ Sở Giáo dục và Đào tạo\n"
    "KB,Kho bạc Nhà nước tỉnh,,\n"
    'VH,"Sở Văn hóa, Thể thao và Du lịch",,\n'
    "YT,Sở Y tế,,\n"
)
CELLS = [("Chi bộ Văn phòng", (4, 5, 4)), ("Chi bộ Phòng Nghiệp vụ", (3, 3, 2))]


def _workbook(path: Path, title: str, rows: list[tuple[str, tuple[int, int, int]]]) -> None:
    admission_workbook(path, ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", title], rows)


def _actual_by_unit(folder: Path, units: Path) -> tuple[dict[str, int | None], list[str]]:
    report = ctr_stats.compute([folder], units_file=units, units_only=True)
    actual = {
        u.code: u.figures.actual for u in report.units if u.figures.indicator == "admission.total"
    }
    return actual, sorted({f.code for f in report.findings})


@pytest.fixture
def units(tmp_path: Path) -> Path:
    path = tmp_path / "units.csv"
    path.write_text(UNITS, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("GD", "ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO"),  # an alias of the unit
        ("KB", "ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TỈNH"),  # its name, with the committee's word
        ("VH", "ĐẢNG BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
    ],
)
def test_a_long_committee_name_the_registry_holds_names_the_sheets_unit(
    tmp_path: Path, units: Path, code: str, title: str
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    _workbook(folder / "01.xlsx", title, CELLS)
    _workbook(folder / "02.xlsx", "ĐẢNG BỘ SỞ Y TẾ", CELLS)
    actual, codes = _actual_by_unit(folder, units)
    assert actual[code] == 8 and actual["YT"] == 8
    assert "unknown-unit" not in codes


def test_a_long_line_the_registry_does_not_hold_leaves_a_consolidated_sheet(
    tmp_path: Path, units: Path
) -> None:
    """The committee that added its units' rows up, named at length: the rows stay units."""
    folder = tmp_path / "reports"
    folder.mkdir()
    rows = [("Sở Y tế", (1, 2, 3)), ("Kho bạc Nhà nước tỉnh", (4, 5, 6))]
    _workbook(folder / "tong-hop.xlsx", "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG VÀ ĐOÀN THỂ TỈNH", rows)
    actual, codes = _actual_by_unit(folder, units)
    assert (actual["YT"], actual["KB"]) == (2, 5)
    assert "unknown-unit" not in codes


def test_units_check_reads_a_units_file_as_a_run_would(tmp_path: Path, units: Path) -> None:
    """A clerk's own units file checked before the meeting's run (trial 38)."""
    from .test_cli import run

    result = run("units", "check", str(units))
    assert (result.returncode, result.stdout) == (
        0,
        f"{units}: 4 đơn vị, 1 tên khác: đọc được, không có lỗi\n",
    )
    english = run("units", "check", str(units), "--lang", "en")
    assert english.stdout == f"{units}: 4 units, 1 aliases: read, no error\n"
    twice = tmp_path / "twice.csv"
    twice.write_text("code,name,type,aliases\nGD,Sở Giáo dục,,\nGD,Sở Y tế,,\n", encoding="utf-8")
    refused = run("units", "check", str(twice))
    assert refused.returncode == 2
    assert "dòng 3: mã GD đã có ở dòng 2" in refused.stderr


def test_a_long_committee_name_the_registry_does_not_hold_is_said_once(
    tmp_path: Path, units: Path
) -> None:
    """Over the committee's own cells, none a unit: one unknown-unit at the title's cell,
    not one per cell with unrelated suggestions (trial 42)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    _workbook(folder / "01.xlsx", "ĐẢNG BỘ SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", CELLS)
    report = ctr_stats.compute([folder], units_file=units, units_only=True)
    unknown = [(f.file, f.cell) for f in report.findings if f.code == "unknown-unit"]
    assert unknown == [(str(folder / "01.xlsx"), "A2")]
