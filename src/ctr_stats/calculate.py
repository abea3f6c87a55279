"""Each unit's cells -> figures for each unit and for the total over all units.

Sums are exact integers; percentages come from the unrounded sums (see `numbers`).
"""

from __future__ import annotations

from .catalogue import Catalogue, Registry
from .model import Cells, Figures, Key, TotalFigures, UnitFigures
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
    cells: dict[str, dict[Key, Cells]],
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
    for unit in registry.units:
        unit_cells = cells.get(unit.code)
        if not unit_cells:
            continue
        code, name, get = unit.code, unit.name, unit_cells.get
        for indicator, plan_key, actual_key, prior_key in keys:
            # (plain code: this runs for every unit and indicator of a national roll-up)
            plan, actual, prior = get(plan_key), get(actual_key), get(prior_key)
            if plan is None and actual is None and prior is None:
                continue
            by_measure: dict[str, Cells] = {}  # in the order of MEASURES
            if plan is not None:
                by_measure["plan"] = plan
            if actual is not None:
                by_measure["actual"] = actual
            if prior is not None:
                by_measure["prior"] = prior
            result.append(
                UnitFigures(
                    code,
                    name,
                    figures(
                        indicator,
                        _total(actual),
                        _total(plan),
                        _total(prior),
                        precision,
                    ),
                    by_measure,
                )
            )
    return result


def _total(cells: Cells | None) -> int | None:
    return int(cells.total) if cells is not None and cells.rows else None


def totals(units: list[UnitFigures], catalogue: Catalogue, precision: int) -> list[TotalFigures]:
    """The total over all units of each indicator any unit reported."""
    by_indicator: dict[str, list[Figures]] = {}
    for unit in units:
        by_indicator.setdefault(unit.figures.indicator, []).append(unit.figures)
    result: list[TotalFigures] = []
    for indicator in catalogue.indicators:
        rows = by_indicator.get(indicator)
        if not rows:
            continue

        def total(values: list[int | None]) -> int | None:
            present = [v for v in values if v is not None]
            return sum(present) if present else None

        result.append(
            TotalFigures(
                figures=figures(
                    indicator,
                    total([f.actual for f in rows]),
                    total([f.plan for f in rows]),
                    total([f.prior for f in rows]),
                    precision,
                ),
                units_reporting=sum(1 for f in rows if f.actual is not None),
            )
        )
    return result
