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
MORE_TOTAL_WORDS = [
    "Tổng", "TỔNG", "Cộng:", "Tổng số:", "Cộng chung", "Toàn Đảng bộ", "Tổng cộng toàn {type}",
    "Tổng toàn {type}", "Tổng cộng (I+II)", "Cộng từ 1 đến {n}", "Tổng cộng: {n} đơn vị", "{unit}",
]  # fmt: skip
UNKNOWN_TOTAL_WORDS = ["Tổng cộng (I+II)", "Tổng (9 đơn vị)", "{unit}", "Tổng toàn bộ"]
MORE_MEASURES = [
    ("actual", "Năm nay"), ("actual", "Kỳ báo cáo"), ("actual", "Năm báo cáo"),
    ("actual", "T.Hiện"), ("actual", "Thực hiện (*)"), ("prior", "Năm trước"),
    ("prior", "Cùng kỳ 2022"), ("prior", "Cùng kỳ năm ngoái"), ("plan", "Kế hoạch năm"),
    ("plan", "Chỉ tiêu giao"), ("plan", "K.Hoạch"), ("actual", "Thực hiện đến 30/11/2023"),
    ("prior", "Cùng kỳ (đến 30/11/2022)"),
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
    # a reviewer's second look
    *(_c(C, f"measure-word/{w}", m.measure_word, measure=k, word=w, periods=("2023",))
      for k, w in MORE_MEASURES),
    _c(C, "measure-word/nested-three-rows", m.nested_measures),
    *(_c(C, f"single-measure/{w}", m.single_measure, word=w) for w in ("Số lượng", "Tổng số")),
    _c(C, "single-measure/none", m.single_measure, word=None),
    *(_c(C, f"total-label/{w.format(type='quận', n=9, unit='Quận Ba Đình')}", m.total_label, word=w)
      for w in MORE_TOTAL_WORDS),
    *(_c(C, f"header/super-heading-{w.format(year=2023)}", m.super_heading, word=w) for w in (
        "Số liệu", "Kết quả thực hiện năm {year}")),
    _c(C, "xml/shared-formula-totals", m.shared_formula_totals),
    _c(C, "merged-differently/label-over-stt", m.label_merged_over_stt),
    *(_c(C, f"stray-files/{w}", m.stray_files, what=w) for w in ("lock-file", "thumbs-desktop-ini")),
    *(_c(C, f"unit-line/{s}", m.unit_line, style=s) for s in ("typo", "unfilled")),
    *(_c(C, f"period-line/{s}", m.period_line, style=s) for s in ("span", "supplement")),
    *(_c(C, f"heading/unit-{w}", m.heading, col=2, word=w) for w in (
        "Đảng bộ", "Cơ sở đảng", "Tên cơ sở đảng", "Đảng bộ, chi bộ cơ sở")),
    *(_c(C, f"heading/stt-{w}", m.heading, col=1, word=w) for w in ("Stt", "STT.")),
    _c(C, "header/spaces", m.spaced_headers),
    *(_c(C, f"indicator-synonym/{w}", m.indicator_synonym, footnote=w == "footnote")
      for w in ("synonym", "footnote")),
    *(_c(C, f"rows-sorted/{h}", m.sorted_rows, how=h) for h in ("reversed", "by-name", "shuffled")),
    *(_c(C, f"units-line/{w}", m.units_line, where=w) for w in ("above-figures", "left")),
    _c(C, "blank-row/twenty-above-title", m.blank_rows, where="above-title", n=20),
    _c(C, "blank-col/five-before-table", m.blank_cols, where="before-table", n=5),
    _c(C, "style/frozen-print-area-names-protected-book", m.book_extras),
    _c(C, "text-number/apostrophe-sheet", m.quoted_numbers),
    _c(C, "hidden/empty-column", m.hidden_empty_column),
    *(_c(C, f"file/named-{s}", m.file_named, style=s) for s in (
        "upper", "words", "words-nfd", "suffix-upper")),
    _c(C, "suffix/xlsx-named-xlsm", m.wrong_suffix, suffix=".xlsm"),
    _c(C, "sheet/chart-sheet", m.chart_sheet),
    *(_c(C, f"xml/formula-{h}-cached", m.formula_elsewhere, how=h) for h in (
        "other-sheet", "external")),
    _c(C, "title/one-cell-three-lines", m.title_one_cell),
    *(_c(C, f"organization-label/{w}", m.organization_label, label=w) for w in m.ORGANIZATIONS),
    *(_c(C, f"unreported-row/{n}", m.unreported_row, blank=b) for n, b in (
        ("empty", None), ("dash", "-"))),
    *(_c(C, f"numbering/stt-{s}", m.stt_values, style=s) for s in ("duplicated", "empty", "roman")),
    *(_c(C, f"derived-column/{w}", m.derived_column, word=w) for w in (
        "So cùng kỳ (%)", "Tăng (+), giảm (-)")),
    _c(C, "total-row/one-cell-blank", m.total_cell_blank),
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
    # a reviewer's second look
    _c(V, "value/row-inserted-mid-table", m.row_inserted),
    _c(V, "value/zeroed", m.zeroed),
    _c(V, "value/thousands-typed", m.thousands_typed),
    _c(V, "value/two-sheets", m.two_sheets_changed),
    # ---------------------------------------------------------------- damaging
    *(_c(D, f"unknown-measure/{w} for {r}", m.unknown_measure, word=w, replaces=r)
      for r in ("actual", "plan-or-prior")
      for w in ("Lũy kế", "Số liệu", "Ước TH", "Dự kiến", "Tháng 11")),
    _c(D, "organization-label/same-as-other", m.organization_named_as_another),
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
    # a reviewer's second look
    *(_c(D, f"typed/{w}", m.typed_value, what=w) for w in m.TYPED),
    *(_c(D, f"typed-thousands/{h}", m.big_typed, how=h, periods=("2023",)) for h in (
        "english-comma", "space", "nbsp")),
    *(_c(D, f"shown-as/{n}", m.shown_as, number_format=fmt) for n, fmt in (
        ("date", "dd/mm/yyyy"), ("percent", "0%"))),
    _c(D, "swapped-columns/rows-only", m.swapped_columns),
    _c(D, "copied-over-other-unit", m.copied_over),
    *(_c(D, f"far-number/{w}", m.far_number, where=w) for w in ("last-row", "last-column")),
    *(_c(D, f"draft-sheet/{n}", m.draft_sheet, suffix=s) for n, s in (
        ("cu", "(cũ)"), ("copy", "(2)"))),
    *(_c(D, f"one-sheet-titled/{w}", m.one_sheet_titled, what=w) for w in (
        "other-unit", "other-year", "other-period")),
    *(_c(D, f"numbers-column/{h}", m.numbers_column, heading=h) for h in (
        "Ghi chú", "Đảng viên được tặng Huy hiệu Đảng")),
    _c(D, "breakdown-row", m.breakdown_row),
    _c(D, "encrypted", m.encrypted),
    *(_c(D, f"total-label-off/{w.format(unit='Quận Ba Đình')}", m.total_label, word=w, off=1)
      for w in UNKNOWN_TOTAL_WORDS),
    _c(D, "group-subtotal-headings", m.group_subtotals),
    _c(D, "header-in-middle-unmerged", m.header_in_middle),
    _c(D, "raw/error-cell", m.error_cell),
    _c(D, "subfolder/old-copy", m.old_copy_in_subfolder),
    *(_c(D, f"unit-line/{s}", m.unit_line, style=s) for s in ("wrong-kind", "empty")),
]  # fmt: skip

# A hidden checker's look: what else a reviewer does to a clerk's workbook.
CLASSES += [
    *(_c(C, f"unit-named-total/{n}", m.unit_named_total, name=w, last=last) for n, w, last in (
        ("tong-cong-ty", "Tổng công ty Vận tải Hà Nội", False),
        ("tong-cong-ty-last", "Tổng Công ty Điện lực TP Hà Nội", True),
        ("cong-ty-last", "Công ty TNHH MTV Cộng Hòa", True),
        ("toan-last", "Toàn Thắng", True))),
    *(_c(C, f"unit-labels/{h}", m.unit_labels, how=h) for h in (
        "rich-text", "line-break", "invisible-spaces", "bullet-dash")),
    _c(C, "numbers/float-whole", m.float_counts),
    *(_c(C, f"number-format/{n}", m.number_formats, number_format=fmt) for n, fmt in (
        ("thousands", "#,##0"), ("dash-for-zero", '#,##0;-#,##0;"-"'), ("one-decimal", "0.0"))),
    _c(C, "sheet/names-swapped", m.sheet_names_swapped),
    _c(C, "sheet/long-name", m.long_sheet_name),
    *(_c(C, f"xml/{h}", m.xml_variant, how=h) for h in (
        "relative-rels", "no-cell-refs", "wrong-dimension", "date1904", "xlsm")),
    _c(C, "row-over-two-lines", m.row_over_two_lines),
    _c(C, "total-row/top-and-foot", m.total_twice),
    _c(D, "row-typed-twice/total-counts-it", m.row_typed_twice),
    _c(D, "row-below-total", m.row_below_total),
    _c(D, "ratio-row-below-total", m.ratio_row),
    _c(D, "unlabelled-total/sum-formulas", m.unlabelled_total),
    _c(D, "hidden/zero-height-row", m.zero_height_row),
    _c(D, "column-twice", m.column_twice),
    *(_c(D, f"typed/{w}", m.more_typed, what=w) for w in m.MORE_TYPED),
    _c(D, "measure-typo", m.measure_typo),
    _c(C, "measures-reordered", m.measures_reordered),
    _c(C, "groups-reordered", m.groups_reordered),
    _c(C, "tables-stacked-on-one-sheet", m.tables_stacked),
    _c(C, "text-number/total-row-vietnamese", m.total_row_typed, periods=("2023",)),
    _c(C, "percent-column/fractions", m.percent_fractions),
    *(_c(C, f"note-below-total/{n}", m.note_below_total, text=w) for n, w in (
        ("units-missing", "Ghi chú: 02 chi bộ chưa báo cáo (số liệu ước 15 đảng viên)"),
        ("star", "(*) Số liệu đến ngày 30/11/2023"))),
    _c(C, "unit-labels/upper-case", m.upper_labels),
    *(_c(V, f"value/cleared-{n}", m.cleared, blank=b) for n, b in (
        ("empty-string", ""), ("space", " "), ("em-dash", "—"), ("two-dots", ".."))),
    _c(D, "typed-thousands/english-float", m.thousands_as_float, periods=("2023",)),
    _c(C, "numbering/stt-float", m.stt_floats),
    _c(C, "style/formatted-empty-rows", m.formatted_empty_rows),
    _c(C, "book/broken-name-and-links", m.broken_name_and_links),
    _c(C, "number-format/text", m.number_formats, number_format="@"),
    _c(D, "raw/iso-date-cell", m.iso_date_cell),
    _c(D, "subtotal-in-names", m.subtotal_in_names),
    *(_c(D, f"group-subtotal-headings/{s}", m.group_subtotals_other, style=s) for s in (
        "letters", "unnumbered")),
    *(_c(C, f"unit-named-as-district/{n}", m.unit_named_as_district, total=b) for n, b in (
        ("with-total", True), ("no-total", False))),
    _c(D, "breakdown-of-total", m.breakdown_of_total),
    _c(D, "indicator-typo", m.indicator_typo),
    *(_c(D, f"heading/{n}-blank", m.heading_blank, col=c) for n, c in (("unit", 2), ("stt", 1))),
    _c(D, "row-typed-twice/spaced-name", m.row_typed_twice_spaced),
    *(_c(D, f"heading-merge/{h}", m.heading_merge, how=h) for h in ("narrow", "wide")),
    _c(D, "total-row/in-middle", m.total_in_middle),
    _c(D, "row-after-signature", m.row_after_signature),
    _c(D, "row-above-header", m.row_above_header),
    _c(C, "stt-and-names-swapped/columns", m.stt_and_names_swapped, whole=True),
    _c(D, "stt-and-names-swapped/one-row", m.stt_and_names_swapped, whole=False),
    _c(D, "period-line/other-span", m.period_line_other, periods=("2023", "2022-h1")),
    *(_c(D, f"name-over-two-rows/figures-{w}", m.name_over_two_rows, figures=w) for w in (
        "first", "second")),
    *(_c(D, f"scratch-copy/{n}", m.scratch_copy, changed=b) for n, b in (
        ("same", False), ("one-figure-changed", True))),
]  # fmt: skip


BY_NAME = {c.name: c for c in CLASSES}
assert len(BY_NAME) == len(CLASSES), "two classes share a name"
