"""Generate the loader's test corpus: the same small truth written the many ways units
really send it. Each file (or folder) is named after what it exercises; CASES says what
compute must find in it. Run from the repository root:

    python tests/corpus/make_corpus.py

.xls and .ods files are converted from .xlsx by LibreOffice (soffice) when it is installed;
the committed copies are used otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

# ---------------------------------------------------------------- the truth
# (plan, actual, prior) per unit; the registry for the corpus is units.csv beside this file.
UNITS = ("Ba Đình", "Đông Anh", "Sơn Tây")
FULL = {"Ba Đình": "Quận Ba Đình", "Đông Anh": "Huyện Đông Anh", "Sơn Tây": "Thị xã Sơn Tây"}
ADMISSION = {
    "Ba Đình": {"admission.total": (272, 334, 245), "admission.non_state_enterprise": (20, 31, 22)},
    "Đông Anh": {
        "admission.total": (1200, 1234, 1101),
        "admission.non_state_enterprise": (45, 52, 40),
    },
    "Sơn Tây": {"admission.total": (150, 161, 140), "admission.non_state_enterprise": (8, 9, 7)},
}
INSPECTION = {  # (actual, prior)
    "Ba Đình": {
        "inspection.committee_check_orgs": (40, 35),
        "inspection.committee_check_members": (12, 10),
    },
    "Đông Anh": {
        "inspection.committee_check_orgs": (55, 50),
        "inspection.committee_check_members": (20, 18),
    },
    "Sơn Tây": {
        "inspection.committee_check_orgs": (21, 19),
        "inspection.committee_check_members": (7, 9),
    },
}
EXPECTED_ADMISSION = {
    "admission.total": {"plan": 1622, "actual": 1729, "prior": 1486},
    "admission.non_state_enterprise": {"plan": 73, "actual": 92, "prior": 69},
}
EXPECTED_INSPECTION = {
    "inspection.committee_check_orgs": {"actual": 116, "prior": 104},
    "inspection.committee_check_members": {"actual": 39, "prior": 37},
}
CITY_TITLE = [
    "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
    "BAN TỔ CHỨC",
    None,
    "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023",
    "(Tính đến ngày 30/11/2023)",
]
INSPECTION_TITLE = [
    "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
    "ỦY BAN KIỂM TRA",
    None,
    "BIỂU TỔNG HỢP KẾT QUẢ KIỂM TRA, GIÁM SÁT NĂM 2023",
]
SIGNATURE = [
    [],
    [None, None, None, None, "Hà Nội, ngày 5 tháng 12 năm 2023"],
    [None, "NGƯỜI LẬP BIỂU", None, None, "TRƯỞNG BAN"],
]

Rows = list[list[object]]


@dataclass
class Case:
    name: str  # a file name, or a folder holding several files
    expected: dict[str, dict[str, int]]
    findings: list[tuple[str, str | None]] = field(default_factory=list)  # (code, cell)
    period: str | None = "2023"  # the period read from the files, None if none
    units: str | None = "units.csv"  # registry file; None: the built-in one for the period


# ---------------------------------------------------------------- sheet builders


def admission_header(
    words: Sequence[str] = ("Kế hoạch", "Thực hiện", "Cùng kỳ"), unit_heading: str = "Đơn vị"
) -> tuple[Rows, list[str]]:
    rows: Rows = [
        [
            "STT",
            unit_heading,
            "Đảng viên mới kết nạp",
            None,
            None,
            "Trong đó: trong doanh nghiệp ngoài khu vực nhà nước",
            None,
            None,
        ],
        [None, None, *words, *words],
    ]
    return rows, ["A{r}:A{r1}", "B{r}:B{r1}", "C{r}:E{r}", "F{r}:H{r}"]


def admission_values(unit: str) -> list[object]:
    figures = ADMISSION[unit]
    return [*figures["admission.total"], *figures["admission.non_state_enterprise"]]


def admission_total() -> list[object]:
    return [sum(admission_values(u)[i] for u in UNITS) for i in range(6)]  # type: ignore[misc]


def consolidated(
    names: Sequence[str],
    *,
    header: tuple[Rows, list[str]] | None = None,
    title: Sequence[object | None] = CITY_TITLE,
    total_label: str = "Tổng cộng",
    total_at_top: bool = False,
    number_row: list[object] | None = None,
    cell: Callable[[object], object] = lambda v: v,
    extra: Rows | None = None,
) -> tuple[Rows, list[str]]:
    """An admission sheet whose rows are the units, as a city's consolidated sheet is."""
    header_rows, merge_templates = header or admission_header()
    rows: Rows = [[t] for t in title]
    top = len(rows) + 1
    rows += header_rows
    merges = [m.format(r=top, r1=top + 1) for m in merge_templates]
    if number_row:
        rows.append(number_row)
    total = [total_label, None, *admission_total()]
    if total_at_top:
        rows.append(total)
    for n, (unit, name) in enumerate(zip(UNITS, names, strict=True), start=1):
        rows.append([n, name, *(cell(v) for v in admission_values(unit))])
    rows += extra or []
    if not total_at_top:
        rows.append(total)
    rows += SIGNATURE
    return rows, merges


def inspection_three_row_header(
    actual: str = "Thực hiện", prior: str = "Cùng kỳ", unit_heading: str = "Đơn vị"
) -> tuple[Rows, list[str]]:
    rows: Rows = [[t] for t in INSPECTION_TITLE]
    top = len(rows) + 1
    rows += [
        ["STT", unit_heading, "Cấp ủy kiểm tra", None, None, None],
        [None, None, "Tổ chức đảng", None, "Đảng viên", None],
        [None, None, actual, prior, actual, prior],
    ]
    for n, unit in enumerate(UNITS, start=1):
        f = INSPECTION[unit]
        rows.append(
            [
                n,
                FULL[unit],
                *f["inspection.committee_check_orgs"],
                *f["inspection.committee_check_members"],
            ]
        )
    rows.append(["Cộng", None, 116, 104, 39, 37])
    merges = [
        f"A{top}:A{top + 2}",
        f"B{top}:B{top + 2}",
        f"C{top}:F{top}",
        f"C{top + 1}:D{top + 1}",
        f"E{top + 1}:F{top + 1}",
    ]
    return rows, merges


def indicator_rows(unit: str, title: Sequence[object | None]) -> Rows:
    """One unit's own report: criteria down the rows, measures across."""
    adm, ins = ADMISSION[unit], INSPECTION[unit]
    rows: Rows = [[t] for t in title]
    rows += [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Cùng kỳ", "Tỷ lệ %"],
        [
            "1",
            "Kết nạp đảng viên mới",
            "người",
            *adm["admission.total"],
            round(adm["admission.total"][1] * 100 / adm["admission.total"][0], 1),
        ],
        [
            None,
            "- Trong đó: trong doanh nghiệp ngoài khu vực nhà nước",
            "người",
            *adm["admission.non_state_enterprise"],
            None,
        ],
        ["2", "Cấp ủy kiểm tra", None, None, None, None, None],
        [None, "- Tổ chức đảng", "tổ chức", None, *ins["inspection.committee_check_orgs"], None],
        [None, "- Đảng viên", "người", None, *ins["inspection.committee_check_members"], None],
    ]
    return rows + SIGNATURE


# ---------------------------------------------------------------- writers


def write_xlsx(
    path: Path,
    sheets: dict[str, tuple[Rows, list[str]]],
    *,
    hidden: Sequence[str] = (),
    hidden_rows: dict[str, Sequence[int]] | None = None,
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (rows, merges) in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(r, c, value)
        for area in merges:
            sheet.merge_cells(area)
        if name in hidden:
            sheet.sheet_state = "hidden"
        for r in (hidden_rows or {}).get(name, ()):
            sheet.row_dimensions[r].hidden = True
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def csv_text(rows: Rows, sep: str = ",") -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(
        [["" if v is None else v for v in row] for row in rows]
    )
    return out.getvalue()


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 stores it: base letters composed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
            out.append((base + "".join(c for c in nfd if c in _TONES)).encode("cp1258"))
    return b"".join(out)


def flat_rows(names: Sequence[str] = tuple(FULL[u] for u in UNITS)) -> Rows:
    """A CSV export: one header row, no title, indicator and measure in one cell."""
    rows: Rows = [
        [
            "STT",
            "Đơn vị",
            "Đảng viên mới kết nạp - Kế hoạch",
            "Kết nạp đảng viên mới (TH)",
            "Đảng viên mới kết nạp - Cùng kỳ",
            "DN ngoài khu vực nhà nước - KH",
            "DN ngoài khu vực nhà nước - TH",
            "DN ngoài khu vực nhà nước - CK",
        ]
    ]
    for n, (unit, name) in enumerate(zip(UNITS, names, strict=True), start=1):
        rows.append([n, name, *admission_values(unit)])
    return rows


def convert(source: Path, target: Path) -> None:
    """.xlsx -> .xls / .ods with LibreOffice; keeps the committed copy when it is absent."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if not target.exists():
            raise SystemExit(f"LibreOffice is needed to make {target.name}")
        return
    kind = {".xls": "xls:MS Excel 97", ".ods": "ods"}[target.suffix]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [soffice, "--headless", "--convert-to", kind, "--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.move(str(Path(tmp) / (source.stem + target.suffix)), target)


# ---------------------------------------------------------------- the cases

BOTH = EXPECTED_ADMISSION | EXPECTED_INSPECTION
CASES: list[Case] = [
    Case("unit-rows-consolidated-2row-merged-header.xlsx", EXPECTED_ADMISSION),
    Case("unit-rows-total-at-top.xlsx", EXPECTED_ADMISSION),
    Case("unit-rows-3row-merged-header-inspection.xlsx", EXPECTED_INSPECTION),
    Case(
        "unit-rows-column-number-row-and-percent-column.xlsx",
        EXPECTED_ADMISSION,
        [("unknown-column", "I6")],  # a percentage of no indicator it names: not checked
    ),
    Case("unit-rows-district-title-grassroots-rows.xlsx", EXPECTED_ADMISSION),
    Case("unit-rows-percent-column-in-indicator-group.xlsx", EXPECTED_ADMISSION),
    Case("measures-kh-th-ck-unit-heading-ten-don-vi.xlsx", EXPECTED_ADMISSION),
    Case("measures-so-luong-ck-unit-heading-quan-huyen-thi-xa.xlsx", EXPECTED_INSPECTION),
    Case("measures-chi-tieu-giao-ket-qua-cung-ky-nam-2022.xlsx", EXPECTED_ADMISSION),
    Case("measures-ke-hoach-nam-ky-nay-nam-truoc.xlsx", EXPECTED_ADMISSION),
    Case("measures-chi-tieu-da-thuc-hien-cung-ky-nam-truoc.xlsx", EXPECTED_ADMISSION),
    Case("header-flat-indicator-and-measure-in-one-cell.csv", EXPECTED_ADMISSION, period=None),
    Case("numbers-typed-as-text-vietnamese.xlsx", EXPECTED_ADMISSION),
    Case("names-nfd-decomposed.csv", EXPECTED_ADMISSION, period=None),
    Case("names-d-with-stroke-U00D0.csv", EXPECTED_ADMISSION, period=None),
    Case("names-prefixed-q-h-tx.xlsx", EXPECTED_ADMISSION),
    Case("names-without-diacritics-upper-case.csv", EXPECTED_ADMISSION, period=None),
    Case("names-party-committees.xlsx", EXPECTED_ADMISSION),
    Case("indicator-rows-one-file-per-unit", BOTH),
    Case("indicator-rows-one-sheet-per-unit.xlsx", BOTH),
    Case("format-legacy.xls", EXPECTED_ADMISSION),
    Case("format-libreoffice.ods", EXPECTED_ADMISSION),
    Case("format-xlsm-macro-enabled.xlsm", EXPECTED_ADMISSION),
    Case("csv-utf8-bom-comma.csv", EXPECTED_ADMISSION, period=None),
    Case("csv-utf8-semicolon.csv", EXPECTED_ADMISSION, period=None),
    Case("csv-cp1258-windows-vietnamese.csv", EXPECTED_ADMISSION, period=None),
    Case("csv-utf16-unicode-text-tab.txt", EXPECTED_ADMISSION, period=None),
    Case("csv-tab-separated.tsv", EXPECTED_ADMISSION, period=None),
    Case("hidden-sheet-with-old-figures.xlsx", EXPECTED_ADMISSION, [("hidden-sheet", None)]),
    Case("hidden-row-with-old-figures.xlsx", EXPECTED_ADMISSION, [("hidden-row", "11:11")]),
    Case(
        "formula-without-value-in-total-row.xlsx",
        EXPECTED_ADMISSION,
        [("formula-without-value", "D11")],
    ),
    Case("text-in-number-cell.xlsx", EXPECTED_ADMISSION, [("not-a-number", "I9")]),
    Case("total-row-mismatch.xlsx", EXPECTED_ADMISSION, [("total-mismatch", "D11")]),
    Case("unknown-unit-row.xlsx", EXPECTED_ADMISSION, [("unknown-unit", "B11")]),
    Case("split-over-two-files", BOTH),
    Case("same-unit-reported-twice", EXPECTED_ADMISSION, [("duplicate-unit", None)] * 3),
    Case("period-quy-i-nam-2024.xlsx", EXPECTED_ADMISSION, period="2024-q1"),
    Case("period-tinh-den-ngay-only.xlsx", EXPECTED_ADMISSION, period="2023-11m"),
    Case("period-two-periods-in-one-run", EXPECTED_ADMISSION, [("period-mismatch", "A4")]),
]


def _title(period_line: str, first: str = "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI") -> list[object | None]:
    return [first, "BAN TỔ CHỨC", None, period_line]


def build() -> None:
    if FILES.exists():
        keep = {p.name: p.read_bytes() for p in FILES.glob("*.xls")} | {
            p.name: p.read_bytes() for p in FILES.glob("*.ods")
        }
        shutil.rmtree(FILES)
    else:
        keep = {}
    FILES.mkdir()
    for name, data in keep.items():
        (FILES / name).write_bytes(data)
    full = [FULL[u] for u in UNITS]
    x = lambda name, sheets, **kw: write_xlsx(FILES / name, sheets, **kw)  # noqa: E731

    x("unit-rows-consolidated-2row-merged-header.xlsx", {"Kết nạp": consolidated(full)})
    x(
        "unit-rows-total-at-top.xlsx",
        {
            "KN": consolidated(
                ["BA ĐÌNH", "ĐÔNG ANH", "SƠN TÂY"], total_label="TỔNG SỐ", total_at_top=True
            )
        },
    )
    x("unit-rows-3row-merged-header-inspection.xlsx", {"Kiểm tra": inspection_three_row_header()})
    header, merges = admission_header()
    header = [[*header[0], "Tỷ lệ %"], [*header[1], None]]
    rows, merges = consolidated(
        full,
        header=(header, [*merges, "I{r}:I{r1}"]),
        number_row=[1, 2, 3, 4, 5, 6, 7, 8, "9 (=4*100/3)"],
        total_label="Cộng (1+2+3)",
    )
    for row in rows:
        if len(row) > 1 and row[1] in full:  # a percentage the sheet computed: checked, never added
            row.append(round(row[3] * 100 / row[2], 1))  # type: ignore[operator]
    x("unit-rows-column-number-row-and-percent-column.xlsx", {"KN": (rows, merges)})

    # "Tỷ lệ %" inside the indicator's group, under its merged heading: checked, never added.
    header = [
        [
            "STT",
            "Đơn vị",
            "Đảng viên mới kết nạp",
            None,
            None,
            None,
            "Trong đó: trong doanh nghiệp ngoài khu vực nhà nước",
            None,
            None,
        ],
        [
            None,
            None,
            "Kế hoạch",
            "Thực hiện",
            "Cùng kỳ",
            "Tỷ lệ (%)",
            "Kế hoạch",
            "Thực hiện",
            "Cùng kỳ",
        ],
    ]
    rows = [[t] for t in CITY_TITLE] + header
    for n, unit in enumerate(UNITS, start=1):
        plan, actual, prior, *rest = admission_values(unit)
        percent = (Decimal(actual) * 100 / Decimal(plan)).quantize(Decimal("0.1"))  # type: ignore[arg-type]
        rows.append([n, FULL[unit], plan, actual, prior, float(percent), *rest])
    x(
        "unit-rows-percent-column-in-indicator-group.xlsx",
        {"KN": (rows, ["A6:A7", "B6:B7", "C6:F6", "G6:I6"])},
    )

    district = [
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "ĐẢNG BỘ QUẬN BA ĐÌNH",
        None,
        "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2023",
    ]
    # Ba Đình's own sheet: its grassroots organizations add up to the district's figures.
    ba_dinh = ADMISSION["Ba Đình"]
    parts = [
        [
            int(v * share)
            for v in (*ba_dinh["admission.total"], *ba_dinh["admission.non_state_enterprise"])
        ]
        for share in (0.5, 0.3)
    ]
    parts.append(
        [total - a - b for total, a, b in zip(admission_values("Ba Đình"), *parts, strict=True)]
    )  # type: ignore[operator]
    rows_d: Rows = [[t] for t in district]
    rows_d += admission_header()[0]
    for n, (org, figs) in enumerate(
        zip(
            (
                "Đảng bộ phường Trúc Bạch",
                "Đảng bộ phường Kim Mã",
                "Chi bộ Trường THPT Phan Đình Phùng",
            ),
            parts,
            strict=True,
        ),
        start=1,
    ):
        rows_d.append([n, org, *figs])
    rows_d.append(["Tổng cộng", None, *admission_values("Ba Đình")])
    # Đông Anh and Sơn Tây come on a consolidated sheet beside Ba Đình's own.
    two = _two_unit_sheet()
    write_xlsx(
        FILES / "unit-rows-district-title-grassroots-rows.xlsx",
        {
            "Ba Đình": (rows_d, [m.format(r=5, r1=6) for m in admission_header()[1]]),
            "Các đơn vị khác": two,
        },
    )

    for name, words in [
        (
            "measures-chi-tieu-giao-ket-qua-cung-ky-nam-2022.xlsx",
            ("Chỉ tiêu giao", "Kết quả", "Cùng kỳ năm 2022"),
        ),
        ("measures-ke-hoach-nam-ky-nay-nam-truoc.xlsx", ("Kế hoạch năm", "Kỳ này", "Năm trước")),
    ]:
        x(name, {"KN": consolidated(full, header=admission_header(words))})
    x(
        "measures-kh-th-ck-unit-heading-ten-don-vi.xlsx",
        {"KN": consolidated(full, header=admission_header(("KH", "TH", "CK"), "Tên đơn vị"))},
    )
    x(
        "measures-so-luong-ck-unit-heading-quan-huyen-thi-xa.xlsx",
        {"KT": inspection_three_row_header("Số lượng", "CK", "Quận/huyện/thị xã")},
    )
    x(
        "measures-chi-tieu-da-thuc-hien-cung-ky-nam-truoc.xlsx",
        {
            "KN": consolidated(
                full,
                header=admission_header(
                    ("Chỉ tiêu", "Đã thực hiện", "Cùng kỳ năm trước"), "Đơn vị trực thuộc"
                ),
            )
        },
    )

    (FILES / "header-flat-indicator-and-measure-in-one-cell.csv").write_text(
        csv_text(flat_rows()), "utf-8"
    )

    def as_text(v: object) -> object:
        return {1234: "1.234", 1200: "1\u00a0200", 272: " 272 ", 161: "161"}.get(v, str(v))  # type: ignore[call-overload]

    x("numbers-typed-as-text-vietnamese.xlsx", {"KN": consolidated(full, cell=as_text)})
    nfd = [unicodedata.normalize("NFD", n) for n in full]
    (FILES / "names-nfd-decomposed.csv").write_text(csv_text(flat_rows(nfd)), "utf-8")
    stroke = ["Quận Ba \u00d0ình", "Huyện \u00d0ông Anh", "Thị xã Sơn Tây"]
    (FILES / "names-d-with-stroke-U00D0.csv").write_text(csv_text(flat_rows(stroke)), "utf-8")
    x(
        "names-prefixed-q-h-tx.xlsx",
        {"KN": consolidated(["Q. Ba Đình", "H.Đông Anh", "TX Sơn Tây"])},
    )
    (FILES / "names-without-diacritics-upper-case.csv").write_text(
        csv_text(flat_rows(["QUAN BA DINH", "Dong Anh", "TX. SON TAY"])), "utf-8"
    )
    x(
        "names-party-committees.xlsx",
        {"KN": consolidated(["Quận ủy Ba Đình", "Huyện ủy Đông Anh", "Thị ủy Sơn Tây"])},
    )

    folder = FILES / "indicator-rows-one-file-per-unit"
    write_xlsx(
        folder / "ba-dinh.xlsx",
        {
            "Báo cáo": (
                indicator_rows(
                    "Ba Đình", _title("BÁO CÁO KẾT QUẢ NĂM 2023", "ĐẢNG BỘ QUẬN BA ĐÌNH")
                ),
                [],
            )
        },
    )
    write_xlsx(
        folder / "dong-anh.xlsx",
        {
            "Báo cáo": (
                indicator_rows("Đông Anh", _title("BÁO CÁO KẾT QUẢ NĂM 2023", "HUYỆN ỦY ĐÔNG ANH")),
                [],
            )
        },
    )
    write_xlsx(
        folder / "tx-son-tay.xlsx",
        {"Báo cáo": (indicator_rows("Sơn Tây", [None, None, "BÁO CÁO KẾT QUẢ NĂM 2023"]), [])},
    )
    x(
        "indicator-rows-one-sheet-per-unit.xlsx",
        {
            "BD": (indicator_rows("Ba Đình", _title("NĂM 2023", "QUẬN ỦY BA ĐÌNH")), []),
            "DA": (indicator_rows("Đông Anh", _title("NĂM 2023", "ĐẢNG BỘ HUYỆN ĐÔNG ANH")), []),
            "ST": (indicator_rows("Sơn Tây", _title("NĂM 2023", "ĐẢNG BỘ THỊ XÃ SƠN TÂY")), []),
        },
    )

    base = FILES / "unit-rows-consolidated-2row-merged-header.xlsx"
    convert(base, FILES / "format-legacy.xls")
    convert(base, FILES / "format-libreoffice.ods")
    shutil.copy(base, FILES / "format-xlsm-macro-enabled.xlsm")

    flat = flat_rows()
    (FILES / "csv-utf8-bom-comma.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(flat).encode())
    (FILES / "csv-utf8-semicolon.csv").write_text(csv_text(flat, ";"), "utf-8")
    (FILES / "csv-cp1258-windows-vietnamese.csv").write_bytes(cp1258(csv_text(flat)))
    (FILES / "csv-utf16-unicode-text-tab.txt").write_bytes(csv_text(flat, "\t").encode("utf-16"))
    (FILES / "csv-tab-separated.tsv").write_text(csv_text(flat, "\t"), "utf-8")

    old = consolidated(full)
    x(
        "hidden-sheet-with-old-figures.xlsx",
        {"KN": consolidated(full), "Năm 2022 (cũ)": old},
        hidden=["Năm 2022 (cũ)"],
    )
    x(
        "hidden-row-with-old-figures.xlsx",
        {"KN": consolidated(full, extra=[[4, "Quận Hoàn Kiếm", 1, 2, 3, 4, 5, 6]])},
        hidden_rows={"KN": [11]},
    )
    rows, merges = consolidated(full)
    rows[10][3] = "=SUM(D8:D10)"  # saved by a program that never computed it
    x("formula-without-value-in-total-row.xlsx", {"KN": (rows, merges)})
    rows, merges = consolidated(full)
    rows[5] = [*rows[5], "Chủ doanh nghiệp tư nhân"]
    rows[6] = [*rows[6], "Thực hiện"]
    rows[8] = [*rows[8], "12 người"]
    x("text-in-number-cell.xlsx", {"KN": (rows, merges)})
    rows, merges = consolidated(full)
    rows[10][3] = 1730
    x("total-row-mismatch.xlsx", {"KN": (rows, merges)})
    rows, merges = consolidated(full, extra=[[4, "Quận Hoàn Kiếm", 1, 2, 3, 4, 5, 6]])
    rows[11][2:] = [t + e for t, e in zip(admission_total(), range(1, 7), strict=True)]  # type: ignore[operator]
    x("unknown-unit-row.xlsx", {"KN": (rows, merges)})

    folder = FILES / "split-over-two-files"
    write_xlsx(folder / "ket-nap.xlsx", {"KN": consolidated(full)})
    write_xlsx(folder / "kiem-tra.xlsx", {"KT": inspection_three_row_header()})
    folder = FILES / "same-unit-reported-twice"
    write_xlsx(folder / "ban-1.xlsx", {"KN": consolidated(full)})
    write_xlsx(folder / "ban-2-gui-lai.xlsx", {"KN": consolidated(full)})

    title = list(CITY_TITLE)
    title[3], title[4] = "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN QUÝ I NĂM 2024", None
    x("period-quy-i-nam-2024.xlsx", {"KN": consolidated(full, title=title)})
    title[3], title[4] = "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN", "(Tính đến ngày 30/11/2023)"
    x("period-tinh-den-ngay-only.xlsx", {"KN": consolidated(full, title=title)})
    folder = FILES / "period-two-periods-in-one-run"
    write_xlsx(folder / "a-nam-2023.xlsx", {"KN": consolidated(full)})
    title = list(CITY_TITLE)
    title[3] = "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2022"
    write_xlsx(folder / "b-nam-2022.xlsx", {"Cũ": (_empty_admission(title), [])})


def _two_unit_sheet() -> tuple[Rows, list[str]]:
    """Đông Anh and Sơn Tây on a consolidated sheet (Ba Đình has its own)."""
    header_rows, merge_templates = admission_header()
    rows: Rows = [[t] for t in CITY_TITLE] + header_rows
    for n, unit in enumerate(("Đông Anh", "Sơn Tây"), start=1):
        rows.append([n, FULL[unit], *admission_values(unit)])
    return rows, [m.format(r=6, r1=7) for m in merge_templates]


def _empty_admission(title: Sequence[object | None]) -> Rows:
    """A sheet of another period naming no unit of ours with figures: only its period counts."""
    rows: Rows = [[t] for t in title] + admission_header()[0]
    return rows


if __name__ == "__main__":
    build()
    print(f"{len(CASES)} cases in {FILES}")
