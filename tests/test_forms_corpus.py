"""The official-forms corpus (tests/forms) is ground truth the loader is tested on, so it is
tested itself: the generator makes the same files every time, every number of every sheet is
in the manifest with the value the .xlsx and the .xls hold, and the numbers keep the promises
the manifest makes (totals add up, "Trong đó" parts stay within their whole, percentages are
what their formula gives, no figure sits on the column number printed above it).

Independent of the code under test: nothing here imports ctr_stats.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, coordinate_to_tuple
from python_calamine import CalamineWorkbook

from .forms import make_forms

FILES = make_forms.FILES
MANIFEST = json.loads(make_forms.MANIFEST.read_text(encoding="utf-8"))
NAMES = sorted(MANIFEST["files"])


@cache
def xlsx(name: str, *, values: bool = True) -> Any:
    return openpyxl.load_workbook(FILES / name, data_only=values)


@cache
def xls(name: str) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(FILES / name))
    return {s: book.get_sheet_by_name(s).to_python(skip_empty_area=False) for s in book.sheet_names}


def sheets() -> list[tuple[str, str]]:
    return [(f, s) for f in NAMES for s in MANIFEST["files"][f]["sheets"]]


def numeric(value: object) -> bool:
    return isinstance(value, int | float | dt.datetime | dt.date) and not isinstance(value, bool)


def same(expected: object, got: object) -> bool:
    if isinstance(got, dt.datetime):
        got = got.date()
    if isinstance(got, dt.date):
        return got.isoformat() == expected
    return isinstance(got, int | float) and not isinstance(got, bool) and got == expected


def test_the_corpus_is_the_manifest() -> None:
    on_disk = sorted(p.name for p in FILES.iterdir())
    assert on_disk == sorted(NAMES + [MANIFEST["files"][f]["also_as"] for f in NAMES])
    assert 25 <= len(on_disk) <= 45


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    manifest = make_forms.build(tmp_path / "files", tmp_path / "expected.json", xls=False)
    assert manifest == MANIFEST
    for name in NAMES:
        for values in (False, True):
            again = openpyxl.load_workbook(tmp_path / "files" / name, data_only=values)
            committed = xlsx(name, values=values)
            assert again.sheetnames == committed.sheetnames, name
            for ws in committed.worksheets:
                new = again[ws.title]
                grid = [[c.value for c in row] for row in ws.iter_rows()]
                assert [[c.value for c in row] for row in new.iter_rows()] == grid, (name, ws.title)
                assert sorted(map(str, new.merged_cells.ranges)) == sorted(
                    map(str, ws.merged_cells.ranges)
                )


@pytest.mark.parametrize(("name", "sheet"), sheets())
def test_every_number_is_in_the_manifest_with_its_value(name: str, sheet: str) -> None:
    entries = MANIFEST["files"][name]["sheets"][sheet]["cells"]
    by_cell = {e["cell"]: e for e in entries}
    assert len(by_cell) == len(entries), "a cell listed twice"
    ws = xlsx(name)[sheet]
    found = {c.coordinate for row in ws.iter_rows() for c in row if numeric(c.value)}
    assert found == set(by_cell), (sorted(found - set(by_cell)), sorted(set(by_cell) - found))
    formulas = xlsx(name, values=False)[sheet]
    grid = xls(MANIFEST["files"][name]["also_as"])[sheet]
    for a1, e in by_cell.items():
        assert same(e["value"], ws[a1].value), (a1, e["value"], ws[a1].value)
        assert isinstance(formulas[a1].value, str) == bool(e.get("live_formula")), a1
        r, c = coordinate_to_tuple(a1)
        assert same(e["value"], grid[r - 1][c - 1]), (a1, e["value"], grid[r - 1][c - 1])


def value(name: str, sheet: str, a1: str) -> Any:
    v = xlsx(name)[sheet][a1].value
    assert numeric(v), (name, sheet, a1, v)
    return v


def evaluate(name: str, sheet: str, formula: str, *, exact: bool) -> Decimal | float:
    """The few formulas the manifest writes (X*100/Y, X-Y, X+Y+…, SUM(X,Y,…)), in exact
    decimals (what a clerk rounds) or in binary floating point (what a spreadsheet stores)."""

    def v(a1: str) -> Decimal | float:
        x = value(name, sheet, a1)
        return Decimal(x) if exact else float(x)

    if m := re.fullmatch(r"([A-Z]+\d+)\*100/([A-Z]+\d+)", formula):
        return v(m[1]) * 100 / v(m[2])  # type: ignore[operator]
    if m := re.fullmatch(r"([A-Z]+\d+)-([A-Z]+\d+)", formula):
        return v(m[1]) - v(m[2])  # type: ignore[operator]
    if m := re.fullmatch(r"SUM\(([A-Z0-9,]+)\)", formula) or re.fullmatch(
        r"([A-Z]+\d+(?:\+[A-Z]+\d+)+)", formula
    ):
        return sum((v(a1) for a1 in re.split(r"[,+]", m[1])), Decimal(0) if exact else 0.0)  # type: ignore[arg-type]
    raise AssertionError(f"unknown formula {formula}")


@pytest.mark.parametrize(("name", "sheet"), sheets())
def test_the_numbers_keep_their_promises(name: str, sheet: str) -> None:
    man = MANIFEST["files"][name]["sheets"][sheet]
    numbers = man["column_numbers"]
    for e in man["cells"]:
        if e["role"] == "total":
            assert e["value"] == sum(value(name, sheet, a1) for a1 in e["sums"]), e
        if e["role"] == "derived":
            if "decimals" in e:  # typed by a clerk: rounded half-up from the exact ratio
                exact = evaluate(name, sheet, e["formula"], exact=True)
                step = Decimal(1).scaleb(-e["decimals"])
                assert Decimal(str(e["value"])) == Decimal(exact).quantize(
                    step, rounding=ROUND_HALF_UP
                ), e
            else:  # a live formula: the value a spreadsheet computes and stores
                assert e["value"] == evaluate(name, sheet, e["formula"], exact=False), e
        if e["role"] in ("data", "total", "derived"):
            col = re.match(r"[A-Z]+", e["cell"])[0]  # type: ignore[index]
            assert numbers.get(col) != e["value"], f"{e['cell']} sits on its column number"
            assert e["row_path"] and e["column_path"], e
        if e["role"] == "data":
            assert e.get("meaning"), e
    for rule in man["rules"]:
        if rule["kind"] == "sum":
            assert value(name, sheet, rule["whole"]) == sum(
                value(name, sheet, p) for p in rule["parts"]
            ), rule
        elif rule["kind"] == "at-most":
            assert all(
                value(name, sheet, p) <= value(name, sheet, rule["whole"]) for p in rule["parts"]
            ), rule
        elif rule["kind"] == "balance":
            plus = sum(value(name, sheet, p) for p in rule["plus"])
            minus = sum(value(name, sheet, p) for p in rule["minus"])
            assert value(name, sheet, rule["whole"]) == plus - minus, rule
        elif rule["kind"] == "equal":
            assert value(name, sheet, rule["cell"]) == value(
                name, rule["other"]["sheet"], rule["other"]["cell"]
            ), rule
        elif rule["kind"] == "sum-equals":
            got = sum(value(name, sheet, p) for p in rule["parts"])
            assert got == value(name, rule["other"]["sheet"], rule["other"]["cell"]), rule
        else:
            raise AssertionError(f"unknown rule {rule['kind']}")


def test_figures_repeated_across_files_agree() -> None:
    assert MANIFEST["cross_file_rules"]
    for rule in MANIFEST["cross_file_rules"]:
        a, b = rule["a"], rule["b"]
        assert value(a["file"], a["sheet"], a["cell"]) == value(b["file"], b["sheet"], b["cell"]), (
            rule
        )


def test_member_stock_forms_mark_every_figure_as_no_admission() -> None:
    """Biểu 3-BTCTW counts members on the rolls: its "Sinh viên" row is no admitted student."""
    seen = 0
    for name in NAMES:
        for sheet in MANIFEST["files"][name]["sheets"].values():
            if sheet["form"] != "Biểu số 3-BTCTW":
                continue
            figures = [
                e
                for e in sheet["cells"]
                if e["role"] in ("data", "total", "derived") and e["row_path"]
            ]
            students = [
                e for e in figures if e["row_path"].endswith("- Sinh viên") and e["role"] == "data"
            ]
            assert len(students) == 2, "kỳ này and cùng kỳ"
            assert all(e.get("never_admission") for e in figures)
            seen += 1
    assert seen == 2


def test_column_number_rows_are_recorded() -> None:
    for name, sheet in sheets():
        man = MANIFEST["files"][name]["sheets"][sheet]
        for e in man["cells"]:
            if e["role"] == "column-number":
                row = coordinate_to_tuple(e["cell"])[0]
                assert row in man["column_number_rows"]
                col = re.match(r"[A-Z]+", e["cell"])[0]  # type: ignore[index]
                assert column_index_from_string(col) and man["column_numbers"][col] == e["value"]
