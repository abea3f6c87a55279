"""Outputs people paste into reports: exact text, Markdown, CSV and TSV, an Excel annex
checked by reading it back, and writes that never destroy the previous report."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from .helpers import libreoffice_convert
from .test_cli import GOLDEN, ROOT, SAMPLES, run

TEXTS = [
    (f"text-{period}.{lang}.txt", (f"data/samples/{period}", "--format", "text", "--lang", lang))
    for period in ("2023", "2022-h1", "2021-9m")
    for lang in ("vi", "en")
]
GOLDENS = [
    *TEXTS,
    (
        "text-2023-admission-by-unit.vi.txt",
        ("data/samples/2023", "--format", "text", "--indicator", "admission.total", "--by", "unit"),
    ),
    (
        "text-2023-by-unit.en.txt",
        ("data/samples/2023", "--format", "text", "--by", "unit", "--lang", "en"),
    ),
    ("text-2022-h1-by-unit.vi.txt", ("data/samples/2022-h1", "--format", "text", "--by", "unit")),
    ("markdown-2023.vi.md", ("data/samples/2023", "--format", "markdown")),
    (
        "markdown-2023-top3.vi.md",
        (
            "data/samples/2023",
            "--format",
            "markdown",
            "--indicator",
            "party_cell.new_*",
            "--sort",
            "plan",
            "--top",
            "3",
        ),
    ),
    ("csv-2023.vi.csv", ("data/samples/2023", "--format", "csv")),
    ("csv-2022-h1.en.csv", ("data/samples/2022-h1", "--format", "csv", "--lang", "en")),
    ("tsv-2023.vi.tsv", ("data/samples/2023", "--format", "tsv")),
]


@pytest.mark.parametrize(("golden", "args"), GOLDENS, ids=[g for g, _ in GOLDENS])
def test_golden_output(golden: str, args: tuple[str, ...]) -> None:
    result = run("compute", *args)
    assert result.returncode == 0, result.stderr
    expected = (GOLDEN / golden).read_text(encoding="utf-8")  # CRLF read as the subprocess reads it
    assert result.stdout == expected


def test_text_states_the_published_sentences() -> None:
    text = (GOLDEN / "text-2023.vi.txt").read_text(encoding="utf-8")
    assert "toàn thành phố kết nạp 10.479/9.810 đảng viên mới, đạt 106,8% kế hoạch" in text
    assert "852/453 đảng viên mới trong doanh nghiệp ngoài khu vực nhà nước (đạt 188,1%" in text
    assert (
        "Thành lập được 109/69 tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước (đạt 158%"
        " kế hoạch" in text
    )
    nine_months = (GOLDEN / "text-2021-9m.vi.txt").read_text(encoding="utf-8")
    assert "kết nạp 6.606 đảng viên mới, tăng 17,2% so với cùng kỳ năm 2020;" in nine_months


def test_file_output_equals_stdout(tmp_path: Path) -> None:
    for suffix, golden in (
        (".md", "markdown-2023.vi.md"),
        (".txt", "text-2023.vi.txt"),
        (".csv", "csv-2023.vi.csv"),
    ):
        target = tmp_path / f"report{suffix}"
        result = run("compute", "data/samples/2023", "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert target.read_bytes() == (GOLDEN / golden).read_bytes()
    assert (tmp_path / "report.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_cells_that_look_like_formulas_are_escaped(tmp_path: Path) -> None:
    from ctr_stats.render.tables import escape_text

    assert escape_text('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert (
        escape_text("+1") == "'+1"
        and escape_text("@SUM(A1)") == "'@SUM(A1)"
        and escape_text("Ba Đình") == "Ba Đình"
    )
    units = _hostile_registry(tmp_path)
    result = run(
        "compute",
        "data/samples/2023/ba-dinh.xlsx",
        "--units-only",
        str(units),
        "--format",
        "csv",
        "--by",
        "unit",
    )
    assert result.returncode == 0, result.stderr
    assert ";\"'=HYPERLINK(" in result.stdout
    assert ";=HYPERLINK(" not in result.stdout and ';"=HYPERLINK(' not in result.stdout


def _hostile_registry(tmp_path: Path) -> Path:
    units = tmp_path / "units.csv"
    units.write_text(
        'code,name,type,aliases\n001,"=HYPERLINK(""http://evil.example"",""Ba Đình"")",quận,Ba Đình\n',
        encoding="utf-8",
    )
    return units


# ---------------------------------------------------------------- Excel


@pytest.fixture(scope="module")
def annex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("annex") / "phu-luc.xlsx"
    result = run("compute", "data/samples/2023", "-o", str(target))
    assert result.returncode == 0, result.stderr
    return target


def test_excel_values_formats_and_header(annex: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(annex)
    assert book.sheetnames[:3] == [
        "Kết nạp đảng viên",
        "Tổ chức đảng, chi bộ",
        "Kiểm tra, giám sát",
    ]
    sheet = book["Kết nạp đảng viên"]
    assert sheet["A6"].value == "BIỂU TỔNG HỢP KẾT NẠP ĐẢNG VIÊN NĂM 2023"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A9:A10", "B9:B10", "C9:G9", "H9:L9"} <= merged
    assert [sheet.cell(10, c).value for c in range(3, 8)] == [
        "Kế hoạch",
        "Thực hiện",
        "Cùng kỳ",
        "% KH",
        "% cùng kỳ",
    ]
    assert (sheet["A11"].value, sheet["B11"].value, sheet["C11"].value, sheet["D11"].value) == (
        1,
        "Ba Đình",
        283,
        291,
    )
    assert sheet["A41"].value == "Tổng cộng"
    assert (sheet["C41"].value, sheet["D41"].value) == (9810, 10479)
    assert sheet["F41"].value == pytest.approx(1.068)
    assert sheet["F41"].number_format == "[$-42A]0.0%"  # LibreOffice: 106,8% in any locale
    assert sheet["K41"].value == pytest.approx(1.881)
    # 10.479 in any Excel: the dots are literal text, not the system's separator
    assert sheet["D41"].number_format == '[>=1000000]#"."###"."###;[>=1000]#"."###;0'
    assert sheet.freeze_panes == "C11"
    assert sheet.print_title_rows == "$9:$10"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert (sheet.page_margins.left, sheet.page_margins.right) == pytest.approx(
        (30 / 25.4, 15 / 25.4)
    )
    rules = {str(r.sqref): [x.operator for x in r.rules] for r in sheet.conditional_formatting}
    assert rules["F11:F40"] == ["lessThan"] and rules["G11:G40"] == ["lessThan"]
    sources = book["Nguồn"]
    assert [c.value for c in sources[1]] == [
        "Mã",
        "Đơn vị",
        "Chỉ tiêu",
        "Tệp",
        "Trang tính",
        "Ô Kế hoạch",
        "Ô Thực hiện",
        "Ô Cùng kỳ",
    ]
    assert [c.value for c in sources[2]] == [
        "001",
        "Ba Đình",
        "Đảng viên mới kết nạp",
        "data/samples/2023/ba-dinh.xlsx",
        "Kết nạp",
        "C10:C18",
        "D10:D18",
        "E10:E18",
    ]
    import ctr_stats

    report = ctr_stats.compute([Path("data/samples/2023")])
    assert sources.max_row - 1 == len(report.units)  # a row per figure, as the JSON


def test_excel_sources_name_the_file_of_figures_read_elsewhere(tmp_path: Path) -> None:
    """With --prior, Cùng kỳ comes from last period's files: its cell says which."""
    from openpyxl import load_workbook

    import ctr_stats
    from ctr_stats.render.excel import write_excel

    from .helpers import last_year

    prior = last_year(tmp_path, SAMPLES)
    report = ctr_stats.compute([Path("data/samples/2023")], prior=[prior], period=None)
    write_excel(report, tmp_path / "annex.xlsx")
    sources = load_workbook(tmp_path / "annex.xlsx", read_only=True)["Nguồn"]
    first = [c.value for c in next(sources.iter_rows(min_row=2, max_row=2))]
    assert first[3:7] == ["data/samples/2023/ba-dinh.xlsx", "Kết nạp", "C10:C18", "D10:D18"]
    assert re.fullmatch(re.escape(str(prior)) + r"/ba-dinh\.xlsx!Kết nạp!D\d+:D\d+", first[7])


def test_excel_has_a_native_chart_on_its_own_sheet(annex: Path) -> None:
    with zipfile.ZipFile(annex) as archive:
        names = archive.namelist()
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "xl/chartsheets/sheet1.xml" in names
    assert "<c:barChart>" in chart and "'Kết nạp đảng viên'!$F$11:$F$40" in chart


def test_excel_has_no_formula_unless_asked(annex: Path) -> None:
    with zipfile.ZipFile(annex) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert all(b"<f>" not in xml for xml in sheets)


def test_input_text_never_becomes_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    result = run(
        "compute",
        "data/samples/2023/ba-dinh.xlsx",
        "--units-only",
        str(_hostile_registry(tmp_path)),
        "-o",
        str(target),
        "--formulas",
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                formulas = re.findall(rb"<f>([^<]*)</f>", archive.read(name))
                assert all(f.startswith((b"SUM(", b"IF(")) for f in formulas), formulas
    cell = load_workbook(target)["Kết nạp đảng viên"]["B11"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK(")


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)"
)
def test_live_formulas_recomputed_by_libreoffice_equal_the_tools(tmp_path: Path) -> None:
    """Strip the cached results, let LibreOffice compute every formula, compare with the tool."""
    import csv
    import json
    from decimal import ROUND_HALF_UP, Decimal

    target = tmp_path / "live.xlsx"
    assert run("compute", "data/samples/2023", "-o", str(target), "--formulas").returncode == 0
    stripped = tmp_path / "stripped.xlsx"
    with (
        zipfile.ZipFile(target) as source,
        zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                assert b"<f>" in data or "sheet4" in info.filename
                data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", data)
            out.writestr(info, data)
    libreoffice_convert(
        stripped,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        tmp_path,
    )
    with open(tmp_path / "stripped-Kết nạp đảng viên.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    total = next(r for r in rows if r and r[0] == "Tổng cộng")
    tool = json.loads(run("compute", "data/samples/2023", "--format", "json").stdout)
    admission = next(t for t in tool["totals"] if t["indicator"] == "admission.total")
    assert [int(total[2]), int(total[3]), int(total[4])] == [
        admission["plan"],
        admission["actual"],
        admission["prior"],
    ]
    # LibreOffice writes a percentage in its format's language ([$-42A]): a decimal comma
    recomputed = Decimal(total[5].rstrip("%").replace(",", ".")).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )
    assert recomputed == Decimal(str(admission["percent_of_plan"]))
    ba_dinh = next(r for r in rows if len(r) > 1 and r[1] == "Ba Đình")
    assert Decimal(ba_dinh[5].rstrip("%").replace(",", ".")).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    ) == Decimal("102.8")


# ---------------------------------------------------------------- safe writes


def test_kill_during_write_keeps_the_previous_report(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"ctr-stats compute: the previous report")
    env = {**os.environ, "CTR_STATS_TEST_PAUSE_BEFORE_REPLACE": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "ctr_stats", "compute", "data/samples/2023", "-o", str(target)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".bao-cao.xlsx.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".bao-cao.xlsx.*")), "the temporary file never appeared"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert target.read_bytes() == b"ctr-stats compute: the previous report"
    result = run("compute", "data/samples/2023", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx"]


def test_permissions_of_the_previous_report_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("ctr-stats compute: an earlier report")
    target.chmod(0o640)
    assert run("compute", "data/samples/2023", "-o", str(target)).returncode == 0
    assert target.stat().st_mode & 0o777 == 0o640


def test_writing_over_an_input_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    victim = folder / "ba-dinh.xlsx"
    before = victim.read_bytes()
    result = run("compute", str(folder), "-o", str(victim))
    assert result.returncode == 2
    assert "ba-dinh.xlsx" in result.stderr and "Traceback" not in result.stderr
    assert victim.read_bytes() == before


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_file_the_tool_did_not_write_is_never_written_over(tmp_path: Path, lang: str) -> None:
    mine = tmp_path / "bao-cao.txt"
    mine.write_text("Ghi chú của tôi", encoding="utf-8")
    result = run("compute", "data/samples/2023", "-o", str(mine), "--lang", lang)
    assert result.returncode == 2
    said = {
        "vi": f"Lỗi: {mine}: tệp này đã có và không phải do ctr-stats ghi ra: không ghi đè"
        " lên nó; hãy chọn tên tệp khác cho --output, hoặc tự xóa (đổi tên) tệp này rồi"
        " chạy lại\n",
        "en": f"Error: {mine}: this file is already there and was not written by ctr-stats:"
        " it is not written over; choose another name for --output, or delete (rename) the"
        " file and run again\n",
    }[lang]
    assert result.stderr == said
    assert mine.read_text(encoding="utf-8") == "Ghi chú của tôi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.txt"]


def test_the_tools_own_earlier_outputs_and_empty_files_may_be_replaced(tmp_path: Path) -> None:
    for name in ("phu-luc.xlsx", "bang.csv", "bao-cao.docx"):
        target = tmp_path / name
        assert run("compute", "data/samples/2023", "-o", str(target)).returncode == 0
        before = target.read_bytes()
        again = run("compute", "data/samples/2023", "--lang", "en", "-o", str(target))
        assert again.returncode == 0, again.stderr
        assert target.read_bytes() != before  # written again, in English
    empty = tmp_path / "rong.md"
    empty.touch()
    assert run("compute", "data/samples/2023", "-o", str(empty)).returncode == 0
    assert empty.read_text(encoding="utf-8").startswith("<!-- ctr-stats compute")


def test_an_annex_edited_and_saved_since_the_tool_wrote_it_is_never_written_over(
    tmp_path: Path,
) -> None:
    """Trial 23: the clerk opened the annex, added a line and a note, saved it; the next
    `-o` run wrote over it, exit 0, the edits gone. Saved again by Excel, LibreOffice,
    Word or openpyxl, the file is the clerk's work: refused, kept as it was."""
    import docx
    import openpyxl

    annex, document = tmp_path / "phu-luc.xlsx", tmp_path / "bao-cao.docx"
    for target in (annex, document):
        assert run("compute", "data/samples/2023", "-o", str(target)).returncode == 0
    workbook = openpyxl.load_workbook(annex)
    workbook.active["A1"] = "Bản đã sửa - trình Thường trực ngày 16/12"
    workbook.properties.lastModifiedBy = "Nguyễn Thị Hương"
    workbook.save(annex)
    word = docx.Document(str(document))
    word.add_paragraph("Ghi chú của Ban")
    word.core_properties.last_modified_by = "Trần Văn Nam"
    word.save(str(document))
    for target, editor in ((annex, "Nguyễn Thị Hương"), (document, "Trần Văn Nam")):
        before = target.read_bytes()
        again = run("compute", "data/samples/2023", "-o", str(target))
        assert again.returncode == 2
        assert again.stderr == (
            f"Lỗi: {target}: tệp này do ctr-stats ghi ra nhưng đã được mở, sửa và lưu lại sau"
            f" đó (người sửa: {editor}): không ghi đè để khỏi mất phần đã sửa; hãy chọn tên tệp"
            " khác cho --output, hoặc tự đổi tên (xóa) tệp này rồi chạy lại\n"
        )
        assert target.read_bytes() == before
    # saved again with no one named (openpyxl keeps the name it read, the time is the save's)
    workbook = openpyxl.load_workbook(annex)
    workbook.properties.lastModifiedBy = "ctr-stats"
    workbook.save(annex)
    assert run("compute", "data/samples/2023", "-o", str(annex)).returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx", "phu-luc.xlsx"]


def test_format_md_is_markdown() -> None:
    """Trial 23: `--format md` was refused (exit 2) while `-o x.md` wrote Markdown."""
    assert run("compute", "data/samples/2023", "--format", "md").stdout == (
        GOLDEN / "markdown-2023.vi.md"
    ).read_text(encoding="utf-8")


def test_output_naming_a_folder_is_said_so_before_its_suffix(tmp_path: Path) -> None:
    (tmp_path / "bao-cao").mkdir()
    (tmp_path / "bang.csv").mkdir()
    for name in ("bao-cao", "bang.csv"):
        result = run("compute", "data/samples/2023", "-o", str(tmp_path / name))
        assert result.returncode == 2
        assert result.stderr == (
            f"Lỗi: {tmp_path / name}: đây là một thư mục, không phải một tệp: không ghi đè lên"
            " nó; hãy chọn tên tệp cho --output\n"
        )


@pytest.mark.parametrize(
    ("lock", "program"), [("~$report.xlsx", "Excel"), (".~lock.report.xlsx#", "LibreOffice")]
)
def test_a_report_open_in_excel_or_libreoffice_gets_a_clear_message(
    tmp_path: Path, lock: str, program: str
) -> None:
    """Trial 28, case 5: an annex open in LibreOffice Calc was replaced, exit 0."""
    target = tmp_path / "report.xlsx"
    (tmp_path / lock).write_bytes(b"lock")
    result = run("compute", "data/samples/2023", "-o", str(target), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: {target}: the file is open in {program}: close it and run again\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    "args",
    [("--format", "xlsx"), ("-o", "report.pdf"), ("--formulas",), ("--indicator", "nothing.*")],
)
def test_output_usage_errors(args: tuple[str, ...]) -> None:
    result = run("compute", "data/samples/2023", *args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_cannot_be_written_is_said_so_and_the_old_one_kept(tmp_path: Path) -> None:
    from ctr_stats import output
    from ctr_stats.errors import UsageError

    target = tmp_path / "annex.xlsx"
    target.write_text("the report from before")

    def full_disk(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(UsageError) as caught:
        output.write_atomically(target, full_disk)
    assert "(No space left on device)" in caught.value.describe("en")
    assert caught.value.file == str(target)
    assert target.read_text() == "the report from before"
    assert list(tmp_path.iterdir()) == [target]  # the half-written temporary file is gone


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
@pytest.mark.parametrize("name", ["phu-luc.xlsx", "bao-cao.json"])
def test_a_folder_nobody_can_write_in_is_a_usage_error(name: str) -> None:
    result = run("compute", "data/samples/2023", "-o", f"/proc/{name}")
    assert result.returncode == 2, result.stderr
    assert "không ghi được tệp vào thư mục này" in result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr


def test_an_annex_past_excel_rows_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ctr_stats
    from ctr_stats.errors import UsageError
    from ctr_stats.render import excel

    report = ctr_stats.compute([SAMPLES / "2023"])
    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", len(report.units))  # one row short
    target = tmp_path / "annex.xlsx"
    with pytest.raises(UsageError) as caught:
        excel.write_excel(report, target)
    assert f"the report has {len(report.units):,} figures, more than the" in caught.value.describe(
        "en"
    )
    assert f"báo cáo có {len(report.units)} số liệu, quá" in caught.value.describe("vi")
    assert not target.exists()
