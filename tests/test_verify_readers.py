"""verify's readers: what of a Markdown, text or Word report is prose, what is a table, and
where each claim stands (line and column)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctr_stats.verify import verify

WRONG = "kết nạp 852/453 đảng viên mới (đạt 181,1%)"  # 188,1% typed as 181,1%


def _write(tmp_path: Path, text: str, name: str = "bao-cao.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "hidden",
    [
        f"<!-- {WRONG} -->",
        f"<!--\n{WRONG}\n-->",
        f"`{WRONG}`",
        f"```\n{WRONG}\n```",
        f"~~~text\n{WRONG}\n~~~",
        "[xem báo cáo](https://example.org/bao-cao/852/453?ty-le=181,1%25)",
        "![biểu đồ 852/453 (181,1%)](anh/852-453.png)",
        "[1]: https://example.org/852/453 'đạt 181,1%'",
        "<span title='852/453 (181,1%)'></span>",
        "https://example.org/ket-nap/852/453/181,1%",
    ],
)
def test_markdown_comments_links_code_and_addresses_are_not_prose(
    tmp_path: Path, hidden: str
) -> None:
    text = f"Kết nạp 10.479/9.810 đảng viên mới (đạt 106,8%).\n\n{hidden}\n"
    claims = verify(_write(tmp_path, text))
    assert [(c.status, c.anchor) for c in claims] == [("ok", "106,8%")]


def test_a_links_words_are_prose_and_keep_their_columns(tmp_path: Path) -> None:
    text = "Theo [báo cáo](https://example.org/x), " + WRONG + ".\n"
    (claim,) = verify(_write(tmp_path, text))
    assert claim.status == "mismatch" and claim.anchor == "181,1%"
    assert claim.column == text.index("181,1%") + 1


def test_a_line_with_a_bar_is_prose_unless_rows_line_up(tmp_path: Path) -> None:
    lone = f"Chỉ tiêu | {WRONG}\n"
    (claim,) = verify(_write(tmp_path, lone))
    assert (claim.kind, claim.status) == ("ratio", "mismatch")
    ragged = "Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ %\nKết nạp | 453 | 852\n"
    assert all(c.status != "mismatch" for c in verify(_write(tmp_path, ragged)))


@pytest.mark.parametrize("suffix", ["md", "txt"])
def test_a_table_whose_rows_line_up_is_read_row_by_row(tmp_path: Path, suffix: str) -> None:
    text = (
        "| Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ % |\n"
        "|---|---:|---:|---:|\n"
        "| Kết nạp đảng viên | 9.810 | 10.479 | 106,8 |\n"
        "| Chi bộ bốn tốt | 14.500 | 14.872 | 103,6 |\n"
    )
    claims = verify(_write(tmp_path, text, f"bao-cao.{suffix}"))
    assert [(c.line, c.kind, c.status) for c in claims] == [
        (3, "ratio", "ok"),
        (4, "ratio", "mismatch"),  # 14.872/14.500 = 102,6%
    ]
    assert claims[1].reason == "ghi 103,6%, nhưng 14.872/14.500 = 102,6%"


def test_a_plain_text_paragraph_runs_over_lines_until_a_sentence_ends(tmp_path: Path) -> None:
    text = "Năm 2023 kết nạp 852/453 đảng viên mới\n(đạt 181,1%).\nThành lập 109/69 tổ chức.\n"
    claims = verify(_write(tmp_path, text, "bao-cao.txt"))
    assert [(c.line, c.kind, c.status) for c in claims] == [
        (2, "ratio", "mismatch"),
        (3, "ratio", "unchecked"),
    ]
    assert claims[0].column == 6  # "(đạt 181,1%)": the percentage on its own line


def test_numbering_and_list_markers_are_not_figures(tmp_path: Path) -> None:
    text = "1. Kết nạp 120 đảng viên.\n2) Thành lập 12 chi bộ.\nII. Kiểm tra 30 tổ chức.\n"
    claims = verify(_write(tmp_path, text, "bao-cao.txt"))
    assert [c.anchor for c in claims] == ["120", "12", "30"]


def _docx(tmp_path: Path, header: list[str], rows: list[list[str]]) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Biểu số 1. Chất lượng tổ chức cơ sở đảng")
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    "order",
    [
        [0, 1, 2, 3],
        [0, 3, 2, 1],
        [0, 2, 1, 3],
        [0, 3, 1, 2],
    ],
)
def test_word_tables_of_total_number_and_rate_in_any_order(
    tmp_path: Path, order: list[int]
) -> None:
    header = ["Chỉ tiêu", "Tổng số", "Số lượng", "Tỷ lệ %"]
    rows = [
        ["Hoàn thành xuất sắc nhiệm vụ", "2.305", "461", "20,0"],
        ["Hoàn thành tốt nhiệm vụ", "2.305", "1.545", "67,0"],  # 67,03
        ["Không hoàn thành nhiệm vụ", "2.305", "12", "0,6"],  # 0,52
    ]
    path = _docx(tmp_path, [header[i] for i in order], [[row[i] for i in order] for row in rows])
    claims = verify(path)
    assert [(c.kind, c.status) for c in claims] == [
        ("share", "ok"),
        ("share", "ok"),
        ("share", "mismatch"),
    ]
    assert claims[2].reason == "ghi 0,6%, nhưng 12/2.305 = 0,5%"
    assert claims[2].text.startswith("Không hoàn thành nhiệm vụ | ")


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [0, 2, 1, 3], [0, 3, 2, 1]])
def test_word_tables_of_plan_actual_and_rate_in_any_order(tmp_path: Path, order: list[int]) -> None:
    header = ["Nội dung", "Kế hoạch", "Thực hiện", "Tỷ lệ %"]
    rows = [
        ["Kết nạp đảng viên", "9.810", "10.479", "106,8%"],
        ["Chi bộ bốn tốt", "14.500", "14.872", "103,6%"],
    ]
    path = _docx(tmp_path, [header[i] for i in order], [[row[i] for i in order] for row in rows])
    assert [(c.kind, c.status) for c in verify(path)] == [("ratio", "ok"), ("ratio", "mismatch")]


def test_a_word_table_without_measure_words_gives_counts_only(tmp_path: Path) -> None:
    path = _docx(tmp_path, ["Đơn vị", "Năm 2022", "Năm 2023"], [["Ba Đình", "120", "181,1%"]])
    assert all(c.status != "mismatch" for c in verify(path))


# ---------------------------------------------------------------- Word: changes and controls

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'


def _tracked(text: str) -> str:
    """Raw XML of a paragraph with a tracked change: 'A{-old-}{+new+}B' written as runs."""
    out = ""
    for piece in re_split_changes(text):
        if piece.startswith("{-"):
            out += f'<w:del w:id="1" w:author="a">{_run(piece[2:-2], "delText")}</w:del>'
        elif piece.startswith("{+"):
            out += f'<w:ins w:id="2" w:author="a">{_run(piece[2:-2])}</w:ins>'
        elif piece:
            out += _run(piece)
    return out


def re_split_changes(text: str) -> list[str]:
    import re

    return re.split(r"(\{-.*?-\}|\{\+.*?\+\})", text)


def _word_with_changes(tmp_path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    sect = body[-1]  # the section properties stay last
    xml = [
        # accepted: 188,1% (852/453 = 188,08%); the deleted 181,1 is not read
        f"<w:p {_NS}>{_tracked('Kết nạp 852/453 đảng viên mới (đạt {-181,1-}{+188,1+}%).')}</w:p>",
        # a deleted sentence with a wrong figure: not read
        f"<w:p {_NS}>{_tracked('Thành lập 7/39 TCCSĐ (17,9%).{- Kết nạp 10/40 đảng viên (30%).-}')}"
        "</w:p>",
        # a block content control: its paragraph is read (109/69 = 158%, not 160%)
        f'<w:sdt {_NS}><w:sdtPr><w:alias w:val="Kết quả"/></w:sdtPr><w:sdtContent>'
        f"<w:p>{_run('Thành lập 109/69 tổ chức đảng, đạt 160%.')}</w:p>"
        "</w:sdtContent></w:sdt>",
        # an inline content control inside a paragraph: its figure is read (56/68 = 82,4%)
        f"<w:p {_NS}>{_run('Thành lập ')}<w:sdt><w:sdtPr/><w:sdtContent>{_run('56/68')}"
        f"</w:sdtContent></w:sdt>{_run(' tổ chức đảng (đạt 84,2%).')}</w:p>",
        # a paragraph mark deleted: the two paragraphs read as one sentence
        f'<w:p {_NS}><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
        f"{_run('Củng cố được 784/886')}</w:p>",
        f"<w:p {_NS}>{_run(' đảng viên (88,5%).')}</w:p>",
    ]
    for piece in xml:
        sect.addprevious(parse_xml(piece))
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    return path


def test_word_is_read_with_its_changes_accepted_and_its_content_controls(
    tmp_path: Path,
) -> None:
    claims = verify(_word_with_changes(tmp_path))
    assert [(c.anchor, c.status, c.paragraph) for c in claims] == [
        ("188,1%", "ok", 1),
        ("17,9%", "ok", 2),
        ("160%", "mismatch", 3),
        ("84,2%", "mismatch", 4),
        ("88,5%", "ok", 6),
    ]
    assert claims[2].reason == "ghi 160%, nhưng 109/69 = 158%"
    assert claims[3].text == "56/68 tổ chức đảng (đạt 84,2%"
    assert claims[4].text == "784/886 đảng viên (88,5%"


def test_word_table_rows_with_changes_and_in_content_controls(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    def row(cells: list[str], deleted: bool = False) -> str:
        props = '<w:trPr><w:del w:id="9" w:author="a"/></w:trPr>' if deleted else ""
        return (
            f"<w:tr>{props}"
            + "".join(f"<w:tc><w:p>{_tracked(c)}</w:p></w:tc>" for c in cells)
            + "</w:tr>"
        )

    table = (
        f"<w:tbl {_NS}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/>"
        "</w:tblGrid>"
        + row(["Nội dung", "Kế hoạch", "Thực hiện", "Tỷ lệ %"])
        + row(["Kết nạp đảng viên", "9.810", "10.479", "{-116,8-}{+106,8+}"])
        + row(["Chi bộ bốn tốt", "14.500", "14.872", "99,9"], deleted=True)
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + row(["Tổ chức đảng mới", "69", "109", "160"])
        + "</w:sdtContent></w:sdt></w:tbl>"
    )
    document = docx.Document()
    document.element.body[-1].addprevious(parse_xml(table))
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    claims = verify(path)
    assert [(c.text.split(" | ")[0], c.status) for c in claims] == [
        ("Kết nạp đảng viên", "ok"),
        ("Tổ chức đảng mới", "mismatch"),
    ]


# ---------------------------------------------------------------- columns on the same period

SAME_PERIOD_HEADER = [
    "Chỉ tiêu",
    "Kế hoạch",
    "Thực hiện",
    "Cùng kỳ",
    "So sánh với cùng kỳ (%)",
    "Tăng/giảm so với cùng kỳ (%)",
]


@pytest.mark.parametrize("reader", ["md", "docx"])
def test_a_column_on_the_same_period_is_never_checked_as_plan(tmp_path: Path, reader: str) -> None:
    """10.479/9.810 = 106,8% of plan; 10.479/10.018 = 104,6% of the same period, +4,6%;
    90/95 = 94,7%, −5,3%."""
    rows = [
        ["Kết nạp đảng viên", "9.810", "10.479", "10.018", "104,6", "4,6"],
        ["Chi bộ mới", "100", "90", "95", "94,7", "−5,3"],
        ["Tổ chức đảng mới", "69", "109", "100", "9,0", "+9,0"],  # both written as the change
    ]
    if reader == "md":
        lines = [SAME_PERIOD_HEADER, ["---"] * 6, *rows]
        path = _write(tmp_path, "\n".join("| " + " | ".join(r) + " |" for r in lines) + "\n")
    else:
        path = _docx(tmp_path, SAME_PERIOD_HEADER, rows)
    claims = verify(path)
    assert [(c.kind, c.anchor, c.status, c.basis) for c in claims] == [
        ("ratio", "10.479", "unchecked", ""),
        ("same_period", "104,6", "ok", "10479/10018"),
        ("same_period", "4,6", "ok", "(10479 − 10018)/10018"),
        ("ratio", "90", "unchecked", ""),
        ("same_period", "94,7", "ok", "90/95"),
        ("same_period", "−5,3", "ok", "(90 − 95)/95"),
        ("ratio", "109", "unchecked", ""),
        ("same_period", "9,0", "ok", "(109 − 100)/100"),
        ("same_period", "+9,0", "ok", "(109 − 100)/100"),
    ]


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (["104,7", "4,6"], "ghi 104,7%, nhưng 10.479/10.018 = 104,6%"),
        (["104,6", "5,6"], "ghi +5,6%, nhưng (10.479 − 10.018)/10.018 = +4,6% so với cùng kỳ"),
        (["104,6", "-4,6"], "ghi −4,6%, nhưng (10.479 − 10.018)/10.018 = +4,6% so với cùng kỳ"),
        (["5,6", "4,6"], "ghi +5,6%, nhưng (10.479 − 10.018)/10.018 = +4,6% so với cùng kỳ"),
    ],
)
def test_a_wrong_figure_on_the_same_period_says_why(
    tmp_path: Path, cells: list[str], reason: str
) -> None:
    rows = [
        SAME_PERIOD_HEADER,
        ["---"] * 6,
        ["Kết nạp đảng viên", "9.810", "10.479", "10.018", *cells],
    ]
    path = _write(tmp_path, "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n")
    (mismatch,) = [c for c in verify(path) if c.status == "mismatch"]
    assert mismatch.reason == reason
    english = [c for c in verify(path, lang="en") if c.status == "mismatch"]
    assert english[0].reason.startswith("states ")


def test_a_column_on_the_same_period_against_the_data(tmp_path: Path) -> None:
    """The 2023 sample: 10.479 admitted, plan 9.810, the same period 10.020 (104,6%, +4,6%)."""
    import ctr_stats

    from .test_cli import SAMPLES

    report = ctr_stats.compute([SAMPLES / "2023"])
    header = ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "So sánh với cùng kỳ (%)"]
    for value, status in [("104,6", "ok"), ("4,6", "ok"), ("106,8", "mismatch")]:
        rows = [header, ["---"] * 4, ["Kết nạp đảng viên", "9.810", "10.479", value]]
        path = _write(tmp_path, "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n")
        claims = verify(path, report)
        assert [(c.kind, c.status) for c in claims] == [("ratio", "ok"), ("same_period", status)]
