"""The benchmark: ctr-stats against its peers, on N commune workbooks of the samples' layout,
each command a whole process, in the same run and paired (alternating within each round,
the order rotated from round to round), medians of the rounds.

    python bench/run.py                              # 1,000, 3,321 and 10,000 files; writes bench/RESULTS.md
    python bench/run.py --per-file 30000             # … and time per file at 30,000 files too (slow)
    python bench/run.py --sizes 1000 --runs 1 --no-naive --findings 1000 --results /tmp/r.md

The peers, at each size:
- `ctr-stats compute DIR --units-only units.csv --format json`;
- naive: pandas.read_excel with openpyxl on every sheet (bench/baseline.py);
- script: the 20-line python-calamine script (bench/calamine_peer.py), 1 process and a
  2-process pool; its city totals must be ctr-stats's (the run stops, loudly, if not);
- floor: each sheet unzipped and tokenized with expat, no tree (bench/floor.py), 1 and 2
  processes.
Each is measured for wall time, CPU (user + system of the process and its children, as the
kernel counts them when they are waited for) and peak resident memory of the largest process
(`os.wait4`), and of all its processes together (PSS, polled from /proc).

Then `ctr-stats check` against `compute` on a set with about 100,000 findings
(`--findings N` files; bench/findings_set.py), time per file from 1,000 files up (`--per-file`
adds sizes measured for compute alone), start-up and the Excel annex. The sets are made in
bench/work/ (git-ignored). Needs the bench extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
SAMPLES = ROOT / "data" / "samples" / "2023"
MIB = 1024 * 1024


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


# ---------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float  # seconds, start to exit
    cpu: float  # user + system seconds of the process and its waited-for children
    largest: float  # MiB, peak resident set of the largest process
    tree: float  # MiB, peak of all its processes together (PSS)
    code: int  # exit code


def timed(command: list[str], output: Path | None = None) -> Run:
    """One whole run of `command`, its stdout into `output` (or nowhere), started by
    launch.py (a small process, so that the peak memory counted is the command's own)."""
    counted = WORK / "launch.txt"
    launch = [sys.executable, "-I", "-S", str(HERE / "launch.py"), str(counted)]
    with open(output or os.devnull, "wb") as sink:
        process = subprocess.Popen(
            [*launch, *command], stdout=sink, stderr=subprocess.PIPE, env=_env()
        )
        sampler = _TreeMemory(process.pid)
        sampler.start()
        assert process.stderr is not None
        errors = process.stderr.read()  # drained as it comes: a full pipe would stall it
        process.wait()
    sampler.stop = True
    sampler.join()
    code, wall, cpu, maxrss = counted.read_text().split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code}): {errors.decode()[-2000:]}")
    largest = int(maxrss) * 1024 / MIB  # Linux: KiB, the largest of it and its children
    return Run(float(wall), float(cpu), largest, max(sampler.peak, largest), int(code))


class _TreeMemory(threading.Thread):
    """Samples, every 250 ms, the memory of the descendants of a process (the launcher's: the
    command and its workers; Linux /proc, each process's children listed by the kernel;
    shared pages counted once: PSS); `peak` is the largest sum seen, in MiB. Not more often:
    reading smaps_rollup costs about 12 µs a MiB, so every 50 ms it took 10-13% of a core
    from a run of 10,000-30,000 files, more the more memory the command holds (the peak of
    the largest process comes from the kernel, os.wait4, not from here)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self.stop = False
        self.page = os.sysconf("SC_PAGE_SIZE") / MIB

    def run(self) -> None:
        while not self.stop:
            self.peak = max(self.peak, sum(self._proportional(p) for p in self._tree()[1:]))
            time.sleep(0.25)

    def _tree(self) -> list[int]:
        tree, i = [self.pid], 0
        while i < len(tree):
            with contextlib.suppress(OSError):  # a process that has just ended
                for task in os.scandir(f"/proc/{tree[i]}/task"):
                    with contextlib.suppress(OSError):
                        tree += [int(c) for c in Path(task.path, "children").read_text().split()]
            i += 1
        return tree

    def _proportional(self, pid: int) -> float:
        """MiB of memory the process uses, pages shared with others (a forked worker shares
        most of its parent's) counted in proportion: PSS, or RSS where Linux has no PSS."""
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024 / MIB
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self.page
        return 0.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' machines keep bytecode
    env.pop("CTR_STATS_JOBS", None)  # ctr-stats as it runs by default
    return env


def ctr_stats(*args: str) -> list[str]:
    return [sys.executable, "-m", "ctr_stats", *args]


@dataclass
class Peer:
    name: str
    command: list[str]
    runs: list[Run] = field(default_factory=list)
    output: Path | None = None

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(r, attribute) for r in self.runs)

    def spread(self) -> str:
        walls = [r.wall for r in self.runs]
        return f"{min(walls):.2f}–{max(walls):.2f} s" if len(walls) > 1 else "-"


def paired(peers: list[Peer], runs: int) -> None:
    """`runs` rounds, each running every peer once, the order rotated each round so that no
    peer always follows the same one; results into each peer's `runs`."""
    for round_ in range(runs):
        shift = round_ % len(peers)
        for peer in peers[shift:] + peers[:shift]:
            peer.runs.append(timed(peer.command, peer.output))
            print(
                f"  {peer.name}: {peer.runs[-1].wall:.2f} s, cpu {peer.runs[-1].cpu:.2f} s,"
                f" {peer.runs[-1].largest:.0f} MiB",
                flush=True,
            )


# ---------------------------------------------------------------- the peers


def peers_at(n: int, folder: Path, naive: bool) -> list[Peer]:
    out = WORK / "out"
    out.mkdir(parents=True, exist_ok=True)
    compute = ctr_stats("compute", str(folder), "--units-only", str(units_file(n)), "--format")
    peers = [
        Peer("ctr-stats compute", [*compute, "json"], output=out / f"compute-{n}.json"),
        Peer(
            "script, 1 process",
            [sys.executable, str(HERE / "calamine_peer.py"), str(folder), "1"],
            output=out / f"script-1-{n}.json",
        ),
        Peer(
            "script, 2 processes",
            [sys.executable, str(HERE / "calamine_peer.py"), str(folder), "2"],
            output=out / f"script-2-{n}.json",
        ),
        Peer("floor, 1 process", [sys.executable, str(HERE / "floor.py"), str(folder), "1"]),
        Peer("floor, 2 processes", [sys.executable, str(HERE / "floor.py"), str(folder), "2"]),
    ]
    if naive:
        peers.insert(
            1,
            Peer(
                "naive pandas + openpyxl", [sys.executable, str(HERE / "baseline.py"), str(folder)]
            ),
        )
    return peers


def same_totals(compute_json: Path, script_json: list[Path], folder: Path) -> int:
    """The scripts' city totals are ctr-stats's, every one: each ctr-stats total (indicator,
    measure) found by the column its cells are in, named as the script names it (sheet,
    heading, measure), and equal. Stops the benchmark if not. Returns how many agree."""
    from python_calamine import CalamineWorkbook

    report = json.loads(compute_json.read_text(encoding="utf-8"))
    scripts = [json.loads(p.read_text(encoding="utf-8")) for p in script_json]
    if any(s != scripts[0] for s in scripts):
        raise SystemExit("the 20-line script gives other totals with 2 processes than with 1")
    script = scripts[0]
    names: dict[tuple[str, str], str] = {}  # (indicator, measure) -> 'sheet|heading|measure'
    headers: dict[tuple[str, str], list[list[object]]] = {}
    for unit in report["units"]:
        for measure, source in unit["sources"].items():
            if source is None:
                continue
            path, sheet, cells = source.rsplit("!", 2)
            column = _column_index(cells.split(":")[0])
            if (path, sheet) not in headers:
                rows = CalamineWorkbook.from_path(path).get_sheet_by_name(sheet).to_python()
                head = next(i for i, row in enumerate(rows) if row and row[0] == "STT")
                headers[(path, sheet)] = [rows[head], rows[head + 1]]
            top, below = headers[(path, sheet)]
            heading = next(str(top[c]) for c in range(column, -1, -1) if top[c])
            names.setdefault((unit["indicator"], measure), f"{sheet}|{heading}|{below[column]}")
    agreed = 0
    for total in report["totals"]:
        for measure in ("plan", "actual", "prior"):
            ours = total[measure]
            if ours is None:
                continue
            key = names.get((total["indicator"], measure))
            theirs = script.get(key) if key else None
            if theirs is None or theirs != ours:
                raise SystemExit(
                    f"the 20-line script and ctr-stats disagree on {total['indicator']} {measure}"
                    f" ({key}): {theirs} against {ours} ({folder})"
                )
            agreed += 1
    return agreed


def _column_index(cell: str) -> int:
    letters = "".join(c for c in cell if c.isalpha())
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter.upper()) - 64
    return index - 1


# ---------------------------------------------------------------- check at 100,000 findings


def findings_peers(n: int) -> tuple[list[Peer], int]:
    from findings_set import make_findings_set

    folder = make_findings_set(prepare(n), WORK / f"findings-{n}")
    out = WORK / "out"
    out.mkdir(parents=True, exist_ok=True)
    base = [str(folder), "--units-only", str(units_file(n))]
    peers = [
        Peer(
            "compute --format json --allow-errors",
            ctr_stats("compute", *base, "--format", "json", "--allow-errors"),
            output=out / f"findings-compute-{n}.json",
        ),
        Peer(
            "check (text, folded)",
            ctr_stats("check", *base),
            output=out / f"findings-check-{n}.txt",
        ),
        Peer(
            "check --all", ctr_stats("check", *base, "--all"), output=out / f"findings-all-{n}.txt"
        ),
        Peer(
            "check --format json",
            ctr_stats("check", *base, "--format", "json"),
            output=out / f"findings-check-{n}.json",
        ),
    ]
    return peers, n


# ---------------------------------------------------------------- the report


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3321, 10000])
    parser.add_argument("--runs", type=int, default=3, help="rounds at each size")
    parser.add_argument("--no-naive", action="store_true", help="leave out pandas + openpyxl")
    parser.add_argument(
        "--findings", type=int, default=3321, help="files of the findings set (0: none)"
    )
    parser.add_argument(
        "--per-file", type=int, nargs="*", default=[], help="more sizes, compute alone"
    )
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))

    started, load_before = time.time(), os.getloadavg()
    tables: dict[int, list[Peer]] = {}
    agreed: dict[int, int] = {}
    for n in args.sizes:
        folder = prepare(n)
        peers = peers_at(n, folder, not args.no_naive)
        print(f"{n:,} files ({_since(started)})", flush=True)
        timed(peers[-2].command)  # the files into the page cache, for every peer alike
        timed(peers[0].command)  # ctr-stats's bytecode written
        paired(peers, args.runs)
        agreed[n] = same_totals(
            peers[0].output,  # type: ignore[arg-type]
            [p.output for p in peers if p.name.startswith("script")],  # type: ignore[misc]
            folder,
        )
        tables[n] = peers

    findings: list[Peer] = []
    counted: dict[str, int] = {}
    if args.findings:
        findings, n = findings_peers(args.findings)
        print(f"findings set, {n:,} files ({_since(started)})", flush=True)
        timed(findings[0].command)
        paired(findings, args.runs)
        counted = _count_findings(findings)

    per_file: dict[int, Peer] = {n: peers[0] for n, peers in tables.items()}
    for n in args.per_file:
        folder = prepare(n)
        print(f"{n:,} files, compute alone ({_since(started)})", flush=True)
        peer = Peer(
            "ctr-stats compute",
            ctr_stats(
                "compute", str(folder), "--units-only", str(units_file(n)), "--format", "json"
            ),
        )
        timed(peer.command)
        paired([peer], args.runs)
        per_file[n] = peer

    startup = startup_times()
    annex_size = 3321 if 3321 in tables else max(tables)
    excel = _excel_time(annex_size)
    load_after = os.getloadavg()

    text = _results(
        args,
        tables,
        agreed,
        findings,
        counted,
        per_file,
        startup,
        (annex_size, excel),
        (started, load_before, load_after),
    )
    kept = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
    kept = kept[kept.index("\n## Notes") :] if "\n## Notes" in kept else ""  # written by hand
    args.results.write_text(text + kept, encoding="utf-8")
    print(f"written {args.results} ({_since(started)})")


def startup_times() -> list[tuple[list[str], float]]:
    """`--help` as a user starts it: the `ctr-stats` console script beside this Python (or
    `python -m ctr_stats`), with bytecode, as on a user's machine: PYTHONDONTWRITEBYTECODE
    unset (_env), the package compiled first (compileall, as pip does on install) and each
    command run once before it is timed; the median of 7 runs."""
    import importlib.util

    spec = importlib.util.find_spec("ctr_stats")  # found, not imported
    assert spec is not None and spec.submodule_search_locations
    package = spec.submodule_search_locations[0]
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, env=_env())
    script = Path(sys.executable).with_name("ctr-stats")
    start = [str(script)] if script.exists() else ctr_stats()
    measured = []
    for command in (["--help"], ["compute", "--help"]):
        timed([*start, *command])  # whatever compileall left, written now
        times = [timed([*start, *command]).wall for _ in range(7)]
        measured.append((command, statistics.median(times)))
    return measured


def _count_findings(peers: list[Peer]) -> dict[str, int]:
    """The findings of the set, as check's JSON and compute's JSON count them (the same),
    and the lines of check's folded and --all text."""
    check = json.loads(peers[3].output.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    compute = json.loads(peers[0].output.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    if len(check["findings"]) != len(compute["findings"]):
        raise SystemExit("check and compute found a different number of findings")
    lines = [len(p.output.read_text(encoding="utf-8").splitlines()) for p in peers[1:3]]  # type: ignore[union-attr]
    return {
        "findings": len(check["findings"]),
        "errors": int(check["summary"]["error"]),
        "warnings": int(check["summary"]["warning"]),
        "folded lines": lines[0],
        "--all lines": lines[1],
    } | {f"code {k}": v for k, v in check["summary"]["by_code"].items()}


def _results(args, tables, agreed, findings, counted, per_file, startup, excel, when) -> str:  # type: ignore[no-untyped-def]
    started, load_before, load_after = when
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {_cpu()}, {_memory()}, Python {platform.python_version()}, Linux {platform.release()}"
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine}.",
        f"Run: `python bench/run.py {' '.join(sys.argv[1:])}` on {time.strftime('%Y-%m-%d', time.localtime(started))},"
        f" {(time.time() - started) / 60:.0f} minutes; commit {_commit()}. Load average (1, 5, 15 min)"
        f" {_load(load_before)} at the start, {_load(load_after)} at the end (the machine is shared).",
        "",
        "Each command is a whole process (start to exit), its output written to a file; at each",
        f"size every peer runs once a round, the order rotated each round, {args.runs} round(s);",
        "medians of wall time and CPU (user + system of the process and its children), the range",
        "of wall times, the peak resident memory of the largest process (`os.wait4`) and of all",
        "its processes together (PSS, polled every 250 ms). MiB = 2^20 bytes.",
        "",
        "## The peers",
        "",
        "- `ctr-stats compute`: `ctr-stats compute DIR --units-only units.csv --format json`"
        " (recognition by meaning, every safety check and finding included);",
        "- naive: `bench/baseline.py DIR`, pandas.read_excel with openpyxl on every sheet;",
        "- script: `bench/calamine_peer.py DIR 1|2`, the 20-line python-calamine script (header"
        " row and total row of each sheet, summed by sheet, heading and measure), 1 process or"
        " a pool of 2;",
        "- floor: `bench/floor.py DIR 1|2`, each sheet unzipped and tokenized with expat, no tree.",
        "",
        "The last two columns are ratios of medians in the same run: ctr-stats's wall time over",
        "this command's (above 1: ctr-stats is slower), and the naive script's over this",
        "command's (how many times faster than the naive baseline this command is).",
        "",
        "| files | command | wall (median) | wall (range) | CPU (median) | peak, largest process | peak, all processes | exit | ctr-stats wall / this | naive wall / this |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, peers in tables.items():
        ours = peers[0].median("wall")
        naive = next((p.median("wall") for p in peers if p.name.startswith("naive")), None)
        for peer in peers:
            wall = peer.median("wall")
            lines.append(
                f"| {n:,} | {peer.name} | {wall:.2f} s | {peer.spread()}"
                f" | {peer.median('cpu'):.2f} s | {max(r.largest for r in peer.runs):.0f} MiB"
                f" | {max(r.tree for r in peer.runs):.0f} MiB | {_codes(peer)}"
                f" | {ours / wall:.2f} | {'-' if naive is None else f'{naive / wall:.1f}×'} |"
            )
    lines += [
        "",
        "The 20-line script's city totals (1 and 2 processes alike) are ctr-stats's, checked at every size: "
        + ", ".join(f"{k} totals at {n:,} files" for n, k in agreed.items())
        + ". ctr-stats also recognises the forms by meaning, attributes each sheet to its unit,"
        " and runs every safety check and finding; the script does none of it.",
    ]
    if findings:
        compute = findings[0].median("wall")
        lines += [
            "",
            f"## `check` against `compute` on a set with {counted['findings']:,} findings",
            "",
            f"bench/findings_set.py: the {args.findings:,}-file set with the breakdown columns of"
            " each commune's admission sheet (business owners, high-school and university students)"
            " filled with members on the rolls, as form 3-BTCTW counts them: each data row's part"
            f" exceeds its whole. Findings: {counted['errors']:,} errors, {counted['warnings']:,}"
            " warnings ("
            + ", ".join(f"{k[5:]} {v:,}" for k, v in counted.items() if k.startswith("code "))
            + f"); `check` prints them in {counted['folded lines']:,} lines folded,"
            f" {counted['--all lines']:,} with `--all` (each with its summary line).",
            "",
            "| command | wall (median) | wall (range) | CPU (median) | peak, largest process | exit | / compute |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for peer in findings:
            lines.append(
                f"| `{peer.name}` | {peer.median('wall'):.2f} s | {peer.spread()}"
                f" | {peer.median('cpu'):.2f} s | {max(r.largest for r in peer.runs):.0f} MiB"
                f" | {_codes(peer)} | {peer.median('wall') / compute:.2f} |"
            )
    lines += [
        "",
        "## Time per file",
        "",
        "| files | ctr-stats compute (median) | per file | peak, largest process |",
        "|---:|---:|---:|---:|",
    ]
    for n in sorted(per_file):
        peer = per_file[n]
        lines.append(
            f"| {n:,} | {peer.median('wall'):.2f} s | {peer.median('wall') * 1000 / n:.3f} ms"
            f" | {max(r.largest for r in peer.runs):.0f} MiB |"
        )
    lines += [
        "",
        "Start-up: the `ctr-stats` console script as a whole process, bytecode compiled first"
        " (PYTHONDONTWRITEBYTECODE unset, compileall over the package, one run before the timed ones).",
        "",
        "| command | median of 7 |",
        "|---|---:|",
    ]
    for command, seconds in startup:
        lines.append(f"| `ctr-stats {' '.join(command)}` | {seconds:.3f} s |")
    annex = f"{excel[1]:.2f} s" if isinstance(excel[1], float) else f"not measured ({excel[1]})"
    lines += [
        "",
        f"Writing the Excel annex for {excel[0]:,} units (in-process, as `compute -o annex.xlsx` writes it, median of 5): {annex}.",
        "",
        *_targets(tables, findings, counted, per_file, startup),
    ]
    return "\n".join(lines) + "\n"


def _targets(tables, findings, counted, per_file, startup) -> list[str]:  # type: ignore[no-untyped-def]
    """The Done-when bullets of issue 23, each met or not with its numbers."""
    rows = []

    def row(target: str, measured: str, met: bool | None) -> None:
        rows.append(
            f"| {target} | {measured} | {'-' if met is None else 'met' if met else 'not met'} |"
        )

    if 3321 in tables:
        by = {p.name: p for p in tables[3321]}
        ours = by["ctr-stats compute"]
        script, floor = by["script, 2 processes"], by["floor, 2 processes"]
        wall = ours.median("wall") / script.median("wall")
        row(
            "3,321 files: `compute` wall ≤ 1.0 × the 2-process 20-line script's",
            f"{ours.median('wall'):.2f} s against {script.median('wall'):.2f} s: {wall:.2f}×",
            wall <= 1.0,
        )
        wall = ours.median("wall") / floor.median("wall")
        row(
            "3,321 files: `compute` wall ≤ 2.0 × the 2-process floor's",
            f"{ours.median('wall'):.2f} s against {floor.median('wall'):.2f} s: {wall:.2f}×",
            wall <= 2.0,
        )
        cpu = ours.median("cpu") / script.median("cpu")
        row(
            "3,321 files: `compute` CPU ≤ 1.5 × the script's (2 processes)",
            f"{ours.median('cpu'):.2f} s against {script.median('cpu'):.2f} s: {cpu:.2f}×"
            f" (the 1-process script: {by['script, 1 process'].median('cpu'):.2f} s)",
            cpu <= 1.5,
        )
        codes = {r.code for r in ours.runs}
        row("… with `compute` exiting 0", f"exit {_codes(ours)}", codes == {0})
    else:
        row("3,321 files: wall and CPU against the script and the floor", "3,321 not run", None)
    if findings:
        ratio = findings[1].median("wall") / findings[0].median("wall")
        row(
            f"`check` on a set with 100,000 findings ≤ 2 × `compute` ({counted['findings']:,} findings)",
            f"{findings[1].median('wall'):.2f} s against {findings[0].median('wall'):.2f} s: {ratio:.2f}×",
            ratio <= 2.0,
        )
        row(
            "… grouped text output",
            f"{counted['findings']:,} findings in {counted['folded lines'] - 1:,} lines (+ the counts line)",
            counted["folded lines"] < counted["findings"],
        )
    if 10000 in tables:
        peak = max(r.largest for r in tables[10000][0].runs)
        row(
            "10,000 files: peak memory of the largest process ≤ 150 MB (143 MiB)",
            f"{peak:.0f} MiB ({peak * MIB / 1e6:.0f} MB)",
            peak * MIB / 1e6 <= 150,
        )
    sizes = sorted(n for n in per_file if n >= 1000)
    if len(sizes) > 1:
        each = [per_file[n].median("wall") / n for n in sizes]
        spread = max(each) / min(each) - 1
        row(
            f"time per file within 10% from 1,000 to 30,000 files (measured {sizes[0]:,} to {sizes[-1]:,})",
            " → ".join(f"{t * 1000:.3f}" for t in each) + f" ms: {spread:.0%} apart",
            spread <= 0.10 if sizes[-1] >= 30000 else None,
        )
    helps = ", ".join(f"{t:.3f} s" for _, t in startup)
    row("`--help` under 0.1 s (item 5)", helps, all(t < 0.1 for _, t in startup))
    return [
        "## Against the targets of issue 23",
        "",
        "| target (Done when) | measured (this run) | |",
        "|---|---|---|",
        *rows,
    ]


def _codes(peer: Peer) -> str:
    return "/".join(str(c) for c in sorted({r.code for r in peer.runs}))


def _since(started: float) -> str:
    return f"{(time.time() - started) / 60:.1f} min in"


def _load(load: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in load)


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "src"], capture_output=True, text=True, cwd=ROOT
    )
    return result.stdout.strip() + (" (src/ changed since)" if dirty.stdout.strip() else "")


def _excel_time(n: int) -> float | str:
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
        "import shutil; shutil.rmtree(d)\n"
        "print(statistics.median(t))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:  # said in the results, not a lost run: this comes last
        return (
            out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}"
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


def _memory() -> str:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    return "RAM unknown"


if __name__ == "__main__":
    main()
