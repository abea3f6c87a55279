"""`ctr-stats verify` on real report prose: 128 paragraphs of organization-work reports from
over 40 provinces and the central bodies (tests/verify_corpus/paragraphs.toml, each with its
address), every figure-bearing claim's outcome decided by hand (labels.toml).

Each paragraph is written as it is to a Markdown file and verified without data. Every
labelled claim must come out with its status, every count as a count, no figure of a
threshold, date or document number as a claim, and nothing else claimed."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from ctr_stats.verify import Claim, verify

CORPUS = Path(__file__).parent / "verify_corpus"
PARAGRAPHS = {
    p["id"]: p for p in tomllib.loads((CORPUS / "paragraphs.toml").read_text())["paragraph"]
}
LABELS = tomllib.loads((CORPUS / "labels.toml").read_text())["label"]


def occurrences(text: str, at: str) -> list[int]:
    """Where `at` stands in `text` as a figure of its own (not inside a longer number)."""
    found = []
    for match in re.finditer(re.escape(at), text):
        i, j = match.start(), match.end()
        before = text[i - 2 : i] if i >= 2 else " " + text[:i]
        after = text[j : j + 2]
        if re.search(r"(?:\d|\d[.,/])$", before) and at[0].isdigit():
            continue
        if at[-1].isdigit() and re.match(r"(?:\d|[.,/]\d)", after):
            continue
        found.append(i)
    return found


def offsets(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


@dataclass
class Outcome:
    paragraph: str
    problems: list[str] = field(default_factory=list)
    checkable: int = 0
    recognised: int = 0
    errors: int = 0
    caught: int = 0
    false_alarms: int = 0
    claims: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def run_paragraph(tmp: Path, label: dict) -> Outcome:
    pid = label["paragraph"]
    text = PARAGRAPHS[pid]["text"]
    path = tmp / f"{pid}.md"
    path.write_text(text, encoding="utf-8")
    claims = verify(path)
    starts = offsets(text)

    def where(claim: Claim) -> int:
        return starts[claim.line - 1] + claim.column - 1

    outcome = Outcome(pid)
    placed = [(where(c), c) for c in claims]
    used: set[int] = set()
    for expected in label.get("claim", []):
        outcome.claims += 1
        kind, status = expected["kind"], expected["status"]
        outcome.kinds[kind] = outcome.kinds.get(kind, 0) + 1
        spots = occurrences(text, expected["at"])
        at = spots[expected.get("nth", 1) - 1]
        candidates = [
            (i, c)
            for i, (o, c) in enumerate(placed)
            if o == at and i not in used and c.kind != "count" and c.kind != "period"
        ]
        same_kind = [(i, c) for i, c in candidates if c.kind == kind]
        if kind == "parts" or status != "unchecked" or same_kind:
            candidates = same_kind
        else:
            candidates = [(i, c) for i, c in candidates if c.kind != "parts"]
        checkable = status in ("ok", "mismatch")
        outcome.checkable += checkable
        outcome.errors += status == "mismatch"
        if not candidates:
            outcome.problems.append(f"{expected['at']} ({kind}, {status}): not found")
            continue
        i, got = candidates[0]
        used.add(i)
        if got.status == status:
            outcome.recognised += checkable
            if status == "mismatch":
                if got.reason:
                    outcome.caught += 1
                else:
                    outcome.problems.append(f"{expected['at']}: mismatch without a reason")
        else:
            outcome.problems.append(
                f"{expected['at']} ({kind}): expected {status}, got {got.status} {got.reason}"
            )
            if got.status == "mismatch":
                outcome.false_alarms += 1
    counts = [c.anchor for i, (_, c) in enumerate(placed) if c.kind == "count"]
    if counts != label.get("counts", []):
        outcome.problems.append(f"counts: expected {label.get('counts', [])}, got {counts}")
    for i, (_, c) in enumerate(placed):
        if i in used or c.kind == "count":
            continue
        outcome.problems.append(f"unexpected {c.kind} {c.status} at {c.anchor!r}: {c.text}")
        if c.status == "mismatch":
            outcome.false_alarms += 1
    for text_span in label.get("not_claims", []):
        for match in re.finditer(re.escape(text_span), text):
            for o, c in placed:
                if match.start() <= o < match.end():
                    outcome.problems.append(f"{c.kind} claimed inside {text_span!r}")
    return outcome


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    tmp = tmp_path_factory.mktemp("corpus")
    return [run_paragraph(tmp, label) for label in LABELS]


def _rates(outcomes: list[Outcome]) -> str:
    checkable = sum(o.checkable for o in outcomes)
    recognised = sum(o.recognised for o in outcomes)
    errors = sum(o.errors for o in outcomes)
    caught = sum(o.caught for o in outcomes)
    alarms = sum(o.false_alarms for o in outcomes)
    claims = sum(o.claims for o in outcomes)
    kinds: dict[str, int] = {}
    for o in outcomes:
        for k, n in o.kinds.items():
            kinds[k] = kinds.get(k, 0) + n
    exact = sum(1 for o in outcomes if not o.problems)
    return (
        f"{len(outcomes)} paragraphs, {claims} labelled claims {kinds}; checkable claims "
        f"recognised {recognised}/{checkable} ({100 * recognised / max(checkable, 1):.1f}%); "
        f"errors caught with a reason {caught}/{errors}; false alarms {alarms}; paragraphs "
        f"exactly as labelled {exact}/{len(outcomes)}"
    )


def test_corpus_no_false_alarm_every_error_caught(outcomes: list[Outcome]) -> None:
    rates = _rates(outcomes)
    assert sum(o.false_alarms for o in outcomes) == 0, rates
    assert sum(o.caught for o in outcomes) == sum(o.errors for o in outcomes), rates
    checkable = sum(o.checkable for o in outcomes)
    assert sum(o.recognised for o in outcomes) >= 0.9 * checkable, rates


@pytest.mark.parametrize("label", LABELS, ids=[lab["paragraph"] for lab in LABELS])
def test_corpus_paragraph_exactly_as_labelled(outcomes: list[Outcome], label: dict) -> None:
    outcome = next(o for o in outcomes if o.paragraph == label["paragraph"])
    assert not outcome.problems, "\n".join(outcome.problems)


# ---------------------------------------------------------------- the labels themselves


def _decimal(text: str) -> Decimal:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return Decimal(text.replace(".", ""))
    return Decimal(text.replace(".", "").replace(",", ".") if "," in text else text)


def _agrees(stated: Decimal, exact: Fraction) -> bool:
    step = Decimal(1).scaleb(stated.as_tuple().exponent)  # type: ignore[arg-type]
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return stated in (value.quantize(step, ROUND_HALF_UP), value.quantize(step, ROUND_DOWN))


@pytest.mark.parametrize("label", LABELS, ids=[lab["paragraph"] for lab in LABELS])
def test_labels_do_their_own_arithmetic(label: dict) -> None:
    """Each label's numbers show its status (worked independently of the checker), each
    label's figure stands in its paragraph, and each percentage of the paragraph is
    labelled: a claim or a threshold."""
    text = PARAGRAPHS[label["paragraph"]]["text"]
    covered: list[tuple[int, int]] = []
    for span in label.get("not_claims", []):
        assert span in text, span
        covered += [(m.start(), m.end()) for m in re.finditer(re.escape(span), text)]
    for claim in label.get("claim", []):
        spots = occurrences(text, claim["at"])
        assert len(spots) >= claim.get("nth", 1), claim["at"]
        at = spots[claim.get("nth", 1) - 1]
        covered.append((at, at + len(claim["at"])))
        if claim["status"] not in ("ok", "mismatch"):
            continue
        stated_match = re.search(r"\d+(?:[.,]\d+)?(?=\s*%)", claim["at"])
        if claim["kind"] in ("ratio", "share", "plan") and stated_match:
            exact = Fraction(int(claim["a"]) * 100, int(claim["b"]))
            good = _agrees(_decimal(stated_match.group()), exact)
        elif claim["kind"] == "same_period":
            current, prior = int(claim["current"]), int(claim["prior"])
            exact = Fraction(abs(current - prior) * 100, prior)
            good = _agrees(_decimal(stated_match.group() if stated_match else "0"), exact)
        else:
            parts = [_decimal(x) for x in claim["parts"]]
            whole = _decimal(claim["whole"])
            if all(x == x.to_integral_value() for x in [*parts, whole]):
                good = sum(parts) == whole
            else:
                # each printed percentage may be off by one unit of its own last decimal
                units = [Decimal(1).scaleb(x.as_tuple().exponent) for x in [*parts, whole]]  # type: ignore[arg-type]
                good = abs(sum(parts) - whole) <= sum(units)
        assert good == (claim["status"] == "ok"), claim
        if claim["status"] == "mismatch":
            assert claim.get("reason"), claim
    for match in re.finditer(r"(?<![\d.,])\d+(?:[.,]\d+)?\s*%", text):
        assert any(a <= match.start() < b for a, b in covered), match.group()
    for count in label.get("counts", []):
        assert occurrences(text, count), count
