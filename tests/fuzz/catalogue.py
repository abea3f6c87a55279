"""Every class of mutation, one line each: its name, what kind of change it is (what it must
give: expect.py), the function that makes it (mutations.py) and that function's parameters.

To add a class: write a small function in mutations.py that changes one thing through the
Target and returns Same(), Moves(deltas, mismatch) or Damage(place, right); add a line
here. The short run (tests/test_fuzz.py) and the long run pick it up; if it fails on
today's code, add its name to known.py with the reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import mutations as m
from .expect import Kind

C, V, D = Kind.COSMETIC, Kind.VALUE, Kind.DAMAGING
MAINLY_2023 = ("2023", "2023", "2023", "2022-h1")  # periods an instance picks from


@dataclass(frozen=True)
class Class:
    name: str
    kind: Kind
    make: Callable[..., Any]
    params: dict[str, Any] = field(default_factory=dict)
    periods: tuple[str, ...] = MAINLY_2023
    needs_soffice: bool = False


def _c(kind: Kind, name: str, make: Callable[..., Any], /, **params: Any) -> Class:
    periods = params.pop("periods", MAINLY_2023)
    return Class(name, kind, make, params, periods, make is m.exported)


# Named for a district of 9 rows; the words follow the unit's kind (quận, huyện, thị xã).
TOTAL_WORDS = [
    "Tổng cộng", "Cộng", "Tổng số", "TỔNG SỐ", "Cộng toàn {type}", "Toàn {type}",
    "Tổng cộng chung", "Tổng hợp", "Cộng (1+...+{n})", "Cộng (1 + … + {n})", "TỔNG CỘNG",
    "Tổng cộng:",
]  # fmt: skip
MEASURES = [
    ("plan", "KH"), ("plan", "Chỉ tiêu"), ("actual", "TH"), ("actual", "Kết quả"),
    ("actual", "Kỳ này"), ("actual", "Thực hiện năm 2023"), ("prior", "Cùng kỳ năm trước"),
    ("prior", "CK"), ("prior", "Cùng kỳ năm 2022"),
]  # fmt: skip

CLASSES: list[Class] = [
    # ---------------------------------------------------------------- cosmetic
    _c(C, "roundtrip", m.roundtrip),
    *(_c(C, f"blank-row/{w}", m.blank_rows, where=w) for w in (
        "above-title", "title-header", "inside-header", "header-data", "between-data",
        "before-total", "after-table")),
    _c(C, "blank-row/three-between-data", m.blank_rows, where="between-data", n=3),
    *(_c(C, f"blank-col/{w}", m.blank_cols, where=w) for w in (
        "before-table", "stt-label", "label-figures", "inside-group", "between-groups",
        "after-table")),
    _c(C, "blank-col/inside-group-after-plan", m.blank_cols, where="after-plan"),
    _c(C, "blank-col/two-inside-group", m.blank_cols, where="inside-group", n=2),
    _c(C, "unmerged-header/value-in-first", m.unmerge_header, fill="first"),
    _c(C, "unmerged-header/value-repeated", m.unmerge_header, fill="every"),
    *(_c(C, f"merged-differently/{h}", m.remerge, how=h) for h in (
        "stt-unit-below", "title-unmerged", "total-label-unmerged", "total-label-in-b")),
    _c(C, "style/fonts-fills-formats", m.restyle),
    _c(C, "style/widths-heights", m.resize),
    _c(C, "style/comments", m.comments),
    _c(C, "style/filter-validation-print", m.sheet_extras),
    *(_c(C, f"sheet/renamed-{n}", m.rename_sheet, name=n) for n in ("Sheet1", "Biểu 2", "KN 2023")),
    _c(C, "sheet/reordered", m.reorder_sheets),
    _c(C, "sheet/empty-first", m.add_sheet, content="empty", first=True),
    _c(C, "sheet/empty-last", m.add_sheet, content="empty", first=False),
    _c(C, "sheet/notes-first", m.add_sheet, content="notes", first=True),
    *(_c(C, f"text-number/{s}", m.text_numbers, style=s) for s in (
        "plain", "padded", "nbsp", "thousands", "vietnamese-sheet")),
    *(_c(C, f"export/{to}", m.exported, to=to) for to in (
        "xlsx", "ods", "xls", "csv", "csv-utf16-tab", "csv-cp1258-semicolon")),
    *(_c(C, f"measure-word/{w}", m.measure_word, measure=k, word=w, periods=("2023",)) for k, w in MEASURES),
    _c(C, "indicator-label", m.indicator_label),
    *(_c(C, f"total-label/{w.format(type='quận', n=9)}", m.total_label, word=w) for w in TOTAL_WORDS),
    *(_c(C, f"signature/{h}", m.signature, how=h) for h in (
        "under-figures", "no-gap", "reworded", "numeric-date", "date-cell", "signers")),
    _c(C, "header/upper-case", m.upper_headers),
    _c(C, "header/line-breaks", m.line_breaks),
    _c(C, "header/rich-text", m.rich_headers),
    _c(C, "unicode/nfd", m.unicode_form, how="nfd"),
    _c(C, "unicode/eth-for-d", m.unicode_form, how="eth"),
    _c(C, "column-numbers/numbers", m.column_numbers, style="numbers"),
    _c(C, "column-numbers/bracketed", m.column_numbers, style="bracketed"),
    _c(C, "percent-column", m.percent_column),
    _c(C, "total-row/at-top", m.total_moved, where="top"),
    _c(C, "total-row/removed", m.total_moved, where="gone"),
    _c(C, "title/removed", m.title_removed),
    _c(C, "file/renamed", m.file_renamed, name="Báo cáo số liệu năm {year} - bản gửi Thành ủy.xlsx"),
    _c(C, "numbering/stt-text", m.numbering, style="stt-text"),
    _c(C, "numbering/label-prefix", m.numbering, style="label-prefix"),
    _c(C, "xml/formula-totals-cached", m.formulas_cached, where="total"),
    _c(C, "xml/formula-data-cached", m.formulas_cached, where="data"),
    _c(C, "xml/shared-strings", m.shared_strings),
    _c(C, "xml/exponent-number", m.exponent_xml),
    _c(C, "suffix/xlsx-named-xls", m.wrong_suffix, suffix=".xls"),
    _c(C, "header/repeated-in-table", m.header_repeated),
    *(_c(C, f"heading/stt-{w}", m.heading, col=1, word=w) for w in ("TT", "Số TT")),
    *(_c(C, f"heading/unit-{w}", m.heading, col=2, word=w) for w in (
        "Tên đơn vị", "Tên tổ chức đảng", "Đơn vị trực thuộc")),
    _c(C, "stt-column/removed", m.stt_removed),
    *(_c(C, f"unit-title/{s}", m.unit_title, style=s) for s in (
        "committee", "abbreviated", "no-diacritics")),
    _c(C, "period-title/lower-case", m.period_wording, style="lower-case"),
    _c(C, "period-title/months", m.period_wording, style="months"),
    _c(C, "style/sheet-protected", m.protected),
    _c(C, "notes-column", m.notes_column),
    _c(C, "group-heading-row", m.group_heading),
    _c(C, "hidden/blank-row", m.hidden_blank, what="row"),
    _c(C, "hidden/empty-sheet", m.hidden_blank, what="sheet"),
    # ---------------------------------------------------------------- value
    _c(V, "value/plus-total-adjusted", m.change_cell, sign=1, adjust_total=True),
    _c(V, "value/plus-total-left", m.change_cell, sign=1, adjust_total=False),
    _c(V, "value/minus-total-adjusted", m.change_cell, sign=-1, adjust_total=True),
    _c(V, "value/minus-total-left", m.change_cell, sign=-1, adjust_total=False),
    _c(V, "value/total-row-only", m.total_only),
    *(_c(V, f"value/cleared-{n}", m.cleared, blank=b) for n, b in (
        ("empty", None), ("dash", "-"), ("en-dash", "–"), ("x", "x"))),
    _c(V, "value/row-added", m.row_added),
    _c(V, "value/row-removed-total-adjusted", m.row_removed, adjust_total=True),
    _c(V, "value/row-removed-total-left", m.row_removed, adjust_total=False),
    _c(V, "value/row-duplicated", m.row_duplicated),
    _c(V, "value/no-total-row", m.change_without_total),
    # ---------------------------------------------------------------- damaging
    *(_c(D, f"unknown-measure/{w} for {r}", m.unknown_measure, word=w, replaces=r)
      for r in ("actual", "plan-or-prior")
      for w in ("Lũy kế", "Số liệu", "Ước TH", "Dự kiến", "Tháng 11")),
    _c(D, "header-row-deleted/indicator", m.header_row_deleted, which="indicator"),
    _c(D, "header-row-deleted/measure", m.header_row_deleted, which="measure"),
    *(_c(D, f"bad-value/{w}", m.bad_value, what=w) for w in m.BAD),
    *(_c(D, f"raw/{w}", m.raw_cell, what=w) for w in (
        "2^53+1", "formula-without-value", "formula-empty-value", "string-formula",
        "float-noise")),
    _c(D, "number-with-word", m.number_with_word),
    _c(D, "hidden/data-row", m.hidden_row, total=True),
    _c(D, "hidden/data-row-no-total", m.hidden_row, total=False),
    _c(D, "hidden/data-column", m.hidden_col),
    _c(D, "hidden/sheet", m.hidden_sheet, state="hidden"),
    _c(D, "hidden/very-hidden-sheet", m.hidden_sheet, state="veryHidden"),
    _c(D, "merged-data/across", m.merged_data, direction="across"),
    _c(D, "merged-data/down", m.merged_data, direction="down"),
    _c(D, "unlabelled-row/other", m.unlabelled_row, first=False),
    _c(D, "unlabelled-row/first", m.unlabelled_row, first=True),
    _c(D, "shifted-left", m.shifted_left),
    _c(D, "duplicated-sheet", m.duplicated_sheet),
    _c(D, "second-copy/numbered", m.second_copy, name="{stem} (1).xlsx"),
    _c(D, "second-copy/copy-of", m.second_copy, name="Copy of {stem}.xlsx"),
    _c(D, "other-unit-title", m.other_unit_title),
    _c(D, "other-period-title", m.other_period_title),
    _c(D, "file-missing", m.file_missing),
    _c(D, "anonymous-file", m.anonymous),
    _c(D, "named-as-other-unit", m.named_as_other_unit),
    _c(D, "stray-number", m.stray_number),
    _c(D, "old-period-sheet", m.old_period_sheet),
    _c(D, "sheet-deleted", m.sheet_deleted),
    _c(D, "subtotal-row", m.subtotal_row),
    _c(D, "formula-totals-uncached", m.formula_totals_uncached),
    _c(D, "export/csv-as-shown-en", m.exported, to="csv-as-shown-en"),
]  # fmt: skip

BY_NAME = {c.name: c for c in CLASSES}
assert len(BY_NAME) == len(CLASSES), "two classes share a name"
