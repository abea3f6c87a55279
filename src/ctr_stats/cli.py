"""The command line: options in, the API called, a renderer chosen, an exit code out.

Heavy modules are imported inside the commands so that `--help` stays instant.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

app = typer.Typer(
    name="ctr-stats",
    help="Cộng, kiểm tra và báo cáo số liệu công tác tổ chức xây dựng Đảng."
    " / Add up, check and report party organization-work statistics.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class ComputeFormat(StrEnum):
    table = "table"
    json = "json"


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
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error")]


def _fail(exc: Exception, lang: Lang, debug: bool) -> NoReturn:
    from .errors import CtrStatsError

    if debug:
        raise exc
    from rich.console import Console

    code = exc.exit_code if isinstance(exc, CtrStatsError) else 3
    label = "Lỗi" if lang is Lang.vi else "Error"
    text = exc.describe(lang.value) if isinstance(exc, CtrStatsError) else str(exc)
    console = Console(stderr=True, highlight=False)
    console.print(f"[bold red]{label}:[/bold red] ", end="")
    console.print(text, markup=False)
    raise typer.Exit(code)


def _print_findings(findings: list[object], lang: Lang) -> None:
    from rich.console import Console

    from .model import Finding

    console = Console(stderr=True, highlight=False)
    for finding in findings:
        assert isinstance(finding, Finding)
        where = finding.where()
        message = finding.message(lang.value)
        colour = "red" if finding.severity == "error" else "yellow"
        console.print(
            f"[{colour}]{finding.severity}[/{colour}] {finding.code}: "
            + (f"{where}: " if where else "")
            + message,
            markup=True,
            soft_wrap=True,
        )


@app.command()
def compute(
    paths: PathsArg,
    output_format: Annotated[
        ComputeFormat, typer.Option("--format", "-f", help="Định dạng / output format")
    ] = ComputeFormat.table,
    lang: LangOpt = Lang.vi,
    by: Annotated[By, typer.Option("--by", help="total: chỉ tổng / unit: từng đơn vị")] = By.total,
    precision: Annotated[
        int, typer.Option("--precision", min=0, max=6, help="Số chữ số thập phân của %")
    ] = 1,
    registry: Annotated[
        str | None, typer.Option("--registry", help="Danh mục đơn vị: hanoi-2024, hanoi-2025")
    ] = None,
    units: Annotated[
        Path | None,
        typer.Option("--units", help="Danh mục đơn vị riêng (CSV: code,name,type,aliases)"),
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="Kỳ báo cáo: 2023, 2022-h1, 2021-9m, 2024-q1")
    ] = None,
    prior: Annotated[
        list[Path] | None,
        typer.Option("--prior", help="Bảng tính kỳ trước: số Thực hiện của chúng là Cùng kỳ"),
    ] = None,
    allow_missing: Annotated[
        bool,
        typer.Option(
            "--allow-missing", help="Vẫn tính tổng khi thiếu đơn vị (ghi rõ đơn vị thiếu)"
        ),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Tính % kế hoạch và so với cùng kỳ / compute percent of plan and change on last year."""
    from . import api
    from .errors import CtrStatsError, UsageError
    from .model import parse_period

    try:
        if registry and units:
            raise UsageError(
                "chọn --registry hoặc --units, không cả hai", "use --registry or --units, not both"
            )
        try:
            chosen_period = parse_period(period) if period else None
        except ValueError as exc:
            raise UsageError(f"--period {exc}") from exc
        report = api.compute(
            paths,
            registry=registry,
            units_file=units,
            period=chosen_period,
            precision=precision,
            prior=prior,
        )
    except CtrStatsError as exc:
        _fail(exc, lang, debug)

    if output_format is ComputeFormat.json:
        from .render.json import render_json

        sys.stdout.write(render_json(report))
    else:
        from rich.console import Console

        from .render.table import render_table

        render_table(report, Console(highlight=False), lang=lang.value, by_unit=by is By.unit)
        _print_findings(list(report.findings), lang)

    if any(f.code == "unreadable-file" for f in report.findings):
        raise typer.Exit(3)
    if not allow_missing and any(f.code == "missing-unit" for f in report.findings):
        raise typer.Exit(1)


@app.callback()
def _root() -> None:
    """Cộng, kiểm tra và báo cáo số liệu công tác tổ chức xây dựng Đảng."""


def main() -> None:
    app()
