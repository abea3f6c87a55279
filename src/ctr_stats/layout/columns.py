"""Header paths to columns: which indicator and measure each column holds, by meaning.

A column's path is read level by level ("Số TCCSĐ" › "Chia ra" › "Đảng bộ cơ sở" ›
"Thực hiện"): the measure from its lowest level, the indicator from the rest with the
sheet's title filling what the labels leave unsaid. A column the header cannot place is
kept as an `Unplaced` column: if it holds numbers, they are named in a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..catalogue import Catalogue, Recognised
from ..catalogue.meaning import NOTHING, Meaning, read_path
from ..model import Counted, Key, Measure, Period
from ..read import Grid, a1
from ..text import fold, starts_in_which, strip_numbering
from .header import (
    UNIT_ROWS,
    Header,
    MeasureRead,
    base_of_percent,
    is_column_number,
    is_text,
    read_measure,
)
from .headings import Doubt, header_paths
from .title import without_own_period


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header path as the sheet writes it, " › " between levels
    indicator: str | None  # None in the indicator-rows layout: the row names it
    measure: Measure | None  # None for a derived (percentage) column
    derived: str | None = None
    # indicator rows only: what the column counts beside what its row names ("Nữ" beside
    # "Tổng số đảng viên mới kết nạp"; "Tổ chức đảng" beside "Cấp ủy các cấp kiểm tra")
    part: str | None = None

    @property
    def key(self) -> Key:
        assert self.indicator is not None and self.measure is not None
        return (self.indicator, self.measure)


@dataclass(frozen=True)
class Unplaced:
    """A column whose numbers are not read, and why: 'unknown' (its header names no
    indicator or measure), 'no-measure' (an indicator the sheet reads, under a measure not
    understood), 'ambiguous' (two indicators equally), 'duplicate' (a second column for
    the same indicator and measure), 'percentage' (a percentage naming no
    indicator), 'ambiguous-heading' (an unmerged heading that may or may not stand over
    it: `doubt`), 'other-period' (a measure of another span than the sheet's, whose period
    code is `other`)."""

    index: int
    header: str
    cell: str
    reason: str
    indicator: str | None = None
    other: str = ""  # the other indicators (ambiguous), or the first column (duplicate)
    doubt: Doubt | None = None


@dataclass(frozen=True)
class Columns:
    read: tuple[Column, ...]
    counted: Counted | None  # unit and category rows: what each row counts
    unplaced: tuple[Unplaced, ...]
    header_numbers: tuple[int, int] = (0, 0)  # numbers in the header rows: typed, as text
    # indicator rows: the thing one heading over every measure names ("Số tổ chức đảng ›
    # Năm 2024 | Năm 2023"): what rows that name none count
    thing_over_all: str | None = None


def sheet_columns(
    grid: Grid, header: Header, catalogue: Catalogue, period: Period | None, title: Meaning
) -> Columns:
    """The header's columns. Kept by the header's cells, merges, period and title: every
    unit's copy of a form has the same header, read once, and its columns shared (a worker
    process hands them back once)."""
    rows = tuple(tuple(grid.rows[r]) for r in range(header.top, header.bottom + 1))
    key = (id(catalogue), header, grid.merges, rows, period, title, grid.hidden_columns)
    known = _KNOWN.get(key)
    if known is not None:
        return known
    paths = header_paths(grid, header, catalogue)
    # a hidden column is not read (its figures named in a finding): the visible one
    # beside it, of the same heading, is the sheet's, not its duplicate
    hidden = {c: p for c, p in paths.paths.items() if grid.column_hidden(c)}
    if hidden:
        paths = replace(paths, paths={c: p for c, p in paths.paths.items() if c not in hidden})
    if header.layout == UNIT_ROWS or header.layout == "category_rows":
        columns = _indicator_columns(grid, paths.paths, header, catalogue, period, title)
        if paths.doubts:
            columns = _doubted(columns, paths.doubts)
    else:
        # the rows name the indicators: a heading over the measures changes none
        columns = _measure_columns(grid, paths.paths, header, catalogue, period)
    if hidden:
        gone = (
            Unplaced(c, " › ".join(p), _lowest_heading(grid, header, c), "hidden")
            for c, p in hidden.items()
        )
        columns = replace(columns, unplaced=(*columns.unplaced, *gone))
    from .accounting import numbers_in

    counts = [numbers_in(row) for row in rows]
    columns = replace(
        columns, header_numbers=(sum(c[0] for c in counts), sum(c[1] for c in counts))
    )
    if len(_KNOWN) > 1_000:  # odd headers by the thousand: keep the memory bounded
        _KNOWN.clear()
    _KNOWN[key] = columns
    return columns


_KNOWN: dict[tuple[object, ...], Columns] = {}


def _doubted(columns: Columns, doubts: Sequence[Doubt]) -> Columns:
    """The columns with those in doubt taken out of the reading: their numbers named in an
    `ambiguous-heading` finding, not guessed."""
    doubted = {d.column: d for d in doubts}
    read = tuple(c for c in columns.read if c.index not in doubted)
    unplaced = [u for u in columns.unplaced if u.index not in doubted]
    for c in columns.read:
        if c.index in doubted:
            d = doubted[c.index]
            unplaced.append(Unplaced(c.index, c.header, d.cells, "ambiguous-heading", doubt=d))
    unplaced.extend(
        replace(u, reason="ambiguous-heading", cell=doubted[u.index].cells, doubt=doubted[u.index])
        for u in columns.unplaced
        if u.index in doubted
    )
    counts = [c for c in read if c.measure is not None]
    counted = Counted(tuple(c.key for c in counts), tuple(c.index for c in counts))
    return replace(columns, read=read, counted=counted, unplaced=tuple(unplaced))


@dataclass(frozen=True)
class _Read:
    index: int
    text: str
    labels: tuple[str, ...]  # the levels naming the indicator
    measure: MeasureRead
    group: tuple[int, int]  # first and last column of the top-level heading above it


def _indicator_columns(
    grid: Grid,
    paths: dict[int, list[str]],
    header: Header,
    catalogue: Catalogue,
    period: Period | None,
    title: Meaning,
) -> Columns:
    reads = [
        _own_period_left_out(_read_path(c, path, catalogue, paths), period)
        for c, path in paths.items()
    ]
    context = _context(title, [r.labels for r in reads], catalogue)
    reads = [_measure_in_front(_restated(r, catalogue, context), catalogue) for r in reads]
    years = sorted({r.measure.year for r in reads if r.measure.year is not None})
    # a header that tells no plan or prior apart (Biểu 5: "Số TCCSĐ" › "Tổng số" | "Chia
    # ra" › …): every column counts what is there now
    measured = any(r.measure.measure in ("plan", "prior") or r.measure.year for r in reads)
    recognised = {
        r.index: catalogue.recognise(
            _within(read_path(catalogue.lexicon, r.labels), title, context)
        )
        for r in reads
        if r.labels
    }
    _things_of_groups(reads, recognised, catalogue, context)
    _measures_of_the_one_indicator(reads, recognised, catalogue, context)
    _parts_of_a_stock(reads, recognised, catalogue, context)
    # an indicator with two columns and no measure to tell them apart (a header's measure
    # row lost): which one is its Thực hiện cannot be told, so neither is taken as it
    unmeasured: dict[str, int] = {}
    for r in reads:
        found = recognised.get(r.index)
        if (
            found is not None
            and found.indicator
            and r.measure.measure is None
            and not (r.measure.year or r.measure.derived)
        ):
            unmeasured[found.indicator] = unmeasured.get(found.indicator, 0) + 1
    read: list[Column] = []
    unplaced: list[Unplaced] = []
    seen: dict[tuple[str, str], str] = {}
    for r in reads:
        cell = _lowest_heading(grid, header, r.index)
        found = recognised.get(r.index)
        if found is None or found.indicator is None:
            above = _above(r, catalogue, context)
            if above is not None:  # "Đảng viên mới kết nạp" › "Lũy kế": a measure not understood
                unplaced.append(Unplaced(r.index, r.text, cell, "no-measure", above))
            else:
                unplaced.append(_not_named(r, cell, found))
            continue
        indicator = found.indicator
        if _other_span(r.measure, period):
            assert period is not None
            unplaced.append(Unplaced(r.index, r.text, cell, "other-period", indicator, period.code))
            continue
        measure, derived = _measure_of(r.measure, period, years)
        if measure is None and derived is None:
            alone = unmeasured.get(indicator, 0) == 1 and r.measure.year is None
            if alone and (
                not measured
                or _listed_as_parts(r)
                or not _beside_its_measures(r, indicator, reads, recognised)
            ):
                measure = "actual"  # a lone indicator column ("Chủ doanh nghiệp tư nhân")
            else:
                unplaced.append(Unplaced(r.index, r.text, cell, "no-measure", indicator))
                continue
        slot = (indicator, measure or f"derived:{derived}")
        if slot in seen:
            unplaced.append(Unplaced(r.index, r.text, cell, "duplicate", indicator, seen[slot]))
            continue
        seen[slot] = cell
        read.append(Column(r.index, r.text, indicator, measure, derived))
    read, unchecked = _checkable(read, grid, header)
    unplaced.extend(unchecked)
    counts = [c for c in read if c.measure is not None]
    counted = Counted(tuple(c.key for c in counts), tuple(c.index for c in counts))
    return Columns(tuple(read), counted, tuple(unplaced))


def _checkable(
    read: list[Column], grid: Grid, header: Header
) -> tuple[list[Column], list[Unplaced]]:
    """The columns, a percentage among them only where the table gives what it is computed
    from ("So với cùng kỳ (%)" beside Thực hiện and Cùng kỳ): one whose base the table lacks
    cannot be checked, and is named as not used, never counted as checked."""
    measures: dict[str | None, set[str]] = {}
    for c in read:
        if c.measure is not None:
            measures.setdefault(c.indicator, set()).add(c.measure)
    kept: list[Column] = []
    unchecked: list[Unplaced] = []
    for c in read:
        if c.derived is not None:
            have = measures.get(c.indicator, set())
            base = _BASE.get(c.derived, "any")
            bases = {"plan", "prior"} if base == "any" else {base}
            if "actual" not in have or not have & bases:
                cell = _lowest_heading(grid, header, c.index)
                unchecked.append(
                    Unplaced(c.index, c.header, cell, "unchecked-percentage", c.indicator, base)
                )
                continue
        kept.append(c)
    return kept, unchecked


_BASE = {"percent_of_plan": "plan", "percent_of_prior": "prior"}


def _restated(r: _Read, catalogue: Catalogue, context: Meaning) -> _Read:
    """ "Đảng viên mới kết nạp" › "Đã kết nạp": a lowest level that only says again the
    event the levels above name says what was done, the column's Thực hiện."""
    if len(r.labels) < 2 or r.measure.measure or r.measure.derived or r.measure.year:
        return r
    lexicon = catalogue.lexicon
    last = lexicon.read(r.labels[-1])
    if not last.event or last.thing or last.actor or last.qualifiers or last.residue or last.mixed:
        return r
    if read_path(lexicon, r.labels[:-1]).within(context).event != last.event:
        return r
    return replace(r, labels=r.labels[:-1], measure=MeasureRead("", "actual"))


def _own_period_left_out(r: _Read, period: Period | None) -> _Read:
    """ "Kết nạp đảng viên năm 2024" › "Kế hoạch" in a 2024 report: the admissions."""
    labels = tuple(without_own_period(label, period) for label in r.labels)
    return r if labels == r.labels else replace(r, labels=labels)


def _measure_in_front(r: _Read, catalogue: Catalogue) -> _Read:
    """ "Chỉ tiêu kết nạp", "Kết quả kết nạp", "Kế hoạch kết nạp đảng viên": a measure's
    words first, then what it is of, with no separator (a header written as a phrase).
    Over columns that say their measure ("Chỉ tiêu kết nạp đảng viên" › "Kế hoạch" |
    "Thực hiện" | "Cùng kỳ"), "chỉ tiêu" is the word for an indicator, not a plan: left
    out (trial 29)."""
    if r.measure.measure and len(r.labels) > 0:
        labels = tuple(_without_indicator_word(label, catalogue) for label in r.labels)
        if labels != r.labels:
            r = replace(r, labels=labels)
    if r.measure.measure or r.measure.derived or r.measure.year or not r.labels:
        return r
    words = r.labels[-1].split()
    for size in range(min(3, len(words) - 1), 0, -1):
        measure = catalogue.measure_for(" ".join(words[:size]))
        if measure is None:
            continue
        rest = " ".join(words[size:])
        said = catalogue.lexicon.read(rest)
        if said.residue or said.empty:
            continue
        return replace(r, labels=(*r.labels[:-1], rest), measure=MeasureRead("", measure))
    return r


_INDICATOR_WORD = "chi tieu "


def _without_indicator_word(label: str, catalogue: Catalogue) -> str:
    """ "Chỉ tiêu kết nạp đảng viên" -> "kết nạp đảng viên", when what follows reads whole."""
    if not fold(label).startswith(_INDICATOR_WORD):
        return label
    rest = label.split(None, 2)[2] if len(label.split(None, 2)) == 3 else ""
    said = catalogue.lexicon.read(rest)
    return label if said.residue or said.empty else rest


def _parts_of_a_stock(
    reads: Sequence[_Read],
    recognised: dict[int, Recognised],
    catalogue: Catalogue,
    context: Meaning,
) -> None:
    """Columns that name only who is counted ("Đảng viên nữ", "Nữ | Dân tộc thiểu số |
    Sinh viên") beside a count of what exists ("Tổng số đảng viên"), where no title or
    heading says what was done: parts of that count, the members on the rolls, never the
    members admitted. No indicator counts them: named, not added."""
    if context.event is not None:
        return
    stock = any(
        found.indicator and catalogue.indicators[found.indicator].stock
        for found in recognised.values()
    )
    if not stock:
        return
    lexicon = catalogue.lexicon
    for r in reads:
        found = recognised.get(r.index)
        if found is None or found.indicator is None:
            continue
        said = read_path(lexicon, r.labels)
        # what was done left unsaid by the column, said by no title: a part of the stock
        done = catalogue.indicators[found.indicator].described.event
        if done is not None and not (said.event or said.actor):
            recognised[r.index] = Recognised(None, meaning=found.meaning)


def _measures_of_the_one_indicator(
    reads: Sequence[_Read],
    recognised: dict[int, Recognised],
    catalogue: Catalogue,
    context: Meaning,
) -> None:
    """A column that names only a measure ("Kế hoạch" | "Kết nạp"; "Chỉ tiêu giao" | "Đã kết
    nạp") in a table whose other columns, and title, name one indicator: its measure. The
    title's indicator also where the other columns name only parts of it ("Kế hoạch | Thực
    hiện | Cùng kỳ | Trong đó: Nữ" under "KẾT QUẢ KẾT NẠP ĐẢNG VIÊN")."""
    # a percentage column ("Tỷ lệ % so với KH") beside them is of the same indicator
    orphans = [r for r in reads if not r.labels and (r.measure.measure or r.measure.derived)]
    if not orphans:
        return
    named = {found.indicator for found in recognised.values() if found.indicator}
    of_title = None if context.empty else catalogue.recognise(context).indicator
    alone = len(named | {of_title} - {None}) == 1
    if of_title is not None and named - {of_title} <= catalogue.parts_of(of_title):
        named = {of_title}
    elif of_title is not None:
        named.add(of_title)
    if len(named) != 1:
        return
    (indicator,) = named
    if not alone:  # a percentage beside a part's columns may be the part's: not guessed
        orphans = [r for r in orphans if r.measure.measure]
    taken = {
        r.measure.measure or r.measure.derived
        for r in reads
        if r.labels and (found := recognised.get(r.index)) and found.indicator == indicator
    }
    measures = [r.measure.measure or r.measure.derived for r in orphans]
    for r, measure in zip(orphans, measures, strict=True):
        # a measure the indicator's own columns give, or two columns of it: not guessed
        if measure not in taken and measures.count(measure) == 1:
            recognised[r.index] = Recognised(indicator, meaning=context)


def _things_of_groups(
    reads: Sequence[_Read],
    recognised: dict[int, Recognised],
    catalogue: Catalogue,
    context: Meaning,
) -> None:
    """A group whose columns leave the thing unsaid ("Kỷ luật" › "Khiển trách | Cảnh cáo
    | Cách chức | Khai trừ"): the one thing all its columns name an indicator of together
    (only members are dismissed or expelled), if only one does."""
    groups: dict[tuple[int, int], list[_Read]] = {}
    for r in reads:
        if r.labels and r.group[0] != r.group[1]:
            groups.setdefault(r.group, []).append(r)
    lexicon = catalogue.lexicon
    for members in groups.values():
        if len(members) < 2 or any(recognised[r.index].indicator for r in members):
            continue
        meanings = [read_path(lexicon, r.labels).within(context) for r in members]
        if any(m.thing or "thing" in m.mixed or m.residue or not m.event for m in meanings):
            continue
        fitting: list[list[Recognised]] = []
        for thing in sorted(lexicon.concepts.get("thing", ())):
            found = [catalogue.recognise(replace(m, thing=thing)) for m in meanings]
            if all(f.indicator for f in found):
                fitting.append(found)
        if len(fitting) == 1:
            for r, found_one in zip(members, fitting[0], strict=True):
                recognised[r.index] = found_one


def _listed_as_parts(r: _Read) -> bool:
    """A column under a heading that only says "Trong đó" ("Kết nạp đảng viên › Chỉ tiêu |
    Kết quả" then "Trong đó › Nữ | Đoàn viên | Sinh viên"): a part of what was done."""
    top = r.text.split(" › ", 1)[0]
    if " › " not in r.text:
        return starts_in_which(top)  # "Trong đó nữ", "Trong đó: nữ"
    return bool(top.strip()) and not strip_numbering(top)


def _beside_its_measures(
    r: _Read, indicator: str, reads: Sequence[_Read], recognised: dict[int, Recognised]
) -> bool:
    """Whether a column with no measure shares its group with columns of the same
    indicator (its Kế hoạch, its Cùng kỳ): which measure it is cannot be told. A part
    with a heading of its own in the group ("Kỷ luật đảng viên" › "Khiển trách") is a
    count."""
    return any(
        o.index != r.index
        and r.group[0] <= o.index <= r.group[1]
        and (found := recognised.get(o.index)) is not None
        and found.indicator == indicator
        for o in reads
    ) or (r.group[0] != r.group[1] and len(r.labels) < 2)


def _above(r: _Read, catalogue: Catalogue, context: Meaning) -> str | None:
    """The indicator the levels above a column's lowest one name, if they name one."""
    if len(r.labels) < 2 or r.measure.measure is not None or r.measure.derived is not None:
        return None
    meaning = read_path(catalogue.lexicon, r.labels[:-1]).within(context)
    return catalogue.recognise(meaning).indicator


def _lowest_heading(grid: Grid, header: Header, c: int) -> str:
    """The cell of a column's lowest heading: the measure's, where a finding points."""
    for r in range(header.bottom, header.top - 1, -1):
        if is_text(grid.value(r, c)):
            return a1(r, c)
    return a1(header.top, c)


def _read_path(c: int, path: list[str], catalogue: Catalogue, paths: dict[int, list[str]]) -> _Read:
    """A column's path read level by level: its measure from the lowest level that names
    one ("Thực hiện" › "Kỳ này"; "Trong đó (kỳ này)" › "Nữ"), its indicator from the rest
    of each level's words."""
    levels = [p for p in path if not is_column_number(p)]
    reads = [read_measure(p, catalogue) for p in levels]
    measured = [
        (level, m)
        for level, m in zip(levels, reads, strict=True)
        if m.measure or m.derived or m.year
    ]
    # "Kế hoạch › Tổng số | Nữ": "Tổng số" under a measure is the whole, not a measure
    if len(measured) > 1 and fold(measured[-1][0]) in _THE_WHOLE:
        measured.pop()
    measure = measured[-1][1] if measured else MeasureRead("")
    # "So sánh (%)" › "Kế hoạch" | "Cùng kỳ": a percentage of what the heading below names,
    # never that measure itself (the plan typed twice)
    over = next((n for n, m in enumerate(reads) if m.derived == "percent"), None)
    if over is not None and over < len(reads) - 1:
        kind = next(
            (
                k
                for n in range(len(reads) - 1, over, -1)
                if (k := base_of_percent(reads[n], levels[n]))
            ),
            "percent",
        )
        measure = MeasureRead("", None, kind)
    span = next((m.span for m in reversed(reads) if m.span is not None), None)
    if span is not None and measure.span is None and measure.derived is None:
        measure = replace(measure, span=span)  # "6 tháng đầu năm 2023" › "Thực hiện"
    labels = tuple(strip_numbering(m.head) for m in reads if strip_numbering(m.head))
    return _Read(c, " › ".join(path), labels, measure, _group(c, path, paths))


_THE_WHOLE = frozenset({"tong so", "tong", "tong cong", "cong"})


def _group(c: int, path: list[str], paths: dict[int, list[str]]) -> tuple[int, int]:
    """The columns sharing this column's top-level heading, as (first, last)."""
    top = path[0]
    first = last = c
    while first - 1 in paths and paths[first - 1][0] == top:
        first -= 1
    while last + 1 in paths and paths[last + 1][0] == top:
        last += 1
    return first, last


def _within(meaning: Meaning, title: Meaning, context: Meaning) -> Meaning:
    """A column's meaning with what the title, or failing it the other columns, say. What
    the columns agree on ("Kiểm tra đảng viên …" twice) fills a column that names no event
    of its own, or theirs; a column naming another ("Giám sát chuyên đề") keeps the thing
    it leaves unsaid unsaid: which thing it counts is not the other columns' to tell."""
    if context is title or not meaning.event or meaning.event == context.event:
        return meaning.within(context)
    return meaning.within(title)


def _context(title: Meaning, labels: Sequence[tuple[str, ...]], catalogue: Catalogue) -> Meaning:
    """The title's meaning; where the title leaves the thing or the event unsaid (a bare
    "NĂM 2023", a CSV without one, two events named), what every column that names them
    agrees on."""
    if title.thing and title.event:
        return title
    things: set[str] = set()
    events: set[str] = set()
    for levels in labels:
        meaning = read_path(catalogue.lexicon, levels)
        if meaning.thing and meaning.event:
            things.add(meaning.thing)
            events.add(meaning.event)
    if len(things) == 1 and len(events) == 1:
        thing, event = things.pop(), events.pop()
        if not (title.thing or title.event):
            return Meaning(thing=thing, event=event, qualifiers=title.qualifiers)
        # a title line naming a second event ("CÔNG TÁC KẾT NẠP VÀ KỶ LUẬT ĐẢNG VIÊN")
        # leaves it unsaid: the columns that agree say it, where they contradict no word of
        # the title
        if title.thing in (None, thing) and title.event in (None, event):
            return replace(title, thing=thing, event=event)
    return title if not title.empty else NOTHING


def _measure_of(
    read: MeasureRead, period: Period | None, years: list[int]
) -> tuple[Measure | None, str | None]:
    """The measure a header cell names, a year in it read against the sheet's period
    ("Thực hiện năm 2023" is the actual of a 2023 report, "Năm 2022" its prior)."""
    if read.derived is not None:
        return None, read.derived
    if read.year is None:
        return read.measure, None
    if period is None and read.measure in ("plan", "prior"):
        return read.measure, None  # "Cùng kỳ năm 2022", "Kế hoạch năm 2023"
    current = period.year if period is not None else (years[-1] if years else None)
    if current is None:
        return None, None
    if read.measure == "plan":
        return ("plan", None) if read.year == current else (None, None)
    if read.measure == "prior":
        return ("prior", None) if read.year < current else (None, None)
    if read.year == current:
        return "actual", None
    if read.year == current - 1:
        return "prior", None
    return None, None


def _other_span(read: MeasureRead, period: Period | None) -> bool:
    """A measure heading naming another span than its sheet's period ("Thực hiện 6 tháng",
    "Kế hoạch quý IV" in a year's sheet): its figures are of another period. The first
    quarter is the first 3 months."""
    if read.span is None or period is None or read.derived is not None:
        return False
    months, quarter = read.span
    if quarter is not None:
        return period.quarter != quarter and not (quarter == 1 and period.months == 3)
    return period.months != months or period.quarter not in (None, 1)


def _not_named(r: _Read, cell: str, found: Recognised | None) -> Unplaced:
    if not r.labels and r.measure.derived is not None:
        return Unplaced(r.index, r.text, cell, "percentage")
    if found is not None and found.candidates:
        return Unplaced(r.index, r.text, cell, "ambiguous", None, ", ".join(found.candidates))
    return Unplaced(r.index, r.text, cell, "unknown", found.near if found else None)


def _measure_columns(
    grid: Grid,
    paths: dict[int, list[str]],
    header: Header,
    catalogue: Catalogue,
    period: Period | None,
) -> Columns:
    """Indicator-rows layout: each column is a measure (or a derived percentage), and may
    count a part of what its row names ("Tổng số | Trong đó › Nữ | Dân tộc thiểu số"), or
    the object its row's check is of ("Nội dung | Tổ chức đảng | Đảng viên")."""
    reads = [_read_path(c, path, catalogue, paths) for c, path in paths.items()]
    years = sorted({r.measure.year for r in reads if r.measure.year is not None})
    parts = {r.index: _part_of_row(r, catalogue) for r in reads}
    thing_over_all = None
    if not _split_by_parts(reads, parts, period, years):
        # one heading over all the measures ("Số đảng viên › Kỳ này | Cùng kỳ")
        named = {part for part in parts.values() if part is not None}
        if len(named) == 1:
            thing_over_all = catalogue.lexicon.read(named.pop()).thing
        parts = {}
    # columns of parts but no measure: what was done, where no column says a measure, or
    # listed under "Trong đó" beside the whole's
    measured = any(_measure_of(r.measure, period, years) != (None, None) for r in reads)
    # "Tổng số | Khiển trách | Cảnh cáo …", "Cộng" beside the forms: the only measure is
    # what was done, and the parts beside it are of it
    only_actual = {_measure_of(r.measure, period, years)[0] for r in reads} <= {"actual", None}
    read: list[Column] = []
    unplaced: list[Unplaced] = []
    seen: dict[tuple[str | None, str], str] = {}
    for r in reads:
        cell = _lowest_heading(grid, header, r.index)
        if _other_span(r.measure, period):
            assert period is not None
            unplaced.append(Unplaced(r.index, r.text, cell, "other-period", None, period.code))
            continue
        part = parts.get(r.index)
        measure, derived = _measure_of(r.measure, period, years)
        if measure is None and derived is None and part is None:
            measure = _measure_among_words(r, catalogue)
        if (
            measure is None
            and derived is None
            and part is not None
            and (not measured or only_actual or _listed_as_parts(r))
        ):
            measure = "actual"
        if measure is None and derived is None:
            unplaced.append(Unplaced(r.index, r.text, cell, "unknown"))
            continue
        if derived is not None and part is not None:
            # a percentage of one part ("Đảng viên › Tỷ lệ %"): the rows' own are checked
            unplaced.append(Unplaced(r.index, r.text, cell, "percentage"))
            continue
        slot = (part, measure or f"derived:{derived}")
        if slot in seen:
            unplaced.append(Unplaced(r.index, r.text, cell, "duplicate", None, seen[slot]))
            continue
        seen[slot] = cell
        read.append(Column(r.index, r.text, None, measure, derived, part))
    if not any(c.measure for c in read):
        return Columns((), None, ())
    read, unchecked = _checkable(read, grid, header)
    return Columns(tuple(read), None, (*unplaced, *unchecked), thing_over_all=thing_over_all)


def _split_by_parts(
    reads: Sequence[_Read], parts: dict[int, str | None], period: Period | None, years: list[int]
) -> bool:
    """Whether the columns split the rows' figures: two parts named, or a part beside a
    column of the whole under the same measure ("Tổng số › KH | TH" and "Nữ › KH | TH"), or
    a part listed under "Trong đó"; not one heading over every measure."""
    named = set(parts.values()) - {None}
    if len(named) >= 2:
        return True
    if not named:
        return False
    of_whole = {_measure_of(r.measure, period, years) for r in reads if not parts.get(r.index)}
    of_part = {_measure_of(r.measure, period, years) for r in reads if parts.get(r.index)}
    shared = (of_whole & of_part) - {(None, None)}
    return bool(shared) or any(parts.get(r.index) and _listed_as_parts(r) for r in reads)


def _part_of_row(r: _Read, catalogue: Catalogue) -> str | None:
    """A column's own words when they name a thing or qualifiers, and no one by whom ("Nữ",
    "Dân tộc thiểu số", "Tổ chức đảng", "Hình thức kỷ luật › Khiển trách"): what the column
    counts of what its row names. None for a measure's column ("Kỳ này", "Thực hiện")."""
    words = " ".join(label for label in r.labels if label)
    if not words:
        return None
    said = catalogue.lexicon.read(words)
    if said.residue or said.mixed or said.actor:
        return None
    return words if (said.thing or said.qualifiers) else None


def _measure_among_words(r: _Read, catalogue: Catalogue) -> Measure | None:
    """'Số lượng kết nạp': a measure word beside words of meaning, in a sheet whose rows
    name the indicators."""
    text = " ".join(r.labels)
    words = text.split()
    for size in range(len(words) - 1, 0, -1):
        for start in (0, len(words) - size):
            measure = catalogue.measure_for(" ".join(words[start : start + size]))
            if measure is None:
                continue
            rest = " ".join(words[:start] + words[start + size :])
            if not catalogue.lexicon.read(rest).residue:
                return measure
    return None


def resolve_column(
    path: list[str],
    catalogue: Catalogue,
    context: Meaning = NOTHING,
    period: Period | None = None,
) -> tuple[str | None, Measure | None, str | None]:
    """(indicator, measure, derived kind) one header path names on its own; indicator None
    if none. A column with no measure of its own is a count (its actual)."""
    read = _read_path(0, path, catalogue, {0: path})
    found = catalogue.recognise(read_path(catalogue.lexicon, read.labels).within(context))
    measure, derived = _measure_of(read.measure, period, [])
    if found.indicator is not None and (measure, derived, read.measure.year) == (None,) * 3:
        measure = "actual"
    return found.indicator, measure, derived
