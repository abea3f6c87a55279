"""Large and endless inputs: how long `ctr-stats compute` takes on each, and its peak memory.

    python bench/large_inputs.py            # all cases, prints a Markdown table
    python bench/large_inputs.py csv-padded xlsx-million-rows

Each case is built in bench/work/large/ (100 MB text files, a 1,000,000-row sheet), then
`ctr-stats compute FILE --units-only tests/corpus/units.csv --format json` runs as a whole
process; the time is the wall clock (start-up included), the CPU its user and system time
(steadier on a shared machine), the memory the process's peak resident set (`os.wait4`). The README's limits ("a 100 MB CSV under 300 MB and at least 10 MB/s", "a
1,000,000-row sheet refused in under a second and 200 MB", "a FIFO or /dev/zero refused in
under a second") are checked against these numbers, not in the tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work" / "large"
UNITS = ROOT / "tests" / "corpus" / "units.csv"
FORM_CSV = ROOT / "tests" / "corpus" / "files" / "csv-utf8-semicolon.csv"
FORM_XLSX = ROOT / "tests" / "corpus" / "files" / "unit-rows-consolidated-2row-merged-header.xlsx"
SIZE = 100_000_000
COMMAND = (sys.executable, "-m", "ctr_stats", "compute")


def _repeat_to(path: Path, head: str, line: str, size: int = SIZE) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(head)
        block = line * max(1, (1 << 20) // len(line.encode()))
        written = len(head.encode())
        while written < size:
            out.write(block)
            written += len(block.encode())


def csv_padded(path: Path) -> None:
    """The form, then 100 MB of ";;;;;;;" lines: a sheet formatted to the bottom, exported."""
    _repeat_to(path, FORM_CSV.read_text(encoding="utf-8"), ";;;;;;;\n")


def csv_rows(path: Path) -> None:
    """The form's unit rows again and again to 100 MB: far over --max-cells."""
    head, *rows = FORM_CSV.read_text(encoding="utf-8").strip("\n").split("\n")
    _repeat_to(path, head + "\n", "\n".join(rows) + "\n")


def csv_long_notes(path: Path) -> None:
    """The form with a Ghi chú column whose cells hold long Vietnamese text, each its own,
    to 100 MB (under --max-cells: read whole)."""
    head, *rows = FORM_CSV.read_text(encoding="utf-8").strip("\n").split("\n")
    note = "Đơn vị đã rà soát, bổ sung số liệu theo hướng dẫn của Ban Tổ chức Thành ủy. " * 40
    with path.open("w", encoding="utf-8", newline="") as out:
        written = out.write(f"{head};Ghi chú\n")
        n = 0
        while written < SIZE:
            line = f"{rows[n % 3]};{note}(lần {n})\n"
            out.write(line)
            written += len(line.encode())
            n += 1


def csv_at_the_cap(path: Path) -> None:
    """As many short rows as --max-cells lets through (2,000,000 cells, 8 columns)."""
    head, *rows = FORM_CSV.read_text(encoding="utf-8").strip("\n").split("\n")
    lines = 2_000_000 // 8 - 1
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(head + "\n")
        for n in range(lines):
            out.write(rows[n % 3] + "\n")


def _million_rows(path: Path, refs: bool) -> None:
    template = (
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"><v>2</v></c><c r="C%d"><v>3</v></c></row>'
        if refs
        else b"<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>"
    )
    count = template.count(b"%d")
    rows = b"".join(template % ((n,) * count) for n in range(20, 1_000_020))
    with zipfile.ZipFile(FORM_XLSX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<dimension[^>]*/>", b"", data)  # no dimension to go by
                data = data.replace(b"</sheetData>", rows + b"</sheetData>")
            dst.writestr(info, data, compresslevel=1)


def xlsx_million_rows(path: Path) -> None:
    """The form's sheet with 1,000,000 rows more (3 cells each, with references), no
    dimension element."""
    _million_rows(path, refs=True)


def xlsx_million_rows_no_references(path: Path) -> None:
    """The same rows without r= on rows and cells (some generators write none)."""
    _million_rows(path, refs=False)


def fifo(path: Path) -> None:
    """A FIFO nobody writes to: opened to be read, it would wait forever."""
    os.mkfifo(path)


def link_to_dev_zero(path: Path) -> None:
    """A link to /dev/zero, named like a CSV: endless zeros."""
    path.symlink_to("/dev/zero")


CASES: dict[str, tuple[str, Callable[[Path], None]]] = {
    "csv-padded": ("padded.csv", csv_padded),
    "csv-rows": ("rows.csv", csv_rows),
    "csv-long-notes": ("long-notes.csv", csv_long_notes),
    "csv-at-the-cap": ("at-the-cap.csv", csv_at_the_cap),
    "xlsx-million-rows": ("million-rows.xlsx", xlsx_million_rows),
    "xlsx-million-rows-no-references": (
        "million-rows-no-refs.xlsx",
        xlsx_million_rows_no_references,
    ),
    "fifo": ("fifo.csv", fifo),
    "link-to-dev-zero": ("zero.csv", link_to_dev_zero),
}


def _first_code(output: Path) -> re.Match[bytes] | None:
    """The first finding's code in a JSON output, read a megabyte at a time."""
    pattern = re.compile(rb'"code": "([a-z-]+)", "severity"')
    tail = b""
    with output.open("rb") as data:
        while chunk := data.read(1 << 20):
            found = pattern.search(tail + chunk)
            if found:
                return found
            tail = chunk[-64:]
    return None


def measure(path: Path) -> tuple[float, float, float, int, str]:
    """(seconds, CPU seconds, peak MB, exit code, the first finding's code or '')."""
    start = time.monotonic()
    output = WORK / "output.json"
    # the output to a file, searched a megabyte at a time: held whole here, it would raise
    # this process's peak memory, which the next command started from it inherits (Linux
    # keeps a process's peak across fork and exec) and os.wait4 would report as its own
    with output.open("wb") as out:
        process = subprocess.Popen(
            [
                *COMMAND,
                str(path),
                "--units-only",
                str(UNITS),
                "--format",
                "json",
                "--allow-missing",
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    found = _first_code(output)
    output.unlink()
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024**2
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, peak, process.returncode, found.group(1).decode() if found else ""


def main(names: list[str]) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    print("| input | size | time | CPU | MB/s | peak memory | exit | first finding |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in names or list(CASES):
        file_name, _ = CASES[name]
        path = WORK / file_name
        if path.is_symlink() or path.exists():
            path.unlink()
        # built by another process: a child's peak memory would count this one's pages
        subprocess.run([sys.executable, __file__, "--make", name, str(path)], check=True)
        size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
        elapsed, cpu, peak, code, finding = measure(path)
        rate = f"{size / 1e6 / elapsed:.0f}" if size else ""
        shown = f"{size / 1e6:.1f} MB" if size else "endless" if path.is_symlink() else "-"
        print(
            f"| {name} | {shown} | {elapsed:.2f} s | {cpu:.2f} s | {rate} | {peak:.0f} MB"
            f" | {code} | {finding} |"
        )
        path.unlink()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make"]:
        CASES[sys.argv[2]][1](Path(sys.argv[3]))
    else:
        main(sys.argv[1:])
