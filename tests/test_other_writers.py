"""Workbooks written by other programs than Excel (trial 46): what they store otherwise
than Excel does is read as Excel shows it, or refused naming the cell, never read as other
figures with exit 0."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ctr_stats.checks import check

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "2023" / "ba-dinh.xlsx"
ADMISSION = "xl/worksheets/sheet1.xml"  # the sample's "Kết nạp"
Change = Callable[[bytes], bytes]


def rewritten(
    folder: Path, changes: dict[str, Change], renamed: dict[str, str] | None = None
) -> Path:
    """The sample with parts changed (`changes`, by part name) and renamed (`renamed`)."""
    renamed = renamed or {}
    target = folder / "ba-dinh.xlsx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            data = changes.get(info.filename, lambda d: d)(data)
            dst.writestr(renamed.get(info.filename, info.filename), data)
    return target


def cell_as_formula(ref: str, value: str) -> Change:
    """The cell given a formula and `value` as its stored value."""
    pattern = re.compile(rb'<c r="%s"([^>]*)><v>[^<]*</v></c>' % ref.encode())
    return lambda data: pattern.sub(
        lambda m: b'<c r="%s"%s><f>11+11</f><v>%s</v></c>' % (ref.encode(), m[1], value.encode()),
        data,
        count=1,
    )


def without_calc_on_load(data: bytes) -> bytes:
    return data.replace(b' fullCalcOnLoad="1"', b"")


def codes_at(folder: Path) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.sheet, f.cell) for f in check([folder]).findings]


def test_a_formula_s_placeholder_0_in_a_workbook_computed_on_opening_is_no_count(
    tmp_path: Path,
) -> None:
    # xlsxwriter stores 0 as every formula's value unless told it, and asks Excel to compute
    # the workbook when opened (fullCalcOnLoad): Excel shows 22, the file holds 0
    rewritten(tmp_path, {ADMISSION: cell_as_formula("D10", "0")})
    assert ("formula-without-value", "Kết nạp", "D10") in codes_at(tmp_path)


@pytest.mark.parametrize(
    "changes",
    [
        {ADMISSION: cell_as_formula("D10", "22")},  # the value computed, stored with it
        # a writer that computed its formulas: a 0 among them is a 0
        {ADMISSION: lambda d: cell_as_formula("D10", "0")(cell_as_formula("C10", "21")(d))},
        # Excel's own file: its stored values are what it computed
        {ADMISSION: cell_as_formula("D10", "0"), "xl/workbook.xml": without_calc_on_load},
    ],
    ids=["value-given", "zero-among-computed", "no-calc-on-load"],
)
def test_a_formula_s_stored_value_is_read_where_it_was_computed(
    tmp_path: Path, changes: dict[str, Change]
) -> None:
    rewritten(tmp_path, changes)
    assert "formula-without-value" not in [code for code, *_ in codes_at(tmp_path)]


def _sheets_elsewhere(data: bytes) -> bytes:
    """The workbook's relationships (or content types) naming its sheets in xl/ws/."""
    return data.replace(b"/xl/worksheets/", b"/xl/ws/")


def test_a_hidden_row_of_a_sheet_stored_under_another_name_is_found(tmp_path: Path) -> None:
    # the standard lets a workbook name its sheets' parts as it likes ("xl/ws/sheet1.xml")
    rewritten(
        tmp_path,
        {
            "xl/_rels/workbook.xml.rels": _sheets_elsewhere,
            "[Content_Types].xml": _sheets_elsewhere,
            ADMISSION: lambda d: d.replace(b'<row r="10"', b'<row r="10" hidden="1"', 1),
        },
        {f"xl/worksheets/sheet{n}.xml": f"xl/ws/sheet{n}.xml" for n in (1, 2, 3)},
    )
    assert ("hidden-row", "Kết nạp", "10:10") in codes_at(tmp_path)


def test_a_far_cell_of_a_sheet_stored_under_another_name_is_refused(tmp_path: Path) -> None:
    rewritten(
        tmp_path,
        {
            "xl/_rels/workbook.xml.rels": _sheets_elsewhere,
            "[Content_Types].xml": _sheets_elsewhere,
            ADMISSION: lambda d: d.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
                1,
            ),
        },
        {f"xl/worksheets/sheet{n}.xml": f"xl/ws/sheet{n}.xml" for n in (1, 2, 3)},
    )
    [finding] = [f for f in check([tmp_path]).findings if f.code == "unreadable-file"]
    assert (finding.sheet, "XFD1048576" in finding.message_en) == ("Kết nạp", True)


def test_a_hidden_row_written_without_its_number_is_the_row_after_the_one_before(
    tmp_path: Path,
) -> None:
    # r= is optional on a row: a row without it is the one after the row before
    def unnumbered_hidden(data: bytes) -> bytes:
        row = re.search(rb'<row r="11"[^>]*>.*?</row>', data, re.S)
        assert row is not None
        bare = re.sub(rb' r="[A-Z]*11"', b"", row[0]).replace(b"<row", b'<row hidden="1"', 1)
        return data.replace(row[0], bare, 1)

    rewritten(tmp_path, {ADMISSION: unnumbered_hidden})
    assert ("hidden-row", "Kết nạp", "11:11") in codes_at(tmp_path)


FLAT_ODS = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>'
    "<office:spreadsheet/></office:body></office:document>"
)
EXCEL_2003_XML = (
    '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook'
    ' xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Kết nạp"'
    ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"/></Workbook>'
)


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("ba-dinh.fods", FLAT_ODS, "a LibreOffice flat spreadsheet (.fods)"),
        ("ba-dinh.xls", EXCEL_2003_XML, "an Excel 2003 XML Spreadsheet"),
    ],
)
def test_a_spreadsheet_saved_as_one_xml_document_is_refused_naming_its_format(
    tmp_path: Path, name: str, content: str, said: str
) -> None:
    # read as text, it held no table, and the unit went missing unsaid (trial 46 case 8);
    # a .fods in a folder is found, as a workbook is
    (tmp_path / name).write_text(content, encoding="utf-8")
    [finding] = [f for f in check([tmp_path]).findings if f.code == "unreadable-file"]
    assert (finding.file, finding.message_en) == (
        str(tmp_path / name),
        f"{said}: ctr-stats does not read this format; open the file in"
        f" {'LibreOffice' if name.endswith('.fods') else 'Excel'}, save it as .xlsx and run again",
    )


def _moved(source: Path, target: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> None:
    """`source` written again as `target`, each part's name and bytes through `change`."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(*change(info.filename, src.read(info)))


def _admitted(folder: Path) -> object:
    from ctr_stats import compute

    report = compute([folder], units_only=True, units_file=folder.parent / "units.csv")
    return next(u.figures.actual for u in report.units if u.figures.indicator == "admission.total")


@pytest.mark.parametrize("where", ["relative-targets", "shared-strings-elsewhere"])
def test_parts_named_as_the_standard_allows_are_read(tmp_path: Path, where: str) -> None:
    # "./worksheets/sheet1.xml" as a relationship's target (hand-written exporters), the
    # shared strings as "xl/strings/sst1.xml": valid packages python-calamine does not
    # follow, refused as "cannot read the sheet" (trial 46 cases 6 and 7)
    from .helpers import admission_workbook

    (tmp_path / "units.csv").write_text("Mã,Tên\n001,Phường Ba Đình\n", encoding="utf-8")
    made, folder = tmp_path / "made.xlsx", tmp_path / "in"
    folder.mkdir()
    admission_workbook(made, ["ĐẢNG BỘ PHƯỜNG BA ĐÌNH"], [("Chi bộ 1", (5, 7, 6))])

    strings: list[bytes] = []

    def shared(cell: re.Match[bytes]) -> bytes:
        strings.append(cell[2])
        return b'%s t="s"><v>%d</v></c>' % (cell[1], len(strings) - 1)

    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if where == "relative-targets" and name == "xl/_rels/workbook.xml.rels":
            return name, data.replace(b'Target="/xl/worksheets/', b'Target="./worksheets/')
        if where == "shared-strings-elsewhere":
            if name == "xl/worksheets/sheet1.xml":  # its texts made shared strings
                cell = rb'(<c r="[A-Z]+\d+"[^>]*?) t="inlineStr"><is><t>(.*?)</t></is></c>'
                return name, re.sub(cell, shared, data)
            if name == "xl/_rels/workbook.xml.rels":
                rel = (
                    b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="strings/sst1.xml" Id="rId99"/>'
                )
                return name, data.replace(b"</Relationships>", rel + b"</Relationships>")
        return name, data

    _moved(made, folder / "ba-dinh.xlsx", change)
    if strings:
        table = b"".join(b"<si><t>%s</t></si>" % text for text in strings)
        with zipfile.ZipFile(folder / "ba-dinh.xlsx", "a") as book:
            book.writestr(
                "xl/strings/sst1.xml",
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                + table
                + b"</sst>",
            )
    assert _admitted(folder) == 7
