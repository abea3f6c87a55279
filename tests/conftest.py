"""Shared fixtures: the bundled samples and a builder for small, hand-made workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES
