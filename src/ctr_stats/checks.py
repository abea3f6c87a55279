"""`ctr-stats check`: completeness, consistency and plausibility findings on top of what
computing already found, with severities and ignores from the configuration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import chain
from operator import gt, itemgetter, ne
from pathlib import Path, PurePath
from typing import cast

from .api import Analysis, Progress, analyse, paused_gc
from .calculate import lacking
from .catalogue import Catalogue, Registry, Rule, Unit, load_catalogue
from .caveats import caveats_of
from .config import Config, Ignore, Thresholds, period_option
from .layout import Row, SheetData
from .limits import DEFAULT_LIMITS, Limits
from .model import (
    MEASURES,
    MISSING_UNIT_CODES,
    UNREADABLE_CODES,
    Cells,
    Counted,
    Finding,
    Key,
    Lacking,
    Number,
    Period,
    Report,
    Severity,
    UnitFigures,
)
from .render.numbers import format_change, format_count, format_percent, format_plain
from .text import fold

SCHEMA = "ctr-stats/check/1"


@dataclass(frozen=True)
class CheckResult:
    report: Report
    findings: tuple[Finding, ...]
    ignored: tuple[tuple[Finding, Ignore], ...]
    registry: Registry | None = None  # the registry the report was computed with

    def exit_code(self, strict: bool = False) -> int:
        if any(f.code in UNREADABLE_CODES for f in self.findings):
            return 3
        if any(f.severity is Severity.ERROR for f in self.findings):
            return 1
        if strict and self.findings:
            return 1
        return 0

    def summary(self) -> dict[str, object]:
        by_code: dict[str, int] = {}
        for finding in self.findings:
            by_code[finding.code] = by_code.get(finding.code, 0) + 1
        return {
            "error": sum(1 for f in self.findings if f.severity is Severity.ERROR),
            "warning": sum(1 for f in self.findings if f.severity is Severity.WARNING),
            "ignored": len(self.ignored),
            "by_code": dict(sorted(by_code.items())),
        }


# the checks too, not only the analysis: they make objects by the million on a national
# roll-up, none in cycles (see api.paused_gc)
@paused_gc()
def check(
    paths: Iterable[Path | str],
    *,
    config: Config | None = None,
    registry: str | None = None,
    units_file: Path | str | None = None,
    units_only: bool = False,
    period: Period | None = None,
    precision: int = 1,
    prior: Iterable[Path | str] | None = None,
    partial: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> CheckResult:
    """Everything computing finds, plus the checks below, with the configuration's
    severities and ignores applied; the report's findings are the ones kept, and its
    caveats say what they leave lacking or in doubt. `compute` is this report: the two
    commands give the same figures and findings. `registry`, `units_file` and `period`
    (options) win over the configuration's. `partial` (a few changed files, as in a
    pre-commit hook) leaves out the registry-wide completeness checks."""
    config = config or Config()
    if units_file is None and config.units is not None:  # options first, then the file's
        units_file, units_only = config.units, config.units_only
    period_from = "--period"
    if period is None and config.period:
        period, period_from = _config_period(config), f"period = {config.period!r} ({config.path})"
    analysis = analyse(
        paths,
        registry=registry or (None if units_only else config.registry),
        units_file=units_file,
        units_only=units_only,
        period=period,
        period_from=period_from,
        precision=precision,
        prior=prior,
        limits=limits,
        progress=progress,
    )
    catalogue = load_catalogue()
    report = analysis.report
    findings = [f for f in report.findings if not (partial and f.code in MISSING_UNIT_CODES)]
    if not partial:
        findings += completeness(report, catalogue, analysis.prior_files)
    findings += rule_findings(analysis, (*catalogue.rules, *config.rules), catalogue)
    findings += stated_percent_findings(analysis)
    # the sheets are not looked at again: let go of them (a national roll-up's are tens of
    # megabytes) before the last checks make their findings
    analysis = replace(analysis, blocks=[])
    findings += plausibility(report, config.thresholds, catalogue)
    findings += copied_figures(report, catalogue)
    findings = [_with_severity(f, config.severities) for f in findings]
    kept: list[Finding] = []
    ignored: list[tuple[Finding, Ignore]] = []
    for finding in findings:
        rule = next((i for i in config.ignores if _ignores(i, finding)), None)
        if rule is None:
            kept.append(finding)
        else:
            ignored.append((finding, rule))
    report = replace(report, findings=tuple(kept), caveats=caveats_of(kept, analysis))
    return CheckResult(report, tuple(kept), tuple(ignored), analysis.registry)


def _config_period(config: Config) -> Period:
    assert config.period is not None
    return period_option(config.period, f"{config.path}: period")


def _with_severity(finding: Finding, severities: dict[str, Severity]) -> Finding:
    severity = severities.get(finding.code)
    if severity is None or severity is finding.severity:
        return finding
    return replace(finding, severity=severity)


def _ignores(ignore: Ignore, finding: Finding) -> bool:
    """Whether a finding is the known exception: its code, and every key the exception
    gives (the file by its name, the sheet and unit as the fold reads them)."""

    def same(given: str | None, found: str | None) -> bool:
        return given is None or (found is not None and fold(given) == fold(found))

    return (
        ignore.code == finding.code
        and same(ignore.unit, finding.unit)
        and same(ignore.file, finding.file and PurePath(finding.file).name)
        and same(ignore.sheet, finding.sheet)
        and (ignore.cell is None or ignore.cell.replace("$", "").upper() == finding.cell)
        and (ignore.indicator is None or ignore.indicator == finding.indicator)
    )


# ---------------------------------------------------------------- completeness


def completeness(
    report: Report, catalogue: Catalogue, prior_files: dict[str, tuple[str, ...]] | None = None
) -> list[Finding]:
    """A unit silent on a whole sheet kind; a figure some units report and others do not:
    a unit leaving empty what most units report (a warning), a unit without the plan or Cùng
    kỳ most units have (an error: the total's percentage leaves it out), a figure at most
    half the units report (an error, said once). `prior_files`: with --prior, each unit's
    files of last period, where its Cùng kỳ comes from."""
    kinds_of: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for unit in report.units:
        kind = catalogue.indicators[unit.figures.indicator].sheet_kind
        kinds_of.setdefault(unit.code, set()).add(kind)
        names[unit.code] = unit.name
    run_kinds = set().union(*kinds_of.values()) if kinds_of else set()
    findings: list[Finding] = []
    for code, kinds in kinds_of.items():
        for kind in sorted(run_kinds - kinds, key=list(catalogue.sheet_kinds).index):
            label = catalogue.sheet_kinds[kind]
            findings.append(
                Finding(
                    "missing-sheet",
                    Severity.ERROR,
                    f"{names[code]} không báo cáo {label.label_vi.lower()} (các đơn vị khác có)",
                    f"{names[code]} reported nothing on {label.label_en.lower()} (other units did)",
                    unit=names[code],
                )
            )
    found = lacking(report.units, catalogue)
    # (unit, indicator) -> its figures; made only when some figure is lacking
    figures_of = {(u.code, u.figures.indicator): u for u in report.units} if found else {}
    # (unit, measure, sheet kind, having, of) -> the figures without that base
    bases: dict[tuple[str, str, str, int, int], list[tuple[Lacking, UnitFigures]]] = {}
    for entry, without in found:
        about = catalogue.indicators[entry.indicator]
        if 2 * entry.having <= entry.of:  # a few units' figure, said once for all
            findings.append(_partial_indicator(entry, about.label_vi, about.label_en))
        elif entry.measure == "actual":  # a unit without what most units reported
            findings.extend(
                _missing_indicator(entry, names[code], about.label_vi, about.label_en)
                for code in without
                if (code, entry.indicator) not in figures_of  # else missing-now says it
            )
        else:  # said once per unit, measure and sheet (a --prior file lacking a sheet)
            for code in without:
                if entry.measure == "prior" and prior_files is not None and code not in prior_files:
                    continue  # in none of last period's files: missing-prior-unit says it
                key = (code, entry.measure, about.sheet_kind, entry.having, entry.of)
                bases.setdefault(key, []).append((entry, figures_of[(code, entry.indicator)]))
    for (code, _, _, _, _), entries in bases.items():
        files = None if prior_files is None else prior_files.get(code, ())
        findings.append(_missing_base(entries, catalogue, files))
    return findings


def _missing_indicator(entry: Lacking, name: str, label_vi: str, label_en: str) -> Finding:
    having, of = entry.having, entry.of
    return Finding(
        "missing-indicator",
        Severity.WARNING,
        # "read", not "left empty": the figure may be typed under a header not understood
        f"{name}: không đọc được số liệu nào của '{label_vi}'"
        f" ({format_count(having, 'vi')}/{format_count(of, 'vi')} đơn vị có báo cáo)",
        f"{name}: no figure of '{label_en}' was read"
        f" ({format_count(having, 'en')} of {format_count(of, 'en')} units reported it)",
        unit=name,
        indicator=entry.indicator,
    )


_BASE_VI = {"plan": "kế hoạch", "prior": "cùng kỳ"}
_PERCENT_VI = {"plan": "% kế hoạch", "prior": "% so với cùng kỳ"}
_BASE_EN = {"plan": "plan", "prior": "same-period (Cùng kỳ) figure"}
_PERCENT_EN = {"plan": "% of plan", "prior": "change on the same period"}


def _missing_base(
    entries: list[tuple[Lacking, UnitFigures]],
    catalogue: Catalogue,
    prior_files: tuple[str, ...] | None,
) -> Finding:
    """A unit with actuals and no plan (or Cùng kỳ) on a sheet where most units have one:
    the totals' percentages are computed over the units that have both, and this says so,
    once for the sheet's indicators (named; the first is the finding's indicator)."""
    entry, unit = entries[0]
    measure = entry.measure
    labels_vi = ", ".join(f"'{catalogue.indicators[e.indicator].label_vi}'" for e, _ in entries)
    labels_en = ", ".join(f"'{catalogue.indicators[e.indicator].label_en}'" for e, _ in entries)
    having_vi, of_vi = format_count(entry.having, "vi"), format_count(entry.of, "vi")
    having_en, of_en = format_count(entry.having, "en"), format_count(entry.of, "en")
    over_vi = (
        f"{_PERCENT_VI[measure]} của số tổng chỉ tính trên {having_vi} đơn vị có cả"
        f" {_BASE_VI[measure]} và thực hiện"
    )
    over_en = (
        f"the total's {_PERCENT_EN[measure]} is computed over the {having_en} units that have"
        " both it and the actual"
    )
    cells = unit.cells.get("actual")
    source = cells[0].source if cells else None
    file, sheet = (source.file, source.sheet) if source else (None, None)
    cell = cells.describe().rsplit("!", 1)[-1] if cells and len(entries) == 1 else None
    if prior_files is not None:  # --prior: last period's files lack it
        shown = ", ".join(prior_files)
        vi = (
            f"{unit.name} không có {labels_vi} trong các tệp kỳ trước (--prior"
            + (f": {shown}" if shown else "")
            + f"; {having_vi}/{of_vi} đơn vị có): {over_vi}"
        )
        en = (
            f"{unit.name} has no {labels_en} in last period's files (--prior"
            + (f": {shown}" if shown else "")
            + f"; {having_en} of {of_en} units have it): {over_en}"
        )
        file, sheet, cell = (prior_files[0] if prior_files else None), None, None
    else:
        vi = (
            f"{unit.name} có thực hiện nhưng không có {_BASE_VI[measure]} {labels_vi}"
            f" ({having_vi}/{of_vi} đơn vị có): {over_vi}"
        )
        en = (
            f"{unit.name} has an actual but no {_BASE_EN[measure]} for {labels_en}"
            f" ({having_en} of {of_en} units have one): {over_en}"
        )
    return Finding(
        f"missing-{measure}",
        Severity.ERROR,
        vi,
        en,
        file,
        sheet,
        cell,
        unit.name,
        entry.indicator if len(entries) == 1 else None,
    )


def _partial_indicator(entry: Lacking, label_vi: str, label_en: str) -> Finding:
    """A figure at most half the units report: the total is theirs only, said once, with
    the units that do not report it."""
    having_vi, of_vi = format_count(entry.having, "vi"), format_count(entry.of, "vi")
    having_en, of_en = format_count(entry.having, "en"), format_count(entry.of, "en")
    without = ", ".join(entry.units)
    if entry.measure == "actual":
        vi = (
            f"'{label_vi}': chỉ {having_vi}/{of_vi} đơn vị có số liệu, số tổng chỉ gồm các"
            f" đơn vị này; không có: {without}"
        )
        en = (
            f"'{label_en}': only {having_en} of {of_en} units report it, so the total covers"
            f" them only; not reported by: {without}"
        )
    else:
        base_vi, base_en = _BASE_VI[entry.measure], _BASE_EN[entry.measure]
        vi = (
            f"'{label_vi}': chỉ {having_vi}/{of_vi} đơn vị có {base_vi},"
            f" {_PERCENT_VI[entry.measure]} của số tổng chỉ tính trên các đơn vị này;"
            f" không có {base_vi}: {without}"
        )
        en = (
            f"'{label_en}': only {having_en} of {of_en} units have a {base_en}, so the"
            f" total's {_PERCENT_EN[entry.measure]} is computed over them only; without one:"
            f" {without}"
        )
    return Finding("partial-indicator", Severity.ERROR, vi, en, indicator=entry.indicator)


# ---------------------------------------------------------------- rules


def _rules_held(
    counted: Counted, keyed: list[tuple[int, Rule, list[Key], Key]]
) -> list[tuple[int, Rule, list[Key], Key, int, list[int]]]:
    """The rules whose whole and parts are all among a sheet's counted columns, each with
    the positions of its numbers in a row's amounts."""
    position = counted.position
    held = []
    for number, rule, part_keys, whole_key in keyed:
        whole_at = position.get(whole_key)
        parts_at = [position.get(key) for key in part_keys]
        if whole_at is None or None in parts_at:
            continue
        held.append((number, rule, part_keys, whole_key, whole_at, cast("list[int]", parts_at)))
    return held


def rule_findings(analysis: Analysis, rules: Iterable[Rule], catalogue: Catalogue) -> list[Finding]:
    """Each rule row by row where a row holds both sides, else unit by unit. The numbers
    are compared first; cells and messages are made only for a rule broken (a national
    roll-up holds 600,000 pairs to compare)."""
    findings: list[Finding] = []
    flagged: set[tuple[str, int]] = set()
    keyed = [
        (
            number,
            rule,
            [(p, rule.part_measure) for p in rule.parts],
            (rule.whole, rule.whole_measure),
        )
        for number, rule in enumerate(rules)
    ]
    # The rules a sheet's counted columns can hold, with the places of their numbers in a
    # row: worked out once per shared Counted, not per row and rule (most rules are of
    # another sheet kind).
    placed: dict[int, list[tuple[int, Rule, list[Key], Key, int, list[int]]]] = {}
    for sheet, rows, unit in analysis.blocks:
        if not rows:
            continue
        counted = rows[0].counted
        held = placed.get(id(counted))
        if held is None:
            held = placed[id(counted)] = _rules_held(counted, keyed)
        if all(row.counted is counted for row in rows):
            # a block's rules compared a column at a time, in C; the rows are gone through
            # one by one only for the rules broken somewhere in it (or with empty cells)
            columns = [row.amounts for row in rows]
            held = [entry for entry in held if _maybe_broken(entry[1], columns, *entry[4:])]
            if not held:
                continue
        for row in rows:
            _broken_in_row(sheet, row, unit, held, catalogue, findings, flagged)
    _by_unit(analysis, keyed, catalogue, findings, flagged)
    return findings


def _maybe_broken(
    rule: Rule, amounts: list[tuple[Number | None, ...]], whole_at: int, parts_at: list[int]
) -> bool:
    """Whether a rule may be broken in some row of these amounts: False only when every row
    holds both sides and none breaks it."""
    wholes = list(map(itemgetter(whole_at), amounts))
    if None in wholes:
        return True
    try:
        parts = (
            list(map(itemgetter(parts_at[0]), amounts))
            if len(parts_at) == 1
            else list(map(sum, map(itemgetter(*parts_at), amounts)))
        )
    except TypeError:  # an empty cell among the parts
        return True
    if None in parts:
        return True
    if rule.kind == "part_of":
        return any(map(gt, parts, wholes))
    return rule.kind == "sum_of" and any(map(ne, parts, wholes))


def _broken_in_row(
    sheet: SheetData,
    row: Row,
    unit: Unit,
    held: list[tuple[int, Rule, list[Key], Key, int, list[int]]],
    catalogue: Catalogue,
    findings: list[Finding],
    flagged: set[tuple[str, int]],
) -> None:
    amounts = row.amounts
    for number, rule, part_keys, whole_key, whole_at, parts_at in held:
        whole = amounts[whole_at]
        parts = [amounts[at] for at in parts_at]
        if whole is None or None in parts:
            continue
        part_sum = sum(cast("list[Number]", parts))
        if not _broken(rule, part_sum, whole):
            continue
        cell = row.cell(part_keys[0] if rule.kind == "part_of" else whole_key)
        assert cell is not None
        findings.append(
            _rule_finding(
                rule,
                Decimal(part_sum),
                Decimal(whole),
                catalogue,
                unit.name,
                sheet.file,
                sheet.sheet,
                cell.source.cell,
            )
        )
        flagged.add((unit.code, number))


def _by_unit(
    analysis: Analysis,
    keyed: list[tuple[int, Rule, list[Key], Key]],
    catalogue: Catalogue,
    findings: list[Finding],
    flagged: set[tuple[str, int]],
) -> None:
    """Each rule unit by unit, where no row held both its sides (or none broke it)."""
    by_unit: dict[str, dict[str, UnitFigures]] = {}
    for entry in analysis.report.units:
        by_unit.setdefault(entry.code, {})[entry.figures.indicator] = entry
    # each rule with every indicator it names: a unit lacking one is passed over in C
    needs = [(number, rule, frozenset((*rule.parts, rule.whole))) for number, rule, _, _ in keyed]
    for code, figures in by_unit.items():
        name = next(iter(figures.values())).name
        held_here = figures.keys()
        for number, rule, needed in needs:
            if not held_here >= needed or (code, number) in flagged:
                continue
            part_entries = [figures[p] for p in rule.parts]
            whole_entry = figures[rule.whole]
            values = [getattr(e.figures, rule.part_measure) for e in part_entries if e]
            whole_value = getattr(whole_entry.figures, rule.whole_measure)
            if whole_value is None or any(v is None for v in values):
                continue
            if not _broken(rule, sum(values), whole_value):
                continue
            first = part_entries[0] if rule.kind == "part_of" else whole_entry
            measure = rule.part_measure if rule.kind == "part_of" else rule.whole_measure
            assert first is not None
            sources = first.cells.get(measure)
            where = sources[0].source if sources else None
            findings.append(
                _rule_finding(
                    rule,
                    Decimal(sum(values)),
                    Decimal(whole_value),
                    catalogue,
                    name,
                    where.file if where else None,
                    where.sheet if where else None,
                    sources.describe().rsplit("!", 1)[-1] if sources else None,
                )
            )


def _broken(rule: Rule, parts: int | Decimal, whole: int | Decimal) -> bool:
    """part_of: the parts are more than the whole; sum_of: they do not add up to it."""
    return parts > whole if rule.kind == "part_of" else rule.kind == "sum_of" and parts != whole


def _rule_finding(
    rule: Rule,
    parts: Decimal,
    whole: Decimal,
    catalogue: Catalogue,
    unit: str,
    file: str | None,
    sheet: str | None,
    cell: str | None,
) -> Finding:
    """The finding of a rule broken (see `_broken`)."""
    labels_vi = " + ".join(catalogue.indicators[p].label_vi for p in rule.parts)
    labels_en = " + ".join(catalogue.indicators[p].label_en for p in rule.parts)
    whole_vi = catalogue.indicators[rule.whole].label_vi
    whole_en = catalogue.indicators[rule.whole].label_en
    p_vi, w_vi = format_plain(parts, "vi"), format_plain(whole, "vi")
    p_en, w_en = format_plain(parts, "en"), format_plain(whole, "en")
    if rule.kind == "part_of":
        return Finding(
            "part-exceeds-whole",
            Severity.ERROR,
            f"'{labels_vi}' ({p_vi}) lớn hơn '{whole_vi}' ({w_vi})",
            f"'{labels_en}' ({p_en}) is more than '{whole_en}' ({w_en})",
            file,
            sheet,
            cell,
            unit,
            rule.parts[0],
        )
    return Finding(
        "sum-mismatch",
        Severity.ERROR,
        f"'{labels_vi}' cộng lại được {p_vi}, khác '{whole_vi}' ({w_vi})",
        f"'{labels_en}' add up to {p_en}, not '{whole_en}' ({w_en})",
        file,
        sheet,
        cell,
        unit,
        rule.whole,
    )


# ---------------------------------------------------------------- stated percentages


def stated_percent_findings(analysis: Analysis) -> list[Finding]:
    """A percentage the sheet typed against the one its own cells give, at the precision
    it was printed with (rounded half-up or truncated, as reports do); stored as 188.1,
    as the fraction 1.881 behind a % format, or as text."""
    findings: list[Finding] = []
    for sheet, row, unit in analysis.rows:
        for (indicator, kind), stated in row.derived.items():
            base_measure = {"percent_of_plan": "plan", "percent_of_prior": "prior"}.get(kind)
            if base_measure is None:
                base_measure = "plan" if row.number((indicator, "plan")) is not None else "prior"
            actual = row.cell((indicator, "actual"))
            base = row.cell((indicator, base_measure))  # type: ignore[arg-type]
            if actual is None or base is None or base.value == 0:
                continue
            exact = Fraction(actual.value * 100) / Fraction(base.value)
            if _agrees(stated.value, exact) or _agrees((stated.value * 100).normalize(), exact):
                continue
            computed = Decimal(exact.numerator) / Decimal(exact.denominator)
            shown_vi, shown_en = format_plain(computed, "vi"), format_plain(computed, "en")
            findings.append(
                Finding(
                    "stated-percent-mismatch",
                    Severity.ERROR,
                    f"ô ghi {stated.text}, tính lại từ {actual.source.cell}/{base.source.cell}"
                    f" được {shown_vi}%",
                    f"the cell says {stated.text}; {actual.source.cell}/{base.source.cell}"
                    f" gives {shown_en}%",
                    sheet.file,
                    sheet.sheet,
                    stated.source.cell,
                    unit.name,
                    indicator,
                )
            )
    return findings


def _agrees(stated: Decimal, exact: Fraction) -> bool:
    decimals = max(0, -int(stated.as_tuple().exponent))
    if decimals > 4:  # a full-precision value: compare as a number
        return abs(Fraction(stated) - exact) <= Fraction(1, 200)
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    step = Decimal(1).scaleb(-decimals)
    return stated in (value.quantize(step, ROUND_HALF_UP), value.quantize(step, ROUND_DOWN))


# ---------------------------------------------------------------- plausibility


def plausibility(report: Report, thresholds: Thresholds, catalogue: Catalogue) -> list[Finding]:
    findings: list[Finding] = []
    # the thresholds as exact fractions, once; each unit's share compared by cross-multiplying
    # whole numbers (a national roll-up has 80,000 unit figures)
    stock_limit = Fraction(str(thresholds.stock_change_percent))
    change_limit = Fraction(str(thresholds.prior_change_percent))
    # the plan is the year's: part of a year is held to its share of the low bound (three
    # months, a quarter of it); never above the year's
    months = report.period.months if report.period is not None else 12
    plan_low = Fraction(str(thresholds.plan_low_percent)) * min(months, 12) / 12
    plan_high = Fraction(str(thresholds.plan_high_percent))
    low_vi, low_en = (
        format_plain(Decimal(plan_low.numerator) / plan_low.denominator, lang)
        for lang in ("vi", "en")
    )
    year_vi = f" (kế hoạch cả năm, kỳ báo cáo {months} tháng)" if months < 12 else ""
    year_en = f" (the year's plan, a {months}-month period)" if months < 12 else ""
    for unit in report.units:
        f = unit.figures
        indicator = catalogue.indicators[f.indicator]
        label_vi, label_en = indicator.label_vi, indicator.label_en
        if f.actual is None:
            if f.prior is not None:
                findings.append(
                    _unit_finding(
                        unit,
                        "missing-now",
                        f"'{label_vi}': cùng kỳ có số liệu ({format_count(f.prior, 'vi')}),"
                        " kỳ này không đọc được số liệu nào",
                        f"'{label_en}': reported last period ({format_count(f.prior, 'en')}),"
                        " none read for this period",
                    )
                )
            continue
        if f.prior == 0 and f.actual > (2 if indicator.stock else thresholds.absolute):
            # no percentage can be said, yet the whole result counts as growth in the total:
            # a unit that did not exist last year types 0 where it means "none", not blank
            findings.append(
                _unit_finding(
                    unit,
                    "stock-change" if indicator.stock else "implausible-change",
                    f"'{label_vi}': {format_count(f.actual, 'vi')} so với cùng kỳ 0, cả"
                    " số này được tính là tăng trong số tổng; nếu cùng kỳ đơn vị chưa có"
                    " (chưa thành lập, mới sáp nhập), để trống ô Cùng kỳ thay vì ghi 0",
                    f"'{label_en}': {format_count(f.actual, 'en')} against 0 last period,"
                    " all of it counted as growth in the total; if the unit had no same"
                    " period (not yet set up, newly merged), leave Cùng kỳ blank, not 0",
                )
            )
        if f.prior is not None and f.prior > 0:
            moved = abs(f.actual - f.prior)
            limit = (
                thresholds.stock_change_percent
                if indicator.stock
                else thresholds.prior_change_percent
            )
            bound = stock_limit if indicator.stock else change_limit
            floor = 2 if indicator.stock else thresholds.absolute
            if _above(moved * 100, f.prior, bound) and moved > floor:
                code = "stock-change" if indicator.stock else "implausible-change"
                findings.append(
                    _unit_finding(
                        unit,
                        code,
                        f"'{label_vi}': {format_count(f.actual, 'vi')} so với cùng kỳ"
                        f" {format_count(f.prior, 'vi')}"
                        f" ({format_change(f.change_vs_prior, 'vi', report.precision)}),"
                        f" vượt ngưỡng ±{format_plain(limit, 'vi')}%",
                        f"'{label_en}': {format_count(f.actual, 'en')} against"
                        f" {format_count(f.prior, 'en')} last period"
                        f" ({format_change(f.change_vs_prior, 'en', report.precision)}),"
                        f" beyond ±{format_plain(limit, 'en')}%",
                    )
                )
        if f.plan == 0 and f.actual > thresholds.absolute:
            # as a Cùng kỳ of 0: the whole result counts above plan in the total's percentage
            findings.append(
                _unit_finding(
                    unit,
                    "far-from-plan",
                    f"'{label_vi}': {format_count(f.actual, 'vi')} so với kế hoạch 0, cả số"
                    " này được tính là vượt kế hoạch trong % kế hoạch của số tổng; nếu đơn vị"
                    " không được giao kế hoạch, để trống ô Kế hoạch thay vì ghi 0",
                    f"'{label_en}': {format_count(f.actual, 'en')} against a plan of 0, all"
                    " of it counted above plan in the total's % of plan; if the unit was given"
                    " no plan, leave Kế hoạch blank, not 0",
                )
            )
        if (
            f.plan is not None
            and f.plan > 0
            and abs(f.actual - f.plan) > thresholds.absolute
            and (
                _below(f.actual * 100, f.plan, plan_low)
                or _above(f.actual * 100, f.plan, plan_high)
            )
        ):
            findings.append(
                _unit_finding(
                    unit,
                    "far-from-plan",
                    f"'{label_vi}': {format_count(f.actual, 'vi')}/{format_count(f.plan, 'vi')}"
                    f" ({format_percent(f.percent_of_plan, 'vi', report.precision)} kế"
                    f" hoạch), ngoài khoảng {low_vi}%"
                    f"–{format_plain(thresholds.plan_high_percent, 'vi')}%{year_vi}",
                    f"'{label_en}': {format_count(f.actual, 'en')}/{format_count(f.plan, 'en')}"
                    f" ({format_percent(f.percent_of_plan, 'en', report.precision)} of plan),"
                    f" outside {low_en}%"
                    f"–{format_plain(thresholds.plan_high_percent, 'en')}%{year_en}",
                )
            )
    return findings


# two units' figures of a kind equal in this many non-zero numbers or more: a copy, not chance
COPIED_AT_LEAST = 6


def _numbers(
    units: list[UnitFigures],
) -> tuple[tuple[str, int | None, int | None, int | None], ...]:
    """A unit's figures of a kind, in an order that does not depend on the units'."""
    return tuple(
        sorted(
            (u.figures.indicator, u.figures.plan, u.figures.actual, u.figures.prior) for u in units
        )
    )


def copied_figures(report: Report, catalogue: Catalogue) -> list[Finding]:
    """Two units whose every figure of a kind (admission, organization, inspection) is the
    same, in at least COPIED_AT_LEAST non-zero numbers: one unit most likely sent the other's
    workbook with only its title changed. A warning naming both units and their files (the
    figures are counted as read: which unit's they are cannot be told)."""
    kind_of = {name: name.split(".", 1)[0] for name in catalogue.indicators}
    by_kind: dict[tuple[str, str], list[UnitFigures]] = {}
    for unit in report.units:
        indicator = unit.figures.indicator
        kind = kind_of.get(indicator) or indicator.split(".", 1)[0]
        by_kind.setdefault((unit.code, kind), []).append(unit)
    # (kind, hash of the numbers) -> the units first met with them, each one's figures of
    # the kind: the numbers are made again to be compared, not held (a national roll-up
    # would hold a tuple per figure), but for the units met again (copied: a few)
    seen: dict[str, dict[int, list[UnitFigures]]] = {}
    met_again: dict[int, tuple[tuple[str, int | None, int | None, int | None], ...]] = {}
    others: dict[tuple[str, int], list[list[UnitFigures]]] = {}  # a hash met twice
    pairs: dict[tuple[str, str], tuple[UnitFigures, UnitFigures, int]] = {}
    for (_code, kind), units in by_kind.items():
        numbers = _numbers(units)
        # the indicators' names are never empty: each row's first item is no number
        if sum(map(bool, chain.from_iterable(numbers))) - len(numbers) < COPIED_AT_LEAST:
            continue
        of_kind = seen.setdefault(kind, {})
        held = of_kind.setdefault(hash(numbers), units)
        if held is units:
            continue
        held_numbers = met_again.get(id(held))
        if held_numbers is None:
            held_numbers = met_again[id(held)] = _numbers(held)
        if held_numbers != numbers:  # other numbers with the same hash
            met = others.setdefault((kind, hash(numbers)), [])
            same = next((held for held in met if _numbers(held) == numbers), None)
            if same is None:
                met.append(units)
                continue
            held = same
        first = held[0]
        pair = (first.code, units[0].code)
        _, here, count = pairs.get(pair, (first, units[0], 0))
        pairs[pair] = (first, here, count + len(numbers))
    findings: list[Finding] = []
    file_of: dict[int, str] = {}  # the first unit's file, named in each of its copies
    for first, here, count in pairs.values():  # one finding per pair of units
        if _sheet_of(first) == _sheet_of(here) != ("?", "?"):
            continue  # two rows one clerk typed in one sheet: no workbook sent for another's
        first_file = file_of.get(id(first))
        if first_file is None:
            first_file = file_of[id(first)] = _file_of(first)
        files = [first_file, _file_of(here)]
        if files[0] == files[1]:
            # two sheets of one workbook (a sheet per commune, one copied from another):
            # the sheets are what tells them apart (trial 47)
            files = ["!".join(_sheet_of(first)), "!".join(_sheet_of(here))]
        findings.append(
            _unit_finding(
                here,
                "copied-figures",
                f"{here.name} và {first.name} có số liệu giống hệt nhau ở cả {count} chỉ"
                f" tiêu ({files[1]} và {files[0]}): có thể một đơn vị gửi nhầm bản của"
                " đơn vị kia; kiểm tra lại với hai đơn vị",
                f"{here.name} and {first.name} have the same figures in all {count}"
                f" indicators ({files[1]} and {files[0]}): one unit may have sent the"
                " other's workbook; check with both units",
                of_indicator=False,
            )
        )
    return findings


def _shown_cells(unit: UnitFigures) -> Cells | None:
    """The cells a finding on a unit's figures points at: the actual's, else the first
    measure's it has."""
    indicator, get = unit.figures.indicator, unit.held.get
    actual = get((indicator, "actual"))
    if actual:
        return actual
    return next((c for m in MEASURES if (c := get((indicator, m))) is not None), None)


def _file_of(unit: UnitFigures) -> str:
    cells = _shown_cells(unit)
    return cells[0].source.file if cells else "?"


def _sheet_of(unit: UnitFigures) -> tuple[str, str]:
    cells = _shown_cells(unit)
    return (cells[0].source.file, cells[0].source.sheet) if cells else ("?", "?")


def _above(numerator: Number, denominator: Number, bound: Fraction) -> bool:
    """numerator / denominator > bound, for a positive denominator, without a Fraction."""
    return numerator * bound.denominator > bound.numerator * denominator


def _below(numerator: Number, denominator: Number, bound: Fraction) -> bool:
    """numerator / denominator < bound, for a positive denominator."""
    return numerator * bound.denominator < bound.numerator * denominator


def _unit_finding(
    unit: UnitFigures, code: str, vi: str, en: str, *, of_indicator: bool = True
) -> Finding:
    """A warning on a unit's figures of an indicator (`of_indicator`) or of all it sent."""
    cells = _shown_cells(unit)
    source = cells[0].source if cells else None
    cell = cells.describe().rsplit("!", 1)[-1] if cells else None
    return Finding(
        code,
        Severity.WARNING,
        vi,
        en,
        source.file if source else None,
        source.sheet if source else None,
        cell,
        unit.name,
        unit.figures.indicator if of_indicator else None,
    )
