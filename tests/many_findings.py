"""A copy of the 2023 samples with findings in bulk, the way a clerk's folder gets them:
breakdown columns filled with the cells' members on the rolls (form 3-BTCTW's "Sinh viên",
"Học sinh" rows are no admissions), so each row's part exceeds its whole; sheets hidden with
old figures in them; Excel error values; one total row off; two sum mismatches."""

from __future__ import annotations

import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "2023"

FIRST_ROW = 10  # the samples' first data row; their total row says "Tổng cộng"
ACTUAL_COLUMNS = {"high_school": 11, "university": 13}  # K, M: Thực hiện
HIDDEN_IN = ("cau-giay.xlsx", "dong-da.xlsx", "hoan-kiem.xlsx", "long-bien.xlsx", "soc-son.xlsx")
ERROR_VALUE_IN = ("me-linh.xlsx", "my-duc.xlsx", "phu-xuyen.xlsx", "son-tay.xlsx")


def build(target: Path) -> Path:
    """The folder `target` (made here), with every finding above; deterministic."""
    from openpyxl import load_workbook

    shutil.copytree(SAMPLES, target)

    def on_the_rolls(name: str, columns: tuple[int, ...]) -> None:
        book = load_workbook(target / name)
        sheet = book["Kết nạp"]
        total = _total_row(sheet)
        for column in columns:
            for row in range(FIRST_ROW, total):
                sheet.cell(row, column).value = sheet.cell(row, 4).value + 7 * row + column
            sheet.cell(total, column).value = sum(
                sheet.cell(r, column).value for r in range(FIRST_ROW, total)
            )
        book.save(target / name)

    on_the_rolls("ba-dinh.xlsx", tuple(ACTUAL_COLUMNS.values()))
    on_the_rolls("tay-ho.xlsx", (ACTUAL_COLUMNS["university"],))
    for name in HIDDEN_IN:
        book = load_workbook(target / name)
        old = book.copy_worksheet(book["Kết nạp"])
        old.title = "Kết nạp (cũ)"
        old.sheet_state = "hidden"
        book.save(target / name)
    for name in ERROR_VALUE_IN:
        book = load_workbook(target / name)
        book["Kiểm tra"].cell(FIRST_ROW + 1, 3).value = "#REF!"  # an error value, as Excel saves it
        book.save(target / name)
    book = load_workbook(target / "gia-lam.xlsx")
    sheet = book["Kết nạp"]
    sheet.cell(_total_row(sheet), 4).value += 3
    book.save(target / "gia-lam.xlsx")
    book = load_workbook(target / "thanh-xuan.xlsx")
    sheet = book["Tổ chức đảng"]
    sheet.cell(FIRST_ROW, 3).value += 1  # grassroots total against committees + cells
    sheet.cell(FIRST_ROW + 1, 3).value -= 1
    book.save(target / "thanh-xuan.xlsx")
    return target


def _total_row(sheet: object) -> int:
    return next(
        r
        for r in range(FIRST_ROW, 60)
        if sheet.cell(r, 1).value == "Tổng cộng"  # type: ignore[attr-defined]
    )
