"""The Excel annex: a sheet per sheet kind laid out like the official forms, a chart,
and a "Nguồn" sheet naming the cell behind every figure.

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
from ..errors import UsageError
from ..model import MEASURES, Figures, Report, SheetRef, column_letter
from ..own_output import mark_workbook
from .bulk_sheet import BulkSheet, Cell, Formula, write_cells
from .caveats import caveat_lines, marked
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
        "title": "BIỂU TỔNG HỢP",
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
        "title": "SUMMARY",
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
TITLE_ROWS = 4  # title block above the header
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


def write_excel(report: Report, path: Path, *, lang: str = "vi", formulas: bool = False) -> None:
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
    mark_workbook(workbook, str(labels["title"]))  # never read back as a unit's report
    percent_format = "0" + ("." + "0" * report.precision if report.precision else "") + "%"
    fmt = _formats(workbook, percent_format)
    units = list(dict.fromkeys((u.code, u.name) for u in report.units))  # registry order, once each
    chart_target: tuple[str, int, int, Indicator] | None = None
    by_unit: dict[str, dict[str, Figures]] = {}
    for u in report.units:
        by_unit.setdefault(u.code, {})[u.figures.indicator] = u.figures

    for kind, kind_info in catalogue.sheet_kinds.items():
        columns = _columns(report, kind)
        if not columns:
            continue
        name = kind_info.label(lang)[:31]
        sheet = workbook.add_worksheet(name, worksheet_class=BulkSheet)
        last_col = 1 + len(columns)
        period = report.period.label(lang).upper() if report.period else ""
        sheet.merge_range(0, 0, 0, last_col, "", fmt["title"])
        sheet.write_string(
            0,
            0,
            f"{labels['title']} {kind_info.label(lang).upper()} {period}".strip(),
            fmt["title"],
        )
        sheet.merge_range(1, 0, 1, last_col, "", fmt["subtitle"])
        sheet.write_string(1, 0, f"({labels['made']} {report.registry})", fmt["subtitle"])
        sheet.write_string(
            2,
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
            _put_formulas(cells, columns, place, total_row, totals, first if units else None)
        write_cells(sheet, total_row, cells, start=2)
        # what the figures lack or doubt, under the table, across its width
        for n, line in enumerate(caveat_lines(report, lang), start=total_row + 2):
            sheet.merge_range(n, 0, n, last_col, "", fmt["caveat"])
            sheet.write_string(n, 0, line, fmt["caveat"])
            sheet.set_row(n, 15 * (1 + len(line) // (12 * last_col)))

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
        sheet.freeze_panes(first, 2)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
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
) -> None:
    """Live formulas in place of the tool's numbers (`--formulas`), the numbers kept as their
    cached results: percentages as actual / base, and in the total row (`sum_from`, the first
    unit row) counts as the sum of the column above."""
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


def _formats(workbook: Any, percent_format: str) -> dict[str, Any]:
    border = {"border": 1, "valign": "vcenter", "font_name": "Times New Roman", "font_size": 11}
    return {
        "title": workbook.add_format(
            {"bold": True, "font_size": 13, "align": "center", "font_name": "Times New Roman"}
        ),
        "subtitle": workbook.add_format(
            {"italic": True, "align": "center", "font_name": "Times New Roman"}
        ),
        "right": workbook.add_format(
            {"italic": True, "align": "right", "font_name": "Times New Roman"}
        ),
        "header": workbook.add_format(
            {**border, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#F2F2F2"}
        ),
        "cell": workbook.add_format(border),
        "count": workbook.add_format({**border, "num_format": "#,##0"}),
        "percent": workbook.add_format({**border, "num_format": percent_format}),
        "total_label": workbook.add_format({**border, "bold": True, "align": "center"}),
        "total_count": workbook.add_format({**border, "bold": True, "num_format": "#,##0"}),
        "total_percent": workbook.add_format(
            {**border, "bold": True, "num_format": percent_format}
        ),
        "below": workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        "fall": workbook.add_format({"font_color": "#C00000"}),
        "caveat": workbook.add_format(
            {
                "italic": True,
                "font_color": "#C00000",
                "text_wrap": True,
                "valign": "top",
                "font_name": "Times New Roman",
            }
        ),
    }
