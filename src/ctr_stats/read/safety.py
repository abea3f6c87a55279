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
import re
import struct
import zipfile
import zlib
from pathlib import Path

from .. import zip_parts
from ..errors import InputError, PasswordProtected
from ..limits import DEFAULT_LIMITS, Limits

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
_FAR_REF = re.compile(rb"""r\s*=\s*["'](?:[A-Za-z]{3}|[A-Za-z]*\d{4})""")
_FAR_AREA = re.compile(rb"[A-Za-z]{3}|\d{4}")
_SMALL_AREA = 702 * 999
# A dimension or merged range, its element named with a namespace prefix or without one
# (<mergeCell>, <x:mergeCell>: python-calamine reads both).
_AREA = re.compile(rb"""<(?:[\w.-]+:)?(?:dimension|mergeCell)\b[^>]*?\bref\s*=\s*["']([^"']*)""")
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b")
_AREA_ROW = re.compile(rb"[A-Za-z]*(\d+)")
_AREA_COLUMN = re.compile(rb"([A-Za-z]+)\d")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def _refuse(path: Path, vi: str, en: str, sheet: str | None = None) -> InputError:
    return InputError(vi, en, file=str(path), sheet=sheet)


def _limit(
    path: Path, what_vi: str, what_en: str, option: str, sheet: str | None = None
) -> InputError:
    return _refuse(
        path,
        f"{what_vi}: vượt giới hạn an toàn, tệp không được mở (nếu tệp đúng là như vậy, tăng {option})",
        f"{what_en}: over the safety limit, the file was not opened (if it really is so, raise {option})",
        sheet,
    )


def load(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, read once (every check and the reader work on them), after its
    size is checked: a workbook is tens of kilobytes."""
    try:
        size = path.stat().st_size
        if size > limits.max_megabytes * 1_000_000:
            raise _limit(
                path,
                f"tệp {size // 1_000_000} MB",
                f"a file of {size // 1_000_000} MB",
                "--max-megabytes",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(
            path, f"không đọc được tệp: {exc.strerror}", f"cannot read the file: {exc.strerror}"
        ) from exc
    if not data:
        raise _refuse(path, "tệp rỗng (0 byte)", "the file is empty (0 bytes)")
    return data


def open_checked(path: Path, data: bytes) -> tuple[str, zipfile.ZipFile | None]:
    """(what the bytes are: 'xlsx', 'ods', 'xls' or 'text', the open zip for the first
    two); refused otherwise. The zip's index is read here once."""
    head = data[:8192]
    if head.startswith(OLE2_MAGIC):
        if _ENCRYPTED_OOXML in data:
            raise PasswordProtected(
                "tệp có mật khẩu: hãy gỡ mật khẩu trong Excel rồi gửi lại",
                "the file is password-protected: remove the password in Excel and send it again",
                file=str(path),
            )
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
            f"tệp nén bị hỏng hoặc không trọn vẹn ({exc})",
            f"the file is a damaged or truncated zip ({exc})",
        ) from exc
    archive.close()
    if "word/document.xml" in names:
        raise _refuse(
            path,
            "đây là tệp Word, không phải bảng tính",
            "this is a Word document, not a spreadsheet",
        )
    raise _refuse(path, "tệp nén không chứa bảng tính", "a zip file that holds no spreadsheet")


# Parts of an .xlsx python-calamine never parses (properties, theme, pictures, printer
# settings): their sizes count against the limits, but they are not decompressed.
XLSX_UNREAD = ("docProps/", "xl/theme/", "xl/media/", "xl/printerSettings/")


def read_parts(
    path: Path,
    limits: Limits = DEFAULT_LIMITS,
    archive: zipfile.ZipFile | None = None,
    unread: tuple[str, ...] = (),
) -> dict[str, bytes]:
    """Every part of an .xlsx, .ods or .docx, checked: limits from the index first, then
    each part read with its declared size as a cap and its CRC verified, and XML parts
    without DOCTYPE or ENTITY declarations. `archive`: the zip already open on the file;
    `unread`: prefixes of parts no parser will read, left compressed."""
    try:
        if archive is None:
            with zipfile.ZipFile(path) as opened:
                return _checked_parts(path, opened, limits, unread)
        return _checked_parts(path, archive, limits, unread)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,  # zipfile's word for a part encrypted with a zip password
    ) as exc:
        raise _refuse(path, f"tệp nén bị hỏng ({exc})", f"the zip is damaged ({exc})") from exc


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length


def _inflate(whole: memoryview, info: zipfile.ZipInfo) -> bytes | None:
    """A deflated or stored part straight from the file's bytes with zlib: what
    `ZipFile.open` does, without its layers (a tenth of the cost on small parts). At most
    `file_size + 1` bytes come out, and the CRC is checked. None: left to zipfile."""
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None  # encrypted, or another method
    start = info.header_offset
    if start < 0 or start + _LOCAL_HEADER.size > len(whole):
        raise zipfile.BadZipFile(f"bad local header offset for {info.filename}")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(whole, start)
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name = bytes(whole[start + _LOCAL_HEADER.size : start + _LOCAL_HEADER.size + name_length])
    if name.decode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace") != info.orig_filename:
        raise zipfile.BadZipFile(f"file name in directory and header differ: {info.filename}")
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    raw = whole[begin : begin + info.compress_size]
    if len(raw) != info.compress_size:
        raise zipfile.BadZipFile(f"{info.filename} is truncated")
    if info.compress_type == zipfile.ZIP_STORED:
        data = bytes(raw[: info.file_size + 1])
    else:
        inflater = zlib.decompressobj(-15)
        try:
            data = inflater.decompress(raw, info.file_size + 1)
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"{info.filename}: {exc}") from exc
        if len(data) <= info.file_size and not inflater.eof:
            raise zipfile.BadZipFile(f"{info.filename} ends before its data does")
    if len(data) == info.file_size and zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"bad CRC-32 for {info.filename}")
    if len(data) < info.file_size:
        raise zipfile.BadZipFile(f"{info.filename} is shorter than the zip says")
    return data


def _checked_parts(
    path: Path, archive: zipfile.ZipFile, limits: Limits, unread: tuple[str, ...]
) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise _limit(
            path,
            f"{len(infos)} phần trong tệp nén",
            f"{len(infos)} parts in the zip",
            "--max-parts",
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_megabytes * 1_000_000:
        raise _limit(
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
            raise _limit(
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
        data = _inflate(whole, info) if whole is not None else None
        if data is None:  # not from memory, or stored in a way only zipfile reads
            with archive.open(info) as handle:
                data = handle.read(info.file_size + 1)
                if handle.read(1):
                    data += b"?"
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


def stored_zip(archive: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes | None:
    """The checked parts as a zip of their own, uncompressed: the reader then parses the
    very bytes that were checked, and does not inflate them a second time. None when they
    are too big for a zip without its 64-bit extension (past any default limit)."""
    stored = [
        zip_parts.stored(name, data, archive.getinfo(name).CRC) for name, data in parts.items()
    ]
    try:
        return b"".join(zip_parts.archive(stored))
    except ValueError:
        return None


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + (ch - 64)
    return number


def _areas(data: bytes, merges_at: int) -> list[bytes]:
    """`_AREA.findall(data)`, with the pattern run only where a dimension or the merges
    stand (a sheet's top and end), found by byte searches: "<" is everywhere between.
    `merges_at`: where the first merge element starts, -1 if none."""
    found: list[bytes] = []
    at = data.find(b"dimension")
    while at >= 0:
        if match := _AREA.match(data, data.rfind(b"<", 0, at)):
            found.append(match.group(1))
        at = data.find(b"dimension", at + 1)
    if merges_at >= 0:
        found += _AREA.findall(data, merges_at)  # a dimension seen twice changes no maximum
    return found


def check_sheet_bounds(path: Path, part: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """The area a sheet's cells, dimension and merges reach stays inside Excel's grid and
    under --max-cells: a reader would allocate all of it."""
    # Distinct column letters and row numbers, collected in C: a sheet has thousands of
    # cells but only dozens of distinct values of each.
    merges_at = data.find(b"mergeCell")
    merges_at = data.rfind(b"<", 0, merges_at) if merges_at > 0 else -1
    areas = b" ".join(_areas(data, merges_at))  # the dimension and merges: "A1:Z22 A8:A9"
    if (
        limits.max_cells >= _SMALL_AREA
        and not _FAR_AREA.search(areas)
        and not _FAR_REF.search(data)
    ):
        rows: set[bytes] = set()
        columns: set[bytes] = set()
    else:
        rows = set(_REF_ROW.findall(data))
        rows.update(_AREA_ROW.findall(areas))
        columns = set(_REF_COLUMN.findall(data))
        columns.update(_AREA_COLUMN.findall(areas))
    # past 3 letters or 7 digits is past Excel's grid: not worth converting (nor safe to)
    max_col = max(
        (_column_number(c) if len(c) <= 3 else EXCEL_MAX_COLUMNS + 1 for c in columns), default=0
    )
    max_row = max((int(r) if len(r) <= 7 else EXCEL_MAX_ROWS + 1 for r in rows), default=0)
    name = part.rsplit("/", 1)[-1]
    if max_row > EXCEL_MAX_ROWS or max_col > EXCEL_MAX_COLUMNS:
        raise _refuse(
            path,
            f"trang {name} có ô nằm ngoài lưới của Excel (dòng {max_row}, cột {max_col})",
            f"sheet part {name} has a cell beyond Excel's grid (row {max_row}, column {max_col})",
        )
    if max_row * max_col > limits.max_cells:
        raise _limit(
            path,
            f"trang {name} trải ra {max_row} dòng × {max_col} cột",
            f"sheet part {name} spans {max_row} rows × {max_col} columns",
            "--max-cells",
        )
    merges = len(_MERGE.findall(data, merges_at)) if merges_at >= 0 else 0
    if merges > limits.max_merges:
        raise _limit(
            path,
            f"trang {name} có {merges} vùng gộp ô",
            f"sheet part {name} has {merges} merged areas",
            "--max-merges",
        )


def check_ods(path: Path, content: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """An .ods may say 'this cell, a billion times': count what its repeats add up to,
    for the rows and cells that hold a value."""
    from xml.sax.handler import ContentHandler

    from defusedxml.sax import make_parser

    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

    class Counter(ContentHandler):
        def __init__(self) -> None:
            super().__init__()
            self.rows = 1
            self.cells = 0

        def startElementNS(self, name, qname, attrs):  # type: ignore[no-untyped-def]
            if name == (table_ns, "table-row"):
                self.rows = int(attrs.get((table_ns, "number-rows-repeated"), "1"))
            elif name == (table_ns, "table-cell") and (office_ns, "value-type") in attrs:
                self.cells += self.rows * int(attrs.get((table_ns, "number-columns-repeated"), "1"))
                if self.cells > limits.max_cells:
                    raise _limit(
                        path,
                        "các ô lặp lại (number-columns/rows-repeated)",
                        "repeated cells (number-columns/rows-repeated)",
                        "--max-cells",
                    )

    import io

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
