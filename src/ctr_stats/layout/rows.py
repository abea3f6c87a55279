"""Rows to figures: a unit's (or a type of organization's) row of counts, or one unit's
criteria down the rows, each resolved under the headings above it; total rows kept apart;
the table's end found at its signature block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..catalogue import Catalogue, Recognised
from ..catalogue.meaning import NOTHING, Lexicon, Meaning
from ..model import Cell, Counted, Finding, Key, Number, Period, Row, Severity
from ..read import Grid, a1
from ..text import clean, faithful, fold, strip_numbering
from .cells import CellReader, finding, key_of
from .header import CATEGORY_ROWS, Header, is_column_number, is_number_row, is_text
from .title import without_own_period


@dataclass
class RowsRead:
    rows: list[Row] = field(default_factory=list)
    totals: list[Row] = field(default_factory=list)
    end: int = 0  # the first row after the table (its signature block, or the sheet's end)
    skipped: list[int] = field(default_factory=list)  # repeated header and column-number rows
    # rows whose numbers were not read, and the code of the finding that says why
    unread: dict[int, str] = field(default_factory=dict)
    # single cells not read, (row, column) -> the finding's code (a criterion given twice)
    unread_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    # what was read, counted as it was, for the accounting: numbers added into figures,
    # numbers compared (total rows, the sheet's percentages), and how many of them were text
    used: int = 0
    checked: int = 0
    texts: int = 0
    more: bool = False  # the table ended where another table's header begins
    # criteria with figures that say in words the lexicon knows what is done, and by whom,
    # yet name no one indicator (a kind of check the catalogue lacks, or two at once): a
    # table of only these read nothing it should have (unlike rows of ethnic groups)
    near_misses: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- where the table ends

# The place-and-date line ("Hà Nội, ngày 20 tháng 6 năm 2024", dotted or filled) and the
# signature block's words: not data, wherever they stand.
_PLACE_DATE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_SIGNATURE = re.compile(
    r"^(?:nguoi lap bieu|nguoi lap|nguoi tong hop|can bo tong hop|tm|t m|kt|k t|tl|t l"
    r"|truong ban|pho truong ban|noi nhan|ghi chu|chu thich|chu y|xac nhan|thu truong"
    r"|ky ten|ky ghi ro ho ten|ky va ghi ro ho ten|bi thu|pho bi thu|chu nhiem|luu"
    r"|ban thuong vu|thuong truc)\b"
)


# A note under the table, in its label column: "Ghi chú:", "* Lưu ý", "(*) Chú thích"
_NOTE_LABEL = re.compile(r"^(?:ghi chu|chu thich|chu y|luu y)\b")


# A place-and-date line typed across cells: "Long Biên, ngày" | 15 | "tháng 01 năm 2024".
_PLACE_DATE_ROW = re.compile(r"^(?:[a-z ]{0,40} )?ngay(?: \d{1,2})? thang(?: \d{1,2})? nam\b")


@lru_cache(maxsize=1 << 12)
def _is_signature_text(text: str) -> bool:
    key = fold(text)
    return bool(_SIGNATURE.match(key) or _PLACE_DATE.search(key))


def ends_table(cells: list[object] | tuple[object, ...]) -> bool:
    """Whether a row holding no counts is the table's signature block or notes."""
    if _EMPTY.issuperset(cells):
        return False
    return any(type(v) is str and v and _is_signature_text(v) for v in cells)


def _ends_here(grid: Grid, r: int) -> bool:
    """Whether a row holding no counts is the table's signature block or notes, not a
    section's heading that reads like one ("Ban Thường vụ Huyện ủy")."""
    return ends_table(grid.rows[r]) and not _figures_follow(grid, r)


def _figures_follow(grid: Grid, r: int) -> bool:
    """Whether the next row that holds anything, below a row that reads like a signature
    ("Ban Thường vụ Huyện ủy", "Thường trực cấp ủy"), holds a label and figures: the row
    was a section's heading and the table goes on. A signature block has names and titles
    under it, never figures."""
    for below in grid.rows[r + 1 : r + 5]:
        if _EMPTY.issuperset(below):
            continue
        if any(type(v) is str and v and _is_signature_text(v) for v in below):
            return False  # the signature's next line ("PHÓ BÍ THƯ")
        if any(type(v) in (int, float) for v in below):
            return any(is_text(v) for v in below)
        # a heading under the heading ("1. Kiểm tra"): look on
    return False


def starts_table(
    cells: list[object] | tuple[object, ...],
    heading: str | None,
    header: Header,
    headings: frozenset[str],
) -> bool:
    """Whether a row without figures is the header of another table further down the sheet
    (a label column's heading other than this table's own)."""
    if _EMPTY.issuperset(cells):
        return False
    last = header.last_col if header.last_col is not None else len(cells) - 1
    return any(
        type(v) is str and len(v) <= 60 and fold(v) in headings and fold(v) != heading
        for v in cells[: last + 1]
    )


def dated_here(label: str, cells: list[object] | tuple[object, ...]) -> bool:
    """A labelled row that is the place-and-date line, its place in the label column and
    its day and year typed in cells of their own ("Ba Đình, ngày" | 10 | "tháng 01 năm" |
    2025): the table's end, never a row of figures."""
    return _DATED.match(label) is not None and is_place_and_date(cells)


_DATED = re.compile(r"^[^\W\d][^,\d]{0,39},\s*ngày\b", re.IGNORECASE)  # "Ba Đình, ngày"


def is_place_and_date(cells: list[object] | tuple[object, ...]) -> bool:
    """A row that is a place-and-date line, its day typed in a number cell of its own."""
    words = " ".join(
        format(v, "g") if type(v) is float else str(v) for v in cells if v not in ("", None)
    )
    return bool(words) and _PLACE_DATE_ROW.match(fold(words)) is not None


_EMPTY = frozenset({"", None})


# ---------------------------------------------------------------- labels


def row_label(grid: Grid, r: int, unit_col: int) -> tuple[str, int]:
    """The label column's text; failing that, text to its left (a merged 'Tổng cộng')."""
    row = grid.rows[r] if r < len(grid.rows) else ()
    value = row[unit_col] if unit_col < len(row) else None
    if type(value) is str:
        label = _label_text(value)
        if label is not None:
            return label, unit_col  # the common case, first
    for c in range(unit_col):
        value = row[c] if c < len(row) else None
        if is_text(value) and not is_column_number(str(value)):
            return clean(value), c
    return "", unit_col


@lru_cache(maxsize=1 << 13)  # asked of every row; labels repeat from copy to copy of a form
def _label_text(value: str) -> str | None:
    """A label cell's text, cleaned; None for a blank cell or a column number."""
    if value.strip() and not is_column_number(value):
        return clean(value)
    return None


_UNIT_KINDS = (
    r"(?:thanh pho|tp|tinh|quan|huyen|thi xa|tx|xa|phuong|thi tran|dac khu|dang bo"
    r"|don vi|khoi|nganh|cap|co so|cac don vi)"
)
_TOTAL = re.compile(
    r"^(?:tong cong|tong so|tong hop|tong|cong|toan bo|toan|tat ca)"
    r"(?: (?:chung|toan|ca|cac|cua))*"
    rf"(?: {_UNIT_KINDS}\b.*)?$"
    r"|^(?:tong )?cong(?: \d+| n)+$"  # "Cộng (1+2+3)", "Cộng (1+….+11)"
    # "Tổng số kết nạp", "Tổng số đảng viên được kết nạp": no name begins so (a name may
    # begin "Tổng công ty", "Tổng đội", "Tổng cục", never "Tổng số")
    r"|^tong so\b.*$"
    rf"|^ca {_UNIT_KINDS}\b.*$"  # "Cả phường", "Cả xã", "Cả đảng bộ"
)


@lru_cache(maxsize=1 << 14)  # asked of every row: each unit's copy of a form repeats them
def is_total_label(label: str) -> bool:
    """'Tổng cộng', 'Cộng', 'TỔNG SỐ', 'Toàn quận', 'Cộng toàn đảng bộ', 'Cộng (1+…+11)';
    and a total word followed by what says how it was added up: 'Tổng cộng (I+II)', 'Tổng
    (9 đơn vị)', 'Tổng toàn bộ', never a name ('Tổng công ty…', 'Cộng đồng…')."""
    text = strip_numbering(label)
    return (
        bool(_TOTAL.match(fold(text)))
        or _total_word_first(label)
        # "Tổng cộng đảng viên kết nạp" (diacritics told: "Tổng công ty" is a name)
        or clean(text).lower().startswith("tổng cộng ")
        or bool(_TOTAL_SHORT.fullmatch(clean(label)))
    )


# "TC", "T.C", "T/C" (Tổng cộng), "Σ": a row label no organization has
_TOTAL_SHORT = re.compile(r"(?i)(?:t\s?[./]?\s?c\.?|[Σ∑])\s*:?")


# A total word first, then what may follow it: brackets, a colon, figures, or words of a
# sum; never a name's words ("Tổng công ty", "Tổng đội", "Cộng đồng")
_TOTAL_WORD = re.compile(r"^(?:tong cong|tong so|tong hop|tong|cong|toan bo)\b")
_SUM_WORDS = frozenset(
    ("toan", "bo", "chung", "ca", "cac", "tat", "so", "cong", "tong", "don", "vi", "co",
     "dang", "chi", "va", "gom", "tu", "den", "cua", "i", "ii", "iii", "iv", "v", "vi", "vii",
     "viii", "ix", "x",
     # the period added up: "Tổng 9 tháng", "Cộng 6 tháng đầu năm", "Tổng năm 2025"
     "thang", "nam", "quy", "dau", "cuoi", "ky", "bao", "cao",
     # what was added up: "Tổng kết nạp", "Cộng đảng viên mới được kết nạp"
     "ket", "nap", "vien", "moi", "duoc", "to", "chuc",
     # a page's subtotal, carried over or brought forward: "Cộng trang 1", "Cộng chuyển
     # trang sau", "Cộng trang trước mang sang"
     "trang", "chuyen", "sang", "sau", "truoc", "mang")
)  # fmt: skip
_BRACKETED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")


def _total_word_first(label: str) -> bool:
    text = clean(strip_numbering(label))
    match = _TOTAL_WORD.match(fold(text))
    if match is None:
        return False
    words = len(match.group(0).split())
    rest = re.sub(rf"^(?:\W*\w+){{{words}}}", "", text).lstrip()
    if rest[:1] in ("(", ":", "["):
        return True
    return all(w in _SUM_WORDS or w.isdigit() for w in fold(_BRACKETED.sub(" ", rest)).split())


def _hidden_row_finding(grid: Grid, r: int, label: str) -> Finding:
    return finding(
        grid,
        "hidden-row",
        Severity.ERROR,
        f"{r + 1}:{r + 1}",
        f"dòng {r + 1} bị ẩn nhưng có số liệu: không được cộng (bỏ ẩn nếu cần tính, hoặc xóa dòng)",
        f"row {r + 1} is hidden but holds figures: not added (unhide it to count it, or delete it)",
        unit=label or None,
    )


def _heading_key(grid: Grid, header: Header) -> tuple[str | None, set[str]]:
    """The header's own heading of the label column ("Đơn vị", "Chỉ tiêu"), folded, and
    the letters it can start with: a row labelled so further down is the header repeated,
    as a printed form repeats it on each page."""
    heading = grid.value(header.top, header.unit_col)
    if not is_text(heading):
        return None, set()
    text = clean(heading)
    key = fold(text)
    return key, {text[0].lower(), text[0].upper(), key[0], key[0].upper()}


# ---------------------------------------------------------------- unit and category rows


def unit_rows(
    grid: Grid,
    header: Header,
    reader: CellReader,
    findings: list[Finding],
    headings: frozenset[str] = frozenset(),
) -> RowsRead:
    counted = reader.unit_counted
    assert counted is not None
    width = len(counted.keys)
    out = RowsRead(end=len(grid.rows))
    heading, initials = _heading_key(grid, header)
    numbers = header.number_col
    # whether rows may be listed under rows: types of organization often are; units are
    # not where every row has a plain STT number and no "Trong đó:", "-", "I." of its own
    flat = header.layout != CATEGORY_ROWS and numbers is not None
    stt = numbers or 0
    labelled: list[tuple[int, str]] = []  # (row, label) of each labelled row
    used = 0
    grid_rows, hidden = grid.rows, grid.hidden_rows
    r = header.first_data_row
    named_above: dict[int, int] = {}  # a name merged down its rows: its top row -> the row given it
    # the rows under the first of a merge over the label column: where a name may stand above
    merged_down = {
        below
        for r0, c0, r1, c1 in grid.merges
        if r1 > r0 and c0 <= header.unit_col <= c1 and r1 >= header.first_data_row
        for below in range(r0 + 1, r1 + 1)
    }
    while r < len(grid_rows):
        cells = grid_rows[r]
        if _EMPTY.issuperset(cells):  # a blank row: nothing in it to read, and it ends nothing
            r += 1
            continue
        label, label_col = row_label(grid, r, header.unit_col)
        top = None
        if not label and r in merged_down:
            top, label = _name_merged_above(grid, r, header.unit_col, counted.columns, named_above)
        if label and label[0] in initials and fold(label) == heading:
            r = _skip_header(grid, header, r, out)
            continue
        if label and (
            ("," in label and dated_here(label, cells)) or _NOTE_LABEL.match(fold(label))
        ):
            # the place-and-date line, or a note typed under the table ("Ghi chú: …" with
            # its number in a column of the table): the table's end, never one more row
            # (what numbers lie below are named: stray-number, unread-table)
            out.end = r
            break
        if label and top is None:
            labelled.append((r, label))
        elif ends_table(cells) or is_place_and_date(cells):
            out.end = r  # the signature block's date line, before its words are read as counts
            break
        amounts, texts, derived, problems = reader.read_counts(r, label)
        # a number in the row: the fast path leaves no cell empty
        present = width - amounts.count(None)
        has_numbers = present > 0
        if not has_numbers and not derived and _ends_here(grid, r):
            out.end = r
            break
        if r in hidden:
            if has_numbers or derived:
                findings.append(_hidden_row_finding(grid, r, label))
                out.unread[r] = "hidden-row"
            r += 1
            continue
        if not has_numbers and not derived and (not problems or not label):
            if starts_table(cells, heading, header, headings):
                out.end, out.more = r, True
                break
            if is_number_row(cells):
                out.skipped.append(r)
            r += 1
            continue  # a heading, a blank row
        findings.extend(problems)
        row = Row(label, label_col, r, reader.where, amounts, counted, texts, derived)
        if label and (texts or derived):
            out.checked += len(derived)
            out.texts += len(texts) + sum(1 for cell in derived.values() if cell.raw)
        if label and is_total_label(label):
            out.totals.append(row)
            out.checked += present
        elif not label:
            if is_place_and_date(cells):
                out.end = r
                break
            if has_numbers:
                out.unread[r] = "unlabelled-row"
                findings.append(
                    finding(
                        grid,
                        "unlabelled-row",
                        Severity.ERROR,
                        a1(r, header.unit_col),
                        "dòng có số liệu nhưng không có tên đơn vị: không được cộng",
                        "a row with figures but no unit name: not added",
                    )
                )
        else:
            if top is not None:
                named_above[top] = r
            out.rows.append(row)
            used += present
            if flat and (
                label[0] in _LISTED_FIRST
                or type(cells[stt] if stt < len(cells) else None) not in _PLAIN_NUMBER
            ):
                flat = (
                    not label[:9].lower().startswith(_LISTED)
                    and type(cells[stt] if stt < len(cells) else None) in _PLAIN_NUMBER
                )
        r += 1
    out.used += used
    if not flat:
        _nest(grid, header, out, _levels(grid, header, labelled), findings)
    else:
        _rows_typed_twice(grid, out.rows, findings)
    if not out.totals:
        _total_by_its_sums(grid, out, findings)
    return out


def _name_merged_above(
    grid: Grid, r: int, column: int, counted: Sequence[int], named_above: dict[int, int]
) -> tuple[int | None, str]:
    """(top row, name) of a unit's name merged down over this row from a row above (a long
    name over two lines) when that row has no figures of its own and no other row of the
    merge took the name: the figures typed on the second line are that unit's. Else
    (None, "")."""
    for r0, c0, r1, c1 in grid.merges:
        if c0 <= column <= c1 and r0 < r <= r1 and r0 not in named_above:
            label = row_label(grid, r0, column)[0]
            top_cells = grid.rows[r0] if r0 < len(grid.rows) else ()
            if label and not any(
                c < len(top_cells) and top_cells[c] not in ("", None) for c in counted
            ):
                return r0, label
    return None, ""


def _rows_typed_twice(grid: Grid, rows: list[Row], findings: list[Finding]) -> None:
    """A flat list's name on two rows, neither all zero. Two organizations are never named
    alike, so the second is a copy (pasted twice, the total row summing what was there) or
    a corrected line pasted below, the old one left (trial 29): both are added, and the
    run fails until the user deletes one."""
    named: dict[str, list[Row]] = {}  # by name first: names seldom repeat, figures often
    for row in rows:
        key = fold(row.label)
        alike = named.get(key)
        if alike is None:
            named[key] = [row]
            continue
        if not any(row.amounts):
            continue
        first = next((other for other in alike if other.amounts == row.amounts), None)
        alike.append(row)
        if first is not None:
            there = first.index + 1
            vi = f"dòng này lặp lại dòng {there} (cùng tên, cùng số liệu)"
            en = f"this row repeats row {there} (the same name and figures)"
        else:
            # one name as written, marks and all: "Xã Cẩm Giang" and "Xã Cẩm Giàng" are two
            same = faithful(row.label)
            other = next(
                (o for o in reversed(alike[:-1]) if any(o.amounts) and faithful(o.label) == same),
                None,
            )
            if other is None:
                continue
            there = other.index + 1
            vi = f"dòng này trùng tên với dòng {there} nhưng khác số liệu (dòng sửa dán thêm?)"
            en = f"this row has the name of row {there} with other figures (a corrected line pasted below?)"
        findings.append(
            finding(
                grid,
                "duplicate-row",
                Severity.ERROR,
                a1(row.index, row.label_col),
                f"{vi}: cả hai được cộng; xóa dòng thừa",
                f"{en}: both are added; delete the extra one",
            )
        )


_PLAIN_NUMBER = frozenset({float, int})
_LISTED_FIRST = frozenset("TtCcGgBb-+–—•*(IiVvXxabcd")
# how a label starts that may say it is listed under another row ("Trong đó:", "-", "+",
# "a)", "I.", "Chia ra", "Gồm"): such a sheet's rows are looked at for their levels
_LISTED = (
    "trong đó",
    "trong do",
    "chia ra",
    "gồm",
    "bao gồm",
    "trong số",
    "-",
    "+",
    "–",
    "—",
    "•",
    "*",
    "(",
    "i.",
    "i ",
    "ii",
    "iii",
    "iv",
    "v.",
    "v ",
    "vi",
    "ix",
    "x.",
    "a)",
    "b)",
    "c)",
    "d)",
    "a.",
    "b.",
    "c.",
    "a -",
    "b -",
    "c -",
)


def _levels(grid: Grid, header: Header, labelled: list[tuple[int, str]]) -> list[_Level]:
    numbers = header.number_col
    names = header.layout != CATEGORY_ROWS
    levels: list[_Level] = []
    level = 0.0
    for r, label in labelled:
        number = grid.value(r, numbers) if numbers is not None else None
        level, partial = numbering_level(label, level, number, names=names)
        levels.append(_Level(r, level, partial))
    return levels


@dataclass(frozen=True, slots=True)
class _Level:
    row: int
    level: float
    partial: bool  # listed as a part only ("Trong đó:")


def _nest(
    grid: Grid, header: Header, out: RowsRead, levels: list[_Level], findings: list[Finding]
) -> None:
    """Rows listed under a row ("6. Đơn vị sự nghiệp, gồm:" › "a) Công lập", "b) Ngoài
    công lập"; "Trong đó: …") are a breakdown of it: compared with it, never added with it.
    Of types of organization the row above is the figure and its parts are checked against
    it; of units the parts are the figures (units) and the row above is their subtotal.
    A total row's "Trong đó: nữ" is a part of the total: checked against it, not added (the
    rows under a total at the top are its units: left to the total's own check)."""
    if len({entry.level for entry in levels}) < 2:
        return  # one level: nothing listed under anything (most sheets)
    totals = {row.index for row in out.totals}
    read = {row.index: row for row in [*out.rows, *out.totals]}
    stack: list[tuple[float, Row | None]] = []
    under: dict[int, tuple[Row, list[Row], list[Row]]] = {}  # parent -> (parent, complete, partial)
    partial_lists: set[tuple[int, float]] = set()  # (parent row, level) listed "Trong đó"
    for entry in levels:
        while stack and stack[-1][0] >= entry.level:
            stack.pop()
        parent = next((row for _, row in reversed(stack) if row is not None), None)
        row = read.get(entry.row)
        if parent is not None and row is not None:
            key = (parent.index, entry.level)
            if entry.partial:
                partial_lists.add(key)
            _, complete, partial = under.setdefault(parent.index, (parent, [], []))
            (partial if key in partial_lists else complete).append(row)
        stack.append((entry.level, row))
    category = header.layout == CATEGORY_ROWS
    for parent, complete, partial in under.values():
        if parent.index in totals:
            if not partial:
                continue
            complete = []
        _check_breakdown(grid, parent, complete, partial, findings)
        parts = [*complete, *partial] if category else ([parent, *partial] if complete else partial)
        for row in parts:
            if row in out.rows:
                out.rows.remove(row)
                present = len(row.amounts) - row.amounts.count(None)
                out.used -= present
                out.checked += present


def _check_breakdown(
    grid: Grid, parent: Row, complete: list[Row], partial: list[Row], findings: list[Finding]
) -> None:
    """A complete list of parts adds up to its whole, a part listed "Trong đó" stays within
    it, column by column where the whole gives a number."""
    for c, whole in enumerate(parent.amounts):
        if whole is None:
            continue
        parts = [row.amounts[c] for row in complete if row.amounts[c] is not None]
        wrong = bool(parts) and sum(parts) != whole  # type: ignore[arg-type]
        over = [row for row in partial if row.amounts[c] is not None and row.amounts[c] > whole]  # type: ignore[operator]
        if not wrong and not over:
            continue
        key = parent.counted.keys[c]
        cell = a1(parent.index, parent.counted.columns[c])
        if wrong:
            vi = f"dòng '{parent.label}' ghi {whole}, các dòng chi tiết bên dưới cộng lại {sum(parts)}"  # type: ignore[arg-type]
            en = f"row '{parent.label}' says {whole}, the rows listed under it add up to {sum(parts)}"  # type: ignore[arg-type]
        else:
            vi = f"dòng '{over[0].label}' ({over[0].amounts[c]}) lớn hơn dòng '{parent.label}' ({whole}) mà nó là một phần"
            en = f"row '{over[0].label}' ({over[0].amounts[c]}) exceeds row '{parent.label}' ({whole}) it is a part of"
        findings.append(
            finding(grid, "breakdown-mismatch", Severity.ERROR, cell, vi, en, indicator=key[0])
        )


def _total_by_its_sums(grid: Grid, out: RowsRead, findings: list[Finding]) -> None:
    """A first or last row whose every count is the sum of the other rows' is a total row
    labelled in words the tool does not know ("Tổng hợp chung toàn quận", "Thành phố Hà
    Nội"): compared, never added a second time. Only when the sums say so beyond chance:
    three rows at least, three columns with a sum."""
    rows = out.rows
    if len(rows) < 3:
        return
    for candidate in (rows[-1], rows[0]):
        others = [row for row in rows if row is not candidate]
        if _a_sibling(candidate, others):
            continue
        if None in candidate.amounts or any(
            row.counted is not candidate.counted or None in row.amounts for row in others
        ):
            continue
        sums = tuple(map(sum, zip(*[row.amounts for row in others], strict=True)))
        agree = sum(1 for v, w in zip(sums, candidate.amounts, strict=True) if v == w and v)
        differ = sum(1 for v, w in zip(sums, candidate.amounts, strict=True) if v != w)
        # a typo or two in a total row typed by hand leaves it a total: compared (the cells
        # that differ are total-mismatch errors), never added as one more row
        if agree >= 3 and differ <= max(1, agree // 4):
            rows.remove(candidate)
            out.totals.append(candidate)
            out.used -= len(sums)
            out.checked += len(sums)
            vi, en = "bằng tổng các dòng còn lại", "equals the sum of the other rows"
            if differ:
                vi += f" ở {len(sums) - differ} cột (khác ở {differ} cột)"
                en += f" in {len(sums) - differ} columns (differs in {differ})"
            findings.append(
                finding(
                    grid,
                    "total-row-by-sum",
                    Severity.WARNING,
                    candidate.label_cell,
                    f"dòng '{candidate.label}' {vi}: coi là dòng tổng, không cộng thêm",
                    f"row '{candidate.label}' {en}: taken as a total row, not added again",
                )
            )
            return


def _a_sibling(candidate: Row, others: list[Row]) -> bool:
    """Whether a row is named as the rows beside it are ("Chi bộ thôn Nam" among "Chi bộ
    thôn Đông", "Chi bộ thôn Đoài"): one more of them, whose figures may equal the others'
    sum by chance (small counts often do), never their total ("Toàn huyện", "Thành phố
    Hà Nội", named otherwise)."""
    kind = fold(strip_numbering(candidate.label)).split()[:2]
    alike = sum(1 for row in others if fold(strip_numbering(row.label)).split()[:2] == kind)
    return len(kind) == 2 and 2 * alike >= len(others)


def total_named_as_owner(grid: Grid, out: RowsRead, owner: str, findings: list[Finding]) -> None:
    """A first or last row labelled with the sheet's own unit ("Quận Ba Đình" under "ĐẢNG BỘ
    QUẬN BA ĐÌNH"), where no total row was found: the unit's total, compared with the rows
    (a typo in it is then a total-mismatch), never one more of its organizations."""
    if out.totals or len(out.rows) < 2:
        return
    for candidate in (out.rows[-1], out.rows[0]):
        if not _names_unit(candidate.label, owner):
            continue
        present = len(candidate.amounts) - candidate.amounts.count(None)
        out.rows.remove(candidate)
        out.totals.append(candidate)
        out.used -= present
        out.checked += present
        findings.append(
            finding(
                grid,
                "total-row-by-name",
                Severity.WARNING,
                candidate.label_cell,
                f"dòng '{candidate.label}' mang tên chính đơn vị của trang tính: coi là dòng"
                " tổng, so với tổng các dòng, không cộng thêm",
                f"row '{candidate.label}' bears the sheet's own unit's name: taken as its total"
                " row, compared with the rows' sum, not added again",
            )
        )
        return


_UNIT_TYPE_SHORT = {"q": "quan", "h": "huyen", "tx": "thi xa", "p": "phuong", "x": "xa",
                    "tt": "thi tran", "tp": "thanh pho"}  # fmt: skip
_UNIT_TYPE = re.compile(r"^(?:quan|huyen|thi xa|phuong|xa|thi tran|thanh pho|dac khu) ")
_COMMITTEE = re.compile(r"^(?:toan |cong )?(?:dang bo|dang uy|quan uy|huyen uy|thi uy) ")


@lru_cache(maxsize=1 << 12)
def _names_unit(label: str, owner: str) -> bool:
    """Whether a label names the unit `owner` (folded, as a title gives it): with its type
    ("Quận Ba Đình", "Đảng bộ Q. Ba Đình") or without ("Ba Đình"); "Thị trấn Đông Anh" is
    no name of "Huyện Đông Anh"."""
    unit = _unit_key(owner)
    key = _unit_key(_COMMITTEE.sub("", fold(strip_numbering(label)) + " ").strip())
    bare = _UNIT_TYPE.sub("", unit + " ").strip()
    return bool(bare) and key in (unit, bare)


def _unit_key(key: str) -> str:
    first, _, rest = key.partition(" ")
    return f"{_UNIT_TYPE_SHORT[first]} {rest}" if first in _UNIT_TYPE_SHORT and rest else key


def _skip_header(grid: Grid, header: Header, r: int, out: RowsRead) -> int:
    """The rows of a repeated header (and its column-number row): passed over."""
    last = r + (header.bottom - header.top)
    if last + 1 < len(grid.rows) and is_number_row(grid.rows[last + 1]):
        last += 1
    out.skipped.extend(range(r, last + 1))
    return last + 1


# ---------------------------------------------------------------- indicator rows

# Numbering in front of a criterion, as the forms number their levels: "I." / "A -"
# (parts), "1." / "1 -" (items), "1.1." (sub-items), "a)" / "a -" (their parts), "-",
# "+" / "*" (items of those).
_LEVELS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"^(?:[IVX]+|[A-ZĐ])\s*[.)/–-]\s*", re.U), 1),
    (re.compile(r"^\d+\s*\.\s*\d+(?:\s*\.\s*\d+)*\s*[.)/–-]?\s+"), 3),
    (re.compile(r"^\(?\d+\s*[.)/–-]?\)?\s+|^\(?\d+\)\s*"), 2),
    (re.compile(r"^\(?[a-zđ]\s*[.)/–-]\)?\s*"), 4),
    (re.compile(r"^[-–—•]\s*"), 5),
    (re.compile(r"^[+*]\s*"), 6),
)
_CHILD = re.compile(r"^\s*(?:trong (?:đó|do)|chia ra|bao gồm|gồm|trong số)\b\s*[:,.]?\s*", re.I)
_ROMAN = re.compile(r"^[IVX]+$")
_ROMAN_START = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})\s*[.)/–-]")


def numbering_level(
    label: str, previous: float, number: object = None, *, names: bool = False
) -> tuple[float, bool]:
    """How deep a row sits, by its numbering (or, failing that, the number in its STT
    column: "I", "1", "a"), and whether it is listed as a part only ("Trong đó:"): such a
    row sits under the row before it unless its own numbering says where. Rows of names
    (`names`) go by their STT first: "Q. Ba Đình", "H. Đông Anh" are no numbering."""
    partial, rest = _numbering(label[:12])
    level = _number_level(number) if names else None
    if level is None:
        level = _label_level(rest)
        if names and level in (1, 4) and not _ROMAN_START.match(rest):
            level = None  # a letter and a dot starting a name: "Q.", "H.", "P.", "X."
    if level is None and partial:
        return previous + 0.5, True  # the STT column numbers rows, not levels, here
    if level is None:
        level = _number_level(number)
    return (0, False) if level is None else (level, partial)


@lru_cache(maxsize=1 << 12)
def _numbering(start: str) -> tuple[bool, str]:
    """(a "Trong đó:" part, the label's start after it): kept by the label's first letters,
    which repeat in every copy of a form."""
    match = _CHILD.match(start)
    return (True, start[match.end() :]) if match else (False, start)


@lru_cache(maxsize=1 << 12)
def _label_level(start: str) -> float | None:
    for pattern, level in _LEVELS:
        if pattern.match(start):
            return level
    return None


def _number_level(number: object) -> float | None:
    if type(number) is float or type(number) is int:
        return 2
    if type(number) is not str or not number.strip():
        return None
    text = number.strip().rstrip(".)")
    if text.isdigit():
        return 2
    if _ROMAN.match(text) or (len(text) == 1 and text.isupper()):
        return 1
    if len(text) == 1 and text.isalpha():
        return 4
    if re.fullmatch(r"\d+(?:\.\d+)+", text):
        return 3
    return _label_level(text + " ")


@dataclass
class _Heading:
    level: float
    meaning: Meaning  # the path down to this row, composed
    stock: bool = False  # the row was read as what exists ("Đảng viên … có đến cuối kỳ")


def criterion_rows(
    grid: Grid,
    header: Header,
    reader: CellReader,
    catalogue: Catalogue,
    findings: list[Finding],
    owner_text: str | None,
    context: Meaning,
    headings: frozenset[str] = frozenset(),
    period: Period | None = None,
) -> RowsRead:
    """One unit's sheet: each row a criterion, resolved under the headings above it
    ("B - Đảng viên tăng trong kỳ" › "1. Kết nạp" is admission.total; "Cấp ủy kiểm tra"
    then "- Tổ chức đảng" is inspection.committee_check_orgs)."""
    out = RowsRead(end=len(grid.rows))
    numbers: dict[Key, Number] = {}
    texts: dict[Key, str] = {}
    derived: dict[tuple[str, str], Cell] = {}
    columns: dict[Key, int] = {}
    rows_of: dict[Key, int] = {}
    by_measure = {c.measure: c.index for c in reader.counted}
    # columns counting a part of what their row names ("Trong đó › Nữ"; "Tổ chức đảng")
    parts = sorted({c.part for c in reader.counted if c.part is not None})
    lexicon = catalogue.lexicon
    stack: list[_Heading] = []
    level = 0.0
    partial = False
    numbered = False  # whether a row so far was numbered ("I", "1.", "a)", "-")
    heading, _ = _heading_key(grid, header)
    r = header.first_data_row - 1
    while r + 1 < len(grid.rows):
        r += 1
        label, label_col = row_label(grid, r, header.unit_col)
        if (not label or "," in label) and (
            dated_here(label, grid.rows[r]) if label else is_place_and_date(grid.rows[r])
        ):
            out.end = r
            break
        if not label:
            if any(
                isinstance(v, (int, float)) and not isinstance(v, bool)
                for c, v in enumerate(grid.rows[r])
                if c in reader_columns(reader)
            ):
                findings.append(
                    finding(
                        grid,
                        "unlabelled-row",
                        Severity.ERROR,
                        a1(r, header.unit_col),
                        "dòng có số liệu nhưng không có tên chỉ tiêu: không được cộng",
                        "a row with figures but no criterion: not added",
                    )
                )
                out.unread[r] = "unlabelled-row"
            elif is_number_row(grid.rows[r]):
                out.skipped.append(r)
            continue
        if fold(label) == heading:
            r = _skip_header(grid, header, r, out) - 1
            continue
        number = grid.value(r, header.number_col) if header.number_col is not None else None
        above_level, was_partial = level, partial
        level, partial = numbering_level(label, level, number)
        if (
            was_partial
            and not partial
            and level == 0
            and (numbered or _indented(grid.value(r, label_col)))
        ):
            # "Trong đó: kết luận có vi phạm" then, spaced to line up under it, "Phải thi
            # hành kỷ luật"; "Trong đó: Đảng bộ cơ sở" then "Chi bộ cơ sở" in a form that
            # numbers its sections: the list's next item, not a heading over all below
            level, partial = above_level, True
        numbered = numbered or level >= 1
        while stack and stack[-1].level >= level:
            stack.pop()
        above = stack[-1].meaning if stack else NOTHING
        under_stock = bool(stack) and stack[-1].stock
        own = lexicon.read(without_own_period(label, period))
        meaning = lexicon.under(own, above)
        stack.append(_Heading(level, meaning))
        # "Trong đó: - Nữ" under the members on the rolls: a part of them, whatever the
        # title says was done ("THỐNG KÊ ĐẢNG VIÊN MỚI KẾT NẠP" over Biểu 3-BTCTW's rows)
        row_context = replace(context, event=None) if under_stock and not own.event else context
        recognised = catalogue.recognise(meaning.within(row_context, stock=not parts))
        of_parts = _of_parts(catalogue, parts, meaning, context) if parts else None
        if partial and len(stack) > 1:
            # "Trong đó: Ủy ban Kiểm tra Tỉnh ủy kiểm tra" under the commissions' checks: a
            # part of the row above that no indicator counts, not that row again
            whole = stack[-2].meaning
            if recognised.indicator is not None and recognised.indicator == (
                catalogue.recognise(whole.within(context, stock=not parts)).indicator
            ):
                recognised = Recognised(None)
            if of_parts:
                of_whole = _of_parts(catalogue, parts, whole, context)
                of_parts = {p: None if i == of_whole[p] else i for p, i in of_parts.items()}
        indicator = recognised.indicator
        row_numbers, row_texts, row_derived, problems = reader.read(
            r, owner_text or "", indicator, of_parts
        )
        if row_numbers and indicator is not None:
            stack[-1].stock = catalogue.indicators[indicator].stock
        if not row_numbers and not row_derived and _ends_here(grid, r):
            out.end = r
            break
        if (
            not row_numbers
            and not row_derived
            and starts_table(grid.rows[r], heading, header, headings)
        ):
            out.end, out.more = r, True
            break
        if not row_numbers and not row_derived and not problems:
            continue  # a heading
        if r in grid.hidden_rows:
            findings.append(_hidden_row_finding(grid, r, label))
            out.unread[r] = "hidden-row"
            continue
        if indicator is None and not (of_parts and any(of_parts.values())):
            if problems and not row_numbers and ends_table(grid.rows[r]):
                out.end = r
                break
            figures = _figure_cells(grid, r, reader)
            findings.append(_unread_criterion(grid, header, r, label, recognised, lexicon, figures))
            out.unread[r] = "ambiguous-indicator" if recognised.candidates else "unknown-criterion"
            # what the row and its headings say, not the title: the title's "kết nạp" makes
            # no row of a continuation's ethnic groups a near miss, nor does an event no
            # indicator counts (a form of awards, "Tặng Huy hiệu Đảng")
            if recognised.candidates or (
                not meaning.residue and catalogue.counts_event(meaning.event)
            ):
                out.near_misses.append(r)
            continue
        findings.extend(problems)
        derived.update(row_derived)
        out.checked += len(row_derived)
        out.texts += sum(1 for cell in row_derived.values() if cell.raw)
        keys = (
            {key_of(c, indicator, of_parts): c.index for c in reader.counted}
            if of_parts is not None
            else None
        )
        if keys is not None:
            row_numbers = _parts_placed(grid, r, label, keys, row_numbers, out, findings)
        for key, number in row_numbers.items():
            col = by_measure[key[1]] if keys is None else keys[key]
            if key in numbers:
                first = a1(rows_of[key], columns[key])
                findings.append(
                    finding(
                        grid,
                        "duplicate-criterion",
                        Severity.ERROR,
                        a1(r, col),
                        f"chỉ tiêu này đã có ở ô {first} (không cộng lần nữa)",
                        f"this criterion already appears at {first} (not added again)",
                        indicator=indicator,
                    )
                )
                out.unread_cells[(r, col)] = "duplicate-criterion"
                continue
            numbers[key] = number
            columns[key] = col
            rows_of[key] = r
            out.used += 1
            if key in row_texts:
                texts[key] = row_texts[key]
                out.texts += 1
    if numbers:
        counted = Counted(tuple(numbers), tuple(columns[key] for key in numbers))
        out.rows.append(
            Row(
                owner_text or grid.sheet,
                header.unit_col,
                header.top,
                reader.where,
                tuple(numbers.values()),
                counted,
                texts,
                derived,
                rows_of,
            )
        )
    return out


def _of_parts(
    catalogue: Catalogue, parts: Sequence[str], meaning: Meaning, context: Meaning
) -> dict[str, str | None]:
    """The indicator each column's part names with its row. A row that says nothing of
    its own ("Cộng") names with a part what the title names, where it names what was done
    ("THI HÀNH KỶ LUẬT …": the forms' total), and nothing else (the checks and the
    supervision together under "KIỂM TRA, GIÁM SÁT", never the members on the rolls)."""
    lexicon = catalogue.lexicon
    says_nothing = not (meaning.thing or meaning.event or meaning.actor or meaning.qualifiers)
    if says_nothing and context.event is None:
        return dict.fromkeys(parts)
    return {
        part: catalogue.recognise(
            lexicon.under(lexicon.read(part), meaning).within(context, stock=False)
        ).indicator
        for part in parts
    }


def _parts_placed(
    grid: Grid,
    r: int,
    label: str,
    keys: dict[Key, int],
    row_numbers: dict[Key, Number],
    out: RowsRead,
    findings: list[Finding],
) -> dict[Key, Number]:
    """A row's numbers of the columns that name an indicator with it (`keys`: each key's
    column); the others (a part the catalogue does not count: "Sinh viên" › "Nữ") each
    named as not used."""
    kept: dict[Key, Number] = {}
    unplaced: list[int] = []
    for key, number in row_numbers.items():
        if key[0] and not key[0].startswith("?"):
            kept[key] = number
        else:
            unplaced.append(keys[key])
            out.unread_cells[(r, keys[key])] = "unknown-criterion"
    if unplaced:
        unplaced.sort()
        cells = ", ".join(a1(r, c) for c in unplaced)
        findings.append(
            finding(
                grid,
                "unknown-criterion",
                Severity.WARNING,
                a1(r, unplaced[0]),
                f"'{label}' ở các cột này không khớp chỉ tiêu nào trong danh mục: các ô {cells}"
                " không được cộng",
                f"'{label}' under these columns names no catalogue indicator: cells {cells} not"
                " added",
            )
        )
    return kept


def _indented(value: object) -> bool:
    """A label typed after spaces that line it up under the label above."""
    return type(value) is str and value[:2].isspace()


def reader_columns(reader: CellReader) -> set[int]:
    return {c.index for c in (*reader.counted, *reader.derived)}


def _figure_cells(grid: Grid, r: int, reader: CellReader) -> str:
    """' (D5, E5)': the cells of a row's figures a finding leaves unread, or ''."""
    cells = [
        a1(r, c)
        for c in sorted(reader_columns(reader))
        if c < len(grid.rows[r]) and grid.rows[r][c] not in (None, "")
    ]
    return f" ({', '.join(cells)})" if cells else ""


def _unread_criterion(
    grid: Grid,
    header: Header,
    r: int,
    label: str,
    recognised: Recognised,
    lexicon: Lexicon,
    figures: str = "",
) -> Finding:
    cell = a1(r, header.unit_col)
    if recognised.candidates:
        names = ", ".join(recognised.candidates)
        return finding(
            grid,
            "ambiguous-indicator",
            Severity.ERROR,
            cell,
            f"chỉ tiêu '{label}' khớp với nhiều chỉ tiêu trong danh mục ({names}): không đoán, không cộng",
            f"criterion '{label}' matches several catalogue indicators ({names}): not guessed, not added",
        )
    near = f" (gần với {recognised.near})" if recognised.near else ""
    near_en = f" (close to {recognised.near})" if recognised.near else ""
    words = " ".join(lexicon.read(label).residue)  # its own, not its headings'
    unknown_vi = f"; không hiểu các từ: '{words}'" if words else ""
    unknown_en = f"; words not understood: '{words}'" if words else ""
    return finding(
        grid,
        "unknown-criterion",
        Severity.WARNING,
        cell,
        f"chỉ tiêu '{label}' không có trong danh mục{near}{unknown_vi}: số liệu dòng này{figures}"
        " không được cộng",
        f"criterion '{label}' names no catalogue indicator{near_en}{unknown_en}: its figures"
        f"{figures} are not added",
        indicator=recognised.near,
    )
