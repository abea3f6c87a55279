"""The project file `ctr-stats.toml`: registry, period, thresholds, severities, extra rules
and findings to ignore (each with a reason), found in the current folder or its parents."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import Rule, load_catalogue
from .document import DocumentSettings, parse_document
from .errors import UsageError
from .model import MEASURES, Severity

CONFIG_NAME = "ctr-stats.toml"


@dataclass(frozen=True)
class Thresholds:
    """Plausibility: a warning when a unit's figure moves more than this, and by more than
    `absolute` in count, so that 2 -> 4 in a small unit is not news."""

    prior_change_percent: float = 50  # |actual - prior| / prior
    plan_low_percent: float = 40  # actual below this share of plan
    plan_high_percent: float = 250  # actual above this share of plan
    absolute: int = 10
    stock_change_percent: float = 10  # counts of organizations barely move in a period


@dataclass(frozen=True)
class Ignore:
    code: str
    unit: str | None
    reason: str


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    registry: str | None = None
    units: Path | None = None  # extends the registry, or replaces it with units_only
    units_only: bool = False
    period: str | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    severities: dict[str, Severity] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    ignores: tuple[Ignore, ...] = ()
    document: DocumentSettings = field(default_factory=DocumentSettings)


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def _bad(path: Path, vi: str, en: str) -> UsageError:
    return UsageError(vi, en, file=str(path))


def load_config(path: Path | None) -> Config:
    """The given file, else the nearest ctr-stats.toml, else the defaults."""
    path = path or find_config()
    if path is None:
        return Config()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _bad(
            path, f"không đọc được tệp cấu hình: {exc}", f"cannot read the configuration: {exc}"
        ) from exc
    known = {
        "registry",
        "units",
        "units_only",
        "period",
        "thresholds",
        "severity",
        "rules",
        "ignore",
        "document",
    }
    unknown = set(data) - known
    if unknown:
        raise _bad(
            path,
            f"khóa không hợp lệ: {', '.join(sorted(unknown))}",
            f"unknown keys: {', '.join(sorted(unknown))}",
        )
    try:
        thresholds = Thresholds(**data.get("thresholds", {}))
    except TypeError as exc:
        raise _bad(path, f"[thresholds] không hợp lệ: {exc}", f"bad [thresholds]: {exc}") from exc
    severities: dict[str, Severity] = {}
    for code, level in data.get("severity", {}).items():
        if level not in ("error", "warning"):
            raise _bad(
                path,
                f"[severity] {code} phải là error hoặc warning",
                f"[severity] {code} must be error or warning",
            )
        severities[code] = Severity(level)
    catalogue = load_catalogue()
    rules: list[Rule] = []
    for entry in data.get("rules", ()):
        try:
            rule = Rule(
                kind=entry["kind"],
                parts=tuple(entry["parts"]) if "parts" in entry else (entry["part"],),
                whole=entry["whole"],
                part_measure=entry.get("part_measure", "actual"),
                whole_measure=entry.get("whole_measure", "actual"),
            )
        except KeyError as exc:
            raise _bad(path, f"[[rules]] thiếu {exc}", f"[[rules]] lacks {exc}") from exc
        names = (*rule.parts, rule.whole)
        if (
            rule.kind not in ("part_of", "sum_of")
            or any(n not in catalogue.indicators for n in names)
            or not {rule.part_measure, rule.whole_measure} <= set(MEASURES)
        ):
            raise _bad(path, f"[[rules]] không hợp lệ: {entry}", f"bad [[rules]] entry: {entry}")
        rules.append(rule)
    ignores: list[Ignore] = []
    for entry in data.get("ignore", ()):
        if not entry.get("code") or not str(entry.get("reason", "")).strip():
            raise _bad(
                path,
                "[[ignore]] cần code và reason (lý do)",
                "[[ignore]] needs a code and a reason",
            )
        ignores.append(Ignore(entry["code"], entry.get("unit"), entry["reason"]))
    units, units_only = data.get("units"), data.get("units_only")
    own = units_only or units
    for key, value in (
        ("registry", data.get("registry")),
        ("units", units),
        ("units_only", units_only),
    ):
        if value is not None and not isinstance(value, str):
            raise _bad(path, f"{key} phải là một chuỗi", f"{key} must be a string")
    if units_only and (units or data.get("registry")):
        raise _bad(
            path,
            "units_only thay cả danh mục: không dùng cùng registry hay units",
            "units_only replaces the registry: it cannot go with registry or units",
        )
    return Config(
        path=path,
        registry=data.get("registry"),
        units=(path.parent / own) if own else None,
        units_only=bool(units_only),
        period=data.get("period"),
        thresholds=thresholds,
        severities=severities,
        rules=tuple(rules),
        ignores=tuple(ignores),
        document=parse_document(data.get("document", {}), path),
    )
