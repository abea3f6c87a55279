"""A run stopped from outside: Ctrl-C or SIGTERM, a reader that closes the pipe, an output
stream that cannot be written.

Ctrl-C (SIGINT) and SIGTERM become KeyboardInterrupt, so that every `finally` on the way
out runs (a temporary file is removed, the worker processes are ended) and cli.py says in
one line that the run was stopped. A reader that stops reading (`ctr-stats compute … |
head -1`) makes writing to stdout fail with a broken pipe: that is the reader's choice,
not an error, so the run ends quietly with exit code 0 rather than with a traceback or
typer's exit code 1. stdout redirected to a full disk (or past `ulimit -f`) is exit code 2
with one line, as for a report file.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

STOP_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s
)


class ReaderGone(BaseException):
    """stdout or stderr was closed by the program reading it. A BaseException so that no
    `except Exception` on the way (typer catches the OSError of a broken pipe) takes it."""


class OutputFailed(BaseException):
    """stdout or stderr could not be written (a full disk, past `ulimit -f`): `error`."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class Guarded:
    """A text stream whose broken pipe raises ReaderGone and whose other write errors
    raise OutputFailed; everything else is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise OutputFailed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def silence(streams: tuple[TextIO, ...]) -> None:
    """After a broken pipe: the streams' file descriptors point at the null device, so the
    interpreter's last flush on exit finds nowhere to fail ("Exception ignored …")."""
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in streams:
        with suppress(OSError, ValueError):
            os.dup2(null, stream.fileno())
    os.close(null)


class Stop:
    """The signal that stopped the run, if one did."""

    signal: int | None = None


@contextmanager
def stopped_by_signals(stop: Stop) -> Iterator[None]:
    """SIGINT and SIGTERM raise KeyboardInterrupt and are recorded in `stop`; the previous
    handlers come back on the way out. Only the main thread may set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        stop.signal = signum
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, interrupt) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM held back for the few instructions inside, then delivered: a
    report is moved into place and recorded as written, or neither."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {
        s: signal.signal(s, lambda signum, frame: pending.append(signum)) for s in STOP_SIGNALS
    }
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for signum in pending[:1]:
            signal.raise_signal(signum)


def guard_streams() -> tuple[TextIO, TextIO]:
    """sys.stdout and sys.stderr wrapped in Guarded; the originals returned to put back."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Guarded(sys.stdout), Guarded(sys.stderr)
    return streams
