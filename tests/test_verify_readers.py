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
