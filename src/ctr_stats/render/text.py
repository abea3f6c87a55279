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
from ..own_output import first_line
from .caveats import MARK, caveat_lines, doubted, missing_subject
from .numbers import format_count, format_percent


def load_templates(path: Path | None = None) -> dict[str, Any]:
    """The built-in sentence templates, with those of `path` (a copy of sentences.toml,
    edited) over them: a key the copy lacks keeps the built-in sentence. Checked at once: a
    placeholder misspelt is a usage error naming it."""
    templates = _read_templates(None)
    if path is not None:
        for key, value in _read_templates(path).items():
            if isinstance(value, dict) and isinstance(templates.get(key), dict):
                templates[key] = {**templates[key], **value}
            else:
                templates[key] = value
    check_templates(templates, str(path) if path else "sentences.toml")
    return templates


def _read_templates(path: Path | None) -> dict[str, Any]:
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


_SENTENCE = frozenset(
    {"verb", "noun", "actual", "plan", "percent_of_plan", "percent_of_prior", "change"}
    | {"prior_period", "prior_year"}
)
# the placeholders each template may use
PLACEHOLDERS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("figure_with_plan", "figure", "of_plan"), _SENTENCE),
    **dict.fromkeys(("increase", "decrease", "same"), _SENTENCE),
    **dict.fromkeys(
        ("units_above", "units_at", "units_below"), frozenset({"label", "count", "all", "units"})
    ),
    **dict.fromkeys(("units_all", "units_some"), frozenset({"units"})),
    **dict.fromkeys(
        ("unit", "unit_exact"), frozenset({"name", "percent_of_plan", "actual", "plan"})
    ),
    "incomplete_subject": frozenset({"subject", "units"}),
}


def check_templates(templates: dict[str, Any], where: str) -> None:
    """Every template formats with its own placeholders; else a usage error naming the
    template and the placeholder, with the ones it may use."""
    for lang in ("vi", "en"):
        words = templates.get(lang)
        if not isinstance(words, dict):
            raise _bad(where, f"thiếu bảng [{lang}]", f"no [{lang}] table")
        for key, allowed in PLACEHOLDERS.items():
            template = words.get(key)
            if not isinstance(template, str):
                raise _bad(where, f"[{lang}] {key} phải là một câu", f"[{lang}] {key} must be text")
            try:
                template.format_map(dict.fromkeys(allowed, ""))
            except KeyError as exc:
                names = " ".join(f"{{{n}}}" for n in sorted(allowed))
                raise _bad(
                    where,
                    f"mẫu câu [{lang}] {key}: không có chỗ trống {{{exc.args[0]}}};"
                    f" dùng được: {names}",
                    f"template [{lang}] {key}: there is no placeholder {{{exc.args[0]}}};"
                    f" it may use: {names}",
                ) from exc
            except (IndexError, ValueError, AttributeError) as exc:
                raise _bad(
                    where,
                    f"mẫu câu [{lang}] {key} viết sai ({exc}): chỗ trống viết như {{actual}},"
                    " dấu ngoặc nhọn thường viết {{ }}",
                    f"template [{lang}] {key} is malformed ({exc}): placeholders are written"
                    " like {actual}, a plain brace as {{ }}",
                ) from exc
        if not isinstance(words.get("subjects"), dict):
            raise _bad(
                where, f"[{lang}] subjects phải là một bảng", f"[{lang}] subjects must be a table"
            )
    for indicator, entry in templates.get("indicators", {}).items():
        for lang in ("vi", "en"):
            pair = entry.get(lang) if isinstance(entry, dict) else None
            if not (
                isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)
            ):
                raise _bad(
                    where,
                    f'[indicators."{indicator}"] {lang} phải là ["động từ", "danh từ"]',
                    f'[indicators."{indicator}"] {lang} must be ["verb", "noun"]',
                )


def _bad(where: str, vi: str, en: str) -> UsageError:
    return UsageError(vi, en, file=where)


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
    change = figures.change_vs_prior
    values = {
        "verb": verb,
        "noun": noun,
        "actual": format_count(figures.actual, lang),
        "plan": format_count(figures.plan, lang),
        "percent_of_plan": format_percent(figures.percent_of_plan, lang, precision),
        "percent_of_prior": format_percent(figures.percent_of_prior, lang, precision),
        "change": format_percent(abs(change), lang, precision) if change is not None else "",
        **_prior_period(period, lang),
    }
    main = (words["figure_with_plan"] if figures.plan is not None else words["figure"]).format(
        **values
    )
    parts = [f"{subject} {main}" if subject else main]
    if figures.percent_of_plan is not None:
        parts.append(words["of_plan"].format(**values))
    if change is not None:
        key = "increase" if change > 0 else "decrease" if change < 0 else "same"
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
    """A first line saying the tool wrote it; what the figures lack or doubt, if anything;
    then a paragraph per sheet kind (and with `by_unit`, which units are above, at and below
    plan)."""
    if templates is None:
        templates = load_templates()
    else:
        check_templates(templates, "templates")
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
    paragraphs: list[str] = [first_line(report, lang, digits=False)]
    caveats = caveat_lines(report, lang)
    if caveats:
        paragraphs.append(" ".join(caveats))
    for kind in catalogue.sheet_kinds:
        totals = [
            t for t in report.totals if catalogue.indicators[t.figures.indicator].sheet_kind == kind
        ]
        if not totals:
            continue
        subject = templates[lang]["subjects"].get(kind, "")
        if subject and report.caveats.missing_units:  # never "the whole city" without them all
            subject = templates[lang]["incomplete_subject"].format(
                subject=subject, units=missing_subject(report, lang)
            )
        sentences = [
            _marked(
                sentence(
                    t.figures,
                    templates,
                    lang,
                    report.precision,
                    report.period,
                    subject=subject if i == 0 else "",
                ),
                doubted(report, t.figures.indicator),
            )
            for i, t in enumerate(totals)
            if t.figures.actual is not None
        ]
        paragraphs.append(" ".join(sentences))
        if by_unit:
            paragraphs.extend(_unit_lines(report, totals, templates, lang))
    return "\n\n".join(paragraphs) + "\n"


def _marked(text: str, in_doubt: bool) -> str:
    """A sentence whose figure an error touches ends with (*), as the note above says."""
    return f"{text[:-1]} {MARK}." if in_doubt else text


def _unit_lines(
    report: Report, totals: list[Any], templates: dict[str, Any], lang: str
) -> list[str]:
    """Each indicator's units above, at and below plan, counted from every unit (whatever
    a ranking shows) and decided from the exact figures, not the rounded percentage; the
    units listed are all of them, or with --top/--bottom those shown among them."""
    catalogue = load_catalogue()
    words = templates[lang]
    lines: list[str] = []
    for total in totals:
        indicator = total.figures.indicator
        if total.figures.plan is None:
            continue
        units = [
            u
            for u in report.all_units
            if u.figures.indicator == indicator
            and u.figures.actual is not None
            and u.figures.plan  # a plan of 0 gives no percentage
        ]
        label = catalogue.indicators[indicator].label(lang)
        for key, side in (("units_above", 1), ("units_at", 0), ("units_below", -1)):
            chosen = [u for u in units if _side(u.figures) == side]
            if side == 0 and not chosen:
                continue  # "1/30 đạt đúng kế hoạch" only when one did
            picked = {u.code for u in chosen}
            listed = [  # in the order shown: ranked, when a ranking is asked for
                u for u in report.units if u.figures.indicator == indicator and u.code in picked
            ]
            if not listed:
                units_text = ""
            else:
                names = "; ".join(
                    _unit(u.figures, u.name, side, words, lang, report.precision) for u in listed
                )
                units_text = words[
                    "units_all" if len(listed) == len(chosen) else "units_some"
                ].format(units=names)
            lines.append(
                words[key].format(
                    label=label,
                    count=format_count(len(chosen), lang),
                    all=format_count(len(units), lang),
                    units=units_text,
                )
                + "."
            )
    return lines


def _side(figures: Figures) -> int:
    """1 above plan, 0 exactly at it, -1 below: from the counts, never the rounded %."""
    assert figures.actual is not None and figures.plan is not None
    return (figures.actual > figures.plan) - (figures.actual < figures.plan)


def _unit(
    figures: Figures, name: str, side: int, words: dict[str, Any], lang: str, precision: int
) -> str:
    """'Ba Đình (102,8%)'; the counts instead where the rounded percentage would read as the
    other side of 100% (99,96% shown as 100,0% among the units below plan)."""
    percent = figures.percent_of_plan
    misleading = percent is not None and (
        (side < 0 and percent >= 100) or (side > 0 and percent <= 100)
    )
    template: str = words["unit_exact" if misleading else "unit"]
    return template.format(
        name=name,
        percent_of_plan=format_percent(percent, lang, precision),
        actual=format_count(figures.actual, lang),
        plan=format_count(figures.plan, lang),
    )
