"""`ctr-stats verify` output: a table for people, the JSON contract, GitHub annotations.
Each claim says its kind, its text, what it states, what was computed and from what, and
for a mismatch one sentence of why."""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

from ..safe_text import json_controls, markup
from ..verify import SCHEMA, STATUSES, Claim
from ..verify.indicators import label_of
from ..verify.numbers import number
from .check import _escape_data, _escape_property
from .table import PIPE_WIDTH

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


def _counts(claim: Claim) -> bool:
    """Whether stated and computed are counts: a count's, or those of a ratio with no
    percentage ("29/30 đơn vị": 29) — not a table row's rate, printed without its "%"."""
    return claim.kind == "count" or (
        claim.kind == "ratio" and bool(re.search(r"\d\s*(?:/|trong|trên)", claim.anchor))
    )


def _change_in_numbers(claim: Claim) -> bool:
    """A change on the same period stated in numbers ("tăng 230 tổ chức"), not in percent."""
    return claim.kind == "same_period" and bool(claim.anchor) and "%" not in claim.anchor


def _stated(claim: Claim, lang: str) -> str:
    if claim.kind == "period":
        return str(claim.stated)  # a year: never grouped
    if claim.stated is None and claim.kind == "ratio":
        return markup(claim.anchor)  # "29/30" alone: what it states
    if _counts(claim) or _change_in_numbers(claim):
        return number(claim.stated, lang)
    if claim.kind == "parts":
        return number(claim.stated, lang) + ("%" if "%" in claim.basis else "")
    return number(claim.stated, lang) + ("%" if claim.stated is not None else "")


def _computed(claim: Claim, lang: str) -> str:
    if claim.computed is None:
        return ""
    if claim.kind == "period":
        return str(claim.computed)
    if _counts(claim) or _change_in_numbers(claim):
        return number(claim.computed, lang)
    if claim.kind == "parts":
        return number(claim.computed, lang) + ("%" if "%" in claim.basis else "")
    return number(claim.computed, lang) + "%"


def _indicator(claim: Claim, lang: str) -> str:
    """The catalogue's label: ids are for JSON."""
    return label_of(claim.indicator, lang) if claim.indicator else ""


def _where(claims: list[Claim], lang: str) -> tuple[str, str]:
    """How the report's places are named, heading and in a sentence: a .docx by its
    paragraphs, text by its lines."""
    if any(c.paragraph is not None for c in claims):
        return ("Đoạn", "đoạn") if lang == "vi" else ("Para.", "paragraph")
    return ("Dòng", "dòng") if lang == "vi" else ("Line", "line")


def _place(claim: Claim) -> int:
    return claim.paragraph if claim.paragraph is not None else claim.line


def _summary_line(claims: list[Claim], lang: str) -> str:
    counts = summary(claims)
    words = STATUS[lang]
    return ", ".join(f"{counts[s]} {words[s]}" for s in STATUSES)


def render_verify_github(claims: list[Claim], report: str, *, lang: str) -> str:
    lines = []
    for claim in claims:
        # a count with no data to compare it with has nothing to say on the report's lines
        if claim.status == "ok" or (
            claim.status == "unchecked" and claim.kind == "count" and not claim.reason
        ):
            continue
        level = "error" if claim.status == "mismatch" else "notice"
        said, got = ("ghi", "tính lại") if lang == "vi" else ("stated", "computed")
        detail = claim.reason or (
            f"{said} {_stated(claim, lang)}, {got} {_computed(claim, lang)}"
            if claim.computed is not None
            else ""
        )
        title = f"verify {claim.status} {claim.kind}" + (
            f" {_indicator(claim, lang)}" if claim.indicator else ""
        )
        lines.append(
            f"::{level} file={_escape_property(report)},line={claim.line},col={claim.column},"
            f"title={_escape_property(title)}"
            f"::{_escape_data(claim.text + (' — ' + detail if detail else ''))}"
        )
    counts = summary(claims)
    lines.append("ctr-stats verify: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES))
    return "\n".join(lines) + "\n"


COLOURS = {"ok": "green", "mismatch": "bold red", "unchecked": "dim", "unmatched": "yellow"}
# Below this width the table's eight columns would wrap to a word a line: one block per
# claim. Below PIPE_WIDTH the table drops its inner rules and wraps its words columns.
NARROW = 60


def render_verify_text(claims: list[Claim], console: Console, *, lang: str) -> None:
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH  # a file or a pipe: the table, as wide as compute's
    if console.width < NARROW:
        _blocks(claims, console, lang)
    else:
        _table(claims, console, lang)
    console.print(_summary_line(claims, lang))


def _table(claims: list[Claim], console: Console, lang: str) -> None:
    from rich.table import Table

    heads = (
        ("Kết quả", "Loại", "Câu trong báo cáo", "Ghi", "Tính lại", "Từ", "Chỉ tiêu")
        if lang == "vi"
        else ("Status", "Kind", "Claim", "Stated", "Computed", "From", "Indicator")
    )
    from rich import box

    where, where_word = _where(claims, lang)
    narrow = console.width < PIPE_WIDTH  # 80 columns: as render/table, words wrap, figures not
    table = Table(
        box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD, pad_edge=not narrow, show_edge=not narrow
    )
    figures = [[_stated(c, lang) for c in claims], [_computed(c, lang) for c in claims]]
    # a column of words as wide as its longest word; of figures, as its widest figure
    words = [[STATUS[lang][c.status] for c in claims], [KIND[lang][c.kind] for c in claims]]
    fixed = [
        max([len(w) for v in values for w in v.split()] + [len(w) for w in head.split()])
        for values, head in zip([*words, *figures], heads[:2] + heads[3:5], strict=True)
    ]
    where_width = max([len(where)] + [len(str(_place(c))) for c in claims])
    # what is left, after the fixed columns and the rule (a space) and a space either side
    left = console.width - where_width - sum(fixed) - 3 * 6
    text_width, source_width = max(16, left * 3 // 5), max(12, left - left * 3 // 5)
    table.add_column(where, no_wrap=True)
    for head, width in zip(heads[:2], fixed[:2], strict=True):
        table.add_column(head, width=width if narrow else None, no_wrap=not narrow)
    table.add_column(
        heads[2],
        ratio=None if narrow else 3,
        min_width=24,
        overflow="fold",
        width=text_width if narrow else None,
    )
    for head, width in zip(heads[3:5], fixed[2:], strict=True):
        table.add_column(head, justify="right", min_width=width)
    # narrow: the indicator under what the figure was computed from, in one column
    for head in [" · ".join(heads[5:])] if narrow else heads[5:]:
        table.add_column(
            head,
            ratio=None if narrow else 2,
            min_width=12,
            overflow="fold",
            width=source_width if narrow else None,
        )
    for claim in claims:
        colour = COLOURS[claim.status]
        source = [markup(claim.shown), markup(_indicator(claim, lang))]
        if narrow:
            source = ["\n".join(s for s in source if s)]
        table.add_row(
            str(_place(claim)),
            f"[{colour}]{STATUS[lang][claim.status]}[/{colour}]",
            KIND[lang].get(claim.kind, claim.kind),
            markup(claim.text),  # the report's text: no markup, no control characters
            _stated(claim, lang),
            _computed(claim, lang),
            *source,
        )
    console.print(table)
    for claim in claims:
        if claim.reason and claim.status in ("mismatch", "unchecked"):
            colour = COLOURS[claim.status]
            status = STATUS[lang][claim.status]
            console.print(
                f"[{colour}]{status}[/{colour}] {where_word} {_place(claim)}: "
                f"{markup(claim.reason)}"
            )


def _blocks(claims: list[Claim], console: Console, lang: str) -> None:
    """One claim a block, for a narrow terminal: where, status, kind and indicator; the
    report's words; what it states and what was computed from what; why, if it is not
    right."""
    from rich.text import Text

    _, where_word = _where(claims, lang)
    said, got, source = (
        ("ghi", "tính lại", "từ") if lang == "vi" else ("stated", "computed", "from")
    )
    for claim in claims:
        colour = COLOURS[claim.status]
        head = [
            f"{where_word} {_place(claim)}",
            f"[{colour}]{STATUS[lang][claim.status]}[/{colour}]",
            KIND[lang].get(claim.kind, claim.kind),
        ]
        if claim.indicator:
            head.append(markup(_indicator(claim, lang)))
        console.print(Text.from_markup(" · ".join(head)))
        lines = [f"“{markup(claim.text)}”"]
        figures = f"{said} {_stated(claim, lang)}"
        if claim.computed is not None:
            figures += f" · {got} {_computed(claim, lang)}"
        if claim.shown:
            figures += f" {source} {markup(claim.shown)}"
        lines.append(figures)
        if claim.reason and claim.status in ("mismatch", "unchecked"):
            lines.append(f"[{colour}]→ {markup(claim.reason)}[/{colour}]")
        for line in lines:  # indented, and so are the lines it wraps to
            for part in Text.from_markup(line).wrap(console, max(console.width - 2, 20)):
                part.rstrip()
                console.print(Text("  ") + part)
