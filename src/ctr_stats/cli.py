"""The command line: options in, the API called, a renderer chosen, an exit code out.

Heavy modules are imported inside the commands so that `--help` stays instant.
"""

from __future__ import annotations

import contextlib
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer

from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

    from .model import Finding, Period, Report, UnitFigures
    from .stops import Stop

app = typer.Typer(
    name="ctr-stats",
    help="Cộng, kiểm tra và báo cáo số liệu công tác tổ chức xây dựng Đảng."
    " / Add up, check and report party organization-work statistics.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    pretty_exceptions_enable=False,  # main() turns an unexpected error into one line
    rich_markup_mode=None,
    add_completion=False,
)


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class ComputeFormat(StrEnum):
    table = "table"
    json = "json"
    text = "text"
    markdown = "markdown"
    md = "md"  # markdown, as its suffix says it
    csv = "csv"
    tsv = "tsv"
    xlsx = "xlsx"
    docx = "docx"


FORMAT_BY_SUFFIX = {
    ".json": ComputeFormat.json,
    ".txt": ComputeFormat.text,
    ".md": ComputeFormat.markdown,
    ".csv": ComputeFormat.csv,
    ".tsv": ComputeFormat.tsv,
    ".xlsx": ComputeFormat.xlsx,
    ".docx": ComputeFormat.docx,
}
FILE_ONLY = (ComputeFormat.xlsx, ComputeFormat.docx)  # written to --output, never to stdout


class SortBy(StrEnum):
    plan = "plan"
    prior = "prior"


class By(StrEnum):
    total = "total"
    unit = "unit"


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Tệp hoặc thư mục bảng tính / workbook files or folders", show_default=False
    ),
]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Ngôn ngữ / language")]
PrecisionOpt = Annotated[
    int,
    typer.Option(
        "--precision",
        min=0,
        max=6,
        metavar="N",
        help="Số chữ số thập phân của % / decimals of percentages",
    ),
]
RegistryOpt = Annotated[
    str | None,
    typer.Option(
        "--registry",
        metavar="NAME",
        help="Danh mục đơn vị (quang-ngai-2025, hanoi-2024...) hoặc tên tỉnh (quang-ngai),"
        " xem ctr-stats units list / unit registry, or a province's name",
    ),
]
UnitsOpt = Annotated[
    Path | None,
    typer.Option(
        "--units",
        metavar="FILE",
        help="Thêm đơn vị của mình vào danh mục (CSV: code,name,type,aliases)"
        " / add your own units to the registry",
    ),
]
UnitsOnlyOpt = Annotated[
    Path | None,
    typer.Option(
        "--units-only",
        metavar="FILE",
        help="Chỉ dùng danh mục của mình, thay danh mục có sẵn / your own registry instead",
    ),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option(
        "--period", metavar="P", help="Kỳ báo cáo / period: 2023, 2022-h1, 2021-9m, 2024-q1"
    ),
]
PriorOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--prior",
        metavar="PATH",
        help="Bảng tính kỳ trước: Thực hiện của chúng là Cùng kỳ / last period's workbooks",
    ),
]
MaxCellsOpt = Annotated[
    int,
    typer.Option(
        "--max-cells",
        min=1,
        metavar="N",
        help="Giới hạn ô của một trang / a sheet's most cells (rows × columns)",
    ),
]
MaxMegabytesOpt = Annotated[
    int,
    typer.Option(
        "--max-megabytes",
        min=1,
        metavar="N",
        help="Giới hạn MB giải nén của một tệp / a file's most megabytes uncompressed",
    ),
]
MaxRatioOpt = Annotated[
    int,
    typer.Option(
        "--max-ratio", min=1, metavar="N", help="Tỷ lệ nén tối đa / the highest compression ratio"
    ),
]
MaxPartsOpt = Annotated[
    int,
    typer.Option(
        "--max-parts", min=1, metavar="N", help="Số phần tối đa trong tệp nén / most zip parts"
    ),
]
MaxMergesOpt = Annotated[
    int,
    typer.Option(
        "--max-merges", min=1, metavar="N", help="Số vùng gộp ô tối đa / most merged areas"
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Hiện traceback khi lỗi / show the traceback of an error")
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Mỗi phát hiện một dòng, không gộp / every finding on its own line, none folded",
    ),
]
AllowMissingOpt = Annotated[
    bool,
    typer.Option(
        "--allow-missing",
        help="Vẫn ghi kết quả khi thiếu đơn vị (ghi rõ đơn vị thiếu) / go on without missing units",
    ),
]
AllowErrorsOpt = Annotated[
    bool,
    typer.Option(
        "--allow-errors",
        help="Vẫn ghi kết quả khi số liệu có lỗi (ghi rõ đơn vị thiếu, số liệu có lỗi)"
        " / go on despite errors, saying what is missing or in doubt",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="FILE", help="Tệp cấu hình / configuration file (ctr-stats.toml)"
    ),
]


def _fail(exc: Exception, lang: Lang, debug: bool) -> NoReturn:
    from rich.console import Console

    from .errors import CtrStatsError
    from .safe_text import visible

    if debug:
        raise exc
    code = exc.exit_code if isinstance(exc, CtrStatsError) else 3
    text = exc.describe(lang.value) if isinstance(exc, CtrStatsError) else str(exc)
    console = Console(stderr=True, highlight=False)
    console.print(f"[bold red]{'Lỗi' if lang is Lang.vi else 'Error'}:[/bold red] ", end="")
    console.print(visible(text), markup=False, soft_wrap=True)  # one line, never cut mid-sentence
    raise typer.Exit(code)


def _print_findings(findings: tuple[Finding, ...], lang: Lang, every: bool = False) -> None:
    """On stderr, repeated findings folded into a line unless `every` (render/findings.py)."""
    if not findings:
        return  # rich not even imported (18 ms of a clean run)
    from rich.console import Console

    from .render.findings import write_findings

    write_findings(findings, Console(stderr=True, highlight=False), lang=lang.value, every=every)


def _parse_period(period: str | None, source: str = "--period") -> Period | None:
    """The --period option (or `source`, where the period was written)."""
    from .config import period_option

    return period_option(period, source) if period else None


OwnUnits = tuple[Path | None, bool]  # the user's registry file, and whether it replaces


def _own_units(units: Path | None, units_only: Path | None) -> OwnUnits:
    """--units (extends the registry in force) or --units-only (replaces it)."""
    from .errors import UsageError

    if units is not None and units_only is not None:
        raise UsageError(
            "chọn --units hoặc --units-only, không cả hai", "use --units or --units-only, not both"
        )
    return units_only or units, units_only is not None


PROGRESS_FROM = 40  # files: fewer read in a blink


class _ProgressBar:
    """A progress bar on stderr for long runs, only where a person is watching."""

    def __init__(self, lang: Lang) -> None:
        import os

        self.label = "Đọc tệp" if lang is Lang.vi else "Reading files"
        self.enabled = sys.stderr.isatty() and not os.environ.get("CI")
        self.bar: RichProgress | None = None
        self.task: TaskID | None = None
        self.refreshed = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= PROGRESS_FROM:
            return
        if self.bar is None or self.task is None:
            from rich.console import Console
            from rich.progress import Progress

            # refreshed here, not by rich's timer thread: with no other thread running, the
            # reading workers can be forked (fast) rather than spawned
            self.bar = Progress(console=Console(stderr=True), transient=True, auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)
        now = time.monotonic()
        if now - self.refreshed >= 0.1 or done >= total:  # ten frames a second at most
            self.bar.refresh()
            self.refreshed = now
        if done >= total:
            self.bar.stop()


def _compute(
    paths: list[Path],
    registry: str | None,
    own: OwnUnits,
    period: str | None,
    precision: int,
    prior: list[Path] | None,
    limits: Limits | None = None,
    progress: _ProgressBar | None = None,
    config: Path | None = None,
) -> Report:
    """The report `check` makes of the same files, with the same ctr-stats.toml (found in
    the current folder or its parents, or `config`): the same figures and findings."""
    from . import api
    from .config import load_config

    chosen_period = _parse_period(period)
    return api.compute(
        paths,
        registry=registry,
        units_file=own[0],
        units_only=own[1],
        period=chosen_period,
        precision=precision,
        prior=prior,
        limits=limits or DEFAULT_LIMITS,
        progress=progress,
        config=load_config(config),
    )


def _format_for(given: ComputeFormat | None, output: Path | None) -> ComputeFormat:
    """The format asked for, or the one --output's suffix names; a suffix that names
    another format than --format is refused (a workbook named .csv, CSV named .xlsx)."""
    from .errors import UsageError
    from .read import SPREADSHEET_SUFFIXES

    if given is ComputeFormat.md:
        given = ComputeFormat.markdown
    if output is not None:
        from .output import writable_target

        writable_target(output)  # a folder, a device…: said so before its suffix is read
    suffix = output.suffix.lower() if output is not None else ""
    named = FORMAT_BY_SUFFIX.get(suffix)
    if output is not None and given is None and named is None:
        raise UsageError(
            f"không biết định dạng của '{output.name}': dùng .xlsx .docx .csv .tsv .md .txt .json hoặc --format",
            f"cannot tell the format of '{output.name}': use .xlsx .docx .csv .tsv .md .txt .json or --format",
        )
    if output is not None and given is not None:
        plain_table = given is ComputeFormat.table and suffix == ".txt"
        clash = (
            (named is not None and named is not given and not plain_table)
            or (suffix in SPREADSHEET_SUFFIXES and given is not ComputeFormat.xlsx)
            or (given in FILE_ONLY and suffix != f".{given.value}")  # a workbook, a document
        )
        if clash:
            wanted = {v: k for k, v in FORMAT_BY_SUFFIX.items()}.get(given, ".txt")
            raise UsageError(
                f"--format {given.value} trái với đuôi '{suffix or '(không có)'}' của"
                f" --output {output.name}: đặt tên tệp đuôi {wanted}, hoặc bỏ --format",
                f"--format {given.value} contradicts the suffix '{suffix or '(none)'}' of"
                f" --output {output.name}: name the file {wanted}, or leave out --format",
            )
    return given or named or ComputeFormat.table


def _limits(
    max_cells: int, max_megabytes: int, max_ratio: int, max_parts: int, max_merges: int
) -> Limits:
    return Limits(max_cells, max_megabytes, max_ratio, max_parts, max_merges)


@app.command()
def compute(
    paths: PathsArg,
    output_format: Annotated[
        ComputeFormat | None,
        typer.Option(
            "--format", "-f", help="Định dạng / output format (mặc định theo đuôi tệp --output)"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Ghi ra tệp (.xlsx .docx .csv .tsv .md .txt .json) / write to a file",
        ),
    ] = None,
    formulas: Annotated[
        bool,
        typer.Option(
            "--formulas",
            help="Excel: công thức sống cho tổng và % / live formulas for totals and %",
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", metavar="FILE", help="Mẫu câu riêng (TOML) / your own sentence templates"
        ),
    ] = None,
    sort: Annotated[
        SortBy | None,
        typer.Option(
            "--sort", help="Xếp đơn vị theo % KH (plan) hoặc tăng giảm (prior) / rank units"
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", min=1, metavar="N", help="N đơn vị cao nhất / the N best units"),
    ] = None,
    bottom: Annotated[
        int | None,
        typer.Option(
            "--bottom", min=1, metavar="N", help="N đơn vị thấp nhất / the N lowest units"
        ),
    ] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator",
            metavar="GLOB",
            help="Chọn chỉ tiêu, ví dụ 'admission.*' / indicator glob",
        ),
    ] = None,
    lang: LangOpt = Lang.vi,
    by: Annotated[By, typer.Option("--by", help="total: chỉ tổng / unit: từng đơn vị")] = By.total,
    precision: PrecisionOpt = 1,
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    units_only: UnitsOnlyOpt = None,
    period: PeriodOpt = None,
    prior: PriorOpt = None,
    allow_missing: AllowMissingOpt = False,
    allow_errors: AllowErrorsOpt = False,
    config: ConfigOpt = None,
    max_cells: MaxCellsOpt = DEFAULT_LIMITS.max_cells,
    max_megabytes: MaxMegabytesOpt = DEFAULT_LIMITS.max_megabytes,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    max_parts: MaxPartsOpt = DEFAULT_LIMITS.max_parts,
    max_merges: MaxMergesOpt = DEFAULT_LIMITS.max_merges,
    every: AllOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Tính % kế hoạch và so với cùng kỳ / compute percent of plan and change on last year."""
    from .api import paused_gc
    from .errors import CtrStatsError, UsageError
    from .model import MISSING_UNIT_CODES, UNREADABLE_CODES

    try:
        chosen = _format_for(output_format, output)
        if chosen in FILE_ONLY and output is None:
            raise UsageError(
                f"định dạng {chosen.value} cần --output TỆP",
                f"the {chosen.value} format needs --output FILE",
            )
        if formulas and chosen is not ComputeFormat.xlsx:
            raise UsageError("--formulas chỉ dùng cho xlsx", "--formulas is for xlsx output only")
        sentences = None
        if chosen in (ComputeFormat.text, ComputeFormat.docx):
            from .render.text import load_templates

            sentences = load_templates(templates)  # a misspelt placeholder: before any work
        limits = _limits(max_cells, max_megabytes, max_ratio, max_parts, max_merges)
        report = _compute(
            paths,
            registry,
            _own_units(units, units_only),
            period,
            precision,
            prior,
            limits,
            _ProgressBar(lang),
            config,
        )
        if indicator or sort or top or bottom:
            from .select import select

            report = select(
                report,
                indicators=indicator,
                sort=sort.value if sort else None,
                top=top,
                bottom=bottom,
            )
        unreadable = any(f.code in UNREADABLE_CODES for f in report.findings)
        blocking = [
            f
            for f in report.errors
            if not (allow_errors or (allow_missing and f.code in MISSING_UNIT_CODES))
        ]
        withheld = output if blocking and output is not None else None
        if withheld is not None:
            output = None  # figures with errors: no report file is written or changed
            chosen = ComputeFormat.table if chosen in FILE_ONLY else chosen
        with paused_gc():
            _emit(
                report,
                chosen,
                output,
                paths,
                lang=lang.value,
                by_unit=by is By.unit or bool(sort or top or bottom),
                formulas=formulas,
                sentences=sentences,
                all_units=report.all_units,
                config=config,
            )
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    if chosen is not ComputeFormat.json or output is not None:
        _print_findings(report.findings, lang, every)
    _print_findings(report.notes, lang, every)
    _print_outcome(report, blocking, withheld, output, lang)
    if unreadable:
        raise typer.Exit(3)
    if blocking:
        raise typer.Exit(1)


def _print_outcome(
    report: Report, blocking: list[Finding], withheld: Path | None, output: Path | None, lang: Lang
) -> None:
    """One line at the end when errors remain: the run failed and wrote nothing, or went on
    as asked and its output says what is missing or in doubt."""
    errors = len(report.errors)
    if not errors:
        return
    from rich.console import Console

    from .model import MISSING_UNIT_CODES

    console = Console(stderr=True, highlight=False)
    only_missing = all(f.code in MISSING_UNIT_CODES for f in blocking)
    option = "--allow-missing" if only_missing else "--allow-errors"
    if blocking:
        if lang is Lang.vi:
            text = f"✘ {errors} lỗi trong số liệu" + (
                f", chưa ghi {withheld}: sửa các lỗi trên, hoặc chạy lại với {option} để vẫn"
                " ghi, kèm ghi chú đơn vị thiếu và số liệu có lỗi"
                if withheld
                else ": kết quả trên ghi rõ đơn vị thiếu và số liệu có lỗi; sửa các lỗi, hoặc"
                f" chạy lại với {option} nếu chấp nhận"
            )
        else:
            text = f"✘ {errors} error(s) in the figures" + (
                f", {withheld} not written: fix the errors above, or run again with {option}"
                " to write it anyway, with a note of the missing units and the figures in doubt"
                if withheld
                else ": the output above names the missing units and the figures in doubt;"
                f" fix the errors, or run again with {option} to accept them"
            )
        console.print(f"[red]{text}[/red]", soft_wrap=True)
        return
    where = str(output) if output is not None else ("kết quả" if lang is Lang.vi else "the output")
    text = (
        f"⚠ {errors} lỗi được bỏ qua theo yêu cầu: {where} ghi rõ đơn vị thiếu và số liệu có lỗi"
        if lang is Lang.vi
        else f"⚠ {errors} error(s) let through as asked: {where} names the missing units and"
        " the figures in doubt"
    )
    console.print(f"[yellow]{text}[/yellow]", soft_wrap=True)


def _emit(
    report: Report,
    chosen: ComputeFormat,
    output: Path | None,
    inputs: list[Path],
    *,
    lang: str,
    by_unit: bool,
    formulas: bool,
    sentences: dict[str, Any] | None,
    all_units: tuple[UnitFigures, ...] | None = None,
    config: Path | None = None,
) -> None:
    """Render the report in the chosen format, to stdout or (atomically) to a file.
    `all_units`: every unit's figures, when `report` is a ranked selection of them."""
    from . import output as out
    from .safe_text import visible

    if chosen is ComputeFormat.table and output is None:
        from rich.console import Console

        from .render.table import render_table

        render_table(report, Console(highlight=False), lang=lang, by_unit=by_unit)
        return
    if output is not None:
        from .read import discover

        output = out.check_target(output, discover(inputs))
    if chosen in FILE_ONLY:
        from .config import load_config

        assert output is not None
        document = load_config(config).document  # [document]: the heading and the signers
        if chosen is ComputeFormat.xlsx:
            from .render.excel import write_excel

            out.write_atomically(
                output,
                lambda path: write_excel(
                    report, path, lang=lang, formulas=formulas, document=document
                ),
            )
            return
        from .render.word import write_docx

        out.write_atomically(
            output,
            lambda path: write_docx(
                report,
                path,
                lang=lang,
                by_unit=by_unit,
                templates=sentences,
                document=document,
                units=all_units,
            ),
        )
        return
    text: str
    if chosen is ComputeFormat.json:
        from .render.json import iter_json

        if output is None:
            for piece in iter_json(report, lang):  # control characters escaped (safe_text)
                sys.stdout.write(piece)
        else:
            out.write_text(output, iter_json(report, lang))
        return
    elif chosen is ComputeFormat.text:
        from .render.text import render_text_output

        text = render_text_output(
            report, lang=lang, by_unit=by_unit, templates=sentences, units=all_units
        )
    elif chosen is ComputeFormat.table:
        from io import StringIO

        from rich.console import Console

        from .own_output import first_line
        from .render.table import render_table

        buffer = StringIO()
        render_table(
            report, Console(file=buffer, width=120, color_system=None), lang=lang, by_unit=by_unit
        )
        text = first_line(report, lang) + "\n" + buffer.getvalue()  # a file: marked as ours
    else:
        from .render.tables import render_csv, render_markdown, render_tsv

        renderer = {
            ComputeFormat.markdown: render_markdown,
            ComputeFormat.csv: render_csv,
            ComputeFormat.tsv: render_tsv,
        }[chosen]
        text = renderer(report, lang=lang, by_unit=by_unit)
    # names and labels are escaped field by field; this catches what a template or a future
    # field brings, keeping the line breaks (and TSV's tabs) the format uses itself
    keep = {ComputeFormat.csv: "\r\n", ComputeFormat.tsv: "\t\n"}.get(chosen, "\n")
    text = visible(text, keep=keep)
    if output is None:
        sys.stdout.write(
            ("\ufeff" if chosen is ComputeFormat.csv and not sys.stdout.isatty() else "") + text
        )
    else:
        out.write_text(output, text, bom=chosen is ComputeFormat.csv)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


@app.command()
def check(
    paths: PathsArg,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Định dạng / output format")
    ] = CheckFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Cảnh báo cũng là lỗi / warnings fail too")
    ] = False,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="Chỉ một số tệp (pre-commit): bỏ qua kiểm tra thiếu đơn vị / a few changed files",
        ),
    ] = False,
    config: ConfigOpt = None,
    lang: LangOpt = Lang.vi,
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    units_only: UnitsOnlyOpt = None,
    period: PeriodOpt = None,
    prior: PriorOpt = None,
    max_cells: MaxCellsOpt = DEFAULT_LIMITS.max_cells,
    max_megabytes: MaxMegabytesOpt = DEFAULT_LIMITS.max_megabytes,
    max_ratio: MaxRatioOpt = DEFAULT_LIMITS.max_ratio,
    max_parts: MaxPartsOpt = DEFAULT_LIMITS.max_parts,
    max_merges: MaxMergesOpt = DEFAULT_LIMITS.max_merges,
    every: AllOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kiểm tra số liệu: thiếu, thừa, không khớp, bất thường / check the data, with exit codes for CI."""
    from .checks import check as run_check
    from .config import load_config
    from .errors import CtrStatsError
    from .render import check as render

    try:
        settings = load_config(config)
        chosen_period = _parse_period(period)  # the configuration's: checks.check
        own = _own_units(units, units_only)
        result = run_check(
            paths,
            config=settings,
            registry=registry,
            units_file=own[0],
            units_only=own[1],
            period=chosen_period,
            prior=prior,
            partial=partial,
            limits=_limits(max_cells, max_megabytes, max_ratio, max_parts, max_merges),
            progress=_ProgressBar(lang),
        )
        if output_format is CheckFormat.json:
            for piece in render.iter_check_json(result, lang=lang.value, strict=strict):
                sys.stdout.write(piece)
        elif output_format is CheckFormat.github:
            sys.stdout.write(render.render_check_github(result, lang=lang.value))
        elif output_format is CheckFormat.junit:
            sys.stdout.write(render.render_check_junit(result, lang=lang.value, strict=strict))
        else:
            from rich.console import Console

            render.render_check_text(
                result, Console(highlight=False), lang=lang.value, strict=strict, every=every
            )
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    raise typer.Exit(result.exit_code(strict))


class VerifyFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def verify(
    report: Annotated[
        Path, typer.Argument(help="Báo cáo dự thảo (.txt, .md, .docx) / the draft report")
    ],
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data", metavar="PATH", help="Bảng tính để đối chiếu / workbooks to compare with"
        ),
    ] = None,
    output_format: Annotated[
        VerifyFormat, typer.Option("--format", "-f", help="Định dạng / output format")
    ] = VerifyFormat.text,
    lang: LangOpt = Lang.vi,
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    units_only: UnitsOnlyOpt = None,
    period: PeriodOpt = None,
    prior: PriorOpt = None,
    allow_missing: AllowMissingOpt = False,
    allow_errors: AllowErrorsOpt = False,
    config: ConfigOpt = None,
    every: AllOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Kiểm tra từng con số trong báo cáo / check every figure a report states."""
    from .errors import CtrStatsError, InputError
    from .model import MISSING_UNIT_CODES, UNREADABLE_CODES
    from .render import verify as render
    from .verify import verify as run_verify

    try:
        if not report.is_file():
            raise InputError("không tìm thấy báo cáo", "no such report", file=str(report))
        own = _own_units(units, units_only)
        if config is not None and not data:
            from .config import load_config

            load_config(config)  # a file given is read (and its mistakes said) even unused
        computed = _compute(data, registry, own, period, 2, prior, config=config) if data else None
        claims = run_verify(report, computed, lang.value)
        if output_format is VerifyFormat.json:
            sys.stdout.write(render.render_verify_json(claims))
        elif output_format is VerifyFormat.github:
            sys.stdout.write(render.render_verify_github(claims, str(report), lang=lang.value))
        else:
            from rich.console import Console

            render.render_verify_text(claims, Console(highlight=False), lang=lang.value)
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    mismatch = any(c.status == "mismatch" for c in claims)
    if computed is None:
        raise typer.Exit(1 if mismatch else 0)
    # the data's own errors: every comparison above stands on those figures (as `compute`)
    _print_findings(computed.findings, lang, every)
    _print_findings(computed.notes, lang, every)
    blocking = [
        f
        for f in computed.errors
        if not (allow_errors or (allow_missing and f.code in MISSING_UNIT_CODES))
    ]
    _print_data_outcome(computed, blocking, lang)
    if any(f.code in UNREADABLE_CODES for f in computed.findings):
        raise typer.Exit(3)
    raise typer.Exit(1 if mismatch or blocking else 0)


def _print_data_outcome(computed: Report, blocking: list[Finding], lang: Lang) -> None:
    """One line at the end when the data compared with has errors: the claims above were
    compared with figures missing units or in doubt."""
    errors = len(computed.errors)
    if not errors:
        return
    from rich.console import Console

    from .model import MISSING_UNIT_CODES

    option = (
        "--allow-missing"
        if all(f.code in MISSING_UNIT_CODES for f in blocking)
        else "--allow-errors"
    )
    if blocking:
        text = (
            f"✘ {errors} lỗi trong số liệu (--data): các con số trên được đối chiếu với số liệu"
            f" thiếu đơn vị hoặc có lỗi; sửa các lỗi, hoặc chạy lại với {option} nếu chấp nhận"
            if lang is Lang.vi
            else f"✘ {errors} error(s) in the data (--data): the figures above were compared"
            " with figures missing units or in doubt; fix the errors, or run again with"
            f" {option} to accept them"
        )
        style = "red"
    else:
        text = (
            f"⚠ {errors} lỗi trong số liệu (--data) được bỏ qua theo yêu cầu: các con số trên"
            " được đối chiếu với số liệu thiếu đơn vị hoặc có lỗi"
            if lang is Lang.vi
            else f"⚠ {errors} error(s) in the data (--data) let through as asked: the figures"
            " above were compared with figures missing units or in doubt"
        )
        style = "yellow"
    Console(stderr=True, highlight=False).print(f"[{style}]{text}[/{style}]", soft_wrap=True)


@app.command()
def explain(
    indicator: Annotated[
        str,
        typer.Argument(
            help="Mã chỉ tiêu (với --unused: tệp hoặc thư mục) / indicator id, e.g. admission.total"
        ),
    ],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Tệp hoặc thư mục bảng tính / workbook files or folders", show_default=False
        ),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="NAME", help="Tên đơn vị / a unit's name")
    ] = None,
    unused: Annotated[
        bool,
        typer.Option(
            "--unused",
            help="Liệt kê các số không được dùng, với ô và lý do / list the numbers not used",
        ),
    ] = False,
    lang: LangOpt = Lang.vi,
    precision: PrecisionOpt = 1,
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    units_only: UnitsOnlyOpt = None,
    period: PeriodOpt = None,
    prior: PriorOpt = None,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Số liệu lấy từ những ô nào / every cell a figure was added up from."""
    from rich.console import Console

    from . import api
    from .errors import CtrStatsError, UsageError
    from .explain import explain as explain_figure
    from .render.explain import render_explanation, render_unused
    from .units import UnitMatcher, ambiguous_message, unknown_message

    try:
        own = _own_units(units, units_only)
        if unused:  # `explain --unused PATH…`: no indicator, every argument a path
            report = _compute(
                [Path(indicator), *(paths or [])],
                registry,
                own,
                period,
                precision,
                prior,
                config=config,
            )
            render_unused(report, Console(highlight=False), lang=lang.value)
            return
        if not paths:
            raise UsageError(
                "thiếu tệp hoặc thư mục bảng tính", "missing the workbook files or folders"
            )
        report = _compute(paths, registry, own, period, precision, prior, config=config)
        chosen = None
        if unit is not None:
            matcher = UnitMatcher(api.registry_in_force(registry, own[0], own[1], report.period))
            match = matcher.match(unit)
            if match.unit is None:
                vi, en = (
                    ambiguous_message(unit, match)
                    if match.candidates
                    else unknown_message(unit, matcher)
                )
                raise UsageError(vi, en)
            chosen = match.unit
        explanation = explain_figure(report, indicator, chosen)
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    render_explanation(explanation, Console(highlight=False), lang=lang.value, precision=precision)


units_app = typer.Typer(
    name="units",
    help="Danh mục đơn vị: xem, tra một tên / unit registries: list, show, look a name up.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(units_app, name="units")


class ShowFormat(StrEnum):
    text = "text"
    csv = "csv"


@units_app.command("list")
def units_list(lang: LangOpt = Lang.vi, debug: DebugOpt = False) -> None:
    """Các danh mục có sẵn: 34 tỉnh, thành phố từ 1/7/2025, Hà Nội trước đó / the built-in registries."""
    from .errors import CtrStatsError
    from .render.units import render_list
    from .safe_text import visible

    try:
        sys.stdout.write(visible(render_list(lang.value), keep="\n"))
    except CtrStatsError as exc:
        _fail(exc, lang, debug)


@units_app.command("show")
def units_show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME", help="Danh mục hoặc tên tỉnh / a registry or a province's name"
        ),
    ],
    output_format: Annotated[
        ShowFormat,
        typer.Option(
            "--format", "-f", help="text, hoặc csv để sửa rồi dùng với --units / csv to edit"
        ),
    ] = ShowFormat.text,
    units: UnitsOpt = None,
    period: PeriodOpt = None,
    lang: LangOpt = Lang.vi,
    debug: DebugOpt = False,
) -> None:
    """Các đơn vị của một danh mục / a registry's units."""
    from . import api
    from .catalogue import registry_info
    from .errors import CtrStatsError
    from .render.units import render_show, render_show_csv
    from .safe_text import visible

    try:
        registry = api.registry_in_force(name, units, False, _parse_period(period))
        if output_format is ShowFormat.csv:
            sys.stdout.write(visible(render_show_csv(registry), keep="\n"))
        else:
            info = registry_info(registry.name.split("+")[0])
            sys.stdout.write(visible(render_show(registry, info, lang.value), keep="\n"))
    except CtrStatsError as exc:
        _fail(exc, lang, debug)


@units_app.command("check")
def units_check(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="Tệp danh mục đơn vị (CSV) / a units file (CSV)"),
    ],
    lang: LangOpt = Lang.vi,
    debug: DebugOpt = False,
) -> None:
    """Đọc thử một tệp danh mục đơn vị như --units-only đọc / read a units file as
    --units-only does, before a run."""
    from .catalogue.registry import load_registry_file
    from .errors import CtrStatsError
    from .safe_text import visible

    try:
        units = load_registry_file(file).units
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    aliases = sum(len(unit.aliases) for unit in units)
    said = (
        f"{file}: {len(units)} units, {aliases} aliases: read, no error"
        if lang is Lang.en
        else f"{file}: {len(units)} đơn vị, {aliases} tên khác: đọc được, không có lỗi"
    )
    sys.stdout.write(visible(said) + "\n")


@units_app.command("find")
def units_find(
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", help="Tên hoặc tiêu đề như đã viết / a name or title as written"
        ),
    ],
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    units_only: UnitsOnlyOpt = None,
    period: PeriodOpt = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", metavar="FILE", help="Tệp cấu hình / configuration file (ctr-stats.toml)"
        ),
    ] = None,
    lang: LangOpt = Lang.vi,
    debug: DebugOpt = False,
) -> None:
    """Một tên khớp với đơn vị nào (hoặc vì sao không) / how a name resolves, or why not."""
    from . import api
    from .config import load_config
    from .errors import CtrStatsError
    from .render.units import render_find
    from .safe_text import visible
    from .units import UnitMatcher

    try:
        settings = load_config(config)
        own = _own_units(units, units_only)
        if own[0] is None and settings.units is not None:
            own = (settings.units, settings.units_only)
        name = registry or (None if own[1] else settings.registry)
        asked = _parse_period(period or settings.period)
        try:  # no files to say when: the registry in force this month
            chosen = api.registry_in_force(name, own[0], own[1], asked or _this_month())
        except CtrStatsError:
            if asked is not None:
                raise
            chosen = api.registry_in_force(name, own[0], own[1], None)
        matcher = UnitMatcher(chosen)
        match = matcher.match(text, suggest=False)
        sys.stdout.write(visible(render_find(text, matcher, lang.value), keep="\n"))
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    raise typer.Exit(0 if match.unit is not None else 1)


def _this_month() -> Period:
    """From January to this month of this year: what `units find` looks names up for when
    neither --period nor a registry says."""
    from datetime import date

    from .model import Period

    today = date.today()
    return Period(today.year, today.month)


@app.callback()
def _root() -> None:
    """Cộng, kiểm tra và báo cáo số liệu công tác tổ chức xây dựng Đảng."""


def command_help(args: list[str]) -> str | None:
    """`ctr-stats COMMAND --help` formatted straight from the command, without parsing the
    command line: parsing would first build typer's converters for every option (pydantic
    ones from typer 0.29, 70 ms of imports) for a text that needs none. The same text as
    typer prints; None for anything else, or if typer's commands do not look as expected
    (typer then prints the help)."""
    if len(args) != 2 or args[1] != "--help":
        return None
    try:
        group = typer.main.get_command(app)
        bilingual_help_option(group)
        command = group.commands.get(args[0])  # type: ignore[attr-defined]
        if command is None:
            return None
        parent = group.context_class(group, info_name="ctr-stats")
        context = command.context_class(command, info_name=args[0], parent=parent)
        text = command.get_help(context)
    except Exception:
        return None
    return text if isinstance(text, str) else None


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if (
            reconfigure is not None
        ):  # a Windows console is cp1252 by default: Vietnamese needs UTF-8
            reconfigure(encoding="utf-8")
    help_text = command_help(sys.argv[1:])
    if help_text is not None:
        sys.stdout.write(help_text + "\n")
        return
    from .stops import Stop, guard_streams, stopped_by_signals

    stop = Stop()
    streams = guard_streams()
    try:
        with stopped_by_signals(stop):
            code = _run(stop, streams)
    finally:
        sys.stdout, sys.stderr = streams
    raise SystemExit(code)


def _run(stop: Stop, streams: tuple[TextIO, TextIO]) -> int:
    """The command's exit code; a mistake on the command line, a stop, a closed pipe or a
    bug of ours told in one or two lines, never a traceback (--debug shows it)."""
    from .stops import OutputFailed, ReaderGone, silence
    from .usage_errors import chosen_lang, describe, is_usage_error

    lang = chosen_lang(sys.argv[1:])
    try:
        command = typer.main.get_command(app)
        bilingual_help_option(command)
        code = command.main(standalone_mode=False)
        if stop.signal is None:
            return code if isinstance(code, int) else 0
    except ReaderGone:
        silence(streams)
        return 0
    except OutputFailed as failed:
        silence(streams[:1])  # the last flush on exit has nowhere to fail
        return _output_failed(failed.error, lang)
    except (KeyboardInterrupt, Exception) as exc:
        if stop.signal is None and isinstance(exc, KeyboardInterrupt):
            stop.signal = 2  # SIGINT from before our handler, or raised by a library
        if stop.signal is None and type(exc).__name__ == "Abort":  # click: end of input
            stop.signal = 2
        if stop.signal is None and is_usage_error(exc):
            sys.stderr.write(describe(exc, lang, sys.argv[1:]))
            return 2
        if stop.signal is None:
            if "--debug" in sys.argv:
                raise
            return _unexpected(exc)
    return _stopped(stop.signal, lang)


HELP_OPTION_TEXT = "Hiện hướng dẫn này rồi thoát / show this message and exit"


def bilingual_help_option(command: Any) -> None:
    """--help's own line, which click writes in English only, in both languages as every
    other option's help is."""
    option = command.get_help_option(typer.Context(command))
    if option is not None:
        option.help = HELP_OPTION_TEXT
    for sub in getattr(command, "commands", {}).values():
        bilingual_help_option(sub)


def _unexpected(exc: BaseException) -> int:
    from .safe_text import visible

    sys.stderr.write(
        f"Lỗi không lường trước / unexpected error: {type(exc).__name__}: {visible(str(exc))}\n"
        "Chạy lại với --debug và gửi kết quả cho người phát triển"
        " / run again with --debug and send the output to the developers\n"
    )
    return 3


def _output_failed(error: OSError, lang: str) -> int:
    reason = error.strerror or str(error)
    line = (
        f"Lỗi: không ghi được kết quả ra đầu ra chuẩn ({reason}): hãy giải phóng chỗ trống"
        " hoặc ghi ra tệp khác bằng --output"
        if lang == "vi"
        else f"Error: cannot write the output ({reason}): free some space or write to"
        " another file with --output"
    )
    with contextlib.suppress(BaseException):  # stderr on the same full disk: nothing to tell
        sys.stderr.write(line + "\n")
    return 2


def _stopped(signum: int, lang: str) -> int:
    """One line: the run was stopped, and what was written (nothing, or a whole report)."""
    from .output import WRITTEN
    from .safe_text import visible

    how = "Ctrl-C" if signum == 2 else f"tín hiệu {signum}" if lang == "vi" else f"signal {signum}"
    if WRITTEN:
        names = visible(", ".join(str(p) for p in WRITTEN))
        line = (
            f"Đã dừng ({how}) sau khi đã ghi xong {names}."
            if lang == "vi"
            else f"Stopped ({how}) after {names} was written in full."
        )
    else:
        line = (
            f"Đã dừng ({how}): không ghi tệp nào."
            if lang == "vi"
            else f"Stopped ({how}): nothing was written."
        )
    with contextlib.suppress(BaseException):  # stderr closed too: nothing to tell
        sys.stderr.write(line + "\n")
    return 128 + signum
