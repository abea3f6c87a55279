"""Which indicator a claim is of: the one whose words (the catalogue's labels and aliases,
the sentence templates' words) read in order in the claim's sentence, its own clause first.
A tie is no match."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import fold
from .claims import Found, Paragraph, blocks
from .numbers import Figure, folded, words

if TYPE_CHECKING:
    from ..catalogue.meaning import Described


def phrases_of(lang: str) -> list[tuple[tuple[str, ...], str]]:
    from ..catalogue import load_catalogue
    from ..render.text import english_one, load_templates

    catalogue = load_catalogue()
    templates = load_templates()
    phrases: list[tuple[tuple[str, ...], str]] = []
    for indicator in catalogue.indicators.values():
        texts = [indicator.label_vi, indicator.label_en, *indicator.aliases]
        template_words = templates["indicators"].get(indicator.id, {})
        texts += [" ".join(template_words[k]) for k in ("vi", "en") if k in template_words]
        if "en" in template_words:  # "admitted 1 new member"
            verb, noun = template_words["en"][:2]
            texts.append(f"{verb} {english_one(noun)}")
        for text in texts:
            phrase = tuple(fold(text).split())
            # "đảng viên" alone ties every count of members to the members on the rolls
            if phrase != ("dang", "vien"):
                phrases.append((phrase, indicator.id))
    return phrases


def label_of(indicator: str, lang: str) -> str:
    """How the catalogue names an indicator to people, in `lang` (its id, in JSON only)."""
    from ..catalogue import load_catalogue

    known = load_catalogue().indicators.get(indicator)
    return known.label(lang) if known is not None else indicator


def best_indicator(
    words: list[str],
    phrases: list[tuple[tuple[str, ...], str]],
    clause: int = 0,
    label: tuple[str, ...] = (),
    thing: tuple[str, ...] = (),
) -> str | None:
    """The indicator with the phrase that holds most of the figure's `label` (an item's
    words before its number in a list: "Khiển trách 789 đảng viên, cảnh cáo 207…"), then
    names the `thing` the figure's own words count ("78.047 đảng viên" is of members, not
    of the organizations the sentence spoke of first), then has most words in the figure's
    clause (the words from `clause` on), then the longest; a tie between indicators is no
    match."""
    best: dict[str, tuple[int, int, int, int]] = {}
    present = set(words)
    for phrase, indicator in phrases:
        # one word ("TCCSĐ", "hội viên") is too little to tie a figure to an indicator
        if len(phrase) < 2 or not present.issuperset(phrase):
            continue
        near = _words_in_clause(phrase, words, clause)
        if near is not None:
            held = sum(1 for word in label if word in phrase)
            named = bool(thing) and _holds(phrase, thing)
            rank = (held, named, near, len(phrase))
            best[indicator] = max(best.get(indicator, (0, 0, 0, 0)), rank)
    if not best:
        return None
    top = max(best.values())
    winners = [i for i, n in best.items() if n == top]
    if len(winners) > 1 and thing:
        # "cảnh cáo 12 đảng viên": members warned, not organizations, whose word is the same
        winners = [i for i in winners if _counts_thing(i, thing)] or winners
    return winners[0] if len(winners) == 1 else None


def _counts_thing(indicator: str, thing: tuple[str, ...]) -> bool:
    from ..catalogue import load_catalogue

    known = load_catalogue().indicators.get(indicator)
    counted = known.described.thing if known is not None else None
    return counted is not None and tuple(fold(counted).split()[: len(thing)]) == thing


def whole_named(named_base: str, phrases: list[tuple[tuple[str, ...], str]]) -> str | None:
    """The indicator of the whole a share names ("tổng số đảng viên mới kết nạp"), from
    those words alone."""
    words = re.sub(r"^(?:so voi |tren )?(?:tong so|so)\s+", "", named_base).split()
    return best_indicator(words, phrases)


def whole_of_part(indicator: str) -> str | None:
    """The whole the catalogue's rules hold an indicator a part of, actual of actual (women
    admitted of those admitted), if one."""
    from ..catalogue import load_catalogue

    wholes = {
        rule.whole
        for rule in load_catalogue().rules
        if indicator in rule.parts and rule.part_measure == rule.whole_measure == "actual"
    }
    return wholes.pop() if len(wholes) == 1 else None


def _holds(phrase: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether the words stand together in the phrase."""
    return any(phrase[i : i + len(words)] == words for i in range(len(phrase) - len(words) + 1))


# the things a count's own first words may name, folded
_ORGANIZATIONS = (("to", "chuc"), ("chi", "bo"), ("dang", "bo"), ("co", "so", "dang"))
_THINGS = (
    ("dang", "vien"),
    ("to", "chuc"),
    ("chi", "bo"),
    ("dang", "bo"),
    ("co", "so", "dang"),  # "73 cơ sở Đảng": grassroots organizations, not "đảng bộ cơ sở"
    ("dong", "chi"),  # "187.179 đồng chí": members, by no word of an indicator's
)


def _words_in_clause(phrase: tuple[str, ...], words: list[str], clause: int) -> int | None:
    """How many of the phrase's words, read in order as late as they stand, are in the
    clause; None when the phrase does not read in order in the words."""
    position, near = len(words), 0
    for token in reversed(phrase):
        position -= 1
        while position >= 0 and words[position] != token:
            position -= 1
        if position < 0:
            return None
        near += position >= clause
    return near


def indicator_of(
    p: Paragraph, found: Found, claims: list[Found], phrases: list[tuple[tuple[str, ...], str]]
) -> str | None:
    """The indicator whose phrase reads, in order, in the words of the claim's sentence
    before its figure (other figures' own words left out) and of its own phrase, the words
    of its own clause (after the last ';') counting first. A tie is no match."""
    figure = found.count if found.count is not None else found.anchor
    start, _end = p.sentences[figure.sentence]
    text = list(p.text[start : figure.start])
    since_at = start  # where the figure's own words begin: after the figure before it
    for other in p.figures:
        if other.sentence != figure.sentence or other.start >= figure.start or not blocks(other):
            continue
        end = min(_words_end(p, other.end), figure.start)
        since_at = max(since_at, end)
        for j in range(other.start - start, end - start):
            if p.text[start + j] != ";":
                text[j] = " "
    for source in _SOURCE.finditer(p.text, start, figure.start):
        lead = p.text[start : source.start()].rstrip()
        if not lead or lead[-1] in ",;:":  # "Cụ thể, theo Ủy ban Kiểm tra Tỉnh ủy, cấp ủy …"
            for j in range(source.start() - start, source.end() - start):
                text[j] = " "
    whole_from = _part_in_brackets_of(p, figure, start)
    if whole_from > start:
        # "…, nâng tổng số đảng viên … là 78.047 đảng viên (trong đó có 29.373 đảng viên
        # nữ)": a part of that whole, named by its words, not by the clauses before it
        text[: whole_from - start] = " " * (whole_from - start)
    before = "".join(text)
    # "đã kết nạp được tổng số 100 đảng viên": "in all", not the stock "tổng số đảng viên"
    before = _IN_ALL.sub(r"\1", before)
    # "số tổ chức đảng được kiểm tra giảm 7%": what was done to them, in the order the
    # catalogue's phrases say it ("kiểm tra tổ chức đảng")
    before = _PASSIVE.sub(r"\g<done> \g<thing>", before)
    phrase_end = own_end = _words_end(p, figure.end)
    paired = found.change is not None and any(  # another change between count and change
        other.kind == "count" and figure.end < other.start < found.anchor.start
        for other in p.figures
    )
    if not (paired and own_end > figure.end):
        # a change in numbers of a count that names its thing, beside another's ("206 đảng
        # viên (tăng 230 tổ chức và 124 đảng viên …)"): the count's words alone
        own_end = max(own_end, found.end)
    own_chars = list(p.text[figure.end : own_end])
    for other in p.figures:
        # "35.658 đồng chí, chiếm 40,51% tổng số đảng viên mới kết nạp, tăng 3,87%": the
        # words after a share inside the count's own name its whole, not the count
        if (
            other.kind == "percent"
            and figure.end < other.start < own_end
            and (other is not found.anchor or found.kind == "share")
        ):
            for j in range(other.start, min(_words_end(p, other.end), own_end)):
                own_chars[j - figure.end] = " "
    own = "".join(own_chars)
    cut = before.rfind(";") + 1
    far = _words(before[:cut])
    own_first = tuple(_words(own, digits=True)[:3])
    own_thing: tuple[str, ...] = next((t for t in _THINGS if own_first[: len(t)] == t), ())
    own += _shared_qualifier(p, figure, own_end, own_thing)
    near = _words(before[cut:] + " " + own)
    own_words = _words(p.text[figure.end : phrase_end])
    after_thing = own_words[len(own_thing) :] if own_thing else []
    if own_thing in _ORGANIZATIONS and "ket" in after_thing[:5]:
        return None  # "33.486 tổ chức cơ sở đảng kết nạp đảng viên": the organizations that did
    # "125 đảng viên là nữ", "64.794 đồng chí có trình độ cao đẳng", "119.756 đồng chí tuổi
    # đời từ 18 …": those of the members who are or have so, named by the words after the
    # thing as a list's item is by its label ("đồng chí" alone names no one)
    who_label: tuple[str, ...] = ()
    if after_thing[:1] in (["la"], ["co"], ["bi"]):  # "5.486 đảng viên bị khiển trách"
        who_label = tuple(after_thing[1:6])
    elif own_thing == ("dong", "chi"):
        who_label = tuple(after_thing[:5])
    # "130 đảng viên nữ", "4.650 đảng viên dự bị": who, with no verb; never an indicator
    # that does not say so, but chosen by the clause (the women admitted, not of the stock)
    who = tuple(after_thing[:1]) if own_thing and after_thing[:1] in _WHO_WITHOUT_VERB else ()
    if own_words[:2] == ["to", "chuc"] and own_words[2:3] not in (["dang"], ["co"]):
        near = [*near, "dang"]  # "giám sát 371 tổ chức và 513 đảng viên": party organizations
    label = who_label or _item_label(p, figure, start)
    if not label and (label := _class_before(p, start, figure)):
        near = [*near, *label]  # its words were taken as the figure before's own
    if label and not own_thing:  # "Hình thức kỷ luật đảng viên: khiển trách 29 (chiếm 47%)"
        own_thing = _list_thing(p, figure, start)
    if own_first[:2] in (("chi", "tieu"), ("ke", "hoach")) and _admitted(p, since_at, figure):
        # "đã kết nạp được 821/1.450 chỉ tiêu": members admitted, of the plan
        near = [*near, "dang", "vien"]
    if all(pattern.search(" ".join(near)) for pattern in _ACTORS.values()):
        # "cấp ủy và ủy ban kiểm tra các cấp đã thi hành kỷ luật 21 đảng viên": what every
        # body did, of no one body's indicator
        far, near = _without_actors(far), _without_actors(near)
    found_indicator = best_indicator(
        far + near, phrases, clause=len(far), label=label, thing=own_thing
    )
    if (who_label or who) and not any(
        indicator == found_indicator and (who_label or who)[0] in phrase
        for phrase, indicator in phrases
    ):
        return None  # "68 đảng viên là nông dân": of members who are what no indicator counts
    since = _words(p.text[since_at : figure.start] + " " + own)
    if found_indicator is None or _counts_no_such(found_indicator, near, since):
        return None
    done = _first_event(since)
    if done is not None and not _event_is(found_indicator, done[1]):
        # "kiểm tra khi có dấu hiệu vi phạm 3 tổ chức …, giám sát đối với 24 tổ chức đảng":
        # what its own clause says was done, not the clause before it, names the indicator
        actor = [w for w in map(fold, _ACTORS) if w in " ".join(near)]
        words = [*" ".join(actor).split(), *since[done[0] :]]
        found_indicator = best_indicator(words, phrases, label=label, thing=own_thing)
        if found_indicator is None or not _event_is(found_indicator, done[1]):
            return None
    if _another_actor(found_indicator, " ".join(near)):
        return None  # "UBKT các cấp giám sát 169 tổ chức đảng": not the committees' 317
    if found_indicator.startswith("inspection.") and _one_body(fold(before[cut:])):
        return None  # "Chi bộ trực thuộc Huyện ủy … kỷ luật 5 đảng viên": a part of all levels'
    return found_indicator


# a body of one level, as the subject of a check, supervision or discipline: its own part
# of what all levels did, which the data holds ("cấp ủy các cấp", "UBKT các cấp")
_ONE_BODY = re.compile(
    r"\b(?:ban chap hanh|ban thuong vu|thuong truc|dang uy co so|chi bo|chi uy"
    r"|(?:ubkt|uy ban kiem tra) (?:huyen uy|tinh uy|thanh uy|quan uy|thi uy|dang uy))\b"
)


def _one_body(clause: str) -> bool:
    """Whether the subject of a clause (its words before what it did) is one body, not all
    levels ("các cấp")."""
    words = clause.split()
    done = _first_event(words)
    subject = " ".join(words[: done[0]] if done is not None else words)
    return bool(_ONE_BODY.search(subject)) and " cac cap " not in f" {subject} "


# words right after a count's thing that say who, with no verb: "130 đảng viên nữ"
_WHO_WITHOUT_VERB = (["nu"], ["du"])


def _part_in_brackets_of(p: Paragraph, figure: Figure, sentence_start: int) -> int:
    """For a count in a bracket opening "(trong đó" right after another count of the
    sentence, where that whole's own clause begins (after the ',' or ';' before it); else
    the sentence's start."""
    if figure.paren < 0 or not re.match(r"\(\s*trong đó\b", p.text[figure.paren :], re.I):
        return sentence_start
    wholes = [
        f
        for f in p.figures
        if f.kind == "count" and sentence_start <= f.start and f.end <= figure.paren
    ]
    if not wholes or len(p.text[wholes[-1].end : figure.paren]) > 40:
        return sentence_start
    whole = wholes[-1]
    return max(p.text.rfind(mark, sentence_start, whole.start) for mark in ",;") + 1


def _admitted(p: Paragraph, since_at: int, figure: Figure) -> bool:
    """Whether what the clause did to a figure is to admit (members are all it admits)."""
    done = _first_event(_words(p.text[since_at : figure.start]))
    return done is not None and done[1] == "ket nap"


def _first_event(words: list[str]) -> tuple[int, str] | None:
    """(where, what) of the first thing done the words name: the clause's own verb
    ("giám sát đối với …"; "kiểm tra việc thi hành kỷ luật …" is a check)."""
    # the commission's name ("Ủy ban Kiểm tra") is who did it, not a check
    text = f" {' '.join(words)} ".replace(" uy ban kiem tra ", " uy ban ____ ____ ")
    found = [(at, e) for e in folded("done", "words") if (at := text.find(f" {e} ")) >= 0]
    if not found:
        return None
    at, event = min(found)
    return len(text[:at].split()), event


def _event_is(indicator: str, done: str) -> bool:
    """Whether what an indicator counts was done so ("kết nạp lại" is a "kết nạp")."""
    described = _described(indicator)
    event = described.event if described is not None else None
    return bool(event) and f" {done} " in f" {fold(event)} "


def _described(indicator: str) -> Described | None:
    """What the catalogue says an indicator counts (None: not one of its indicators)."""
    from ..catalogue import load_catalogue

    known = load_catalogue().indicators.get(indicator)
    return known.described if known is not None else None


# the bodies that act, folded: committees ("cấp ủy", not "cấp ủy viên") and commissions
_ACTORS = {
    "cấp ủy": re.compile(r"\bcap uy\b(?! vien)"),
    "ủy ban kiểm tra": re.compile(r"\buy ban kiem tra\b"),
}


def _without_actors(words: list[str]) -> list[str]:
    text = f" {' '.join(words)} "
    for pattern in _ACTORS.values():
        text = pattern.sub(" ", text)
    return text.split()


def _another_actor(indicator: str, clause: str) -> bool:
    """Whether the clause names a body other than the one an indicator is of."""
    described = _described(indicator)
    actor = described.actor if described is not None else None
    return actor in _ACTORS and any(
        pattern.search(clause) for other, pattern in _ACTORS.items() if other != actor
    )


# whose figures the sentence reports, not what they count: "theo Ủy ban Kiểm tra Tỉnh ủy
# Quảng Ninh, cấp ủy các cấp đã thi hành kỷ luật 251 đảng viên" is the committees' discipline
_SOURCE = re.compile(
    r"\btheo\s+(?:(?:báo cáo|số liệu|thống kê)\s+(?:của\s+)?)?"
    r"(?:ủy ban|uỷ ban|ubkt|ban|văn phòng|cục|sở|bộ)\b[^,;.:]*,",
    re.I,
)

_IN_ALL = re.compile(r"(\b(?:được|đã))\s+(?:tổng số|tổng cộng)\s*$", re.I)

_STOP = re.compile(r"[,;:.()]|\s\d")  # where a figure's own words end


_PASSIVE = re.compile(
    r"\b(?P<thing>tổ chức cơ sở đảng|tổ chức đảng|đảng viên|chi bộ)\s+(?:được|bị)\s+"
    r"(?P<done>kiểm tra|giám sát|thi hành kỷ luật|xử lý kỷ luật|kỷ luật|kết nạp)\b",
    re.IGNORECASE,
)


def _words_end(p: Paragraph, at: int) -> int:
    """Where the own words of a figure ending at `at` end."""
    stop = _STOP.search(p.text, at)
    return stop.start() if stop else len(p.text)


def _shared_qualifier(
    p: Paragraph, figure: Figure, own_end: int, own_thing: tuple[str, ...]
) -> str:
    """The words that qualify both counts of "kiểm tra 1 tổ chức đảng và 27 đảng viên khi
    có dấu hiệu vi phạm", for the first: what follows the second count's own thing, when
    the first's words are little more than its thing and "và" and the second names another
    thing."""
    if not own_thing:
        return ""
    nxt = next((o for o in p.figures if o.start >= own_end and blocks(o)), None)
    if nxt is None or nxt.kind != "count" or nxt.sentence != figure.sentence:
        return ""
    between = _words(p.text[figure.end : nxt.start])  # "tổ chức đảng và"
    if between[-1:] != ["va"] or len(between) > len(own_thing) + 2:
        return ""
    tail = _words(p.text[nxt.end : _words_end(p, nxt.end)])
    thing = next((t for t in _THINGS if tuple(tail[: len(t)]) == t), ())
    if not thing or thing == own_thing:
        return ""
    return " " + " ".join(tail[len(thing) :])


# abbreviations reports write, folded, and the words they stand for ("kết nạp 126 ĐV",
# "755 TCCSĐ", "UBKT các cấp")
_ABBREVIATIONS = {
    "dv": ("dang", "vien"),
    "tccsd": ("to", "chuc", "co", "so", "dang"),
    "tcd": ("to", "chuc", "dang"),
    "ubkt": ("uy", "ban", "kiem", "tra"),
    "dbcs": ("dang", "bo", "co", "so"),
    "cbcs": ("chi", "bo", "co", "so"),
    "ktgs": ("kiem", "tra", "giam", "sat"),
    "kt": ("kiem", "tra"),
}


def _words(text: str, digits: bool = False) -> list[str]:
    """The text's words, folded, its abbreviations written out (its numbers left out,
    unless `digits`)."""
    folded = fold(text if digits else re.sub(r"\d+", " ", text)).split()
    if _ABBREVIATIONS.keys().isdisjoint(folded):
        return folded
    return [word for token in folded for word in _ABBREVIATIONS.get(token, (token,))]


def _item_label(p: Paragraph, figure: object, start: int) -> tuple[str, ...]:
    """The words of a list's item before its number, after ':', "trong đó" or ',' ("Khiển
    trách" of "với hình thức: Khiển trách 789 đảng viên, cảnh cáo 207 đảng viên"), in a
    clause holding a ':' or "trong đó" before them; () elsewhere."""
    at = figure.start  # type: ignore[attr-defined]
    clause = p.text[start:at]
    heads = [m.end() for m in _LIST_HEAD.finditer(clause)]
    if not heads or ";" in clause[heads[-1] :]:
        return ()
    cut = max(clause.rfind(",") + 1, heads[-1])
    words = fold(clause[cut:]).split()
    if words[:1] == ["co"]:  # "trong đó có 13 cấp ủy viên": "có" names nothing
        words = words[1:]
    return tuple(words) if 0 < len(words) <= 4 and not any(w.isdigit() for w in words) else ()


def _class_before(p: Paragraph, start: int, figure: Figure) -> tuple[str, ...]:
    """A form of discipline named alone right before the figure, after the figure before
    it and a ',', ';' or "và": "cách chức 1 đồng chí và khai trừ 2 đồng chí" labels the 2
    "khai trừ", not the clause's first form; "Hình thức kỷ luật, khiển trách 21 đồng chí"
    labels the 21 "khiển trách". () otherwise."""
    earlier = [f.end for f in p.figures if start <= f.end <= figure.start and f is not figure]
    text = p.text[max([start, *earlier]) : figure.start]
    last = re.split(r"[,;:]|\bvà\b|\bhoặc\b", text)[-1]
    named = " ".join(fold(last).split())
    discipline = words()["classes"]["discipline"]
    forms = {
        form
        for name in discipline
        if name != "within"
        for form in folded("classes", "discipline", name)
    }
    return tuple(named.split()) if named in forms else ()


def _list_thing(p: Paragraph, figure: Figure, start: int) -> tuple[str, ...]:
    """The thing a list's head last names, for its items that name none: members in "kỷ
    luật 62 đảng viên, trong đó khiển trách 27, cảnh cáo 22", organizations in "29 tổ chức
    Đảng, với hình thức: Khiển trách 25, cảnh cáo 04"."""
    clause = p.text[start : figure.start]
    heads = [m.start() for m in _LIST_HEAD.finditer(clause)]
    if not heads:
        return ()
    words = _words(clause[: heads[-1]])
    for end in range(len(words), 0, -1):
        for thing in _THINGS:
            if tuple(words[end - len(thing) : end]) == thing:
                return ("dang", "vien") if thing == ("dong", "chi") else thing
    return ()


# what opens a list of parts: "với hình thức: …", "…, trong đó khiển trách 28 đảng viên, …"
_LIST_HEAD = re.compile(r":|\btrong đó\b|\bbao gồm\b|\bgồm\b", re.I)


def _counts_no_such(indicator: str, clause: list[str], since: list[str]) -> bool:
    """Whether the figure's words say it counts something else than the indicator its
    sentence names: discipline deserved, not imposed; a check of finances; what checks
    found ("…đối với 33 đảng viên, kết luận 29 đảng viên có vi phạm", in the words `since`
    the figure before it)."""
    if not indicator.startswith("inspection."):
        return False
    if _is_discipline(indicator):
        return _says(clause, "not_imposed") or _says(clause, "other_checks")
    return _says(since, "outcome") or _says(clause, "other_checks")


def _is_discipline(indicator: str) -> bool:
    """All discipline, or one body's (not one form of it)."""
    described = _described(indicator)
    return described is not None and described.event == "kỷ luật" and not described.qualifiers


def _says(clause: list[str], group: str) -> bool:
    """Whether the clause holds a phrase of words.toml's `group`: discipline deserved,
    considered or proposed, not imposed ("not_imposed"); a check of finances
    ("other_checks"); what a check found ("outcome"). The figure it gives counts nothing
    the catalogue names."""
    from .numbers import folded

    text = f" {' '.join(clause)} "
    return any(f" {phrase} " in text for phrase in folded(group, "words"))
