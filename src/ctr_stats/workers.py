"""Reading many files in several processes: the files are split in chunks, each chunk read
by a worker, and the results handed back in the files' order, as one process would.

A process costs milliseconds to start by fork (Linux) and about 0.3 s by spawn (Windows,
macOS), so this pays from a few dozen files on, or a few hundred.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .layout import SheetData
    from .limits import Limits
    from .model import Finding

Result = tuple["list[SheetData]", "list[Finding]"]

# Fewer files than this are read in this process: below it, starting the workers costs
# more than it saves (measured: forked workers read 126 files in 0.17 s against 0.23 s in
# one process, and break even near 30; a spawned worker takes about 0.3 s to start).
FORK_FROM = 64
SPAWN_FROM = 300
_MAX_JOBS = 8


def start_method() -> str:
    """fork starts a worker in milliseconds with the catalogue already loaded; it is safe
    only while this process runs no other thread, and only on Linux."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def worth_workers(files: int, jobs: int) -> bool:
    return jobs > 1 and files >= (FORK_FROM if start_method() == "fork" else SPAWN_FROM)


def job_count() -> int:
    """CTR_STATS_JOBS if set (1: no workers), else one process per core this process may
    use, at most 8."""
    wanted = os.environ.get("CTR_STATS_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, _MAX_JOBS))


def read_in_processes(
    files: list[Path],
    catalogue: Catalogue,
    limits: Limits,
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[Result]:
    """Each file's (sheets, findings), in order, read by `jobs` worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = start_method()
    chunks, first = [], 0
    for size in chunk_sizes(len(files), jobs):
        chunks.append(files[first : first + size])
        first += size
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(catalogue, limits),
    ) as pool:
        done, chunks_done = 0, 0
        try:
            for results in pool.map(_read_chunk, chunks):
                yield from results
                done += len(chunks[chunks_done])
                chunks_done += 1
                if progress is not None:
                    progress(done, len(files))
        except BrokenProcessPool as exc:  # a reader crashed outright (not an exception)
            failed = chunks[chunks_done]
            raise InputError(
                "tiến trình đọc tệp bị dừng đột ngột khi đọc một trong các tệp sau; "
                "hãy chạy lại với CTR_STATS_JOBS=1 để biết tệp nào",
                "a reading process died while reading one of these files; "
                "run again with CTR_STATS_JOBS=1 to tell which",
                file=", ".join(str(p) for p in failed[:5]) + (" …" if len(failed) > 5 else ""),
            ) from exc


def chunk_sizes(files: int, jobs: int) -> list[int]:
    """How many files each task reads: up to 64, fewer for fewer files; smaller at the
    start, so that results flow in while the workers read on, and at the end, so that no
    worker is left reading a long chunk alone while the others wait."""
    if files <= 0:
        return []
    size = max(8, min(64, files // (jobs * 8)))
    head: list[int] = []
    for ramp in (8, 16, 32):
        for _ in range(jobs):
            if ramp >= size or files - 2 * sum(head) < 2 * ramp + size:
                break
            head.append(ramp)
    middle = files - 2 * sum(head)
    count = -(-middle // size)  # chunks of at most `size`, as even as they divide
    base, larger = divmod(middle, count)
    return [*head, *[base + 1] * larger, *[base] * (count - larger), *head[::-1]]


_WORKER: tuple[Catalogue, Limits] | None = None


def _start_worker(catalogue: Catalogue, limits: Limits) -> None:
    global _WORKER
    _WORKER = (catalogue, limits)
    gc.disable()  # the worker only builds rows and hands them back (see api.paused_gc)


def _read_chunk(paths: list[Path]) -> list[Result]:
    from .api import read_many

    assert _WORKER is not None
    catalogue, limits = _WORKER
    return read_many(paths, catalogue, limits)
