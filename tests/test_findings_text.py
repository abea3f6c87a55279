"""Findings at any count: the machine formats byte for byte as before, the text grouped
(the same code on many rows of a sheet, or the same message in many places, one line),
`--all` one line a finding, the counts always the findings'."""

from __future__ import annotations

from pathlib import Path

import pytest

from .many_findings import build
from .test_cli import GOLDEN, run


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
        ("check-many.vi.json", ("--format", "json")),
        ("check-many.en.json", ("--format", "json", "--lang", "en")),
        ("check-many.github.txt", ("--format", "github", "--lang", "en")),
        ("check-many.junit.xml", ("--format", "junit")),
    ],
)
def test_machine_formats_are_unchanged(folder: Path, golden: str, args: tuple[str, ...]) -> None:
    result = run("check", "2023", *args, cwd=folder)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (GOLDEN / golden).read_text(encoding="utf-8")
