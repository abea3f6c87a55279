"""`ctr-stats explain` on the terminal: the figure, then each cell with the text found there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import load_catalogue
from ..explain import Explanation
from ..safe_text import markup, visible
from .numbers import format_count, format_percent

if TYPE_CHECKING:
    from rich.console import Console

MEASURE_LABELS = {
    "vi": {"plan": "Kế hoạch", "actual": "Thực hiện", "prior": "Cùng kỳ"},
    "en": {"plan": "Plan", "actual": "Actual", "prior": "Prior"},
}
HEADINGS = {
    "vi": ("Đơn vị", "Số liệu", "Tệp", "Trang tính", "Ô", "Nội dung ô"),
    "en": ("Unit", "Measure", "File", "Sheet", "Cell", "Text in the cell"),
}


def render_explanation(
    explanation: Explanation, console: Console, *, lang: str, precision: int
) -> None:
    from rich.table import Table

    indicator = load_catalogue().indicators[explanation.indicator]
    whose = (
        markup(explanation.unit.full_name)
        if explanation.unit
        else {"vi": "Tổng", "en": "Total"}[lang]
    )
    console.print(
        f"[bold]{indicator.label(lang)}[/bold] ({indicator.id}) — {whose}", highlight=False
    )
    figures = explanation.figures
    if figures is None:
        console.print({"vi": "Không có số liệu.", "en": "No figures."}[lang])
    else:
        labels = MEASURE_LABELS[lang]
        parts = [
            f"{labels[m]}: {format_count(getattr(figures, m), lang)}"
            for m in ("plan", "actual", "prior")
            if getattr(figures, m) is not None
        ]
        of_plan, change = ("% KH", "± CK") if lang == "vi" else ("% of plan", "change")
        if figures.percent_of_plan is not None:
            parts.append(f"{of_plan}: {format_percent(figures.percent_of_plan, lang, precision)}")
        if figures.change_vs_prior is not None:
            parts.append(f"{change}: {format_percent(figures.change_vs_prior, lang, precision)}")
        console.print("; ".join(parts), highlight=False)
    table = Table(*HEADINGS[lang])
    for name, measure, cell in explanation.cells:
        source = cell.source
        table.add_row(  # what the files say, shown as text (safe_text)
            markup(name),
            MEASURE_LABELS[lang][measure],
            markup(source.file),
            markup(source.sheet),
            source.cell,
            markup(cell.text),
        )
    console.print(table)
    for finding in explanation.findings:
        console.print(
            visible(
                f"{finding.severity} {finding.code}: {finding.where()}: {finding.message(lang)}"
            ),
            highlight=False,
            markup=False,
        )
