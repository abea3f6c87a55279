"""The project file `ctr-stats.toml`: registry, period, thresholds, severities, extra rules
and findings to ignore (each with a reason), found in the current folder or its parents."""

from __future__ import annotations

import errno
import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .catalogue import Rule, load_catalogue
from .document import DocumentSettings, parse_document
from .errors import UsageError
from .model import MEASURES, Period, Severity, parse_period

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
    """A known exception: findings of `code`, and of each key given (the unit, the file's
    name, the sheet, the cell, the indicator), are ignored; a key left out matches any."""

    code: str
    unit: str | None
    reason: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    indicator: str | None = None


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


_OS_REASONS_VI = {
    errno.ENOENT: "không có tệp này",
    errno.EACCES: "không có quyền đọc tệp",
    errno.EISDIR: "đây là một thư mục, không phải một tệp",
}
# tomllib's messages (Python 3.11-3.13: the position is only in the text), said in Vietnamese.
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
_TOML_REASONS_VI = (
    (re.compile(r"Illegal character '\\n'"), 'chuỗi thiếu dấu " đóng trước cuối dòng'),
    (re.compile(r"Illegal character"), "có ký tự không được phép"),
    (re.compile(r"Unterminated string"), 'chuỗi thiếu dấu " đóng'),
    (re.compile(r"Expected '=' after a key"), "thiếu dấu = sau tên khóa"),
    (re.compile(r"Invalid value"), 'giá trị không hợp lệ (chữ phải đặt trong dấu ")'),
    (re.compile(r"Cannot (?:declare|overwrite)"), "khóa hoặc bảng này đã khai báo ở trên"),
    (re.compile(r"Unclosed array"), "mảng thiếu dấu ] đóng"),
    (re.compile(r"Unclosed inline table"), "bảng thiếu dấu } đóng"),
    (re.compile(r"Expected '\]'"), "tên bảng thiếu dấu ] đóng"),
    (re.compile(r"Expected newline or end of document"), "sau một dòng khai báo còn thừa chữ"),
    (re.compile(r"Invalid (?:initial character for a key|statement)"), "tên khóa không hợp lệ"),
    (re.compile(r"date|time", re.IGNORECASE), "ngày giờ không hợp lệ"),
)


def _toml_mistake(exc: tomllib.TOMLDecodeError) -> tuple[str, str]:
    """Which line and column of the file is wrong, and why, in both languages."""
    text = str(exc)
    position = _TOML_POSITION.search(text)
    reason = text[: position.start()] if position else text
    reason_vi = next((vi for test, vi in _TOML_REASONS_VI if test.search(reason)), None)
    if position and position.group(1):
        where_vi = f"dòng {position.group(1)}, cột {position.group(2)}"
        where_en = f"line {position.group(1)}, column {position.group(2)}"
    else:
        where_vi, where_en = "cuối tệp", "the end of the file"
    return (
        f"tệp cấu hình viết sai ở {where_vi}: {reason_vi or 'không đúng cú pháp TOML'}",
        f"the configuration is written wrongly at {where_en}: {reason}",
    )


def _known_code(path: Path, key: str, code: str) -> None:
    """A finding code the tool gives; a misspelt one is named with the closest codes."""
    from .finding_codes import closest_codes, finding_codes
    from .safe_text import visible

    if code in finding_codes():
        return
    near = ", ".join(closest_codes(code))
    raise _bad(
        path,
        f'{key}: không có mã lỗi hay cảnh báo "{visible(code)}"'
        + (f"; có phải ý bạn là: {near}?" if near else ""),
        f'{key}: there is no finding code "{visible(code)}"'
        + (f"; did you mean: {near}?" if near else ""),
    )


def _bad(path: Path, vi: str, en: str) -> UsageError:
    return UsageError(vi, en, file=str(path))


def _shown(value: object) -> str:
    """A value as the file wrote it, shortened: what the message says was found."""
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "…"


def _expect(path: Path, key: str, value: object, what_vi: str, what_en: str) -> UsageError:
    """`key` holds `value`, where it should hold what_vi / what_en."""
    return _bad(
        path,
        f"{key} phải là {what_vi} (trong tệp là {_shown(value)})",
        f"{key} must be {what_en} (the file has {_shown(value)})",
    )


def _text(path: Path, key: str, value: object, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()) or "\x00" in value:
        raise _expect(path, key, value, "một chuỗi trong ngoặc kép", "a string in quotes")
    return value


def _table(path: Path, key: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _expect(path, key, value, "một bảng", "a table")
    return value


def _tables(path: Path, key: str, value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _expect(path, key, value, f"các bảng {key}", f"{key} tables")
    return value


def _no_other_keys(path: Path, key: str, table: dict[str, Any], known: set[str]) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise _bad(
            path,
            f"{key}: khóa không hợp lệ: {', '.join(unknown)} (có: {', '.join(sorted(known))})",
            f"{key}: unknown keys: {', '.join(unknown)} (known: {', '.join(sorted(known))})",
        )


def _thresholds(path: Path, table: dict[str, Any]) -> Thresholds:
    """Numbers, finite and not below zero; `absolute` a whole number."""
    defaults = Thresholds()
    _no_other_keys(path, "[thresholds]", table, set(defaults.__dataclass_fields__))
    for name, value in table.items():
        key = f"[thresholds] {name}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _expect(path, key, value, "một số, ví dụ 50", "a number, such as 50")
        if not math.isfinite(value):
            raise _expect(path, key, value, "một số hữu hạn", "a finite number")
        if value < 0:
            raise _expect(path, key, value, "một số không âm", "a number not below zero")
        if name == "absolute" and value != int(value):
            raise _expect(path, key, value, "một số nguyên", "a whole number")
    values = {n: int(v) if n == "absolute" else v for n, v in table.items()}
    return replace(defaults, **values)


def load_config(path: Path | None) -> Config:
    """The given file, else the nearest ctr-stats.toml, else the defaults. Every mistake
    in it is a UsageError naming the key and what it should hold, in both languages."""
    path = path or find_config()
    if path is None:
        return Config()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, *_toml_mistake(exc)) from exc
    except UnicodeDecodeError as exc:
        raise _bad(
            path,
            "không đọc được tệp cấu hình: tệp không phải văn bản UTF-8 (hãy lưu lại với mã UTF-8)",
            "cannot read the configuration: the file is not UTF-8 text (save it as UTF-8)",
        ) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)  # not "[Errno 2] …" but its words
        reason_vi = _OS_REASONS_VI.get(exc.errno or 0, reason)
        raise _bad(
            path,
            f"không đọc được tệp cấu hình: {reason_vi}",
            f"cannot read the configuration: {reason}",
        ) from exc
    except RecursionError as exc:  # tomllib reads nested arrays by recursion
        raise _bad(
            path,
            "tệp cấu hình có mảng hoặc bảng lồng nhau quá sâu",
            "the configuration nests arrays or tables too deeply",
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
    thresholds = _thresholds(path, _table(path, "[thresholds]", data.get("thresholds", {})))
    severities: dict[str, Severity] = {}
    for code, level in _table(path, "[severity]", data.get("severity", {})).items():
        _known_code(path, f"[severity] {code}", code)
        if level not in ("error", "warning"):
            raise _bad(
                path,
                f"[severity] {code} phải là error hoặc warning",
                f"[severity] {code} must be error or warning",
            )
        severities[code] = Severity(level)
    rules = tuple(
        _rule(path, n, entry)
        for n, entry in enumerate(_tables(path, "[[rules]]", data.get("rules", [])), start=1)
    )
    ignores: list[Ignore] = []
    for n, entry in enumerate(_tables(path, "[[ignore]]", data.get("ignore", [])), start=1):
        key = f"[[ignore]] {n}"
        _no_other_keys(
            path, key, entry, {"code", "unit", "reason", "file", "sheet", "cell", "indicator"}
        )
        if not entry.get("code") or not str(entry.get("reason", "")).strip():
            raise _bad(
                path,
                f"{key}: cần code và reason (lý do)",
                f"{key}: needs a code and a reason",
            )
        unit = entry.get("unit")
        _known_code(path, f"{key} code", _text(path, f"{key} code", entry["code"]))
        scope = {
            name: None if entry.get(name) is None else _text(path, f"{key} {name}", entry[name])
            for name in ("file", "sheet", "cell", "indicator")
        }
        ignores.append(
            Ignore(
                _text(path, f"{key} code", entry["code"]),
                None if unit is None else _text(path, f"{key} unit", unit),
                _text(path, f"{key} reason", entry["reason"]),
                **scope,
            )
        )
    registry, units, units_only = data.get("registry"), data.get("units"), data.get("units_only")
    for key, value in (("registry", registry), ("units", units), ("units_only", units_only)):
        if value is not None:
            _text(path, key, value)
    if units_only and (units or registry):
        raise _bad(
            path,
            "units_only thay cả danh mục: không dùng cùng registry hay units",
            "units_only replaces the registry: it cannot go with registry or units",
        )
    own = units_only or units
    period = data.get("period")
    if isinstance(period, int) and not isinstance(period, bool):
        period = str(period)  # period = 2023, as a number: the natural way to write a year
    return Config(
        path=path,
        registry=registry,
        units=(path.parent / own) if own else None,
        units_only=bool(units_only),
        period=None if period is None else _text(path, "period", period),
        thresholds=thresholds,
        severities=severities,
        rules=rules,
        ignores=tuple(ignores),
        document=parse_document(data.get("document", {}), path),
    )


def _rule(path: Path, n: int, entry: dict[str, Any]) -> Rule:
    key = f"[[rules]] {n}"
    _no_other_keys(
        path, key, entry, {"kind", "part", "parts", "whole", "part_measure", "whole_measure"}
    )
    for needed in ("kind", "whole"):
        if needed not in entry:
            raise _bad(path, f"{key}: thiếu {needed}", f"{key}: lacks {needed}")
    if "parts" in entry:
        parts = entry["parts"]
        if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
            raise _expect(
                path, f"{key} parts", parts, "danh sách mã chỉ tiêu", "a list of indicator ids"
            )
    elif "part" in entry:
        parts = [_text(path, f"{key} part", entry["part"])]
    else:
        raise _bad(path, f"{key}: thiếu part hoặc parts", f"{key}: lacks part or parts")
    kind = entry["kind"]
    if kind not in ("part_of", "sum_of"):
        raise _expect(path, f"{key} kind", kind, '"part_of" hoặc "sum_of"', '"part_of" or "sum_of"')
    catalogue = load_catalogue()
    for name in (*parts, entry["whole"]):
        if not isinstance(name, str) or name not in catalogue.indicators:
            raise _expect(
                path,
                f"{key}",
                name,
                "mã một chỉ tiêu trong danh mục, ví dụ admission.total",
                "a catalogue indicator id, such as admission.total",
            )
    measures = {}
    for side in ("part_measure", "whole_measure"):
        measure = entry.get(side, "actual")
        if measure not in MEASURES:
            raise _expect(
                path, f"{key} {side}", measure, "plan, actual hoặc prior", "plan, actual or prior"
            )
        measures[side] = measure
    return Rule(kind=kind, parts=tuple(parts), whole=entry["whole"], **measures)


def period_option(text: str, source: str = "--period") -> Period:
    """A period as a user writes it ('2023', '2022-h1'), or a UsageError naming where it was
    written (an option, a configuration file's key) and what it takes."""
    try:
        return parse_period(text)
    except ValueError as exc:
        raise UsageError(
            f"{source}: '{text}' không phải kỳ báo cáo (viết NĂM, NĂM-h1, NĂM-9m, NĂM-q1..q4"
            " hoặc NĂM-Nm, ví dụ 2023, 2022-h1)",
            f"{source}: '{text}' is not a reporting period (write YEAR, YEAR-h1, YEAR-9m,"
            " YEAR-q1..q4 or YEAR-Nm, such as 2023, 2022-h1)",
        ) from exc
