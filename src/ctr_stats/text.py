"""Vietnamese text as it comes from real files, folded to keys that compare equal.

Two spellings of one name must fold to one key: NFC and NFD, "Ð" (U+00D0) for "Đ",
tone placement ("Hòa"/"Hoà"), upper or lower case, and a missing diacritic ("Ba Dinh").
`fold` gives that key; `faithful` keeps the diacritics, which tell "Ba Tô" from "Ba Tơ" and
"Sơn Hà" from "Sơn Hạ", and unifies the rest; `toneless` keeps the letters' own marks
(â ă ê ô ơ ư đ) and drops the five tone marks.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMBINING = re.compile(r"[\u0300-\u036f]")
# The tone marks: huyền, sắc, ngã, hỏi, nặng (the other marks make letters: â ă ơ ư).
_TONE = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_LAST_VOWEL = re.compile("[aeiouy][\u0302\u0306\u031b]*(?=[^aeiouy]*$)")
_NON_WORD = re.compile(r"[^\w%]+")
_SPACE = re.compile(r"\s+")
# Numbering in front of a label: "1.", "1)", "1 -", "a)", "a -", "B -", "II.", "I -", "-",
# "+", "*", "(1)".
_NUMBERING = re.compile(
    r"^\s*(?:\(?\d{1,3}(?:\s*\.\s*\d{1,3})*\s*[.)/–-]?\)?|[a-zđ]\s*[.)/–-]|[ivx]+\s*[.)/–-])"
    r"(?:\s+|(?<=[.)/–-])(?=[^\W\d_]))"
    r"|^\s*[-+*•–—]\s*",
    re.I,
)
_IN_WHICH = re.compile(r"^\s*trong\s+(?:đó|do)\b\s*[:,]?\s*", re.I)


# The texts' caches hold what repeats from one unit's copy of a form to the next (headings,
# criteria, title lines): a few thousand texts. Each unit's own names pass once; holding
# 65,536 of them was 7 MiB of a 10,000-file run's peak for no time saved (bench/).
@lru_cache(maxsize=1 << 13)
def clean(value: object) -> str:
    """A cell's text, NFC, with non-breaking and repeated spaces made single spaces."""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


@lru_cache(maxsize=1 << 13)
def fold(value: object) -> str:
    """The comparison key: lower case, no diacritics, đ as d, punctuation as spaces."""
    text = clean(value).lower().replace("đ", "d")
    text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()


@lru_cache(maxsize=1 << 13)
def faithful(value: object) -> str:
    """The comparison key that keeps diacritics: lower case, NFC, "Ð" as "Đ", punctuation
    as spaces, and each word's tone mark on its last vowel, so that "Hòa" and "Hoà",
    "Thủy" and "Thuỷ" give one key ("hoà", "thuỷ")."""
    text = clean(value).lower()
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(words if text.isascii() else map(_tone_on_last_vowel, words))


@lru_cache(maxsize=1 << 14)
def _tone_on_last_vowel(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = _TONE.findall(decomposed)
    if not tones:
        return word
    letters = _TONE.sub("", decomposed)
    vowel = _LAST_VOWEL.search(letters)
    at = vowel.end() if vowel else len(letters)
    return unicodedata.normalize("NFC", letters[:at] + "".join(tones) + letters[at:])


@lru_cache(maxsize=1 << 13)
def toneless(value: object) -> str:
    """`faithful` without the tone marks: "Sơn Hạ" and "Sơn Hà" give "sơn ha"."""
    key = faithful(value)
    return unicodedata.normalize("NFC", _TONE.sub("", unicodedata.normalize("NFD", key)))


def marks_agree(written: str, spelled: str) -> bool:
    """Whether `written` is `spelled` with some diacritics left out and none other put in,
    both `faithful` keys: "son đong" and "sơn dồng" may be "sơn đồng", "sơn động" may not
    (it is another commune's name, which a key without marks would take for this one)."""
    if len(written) != len(spelled):
        return False
    return all(w == s or _marks_within(w, s) for w, s in zip(written, spelled, strict=True))


@lru_cache(maxsize=1 << 10)
def _marks_within(written: str, spelled: str) -> bool:
    """One letter: the same base letter, and each mark it has, the spelled letter has."""
    (base, marks), (spelled_base, spelled_marks) = _letter(written), _letter(spelled)
    return base == spelled_base and marks <= spelled_marks


def _letter(char: str) -> tuple[str, frozenset[str]]:
    if char == "đ":
        return "d", frozenset("\u0335")  # the stroke, as a mark (NFD keeps đ whole)
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0], frozenset(decomposed[1:])


def starts_in_which(label: str) -> bool:
    """Whether a label opens with "Trong đó" (what follows is a part)."""
    return _IN_WHICH.match(label) is not None


@lru_cache(maxsize=1 << 14)
def strip_numbering(label: str) -> str:
    """'1. Trong đó: đảng viên...' -> 'đảng viên...' (numbering and 'Trong đó:' removed)."""
    text = clean(label)
    for _ in range(3):
        before = text
        text = _NUMBERING.sub("", text)
        text = _IN_WHICH.sub("", text)
        if text == before:
            break
    return text
