"""Hostile and broken files, built from a small real workbook at test time (bombs are never
committed). Each case is named after what it does; CASES says how ctr-stats must answer.

    python tests/hostile/make_hostile.py DIR   # to look at them
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "files"
BASE = CORPUS / "unit-rows-consolidated-2row-merged-header.xlsx"
SHEET = "xl/worksheets/sheet1.xml"

MINIMAL = {
    "xl/sharedStrings.xml": b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>',
}
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@dataclass(frozen=True)
class Case:
    name: str
    exit_code: int
    words: str  # what the English message says
    make: Callable[[Path], None]
    args: tuple[str, ...] = ()


def rewrite(
    target: Path, changes: dict[str, bytes | Callable[[bytes], bytes] | None], base: Path = BASE
) -> None:
    """A copy of `base` with parts replaced (bytes), transformed (callable), removed (None) or added."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            change = changes.get(info.filename, ...)
            if change is None:
                continue
            data = src.read(info)
            if callable(change):
                data = change(data)
            elif change is not ...:
                data = change  # type: ignore[assignment]
            dst.writestr(info.filename, data)
        for name, change in changes.items():
            if name in src.namelist() or change is None:
                continue
            if callable(change):  # a part the base lacks (openpyxl writes no sharedStrings)
                change = change(MINIMAL.get(name, b"<x/>"))
            dst.writestr(name, change)


def with_prolog(prolog: bytes) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        if prolog is LAUGHS:
            body = body.replace(
                b"<sheetData>",
                b'<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
                1,
            )
        return prolog + body

    return change


def with_row(xml: bytes) -> Callable[[bytes], bytes]:
    """A last row, as written, at the end of the sheet's data."""
    return lambda data: data.replace(b"</sheetData>", xml + b"</sheetData>", 1)


def with_cell(ref: bytes) -> Callable[[bytes], bytes]:
    row = bytes(c for c in ref if 48 <= c <= 57)
    return with_row(b'<row r="%s"><c r="%s"><v>1</v></c></row>' % (row, ref))


def patch_central_directory(path: Path, part: str, size: int) -> None:
    """Make the zip's index lie about a part's uncompressed size."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30 : local + 30 + name_length] == name:
            struct.pack_into("<I", data, local + 22, size)
            break
        local = data.find(b"PK\x03\x04", local + 4)
    path.write_bytes(bytes(data))


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _truncated(p: Path) -> None:
    data = BASE.read_bytes()
    p.write_bytes(data[: len(data) * 6 // 10])


def _csv_renamed(p: Path) -> None:
    shutil.copy(CORPUS / "csv-utf8-bom-comma.csv", p)


def _xls_renamed(p: Path) -> None:
    shutil.copy(CORPUS / "format-legacy.xls", p)


def _plain_text_renamed(p: Path) -> None:
    p.write_text("Báo cáo sẽ gửi sau.\n", encoding="utf-8")


def _not_a_spreadsheet(p: Path) -> None:
    with zipfile.ZipFile(p, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải bảng tính")


def _word_document(p: Path) -> None:
    with zipfile.ZipFile(p, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")


def _crc_corrupt(p: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(BASE) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    data = bytearray(buffer.getvalue())
    at = data.find(b"<sheetData>")
    data[at + 1] = ord("S")  # the bytes change, the stored CRC does not
    p.write_bytes(bytes(data))


def _malformed_xml(p: Path) -> None:
    rewrite(
        p,
        {
            SHEET: b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"'
        },
    )


def _encrypted(p: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with BASE.open("rb") as source, p.open("wb") as out:
        OOXMLFile(source).encrypt("matkhau", out)


def _zip_bomb_ratio(p: Path) -> None:
    rewrite(p, {"xl/media/image1.bin": b"\x00" * 150_000_000})


def _declared_too_large(p: Path) -> None:
    rewrite(p, {})
    patch_central_directory(p, SHEET, 900_000_000)


def _declared_too_small(p: Path) -> None:
    rewrite(p, {})
    patch_central_directory(p, SHEET, 40)


def _with_150_000_merges(d: bytes) -> bytes:
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (r, r) for r in range(1, 150_001))
    if b"<mergeCells" not in d:
        return d.replace(
            b"</worksheet>", b'<mergeCells count="150000">' + merges + b"</mergeCells></worksheet>"
        )
    return d.replace(b"</mergeCells>", merges + b"</mergeCells>", 1)


def _merge_bomb(p: Path) -> None:
    rewrite(p, {SHEET: _with_150_000_merges})


def _dimension_lie(p: Path) -> None:
    rewrite(
        p,
        {
            SHEET: lambda d: d.replace(
                b'<dimension ref="', b'<dimension ref="A1:XFD1048576" old="', 1
            )
        },
    )


def _ods(content: bytes, p: Path) -> None:
    with zipfile.ZipFile(p, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr(
            "META-INF/manifest.xml",
            b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
        archive.writestr("content.xml", content)


ODS_HEAD = (
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    b'<table:table table:name="KN">'
)
ODS_TAIL = b"</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods_repeat_bomb(p: Path) -> None:
    row = (
        b'<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="float" '
        b'office:value="1" table:number-columns-repeated="10000"><text:p>1</text:p></table:table-cell></table:table-row>'
    )
    _ods(b'<?xml version="1.0"?>' + ODS_HEAD + row + ODS_TAIL, p)


def _ods_far_value(p: Path) -> None:
    """A number after a million repeated empty rows: the reader took 300 MB."""
    value = b'<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>'
    _ods(
        b'<?xml version="1.0"?>'
        + ODS_HEAD
        + b"<table:table-row>" + value * 3 + b"</table:table-row>"
        + b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
        + b"<table:table-row>" + value + b"</table:table-row>"
        + ODS_TAIL,
        p,
    )  # fmt: skip


def _xls_dimensions_past_grid(p: Path) -> None:
    """The .xls sheet's DIMENSIONS record claims 4,294,967,295 rows: the reader aborted
    the process (SIGABRT), and every other file of the run with it."""
    import olefile

    shutil.copy(CORPUS / "format-legacy.xls", p)
    with olefile.OleFileIO(str(p), write_mode=True) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
        at, last = 0, -1
        while at + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, at)
            last = at if kind == 0x0200 else last
            at += 4 + size
        struct.pack_into("<IIHH", stream, last + 4, 0, 0xFFFFFFFF, 0, 0xFFFF)
        ole.write_stream("Workbook", bytes(stream))


def _xls_filepass_hiding_far_dimensions(p: Path) -> None:
    """As above, behind a FILEPASS record (the workbook said to be encrypted) that the
    reader does not understand, and reads past as if it were not there: the sheet was
    left unwalked, to the reader, which aborted."""
    import olefile

    _xls_dimensions_past_grid(p)
    with olefile.OleFileIO(str(p), write_mode=True) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
        at = 0
        while at + 4 <= len(stream):  # a 2-byte record of the globals becomes FILEPASS
            kind, size = struct.unpack_from("<HH", stream, at)
            if kind == 0x0161:  # DSF
                struct.pack_into("<HHH", stream, at, 0x002F, 2, 0)
                break
            at += 4 + size
        else:
            raise AssertionError("no DSF record to turn into FILEPASS")
        ole.write_stream("Workbook", bytes(stream))


def _ods_xxe(p: Path) -> None:
    _ods(
        XXE
        + ODS_HEAD
        + b"<table:table-row><table:table-cell><text:p>&xxe;</text:p></table:table-cell></table:table-row>"
        + ODS_TAIL,
        p,
    )


def _formula_without_value(p: Path) -> None:
    shutil.copy(CORPUS / "formula-without-value-in-total-row.xlsx", p)


def with_prefix(data: bytes) -> bytes:
    """The sheet as the .NET Open XML SDK writes it: every element named x:..., the main
    namespace declared for that prefix (calamine reads it as the same sheet)."""
    data = data.replace(b"<worksheet xmlns=", b"<worksheet xmlns:x=", 1)
    return re.sub(rb"<(/?)(?![\w.-]+:)([A-Za-z_][\w.-]*)", rb"<\1x:\2", data)


def _prefixed_merge_bomb(p: Path) -> None:
    rewrite(p, {SHEET: lambda d: with_prefix(_with_150_000_merges(d))})


def _prefixed_far_merge(p: Path) -> None:
    far = b'<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>'
    rewrite(
        p,
        {
            SHEET: lambda d: with_prefix(
                d.replace(b"</worksheet>", far + b"</worksheet>")
                if b"<mergeCells" not in d
                else re.sub(rb"<mergeCells.*?</mergeCells>", far, d, flags=re.S)
            )
        },
    )


def _prefixed_formula_without_value(p: Path) -> None:
    source = CORPUS / "formula-without-value-in-total-row.xlsx"
    with zipfile.ZipFile(source) as src:
        sheets = [n for n in src.namelist() if n.startswith("xl/worksheets/sheet")]
    rewrite(p, dict.fromkeys(sheets, with_prefix), base=source)


def _csv_cp1258(p: Path) -> None:
    shutil.copy(CORPUS / "csv-cp1258-windows-vietnamese.csv", p)


def _csv_utf16(p: Path) -> None:
    shutil.copy(CORPUS / "csv-utf16-unicode-text-tab.txt", p)


def million_rows(references: bool) -> Callable[[Path], None]:
    """1,000,000 rows more of 3 cells under the form's header, and no dimension element to
    go by: with r= on every row and cell, or (as some generators write) on none."""

    def make(p: Path) -> None:
        row = (
            b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>%d</v></c><c r="C%d"><v>%d</v></c></row>'
            if references
            else b"<row><c><v>%d</v></c><c><v>%d</v></c><c><v>%d</v></c></row>"
        )
        count = row.count(b"%d")
        # values that vary, so that the sheet compresses as real ones do (not 300:1)
        rows = b"".join(
            row % ((n, n, n * 7919 % 100_003, n, n * 104_729 % 99_991, n, n % 977)[-count:])
            for n in range(20, 1_000_020)
        )
        rewrite(
            p,
            {
                SHEET: lambda d: re.sub(rb"<dimension[^>]*/>", b"", d).replace(
                    b"</sheetData>", rows + b"</sheetData>"
                )
            },
        )

    return make


def _unplaced_bomb(d: bytes) -> bytes:
    """40 KB that a reader lays out as 8,001 rows x 4,000 columns: rows and cells without
    r= are placed one after the other (a row of 4,000 cells, then 8,000 empty rows)."""
    wide = b"<row>" + b"<c><v>1</v></c>" * 4000 + b"</row>"
    return re.sub(rb"<dimension[^>]*/>", b"", d).replace(
        b"</sheetData>", wide + b"<row/>" * 8000 + b"</sheetData>"
    )


CASES: list[Case] = [
    Case("empty.xlsx", 3, "empty", _empty),
    Case("truncated.xlsx", 3, "damaged or truncated zip", _truncated),
    Case("csv-named-xlsx.xlsx", 0, "", _csv_renamed),
    Case("xls-named-xlsx.xlsx", 0, "", _xls_renamed),
    Case("plain-text-named-xlsx.xlsx", 3, "holds plain text", _plain_text_renamed),
    Case("zip-without-spreadsheet.xlsx", 3, "holds no spreadsheet", _not_a_spreadsheet),
    Case("word-document-named-xlsx.xlsx", 3, "Word document", _word_document),
    Case("crc-corrupt.xlsx", 3, "damaged", _crc_corrupt),
    Case("malformed-xml-in-sheet.xlsx", 3, "cannot read the sheet", _malformed_xml),
    Case("encrypted-with-password.xlsx", 3, "password-protected", _encrypted),
    Case(
        "billion-laughs-in-sheet.xlsx",
        3,
        "DOCTYPE",
        lambda p: rewrite(p, {SHEET: with_prolog(LAUGHS)}),
    ),
    Case(
        "billion-laughs-in-shared-strings.xlsx",
        3,
        "DOCTYPE",
        lambda p: rewrite(p, {"xl/sharedStrings.xml": with_prolog(LAUGHS)}),
    ),
    Case(
        "billion-laughs-in-workbook.xlsx",
        3,
        "DOCTYPE",
        lambda p: rewrite(p, {"xl/workbook.xml": with_prolog(LAUGHS)}),
    ),
    Case("xxe-in-sheet.xlsx", 3, "DOCTYPE", lambda p: rewrite(p, {SHEET: with_prolog(XXE)})),
    Case(
        "xxe-in-shared-strings.xlsx",
        3,
        "DOCTYPE",
        lambda p: rewrite(p, {"xl/sharedStrings.xml": with_prolog(XXE)}),
    ),
    Case(
        "xxe-in-workbook.xlsx",
        3,
        "DOCTYPE",
        lambda p: rewrite(p, {"xl/workbook.xml": with_prolog(XXE)}),
    ),
    Case("zip-bomb-ratio.xlsx", 3, "--max-ratio", _zip_bomb_ratio),
    Case("zip-bomb-declared-size.xlsx", 3, "--max-megabytes", _declared_too_large),
    Case("lying-size-header.xlsx", 3, "is larger than the zip says", _declared_too_small),
    Case(
        "far-cell-XFD1048576.xlsx",
        3,
        "--max-cells",
        lambda p: rewrite(p, {SHEET: with_cell(b"XFD1048576")}),
    ),
    Case(
        "beyond-grid-cell.xlsx",
        3,
        "beyond Excel's grid",
        lambda p: rewrite(p, {SHEET: with_cell(b"XFE1")}),
    ),
    Case(
        "far-cell-after-a-tab.xlsx",  # r= not after a space: still found
        3,
        "--max-cells",
        lambda p: rewrite(
            p, {SHEET: with_row(b'<row r="1048576"><c\tr="XFD1048576"><v>1</v></c></row>')}
        ),
    ),
    Case(
        "far-cell-in-single-quotes.xlsx",  # r = 'XFD1048576': XML allows both
        3,
        "--max-cells",
        lambda p: rewrite(
            p, {SHEET: with_row(b"<row r = '1048576'><c r = 'XFD1048576'><v>1</v></c></row>")}
        ),
    ),
    Case(
        "far-cell-in-lower-case.xlsx",  # calamine reads r="xfd1048576" as XFD1048576
        3,
        "--max-cells",
        lambda p: rewrite(p, {SHEET: with_row(b'<row><c r="xfd1048576"><v>1</v></c></row>')}),
    ),
    Case(
        "five-thousand-digit-row.xlsx",  # too long a number to convert: past the grid
        3,
        "beyond Excel's grid",
        lambda p: rewrite(p, {SHEET: with_cell(b"A" + b"9" * 5000)}),
    ),
    Case("merge-bomb.xlsx", 3, "--max-merges", _merge_bomb),
    Case("merge-bomb-prefixed.xlsx", 3, "--max-merges", _prefixed_merge_bomb),  # <x:mergeCell>
    Case("far-merge-prefixed.xlsx", 3, "--max-cells", _prefixed_far_merge),
    # a dimension as far as the grid over cells that are not: the cells are read, the
    # dimension is not handed to the reader (it would size its grid by it)
    Case("dimension-lie.xlsx", 0, "", _dimension_lie),
    # a format left on the grid's last cell or row, nothing in it (trial 47): read as Excel
    # shows it, the empty cell and row nowhere
    Case(
        "formatted-cell-at-the-grid-s-end.xlsx",
        0,
        "",
        lambda p: rewrite(
            p,
            {
                SHEET: lambda d: with_row(b'<row r="1048576"><c r="XFD1048576" s="1"/></row>')(
                    d.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" old="', 1)
                )
            },
        ),
    ),
    Case(
        "formatted-row-at-the-grid-s-end.xlsx",
        0,
        "",
        lambda p: rewrite(p, {SHEET: with_row(b'<row r="1048576" s="1" customFormat="1"/>')}),
    ),
    Case("ods-repeat-bomb.ods", 3, "repeated cells", _ods_repeat_bomb),
    Case("ods-xxe.ods", 3, "DOCTYPE", _ods_xxe),
    Case("ods-value-after-a-million-empty-rows.ods", 3, "--max-cells", _ods_far_value),
    Case("xls-dimensions-past-the-grid.xls", 3, "beyond the .xls grid", _xls_dimensions_past_grid),
    Case(
        "xls-encrypted-hiding-its-dimensions.xls",
        3,
        "password-protected",
        _xls_filepass_hiding_far_dimensions,
    ),
    Case(
        "formula-without-value.xlsx", 1, "formula saved without its value", _formula_without_value
    ),
    Case(
        "formula-without-value-prefixed.xlsx",  # <x:f> in <x:c>: still seen
        1,
        "formula saved without its value",
        _prefixed_formula_without_value,
    ),
    Case("million-rows-no-dimension.xlsx", 3, "--max-cells", million_rows(references=True)),
    Case("million-rows-no-references.xlsx", 3, "--max-cells", million_rows(references=False)),
    Case(
        "unplaced-cells-bomb.xlsx", 3, "--max-cells", lambda p: rewrite(p, {SHEET: _unplaced_bomb})
    ),
    Case(
        "unplaced-cells-bomb-prefixed.xlsx",
        3,
        "--max-cells",
        lambda p: rewrite(p, {SHEET: lambda d: with_prefix(_unplaced_bomb(d))}),
    ),
    Case("csv-cp1258.csv", 0, "", _csv_cp1258),
    Case("csv-utf16-unicode-text.txt", 0, "", _csv_utf16),
]


# Text that drives a terminal, from the cells, sheet names and titles of a workbook: OSC 0
# (window title), OSC 8 (hyperlink), CSI 2J (clear screen), RIS (reset), NUL, C1 controls
# (CSI, OSC, ST as single bytes), DEL, a right-to-left override and an isolate, a carriage
# return (writes over the line), rich markup (which would make a link) and HTML.
PAYLOAD = (
    "\x1b]0;pwned\x07"
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    "\x1b[2J\x1bc\x00\x9b31m\x9d0;t\x9c\x7f\u202e\u2066\r"
    "[link=https://evil.example/]x[/link]<script>alert(1)</script>"
)


def _xml_text(text: str) -> bytes:
    from xml.sax.saxutils import escape

    # a carriage return as a reference: written raw, XML reads it as a line feed
    return escape(text, {'"': "&quot;", "\r": "&#13;"}).encode("utf-8")


def control_characters_workbook(path: Path) -> None:
    """A consolidated sheet whose sheet name, title, one unit's name, one count cell and
    one extra column's header carry PAYLOAD: each reaches a finding or a table."""
    payload = _xml_text(PAYLOAD)

    def sheet(data: bytes) -> bytes:
        data = data.replace(b"N\xc4\x82M 2023</t>", b"N\xc4\x82M 2023" + payload + b"</t>", 1)
        data = data.replace(
            "<t>Quận Ba Đình</t>".encode(), "<t>Quận Ba Đình".encode() + payload + b"</t>"
        )
        data = data.replace(
            b'<c r="C9" t="n"><v>1200</v></c>',
            b'<c r="C9" t="inlineStr"><is><t>12' + payload + b"</t></is></c>",
        )
        data = data.replace(
            b'</row><row r="7">',
            b'<c r="I6" t="inlineStr"><is><t>' + payload + b'</t></is></c></row><row r="7">',
            1,
        )
        return data

    def workbook(data: bytes) -> bytes:
        return data.replace('name="Kết nạp"'.encode(), 'name="Kết nạp'.encode() + payload + b'"')

    rewrite(path, {SHEET: sheet, "xl/workbook.xml": workbook})


def build(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        case.make(folder / case.name)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
