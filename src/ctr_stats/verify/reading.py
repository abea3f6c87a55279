"""A draft report as blocks of prose and table rows, each character placed on its line and
column. What is no prose is blanked with spaces (so columns stay true): Markdown comments,
code, link targets, images, HTML tags, list and heading markers, a paragraph's typed
numbering ("1.", "a)", "II."). A table is a table only where its rows line up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError


@dataclass
class Block:
    kind: str  # "paragraph" or "row"
    text: str
    line: int  # the line (.txt/.md) or paragraph number (.docx) it starts on
    paragraph: int | None = None  # .docx: the paragraph's number
    cells: list[str] = field(default_factory=list)  # a table row's cells
    table: int = -1  # rows of one table share this number
    # (offset in text, line, column of that offset) where each of the block's lines starts
    starts: list[tuple[int, int, int]] = field(default_factory=list)

    def place(self, offset: int) -> tuple[int, int]:
        """The (line, 1-based column) of a character of `text`."""
        line, column, base = self.line, 1, 0
        for start, at_line, at_column in self.starts:
            if start <= offset:
                base, line, column = start, at_line, at_column
        return line, column + offset - base


def read_report(path: Path) -> list[Block]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix not in (".txt", ".md", ".markdown", ""):
        raise UsageError(
            f"không đọc được báo cáo '{suffix}': dùng .txt, .md hoặc .docx",
            f"cannot read a '{suffix}' report: use .txt, .md or .docx",
            file=str(path),
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"không đọc được báo cáo: {exc}", f"cannot read the report: {exc}", file=str(path)
        ) from exc
    return read_text(text, markdown=suffix in (".md", ".markdown"))


# ---------------------------------------------------------------- plain text and Markdown

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.S | re.M)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_LINK_REF = re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]")
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
_CODE_SPAN = re.compile(r"(`+)[^`\n]*?\1")
_URL = re.compile(r"<?\b(?:https?|ftp)://[^\s<>)\]]+>?|\bwww\.[^\s<>)\]]+")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_MARKER = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+•][ \t]+|\d{1,3}[.)][ \t]+)")
# A paragraph's own numbering, in any format: "1.", "1.2.", "a)", "II.", "(1)".
_NUMBERING = re.compile(
    r"^[ \t]*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđA-ZĐ]\)|[IVXLC]{1,5}[.)]|\(\d{1,3}\))[ \t]+"
)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_FIGURE_ALONE = re.compile(r"^[ \t]*[-+−]?\d[\d.,]*[ \t]*%?[ \t]*$")
_SENTENCE_END = re.compile(r"(?:[.!?…:;]|\./\.)[\"”’)\]]*[ \t]*$")


def _blank(text: str, pattern: re.Pattern[str], keep_group: int | None = None) -> str:
    """Replace what `pattern` matches by spaces (newlines kept), or by its group
    `keep_group` with the rest blanked."""

    def repl(match: re.Match[str]) -> str:
        whole = match.group()
        if keep_group is None:
            return re.sub(r"[^\n]", " ", whole)
        inner_start = match.start(keep_group) - match.start()
        inner = match.group(keep_group)
        return " " * inner_start + inner + re.sub(r"[^\n]", " ", whole[inner_start + len(inner) :])

    return pattern.sub(repl, text)


def _prose(text: str, markdown: bool) -> str:
    if markdown:
        for pattern in (_COMMENT, _FENCE, _IMAGE, _LINK_DEFINITION):
            text = _blank(text, pattern)
        text = _blank(text, _LINK, 1)
        text = _blank(text, _LINK_REF, 1)
        text = _blank(text, _CODE_SPAN)
        text = _blank(text, _URL)
        text = _blank(text, _TAG)
    else:
        text = _blank(text, _URL)
    return text


def read_text(text: str, markdown: bool = False) -> list[Block]:
    lines = _prose(text.replace("\r\n", "\n").replace("\r", "\n"), markdown).split("\n")
    blocks: list[Block] = []
    table = 0
    i = 0
    while i < len(lines):
        rows = _table_at(lines, i)
        if rows:
            for n in range(i, i + rows):
                cells = _cells(lines[n])
                if not all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in cells if c.strip()):
                    blocks.append(Block("row", " | ".join(cells), n + 1, cells=cells, table=table))
            table += 1
            i += rows
            continue
        line = lines[i]
        if not line.strip() or (markdown and _RULE.match(line)):
            i += 1
            continue
        start = i
        block_lines = [line]
        i += 1
        # a figure alone on its line is a table's cell, its table flattened a cell a line
        # (Writer's "Save as Text"): never one line of a paragraph with the lines around it
        while (
            i < len(lines)
            and lines[i].strip()
            and not _table_at(lines, i)
            and not _FIGURE_ALONE.match(lines[i])
            and not _FIGURE_ALONE.match(block_lines[-1])
        ):
            if markdown:
                # a list item, a heading or a quote starts a block; a heading is one alone
                if _MARKER.match(lines[i]) or re.match(r"^[ \t]*#{1,6}[ \t]", block_lines[0]):
                    break
            elif _SENTENCE_END.search(block_lines[-1]):
                break  # plain text: a line that ends a sentence ends its paragraph
            block_lines.append(lines[i])
            i += 1
        blocks.append(_paragraph(block_lines, start + 1, markdown))
    return blocks


def _paragraph(lines: list[str], first_line: int, markdown: bool) -> Block:
    texts: list[str] = []
    starts: list[tuple[int, int, int]] = []
    offset = 0
    for n, line in enumerate(lines):
        if markdown:
            line = _blank(line, _MARKER)
        if n == 0:
            line = _blank(line, _NUMBERING)
        starts.append((offset, first_line + n, 1))
        texts.append(line)
        offset += len(line) + 1
    return Block("paragraph", "\n".join(texts), first_line, starts=starts)


def _cells(line: str) -> list[str]:
    if "|" in line:
        body = line.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") else body
        return [c.strip() for c in body.split("|")]
    return [c.strip() for c in line.split("\t")]


def _table_at(lines: list[str], i: int) -> int:
    """How many lines from `i` make a table whose rows line up (0: none): at least two
    lines with '|' (or tabs) and the same number of cells, one of them a header rule or all
    of them framed by '|'."""

    def shape(line: str) -> int:
        if ("|" in line and line.count("|") >= 2) or line.strip().startswith("|"):
            return len(_cells(line))
        if line.count("\t") >= 2:
            return -len(_cells(line))
        return 0

    width = shape(lines[i]) if i < len(lines) else 0
    if abs(width) < 2:
        return 0
    n = i
    while n < len(lines) and shape(lines[n]) == width:
        n += 1
    rows = lines[i:n]
    if len(rows) < 2:
        return 0
    ruled = any(re.fullmatch(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*", r) for r in rows)
    framed = all(r.strip().startswith("|") and r.strip().endswith("|") for r in rows)
    return n - i if ruled or framed or width < 0 else 0


# ---------------------------------------------------------------- Word


def _read_docx(path: Path) -> list[Block]:
    """A Word report as it reads with every tracked change accepted (inserted text read,
    deleted text not, a deleted paragraph mark joining its paragraph to the next), with the
    text of content controls (w:sdt) read where they stand."""
    from ..read.safety import read_parts

    read_parts(path)  # the zip's limits, CRCs, and no DOCTYPE/ENTITY, before python-docx parses it
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged file
        raise InputError(
            f"không mở được tệp .docx: {exc}", f"cannot open the .docx file: {exc}", file=str(path)
        ) from exc
    blocks: list[Block] = []
    number = 0
    carried = ""  # a paragraph whose mark is deleted runs on into the next
    for table, (kind, element) in enumerate(_body_content(document.element.body)):
        if kind == "p":
            number += 1
            text = carried + _accepted_text(element)
            if _mark_deleted(element):
                carried = text
                continue
            carried = ""
            if text.strip():
                text = _blank(text, _NUMBERING)
                blocks.append(
                    Block("paragraph", text, number, paragraph=number, starts=[(0, number, 1)])
                )
        else:
            for cells in _table_rows(element):
                number += 1
                blocks.append(
                    Block("row", " | ".join(cells), number, number, cells=cells, table=table)
                )
    if carried.strip():
        text = _blank(carried, _NUMBERING)
        blocks.append(Block("paragraph", text, number, paragraph=number, starts=[(0, number, 1)]))
    return blocks


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Never read: what accepting the changes removes, field codes, properties, and drawings
# and embedded objects (python-docx reads none of their text either).
_NOT_READ = {
    f"{_W}{name}"
    for name in [
        "del",
        "delText",
        "moveFrom",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "tblPr",
        "trPr",
        "tcPr",
        "drawing",
        "pict",
        "object",
    ]
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
# Wrappers whose content stands where they do.
_WRAPPERS = {f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}


def _accepted_text(element: Any) -> str:
    """The text of a paragraph (or a run's container) with its changes accepted."""
    out: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_READ:
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _mark_deleted(paragraph: Any) -> bool:
    """Whether the paragraph's mark is a tracked deletion: accepted, it joins the next."""
    return paragraph.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None


def _body_content(parent: Any) -> Iterator[tuple[str, Any]]:
    """The paragraphs and tables of a body (or a cell), in order, those inside content
    controls and inserted blocks included, deleted blocks left out."""
    for child in parent:
        if child.tag == f"{_W}p":
            yield "p", child
        elif child.tag == f"{_W}tbl":
            yield "tbl", child
        elif child.tag in _WRAPPERS:
            yield from _body_content(child)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    for child in parent:
        if child.tag == f"{_W}{tag}":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _table_rows(table: Any) -> Iterator[list[str]]:
    """Each row's cells, a merged cell once per row (a vertical merge's lower cells read as
    its top cell, as python-docx reads them), a deleted row left out."""
    above: dict[int, str] = {}  # grid column -> the text of the cell a vertical merge starts
    for row in _children(table, "tr"):
        if row.find(f"{_W}trPr/{_W}del") is not None:
            continue
        cells: list[str] = []
        column = 0
        for cell in _children(row, "tc"):
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            width = int(span.get(f"{_W}val", "1")) if span is not None else 1
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            text = "\n".join(
                _accepted_text(p) for kind, p in _body_content(cell) if kind == "p"
            ).strip()
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                text = above.get(column, text)
            else:
                above[column] = text
            cells.append(text)
            column += width
        yield cells
