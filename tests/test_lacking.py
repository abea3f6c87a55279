"""A city figure over the units that have it (issue: a tester's cases 6, 10, 11): a unit
whose workbook lacks a sheet's Kế hoạch or Cùng kỳ column, an indicator only a few units
report, a unit whose last-period workbook (--prior) lacks a sheet. The percentages are
computed over the units that have both figures, an error finding names what is lacking
(the run fails unless --allow-missing), and every output says what the figure covers.
Built from copies of the bundled samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from .helpers import their_last_year
from .test_cli import SAMPLES, run


def drop_column(path: Path, sheet_name: str, column: int) -> None:
    """A unit's workbook without one column (1-based) of a sheet, as if never there: the
    header merged over it narrowed, the columns after it moved left."""
    book = load_workbook(path)
    sheet = book[sheet_name]
    merged = [range_boundaries(str(area)) for area in sheet.merged_cells.ranges]
    for area in list(sheet.merged_cells.ranges):
        sheet.unmerge_cells(str(area))
    for first, top, last, _ in merged:  # a header merged from the dropped column keeps its text
        if first == column and last > first:
            sheet.cell(top, first + 1).value = sheet.cell(top, first).value
    sheet.delete_cols(column)
    for first, top, last, bottom in merged:
        first -= first > column
        last -= last >= column
        if last > first or bottom > top:
            sheet.merge_cells(start_row=top, start_column=first, end_row=bottom, end_column=last)
    book.save(path)


def compute_json(*args: str) -> tuple[int, dict]:
    result = run("compute", *args, "--format", "json")
    return result.returncode, json.loads(result.stdout)


def total(data: dict, indicator: str) -> dict:
    return next(t for t in data["totals"] if t["indicator"] == indicator)


def errors(data: dict) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [
        (f["code"], f["unit"], Path(f["file"]).name if f["file"] else None, f["sheet"], f["cell"])
        for f in data["findings"]
        if f["severity"] == "error"
    ]


# ---------------------------------------------------------------- a unit without a plan


@pytest.fixture
def ba_dinh_without_plan(samples_copy: Path) -> Path:
    """Ba Đình's Kết nạp sheet without the Kế hoạch column of Đảng viên mới kết nạp (C)."""
    drop_column(samples_copy / "ba-dinh.xlsx", "Kết nạp", 3)
    return samples_copy


def test_a_unit_without_the_plan_is_an_error_and_the_percent_is_over_comparable_units(
    ba_dinh_without_plan: Path,
) -> None:
    code, data = compute_json(str(ba_dinh_without_plan), "--lang", "en")
    assert code == 1
    assert errors(data) == [("missing-plan", "Ba Đình", "ba-dinh.xlsx", "Kết nạp", "C10:C18")]
    (finding,) = data["findings"]
    assert (finding["indicator"], finding["message"]) == (
        "admission.total",
        "Ba Đình has an actual but no plan for 'New members admitted' (29 of 30 units have"
        " one): the total's % of plan is computed over the 29 units that have both it and the"
        " actual",
    )
    admitted = total(data, "admission.total")
    # the actual of all 30 units; the plan of the 29 that have one; the % over those 29
    # (10,479 - 291 against 9,810 - 283: 106.9%, not 10,479 / 9,527 = 110.0%)
    assert (admitted["actual"], admitted["plan"], admitted["percent_of_plan"]) == (
        10479,
        9527,
        106.9,
    )
    assert admitted["percent_of_prior"] == 104.6  # every unit has a Cùng kỳ: unchanged
    assert data["caveats"]["lacking"] == [
        {
            "indicator": "admission.total",
            "measure": "plan",
            "units": ["Ba Đình"],
            "having": 29,
            "of": 30,
        }
    ]
    vi = run("compute", str(ba_dinh_without_plan), "--format", "json")
    (finding_vi,) = json.loads(vi.stdout)["findings"]
    assert finding_vi["message"] == (
        "Ba Đình có thực hiện nhưng không có kế hoạch 'Đảng viên mới kết nạp' (29/30 đơn vị"
        " có): % kế hoạch của số tổng chỉ tính trên 29 đơn vị có cả kế hoạch và thực hiện"
    )


LACKING_PLAN_VI = (
    "Đảng viên mới kết nạp: % kế hoạch chỉ tính trên 29/30 đơn vị có cả kế hoạch và thực"
    " hiện (không có kế hoạch: Ba Đình)."
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), LACKING_PLAN_VI),
        (("--format", "text"), LACKING_PLAN_VI),
        (("--format", "markdown"), f"> {LACKING_PLAN_VI}"),
        (("--format", "tsv"), LACKING_PLAN_VI),
        (
            ("--format", "csv"),
            ";10479;10020;106,9;104,6;4,6;30;% kế hoạch chỉ tính trên 29/30 đơn vị có cả kế"
            " hoạch và thực hiện (không có kế hoạch: Ba Đình)\n",
        ),
        (
            ("--lang", "en"),
            "New members admitted: the % of plan is computed over the 29/30 units with both"
            " plan and actual (no plan: Ba Đình).",
        ),
    ],
)
def test_with_allow_missing_every_output_says_what_the_percent_covers(
    ba_dinh_without_plan: Path, args: tuple[str, ...], expected: str
) -> None:
    assert run("compute", str(ba_dinh_without_plan), *args).returncode == 1
    result = run("compute", str(ba_dinh_without_plan), "--allow-missing", *args)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert "⚠ 1" in result.stderr.splitlines()[-1]


def test_the_sentences_give_no_ratio_the_percent_is_not_of(ba_dinh_without_plan: Path) -> None:
    text = run("compute", str(ba_dinh_without_plan), "--allow-missing", "--format", "text")
    assert "kết nạp 10.479 đảng viên mới, đạt 106,9% kế hoạch" in text.stdout
    assert "10.479/9.527" not in text.stdout


def test_the_annex_notes_it_and_keeps_the_percent_a_number(
    ba_dinh_without_plan: Path, tmp_path: Path
) -> None:
    annex = tmp_path / "phu-luc.xlsx"
    result = run(
        "compute", str(ba_dinh_without_plan), "--allow-missing", "--formulas", "-o", str(annex)
    )
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(annex)["Kết nạp đảng viên"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    below = [row[0] for row in rows if row[0]]
    assert f"Ghi chú: {LACKING_PLAN_VI}" in below[below.index("Tổng cộng") + 1 :]
    (total_row,) = [row for row in rows if row[0] == "Tổng cộng"]
    # Kế hoạch, Thực hiện, Cùng kỳ, % KH, % cùng kỳ of Đảng viên mới kết nạp
    assert total_row[2].startswith("=SUM(") and total_row[3].startswith("=SUM(")
    assert total_row[5] == pytest.approx(1.069)  # the number, no formula giving 110%
    assert str(total_row[6]).startswith("=IF(")  # Cùng kỳ: every unit has one


def test_a_unit_without_cung_ky_is_missing_prior(samples_copy: Path) -> None:
    drop_column(samples_copy / "ba-dinh.xlsx", "Kết nạp", 5)  # Cùng kỳ of Đảng viên mới kết nạp
    code, data = compute_json(str(samples_copy), "--lang", "en")
    assert code == 1
    assert errors(data) == [("missing-prior", "Ba Đình", "ba-dinh.xlsx", "Kết nạp", "D10:D18")]
    assert data["findings"][0]["message"] == (
        "Ba Đình has an actual but no same-period (Cùng kỳ) figure for 'New members admitted'"
        " (29 of 30 units have one): the total's change on the same period is computed over"
        " the 29 units that have both it and the actual"
    )
    admitted = total(data, "admission.total")
    # 10,479 - 291 against 10,020 - 270: +4.5%, not 10,479 against 9,750 (+7.5%)
    assert (admitted["prior"], admitted["percent_of_prior"], admitted["change_vs_prior"]) == (
        9750,
        104.5,
        4.5,
    )
    assert run("compute", str(samples_copy), "--allow-missing").returncode == 0


# ---------------------------------------------------------------- a few units' figure


@pytest.fixture
def three_report_owners(samples_copy: Path) -> Path:
    """Only Ba Đình, Ba Vì and Bắc Từ Liêm fill in Chủ doanh nghiệp tư nhân (I, J)."""
    for path in sorted(samples_copy.glob("*.xlsx"))[3:]:
        book = load_workbook(path)
        sheet = book["Kết nạp"]
        for row in range(10, sheet.max_row + 1):
            for column in (9, 10):
                if isinstance(sheet.cell(row, column).value, int):
                    sheet.cell(row, column).value = None
        book.save(path)
    return samples_copy


def test_a_figure_three_of_thirty_units_report_is_one_error_naming_the_others(
    three_report_owners: Path,
) -> None:
    code, data = compute_json(str(three_report_owners), "--lang", "en")
    assert code == 1
    assert errors(data) == [("partial-indicator", None, None, None, None)]
    (finding,) = data["findings"]
    assert finding["indicator"] == "admission.business_owner"
    assert finding["message"].startswith(
        "'Private business owners': only 3 of 30 units report it, so the total covers them"
        " only; not reported by: Hoàn Kiếm, Tây Hồ, Long Biên,"
    )
    assert finding["message"].endswith(", Ứng Hòa, Mỹ Đức")
    named = finding["message"].split("not reported by: ")[1].split(", ")
    assert len(named) == 27  # every one
    vi = json.loads(run("compute", str(three_report_owners), "--format", "json").stdout)
    assert vi["findings"][0]["message"].startswith(
        "'Chủ doanh nghiệp tư nhân': chỉ 3/30 đơn vị có số liệu, số tổng chỉ gồm các đơn vị"
        " này; không có: Hoàn Kiếm,"
    )
    (lacking,) = data["caveats"]["lacking"]
    assert (lacking["measure"], lacking["having"], lacking["of"], len(lacking["units"])) == (
        "actual",
        3,
        30,
        27,
    )
    result = run("compute", str(three_report_owners), "--allow-missing")
    assert result.returncode == 0, result.stderr
    assert (
        "Chủ doanh nghiệp tư nhân: số tổng chỉ gồm 3/30 đơn vị (không có số liệu: Hoàn Kiếm,"
        " Tây Hồ, Long Biên, Cầu Giấy, Đống Đa, Hai Bà Trưng, Hoàng Mai, Thanh Xuân, Sóc Sơn,"
        " Đông Anh và 17 nơi khác)."
    ) in result.stdout


def test_one_unit_leaving_a_figure_empty_stays_a_warning(samples_copy: Path) -> None:
    """What most units report and one leaves empty is `missing-indicator`, a warning (as
    the configuration may make it an error); the total says 29 units report it."""

    def clear(path: Path) -> None:
        book = load_workbook(path)
        sheet = book["Kết nạp"]
        for row in range(10, 20):  # Sinh viên (M, N), rows and total
            sheet.cell(row, 13).value = sheet.cell(row, 14).value = None
        book.save(path)

    clear(samples_copy / "ba-dinh.xlsx")
    code, data = compute_json(str(samples_copy))
    assert code == 0
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [
        ("missing-indicator", "warning")
    ]
    assert total(data, "admission.university_student")["units_reporting"] == 29


# ---------------------------------------------------------------- --prior lacking a sheet


def test_a_prior_workbook_without_a_sheet_is_missing_prior_once(
    samples_copy: Path, tmp_path: Path
) -> None:
    last = their_last_year(SAMPLES / "2023", tmp_path / "2022", "2023", "2022")
    book = load_workbook(last / "ba-dinh.xlsx")
    del book["Kiểm tra"]
    book.save(last / "ba-dinh.xlsx")
    code, data = compute_json(str(samples_copy), "--prior", str(last), "--lang", "en")
    assert code == 1
    assert errors(data) == [("missing-prior", "Ba Đình", "ba-dinh.xlsx", None, None)]
    (finding,) = data["findings"]  # no prior-differs: Ba Đình's Cùng kỳ is set against nothing
    assert finding["file"] == str(last / "ba-dinh.xlsx")
    assert finding["message"].startswith(
        "Ba Đình has no 'Committee checks of party organizations', 'Committee checks of members',"
    )
    assert finding["message"].endswith(
        f"in last period's files (--prior: {last / 'ba-dinh.xlsx'}; 29 of 30 units have it):"
        " the total's change on the same period is computed over the 29 units that have both"
        " it and the actual"
    )
    checks = total(data, "inspection.committee_check_orgs")
    # 1,187 - 35 against 1,102 - 32, not 1,187 against 1,070
    assert (checks["prior"], checks["change_vs_prior"]) == (1070, 7.7)
    lacking = data["caveats"]["lacking"]
    first = lacking[0]
    assert (first["indicator"], first["measure"], first["units"]) == (
        "inspection.committee_check_orgs",
        "prior",
        ["Ba Đình"],
    )
    assert len(lacking) == 10  # the sheet's ten indicators
    allowed = run("compute", str(samples_copy), "--prior", str(last), "--allow-missing")
    assert allowed.returncode == 0, allowed.stderr
    assert (
        "Thi hành kỷ luật đảng viên: % so với cùng kỳ chỉ tính trên 29/30 đơn vị có cả cùng kỳ"
        " và thực hiện (không có cùng kỳ: Ba Đình)."
    ) in allowed.stdout


# ---------------------------------------------------------------- the samples


@pytest.mark.parametrize("period", ["2023", "2022-h1", "2021-9m"])
def test_the_samples_lack_nothing(period: str) -> None:
    code, data = compute_json(str(SAMPLES / period))
    assert (code, data["findings"], data["caveats"]["lacking"]) == (0, [], [])


# ---------------------------------------------------------------- the unit a file may be


def test_a_missing_unit_points_at_the_file_that_named_no_known_unit(samples_copy: Path) -> None:
    """Ứng Hòa's workbook renamed, its title misspelt: one unknown-unit for the file (not
    one per sheet), and the missing unit says which file it may be."""
    book = load_workbook(samples_copy / "ung-hoa.xlsx")
    for sheet in book.worksheets:
        sheet["A2"] = "ĐẢNG BỘ HUYỆN ỨNG HÒAA XYZ"
    book.save(samples_copy / "bao-cao-moi.xlsx")
    (samples_copy / "ung-hoa.xlsx").unlink()
    code, data = compute_json(str(samples_copy), "--lang", "en")
    assert code == 1
    assert errors(data) == [
        ("unknown-unit", "ĐẢNG BỘ HUYỆN ỨNG HÒAA XYZ", "bao-cao-moi.xlsx", "Kết nạp", "A2"),
        ("missing-unit", "Ứng Hòa", None, None, None),
    ]
    assert data["findings"][1]["message"] == (
        f"Huyện Ứng Hòa (281) sent no report (perhaps the file {samples_copy / 'bao-cao-moi.xlsx'})"
    )
    vi = json.loads(run("compute", str(samples_copy), "--format", "json").stdout)
    assert vi["findings"][1]["message"] == (
        f"Huyện Ứng Hòa (281) không có báo cáo (có thể là tệp {samples_copy / 'bao-cao-moi.xlsx'})"
    )


def test_many_files_of_unknown_units_are_counted_not_listed_on_each_missing_unit(
    samples_copy: Path,
) -> None:
    """Trial 27: a folder of another province's files listed every file on every missing
    unit. Five files of no known unit: each missing unit names the first three and the
    count."""
    book = load_workbook(samples_copy / "ung-hoa.xlsx")
    for sheet in book.worksheets:
        sheet["A2"] = "ĐẢNG BỘ HUYỆN ỨNG HÒAA XYZ"
    for n in range(1, 6):
        book.save(samples_copy / f"bao-cao-{n}.xlsx")
    (samples_copy / "ung-hoa.xlsx").unlink()
    code, data = compute_json(str(samples_copy), "--lang", "en")
    assert code == 1
    missing = [f["message"] for f in data["findings"] if f["code"] == "missing-unit"]
    first = ", ".join(str(samples_copy / f"bao-cao-{n}.xlsx") for n in (1, 2, 3))
    assert missing == [
        "Huyện Ứng Hòa (281) sent no report (perhaps one of the 5 files whose unit could not"
        f" be told: {first}, …)"
    ]


def test_a_unit_with_a_plan_and_no_actual_is_said_beside_the_totals(samples_copy: Path) -> None:
    """Trial 31, case 2: a unit with its Kế hoạch and Cùng kỳ and no Thực hiện: the totals
    showed its plan beside a percentage of the other units' (a missing-now warning on
    stderr only). Every output now says the total lacks it."""
    book = load_workbook(samples_copy / "ba-dinh.xlsx")
    sheet = book["Kết nạp"]
    for row in range(10, 20):
        sheet.cell(row, 4).value = None  # Thực hiện of admission, the total row's too
    book.save(samples_copy / "ba-dinh.xlsx")
    code, data = compute_json(str(samples_copy))
    assert code == 0
    assert [(f["code"], f["unit"], f["indicator"]) for f in data["findings"]] == [
        ("missing-now", "Ba Đình", "admission.total")
    ]
    assert data["caveats"]["lacking"] == [
        {
            "indicator": "admission.total",
            "measure": "actual",
            "units": ["Ba Đình"],
            "having": 29,
            "of": 30,
        }
    ]
    text = run("compute", str(samples_copy)).stdout
    assert (
        "Đảng viên mới kết nạp: số tổng chỉ gồm 29/30 đơn vị (không có số liệu: Ba Đình)." in text
    )


def test_a_missing_unit_points_at_an_unreadable_file(samples_copy: Path) -> None:
    (samples_copy / "ung-hoa.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    code, data = compute_json(str(samples_copy), "--lang", "en")
    assert code == 3
    missing = [f for f in data["findings"] if f["code"] == "missing-unit"]
    assert [f["message"] for f in missing] == [
        f"Huyện Ứng Hòa (281) sent no report (perhaps the file {samples_copy / 'ung-hoa.xlsx'}: it is named after this unit)"
    ]


def test_verify_checks_the_percent_over_the_units_with_both(
    ba_dinh_without_plan: Path, tmp_path: Path
) -> None:
    """The text compute writes verifies against the same files; 110% (30 units' actual over
    29 units' plan) does not. The plan missing is the data's error: verify, like compute,
    fails on it unless told to go on."""
    text = tmp_path / "bao-cao.txt"
    written = run(
        "compute", str(ba_dinh_without_plan), "--allow-missing", "--format", "text", "-o", str(text)
    )
    assert written.returncode == 0, written.stderr
    data = ("--data", str(ba_dinh_without_plan))
    stopped = run("verify", str(text), *data)
    assert stopped.returncode == 1, stopped.stdout
    assert "sai" not in stopped.stdout.lower().split()
    assert stopped.stderr.splitlines()[-1] == (
        "✘ 1 lỗi trong số liệu (--data): các con số trên được đối chiếu với số liệu thiếu đơn"
        " vị hoặc có lỗi; sửa các lỗi, hoặc chạy lại với --allow-missing nếu chấp nhận"
    )
    ours = run("verify", str(text), *data, "--allow-missing")
    assert ours.returncode == 0, ours.stdout
    assert ours.stderr.splitlines()[-1] == (
        "⚠ 1 lỗi trong số liệu (--data) được bỏ qua theo yêu cầu: các con số trên được đối"
        " chiếu với số liệu thiếu đơn vị hoặc có lỗi"
    )
    text.write_text("Năm 2023, toàn thành phố kết nạp 10.479 đảng viên mới, đạt 110% kế hoạch.\n")
    inflated = run("verify", str(text), *data, "--allow-missing")
    assert inflated.returncode == 1
    assert (
        "ghi 110% kế hoạch, nhưng dữ liệu cho 10.188/9.527 = 107% (Đảng viên mới kết nạp)"
        in inflated.stdout
    )


@pytest.mark.parametrize(("year", "before"), [(2026, "hanoi-2024"), (2027, None)])
def test_a_cung_ky_from_before_the_reorganisation_is_said_in_every_output(
    tmp_path: Path, year: int, before: str | None
) -> None:
    """Trial 32, case 2: Hanoi's communes' first half of 2026 against the first half of
    2025, reported by the 30 districts: each ward's Cùng kỳ is its own recount (some typed
    their old district's figure), and the city's change was printed as a fact with no word.
    Every output now says the same period fell under the old registry; a year on, nothing."""
    from .corpus.make_corpus import CITY_TITLE, consolidated, write_xlsx

    title = list(CITY_TITLE)
    title[3] = f"BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM {year}"
    title[4] = f"(Tính đến ngày 30/6/{year})"
    sheet = tmp_path / "xa-phuong.xlsx"
    write_xlsx(sheet, {"KN": consolidated(["Sóc Sơn", "Ba Đình", "Tây Hồ"], title=title)})
    _, out, _ = _json(sheet)
    assert out["registry"] == "ha-noi-2025"
    assert out["caveats"]["prior_registry"] == before
    text = run("compute", str(sheet), "--allow-missing", "--format", "text", "--lang", "en").stdout
    said = (
        f"The same period (first 6 months of {year - 1}) falls under registry hanoi-2024"
        " (Thành phố Hà Nội, district-level units, until 30 June 2025), before the units were"
        " reorganised: each unit's Cùng kỳ is its own recount on its new ground, so the change"
        " on the same period holds only if the units recounted it right and none typed an old"
        " unit's figure twice."
    )
    assert (said in text) == (before is not None), text
    markdown = run("compute", str(sheet), "--allow-missing", "--format", "markdown").stdout
    assert ("trước khi sắp xếp lại đơn vị" in markdown) == (before is not None)


def _json(path: Path) -> tuple[int, dict, str]:
    result = run("compute", str(path), "--allow-missing", "--format", "json")
    return result.returncode, json.loads(result.stdout), result.stderr


def test_each_missing_unit_points_at_the_file_named_after_it(samples_copy: Path) -> None:
    """Trial 32, case 4: three files whose titles named no unit of the registry (an old
    ward's name, a district as a ward) were listed on every missing unit alike; the file
    named after a missing unit is its own likely report, and a file named after another
    unit is no candidate for it."""
    for name, title in (
        ("ung-hoa.xlsx", "ĐẢNG BỘ XÃ VIÊN AN"),
        ("my-duc.xlsx", "ĐẢNG BỘ XÃ HƯƠNG SƠN"),
    ):
        book = load_workbook(samples_copy / name)
        for sheet in book.worksheets:
            sheet["A2"] = title
        book.save(samples_copy / name)
    book = load_workbook(samples_copy / "ung-hoa.xlsx")
    for sheet in book.worksheets:
        sheet["A2"] = "ĐẢNG BỘ XÃ PHÙ LƯU"
    book.save(samples_copy / "bao-cao-cu.xlsx")
    code, data = compute_json(str(samples_copy), "--lang", "en")
    assert code == 1
    missing = [f["message"] for f in data["findings"] if f["code"] == "missing-unit"]
    assert missing == [
        f"Huyện Ứng Hòa (281) sent no report (perhaps the file {samples_copy / 'ung-hoa.xlsx'}:"
        " it is named after this unit)",
        f"Huyện Mỹ Đức (282) sent no report (perhaps the file {samples_copy / 'my-duc.xlsx'}:"
        " it is named after this unit)",
    ]


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_verify_passes_the_tool_s_own_tables_over_the_units_with_both(
    ba_dinh_without_plan: Path, tmp_path: Path, suffix: str
) -> None:
    """Trial 33, case 1: the Word report's (and Markdown's) total row '9.527 | 10.479 |
    106,9%' is right (10.188/9.527, the 29 units with a plan) but its own arithmetic gives
    110,0%: verify failed the tool's own report, exit 1. A row whose figures are the data's
    totals and whose percentage is the data's over the units with both is right; a row
    that says 110% still is not."""
    report = tmp_path / f"bao-cao{suffix}"
    written = run("compute", str(ba_dinh_without_plan), "--allow-missing", "-o", str(report))
    assert written.returncode == 0, written.stderr
    data = ("--data", str(ba_dinh_without_plan), "--allow-missing", "--format", "json")
    checked = json.loads(run("verify", str(report), *data).stdout)
    rows = [c for c in checked["claims"] if "9.527" in c["text"] and c["stated"] == 106.9]
    assert [(c["status"], c["computed"]) for c in rows] == [("ok", 106.9)]
    assert not [c for c in checked["claims"] if c["status"] == "mismatch"]
    if suffix == ".md":
        report.write_text(report.read_text(encoding="utf-8").replace("106,9%", "110,0%"))
        wrong = json.loads(run("verify", str(report), *data).stdout)
        assert [c["status"] for c in wrong["claims"] if c["stated"] == 110.0] == ["mismatch"]


def test_verify_passes_the_tool_s_own_english_report(
    ba_dinh_without_plan: Path, tmp_path: Path
) -> None:
    """Trial 33, case 2: the English note 'computed over the 29 of 30 units' was read by
    verify as 29 members admitted, a MISMATCH on the tool's own report."""
    report = tmp_path / "report.docx"
    written = run(
        "compute", str(ba_dinh_without_plan), "--allow-missing", "--lang", "en", "-o", str(report)
    )
    assert written.returncode == 0, written.stderr
    checked = run(
        "verify",
        str(report),
        "--data",
        str(ba_dinh_without_plan),
        "--allow-missing",
        "--lang",
        "en",
        "--format",
        "json",
    )
    assert checked.returncode == 0, checked.stdout
    assert not [c for c in json.loads(checked.stdout)["claims"] if c["status"] == "mismatch"]
