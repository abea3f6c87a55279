"""Cell grid -> figures, a stage at a time:

1. `title`: the title block above the table: whose sheet, which period, what it counts;
2. `header`: where the header is, which layout; `headings`: each column's header path,
   and the unmerged headings two readings place equally;
3. `columns`: header paths to indicators and measures, by meaning (`catalogue.meaning`);
4. `rows` (with `cells`): the rows' numbers, total rows, criteria under their headings,
   and where the table ends;
5. `accounting`: every number of the table used, checked, or named in a finding.

The layouts: unit rows (one row per organization, indicators across the columns), category
rows (one row per type of organization of one unit), indicator rows (one unit per sheet,
criteria down the rows, measures across). Nothing here knows a registry: the sheet's owner
and its row labels stay text, resolved to units by `ctr_stats.collect`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..catalogue import Catalogue
from ..catalogue.meaning import Meaning
from ..model import (
    Accounting,
    ByKey,
    Cell,
    Counted,
    Finding,
    Key,
    Number,
    Period,
    Row,
    Severity,
    Unused,
    column_sums,
    group_by_sums,
    group_row_by_row,
)
from ..read import Grid, a1
from ..text import clean, fold
from .accounting import account, cell_text, numbers_in
from .cells import CellReader, finding, merged_figures
from .columns import Column, resolve_column, sheet_columns
from .header import (
    CATEGORY_ROWS,
    INDICATOR_ROWS,
    Header,
    find_header,
    heading_words,
    is_text,
    panels,
    read_measure,
)
from .rows import (
    RowsRead,
    criterion_rows,
    ends_table,
    is_place_and_date,
    total_named_as_owner,
    unit_rows,
)
from .title import OtherPeriod, Title, continued, read_period, read_title_block, title_period

__all__ = [
    "Accounting",
    "Cell",
    "Column",
    "Counted",
    "Key",
    "Number",
    "OtherPeriod",
    "Row",
    "SheetData",
    "figure_cells",
    "find_header",
    "numbers_unread",
    "parse_sheet",
    "parse_tables",
    "read_period",
    "resolve_column",
    "title_period",
    "unread_sheet",
]


@dataclass(frozen=True, slots=True)
class SheetData:
    """What one sheet says: whose it is, for when, and its rows of figures."""

    file: str
    sheet: str
    layout: str  # "unit_rows", "category_rows" or "indicator_rows"
    owner: str | None  # the unit the title block names (folded key text), None if none
    owner_text: str | None  # that name as written
    names_city: bool  # the title names the city: a consolidated sheet
    period: Period | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    totals: tuple[Row, ...]
    findings: tuple[Finding, ...]
    # the rows' column_sums, made where the sheet is read (a worker process), or None
    sums: tuple[Number, ...] | None = None
    # (row, key) of the numbers that are not counts: not whole, below zero, implausible
    irregular: tuple[tuple[Row, Key], ...] = ()
    accounting: Accounting | None = None
    # which table of the sheet, where it has several: its header's first cell ("" for the
    # first), so that two tables are never taken for one
    part: str = ""
    # a period the title names that ctr-stats cannot take ("6 THÁNG CUỐI NĂM 2023"): the
    # sheet's figures are not added (`periods.mismatches`)
    other_period: OtherPeriod | None = None
    owner_cell: str | None = None  # the title's cell naming the unit ("A2")
    # the title's line naming the city or province, where it names no unit
    city_text: str | None = None
    # the title's line naming the period, and its cell ("A5")
    period_words: str | None = None
    period_cell: str | None = None
    # numbers of the rows added again as the figures of the body that did them (by_actor)
    again: int = 0
    # the province or city the title names ("da nang"), unit named or not
    province: str | None = None
    # a committee named by a long name where no unit is named: (as written, its cell), the
    # sheet's unit where the registry holds that name (collect.py)
    long_owner: tuple[str, str] | None = None

    @property
    def where(self) -> str:
        """'file!sheet', or 'file!sheet!A46' for a sheet's further table."""
        return f"{self.file}!{self.sheet}" + (f"!{self.part}" if self.part else "")

    @property
    def one_unit(self) -> bool:
        """The whole sheet is one unit's (criteria or types of organization down the rows),
        never a row per registry unit."""
        return self.layout != "unit_rows"

    def by_key(self) -> ByKey:
        """Each key's rows and their sum (no second look for sums the reader did not find)."""
        if self.sums is not None:
            return group_by_sums(self.rows, self.sums)
        return group_row_by_row(self.rows)


def parse_sheet(grid: Grid, catalogue: Catalogue) -> SheetData | None:
    """A sheet's first table, or None when the sheet has no header ctr-stats recognises."""
    tables = parse_tables(grid, catalogue)
    return tables[0] if tables else None


def parse_tables(grid: Grid, catalogue: Catalogue) -> list[SheetData]:
    """Every table of a sheet: one under another (a form continued below its first table,
    "(Tiếp biểu số 2-TCTW)"), or side by side on the same rows (by ethnic group | by
    religion). A table further down takes the title block of the first for what its own
    does not say."""
    tables: list[SheetData] = []
    headings = heading_words(catalogue)
    title: Title | None = None
    start = 0
    signed = False  # the table above ended at its signature block
    last_end = 0  # the first row after the tables read
    while start < len(grid.rows):
        header = find_header(grid, catalogue, start)
        if header is None:
            break
        above: list[list[object] | tuple[object, ...]] = list(grid.rows[start : header.top])
        if signed:  # the signature's lines and date say nothing of the table below
            # blanked, not dropped: the rows left keep their places (the title names cells)
            above = [() if ends_table(row) or is_place_and_date(row) else row for row in above]
        own = read_title_block(above, catalogue, start)
        title = own if title is None else continued(title, own)
        more: list[int] = []
        ends: list[int] = []
        first = len(tables)
        for n, panel in enumerate(panels(grid, header)):
            part = "" if start == 0 and n == 0 else a1(panel.top, panel.unit_col)
            found = _parse_table(grid, panel, catalogue, title, headings, part)
            if found is None:
                continue
            tables.append(found[0])
            ends.append(found[1].end)
            last_end = max(last_end, found[1].end)
            if found[1].more:
                more.append(found[1].end)
        if len(tables) > first:
            tables[first] = _with_figures_above(grid, tables[first], start, header.top)
            if own.stale_cut_off is not None and own.period is not None:
                tables[first] = replace(
                    tables[first],
                    findings=(
                        *tables[first].findings,
                        _stale_cut_off(grid, own.period, *own.stale_cut_off),
                    ),
                )
        if more:
            start, signed = min(more), False
        elif ends and max(ends) > start and max(ends) < len(grid.rows):
            # a table stacked below the signature block (another form on the same sheet)
            start, signed = max(ends), True
        else:
            break
    if tables and last_end < len(grid.rows):
        tables[-1] = _with_figures_below(grid, tables[-1], last_end)
    return tables


def _stale_cut_off(grid: Grid, period: Period, words: str, cell: str) -> Finding:
    """A title's cut-off date in a year before the period it names: last year's form with a
    line left as it was. The period named stands; the line is named, to be corrected."""
    return finding(
        grid,
        "stale-cut-off",
        Severity.WARNING,
        cell,
        f"dòng '{words}' ghi ngày chốt số liệu của năm trước kỳ mà tiêu đề ghi"
        f" ({period.label('vi')}): số liệu được coi là của {period.label('vi')}; nếu đó là"
        " số liệu cũ thì bỏ tệp ra, nếu không thì sửa dòng này",
        f"the line '{words}' gives a cut-off date in a year before the period the title"
        f" names ({period.label('en')}): the figures are taken as of {period.label('en')};"
        " if they are last year's, take the file out, else correct the line",
    )


def _with_figures_above(grid: Grid, sheet: SheetData, start: int, top: int) -> SheetData:
    """A row of three figures and more between the title block and the header (an
    organization's row pasted above the table): an error naming its cells, each number
    listed as not used. The title's own numbers (a year, a form's number) are fewer."""
    rows = {
        r: cells
        for r in range(start, top)
        # a title's line holds a cell or two: passed over without looking into them
        if len(grid.rows[r]) - grid.rows[r].count("") - grid.rows[r].count(None) >= 3
        and sum(numbers_in(grid.rows[r])) >= 3
        and len(
            cells := [c for c, value in enumerate(grid.rows[r]) if numbers_in((value,)) != (0, 0)]
        )
        >= 3
    }
    if not rows:
        return sheet
    code = "unread-table"
    found: list[Finding] = []
    for r, cells in rows.items():
        span = f"{a1(r, min(cells))}:{a1(r, max(cells))}"
        found.append(
            Finding(
                code,
                Severity.ERROR,
                f"các ô {span}, phía trên dòng tiêu đề cột của bảng, có số liệu: không được đọc",
                f"cells {span}, above the table's header row, hold figures: not read",
                grid.file,
                grid.sheet,
                span,
            )
        )
    return _with_unread(grid, sheet, found, [(r, c) for r, cells in rows.items() for c in cells])


def _with_figures_below(grid: Grid, sheet: SheetData, end: int) -> SheetData:
    """A block of figures below a sheet's last table that no header introduces (pasted
    under the signature block, or one row of them: a late organization's): never passed
    over in silence, an error naming its cells, each number listed as not used."""
    # the place-and-date line's day and year are no figures
    below = [
        (r, c, ends_table(grid.rows[r]))
        for r in range(end, len(grid.rows))
        if sum(numbers_in(grid.rows[r])) and not is_place_and_date(grid.rows[r])
        for c, value in enumerate(grid.rows[r])
        if numbers_in((value,)) != (0, 0)
    ]
    cells = [(r, c) for r, c, signed in below if not signed]
    rows = {r for r, _ in cells}
    # a stray number or two (or one among the signature's words) is named, a warning; one
    # row of three numbers and more is an organization's row typed under the signature
    # (sent late): an error
    if len(cells) < 3 or len(cells) < 2 * len(rows):
        return _stray_below(grid, sheet, [(r, c) for r, c, _ in below]) if below else sheet
    top, bottom = min(rows), max(rows)
    left, right = min(c for _, c in cells), max(c for _, c in cells)
    span = f"{a1(top, left)}:{a1(bottom, right)}"
    code = "unread-table"
    found = Finding(
        code,
        Severity.ERROR,
        f"các ô {span}, dưới bảng và khối chữ ký, có số liệu nhưng không có dòng tiêu đề cột"
        " nào được nhận ra: không được đọc",
        f"cells {span}, below the table and its signature block, hold figures under no header"
        " row recognised: not read",
        grid.file,
        grid.sheet,
        span,
    )
    return _with_unread(grid, sheet, [found], cells)


def _with_unread(
    grid: Grid, sheet: SheetData, found: Sequence[Finding], cells: Sequence[tuple[int, int]]
) -> SheetData:
    """The sheet with findings on numbers around its table (all of one code), each
    number of `cells` counted as read and listed as not used under that code."""
    code = found[0].code
    unused = tuple(
        Unused(grid.file, grid.sheet, a1(r, c), cell_text(grid.rows[r][c]), code) for r, c in cells
    )
    accounting = sheet.accounting
    if accounting is not None:
        accounting = replace(
            accounting,
            read=accounting.read + len(unused),
            unused=accounting.unused + unused,
        )
    return replace(sheet, findings=(*sheet.findings, *found), accounting=accounting)


def _stray_below(grid: Grid, sheet: SheetData, cells: list[tuple[int, int]]) -> SheetData:
    """A number or two below a sheet's last table, in or under its signature block, under
    no header: a warning naming the cells, each number listed as not used."""
    code = "stray-number"
    named = ", ".join(a1(r, c) for r, c in cells[:5]) + (" …" if len(cells) > 5 else "")
    found = Finding(
        code,
        Severity.WARNING,
        f"ô {named} dưới bảng (ở khối chữ ký hay dưới nó) có số nhưng không thuộc cột nào"
        " của bảng: không được đọc; xóa nếu gõ nhầm, hoặc ghi vào đúng dòng của bảng",
        f"cell {named} below the table (in or under its signature block) holds a number"
        " under no header: not read; delete it if typed by mistake, or type it in the"
        " table's own row",
        grid.file,
        grid.sheet,
        a1(*cells[0]),
    )
    return _with_unread(grid, sheet, [found], cells)


def _parse_table(
    grid: Grid,
    header: Header,
    catalogue: Catalogue,
    title: Title,
    headings: frozenset[str],
    part: str,
) -> tuple[SheetData, RowsRead] | None:
    columns = sheet_columns(grid, header, catalogue, title.period, title.meaning)
    if not columns.read:
        return None
    findings: list[Finding] = []
    reader = CellReader(grid, columns.read, columns.counted, findings)
    if header.layout == INDICATOR_ROWS:
        context = title.meaning
        if columns.thing_over_all is not None and context.thing is None:
            # "Số tổ chức đảng › Năm 2024 | Năm 2023" over "Cấp ủy các cấp kiểm tra"
            context = replace(context, thing=columns.thing_over_all)
        found = criterion_rows(
            grid,
            header,
            reader,
            catalogue,
            findings,
            title.owner_text,
            context,
            headings,
            title.period,
        )
        if not found.rows and not found.totals and found.near_misses:
            findings.append(_no_criterion_read(grid, header, found))
    else:
        found = unit_rows(grid, header, reader, findings, headings)
        if title.owner is not None:
            total_named_as_owner(grid, found, title.owner, findings)
    rows, totals = found.rows, found.totals
    if grid.merges:
        findings.extend(merged_figures(grid, columns.read, header.first_data_row, found.end))
    accounting, unused_findings = account(grid, header, columns, reader, found)
    findings.extend(unused_findings)
    irregular = () if reader.counts_only else _irregular(rows)
    again: list[Row] = by_actor(rows, catalogue) if header.layout == CATEGORY_ROWS else []
    rows = [*rows, *again] if again else rows
    sheet = SheetData(
        file=grid.file,
        sheet=grid.sheet,
        layout=header.layout,
        owner=title.owner,
        owner_text=title.owner_text,
        names_city=title.names_city,
        period=title.period,
        columns=columns.read,
        rows=tuple(rows),
        totals=tuple(totals),
        findings=tuple(findings),
        sums=column_sums(rows),
        irregular=irregular,
        accounting=accounting,
        part=part,
        other_period=title.other_period,
        owner_cell=title.owner_cell,
        city_text=title.city_text,
        period_words=title.period_words,
        period_cell=title.period_cell,
        again=sum(len(row.amounts) - row.amounts.count(None) for row in again),
        province=title.province,
        long_owner=title.long_owner,
    )
    return sheet, found


def by_actor(rows: Sequence[Row], catalogue: Catalogue) -> list[Row]:
    """The rows of a table by the body that did it ("Cấp thi hành kỷ luật" › "Cấp ủy các
    cấp" | "UBKT các cấp" beside "Tổng số | Khiển trách | Cảnh cáo …"), each again as that
    body's figures: the committees' and the commissions' discipline apart, each a part of
    all of it (which the rows' sum stays). Rows naming no body alone give none."""
    found: list[Row] = []
    for row in rows:
        said = catalogue.lexicon.read(row.label)
        if said.actor is None or said.thing or said.event or said.qualifiers or said.residue:
            continue
        keys, columns, amounts = [], [], []
        for key, column, amount in zip(
            row.counted.keys, row.counted.columns, row.amounts, strict=True
        ):
            indicator = catalogue.indicators.get(key[0])
            if indicator is None or indicator.described.actor is not None:
                continue
            d = indicator.described
            own = catalogue.recognise(
                Meaning(thing=d.thing, event=d.event, actor=said.actor, qualifiers=d.qualifiers)
            ).indicator
            if own is not None and own != key[0]:
                keys.append((own, key[1]))
                columns.append(column)
                amounts.append(amount)
        if keys:
            counted = Counted(tuple(keys), tuple(columns))
            found.append(
                Row(row.label, row.label_col, row.index, row.where, tuple(amounts), counted)
            )
    return found


def _no_criterion_read(grid: Grid, header: Header, found: RowsRead) -> Finding:
    """A form's table whose rows hold figures but none names a catalogue indicator: an
    error, never a sheet's figures missing from the totals behind a warning per row."""
    rows = sorted(found.near_misses)
    first = a1(rows[0], header.unit_col)
    more = len(rows) - 1
    vi_more = f" (và {more} dòng khác)" if more else ""
    en_more = f" (and {more} other rows)" if more else ""
    return Finding(
        "unread-sheet",
        Severity.ERROR,
        f"bảng có số liệu nhưng không dòng chỉ tiêu nào được nhận ra, từ {first}{vi_more}:"
        " không số nào được đọc",
        f"the table holds figures but none of its criteria was recognised, from {first}"
        f"{en_more}: no figure was read",
        grid.file,
        grid.sheet,
        first,
    )


def _irregular(rows: Sequence[Row]) -> tuple[tuple[Row, Key], ...]:
    from .cells import PLAUSIBLE_COUNT

    return tuple(
        (row, key)
        for row in rows
        for key, number in zip(row.counted.keys, row.amounts, strict=True)
        if number is not None
        and (type(number) is not int or number < 0 or number > PLAUSIBLE_COUNT)
    )


def unread_sheet(grid: Grid, catalogue: Catalogue, file_read: bool = False) -> Finding | None:
    """For a sheet `parse_sheet` read nothing from: an error when it looks like a form
    (a block of figures under some text), saying what was missing; None for a sheet of
    notes, an empty one, or a few stray numbers. A table whose header names neither a
    measure (Kế hoạch, Thực hiện…) nor anything the catalogue counts, in a file from which
    nothing was read (a list of candidates with their years of birth), is no report: a
    warning naming it, not an error that would doubt every figure."""
    rows_with_figures = sum(
        1
        for row in grid.rows
        if sum(1 for v in row if type(v) in (int, float)) >= 2  # bool is not int here
    )
    if rows_with_figures < 2:
        return None
    header = find_header(grid, catalogue)
    if header is None and not file_read:
        heads = _heads_of_first_figures(grid)
        if (
            heads is not None
            and not _columns_name_what_is_counted(grid, *heads, catalogue)
            and _lists_people(grid, heads[0], catalogue)
        ):
            return _not_a_report(grid, f"{heads[0] + 1}:{heads[0] + 1}")
    if header is None:
        vi = (
            "trang tính có bảng số liệu nhưng không tìm thấy dòng tiêu đề cột (cột Đơn vị, "
            "Chỉ tiêu hoặc Loại hình, và Kế hoạch, Thực hiện…): không số nào được đọc"
        )
        en = (
            "the sheet holds a table of figures but no header row was found (a Đơn vị, "
            "Chỉ tiêu or Loại hình column, and Kế hoạch, Thực hiện…): no figure was read"
        )
        cell = None
    else:
        cell = f"{header.top + 1}:{header.bottom + 1}"
        if not file_read and not _names_what_is_counted(grid, header, catalogue):
            return _not_a_report(grid, cell)
        vi = (
            "trang tính có bảng số liệu nhưng không cột nào khớp chỉ tiêu trong danh mục: "
            "không số nào được đọc"
        )
        en = "the sheet holds a table of figures but no column names a catalogue indicator: no figure was read"
    return Finding("unread-sheet", Severity.ERROR, vi, en, grid.file, grid.sheet, cell)


def numbers_unread(grid: Grid) -> Finding | None:
    """A sheet nothing was read from, beside sheets that were, holding a few numbers with
    no table around them (a clerk's working list, "TDP số 3 | 2"): a warning naming them,
    never numbers dropped unsaid."""
    cells = figure_cells(grid)
    if not cells:
        return None
    named = ", ".join(a1(r, c) for r, c in cells[:5]) + (" …" if len(cells) > 5 else "")
    count = len(cells)
    return Finding(
        "stray-number",
        Severity.WARNING,
        f"trang tính có {count} ô số ({named}) nhưng không có bảng số liệu nào (dòng tiêu đề"
        " cột với Kế hoạch, Thực hiện…): không được đọc; xóa trang nếu là nháp, hoặc chép số"
        " vào bảng của đơn vị",
        f"the sheet holds {count} number(s) ({named}) but no table of figures (a header row"
        " with Kế hoạch, Thực hiện…): not read; delete the sheet if it is a draft, or copy the"
        " numbers into the unit's table",
        grid.file,
        grid.sheet,
        a1(*cells[0]),
    )


def figure_cells(grid: Grid) -> list[tuple[int, int]]:
    """The cells holding numbers, (row, column), but those of a column headed as codes or
    serial numbers ("Mã ĐVHC", "Mã số", "STT"): a template's list of units for its drop-down
    holds identifiers, no figures."""
    cells: list[tuple[int, int]] = []
    heading: dict[int, bool] = {}  # column -> whether its last text above says codes
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            kind = type(value)
            if kind is str:
                heading[c] = bool(_CODE_HEADING.match(fold(value)))
            elif (kind is int or kind is float) and not heading.get(c):  # bool is not int
                cells.append((r, c))
    return cells


_CODE_HEADING = re.compile(
    r"\s*(?:ma(?: so| don vi| dvhc| xa| phuong| hanh chinh)?|stt|tt|so tt)\s*$"
)


def _not_a_report(grid: Grid, cell: str) -> Finding:
    return Finding(
        "not-a-report",
        Severity.WARNING,
        "bảng trong trang tính này không có cột chỉ tiêu hay Kế hoạch, Thực hiện…:"
        " không phải biểu báo cáo, bỏ qua",
        "the table on this sheet has no indicator column and no Kế hoạch, Thực"
        " hiện…: not a report, passed over",
        grid.file,
        grid.sheet,
        cell,
    )


def _heads_of_first_figures(grid: Grid) -> tuple[int, frozenset[int]] | None:
    """A table no header row was found for: the row of text right above its first row of
    figures, and the columns holding figures (a list's "STT | Họ và tên | Năm sinh")."""
    for r, row in enumerate(grid.rows):
        figures = frozenset(c for c, v in enumerate(row) if type(v) in (int, float))
        if len(figures) < 2:
            continue
        above = next(
            (a for a in range(r - 1, -1, -1) if any(is_text(v) for v in grid.rows[a])), None
        )
        return None if above is None else (above, figures)
    return None


def _lists_people(grid: Grid, r: int, catalogue: Catalogue) -> bool:
    """Whether a row of headings heads a list of people ("Họ và tên", "Năm sinh")."""
    people = catalogue.word_keys("columns", "person")
    return any(is_text(value) and fold(value) in people for value in grid.rows[r])


def _columns_name_what_is_counted(
    grid: Grid, r: int, columns: frozenset[int], catalogue: Catalogue
) -> bool:
    """Whether the headings in row `r` over a table's columns of figures (row numbers'
    "STT" left out) name a measure or something the catalogue counts."""
    numbers = catalogue.word_keys("columns", "number")
    row = grid.rows[r]
    return any(
        is_text(value := row[c] if c < len(row) else None)
        and fold(value) not in numbers
        and _names_something(value, catalogue)
        for c in columns
    )


def _names_what_is_counted(grid: Grid, header: Header, catalogue: Catalogue) -> bool:
    """Whether a header's headings name a measure or something the catalogue counts."""
    return any(
        c != header.unit_col and is_text(value) and _names_something(value, catalogue)
        for r in range(header.top, header.bottom + 1)
        for c, value in enumerate(grid.rows[r])
    )


def _names_something(value: object, catalogue: Catalogue) -> bool:
    """A heading naming a measure (Kế hoạch, Thực hiện…) or what is counted, done or by whom."""
    text = clean(value)
    if read_measure(text, catalogue).measure is not None:
        return True
    meaning = catalogue.lexicon.read(text)
    return bool(meaning.thing or meaning.event or meaning.actor)
