"""`ctr-stats verify` on a long draft: does its time grow with the draft, or faster?

    python bench/long_draft.py            # 10 and 40 copies of the sentences, 3 runs each

The draft is the tool's own sentences for data/samples/2023 (`compute --format text`),
repeated, written as Markdown twice: paragraphs apart (a blank line between them) and
pasted with single line breaks, which Markdown reads as one paragraph (trial 47: 16,886
words of it took 77 s and 881 MB, the time growing as the square of its length, where the
blank-line draft took 4 s). Each run is a whole process; medians of wall time and peak
memory (`os.wait4`), and the ratio of the larger draft's time over the smaller's, start-up
(a one-sentence draft) taken off both: 4 for time in proportion.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work" / "long-draft"
DATA = ROOT / "data" / "samples" / "2023"
COMMAND = (sys.executable, "-m", "ctr_stats")
RUNS = 3


def run(draft: Path) -> tuple[float, int]:
    """(wall seconds, peak KB) of one `verify` of the draft."""
    start = time.perf_counter()
    with open(os.devnull, "w") as null:
        process = subprocess.Popen(
            [*COMMAND, "verify", str(draft), "--data", str(DATA), "--format", "json"],
            stdout=null,
            stderr=null,
        )
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"verify failed on {draft}")
    return time.perf_counter() - start, usage.ru_maxrss


def median_run(draft: Path) -> tuple[float, int]:
    runs = [run(draft) for _ in range(RUNS)]
    return statistics.median(t for t, _ in runs), int(statistics.median(m for _, m in runs))


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    text = subprocess.run(
        [*COMMAND, "compute", str(DATA), "--format", "text"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sentences = [line.strip() for line in text.splitlines() if "%" in line]
    tiny = WORK / "tiny.md"
    tiny.write_text(sentences[0] + "\n", encoding="utf-8")
    start_up, _ = median_run(tiny)
    print(f"{len(sentences)} sentences; start-up {start_up:.2f} s\n")
    print("| draft | copies | words | wall (median) | peak |")
    print("|---|---:|---:|---:|---:|")
    for name, joint in (("blank lines", "\n\n"), ("single line breaks", "\n")):
        times = []
        for copies in (10, 40):
            draft = WORK / f"{'blank' if joint == chr(10) * 2 else 'single'}-{copies}.md"
            body = joint.join(sentences * copies)
            draft.write_text(body + "\n", encoding="utf-8")
            wall, peak = median_run(draft)
            times.append(wall - start_up)
            print(
                f"| {name} | {copies} | {len(body.split()):,} | {wall:.2f} s | {peak // 1024} MiB |"
            )
        print(f"| {name}: 4× the draft | | | {times[1] / times[0]:.1f}× the time | |")


if __name__ == "__main__":
    main()
