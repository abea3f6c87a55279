"""Input text made safe to show: what a cell, a sheet name, a file name or a unit name says
reaches a terminal, a log or a CI page only through these functions.

A workbook's text is the sender's, not ours: an ESC sequence in a cell would clear the
clerk's screen, set the window title or plant a hyperlink (OSC 8); a right-to-left override
makes "gpj.xlsx" read as "xlsx.jpg"; a carriage return writes a line over the one before.
So every control character (C0, DEL, C1), every bidirectional control and what XML forbids
besides is shown as an escape (`\\x1b`, `\\u202e`), never emitted raw. The core keeps text as
it found it; the renderers and cli.py call these where text leaves the program:

- `visible(text)`: for a message or a field of text shown as it is (stderr, tables, CSV);
  `keep` names the whitespace a whole document uses itself ("\\n" for a text report);
- `markup(text)`: `visible` and escaped for rich markup (a cell saying "[link=…]" would
  otherwise make one);
- `html(text)`: `visible` and escaped for Markdown and HTML;
- `json_controls(text)`: a JSON document with the same characters written as JSON escapes
  (`\\u001b`), so the data read back is unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

# DEL and C1; bidi marks, embeddings, overrides and isolates (U+061C, U+200E-F, U+202A-E,
# U+2066-9); line and paragraph separators (U+2028-9); lone surrogates (a file name whose
# bytes are not UTF-8 arrives as U+DC80-U+DCFF) and U+FFFE, U+FFFF, which XML forbids.
_NOT_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"


@lru_cache(maxsize=16)
def _unsafe(keep: str) -> re.Pattern[str]:
    c0 = "".join(f"\\x{code:02x}" for code in range(0x20) if chr(code) not in keep)
    return re.compile(f"[{c0}{_NOT_C0}]")


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _shown(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """`text` with every control, bidi and XML-forbidden character shown as an escape
    (ESC as `\\x1b`, U+202E as `\\u202e`); `keep`: characters left as they are ("\\n")."""
    pattern = _unsafe(keep)
    if pattern.search(text) is None:  # nearly always: no copy
        return text
    return pattern.sub(_shown, text)


def markup(text: str) -> str:
    """`visible(text)` to put inside rich markup: "[bold]" in a cell stays text."""
    from rich.markup import escape

    return escape(visible(text))


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def html(text: str) -> str:
    """`visible(text)` for Markdown or HTML text (not an attribute's value): `<script>`
    in a unit's name stays text."""
    return visible(text).translate(_HTML)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_controls(document: str) -> str:
    """A JSON document with raw control, bidi and XML-forbidden characters written as
    escapes: json.dumps(ensure_ascii=False) escapes C0 but writes C1, DEL and U+202E raw.
    Such characters stand only inside strings, where an escape means the same character."""
    pattern = _unsafe("\n")  # the document's own line breaks; a string's are escaped
    if pattern.search(document) is None:
        return document
    return pattern.sub(_json_escape, document)
