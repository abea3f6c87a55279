"""Instances of the classes, by id ("class@seed"), made in a temporary folder and judged;
the long run and its results table."""

from __future__ import annotations

import random
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .book import soffice
from .catalogue import BY_NAME, CLASSES, Class
from .expect import KIND_OF, Expectation
from .judge import Failure, Outcome, Verdict, baseline, judge, run
from .target import Target


@dataclass(frozen=True)
class Result:
    id: str
    cls: Class
    verdict: Verdict
    note: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.verdict.failure is None


def parse_id(mutation_id: str) -> tuple[Class, int]:
    name, _, seed = mutation_id.rpartition("@")
    return BY_NAME[name], int(seed)


def mutate(cls: Class, seed: int, folder: Path) -> tuple[Target, Expectation]:
    """The mutated copy of the samples in `folder` (which must not exist yet)."""
    rng = random.Random(f"{cls.name}@{seed}")
    period = rng.choice(cls.periods)
    target = Target(period, folder, rng, baseline(period))
    expected = cls.make(target, **cls.params)
    assert KIND_OF[type(expected)] is cls.kind, f"{cls.name} is {cls.kind}, gave {expected}"
    target.notes.insert(0, target.where())
    target.close()
    return target, expected


def run_id(mutation_id: str, keep: Path | None = None) -> tuple[Result, Outcome | None]:
    """One instance made, run through the API and judged. `keep`: make it there and leave it."""
    cls, seed = parse_id(mutation_id)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ctr-stats-fuzz-") as tmp:
        folder = keep or Path(tmp) / "samples"
        try:
            target, expected = mutate(cls, seed, folder)
        except Exception:  # the mutation's own bug: said, never counted as the tool's
            detail = "mutation failed: " + traceback.format_exc().strip().splitlines()[-1]
            return Result(mutation_id, cls, Verdict(Failure.OTHER, detail), "", 0.0), None
        outcome = run([folder])
        verdict = judge(target.base, outcome, expected)
    note = "; ".join(target.notes)
    return Result(mutation_id, cls, verdict, note, time.perf_counter() - start), outcome


def classes(only: Iterable[str] = ()) -> list[Class]:
    """The classes to run: all, or those whose names start with one of `only`; the ones
    needing LibreOffice left out when it is not installed."""
    chosen = [c for c in CLASSES if not only or any(c.name.startswith(o) for o in only)]
    return [c for c in chosen if not c.needs_soffice or soffice()]


def ids(count: int, seed: int, chosen: list[Class]) -> list[str]:
    """`count` ids, the classes in turn, so that every class has its share."""
    return [
        f"{chosen[i % len(chosen)].name}@{seed * 100_000 + i // len(chosen)}" for i in range(count)
    ]


def long_run(
    count: int,
    seed: int,
    only: Iterable[str] = (),
    progress: Callable[[Result], None] | None = None,
) -> tuple[list[Result], float]:
    start = time.perf_counter()
    results = []
    for mutation_id in ids(count, seed, classes(only)):
        result, _ = run_id(mutation_id)
        results.append(result)
        if progress:
            progress(result)
    return results, time.perf_counter() - start


EXAMPLES = 3
COLUMNS = (Failure.ALTERED, Failure.DELTA, Failure.SILENT, Failure.OTHER)


def results_table(results: list[Result], command: str, seconds: float) -> str:
    by_class: dict[str, list[Result]] = {}
    for result in results:
        by_class.setdefault(result.cls.name, []).append(result)
    failed = [r for r in results if not r.ok]
    totals = Counter(r.verdict.failure for r in failed)
    lines = [
        "# Metamorphic fuzz run",
        "",
        f"`{command}`: {len(results)} mutations of {len(by_class)} classes in {seconds:.0f} s "
        f"({1000 * seconds / max(len(results), 1):.0f} ms each), one core.",
        "",
        "Each mutation changes one thing in one workbook of a copy of `data/samples/2023` (or",
        "`2022-h1`) and runs `ctr_stats.compute` on the folder; its id (`class@seed`) remakes it:",
        "`python -m tests.fuzz --repro ID --keep DIR`. What each kind must give: cosmetic, every",
        "figure and the exit code unchanged; value, the figures moved by exactly the delta (and a",
        "`total-mismatch` error where the total row was left); damaging, the right figures where",
        "they are determinable, or a non-zero exit with a finding naming the file, sheet and cell.",
        "",
        f"**{len(failed)} of {len(results)} failed:** "
        + ", ".join(f"{totals[c]} {c.value}" for c in COLUMNS)
        + ".",
        "",
        "| class | kind | count | cosmetic: altered | value: delta wrong | damaging: different figure, exit 0 | other | reproduce |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for cls in CLASSES:
        held = by_class.get(cls.name)
        if not held:
            continue
        counts = Counter(r.verdict.failure for r in held if not r.ok)
        first = next((r for r in held if not r.ok), None)
        cells = [str(counts[c]) if counts[c] else "" for c in COLUMNS]
        example = f"`{first.id}`" if first else ""
        lines.append(f"| {cls.name} | {cls.kind} | {len(held)} | {' | '.join(cells)} | {example} |")
    lines += ["", f"## What failed (up to {EXAMPLES} instances a class)", ""]
    shown: Counter[str] = Counter()
    order = {cls.name: n for n, cls in enumerate(CLASSES)}
    for result in sorted(failed, key=lambda r: order[r.cls.name]):
        shown[result.cls.name] += 1
        if shown[result.cls.name] <= EXAMPLES:
            detail = result.verdict.detail.replace("|", "\\|")
            lines.append(f"- `{result.id}` ({result.note}): {result.verdict.failure}: {detail}")
    return "\n".join(lines) + "\n"
