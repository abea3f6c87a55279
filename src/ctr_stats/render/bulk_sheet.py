"""An xlsxwriter worksheet that also takes whole rows at once, for the annex's big sheets.

xlsxwriter spends about 5 µs of Python on a cell: a named tuple kept per cell when it is
written, then the XML built attribute by attribute when the workbook closes. The annex for
a national roll-up has close to a million cells, so that is 5 s. A row given to `put_rows`
becomes its XML at once (about 0.5 µs a cell), kept until the sheet is written, exactly as
xlsxwriter writes the same cells: tests/test_bulk_sheet.py compares the two byte for byte,
so an xlsxwriter that writes differently fails there, not in a user's Excel. Everything else
on the sheet (cells written the usual way, merged ranges, formats, conditional formats, print
settings, the cached values of a chart) is xlsxwriter's own.

It leans on a few of xlsxwriter's internals (`_write_rows`, `_write_row`, `row_info` from
3.3 on, the shared string table, `_check_dimensions`, `_get_range_data`, `_prepare_formula`,
`_has_dynamic_function`, before 3.3.4 `re_dynamic_function`); pyproject.toml keeps xlsxwriter within 3.x, and the byte-for-byte
tests are the guard.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from math import isfinite
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

try:  # 3.3.4 on: a function (the regex it replaced is gone)
    from xlsxwriter.worksheet import _has_dynamic_function
except ImportError:  # 3.3.0 to 3.3.3
    from xlsxwriter.worksheet import re_dynamic_function

    def _has_dynamic_function(formula: str) -> bool:
        return bool(re_dynamic_function.search(formula))


class Formula:
    """A formula cell for `put_rows`, as `write_formula(row, col, text, fmt, cached)` writes
    it: the cached result a number, "" for none, or a text (an error code such as #DIV/0!)."""

    __slots__ = ("cached", "fmt", "text")

    def __init__(self, text: str, fmt: Format | None, cached: int | float | str) -> None:
        self.text = text
        self.fmt = fmt
        self.cached = cached


# A cell given to `put_rows`: (value, format), a str alone (text without a format), a
# Formula, or None for no cell. The value is a str (a shared string, as write_string keeps
# it), an int or float, or None (a blank that only carries its format, as write_blank).
Cell = tuple[str | int | float | None, Format | None] | str | Formula | None

_EXCEL_STRING_MAX = 32767  # UTF-16 code units, Excel's limit for a cell
_EXACT = 2**53  # ints below this in size are exact floats: .16G writes them in full


class BulkSheet(Worksheet):  # type: ignore[misc]  # xlsxwriter has no type stubs
    fh: Any  # where xlsxwriter writes the sheet's XML

    def __init__(self) -> None:
        super().__init__()
        self._bulk: dict[int, tuple[str, int, int]] = {}  # row -> its cells' XML, first, last col
        self._style: dict[Format | None, str] = {None: ""}  # format -> ' s="N"'
        self._unchanged_shapes: dict[str, bool] = {}  # see _prepare_formula

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        """xlsxwriter's, which runs some thirty patterns on every formula (the annex's
        `--formulas` writes 100,000), told apart by the formula's shape: its digits as 0. A
        formula it leaves as it is, but for the leading "=" and array braces, leaves every
        formula of that shape as it is. Its patterns are names followed by "(", none with a
        digit, so digits decide none of their matches; with future functions on, whose
        names have digits (T.DIST.2T), every formula goes to xlsxwriter."""
        if expand_future_functions or self.use_future_functions:
            return str(super()._prepare_formula(formula, expand_future_functions))
        shape = formula.translate(_DIGITS_AS_ZERO)
        unchanged = self._unchanged_shapes.get(shape)
        if unchanged is None:
            unchanged = self._unchanged_shapes[shape] = super()._prepare_formula(
                shape
            ) == _stripped(shape)
        return _stripped(formula) if unchanged else str(super()._prepare_formula(formula))

    def put_rows(self, first_row: int, rows: Iterable[Sequence[Cell]]) -> int:
        """Put rows of cells from `first_row` down, the first cell of each in column A;
        return the row after the last. Row and column formats do not apply to these cells:
        give each its format (a str alone is text without one, the quickest cell to put). A
        format gets its index here, when first used, as in xlsxwriter's constant_memory
        mode, so a row's XML is made once, now."""
        if self.constant_memory:  # rows are then streamed out as written; these would be lost
            raise ValueError("bulk rows need a workbook without constant_memory")
        strings = self.str_table
        string_index = strings.string_table
        unique = strings.unique_count
        count = strings.count
        style = self._style
        letters = _LETTERS
        bulk = self._bulk
        table = self.table
        row = first_row
        first_col, last_col = self.xls_colmax, -1
        kept_rows: list[int] = []
        try:
            for cells in rows:
                if row in bulk or table.get(row):
                    raise ValueError(f"row {row + 1} already has cells")
                r = str(row + 1)
                parts = []
                low = high = -1
                for col, cell in enumerate(cells):
                    if cell is None:
                        continue
                    value: str | int | float | Formula | None
                    if isinstance(cell, str):  # text without a format (Nguồn: 640,000 of them)
                        value, fmt, s = cell, None, ""
                    else:
                        value, fmt = (cell, cell.fmt) if isinstance(cell, Formula) else cell
                        style_of = style.get(fmt)
                        if style_of is None:
                            style_of = style[fmt] = f' s="{fmt._get_xf_index()}"'  # type: ignore[union-attr]
                        s = style_of
                    if value.__class__ is str:
                        # the shared string table's own bookkeeping, inlined (a million calls)
                        index = string_index.get(value)
                        if index is None:  # a new string, or a long one kept cut
                            if len(value) > _EXCEL_STRING_MAX // 2:
                                value = _fit(value)
                                index = string_index.get(value)
                            if index is None:
                                index = string_index[value] = unique
                                unique += 1
                        count += 1
                        parts.append(f'<c r="{letters[col]}{r}"{s} t="s"><v>{index}</v></c>')
                    elif value is None:
                        if fmt is None:  # as write_blank: a blank without a format is no cell
                            continue
                        parts.append(f'<c r="{letters[col]}{r}"{s}/>')
                    elif isinstance(value, Formula):
                        parts.append(self._formula_xml(f"{letters[col]}{r}", s, value))
                    elif value.__class__ is int and -_EXACT < value < _EXACT:
                        # a count: str() is what .16G gives it, 3× faster
                        parts.append(f'<c r="{letters[col]}{r}"{s}><v>{value}</v></c>')
                    else:
                        if not isfinite(value):  # type: ignore[arg-type]
                            raise ValueError(f"{value} in row {row + 1} is not a number for Excel")
                        parts.append(f'<c r="{letters[col]}{r}"{s}><v>{value:.16G}</v></c>')
                    if low < 0:
                        low = col
                    high = col
                if parts:
                    bulk[row] = ("".join(parts), low, high)
                    kept_rows.append(row)
                    if low < first_col:
                        first_col = low
                    if high > last_col:
                        last_col = high
                row += 1
        finally:
            strings.unique_count = unique
            strings.count = count
        if kept_rows:
            if kept_rows[-1] >= self.xls_rowmax or last_col >= self.xls_colmax:
                raise ValueError(
                    f"{row:,} rows or {last_col + 1} columns are past what an Excel sheet holds"
                )
            self._check_dimensions(kept_rows[0], first_col)
            self._check_dimensions(kept_rows[-1], last_col)
        return row

    def _formula_xml(self, ref: str, style: str, formula: Formula) -> str:
        """The cell as xlsxwriter's write_formula keeps it and writes it at close."""
        text, cached = formula.text, formula.cached
        if _has_dynamic_function(text) or (text.startswith("{") and text.endswith("}")):
            raise ValueError(f"{text} is an array formula: write it with write_formula")
        if isinstance(cached, bool):  # xlsxwriter writes it as 1 or 0 but caches True
            raise ValueError(f"{text}: a TRUE/FALSE result: write it with write_formula")
        kind = ""
        if isinstance(cached, str) and cached:
            kind = ' t="e"' if cached in _ERROR_CODES else ' t="str"'
        prepared = _escape_data(self._prepare_formula(text))
        return f'<c r="{ref}"{style}{kind}><f>{prepared}</f><v>{_escape_data(cached)}</v></c>'

    # At close: xlsxwriter's own rows and the bulk rows, in row order.
    def _write_rows(self) -> None:
        if not self._bulk:
            super()._write_rows()
            return
        if self.comments:
            raise ValueError("a sheet with bulk rows cannot hold comments")
        spans = self._spans()
        row_info = self.row_info
        table = self.table
        bulk = self._bulk
        plain_row = self._plain_row_attributes()
        write = self.fh.write
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            span = spans.get(row_num >> 4)
            put = bulk.pop(row_num, None)  # written once; let it go
            if put is not None:
                if table.get(row_num):
                    raise ValueError(f"row {row_num + 1} has cells written both ways")
                if row_num in row_info:
                    self._write_row(row_num, span, row_info[row_num])
                    write(f"{put[0]}</row>")
                else:
                    spans_attr = f' spans="{span}"' if span else ""
                    write(f'<row r="{row_num + 1}"{spans_attr}{plain_row}{put[0]}</row>')
            elif table.get(row_num):
                self._write_row(row_num, span, row_info.get(row_num))
                own = table[row_num]
                for col in sorted(own):
                    self._write_cell(row_num, col, own[col])
                self._xml_end_tag("row")
            elif row_num in row_info:
                self._write_row(row_num, span, row_info[row_num], empty_row=True)

    def _get_range_data(
        self, row_start: int, col_start: int, row_end: int, col_end: int
    ) -> list[str | None]:
        """A chart's cached values, as xlsxwriter reads them from its cells: numbers as text,
        strings as they are, "" for a blank, None where there is no cell."""
        data: list[str | None] = []
        for row_num in range(row_start, row_end + 1):
            put = self._bulk.get(row_num)
            if put is None:
                data.extend(super()._get_range_data(row_num, col_start, row_num, col_end))
                continue
            xml, r = put[0], row_num + 1
            for col in range(col_start, col_end + 1):
                at = xml.find(f'<c r="{_LETTERS[col]}{r}"')
                if at < 0:
                    data.append(None)
                    continue
                kind, formula, value = _CELL.match(xml, at).groups()  # type: ignore[union-attr]
                if kind == "s":
                    data.append(self.str_table._get_shared_string(int(value)))
                elif formula:  # its cached result, as it was given
                    data.append(_unescape_data(value) if kind else value)
                else:
                    data.append((value or "").lower())  # a blank: ""; numbers cached as .16g
        return data

    def _plain_row_attributes(self) -> str:
        """What xlsxwriter writes in a <row> tag after r and spans for a row without its own
        height or format (the sheet's default height, Excel 2010 extensions)."""
        real_fh, self.fh = self.fh, io.StringIO()
        try:
            self._write_row(0, None, None)
            tag: str = self.fh.getvalue()
        finally:
            self.fh = real_fh
        return tag[len('<row r="1"') :]

    def _spans(self) -> dict[int, str]:
        """The <row spans> hint, as xlsxwriter computes it: the columns used in each block of
        16 rows, one-based."""
        used: dict[int, tuple[int, int]] = {}
        for row_num, own in self.table.items():
            if own:
                _widen(used, row_num >> 4, min(own), max(own))
        for row_num, (_, low, high) in self._bulk.items():  # inlined: a call per row
            block = row_num >> 4
            old = used.get(block)
            if old is None:
                used[block] = (low, high)
            elif low < old[0] or high > old[1]:
                used[block] = (min(old[0], low), max(old[1], high))
        return {block: f"{lo + 1}:{hi + 1}" for block, (lo, hi) in used.items()}


def write_cells(sheet: Worksheet, row: int, cells: Sequence[Cell], start: int = 0) -> None:
    """The same cells written one by one through xlsxwriter's own methods, on any sheet."""
    for col, cell in enumerate(cells, start=start):
        if cell is None:
            continue
        if isinstance(cell, str):
            sheet.write_string(row, col, cell)
            continue
        if isinstance(cell, Formula):
            sheet.write_formula(row, col, cell.text, cell.fmt, cell.cached)
            continue
        value, cell_format = cell
        if isinstance(value, str):
            sheet.write_string(row, col, value, cell_format)
        elif value is None:
            sheet.write_blank(row, col, None, cell_format)
        else:
            sheet.write_number(row, col, value, cell_format)


_LETTERS = [xl_col_to_name(c) for c in range(16384)]
_CELL = re.compile(
    r'<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?(?: t="(s|str|e)")?(?:/>|>(<f>[^<]*</f>)?<v>([^<]*)</v></c>)'
)
_ERROR_CODES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


def _escape_data(data: object) -> object:
    """As xlsxwriter escapes a formula and its result: &, < and > in text, numbers as they are."""
    if isinstance(data, str) and ("&" in data or "<" in data or ">" in data):
        return data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return data


def _unescape_data(data: str) -> str:
    return data.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _stripped(formula: str) -> str:
    """The formula without its leading "=" and array braces, as xlsxwriter strips them."""
    if formula.startswith("{"):
        formula = formula[1:]
    if formula.startswith("="):
        formula = formula[1:]
    if formula.endswith("}"):
        formula = formula[:-1]
    return formula


def _widen(used: dict[int, tuple[int, int]], block: int, lo: int, hi: int) -> None:
    old = used.get(block)
    used[block] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))


def _fit(text: str) -> str:
    """Cut a string to Excel's 32,767 UTF-16 code units, as xlsxwriter's write_string does."""
    if len(text.encode("utf-16-le")) // 2 <= _EXCEL_STRING_MAX:
        return text
    kept = text.encode("utf-16-le")[: 2 * _EXCEL_STRING_MAX]
    return kept.decode("utf-16-le", errors="ignore")
