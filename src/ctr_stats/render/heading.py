"""What the party's document form puts around the figures (Hướng dẫn 36-HD/VPTW): the
heading, the place-and-date line, the numbers, the signature block and the recipients,
from ctr-stats.toml's [document], else from the registry's province; and the note under
the tables when the figures lack a unit or carry errors.

The words are in `document.toml`; the annex (`excel.py`) and the Word report (`docx.py`)
lay them out.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..catalogue import registry_info
from ..document import DocumentSettings
from ..model import Report, Severity
from ..text import fold
from .numbers import format_count


@dataclass(frozen=True)
class Heading:
    party: str  # ĐẢNG CỘNG SẢN VIỆT NAM: top right, bold, a rule under it
    parent: str  # ĐẢNG BỘ THÀNH PHỐ HÀ NỘI: top left
    issuer: str  # BAN TỔ CHỨC THÀNH ỦY: under it, bold, then "*"
    place_date: str  # Hà Nội, ngày 20 tháng 12 năm 2023: under the party's name, italic
    form_number: str  # an annex sheet's number, {n} its order
    report_number: str
    preparer: str
    preparer_name: str
    signer: tuple[str, ...]
    signer_name: str
    recipients: tuple[str, ...]
    recipients_label: str
    report_kind: str  # BÁO CÁO
    report_subject: str  # số liệu công tác tổ chức xây dựng Đảng năm 2023
    form_title: str  # BIỂU TỔNG HỢP
    note: str  # Ghi chú


@cache
def _words() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("document.toml").read_text("utf-8")
    return tomllib.loads(text)


# The place-and-date line names a city called after a person in full (36-HD/VPTW).
_PLACES_IN_FULL = frozenset({"Hồ Chí Minh"})


def province_of(registry: str) -> tuple[str, str, str] | None:
    """(name, "city" or "province", place) of a built-in registry's province, from the
    registries' index ("Thành phố Hà Nội" for hanoi-2024 and ha-noi-2025, and for
    "hanoi-2024+my-units", one extended by a user's file); None for a user's own."""
    info = registry_info(registry.split("+")[0])
    if info is None:
        return None
    city = fold(info.province).startswith("thanh pho")
    name = re.sub(r"^(?:thành phố|tỉnh)\s+", "", info.province, flags=re.I)
    return name, "city" if city else "province", info.province if name in _PLACES_IN_FULL else name


def heading(report: Report, settings: DocumentSettings, lang: str) -> Heading:
    words = _words()[lang]
    province = province_of(report.registry)
    if province is None:
        unknown = words["unknown_province"]
        values = {
            "name": unknown,
            "NAME": unknown,
            "kind": "",
            "KIND": "",
            "committee": unknown,
            "COMMITTEE": unknown,
        }
        place = unknown
    else:
        name, kind, place = province
        kind_word, committee = words[kind]
        values = {
            "name": name,
            "NAME": name.upper(),
            "kind": kind_word,
            "KIND": kind_word.upper(),
            "committee": committee,
            "COMMITTEE": committee.upper(),
        }
    place = settings.place or place
    period = report.period.label(lang) if report.period else ""

    def fill(text: str) -> str:  # an unknown province's empty kind leaves no double space
        return " ".join(text.format(**values, period=period).split())

    return Heading(
        party=words["party"],
        parent=settings.parent or fill(words["parent"]),
        issuer=settings.issuer or fill(words["issuer"]),
        place_date=_place_date(settings, place, lang),
        form_number=settings.form_number or words["form_number"],
        report_number=settings.report_number or words["report_number"],
        preparer=settings.preparer or words["preparer"],
        preparer_name=settings.preparer_name,
        signer=settings.signer or tuple(words["signer"]),
        signer_name=settings.signer_name,
        recipients=settings.recipients or tuple(fill(r) for r in words["recipients"]),
        recipients_label=words["recipients_label"],
        report_kind=words["report_kind"],
        report_subject=fill(words["report_subject"]).rstrip(", "),  # no period: no ", "
        form_title=words["form_title"],
        note=words["note"],
    )


def _place_date(settings: DocumentSettings, place: str, lang: str) -> str:
    words = _words()[lang]
    date = settings.date
    if date is None:
        return str(words["undated"].format(place=place))
    from babel.dates import format_date

    # 36-HD/VPTW: a day below 10 and the months 1 and 2 written with a leading zero
    return str(
        words["dated"].format(
            place=place,
            day=f"{date.day:02d}" if lang == "vi" else str(date.day),
            month=f"{date.month:02d}" if date.month < 3 else str(date.month),
            month_name=format_date(date, "MMMM", locale="en"),
            year=date.year,
        )
    )


def notes(report: Report, lang: str) -> list[str]:
    """What the figures lack or doubt, one sentence each, for a "Ghi chú" under the tables:
    units of the registry that sent nothing, then findings of error severity by code."""
    missing = [f.unit or "?" for f in report.findings if f.code == "missing-unit"]
    errors: dict[str, int] = {}
    for finding in report.findings:
        if finding.severity is Severity.ERROR and finding.code != "missing-unit":
            errors[finding.code] = errors.get(finding.code, 0) + 1
    lines: list[str] = []
    if missing:
        count = format_count(len(missing), lang)
        names = ", ".join(missing)
        lines.append(
            f"{count} units sent no report ({names}): the totals leave them out."
            if lang == "en"
            else f"Thiếu báo cáo của {count} đơn vị ({names}): các số tổng chưa gồm các đơn vị này."
        )
    if errors:
        count = format_count(sum(errors.values()), lang)
        codes = ", ".join(f"{code}: {format_count(n, lang)}" for code, n in sorted(errors.items()))
        lines.append(
            f"The data has {count} errors ({codes}); see ctr-stats check."
            if lang == "en"
            else f"Số liệu có {count} lỗi ({codes}); xem ctr-stats check."
        )
    return lines
