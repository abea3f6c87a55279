"""The Python API: what the CLI calls, and what a notebook can call instead."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from .calculate import totals, unit_figures
from .catalogue import (
    Catalogue,
    Registry,
    RegistryInfo,
    Unit,
    extend_registry,
    load_catalogue,
    load_registry,
    load_registry_file,
    province_registry,
    resolve_name,
)
from .catalogue.registry import names_a_province
from .catalogue.registry import registry_for as province_registry_for
from .collect import Collected, Collector, collect, finish, unit_of_file_name
from .config import Config
from .errors import InputError, Skipped, UsageError
from .layout import Row, SheetData, figure_cells, numbers_unread, parse_tables, unread_sheet
from .layout.title import preload as preload_titles
from .limits import DEFAULT_LIMITS, Limits
from .model import (
    MEASURES,
    NO_NUMBERS,
    Accounting,
    Cells,
    Counted,
    Finding,
    Key,
    Period,
    Report,
    Severity,
    UnitFigures,
    sizes_of,
)
from .periods import check_prior, file_periods, mismatches, other_periods, run_period
from .read import Checked, Grid, check_file, discover, preload, read_checked
from .read.legacy import legacy_finding, read_legacy_text
from .render.numbers import format_plain
from .text import fold
from .units import UnitMatcher
from .workers import job_count, read_in_processes, worth_workers


@dataclass
class Loaded:
    """What the files say, before any unit is resolved."""

    files: list[Path]
    sheets: list[SheetData] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


Progress = Callable[[int, int], None]  # (files read, files in all)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a run builds millions of small objects, none
    of them in cycles: each collection walks every object alive, and they add up to seconds
    on a national roll-up. Reference counting frees memory as usual; what is alive at the
    end is moved out of the collector's sight (gc.freeze), so that switching it back on
    does not start a full collection of it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def load(
    paths: Iterable[Path | str],
    catalogue: Catalogue | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    jobs: int | None = None,
    on_file: Callable[[list[SheetData]], None] | None = None,
) -> Loaded:
    """Read every sheet of every file under `paths`. A file that cannot be read becomes an
    `unreadable-file` finding, so one bad file does not hide the others' results.

    Many files are read in `jobs` processes (default: one per core; `CTR_STATS_JOBS`
    overrides), few in this one: a process costs more to start than a few files to read.
    Either way the result is the same, in the files' order; `on_file` is called with each
    file's sheets, in that order, as soon as they are read."""
    catalogue = catalogue or load_catalogue()
    files = discover(Path(p) for p in paths)
    loaded = Loaded(files)
    if progress is not None:
        progress(0, len(files))
    with paused_gc():
        if worth_workers(len(files), jobs or job_count()):
            _preload()
            results = read_in_processes(files, catalogue, limits, jobs or job_count(), progress)
        else:
            results = _read_serially(files, catalogue, limits, progress)
        for sheets, findings in results:
            loaded.sheets.extend(sheets)
            loaded.findings.extend(findings)
            if on_file is not None:
                on_file(sheets)
    if progress is not None:
        progress(len(files), len(files))
    return loaded


def _preload() -> None:
    """What reading loads on its first file, loaded once here rather than by each worker
    on its first file (1,000 files: 0.02 s of a 1.4 s run)."""
    preload()
    preload_titles()


def _read_serially(
    files: list[Path], catalogue: Catalogue, limits: Limits, progress: Progress | None
) -> Iterator[tuple[list[SheetData], list[Finding]]]:
    for done in range(0, len(files), _SERIAL_CHUNK):
        if progress is not None and done:
            progress(done, len(files))
        yield from read_many(files[done : done + _SERIAL_CHUNK], catalogue, limits)


_SERIAL_CHUNK = 16  # files read a stage at a time, as a worker reads its chunk


def read_many(
    paths: list[Path], catalogue: Catalogue, limits: Limits
) -> list[tuple[list[SheetData], list[Finding]]]:
    """Each file's sheets and findings, in order; never raises for what is in a file.

    The files are checked a few megabytes' worth at a time, then those are parsed and laid
    out: one stage's code at a time stays in the processor's caches (3,321 files: 8% less
    CPU than file by file), and no more than a big file is held at once."""
    results: list[tuple[list[SheetData], list[Finding]]] = []
    checked: list[Checked | Finding] = []
    held = 0
    for n, path in enumerate(paths, start=1):
        item = _check(path, limits)
        checked.append(item)
        held += len(item.data) if isinstance(item, Checked) else 0
        if held >= _BATCH_BYTES or n == len(paths):
            results += [
                _sheets(item, catalogue) if isinstance(item, Checked) else ([], [item])
                for item in checked
            ]
            checked, held = [], 0
    return results


_BATCH_BYTES = 4_000_000  # checked files held before they are parsed (a form: 50 KB)


def _check(path: Path, limits: Limits) -> Checked | Finding:
    try:
        return check_file(path, limits)
    except InputError as exc:
        return _input_finding(exc)
    except Exception as exc:  # a reader's own bug must not hide the other files
        return _unexpected(exc, str(path))


def _input_finding(exc: InputError) -> Finding:
    severity = Severity.NOTE if isinstance(exc, Skipped) else Severity.ERROR
    return Finding(exc.code, severity, exc.message, exc.message_en, exc.file, exc.sheet, exc.cell)


def _sheets(checked: Checked, catalogue: Catalogue) -> tuple[list[SheetData], list[Finding]]:
    """A checked file's sheets laid out, and the findings of reading them."""
    sheets: list[SheetData] = []
    findings: list[Finding] = []
    try:
        grids = read_checked(checked)
    except InputError as exc:
        return sheets, [_input_finding(exc)]
    except Exception as exc:  # a reader's own bug must not hide the other files
        return sheets, [_unexpected(exc, str(checked.path))]
    read_any = tables_read = False
    unread_grids: list[Grid] = []
    for grid in grids:
        if grid.hidden:
            # a template's hidden list of units and their codes (its drop-down's) holds no figure
            if figure_cells(grid):
                findings.append(
                    Finding(
                        "hidden-sheet",
                        Severity.ERROR,
                        "trang tính bị ẩn nhưng có số liệu: không được đọc (bỏ ẩn nếu cần tính, hoặc xóa trang)",
                        "the sheet is hidden but holds figures: not read (unhide it to count it, or delete it)",
                        grid.file,
                        grid.sheet,
                    )
                )
            continue
        legacy = read_legacy_text(grid)
        if legacy is not None:
            findings.append(legacy_finding(grid, legacy))
        try:
            tables = parse_tables(grid, catalogue)
        except Exception as exc:
            findings.append(_unexpected(exc, grid.file, grid.sheet))
            continue
        read_any = read_any or bool(tables)
        if tables:
            sheets.extend(tables)
            tables_read = True
        else:
            unread_grids.append(grid)
    for grid in unread_grids:  # once the file's other sheets are known to be read or not
        unread = unread_sheet(grid, catalogue, file_read=tables_read)
        if unread is None and tables_read:
            unread = numbers_unread(grid)
        if unread is not None:
            findings.append(unread)
            read_any = True  # said of the sheet itself: no second word for the file
    if not read_any:
        findings.append(
            Finding(
                "no-figures",
                Severity.WARNING,
                "không tìm thấy bảng số liệu nào (không có cột Đơn vị hay Chỉ tiêu với Kế hoạch, Thực hiện…)",
                "no table of figures found (no Đơn vị or Chỉ tiêu column with Kế hoạch, Thực hiện…)",
                str(checked.path),
            )
        )
    return sheets, findings


def _unexpected(exc: Exception, file: str, sheet: str | None = None) -> Finding:
    return Finding(
        "unreadable-file",
        Severity.ERROR,
        f"lỗi không lường trước khi đọc ({type(exc).__name__}: {exc}); hãy gửi tệp này cho người phát triển",
        f"unexpected error while reading ({type(exc).__name__}: {exc}); please send this file to the developers",
        file,
        sheet,
    )


def registry_for(period: Period | None, province: str = "ha-noi") -> str:
    """The registry in force for a period where the user chose none: Hanoi's districts
    before 1 July 2025, its communes after (another province's by name)."""
    return province_registry_for(period, province)


def registry_in_force(
    name: str | None,
    units_file: Path | str | None = None,
    units_only: bool = False,
    period: Period | None = None,
) -> Registry:
    """The registry a run uses: the one named (a registry, or a province by the period),
    else the period's; extended with the user's file, or the user's file alone."""
    if units_only:
        if units_file is None:
            raise UsageError("--units-only cần một tệp", "--units-only needs a file")
        if name:
            raise UsageError(
                "--units-only thay cả danh mục: không dùng cùng --registry",
                "--units-only replaces the registry: it cannot go with --registry",
            )
        return load_registry_file(Path(units_file))
    base = load_registry(resolve_name(name, period) if name else registry_for(period))
    return extend_registry(base, Path(units_file)) if units_file is not None else base


def known_up_front(name: str | None, units_only: bool, period: Period | None) -> bool:
    """Whether the registry in force is known before the files say their period."""
    return units_only or period is not None or (name is not None and not names_a_province(name))


@dataclass(frozen=True)
class Analysis:
    """A computed report with what it was computed from, for the checks."""

    report: Report
    registry: Registry
    # the rows attributed to units, a sheet's at a time
    blocks: list[tuple[SheetData, Sequence[Row], Unit]]
    # (file, sheet) -> the indicators the sheet holds: what a finding naming it touches
    sheet_indicators: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # with --prior: unit code -> last period's files its figures were read from; else None
    prior_files: dict[str, tuple[str, ...]] | None = None
    # the files whose title names no unit known: each of their figures is left out
    titled_unknown: frozenset[str] = frozenset()
    # (file, sheet) of the sheets of another period, left out whole -> the unit they name
    # (their title, else their file's name), or None
    left_out: dict[tuple[str, str], str | None] = field(default_factory=dict)

    @property
    def rows(self) -> Iterator[tuple[SheetData, Row, Unit]]:
        """Every row attributed to a unit, with its sheet and unit."""
        for sheet, rows, unit in self.blocks:
            for row in rows:
                yield sheet, row, unit


def compute(
    paths: Iterable[Path | str],
    *,
    registry: str | None = None,
    units_file: Path | str | None = None,
    units_only: bool = False,
    period: Period | None = None,
    precision: int = 1,
    prior: Iterable[Path | str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    config: Config | None = None,
) -> Report:
    """Read the units' workbooks and compute each indicator's figures for each unit and
    for the total. `prior` names last period's workbooks (the same span one year earlier),
    whose actual figures then replace the sheets' own Cùng kỳ columns.

    The report is the one `check` makes, with the same findings: the configuration's
    (`config`: registry, units, period, rules, severities, ignores) applied, and its
    `caveats` naming what the figures lack or doubt."""
    from .checks import check

    return check(
        paths,
        config=config,
        registry=registry,
        units_file=units_file,
        units_only=units_only,
        period=period,
        precision=precision,
        prior=prior,
        limits=limits,
        progress=progress,
    ).report


def analyse(
    paths: Iterable[Path | str],
    *,
    registry: str | None = None,
    units_file: Path | str | None = None,
    units_only: bool = False,
    period: Period | None = None,
    period_from: str = "--period",
    precision: int = 1,
    prior: Iterable[Path | str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Analysis:
    """The figures and the findings of reading and attributing them, before the checks.
    `period`, given by `period_from` (an option or the configuration), must agree with the
    files' titles where they name one."""
    if precision < 0 or precision > 6:
        raise UsageError("--precision phải từ 0 đến 6", "--precision must be 0 to 6")
    with paused_gc():
        return _analyse(
            list(paths),
            registry,
            units_file,
            units_only,
            period,
            period_from,
            precision,
            prior,
            limits,
            progress,
        )


class _Attributing:
    """Sheets attributed to units while the next files are read, when the registry is known
    up front: those of the period given, else of the first period a file names. The run's
    period is known only once every file is read; if it turns out another, the sheets are
    attributed again (`_analyse`)."""

    def __init__(self, matcher: UnitMatcher, period: Period | None) -> None:
        self.collector = Collector(matcher)
        self.period = period
        self.passed: set[Period] = set()  # the periods of the sheets not attributed

    def add(self, sheets: list[SheetData]) -> None:
        periods = file_periods(sheets)
        if self.period is None:
            self.period = next(
                (p for s, p in zip(sheets, periods, strict=True) if p and s.rows), None
            )
        others = other_periods(sheets, periods)
        for sheet, own, other in zip(sheets, periods, others, strict=True):
            if other is not None:
                continue  # a period ctr-stats cannot take: never attributed (`mismatches`)
            if own is None or own == self.period:
                self.collector.add(sheet)
            else:
                self.passed.add(own)

    def stands(self, run: Period | None) -> bool:
        """Whether what was attributed is what the run's period asks for: exactly its
        sheets, none of them passed over before the period was known."""
        return self.period == run and run not in self.passed


def _analyse(
    paths: list[Path | str],
    registry: str | None,
    units_file: Path | str | None,
    units_only: bool,
    period: Period | None,
    period_from: str,
    precision: int,
    prior: Iterable[Path | str] | None,
    limits: Limits,
    progress: Progress | None,
) -> Analysis:
    catalogue = load_catalogue()
    # With the registry known before the files are read, sheets are attributed to units
    # while the next files are still being read; otherwise the period they name decides it.
    early = (
        registry_in_force(registry, units_file, units_only, period)
        if known_up_front(registry, units_only, period)
        else None
    )
    attributing = _Attributing(UnitMatcher(early), period) if early is not None else None
    loaded = load(
        paths, catalogue, limits, progress, on_file=attributing.add if attributing else None
    )
    if not loaded.files:
        raise InputError(
            "không có tệp bảng tính nào để đọc",
            "no spreadsheet files to read",
            file=", ".join(str(p) for p in paths),
        )
    findings, notes = _split_notes(loaded.findings)
    sheets_read = loaded.sheets
    del loaded  # its paths let go before the figures are made (a national roll-up's: MBs)
    periods = file_periods(sheets_read)
    run = run_period(sheets_read, periods, period, period_from)
    sheets, mismatched = mismatches(sheets_read, periods, run)
    findings.extend(mismatched)
    if attributing is not None and attributing.stands(run):
        chosen, matcher, collected = (
            early,
            attributing.collector.matcher,
            attributing.collector.result,
        )
        finish(collected, catalogue)  # as collect() does, once every sheet is in
    else:
        chosen = early or registry_in_force(registry, units_file, units_only, run)
        matcher = UnitMatcher(chosen)
        collected = collect(sheets, matcher, catalogue)
    assert chosen is not None
    findings.extend(collected.findings)
    cells = collected.cells
    read = [sheets_read]
    prior_files: dict[str, tuple[str, ...]] | None = None
    # this period's, before last period's are in
    suspects = _unattributed_files(findings, _titled_unknown(collected)) + [
        note.file for note in notes if note.code == "archive" and note.file
    ]
    files_read = [s.file for s in sheets] + [f.file for f in findings if f.file]  # likewise
    if prior is not None:
        prior_loaded = load(prior, catalogue, limits)
        read.append(prior_loaded.sheets)
        prior_findings, prior_notes = _split_notes(prior_loaded.findings)
        prior_periods = file_periods(prior_loaded.sheets)
        prior_period = run_period(prior_loaded.sheets, prior_periods, given_by="--prior")
        check_prior(prior_period, run)
        _check_prior_registry(
            prior_period, run, registry, units_file, units_only, _titled_province(sheets)
        )
        prior_sheets, prior_mismatched = mismatches(
            prior_loaded.sheets, prior_periods, prior_period
        )
        prior_collected = collect(prior_sheets, matcher, catalogue)
        findings += prior_findings + prior_mismatched + prior_collected.findings
        notes += prior_notes
        findings += _prior_findings(cells, prior_collected.cells, chosen, catalogue)
        files_of: dict[str, dict[str, None]] = {}
        for sheet, _rows, unit in prior_collected.blocks:
            files_of.setdefault(unit.code, {})[sheet.file] = None
        prior_files = {code: tuple(files) for code, files in files_of.items()}
        for code, by_key in cells.items():
            for key in [k for k in by_key if k[1] == "prior"]:
                del by_key[key]
            for (indicator, measure), prior_cells in prior_collected.cells.get(code, {}).items():
                if measure == "actual":  # last period's actual, read where it stands
                    by_key[(indicator, "prior")] = prior_cells
    units = tuple(unit_figures(cells, chosen, catalogue, precision))
    reporting = {u.code for u in units}
    missing = [unit for unit in chosen.units if unit.code not in reporting]
    if missing:  # the files' names matched against the registry only when a unit is missing
        suspect_of = {file: unit_of_file_name(Path(file).stem, matcher) for file in suspects}
        named_after = _files_named_after(collected.blocks, matcher, files_read, suspects)
        alike = _files_named_almost(
            collected.blocks, missing, files_read, [*suspects, *_named_after_files(named_after)]
        )
        findings.extend(
            Finding(
                "missing-unit",
                Severity.ERROR,
                f"{unit.full_name} ({unit.code}) không có báo cáo{hint[0]}"
                + _named_after_vi(named_after.get(unit.code, {}))
                + "".join(
                    f"; tệp {file} mang tên gần giống tên đơn vị này, không đọc được là của"
                    " đơn vị nào (sửa tên đơn vị ở tiêu đề)"
                    for file in alike.get(unit.code, ())
                ),
                f"{unit.full_name} ({unit.code}) sent no report{hint[1]}"
                + _named_after_en(named_after.get(unit.code, {}))
                + "".join(
                    f"; the file {file} is named almost like this unit, and whose it is could"
                    " not be told (write the unit's name in its title)"
                    for file in alike.get(unit.code, ())
                ),
                unit=unit.name,
            )
            for unit in missing
            for hint in (_suspects_hint(suspects, suspect_of, unit),)
        )
    report = Report(
        period=run,
        registry=chosen.name,
        precision=precision,
        totals=tuple(totals(units, catalogue, precision)),
        units=units,
        findings=tuple(findings),
        accounting=_accounting(
            sheets_read,
            units,
            replaced_prior=prior is not None,
            from_totals=collected.from_totals,
            again=collected.again,
        ),
        notes=tuple(notes),
    )
    return Analysis(
        report,
        chosen,
        collected.blocks,
        _sheet_indicators(read),
        prior_files,
        _titled_unknown(collected),
        _left_out(sheets_read, sheets, matcher),
    )


def _left_out(
    read: Sequence[SheetData], kept: Sequence[SheetData], matcher: UnitMatcher
) -> dict[tuple[str, str], str | None]:
    """The sheets of another period, left out whole, and the unit each names: its title's,
    else its file name's; None when neither names one."""
    kept_at = {(s.file, s.sheet) for s in kept}
    found: dict[tuple[str, str], str | None] = {}
    for sheet in read:
        if (sheet.file, sheet.sheet) in kept_at or (sheet.file, sheet.sheet) in found:
            continue
        text = sheet.owner_text or sheet.owner
        unit = matcher.match(text, suggest=False).unit if text else None
        unit = unit or unit_of_file_name(Path(sheet.file).stem, matcher)
        found[(sheet.file, sheet.sheet)] = unit.name if unit is not None else None
    return found


def _check_prior_registry(
    prior: Period | None,
    run: Period | None,
    registry: str | None,
    units_file: Path | str | None,
    units_only: bool,
    titled: RegistryInfo | None = None,
) -> None:
    """Last period's files under another registry than this period's (Hanoi's districts
    until 30 June 2025, its communes after): their units are not this period's, so no unit
    can be set against its last period. A usage error, never 126 missing-prior-unit.
    `titled`: the one province the sheets' titles name, where it is not Hanoi: its
    registry is what the user should choose."""
    if prior is None or run is None or registry or units_file is not None or units_only:
        return
    then, now = registry_for(prior), registry_for(run)
    if then == now:
        return
    if titled is not None and titled.province_key != "ha-noi":
        raise UsageError(
            f"--prior: các tiêu đề ghi {titled.province}, nhưng không chọn danh mục đơn vị"
            f" nên dùng danh mục của Hà Nội ({then}, {now}); chọn danh mục của tỉnh:"
            f" --registry {titled.province_key}",
            f"--prior: the titles name {titled.province}, but no unit registry was chosen,"
            f" so Hanoi's were used ({then}, {now}); choose the province's:"
            f" --registry {titled.province_key}",
        )
    raise UsageError(
        f"--prior: {prior.label('vi')} theo danh mục đơn vị {then}, {run.label('vi')} theo"
        f" danh mục {now}: các đơn vị đã thay đổi nên không so được từng đơn vị với cùng kỳ;"
        " bỏ --prior để dùng cột Cùng kỳ trong các biểu",
        f"--prior: {prior.label('en')} is under unit registry {then}, {run.label('en')}"
        f" under {now}: the units changed, so no unit can be set against its last period;"
        " leave out --prior to use the workbooks' Cùng kỳ columns",
    )


def _titled_province(sheets: Sequence[SheetData]) -> RegistryInfo | None:
    """The one province the sheets' titles name ("ĐẢNG BỘ TỈNH THANH HÓA"), if one."""
    named = {s.province for s in sheets if s.province}
    found = {info.province_key: info for name in named if (info := province_registry(name))}
    return next(iter(found.values())) if len(found) == 1 else None


def _files_named_after(
    blocks: Sequence[tuple[SheetData, Sequence[Row], Unit]],
    matcher: UnitMatcher,
    files: Sequence[str],
    said: Sequence[str],
) -> dict[str, dict[str, dict[str, None]]]:
    """unit code -> the files named after that unit ("ngoc-ha.xlsx") whose figures went to
    other units (its title names Ba Đình: a unit sent another's workbook), or from which no
    figure was read (not already `said` to be unreadable) -> those other units, if any."""
    found: dict[str, dict[str, dict[str, None]]] = {}
    named_by: dict[str, Unit | None] = {}  # file -> the unit its name names, matched once

    def named_after(file: str) -> Unit | None:
        if file not in named_by:
            named_by[file] = unit_of_file_name(Path(file).stem, matcher)
        return named_by[file]

    for sheet, _rows, unit in blocks:
        named = named_after(sheet.file)
        if named is not None and named.code != unit.code:
            found.setdefault(named.code, {}).setdefault(sheet.file, {})[unit.name] = None
    attributed = set(named_by)
    for file in dict.fromkeys(files):
        if file in attributed or file in said:
            continue
        named = named_after(file)
        if named is not None:
            found.setdefault(named.code, {}).setdefault(file, {})
    return found


_SUSPECTS_NAMED = 3  # more files than this are counted, not all named on every unit


def _suspects_hint(
    suspects: Sequence[str], named: Mapping[str, Unit | None], unit: Unit
) -> tuple[str, str]:
    """The files whose unit could not be told, said beside a missing unit: the one named
    after it alone ("hong-ha.xlsx", its title an old ward's); else those named after no
    other unit, named when they are few, counted, the first named, when they are many (a
    folder read with another province's registry would list every file on every unit)."""
    own = [
        file for file in suspects if (by := named.get(file)) is not None and by.code == unit.code
    ]
    if own:
        return (
            f" (có thể là tệp {', '.join(own)}: tên tệp là tên đơn vị này)",
            f" (perhaps the file {', '.join(own)}: it is named after this unit)",
        )
    suspects = [file for file in suspects if named.get(file) is None]
    if not suspects:
        return "", ""
    if len(suspects) <= _SUSPECTS_NAMED:
        return (
            f" (có thể là tệp {', '.join(suspects)})",
            f" (perhaps the file {', '.join(suspects)})",
        )
    first = ", ".join(suspects[:_SUSPECTS_NAMED])
    return (
        f" (có thể là một trong {len(suspects)} tệp không rõ của đơn vị nào: {first}, …)",
        f" (perhaps one of the {len(suspects)} files whose unit could not be told: {first}, …)",
    )


def _files_named_almost(
    blocks: Sequence[tuple[SheetData, Sequence[Row], Unit]],
    missing: Sequence[Unit],
    files: Sequence[str],
    said: Sequence[str],
) -> dict[str, list[str]]:
    """unit code -> the files no figure of which went to a unit, whose names name no unit
    but come within one letter of a missing unit's, marks aside ("P. Vĩ Dạ" for Phường Vỹ
    Dạ: both spellings are in use, and the tool does not guess between them)."""
    from rapidfuzz.distance import Levenshtein

    passed = {sheet.file for sheet, _rows, _unit in blocks} | set(said)
    found: dict[str, list[str]] = {}
    for file in dict.fromkeys(files):
        if file in passed:  # a unit's, or said already to be one ("có thể là tệp …")
            continue
        words = re.sub(r"[^\w]+", " ", fold(Path(file).stem)).split()
        for unit in missing:
            name = fold(unit.name).split()
            if len(" ".join(name)) < 4:
                continue
            runs = (" ".join(words[i : i + len(name)]) for i in range(len(words)))
            if any(Levenshtein.distance(run, " ".join(name), score_cutoff=1) <= 1 for run in runs):
                found.setdefault(unit.code, []).append(file)
    return found


def _named_after_files(named_after: dict[str, dict[str, dict[str, None]]]) -> list[str]:
    return [file for by_file in named_after.values() for file in by_file]


def _named_after_vi(files: dict[str, dict[str, None]]) -> str:
    return "".join(
        f"; tệp {file} mang tên đơn vị này nhưng là số liệu của {', '.join(units)}"
        if units
        else f"; tệp {file} mang tên đơn vị này nhưng không có số liệu nào được đọc"
        " (xem các phát hiện về tệp này)"
        for file, units in files.items()
    )


def _named_after_en(files: dict[str, dict[str, None]]) -> str:
    return "".join(
        f"; the file {file} bears this unit's name but holds the figures of {', '.join(units)}"
        if units
        else f"; the file {file} bears this unit's name but no figure was read from it"
        " (see the findings about it)"
        for file, units in files.items()
    )


_UNATTRIBUTED = frozenset({"unreadable-file", "password-protected", "unknown-unit"})


def _titled_unknown(collected: Collected) -> frozenset[str]:
    """The files whose title names a unit not known."""
    return frozenset(file for file, _ in collected.unknown_titles)


def _unattributed_files(findings: list[Finding], titled_unknown: frozenset[str]) -> list[str]:
    """The files of this period that gave no unit: one that could not be read, or whose
    title names no unit known (a sheet's, not a row's: a row's unit is one of many). A
    unit that sent nothing may be in one of them."""
    files: dict[str, None] = {}
    for finding in findings:
        if (
            finding.code in _UNATTRIBUTED
            and finding.file
            and finding.severity is Severity.ERROR
            and (finding.code != "unknown-unit" or finding.file in titled_unknown)
        ):
            files[finding.file] = None
    return list(files)


def _prior_findings(
    cells: Mapping[str, Mapping[Key, Cells]],
    prior_cells: Mapping[str, Mapping[Key, Cells]],
    registry: Registry,
    catalogue: Catalogue,
) -> list[Finding]:
    """What --prior's files lack or contradict. A unit reporting now but absent from last
    period's files has no Cùng kỳ: the change of every total would set this period's units
    against fewer of last period's, so it is an error. Where the workbooks' own Cùng kỳ
    differs from last period's Thực hiện (the one used), a warning says by how much."""
    found: list[Finding] = []
    for unit in registry.units:
        if cells.get(unit.code) and not prior_cells.get(unit.code):
            found.append(
                Finding(
                    "missing-prior-unit",
                    Severity.ERROR,
                    f"{unit.full_name} ({unit.code}) có báo cáo kỳ này nhưng không có trong các"
                    " tệp kỳ trước (--prior): không so sánh được với cùng kỳ",
                    f"{unit.full_name} ({unit.code}) reports this period but is not in last"
                    " period's files (--prior): no change against last period can be made",
                    unit=unit.name,
                )
            )
    differing: list[tuple[str, str, int | Decimal, int | Decimal]] = []
    for indicator, about in catalogue.indicators.items():
        stated: int | Decimal = 0
        used: int | Decimal = 0
        for code, by_key in cells.items():
            own = by_key.get((indicator, "prior"))
            last = prior_cells.get(code, {}).get((indicator, "actual"))
            if own is not None and last is not None:
                stated += own.total
                used += last.total
        if stated != used:
            differing.append((about.label_vi, about.label_en, stated, used))
    if differing:
        shown = differing[:3]
        more_vi = f"; và {len(differing) - 3} chỉ tiêu khác" if len(differing) > 3 else ""
        more_en = f"; and {len(differing) - 3} more" if len(differing) > 3 else ""
        found.append(
            Finding(
                "prior-differs",
                Severity.WARNING,
                f"cột Cùng kỳ trong các tệp khác Thực hiện của kỳ trước (--prior) ở"
                f" {len(differing)} chỉ tiêu: "
                + "; ".join(
                    f"{vi} {format_plain(a, 'vi')} và {format_plain(b, 'vi')}"
                    for vi, _, a, b in shown
                )
                + f"{more_vi}; dùng số của kỳ trước",
                f"the workbooks' Cùng kỳ differs from last period's Thực hiện (--prior) for"
                f" {len(differing)} indicator(s): "
                + "; ".join(
                    f"{en} {format_plain(a, 'en')} against {format_plain(b, 'en')}"
                    for _, en, a, b in shown
                )
                + f"{more_en}; the latter is used",
            )
        )
    return found


def _split_notes(found: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(findings, notes): the files passed over are said so, apart from the findings."""
    return (
        [f for f in found if f.severity is not Severity.NOTE],
        [f for f in found if f.severity is Severity.NOTE],
    )


def _sheet_indicators(
    read: Sequence[Sequence[SheetData]],
) -> dict[tuple[str, str], frozenset[str]]:
    """(file, sheet) -> the indicators its tables hold (a sheet may hold several tables).
    Every copy of a form holds the same ones: one frozenset is shared by them all."""
    shared: dict[frozenset[str], frozenset[str]] = {}
    of_counted: dict[Counted, frozenset[str]] = {}  # rows share a Counted per column layout
    held: dict[tuple[str, str], frozenset[str]] = {}
    for sheets in read:
        for sheet in sheets:
            indicators = held.get((sheet.file, sheet.sheet), frozenset())
            for counted in dict.fromkeys(r.counted for r in sheet.rows):
                own = of_counted.get(counted)
                if own is None:
                    own = of_counted[counted] = frozenset(key[0] for key in counted.keys)
                if not own <= indicators:
                    indicators |= own
            held[(sheet.file, sheet.sheet)] = shared.setdefault(indicators, indicators)
    return held


def _accounting(
    sheets: Sequence[SheetData],
    units: Sequence[UnitFigures],
    replaced_prior: bool,
    from_totals: int = 0,
    again: int = 0,
) -> Accounting:
    """The tables' numbers, with those read from a row but not added into a figure (a unit
    unknown or reported twice, a count that is no count, a Cùng kỳ replaced by --prior)
    counted apart from those added. `from_totals`: figures read from a total row alone (a
    plan given to the whole), which the sheets counted as checked; `again`: numbers added
    into a second figure (by the body that did it), counted once."""
    read = sum((s.accounting for s in sheets if s.accounting is not None), NO_NUMBERS)
    measures = [m for m in MEASURES if not (replaced_prior and m == "prior")]
    in_figures, held, sizes = 0, None, {}
    for unit in units:
        if unit.held is not held:  # a unit's figures come one after another
            held, sizes = unit.held, sizes_of(unit.held)
        for measure in measures:
            size = sizes.get((unit.figures.indicator, measure))
            if size is not None:
                in_figures += size[1]
    in_figures -= again
    return replace(
        read,
        used=in_figures,
        checked=read.checked - from_totals,
        refused=max(read.used - (in_figures - from_totals), 0),
    )
