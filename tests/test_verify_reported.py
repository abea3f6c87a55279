"""`ctr-stats verify` on the sentences a tester reported (tests/verify_corpus/reported.toml):
correct sentences pass and exit 0, wrong ones fail with their reason and exit 1."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ctr_stats.verify import verify

from .test_cli import run

SENTENCES = tomllib.loads(
    (Path(__file__).parent / "verify_corpus" / "reported.toml").read_text(encoding="utf-8")
)["sentence"]


@pytest.mark.parametrize("case", SENTENCES, ids=[s["text"][:50] for s in SENTENCES])
def test_reported_sentence(tmp_path: Path, case: dict) -> None:
    path = tmp_path / "bao-cao.md"
    path.write_text(case["text"], encoding="utf-8")
    claims = verify(path)
    assert [[c.kind, c.status, c.anchor] for c in claims] == case["claims"]
    reasons = [c.reason for c in claims if c.status == "mismatch"]
    assert reasons == ([case["reason"]] if "reason" in case else [])
    assert all(c.reason for c in verify(path, lang="en") if c.status == "mismatch")
    assert run("verify", str(path)).returncode == case["exit"]
