"""The mutations: each changes ONE thing in ONE workbook of a fresh copy of the samples and
returns what that change must give (expect.py). The catalogue (catalogue.py) names them
with their parameters, one line per class.

Each function gets a Target (target.py): the chosen workbook, a seeded random generator,
and what the samples' cells are. `t.note(...)` records what was done, for the results."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator

from openpyxl.cell.cell import MergedCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from .book import (
    Form,
    delete_col,
    delete_row,
    export,
    insert_cols,
    insert_rows,
    merged_at,
    part_names,
    patch_cell_xml,
    rewrite_zip,
)
from .expect import Damage, Expectation, Moves, Place, Same
from .target import Target

SAME = Same()
MEASURE_WORDS = {"plan": "Kế hoạch", "actual": "Thực hiện", "prior": "Cùng kỳ"}


def _strings(ws: Worksheet) -> Iterator[tuple[int, int, str]]:
    for (r, c), cell in list(ws._cells.items()):
        if isinstance(cell.value, str):
            yield r, c, cell.value


def _map_text(ws: Worksheet, change: Callable[[str], str], rows: range | None = None) -> None:
    for r, c, text in _strings(ws):
        if rows is None or r in rows:
            ws.cell(r, c).value = change(text)


def _unit_type(ws: Worksheet) -> str:
    title = str(ws["A2"].value).lower()
    return next(kind for kind in ("thị xã", "quận", "huyện") if kind in title)


# ============================================================ cosmetic


def roundtrip(t: Target) -> Expectation:
    """Opened and saved by openpyxl: the control."""
    t.save()
    return SAME


def blank_rows(t: Target, where: str, n: int = 1) -> Expectation:
    f = t.form()
    at = {
        "above-title": lambda: 1,
        "title-header": lambda: f.top,
        "inside-header": lambda: f.sub,
        "header-data": lambda: f.first,
        "between-data": lambda: t.rng.randint(f.first + 1, f.last),
        "before-total": lambda: f.total,
        "after-table": lambda: f.total + 1,
    }[where]()
    insert_rows(f.ws, at, n)
    t.note(f"{n} blank row(s) at row {at}")
    t.save()
    return SAME


def blank_cols(t: Target, where: str, n: int = 1) -> Expectation:
    f = t.form()
    if where == "after-plan" and not _planned(f):  # 2022-h1's inspection sheet has no plan
        f = next(f for f in map(t.form, t.book.sheetnames) if _planned(f))
    groups = f.groups()
    wide = [g for g in groups if g[1] > g[0]]

    def inside() -> int:
        start, end = t.rng.choice(wide)
        return t.rng.randint(start + 1, end)

    def after_plan() -> int:  # between a group's Kế hoạch and Thực hiện
        return t.rng.choice(_planned(f)) + 1

    at = {
        "before-table": lambda: 1,
        "stt-label": lambda: f.label_col,
        "label-figures": lambda: f.first_col,
        "inside-group": inside,
        "after-plan": after_plan,
        "between-groups": lambda: t.rng.choice(groups[1:])[0],
        "after-table": lambda: f.last_col + 1,
    }[where]()
    insert_cols(f.ws, at, n)
    t.note(f"{n} blank column(s) at {get_column_letter(at)}")
    t.save()
    return SAME


def _planned(f: Form) -> list[int]:
    """The first columns of a sheet's groups that start with Kế hoạch."""
    return [
        start
        for start, end in f.groups()
        if end > start and f.ws.cell(f.sub, start).value == MEASURE_WORDS["plan"]
    ]


def unmerge_header(t: Target, fill: str) -> Expectation:
    """Header merges undone, the value in the first cell only or repeated in each."""
    f = t.form()
    for merged in [m for m in f.ws.merged_cells.ranges if f.top <= m.min_row <= f.sub]:
        value = f.ws.cell(merged.min_row, merged.min_col).value
        cells = list(merged.cells)
        f.ws.unmerge_cells(merged.coord)
        if fill == "every":
            for r, c in cells:
                f.ws.cell(r, c).value = value
    t.save()
    return SAME


def remerge(t: Target, how: str) -> Expectation:
    f, ws = t.form(), t.form().ws
    if how == "stt-unit-below":  # STT and Đơn vị in the measure row, not merged down to it
        for col in (1, 2):
            ws.unmerge_cells(start_row=f.top, start_column=col, end_row=f.sub, end_column=col)
            ws.cell(f.sub, col).value, ws.cell(f.top, col).value = ws.cell(f.top, col).value, None
    elif how == "title-unmerged":
        for merged in [m for m in ws.merged_cells.ranges if m.max_row < f.top]:
            ws.unmerge_cells(merged.coord)
    elif how in ("total-label-unmerged", "total-label-in-b"):
        ws.unmerge_cells(start_row=f.total, start_column=1, end_row=f.total, end_column=2)
        if how == "total-label-in-b":
            ws.cell(f.total, 2).value, ws.cell(f.total, 1).value = ws.cell(f.total, 1).value, None
    t.save()
    return SAME


def restyle(t: Target) -> Expectation:
    """Fonts, fills and number formats changed all over the sheet."""
    ws = t.form().ws
    fonts = [Font(name="Times New Roman", size=13), Font(name=".VnTime", italic=True), Font(b=True)]
    fills = [PatternFill("solid", fgColor="FFFF00"), PatternFill("darkGrid", fgColor="DDEBF7")]
    formats = ["0", "#,##0.00", "#,##0;[Red]-#,##0", "@", "General", '0" người"']
    for cell in list(ws._cells.values()):
        if t.rng.random() < 0.5 and not isinstance(cell, MergedCell):
            cell.font = t.rng.choice(fonts)
            cell.fill = t.rng.choice(fills)
            if isinstance(cell.value, int | float):
                cell.number_format = t.rng.choice(formats)
    t.save()
    return SAME


def resize(t: Target) -> Expectation:
    ws = t.form().ws
    for col in range(1, t.form().last_col + 3):
        ws.column_dimensions[get_column_letter(col)].width = t.rng.choice([0.5, 3, 8.43, 25, 60])
    for row in range(1, t.form().total + 4):
        ws.row_dimensions[row].height = t.rng.choice([None, 9, 15, 45])
    t.save()
    return SAME


def comments(t: Target) -> Expectation:
    f = t.form()
    for r, c in [(f.top, f.first_col), (f.sub, f.first_col), t.data_cell(), (f.total, 1)]:
        f.ws.cell(r, c).comment = Comment("Số liệu đã rà soát lại ngày 4/12: 15 người", "Văn phòng")
    t.save()
    return SAME


def sheet_extras(t: Target) -> Expectation:
    """An autofilter on the header, a conditional format, a validation, print titles, no
    frozen panes."""
    f = t.form()
    ws = f.ws
    last = get_column_letter(f.last_col)
    ws.auto_filter.ref = f"A{f.sub}:{last}{f.last}"
    ws.conditional_formatting.add(
        f"C{f.first}:{last}{f.last}",
        CellIsRule(operator="lessThan", formula=["0"], fill=PatternFill("solid", fgColor="FF0000")),
    )
    check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    check.add(f"C{f.first}:{last}{f.last}")
    ws.add_data_validation(check)
    ws.print_title_rows = f"{f.top}:{f.sub}"
    ws.freeze_panes = None
    t.save()
    return SAME


def rename_sheet(t: Target, name: str) -> Expectation:
    t.form().ws.title = name
    t.save()
    return SAME


def reorder_sheets(t: Target) -> Expectation:
    book = t.book
    order = t.rng.sample(range(len(book.sheetnames)), len(book.sheetnames))
    book._sheets = [book._sheets[i] for i in order]
    t.save()
    return SAME


def add_sheet(t: Target, content: str, first: bool) -> Expectation:
    ws = t.book.create_sheet("Sheet1" if content == "empty" else "Ghi chú", 0 if first else None)
    if content == "notes":
        ws["A1"] = "Ghi chú: số liệu tổng hợp theo báo cáo của các đảng bộ, chi bộ cơ sở"
        ws["A2"] = "Đơn vị tính: người, tổ chức"
    t.save()
    return SAME


def text_numbers(t: Target, style: str) -> Expectation:
    """Numbers stored as text: one data cell, or (thousands) every number from 1.000 up
    written the Vietnamese way, or every number of the sheet."""
    if style == "thousands":
        t.choose_file(lambda p: p.name in _with_thousands(t))
        for ws in t.book.worksheets:
            for cell in list(ws._cells.values()):
                if isinstance(cell.value, int | float) and cell.value >= 1000:
                    cell.value = f"{int(cell.value):,}".replace(",", ".")
        t.save()
        return SAME
    write = {
        "plain": str,
        "padded": lambda v: f" {v} ",
        "nbsp": lambda v: f"\xa0{v}\xa0",
        "vietnamese-sheet": lambda v: f"{v:,}".replace(",", "."),
    }[style]
    f = t.form()
    cells = [t.data_cell()] if style != "vietnamese-sheet" else f.ws._cells.keys()
    for r, c in list(cells):
        value = f.ws.cell(r, c).value
        if isinstance(value, int | float) and r >= f.first:
            f.ws.cell(r, c).value = write(int(value))
    t.save()
    return SAME


def _with_thousands(t: Target) -> set[str]:
    return {k[0] for k, v in t.base.cells.items() if v[3] >= 1000} or _files_with_totals_over(
        t, 999
    )


def _files_with_totals_over(t: Target, bound: int) -> set[str]:
    found = set()
    for path in t.files:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python()
            if any(isinstance(v, float) and v > bound for row in rows for v in row):
                found.add(path.name)
    return found


CSV = "csv:Text - txt - csv (StarCalc):{sep},34,{charset},1,,0,false,true,{shown},false,false,-1"
EXPORTS = {
    "xlsx": "xlsx",
    "ods": "ods",
    "xls": "xls",
    "csv": CSV.format(sep=44, charset=76, shown="false"),
    "csv-utf16-tab": CSV.format(sep=9, charset=65535, shown="false"),
    "csv-cp1258-semicolon": CSV.format(sep=59, charset=76, shown="false"),
    "csv-as-shown-en": CSV.format(sep=44, charset=76, shown="true"),
}


def exported(t: Target, to: str) -> Expectation:
    """Saved by LibreOffice as another format (a CSV file per sheet)."""
    made = export(t.source, EXPORTS[to])
    t.file.unlink()
    names = []
    for path in made:
        name = path.name if to != "csv-utf16-tab" else path.with_suffix(".txt").name
        if to == "csv-cp1258-semicolon":
            from tests.corpus.make_corpus import cp1258

            (t.folder / name).write_bytes(cp1258(path.read_text("utf-8")))
        else:
            shutil.copyfile(path, t.folder / name)
        names.append(name)
    if to == "csv-as-shown-en":  # "1,045": a thousand and 45, or 1.045? Not to be guessed
        return Damage(Place(frozenset(names), whole_file=True), right={})
    return SAME


def measure_word(t: Target, measure: str, word: str) -> Expectation:
    """Every 'Kế hoạch' (or Thực hiện, Cùng kỳ) heading of a sheet worded another way."""
    old = MEASURE_WORDS[measure]
    for name in t.rng.sample(t.book.sheetnames, len(t.book.sheetnames)):
        f = t.form(name)
        if any(f.ws.cell(f.sub, c).value == old for c in f.columns):
            break
    _map_text(f.ws, lambda s: word if s == old else s, range(f.sub, f.sub + 1))
    t.save()
    return SAME


# Indicator headings as other forms word them (abbreviations: conventions.md)
LABELS = {
    "admission.total": ["Kết nạp đảng viên mới", "Số ĐV mới kết nạp", "Tổng số đảng viên kết nạp"],
    "admission.non_state_enterprise": [
        "Trong đó: Kết nạp trong DN ngoài KV nhà nước",
        "- Trong đó: trong doanh nghiệp khu vực ngoài nhà nước",
        "Đảng viên mới kết nạp trong các doanh nghiệp ngoài khu vực nhà nước",
    ],
    "admission.business_owner": ["Là chủ doanh nghiệp tư nhân", "Chủ DN tư nhân"],
    "admission.high_school_student": ["Là học sinh THPT", "Học sinh THPT"],
    "admission.university_student": ["Là sinh viên", "Sinh viên các trường đại học, cao đẳng"],
    "party_cell.grassroots_total": ["Tổng số TCCSĐ", "Số tổ chức cơ sở đảng"],
    "party_cell.grassroots_committee": ["Số đảng bộ cơ sở", "Đảng bộ cơ sở (ĐBCS)"],
    "party_cell.grassroots_cell": ["Số chi bộ cơ sở", "Chi bộ cơ sở (CBCS)"],
    "party_cell.subordinate_cell": ["Chi bộ trực thuộc", "Chi bộ trực thuộc ĐUCS"],
    "party_cell.new_non_state_enterprise": [
        "Thành lập TCĐ trong DN ngoài KV nhà nước",
        "Số tổ chức đảng thành lập mới trong doanh nghiệp khu vực ngoài nhà nước",
    ],
    "party_cell.weak_consolidated": ["Củng cố TCCSĐ yếu kém", "Củng cố, kiện toàn TCCSĐ yếu kém"],
    "party_cell.four_good": ["Chi bộ 4 tốt", "Chi bộ đạt “bốn tốt”"],
    "party_cell.mass_org_non_state_enterprise": [
        "Thành lập tổ chức CT-XH trong DN ngoài KV nhà nước",
        "Thành lập tổ chức chính trị - xã hội trong DN khu vực ngoài nhà nước",
    ],
    "party_cell.mass_org_members_non_state_enterprise": [
        "Số đoàn viên, hội viên trong DN ngoài KV nhà nước",
        "Đoàn viên, hội viên",
    ],
    "inspection.committee_check_orgs": [
        "Cấp ủy kiểm tra TCĐ",
        "Cấp ủy các cấp kiểm tra đối với tổ chức đảng",
    ],
    "inspection.committee_check_members": [
        "Cấp ủy kiểm tra ĐV",
        "Cấp ủy các cấp kiểm tra đối với đảng viên",
    ],
    "inspection.committee_supervise_orgs": [
        "Cấp ủy giám sát TCĐ",
        "Cấp ủy các cấp giám sát đối với tổ chức đảng",
    ],
    "inspection.committee_supervise_members": [
        "Cấp ủy giám sát ĐV",
        "Cấp ủy các cấp giám sát đối với đảng viên",
    ],
    "inspection.violation_check_orgs": [
        "UBKT kiểm tra TCĐ khi có dấu hiệu vi phạm",
        "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm đối với tổ chức đảng",
    ],
    "inspection.violation_check_members": [
        "UBKT kiểm tra ĐV khi có dấu hiệu vi phạm",
        "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm đối với đảng viên",
    ],
    "inspection.thematic_supervise_orgs": [
        "Giám sát chuyên đề TCĐ",
        "UBKT giám sát chuyên đề đối với tổ chức đảng",
    ],
    "inspection.thematic_supervise_members": [
        "Giám sát chuyên đề ĐV",
        "UBKT giám sát chuyên đề đối với đảng viên",
    ],
    "inspection.disciplined_orgs": ["Kỷ luật TCĐ", "Tổ chức đảng bị thi hành kỷ luật"],
    "inspection.disciplined_members": ["Kỷ luật ĐV", "Đảng viên bị thi hành kỷ luật"],
}


def indicator_label(t: Target) -> Expectation:
    f = t.form()
    start, _ = t.rng.choice(f.groups())
    label = t.rng.choice(LABELS[t.column_key(start)[1]])
    f.ws.cell(f.top, start).value = label
    t.note(f"{get_column_letter(start)}{f.top} = {label!r}")
    t.save()
    return SAME


def total_label(t: Target, word: str, off: int = 0) -> Expectation:
    """The total row labelled another way ('{Unit}': the unit's own name, 'Quận Ba Đình');
    `off`: one of its cells also off by that much (a damaging change: a total row the
    tool does not know is then one more organization, unless it is named)."""
    f = t.form()
    kind = _unit_type(f.ws)
    unit = f"{kind[:1].upper()}{kind[1:]} {t.base.names[t.unit_code()]}"
    f.ws.cell(f.total, 1).value = word.format(type=kind, n=f.last - f.first + 1, unit=unit)
    if not off:
        t.save()
        return SAME
    c = t.rng.choice(f.columns)
    f.ws.cell(f.total, c).value += off
    t.note(f"{get_column_letter(c)}{f.total} {off:+}")
    t.save()
    return Damage(t.place(rows=(f.total,)), right={})


_SIGNED = re.compile(r"^(.*), ngày (\d+) tháng (\d+) năm (\d+)$")


def signature(t: Target, how: str) -> Expectation:
    """The place-and-date line (and the signers under it) moved or reworded."""
    f = t.form()
    ws = f.ws
    r, c = f.place_line
    place, day, month, year = _SIGNED.match(ws.cell(r, c).value).groups()  # type: ignore[union-attr]
    if how == "under-figures":
        ws.cell(r, f.first_col).value, ws.cell(r, c).value = ws.cell(r, c).value, None
    elif how == "no-gap":
        delete_row(ws, f.total + 1)
    elif how == "reworded":
        ws.cell(r, c).value = f"Hà Nội, ngày {int(day):02d} tháng {int(month):02d} năm {year}"
    elif how == "numeric-date":
        ws.cell(r, c).value = f"{place}, {int(day):02d}/{int(month):02d}/{year}"
    elif how == "date-cell":
        ws.cell(r, c).value = f"{place}, ngày"
        ws.cell(r, c + 1).value = dt.date(int(year), int(month), int(day))
        ws.cell(r, c + 1).number_format = "dd/mm/yyyy"
    elif how == "signers":
        for offset, text in enumerate(["(Ký, ghi rõ họ tên)", None, None, "Nguyễn Văn An"], 2):
            ws.cell(r + offset, c).value = text
            ws.cell(r + offset, 2).value = text and text.replace("An", "Bình")
    t.save()
    return SAME


def upper_headers(t: Target) -> Expectation:
    f = t.form()
    _map_text(f.ws, str.upper, range(f.top, f.sub + 1))
    t.save()
    return SAME


def line_breaks(t: Target) -> Expectation:
    f = t.form()
    _map_text(f.ws, lambda s: s.replace(" ", "\n", 1), range(f.top, f.sub + 1))
    t.save()
    return SAME


def unicode_form(t: Target, how: str) -> Expectation:
    """Every text of a sheet decomposed (NFD, as the Windows keyboard types it), or with
    'Ð' (U+00D0) typed for 'Đ'."""
    change = {
        "nfd": lambda s: unicodedata.normalize("NFD", s),
        "eth": lambda s: s.replace("Đ", "Ð"),
    }[how]
    _map_text(t.form().ws, change)
    t.save()
    return SAME


def column_numbers(t: Target, style: str) -> Expectation:
    """A row numbering the columns under the header: A | B | 1 | 2 | 3 …"""
    f = t.form()
    insert_rows(f.ws, f.first)
    for n, col in enumerate(range(1, f.last_col + 1)):
        label = "AB"[n] if n < 2 else (n - 1 if style == "numbers" else f"({n - 1})")
        f.ws.cell(f.first, col).value = label
    t.save()
    return SAME


def percent_column(t: Target) -> Expectation:
    """A 'Tỷ lệ %' column the sheet computed itself, inside an indicator's group."""
    for f in map(t.form, t.rng.sample(t.book.sheetnames, len(t.book.sheetnames))):
        groups = [
            (start, end)
            for start, end in f.groups()
            if [f.ws.cell(f.sub, c).value for c in (start, start + 1)] == ["Kế hoạch", "Thực hiện"]
        ]
        if groups:
            start, _ = t.rng.choice(groups)
            break
    insert_cols(f.ws, start + 2)
    f.ws.cell(f.sub, start + 2).value = "Tỷ lệ %"
    if merged_at(f.ws, f.top, start) == (f.top, start, f.top, start + 1):  # KH, TH: widened
        f.ws.unmerge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=start + 1)
        f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=start + 2)
    for r in [*f.data_rows, f.total]:
        plan, actual = f.ws.cell(r, start).value, f.ws.cell(r, start + 1).value
        f.ws.cell(r, start + 2).value = round(actual * 100 / plan, 1) if plan else None
    t.save()
    return SAME


def total_moved(t: Target, where: str) -> Expectation:
    f = t.form()
    if where == "top":
        values = [f.ws.cell(f.total, c).value for c in range(1, f.last_col + 1)]
        delete_row(f.ws, f.total)
        insert_rows(f.ws, f.first)
        for c, value in enumerate(values, 1):
            f.ws.cell(f.first, c).value = value
        f.ws.merge_cells(start_row=f.first, start_column=1, end_row=f.first, end_column=2)
    else:
        delete_row(f.ws, f.total)
    t.save()
    return SAME


def title_removed(t: Target) -> Expectation:
    """No title block: the unit is the file's name."""
    f = t.form()
    for _ in range(f.top - 1):
        delete_row(f.ws, 1)
    t.save()
    return SAME


def file_renamed(t: Target, name: str) -> Expectation:
    t.file = t.file.rename(t.folder / name.format(year=t.year))
    return SAME


def numbering(t: Target, style: str) -> Expectation:
    f = t.form()
    for n, r in enumerate(f.data_rows, 1):
        if style == "stt-text":
            f.ws.cell(r, 1).value = f"{n}."
        else:
            f.ws.cell(r, f.label_col).value = f"{n}. {f.ws.cell(r, f.label_col).value}"
    t.save()
    return SAME


def rich_headers(t: Target) -> Expectation:
    f = t.form()
    for r, c, text in list(_strings(f.ws)):
        if f.top <= r <= f.sub and " " in text:
            head, tail = text.split(" ", 1)
            f.ws.cell(r, c).value = CellRichText([TextBlock(InlineFont(b=True), head), " " + tail])
    t.save()
    return SAME


def _cell_xml(ref: str, style: str | None, body: str, kind: str | None = None) -> str:
    s = f' s="{style}"' if style else ""
    k = f' t="{kind}"' if kind else ""
    return f'<c r="{ref}"{s}{k}>{body}</c>'


def formulas_cached(t: Target, where: str) -> Expectation:
    """Figures written as formulas with their values, as Excel saves them: the total row as
    SUM(), or a data cell as =a+b."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    cells = []
    if where == "total":
        for c in f.columns:
            letter = get_column_letter(c)
            formula = f"SUM({letter}{f.first}:{letter}{f.last})"
            cells.append((f.total, c, formula, f.ws.cell(f.total, c).value))
    else:
        r, c = t.data_cell(nonzero=True)
        value = f.ws.cell(r, c).value
        cells.append((r, c, f"{value - 1}+1", value))
    styles = {(r, c): f.ws.cell(r, c).style_id for r, c, _, _ in cells}
    t.save()
    for r, c, formula, value in cells:
        ref = f"{get_column_letter(c)}{r}"
        patch_cell_xml(
            t.file, index, ref, _cell_xml(ref, str(styles[r, c]), f"<f>{formula}</f><v>{value}</v>")
        )
    return SAME


def shared_strings(t: Target) -> Expectation:
    """Text held in a shared-strings part, as Excel saves it (openpyxl writes it in the
    cells): every sheet's inline strings moved there."""
    t.save()
    table: dict[str, int] = {}

    def share(text: str) -> str:
        return re.sub(
            r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is>(.*?)</is></c>',
            lambda m: f'<c r="{m[1]}"{m[2]} t="s"><v>{table.setdefault(m[3], len(table))}</v></c>',
            text,
        )

    sheets = [p for p in part_names(t.file) if p.startswith("xl/worksheets/sheet")]
    rewrite_zip(t.file, dict.fromkeys(sheets, share))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f"<si>{inner}</si>" for inner in table)
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    rewrite_zip(
        t.file,
        {
            "[Content_Types].xml": lambda x: x.replace(
                "</Types>",
                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>',
            ),
            "xl/_rels/workbook.xml.rels": lambda x: x.replace(
                "</Relationships>",
                f'<Relationship Type="{rel}" Target="sharedStrings.xml" Id="rIdShared"/></Relationships>',
            ),
        },
        {"xl/sharedStrings.xml": f'<sst xmlns="{main}" uniqueCount="{len(table)}">{items}</sst>'},
    )
    return SAME


def exponent_xml(t: Target) -> Expectation:
    """A number written 2.2E1 in the XML, as some writers do."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    r, c = t.data_cell(nonzero=True)
    value, style = f.ws.cell(r, c).value, f.ws.cell(r, c).style_id
    t.save()
    ref = f"{get_column_letter(c)}{r}"
    mantissa = f"{value / 10 ** (len(str(value)) - 1)}E{len(str(value)) - 1}"
    patch_cell_xml(t.file, index, ref, _cell_xml(ref, str(style), f"<v>{mantissa}</v>", "n"))
    return SAME


def wrong_suffix(t: Target, suffix: str) -> Expectation:
    """An .xlsx named .xls (or .xlsm): read as what it is."""
    t.file = t.file.rename(t.file.with_suffix(suffix))
    return SAME


def hidden_blank(t: Target, what: str) -> Expectation:
    """A hidden row without figures, or a hidden empty sheet: nothing to count."""
    f = t.form()
    if what == "row":
        at = t.rng.randint(f.first + 1, f.last)
        insert_rows(f.ws, at)
        f.ws.row_dimensions[at].hidden = True
    else:
        t.book.create_sheet("Sheet2").sheet_state = "hidden"
    t.save()
    return SAME


def header_repeated(t: Target) -> Expectation:
    """The header rows repeated inside the table, as a page break repeats them."""
    f = t.form()
    at = t.rng.randint(f.first + 1, f.last)
    header = {
        (r, c): f.ws.cell(r, c).value for r in (f.top, f.sub) for c in range(1, f.last_col + 1)
    }
    merges = [m.bounds for m in f.ws.merged_cells.ranges if f.top <= m.min_row <= f.sub]
    insert_rows(f.ws, at, 2)
    for (r, c), value in header.items():
        f.ws.cell(r - f.top + at, c).value = value
    for min_col, min_row, max_col, max_row in merges:
        shift = at - f.top
        f.ws.merge_cells(
            start_row=min_row + shift,
            start_column=min_col,
            end_row=max_row + shift,
            end_column=max_col,
        )
    t.save()
    return SAME


def stt_removed(t: Target) -> Expectation:
    """No STT column: column A deleted, its titles and the total's label kept in B."""
    f = t.form()
    for merged in [m for m in f.ws.merged_cells.ranges if m.min_col == 1]:
        f.ws.unmerge_cells(merged.coord)
    for (r, c), cell in list(f.ws._cells.items()):
        if c == 1 and not f.top <= r <= f.last and cell.value is not None:
            f.ws.cell(r, 2).value = f.ws.cell(r, 2).value or cell.value
    delete_col(f.ws, 1)
    t.save()
    return SAME


def heading(t: Target, col: int, word: str) -> Expectation:
    """The STT (col 1) or Đơn vị (col 2) heading worded another way."""
    f = t.form()
    f.ws.cell(f.top, col).value = word
    t.save()
    return SAME


_TITLE_FORMS = {
    "committee": lambda kind, name: (
        f"{ {'QUẬN': 'QUẬN', 'HUYỆN': 'HUYỆN', 'THỊ XÃ': 'THỊ'}[kind] } ỦY {name}"
    ),
    "abbreviated": lambda kind, name: (
        f"ĐẢNG BỘ { {'QUẬN': 'Q.', 'HUYỆN': 'H.', 'THỊ XÃ': 'TX.'}[kind] } {name}"
    ),
    "no-diacritics": lambda kind, name: _ascii(f"ĐẢNG BỘ {kind} {name}"),
}


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def unit_title(t: Target, style: str) -> Expectation:
    """The title's unit line as other committees write it: QUẬN ỦY BA ĐÌNH, ĐẢNG BỘ Q. BA
    ĐÌNH, DANG BO QUAN BA DINH."""
    for ws in t.book.worksheets:
        line = str(ws["A2"].value)
        kind = next(k for k in ("THỊ XÃ", "QUẬN", "HUYỆN") if f" {k} " in line)
        ws["A2"] = _TITLE_FORMS[style](kind, line.split(f" {kind} ", 1)[1])
    t.note(str(t.book.worksheets[0]["A2"].value))
    t.save()
    return SAME


def period_wording(t: Target, style: str) -> Expectation:
    """The period in the title worded another way: in lower case, or '12 THÁNG NĂM 2023',
    '6 THÁNG NĂM 2022'."""
    other = {"NĂM": "12 THÁNG NĂM", "6 THÁNG ĐẦU NĂM": "6 THÁNG NĂM"}
    for ws in t.book.worksheets:
        title = str(ws["A5"].value)
        if style == "lower-case":
            ws["A5"] = title[:1] + title[1:].lower()
        else:
            words = "6 THÁNG ĐẦU NĂM" if "6 THÁNG ĐẦU NĂM" in title else "NĂM"
            ws["A5"] = title.replace(words, other[words])
    t.note(str(t.book.worksheets[0]["A5"].value))
    t.save()
    return SAME


def protected(t: Target) -> Expectation:
    """Sheet protection (no password to open): the cells are readable as ever."""
    ws = t.form().ws
    ws.protection.sheet = True
    ws.protection.password = "btc2023"
    t.save()
    return SAME


def notes_column(t: Target) -> Expectation:
    """A 'Ghi chú' column after the table, with words (and digits in words) in some rows."""
    f = t.form()
    col = f.last_col + 1
    f.ws.cell(f.top, col).value = "Ghi chú"
    f.ws.merge_cells(start_row=f.top, start_column=col, end_row=f.sub, end_column=col)
    notes = ["Thành lập mới", "Sáp nhập từ 01/7", "Tăng 2 chi bộ", "Chưa có số liệu quý IV"]
    for r in t.rng.sample(list(f.data_rows), 3):
        f.ws.cell(r, col).value = t.rng.choice(notes)
    t.save()
    return SAME


def group_heading(t: Target) -> Expectation:
    """A heading row inside the table that groups the rows under it, with no figures."""
    f = t.form()
    at = t.rng.randint(f.first, f.last)
    insert_rows(f.ws, at)
    f.ws.cell(at, 1).value = "I"
    f.ws.cell(at, 2).value = "Các đảng bộ, chi bộ cơ sở trực thuộc"
    t.save()
    return SAME


# ============================================================ value


def _total_cells(
    f: Form, cols: range | list[int], row: int | None = None
) -> tuple[tuple[int, int], ...]:
    return tuple((row or f.total, c) for c in cols)


def change_cell(t: Target, sign: int, adjust_total: bool) -> Expectation:
    f = t.form()
    r, c = t.data_cell(nonzero=sign < 0)
    unit, indicator, measure, value = t.key(r, c)
    k = sign * (t.rng.randint(1, 50) if sign > 0 else t.rng.randint(1, value))
    f.ws.cell(r, c).value = value + k
    if adjust_total:
        f.ws.cell(f.total, c).value += k
    t.note(f"{get_column_letter(c)}{r} {value} -> {value + k}")
    t.save()
    mismatch = None if adjust_total else t.place(cells=((f.total, c), (r, c)))
    return Moves({(unit, indicator, measure): k}, mismatch)


def total_only(t: Target) -> Expectation:
    """The total row's cell changed, the rows not: the rows are used, the mismatch said."""
    f = t.form()
    c = t.rng.choice(f.columns)
    f.ws.cell(f.total, c).value += t.rng.randint(1, 20)
    t.note(f"{get_column_letter(c)}{f.total}")
    t.save()
    return Moves({}, t.place(cells=((f.total, c),)))


def cleared(t: Target, blank: str | None) -> Expectation:
    """A data cell emptied (or '-', '–', 'x': not reported), the total row adjusted."""
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    unit, indicator, measure, value = t.key(r, c)
    f.ws.cell(r, c).value = blank
    f.ws.cell(f.total, c).value -= value
    t.note(f"{get_column_letter(c)}{r} {value} -> {blank!r}")
    t.save()
    return Moves({(unit, indicator, measure): -value})


def row_added(t: Target) -> Expectation:
    f = t.form()
    deltas = {}
    insert_rows(f.ws, f.total)
    f.ws.cell(f.total, 2).value = "Chi bộ Công ty TNHH Thương mại Hồng Hà"
    for c in f.columns:
        k = t.rng.randint(0, 9)
        f.ws.cell(f.total, c).value = k
        f.ws.cell(f.total + 1, c).value += k
        deltas[t.column_key(c)] = k
    t.save()
    return Moves(deltas)


def row_removed(t: Target, adjust_total: bool) -> Expectation:
    f = t.form()
    r = t.rng.choice(f.data_rows)
    deltas = t.row_deltas(r, -1)
    t.note(f"row {r}")
    if adjust_total:
        for c in f.columns:
            f.ws.cell(f.total, c).value -= t.key(r, c)[3]
    delete_row(f.ws, r)
    t.save()
    changed = [c for c in f.columns if t.key(r, c)[3]]
    mismatch = (
        None
        if adjust_total or not changed
        else t.place(cells=_total_cells(f, changed, f.total - 1))
    )
    return Moves(deltas, mismatch)


def row_duplicated(t: Target) -> Expectation:
    """A row typed twice, the total row left: the rows are used, the mismatch said."""
    f = t.form()
    r = t.rng.choice(f.data_rows)
    values = [f.ws.cell(r, c).value for c in range(1, f.last_col + 1)]
    t.note(f"row {r}")
    insert_rows(f.ws, r + 1)
    for c, value in enumerate(values, 1):
        f.ws.cell(r + 1, c).value = value
    t.save()
    changed = [c for c in f.columns if t.key(r, c)[3]]
    return Moves(
        t.row_deltas(r), t.place(cells=_total_cells(f, changed, f.total + 1), rows=(r, r + 1))
    )


def change_without_total(t: Target) -> Expectation:
    """A sheet with no total row, and a data cell changed."""
    f = t.form()
    r, c = t.data_cell()
    unit, indicator, measure, value = t.key(r, c)
    k = t.rng.randint(1, 30)
    f.ws.cell(r, c).value = value + k
    delete_row(f.ws, f.total)
    t.save()
    return Moves({(unit, indicator, measure): k})


# ============================================================ damaging


def unknown_measure(t: Target, word: str, replaces: str) -> Expectation:
    """A measure heading the catalogue does not know, in place of an indicator's Thực hiện
    or of its Kế hoạch or Cùng kỳ, beside the others: that column's figures are unknown.
    (Under an indicator of one column the column may be taken for its only figure: not
    chosen.)"""
    wanted = {"actual": {"Thực hiện"}, "plan-or-prior": {"Kế hoạch", "Cùng kỳ"}}[replaces]
    f = t.form()
    c = t.rng.choice(
        [
            c
            for start, end in f.groups()
            if end > start
            for c in range(start, end + 1)
            if f.ws.cell(f.sub, c).value in wanted
        ]
    )
    f.ws.cell(f.sub, c).value = word
    t.note(f"{get_column_letter(c)}{f.sub} = {word!r}")
    t.save()
    return Damage(t.place(cells=t.column_cells(c)))


def header_row_deleted(t: Target, which: str) -> Expectation:
    f = t.form()
    delete_row(f.ws, f.top if which == "indicator" else f.sub)
    t.note(f"row {f.top if which == 'indicator' else f.sub}")
    t.save()
    return Damage(t.place(whole_sheet=True))


BAD = {
    "true": True,
    "false": False,
    "ref-error": "#REF!",
    "div0-error": "#DIV/0!",
    "na-error": "#N/A",
    "abc": "abc",
    "question-mark": "?",
    "negative": -5,
    "fraction": 12.5,
    "decimal-comma-text": "12,5",
    "1e15": 1e15,
    "1e308": 1e308,
    "percent-text": "12%",
    "ratio-text": "109/69",
    "date": dt.datetime(2023, 5, 12),
    "2^53+1-text": str(2**53 + 1),
}


def bad_value(t: Target, what: str) -> Expectation:
    """Something that is not a count in a count cell."""
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    f.ws.cell(r, c).value = BAD[what]
    t.note(f"{get_column_letter(c)}{r} = {BAD[what]!r}")
    t.save()
    return Damage(t.place(cells=((r, c),)))


def raw_cell(t: Target, what: str) -> Expectation:
    """A count cell written in the XML as no openpyxl call writes it: 2^53+1 as a number
    (one more than a float holds), a formula without a value, a formula whose value is
    text (its right value is that text's number), a formula whose value is a hair below
    the whole number (21.999999999999996: Excel shows 22)."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    r, c = t.data_cell(nonzero=True)
    value, style = f.ws.cell(r, c).value, str(f.ws.cell(r, c).style_id)
    ref = f"{get_column_letter(c)}{r}"
    t.note(ref)
    t.save()
    body, kind, right = {
        "2^53+1": (f"<v>{2**53 + 1}</v>", "n", None),
        "formula-without-value": (f"<f>{value - 1}+1</f>", None, None),
        "formula-empty-value": (f"<f>{value - 1}+1</f><v></v>", None, None),
        "string-formula": (f'<f>TEXT({value},"0")</f><v>{value}</v>', "str", {}),
        "float-noise": (f"<f>{value}*1</f><v>{value * (1 - 2**-52)!r}</v>", None, {}),
    }[what]
    patch_cell_xml(t.file, index, ref, _cell_xml(ref, style, body, kind))
    return Damage(t.place(cells=((r, c),)), right)


def number_with_word(t: Target) -> Expectation:
    """'12 người': the number is plain to a reader, or the cell is named."""
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    f.ws.cell(r, c).value = f"{f.ws.cell(r, c).value} người"
    t.save()
    return Damage(t.place(cells=((r, c),)), right={})


def hidden_row(t: Target, total: bool) -> Expectation:
    """A data row hidden: counted as Excel counts it, or named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    f.ws.row_dimensions[r].hidden = True
    t.note(f"row {r}")
    if not total:
        delete_row(f.ws, f.total)
    t.save()
    return Damage(t.place(rows=(r,)), right={})


def hidden_col(t: Target) -> Expectation:
    f = t.form()
    c = t.rng.choice(f.columns)
    f.ws.column_dimensions[get_column_letter(c)].hidden = True
    t.note(f"column {get_column_letter(c)}")
    t.save()
    return Damage(t.place(cells=t.column_cells(c)), right={})


def hidden_sheet(t: Target, state: str) -> Expectation:
    t.form().ws.sheet_state = state
    t.save()
    return Damage(t.place(whole_sheet=True), right={})


def merged_data(t: Target, direction: str) -> Expectation:
    """Two data cells merged: the second one's figure is gone."""
    f = t.form()
    dr, dc = (0, 1) if direction == "across" else (1, 0)
    r, c = t.rng.choice(
        [
            (r, c)
            for r in range(f.first, f.last + 1 - dr)
            for c in range(f.first_col, f.last_col + 1 - dc)
            if t.key(r + dr, c + dc)[3]
        ]
    )
    r2, c2 = r + dr, c + dc
    f.ws.merge_cells(start_row=r, start_column=c, end_row=r2, end_column=c2)
    t.note(f"{get_column_letter(c)}{r}:{get_column_letter(c2)}{r2}")
    t.save()
    return Damage(t.place(cells=((r, c), (r2, c2))))


def unlabelled_row(t: Target, first: bool) -> Expectation:
    """A data row without its label: the first, right under the header, or another."""
    f = t.form()
    r = f.first if first else t.rng.choice(list(f.data_rows)[1:])
    f.ws.cell(r, f.label_col).value = None
    t.note(f"row {r}")
    t.save()
    return Damage(t.place(rows=(r,)), right={})


def shifted_left(t: Target) -> Expectation:
    """A row's figures from some column on moved one column left (the last one empty):
    only the total row can tell."""
    f = t.form()
    r, j = t.rng.choice(
        [
            (r, j)
            for r in f.data_rows
            for j in range(f.first_col + 1, f.last_col + 1)
            if t.key(r, f.last_col)[3]
            or any(t.key(r, c)[3] != t.key(r, c - 1)[3] for c in range(j, f.last_col + 1))
        ]
    )
    t.note(f"{get_column_letter(j)}{r} onwards")
    for c in range(j, f.last_col + 1):
        f.ws.cell(r, c - 1).value = f.ws.cell(r, c).value
    f.ws.cell(r, f.last_col).value = None
    t.save()
    cols = range(j - 1, f.last_col + 1)
    return Damage(t.place(cells=tuple((r, c) for c in cols) + _total_cells(f, cols)))


def duplicated_sheet(t: Target) -> Expectation:
    t.book.copy_worksheet(t.form().ws)
    t.save()
    return Damage(t.place(whole_file=True), right={})


def second_copy(t: Target, name: str) -> Expectation:
    copy = t.add_copy(name.format(stem=t.file.stem))
    return Damage(t.place(whole_file=True, files=(copy.name,)), right={})


def other_unit_title(t: Target) -> Expectation:
    """Every title names another district: this one's figures are not to be guessed."""
    other = t.rng.choice([p for p in t.files if p != t.file])
    title = str(t.book.worksheets[0]["A2"].value)
    theirs = str(CalamineWorkbook.from_path(str(other)).get_sheet_by_index(0).to_python()[1][0])
    for ws in t.book.worksheets:
        ws["A2"] = theirs
    t.note(f"{title} -> {theirs}")
    t.save()
    return Damage(t.place(whole_file=True, files=(other.name,)))


def other_period_title(t: Target) -> Expectation:
    year = str(t.year)
    for ws in t.book.worksheets:
        _map_text(
            ws, lambda s: s.replace(year, str(t.year - 1)) if "NĂM" in s or "ngày" in s else s
        )
    t.save()
    return Damage(t.place(whole_file=True))


def file_missing(t: Target) -> Expectation:
    unit = t.unit_code()
    t.file.unlink()
    return Damage(Place(frozenset(), unit=t.base.names[unit]))


def anonymous(t: Target) -> Expectation:
    """No title block on any sheet, and a file name naming no unit."""
    for ws in t.book.worksheets:
        for _ in range(Form.find(ws).top - 1):
            delete_row(ws, 1)
    t.save("bao-cao.xlsx")
    return Damage(t.place(whole_file=True))


def named_as_other_unit(t: Target) -> Expectation:
    """The title names this unit, the file name another: the title is the unit's word."""
    other = t.rng.choice([p for p in t.files if p != t.file])
    t.file = t.file.rename(t.folder / f"{other.stem}-bao-cao.xlsx")
    return Damage(t.place(whole_file=True), right={})


def stray_number(t: Target) -> Expectation:
    """A number beside the table, under no heading."""
    f = t.form()
    r = t.rng.choice(list(f.data_rows))
    f.ws.cell(r, f.last_col + 2).value = t.rng.randint(1, 99)
    t.save()
    return Damage(t.place(cells=((r, f.last_col + 2),)), right={})


def sheet_deleted(t: Target) -> Expectation:
    """One of the unit's sheets gone: its figures for that sheet are missing."""
    unit = t.base.names[t.unit_code()]
    gone = t.rng.choice(t.book.sheetnames)
    del t.book[gone]
    t.note(gone)
    t.save()
    return Damage(Place(frozenset({t.name}), whole_file=True, unit=unit))


def subtotal_row(t: Target) -> Expectation:
    """A subtotal of the rows above it inside the table: to be told from a unit's row, or
    named."""
    f = t.form()
    k = t.rng.randint(f.first + 1, f.last - 1)
    t.note(f"row {k + 1}")
    sums = {c: sum(t.key(r, c)[3] for r in range(f.first, k + 1)) for c in f.columns}
    insert_rows(f.ws, k + 1)
    f.ws.cell(k + 1, 1).value = f"Cộng (1+...+{k - f.first + 1})"
    f.ws.merge_cells(start_row=k + 1, start_column=1, end_row=k + 1, end_column=2)
    for c, total in sums.items():
        f.ws.cell(k + 1, c).value = total
    t.save()
    return Damage(t.place(rows=(k + 1,)), right={})


def formula_totals_uncached(t: Target) -> Expectation:
    """The total row as SUM() formulas saved without values (a program wrote them and never
    computed them): the rows still give the figures."""
    f = t.form()
    for c in f.columns:
        letter = get_column_letter(c)
        f.ws.cell(f.total, c).value = f"=SUM({letter}{f.first}:{letter}{f.last})"
    t.save()
    return Damage(t.place(cells=_total_cells(f, f.columns)), right={})


def old_period_sheet(t: Target) -> Expectation:
    """Last year's sheet left in the workbook, titled so, its figures different."""
    f = t.form()
    old = t.book.copy_worksheet(f.ws)
    old.title = f"{f.ws.title} {t.year - 1}"
    _map_text(old, lambda s: s.replace(str(t.year), str(t.year - 1)))
    for r in f.data_rows:
        for c in f.columns:
            old.cell(r, c).value = int(old.cell(r, c).value * 0.9)
    t.save()
    return Damage(Place(frozenset({t.name}), old.title, whole_sheet=True), right={})


# ============================================================ a reviewer's second look
# Changes a clerk makes, or a reviewer would try, that the classes above do not: cosmetic
# first, then value, then damaging.


def _sheet_where(t: Target, wanted: Callable[[Form], bool]) -> Form:
    """The first sheet (in a random order) of the chosen workbook that `wanted` accepts."""
    for name in t.rng.sample(t.book.sheetnames, len(t.book.sheetnames)):
        if wanted(f := t.form(name)):
            return f
    raise LookupError("no sheet fits")


def _measures(f: Form, start: int, end: int) -> list[object]:
    return [f.ws.cell(f.sub, c).value for c in range(start, end + 1)]


def _widen(f: Form, start: int, end: int, by: int) -> None:
    """An indicator's header merge grown by `by` columns on its right (a single cell
    merged)."""
    if merged_at(f.ws, f.top, start):
        f.ws.unmerge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end)
    f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end + by)


def nested_measures(t: Target) -> Expectation:
    """A three-row header as the older forms have it: Kế hoạch merged down, and 'Thực hiện'
    over 'Kỳ này' | 'Cùng kỳ năm trước'."""
    f = _sheet_where(
        t, lambda f: any(_measures(f, s, e)[-2:] == ["Thực hiện", "Cùng kỳ"] for s, e in f.groups())
    )
    groups = f.groups()
    insert_rows(f.ws, f.sub)  # the old measure row is now f.sub + 1; f.sub is the new one
    for start, end in groups:
        words = [f.ws.cell(f.sub + 1, c).value for c in range(start, end + 1)]
        if words[-2:] != ["Thực hiện", "Cùng kỳ"]:
            for c in range(start, end + 1):  # its measures merged down over both rows
                f.ws.cell(f.sub, c).value = f.ws.cell(f.sub + 1, c).value
                f.ws.cell(f.sub + 1, c).value = None
                f.ws.merge_cells(start_row=f.sub, start_column=c, end_row=f.sub + 1, end_column=c)
            continue
        for c, word in zip(range(start, end + 1), words, strict=True):
            if word == "Kế hoạch":
                f.ws.cell(f.sub, c).value, f.ws.cell(f.sub + 1, c).value = word, None
                f.ws.merge_cells(start_row=f.sub, start_column=c, end_row=f.sub + 1, end_column=c)
        f.ws.cell(f.sub, end - 1).value = "Thực hiện"
        f.ws.merge_cells(start_row=f.sub, start_column=end - 1, end_row=f.sub, end_column=end)
        f.ws.cell(f.sub + 1, end - 1).value = "Kỳ này"
        f.ws.cell(f.sub + 1, end).value = "Cùng kỳ năm trước"
    t.save()
    return SAME


def single_measure(t: Target, word: str | None) -> Expectation:
    """The measure heading of every indicator of one column worded another way ('Số
    lượng'), or none: the indicator's heading merged down over the measure row."""
    f = _sheet_where(t, lambda f: any(s == e for s, e in f.groups()))
    for start, end in f.groups():
        if start != end:
            continue
        f.ws.cell(f.sub, start).value = word
        if word is None:
            f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.sub, end_column=start)
        t.note(f"{get_column_letter(start)}{f.sub} = {word!r}")
    t.save()
    return SAME


def sorted_rows(t: Target, how: str) -> Expectation:
    """The organizations' rows in another order (the STT numbers follow them, or are
    renumbered)."""
    f = t.form()
    rows = [[f.ws.cell(r, c).value for c in range(1, f.last_col + 1)] for r in f.data_rows]
    if how == "reversed":
        rows.reverse()
    elif how == "by-name":
        rows.sort(key=lambda row: str(row[f.label_col - 1]))
    else:
        t.rng.shuffle(rows)
    for n, (r, row) in enumerate(zip(f.data_rows, rows, strict=True), 1):
        for c, value in enumerate(row, 1):
            f.ws.cell(r, c).value = value
        if how == "by-name":
            f.ws.cell(r, 1).value = n
    t.save()
    return SAME


def units_line(t: Target, where: str) -> Expectation:
    """'Đơn vị tính: người' moved from its corner to the row right above the figures, or to
    the left under the title."""
    f = t.form()
    line = next((r, c) for r, c, s in _strings(f.ws) if s.startswith("Đơn vị tính"))
    text = f.ws.cell(*line).value
    f.ws.cell(*line).value = None
    at = (f.top - 1, f.first_col) if where == "above-figures" else (f.top - 1, 1)
    f.ws.cell(*at).value = text
    t.save()
    return SAME


def book_extras(t: Target) -> Expectation:
    """Frozen panes under the header, a print area, a defined name over the figures, and
    the workbook's structure protected."""
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.workbook.protection import WorkbookProtection

    f = t.form()
    last = get_column_letter(f.last_col)
    f.ws.freeze_panes = f.ws.cell(f.first, f.first_col)
    f.ws.print_area = f"A1:{last}{f.total + 3}"
    name = DefinedName("SoLieu", attr_text=f"'{f.ws.title}'!$C${f.first}:${last}${f.total}")
    t.book.defined_names[name.name] = name
    t.book.security = WorkbookProtection(workbookPassword="btc", lockStructure=True)
    t.save()
    return SAME


def quoted_numbers(t: Target) -> Expectation:
    """Every figure of a sheet typed with a leading apostrophe ('12): text, the
    quote-prefix style set, as Excel keeps it."""
    f = t.form()
    for r in [*f.data_rows, f.total]:
        for c in f.columns:
            cell = f.ws.cell(r, c)
            if isinstance(cell.value, int):
                cell.value, cell.quotePrefix = str(cell.value), True
    t.save()
    return SAME


def hidden_empty_column(t: Target) -> Expectation:
    """An empty column inserted between two indicators and hidden."""
    f = t.form()
    at = t.rng.choice(f.groups()[1:])[0]
    insert_cols(f.ws, at)
    f.ws.column_dimensions[get_column_letter(at)].hidden = True
    t.note(f"column {get_column_letter(at)}")
    t.save()
    return SAME


def file_named(t: Target, style: str) -> Expectation:
    """The file named as a clerk names it: in capitals, with the unit's name in words
    (diacritics, spaces; composed or decomposed), or with the suffix in capitals."""
    unit = t.base.names[t.unit_code()]
    name = {
        "upper": t.file.name.upper(),
        "words": f"Báo cáo {unit} năm {t.year}.xlsx",
        "words-nfd": unicodedata.normalize("NFD", f"{unit} - {t.year}.xlsx"),
        "suffix-upper": t.file.stem + ".XLSX",
    }[style]
    t.file = t.file.rename(t.folder / name)
    t.note(name)
    return SAME


def chart_sheet(t: Target) -> Expectation:
    """A chart sheet (no cells) drawing the sheet's actual figures."""
    from openpyxl.chart import BarChart, Reference

    f = t.form()
    chart = BarChart()
    chart.add_data(Reference(f.ws, min_col=f.first_col, min_row=f.first, max_row=f.last))
    t.book.create_chartsheet("Biểu đồ").add_chart(chart)
    t.save()
    return SAME


def formula_elsewhere(t: Target, how: str) -> Expectation:
    """A data cell as a formula that takes its value from another sheet, or from another
    workbook ([1]), with the value Excel saved."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    r, c = t.data_cell(nonzero=True)
    value, style = f.ws.cell(r, c).value, str(f.ws.cell(r, c).style_id)
    other = next(n for n in t.book.sheetnames if n != f.ws.title)
    ref = f"{get_column_letter(c)}{r}"
    formula = f"'{other}'!{ref}" if how == "other-sheet" else f"[1]Sheet1!{ref}"
    t.note(f"{ref} = {formula}")
    t.save()
    patch_cell_xml(t.file, index, ref, _cell_xml(ref, style, f"<f>{formula}</f><v>{value}</v>"))
    return SAME


def title_one_cell(t: Target) -> Expectation:
    """The left title block in ONE cell over three lines, merged over three rows, as the
    older TCTW forms have it."""
    for ws in t.book.worksheets:
        lines = [str(ws.cell(r, 1).value) for r in (1, 2, 3)]
        for r in (1, 2, 3):
            if merged_at(ws, r, 1):
                ws.unmerge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            ws.cell(r, 1).value = None
        ws.cell(1, 1).value = "\n".join(lines)
        ws.merge_cells(start_row=1, start_column=1, end_row=3, end_column=4)
    t.save()
    return SAME


ORGANIZATIONS = {
    "tong-cong-ty": "Tổng công ty Đầu tư và Phát triển nhà Hà Nội",
    "tong-doi": "Chi bộ Tổng đội Thanh niên xung phong",
    "cong-dong": "Cộng đồng dân cư tổ dân phố số 5",
    "toan-thang": "Toàn Thắng",
    "khoi": "Khối các cơ quan",
}


def organization_label(t: Target, label: str) -> Expectation:
    """A row's organization named with words a total row also uses ('Tổng công ty…',
    'Cộng đồng…', 'Toàn Thắng')."""
    f = t.form()
    r = t.rng.choice(list(f.data_rows))
    text = ORGANIZATIONS[label]
    f.ws.cell(r, f.label_col).value = text
    t.note(f"row {r} = {text!r}")
    t.save()
    return SAME


def organization_named_as_another(t: Target) -> Expectation:
    """A row named as another row of the list is, its own figures kept: a corrected line
    pasted below the old one, or two organizations no title tells apart. Which, the tool
    cannot tell: both are added, and a duplicate-row error names the rows (trial 29)."""
    f = t.form()
    r = t.rng.choice(list(f.data_rows))
    other = t.rng.choice([x for x in f.data_rows if x != r])
    text = f.ws.cell(other, f.label_col).value
    f.ws.cell(r, f.label_col).value = text
    t.note(f"row {r} = {text!r}")
    t.save()
    return Damage(t.place(rows=(r, other)))


def unreported_row(t: Target, blank: str | None) -> Expectation:
    """A row for an organization that sent nothing: its label, its cells empty (or '-')."""
    f = t.form()
    at = t.rng.randint(f.first + 1, f.total)
    insert_rows(f.ws, at)
    f.ws.cell(at, f.label_col).value = "Chi bộ Hợp tác xã Nông nghiệp Đông Hòa"
    for c in f.columns:
        f.ws.cell(at, c).value = blank
    t.note(f"row {at}")
    t.save()
    return SAME


def spaced_headers(t: Target) -> Expectation:
    """Header words with doubled, leading and trailing spaces and non-breaking spaces."""
    f = t.form()
    _map_text(
        f.ws,
        lambda s: " " + s.replace(" ", "  ", 1).replace(" ", "\xa0", 1) + " ",
        range(f.top, f.sub + 1),
    )
    t.save()
    return SAME


def stt_values(t: Target, style: str) -> Expectation:
    """The STT column as clerks leave it: a number typed twice, empty, in Roman numerals."""
    f = t.form()
    rows = list(f.data_rows)
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
    write: dict[str, Callable[[int], object]] = {
        "duplicated": lambda n: n - (n == 3),
        "empty": lambda n: None,
        "roman": lambda n: roman[n - 1],
    }
    for n, r in enumerate(rows, 1):
        f.ws.cell(r, 1).value = write[style](n)
    t.save()
    return SAME


SYNONYMS = {  # none of them in LABELS
    "admission.total": [
        "Kết nạp đảng viên",
        "Số đảng viên được kết nạp",
        "Đảng viên kết nạp mới (người)",
        "Số đảng viên mới được kết nạp trong kỳ",
    ],
    "admission.university_student": ["Sinh viên được kết nạp", "SV"],
    "party_cell.grassroots_total": ["TCCSĐ", "Tổng số tổ chức cơ sở đảng"],
    "party_cell.four_good": ["Chi bộ đạt 4 tốt", 'Chi bộ đạt tiêu chuẩn "bốn tốt"'],
    "inspection.disciplined_members": ["Thi hành kỷ luật ĐV", "Số đảng viên bị kỷ luật"],
    "inspection.committee_check_members": ["Cấp ủy kiểm tra đối với đảng viên"],
}


def indicator_synonym(t: Target, footnote: bool = False) -> Expectation:
    """An indicator's heading in words the first list (LABELS) lacks, or its own heading
    with a footnote mark ' (*)'."""
    f = _sheet_where(
        t, lambda f: footnote or any(t.column_key(s)[1] in SYNONYMS for s, _ in f.groups())
    )
    start = t.rng.choice([s for s, _ in f.groups() if footnote or t.column_key(s)[1] in SYNONYMS])
    old = f.ws.cell(f.top, start).value
    label = f"{old} (*)" if footnote else t.rng.choice(SYNONYMS[t.column_key(start)[1]])
    f.ws.cell(f.top, start).value = label
    t.note(f"{get_column_letter(start)}{f.top} = {label!r}")
    t.save()
    return SAME


def derived_column(t: Target, word: str) -> Expectation:
    """A column the sheet computes itself after an indicator's Thực hiện and Cùng kỳ: the
    percentage of last year ('So cùng kỳ (%)') or the difference ('Tăng (+), giảm (-)',
    negative where it fell)."""
    f = _sheet_where(
        t, lambda f: any(_measures(f, s, e)[-2:] == ["Thực hiện", "Cùng kỳ"] for s, e in f.groups())
    )
    start, end = t.rng.choice(
        [(s, e) for s, e in f.groups() if _measures(f, s, e)[-2:] == ["Thực hiện", "Cùng kỳ"]]
    )
    insert_cols(f.ws, end + 1)
    _widen(f, start, end, 1)
    f.ws.cell(f.sub, end + 1).value = word
    for r in [*f.data_rows, f.total]:
        actual, prior = f.ws.cell(r, end - 1).value, f.ws.cell(r, end).value
        if "%" in word:
            f.ws.cell(r, end + 1).value = round(actual * 100 / prior, 1) if prior else None
        else:
            f.ws.cell(r, end + 1).value = actual - prior
    t.note(f"{get_column_letter(end + 1)} {word!r}")
    t.save()
    return SAME


def total_cell_blank(t: Target) -> Expectation:
    """One cell of the total row left empty (the clerk did not add that column up)."""
    f = t.form()
    c = t.rng.choice(f.columns)
    f.ws.cell(f.total, c).value = None
    t.note(f"{get_column_letter(c)}{f.total}")
    t.save()
    return SAME


# ------------------------------------------------------------ value


def row_inserted(t: Target) -> Expectation:
    """A new commune's row inserted in the middle of the table, numbered, the total row
    updated."""
    f = t.form()
    at = t.rng.randint(f.first + 1, f.last)
    insert_rows(f.ws, at)
    f.ws.cell(at, 1).value = at - f.first + 1
    f.ws.cell(at, f.label_col).value = "Đảng bộ phường Thượng Cát"
    deltas = {}
    for c in f.columns:
        k = t.rng.randint(0, 9)
        f.ws.cell(at, c).value = k
        f.ws.cell(f.total + 1, c).value += k
        deltas[t.column_key(c)] = k
    t.note(f"row {at}")
    t.save()
    return Moves(deltas)


def zeroed(t: Target) -> Expectation:
    """A data cell set to 0, the total row adjusted."""
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    unit, indicator, measure, value = t.key(r, c)
    f.ws.cell(r, c).value = 0
    f.ws.cell(f.total, c).value -= value
    t.note(f"{get_column_letter(c)}{r} {value} -> 0")
    t.save()
    return Moves({(unit, indicator, measure): -value})


def thousands_typed(t: Target) -> Expectation:
    """A data cell raised above a thousand and typed as Vietnamese text ('1.022'), the
    total row adjusted (a number): the only such text in the workbook."""
    f = t.form()
    r, c = t.data_cell()
    unit, indicator, measure, value = t.key(r, c)
    k = 1000 + t.rng.randint(0, 99)
    f.ws.cell(r, c).value = f"{value + k:,}".replace(",", ".")
    f.ws.cell(f.total, c).value += k
    t.note(f"{get_column_letter(c)}{r} = {f.ws.cell(r, c).value!r}")
    t.save()
    return Moves({(unit, indicator, measure): k})


def two_sheets_changed(t: Target) -> Expectation:
    """A cell changed on two sheets of one workbook, each total row adjusted."""
    deltas: dict[tuple[str, str, str], int] = {}
    for name in t.rng.sample(t.book.sheetnames, 2):
        f = t.form(name)
        r, c = t.data_cell()
        unit, indicator, measure, value = t.key(r, c)
        k = t.rng.randint(1, 40)
        f.ws.cell(r, c).value = value + k
        f.ws.cell(f.total, c).value += k
        deltas[(unit, indicator, measure)] = k
        t.note(f"{name}!{get_column_letter(c)}{r} +{k}")
    t.save()
    return Moves(deltas)


# ------------------------------------------------------------ damaging


TYPED = {  # a count typed with more than its number; True: the number is plain to a reader
    "footnote-star": ("{v}*", True),
    "footnote-number": ("{v}(1)", True),
    "footnote-bracketed": ("{v} (*)", True),
    "parenthesised": ("({v})", False),
    "approximately": ("≈{v}", False),
    "about": ("khoảng {v}", False),
    "at-least": ("{v}+", False),
    "range": ("{w}-{v}", False),
    "plus-sign": ("+{v}", True),
    "unicode-minus": ("−{v}", False),
    "decimal-comma-zero": ("{v},0", True),
    "leading-zero": ("0{v}", True),
    "two-numbers": ("{v} ({w})", False),
    "fullwidth": ("{fw}", True),
    "none-word": ("Không", False),
}


def typed_value(t: Target, what: str) -> Expectation:
    """A count typed as text with a mark, a sign or a second number: read as the number a
    reader sees in it where that is plain, or the cell named."""
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    v = f.ws.cell(r, c).value
    pattern, plain = TYPED[what]
    fw = str(v).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    f.ws.cell(r, c).value = pattern.format(v=v, w=max(v - 1, 0), fw=fw)
    t.note(f"{get_column_letter(c)}{r} = {f.ws.cell(r, c).value!r}")
    t.save()
    return Damage(t.place(cells=((r, c),)), right={} if plain else None)


def big_typed(t: Target, how: str) -> Expectation:
    """A count of a thousand or more typed with an English comma ('1,045': one thousand
    and 45, or 1,045 the Vietnamese way?) or with spaces ('1 045', '1\xa0045')."""
    t.choose_file(lambda p: p.name in _with_thousands(t))
    cells = [k for k, v in t.base.cells.items() if k[0] == t.source.name and v[3] >= 1000]
    _, sheet, r, c = t.rng.choice(cells)
    f = t.form(sheet)
    v = f.ws.cell(r, c).value
    sep = {"english-comma": ",", "space": " ", "nbsp": "\xa0"}[how]
    f.ws.cell(r, c).value = f"{v:,}".replace(",", sep)
    t.note(f"{sheet}!{get_column_letter(c)}{r} = {f.ws.cell(r, c).value!r}")
    t.save()
    return Damage(t.place(cells=((r, c),)), right={} if how != "english-comma" else None)


def shown_as(t: Target, number_format: str) -> Expectation:
    """A count cell with a date or percent format (Excel shows 22 as 22/01/1900 or
    2200%): the number is still 22."""
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    f.ws.cell(r, c).number_format = number_format
    t.note(f"{get_column_letter(c)}{r} as {number_format!r}")
    t.save()
    return Damage(t.place(cells=((r, c),)), right={})


def swapped_columns(t: Target) -> Expectation:
    """Two columns' figures swapped in the data rows, the headers and the total row kept:
    only the total row can tell (the whole swap, total row too, cannot be told from a
    real form: not made; nor two columns of equal sums: no figure changes)."""
    f = t.form()
    pairs = [
        (a, b)
        for a in f.columns
        for b in f.columns
        if a < b
        and sum(t.key(r, a)[3] for r in f.data_rows) != sum(t.key(r, b)[3] for r in f.data_rows)
    ]
    a, b = t.rng.choice(pairs)
    for r in f.data_rows:
        f.ws.cell(r, a).value, f.ws.cell(r, b).value = f.ws.cell(r, b).value, f.ws.cell(r, a).value
    t.note(f"{get_column_letter(a)} <-> {get_column_letter(b)}")
    t.save()
    return Damage(t.place(cells=t.column_cells(a) + t.column_cells(b)))


def copied_over(t: Target) -> Expectation:
    """Another unit's file replaced by a copy of this one (sent twice, the other never):
    this unit's figures are twice over, the other's missing."""
    other = t.rng.choice([p for p in t.files if p != t.file])
    shutil.copyfile(t.file, other)
    t.note(f"{t.file.name} -> {other.name}")
    other_unit = next(v[0] for k, v in t.base.cells.items() if k[0] == other.name)
    return Damage(
        Place(frozenset({t.name, other.name}), whole_file=True, unit=t.base.names[other_unit])
    )


def far_number(t: Target, where: str) -> Expectation:
    """A number far from the table: in row 1,048,576 or in column XFD (16,384)."""
    f = t.form()
    r, c = (1_048_576, f.first_col) if where == "last-row" else (f.first, 16_384)
    f.ws.cell(r, c).value = t.rng.randint(1, 99)
    t.note(f"{get_column_letter(c)}{r}")
    t.save()
    return Damage(t.place(cells=((r, c),)), right={})


def draft_sheet(t: Target, suffix: str) -> Expectation:
    """An older draft of a sheet left beside it, titled as the sheet ('Kết nạp (cũ)'), the
    same period in its title, its figures different: which one counts is not to be
    guessed, or the draft named."""
    f = t.form()
    old = t.book.copy_worksheet(f.ws)
    old.title = f"{f.ws.title} {suffix}"
    for r in f.data_rows:
        for c in f.columns:
            old.cell(r, c).value = int(old.cell(r, c).value * 0.9)
    for c in f.columns:
        old.cell(f.total, c).value = sum(old.cell(r, c).value for r in f.data_rows)
    t.save()
    return Damage(Place(frozenset({t.name}), whole_file=True), right={})


def one_sheet_titled(t: Target, what: str) -> Expectation:
    """One sheet's title names another district, or another year, or another period
    (9 months for the year): that sheet's figures are not this unit's for this period."""
    f = t.form()
    other = t.rng.choice([p for p in t.files if p != t.file])
    if what == "other-unit":  # the other unit's sheet is then said to be the second one
        book = CalamineWorkbook.from_path(str(other))
        f.ws["A2"] = str(book.get_sheet_by_index(0).to_python()[1][0])
    elif what == "other-year":
        _map_text(f.ws, lambda s: s.replace(str(t.year), str(t.year - 1)) if "NĂM" in s else s)
    else:
        title = str(f.ws["A5"].value)
        f.ws["A5"] = (
            title.replace("NĂM", "9 THÁNG NĂM", 1)
            if "THÁNG" not in title
            else (title.replace("6 THÁNG ĐẦU NĂM", "NĂM"))
        )
    t.note(f"{f.ws['A2'].value} / {f.ws['A5'].value}")
    t.save()
    return Damage(t.place(whole_sheet=True, files=(other.name,) * (what == "other-unit")))


def numbers_column(t: Target, heading: str) -> Expectation:
    """A column after the table with a number in every row, under a heading no indicator
    has ('Ghi chú', or an indicator the catalogue does not know, with its measure): not
    added to any figure, or named."""
    f = t.form()
    col = f.last_col + 1
    f.ws.cell(f.top, col).value = heading
    f.ws.cell(f.sub, col).value = "Thực hiện" if heading != "Ghi chú" else None
    for r in [*f.data_rows, f.total]:
        f.ws.cell(r, col).value = t.rng.randint(1, 30)
    t.save()
    return Damage(t.place(cells=t.column_cells(col)), right={})


def breakdown_row(t: Target) -> Expectation:
    """A 'Trong đó: nữ' row under an organization's row, with figures no larger than its
    own: a part of that row, not one more organization, or named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    insert_rows(f.ws, r + 1)
    f.ws.cell(r + 1, f.label_col).value = "Trong đó: nữ"
    for c in f.columns:
        f.ws.cell(r + 1, c).value = t.key(r, c)[3] // 2
    t.note(f"row {r + 1}")
    t.save()
    return Damage(t.place(rows=(r + 1,)), right={})


def encrypted(t: Target) -> Expectation:
    """The workbook saved with a password to open: unreadable, and said so naming it."""
    from msoffcrypto.format.ooxml import OOXMLFile

    t.save()
    plain = t.file.with_suffix(".plain")
    t.file.rename(plain)
    with plain.open("rb") as source, t.file.open("wb") as out:
        OOXMLFile(source).encrypt("btc2023", out)
    plain.unlink()
    return Damage(t.place(whole_file=True))


def group_subtotals(t: Target) -> Expectation:
    """The rows put under two group headings that carry their group's subtotal ('I. Khối
    phường, xã' 25 | 31 | …, then its rows numbered 1, 2, …): the subtotals are not added
    again, or named."""
    f = t.form()
    k = t.rng.randint(f.first + 1, f.last - 1)  # the second group starts at row k
    groups = [(f.first, k - 1, "I", "Khối phường, xã"), (k, f.last, "II", "Khối cơ quan")]
    sums = {
        g[0]: {c: sum(t.key(r, c)[3] for r in range(g[0], g[1] + 1)) for c in f.columns}
        for g in groups
    }
    for first, _, roman, label in reversed(groups):
        insert_rows(f.ws, first)
        f.ws.cell(first, 1).value, f.ws.cell(first, f.label_col).value = roman, label
        for c, total in sums[first].items():
            f.ws.cell(first, c).value = total
    t.note(f"headings at rows {f.first}, {k + 1}")
    t.save()
    return Damage(t.place(rows=(f.first, k + 1)), right={})


def header_in_middle(t: Target) -> Expectation:
    """An indicator's heading, unmerged, typed in the middle one of its three columns (the
    clerk centred it by hand): a reader still sees the three under it."""
    f = _sheet_where(t, lambda f: any(e - s == 2 for s, e in f.groups()))
    start, end = t.rng.choice([(s, e) for s, e in f.groups() if e - s == 2])
    text = f.ws.cell(f.top, start).value
    f.ws.unmerge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end)
    f.ws.cell(f.top, start).value, f.ws.cell(f.top, start + 1).value = None, text
    t.note(f"{get_column_letter(start + 1)}{f.top}")
    t.save()
    return Damage(t.place(cells=t.column_cells(start)), right={})


def super_heading(t: Target, word: str) -> Expectation:
    """A heading row above the indicators, merged over all the figures' columns ('Kết quả
    thực hiện năm 2023'): a three-row header."""
    f = t.form()
    heads = [m.bounds for m in f.ws.merged_cells.ranges if m.min_row == m.max_row == f.top]
    for min_col, row, max_col, _ in heads:
        f.ws.unmerge_cells(start_row=row, start_column=min_col, end_row=row, end_column=max_col)
    insert_rows(f.ws, f.top + 1)  # inside the STT and Đơn vị merges: they grow over it
    for c in range(f.first_col, f.last_col + 1):  # the indicators' row moves down one
        top, new = f.ws.cell(f.top, c), f.ws.cell(f.top + 1, c)
        new.value, top.value = top.value, None
    for min_col, row, max_col, _ in heads:
        f.ws.merge_cells(
            start_row=row + 1, start_column=min_col, end_row=row + 1, end_column=max_col
        )
    f.ws.cell(f.top, f.first_col).value = word.format(year=t.year)
    f.ws.merge_cells(
        start_row=f.top, start_column=f.first_col, end_row=f.top, end_column=f.last_col
    )
    t.save()
    return SAME


def error_cell(t: Target) -> Expectation:
    """A count cell holding an Excel error as Excel saves one (t="e", #DIV/0! of a
    formula): not a count, named."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    r, c = t.data_cell(nonzero=True)
    ref = f"{get_column_letter(c)}{r}"
    style = str(f.ws.cell(r, c).style_id)
    t.note(ref)
    t.save()
    patch_cell_xml(t.file, index, ref, _cell_xml(ref, style, "<f>1/0</f><v>#DIV/0!</v>", "e"))
    return Damage(t.place(cells=((r, c),)))


def shared_formula_totals(t: Target) -> Expectation:
    """The total row as one SUM dragged across, as Excel saves it: a shared formula (the
    first cell holds it, the others refer to it), every cell with its value."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    cells = [(c, f.ws.cell(f.total, c).value, f.ws.cell(f.total, c).style_id) for c in f.columns]
    t.save()
    first, last = get_column_letter(f.first_col), get_column_letter(f.last_col)
    for n, (c, value, style) in enumerate(cells):
        ref = f"{get_column_letter(c)}{f.total}"
        formula = (
            f'<f t="shared" ref="{first}{f.total}:{last}{f.total}" si="0">'
            f"SUM({first}{f.first}:{first}{f.last})</f>"
            if n == 0
            else '<f t="shared" si="0"/>'
        )
        patch_cell_xml(t.file, index, ref, _cell_xml(ref, str(style), f"{formula}<v>{value}</v>"))
    return SAME


def stray_files(t: Target, what: str) -> Expectation:
    """What else lies in a clerk's folder: Excel's lock file of an open workbook, Windows'
    Thumbs.db and desktop.ini."""
    if what == "lock-file":
        owner = b"Nguyen Van An"
        (t.folder / f"~${t.file.name}").write_bytes(bytes([len(owner)]) + owner.ljust(164, b" "))
    else:
        (t.folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
        (t.folder / "desktop.ini").write_text("[.ShellClassInfo]\r\nIconResource=C:\\x.ico,0\r\n")
    return SAME


def old_copy_in_subfolder(t: Target) -> Expectation:
    """An older draft of a unit's workbook kept in a subfolder ('Bản cũ/'), same period,
    other figures: which one counts is not to be guessed, or named."""
    for ws in t.book.worksheets:
        f = Form.find(ws)
        for r in f.data_rows:
            for c in f.columns:
                ws.cell(r, c).value = int(ws.cell(r, c).value * 0.9)
        for c in f.columns:
            ws.cell(f.total, c).value = sum(ws.cell(r, c).value for r in f.data_rows)
    (t.folder / "Bản cũ").mkdir()
    t.book.save(t.folder / "Bản cũ" / t.name)
    return Damage(Place(frozenset({t.name}), whole_file=True), right={})


def unit_line(t: Target, style: str) -> Expectation:
    """The title's unit line as a template leaves it: one diacritic missing, or left
    unfilled ('ĐẢNG BỘ QUẬN, HUYỆN ……'): the file's name still says the unit. Damaging:
    the unit's kind wrong ('HUYỆN' for a quận), or the line deleted (the title then names
    the city: a consolidated sheet, as the README says): the file's name says the unit, or
    the sheets are named."""
    for ws in t.book.worksheets:
        line = str(ws["A2"].value)
        kind = next(k for k in ("THỊ XÃ", "QUẬN", "HUYỆN") if f" {k} " in line)
        ws["A2"] = _unit_line(style, kind, line.split(f" {kind} ", 1)[1])
    t.note(str(t.book.worksheets[0]["A2"].value))
    t.save()
    if style in ("wrong-kind", "empty"):
        return Damage(t.place(whole_file=True), right={})
    return SAME


def _unit_line(style: str, kind: str, name: str) -> str | None:
    if style == "wrong-kind":
        return f"ĐẢNG BỘ {'HUYỆN' if kind != 'HUYỆN' else 'QUẬN'} {name}"
    if style == "typo":
        return f"ĐẢNG BỘ {kind} {_drop_a_mark(name)}"
    return "ĐẢNG BỘ QUẬN, HUYỆN, THỊ XÃ ……………" if style == "unfilled" else None


def _drop_a_mark(name: str) -> str:
    """'BA ĐÌNH' -> 'BA ĐINH': the last letter with a mark typed without its tone."""
    at = max(i for i, ch in enumerate(name) if _ascii(ch) != ch and ch not in "Đđ")
    plain = unicodedata.normalize("NFD", name[at])[0]
    return name[:at] + plain + name[at + 1 :]


def period_line(t: Target, style: str) -> Expectation:
    """The period lines as clerks write them: the span of a year's report from December
    of the year before ('Số liệu tính từ 01/12/2022 đến 30/11/2023'), or '(BỔ SUNG)' after
    the title."""
    for ws in t.book.worksheets:
        if style == "span":
            ws["A6"] = f"(Số liệu tính từ 01/12/{t.year - 1} đến 30/11/{t.year})"
        else:
            ws["A5"] = f"{ws['A5'].value} (BỔ SUNG)"
    t.save()
    return SAME


def label_merged_over_stt(t: Target) -> Expectation:
    """Each organization's name typed in the STT column and merged over the label column
    (A:B), as the total row is: no STT numbers."""
    f = t.form()
    for r in f.data_rows:
        f.ws.cell(r, 1).value, f.ws.cell(r, f.label_col).value = (
            f.ws.cell(r, f.label_col).value,
            None,
        )
        f.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=f.label_col)
    t.save()
    return SAME


# ============================================================ a hidden checker's look


def unit_named_total(t: Target, name: str, last: bool) -> Expectation:
    """An organization whose name starts as a total's label does ('Tổng công ty …', a
    state corporation's party committee, typed without its 'Đảng bộ'): still a unit's row,
    the last one above the total row or another."""
    f = t.form()
    r = f.last if last else t.rng.choice(list(f.data_rows)[:-1])
    f.ws.cell(r, f.label_col).value = name
    t.note(f"row {r} = {name!r}")
    t.save()
    return SAME


def unit_labels(t: Target, how: str) -> Expectation:
    """The organizations' labels typed otherwise: in two rich-text runs, with a line break,
    with zero-width and no-break spaces (pasted from a web page), with a bullet dash."""
    f = t.form()
    for r in f.data_rows:
        label = str(f.ws.cell(r, f.label_col).value)
        head, _, tail = label.partition(" ")
        if how == "rich-text":
            value: object = CellRichText([TextBlock(InlineFont(b=True), head), " " + tail])
        elif how == "line-break":
            value = f"{head}\n{tail}"
        elif how == "invisible-spaces":
            value = f"\u200b{head}\xa0 {tail}\u200b "
        else:
            value = f"- {label}"
        f.ws.cell(r, f.label_col).value = value
    t.save()
    return SAME


def float_counts(t: Target) -> Expectation:
    """Every count of a sheet stored as a float (22.0), as some programs write them."""
    f = t.form()
    for r in [*f.data_rows, f.total]:
        for c in f.columns:
            if isinstance(f.ws.cell(r, c).value, int):
                f.ws.cell(r, c).value = float(f.ws.cell(r, c).value)
    t.save()
    return SAME


def number_formats(t: Target, number_format: str) -> Expectation:
    """The figures shown with another number format (thousands separated, a dash for a
    zero): the numbers are the same."""
    f = t.form()
    for r in [*f.data_rows, f.total]:
        for c in f.columns:
            f.ws.cell(r, c).number_format = number_format
    t.save()
    return SAME


def sheet_names_swapped(t: Target) -> Expectation:
    a, b = t.rng.sample(t.book.sheetnames, 2)
    t.book[a].title = "__tmp"
    t.book[b].title = a
    t.book["__tmp"].title = b
    t.note(f"{a} <-> {b}")
    t.save()
    return SAME


def long_sheet_name(t: Target) -> Expectation:
    ws = t.book[t.rng.choice(t.book.sheetnames)]
    ws.title = "Biểu 2 (KN) - Q.Ba Đình 2023 - v"[:31]
    t.save()
    return SAME


def xml_variant(t: Target, how: str) -> Expectation:
    """The saved file's XML as other writers make it: relative relationship targets (as
    Excel writes them), cells without their r="A1" (optional in the standard), a
    <dimension> that lies, dates counted from 1904, a macro-enabled workbook (.xlsm)."""
    t.save()
    sheets = [p for p in part_names(t.file) if p.startswith("xl/worksheets/sheet")]
    if how == "relative-rels":
        rewrite_zip(
            t.file, {"xl/_rels/workbook.xml.rels": lambda x: x.replace('Target="/xl/', 'Target="')}
        )
    elif how == "no-cell-refs":
        rewrite_zip(t.file, dict.fromkeys(sheets, lambda x: re.sub(r'<c r="[A-Z]+\d+"', "<c", x)))
    elif how == "wrong-dimension":
        rewrite_zip(
            t.file,
            dict.fromkeys(
                sheets, lambda x: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1"', x)
            ),
        )
    elif how == "date1904":
        rewrite_zip(
            t.file,
            {
                "xl/workbook.xml": lambda x: re.sub(
                    r"<workbookPr([ />])", r'<workbookPr date1904="1"\1', x
                )
            },
        )
    else:  # xlsm
        main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        macro = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        rewrite_zip(t.file, {"[Content_Types].xml": lambda x: x.replace(main, macro)})
        t.file = t.file.rename(t.file.with_suffix(".xlsm"))
    return SAME


def row_over_two_lines(t: Target) -> Expectation:
    """An organization's row made two rows high by merging each of its cells with an empty
    row under it (a long name wrapped by hand): the figures in the merge's first cell."""
    f = t.form()
    r = t.rng.choice(list(f.data_rows))
    insert_rows(f.ws, r + 1)
    for c in range(1, f.last_col + 1):
        f.ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    t.note(f"rows {r}:{r + 1}")
    t.save()
    return SAME


def total_twice(t: Target) -> Expectation:
    """The total row both at the top of the table and at its foot."""
    f = t.form()
    values = [f.ws.cell(f.total, c).value for c in range(1, f.last_col + 1)]
    insert_rows(f.ws, f.first)
    for c, value in enumerate(values, 1):
        f.ws.cell(f.first, c).value = value
    t.save()
    return SAME


def row_typed_twice(t: Target) -> Expectation:
    """An organization's row typed twice, the total row counting it twice (the clerk
    summed what was there): the same name twice is not two organizations, or named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    values = [f.ws.cell(r, c).value for c in range(1, f.last_col + 1)]
    insert_rows(f.ws, r + 1)
    for c, value in enumerate(values, 1):
        f.ws.cell(r + 1, c).value = value
    for c in f.columns:
        f.ws.cell(f.total + 1, c).value += t.key(r, c)[3]
    t.note(f"row {r} at {r + 1}")
    t.save()
    return Damage(t.place(rows=(r, r + 1)), right={})


def row_below_total(t: Target) -> Expectation:
    """An organization's row moved under the total row (sent late, added at the foot), the
    total row not counting it: its figures counted, or the row named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    values = [f.ws.cell(r, c).value for c in range(1, f.last_col + 1)]
    for c in f.columns:
        f.ws.cell(f.total, c).value -= t.key(r, c)[3]
    insert_rows(f.ws, f.total + 1)
    for c, value in enumerate(values, 1):
        f.ws.cell(f.total + 1, c).value = value
    delete_row(f.ws, r)
    t.note(f"row {r} to {f.total}")
    t.save()
    return Damage(t.place(rows=(f.total, f.total - 1)), right={})


def ratio_row(t: Target) -> Expectation:
    """A 'Tỷ lệ so với kế hoạch (%)' row under the total row, its cells fractions shown as
    percents (0.95): not a unit, or named."""
    f = t.form()
    insert_rows(f.ws, f.total + 1)
    f.ws.cell(f.total + 1, 1).value = "Tỷ lệ so với kế hoạch (%)"
    for c in f.columns:
        f.ws.cell(f.total + 1, c).value = round(t.rng.uniform(0.8, 1.2), 4)
        f.ws.cell(f.total + 1, c).number_format = "0.0%"
    t.save()
    return Damage(t.place(rows=(f.total + 1,)), right={})


def unlabelled_total(t: Target) -> Expectation:
    """The total row's label gone, its cells =SUM() of the rows above with their values:
    a total by its sums, or named."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    f.ws.cell(f.total, 1).value = None
    cells = [(c, f.ws.cell(f.total, c).value, f.ws.cell(f.total, c).style_id) for c in f.columns]
    t.save()
    for c, value, style in cells:
        letter = get_column_letter(c)
        ref = f"{letter}{f.total}"
        body = f"<f>SUM({letter}{f.first}:{letter}{f.last})</f><v>{value}</v>"
        patch_cell_xml(t.file, index, ref, _cell_xml(ref, str(style), body))
    return Damage(t.place(rows=(f.total,)), right={})


def zero_height_row(t: Target) -> Expectation:
    """A data row zero points high (not marked hidden): counted, or named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    f.ws.row_dimensions[r].height = 0
    t.note(f"row {r}")
    t.save()
    return Damage(t.place(rows=(r,)), right={})


def column_twice(t: Target) -> Expectation:
    """A measure column copied beside itself, heading and all (the indicator's merge
    widened): one of the two, not their sum, or named."""
    f = t.form()
    start, end = t.rng.choice([g for g in f.groups() if g[1] > g[0]])
    c = t.rng.randint(start, end)
    values = {r: f.ws.cell(r, c).value for r in range(f.sub, f.total + 1)}
    insert_cols(f.ws, c + 1)
    for r, value in values.items():
        f.ws.cell(r, c + 1).value = value
    if c == end:  # inserted after the merge: widened by hand
        f.ws.unmerge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end)
        f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end + 1)
    t.note(f"{get_column_letter(c)} copied to {get_column_letter(c + 1)}")
    t.save()
    return Damage(t.place(cells=t.column_cells(c) + t.column_cells(c + 1)), right={})


MORE_TYPED = {  # text in a count cell; the number a reader sees
    "trailing-dot": "{v}.",
    "zero-width-space": "{v}\u200b",
    "english-decimal": "{v}.0",
    "tab": "{v}\t",
    "note-after": "{v} (ước)",
}


def more_typed(t: Target, what: str) -> Expectation:
    f = t.form()
    r, c = t.data_cell(nonzero=True)
    f.ws.cell(r, c).value = MORE_TYPED[what].format(v=f.ws.cell(r, c).value)
    t.note(f"{get_column_letter(c)}{r} = {f.ws.cell(r, c).value!r}")
    t.save()
    return Damage(t.place(cells=((r, c),)), right={})


def measure_typo(t: Target) -> Expectation:
    """'Thưc hiện' (a mark missing) over an indicator's actual figures: read as Thực
    hiện, or the column named."""
    f = t.form()
    c = t.rng.choice([c for c in f.columns if f.ws.cell(f.sub, c).value == "Thực hiện"])
    f.ws.cell(f.sub, c).value = "Thưc hiện"
    t.note(f"{get_column_letter(c)}{f.sub}")
    t.save()
    return Damage(t.place(cells=t.column_cells(c)), right={})


def _swap_columns(ws: Worksheet, a: int, b: int, rows: range) -> None:
    for r in rows:
        if isinstance(ws.cell(r, a), MergedCell) or isinstance(ws.cell(r, b), MergedCell):
            continue  # inside a heading's merge, as wide at both places
        ws.cell(r, a).value, ws.cell(r, b).value = ws.cell(r, b).value, ws.cell(r, a).value


def measures_reordered(t: Target) -> Expectation:
    """An indicator's measure columns in another order (Thực hiện before Kế hoạch), heading,
    figures and total row moved together."""
    f = _sheet_where(t, lambda f: any(e > s for s, e in f.groups()))
    start, end = t.rng.choice([g for g in f.groups() if g[1] > g[0]])
    a, b = t.rng.sample(range(start, end + 1), 2)
    _swap_columns(f.ws, a, b, range(f.sub, f.total + 1))
    t.note(f"{get_column_letter(a)} <-> {get_column_letter(b)}")
    t.save()
    return SAME


def groups_reordered(t: Target) -> Expectation:
    """Two indicators' groups of columns swapped whole (headings, merges, figures), where
    both are as wide."""
    f = _sheet_where(
        t,
        lambda f: any(
            e1 - s1 == e2 - s2 for s1, e1 in f.groups() for s2, e2 in f.groups() if s1 < s2
        ),
    )
    pairs = [
        (g, h) for g in f.groups() for h in f.groups() if g[0] < h[0] and g[1] - g[0] == h[1] - h[0]
    ]
    (s1, _), (s2, e2) = t.rng.choice(pairs)
    for k in range(e2 - s2 + 1):
        _swap_columns(f.ws, s1 + k, s2 + k, range(f.top, f.total + 1))
    t.note(f"{get_column_letter(s1)} <-> {get_column_letter(s2)}")
    t.save()
    return SAME


def tables_stacked(t: Target) -> Expectation:
    """Two sheets' tables on one sheet, the second (title, header, rows, total, signature)
    under the first's signature block, its sheet deleted."""
    top, below = t.rng.sample(t.book.sheetnames, 2)
    a, b = t.book[top], t.book[below]
    offset = a.max_row + 3
    for (r, c), cell in list(b._cells.items()):
        if not isinstance(cell, MergedCell) and cell.value is not None:
            a.cell(r + offset, c).value = cell.value
    for merged in b.merged_cells.ranges:
        a.merge_cells(
            start_row=merged.min_row + offset,
            start_column=merged.min_col,
            end_row=merged.max_row + offset,
            end_column=merged.max_col,
        )
    del t.book[below]
    t.note(f"{below} under {top} from row {offset + 1}")
    t.save()
    return SAME


def total_row_typed(t: Target) -> Expectation:
    """The total row's figures of a thousand and more typed as Vietnamese text ('1.234'),
    the rows' numbers left."""
    t.choose_file(lambda p: p.name in _files_with_totals_over(t, 999))
    for name in t.book.sheetnames:
        f = t.form(name)
        for c in f.columns:
            v = f.ws.cell(f.total, c).value
            if isinstance(v, int) and v >= 1000:
                f.ws.cell(f.total, c).value = f"{v:,}".replace(",", ".")
    t.save()
    return SAME


def percent_fractions(t: Target) -> Expectation:
    """A 'Tỷ lệ %' column after an indicator's Kế hoạch and Thực hiện, its cells fractions
    shown as percents (0.954 as 95.4%), as Excel computes =D10/C10."""
    for f in map(t.form, t.rng.sample(t.book.sheetnames, len(t.book.sheetnames))):
        groups = [
            (start, end)
            for start, end in f.groups()
            if [f.ws.cell(f.sub, c).value for c in (start, start + 1)] == ["Kế hoạch", "Thực hiện"]
        ]
        if groups:
            start, end = t.rng.choice(groups)
            break
    insert_cols(f.ws, start + 2)
    f.ws.cell(f.sub, start + 2).value = "Tỷ lệ (%)"
    if end == start + 1:  # KH, TH: the merge widened
        f.ws.unmerge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=start + 1)
        f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=start + 2)
    for r in [*f.data_rows, f.total]:
        plan, actual = f.ws.cell(r, start).value, f.ws.cell(r, start + 1).value
        cell = f.ws.cell(r, start + 2)
        cell.value = round(actual / plan, 4) if plan else None
        cell.number_format = "0.0%"
    t.save()
    return SAME


def note_below_total(t: Target, text: str) -> Expectation:
    """A note under the total row, before the signature block, with numbers in its
    words."""
    f = t.form()
    insert_rows(f.ws, f.total + 1)
    f.ws.cell(f.total + 1, 1).value = text
    t.save()
    return SAME


def upper_labels(t: Target) -> Expectation:
    """The organizations' names in capitals."""
    f = t.form()
    for r in f.data_rows:
        f.ws.cell(r, f.label_col).value = str(f.ws.cell(r, f.label_col).value).upper()
    t.save()
    return SAME


def thousands_as_float(t: Target) -> Expectation:
    """A count of a thousand or more typed '1.045' in an English Excel: stored as the number
    1.045, not as text. No count has decimals: named."""
    t.choose_file(lambda p: p.name in _with_thousands(t))
    cells = [k for k, v in t.base.cells.items() if k[0] == t.source.name and v[3] >= 1000]
    _, sheet, r, c = t.rng.choice(cells)
    f = t.form(sheet)
    f.ws.cell(r, c).value = f.ws.cell(r, c).value / 1000
    t.note(f"{sheet}!{get_column_letter(c)}{r} = {f.ws.cell(r, c).value!r}")
    t.save()
    return Damage(t.place(cells=((r, c),)))


def stt_floats(t: Target) -> Expectation:
    """The STT numbers stored as floats (1.0, 2.0)."""
    f = t.form()
    for r in f.data_rows:
        if isinstance(f.ws.cell(r, 1).value, int):
            f.ws.cell(r, 1).value = float(f.ws.cell(r, 1).value)
    t.save()
    return SAME


def formatted_empty_rows(t: Target) -> Expectation:
    """Three thousand empty rows under the table with borders and fills (a clerk formatted
    whole columns): nothing in them."""
    f = t.form()
    fill = PatternFill("solid", fgColor="FFF2CC")
    for r in range(f.place_line[0] + 5, f.place_line[0] + 3005):
        for c in range(1, f.last_col + 1):
            f.ws.cell(r, c).fill = fill
    t.save()
    return SAME


def broken_name_and_links(t: Target) -> Expectation:
    """A defined name whose range was deleted (#REF!), and the names linked to a web page."""
    from openpyxl.workbook.defined_name import DefinedName

    f = t.form()
    t.book.defined_names["DanhSach"] = DefinedName("DanhSach", attr_text="#REF!")
    for r in f.data_rows:
        f.ws.cell(r, f.label_col).hyperlink = "https://hanoi.dcs.vn/"
    t.save()
    return SAME


def iso_date_cell(t: Target) -> Expectation:
    """A count cell written as an ISO date (t="d"), as some writers save a date: named."""
    f = t.form()
    index = t.book.sheetnames.index(f.ws.title)
    r, c = t.data_cell(nonzero=True)
    style = str(f.ws.cell(r, c).style_id)
    ref = f"{get_column_letter(c)}{r}"
    t.note(ref)
    t.save()
    patch_cell_xml(t.file, index, ref, _cell_xml(ref, style, "<v>2023-05-12T00:00:00</v>", "d"))
    return Damage(t.place(cells=((r, c),)))


def subtotal_in_names(t: Target) -> Expectation:
    """A subtotal of the rows above typed where a name goes ('Cộng khối phường, xã', no STT,
    not merged): not one more organization, or named."""
    f = t.form()
    k = t.rng.randint(f.first + 1, f.last - 1)
    sums = {c: sum(t.key(r, c)[3] for r in range(f.first, k + 1)) for c in f.columns}
    insert_rows(f.ws, k + 1)
    f.ws.cell(k + 1, f.label_col).value = "Cộng khối phường, xã"
    for c, total in sums.items():
        f.ws.cell(k + 1, c).value = total
    t.note(f"row {k + 1}")
    t.save()
    return Damage(t.place(rows=(k + 1,)), right={})


def group_subtotals_other(t: Target, style: str) -> Expectation:
    """Group headings carrying their group's subtotal, lettered ('A', 'B') or with no
    number at all: the subtotals are not added again, or named."""
    f = t.form()
    k = t.rng.randint(f.first + 1, f.last - 1)
    marks = ("A", "B") if style == "letters" else (None, None)
    groups = [(f.first, k - 1, marks[0], "Khối phường, xã"), (k, f.last, marks[1], "Khối cơ quan")]
    sums = {
        g[0]: {c: sum(t.key(r, c)[3] for r in range(g[0], g[1] + 1)) for c in f.columns}
        for g in groups
    }
    for first, _, mark, label in reversed(groups):
        insert_rows(f.ws, first)
        f.ws.cell(first, 1).value, f.ws.cell(first, f.label_col).value = mark, label
        for c, total in sums[first].items():
            f.ws.cell(first, c).value = total
    t.note(f"headings at rows {f.first}, {k + 1}")
    t.save()
    return Damage(t.place(rows=(f.first, k + 1)), right={})


def unit_named_as_district(t: Target, total: bool) -> Expectation:
    """The last organization a township named as its district ('Đảng bộ thị trấn Phúc
    Thọ' in Huyện Phúc Thọ), the total row kept or not: still an organization."""
    f = t.form()
    line = str(f.ws["A2"].value)
    kind = next(k for k in ("THỊ XÃ", "QUẬN", "HUYỆN") if f" {k} " in line)
    name = line.split(f" {kind} ", 1)[1].title()
    f.ws.cell(f.last, f.label_col).value = f"Đảng bộ thị trấn {name}"
    if not total:
        delete_row(f.ws, f.total)
    t.note(f"row {f.last} = {f.ws.cell(f.last, f.label_col).value!r}")
    t.save()
    return SAME


def breakdown_of_total(t: Target) -> Expectation:
    """A 'Trong đó: nữ' row under the total row, each figure no larger than the total's:
    a part of the total, not one more organization, or named."""
    f = t.form()
    insert_rows(f.ws, f.total + 1)
    f.ws.cell(f.total + 1, f.label_col).value = "Trong đó: nữ"
    for c in f.columns:
        f.ws.cell(f.total + 1, c).value = f.ws.cell(f.total, c).value // 3
    t.save()
    return Damage(t.place(rows=(f.total + 1,)), right={})


def indicator_typo(t: Target) -> Expectation:
    """An indicator's heading with one tone mark missing: read as that indicator, or its
    columns named, never another's."""
    f = t.form()
    start, end = t.rng.choice(f.groups())
    text = str(f.ws.cell(f.top, start).value)
    f.ws.cell(f.top, start).value = _drop_a_mark(text)
    t.note(f"{get_column_letter(start)}{f.top} = {f.ws.cell(f.top, start).value!r}")
    t.save()
    cells = tuple(cell for c in range(start, end + 1) for cell in t.column_cells(c))
    return Damage(t.place(cells=cells), right={})


def heading_blank(t: Target, col: int) -> Expectation:
    """The 'STT' or 'Đơn vị' heading left empty: the table read as before, or named."""
    f = t.form()
    f.ws.cell(f.top, col).value = None
    t.save()
    return Damage(t.place(whole_sheet=True), right={})


def row_typed_twice_spaced(t: Target) -> Expectation:
    """A row pasted twice, its name with a trailing and a doubled space the second time,
    the total row counting it twice: named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    values = [f.ws.cell(r, c).value for c in range(1, f.last_col + 1)]
    insert_rows(f.ws, r + 1)
    for c, value in enumerate(values, 1):
        f.ws.cell(r + 1, c).value = value
    f.ws.cell(r + 1, f.label_col).value = str(values[f.label_col - 1]).replace(" ", "  ", 1) + " "
    for c in f.columns:
        f.ws.cell(f.total + 1, c).value += t.key(r, c)[3]
    t.note(f"row {r} at {r + 1}")
    t.save()
    return Damage(t.place(rows=(r, r + 1)), right={})


def heading_merge(t: Target, how: str) -> Expectation:
    """An indicator's heading merged one column too narrow (its last measure under no
    heading: read as the heading's, or named) or one too wide (over the next indicator's
    first column, whose heading the merge hides: that indicator's figures named)."""
    f = _sheet_where(t, lambda f: any(e - s >= 2 for s, e in f.groups()[:-1]))
    groups = f.groups()
    i = t.rng.choice([i for i, (s, e) in enumerate(groups[:-1]) if e - s >= 2])
    start, end = groups[i]
    f.ws.unmerge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end)
    if how == "narrow":
        f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end - 1)
        t.note(f"{get_column_letter(start)}{f.top}:{get_column_letter(end - 1)}{f.top}")
        t.save()
        return Damage(t.place(cells=t.column_cells(end)), right={})
    nxt_start, nxt_end = groups[i + 1]
    if merged_at(f.ws, f.top, nxt_start):
        f.ws.unmerge_cells(
            start_row=f.top, start_column=nxt_start, end_row=f.top, end_column=nxt_end
        )
    f.ws.cell(f.top, nxt_start).value = None
    f.ws.merge_cells(start_row=f.top, start_column=start, end_row=f.top, end_column=end + 1)
    t.note(f"{get_column_letter(start)}{f.top}:{get_column_letter(end + 1)}{f.top}")
    t.save()
    cells = tuple(cell for c in range(nxt_start, nxt_end + 1) for cell in t.column_cells(c))
    return Damage(t.place(cells=cells))


def total_in_middle(t: Target) -> Expectation:
    """The total row typed between two organizations' rows (rows added under it later, the
    total updated): every row counted, or the rows under it named."""
    f = t.form()
    at = t.rng.randint(f.first + 1, f.last)
    values = [f.ws.cell(f.total, c).value for c in range(1, f.last_col + 1)]
    delete_row(f.ws, f.total)
    insert_rows(f.ws, at)
    for c, value in enumerate(values, 1):
        f.ws.cell(at, c).value = value
    t.note(f"total at row {at}")
    t.save()
    return Damage(t.place(rows=tuple(range(at, f.total + 1))), right={})


def row_after_signature(t: Target) -> Expectation:
    """An organization's row typed under the signature block (sent late), numbered on: its
    numbers named, never dropped unsaid."""
    f = t.form()
    r = f.ws.max_row + 2
    f.ws.cell(r, 1).value = len(f.data_rows) + 1
    f.ws.cell(r, f.label_col).value = "Chi bộ Công ty TNHH Thương mại Hồng Hà"
    deltas = {}
    for c in f.columns:
        k = t.rng.randint(1, 9)
        f.ws.cell(r, c).value = k
        deltas[t.column_key(c)] = k
    t.note(f"row {r}")
    t.save()
    return Damage(t.place(rows=(r,)), right=deltas)


def row_above_header(t: Target) -> Expectation:
    """An organization's row typed above the header, between the title and the table (a
    row pasted in the wrong place): its numbers named, never dropped unsaid."""
    f = t.form()
    insert_rows(f.ws, f.top)
    f.ws.cell(f.top, 1).value = len(f.data_rows) + 1
    f.ws.cell(f.top, f.label_col).value = "Chi bộ Công ty TNHH Thương mại Hồng Hà"
    deltas = {}
    for c in f.columns:
        k = t.rng.randint(1, 9)
        f.ws.cell(f.top, c).value = k
        deltas[t.column_key(c)] = k
    t.note(f"row {f.top}")
    t.save()
    return Damage(t.place(rows=(f.top,)), right=deltas)


def stt_and_names_swapped(t: Target, whole: bool) -> Expectation:
    """The STT and name columns swapped: the whole columns, headings and merges too (a
    form with the name first), or on one row only (its number typed where its name goes):
    the same figures, or that row named."""
    f = t.form()
    if whole:
        top = merged_at(f.ws, f.top, 1), merged_at(f.ws, f.top, 2)
        for area in top:
            if area:
                f.ws.unmerge_cells(
                    start_row=area[0], start_column=area[1], end_row=area[2], end_column=area[3]
                )
        total_merge = merged_at(f.ws, f.total, 1)
        if total_merge:
            f.ws.unmerge_cells(
                start_row=f.total, start_column=1, end_row=f.total, end_column=total_merge[3]
            )
        _swap_columns(f.ws, 1, 2, range(f.top, f.total))  # the total's label stays first
        for area in top:
            if area:
                f.ws.merge_cells(
                    start_row=area[0], start_column=area[1], end_row=area[2], end_column=area[3]
                )
        t.save()
        return SAME
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    _swap_columns(f.ws, 1, 2, range(r, r + 1))
    t.note(f"row {r}")
    t.save()
    return Damage(t.place(rows=(r,)), right={})


def period_line_other(t: Target) -> Expectation:
    """The title says the period, its date line another ('NĂM 2023' over '(Tính đến ngày
    15/6/2023)', a half year's figures under a year's title, or the other way round): the
    sheets named, or read for the title's period."""
    for ws in t.book.worksheets:
        _map_text(
            ws,
            lambda s: re.sub(
                r"(Tính đến ngày )\d+/\d+/(\d{4})",
                lambda m: m[1] + ("15/6/" if t.period == "2023" else "30/11/") + m[2],
                s,
            ),
        )
    t.save()
    return Damage(t.place(whole_file=True), right={})


def name_over_two_rows(t: Target, figures: str) -> Expectation:
    """An organization's name and number merged down over two rows, its figures typed on
    the first row or on the second (unmerged): that organization's figures, or named."""
    f = t.form()
    r = t.rng.choice([r for r in f.data_rows if any(t.key(r, c)[3] for c in f.columns)])
    insert_rows(f.ws, r + 1)
    if figures == "second":
        for c in f.columns:
            f.ws.cell(r + 1, c).value, f.ws.cell(r, c).value = f.ws.cell(r, c).value, None
    for c in (1, f.label_col):
        f.ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    t.note(f"rows {r}:{r + 1}")
    t.save()
    return Damage(t.place(rows=(r, r + 1)), right={})


def scratch_copy(t: Target, changed: bool) -> Expectation:
    """A sheet copied to 'Sheet1' without its title block (the clerk's scratch copy), its
    figures the same or one of them changed: counted once, or named."""
    f = t.form()
    copy = t.book.copy_worksheet(f.ws)
    copy.title = "Sheet1"
    for _ in range(f.top - 1):
        delete_row(copy, 1)
    if changed:
        r, c = t.data_cell(nonzero=True)
        copy.cell(r - f.top + 1, c).value = t.key(r, c)[3] + 7
        t.note(f"Sheet1!{get_column_letter(c)}{r - f.top + 1} +7")
    t.save()
    return Damage(t.place(whole_file=True), right=None if changed else {})
