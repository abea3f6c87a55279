"""Generate the sample workbooks in data/samples/: one per district-level unit of Hanoi,
three sheets each (admission, party cells, inspection), laid out like the official forms.

The city totals reproduce the figures the Hanoi party committee published
(../shared/domain/published-figures.md); the figures nobody published are invented but
plausible. The split over districts follows their size, the split within a district over
its grassroots organizations follows theirs, and every part stays within its whole.

    python scripts/make_samples.py            # rewrite data/samples/
    python scripts/make_samples.py --out DIR  # somewhere else
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ctr_stats.catalogue import Unit, load_catalogue, load_registry  # noqa: E402

Totals = dict[str, dict[str, int]]  # indicator -> measure -> city total

# Population in thousands (2019 census, rounded): the weight of each district.
SIZE = {
    "Ba Đình": 226,
    "Hoàn Kiếm": 135,
    "Tây Hồ": 168,
    "Long Biên": 322,
    "Cầu Giấy": 292,
    "Đống Đa": 371,
    "Hai Bà Trưng": 303,
    "Hoàng Mai": 506,
    "Thanh Xuân": 293,
    "Sóc Sơn": 357,
    "Đông Anh": 406,
    "Gia Lâm": 292,
    "Nam Từ Liêm": 264,
    "Thanh Trì": 290,
    "Bắc Từ Liêm": 335,
    "Mê Linh": 241,
    "Hà Đông": 382,
    "Sơn Tây": 146,
    "Ba Vì": 305,
    "Phúc Thọ": 194,
    "Đan Phượng": 185,
    "Hoài Đức": 276,
    "Quốc Oai": 203,
    "Thạch Thất": 225,
    "Chương Mỹ": 347,
    "Thanh Oai": 221,
    "Thường Tín": 264,
    "Phú Xuyên": 213,
    "Ứng Hòa": 211,
    "Mỹ Đức": 202,
}
# Indicators about private enterprises lean to the urban districts, where the firms are.
ENTERPRISE_INDICATORS = frozenset(
    {
        "admission.non_state_enterprise",
        "admission.business_owner",
        "party_cell.new_non_state_enterprise",
        "party_cell.mass_org_non_state_enterprise",
        "party_cell.mass_org_members_non_state_enterprise",
    }
)


@dataclass(frozen=True)
class SamplePeriod:
    folder: str
    title: str  # as the form's title writes the period
    as_of: str
    signed: dt.date
    totals: Totals


PERIODS: tuple[SamplePeriod, ...] = (
    SamplePeriod(
        "2023",
        "NĂM 2023",
        "(Tính đến ngày 30/11/2023)",
        dt.date(2023, 12, 5),
        {
            # published
            "admission.total": {"plan": 9810, "actual": 10479, "prior": 10020},
            "admission.non_state_enterprise": {"plan": 453, "actual": 852, "prior": 640},
            "admission.business_owner": {"actual": 13, "prior": 11},
            "admission.high_school_student": {"actual": 88, "prior": 75},
            "party_cell.new_non_state_enterprise": {"plan": 69, "actual": 109, "prior": 91},
            "party_cell.mass_org_non_state_enterprise": {"plan": 480, "actual": 687},
            "party_cell.mass_org_members_non_state_enterprise": {"plan": 24320, "actual": 46148},
            # invented
            "admission.university_student": {"actual": 412, "prior": 389},
            "party_cell.grassroots_committee": {"actual": 1240},
            "party_cell.grassroots_cell": {"actual": 1065},
            "party_cell.grassroots_total": {"actual": 2305, "prior": 2310},
            "party_cell.subordinate_cell": {"actual": 17230},
            "party_cell.weak_consolidated": {"plan": 24, "actual": 19},
            "party_cell.four_good": {"plan": 14500, "actual": 14872, "prior": 14611},
            "inspection.committee_check_orgs": {"plan": 1150, "actual": 1187, "prior": 1102},
            "inspection.committee_check_members": {"plan": 420, "actual": 436, "prior": 398},
            "inspection.committee_supervise_orgs": {"plan": 520, "actual": 548, "prior": 505},
            "inspection.committee_supervise_members": {"plan": 350, "actual": 371, "prior": 342},
            "inspection.violation_check_orgs": {"actual": 92, "prior": 88},
            "inspection.violation_check_members": {"actual": 198, "prior": 176},
            "inspection.thematic_supervise_orgs": {"actual": 610, "prior": 587},
            "inspection.thematic_supervise_members": {"actual": 560, "prior": 533},
            "inspection.disciplined_orgs": {"actual": 12, "prior": 15},
            "inspection.disciplined_members": {"actual": 380, "prior": 402},
        },
    ),
    SamplePeriod(
        "2022-h1",
        "6 THÁNG ĐẦU NĂM 2022",
        "(Tính đến ngày 15/6/2022)",
        dt.date(2022, 6, 20),
        {
            # published
            "admission.total": {"plan": 9600, "actual": 5030, "prior": 4688},
            "party_cell.new_non_state_enterprise": {"plan": 68, "actual": 56, "prior": 49},
            "party_cell.weak_consolidated": {"plan": 39, "actual": 7},
            "inspection.committee_check_orgs": {"actual": 533, "prior": 498},
            "inspection.committee_check_members": {"actual": 187, "prior": 172},
            "inspection.committee_supervise_orgs": {"actual": 243, "prior": 230},
            "inspection.committee_supervise_members": {"actual": 160, "prior": 151},
            "inspection.violation_check_orgs": {"actual": 46, "prior": 51},
            "inspection.violation_check_members": {"actual": 95, "prior": 88},
            "inspection.thematic_supervise_orgs": {"actual": 294, "prior": 276},
            "inspection.thematic_supervise_members": {"actual": 270, "prior": 255},
            # invented
            "admission.non_state_enterprise": {"plan": 420, "actual": 371, "prior": 352},
            "admission.business_owner": {"actual": 6, "prior": 5},
            "admission.high_school_student": {"actual": 41, "prior": 38},
            "admission.university_student": {"actual": 187, "prior": 176},
            "party_cell.grassroots_committee": {"actual": 1241},
            "party_cell.grassroots_cell": {"actual": 1067},
            "party_cell.grassroots_total": {"actual": 2308, "prior": 2312},
            "party_cell.subordinate_cell": {"actual": 17180},
            "party_cell.mass_org_non_state_enterprise": {"plan": 450, "actual": 231},
            "party_cell.mass_org_members_non_state_enterprise": {"plan": 23000, "actual": 12544},
            "inspection.disciplined_orgs": {"actual": 5, "prior": 7},
            "inspection.disciplined_members": {"actual": 181, "prior": 193},
        },
    ),
    SamplePeriod(
        # This period's admission form has no plan column: percent of plan stays empty.
        "2021-9m",
        "9 THÁNG NĂM 2021",
        "(Tính đến ngày 15/9/2021)",
        dt.date(2021, 9, 20),
        {
            # published
            "admission.total": {"actual": 6606, "prior": 5636},
            # invented
            "admission.non_state_enterprise": {"actual": 287, "prior": 251},
            "admission.business_owner": {"actual": 9, "prior": 7},
            "admission.high_school_student": {"actual": 64, "prior": 52},
            "admission.university_student": {"actual": 298, "prior": 260},
            "party_cell.grassroots_committee": {"actual": 1236},
            "party_cell.grassroots_cell": {"actual": 1074},
            "party_cell.grassroots_total": {"actual": 2310, "prior": 2318},
            "party_cell.subordinate_cell": {"actual": 17118},
            "party_cell.new_non_state_enterprise": {"plan": 75, "actual": 58, "prior": 66},
            "party_cell.weak_consolidated": {"plan": 41, "actual": 15},
            "party_cell.mass_org_non_state_enterprise": {"plan": 460, "actual": 352},
            "party_cell.mass_org_members_non_state_enterprise": {"plan": 23500, "actual": 19870},
            "inspection.committee_check_orgs": {"actual": 802, "prior": 765},
            "inspection.committee_check_members": {"actual": 290, "prior": 271},
            "inspection.committee_supervise_orgs": {"actual": 371, "prior": 352},
            "inspection.committee_supervise_members": {"actual": 244, "prior": 230},
            "inspection.violation_check_orgs": {"actual": 71, "prior": 64},
            "inspection.violation_check_members": {"actual": 142, "prior": 131},
            "inspection.thematic_supervise_orgs": {"actual": 448, "prior": 420},
            "inspection.thematic_supervise_members": {"actual": 401, "prior": 389},
            "inspection.disciplined_orgs": {"actual": 9, "prior": 11},
            "inspection.disciplined_members": {"actual": 275, "prior": 262},
        },
    ),
)

# Part <= whole pairs to respect at every level: (part indicator, part measure, whole, measure)
BOUNDS = (
    ("admission.non_state_enterprise", "admission.total"),
    ("admission.business_owner", "admission.total"),
    ("admission.high_school_student", "admission.total"),
    ("admission.university_student", "admission.total"),
)

WARD_NAMES = (
    "Quang Trung",
    "Trần Phú",
    "Lê Lợi",
    "Nguyễn Trãi",
    "Hòa Bình",
    "Thống Nhất",
    "Đoàn Kết",
    "Tân Lập",
    "Đông Xuân",
    "Phú Lãm",
    "Yên Sở",
    "Kim Giang",
    "Liên Hà",
    "Văn Nội",
    "Tiên Dương",
    "Đại Mạch",
    "Minh Khai",
    "Vĩnh Tuy",
    "Thanh Lương",
    "Phúc Đồng",
    "Ngọc Thụy",
    "Bồ Đề",
    "Cổ Nhuế",
    "Xuân Đỉnh",
    "Mai Dịch",
    "Nghĩa Tân",
    "Dịch Vọng",
    "Trung Hòa",
    "Quan Hoa",
    "Kim Liên",
    "Phương Mai",
    "Khương Thượng",
    "Văn Chương",
    "Thịnh Quang",
    "Láng Hạ",
    "Hạ Đình",
    "Khương Đình",
    "Nhân Chính",
    "Phú Thượng",
    "Tứ Liên",
    "Nhật Tân",
    "Bưởi",
    "Vân Hà",
    "Tân Hội",
    "Liên Trung",
    "Đồng Tháp",
    "Phương Đình",
    "Cao Viên",
    "Bình Minh",
)
SECTORS_URBAN = (
    "Khối phường",
    "Khối cơ quan",
    "Khối sự nghiệp",
    "Khối doanh nghiệp",
    "Khối lực lượng vũ trang",
)
SECTORS_RURAL = (
    "Khối xã, thị trấn",
    "Khối cơ quan",
    "Khối sự nghiệp",
    "Khối doanh nghiệp",
    "Khối lực lượng vũ trang",
)


def split(total: int, weights: Sequence[float], caps: Sequence[int] | None = None) -> list[int]:
    """`total` in whole parts proportional to `weights`, none above its cap (largest remainder)."""
    n = len(weights)
    caps = list(caps) if caps is not None else [total] * n
    if sum(caps) < total:
        raise ValueError(f"cannot fit {total} under caps summing to {sum(caps)}")
    result = [0] * n
    left = total
    active = [i for i in range(n) if caps[i] > 0 and weights[i] > 0] or [
        i for i in range(n) if caps[i] > 0
    ]
    while left > 0:
        weight = sum(weights[i] for i in active) or len(active)
        shares = {i: left * (weights[i] or 1) / weight for i in active}
        given = 0
        for i in active:
            take = min(int(shares[i]), caps[i] - result[i])
            result[i] += take
            given += take
        left -= given
        order = sorted(active, key=lambda i: shares[i] - int(shares[i]), reverse=True)
        for i in order:
            if left == 0:
                break
            if result[i] < caps[i]:
                result[i] += 1
                left -= 1
        active = [i for i in active if result[i] < caps[i]]
    return result


def noisy(weights: Sequence[float], rng: random.Random, spread: float = 0.25) -> list[float]:
    return [w * rng.uniform(1 - spread, 1 + spread) for w in weights]


def district_weights(units: Sequence[Unit], indicator: str) -> list[float]:
    weights = [float(SIZE[u.name]) for u in units]
    if indicator in ENTERPRISE_INDICATORS:
        weights = [
            w * (2.5 if u.type == "quận" else 1.0) for w, u in zip(weights, units, strict=True)
        ]
    return weights


def split_over(
    totals: Totals,
    weights_for: dict[str, list[float]],
    rng: random.Random,
) -> list[Totals]:
    """City (or district) totals -> one Totals per part, parts within wholes everywhere."""
    n = len(next(iter(weights_for.values())))
    parts: list[Totals] = [{} for _ in range(n)]

    def put(indicator: str, measure: str, values: list[int]) -> None:
        for part, value in zip(parts, values, strict=True):
            part.setdefault(indicator, {})[measure] = value

    bounded = {p for p, _ in BOUNDS} | {
        "party_cell.weak_consolidated",
        "party_cell.grassroots_total",
    }

    def follow(indicator: str) -> list[float]:
        """Plan and prior follow a part's own actual: a unit's plan is near what it does."""
        return [(p[indicator]["actual"] or 0.2) * rng.uniform(0.94, 1.06) for p in parts]

    def actual_first(measures: dict[str, int]) -> list[tuple[str, int]]:
        return sorted(measures.items(), key=lambda item: item[0] != "actual")

    for indicator, measures in totals.items():
        if indicator in bounded:
            continue
        for measure, total in actual_first(measures):
            weights = (
                noisy(weights_for[indicator], rng) if measure == "actual" else follow(indicator)
            )
            put(indicator, measure, split(total, weights))
    for part_id, whole_id in BOUNDS:
        for measure, total in actual_first(totals.get(part_id, {})):
            caps = [p[whole_id].get(measure, p[whole_id]["actual"]) for p in parts]
            if measure == "actual":
                weights = [c * rng.uniform(0.7, 1.3) for c in caps]
            else:
                weights = follow(part_id)
            put(part_id, measure, split(total, weights, caps))
    weak = totals.get("party_cell.weak_consolidated")
    if weak:
        put(
            "party_cell.weak_consolidated",
            "plan",
            split(weak["plan"], noisy(weights_for["party_cell.weak_consolidated"], rng)),
        )
        caps = [p["party_cell.weak_consolidated"]["plan"] for p in parts]
        put("party_cell.weak_consolidated", "actual", split(weak["actual"], caps, caps))
    grassroots = totals.get("party_cell.grassroots_total")
    if grassroots:
        put(
            "party_cell.grassroots_total",
            "actual",
            [
                p["party_cell.grassroots_committee"]["actual"]
                + p["party_cell.grassroots_cell"]["actual"]
                for p in parts
            ],
        )
        put(
            "party_cell.grassroots_total",
            "prior",
            split(
                grassroots["prior"],
                [p["party_cell.grassroots_total"]["actual"] or 0.1 for p in parts],
            ),
        )
    return parts


def organization_names(unit: Unit, count: int, rng: random.Random) -> list[str]:
    """Plausible grassroots party organizations of a district, by name."""
    local = "phường" if unit.type == "quận" else "xã"
    kind = {"quận": "quận", "huyện": "huyện", "thị xã": "thị xã"}[unit.type]
    fixed = [
        f"Đảng bộ Cơ quan {kind.capitalize()} ủy {unit.name}",
        f"Đảng bộ Công an {kind} {unit.name}",
        f"Đảng bộ Quân sự {kind} {unit.name}",
        f"Chi bộ Trường THPT {unit.name}",
        f"Đảng bộ Bệnh viện đa khoa {unit.name}",
        f"Chi bộ Công ty cổ phần Đầu tư {unit.name}",
    ]
    places = rng.sample(WARD_NAMES, count - len(fixed))
    return [f"Đảng bộ {local} {p}" for p in places] + fixed


def sheet_rows(unit: Unit, sheet_kind: str, count: int, rng: random.Random) -> list[str]:
    if sheet_kind == "party_cell":
        return list(SECTORS_URBAN if unit.type == "quận" else SECTORS_RURAL)
    return organization_names(unit, count, rng)


TITLES = {
    "admission": "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN",
    "party_cell": "BIỂU TỔNG HỢP TỔ CHỨC ĐẢNG, CHI BỘ",
    "inspection": "BIỂU TỔNG HỢP KẾT QUẢ KIỂM TRA, GIÁM SÁT",
}
SHEET_NAMES = {"admission": "Kết nạp", "party_cell": "Tổ chức đảng", "inspection": "Kiểm tra"}
FORM_NUMBERS = {
    "admission": "Biểu số 2-BTC",
    "party_cell": "Biểu số 1-BTC",
    "inspection": "Mẫu 01-UBKT",
}
MEASURE_HEADINGS = {"plan": "Kế hoạch", "actual": "Thực hiện", "prior": "Cùng kỳ"}


def write_workbook(
    path: Path, unit: Unit, period: SamplePeriod, figures: dict[str, list[tuple[str, Totals]]]
) -> None:
    """One district's workbook: a sheet per sheet kind, rows = (organization, its figures)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    catalogue = load_catalogue()
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "ctr-stats sample generator"
    workbook.properties.created = workbook.properties.modified = dt.datetime(2024, 1, 1)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    kind_name = unit.type.upper()
    for sheet_kind, rows in figures.items():
        sheet = workbook.create_sheet(SHEET_NAMES[sheet_kind])
        columns = [
            (indicator.id, measure)
            for indicator in catalogue.in_kind(sheet_kind)
            for measure in ("plan", "actual", "prior")
            if measure in period.totals.get(indicator.id, {})
        ]
        last_col = 2 + len(columns)
        sheet["A1"] = "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
        sheet["A2"] = f"ĐẢNG BỘ {kind_name} {unit.name.upper()}"
        sheet["A3"] = "BAN TỔ CHỨC" if sheet_kind != "inspection" else "ỦY BAN KIỂM TRA"
        for r in (1, 2, 3):
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            sheet.cell(r, 1).alignment = centre
        sheet.cell(2, 1).font = bold
        sheet.cell(1, last_col, FORM_NUMBERS[sheet_kind]).alignment = Alignment(horizontal="right")
        sheet.cell(5, 1, f"{TITLES[sheet_kind]} {period.title}").font = Font(bold=True, size=13)
        sheet.cell(6, 1, period.as_of)
        for r in (5, 6):
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
            sheet.cell(r, 1).alignment = centre
        unit_word = catalogue.sheet_kinds[sheet_kind].unit_vi
        sheet.cell(7, last_col, f"Đơn vị tính: {unit_word}").alignment = Alignment(
            horizontal="right"
        )
        top, sub = 8, 9
        sheet.cell(top, 1, "STT")
        sheet.cell(top, 2, "Đơn vị")
        sheet.merge_cells(start_row=top, start_column=1, end_row=sub, end_column=1)
        sheet.merge_cells(start_row=top, start_column=2, end_row=sub, end_column=2)
        col = 3
        for indicator in catalogue.in_kind(sheet_kind):
            measures = [m for i, m in columns if i == indicator.id]
            if not measures:
                continue
            label = indicator.label_vi
            if indicator.id == "admission.non_state_enterprise":
                label = "Trong đó: trong doanh nghiệp ngoài khu vực nhà nước"
            sheet.cell(top, col, label)
            if len(measures) > 1:
                sheet.merge_cells(
                    start_row=top, start_column=col, end_row=top, end_column=col + len(measures) - 1
                )
            for offset, measure in enumerate(measures):
                sheet.cell(sub, col + offset, MEASURE_HEADINGS[measure])
            col += len(measures)
        for r in (top, sub):
            for c in range(1, last_col + 1):
                cell = sheet.cell(r, c)
                cell.font, cell.alignment, cell.border = bold, centre, box
        row = sub + 1
        for number, (name, values) in enumerate(rows, start=1):
            sheet.cell(row, 1, number)
            sheet.cell(row, 2, name)
            for c, (indicator_id, measure) in enumerate(columns, start=3):
                sheet.cell(row, c, values[indicator_id][measure]).number_format = "#,##0"
            for c in range(1, last_col + 1):
                sheet.cell(row, c).border = box
            row += 1
        sheet.cell(row, 1, "Tổng cộng").font = bold
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        for c, (indicator_id, measure) in enumerate(columns, start=3):
            total = sum(values[indicator_id][measure] for _, values in rows)
            cell = sheet.cell(row, c, total)
            cell.number_format, cell.font = "#,##0", bold
        for c in range(1, last_col + 1):
            sheet.cell(row, c).border = box
        signed = period.signed
        sheet.cell(
            row + 2,
            last_col - 3,
            f"{unit.name}, ngày {signed.day} tháng {signed.month} năm {signed.year}",
        )
        sheet.cell(row + 3, 2, "NGƯỜI LẬP BIỂU").font = bold
        sheet.cell(row + 3, last_col - 3, "T/M BAN THƯỜNG VỤ").font = bold
        sheet.column_dimensions["A"].width = 6
        sheet.column_dimensions["B"].width = 42
        for c in range(3, last_col + 1):
            sheet.column_dimensions[get_column_letter(c)].width = 12
        sheet.freeze_panes = sheet.cell(sub + 1, 3)
    workbook.save(path)


def slug(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "-".join(text.lower().split())


def generate(period: SamplePeriod, out: Path, seed: int = 2024) -> list[Path]:
    catalogue = load_catalogue()
    units = list(load_registry("hanoi-2024").units)
    rng = random.Random(f"{seed}-{period.folder}")
    city = split_over(period.totals, {i: district_weights(units, i) for i in period.totals}, rng)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for unit, district in zip(units, city, strict=True):
        count = max(8, min(16, SIZE[unit.name] // 25))
        per_kind: dict[str, list[tuple[str, Totals]]] = {}
        for sheet_kind in catalogue.sheet_kinds:
            kind_totals = {
                i: m
                for i, m in district.items()
                if catalogue.indicators[i].sheet_kind == sheet_kind
            }
            names = sheet_rows(unit, sheet_kind, count, rng)
            weights = [rng.uniform(0.4, 1.6) for _ in names]
            rows = split_over(kind_totals, {i: weights for i in kind_totals}, rng)
            per_kind[sheet_kind] = list(zip(names, rows, strict=True))
        path = out / f"{slug(unit.name)}.xlsx"
        write_workbook(path, unit, period, per_kind)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "samples")
    args = parser.parse_args(argv)
    for period in PERIODS:
        paths = generate(period, args.out / period.folder)
        print(f"{period.folder}: {len(paths)} workbooks in {args.out / period.folder}")


if __name__ == "__main__":
    main()
