"""What a national roll-up holds compactly gives what a plain dict and plain objects would:
a unit's cells made from its tables' rows and sums, the objects workers hand back shared
when equal (never a Decimal for an int), a unit's figures looking its cells up."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from ctr_stats.calculate import figures
from ctr_stats.model import Cells, Counted, Row, SheetRef, UnitCells, UnitFigures

WHERE = SheetRef("ba-dinh.xlsx", "Kết nạp")
COUNTED = Counted((("admission.total", "plan"), ("admission.total", "actual")), (2, 3))
OTHER = Counted((("party_cell.total", "actual"),), (4,))


def _rows(*amounts: tuple[int | None, ...], counted: Counted = COUNTED) -> tuple[Row, ...]:
    return tuple(
        Row(f"dòng {n}", 0, 9 + n, WHERE, numbers, counted) for n, numbers in enumerate(amounts)
    )


def test_a_table_held_whole_gives_each_key_its_rows_and_sum() -> None:
    rows = _rows((10, 12), (5, 6))
    cells = UnitCells()
    assert cells.add_table(COUNTED, rows, (15, 18))
    actual = cells[("admission.total", "actual")]
    assert (actual.total, list(actual.rows), actual.describe()) == (
        18,
        list(rows),
        "ba-dinh.xlsx!Kết nạp!D10:D11",
    )
    assert [c.value for c in actual] == [Decimal(12), Decimal(6)]
    assert cells.get(("admission.total", "prior")) is None
    assert ("admission.total", "plan") in cells and len(cells) == 2
    assert list(cells) == [("admission.total", "plan"), ("admission.total", "actual")]


def test_a_key_held_to_be_added_to_keeps_what_is_added() -> None:
    first, second = _rows((10, 12)), _rows((1, 2))
    cells = UnitCells()
    cells.add_table(COUNTED, first, (10, 12))
    assert not cells.add_table(COUNTED, second, (1, 2))  # its keys are held already
    held = cells.held(("admission.total", "actual"))
    assert held is not None
    held.add(second, 2)
    assert cells[("admission.total", "actual")].total == 14
    assert cells[("admission.total", "plan")].total == 10  # its table's other key, as it was


def test_a_key_deleted_or_set_leaves_the_table_s_other_keys() -> None:
    cells = UnitCells()
    cells.add_table(COUNTED, _rows((10, 12)), (10, 12))
    cells.add_table(OTHER, _rows((7,), counted=OTHER), (7,))
    del cells[("admission.total", "plan")]
    assert ("admission.total", "plan") not in cells
    assert cells[("admission.total", "actual")].total == 12
    replaced = Cells(("party_cell.total", "actual"), _rows((3,), counted=OTHER))
    cells[("party_cell.total", "actual")] = replaced
    assert cells[("party_cell.total", "actual")] is replaced
    assert sorted(cells) == [("admission.total", "actual"), ("party_cell.total", "actual")]
    with pytest.raises(KeyError):
        cells[("admission.total", "plan")]


def test_sizes_and_descriptions_are_those_of_each_key_s_cells() -> None:
    cells = UnitCells()
    cells.add_table(COUNTED, _rows((10, 12), (5, 6), (1, 0)), (16, 18))
    cells.add_table(OTHER, _rows((7,), counted=OTHER), (7,))
    one_row = Counted((("inspection.total", "actual"),), (5,))
    cells.add_table(one_row, _rows((4,), counted=one_row), (4,))
    held = cells.held(("party_cell.total", "actual"))  # held as a key of its own
    assert held is not None
    held.add(_rows((2,), counted=OTHER), 2)
    whole = {key: cells[key] for key in cells}
    described = {key: where + span for key, (where, span) in cells.spans().items()}
    assert (
        described
        == {key: c.describe() for key, c in whole.items()}
        == {
            ("admission.total", "plan"): "ba-dinh.xlsx!Kết nạp!C10:C12",
            ("admission.total", "actual"): "ba-dinh.xlsx!Kết nạp!D10:D12",
            ("inspection.total", "actual"): "ba-dinh.xlsx!Kết nạp!F10",
            ("party_cell.total", "actual"): "ba-dinh.xlsx!Kết nạp!E10",
        }
    )
    assert (
        cells.sizes()
        == {key: (c.total, len(c)) for key, c in whole.items()}
        == {
            ("admission.total", "plan"): (16, 3),
            ("admission.total", "actual"): (18, 3),
            ("inspection.total", "actual"): (4, 1),
            ("party_cell.total", "actual"): (9, 2),
        }
    )


def test_a_unit_s_figures_look_up_its_cells_by_measure() -> None:
    cells = UnitCells()
    cells.add_table(COUNTED, _rows((10, 12)), (10, 12))
    unit = UnitFigures.of_unit("BD", "Ba Đình", figures("admission.total", 12, 10, None, 1), cells)
    assert list(unit.cells) == ["plan", "actual"]
    assert unit.cells["actual"].total == 12
    plain = Cells(("admission.total", "actual"), _rows((10, 12)))
    given = UnitFigures(
        "BD", "Ba Đình", figures("admission.total", 12, None, None, 1), {"actual": plain}
    )
    assert given.cells == {"actual": plain}


def test_rows_handed_back_share_equal_whole_numbers_and_labels() -> None:
    one, two = _rows((10, None)), _rows((10, None))
    back_one = pickle.loads(pickle.dumps(one))[0]
    back_two = pickle.loads(pickle.dumps(two))[0]
    assert back_one.amounts == (10, None) and back_one.amounts is back_two.amounts
    assert back_one.label is back_two.label
    assert back_one.counted is back_two.counted  # one column layout, however handed back


def test_a_decimal_is_never_shared_with_an_equal_int() -> None:
    pickle.loads(pickle.dumps(_rows((1, 2))))
    (back,) = pickle.loads(pickle.dumps(_rows((Decimal("1"), 2))))  # type: ignore[arg-type]
    assert type(back.amounts[0]) is Decimal


def test_a_row_s_rarer_parts_are_kept_and_handed_back() -> None:
    key = ("admission.total", "actual")
    plain = Row("Ba Đình", 0, 9, WHERE, (10, 12), COUNTED)
    assert (dict(plain.texts), dict(plain.derived), plain.rows_of) == ({}, {}, None)
    texted = Row("Ba Đình", 0, 9, WHERE, (10, 12), COUNTED, {key: "12 (ước)"}, None, {key: 14})
    back = pickle.loads(pickle.dumps(texted))
    assert (dict(back.texts), dict(back.derived), back.rows_of) == (
        {key: "12 (ước)"},
        {},
        {key: 14},
    )
    assert back.cell(key) is not None and back.cell(key).a1 == "D15"  # type: ignore[union-attr]
    assert pickle.loads(pickle.dumps(plain)).rows_of is None
