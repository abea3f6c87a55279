"""The annex's workbook: xlsxwriter's own parts, deflated in pieces by threads and zipped by us."""

from __future__ import annotations

import io
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from ctr_stats import zip_parts
from ctr_stats.render import workbook as annex_workbook
from ctr_stats.render.bulk_sheet import BulkSheet


def _fill(book: xlsxwriter.Workbook) -> None:
    book.set_properties({"created": datetime(2025, 1, 1), "title": "Phụ lục"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("Số liệu")
    sheet.write_string(0, 0, "Đơn vị", bold)
    sheet.write_number(1, 0, 12)
    chart = book.add_chart({"type": "bar"})
    chart.add_series({"values": ["Số liệu", 1, 0, 1, 0]})
    sheet.insert_chart(0, 3, chart)
    # past one piece of deflate: the big part is deflated by both threads at once
    big = book.add_worksheet("Nguồn", worksheet_class=BulkSheet)
    rows = (
        [(f"mã {r}", None), (f"tệp-{r % 97}.xlsx", None), ("C10:C14", None)] for r in range(60_000)
    )
    big.put_rows(0, rows)


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every CRC right
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        return [(i.filename, archive.read(i)) for i in archive.infolist()]


def test_the_parts_are_xlsxwriter_own_in_its_order(tmp_path: Path) -> None:
    theirs = io.BytesIO()
    with xlsxwriter.Workbook(theirs, {"in_memory": True}) as book:
        _fill(book)
    with annex_workbook.Workbook(tmp_path / "ours.xlsx") as ours:
        _fill(ours)
    parts = _parts((tmp_path / "ours.xlsx").read_bytes())
    assert parts == _parts(theirs.getvalue())
    assert max(len(p) for _, p in parts) > annex_workbook._PIECE


def test_a_workbook_closed_twice_is_written_once(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    book = annex_workbook.Workbook(target)
    book.add_worksheet().write_string(0, 0, "x")
    book.close()
    written = target.read_bytes()
    with pytest.warns(UserWarning, match="already closed"):
        book.close()
    assert target.read_bytes() == written


contents = st.lists(
    st.one_of(st.binary(max_size=300), st.sampled_from([b"<row r=", b"</c>", b"\x00" * 70])),
    max_size=400,
).map(b"".join)


@settings(max_examples=80, deadline=None)
@given(contents, st.integers(16, 5000), st.integers(0, 9))
def test_pieces_deflated_apart_make_one_stream(content: bytes, piece: int, level: int) -> None:
    pieces = [
        zip_parts.deflate_piece(content, start, start + piece, level)
        for start in range(0, max(len(content), 1), piece)
    ]
    assert zlib.decompress(b"".join(pieces), wbits=-15) == content


@given(
    st.dictionaries(
        st.text("xl/_.[]Tệp1", min_size=1, max_size=20), st.binary(max_size=2000), max_size=8
    )
)
def test_an_archive_of_stored_and_deflated_parts_reads_back(parts: dict[str, bytes]) -> None:
    made = [
        zip_parts.stored(name, data)
        if i % 2
        else zip_parts.deflated(
            name, [zip_parts.deflate_piece(data, 0, len(data), 6)], len(data), zlib.crc32(data)
        )
        for i, (name, data) in enumerate(parts.items())
    ]
    with zipfile.ZipFile(io.BytesIO(b"".join(zip_parts.archive(made)))) as archive:
        assert archive.testzip() is None
        assert {name: archive.read(name) for name in archive.namelist()} == parts


def test_an_archive_past_what_a_zip32_holds_is_refused() -> None:
    # sizes as a part would declare them: no 4 GB needed to check the refusal
    with pytest.raises(ValueError, match="64-bit"):
        zip_parts.archive([zip_parts.Part("xl/big.xml", b"", zip_parts.ZIP32_MAX, 0, True)])
    with pytest.raises(ValueError, match="64-bit"):
        zip_parts.archive([zip_parts.stored(f"p{i}", b"") for i in range(0xFFFF)])
