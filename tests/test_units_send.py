"""Workbooks as units send them by mistake: one unit's workbook sent by another with only
its title changed, a unit named in the file name only, among other words."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

import ctr_stats

from .conftest import SAMPLES
from .helpers import write_xlsx
from .test_cli import run


def _retitled(source: Path, target: Path, title: str) -> None:
    """`source` saved as `target` with every sheet's unit line (A2) replaced by `title`."""
    workbook = openpyxl.load_workbook(source)
    for sheet in workbook.worksheets:
        sheet["A2"] = title
    workbook.save(target)


def test_a_unit_sending_another_units_figures_under_its_own_title_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("2023")
    shutil.copytree(SAMPLES / "2023", folder)
    _retitled(folder / "ba-dinh.xlsx", folder / "tay-ho.xlsx", "ĐẢNG BỘ QUẬN TÂY HỒ")
    result = ctr_stats.check([folder], registry="hanoi-2024")
    copied = [f for f in result.findings if f.code == "copied-figures"]
    assert [(f.severity, f.file, f.sheet, f.cell, f.unit) for f in copied] == [
        (ctr_stats.Severity.WARNING, "2023/tay-ho.xlsx", "Kết nạp", "D10:D18", "Tây Hồ")
    ]
    assert copied[0].message_vi == (
        "Tây Hồ và Ba Đình có số liệu giống hệt nhau ở cả 24 chỉ tiêu (2023/tay-ho.xlsx và"
        " 2023/ba-dinh.xlsx): có thể một đơn vị gửi nhầm bản của đơn vị kia; kiểm tra lại"
        " với hai đơn vị"
    )
    assert copied[0].message_en.startswith("Tây Hồ and Ba Đình have the same figures in all 24")
    assert result.exit_code() == 0  # a warning: the figures are counted as read
    assert result.exit_code(strict=True) == 1


def test_units_with_their_own_figures_are_no_copies() -> None:
    result = ctr_stats.check([SAMPLES / "2023"], registry="hanoi-2024")
    assert [f for f in result.findings if f.code == "copied-figures"] == []


def _titleless_tay_ho(tmp_path: Path, file_name: str) -> Path:
    """The samples with Tây Hồ's workbook saved as `file_name`, its title lines emptied: the
    unit only in the file name."""
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    workbook = openpyxl.load_workbook(folder / "tay-ho.xlsx")
    for sheet in workbook.worksheets:
        sheet["A1"] = sheet["A2"] = None
    workbook.save(folder / file_name)
    (folder / "tay-ho.xlsx").unlink()
    return folder


def test_a_unit_named_in_its_file_name_among_other_words(tmp_path: Path) -> None:
    """No title line: the unit is the one a part of the file name names."""
    folder = _titleless_tay_ho(tmp_path, "Báo cáo năm 2023 - Quận Tây Hồ (bản sửa).xlsx")
    before = ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2024")
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    assert [f.code for f in report.findings] == []
    assert report.totals == before.totals


@pytest.mark.parametrize(
    "name",
    [
        "DU quan Tay Ho",
        "BC 6T DB_quan_Tay_Ho_2023",
        "Dang bo quan Tay Ho ban sua",
        "ĐU quận Tây Hồ",
    ],
)
def test_a_unit_named_in_its_file_name_after_an_abbreviation(tmp_path: Path, name: str) -> None:
    """ "DU xã Gia Lâm" (Đảng ủy), "DB" (Đảng bộ), words after the name: the unit from its
    type word on."""
    folder = _titleless_tay_ho(tmp_path, f"{name}.xlsx")
    before = ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2024")
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    assert [f.code for f in report.findings] == []
    assert report.totals == before.totals


def test_a_file_name_naming_units_after_two_type_words_names_none() -> None:
    from ctr_stats.catalogue import load_registry
    from ctr_stats.collect import unit_of_file_name
    from ctr_stats.units import UnitMatcher

    matcher = UnitMatcher(load_registry("hanoi-2024"))
    assert unit_of_file_name("BC quan Tay Ho va quan Ba Dinh", matcher) is None
    assert unit_of_file_name("BC quan Tay Ho", matcher).name == "Tây Hồ"  # type: ignore[union-attr]


def test_a_file_name_naming_two_units_names_none(tmp_path: Path) -> None:
    folder = _titleless_tay_ho(tmp_path, "Tây Hồ - Ba Đình.xlsx")
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    codes = {f.code for f in report.findings}
    assert "unknown-unit" in codes  # its rows read as units: never a guess of one
    assert "duplicate-unit" not in codes  # not Ba Đình's


def test_a_unit_that_sent_another_units_workbook_under_its_own_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLES / "2023", "2023")
    shutil.copyfile("2023/ba-dinh.xlsx", "2023/tay-ho.xlsx")
    report = ctr_stats.compute(["2023"], registry="hanoi-2024")
    missing = [f for f in report.findings if f.code == "missing-unit"]
    assert [(f.unit, f.message_vi, f.message_en) for f in missing] == [
        (
            "Tây Hồ",
            "Quận Tây Hồ (003) không có báo cáo; tệp 2023/tay-ho.xlsx mang tên đơn vị này"
            " nhưng là số liệu của Ba Đình",
            "Quận Tây Hồ (003) sent no report; the file 2023/tay-ho.xlsx bears this unit's"
            " name but holds the figures of Ba Đình",
        )
    ]


def test_explain_unused_names_why_rows_were_read_then_not_added(tmp_path: Path) -> None:
    """A title-less workbook whose file name names no unit: its rows are read as units the
    registry does not have; `explain --unused` says so, with the cells, not only a count."""
    shutil.copytree(SAMPLES / "2023", tmp_path / "2023")
    workbook = openpyxl.load_workbook(tmp_path / "2023" / "tay-ho.xlsx")
    for sheet in workbook.worksheets:
        sheet["A1"] = sheet["A2"] = None
    workbook.save(tmp_path / "2023" / "bao-cao.xlsx")
    (tmp_path / "2023" / "tay-ho.xlsx").unlink()
    result = run("explain", "--unused", "2023", "--lang", "en", cwd=tmp_path, columns=400)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    said = lines.index(next(line for line in lines if "read from rows then not added" in line))
    assert lines[said].endswith("read from rows then not added, for these reasons:")
    assert lines[said + 1].startswith(
        "error unknown-unit: 2023/bao-cao.xlsx!Kết nạp!B10: 'Đảng bộ phường "
    )


def test_a_title_naming_the_city_only_says_the_file_names_a_unit(tmp_path: Path) -> None:
    """The unit's line of the title left empty, the city's kept: the sheet is read as the
    city's consolidated one, and its rows' unknown-unit says why and what to write."""
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    workbook = openpyxl.load_workbook(folder / "tay-ho.xlsx")
    for sheet in workbook.worksheets:
        sheet["A2"] = None
    workbook.save(folder / "tay-ho.xlsx")
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    unknown = [f for f in report.findings if f.code == "unknown-unit"]
    assert unknown
    assert all(f.file is not None and f.file.endswith("tay-ho.xlsx") for f in unknown)
    assert all(
        f.message_vi.endswith(
            "; trang tính được đọc như bảng tổng hợp của thành phố (tiêu đề chỉ ghi tên thành"
            " phố), nên mỗi dòng phải là một đơn vị trong danh mục; nếu đây là báo cáo của"
            " Quận Tây Hồ như tên tệp, hãy ghi tên đơn vị vào tiêu đề ('ĐẢNG BỘ QUẬN TÂY HỒ')"
        )
        and f.message_en.endswith(
            "if it is Quận Tây Hồ's report, as the file name says, write the unit in the"
            " title ('ĐẢNG BỘ QUẬN TÂY HỒ')"
        )
        for f in unknown
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "Năm 2023 (chưa gồm số liệu của Ứng Hòa), cấp ủy các cấp kiểm tra 1.160/1.123 tổ"),
        ("en", "In 2023 (not counting Ứng Hòa, which sent no report), party committees checked"),
    ],
)
def test_a_paragraph_naming_no_subject_still_says_which_unit_it_leaves_out(
    tmp_path: Path, lang: str, said: str
) -> None:
    """'cấp ủy các cấp kiểm tra …' names no 'toàn thành phố' to qualify: its opening says
    what the totals leave out, as the Word report's paragraphs are read without the note."""
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    (folder / "ung-hoa.xlsx").unlink()
    result = run("compute", str(folder), "--allow-missing", "--format", "text", "--lang", lang)
    assert result.returncode == 0, result.stderr
    inspection = [p for p in result.stdout.split("\n\n") if "4" in p][-1]
    assert inspection.startswith(said), inspection


def test_a_part_of_a_file_name_does_not_make_a_units_consolidated_sheet_one_unit(
    tmp_path: Path,
) -> None:
    """A title-less sheet whose rows are the registry's units is a consolidated sheet: a
    unit its file name names ("ba-dinh.xlsx", "Tổng hợp - Ba Đình") does not swallow them."""
    names = ["Ba Đình", "Tây Hồ", "Đống Đa", "Cầu Giấy"]
    rows: list[list[object]] = [
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Đơn vị", "Đảng viên mới kết nạp"],
        [None, None, "Thực hiện"],
        *([n + 1, name, 10 * (n + 1)] for n, name in enumerate(names)),
    ]
    for name in ("Tổng hợp năm 2023 - Ba Đình.xlsx", "ba-dinh.xlsx"):
        folder = tmp_path / name
        folder.mkdir()
        write_xlsx(folder / name, {"Kết nạp": rows})
        report = ctr_stats.compute([folder], registry="hanoi-2024")
        actual = {u.name: u.figures.actual for u in report.units}
        assert actual == {"Ba Đình": 10, "Tây Hồ": 20, "Đống Đa": 30, "Cầu Giấy": 40}, name


def _year(source: Path, target: Path, year: str, title: str | None = None) -> None:
    """A sample workbook of 2023 saved as `year`'s, its unit line `title` if given."""
    workbook = openpyxl.load_workbook(source)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "2023" in cell.value:
                    cell.value = cell.value.replace("2023", year)
        if title is not None:
            sheet["A2"] = title
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)


def test_prior_under_another_registry_is_a_usage_error(tmp_path: Path) -> None:
    """2025's communes against 2024's districts: no unit has a last period to compare."""
    _year(
        SAMPLES / "2023" / "ba-dinh.xlsx",
        tmp_path / "2025" / "ba-dinh.xlsx",
        "2025",
        "ĐẢNG BỘ PHƯỜNG BA ĐÌNH",
    )
    _year(SAMPLES / "2023" / "ba-dinh.xlsx", tmp_path / "2024" / "ba-dinh.xlsx", "2024")
    with pytest.raises(ctr_stats.UsageError) as raised:
        ctr_stats.compute([tmp_path / "2025"], prior=[tmp_path / "2024"])
    assert raised.value.message_en == (
        "--prior: year 2024 is under unit registry hanoi-2024, year 2025 under ha-noi-2025:"
        " the units changed, so no unit can be set against its last period; leave out"
        " --prior to use the workbooks' Cùng kỳ columns"
    )
    result = run(
        "compute", str(tmp_path / "2025"), "--prior", str(tmp_path / "2024"), "--lang", "en"
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Error: --prior: year 2024 is under unit registry")


@pytest.mark.parametrize(
    "line", ["ĐẢNG BỘ ..........................", "ĐẢNG BỘ …", "ĐẢNG BỘ ______"]
)
def test_a_title_line_left_to_fill_in_is_no_column_heading(tmp_path: Path, line: str) -> None:
    """The form's unit line not filled in ("ĐẢNG BỘ ....."): not taken for a "Đảng bộ"
    column heading over the title block (the whole workbook was passed over as no report);
    the unit is the file name's."""
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    workbook = openpyxl.load_workbook(folder / "tay-ho.xlsx")
    for sheet in workbook.worksheets:
        sheet["A2"] = line
    workbook.save(folder / "tay-ho.xlsx")
    before = ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2024")
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    assert [(f.code, f.file) for f in report.findings] == []
    assert report.totals == before.totals


def test_missing_unit_names_its_file_from_which_nothing_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLES / "2023", "2023")
    workbook = openpyxl.load_workbook("2023/tay-ho.xlsx")
    for sheet in workbook.worksheets:  # headings no one can read
        sheet["A8"], sheet["B8"] = "TT", "Tên"
        for cell in sheet[9]:
            if cell.value:
                cell.value = "Cột"
    workbook.save("2023/tay-ho.xlsx")
    report = ctr_stats.compute(["2023"], registry="hanoi-2024")
    assert [f.code for f in report.findings] == ["unread-sheet"] * 3 + ["missing-unit"]
    missing = report.findings[-1]
    assert missing.message_vi == (
        "Quận Tây Hồ (003) không có báo cáo; tệp 2023/tay-ho.xlsx mang tên đơn vị này nhưng"
        " không có số liệu nào được đọc (xem các phát hiện về tệp này)"
    )
    assert missing.message_en == (
        "Quận Tây Hồ (003) sent no report; the file 2023/tay-ho.xlsx bears this unit's name"
        " but no figure was read from it (see the findings about it)"
    )


def test_last_periods_files_give_no_hint_to_this_periods_missing_unit(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    (folder / "tay-ho.xlsx").unlink()
    _year(SAMPLES / "2023" / "tay-ho.xlsx", tmp_path / "2022" / "tay-ho.xlsx", "2022")
    for name in ("ba-dinh.xlsx", "hoan-kiem.xlsx"):
        _year(SAMPLES / "2023" / name, tmp_path / "2022" / name, "2022")
    report = ctr_stats.compute([folder], registry="hanoi-2024", prior=[tmp_path / "2022"])
    missing = [f for f in report.findings if f.code == "missing-unit"]
    assert [f.message_en for f in missing] == ["Quận Tây Hồ (003) sent no report"]


def test_verify_reads_the_period_of_an_opening_that_says_what_it_leaves_out(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    (folder / "ung-hoa.xlsx").unlink()
    text = run("compute", str(folder), "--allow-missing", "--format", "text").stdout
    opening = "Năm 2023 (chưa gồm số liệu của Ứng Hòa), cấp ủy các cấp kiểm tra"
    assert opening in text
    draft = tmp_path / "bao-cao.txt"
    draft.write_text(text.replace(opening, opening.replace("2023", "2022")), encoding="utf-8")
    result = run("verify", str(draft), "--data", str(folder))
    assert result.returncode == 1, result.stdout


def test_prior_of_another_province_without_its_registry_says_which_to_choose(
    tmp_path: Path,
) -> None:
    """Trial 25, case 7: Thanh Hóa's files with --prior and no --registry: the usage error
    named Hanoi's registries and told the user to leave out --prior; the titles name the
    province, whose registry is the fix."""
    for year in (2024, 2025):
        folder = tmp_path / str(year)
        folder.mkdir()
        write_xlsx(
            folder / "tong-hop.xlsx",
            {
                "Kỷ luật": [
                    ["ĐẢNG BỘ TỈNH THANH HÓA"],
                    ["ỦY BAN KIỂM TRA TỈNH ỦY"],
                    [f"BIỂU TỔNG HỢP KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG 9 THÁNG NĂM {year}"],
                    [
                        "STT",
                        "Đơn vị",
                        "Thi hành kỷ luật tổ chức đảng",
                        "Thi hành kỷ luật đảng viên",
                    ],
                    [1, "Phường Hàm Rồng", 1, 4],
                    [2, "Xã Tam Chung", 0, 2],
                ]
            },
        )
    result = run("compute", str(tmp_path / "2025"), "--prior", str(tmp_path / "2024"))
    assert result.returncode == 2
    assert "các tiêu đề ghi Tỉnh Thanh Hóa" in result.stderr
    assert "--registry thanh-hoa" in result.stderr


def test_copied_figures_between_two_sheets_of_one_workbook_name_the_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a workbook with a sheet per unit, one sheet copied from another (trial 47 case 6: the
    # message named the workbook twice and neither sheet)
    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.load_workbook(SAMPLES / "2023" / "ba-dinh.xlsx")
    for name in ("Tổ chức đảng", "Kiểm tra"):
        del workbook[name]
    first = workbook["Kết nạp"]
    first.title = "Ba Dinh"
    second = workbook.copy_worksheet(first)
    second.title = "Tay Ho"
    second["A2"] = "ĐẢNG BỘ QUẬN TÂY HỒ"
    workbook.save("tong-hop.xlsx")
    result = ctr_stats.check([Path("tong-hop.xlsx")], registry="hanoi-2024")
    [copied] = [f for f in result.findings if f.code == "copied-figures"]
    assert copied.message_vi == (
        "Tây Hồ và Ba Đình có số liệu giống hệt nhau ở cả 5 chỉ tiêu (tong-hop.xlsx!Tay Ho và"
        " tong-hop.xlsx!Ba Dinh): có thể một đơn vị gửi nhầm bản của đơn vị kia; kiểm tra lại"
        " với hai đơn vị"
    )
