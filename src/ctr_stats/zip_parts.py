"""A zip archive made of parts already at hand, stored as they are or already deflated.

The standard library's zipfile compresses a part itself, in the writing thread. Two places
want the part's bytes prepared elsewhere: the reader hands python-calamine the checked parts
stored, uncompressed (read/safety.py), and the Excel annex deflates each part in a thread
as soon as xlsxwriter has made it (render/workbook.py).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

_LOCAL_ENTRY = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL_ENTRY = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END_OF_DIRECTORY = struct.Struct("<4sHHHHIIH")
_VERSION = 20  # made by and needed: zip 2.0
_UTF8_NAMES = 0x800
_STORED, _DEFLATED = 0, 8
_MIDNIGHT, _1980_01_01 = 0, 0x21  # every part's time and date, in MS-DOS format
ZIP32_MAX = 0xFFFF_FFFF  # past this a zip needs its 64-bit extension


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    data: bytes  # as it goes in the archive: the content, or its raw deflate stream
    size: int  # of the content
    crc: int  # of the content
    deflated: bool


def stored(name: str, content: bytes, crc: int | None = None) -> Part:
    return Part(name, content, len(content), zlib.crc32(content) if crc is None else crc, False)


def deflate_piece(content: bytes, start: int, end: int, level: int) -> bytes:
    """content[start:end] as raw deflate (zlib lets go of the GIL while it works). Pieces
    deflated apart and joined in order make one stream, as pigz makes them: each but the
    last ends on a byte boundary without closing the stream, and each may refer back to the
    32 KB before it, which the inflater has just written."""
    window = content[max(0, start - 32768) : start]
    squeezer = (
        zlib.compressobj(level, zlib.DEFLATED, -15, zdict=window)
        if window
        else zlib.compressobj(level, zlib.DEFLATED, -15)
    )
    data = squeezer.compress(memoryview(content)[start:end])
    return data + squeezer.flush(zlib.Z_FINISH if end >= len(content) else zlib.Z_SYNC_FLUSH)


def deflated(name: str, pieces: list[bytes], size: int, crc: int) -> Part:
    """A part from its content's deflated pieces, in order, and the content's size and CRC."""
    return Part(name, b"".join(pieces), size, crc, True)


def archive(parts: Sequence[Part]) -> list[bytes]:
    """The archive's bytes, in pieces: each part's header and data in the order given,
    then the directory. ValueError past what a zip holds without its 64-bit extension (far
    past any form or annex: a sheet could not hold that much)."""
    pieces: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for part in parts:
        if part.size >= ZIP32_MAX or offset + len(part.data) >= ZIP32_MAX:
            raise ValueError("too big for a zip without its 64-bit extension")
        encoded = part.name.encode()
        # what the local header and the directory entry both say of the part
        fields = (
            _VERSION,
            _UTF8_NAMES,
            _DEFLATED if part.deflated else _STORED,
            _MIDNIGHT,
            _1980_01_01,
            part.crc,
            len(part.data),
            part.size,
            len(encoded),
        )
        head = _LOCAL_ENTRY.pack(b"PK\x03\x04", *fields, 0) + encoded
        # + no extra field, comment, disk number or attributes; where the part starts
        directory.append(
            _CENTRAL_ENTRY.pack(b"PK\x01\x02", _VERSION, *fields, 0, 0, 0, 0, 0, offset)
        )
        directory.append(encoded)
        pieces += (head, part.data)
        offset += len(head) + len(part.data)
    return [*pieces, *_directory_end(directory, offset)]


def stored_archive(parts: Sequence[tuple[str, bytes, int]]) -> list[bytes]:
    """`archive` of (name, content, CRC of the content) parts all stored: the same bytes,
    made without a `Part` for each (the reader repacks every workbook it reads)."""
    pieces: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    local, central = _LOCAL_ENTRY.pack, _CENTRAL_ENTRY.pack
    for name, content, crc in parts:
        size = len(content)
        if size >= ZIP32_MAX or offset + size >= ZIP32_MAX:
            raise ValueError("too big for a zip without its 64-bit extension")
        encoded = name.encode()
        fields = (_VERSION, _UTF8_NAMES, _STORED, _MIDNIGHT, _1980_01_01, crc, size, size)
        head = local(b"PK\x03\x04", *fields, len(encoded), 0) + encoded
        directory += (
            central(b"PK\x01\x02", _VERSION, *fields, len(encoded), 0, 0, 0, 0, 0, offset),
            encoded,
        )
        pieces += (head, content)
        offset += len(head) + size
    return [*pieces, *_directory_end(directory, offset)]


def _directory_end(directory: list[bytes], offset: int) -> list[bytes]:
    """The central directory (entry, name, entry, name…) and its end record, the parts
    ending at `offset`."""
    count = len(directory) // 2
    if offset >= ZIP32_MAX or count >= 0xFFFF:
        raise ValueError("too big for a zip without its 64-bit extension")
    listing = b"".join(directory)
    end = _END_OF_DIRECTORY.pack(b"PK\x05\x06", 0, 0, count, count, len(listing), offset, 0)
    return [listing, end]
