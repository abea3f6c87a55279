"""Headers read as paths, rows and total rows found, every value tied to its cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctr_stats.catalogue import load_catalogue
from ctr_stats.layout import parse_sheet, resolve_column
from ctr_stats.read import read_file

from .helpers import district_sheet, write_xlsx


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            ["Cấp ủy kiểm tra", "Tổ chức đảng", "Thực hiện"],
            ("inspection.committee_check_orgs", "actual"),
        ),
        (["Cấp ủy kiểm tra tổ chức đảng", "Cùng kỳ"], ("inspection.committee_check_orgs", "prior")),
        (["Đảng viên mới kết nạp - Thực hiện"], ("admission.total", "actual")),
        (["Kết nạp đảng viên mới (KH)"], ("admission.total", "plan")),
        (["Đảng viên mới kết nạp", "Cùng kỳ năm 2022"], ("admission.total", "prior")),
        (
            ["Đảng viên mới kết nạp", "Trong đó: trong doanh nghiệp ngoài khu vực nhà nước", "TH"],
            ("admission.non_state_enterprise", "actual"),
        ),
        (["Chủ doanh nghiệp tư nhân"], ("admission.business_owner", "actual")),
        (
            ["UBKT các cấp kiểm tra TCĐ khi có dấu hiệu vi phạm", "Kỳ này"],
            ("inspection.violation_check_orgs", "actual"),
        ),
        (
            ["Số tổ chức đảng được UBKT kiểm tra khi có dấu hiệu vi phạm", "Cùng kỳ năm trước"],
            ("inspection.violation_check_orgs", "prior"),
        ),
        (["Số TCCSĐ", "Chia ra", "Đảng bộ cơ sở"], ("party_cell.grassroots_committee", "actual")),
        (["1. Tổ chức cơ sở đảng", "Kết quả"], ("party_cell.grassroots_total", "actual")),
    ],
)
def test_header_paths_resolve(path: list[str], expected: tuple[str, str]) -> None:
    indicator, measure, derived = resolve_column(path, load_catalogue())
    assert (indicator, measure) == expected
    assert derived is None


def test_derived_column_is_recognised_not_data() -> None:
    indicator, measure, derived = resolve_column(
        ["Đảng viên mới kết nạp", "Tỷ lệ %"], load_catalogue()
    )
    assert (indicator, measure, derived) == ("admission.total", None, "percent")


def test_unknown_header_names_no_indicator() -> None:
    assert resolve_column(["Ghi chú"], load_catalogue())[0] is None


@pytest.mark.parametrize(
    "path",
    [
        # a breakdown the catalogue does not know is never read as its whole
        ["Đảng viên mới kết nạp", "Trong đó: công nhân"],
        ["Kết nạp đảng viên từ 18 - 30 tuổi"],
        # two things at once name no one indicator
        ["Cấp ủy kiểm tra tổ chức đảng và đảng viên"],
        # a part alone is ambiguous between the wholes it can be a part of
        ["Trong đó: trong doanh nghiệp ngoài khu vực nhà nước"],
        # UBKT's own checks are not the committees'
        ["UBKT kiểm tra tổ chức đảng"],
    ],
)
def test_labels_that_name_no_one_indicator(path: list[str]) -> None:
    assert resolve_column(path, load_catalogue())[0] is None


def test_every_catalogue_wording_reads_as_its_own_indicator() -> None:
    """The catalogue's labels and the wordings it lists (the forms' and reports') read by
    meaning as their own indicator, within their form's title."""
    from ctr_stats.catalogue.meaning import Meaning

    catalogue = load_catalogue()
    for indicator in catalogue.indicators.values():
        title = Meaning(thing=indicator.described.thing, event=indicator.described.event)
        for wording in (indicator.label_vi, *indicator.aliases):
            assert catalogue.indicator_for(wording, title) == indicator.id, wording


def test_sheet_with_two_row_merged_header(tmp_path: Path) -> None:
    header = [
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", None, None],
        [None, None, "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    rows = [
        [1, "Đảng bộ phường Trúc Bạch", 10, 12, 9],
        [2, "Chi bộ Trường THPT Phan Đình Phùng", 5, "-", 4],
    ]
    path = write_xlsx(
        tmp_path / "x.xlsx",
        {
            "KN": district_sheet(
                "ĐẢNG BỘ QUẬN BA ĐÌNH", "NĂM 2023", header, rows, ["Tổng cộng", None, 15, 12, 13]
            )
        },
        {"KN": ["C5:E5", "A5:A6", "B5:B6", "A9:B9"]},
    )
    (grid,) = read_file(path)
    sheet = parse_sheet(grid, load_catalogue())
    assert sheet is not None
    assert sheet.owner == "quan ba dinh"
    assert sheet.period is not None and sheet.period.code == "2023"
    assert [r.label for r in sheet.rows] == [
        "Đảng bộ phường Trúc Bạch",
        "Chi bộ Trường THPT Phan Đình Phùng",
    ]
    first = sheet.rows[0].values
    assert first[("admission.total", "plan")].value == Decimal(10)
    assert first[("admission.total", "actual")].source.cell == "D7"
    assert ("admission.total", "actual") not in sheet.rows[1].values  # "-" is not reported, not 0
    assert [t.values[("admission.total", "plan")].source.cell for t in sheet.totals] == ["C9"]


def test_text_in_a_number_cell_is_a_finding_naming_the_cell(tmp_path: Path) -> None:
    header = [["STT", "Đơn vị", "Đảng viên mới kết nạp"], [None, None, "Thực hiện"]]
    rows = [[1, "Đảng bộ phường Trúc Bạch", "12 người"], [2, "Đảng bộ phường Kim Mã", "1.234"]]
    path = write_xlsx(
        tmp_path / "x.xlsx",
        {"KN": district_sheet("ĐẢNG BỘ QUẬN BA ĐÌNH", "NĂM 2023", header, rows)},
    )
    (grid,) = read_file(path)
    sheet = parse_sheet(grid, load_catalogue())
    assert sheet is not None
    assert [(f.code, f.cell) for f in sheet.findings] == [("not-a-number", "C7")]
    kim_ma = next(r for r in sheet.rows if r.label == "Đảng bộ phường Kim Mã")
    assert kim_ma.values[("admission.total", "actual")].value == Decimal(1234)


def test_sheet_without_a_known_header_is_skipped(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "notes.xlsx", {"Ghi chú": [["Ghi chú"], ["Không có số liệu"]]})
    (grid,) = read_file(path)
    assert parse_sheet(grid, load_catalogue()) is None


def test_discover_finds_what_a_clerk_would_count_once_in_path_order(tmp_path: Path) -> None:
    from ctr_stats.read import discover

    for name in (
        "a/b.xlsx",
        "a-c.XLSX",
        "a/z/d.ods",
        "e.csv",
        "notes.docx",
        ".hidden/f.xlsx",
        "a/.g.xlsx",
        "a/~$b.xlsx",
        "ctr-stats-annex.xlsx",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "link.xlsx").symlink_to(tmp_path / "a" / "b.xlsx")  # a copy by another name
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # never followed

    found = discover([tmp_path / "a" / "b.xlsx", tmp_path, tmp_path / "e.csv"])

    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/b.xlsx",  # named first, then found again in the folder and through the link
        "a/z/d.ods",  # parts compare before characters: "a" < "a-c"
        "a/~$b.xlsx",  # Excel's lock file: read to say b.xlsx is open (a note)
        "a-c.XLSX",
        "ctr-stats-annex.xlsx",  # a name proves nothing: the tool's outputs are known by content
        "e.csv",
    ]


def test_a_row_hidden_in_any_quoting_is_seen(tmp_path: Path) -> None:
    """hidden='1' is as hidden as hidden="1" to Excel and calamine: not read as a figure."""
    import zipfile

    source = Path(__file__).parent / "corpus" / "files" / "hidden-row-with-old-figures.xlsx"
    target = tmp_path / "single-quotes.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(b'hidden="1"', b"hidden='1'")
            new.writestr(info, data)

    (grid,) = [g for g in read_file(target) if g.hidden_rows]

    assert grid.hidden_rows == {10}


_CELL_VALUES = st.one_of(
    st.integers(-3, 10**6).map(float),  # whole numbers, as calamine gives them
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10, 10**20),
    st.booleans(),
    st.just(""),
    st.none(),
    st.sampled_from(["1.234", "12,5", "-", "x", "abc", " 7 ", "188,1%"]),
    st.dates(),
)


_WHOLE = st.integers(-3, 10**6).map(float)
# half the rows as most rows are, every counted cell a whole number; half anything
_ROW = st.tuples(
    st.sampled_from(["Chi bộ", "", "Tổng cộng"]),
    st.one_of(
        st.lists(_WHOLE, min_size=3, max_size=3), st.lists(_CELL_VALUES, min_size=3, max_size=3)
    ),
)


@given(st.lists(_ROW, max_size=8))
@example([("Chi bộ", [-1.0, 2.0, 3.0])]).via("a negative count in a row of whole numbers")
@example([("Chi bộ", [True, 2.0, 3.0])]).via("TRUE is no count, though it equals 1")
@example([("Chi bộ", [1.0, 2.5, 3.0])]).via("a fraction among whole numbers")
def test_rows_read_in_one_call_are_read_as_cell_by_cell(
    values: list[tuple[str, list[object]]],
) -> None:
    """A unit row whose counted cells are all whole numbers is read in one call; any other
    row cell by cell. Both ways give the same numbers (of the same types), texts, findings
    and irregular counts."""
    import ctr_stats.layout as layout
    from ctr_stats.read import Grid

    rows: list[list[object]] = [
        ["STT", "Đơn vị", "Đảng viên mới kết nạp", "", ""],
        ["", "", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ]
    for n, (label, cells) in enumerate(values):
        rows.append([float(n), f"{label} {n}" if label == "Chi bộ" else label, *cells])
    grid = Grid("f.xlsx", "s", rows, merges=((0, 2, 0, 4),))
    catalogue = load_catalogue()

    def seen(sheet: layout.SheetData | None) -> object:
        assert sheet is not None
        return (
            [
                (r.label, r.index, [(type(a), a) for a in r.amounts], dict(r.texts), r.derived)
                for r in (*sheet.rows, *sheet.totals)
            ],
            [f.to_dict() for f in sheet.findings],
            [(row.index, key) for row, key in sheet.irregular],
            {
                key: ([r.index for r in rows], total)
                for key, (rows, total) in sheet.by_key().items()
            },
        )

    at_once = seen(parse_sheet(grid, catalogue))
    saved = layout.cells._NUMBER_TYPES
    layout.cells._NUMBER_TYPES = frozenset()  # no row qualifies: every cell read one by one
    try:
        one_by_one = seen(parse_sheet(grid, catalogue))
    finally:
        layout.cells._NUMBER_TYPES = saved
    assert repr(at_once) == repr(one_by_one)
