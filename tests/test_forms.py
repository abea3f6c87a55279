"""The official forms units fill in (tests/forms: Biểu 1, 2, 3, 5-BTCTW; 1, 2, 10-TCTW; the
inspection forms of 885-QĐ/UBKTTW), rebuilt cell for cell from their public sources by
tests/forms/make_forms.py, read as they are. The manifest beside them (expected.json) says,
in words written apart from the catalogue, what every number of every sheet is: each figure
ctr-stats reads must come from cells that mean that figure, and every number must be used,
checked, a row or column number, or named in a finding."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import ctr_stats
from ctr_stats.api import load

FORMS = Path(__file__).resolve().parent / "forms"
FILES = FORMS / "files"

EXPECTED: dict[str, dict[str, tuple[int | None, int | None, int | None]]] = {
    "bieu-1-btctw_ba-dinh_nam-2023": {
        "admission.total": (None, 442, 447),
        "party_cell.members": (None, 20812, 20654),
    },
    "bieu-1-btctw_dong-anh_nam-2023": {
        "admission.total": (None, 835, 830),
        "party_cell.members": (None, 47642, 47355),
    },
    "bieu-1-tctw_long-bien_nam-2023": {
        "admission.total": (None, 601, 627),
        "party_cell.members": (None, 29674, 29374),
    },
    "bieu-10-tctw_long-bien_nam-2023": {
        # "I - Tổ chức đảng và đảng viên › 2. Tổng số đơn vị cơ sở › a - Đảng bộ cơ sở",
        # "b - Chi bộ cơ sở" and the organizations inside the ĐBCS
        "party_cell.grassroots_committee": (None, 24, 22),
        "party_cell.grassroots_cell": (None, 138, 140),
        "party_cell.subordinate_cell": (None, 171, 169),
        "party_cell.partial_committee": (None, 0, 1),
        "inspection.disciplined_members": (None, 45, 42),
        "inspection.disciplined_members_reprimand": (None, 28, 28),
        "inspection.disciplined_members_warning": (None, 12, 9),
        "inspection.disciplined_members_dismissed": (None, 1, 1),
        "inspection.disciplined_members_expelled": (None, 4, 4),
    },
    "bieu-2-btctw_ba-dinh_6-thang-2024": {
        "admission.total": (None, 193, 175),
        "admission.business_owner": (None, 1, 1),
        "admission.high_school_student": (None, 6, 5),
        "admission.university_student": (None, 18, 18),
        "admission.readmitted": (None, 1, 0),
        "admission.female": (None, 117, 105),
        "admission.ethnic_minority": (None, 5, 5),
        "admission.religious": (None, 5, 4),
        "admission.youth_union_member": (None, 139, 140),
        "party_cell.grassroots_total": (None, 143, 144),
        "party_cell.grassroots_committee": (None, 48, 47),
        "party_cell.grassroots_cell": (None, 95, 97),
    },
    "bieu-2-btctw_dong-anh_6-thang-2024": {
        "admission.total": (None, 410, 406),
        "admission.business_owner": (None, 3, 1),
        "admission.high_school_student": (None, 19, 21),
        "admission.university_student": (None, 13, 13),
        "admission.readmitted": (None, 3, 1),
        "admission.female": (None, 249, 257),
        "admission.ethnic_minority": (None, 8, 7),
        "admission.religious": (None, 6, 10),
        "admission.youth_union_member": (None, 264, 317),
        "party_cell.grassroots_total": (None, 315, 316),
        "party_cell.grassroots_committee": (None, 106, 104),
        "party_cell.grassroots_cell": (None, 209, 212),
    },
    "bieu-2-btctw_son-tay_6-thang-2024": {
        "admission.total": (None, 149, 138),
        "admission.business_owner": (None, 1, 0),
        "admission.high_school_student": (None, 7, 7),
        "admission.university_student": (None, 10, 9),
        "admission.readmitted": (None, 1, 2),
        "admission.female": (None, 93, 84),
        "admission.ethnic_minority": (None, 3, 4),
        "admission.religious": (None, 4, 4),
        "admission.youth_union_member": (None, 93, 90),
        "party_cell.grassroots_total": (None, 114, 116),
        "party_cell.grassroots_committee": (None, 38, 38),
        "party_cell.grassroots_cell": (None, 76, 78),
    },
    "bieu-2-btctw_tong-hop_6-thang-2024": {
        "admission.total": (None, 1001, 942),
        "admission.business_owner": (None, 5, None),
        "admission.high_school_student": (None, 39, None),
        "admission.university_student": (None, 67, None),
        "admission.readmitted": (None, 8, None),
        "admission.female": (None, 612, None),
        "admission.ethnic_minority": (None, 22, None),
        "admission.religious": (None, 19, None),
        "admission.youth_union_member": (None, 655, None),
    },
    "bieu-2-tctw_long-bien_nam-2023": {
        "admission.total": (None, 601, 627),
        "admission.readmitted": (None, 0, 0),
        "admission.female": (None, 355, 365),
        "admission.ethnic_minority": (None, 18, 13),
        "admission.religious": (None, 11, 6),
        "admission.youth_union_member": (None, 399, 434),
    },
    "bieu-3-btctw_ba-dinh_nam-2023": {
        "party_cell.members": (None, 20812, 20654),
    },
    "bieu-3-btctw_son-tay_nam-2023": {
        "party_cell.members": (None, 16857, 16499),
    },
    "bieu-5-btctw_ba-dinh_nam-2023": {
        "party_cell.grassroots_total": (None, 102, None),
        "party_cell.grassroots_committee": (None, 17, None),
        "party_cell.grassroots_cell": (None, 85, None),
        "party_cell.subordinate_cell": (None, 199, None),
        "party_cell.partial_committee": (None, 0, None),
        "party_cell.members": (None, 20812, None),
    },
    "bieu-5-btctw_dong-anh_nam-2023": {
        "party_cell.grassroots_total": (None, 256, None),
        "party_cell.grassroots_committee": (None, 43, None),
        "party_cell.grassroots_cell": (None, 213, None),
        "party_cell.subordinate_cell": (None, 411, None),
        "party_cell.partial_committee": (None, 1, None),
        "party_cell.members": (None, 47642, None),
    },
    "bieu-5-btctw_tong-hop_nam-2023": {
        "party_cell.grassroots_total": (None, 606, None),
        "party_cell.grassroots_committee": (None, 103, None),
        "party_cell.grassroots_cell": (None, 503, None),
        "party_cell.subordinate_cell": (None, 961, None),
        "party_cell.partial_committee": (None, 1, None),
        "party_cell.members": (None, 114985, None),
    },
    "ktgs-885-bao-cao_ba-dinh_6-thang-2024": {
        "inspection.committee_check_orgs": (None, 58, 47),
        "inspection.committee_check_members": (None, 56, 45),
        "inspection.committee_supervise_orgs": (None, 33, 32),
        "inspection.committee_supervise_members": (None, 50, 42),
        "inspection.violation_check_orgs": (None, 8, 5),
        "inspection.violation_check_members": (None, 9, 13),
        "inspection.thematic_supervise_orgs": (None, 9, 9),
        "inspection.thematic_supervise_members": (None, 21, 27),
        "inspection.regular_supervise_orgs": (None, 116, 100),
        "inspection.regular_supervise_members": (None, 157, 272),
        "inspection.task_check_orgs": (None, 18, 20),
        "inspection.discipline_check_orgs": (None, 5, 3),
        "inspection.disciplined_orgs": (None, 0, 7),
        "inspection.disciplined_members": (None, 18, 20),
        "inspection.disciplined_orgs_reprimand": (None, 0, 5),
        "inspection.disciplined_orgs_warning": (None, 0, 2),
        "inspection.disciplined_orgs_dissolved": (None, 0, 0),
        "inspection.disciplined_members_reprimand": (None, 12, 14),
        "inspection.disciplined_members_warning": (None, 4, 4),
        "inspection.disciplined_members_dismissed": (None, 0, 0),
        "inspection.disciplined_members_expelled": (None, 2, 2),
    },
    "ktgs-885-bao-cao_dong-anh_6-thang-2024": {
        "inspection.committee_check_orgs": (None, 148, 115),
        "inspection.committee_check_members": (None, 97, 113),
        "inspection.committee_supervise_orgs": (None, 73, 68),
        "inspection.committee_supervise_members": (None, 95, 72),
        "inspection.violation_check_orgs": (None, 24, 24),
        "inspection.violation_check_members": (None, 31, 19),
        "inspection.thematic_supervise_orgs": (None, 28, 23),
        "inspection.thematic_supervise_members": (None, 43, 57),
        "inspection.regular_supervise_orgs": (None, 190, 211),
        "inspection.regular_supervise_members": (None, 553, 364),
        "inspection.task_check_orgs": (None, 22, 27),
        "inspection.discipline_check_orgs": (None, 16, 14),
        "inspection.disciplined_orgs": (None, 5, 3),
        "inspection.disciplined_members": (None, 37, 48),
        "inspection.disciplined_orgs_reprimand": (None, 4, 3),
        "inspection.disciplined_orgs_warning": (None, 1, 0),
        "inspection.disciplined_orgs_dissolved": (None, 0, 0),
        "inspection.disciplined_members_reprimand": (None, 23, 36),
        "inspection.disciplined_members_warning": (None, 10, 8),
        "inspection.disciplined_members_dismissed": (None, 0, 1),
        "inspection.disciplined_members_expelled": (None, 4, 3),
    },
    "ktgs-885-bao-cao_son-tay_6-thang-2024": {
        "inspection.committee_check_orgs": (None, 40, 51),
        "inspection.committee_check_members": (None, 48, 43),
        "inspection.committee_supervise_orgs": (None, 26, 19),
        "inspection.committee_supervise_members": (None, 39, 42),
        "inspection.violation_check_orgs": (None, 8, 7),
        "inspection.violation_check_members": (None, 11, 6),
        "inspection.thematic_supervise_orgs": (None, 10, 6),
        "inspection.thematic_supervise_members": (None, 21, 19),
        "inspection.regular_supervise_orgs": (None, 68, 75),
        "inspection.regular_supervise_members": (None, 229, 204),
        "inspection.task_check_orgs": (None, 16, 14),
        "inspection.discipline_check_orgs": (None, 6, 4),
        "inspection.disciplined_orgs": (None, 5, 0),
        "inspection.disciplined_members": (None, 15, 14),
        "inspection.disciplined_orgs_reprimand": (None, 4, 0),
        "inspection.disciplined_orgs_warning": (None, 1, 0),
        "inspection.disciplined_orgs_dissolved": (None, 0, 0),
        "inspection.disciplined_members_reprimand": (None, 10, 9),
        "inspection.disciplined_members_warning": (None, 4, 5),
        "inspection.disciplined_members_dismissed": (None, 0, 0),
        "inspection.disciplined_members_expelled": (None, 1, 0),
    },
    "ktgs-885-dhvp_tong-hop_6-thang-2024": {
        "inspection.violation_check_orgs": (None, 56, None),
        "inspection.violation_check_members": (None, 72, None),
    },
    "ktgs-885_ba-dinh_6-thang-2024": {
        "inspection.committee_check_orgs": (None, 58, None),
        "inspection.committee_supervise_orgs": (None, 33, None),
        "inspection.violation_check_orgs": (None, 8, None),
        "inspection.violation_check_members": (None, 9, None),
        "inspection.committee_disciplined_orgs": (None, 0, None),
        "inspection.committee_disciplined_members": (None, 18, None),
        "inspection.committee_disciplined_members_reprimand": (None, 12, None),
        "inspection.committee_disciplined_members_warning": (None, 4, None),
        "inspection.committee_disciplined_members_dismissed": (None, 0, None),
        "inspection.committee_disciplined_members_expelled": (None, 2, None),
    },
    "ktgs-885_dong-anh_6-thang-2024": {
        "inspection.committee_check_orgs": (None, 148, None),
        "inspection.committee_supervise_orgs": (None, 73, None),
        "inspection.violation_check_orgs": (None, 24, None),
        "inspection.violation_check_members": (None, 31, None),
        "inspection.committee_disciplined_orgs": (None, 5, None),
        "inspection.committee_disciplined_members": (None, 37, None),
        "inspection.committee_disciplined_orgs_reprimand": (None, 4, None),
        "inspection.committee_disciplined_orgs_warning": (None, 1, None),
        "inspection.committee_disciplined_orgs_dissolved": (None, 0, None),
        "inspection.committee_disciplined_members_reprimand": (None, 23, None),
        "inspection.committee_disciplined_members_warning": (None, 10, None),
        "inspection.committee_disciplined_members_dismissed": (None, 0, None),
        "inspection.committee_disciplined_members_expelled": (None, 4, None),
    },
}
# What the manifest says a number is, for each indicator the forms carry: the words every
# cell read into it must have (the measure, "(kỳ này)" / "(cùng kỳ năm trước)", apart).
MEANINGS: dict[str, str] = {
    "admission.total": r"^đảng viên mới kết nạp trong (kỳ|năm)$",
    "admission.female": r"^đảng viên mới kết nạp trong (kỳ|năm) — trong đó (nữ|phụ nữ)$",
    "admission.ethnic_minority": r"— trong đó người dân tộc thiểu số$",
    "admission.religious": r"— trong đó người (theo|có) tôn giáo$",
    "admission.youth_union_member": r"— trong đó đoàn viên( Đoàn TNCS Hồ Chí Minh)?$",
    "admission.business_owner": r"— trong đó chủ doanh nghiệp tư nhân$",
    "admission.readmitted": r"— trong đó kết nạp lại$",
    "admission.university_student": r"^đảng viên mới kết nạp trong kỳ — (là|trong đó) sinh viên$",
    "admission.high_school_student": r"^đảng viên mới kết nạp trong kỳ — (là|trong đó) học sinh$",
    "party_cell.members": r"^(đảng viên trong danh sách cuối kỳ|số đảng viên — (loại hình|toàn đơn vị))",
    "party_cell.grassroots_total": r"^số tổ chức cơ sở đảng( \(tổng số\) —| có đến cuối kỳ$)",
    "party_cell.grassroots_committee": r"^số đảng bộ cơ sở( —| có đến cuối kỳ$|$)",
    "party_cell.grassroots_cell": r"^số chi bộ cơ sở( —| có đến cuối kỳ$|$)",
    "party_cell.subordinate_cell": r"^số chi bộ trực thuộc đảng bộ cơ sở",
    "party_cell.partial_committee": r"^số đảng bộ bộ phận",
    "inspection.committee_check_orgs": r"^số tổ chức đảng được cấp ủy kiểm tra( \(|$)",
    "inspection.committee_check_members": r"^số đảng viên được cấp ủy kiểm tra$",
    "inspection.violation_check_orgs": r"^số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm( \(.*\))?$",
    "inspection.violation_check_members": r"^số đảng viên được (UBKT )?kiểm tra khi có dấu hiệu vi phạm( \(.*\))?$",
    "inspection.committee_supervise_orgs": r"^số tổ chức đảng được cấp ủy giám sát chuyên đề( \(.*\))?$",
    "inspection.committee_supervise_members": r"^số đảng viên được cấp ủy giám sát chuyên đề$",
    "inspection.thematic_supervise_orgs": r"^số tổ chức đảng được UBKT giám sát chuyên đề$",
    "inspection.thematic_supervise_members": r"^số đảng viên được UBKT giám sát chuyên đề$",
    "inspection.regular_supervise_orgs": r"^số tổ chức đảng được giám sát thường xuyên$",
    "inspection.regular_supervise_members": r"^số đảng viên được giám sát thường xuyên$",
    "inspection.task_check_orgs": r"^số tổ chức đảng được UBKT kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát$",
    "inspection.discipline_check_orgs": r"^số tổ chức đảng được UBKT kiểm tra việc thi hành kỷ luật trong Đảng$",
    "inspection.disciplined_orgs": r"^số tổ chức đảng bị thi hành kỷ luật( \(.*\))?$",
    "inspection.disciplined_members": r"^số đảng viên bị thi hành kỷ luật( \(.*\))?$",
    "inspection.disciplined_orgs_reprimand": r"^số tổ chức đảng bị (kỷ luật khiển trách$|thi hành kỷ luật .* › Khiển trách$)",
    "inspection.disciplined_orgs_warning": r"^số tổ chức đảng bị (kỷ luật cảnh cáo$|thi hành kỷ luật .* › Cảnh cáo$)",
    "inspection.disciplined_orgs_dissolved": r"^số tổ chức đảng bị (giải tán$|thi hành kỷ luật .* › Giải tán$)",
    "inspection.disciplined_members_reprimand": r"(kỷ luật khiển trách|Hình thức kỷ luật › Khiển trách)$",
    "inspection.disciplined_members_warning": r"(kỷ luật cảnh cáo|Hình thức kỷ luật › Cảnh cáo)",
    "inspection.disciplined_members_dismissed": r"(kỷ luật cách chức|Hình thức kỷ luật › Cách chức)$",
    "inspection.disciplined_members_expelled": r"(kỷ luật khai trừ|Hình thức kỷ luật › Khai trừ)$",
    # the discipline forms of 885-QĐ/UBKTTW are the committees' ("… CỦA CẤP ỦY CÁC CẤP VÀ CHI
    # BỘ" in their titles): a part of all discipline, the commissions' apart
    "inspection.committee_disciplined_orgs": r"^số tổ chức đảng bị thi hành kỷ luật( \(.*\))?$",
    "inspection.committee_disciplined_members": r"^số đảng viên bị thi hành kỷ luật( \(.*\))?$",
    "inspection.committee_disciplined_orgs_reprimand": r"^số tổ chức đảng bị (kỷ luật khiển trách$|thi hành kỷ luật .* › Khiển trách$)",
    "inspection.committee_disciplined_orgs_warning": r"^số tổ chức đảng bị (kỷ luật cảnh cáo$|thi hành kỷ luật .* › Cảnh cáo$)",
    "inspection.committee_disciplined_orgs_dissolved": r"^số tổ chức đảng bị (giải tán$|thi hành kỷ luật .* › Giải tán$)",
    "inspection.committee_disciplined_members_reprimand": r"(kỷ luật khiển trách|Hình thức kỷ luật › Khiển trách)$",
    "inspection.committee_disciplined_members_warning": r"(kỷ luật cảnh cáo|Hình thức kỷ luật › Cảnh cáo)",
    "inspection.committee_disciplined_members_dismissed": r"(kỷ luật cách chức|Hình thức kỷ luật › Cách chức)$",
    "inspection.committee_disciplined_members_expelled": r"(kỷ luật khai trừ|Hình thức kỷ luật › Khai trừ)$",
}
MEASURES = {
    "kỳ này": "actual",
    "năm báo cáo": "actual",
    "cùng kỳ năm trước": "prior",
    "năm trước": "prior",
}
WORKBOOKS = sorted(p.name for p in FILES.iterdir() if p.suffix in (".xlsx", ".xls"))


@cache
def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FORMS / "expected.json").read_text(encoding="utf-8"))
    return data


def manifest_cell(workbook: str, sheet: str, cell: str) -> dict[str, Any]:
    name = workbook if workbook.endswith(".xlsx") else workbook + "x"  # the .xls: its twin
    cells = manifest()["files"][name]["sheets"][sheet]["cells"]
    return next(c for c in cells if c["cell"] == cell)


@cache
def report(workbook: str) -> ctr_stats.Report:
    return ctr_stats.compute([FILES / workbook], registry="hanoi-2024")


@pytest.mark.parametrize("workbook", WORKBOOKS)
def test_every_figure_the_catalogue_defines_is_read_right(workbook: str) -> None:
    got = {
        t.figures.indicator: (t.figures.plan, t.figures.actual, t.figures.prior)
        for t in report(workbook).totals
    }
    assert got == EXPECTED[workbook.rsplit(".", 1)[0]]


@pytest.mark.parametrize("workbook", WORKBOOKS)
def test_no_figure_comes_from_a_row_of_another_meaning(workbook: str) -> None:
    for unit in report(workbook).units:
        indicator = unit.figures.indicator
        for measure, cells in unit.cells.items():
            for cell in cells:
                source = cell.source
                said = manifest_cell(workbook, source.sheet, source.cell)
                assert said["value"] == cell.value, (source, said)
                meaning = said["meaning"]
                suffix = re.search(
                    r" \((kỳ này|cùng kỳ năm trước|năm báo cáo|năm trước)\)$", meaning
                )
                if suffix:
                    assert MEASURES[suffix.group(1)] == measure, (source, meaning)
                    meaning = meaning[: suffix.start()]
                else:
                    assert measure == "actual", (source, meaning)  # forms with no prior column
                assert re.search(MEANINGS[indicator], meaning), (indicator, source, meaning)


@pytest.mark.parametrize("workbook", WORKBOOKS)
def test_every_number_is_accounted_for(workbook: str) -> None:
    loaded = load([FILES / workbook])
    numbers_named = {(f.sheet, f.code) for f in loaded.findings}
    for sheet in loaded.sheets:
        counts = sheet.accounting
        assert counts is not None
        assert counts.read == counts.used + counts.checked + counts.numbering + counts.not_used
        findings = {(f.sheet, f.code) for f in sheet.findings} | numbers_named
        for unused in counts.unused:  # each number not used is named, with why, in a finding
            assert (unused.sheet, unused.code) in findings, unused
            said = manifest_cell(workbook, unused.sheet, unused.cell)
            assert float(said["value"]) == float(unused.text.replace(",", ".")), unused


@pytest.mark.parametrize("workbook", WORKBOOKS)
def test_the_forms_raise_no_error_and_warn_only_of_what_the_catalogue_lacks(workbook: str) -> None:
    codes = {
        (f.code, f.severity.value) for f in report(workbook).findings if f.code != "missing-unit"
    }
    # (Biểu 2-TCTW's panel by religion restates its total of believers: the same figure
    # twice, counted once)
    # (compute reports check's plausibility warnings too: the forms' own figures may move
    # more than half against Cùng kỳ)
    assert codes <= {
        ("unknown-criterion", "warning"),
        ("unknown-column", "warning"),
        ("duplicate-unit", "warning"),
        ("implausible-change", "warning"),
        ("far-from-plan", "warning"),
        ("stock-change", "warning"),
    }, codes


def test_the_xls_copies_give_what_the_xlsx_give() -> None:
    for workbook in WORKBOOKS:
        if workbook.endswith(".xls"):
            twin = report(workbook + "x")
            assert report(workbook).totals == twin.totals
            assert [(f.code, f.sheet, f.cell) for f in report(workbook).findings] == [
                (f.code, f.sheet, f.cell) for f in twin.findings
            ]


def test_a_member_stock_form_gives_no_admission() -> None:
    """Biểu 3-BTCTW counts the members on the rolls: its "Sinh viên" row, its "Thời gian
    kết nạp vào Đảng" rows are no admissions."""
    for workbook in ("bieu-3-btctw_ba-dinh_nam-2023.xlsx", "bieu-3-btctw_son-tay_nam-2023.xlsx"):
        assert [t.figures.indicator for t in report(workbook).totals] == ["party_cell.members"]


def test_signature_blocks_and_dated_place_lines_give_no_finding() -> None:
    for workbook in WORKBOOKS:
        for finding in report(workbook).findings:
            assert "ngày" not in finding.message_vi.lower(), finding
            assert finding.code not in ("not-a-number", "unlabelled-row", "misplaced-number")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_indicator_has_its_sentence_and_the_forms_render(lang: str) -> None:
    from ctr_stats.catalogue import load_catalogue
    from ctr_stats.render.text import load_templates, render_text

    assert set(load_catalogue().indicators) <= set(load_templates()["indicators"])
    for workbook in WORKBOOKS:
        assert render_text(report(workbook), lang=lang)
