"""Unicode -> TCVN3 (ABC, .VnTime/.VnTimeH) and Unicode -> VNI-Windows (VNI-Times) converter.

Written by a new-user trial (trial 39) from the public tables below, apart from the
tool's own table (src/ctr_stats/read/legacy_text.toml), so that the tests build legacy
workbooks with code the tool's reading was not shaped on. The code tables were taken from
these public sources (read with the `search` and `read_file` tools, then typed in here):

TCVN3 / ABC
  * XFree86 X11 table for TCVN-5712, file xc/lib/X11/lcUniConv/tcvn.h
    (rev. "tcvn.h,v 1.3 2000/11/29 dawes"), read from the copy at
    https://github.com/supersonic-xserver/ssX/blob/3f91d16e996d5bd37baf96c3c8eee889c520d6a8/lib/X11/lcUniConv/tcvn.h
    (array tcvn_2uni_2, bytes 0xA1-0xFE). TCVN3 (ABC, the ".Vn" fonts) is the VN3 subset of
    TCVN 5712: the lower-case letters at 0xA8-0xAE and 0xB5-0xFE and only seven capitals
    (Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7); capitals with a tone mark do not exist in it, which is why
    titles are typed with the caps font .VnTimeH using the lower-case codes.
  * Cross-checked against the TCVN3 column of the C# converter
    https://github.com/hdbd789/clinic/blob/HEAD/Source/PhongKham/PhongKham/Helpers/Converter.cs
    and the table on https://dothanhlong.org/unicode-va-ma-hoa-ky-tu-cu-cua-viet-nam/
VNI-Windows (VNI-Times)
  * xvnkb by Dao Hai Lam, file vni.h:
    https://github.com/lamdao/xvnkb/blob/0ac6e794a4d797ea53aea16a8363b3c825bc40e2/vni.h
    (vowel order there: base, sắc, huyền, hỏi, ngã, nặng for A Â Ă E Ê O Ô Ơ U Ư I Y, then Đ;
    the Unicode order comes from the same project's utf.h: utf_A1=U+00C1 Á, utf_A2=U+00C0 À ...)
  * Example checked: npm "vietnamese-conversion" README
    (https://github.com/duydev/vietnamese-conversion): "Xin chào các bạn" -> "Xin chaøo caùc baïn".

Strings stored in a workbook cell are the legacy bytes read as Windows-1252/Latin-1 characters,
which is what Excel keeps for a cell typed with these fonts (all the bytes used are 0xA1-0xFF,
the same in cp1252 and Latin-1).
"""

import unicodedata

# ---- TCVN3: byte -> Unicode (from tcvn_2uni_2 of X11 tcvn.h, VN3 subset) ----
TCVN3_TO_UNI = {
    0xA1: 0x0102,
    0xA2: 0x00C2,
    0xA3: 0x00CA,
    0xA4: 0x00D4,
    0xA5: 0x01A0,
    0xA6: 0x01AF,
    0xA7: 0x0110,
    0xA8: 0x0103,
    0xA9: 0x00E2,
    0xAA: 0x00EA,
    0xAB: 0x00F4,
    0xAC: 0x01A1,
    0xAD: 0x01B0,
    0xAE: 0x0111,
    0xB5: 0x00E0,
    0xB6: 0x1EA3,
    0xB7: 0x00E3,
    0xB8: 0x00E1,
    0xB9: 0x1EA1,
}
# X11's tcvn_2uni_2 from 0xB5 to 0xFE, typed in full.
_X11_B5_FE = [
    # 0xB5 .. 0xBF
    0x00E0,
    0x1EA3,
    0x00E3,
    0x00E1,
    0x1EA1,
    0x1EB2,
    0x1EB1,
    0x1EB3,
    0x1EB5,
    0x1EAF,
    0x1EB4,
    # 0xC0 .. 0xCF
    0x1EAE,
    0x1EA6,
    0x1EA8,
    0x1EAA,
    0x1EA4,
    0x1EC0,
    0x1EB7,
    0x1EA7,
    0x1EA9,
    0x1EAB,
    0x1EA5,
    0x1EAD,
    0x00E8,
    0x1EC2,
    0x1EBB,
    0x1EBD,
    # 0xD0 .. 0xDF
    0x00E9,
    0x1EB9,
    0x1EC1,
    0x1EC3,
    0x1EC5,
    0x1EBF,
    0x1EC7,
    0x00EC,
    0x1EC9,
    0x1EC4,
    0x1EBE,
    0x1ED2,
    0x0129,
    0x00ED,
    0x1ECB,
    0x00F2,
    # 0xE0 .. 0xEF
    0x1ED4,
    0x1ECF,
    0x00F5,
    0x00F3,
    0x1ECD,
    0x1ED3,
    0x1ED5,
    0x1ED7,
    0x1ED1,
    0x1ED9,
    0x1EDD,
    0x1EDF,
    0x1EE1,
    0x1EDB,
    0x1EE3,
    0x00F9,
    # 0xF0 .. 0xFE
    0x1ED6,
    0x1EE7,
    0x0169,
    0x00FA,
    0x1EE5,
    0x1EEB,
    0x1EED,
    0x1EEF,
    0x1EE9,
    0x1EF1,
    0x1EF3,
    0x1EF7,
    0x1EF9,
    0x00FD,
    0x1EF5,
]
TCVN3_TO_UNI = {b: u for b, u in TCVN3_TO_UNI.items() if b < 0xB5}
for _i, _u in enumerate(_X11_B5_FE):
    _b = 0xB5 + _i
    # Some of 0xB5-0xFE are capitals in X11's table (VN1: Ẳ Ẵ Ắ Ầ Ẩ Ẫ Ấ Ề Ể Ễ Ế Ồ Ổ Ỗ Ố):
    # TCVN3 (VN3, the ABC fonts) has no tone-marked capitals, so only the lower-case entries
    # are kept (the 67 lower-case letters; checked against the clinic Converter.cs list).
    if chr(_u).islower():
        TCVN3_TO_UNI[_b] = _u

UNI_TO_TCVN3 = {chr(u): chr(b) for b, u in TCVN3_TO_UNI.items()}


def to_tcvn3(text: str, caps_font: bool = False) -> str:
    """Unicode -> TCVN3 as stored in a .VnTime cell.

    caps_font=True: the text is typed for .VnTimeH (capitals drawn from the lower-case codes),
    so the whole text is lower-cased first, as TCVN3 typists did.
    A capital with a tone mark (no code in TCVN3) is written with its lower-case code, as
    .VnTime typists could only do (e.g. "Ủy" -> "ñy").
    """
    text = unicodedata.normalize("NFC", text)
    if caps_font:
        text = text.lower()
    out = []
    for ch in text:
        if ch in UNI_TO_TCVN3:
            out.append(UNI_TO_TCVN3[ch])
        elif ch.lower() in UNI_TO_TCVN3 and ord(ch) > 0x7F:
            out.append(UNI_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def from_tcvn3(text: str) -> str:
    return "".join(chr(TCVN3_TO_UNI[ord(c)]) if ord(c) in TCVN3_TO_UNI else c for c in text)


# ---- VNI-Windows: from xvnkb vni.h, order base/sắc/huyền/hỏi/ngã/nặng ----
_VNI_ROWS = [
    ("AÁÀẢÃẠ", ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"]),
    ("ÂẤẦẨẪẬ", ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"]),
    ("ĂẮẰẲẴẶ", ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"]),
    ("EÉÈẺẼẸ", ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"]),
    ("ÊẾỀỂỄỆ", ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"]),
    ("OÓÒỎÕỌ", ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"]),
    ("ÔỐỒỔỖỘ", ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"]),
    ("ƠỚỜỞỠỢ", ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"]),
    ("UÚÙỦŨỤ", ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"]),
    ("ƯỨỪỬỮỰ", ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"]),
    ("IÍÌỈĨỊ", ["I", "Í", "Ì", "Æ", "Ó", "Ò"]),
    ("YÝỲỶỸỴ", ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"]),
    ("Đ", ["Ñ"]),
]
_VNI_ROWS_LOWER = [
    ("aáàảãạ", ["a", "aù", "aø", "aû", "aõ", "aï"]),
    ("âấầẩẫậ", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
    ("ăắằẳẵặ", ["aê", "aé", "aè", "aú", "aü", "aë"]),
    ("eéèẻẽẹ", ["e", "eù", "eø", "eû", "eõ", "eï"]),
    ("êếềểễệ", ["eâ", "eá", "eà", "eå", "eã", "eä"]),
    ("oóòỏõọ", ["o", "où", "oø", "oû", "oõ", "oï"]),
    ("ôốồổỗộ", ["oâ", "oá", "oà", "oå", "oã", "oä"]),
    ("ơớờởỡợ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
    ("uúùủũụ", ["u", "uù", "uø", "uû", "uõ", "uï"]),
    ("ưứừửữự", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
    ("iíìỉĩị", ["i", "í", "ì", "æ", "ó", "ò"]),
    ("yýỳỷỹỵ", ["y", "yù", "yø", "yû", "yõ", "î"]),
    ("đ", ["ñ"]),
]
UNI_TO_VNI = {}
for uni, codes in _VNI_ROWS + _VNI_ROWS_LOWER:
    for u, v in zip(uni, codes, strict=True):
        if u != v:
            UNI_TO_VNI[u] = v


def to_vni(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(UNI_TO_VNI.get(ch, ch) for ch in text)


def from_vni(text: str) -> str:
    inv = sorted(((v, u) for u, v in UNI_TO_VNI.items()), key=lambda p: -len(p[0]))
    out, i = [], 0
    while i < len(text):
        for v, u in inv:
            if text.startswith(v, i):
                out.append(u)
                i += len(v)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
