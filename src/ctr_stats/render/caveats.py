"""What the figures lack or doubt, said the same way under every output: the table, the
sentences, Markdown, CSV and TSV, the Excel annex (and a Word report): the units that sent
nothing, the figures some units left out (how many units a total or a percentage covers),
and the figures an error not yet fixed touches, marked (*) where they are shown."""

from __future__ import annotations

from collections.abc import Callable

from ..catalogue import load_catalogue
from ..catalogue.registry import registry_info
from ..model import Doubted, Lacking, Period, Report
from ..safe_text import visible
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


def caveat_lines(
    report: Report,
    lang: str,
    *,
    marker: bool = True,
    escape: Callable[[str], str] = visible,
) -> list[str]:
    """A sentence each for the missing units and the doubted figures; [] when the figures
    lack nothing and nothing is in doubt. `marker`: the doubted figures are marked (*) where
    they are shown, and the sentence starts with it. `escape`: what each name of a unit or
    a file and each label goes through (Markdown's escape, for a Markdown document); the
    sentence's own words are ours."""
    lines: list[str] = []
    missing = report.caveats.missing_units
    if missing:  # every one named: the note is where a reader looks for them
        count = format_count(len(missing), lang)
        names = ", ".join(escape(name) for name in missing)
        lines.append(
            f"Thiếu báo cáo của {count} đơn vị ({names}): các số tổng chưa gồm"
            f" {'đơn vị này' if len(missing) == 1 else 'các đơn vị này'}."
            if lang == "vi"
            else f"{count} unit{'s' if len(missing) > 1 else ''} sent no report ({names}):"
            f" the totals leave {'them' if len(missing) > 1 else 'it'} out."
        )
    shown = {t.figures.indicator for t in report.totals}
    groups: dict[str, list[str]] = {}  # what is wrong -> the indicators it touches
    catalogue = load_catalogue()
    for entry in report.caveats.doubted:
        if entry.indicator in shown:
            label = escape(catalogue.indicators[entry.indicator].label(lang))
            groups.setdefault(_why(entry, lang, escape), []).append(label)
    said: dict[str, list[str]] = {}  # what is lacking -> the indicators it is lacking from
    for short in report.caveats.lacking:
        if short.indicator in shown:
            label = escape(catalogue.indicators[short.indicator].label(lang))
            said.setdefault(lacking_text(short, lang, escape), []).append(label)
    lines.extend(f"{', '.join(labels)}: {text}." for text, labels in said.items())
    if groups:
        every = "mọi số liệu" if lang == "vi" else "every figure"
        parts = "; ".join(
            f"{every if len(labels) == len(shown) > 1 else ', '.join(labels)} ({why})"
            for why, labels in groups.items()
        )
        mark = f"{MARK} " if marker else ""
        lines.append(
            f"{mark}Số liệu có lỗi chưa sửa, chưa dùng được: {parts}."
            if lang == "vi"
            else f"{mark}Figures with errors not yet fixed, not to be relied on: {parts}."
        )
    if report.caveats.prior_registry and report.period is not None:
        lines.append(reorganised_text(report, report.caveats.prior_registry, lang))
    return [visible(line) for line in lines]  # names of units and files, as the input has them


def reorganised_text(report: Report, registry: str, lang: str) -> str:
    """'Cùng kỳ (6 tháng đầu năm 2025) thuộc danh mục hanoi-2024 (…), trước khi sắp xếp lại
    đơn vị: …'."""
    assert report.period is not None
    before = Period(report.period.year - 1, report.period.months, report.period.quarter)
    info = registry_info(registry)
    described = f" ({info.describe(lang)})" if info is not None else ""
    if lang == "vi":
        return (
            f"Cùng kỳ ({before.label('vi')}) thuộc danh mục {registry}{described}, trước khi"
            " sắp xếp lại đơn vị: số cùng kỳ của mỗi đơn vị là số đơn vị tự tính lại theo địa"
            " bàn mới, nên % so với cùng kỳ chỉ đúng khi các đơn vị tính lại đúng và không"
            " ghi trùng số của đơn vị cũ."
        )
    return (
        f"The same period ({before.label('en')}) falls under registry {registry}{described},"
        " before the units were reorganised: each unit's Cùng kỳ is its own recount on its"
        " new ground, so the change on the same period holds only if the units recounted it"
        " right and none typed an old unit's figure twice."
    )


INCOMPLETE = {  # by the units named, or (more than three) not
    ("vi", True): "{subject} (chưa gồm số liệu của {units})",
    ("vi", False): "{subject} (chưa gồm các đơn vị thiếu báo cáo)",
    ("en", True): "{subject} (not counting {units}, which sent no report)",
    ("en", False): "{subject} (not counting the units which sent no report)",
}
_NAMED = 3  # units named in a sentence, at most


def incomplete_subject(subject: str, report: Report, lang: str, bare: bool = False) -> str:
    """'toàn thành phố (chưa gồm số liệu của Ứng Hòa)': a subject that says all units, when
    some sent nothing; short enough for a sentence and without a digit (the sentences' every
    number is one `verify` checks). The note before the sentences names them all. `bare`:
    the bracket alone, for a paragraph that names no subject."""
    if not subject.strip() and not bare:
        return subject
    missing = report.caveats.missing_units
    named = len(missing) <= _NAMED
    return INCOMPLETE[lang, named].format(subject=subject, units=", ".join(missing)).strip()


def listing(names: tuple[str, ...] | list[str], lang: str) -> str:
    """'A, B, C' or 'A, …, J và 5 nơi khác' (units or files)."""
    if len(names) <= _LISTED:
        return ", ".join(names)
    rest = format_count(len(names) - _LISTED, lang)
    more = f" và {rest} nơi khác" if lang == "vi" else f" and {rest} more"
    return ", ".join(names[:_LISTED]) + more


def _why(entry: Doubted, lang: str, escape: Callable[[str], str] = visible) -> str:
    """'Ba Đình, Tây Hồ: total-mismatch' — where (each name through `escape`), then the
    findings' codes."""
    where = [escape(name) for name in (*entry.units, *entry.files)]
    codes = ", ".join(entry.codes)
    return f"{listing(where, lang)}: {codes}" if where else codes


_LACKING = {
    ("vi", "actual"): "số tổng chỉ gồm {having}/{of} đơn vị (không có số liệu: {units})",
    ("vi", "plan"): "% kế hoạch chỉ tính trên {having}/{of} đơn vị có cả kế hoạch và thực hiện"
    " (không có kế hoạch: {units})",
    ("vi", "prior"): "% so với cùng kỳ chỉ tính trên {having}/{of} đơn vị có cả cùng kỳ và"
    " thực hiện (không có cùng kỳ: {units})",
    # "29/30 units", as in Vietnamese: "the 29 of 30 units" read as 29 members to verify
    ("en", "actual"): "the total covers {having}/{of} units (not reported by: {units})",
    ("en", "plan"): "the % of plan is computed over the {having}/{of} units with both plan"
    " and actual (no plan: {units})",
    ("en", "prior"): "the change on the same period is computed over the {having}/{of}"
    " units with both Cùng kỳ and actual (no Cùng kỳ: {units})",
}


def lacking_text(entry: Lacking, lang: str, escape: Callable[[str], str] = visible) -> str:
    """'% kế hoạch chỉ tính trên 29/30 đơn vị … (không có kế hoạch: Ba Đình)', each unit's
    name through `escape`."""
    return _LACKING[lang, entry.measure].format(
        having=format_count(entry.having, lang),
        of=format_count(entry.of, lang),
        units=listing([escape(name) for name in entry.units], lang),
    )


def line_note(report: Report, lang: str, indicator: str, unit: str | None = None) -> str:
    """A figure's own note, for a table's Note column: what its total lacks, why it is in
    doubt; "" when nothing."""
    notes: list[str] = []
    if unit is None and report.caveats.missing_units:
        lacking = listing(report.caveats.missing_units, lang)
        notes.append(("thiếu: " if lang == "vi" else "lacks: ") + lacking)
    if unit is None:
        notes.extend(lacking_text(short, lang) for short in report.caveats.lacks(indicator))
    entry = report.caveats.of(indicator)
    if entry is not None and (unit is None or unit in entry.units):
        why = _why(entry, lang) if unit is None else ", ".join(entry.codes)
        notes.append(("có lỗi: " if lang == "vi" else "in doubt: ") + why)
    return visible("; ".join(notes))
