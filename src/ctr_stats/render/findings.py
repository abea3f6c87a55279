"""Findings as text for people, at any count: repeated findings folded into one line, the
text built in blocks and written once a block (a rich call per finding took 0.14 ms: 14 s
for a national roll-up's 100,000).

Folded (unless `every`, the `--all` option): the same code on many cells of one sheet (and
of one indicator) is one line, the first finding whole and then "(và 117 ô khác: C12, C13 …)";
findings left alone on their sheet that say the same thing in many places (a hidden sheet in
many files, the same Excel error value) are one line the same way, naming the places; and the
same code said of many units and no file (missing-unit) one line naming the units. A line
always shows its severity and code; the counts a caller prints are the findings'.

Colours only on a terminal, as rich decides it (NO_COLOR, TERM=dumb, a pipe: none); every
piece of input text goes through `visible`, so a cell can make no escape sequence, and
nothing is read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..safe_text import markup, visible
from .numbers import format_count

if TYPE_CHECKING:
    from rich.console import Console

FOLD_FROM = 4  # findings of one kind on one sheet: fewer are shown one by one
SHOWN_CELLS = 5  # cells named in a folded line (a sheet's)
SHOWN_PLACES = 3  # places named in a folded line (file!sheet!cell: longer)
BLOCK = 2000  # lines a write

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow"}

# A finding's severity as text for people: the words of check's counts line ("3 lỗi, 1 cảnh
# báo"); the identifiers (error, warning) stay in the machine formats and ctr-stats.toml.
SEVERITY_WORDS = {
    "vi": {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.NOTE: "ghi chú"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"},
}


def severity_word(severity: Severity, lang: str) -> str:
    """'lỗi', 'cảnh báo', 'ghi chú'; 'error', 'warning', 'note' with --lang en."""
    return SEVERITY_WORDS["en" if lang == "en" else "vi"][severity]


def fold(findings: Sequence[Finding], every: bool = False) -> list[list[Finding]]:
    """The findings in their order as lines: each a list of the findings it stands for
    (one, or a folded group, shown where its first finding stands)."""
    if every:
        return [[f] for f in findings]
    on_sheet: dict[tuple[object, ...], list[int]] = {}
    for i, f in enumerate(findings):
        if f.cell is not None and f.file is not None:
            on_sheet.setdefault((f.severity, f.code, f.file, f.sheet, f.indicator), []).append(i)
    group_of: list[list[int] | None] = [None] * len(findings)
    for members in on_sheet.values():
        if len(members) >= FOLD_FROM:
            for i in members:
                group_of[i] = members
    alike: dict[tuple[object, ...], list[int]] = {}
    for i, f in enumerate(findings):
        if group_of[i] is None:
            alike.setdefault((f.severity, f.code, f.message_vi, f.message_en), []).append(i)
    for members in alike.values():
        if len(members) >= FOLD_FROM:
            for i in members:
                group_of[i] = members
    # one thing said of many units, of no file ("Quận Tây Hồ (003) không có báo cáo"): a
    # ward's clerk checking one workbook is not to look for its findings among 125 of them
    of_units: dict[tuple[object, ...], list[int]] = {}
    for i, f in enumerate(findings):
        if group_of[i] is None and f.file is None and f.unit is not None:
            of_units.setdefault((f.severity, f.code), []).append(i)
    for members in of_units.values():
        if len(members) >= FOLD_FROM:
            for i in members:
                group_of[i] = members
    shown = []
    for i, f in enumerate(findings):
        group = group_of[i]
        if group is None:
            shown.append([f])
        elif group[0] == i:
            shown.append([findings[m] for m in group])
    return shown


def lines(findings: Sequence[Finding], lang: str, every: bool, styled: _Prefixes) -> Iterator[str]:
    """Each line of text, its prefix (severity and code) styled or plain."""
    for group in fold(findings, every):
        first = group[0]
        where = first.where()
        text = (f"{where}: " if where else "") + first.message(lang)
        if len(group) > 1:
            text += _rest(group, lang)
        yield styled(first) + visible(text) + "\n"


def _rest(group: list[Finding], lang: str) -> str:
    """' (và 8 ô khác: K11, K12 …; …)': the others of a folded line, counted, the first named
    (cells of one sheet, else places; units, for what is said of units and no file)."""
    first = group[0]
    others = group[1:]
    if first.file is None and all(f.file is None and f.unit is not None for f in others):
        shown, names = SHOWN_CELLS, [str(f.unit) for f in others]
        kind_vi, kind_en, each_vi = "đơn vị khác", "other units", "đơn vị"
    else:
        same_sheet = all(f.file == first.file and f.sheet == first.sheet for f in others)
        shown = SHOWN_CELLS if same_sheet else SHOWN_PLACES
        names = [(f.cell if same_sheet else f.where()) or "?" for f in others[:shown]]
        kind_vi, kind_en = ("ô khác", "other cells") if same_sheet else ("chỗ khác", "other places")
        each_vi = "chỗ"
    listed = ", ".join(names[:shown]) + (" …" if len(others) > shown else "")
    count = format_count(len(others), lang)
    if lang == "en":
        return f" (and {count} {kind_en}: {listed}; every one with --all)"
    return f" (và {count} {kind_vi}: {listed}; xem từng {each_vi} với --all)"


class _Prefixes:
    """'lỗi part-exceeds-whole: ' ('error …' in English), coloured as rich would on this
    console, made once per severity and code; plain where rich would not colour."""

    def __init__(self, console: Console | None, lang: str = "vi") -> None:
        self.console = console if console is not None and _colours(console) else None
        self.lang = lang
        self.made: dict[tuple[Severity, str], str] = {}

    def __call__(self, finding: Finding) -> str:
        key = (finding.severity, finding.code)
        prefix = self.made.get(key)
        if prefix is None:
            prefix = self.made[key] = self._make(*key)
        return prefix

    def _make(self, severity: Severity, code: str) -> str:
        word = severity_word(severity, self.lang)
        if self.console is None:
            return visible(f"{word} {code}: ")
        colour = COLOURS.get(severity, "cyan")
        return self.styled(f"[{colour}]{word}[/{colour}] [bold]{markup(code)}[/bold]: ")

    def styled(self, text: str) -> str:
        """`text`, rich markup of our own, as this console writes it (with colours)."""
        assert self.console is not None
        with self.console.capture() as captured:
            self.console.print(text, end="", highlight=False, soft_wrap=True)
        return captured.get()


def _colours(console: Console) -> bool:
    """Whether rich colours on this console: a terminal, colours not turned off, and one
    that takes escape sequences (an old Windows console is written another way: plain)."""
    return console.is_terminal and console.color_system is not None and not console.legacy_windows


def write_findings(
    findings: Sequence[Finding], console: Console, *, lang: str, every: bool = False
) -> None:
    """The findings on `console`'s stream, folded unless `every`, a block at a time."""
    write_blocks(lines(findings, lang, every, _Prefixes(console, lang)), console)


def write_blocks(pieces: Iterable[str], console: Console) -> None:
    stream = console.file
    block: list[str] = []
    for piece in pieces:
        block.append(piece)
        if len(block) >= BLOCK:
            stream.write("".join(block))
            block.clear()
    if block:
        stream.write("".join(block))
    stream.flush()


def summary_line(ok: bool, text: str, console: Console) -> str:
    """The last line of `check`: ✔ in green or ✘ in red, then the counts."""
    prefixes = _Prefixes(console)
    if prefixes.console is None:
        mark = "✔ " if ok else "✘ "
    else:
        mark = prefixes.styled("[green]✔[/green] " if ok else "[red]✘[/red] ")
    return mark + visible(text) + "\n"
