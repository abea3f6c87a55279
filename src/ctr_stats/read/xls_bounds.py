"""An .xls (BIFF5/BIFF8) sheet's area, bounded before python-calamine parses the file.

Given an .xls, calamine allocates a sheet's grid from its first to its last cell holding a
value, and reserves room for what the sheet's DIMENSIONS record claims: a number at row
65,536 of a sheet 40 columns wide took 1.2 GB, and a DIMENSIONS record claiming four
billion rows aborts the process (SIGABRT, which nothing can catch). So the workbook stream
is walked here first, record by record, with olefile and struct: for each sheet (found,
as calamine finds it, at the offset its BOUNDSHEET record gives), the last row and
column of the cells holding a value (NUMBER, RK, MULRK, LABEL, LABELSST, RSTRING,
BOOLERR, FORMULA: calamine leaves blank and merged cells out of the grid) are held to
--max-cells and to the .xls grid (65,536 rows × 256 columns), its DIMENSIONS to the grid,
and its merged ranges to --max-merges. A refusal names the file, the sheet and the far
cell, as an .xlsx's does (read/safety.py).

The same walk notes the rows and columns hidden in Excel (a ROW record's fDyZero flag, a
COLINFO record's fHidden), which calamine does not say: their figures are reported, not
added, as an .xlsx's are.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import column_letter
from .safety import Hidden, SheetRefused, beyond_grid, limit_error, password_protected, too_large

XLS_MAX_ROWS = 65_536
XLS_MAX_COLUMNS = 256
XLS_GRID = ("lưới của tệp .xls", "the .xls grid", XLS_MAX_ROWS, XLS_MAX_COLUMNS)

_BOF, _EOF, _BOUNDSHEET, _FILEPASS, _CODEPAGE = 0x0809, 0x000A, 0x0085, 0x002F, 0x0042
_DIMENSIONS, _MERGEDCELLS, _MULRK, _ROW, _COLINFO = 0x0200, 0x00E5, 0x00BD, 0x0208, 0x007D
# ROW (BIFF3 to BIFF8, laid out alike): the row at offset 0, option flags from offset 12;
# 0x20 (fDyZero) marks the row hidden, by hand, a filter or a collapsed outline group
_ROW_FLAGS, _ROW_HIDDEN = 12, 0x20
# COLINFO (BIFF3 to BIFF8): the first and last column of a range at offsets 0 and 2, option
# flags at 8; 0x01 (fHidden) hides them, by hand or in a collapsed outline group
_COLUMN_FLAGS, _COLUMN_HIDDEN = 8, 0x01
# records of one cell holding a value, its row and column first: FORMULA, NUMBER, LABEL,
# BOOLERR, RK, LABELSST, RSTRING
_CELLS = frozenset({0x0006, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6})
_HEADER = struct.Struct("<HH")

_PLACE = struct.Struct("<HH")


def check_xls(path: Path, data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, Hidden]:
    """The hidden rows and columns of each sheet that has any, by sheet name. Raises
    InputError when a sheet of the .xls in `data` reaches past a limit, or when the file
    is not a readable OLE2 workbook. An encrypted workbook (FILEPASS) is refused here:
    its sheets cannot be walked, and python-calamine reads one whose FILEPASS it does not
    understand as if it were not there, unbounded."""
    stream = _workbook_stream(path, data)
    sheets, encrypted = _boundsheets(stream)
    if encrypted:
        raise password_protected(path)
    walked = 0
    hidden: dict[str, Hidden] = {}
    for offset, name in sorted(set(sheets)):
        size, found = _check_sheet(path, stream, offset, name, limits)
        walked += size
        if walked > 4 * len(stream) + 4096:  # sheets said to start inside each other
            raise _damaged(path, "sheets overlap")
        if found.rows or found.columns:
            held = hidden.setdefault(name, Hidden())
            held.rows |= found.rows
            held.columns += found.columns
    return hidden


def _workbook_stream(path: Path, data: bytes) -> bytes:
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            for name in ("Workbook", "Book"):  # BIFF8, BIFF5
                if ole.exists(name):
                    stream: bytes = ole.openstream(name).read()
                    return stream
    except Exception as exc:  # olefile raises several types on a damaged container
        raise _damaged(path, str(exc)) from exc
    raise _damaged(path, "no Workbook stream")


def _damaged(path: Path, why: str) -> InputError:
    return InputError(
        "tệp .xls bị hỏng: hãy xin đơn vị gửi lại tệp",
        f"the .xls file is damaged ({why})",
        file=str(path),
    )


def _boundsheets(stream: bytes) -> tuple[list[tuple[int, str]], bool]:
    """The sheets (their substream's offset, their name) the workbook globals list, and
    whether the workbook is encrypted."""
    sheets: list[tuple[int, str]] = []
    biff8, codepage = True, "cp1252"
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, size = _HEADER.unpack_from(stream, pos)
        body = stream[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if kind == _BOF and len(body) >= 2:
            biff8 = int.from_bytes(body[:2], "little") >= 0x0600
        elif kind == _FILEPASS:
            return sheets, True
        elif kind == _CODEPAGE and len(body) >= 2:
            number = int.from_bytes(body[:2], "little")
            codepage = f"cp{number}" if number not in (1200, 0x8000, 0x8001) else "cp1252"
        elif kind == _BOUNDSHEET and len(body) >= 7:
            offset = int.from_bytes(body[:4], "little")
            sheets.append((offset, _sheet_name(body, biff8, codepage)))
        elif kind == _EOF:
            break
    return sheets, False


def _sheet_name(body: bytes, biff8: bool, codepage: str) -> str:
    count = body[6]
    if biff8 and len(body) >= 8:
        if body[7] & 1:
            return body[8 : 8 + 2 * count].decode("utf-16-le", "replace")
        return body[8 : 8 + count].decode("latin-1")
    try:
        return body[7 : 7 + count].decode(codepage, "replace")
    except LookupError:  # a code page Python does not know
        return body[7 : 7 + count].decode("cp1252", "replace")


def _check_sheet(
    path: Path, stream: bytes, offset: int, name: str, limits: Limits
) -> tuple[int, Hidden]:
    """One sheet's records, from its BOF to its EOF (nested BOF-EOF pairs, an embedded
    chart's, read through); the bytes walked, and the rows and columns hidden."""
    pos, end, depth = offset, len(stream), 0
    hidden = Hidden()
    last_row = last_column = merges = 0  # 1-based: the area so far
    down = across = (0, 0)  # the cells that reach farthest down and across (0-based)
    cells, unpack = _CELLS, _HEADER.unpack_from
    while pos + 4 <= end:
        kind, size = unpack(stream, pos)
        at = pos + 4
        pos = at + size
        if kind in cells or kind == _MULRK:
            if size < 4:
                continue
            row, column = _PLACE.unpack_from(stream, at)
            if kind == _MULRK and size >= 6:
                column = int.from_bytes(stream[at + size - 2 : at + size], "little")
            if row >= last_row or column >= last_column:
                if row >= last_row:
                    last_row, down = row + 1, (row, column)
                if column >= last_column:
                    last_column, across = column + 1, (row, column)
                if last_column > XLS_MAX_COLUMNS:
                    place = f"{column_letter(across[1])}{across[0] + 1}"
                    raise beyond_grid(  # the cell's own row and column
                        path, name or "?", place, across[0] + 1, last_column, XLS_GRID
                    ).named(name)
                if last_row * last_column > limits.max_cells:
                    far = (
                        down if last_row / XLS_MAX_ROWS >= last_column / XLS_MAX_COLUMNS else across
                    )
                    place = f"{column_letter(far[1])}{far[0] + 1}"
                    raise too_large(
                        path, name or "?", place, last_row, last_column, XLS_GRID
                    ).named(name)
        elif kind == _ROW:
            # a record cut short by the stream's end hides nothing
            if size > _ROW_FLAGS and pos <= end and stream[at + _ROW_FLAGS] & _ROW_HIDDEN:
                hidden.rows.add(stream[at] | (stream[at + 1] << 8))
        elif kind == _COLINFO:
            if size > _COLUMN_FLAGS and pos <= end and stream[at + _COLUMN_FLAGS] & _COLUMN_HIDDEN:
                first, last = _PLACE.unpack_from(stream, at)
                if first <= last:
                    hidden.columns.append((first, last))
        elif kind == _DIMENSIONS:
            _check_dimensions(path, name, stream[at:pos])
        elif kind == _MERGEDCELLS and size >= 2:
            merges += int.from_bytes(stream[at : at + 2], "little")
            if merges > limits.max_merges:
                raise limit_error(
                    path,
                    f"trang tính '{name}' có {merges} vùng gộp ô",
                    f"sheet '{name}' has {merges} merged areas",
                    "--max-merges",
                    name,
                )
        elif kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
    return pos - offset, hidden


def _check_dimensions(path: Path, name: str, body: bytes) -> None:
    """DIMENSIONS: first row, last row + 1 (32-bit in BIFF8, 16-bit before), first
    column, last column + 1. calamine reserves room for that area: past the grid, the
    process aborts."""
    if len(body) >= 14:
        _, rows, _, columns = struct.unpack_from("<IIHH", body)
    elif len(body) >= 8:
        _, rows, _, columns = struct.unpack_from("<HHHH", body)
    else:
        return
    if rows > XLS_MAX_ROWS or columns > XLS_MAX_COLUMNS:
        area = f"A1:{column_letter(max(columns, 1) - 1)}{max(rows, 1)}"

        def say(vi: str, en: str) -> tuple[str, str]:
            return (
                f"{vi} khai báo vùng dữ liệu {area} (bản ghi DIMENSIONS), ngoài lưới của tệp"
                f" .xls ({XLS_MAX_ROWS} dòng × {XLS_MAX_COLUMNS} cột): tệp hỏng hoặc đã bị"
                " sửa, không được mở; hãy xin đơn vị gửi lại tệp",
                f"{en} declares a used area {area} (its DIMENSIONS record), beyond the .xls"
                f" grid ({XLS_MAX_ROWS} rows × {XLS_MAX_COLUMNS} columns): the file is damaged"
                " or tampered with, not opened; ask the unit to send it again",
            )

        raise SheetRefused(path, name or "?", say, area).named(name)
