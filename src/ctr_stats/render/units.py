"""`ctr-stats units`: the built-in registries, one registry's units, how a name resolves."""

from __future__ import annotations

import csv
import io
from collections import Counter

from ..catalogue import (
    Registry,
    RegistryInfo,
    Unit,
    builtin_registries,
    load_registry,
    registry_info,
)
from ..catalogue.registry import TYPE_WORDS
from ..text import faithful
from ..units import LEVEL_LABELS, UnitMatcher, ambiguous_message, unknown_message
from .numbers import format_count

_TYPE_ORDER = tuple(dict.fromkeys(TYPE_WORDS.values()))


def type_counts(registry: Registry, lang: str) -> str:
    """'51 phường, 75 xã' (units of no territorial type: 'đơn vị khác' / 'other units')."""
    counts = Counter(unit.type for unit in registry.units)
    known = [f"{counts[kind]} {kind}" for kind in _TYPE_ORDER if counts[kind]]
    other = sum(n for kind, n in counts.items() if kind not in _TYPE_ORDER)
    if other:
        known.append(f"{other} {'other units' if lang == 'en' else 'đơn vị khác'}")
    return ", ".join(known)


def render_list(lang: str) -> str:
    """Every built-in registry: name, province, units, validity; then the aliases."""
    heading = (
        ("registry", "province or city", "units", "valid")
        if lang == "en"
        else ("danh mục", "tỉnh, thành phố", "đơn vị", "hiệu lực")
    )
    rows = [heading]
    for info in builtin_registries():
        registry = load_registry(info.name)
        units = f"{len(registry.units)} ({type_counts(registry, lang)})"
        rows.append((info.name, info.province, units, info.validity(lang)))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + f"  {row[3]}"
        for row in rows
    ]
    total = sum(len(load_registry(i.name).units) for i in builtin_registries() if i.valid_from)
    if lang == "en":
        lines += [
            "",
            f"{format_count(total, lang)} units in the registries from 1 July 2025;"
            " hanoi-2025 is another name for ha-noi-2025.",
            "A province's name (quang-ngai, 'Quảng Ngãi', hcm) chooses its registry by the period.",
            "Sources: ctr-stats units show NAME.",
        ]
    else:
        lines += [
            "",
            f"{format_count(total, lang)} đơn vị trong các danh mục từ 1/7/2025;"
            " hanoi-2025 là tên khác của ha-noi-2025.",
            "Tên tỉnh, thành phố (quang-ngai, 'Quảng Ngãi', hcm) chọn danh mục theo kỳ báo cáo.",
            "Nguồn: ctr-stats units show TÊN.",
        ]
    return "\n".join(lines) + "\n"


def render_show(registry: Registry, info: RegistryInfo | None, lang: str) -> str:
    """A registry's units, one a line: code, full name, aliases; its source above them."""
    lines = [
        f"{registry.name}: "
        + (f"{info.describe(lang)}; " if info else "")
        + f"{len(registry.units)} {'units' if lang == 'en' else 'đơn vị'}"
        f" ({type_counts(registry, lang)})"
    ]
    if info is not None:
        if lang == "en":
            lines.append(f"Source: {info.source}")
        else:
            lines.append(f"Nguồn: {info.source_vi or info.source}")
    if "+" in registry.name:
        base = registry_info(registry.name.split("+")[0])
        if base is not None:
            lines.append(
                f"(built-in {base.name} with your units)"
                if lang == "en"
                else f"(danh mục {base.name} thêm các đơn vị của bạn)"
            )
    lines.append("")
    width = max(len(unit.code) for unit in registry.units)
    for unit in registry.units:
        aliases = f"  ({' | '.join(unit.aliases)})" if unit.aliases else ""
        lines.append(f"{unit.code.ljust(width)}  {unit.full_name}{aliases}")
    return "\n".join(lines) + "\n"


def render_show_csv(registry: Registry) -> str:
    """The registry as a CSV a user can edit and give back with --units or --units-only."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "name", "type", "aliases"])
    for unit in registry.units:
        writer.writerow([unit.code, unit.name, unit.type, "|".join(unit.aliases)])
    return buffer.getvalue()


def _spelled_as_written(text: str, unit: Unit) -> bool:
    """Whether a name ends with one of the unit's spellings exactly as the registry writes
    it (the words of its committee or type before it aside)."""
    words = faithful(text).split()
    for name in (unit.name, *unit.aliases):
        spelled = faithful(name).split()
        if spelled and words[-len(spelled) :] == spelled:
            return True
    return False


def render_find(text: str, matcher: UnitMatcher, lang: str) -> str:
    """How a name as typed resolves: the unit (and by which key), or why not."""
    match, registry = matcher.match(text, suggest=False), matcher.registry
    if match.unit is not None:
        unit = match.unit
        level = match.level or "exact"
        if level != "exact" and _spelled_as_written(text, unit):
            level = "exact"  # "Kim Long": no mark in the registry either, none left out
        vi_level, en_level = LEVEL_LABELS[level]
        if lang == "en":
            return (
                f"'{text}' → {unit.full_name} ({unit.code}), registry {registry.name}: {en_level}\n"
            )
        return f"'{text}' → {unit.full_name} ({unit.code}), danh mục {registry.name}: {vi_level}\n"
    vi, en = ambiguous_message(text, match) if match.candidates else unknown_message(text, matcher)
    return (en if lang == "en" else vi) + "\n"
