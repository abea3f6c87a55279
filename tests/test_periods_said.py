"""What a folder's titles say of the period, as units word it (found by a user trial, trial
40): a file naming no period is named where the others name the run's, a run where none
names one says so, a stale cut-off date is named, figures since the start of the term or
of two periods are refused, and "nửa đầu năm" is the first half. Each was added as the
run's period with exit 0, or, for "nửa đầu năm", read as no table at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

import ctr_stats
from ctr_stats.model import Period

from .test_hidden_rows import _totals

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def _retitle(folder: Path, stem: str, lines: dict[str, str | None]) -> None:
    """A unit's workbook with the title cells given (None: emptied) on every sheet."""
    path = folder / f"{stem}.xlsx"
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for cell, text in lines.items():
            sheet[cell] = text
    book.save(path)


@pytest.fixture
def h1(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLES / "2022-h1", tmp_path / "h1")
    return tmp_path / "h1"


def _codes(report: ctr_stats.Report, file: str) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.cell) for f in report.findings if f.file and f.file.endswith(file))


def test_a_file_naming_no_period_is_named_where_the_others_name_the_runs(h1: Path) -> None:
    _retitle(h1, "ba-dinh", {"A5": "BIỂU TỔNG HỢP", "A6": None})
    report = ctr_stats.compute([h1], registry="hanoi-2024")
    assert report.period is not None and report.period.code == "2022-h1"
    assert _codes(report, "ba-dinh.xlsx") == [("period-assumed", None)]
    found = next(f for f in report.findings if f.code == "period-assumed")
    assert found.severity.value == "warning"
    assert found.message_vi == (
        "không trang tính nào của tệp ghi kỳ báo cáo: số liệu được coi là của kỳ '6 tháng"
        " đầu năm 2022' như các tệp khác; nếu không phải, ghi kỳ vào tiêu đề hoặc bỏ tệp ra"
    )


def test_a_run_whose_files_name_no_period_says_so(h1: Path) -> None:
    for path in sorted(h1.glob("*.xlsx")):
        _retitle(h1, path.stem, {"A5": "BIỂU TỔNG HỢP", "A6": None})
    report = ctr_stats.compute([h1], registry="hanoi-2024")
    assert report.period is None
    assert [(f.code, f.severity.value, f.file) for f in report.findings] == [
        ("period-unknown", "warning", None)
    ]
    given = ctr_stats.compute([h1], registry="hanoi-2024", period=Period(2022, 6))
    assert given.findings == ()  # the user said which


def test_a_cut_off_date_of_an_earlier_year_is_named_and_the_title_stands(tmp_path: Path) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    _retitle(folder, "ba-dinh", {"A6": "(Tính đến ngày 30/11/2022)"})
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    assert _totals(report) == _totals(ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2024"))
    assert _codes(report, "ba-dinh.xlsx") == [("stale-cut-off", "A6")] * 3


@pytest.mark.parametrize(
    ("period_words", "cut_off"),
    [
        ("TỪ ĐẦU NHIỆM KỲ ĐẾN NAY", "(Tính đến ngày 15/6/2022)"),
        ("NHIỆM KỲ 2020-2025", "(Số liệu tính từ đầu nhiệm kỳ đến ngày 15/6/2022)"),
        ("NĂM 2021 VÀ 6 THÁNG ĐẦU NĂM 2022", None),
    ],
)
def test_figures_of_the_term_or_of_two_periods_are_not_added(
    h1: Path, period_words: str, cut_off: str | None
) -> None:
    _retitle(h1, "ba-dinh", {"A5": f"BIỂU TỔNG HỢP {period_words}", "A6": cut_off})
    report = ctr_stats.compute([h1], registry="hanoi-2024")
    codes = _codes(report, "ba-dinh.xlsx")
    assert {code for code, _ in codes} == {"period-unsupported"} and len(codes) == 3
    assert "Ba Đình" not in {u.name for u in report.units}


def test_the_first_half_in_words_is_the_first_half(h1: Path) -> None:
    _retitle(h1, "ba-dinh", {"A5": "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NỬA ĐẦU NĂM 2022"})
    report = ctr_stats.compute([h1], registry="hanoi-2024")
    assert report.findings == ()
    assert _totals(report) == _totals(ctr_stats.compute([SAMPLES / "2022-h1"]))


def _rename_sheets(folder: Path, stem: str, name: str) -> None:
    path = folder / f"{stem}.xlsx"
    book = openpyxl.load_workbook(path)
    for n, sheet in enumerate(book.worksheets):
        sheet.title = f"{name} {n}"
    book.save(path)


@pytest.mark.parametrize(
    ("sheet_name", "file_name", "codes"),
    [
        # the months a sheet's or a file's name gives, where no title names a period (trial
        # 42): an honest file is read as of them, without a warning ...
        ("KN 6T2022", "ba-dinh", []),
        ("Biểu", "ba-dinh-6t-2022", []),
        # ... and a 9-month file in a 6-month folder is a period-mismatch, not added
        ("KN 9T2022", "ba-dinh", [("period-mismatch", None)] * 3),
        ("Biểu", "Ba Dinh 9T.2022", [("period-mismatch", None)] * 3),
    ],
)
def test_the_months_a_name_gives_stand_where_no_title_names_one(
    h1: Path, sheet_name: str, file_name: str, codes: list[tuple[str, None]]
) -> None:
    _retitle(h1, "ba-dinh", {"A5": "BIỂU TỔNG HỢP", "A6": None})
    _rename_sheets(h1, "ba-dinh", sheet_name)
    (h1 / "ba-dinh.xlsx").rename(h1 / f"{file_name}.xlsx")
    report = ctr_stats.compute([h1], registry="hanoi-2024")
    assert _codes(report, f"{file_name}.xlsx") == codes
    if codes:
        found = next(f for f in report.findings if f.code == "period-mismatch")
        name = f"{sheet_name} 0" if "9T" in sheet_name else file_name
        assert found.message_vi.startswith(
            f"trang tính ghi kỳ '9 tháng năm 2022' (tên '{name}'), khác kỳ của lần chạy"
        )


def test_a_file_of_another_period_puts_no_figure_in_doubt(h1: Path) -> None:
    """Last year's file of a unit, left out: the unit is missing, said as such, and the
    figures read are not in doubt (trial 45: every figure was marked (*), "mọi số liệu")."""
    _retitle(h1, "ba-dinh", {"A5": "BIỂU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2021"})
    report = ctr_stats.compute([h1], registry="hanoi-2024")
    assert {f.code for f in report.findings} == {"period-mismatch", "missing-unit"}
    assert report.caveats.missing_units == ("Ba Đình",)
    assert report.caveats.doubted == ()
