"""The README's examples run clean on the samples: every `ctr-stats` command of its shell
blocks, its placeholder folders made from the samples, exits 0 with nothing on stderr; and
its configuration example, [[rules]] included, gives no finding on them."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from .helpers import their_last_year
from .test_cli import ROOT, SAMPLES, run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("ctr-stats ")]


COMMANDS = _commands()


@pytest.fixture(scope="module")
def workplace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clerk's folder: the samples as data/, reports/2023 and reports/2022 (a year earlier),
    their own unit list, and draft reports written from the tool's own sentences."""
    place = tmp_path_factory.mktemp("workplace")
    os.symlink(ROOT / "data", place / "data")
    reports = place / "reports"
    reports.mkdir()
    shutil.copytree(SAMPLES / "2023", reports / "2023")
    # a year earlier: the 2023 workbooks titled 2022, their Thực hiện what 2023's Cùng kỳ says
    their_last_year(SAMPLES / "2023", reports / "2022", "2023", "2022")
    shutil.copy(
        ROOT / "src" / "ctr_stats" / "catalogue" / "registries" / "hanoi-2024.csv",
        place / "my-units.csv",
    )
    text = run("compute", "data/samples/2023", "--format", "text").stdout
    for name in ("du-thao-bao-cao.md", "bao-cao.md"):
        (place / name).write_text(text, encoding="utf-8")
    from docx import Document

    document = Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.save(str(place / "du-thao-bao-cao.docx"))
    return place


def test_the_readme_has_examples() -> None:
    assert len(COMMANDS) > 20
    assert any("--prior" in c for c in COMMANDS) and any("verify" in c for c in COMMANDS)


# Examples for another province's workbooks, or units the samples have no report of: they
# cannot run clean on Hanoi's samples (`ctr-stats units` ones need no workbook and do run).
OTHER_DATA = ("quang-ngai", "truc-thuoc.csv")


def _runnable(command: str) -> bool:
    return command.startswith("ctr-stats units ") or not any(w in command for w in OTHER_DATA)


@pytest.mark.parametrize("command", [c for c in COMMANDS if _runnable(c)])
def test_readme_command_runs_clean(workplace: Path, command: str) -> None:
    """Exit 0 (or the code its comment states) and nothing on stderr."""
    code = re.search(r"\(exit (\d)\)", command)
    args = shlex.split(command.split(" # ")[0].split(" > ")[0], posix=True)
    result = run(*args[1:], cwd=workplace)
    assert result.returncode == (int(code.group(1)) if code else 0), (
        command,
        result.stdout[-2000:],
        result.stderr,
    )
    assert result.stderr == "" or code, (command, result.stderr)


def test_readme_configuration_example_gives_no_finding(tmp_path: Path) -> None:
    example = next(
        b for b in re.findall(r"```toml\n(.*?)```", README, re.DOTALL) if "[[rules]]" in b
    )
    # its registry set to the samples' own (Hanoi's), the rest as it is
    example = re.sub(r'(?m)^registry = "[^"]*"', 'registry = "hanoi-2024"', example)
    assert 'registry = "hanoi-2024"' in example and 'period = "2023"' in example
    (tmp_path / "ctr-stats.toml").write_text(example, encoding="utf-8")
    samples = str(SAMPLES / "2023")
    for command in ("check", "compute"):
        result = run(
            command,
            samples,
            "--strict" if command == "check" else "--by",
            *(() if command == "check" else ("unit",)),
            cwd=tmp_path,
        )
        assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr)
    # the rule is read and applied: broken on purpose, it is found
    broken = example.replace('whole = "admission.total"', 'whole = "admission.business_owner"')
    (tmp_path / "ctr-stats.toml").write_text(broken, encoding="utf-8")
    result = run("check", samples, "--format", "json", cwd=tmp_path)
    assert result.returncode == 1 and '"part-exceeds-whole"' in result.stdout
