"""One period per run: the period the files' titles name (or the one given, when they name
none), each sheet of another period named and left out, and last period's files checked to
be the same span one year earlier."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .errors import UsageError
from .layout import SheetData
from .model import Finding, Period, Severity
from .render.numbers import format_count


def file_periods(sheets: Sequence[SheetData]) -> list[Period | None]:
    """Each sheet's period: its title's, else the one the other sheets of its file agree on
    (a workbook's second sheet often has no title block of its own), else None."""
    by_file: dict[str, set[Period]] = {}
    for sheet in sheets:
        if sheet.period is not None:
            by_file.setdefault(sheet.file, set()).add(sheet.period)
    periods: list[Period | None] = []
    for sheet in sheets:
        named = by_file.get(sheet.file, set())
        periods.append(sheet.period or (next(iter(named)) if len(named) == 1 else None))
    return periods


def run_period(
    sheets: Sequence[SheetData],
    periods: Sequence[Period | None],
    given: Period | None = None,
    given_by: str = "--period",
) -> Period | None:
    """The run's period: `given` (from `given_by`) when the files agree with it or name
    none; else the one most sheets with figures name. A given period no file names while
    they name others, or two periods named equally often, is a usage error: never a relabel,
    never a guess."""
    named = [(s, p) for s, p in zip(sheets, periods, strict=True) if p is not None]
    if given is not None:
        if named and all(p != given for _, p in named):
            raise UsageError(
                f"{given_by} là {given.label('vi')}, nhưng tiêu đề các tệp ghi"
                f" {_describe(named, 'vi')}: hãy bỏ hoặc sửa {given_by}",
                f"{given_by} says {given.label('en')}, but the files' titles say"
                f" {_describe(named, 'en')}: leave out or correct {given_by}",
            )
        return given
    voting = [p for s, p in named if s.rows] or [p for _, p in named]
    ranked = Counter(voting).most_common(2)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        prior = given_by == "--prior"
        raise UsageError(
            ("--prior: " if prior else "")
            + f"các tệp ghi nhiều kỳ báo cáo, không kỳ nào nhiều hơn: {_describe(named, 'vi')};"
            + (
                " hãy bỏ các tệp khác kỳ"
                if prior
                else " hãy bỏ các tệp khác kỳ, hoặc chọn kỳ bằng --period"
            ),
            ("--prior: " if prior else "")
            + f"the files name several periods, none more often: {_describe(named, 'en')};"
            + (
                " remove the files of another period"
                if prior
                else " remove the files of another period, or choose one with --period"
            ),
        )
    return ranked[0][0]


def mismatches(
    sheets: Sequence[SheetData], periods: Sequence[Period | None], period: Period | None
) -> tuple[list[SheetData], list[Finding]]:
    """The sheets of the run's period (or naming none), and a `period-mismatch` error for
    each other one: its figures are not added."""
    kept: list[SheetData] = []
    findings: list[Finding] = []
    for sheet, own in zip(sheets, periods, strict=True):
        if own is None or period is None or own == period:
            kept.append(sheet)
            continue
        findings.append(
            Finding(
                "period-mismatch",
                Severity.ERROR,
                f"trang tính ghi kỳ '{own.label('vi')}', khác kỳ của lần chạy"
                f" '{period.label('vi')}': số liệu của nó không được cộng",
                f"the sheet is for {own.label('en')}, the run for {period.label('en')}:"
                " its figures are not added",
                sheet.file,
                sheet.sheet,
            )
        )
    return kept, findings


def year_before(period: Period) -> Period:
    """The same span one year earlier: what Cùng kỳ is."""
    return Period(period.year - 1, period.months, period.quarter)


def check_prior(prior: Period | None, period: Period | None) -> None:
    """Last period's files must be the same span one year earlier, when both are known."""
    if prior is None or period is None or prior == year_before(period):
        return
    expected = year_before(period)
    raise UsageError(
        f"--prior là {prior.label('vi')}, không phải cùng kỳ của {period.label('vi')}"
        f" (cần {expected.label('vi')})",
        f"--prior is for {prior.label('en')}, not the same period of last year for"
        f" {period.label('en')} (that is {expected.label('en')})",
    )


def _describe(named: Sequence[tuple[SheetData, Period]], lang: str) -> str:
    """'năm 2023 (29 tệp), 6 tháng đầu năm 2022 (1 tệp: 2023/ba-dinh-2022.xlsx)'."""
    files: dict[Period, list[str]] = {}
    for sheet, period in named:
        held = files.setdefault(period, [])
        if sheet.file not in held:
            held.append(sheet.file)
    word = "tệp" if lang == "vi" else "file(s)"
    parts = []
    for period, names in sorted(files.items(), key=lambda item: -len(item[1])):
        listed = f": {', '.join(names)}" if len(names) <= 3 else ""
        parts.append(f"{period.label(lang)} ({format_count(len(names), lang)} {word}{listed})")
    return ", ".join(parts)
