"""Where the time of a run goes, stage by stage: the 3,321-file run in one process
(CTR_STATS_JOBS=1, so that every stage's time is its own), each stage timed around the
functions that do it, and the run profiled with cProfile for the functions that cost most.

    python bench/stages.py             # 3,321 files (made by bench/run.py)
    python bench/stages.py --files 126
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

STAGES = {
    "reading": "safety checks on the file's bytes (zip index, inflated parts with CRC, cell areas) and python-calamine",
    "layout": "title, header (once per distinct header), rows of bare numbers",
    "attribution": "sheets to registry units, totals reconciled, findings",
    "computing": "sums, percentages, totals",
    "rendering": "the JSON, record by record",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=3321)
    args = parser.parse_args()
    os.environ["CTR_STATS_JOBS"] = "1"

    import ctr_stats.api as api
    import ctr_stats.collect as collect
    from ctr_stats.render.json import iter_json
    from run import prepare, units_file

    folder = prepare(args.files)
    spent = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[stage] += time.perf_counter() - start

        return wrapper

    api.check_file = timed("reading", api.check_file)  # type: ignore[assignment]
    api.read_checked = timed("reading", api.read_checked)  # type: ignore[assignment]
    api.parse_tables = timed("layout", api.parse_tables)  # type: ignore[assignment]
    collect.Collector.add = timed("attribution", collect.Collector.add)  # type: ignore[method-assign]
    api.unit_figures = timed("computing", api.unit_figures)  # type: ignore[assignment]
    api.totals = timed("computing", api.totals)  # type: ignore[assignment]

    profiler = cProfile.Profile()
    start = time.perf_counter()
    report = api.compute([folder], units_file=units_file(args.files), units_only=True)
    rendering = time.perf_counter()
    with api.paused_gc():
        size = sum(len(piece) for piece in iter_json(report))
    spent["rendering"] = time.perf_counter() - rendering
    total = time.perf_counter() - start

    lines = [
        f"The {args.files:,}-file run in one process, stage by stage (wall clock, one run, "
        f"{total:.1f} s in all, {size / 1e6:.0f} MB of JSON):",
        "",
        "| stage | what | time | share |",
        "|---|---|---:|---:|",
    ]
    for stage, what in STAGES.items():
        lines.append(f"| {stage} | {what} | {spent[stage]:.2f} s | {spent[stage] / total:.0%} |")
    print("\n".join(lines))

    # the costliest functions, from a second run under cProfile (which slows it down)
    profiler.enable()
    api.compute([folder], units_file=units_file(args.files), units_only=True)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    print("\n```\n" + out.getvalue().split("\n\n", 1)[-1].strip() + "\n```")


if __name__ == "__main__":
    main()
