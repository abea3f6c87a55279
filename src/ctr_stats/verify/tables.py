"""Claims of a table's rows: under a header of measure words, in any order, a row states
Thực hiện against Kế hoạch (and its Tỷ lệ % / % KH), against Cùng kỳ (and its % CK), or a
part (Số lượng) of a whole (Tổng số) and its Tỷ lệ %. The first column names the row.

A column that names the same period is never a percent of plan: "Tăng/giảm so với cùng kỳ
(%)" is a change, "So sánh với cùng kỳ (%)" / "% CK" a ratio to the same period (106,8) or,
where its value reads so (−3,2 or 4,6 where 104,6 is the ratio), a change."""

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
    compared = _compared(key, "%" in cell)
    if compared is not None:
        return compared
    if "%" in cell:
        return "percent"
    return ""


_PRIOR_WORDS = re.compile(
    r"\b(?:cung ky|ck|nam truoc|ky truoc|same period|previous year|last year|prior)\b"
)
_PLAN_WORDS = re.compile(r"\b(?:ke hoach|kh|chi tieu|plan|target)\b")
_CHANGE_WORDS = re.compile(r"\b(?:tang|giam|change|increase|decrease|up|down)\b|[+±]|\+\s*/\s*[-−]")
_MEASURED = re.compile(r"\b(?:so sanh|so voi|ty le|ti le|percent|compared|against|of)\b")


def _compared(key: str, percent: bool) -> str | None:
    """A header that says what its figures are compared with, in words: 'So sánh với cùng
    kỳ (%)', 'Tăng/giảm so với cùng kỳ (%)', 'Tăng (+), giảm (−) (%)', 'Tỷ lệ so với kế
    hoạch (%)'; None when it says nothing of it."""
    prior = _PRIOR_WORDS.search(key)
    plan = _PLAN_WORDS.search(key)
    change = _CHANGE_WORDS.search(key)
    measured = percent or _MEASURED.search(key)
    if prior and plan:
        return ""  # two references in one column: not read as either
    if prior:
        if change and measured:
            return "change_of_prior"
        return "percent_of_prior" if measured else None
    if plan:
        return "percent_of_plan" if measured and not change else ("" if change else None)
    if change and percent:
        return "change_of_prior"  # "Tăng, giảm (%)": on the period before
    return None


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
            m: parse_percent(v[0].replace("−", "-").replace("–", "-"))
            for m, v in values.items()
            if m in ("percent", "percent_of_plan", "percent_of_prior", "change_of_prior")
        }
    except (ValueError, InvalidOperation):
        return []

    def figure(measure: str) -> Figure:
        text, at = values[measure]
        kind = "percent" if measure in stated else "count"
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
    for key in ("percent_of_prior", "change_of_prior"):
        if key not in stated:
            continue
        percent = figure(key)
        claim = Found("same_period", percent, actual.start, percent.end, stated=percent.value)
        claim.count = actual
        signed = percent.value < 0 or values[key][0].startswith("+")
        if key == "change_of_prior" or signed:
            # a change on the same period, its sign as printed: "−5,3", "+4,6", "4,6"
            claim.direction = -1 if percent.value < 0 else 1
            claim.stated = abs(percent.value)
        else:
            claim.either = True  # 104,6 (actual/prior) or 4,6 (the change): as it reads
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
