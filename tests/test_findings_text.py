"""Findings at any count: the machine formats byte for byte as before, the text grouped
(the same code on many rows of a sheet, or the same message in many places, one line),
`--all` one line a finding, the counts always the findings'."""

from __future__ import annotations

import functools
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from ctr_stats.checks import CheckResult, check
from ctr_stats.model import Finding, Severity
from ctr_stats.render.findings import fold, write_findings

from .many_findings import build
from .test_cli import GOLDEN, SAMPLES, run


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The parent of `2023`, the samples with findings in bulk (tests/many_findings.py);
    commands run there, so that the files are named `2023/…` in every output."""
    parent = tmp_path_factory.mktemp("many")
    build(parent / "2023")
    return parent


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        # made before text was folded: the machine formats byte for byte as they were
        ("check-many.vi.json", ("--format", "json")),
        ("check-many.en.json", ("--format", "json", "--lang", "en")),
        ("check-many.github.txt", ("--format", "github", "--lang", "en")),
        ("check-many.junit.xml", ("--format", "junit")),
        # text folded; --all as every line was before
        ("check-many.vi.txt", ()),
        ("check-many.en.txt", ("--lang", "en")),
        ("check-many.all.vi.txt", ("--all",)),
        ("check-many.all.en.txt", ("--all", "--lang", "en")),
    ],
)
def test_check_output(folder: Path, golden: str, args: tuple[str, ...]) -> None:
    result = run("check", "2023", *args, cwd=folder)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (GOLDEN / golden).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("compute-many.vi.stderr.txt", ()),
        ("compute-many.all.vi.stderr.txt", ("--all",)),
        ("compute-many.all.en.stderr.txt", ("--all", "--lang", "en")),
    ],
)
def test_compute_lists_its_findings_the_same_way(
    folder: Path, golden: str, args: tuple[str, ...]
) -> None:
    result = run("compute", "2023", "--allow-errors", *args, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (GOLDEN / golden).read_text(encoding="utf-8")


def test_folded_lines_stand_for_every_finding_and_the_counts_are_the_findings(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = run("check", "2023", "--all", cwd=folder).stdout.splitlines()
    folded = run("check", "2023", cwd=folder).stdout.splitlines()
    assert every[-1] == folded[-1] == "✘ 42 lỗi, 3 cảnh báo, 0 bỏ qua"
    assert len(every) == 45 + 1 and len(folded) == 15 + 1
    monkeypatch.chdir(folder)  # files named 2023/…, as the command named them
    findings = check([Path("2023")]).findings
    groups = fold(findings)
    assert sorted(id(f) for g in groups for f in g) == sorted(id(f) for f in findings)
    assert [g[0] for g in groups] == [f for f in findings if any(f is g[0] for g in groups)]
    counted = 0
    for line, group in zip(folded[:-1], groups, strict=True):
        first = group[0]
        word = {"error": "lỗi", "warning": "cảnh báo"}[first.severity]
        assert line.startswith(f"{word} {first.code}: {first.where()}: ")
        assert all((f.severity, f.code) == (first.severity, first.code) for f in group)
        others = re.search(r" \(và (\d+) (ô|chỗ) khác: (.*); xem từng chỗ với --all\)$", line)
        assert (others is None) == (len(group) == 1)
        counted += 1 + (int(others.group(1)) if others else 0)
        if others:
            named = others.group(3).removesuffix(" …").split(", ")
            if others.group(2) == "ô":  # one sheet, one indicator: its next cells
                assert {(f.file, f.sheet, f.indicator) for f in group} == {
                    (first.file, first.sheet, first.indicator)
                }
                assert named == [f.cell for f in group[1 : 1 + len(named)]]
            else:  # the same message in other places
                assert {f.message_vi for f in group} == {first.message_vi}
                assert named == [f.where() for f in group[1 : 1 + len(named)]]
    assert counted == 45


def test_few_findings_of_a_kind_are_not_folded(samples_copy: Path) -> None:
    from .helpers import edit

    def three(sheet: object) -> None:  # three rows' grassroots totals off by one
        for row in (10, 11, 12):
            sheet.cell(row, 3).value += 1  # type: ignore[attr-defined]
        sheet.cell(15, 3).value += 3  # type: ignore[attr-defined]

    edit(samples_copy / "ba-dinh.xlsx", "Tổ chức đảng", three)
    lines = run("check", str(samples_copy)).stdout.splitlines()
    assert [line.split("!")[-1].split(":")[0] for line in lines[:-1]] == ["C10", "C11", "C12"]
    assert "--all" not in "".join(lines)


def _findings(file: str, sheet: str, message: str) -> list[Finding]:
    made = [
        Finding("part-exceeds-whole", Severity.ERROR, message, message, file, sheet, f"G{r}")
        for r in range(10, 16)
    ]
    made += [
        Finding("hidden-sheet", Severity.ERROR, message, message, f"{file}{n}", sheet)
        for n in range(5)
    ]
    return [*made, Finding("far-from-plan", Severity.WARNING, "x", "x", file, sheet, "D7")]


def _terminal() -> tuple[Console, io.StringIO]:
    stream = io.StringIO()
    return Console(
        file=stream, force_terminal=True, color_system="standard", highlight=False
    ), stream


def test_on_a_terminal_the_colours_are_as_rich_prints_them() -> None:
    findings = _findings("a.xlsx", "Kết nạp", "'Sinh viên' (9) lớn hơn (3)")
    ours, written = _terminal()
    write_findings(findings, ours, lang="vi", every=True)
    theirs, printed = _terminal()
    for f in findings:  # a finding as rich printed it before, two calls each
        colour, word = {"error": ("red", "lỗi"), "warning": ("yellow", "cảnh báo")}[f.severity]
        theirs.print(f"[{colour}]{word}[/{colour}] [bold]{f.code}[/bold]: ", end="")
        theirs.print(f"{f.where()}: {f.message('vi')}", markup=False, soft_wrap=True)
    assert "\x1b[31m" in written.getvalue() and written.getvalue() == printed.getvalue()


def test_input_text_never_becomes_an_escape_or_markup_in_bulk() -> None:
    hostile = "\x1b]8;;https://evil.example\x07[bold]x[/bold]\x1b[2J\u202e"
    findings = _findings(f"{hostile}.xlsx", f"[link=https://evil.example]{hostile}", hostile)
    console, stream = _terminal()
    for every in (False, True):
        write_findings(findings, console, lang="en", every=every)
    text = stream.getvalue()
    ours = re.compile(r"\x1b\[(?:[0-9;]*)m")  # colours of our own: SGR only
    assert "\x1b" not in ours.sub("", text)
    assert "\u202e" not in text and "\\u202e" in text and "\\x1b]8;;https://evil.example" in text
    assert "[bold]x[/bold]" in text and "[link=https://evil.example]" in text
    assert "(and 5 other cells: G11, G12, G13, G14, G15; every one with --all)" in text


def test_no_colours_off_a_terminal() -> None:
    stream = io.StringIO()
    write_findings(_findings("a.xlsx", "S", "m"), Console(file=stream), lang="vi")
    assert "\x1b" not in stream.getvalue()
    assert stream.getvalue().splitlines()[0] == (
        "lỗi part-exceeds-whole: a.xlsx!S!G10: m (và 5 ô khác: G11, G12, G13, G14, G15;"
        " xem từng chỗ với --all)"
    )


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=None)
    | st.integers(-(10**20), 10**20).map(Decimal),
    st.sampled_from(["vi", "en"]),
    st.integers(0, 4),
)
def test_numbers_made_once_per_value_are_babels(value: Decimal, lang: str, precision: int) -> None:
    """The messages' numbers are formatted once per value and kept (render/numbers.py):
    the same text Babel gives, each time."""
    from babel.numbers import format_decimal

    from ctr_stats.render.numbers import LOCALES, _context, format_number

    with _context(value):
        expected = format_decimal(
            value,
            format="#,##0" + ("." + "0" * precision if precision else ""),
            locale=LOCALES[lang],
            decimal_quantization=False,
        )
    assert format_number(value, lang, precision) == expected
    assert format_number(value, lang, precision) == expected  # from the cache


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from('\x1b\x9b\u202e"\\\n\t')
)
_FINDING = st.builds(
    Finding,
    st.sampled_from(["part-exceeds-whole", "hidden-sheet"]),
    st.sampled_from(list(Severity)),
    _TEXT,
    _TEXT,
    st.none() | _TEXT,
    st.none() | _TEXT,
    st.none() | _TEXT,
    st.none() | _TEXT,
    st.none() | st.just("admission.total"),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_FINDING, max_size=4),
    st.lists(st.tuples(_FINDING, _TEXT), max_size=2),
    st.lists(_FINDING, max_size=2),
    st.sampled_from(["vi", "en"]),
)
def test_check_json_in_pieces_is_json_dumps_byte_for_byte(
    findings: list[Finding], ignored: list[tuple[Finding, str]], notes: list[Finding], lang: str
) -> None:
    """Written in pieces, the check document is what json.dumps(indent=2) made of it whole,
    whatever the findings' text holds; and it reads back to the same data."""
    import dataclasses
    import json

    from ctr_stats.checks import SCHEMA
    from ctr_stats.config import Ignore
    from ctr_stats.render.check import render_check_json
    from ctr_stats.safe_text import json_controls

    result = _samples_result()
    result = dataclasses.replace(
        result,
        report=dataclasses.replace(result.report, notes=tuple(notes)),
        findings=tuple(findings),
        ignored=tuple((f, Ignore(f.code, None, reason)) for f, reason in ignored),
    )
    data = {
        "schema": SCHEMA,
        "period": result.report.period.to_dict() if result.report.period else None,
        "registry": result.report.registry,
        "findings": [f.to_dict(lang) for f in result.findings],
        "ignored": [f.to_dict(lang) | {"reason": i.reason} for f, i in result.ignored],
        "notes": [f.to_dict(lang) for f in notes],
        "summary": result.summary(),
        "exit_code": result.exit_code(False),
    }
    written = render_check_json(result, lang=lang, strict=False)
    assert written == json_controls(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    assert json.loads(written) == data


@functools.cache
def _samples_result() -> CheckResult:
    return check([Path(__file__).resolve().parent.parent / "data" / "samples" / "2023"])


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", ["lỗi", "cảnh báo", "ghi chú"]), ("en", ["error", "warning", "note"])],
)
def test_severities_are_worded_in_the_language_asked(lang: str, words: list[str]) -> None:
    findings = [
        Finding("some-code", severity, "m", "m", "a.xlsx", "S", "B2")
        for severity in (Severity.ERROR, Severity.WARNING, Severity.NOTE)
    ]
    for console, stream in (_terminal(), _plain()):
        write_findings(findings, console, lang=lang)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue())
        assert [line.split(" some-code: ")[0] for line in plain.splitlines()] == words


def test_explain_words_severities_as_check_does(folder: Path) -> None:
    """`explain` lists a figure's findings with the same words as `check`."""
    for lang, word in (("vi", "lỗi "), ("en", "error ")):
        result = run(
            "explain", "admission.university_student", "2023", "--unit", "Q. Ba Đình",
            "--lang", lang, cwd=folder,
        )  # fmt: skip
        listed = [line for line in result.stdout.splitlines() if "part-exceeds-whole" in line]
        assert len(listed) == 9  # M10:M18
        assert all(line.startswith(word + "part-exceeds-whole: ") for line in listed)


def _plain() -> tuple[Console, io.StringIO]:
    stream = io.StringIO()
    return Console(file=stream, highlight=False), stream


def test_a_unit_checking_its_own_workbook_sees_missing_units_as_one_line(tmp_path: Path) -> None:
    """Trial 23: a ward's clerk checking only the ward's workbook got 125 lines of
    `missing-unit`, the two findings on the file itself buried among them. Said of many
    units and no file, they are one line naming the first units; --all lists each."""
    folder = tmp_path / "mot-don-vi"
    folder.mkdir()
    (folder / "ba-dinh.xlsx").write_bytes((SAMPLES / "2023" / "ba-dinh.xlsx").read_bytes())
    folded = run("compute", str(folder), "--allow-missing")
    missing = [line for line in folded.stderr.splitlines() if "missing-unit" in line]
    assert missing == [
        "lỗi missing-unit: Quận Hoàn Kiếm (002) không có báo cáo (và 28 đơn vị khác: Tây Hồ,"
        " Long Biên, Cầu Giấy, Đống Đa, Hai Bà Trưng …; xem từng đơn vị với --all)"
    ]
    every = run("compute", str(folder), "--allow-missing", "--all")
    assert sum("missing-unit" in line for line in every.stderr.splitlines()) == 29
    english = fold(
        [
            Finding("missing-unit", Severity.ERROR, "v", f"{n} sent no report", unit=n)
            for n in "ABCD"
        ]
    )
    assert [len(group) for group in english] == [4]
