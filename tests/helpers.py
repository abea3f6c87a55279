"""Builders for small, hand-made workbooks used across the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[object]]],
    merges: dict[str, Sequence[str]] | None = None,
) -> Path:
    """A workbook whose sheets hold `rows` from A1, with merged ranges such as 'C8:E8'."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(r, c, value)
        for area in (merges or {}).get(name, ()):
            sheet.merge_cells(area)
    workbook.save(path)
    return path


def district_sheet(
    district_line: str,
    period_line: str,
    header: Sequence[Sequence[object]],
    rows: Sequence[Sequence[object]],
    total: Sequence[object] | None = None,
) -> list[list[object]]:
    """A sheet the samples' way: title block (rows 1-4), header from row 5, data, total."""
    sheet: list[list[object]] = [
        ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"],
        [district_line],
        [],
        [f"BIỂU TỔNG HỢP {period_line}"],
    ]
    sheet.extend(list(r) for r in header)
    sheet.extend(list(r) for r in rows)
    if total is not None:
        sheet.append(list(total))
    return sheet


def libreoffice_convert(source: Path, filter_name: str, folder: Path) -> None:
    """`soffice --convert-to FILTER` into `folder`, with a profile of its own there (a first
    run makes one; two tests sharing one would race)."""
    import subprocess

    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--convert-to",
            filter_name,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
