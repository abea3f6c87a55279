"""Inspection, supervision and discipline statistics (Quyết định 885-QĐ/UBKTTW, 29/12/2022).

The detailed sheets take their columns from the public exporter of the inspection statistics
forms (monsoc/wh_qldld, src/java/vn/com/telsoft/util/ExportExcel.java, the 357-QĐ/UBKTTW forms
885 replaced): "Số TT | <who> | Tổng số | Cấp kiểm tra › … | Nội dung kiểm tra › … | Kết luận
› … › Trong đó › …", column numbers "A | B | 1 | 2 | …". Their row labels and the summary
report (one of the two report templates 885 adds) are supplied; SOURCES.md says which.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook

from .forms_btctw import sheet
from .models import CITY, UNITS, Model, Unit, nudge, pick
from .sheetkit import SEP, Collision, FormSheet, HeaderCell, ref
from .tables import Measure, Row, column_totals, criteria_rows, title_lines

HALF_2024 = {
    "label": "6 THÁNG ĐẦU NĂM 2024",
    "kind": "6 months",
    "year": 2024,
    "as_of": "2024-06-14",
}

CAP_CAPUY = [  # cấp kiểm tra / cấp giám sát of a party committee (Điều 30)
    ("c_tw", "BCHTW, BCT, Ban Bí thư"), ("c_tw_tm", "Các CQ tham mưu của TW"),
    ("c_tinh", "Tỉnh ủy, BTV tỉnh uỷ và tương đương"), ("c_tinh_tm", "Các CQ tham mưu của cấp ủy tỉnh và tương đương"),
    ("c_huyen", "Huyện ủy, BTV HU và tương đương"), ("c_huyen_tm", "Các CQ tham mưu của  cấp ủy huyện và tương đương"),
    ("c_ducs", "Đảng ủy cơ sở, BTV Đảng ủy cơ sở"), ("c_dubp", "Đảng ủy bộ phận"),
]  # fmt: skip
CAP_GS = [
    ("c_tw", "BCH Trung ương, Bộ Chính trị, BBT"), ("c_tw_tm", "CQ tham mưu của Trung ương"),
    ("c_tinh", "Tỉnh ủy, BTV tỉnh uỷ và tương đương"), ("c_tinh_tm", "CQ tham mưu của cấp ủy tỉnh và tương đương"),
    ("c_huyen", "Huyện ủy, BTV HU và tương đương"), ("c_huyen_tm", "CQ tham mưu của  cấp ủy huyện và tương đương"),
    ("c_ducs", "Đảng ủy cơ sở, BTV Đảng ủy cơ sở"), ("c_dubp", "Đảng ủy bộ phận"),
]  # fmt: skip
ND_TCD = [
    ("nd_nq", "Việc chấp hành nghị quyết, chỉ thị, quy định, kết luận của Đảng"),
    ("nd_cs", "Việc chấp hành chính sách, pháp luật của Nhà nước"),
    ("nd_qc", "Việc thực hiện quy chế làm việc, nguyên tắc tập trung dân chủ, đoàn kết nội bộ"),
    ("nd_cb", "Công tác cán bộ"), ("nd_tk", "Thực hành tiết kiệm, chống lãng phí"),
    ("nd_kntc", "Giải quyết khiếu nại, tố cáo"), ("nd_khac", "Khác"),
]  # fmt: skip
ND_TCD_KL = [
    ("nd_nq", "Nghị quyết, chỉ thị, quy định, kết luận của Đảng"), ("nd_cs", "Chính sách, pháp luật của Nhà nước"),
    ("nd_qc", "Quy chế làm việc, nguyên tắc tập trung dân chủ, đoàn kết nội bộ"), ("nd_cb", "Công tác cán bộ"),
    ("nd_tk", "Thực hành tiết kiệm, chống lãng phí"), ("nd_kntc", "Giải quyết khiếu nại, tố cáo"), ("nd_khac", "Khác"),
]  # fmt: skip
ND_DV = [
    ("nd_tttd", "Việc chấp hành nguyên tắc tập trung dân chủ, quy chế làm việc, chế độ công tác"),
    ("nd_dd", "Việc giữ gìn phẩm chất đạo đức, lối sống"), ("nd_dk", "Việc giữ gìn đoàn kết nội bộ"),
    ("nd_kdl", "Những điều đảng viên không được làm"), ("nd_ds", "Chính sách dân số- kế hoạch hóa gia đình"),
    ("nd_tn", "Tham nhũng, cố ý làm trái"), ("nd_ttn", "Thiếu trách nhiệm, buông lỏng lãnh đạo"),
    ("nd_dat", "Đất đai, tài nguyên, khoáng sản"), ("nd_tc", "Tài chính, ngân hàng, đầu tư, xây dựng cơ bản"),
    ("nd_kk", "Kê khai tài sản, thu nhập"), ("nd_khac", "Khác"),
]  # fmt: skip
ND_DV_KL = [
    ("nd_tttd", "Nguyên tắc tập trung dân chủ"), ("nd_dd", "Phẩm chất đạo đức, lối sống"), ("nd_dk", "Đoàn kết nội bộ"),
    ("nd_kdl", "Những điều đảng viên không được làm"), ("nd_ds", "Chính sách dân số- kế hoạch hóa gia đình"),
    ("nd_tn", "Tham nhũng, cố ý làm trái"), ("nd_ttn", "Thiếu trách nhiệm, buông lỏng lãnh đạo"),
    ("nd_dat", "Đất đai, tài nguyên, khoáng sản"), ("nd_tc", "Tài chính, ngân hàng, đầu tư, XDCB"),
    ("nd_kk", "Kê khai tài sản thu nhập"), ("nd_khac", "Khác"),
]  # fmt: skip
ORG_ROWS = {
    "ducs": "Đảng ủy cơ sở, ban thường vụ đảng ủy cơ sở",
    "cbcs": "Chi bộ cơ sở",
    "dubp": "Đảng ủy bộ phận",
    "cbtt": "Chi bộ trực thuộc đảng ủy cơ sở",
}
MEMBER_ROWS = {"cuv": "Đảng viên là cấp ủy viên các cấp", "khac": "Đảng viên không là cấp ủy viên"}
# who checks / supervises / disciplines which kind of organization or member, at district level
WHO = {
    "ducs": {"c_huyen": 3, "c_huyen_tm": 1, "u_huyen": 1, "k_huyen": 1},
    "cbcs": {"c_huyen": 3, "c_huyen_tm": 1, "u_huyen": 1, "k_huyen": 1},
    "dubp": {"c_ducs": 1, "u_ducs": 1, "k_ducs": 1},
    "cbtt": {"c_ducs": 3, "c_dubp": 1, "u_ducs": 1, "k_ducs": 1},
    "cuv": {"u_huyen": 3, "u_ducs": 1, "k_huyen": 3, "k_ducs": 1},
    "khac": {"u_huyen": 1, "u_ducs": 3, "u_chibo": 2, "k_huyen": 1, "k_ducs": 2, "k_chibo": 3},
}


@dataclass(frozen=True)
class Spec:
    """One detailed sheet: its title, unit of measure, who its rows count and its columns."""

    key: str
    tab: str
    title: str
    unit_of_measure: str
    who_header: str
    total_header: str
    rows: dict[str, str]
    groups: list[tuple[str | None, list[tuple[str, str]], list[tuple[str, list[tuple[str, str]]]]]]
    # groups: (group header or None, its leaf columns, nested sub-groups under "Trong đó")
    header_rows: int

    def columns(self) -> list[tuple[str, list[str]]]:
        """(key, header path below the top row) of each number column, "Tổng số" first."""
        cols: list[tuple[str, list[str]]] = [("tong", [self.total_header])]
        for head, leaves, subs in self.groups:
            cols += [(k, [h for h in (head, label) if h]) for k, label in leaves]
            for sub, sub_leaves in subs:
                cols += [(k, [h for h in (head, sub, label) if h]) for k, label in sub_leaves]
        return cols


SPECS = [
    Spec("kt_capuy", "KT cấp ủy", "KIỂM TRA TỔ CHỨC ĐẢNG CẤP DƯỚI THEO ĐIỀU 30 ĐIỀU LỆ ĐẢNG", "(ĐVT: Tổ chức đảng)",
         "Tổ chức đảng được kiểm tra", "Tổng số tổ chức đảng được kiểm tra", ORG_ROWS,
         [("Cấp kiểm tra", CAP_CAPUY, []), ("Nội dung kiểm tra", ND_TCD, []),
          ("Kết luận", [("kl_tot", "Thực hiện tốt"), ("kl_chua_tot", "Thực hiện chưa tốt")],
           [("Trong đó", [("kl_vp", "Có khuyết điểm, vi phạm"), ("kl_phai", "Phải thi hành kỷ luật"), ("kl_da", "Đã thi hành kỷ luật")])])], 3),
    Spec("dhvp_tcd", "KT DHVP TCĐ", "KIỂM TRA TỔ CHỨC ĐẢNG KHI CÓ DẤU HIỆU VI PHẠM CỦA ỦY BAN KIỂM TRA CÁC CẤP", "(ĐVT: Tổ chức đảng)",
         "Tổ chức đảng được kiểm tra", "Tổng số tổ chức đảng được kiểm tra", ORG_ROWS,
         [("Cấp kiểm tra", [("u_tw", "UBKT Trung ương"), ("u_tinh", "UBKT tỉnh uỷ và tương đương"), ("u_huyen", "UBKT huyện uỷ và tương đương "), ("u_ducs", "UBKT đảng uỷ cơ sở")], []),
          ("Nội dung kiểm tra", ND_TCD, []),
          ("Kết luận", [("kl_vp", "Có vi phạm")], [("Trong đó", [("kl_phai", "Phải thi hành kỷ luật"), ("kl_da", "Đã thi hành kỷ luật")])])], 3),
    Spec("dhvp_dv", "KT DHVP ĐV", "KIỂM TRA ĐẢNG VIÊN KHI CÓ DẤU HIỆU VI PHẠM CỦA ỦY BAN KIỂM TRA CÁC CẤP VÀ CHI BỘ", "(ĐVT: Đảng viên)",
         "Đảng viên được kiểm tra", "Tổng số đảng viên được kiểm tra", MEMBER_ROWS,
         [("Cấp kiểm tra", [("u_tw", "UBKT Trung ương"), ("u_tinh", "UBKT tỉnh uỷ và tương đương"), ("u_huyen", "UBKT huyện uỷ và tương đương "), ("u_ducs", "UBKT đảng uỷ cơ sở"), ("u_chibo", "Chi bộ")], []),
          ("Nội dung kiểm tra", ND_DV, []),
          ("Kết luận", [("kl_vp", "Có vi phạm")], [("Trong đó", [("kl_phai", "Phải thi hành kỷ luật"), ("kl_da", "Đã thi hành kỷ luật")])])], 3),
    Spec("gs_tcd", "GS chuyên đề", "GIÁM SÁT CHUYÊN ĐỀ TỔ CHỨC ĐẢNG THEO ĐIỀU 30 ĐIỀU LỆ ĐẢNG", "(ĐVT: Tổ chức đảng)",
         "Tổ chức đảng được giám sát", "Tổng số tổ chức đảng được giám sát", ORG_ROWS,
         [("Cấp giám sát", CAP_GS, []), ("Nội dung", ND_TCD, []),
          ("Kết quả", [("kq_tot", "Số tổ chức đảng thực hiện tốt"), ("kq_dhvp", "Số tổ chức đảng được phát hiện có dấu hiệu vi phạm"), ("kq_chuyen", "Số tổ chức đảng chuyển kiểm tra khi có dấu hiệu vi phạm ")], [])], 2),
    Spec("kl_dv", "THKL ĐV", "THI HÀNH KỶ LUẬT ĐẢNG VIÊN CỦA CẤP ỦY CÁC CẤP VÀ CHI BỘ", "(ĐVT: Đảng viên)",
         "Đảng viên bị thi hành kỷ luật", "Tổng số đảng viên bị THKL", MEMBER_ROWS,
         [("Hình thức kỷ luật", [("ht_kt", "Khiển trách"), ("ht_cc", "Cảnh cáo"), ("ht_cch", "Cách chức"), ("ht_ktr", "Khai trừ")], []),
          (None, [("dinh_chi", "Đình chỉ sinh hoạt đảng")], []),
          ("Cấp thi hành kỷ luật", [("k_tw", "BCHTW, Bộ Chính trị, Ban Bí thư"), ("k_tinh", "Tỉnh uỷ, BTV tỉnh uỷ và tương đương "), ("k_huyen", "Huyện uỷ, BTV HU và tương đương"), ("k_ducs", "Đảng uỷ cơ sở"), ("k_chibo", "Chi bộ")], []),
          ("Nội dung vi phạm", ND_DV_KL, []),
          ("Xử lý pháp luật", [("pl_sl", "Số lượng")], [("Trong đó", [("pl_tu", "Bị phạt tù (kể cả án treo)"), ("pl_khac", "Hình thức khác")])]),
          (None, [("hanh_chinh", "Xử lý hành chính")], [])], 3),
    Spec("kl_tcd", "THKL TCĐ", "THI HÀNH KỶ LUẬT TỔ CHỨC ĐẢNG CỦA CẤP ỦY CÁC CẤP", "(ĐVT: Tổ chức đảng)",
         "Tổ chức đảng bị thi hành kỷ luật", "Tổng số tổ chức đảng bị thi hành kỷ luật", ORG_ROWS,
         [("Hình thức kỷ luật", [("ht_kt", "Khiển trách"), ("ht_cc", "Cảnh cáo"), ("ht_gt", "Giải tán")], []),
          ("Cấp thi hành kỷ luật", [("k_tw", "BCH TW, Bộ Chính trị, Ban Bí thư"), ("k_tinh", "Tỉnh ủy, BTV tỉnh ủy và tương đương"), ("k_huyen", "Huyện ủy, BTV huyện ủy và tương đương"), ("k_ducs", "Đảng ủy cơ sở")], []),
          ("Nội dung vi phạm", ND_TCD_KL, [])], 2),
]  # fmt: skip
SPEC = {s.key: s for s in SPECS}
SPLIT_GROUPS = {"Cấp kiểm tra", "Cấp giám sát", "Cấp thi hành kỷ luật", "Hình thức kỷ luật"}
ND_SHARE = [0.8, 0.5, 0.6, 0.3, 0.2, 0.1, 0.1, 0.15, 0.3, 0.2, 0.1]


def fill_row(
    rng: random.Random, spec: Spec, row: str, n: int, colnum: dict[str, int]
) -> dict[str, int | None]:
    """One row of a detailed sheet: its "Tổng số" split among who did it and how, its contents
    each at most the total, its conclusions a chain of parts."""
    v: dict[str, int | None] = {k: None for k, _ in spec.columns()}
    v["tong"] = n
    for head, leaves, _subs in spec.groups:
        keys = [k for k, _ in leaves]
        if head in SPLIT_GROUPS:
            weights = {"Hình thức kỷ luật": {"ht_kt": 6, "ht_cc": 2, "ht_cch": 0.4, "ht_ktr": 1, "ht_gt": 0.2}}.get(head) or WHO[row]  # fmt: skip
            live = [k for k in keys if weights.get(k)]
            parts = spread(rng, n, [weights[k] for k in live], [colnum[k] for k in live])
            v |= dict.fromkeys(keys, 0) if head == "Hình thức kỷ luật" else {}
            v |= dict(zip(live, parts, strict=True))
        elif head and head.startswith("Nội dung"):
            for i, k in enumerate(keys):
                v[k] = nudge(
                    min(n, round(n * ND_SHARE[i] * rng.uniform(0.6, 1.3))), {colnum[k]}, 0, n
                )
    if spec.key == "kt_capuy":
        bad = nudge(
            round(n * rng.uniform(0.1, 0.3)), {colnum["kl_chua_tot"], n - colnum["kl_tot"]}, 0, n
        )
        v["kl_chua_tot"], v["kl_tot"] = bad, n - bad
        chain(rng, v, bad, ["kl_vp", "kl_phai", "kl_da"], colnum, (0.5, 0.2, 0.8))
    elif spec.key in ("dhvp_tcd", "dhvp_dv"):
        chain(rng, v, n, ["kl_vp", "kl_phai", "kl_da"], colnum, (0.75, 0.55, 0.85))
    elif spec.key == "gs_tcd":
        dhvp = nudge(round(n * rng.uniform(0.05, 0.15)), {colnum["kq_dhvp"]}, 0, n)
        v["kq_dhvp"] = dhvp
        v["kq_tot"] = nudge(n - dhvp - rng.randint(0, 2), {colnum["kq_tot"]}, 0, n - dhvp)
        v["kq_chuyen"] = nudge(dhvp - rng.randint(0, 1), {colnum["kq_chuyen"]}, 0, dhvp)
    elif spec.key == "kl_dv":
        v["dinh_chi"] = nudge(rng.randint(0, 1), {colnum["dinh_chi"]}, 0, n)
        chain(rng, v, n, ["pl_sl", "pl_tu"], colnum, (0.2, 0.5))
        v["pl_khac"] = (v["pl_sl"] or 0) - (v["pl_tu"] or 0)
        if v["pl_khac"] == colnum["pl_khac"]:
            v["pl_tu"] = (
                (v["pl_tu"] or 0) + 1
                if (v["pl_tu"] or 0) + 1 != colnum["pl_tu"]
                else (v["pl_tu"] or 0) - 1
            )
            v["pl_khac"] = (v["pl_sl"] or 0) - (v["pl_tu"] or 0)
        v["hanh_chinh"] = nudge(rng.randint(0, 2), {colnum["hanh_chinh"]}, 0, n)
    if n == 0:  # a kind with nothing to report: the total 0, the rest left blank
        v = {k: (0 if k == "tong" else None) for k in v}
    return v


def chain(rng: random.Random, v: dict[str, int | None], whole: int, keys: list[str], colnum: dict[str, int], shares: Sequence[float]) -> None:  # fmt: skip
    for k, s in zip(keys, shares, strict=True):
        whole = nudge(round(whole * s * rng.uniform(0.8, 1.2)), {colnum[k]}, 0, whole)
        v[k] = whole


def spread(rng: random.Random, n: int, weights: list[float], colnums: list[int]) -> list[int]:
    """n shared by weights, no part equal to its column's number (moving one between parts)."""
    w = [x * rng.uniform(0.7, 1.3) for x in weights]
    parts = [int(n * x / sum(w)) for x in w]
    for i in sorted(range(len(w)), key=lambda i: -w[i])[: n - sum(parts)]:
        parts[i] += 1
    for _ in range(20):
        bad = [i for i, p in enumerate(parts) if p == colnums[i]]
        if not bad:
            return parts
        i = bad[0]
        others = [j for j in range(len(parts)) if j != i and parts[j] + 1 != colnums[j]]
        if parts[i] > 0 and others:
            parts[i] -= 1
            parts[others[0]] += 1
        else:
            takers = [
                j
                for j in range(len(parts))
                if j != i and parts[j] > 0 and parts[j] - 1 != colnums[j]
            ]
            if not takers:
                break
            parts[i] += 1
            parts[takers[0]] -= 1
    if any(p == c for p, c in zip(parts, colnums, strict=True)):
        raise Collision("", f"cannot share {n} among {colnums}")
    return parts


# rows' totals per unit of scale: who is counted how often in half a year at district level
RANGES = {
    "kt_capuy": {"ducs": (8, 14), "cbcs": (10, 18), "dubp": (2, 5), "cbtt": (20, 40)},
    "dhvp_tcd": {"ducs": (0, 4), "cbcs": (1, 4), "dubp": (0, 1), "cbtt": (2, 6)},
    "dhvp_dv": {"cuv": (2, 6), "khac": (5, 12)},
    "gs_tcd": {"ducs": (4, 8), "cbcs": (5, 10), "dubp": (2, 3), "cbtt": (10, 20)},
    "kl_dv": {"cuv": (2, 5), "khac": (8, 18)},
    "kl_tcd": {"ducs": (0, 2), "cbcs": (0, 3), "dubp": (0, 0), "cbtt": (0, 2)},
}
CITY_COLUMNS = {  # (row, column key) -> its column number on the city's consolidated sheet
    "dhvp_tcd": {
        ("total", "tong"): 3,
        ("total", "kl_vp"): 4,
        ("total", "kl_phai"): 5,
        ("total", "kl_da"): 6,
    },
    "dhvp_dv": {
        ("total", "tong"): 7,
        ("cuv", "tong"): 8,
        ("total", "kl_vp"): 9,
        ("total", "kl_phai"): 10,
        ("total", "kl_da"): 11,
    },
}
_DETAIL: dict[tuple[str, str], dict[str, dict[str, dict[str, int | None]]]] = {}


def detail(model: Model, scenario: str) -> dict[str, dict[str, dict[str, int | None]]]:
    """Every detailed sheet's rows (and its "Tổng số" row) for one unit and period; drawn
    again until no figure, its total row's included, sits on its column's number."""
    key = (model["seed"], scenario)
    if key in _DETAIL:
        return _DETAIL[key]
    scale = model["insp"][scenario]["scale"]
    out: dict[str, dict[str, dict[str, int | None]]] = {}
    for spec in SPECS:
        colnum = {k: i + 1 for i, (k, _) in enumerate(spec.columns())}
        for sub in range(200):
            rng = random.Random(f"{model['seed']}/{scenario}/{spec.key}/{sub}")
            s = 1.0 if spec.key == "kl_tcd" else scale
            counts = {
                r: pick(rng, round(lo * s), round(hi * s), {1})
                for r, (lo, hi) in RANGES[spec.key].items()
            }
            try:
                rows = {r: fill_row(rng, spec, r, counts[r], colnum) for r in spec.rows}
            except Collision:
                continue
            total: dict[str, int | None] = {}
            for k in colnum:
                vals = [rows[r][k] for r in rows if rows[r][k] is not None]
                total[k] = sum(v for v in vals if v is not None) if vals else None
            city = CITY_COLUMNS.get(spec.key, {})  # where the city sheet repeats the unit's totals
            if all(total[k] != colnum[k] for k in colnum) and all(
                (rows[r] if r != "total" else total)[k] != c for (r, k), c in city.items()
            ):
                out[spec.key] = {"total": total, **rows}
                break
        else:
            raise Collision(
                model["seed"].split("/")[0], f"no {spec.key} sheet without a column-number clash"
            )
    _DETAIL[key] = out
    return out


def header_cells(spec: Spec) -> list[HeaderCell]:
    """The merged header of a detailed sheet, as the exporter lays it out."""
    h = spec.header_rows
    cells = [HeaderCell(0, 1, h, 1, "Số TT"), HeaderCell(0, 2, h, 1, spec.who_header), HeaderCell(0, 3, h, 1, spec.total_header)]  # fmt: skip
    c = 4
    for head, leaves, subs in spec.groups:
        width = len(leaves) + sum(len(x) for _, x in subs)
        if head is None:
            for _k, label in leaves:
                cells.append(HeaderCell(0, c, h, 1, label))
                c += 1
            continue
        cells.append(HeaderCell(0, c, 1, width, head))
        for _k, label in leaves:
            cells.append(HeaderCell(1, c, h - 1, 1, label))
            c += 1
        for sub, sub_leaves in subs:
            cells.append(HeaderCell(1, c, 1, len(sub_leaves), sub))
            for _k, label in sub_leaves:
                cells.append(HeaderCell(2, c, 1, 1, label))
                c += 1
    return cells


def meaning(spec: Spec, row: str, col: str, path: str) -> str:
    who = {"kt_capuy": "tổ chức đảng được cấp ủy kiểm tra", "dhvp_tcd": "tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm",
           "dhvp_dv": "đảng viên được kiểm tra khi có dấu hiệu vi phạm", "gs_tcd": "tổ chức đảng được cấp ủy giám sát chuyên đề",
           "kl_dv": "đảng viên bị thi hành kỷ luật", "kl_tcd": "tổ chức đảng bị thi hành kỷ luật"}[spec.key]  # fmt: skip
    kind = "" if row == "total" else f" ({spec.rows[row].lower()})"
    return f"số {who}{kind}" + ("" if col == "tong" else f" — {path}")


def detailed_sheet(wb: Workbook, spec: Spec, unit: Unit, model: Model) -> FormSheet:
    fs = sheet(wb, spec.tab, form=f"885-QĐ/UBKTTW: {spec.title.lower()}", title=spec.title, unit=unit.meta(), period=HALF_2024)  # fmt: skip
    cols = spec.columns()
    last = 3 + len(cols) - 1
    fs.widths({1: 6, 2: 34} | {c: 7 for c in range(3, last + 1)})
    fs.merge(1, 1, 1, 2, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", bold=True, center=True)
    fs.merge(2, 1, 1, 2, unit.party, bold=True, center=True)
    fs.merge(3, 1, 1, 2, "ỦY BAN KIỂM TRA", bold=True, center=True)
    fs.merge(1, 3, 1, last - 4, spec.title, bold=True, center=True)
    fs.merge(2, 3, 1, last - 4, HALF_2024["label"], bold=True, center=True)
    fs.merge(3, last - 1, 1, 2, spec.unit_of_measure, italic=True, center=True)
    top = 5
    fs.header(top, header_cells(spec))
    for r in range(top + 1, top + spec.header_rows):
        fs.ws.row_dimensions[r].height = 110
    fs.column_numbers(
        top + spec.header_rows, {1: "A", 2: "B"} | {3 + i: i + 1 for i in range(len(cols))}
    )
    values = detail(model, "cur")[spec.key]
    r0 = top + spec.header_rows + 1
    order = ["total", *spec.rows]
    at = {row: r0 + i for i, row in enumerate(order)}
    for row in order:
        r = at[row]
        label = "Tổng số" if row == "total" else spec.rows[row]
        fs.put(
            r,
            1,
            "I" if row == "total" else str(order.index(row)),
            bold=row == "total",
            center=True,
            box=True,
        )
        fs.put(r, 2, label, bold=row == "total", box=True)
        for i, (k, path) in enumerate(cols):
            c = 3 + i
            v = values[row][k]
            if v is None:
                fs.put(r, c, None, box=True)
                continue
            m = meaning(spec, row, k, SEP.join(path))
            if row == "total":
                sums = [ref(at[x], c) for x in spec.rows if values[x][k] is not None]
                fs.number(r, c, v, "total", row_path="Tổng số", meaning=m, sums=sums, bold=True)
            else:
                fs.number(r, c, v, "data", row_path=label, meaning=m)
        rules(fs, spec, values[row], {k: ref(r, 3 + i) for i, (k, _) in enumerate(cols)})
    fs.links.update(
        {f"{row}/{k}": ref(at[row], 3 + i) for row in order for i, (k, _) in enumerate(cols)}
    )
    end = r0 + len(order) + 1
    fs.merge(end, last - 6, 1, 7, "Ngày 20 tháng 6 năm 2024", italic=True, center=True)
    fs.merge(end + 1, 1, 1, 3, "NGƯỜI LẬP BIỂU", bold=True, center=True)
    fs.merge(end + 1, last - 6, 1, 7, "T/M ỦY BAN KIỂM TRA", bold=True, center=True)
    fs.merge(end + 2, last - 6, 1, 7, "CHỦ NHIỆM", bold=True, center=True)
    return fs


def rules(fs: FormSheet, spec: Spec, v: dict[str, int | None], at: dict[str, str]) -> None:
    """The row's parts and wholes, as the sheet defines them."""
    for head, leaves, _subs in spec.groups:
        keys = [k for k, _ in leaves if v.get(k) is not None]
        if head in SPLIT_GROUPS and keys and v["tong"]:
            fs.rule(
                "sum", at["tong"], [at[k] for k in keys], f"each one is counted once under “{head}”"
            )
        elif head and head.startswith("Nội dung") and v["tong"]:
            for k in keys:
                fs.rule("at-most", at["tong"], [at[k]], f"“{head}” columns each count part of the total (one check may cover several)")  # fmt: skip
    chains = {"kt_capuy": ["kl_chua_tot", "kl_vp", "kl_phai", "kl_da"], "dhvp_tcd": ["tong", "kl_vp", "kl_phai", "kl_da"], "dhvp_dv": ["tong", "kl_vp", "kl_phai", "kl_da"], "gs_tcd": ["kq_dhvp", "kq_chuyen"], "kl_dv": ["tong", "pl_sl", "pl_tu"]}  # fmt: skip
    keys = [k for k in chains.get(spec.key, []) if v.get(k) is not None]
    for whole, part in itertools.pairwise(keys):
        fs.rule(
            "at-most",
            at[whole],
            [at[part]],
            "“Trong đó” / a conclusion is a part of the column before it",
        )
    if spec.key == "kt_capuy" and v["kl_tot"] is not None:
        fs.rule(
            "sum",
            at["tong"],
            [at["kl_tot"], at["kl_chua_tot"]],
            "each organization checked did well or not",
        )
    if spec.key == "kl_dv" and v["pl_sl"] is not None:
        fs.rule(
            "sum",
            at["pl_sl"],
            [at["pl_tu"], at["pl_khac"]],
            "Xử lý pháp luật: phạt tù or another form",
        )


def ktgs_workbook(wb: Workbook, unit: Unit, model: Model) -> list[FormSheet]:
    return [detailed_sheet(wb, spec, unit, model) for spec in SPECS]


# ------------------------------------------------------------------- the summary report

WORDINGS = {  # how three units phrase the same rows
    "full": {
        "kt_tcd": "Cấp ủy các cấp kiểm tra tổ chức đảng", "kt_dv": "Cấp ủy các cấp kiểm tra đảng viên",
        "dhvp_tcd": "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm đối với tổ chức đảng",
        "dhvp_dv": "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm đối với đảng viên",
        "kt_thnvkt": "Ủy ban kiểm tra các cấp kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát",
        "kt_thkl": "Ủy ban kiểm tra các cấp kiểm tra tổ chức đảng cấp dưới về thi hành kỷ luật trong Đảng",
        "gstx_tcd": "- Số tổ chức đảng được giám sát", "gstx_dv": "- Số đảng viên được giám sát",
        "gs_tcd": "Cấp ủy các cấp giám sát chuyên đề đối với tổ chức đảng", "gs_dv": "Cấp ủy các cấp giám sát chuyên đề đối với đảng viên",
        "gs_ubkt_tcd": "Ủy ban kiểm tra các cấp giám sát chuyên đề đối với tổ chức đảng", "gs_ubkt_dv": "Ủy ban kiểm tra các cấp giám sát chuyên đề đối với đảng viên",
        "kl_tcd": "Thi hành kỷ luật tổ chức đảng", "kl_dv": "Thi hành kỷ luật đảng viên",
    },
    "short": {
        "kt_tcd": "Cấp ủy kiểm tra TCĐ", "kt_dv": "Cấp ủy kiểm tra ĐV",
        "dhvp_tcd": "UBKT kiểm tra TCĐ khi có dấu hiệu vi phạm", "dhvp_dv": "UBKT kiểm tra ĐV khi có dấu hiệu vi phạm",
        "kt_thnvkt": "UBKT kiểm tra TCĐ cấp dưới thực hiện nhiệm vụ KT, GS", "kt_thkl": "UBKT kiểm tra TCĐ cấp dưới thi hành kỷ luật",
        "gstx_tcd": "- TCĐ được giám sát", "gstx_dv": "- ĐV được giám sát",
        "gs_tcd": "Cấp ủy giám sát chuyên đề TCĐ", "gs_dv": "Cấp ủy giám sát chuyên đề ĐV",
        "gs_ubkt_tcd": "UBKT giám sát chuyên đề TCĐ", "gs_ubkt_dv": "UBKT giám sát chuyên đề ĐV",
        "kl_tcd": "Thi hành kỷ luật TCĐ", "kl_dv": "Thi hành kỷ luật ĐV",
    },
    "passive": {
        "kt_tcd": "Số tổ chức đảng được cấp ủy kiểm tra", "kt_dv": "Số đảng viên được cấp ủy kiểm tra",
        "dhvp_tcd": "Số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm",
        "dhvp_dv": "Số đảng viên được UBKT kiểm tra khi có dấu hiệu vi phạm",
        "kt_thnvkt": "Số tổ chức đảng cấp dưới được UBKT kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát",
        "kt_thkl": "Số tổ chức đảng được UBKT kiểm tra việc thi hành kỷ luật trong Đảng",
        "gstx_tcd": "- Số tổ chức đảng được giám sát thường xuyên", "gstx_dv": "- Số đảng viên được giám sát thường xuyên",
        "gs_tcd": "Số tổ chức đảng được cấp ủy giám sát chuyên đề", "gs_dv": "Số đảng viên được cấp ủy giám sát chuyên đề",
        "gs_ubkt_tcd": "Số tổ chức đảng được UBKT giám sát chuyên đề", "gs_ubkt_dv": "Số đảng viên được UBKT giám sát chuyên đề",
        "kl_tcd": "Số tổ chức đảng bị thi hành kỷ luật", "kl_dv": "Số đảng viên bị thi hành kỷ luật",
    },
}  # fmt: skip
MEANING = {
    "kt_tcd": "số tổ chức đảng được cấp ủy kiểm tra", "kt_tcd_vp": "số tổ chức đảng được cấp ủy kiểm tra — trong đó có khuyết điểm, vi phạm",
    "kt_dv": "số đảng viên được cấp ủy kiểm tra", "kt_dv_cuv": "số đảng viên được cấp ủy kiểm tra — trong đó cấp ủy viên",
    "dhvp_tcd": "số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm",
    "dhvp_tcd_vp": "số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm — kết luận có vi phạm",
    "dhvp_tcd_phai": "số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm — phải thi hành kỷ luật",
    "dhvp_tcd_da": "số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm — đã thi hành kỷ luật",
    "dhvp_dv": "số đảng viên được UBKT kiểm tra khi có dấu hiệu vi phạm",
    "dhvp_dv_cuv": "số đảng viên được UBKT kiểm tra khi có dấu hiệu vi phạm — trong đó cấp ủy viên",
    "dhvp_dv_vp": "số đảng viên được UBKT kiểm tra khi có dấu hiệu vi phạm — kết luận có vi phạm",
    "dhvp_dv_phai": "số đảng viên được UBKT kiểm tra khi có dấu hiệu vi phạm — phải thi hành kỷ luật",
    "dhvp_dv_da": "số đảng viên được UBKT kiểm tra khi có dấu hiệu vi phạm — đã thi hành kỷ luật",
    "kt_thnvkt": "số tổ chức đảng được UBKT kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát",
    "kt_thkl": "số tổ chức đảng được UBKT kiểm tra việc thi hành kỷ luật trong Đảng",
    "gstx_tcd": "số tổ chức đảng được giám sát thường xuyên", "gstx_dv": "số đảng viên được giám sát thường xuyên",
    "gs_tcd": "số tổ chức đảng được cấp ủy giám sát chuyên đề", "gs_tcd_dhvp": "số tổ chức đảng được cấp ủy giám sát chuyên đề — phát hiện có dấu hiệu vi phạm",
    "gs_dv": "số đảng viên được cấp ủy giám sát chuyên đề",
    "gs_ubkt_tcd": "số tổ chức đảng được UBKT giám sát chuyên đề", "gs_ubkt_dv": "số đảng viên được UBKT giám sát chuyên đề",
    "kl_tcd": "số tổ chức đảng bị thi hành kỷ luật", "kl_tcd_kt": "số tổ chức đảng bị kỷ luật khiển trách",
    "kl_tcd_cc": "số tổ chức đảng bị kỷ luật cảnh cáo", "kl_tcd_gt": "số tổ chức đảng bị giải tán",
    "kl_dv": "số đảng viên bị thi hành kỷ luật", "kl_dv_kt": "số đảng viên bị kỷ luật khiển trách",
    "kl_dv_cc": "số đảng viên bị kỷ luật cảnh cáo", "kl_dv_cch": "số đảng viên bị kỷ luật cách chức",
    "kl_dv_ktr": "số đảng viên bị kỷ luật khai trừ", "kl_dv_cuv": "số đảng viên bị thi hành kỷ luật — trong đó cấp ủy viên",
}  # fmt: skip
TCD, DV = "Tổ chức đảng", "Đảng viên"


def summary_values(model: Model, scenario: str) -> dict[str, int]:
    d = detail(model, scenario)
    insp = model["insp"][scenario]

    def t(sheet_key: str, col: str, row: str = "total") -> int:
        return d[sheet_key][row][col] or 0

    return {
        "kt_tcd": t("kt_capuy", "tong"), "kt_tcd_vp": t("kt_capuy", "kl_vp"),
        "kt_dv": insp["kt_capuy_dv"], "kt_dv_cuv": insp["kt_capuy_dv_cuv"],
        "dhvp_tcd": t("dhvp_tcd", "tong"), "dhvp_tcd_vp": t("dhvp_tcd", "kl_vp"),
        "dhvp_tcd_phai": t("dhvp_tcd", "kl_phai"), "dhvp_tcd_da": t("dhvp_tcd", "kl_da"),
        "dhvp_dv": t("dhvp_dv", "tong"), "dhvp_dv_cuv": t("dhvp_dv", "tong", "cuv"),
        "dhvp_dv_vp": t("dhvp_dv", "kl_vp"), "dhvp_dv_phai": t("dhvp_dv", "kl_phai"), "dhvp_dv_da": t("dhvp_dv", "kl_da"),
        "kt_thnvkt": insp["kt_thnvkt"], "kt_thkl": insp["kt_thkl"],
        "gstx_tcd": insp["gstx_tcd"], "gstx_dv": insp["gstx_dv"],
        "gs_tcd": t("gs_tcd", "tong"), "gs_tcd_dhvp": t("gs_tcd", "kq_dhvp"), "gs_dv": insp["gs_dv"],
        "gs_ubkt_tcd": insp["gs_ubkt_tcd"], "gs_ubkt_dv": insp["gs_ubkt_dv"],
        "kl_tcd": t("kl_tcd", "tong"), "kl_tcd_kt": t("kl_tcd", "ht_kt"), "kl_tcd_cc": t("kl_tcd", "ht_cc"), "kl_tcd_gt": t("kl_tcd", "ht_gt"),
        "kl_dv": t("kl_dv", "tong"), "kl_dv_kt": t("kl_dv", "ht_kt"), "kl_dv_cc": t("kl_dv", "ht_cc"),
        "kl_dv_cch": t("kl_dv", "ht_cch"), "kl_dv_ktr": t("kl_dv", "ht_ktr"), "kl_dv_cuv": t("kl_dv", "tong", "cuv"),
    }  # fmt: skip


def summary_rows(wording: str) -> list[Row]:
    w = WORDINGS[wording]

    def row(
        label: str, depth: int, key: str | None = None, *, stt: str = "", side: str = "", **kw: Any
    ) -> Row:
        return Row(label, depth, key, MEANING.get(key or ""), stt=stt, side=side, **kw)

    return [
        row("CÔNG TÁC KIỂM TRA", 0, stt="I"),
        row(w["kt_tcd"], 1, "kt_tcd", stt="1", side=TCD),
        row("Trong đó: Có khuyết điểm, vi phạm", 2, "kt_tcd_vp", side=TCD, within="kt_tcd"),
        row(w["kt_dv"], 1, "kt_dv", stt="2", side=DV),
        row("Trong đó: Cấp ủy viên các cấp", 2, "kt_dv_cuv", side=DV, within="kt_dv"),
        row(w["dhvp_tcd"], 1, "dhvp_tcd", stt="3", side=TCD),
        row("- Kết luận có vi phạm", 2, "dhvp_tcd_vp", side=TCD, within="dhvp_tcd"),
        row("- Phải thi hành kỷ luật", 2, "dhvp_tcd_phai", side=TCD, within="dhvp_tcd_vp"),
        row("- Đã thi hành kỷ luật", 2, "dhvp_tcd_da", side=TCD, within="dhvp_tcd_phai"),
        row(w["dhvp_dv"], 1, "dhvp_dv", stt="4", side=DV),
        row("Trong đó: Cấp ủy viên các cấp", 2, "dhvp_dv_cuv", side=DV, within="dhvp_dv"),
        row("- Kết luận có vi phạm", 2, "dhvp_dv_vp", side=DV, within="dhvp_dv"),
        row("- Phải thi hành kỷ luật", 2, "dhvp_dv_phai", side=DV, within="dhvp_dv_vp"),
        row("- Đã thi hành kỷ luật", 2, "dhvp_dv_da", side=DV, within="dhvp_dv_phai"),
        row(w["kt_thnvkt"], 1, "kt_thnvkt", stt="5", side=TCD),
        row(w["kt_thkl"], 1, "kt_thkl", stt="6", side=TCD),
        row("CÔNG TÁC GIÁM SÁT", 0, stt="II"),
        row("Giám sát thường xuyên", 1, stt="1"),
        row(w["gstx_tcd"], 2, "gstx_tcd", side=TCD),
        row(w["gstx_dv"], 2, "gstx_dv", side=DV),
        row(w["gs_tcd"], 1, "gs_tcd", stt="2", side=TCD),
        row("Trong đó: Phát hiện có dấu hiệu vi phạm", 2, "gs_tcd_dhvp", side=TCD, within="gs_tcd"),
        row(w["gs_dv"], 1, "gs_dv", stt="3", side=DV),
        row(w["gs_ubkt_tcd"], 1, "gs_ubkt_tcd", stt="4", side=TCD),
        row(w["gs_ubkt_dv"], 1, "gs_ubkt_dv", stt="5", side=DV),
        row("THI HÀNH KỶ LUẬT", 0, stt="III"),
        row(w["kl_tcd"], 1, "kl_tcd", stt="1", side=TCD, parts=("kl_tcd_kt", "kl_tcd_cc", "kl_tcd_gt")),
        row("- Khiển trách", 2, "kl_tcd_kt", side=TCD), row("- Cảnh cáo", 2, "kl_tcd_cc", side=TCD),
        row("- Giải tán", 2, "kl_tcd_gt", side=TCD),
        row(w["kl_dv"], 1, "kl_dv", stt="2", side=DV, parts=("kl_dv_kt", "kl_dv_cc", "kl_dv_cch", "kl_dv_ktr")),
        row("- Khiển trách", 2, "kl_dv_kt", side=DV), row("- Cảnh cáo", 2, "kl_dv_cc", side=DV),
        row("- Cách chức", 2, "kl_dv_cch", side=DV), row("- Khai trừ", 2, "kl_dv_ktr", side=DV),
        row("Trong đó: Cấp ủy viên các cấp", 2, "kl_dv_cuv", side=DV, within="kl_dv"),
    ]  # fmt: skip


def summary(wb: Workbook, unit: Unit, model: Model, *, wording: str, measures: tuple[str, str, str], place_date: str) -> FormSheet:  # fmt: skip
    fs = sheet(wb, "Báo cáo thống kê", form="885-QĐ/UBKTTW: báo cáo thống kê kiểm tra, giám sát, kỷ luật", title="BÁO CÁO THỐNG KÊ KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT CỦA ĐẢNG", unit=unit.meta(), period=HALF_2024)  # fmt: skip
    fs.widths({1: 5, 2: 64, 3: 14, 4: 12, 5: 12, 6: 14})
    top = title_lines(
        fs, left=["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", unit.party, "ỦY BAN KIỂM TRA"],
        centre=["BÁO CÁO THỐNG KÊ", "KẾT QUẢ CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT CỦA ĐẢNG", "6 THÁNG ĐẦU NĂM 2024", "(Số liệu từ ngày 15/12/2023 đến ngày 14/6/2024)"],
        right=["ĐẢNG CỘNG SẢN VIỆT NAM"], left_cols=(1, 2), centre_cols=(3, 5), right_cols=(6, 6), left_one_cell=False,
    )  # fmt: skip
    fs.header(
        top,
        [
            HeaderCell(0, 1, 2, 1, "TT"), HeaderCell(0, 2, 2, 1, "Nội dung"), HeaderCell(0, 3, 2, 1, "Đơn vị tính"),
            HeaderCell(0, 4, 1, 2, "Thực hiện"), HeaderCell(1, 4, 1, 1, measures[0]), HeaderCell(1, 5, 1, 1, measures[1]),
            HeaderCell(0, 6, 2, 1, measures[2]),
        ],
    )  # fmt: skip
    fs.column_numbers(
        top + 2, {1: "(1)", 2: "(2)", 3: "(3)", 4: "(4)", 5: "(5)", 6: "(6)=(4)/(5)x100"}
    )
    rows = summary_rows(wording)
    values = {"cur": summary_values(model, "cur"), "prev": summary_values(model, "prev")}
    where = criteria_rows(
        fs, top + 3, rows, values,
        [Measure(4, "value", "cur", "(kỳ này)"), Measure(5, "value", "prev", "(cùng kỳ năm trước)"), Measure(6, "percent")],
        label_col=2, stt_col=1, side_col=3,
    )  # fmt: skip
    fs.links.update({f"{k}/{s}": a1 for (k, s), a1 in where.items()})
    r = top + 3 + len(rows) + 1
    fs.put(r, 2, "Nơi nhận:", bold=True, italic=True)
    for i, line in enumerate(["- UBKT Thành ủy (để b/c);", f"- Thường trực {unit.committee_name} (để b/c);", "- Lưu UBKT."], 1):  # fmt: skip
        fs.put(r + i, 2, line)
    fs.merge(r, 4, 1, 3, place_date, italic=True, center=True)
    fs.merge(r + 1, 4, 1, 3, "T/M ỦY BAN KIỂM TRA", bold=True, center=True)
    fs.merge(r + 2, 4, 1, 3, "CHỦ NHIỆM", bold=True, center=True)
    fs.merge(r + 6, 4, 1, 3, "Vũ Thị Hồng", bold=True, center=True)
    return fs


# ------------------------------------------------------------- the city's consolidated sheet


def dhvp_consolidated(wb: Workbook, models: dict[str, Model]) -> FormSheet:
    """Kiểm tra khi có dấu hiệu vi phạm, one row per unit: how the city committee's UBKT puts
    the units' figures side by side (a shape of its own, not one of 885's forms)."""
    fs = sheet(wb, "Tổng hợp DHVP", form="885-QĐ/UBKTTW: tổng hợp kiểm tra khi có dấu hiệu vi phạm (theo đơn vị)", title="TỔNG HỢP KẾT QUẢ KIỂM TRA KHI CÓ DẤU HIỆU VI PHẠM CỦA ỦY BAN KIỂM TRA CÁC CẤP", unit=CITY, period=HALF_2024, layout="unit-rows")  # fmt: skip
    fs.widths({1: 6, 2: 24} | {c: 11 for c in range(3, 12)})
    top = title_lines(
        fs, left=["THÀNH ỦY HÀ NỘI", "ỦY BAN KIỂM TRA"],
        centre=["TỔNG HỢP KẾT QUẢ KIỂM TRA KHI CÓ DẤU HIỆU VI PHẠM", "CỦA ỦY BAN KIỂM TRA CÁC CẤP", "6 THÁNG ĐẦU NĂM 2024"],
        right=["(ĐVT: Tổ chức đảng, đảng viên)"], left_cols=(1, 2), centre_cols=(3, 9), right_cols=(10, 11),
    )  # fmt: skip
    tcd = [
        ("tong", "Tổng số"),
        ("kl_vp", "Có vi phạm"),
        ("kl_phai", "Phải thi hành kỷ luật"),
        ("kl_da", "Đã thi hành kỷ luật"),
    ]
    dv = [("tong", "Tổng số"), ("cuv", "Trong đó: cấp ủy viên"), ("kl_vp", "Có vi phạm"), ("kl_phai", "Phải thi hành kỷ luật"), ("kl_da", "Đã thi hành kỷ luật")]  # fmt: skip
    cells = [
        HeaderCell(0, 1, 3, 1, "STT"), HeaderCell(0, 2, 3, 1, "Đơn vị"),
        HeaderCell(0, 3, 1, 9, "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm"),
        HeaderCell(1, 3, 1, 4, "Tổ chức đảng"), HeaderCell(1, 7, 1, 5, "Đảng viên"),
    ] + [HeaderCell(2, 3 + i, 1, 1, label) for i, (_, label) in enumerate(tcd)] + [HeaderCell(2, 7 + i, 1, 1, label) for i, (_, label) in enumerate(dv)]  # fmt: skip
    fs.header(top, cells)
    fs.column_numbers(top + 3, {c: c for c in range(1, 12)})
    r0 = top + 4
    order = ["Ba Đình", "Long Biên", "Đông Anh", "Sơn Tây"]
    for i, name in enumerate(order):
        u, d = UNITS[name], detail(models[name], "cur")
        r = r0 + i
        label = f"UBKT {u.committee_name}"
        fs.number(r, 1, i + 1, "other", row_path="", note="số thứ tự (STT)")
        fs.put(r, 2, label, box=True)
        for j, (k, _) in enumerate(tcd):
            fs.number(r, 3 + j, d["dhvp_tcd"]["total"][k] or 0, "data", row_path=label, unit=name, meaning=MEANING["dhvp_tcd" + ("" if k == "tong" else "_" + k.removeprefix("kl_"))])  # fmt: skip
        for j, (k, _) in enumerate(dv):
            v = d["dhvp_dv"]["cuv"]["tong"] if k == "cuv" else d["dhvp_dv"]["total"][k]
            fs.number(r, 7 + j, v or 0, "data", row_path=label, unit=name, meaning=MEANING["dhvp_dv" + ("" if k == "tong" else "_" + k.removeprefix("kl_"))])  # fmt: skip
        fs.links.update({f"{name}/tcd": ref(r, 3), f"{name}/dv": ref(r, 7)})
        for a, b in ((3, 4), (4, 5), (5, 6), (7, 8), (7, 9), (9, 10), (10, 11)):
            fs.rule(
                "at-most", ref(r, a), [ref(r, b)], "a conclusion is a part of the column it follows"
            )
    rt = r0 + len(order)
    column_totals(fs, rt, "Cộng", r0, len(order), range(3, 12), lambda c: f"toàn thành phố — {fs.col_paths[c]}")  # fmt: skip
    fs.merge(rt + 2, 8, 1, 4, "Hà Nội, ngày 25 tháng 6 năm 2024", italic=True, center=True)
    fs.merge(rt + 3, 8, 1, 4, "T/M ỦY BAN KIỂM TRA", bold=True, center=True)
    fs.merge(rt + 4, 8, 1, 4, "PHÓ CHỦ NHIỆM THƯỜNG TRỰC", bold=True, center=True)
    return fs
