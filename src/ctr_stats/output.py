"""Writing a report file without ever losing the previous one.

The content goes to a hidden temporary file next to the target and replaces the target in
one `os.replace` only once it is complete: a crash or Ctrl-C leaves the old report as it
was. Temporary files a killed run left behind are removed by the next write to the same
target. Writing over a file that is already there is refused (one of the run's inputs, or
anything else the clerk keeps), but for an earlier output of the tool's (recognised by its
content, `own_output`, and passed over when read) and an empty file; and so is
writing over what is not a file of the user's to replace: a folder, a device (`-o /dev/null`
run as root would replace /dev/null with a report), a FIFO or a socket. A link to a file
writes that file, as the shell's `>` would, and the file keeps its permissions and owner.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import UsageError
from .files import special_kind
from .own_output import edited_by, file_is_own
from .stops import signals_held

TEMP_MARK = ".ctr-stats-tmp"
# The report files this run has put in place, for the line that tells a stopped run apart.
WRITTEN: list[Path] = []
# For tests only: seconds to wait with the temporary file complete, before replacing the
# target, so a test can kill the process at that moment.
_PAUSE_ENV = "CTR_STATS_TEST_PAUSE_BEFORE_REPLACE"


def temp_pattern(target: Path) -> str:
    return f".{target.name}.*{TEMP_MARK}"


def writable_target(target: Path) -> Path:
    """The path to replace for `target`: itself, or the file a link names. A UsageError
    naming it when it is there and not a regular file: that is never replaced."""
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real  # a new file
    except OSError as exc:
        raise UsageError(
            f"không dùng được đường dẫn này cho --output ({exc.strerror})",
            f"cannot use this path for --output ({exc.strerror})",
            file=str(target),
        ) from exc
    kind = special_kind(mode)
    if kind is not None:
        raise UsageError(
            f"đây là {kind[0]}, không phải một tệp: không ghi đè lên nó; hãy chọn tên tệp cho --output",
            f"this is {kind[1]}, not a file: it is not written over; choose a file name for --output",
            file=str(target),
        )
    return real


def check_target(target: Path, inputs: Iterable[Path]) -> Path:
    """The path to write for `target` (see writable_target). Refused: one of the inputs,
    a file the tool did not write, a file Excel has open, what is not a regular file, a
    folder that is not there."""
    if not target.parent.is_dir():
        raise UsageError("thư mục không tồn tại", "no such folder", file=str(target.parent))
    resolved = writable_target(target)
    for path in _same_file(resolved, inputs):
        if not file_is_own(target):
            raise UsageError(
                f"không ghi đè lên tệp đầu vào {path}: hãy chọn tên tệp khác cho --output",
                f"will not write over the input file {path}: choose another --output name",
                file=str(target),
            )
    _refuse_foreign_file(target, resolved)
    _refuse_read_only(target, resolved)
    # Excel's lock file ("~$phu-luc.xlsx"), LibreOffice's (".~lock.phu-luc.xlsx#")
    for path in {target, resolved}:
        for lock, program in ((f"~${path.name}", "Excel"), (f".~lock.{path.name}#", "LibreOffice")):
            if path.with_name(lock).exists():
                raise UsageError(
                    f"tệp đang mở trong {program}: hãy đóng tệp rồi chạy lại",
                    f"the file is open in {program}: close it and run again",
                    file=str(target),
                )
    return resolved


def _same_file(target: Path, inputs: Iterable[Path]) -> Iterator[Path]:
    """The inputs that are `target`'s file (by device and inode: through a link too);
    none when it is not there yet. One stat per input, not a resolve of each folder on
    its path (a national roll-up: 0.07 s of 4.4)."""
    try:
        held = target.stat()
    except OSError:
        return
    for path in inputs:
        try:
            found = path.stat()
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (held.st_dev, held.st_ino):
            yield path


def _refuse_read_only(target: Path, resolved: Path) -> None:
    """A file made read-only (no one may write it) is kept: replacing it by a rename, as
    the atomic write does, would pass over what its owner said (and fails on Windows)."""
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise UsageError(
            "tệp này đã được đặt chỉ đọc: không ghi đè lên nó; hãy chọn tên tệp khác cho"
            " --output, hoặc bỏ thuộc tính chỉ đọc rồi chạy lại",
            "this file is read-only: it is not written over; choose another name for"
            " --output, or make it writable and run again",
            file=str(target),
        )


def _refuse_foreign_file(target: Path, resolved: Path) -> None:
    """A file already there that the tool did not write (a clerk's own workbook or notes)
    is never replaced; an earlier output of the tool's, or an empty file, may be."""
    try:
        size = resolved.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    if file_is_own(resolved):
        editor = edited_by(resolved)
        if editor is None:
            return
        who_vi, who_en = (f" (người sửa: {editor})", f" (by {editor})") if editor else ("", "")
        raise UsageError(
            f"tệp này do ctr-stats ghi ra nhưng đã được mở, sửa và lưu lại sau đó{who_vi}:"
            " không ghi đè để khỏi mất phần đã sửa; hãy chọn tên tệp khác cho --output,"
            " hoặc tự đổi tên (xóa) tệp này rồi chạy lại",
            f"ctr-stats wrote this file, but it was opened, edited and saved since{who_en}:"
            " it is not written over, so the edits are kept; choose another name for"
            " --output, or rename (delete) the file and run again",
            file=str(target),
        )
    raise UsageError(
        "tệp này đã có và không phải do ctr-stats ghi ra: không ghi đè lên nó;"
        " hãy chọn tên tệp khác cho --output, hoặc tự xóa (đổi tên) tệp này rồi chạy lại",
        "this file is already there and was not written by ctr-stats: it is not written"
        " over; choose another name for --output, or delete (rename) the file and run again",
        file=str(target),
    )


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then move the result onto `target` in one step."""
    shown = target
    target = writable_target(target)
    for stale in target.parent.glob(temp_pattern(target)):
        with contextlib.suppress(OSError):
            stale.unlink()
    temporary = target.with_name(f".{target.name}.{os.getpid()}{TEMP_MARK}")
    try:
        try:
            write(temporary)
        except OSError as exc:  # no right to write there, a full disk, past `ulimit -f`
            raise _not_written(exc, shown) from exc
        _keep_permissions(temporary, target)
        pause = os.environ.get(_PAUSE_ENV)
        if pause:
            time.sleep(float(pause))
        writable_target(shown)  # still a file or nothing (not made a FIFO meanwhile)
        try:
            with signals_held():  # moved into place and recorded, or neither
                os.replace(temporary, target)
                WRITTEN.append(target)
        except PermissionError as exc:
            raise UsageError(
                "không ghi được tệp (có thể đang mở trong Excel): hãy đóng tệp rồi chạy lại",
                "cannot write the file (it may be open in Excel): close it and run again",
                file=str(shown),
            ) from exc
        except OSError as exc:
            raise _not_written(exc, shown) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


_NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _not_written(exc: OSError, target: Path) -> UsageError:
    reason = exc.strerror or str(exc)
    if exc.errno in _NO_ROOM:  # a full disk, a quota, past `ulimit -f`
        return UsageError(
            f"không đủ chỗ để ghi tệp ({reason}): tệp cũ (nếu có) được giữ nguyên;"
            " hãy giải phóng chỗ trống hoặc chọn chỗ khác cho --output",
            f"no room to write the file ({reason}): the previous file, if any, is kept;"
            " free some space or choose another --output",
            file=str(target),
        )
    return UsageError(
        f"không ghi được tệp vào thư mục này ({reason}): hãy chọn chỗ khác cho --output",
        f"cannot write the file in this folder ({reason}): choose another --output",
        file=str(target),
    )


def _keep_permissions(temporary: Path, target: Path) -> None:
    """The new report gets the old one's permissions and, where we may set it, owner."""
    try:
        before = target.stat()
    except FileNotFoundError:
        return
    os.chmod(temporary, stat.S_IMODE(before.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(temporary, before.st_uid, before.st_gid)


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
