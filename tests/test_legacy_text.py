"""Workbooks typed in the legacy Vietnamese encodings (TCVN3 with the .VnTime fonts, VNI
with VNI-Times) are read as the text shows, with a legacy-text warning per sheet; Unicode
text is never read as legacy. Found by a user trial (trial 39): such a workbook's sheets
were unread-sheet errors, and with its titles alone in TCVN3 a header left undecoded
dropped an indicator of all 30 units with exit 0.

The legacy workbooks are made with tests/legacy_fonts.py, the trial's converter written
from the public tables apart from the tool's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

import ctr_stats
from ctr_stats.catalogue import load_catalogue
from ctr_stats.catalogue.registry import builtin_registries, load_registry
from ctr_stats.read import Grid
from ctr_stats.read.legacy import legacy_reading, read_legacy_text

from .legacy_fonts import to_tcvn3, to_vni
from .test_hidden_rows import _totals

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.mark.parametrize(
    ("stored", "shown", "encoding"),
    [
        ("Thùc tr¹ng tæ chøc", "Thực trạng tổ chức", "TCVN3"),  # conventions.md
        ("B¶o Th¾ng", "Bảo Thắng", "TCVN3"),  # public converters' examples
        ("M\xadêng Kh\xad¬ng", "Mường Khương", "TCVN3"),
        ("Ninh B×nh", "Ninh Bình", "TCVN3"),
        ("§¶NG Bé X· PHóC LA", "ĐẢNG BỘ XÃ PHÚC LA", "TCVN3"),  # in the capitals font
        ("chaøo caùc baïn", "chào các bạn", "VNI"),  # conventions.md
        ("Xin chaøo caùc baïn", "Xin chào các bạn", "VNI"),
        ("ÑAÛNG BOÄ PHÖÔØNG", "ĐẢNG BỘ PHƯỜNG", "VNI"),
        ("Ñôn vò", "Đơn vị", "VNI"),
    ],
)
def test_legacy_strings_read_as_they_show(stored: str, shown: str, encoding: str) -> None:
    assert legacy_reading(stored) == (shown, encoding)


@pytest.mark.parametrize(
    "text",
    # Vietnamese within Latin-1, "Ð" typed for "Đ", foreign words, signs
    ["Sinh viên", "Ghi chú", "Ðinh Tiên Hoàng", "Köln", "café", "½", "Nº 5", "bé", "25 °C"],
)
def test_unicode_text_is_never_read_as_legacy(text: str) -> None:
    assert legacy_reading(text) is None


def test_no_name_or_heading_the_tool_knows_is_read_as_legacy() -> None:
    """Every unit name and alias of the bundled registries, and every label and alias of
    the catalogue, is Unicode: none reads as legacy."""
    texts = {
        name
        for info in builtin_registries()
        for unit in load_registry(info.name).units
        for name in (unit.name, unit.full_name, *unit.aliases)
    }
    catalogue = load_catalogue()
    texts |= {
        text
        for indicator in catalogue.indicators.values()
        for text in (indicator.label_vi, *indicator.aliases)
    }
    assert len(texts) > 1000
    assert [text for text in texts if legacy_reading(text) is not None] == []


def _convert(folder: Path, encode: object, files: list[str] | None, rows_from: int = 1) -> None:
    """Every text of the workbooks named (all, if None) from row `rows_from` on, typed in
    a legacy encoding with its font, as a template typed years ago holds it."""
    assert callable(encode)
    for path in sorted(folder.glob("*.xlsx")):
        if files is not None and path.stem not in files:
            continue
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows(min_row=rows_from):
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = encode(cell.value)
                        cell.font = Font(name=".VnTime" if encode is not to_vni else "VNI-Times")
        book.save(path)


def _tcvn3_capitals(text: str) -> str:
    """Capitals typed as TCVN3 typists did: lower-case codes in the capitals font."""
    return to_tcvn3(text, caps_font=text.isupper())


@pytest.fixture(scope="module")
def samples_2023() -> ctr_stats.Report:
    return ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2024")


@pytest.mark.parametrize(
    ("encode", "files", "rows_from"),
    [
        pytest.param(_tcvn3_capitals, None, 1, id="tcvn3-every-file"),
        pytest.param(to_vni, None, 1, id="vni-every-file"),
        pytest.param(_tcvn3_capitals, ["ba-dinh"], 1, id="tcvn3-one-file"),
        # the table typed in TCVN3, its title typed again later in Unicode
        pytest.param(_tcvn3_capitals, ["ba-dinh", "dong-da"], 8, id="tcvn3-under-a-unicode-title"),
    ],
)
def test_legacy_workbooks_give_the_samples_figures(
    tmp_path: Path,
    samples_2023: ctr_stats.Report,
    encode: object,
    files: list[str] | None,
    rows_from: int,
) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    _convert(folder, encode, files, rows_from)
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    assert _totals(report) == _totals(samples_2023)
    assert report.period == samples_2023.period
    assert {f.code for f in report.findings} == {"legacy-text"}
    sheets_converted = 3 * (30 if files is None else len(files))
    assert len(report.findings) == sheets_converted


def test_legacy_text_finding_names_the_first_cell_and_what_it_shows(tmp_path: Path) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    _convert(folder, _tcvn3_capitals, ["ba-dinh"])
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    first = next(f for f in report.findings if f.sheet == "Kết nạp")
    assert (first.code, first.severity.value, first.cell) == ("legacy-text", "warning", "A1")
    assert first.message_vi == (
        "chữ gõ bằng bảng mã TCVN3 (phông .VnTime), đọc như khi hiện ra"
        " (ô A1 '®¶ng bé thµnh phè hµ néi' là 'đảng bộ thành phố hà nội');"
        " nên chuyển tệp sang Unicode (UniKey: Công cụ chuyển mã) trước khi gửi đi"
    )


def test_a_legacy_font_on_unicode_text_changes_nothing(
    tmp_path: Path, samples_2023: ctr_stats.Report
) -> None:
    """A template's .VnTime font kept on text typed in Unicode: read as it is, no finding."""
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    _convert(folder, lambda text: text, None)
    report = ctr_stats.compute([folder], registry="hanoi-2024")
    assert _totals(report) == _totals(samples_2023)
    assert report.findings == ()


def _city_sheet(path: Path, title: str, names: list[str], encode: object) -> None:
    """A consolidated admission sheet, one row per unit (the n-th admitted n members), every
    text of it typed in a legacy encoding."""
    assert callable(encode)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([encode(title)])
    sheet.append([encode("BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM 2025")])
    sheet.append([encode("STT"), encode("Đơn vị"), encode("Thực hiện")])
    for n, name in enumerate(names, start=1):
        sheet.append([n, encode(name), n])
    sheet.append([encode("Tổng cộng"), None, len(names) * (len(names) + 1) // 2])
    book.save(path)


@pytest.mark.parametrize(
    ("encode", "registry", "title", "typed"),
    [
        # places named in minority languages ("Xã Kon Plông", "Xã Ia Đal"): no Vietnamese
        # syllables, read in the sheet's encoding all the same (trial 41)
        pytest.param(to_vni, "quang-ngai-2025", "TỈNH ỦY QUẢNG NGÃI", True, id="vni"),
        pytest.param(_tcvn3_capitals, "quang-ngai-2025", "TỈNH ỦY QUẢNG NGÃI", False, id="tcvn3"),
        # "Meâ Linh" reads as Vietnamese in both: on a VNI sheet, VNI's "Mê Linh"
        pytest.param(to_vni, "hanoi-2024", "THÀNH ỦY HÀ NỘI", False, id="vni-bare-names"),
    ],
)
def test_every_unit_of_a_legacy_city_sheet_is_found(
    tmp_path: Path, encode: object, registry: str, title: str, typed: bool
) -> None:
    units = load_registry(registry).units
    names = [unit.full_name if typed else unit.name for unit in units]
    _city_sheet(tmp_path / "tong-hop.xlsx", title, names, encode)
    report = ctr_stats.compute([tmp_path / "tong-hop.xlsx"], registry=registry)
    assert {f.code for f in report.findings} == {"legacy-text"}
    actual = {u.code: u.figures.actual for u in report.units}
    assert actual == {unit.code: n for n, unit in enumerate(units, start=1)}


_NAMES = sorted(
    {unit.name for info in builtin_registries() for unit in load_registry(info.name).units}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6), st.sampled_from(["t", "v"]))
def test_a_legacy_sheet_is_read_as_it_was_typed(names: list[str], encoding: str) -> None:
    """Whatever the units' names typed in TCVN3 or VNI under a header typed so, each is read
    as it was typed, or left as stored: never a third text. (A name alone may read as
    Vietnamese in both: "Bum Nöa" is VNI's "Bum Nưa", TCVN3's "Bum Nửa"; the sheet's
    header tells which. TCVN3 has no capitals with tone marks: "Óc Eo" is stored with the
    small letter's code, and read so.)"""
    encode = to_tcvn3 if encoding == "t" else to_vni
    rows: list[list[object]] = [[encode("Đơn vị"), encode("Thực hiện")]]
    rows += [[encode(name), n] for n, name in enumerate(names)]
    grid = Grid(file="f.xlsx", sheet="KN", rows=[list(row) for row in rows])  # type: ignore[arg-type]
    read_legacy_text(grid)
    for name, row in zip(names, grid.rows[1:], strict=True):
        shown = row[0]
        assert isinstance(shown, str)
        if encoding == "t":
            assert shown.lower() in (name.lower(), encode(name).lower())
        else:
            assert shown in (name, encode(name))
