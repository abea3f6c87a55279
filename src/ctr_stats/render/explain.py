"""`ctr-stats explain` on the terminal: the figure, then each cell with the text found there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import load_catalogue
from ..explain import Explanation
from ..model import Report
from ..safe_text import markup, visible
from .findings import severity_word, write_findings
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
                f"{severity_word(finding.severity, lang)} {finding.code}:"
                + (f" {where}:" if (where := finding.where()) else "")
                + f" {finding.message(lang)}"
            ),
            highlight=False,
            markup=False,
        )


UNUSED_HEADINGS = {
    "vi": ("Tệp", "Trang tính", "Ô", "Số", "Lý do (mã phát hiện)"),
    "en": ("File", "Sheet", "Cell", "Number", "Why (finding code)"),
}


def render_unused(report: Report, console: Console, *, lang: str) -> None:
    """`explain --unused`: every number of the tables that no figure uses, with its cell
    and the finding that says why; then how the tables' numbers add up."""
    from rich.table import Table

    accounting = report.accounting
    if accounting.unused:
        table = Table(*UNUSED_HEADINGS[lang])
        for unused in accounting.unused:
            table.add_row(  # what the files say, shown as text (safe_text)
                markup(unused.file),
                markup(unused.sheet),
                unused.cell,
                markup(unused.text),
                unused.code,
            )
        console.print(table)
    counts = {key: format_count(value, lang) for key, value in accounting.to_dict().items()}
    refused_count = format_count(accounting.refused, lang)
    if lang == "en":
        line = (
            f"{counts['read']} numbers in the tables: {counts['used']} added into figures, "
            f"{counts['checked']} checked (total rows, percentages), {counts['numbering']} "
            f"row or column numbers, {counts['not_used']} not used"
        )
        refused = f"{refused_count} of them read from rows then not added, for these reasons:"
    else:
        line = (
            f"{counts['read']} số trong các bảng: {counts['used']} được cộng vào số liệu, "
            f"{counts['checked']} dùng để đối chiếu (dòng tổng, tỷ lệ %), {counts['numbering']} "
            f"số thứ tự dòng, cột, {counts['not_used']} không được dùng"
        )
        refused = f"trong đó {refused_count} số đọc từ các dòng nhưng không được cộng, vì:"
    console.print(line, highlight=False, markup=False)
    if accounting.refused:
        console.print(refused, highlight=False, markup=False)
        # the findings that kept a row's numbers out of the figures, folded as `check` folds
        why = [f for f in report.findings if f.code in REFUSING and f.file is not None]
        write_findings(why, console, lang=lang)
    # sheets holding figures that no table was read from: their numbers are in no count
    # above, and must not go unsaid here
    unread = [f for f in report.findings if f.code in UNREAD_SHEETS]
    if unread:
        console.print(
            "These sheets hold figures but no table of them was read (not counted above):"
            if lang == "en"
            else "Các trang tính sau có số liệu nhưng không bảng nào được đọc (không tính ở trên):",
            highlight=False,
            markup=False,
        )
        write_findings(unread, console, lang=lang)


# findings on a sheet whose figures were not read at all
UNREAD_SHEETS = frozenset({"unread-sheet", "hidden-sheet"})


# findings whose rows' numbers are read, then not added into any figure
REFUSING = frozenset(
    {
        "unknown-unit",
        "ambiguous-unit",
        "duplicate-unit",
        "non-integer",
        "implausible-value",
        "negative-count",
        "period-mismatch",
        "period-unsupported",
    }
)
