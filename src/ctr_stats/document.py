"""`[document]` of ctr-stats.toml: who issues the annex and the Word report, where, when,
and who signs them (the party's document form, Hướng dẫn 36-HD/VPTW). A key left out
takes its default from the registry's province when the document is written."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class DocumentSettings:
    parent: str | None = None  # cấp trên trực tiếp: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
    issuer: str | None = None  # cơ quan ban hành: "BAN TỔ CHỨC THÀNH ỦY"
    place: str | None = None  # địa danh: "Hà Nội"
    date: datetime.date | None = None  # None: "ngày ... tháng ... năm ...", filled in when signed
    form_number: str | None = None  # each annex sheet's number, {n} its order: "Biểu số {n}"
    report_number: str | None = None  # the Word report's: "Số      -BC/BTCTU"
    preparer: str | None = None  # "NGƯỜI LẬP BIỂU"
    preparer_name: str = ""
    signer: tuple[str, ...] | None = None  # lines above the signature: "K/T TRƯỞNG BAN", …
    signer_name: str = ""
    recipients: tuple[str, ...] | None = None  # "Nơi nhận" of the Word report


_TEXT_KEYS = (
    "parent",
    "issuer",
    "place",
    "form_number",
    "report_number",
    "preparer",
    "preparer_name",
    "signer_name",
)


def parse_document(table: dict[str, Any], path: Path) -> DocumentSettings:
    """The [document] table, checked: text where text is expected, a date or "today"."""

    def bad(key: str, vi: str, en: str) -> UsageError:
        return UsageError(f"[document] {key}: {vi}", f"[document] {key}: {en}", file=str(path))

    if not isinstance(table, dict):
        raise bad("", "phải là một bảng [document]", "must be a [document] table")
    unknown = set(table) - {*_TEXT_KEYS, "date", "signer", "recipients"}
    if unknown:
        names = ", ".join(sorted(unknown))
        raise bad(names, "khóa không hợp lệ", "unknown key")
    values: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        if key in table:
            if not isinstance(table[key], str):
                raise bad(key, "phải là chuỗi ký tự", "must be text")
            values[key] = table[key].strip()
    for key in ("signer", "recipients"):  # one line, or a list of lines
        if key in table:
            lines = [table[key]] if isinstance(table[key], str) else table[key]
            if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
                raise bad(
                    key, "phải là chuỗi hoặc danh sách chuỗi", "must be text or a list of text"
                )
            values[key] = tuple(x.strip() for x in lines)
    date = table.get("date")
    if date == "today":
        values["date"] = datetime.date.today()
    elif isinstance(date, datetime.date) and not isinstance(date, datetime.datetime):
        values["date"] = date
    elif date is not None:
        raise bad(
            "date",
            'phải là ngày (date = 2023-12-20) hoặc "today"',
            'must be a date (date = 2023-12-20) or "today"',
        )
    return DocumentSettings(**values)
