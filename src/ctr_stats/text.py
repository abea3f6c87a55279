"""Vietnamese text as it comes from real files, folded to keys that compare equal.

Two spellings of one name must fold to one key: NFC and NFD, "Ð" (U+00D0) for "Đ",
tone placement ("Hòa"/"Hoà"), upper or lower case, and a missing diacritic ("Ba Dinh").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMBINING = re.compile(r"[\u0300-\u036f]")
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


@lru_cache(maxsize=1 << 16)
def clean(value: object) -> str:
    """A cell's text, NFC, with non-breaking and repeated spaces made single spaces."""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


@lru_cache(maxsize=1 << 16)
def fold(value: object) -> str:
    """The comparison key: lower case, no diacritics, đ as d, punctuation as spaces."""
    text = clean(value).lower().replace("đ", "d")
    text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()


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
