"""What a path is, for reading and for writing: a regular file, or something the tool
neither reads (a FIFO would wait for a writer forever; /dev/zero never ends) nor replaces
(a folder, a device such as /dev/null, a FIFO, a socket)."""

from __future__ import annotations

import stat

_SPECIAL = (
    (stat.S_ISDIR, "một thư mục", "a folder"),
    (stat.S_ISCHR, "một thiết bị", "a device"),
    (stat.S_ISBLK, "một thiết bị", "a device"),
    (stat.S_ISFIFO, "một đường ống (FIFO)", "a pipe (FIFO)"),
    (stat.S_ISSOCK, "một socket", "a socket"),
)


def special_kind(mode: int) -> tuple[str, str] | None:
    """('một thiết bị', 'a device') and the like for what is not a regular file; None for
    a regular file."""
    for test, vi, en in _SPECIAL:
        if test(mode):
            return vi, en
    return None if stat.S_ISREG(mode) else ("không phải một tệp thường", "not a regular file")
