"""A sheet's merged areas moved before its rows, for python-calamine.

python-calamine reads a sheet's XML twice: once for its cells, then from the top again
for the <mergeCells> element, which Excel writes after the rows. Put before <sheetData>,
that second read stops there instead of going through every cell: a third of the time
python-calamine takes on a form (0.47 -> 0.33 ms a workbook of three sheets). The cells
reader passes over any element before <sheetData>, so the cells and the merged areas it
gives are the same; tests/test_sheet_order.py checks so on every workbook under tests/ and
data/. A sheet with no merged area gets an empty <mergeCells> there, or that second read
would look for one to the end.

Only a plainly written sheet is reordered: one <mergeCells> element with its end tag,
after the whole of <sheetData>, the word "mergeCells" nowhere else (a cell's text), and no
comment, CDATA section or processing instruction that could hold what looks like a tag.
Anything else is left as it is, and costs only the second read.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(rb"<(?:[\w.-]+:)?\Z")  # "<" or "<x:" just before a tag's name
_END_PREFIX = re.compile(rb"</(?:[\w.-]+:)?\Z")
_END = re.compile(rb"\s*>")


def merges_first(xml: bytes) -> bytes | None:
    """The sheet's XML with its <mergeCells> element moved just before <sheetData> (an
    empty one put there if it has none); None when it is not written plainly enough to do
    so safely."""
    name_at = xml.find(b"sheetData")
    data_at = _tag_start(xml, name_at, _PREFIX)
    if (
        data_at is None
        or _markup(xml, b"!", 0)  # a comment or CDATA
        or _markup(xml, b"?", 1)  # a processing instruction after the XML declaration
    ):
        return None
    whole = memoryview(xml)  # the pieces joined in one copy
    first = xml.find(b"mergeCells")
    if first < 0:  # none: an empty one, with the sheet's namespace prefix
        prefix = xml[data_at + 1 : name_at]
        empty = b"<%smergeCells></%smergeCells>" % (prefix, prefix)
        return b"".join((whole[:data_at], empty, whole[data_at:]))
    # the word twice, the end tag the last: a search from each end (it stands near the end)
    second = xml.find(b"mergeCells", first + 1)
    if second < 0 or xml.rfind(b"mergeCells") != second:
        return None
    start = _tag_start(xml, first, _PREFIX)
    if (
        start is None
        or _tag_start(xml, second, _END_PREFIX) is None
        or xml[first + 10 : first + 11] not in _AFTER_NAME  # <mergeCellsX> is another element
        or not xml.rfind(b"sheetData") < start  # the rows end before the merged areas begin
    ):
        return None
    closed = _END.match(xml, second + len(b"mergeCells"))
    if closed is None:
        return None
    end = closed.end()
    return b"".join((whole[:data_at], whole[start:end], whole[data_at:start], whole[end:]))


_AFTER_NAME = (b" ", b">", b"\t", b"\n", b"\r")


def _markup(xml: bytes, mark: bytes, start: int) -> bool:
    """Whether "<" and `mark` stand together anywhere from `start` on. The mark ("!", "?")
    is rare in a sheet and looked for alone, in C: searching for "<!" compares at every
    "<" (10 µs a sheet against 0.3)."""
    at = xml.find(mark, start)
    while at >= 0:
        if xml[at - 1 : at] == b"<" and at > start:
            return True
        at = xml.find(mark, at + 1)
    return False


def _tag_start(xml: bytes, name_at: int, prefix: re.Pattern[bytes]) -> int | None:
    """Where the tag whose name stands at `name_at` begins ("<", "</", with a namespace
    prefix or not); None if the name is no tag's."""
    if name_at < 0:
        return None
    lt = xml.rfind(b"<", 0, name_at)
    if lt < 0 or not prefix.match(xml, lt, name_at):
        return None
    return lt
