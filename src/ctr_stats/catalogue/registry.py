"""Unit registries: the built-in ones (data files listed in registries/index.toml) and a
user's own CSV, which extends a built-in one (`--units`) or replaces it (`--units-only`).

Which built-in registry is in force is decided by name, alias or province, and for a
province by the period: Hanoi's 30 districts until 30 June 2025, its communes after.
"""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import CatalogueError, UsageError
from ..model import Period
from ..text import clean, faithful, fold

# A type as people write it (faithful key) -> the type; abbreviations and committees too.
TYPE_WORDS: dict[str, str] = {
    faithful(written): kind
    for kind, forms in {
        "quận": ("quận", "q", "quận ủy"),
        "huyện": ("huyện", "h", "huyện ủy"),
        "thị xã": ("thị xã", "tx", "t x", "thị ủy"),  # "T.X." reads "t x"
        "thành phố": ("thành phố", "tp", "t p", "thành ủy"),
        "phường": ("phường", "p"),
        "xã": ("xã", "x"),
        "thị trấn": ("thị trấn", "tt", "t t"),
        "đặc khu": ("đặc khu",),
        "tỉnh": ("tỉnh", "tỉnh ủy"),  # a registry of provinces (a national roll-up's)
    }.items()
    for written in forms
}
TERRITORIAL_TYPES = frozenset(TYPE_WORDS.values())
MAX_REGISTRY_BYTES = 20 * 1024 * 1024  # a country's 3,321 units take 150 KB


def unit_type(text: str) -> str:
    """A registry's type column: 'Phường', 'TX', 'thị xã' -> the type; other text (a
    directly subordinate committee's kind, or nothing) as written, in lower case."""
    return TYPE_WORDS.get(faithful(text), clean(text).lower())


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """'Quận Ba Đình', 'Thị xã Sơn Tây'; a committee that is no territory, its name."""
        return (
            f"{self.type.capitalize()} {self.name}" if self.type in TERRITORIAL_TYPES else self.name
        )


@dataclass(frozen=True)
class Registry:
    name: str
    units: tuple[Unit, ...]

    @cached_property
    def _by_code(self) -> dict[str, Unit]:
        return {unit.code: unit for unit in self.units}

    def by_code(self, code: str) -> Unit:
        return self._by_code[code]


@dataclass(frozen=True)
class RegistryInfo:
    """A built-in registry as index.toml describes it."""

    name: str
    province: str  # 'Thành phố Hà Nội', 'Tỉnh Quảng Ngãi'
    province_code: str
    level: str  # 'huyện' (district-level units) or 'xã' (commune-level)
    file: str
    source: str
    source_vi: str | None = None  # the source said in Vietnamese
    valid_from: str | None = None  # 'YYYY-MM-DD'
    valid_until: str | None = None

    @property
    def province_key(self) -> str:
        return province_key(self.province)

    def covers(self, period: Period) -> bool:
        """Whether the period (by the month it ends) falls in the registry's validity."""
        month = f"{period.year:04d}-{period.months:02d}"
        return (self.valid_from is None or month >= self.valid_from[:7]) and (
            self.valid_until is None or month <= self.valid_until[:7]
        )

    def validity(self, lang: str) -> str:
        if self.valid_until:
            day = _date(self.valid_until, lang)
            return f"until {day}" if lang == "en" else f"đến {day}"
        if self.valid_from:
            day = _date(self.valid_from, lang)
            return f"from {day}" if lang == "en" else f"từ {day}"
        return ""

    def describe(self, lang: str) -> str:
        """'Thành phố Hà Nội, đơn vị cấp huyện, đến 30/6/2025'."""
        if lang == "en":
            level = "district-level units" if self.level == "huyện" else "commune-level units"
        else:
            level = f"đơn vị cấp {self.level}"
        return f"{self.province}, {level}, {self.validity(lang)}"


def _date(iso: str, lang: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "en":
        months = (
            "January February March April May June July August September October November December"
        )
        return f"{day} {months.split()[month - 1]} {year}"
    return f"{day}/{month}/{year}"


def province_key(text: str) -> str:
    """'Tỉnh Quảng Ngãi', 'quang-ngai', 'TP. Hồ Chí Minh' -> 'quang-ngai', 'ho-chi-minh'."""
    key = fold(text.replace("-", " "))
    for prefix in ("thanh pho ", "tinh ", "tp "):
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    return key.replace(" ", "-")


@dataclass(frozen=True)
class _Index:
    registries: dict[str, RegistryInfo]
    aliases: dict[str, str]  # another name -> registry name
    provinces: dict[str, str]  # province key or alias -> province key
    # a province merged into another on 1 July 2025, by key -> its name ('Tỉnh Quảng Nam')
    former: dict[str, str]


@cache
def _index() -> _Index:
    text = resources.files(__package__).joinpath("registries/index.toml").read_text("utf-8")
    try:
        data: dict[str, Any] = tomllib.loads(text)
        registries = {
            name: RegistryInfo(name=name, **entry) for name, entry in data["registries"].items()
        }
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise CatalogueError(f"registries/index.toml: {exc}") from exc
    provinces = {info.province_key: info.province_key for info in registries.values()}
    for key, others in data.get("province_aliases", {}).items():
        provinces.update({other: key for other in others})
    former: dict[str, str] = {}
    for key, names in data.get("former_provinces", {}).items():
        for name in names:
            provinces[province_key(name)] = key
            former[province_key(name)] = name
    return _Index(registries, dict(data.get("aliases", {})), provinces, former)


def builtin_registries() -> tuple[RegistryInfo, ...]:
    return tuple(_index().registries.values())


def registry_info(name: str) -> RegistryInfo | None:
    index = _index()
    return index.registries.get(index.aliases.get(name, name))


@cache
def province_registry(name: str) -> RegistryInfo | None:
    """A built-in registry of the province a name names ("da nang", "hcm", "Thành phố
    Huế"): its province's name and key; None for no province the registries know."""
    key = _index().provinces.get(province_key(name))
    return next((info for info in builtin_registries() if info.province_key == key), None)


def province_names() -> tuple[str, ...]:
    """Every province's name, as index.toml writes it ('Tỉnh Quảng Ngãi'), and those of the
    provinces merged into them ('Tỉnh Quảng Nam')."""
    now = (info.province for info in builtin_registries())
    return tuple(dict.fromkeys((*now, *_index().former.values())))


def former_province(name: str) -> str | None:
    """The name of the province merged into another on 1 July 2025 that a name names
    ('quang nam' -> 'Tỉnh Quảng Nam'); None for any other."""
    return _index().former.get(province_key(name))


def registry_a_year_before(name: str, period: Period) -> RegistryInfo | None:
    """The built-in registry the same period a year before falls under, when it is not the
    registry `name` itself: the province's units were reorganised in between (Hanoi's
    districts became communes on 1 July 2025), so each unit's Cùng kỳ is its own recount."""
    info = registry_info(name)
    if info is None:
        return None
    before = Period(period.year - 1, period.months, period.quarter)
    found = next(
        (
            other
            for other in builtin_registries()
            if other.province_key == info.province_key and other.covers(before)
        ),
        None,
    )
    return found if found is not None and found.name != info.name else None


def registry_for(period: Period | None, province: str = "ha-noi") -> str:
    """The built-in registry of a province in force for a period: Hanoi's districts until
    30 June 2025, communes after; with no period, the province's earliest registry."""
    key = _index().provinces.get(province_key(province))
    found = [info for info in builtin_registries() if info.province_key == key]
    if not found:
        raise _no_registry(province)
    if period is None:
        return found[0].name
    for info in found:
        if info.covers(period):
            return info.name
    names = ", ".join(f"{info.name} ({info.validity('vi')})" for info in found)
    names_en = ", ".join(f"{info.name} ({info.validity('en')})" for info in found)
    raise UsageError(
        f"không có danh mục đơn vị có sẵn của {found[0].province} cho {period.label('vi')}"
        f" (có: {names}): dùng danh mục riêng với --units-only TỆP",
        f"no built-in registry of {found[0].province} for {period.label('en')}"
        f" (there is: {names_en}): give your own with --units-only FILE",
    )


def resolve_name(name: str, period: Period | None) -> str:
    """A registry named by the user: a registry's name or alias as is, a province's name
    ('quang-ngai', 'Quảng Ngãi', 'hcm') by the period."""
    index = _index()
    if name in index.registries:
        return name
    if name in index.aliases:
        return index.aliases[name]
    if province_key(name) in index.provinces:
        return registry_for(period, province_key(name))
    raise _no_registry(name)


def names_a_province(name: str) -> bool:
    """Whether a registry named so depends on the period (a province, not one registry)."""
    index = _index()
    return name not in index.registries and name not in index.aliases


def _no_registry(name: str) -> UsageError:
    from rapidfuzz import process

    choices = [*_index().registries, *_index().aliases]
    close = [found for found, _, _ in process.extract(name, choices, limit=3, score_cutoff=60)]
    vi = f"; có phải: {', '.join(close)}?" if close else ""
    en = f"; did you mean: {', '.join(close)}?" if close else ""
    return UsageError(
        f"không có danh mục đơn vị '{name}'{vi} (một danh mục, hoặc tên một tỉnh, thành phố"
        " như quang-ngai: xem ctr-stats units list)",
        f"no built-in registry '{name}'{en} (a registry, or a province's name such as"
        " quang-ngai: see ctr-stats units list)",
    )


def load_registry(name: str) -> Registry:
    """A built-in registry by its name or alias (hanoi-2024, ha-noi-2025, hanoi-2025...)."""
    info = registry_info(name)
    if info is None:
        raise _no_registry(name)
    return _load_builtin(info)


@cache
def _load_builtin(info: RegistryInfo) -> Registry:
    text = resources.files(__package__).joinpath(f"registries/{info.file}").read_text("utf-8")
    units, _ = parse_registry(text, info.file)
    return Registry(info.name, units)


def load_registry_file(path: Path) -> Registry:
    """A user's own registry, on its own (`--units-only`)."""
    units, lines = parse_registry(_read_user_file(path), str(path))
    _aliases_apart(units, lines, units, path)
    return Registry(path.stem, units)


def extend_registry(base: Registry, path: Path) -> Registry:
    """A built-in registry with a user's units (`--units`): a unit with a built-in unit's
    code replaces it (to add aliases), the others are added after the built-in ones."""
    units, lines = parse_registry(_read_user_file(path), str(path))
    own = {unit.code: unit for unit in units}
    by_name = {(faithful(u.name), u.type): u for u in base.units if u.code not in own}
    for unit in units:
        other = by_name.get((faithful(unit.name), unit.type))
        if other is not None:
            raise UsageError(
                f"dòng {lines[unit.code]}: {unit.full_name} ({unit.code}) trùng tên với đơn vị"
                f" {other.full_name} ({other.code}) của danh mục {base.name}: dùng mã {other.code}"
                " để sửa đơn vị đó, hoặc đặt tên khác",
                f"line {lines[unit.code]}: {unit.full_name} ({unit.code}) has the name of"
                f" {other.full_name} ({other.code}) of registry {base.name}: use code"
                f" {other.code} to change that unit, or another name",
                file=str(path),
            )
    merged = tuple(own.pop(u.code, u) for u in base.units) + tuple(own.values())
    _aliases_apart(units, lines, merged, path, base.name)
    return Registry(f"{base.name}+{path.stem}", merged)


_PARTY_BODY = re.compile(r"^(?:đảng\s+bộ|đảng\s+(?:ủy|uỷ)|chi\s+bộ|chi\s+(?:ủy|uỷ))\s+", re.I)


def _name_cut_by_a_comma(name: str, kind: str) -> bool:
    """Whether an unquoted comma cut a name in two, on a row with more fields than the
    heading: the type column opens with a space the name column does not, and is no type
    ("Sở Văn hóa, Thể thao và Du lịch" unquoted: " Thể thao và Du lịch" as the type). A
    file written "001, Ba Đình, quận" throughout opens every column with a space."""
    return (
        kind[:1].isspace()
        and not name[:1].isspace()
        and bool(name.strip())
        and faithful(kind) not in TYPE_WORDS
    )


def _aliases_apart(
    own: tuple[Unit, ...],
    lines: dict[str, int],
    every: tuple[Unit, ...],
    path: Path,
    base: str | None = None,
) -> None:
    """Refuses an alias of the user's file that is another unit's name, full name or alias:
    a title written so could not be told apart, and every such file would be an
    ambiguous-unit error later, far from the line that caused it."""
    aliased: dict[str, list[tuple[Unit, str]]] = {}
    for unit in own:
        for alias in unit.aliases:
            aliased.setdefault(faithful(alias), []).append((unit, alias))
            # "Đảng bộ Sở Tư pháp": a title reads the party body's words off, as Sở Tư pháp
            written = unicodedata.normalize("NFC", alias).strip()
            bare = _PARTY_BODY.sub("", written)
            if bare != written:
                aliased.setdefault(faithful(bare), []).append((unit, alias))
    if not aliased:  # most files give none: no unit's names need reading
        return
    plain = faithful.__wrapped__  # thousands of names: not kept in faithful's cache
    for other in every:
        for name in (other.name, other.full_name, *other.aliases):
            for unit, alias in aliased.get(plain(name), ()):
                if unit.code == other.code:
                    continue
                where_vi = f" của danh mục {base}" if base and other.code not in lines else ""
                where_en = f" of registry {base}" if base and other.code not in lines else ""
                raise UsageError(
                    f"dòng {lines[unit.code]}: tên khác '{alias}' của {unit.full_name} ({unit.code})"
                    f" trùng tên với {other.full_name} ({other.code}){where_vi}: tiêu đề mang tên"
                    " này không phân biệt được hai đơn vị; bỏ hoặc sửa tên khác này",
                    f"line {lines[unit.code]}: the alias '{alias}' of {unit.full_name}"
                    f" ({unit.code}) is a name of {other.full_name} ({other.code}){where_en}: a"
                    " title of that name could not be told apart; remove or change the alias",
                    file=str(path),
                )


def _read_user_file(path: Path) -> str:
    """The file's text, in any encoding Excel saves CSV in, as data files are read."""
    from ..read import decode_text

    try:
        if not path.is_file():
            raise UsageError(
                "không có tệp danh mục đơn vị này (hoặc đây không phải một tệp)",
                "no such registry file (or it is not a regular file)",
                file=str(path),
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_REGISTRY_BYTES + 1)
    except OSError as exc:
        raise UsageError(
            f"không đọc được danh mục đơn vị: {exc.strerror or exc}",
            f"cannot read the registry: {exc.strerror or exc}",
            file=str(path),
        ) from exc
    if len(data) > MAX_REGISTRY_BYTES:
        raise UsageError(
            "tệp danh mục đơn vị quá lớn (quá 20 MB): đây có đúng là danh mục không?",
            "the registry file is too large (over 20 MB): is it really a registry?",
            file=str(path),
        )
    try:
        return decode_text(data)
    except UnicodeDecodeError as exc:
        raise UsageError(
            "không đọc được danh mục đơn vị: không phải văn bản (lưu lại dưới dạng CSV UTF-8)",
            "cannot read the registry: it is not text (save it as CSV UTF-8)",
            file=str(path),
        ) from exc


# Column headings, folded: the English ones and the Vietnamese a clerk would type.
_COLUMNS = {
    "code": "code",
    "ma": "code",
    "ma don vi": "code",
    "name": "name",
    "ten": "name",
    "ten don vi": "name",
    "don vi": "name",
    "type": "type",
    "loai": "type",
    "loai don vi": "type",
    "cap": "type",
    "aliases": "aliases",
    "ten khac": "aliases",
    "bi danh": "aliases",
}


def _without_own_type(name: str, kind: str) -> str:
    """A name written with its own type ("Huyện Thuận Nam" of type huyện) is the name
    after it, as the built-in registries hold names: else its full name would be "Huyện
    Huyện Thuận Nam", and "Huyện ủy Thuận Nam" would name no unit (trial 30)."""
    # marks and all: "Phương Liệt" is a phường's name, not "phường" + "Liệt"
    words, type_words = name.split(), faithful(kind).split()
    if (
        type_words
        and len(words) > len(type_words)
        and [faithful(w) for w in words[: len(type_words)]] == type_words
    ):
        return " ".join(words[len(type_words) :])
    return name


def parse_registry(text: str, origin: str) -> tuple[tuple[Unit, ...], dict[str, int]]:
    """A registry CSV: leading '#' lines are comments, then a heading row with the columns
    code, name[, type, aliases] (or mã, tên, loại, tên khác), separated by ',', ';' or tab;
    aliases separated by '|'. Returns the units and each code's line number."""
    from ..read import sniff_delimiter

    lines = text.lstrip("\ufeff").splitlines()
    first = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    body = lines[first:]
    reader = csv.reader(body, delimiter=sniff_delimiter("\n".join(body[:30])), strict=True)

    def bad(line: int | None, vi: str, en: str) -> UsageError:
        where = f"dòng {line}: " if line else ""
        where_en = f"line {line}: " if line else ""
        return UsageError(where + vi, where_en + en, file=origin)

    rows: list[tuple[int, list[str]]] = []
    start = first + 1  # the line a row starts on, counted from 1
    try:
        for row in reader:
            if any("\n" in field or "\r" in field for field in row):
                raise csv.Error("a field spans lines")
            rows.append((start, row))
            start = first + reader.line_num + 1
    except csv.Error as exc:
        raise bad(
            start,
            f"CSV không hợp lệ ({exc}): có dấu ngoặc kép chưa đóng?",
            f"malformed CSV ({exc}): an unterminated quote?",
        ) from exc
    rows = [(line, row) for line, row in rows if any(field.strip() for field in row)]
    if not rows:
        raise bad(None, "danh mục không có đơn vị nào", "the registry has no units")
    heading_line, heading = rows[0]
    columns = [_COLUMNS.get(fold(title), "") for title in heading]
    if not {"code", "name"} <= set(columns):
        raise bad(
            heading_line,
            "danh mục cần dòng tiêu đề với các cột code,name[,type,aliases]"
            " (hoặc mã, tên, loại, tên khác)",
            "a registry needs a heading row with the columns code,name[,type,aliases]",
        )
    units: list[Unit] = []
    lines_of: dict[str, int] = {}
    names: dict[tuple[str, str], str] = {}
    for line, row in rows[1:]:
        if len(row) > len(heading) and any(field.strip() for field in row[len(heading) :]):
            raise bad(
                line,
                f"{len(row)} ô trong khi dòng tiêu đề có {len(heading)}"
                " (tên có dấu phẩy phải đặt trong ngoặc kép)",
                f"{len(row)} fields where the heading has {len(heading)}"
                " (a name with a comma must be quoted)",
            )
        raw = dict(zip(columns, row, strict=False))
        if len(row) > len(heading) and _name_cut_by_a_comma(
            raw.get("name", ""), raw.get("type", "")
        ):
            raise bad(
                line,
                f"tên '{clean(raw['name'])},{raw['type']}' có dấu phẩy: đặt tên trong ngoặc"
                ' kép ("Sở Văn hóa, Thể thao và Du lịch"), nếu không phần sau dấu phẩy bị'
                " đọc là loại đơn vị",
                f"the name '{clean(raw['name'])},{raw['type']}' holds a comma: quote it (\"Sở"
                ' Văn hóa, Thể thao và Du lịch"), or what follows the comma is read as the'
                " unit's type",
            )
        value = {column: clean(field) for column, field in zip(columns, row, strict=False)}
        code, unit_name = value.get("code", ""), value.get("name", "")
        if not code or not unit_name:
            raise bad(line, "thiếu mã hoặc tên đơn vị", "code and name must not be empty")
        if code in lines_of:
            raise bad(
                line,
                f"mã {code} đã có ở dòng {lines_of[code]}",
                f"code {code} already appears on line {lines_of[code]}",
            )
        aliases = tuple(a for a in (clean(a) for a in value.get("aliases", "").split("|")) if a)
        kind = unit_type(value.get("type", ""))
        unit = Unit(code, _without_own_type(unit_name, kind), kind, aliases)
        same = names.setdefault((faithful(unit_name), unit.type), code)
        if same != code:
            raise bad(
                line,
                f"{unit.full_name} đã có ở dòng {lines_of[same]} (mã {same}): không tiêu đề"
                " nào phân biệt được hai đơn vị trùng tên",
                f"{unit.full_name} already appears on line {lines_of[same]} (code {same}):"
                " no title could tell two units of one name apart",
            )
        lines_of[code] = line
        units.append(unit)
    if not units:
        raise bad(None, "danh mục không có đơn vị nào", "the registry has no units")
    return tuple(units), lines_of
