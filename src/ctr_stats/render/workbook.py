"""An xlsxwriter workbook that deflates its parts in threads, at a level of its choosing.

xlsxwriter zips its parts at the end, one after the other, at zlib's default level (6), and
has no setting for it. For a national roll-up's annex that is 33 MB of XML and 0.43 s, a
third of the whole write. Level 4 takes 0.16 s for a file 9% larger, and zlib lets go of the
GIL while it works: so each part is deflated, in 4 MB pieces on two threads, as soon as
xlsxwriter has made it, while xlsxwriter goes on making the next ones.

The seam is xlsxwriter's packager, made by `Workbook._get_packager` ("this allows the default
packager to be over-ridden"): ours hands each finished part to the threads, and gives
xlsxwriter's own zip none of them. tests/test_workbook.py checks that the parts, their
names and their order are xlsxwriter's.
"""

from __future__ import annotations

import io
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.packager import Packager

from .. import zip_parts

DEFLATE_LEVEL = 4
_PIECE = 1 << 22  # 4 MB: the Nguồn sheet of a national roll-up is six, deflated two at a time


class _DeflatingPackager(Packager):  # type: ignore[misc]  # xlsxwriter has no type stubs
    def __init__(self, pool: ThreadPoolExecutor, level: int) -> None:
        super().__init__()
        # each part's name, deflated pieces, size and CRC: its bytes go once deflated
        self.deflating: list[tuple[str, list[Future[bytes]], int, Future[int]]] = []
        self._pool = pool
        self._level = level

    def _filename(self, xml_filename: str) -> Any:
        # xlsxwriter makes a part whole before it starts the next: those listed are done
        self._deflate_finished()
        return super()._filename(xml_filename)

    def _create_package(self) -> list[Any]:
        super()._create_package()
        self._deflate_finished()
        return []  # nothing for xlsxwriter to zip: Workbook.close writes the archive

    def _deflate_finished(self) -> None:
        submit = self._pool.submit
        for content, name, is_binary in self.filenames[len(self.deflating) :]:
            data = content.getvalue() if is_binary else content.getvalue().encode()
            starts = range(0, max(len(data), 1), _PIECE)
            pieces = [
                submit(zip_parts.deflate_piece, data, start, start + _PIECE, self._level)
                for start in starts
            ]
            self.deflating.append((name, pieces, len(data), submit(zlib.crc32, data)))

    def parts(self) -> list[zip_parts.Part]:
        return [
            zip_parts.deflated(name, [p.result() for p in pieces], size, crc.result())
            for name, pieces, size, crc in self.deflating
        ]


class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
    """`xlsxwriter.Workbook(path, options)`, made in memory and written by `close`."""

    def __init__(
        self, path: Path, options: dict[str, Any] | None = None, *, level: int = DEFLATE_LEVEL
    ) -> None:
        super().__init__(io.BytesIO(), {**(options or {}), "in_memory": True})
        self._target = path
        self._level = level
        self._pool: ThreadPoolExecutor | None = None
        self._packager: _DeflatingPackager | None = None

    def _get_packager(self) -> _DeflatingPackager:
        assert self._pool is not None, "packaged only from close()"
        self._packager = _DeflatingPackager(self._pool, self._level)
        return self._packager

    def close(self) -> None:
        if self.fileclosed:
            super().close()  # xlsxwriter's warning
            return
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="deflate") as pool:
            self._pool = pool
            try:
                super().close()
                assert self._packager is not None
                parts = self._packager.parts()
            finally:
                self._pool = self._packager = None
        with open(self._target, "wb") as out:
            out.writelines(zip_parts.archive(parts))
