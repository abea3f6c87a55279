"""The Excel annex: a sheet per sheet kind laid out like the official forms, in the party's
document form (heading, place-and-date line, signature block: `heading.py`), a chart, and
a "Nguồn" sheet naming the cell behind every figure.

Numbers show the report's language whatever the reader's machine: Excel takes a format's
decimal and thousands separators from the system (or its own options), never from the
workbook, so counts are formatted with literal separators ("10.479" by a format of
conditions, no placeholder); percentages carry the language's locale tag ([$-42A] for
Vietnamese), which LibreOffice follows and Excel cannot (it shows its system's decimal
mark). The README says so.

Written with xlsxwriter (its parts deflated in threads as they are made: `workbook.py`).
Text from the inputs is only ever written as text, a shared string (and the workbook
refuses to turn strings into formulas), so a unit named "=HYPERLINK(…)" stays text. With
`formulas=True` totals and percentages are live formulas made here from cell references,
their cached results the tool's own figures, so the file shows the right numbers even
unopened by Excel. The unit rows and the Nguồn sheet (close to a million cells for a
national roll-up) are put as whole rows through `BulkSheet`; titles, headers and the total
row are written cell by cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..catalogue import Indicator, load_catalogue
from ..document import DocumentSettings
from ..errors import UsageError
from ..model import MEASURES, Figures, Report, SheetRef, column_letter
from ..own_output import mark_workbook
from .bulk_sheet import BulkSheet, Cell, Formula, write_cells
from .caveats import marked
from .heading import Heading, heading, notes
from .numbers import format_count
from .workbook import Workbook

LABELS = {
    "vi": {
        "plan": "Kế hoạch",
        "actual": "Thực hiện",
        "prior": "Cùng kỳ",
        "percent_of_plan": "% KH",
        "percent_of_prior": "% cùng kỳ",
        "number": "STT",
        "unit": "Đơn vị",
        "total": "Tổng cộng",
        "unit_of_measure": "Đơn vị tính",
        "sources": "Nguồn",
        "chart": "Biểu đồ",
        "chart_title": "% kế hoạch",
        "made": "Tổng hợp bằng ctr-stats; danh mục đơn vị",
        "source_heads": (
            "Mã",
            "Đơn vị",
            "Chỉ tiêu",
            "Tệp",
            "Trang tính",
            "Ô Kế hoạch",
            "Ô Thực hiện",
            "Ô Cùng kỳ",
        ),
    },
    "en": {
        "plan": "Plan",
        "actual": "Actual",
        "prior": "Prior",
        "percent_of_plan": "% of plan",
        "percent_of_prior": "% of prior",
        "number": "No.",
        "unit": "Unit",
        "total": "Total",
        "unit_of_measure": "Unit",
        "sources": "Sources",
        "chart": "Chart",
        "chart_title": "% of plan",
        "made": "Made with ctr-stats; unit registry",
        "source_heads": (
            "Code",
            "Unit",
            "Indicator",
            "File",
            "Sheet",
            "Plan cells",
            "Actual cells",
            "Prior cells",
        ),
    },
}
HEADING_ROWS = 4  # the party's heading: issuer and party, "*", number and place-and-date
TITLE_ROWS = HEADING_ROWS + 4  # then a blank row, the title, its source, the unit of measure
HEADER_ROWS = 2
EXCEL_MAX_ROWS = 1_048_576


@dataclass(frozen=True)
class _Column:
    indicator: Indicator
    field: str  # plan, actual, prior, percent_of_plan, percent_of_prior
    percent: bool = False  # a percentage, shown as a fraction with a % format


def _columns(report: Report, sheet_kind: str) -> list[_Column]:
    """The columns of a kind's sheet: each reported indicator's measures, then its %."""
    catalogue = load_catalogue()
    columns: list[_Column] = []
    for total in report.totals:
        indicator = catalogue.indicators[total.figures.indicator]
        if indicator.sheet_kind != sheet_kind:
            continue
        figures = total.figures
        fields = [m for m in ("plan", "actual", "prior") if getattr(figures, m) is not None]
        if figures.plan is not None:
            fields.append("percent_of_plan")
        if figures.prior is not None:
            fields.append("percent_of_prior")
        columns.extend(_Column(indicator, f, f.startswith("percent")) for f in fields)
    return columns


def write_excel(
    report: Report,
    path: Path,
    *,
    lang: str = "vi",
    formulas: bool = False,
    document: DocumentSettings | None = None,
) -> None:
    # Nguồn has a row per figure: past a sheet's rows, say so before writing anything
    figures, most = len(report.units), EXCEL_MAX_ROWS - 1
    if figures > most:
        raise UsageError(
            f"báo cáo có {format_count(figures, 'vi')} số liệu, quá {format_count(most, 'vi')}"
            " dòng của một trang Excel: hãy ghi ra JSON hoặc CSV (-o bao-cao.json)",
            f"the report has {format_count(figures, 'en')} figures, more than the"
            f" {format_count(most, 'en')} rows of an Excel sheet: write JSON or CSV instead"
            " (-o report.json)",
        )

    catalogue = load_catalogue()
    labels = LABELS[lang]
    workbook = Workbook(
        path,
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    head = heading(report, document or DocumentSettings(), lang)
    mark_workbook(workbook, head.form_title)  # never read back as a unit's report
    percent_format = percent_number_format(lang, report.precision)
    fmt = _formats(workbook, count_number_format(lang), percent_format)
    notes_lines = notes(report, lang, marker=True)  # the header marks (*) what is doubted
    units = list(dict.fromkeys((u.code, u.name) for u in report.units))  # registry order, once each
    chart_target: tuple[str, int, int, Indicator] | None = None
    by_unit: dict[str, dict[str, Figures]] = {}
    for u in report.units:
        by_unit.setdefault(u.code, {})[u.figures.indicator] = u.figures

    number = 0
    for kind, kind_info in catalogue.sheet_kinds.items():
        columns = _columns(report, kind)
        if not columns:
            continue
        number += 1
        name = kind_info.label(lang)[:31]
        sheet = workbook.add_worksheet(name, worksheet_class=BulkSheet)
        last_col = 1 + len(columns)
        _write_heading(sheet, fmt, head, head.form_number.format(n=number), last_col)
        period = report.period.label(lang).upper() if report.period else ""
        row = HEADING_ROWS + 1
        _across(sheet, row, 0, last_col, "", fmt["title"])
        sheet.write_string(
            row,
            0,
            f"{head.form_title} {kind_info.label(lang).upper()} {period}".strip(),
            fmt["title"],
        )
        sheet.set_row(row, 21)
        _across(sheet, row + 1, 0, last_col, "", fmt["subtitle"])
        sheet.write_string(row + 1, 0, f"({labels['made']} {report.registry})", fmt["subtitle"])
        sheet.write_string(
            row + 2,
            last_col,
            f"{labels['unit_of_measure']}: {kind_info.unit_vi if lang == 'vi' else kind_info.unit_en}",
            fmt["right"],
        )

        top = TITLE_ROWS
        sheet.merge_range(top, 0, top + 1, 0, "", fmt["header"])
        sheet.write_string(top, 0, labels["number"], fmt["header"])
        sheet.merge_range(top, 1, top + 1, 1, "", fmt["header"])
        sheet.write_string(top, 1, labels["unit"], fmt["header"])
        col = 2
        while col - 2 < len(columns):
            indicator = columns[col - 2].indicator
            span = sum(1 for c in columns if c.indicator.id == indicator.id)
            if span > 1:
                sheet.merge_range(top, col, top, col + span - 1, "", fmt["header"])
            sheet.write_string(
                top, col, marked(indicator.label(lang), report, indicator.id), fmt["header"]
            )
            for offset in range(span):
                sheet.write_string(
                    top + 1, col + offset, labels[columns[col - 2 + offset].field], fmt["header"]
                )
            col += span

        first = top + HEADER_ROWS
        place = {(c.indicator.id, c.field): col for col, c in enumerate(columns, start=2)}
        sheet.put_rows(first, _unit_rows(units, columns, by_unit, fmt, place, first, formulas))

        total_row = first + len(units)
        sheet.merge_range(total_row, 0, total_row, 1, "", fmt["total_label"])
        sheet.write_string(total_row, 0, labels["total"], fmt["total_label"])
        totals = {t.figures.indicator: t.figures for t in report.totals}
        cells = _figure_cells(
            columns, totals, fmt["total_count"], fmt["total_percent"], fmt["cell"]
        )
        if formulas:
            partial = {(t.figures.indicator, b) for t in report.totals for b in t.partial_bases}
            _put_formulas(
                cells, columns, place, total_row, totals, first if units else None, partial
            )
        write_cells(sheet, total_row, cells, start=2)
        _write_closing(sheet, fmt, head, notes_lines, total_row + 1, last_col)

        last_data = total_row - 1
        for c, column in enumerate(columns, start=2):
            if column.percent and units:
                style = fmt["below"] if column.field == "percent_of_plan" else fmt["fall"]
                sheet.conditional_format(
                    first,
                    c,
                    last_data,
                    c,
                    {
                        "type": "cell",
                        "criteria": "<",
                        "value": 1,
                        "format": style,
                    },
                )
            if chart_target is None and column.field == "percent_of_plan" and units:
                chart_target = (name, c, first, column.indicator)

        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, max([12, *(len(n) + 2 for _, n in units)]))
        sheet.set_column(2, last_col, 11)
        sheet.set_row(top, 48)
        sheet.set_row(top + 1, 32)
        sheet.freeze_panes(first, 2)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.set_margins(**PAGE_MARGINS)
        sheet.repeat_rows(top, top + 1)
        sheet.fit_to_pages(1, 0)

    if chart_target is not None:
        sheet_name, c, first, indicator = chart_target
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": f"{labels['chart_title']}: {indicator.label(lang)}",
                "categories": [sheet_name, first, 1, first + len(units) - 1, 1],
                "values": [sheet_name, first, c, first + len(units) - 1, c],
                "data_labels": {"value": True, "num_format": percent_format},
            }
        )
        chart.set_title({"name": f"{labels['chart_title']}: {indicator.label(lang)}"})
        chart.set_x_axis({"num_format": "0%"})
        chart.set_y_axis({"reverse": True})
        chart.set_legend({"none": True})
        chartsheet = workbook.add_chartsheet(labels["chart"])
        chartsheet.set_chart(chart)

    _write_sources(workbook, report, labels, fmt, lang)
    workbook.close()


# 36-HD/VPTW's page: A4, 20 mm top and bottom, 30 mm left, 15 mm right (in inches here)
PAGE_MARGINS = {"top": 20 / 25.4, "bottom": 20 / 25.4, "left": 30 / 25.4, "right": 15 / 25.4}


def count_number_format(lang: str) -> str:
    """10.479 in Vietnamese, 10,479 in English, on any machine: the separators are literal
    text, not the "," placeholder Excel replaces with the system's. Counts are never
    negative (negative-count is an error), and under a thousand million."""
    sep = "." if lang == "vi" else ","
    return f'[>=1000000]#"{sep}"###"{sep}"###;[>=1000]#"{sep}"###;0'


def percent_number_format(lang: str, precision: int) -> str:
    """188,1% under the language's locale tag: LibreOffice shows the language's decimal
    mark whatever its own locale; Excel shows its system's (no workbook can change it)."""
    locale = "[$-42A]" if lang == "vi" else "[$-409]"
    return locale + "0" + ("." + "0" * precision if precision else "") + "%"


def _across(sheet: Any, row: int, first: int, last: int, text: str, cell_format: Any) -> None:
    """Text over columns first..last: merged when more than one."""
    if last > first:
        sheet.merge_range(row, first, row, last, text, cell_format)
    else:
        sheet.write_string(row, first, text, cell_format)


def _middle(last_col: int) -> int:
    """The first column of the heading's right half (the party's name, the date)."""
    return max(1, (last_col + 1) // 2)


def _write_heading(
    sheet: Any, fmt: dict[str, Any], head: Heading, number: str, last_col: int
) -> None:
    """36-HD/VPTW's heading: the issuing body, "*" and the number at the top left; the
    party's name, underlined, and the place-and-date line at the top right."""
    mid = _middle(last_col)
    left = [
        (head.parent, fmt["parent"]),
        (head.issuer, fmt["issuer"]),
        ("*", fmt["parent"]),
        (number, fmt["parent"]),
    ]
    right = [
        (head.party, fmt["party"]),
        ("", fmt["parent"]),
        ("", fmt["parent"]),
        (head.place_date, fmt["place_date"]),
    ]
    for row, ((left_text, left_format), (right_text, right_format)) in enumerate(
        zip(left, right, strict=True)
    ):
        _across(sheet, row, 0, mid - 1, left_text, left_format)
        _across(sheet, row, mid, last_col, right_text, right_format)
        sheet.set_row(row, 20)


def _write_closing(
    sheet: Any,
    fmt: dict[str, Any],
    head: Heading,
    notes_lines: list[str],
    row: int,
    last_col: int,
) -> None:
    """Under the table: a "Ghi chú" line for each thing the figures lack or doubt, then the
    signature block, the preparer at the left and the signer at the right, room to sign
    between the titles and the names."""
    for i, line in enumerate(notes_lines):
        text = f"{head.note}: {line}" if i == 0 else line
        _across(sheet, row, 0, last_col, text, fmt["note"])
        sheet.set_row(row, 17 * (1 + len(text) // max(40, 11 * last_col)))
        row += 1
    row += 1
    mid = _middle(last_col)
    _across(sheet, row, 0, mid - 1, head.preparer, fmt["signer"])
    for i, line in enumerate(head.signer):
        _across(sheet, row + i, mid, last_col, line, fmt["signer"])
    names = row + max(1, len(head.signer)) + 4
    _across(sheet, names, 0, mid - 1, head.preparer_name, fmt["signer_name"])
    _across(sheet, names, mid, last_col, head.signer_name, fmt["signer_name"])


def _unit_rows(
    units: list[tuple[str, str]],
    columns: list[_Column],
    by_unit: dict[str, dict[str, Figures]],
    fmt: dict[str, Any],
    place: dict[tuple[str, str], int],
    first: int,
    formulas: bool,
) -> Iterator[list[Any]]:
    """A row per unit: its number, its name, its figures (made as they are put)."""
    for i, (code, unit_name) in enumerate(units):
        figures_of = by_unit.get(code, {})
        cells = _figure_cells(columns, figures_of, fmt["count"], fmt["percent"], fmt["cell"])
        if formulas:
            _put_formulas(cells, columns, place, first + i, figures_of)
        yield [(i + 1, fmt["cell"]), (unit_name, fmt["cell"]), *cells]


def _figure_cells(
    columns: list[_Column],
    figures_of: dict[str, Figures],
    count_format: Any,
    percent_format: Any,
    blank_format: Any,
) -> list[Cell]:
    """A row's figures, column by column: counts as they are, percentages as fractions (the
    cell's format shows 188.1 as 188,1%), blanks where there is no figure."""
    cells: list[Cell] = []
    missing = (None, blank_format)
    for column in columns:
        figures = figures_of.get(column.indicator.id)
        if figures is None:
            cells.append(missing)
        elif column.percent:
            value = getattr(figures, column.field)
            cells.append((None if value is None else _fraction(value), percent_format))
        else:
            cells.append((getattr(figures, column.field), count_format))
    return cells


@lru_cache(maxsize=1 << 14)  # a national roll-up shows a few thousand percentages 160,000 times
def _fraction(percent: Decimal) -> float:
    """188.1 -> 1.881, what a cell formatted as a percentage holds."""
    return float(percent / 100)


def _put_formulas(
    cells: list[Cell],
    columns: list[_Column],
    place: dict[tuple[str, str], int],
    row: int,
    figures_of: dict[str, Figures],
    sum_from: int | None = None,
    partial: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> None:
    """Live formulas in place of the tool's numbers (`--formulas`), the numbers kept as their
    cached results: percentages as actual / base, and in the total row (`sum_from`, the first
    unit row) counts as the sum of the column above. A percentage over fewer units than its
    totals hold (`partial`: (indicator, base)) stays the number: it is not their quotient."""
    for i, (column, cell) in enumerate(zip(columns, cells, strict=True)):
        if column.indicator.id not in figures_of or not isinstance(cell, tuple):
            continue
        value, number_format = cell
        letter = column_letter(i + 2)
        if not column.percent:
            if sum_from is not None:
                total = f"=SUM({letter}{sum_from + 1}:{letter}{row})"
                cells[i] = Formula(total, number_format, value if value is not None else 0)
            continue
        base = "plan" if column.field == "percent_of_plan" else "prior"
        if (column.indicator.id, base) in partial:
            continue
        actual_col = place.get((column.indicator.id, "actual"))
        base_col = place.get((column.indicator.id, base))
        if actual_col is None or base_col is None:
            continue
        a = f"{column_letter(actual_col)}{row + 1}"
        b = f"{column_letter(base_col)}{row + 1}"
        text = f'=IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}<>0),{a}/{b},"")'
        cells[i] = Formula(text, number_format, value if value is not None else "")


def _write_sources(
    workbook: Any, report: Report, labels: dict[str, Any], fmt: dict[str, Any], lang: str
) -> None:
    sheet = workbook.add_worksheet(labels["sources"], worksheet_class=BulkSheet)
    for c, head in enumerate(labels["source_heads"]):
        sheet.write_string(0, c, head, fmt["header"])
    row = sheet.put_rows(1, _source_rows(report, lang))
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
    sheet.autofilter(0, 0, max(row - 1, 1), 7)
    sheet.set_column(0, 1, 14)
    sheet.set_column(2, 2, 40)
    sheet.set_column(3, 3, 40)
    sheet.set_column(4, 7, 14)


def _source_rows(report: Report, lang: str) -> Iterator[list[str | None]]:
    """One row per figure, as the JSON's "sources": the file and sheet, and each measure's
    cells as a range ("D10:D18"). A measure read from elsewhere (a figure added up over
    several sheets, or last period's files) names its file and sheet in its own cell. Made
    row by row as they are put, so that only their XML is kept."""
    catalogue = load_catalogue()
    label_of = {i: indicator.label(lang) for i, indicator in catalogue.indicators.items()}
    for unit in report.units:
        home: SheetRef | None = None  # where the first measure read is: the row names it
        spans: dict[str, str] = {}
        for measure, held in unit.cells.items():
            rows = held.rows
            if not rows:
                continue
            span = held.one_span()  # the common case: one sheet's unit rows, one column
            places = (
                [(rows[0].where, span)]
                if span is not None
                else [(where, cells) for where, cells, _ in held.per_sheet()]
            )
            if home is None:
                home = places[0][0]
            if len(places) == 1 and (places[0][0] is home or places[0][0] == home):
                spans[measure] = places[0][1]
            else:
                spans[measure] = "; ".join(f"{w.file}!{w.sheet}!{cells}" for w, cells in places)
        yield [
            unit.code,
            unit.name,
            label_of[unit.figures.indicator],
            None if home is None else home.file,
            None if home is None else home.sheet,
            *map(spans.get, MEASURES),
        ]


def _formats(workbook: Any, count_format: str, percent_format: str) -> dict[str, Any]:
    """Times New Roman throughout; the heading and signature block at the sizes 36-HD/VPTW
    gives them (the party's name 15 bold, the rest 14), the table at 12."""
    font = {"font_name": "Times New Roman"}
    centred = {**font, "font_size": 14, "align": "center", "valign": "vcenter"}
    border = {**font, "border": 1, "valign": "vcenter", "font_size": 12}
    return {
        "parent": workbook.add_format(centred),
        "issuer": workbook.add_format({**centred, "bold": True}),
        "party": workbook.add_format({**centred, "bold": True, "font_size": 15, "underline": 1}),
        "place_date": workbook.add_format({**centred, "italic": True}),
        "signer": workbook.add_format({**centred, "bold": True}),
        "signer_name": workbook.add_format({**centred, "bold": True}),
        "note": workbook.add_format(
            {**font, "font_size": 12, "italic": True, "text_wrap": True, "valign": "top"}
        ),
        "title": workbook.add_format({**centred, "bold": True, "font_size": 15}),
        "subtitle": workbook.add_format(
            {**font, "font_size": 12, "italic": True, "align": "center"}
        ),
        "right": workbook.add_format({**font, "font_size": 12, "italic": True, "align": "right"}),
        "header": workbook.add_format(
            {**border, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#F2F2F2"}
        ),
        "cell": workbook.add_format(border),
        "count": workbook.add_format({**border, "num_format": count_format}),
        "percent": workbook.add_format({**border, "num_format": percent_format}),
        "total_label": workbook.add_format({**border, "bold": True, "align": "center"}),
        "total_count": workbook.add_format({**border, "bold": True, "num_format": count_format}),
        "total_percent": workbook.add_format(
            {**border, "bold": True, "num_format": percent_format}
        ),
        "below": workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        "fall": workbook.add_format({"font_color": "#C00000"}),
    }
