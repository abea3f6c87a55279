"""The Excel annex: a sheet per sheet kind laid out like the official forms, a chart,
and a "Nguồn" sheet naming the cell behind every figure.

Written with xlsxwriter. Text from the inputs is only ever written with `write_string`
(and the workbook refuses to turn strings into formulas), so a unit named "=HYPERLINK(…)"
stays text. With `formulas=True` totals and percentages are live formulas, their cached
results the tool's own figures, so the file shows the right numbers even unopened by Excel.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..catalogue import Indicator, load_catalogue
from ..model import Figures, Report, column_letter

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


@dataclass(frozen=True)
class _Column:
    indicator: Indicator
    field: str  # plan, actual, prior, percent_of_plan, percent_of_prior


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
        columns.extend(_Column(indicator, f) for f in fields)
    return columns


def write_excel(report: Report, path: Path, *, lang: str = "vi", formulas: bool = False) -> None:
    import xlsxwriter

    catalogue = load_catalogue()
    labels = LABELS[lang]
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    workbook.set_properties({"creator": "ctr-stats", "title": labels["title"]})
    percent_format = "0" + ("." + "0" * report.precision if report.precision else "") + "%"
    fmt = _formats(workbook, percent_format)
    units = list(dict.fromkeys((u.code, u.name) for u in report.units))  # registry order, once each
    chart_target: tuple[str, int, int, Indicator] | None = None
    by_unit = {(u.code, u.figures.indicator): u.figures for u in report.units}

    for kind, kind_info in catalogue.sheet_kinds.items():
        columns = _columns(report, kind)
        if not columns:
            continue
        name = kind_info.label(lang)[:31]
        sheet = workbook.add_worksheet(name)
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
            sheet.write_string(top, col, indicator.label(lang), fmt["header"])
            for offset in range(span):
                sheet.write_string(
                    top + 1, col + offset, labels[columns[col - 2 + offset].field], fmt["header"]
                )
            col += span

        first = top + HEADER_ROWS
        for i, (code, unit_name) in enumerate(units):
            row = first + i
            sheet.write_number(row, 0, i + 1, fmt["cell"])
            sheet.write_string(row, 1, unit_name, fmt["cell"])
            for c, column in enumerate(columns, start=2):
                figures = by_unit.get((code, column.indicator.id))
                _write_figure(sheet, row, c, columns, column, figures, fmt, formulas)
        total_row = first + len(units)
        sheet.merge_range(total_row, 0, total_row, 1, "", fmt["total_label"])
        sheet.write_string(total_row, 0, labels["total"], fmt["total_label"])
        totals = {t.figures.indicator: t.figures for t in report.totals}
        for c, column in enumerate(columns, start=2):
            figures = totals[column.indicator.id]
            if formulas and column.field in ("plan", "actual", "prior") and units:
                letter = column_letter(c)
                sheet.write_formula(
                    total_row,
                    c,
                    f"=SUM({letter}{first + 1}:{letter}{total_row})",
                    fmt["total_count"],
                    getattr(figures, column.field),
                )
            else:
                _write_figure(
                    sheet, total_row, c, columns, column, figures, fmt, formulas, total=True
                )

        last_data = total_row - 1
        for c, column in enumerate(columns, start=2):
            if column.field.startswith("percent") and units:
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


def _write_figure(
    sheet: Any,
    row: int,
    c: int,
    columns: list[_Column],
    column: _Column,
    figures: Figures | None,
    fmt: dict[str, Any],
    formulas: bool,
    total: bool = False,
) -> None:
    count_format = fmt["total_count" if total else "count"]
    percent_format = fmt["total_percent" if total else "percent"]
    if figures is None:
        sheet.write_blank(row, c, None, fmt["cell"])
        return
    value = getattr(figures, column.field)
    if column.field.startswith("percent"):
        base = "plan" if column.field == "percent_of_plan" else "prior"
        if formulas:
            actual_col = _column_of(columns, column.indicator.id, "actual")
            base_col = _column_of(columns, column.indicator.id, base)
            if actual_col is not None and base_col is not None:
                a = f"{column_letter(actual_col)}{row + 1}"
                b = f"{column_letter(base_col)}{row + 1}"
                cached: Decimal | str = value / 100 if value is not None else ""
                sheet.write_formula(
                    row,
                    c,
                    f'=IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}<>0),{a}/{b},"")',
                    percent_format,
                    float(cached) if cached != "" else "",
                )
                return
        if value is None:
            sheet.write_blank(row, c, None, percent_format)
        else:
            sheet.write_number(row, c, float(value / 100), percent_format)
        return
    if value is None:
        sheet.write_blank(row, c, None, count_format)
    else:
        sheet.write_number(row, c, value, count_format)


def _column_of(columns: list[_Column], indicator: str, field: str) -> int | None:
    for c, column in enumerate(columns, start=2):
        if column.indicator.id == indicator and column.field == field:
            return c
    return None


def _write_sources(
    workbook: Any, report: Report, labels: dict[str, Any], fmt: dict[str, Any], lang: str
) -> None:
    catalogue = load_catalogue()
    sheet = workbook.add_worksheet(labels["sources"])
    for c, head in enumerate(labels["source_heads"]):
        sheet.write_string(0, c, head, fmt["header"])
    write = sheet.write_string
    row = 1
    # One row per figure, as the JSON's "sources": the file and sheet, and each measure's
    # cells as a range ("D10:D18"). A measure read from elsewhere (a figure added up over
    # several sheets, or last period's files) names its file and sheet in its own cell.
    for unit in report.units:
        indicator = catalogue.indicators[unit.figures.indicator].label(lang)
        places = {m: cells.per_sheet() for m, cells in unit.cells.items()}
        home = next((p[0][0] for p in places.values() if p), None)
        write(row, 0, unit.code)
        write(row, 1, unit.name)
        write(row, 2, indicator)
        if home is not None:
            write(row, 3, home.file)
            write(row, 4, home.sheet)
        for c, measure in enumerate(("plan", "actual", "prior"), start=5):
            place = places.get(measure)
            if not place:
                continue
            if len(place) == 1 and place[0][0] == home:
                write(row, c, place[0][1])
            else:
                write(row, c, "; ".join(f"{w.file}!{w.sheet}!{span}" for w, span, _ in place))
        row += 1
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
    }
