"""Files -> cell grids. Knows file formats, nothing about forms or indicators.

A Grid holds a sheet's cells at their real positions (row 0 is Excel's row 1), its merged
ranges and whether it is hidden, so the layout stage can name every cell in A1 notation.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from .. import own_output
from ..errors import InputError, Skipped
from ..limits import DEFAULT_LIMITS, Limits
from ..model import column_letter
from .safety import (
    OLE2_MAGIC,
    XLSX_UNREAD,
    ZIP_MAGIC,
    Hidden,
    Opened,
    archive_passed_over,
    check_ods,
    open_checked,
    password_protected,
    read_exactly,
    read_parts,
    sniff,
    stored_zip,
)
from .text import decode_text, read_text, sniff_delimiter

__all__ = [
    "Checked",
    "Grid",
    "check_file",
    "decode_text",
    "discover",
    "read_file",
    "sniff_delimiter",
]
from .xlsx_extras import SheetExtras, scan_xlsx

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SUPPORTED_SUFFIXES = SPREADSHEET_SUFFIXES | TEXT_SUFFIXES

CellValue = object  # int | float | str | bool | date | None, as the reader gives it
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass(frozen=True)
class Grid:
    file: str
    sheet: str
    rows: list[list[CellValue]]
    merges: tuple[Merge, ...] = ()
    hidden: bool = False
    hidden_rows: frozenset[int] = field(default_factory=frozenset)
    # cells holding a formula that was saved without its value: never read as 0 or empty
    formulas_without_value: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    # cells holding an error value (#REF!, #DIV/0!): calamine gives them as empty
    error_values: dict[tuple[int, int], str] = field(default_factory=dict)
    # hidden columns (an .xlsx's), as ranges: 0-based, inclusive
    hidden_columns: tuple[tuple[int, int], ...] = ()
    # numbers shown as percentages (an .xlsx's percent number format): "100%" is stored as 1
    percent_cells: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    def column_hidden(self, col: int) -> bool:
        return any(low <= col <= high for low, high in self.hidden_columns)

    def value(self, row: int, col: int) -> CellValue:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None


def a1(row: int, col: int) -> str:
    return f"{column_letter(col)}{row + 1}"


def discover(paths: Iterable[Path]) -> list[Path]:
    """The files to read: files as given, directories searched for supported files.

    Hidden files and folders are skipped (Excel's '~$' lock files are listed: reading one
    says which workbook is open, in a note); links to folders are not followed (a loop
    would never end). A file named twice, or inside a folder also
    named, or reached through a link, is read once. What bears a spreadsheet's name and is
    not a regular file (a FIFO, a device, a broken link) is listed too, so that reading it
    says so rather than leaving it out unsaid. (The tool's own outputs are found here and
    passed over when read, by their content: `check_file`.)
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path, key: Path) -> None:
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        if path.is_dir():
            real = path.resolve()
            # a file's real path is its folder's plus its name unless a link is on the way:
            # resolving each one of thousands of files would cost more than reading the list
            for parts, linked in sorted(_walk(path)):
                add(
                    path.joinpath(*parts),
                    path.joinpath(*parts).resolve() if linked else real.joinpath(*parts),
                )
        elif path.exists():
            add(path, path.resolve())
        else:
            raise InputError(
                "không tìm thấy tệp hoặc thư mục", "no such file or folder", file=str(path)
            )
    return found


# what a folder is searched for: the files read, and zip archives (a unit's report sent
# zipped), passed over with a note naming what they hold
_FOUND_SUFFIXES = SUPPORTED_SUFFIXES | {".zip", ".fods"}


def _suffix(name: str) -> str:
    """A file name's suffix, lower-cased, trailing spaces and dots left out ("ba-vi.xlsx ":
    Windows drops them, other systems keep them)."""
    return os.path.splitext(name.rstrip(" ."))[1].lower()


def _walk(folder: Path, above: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], bool]]:
    """(path parts below the folder searched, whether the file is a link) of each
    supported file, in no particular order. Links to folders are not followed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # as Path.rglob did: a folder this user may not open, or gone, is passed
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        parts = (*above, name)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), parts)
        elif not entry.is_dir() and _suffix(name) in _FOUND_SUFFIXES:
            # Excel's lock file too: read, it says which workbook is open (a note), so a
            # clerk still editing one is told the saved copy was read
            yield parts, entry.is_symlink()


@dataclass(frozen=True)
class Checked:
    """A file that passed the safety checks: the bytes the reader is to parse (the checked
    parts, repacked), what python-calamine does not say about its sheets, or for a text
    file its one grid, read already."""

    path: Path
    data: bytes
    extras: dict[str, SheetExtras] = field(default_factory=dict)
    text: Grid | None = None


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[Grid]:
    """Every sheet of a file as grids (a text file is one grid named after the file).

    The file is read as what its content says it is (an .xls named .xlsx is read as .xls),
    and checked against `limits` before any parser sees it. Its bytes are read once."""
    return read_checked(check_file(path, limits))


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Checked:
    """The first half of `read_file`: the file's bytes read and checked, nothing parsed
    but what the checks need. Raises InputError; `Skipped` for a file that is no unit's
    report (the tool's own output, Excel's lock file)."""
    with Opened(path, limits) as opened:
        head = opened.head()
        if not head:
            raise InputError("tệp rỗng (0 byte)", "the file is empty (0 bytes)", file=str(path))
        if path.name.startswith("~$") and not head.startswith((*ZIP_MAGIC, OLE2_MAGIC)):
            raise _lock_file(path)
        if _suffix(path.name) == ".zip" and not head.startswith(ZIP_MAGIC):
            raise archive_passed_over(path, [])
        kind = sniff(head)
        unread_format = _xml_spreadsheet(path, head, kind)
        if unread_format is not None:
            raise unread_format
        if kind == "text":  # read as it streams in, never held whole
            if own_output.text_is_own(own_output.head_text(head)):
                raise _own_output(path)
            rows = cast("list[list[CellValue]]", read_text(path, opened, limits))
            grid = Grid(file=str(path), sheet=path.stem, rows=rows)
            if _suffix(path.name) in SPREADSHEET_SUFFIXES and not _looks_like_a_table(grid.rows):
                raise InputError(
                    f"tệp mang đuôi {path.suffix} nhưng chứa văn bản, không phải bảng tính",
                    f"the file is named {path.suffix} but holds plain text, not a spreadsheet",
                    file=str(path),
                )
            return Checked(path, b"", text=grid)
        data = opened.read_all()
    kind, archive = open_checked(path, data)
    if kind == "xlsx" and archive is not None:
        whole = memoryview(data)
        if own_output.package_is_own(archive, lambda info: read_exactly(whole, info)):
            archive.close()
            raise _own_output(path)
    extras: dict[str, SheetExtras] = {}
    if kind == "xls":  # its sheets' areas bounded before calamine allocates them
        from .xls_bounds import check_xls

        if own_output.xls_is_own(data):
            raise _own_output(path)

        extras = _hidden_only(check_xls(path, data, limits))
    if archive is not None:
        with archive:
            # an .xlsx's sheets bounded as they are inflated (SheetScan)
            parts = read_parts(
                path, limits, archive, XLSX_UNREAD if kind == "xlsx" else (), sheets=kind == "xlsx"
            )
        if kind == "xlsx":
            try:
                extras = scan_xlsx(parts)
            except Exception as exc:  # malformed XML in a sheet, workbook.xml or its rels
                raise InputError(
                    f"tệp bảng tính bị hỏng: {exc}",
                    f"the workbook is damaged: {exc}",
                    file=str(path),
                ) from exc
        else:
            if own_output.ods_is_own(parts.get("meta.xml", b"")):
                raise _own_output(path)
            extras = _hidden_only(check_ods(path, parts.get("content.xml", b""), limits))
        # what the reader parses: the parts as checked (the index is still at hand, closed)
        data = stored_zip(archive, parts) or data
        del parts
    return Checked(path, data, extras)


# spreadsheets written as one XML document, which no reader here parses: LibreOffice's flat
# ODS (.fods) and Excel 2003's XML Spreadsheet (often named .xls)
_FLAT_ODS = re.compile(rb"<office:document[\s>]")  # not an .ods's <office:document-content
_EXCEL_2003_XML = re.compile(
    rb"urn:schemas-microsoft-com:office:spreadsheet|progid=\"Excel\.Sheet\""
)


def _xml_spreadsheet(path: Path, head: bytes, kind: str | None) -> InputError | None:
    """A spreadsheet saved as one XML document: refused, naming the format and what to save
    it as (read as text, it held no table and its unit went missing unsaid: trial 46).
    `kind`: what the head says the file is (`sniff`)."""
    if kind in ("zip", "xls"):
        return None  # a workbook, whatever it holds
    if _suffix(path.name) == ".fods" or _FLAT_ODS.search(head):
        what = (
            "bảng tính LibreOffice dạng phẳng (.fods)",
            "a LibreOffice flat spreadsheet (.fods)",
        )
        app = "LibreOffice"
    elif _EXCEL_2003_XML.search(head):
        what = ("bảng tính XML của Excel 2003", "an Excel 2003 XML Spreadsheet")
        app = "Excel"
    else:
        return None
    return InputError(
        f"{what[0]}: ctr-stats không đọc định dạng này; mở tệp trong {app} và lưu thành .xlsx"
        " rồi chạy lại",
        f"{what[1]}: ctr-stats does not read this format; open the file in {app}, save it as"
        " .xlsx and run again",
        file=str(path),
    )


def _hidden_only(hidden: dict[str, Hidden]) -> dict[str, SheetExtras]:
    """What the checks of an .xls or .ods found that calamine does not say: hidden rows
    and columns, and an .ods's merges, by sheet name (the rest of SheetExtras is read from
    an .xlsx only)."""
    return {
        sheet: SheetExtras(
            hidden_rows=found.rows, hidden_columns=found.columns, merges=found.merges
        )
        for sheet, found in hidden.items()
    }


def _looks_like_a_table(rows: list[list[CellValue]]) -> bool:
    """Whether text named like a workbook is a CSV renamed (read as what it is) rather than
    plain text (refused): most of its lines split into the same number of fields, at least
    two, on two lines or more, and a field among them is a number."""
    from ..numbers import AmbiguousNumber, NumberFormatError, parse_number

    lines = [row for row in rows if any(str(v).strip() for v in row)]
    widths = [len(row) for row in lines]
    if not widths:
        return False
    commonest = max(set(widths), key=widths.count)
    if commonest < 2 or widths.count(commonest) < max(2, len(widths) / 2):
        return False
    for row in lines:
        for value in row if len(row) == commonest else ():
            try:
                if str(value).strip() and parse_number(value)[0] is not None:
                    return True
            except AmbiguousNumber:
                return True
            except NumberFormatError:
                continue
    return False


def _own_output(path: Path) -> Skipped:
    return Skipped(
        "own-output",
        "tệp do ctr-stats tạo ra (báo cáo, phụ lục), không phải báo cáo của đơn vị: không đọc",
        "a file ctr-stats wrote (a report, an annex), not a unit's report: not read",
        file=str(path),
    )


def _lock_file(path: Path) -> Skipped:
    original = path.name[2:]
    return Skipped(
        "lock-file",
        f"tệp khóa của Excel, không phải số liệu: Excel tạo ra khi {original} đang mở và xóa"
        " khi đóng (còn lại nếu Excel bị tắt đột ngột); không đọc. Nếu đang sửa"
        f" {original}, hãy lưu và đóng nó rồi chạy lại",
        f"Excel's lock file, no figures: Excel makes it while {original} is open and removes"
        " it on closing (it stays if Excel was stopped abruptly); not read. If you are"
        f" editing {original}, save and close it, then run again",
        file=str(path),
    )


def read_checked(checked: Checked) -> list[Grid]:
    """The second half of `read_file`: the checked file's sheets as grids."""
    if checked.text is not None:
        return [checked.text]
    return list(_read_spreadsheet(checked.path, checked.data, checked.extras))


def preload() -> None:
    """Load what reading a workbook loads on first use (python-calamine; the codec zip
    gives entry names that are not UTF-8), so that forked workers inherit it."""
    import codecs

    import python_calamine  # noqa: F401  (imported where used: `--help` need not wait)

    codecs.lookup("cp437")


def _read_spreadsheet(path: Path, data: bytes, extras: dict[str, SheetExtras]) -> Iterator[Grid]:
    import python_calamine as calamine

    try:
        # from the bytes already read and checked: the content decides the format
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise password_protected(path) from exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine raises several types, a Rust panic among them
        raise InputError(
            f"không mở được tệp bảng tính: {exc}",
            f"cannot open the workbook: {exc}",
            file=str(path),
        ) from exc
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                rows = sheet.to_python(skip_empty_area=False)
                merges = tuple(
                    (r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ()
                ) or tuple(extras[meta.name].merges if meta.name in extras else ())
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:
                raise InputError(
                    f"không đọc được trang tính: {exc}",
                    f"cannot read the sheet: {exc}",
                    file=str(path),
                    sheet=meta.name,
                ) from exc
            sheet_extras = extras.get(meta.name)
            yield Grid(
                file=str(path),
                sheet=meta.name,
                rows=cast("list[list[CellValue]]", rows),  # calamine's lists, not copied
                merges=merges,
                hidden=meta.visible != calamine.SheetVisibleEnum.Visible,
                hidden_rows=frozenset(sheet_extras.hidden_rows) if sheet_extras else frozenset(),
                formulas_without_value=(
                    frozenset(sheet_extras.formulas_without_value) if sheet_extras else frozenset()
                ),
                error_values=sheet_extras.error_values if sheet_extras else {},
                hidden_columns=tuple(sheet_extras.hidden_columns) if sheet_extras else (),
                percent_cells=(
                    frozenset(sheet_extras.percent_cells) if sheet_extras else frozenset()
                ),
            )
