"""Parts read straight from a zip's bytes (the fast path) match what zipfile reads, and
every way a part can lie about itself is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ctr_stats.errors import InputError
from ctr_stats.read.safety import read_parts

TEXT = b'<?xml version="1.0"?><worksheet>' + b"<row/>" * 2000 + b"</worksheet>"


def _zip(method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", TEXT)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_parts_from_bytes_are_the_parts(method: int) -> None:
    data = _zip(method)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = read_parts(Path("x.xlsx"), archive=archive)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        expected = {name: archive.read(name) for name in archive.namelist()}
    assert parts == expected


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
@pytest.mark.parametrize("where", [35, 30 + 24 + 4, 30 + 24 + 12])  # in the name, in the data
def test_a_flipped_byte_in_a_part_is_refused(method: int, where: int) -> None:
    data = bytearray(_zip(method))
    data[where] ^= 0xFF
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive, pytest.raises(InputError) as caught:
        read_parts(Path("x.xlsx"), archive=archive)
    assert "damaged" in caught.value.message_en or "larger" in caught.value.message_en


def test_a_part_cut_short_is_refused() -> None:
    data = _zip(zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        info.file_size += 10  # the index promises more than the data holds
        with pytest.raises(InputError) as caught:
            read_parts(Path("x.xlsx"), archive=archive)
    assert "damaged" in caught.value.message_en


def test_a_part_encrypted_with_a_zip_password_is_refused() -> None:
    """Not how Excel protects a workbook (that is an OLE file), but a zip can say so."""
    data = bytearray(_zip(zipfile.ZIP_DEFLATED))
    for signature in (b"PK\x03\x04", b"PK\x01\x02"):  # local header and central directory
        at = data.find(signature)
        while at != -1:
            flags = 6 if signature == b"PK\x03\x04" else 8
            data[at + flags] |= 0x1
            at = data.find(signature, at + 4)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive, pytest.raises(InputError) as caught:
        read_parts(Path("x.xlsx"), archive=archive)
    assert "damaged" in caught.value.message_en


@pytest.mark.parametrize(
    "workbook",
    ["data/samples/2023/ba-dinh.xlsx", "tests/corpus/files/format-libreoffice.ods"],
)
def test_the_reader_gets_the_checked_parts_uncompressed(workbook: str) -> None:
    """What calamine parses is a zip of the parts as checked (stored, not deflated again),
    and it reads the same sheets from it as from the file."""
    import python_calamine

    from ctr_stats.read.safety import XLSX_UNREAD, stored_zip

    root = Path(__file__).resolve().parents[1]
    data = (root / workbook).read_bytes()
    unread = XLSX_UNREAD if workbook.endswith(".xlsx") else ()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = read_parts(Path(workbook), archive=archive, unread=unread)
        repacked = stored_zip(archive, parts)
    assert repacked is not None
    with zipfile.ZipFile(io.BytesIO(repacked)) as again:
        assert again.testzip() is None  # every CRC right
        assert [i.compress_type for i in again.infolist()] == [zipfile.ZIP_STORED] * len(parts)
        assert {name: again.read(name) for name in again.namelist()} == parts

    def sheets(raw: bytes) -> list[list[list[object]]]:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        return [book.get_sheet_by_name(n).to_python() for n in book.sheet_names]

    assert sheets(repacked) == sheets(data)
