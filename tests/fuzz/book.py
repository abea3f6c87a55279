"""Workbook surgery for the mutations: where things are on a sample sheet, rows and columns
inserted or deleted as Excel does it (merges grow or shrink, styles and sizes follow), one
cell's XML replaced in the saved file, and LibreOffice exports.

Rows and columns are 1-based here, as openpyxl and Excel count them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet


@dataclass
class Form:
    """Where the parts of one of the samples' sheets are (see scripts/make_samples.py):
    title block, a two-row header (indicators merged over their measures), one row per
    organization, a total row, a signature block."""

    ws: Worksheet
    top: int  # indicator header row ("STT", "Đơn vị", indicators)
    sub: int  # measure header row (Kế hoạch, Thực hiện, Cùng kỳ)
    first: int  # first data row
    last: int  # last data row
    total: int  # the total row
    last_col: int  # last column of the table
    place_line: tuple[int, int]  # (row, col) of "Ba Đình, ngày 5 tháng 12 năm 2023"
    label_col: int = 2
    first_col: int = 3  # first column of figures

    @classmethod
    def find(cls, ws: Worksheet) -> Form:
        cells = sorted((at, cell.value) for at, cell in ws._cells.items() if cell.value is not None)
        top = next(r for (r, c), v in cells if c == 1 and v == "STT")
        total = next(r for (r, c), v in cells if c == 1 and r > top and str(v).startswith("Tổng"))
        last_col = max(c for (r, c), _ in cells if r == top + 1)
        place = next(
            at for at, v in cells if at[0] > total and isinstance(v, str) and ", ngày " in v
        )
        return cls(ws, top, top + 1, top + 2, total - 1, total, last_col, place)

    @property
    def data_rows(self) -> range:
        return range(self.first, self.last + 1)

    @property
    def columns(self) -> range:
        return range(self.first_col, self.last_col + 1)

    def groups(self) -> list[tuple[int, int]]:
        """(first, last) column of each indicator's header, merged or single."""
        spans = []
        for col in self.columns:
            if self.ws.cell(self.top, col).value is None:
                continue
            end = col
            for merged in self.ws.merged_cells.ranges:
                if merged.min_row == self.top and merged.min_col == col:
                    end = merged.max_col
            spans.append((col, end))
        return spans


Move = Callable[[int], int | None]  # old index -> new index, None: dropped


def _shift(at: int, n: int) -> Move:
    return lambda i: i if i < at else i + n


def _drop(at: int) -> Move:
    return lambda i: None if i == at else (i if i < at else i - 1)


def _keep(i: int) -> int | None:
    return i


def insert_rows(ws: Worksheet, at: int, n: int = 1) -> None:
    """n blank rows before row `at`, as Excel inserts them."""
    _move(ws, _shift(at, n), _keep)


def insert_cols(ws: Worksheet, at: int, n: int = 1) -> None:
    _move(ws, _keep, _shift(at, n))


def delete_row(ws: Worksheet, at: int) -> None:
    _move(ws, _drop(at), _keep)


def delete_col(ws: Worksheet, at: int) -> None:
    _move(ws, _keep, _drop(at))


def _span(lo: int, hi: int, move: Move) -> tuple[int, int] | None:
    kept = [m for i in range(lo, hi + 1) if (m := move(i)) is not None]
    return (kept[0], kept[-1]) if kept else None


def _move(ws: Worksheet, rows: Move, cols: Move) -> None:
    """Every cell, merge, row height, column width and the frozen panes moved as `rows` and
    `cols` say; a merge over an inserted line grows, over a deleted one shrinks."""
    cells = [c for c in ws._cells.values() if not isinstance(c, MergedCell)]
    merges = [m.bounds for m in ws.merged_cells.ranges]  # (min_col, min_row, max_col, max_row)
    heights = {r: (d.height, d.hidden) for r, d in ws.row_dimensions.items()}
    widths = {
        _col_index(d.index): (d.width, d.hidden) for d in ws.column_dimensions.values() if d.index
    }
    freeze = ws.freeze_panes
    ws._cells.clear()
    for merged in list(ws.merged_cells.ranges):
        ws.merged_cells.remove(merged)
    for cell in cells:
        r, c = rows(cell.row), cols(cell.column)
        if r is None or c is None:
            continue
        cell.row, cell.column = r, c
        ws._cells[(r, c)] = cell
    for min_col, min_row, max_col, max_row in merges:
        rs, cs = _span(min_row, max_row, rows), _span(min_col, max_col, cols)
        if rs and cs and (rs[0], cs[0]) != (rs[1], cs[1]):
            ws.merge_cells(start_row=rs[0], start_column=cs[0], end_row=rs[1], end_column=cs[1])
    ws.row_dimensions.clear()
    for r, (height, hidden) in heights.items():
        if (moved := rows(r)) is not None:
            ws.row_dimensions[moved].height = height
            ws.row_dimensions[moved].hidden = hidden
    ws.column_dimensions.clear()
    for c, (width, hidden) in widths.items():
        if (moved := cols(c)) is not None:
            ws.column_dimensions[get_column_letter(moved)].width = width
            ws.column_dimensions[get_column_letter(moved)].hidden = hidden
    if freeze:
        min_col, min_row, _, _ = range_boundaries(freeze)
        r, c = rows(min_row), cols(min_col)
        ws.freeze_panes = ws.cell(r, c) if r and c else None


def _col_index(letters: str) -> int:
    return range_boundaries(f"{letters}1")[0]


def merged_at(ws: Worksheet, row: int, col: int) -> tuple[int, int, int, int] | None:
    """(min_row, min_col, max_row, max_col) of the merge covering a cell."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= col <= merged.max_col:
            return merged.min_row, merged.min_col, merged.max_row, merged.max_col
    return None


# ---------------------------------------------------------------- the saved file's XML


def patch_cell_xml(path: Path, sheet_index: int, ref: str, xml: str) -> None:
    """Replace cell `ref` of the sheet at `sheet_index` (0-based, as openpyxl saved it:
    xl/worksheets/sheetN.xml) with `xml`, e.g. a formula with a cached value, which openpyxl
    cannot write."""
    part = f"xl/worksheets/sheet{sheet_index + 1}.xml"

    def edit(text: str) -> str:
        pattern = re.compile(rf'<c r="{ref}"(?: [^>/]*)?(?:/>|>.*?</c>)', re.S)
        assert pattern.search(text), f"{ref} not in {part}"
        return pattern.sub(lambda _: xml, text, count=1)

    rewrite_part(path, part, edit)


def rewrite_part(path: Path, part: str, edit: Callable[[str], str]) -> None:
    """The zip rewritten with one part's text edited."""
    rewrite_zip(path, {part: edit})


def rewrite_zip(
    path: Path, edits: dict[str, Callable[[str], str]], added: dict[str, str] | None = None
) -> None:
    """The zip rewritten with parts' text edited and parts added."""
    with zipfile.ZipFile(path) as old:
        items = [(info, old.read(info)) for info in old.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in items:
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            new.writestr(info, data)
        for part, text in (added or {}).items():
            new.writestr(part, text.encode("utf-8"))
    tmp.replace(path)


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def read_part(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


# ---------------------------------------------------------------- LibreOffice


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


_PROFILE = Path(tempfile.gettempdir()) / f"ctr-stats-fuzz-lo-{os.getuid()}"
_cache: dict[tuple[Path, str], list[Path]] = {}


def export(source: Path, target: str) -> list[Path]:
    """LibreOffice's export of a workbook (`target` as `--convert-to` takes it: "ods",
    "xls", "csv:Text - txt - csv (StarCalc):…"), each export made once per process and
    copied from there. A CSV export of every sheet gives one file per sheet."""
    key = (source.resolve(), target)
    if key not in _cache:
        program = soffice()
        if program is None:
            raise RuntimeError("LibreOffice (soffice) is not installed")
        out = Path(tempfile.mkdtemp(prefix="ctr-stats-fuzz-export-"))
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={_PROFILE.as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        _cache[key] = sorted(out.iterdir())
        if not _cache[key]:
            raise RuntimeError(f"LibreOffice wrote nothing for {source} -> {target}")
    return _cache[key]


def tree_copy(source: Path, target: Path) -> None:
    """A folder's files copied (the samples are small: copying is cheaper than linking
    across file systems)."""
    target.mkdir(parents=True)
    for item in source.iterdir():
        shutil.copyfile(item, target / item.name)
