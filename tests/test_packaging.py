"""What `pip install .` puts on a user's machine: every data file the package reads.

The tests otherwise run against an editable install, which reads the source tree, so a
template left out of the wheel would pass them and fail for every user (it happened to
sentences.toml: `--format text` failed after `pip install .`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ctr_stats"


def _data_files() -> list[str]:
    """Files under the package that are neither code nor notes for maintainers."""
    return sorted(
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
        and path.name != "README.md"
    )


def test_the_wheel_holds_every_data_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "src",
        project / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(project),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("ctr_stats-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    wanted = _data_files()
    assert "ctr_stats/render/sentences.toml" in wanted
    assert "ctr_stats/verify/words.toml" in wanted
    assert [name for name in wanted if name not in shipped] == []
