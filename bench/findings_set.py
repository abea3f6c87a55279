"""A national roll-up with findings in bulk, as a clerk's files produce them: each commune's
admission sheet has its breakdown columns (business owners, high-school students, university
students: Thực hiện) filled with the members on the rolls, as form 3-BTCTW counts them, not
those admitted; its total row is their sum, as Excel's SUM makes it. So every data row's
part exceeds its whole (`part-exceeds-whole`, an error, about 27 a file) and each column
against last year's is implausible (`implausible-change`, a warning, 3 a file): about
100,000 findings on 3,321 files. The cells are changed in the sheet's XML, nothing else.

    python bench/findings_set.py 3321     # bench/work/findings-3321 from bench/work/3321
"""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from pathlib import Path

SHEET = "Kết nạp"
WHOLE = "Đảng viên mới kết nạp"
PARTS = ("Chủ doanh nghiệp tư nhân", "Học sinh trung học phổ thông", "Sinh viên")
MEASURE = "Thực hiện"


def make_findings_set(clean: Path, target: Path) -> Path:
    """`target`: every workbook of `clean` with its breakdown columns on the rolls."""
    files = sorted(clean.glob("*.xlsx"))
    if target.exists() and len(list(target.glob("*.xlsx"))) == len(files):
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for path in files:
        with (
            zipfile.ZipFile(path) as source,
            zipfile.ZipFile(target / path.name, "w", zipfile.ZIP_DEFLATED) as copy,
        ):
            part = _sheet_part(source, SHEET)
            for info in source.infolist():
                data = source.read(info)
                if info.filename == part:
                    data = _on_the_rolls(path, data)
                copy.writestr(info, data)
    return target


def _sheet_part(book: zipfile.ZipFile, name: str) -> str:
    """The part (xl/worksheets/sheetN.xml) of the sheet called `name`."""
    workbook = book.read("xl/workbook.xml").decode()
    relation = re.search(rf'<sheet name="{re.escape(name)}"[^>]*?r:id="([^"]+)"', workbook)
    assert relation, f"no sheet {name}"
    relations = book.read("xl/_rels/workbook.xml.rels").decode()
    found = re.search(
        rf'<Relationship[^>]*Id="{relation.group(1)}"[^>]*Target="([^"]+)"', relations
    )
    if found is None:  # attributes the other way round
        found = re.search(
            rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{relation.group(1)}"', relations
        )
    assert found
    return "xl/" + found.group(1).removeprefix("/xl/")


def _on_the_rolls(path: Path, xml: bytes) -> bytes:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET).to_python()
    head = next(i for i, row in enumerate(rows) if row and row[0] == "STT")
    total = next(i for i, row in enumerate(rows) if row and row[0] == "Tổng cộng")
    heading, columns = "", {}
    for c, text in enumerate(rows[head]):
        heading = str(text or heading)
        if rows[head + 1][c] == MEASURE:
            columns.setdefault(heading, c)
    whole = columns[WHOLE]
    text = xml.decode()
    for part in PARTS:
        c = columns[part]
        values = [int(rows[r][whole]) + 7 * (r + 1) + c for r in range(head + 2, total)]
        for r, value in zip(range(head + 2, total), values, strict=True):
            text = _set(text, f"{_letter(c)}{r + 1}", value)
        text = _set(text, f"{_letter(c)}{total + 1}", sum(values))
    return text.encode()


def _set(xml: str, cell: str, value: int) -> str:
    changed, count = re.subn(rf'(<c r="{cell}"[^>]*>)<v>[^<]*</v>', rf"\g<1><v>{value}</v>", xml)
    assert count == 1, f"cell {cell}: {count}"
    return changed


def _letter(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import WORK, prepare

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3321
    print(make_findings_set(prepare(n), WORK / f"findings-{n}"))
