"""Claims of a table's rows: under a header of measure words, in any order, a row states
Thực hiện against Kế hoạch (and its Tỷ lệ % / % KH), against Cùng kỳ (and its % CK), or a
part (Số lượng) of a whole (Tổng số) and its Tỷ lệ %. The first column names the row."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..text import fold
from .claims import Found
from .numbers import Figure, parse_count, parse_percent

# header words, folded; the longest that a cell is or starts with wins
_HEADS = {
    "plan": ["kế hoạch", "kh", "chỉ tiêu giao", "chỉ tiêu kế hoạch", "kế hoạch năm", "plan"],
    "actual": ["thực hiện", "th", "kết quả", "kỳ này", "đã thực hiện", "actual", "done"],
    "prior": ["cùng kỳ", "cùng kỳ năm trước", "ck", "năm trước", "kỳ trước", "same period"],
    "whole": ["tổng số", "total"],
    "part": ["số lượng", "number"],
    "percent_of_plan": [
        "% kh",
        "% kế hoạch",
        "tỷ lệ % kh",
        "% so với kh",
        "% so với kế hoạch",
        "% of plan",
    ],
    "percent_of_prior": [
        "% ck",
        "% cùng kỳ",
        "% so với cùng kỳ",
        "tỷ lệ % so với cùng kỳ",
        "so với cùng kỳ",
        "% of same period",
    ],
    "percent": [
        "tỷ lệ %",
        "tỷ lệ",
        "tỉ lệ",
        "tỷ lệ (%)",
        "%",
        "so sánh %",
        "so sánh (%)",
        "rate",
        "share",
    ],
    "label": ["chỉ tiêu", "tiêu chí", "nội dung", "đơn vị", "indicator", "item"],
}
_KEYS = sorted(
    ((re.sub(r"\s+", " ", w.lower()), m) for m, ws in _HEADS.items() for w in ws),
    key=lambda kv: len(kv[0]),
    reverse=True,
)


def _measure(cell: str) -> str:
    raw = re.sub(r"\s+", " ", cell.strip().lower())
    for word, measure in _KEYS:
        if raw == word:
            return measure
    key = fold(cell)
    for word, measure in _KEYS:
        folded = fold(word) if word != "%" else ""
        if folded and key == folded:
            return measure
    if "%" in cell:
        return "percent"
    return ""


def header(cells: list[str]) -> list[str] | None:
    """Each column's measure, when the row is a header: measure words, no numbers."""
    if any(re.search(r"\d", c) and not re.fullmatch(r"\(?\d{1,2}\)?", c.strip()) for c in cells):
        return None
    measures = [_measure(c) for c in cells]
    if measures and measures[0] in ("", "label"):
        measures[0] = "label"
    if sum(1 for m in measures if m not in ("", "label")) < 1:
        return None
    if "part" in measures and "whole" not in measures:
        measures = ["actual" if m == "part" else m for m in measures]
    if "whole" in measures and "part" not in measures:
        measures = ["actual" if m == "whole" else m for m in measures]
    return measures


def _cell_offsets(cells: list[str]) -> list[int]:
    offsets, at = [], 0
    for cell in cells:
        offsets.append(at)
        at += len(cell) + 3  # " | "
    return offsets


def row_claims(cells: list[str], measures: list[str]) -> list[Found]:
    if len(cells) != len(measures):
        return []
    offsets = _cell_offsets(cells)
    values: dict[str, tuple[str, int]] = {}
    for cell, measure, at in zip(cells, measures, offsets, strict=True):
        if measure and measure != "label" and cell.strip():
            values[measure] = (cell.strip(), at)
    try:
        counts = {
            m: parse_count(v[0])
            for m, v in values.items()
            if m in ("plan", "actual", "prior", "whole", "part")
        }
        stated = {
            m: parse_percent(v[0])
            for m, v in values.items()
            if m in ("percent", "percent_of_plan", "percent_of_prior")
        }
    except (ValueError, InvalidOperation):
        return []

    def figure(measure: str) -> Figure:
        text, at = values[measure]
        kind = "percent" if measure.startswith("percent") else "count"
        value = stated[measure] if kind == "percent" else Decimal(counts[measure])
        return Figure(at, at + len(text), text, kind, value=value)

    found: list[Found] = []
    if "part" in counts and "whole" in counts:
        part = figure("part")
        if "percent" in stated:
            percent = figure("percent")
            claim = Found("share", percent, part.start, percent.end, stated=percent.value)
            claim.count, claim.base, claim.base_text = part, counts["whole"], "table"
            found.append(claim)
        return found
    if "actual" not in counts:
        return []
    actual = figure("actual")
    if "plan" in counts:
        ratio = Figure(actual.start, actual.end, actual.text, "ratio")
        ratio.a, ratio.b = counts["actual"], counts["plan"]
        key = "percent_of_plan" if "percent_of_plan" in stated else "percent"
        anchor = figure(key) if key in stated else ratio
        claim = Found("ratio", anchor, actual.start, anchor.end, stated=stated.get(key))
        claim.count, claim.base, claim.base_text = ratio, counts["plan"], "plan"
        found.append(claim)
    if "percent_of_prior" in stated:
        percent = figure("percent_of_prior")
        claim = Found("same_period", percent, actual.start, percent.end, stated=percent.value)
        claim.count = actual
        if "prior" in counts:
            claim.base, claim.base_text, claim.base_figure = (
                counts["prior"],
                "prior",
                figure("prior"),
            )
        found.append(claim)
    if not found:
        found.append(Found("count", actual, actual.start, actual.end))
    return found
