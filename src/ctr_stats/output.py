"""Writing a report file without ever losing the previous one.

The content goes to a hidden temporary file next to the target and replaces the target in
one `os.replace` only once it is complete: a crash or Ctrl-C leaves the old report as it
was. Temporary files a killed run left behind are removed by the next write to the same
target. Writing over one of the run's input files is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import UsageError
from .stops import signals_held

TEMP_MARK = ".ctr-stats-tmp"
# The report files this run has put in place, for the line that tells a stopped run apart.
WRITTEN: list[Path] = []
# For tests only: seconds to wait with the temporary file complete, before replacing the
# target, so a test can kill the process at that moment.
_PAUSE_ENV = "CTR_STATS_TEST_PAUSE_BEFORE_REPLACE"


def temp_pattern(target: Path) -> str:
    return f".{target.name}.*{TEMP_MARK}"


def check_target(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse a target that is one of the inputs, or that Excel has open."""
    resolved = target.resolve()
    for path in inputs:
        if path.resolve() == resolved:
            raise UsageError(
                f"không ghi đè lên tệp đầu vào {path}: hãy chọn tên tệp khác cho --output",
                f"will not write over the input file {path}: choose another --output name",
                file=str(target),
            )
    lock = target.with_name(f"~${target.name}")
    if lock.exists():
        raise UsageError(
            "tệp đang mở trong Excel: hãy đóng tệp rồi chạy lại",
            "the file is open in Excel: close it and run again",
            file=str(target),
        )
    if not target.parent.is_dir():
        raise UsageError("thư mục không tồn tại", "no such folder", file=str(target.parent))


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then move the result onto `target` in one step."""
    for stale in target.parent.glob(temp_pattern(target)):
        with contextlib.suppress(OSError):
            stale.unlink()
    temporary = target.with_name(f".{target.name}.{os.getpid()}{TEMP_MARK}")
    try:
        try:
            write(temporary)
        except OSError as exc:  # no right to write there, a full disk, a read-only folder
            reason = exc.strerror or str(exc)
            raise UsageError(
                f"không ghi được tệp vào thư mục này ({reason}): hãy chọn chỗ khác cho --output",
                f"cannot write the file in this folder ({reason}): choose another --output",
                file=str(target),
            ) from exc
        if target.exists():
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        pause = os.environ.get(_PAUSE_ENV)
        if pause:
            time.sleep(float(pause))
        try:
            with signals_held():  # moved into place and recorded, or neither
                os.replace(temporary, target)
                WRITTEN.append(target)
        except PermissionError as exc:
            raise UsageError(
                "không ghi được tệp (có thể đang mở trong Excel): hãy đóng tệp rồi chạy lại",
                "cannot write the file (it may be open in Excel): close it and run again",
                file=str(target),
            ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def write_text(target: Path, text: str | Iterable[str], *, bom: bool = False) -> None:
    """Text, or its pieces as they are made, written atomically in UTF-8."""
    pieces = [text] if isinstance(text, str) else text

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            if bom:
                handle.write("\ufeff")
            for piece in pieces:
                handle.write(piece)

    write_atomically(target, write)
