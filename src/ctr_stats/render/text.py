"""Narrative text in the register of the reports, from sentence templates in a data file.

"Toàn thành phố kết nạp 10.479/9.810 đảng viên mới, đạt 106,8% kế hoạch, tăng 4,6% so với
cùng kỳ năm 2022." A figure with no plan or no prior gives a sentence without that
comparison, never "đạt 0%" or "None".
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from ..catalogue import load_catalogue
from ..errors import UsageError
from ..model import Figures, Period, Report
from .numbers import format_count, format_percent


def load_templates(path: Path | None = None) -> dict[str, Any]:
    try:
        if path is None:
            text = resources.files(__package__).joinpath("sentences.toml").read_text("utf-8")
        else:
            text = path.read_text(encoding="utf-8-sig")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        where = str(path) if path else "sentences.toml"
        raise UsageError(
            f"không đọc được mẫu câu: {exc}",
            f"cannot read the sentence templates: {exc}",
            file=where,
        ) from exc


def _prior_period(period: Period | None, lang: str) -> dict[str, str]:
    if period is None:
        return (
            {"prior_period": "", "prior_year": "last year"}
            if lang == "en"
            else {"prior_period": "", "prior_year": ""}
        )
    return {"prior_period": f"năm {period.year - 1}", "prior_year": str(period.year - 1)}


def sentence(
    figures: Figures,
    templates: dict[str, Any],
    lang: str,
    precision: int,
    period: Period | None,
    *,
    subject: str = "",
) -> str:
    words = templates[lang]
    verb, noun = templates["indicators"][figures.indicator][lang]
    values = {
        "verb": verb,
        "noun": noun,
        "actual": format_count(figures.actual, lang),
        "plan": format_count(figures.plan, lang),
        "percent_of_plan": format_percent(figures.percent_of_plan, lang, precision),
        "percent_of_prior": format_percent(figures.percent_of_prior, lang, precision),
        **_prior_period(period, lang),
    }
    main = (words["figure_with_plan"] if figures.plan is not None else words["figure"]).format(
        **values
    )
    parts = [f"{subject} {main}" if subject else main]
    if figures.percent_of_plan is not None:
        parts.append(words["of_plan"].format(**values))
    change = figures.change_vs_prior
    if change is not None:
        key = "increase" if change > 0 else "decrease" if change < 0 else "same"
        values["change"] = format_percent(abs(change), lang, precision)
        parts.append(words[key].format(**values).strip())
    text = ", ".join(parts)
    return text[:1].upper() + text[1:] + "."


def render_text(
    report: Report,
    *,
    lang: str = "vi",
    by_unit: bool = False,
    templates: dict[str, Any] | None = None,
) -> str:
    templates = templates or load_templates()
    catalogue = load_catalogue()
    missing = [
        t.figures.indicator
        for t in report.totals
        if t.figures.indicator not in templates["indicators"]
    ]
    if missing:
        raise UsageError(
            f"mẫu câu thiếu chỉ tiêu: {', '.join(missing)}",
            f"the sentence templates lack: {', '.join(missing)}",
        )
    paragraphs: list[str] = []
    for kind in catalogue.sheet_kinds:
        totals = [
            t for t in report.totals if catalogue.indicators[t.figures.indicator].sheet_kind == kind
        ]
        if not totals:
            continue
        subject = templates[lang]["subjects"].get(kind, "")
        sentences = [
            sentence(
                t.figures,
                templates,
                lang,
                report.precision,
                report.period,
                subject=subject if i == 0 else "",
            )
            for i, t in enumerate(totals)
            if t.figures.actual is not None
        ]
        paragraphs.append(" ".join(sentences))
        if by_unit:
            paragraphs.extend(_unit_lines(report, totals, templates, lang))
    return "\n\n".join(paragraphs) + "\n"


def _unit_lines(
    report: Report, totals: list[Any], templates: dict[str, Any], lang: str
) -> list[str]:
    catalogue = load_catalogue()
    words = templates[lang]
    lines: list[str] = []
    for total in totals:
        indicator = total.figures.indicator
        if total.figures.plan is None:
            continue
        units = [
            u
            for u in report.units
            if u.figures.indicator == indicator and u.figures.percent_of_plan is not None
        ]
        label = catalogue.indicators[indicator].label(lang)

        def names(chosen: list[Any]) -> str:
            return (
                "; ".join(
                    words["unit"].format(
                        name=u.name,
                        percent_of_plan=format_percent(
                            u.figures.percent_of_plan, lang, report.precision
                        ),
                    )
                    for u in chosen
                )
                or words["none"]
            )

        above = [u for u in units if (u.figures.percent_of_plan or 0) >= 100]
        below = [u for u in units if (u.figures.percent_of_plan or 0) < 100]
        lines.append(words["units_above"].format(label=label, units=names(above)) + ".")
        lines.append(words["units_below"].format(label=label, units=names(below)) + ".")
    return lines
