"""verify on text written the way the press writes it, against the data: issue 20's style
(a period opening each paragraph, related figures in one sentence, whole percentages
without ",0", "kế hoạch năm" for a part-year period, each unit's own rate), kept as
fixtures made by that branch's `compute --format text`, and `--by unit` as this branch
writes it. Pasted as it is, each passes; any one digit changed fails on its own line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.verify import verify

from .test_cli import SAMPLES, run

PRESS = Path(__file__).parent / "verify_corpus" / "press_style"


@pytest.fixture(scope="module")
def reports() -> dict[str, ctr_stats.Report]:
    return {p: ctr_stats.compute([SAMPLES / p]) for p in ("2023", "2022-h1", "2021-9m")}


def _every_digit_fails_on_its_line(
    path: Path, text: str, report: ctr_stats.Report, lang: str, positions: list[int]
) -> None:
    for i in positions:
        line = text.count("\n", 0, i) + 1
        mutated = text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :]
        path.write_text(mutated, encoding="utf-8")
        failing = {c.line for c in verify(path, report, lang) if c.status == "mismatch"}
        assert line in failing, mutated[max(0, i - 50) : i + 10]


@pytest.mark.parametrize("name", sorted(p.name for p in PRESS.glob("*.txt")))
def test_press_style_text_passes_and_every_digit_fails_on_its_line(
    tmp_path: Path, reports: dict[str, ctr_stats.Report], name: str
) -> None:
    match = re.fullmatch(r"(?P<period>.+)-(?P<lang>vi|en)(?:-units)?\.txt", name)
    assert match, name
    period, lang = match["period"], match["lang"]
    text = (PRESS / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    claims = verify(path, reports[period], lang)
    assert [c for c in claims if c.status != "ok"] == []
    assert {c.kind for c in claims} >= {"period", "ratio", "same_period", "count"}
    positions = [m.start() for m in re.finditer(r"\d", text)]
    _every_digit_fails_on_its_line(path, text, reports[period], lang, positions)


@pytest.mark.parametrize(("period", "lang"), [("2023", "vi"), ("2022-h1", "en")])
def test_by_unit_text_passes_and_a_units_changed_rate_fails(
    tmp_path: Path, reports: dict[str, ctr_stats.Report], period: str, lang: str
) -> None:
    text = run(
        "compute", f"data/samples/{period}", "--format", "text", "--by", "unit", "--lang", lang
    ).stdout
    path = tmp_path / "bao-cao.txt"
    path.write_text(text, encoding="utf-8")
    claims = verify(path, reports[period], lang)
    assert claims and all(c.status == "ok" for c in claims)
    assert any(c.kind == "plan" and ", " in c.basis for c in claims)  # a unit's own rate
    # the first digit of each unit's rate: "Ba Đình (102,8%)", "Ứng Hòa (101,5%)"
    rates = list(re.finditer(r"[^\W\d] \((\d)[\d.,]*%\)", text))
    assert len(rates) >= 15
    _every_digit_fails_on_its_line(path, text, reports[period], lang, [m.start(1) for m in rates])
