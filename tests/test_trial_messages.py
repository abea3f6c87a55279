"""Messages a user trial found unhelpful. A unit found in two files: one finding per unit
and pair of files, naming both and what differs; identical copies counted once, different
ones an error with the newer file counted, whatever order the paths sort in. A total row
that differs because a hidden row was left out says so."""

from __future__ import annotations

import calendar
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from ctr_stats.checks import check

from .helpers import edit

ADMITTED = "admission.total"
T0 = calendar.timegm((2023, 12, 14, 2, 0, 0))  # 9:00 in Hanoi (UTC+7)
T1 = T0 + 86400 + 3600  # the next day, an hour later


@pytest.fixture(autouse=True)
def hanoi_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()


def _actual(result: object, unit: str = "Tây Hồ") -> object:
    return next(
        u.figures.actual
        for u in result.report.units  # type: ignore[attr-defined]
        if u.name == unit and u.figures.indicator == ADMITTED
    )


def test_an_identical_copy_is_one_warning(samples_copy: Path) -> None:
    shutil.copy(samples_copy / "tay-ho.xlsx", samples_copy / "tay-ho - Copy.xlsx")
    result = check([samples_copy])
    [finding] = result.findings
    assert (finding.code, str(finding.severity), finding.file, finding.sheet, finding.cell) == (
        "duplicate-unit",
        "warning",
        str(samples_copy / "tay-ho.xlsx"),
        None,
        None,
    )
    where = f"{samples_copy}/tay-ho - Copy.xlsx và {samples_copy}/tay-ho.xlsx"
    assert finding.message_vi == (
        f"Quận Tây Hồ có trong hai tệp: {where} (trang tính Kết nạp, Tổ chức đảng,"
        " Kiểm tra), số liệu giống hệt nhau (24 chỉ tiêu): chỉ cộng một lần"
    )
    assert finding.message_en == (
        f"Quận Tây Hồ is in two files: {where.replace(' và ', ' and ')} (sheets Kết nạp,"
        " Tổ chức đảng, Kiểm tra), with identical figures (24 indicators): counted once"
    )
    assert _actual(result) == _actual(check([samples_copy / "tay-ho.xlsx"]))


def _corrected(folder: Path, name: str, mtime: float, original: float) -> Path:
    """A copy of Tây Hồ's file with its first row's admissions raised by 5."""
    corrected = folder / name
    shutil.copy(folder / "tay-ho.xlsx", corrected)

    def raise_by_5(sheet: Any) -> None:
        for row in (10, 18):  # a unit's row and the total row
            sheet.cell(row, 4, sheet.cell(row, 4).value + 5)

    edit(corrected, "Kết nạp", raise_by_5)
    os.utime(corrected, (mtime, mtime))
    os.utime(folder / "tay-ho.xlsx", (original, original))
    return corrected


@pytest.mark.parametrize("name", ["tay-ho (gui lai).xlsx", "a-tay-ho.xlsx"])
def test_a_newer_corrected_file_is_counted_whatever_its_name(samples_copy: Path, name: str) -> None:
    before = _actual(check([samples_copy]))
    corrected = _corrected(samples_copy, name, T1, T0)
    result = check([samples_copy])
    [finding] = result.findings
    assert (finding.code, str(finding.severity), finding.file, finding.indicator) == (
        "duplicate-unit",
        "error",
        str(samples_copy / "tay-ho.xlsx"),  # the copy not counted
        ADMITTED,
    )
    assert _actual(result) == before + 5  # type: ignore[operator]
    original = samples_copy / "tay-ho.xlsx"
    first, second = sorted([str(corrected), str(original)])
    new, old = ("170 (D10:D17)", "165 (D10:D17)")
    a, b = (new, old) if first == str(corrected) else (old, new)
    assert finding.message_vi == (
        f"Quận Tây Hồ có trong hai tệp với số liệu khác nhau: {first} và {second} (trang tính"
        f" Kết nạp, Tổ chức đảng, Kiểm tra); khác ở 1 chỉ tiêu: 'Đảng viên mới kết nạp':"
        f" thực hiện {a} và {b} (23 chỉ tiêu khác giống nhau). Đang cộng số liệu của"
        f" {corrected} (sửa lúc 15/12/2023 10:00:00, sau {original} sửa lúc 14/12/2023"
        " 09:00:00); xóa hoặc chuyển đi bản không dùng rồi chạy lại"
    )
    assert finding.message_en == (
        f"Quận Tây Hồ is in two files with different figures: {first} and {second} (sheets"
        f" Kết nạp, Tổ chức đảng, Kiểm tra); 1 indicator differs: 'New members admitted':"
        f" actual {a} and {b} (23 other indicators are the same). Counting the figures of"
        f" {corrected} (modified 2023-12-15 10:00:00, after {original} at 2023-12-14"
        " 09:00:00); delete or move away the copy not to be used and run again"
    )


def test_an_older_file_is_not_counted_though_it_sorts_last(samples_copy: Path) -> None:
    before = _actual(check([samples_copy]))
    _corrected(samples_copy, "tay-ho-cu.xlsx", T0, T1)  # sorts after tay-ho.xlsx, older
    result = check([samples_copy])
    assert [(f.code, str(f.severity), f.file) for f in result.findings] == [
        ("duplicate-unit", "error", str(samples_copy / "tay-ho-cu.xlsx"))
    ]
    assert _actual(result) == before
    assert result.exit_code() == 1


def test_files_modified_at_once_count_the_first_by_name(samples_copy: Path) -> None:
    _corrected(samples_copy, "tay-ho-2.xlsx", T0, T0)
    [finding] = check([samples_copy]).findings
    assert finding.message_en.endswith(
        f"Counting the figures of {samples_copy}/tay-ho-2.xlsx (neither file is known to be"
        " newer: the first by name); delete or move away the copy not to be used and run again"
    )


def test_a_total_mismatch_names_the_hidden_row_that_explains_it(samples_copy: Path) -> None:
    def hide(sheet: Any) -> None:
        sheet.row_dimensions[12].hidden = True

    edit(samples_copy / "tay-ho.xlsx", "Kết nạp", hide)
    result = check([samples_copy])
    by_cell = {f.cell: f for f in result.findings}
    assert sorted(by_cell) == sorted(
        ["12:12", "C18", "D18", "E18", "F18", "G18", "H18", "M18", "N18"]
    )
    assert by_cell["12:12"].code == "hidden-row"
    mismatch = by_cell["D18"]
    assert (mismatch.code, mismatch.indicator) == ("total-mismatch", "admission.total")
    assert mismatch.message_vi == (
        "dòng tổng ghi 165, cộng các dòng (D10:D17) được 139, chênh 26; D12 (dòng 12 bị ẩn)"
        " ghi 26, không được cộng: đúng bằng phần chênh"
    )
    assert mismatch.message_en == (
        "the total row says 165, the rows (D10:D17) add up to 139, 26 apart; D12 (row 12 is"
        " hidden) holds 26, not added: exactly the difference"
    )


def test_a_unit_in_three_files_is_counted_from_one(samples_copy: Path) -> None:
    """A report and two corrections saved in one second (trial 47 case 2): the first
    correction agrees with the report on the business-owners' figures, the second does not.
    Every figure is the first correction's, the newest first by name, never the report's
    total with the second correction's part."""
    _corrected(samples_copy, "tay-ho1.xlsx", T1, T0)
    shutil.copy(samples_copy / "tay-ho1.xlsx", samples_copy / "tay-ho2.xlsx")

    def raise_part_by_1(sheet: Any) -> None:
        for row in (10, 18):
            sheet.cell(row, 7, sheet.cell(row, 7).value + 1)

    edit(samples_copy / "tay-ho2.xlsx", "Kết nạp", raise_part_by_1)
    os.utime(samples_copy / "tay-ho2.xlsx", (T1, T1))
    result = check([samples_copy])
    files = {
        cell.source.file
        for u in result.report.units
        if u.name == "Tây Hồ"
        for cells in u.cells.values()
        for cell in cells
    }
    assert files == {str(samples_copy / "tay-ho1.xlsx")}
