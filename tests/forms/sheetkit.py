"""Writing a form cell for cell, and recording for every number what it is.

A FormSheet wraps one openpyxl worksheet. Text goes in with `put`/`merge`; every number goes
in through `number`, which also writes the number's manifest entry (its cell, the row's label
path, the column's header path, its role and meaning). The header is laid out from a list of
(row, column, rows spanned, columns spanned, text) so that each column's header path is known
exactly as the form writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

SEP = " › "
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"


class Collision(Exception):
    """A number equal to the column number printed above it (the corpus avoids those)."""

    def __init__(self, unit: str, message: str) -> None:
        super().__init__(message)
        self.unit = unit


def ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def percent(part: int, whole: int, decimals: int = 2) -> float:
    """part*100/whole rounded half-up, as clerks type it."""
    exact = Decimal(part) * 100 / Decimal(whole)
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def clean(text: str) -> str:
    """A header or label as one line: the form's line breaks become spaces."""
    return " ".join(text.split())


@dataclass
class HeaderCell:
    row: int  # offset from the header's top row
    col: int  # absolute column index (1 = A)
    rows: int
    cols: int
    text: str


@dataclass
class FormSheet:
    ws: Worksheet
    form: str
    title: str
    unit: dict[str, str]
    period: dict[str, Any]
    layout: str  # "indicator-rows" (one unit, criteria down) or "unit-rows" (one row per unit)
    notes: list[str] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)
    colnum: dict[int, object] = field(default_factory=dict)
    col_paths: dict[int, str] = field(default_factory=dict)
    cached: dict[str, float] = field(default_factory=dict)
    header_rows: list[int] = field(default_factory=list)
    column_number_rows: list[int] = field(default_factory=list)
    links: dict[str, str] = field(
        default_factory=dict
    )  # a figure's key -> its A1, for cross-file rules

    # ------------------------------------------------------------------ text

    def put(
        self,
        row: int,
        col: int,
        value: object,
        *,
        bold: bool = False,
        italic: bool = False,
        center: bool = False,
        box: bool = False,
        wrap: bool = True,
        size: int = 12,
    ) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise TypeError(f"{ref(row, col)}: numbers go in through number()")
        cell = self.ws.cell(row=row, column=col, value=value)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        cell.alignment = Alignment(
            horizontal="center" if center else "left", vertical="center", wrap_text=wrap
        )
        if box:
            cell.border = BOX

    def merge(
        self, row: int, col: int, rows: int, cols: int, value: object = None, **style: Any
    ) -> None:
        if value is not None:
            self.put(row, col, value, **style)
        if rows > 1 or cols > 1:
            self.ws.merge_cells(
                start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1
            )
            if style.get("box"):
                for r in range(row, row + rows):
                    for c in range(col, col + cols):
                        self.ws.cell(row=r, column=c).border = BOX

    def widths(self, widths: dict[int, float]) -> None:
        for col, width in widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width

    # ---------------------------------------------------------------- header

    def header(self, top: int, cells: Sequence[HeaderCell], *, bold: bool = True) -> None:
        """Lay out a merged multi-row header and remember each column's header path."""
        paths: dict[int, list[tuple[int, str]]] = {}
        for hc in cells:
            self.merge(
                top + hc.row, hc.col, hc.rows, hc.cols, hc.text, bold=bold, center=True, box=True
            )
            for c in range(hc.col, hc.col + hc.cols):
                paths.setdefault(c, []).append((hc.row, clean(hc.text)))
        for c, parts in paths.items():
            self.col_paths[c] = SEP.join(text for _, text in sorted(parts) if text)
        depth = max(hc.row + hc.rows for hc in cells)
        self.header_rows.extend(range(top, top + depth))

    def column_numbers(self, row: int, labels: dict[int, object], *, italic: bool = True) -> None:
        """The row of column numbers under the header, in the form's own style."""
        self.column_number_rows.append(row)
        for col, label in labels.items():
            self.colnum[col] = label
            if isinstance(label, int):
                self.number(row, col, label, "column-number", row_path="", italic=italic)
            else:
                self.put(row, col, label, italic=italic, center=True, box=True)

    # ---------------------------------------------------------------- numbers

    def number(
        self,
        row: int,
        col: int,
        value: int | float | dt.datetime,
        role: str,
        *,
        row_path: str,
        meaning: str | None = None,
        unit: str | None = None,
        sums: Iterable[str] | None = None,
        formula: str | None = None,
        live: bool = False,
        decimals: int | None = None,
        note: str | None = None,
        column_path: str | None = None,
        italic: bool = False,
        bold: bool = False,
        fmt: str | None = None,
        **extra: Any,
    ) -> str:
        """Write a number and its manifest entry; returns the cell's A1 reference."""
        a1 = ref(row, col)
        if role in ("data", "total", "derived") and self.colnum.get(col) == value:
            raise Collision(unit or self.unit["name"], f"{self.ws.title}!{a1} = {value}")
        cell = self.ws.cell(row=row, column=col)
        if live:
            if formula is None:
                raise ValueError(f"{a1}: a live formula needs its formula")
            cell.value = "=" + formula
            assert not isinstance(value, dt.datetime)
            self.cached[a1] = value
        else:
            cell.value = value
        cell.font = Font(name=FONT, size=12, italic=italic, bold=bold)
        cell.alignment = Alignment(horizontal="center" if role == "column-number" else "right")
        if role != "other":
            cell.border = BOX
        if fmt:
            cell.number_format = fmt
        elif isinstance(value, float) and role == "derived":
            cell.number_format = "0.00" if decimals == 2 else "General"
        entry: dict[str, Any] = {
            "cell": a1,
            "value": value.date().isoformat() if isinstance(value, dt.datetime) else value,
            "role": role,
            "row_path": row_path,
            "column_path": column_path if column_path is not None else self.col_paths.get(col, ""),
        }
        if meaning:
            entry["meaning"] = meaning
        if unit:
            entry["unit"] = unit
        if sums is not None:
            entry["sums"] = list(sums)
        if formula:
            entry["formula"] = formula
            entry["live_formula"] = live
        if decimals is not None:
            entry["decimals"] = decimals
            entry["rounding"] = "half-up"
        if note:
            entry["note"] = note
        entry.update(extra)
        self.entries.append(entry)
        return a1

    def rule(self, kind: str, whole: str, parts: Sequence[str], why: str) -> None:
        """A consistency rule the numbers obey: kind "sum" (whole = sum of parts) or
        "at-most" (each part <= whole; "Trong đó" items)."""
        self.rules.append({"kind": kind, "whole": whole, "parts": list(parts), "why": why})

    def manifest(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "title": self.title,
            "layout": self.layout,
            "unit": self.unit,
            "period": self.period,
            "header_rows": sorted(set(self.header_rows)),
            "column_number_rows": self.column_number_rows,
            "column_numbers": {get_column_letter(c): v for c, v in sorted(self.colnum.items())},
            "notes": self.notes,
            "cells": self.entries,
            "rules": self.rules,
        }
