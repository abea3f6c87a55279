"""The command line: options in, the API called, a renderer chosen, an exit code out.

Heavy modules are imported inside the commands so that `--help` stays instant.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from .model import Finding, Report

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
PrecisionOpt = Annotated[
    int,
    typer.Option(
        "--precision", min=0, max=6, help="Số chữ số thập phân của % / decimals of percentages"
    ),
]
RegistryOpt = Annotated[
    str | None,
    typer.Option("--registry", help="Danh mục đơn vị: hanoi-2024, hanoi-2025 / unit registry"),
]
UnitsOpt = Annotated[
    Path | None,
    typer.Option(
        "--units", help="Danh mục đơn vị riêng (CSV: code,name,type,aliases) / your own registry"
    ),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", help="Kỳ báo cáo / period: 2023, 2022-h1, 2021-9m, 2024-q1"),
]
PriorOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--prior",
        help="Bảng tính kỳ trước: Thực hiện của chúng là Cùng kỳ / last period's workbooks",
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Hiện traceback khi lỗi / show the traceback of an error")
]


def _fail(exc: Exception, lang: Lang, debug: bool) -> NoReturn:
    from rich.console import Console

    from .errors import CtrStatsError

    if debug:
        raise exc
    code = exc.exit_code if isinstance(exc, CtrStatsError) else 3
    text = exc.describe(lang.value) if isinstance(exc, CtrStatsError) else str(exc)
    console = Console(stderr=True, highlight=False)
    console.print(f"[bold red]{'Lỗi' if lang is Lang.vi else 'Error'}:[/bold red] ", end="")
    console.print(text, markup=False)
    raise typer.Exit(code)


def _print_findings(findings: tuple[Finding, ...], lang: Lang) -> None:
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    for finding in findings:
        where = finding.where()
        colour = "red" if finding.severity == "error" else "yellow"
        console.print(f"[{colour}]{finding.severity}[/{colour}] {finding.code}: ", end="")
        console.print(
            (f"{where}: " if where else "") + finding.message(lang.value),
            markup=False,
            soft_wrap=True,
        )


def _compute(
    paths: list[Path],
    registry: str | None,
    units: Path | None,
    period: str | None,
    precision: int,
    prior: list[Path] | None,
) -> Report:
    from . import api
    from .errors import UsageError
    from .model import parse_period

    if registry and units:
        raise UsageError(
            "chọn --registry hoặc --units, không cả hai", "use --registry or --units, not both"
        )
    try:
        chosen_period = parse_period(period) if period else None
    except ValueError as exc:
        raise UsageError(f"--period: {exc}") from exc
    return api.compute(
        paths,
        registry=registry,
        units_file=units,
        period=chosen_period,
        precision=precision,
        prior=prior,
    )


@app.command()
def compute(
    paths: PathsArg,
    output_format: Annotated[
        ComputeFormat, typer.Option("--format", "-f", help="Định dạng / output format")
    ] = ComputeFormat.table,
    lang: LangOpt = Lang.vi,
    by: Annotated[By, typer.Option("--by", help="total: chỉ tổng / unit: từng đơn vị")] = By.total,
    precision: PrecisionOpt = 1,
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    period: PeriodOpt = None,
    prior: PriorOpt = None,
    allow_missing: Annotated[
        bool,
        typer.Option(
            "--allow-missing",
            help="Vẫn tính tổng khi thiếu đơn vị (ghi rõ đơn vị thiếu) / go on without missing units",
        ),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Tính % kế hoạch và so với cùng kỳ / compute percent of plan and change on last year."""
    from .errors import CtrStatsError

    try:
        report = _compute(paths, registry, units, period, precision, prior)
    except CtrStatsError as exc:
        _fail(exc, lang, debug)

    if output_format is ComputeFormat.json:
        from .render.json import render_json

        sys.stdout.write(render_json(report, lang.value))
    else:
        from rich.console import Console

        from .render.table import render_table

        render_table(report, Console(highlight=False), lang=lang.value, by_unit=by is By.unit)
        _print_findings(report.findings, lang)

    if any(f.code == "unreadable-file" for f in report.findings):
        raise typer.Exit(3)
    if not allow_missing and any(f.code == "missing-unit" for f in report.findings):
        raise typer.Exit(1)


@app.command()
def explain(
    indicator: Annotated[
        str, typer.Argument(help="Mã chỉ tiêu / indicator id, e.g. admission.total")
    ],
    paths: PathsArg,
    unit: Annotated[str | None, typer.Option("--unit", help="Tên đơn vị / a unit's name")] = None,
    lang: LangOpt = Lang.vi,
    precision: PrecisionOpt = 1,
    registry: RegistryOpt = None,
    units: UnitsOpt = None,
    period: PeriodOpt = None,
    prior: PriorOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Số liệu lấy từ những ô nào / every cell a figure was added up from."""
    from rich.console import Console

    from .catalogue import load_registry, load_registry_file
    from .errors import CtrStatsError, UsageError
    from .explain import explain as explain_figure
    from .render.explain import render_explanation
    from .units import UnitMatcher

    try:
        report = _compute(paths, registry, units, period, precision, prior)
        chosen = None
        if unit is not None:
            matcher = UnitMatcher(
                load_registry_file(units) if units else load_registry(report.registry)
            )
            match = matcher.match(unit)
            if match.unit is None:
                hint = ", ".join(match.suggestions or tuple(u.full_name for u in match.candidates))
                raise UsageError(
                    f"không tìm thấy đơn vị '{unit}' trong danh mục {report.registry}"
                    + (f"; có phải: {hint}?" if hint else ""),
                    f"no unit '{unit}' in registry {report.registry}"
                    + (f"; did you mean: {hint}?" if hint else ""),
                )
            chosen = match.unit
        explanation = explain_figure(report, indicator, chosen)
    except CtrStatsError as exc:
        _fail(exc, lang, debug)
    render_explanation(explanation, Console(highlight=False), lang=lang.value, precision=precision)


@app.callback()
def _root() -> None:
    """Cộng, kiểm tra và báo cáo số liệu công tác tổ chức xây dựng Đảng."""


def main() -> None:
    app()
