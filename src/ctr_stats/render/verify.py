"""`ctr-stats verify` output: a table for people, the JSON contract, GitHub annotations.
Each claim says its kind, its text, what it states, what was computed and from what, and
for a mismatch one sentence of why."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..safe_text import json_controls, markup
from ..verify import SCHEMA, STATUSES, Claim
from ..verify.numbers import number
from .check import _escape_data, _escape_property

if TYPE_CHECKING:
    from rich.console import Console

STATUS = {
    "vi": {
        "ok": "đúng",
        "mismatch": "SAI",
        "unchecked": "chưa kiểm được",
        "unmatched": "chưa đối chiếu",
    },
    "en": {"ok": "ok", "mismatch": "MISMATCH", "unchecked": "unchecked", "unmatched": "unmatched"},
}
KIND = {
    "vi": {
        "ratio": "A/B",
        "plan": "kế hoạch",
        "same_period": "cùng kỳ",
        "share": "tỷ lệ",
        "parts": "các phần",
        "count": "số lượng",
        "period": "kỳ",
    },
    "en": {
        "ratio": "A/B",
        "plan": "of plan",
        "same_period": "same period",
        "share": "share",
        "parts": "parts",
        "count": "count",
        "period": "period",
    },
}


def summary(claims: list[Claim]) -> dict[str, int]:
    return {s: sum(1 for c in claims if c.status == s) for s in STATUSES}


def render_verify_json(claims: list[Claim]) -> str:
    data = {"schema": SCHEMA, "claims": [c.to_dict() for c in claims], "summary": summary(claims)}
    return json_controls(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _stated(claim: Claim, lang: str) -> str:
    if claim.kind == "count" or claim.kind == "period":
        return number(claim.stated, lang)
    if claim.kind == "parts":
        return number(claim.stated, lang) + ("%" if "%" in claim.basis else "")
    return number(claim.stated, lang) + ("%" if claim.stated is not None else "")


def _computed(claim: Claim, lang: str) -> str:
    if claim.computed is None:
        return ""
    if claim.kind in ("count", "period") or (
        claim.kind == "same_period" and claim.anchor and "%" not in claim.anchor
    ):
        return number(claim.computed, lang)
    if claim.kind == "parts":
        return number(claim.computed, lang) + ("%" if "%" in claim.basis else "")
    return number(claim.computed, lang) + "%"


def _summary_line(claims: list[Claim], lang: str) -> str:
    counts = summary(claims)
    words = STATUS[lang]
    return ", ".join(f"{counts[s]} {words[s]}" for s in STATUSES)


def render_verify_github(claims: list[Claim], report: str, *, lang: str) -> str:
    lines = []
    for claim in claims:
        # a count with no data to compare it with has nothing to say on the report's lines
        if claim.status == "ok" or (claim.status == "unchecked" and claim.kind == "count"):
            continue
        level = "error" if claim.status == "mismatch" else "notice"
        detail = claim.reason or (
            f"stated {_stated(claim, 'en')}, computed {_computed(claim, 'en')}"
            if claim.computed is not None
            else ""
        )
        title = f"verify {claim.status} {claim.kind}" + (
            f" {claim.indicator}" if claim.indicator else ""
        )
        lines.append(
            f"::{level} file={_escape_property(report)},line={claim.line},col={claim.column},"
            f"title={_escape_property(title)}"
            f"::{_escape_data(claim.text + (' — ' + detail if detail else ''))}"
        )
    counts = summary(claims)
    lines.append("ctr-stats verify: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES))
    return "\n".join(lines) + "\n"


def render_verify_text(claims: list[Claim], console: Console, *, lang: str) -> None:
    from rich.table import Table

    heads = (
        ("Dòng", "Kết quả", "Loại", "Câu trong báo cáo", "Ghi", "Tính lại", "Từ", "Chỉ tiêu")
        if lang == "vi"
        else ("Line", "Status", "Kind", "Claim", "Stated", "Computed", "From", "Indicator")
    )
    table = Table(*heads)
    colours = {"ok": "green", "mismatch": "bold red", "unchecked": "dim", "unmatched": "yellow"}
    for claim in claims:
        where = str(claim.line) if claim.paragraph is None else f"¶{claim.paragraph}"
        colour = colours[claim.status]
        table.add_row(
            where,
            f"[{colour}]{STATUS[lang][claim.status]}[/{colour}]",
            KIND[lang].get(claim.kind, claim.kind),
            markup(claim.text),  # the report's text: no markup, no control characters
            _stated(claim, lang),
            _computed(claim, lang),
            markup(claim.basis),
            markup(claim.indicator or ""),
        )
    console.print(table)
    for claim in claims:
        if claim.status == "mismatch" and claim.reason:
            where = f"dòng {claim.line}" if lang == "vi" else f"line {claim.line}"
            console.print(
                f"[bold red]{STATUS[lang]['mismatch']}[/bold red] {where}: {markup(claim.reason)}"
            )
    console.print(_summary_line(claims, lang))
