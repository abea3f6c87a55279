"""Forms as a fourth and fifth user trial rebuilt them: each case gave a wrong or missing
figure with exit 0, or a false error, before. A title line "Mẫu ban hành kèm theo …" ("kèm", not the
"kém" of "yếu kém"); a section "CẤP ỦY, TỔ CHỨC ĐẢNG CÁC CẤP" over "- Đảng viên"; a
"Trong đó" list's second item typed after spaces; the committees' and the commissions'
discipline each apart; the older discipline form's "Đã giải quyết › Trong năm báo cáo";
a table of which no criterion names an indicator is an error, never a sheet silently left
out of the totals; a district annex's "Trong đó" columns are parts of what was done."""

from __future__ import annotations

from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.catalogue import load_catalogue

from .helpers import write_xlsx

TITLE = [
    ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    ["{committee} {unit}"],
    ["ỦY BAN KIỂM TRA", None, None, "{unit}, ngày 10 tháng 12 năm 2024"],
    [],
    ["PHỤ LỤC"],
    ["KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT ĐẢNG NĂM 2024"],
    ["(Kèm theo Báo cáo số 45-BC/UBKT ngày 10/12/2024 của Ủy ban Kiểm tra Quận ủy)"],
    [],
    ["STT", "Nội dung", "Đơn vị tính", "Kết quả", None, "So sánh (%)"],
    [None, None, None, "Năm 2024", "Cùng kỳ năm 2023"],
    ["A", "B", "C", "1", "2", "3 = 1/2"],
]


def _title(unit: str, committee: str = "QUẬN ỦY") -> list[list[object]]:
    return [
        [c.format(unit=unit, committee=committee) if isinstance(c, str) else c for c in row]
        for row in TITLE
    ]


def _annex(unit: str, n: int, committee: str = "QUẬN ỦY") -> list[list[object]]:
    """The annex of a district's inspection report (trial 5, F5): committees' work, then
    the commissions'; the numbers grow with `n` so that two units differ."""
    rows = _title(unit, committee)
    rows += [
        ["I", "CẤP ỦY, TỔ CHỨC ĐẢNG CÁC CẤP"],
        ["1", "Kiểm tra"],
        [None, "- Tổ chức đảng", "TCĐ", 40 + n, 38],
        [None, "- Đảng viên", "Đảng viên", 90 + n, 88],
        [None, "Trong đó: cấp ủy viên các cấp", "Đảng viên", 30, 28],
        ["2", "Giám sát chuyên đề"],
        [None, "- Tổ chức đảng", "TCĐ", 25, 22],
        [None, "- Đảng viên", "Đảng viên", 40 + n, 41],
        ["3", "Thi hành kỷ luật"],
        [None, "- Tổ chức đảng", "TCĐ", 1, 0],
        [None, "- Đảng viên", "Đảng viên", 9 + n, 11],
        ["II", "ỦY BAN KIỂM TRA CÁC CẤP"],
        ["1", "Kiểm tra khi có dấu hiệu vi phạm"],
        [None, "- Tổ chức đảng", "TCĐ", 3, 2],
        [None, "Trong đó: kết luận có vi phạm", "TCĐ", 2, 2],
        [None, "- Đảng viên", "Đảng viên", 7 + n, 6],
        [None, "Trong đó: kết luận có vi phạm", "Đảng viên", 6, 5],
        [None, "                Phải thi hành kỷ luật", "Đảng viên", 4, 3],
        [
            "2",
            "Kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát",
            "TCĐ",
            12,
            10,
        ],
        ["3", "Thi hành kỷ luật"],
        [None, "- Tổ chức đảng", "TCĐ", 0, 1],
        [None, "- Đảng viên", "Đảng viên", 5 + n, 4],
        [],
        [None, None, None, f"{unit}, ngày 10 tháng 12 năm 2024"],
        ["NGƯỜI LẬP BIỂU", None, None, "T/M ỦY BAN KIỂM TRA"],
    ]
    return rows


def _units(folder: Path) -> Path:
    path = folder / "units.csv"
    path.write_text(
        "code,name,type,aliases\n001,Ba Đình,quận,\n017,Đông Anh,huyện,\n", encoding="utf-8"
    )
    return path


def _ba_dinh(
    folder: Path,
    sheets: dict[str, list[list[object]]],
    merges: dict[str, list[str]] | None = None,
    name: str = "ba-dinh.xlsx",
) -> ctr_stats.Report:
    """Ba Đình's workbook of these sheets, computed with Ba Đình and Đông Anh as registry."""
    write_xlsx(folder / name, sheets, merges)
    return ctr_stats.compute([folder / name], units_file=_units(folder), units_only=True)


def _phu_xuyen(
    folder: Path,
    sheets: dict[str, list[list[object]]],
    merges: dict[str, list[str]] | None = None,
) -> ctr_stats.Report:
    """A district's workbook of these sheets, computed with its district as the registry."""
    return _unit_workbook(folder, "phu-xuyen.xlsx", sheets, "280,Phú Xuyên,huyện", merges=merges)


def _unit_workbook(
    folder: Path,
    name: str,
    sheets: dict[str, list[list[object]]],
    *units: str,
    merges: dict[str, list[str]] | None = None,
) -> ctr_stats.Report:
    """A workbook of these sheets, computed with `units` ("code,name,type") as registry."""
    write_xlsx(folder / name, sheets, merges)
    registry = folder / "units.csv"
    registry.write_text("code,name,type\n" + "".join(f"{u}\n" for u in units), encoding="utf-8")
    return ctr_stats.compute([folder / name], units_file=registry, units_only=True)


def _two_annexes(folder: Path) -> ctr_stats.Report:
    """Ba Đình's and Đông Anh's inspection annexes (trial 5, F5)."""
    write_xlsx(folder / "ba-dinh.xlsx", {"Phụ lục KTGS": _annex("Ba Đình", 0)})
    write_xlsx(folder / "dong-anh.xlsx", {"Phụ lục KTGS": _annex("Đông Anh", 1, "HUYỆN ỦY")})
    return ctr_stats.compute([folder], units_file=_units(folder), units_only=True)


def _totals(report: ctr_stats.Report) -> dict[str, tuple[object, object]]:
    return {t.figures.indicator: (t.figures.actual, t.figures.prior) for t in report.totals}


def test_a_districts_annex_reads_each_body_and_each_object(tmp_path: Path) -> None:
    report = _two_annexes(tmp_path)
    assert _totals(report) == {
        "inspection.committee_check_orgs": (81, 76),
        "inspection.committee_check_members": (181, 176),  # under "CẤP ỦY, TỔ CHỨC ĐẢNG"
        "inspection.committee_supervise_orgs": (50, 44),
        "inspection.committee_supervise_members": (81, 82),
        "inspection.violation_check_orgs": (6, 4),
        "inspection.violation_check_members": (15, 12),
        "inspection.task_check_orgs": (24, 20),
        # each body's discipline apart: neither is all of it
        "inspection.committee_disciplined_orgs": (2, 0),
        "inspection.committee_disciplined_members": (19, 22),
        "inspection.commission_disciplined_orgs": (0, 2),
        "inspection.commission_disciplined_members": (11, 8),
    }
    unread = {(f.code, f.cell) for f in report.findings if f.file.endswith("ba-dinh.xlsx")}
    # the "Trong đó" items are named, the indented second one among them (it was a
    # heading at the top, and the commission's rows below it lost their body)
    assert unread == {
        ("unknown-criterion", "B16"),
        ("unknown-criterion", "B26"),
        ("unknown-criterion", "B28"),
        ("unknown-criterion", "B29"),
    }
    assert not [f for f in report.findings if f.severity.value == "error"]


def test_a_title_line_saying_what_the_form_comes_with_is_no_weakness(tmp_path: Path) -> None:
    rows = _annex("Ba Đình", 0)
    rows[6] = ["Mẫu ban hành kèm theo Quyết định số 885-QĐ/UBKTTW"]
    report = _ba_dinh(tmp_path, {"Mẫu 01": rows})
    assert _totals(report)["inspection.committee_check_orgs"] == (40, 38)
    assert _totals(report)["inspection.violation_check_members"] == (7, 6)


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        ("Mẫu ban hành kèm theo Quyết định số 885-QĐ/UBKTTW", set()),  # "kèm", not "kém"
        ("Chi bộ yếu kém", {"yếu kém"}),
        ("Chi bo yeu kem", {"yếu kém"}),  # marks left out are forgiven
        ("Chi bộ KÉM", {"yếu kém"}),
        ("Chi bộ KÈM", set()),  # another mark is another word
    ],
)
def test_a_word_with_other_marks_is_another_word(text: str, qualifiers: set[str]) -> None:
    assert load_catalogue().lexicon.read(text).qualifiers == qualifiers


def test_a_table_of_which_no_criterion_names_an_indicator_is_an_error(tmp_path: Path) -> None:
    rows = _title("Ba Đình")
    rows += [
        ["1", "Số tổ chức đảng được kiểm tra có vi phạm", "TCĐ", 4, 3],
        ["2", "Số đảng viên được kiểm tra có vi phạm", "Đảng viên", 9, 8],
    ]
    report = _ba_dinh(tmp_path, {"KT": rows})
    errors = [
        (f.code, f.cell, f.message_en) for f in report.findings if f.severity.value == "error"
    ]
    assert errors == [
        (
            "unread-sheet",
            "B12",
            "the table holds figures but none of its criteria was recognised, from B12 (and 1"
            " other rows): no figure was read",
        ),
        ("missing-unit", None, "Quận Ba Đình (001) sent no report"),
        ("missing-unit", None, "Huyện Đông Anh (017) sent no report"),
    ]
    assert report.totals == ()


def test_the_older_discipline_form_reads_its_year_and_the_year_before(tmp_path: Path) -> None:
    """Biểu 2-TCTW as trial 5 rebuilt it (nguyensonghao/quan_li_dang_vien, bieumau9):
    "Đã giải quyết › Trong năm báo cáo | Năm trước", "bị xử lý kỷ luật", "Theo 4 hình thức"."""
    rows: list[list[object]] = [
        [
            "Tỉnh (thành uỷ) Hà Nội\nHuyện (quận uỷ) Ba Đình\nBAN TỔ CHỨC",
            "BÁO CÁO ĐỘI NGŨ ĐẢNG VIÊN\nNăm 2024",
            None,
            "Biểu số 2 - TCTW",
        ],
        [],
        [],
        ["Số điện thoại: 024.3823.xxxx", None, None, "Đvt: Người"],
        ["CHỈ TIÊU", "Đã giải quyết", None, "(%) năm báo cáo so với năm trước"],
        [None, "Trong năm báo cáo", "Năm trước"],
        ["1", "2", "3", "4 = 2:3"],
        ["Tổng số đảng viên bị xử lý kỷ luật và đảng viên ra khỏi Đảng", 21, 22, 95.45],
        ["Phân tích:"],
        ["A. Tổng số đảng viên bị xử lý kỷ luật:", 15, 15, 100],
        ["1. Theo 4 hình thức:"],
        ["- Khiển trách", 8, 9, 88.89],
        ["- Cảnh cáo", 4, 3, 133.33],
        ["- Cách chức", 1, 1, 100],
        ["- Khai trừ", 2, 2, 100],
        ["B. Số đảng viên ra khỏi Đảng (xóa tên, cho ra khỏi Đảng)", 6, 7, 85.71],
        [],
        ["Người lập biểu", None, "Ba Đình, ngày 15 tháng 12 năm 2024\nBAN TỔ CHỨC QUẬN ỦY"],
    ]
    report = _ba_dinh(tmp_path, {"2-TCTW": rows}, {"2-TCTW": ["B5:C5", "A5:A6", "D5:D6"]})
    assert _totals(report) == {
        "inspection.disciplined_members": (15, 15),
        "inspection.disciplined_members_reprimand": (8, 9),
        "inspection.disciplined_members_warning": (4, 3),
        "inspection.disciplined_members_dismissed": (1, 1),
        "inspection.disciplined_members_expelled": (2, 2),
    }
    named = {(f.code, f.cell) for f in report.findings}
    # the row of discipline and leaving together, and leaving alone: not the catalogue's
    assert {("unknown-criterion", "A8"), ("unknown-criterion", "A16")} <= named


def test_a_column_naming_another_event_takes_no_thing_from_its_neighbours(
    tmp_path: Path,
) -> None:
    """A ward dashboard's export (trial 5, F4b): "Giám sát chuyên đề", "Kỷ luật" say not
    whether organizations or members; the two "Kiểm tra đảng viên …" columns beside them do
    not tell (they were read as the members', 30 and 5, with exit 0)."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
        ["ỦY BAN KIỂM TRA THÀNH ỦY"],
        ["TỔNG HỢP KẾT QUẢ KIỂM TRA, GIÁM SÁT NĂM 2025"],
        [],
        [
            "Cơ sở Đảng",
            "Kiểm tra đảng viên theo Điều 30",
            "Kiểm tra đảng viên khi có dấu hiệu vi phạm",
            "Giám sát chuyên đề",
            "Kỷ luật",
        ],
        ["Phường Ba Đình", 14, 2, 6, 1],
        ["Phường Hồng Hà", 11, 1, 5, 0],
        ["Tổng cộng", 25, 3, 11, 1],
    ]
    report = _unit_workbook(
        tmp_path, "ktgs.xlsx", {"KTGS": rows}, "00004,Ba Đình,phường", "00007,Hồng Hà,phường"
    )
    assert _totals(report) == {
        "inspection.committee_check_members": (25, None),
        "inspection.violation_check_members": (3, None),
    }
    assert {(f.code, f.cell) for f in report.findings} == {
        ("unknown-column", "D5"),
        ("unknown-column", "E5"),
    }


def test_an_annexs_in_which_columns_are_parts_of_what_was_done(tmp_path: Path) -> None:
    """A district's annex (trial 4, L1): "Kết nạp đảng viên › Chỉ tiêu | Kết quả | Tỷ lệ
    (%)" then "Trong đó › Nữ | Đoàn viên | Học sinh THPT | Sinh viên | Chủ DN tư nhân":
    each part column was an unknown-column error (exit 1 on clean data)."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["QUẬN ỦY BA ĐÌNH", None, None, None, "Ba Đình, ngày 05 tháng 01 năm 2024"],
        ["*"],
        [],
        ["PHỤ LỤC 01"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023 CỦA CÁC TỔ CHỨC CƠ SỞ ĐẢNG TRỰC THUỘC"],
        ["(Kèm theo Báo cáo số 125-BC/QU ngày 05/01/2024 của Ban Thường vụ Quận Ủy Ba Đình)"],
        [],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Kết nạp đảng viên",
            None,
            None,
            "Trong đó",
            None,
            None,
            None,
            None,
            "Ghi chú",
        ],
        [
            None,
            None,
            "Chỉ tiêu",
            "Kết quả",
            "Tỷ lệ (%)",
            "Nữ",
            "Đoàn viên",
            "Học sinh THPT",
            "Sinh viên",
            "Chủ DN tư nhân",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"],
        [1, "Đảng bộ phường Phúc Xá", 12, 14, 116.7, 8, 9, 0, 1, 0],
        [2, "Đảng bộ phường Trúc Bạch", 10, 9, 90, 5, 7, 1, 0, 1],
        [None, "Tổng cộng", 22, 23, 104.5, 13, 16, 1, 1, 1],
    ]
    merges = ["A9:A10", "B9:B10", "C9:E9", "F9:J9", "K9:K10"]
    # the rows are the district's grassroots organizations: the district's figures
    report = _unit_workbook(
        tmp_path, "PL01.xlsx", {"PL1": rows}, "001,Ba Đình,quận", merges={"PL1": merges}
    )
    assert {t.figures.indicator: (t.figures.plan, t.figures.actual) for t in report.totals} == {
        "admission.total": (22, 23),
        "admission.female": (None, 13),
        "admission.youth_union_member": (None, 16),
        "admission.high_school_student": (None, 1),
        "admission.university_student": (None, 1),
        "admission.business_owner": (None, 1),
    }
    assert report.findings == ()


def test_items_under_a_chia_theo_heading_are_no_breakdown_of_a_breakdown(tmp_path: Path) -> None:
    """Biểu 2-BTCTW as a cross-tab (trial 4, L8): "Chia theo nghề nghiệp:" over "4. Chủ
    doanh nghiệp tư nhân", "5. Học sinh trung học phổ thông", "6. Sinh viên": the heading's
    "chia theo" passed down made every item unknown (students lost, exit 0)."""
    rows: list[list[object]] = [
        [
            "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
            None,
            "THỐNG KÊ ĐẢNG VIÊN MỚI KẾT NẠP",
            None,
            "Biểu số 2-BTCTW",
        ],
        ["ĐẢNG BỘ QUẬN BA ĐÌNH", None, "NĂM 2023"],
        [],
        ["Chỉ tiêu", "Mã số", "Tổng số"],
        ["A", "B", "1"],
        ["Tổng số đảng viên mới kết nạp", "01", 52],
        ["Chia theo nghề nghiệp:"],
        ["1. Công nhân", "02", 10],
        ["4. Chủ doanh nghiệp tư nhân", "05", 1],
        ["5. Học sinh trung học phổ thông", "06", 2],
        ["6. Sinh viên", "07", 4],
        ["Kết nạp lại", "10", 1],
    ]
    report = _ba_dinh(tmp_path, {"Biểu 2": rows})
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "admission.total": 52,
        "admission.business_owner": 1,
        "admission.high_school_student": 2,
        "admission.university_student": 4,
        "admission.readmitted": 1,
    }


def test_verify_ties_each_bodys_discipline_and_the_half_year_to_the_data(tmp_path: Path) -> None:
    """Trial 5's draft against the annexes: "UBKT các cấp đã thi hành kỷ luật" is the
    commissions' discipline; discipline deserved ("phải thi hành kỷ luật") or a check of
    finances is no figure of the catalogue (they were compared with members disciplined
    and with checks on signs of violation: false mismatches); "6 tháng đầu năm," opening a
    paragraph is a period, checked against the data's year."""
    from ctr_stats.verify import verify

    data = _two_annexes(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Năm 2024, UBKT các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với 6 tổ chức đảng;"
        " phải thi hành kỷ luật 20 đảng viên; kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám"
        " sát đối với 24 tổ chức đảng; kiểm tra tài chính đảng 73 tổ chức đảng. UBKT các cấp"
        " đã thi hành kỷ luật 11 đảng viên. Cấp ủy các cấp đã thi hành kỷ luật 19 đảng viên.\n"
        "\n"
        "6 tháng đầu năm, toàn quận đã kết nạp 5 đảng viên.\n"
        "\n"
        "Năm 2024, UBKT các cấp kiểm tra khi có dấu hiệu vi phạm đối với 15 đảng viên, kết"
        " luận 12 đảng viên có vi phạm, trong đó 9 đảng viên vi phạm đến mức phải xử lý kỷ"
        " luật.\n",
        encoding="utf-8",
    )
    got = [(c.kind, c.anchor, c.status, c.indicator) for c in verify(draft, data)]
    assert got == [
        ("period", "2024", "ok", None),
        ("count", "6", "ok", "inspection.violation_check_orgs"),
        ("count", "20", "unmatched", None),
        ("count", "24", "ok", "inspection.task_check_orgs"),
        ("count", "73", "unmatched", None),
        ("count", "11", "ok", "inspection.commission_disciplined_members"),
        ("count", "19", "ok", "inspection.committee_disciplined_members"),
        ("period", "6 tháng đầu năm", "mismatch", None),
        ("count", "5", "unchecked", "admission.total"),
        # what the checks found is no count of those checked (trial 6: false mismatches)
        ("period", "2024", "ok", None),
        ("count", "15", "ok", "inspection.violation_check_members"),
        ("count", "12", "unmatched", None),
        ("count", "9", "unmatched", None),
    ]


def test_a_form_of_what_no_indicator_counts_is_no_error(tmp_path: Path) -> None:
    """A form of awards ("Tặng Huy hiệu Đảng") beside the reports: its rows name members and
    an event no indicator counts; nothing of the catalogue's is missing, no error."""
    rows = _title("Ba Đình")
    rows += [
        ["1", "Tặng Huy hiệu 70 năm tuổi Đảng", "Đảng viên", 12, 10],
        ["2", "Tặng Huy hiệu 50 năm tuổi Đảng", "Đảng viên", 40, 38],
    ]
    report = _ba_dinh(tmp_path, {"HH": rows}, name="huy-hieu.xlsx")
    assert {(f.code, f.severity.value) for f in report.findings if f.file} == {
        ("unknown-criterion", "warning")
    }


@pytest.mark.parametrize(
    "heading",
    [
        "Ban Thường vụ Huyện ủy",
        "BAN THƯỜNG VỤ HUYỆN ỦY VÀ CẤP ỦY CƠ SỞ",
        "Thường trực, Ban Thường vụ Huyện ủy",
    ],
)
def test_a_section_of_the_standing_committee_is_no_signature(tmp_path: Path, heading: str) -> None:
    """Trial 6: a section headed "II | Ban Thường vụ Huyện ủy" read as the signature block
    ("TM. BAN THƯỜNG VỤ"): the rows under it were dropped, with no finding and exit 0."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY PHÚ XUYÊN"],
        ["KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2024"],
        [],
        ["STT", "Nội dung", "Năm 2024", "Năm 2023"],
        ["I", "Ủy ban kiểm tra các cấp"],
        ["1", "Kiểm tra khi có dấu hiệu vi phạm"],
        [None, "- Tổ chức đảng", 2, 1],
        [None, "- Đảng viên", 5, 6],
        ["II", heading],
        ["1", "Kiểm tra"],
        [None, "- Tổ chức đảng", 36, 35],
        [None, "- Đảng viên", 80, 77],
        [],
        [None, None, "TM. BAN THƯỜNG VỤ"],
        [None, None, "PHÓ BÍ THƯ"],
    ]
    report = _phu_xuyen(tmp_path, {"KTGS": rows})
    assert _totals(report) == {
        "inspection.violation_check_orgs": (2, 1),
        "inspection.violation_check_members": (5, 6),
        "inspection.committee_check_orgs": (36, 35),
        "inspection.committee_check_members": (80, 77),
    }
    assert report.findings == ()


def test_sheets_titled_by_their_body_give_each_bodys_discipline(tmp_path: Path) -> None:
    """Trial 6: a sheet "… CỦA CẤP ỦY CÁC CẤP" beside one "… CỦA ỦY BAN KIỂM TRA CÁC CẤP",
    the same rows on both: each one's discipline was read as all discipline, and the two
    differed: a false duplicate-unit error on clean data, one sheet's figure dropped."""

    def sheet(body: str, first: str, n: int) -> list[list[object]]:
        return [
            ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
            ["HUYỆN ỦY PHÚ XUYÊN"],
            [f"KẾT QUẢ KIỂM TRA, GIÁM SÁT, THI HÀNH KỶ LUẬT CỦA {body} NĂM 2024"],
            [],
            ["STT", "Nội dung", "Năm 2024", "Năm 2023"],
            ["1", first],
            [None, "- Tổ chức đảng", 30 + n, 29],
            [None, "- Đảng viên", 70 + n, 69],
            ["2", "Thi hành kỷ luật"],
            [None, "- Tổ chức đảng", 0, 1],
            [None, "- Đảng viên", 6 - n, 6],
            [None, "Trong đó: + Khiển trách", 4 - n, 5],
            [None, "+ Cảnh cáo", 2, 1],
        ]

    report = _phu_xuyen(
        tmp_path,
        {
            "Cấp ủy": sheet("CẤP ỦY CÁC CẤP", "Kiểm tra", 0),
            "UBKT": sheet("ỦY BAN KIỂM TRA CÁC CẤP", "Kiểm tra khi có dấu hiệu vi phạm", 3),
        },
    )
    assert _totals(report) == {
        "inspection.committee_check_orgs": (30, 29),
        "inspection.committee_check_members": (70, 69),
        "inspection.violation_check_orgs": (33, 29),
        "inspection.violation_check_members": (73, 69),
        "inspection.committee_disciplined_orgs": (0, 1),
        "inspection.committee_disciplined_members": (6, 6),
        "inspection.committee_disciplined_members_reprimand": (4, 5),
        "inspection.committee_disciplined_members_warning": (2, 1),
        "inspection.commission_disciplined_orgs": (0, 1),
        "inspection.commission_disciplined_members": (3, 6),
        "inspection.commission_disciplined_members_reprimand": (1, 5),
        "inspection.commission_disciplined_members_warning": (2, 1),
    }
    assert report.findings == ()


@pytest.mark.parametrize("heading", ["Chia theo thành phần:", "Chia theo nghề nghiệp, thành phần:"])
def test_items_by_composition_are_read(tmp_path: Path, heading: str) -> None:
    """Trial 6: "thành phần" was a word not understood, passed down to "a) Sinh viên"."""
    rows: list[list[object]] = [
        ["QUẬN ỦY BA ĐÌNH"],
        ["KẾT QUẢ CÔNG TÁC KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Tiêu chí", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        ["1", "Kết nạp đảng viên mới", 150, 155, 140],
        ["2 -", heading],
        ["a -", "Sinh viên", None, 11, 10],
        ["b -", "Học sinh THPT", None, 3, 2],
    ]
    report = _ba_dinh(tmp_path, {"KN": rows})
    assert {
        t.figures.indicator: (t.figures.plan, t.figures.actual, t.figures.prior)
        for t in report.totals
    } == {
        "admission.total": (150, 155, 140),
        "admission.university_student": (None, 11, 10),
        "admission.high_school_student": (None, 3, 2),
    }


@pytest.mark.parametrize(
    ("written", "found"),
    [("ĐU P. Ngọc Hà", "Ngọc Hà"), ("ĐB phường Ngọc Hà", "Ngọc Hà"), ("Du Ngọc Hà", None)],
)
def test_a_committee_abbreviated_names_its_unit(written: str, found: str | None) -> None:
    """Trial 6: "ĐU P. Ngọc Hà" was unknown-unit (and a false missing-unit)."""
    from ctr_stats.catalogue import load_registry
    from ctr_stats.units import UnitMatcher

    match = UnitMatcher(load_registry("hanoi-2025")).match(written)
    assert (match.unit.name if match.unit else None) == found


@pytest.mark.parametrize(
    "heads",
    [
        ("Chỉ tiêu kết nạp", "Kết quả kết nạp"),
        ("Kế hoạch", "Kết nạp"),
        ("Chỉ tiêu giao", "Đã kết nạp"),
        ("KH", "TH"),
    ],
)
def test_a_communes_plan_beside_its_result_is_its_plan(
    tmp_path: Path, heads: tuple[str, str]
) -> None:
    """Trial 6: a commune's sheet of its cells under "BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN":
    a plan column written as a phrase ("Chỉ tiêu kết nạp") or as a measure alone beside the
    indicator ("Kế hoạch" | "Kết nạp") was an unknown-column warning, the plan lost, exit 0;
    "KH | TH" was unread-sheet."""
    rows: list[list[object]] = [
        ["ĐẢNG ỦY XÃ SÓC SƠN"],
        ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025"],
        [],
        ["STT", "Tên chi bộ", *heads],
        [1, "Chi bộ thôn Trung Giã", 3, 4],
        [2, "Chi bộ Trường THPT Sóc Sơn", 2, 3],
        [3, "Chi bộ thôn Kim Anh", 2, 1],
        [None, "Tổng cộng", 7, 8],
    ]
    report = _unit_workbook(tmp_path, "soc-son.xlsx", {"KN": rows}, "00376,Sóc Sơn,xã")
    assert [(t.figures.indicator, t.figures.plan, t.figures.actual) for t in report.totals] == [
        ("admission.total", 7, 8)
    ]
    assert report.findings == ()


def _balanced(report: ctr_stats.Report) -> bool:
    a = report.accounting
    return a.read == a.used + a.checked + a.numbering + len(a.unused) + a.refused


def test_columns_of_parts_beside_the_whole_read_each_part(tmp_path: Path) -> None:
    """Biểu 2-BTCTW as a cross-tab (trial 4, L8): "Tổng số | Trong đó › Nữ | Dân tộc thiểu
    số | Tôn giáo | Đoàn viên": the parts of each row's whole. The women among students are
    no indicator: named, not added."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", None, "THỐNG KÊ ĐẢNG VIÊN MỚI KẾT NẠP"],
        ["ĐẢNG BỘ QUẬN BA ĐÌNH", None, "NĂM 2023"],
        [],
        ["Chỉ tiêu", "Mã số", "Tổng số", "Trong đó"],
        [None, None, None, "Nữ", "Dân tộc thiểu số", "Tôn giáo", "Đoàn viên TNCS Hồ Chí Minh"],
        ["A", "B", "1", "2", "3", "4", "5"],
        ["Tổng số đảng viên mới kết nạp", "01", 52, 27, 1, 2, 36],
        ["Chia theo nghề nghiệp:"],
        ["1. Công nhân", "02", 10, 5, 0, 0, 7],
        ["6. Sinh viên", "07", 4, 2, 0, 0, 3],
    ]
    report = _ba_dinh(tmp_path, {"Biểu 2": rows}, {"Biểu 2": ["A4:A5", "B4:B5", "C4:C5", "D4:G4"]})
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "admission.total": 52,
        "admission.female": 27,
        "admission.ethnic_minority": 1,
        "admission.religious": 2,
        "admission.youth_union_member": 36,
        "admission.university_student": 4,
    }
    assert {(f.code, f.cell) for f in report.findings if f.code != "missing-unit"} == {
        ("unknown-column", "B4"),  # "Mã số": row codes typed as text
        ("unknown-criterion", "A9"),  # "Công nhân": no indicator, its row named whole
        ("unknown-criterion", "D10"),  # the students' women, ethnic… (D10:G10)
    }
    assert _balanced(report)


def test_columns_of_what_was_checked_beside_rows_of_who_checked(tmp_path: Path) -> None:
    """A district's annex (trial 6, Hoàng Mai): "Nội dung | Năm 2024 › Tổ chức đảng | Đảng
    viên | Năm 2023 › …", rows naming the body and the check: it was an unread-sheet error
    and a false duplicate-column."""
    rows: list[list[object]] = [
        ["QUẬN ỦY HOÀNG MAI"],
        ["KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2024"],
        [],
        ["STT", "Nội dung", "Năm 2024", None, "Năm 2023"],
        [None, None, "Tổ chức đảng", "Đảng viên", "Tổ chức đảng", "Đảng viên"],
        ["1", "Cấp ủy các cấp kiểm tra", 45, 101, 41, 97],
        ["2", "UBKT các cấp kiểm tra khi có dấu hiệu vi phạm", 4, 9, 3, 8],
    ]
    report = _unit_workbook(
        tmp_path,
        "hoang-mai.xlsx",
        {"KTGS": rows},
        "008,Hoàng Mai,quận",
        merges={"KTGS": ["C4:D4", "E4:F4"]},
    )
    assert _totals(report) == {
        "inspection.committee_check_orgs": (45, 41),
        "inspection.committee_check_members": (101, 97),
        "inspection.violation_check_orgs": (4, 3),
        "inspection.violation_check_members": (9, 8),
    }
    assert report.findings == ()
    assert _balanced(report)


def test_one_column_of_a_part_is_a_part(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["THỐNG KÊ ĐẢNG VIÊN MỚI KẾT NẠP NĂM 2023"],
        [],
        ["Chỉ tiêu", "Tổng số", "Trong đó"],
        [None, None, "Nữ"],
        ["Tổng số đảng viên mới kết nạp", 52, 27],
    ]
    report = _ba_dinh(tmp_path, {"KN": rows}, {"KN": ["A4:A5", "B4:B5"]})
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "admission.total": 52,
        "admission.female": 27,
    }


def test_forms_of_discipline_down_the_rows_of_each_bodys_sheet(tmp_path: Path) -> None:
    """Trial 7 (d2): "Hình thức kỷ luật | Số lượng › Tổ chức đảng | Đảng viên", the forms
    down the rows and their "Cộng", on sheets titled by their body: it was unread-sheet."""

    def sheet(body: str, n: int) -> list[list[object]]:
        return [
            ["HUYỆN ỦY PHÚ XUYÊN"],
            [f"KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG CỦA {body} NĂM 2023"],
            [],
            ["STT", "Hình thức kỷ luật", "Số lượng", None],
            [None, None, "Tổ chức đảng", "Đảng viên"],
            [1, "Khiển trách", 2, 5 + n],
            [2, "Cảnh cáo", 1, 3],
            [3, "Khai trừ", None, 2],
            [None, "Cộng", 3, 10 + n],
        ]

    report = _phu_xuyen(
        tmp_path,
        {"Cấp ủy": sheet("CẤP ỦY CÁC CẤP", 0), "UBKT": sheet("ỦY BAN KIỂM TRA CÁC CẤP", 1)},
        {"Cấp ủy": ["C4:D4"], "UBKT": ["C4:D4"]},
    )
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "inspection.committee_disciplined_orgs": 3,
        "inspection.committee_disciplined_members": 10,
        "inspection.commission_disciplined_orgs": 3,
        "inspection.commission_disciplined_members": 11,
        "inspection.committee_disciplined_orgs_reprimand": 2,
        "inspection.committee_disciplined_orgs_warning": 1,
        "inspection.committee_disciplined_members_reprimand": 5,
        "inspection.committee_disciplined_members_warning": 3,
        "inspection.committee_disciplined_members_expelled": 2,
        "inspection.commission_disciplined_orgs_reprimand": 2,
        "inspection.commission_disciplined_orgs_warning": 1,
        "inspection.commission_disciplined_members_reprimand": 6,
        "inspection.commission_disciplined_members_warning": 3,
        "inspection.commission_disciplined_members_expelled": 2,
    }
    assert report.findings == ()
    assert _balanced(report)


def test_a_total_row_of_checks_is_no_count_of_members(tmp_path: Path) -> None:
    """Trial 7 (f12, i1): a "Cộng" row under rows of two kinds of check, with "Tổ chức
    đảng | Đảng viên" columns, was published as the members on the rolls, exit 0."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY PHÚ XUYÊN"],
        ["KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2024"],
        [],
        ["STT", "Nội dung", "Năm 2024", None, "Năm 2023", None],
        [None, None, "Tổ chức đảng", "Đảng viên", "Tổ chức đảng", "Đảng viên"],
        [1, "Cấp ủy các cấp kiểm tra", 20, 10, 18, 9],
        [2, "UBKT các cấp kiểm tra khi có dấu hiệu vi phạm", 3, 5, 2, 4],
        [None, "Cộng", 23, 15, 20, 13],
    ]
    report = _phu_xuyen(tmp_path, {"KT": rows}, {"KT": ["C4:D4", "E4:F4"]})
    assert _totals(report) == {
        "inspection.committee_check_orgs": (20, 18),
        "inspection.committee_check_members": (10, 9),
        "inspection.violation_check_orgs": (3, 2),
        "inspection.violation_check_members": (5, 4),
    }
    assert [(f.code, f.cell) for f in report.findings] == [("unknown-criterion", "B8")]


@pytest.mark.parametrize(
    ("header", "merges"),
    [
        # measures over the whole and its part
        (
            [
                ["Chỉ tiêu", "Kế hoạch", None, "Thực hiện", None],
                [None, "Tổng số", "Nữ", "Tổng số", "Nữ"],
            ],
            ["A4:A5", "B4:C4", "D4:E4"],
        ),
        # the whole and its part over the measures
        (
            [
                ["Chỉ tiêu", "Tổng số", None, "Nữ", None],
                [None, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"],
            ],
            ["A4:A5", "B4:C4", "D4:E4"],
        ),
    ],
)
def test_a_part_beside_its_whole_under_each_measure(
    tmp_path: Path, header: list[list[object]], merges: list[str]
) -> None:
    """Trial 7 (f10): "Kế hoạch › Tổng số | Nữ": "Tổng số" under a measure was read as a
    measure, the plan taken for the result (50/25 for 55/50, exit 1 only by chance);
    "Tổng số › KH | TH", "Nữ › KH | TH": every "Nữ" a false duplicate-column."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        *header,
        ["Kết nạp đảng viên mới", 50, 25, 55, 30]
        if header[1][1] == "Tổng số"
        else ["Kết nạp đảng viên mới", 50, 55, 25, 30],
    ]
    report = _ba_dinh(tmp_path, {"KN": rows}, {"KN": merges})
    assert {t.figures.indicator: (t.figures.plan, t.figures.actual) for t in report.totals} == {
        "admission.total": (50, 55),
        "admission.female": (25, 30),
    }


def test_in_which_women_typed_in_one_cell_is_the_womens_column(tmp_path: Path) -> None:
    """Trial 7 (f13): "Trong đó nữ" in one header cell was an unknown-column warning."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["Chỉ tiêu", "Thực hiện", "Trong đó nữ"],
        ["Kết nạp đảng viên mới", 55, 30],
    ]
    report = _ba_dinh(tmp_path, {"KN": rows})
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "admission.total": 55,
        "admission.female": 30,
    }


@pytest.mark.parametrize(
    ("label", "title", "read"),
    [
        ("Kết nạp đảng viên năm 2024", "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024", True),
        ("Kết nạp đảng viên 6 tháng đầu năm", "BÁO CÁO 6 THÁNG ĐẦU NĂM 2024", True),
        ("Kết nạp đảng viên 6 tháng đầu năm 2024", "BÁO CÁO 6 THÁNG ĐẦU NĂM 2024", True),
        # another period's figures are never read as this one's
        ("Kết nạp đảng viên năm 2023", "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024", False),
        ("Kết nạp đảng viên 6 tháng đầu năm", "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024", False),
    ],
)
def test_a_label_naming_its_sheets_own_period(
    tmp_path: Path, label: str, title: str, read: bool
) -> None:
    """Trial 8: "Kết nạp đảng viên năm 2024" (a row, or a heading over the measures) in a
    2024 report left the sheet unread: a false missing-unit, exit 1, on clean data."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        [title],
        [],
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        [1, label, 55, 60, 52],
    ]
    report = _ba_dinh(tmp_path, {"KN": rows})
    got = {
        t.figures.indicator: (t.figures.plan, t.figures.actual, t.figures.prior)
        for t in report.totals
    }
    assert got == ({"admission.total": (55, 60, 52)} if read else {})


def test_a_heading_over_the_measures_naming_its_sheets_own_period(tmp_path: Path) -> None:
    """Trial 8 (vcol): "Kết nạp đảng viên năm 2024" merged over "Kế hoạch | Thực hiện |
    Cùng kỳ" of a city's sheet of districts."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
        ["TỔNG HỢP KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Đơn vị", "Kết nạp đảng viên năm 2024", None, None],
        [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        [1, "Quận Ba Đình", 60, 64, 58],
        [2, "Huyện Đông Anh", 65, 68, 63],
        [None, "Tổng cộng", 125, 132, 121],
    ]
    report = _ba_dinh(tmp_path, {"TH": rows}, {"TH": ["A4:A5", "B4:B5", "C4:E4"]})
    assert _totals(report) == {"admission.total": (132, 121)}
    assert report.totals[0].figures.plan == 125
    assert report.findings == ()


def test_columns_of_what_was_checked_with_no_measure_written(tmp_path: Path) -> None:
    """ "Nội dung | Tổ chức đảng | Đảng viên" with no measure nor year over them: the counts
    of what the period's report says was done. It was an unread-sheet error, and the unit
    missing, on clean data."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["ỦY BAN KIỂM TRA"],
        [],
        ["BÁO CÁO KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT 6 THÁNG ĐẦU NĂM 2025"],
        [],
        ["STT", "Nội dung", "Tổ chức đảng", "Đảng viên"],
        ["1", "Kiểm tra khi có dấu hiệu vi phạm", 3, 7],
        ["2", "Giám sát chuyên đề", 12, 20],
        ["3", "Thi hành kỷ luật", 1, 5],
        [],
        [None, None, "TM. ỦY BAN KIỂM TRA"],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"KTGS": rows}, "017,Đông Anh,huyện")
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "inspection.violation_check_orgs": 3,
        "inspection.violation_check_members": 7,
        "inspection.thematic_supervise_orgs": 12,
        "inspection.thematic_supervise_members": 20,
        "inspection.disciplined_orgs": 1,
        "inspection.disciplined_members": 5,
    }
    assert report.findings == ()
    assert _balanced(report)


def test_a_list_of_names_under_content_is_no_table_of_counts(tmp_path: Path) -> None:
    """Headings that name things but head names and dates, not counts, make no table."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["DANH SÁCH ĐẢNG VIÊN ĐƯỢC KIỂM TRA NĂM 2024"],
        [],
        ["STT", "Nội dung", "Đảng viên"],
        ["1", "Kiểm tra khi có dấu hiệu vi phạm", "Nguyễn Văn A"],
        ["2", "Giám sát chuyên đề", "Trần Thị B"],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"DS": rows}, "017,Đông Anh,huyện")
    assert report.totals == ()
    assert {f.code for f in report.findings} <= {"no-figures", "missing-unit", "not-a-report"}


def test_measures_beside_a_part_are_the_titles_whole(tmp_path: Path) -> None:
    """Trial 9 (P1): "Kế hoạch | Thực hiện | Cùng kỳ | Trong đó: Nữ" under an admissions
    title: the measures are the admissions' (the women a part of them). The whole was
    dropped, exit 0, and only the women printed."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["BAN TỔ CHỨC"],
        [],
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Cùng kỳ", "Trong đó: Nữ"],
        [1, "Đảng bộ xã Uy Nỗ", 20, 21, 18, 9],
        [2, "Đảng bộ xã Cổ Loa", 15, 16, 14, 7],
        [3, "Đảng bộ Công an huyện", 10, 9, 10, 3],
        [None, "Tổng cộng", 45, 46, 42, 19],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"KN": rows}, "017,Đông Anh,huyện")
    got = {
        t.figures.indicator: (t.figures.plan, t.figures.actual, t.figures.prior)
        for t in report.totals
    }
    assert got == {"admission.total": (45, 46, 42), "admission.female": (None, 19, None)}
    assert report.findings == ()
    assert _balanced(report)


# Biểu 10-TCTW's organizations (section I), as two trials typed them, and what they count
TCTW10_ORGANIZATIONS: list[list[object]] = [
    ["a - Đảng bộ cơ sở:", 35, 34],
    ["Trong đó: + Đảng bộ bộ phận", 1, 1],
    ["+ Chi bộ trực thuộc đảng bộ cơ sở", 444, 430],
    ["b - Chi bộ cơ sở:", 70, 70],
]
TCTW10_FIGURES = {
    "party_cell.grassroots_committee": (35, 34),
    "party_cell.grassroots_cell": (70, 70),
    "party_cell.subordinate_cell": (444, 430),
    "party_cell.partial_committee": (1, 1),
}


@pytest.mark.parametrize("heading", [True, False])
def test_kinds_of_organization_under_a_heading_listing_two_things(
    tmp_path: Path, heading: bool
) -> None:
    """Trial 9 (P2): Biểu 10-TCTW's "I - Tổ chức đảng và đảng viên" over "a - Đảng bộ cơ
    sở:" and its items: each a kind of one thing the heading lists. They were unknown
    criteria, and the unit missing."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["BAN TỔ CHỨC"],
        [],
        ["BÁO CÁO VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN NĂM 2024", None, None, "Biểu số 10-TCTW"],
        [],
        ["Chỉ tiêu", "Năm báo cáo", "Năm trước"],
        ["1", "2", "3"],
        *([["I - Tổ chức đảng và đảng viên"]] if heading else []),
        *TCTW10_ORGANIZATIONS,
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"10-TCTW": rows}, "017,Đông Anh,huyện")
    assert _totals(report) == TCTW10_FIGURES
    assert report.findings == ()


def test_units_having_an_organization_count_its_kinds_one_each() -> None:
    """ "Số đơn vị cơ sở đã có TCCSĐ" › "a - Đảng bộ cơ sở" (Biểu 10-TCTW): a unit has one
    organization, so its kinds are counted; a heading that says another thing of units
    ("chưa có") lists nothing to count."""
    catalogue = load_catalogue()
    lexicon = catalogue.lexicon
    for heading, read in [
        ("Tổ chức đảng và đảng viên", "party_cell.grassroots_committee"),
        ("Tổ chức đảng, đảng viên", "party_cell.grassroots_committee"),
        ("Số đơn vị cơ sở đã có TCCSĐ", "party_cell.grassroots_committee"),
        ("Tổng số đơn vị cơ sở", "party_cell.grassroots_committee"),
        ("Số đơn vị cơ sở chưa có TCCSĐ", None),
    ]:
        meaning = lexicon.under(lexicon.read("Đảng bộ cơ sở"), lexicon.read(heading))
        assert catalogue.recognise(meaning).indicator == read, heading


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("ỦY BAN KIỂM TRA HUYỆN ỦY ĐÔNG ANH", "dong anh"),
        ("UBKT HUYỆN ỦY ĐÔNG ANH", "dong anh"),
        ("BAN TỔ CHỨC QUẬN ỦY BA ĐÌNH", "ba dinh"),
        ("ỦY BAN KIỂM TRA THÀNH ỦY HÀ NỘI", None),  # the city's: named, no unit of it
    ],
)
def test_a_department_before_its_committee_on_one_line(
    tmp_path: Path, line: str, owner: str | None
) -> None:
    """Trial 9 (P3): "ỦY BAN KIỂM TRA HUYỆN ỦY ĐÔNG ANH" under the city's line was no unit:
    an unknown-unit and a false missing-unit, exit 1."""
    from ctr_stats.layout.title import read_owner

    assert read_owner(["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", line])[0] == owner


@pytest.mark.parametrize("whole", ["Cộng", "Tổng số", "Tổng cộng"])
def test_a_total_column_beside_the_forms_of_discipline_is_checked(
    tmp_path: Path, whole: str
) -> None:
    """Trial 9 (P4): "Khiển trách | Cảnh cáo | Cách chức | Khai trừ | Cộng" under a title of
    members disciplined: "Cộng" is the members disciplined, checked against its forms (a
    slip in it passed as an unknown-column warning, exit 0)."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["ỦY BAN KIỂM TRA"],
        [],
        ["KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Tổ chức cơ sở đảng", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", whole],
        [1, "Đảng bộ xã Uy Nỗ", 1, 0, 0, 0, 2],  # the forms add up to 1
        [2, "Đảng bộ xã Cổ Loa", 0, 1, 0, 1, 2],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"KL": rows}, "017,Đông Anh,huyện")
    members = {t.figures.indicator: t.figures.actual for t in report.totals}
    assert members["inspection.disciplined_members"] == 4
    assert [
        (f.code, f.cell)
        for f in ctr_stats.check(
            [tmp_path / "dong-anh.xlsx"], units_file=tmp_path / "units.csv", units_only=True
        ).findings
    ] == [("sum-mismatch", "G7")]


def test_explain_unused_names_a_sheet_not_read(tmp_path: Path) -> None:
    """Trial 9 (P5): a stray party-fee workbook is an unread-sheet error; `explain --unused`
    said "0 not used" and named nothing."""
    from .test_cli import run

    write_xlsx(
        tmp_path / "dong-anh.xlsx",
        {
            "Kết nạp": [
                ["HUYỆN ỦY ĐÔNG ANH"],
                ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
                [],
                ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
                [1, "Đảng bộ xã Uy Nỗ", 20, 21],
            ]
        },
    )
    write_xlsx(
        tmp_path / "dang-phi-2024.xlsx",
        {
            "Đảng phí": [
                ["VĂN PHÒNG THÀNH ỦY"],
                ["TỔNG HỢP THU, NỘP ĐẢNG PHÍ NĂM 2024"],
                [],
                ["STT", "Đơn vị", "Số đảng viên nộp đảng phí", "Số tiền thu (đồng)"],
                [1, "Đông Anh", 11900, 1250000000],
                [2, "Ba Đình", 15243, 1830000000],
            ]
        },
    )
    (tmp_path / "units.csv").write_text("code,name,type\n017,Đông Anh,huyện\n", encoding="utf-8")
    result = run(
        "explain", "--unused", ".", "--units-only", "units.csv", "--lang", "en", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    said = lines.index(
        "These sheets hold figures but no table of them was read (not counted above):"
    )
    assert lines[said + 1].startswith("error unread-sheet: dang-phi-2024.xlsx!Đảng phí!")


@pytest.mark.parametrize(
    ("typed", "read"), [("Thực hiện năm nay", True), ("Thực hiện lũy kế", False)]
)
def test_a_measure_typed_otherwise_is_read_or_said_unread(
    tmp_path: Path, typed: str, read: bool
) -> None:
    """Trial 9 (P6): "Thực hiện năm nay" is the actual. A header not understood is an
    unknown-column error, and the unit's figure is said not read, never "left empty"."""
    (tmp_path / "in").mkdir()
    for name, unit, actual in (
        ("dong-anh", "HUYỆN ỦY ĐÔNG ANH", "Thực hiện"),
        ("ba-dinh", "QUẬN ỦY BA ĐÌNH", typed),
    ):
        write_xlsx(
            tmp_path / "in" / f"{name}.xlsx",
            {
                "Kết nạp": [
                    [unit],
                    ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
                    [],
                    ["STT", "Đơn vị", "Kế hoạch", actual, "Cùng kỳ"],
                    [1, "Đảng bộ phường A", 20, 21, 18],
                    [2, "Đảng bộ phường B", 15, 16, 14],
                ]
            },
        )
    report = ctr_stats.check([tmp_path / "in"], units_file=_units(tmp_path), units_only=True)
    said = {f.code: f.message("en") for f in report.findings}
    if read:
        assert said == {}
        computed = ctr_stats.compute(
            [tmp_path / "in"], units_file=_units(tmp_path), units_only=True
        )
        assert _totals(computed) == {"admission.total": (74, 64)}
    else:
        assert said["unknown-column"].startswith("column 'Thực hiện lũy kế'")
        assert said["missing-now"] == (
            "'New members admitted': reported last period (32), none read for this period"
        )


INSPECTION_ROWS: list[list[object]] = [
    ["Nội dung", "Kế hoạch", "Thực hiện"],
    ["I. CẤP ỦY CÁC CẤP"],
    ["1. Kiểm tra"],
    ["- Tổ chức đảng", 9, 10],
    ["- Đảng viên", 12, 13],
]


@pytest.mark.parametrize(
    "title",
    [
        "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ KIỂM TRA, GIÁM SÁT NĂM 2024",
        "BÁO CÁO KẾT QUẢ NHIỆM VỤ KIỂM TRA, GIÁM SÁT NĂM 2024",
    ],
)
def test_a_title_naming_the_inspection_work_as_its_subject(tmp_path: Path, title: str) -> None:
    """Trial 11 (1): an inspection commission's usual title named the check of that task
    for every row: all unknown, unread-sheet and a false missing-unit, exit 1."""
    rows = [["QUẬN ỦY CẦU GIẤY"], [], [title], [], *INSPECTION_ROWS]
    report = _unit_workbook(tmp_path, "cau-giay.xlsx", {"KTGS": rows}, "005,Cầu Giấy,quận")
    assert {t.figures.indicator: (t.figures.plan, t.figures.actual) for t in report.totals} == {
        "inspection.committee_check_orgs": (9, 10),
        "inspection.committee_check_members": (12, 13),
    }
    assert report.findings == ()


DISCIPLINE = {
    "reprimand": (1, 6),
    "warning": (1, 3),
    "dismissed": (None, 1),
    "expelled": (None, 2),
}


@pytest.mark.parametrize(
    "header",
    [
        [["Nội dung", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", "Cộng"]],
        [
            ["Nội dung", "Hình thức kỷ luật", None, None, None, "Cộng"],
            [None, "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", None],
        ],
        [["Chỉ tiêu", "Tổng số", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"]],
    ],
)
def test_forms_of_discipline_across_the_columns(tmp_path: Path, header: list[list[object]]) -> None:
    """Trial 11 (2, 3): the forms across the columns beside a "Cộng" or "Tổng số" column,
    with no measure written. The first two were unread-sheet (exit 1); the third read
    "Đảng viên | 12" as the members on the rolls, exit 0."""
    total_first = header[0][1] == "Tổng số"
    rows: list[list[object]] = [
        ["ỦY BAN KIỂM TRA HUYỆN ỦY ĐÔNG ANH"],
        [],
        ["BÁO CÁO KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG NĂM 2024"],
        [],
        *header,
        [
            "1. Tổ chức đảng",
            *([2] if total_first else []),
            1,
            1,
            None,
            None,
            *([] if total_first else [2]),
        ],
        [
            "2. Đảng viên",
            *([12] if total_first else []),
            6,
            3,
            1,
            2,
            *([] if total_first else [12]),
        ],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"KL": rows}, "017,Đông Anh,huyện")
    expected = {"inspection.disciplined_orgs": 2, "inspection.disciplined_members": 12}
    for form, (orgs, members) in DISCIPLINE.items():
        if orgs is not None:
            expected[f"inspection.disciplined_orgs_{form}"] = orgs
        expected[f"inspection.disciplined_members_{form}"] = members
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == expected
    assert report.findings == ()
    assert _balanced(report)


def test_parts_beside_a_total_with_no_in_which(tmp_path: Path) -> None:
    """Trial 10 (P3): "Tổng số | Nữ | Dân tộc thiểu số | Tôn giáo" with no "Trong đó" over
    the parts: each part read (only the total was, the rest warnings)."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2019"],
        [],
        ["Chỉ tiêu", "Tổng số", "Nữ", "Dân tộc thiểu số", "Tôn giáo"],
        ["Đảng viên mới kết nạp", 603, 359, 14, 5],
    ]
    report = _unit_workbook(tmp_path, "ba-dinh.xlsx", {"KN": rows}, "001,Ba Đình,quận")
    assert {t.figures.indicator: t.figures.actual for t in report.totals} == {
        "admission.total": 603,
        "admission.female": 359,
        "admission.ethnic_minority": 14,
        "admission.religious": 5,
    }
    assert report.findings == ()


def test_a_part_of_the_row_above_is_not_that_row_again(tmp_path: Path) -> None:
    """Trial 10 (P1): "Trong đó: Ủy ban Kiểm tra Tỉnh ủy kiểm tra" under "Kiểm tra khi có
    dấu hiệu vi phạm" was a duplicate-criterion error (exit 1) on correct data: a part of
    the row above that no indicator counts, named, not added."""
    rows: list[list[object]] = [
        ["ĐẢNG ỦY XÃ TÂN LẬP"],
        ["KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT 9 THÁNG NĂM 2022"],
        [],
        ["TT", "Nội dung", "Tổ chức đảng", "Đảng viên"],
        ["I", "Ủy ban kiểm tra các cấp"],
        [1, "Kiểm tra khi có dấu hiệu vi phạm", 4, 28],
        [None, "Trong đó: Ủy ban Kiểm tra Tỉnh ủy kiểm tra", 3, 16],
    ]
    report = _unit_workbook(tmp_path, "tan-lap.xlsx", {"KT": rows}, "X,Tân Lập,xã")
    assert _totals(report) == {
        "inspection.violation_check_orgs": (4, None),
        "inspection.violation_check_members": (28, None),
    }
    assert [(f.code, f.severity.value, f.cell) for f in report.findings] == [
        ("unknown-criterion", "warning", "B7")
    ]
    assert _balanced(report)


@pytest.mark.parametrize(
    ("title", "registry"),
    [
        ("TỈNH ỦY KHÁNH HÒA", "KH,Khánh Hòa,tỉnh"),
        ("ĐẢNG BỘ TỈNH KHÁNH HÒA", "KH,Khánh Hòa,Tỉnh"),
    ],
)
def test_a_province_is_a_unit_of_a_registry_of_provinces(
    tmp_path: Path, title: str, registry: str
) -> None:
    """Trial 10 (P2): a province's own report, in a registry of provinces, was unknown-unit
    and a false missing-unit (exit 1)."""
    rows: list[list[object]] = [
        [title],
        ["ỦY BAN KIỂM TRA"],
        ["KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT 9 THÁNG NĂM 2022"],
        [],
        ["TT", "Nội dung", "Tổ chức đảng", "Đảng viên"],
        [1, "Giám sát chuyên đề", 106, 392],
    ]
    report = _unit_workbook(
        tmp_path, "khanh-hoa.xlsx", {"KT": rows}, registry, "NT,Ninh Thuận,tỉnh"
    )
    assert {(u.code, u.figures.indicator, u.figures.actual) for u in report.units} == {
        ("KH", "inspection.thematic_supervise_orgs", 106),
        ("KH", "inspection.thematic_supervise_members", 392),
    }
    assert [f.code for f in report.findings] == ["missing-unit"]  # Ninh Thuận's


def test_the_citys_own_sheet_is_no_district(tmp_path: Path) -> None:
    """The city's consolidated sheet (its title names the city only) stays the city's: its
    rows are the units."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
        ["TỔNG HỢP KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
        [1, "Quận Ba Đình", 60, 64],
        [2, "Huyện Đông Anh", 65, 68],
    ]
    report = _ba_dinh(tmp_path, {"TH": rows}, name="ha-noi.xlsx")
    assert {(u.code, u.figures.actual) for u in report.units} == {("001", 64), ("017", 68)}


def test_ethnic_minority_written_otherwise() -> None:
    """Trial 10 (P4): "Dân tộc ít người" is the ethnic minorities."""
    catalogue = load_catalogue()
    assert catalogue.indicator_for("Kết nạp đảng viên là người dân tộc ít người") == (
        "admission.ethnic_minority"
    )


def test_levels_of_the_committees_are_never_one_of_them_taken_for_all(tmp_path: Path) -> None:
    """Trial 10 (P5): "- Ban Thường vụ Đảng ủy thi hành kỷ luật | 2" beside "- Đảng ủy cơ
    sở và chi bộ thi hành kỷ luật | 14": the second was a warning, and the committees'
    discipline 2, exit 0. Which levels make the committees' figure is not guessed: an
    error names the second."""
    rows: list[list[object]] = [
        ["ĐẢNG ỦY XÃ TÂN LẬP"],
        ["KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG NĂM 2018"],
        [],
        ["TT", "Nội dung", "Năm 2018", "Cùng kỳ năm 2017"],
        [1, "Thi hành kỷ luật đảng viên", 19, 19],
        [None, "Trong đó:"],
        [None, "- Ban Thường vụ Đảng ủy thi hành kỷ luật", 2, None],
        [None, "- Ủy ban kiểm tra các cấp thi hành kỷ luật", 3, None],
        [None, "- Đảng ủy cơ sở và chi bộ thi hành kỷ luật", 14, None],
    ]
    report = _unit_workbook(tmp_path, "tan-lap.xlsx", {"KL": rows}, "X,Tân Lập,xã")
    assert _totals(report)["inspection.commission_disciplined_members"] == (3, None)
    assert [(f.code, f.severity.value, f.cell) for f in report.findings] == [
        ("duplicate-criterion", "error", "C9")
    ]


def test_a_measure_naming_the_sheets_own_quarter(tmp_path: Path) -> None:
    """Trial 10 (P6): "Kết nạp quý I" in a sheet of "QUÝ I NĂM 2014" was no measure: an
    unread-sheet and a false missing-unit, exit 1."""
    rows: list[list[object]] = [
        ["THÀNH ỦY HẢI DƯƠNG"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN QUÝ I NĂM 2014"],
        [],
        ["TT", "Tổ chức cơ sở đảng", "Kết nạp quý I"],
        [1, "Đảng bộ xã Thượng Đạt", 4],
        [2, "Các tổ chức cơ sở đảng còn lại", 42],
        [None, "Toàn Đảng bộ thành phố", 46],
    ]
    report = _unit_workbook(tmp_path, "hai-duong.xlsx", {"KN": rows}, "HD,Hải Dương,thành phố")
    assert _totals(report) == {"admission.total": (46, None)}
    assert report.findings == ()


def test_a_plan_given_on_the_total_row_alone(tmp_path: Path) -> None:
    """Trial 10 (P7): the year's plan typed on the committee's total row only, its rows'
    plan cells empty: the unit's plan (it was a total-mismatch error, the plan lost)."""
    rows: list[list[object]] = [
        ["THÀNH ỦY HẢI DƯƠNG"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN QUÝ I NĂM 2014"],
        [],
        ["TT", "Tổ chức cơ sở đảng", "Kế hoạch năm 2014", "Kết nạp"],
        [1, "Đảng bộ xã Thượng Đạt", None, 4],
        [2, "Các tổ chức cơ sở đảng còn lại", None, 42],
        [None, "Toàn Đảng bộ thành phố", 200, 46],
    ]
    report = _unit_workbook(tmp_path, "hai-duong.xlsx", {"KN": rows}, "HD,Hải Dương,thành phố")
    (total,) = report.totals
    assert (total.figures.plan, total.figures.actual) == (200, 46)
    assert report.units[0].cells["plan"].describe().endswith("!C7")
    assert [f.code for f in report.findings] == []  # 23% of the year's plan in a quarter
    assert _balanced(report)
    assert report.accounting.checked == 1  # the total of the rows


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN QUÝ I NĂM 2014", None),  # 11%: above a quarter's 10%
        (
            "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM 2014",
            "outside 20%–250% (the year's plan, a 6-month period)",
        ),
        ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2014", "outside 40%–250%"),
    ],
)
def test_far_from_the_years_plan_in_part_of_a_year(
    tmp_path: Path, title: str, said: str | None
) -> None:
    """Trials 10 (P8) and 11 (6): a quarter's admissions against the year's plan were "far
    from plan" below 40%; part of a year is held to its share of that bound."""
    rows: list[list[object]] = [
        ["THÀNH ỦY HẢI DƯƠNG"],
        [title],
        [],
        ["TT", "Tổ chức cơ sở đảng", "Kế hoạch", "Kết nạp"],
        [1, "Đảng bộ xã Thượng Đạt", 200, 22],
    ]
    report = _unit_workbook(tmp_path, "hai-duong.xlsx", {"KN": rows}, "HD,Hải Dương,thành phố")
    messages = [f.message("en") for f in report.findings if f.code == "far-from-plan"]
    assert messages == (
        [] if said is None else [f"'New members admitted': 22/200 (11.0% of plan), {said}"]
    )


def test_business_owners_listed_under_the_non_state_sector(tmp_path: Path) -> None:
    """Trial 11 (4): "+ Chủ doanh nghiệp tư nhân" under "- Trong doanh nghiệp ngoài khu vực
    nhà nước" were unknown, their figures dropped with a warning."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        ["1. Đảng viên mới kết nạp", 30, 32, 29],
        ["Trong đó:"],
        ["- Trong doanh nghiệp ngoài khu vực nhà nước", 4, 5, 4],
        ["+ Chủ doanh nghiệp tư nhân", None, 2, 1],
    ]
    report = _ba_dinh(tmp_path, {"KN": rows})
    assert _totals(report)["admission.business_owner"] == (2, 1)
    assert [f.code for f in report.findings if f.file] == []


def test_a_percentage_beside_measures_of_the_titles_indicator_is_checked(tmp_path: Path) -> None:
    """Trial 11 (5): "Kế hoạch | Thực hiện | Cùng kỳ | Tỷ lệ % so với KH" under an admissions
    title: the percentage is the admissions', checked (it named no indicator: unchecked)."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Cùng kỳ", "Tỷ lệ % so với KH"],
        [1, "Đảng bộ xã Uy Nỗ", 11, 12, 10, 109.1],
        [2, "Đảng bộ xã Cổ Loa", 14, 12, 13, 80.0],  # 85,7
        [None, "Tổng cộng", 25, 24, 23, 96.0],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"KN": rows}, "017,Đông Anh,huyện")
    checked = ctr_stats.check(
        [tmp_path / "dong-anh.xlsx"], units_file=tmp_path / "units.csv", units_only=True
    )
    assert [(f.code, f.cell) for f in checked.findings] == [("stated-percent-mismatch", "F6")]
    assert report.accounting.checked == 6  # the total row, and the three percentages
    assert _balanced(report)


@pytest.mark.parametrize(
    ("registry", "name"), [("hanoi-2025", "Toàn thành phố"), (None, "Toàn đảng bộ")]
)
def test_the_total_row_is_named_as_the_paragraphs_name_the_whole(
    tmp_path: Path, registry: str | None, name: str
) -> None:
    """Trial 11 (7): with a user's own registry the CSV's total was "Toàn thành phố" while
    the paragraph said "toàn đảng bộ"."""
    from ctr_stats.render.tables import lines

    rows: list[list[object]] = [
        ["ĐẢNG BỘ PHƯỜNG NGỌC HÀ"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025"],
        [],
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"],
        [1, "Kết nạp đảng viên", 10, 12],
    ]
    path = write_xlsx(tmp_path / "ngoc-ha.xlsx", {"KN": rows})
    if registry is None:
        units = tmp_path / "units.csv"
        units.write_text("code,name,type\nNH,Ngọc Hà,phường\n", encoding="utf-8")
        report = ctr_stats.compute([path], units_file=units, units_only=True)
    else:
        report = ctr_stats.compute([path], registry=registry)
    assert lines(report, "vi", by_unit=False)[0].name == name


def test_the_organizations_of_biểu_10_tctw_under_its_grassroots_units(tmp_path: Path) -> None:
    """Trial 9 (c5): the whole section I of Biểu 10-TCTW gave no figure: "a - Đảng bộ cơ
    sở" and "b - Chi bộ cơ sở" stand under "2. Tổng số đơn vị cơ sở", itself under "I - Tổ
    chức đảng và đảng viên"."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["BÁO CÁO VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN NĂM 2024"],
        [],
        ["Chỉ tiêu", "Năm báo cáo", "Năm trước"],
        ["1", "2", "3"],
        ["I - Tổ chức đảng và đảng viên"],
        ["1. Số đảng bộ huyện (tương đương):", 1, 1],
        ["2. Tổng số đơn vị cơ sở:", 110, 108],
        ["Trong đó: - Số đơn vị cơ sở chưa có tổ chức cơ sở đảng", 5, 4],
        ["- Số đơn vị cơ sở đã có tổ chức cơ sở đảng", 105, 104],
        *TCTW10_ORGANIZATIONS,
        ["3.Số đơn vị trực thuộc đơn vị cơ sở chưa có đảng viên", 12, 14],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"10-TCTW": rows}, "017,Đông Anh,huyện")
    assert _totals(report) == TCTW10_FIGURES
    assert {f.code for f in report.findings} == {"unknown-criterion"}  # the others
    assert _balanced(report)


def test_a_notes_column_beside_the_objects_checked(tmp_path: Path) -> None:
    """ "Nội dung | Tổ chức đảng | Đảng viên | Ghi chú": the notes head no count."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["BÁO CÁO KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT 6 THÁNG ĐẦU NĂM 2025"],
        [],
        ["STT", "Nội dung", "Tổ chức đảng", "Đảng viên", "Ghi chú"],
        ["1", "Kiểm tra khi có dấu hiệu vi phạm", 3, 7, "đúng kế hoạch"],
        ["2", "Giám sát chuyên đề", 12, 20, None],
    ]
    report = _unit_workbook(tmp_path, "dong-anh.xlsx", {"KTGS": rows}, "017,Đông Anh,huyện")
    assert len(report.totals) == 4
    assert report.findings == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [("Cộng trang 1", "Cộng trang 2"), ("Cộng chuyển trang sau", None), ("Cộng trang 1", None)],
)
def test_a_pages_subtotal_is_a_total(tmp_path: Path, first: str, second: str | None) -> None:
    """Trial 12 (2): a sheet printed on two pages, its header repeated, "Cộng trang 1"
    under the first page's rows: a heading over the rows below (false error), or with
    "Cộng trang 2" too, a unit added (82 for 57)."""
    header: list[list[object]] = [
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None],
        [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        ["A", "B", 1, 2, 3],
    ]
    rows: list[list[object]] = [
        ["HUYỆN ỦY SÓC SƠN"],
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        [],
        *header,
        [1, "Đảng bộ xã Bắc Sơn", 10, 11, 9],
        [2, "Đảng bộ xã Nam Sơn", 12, 12, 10],
        [first, None, 22, 23, 19],
        [],
        *header,
        [3, "Đảng bộ xã Phù Linh", 20, 19, 18],
        *([[second, None, 20, 19, 18]] if second else []),
        ["Tổng cộng", None, 42, 42, 37],
    ]
    report = _unit_workbook(tmp_path, "soc-son.xlsx", {"KN": rows}, "016,Sóc Sơn,huyện")
    (total,) = report.totals
    assert (total.figures.plan, total.figures.actual, total.figures.prior) == (42, 42, 37)
    assert report.findings == ()


def test_a_title_of_discipline_over_each_bodys_forms(tmp_path: Path) -> None:
    """Trial 12 (1): "BÁO CÁO THỐNG KÊ THI HÀNH KỶ LUẬT TRONG ĐẢNG" over "Tổng số | Chia ra
    › Khiển trách | …" and rows of each body's organizations and members: the title read
    as checks of the enforcement of discipline, no figure read, exit 0."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY SÓC SƠN"],
        ["ỦY BAN KIỂM TRA"],
        ["BÁO CÁO THỐNG KÊ THI HÀNH KỶ LUẬT TRONG ĐẢNG NĂM 2024"],
        [],
        ["STT", "Nội dung", "Tổng số", "Chia ra", None, None, None],
        [None, None, None, "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"],
        ["A", "B", "1=2+3+4+5", 2, 3, 4, 5],
        ["I", "Cấp ủy các cấp"],
        ["1", "Tổ chức đảng", 1, 1, 0],
        ["2", "Đảng viên", 9, 5, 3, 0, 1],
        ["II", "Ủy ban kiểm tra các cấp"],
        ["1", "Tổ chức đảng", 0, 0, 0],
        ["2", "Đảng viên", 4, 2, 1, 0, 1],
    ]
    report = _unit_workbook(
        tmp_path, "soc-son.xlsx", {"KL": rows}, "016,Sóc Sơn,huyện", merges={"KL": ["D5:G5"]}
    )
    got = {t.figures.indicator: t.figures.actual for t in report.totals}
    assert got["inspection.committee_disciplined_orgs"] == 1
    assert got["inspection.committee_disciplined_members"] == 9
    assert got["inspection.commission_disciplined_members"] == 4
    assert got["inspection.committee_disciplined_members_reprimand"] == 5
    assert got["inspection.commission_disciplined_members_expelled"] == 1
    assert {f.severity.value for f in report.findings} <= {"warning"}
    assert _balanced(report)


def test_a_running_total_beside_the_actual_is_said_another_figure(tmp_path: Path) -> None:
    """Trial 12 (4): "Lũy kế 9 tháng" beside the quarter's actual was called a breakdown."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ PHƯỜNG BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN QUÝ III NĂM 2025"],
        [],
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", None],
        [None, None, "Thực hiện", "Lũy kế 9 tháng năm 2025"],
        [1, "Chi bộ khu dân cư số 1", 4, 9],
    ]
    report = _unit_workbook(
        tmp_path, "ba-dinh.xlsx", {"KN": rows}, "BD,Ba Đình,phường", merges={"KN": ["C4:D4"]}
    )
    (said,) = [f.message("en") for f in report.findings if f.code == "unknown-column"]
    assert said == (
        "column 'Đảng viên mới kết nạp › Lũy kế 9 tháng năm 2025' holds another figure of"
        " admission.total (not its Kế hoạch, Thực hiện or Cùng kỳ) the catalogue does not"
        " hold: cells D6 not added"
    )


def test_a_count_not_whole_is_written_in_each_languages_way(tmp_path: Path) -> None:
    """Trial 13: 1.234 typed as a number was shown "1.234" in Vietnamese: a whole number
    to its reader, in a message saying it is not one."""
    rows: list[list[object]] = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
        [1, "Đảng bộ phường Ngọc Hà", 10, 1.234],
    ]
    report = _unit_workbook(tmp_path, "ba-dinh.xlsx", {"KN": rows}, "001,Ba Đình,quận")
    (found,) = [f for f in report.findings if f.code == "non-integer"]
    assert found.message("vi") == "số đếm không phải số nguyên: 1,234 (không được cộng)"
    assert found.message("en") == "a count that is not a whole number: 1.234 (not added)"


def test_a_sheet_of_another_period_names_the_title_cell_that_says_so(tmp_path: Path) -> None:
    """Trial 13: period-mismatch named no cell, nor the title's words it read the period
    from."""
    for name, unit, year in (
        ("ba-dinh", "QUẬN ỦY BA ĐÌNH", 2022),
        ("dong-anh", "HUYỆN ỦY ĐÔNG ANH", 2023),
        ("tay-ho", "QUẬN ỦY TÂY HỒ", 2023),
    ):
        write_xlsx(
            tmp_path / f"{name}.xlsx",
            {
                "KN": [
                    [unit],
                    [f"KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM {year}"],
                    [],
                    ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
                    [1, "Đảng bộ phường Ngọc Hà", 10, 12],
                ]
            },
        )
    report = ctr_stats.compute([tmp_path], registry="hanoi-2024")
    (found,) = [f for f in report.findings if f.code == "period-mismatch"]
    assert (found.file, found.cell) == (str(tmp_path / "ba-dinh.xlsx"), "A2")
    assert found.message("en").startswith(
        "the sheet is for year 2022 (A2: 'KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2022'), the run for"
    )


@pytest.mark.parametrize(
    "title",
    [
        "THỐNG KÊ TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN TRONG CÁC LOẠI HÌNH CƠ SỞ NĂM 2024",
        "BÁO CÁO CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2024",
    ],
)
def test_parts_beside_the_members_on_the_rolls_are_no_admissions(
    tmp_path: Path, title: str
) -> None:
    """Trial 15 (1): "Tổng số đảng viên | Đảng viên nữ | Dân tộc thiểu số | Sinh viên" under
    a title naming no event: the women were read as admitted (5.460, exit 0)."""
    rows: list[list[object]] = [
        ["HUYỆN ỦY SÓC SƠN"],
        [title],
        [],
        [
            "STT",
            "Tổ chức cơ sở đảng",
            "Tổng số đảng viên",
            "Đảng viên nữ",
            "Dân tộc thiểu số",
            "Sinh viên",
        ],
        [1, "Đảng bộ xã Bắc Sơn", 420, 180, 5, 2],
        [2, "Đảng bộ xã Nam Sơn", 380, 150, 3, 1],
    ]
    report = _unit_workbook(tmp_path, "soc-son.xlsx", {"DV": rows}, "016,Sóc Sơn,huyện")
    assert _totals(report) == {"party_cell.members": (800, None)}
    assert {f.code for f in report.findings} == {"unknown-column"}
    assert _balanced(report)


def test_the_issuing_body_over_a_form_is_no_actor_of_its_columns(tmp_path: Path) -> None:
    """Trial 14 (C3): "BAN CHẤP HÀNH TRUNG ƯƠNG" over an 885 form's title made the committees
    the actor: "Kiểm tra tổ chức đảng khi có dấu hiệu vi phạm" was an unknown column."""
    rows: list[list[object]] = [
        ["BAN CHẤP HÀNH TRUNG ƯƠNG"],
        ["HUYỆN ỦY SÓC SƠN"],
        ["BÁO CÁO KẾT QUẢ KIỂM TRA, GIÁM SÁT NĂM 2021"],
        [],
        ["STT", "Đơn vị", "Kiểm tra tổ chức đảng khi có dấu hiệu vi phạm", None],
        [None, None, "Thực hiện", "Cùng kỳ"],
        [1, "Đảng bộ xã Bắc Sơn", 3, 2],
    ]
    report = _unit_workbook(
        tmp_path, "soc-son.xlsx", {"KT": rows}, "016,Sóc Sơn,huyện", merges={"KT": ["C5:D5"]}
    )
    assert _totals(report) == {"inspection.violation_check_orgs": (3, 2)}
    assert report.findings == ()


# --- trial 16: the inspection forms of 885-QĐ/UBKTTW as districts fill them in ---

KTGS_TITLE = [
    ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI\nỦY BAN KIỂM TRA QUẬN ỦY BA ĐÌNH\n*", None, None, None, None, None, "Biểu số 02-UBKT"],
    [],
    [None, None, "KẾT QUẢ THỰC HIỆN CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2024"],
    [],
]  # fmt: skip


def _ktgs(
    over: str, plan_heading: str, prior_heading: str, prior_percent: object
) -> list[list[object]]:
    """A commission's plan, actual and same period, with the two percentages the form
    computes under one heading ("6=4*100/3 | 7=4*100/5"): 41 of a plan of 40, 38 a year ago."""
    return [
        *KTGS_TITLE,
        ["STT", "Tiêu chí", "Năm 2024", None, None, over],
        [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ", plan_heading, prior_heading],
        ["1", "2", "3", "4", "5", "6=4*100/3", "7=4*100/5"],
        ["1", "Kiểm tra tổ chức đảng", 40, 41, 38, 102.5, prior_percent],
        [],
        [None, None, None, None, "Ba Đình, ngày 10 tháng 01 năm 2025"],
    ]


@pytest.mark.parametrize(
    ("over", "plan_heading", "prior_heading"),
    [
        ("Tỷ lệ (%)", "TH/KH", "TH/CK"),
        ("So sánh (%)", "Kế hoạch", "Cùng kỳ"),
        ("Tỷ lệ (%)", "% KH", "% CK"),
        ("Tỷ lệ (%)", "TH so với KH", "TH so với CK"),
    ],
)
def test_the_percentages_under_one_heading_are_each_of_its_own_base(
    tmp_path: Path, over: str, plan_heading: str, prior_heading: str
) -> None:
    """ "So sánh (%) › Kế hoạch | Cùng kỳ" was read as the plan and the same period typed
    twice (duplicate-column, exit 1), "% CK" and "TH/CK" as percentages of the plan
    (stated-percent-mismatch on 107,9 = 41/38): each is checked against its own base."""
    merges = {"KTGS": ["A5:A6", "B5:B6", "C5:E5", "F5:G5"]}
    right = _unit_workbook(
        tmp_path, "ba-dinh.xlsx", {"KTGS": _ktgs(over, plan_heading, prior_heading, 107.9)},
        "001,Ba Đình,quận", merges=merges,
    )  # fmt: skip
    assert not right.findings
    assert _totals(right) == {"inspection.committee_check_orgs": (41, 38)}
    assert right.accounting.checked == 2 and not right.accounting.unused
    wrong = _unit_workbook(
        tmp_path, "ba-dinh.xlsx", {"KTGS": _ktgs(over, plan_heading, prior_heading, 102.5)},
        "001,Ba Đình,quận", merges=merges,
    )  # fmt: skip
    assert [(f.code, f.cell, f.message_en) for f in wrong.findings] == [
        ("stated-percent-mismatch", "G8", "the cell says 102.5; D8/E8 gives 107.8947%")
    ]


def _summary(unit: str, supervised: tuple[int, int]) -> list[list[object]]:
    """A commission's summary: what it did, of organizations and of members."""
    return [
        [f"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI\nỦY BAN KIỂM TRA {unit.upper()}"],
        [None, None, "BÁO CÁO THỐNG KÊ CÔNG TÁC KIỂM TRA, GIÁM SÁT NĂM 2024"],
        ["STT", "Nội dung", "Năm 2024"],
        [None, None, "Tổ chức đảng", "Đảng viên"],
        ["1", "Kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi phạm", 3, 6],
        ["2", "Giám sát chuyên đề", *supervised],
        ["3", "Giải quyết tố cáo", 0, 2],
    ]


def test_a_criterion_close_to_none_is_not_blamed_for_a_figure_a_hidden_row_holds(
    tmp_path: Path,
) -> None:
    """Trial 16: Ba Đình's "Giám sát chuyên đề" row hidden made its "Giải quyết tố cáo"
    (no catalogue indicator) an error, said to be why the unit lacked its thematic
    supervision, named by an id: the hidden row is that error's, and the other a warning."""
    folder = tmp_path / "in"
    folder.mkdir()
    units = [("001", "Quận ủy Ba Đình"), ("005", "Quận ủy Cầu Giấy"), ("017", "Huyện ủy Đông Anh")]
    for n, (code, unit) in enumerate(units):
        write_xlsx(folder / f"{code}.xlsx", {"Tổng hợp": _summary(unit, (20 + n, 15 + n))})
    from openpyxl import load_workbook

    book = load_workbook(folder / "001.xlsx")
    book["Tổng hợp"].row_dimensions[6].hidden = True
    book.save(folder / "001.xlsx")
    registry = tmp_path / "units.csv"
    registry.write_text(
        "code,name,type\n001,Ba Đình,quận\n005,Cầu Giấy,quận\n017,Đông Anh,huyện\n",
        encoding="utf-8",
    )
    report = ctr_stats.compute([folder], units_file=registry, units_only=True)
    ba_dinh = sorted(
        (f.code, f.cell, f.severity.value)
        for f in report.findings
        if f.file and f.file.endswith("001.xlsx")
    )
    assert ba_dinh == [("hidden-row", "6:6", "error"), ("unknown-criterion", "B7", "warning")]


def test_a_number_or_two_in_or_under_the_signature_block_is_named(tmp_path: Path) -> None:
    """Trial 16: a number typed among the signature's lines, or one under them, vanished:
    not counted among the numbers read, not listed, no finding. The place-and-date line's
    day and year, typed in cells of their own, are no figures."""
    rows = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        [1, "Đảng viên mới kết nạp", 50, 44, 39],
        [],
        [None, "Ba Đình, ngày", 10, "tháng 01 năm", 2025],
        [None, "NGƯỜI LẬP BIỂU", None, "T/M BAN THƯỜNG VỤ"],
    ]
    clean = _unit_workbook(tmp_path, "ba-dinh.xlsx", {"KN": rows}, "001,Ba Đình,quận")
    assert not clean.findings and not clean.accounting.unused
    rows[6] = [None, "NGƯỜI LẬP BIỂU", 3, "T/M BAN THƯỜNG VỤ"]
    rows.append([None, None, None, 4])
    stray = _unit_workbook(tmp_path, "ba-dinh.xlsx", {"KN": rows}, "001,Ba Đình,quận")
    assert [(f.code, f.severity.value, f.cell, f.message_en) for f in stray.findings] == [
        (
            "stray-number",
            "warning",
            "C7",
            "cell C7, D8 below the table (in or under its signature block) holds a number under"
            " no header: not read; delete it if typed by mistake, or type it in the table's own"
            " row",
        )
    ]
    assert [(u.cell, u.text, u.code) for u in stray.accounting.unused] == [
        ("C7", "3", "stray-number"),
        ("D8", "4", "stray-number"),
    ]
    assert _totals(stray) == {"admission.total": (44, 39)}


@pytest.mark.parametrize("label", ["Ba Đình, ngày", "BA ĐÌNH, NGÀY", "Hà Nội,  ngày"])
def test_a_place_and_date_line_in_the_name_column_ends_the_rows(tmp_path: Path, label: str) -> None:
    """The place in the names' column, the day and year in cells of their own: it was an
    organization whose 10 and 2025 were added (or an unknown criterion). A name with a date
    in it but no comma before "ngày" is still a row."""
    rows = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        [1, "Chi bộ Khu dân cư số 1", 5, 6, 4],
        [2, "Chi bộ Trường THCS Ba Đình thành lập ngày 2 tháng 9 năm 2020", 3, 2, 2],
        ["Tổng cộng", None, 8, 8, 6],
        [None, label, 10, "tháng 01 năm", 2025],
        [None, "NGƯỜI LẬP BIỂU", None, "T/M BAN THƯỜNG VỤ"],
    ]
    report = _unit_workbook(tmp_path, "ba-dinh.xlsx", {"KN": rows}, "001,Ba Đình,quận")
    assert not report.findings
    assert _totals(report) == {"admission.total": (8, 6)}
    assert report.accounting.used == 6 and not report.accounting.unused


def test_discipline_by_the_body_that_did_it_is_each_bodys_and_all_of_it(tmp_path: Path) -> None:
    """Trial 16: "Cấp thi hành kỷ luật" › "Cấp ủy các cấp" | "UBKT các cấp" beside the
    forms of discipline gave all discipline only, the split the README promises lost: each
    row is now also its body's figures, a part of all of it, its cells counted once."""
    rows = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI\nỦY BAN KIỂM TRA QUẬN ỦY BA ĐÌNH"],
        [None, None, "THỐNG KÊ KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Cấp thi hành kỷ luật", "Tổng số đảng viên bị thi hành kỷ luật", "Hình thức kỷ luật"],
        [None, None, None, "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"],
        ["1", "2", "3", "4", "5", "6", "7"],
        [1, "Cấp ủy các cấp", 9, 5, 2, 0, 2],
        [2, "UBKT các cấp", 4, 2, 1, 0, 1],
        [None, "Cộng", 13, 7, 3, 0, 3],
    ]  # fmt: skip
    merges = {"KL": ["A3:A4", "B3:B4", "C3:C4", "D3:G3"]}
    report = _unit_workbook(
        tmp_path, "ba-dinh.xlsx", {"KL": rows}, "001,Ba Đình,quận", merges=merges
    )
    actual = {i: a for i, (a, _) in _totals(report).items()}
    assert actual == {
        "inspection.disciplined_members": 13,
        "inspection.disciplined_members_reprimand": 7,
        "inspection.disciplined_members_warning": 3,
        "inspection.disciplined_members_dismissed": 0,
        "inspection.disciplined_members_expelled": 3,
        "inspection.committee_disciplined_members": 9,
        "inspection.committee_disciplined_members_reprimand": 5,
        "inspection.committee_disciplined_members_warning": 2,
        "inspection.committee_disciplined_members_dismissed": 0,
        "inspection.committee_disciplined_members_expelled": 2,
        "inspection.commission_disciplined_members": 4,
        "inspection.commission_disciplined_members_reprimand": 2,
        "inspection.commission_disciplined_members_warning": 1,
        "inspection.commission_disciplined_members_dismissed": 0,
        "inspection.commission_disciplined_members_expelled": 1,
    }
    assert not report.findings
    a = report.accounting
    assert (a.read, a.used, a.checked, a.numbering, a.refused) == (24, 10, 5, 9, 0)
    source = {u.figures.indicator: u.cells["actual"].describe() for u in report.units}
    assert source["inspection.committee_disciplined_members"].endswith("!C6")
    assert source["inspection.disciplined_members"].endswith("!C6:C7")


def test_parts_of_the_members_on_the_rolls_are_no_admissions_whatever_the_title(
    tmp_path: Path,
) -> None:
    """Trial 18: Biểu 3-BTCTW exported under Biểu 2's title ("THỐNG KÊ ĐẢNG VIÊN MỚI KẾT
    NẠP", as a public template has it) printed "kết nạp … 12.000 đảng viên nữ", exit 0: the
    rows under "Đảng viên trong danh sách có đến cuối kỳ" are parts of those members."""
    rows = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI\nQUẬN ỦY BA ĐÌNH\nBAN TỔ CHỨC", "THỐNG KÊ\nĐẢNG VIÊN MỚI KẾT NẠP\nNĂM 2024", None, "Biểu số 3-BTCTW"],
        [],
        ["Tiêu chí", "Thực hiện", None, "(%) kỳ này so với cùng kỳ năm trước"],
        [None, "Kỳ này", "Cùng kỳ năm trước"],
        ["1", "2", "3", "4(=2*100/3)"],
        ["I. Đảng viên trong danh sách có đến cuối kỳ báo cáo", 24812, 24560, 101.0],
        ["Trong đó:  - Nữ", 12000, 11900, 100.8],
        ["- Dân tộc thiểu số", 150, 148, 101.4],
        ["- Chủ doanh nghiệp tư nhân", 40, 38, 105.3],
    ]  # fmt: skip
    merges = {"B3": ["A3:A4", "B3:C3", "D3:D4"]}
    report = _unit_workbook(
        tmp_path, "ba-dinh.xlsx", {"B3": rows}, "001,Ba Đình,quận", merges=merges
    )
    assert _totals(report) == {"party_cell.members": (24812, 24560)}
    assert [(f.code, f.cell, f.severity.value) for f in report.findings] == [
        ("unknown-criterion", "A7", "warning"),
        ("unknown-criterion", "A8", "warning"),
        ("unknown-criterion", "A9", "warning"),
    ]


def test_a_hidden_column_is_not_read_and_the_visible_one_beside_it_is(tmp_path: Path) -> None:
    """Trial 18: a hidden "Kết nạp lại" column was added silently; a hidden old "Thực hiện"
    left of the visible one was read (396 for 62) and the visible one called its duplicate."""
    from openpyxl import load_workbook

    rows = [
        ["ĐẢNG BỘ QUẬN BA ĐÌNH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None, "Kết nạp lại"],
        [None, None, "Kế hoạch", "Thực hiện", "Thực hiện", None],
        [1, "Chi bộ Khu dân cư số 1", 20, 99, 22, 1],
        [2, "Chi bộ Trường THCS Ba Đình", 37, 297, 40, 2],
        ["Tổng cộng", None, 57, 396, 62, 3],
    ]
    merges = {"KN": ["A3:A4", "B3:B4", "C3:E3", "F3:F4"]}
    write_xlsx(tmp_path / "ba-dinh.xlsx", {"KN": rows}, merges)
    book = load_workbook(tmp_path / "ba-dinh.xlsx")
    book["KN"].column_dimensions["D"].hidden = True
    book["KN"].column_dimensions["F"].hidden = True
    book["KN"].column_dimensions.group("H", "Z", hidden=True)  # the unused ones, empty
    book.save(tmp_path / "ba-dinh.xlsx")
    registry = tmp_path / "units.csv"
    registry.write_text("code,name,type\n001,Ba Đình,quận\n", encoding="utf-8")
    report = ctr_stats.compute([tmp_path / "ba-dinh.xlsx"], units_file=registry, units_only=True)
    assert [(t.figures.indicator, t.figures.plan, t.figures.actual) for t in report.totals] == [
        ("admission.total", 57, 62)
    ]
    assert [(f.code, f.cell, f.message_en) for f in report.errors] == [
        ("hidden-column", "D4", "column 'Đảng viên mới kết nạp › Thực hiện' is hidden but holds"
         " figures: cells D5:D7 not added (unhide it to count it, or delete it)"),
        ("hidden-column", "F3", "column 'Kết nạp lại' is hidden but holds figures: cells F5:F7"
         " not added (unhide it to count it, or delete it)"),
    ]  # fmt: skip
    assert [(u.cell, u.code) for u in report.accounting.unused][:2] == [
        ("D5", "hidden-column"),
        ("D6", "hidden-column"),
    ]


def test_a_row_not_understood_is_not_blamed_for_a_measure_its_sheet_has_no_column_of(
    tmp_path: Path,
) -> None:
    """Trial 18: Biểu 2-BTCTW has no Kế hoạch column; beside a unit's annex with a plan, its
    rows not understood ("- Tuổi bình quân") were errors said to be why it lacked a plan,
    so a clean form failed the run: no row of it can hold a plan."""
    folder = tmp_path / "in"
    folder.mkdir()
    form = [
        ["QUẬN ỦY BA ĐÌNH", "ĐẢNG VIÊN MỚI KẾT NẠP NĂM 2024"],
        ["Tiêu chí", "Kỳ này", "Cùng kỳ năm trước"],
        ["1. Tổng số đảng viên mới kết nạp", 312, 290],
        ["- Tuổi bình quân", 27.4, 28.1],
    ]
    annex = [
        ["HUYỆN ỦY ĐÔNG ANH"],
        ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Tên tổ chức cơ sở đảng", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        [1, "Đảng bộ xã Uy Nỗ", 30, 32, 28],
        [2, "Đảng bộ xã Cổ Loa", 25, 30, 22],
        ["Tổng cộng", None, 55, 62, 50],
    ]
    write_xlsx(folder / "ba-dinh.xlsx", {"Biểu 2": form})
    write_xlsx(folder / "dong-anh.xlsx", {"Phụ lục": annex})
    registry = tmp_path / "units.csv"
    registry.write_text("code,name,type\n001,Ba Đình,quận\n017,Đông Anh,huyện\n", encoding="utf-8")
    report = ctr_stats.compute([folder], units_file=registry, units_only=True)
    assert [
        (f.code, f.cell, f.severity.value) for f in report.findings if f.code.startswith("unknown")
    ] == [("unknown-criterion", "A4", "warning")]
    assert _totals(report) == {"admission.total": (374, 340)}


def test_a_kind_of_sheet_not_sent_doubts_the_figures_of_that_kind_only(tmp_path: Path) -> None:
    """Trial 18: a unit that sent its admissions but no members on the rolls had its
    admission breakdowns (women, students…) listed as figures in error ("Số liệu có lỗi
    chưa sửa … missing-sheet"); they are only what it left out of its admission sheet."""
    folder = tmp_path / "in"
    folder.mkdir()
    criteria = ["Tiêu chí", "Kế hoạch", "Thực hiện", "Cùng kỳ"]
    ba_dinh = [
        ["QUẬN ỦY BA ĐÌNH"], ["BÁO CÁO CÔNG TÁC ĐẢNG VIÊN NĂM 2024"], criteria,
        ["Đảng viên mới kết nạp", 300, 312, 290], ["Trong đó: nữ", None, 150, 140],
        ["Tổng số đảng viên", None, 24812, 24560],
    ]  # fmt: skip
    dong_anh = [
        ["HUYỆN ỦY ĐÔNG ANH"], ["KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2024"], criteria,
        ["Đảng viên mới kết nạp", 55, 62, 50],
    ]  # fmt: skip
    write_xlsx(folder / "ba-dinh.xlsx", {"S": ba_dinh})
    write_xlsx(folder / "dong-anh.xlsx", {"S": dong_anh})
    registry = tmp_path / "units.csv"
    registry.write_text("code,name,type\n001,Ba Đình,quận\n017,Đông Anh,huyện\n", encoding="utf-8")
    report = ctr_stats.compute([folder], units_file=registry, units_only=True)
    assert [(d.indicator, d.units, d.codes) for d in report.caveats.doubted] == [
        ("party_cell.members", ("Đông Anh",), ("missing-sheet",))
    ]


def _ward_sheet(
    total_label: str, rows: list[list[object]], total: list[object]
) -> list[list[object]]:
    """A ward's admission sheet: its organizations' rows, then `total` under `total_label`."""
    return [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
        ["ĐẢNG ỦY PHƯỜNG NGỌC HÀ"],
        ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 9 THÁNG NĂM 2025"],
        ["STT", "Chi bộ, đảng bộ trực thuộc", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
        *rows,
        [None, total_label, *total],
    ]


_WARD_ROWS: list[list[object]] = [
    [1, "Chi bộ Tổ dân phố số 1", 6, 5, 4],
    [2, "Chi bộ Trường THCS Ngọc Hà", 9, 9, 8],
    [3, "Đảng bộ Công an phường Ngọc Hà", 7, 8, 7],
]


@pytest.mark.parametrize(
    "label",
    [
        "Tổng 9 tháng",
        "Tổng số kết nạp",
        "Tổng số đảng viên được kết nạp",
        "TỔNG CỘNG ĐẢNG VIÊN KẾT NẠP",
        "Cả phường",
        "Cộng 9 tháng năm 2025",
        "Tổng kết nạp",
    ],
)
def test_a_total_row_worded_as_clerks_word_it_is_a_total_not_one_more_organization(
    tmp_path: Path, label: str
) -> None:
    """Trial 20: a ward's total row typed by hand one off ("Thực hiện" 23 for 22), under
    "Tổng 9 tháng", "Tổng số kết nạp", "Cả phường", was added as a fourth organization: the
    ward counted twice (45 for 22), exit 0, no finding."""
    sheet = _ward_sheet(label, _WARD_ROWS, [22, 23, 19])
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", {"Kết nạp": sheet}, "NH,Ngọc Hà,phường")
    assert [(t.figures.indicator, t.figures.plan, t.figures.actual) for t in report.totals] == [
        ("admission.total", 22, 22)
    ]
    assert [(f.code, f.cell, f.message_en) for f in report.errors] == [
        ("total-mismatch", "D8", "the total row says 23, the rows (D5:D7) add up to 22")
    ]


@pytest.mark.parametrize("label", ["Tổng công ty Điện lực", "Tổng đội Thanh niên xung phong"])
def test_an_organization_whose_name_begins_with_tong_is_no_total(
    tmp_path: Path, label: str
) -> None:
    """Names begin "Tổng công ty", "Tổng đội": never a total, whatever their figures."""
    sheet = _ward_sheet(label, _WARD_ROWS, [2, 3, 1])
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", {"Kết nạp": sheet}, "NH,Ngọc Hà,phường")
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (24, 25, 20)
    ]
    assert report.errors == ()


def test_a_row_typed_under_the_total_row(tmp_path: Path) -> None:
    """Trial 20: an organization typed under "Tổng cộng" was added, the total compared with
    the rows above it only: left at 22 the unit counted 24 with exit 0 and no finding;
    corrected to 24 it was an error "the rows (D5:D7) add up to 22" (not what was added)."""
    late = [4, "Chi bộ Khu dân cư số 3", 2, 2, 1]
    stale = [*_ward_sheet("Tổng cộng", _WARD_ROWS, [22, 22, 19]), late]
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", {"Kết nạp": stale}, "NH,Ngọc Hà,phường")
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (24, 24, 20)
    ]
    assert [(f.code, f.cell, f.message_en) for f in report.errors] == [
        (
            "total-mismatch",
            f"{column}8",
            f"the total row says {stated}, the rows ({column}5:{column}9) add up to {summed};"
            " row(s) 9 stand under the total row and are not in it: exactly the difference"
            " (added, as the unit's figures; correct the total row, or delete the rows not"
            " wanted)",
        )
        for column, stated, summed in (("D", 22, 24), ("C", 22, 24), ("E", 19, 20))
    ]
    (tmp_path / "ngoc-ha.xlsx").unlink()
    updated = [*_ward_sheet("Tổng cộng", _WARD_ROWS, [24, 24, 20]), late]
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", {"Kết nạp": updated}, "NH,Ngọc Hà,phường")
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (24, 24, 20)
    ]
    assert report.errors == ()


def test_a_subtotal_with_rows_under_it_is_still_its_block_s(tmp_path: Path) -> None:
    """ "Cộng khối phố" over its block, then the rest with no total: the subtotal is its
    block's, as before (only a whole total is compared with the rows under it)."""
    sheet = [
        *_ward_sheet("Cộng khối phố", _WARD_ROWS, [22, 22, 19]),
        [4, "Chi bộ Khu dân cư số 3", 2, 2, 1],
    ]
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", {"Kết nạp": sheet}, "NH,Ngọc Hà,phường")
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (24, 24, 20)
    ]
    assert report.errors == ()


@pytest.mark.parametrize("owner", ["ĐU P. BA ĐÌNH", "ĐB PHƯỜNG BA ĐÌNH", "ĐU PHƯỜNG BA ĐÌNH"])
def test_a_title_with_the_committee_abbreviated_names_its_unit(tmp_path: Path, owner: str) -> None:
    """Trial 20: "ĐU P. BA ĐÌNH" (`units find` resolves it) was no unit: the sheet was read as
    the city's, each organization an `unknown-unit` ("có phải Phường Bồ Đề …?"), and the
    advice said the title named the city only."""
    sheet = _ward_sheet("Tổng cộng", _WARD_ROWS, [22, 22, 19])
    sheet[1] = [owner]
    report = _unit_workbook(tmp_path, "bc-9t.xlsx", {"Kết nạp": sheet}, "00004,Ba Đình,phường")
    assert [(u.name, u.figures.actual) for u in report.units] == [("Ba Đình", 22)]
    assert report.findings == ()


def test_numbers_on_a_working_sheet_beside_the_unit_s_table_are_named(tmp_path: Path) -> None:
    """Trial 20: a "Sheet1" with the clerk's working list ("Tên chi bộ | Số kết nạp", "TDP
    số 3 | 2" …, "Cộng | 3") was passed over, its numbers named nowhere, exit 0."""
    sheets = {
        "Kết nạp": _ward_sheet("Tổng cộng", _WARD_ROWS, [22, 22, 19]),
        "Sheet1": [["Tên chi bộ", "Số kết nạp"], ["TDP số 3", 2], ["TDP số 4", 1], ["Cộng", 3]],
    }
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", sheets, "NH,Ngọc Hà,phường")
    assert [(u.name, u.figures.actual) for u in report.units] == [("Ngọc Hà", 22)]
    assert [(f.code, f.severity.value, f.sheet, f.cell, f.message_en) for f in report.findings] == [
        (
            "stray-number",
            "warning",
            "Sheet1",
            "B2",
            "the sheet holds 3 number(s) (B2, B3, B4) but no table of figures (a header row with"
            " Kế hoạch, Thực hiện…): not read; delete the sheet if it is a draft, or copy the"
            " numbers into the unit's table",
        )
    ]


@pytest.mark.parametrize("owner", ["ĐẢNG BỘ HUYỆN THIỆU HOÁ", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"])
def test_a_table_of_the_registry_s_units_headed_by_their_parent_is_consolidated(
    tmp_path: Path, owner: str
) -> None:
    """Trial 19: a district's table of its communes, headed "ĐẢNG BỘ HUYỆN THIỆU HOÁ", was
    read as the district's own report: `unknown-unit` for the title, each commune
    `missing-unit`. The rows are the registry's units; the heading is who added them up."""
    sheet: list[list[object]] = [
        [owner],
        ["BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2017"],
        [],
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện"],
        [1, "Xã Tân Thành", 10, 12],
        [2, "Xã Tân Hưng", 8, 7],
        ["Tổng cộng", None, 18, 19],
    ]
    report = _unit_workbook(
        tmp_path, "tong-hop.xlsx", {"Số liệu": sheet}, "A1,Tân Thành,xã", "A2,Tân Hưng,xã"
    )
    assert [(u.name, u.figures.plan, u.figures.actual) for u in report.units] == [
        ("Tân Thành", 10, 12),
        ("Tân Hưng", 8, 7),
    ]
    assert report.findings == ()


def _ward_without_total(rows: list[list[object]], *below: list[object]) -> list[list[object]]:
    """A ward's admission sheet listing its organizations with no total row, then `below`."""
    return [*_ward_sheet("", rows, [])[:-1], *below]


@pytest.mark.parametrize(
    "note",
    [
        "Ghi chú: Quần chúng ưu tú đang hoàn thiện hồ sơ đề nghị kết nạp",
        "* Lưu ý: 2 quần chúng chờ chi bộ xét",
        "(*) Chú thích: số đã kết nạp sau ngày chốt số liệu",
    ],
)
def test_a_note_typed_under_a_list_with_no_total_is_no_organization(
    tmp_path: Path, note: str
) -> None:
    """Trial 23: a note under a ward's list of chi bộ with no total row, its 2 in the
    Thực hiện column, was added as one more organization: 13 for 11, exit 0, no finding.
    It ends the table; its number is named as one no column of the table takes."""
    sheet = _ward_without_total(_WARD_ROWS, [None, note, None, 2, None])
    report = _unit_workbook(tmp_path, "ngoc-ha.xlsx", {"Kết nạp": sheet}, "NH,Ngọc Hà,phường")
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (22, 22, 19)
    ]
    assert [(f.code, f.cell) for f in report.findings] == [("stray-number", "D8")]
    assert report.accounting.not_used == 1


@pytest.mark.parametrize("equal_first", [False, True])
def test_an_organization_whose_figures_are_the_others_sum_is_no_total(
    tmp_path: Path, equal_first: bool
) -> None:
    """Trial 23: "Chi bộ thôn Nam" 2/3/1 under "Chi bộ thôn Đông" 1/1/0 and "Chi bộ thôn
    Đoài" 1/2/1, no total row, was taken for the total (`total-row-by-sum`) and dropped:
    the commune counted half. A row named as its neighbours are is one of them."""
    rows: list[list[object]] = [
        [1, "Chi bộ thôn Đông", 1, 1, 0],
        [2, "Chi bộ thôn Đoài", 1, 2, 1],
        [3, "Chi bộ thôn Nam", 2, 3, 1],
    ]
    if equal_first:
        rows = [rows[2], rows[0], rows[1]]
    sheet = _ward_without_total(rows)
    report = _unit_workbook(tmp_path, "soc-son.xlsx", {"Kết nạp": sheet}, "SS,Ngọc Hà,phường")
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (4, 6, 2)
    ]
    assert report.findings == ()


def test_a_total_named_otherwise_than_the_rows_is_still_found_by_its_sums(tmp_path: Path) -> None:
    """What `total-row-by-sum` is for: a total labelled in words the tool does not know."""
    rows: list[list[object]] = [
        [1, "Chi bộ thôn Đông", 1, 1, 0],
        [2, "Chi bộ thôn Đoài", 1, 2, 1],
        [3, "Chi bộ thôn Nam", 2, 3, 1],
        [None, "Xã Sóc Sơn", 4, 6, 2],
    ]
    report = _unit_workbook(
        tmp_path, "soc-son.xlsx", {"Kết nạp": _ward_without_total(rows)}, "SS,Ngọc Hà,phường"
    )
    assert [(t.figures.plan, t.figures.actual, t.figures.prior) for t in report.totals] == [
        (4, 6, 2)
    ]
    assert [f.code for f in report.findings] == ["total-row-by-sum"]


def test_a_ward_rolls_up_its_party_cells_reports_titled_by_each_cell(tmp_path: Path) -> None:
    """Trial 23: each chi bộ's report, titled "ĐẢNG BỘ PHƯỜNG GIẢNG VÕ" over "CHI BỘ TỔ DÂN
    PHỐ SỐ 1", read with the ward's own list of its cells (--units-only), was the ward's:
    `unknown-unit`, then each cell `missing-unit`, though `units find` resolves the title.
    The cell's line, the last of the block naming a unit, is the sheet's unit."""
    for name, title, figures in (
        ("cb01.xlsx", "CHI BỘ TỔ DÂN PHỐ SỐ 1", [3, 4, 2]),
        ("cb04.xlsx", "CHI BỘ CÔNG AN PHƯỜNG", [2, 1, 1]),
    ):
        write_xlsx(
            tmp_path / name,
            {
                "Biểu": [
                    ["ĐẢNG BỘ PHƯỜNG GIẢNG VÕ"],
                    [title],
                    ["BÁO CÁO KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025"],
                    ["STT", "Nội dung", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
                    ["1", "Kết nạp đảng viên mới", *figures],
                ]
            },
        )
    registry = tmp_path / "chi-bo.csv"
    registry.write_text(
        "code,name,type\nCB01,Chi bộ Tổ dân phố số 1,\nCB04,Chi bộ Công an phường,\n",
        encoding="utf-8",
    )
    report = ctr_stats.compute([tmp_path], units_file=registry, units_only=True)
    assert [(u.name, u.figures.plan, u.figures.actual, u.figures.prior) for u in report.units] == [
        ("Chi bộ Tổ dân phố số 1", 3, 4, 2),
        ("Chi bộ Công an phường", 2, 1, 1),
    ]
    assert report.errors == ()


# Trial 25 (Thanh Hóa, 9 months of 2025): the commission's consolidated discipline sheet,
# a row per commune, its Tổng cộng the sum of the rows as Excel keeps it.
_DISCIPLINE_SHEET_HEAD: list[list[object]] = [
    ["ĐẢNG BỘ TỈNH THANH HÓA"],
    ["ỦY BAN KIỂM TRA TỈNH ỦY"],
    ["BIỂU TỔNG HỢP KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG 9 THÁNG NĂM 2025"],
    [],
    ["STT", "Đơn vị", "Thi hành kỷ luật đảng viên", None],
    [None, None, "9 tháng 2025", "Cùng kỳ 2024"],
]


def _discipline_by_commune(folder: Path, rows: list[list[object]], units: str) -> Path:
    body = [[n, *row] for n, row in enumerate(rows, start=1)]
    total = ["Tổng cộng", None, *(sum(r[i] for r in rows) for i in (1, 2))]  # type: ignore[misc]
    write_xlsx(
        folder / "tong-hop.xlsx",
        {"Kỷ luật": [*_DISCIPLINE_SHEET_HEAD, *body, total]},
        {"Kỷ luật": ["C5:D5"]},
    )
    registry = folder / "units.csv"
    registry.write_text(f"code,name,type,aliases\n{units}", encoding="utf-8")
    return registry


def _computed_by_commune(tmp_path: Path, rows: list[list[object]], units: str) -> ctr_stats.Report:
    """`compute` of one commission's sheet by commune (`_discipline_by_commune`) with
    `units` ("code,name,type,aliases" lines) as the registry."""
    data = tmp_path / "data"
    data.mkdir()
    registry = _discipline_by_commune(data, rows, units)
    return ctr_stats.compute([data], units_file=registry, units_only=True)


def test_a_commune_on_two_rows_of_a_consolidated_sheet_is_an_error(tmp_path: Path) -> None:
    """Trial 25, case 1: Xã Tam Chung's corrected line pasted at the bottom, the old one
    left: 3 + 9 = 12 was its figure, the province's 527 for 524, exit 0 with no finding."""
    report = _computed_by_commune(
        tmp_path,
        [
            ["Xã Tam Chung", 3, 2],
            ["Xã Mường Lát", 4, 4],
            ["Xã Yên Thắng", 5, 1],
            ["Tam Chung", 9, 2],
        ],
        "14710,Tam Chung,xã,\n14704,Mường Lát,xã,\n15838,Yên Thắng,xã,\n",
    )
    (twice,) = [f for f in report.findings if f.code == "duplicate-unit"]
    assert (twice.severity.value, twice.cell, twice.unit) == ("error", "B10", "Tam Chung")
    assert "B7 (Xã Tam Chung) và B10 (Tam Chung), số liệu khác nhau" in twice.message_vi


def test_a_commune_typed_alike_on_two_rows_is_one_finding(tmp_path: Path) -> None:
    """The layout's duplicate-row says it (trial 29, case 2): not a second finding, a
    duplicate-unit, for the same row."""
    report = _computed_by_commune(
        tmp_path,
        [["Xã Tam Chung", 3, 2], ["Xã Mường Lát", 4, 4], ["Xã Tam Chung", 9, 2]],
        "14710,Tam Chung,xã,\n14704,Mường Lát,xã,\n",
    )
    twice = [(f.code, f.cell) for f in report.findings if f.code.startswith("duplicate")]
    assert twice == [("duplicate-row", "B9")]


def test_two_communes_merged_into_one_each_by_its_alias_are_added_up(tmp_path: Path) -> None:
    """The old communes given as aliases of the new one (--units): each row is its own
    commune's, and the new commune's figure is their sum, no duplicate."""
    report = _computed_by_commune(
        tmp_path,
        [["Xã Quang Chiểu", 3, 2], ["Xã Mường Lát", 4, 4], ["Xã Tam Chung", 9, 2]],
        "14704,Mường Lát,xã,Quang Chiểu|Tam Chung\n",
    )
    assert not [f for f in report.findings if f.severity.value == "error"]
    (unit,) = [u for u in report.units if u.figures.indicator == "inspection.disciplined_members"]
    assert (unit.name, unit.figures.actual) == ("Mường Lát", 16)


def test_two_rows_of_one_consolidated_sheet_alike_are_no_copied_workbook(tmp_path: Path) -> None:
    """Trial 25, case 5: two communes of the commission's sheet with the same small counts
    were "one unit may have sent the other's workbook (tong-hop.xlsx and tong-hop.xlsx)",
    and `check --strict` failed on correct data. One clerk typed both rows."""
    heading = ["STT", "Đơn vị", "Thi hành kỷ luật tổ chức đảng", "Tổ chức đảng bị khiển trách"]
    heading += ["Tổ chức đảng bị cảnh cáo", "Thi hành kỷ luật đảng viên"]
    heading += ["Đảng viên bị khiển trách", "Đảng viên bị cảnh cáo", "Đảng viên bị cách chức"]
    same = [1, 1, 0, 3, 1, 1, 1]
    rows = [["Xã Mường Lát", *same], ["Xã Tam Chung", 2, 2, 0, 5, 3, 2, 0]]
    rows += [["Xã Yên Thắng", *same]]
    total = ["Tổng cộng", None, *(sum(r[i] for r in rows) for i in range(1, 8))]  # type: ignore[misc]
    sheet = [*_DISCIPLINE_SHEET_HEAD[:4], heading, *[[n, *r] for n, r in enumerate(rows)], total]
    write_xlsx(tmp_path / "tong-hop.xlsx", {"Kỷ luật": sheet})
    registry = tmp_path / "units.csv"
    registry.write_text(
        "code,name,type\n14704,Mường Lát,xã\n14710,Tam Chung,xã\n15838,Yên Thắng,xã\n",
        encoding="utf-8",
    )
    report = ctr_stats.compute([tmp_path / "tong-hop.xlsx"], units_file=registry, units_only=True)
    assert [f.code for f in report.findings] == []


@pytest.mark.parametrize(
    ("hidden", "heading", "codes"),
    [
        (True, "Mã ĐVHC", []),
        (False, "Mã ĐVHC", []),
        (True, "Thực hiện", ["hidden-sheet"]),
        (False, "Thực hiện", ["stray-number"]),
    ],
)
def test_a_templates_list_of_unit_codes_holds_no_figures(
    tmp_path: Path, hidden: bool, heading: str, codes: list[str]
) -> None:
    """Trial 25, case 6: the province's template carries a hidden sheet "DM" listing the
    communes and their codes for the Đơn vị column's drop-down; every copy of it was a
    hidden-sheet error "holds figures", and no annex was written. Numbers under a heading
    of codes are identifiers; under any other heading they are still figures."""
    from openpyxl import load_workbook

    rows = [["Xã Mường Lát", 4, 4], ["Xã Tam Chung", 3, 2], ["Xã Yên Thắng", 5, 1]]
    registry = _discipline_by_commune(
        tmp_path, rows, "14704,Mường Lát,xã,\n14710,Tam Chung,xã,\n15838,Yên Thắng,xã,\n"
    )
    workbook = load_workbook(tmp_path / "tong-hop.xlsx")
    listed = workbook.create_sheet("DM")
    listed.append([heading, "Tên đơn vị", "Loại"])
    for code, name in ((14704, "Mường Lát"), (14710, "Tam Chung"), (15838, "Yên Thắng")):
        listed.append([code, name, "xã"])
    listed.sheet_state = "hidden" if hidden else "visible"
    workbook.save(tmp_path / "tong-hop.xlsx")
    report = ctr_stats.compute([tmp_path / "tong-hop.xlsx"], units_file=registry, units_only=True)
    assert [f.code for f in report.findings] == codes


def _commune_report(
    folder: Path, title: str, heading: list[object], rows: list[list[object]]
) -> ctr_stats.Report:
    """A commune's one-sheet report of criteria down the rows, read with Tam Chung alone
    as the registry."""
    sheet: list[list[object]] = [
        ["ĐẢNG BỘ TỈNH THANH HÓA"],
        ["ĐẢNG ỦY XÃ TAM CHUNG"],
        [],
        [title],
        [],
        heading,
        *rows,
        [],
        [None, "NGƯỜI LẬP BIỂU", "T/M BAN THƯỜNG VỤ"],
    ]
    write_xlsx(folder / "tam-chung.xlsx", {"Báo cáo": sheet})
    registry = folder / "units.csv"
    registry.write_text("code,name,type\n14710,Tam Chung,xã\n", encoding="utf-8")
    return ctr_stats.compute([folder / "tam-chung.xlsx"], units_file=registry, units_only=True)


def test_a_list_begun_on_its_trong_do_line_goes_on_unnumbered(tmp_path: Path) -> None:
    """Trial 25, case 2: "Trong đó: Đảng bộ cơ sở" then "Chi bộ cơ sở" on the next line,
    unnumbered: the second item became a heading over every row below, sections II and III
    included, and the chi bộ trực thuộc and the new organizations in private enterprises
    were lost with exit 0 (in all 166 communes' copies of the province's template)."""
    report = _commune_report(
        tmp_path,
        "BÁO CÁO TÌNH HÌNH TỔ CHỨC ĐẢNG 9 THÁNG NĂM 2025",
        ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Thực hiện 9 tháng", "Cùng kỳ năm 2024"],
        [
            ["I", "TỔ CHỨC CƠ SỞ ĐẢNG"],
            ["1", "Tổng số tổ chức cơ sở đảng", None, 42, 41],
            [None, "Trong đó: Đảng bộ cơ sở", None, 5, 5],
            [None, "Chi bộ cơ sở", None, 37, 36],
            ["II", "CHI BỘ TRỰC THUỘC"],
            ["1", "Chi bộ trực thuộc đảng ủy cơ sở", None, 61, 60],
            ["III", "TỔ CHỨC ĐẢNG TRONG DOANH NGHIỆP NGOÀI KHU VỰC NHÀ NƯỚC"],
            ["1", "Thành lập mới tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước", 2, 1, 0],
        ],
    )
    read = {t.figures.indicator: (t.figures.plan, t.figures.actual) for t in report.totals}
    assert read["party_cell.grassroots_total"] == (None, 42)
    assert read["party_cell.subordinate_cell"] == (None, 61)
    assert read["party_cell.new_non_state_enterprise"] == (2, 1)
    assert [f.code for f in report.findings if f.severity.value != "note"] == []


def test_a_form_of_discipline_left_blank_under_trong_do_ends_no_section(tmp_path: Path) -> None:
    """Trial 25, case 3: "Trong đó: Khiển trách | 2" then "Cảnh cáo" left blank (nobody
    warned): section II, the commission's, was read under it, its 5 disciplined members
    printed as "5 đảng viên bị cảnh cáo" and its checks and supervision dropped."""
    rows: list[list[object]] = [
        ["I", "CẤP ỦY CÁC CẤP"],
        ["1", "Kiểm tra"],
        ["-", "Tổ chức đảng", 5, 4],
        ["-", "Đảng viên", 12, 10],
        ["2", "Giám sát"],
        ["-", "Tổ chức đảng", 4, 4],
        ["-", "Đảng viên", 9, 8],
        ["3", "Thi hành kỷ luật"],
        ["-", "Tổ chức đảng", 1, 0],
        ["-", "Đảng viên", 3, 2],
        [None, "Trong đó: Khiển trách", 2, 1],
        [None, "Cảnh cáo"],
        ["II", "ỦY BAN KIỂM TRA CÁC CẤP"],
        ["1", "Kiểm tra khi có dấu hiệu vi phạm"],
        ["-", "Tổ chức đảng", 1, 1],
        ["-", "Đảng viên", 4, 3],
        ["2", "Giám sát chuyên đề"],
        ["-", "Tổ chức đảng", 2, 2],
        ["-", "Đảng viên", 6, 5],
        ["3", "Thi hành kỷ luật"],
        ["-", "Tổ chức đảng", 0, 1],
        ["-", "Đảng viên", 5, 4],
    ]
    report = _commune_report(
        tmp_path,
        "BÁO CÁO THỐNG KÊ CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT ĐẢNG 9 THÁNG NĂM 2025",
        ["STT", "Nội dung", "9 tháng năm 2025", "Cùng kỳ năm 2024"],
        rows,
    )
    read = {t.figures.indicator: (t.figures.actual, t.figures.prior) for t in report.totals}
    assert read["inspection.violation_check_orgs"] == (1, 1)
    assert read["inspection.violation_check_members"] == (4, 3)
    assert read["inspection.thematic_supervise_orgs"] == (2, 2)
    assert read["inspection.thematic_supervise_members"] == (6, 5)
    assert read["inspection.commission_disciplined_orgs"] == (0, 1)
    assert read["inspection.commission_disciplined_members"] == (5, 4)
    assert "inspection.commission_disciplined_members_warning" not in read
