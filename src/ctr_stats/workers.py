"""Reading many files in several processes: the files are split in chunks, each chunk read
by a worker, and the results handed back in the files' order, as one process would.

A process costs milliseconds to start by fork (Linux) and about 0.3 s by spawn (Windows,
macOS), so this pays from a few dozen files on, or a few hundred.

A worker never outlives the run: it ends when the main process dies, however it dies
(kill -9 included: on Linux the kernel sends it SIGKILL, PR_SET_PDEATHSIG; everywhere a
thread of its own watches the main process and ends it), and when the run stops early
(Ctrl-C, an error) the main process kills its workers rather than waiting for them. A
worker lets go of the caller's stdin, stdout and stderr as it starts, so a program
reading ctr-stats' output sees it end when the main process ends.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .errors import InputError

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .layout import Column, Row, SheetData
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
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(catalogue, limits, os.getpid()),
    )
    done, chunks_done = 0, 0
    try:
        for results in pool.map(_read_chunk, chunks):
            yield from results
            done += len(chunks[chunks_done])
            chunks_done += 1
            if progress is not None:
                progress(done, len(files))
    except BrokenProcessPool as exc:  # a reader crashed outright (not an exception)
        _end_now(pool)
        failed = chunks[chunks_done]
        raise InputError(
            "tiến trình đọc tệp bị dừng đột ngột khi đọc một trong các tệp sau; "
            "hãy chạy lại với CTR_STATS_JOBS=1 để biết tệp nào",
            "a reading process died while reading one of these files; "
            "run again with CTR_STATS_JOBS=1 to tell which",
            file=", ".join(str(p) for p in failed[:5]) + (" …" if len(failed) > 5 else ""),
        ) from exc
    except BaseException:  # Ctrl-C, an error, the reader of the results gone
        _end_now(pool)
        raise
    finally:
        forget_handed_back()
    pool.shutdown()


def _end_now(pool: object) -> None:
    """The workers killed, not waited for: what they are reading is not wanted any more."""
    from concurrent.futures import ProcessPoolExecutor

    assert isinstance(pool, ProcessPoolExecutor)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()


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


def _start_worker(catalogue: Catalogue, limits: Limits, parent: int) -> None:
    global _WORKER
    _end_with_parent(parent)
    _let_go_of_streams()
    # Ctrl-C reaches every process of the terminal's group: the main process stops the run
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = (catalogue, limits)
    _handing_back()
    gc.disable()  # the worker only builds rows and hands them back (see api.paused_gc)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _end_with_parent(parent: int) -> None:
    """End this worker when the main process (pid `parent`) dies, however it dies."""
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the line above: nobody is waiting
        os._exit(1)
    import multiprocessing

    watched = multiprocessing.parent_process()
    sentinel = getattr(watched, "sentinel", None)
    if sentinel is not None:  # elsewhere (and as a second guard): a thread that waits for it

        def watch() -> None:
            from multiprocessing.connection import wait

            wait([sentinel])
            os._exit(1)

        threading.Thread(target=watch, name="ctr-stats-parent-watch", daemon=True).start()


def _let_go_of_streams() -> None:
    """stdin, stdout and stderr pointed at the null device: the caller's pipes are held
    by the main process alone (a worker has nothing to say; the main process reports a
    worker that died)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, fd)
    os.close(null)


# What a worker hands back is pickled chunk by chunk, and each chunk unpickled apart: the
# objects every copy of a form shares (its columns, its sheets' names) would be held once
# per chunk in the main process, and a national roll-up reads hundreds of chunks. Those
# are made one object again as they are handed back (Row, Counted, SheetRef and Period do
# it themselves, in model.py).
_SHARED_HELD = 1 << 16  # columns remembered: a few hundred per form


def _reduce_column(column: Column) -> tuple[Callable[..., Column], tuple[object, ...]]:
    values = tuple(getattr(column, f.name) for f in dataclasses.fields(column) if f.init)
    return (_shared_column, (type(column), values))


_COLUMNS: dict[tuple[type, tuple[object, ...]], Column] = {}


def _shared_column(cls: type[Column], values: tuple[object, ...]) -> Column:
    found = _COLUMNS.get((cls, values))
    if found is None:
        if len(_COLUMNS) >= _SHARED_HELD:
            _COLUMNS.clear()
        found = _COLUMNS[(cls, values)] = cls(*values)  # type: ignore[arg-type]
    return found


_SHEET_NAMES = ("sheet", "layout", "owner", "owner_text", "part")  # text many sheets share


def _reduce_sheet(sheet: SheetData) -> tuple[Callable[..., SheetData], tuple[object, ...]]:
    cls = type(sheet)
    return (_shared_sheet_text, (cls, {name: getattr(sheet, name) for name in _names(cls)}))


def _names(cls: type[SheetData]) -> tuple[str, ...]:
    """A dataclass's fields (its constructor's arguments, in order)."""
    names = _INIT_NAMES.get(cls)
    if names is None:
        names = _INIT_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    return names


def _shared_sheet_text(cls: type[SheetData], state: dict[str, object]) -> SheetData:
    for name in _SHEET_NAMES:
        text = state.get(name)
        if type(text) is str:
            state[name] = sys.intern(text)
    sums = state.get("sums")
    if sums is not None:  # the sheet's own total row says the same numbers, nearly always
        for total in cast("tuple[Row, ...]", state.get("totals", ())):
            if total.amounts == sums:
                state["sums"] = total.amounts
                break
    return cls(*map(state.pop, _names(cls)))  # type: ignore[arg-type]


_INIT_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's arguments, in order


def forget_handed_back() -> None:
    """Let go of what was remembered to share between chunks: the next run reads other
    files (what the rows hold stays shared)."""
    from .model import forget_shared

    _COLUMNS.clear()
    forget_shared()


def _handing_back() -> None:
    """The worker's pickling of columns and sheets: see _reduce_column."""
    import copyreg

    from .layout import Column, SheetData

    copyreg.pickle(Column, _reduce_column)
    copyreg.pickle(SheetData, _reduce_sheet)


def _read_chunk(paths: list[Path]) -> list[Result]:
    from .api import read_many

    assert _WORKER is not None
    catalogue, limits = _WORKER
    return read_many(paths, catalogue, limits)
