"""A claim's own arithmetic, from the figures the text gives: A/B against its percentage, a
change against the count it leaves, a share against the whole its list, an inventory or the
other shares of its sentence imply. A base the text only suggests may confirm a share, never
refute it. Every mismatch says why in one sentence, in Vietnamese and in English."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..text import fold
from .claims import Found, Paragraph, blocks, is_change_word
from .numbers import Figure, agrees, bases, folded, number, shown, to_decimal, whole_numbers
from .numbers import pct as _pct
from .wholes import PartList, contains, intersect, interval, noun_after, thing_at

# ---------------------------------------------------------------- numbers in sentences


def say(vi: str, en: str) -> tuple[str, str]:
    return (vi, en)


# ---------------------------------------------------------------- the text's own arithmetic


def value_of(figure: Figure) -> int:
    """A count, or a ratio's A."""
    return figure.a if figure.kind == "ratio" else figure.count


def _set(claim: Found, exact: Fraction, basis: str, why: tuple[str, str] | None = None) -> None:
    assert claim.stated is not None
    claim.computed = shown(exact, claim.stated)
    claim.basis = basis
    if agrees(claim.stated, exact):
        claim.status = "ok"
    else:
        claim.status = "mismatch"
        claim.reason = why


def check_text(p: Paragraph, found: list[Found], lists: list[PartList]) -> None:
    for claim in found:
        if claim.stated is None:
            if claim.kind == "same_period" and claim.anchor.kind == "count" and claim.direction:
                _change_of_counts_stated(p, claim)
            continue
        if claim.kind == "ratio" and claim.count is not None and claim.count.b:
            _ratio(claim, claim.count.a, claim.count.b)
        elif claim.kind == "plan" and claim.count is not None and claim.base:
            _ratio(claim, value_of(claim.count), claim.base)
        elif claim.kind == "same_period" and claim.count is not None and claim.change:
            _change(claim)
        elif claim.kind == "same_period" and claim.count is not None and claim.direction:
            _change_against_stated(p, claim)
    shares = [c for c in found if c.kind == "share" and c.count is not None]
    for claim in shares:
        _share(p, claim, shares, lists)
    for claim in found:
        if claim.kind == "plan" and claim.status == "unchecked" and claim.count is not None:
            _plan_from_paragraph(p, claim)


# the earlier count a change is against, in brackets after what it is: "so với 6 tháng đầu
# năm 2019 (1.564 tổ chức), đã giảm 110 …", "giảm 7,0% so với cùng kỳ năm 2019 (1.564 …)"
_AGAINST = r"so với\b[^;.()]{0,60}\(\s*"
_EARLIER_BEFORE = re.compile(rf"\b{_AGAINST}$", re.I)  # ends right before the count
_EARLIER_AFTER = re.compile(rf"\s*{_AGAINST}", re.I)  # all from the percentage on


def _change_of_counts_stated(p: Paragraph, claim: Found) -> None:
    """A change in numbers between two counts the sentence states: "có 1.454 tổ chức cơ sở
    Đảng; so với 6 tháng đầu năm 2019 (1.564 tổ chức), đã giảm 110 tổ chức cơ sở Đảng"
    is 1.454 − 1.564 = −110."""
    change = claim.anchor
    before = [
        f
        for f in p.in_sentence(change.sentence)
        if f.end <= change.start and f.kind == "count" and blocks(f)
    ]
    earlier = before[-1] if before else None
    if (
        earlier is None
        or earlier.paren < 0
        or not _EARLIER_BEFORE.search(p.text, p.sentences[change.sentence][0], earlier.start)
        or not re.fullmatch(
            r"[^;.()\d]{0,25}\)[\s,]*(?:đã\s+)?(?:giảm|tăng)\s*",
            p.text[earlier.end : change.start],
            re.I,
        )
    ):
        return
    kind = noun_after(p, earlier)
    now = next(
        (
            f
            for f in reversed(before)
            if f.paren < 0
            and f.end <= earlier.paren
            and not is_change_word(p.text[: f.start])
            and contains(kind, noun_after(p, f))
        ),
        None,
    )
    if now is None or noun_after(p, now) is None:
        return
    claim.stated = Decimal(change.count * claim.direction)
    difference = now.count - earlier.count
    claim.computed, claim.base = Decimal(difference), earlier.count
    claim.basis = f"{now.count} − {earlier.count}"
    if difference == claim.stated:
        claim.status = "ok"
        return
    claim.status = "mismatch"
    verb = ("tăng", "up") if difference > 0 else ("giảm", "down")
    claim.reason = say(
        f"ghi {'tăng' if claim.direction > 0 else 'giảm'} {number(change.count, 'vi')}, nhưng"
        f" {number(now.count, 'vi')} − {number(earlier.count, 'vi')}: {verb[0]}"
        f" {number(abs(difference), 'vi')}",
        f"states {'up' if claim.direction > 0 else 'down'} {number(change.count, 'en')}, but"
        f" {number(now.count, 'en')} − {number(earlier.count, 'en')}: {verb[1]}"
        f" {number(abs(difference), 'en')}",
    )


def _change_against_stated(p: Paragraph, claim: Found) -> None:
    """A percentage change whose earlier count the sentence states after it: "1.454 tổ
    chức cơ sở Đảng, giảm 7,0% so với cùng kỳ năm 2019 (1.564 tổ chức)" is
    (1.454 − 1.564)/1.564."""
    assert claim.count is not None and claim.stated is not None
    percent = claim.anchor
    earlier = next(
        (
            f
            for f in p.in_sentence(percent.sentence)
            if f.start > percent.end and f.kind == "count" and f.paren >= 0
        ),
        None,
    )
    if earlier is None or not _EARLIER_AFTER.fullmatch(p.text, percent.end, earlier.start):
        return
    now, before = value_of(claim.count), earlier.count
    if before <= 0 or (now - before) * claim.direction < 0:
        return  # "giảm" where the counts say up: not this claim's comparison
    exact = Fraction(abs(now - before) * 100, before)
    value = shown(exact, claim.stated)
    _set(
        claim,
        exact,
        f"|{now} − {before}|/{before}",
        say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng |{number(now, 'vi')} −"
            f" {number(before, 'vi')}|/{number(before, 'vi')} = {_pct(value, 'vi')}",
            f"states {_pct(claim.stated, 'en')}, but |{number(now, 'en')} −"
            f" {number(before, 'en')}|/{number(before, 'en')} = {_pct(value, 'en')}",
        ),
    )


def check_row(claim: Found) -> None:
    """A table row's own arithmetic: Thực hiện / Kế hoạch, Số lượng / Tổng số, Thực hiện /
    Cùng kỳ, each against the row's own percentage."""
    if claim.stated is None or claim.count is None or not claim.base:
        return
    a, b = value_of(claim.count), claim.base
    if claim.kind != "same_period" or not (claim.either or claim.direction):
        _ratio(claim, a, b)
        return
    if claim.either:
        # "So sánh với cùng kỳ (%)": 104,6 (a/b) or 4,6 (the change), whichever it is;
        # neither: checked as the reading nearer to what it states
        if reads_as_ratio(claim.stated, a, b):
            _ratio(claim, a, b)
            return
        claim.direction = 1  # printed without a sign: an increase
    _row_change(claim, a, b)


def reads_as_ratio(stated: Decimal, a: int, b: int) -> bool:
    """Whether a percentage on the same period is a/b (104,6) rather than the change (4,6):
    the reading that agrees, else the nearer one."""
    ratio, change = Fraction(a * 100, b), Fraction((a - b) * 100, b)
    if agrees(stated, ratio):
        return True
    if agrees(stated, change):
        return False
    return abs(stated - to_decimal(ratio)) <= abs(stated - to_decimal(change))


def _row_change(claim: Found, a: int, b: int) -> None:
    """A table's change on the same period, its sign as printed: (a − b)/b."""
    assert claim.stated is not None
    stated = claim.stated * claim.direction
    exact = Fraction((a - b) * 100, b)
    value = shown(exact, abs(claim.stated))
    claim.computed, claim.basis = value * claim.direction, f"({a} − {b})/{b}"
    if agrees(stated, exact):
        claim.status = "ok"
        return
    claim.status = "mismatch"
    claim.reason = say(
        f"ghi {_signed(stated, 'vi')}, nhưng ({number(a, 'vi')} − {number(b, 'vi')})/"
        f"{number(b, 'vi')} = {_signed(value, 'vi')} so với cùng kỳ",
        f"states {_signed(stated, 'en')}, but ({number(a, 'en')} − {number(b, 'en')})/"
        f"{number(b, 'en')} = {_signed(value, 'en')} on the same period",
    )


def _signed(value: Decimal, lang: str) -> str:
    """+4,6% / −5,3%: a change with its sign."""
    return ("−" if value < 0 else "+") + _pct(abs(value), lang)


def _ratio(claim: Found, a: int, b: int) -> None:
    assert claim.stated is not None
    exact = Fraction(a * 100, b) - (100 if claim.over else 0)
    shown_value = shown(exact, claim.stated)
    what = f"{a}/{b}" if not claim.over else f"{a}/{b} − 100%"
    _set(
        claim,
        exact,
        what,
        say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng {number(a, 'vi')}/{number(b, 'vi')}"
            f"{' − 100%' if claim.over else ''} = {_pct(shown_value, 'vi')}",
            f"states {_pct(claim.stated, 'en')}, but {number(a, 'en')}/{number(b, 'en')}"
            f"{' − 100%' if claim.over else ''} = {_pct(shown_value, 'en')}",
        ),
    )


def _change(claim: Found) -> None:
    assert claim.count is not None and claim.change is not None and claim.stated is not None
    current = value_of(claim.count)
    prior = current - claim.direction * claim.change if claim.direction else current
    if prior <= 0:
        return
    exact = Fraction(claim.change * 100, prior)
    value = shown(exact, claim.stated)
    sign = "−" if claim.direction > 0 else "+"
    _set(
        claim,
        exact,
        f"{claim.change}/({current} {sign} {claim.change})",
        say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng {number(claim.change, 'vi')}/"
            f"{number(prior, 'vi')} = {_pct(value, 'vi')} (kỳ trước: {number(current, 'vi')}"
            f" {sign} {number(claim.change, 'vi')})",
            f"states {_pct(claim.stated, 'en')}, but {number(claim.change, 'en')}/"
            f"{number(prior, 'en')} = {_pct(value, 'en')} (before: {number(current, 'en')}"
            f" {sign} {number(claim.change, 'en')})",
        ),
    )


def _kind(p: Paragraph, figure: Figure | None) -> str | None:
    return noun_after(p, figure) if figure is not None else None


def _paragraph_wholes(p: Paragraph, claim: Found) -> list[tuple[int, Figure]]:
    """Counts the paragraph states of the share's kind of thing, each a base the share may
    be of (they may confirm it, never refute it)."""
    assert claim.count is not None
    kind = _kind(p, claim.count)
    result: list[tuple[int, Figure]] = []
    for figure in p.figures:
        if figure is claim.count or figure.kind not in ("count", "ratio"):
            continue
        other = noun_after(p, figure)
        if kind is not None and other is not None and not contains(other, kind):
            continue
        if kind is not None and other is None:
            continue
        values: tuple[int, ...] = (figure.count,)
        if figure.kind == "ratio":
            # B is a whole of things only in "543/545 chi bộ", not a plan in "852/453"
            values = (figure.a, figure.b) if _ratio_of_whole(p, figure) else (figure.a,)
        result.extend((v, figure) for v in values if v >= value_of(claim.count))
    return result


def _ratio_of_whole(p: Paragraph, figure: Figure) -> bool:
    start, end = p.sentences[figure.sentence]
    return figure.a <= figure.b and not re.search(
        r"\b(?:ke hoach|chi tieu|kh|plan)\b", fold(p.text[start:end])
    )


def _stated_wholes(p: Paragraph, claim: Found, lists: list[PartList]) -> list[int]:
    """The wholes the syntax gives a share: its list's whole ('62 đảng viên, trong đó có
    13 …'), 'trong tổng số N', 'Tổng số … là N.' before a 'Trong đó' sentence."""
    assert claim.count is not None
    result = []
    for parts in lists:
        if claim.count in parts.items and parts.whole is not None and not parts.weak:
            result.append(value_of(parts.whole))
    inventory = _inventory_whole(p, claim)
    if inventory is not None:
        result.append(inventory)
    named = _whole_named_before(p, claim)
    if named is not None:
        result.append(named)
    start = p.sentences[claim.sentence][0]
    if claim.sentence > 0 and re.match(r"\s*trong đó", p.text[start:], re.I):
        s0, s1 = p.sentences[claim.sentence - 1]
        match = re.search(r"tổng số[^.;\d]{0,60}?\blà\s+([\d.]+)", p.text[s0:s1], re.I)
        if match:
            result.append(int(match.group(1).replace(".", "")))
    return result


_AMONG = re.compile(r"\s*trong số\s+(?P<whole>[^\d;.]{3,60}?)\s*(?:,|\bcó\b)", re.I)


def _whole_named_before(p: Paragraph, claim: Found) -> int | None:
    """'… đã kết nạp 166 đảng viên … . Trong số các đảng viên mới kết nạp có 130 đảng viên
    nữ, chiếm 78,3%': a sentence opening "Trong số" names its whole by what was done to it;
    the last count of the share's kind the paragraph gave for that is the share's base."""
    assert claim.count is not None
    start = p.sentences[claim.sentence][0]
    among = _AMONG.match(p.text, start)
    kind = _kind(p, claim.count)
    if among is None or kind is None or among.end() > claim.count.start:
        return None
    done = [d for d in folded("done", "words") if d in fold(among.group("whole"))]
    if len(done) != 1:
        return None
    for figure in reversed([f for f in p.figures if f.end <= start and f.kind == "count"]):
        clause_start = max(p.text.rfind(mark, 0, figure.start) for mark in ".;,(") + 1
        if noun_after(p, figure) == kind and done[0] in fold(p.text[clause_start : figure.start]):
            return value_of(figure)
    return None


# "Hiện có 35 tổ chức cơ sở đảng", "toàn tỉnh có 2.305 TCCSĐ", "tổng số 443.812 đảng viên"
_INVENTORY = re.compile(
    r"(?:\bhien (?:nay )?co|\bco tong so|\btong so|\btoan (?:tinh|thanh pho|huyen|quan|thi xa|"
    r"dang bo|khoi)(?: hien)? co)\s*$"
)


def _inventory_whole(p: Paragraph, claim: Found) -> int | None:
    """The whole an inventory before the share states: the one count of the share's kind of
    thing before it in the paragraph, said with 'hiện có', 'tổng số', 'toàn tỉnh có'."""
    assert claim.count is not None
    kind = _kind(p, claim.count)
    if kind is None or claim.named_base:  # "(chiếm 8,66% số TCCSĐ của tỉnh)": its own
        return None
    same = [
        f
        for f in p.figures
        if f.kind == "count"
        and f.start < claim.count.start
        and f is not claim.count
        and noun_after(p, f) == kind
    ]
    if len(same) != 1 or same[0].count < value_of(claim.count):
        return None
    before = fold(p.text[max(0, same[0].start - 40) : same[0].start])
    return same[0].count if _INVENTORY.search(before) else None


def _group(p: Paragraph, claim: Found, shares: list[Found]) -> list[Found]:
    kind = _kind(p, claim.count)
    return [
        c
        for c in shares
        if c.sentence == claim.sentence
        and c.anchor.paren == claim.anchor.paren
        and _same_base(c.named_base, claim.named_base)
        and (kind is None or _kind(p, c.count) is None or _kind(p, c.count) == kind)
    ]


def _same_base(one: str, other: str) -> bool:
    """Two shares are of one whole unless each names its own, and neither name begins the
    other ('tổng số đảng viên mới kết nạp' and 'tổng số đảng viên được đánh giá' differ)."""
    return not one or not other or one.startswith(other) or other.startswith(one)


def _share(p: Paragraph, claim: Found, shares: list[Found], lists: list[PartList]) -> None:
    assert claim.count is not None and claim.stated is not None
    count = value_of(claim.count)
    stated_wholes = _stated_wholes(p, claim, lists)
    weak = _paragraph_wholes(p, claim)
    if claim.named_base:  # "bằng 50% tổng số đảng viên mới kết nạp": wholes of that thing only
        named = thing_at(re.sub(r"^(?:so voi |tren )?(?:tong so|so)\s+", "", claim.named_base))
        weak = [(v, f) for v, f in weak if named is not None and noun_after(p, f) == named]
    for whole in [*stated_wholes, *(v for v, _ in weak)]:
        if whole and agrees(claim.stated, Fraction(count * 100, whole)):
            _ratio(claim, count, whole)
            return
    span = interval(claim)
    group = [c for c in _group(p, claim, shares) if c is not claim]
    if len(group) >= 2:
        others = intersect([interval(c) for c in group])
        if (
            others is not None
            and whole_numbers(others, count)
            and (span is None or intersect([span, others]) is None)
        ):
            totals = whole_numbers(others, count)
            n = totals[0] if len(totals) == 1 else None
            _outlier(claim, count, others, n)
            return
    feasible = bool(whole_numbers(span, max(count, 1)))
    explicit = stated_wholes[0] if stated_wholes else None
    if not feasible:
        base = explicit or (weak[0][0] if weak else None)
        if base:
            _ratio(claim, count, base)
        if claim.status != "mismatch":
            claim.status = "mismatch"
            claim.reason = say(
                f"ghi {_pct(claim.stated, 'vi')}, nhưng không có tổng nào cho "
                f"{number(count, 'vi')} đúng {_pct(claim.stated, 'vi')}",
                f"states {_pct(claim.stated, 'en')}, but no whole gives "
                f"{number(count, 'en')} exactly {_pct(claim.stated, 'en')}",
            )
        return
    if explicit:
        # a list's whole refutes only when another share of the sentence is of it too (real
        # lists give shares of another whole); an inventory's whole ("Hiện có 35 TCCSĐ …")
        # refutes a share that stands alone
        corroborated = any(
            c.count is not None
            and c.stated is not None
            and agrees(c.stated, Fraction(value_of(c.count) * 100, explicit))
            for c in group
        )
        if (
            corroborated
            or (not group and explicit == _inventory_whole(p, claim))
            or explicit == _named_list_whole(p, claim, lists)
            or explicit == _whole_named_before(p, claim)  # "Trong số các đảng viên mới kết nạp"
        ):
            _ratio(claim, count, explicit)


# Words a share's named base may hold besides what it counts: "tổng số đảng viên bị kỷ luật"
_BASE_FILLER = re.compile(r"\b(?:tong so|so voi|so|tren|cua|bi|duoc|da|trong|nay|do)\b")


def _named_list_whole(p: Paragraph, claim: Found, lists: list[PartList]) -> int | None:
    """'thi hành kỷ luật 215 đảng viên, …; trong đó, có 47 cấp ủy viên, chiếm 12,8% tổng số
    đảng viên bị kỷ luật': a share whose named base describes its list's whole (the thing
    counted, and every word of what was done to it in the whole's own clause) is of that
    whole; a bare 'tổng số đảng viên' may be of all members, and names no list's whole."""
    if not claim.named_base or claim.count is None:
        return None
    base = re.split(r"[,;()]", claim.named_base)[0]
    for parts in lists:
        whole = parts.whole
        if claim.count not in parts.items or whole is None or parts.weak:
            continue
        kind = noun_after(p, whole)
        rest = _BASE_FILLER.sub(" ", base)
        for name in sorted(_thing_names(kind), key=len, reverse=True):
            rest = re.sub(rf"\b{re.escape(name)}\b", " ", rest, count=1)
        words = rest.split()
        counted = re.sub(r"^(?:tong so|so voi tong so|tren tong so|so)\s+", "", base)
        noun = " ".join(fold(p.text[whole.end : whole.end + 30]).split()[:2])
        if kind is None or not words or len(words) > 4 or not counted.startswith(noun + " "):
            continue  # the base counts what the whole counts: "… đảng viên" of "215 đảng viên"
        s0 = p.sentences[whole.sentence][0]
        head = re.split(r"[;:]", p.text[s0 : whole.start])[-1]
        tail = re.split(r"[;:,(]", p.text[whole.start : whole.end + 30])[0]
        clause = fold(head + tail)
        if all(re.search(rf"\b{re.escape(w)}\b", clause) for w in words):
            return value_of(whole)
    return None


def _thing_names(kind: str | None) -> tuple[str, ...]:
    return folded("things", kind) if kind is not None else ()


def _outlier(claim: Found, count: int, others: tuple[Fraction, Fraction], n: int | None) -> None:
    assert claim.stated is not None
    if n is not None:
        exact = Fraction(count * 100, n)
        value = shown(exact, claim.stated, 0)
        claim.computed, claim.basis = value, f"{count}/{n}"
        claim.status = "mismatch"
        claim.reason = say(
            f"ghi {_pct(claim.stated, 'vi')}, nhưng {number(count, 'vi')}/{number(n, 'vi')} = "
            f"{_pct(value, 'vi')} (các tỷ lệ khác cùng câu đều tính trên {number(n, 'vi')})",
            f"states {_pct(claim.stated, 'en')}, but {number(count, 'en')}/{number(n, 'en')} = "
            f"{_pct(value, 'en')} (the other shares of the sentence are all of {number(n, 'en')})",
        )
        return
    totals = whole_numbers(others, count)
    low, high = totals[0], totals[-1]
    hi_value = shown(Fraction(count * 100, low), claim.stated)
    lo_value = shown(Fraction(count * 100, high), claim.stated)
    claim.computed, claim.basis = lo_value, f"{count}/{low}–{high}"
    claim.status = "mismatch"
    claim.reason = say(
        f"ghi {_pct(claim.stated, 'vi')}, nhưng các tỷ lệ khác cùng câu cho tổng "
        f"{number(low, 'vi')}–{number(high, 'vi')}, theo đó {number(count, 'vi')} là "
        f"{_pct(lo_value, 'vi')}–{_pct(hi_value, 'vi')}",
        f"states {_pct(claim.stated, 'en')}, but the other shares of the sentence give a whole "
        f"of {number(low, 'en')}–{number(high, 'en')}, of which {number(count, 'en')} is "
        f"{_pct(lo_value, 'en')}–{_pct(hi_value, 'en')}",
    )


_PLAN_CONTEXT = re.compile(
    r"(?:phát triển|kết nạp|chỉ tiêu|kế hoạch|giao|phấn đấu|nghị quyết)\D{0,30}$", re.I
)


def _plan_from_paragraph(p: Paragraph, claim: Found) -> None:
    """A plan the paragraph states elsewhere ('Bình quân hằng năm phát triển 2.000 đảng
    viên'): it may confirm a percentage of plan; a percentage no whole-number plan gives is
    wrong whatever the plan."""
    assert claim.count is not None and claim.stated is not None
    count = value_of(claim.count)
    kind = _kind(p, claim.count)
    for figure in p.figures:
        if figure is claim.count or figure.kind != "count" or not blocks(figure):
            continue
        if not _PLAN_CONTEXT.search(p.text[max(0, figure.start - 40) : figure.start]):
            continue
        if kind is not None and noun_after(p, figure) not in (kind, None):
            continue
        exact = Fraction(count * 100, figure.count) - (100 if claim.over else 0)
        if agrees(claim.stated, exact):
            _ratio(claim, count, figure.count)
            return
    stated = claim.stated + (100 if claim.over else 0)
    if stated > 0 and not whole_numbers(bases(count, stated)):
        claim.status = "mismatch"
        # "vượt 0,1% chỉ tiêu" is said as the text says it: by how much, not a share
        said, done = ("vượt ", "vượt") if claim.over else ("", "đạt")
        said_en, of_it = ("over", "over it") if claim.over else ("of", "of it")
        claim.reason = say(
            f"ghi {said}{_pct(claim.stated, 'vi')} kế hoạch, nhưng không có kế hoạch (số nguyên) "
            f"nào mà {number(count, 'vi')} {done} đúng {_pct(claim.stated, 'vi')}",
            f"states {_pct(claim.stated, 'en')} {said_en} plan, but no whole-number plan makes "
            f"{number(count, 'en')} exactly {_pct(claim.stated, 'en')} {of_it}",
        )
