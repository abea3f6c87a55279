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
    """What calamine parses is a zip of the parts as checked (stored, not deflated again;
    a sheet's merged areas before its rows), and it reads the same sheets from it as from
    the file."""
    import python_calamine

    from ctr_stats.read.safety import XLSX_UNREAD, stored_zip
    from ctr_stats.read.sheet_order import merges_first

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
        reordered = {
            name: (merges_first(data) if name.startswith("xl/worksheets/") else None) or data
            for name, data in parts.items()
        }
        assert {name: again.read(name) for name in again.namelist()} == reordered
        assert (reordered != parts) == workbook.endswith(".xlsx")  # the sample's are merged

    def sheets(raw: bytes) -> list[list[list[object]]]:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        return [
            (book.get_sheet_by_name(n).to_python(), book.get_sheet_by_name(n).merged_cell_ranges)
            for n in book.sheet_names
        ]

    assert sheets(repacked) == sheets(data)


def test_the_stored_repack_is_the_general_archive_byte_for_byte() -> None:
    """The reader's lean repacking writes what `zip_parts.archive` writes for stored parts."""
    from ctr_stats import zip_parts

    parts = [("xl/workbook.xml", b"<workbook/>", 7), ("tên/ở đây.xml", b"", 0), ("a", TEXT, 99)]
    general = zip_parts.archive([zip_parts.stored(n, d, crc) for n, d, crc in parts])
    assert zip_parts.stored_archive(parts) == general


# Sheets' bytes the patterns are written for, and every near miss: whitespace, either quote,
# letters in either case, three letters, four digits, prefixes, no r= at all.
_SHEET_PIECES = [
    b'<c r="A1"',
    b'<c r="ZZ999"',
    b'<c r="AAA1"',
    b'<c r="A1000"',
    b"<c r='xfd1048576'",
    b'<c r = "B2"',
    b'<c s="1" r="C3"',
    b"<c>",
    b"<c/>",
    b"<c\tr='A1'",
    b'<row r="12"',
    b'<row r="1000"',
    b"<row>",
    b"<row\n",
    b'<x:c r="A1"',
    b"<x:row ",
    b"<col ",
    b'header="0.5"',
    b'operator="between"',
    b'r="ab12345"',
    b'r=" 1234"',
    b"r=\n'Ab1'",
    b"rr=",
    b"<",
    b":",
    b" ",
    b"r",
]


def test_the_far_reference_and_placing_patterns_say_what_the_plain_ones_say() -> None:
    """The written-for-speed patterns (possessive, split in two, counts first) find what the
    plain patterns they replace find, in any mix of the pieces sheets are made of."""
    import itertools
    import random
    import re

    from ctr_stats.read.safety import _FAR_REF, _all_placed

    far = re.compile(rb"""r\s*=\s*["'](?:[A-Za-z]{3}|[A-Za-z]*\d{4})""")
    unusual = re.compile(rb"""<(?:c|row)(?:[>/\t\n\r]| (?!r="))""")
    prefixed = re.compile(rb":(?:c|row)\b")
    pieces = [*_SHEET_PIECES, b"A", b"z", b"1", b"0", b'"', b"'", b"=", b"\t", b"/", b">"]
    chunks = [a + b for a, b in itertools.product(pieces, repeat=2)]
    rng = random.Random(7)
    chunks += [b"".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(20_000)]
    for chunk in chunks:
        assert bool(_FAR_REF.search(chunk)) == bool(far.search(chunk)), chunk
        placed = not unusual.search(chunk) and not prefixed.search(chunk)
        assert _all_placed(chunk) == placed, chunk


_EXTRAS_PIECES = [
    b'<row r="1" hidden="1">',
    b"<row r='1' hidden='1'>",
    b"<f>SUM(A1:A2)</f>",
    b"<x:f>A1</x:f>",
    b"<f/>",
    b"f>",
    b"</f",
    b'<c r="A1" t="e"><v>#REF!</v></c>',
    b"<c r='A1' t='e'>",
    b"<c r='A1' t=\"e\">",
    b'<c r="A1" t="s">',
    b"hidde",
    b"='",
    b"/",
    b":",
    b"<",
    b">",
    b"f",
    b" ",
]


def test_the_sheet_extras_byte_test_says_what_the_plain_searches_say() -> None:
    """`_worth_parsing`, written with patterns for speed, answers what the `in` searches it
    replaced answer, in any mix of the pieces that decide it."""
    import itertools
    import random

    from ctr_stats.read.xlsx_extras import _worth_parsing

    def plain(data: bytes) -> bool:
        if b"hidden" in data or (b"f>" in data and (b"</f>" in data or b":f>" in data)):
            return True
        quote = b"'" if data.find(b"='", 0, 2048) >= 0 else b'"'
        return b"t=" + quote + b"e" + quote in data

    chunks = [a + b for a, b in itertools.product(_EXTRAS_PIECES, repeat=2)]
    rng = random.Random(11)
    chunks += [b"".join(rng.choices(_EXTRAS_PIECES, k=rng.randint(1, 10))) for _ in range(20_000)]
    for chunk in chunks:
        assert _worth_parsing(chunk) == plain(chunk), chunk


def _package(core: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("docProps/core.xml", core)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    return buffer.getvalue()


_OWN_CORE = b"<cp:coreProperties><dc:creator>ctr-stats</dc:creator></cp:coreProperties>"


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_part_read_exactly_is_what_zipfile_reads(method: int) -> None:
    from ctr_stats.own_output import package_is_own
    from ctr_stats.read.safety import read_exactly

    data = _package(_OWN_CORE, method)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("docProps/core.xml")
        assert read_exactly(memoryview(data), info) == archive.read(info) == _OWN_CORE
        assert package_is_own(archive, lambda i: read_exactly(memoryview(data), i))
        assert package_is_own(archive)


def test_a_part_read_exactly_leaves_what_it_cannot_vouch_for_to_zipfile() -> None:
    """A part whose header says more than the directory, cut short, or with a wrong CRC:
    None, and zipfile's reading decides (here: not the tool's own file)."""
    from ctr_stats.own_output import package_is_own
    from ctr_stats.read.safety import read_exactly

    data = bytearray(_package(_OWN_CORE, zipfile.ZIP_STORED))
    data[30 + len("docProps/core.xml") + 20] ^= 0xFF  # a byte of the part: its CRC is wrong
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("docProps/core.xml")
        assert read_exactly(memoryview(bytes(data)), info) is None
        whole = memoryview(bytes(data))
        assert not package_is_own(archive, lambda i: read_exactly(whole, i))
        assert not package_is_own(archive)
    data = bytearray(_package(_OWN_CORE, zipfile.ZIP_STORED))
    data[7] |= 0x08  # the local header's UTF-8 flag unlike the directory's
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("docProps/core.xml")
        assert read_exactly(memoryview(bytes(data)), info) is None


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_names_in_either_encoding_are_checked_against_the_directory(method: int) -> None:
    """A part named in ASCII, in UTF-8 (flagged) or in cp437 (not flagged, as old zip tools
    write): read from the bytes as zipfile reads it; a header naming it otherwise refused."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/tên.xml", b"<a/>")  # UTF-8, flagged
        archive.writestr("xl/cp437-X.xml", b"<b/>")
    data = buffer.getvalue().replace(b"cp437-X", b"cp437-\x82")  # cp437 for "é", unflagged
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        expected = {name: archive.read(name) for name in archive.namelist()}
        assert "xl/cp437-é.xml" in expected
        assert read_parts(Path("x.xlsx"), archive=archive) == expected
    header_only = data.replace(b"cp437-\x82", b"cp437-\x83", 1)  # the local header's name
    with zipfile.ZipFile(io.BytesIO(header_only)) as archive, pytest.raises(InputError):
        read_parts(Path("x.xlsx"), archive=archive)
