"""Checks before any parser runs: what a file really is, and whether it is safe to open.

Workbooks come by e-mail and USB stick, and a 4.7 KB .xlsx with one cell at XFD1048576
kills python-calamine outright (SIGABRT, which nothing can catch). So a file is sniffed by
its first bytes, its zip index is checked against limits before anything is decompressed,
its parts are read with their declared sizes as a cap and their CRCs checked, DOCTYPE and
ENTITY declarations are refused, and each sheet's cell references, dimension and merged
areas are bounded, all with the standard library, before calamine sees the file; and what
calamine then parses is those checked parts, repacked uncompressed.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import zip_parts
from ..errors import InputError, PasswordProtected, Skipped
from ..files import special_kind
from ..limits import DEFAULT_LIMITS, Limits
from ..model import column_letter
from .sheet_order import merges_first
from .xlsx_extras import may_be_a_sheet

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
# Every r="..." attribute (either quote, spaces around "=", letters in either case: calamine
# reads r="xfd1048576" too, and aborts on it): cells' (r="XFD1048576") and
# rows' (r="12"). Matching more than cells and rows can only over-count, never let a far
# cell through.
_REF_ROW = re.compile(rb"""r\s*=\s*["'][A-Za-z]*(\d+)""")
_REF_COLUMN = re.compile(rb"""r\s*=\s*["']([A-Za-z]+)\d""")
# A reference past column ZZ or row 999. Without one, a sheet spans at most 702 x 999
# cells (under --max-cells' default) and one search tells so: forms are that small.
# (r\s*=\s*["'](?:[A-Za-z]{3}|[A-Za-z]*\d{4}), written so that no part is tried again:
# three letters or more, or at most two then four digits; a third of the cost.)
_FAR_REF = re.compile(rb"""r\s*+=\s*+["'][A-Za-z]{0,2}+(?:[A-Za-z]|\d{4})""")
_FAR_AREA = re.compile(rb"[A-Za-z]{3}|\d{4}")
_SMALL_AREA = 702 * 999
# A dimension or merged range, its element named with a namespace prefix or without one
# (<mergeCell>, <x:mergeCell>: python-calamine reads both).
_AREA = re.compile(rb"""<(?:[\w.-]+:)?(?:dimension|mergeCell)\b[^>]*?\bref\s*=\s*["']([^"']*)""")
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b")
_MERGE_AREA = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)""")
# a cell that holds something: its tag not closed at once, an element in it (<v>, <f>, <is>),
# or the piece ending after its tag (what it holds comes in the next: counted, to be safe)
_VALUED_CELL = re.compile(
    rb"""<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*["']([A-Za-z]+)(\d+)["'][^>]*(?<!/)>\s*(?:<(?!/)|\Z)"""
)
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*>(?:\s*</(?:[\w.-]+:)?dimension>)?")
_AREA_ROW = re.compile(rb"[A-Za-z]*(\d+)")
_AREA_COLUMN = re.compile(rb"([A-Za-z]+)\d")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def _refuse(path: Path, vi: str, en: str, sheet: str | None = None) -> InputError:
    return InputError(vi, en, file=str(path), sheet=sheet)


def _over_limit(what_vi: str, what_en: str, option: str) -> tuple[str, str]:
    """limit_error's messages."""
    return (
        f"{what_vi}: vượt giới hạn an toàn, tệp không được mở (nếu tệp đúng là như vậy, tăng {option})",
        f"{what_en}: over the safety limit, the file was not opened (if it really is so, raise {option})",
    )


def limit_error(
    path: Path, what_vi: str, what_en: str, option: str, sheet: str | None = None
) -> InputError:
    return _refuse(path, *_over_limit(what_vi, what_en, option), sheet)


class SheetRefused(InputError):
    """A sheet over a limit, known by its part ('sheet2.xml') until `named` gives it the
    name the workbook shows: workbook.xml, which says it, often comes after the sheets in
    the zip, so it is read only once a sheet is refused. `say(label_vi, label_en)` gives
    the messages with the sheet so labelled."""

    def __init__(
        self, path: Path, part: str, say: Callable[[str, str], tuple[str, str]], cell: str | None
    ) -> None:
        self.part, self._say = part, say
        short = part.rsplit("/", 1)[-1]
        super().__init__(*say(f"trang {short}", f"sheet part {short}"), file=str(path), cell=cell)

    def named(self, sheet: str | None) -> InputError:
        """The refusal naming the sheet `sheet` (None: as it was, by its part)."""
        if not sheet:
            return self
        vi, en = self._say(f"trang tính '{sheet}'", f"sheet '{sheet}'")
        return InputError(vi, en, file=self.file, sheet=sheet, cell=self.cell)


_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO does not wait
_O_FLAGS = os.O_RDONLY | _O_NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class Opened:
    """A regular file open for reading, no more of it read than its size said when it was
    opened: a FIFO, a device, a socket or a folder (given directly, through a link or
    found in a folder) is refused before anything is read, and a file that grows while
    it is read (or a /proc-like file that says 0 bytes and never ends) is refused as soon
    as it passes that size. Use as a context manager."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        # what it is, asked of the path first: a FIFO is never opened to be read
        mode, _ = self._stat(lambda: os.stat(path))
        self._refuse_special(mode)
        try:
            self.fd = os.open(path, _O_FLAGS)
        except OSError as exc:
            raise _refuse(
                path, f"không đọc được tệp: {exc.strerror}", f"cannot read the file: {exc.strerror}"
            ) from exc
        try:
            # and of what was opened: the path may have been swapped in between
            mode, self.size = self._stat(lambda: os.fstat(self.fd))
            self._refuse_special(mode)
            if self.size > limits.max_megabytes * 1_000_000:
                raise limit_error(
                    path,
                    f"tệp {self.size // 1_000_000} MB",
                    f"a file of {self.size // 1_000_000} MB",
                    "--max-megabytes",
                )
            if _O_NONBLOCK:
                os.set_blocking(self.fd, True)
        except BaseException:
            os.close(self.fd)
            raise
        self.read_so_far = 0

    def _stat(self, call: Callable[[], os.stat_result]) -> tuple[int, int]:
        try:
            result = call()
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            reason = getattr(exc, "strerror", None) or str(exc)
            raise _refuse(
                self.path, f"không đọc được tệp: {reason}", f"cannot read the file: {reason}"
            ) from exc
        return result.st_mode, result.st_size

    def _refuse_special(self, mode: int) -> None:
        kind = special_kind(mode)
        if kind is not None:
            raise _refuse(
                self.path,
                f"đây là {kind[0]}, không phải một tệp: không đọc",
                f"this is {kind[1]}, not a file: not read",
            )

    def read(self, size: int) -> bytes:
        """Up to `size` bytes more; refused once the file gives more than it said."""
        try:
            data = os.read(self.fd, min(size, self.size + 1 - self.read_so_far))
        except OSError as exc:
            raise _refuse(
                self.path,
                f"không đọc được tệp: {exc.strerror}",
                f"cannot read the file: {exc.strerror}",
            ) from exc
        self.read_so_far += len(data)
        if self.read_so_far > self.size:
            raise _refuse(
                self.path,
                "tệp thay đổi trong khi đang đọc (có thể đang được chép vào?):"
                " hãy chạy lại khi tệp đã xong",
                "the file changed while it was being read (still being copied?):"
                " run again once it is complete",
            )
        return data

    def read_all(self) -> bytes:
        """The rest of the file, up to its size."""
        pieces = []
        while piece := self.read(max(self.size + 1 - self.read_so_far, 1)):
            pieces.append(piece)
        return b"".join(pieces)

    def head(self, size: int = 8192) -> bytes:
        """The first `size` bytes; what is read next starts from the start again."""
        self.rewind()
        head = self.read(size)
        self.rewind()
        return head

    def rewind(self) -> None:
        os.lseek(self.fd, 0, os.SEEK_SET)
        self.read_so_far = 0

    def reader(self) -> io.BufferedReader:
        """The file as a binary stream, read through `read` (so bounded the same way)."""
        return io.BufferedReader(_Raw(self), 1 << 20)

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self) -> Opened:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Raw(io.RawIOBase):
    def __init__(self, opened: Opened) -> None:
        self._opened = opened

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._opened.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def load(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, read once (every check and the reader work on them), after its
    size is checked: a workbook is tens of kilobytes."""
    with Opened(path, limits) as opened:
        data = opened.read_all()
    if not data:
        raise _refuse(path, "tệp rỗng (0 byte)", "the file is empty (0 bytes)")
    return data


def sniff(head: bytes) -> str | None:
    """What a file's first bytes say it is: 'xls' (OLE2), 'zip', 'text' or None."""
    if head.startswith(OLE2_MAGIC):
        return "xls"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head[:8192]:
        return "text"
    return None


def password_protected(path: Path) -> PasswordProtected:
    return PasswordProtected(
        "tệp có mật khẩu: hãy gỡ mật khẩu trong Excel rồi gửi lại",
        "the file is password-protected: remove the password in Excel and send it again",
        file=str(path),
    )


def open_checked(path: Path, data: bytes) -> tuple[str, zipfile.ZipFile | None]:
    """(what the bytes are: 'xlsx', 'ods', 'xls' or 'text', the open zip for the first
    two); refused otherwise. The zip's index is read here once."""
    head = data[:8192]
    if head.startswith(OLE2_MAGIC):
        if _ENCRYPTED_OOXML in data:
            raise password_protected(path)
        return "xls", None
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path, data)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head:
        return "text", None
    raise _refuse(
        path,
        "không phải bảng tính (định dạng không nhận ra)",
        "not a spreadsheet (an unknown format)",
    )


def _zip_kind(path: Path, data: bytes) -> tuple[str, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            return "xlsx", archive
        if "mimetype" in names and archive.read("mimetype").startswith(
            b"application/vnd.oasis.opendocument.spreadsheet"
        ):
            return "ods", archive
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise _refuse(
            path,
            "tệp nén bị hỏng hoặc không trọn vẹn (có thể chép hoặc tải về chưa xong):"
            " hãy xin đơn vị gửi lại tệp",
            f"the file is a damaged or truncated zip ({exc})",
        ) from exc
    archive.close()
    if "word/document.xml" in names:
        raise _refuse(
            path,
            "đây là tệp Word, không phải bảng tính",
            "this is a Word document, not a spreadsheet",
        )
    inside = sorted(n for n in names if _a_spreadsheet_name(n))
    if path.suffix.lower() == ".zip" or inside:  # an archive: passed over, what it holds said
        raise archive_passed_over(path, inside)
    raise _refuse(path, "tệp nén không chứa bảng tính", "a zip file that holds no spreadsheet")


_ARCHIVE_NAMED = 5  # the spreadsheets inside an archive named in its note


def _a_spreadsheet_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1].rstrip(" .")
    return not base.startswith(("~$", ".")) and base.lower().endswith(
        (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
    )


def archive_passed_over(path: Path, inside: list[str]) -> Skipped:
    """A zip of reports (a unit's file sent zipped): never read inside, the spreadsheets it
    holds named, so that a unit missing is looked for there."""
    if not inside:
        return Skipped(
            "empty-archive",
            "tệp nén (.zip) không chứa bảng tính: không đọc",
            "a zip archive that holds no spreadsheet: not read",
            file=str(path),
        )
    named = ", ".join(n.rsplit("/", 1)[-1] for n in inside[:_ARCHIVE_NAMED])
    more = f" và {len(inside) - _ARCHIVE_NAMED} tệp khác" if len(inside) > _ARCHIVE_NAMED else ""
    more_en = f" and {len(inside) - _ARCHIVE_NAMED} more" if len(inside) > _ARCHIVE_NAMED else ""
    return Skipped(
        "archive",
        f"tệp nén (.zip) chứa {named}{more}: ctr-stats không đọc bên trong tệp nén; giải nén"
        " vào thư mục rồi chạy lại nếu cần các số liệu này",
        f"a zip archive holding {named}{more_en}: ctr-stats does not read inside archives;"
        " extract it into the folder and run again if these figures are wanted",
        file=str(path),
    )


# Parts of an .xlsx python-calamine never parses (properties, theme, pictures, printer
# settings): their sizes count against the limits, but they are not decompressed.
XLSX_UNREAD = ("docProps/", "xl/theme/", "xl/media/", "xl/printerSettings/")


_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")


def read_parts(
    path: Path,
    limits: Limits = DEFAULT_LIMITS,
    archive: zipfile.ZipFile | None = None,
    unread: tuple[str, ...] = (),
    sheets: bool = False,
) -> dict[str, bytes]:
    """Every part of an .xlsx, .ods or .docx, checked: limits from the index first, then
    each part read with its declared size as a cap and its CRC verified, and XML parts
    without DOCTYPE or ENTITY declarations. `archive`: the zip already open on the file;
    `unread`: prefixes of parts no parser will read, left compressed; `sheets`: an
    .xlsx's worksheets checked by SheetScan as they are inflated."""
    try:
        if archive is None:
            with zipfile.ZipFile(path) as opened:
                return _checked_parts(path, opened, limits, unread, sheets)
        return _checked_parts(path, archive, limits, unread, sheets)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,  # zipfile's word for a part encrypted with a zip password
    ) as exc:
        raise _refuse(
            path, "tệp nén bị hỏng: hãy xin đơn vị gửi lại tệp", f"the zip is damaged ({exc})"
        ) from exc


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length


_STEP = 1 << 20  # a sheet is inflated and checked a megabyte at a time


def _inflate(
    whole: memoryview, info: zipfile.ZipInfo, scan: SheetScan | None = None
) -> bytes | None:
    """A deflated or stored part straight from the file's bytes with zlib: what
    `ZipFile.open` does, without its layers (a tenth of the cost on small parts). At most
    `file_size + 1` bytes come out, and the CRC is checked. None: left to zipfile.
    `scan`: fed the part as it comes out, which may refuse it before the rest is inflated."""
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None  # encrypted, or another method
    start = info.header_offset
    if start < 0 or start + _LOCAL_HEADER.size > len(whole):
        raise zipfile.BadZipFile(f"bad local header offset for {info.filename}")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(whole, start)
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name = bytes(whole[start + _LOCAL_HEADER.size : start + _LOCAL_HEADER.size + name_length])
    # an ASCII name reads the same in either encoding, and the cp437 codec is Python code
    encoding = "ascii" if name.isascii() else "utf-8" if info.flag_bits & 0x800 else "cp437"
    if name.decode(encoding, "replace") != info.orig_filename:
        raise zipfile.BadZipFile(f"file name in directory and header differ: {info.filename}")
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    raw = whole[begin : begin + info.compress_size]
    if len(raw) != info.compress_size:
        raise zipfile.BadZipFile(f"{info.filename} is truncated")
    if info.compress_type == zipfile.ZIP_STORED:
        data = bytes(raw[: info.file_size + 1])
        if scan is not None:
            check_sheet_bounds_with(scan, data)
    else:
        inflater = zlib.decompressobj(-15)
        try:
            if scan is None:
                data = inflater.decompress(raw, info.file_size + 1)
            else:
                data = _inflate_scanned(inflater, raw, info.file_size + 1, scan)
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"{info.filename}: {exc}") from exc
        if len(data) <= info.file_size and not inflater.eof:
            raise zipfile.BadZipFile(f"{info.filename} ends before its data does")
    if len(data) == info.file_size and zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"bad CRC-32 for {info.filename}")
    if len(data) < info.file_size:
        raise zipfile.BadZipFile(f"{info.filename} is shorter than the zip says")
    return data


def read_exactly(whole: memoryview, info: zipfile.ZipInfo) -> bytes | None:
    """A part's bytes as `ZipFile.open` would give them, when `_inflate` can tell so for
    sure (a tenth of the cost): neither encrypted nor patched, its name decoded as the
    local header says, every byte the zip declares there and its CRC right. None
    otherwise, or on any error: left to zipfile, which says what is wrong as it does."""
    if info.flag_bits & 0x61:  # encrypted, compressed patch data, strong encryption
        return None
    try:
        data = _inflate(whole, info)
        (local_flags,) = struct.unpack_from("<H", whole, info.header_offset + 6)
    except Exception:
        return None
    if data is None or len(data) != info.file_size or (local_flags ^ info.flag_bits) & 0x800:
        return None
    return data


def _inflate_scanned(inflater: Any, raw: memoryview, most: int, scan: SheetScan) -> bytes:
    """At most `most` bytes out of `raw`, 4 MB at a time, each fed to `scan` as it comes."""
    pieces: list[bytes] = []
    produced = 0
    rest: Any = raw
    while produced < most:
        piece = inflater.decompress(rest, min(_STEP, most - produced))
        rest = inflater.unconsumed_tail
        if piece:
            pieces.append(piece)
            produced += len(piece)
            scan.feed(piece, last=inflater.eof)
        if inflater.eof or not (rest or piece):
            break
    scan.finish()
    return b"".join(pieces)


def check_sheet_bounds_with(scan: SheetScan, data: bytes) -> None:
    for start in range(0, len(data), _STEP):
        scan.feed(data[start : start + _STEP], last=start + _STEP >= len(data))
    scan.finish()


def _checked_parts(
    path: Path,
    archive: zipfile.ZipFile,
    limits: Limits,
    unread: tuple[str, ...],
    sheets: bool = False,
) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise limit_error(
            path,
            f"{len(infos)} phần trong tệp nén",
            f"{len(infos)} parts in the zip",
            "--max-parts",
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_megabytes * 1_000_000:
        raise limit_error(
            path,
            f"giải nén ra {total // 1_000_000} MB",
            f"{total // 1_000_000} MB uncompressed",
            "--max-megabytes",
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise limit_error(
                path,
                f"phần {info.filename} nén {ratio}:1",
                f"part {info.filename} compressed {ratio}:1",
                "--max-ratio",
            )
    parts: dict[str, bytes] = {}
    whole = archive.fp.getbuffer() if isinstance(archive.fp, io.BytesIO) else None
    for info in infos:
        if info.is_dir() or (unread and info.filename.startswith(unread)):
            continue
        scan = (
            SheetScan(path, info.filename, limits)
            if sheets and may_be_a_sheet(info.filename)
            else None
        )
        try:
            data = _inflate(whole, info, scan) if whole is not None else None
            if data is None:  # not from memory, or stored in a way only zipfile reads
                with archive.open(info) as handle:
                    data = handle.read(info.file_size + 1)
                    if handle.read(1):
                        data += b"?"
                if scan is not None:
                    check_sheet_bounds_with(scan, data)
        except SheetRefused as refused:
            raise refused.named(_sheet_name(archive, whole, info.filename)) from None
        if scan is not None and scan.precise and len(data) <= info.file_size:
            # bounded by what its cells hold, not by its dimension: python-calamine would
            # size its grid by the dimension (a format left on row 1048576 names it)
            data = _DIMENSION.sub(b"", data, count=1)
        if len(data) > info.file_size:
            raise _refuse(
                path,
                f"kích thước phần {info.filename} ghi sai trong tệp nén",
                f"part {info.filename} is larger than the zip says",
            )
        if (
            info.filename.endswith((".xml", ".rels"))
            and b"!" in data  # byte searches first: "!" is rare in XML, "<" is everywhere
            and b"<!" in data
            and _DECLARATION.search(data)
        ):
            raise _refuse(
                path,
                f"phần {info.filename} có khai báo DOCTYPE/ENTITY (không an toàn)",
                f"part {info.filename} declares a DOCTYPE or ENTITY (unsafe)",
            )
        parts[info.filename] = data
    return parts


_WORKBOOK_INDEX = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")


def _sheet_name(archive: zipfile.ZipFile, whole: memoryview | None, part: str) -> str | None:
    """The name the workbook gives the sheet stored in `part`, from workbook.xml and its
    relationships, read as every part is (size capped, CRC checked, no DOCTYPE, through
    defusedxml); None when they do not say or cannot be read: the refusal then names
    the part."""
    from .xlsx_extras import sheet_parts

    index: dict[str, bytes] = {}
    try:
        for name in _WORKBOOK_INDEX:
            info = archive.getinfo(name)
            data = _inflate(whole, info) if whole is not None else None
            if data is None:
                with archive.open(info) as handle:
                    data = handle.read(info.file_size + 1)
            if len(data) > info.file_size or _DECLARATION.search(data):
                return None
            index[name] = data
        names = sheet_parts(index)
    except Exception:  # a damaged index: the sheet stays named by its part
        return None
    return next((name for name, at in names.items() if at == part and name), None)


def stored_zip(archive: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes | None:
    """The checked parts as a zip of their own, uncompressed: the reader then parses the
    very bytes that were checked, and does not inflate them a second time (a sheet's
    merged areas put before its rows, which saves python-calamine a second read of it:
    sheet_order.py). None when they are too big for a zip without its 64-bit extension
    (past any default limit)."""
    infos = archive.NameToInfo  # what getinfo looks in
    entries = []
    for name, data in _as_the_reader_finds(parts).items():
        # a part is only ever shortened when checked (a sheet's dimension dropped, "./" out
        # of a target) or renamed: its name and size tell whether its CRC is the zip's
        info = infos.get(name)
        crc = info.CRC if info is not None and len(data) == info.file_size else zlib.crc32(data)
        if _SHEET_PART.fullmatch(name) and (moved := merges_first(data)) is not None:
            data, crc = moved, zlib.crc32(moved)
        entries.append((name, data, crc))
    try:
        return b"".join(zip_parts.stored_archive(entries))
    except ValueError:
        return None


_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_SHARED_STRINGS_REL = re.compile(rb"<(?:[\w.-]+:)?Relationship\b[^>]*/sharedStrings[\"'][^>]*>")
_TARGET = re.compile(rb"""\bTarget\s*=\s*["']([^"']*)["']""")


def _as_the_reader_finds(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The parts as python-calamine looks for them, where a workbook names them in ways the
    standard allows and it does not follow (trial 46): relationship targets written
    "./worksheets/sheet1.xml", the shared strings under another name than
    xl/sharedStrings.xml. Other workbooks' parts as they are."""
    rels = parts.get(_WORKBOOK_RELS)
    if rels is None:
        return parts
    if b'Target="./' in rels or b"Target='./" in rels:
        rels = rels.replace(b'Target="./', b'Target="').replace(b"Target='./", b"Target='")
        parts = {**parts, _WORKBOOK_RELS: rels}
    if "xl/sharedStrings.xml" not in parts and (found := _SHARED_STRINGS_REL.search(rels)):
        target = _TARGET.search(found.group())
        if target is not None:
            path = target.group(1).decode("utf-8", "replace")
            part = path.lstrip("/") if path.startswith("/") else posixpath.join("xl", path)
            part = posixpath.normpath(part)
            if part in parts:
                parts = {("xl/sharedStrings.xml" if n == part else n): d for n, d in parts.items()}
    return parts


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + (ch - 64)
    return number


# Rows and cells, and those that say where they stand (r="…"): calamine puts a row or a
# cell without one just after the one before it, so they count too ("dimension or not").
_ROW_START = re.compile(rb"<(?:[\w.-]+:)?row\b")
_ROW_WITH_REF = re.compile(rb"<(?:[\w.-]+:)?row\b[^>]*?\sr\s*=")
_ROW_REF = re.compile(rb"""<(?:[\w.-]+:)?row\b[^>]*?\sr\s*=\s*["']\s*(\d+)""")
_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c\b")
_CELL_WITH_REF = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=")


def _cells(piece: bytes) -> int:
    """At least the cells in a piece of a row (<c, <x:c; <color counts too: over, never under)."""
    return piece.count(b"<c") + piece.count(b":c")


# A row or cell written otherwise than `<row r="1"`, `<c r="A1"` (as Excel, openpyxl,
# xlsxwriter and LibreOffice write them): with no attribute, another attribute first or
# another whitespace; and one named with a namespace prefix (`<x:c`). Searches each led
# by literal characters (one pattern for all would try every position, and one led by
# "<" every tag).
_UNUSUAL_CELL = re.compile(rb"""<c(?:[>/\t\n\r]| (?!r="))""")
_UNUSUAL_ROW = re.compile(rb"""<row(?:[>/\t\n\r]| (?!r="))""")
_PREFIXED_ROW_OR_CELL = re.compile(rb":(?:c|row)\b")
# A row or cell tag other than `<row r="12"`, `<c r="AB123"`: placed otherwise, or past
# column ZZ or row 999. One search finds none in the sheets writers write, and then
# neither the searches for rows and cells placed by counting nor the one for references
# far out are needed (a third of the time of reading such a sheet, bench/).
_ODD_ROW_OR_CELL = re.compile(rb'<(?:c|row)\b(?! r="[A-Za-z]{0,2}+\d{1,3}+")')


def _all_placed(chunk: bytes) -> bool:
    """Whether every row and cell of a piece of a sheet names its place (r= first, as
    writers put it): then nothing is placed by counting."""
    # each search is led by literal bytes, tried only where they stand (two counts of
    # "<row" cost twice the row search)
    return not (
        _PREFIXED_ROW_OR_CELL.search(chunk)
        or _UNUSUAL_CELL.search(chunk)
        or _UNUSUAL_ROW.search(chunk)
    )


def _areas(chunk: bytes, merges_at: int) -> bytes:
    """The dimension's and merged ranges' refs ("A1:Z22 A8:A9"), the pattern run only where
    they stand (a sheet's top and end), found by byte searches: "<" is everywhere between.
    `merges_at`: where "mergeCell" first stands in the chunk (-1: nowhere)."""
    found: list[bytes] = []
    at = chunk.find(b"dimension")
    while at >= 0:
        if match := _AREA.match(chunk, max(chunk.rfind(b"<", 0, at), 0)):
            found.append(match.group(1))
        at = chunk.find(b"dimension", at + 1)
    if merges_at >= 0:  # a dimension seen twice changes no maximum
        found += _AREA.findall(chunk, max(chunk.rfind(b"<", 0, merges_at), 0))
    return b" ".join(found)


class SheetScan:
    """The area a sheet's cells, dimension and merges reach, kept inside Excel's grid and
    under --max-cells, and its merges under --max-merges, checked a piece at a time as
    the sheet is inflated: a reader would allocate all of that area, and a sheet of a
    million rows is refused after its first few megabytes, not after all of them.

    Rows are counted up to the highest row any reference names, plus the rows that name
    none; columns up to the highest column named, plus the most cells without a name in
    one row. Distinct column letters and row numbers are collected in C: a sheet has
    thousands of cells but only dozens of distinct values of each."""

    def __init__(self, path: Path, part: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path, self.limits = path, limits
        self.part = part
        self.max_row = self.max_col = 0  # named by any reference, dimension or merge
        self.max_row_tag = 0  # named by a row's own r=
        self.unplaced_rows = 0  # rows without r=: each one below the row before it
        self.cells_in_row = 0  # cells (or more: elements named c…) in the row being read
        self.most_unplaced = 0  # at most this many cells without r= in one row
        self.merges = 0
        # past a limit by what any reference names: the cells that hold nothing (a format
        # left far down: trial 47) and the dimension then count no more, as python-calamine
        # reads the sheet (the dimension is then dropped from what it reads: _checked_parts)
        self.precise = False
        self._pending = b""

    def feed(self, data: bytes, last: bool = False) -> None:
        """The next bytes of the sheet's XML (`last`: the end of it); raises InputError
        once over a limit."""
        data = self._pending + data if self._pending else data
        cut = len(data) if last else data.rfind(b"<")  # a tag is never cut in two
        if cut <= 0:
            self._pending = data
            return
        self._pending = data[cut:]
        self._scan(data[:cut] if cut < len(data) else data)

    def finish(self) -> None:
        if self._pending:
            self._scan(self._pending)
            self._pending = b""

    def _scan(self, chunk: bytes) -> None:
        merges_at = chunk.find(b"mergeCell")
        areas = _areas(chunk, merges_at)
        # calamine places cells by the tags of rows and cells alone (no other attribute)
        ordinary = not (_PREFIXED_ROW_OR_CELL.search(chunk) or _ODD_ROW_OR_CELL.search(chunk))
        placed = ordinary or _all_placed(chunk)
        if not placed:
            self._count_unplaced(chunk)
        reached = (self.max_row, self.max_col, self.merges)
        if placed and self.precise:
            self._scan_valued(chunk, merges_at)
            return
        if (
            placed
            and self.limits.max_cells >= _SMALL_AREA
            and not _FAR_AREA.search(areas)
            and (ordinary or not _FAR_REF.search(chunk))
        ):
            rows: set[bytes] = set()  # nothing past ZZ999 here: no need to look closer
            columns: set[bytes] = set()
        else:
            rows = set(_REF_ROW.findall(chunk))
            rows.update(_AREA_ROW.findall(areas))
            columns = set(_REF_COLUMN.findall(chunk))
            columns.update(_AREA_COLUMN.findall(areas))
        # past 3 letters or 7 digits is past Excel's grid: not worth converting (nor safe to)
        if columns:  # a few distinct letters
            self.max_col = max(
                self.max_col,
                *(_column_number(c) if len(c) <= 3 else EXCEL_MAX_COLUMNS + 1 for c in columns),
            )
        if rows:  # as many as the rows: converted and compared in C
            top = max(map(int, rows)) if max(map(len, rows)) <= 7 else EXCEL_MAX_ROWS + 1
            self.max_row = max(self.max_row, top)
        if merges_at >= 0:
            self.merges += len(_MERGE.findall(chunk, max(chunk.rfind(b"<", 0, merges_at), 0)))
        if placed and not self.precise and self._over():
            # this piece again, by its cells that hold something and its merged ranges
            self.precise = True
            self.max_row, self.max_col, self.merges = reached
            self._scan_valued(chunk, merges_at)
            return
        self._check(chunk, areas)

    def _scan_valued(self, chunk: bytes, merges_at: int) -> None:
        """A piece's reach by its cells that hold something (a value, a formula, inline
        text: python-calamine leaves the others out) and its merged ranges."""
        start = max(chunk.rfind(b"<", 0, merges_at), 0) if merges_at >= 0 else -1
        merges = b" ".join(_MERGE_AREA.findall(chunk, start)) if start >= 0 else b""
        cells = _VALUED_CELL.findall(chunk)
        columns = {letters for letters, _ in cells} | set(_AREA_COLUMN.findall(merges))
        rows = {digits for _, digits in cells} | set(_AREA_ROW.findall(merges))
        if columns:
            self.max_col = max(
                self.max_col,
                *(_column_number(c) if len(c) <= 3 else EXCEL_MAX_COLUMNS + 1 for c in columns),
            )
        if rows:
            top = max(map(int, rows)) if max(map(len, rows)) <= 7 else EXCEL_MAX_ROWS + 1
            self.max_row = max(self.max_row, top)
        if start >= 0:
            self.merges += len(_MERGE.findall(chunk, start))
        self._check(chunk, merges)

    def _over(self) -> bool:
        max_row = max(self.max_row, self.max_row_tag + self.unplaced_rows)
        max_col = self.max_col + self.most_unplaced
        return (
            max_row > EXCEL_MAX_ROWS
            or max_col > EXCEL_MAX_COLUMNS
            or max_row * max_col > self.limits.max_cells
        )

    def _count_unplaced(self, chunk: bytes) -> None:
        """Rows and cells placed by counting (no r=), bounded from above in C: a row
        without r= comes below the row before it, a cell without r= right of the cell
        before it (python-calamine's reading)."""
        self.unplaced_rows += len(_ROW_START.findall(chunk)) - len(_ROW_WITH_REF.findall(chunk))
        self.max_row_tag = max(self.max_row_tag, *map(int, _ROW_REF.findall(chunk) or [b"0"]))
        # the piece before the first row start goes on with the row the last piece began
        first, *rows = _ROW_START.split(chunk)
        self.cells_in_row += _cells(first)
        counts = [self.cells_in_row, *map(_cells, rows)]
        self.cells_in_row = counts[-1]
        if len(_CELL_START.findall(chunk)) > len(_CELL_WITH_REF.findall(chunk)):
            self.most_unplaced = max(self.most_unplaced, *counts)

    def _check(self, chunk: bytes = b"", areas: bytes = b"") -> None:
        max_row = max(self.max_row, self.max_row_tag + self.unplaced_rows)
        max_col = self.max_col + self.most_unplaced
        if max_row > EXCEL_MAX_ROWS or max_col > EXCEL_MAX_COLUMNS:
            raise self._beyond_grid(self._farthest(chunk, areas), max_row, max_col)
        if max_row * max_col > self.limits.max_cells:
            raise self._too_large(self._farthest(chunk, areas), max_row, max_col)
        if self.merges > self.limits.max_merges:
            merges = self.merges
            raise SheetRefused(
                self.path,
                self.part,
                lambda vi, en: _over_limit(
                    f"{vi} có {merges} vùng gộp ô",
                    f"{en} has {merges} merged areas",
                    "--max-merges",
                ),
                None,
            )

    def _farthest(self, chunk: bytes, areas: bytes) -> str | None:
        """Where the sheet reaches farthest, as the piece that tipped it over a limit says:
        along the farther way (down or across, for the grid's size), the cell whose
        reference names the last row or column reached ('C1048576'); else the dimension
        or merged range that does ('A4:A1048576'); None when rows or cells without a
        reference count."""
        if self.most_unplaced or self.max_row_tag + self.unplaced_rows > self.max_row:
            return None
        down = self.max_row / EXCEL_MAX_ROWS >= self.max_col / EXCEL_MAX_COLUMNS

        def reaches(letters: bytes, digits: bytes) -> bool:
            if down:
                return int(digits) == self.max_row
            return _column_number(letters) == self.max_col

        best: tuple[int, str] | None = None
        for letters, digits in _CELL_REF.findall(chunk):
            if reaches(letters, digits):
                across = int(digits) if not down else _column_number(letters)
                far = (across, f"{letters.decode().upper()}{int(digits)}")
                best = far if best is None or far > best else best
        if best is not None:
            return best[1]
        for area in areas.split():
            corners = _AREA_CORNERS.fullmatch(area)
            if corners and reaches(corners[1], corners[2]):
                return area.decode("ascii").upper()
        return None

    def _beyond_grid(self, place: str | None, max_row: int, max_col: int) -> SheetRefused:
        return beyond_grid(self.path, self.part, place, max_row, max_col)

    def _too_large(self, place: str | None, max_row: int, max_col: int) -> SheetRefused:
        return too_large(self.path, self.part, place, max_row, max_col)


EXCEL_GRID = ("lưới của Excel", "Excel's grid", EXCEL_MAX_ROWS, EXCEL_MAX_COLUMNS)


def beyond_grid(
    path: Path,
    part: str,
    place: str | None,
    max_row: int,
    max_col: int,
    grid: tuple[str, str, int, int] = EXCEL_GRID,
) -> SheetRefused:
    """A sheet with a cell (at `place`, when known) past the grid its format allows."""
    grid_vi, grid_en = grid[0], grid[1]

    def say(vi: str, en: str) -> tuple[str, str]:
        at = f" {place}" if place else ""
        return (
            f"{vi} có ô{at} nằm ngoài {grid_vi} (dòng {max_row}, cột {max_col})",
            f"{en} has a cell{at} beyond {grid_en} (row {max_row}, column {max_col})",
        )

    return SheetRefused(path, part, say, place)


def too_large(
    path: Path,
    part: str,
    place: str | None,
    max_row: int,
    max_col: int,
    grid: tuple[str, str, int, int] = EXCEL_GRID,
) -> SheetRefused:
    """A sheet whose area, `max_row` × `max_col`, is over --max-cells; `place`: the far
    cell ('C1048576') or range ('A4:A1048576') that takes it there, when known. A cell
    comes with what to do: delete its row, or its column when it is the farther across
    `grid` (rows, columns)."""
    size_vi, size_en = f"{max_row} dòng × {max_col} cột", f"{max_row} rows × {max_col} columns"
    cell = _CELL_NAME.fullmatch(place or "")

    def say(vi: str, en: str) -> tuple[str, str]:
        if place is None:
            return _over_limit(f"{vi} trải ra {size_vi}", f"{en} spans {size_en}", "--max-cells")
        if cell is None:  # a dimension or a merged range
            return _over_limit(
                f"{vi} trải ra đến vùng {place}: {size_vi}",
                f"{en} reaches out to the range {place}: {size_en}",
                "--max-cells",
            )
        letters, row = cell[1], int(cell[2])
        if row / grid[2] >= _column_number(letters.encode()) / grid[3]:
            whole_vi = f"cả dòng {row} (chuột phải vào số dòng, Delete)"
            whole_en = f"its whole row {row} (right-click the row number, Delete)"
        else:
            whole_vi = f"cả cột {letters} (chuột phải vào tên cột, Delete)"
            whole_en = f"its whole column {letters} (right-click the column letter, Delete)"
        return (
            f"{vi} trải ra đến ô {place}: {size_vi}, vượt giới hạn an toàn, tệp không được"
            f" mở. Nếu ô {place} được gõ nhầm hay còn sót lại, hãy xóa {whole_vi} rồi lưu"
            " tệp; nếu trang đúng là lớn như vậy, tăng --max-cells",
            f"{en} reaches out to cell {place}: {size_en}, over the safety limit, the file"
            f" was not opened. If {place} is a stray entry, delete {whole_en} and save the"
            " file; if the sheet really is that large, raise --max-cells",
        )

    return SheetRefused(path, part, say, place)


# A cell's reference, for naming the farthest one (only once a sheet is refused).
_CELL_REF = re.compile(rb"""<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*["']([A-Za-z]{1,3})(\d{1,7})["']""")
_AREA_CORNERS = re.compile(rb"(?:[A-Za-z]{1,3}\d{1,7}:)?([A-Za-z]{1,3})(\d{1,7})")
_CELL_NAME = re.compile(r"([A-Z]{1,4})(\d{1,10})")


def check_sheet_bounds(path: Path, part: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """A whole sheet's XML through SheetScan."""
    check_sheet_bounds_with(SheetScan(path, part, limits), data)


@dataclass
class Hidden:
    """What an .xls or .ods sheet hides and calamine does not say: its hidden rows (0-based)
    and ranges of hidden columns (0-based, inclusive); and of an .ods its merged areas
    (first row, first column, last row, last column, 0-based), which calamine does not
    give for an .ods."""

    rows: set[int] = field(default_factory=set)
    columns: list[tuple[int, int]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def check_ods(path: Path, content: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, Hidden]:
    """An .ods may say 'this cell, a billion times', or 'a million empty rows, then a
    number': count what its repeats add up to, for the rows and cells that hold a value,
    and hold each table's area, up to its last value's row and column (what the reader
    allocates: it leaves out the empty rows and cells after the last value), to
    --max-cells, naming the table and the far cell. Read with SAX: nothing is built.

    Returns the hidden rows that hold a value (table:visibility "collapse" or "filter",
    or in a row group with table:display "false"), 0-based and numbered as the reader
    numbers them (repeats counted), by table name: calamine does not say which rows are
    hidden. Hidden rows without a value are left out: LibreOffice hides the rest of a
    sheet as one row repeated a million times. And the ranges of hidden columns
    (table:table-column, or a column group with table:display "false"), 0-based."""
    from xml.sax.handler import ContentHandler

    from defusedxml.sax import make_parser

    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    table, row, cell, covered, row_group, column, column_group = (
        (table_ns, "table"),
        (table_ns, "table-row"),
        (table_ns, "table-cell"),
        (table_ns, "covered-table-cell"),
        (table_ns, "table-row-group"),
        (table_ns, "table-column"),
        (table_ns, "table-column-group"),
    )
    rows_repeated = (table_ns, "number-rows-repeated")
    columns_repeated = (table_ns, "number-columns-repeated")
    rows_spanned = (table_ns, "number-rows-spanned")
    columns_spanned = (table_ns, "number-columns-spanned")
    visibility, display = (table_ns, "visibility"), (table_ns, "display")
    hidden: dict[str, Hidden] = {}

    def repeats(attrs: Any, name: tuple[str, str]) -> int:
        return max(int(attrs.get(name, "1")), 1)

    class Counter(ContentHandler):
        def __init__(self) -> None:
            super().__init__()
            self.rows = 1  # how many times the row being read is repeated
            self.hidden_row = False  # the row being read is hidden, not yet noted
            self.groups: list[bool] = []  # the row groups open: each collapsed or not
            self.column_groups: list[bool] = []  # the same of column groups
            self.next_column = 0  # the table's columns declared so far
            self.cells = 0
            self.tables = 0  # tables open (a table in a table's cell goes on counting)
            self.name = ""
            self.next_row = self.row = self.column = 0  # 0-based, repeats counted
            self.last_row = self.last_column = 0  # 1-based: the area so far
            self.down = self.across = (0, 0)  # the cells that reach them (1-based)
            self.merges = 0  # the table's merged areas

        def startElementNS(self, name, qname, attrs):  # type: ignore[no-untyped-def]
            if name == table:
                self.tables += 1
                if self.tables == 1:
                    self.name = attrs.get((table_ns, "name"), "")
                    self.next_row = self.last_row = self.last_column = self.next_column = 0
                    self.merges = 0
            elif name == row:
                self.rows = repeats(attrs, rows_repeated)
                self.row, self.column = self.next_row, 0
                self.next_row += self.rows
                # LibreOffice marks each row of a collapsed group; another writer may
                # mark only the group
                self.hidden_row = (
                    attrs.get(visibility, "visible") != "visible" or True in self.groups
                )
            elif name in (cell, covered):
                across = repeats(attrs, columns_repeated)
                if name == cell and self.tables == 1:
                    self._merge(repeats(attrs, rows_spanned), repeats(attrs, columns_spanned))
                # a covered cell (under a merge) with a value: the reader reads it too
                if (office_ns, "value-type") in attrs:
                    self.cells += self.rows * across
                    if self.cells > limits.max_cells:
                        raise limit_error(
                            path,
                            "các ô lặp lại (number-columns/rows-repeated)",
                            "repeated cells (number-columns/rows-repeated)",
                            "--max-cells",
                            self.name or None,
                        )
                    self._reach(self.row + self.rows, self.column + across)
                    if self.hidden_row:  # once a row: its repeats held to --max-cells above
                        rows = range(self.row, self.row + self.rows)
                        hidden.setdefault(self.name, Hidden()).rows.update(rows)
                        self.hidden_row = False
                self.column += across
            elif name == row_group:
                self.groups.append(attrs.get(display, "true") == "false")
            elif name == column and self.tables == 1:
                first, across = self.next_column, repeats(attrs, columns_repeated)
                self.next_column += across
                if attrs.get(visibility, "visible") != "visible" or True in self.column_groups:
                    # (a range: LibreOffice hides the unused columns as one repeated 1,000s)
                    hidden.setdefault(self.name, Hidden()).columns.append(
                        (first, first + across - 1)
                    )
            elif name == column_group and self.tables == 1:
                self.column_groups.append(attrs.get(display, "true") == "false")

        def _merge(self, down: int, across: int) -> None:
            """A cell merged over `down` rows and `across` columns, in each repeat of its
            row, held to --max-merges as an .xlsx's merges are."""
            if down == 1 and across == 1:
                return
            self.merges += self.rows
            if self.merges > limits.max_merges:
                raise limit_error(
                    path,
                    f"bảng có {self.merges} vùng gộp ô",
                    f"a table with {self.merges} merged areas",
                    "--max-merges",
                    self.name or None,
                )
            found = hidden.setdefault(self.name, Hidden()).merges
            for top in range(self.row, self.row + self.rows):
                found.append((top, self.column, top + down - 1, self.column + across - 1))

        def _reach(self, last_row: int, last_column: int) -> None:
            """A value's far corner (1-based): the area and the cells that reach farthest
            down and across, the farther of them (for the grid's size) named if refused."""
            if last_row > self.last_row:
                self.last_row, self.down = last_row, (last_row, last_column)
            if last_column > self.last_column:
                self.last_column, self.across = last_column, (last_row, last_column)
            if self.last_row * self.last_column > limits.max_cells:
                far_row, far_column = (
                    self.down
                    if self.last_row / EXCEL_MAX_ROWS >= self.last_column / EXCEL_MAX_COLUMNS
                    else self.across
                )
                far = (
                    f"{column_letter(far_column - 1)}{far_row}"
                    if far_row <= 10**9 and far_column <= 10**6
                    else None
                )
                refused = too_large(path, self.name or "?", far, self.last_row, self.last_column)
                raise refused.named(self.name)

        def endElementNS(self, name, qname):  # type: ignore[no-untyped-def]
            if name == table:
                self.tables -= 1
            elif name == row_group and self.groups:
                self.groups.pop()
            elif name == column_group and self.tables == 1 and self.column_groups:
                self.column_groups.pop()

    parser = make_parser()
    parser.setFeature("http://xml.org/sax/features/namespaces", True)
    parser.setContentHandler(Counter())
    try:
        parser.parse(io.BytesIO(content))
    except InputError:
        raise
    except Exception as exc:  # malformed XML, or defusedxml refusing an entity
        raise _refuse(
            path,
            f"nội dung .ods bị hỏng hoặc không an toàn ({exc})",
            f"the .ods content is damaged or unsafe ({exc})",
        ) from exc
    return hidden
