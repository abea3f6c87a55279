"""What calamine does not say about an .xlsx sheet: hidden rows, formulas saved without a
value (a program wrote the formula and never computed it), and error values (#REF!,
#DIV/0!, #N/A), which calamine gives as empty cells.

A sheet's XML is parsed only when a byte search finds a hidden row or a formula in it, so
a tidy workbook costs one look at each part's bytes. Parsing goes through defusedxml.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class SheetExtras:
    # an .xls's and an .ods's hidden rows come from their checks (check_xls, check_ods)
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 0-based
    error_values: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> "#REF!"
    # ranges of hidden columns, 0-based and inclusive (<col min="4" max="16384" hidden="1">:
    # the unused columns to the right hidden, one range, never a set of thousands)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    # an .ods's merged areas (check_ods): calamine gives an .xlsx's and an .xls's, not these
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # numbers shown as percentages (a percent number format): "100%" typed in a count cell
    # is stored as 1
    percent_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 0-based


def _zero(size: str | None) -> bool:
    """Whether a row's height or a column's width is 0: nothing in it can be seen."""
    try:
        return size is not None and float(size) == 0
    except ValueError:
        return False


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


class _SheetTarget:
    """An XML parser's target: it is told of each element of a sheet as it is read."""

    def __init__(
        self, extras: SheetExtras, percent: frozenset[str] = frozenset(), stale: bool = False
    ) -> None:
        self.extras = extras
        self.percent = percent  # the styles (cellXfs indexes) that show a percentage
        # the workbook asks to be computed when opened (fullCalcOnLoad): what a program
        # wrote as a formula's value may be a placeholder, 0 (xlsxwriter writes 0 unless
        # given the value), and Excel shows the right figure over it
        self.stale = stale
        # under `stale`: the formulas whose stored value is 0, and whether any other holds a
        # value (then the writer computed them, and a 0 among them is a 0: scan_xlsx)
        self.zero_formulas: set[tuple[int, int]] = set()
        self.computed = False
        self.in_percent = False
        self.row = -1  # 0-based, of the row being read: a row without r= is the next one
        self.column = -1  # 0-based, of the cell before: a cell without r= is the next one
        self.at: tuple[int, int] | None = None
        self.has_formula = False
        self.has_value = False
        self.in_value = False
        self.is_error = False
        self.value = ""

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition("}")[2]  # "{namespace}c", whatever prefix the file gave it
        if local == "row":
            number = attrs.get("r", "").strip()
            self.row = int(number) - 1 if number.isdigit() else self.row + 1
            self.column = -1
            # a row of height 0 is as hidden as one flagged so (other programs write it)
            if attrs.get("hidden") in ("1", "true") or _zero(attrs.get("ht")):
                self.extras.hidden_rows.add(self.row)
        elif local == "col":
            if attrs.get("hidden") in ("1", "true") or _zero(attrs.get("width")):
                low = attrs.get("min", "1")
                high = attrs.get("max", low)
                self.extras.hidden_columns.append((int(low) - 1, int(high) - 1))
        elif local == "c":
            ref = _CELL_REF.match(attrs.get("r", ""))
            # as python-calamine places it: by its reference, else right of the cell before
            if ref:
                self.at = (int(ref.group(2)) - 1, _column_index(ref.group(1)))
            else:
                self.at = (max(self.row, 0), self.column + 1)
            self.column = self.at[1]
            self.has_formula = self.has_value = False
            self.is_error = attrs.get("t") == "e"
            self.in_percent = attrs.get("s") in self.percent and attrs.get("t", "n") == "n"
            self.value = ""
        elif local == "f":
            self.has_formula = True
        elif local == "v":
            self.in_value = True  # an empty <v/> is no value: openpyxl writes one
        elif local == "is":
            self.has_value = True

    def data(self, content: str) -> None:
        if self.in_value and content.strip():
            self.has_value = True
            if self.is_error or self.stale:
                self.value += content

    def end(self, tag: str) -> None:
        local = tag.rpartition("}")[2]
        if local == "v":
            self.in_value = False
        elif local == "c" and self.at is not None:
            missing = self.has_formula and not self.has_value
            percent = self.in_percent and self.has_value
            at = self.at
            if self.stale and self.has_formula and self.has_value and not self.is_error:
                if _PLACEHOLDER.fullmatch(self.value):
                    self.zero_formulas.add(at)
                else:
                    self.computed = True
            if missing:
                self.extras.formulas_without_value.add(at)
            elif self.is_error and self.has_value:
                self.extras.error_values[at] = self.value.strip()[:20]
            elif percent:
                self.extras.percent_cells.add(at)
            self.at = None


# a formula's value as a program writes it before anything is computed
_PLACEHOLDER = re.compile(r"\s*0?(?:\.0*)?\s*")
# workbook.xml asking to be computed when opened: <calcPr fullCalcOnLoad="1"/>
_COMPUTED_ON_OPENING = re.compile(rb"""fullCalcOnLoad\s*=\s*["'](?:1|true)["']""")

# the parts of an .xlsx that are no worksheet, by their usual names: any other XML part may
# be one (the standard lets a workbook name its sheets' parts as it likes: "xl/ws/s1.xml")
NOT_SHEETS = (
    "[Content_Types].xml",
    "_rels/",
    "docProps/",
    "customXml/",
    "xl/_rels/",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
    "xl/calcChain.xml",
    "xl/metadata.xml",
    "xl/connections.xml",
    "xl/theme/",
    "xl/drawings/",
    "xl/charts/",
    "xl/tables/",
    "xl/comments",
    "xl/threadedComments/",
    "xl/persons/",
    "xl/externalLinks/",
    "xl/pivotTables/",
    "xl/pivotCache/",
    "xl/queryTables/",
    "xl/ctrlProps/",
    "xl/richData/",
    "xl/media/",
    "xl/printerSettings/",
)


def may_be_a_sheet(name: str) -> bool:
    """Whether an .xlsx's part may hold a worksheet: in xl/worksheets/, or an XML part under
    a name no other part of a workbook bears."""
    return name.endswith(".xml") and not name.startswith(NOT_SHEETS)


def sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> the part that holds it, from workbook.xml and its relationships."""
    from defusedxml import ElementTree

    workbook = ElementTree.fromstring(parts["xl/workbook.xml"])
    rels = ElementTree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")
    }
    names: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        names[sheet.get("name", "")] = posixpath.normpath(part)
    return names


def _worth_parsing(data: bytes) -> bool:
    """Any "hidden" (hidden='1' too: the parser decides), or any formula: a sheet with
    formulas has one with its text, ending </f>, or </x:f> where the sheet's elements carry
    a namespace prefix (python-calamine reads such sheets too). A sheet without "f>" has
    neither, and one search tells: each search costs more than the rest of the scan. An
    error value is a cell typed t="e"."""
    if _HIDDEN.search(data) or any(map(_closes_formula, _FORMULA_END.finditer(data))):
        return True
    # in the quotes the sheet's attributes use (its first ones tell): an error value,
    # t="e"; a size of 0, ht="0" or width="0" (the parser tells 0 from 0.75). Literal
    # searches: a pattern of alternatives tries every byte (20 times the cost)
    quote = b"'" if data.find(b"='", 0, 2048) >= 0 else b'"'
    return (
        b" ht=" + quote + b"0" in data  # the space: not pageMargins' right="0.75"
        or b" width=" + quote + b"0" in data
        or bool((_ERROR_SINGLE if quote == b"'" else _ERROR).search(data))
    )


# Searched as patterns, not with `in`: a literal-led pattern skips to its first byte's
# places, where `in` compares at many more (a 10 KB sheet: 3 µs against 9 µs for "f>").
_HIDDEN = re.compile(rb"hidden")
_FORMULA_END = re.compile(rb"f>")


def _closes_formula(at: re.Match[bytes]) -> bool:
    """Whether an "f>" found is the end of "</f>" or of a prefixed "</x:f>"."""
    data, start = at.string, at.start()
    return data[start - 2 : start] == b"</" or data[start - 1 : start] == b":"


_ERROR = re.compile(rb't="e"')
_ERROR_SINGLE = re.compile(rb"t='e'")


# a percent number format: Excel's own (9: "0%", 10: "0.00%"), or one of the file's whose
# code shows "%" (not quoted, not escaped)
_PERCENT_BUILTIN = frozenset({"9", "10"})
_QUOTED = re.compile(r'"[^"]*"|\\.')


def percent_styles(parts: dict[str, bytes]) -> frozenset[str]:
    """The cell styles (indexes into cellXfs, as a cell's s="…" names them) whose number
    format shows a percentage; none, at the cost of a byte search, in most workbooks."""
    data = parts.get("xl/styles.xml")
    if not data or (b"%" not in data and not _BUILTIN_PERCENT_ID.search(data)):
        return frozenset()
    from defusedxml import ElementTree

    root = ElementTree.fromstring(data)
    percent = set(_PERCENT_BUILTIN)
    for fmt in root.iter(f"{{{_MAIN_NS}}}numFmt"):
        if "%" in _QUOTED.sub("", fmt.get("formatCode", "")):
            percent.add(fmt.get("numFmtId", ""))
    xfs = root.find(f"{{{_MAIN_NS}}}cellXfs")
    if xfs is None:
        return frozenset()
    return frozenset(
        str(n)
        for n, xf in enumerate(xfs.iter(f"{{{_MAIN_NS}}}xf"))
        if xf.get("numFmtId", "0") in percent
    )


_BUILTIN_PERCENT_ID = re.compile(
    rb'numFmtId="(?:' + b"|".join(n.encode() for n in sorted(_PERCENT_BUILTIN)) + rb')"'
)


def scan_xlsx(parts: dict[str, bytes]) -> dict[str, SheetExtras]:
    """Hidden rows, formulas without a saved value, error values and numbers shown as
    percentages, by sheet name (only sheets with any).

    The sheets' bytes are searched first; workbook.xml is read, to name the sheets, only
    when one of them has something to parse."""
    percent = percent_styles(parts)
    styled = (
        re.compile(rb'\ss="(?:' + b"|".join(p.encode() for p in sorted(percent)) + rb')"')
        if percent
        else None
    )
    candidates = {
        name: data
        for name, data in parts.items()
        if may_be_a_sheet(name)
        and (_worth_parsing(data) or (styled is not None and styled.search(data)))
    }
    stale = bool(_COMPUTED_ON_OPENING.search(parts.get("xl/workbook.xml", b"")))
    found: dict[str, SheetExtras] = {}
    if not candidates:
        return found
    # ElementTree's parser, not SAX: xml.sax.saxutils imports urllib.request (and with it
    # http, email and ssl), 20 to 40 ms of every run that has a formula; and imported only
    # then (14 M instructions, a twentieth of a second, in a run without)
    from defusedxml.ElementTree import XMLParser

    targets: dict[str, _SheetTarget] = {}
    for name, part in sheet_parts(parts).items():
        sheet_xml = candidates.get(part)
        if sheet_xml is None:
            continue
        target = targets[name] = _SheetTarget(SheetExtras(), percent, stale)
        parser = XMLParser(target=target)
        parser.feed(sheet_xml)
        parser.close()
    # a workbook to be computed when opened whose every formula holds 0: placeholders, as
    # xlsxwriter writes them unless given the values (trial 46: Ba Đình read as all zeros);
    # where any formula holds another value, the writer computed them all
    placeholders = stale and not any(target.computed for target in targets.values())
    for name, target in targets.items():
        extras = target.extras
        if placeholders:
            extras.formulas_without_value |= target.zero_formulas
        if (
            extras.hidden_rows
            or extras.formulas_without_value
            or extras.error_values
            or extras.hidden_columns
            or extras.percent_cells
        ):
            found[name] = extras
    return found
