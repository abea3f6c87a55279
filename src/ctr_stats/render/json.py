"""The JSON contract ctr-stats/compute/1, which CI jobs and other tools parse."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ..model import Cells, Figures, Key, Report, spans_of
from ..safe_text import json_controls

SCHEMA = "ctr-stats/compute/1"


def _number(value: int | Decimal | None) -> int | float | None:
    """Percentages are already rounded Decimals; a float prints them with the same digits."""
    if value is None or isinstance(value, int):
        return value
    return (
        int(value)
        if value == value.to_integral_value() and value.as_tuple().exponent == 0
        else float(value)
    )


def _figures(figures: Figures) -> dict[str, Any]:
    return {
        "indicator": figures.indicator,
        "actual": figures.actual,
        "plan": figures.plan,
        "prior": figures.prior,
        "percent_of_plan": _number(figures.percent_of_plan),
        "percent_of_prior": _number(figures.percent_of_prior),
        "change_vs_prior": _number(figures.change_vs_prior),
    }


def caveats_to_dict(report: Report) -> dict[str, Any]:
    """What the figures lack or doubt: the units that sent nothing; each figure some units
    left out (the units without it, how many have it, of how many); and for each indicator an
    error touches, the units whose figure it touches (its total always), the files named
    where no unit is, and the findings' codes."""
    return {
        "missing_units": list(report.caveats.missing_units),
        "doubted": [
            {
                "indicator": d.indicator,
                "units": list(d.units),
                "files": list(d.files),
                "codes": list(d.codes),
            }
            for d in report.caveats.doubted
        ],
        "lacking": [
            {
                "indicator": short.indicator,
                "measure": short.measure,
                "units": list(short.units),
                "having": short.having,
                "of": short.of,
            }
            for short in report.caveats.lacking
        ],
        # the registry last year's same period fell under, when the units were reorganised
        # since: every Cùng kỳ is a unit's own recount
        "prior_registry": report.caveats.prior_registry,
    }


def report_to_dict(report: Report, lang: str = "vi") -> dict[str, Any]:
    """The contract as Python data: the JSON itself, read back (one writer, no second copy
    of the records' layout to keep in step)."""
    data: dict[str, Any] = json.loads(render_json(report, lang))
    return data


def render_json(report: Report, lang: str = "vi") -> str:
    return "".join(iter_json(report, lang))


def iter_json(report: Report, lang: str = "vi") -> Iterator[str]:
    """The contract, one record per line, in pieces to be written as they come (a national
    roll-up is 30 MB of JSON). Control characters from the files (C1, DEL, bidi: json
    escapes only C0) are written as escapes, so no piece can drive a terminal."""
    return (p if type(p) is _Escaped else json_controls(p) for p in _pieces(report, lang))


class _Escaped(str):
    """A piece whose text from the files had its control characters escaped as it was
    put together (the unit records: 30 MB not scanned again for them)."""


def _pieces(report: Report, lang: str) -> Iterator[str]:
    """Unit records, the bulk, are put together from their already-encoded parts;
    everything else goes through json's C encoder (indent= would fall back to the
    pure-Python one)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    sections: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("period", report.period.to_dict() if report.period else None),
        ("registry", report.registry),
        ("precision", report.precision),
        (
            "totals",
            (
                encode(_figures(t.figures) | {"units_reporting": t.units_reporting})
                for t in report.totals
            ),
        ),
        ("units", _unit_lines(report)),
        ("findings", (encode(f.to_dict(lang)) for f in report.findings)),
        ("cells", report.accounting.to_dict()),
        ("caveats", caveats_to_dict(report)),
        ("notes", (encode(f.to_dict(lang)) for f in report.notes)),
    ]
    yield "{\n"
    for n, (key, value) in enumerate(sections):
        end = ",\n" if n < len(sections) - 1 else "\n"
        if isinstance(value, Iterator):
            first = next(value, None)
            if first is None:
                yield f"  {json.dumps(key)}: []{end}"
                continue
            yield f"  {json.dumps(key)}: [\n    {first}"
            kind = _Escaped if key == "units" else str
            batch: list[str] = []
            for line in value:
                batch.append(line)
                if len(batch) == 1000:
                    yield kind(",\n    " + ",\n    ".join(batch))
                    batch.clear()
            if batch:
                yield kind(",\n    " + ",\n    ".join(batch))
            yield f"\n  ]{end}"
        else:
            yield f"  {json.dumps(key)}: {encode(value)}{end}"
    yield "}\n"


def _unit_lines(report: Report) -> Iterator[str]:
    """Each unit record as `json.dumps(_unit_record(u), ensure_ascii=False)` writes it,
    with `json_controls` applied to each text from the files as it is encoded."""
    string = json.encoder.encode_basestring
    heads: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    shown: dict[Decimal | None, str] = {None: "null"}  # percentages, as json.dumps shows them

    def percent(value: Decimal | None) -> str:
        text = shown.get(value)
        if text is None:
            text = shown[value] = json.dumps(_number(value))
        return text

    held: Mapping[Key, Cells] | None = None
    sources: dict[Key, str] = {}
    for unit in report.units:
        head = heads.get((unit.code, unit.name))
        if head is None:
            head = heads[(unit.code, unit.name)] = json_controls(
                f'{{"code": {string(unit.code)}, "name": {string(unit.name)}, "indicator": '
            )
        f = unit.figures
        indicator = names.get(f.indicator)
        if indicator is None:
            indicator = names[f.indicator] = json_controls(string(f.indicator))
        if unit.held is not held:  # a unit's figures come one after another
            held = unit.held
            sources = _sources(spans_of(held))
        source, indicator_name = sources.get, f.indicator
        # (counts are ints or None, written inline: this runs for every figure of a report)
        actual, plan, prior = f.actual, f.plan, f.prior
        yield (
            f'{head}{indicator}, "actual": {"null" if actual is None else actual}, '
            f'"plan": {"null" if plan is None else plan}, '
            f'"prior": {"null" if prior is None else prior}, '
            f'"percent_of_plan": {percent(f.percent_of_plan)}, '
            f'"percent_of_prior": {percent(f.percent_of_prior)}, '
            f'"change_vs_prior": {percent(f.change_vs_prior)}, "sources": '
            f'{{"plan": {source((indicator_name, "plan"), "null")}, '
            f'"actual": {source((indicator_name, "actual"), "null")}, '
            f'"prior": {source((indicator_name, "prior"), "null")}}}}}'
        )


def _sources(spans: dict[Key, tuple[str, str]]) -> dict[Key, str]:
    """Each key's source as a JSON string, each where ("file!sheet!") encoded once."""
    string = json.encoder.encode_basestring
    wheres: dict[str, str] = {}
    found: dict[Key, str] = {}
    for key, (where, span) in spans.items():
        encoded = wheres.get(where)
        if encoded is None:  # the opening quote and the text, escaped
            encoded = wheres[where] = json_controls(string(where))[:-1]
        found[key] = f'{encoded}{span}"'
    return found
