"""What a mutation works on: a fresh copy of a period's samples, one workbook of it chosen,
opened with openpyxl on demand, and a seeded random generator for every choice."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from .book import Form, tree_copy
from .expect import Deltas, Place
from .judge import SAMPLES, Baseline


class Target:
    def __init__(self, period: str, folder: Path, rng: random.Random, base: Baseline) -> None:
        self.period = period
        self.year = int(period[:4])
        self.folder = folder
        self.rng = rng
        self.base = base
        assert SAMPLES.resolve() not in folder.resolve().parents, "never write into the samples"
        tree_copy(SAMPLES / period, folder)
        self.files = sorted(folder.iterdir())
        self.file = rng.choice(self.files)
        self.source = SAMPLES / period / self.file.name  # what the chosen workbook is a copy of
        self._book: Workbook | None = None
        self._form: Form | None = None
        self.sheet = ""  # the chosen sheet's name in the samples (a mutation may rename it)
        self.notes: list[str] = []

    def where(self) -> str:
        """'2023/ba-dinh.xlsx!Kết nạp': the workbook (and sheet) changed."""
        sheet = f"!{self.sheet}" if self.sheet else ""
        return f"{self.period}/{self.source.name}{sheet}"

    def note(self, text: str) -> None:
        """What was done, for the results (the id reproduces it)."""
        self.notes.append(text)

    # ------------------------------------------------------------ the chosen workbook

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def book(self) -> Workbook:
        if self._book is None:
            self._book = load_workbook(self.file)
        return self._book

    def choose_file(self, wanted: Callable[[Path], bool]) -> None:
        """Another workbook, the first (in a random order) that `wanted` accepts."""
        for path in self.rng.sample(self.files, len(self.files)):
            if wanted(path):
                self.file, self._book, self._form = path, None, None
                self.source = SAMPLES / self.period / path.name
                return
        raise LookupError("no workbook fits")

    def form(self, sheet: str | None = None) -> Form:
        """The chosen sheet (at random, once) of the chosen workbook."""
        if self._form is None or (sheet is not None and self._form.ws.title != sheet):
            self.sheet = sheet or self.rng.choice(self.book.sheetnames)
            self._form = Form.find(self.book[self.sheet])
        return self._form

    def close(self) -> None:
        """The workbook let go (openpyxl's are cycles, left to the garbage collector)."""
        self._book = self._form = None

    def save(self, as_name: str | None = None) -> None:
        target = self.folder / as_name if as_name else self.file
        self.book.save(target)
        if target != self.file:
            self.file.unlink()
            self.file = target

    # ------------------------------------------------------------ what the cells are

    def key(self, row: int, col: int, sheet: str | None = None) -> tuple[str, str, str, int]:
        """(unit code, indicator, measure, value) of a data cell as the samples have it."""
        self.form()
        return self.base.cells[(self.source.name, sheet or self.sheet, row, col)]

    def column_key(self, col: int) -> tuple[str, str, str]:
        unit, indicator, measure, _ = self.key(self.form().first, col)
        return unit, indicator, measure

    def data_cell(self, nonzero: bool = False) -> tuple[int, int]:
        f = self.form()
        cells = [
            (r, c) for r in f.data_rows for c in f.columns if not nonzero or self.key(r, c)[3] != 0
        ]
        if not cells:  # a sheet of zeros: another sheet
            self._form = None
            return self.data_cell(nonzero)
        return self.rng.choice(cells)

    def row_deltas(self, row: int, sign: int = 1) -> Deltas:
        deltas: dict[tuple[str, str, str], int] = {}
        for col in self.form().columns:
            unit, indicator, measure, value = self.key(row, col)
            deltas[(unit, indicator, measure)] = sign * value
        return deltas

    def unit_code(self) -> str:
        return next(v[0] for k, v in self.base.cells.items() if k[0] == self.source.name)

    # ------------------------------------------------------------ places

    def place(
        self,
        cells: tuple[tuple[int, int], ...] = (),
        rows: tuple[int, ...] = (),
        whole_sheet: bool = False,
        whole_file: bool = False,
        files: tuple[str, ...] = (),
    ) -> Place:
        return Place(
            frozenset({self.name, *files}),
            self._form.ws.title if self._form else None,
            frozenset(cells),
            frozenset(rows),
            whole_sheet,
            whole_file,
        )

    def column_cells(self, col: int) -> tuple[tuple[int, int], ...]:
        """A column's header, data and total cells."""
        f = self.form()
        return tuple((r, col) for r in range(f.top, f.total + 1))

    def add_copy(self, name: str) -> Path:
        copy = self.folder / name
        shutil.copyfile(self.file, copy)
        return copy
