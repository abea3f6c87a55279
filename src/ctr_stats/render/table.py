"""The terminal table: one row per indicator with the total, optionally its units."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..catalogue import load_catalogue
from ..model import Report
from ..safe_text import markup
from .caveats import caveat_lines, marked
from .numbers import figure_cells

if TYPE_CHECKING:
    from rich.console import Console

# A narrow terminal gets the abbreviations the forms themselves use, but for the number of
# units reporting, spelt out (a form's "ĐV" is "đảng viên") over three short lines: 80 columns.
HEADINGS_SHORT = {
    "vi": ("Chỉ tiêu", "KH", "TH", "CK", "% KH", "% CK", "± CK", "Số\nđơn\nvị"),
    "en": ("Indicator", "Plan", "Act.", "Prior", "% plan", "% prior", "± prior", "Units"),
}
NARROW = 100
PIPE_WIDTH = 120
HEADINGS = {
    "vi": (
        "Chỉ tiêu",
        "Kế hoạch",
        "Thực hiện",
        "Cùng kỳ",
        "% KH",
        "% CK",
        "Tăng giảm",
        "Số đơn vị",
    ),
    "en": (
        "Indicator",
        "Plan",
        "Actual",
        "Prior",
        "% plan",
        "% prior",
        "Change",
        "Units reporting",
    ),
}


def render_table(
    report: Report, console: Console, *, lang: str = "vi", by_unit: bool = False
) -> None:
    from rich.table import Table

    catalogue = load_catalogue()
    rows: list[tuple[str, list[str]]] = []
    kind = None
    for total in report.totals:
        indicator = catalogue.indicators[total.figures.indicator]
        if indicator.sheet_kind != kind:
            kind = indicator.sheet_kind
            rows.append((f"[bold]{catalogue.sheet_kinds[kind].label(lang)}[/bold]", []))
        cells = figure_cells(total.figures, lang, report.precision)
        label = marked(indicator.label(lang), report, indicator.id)
        rows.append((label, [*cells, str(total.units_reporting)]))
        if by_unit:
            for unit in report.units:
                if unit.figures.indicator == total.figures.indicator:
                    cells = figure_cells(unit.figures, lang, report.precision)
                    name = marked(markup(unit.name), report, indicator.id, unit.name)
                    rows.append((f"  [dim]{name}[/dim]", [*cells, ""]))

    period = report.period.label(lang) if report.period else ""
    title = {"vi": "Số liệu", "en": "Figures"}[lang] + (f", {period}" if period else "")
    reporting = len({u.code for u in report.all_units})  # all, whatever a ranking shows
    registry = markup(report.registry)  # a --units file's name
    caption = {
        "vi": f"Danh mục {registry}: {reporting} đơn vị có báo cáo",
        "en": f"Registry {registry}: {reporting} units reporting",
    }[lang]
    table = Table(title=title, caption=caption)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH  # a file or a pipe: wide enough for the labels on one line
    headings = (HEADINGS_SHORT if console.width < NARROW else HEADINGS)[lang]
    table.add_column(headings[0], overflow="fold", min_width=14)
    for i, heading in enumerate(headings[1:]):
        # Numbers never wrap; a heading does ("Thực / hiện") when the terminal is narrow.
        widest = max((len(cells[i]) for _, cells in rows if cells), default=0)
        longest_word = max(len(word) for word in heading.split())
        table.add_column(heading, justify="right", min_width=max(widest, longest_word))
    for label, cells in rows:
        if not cells:
            table.add_section()
        table.add_row(label, *cells)
    console.print(table)
    for line in caveat_lines(report, lang):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
