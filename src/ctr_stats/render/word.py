"""The Word report (`-o bao-cao.docx`), in the party's document form (Hướng dẫn
36-HD/VPTW): the heading, "BÁO CÁO" and its subject, the narrative paragraphs of
`--format text`, a table per sheet kind (Chỉ tiêu | Kế hoạch | Thực hiện | Cùng kỳ | % KH |
% CK), a "Ghi chú" when figures are missing or doubted, then "Nơi nhận" and the signer.

A4, margins 20/20/30/15 mm, Times New Roman 14 (the party's name 15, the tables 13),
paragraphs justified with a first-line indent: a draft to edit, not a picture of one.
Numbers are text here, formatted as the sentences format them, so `verify` reads the
document back exactly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalogue import load_catalogue
from ..document import DocumentSettings
from ..model import Report, UnitFigures
from .heading import Heading, heading, notes
from .numbers import format_count, format_percent
from .text import render_text

FONT = "Times New Roman"
HEADS = {
    "vi": ("Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ", "% KH", "% CK"),
    "en": ("Indicator", "Plan", "Actual", "Prior", "% of plan", "% of prior"),
}
UNIT_LABEL = {"vi": "Đơn vị tính", "en": "Unit"}
TABLE_LABEL = {"vi": "Biểu số {n}", "en": "Table {n}"}
# The width of "ĐẢNG CỘNG SẢN VIỆT NAM" in Times New Roman bold 15 pt (measured with
# Liberation Serif, its metric twin): the rule under it is as long (36-HD/VPTW).
PARTY_WIDTH_MM = {"vi": 73.0, "en": 89.2}
TEXT_WIDTH_MM = 210 - 30 - 15
LEFT_MM, RIGHT_MM = 75, TEXT_WIDTH_MM - 75  # the heading's two halves
CELL_MARGINS_MM = 3.8  # Word's default cell margins, 1.9 mm each side


def write_docx(
    report: Report,
    path: Path,
    *,
    lang: str = "vi",
    by_unit: bool = False,
    templates: dict[str, Any] | None = None,
    document: DocumentSettings | None = None,
    units: tuple[UnitFigures, ...] | None = None,
) -> None:
    """`units`: every unit's figures when `report` is a ranked selection (render_text's)."""
    import docx

    head = heading(report, document or DocumentSettings(), lang)
    paragraphs = render_text(report, lang=lang, by_unit=by_unit, templates=templates, units=units)
    out = docx.Document()
    _page_and_styles(out)
    properties = out.core_properties
    properties.author = properties.last_modified_by = "ctr-stats"
    properties.title = f"{head.report_kind} {head.report_subject}"
    properties.comments = "ctr-stats"

    _heading(out, head, lang)
    _title(out, head)
    for text in paragraphs.strip().split("\n\n"):
        _paragraph(out, text, indent=True)
    _tables(out, report, lang)
    lines = notes(report, lang)
    for i, line in enumerate(lines):
        _paragraph(out, f"{head.note}: {line}" if i == 0 else line, italic=True, indent=True)
    _closing(out, head)
    out.save(str(path))


# ---------------------------------------------------------------- page and text


def _page_and_styles(out: Any) -> None:
    from docx.shared import Mm, Pt

    section = out.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = out.styles["Normal"]
    normal.font.size = Pt(14)
    _font(normal.element, FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15


def _font(element: Any, name: str) -> None:
    """The font for every script: python-docx's font.name leaves East Asian text to the theme."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _run(paragraph: Any, text: str, **style: Any) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = style.get("bold")
    run.italic = style.get("italic")
    if "size" in style:
        run.font.size = Pt(style["size"])
    return run


def _centred(container: Any, text: str, *, after: float = 0, **style: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.line_spacing = 1.0
    _run(paragraph, text, **style)
    return paragraph


def _paragraph(out: Any, text: str, *, indent: bool = False, italic: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    paragraph = out.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    _run(paragraph, text, italic=italic or None)


def _bottom_rule(paragraph: Any) -> None:
    """A single line under the paragraph, between its indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


# ---------------------------------------------------------------- the form's parts


def _layout_table(out: Any, widths_mm: tuple[float, ...]) -> Any:
    """A table without borders that places blocks side by side (heading, signature)."""
    from docx.shared import Mm

    table = out.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def _heading(out: Any, head: Heading, lang: str) -> None:
    from docx.shared import Mm

    left, right = _layout_table(out, (LEFT_MM, RIGHT_MM)).rows[0].cells
    _centred(left, head.parent, size=14)
    _centred(left, head.issuer, size=14, bold=True)
    _centred(left, "*", size=14)
    _centred(left, head.report_number, size=14)
    party = _centred(right, head.party, after=12, size=15, bold=True)
    margin = max(0.0, (RIGHT_MM - CELL_MARGINS_MM - PARTY_WIDTH_MM[lang]) / 2)
    party.paragraph_format.left_indent = party.paragraph_format.right_indent = Mm(margin)
    _bottom_rule(party)
    _centred(right, head.place_date, size=14, italic=True)


def _title(out: Any, head: Heading) -> None:
    from docx.shared import Pt

    first = _centred(out, head.report_kind, size=16, bold=True)
    first.paragraph_format.space_before = Pt(18)
    _centred(out, head.report_subject, size=14, bold=True)
    _centred(out, "-----", after=12, size=14)


def _tables(out: Any, report: Report, lang: str) -> None:
    """A table per sheet kind: each indicator's total, as the text states it."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    catalogue = load_catalogue()
    number = 0
    for kind, info in catalogue.sheet_kinds.items():
        totals = [
            t
            for t in report.totals
            if catalogue.indicators[t.figures.indicator].sheet_kind == kind
            and t.figures.actual is not None
        ]
        if not totals:
            continue
        number += 1
        caption = out.add_paragraph()
        caption.paragraph_format.space_before = Pt(12)
        caption.paragraph_format.keep_with_next = True
        _run(caption, f"{TABLE_LABEL[lang].format(n=number)}. {info.label(lang)}", bold=True)
        unit = out.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        unit.paragraph_format.keep_with_next = True
        unit_word = info.unit_vi if lang == "vi" else info.unit_en
        _run(unit, f"{UNIT_LABEL[lang]}: {unit_word}", italic=True, size=13)

        table = out.add_table(rows=1 + len(totals), cols=6)
        table.style = out.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = (TEXT_WIDTH_MM - 5 * 24, *(24,) * 5)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)  # the grid: what LibreOffice lays out by
        rows = [HEADS[lang]] + [_row(t.figures, catalogue, lang, report.precision) for t in totals]
        for r, values in enumerate(rows):
            cells = table.rows[r].cells
            if r == 0:
                table.rows[r].repeat_as_header = True
            for c, value in enumerate(values):
                cells[c].width = Mm(widths[c])
                paragraph = cells[c].paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.line_spacing = 1.0
                paragraph.alignment = (
                    WD_ALIGN_PARAGRAPH.CENTER
                    if r == 0
                    else WD_ALIGN_PARAGRAPH.LEFT
                    if c == 0
                    else WD_ALIGN_PARAGRAPH.RIGHT
                )
                _run(paragraph, value, size=13, bold=r == 0 or None)


def _row(figures: Any, catalogue: Any, lang: str, precision: int) -> tuple[str, ...]:
    return (
        catalogue.indicators[figures.indicator].label(lang),
        format_count(figures.plan, lang),
        format_count(figures.actual, lang),
        format_count(figures.prior, lang),
        format_percent(figures.percent_of_plan, lang, precision),
        format_percent(figures.percent_of_prior, lang, precision),
    )


def _closing(out: Any, head: Heading) -> None:
    """36-HD/VPTW's foot: "Nơi nhận" at the left, the signer at the right, room to sign."""
    from docx.shared import Pt

    spacer = out.add_paragraph()
    spacer.paragraph_format.space_after = Pt(6)
    left, right = _layout_table(out, (LEFT_MM, RIGHT_MM)).rows[0].cells
    label = left.add_paragraph()
    label.paragraph_format.space_after = Pt(0)
    _run(label, head.recipients_label, size=14).underline = True
    for line in head.recipients:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        _run(paragraph, line, size=12)
    for line in head.signer:
        _centred(right, line, size=14, bold=True)
    _centred(right, "", after=60, size=14)
    _centred(right, head.signer_name, size=14, bold=True)
