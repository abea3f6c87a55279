"""The benchmark: ctr-stats against a naive pandas + openpyxl script, on N unit workbooks of
the samples' layout (N = 30, 126, 3,321), each as a whole process, alternating, several runs.

    python bench/run.py                 # all sizes, writes bench/RESULTS.md
    python bench/run.py --sizes 30 126  # some sizes
    python bench/run.py --runs 3

Needs the bench extra: pip install -e '.[bench]' (pandas for the baseline).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
SAMPLES = ROOT / "data" / "samples" / "2023"


def prepare(n: int) -> Path:
    """N workbooks cloned from the 30 samples, each titled with its own unit, and a registry."""
    sys.path.insert(0, str(ROOT / "src"))
    from ctr_stats.catalogue import load_registry

    folder = WORK / str(n)
    if folder.exists() and len(list(folder.glob("*.xlsx"))) == n and units_file(n).exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    districts = list(load_registry("hanoi-2024").units)
    sources = []
    for unit in districts:
        slug = _slug(unit.name)
        title = f"ĐẢNG BỘ {unit.type.upper()} {unit.name.upper()}".encode()
        sources.append((SAMPLES / f"{slug}.xlsx", title))
    with open(units_file(n), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "type"])
        for i in range(n):
            writer.writerow([f"{i + 1:05d}", f"Đơn vị {i + 1:04d}", "xã"])
    for i in range(n):
        source, title = sources[i % len(sources)]
        new_title = f"ĐẢNG BỘ XÃ ĐƠN VỊ {i + 1:04d}".encode()
        with (
            zipfile.ZipFile(source) as src,
            zipfile.ZipFile(folder / f"don-vi-{i + 1:04d}.xlsx", "w", zipfile.ZIP_DEFLATED) as dst,
        ):
            for info in src.infolist():
                data = src.read(info)
                if info.filename.startswith("xl/"):  # inline strings or shared strings
                    data = data.replace(title, new_title)
                dst.writestr(info, data)
    return folder


def units_file(n: int) -> Path:
    """The registry of the N units, beside their folder (not in it: it is no workbook)."""
    return WORK / f"units-{n}.csv"


def _slug(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "-".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def timed(command: list[str]) -> tuple[float, float, float]:
    """(seconds, peak resident MB of its largest process, peak MB of the process and its
    workers together, shared pages counted once) of one whole run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env()
    )
    sampler = _TreeMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    sampler.stop = True
    sampler.join()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    largest = usage.ru_maxrss / 1024  # Linux: the largest of the process and its children
    return elapsed, largest, max(sampler.peak, largest)


class _TreeMemory(threading.Thread):
    """Samples, every 50 ms, the memory of a process and all its descendants (Linux /proc,
    shared pages counted once); `peak` is the largest sum seen."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self.stop = False
        self.page = os.sysconf("SC_PAGE_SIZE") / 1_000_000

    def run(self) -> None:
        while not self.stop:
            self.peak = max(self.peak, self._tree_rss())
            time.sleep(0.05)

    def _tree_rss(self) -> float:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        tree, grew = {self.pid}, True
        while grew:
            more = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= more
            grew = bool(more)
        total = 0.0
        for pid in tree:
            with contextlib.suppress(OSError, ValueError):  # a worker that has just ended
                total += self._proportional(pid)
        return total

    def _proportional(self, pid: int) -> float:
        """MB of memory the process uses, pages shared with others (a forked worker shares
        most of its parent's) counted in proportion: PSS, or RSS where Linux has no PSS."""
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1000
        except OSError:
            pass
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self.page


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' machines keep bytecode
    return env


def ctr_stats(*args: str) -> list[str]:
    return [sys.executable, "-m", "ctr_stats", *args]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 126, 3321])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()

    lines = [
        "| files | ctr-stats (median) | baseline (median) | baseline / ctr-stats | ctr-stats peak, largest process | ctr-stats peak, all processes | baseline peak | ctr-stats per file |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in args.sizes:
        folder = prepare(n)
        ours: list[tuple[float, float, float]] = []
        theirs: list[tuple[float, float, float]] = []
        runs = args.runs if n < 1000 else max(3, args.runs // 2)
        timed(
            ctr_stats(
                "compute", str(folder), "--units-only", str(units_file(n)), "--format", "json"
            )
        )  # warm
        for _ in range(runs):  # alternating, so both see the same machine
            ours.append(
                timed(
                    ctr_stats(
                        "compute",
                        str(folder),
                        "--units-only",
                        str(units_file(n)),
                        "--format",
                        "json",
                    )
                )
            )
            if not args.no_baseline:
                theirs.append(timed([sys.executable, str(HERE / "baseline.py"), str(folder)]))
        our_time = statistics.median(t for t, _, _ in ours)
        our_peak = max(m for _, m, _ in ours)
        our_tree = max(m for _, _, m in ours)
        if theirs:
            their_time = statistics.median(t for t, _, _ in theirs)
            their_peak = max(m for _, m, _ in theirs)
            cells = [f"{their_time:.2f} s", f"{their_time / our_time:.1f}×", f"{their_peak:.0f} MB"]
        else:
            cells = ["-", "-", "-"]
        lines.append(
            f"| {n:,} | {our_time:.2f} s | {cells[0]} | {cells[1]} | {our_peak:.0f} MB | {our_tree:.0f} MB | {cells[2]} | {our_time * 1000 / n:.2f} ms |"
        )
        print(lines[-1], flush=True)

    startup = ["", "| command | median |", "|---|---:|"]
    for command in (["--help"], ["compute", "--help"]):
        times = [timed(ctr_stats(*command))[0] for _ in range(7)]
        startup.append(f"| `ctr-stats {' '.join(command)}` | {statistics.median(times):.3f} s |")
        print(startup[-1], flush=True)

    excel = _excel_time(max(args.sizes))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {_cpu()}, Python {platform.python_version()}"
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Machine: {machine}. Run: `python bench/run.py` on {time.strftime('%Y-%m-%d')}.",
            "",
            "`ctr-stats compute DIR --units-only units.csv --format json` as a whole process (start to exit) against",
            "`bench/baseline.py` (pandas.read_excel with openpyxl, summing the numeric columns), alternating;",
            f"medians of {args.runs} runs ({max(3, args.runs // 2)} for 3,321 files); peak memory of the largest",
            "process (resident) and of all its processes together (PSS: pages a forked worker shares counted once).",
            "",
            *lines,
            *startup,
            "",
            f"Writing the Excel annex for {max(args.sizes):,} units (in-process, as `compute -o annex.xlsx` writes it, median of 5): {excel:.2f} s.",
            "",
        ]
    )
    results = HERE / "RESULTS.md"
    # what follows the measured tables (against the targets, the profile) is kept as it is
    kept = results.read_text(encoding="utf-8") if results.exists() else ""
    kept = kept[kept.index("\n## ") :] if "\n## " in kept else ""
    results.write_text(text + kept, encoding="utf-8")
    print(f"written {results}")


def _excel_time(n: int) -> float:
    code = (
        "import sys, time, statistics, tempfile, pathlib; sys.path.insert(0, 'src');"
        "import ctr_stats; from ctr_stats.render.excel import write_excel;"
        "from ctr_stats.api import paused_gc;"
        f"r = ctr_stats.compute(['{WORK / str(n)}'], units_file='{units_file(n)}', units_only=True);"
        "d = pathlib.Path(tempfile.mkdtemp()); t = []\n"
        "for i in range(5):\n"
        "    s = time.perf_counter()\n"
        "    with paused_gc(): write_excel(r, d / f'a{i}.xlsx')\n"  # as the CLI writes it
        "    t.append(time.perf_counter() - s)\n"
        "print(statistics.median(t))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return float(out.stdout.strip())


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
