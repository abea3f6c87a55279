"""The registry of finding codes (`catalogue/findings.toml`), and the closest codes to a
misspelt one, for a configuration that names a code the tool never gives."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def finding_codes() -> frozenset[str]:
    """Every code a finding may carry."""
    data = (resources.files("ctr_stats") / "catalogue" / "findings.toml").read_text("utf-8")
    return frozenset(tomllib.loads(data)["codes"])


def closest_codes(code: str, limit: int = 3) -> list[str]:
    """The known codes nearest a misspelt one, nearest first."""
    from rapidfuzz import fuzz, process

    found = process.extract(code, sorted(finding_codes()), scorer=fuzz.ratio, limit=limit)
    return [name for name, score, _ in found if score >= 50]
