"""Tables to paste: Markdown (GitHub pipe tables), CSV and TSV.

CSV is UTF-8 with a BOM so Excel on Windows shows Vietnamese; with `--lang vi` it uses ";"
and a decimal comma (as Excel does where "," is the decimal mark), with `--lang en` "," and a
decimal point. Text cells that start with = + - @ tab or CR get a leading "'" (OWASP), so a
spreadsheet never runs them as formulas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..catalogue import load_catalogue
from ..model import Figures, Report
from ..own_output import first_line
from ..safe_text import html, visible
from .caveats import caveat_lines, line_note, marked
from .heading import province_of
from .numbers import figure_cells
from .table import HEADINGS

# the total's row, named after the registry's province as the paragraphs name it
TOTAL_NAME = {
    ("vi", "city"): "Toàn thành phố",
    ("vi", "province"): "Toàn tỉnh",
    ("vi", "other"): "Toàn đảng bộ",
    ("en", "city"): "City total",
    ("en", "province"): "Province total",
    ("en", "other"): "Total",
}


def total_name(report: Report, lang: str) -> str:
    province = province_of(report.registry)
    return TOTAL_NAME[(lang, province[1] if province else "other")]


CSV_HEADINGS = {
    "vi": (
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Mã đơn vị",
        "Đơn vị",
        "Kế hoạch",
        "Thực hiện",
        "Cùng kỳ",
        "% KH",
        "% cùng kỳ",
        "Tăng giảm %",
        "Số đơn vị báo cáo",
        "Ghi chú",
    ),
    "en": (
        "Indicator id",
        "Indicator",
        "Unit code",
        "Unit",
        "Plan",
        "Actual",
        "Prior",
        "% of plan",
        "% of prior",
        "Change %",
        "Units reporting",
        "Note",
    ),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Line:
    indicator: str
    label: str
    code: str  # "" for the total
    name: str
    figures: Figures
    units_reporting: int | None

    def shown(self, report: Report, escape: Callable[[str], str] = str) -> str:
        """The label as a table shows it: '… — unit' for a unit's row, (*) when in doubt;
        `escape` applied to the label, not to the mark."""
        text = self.label if not self.code else f"{self.label} — {self.name}"
        return marked(escape(text), report, self.indicator, self.name if self.code else None)


def lines(report: Report, lang: str, by_unit: bool) -> list[Line]:
    catalogue = load_catalogue()
    out: list[Line] = []
    whole = total_name(report, lang)
    for total in report.totals:
        indicator = total.figures.indicator
        label = catalogue.indicators[indicator].label(lang)
        out.append(Line(indicator, label, "", whole, total.figures, total.units_reporting))
        if by_unit:
            out.extend(
                Line(indicator, label, u.code, u.name, u.figures, None)
                for u in report.units
                if u.figures.indicator == indicator
            )
    return out


def notes_below(
    report: Report, lang: str, quote: str = "", escape: Callable[[str], str] = visible
) -> str:
    """The caveats under a pasted table, a paragraph each; "" when there are none. `escape`:
    what the names of units and files in them go through."""
    lines = caveat_lines(report, lang, escape=escape)
    return "".join(f"\n{quote}{line}\n" for line in lines)


def _markdown_cell(text: str) -> str:
    """Text as text, in a table's cell or a paragraph: HTML escaped (a unit named `<script>`
    in a --units file, a file named `<img …>.xlsx`), control characters shown, and the
    marks Markdown (and GitHub's: ~~strike~~, $math$) would act on backslashed."""
    return _MARKDOWN.sub(r"\\\g<0>", html(text))


_MARKDOWN = re.compile(r"[\\`*_\[\]|~$]")


def render_markdown(report: Report, *, lang: str = "vi", by_unit: bool = False) -> str:
    headings = HEADINGS[lang]
    p = report.precision
    rows = [
        # the registry's name is a --units file's: "-->" in it would end the comment
        f"<!-- {html(first_line(report, lang))} -->",
        "| " + " | ".join(headings) + " |",
        "|---|" + "---:|" * (len(headings) - 1),
    ]
    for line in lines(report, lang, by_unit):
        f = line.figures
        cells = [
            line.shown(report, _markdown_cell),
            *figure_cells(f, lang, p),
            "" if line.units_reporting is None else str(line.units_reporting),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n" + notes_below(report, lang, "> ", _markdown_cell)


def escape_text(text: str) -> str:
    """OWASP CSV injection: a text starting like a formula is made plain text; control
    characters shown (safe_text)."""
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _plain(value: int | Decimal | None, lang: str, precision: int) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = format(value, "f")
    return text.replace(".", ",") if lang == "vi" else text


def render_csv(report: Report, *, lang: str = "vi", by_unit: bool = False) -> str:
    """Machine-readable: plain numbers (10479; 106,8 or 106.8), ids and codes included, and
    each figure's note (what its total lacks, why it is in doubt). The first line says the
    tool wrote it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "vi" else ",", lineterminator="\r\n")
    writer.writerow([first_line(report, lang)])
    writer.writerow(CSV_HEADINGS[lang])
    p = report.precision
    for line in lines(report, lang, by_unit):
        f = line.figures
        writer.writerow(
            [
                line.indicator,
                escape_text(line.label),
                escape_text(line.code),
                escape_text(line.name),
                _plain(f.plan, lang, p),
                _plain(f.actual, lang, p),
                _plain(f.prior, lang, p),
                _plain(f.percent_of_plan, lang, p),
                _plain(f.percent_of_prior, lang, p),
                _plain(f.change_vs_prior, lang, p),
                "" if line.units_reporting is None else str(line.units_reporting),
                escape_text(
                    line_note(report, lang, line.indicator, line.name if line.code else None)
                ),
            ]
        )
    return out.getvalue()


def render_tsv(report: Report, *, lang: str = "vi", by_unit: bool = False) -> str:
    """To paste into Word or Excel: numbers as people read them (10.479; 106,8%)."""
    p = report.precision
    rows = [first_line(report, lang), "\t".join(HEADINGS[lang])]
    for line in lines(report, lang, by_unit):
        f = line.figures
        rows.append(
            "\t".join(
                [
                    escape_text(line.shown(report).replace("\t", " ")),
                    *figure_cells(f, lang, p),
                    "" if line.units_reporting is None else str(line.units_reporting),
                ]
            )
        )
    return "\n".join(rows) + "\n" + notes_below(report, lang)
