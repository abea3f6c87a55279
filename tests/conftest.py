"""Shared fixtures: the bundled samples and a builder for small, hand-made workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """A copy of the 2023 samples, as a clerk's folder, to break on purpose."""
    import shutil

    target = tmp_path / "2023"
    shutil.copytree(SAMPLES / "2023", target)
    return target
