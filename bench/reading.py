"""Reading alone, against another checkout, paired: each round reads the bench set once in
this checkout and once in the other (order alternating), in one process each
(`ctr_stats.api.load(files, jobs=1)`: the safety checks, python-calamine and the layout of
every sheet, with nothing computed, checked or rendered), and reports the CPU time of the
reading itself. Medians and minima of the rounds, and their ratio.

    python bench/reading.py --against ../base            # a checkout with its own .venv
    python bench/reading.py --against ../base --files 1000 --rounds 7

The other checkout is any commit of ctr-stats (`git worktree add ../base b531199`, then
`python -m venv ../base/.venv && ../base/.venv/bin/pip install -e ../base`). The files are
bench/work/<files> (made by bench/run.py)."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# run in the checkout's own interpreter: its package, its catalogue
_READ = """
import gc, json, sys, time
from pathlib import Path
from ctr_stats.api import load
files = sorted(Path(sys.argv[1]).glob("*.xlsx"))
gc.collect()
start, wall = time.process_time(), time.perf_counter()
load(files, jobs=1)
print(json.dumps({"cpu": time.process_time() - start, "wall": time.perf_counter() - wall, "files": len(files)}))
"""


def _python(checkout: Path) -> str:
    for candidate in (
        checkout / ".venv" / "bin" / "python",
        checkout / ".venv" / "Scripts" / "python.exe",
    ):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"{checkout}: no .venv with ctr-stats installed")


def _read_once(python: str, folder: Path, cwd: Path) -> dict[str, float]:
    done = subprocess.run(
        [python, "-c", _READ, str(folder)], cwd=cwd, capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", type=Path, required=True, help="the other checkout")
    parser.add_argument("--files", type=int, default=3321)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = HERE / "work" / str(args.files)
    if not folder.is_dir():
        raise SystemExit(f"{folder} is missing: run bench/run.py first, which makes it")
    here, other = HERE.parent, args.against.resolve()
    pythons = {"this": _python(here) if (here / ".venv").exists() else sys.executable}
    pythons["other"] = _python(other)
    times: dict[str, list[float]] = {"this": [], "other": []}
    for n in range(args.rounds):
        order = ("this", "other") if n % 2 == 0 else ("other", "this")
        for which in order:
            cwd = here if which == "this" else other
            times[which].append(_read_once(pythons[which], folder, cwd)["cpu"])
    files = len(list(folder.glob("*.xlsx")))
    print(f"reading {files:,} files in one process, CPU seconds, {args.rounds} rounds, paired")
    print(f"{'checkout':10s} {'median':>8s} {'min':>8s}  rounds")
    for which in ("this", "other"):
        values = times[which]
        rounds = " ".join(f"{v:.2f}" for v in values)
        print(f"{which:10s} {statistics.median(values):8.2f} {min(values):8.2f}  {rounds}")
    ratio = statistics.median(times["this"]) / statistics.median(times["other"])
    best = min(times["this"]) / min(times["other"])
    print(f"this / other: {ratio:.3f} (medians), {best:.3f} (minima)")


if __name__ == "__main__":
    main()
