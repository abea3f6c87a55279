"""`ctr-stats verify` output: a table for people, the JSON contract, GitHub annotations."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

from ..safe_text import json_controls, markup
from ..verify import SCHEMA, Claim
from .check import _escape_data, _escape_property
from .numbers import format_number

if TYPE_CHECKING:
    from rich.console import Console

STATUS = {
    "vi": {"ok": "đúng", "mismatch": "SAI", "unmatched": "chưa đối chiếu"},
    "en": {"ok": "ok", "mismatch": "MISMATCH", "unmatched": "unmatched"},
}


def summary(claims: list[Claim]) -> dict[str, int]:
    return {s: sum(1 for c in claims if c.status == s) for s in ("ok", "mismatch", "unmatched")}


def render_verify_json(claims: list[Claim]) -> str:
    data = {"schema": SCHEMA, "claims": [c.to_dict() for c in claims], "summary": summary(claims)}
    return json_controls(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _number(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    decimals = max(0, -int(value.as_tuple().exponent))
    return format_number(value, lang, decimals)


def render_verify_github(claims: list[Claim], report: str, *, lang: str) -> str:
    lines = []
    for claim in claims:
        if claim.status == "ok":
            continue
        level = "error" if claim.status == "mismatch" else "notice"
        detail = (
            f" (stated {_number(claim.stated, 'en')}, computed {_number(claim.computed, 'en')})"
            if claim.computed is not None
            else ""
        )
        title = f"verify {claim.status}" + (f" {claim.indicator}" if claim.indicator else "")
        lines.append(
            f"::{level} file={_escape_property(report)},line={claim.line},title={_escape_property(title)}"
            f"::{_escape_data(claim.text + detail)}"
        )
    counts = summary(claims)
    lines.append(
        f"ctr-stats verify: {counts['ok']} ok, {counts['mismatch']} mismatch, {counts['unmatched']} unmatched"
    )
    return "\n".join(lines) + "\n"


def render_verify_text(claims: list[Claim], console: Console, *, lang: str) -> None:
    from rich.table import Table

    heads = (
        ("Dòng", "Kết quả", "Câu trong báo cáo", "Ghi", "Tính lại", "Chỉ tiêu")
        if lang == "vi"
        else ("Line", "Status", "Claim", "Stated", "Computed", "Indicator")
    )
    table = Table(*heads)
    colours = {"ok": "green", "mismatch": "bold red", "unmatched": "yellow"}
    for claim in claims:
        where = str(claim.line) if claim.paragraph is None else f"¶{claim.paragraph}"
        table.add_row(
            where,
            f"[{colours[claim.status]}]{STATUS[lang][claim.status]}[/{colours[claim.status]}]",
            markup(claim.text),  # the report's text: no markup, no control characters
            _number(claim.stated, lang),
            _number(claim.computed, lang),
            markup(claim.indicator or ""),
        )
    console.print(table)
    counts = summary(claims)
    words = STATUS[lang]
    console.print(", ".join(f"{counts[s]} {words[s]}" for s in ("ok", "mismatch", "unmatched")))
