"""A sample workbook edited as clerks edit theirs: wording, title lines, captions and
columns that say the same thing another way. Every figure of the city stays what the
unedited folder gives, and nothing is refused."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

import ctr_stats

from .conftest import SAMPLES
from .helpers import edit

Figures = dict[str, tuple[int | None, int | None, int | None]]


def _figures(report: ctr_stats.Report) -> Figures:
    return {
        t.figures.indicator: (t.figures.plan, t.figures.actual, t.figures.prior)
        for t in report.totals
    }


@cache
def _unedited() -> Figures:
    return _figures(ctr_stats.compute([SAMPLES / "2023"], registry="hanoi-2024"))


def _edited(
    tmp_path: Path, file: str, sheet: str, change: Callable[[Worksheet], None]
) -> ctr_stats.Report:
    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    edit(folder / file, sheet, change)
    return ctr_stats.compute([folder], registry="hanoi-2024")


def _cells(**values: object) -> Callable[[Worksheet], None]:
    def change(ws: Worksheet) -> None:
        for cell, value in values.items():
            ws[cell].value = value

    return change


def _caption_row(ws: Worksheet) -> None:
    ws.insert_rows(7)
    ws["A7"].value = "(Ban hành kèm theo Hướng dẫn số 05-HD/BTCTU ngày 10/01/2023)"


def _name_over_two_lines(ws: Worksheet) -> None:
    """The first unit's name (and its STT) merged over two rows, its figures typed on the
    second."""
    ws.insert_rows(10)
    for column in ("A", "B"):
        ws[f"{column}10"].value = ws[f"{column}11"].value
        ws[f"{column}11"].value = None
        ws.merge_cells(f"{column}10:{column}11")


def _numbering_right_of_the_names(ws: Worksheet) -> None:
    """ "Đơn vị | STT | …": the names first, their numbers in the second column."""
    for merged in [m for m in ws.merged_cells.ranges if m.min_col <= 2]:
        ws.unmerge_cells(str(merged))
    for r in range(8, 19):
        ws[f"A{r}"].value, ws[f"B{r}"].value = ws[f"B{r}"].value, ws[f"A{r}"].value


COSMETIC: dict[str, tuple[str, Callable[[Worksheet], None]]] = {
    "bilingual measure": ("Kết nạp", _cells(D9="Thực hiện / Actual", C9="Kế hoạch (Plan)")),
    "unit heading as a list": ("Kết nạp", _cells(B8="Tên đơn vị, địa phương")),
    "plan as the target given": ("Kết nạp", _cells(C9="Chỉ tiêu được giao năm 2023")),
    "actual as the event done": ("Kết nạp", _cells(D9="Đã kết nạp")),
    "committee and department": (
        "Kết nạp",
        _cells(A2="QUẬN ỦY BA ĐÌNH - BAN TỔ CHỨC", A3=None),
    ),
    "unit line abbreviated": ("Kết nạp", _cells(A2="Q. BA ĐÌNH")),
    "unit line without its committee": ("Kết nạp", _cells(A2="QUẬN BA ĐÌNH")),
    "caption in the title block": ("Kết nạp", _cells(A7="(Ban hành kèm theo Hướng dẫn số 05)")),
    "caption on a row of its own": ("Kết nạp", _caption_row),
    "unit line with the committee's term": (
        "Kết nạp",
        _cells(A2="ĐẢNG BỘ QUẬN BA ĐÌNH KHÓA XXV, NHIỆM KỲ 2020 - 2025"),
    ),
    "numbering right of the names": ("Kết nạp", _numbering_right_of_the_names),
    "a unit's name over two lines, its figures on the second": (
        "Kết nạp",
        _name_over_two_lines,
    ),
}


@pytest.mark.parametrize(
    "name",
    ["numbering right of the names", "a unit's name over two lines, its figures on the second"],
)
def test_a_layout_edit_says_nothing(tmp_path: Path, name: str) -> None:
    """Not even a warning: the numbers of an STT column are the rows' numbering."""
    sheet, change = COSMETIC[name]
    report = _edited(tmp_path, "ba-dinh.xlsx", sheet, change)
    assert [(f.code, f.cell) for f in report.findings] == []


def test_a_name_over_two_lines_with_figures_on_both_names_the_second(tmp_path: Path) -> None:
    def change(ws: Worksheet) -> None:
        _name_over_two_lines(ws)
        for column in "CDEFGHIJKLMN":
            ws[f"{column}10"].value = ws[f"{column}11"].value

    report = _edited(tmp_path, "ba-dinh.xlsx", "Kết nạp", change)
    assert ("unlabelled-row", "B11") in [(f.code, f.cell) for f in report.errors]


@pytest.mark.parametrize("name", list(COSMETIC))
def test_a_cosmetic_edit_leaves_every_figure_and_refuses_nothing(tmp_path: Path, name: str) -> None:
    sheet, change = COSMETIC[name]
    report = _edited(tmp_path, "ba-dinh.xlsx", sheet, change)
    assert [(f.code, f.cell) for f in report.errors] == []
    assert _figures(report) == _unedited()


def _discipline_split(group: str) -> Callable[[Worksheet], None]:
    """Four columns right of the table, "Khiển trách | Cảnh cáo | Cách chức | Khai trừ"
    under one heading: every member disciplined was reprimanded."""

    def change(ws: Worksheet) -> None:
        ws.merge_cells("AA8:AD8")
        ws["AA8"].value = group
        for column, form in zip(["AA", "AB", "AC", "AD"], FORMS, strict=True):
            ws[f"{column}9"].value = form
            for r in range(10, 20):
                ws[f"{column}{r}"].value = ws[f"Y{r}"].value if column == "AA" else 0

    return change


FORMS = ("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ")


@pytest.mark.parametrize("group", ["Kỷ luật", "Kỷ luật đảng viên"])
def test_discipline_split_into_its_forms_is_read(tmp_path: Path, group: str) -> None:
    report = _edited(tmp_path, "ba-dinh.xlsx", "Kiểm tra", _discipline_split(group))
    # read, every one; and only one unit of 30 reports the forms, so their city totals are
    # that unit's: said as partial-indicator (an error --allow-missing accepts)
    assert [(f.code, f.cell, f.indicator) for f in report.errors] == [
        ("partial-indicator", None, f"inspection.disciplined_members_{form}")
        for form in ("reprimand", "warning", "dismissed", "expelled")
    ]
    assert not [f for f in report.findings if f.code == "unknown-column"]
    figures = _figures(report)
    assert {k: v for k, v in figures.items() if k in _unedited()} == _unedited()
    forms = {k: v for k, v in figures.items() if k not in _unedited()}
    assert forms == {
        "inspection.disciplined_members_reprimand": (None, 10, None),
        "inspection.disciplined_members_warning": (None, 0, None),
        "inspection.disciplined_members_dismissed": (None, 0, None),
        "inspection.disciplined_members_expelled": (None, 0, None),
    }


TITLE_WORDS = {
    "an addressee": "Kính gửi: Ban Tổ chức Thành ủy",
    "the work's name": "CÔNG TÁC ĐẢNG VIÊN",
    "a second event": "CÔNG TÁC KẾT NẠP VÀ KỶ LUẬT ĐẢNG VIÊN",
}


@pytest.mark.parametrize("name", list(TITLE_WORDS))
@pytest.mark.parametrize("sheet", ["Kết nạp", "Tổ chức đảng", "Kiểm tra"])
def test_words_in_the_title_block_drop_no_column(tmp_path: Path, name: str, sheet: str) -> None:
    report = _edited(tmp_path, "ba-dinh.xlsx", sheet, _cells(A4=TITLE_WORDS[name]))
    assert [(f.code, f.cell) for f in report.findings if f.code == "unknown-column"] == []
    assert _figures(report) == _unedited()


def test_a_column_not_understood_where_the_others_report_it_is_an_error(tmp_path: Path) -> None:
    """A heading naming no indicator, not even one close to it: its figures would drop out
    of a total the 29 other units report, so the run fails naming its cells."""
    report = _edited(tmp_path, "ba-dinh.xlsx", "Kết nạp", _cells(M8="Sinh viên, học sinh"))
    assert [(f.code, f.cell, f.severity.value) for f in report.errors] == [
        ("unknown-column", "M9", "error"),
        ("unknown-column", "N9", "error"),
    ]
    assert report.errors[0].message_en.endswith(
        "cells M10:M19 not added; so this unit has no 'University students' (actual), which"
        " 29 other units report"
    )
    assert _figures(report)["admission.university_student"] == (None, 403, 380)


def test_a_criterion_row_naming_no_indicator_is_an_error_where_others_report_it(
    tmp_path: Path,
) -> None:
    """Criteria down the rows, one unit a sheet: a row the catalogue cannot place, not even
    close to an indicator, holds a number the other units' totals have: an error naming it."""
    from .helpers import write_xlsx

    header = [["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ"]]
    for name, label in [
        ("Quận Ba Đình", "Trong đó: sinh viên, học sinh"),
        ("Quận Tây Hồ", "Trong đó: sinh viên"),
        ("Quận Cầu Giấy", "Trong đó: sinh viên"),
    ]:
        title = [[f"ĐẢNG BỘ {name.upper()}"], ["BÁO CÁO CÔNG TÁC ĐẢNG VIÊN NĂM 2023"]]
        rows = [[1, "Đảng viên mới kết nạp", 35, 39, 31], [2, label, None, 4, 3]]
        write_xlsx(tmp_path / f"{name}.xlsx", {"S": [*title, *header, *rows]})
    report = ctr_stats.compute([tmp_path], registry="hanoi-2024")
    (unread,) = [f for f in report.errors if f.code != "missing-unit"]
    assert (unread.code, unread.cell, Path(unread.file or "").name) == (
        "unknown-criterion",
        "B5",
        "Quận Ba Đình.xlsx",
    )
    assert unread.message_en.endswith(
        "its figures (D5, E5) are not added; so this unit has no 'University students'"
        " (actual), which 2 other units report"
    )
    assert _figures(report)["admission.university_student"] == (None, 8, 6)


def _below_the_signature(source: str, rows: range | None = None) -> Callable[[Worksheet], None]:
    """Paste the sample's `source` sheet (or only its `rows`) 25 rows down, below this
    sheet's signature block, and remove that sheet."""

    def change(ws: Worksheet) -> None:
        book = ws.parent
        other = book[source]
        for row in other.iter_rows():
            for cell in row:
                if cell.value is not None and (rows is None or cell.row in rows):
                    ws.cell(cell.row + 25, cell.column).value = cell.value
        if rows is None:
            for area in other.merged_cells.ranges:
                ws.merge_cells(
                    start_row=area.min_row + 25,
                    start_column=area.min_col,
                    end_row=area.max_row + 25,
                    end_column=area.max_col,
                )
        book.remove(other)

    return change


def test_a_table_stacked_below_the_signature_block_is_read(tmp_path: Path) -> None:
    report = _edited(tmp_path, "ba-dinh.xlsx", "Kết nạp", _below_the_signature("Tổ chức đảng"))
    assert [(f.code, f.cell) for f in report.errors] == []
    assert _figures(report) == _unedited()
    assert report.accounting.not_used == 0


def test_figures_below_the_signature_block_under_no_header_are_named(tmp_path: Path) -> None:
    change = _below_the_signature("Tổ chức đảng", range(10, 16))
    report = _edited(tmp_path, "ba-dinh.xlsx", "Kết nạp", change)
    unread = [(f.code, f.sheet, f.cell) for f in report.errors if f.code != "missing-sheet"]
    assert unread == [("unread-table", "Kết nạp", "A35:S40")]
    listed = [u.cell for u in report.accounting.unused if u.code == "unread-table"]
    # five rows of a number and 17 figures, and the total row's 17
    assert listed[:3] == ["A35", "C35", "D35"] and len(listed) == 5 * 18 + 17


def _late_row(ws: Worksheet) -> None:
    """An organization's row typed two rows under the signature block, numbered on."""
    r = ws.max_row + 2
    ws.cell(r, 1).value, ws.cell(r, 2).value = 10, "Chi bộ Công ty TNHH Hồng Hà"
    for c in range(3, 15):
        ws.cell(r, c).value = 1


def test_one_organizations_row_under_the_signature_block_is_named(tmp_path: Path) -> None:
    report = _edited(tmp_path, "ba-dinh.xlsx", "Kết nạp", _late_row)
    assert [(f.code, f.cell) for f in report.errors] == [("unread-table", "A24:N24")]
    assert _figures(report) == _unedited()


def _row_above_the_header(ws: Worksheet) -> None:
    """An organization's row pasted between the title block and the header."""
    ws.insert_rows(8)
    ws.cell(8, 1).value, ws.cell(8, 2).value = 10, "Chi bộ Công ty TNHH Hồng Hà"
    for c in range(3, 15):
        ws.cell(8, c).value = 1


def test_an_organizations_row_above_the_header_is_named(tmp_path: Path) -> None:
    report = _edited(tmp_path, "ba-dinh.xlsx", "Kết nạp", _row_above_the_header)
    assert [(f.code, f.cell) for f in report.errors] == [("unread-table", "A8:N8")]
    assert (
        report.errors[0].message_en
        == "cells A8:N8, above the table's header row, hold figures: not read"
    )
