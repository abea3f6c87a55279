"""Builders for small, hand-made workbooks used across the tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def relabelled(source: Path, target: Path, periods: dict[str, str]) -> Path:
    """A copy of a folder of workbooks whose title blocks name another period: each text in
    the rows above the header has every `old` of `periods` replaced by its `new`."""
    import shutil

    from openpyxl import load_workbook

    shutil.copytree(source, target)
    for path in sorted(target.glob("*.xlsx")):
        book = load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows(min_row=1, max_row=7):
                for cell in row:
                    if isinstance(cell.value, str):
                        for old, new in periods.items():
                            cell.value = cell.value.replace(old, new)
        book.save(path)
    return target


def their_last_year(source: Path, target: Path, year: str, last: str) -> Path:
    """Last year's workbooks as the units sent them: a copy titled `last` whose Thực hiện
    columns hold what this year's Cùng kỳ columns say (so --prior agrees with them)."""
    from openpyxl import load_workbook

    relabelled(source, target, {year: last})
    for path in sorted(target.glob("*.xlsx")):
        book = load_workbook(path)
        for sheet in book.worksheets:
            measures = next(
                (r for r in range(1, 13) if any(c.value == "Thực hiện" for c in sheet[r])),
                None,
            )
            if measures is None:
                continue
            heads = {c.column: c.value for c in sheet[measures]}
            for column, head in heads.items():
                if head != "Cùng kỳ" or heads.get(column - 1) != "Thực hiện":
                    continue
                for r in range(measures + 1, sheet.max_row + 1):
                    sheet.cell(r, column - 1).value = sheet.cell(r, column).value
        book.save(path)
    return target


def last_year(tmp_path: Path, samples: Path) -> Path:
    """A full year 2022 to give 2023 its Cùng kỳ: the 2022-h1 samples, titled NĂM 2022."""
    return relabelled(
        samples / "2022-h1",
        tmp_path / "2022",
        {"6 THÁNG ĐẦU NĂM 2022": "NĂM 2022", "(Tính đến ngày 15/6/2022)": ""},
    )


def edit(path: Path, sheet: str, change: Callable[..., None]) -> None:
    """Open a workbook, change one sheet (`change(worksheet)`), save it."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    change(book[sheet])
    book.save(path)


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


def admission_workbook(
    path: Path, lines: list[str], rows: list[tuple[str, tuple[int, int, int]]]
) -> None:
    """A unit's admission sheet of 2025: its title `lines` from A1, a header Kế hoạch,
    Thực hiện, Cùng kỳ, the `rows` (name, figures) and their "Tổng cộng"."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kết nạp"
    for n, line in enumerate(lines, start=1):
        sheet.cell(n, 1, line)
    sheet["A5"] = "BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025"
    sheet["A8"], sheet["B8"], sheet["C8"] = "STT", "Đơn vị", "Đảng viên mới kết nạp"
    sheet.merge_cells("C8:E8")
    for column, measure in zip("CDE", ["Kế hoạch", "Thực hiện", "Cùng kỳ"], strict=True):
        sheet[f"{column}9"] = measure
    for n, (name, figures) in enumerate(rows, start=1):
        sheet.append([n, name, *figures])
    sheet.append(["Tổng cộng", None, *(sum(f[i] for _, f in rows) for i in range(3))])
    book.save(path)
