"""Hướng dẫn 11-HD/BTCTW (13/12/2021): Biểu số 1, 2, 3 and 5-BTCTW, as units fill them.

Layouts follow the public templates named in SOURCES.md (thanhvu16/quan_ly_can_bo,
Hao-Prime/SoTayDangVienFE); what they leave open is filled the way the guide's other forms do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from .models import CITY, ETHNIC, RELIGIONS, TOP_5, UNITS, Model, Unit
from .sheetkit import SEP, FormSheet, HeaderCell, percent, ref
from .tables import Measure, Row, column_totals, criteria_rows, signature, title_lines

PERSON = "Người"
COMPILER = ["NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ và tên; số điện thoại di động và cố định liên hệ)"]
HEAD = ["TRƯỞNG BAN", "(Ký, đóng dấu, ghi rõ họ và tên)"]

YEAR_2023 = {"label": "NĂM 2023", "kind": "year", "year": 2023, "as_of": "2023-12-31"}
HALF_2024 = {
    "label": "6 THÁNG ĐẦU NĂM 2024",
    "kind": "6 months",
    "year": 2024,
    "as_of": "2024-06-15",
}


def sheet(wb: Workbook, name: str, *, form: str, title: str, unit: dict[str, str], period: dict[str, Any], layout: str = "indicator-rows") -> FormSheet:  # fmt: skip
    ws = (
        wb.active
        if wb.active is not None and wb.active.max_row == 1 and wb.active.title == "Sheet"
        else wb.create_sheet()
    )
    assert ws is not None
    ws.title = name
    ws.page_setup.orientation = (
        "landscape"
        if layout == "unit-rows" or name.startswith(("KT", "GS", "THKL"))
        else "portrait"
    )
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    return FormSheet(ws, form=form, title=title, unit=unit, period=period, layout=layout)


def left_block(unit: Unit, style: str) -> list[str]:
    """The issuing body, as units write it: city / district party / board, or committee / board."""
    if style == "three-lines":
        return ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", unit.party, "BAN TỔ CHỨC"]
    return [unit.committee, "BAN TỔ CHỨC"]


def measures_4(
    suffix_cur: str = "(kỳ này)", suffix_prev: str = "(cùng kỳ năm trước)"
) -> list[Measure]:
    return [
        Measure(2, "value", "cur", suffix_cur),
        Measure(3, "value", "prev", suffix_prev),
        Measure(4, "percent"),
    ]


def btctw_frame(
    fs: FormSheet,
    unit: Unit,
    *,
    form_no: str,
    centre: list[str],
    style: str,
    centre_one_cell: bool,
) -> int:
    """Title block and the Tiêu chí | Thực hiện › Kỳ này | Cùng kỳ năm trước | (%) header of
    Biểu 1, 2 and 3-BTCTW; returns the first data row."""
    fs.widths({1: 62, 2: 14, 3: 14, 4: 16})
    top = title_lines(
        fs,
        left=left_block(unit, style),
        centre=centre,
        right=[form_no, f"Đơn vị tính: {PERSON}"],
        left_cols=(1, 1),
        centre_cols=(2, 3),
        right_cols=(4, 4),
        centre_one_cell=centre_one_cell,
    )
    fs.header(
        top,
        [
            HeaderCell(0, 1, 2, 1, "Tiêu chí"),
            HeaderCell(0, 2, 1, 2, "Thực hiện"),
            HeaderCell(0, 4, 2, 1, "(%) kỳ này so với cùng kỳ năm trước"),
            HeaderCell(1, 2, 1, 1, "Kỳ này"),
            HeaderCell(1, 3, 1, 1, "Cùng kỳ năm trước"),
        ],
    )
    fs.column_numbers(top + 2, {1: 1, 2: 2, 3: 3, 4: "4(=2*100/3)"})
    return top + 3


def btctw_signature(fs: FormSheet, row: int, place_date: str, *, one_cell: bool, signer: Sequence[str] = HEAD) -> None:  # fmt: skip
    end = signature(
        fs, row + 1, place_date=place_date, left=COMPILER, right=list(signer),
        left_cols=(1, 1), right_cols=(2, 4), one_cell=one_cell,
    )  # fmt: skip
    fs.merge(end + 3, 1, 1, 1, "Nguyễn Thị Thu Hà", bold=True, center=True)
    fs.merge(end + 3, 2, 1, 3, "Trần Quang Minh", bold=True, center=True)


# ----------------------------------------------------------------------- Biểu số 1-BTCTW

ROWS_1 = [
    Row("A - Tổng số đảng viên cuối kỳ trước chuyển sang", 0, "dau_ky", "đảng viên đầu kỳ (cuối kỳ trước chuyển sang)"),
    Row("B - Đảng viên tăng trong kỳ", 0, "tang", "đảng viên tăng trong kỳ", parts=("ket_nap", "chuyen_den", "phuc_hoi")),
    Row("1. Kết nạp", 1, "ket_nap", "đảng viên mới kết nạp trong kỳ"),
    Row("2. Chuyển đến", 1, "chuyen_den", "đảng viên chuyển đến trong kỳ", parts=("den_tinh", "den_huyen")),
    Row("a. Tỉnh khác chuyển đến", 2, "den_tinh", "đảng viên từ tỉnh khác chuyển đến"),
    Row("b. Huyện khác trong tỉnh chuyển đến", 2, "den_huyen", "đảng viên từ huyện khác trong tỉnh chuyển đến"),
    Row("3. Phục hồi đảng tịch", 1, "phuc_hoi", "đảng viên được phục hồi đảng tịch"),
    Row("C - Đảng viên giảm trong kỳ", 0, "giam", "đảng viên giảm trong kỳ", parts=("tu_tran", "khai_tru", "xoa_ten", "xin_ra", "chuyen_di")),
    Row("1. Từ trần", 1, "tu_tran", "đảng viên từ trần"),
    Row("2. Khai trừ", 1, "khai_tru", "đảng viên bị khai trừ"),
    Row("3. Xóa tên", 1, "xoa_ten", "đảng viên bị xóa tên"),
    Row("Trong đó: Đảng viên dự bị", 2, "xoa_ten_du_bi", "đảng viên bị xóa tên — trong đó đảng viên dự bị", within="xoa_ten"),
    Row("4. Xin ra khỏi Đảng", 1, "xin_ra", "đảng viên xin ra khỏi Đảng"),
    Row("5. Chuyển đi", 1, "chuyen_di", "đảng viên chuyển đi", parts=("di_tinh", "di_huyen")),
    Row("a. Chuyển đi tỉnh khác", 2, "di_tinh", "đảng viên chuyển đi tỉnh khác"),
    Row("b. Chuyển đi huyện khác trong tỉnh", 2, "di_huyen", "đảng viên chuyển đi huyện khác trong tỉnh"),
    Row("D - Đảng viên trong danh sách cuối kỳ báo cáo", 0, "cuoi_ky", "đảng viên trong danh sách cuối kỳ"),
]  # fmt: skip


def balance_rule(fs: FormSheet, where: dict[tuple[str, str], str], keys: tuple[str, str, str, str]) -> None:  # fmt: skip
    end, start, up, down = keys
    for s in ("cur", "prev"):
        fs.rules.append({
            "kind": "balance", "whole": where[(end, s)],
            "plus": [where[(start, s)], where[(up, s)]], "minus": [where[(down, s)]],
            "why": "cuối kỳ = đầu kỳ + tăng − giảm",
        })  # fmt: skip


def bieu1(wb: Workbook, unit: Unit, model: Model, *, style: str, live: bool, place_date: str) -> FormSheet:  # fmt: skip
    fs = sheet(wb, "Biểu 1-BTCTW", form="Biểu số 1-BTCTW", title="THỐNG KÊ TĂNG, GIẢM ĐẢNG VIÊN", unit=unit.meta(), period=YEAR_2023)  # fmt: skip
    top = btctw_frame(
        fs, unit, form_no="Biểu số 1-BTCTW", style=style, centre_one_cell=style == "three-lines",
        centre=["THỐNG KÊ", "TĂNG, GIẢM ĐẢNG VIÊN", "NĂM 2023", "(Tính đến ngày 31/12/2023)"],
    )  # fmt: skip
    keys = frozenset(r.key for r in ROWS_1 if r.key) if live else frozenset()
    where = criteria_rows(fs, top, ROWS_1, model["changes"], measures_4(), live=keys)
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    balance_rule(fs, where, ("cuoi_ky", "dau_ky", "tang", "giam"))
    if live:
        fs.notes.append(
            "Cột 4 là công thức sống (=B*100/C) có giá trị lưu sẵn; các tổng B, C là công thức SUM."
        )
    btctw_signature(fs, top + len(ROWS_1), place_date, one_cell=style == "three-lines")
    return fs


# ----------------------------------------------------------------------- Biểu số 2-BTCTW

ADM = "đảng viên mới kết nạp trong kỳ"


# As both templates type it: half its letters decomposed (NFD), as the Windows Vietnamese
# keyboard leaves them; kept byte for byte.
THON_LABEL = "- Ng\u01b0\u01a1\u0300i hoa\u0323t \u0111\xf4\u0323ng kh\xf4ng chuy\xean tra\u0301ch th\xf4n, t\u1ed5 d\xe2n ph\u1ed1, ba\u0309n (\xe2\u0301p, kho\u0301m)"  # fmt: skip


def occupation_rows(depth: int, whole: str, who: str, *, stock: bool = False) -> list[Row]:
    """The occupations of Biểu 2 and 3 (the same list on both forms)."""
    items = [
        ("- Cán bộ, công chức cơ quan Nhà nước tính từ cấp huyện trở lên", "nn_cc_nha_nuoc", "là cán bộ, công chức cơ quan Nhà nước từ cấp huyện trở lên"),
        ("- Cán bộ, công chức cơ quan Đảng, Mặt trận Tổ quốc, đoàn thể chính trị - xã hội tính từ cấp huyện trở lên", "nn_cc_dang", "là cán bộ, công chức cơ quan Đảng, MTTQ, đoàn thể từ cấp huyện trở lên"),
        ("- Cán bộ, công chức; người hoạt động không chuyên trách ở xã, phường, thị trấn", "nn_cc_xa", "là cán bộ, công chức, người hoạt động không chuyên trách cấp xã"),
        (THON_LABEL, "nn_khong_chuyen_trach", "là người hoạt động không chuyên trách ở thôn, tổ dân phố"),
        ("- Viên chức trong các đơn vị sự nghiệp công lập", "nn_vien_chuc", "là viên chức trong đơn vị sự nghiệp công lập"),
        ("- Người lao động trong các đơn vị sự nghiệp ngoài công lập", "nn_ngoai_cong_lap", "là người lao động trong đơn vị sự nghiệp ngoài công lập"),
    ]  # fmt: skip
    rows = [
        Row(label, depth, key, f"{who} — {m}", never_admission=stock) for label, key, m in items
    ]
    rows.append(Row("- Lãnh đạo, quản lý và lao động trong các doanh nghiệp, chia ra:", depth, "nn_dn", f"{who} — làm việc trong doanh nghiệp", parts=("nn_dn_lanh_dao", "nn_dn_nhan_vien", "nn_dn_cong_nhan"), never_admission=stock))  # fmt: skip
    for label, key, m in [
        ("+ Người lãnh đạo, quản lý doanh nghiệp", "nn_dn_lanh_dao", "là người lãnh đạo, quản lý doanh nghiệp"),
        ("+ Nhân viên, người gián tiếp sản xuất", "nn_dn_nhan_vien", "là nhân viên, người gián tiếp sản xuất trong doanh nghiệp"),
        ("+ Công nhân, lao động trực tiếp sản xuất", "nn_dn_cong_nhan", "là công nhân, lao động trực tiếp sản xuất"),
    ]:  # fmt: skip
        rows.append(Row(label, depth + 1, key, f"{who} — {m}", never_admission=stock))
    for label, key, m in [
        ("- Người làm nông, lâm, ngư nghiệp", "nn_nong", "là người làm nông, lâm, ngư nghiệp"),
        ("- Sỹ quan, chiến sỹ quân đội và công an (lực lượng vũ trang)", "nn_llvt", "là sỹ quan, chiến sỹ lực lượng vũ trang"),
        ("- Sinh viên", "nn_sinh_vien", "là sinh viên"),
        ("- Học sinh", "nn_hoc_sinh", "là học sinh"),
        ("- Khác (lao động hợp đồng, tự do…)", "nn_khac", "nghề nghiệp khác (lao động hợp đồng, tự do)"),
    ]:  # fmt: skip
        rows.append(Row(label, depth, key, f"{who} — {m}", never_admission=stock))
    return rows


TOP_OCCUPATIONS = (
    "nn_cc_nha_nuoc", "nn_cc_dang", "nn_cc_xa", "nn_khong_chuyen_trach", "nn_vien_chuc",
    "nn_ngoai_cong_lap", "nn_dn", "nn_nong", "nn_llvt", "nn_sinh_vien", "nn_hoc_sinh", "nn_khac",
)  # fmt: skip
AGE_ROWS = [
    ("- Từ 18 - 30 tuổi", "t_18_30", "từ 18 đến 30 tuổi"), ("- Từ 31 - 35 tuổi", "t_31_35", "từ 31 đến 35 tuổi"),
    ("- Từ 36 - 40 tuổi", "t_36_40", "từ 36 đến 40 tuổi"), ("- Từ 41 - 45 tuổi", "t_41_45", "từ 41 đến 45 tuổi"),
    ("- Từ 46 - 50 tuổi", "t_46_50", "từ 46 đến 50 tuổi"), ("- Từ 51 - 55 tuổi", "t_51_55", "từ 51 đến 55 tuổi"),
    ("- Từ 56 - 60 tuổi", "t_56_60", "từ 56 đến 60 tuổi"), ("- Trên 60 tuổi", "t_tren_60", "trên 60 tuổi"),
]  # fmt: skip
GDPT_ROWS = [
    ("- Biết đọc, biết viết chữ quốc ngữ", "g_biet_doc", "trình độ giáo dục phổ thông: biết đọc, biết viết"),
    ("- Tiểu học", "g_tieu_hoc", "trình độ giáo dục phổ thông: tiểu học"),
    ("- Trung học cơ sở", "g_thcs", "trình độ giáo dục phổ thông: trung học cơ sở"),
    ("- Trung học phổ thông", "g_thpt", "trình độ giáo dục phổ thông: trung học phổ thông"),
]  # fmt: skip
CMNV_ROWS = [
    ("- Công nhân kỹ thuật, nhân viên nghiệp vụ, sơ cấp", "c_cnkt", "chuyên môn: công nhân kỹ thuật, nhân viên nghiệp vụ, sơ cấp"),
    ("- Trung cấp", "c_trung_cap", "chuyên môn: trung cấp"), ("- Cao đẳng", "c_cao_dang", "chuyên môn: cao đẳng"),
    ("- Đại học", "c_dai_hoc", "chuyên môn: đại học"), ("- Thạc sỹ", "c_thac_sy", "chuyên môn: thạc sỹ"),
    ("- Tiến sỹ", "c_tien_sy", "chuyên môn: tiến sỹ"),
]  # fmt: skip


def simple(items: list[tuple[str, str, str]], depth: int, who: str, *, within: str | None = None, stock: bool = False) -> list[Row]:  # fmt: skip
    return [
        Row(label, depth, key, f"{who} — {m}", within=within, never_admission=stock)
        for label, key, m in items
    ]


ROWS_2 = [
    Row("I. Tổng số đảng viên mới kết nạp", 0, "total", ADM),
    Row("Trong đó: - Nữ", 1, "nu", f"{ADM} — trong đó nữ", within="total"),
    Row("- Dân tộc thiểu số", 1, "dtts", f"{ADM} — trong đó người dân tộc thiểu số", within="total"),
    Row("- Người theo tôn giáo", 1, "tongiao", f"{ADM} — trong đó người theo tôn giáo", within="total"),
    Row("- Đoàn viên Đoàn TNCS Hồ Chí Minh", 1, "doanvien", f"{ADM} — trong đó đoàn viên Đoàn TNCS Hồ Chí Minh", within="total"),
    Row("- Chủ doanh nghiệp tư nhân", 1, "chudn", f"{ADM} — trong đó chủ doanh nghiệp tư nhân", within="total"),
    Row("- Quần chúng vi phạm chính sách KHHGĐ", 1, "khhgd", f"{ADM} — trong đó quần chúng vi phạm chính sách kế hoạch hóa gia đình", within="total"),
    Row("- Có quan hệ hôn nhân với người nước ngoài", 1, "honnhan", f"{ADM} — trong đó có quan hệ hôn nhân với người nước ngoài", within="total"),
    Row("- Kết nạp lại", 1, "ketnaplai", f"{ADM} — trong đó kết nạp lại", within="total"),
    Row("II. Phân tích đảng viên mới kết nạp", 0),
    Row("1. Nghề nghiệp", 1),
    *occupation_rows(2, "total", ADM),
    Row("2. Tuổi đời:", 1),
    *simple(AGE_ROWS, 2, ADM),
    Row("- Tuổi bình quân", 2, "t_bq", f"{ADM} — tuổi bình quân", additive=False),
    Row("3. Trình độ giáo dục phổ thông", 1),
    *simple(GDPT_ROWS, 2, ADM),
    Row("4. Trình độ chuyên môn nghiệp vụ", 1),
    *simple(CMNV_ROWS, 2, ADM, within="total"),
    Row("5. Chức danh khoa học", 1),
    *simple([("- Phó Giáo sư", "cd_pgs", "chức danh phó giáo sư"), ("- Giáo sư", "cd_gs", "chức danh giáo sư")], 2, ADM, within="total"),
    Row("III. Số tổ chức cơ sở đảng có đến cuối kỳ báo cáo", 0, "tccsd", "số tổ chức cơ sở đảng có đến cuối kỳ", parts=("dbcs", "cbcs")),
    Row("1. Đảng bộ cơ sở", 1, "dbcs", "số đảng bộ cơ sở có đến cuối kỳ"),
    Row("Trong đó: + Có kết nạp đảng viên", 2, "dbcs_kn", "số đảng bộ cơ sở có kết nạp đảng viên trong kỳ", within="dbcs"),
    Row("+ Không còn quần chúng", 2, "dbcs_kqc", "số đảng bộ cơ sở không còn quần chúng để kết nạp", within="dbcs"),
    Row("2. Chi bộ cơ sở", 1, "cbcs", "số chi bộ cơ sở có đến cuối kỳ"),
    Row("Trong đó: + Có kết nạp đảng viên", 2, "cbcs_kn", "số chi bộ cơ sở có kết nạp đảng viên trong kỳ", within="cbcs"),
    Row("+ Không còn quần chúng", 2, "cbcs_kqc", "số chi bộ cơ sở không còn quần chúng để kết nạp", within="cbcs"),
]  # fmt: skip
SUMS_2 = [
    ("total", TOP_OCCUPATIONS, "every new member has exactly one occupation"),
    ("total", tuple(k for _, k, _ in AGE_ROWS), "the age bands cover every new member"),
    (
        "total",
        tuple(k for _, k, _ in GDPT_ROWS),
        "every new member has one level of general education",
    ),
]


def bieu2(
    wb: Workbook, unit: Unit, model: Model, *, style: str, place_date: str
) -> list[FormSheet]:
    fs = sheet(wb, "Biểu 2-BTCTW", form="Biểu số 2-BTCTW", title="THỐNG KÊ ĐẢNG VIÊN MỚI KẾT NẠP", unit=unit.meta(), period=HALF_2024)  # fmt: skip
    top = btctw_frame(
        fs, unit, form_no="Biểu số 2-BTCTW", style=style, centre_one_cell=style == "three-lines",
        centre=["THỐNG KÊ", "ĐẢNG VIÊN MỚI KẾT NẠP", "6 THÁNG ĐẦU NĂM 2024", "(Tính đến ngày 15/6/2024)"],
    )  # fmt: skip
    where = criteria_rows(fs, top, ROWS_2, model["adm"], measures_4(), sums=SUMS_2)
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    btctw_signature(fs, top + len(ROWS_2), place_date, one_cell=style == "three-lines")
    return [fs, bieu2_ethnic(wb, unit, model, where, place_date)]


def bieu2_ethnic(wb: Workbook, unit: Unit, model: Model, main: dict[tuple[str, str], str], place_date: str) -> FormSheet:  # fmt: skip
    """The continuation of Biểu 2: new members by ethnic group and religion, two panels side
    by side (TT | Tên | Tổng số | Trong đó: nữ | Tỷ lệ (%)), as template 2b lays it out."""
    fs = sheet(wb, "Dân tộc, tôn giáo", form="Biểu số 2-BTCTW (tiếp)", title="ĐẢNG VIÊN MỚI KẾT NẠP Chia theo dân tộc và tôn giáo", unit=unit.meta(), period=HALF_2024)  # fmt: skip
    fs.widths({1: 5, 2: 24, 3: 10, 4: 10, 5: 10, 6: 5, 7: 24, 8: 10, 9: 10, 10: 10})
    fs.merge(
        1, 1, 1, 10, "ĐẢNG VIÊN MỚI KẾT NẠP\nChia theo dân tộc và tôn giáo", bold=True, center=True
    )
    fs.ws.row_dimensions[1].height = 36
    fs.merge(2, 1, 1, 10, f"(Kèm theo Biểu số 2-BTCTW — {unit.committee_name}, 6 tháng đầu năm 2024)", italic=True, center=True)  # fmt: skip
    cells = []
    for c0 in (1, 6):
        cells += [
            HeaderCell(0, c0, 2, 1, "TT"),
            HeaderCell(0, c0 + 1, 2, 1, "Tên dân tộc, tôn giáo"),
            HeaderCell(0, c0 + 2, 1, 2, "Đảng viên chia theo dân tộc, tôn giáo"),
            HeaderCell(0, c0 + 4, 2, 1, "Tỷ lệ (%)"),
            HeaderCell(1, c0 + 2, 1, 1, "Tổng số"),
            HeaderCell(1, c0 + 3, 1, 1, "Trong đó: nữ"),
        ]
    fs.header(4, cells)
    fs.column_numbers(6, {1: 1, 2: 2, 3: 3, 4: 4, 5: 5})
    panels = ethnic_panels(fs, 7, model["adm_ethnic"], ETHNIC, RELIGIONS, women=True, lists=("Đảng viên chia theo dân tộc", "Đảng viên chia theo tôn giáo"), who=ADM)  # fmt: skip
    fs.rules.append({"kind": "equal", "cell": panels["e_total"], "other": {"sheet": "Biểu 2-BTCTW", "cell": main[("total", "cur")]}, "why": "the ethnic list adds up to the new members of the period"})  # fmt: skip
    fs.rules.append({"kind": "equal", "cell": panels["e_women"], "other": {"sheet": "Biểu 2-BTCTW", "cell": main[("nu", "cur")]}, "why": "its women are the form's “Trong đó: - Nữ”"})  # fmt: skip
    fs.rules.append({"kind": "equal", "cell": panels["r_total"], "other": {"sheet": "Biểu 2-BTCTW", "cell": main[("tongiao", "cur")]}, "why": "the religions add up to the form's “- Người theo tôn giáo”"})  # fmt: skip
    fs.rules.append({"kind": "sum-equals", "parts": panels["minorities"], "other": {"sheet": "Biểu 2-BTCTW", "cell": main[("dtts", "cur")]}, "why": "the groups other than Kinh are the form's “- Dân tộc thiểu số”"})  # fmt: skip
    signature(fs, panels["end"] + 1, place_date=place_date, left=COMPILER, right=HEAD, left_cols=(1, 5), right_cols=(6, 10))  # fmt: skip
    return fs


def ethnic_panels(
    fs: FormSheet,
    top: int,
    eth: Model,
    ethnic: Sequence[str],
    religions: Sequence[str],
    *,
    women: bool,
    lists: tuple[str, str],
    who: str,
    left_col: int = 1,
    right_col: int = 6,
    split_at: int = 32,
) -> dict[str, Any]:
    """Two panels side by side: the left lists ethnic groups 1-32 under "I", the right the
    rest of them, then "II" and the religions (the layout of the TCTW templates). The heading
    rows "I"/"II" carry their list's total and 100,00 as its share."""
    width = 5 if women else 4
    left: list[tuple[str, str, str | None]] = [("I", lists[0], None)]
    left += [(str(i), n, "e") for i, n in enumerate(ethnic[:split_at], 1)]
    right: list[tuple[str, str, str | None]] = [
        (str(i), n, "e") for i, n in enumerate(ethnic[split_at:], split_at + 1)
    ]
    right += [("II", lists[1], None)] + [(str(i), n, "r") for i, n in enumerate(religions, 1)]
    head_row = {"e": top, "r": top + right.index(("II", lists[1], None))}
    head_col = {"e": left_col, "r": right_col}
    t_ref = {k: ref(head_row[k], head_col[k] + 2) for k in "er"}
    refs: dict[str, dict[str, str]] = {"e": {}, "r": {}, "e_w": {}, "r_w": {}}
    totals = {"e": sum(eth["ethnic"].values()), "r": sum(eth["religion"].values())}
    for c0, panel, side in ((left_col, left, "left"), (right_col, right, "right")):
        for i, (tt, name, kind) in enumerate(panel):
            r = top + i
            if kind is None:
                fs.put(r, c0, tt, bold=True, center=True, box=True)
                fs.put(r, c0 + 1, name, bold=True, box=True)
                continue
            fs.number(r, c0, int(tt), "other", row_path="", note="số thứ tự (TT)", panel=side)
            fs.put(r, c0 + 1, name, box=True)
            n = eth["ethnic" if kind == "e" else "religion"].get(name)
            path = lists[0 if kind == "e" else 1] + SEP + name
            if not n:
                for c in range(c0 + 2, c0 + width):
                    fs.put(r, c, None, box=True)
                continue
            what = f"người dân tộc {name}" if kind == "e" else f"theo {name}"
            refs[kind][name] = fs.number(
                r, c0 + 2, n, "data", row_path=path, meaning=f"{who} — {what}", panel=side
            )
            if women:
                w = eth["ethnic_women" if kind == "e" else "religion_women"][name]
                refs[kind + "_w"][name] = fs.number(r, c0 + 3, w, "data", row_path=path, meaning=f"{who} — nữ, {what}", panel=side)  # fmt: skip
                fs.rule("at-most", refs[kind][name], [refs[kind + "_w"][name]], "the women of a group are among its members")  # fmt: skip
            fs.number(
                r, c0 + width - 1, percent(n, totals[kind]), "derived", row_path=path, panel=side,
                formula=f"{refs[kind][name]}*100/{t_ref[kind]}", decimals=2,
                meaning=f"tỷ lệ {what} trong {'tổng số' if kind == 'e' else 'số theo tôn giáo'} — {who} (%)",
            )  # fmt: skip
    out: dict[str, Any] = {"end": top + max(len(left), len(right))}
    for kind in "er":
        r, c0 = head_row[kind], head_col[kind]
        side = "left" if c0 == left_col else "right"
        path = lists[0 if kind == "e" else 1]
        m = who if kind == "e" else f"{who} — người theo tôn giáo"
        out[f"{kind}_total"] = fs.number(r, c0 + 2, totals[kind], "total", row_path=path, sums=list(refs[kind].values()), meaning=m, bold=True, panel=side)  # fmt: skip
        if women:
            w_total = sum(eth["ethnic_women" if kind == "e" else "religion_women"].values())
            out[f"{kind}_women"] = fs.number(r, c0 + 3, w_total, "total", row_path=path, sums=list(refs[kind + "_w"].values()), meaning=f"{m} — nữ", bold=True, panel=side)  # fmt: skip
        fs.number(r, c0 + width - 1, 100.0, "derived", row_path=path, formula=f"{t_ref[kind]}*100/{t_ref[kind]}", decimals=2, note="the list's own total: 100,00", panel=side)  # fmt: skip
    out["minorities"] = [a1 for name, a1 in refs["e"].items() if name != "Kinh"]
    return out


def bieu2_consolidated(wb: Workbook, models: dict[str, Model]) -> FormSheet:
    """City sheet, one row per unit: the headline figures of Biểu 2-BTCTW. The form has no
    consolidated shape of its own; this is how a city board lays the units side by side."""
    fs = sheet(wb, "Tổng hợp Biểu 2", form="Biểu số 2-BTCTW (tổng hợp)", title="TỔNG HỢP ĐẢNG VIÊN MỚI KẾT NẠP", unit=CITY, period=HALF_2024, layout="unit-rows")  # fmt: skip
    fs.widths({1: 6, 2: 22} | {c: 11 for c in range(3, 14)})
    top = title_lines(
        fs, left=["THÀNH ỦY HÀ NỘI", "BAN TỔ CHỨC"],
        centre=["TỔNG HỢP ĐẢNG VIÊN MỚI KẾT NẠP", "6 THÁNG ĐẦU NĂM 2024", "(Tính đến ngày 15/6/2024)"],
        right=["Biểu số 2-BTCTW", "(Tổng hợp các đơn vị)", "Đơn vị tính: Người"],
        left_cols=(1, 2), centre_cols=(3, 10), right_cols=(11, 13),
    )  # fmt: skip
    parts = [
        ("Nữ", "nu", "trong đó nữ"), ("Dân tộc thiểu số", "dtts", "trong đó người dân tộc thiểu số"),
        ("Người theo tôn giáo", "tongiao", "trong đó người theo tôn giáo"),
        ("Đoàn viên Đoàn TNCS Hồ Chí Minh", "doanvien", "trong đó đoàn viên"),
        ("Chủ doanh nghiệp tư nhân", "chudn", "trong đó chủ doanh nghiệp tư nhân"),
        ("Sinh viên", "nn_sinh_vien", "trong đó sinh viên"), ("Học sinh", "nn_hoc_sinh", "trong đó học sinh"),
        ("Kết nạp lại", "ketnaplai", "trong đó kết nạp lại"),
    ]  # fmt: skip
    cells = [
        HeaderCell(0, 1, 2, 1, "STT"), HeaderCell(0, 2, 2, 1, "Đơn vị"),
        HeaderCell(0, 3, 1, 3, "Tổng số đảng viên mới kết nạp"),
        HeaderCell(1, 3, 1, 1, "Kỳ này"), HeaderCell(1, 4, 1, 1, "Cùng kỳ năm trước"),
        HeaderCell(1, 5, 1, 1, "(%) kỳ này so với cùng kỳ năm trước"),
        HeaderCell(0, 6, 1, len(parts), "Trong đó (kỳ này)"),
    ] + [HeaderCell(1, 6 + i, 1, 1, label) for i, (label, _, _) in enumerate(parts)]  # fmt: skip
    fs.header(top, cells)
    fs.column_numbers(
        top + 2,
        {1: 1, 2: 2, 3: 3, 4: 4, 5: "5=3*100/4"} | {6 + i: 6 + i for i in range(len(parts))},
    )
    r0 = top + 3
    order = ["Ba Đình", "Long Biên", "Đông Anh", "Sơn Tây"]
    for i, name in enumerate(order):
        u, m = UNITS[name], models[name]
        r = r0 + i
        fs.number(r, 1, i + 1, "other", row_path="", note="số thứ tự (STT)")
        fs.put(r, 2, u.full, box=True)
        cur, prev = m["adm"]["cur"], m["adm"]["prev"]
        a = fs.number(
            r, 3, cur["total"], "data", row_path=u.full, unit=name, meaning=f"{ADM} (kỳ này)"
        )
        b = fs.number(
            r,
            4,
            prev["total"],
            "data",
            row_path=u.full,
            unit=name,
            meaning=f"{ADM} (cùng kỳ năm trước)",
        )
        fs.links.update({f"{name}/total/cur": a, f"{name}/total/prev": b})
        fs.number(r, 5, percent(cur["total"], prev["total"]), "derived", row_path=u.full, unit=name, formula=f"{a}*100/{b}", decimals=2, meaning=f"{ADM} — kỳ này so với cùng kỳ năm trước (%)")  # fmt: skip
        for j, (_, key, m_) in enumerate(parts):
            p = fs.number(
                r,
                6 + j,
                cur[key],
                "data",
                row_path=u.full,
                unit=name,
                meaning=f"{ADM} — {m_} (kỳ này)",
            )
            fs.links[f"{name}/{key}/cur"] = p
            fs.rule("at-most", a, [p], "a “Trong đó” column never exceeds the unit's total")
    rt = r0 + len(order)
    cols = [c for c in range(3, 6 + len(parts)) if c != 5]
    sums = column_totals(fs, rt, "Tổng cộng", r0, len(order), cols, lambda c: f"{ADM} toàn thành phố — {fs.col_paths[c]}")  # fmt: skip
    tot_cur, tot_prev = fs.ws[sums[3]].value, fs.ws[sums[4]].value
    fs.number(rt, 5, percent(tot_cur, tot_prev), "derived", row_path="Tổng cộng", formula=f"{sums[3]}*100/{sums[4]}", decimals=2, bold=True, note="from the totals, not from the units' percentages")  # fmt: skip
    end = signature(fs, rt + 2, place_date="Hà Nội, ngày 25 tháng 6 năm 2024", left=COMPILER, right=["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], left_cols=(1, 4), right_cols=(9, 13))  # fmt: skip
    fs.merge(end + 3, 9, 1, 5, "Lê Văn Thắng", bold=True, center=True)
    return fs


# ----------------------------------------------------------------------- Biểu số 3-BTCTW

STOCK = "đảng viên trong danh sách cuối kỳ"


def rows_3() -> list[Row]:
    s = True
    return [
        Row("I. Đảng viên trong danh sách có đến cuối kỳ báo cáo", 0, "total", STOCK, never_admission=s),
        Row("Trong đó: - Nữ", 1, "nu", f"{STOCK} — trong đó nữ", within="total", never_admission=s),
        Row("- Dự bị", 1, "du_bi", f"{STOCK} — trong đó đảng viên dự bị", within="total", never_admission=s),
        Row("- Dân tộc thiểu số", 1, "dtts", f"{STOCK} — trong đó người dân tộc thiểu số", within="total", never_admission=s),
        Row("- Người theo tôn giáo", 1, "tongiao", f"{STOCK} — trong đó người theo tôn giáo", within="total", never_admission=s),
        Row("- Đoàn viên Đoàn TNCS Hồ Chí Minh", 1, "doanvien", f"{STOCK} — trong đó đoàn viên", within="total", never_admission=s),
        Row("- Chủ doanh nghiệp tư nhân", 1, "chudn", f"{STOCK} — trong đó chủ doanh nghiệp tư nhân", within="total", never_admission=s),
        Row("- Có quan hệ hôn nhân với người nước ngoài", 1, "honnhan", f"{STOCK} — trong đó có quan hệ hôn nhân với người nước ngoài", within="total", never_admission=s),
        Row("II. Phân tích đội ngũ đảng viên", 0),
        Row("1. Nghề nghiệp", 1),
        Row("a. Đảng viên đang làm việc và công tác", 2, "dang_lam_viec", f"{STOCK} — đang làm việc và công tác", parts=TOP_OCCUPATIONS, never_admission=s),
        *occupation_rows(3, "dang_lam_viec", STOCK, stock=True),
        Row("b. Đảng viên đã nghỉ hưu và nghỉ công tác", 2, "nghi_huu", f"{STOCK} — đã nghỉ hưu, nghỉ công tác", never_admission=s),
        Row("Trong đó: Được miễn công tác và sinh hoạt đảng", 3, "mien_sh", f"{STOCK} — được miễn công tác và sinh hoạt đảng", within="nghi_huu", never_admission=s),
        Row("2. Tuổi đời:", 1),
        *simple(AGE_ROWS, 2, STOCK, stock=s),
        Row("- Tuổi bình quân", 2, "t_bq", f"{STOCK} — tuổi bình quân", additive=False, never_admission=s),
        Row("3. Thời gian kết nạp vào Đảng", 1),
        *simple([
            ("- Trước 19/8/1945", "j_truoc_1945", "vào Đảng trước 19/8/1945"),
            ("- Từ 19/8/1945 đến 20/7/1954", "j_1945_1954", "vào Đảng từ 19/8/1945 đến 20/7/1954"),
            ("- Từ 21/7/1954 đến 30/4/1975", "j_1954_1975", "vào Đảng từ 21/7/1954 đến 30/4/1975"),
            ("- Từ 01/5/1975 đến nay", "j_sau_1975", "vào Đảng từ 01/5/1975 đến nay"),
        ], 2, STOCK, stock=s),
        Row("4. Trình độ giáo dục phổ thông", 1),
        *simple(GDPT_ROWS, 2, STOCK, stock=s),
        Row("5. Trình độ chuyên môn nghiệp vụ", 1),
        *simple([r for r in CMNV_ROWS], 2, STOCK, within="total", stock=s),
        Row("6. Chức danh khoa học", 1),
        *simple([("- Phó Giáo sư", "cd_pgs", "chức danh phó giáo sư"), ("- Giáo sư", "cd_gs", "chức danh giáo sư")], 2, STOCK, within="total", stock=s),
        Row("7. Trình độ lý luận chính trị", 1),
        *simple([("- Sơ cấp", "l_so_cap", "lý luận chính trị sơ cấp"), ("- Trung cấp", "l_trung_cap", "lý luận chính trị trung cấp"), ("- Cao cấp, cử nhân", "l_cao_cap", "lý luận chính trị cao cấp, cử nhân")], 2, STOCK, within="total", stock=s),
    ]  # fmt: skip


SUMS_3 = [
    ("total", ("dang_lam_viec", "nghi_huu"), "every member either works or has retired"),
    ("total", tuple(k for _, k, _ in AGE_ROWS), "the age bands cover every member"),
    ("total", ("j_truoc_1945", "j_1945_1954", "j_1954_1975", "j_sau_1975"), "every member joined in one of the periods"),
    ("total", tuple(k for _, k, _ in GDPT_ROWS), "every member has one level of general education"),
]  # fmt: skip


def bieu3(wb: Workbook, unit: Unit, model: Model, *, style: str, place_date: str) -> FormSheet:
    fs = sheet(wb, "Biểu 3-BTCTW", form="Biểu số 3-BTCTW", title="THỐNG KÊ ĐẢNG VIÊN", unit=unit.meta(), period=YEAR_2023)  # fmt: skip
    fs.notes.append("Biểu đảng viên (số có đến cuối kỳ): không dòng nào là số kết nạp — kể cả “Sinh viên”, “Học sinh” và “3. Thời gian kết nạp vào Đảng”.")  # fmt: skip
    top = btctw_frame(
        fs, unit, form_no="Biểu số 3-BTCTW", style=style, centre_one_cell=style == "three-lines",
        centre=["THỐNG KÊ", "ĐẢNG VIÊN", "NĂM 2023", "(Tính đến ngày 31/12/2023)"],
    )  # fmt: skip
    rows = rows_3()
    where = criteria_rows(fs, top, rows, model["stock"], measures_4(), sums=SUMS_3)
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    btctw_signature(fs, top + len(rows), place_date, one_cell=style == "three-lines")
    return fs


# ----------------------------------------------------------------------- Biểu số 5-BTCTW

KINDS_5: list[tuple[str, int, str | None, str, tuple[str, ...]]] = [
    # label, depth, model key (None: a total of parts), meaning of the kind, parts
    ("1. Xã", 0, "xa", "loại hình xã", ()),
    ("2. Phường", 0, "phuong", "loại hình phường", ()),
    ("3. Thị trấn", 0, "thi_tran", "loại hình thị trấn", ()),
    ("4. Cơ quan Đảng, MTTQ, đoàn thể CT-XH", 0, "co_quan_dang", "loại hình cơ quan Đảng, Mặt trận Tổ quốc, đoàn thể chính trị - xã hội", ()),
    ("5. Cơ quan Nhà nước", 0, "co_quan_nn", "loại hình cơ quan Nhà nước", ()),
    ("6. Đơn vị sự nghiệp, gồm:", 0, None, "loại hình đơn vị sự nghiệp", ("su_nghiep_cong_lap", "su_nghiep_ngoai")),
    ("a) Công lập", 1, "su_nghiep_cong_lap", "loại hình đơn vị sự nghiệp công lập", ()),
    ("b) Ngoài công lập", 1, "su_nghiep_ngoai", "loại hình đơn vị sự nghiệp ngoài công lập", ()),
    ("7. Quân đội", 0, "quan_doi", "loại hình quân đội", ()),
    ("8. Công an", 0, "cong_an", "loại hình công an", ()),
    ("9. Doanh nghiệp và hợp tác xã", 0, None, "loại hình doanh nghiệp và hợp tác xã", ("dn_nn", "dn_ngoai_nn", "htx")),
    ("a) Doanh nghiệp có vốn Nhà nước", 1, None, "loại hình doanh nghiệp có vốn Nhà nước", ("dn_nn_100", "dn_nn_50", "dn_nn_duoi_50")),
    ("- Nhà nước nắm giữ 100% vốn điều lệ", 2, "dn_nn_100", "doanh nghiệp Nhà nước nắm giữ 100% vốn điều lệ", ()),
    ("- Nhà nước nắm giữ từ 50% vốn điều lệ trở lên", 2, "dn_nn_50", "doanh nghiệp Nhà nước nắm giữ từ 50% vốn điều lệ trở lên", ()),
    ("- Nhà nước nắm giữ dưới 50% vốn điều lệ", 2, "dn_nn_duoi_50", "doanh nghiệp Nhà nước nắm giữ dưới 50% vốn điều lệ", ()),
    ("b) Doanh nghiệp ngoài khu vực Nhà nước", 1, None, "loại hình doanh nghiệp ngoài khu vực Nhà nước", ("dn_co_phan", "dn_tu_nhan", "dn_tnhh", "dn_hop_danh", "dn_fdi")),
    ("- Công ty Cổ phần", 2, "dn_co_phan", "công ty cổ phần (ngoài khu vực Nhà nước)", ()),
    ("- Doanh nghiệp tư nhân", 2, "dn_tu_nhan", "doanh nghiệp tư nhân", ()),
    ("- Công ty trách nhiệm hữu hạn", 2, "dn_tnhh", "công ty trách nhiệm hữu hạn", ()),
    ("- Công ty hợp danh", 2, "dn_hop_danh", "công ty hợp danh", ()),
    ("- Doanh nghiệp có vốn nước ngoài", 2, "dn_fdi", "doanh nghiệp có vốn đầu tư nước ngoài", ()),
    ("Trong đó: Doanh nghiệp 100% vốn NN", 3, "fdi_100", "doanh nghiệp 100% vốn nước ngoài (NN ở đây là nước ngoài, không phải Nhà nước)", ()),
    ("c) Hợp tác xã", 1, "htx", "loại hình hợp tác xã", ()),
    ("10. Tổ chức cơ sở đảng ở ngoài nước", 0, "ngoai_nuoc", "tổ chức cơ sở đảng ở ngoài nước", ()),
    ("11. Loại hình cơ sở khác*", 0, "khac", "loại hình cơ sở khác", ()),
]  # fmt: skip
KEY_OF = {"6. Đơn vị sự nghiệp, gồm:": "su_nghiep", "9. Doanh nghiệp và hợp tác xã": "dn_htx", "a) Doanh nghiệp có vốn Nhà nước": "dn_nn", "b) Doanh nghiệp ngoài khu vực Nhà nước": "dn_ngoai_nn"}  # fmt: skip
COLS_5 = [  # column, field, meaning
    (2, "tong", "số tổ chức cơ sở đảng (tổng số)"),
    (3, "dbcs", "số đảng bộ cơ sở"),
    (4, "cbcs", "số chi bộ cơ sở"),
    (5, "dbbp", "số đảng bộ bộ phận trực thuộc đảng bộ cơ sở"),
    (6, "cbtt", "số chi bộ trực thuộc đảng bộ cơ sở"),
    (7, "members", "số đảng viên"),
]


def org_rows(model: Model) -> dict[str, dict[str, int]]:
    """Every row of Biểu 5 (totals included) for one unit."""
    rows: dict[str, dict[str, int]] = model["orgs"]
    return rows


def bieu5_header(
    fs: FormSheet, top: int, first: list[HeaderCell], c0: int, tccsd_label: str
) -> None:
    fs.header(
        top,
        [
            *first,
            HeaderCell(0, c0, 1, 3, tccsd_label),
            HeaderCell(0, c0 + 3, 1, 2, "Tổ chức đảng\ntrực thuộc Đảng bộ\nCơ sở"),
            HeaderCell(0, c0 + 5, 3, 1, "Tổng số đảng viên"),
            HeaderCell(1, c0, 2, 1, "Tổng số"), HeaderCell(1, c0 + 1, 1, 2, "Chia ra"),
            HeaderCell(1, c0 + 3, 1, 2, "Chia ra"),
            HeaderCell(2, c0 + 1, 1, 1, "Đảng bộ\ncơ sở"), HeaderCell(2, c0 + 2, 1, 1, "Chi bộ\ncơ sở"),
            HeaderCell(2, c0 + 3, 1, 1, "Đảng bộ bộ phận"), HeaderCell(2, c0 + 4, 1, 1, "Chi bộ\ntrực thuộc"),
        ],
    )  # fmt: skip


def bieu5(wb: Workbook, unit: Unit, model: Model, *, style: str, live: bool, place_date: str) -> FormSheet:  # fmt: skip
    fs = sheet(wb, "Biểu 5-BTCTW", form="Biểu số 5-BTCTW", title="THỐNG KÊ TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN TRONG CÁC LOẠI HÌNH CƠ SỞ", unit=unit.meta(), period=YEAR_2023)  # fmt: skip
    fs.widths({1: 48} | {c: 12 for c in range(2, 7)} | {7: 16})
    top = title_lines(
        fs, left=left_block(unit, style),
        centre=["THỐNG KÊ TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN TRONG CÁC LOẠI HÌNH CƠ SỞ", "NĂM 2023", "(Tính đến ngày 31/12/2023)"],
        right=["Biểu số 5-BTCTW", "Đơn vị tính: Tổ chức, người"],
        left_cols=(1, 1), centre_cols=(2, 6), right_cols=(7, 7), centre_one_cell=style == "three-lines",
    )  # fmt: skip
    tccsd_label = "Số tổ chức cơ sở đảng" if style == "three-lines" else "Số TCCSĐ"
    bieu5_header(fs, top, [HeaderCell(0, 1, 3, 1, "Loại hình tổ chức cơ sở đảng")], 2, tccsd_label)
    fs.column_numbers(top + 3, {1: 1, 2: "2 (=3+4)", 3: 3, 4: 4, 5: 5, 6: 6, 7: 7})
    rows = org_rows(model)
    r0 = top + 4
    at: dict[str, int] = {}
    labels = [*KINDS_5, ("Cộng (1+….+11)", 0, "cong", "tổng các loại hình", TOP_5)]
    parts_of: dict[str, tuple[str, ...]] = {}
    for i, (label, _depth, key, _m, parts) in enumerate(labels):
        k = key or KEY_OF[label]
        at[k] = r0 + i
        parts_of[k] = parts if k != "cong" else TOP_5
    stack: list[tuple[int, str]] = []
    for i, (label, depth, key, meaning, _parts) in enumerate(labels):
        r = r0 + i
        k = key or KEY_OF[label]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, label))
        path = SEP.join(x for _, x in stack)
        fs.put(
            r,
            1,
            label,
            bold=(depth == 0 and (k in parts_of and bool(parts_of[k]))) or k == "cong",
            box=True,
        )
        empty = all(rows[k][f] == 0 for f in ("dbcs", "cbcs", "members"))
        for col, field, cmeaning in COLS_5:
            if empty and k in ("xa", "phuong", "thi_tran", "ngoai_nuoc"):
                fs.put(r, col, None, box=True)  # a quận has no xã: the row stays blank
                continue
            value = rows[k][field]
            mean = f"{cmeaning} — {meaning}"
            total_parts = [p for p in parts_of[k] if not all(rows[p][f] == 0 for f in ("dbcs", "cbcs", "members")) or p not in ("xa", "phuong", "thi_tran", "ngoai_nuoc")]  # fmt: skip
            if parts_of[k]:
                refs = [ref(at[p], col) for p in total_parts]
                is_live = live and k == "cong"
                fs.number(r, col, value, "total", row_path=path, meaning=mean, sums=refs, formula=f"SUM({','.join(refs)})" if is_live else None, live=is_live, bold=k == "cong")  # fmt: skip
            elif col == 2:
                is_live = live
                fs.number(r, col, value, "total", row_path=path, meaning=mean, sums=[ref(r, 3), ref(r, 4)], formula=f"{ref(r, 3)}+{ref(r, 4)}" if is_live else None, live=is_live)  # fmt: skip
            else:
                fs.number(r, col, value, "data", row_path=path, meaning=mean)
        if parts_of[k] and not (empty and k in ("xa",)):
            fs.rule(
                "sum",
                ref(r, 2),
                [ref(r, 3), ref(r, 4)],
                "số TCCSĐ = đảng bộ cơ sở + chi bộ cơ sở (cột 2 = 3 + 4)",
            )
        if k == "fdi_100":
            for col, *_ in COLS_5:
                fs.rule(
                    "at-most",
                    ref(at["dn_fdi"], col),
                    [ref(r, col)],
                    "“Trong đó: Doanh nghiệp 100% vốn NN” is part of the row above",
                )
    end = r0 + len(labels)
    fs.merge(end, 1, 1, 7, "* Loại hình cơ sở khác: tổ chức cơ sở đảng trong các loại hình chưa nêu ở các dòng trên.", italic=True)  # fmt: skip
    if live:
        fs.notes.append("Dòng “Cộng” và cột 2 là công thức sống (SUM, =C+D) có giá trị lưu sẵn.")
    end2 = signature(fs, end + 2, place_date=place_date, left=COMPILER, right=HEAD, left_cols=(1, 1), right_cols=(2, 7), one_cell=style == "three-lines")  # fmt: skip
    fs.merge(end2 + 3, 2, 1, 6, "Trần Quang Minh", bold=True, center=True)
    fs.links.update({f"cong/{field}": ref(at["cong"], col) for col, field, _ in COLS_5})
    return fs


def bieu5_consolidated(wb: Workbook, models: dict[str, Model]) -> FormSheet:
    fs = sheet(wb, "Tổng hợp Biểu 5", form="Biểu số 5-BTCTW (tổng hợp)", title="TỔNG HỢP TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN TRONG CÁC LOẠI HÌNH CƠ SỞ", unit=CITY, period=YEAR_2023, layout="unit-rows")  # fmt: skip
    fs.widths({1: 6, 2: 26} | {c: 12 for c in range(3, 9)})
    top = title_lines(
        fs, left=["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "BAN TỔ CHỨC THÀNH ỦY"],
        centre=["TỔNG HỢP TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN", "TRONG CÁC LOẠI HÌNH CƠ SỞ NĂM 2023"],
        right=["Biểu số 5-BTCTW", "Đvt: Tổ chức, người"],
        left_cols=(1, 2), centre_cols=(3, 7), right_cols=(8, 8),
    )  # fmt: skip
    fs.put(top - 1, 6, "Tính đến ngày:", italic=True)
    fs.number(top - 1, 7, dt.datetime(2023, 12, 31), "other", row_path="", fmt="dd/mm/yyyy", note="the as-of date typed as a date cell in the title block")  # fmt: skip
    bieu5_header(
        fs, top, [HeaderCell(0, 1, 3, 1, "STT"), HeaderCell(0, 2, 3, 1, "Đơn vị")], 3, "Số TCCSĐ"
    )
    fs.column_numbers(top + 3, {1: "A", 2: "B", 3: "1=2+3", 4: 2, 5: 3, 6: 4, 7: 5, 8: 6})
    r0 = top + 4
    order = ["Ba Đình", "Long Biên", "Đông Anh", "Sơn Tây"]
    for i, name in enumerate(order):
        u = UNITS[name]
        rows = org_rows(models[name])["cong"]
        r = r0 + i
        fs.number(r, 1, i + 1, "other", row_path="", note="số thứ tự (STT)")
        fs.put(r, 2, f"Đảng bộ {u.kind} {u.name}", box=True)
        for j, (_col, field, cmeaning) in enumerate(COLS_5):
            c = 3 + j
            fs.links[f"{name}/{field}"] = ref(r, c)
            if field == "tong":
                fs.number(r, c, rows[field], "total", row_path=f"Đảng bộ {u.kind} {u.name}", unit=name, sums=[ref(r, 4), ref(r, 5)], meaning=f"{cmeaning} — toàn đơn vị (cộng các loại hình)")  # fmt: skip
            else:
                fs.number(r, c, rows[field], "data", row_path=f"Đảng bộ {u.kind} {u.name}", unit=name, meaning=f"{cmeaning} — toàn đơn vị (cộng các loại hình)")  # fmt: skip
    rt = r0 + len(order)
    column_totals(fs, rt, "TỔNG CỘNG", r0, len(order), range(3, 9), lambda c: f"{COLS_5[c - 3][2]} — toàn thành phố")  # fmt: skip
    row = rt + 2
    fs.put(row, 1, "Nơi nhận:", bold=True, italic=True, wrap=False)
    fs.put(row + 1, 1, "- Ban Tổ chức Trung ương;", wrap=False)
    fs.put(row + 2, 1, "- Thường trực Thành ủy;", wrap=False)
    fs.put(row + 3, 1, "- Lưu VP, BTC.", wrap=False)
    fs.merge(row, 5, 1, 4, "Hà Nội, ngày 12 tháng 1 năm 2024", italic=True, center=True)
    fs.merge(row + 1, 5, 1, 4, "TM. BAN THƯỜNG VỤ", bold=True, center=True)
    fs.merge(row + 2, 5, 1, 4, "PHÓ BÍ THƯ", bold=True, center=True)
    fs.merge(row + 6, 5, 1, 4, "Nguyễn Văn Phong", bold=True, center=True)
    return fs
