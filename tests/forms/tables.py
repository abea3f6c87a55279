"""The pieces every form is made of: a criteria-down table, title blocks, signature blocks."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from .sheetkit import SEP, FormSheet, clean, percent, ref

Values = Mapping[str, Mapping[str, int | float | None]]  # scenario -> key -> number


@dataclass(frozen=True)
class Row:
    """One row of a criteria-down form.

    key None: a heading with no numbers. parts: the row is the sum of these keys (the form
    defines it so; role "total"). within: a "Trong đó" item of that key (never exceeds it).
    """

    label: str
    depth: int
    key: str | None = None
    meaning: str | None = None
    parts: tuple[str, ...] = ()
    within: str | None = None
    additive: bool = True
    never_admission: bool = False
    percent: bool = True  # whether the form's percent column is filled on this row
    heading: str | None = None  # the part of the label that heads the rows below it
    stt: str = ""  # the text of the form's STT column, if it has one
    side: str = ""  # the text of a column beside the label (the unit of measure)
    minus: tuple[str, str] | None = None  # the row is a difference of two others (derived)


@dataclass(frozen=True)
class Break:
    """Rows the table gives to something else mid-way (a repeated header); draw(row) fills them."""

    height: int
    draw: Callable[[int], None]


@dataclass(frozen=True)
class Measure:
    col: int
    kind: str  # "value" or "percent"
    scenario: str = "cur"  # for values: which scenario; for percent: cur vs prev
    suffix: str = ""  # added to the meaning, e.g. "(kỳ này)"


def criteria_rows(
    fs: FormSheet,
    top: int,
    rows: Sequence[Row | Break],
    values: Values,
    measures: Sequence[Measure],
    *,
    label_col: int = 1,
    stt_col: int | None = None,
    side_col: int | None = None,
    label_span: int = 1,
    live: frozenset[str] = frozenset(),
    sums: Sequence[tuple[str, Sequence[str], str]] = (),
    unit: str | None = None,
    extra: Mapping[str, object] | None = None,
    percent_decimals: int = 2,
    row_height: float | None = None,
) -> dict[tuple[str, str], str]:
    """Write the rows from `top` down; returns (key, scenario) -> A1 of each value written.

    live: keys whose percent (and, for totals, value) is written as a live formula.
    sums: (whole key, part keys, why) partitions the form implies but does not write as a
    total row (every new member has one occupation, so the occupations add up to the total).
    """
    at: dict[str, int] = {}
    placed: list[tuple[int, Row]] = []
    r = top
    for item in rows:
        if isinstance(item, Break):
            item.draw(r)
            r += item.height
            continue
        if item.key:
            at[item.key] = r
        placed.append((r, item))
        r += 1
    where: dict[tuple[str, str], str] = {}
    stack: list[tuple[int, str]] = []
    value_cols = [m for m in measures if m.kind == "value"]
    for r, row in placed:
        while stack and stack[-1][0] >= row.depth:
            stack.pop()
        path = SEP.join([clean(label) for _, label in stack] + [clean(row.label)])
        stack.append((row.depth, row.heading or row.label))
        fs.merge(r, label_col, 1, label_span, row.label, bold=row.depth == 0, box=True)
        if stt_col is not None:
            fs.put(r, stt_col, row.stt or None, bold=row.depth == 0, center=True, box=True)
        if side_col is not None:
            fs.put(r, side_col, row.side or None, center=True, box=True)
        if row_height:
            fs.ws.row_dimensions[r].height = row_height
        for m in measures:
            if m.kind != "value":
                fs.put(r, m.col, None, box=True)
        if not row.key:
            for m in measures:
                fs.put(r, m.col, None, box=True)
            continue
        for m in value_cols:
            v = values[m.scenario].get(row.key)
            if v is None:
                fs.put(r, m.col, None, box=True)
                continue
            info: dict[str, object] = dict(extra or {})
            if row.never_admission:
                info["never_admission"] = True
            if not row.additive:
                info["additive"] = False
            meaning = f"{row.meaning} {m.suffix}".strip() if row.meaning else None
            if row.minus:
                x, y = (where[(k, m.scenario)] for k in row.minus)
                a1 = fs.number(
                    r,
                    m.col,
                    v,
                    "derived",
                    row_path=path,
                    meaning=meaning,
                    unit=unit,
                    formula=f"{x}-{y}",
                    **info,
                )
            elif row.parts:
                part_refs = [f"{fs_col(m.col)}{at[p]}" for p in row.parts]
                formula = (
                    f"SUM({','.join(part_refs)})" if len(part_refs) > 2 else "+".join(part_refs)
                )
                a1 = fs.number(
                    r, m.col, v, "total", row_path=path, meaning=meaning, unit=unit,
                    sums=part_refs, formula=formula if row.key in live else None,
                    live=row.key in live, **info,
                )  # fmt: skip
            else:
                a1 = fs.number(
                    r, m.col, v, "data", row_path=path, meaning=meaning, unit=unit, **info
                )
            where[(row.key, m.scenario)] = a1
        for m in measures:
            if m.kind != "percent":
                continue
            cur = values["cur"].get(row.key)
            prev = values["prev"].get(row.key)
            if not row.percent or cur is None or not prev or not row.additive:
                fs.put(r, m.col, None, box=True)
                continue
            assert isinstance(cur, int) and isinstance(prev, int)
            a, b = where[(row.key, "cur")], where[(row.key, "prev")]
            is_live = row.key in live
            value = cur * 100 / prev if is_live else percent(cur, prev, percent_decimals)
            fs.number(
                r, m.col, value, "derived", row_path=path, unit=unit,
                meaning=f"{row.meaning} — kỳ này so với cùng kỳ năm trước (%)" if row.meaning else None,
                formula=f"{a}*100/{b}", live=is_live,
                decimals=None if is_live else percent_decimals, **dict(extra or {}),
                **({"never_admission": True} if row.never_admission else {}),
            )  # fmt: skip
        if row.within and (row.within, value_cols[0].scenario) in where:
            for m in value_cols:
                whole = where.get((row.within, m.scenario))
                part = where.get((row.key, m.scenario))
                if whole and part:
                    fs.rule(
                        "at-most", whole, [part], f"“{clean(row.label)}” is a part (trong đó) of it"
                    )
    for whole_key, part_keys, why in sums:
        for m in value_cols:
            whole = where.get((whole_key, m.scenario))
            parts = [where[(k, m.scenario)] for k in part_keys if (k, m.scenario) in where]
            if whole and parts:
                fs.rule("sum", whole, parts, why)
    return where


def column_totals(
    fs: FormSheet,
    row: int,
    label: str,
    first: int,
    count: int,
    cols: Sequence[int],
    meaning: Callable[[int], str],
) -> dict[int, str]:
    """The total row under one row per unit: each column's sum, as the city sheet writes it."""
    fs.put(row, 1, None, box=True)
    fs.put(row, 2, label, bold=True, box=True)
    out = {}
    for c in cols:
        refs = [ref(first + i, c) for i in range(count)]
        total = sum(fs.ws[x].value for x in refs)
        out[c] = fs.number(
            row, c, total, "total", row_path=label, sums=refs, bold=True, meaning=meaning(c)
        )
    return out


def fs_col(col: int) -> str:
    return get_column_letter(col)


# --------------------------------------------------------------------- title blocks


def title_lines(
    fs: FormSheet,
    *,
    left: Sequence[str],
    centre: Sequence[str],
    right: Sequence[str],
    left_cols: tuple[int, int],
    centre_cols: tuple[int, int],
    right_cols: tuple[int, int],
    top: int = 1,
    centre_one_cell: bool = False,
    left_one_cell: bool = False,
    right_one_cell: bool = False,
) -> int:
    """Left (issuing body), centre (form title, period), right (form number, unit of
    measure). Each block is either one line a row, or one merged cell holding all its
    lines. Returns the first row under the title block."""
    height = max(len(left), len(centre), len(right))
    blocks = (
        (left, left_cols, left_one_cell, True),
        (centre, centre_cols, centre_one_cell, True),
        (right, right_cols, right_one_cell, False),
    )
    for lines, (c1, c2), one_cell, bold_first in blocks:
        if not lines:
            continue
        if one_cell:
            fs.merge(top, c1, height, c2 - c1 + 1, "\n".join(lines), bold=True, center=True)
            fs.ws.row_dimensions[top].height = 18 * max(1, len(lines) // max(1, height))
            continue
        for i, line in enumerate(lines):
            is_bold = bold_first and (line.isupper() or i == 0)
            italic = line.startswith("(")
            fs.merge(
                top + i,
                c1,
                1,
                c2 - c1 + 1,
                line,
                bold=is_bold and not italic,
                italic=italic,
                center=True,
            )
    return top + height + 1


def signature(
    fs: FormSheet,
    row: int,
    *,
    place_date: str,
    left: Sequence[str],
    right: Sequence[str],
    left_cols: tuple[int, int],
    right_cols: tuple[int, int],
    one_cell: bool = False,
) -> int:
    """The block below the table: the place-and-date line over the number columns, then the
    compiler on the left and the signer on the right. Returns the row after it."""
    c1, c2 = right_cols
    fs.merge(row, c1, 1, c2 - c1 + 1, place_date, italic=True, center=True)
    row += 1
    if one_cell:
        fs.merge(
            row,
            left_cols[0],
            1,
            left_cols[1] - left_cols[0] + 1,
            "\n".join(left),
            bold=True,
            center=True,
        )
        fs.merge(row, c1, 1, c2 - c1 + 1, "\n".join(right), bold=True, center=True)
        fs.ws.row_dimensions[row].height = 48
        return row + 1
    for i in range(max(len(left), len(right))):
        for lines, (a, b) in ((left, left_cols), (right, right_cols)):
            if i < len(lines) and lines[i]:
                line = lines[i]
                fs.merge(
                    row,
                    a,
                    1,
                    b - a + 1,
                    line,
                    bold=not line.startswith("("),
                    italic=line.startswith("("),
                    center=True,
                )
        row += 1
    return row
