"""Narrative text as the press writes it, from sentence templates in a data file.

"Năm 2023, toàn thành phố kết nạp 10.479/9.810 đảng viên mới, đạt 106,8% kế hoạch, tăng
4,6% so với cùng kỳ năm 2022; trong đó có 852/453 đảng viên mới trong doanh nghiệp ngoài
khu vực nhà nước (đạt 188,1% kế hoạch, tăng 33,1% so với cùng kỳ), …" A paragraph per sheet
kind, opened by the period, its subject said once, related figures joined in one sentence
(the clauses of `sentences.toml`). A figure with no plan or no prior gets no such
comparison, never "đạt 0%" or "None". With `--by unit`, how many units reached plan and
which are lowest, from all units and their exact figures.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from ..catalogue import load_catalogue
from ..errors import UsageError
from ..model import Figures, Period, Report, UnitFigures
from ..own_output import first_line
from .caveats import caveat_lines, incomplete_subject
from .heading import province_of
from .numbers import format_count, format_number

UNITS_NAMED = 10  # units below plan named before "và N đơn vị khác"
LOWEST_NAMED = 3  # when all reached plan: the lowest ones named


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


def prose_percent(value: Decimal | None, lang: str, precision: int) -> str:
    """188,1% as the tables print it, but a whole one without decimals: 158%, not 158,0%."""
    if value is None:
        return ""
    whole = value == value.to_integral_value()
    return format_number(value, lang, 0 if whole else precision) + "%"


def render_text_output(
    report: Report,
    *,
    lang: str = "vi",
    by_unit: bool = False,
    templates: dict[str, Any] | None = None,
    units: tuple[UnitFigures, ...] | None = None,
) -> str:
    """What `--format text` prints or writes: a first line saying the tool wrote it (no
    digit in it: `verify` reads every digit of the text), a paragraph saying what the
    figures lack or doubt if anything, then the paragraphs of `render_text`."""
    caveats = caveat_lines(report, lang, marker=False)
    head = "\n\n".join(
        [first_line(report, lang, digits=False), *([" ".join(caveats)] if caveats else [])]
    )
    return (
        head
        + "\n\n"
        + render_text(report, lang=lang, by_unit=by_unit, templates=templates, units=units)
    )


def render_text(
    report: Report,
    *,
    lang: str = "vi",
    by_unit: bool = False,
    templates: dict[str, Any] | None = None,
    units: tuple[UnitFigures, ...] | None = None,
) -> str:
    """The paragraphs. `units`: every unit's figures, when `report` holds only a selection
    (--top, --bottom): statements about all units are made from all units."""
    templates = templates or load_templates()
    catalogue = load_catalogue()
    missing = [
        t.figures.indicator
        for t in report.totals
        if t.figures.indicator not in templates.get("indicators", {})
    ]
    if missing:
        raise UsageError(
            f"mẫu câu thiếu chỉ tiêu: {', '.join(missing)}",
            f"the sentence templates lack: {', '.join(missing)}",
        )
    writer = _Writer(report, templates, lang)
    paragraphs: list[str] = []
    for kind in catalogue.sheet_kinds:
        figures = {  # "A/B" only where the percentage is A/B: not over fewer units than A
            t.figures.indicator: replace(t.figures, plan=None)
            if "plan" in t.partial_bases
            else t.figures
            for t in report.totals
            if catalogue.indicators[t.figures.indicator].sheet_kind == kind
            and t.figures.actual is not None
        }
        if not figures:
            continue
        paragraphs.append(writer.paragraph(kind, figures))
        if by_unit:
            everyone = report.units if units is None else units
            paragraphs.extend(writer.unit_lines(list(figures), everyone))
    return "\n\n".join(_typographic(p) for p in paragraphs) + "\n"


class _Writer:
    """One report's sentences in one language: what has been said in the paragraph so far
    (its subject, the same period's year) decides what the next clause says."""

    def __init__(self, report: Report, templates: dict[str, Any], lang: str) -> None:
        self.report = report
        self.templates = templates
        self.lang = lang
        words = templates.get(lang)
        built_in = load_templates()[lang]
        lacking = sorted(set(built_in) - {"paragraphs"} - set(words or {}))
        if not isinstance(words, dict) or lacking:
            names = ", ".join(lacking) or lang
            raise UsageError(
                f"mẫu câu [{lang}] thiếu: {names} (xem sentences.toml có sẵn)",
                f"the sentence templates' [{lang}] lack: {names} (see the built-in sentences.toml)",
            )
        self.words: dict[str, Any] = words
        province = province_of(report.registry)
        self.subject = self.words["subject"][province[1] if province else "other"]
        if report.caveats.missing_units:  # never "the whole city" without all its units
            self.subject = incomplete_subject(self.subject, report, lang)
        self.subject_said = self.year_said = False

    def _say(self, key: str, **values: object) -> str:
        # one unit, one member: a template's singular ("units_below_one"), where it has one
        if 1 in (values.get("count"), values.get("total")) and f"{key}_one" in self.words:
            key = f"{key}_one"
        try:
            return str(self.words[key].format(**values))
        except KeyError as exc:
            raise UsageError(
                f"mẫu câu [{self.lang}] {key}: không có chỗ trống {exc}",
                f"sentence template [{self.lang}] {key}: no placeholder {exc}",
            ) from exc

    # ------------------------------------------------------------ the totals

    def paragraph(self, kind: str, figures: dict[str, Figures]) -> str:
        try:
            return self._paragraph(kind, figures)
        except (KeyError, TypeError, AttributeError) as exc:
            raise UsageError(
                f"mẫu câu [{self.lang}.paragraphs] {kind} không hợp lệ: {exc!r}",
                f"the sentence templates' [{self.lang}.paragraphs] {kind} is malformed: {exc!r}",
            ) from exc

    def _paragraph(self, kind: str, figures: dict[str, Figures]) -> str:
        self.subject_said = self.year_said = False
        sentences: list[str] = []
        placed: set[str] = set()
        for plan in self.words.get("paragraphs", {}).get(kind, []):
            said: list[tuple[dict[str, Any], list[Figures], bool]] = []
            previous = False  # the clause before this one was said
            for clause in plan:
                present = [figures[i] for i in clause["figures"] if i in figures]
                placed.update(clause["figures"])
                # parts ("trong đó có", "gồm") lean on the clause before them; other clauses
                # on any said before them in the sentence
                leaning = previous if clause.get("parts") else bool(said)
                if present:
                    said.append((clause, present, leaning))
                previous = bool(present)
            clauses: list[str] = []
            for n, (clause, present, leaning) in enumerate(said):
                lead = clause["lead"] if leaning else clause.get("alone", clause["lead"])
                # "2.305 tổ chức cơ sở đảng (giảm 0,2% …), gồm …": brackets before ", gồm"
                following = said[n + 1] if n + 1 < len(said) else None
                bracket = following is not None and following[2] and _join(following[0]) == ", "
                text = " ".join([self._lead(lead), self._items(present, bracket)]).strip()
                if clauses:
                    text = (_join(clause) if leaning else "; ") + text
                clauses.append(text)
            if clauses:
                sentences.append("".join(clauses))
        for indicator, figure in figures.items():  # a figure no clause names: its own sentence
            if indicator not in placed:
                verb = self.templates["indicators"][indicator][self.lang][0]
                sentences.append(f"{self._lead('{subject} ' + verb)} {self._items([figure])}")
        opening = self._opening(self.report.period)
        if not self.subject_in(sentences) and self.report.caveats.missing_units:
            # a paragraph whose clauses name no subject ("cấp ủy các cấp kiểm tra …") says
            # what its totals leave out in its opening: never a whole city's without a word
            left_out = incomplete_subject("", self.report, self.lang, bare=True)
            opening = f"{opening} {left_out}" if opening else left_out
        if opening:
            sentences[0] = f"{opening}, {sentences[0]}"
        return " ".join(_sentence(s) for s in sentences)

    def subject_in(self, sentences: list[str]) -> bool:
        """Whether the paragraph said its subject (with what it leaves out)."""
        return bool(self.subject.strip()) and any(self.subject in s for s in sentences)

    def _lead(self, lead: str) -> str:
        """The clause's words, the subject in them only in the paragraph's first clause."""
        subject = "" if self.subject_said else self.subject
        self.subject_said = True
        return " ".join(lead.replace("{subject}", subject).split())

    def _opening(self, period: Period | None) -> str:
        if period is None:
            return ""
        openings = self.words["opening"]
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        if period.quarter:
            quarter = roman[period.quarter] if self.lang == "vi" else period.quarter
            return str(openings["quarter"].format(quarter=quarter, year=period.year))
        if period.months == 12:
            return str(openings["year"].format(year=period.year))
        return str(openings["months"].format(months=period.months, year=period.year))

    def _items(self, present: list[Figures], bracket: bool = False) -> str:
        """One figure with its comparisons after commas; several (or one before a clause
        joined by a comma) with theirs in brackets, joined by ", " and "và"."""
        parts = [(self._figure(f), self._comparisons(f)) for f in present]
        if len(parts) == 1 and not bracket:
            figure, comparisons = parts[0]
            return ", ".join([figure, *comparisons])
        items = [f"{figure} ({', '.join(c)})" if c else figure for figure, c in parts]
        if len(items) == 1:
            return items[0]
        return f"{', '.join(items[:-1])} {self._say('and')} {items[-1]}"

    def _figure(self, figures: Figures) -> str:
        noun = self.templates["indicators"][figures.indicator][self.lang][1]
        if figures.actual == 1 and self.lang == "en":
            noun = english_one(noun)
        values = {
            "actual": format_count(figures.actual, self.lang),
            "plan": format_count(figures.plan, self.lang),
            "noun": noun,
        }
        # a plan of 0 is no plan to say "A/0" against (its percentage is none)
        return self._say("figure_with_plan" if figures.plan else "figure", **values)

    def _part_year(self) -> bool:
        """A 6-month or 9-month figure set against the year's plan."""
        return self.report.period is not None and self.report.period.months < 12

    def _comparisons(self, figures: Figures) -> list[str]:
        precision = self.report.precision
        said: list[str] = []
        if figures.percent_of_plan is not None:
            said.append(
                self._say(
                    "of_year_plan" if self._part_year() else "of_plan",
                    percent_of_plan=self._percent_of_plan(figures),
                )
            )
        change = figures.change_vs_prior
        if change is not None:
            difference = (figures.actual or 0) - (figures.prior or 0)
            if difference and not change:
                # 10.479 against 10.478 rounds to 0,0%: "bằng cùng kỳ" only when the figures
                # are equal; otherwise the change in numbers ("tăng 1 so với cùng kỳ")
                key = "increase" if difference > 0 else "decrease"
                text = self._say(key, change=format_count(abs(difference), self.lang))
            else:
                key = "increase" if change > 0 else "decrease" if change < 0 else "same"
                text = self._say(key, change=prose_percent(abs(change), self.lang, precision))
            if not self.year_said and self.report.period is not None:
                text += " " + self._say("prior_year", prior_year=self.report.period.year - 1)
                self.year_said = True
            said.append(text)
        return said

    def _percent_of_plan(self, figures: Figures) -> str:
        """The percent of plan as prose says it; one below plan that rounds to 100 is cut,
        not rounded (99,9%, not 100%): "đạt 100% kế hoạch" says the plan was reached, and
        "chưa đạt" never stands next to 100%."""
        shown = figures.percent_of_plan
        if shown is not None and shown >= 100 and (figures.actual or 0) < (figures.plan or 0):
            exact = _exact_share_of(figures)
            step = Decimal(1).scaleb(-self.report.precision)
            shown = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
                step, ROUND_DOWN
            )
        if shown is not None and not shown and figures.actual:
            # 1 of 30.000 rounds to 0%: "đạt 0% kế hoạch" would say nothing was done
            least = Decimal(1).scaleb(-self.report.precision)
            return f"{self._say('under')} {prose_percent(least, self.lang, self.report.precision)}"
        return prose_percent(shown, self.lang, self.report.precision)

    # ------------------------------------------------------------ the units

    def unit_lines(self, indicators: list[str], everyone: tuple[UnitFigures, ...]) -> list[str]:
        """For each indicator with a plan: how many units reached it ("đạt": at or above it;
        "vượt": above), from exact figures, then those below plan, or the lowest, ranked."""
        catalogue = load_catalogue()
        lines: list[str] = []
        for indicator in indicators:
            reporting = [
                u
                for u in everyone
                if u.figures.indicator == indicator and u.figures.actual is not None
            ]
            units = [u for u in reporting if u.figures.plan]  # neither missing nor zero
            if not units:
                continue
            # a unit without a plan is neither above nor below it: named apart, and "cả N
            # đơn vị" (all N units) is never said of fewer units than reported
            no_plan = [u for u in reporting if not u.figures.plan]
            # nor of the units that report when one with a plan reported no actual
            silent = any(
                u.figures.indicator == indicator and u.figures.actual is None and u.figures.plan
                for u in everyone
            )
            units.sort(key=_exact_share)  # lowest first; registry order among equals
            reached = [u for u in units if (u.figures.actual or 0) >= (u.figures.plan or 0)]
            above = [u for u in reached if (u.figures.actual or 0) > (u.figures.plan or 0)]
            below = units[: len(units) - len(reached)]
            label = catalogue.indicators[indicator].label(self.lang)
            plan = self.words["year_plan" if self._part_year() else "plan"]
            if len(above) == len(units) and not (no_plan or silent):
                head = self._say("units_all_above", label=label, total=len(units), plan=plan)
            elif len(reached) == len(units) and not (no_plan or silent):
                head = self._say("units_all", label=label, total=len(units), plan=plan)
            elif reached and len(above) == len(reached):
                head = self._say("units_some_above", label=label, count=len(above), plan=plan)
            elif reached:
                head = self._say("units_some", label=label, count=len(reached), plan=plan)
            else:
                head = self._say("units_none", label=label, plan=plan)
            if 0 < len(above) < len(reached):
                head += ", " + self._say("units_above", count=len(above), plan=plan)
            if below and not self._part_year():
                named = self._names(below)
                tail = self._say("units_below", count=len(below), units=named, plan=plan)
            else:
                tail = self._say("units_lowest", units=self._names(units[:LOWEST_NAMED]))
            if no_plan:
                named = self._names(no_plan, with_percent=False)
                tail += "; " + self._say("units_no_plan", count=len(no_plan), units=named)
            lines.append(_sentence(f"{head}; {tail}"))
        return lines

    def _names(self, units: list[UnitFigures], with_percent: bool = True) -> str:
        shown = [
            self._say("unit", name=u.name, percent=self._percent_of_plan(u.figures))
            if with_percent
            else u.name
            for u in units[:UNITS_NAMED]
        ]
        if len(units) > UNITS_NAMED:
            shown.append(self._say("units_more", count=len(units) - UNITS_NAMED))
        if len(shown) == 1:
            return shown[0]
        return f"{', '.join(shown[:-1])} {self._say('and')} {shown[-1]}"


# the head nouns of the English indicators' nouns (sentences.toml), for a figure of 1:
# "1 new member", "1 party organization in non-state enterprises"
_ENGLISH_ONE = {
    "members": "member", "students": "student", "owners": "owner", "believers": "believer",
    "women": "woman", "organizations": "organization", "cells": "cell",
    "committees": "committee",
}  # fmt: skip
_ENGLISH_PLURAL = re.compile(r"\b(?:" + "|".join(_ENGLISH_ONE) + r")\b")


def english_one(noun: str) -> str:
    """An English indicator's noun for one: its head noun singular ("new members in
    non-state enterprises" -> "new member in non-state enterprises")."""
    return _ENGLISH_PLURAL.sub(lambda m: _ENGLISH_ONE[m.group()], noun, count=1)


def _join(clause: dict[str, Any]) -> str:
    """What goes before a clause that follows the one it leans on: "; " unless it says."""
    return str(clause.get("join", "; "))


def _exact_share_of(figures: Figures) -> Fraction:
    return Fraction((figures.actual or 0) * 100, figures.plan or 1)


def _exact_share(unit: UnitFigures) -> Fraction:
    return _exact_share_of(unit.figures)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + "."


_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')


def _typographic(text: str) -> str:
    """ "bốn tốt" -> “bốn tốt”, as print sets it."""
    return _STRAIGHT_QUOTES.sub("“\\1”", text)
