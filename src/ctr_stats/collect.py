"""Sheets -> each unit's cells for each indicator and measure, with the findings of
attribution: unknown or ambiguous units, units reported twice, totals that do not add up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue, Unit
from .layout import Key, Row, SheetData, column_range, total_of
from .model import Cell, Finding, Period, Severity
from .units import UnitMatcher


@dataclass
class Collected:
    """Every unit's cells, by (indicator, measure)."""

    cells: dict[str, dict[Key, list[Cell]]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # (unit code, indicator) -> "file!sheet" that reported it first
    reported_by: dict[tuple[str, str], str] = field(default_factory=dict)
    # every row attributed to a unit, for the row-by-row checks
    rows: list[tuple[SheetData, Row, Unit]] = field(default_factory=list)


def common_period(sheets: list[SheetData]) -> tuple[Period | None, list[Finding]]:
    """The period most sheets name, and a finding for each sheet naming another."""
    counts = Counter(s.period for s in sheets if s.period)
    if not counts:
        return None, []
    period = counts.most_common(1)[0][0]
    return period, [
        Finding(
            "period-mismatch",
            Severity.ERROR,
            f"trang tính ghi kỳ '{s.period.label('vi')}', khác kỳ của lần chạy '{period.label('vi')}'",
            f"the sheet is for {s.period.label('en')}, the run for {period.label('en')}",
            s.file,
            s.sheet,
        )
        for s in sheets
        if s.period and s.period != period
    ]


def collect(sheets: list[SheetData], matcher: UnitMatcher, catalogue: Catalogue) -> Collected:
    result = Collected()
    for sheet in sheets:
        result.findings.extend(sheet.findings)
        owner = _owner(sheet, matcher, result)
        result.findings.extend(_reconcile_totals(sheet, owner.name if owner else None))
        if owner is not None:
            _add_unit_rows(sheet, owner, list(sheet.rows), result, catalogue)
        elif sheet.layout == "indicator_rows":
            if sheet.owner is None:
                result.findings.append(
                    Finding(
                        "unknown-unit",
                        Severity.ERROR,
                        "không biết trang tính này là của đơn vị nào: ghi tên đơn vị ở tiêu đề"
                        " (ví dụ 'ĐẢNG BỘ QUẬN BA ĐÌNH') hoặc đặt tên tệp theo đơn vị",
                        "cannot tell which unit this sheet reports: name the unit in the title"
                        " (e.g. 'ĐẢNG BỘ QUẬN BA ĐÌNH') or name the file after it",
                        sheet.file,
                        sheet.sheet,
                    )
                )
        elif sheet.owner is None:
            # A consolidated sheet: every row must be a registry unit.
            for row in sheet.rows:
                unit = _match_or_report(row.label, matcher, sheet, row.label_cell, result)
                if unit is not None:
                    _add_unit_rows(sheet, unit, [row], result, catalogue)
    return result


def _owner(sheet: SheetData, matcher: UnitMatcher, result: Collected) -> Unit | None:
    """The unit a sheet belongs to: its title block, else its file name; None if neither."""
    if sheet.owner is not None:
        return _match_or_report(sheet.owner_text or sheet.owner, matcher, sheet, None, result)
    if sheet.names_city:
        return None
    by_file = matcher.match(Path(sheet.file).stem.replace("-", " ").replace("_", " "))
    return by_file.unit


def _match_or_report(
    text: str, matcher: UnitMatcher, sheet: SheetData, cell: str | None, result: Collected
) -> Unit | None:
    match = matcher.match(text)
    if match.unit is not None:
        return match.unit
    if match.candidates:
        names = ", ".join(f"{u.full_name} ({u.code})" for u in match.candidates)
        result.findings.append(
            Finding(
                "ambiguous-unit",
                Severity.ERROR,
                f"'{text}' khớp với nhiều đơn vị: {names}",
                f"'{text}' matches several units: {names}",
                sheet.file,
                sheet.sheet,
                cell,
                text,
            )
        )
        return None
    hint = ", ".join(match.suggestions)
    result.findings.append(
        Finding(
            "unknown-unit",
            Severity.ERROR,
            f"'{text}' không có trong danh mục {matcher.registry.name}"
            + (f"; có phải: {hint}?" if hint else ""),
            f"'{text}' is not in registry {matcher.registry.name}"
            + (f"; did you mean: {hint}?" if hint else ""),
            sheet.file,
            sheet.sheet,
            cell,
            text,
        )
    )
    return None


def _add_unit_rows(
    sheet: SheetData, unit: Unit, rows: list[Row], result: Collected, catalogue: Catalogue
) -> None:
    where = f"{sheet.file}!{sheet.sheet}"
    result.rows.extend((sheet, row, unit) for row in rows)
    unit_cells = result.cells.setdefault(unit.code, {})
    refused: set[str] = set()  # indicators this unit already reported from another sheet
    for indicator in sorted({key[0] for row in rows for key in row.values}):
        first = result.reported_by.setdefault((unit.code, indicator), where)
        if first != where:
            result.findings.append(
                Finding(
                    "duplicate-unit",
                    Severity.ERROR,
                    f"{unit.full_name} đã báo cáo chỉ tiêu này ở {first}; số liệu ở đây không được cộng",
                    f"{unit.full_name} already reported this indicator in {first}; not counted again",
                    sheet.file,
                    sheet.sheet,
                    None,
                    unit.name,
                    indicator,
                )
            )
            refused.add(indicator)
    for row in rows:  # one pass over the cells
        for (indicator, measure), cell in row.values.items():
            if indicator in refused:
                continue
            if cell.value != cell.value.to_integral_value():
                result.findings.append(
                    Finding(
                        "non-integer",
                        Severity.ERROR,
                        f"số đếm không phải số nguyên: {cell.text} (không được cộng)",
                        f"a count that is not a whole number: {cell.text} (not added)",
                        sheet.file,
                        sheet.sheet,
                        cell.source.cell,
                        unit.name,
                        indicator,
                    )
                )
                continue
            if cell.value < 0:
                result.findings.append(
                    Finding(
                        "negative-count",
                        Severity.ERROR,
                        f"số đếm âm: {cell.text}",
                        f"a negative count: {cell.text}",
                        sheet.file,
                        sheet.sheet,
                        cell.source.cell,
                        unit.name,
                        indicator,
                    )
                )
            unit_cells.setdefault((indicator, measure), []).append(cell)


def _reconcile_totals(sheet: SheetData, unit: str | None) -> list[Finding]:
    """The sheet's own total row against the sum of its rows, column by column."""
    findings: list[Finding] = []
    for total_row in sheet.totals:
        keys = set(total_row.values) | {k for row in sheet.rows for k in row.values}
        for key in sorted(keys):
            stated = total_row.values.get(key)
            cells = [row.values[key] for row in sheet.rows if key in row.values]
            if stated is None:
                continue
            summed = total_of(cells)
            if summed != stated.value:
                span = column_range([c.source.cell for c in cells]) if cells else "-"
                findings.append(
                    Finding(
                        "total-mismatch",
                        Severity.ERROR,
                        f"dòng tổng ghi {_plain(stated.value)}, cộng các dòng ({span}) được {_plain(summed)}",
                        f"the total row says {_plain(stated.value)}, the rows ({span}) add up to {_plain(summed)}",
                        sheet.file,
                        sheet.sheet,
                        stated.source.cell,
                        unit,
                        key[0],
                    )
                )
    return findings


def _plain(value: object) -> str:
    return format(value, "f") if not isinstance(value, str) else value
