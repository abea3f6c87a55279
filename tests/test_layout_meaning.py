"""The loader on what real forms do to a table: wording by meaning, headers merged or not,
measures with years, signature blocks, total rows in other words, and every number of the
table accounted for (used, checked, numbering, or named in a finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.api import load

from .conftest import SAMPLES
from .helpers import write_xlsx

TITLE = [
    ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
    ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
    ["BAN TỔ CHỨC"],
    ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023"],
]
HEADER = [
    ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None],
    [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
]
MERGES = ["C5:E5", "A5:A6", "B5:B6"]
ROWS = [
    [1, "Đảng bộ phường Trúc Bạch", 10, 12, 9],
    [2, "Đảng bộ phường Kim Mã", 20, 21, 18],
    [3, "Chi bộ Trường THPT Phan Đình Phùng", 5, 6, 4],
]
SIGNATURE = [
    [],
    [None, None, None, "Hà Nội, ngày 20 tháng 6 năm 2024"],
    [None, "NGƯỜI LẬP BIỂU", None, "TM. BAN THƯỜNG VỤ"],
    [None, None, None, "(Ký, ghi rõ họ tên)"],
]


def _compute(
    tmp_path: Path, rows: list[list[object]], merges: list[str] = MERGES
) -> ctr_stats.Report:
    path = write_xlsx(tmp_path / "ba-dinh.xlsx", {"KN": rows}, {"KN": merges})
    return ctr_stats.compute([path], registry="hanoi-2024")


def _admission(report: ctr_stats.Report) -> tuple[int | None, int | None, int | None]:
    total = report.total("admission.total")
    assert total is not None
    return total.figures.plan, total.figures.actual, total.figures.prior


def _codes(report: ctr_stats.Report) -> list[tuple[str, str | None]]:
    """The sheet's own findings: not the run's (its other units missing; a title cut short
    here naming no period, period-unknown)."""
    return sorted(
        (f.code, f.cell)
        for f in report.findings
        if f.code not in ("missing-unit", "period-unknown")
    )


def test_a_signature_block_with_a_dated_place_line_gives_no_finding(tmp_path: Path) -> None:
    report = _compute(
        tmp_path, [*TITLE, *HEADER, *ROWS, ["Tổng cộng", None, 35, 39, 31], *SIGNATURE]
    )
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


@pytest.mark.parametrize(
    "label",
    [
        *("Cộng toàn quận", "Toàn quận", "Tổng cộng chung", "Tổng hợp", "TỔNG SỐ", "Cộng (1+2+3)"),
        *("TC", "T.C", "Σ"),  # trial 29: "Tổng cộng" as clerks shorten it
    ],
)
def test_total_rows_in_other_words_are_compared_never_added(tmp_path: Path, label: str) -> None:
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS, [label, None, 35, 39, 31]])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_a_total_row_in_words_not_known_is_found_by_its_sums(tmp_path: Path) -> None:
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS, [None, "Quận Ba Đình", 35, 39, 31]])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == [("total-row-by-sum", "B10")]


@pytest.mark.parametrize("label", ["Kết quả chung", "Gộp chung"])
def test_a_total_row_in_words_not_known_with_a_typo_is_still_a_total(
    label: str, samples_copy: Path
) -> None:
    """Trial 29, case 1: one typo (290 for 291) in a total row labelled in words not known,
    and it was added as a tenth organization: Ba Đình's figures doubled, exit 0. Still a
    total: compared, its typo an error."""
    from openpyxl import load_workbook

    book = load_workbook(samples_copy / "ba-dinh.xlsx")
    sheet = book["Kết nạp"]
    sheet["A19"], sheet["D19"] = label, 290
    book.save(samples_copy / "ba-dinh.xlsx")
    report = ctr_stats.compute([samples_copy])
    total = report.total("admission.total")
    assert total is not None and total.figures.actual == 10479
    found = [(f.code, f.cell) for f in report.findings]
    assert found == [("total-row-by-sum", "A19"), ("total-mismatch", "D19")]
    assert report.findings[0].message_en == (
        f"row '{label}' equals the sum of the other rows in 11 columns (differs in 1): taken"
        " as a total row, not added again"
    )


@pytest.mark.parametrize(
    "label", ["Tổng cộng (I+II)", "Tổng (3 đơn vị)", "Tổng toàn bộ", "Quận Ba Đình", "Ba Đình"]
)
def test_a_total_row_in_other_words_with_a_typo_is_a_mismatch_never_added(
    tmp_path: Path, label: str
) -> None:
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS, [None, label, 35, 40, 31]])
    assert _admission(report) == (35, 39, 31)
    assert ("total-mismatch", "D10") in _codes(report)


@pytest.mark.parametrize(
    "label",
    [
        "Tổng công ty Đầu tư",
        "Tổng đội Thanh niên xung phong",
        "Cộng đồng dân cư",
        "Thị trấn Ba Đình",
    ],
)
def test_an_organization_named_with_a_total_word_is_added(tmp_path: Path, label: str) -> None:
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS, [4, label, 1, 1, 1]])
    assert _admission(report) == (36, 40, 32)
    assert _codes(report) == []


def test_an_unmerged_header_group_still_heads_its_measures(tmp_path: Path) -> None:
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS], merges=[])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


# An indicator heading typed, unmerged, in the middle cell of its three columns (centred
# by hand), beside a one-column heading or the unit column
CENTRED_MERGES = ["A5:A6", "B5:B6"]


def test_a_heading_centred_over_its_measures_beside_a_one_column_heading(
    tmp_path: Path,
) -> None:
    # read from the first cell, "Chủ doanh nghiệp tư nhân" would get Thực hiện then Kế
    # hoạch, and the admissions no plan: centred, each heading has its measures in order
    header = [
        ["STT", "Đơn vị", "Chủ doanh nghiệp tư nhân", None, "Đảng viên mới kết nạp", None],
        [None, None, "Thực hiện", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    rows = [[*r[:2], 1, *r[2:]] for r in ROWS]
    report = _compute(tmp_path, [*TITLE, *header, *rows], CENTRED_MERGES)
    assert _admission(report) == (35, 39, 31)
    owners = report.total("admission.business_owner")
    assert owners is not None
    assert (owners.figures.plan, owners.figures.actual) == (None, 3)
    assert _codes(report) == []


def test_a_heading_centred_over_its_measures_beside_the_unit_column(tmp_path: Path) -> None:
    # read from the first cell, the Kế hoạch column would be under no heading
    header = [["STT", "Đơn vị", None, "Đảng viên mới kết nạp", None], HEADER[1]]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS], CENTRED_MERGES)
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_an_unmerged_heading_both_readings_fit_is_an_error_naming_it(tmp_path: Path) -> None:
    # C under no heading, or a second Thực hiện of the admissions: one fault each way
    header = [
        ["STT", "Đơn vị", None, "Đảng viên mới kết nạp", None],
        [None, None, "Thực hiện", "Thực hiện", "Cùng kỳ"],
    ]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS], CENTRED_MERGES)
    assert _admission(report) == (None, 39, 31)
    assert ("ambiguous-heading", "C5:D5") in _codes(report)
    (finding,) = [f for f in report.findings if f.code == "ambiguous-heading"]
    assert finding.severity == "error"
    assert finding.sheet == "KN" and finding.file is not None
    assert finding.file.endswith("ba-dinh.xlsx")
    assert finding.message_vi == (
        "tiêu đề 'Đảng viên mới kết nạp' ở ô D5 không gộp ô: có thể đứng giữa ba cột C5:E5"
        " (cột C thuộc 'Đảng viên mới kết nạp') hoặc ở ô đầu nhóm của nó (cột C không có"
        " tiêu đề); không đoán, các ô C7:C9 không được cộng: hãy gộp ô tiêu đề trên các cột"
        " của nó"
    )
    assert finding.message_en == (
        "heading 'Đảng viên mới kết nạp' in D5 is not merged: it may stand over the middle of"
        " the three columns C5:E5 (column C belongs to it) or head its group from its first"
        " cell (column C is under no heading); not guessed, cells C7:C9 not added: merge the"
        " heading's cells over its columns"
    )


def test_an_unmerged_heading_in_doubt_fails_the_run(tmp_path: Path) -> None:
    from .test_cli import run

    header = [
        ["STT", "Đơn vị", "Chủ doanh nghiệp tư nhân", None, "Đảng viên mới kết nạp", None],
        [None, None, "Thực hiện", "Thực hiện", "Thực hiện", "Cùng kỳ"],
    ]
    rows = [[*r[:2], 1, *r[2:]] for r in ROWS]
    path = write_xlsx(
        tmp_path / "ba-dinh.xlsx", {"KN": [*TITLE, *header, *rows]}, {"KN": CENTRED_MERGES}
    )
    result = run("compute", str(path), "--registry", "hanoi-2024", "--lang", "en")
    assert result.returncode == 1
    assert "ambiguous-heading" in result.stderr
    assert "column D belongs to 'Chủ doanh nghiệp tư nhân', on its left" in " ".join(
        result.stderr.split()
    )


def test_a_blank_column_inside_a_merged_group_is_no_measure(tmp_path: Path) -> None:
    header = [
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None, None],
        [None, None, "Kế hoạch", None, "Thực hiện", "Cùng kỳ"],
    ]
    rows = [[*r[:3], None, *r[3:]] for r in ROWS]
    report = _compute(tmp_path, [*TITLE, *header, *rows], ["C5:F5", "A5:A6", "B5:B6"])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


@pytest.mark.parametrize("word", ["Lũy kế", "Số liệu", "Ước TH", "Dự kiến", "Tháng 11"])
def test_a_measure_not_understood_is_an_error_naming_its_header(tmp_path: Path, word: str) -> None:
    header = [HEADER[0], [None, None, "Kế hoạch", word, "Cùng kỳ"]]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS])
    assert _admission(report) == (35, None, 31)
    # compute reports check's findings too: a Cùng kỳ with no Thực hiện beside it
    assert _codes(report) == [("missing-now", "C7:C9"), ("unknown-column", "D6")]
    (finding,) = [f for f in report.findings if f.code == "unknown-column"]
    assert finding.severity == "error" and "D7:D9" in finding.message_en


@pytest.mark.parametrize(
    ("measures", "expected"),
    [
        (["Kế hoạch năm 2023", "Thực hiện năm 2023", "Thực hiện năm 2022"], (35, 39, 31)),
        (["KH 2023", "TH 2023", "TH 2022"], (35, 39, 31)),
        (["Chỉ tiêu", "Năm 2023", "Năm 2022"], (35, 39, 31)),
        (["Kế hoạch", "Năm báo cáo", "Năm trước"], (35, 39, 31)),
        (["Kế hoạch", "Kỳ này", "Cùng kỳ năm trước"], (35, 39, 31)),
    ],
)
def test_measures_with_years_are_read_against_the_period(
    tmp_path: Path, measures: list[str], expected: tuple[int, int, int]
) -> None:
    header = [HEADER[0], [None, None, *measures]]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS])
    assert _admission(report) == expected
    assert _codes(report) == []


@pytest.mark.parametrize(
    "measures",
    [
        ["K.Hoạch", "T.Hiện", "C.Kỳ"],
        ["K.H", "Th.hiện", "Cùng kỳ"],
        ["Kế hoạch", "Năm nay", "Năm ngoái"],
        ["Kế hoạch", "Thực hiện đến 30/11/2023", "Cùng kỳ (đến 30/11/2022)"],
        ["Kế hoạch", "Thực hiện từ 01/12/2022 đến 30/11/2023", "Cùng kỳ (tính đến ngày 30/11)"],
        ["KH năm 2023", "Kỳ này (đến nay)", "TH 2022"],
    ],
)
def test_measures_abbreviated_with_dots_or_dated_are_read(
    tmp_path: Path, measures: list[str]
) -> None:
    header = [HEADER[0], [None, None, *measures]]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_a_dotted_word_that_begins_no_one_measure_is_still_not_understood(
    tmp_path: Path,
) -> None:
    header = [HEADER[0], [None, None, "Kế hoạch", "K.N", "Cùng kỳ"]]  # kỳ này? kết nạp?
    report = _compute(tmp_path, [*TITLE, *header, *ROWS])
    assert ("unknown-column", "D6") in _codes(report)


@pytest.mark.parametrize(
    "heading",
    ["Cơ sở đảng", "Tên cơ sở đảng", "Đảng bộ, chi bộ cơ sở", "Tên chi bộ", "TCCSĐ trực thuộc"],
)
def test_a_label_column_headed_by_the_organizations_it_lists(tmp_path: Path, heading: str) -> None:
    header = [["STT", heading, *HEADER[0][2:]], HEADER[1]]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_a_row_of_an_organization_with_figures_is_no_heading(tmp_path: Path) -> None:
    """A label column headed in words no form uses, its first row an organization's
    ("Đảng bộ cơ sở | 10 | 12 | 9"): no header, the sheet named, not read from that row."""
    header = [["STT", "Tên gọi", *HEADER[0][2:]], HEADER[1]]
    rows = [[1, "Đảng bộ cơ sở", 10, 12, 9], *ROWS[1:]]
    report = _compute(tmp_path, [*TITLE, *header, *rows])
    assert report.total("admission.total") is None
    assert ("unread-sheet", None) in [(f.code, None) for f in report.findings]


def test_the_measure_row_deleted_gives_no_figure_from_the_wrong_column(tmp_path: Path) -> None:
    report = _compute(tmp_path, [*TITLE, HEADER[0], *ROWS], ["C5:E5"])
    assert report.total("admission.total") is None
    assert {f.severity for f in report.findings if f.code != "missing-unit"} == {"error"}


@pytest.mark.parametrize(
    ("value", "code"),
    [(True, "not-a-number"), ("abc", "not-a-number"), ("?", "not-a-number"), (12.5, "non-integer")],
)
def test_what_is_no_count_is_an_error_naming_its_cell(
    tmp_path: Path, value: object, code: str
) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][3] = value
    report = _compute(tmp_path, [*TITLE, *HEADER, *rows])
    assert _codes(report) == [(code, "D8")]
    assert [f.severity for f in report.findings if f.code == code] == ["error"]


def test_an_excel_error_value_is_not_an_empty_cell(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "ba-dinh.xlsx", {"KN": [*TITLE, *HEADER, *ROWS]}, {"KN": MERGES})
    workbook = load_workbook(path)
    cell = workbook["KN"]["D8"]
    cell.value, cell.data_type = "#REF!", "e"
    workbook.save(path)
    report = ctr_stats.compute([path], registry="hanoi-2024")
    assert _codes(report) == [("not-a-number", "D8")]
    assert "#REF!" in next(f.message_en for f in report.findings if f.code == "not-a-number")


def test_a_number_where_the_name_belongs_is_an_error(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[2] = ["Chi bộ Trường THPT Phan Đình Phùng", 5, 6, 4, None]  # shifted one left
    report = _compute(tmp_path, [*TITLE, *HEADER, *rows])
    assert ("misplaced-number", "B9") in _codes(report)


def test_a_form_whose_header_is_not_found_is_an_error(tmp_path: Path) -> None:
    header = [["STT", "Tên", "Số đảng viên mới", None, None], HEADER[1]]
    path = write_xlsx(tmp_path / "ba-dinh.xlsx", {"KN": [*TITLE, *header, *ROWS]})
    report = ctr_stats.compute([path], registry="hanoi-2024")
    assert report.totals == ()
    assert [(f.code, f.severity, f.sheet) for f in load([path]).findings] == [
        ("unread-sheet", "error", "KN")
    ]


def test_one_cell_three_line_title_names_the_most_specific_unit(tmp_path: Path) -> None:
    title = [
        ["Tỉnh (thành uỷ) Hà Nội\nHuyện (quận uỷ) Đông Anh\nBAN TỔ CHỨC"],
        [],
        [],
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023"],
    ]
    path = write_xlsx(tmp_path / "bao-cao.xlsx", {"KN": [*title, *HEADER, *ROWS]}, {"KN": MERGES})
    report = ctr_stats.compute([path], registry="hanoi-2024")
    assert [(u.name, u.figures.actual) for u in report.units] == [("Đông Anh", 39)]


@pytest.mark.parametrize("folder", ["2023", "2022-h1", "2021-9m"])
def test_every_number_of_the_samples_is_accounted_for(folder: str) -> None:
    loaded = load([SAMPLES / folder])
    for sheet in loaded.sheets:
        a = sheet.accounting
        assert a is not None
        assert a.read == a.used + a.checked + a.numbering + a.not_used, (sheet.file, sheet.sheet)
        assert a.not_used == 0
        assert a.used > 0


CORPUS = Path(__file__).parent / "corpus" / "files"


@pytest.mark.parametrize("workbook", sorted(p.name for p in CORPUS.iterdir()))
def test_every_number_of_the_corpus_is_accounted_for(workbook: str) -> None:
    """Numbers typed as text ("1.012", "13 ") count among those read as they count among
    those used: the balance holds on every sheet of every kind of file."""
    for sheet in load([CORPUS / workbook]).sheets:
        a = sheet.accounting
        assert a is not None
        assert a.read == a.used + a.checked + a.numbering + a.not_used, (sheet.sheet, a)


def test_numbers_typed_as_text_are_read_used_and_checked(tmp_path: Path) -> None:
    rows = [["1", "Đảng bộ xã Đan Phượng", "5", "6", "4"], *ROWS[1:]]
    from ctr_stats.render.json import report_to_dict

    total = ["Tổng cộng", None, "30", 33, 26]  # the row replaced held 10, 12, 9
    report = _compute(tmp_path, [*TITLE, *HEADER, *rows, total])
    assert _admission(report) == (30, 33, 26) and not _codes(report)
    assert report_to_dict(report)["cells"] == {
        "read": 15,
        "used": 9,
        "checked": 3,
        "numbering": 3,
        "not_used": 0,
    }


def test_json_says_how_the_numbers_of_the_tables_were_used(tmp_path: Path) -> None:
    from ctr_stats.render.json import report_to_dict

    header = [HEADER[0], [*HEADER[1], "Lũy kế"]]
    rows = [[*r, 40] for r in ROWS]
    report = _compute(tmp_path, [*TITLE, *header, *rows, ["Tổng cộng", None, 35, 39, 31, 120]])
    # 12 counts (9 added, 3 compared in the total row), 3 row numbers, 4 under "Lũy kế"
    assert report_to_dict(report)["cells"] == {
        "read": 19,
        "used": 9,
        "checked": 3,
        "numbering": 3,
        "not_used": 4,
    }
    assert [(u.cell, u.text, u.code) for u in report.accounting.unused] == [
        ("F7", "40", "unknown-column"),
        ("F8", "40", "unknown-column"),
        ("F9", "40", "unknown-column"),
        ("F10", "120", "unknown-column"),
    ]


def test_explain_unused_lists_each_number_not_used_with_its_cell(tmp_path: Path) -> None:
    from .test_cli import run

    header = [HEADER[0], [*HEADER[1], "Lũy kế"]]
    rows = [[*r, 40] for r in ROWS]
    path = write_xlsx(tmp_path / "ba-dinh.xlsx", {"KN": [*TITLE, *header, *rows]}, {"KN": MERGES})
    result = run("explain", "--unused", str(path), "--registry", "hanoi-2024", "--lang", "en")
    assert result.returncode == 0, result.stderr
    for cell in ("F7", "F8", "F9"):
        assert f"│ {cell} " in result.stdout
    assert result.stdout.count("unknown-column") == 3
    assert "15 numbers in the tables: 9 added into figures, 0 checked" in result.stdout


@pytest.mark.parametrize("value", [1e15, 2**53 + 1, 1e308, 12_000_000])
def test_a_number_too_large_to_be_a_count_is_an_error_not_added(
    tmp_path: Path, value: float
) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][3] = value
    report = _compute(tmp_path, [*TITLE, *HEADER, *rows])
    assert _codes(report) == [("implausible-value", "D8")]
    assert _admission(report) == (35, 18, 31)


def test_a_criterion_worded_so_that_its_unit_drops_out_is_an_error(tmp_path: Path) -> None:
    """Worded in a way not understood, close to an indicator other units report: the unit
    would drop out of that total without a word, so the warning becomes an error."""
    header = [["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ"]]

    def unit(name: str, label: str) -> Path:
        title = [[f"ĐẢNG BỘ {name.upper()}"], ["BÁO CÁO CÔNG TÁC ĐẢNG VIÊN NĂM 2023"]]
        rows = [[1, label, 35, 39, 31], [2, "Trong đó: sinh viên", None, 4, 3]]
        return write_xlsx(tmp_path / f"{name}.xlsx", {"S": [*title, *header, *rows]})

    unit("Quận Ba Đình", "Kết nạp đảng viên mới (ước tính)")
    report = ctr_stats.compute([tmp_path / "Quận Ba Đình.xlsx"], registry="hanoi-2024")
    alone = [(f.code, f.cell, f.severity) for f in report.findings if f.code != "missing-unit"]
    assert alone == [("unknown-criterion", "B4", "warning"), ("unknown-criterion", "B5", "warning")]
    unit("Quận Tây Hồ", "Đảng viên mới kết nạp")
    report = ctr_stats.compute([tmp_path], registry="hanoi-2024")
    assert [
        (f.code, f.cell, f.severity, f.indicator)
        for f in report.findings
        if f.code != "missing-unit"
    ] == [
        ("unknown-criterion", "B4", "error", "admission.total"),
        ("unknown-criterion", "B5", "error", "admission.university_student"),
    ]
    assert _admission(report) == (35, 39, 31)  # Tây Hồ's alone, and the run fails


# --- what the fuzz suite found (issue 22): each misreading, pinned to its cell ---


def test_a_percentage_in_a_count_cell_is_named_not_read_as_a_count(tmp_path: Path) -> None:
    rows = [*ROWS[:2], [3, "Chi bộ Trường THPT Phan Đình Phùng", 5, "12%", 4]]
    report = _compute(tmp_path, [*TITLE, *HEADER, *rows])
    (bad,) = [f for f in report.findings if f.code == "not-a-number"]
    assert (bad.cell, bad.message_en) == ("D9", "'12%' is a percentage, not a count")
    assert _admission(report) == (35, 33, 31)


def test_a_merge_over_figures_is_an_error_naming_its_range(tmp_path: Path) -> None:
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS], [*MERGES, "C8:D8"])
    (merged,) = [f for f in report.findings if f.code == "merged-figure"]
    assert (merged.cell, merged.severity.value) == ("C8:D8", "error")


def test_a_row_over_two_lines_merged_cell_by_cell_is_one_row_not_a_merged_figure(
    tmp_path: Path,
) -> None:
    # a long name wrapped by hand: rows 8 and 9 are one organization, each cell merged down
    rows = [*TITLE, *HEADER, *ROWS[:2], [], ROWS[2]]
    merges = [*MERGES, *(f"{c}8:{c}9" for c in "ABCDE")]
    report = _compute(tmp_path, rows, merges)
    assert not [c for c in _codes(report) if c[0] == "merged-figure"]
    assert _admission(report) == (35, 39, 31)


def test_a_figure_merged_down_beside_a_name_not_merged_is_still_named(tmp_path: Path) -> None:
    merges = [*MERGES, "A8:A9", "C8:C9"]  # the STT merged too, the name not: two rows
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS], merges)
    assert ("merged-figure", "C8:C9") in _codes(report)


def test_a_row_typed_twice_with_the_total_counting_it_is_an_error(tmp_path: Path) -> None:
    rows = [*TITLE, *HEADER, *ROWS, ROWS[1], ["Tổng cộng", None, 55, 60, 49]]
    report = _compute(tmp_path, rows)
    (twice,) = [f for f in report.findings if f.code == "duplicate-row"]
    assert (twice.cell, twice.severity.value) == ("B10", "error")
    assert twice.message_en == (
        "this row repeats row 8 (the same name and figures): both are added; delete the extra one"
    )
    assert _admission(report) == (55, 60, 49)


def test_a_count_typed_with_an_english_thousands_comma_is_named_not_read_as_one(
    tmp_path: Path,
) -> None:
    """Trial 28, case 3: '1,000' typed as text was read as 1, exit 0. Which number it is
    is not guessed: the cell is a not-a-number error, the row still a row of figures."""
    rows = [*TITLE, *HEADER, ROWS[0], [2, "Đảng bộ phường Kim Mã", "1,000", 21, 18], ROWS[2]]
    report = _compute(tmp_path, rows)
    assert ("not-a-number", "C8") in _codes(report)
    assert _admission(report) == (15, 39, 31)  # the plan lacks Kim Mã's, and says so


@pytest.mark.parametrize("group", ["Chỉ tiêu kết nạp đảng viên", "Chỉ tiêu kết nạp"])
def test_chi_tieu_over_columns_that_say_their_measure_names_the_indicator(
    tmp_path: Path, group: str
) -> None:
    """Trial 29, case 7: "Chỉ tiêu kết nạp đảng viên" over Kế hoạch | Thực hiện | Cùng kỳ
    was read as a plan over each measure, and the unit's admissions were dropped."""
    header = [["STT", "Đơn vị", group, None, None], HEADER[1]]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS, ["Tổng cộng", None, 35, 39, 31]])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_two_rows_named_alike_with_other_figures_are_an_error(tmp_path: Path) -> None:
    """Trial 29, case 2: a corrected line pasted below, the old one left, both added with
    exit 0. Rows of zeros under one name add nothing twice: no finding."""
    rows = [*TITLE, *HEADER, *ROWS, [4, ROWS[1][1], 1, 2, 3], [5, "Chi bộ A", 0, 0, 0]]
    rows.append([6, "Chi bộ A", 0, 0, 0])
    report = _compute(tmp_path, rows)
    (twice,) = [f for f in report.findings if f.code == "duplicate-row"]
    assert (twice.cell, twice.severity.value) == ("B10", "error")
    assert twice.message_en == (
        "this row has the name of row 8 with other figures (a corrected line pasted below?):"
        " both are added; delete the extra one"
    )


def test_a_name_typed_three_times_is_matched_with_the_row_of_the_same_figures(
    tmp_path: Path,
) -> None:
    """The third "Chi bộ A" with figures repeats the first's, not the second's: the finding
    names the first; a row of zeros under a name repeats nothing."""
    rows = [*TITLE, *HEADER, *ROWS, [4, "Chi bộ A", 0, 0, 0], [5, "Chi bộ A", 1, 2, 3]]
    rows += [[6, "Chi bộ A", 4, 5, 6], [7, "Chi bộ A", 1, 2, 3], [8, "Chi bộ A", 0, 0, 0]]
    report = _compute(tmp_path, rows)
    twice = [f for f in report.findings if f.code == "duplicate-row"]
    assert [(f.cell, f.message_en.split(":")[0]) for f in twice] == [
        (
            "B12",
            "this row has the name of row 11 with other figures (a corrected line pasted below?)",
        ),
        ("B13", "this row repeats row 11 (the same name and figures)"),
    ]


def test_a_trong_do_row_under_the_total_row_is_a_part_of_the_total(tmp_path: Path) -> None:
    total = ["Tổng cộng", None, 35, 39, 31]
    report = _compute(tmp_path, [*TITLE, *HEADER, *ROWS, total, [None, "Trong đó: nữ", 9, 40, 7]])
    assert _admission(report) == (35, 39, 31)  # not a fourth organization
    assert [(f.code, f.cell) for f in report.findings if f.code != "missing-unit"] == [
        ("breakdown-mismatch", "D10")  # 40 women of 39 admitted
    ]


def test_a_header_repeated_inside_the_table_with_its_merges_is_no_merged_figure(
    tmp_path: Path,
) -> None:
    rows = [*TITLE, *HEADER, *ROWS[:2], *HEADER, ROWS[2]]
    report = _compute(tmp_path, rows, [*MERGES, "C9:E9"])
    assert not [c for c in _codes(report) if c[0] == "merged-figure"]
    assert _admission(report) == (35, 39, 31)


def test_a_first_row_without_its_label_is_no_column_number_row(tmp_path: Path) -> None:
    rows = [*TITLE, *HEADER, [1, None, 7, 7, 3], *ROWS]
    report = _compute(tmp_path, rows)
    assert ("unlabelled-row", "B7") in _codes(report)


def test_a_column_number_row_goes_up_a_column_at_a_time(tmp_path: Path) -> None:
    rows = [*TITLE, *HEADER, ["A", "B", 1, 2, 3], *ROWS]
    report = _compute(tmp_path, rows)
    assert _codes(report) == []
    assert _admission(report) == (35, 39, 31)


def test_a_blank_row_between_the_header_rows_is_passed_over(tmp_path: Path) -> None:
    rows = [*TITLE, HEADER[0], [], HEADER[1], *ROWS]
    report = _compute(tmp_path, rows, ["C5:E5"])
    assert _codes(report) == []
    assert _admission(report) == (35, 39, 31)


def test_stt_and_unit_in_the_measure_row_under_the_indicator_headings(tmp_path: Path) -> None:
    header = [
        [None, None, "Đảng viên mới kết nạp", None, None],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS], ["C5:E5"])
    assert _codes(report) == []
    assert _admission(report) == (35, 39, 31)


def test_the_unit_heading_typed_again_under_itself_heads_no_row(tmp_path: Path) -> None:
    header = [
        [
            "STT",
            "Đơn vị",
            "Đảng viên mới kết nạp",
            "Đảng viên mới kết nạp",
            "Đảng viên mới kết nạp",
        ],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS], [])
    assert _codes(report) == []
    assert _admission(report) == (35, 39, 31)


@pytest.mark.parametrize("line", ["ĐẢNG BỘ Q. BA ĐÌNH", "ĐẢNG BỘ Q BA ĐÌNH"])
def test_a_unit_line_with_its_type_abbreviated(tmp_path: Path, line: str) -> None:
    title = [TITLE[0], [line], *TITLE[2:]]
    path = write_xlsx(tmp_path / "bao-cao.xlsx", {"KN": [*title, *HEADER, *ROWS]}, {"KN": MERGES})
    report = ctr_stats.compute([path], registry="hanoi-2024")
    figures = report.unit("001", "admission.total")
    assert figures is not None and figures.figures.actual == 39


@pytest.mark.parametrize(
    "line", ["ĐẢNG BỘ QUẬN, HUYỆN, THỊ XÃ ……………", "ĐẢNG ỦY XÃ, PHƯỜNG ________", "QUẬN ỦY ......"]
)
def test_a_unit_line_left_unfilled_falls_back_to_the_file_name(tmp_path: Path, line: str) -> None:
    title = [TITLE[0], [line], *TITLE[2:]]
    path = write_xlsx(tmp_path / "ba-dinh.xlsx", {"KN": [*title, *HEADER, *ROWS]}, {"KN": MERGES})
    report = ctr_stats.compute([path], registry="hanoi-2024")
    figures = report.unit("001", "admission.total")
    assert figures is not None and figures.figures.actual == 39
    assert _codes(report) == []


def test_a_unit_named_by_its_number_is_no_unfilled_line() -> None:
    from ctr_stats.layout.title import read_owner

    assert read_owner(["ĐẢNG BỘ QUẬN 3"])[0] == "quan 3"
    assert read_owner(["ĐẢNG BỘ PHƯỜNG XÃ ĐÀN"])[0] == "phuong xa dan"


@pytest.mark.parametrize(
    "label",
    [
        "Kết nạp trong DN ngoài KV nhà nước",
        "Kết nạp trong DN ngoài KVNN",
        "Kết nạp trong doanh nghiệp ngoài KV NN",
    ],
)
def test_abbreviations_are_written_out_before_a_label_is_read(tmp_path: Path, label: str) -> None:
    header = [
        ["STT", "Đơn vị", label, None, None],
        [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    report = _compute(tmp_path, [*TITLE, *header, *ROWS])
    total = report.total("admission.non_state_enterprise")
    assert total is not None and total.figures.actual == 39


@pytest.mark.parametrize("word", ["Lũy kế", "Ước TH"])
def test_a_plan_under_a_measure_word_not_understood_is_an_error_where_others_have_it(
    tmp_path: Path, word: str
) -> None:
    import shutil

    from .helpers import edit

    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    edit(folder / "tay-ho.xlsx", "Kết nạp", lambda ws: setattr(ws["C9"], "value", word))
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    (unread,) = [f for f in report.findings if f.code == "unknown-column"]
    assert (unread.cell, unread.severity.value) == ("C9", "error")
    assert unread.message_en.endswith(
        "so this unit has no 'New members admitted' (plan), which 29 other units report"
    )


@pytest.mark.parametrize("heading", ["So với cùng kỳ (%)", "% so với cùng kỳ"])
def test_a_percentage_whose_base_the_table_lacks_is_named_never_counted_as_checked(
    tmp_path: Path, heading: str
) -> None:
    """Kế hoạch and Thực hiện, then a percentage of last year the table does not give:
    it cannot be computed again, so its cells are listed as not used, not as checked."""
    header = [HEADER[0], [None, None, "Kế hoạch", "Thực hiện", heading]]
    rows = [[1, "Đảng bộ phường Trúc Bạch", 12, 10, 150.0], [2, "Đảng bộ phường Kim Mã", 21, 20, 1]]
    report = _compute(tmp_path, [*TITLE, *header, *rows])
    (unread,) = [f for f in report.findings if f.code == "unknown-column"]
    assert (unread.cell, unread.severity.value) == ("E6", "warning")
    assert "cells E7:E8 not checked" in unread.message_en
    assert report.accounting.checked == 0
    assert [u.cell for u in report.accounting.unused] == ["E7", "E8"]


# rows of two blocks, each with its subtotal: wards (10, 12, 9 + 20, 21, 18) and the
# school (5, 6, 4)
_WARDS = [*ROWS[:2], [None, "Cộng khối phường", 30, 33, 27]]
_SCHOOLS = [ROWS[2], [None, "Cộng khối trường học", 5, 6, 4]]


@pytest.mark.parametrize("grand_total", [True, False])
def test_subtotals_between_blocks_add_up_their_own_rows(tmp_path: Path, grand_total: bool) -> None:
    """ "Cộng khối phường" under its rows, more rows below: compared with its block, not the
    whole table; the table's last total, with its block or with all rows."""
    total = [[None, "Tổng cộng", 35, 39, 31]] if grand_total else []
    report = _compute(tmp_path, [*TITLE, *HEADER, *_WARDS, *_SCHOOLS, *total])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_a_subtotal_that_does_not_add_up_names_its_own_rows(tmp_path: Path) -> None:
    wards = [*ROWS[:2], [None, "Cộng khối phường", 30, 34, 27]]
    total = [None, "Tổng cộng", 35, 39, 31]
    report = _compute(tmp_path, [*TITLE, *HEADER, *wards, *_SCHOOLS, total])
    assert _admission(report) == (35, 39, 31)
    mismatch = [f for f in report.findings if f.code == "total-mismatch"]
    assert [(f.cell, f.message_en) for f in mismatch] == [
        ("D9", "the total row says 34, the rows (D7:D8) add up to 33")
    ]


@pytest.mark.parametrize("above", [[], [None, None, "Biểu tổng hợp năm 2023"]])
def test_a_heading_typed_in_one_cell_over_the_measures_groups_them(
    tmp_path: Path, above: list[object]
) -> None:
    """ "Đảng viên mới kết nạp" typed in C only, not merged over C:E, "STT | Đơn vị" in the row
    below it with the measures (a CSV cannot merge at all): the heading is the group's. A
    title's line typed in C above it (a year) is no heading."""
    header = [
        [None, None, "Đảng viên mới kết nạp", None, None],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    title = TITLE[:3] if not above else [*TITLE[:3], above]
    report = _compute(tmp_path, [*title, [], *header, *ROWS], merges=[])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


def test_a_sections_total_under_its_blocks_subtotals_adds_up_the_section(tmp_path: Path) -> None:
    """ "Cộng (I)" right under "Cộng khối trường học", section II after it, "Tổng cộng" at
    the end: each total against its own rows, none against the whole table."""
    section_two = [[4, "Đảng bộ phường Ngọc Hà", 2, 3, 1], [None, "Cộng (II)", 2, 3, 1]]
    rows = [
        *TITLE,
        *HEADER,
        *_WARDS,
        *_SCHOOLS,
        [None, "Cộng (I)", 35, 39, 31],
        *section_two,
        [None, "Tổng cộng", 37, 42, 32],
    ]
    report = _compute(tmp_path, rows)
    assert _admission(report) == (37, 42, 32)
    assert _codes(report) == []


def test_a_title_naming_the_localities_narrows_no_column(tmp_path: Path) -> None:
    """ "… CỦA CÁC ĐỊA PHƯƠNG": "phương" folds to the ward's "phường", which narrowed every
    column to wards, and the sheet read nothing."""
    title = [*TITLE[:3], ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN CỦA CÁC ĐỊA PHƯƠNG NĂM 2023"]]
    report = _compute(tmp_path, [*title, *HEADER, *ROWS])
    assert _admission(report) == (35, 39, 31)
    assert _codes(report) == []


@pytest.mark.parametrize("unit_row", [0, 1])
def test_two_centred_headings_side_by_side_head_their_three_columns(
    tmp_path: Path, unit_row: int
) -> None:
    """Each group heading typed, unmerged, over the middle one of its Kế hoạch | Thực hiện |
    Cùng kỳ, the groups side by side: each heads its three; the first group's Kế hoạch was
    left under no heading, its plan lost with a warning."""
    groups = [
        None,
        None,
        None,
        "Đảng viên mới kết nạp",
        None,
        None,
        "Kết nạp trong DN ngoài khu vực nhà nước",
        None,
    ]
    measures = ["Kế hoạch", "Thực hiện", "Cùng kỳ"] * 2
    header = [groups, [None, None, *measures]]
    header[unit_row][:2] = ["STT", "Đơn vị"]
    rows = [
        [1, "Đảng bộ phường Trúc Bạch", 4, 5, 3, 1, 2, 1],
        [2, "Chi bộ Trường THPT Phan Đình Phùng", 6, 6, 5, 0, 1, 0],
        [None, "Tổng cộng", 10, 11, 8, 1, 3, 1],
    ]
    report = _compute(tmp_path, [*TITLE, *header, *rows], merges=[])
    assert _admission(report) == (10, 11, 8)
    other = report.total("admission.non_state_enterprise")
    assert other is not None
    assert (other.figures.plan, other.figures.actual, other.figures.prior) == (1, 3, 1)
    assert _codes(report) == []
