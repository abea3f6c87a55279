"""Each unit's cells -> figures for each unit and for the total over all units.

Sums are exact integers; percentages come from the unrounded sums (see `numbers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .catalogue import Catalogue, Registry
from .model import (
    Cells,
    Figures,
    Key,
    Lacking,
    Measure,
    Number,
    TotalFigures,
    UnitFigures,
    sizes_of,
)
from .numbers import change, percent_of


def figures(
    indicator: str, actual: int | None, plan: int | None, prior: int | None, precision: int
) -> Figures:
    return Figures(  # (positional: built for every unit and indicator of a national roll-up)
        indicator,
        actual,
        plan,
        prior,
        percent_of(actual, plan, precision),
        percent_of(actual, prior, precision),
        change(actual, prior, precision),
    )


def unit_figures(
    cells: Mapping[str, Mapping[Key, Cells]],
    registry: Registry,
    catalogue: Catalogue,
    precision: int,
) -> list[UnitFigures]:
    """One entry per unit and indicator it reported, in registry and catalogue order."""
    # each indicator's keys, made once: looked up for every unit
    keys: list[tuple[str, Key, Key, Key]] = [
        (i, (i, "plan"), (i, "actual"), (i, "prior")) for i in catalogue.indicators
    ]
    result: list[UnitFigures] = []
    # units with the same figures of an indicator share one Figures (frozen): a count of
    # zero, a small indicator's few; at most so many are remembered while the units go by
    made: dict[tuple[str, int | None, int | None, int | None], Figures] = {}
    for unit in registry.units:
        unit_cells = cells.get(unit.code)
        if not unit_cells:
            continue
        code, name, get = unit.code, unit.name, sizes_of(unit_cells).get
        for indicator, plan_key, actual_key, prior_key in keys:
            # (plain code: this runs for every unit and indicator of a national roll-up)
            plan, actual, prior = get(plan_key), get(actual_key), get(prior_key)
            if plan is None and actual is None and prior is None:
                continue
            numbers = (indicator, _total(actual), _total(plan), _total(prior))
            found = made.get(numbers)
            if found is None:
                found = figures(*numbers, precision)
                if len(made) < _SHARED_FIGURES:
                    made[numbers] = found
            # the unit's cells, looked up again when asked for
            result.append(UnitFigures.of_unit(code, name, found, unit_cells))
    return result


def _total(size: tuple[Number, int] | None) -> int | None:
    return int(size[0]) if size is not None and size[1] else None


_SHARED_FIGURES = 1 << 14


def totals(
    units: Sequence[UnitFigures], catalogue: Catalogue, precision: int
) -> list[TotalFigures]:
    """The total over all units of each indicator any unit reported. Each percentage is
    computed over the units that have both of its figures: a unit with a Thực hiện and no
    Kế hoạch (or the reverse) stays in the total it has, but not in the % of plan, which
    would otherwise set 30 units' actual against 29 units' plan."""
    by_indicator: dict[str, list[Figures]] = {}
    for unit in units:
        by_indicator.setdefault(unit.figures.indicator, []).append(unit.figures)
    result: list[TotalFigures] = []
    for indicator in catalogue.indicators:
        rows = by_indicator.get(indicator)
        if not rows:
            continue
        actual = _sum([f.actual for f in rows])
        plan = _sum([f.plan for f in rows])
        prior = _sum([f.prior for f in rows])
        compared: dict[str, tuple[int, int]] = {}
        on_plan = _compared(rows, "plan", compared)
        on_prior = _compared(rows, "prior", compared)
        result.append(
            TotalFigures(
                figures=Figures(
                    indicator,
                    actual,
                    plan,
                    prior,
                    percent_of(*on_plan, precision),
                    percent_of(*on_prior, precision),
                    change(*on_prior, precision),
                ),
                units_reporting=sum(1 for f in rows if f.actual is not None),
                compared=compared,
            )
        )
    return result


def _sum(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _compared(
    rows: list[Figures], base: str, compared: dict[str, tuple[int, int]]
) -> tuple[int | None, int | None]:
    """(actual, base) summed over the units that have both; kept in `compared` when some
    unit has only one of them."""
    pairs = [(f.actual, getattr(f, base)) for f in rows]
    both = [(a, b) for a, b in pairs if a is not None and b is not None]
    if not both:
        return None, None
    sums = sum(a for a, _ in both), sum(b for _, b in both)
    if len(both) < sum(1 for a, b in pairs if a is not None or b is not None):
        compared[base] = sums
    return sums


def lacking(
    units: Sequence[UnitFigures], catalogue: Catalogue
) -> list[tuple[Lacking, tuple[str, ...]]]:
    """Each figure some units of the run report and others do not, with the codes of the
    units without it: an indicator left out by units that sent its sheet (the actual), a
    plan or Cùng kỳ left out by units that have the actual. In catalogue order."""
    kinds: dict[str, set[str]] = {}  # unit code -> the sheet kinds it sent
    names: dict[str, str] = {}
    by_indicator: dict[str, dict[str, Figures]] = {}
    for unit in units:
        kinds.setdefault(unit.code, set()).add(
            catalogue.indicators[unit.figures.indicator].sheet_kind
        )
        names[unit.code] = unit.name
        by_indicator.setdefault(unit.figures.indicator, {})[unit.code] = unit.figures
    found: list[tuple[Lacking, tuple[str, ...]]] = []
    for indicator, of_unit in by_indicator.items():
        kind = catalogue.indicators[indicator].sheet_kind
        sent = [code for code in names if kind in kinds[code]]
        with_actual = [c for c in sent if c in of_unit and of_unit[c].actual is not None]
        bases: list[tuple[Measure, list[str], list[str]]] = [("actual", sent, with_actual)]
        for base in ("plan", "prior"):
            having = [c for c in with_actual if getattr(of_unit[c], base) is not None]
            bases.append((base, with_actual, having))
        for measure, of, having in bases:
            if having and len(having) < len(of):
                held = set(having)  # made once: `of` may be every unit of a national roll-up
                without = tuple(c for c in of if c not in held)
                entry = Lacking(
                    indicator, measure, tuple(names[c] for c in without), len(having), len(of)
                )
                found.append((entry, without))
    order = list(catalogue.indicators)
    found.sort(key=lambda item: order.index(item[0].indicator))
    return found
