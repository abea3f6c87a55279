"""What the figures lack or doubt, said the same way under every output: the table, the
sentences, Markdown, CSV and TSV, the Excel annex (and a Word report): the units that sent
nothing, and the figures an error not yet fixed touches, marked (*) where they are shown."""

from __future__ import annotations

from ..catalogue import load_catalogue
from ..model import Doubted, Report
from .numbers import format_count

MARK = "(*)"
_LISTED = 10  # names listed before "and N others"


def doubted(report: Report, indicator: str, unit: str | None = None) -> bool:
    """Whether an error touches this figure: the indicator's total, or a unit's figure."""
    if unit is None:
        return report.caveats.of(indicator) is not None
    return report.caveats.doubts_unit(indicator, unit)


def marked(text: str, report: Report, indicator: str, unit: str | None = None) -> str:
    """The label with (*) after it when the figure is in doubt."""
    return f"{text} {MARK}" if doubted(report, indicator, unit) else text


def caveat_lines(report: Report, lang: str) -> list[str]:
    """A sentence each for the missing units and the doubted figures; [] when the figures
    lack nothing and nothing is in doubt."""
    lines: list[str] = []
    missing = report.caveats.missing_units
    if missing:
        count, names = format_count(len(missing), lang), listing(missing, lang)
        lines.append(
            f"Chưa đủ số liệu: {count} đơn vị chưa có báo cáo ({names}); các tổng chưa gồm các"
            " đơn vị này."
            if lang == "vi"
            else f"Incomplete: {count} unit(s) sent no report ({names}); the totals leave them out."
        )
    shown = {t.figures.indicator for t in report.totals}
    groups: dict[str, list[str]] = {}  # what is wrong -> the indicators it touches
    catalogue = load_catalogue()
    for entry in report.caveats.doubted:
        if entry.indicator in shown:
            label = catalogue.indicators[entry.indicator].label(lang)
            groups.setdefault(_why(entry, lang), []).append(label)
    if groups:
        every = "mọi số liệu" if lang == "vi" else "every figure"
        parts = "; ".join(
            f"{every if len(labels) == len(shown) > 1 else ', '.join(labels)} ({why})"
            for why, labels in groups.items()
        )
        lines.append(
            f"{MARK} Số liệu có lỗi chưa sửa, chưa dùng được: {parts}."
            if lang == "vi"
            else f"{MARK} Figures with errors not yet fixed, not to be relied on: {parts}."
        )
    return lines


def missing_subject(report: Report, lang: str) -> str:
    """'Ứng Hòa' or '12 đơn vị': who the totals leave out, short enough for a sentence."""
    missing = report.caveats.missing_units
    if len(missing) <= 3:
        return ", ".join(missing)
    return f"{format_count(len(missing), lang)} " + ("đơn vị" if lang == "vi" else "units")


def listing(names: tuple[str, ...] | list[str], lang: str) -> str:
    """'A, B, C' or 'A, …, J và 5 nơi khác' (units or files)."""
    if len(names) <= _LISTED:
        return ", ".join(names)
    rest = format_count(len(names) - _LISTED, lang)
    more = f" và {rest} nơi khác" if lang == "vi" else f" and {rest} more"
    return ", ".join(names[:_LISTED]) + more


def _why(entry: Doubted, lang: str) -> str:
    """'Ba Đình, Tây Hồ: total-mismatch' — where, then the findings' codes."""
    where = [*entry.units, *entry.files]
    codes = ", ".join(entry.codes)
    return f"{listing(where, lang)}: {codes}" if where else codes


def line_note(report: Report, lang: str, indicator: str, unit: str | None = None) -> str:
    """A figure's own note, for a table's Note column: what its total lacks, why it is in
    doubt; "" when nothing."""
    notes: list[str] = []
    if unit is None and report.caveats.missing_units:
        lacking = listing(report.caveats.missing_units, lang)
        notes.append(("thiếu: " if lang == "vi" else "lacks: ") + lacking)
    entry = report.caveats.of(indicator)
    if entry is not None and (unit is None or unit in entry.units):
        why = _why(entry, lang) if unit is None else ", ".join(entry.codes)
        notes.append(("có lỗi: " if lang == "vi" else "in doubt: ") + why)
    return "; ".join(notes)
