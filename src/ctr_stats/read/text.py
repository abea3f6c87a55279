"""Text files (CSV, TSV, Excel's "Unicode text") read as they stream in, in bounded memory.

The bytes are decoded and split into rows a megabyte at a time (io.TextIOWrapper and the
csv module, both in C), never held whole: a 100 MB export is not 100 MB of bytes, then
400 MB of text, then a list of every line. A row keeps only what can matter: cells up to
its last non-empty one (Excel's exports pad every line to the widest, ";;;;;;;"), and blank
rows cost nothing until a row with something in it follows them (a sheet formatted down to
row 1,048,576 exports a million of them). The grid's area, up to its last row with
something in it and across its widest row, is held to --max-cells as the rows come in, as
a workbook's sheet is: a text file too big to be a form is refused once it passes it,
after a few megabytes, not after the whole of it has been read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from .safety import Opened, limit_error

# Bytes decoded to choose the encoding's fallback and the separator: the first lines.
_SNIFF_BYTES = 1 << 16
# One shared empty row for every blank line before the last row with something in it: the
# rows are only read, never changed.
_BLANK: list[str | int] = []


class _Cells(dict[str, "str | int"]):
    """Each distinct cell text once: plain digits (not "007", a code) as the whole number
    they are, as a workbook gives a number cell; anything else ("1.234", " 12 ", "12,5",
    "-5") as text, for the layout to read. A CSV has no types: this is what Excel does
    when it opens one. Looked up in C (`map(cells.__getitem__, row)`): a form's cells
    repeat, so most are found; equal texts then share one string."""

    def __missing__(self, cell: str) -> str | int:
        value: str | int = cell
        if (
            cell.isdigit()
            and cell.isascii()
            and len(cell) <= 15
            and (cell[0] != "0" or cell == "0")
        ):
            value = int(cell)
        if len(self) < 100_000:  # a text of unique notes need not be remembered
            self[cell] = value
        return value


def encoding_of(head: bytes) -> str:
    """Excel on a Vietnamese Windows saves UTF-8 (with or without BOM), UTF-16 ("Unicode
    text", with its BOM) or Windows-1258; cp1258 is what UTF-8 cannot decode."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8-sig"


def decode_text(data: bytes) -> str:
    """A whole text, decoded as `read_text` decodes a file (for small texts at hand)."""
    try:
        return data.decode(encoding_of(data[:2]))
    except UnicodeDecodeError:
        return data.decode("cp1258")


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most, and most even, columns.

    A comma inside quotes or in "12,5" must not win over the ";" Excel writes on a
    Vietnamese Windows, so lines are split by the csv module, not counted by hand.
    """
    lines = text.splitlines()[:30]
    best, best_score = ",", (-1, -1)
    for candidate in ("\t", ";", ","):
        widths = [len(r) for r in csv.reader(lines, delimiter=candidate) if any(r)]
        if not widths:
            continue
        commonest = max(set(widths), key=widths.count)
        score = (widths.count(commonest) if commonest > 1 else 0, commonest)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_text(path: Path, opened: Opened, limits: Limits = DEFAULT_LIMITS) -> list[list[str | int]]:
    """The rows of an open text file, as the csv module splits them (trailing empty
    cells left out, plain digits as numbers). Raises InputError: undecodable, malformed,
    or over --max-cells."""
    head = opened.head(_SNIFF_BYTES)
    encoding = encoding_of(head)
    for attempt in (encoding, "cp1258"):
        try:
            start = codecs.getincrementaldecoder(attempt)().decode(head, final=False)
            delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(start)
            return _rows(path, opened, attempt, delimiter, limits)
        except UnicodeDecodeError as exc:
            if attempt == "cp1258" or encoding == "utf-16":
                raise InputError(
                    f"không đọc được tệp văn bản: {exc}",
                    f"cannot read the text file: {exc}",
                    file=str(path),
                ) from exc
            opened.rewind()  # from the start again, as Windows-1258
    raise AssertionError("unreachable")


def _rows(
    path: Path, opened: Opened, encoding: str, delimiter: str, limits: Limits
) -> list[list[str | int]]:
    stream = io.TextIOWrapper(opened.reader(), encoding=encoding, newline="")
    lines = _Lines(stream, delimiter)
    reader = csv.reader(lines, delimiter=delimiter)
    rows: list[list[str | int]] = []
    cell_of = _Cells().__getitem__
    blank = width = 0
    try:
        for row in reader:
            lines.row_end = reader.line_num
            if lines.skipped:  # blank lines passed over before this row
                blank += lines.skipped
                lines.skipped = 0
            if not row or not row[-1]:
                if not any(row):  # (in C: most blank lines are ";;;;;;;")
                    blank += 1
                    continue
                while not row[-1]:
                    row.pop()
            if blank:
                rows.extend([_BLANK] * blank)
                blank = 0
            rows.append(list(map(cell_of, row)))
            if len(row) > width:
                width = len(row)
            if len(rows) * width > limits.max_cells:
                raise limit_error(
                    path,
                    f"tệp văn bản có hơn {len(rows)} dòng × {width} cột",
                    f"the text file has over {len(rows)} rows × {width} columns",
                    "--max-cells",
                )
    except csv.Error as exc:  # a field past the csv module's limit, a NUL
        line = reader.line_num + lines.skipped_in_all
        raise InputError(
            f"tệp văn bản hỏng ở dòng {line}: {exc}",
            f"the text file is malformed at line {line}: {exc}",
            file=str(path),
        ) from exc
    finally:
        stream.detach()  # the file is the caller's to close
    return rows


_BLOCK = 1 << 20  # characters decoded at a time


class _Lines:
    """The text's lines for the csv reader, a block at a time. A block of nothing but
    separators and line breaks that comes between two rows (not inside a quoted cell) is
    counted, not parsed: a million ";;;;;;;" lines cost a count, not a million rows."""

    def __init__(self, stream: io.TextIOWrapper, delimiter: str) -> None:
        self._stream = stream
        self._blank = re.compile(f"[{re.escape(delimiter)}\r\n]*")
        self.handed = 0  # lines handed to the reader (all taken by it when a block is read)
        self.row_end = 0  # lines the reader had taken when it gave its last row
        self.skipped = 0  # blank lines passed over since the last row
        self.skipped_in_all = 0

    def __iter__(self) -> Iterator[str]:
        carry = ""
        while block := self._stream.read(_BLOCK):
            block = carry + block
            # whole lines only: cut after the last "\n" (never inside "\r\n"), or after a
            # lone "\r" that is not the last character (old Mac line ends)
            cut = block.rfind("\n") + 1 or block.rfind("\r", 0, len(block) - 1) + 1
            if not cut:
                carry = block
                continue
            block, carry = block[:cut], block[cut:]
            if self.row_end == self.handed and self._blank.fullmatch(block):
                count = block.count("\n") + block.count("\r") - block.count("\r\n")
                self.skipped += count
                self.skipped_in_all += count
                continue
            yield from self._hand(block)
        if carry:
            yield from self._hand(carry)

    def _hand(self, block: str) -> list[str]:
        lines = io.StringIO(block, newline="").readlines()  # split as the csv module would
        self.handed += len(lines)
        return lines
