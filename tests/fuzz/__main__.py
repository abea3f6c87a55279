"""python -m tests.fuzz: the long run, or one instance again. See __init__.py."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from .catalogue import CLASSES
from .run import Result, long_run, results_table, run_id

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--mutations", type=int, default=2000, help="how many (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", default=[], help="classes starting with this")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="the results table")
    parser.add_argument("--repro", metavar="ID", help="make and judge one instance: class@seed")
    parser.add_argument("--keep", type=Path, help="with --repro: leave the mutated folder here")
    parser.add_argument("--list", action="store_true", help="list the classes")
    args = parser.parse_args(argv)

    if args.list:
        for cls in CLASSES:
            print(f"{cls.kind:9} {cls.name}")
        return 0
    if args.repro:
        result, outcome = run_id(args.repro, args.keep)
        print(f"{result.id}: {result.note}")
        print(f"  {result.verdict.failure or 'ok'} {result.verdict.detail}")
        for finding in outcome.findings if outcome else ():
            print(f"  {finding.severity} {finding.code} {finding.where()} {finding.message_en}")
        return 0 if result.ok else 1

    def progress(result: Result) -> None:
        mark = "." if result.ok else "F"
        print(mark, end="", flush=True, file=sys.stderr)

    results, seconds = long_run(args.mutations, args.seed, args.only, progress)
    print(file=sys.stderr)
    command = "python -m tests.fuzz " + shlex.join(
        [f"--mutations={args.mutations}", f"--seed={args.seed}"]
        + [f"--only={o}" for o in args.only]
    )
    args.out.write_text(results_table(results, command, seconds), encoding="utf-8")
    failed = sum(not r.ok for r in results)
    print(f"{failed} of {len(results)} failed in {seconds:.0f} s; table in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
