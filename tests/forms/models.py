"""The truth behind the corpus: each unit's figures, made once and rendered into every form
that carries them, so a figure reads the same in a unit's own file, in its other forms and in
the consolidated sheet. Seeded by (unit, attempt): a unit whose numbers happen to equal a column
number above them is made again with the next attempt."""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

Model = dict[str, Any]


@dataclass(frozen=True)
class Unit:
    name: str
    code: str  # hanoi-2024-districts.csv
    kind: str  # quận / huyện / thị xã
    scale: float

    @property
    def full(self) -> str:
        return {"quận": "Quận", "huyện": "Huyện", "thị xã": "Thị xã"}[self.kind] + " " + self.name

    @property
    def party(self) -> str:
        return f"ĐẢNG BỘ {self.kind.upper()} {self.name.upper()}"

    @property
    def committee(self) -> str:
        return (
            {"quận": "QUẬN ỦY", "huyện": "HUYỆN ỦY", "thị xã": "THỊ ỦY"}[self.kind]
            + " "
            + self.name.upper()
        )

    @property
    def committee_name(self) -> str:
        return (
            {"quận": "Quận ủy", "huyện": "Huyện ủy", "thị xã": "Thị ủy"}[self.kind]
            + " "
            + self.name
        )

    def meta(self) -> dict[str, str]:
        return {"name": self.name, "code": self.code, "type": self.kind, "registry": "hanoi-2024"}


UNITS = {
    u.name: u
    for u in (
        Unit("Ba Đình", "001", "quận", 1.0),
        Unit("Long Biên", "004", "quận", 1.4),
        Unit("Đông Anh", "017", "huyện", 2.2),
        Unit("Sơn Tây", "269", "thị xã", 0.8),
    )
}
CITY = {"name": "Thành phố Hà Nội", "code": "01", "type": "thành phố", "registry": "hanoi-2024"}

ETHNIC = [
    "Kinh", "Tày", "Thái", "Hoa", "Khơ Me", "Mường", "Nùng", "Mông", "Dao", "Gia Rai", "Ê - Đê",
    "Ngái", "Ba - Na", "Xơ - Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "HRê", "M.Nông",
    "Raglai", "XTiêng", "Bru - Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Giẻ Triêng", "Mạ", "Khơ Mú",
    "Co", "Tà ôi", "Chơ - Ro", "Kháng", "Xinh Mun", "Hà Nhì", "Chu - Ru", "Lào", "La Chí",
    "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Phà Thẻn", "Cơ Lao", "Cống",
    "Bố Y", "Si La", "Pu Péo", "BRâu", "Ơ Đu", "Rơ - Măm", "Quốc tịch gốc nước ngoài",
    "Dân tộc khác",
]  # fmt: skip
MINORITY_WEIGHTS = {
    "Mường": 6,
    "Tày": 3,
    "Thái": 2,
    "Nùng": 1.2,
    "Dao": 1,
    "Hoa": 0.8,
    "Sán Dìu": 0.5,
}
RELIGIONS = [
    "Đạo Thiên Chúa", "Đạo Tin Lành", "Đạo Phật", "Đạo Cao Đài", "Đạo Hoà Hảo", "Đạo Hồi",
    "Tôn giáo khác",
]  # fmt: skip
RELIGION_WEIGHTS = {"Đạo Thiên Chúa": 5, "Đạo Phật": 4, "Đạo Tin Lành": 0.7, "Tôn giáo khác": 0.3}


def nudge(v: int, avoid: Collection[int], lo: int = 0, hi: int | None = None) -> int:
    """The nearest value to v that is not in avoid (a column number the value would sit under)."""
    for d in (0, 1, -1, 2, -2, 3, -3):
        c = v + d
        if c >= lo and (hi is None or c <= hi) and c not in avoid:
            return c
    return v


def pick(rng: random.Random, lo: int, hi: int, avoid: Collection[int] = ()) -> int:
    choices = [v for v in range(lo, hi + 1) if v not in avoid]
    return rng.choice(choices) if choices else lo


def split(
    rng: random.Random, total: int, weights: list[float], avoid: Collection[int] = ()
) -> list[int]:
    """total apportioned by jittered weights (largest remainder): the parts add up exactly.
    A part that lands on a forbidden value is nudged and the largest part gives or takes."""
    w = [x * rng.uniform(0.8, 1.25) for x in weights]
    s = sum(w)
    raw = [total * x / s for x in w] if s else [0.0] * len(w)
    base = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - base[i], reverse=True)
    for i in order[: total - sum(base)]:
        base[i] += 1
    for _ in range(3 * len(base)):
        bad = [i for i, v in enumerate(base) if v in avoid and weights[i]]
        if not bad:
            break
        i = bad[0]
        new = nudge(base[i], avoid)
        delta = new - base[i]
        givers = [
            k
            for k in range(len(base))
            if k != i and weights[k] and base[k] - delta >= 0 and base[k] - delta not in avoid
        ]
        if not givers:
            break
        j = max(givers, key=lambda k: base[k])
        base[j] -= delta
        base[i] = new
    assert sum(base) == total and min(base) >= 0
    return base


def share(rng: random.Random, whole: int, lo: float, hi: float, avoid: Collection[int] = ()) -> int:
    return nudge(min(whole, round(whole * rng.uniform(lo, hi))), avoid, 0, whole)


def keyed(keys: list[str], parts: list[int]) -> dict[str, int]:
    return dict(zip(keys, parts, strict=True))


# Column numbers a figure sits under, by scenario: "Kỳ này" is column 2 and "Cùng kỳ năm
# trước" column 3 on every criteria-down form (BTCTW and TCTW alike).
AVOID = {"cur": {2}, "prev": {3}}
# ...and the columns of the city sheet of Biểu 2 where a unit's figure is repeated
CONSOLIDATED_2 = {"total": {3}, "nu": {6}, "dtts": {7}, "tongiao": {8}, "doanvien": {9}, "chudn": {10}, "nn_sinh_vien": {11}, "nn_hoc_sinh": {12}, "ketnaplai": {13}}  # fmt: skip


# ------------------------------------------------------------------ admissions (Biểu 2)

OCCUPATIONS = [
    "nn_cc_nha_nuoc", "nn_cc_dang", "nn_cc_xa", "nn_khong_chuyen_trach", "nn_vien_chuc",
    "nn_ngoai_cong_lap", "nn_dn_lanh_dao", "nn_dn_nhan_vien", "nn_dn_cong_nhan", "nn_nong",
    "nn_llvt", "nn_sinh_vien", "nn_hoc_sinh", "nn_khac",
]  # fmt: skip
OCCUPATION_WEIGHTS = {
    "quận": [9, 4, 5, 3, 20, 5, 2, 11, 6, 0, 7, 10, 3, 8],
    "huyện": [4, 2, 7, 6, 14, 3, 1, 7, 13, 12, 5, 3, 4, 9],
    "thị xã": [5, 3, 6, 5, 16, 3, 1, 6, 9, 8, 9, 5, 4, 8],
}
AGES = ["t_18_30", "t_31_35", "t_36_40", "t_41_45", "t_46_50", "t_51_55", "t_56_60", "t_tren_60"]
AGE_MID = [25.0, 33.0, 38.0, 43.0, 48.0, 53.0, 58.0, 63.0]
GDPT = ["g_biet_doc", "g_tieu_hoc", "g_thcs", "g_thpt"]


def admissions(
    rng: random.Random, total: int, kind: str, tccsd: tuple[int, int], scenario: str
) -> Model:
    av = AVOID[scenario]

    def a(key: str) -> set[int]:
        return av | (CONSOLIDATED_2.get(key, set()) if scenario == "cur" else set())

    m: Model = {"total": total}
    m["nu"] = share(rng, total, 0.55, 0.66, a("nu"))
    m["dtts"] = max(1, share(rng, total, 0.008, 0.03, a("dtts") | {0, 1}))
    m["tongiao"] = share(rng, total, 0.006, 0.025, a("tongiao") | {0, 1})
    m["doanvien"] = share(rng, total, 0.62, 0.8, a("doanvien"))
    m["chudn"] = pick(rng, 0, 3, a("chudn"))
    m["khhgd"] = pick(rng, 0, 1, av)
    m["honnhan"] = pick(rng, 0, 2, av)
    m["ketnaplai"] = pick(rng, 0, 3, a("ketnaplai"))
    occ = split(rng, total, OCCUPATION_WEIGHTS[kind], av)
    m |= keyed(OCCUPATIONS, occ)
    for key in ("nn_sinh_vien", "nn_hoc_sinh"):  # the city sheet repeats these two
        if m[key] in a(key):
            new = nudge(m[key], a(key), 1)
            m["nn_khac"] -= new - m[key]
            m[key] = new
    m["nn_dn"] = m["nn_dn_lanh_dao"] + m["nn_dn_nhan_vien"] + m["nn_dn_cong_nhan"]
    if m["nn_dn"] in av:
        m["nn_dn_cong_nhan"] += 1
        m["nn_khac"] -= 1
        m["nn_dn"] += 1
    m |= keyed(AGES, split(rng, total, [58, 14, 9, 7, 5, 4, 2, 1], av))
    m["t_bq"] = round(sum(m[k] * mid for k, mid in zip(AGES, AGE_MID, strict=True)) / total, 1)
    m |= keyed(GDPT, split(rng, total, [0, 0.4, 4, 95.6], av))
    m["c_cnkt"] = share(rng, total, 0.05, 0.1, av)
    m["c_trung_cap"] = share(rng, total, 0.04, 0.08, av)
    m["c_cao_dang"] = share(rng, total, 0.04, 0.07, av)
    m["c_dai_hoc"] = share(rng, total, 0.45, 0.55, av)
    m["c_thac_sy"] = share(rng, total, 0.05, 0.1, av)
    m["c_tien_sy"] = pick(rng, 0, 3, av)
    m["cd_pgs"] = pick(rng, 0, 1, av)
    m["cd_gs"] = 0
    dbcs, cbcs = tccsd
    m["dbcs"], m["cbcs"] = nudge(dbcs, av), nudge(cbcs, av)
    m["tccsd"] = m["dbcs"] + m["cbcs"]
    m["dbcs_kn"] = share(rng, m["dbcs"], 0.55, 0.85, av)
    m["dbcs_kqc"] = pick(rng, 0, max(0, m["dbcs"] // 20), av)
    m["cbcs_kn"] = share(rng, m["cbcs"], 0.25, 0.5, av)
    m["cbcs_kqc"] = pick(rng, 1, max(1, m["cbcs"] // 8), av)
    for key in ("total", "tccsd"):
        assert m[key] not in a(key), (key, m[key])
    return m


def ethnic_breakdown(rng: random.Random, adm: Model) -> dict[str, Model]:
    """Kỳ này's new members by ethnic group and by religion, with women among them. The
    groups sit under column numbers 3 (Tổng số) and 4 (nữ) on Biểu 2-BTCTW's continuation and
    under column 2 on Biểu 2-TCTW's."""
    ratio = adm["nu"] / adm["total"]
    names = list(MINORITY_WEIGHTS)
    counts = split(rng, adm["dtts"], list(MINORITY_WEIGHTS.values()), {2, 3})
    groups = {"Kinh": adm["total"] - adm["dtts"]} | keyed(names, counts)
    women = {g: nudge(int(n * ratio), {4}, 0, n) for g, n in groups.items() if g != "Kinh"}
    women["Kinh"] = adm["nu"] - sum(women.values())
    assert 0 <= women["Kinh"] <= groups["Kinh"]
    rel = keyed(
        list(RELIGION_WEIGHTS), split(rng, adm["tongiao"], list(RELIGION_WEIGHTS.values()), {2})
    )
    rel_women = {g: int(n * ratio) for g, n in rel.items()}
    return {"ethnic": groups, "ethnic_women": women, "religion": rel, "religion_women": rel_women}


# ------------------------------------------------------------- members on the rolls (Biểu 3)

JOINED = ["j_truoc_1945", "j_1945_1954", "j_1954_1975", "j_sau_1975"]


def members(rng: random.Random, total: int, kind: str, admitted_year: int, scenario: str) -> Model:
    av = AVOID[scenario]
    m: Model = {"total": total}
    m["nu"] = share(rng, total, 0.42, 0.5)
    m["du_bi"] = round(admitted_year * rng.uniform(1.0, 1.08))
    m["dtts"] = share(rng, total, 0.006, 0.015)
    m["tongiao"] = share(rng, total, 0.008, 0.02)
    m["doanvien"] = share(rng, total, 0.1, 0.16)
    m["chudn"] = share(rng, total, 0.002, 0.005)
    m["honnhan"] = pick(rng, 3, 12, av)
    retired = share(rng, total, 0.3, 0.42)
    m["nghi_huu"] = retired
    m["mien_sh"] = share(rng, retired, 0.25, 0.4)
    working = total - retired
    m["dang_lam_viec"] = working
    m |= keyed(OCCUPATIONS, split(rng, working, OCCUPATION_WEIGHTS[kind], av))
    m["nn_dn"] = m["nn_dn_lanh_dao"] + m["nn_dn_nhan_vien"] + m["nn_dn_cong_nhan"]
    m |= keyed(AGES, split(rng, total, [16, 11, 11, 10, 9, 9, 9, 25], av))
    m["t_bq"] = round(sum(m[k] * mid for k, mid in zip(AGES, AGE_MID, strict=True)) / total, 1)
    m |= keyed(JOINED, split(rng, total, [0.02, 0.3, 6, 93.68], av))
    m |= keyed(GDPT, split(rng, total, [0.05, 1.5, 9, 89.45], av))
    m["c_cnkt"] = share(rng, total, 0.04, 0.07)
    m["c_trung_cap"] = share(rng, total, 0.08, 0.12)
    m["c_cao_dang"] = share(rng, total, 0.04, 0.07)
    m["c_dai_hoc"] = share(rng, total, 0.45, 0.55)
    m["c_thac_sy"] = share(rng, total, 0.06, 0.1)
    m["c_tien_sy"] = share(rng, total, 0.004, 0.012, av)
    m["cd_pgs"] = share(rng, total, 0.001, 0.003, av)
    m["cd_gs"] = share(rng, total, 0.0002, 0.0008, av)
    m["l_so_cap"] = share(rng, total, 0.35, 0.45)
    m["l_trung_cap"] = share(rng, total, 0.2, 0.28)
    m["l_cao_cap"] = share(rng, total, 0.06, 0.1)
    return m


def changes(rng: random.Random, end: int, admitted: int, scenario: str) -> Model:
    """Biểu 1: members at the start, in, out and at the end of a year (the end given)."""
    av = AVOID[scenario]
    m: Model = {"ket_nap": admitted}
    m["den_tinh"] = rng.randint(25, 70)
    m["den_huyen"] = rng.randint(40, 110)
    m["chuyen_den"] = m["den_tinh"] + m["den_huyen"]
    m["phuc_hoi"] = pick(rng, 0, 2, av)
    m["tang"] = m["ket_nap"] + m["chuyen_den"] + m["phuc_hoi"]
    m["tu_tran"] = round(end * rng.uniform(0.008, 0.012))
    m["khai_tru"] = pick(rng, 1, 6, av)
    m["xoa_ten"] = pick(rng, 5, 14, av)
    m["xoa_ten_du_bi"] = pick(rng, 1, m["xoa_ten"] - 1, av)
    m["xin_ra"] = pick(rng, 0, 4, av)
    m["di_tinh"] = rng.randint(20, 60)
    m["di_huyen"] = rng.randint(35, 100)
    m["chuyen_di"] = m["di_tinh"] + m["di_huyen"]
    if m["chuyen_di"] - m["chuyen_den"] in av:  # Biểu 1-TCTW's "E - Chênh lệch" row
        m["di_huyen"] += 2
        m["chuyen_di"] += 2
    m["giam"] = m["tu_tran"] + m["khai_tru"] + m["xoa_ten"] + m["xin_ra"] + m["chuyen_di"]
    m["cuoi_ky"] = end
    m["dau_ky"] = end - m["tang"] + m["giam"]
    m["chenh_lech"] = m["chuyen_di"] - m["chuyen_den"]
    m["co_mat"] = end - pick(rng, 12, 45, av)
    return m


# ------------------------------------------------------ organizations by kind (Biểu 5)

ADMIN = {
    "quận": {"phuong": 14},
    "huyện": {"xa": 23, "thi_tran": 1},
    "thị xã": {"xa": 6, "phuong": 9},
}
ORG_RANGES = {  # (ĐBCS, CBCS) upper bounds per unit of scale
    "co_quan_dang": (2, 5), "co_quan_nn": (3, 14), "su_nghiep_cong_lap": (4, 30),
    "su_nghiep_ngoai": (0, 5), "quan_doi": (1, 3), "cong_an": (1, 2), "dn_nn_100": (1, 2),
    "dn_nn_50": (1, 3), "dn_nn_duoi_50": (0, 3), "dn_co_phan": (1, 12), "dn_tu_nhan": (0, 4),
    "dn_tnhh": (1, 10), "dn_hop_danh": (0, 1), "dn_fdi": (0, 3), "htx": (0, 6), "khac": (0, 3),
}  # fmt: skip
ORG_KINDS = ["xa", "phuong", "thi_tran", *ORG_RANGES, "ngoai_nuoc"]
FIELDS_5 = ("dbcs", "cbcs", "dbbp", "cbtt", "members")
COLNUM_5 = {"dbcs": 3, "cbcs": 4, "dbbp": 5, "cbtt": 6, "members": 7}  # Biểu 5-BTCTW
COLNUM_5_CITY = {"dbcs": 2, "cbcs": 3, "dbbp": 4, "cbtt": 5, "members": 6}  # its city sheet
TOTALS_5 = {
    "su_nghiep": ("su_nghiep_cong_lap", "su_nghiep_ngoai"),
    "dn_nn": ("dn_nn_100", "dn_nn_50", "dn_nn_duoi_50"),
    "dn_ngoai_nn": ("dn_co_phan", "dn_tu_nhan", "dn_tnhh", "dn_hop_danh", "dn_fdi"),
    "dn_htx": ("dn_nn", "dn_ngoai_nn", "htx"),
}
TOP_5 = ("xa", "phuong", "thi_tran", "co_quan_dang", "co_quan_nn", "su_nghiep", "quan_doi", "cong_an", "dn_htx", "ngoai_nuoc", "khac")  # fmt: skip


def organizations(
    seed: str, kind: str, scale: float, party_members: int
) -> dict[str, dict[str, int]]:
    """Every row of Biểu 5 for one unit, totals included; made again until no figure sits on
    its column number (in the unit's form or in the city sheet, where its total is shown)."""
    for sub in range(500):
        rng = random.Random(f"{seed}/orgs/{sub}")
        rows: dict[str, dict[str, int]] = {}
        for k in ORG_KINDS:
            if k in ("xa", "phuong", "thi_tran"):
                dbcs, cbcs = ADMIN[kind].get(k, 0), 0
            elif k == "ngoai_nuoc":
                dbcs, cbcs = 0, 0
            else:
                hi_d, hi_c = ORG_RANGES[k]
                dbcs = pick(rng, 0, max(0, round(hi_d * scale)), {3})
                cbcs = pick(rng, round(hi_c * scale * 0.6), round(hi_c * scale) + 1, {4})
            dbbp = pick(rng, 0, 2, {5}) if dbcs and k in ("phuong", "xa", "co_quan_nn") else 0
            per = rng.randint(6, 14) if k in ("xa", "phuong", "thi_tran") else rng.randint(3, 7)
            rows[k] = {"dbcs": dbcs, "cbcs": cbcs, "dbbp": dbbp, "cbtt": nudge(dbcs * per, {6})}
        weights = [
            r["dbcs"] * (60 if k in ADMIN[kind] else 12) + r["cbcs"] * 9 for k, r in rows.items()
        ]
        for k, n in zip(rows, split(rng, party_members, weights, {7}), strict=True):
            rows[k]["members"] = n
        fdi = rows["dn_fdi"]
        n_fdi = fdi["dbcs"] + fdi["cbcs"]
        cb100 = rng.randint(0, fdi["cbcs"])
        part = cb100 / n_fdi if n_fdi else 0.0
        rows["fdi_100"] = {
            "dbcs": 0,
            "cbcs": cb100,
            "dbbp": 0,
            "cbtt": 0,
            "members": round(fdi["members"] * part),
        }
        for total, parts in TOTALS_5.items():
            rows[total] = {f: sum(rows[p][f] for p in parts) for f in FIELDS_5}
        rows["cong"] = {f: sum(rows[p][f] for p in TOP_5) for f in FIELDS_5}
        for r in rows.values():
            r["tong"] = r["dbcs"] + r["cbcs"]
        clash = any(r[f] == COLNUM_5[f] for r in rows.values() for f in FIELDS_5)
        clash |= any(rows["cong"][f] == COLNUM_5_CITY[f] for f in FIELDS_5)
        clash |= any(rows["cong"][f] in (2, 3) for f in ("dbcs", "cbcs", "dbbp", "cbtt"))  # 10-TCTW
        if not clash:
            return rows
    raise RuntimeError(f"{seed}: no organization table without a column-number clash")


# ------------------------------------------------------------ inspection (885-QĐ/UBKTTW)

ORG_LEVELS = ["ducs", "cbcs", "dubp", "cbtt"]  # the kinds of party organization a row counts


def inspection(rng: random.Random, scale: float) -> Model:
    """The activity of one period shown only in the summary report; the detailed sheets'
    figures are drawn in forms_ubkt.detail (their totals feed the summary too)."""

    def n(lo: int, hi: int) -> int:
        return pick(rng, round(lo * scale), round(hi * scale), {1})

    m: Model = {}
    m["scale"] = scale
    m["kt_capuy_dv"] = n(40, 80)
    m["kt_capuy_dv_cuv"] = share(rng, m["kt_capuy_dv"], 0.25, 0.4)
    m["gs_dv"] = n(30, 60)
    m["gs_ubkt_tcd"] = n(8, 15)
    m["gs_ubkt_dv"] = n(15, 30)
    m["gstx_tcd"] = n(60, 120)
    m["gstx_dv"] = n(150, 300)
    m["kt_thnvkt"] = n(10, 20)
    m["kt_thkl"] = n(3, 8)
    return m


def make(unit: Unit, attempt: int) -> Model:
    """Every figure of one unit, for every form that names it."""

    def rng(part: str) -> random.Random:
        return random.Random(f"{unit.name}/{attempt}/{part}")

    s = unit.scale
    stock_end = round(21000 * s * rng("stock").uniform(0.95, 1.05))
    stock_prev = stock_end - rng("stock/prev").randint(120, 400)
    admitted_2023 = round(420 * s * rng("adm23").uniform(0.9, 1.1))
    admitted_2022 = round(admitted_2023 * rng("adm22").uniform(0.85, 1.05))
    adm_cur_total = nudge(round(190 * s * rng("adm").uniform(0.9, 1.15)), {2, 3})
    adm_prev_total = nudge(round(adm_cur_total * rng("adm/prev").uniform(0.8, 1.05)), {3, 4})
    tccsd_cur = (round(48 * s), round(95 * s))
    tccsd_prev = (
        tccsd_cur[0] - rng("tccsd").randint(0, 2),
        tccsd_cur[1] + rng("tccsd/prev").randint(0, 4),
    )
    adm_cur = admissions(rng("adm/cur"), adm_cur_total, unit.kind, tccsd_cur, "cur")
    return {
        "seed": f"{unit.name}/{attempt}",
        "adm": {
            "cur": adm_cur,
            "prev": admissions(rng("adm/prev"), adm_prev_total, unit.kind, tccsd_prev, "prev"),
        },
        "adm_ethnic": ethnic_breakdown(rng("adm/ethnic"), adm_cur),
        "stock": {
            "cur": members(rng("stock/cur"), stock_end, unit.kind, admitted_2023, "cur"),
            "prev": members(rng("stock/prev"), stock_prev, unit.kind, admitted_2022, "prev"),
        },
        "changes": {
            "cur": changes(rng("chg/cur"), stock_end, admitted_2023, "cur"),
            "prev": changes(rng("chg/prev"), stock_prev, admitted_2022, "prev"),
        },
        "orgs": organizations(f"{unit.name}/{attempt}", unit.kind, s, stock_end),
        "insp": {"cur": inspection(rng("insp/cur"), s), "prev": inspection(rng("insp/prev"), s)},
        "adm_year": {
            "cur": admissions(rng("admy/cur"), admitted_2023, unit.kind, tccsd_cur, "cur"),
            "prev": admissions(rng("admy/prev"), admitted_2022, unit.kind, tccsd_prev, "prev"),
        },
    }
