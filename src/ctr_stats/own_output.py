"""The tool's own outputs, marked by their content and recognised by it, whatever they are
named: a report written into the folder it was computed from is never read back as a unit's
report on the next run, and may be written over again.

- Excel and Word files (.xlsx, .docx): the document's creator is "ctr-stats", and (Excel) a
  custom document property "ctr-stats" names the command that wrote it. Both survive the
  file being opened and saved again in Excel or LibreOffice, as .xlsx, .ods or .xls.
- Text (sentences, Markdown, CSV, TSV, a table written to a file): the first line starts
  with "ctr-stats compute" (in Markdown inside an HTML comment, which does not show).
- JSON: its first key, "schema": "ctr-stats/…".

Every writer of a file calls one of the `mark_*` functions or starts with `first_line`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Report

TOOL = "ctr-stats"
PROPERTY = "ctr-stats"  # the custom document property of an .xlsx the tool wrote
_PROPERTY_CAP = 1 << 20  # document property parts are a few hundred bytes
_HEAD_BYTES = 4096  # enough for any first line the tool writes

# A first line the tool wrote, as it is, or as a spreadsheet saved it again (quotes gone or
# doubled, separators after it): "ctr-stats compute: năm 2023, …"
_TEXT_MARK = re.compile(r'\A\s*(?:<!--\s*|"+|#\s*)?ctr-stats (?:compute|check|verify)\b')
_JSON_MARK = re.compile(r'\A\s*\{\s*"schema"\s*:\s*"ctr-stats/')
# <dc:creator>ctr-stats</dc:creator>, in any prefix, with or without its own xmlns (openpyxl)
_CREATOR = re.compile(rb"<(?:[\w.-]+:)?creator(?:\s[^>]*)?>\s*ctr-stats\s*</(?:[\w.-]+:)?creator>")
_CUSTOM = re.compile(rb"""name\s*=\s*["']ctr-stats["']""")


def first_line(report: Report, lang: str, command: str = "compute", *, digits: bool = True) -> str:
    """'ctr-stats compute: năm 2023, danh mục hanoi-2024': what a text output starts with.
    Without `digits`, only 'ctr-stats compute': sentences to paste into a report, whose
    every number `verify` checks."""
    if not digits:
        return f"{TOOL} {command}"
    period = report.period.label(lang) if report.period else None
    registry = ("danh mục " if lang == "vi" else "registry ") + report.registry
    return f"{TOOL} {command}: " + ", ".join(p for p in (period, registry) if p)


def mark_workbook(workbook: Any, title: str, command: str = "compute") -> None:
    """An xlsxwriter workbook's document properties, which mark it as the tool's."""
    from . import __version__

    workbook.set_properties({"author": TOOL, "title": title})  # dc:creator
    workbook.set_custom_property(PROPERTY, f"{command} {__version__}")


def mark_document(document: Any, title: str, command: str = "compute") -> None:
    """A python-docx document's core properties, which mark it as the tool's."""
    from . import __version__

    properties = document.core_properties
    properties.author = TOOL
    properties.title = title
    properties.comments = f"{TOOL} {command} {__version__}"


def text_is_own(head: str) -> bool:
    """Whether text (its first few thousand characters will do) is one the tool wrote."""
    head = head.lstrip("\ufeff")
    return bool(_TEXT_MARK.match(head) or _JSON_MARK.match(head))


def head_text(data: bytes) -> str:
    """The first characters of a text file's bytes, whatever its encoding (UTF-8 or UTF-16
    as the tool and Excel write them; anything else as far as it reads)."""
    head = data[:_HEAD_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def package_is_own(
    archive: zipfile.ZipFile, read: Callable[[zipfile.ZipInfo], bytes | None] | None = None
) -> bool:
    """Whether an Office package (.xlsx, .docx) is one the tool wrote: its document
    properties, read with a cap on their size and searched as bytes (never parsed).
    `read`: a part's bytes as `archive.open` gives them, or None to leave it to that."""
    for name, mark in (("docProps/custom.xml", _CUSTOM), ("docProps/core.xml", _CREATOR)):
        try:
            info = archive.getinfo(name)
        except KeyError:
            continue
        if info.file_size > _PROPERTY_CAP:
            continue
        try:
            data = read(info) if read is not None else None
            if data is None:
                with archive.open(info) as handle:
                    data = handle.read(_PROPERTY_CAP)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            continue
        if mark.search(data):
            return True
    return False


# the same marks as LibreOffice keeps them in an .ods (meta.xml) it saved the tool's .xlsx as
_ODS_MARK = re.compile(
    rb"""<meta:user-defined\s[^>]*name\s*=\s*["']ctr-stats["']"""
    rb"|<meta:initial-creator>\s*ctr-stats\s*</meta:initial-creator>"
)
# and in an .xls: the custom property's name, or the author, in the property set streams
_OLE_PROPERTIES = ("\x05DocumentSummaryInformation", "\x05SummaryInformation")
_OLE_MARK = re.compile(re.escape(TOOL.encode()) + rb"\x00|" + re.escape(TOOL.encode("utf-16-le")))


def ods_is_own(meta: bytes) -> bool:
    """Whether an .ods's meta.xml marks it as the tool's (its annex saved again as .ods)."""
    return bool(_ODS_MARK.search(meta[:_PROPERTY_CAP]))


def xls_is_own(data: bytes) -> bool:
    """Whether an .xls is the tool's annex saved again as .xls: its property sets name the
    tool (the custom property, or the author). False when they cannot be read."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            for name in _OLE_PROPERTIES:
                if (
                    ole.exists(name)
                    and ole.get_size(name) <= _PROPERTY_CAP
                    and _OLE_MARK.search(ole.openstream(name).read())
                ):
                    return True
    except Exception:  # a damaged container: the reader says so
        return False
    return False


def file_is_own(path: Path) -> bool:
    """Whether the file at `path` is one the tool wrote (False if it cannot be read)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
        if head.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(path) as archive:
                return package_is_own(archive)
        return text_is_own(head_text(head))
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return False


# The tool writes its packages as last modified by itself, at the moment it created them;
# Excel, LibreOffice and Word, saving one again, put their user there and the time of the save.
_LAST_MODIFIED_BY = re.compile(rb"<(?:[\w.-]+:)?lastModifiedBy(?:\s[^>]*)?>([^<]*)<")
_CREATED = re.compile(rb"<(?:[\w.-]+:)?created(?:\s[^>]*)?>([^<]*)<")
_MODIFIED = re.compile(rb"<(?:[\w.-]+:)?modified(?:\s[^>]*)?>([^<]*)<")


def edited_by(path: Path) -> str | None:
    """For a file `file_is_own` found the tool's, an .xlsx or .docx someone saved again
    since (edited in Excel, LibreOffice or Word): who, as the file says ("" when it does
    not); None otherwise (not saved again, not a package, or not readable). Such a file
    holds the user's work: never written over."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return None
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > _PROPERTY_CAP:
                return ""
            with archive.open(info) as handle:
                core = handle.read(_PROPERTY_CAP)
    except KeyError:  # no core properties: not as the tool writes them
        return ""
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError):
        return None
    by = _LAST_MODIFIED_BY.search(core)
    created, modified = _CREATED.search(core), _MODIFIED.search(core)
    who = by.group(1).decode("utf-8", "replace").strip() if by else ""
    same_time = created is not None and modified is not None and created[1] == modified[1]
    return None if who == TOOL and same_time else who
