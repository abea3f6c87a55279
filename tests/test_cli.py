"""The command line: the same figures as the API, exact table output, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.render.json import report_to_dict

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def run(*args: str, cwd: Path = ROOT, columns: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-m", "ctr_stats", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("period", ["2023", "2022-h1", "2021-9m"])
def test_json_equals_the_api(period: str) -> None:
    result = run("compute", f"data/samples/{period}", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(
        json.dumps(report_to_dict(ctr_stats.compute([Path("data/samples") / period])))
    )


def test_json_contract_2023() -> None:
    data = json.loads(run("compute", "data/samples/2023", "--format", "json").stdout)
    assert data["schema"] == "ctr-stats/compute/1"
    assert data["registry"] == "hanoi-2024"
    totals = {t["indicator"]: t for t in data["totals"]}
    assert totals["admission.non_state_enterprise"] | {} == {
        "indicator": "admission.non_state_enterprise",
        "actual": 852,
        "plan": 453,
        "prior": 640,
        "percent_of_plan": 188.1,
        "percent_of_prior": 133.1,
        "change_vs_prior": 33.1,
        "units_reporting": 30,
    }
    assert totals["party_cell.new_non_state_enterprise"]["percent_of_plan"] == 158.0
    unit = data["units"][0]
    assert set(unit) == {
        "code",
        "name",
        "indicator",
        "actual",
        "plan",
        "prior",
        "percent_of_plan",
        "percent_of_prior",
        "change_vs_prior",
        "sources",
    }
    assert unit["sources"]["actual"] == "data/samples/2023/ba-dinh.xlsx!Kết nạp!D10:D18"
    assert data["findings"] == []


def test_precision_zero_gives_integers() -> None:
    data = json.loads(
        run("compute", "data/samples/2023", "--format", "json", "--precision", "0").stdout
    )
    totals = {t["indicator"]: t for t in data["totals"]}
    assert totals["party_cell.new_non_state_enterprise"]["percent_of_plan"] == 158
    assert (
        '"percent_of_plan": 158,'
        in run("compute", "data/samples/2023", "--format", "json", "--precision", "0").stdout
    )


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (("compute", "data/samples/2023"), "compute-2023.vi.txt"),
        (("compute", "data/samples/2022-h1", "--lang", "en"), "compute-2022-h1.en.txt"),
        (
            (
                "compute",
                "data/samples/2021-9m",
                "data/samples/2021-9m/ba-dinh.xlsx",
                "--by",
                "unit",
            ),
            None,
        ),
    ],
)
def test_table_output_is_exact(args: tuple[str, ...], golden: str | None) -> None:
    result = run(*args)
    if golden is None:  # a file given twice is read once: no duplicate, no double count
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / golden).read_text(encoding="utf-8")
    assert result.stderr == ""


def test_narrow_terminal_gets_the_forms_abbreviations() -> None:
    result = run("compute", "data/samples/2023", "--by", "unit", columns=80)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "compute-2023-by-unit.80.txt").read_text(encoding="utf-8")
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "ctr-stats"
    if not script.exists():
        pytest.skip("not installed as a package (run through the README's install command)")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "compute" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("compute", "no/such/folder"), 3, "no/such/folder"),
        (("compute", "data/samples/2023", "--period", "năm ngoái"), 2, "--period"),
        (("compute", "data/samples/2023", "--registry", "saigon"), 2, "saigon"),
        (("compute", "data/samples/2023", "--format", "pdf"), 2, "pdf"),
        (("compute", "data/samples/2023", "--precision", "9"), 2, "precision"),
    ],
)
def test_errors_have_exit_codes_and_no_traceback(
    args: tuple[str, ...], code: int, words: str
) -> None:
    result = run(*args)
    assert result.returncode == code
    assert words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unreadable_file_among_good_ones(tmp_path: Path) -> None:
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    result = run("compute", "data/samples/2023", str(broken), "--format", "json")
    assert result.returncode == 3
    data = json.loads(result.stdout)
    assert [f["code"] for f in data["findings"]] == ["unreadable-file"]
    assert data["findings"][0]["file"] == str(broken)
    assert {t["indicator"]: t["actual"] for t in data["totals"]}["admission.total"] == 10479


def test_missing_unit_fails_unless_allowed(tmp_path: Path) -> None:
    folder = tmp_path / "2023"
    folder.mkdir()
    for path in sorted((SAMPLES / "2023").glob("*.xlsx"))[:-1]:
        (folder / path.name).write_bytes(path.read_bytes())
    result = run("compute", str(folder), "--lang", "en")
    assert result.returncode == 1
    assert "missing-unit" in result.stderr and "Ứng Hòa" in result.stderr
    allowed = run("compute", str(folder), "--allow-missing", "--format", "json")
    assert allowed.returncode == 0
    assert [f["unit"] for f in json.loads(allowed.stdout)["findings"]] == ["Ứng Hòa"]


def test_a_unit_silent_on_a_sheet_is_missing_data_allow_missing_accepts(tmp_path: Path) -> None:
    """A unit that sent no inspection sheet left out figures the others report, as a unit
    that sent nothing does: --allow-missing goes on, and the output names what it lacks."""
    from openpyxl import load_workbook

    folder = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", folder)
    book = load_workbook(folder / "ba-dinh.xlsx")
    del book["Kiểm tra"]
    book.save(folder / "ba-dinh.xlsx")
    refused = run("compute", str(folder), "--lang", "en", "-o", str(tmp_path / "annex.md"))
    assert refused.returncode == 1 and not (tmp_path / "annex.md").exists()
    assert "missing-sheet" in refused.stderr and "--allow-missing" in refused.stderr
    allowed = run("compute", str(folder), "--allow-missing", "--format", "json")
    assert allowed.returncode == 0
    data = json.loads(allowed.stdout)
    assert [(f["code"], f["unit"]) for f in data["findings"]] == [("missing-sheet", "Ba Đình")]
    doubted = {d["indicator"]: (d["units"], d["codes"]) for d in data["caveats"]["doubted"]}
    assert doubted["inspection.committee_check_orgs"] == (["Ba Đình"], ["missing-sheet"])
    reporting = {t["indicator"]: t["units_reporting"] for t in data["totals"]}
    assert reporting["inspection.committee_check_orgs"] == 29
    assert reporting["admission.total"] == 30


@pytest.mark.parametrize("command", ["compute", "check", "verify", "explain"])
@pytest.mark.parametrize("columns", ["60", "100"])
def test_command_help_is_typers_help(command: str, columns: str) -> None:
    """`ctr-stats COMMAND --help` skips parsing (for speed) and prints exactly what typer
    would (with --help's own line in both languages), at any terminal width."""
    env = {**os.environ, "COLUMNS": columns, "PYTHONPATH": str(ROOT / "src")}
    fast = subprocess.run(
        [sys.executable, "-m", "ctr_stats", command, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    typers = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, typer; from ctr_stats.cli import app, bilingual_help_option;"
            " group = typer.main.get_command(app); bilingual_help_option(group);"
            " sys.argv[0] = 'ctr-stats'; group()",
            command,
            "--help",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert fast.stdout == typers.stdout and "--help" in fast.stdout


def test_command_help_only_for_a_command_and_help() -> None:
    from ctr_stats.cli import command_help

    assert command_help(["compute", "--help"]) is not None
    for args in (["compute", "--hel"], ["nope", "--help"], ["--help"], ["compute", "x", "--help"]):
        assert command_help(args) is None
