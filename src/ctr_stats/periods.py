"""One period per run: the period the files' titles name (or the one given, when they name
none), each sheet of another period named and left out, and last period's files checked to
be the same span one year earlier. A sheet whose title names a period ctr-stats cannot take
(the last 6 months of a year, one month, a span from October) is named and left out too:
never read as another period."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .errors import UsageError
from .layout import SheetData
from .model import Finding, Period, Severity
from .render.numbers import format_count
from .text import fold


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
        if sheet.period is None and sheet.other_period is not None:
            periods.append(None)  # its own title's words stand, not its workbook's
            continue
        own = sheet.period or (next(iter(named)) if len(named) == 1 else None)
        periods.append(own or _named_by_name(sheet)[0])
    return periods


def _named_by_name(sheet: SheetData) -> tuple[Period | None, str]:
    """Where no title names a period: the months its sheet's name, else its file's name,
    gives ("KN 6T2022", "ba-dinh-9t-2022.xlsx", "Ba Dinh 9T.2025"), and that name; (None,
    "") when neither does. A year alone ("bao-cao-2023") tells no span, and is not read."""
    for name in (sheet.sheet, Path(sheet.file).stem):
        found = _MONTHS_IN_A_NAME.search(fold(name))
        if found and 1 <= int(found.group(1)) <= 12:
            return Period(int(found.group(2)), int(found.group(1))), name
    return None, ""


# "6T2022", "9t-2022", "9T.2025", "6 thang 2022" in a sheet's or a file's name
_MONTHS_IN_A_NAME = re.compile(r"(?<![\d])(\d{1,2}) ?(?:t|thang)[ ._-]*((?:19|20)\d\d)(?!\d)")


def other_periods(
    sheets: Sequence[SheetData], periods: Sequence[Period | None]
) -> list[SheetData | None]:
    """For each sheet, the sheet whose title names a period ctr-stats cannot take that it
    stands under: itself, or for a sheet with no period of its own or its workbook's, the
    workbook's sheet that names one ("6 THÁNG CUỐI NĂM 2023" above the first sheet only);
    None for the others."""
    by_file: dict[str, SheetData] = {}
    for sheet in sheets:
        if sheet.other_period is not None:
            by_file.setdefault(sheet.file, sheet)
    return [
        sheet
        if sheet.other_period is not None
        else (by_file.get(sheet.file) if own is None else None)
        for sheet, own in zip(sheets, periods, strict=True)
    ]


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
    each other one, a `period-unsupported` error for each sheet under a period ctr-stats
    cannot take: their figures are not added."""
    kept: list[SheetData] = []
    findings: list[Finding] = []
    named: set[tuple[str, str]] = set()
    # where other files' titles name the run's period, a file naming none is taken as of it,
    # and said to be (a 6-month file with no title in a 9-month folder would pass unseen)
    titles_name_it = period is not None and any(own == period for own in periods)
    assumed: set[str] = set()
    if period is None and any(sheet.rows for sheet in sheets):
        findings.append(_unknown())
    for sheet, own, other in zip(sheets, periods, other_periods(sheets, periods), strict=True):
        if other is not None:
            if (sheet.file, sheet.sheet) not in named:  # a sheet's further tables: once
                named.add((sheet.file, sheet.sheet))
                findings.append(unsupported(sheet, other))
            continue
        if own is None and titles_name_it and sheet.rows and sheet.file not in assumed:
            assert period is not None
            assumed.add(sheet.file)
            findings.append(_assumed(sheet, period))
        if own is None or period is None or own == period:
            kept.append(sheet)
            continue
        # the title's line that says so, where the sheet's own title does; else the name
        said = sheet.period == own and sheet.period_cell is not None
        where_vi = f" (ô {sheet.period_cell}: '{sheet.period_words}')" if said else ""
        where_en = f" ({sheet.period_cell}: '{sheet.period_words}')" if said else ""
        by_name, name = _named_by_name(sheet) if sheet.period is None else (None, "")
        if by_name == own and name:
            where_vi, where_en = f" (tên '{name}')", f" (the name '{name}')"
        findings.append(
            Finding(
                "period-mismatch",
                Severity.ERROR,
                f"trang tính ghi kỳ '{own.label('vi')}'{where_vi}, khác kỳ của lần chạy"
                f" '{period.label('vi')}': số liệu của nó không được cộng; nếu tiêu đề ghi"
                " sai kỳ, sửa lại tiêu đề",
                f"the sheet is for {own.label('en')}{where_en}, the run for"
                f" {period.label('en')}: its figures are not added; if its title names the"
                " wrong period, correct it",
                sheet.file,
                sheet.sheet,
                sheet.period_cell if said else None,
            )
        )
    return kept, findings


def _unknown() -> Finding:
    return Finding(
        "period-unknown",
        Severity.WARNING,
        "không tệp nào ghi kỳ báo cáo ở tiêu đề: kết quả không ghi kỳ, và không so được kỳ"
        " của từng tệp; ghi kỳ bằng --period (như --period 2023-h1)",
        "no file's title names its period: the results name none, and no file's period"
        " could be checked; give it with --period (such as --period 2023-h1)",
    )


def _assumed(sheet: SheetData, period: Period) -> Finding:
    return Finding(
        "period-assumed",
        Severity.WARNING,
        f"không trang tính nào của tệp ghi kỳ báo cáo: số liệu được coi là của kỳ"
        f" '{period.label('vi')}' như các tệp khác; nếu không phải, ghi kỳ vào tiêu đề"
        " hoặc bỏ tệp ra",
        f"no sheet of the file names its period: its figures are taken as of"
        f" {period.label('en')}, as the other files' are; if they are not, name the period"
        " in its title or take the file out",
        sheet.file,
    )


def unsupported(sheet: SheetData, named_by: SheetData) -> Finding:
    """The `period-unsupported` error of a sheet under a title naming a period ctr-stats
    cannot take (`named_by`: the sheet whose title it is)."""
    other = named_by.other_period
    assert other is not None
    rule_vi = (
        "ctr-stats chỉ tính năm, quý hoặc số tháng tính từ tháng 1, và không đọc nó thành"
        " kỳ khác: số liệu của trang tính không được cộng"
    )
    rule_en = (
        "ctr-stats takes a year, a quarter or the months from January, and reads it as no"
        " other period: the sheet's figures are not added"
    )
    if named_by is sheet or named_by.sheet == sheet.sheet:
        return Finding(
            "period-unsupported",
            Severity.ERROR,
            f"tiêu đề '{other.words}' ghi kỳ báo cáo là {other.reason('vi')}; {rule_vi}",
            f"the title '{other.words}' names {other.reason('en')}; {rule_en}",
            sheet.file,
            sheet.sheet,
            other.cell or None,
        )
    where = f"{named_by.sheet}!{other.cell}" if other.cell else named_by.sheet
    return Finding(
        "period-unsupported",
        Severity.ERROR,
        f"trang tính không ghi kỳ, và tệp của nó ghi '{other.words}' ({where}), là"
        f" {other.reason('vi')}; {rule_vi}",
        f"the sheet names no period, and its workbook names '{other.words}' ({where}),"
        f" {other.reason('en')}; {rule_en}",
        sheet.file,
        sheet.sheet,
    )


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
