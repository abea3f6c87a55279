"""The older TCTW-numbered forms still in circulation: Biểu số 1, 2 and 10-TCTW.

Layouts follow nguyensonghao/quan_li_dang_vien (app/views/module/form/bieumau*.blade.php):
the title block is one cell over three lines, the header CHỈ TIÊU | THỰC HIỆN › Kỳ này |
Cùng kỳ năm trước with the column-number row "1 | 2 | 3 | 4 = 2:3", numbering "A - ", "1 - ",
"a)", "+"; Biểu 2 goes on with two panels side by side (ethnic groups, religions); Biểu 10
repeats its header mid-sheet ("Tiếp theo biểu số 10-TCTW").
"""

from __future__ import annotations

import random
from typing import Any

from openpyxl import Workbook

from .forms_btctw import ethnic_panels, sheet
from .models import ETHNIC, RELIGIONS, Model, Unit, ethnic_breakdown, nudge, pick
from .sheetkit import Collision, FormSheet, HeaderCell
from .tables import Break, Measure, Row, criteria_rows

YEAR_2023 = {"label": "Năm 2023", "kind": "year", "year": 2023, "as_of": "2023-12-31"}
REPORTING = (
    "- Đơn vị báo cáo: BTC Huyện uỷ (và tương đương); BTC Tỉnh uỷ (và tương đương).\n"
    "- Thời gian báo cáo: Sau khi kết thúc kỳ báo cáo: Huyện báo cáo tỉnh: sau 20 ngày; "
    "Tỉnh báo cáo Trung ương: sau 30 ngày."
)
CUR, PREV = "(năm báo cáo)", "(năm trước)"


def tctw_frame(
    fs: FormSheet,
    unit: Unit,
    *,
    form_no: str,
    title: list[str],
    label_cols: tuple[int, int],
    number_cols: tuple[int, int, int],
    right_cols: tuple[int, int],
    measures: tuple[str, str, str, str, str] = (
        "CHỈ TIÊU",
        "THỰC HIỆN",
        "Kỳ này",
        "Cùng kỳ năm trước",
        "(%) kỳ này so với cùng kỳ năm trước",
    ),
) -> int:
    """The title block (three one-cell blocks over one row, then the phone and Đvt row) and
    the header; returns the first data row."""
    a, b = label_cols
    cur, prev, pct = number_cols
    fs.merge(1, a, 1, b - a + 1, f"Tỉnh (thành uỷ) Hà Nội\nHuyện (quận uỷ) {unit.name}\nBAN TỔ CHỨC", bold=True, center=True)  # fmt: skip
    fs.merge(1, cur, 1, right_cols[0] - cur, "\n".join(title), bold=True, center=True)
    fs.merge(1, right_cols[0], 1, right_cols[1] - right_cols[0] + 1, f"{form_no}\n{REPORTING}", center=True, size=10)  # fmt: skip
    fs.ws.row_dimensions[1].height = 92
    fs.merge(2, a, 1, b - a + 1, "Số điện thoại: 024.3872.5648", italic=True)
    fs.merge(
        2,
        right_cols[0],
        1,
        right_cols[1] - right_cols[0] + 1,
        "Đvt: Người",
        italic=True,
        center=True,
    )
    top = 4
    fs.header(
        top,
        [
            HeaderCell(0, a, 2, b - a + 1, measures[0]),
            HeaderCell(0, cur, 1, 2, measures[1]),
            HeaderCell(0, pct, 2, 1, measures[4]),
            HeaderCell(1, cur, 1, 1, measures[2]),
            HeaderCell(1, prev, 1, 1, measures[3]),
        ],
    )
    fs.merge(top + 2, a, 1, b - a + 1)
    fs.column_numbers(top + 2, {a: 1, cur: 2, prev: 3, pct: "4 = 2:3"})
    return top + 3


def tctw_measures(cur_col: int = 2) -> list[Measure]:
    return [
        Measure(cur_col, "value", "cur", "(kỳ này)"),
        Measure(cur_col + 1, "value", "prev", "(cùng kỳ năm trước)"),
        Measure(cur_col + 2, "percent"),
    ]


# ------------------------------------------------------------------------ Biểu số 1-TCTW

ROWS_1 = [
    Row("A - Đảng viên trong danh sách có đến đầu kỳ báo cáo", 0, "dau_ky", "đảng viên trong danh sách đầu kỳ"),
    Row("B - Đảng viên tăng trong kỳ", 0, "tang", "đảng viên tăng trong kỳ", parts=("ket_nap", "chuyen_den", "phuc_hoi")),
    Row("1 - Kết nạp", 1, "ket_nap", "đảng viên mới kết nạp trong kỳ"),
    Row("2 - Chuyển đến", 1, "chuyen_den", "đảng viên chuyển đến", parts=("den_tinh", "den_huyen")),
    Row("a) Tỉnh uỷ (và tương đương) khác chuyển đến", 2, "den_tinh", "đảng viên từ tỉnh ủy khác chuyển đến"),
    Row("b) Huyện uỷ (và tương đương) khác trong tỉnh chuyển đến", 2, "den_huyen", "đảng viên từ huyện ủy khác trong tỉnh chuyển đến"),
    Row("3 - Phục hồi đảng tịch", 1, "phuc_hoi", "đảng viên được phục hồi đảng tịch"),
    Row("C - Đảng viên giảm trong kỳ", 0, "giam", "đảng viên giảm trong kỳ", parts=("tu_tran", "khai_tru", "xoa_ten", "xin_ra", "chuyen_di")),
    Row("1 - Từ trần", 1, "tu_tran", "đảng viên từ trần"),
    Row("2 - Khai trừ", 1, "khai_tru", "đảng viên bị khai trừ"),
    Row("3 - Xoá tên", 1, "xoa_ten", "đảng viên bị xóa tên"),
    Row("4 - Xin ra khỏi Đảng", 1, "xin_ra", "đảng viên xin ra khỏi Đảng"),
    Row("5 - Chuyển đi", 1, "chuyen_di", "đảng viên chuyển đi", parts=("di_tinh", "di_huyen")),
    Row("a) Đi tỉnh uỷ (và tương đương) khác", 2, "di_tinh", "đảng viên chuyển đi tỉnh ủy khác"),
    Row("b) Đi huyện uỷ (và tương đương) khác trong tỉnh", 2, "di_huyen", "đảng viên chuyển đi huyện ủy khác trong tỉnh"),
    Row("D - Đảng viên trong danh sách có đến cuối kỳ báo cáo", 0, "cuoi_ky", "đảng viên trong danh sách cuối kỳ"),
    Row("E - Chênh lệch (chuyển đi - chuyển đến)", 0, "chenh_lech", "chênh lệch đảng viên chuyển đi trừ chuyển đến", minus=("chuyen_di", "chuyen_den"), percent=False),
    Row("G - Đảng viên có mặt đến cuối kỳ báo cáo", 0, "co_mat", "đảng viên có mặt đến cuối kỳ"),
]  # fmt: skip


def bieu1(wb: Workbook, unit: Unit, model: Model) -> FormSheet:
    fs = sheet(wb, "Biểu 1-TCTW", form="Biểu số 1-TCTW", title="BÁO CÁO TĂNG GIẢM ĐẢNG VIÊN", unit=unit.meta(), period=YEAR_2023)  # fmt: skip
    fs.widths({1: 58, 2: 14, 3: 14, 4: 34})
    top = tctw_frame(fs, unit, form_no="Biểu số 1 - TCTW", title=["BÁO CÁO", "TĂNG GIẢM ĐẢNG VIÊN", "Năm 2023"], label_cols=(1, 1), number_cols=(2, 3, 4), right_cols=(4, 4))  # fmt: skip
    where = criteria_rows(fs, top, ROWS_1, model["changes"], tctw_measures())
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    for s in ("cur", "prev"):
        fs.rules.append({"kind": "balance", "whole": where[("cuoi_ky", s)], "plus": [where[("dau_ky", s)], where[("tang", s)]], "minus": [where[("giam", s)]], "why": "cuối kỳ = đầu kỳ + tăng − giảm"})  # fmt: skip
        fs.rule("at-most", where[("cuoi_ky", s)], [where[("co_mat", s)]], "members present are among the members on the list")  # fmt: skip
    r = top + len(ROWS_1) + 1
    # the place-and-date line typed across cells, the day in a cell of its own
    fs.put(r, 2, "Long Biên, ngày", italic=True, wrap=False)
    fs.number(r, 3, 15, "other", row_path="", note="the day of the signature date, typed in a cell of its own under the number columns")  # fmt: skip
    fs.put(r, 4, "tháng 01 năm 2024", italic=True, wrap=False)
    fs.put(r + 1, 1, "Người lập biểu", bold=True, center=True)
    fs.merge(r + 1, 2, 1, 3, "BAN TỔ CHỨC QUẬN ỦY LONG BIÊN", bold=True, center=True)
    fs.merge(r + 2, 2, 1, 3, "TRƯỞNG BAN", bold=True, center=True)
    fs.put(r + 6, 1, "Phạm Thị Lan", bold=True, center=True)
    fs.merge(r + 6, 2, 1, 3, "Đỗ Mạnh Hùng", bold=True, center=True)
    return fs


# ------------------------------------------------------------------------ Biểu số 2-TCTW

ADM = "đảng viên mới kết nạp trong năm"


def tctw2_values(model: Model) -> dict[str, dict[str, Any]]:
    """Biểu 2-TCTW's categories, from the year's admissions (its own wording and bands)."""
    out: dict[str, dict[str, Any]] = {}
    for s, av in (("cur", {2}), ("prev", {3})):
        a = model["adm_year"][s]
        v: dict[str, Any] = {
            k: a[k] for k in ("total", "ketnaplai", "nu", "dtts", "tongiao", "doanvien", "t_bq")
        }
        groups = {
            "cc": ("nn_cc_nha_nuoc", "nn_cc_dang", "nn_cc_xa"), "vc_sn": ("nn_vien_chuc", "nn_ngoai_cong_lap"),
            "vc_kd": ("nn_dn_lanh_dao",), "cn_ld": ("nn_dn_nhan_vien", "nn_dn_cong_nhan"),
            "nong": ("nn_nong",), "llvt": ("nn_llvt",), "sv_hs": ("nn_sinh_vien", "nn_hoc_sinh"),
        }  # fmt: skip
        for k, parts in groups.items():
            v[k] = nudge(sum(a[p] for p in parts), av, 0)
        bands = {"a_18_30": ("t_18_30",), "a_31_40": ("t_31_35", "t_36_40"), "a_41_50": ("t_41_45", "t_46_50"), "a_51": ("t_51_55", "t_56_60", "t_tren_60")}  # fmt: skip
        for k, parts in bands.items():
            v[k] = sum(a[p] for p in parts)
        for k in ("a_31_40", "a_41_50", "a_51"):
            if v[k] in av:
                v[k] += 1
                v["a_18_30"] -= 1
        for k in ("g_biet_doc", "g_tieu_hoc", "g_thcs", "g_thpt", "c_cnkt", "c_trung_cap", "c_cao_dang", "c_dai_hoc", "c_thac_sy", "c_tien_sy"):  # fmt: skip
            v[k] = a[k]
        v["c_tskh"] = 0
        v["dv_da_co"] = a["tccsd"]
        v["dv_chua_co"] = pick(random.Random(model["seed"] + "/2tctw/" + s), 0, 3, av)
        v["dv"] = v["dv_da_co"] + v["dv_chua_co"]
        v["dv_kn"] = a["dbcs_kn"] + a["cbcs_kn"]
        v["dv_kqc"] = nudge(a["dbcs_kqc"] + a["cbcs_kqc"], av)
        out[s] = v
    return out


def rows_2() -> list[Row]:
    t = "total"
    items = [
        ("Trong đó: + Kết nạp lại", "ketnaplai", "trong đó kết nạp lại"), ("+ Phụ nữ", "nu", "trong đó phụ nữ"),
        ("+ Dân tộc thiểu số", "dtts", "trong đó người dân tộc thiểu số"), ("+ Tôn giáo", "tongiao", "trong đó người có tôn giáo"),
        ("+ Là Đoàn viên TNCSHCM", "doanvien", "trong đó đoàn viên Đoàn TNCS Hồ Chí Minh"),
        ("+ Cán bộ, công chức nhà nước", "cc", "trong đó cán bộ, công chức nhà nước"),
        ("+ Viên chức hoạt động sự nghiệp", "vc_sn", "trong đó viên chức hoạt động sự nghiệp"),
        ("+ Viên chức kinh doanh", "vc_kd", "trong đó viên chức kinh doanh"),
        ("+ CN, LĐ trong các thành phần kinh tế", "cn_ld", "trong đó công nhân, lao động trong các thành phần kinh tế"),
        ("+ Nông dân", "nong", "trong đó nông dân"),
        ("+ Sĩ quan, chiến sĩ quân đội, công an", "llvt", "trong đó sĩ quan, chiến sĩ quân đội, công an"),
        ("+ Sinh viên, học sinh", "sv_hs", "trong đó sinh viên, học sinh"),
    ]  # fmt: skip
    rows = [Row("I - Đảng viên mới kết nạp:", 0, t, ADM)]
    rows += [Row(label, 1, k, f"{ADM} — {m}", within=t) for label, k, m in items]
    rows.append(Row("II - Phân tích đảng viên mới kết nạp:", 0))
    rows.append(
        Row(
            "1. Tuổi đời: + 18 đến 30 tuổi",
            1,
            "a_18_30",
            f"{ADM} — từ 18 đến 30 tuổi",
            heading="1. Tuổi đời:",
        )
    )
    rows += [Row(label, 2, k, f"{ADM} — {m}") for label, k, m in [
        ("+ 31 đến 40 tuổi", "a_31_40", "từ 31 đến 40 tuổi"), ("+ 41 đến 50 tuổi", "a_41_50", "từ 41 đến 50 tuổi"),
        ("+ 51 tuổi trở lên", "a_51", "từ 51 tuổi trở lên")]]  # fmt: skip
    rows.append(Row("+ Tuổi bình quân", 2, "t_bq", f"{ADM} — tuổi bình quân", additive=False))
    rows.append(Row("2. Trình độ học vấn phổ thông:", 1))
    rows += [Row(label, 2, k, f"{ADM} — học vấn {m}") for label, k, m in [
        ("+ Biết đọc, biết viết chữ Quốc ngữ", "g_biet_doc", "biết đọc, biết viết"), ("+ Tiểu học", "g_tieu_hoc", "tiểu học"),
        ("+ Trung học cơ sở", "g_thcs", "trung học cơ sở"), ("+ Trung học phổ thông", "g_thpt", "trung học phổ thông")]]  # fmt: skip
    rows.append(Row("3. Trình độ chuyên môn nghiệp vụ:", 1))
    rows += [Row(label, 2, k, f"{ADM} — chuyên môn {m}", within=t) for label, k, m in [
        ("+ CN kỹ thuật, nhân viên nghiệp vụ", "c_cnkt", "công nhân kỹ thuật, nhân viên nghiệp vụ"),
        ("+ Trung học chuyên nghiệp", "c_trung_cap", "trung học chuyên nghiệp"), ("+ Cao đẳng", "c_cao_dang", "cao đẳng"),
        ("+ Đại học", "c_dai_hoc", "đại học"), ("+ Thạc sĩ", "c_thac_sy", "thạc sĩ"), ("+ Tiến sĩ", "c_tien_sy", "tiến sĩ"),
        ("+ Tiến sĩ khoa học", "c_tskh", "tiến sĩ khoa học")]]  # fmt: skip
    rows += [
        Row("III - Số đơn vị cơ sở có đến cuối kỳ báo cáo:", 0, "dv", "số đơn vị cơ sở có đến cuối kỳ", parts=("dv_chua_co", "dv_da_co")),
        Row("Chia ra: 1. Số đơn vị cơ sở chưa có TCCSĐ", 1, "dv_chua_co", "số đơn vị cơ sở chưa có tổ chức cơ sở đảng"),
        Row("2. Số đơn vị cơ sở đã có TCCSĐ", 1, "dv_da_co", "số đơn vị cơ sở đã có tổ chức cơ sở đảng"),
        Row("Trong đó: + Có kết nạp đảng viên", 2, "dv_kn", "số đơn vị cơ sở đã có TCCSĐ có kết nạp đảng viên trong năm", within="dv_da_co"),
        Row("+ Không còn quần chúng", 2, "dv_kqc", "số đơn vị cơ sở đã có TCCSĐ không còn quần chúng", within="dv_da_co"),
    ]  # fmt: skip
    return rows


def bieu2(wb: Workbook, unit: Unit, model: Model) -> FormSheet:
    fs = sheet(wb, "Biểu 2-TCTW", form="Biểu số 2-TCTW", title="BÁO CÁO ĐẢNG VIÊN MỚI KẾT NẠP", unit=unit.meta(), period=YEAR_2023)  # fmt: skip
    fs.widths({1: 6, 2: 50, 3: 13, 4: 13, 5: 16, 6: 6, 7: 24, 8: 11, 9: 11})
    top = tctw_frame(fs, unit, form_no="Biểu số 2 - TCTW", title=["BÁO CÁO", "ĐẢNG VIÊN MỚI KẾT NẠP", "Năm 2023"], label_cols=(1, 2), number_cols=(3, 4, 5), right_cols=(6, 9))  # fmt: skip
    values = tctw2_values(model)
    rows = rows_2()
    where = criteria_rows(
        fs, top, rows, values, tctw_measures(3), label_span=2,
        sums=[("total", ("a_18_30", "a_31_40", "a_41_50", "a_51"), "the age bands cover every new member"),
              ("total", ("g_biet_doc", "g_tieu_hoc", "g_thcs", "g_thpt"), "every new member has one level of general education")],
    )  # fmt: skip
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    r = top + len(rows) + 1
    fs.merge(r, 1, 1, 5, "(Tiếp biểu số 2-TCTW)", bold=True, italic=True)
    fs.merge(r, 6, 1, 4, "Đvt: Người", italic=True, center=True)
    cells = []
    for c0 in (1, 6):
        cells += [HeaderCell(0, c0, 1, 1, "TT"), HeaderCell(0, c0 + 1, 1, 1, "Tên dân tộc, tôn giáo"), HeaderCell(0, c0 + 2, 1, 1, "Tổng số"), HeaderCell(0, c0 + 3, 1, 1, "Tỷ lệ %")]  # fmt: skip
    fs.header(r + 1, cells)
    eth = ethnic_breakdown(random.Random(model["seed"] + "/2tctw/ethnic"), model["adm_year"]["cur"])
    panels = ethnic_panels(fs, r + 2, eth, ETHNIC, RELIGIONS, women=False, lists=("Đ.viên chia theo dân tộc", "Đảng viên trong các tôn giáo"), who=ADM)  # fmt: skip
    fs.rules.append({"kind": "equal", "cell": panels["e_total"], "other": {"sheet": fs.ws.title, "cell": where[("total", "cur")]}, "why": "the ethnic panel adds up to the year's new members"})  # fmt: skip
    fs.rules.append({"kind": "equal", "cell": panels["r_total"], "other": {"sheet": fs.ws.title, "cell": where[("tongiao", "cur")]}, "why": "the religions add up to “+ Tôn giáo”"})  # fmt: skip
    fs.rules.append({"kind": "sum-equals", "parts": panels["minorities"], "other": {"sheet": fs.ws.title, "cell": where[("dtts", "cur")]}, "why": "the groups other than Kinh are “+ Dân tộc thiểu số”"})  # fmt: skip
    end = panels["end"] + 1
    fs.merge(end, 1, 1, 2, "Người lập biểu", bold=True, center=True)
    fs.merge(end, 6, 1, 4, "Long Biên, ngày 15 tháng 01 năm 2024\nBAN TỔ CHỨC QUẬN ỦY LONG BIÊN", bold=True, center=True)  # fmt: skip
    fs.ws.row_dimensions[end].height = 34
    return fs


# ----------------------------------------------------------------------- Biểu số 10-TCTW


def tctw10_values(model: Model) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    orgs = model["orgs"]["cong"]
    for s, av in (("cur", {2}), ("prev", {3})):
        rng = random.Random(model["seed"] + "/10tctw/" + s)

        def p(lo: int, hi: int) -> int:
            return pick(rng, lo, hi, av)  # noqa: B023 (rng and av are this iteration's)

        ch = model["changes"][s]
        v: dict[str, Any] = {"h_huyen": 0, "h_quan": 1, "h_thi_xa": 0, "h_tp": 0, "h_td": 0}
        v["h"] = 1
        shrink = 0 if s == "cur" else 2
        v["dbcs"] = nudge(orgs["dbcs"] - shrink, av)
        v["cbcs"] = nudge(orgs["cbcs"] + shrink, av)
        v["dbbp"] = orgs["dbbp"] if s == "cur" else p(0, 1)
        v["cbtt"] = nudge(orgs["cbtt"] - shrink, av)
        v["dv_da_co"] = v["dbcs"] + v["cbcs"]
        v["dv_chua_co"] = p(0, 3)
        v["dv"] = v["dv_da_co"] + v["dv_chua_co"]
        v["u_thon"], v["u_truong"] = p(0, 1), p(0, 3)
        v["u"] = pick(
            rng,
            v["u_thon"] + v["u_truong"] + 1,
            v["u_thon"] + v["u_truong"] + 6,
            av | {v["u_thon"] + v["u_truong"] + x for x in av},
        )
        v["u_px"] = v["u"] - v["u_thon"] - v["u_truong"]
        v["chinh_thuc"] = round(ch["ket_nap"] * rng.uniform(0.92, 1.02))
        v["khong_cong_nhan"] = p(0, 3)
        v["kh_khong_kn"] = p(8, 30)
        v["kh_giao_quyen"] = p(4, 12)
        v["kh_cam_tinh"] = round(ch["ket_nap"] * rng.uniform(1.3, 1.7))
        v["kh_lop"] = round(v["kh_cam_tinh"] * rng.uniform(0.85, 0.98))
        v["the_co"] = round(model["stock"][s]["total"] * rng.uniform(0.93, 0.96))
        v["the_chua"] = p(90, 260)
        v["the_mat"] = p(5, 19)
        v["the_mat_chua"] = p(0, min(4, v["the_mat"]))
        v["the_hong"] = p(3, 12)
        v["the_hong_chua"] = p(0, min(3, v["the_hong"]))
        v["hs_cs"] = round(model["stock"][s]["total"] * rng.uniform(0.97, 0.99))
        v["hs_huyen"] = model["stock"][s]["total"] - v["hs_cs"]
        v["hs"] = v["hs_cs"] + v["hs_huyen"]
        v["hs_tccsd_chua"] = p(0, 3)
        v["hs_tccsd_co"] = v["dv_da_co"] - v["hs_tccsd_chua"]
        v["hs_du_bi"] = model["stock"][s]["du_bi"]
        v["hs_ra_khoi"] = ch["khai_tru"] + ch["xoa_ten"] + ch["xin_ra"]
        v["hs_tu_tran"] = ch["tu_tran"]
        v["hs_chua_co"] = p(0, 4)
        v["hs_hong"] = p(0, 6)
        v["hs_gia"] = 0
        v["hs_doi_khop"] = 1
        v["shd_tam_di"], v["shd_tam_den"] = p(150, 400), p(120, 380)
        v["shd_tam"] = v["shd_tam_di"] + v["shd_tam_den"]
        v["shd_ct_di"], v["shd_ct_den"] = ch["chuyen_di"], ch["chuyen_den"]
        v["shd_ct"] = v["shd_ct_di"] + v["shd_ct_den"]
        v["shd_sai_den"], v["shd_sai_di"], v["shd_gia"] = p(0, 4), p(0, 3), 0
        v["kt_huyen_co"], v["kt_huyen_bk"] = 0, p(0, 1)
        v["kt_huyen"] = v["kt_huyen_co"] + v["kt_huyen_bk"]
        v["kt_cs_co"], v["kt_cs_bk"], v["kt_cs_gk"] = p(0, 1), p(3, 9), p(15, 40)
        v["kt_cs"] = v["kt_cs_co"] + v["kt_cs_bk"] + v["kt_cs_gk"]
        v["kt_cb_bk"], v["kt_cb_gk"] = p(4, 12), p(20, 60)
        v["kt_cb"] = v["kt_cb_bk"] + v["kt_cb_gk"]
        badges = [
            "hh90",
            "hh85",
            "hh80",
            "hh75",
            "hh70",
            "hh65",
            "hh60",
            "hh55",
            "hh50",
            "hh40",
            "hh30",
        ]
        ranges = [(0, 2), (0, 4), (4, 12), (10, 30), (30, 70), (40, 90), (50, 120), (60, 140), (80, 160), (120, 220), (200, 380)]  # fmt: skip
        for b, (lo, hi) in zip(badges, ranges, strict=True):
            v[b] = p(lo, hi)
        v["hh"] = sum(v[b] for b in badges)
        v["kt_dv_bk"], v["kt_dv_gk"] = p(10, 30), p(150, 400)
        v["kt_dv"] = v["kt_dv_bk"] + v["kt_dv_gk"]
        v["kl_kt"], v["kl_cc"], v["kl_cch"] = p(20, 50), p(5, 15), p(0, 3)
        v["kl_ktr"] = ch["khai_tru"]
        v["kl"] = v["kl_kt"] + v["kl_cc"] + v["kl_cch"] + v["kl_ktr"]
        v["xt_du_bi"] = pick(rng, 0, ch["xoa_ten"], av | {ch["xoa_ten"] - x for x in av})
        v["xt_xin_ra"] = ch["xin_ra"]
        v["xt_d8"] = ch["xoa_ten"] - v["xt_du_bi"]
        v["xt"] = v["xt_du_bi"] + v["xt_xin_ra"] + v["xt_d8"]
        v["cb_huyen"] = p(3, 5)
        v["cb"] = v["cb_huyen"]
        for k, x in v.items():
            if x in av and k not in ("h_quan", "h", "hs_doi_khop"):
                raise Collision(model["seed"].split("/")[0], f"Biểu 10-TCTW {k} ({s}) = {x}")
        out[s] = v
    return out


def rows_10(repeat: Break) -> list[Row | Break]:
    def r(
        label: str, depth: int, key: str | None = None, meaning: str | None = None, **kw: Any
    ) -> Row:
        return Row(label, depth, key, meaning, **kw)

    dv = "đảng viên"
    return [
        r("I - Tổ chức đảng và đảng viên", 0),
        r("1. Số đảng bộ huyện (tương đương):", 1, "h", "số đảng bộ cấp huyện", parts=("h_huyen", "h_quan", "h_thi_xa", "h_tp", "h_td")),
        r("- Huyện", 2, "h_huyen", "số đảng bộ huyện"), r("- Quận", 2, "h_quan", "số đảng bộ quận"),
        r("- Thị xã", 2, "h_thi_xa", "số đảng bộ thị xã"), r("- Thành phố trực thuộc tỉnh", 2, "h_tp", "số đảng bộ thành phố trực thuộc tỉnh"),
        r("- Tương đương cấp huyện", 2, "h_td", "số đảng bộ tương đương cấp huyện"),
        r("2. Tổng số đơn vị cơ sở:", 1, "dv", "số đơn vị cơ sở", parts=("dv_chua_co", "dv_da_co")),
        r("Trong đó: - Số đơn vị cơ sở chưa có tổ chức cơ sở đảng", 2, "dv_chua_co", "số đơn vị cơ sở chưa có tổ chức cơ sở đảng"),
        r("- Số đơn vị cơ sở đã có tổ chức cơ sở đảng", 2, "dv_da_co", "số đơn vị cơ sở đã có tổ chức cơ sở đảng (số TCCSĐ)", parts=("dbcs", "cbcs")),
        r("a - Đảng bộ cơ sở:", 3, "dbcs", "số đảng bộ cơ sở"),
        r("Trong đó: + Đảng bộ bộ phận", 4, "dbbp", "số đảng bộ bộ phận trực thuộc đảng bộ cơ sở (không phải một phần của số đảng bộ cơ sở)"),
        r("+ Chi bộ trực thuộc đảng bộ cơ sở", 4, "cbtt", "số chi bộ trực thuộc đảng bộ cơ sở (không phải một phần của số đảng bộ cơ sở)"),
        r("b - Chi bộ cơ sở:", 3, "cbcs", "số chi bộ cơ sở"),
        r("3.Số đơn vị trực thuộc đơn vị cơ sở chưa có đảng viên", 1, "u", "số đơn vị trực thuộc đơn vị cơ sở chưa có đảng viên", parts=("u_thon", "u_truong", "u_px")),
        r("-Thôn, bản, làng, ấp, khu phố", 2, "u_thon", "thôn, khu phố chưa có đảng viên"),
        r("-Trường tiểu học, trung học cơ sở, mẫu giáo, mầm non", 2, "u_truong", "trường học chưa có đảng viên"),
        r("- Phân xưởng, đội sản xuất, HTX tiểu thủ công nghiệp…", 2, "u_px", "phân xưởng, đội sản xuất chưa có đảng viên"),
        r("II - Kết nạp đảng viên trong năm", 0),
        r("1. Số đảng viên được công nhận chính thức", 1, "chinh_thuc", "số đảng viên dự bị được công nhận chính thức (không phải số kết nạp)", never_admission=True),
        r("2. Số đ/v dự bị không được công nhận chính thức", 1, "khong_cong_nhan", "số đảng viên dự bị không được công nhận chính thức", never_admission=True),
        r("3. Một số nội dung liên quan:", 1),
        r("- Số tổ chức cơ sở đảng không có kết nạp đảng viên", 2, "kh_khong_kn", "số tổ chức cơ sở đảng không kết nạp được đảng viên", never_admission=True),
        r("- Số đảng bộ cơ sở được giao quyền kết nạp", 2, "kh_giao_quyen", "số đảng bộ cơ sở được giao quyền kết nạp đảng viên", never_admission=True),
        r("- Số quần chúng ưu tú đựơc xét là cảm tình Đảng", 2, "kh_cam_tinh", "số quần chúng ưu tú được xét là cảm tình Đảng", never_admission=True),
        r("- Số cảm tình Đảng dự lớp nhận thức về Đảng", 2, "kh_lop", "số cảm tình Đảng dự lớp nhận thức về Đảng", never_admission=True),
        r("III - Phát thẻ đảng viên trong năm", 0),
        r("1. Đảng viên chính thức đã có thẻ đảng viên", 1, "the_co", "đảng viên chính thức đã có thẻ đảng viên"),
        r("2. Đảng viên chính thức chưa có thẻ đảng viên", 1, "the_chua", "đảng viên chính thức chưa có thẻ đảng viên"),
        r("3. Đảng viên bị mất thẻ đảng viên", 1, "the_mat", "đảng viên bị mất thẻ"),
        r("Trong đó: chưa cấp lại", 2, "the_mat_chua", "đảng viên bị mất thẻ chưa được cấp lại", within="the_mat"),
        r("4. Đảng viên bị hỏng thẻ đảng viên", 1, "the_hong", "đảng viên bị hỏng thẻ"),
        r("Trong đó: chưa được làm lại", 2, "the_hong_chua", "đảng viên bị hỏng thẻ chưa được làm lại", within="the_hong"),
        r("IV - Quản lý hồ sơ đảng viên", 0),
        r("1. Tổng số hồ sơ đảng viên", 1, "hs", "số hồ sơ đảng viên", parts=("hs_cs", "hs_huyen")),
        r("- Do tổ chức cơ sở đảng quản lý", 2, "hs_cs", "hồ sơ đảng viên do tổ chức cơ sở đảng quản lý"),
        r("- Do huyện (tương đương) quản lý", 2, "hs_huyen", "hồ sơ đảng viên do huyện quản lý"),
        r("2. Số tổ chức cơ sở đảng quản lý hồ sơ đảng viên", 1, "hs_tccsd_co", "số TCCSĐ quản lý hồ sơ đảng viên"),
        r("3. Số tổ chức cơ sở đảng chưa quản lý hồ sơ đảng viên", 1, "hs_tccsd_chua", "số TCCSĐ chưa quản lý hồ sơ đảng viên"),
        r("4. Tình hình quản lý hồ sơ đảng viên ở huyện uỷ và tương đương", 1),
        r("- Hồ sơ kết nạp Đảng của đảng viên dự bị", 2, "hs_du_bi", "hồ sơ kết nạp của đảng viên dự bị (không phải số kết nạp)", never_admission=True),
        r("- Hồ sơ của đảng viên bị đưa ra khỏi Đảng", 2, "hs_ra_khoi", "hồ sơ của đảng viên bị đưa ra khỏi Đảng"),
        r("- Hồ sơ của đảng viên từ trần", 2, "hs_tu_tran", "hồ sơ của đảng viên từ trần"),
        r("5. Một số nội dung liên quan đến hồ sơ đảng viên", 1),
        r("- Số đảng viên chưa có hồ sơ đảng viên", 2, "hs_chua_co", "số đảng viên chưa có hồ sơ"),
        repeat,
        r("- Số HSĐV bị hư hỏng mất mát trong năm", 2, "hs_hong", "số hồ sơ đảng viên bị hư hỏng, mất mát"),
        r("- Số HSĐV phát hiện giả mạo trong năm", 2, "hs_gia", "số hồ sơ đảng viên phát hiện giả mạo"),
        r("- Số huyện (tương đương) đối khớp danh sách đảng viên với cấp uỷ cơ sở (6 tháng, 1 năm) trong năm", 2, "hs_doi_khop", "số huyện đối khớp danh sách đảng viên với cấp ủy cơ sở"),
        r("V - Giới thiệu sinh hoạt Đảng trong năm", 0),
        r("1. Số lượt đảng viên chuyển sinh hoạt đảng tạm thời", 1, "shd_tam", "lượt đảng viên chuyển sinh hoạt đảng tạm thời", parts=("shd_tam_di", "shd_tam_den")),
        r("- Giới thiệu chuyển đi", 2, "shd_tam_di", "lượt đảng viên được giới thiệu chuyển sinh hoạt tạm thời đi"),
        r("- Tiếp nhận chuyển đến", 2, "shd_tam_den", "lượt đảng viên chuyển sinh hoạt tạm thời đến"),
        r("2. Số lượt đ/v chuyển sinh hoạt đảng chính thức", 1, "shd_ct", "lượt đảng viên chuyển sinh hoạt đảng chính thức", parts=("shd_ct_di", "shd_ct_den")),
        r("- Giới thiệu chuyển đi", 2, "shd_ct_di", "lượt đảng viên được giới thiệu chuyển sinh hoạt chính thức đi"),
        r("- Tiếp nhận chuyển đến", 2, "shd_ct_den", "lượt đảng viên chuyển sinh hoạt chính thức đến"),
        r("3. Một số nội dung liên quan đến giới thiệu SHĐ", 1),
        r("- Số đ/v nơi khác chuyển SHĐ đến chưa đúng quy định", 2, "shd_sai_den", "đảng viên chuyển sinh hoạt đến chưa đúng quy định"),
        r("- Số đ/v giới thiệu SHĐ đi chưa đúng quy định", 2, "shd_sai_di", "đảng viên giới thiệu sinh hoạt đi chưa đúng quy định"),
        r("- Số trường hợp phát hiện giả mạo qua giới thiệu SHĐ", 2, "shd_gia", "trường hợp giả mạo qua giới thiệu sinh hoạt đảng"),
        r("VI - Khen thưởng tổ chức đảng và đảng viên trong năm", 0),
        r("1. Khen thưởng tổ chức đảng", 1),
        r("a) Số huyện và tương đương được khen (nếu có)", 2, "kt_huyen", "số đảng bộ huyện được khen thưởng", parts=("kt_huyen_co", "kt_huyen_bk")),
        r("- Tặng cờ", 3, "kt_huyen_co", "đảng bộ huyện được tặng cờ"), r("- Tặng bằng khen", 3, "kt_huyen_bk", "đảng bộ huyện được tặng bằng khen"),
        r("b) Số tổ chức cơ sở đảng được khen", 2, "kt_cs", "số tổ chức cơ sở đảng được khen thưởng", parts=("kt_cs_co", "kt_cs_bk", "kt_cs_gk")),
        r("- Tặng cờ", 3, "kt_cs_co", "TCCSĐ được tặng cờ"), r("- Tặng bằng khen", 3, "kt_cs_bk", "TCCSĐ được tặng bằng khen"),
        r("- Tặng giấy khen", 3, "kt_cs_gk", "TCCSĐ được tặng giấy khen"),
        r("c) Số chi bộ trực thuộc đảng bộ cơ sở được khen", 2, "kt_cb", "số chi bộ trực thuộc được khen thưởng", parts=("kt_cb_bk", "kt_cb_gk")),
        r("- Tặng bằng khen", 3, "kt_cb_bk", "chi bộ trực thuộc được tặng bằng khen"), r("- Tặng giấy khen", 3, "kt_cb_gk", "chi bộ trực thuộc được tặng giấy khen"),
        r("2. Khen thưởng đảng viên:", 1),
        r("a) Tặng Huy hiệu Đảng:", 2, "hh", "số đảng viên được tặng Huy hiệu Đảng", parts=("hh90", "hh85", "hh80", "hh75", "hh70", "hh65", "hh60", "hh55", "hh50", "hh40", "hh30")),
        *[r(f"- Huy hiệu Đảng {y} năm", 3, f"hh{y}", f"{dv} được tặng Huy hiệu {y} năm tuổi Đảng") for y in (90, 85, 80, 75, 70, 65, 60, 55, 50, 40, 30)],
        r("b) Số đảng viên được khen thưởng", 2, "kt_dv", "số đảng viên được khen thưởng", parts=("kt_dv_bk", "kt_dv_gk")),
        r("- Tặng bằng khen", 3, "kt_dv_bk", "đảng viên được tặng bằng khen"), r("- Tặng giấy khen", 3, "kt_dv_gk", "đảng viên được tặng giấy khen"),
        r("VII- Một số nội dung liên quan đến ng/vụ công tác đảng viên", 0),
        r("1. Số đảng viên bị kỷ luật Đảng trong năm:", 1, "kl", "số đảng viên bị thi hành kỷ luật", parts=("kl_kt", "kl_cc", "kl_cch", "kl_ktr")),
        r("- Khiển trách", 2, "kl_kt", "đảng viên bị kỷ luật khiển trách"),
        r("- Cảch cáo", 2, "kl_cc", "đảng viên bị kỷ luật cảnh cáo (nhãn gõ sai “Cảch cáo” như trong mẫu)"),
        r("- Cách chức", 2, "kl_cch", "đảng viên bị kỷ luật cách chức"),
        r("- Khai trừ ra khỏi Đảng", 2, "kl_ktr", "đảng viên bị kỷ luật khai trừ"),
        r("2. Số đảng viên bị xoá tên trong năm", 1, "xt", "số đảng viên bị xóa tên (kể cả xin ra khỏi Đảng)", parts=("xt_du_bi", "xt_xin_ra", "xt_d8")),
        r("- Đảng viên dự bị không đủ điều kiện", 2, "xt_du_bi", "đảng viên dự bị không đủ điều kiện bị xóa tên"),
        r("- Đảng viên xin ra khỏi Đảng", 2, "xt_xin_ra", "đảng viên xin ra khỏi Đảng"),
        r("- Đảng viên bị xoá tên theo Điều 8, Điều lệ Đảng", 2, "xt_d8", "đảng viên bị xóa tên theo Điều 8 Điều lệ Đảng"),
        r("3. Số cán bộ làm ng/vụ công tác đảng viên chuyên trách", 1, "cb", "cán bộ chuyên trách nghiệp vụ công tác đảng viên", parts=("cb_huyen",)),
        r("- Ban Tổ chức tỉnh, thành uỷ…", 2),
        r("- Ban Tổ chức huyện, thị…", 2, "cb_huyen", "cán bộ chuyên trách ở ban tổ chức huyện"),
    ]  # fmt: skip


MEASURES_10 = (
    "Chỉ tiêu",
    "Thực hiện",
    "Năm báo cáo",
    "Năm trước",
    "(%) so năm báo cáo với năm trước",
)


def bieu10(wb: Workbook, unit: Unit, model: Model) -> FormSheet:
    fs = sheet(wb, "Biểu 10-TCTW", form="Biểu số 10-TCTW", title="BÁO CÁO VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN", unit=unit.meta(), period=YEAR_2023)  # fmt: skip
    fs.widths({1: 62, 2: 14, 3: 14, 4: 30})
    top = tctw_frame(fs, unit, form_no="Biểu số 10 - TCTW", title=["BÁO CÁO", "VỀ NGHIỆP VỤ", "CÔNG TÁC ĐẢNG VIÊN", "Năm 2023"], label_cols=(1, 1), number_cols=(2, 3, 4), right_cols=(4, 4), measures=MEASURES_10)  # fmt: skip

    def repeat_header(r: int) -> None:
        fs.merge(r, 1, 1, 4, "Tiếp theo biểu số 10-TCTW", bold=True, italic=True)
        fs.header(r + 1, [HeaderCell(0, 1, 2, 1, MEASURES_10[0]), HeaderCell(0, 2, 1, 2, MEASURES_10[1]), HeaderCell(0, 4, 2, 1, MEASURES_10[4]), HeaderCell(1, 2, 1, 1, MEASURES_10[2]), HeaderCell(1, 3, 1, 1, MEASURES_10[3])])  # fmt: skip
        fs.column_numbers(r + 3, {1: 1, 2: 2, 3: 3, 4: "4 = 2:3"})

    rows = rows_10(Break(4, repeat_header))
    values = tctw10_values(model)
    measures = [
        Measure(2, "value", "cur", CUR),
        Measure(3, "value", "prev", PREV),
        Measure(4, "percent"),
    ]
    where = criteria_rows(fs, top, rows, values, measures)
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    fs.notes.append("“Trong đó: + Đảng bộ bộ phận / + Chi bộ trực thuộc” dưới “a - Đảng bộ cơ sở” đếm tổ chức bên trong các đảng bộ cơ sở, không phải một phần của số đảng bộ cơ sở.")  # fmt: skip
    fs.notes.append("“II - Kết nạp đảng viên trong năm” không chứa số kết nạp: “1. Số đảng viên được công nhận chính thức” là đảng viên dự bị được chuyển chính thức.")  # fmt: skip
    end = top + sum(1 if isinstance(x, Row) else x.height for x in rows) + 1
    fs.put(end, 1, "Người lập biểu", bold=True, center=True)
    fs.merge(end, 2, 1, 3, "Long Biên, ngày 16 tháng 01 năm 2024\nBAN TỔ CHỨC QUẬN ỦY LONG BIÊN\nTRƯỞNG BAN", bold=True, center=True)  # fmt: skip
    fs.ws.row_dimensions[end].height = 50
    fs.merge(end + 4, 2, 1, 3, "Đỗ Mạnh Hùng", bold=True, center=True)
    return fs
