"""Vietnamese typed in the legacy 8-bit encodings, read as the Unicode it shows.

Old templates of government offices were typed with the .VnTime fonts (TCVN3: "Thùc
tr¹ng tæ chøc" shows as "Thực trạng tổ chức") or VNI-Times (VNI: "chaøo caùc baïn" shows
as "chào các bạn"). The file holds those Latin-1 characters; on a machine with the fonts
the clerk sees Vietnamese. Headers, titles and names are read the way they show, and a
finding says so (`legacy-text`).

A text is taken as legacy only when it holds nothing past Latin-1 (a Unicode text nearly
always does: "Đ", "ả", "ộ") and reading it in one of the two encodings makes more of its
words Vietnamese syllables than they are as stored: "Sinh viên" stays, being Vietnamese as
it is; "Köln" stays, being Vietnamese in neither.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..model import Finding, Severity, column_letter

if TYPE_CHECKING:
    from . import Grid


@dataclass(frozen=True)
class LegacyText:
    """What one sheet held in a legacy encoding: its first such cell."""

    encoding: str  # "TCVN3" or "VNI"
    cell: str  # the first, "B2"
    stored: str  # its text as the file holds it
    shown: str  # and as it shows


_BATCH = 512  # texts searched at once for a legacy code


def read_legacy_text(grid: Grid) -> LegacyText | None:
    """The grid's legacy-encoded texts replaced by what they show (in place); what was
    found, or None.

    A text telling by itself ("§¶ng bé": no Unicode text holds "§") is read so wherever
    it stands, in the encoding that reads it best; where both read it as well, in the
    sheet's own ("Meâ Linh" is VNI's "Mê Linh" on a VNI sheet, TCVN3's "Meõ Linh" on no
    sheet). On a sheet whose legacy texts outnumber its Unicode ones (a template typed in
    .VnTime, its title perhaps typed again later in Unicode) a text is read in the sheet's
    encoding also where it holds a legacy code and reads as no Vietnamese ("§¨k PÐk", a
    place's name in a minority language: "Đăk Pék"), or where it reads as Vietnamese either
    way ("bé" is "bộ" in TCVN3; "Sinh viên" is itself)."""
    rows = grid.rows
    # a sheet in a legacy encoding holds some code that is no Vietnamese letter ("§", "ñ");
    # most sheets hold none, told by one search (2% of the time of reading a workbook)
    texts = [text for row in rows for text in row if text.__class__ is str and not text.isascii()]
    odd = _odd_codes()
    # searched a few hundred texts at a time: a text file of 100 MB of notes joined whole
    # would be held twice
    if not any(
        odd.search("\n".join(texts[at : at + _BATCH])) for at in range(0, len(texts), _BATCH)
    ):
        return None
    telling: list[tuple[int, int, str, dict[str, int]]] = []  # (row, column, text, scores)
    either_way: list[tuple[int, int, str]] = []
    in_unicode = 0
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if type(value) is str and not value.isascii():
                if max(value) > "\xff":
                    in_unicode += 1
                elif (scores := _better_readings(value)) is not None:
                    telling.append((r, c, value, scores))
                else:
                    either_way.append((r, c, value))
    if not telling:
        return None
    # the sheet's encoding: the one that reads best the texts one reads better than the
    # other (a text both read as well says nothing); TCVN3, the commoner, on a tie
    votes = [
        max(scores, key=scores.__getitem__)
        for *_, scores in telling
        if len(set(scores.values())) > 1
    ]
    encoding = max(_readings(), key=votes.count)
    found: list[tuple[int, int, str, str, str]] = []  # (row, column, stored, shown, encoding)
    for r, c, value, scores in telling:
        best = max(scores.values())
        chosen = encoding if scores[encoding] == best else max(scores, key=scores.__getitem__)
        found.append((r, c, value, _in_capitals(value, _readings()[chosen](value)), chosen))
    if len(telling) > in_unicode:
        for r, c, value in either_way:
            shown = read_as(value, encoding, any_words=odd.search(value) is not None)
            if shown is not None:
                found.append((r, c, value, shown, encoding))
    for r, c, _, shown, _ in found:
        rows[r][c] = shown
    r, c, stored, shown, chosen = min(found)
    return LegacyText(chosen, f"{column_letter(c)}{r + 1}", stored, shown)


def legacy_finding(grid: Grid, found: LegacyText) -> Finding:
    """A warning naming what was read in a legacy encoding: the figures are the same, but
    the file should be sent on in Unicode (other programs show it garbled)."""
    font = ".VnTime" if found.encoding == "TCVN3" else "VNI-Times"
    # no count of cells in it: one message for every copy of a template, said once
    return Finding(
        "legacy-text",
        Severity.WARNING,
        f"chữ gõ bằng bảng mã {found.encoding} (phông {font}), đọc như khi hiện ra"
        f" (ô {found.cell} '{found.stored}' là '{found.shown}'); nên chuyển tệp sang"
        " Unicode (UniKey: Công cụ chuyển mã) trước khi gửi đi",
        f"text typed in the {found.encoding} encoding ({font} fonts), read as it shows"
        f" (cell {found.cell} '{found.stored}' is '{found.shown}'); convert the file to"
        " Unicode (UniKey's converter) before sending it on",
        grid.file,
        grid.sheet,
        found.cell,
    )


def legacy_reading(text: str) -> tuple[str, str] | None:
    """(the text as it shows, "TCVN3" or "VNI") when `text` is Vietnamese typed in a legacy
    encoding, read in the encoding that makes most of its words Vietnamese (TCVN3 on a
    tie); None otherwise."""
    scores = _better_readings(text)
    if scores is None:
        return None
    encoding = max(scores, key=scores.__getitem__)
    return _in_capitals(text, _readings()[encoding](text)), encoding


@lru_cache(maxsize=1 << 14)  # every unit's copy of a template holds the same headers
def _better_readings(text: str) -> dict[str, int] | None:
    """For a text within Latin-1, how many of its words each encoding reads as Vietnamese
    syllables, when one of them reads more than the text holds as stored; else None."""
    if text.isascii() or max(text) > "\xff":
        return None
    words = [w for w in _WORD.findall(text) if not w.isascii()]  # those a reading changes
    scores = {
        encoding: _syllables([read(word) for word in words])
        for encoding, read in _readings().items()
    }
    return scores if max(scores.values()) > _syllables(words) else None


def read_as(text: str, encoding: str, any_words: bool = False) -> str | None:
    """`text` read in `encoding` when that reads as many of its words as Vietnamese
    syllables as the text holds as stored, one at least ("Xaõ Kon Ploâng" is VNI's "Xã Kon
    Plông", a place's name in a minority language); `any_words`: whatever its words. None
    otherwise."""
    read = _readings()[encoding]
    if not any_words:
        words = [w for w in _WORD.findall(text) if not w.isascii()]
        shown = _syllables([read(word) for word in words])
        if shown < max(1, _syllables(words)):
            return None
    return _in_capitals(text, read(text))


def _in_capitals(stored: str, shown: str) -> str:
    """TCVN3 has no capitals with tone marks: they are typed with the lower-case codes in
    the capitals font (.VnTimeH), so "§¶NG Bé" shows as "ĐẢNG BỘ"."""
    letters = [ch for ch in stored if ch.isascii() and ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return shown
    # two capitals in a word at least ("NG", "PH"): "Bµ Nµ" is "Bà Nà", not "BÀ NÀ"
    capitals = (sum(ch.isascii() and ch.isalpha() for ch in word) for word in stored.split())
    return shown.upper() if max(capitals) > 1 else shown


# a word: what lies between spaces and ASCII punctuation (the legacy codes are neither)
_WORD = re.compile(r"[^\s!-/:-@\[-`{-~]+")

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# a Vietnamese syllable without its tone mark: onset, vowels, final consonant; vowels that
# end in a glide ("ai", "ươu") take no final consonant, and their tone mark stands on the
# vowel before the glide ("mèo", "người"; "meõ" is none)
_ONSET = r"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_OPEN = "a ă â e ê i o ô ơ u ư y iê yê oa oă oe uâ uê uô uy ươ uyê"
_CLOSED = (
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu iêu yêu oai oay oao oeo uây"
    " uôi uya uyu ươi ươu"
)
_SYLLABLE = re.compile(
    rf"{_ONSET}(?:(?:{'|'.join(sorted(_OPEN.split(), key=len, reverse=True))})"
    rf"(?:ch|ng|nh|[cmnpt])?"
    rf"|(?P<closed>{'|'.join(sorted(_CLOSED.split(), key=len, reverse=True))}))"
)


def _syllables(words: list[str]) -> int:
    """How many of the words are Vietnamese syllables (two letters or more: a lone letter
    tells nothing)."""
    return sum(1 for word in words if len(word) > 1 and _is_syllable(word))


# the letters of Vietnamese: a tone mark stands on a vowel ("ñ" is n with a tilde, no letter)
_LETTERS = frozenset(
    "bcdđghklmnpqrstvxfjwz"
    + "".join(
        unicodedata.normalize("NFC", vowel + tone)
        for vowel in "aăâeêioôơuưy"
        for tone in ("", *_TONE_MARKS)
    )
)


@lru_cache(maxsize=1 << 14)
def _is_syllable(word: str) -> bool:
    lower = unicodedata.normalize("NFC", word.lower())
    if not _LETTERS.issuperset(lower):
        return False
    toned = [n for n, ch in enumerate(lower) if _TONE_MARKS.intersection(_decomposed(ch))]
    if len(toned) > 1:
        return False
    bare = "".join(
        unicodedata.normalize("NFC", "".join(c for c in _decomposed(ch) if c not in _TONE_MARKS))
        for ch in lower
    )
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    closed = match.group("closed")
    if closed is None or not toned or closed == "uơ":  # "thuở": on the ơ
        return True
    return toned[0] - len(match.group("onset") or "") == len(closed) - 2


@cache
def _decomposed(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)


@cache
def _readings() -> dict[str, Callable[[str], str]]:
    """Each encoding's reading of a text: TCVN3 a character at a time, VNI a letter and its
    marks at a time (the longest sequence first)."""
    data = _table_data()
    tcvn3 = str.maketrans(data["tcvn3"]["chars"])
    vni: dict[str, str] = data["vni"]["sequences"]
    pattern = re.compile("|".join(map(re.escape, sorted(vni, key=len, reverse=True))))
    return {
        "TCVN3": lambda t: t.translate(tcvn3),
        "VNI": lambda t: pattern.sub(lambda m: vni[m.group()], t),
    }


@cache
def _odd_codes() -> re.Pattern[str]:
    """Any character the legacy tables read that is no Vietnamese letter."""
    data = _table_data()
    used = set("".join(data["tcvn3"]["chars"]) + "".join(data["vni"]["sequences"]))
    odd = sorted(ch for ch in used if not ch.isascii() and ch.lower() not in _LETTERS)
    return re.compile(f"[{''.join(map(re.escape, odd))}]")


@cache
def _table_data() -> dict[str, Any]:
    return tomllib.loads((resources.files(__package__) / "legacy_text.toml").read_text("utf-8"))
