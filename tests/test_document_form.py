"""The party's document form (Hướng dẫn 36-HD/VPTW) around the annex and the Word report:
the heading, the place-and-date line, the numbers and the signature block, from
ctr-stats.toml's [document] or the registry's province; a note when figures are missing."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.config import load_config
from ctr_stats.document import DocumentSettings
from ctr_stats.errors import UsageError
from ctr_stats.render.heading import heading, notes, province_of

from .helpers import libreoffice_convert
from .test_cli import SAMPLES, run

CONFIG = """\
[document]
parent = "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
issuer = "BAN TỔ CHỨC QUẬN ỦY"
place = "Ba Đình"
date = 2024-01-05
form_number = "Biểu số {n}-BTC"
preparer_name = "Nguyễn Thị Hoa"
signer = ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
signer_name = "Trần Văn Minh"
"""


@pytest.fixture(scope="module")
def report_2023() -> ctr_stats.Report:
    return ctr_stats.compute([SAMPLES / "2023"])


def _rows(sheet: object) -> list[list[object]]:
    return [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- settings


def test_document_settings_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "ctr-stats.toml"
    path.write_text(CONFIG, encoding="utf-8")
    document = load_config(path).document
    assert document.issuer == "BAN TỔ CHỨC QUẬN ỦY"
    assert document.date == datetime.date(2024, 1, 5)
    assert document.signer == ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    path.write_text('[document]\ndate = "today"\nsigner = "BÍ THƯ"\n', encoding="utf-8")
    document = load_config(path).document
    assert document.date == datetime.date.today() and document.signer == ("BÍ THƯ",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[document]\nissuer = 3\n", "[document] issuer: must be text"),
        ('[document]\ndate = "20/12/2023"\n', "[document] date: must be a date"),
        ('[document]\nsigners = ["TRƯỞNG BAN"]\n', "[document] signers: unknown key"),
        ("[document]\nrecipients = [1]\n", "[document] recipients: must be text or a list"),
        ('document = "Ba Đình"\n', "must be a [document] table"),
    ],
)
def test_a_bad_document_table_is_a_usage_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "ctr-stats.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_config(path)
    assert message in caught.value.describe("en") and caught.value.file == str(path)


@pytest.mark.parametrize(
    ("registry", "parent", "issuer", "place"),
    [
        ("hanoi-2024", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "BAN TỔ CHỨC THÀNH ỦY", "Hà Nội"),
        ("ha-noi-2025", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "BAN TỔ CHỨC THÀNH ỦY", "Hà Nội"),
        (
            "ho-chi-minh-2025",
            "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
            "BAN TỔ CHỨC THÀNH ỦY",
            "Thành phố Hồ Chí Minh",
        ),
        ("quang-ngai-2025", "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "BAN TỔ CHỨC TỈNH ỦY", "Quảng Ngãi"),
        ("dak-lak-2025", "ĐẢNG BỘ TỈNH ĐẮK LẮK", "BAN TỔ CHỨC TỈNH ỦY", "Đắk Lắk"),
        # a user's own registry names no province: dotted blanks to fill in, never a guess
        ("don-vi", "ĐẢNG BỘ ..........", "BAN TỔ CHỨC ..........", ".........."),
    ],
)
def test_the_heading_defaults_to_the_registry_province(
    report_2023: ctr_stats.Report, registry: str, parent: str, issuer: str, place: str
) -> None:
    from dataclasses import replace

    head = heading(replace(report_2023, registry=registry), DocumentSettings(), "vi")
    assert (head.parent, head.issuer) == (parent, issuer)
    assert head.place_date == f"{place}, ngày ... tháng ... năm ..."
    assert head.party == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert (head.preparer, head.signer) == ("NGƯỜI LẬP BIỂU", ("TRƯỞNG BAN",))


def test_province_names_are_read_from_registry_names() -> None:
    assert province_of("hanoi-2024") == ("Hà Nội", "city", "Hà Nội")
    assert province_of("hai-phong-2025") == ("Hải Phòng", "city", "Hải Phòng")
    assert province_of("units") is None and province_of("ha-noi-x") is None


@pytest.mark.parametrize(
    ("date", "vi", "en"),
    [
        # 36-HD/VPTW: a day below 10 and the months 1 and 2 with a leading zero
        (datetime.date(2024, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2024", "Hà Nội, 5 January 2024"),
        (
            datetime.date(2023, 12, 20),
            "Hà Nội, ngày 20 tháng 12 năm 2023",
            "Hà Nội, 20 December 2023",
        ),
        (datetime.date(2018, 4, 3), "Hà Nội, ngày 03 tháng 4 năm 2018", "Hà Nội, 3 April 2018"),
    ],
)
def test_the_place_and_date_line(
    report_2023: ctr_stats.Report, date: datetime.date, vi: str, en: str
) -> None:
    settings = DocumentSettings(date=date)
    assert heading(report_2023, settings, "vi").place_date == vi
    assert heading(report_2023, settings, "en").place_date == en


def test_notes_name_missing_units_and_count_errors() -> None:
    report = ctr_stats.compute(
        [SAMPLES / "2023" / "ba-dinh.xlsx", SAMPLES / "2023" / "tay-ho.xlsx"]
    )
    lines = notes(report, "vi")
    assert len(lines) == 1
    assert lines[0].startswith("Thiếu báo cáo của 28 đơn vị (Hoàn Kiếm, Long Biên, ")
    assert lines[0].endswith("Mỹ Đức): các số tổng chưa gồm các đơn vị này.")
    assert notes(report, "en")[0].startswith("28 units sent no report (Hoàn Kiếm, ")
    assert notes(ctr_stats.compute([SAMPLES / "2023"]), "vi") == []


# ---------------------------------------------------------------- the annex


def test_the_annex_carries_the_heading_and_the_signature_block(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    (tmp_path / "ctr-stats.toml").write_text(CONFIG, encoding="utf-8")
    target = tmp_path / "phu-luc.xlsx"
    result = run("compute", str(SAMPLES / "2023"), "-o", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    book = load_workbook(target)
    for number, name in enumerate(book.sheetnames[:3], start=1):
        sheet = book[name]
        rows = _rows(sheet)
        assert rows[0] == ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG CỘNG SẢN VIỆT NAM"]
        assert rows[1] == ["BAN TỔ CHỨC QUẬN ỦY"]
        assert rows[2] == ["*"]
        assert rows[3] == [f"Biểu số {number}-BTC", "Ba Đình, ngày 05 tháng 01 năm 2024"]
        signature = rows.index(["NGƯỜI LẬP BIỂU", "K/T TRƯỞNG BAN"])
        assert rows[signature + 1] == ["PHÓ TRƯỞNG BAN"]
        assert rows[signature + 6] == ["Nguyễn Thị Hoa", "Trần Văn Minh"]
        assert rows[signature - 2][0] == "Tổng cộng"  # a blank row between, no note
    sheet = book["Kết nạp đảng viên"]
    party = next(c for c in sheet[1] if c.value == "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (party.font.b, party.font.sz, party.font.u) == (True, 15, "single")
    assert party.font.name == "Times New Roman"
    assert sheet["A2"].font.b and sheet["A2"].font.sz == 14 and not sheet["A1"].font.b
    place = next(c for c in sheet[4] if c.value and str(c.value).startswith("Ba Đình"))
    assert place.font.i and place.font.sz == 14
    assert sheet["A6"].font.b and sheet["A6"].font.sz == 15  # the form's title


def test_the_annex_notes_missing_units_under_the_table(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from ctr_stats.render.excel import write_excel

    report = ctr_stats.compute([SAMPLES / "2023" / "ba-dinh.xlsx"])
    write_excel(report, tmp_path / "annex.xlsx")
    rows = _rows(load_workbook(tmp_path / "annex.xlsx")["Kết nạp đảng viên"])
    total = next(i for i, r in enumerate(rows) if r and r[0] == "Tổng cộng")
    assert rows[total + 1][0].startswith("Ghi chú: Thiếu báo cáo của 29 đơn vị (Hoàn Kiếm, ")
    assert rows[total + 3] == ["NGƯỜI LẬP BIỂU", "TRƯỞNG BAN"]


def test_the_readme_document_table_loads(tmp_path: Path) -> None:
    from .test_cli import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```toml\n[document]") + len("```toml\n")
    path = tmp_path / "ctr-stats.toml"
    path.write_text(readme[start : readme.index("```", start)], encoding="utf-8")
    document = load_config(path).document
    assert document.report_number == "Số 12-BC/BTCTU" and len(document.recipients or ()) == 2


# ---------------------------------------------------------------- the Word report


@pytest.fixture(scope="module")
def word_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("word")
    (folder / "ctr-stats.toml").write_text(CONFIG, encoding="utf-8")
    target = folder / "bao-cao.docx"
    result = run("compute", str(SAMPLES / "2023"), "-o", str(target), cwd=folder)
    assert result.returncode == 0, result.stderr
    return target


def test_the_word_report_is_in_the_party_form(word_report: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document(str(word_report))
    section = document.sections[0]
    page = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    page += [section.left_margin, section.right_margin]
    assert [round(length.mm, 1) for length in page] == [210, 297, 20, 20, 30, 15]  # twips
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))
    assert document.core_properties.author == "ctr-stats"

    head = document.tables[0].rows[0].cells
    assert [p.text for p in head[0].paragraphs] == [
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "BAN TỔ CHỨC QUẬN ỦY",
        "*",
        "Số       -BC/BTCTU",
    ]
    party, place = head[1].paragraphs
    assert (
        party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
        and place.text == "Ba Đình, ngày 05 tháng 01 năm 2024"
    )
    assert party.runs[0].bold and party.runs[0].font.size == Pt(15)
    assert party._p.pPr.find(qn("w:pBdr")) is not None  # the rule under the party's name
    assert place.runs[0].italic and place.runs[0].font.size == Pt(14)
    assert head[0].paragraphs[1].runs[0].bold and not head[0].paragraphs[0].runs[0].bold

    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:3] == ["BÁO CÁO", "số liệu công tác tổ chức xây dựng Đảng năm 2023", "-----"]
    narrative = run("compute", "data/samples/2023", "--format", "text").stdout
    assert texts[3:6] == narrative.strip().split("\n\n")
    assert texts[6:] == [
        "Biểu số 1. Kết nạp đảng viên",
        "Đơn vị tính: người",
        "Biểu số 2. Tổ chức đảng, chi bộ",
        "Đơn vị tính: tổ chức",
        "Biểu số 3. Kiểm tra, giám sát",
        "Đơn vị tính: tổ chức, người",
    ]
    admission = document.tables[1]
    assert [c.text for c in admission.rows[0].cells] == [
        "Chỉ tiêu",
        "Kế hoạch",
        "Thực hiện",
        "Cùng kỳ",
        "% KH",
        "% CK",
    ]
    assert [c.text for c in admission.rows[1].cells] == [
        "Đảng viên mới kết nạp",
        "9.810",
        "10.479",
        "10.020",
        "106,8%",
        "104,6%",
    ]
    assert [c.text for c in admission.rows[3].cells][1:] == ["", "13", "11", "", "118,2%"]
    recipients, signer = document.tables[-1].rows[0].cells
    assert [p.text for p in recipients.paragraphs] == [
        "Nơi nhận:",
        "- Thường trực Thành ủy (để báo cáo),",
        "- Lưu Văn phòng.",
    ]
    assert [p.text for p in signer.paragraphs if p.text] == [
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Trần Văn Minh",
    ]
    assert all(p.runs[0].bold for p in signer.paragraphs if p.text)


def qn(name: str) -> str:
    from docx.oxml.ns import qn as namespaced

    return str(namespaced(name))


@pytest.mark.parametrize(
    ("period", "lang"), [("2023", "vi"), ("2022-h1", "vi"), ("2021-9m", "vi"), ("2022-h1", "en")]
)
def test_the_word_report_passes_verify(tmp_path: Path, period: str, lang: str) -> None:
    import json

    target = tmp_path / "bao-cao.docx"
    data = f"data/samples/{period}"
    result = run("compute", data, "-o", str(target), "--lang", lang, "--by", "unit")
    assert result.returncode == 0, result.stderr
    checked = run("verify", str(target), "--data", data, "--lang", lang, "--format", "json")
    assert checked.returncode == 0, checked.stdout
    summary = json.loads(checked.stdout)["summary"]
    assert summary["mismatch"] == 0 and summary["unmatched"] == 0 and summary["ok"] > 20


@pytest.mark.parametrize(
    ("column", "value"),
    [(1, "9.811"), (2, "10.478"), (3, "10.021"), (4, "106,9%"), (5, "105,6%")],
)
def test_a_changed_table_cell_fails_on_its_row(
    tmp_path: Path, report_2023: ctr_stats.Report, column: int, value: str
) -> None:
    import docx

    from ctr_stats.render.word import write_docx
    from ctr_stats.verify import verify

    path = tmp_path / "bao-cao.docx"
    write_docx(report_2023, path)
    document = docx.Document(str(path))
    cell = document.tables[1].rows[1].cells[column]
    cell.paragraphs[0].runs[0].text = value
    document.save(str(path))
    claims = verify(path, report_2023)
    wrong = [c for c in claims if c.status == "mismatch"]
    assert wrong and all(c.text.startswith("Đảng viên mới kết nạp | ") for c in wrong)
    # without the data, the row's own arithmetic: 10.479/9.810 is not 106,9%, while 9.811
    # or 10.478 still give the percentages printed
    alone = [c.status for c in verify(path) if c.text.startswith("Đảng viên mới kết nạp | ")]
    assert ("mismatch" in alone) == (column in (4, 5))


def test_the_word_report_needs_a_file_and_notes_missing_units(tmp_path: Path) -> None:
    import docx

    from ctr_stats.render.word import write_docx

    result = run("compute", "data/samples/2023", "--format", "docx")
    assert result.returncode == 2 and "docx" in result.stderr
    report = ctr_stats.compute([SAMPLES / "2023" / "ba-dinh.xlsx"])
    write_docx(report, tmp_path / "bao-cao.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "bao-cao.docx")).paragraphs]
    assert any(t.startswith("Ghi chú: Thiếu báo cáo của 29 đơn vị (Hoàn Kiếm, ") for t in texts)


# ---------------------------------------------------------------- as LibreOffice shows them


def _dark_share(pgm: bytes) -> float:
    """The share of dark pixels in a binary PGM (P5) page."""
    fields = pgm.split(maxsplit=4)
    width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
    return sum(1 for b in pixels[: width * height] if b < 128) / (width * height)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice or poppler is not installed (.ci/run installs them)",
)
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("phu-luc.xlsx", ["ĐẢNG CỘNG SẢN VIỆT NAM", "NGƯỜI LẬP BIỂU", "10.479", "106,8%"]),
        ("bao-cao.docx", ["ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "10.479", "106,8%", "TRƯỞNG BAN"]),
    ],
)
def test_rendered_pages_are_not_blank(tmp_path: Path, name: str, expected: list[str]) -> None:
    import subprocess

    target = tmp_path / name
    assert run("compute", "data/samples/2023", "-o", str(target)).returncode == 0
    libreoffice_convert(target, "pdf", tmp_path)
    pdf = target.with_suffix(".pdf")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.pgm"))
    assert pages
    for page in pages:
        assert _dark_share(page.read_bytes()) > 0.002, page.name
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for words in expected:  # Vietnamese numbers, whatever LibreOffice's own locale
        assert words in text
