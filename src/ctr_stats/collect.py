"""Sheets -> each unit's cells for each indicator and measure, with the findings of
attribution: unknown or ambiguous units, units reported twice, totals that do not add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from .catalogue import Catalogue, Unit, province_registry, registry_info
from .catalogue.registry import former_province
from .layout import Key, Row, SheetData
from .layout.cells import PLAUSIBLE_COUNT
from .model import (
    ByKey,
    Cells,
    Counted,
    Finding,
    Number,
    Severity,
    UnitCells,
    group_by_key,
    ranges,
)
from .numbers import NumberFormatError, parse_number
from .render.numbers import format_plain
from .reported_twice import Place, ReportedTwice
from .text import faithful, fold
from .units import UnitMatcher, ambiguous_message, found_elsewhere, unknown_message


@dataclass
class Collected:
    """Every unit's cells, by (indicator, measure): the rows that hold them."""

    cells: dict[str, UnitCells] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # unit code -> the tables its indicators' figures are counted from, and which
    # indicators each: a table's indicators share one frozenset with every unit's copy of
    # the same form (a national roll-up has a million (unit, indicator) pairs)
    counted_from: dict[str, dict[Place, frozenset[str]]] = field(default_factory=dict)
    # the rows attributed to a unit, a sheet's at a time, for the row-by-row checks
    blocks: list[tuple[SheetData, Sequence[Row], Unit]] = field(default_factory=list)
    # units found in two places, said once per pair of files when every sheet is in
    twice: ReportedTwice = field(default_factory=ReportedTwice)
    # files whose unit no sheet names
    unowned: set[str] = field(default_factory=set)
    # (file, title) of a title naming no unit known: said once for the file's sheets
    unknown_titles: set[tuple[str, str]] = field(default_factory=set)
    # figures read from a total row, no row above giving them: numbers the sheets counted
    # as checked, now used
    from_totals: int = 0
    # numbers added into a second figure: a row's by the body that did it, beside all of it
    again: int = 0
    _indicators: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    def place_of(self, unit: str, indicator: str) -> Place | None:
        """The table a unit's figures of an indicator are counted from (the first to give
        them, or the newer of two that differ); None before any gave them."""
        for place, indicators in self.counted_from.get(unit, {}).items():
            if indicator in indicators:
                return place
        return None

    def count_from(self, unit: str, place: Place, indicators: frozenset[str]) -> None:
        """Count a unit's figures of `indicators` from `place` (from now on)."""
        tables = self.counted_from.setdefault(unit, {})
        for other, held in list(tables.items()):
            if other != place and not held.isdisjoint(indicators):
                if held <= indicators:
                    del tables[other]
                else:
                    tables[other] = self._shared(held - indicators)
        tables[place] = self._shared(tables.get(place, frozenset()) | indicators)

    def _shared(self, indicators: frozenset[str]) -> frozenset[str]:
        return self._indicators.setdefault(indicators, indicators)

    def counted_where(self, unit: str, indicator: str) -> str:
        """'file!sheet' (with '!A46' for a sheet's further table) a unit's figures of an
        indicator are counted from, "" if none."""
        place = self.place_of(unit, indicator)
        return "" if place is None else _where(place)

    def sheet_units(self) -> dict[str, str]:
        """ "file!sheet" -> the code of the unit a one-unit sheet belongs to (its rows are
        attributed to that unit whole)."""
        return {
            f"{sheet.file}!{sheet.sheet}": unit.code
            for sheet, rows, unit in self.blocks
            if rows is sheet.rows
        }


def _where(place: Place) -> str:
    """As `SheetData.where` says it."""
    return f"{place.file}!{place.sheet}" + (f"!{place.part}" if place.part else "")


def collect(sheets: list[SheetData], matcher: UnitMatcher, catalogue: Catalogue) -> Collected:
    collector = Collector(matcher)
    for sheet in sheets:
        collector.add(sheet)
    finish(collector.result, catalogue)
    return collector.result


def finish(collected: Collected, catalogue: Catalogue) -> None:
    """What can be said only once every sheet is in: units found twice, figures missing
    for a wording not understood."""
    collected.findings.extend(collected.twice.findings(collected.counted_where))
    missing_by_wording(collected, catalogue)


class Collector:
    """Attributes sheets to units one at a time, in the order given: while files are
    still being read, when the registry is known before they are."""

    def __init__(self, matcher: UnitMatcher) -> None:
        self.matcher = matcher
        self.result = Collected()

    def add(self, sheet: SheetData) -> None:
        result, matcher = self.result, self.matcher
        result.findings.extend(sheet.findings)
        if sheet.long_owner is not None and sheet.owner is None:
            sheet = _owned_by_long_name(sheet, matcher)
        by_parent = _titled_by_its_parent(sheet, matcher)
        owner = None if by_parent else _owner(sheet, matcher, result)
        by_key = sheet.by_key()
        rows: Sequence[Row] = sheet.rows
        if sheet.totals and owner is not None:
            whole_only = _on_the_total_only(sheet, by_key)
            if whole_only:
                by_key = {**by_key, **whole_only}
                rows = list(rows)  # not the sheet's table as it is: its total adds figures
                result.from_totals += len(whole_only)
        if sheet.totals:
            result.findings.extend(_reconcile_totals(sheet, owner.name if owner else None, by_key))
        if owner is not None:
            _add_unit_rows(sheet, owner, rows, result, by_key)
            result.again += sheet.again
        elif sheet.layout != "unit_rows":
            if sheet.owner is None and sheet.rows and sheet.file not in result.unowned:
                result.unowned.add(sheet.file)  # said once per file: its sheets share a cause
                result.findings.append(_unowned(sheet, matcher))
        elif sheet.owner is None or by_parent:
            # A consolidated sheet: every row must be a registry unit.
            elsewhere = _of_another_province(sheet, None, matcher) if sheet.owner is None else None
            if elsewhere is not None:  # another province's sheet: its rows are none of ours
                result.findings.append(elsewhere)
                return
            hint = _city_title_hint(sheet, matcher)
            if not hint[0]:
                hint = _file_name_elsewhere_hint(sheet, matcher)
            place = Place(sheet.file, sheet.sheet, sheet.part)
            first_row: dict[str, Row] = {}  # each unit's first row on the sheet
            # the rows the layout named already: looked up, not searched for, row by row (a
            # sheet of 250,000 rows of three units took minutes)
            said = {f.cell for f in sheet.findings if f.code == "duplicate-row"}
            for row in sheet.rows:
                unit = _match_or_report(row.label, matcher, sheet, row.label_cell, result, hint)
                if unit is None:
                    continue
                earlier = first_row.setdefault(unit.code, row)
                if earlier is not row:
                    repeated = _unit_on_two_rows(sheet, unit, earlier, row, said)
                    if repeated is not None:
                        result.findings.append(repeated)
                _add_unit_rows(sheet, unit, (row,), result, group_by_key((row,)), place)


def _unit_on_two_rows(
    sheet: SheetData, unit: Unit, first: Row, again: Row, said: set[str | None]
) -> Finding | None:
    """A registry unit on two rows of one consolidated sheet (a corrected line pasted below,
    the old one left): both are added, as a row typed twice is, and the run fails until the
    user deletes one. None when the layout said so already (`said`: the cells of its
    duplicate-row findings, one name on two rows of a flat list)."""
    if again.label_cell in said:
        return None
    if _alias_in(unit, first.label) != _alias_in(unit, again.label):
        return None  # two units merged into one, each by its own alias: added up
    rows = f"{first.label_cell} ({first.label}) và {again.label_cell} ({again.label})"
    rows_en = f"{first.label_cell} ({first.label}) and {again.label_cell} ({again.label})"
    same = first.amounts == again.amounts
    return Finding(
        "duplicate-unit",
        Severity.ERROR,
        f"{unit.full_name} có ở hai dòng của trang tính: {rows}, số liệu"
        f" {'giống hệt nhau' if same else 'khác nhau'}; cả hai được cộng: xóa dòng thừa",
        f"{unit.full_name} is on two rows of the sheet: {rows_en}, with"
        f" {'the same' if same else 'different'} figures; both are added: delete the extra one",
        sheet.file,
        sheet.sheet,
        again.label_cell,
        unit.name,
    )


def _alias_in(unit: Unit, label: str) -> str:
    """The alias of the unit a row's label names it by (the longest), '' for its name."""
    key = f" {fold(label)} "
    found = [alias for alias in unit.aliases if f" {fold(alias)} " in key]
    return max(found, key=len) if found else ""


def _unowned(sheet: SheetData, matcher: UnitMatcher) -> Finding:
    """A one-unit sheet (criteria or types of organization down the rows) whose unit
    neither its title nor its file name says; with what the title and the file name do
    say, and a title of the registry in use to copy."""
    named = unit_of_file_name(Path(sheet.file).stem, matcher) if sheet.names_city else None
    if named is not None:  # the unit's line of the title left empty, the city's kept
        title = _title_naming(named)
        return Finding(
            "unknown-unit",
            Severity.ERROR,
            f"tiêu đề chỉ ghi tên thành phố ({sheet.city_text}), nên không biết trang tính"
            f" này là của đơn vị nào; tên tệp ghi {named.full_name}: nếu là báo cáo của đơn"
            f" vị ấy, hãy ghi tên đơn vị vào tiêu đề ('{title}')",
            f"the title names the city only ({sheet.city_text}), so which unit this sheet"
            f" reports cannot be told; the file name says {named.full_name}: if it is that"
            f" unit's report, write the unit in the title ('{title}')",
            sheet.file,
            sheet.sheet,
        )
    units = matcher.registry.units
    example = _title_naming(units[0]) if units else "ĐẢNG BỘ PHƯỜNG BA ĐÌNH"
    return Finding(
        "unknown-unit",
        Severity.ERROR,
        "không biết trang tính này là của đơn vị nào: ghi tên đơn vị ở tiêu đề"
        f" (ví dụ '{example}') hoặc đặt tên tệp theo đơn vị",
        "cannot tell which unit this sheet reports: name the unit in the title"
        f" (e.g. '{example}') or name the file after it",
        sheet.file,
        sheet.sheet,
    )


def _title_naming(unit: Unit) -> str:
    """A title line naming a unit: 'ĐẢNG BỘ PHƯỜNG BA ĐÌNH'; a unit named as a party body
    already ('Chi bộ Tổ dân phố số 1', 'Đảng ủy Khối …') by its name alone."""
    name = unit.full_name.upper()
    named_as_body = fold(unit.full_name).startswith(("chi bo", "dang bo", "dang uy"))
    return name if named_as_body else f"ĐẢNG BỘ {name}"


def missing_by_wording(collected: Collected, catalogue: Catalogue) -> None:
    """A row or column close to an indicator but worded in a way not understood is a
    warning, unless its unit then lacks a figure most other units report: that indicator's
    (a plan or last year's figure under a measure word not understood: "Lũy kế", "Ước TH"),
    or, failing one, another of its kind's (admission, party_cell, inspection). Its figure
    would drop out of the total without a word, so it is an error. A row or column close
    to no indicator ("Kỷ luật" › "Khiển trách" on a title that names neither members nor
    organizations) is judged by the kind its sheet's other figures are of."""
    worded = [
        n
        for n, finding in enumerate(collected.findings)
        if finding.code in ("unknown-criterion", "unknown-column")
        and finding.severity is not Severity.ERROR
        and not finding.percentages
    ]
    if not worded:  # the common run: nothing below is needed
        return
    reported: dict[Key, set[str]] = {}
    for code, by_key in collected.cells.items():
        for key in by_key:
            reported.setdefault(key, set()).add(code)
    units = len(collected.cells)
    kinds = _sheet_kinds(collected)
    sheet_units = collected.sheet_units()
    sheet_measures: dict[str, frozenset[str]] = {}
    for sheet, _, _ in collected.blocks:  # a sheet's tables together
        where = f"{sheet.file}!{sheet.sheet}"
        own: frozenset[str] = frozenset(c.measure for c in sheet.columns if c.measure)
        sheet_measures[where] = sheet_measures.get(where, frozenset()) | own
    # sheets with figures already refused in an error (a hidden row, a cell not a number):
    # a figure their unit lacks is that error's, not a wording's that names no indicator
    refused = {
        f"{f.file}!{f.sheet}"
        for f in collected.findings
        if f.severity is Severity.ERROR and f.code in _FIGURES_REFUSED
    }
    for n in worded:
        finding = collected.findings[n]
        where = f"{finding.file}!{finding.sheet}"
        unit = sheet_units.get(where)
        close_to = finding.indicator or (kinds.get(where) if where not in refused else None)
        if unit is None or close_to is None:
            continue
        row_measures = sheet_measures.get(where) if finding.code == "unknown-criterion" else None
        lacking = _lacking(close_to, unit, reported, units, row_measures)
        if lacking is None:
            continue
        (indicator, measure), having = lacking
        known = catalogue.indicators.get(indicator)
        vi, en = (f"'{known.label_vi}'", f"'{known.label_en}'") if known else (indicator,) * 2
        collected.findings[n] = replace(
            finding,
            severity=Severity.ERROR,
            message_vi=finding.message_vi + f"; đơn vị này vì thế không có {vi}"
            f" ({_MEASURE_VI[measure]}) mà {having} đơn vị khác có",
            message_en=finding.message_en + f"; so this unit has no {en}"
            f" ({_MEASURE_EN[measure]}), which {having} other units report",
        )


# errors that leave a sheet's figures out, each naming its cells
_FIGURES_REFUSED = frozenset(
    {"hidden-row", "not-a-number", "merged-figure", "unlabelled-row", "duplicate-criterion"}
)


def _sheet_kinds(collected: Collected) -> dict[str, str]:
    """'file!sheet' -> the kind of indicator its figures are of ("admission."), where they
    are of one kind."""
    found: dict[str, set[str]] = {}
    of_counted: dict[Counted, frozenset[str]] = {}  # rows share a Counted per column layout
    for sheet, rows, _ in collected.blocks:
        kinds = found.setdefault(f"{sheet.file}!{sheet.sheet}", set())
        for counted in dict.fromkeys(row.counted for row in rows):
            own = of_counted.get(counted)
            if own is None:
                own = of_counted[counted] = frozenset(
                    key[0].split(".", 1)[0] + "." for key in counted.keys
                )
            kinds.update(own)
    return {where: kinds.pop() for where, kinds in found.items() if len(kinds) == 1}


_MEASURE_VI = {"plan": "kế hoạch", "actual": "thực hiện", "prior": "cùng kỳ"}
_MEASURE_EN = {"plan": "plan", "actual": "actual", "prior": "last year"}


def _lacking(
    close_to: str,
    unit: str,
    reported: dict[Key, set[str]],
    units: int,
    measures: frozenset[str] | None = None,
) -> tuple[Key, int] | None:
    """The figure a unit lacks that an unread row or column close to `close_to` may hold,
    with how many other units report it: one of `close_to`'s measures that any other unit
    reports, else one of its kind's that most other units report. `close_to` may be a
    kind alone ("admission."). `measures`: those a row's cells can be (its sheet's
    columns'): a form with no Kế hoạch column holds no plan in any row."""
    kind = close_to.split(".", 1)[0] + "."
    held = (
        reported.items()
        if measures is None
        else [(key, having) for key, having in reported.items() if key[1] in measures]
    )
    for key, having in sorted(held):
        if key[0] == close_to and having and unit not in having:
            return key, len(having)
    for key, having in sorted(held):
        if key[0].startswith(kind) and unit not in having and 2 * len(having) > units:
            return key, len(having)
    return None


def _owner(sheet: SheetData, matcher: UnitMatcher, result: Collected) -> Unit | None:
    """The unit a sheet belongs to: its title block, else its file name; None if neither."""
    if sheet.owner is not None:
        text = sheet.owner_text or sheet.owner
        if (sheet.file, text) in result.unknown_titles:  # said for the file's first sheet
            return None
        elsewhere = _of_another_province(sheet, text, matcher)
        if elsewhere is not None:
            result.findings.append(elsewhere)
            result.unknown_titles.add((sheet.file, text))
            return None
        unit = _match_or_report(text, matcher, sheet, sheet.owner_cell, result)
        if unit is None:
            result.unknown_titles.add((sheet.file, text))
        return unit
    if sheet.names_city:
        # the city's or province's own sheet: a unit only in a registry of provinces
        if sheet.city_text is None or _rows_name_units(sheet, matcher):
            return None
        return matcher.match(sheet.city_text, suggest=False).unit
    named = unit_of_file_name(Path(sheet.file).stem, matcher)
    if named is not None and _rows_name_units(sheet, matcher):
        return None  # rows that are units: a consolidated sheet, whatever its file is named
    return named


def _of_another_province(
    sheet: SheetData, text: str | None, matcher: UnitMatcher
) -> Finding | None:
    """A unit's report (`text`: the unit its title names; None: a consolidated sheet) whose
    title names another province than the registry's ("THÀNH ỦY ĐÀ NẴNG" over "ĐẢNG ỦY
    PHƯỜNG HƯƠNG TRÀ", read with Huế's registry): another unit of the same name, or that
    province's sheet, never counted as the registry's."""
    if sheet.province is None:
        return None
    ours = registry_info(matcher.registry.name.split("+")[0])
    if ours is None:  # the user's own registry: of no province the tool knows
        return None
    theirs = province_registry(sheet.province)
    if theirs is None or theirs.province_key == ours.province_key:
        return None
    # a province merged into another on 1 July 2025: named as the title names it
    former = former_province(sheet.province)
    named = f"{former} (nay thuộc {theirs.province})" if former else theirs.province
    named_en = f"{former} (now part of {theirs.province})" if former else theirs.province
    said = f"tiêu đề ghi {named}, không phải {ours.province} (danh mục {matcher.registry.name})"
    said_en = f"the title names {named_en}, not {ours.province} (registry {matcher.registry.name})"
    if text is None:
        what = f"trang tính của {theirs.province}, không đọc"
        what_en = f"a sheet of {theirs.province}, not read"
    else:
        what = f"'{text}' là đơn vị của {theirs.province}, không cộng"
        what_en = f"'{text}' is a unit of {theirs.province}, not added"
    return Finding(
        "unknown-unit",
        Severity.ERROR,
        f"{said}: {what}",
        f"{said_en}: {what_en}",
        sheet.file,
        sheet.sheet,
        sheet.owner_cell,
        text,
    )


def _owned_by_long_name(sheet: SheetData, matcher: UnitMatcher) -> SheetData:
    """The sheet as its unit's own where its title names a committee by a long name the
    registry holds ("ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO") and its rows are no registry units,
    or names one it does not hold and no row is a unit; else as it is (a long title line
    over a consolidated sheet)."""
    assert sheet.long_owner is not None
    text, cell = sheet.long_owner
    if sheet.layout != "unit_rows" or _rows_name_units(sheet, matcher):
        return sheet
    if matcher.match(text, suggest=False).unit is None and any(
        matcher.match(row.label, suggest=False).unit is not None for row in sheet.rows
    ):
        return sheet
    # the registry's unit; or where no row is a unit either, the title's unknown name is
    # said once, at its cell, not each of the committee's own rows as an unknown unit
    return replace(sheet, owner=fold(text), owner_text=text, owner_cell=cell, names_city=False)


def _titled_by_its_parent(sheet: SheetData, matcher: UnitMatcher) -> bool:
    """Whether a sheet whose rows are the registry's units is headed by a committee the
    registry does not hold: "ĐẢNG BỘ HUYỆN THIỆU HOÁ" over its communes' rows is the
    district that consolidated them, not a unit of the sheet."""
    if sheet.owner is None or sheet.layout != "unit_rows":
        return False
    text = sheet.owner_text or sheet.owner
    match = matcher.match(text, suggest=False)
    if match.unit is None:
        return _rows_name_units(sheet, matcher)
    # "ĐẢNG BỘ PHÚ LỘC", the old district's committee with its type word left out, over
    # rows "Xã Phú Lộc", "Xã Vinh Lộc", …: the communes' rows, typed as units are, are no
    # organizations of Xã Phú Lộc (bare village names, "Vinh Lộc", may be)
    return not _typed(text, match.unit) and _rows_name_units(sheet, matcher, typed=True)


def _typed(text: str, unit: Unit) -> bool:
    """Whether a name is written with its unit's type ("Xã Vinh Lộc", "ĐẢNG ỦY XÃ …")."""
    return unit.full_name != unit.name and f" {fold(unit.full_name)} " in f" {fold(text)} "


def _rows_name_units(sheet: SheetData, matcher: UnitMatcher, typed: bool = False) -> bool:
    """Whether half or more of a unit-rows sheet's rows are units of the registry (`typed`:
    named with their type, "Xã Vinh Lộc"), two of them at least."""
    if sheet.layout != "unit_rows" or not sheet.rows:
        return False
    found = [
        unit
        for row in sheet.rows
        if (unit := matcher.match(row.label, suggest=False).unit) is not None
        and (not typed or _typed(row.label, unit))
    ]
    return 2 * len(found) >= len(sheet.rows) and (not typed or len(set(found)) >= 2)


# what a clerk puts around a unit's name in a file name: "Báo cáo 2025 - Phường Ba Đình",
# "Xã Đông Anh (bản sửa)", "BC năm 2025, P. Hoàn Kiếm"
_FILE_NAME_PARTS = re.compile(r"\s[-–]\s|[–(),\[\]_]")


def unit_of_file_name(stem: str, matcher: UnitMatcher) -> Unit | None:
    """The unit a file name names: the whole name ("dong-anh", "Phường Ba Đình"), else the
    one unit its parts name ("Báo cáo 2025 - Phường Ba Đình"); None when no part names a
    unit or two parts name different units."""
    # (no suggestions: only a unit is wanted, and suggesting is a fuzzy search of the registry)
    spaced = stem.replace("-", " ").replace("_", " ")
    whole = matcher.match(spaced, suggest=False).unit
    if whole is None and "_" in stem:  # "kim_long_2025": words joined by '_', a year after
        whole = _unit_of_part(spaced, matcher)
    if whole is not None:
        return whole
    found = {
        unit.code: unit
        for part in _FILE_NAME_PARTS.split(stem)
        if part.strip() and (unit := _unit_of_part(part.replace("-", " ").strip(), matcher))
    }
    if len(found) == 1:
        return next(iter(found.values()))
    return None if found else _unit_after_type_word(stem, matcher)


def _unit_of_part(part: str, matcher: UnitMatcher) -> Unit | None:
    """The unit a part of a file name names, as written or without the code or period
    written with it ("00004 Ba Đình", "Ba Đình 9T.2025", "Ba Dinh 2025")."""
    unit = matcher.match(part, suggest=False).unit
    if unit is not None:
        return unit
    words = part.split()
    while words and _HAS_DIGIT.search(words[0]):
        words.pop(0)
    while words and _HAS_DIGIT.search(words[-1]):
        words.pop()
    if not words or len(words) == len(part.split()):
        return None
    return matcher.match(" ".join(words), suggest=False).unit


_HAS_DIGIT = re.compile(r"\d")


# the words a unit's type is written with in a file name, folded ("xa", "phuong", "thi tran")
_TYPE_FIRST = frozenset({"xa", "phuong", "quan", "huyen", "thi", "thanh", "dac"})


def _unit_after_type_word(stem: str, matcher: UnitMatcher) -> Unit | None:
    """The unit named from a type word on, in a name with words before or after it that
    are not separated from it ("DU xa Gia Lam", "BC 6T DB phuong Ba Dinh 2025"): from each
    type word, the longest run of words that is a unit; None unless exactly one unit is so
    named."""
    found: dict[str, Unit] = {}
    for runs in _runs_after_type_words(stem):
        unit = next(filter(None, (matcher.match(run, suggest=False).unit for run in runs)), None)
        if unit is not None:
            found[unit.code] = unit
    return next(iter(found.values())) if len(found) == 1 else None


def _runs_after_type_words(stem: str) -> Iterator[list[str]]:
    """For each type word of a file name, the runs of words from it, longest first, as
    written: marks kept ("0075_Xã Cổ Đô" is Cổ Đô, not Cờ Đỏ as well)."""
    words = faithful(stem.replace("_", " ")).split()
    for first, word in enumerate(words):
        if fold(word) in _TYPE_FIRST:
            yield [" ".join(words[first:last]) for last in range(len(words), first + 1, -1)]


def _file_name_elsewhere_hint(sheet: SheetData, matcher: UnitMatcher) -> tuple[str, str]:
    """What to add to a row's unknown-unit on a sheet with no title naming a unit, whose
    file name names another province's unit ("0076_Xã Sơn Động.xlsx" in a Hanoi run):
    the file is most likely that unit's, sent to the wrong committee or read with the
    wrong registry."""
    if sheet.names_city:
        return "", ""
    stem = Path(sheet.file).stem
    for runs in _runs_after_type_words(stem):
        for run in runs:
            found = found_elsewhere(run, matcher.registry.name)
            if found:
                info, unit = found[0]
                return (
                    f"; tên tệp '{stem}' là {unit.full_name} của danh mục {info.name}"
                    f" ({info.describe('vi')}), không có trong danh mục"
                    f" {matcher.registry.name}: nếu là báo cáo của đơn vị ấy, tệp gửi nhầm"
                    " nơi hoặc cần chọn danh mục đó",
                    f"; the file name '{stem}' is {unit.full_name} of registry {info.name}"
                    f" ({info.describe('en')}), not of registry {matcher.registry.name}: if it"
                    " is that unit's report, it was sent to the wrong committee or needs that"
                    " registry",
                )
    return "", ""


def _city_title_hint(sheet: SheetData, matcher: UnitMatcher) -> tuple[str, str]:
    """What to add to a row's unknown-unit on a sheet read as the city's consolidated one
    (its title names the city and no unit) whose file name names a unit: the clerk most
    likely left the unit's line of the title empty."""
    named = unit_of_file_name(Path(sheet.file).stem, matcher) if sheet.names_city else None
    if named is None:
        return "", ""
    return (
        f"; trang tính được đọc như bảng tổng hợp của thành phố (tiêu đề chỉ ghi tên thành"
        f" phố), nên mỗi dòng phải là một đơn vị trong danh mục; nếu đây là báo cáo của"
        f" {named.full_name} như tên tệp, hãy ghi tên đơn vị vào tiêu đề"
        f" ('ĐẢNG BỘ {named.full_name.upper()}')",
        f"; the sheet is read as the city's consolidated one (its title names the city"
        f" only), so each row must be a unit of the registry; if it is {named.full_name}'s"
        f" report, as the file name says, write the unit in the title"
        f" ('ĐẢNG BỘ {named.full_name.upper()}')",
    )


def _match_or_report(
    text: str,
    matcher: UnitMatcher,
    sheet: SheetData,
    cell: str | None,
    result: Collected,
    hint: tuple[str, str] = ("", ""),
) -> Unit | None:
    match = matcher.match(text, suggest=False)
    if match.unit is not None:
        return match.unit
    if match.candidates:
        vi, en = ambiguous_message(text, match)
        result.findings.append(
            Finding("ambiguous-unit", Severity.ERROR, vi, en, sheet.file, sheet.sheet, cell, text)
        )
        return None
    vi, en = unknown_message(text, matcher, sheet.period)
    vi, en = vi + hint[0], en + hint[1]
    result.findings.append(
        Finding("unknown-unit", Severity.ERROR, vi, en, sheet.file, sheet.sheet, cell, text)
    )
    return None


def _add_unit_rows(
    sheet: SheetData,
    unit: Unit,
    rows: Sequence[Row],
    result: Collected,
    by_key: ByKey,
    place: Place | None = None,
) -> None:
    result.blocks.append((sheet, rows, unit))
    unit_cells = result.cells.get(unit.code)
    if unit_cells is None:
        unit_cells = result.cells[unit.code] = UnitCells()
    refused: set[str] = set()  # indicators this unit already reported from another sheet
    here = place if place is not None else Place(sheet.file, sheet.sheet, sheet.part)
    counted: list[str] = []  # indicators counted from here from now on
    places = result.counted_from.get(unit.code)  # none yet: the unit's first sheet
    for indicator in sorted({key[0] for key in by_key}):
        first = result.place_of(unit.code, indicator) if places else None
        if first is None:
            counted.append(indicator)
        elif first != here:
            # said once per pair of files (reported_twice.py); the newer file's figures
            # are counted where the two differ, the first's where they agree
            if result.twice.meet(unit, first, here, indicator, unit_cells, by_key):
                for key in [key for key in by_key if key[0] == indicator and key in unit_cells]:
                    del unit_cells[key]
                counted.append(indicator)
            else:
                refused.add(indicator)
    if counted:
        result.count_from(unit.code, here, frozenset(counted))
    skipped: set[tuple[int, Key]] = set()  # (id of the row, key) not to be added
    # counts are whole and not below zero; the sheet's reader listed the numbers that are not
    ids = {id(row) for row in rows} if sheet.irregular and rows is not sheet.rows else None
    for row, key in sheet.irregular:
        if key[0] in refused or (ids is not None and id(row) not in ids):
            continue
        number = row.number(key)
        if type(number) is not int:
            result.findings.append(_cell_finding(row, key, sheet, unit, "non-integer"))
            skipped.add((id(row), key))
        elif number > PLAUSIBLE_COUNT:
            result.findings.append(_cell_finding(row, key, sheet, unit, "implausible-value"))
            skipped.add((id(row), key))
        else:
            result.findings.append(_cell_finding(row, key, sheet, unit, "negative-count"))
    if (
        not refused
        and not skipped
        and rows is sheet.rows
        and sheet.sums is not None
        and unit_cells.add_table(sheet.rows[0].counted, sheet.rows, sheet.sums)
    ):
        return  # the whole table, held as its rows and their sums
    for key, (holders, total) in by_key.items():
        if key[0] in refused:
            continue
        if skipped and any((id(row), key) in skipped for row in holders):
            holders = [row for row in holders if (id(row), key) not in skipped]
            total = sum([row.number(key) for row in holders])  # type: ignore[misc]
            if not holders:
                continue
        held = unit_cells.held(key)
        if held is None:
            unit_cells[key] = Cells(key, holders, total, one_sheet=True)  # in sheet order
        else:
            held.add(holders, total)


def _cell_finding(row: Row, key: Key, sheet: SheetData, unit: Unit, code: str) -> Finding:
    cell = row.cell(key)
    assert cell is not None
    # text as typed; a number typed as one in each language's way ("1,234" in Vietnamese:
    # "1.234" would read a thousand and more, a whole number)
    text_vi, text_en = (
        (cell.raw, cell.raw)
        if cell.raw
        else (format_plain(cell.value, "vi"), format_plain(cell.value, "en"))
    )
    if code == "non-integer":
        vi = f"số đếm không phải số nguyên: {text_vi} (không được cộng)"
        en = f"a count that is not a whole number: {text_en} (not added)"
    elif code == "implausible-value":
        vi = f"số quá lớn để là số đếm của một đơn vị: {text_vi} (không được cộng)"
        en = f"a number too large to be a unit's count: {text_en} (not added)"
    else:
        vi, en = f"số đếm âm: {text_vi}", f"a negative count: {text_en}"
    return Finding(
        code, Severity.ERROR, vi, en, sheet.file, sheet.sheet, cell.a1, unit.name, key[0]
    )


def _on_the_total_only(sheet: SheetData, by_key: ByKey) -> ByKey:
    """The figures a unit's sheet gives on its total row alone, none of the rows above
    holding one in that column (a plan given to the whole committee, "Toàn Đảng bộ | 200"
    under rows with no plan): the unit's, read from the total row."""
    if sheet.sums is not None or len(sheet.totals) != 1 or not sheet.rows:
        return {}  # (sums: every row fills every column, the common table: none missing)
    total = sheet.totals[0]
    if total.index < max(row.index for row in sheet.rows):  # a total at the end only
        return {}
    return {key: ((total,), n) for key, n in total.numbers.items() if key not in by_key}


def _reconcile_totals(sheet: SheetData, unit: str | None, by_key: ByKey) -> list[Finding]:
    """The sheet's own total rows against the sum of its rows, column by column: a
    subtotal ("Cộng khối phường", rows above it and below) against the rows since the
    total before it; one right under a subtotal ("Cộng (I)" under "Cộng khối cơ quan")
    against its section, the rows since the last such total; a total at the end against
    them all, or, failing that, its block or section (the last one's, no grand total)."""
    findings: list[Finding] = []
    block_start = section_start = -1  # the rows a block, and a section, start after
    totals = sorted(sheet.totals, key=lambda row: row.index)
    for total_row in totals:
        at_row = total_row.index
        block = [r for r in sheet.rows if block_start < r.index < at_row]
        if not block and block_start >= 0:  # right under a subtotal: its section's total
            block = [r for r in sheet.rows if section_start < r.index < at_row]
            section_start = at_row
        follows = bool(block) and any(r.index > at_row for r in sheet.rows)
        # rows typed under the last total, a whole one ("Tổng cộng", not "Cộng khối …"):
        # a row added after the total was made; the unit's figures are every row's
        after = follows and total_row is totals[-1] and _whole_total(total_row.label)
        whole = sheet.sums is not None and total_row.amounts == sheet.sums
        sums = group_by_key(block) if block and (follows or block_start >= 0) else None
        if (
            sums is not None
            and not after
            and (follows or (not whole and _adds_up(total_row, sums)))
        ):
            block_start = at_row
        else:
            sums = None  # the whole table's (a total above the rows, or at the end)
            if whole or (after and _adds_up(total_row, by_key)):
                continue  # every column of the total row agrees, compared in one step
        for key, stated in sorted(total_row.numbers.items()):
            rows, summed = (by_key if sums is None else sums).get(key, ((), 0))
            if summed != stated:
                span = ranges([row.position(key) for row in rows]) if rows else "-"
                at = ranges([total_row.position(key)])
                vi, en = (
                    _under_the_total(sheet, total_row, key, stated - summed)
                    if after
                    else _left_out(sheet, at, stated - summed)
                )
                findings.append(
                    Finding(
                        "total-mismatch",
                        Severity.ERROR,
                        f"dòng tổng ghi {format_plain(stated, 'vi')}, cộng các dòng ({span})"
                        f" được {format_plain(summed, 'vi')}{vi}",
                        f"the total row says {format_plain(stated, 'en')}, the rows ({span}) add"
                        f" up to {format_plain(summed, 'en')}{en}",
                        sheet.file,
                        sheet.sheet,
                        at,
                        unit,
                        key[0],
                    )
                )
    return findings


# words of a total of part of a table: a block, a section, a page ("Cộng khối phường",
# "Cộng (I)", "Cộng trang 1")
_PART_TOTAL_WORDS = frozenset(
    ("khoi", "nganh", "cum", "trang", "chuyen", "sang", "phan", "muc",
     "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "a", "b", "c")
)  # fmt: skip


def _whole_total(label: str) -> bool:
    return _PART_TOTAL_WORDS.isdisjoint(re.findall(r"\w+", fold(label)))


def _under_the_total(sheet: SheetData, total_row: Row, key: Key, gap: Number) -> tuple[str, str]:
    """The rows typed under a sheet's total row, when they are what the total lacks."""
    below = [
        number
        for row in sheet.rows
        if row.index > total_row.index and (number := row.number(key)) is not None
    ]
    if not below or sum(below) != -gap:
        return "", ""
    lines = ", ".join(
        str(row.index + 1)
        for row in sheet.rows
        if row.index > total_row.index and row.number(key) is not None
    )
    return (
        f"; dòng {lines} nằm dưới dòng tổng và không có trong tổng ấy: đúng bằng phần chênh"
        " (được cộng, là số liệu của đơn vị; sửa lại dòng tổng, hoặc xóa dòng thừa)",
        f"; row(s) {lines} stand under the total row and are not in it: exactly the difference"
        " (added, as the unit's figures; correct the total row, or delete the rows not wanted)",
    )


def _adds_up(total_row: Row, sums: ByKey) -> bool:
    return all(sums.get(key, ((), 0))[1] == n for key, n in total_row.numbers.items())


_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def _left_out(sheet: SheetData, total_cell: str, gap: Number) -> tuple[str, str]:
    """What a total row's column differs by, and the cells above it in that column that
    were not added (a hidden row, text in a number cell): so the user sees one cause, not
    two unrelated errors. Empty when no such cell is known."""
    place = _CELL.match(total_cell)
    if place is None or sheet.accounting is None:
        return "", ""
    column, total_row = place.group(1), int(place.group(2))
    said_vi: list[str] = []
    said_en: list[str] = []
    left_out: Number = 0
    for unused in sheet.accounting.unused:
        cell = _CELL.match(unused.cell)
        if cell is None or cell.group(1) != column or int(cell.group(2)) >= total_row:
            continue
        try:
            number = parse_number(unused.text)[0]
        except NumberFormatError:
            number = None
        row = cell.group(2)
        if unused.code == "hidden-row":
            why_vi, why_en = f"dòng {row} bị ẩn", f"row {row} is hidden"
        else:
            why_vi, why_en = f"xem {unused.code}", f"see {unused.code}"
        said_vi.append(f"{unused.cell} ({why_vi}) ghi {unused.text}")
        said_en.append(f"{unused.cell} ({why_en}) holds {unused.text}")
        if isinstance(number, int | Decimal) and left_out is not None:
            left_out += number
    if not said_vi:
        return "", ""
    exact = left_out == gap
    return (
        f", chênh {format_plain(gap, 'vi')}; {', '.join(said_vi)}, không được cộng"
        + (": đúng bằng phần chênh" if exact else ""),
        f", {format_plain(gap, 'en')} apart; {', '.join(said_en)}, not added"
        + (": exactly the difference" if exact else ""),
    )
