"""compute() on the samples reproduces the published figures, traceably to their cells."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ctr_stats
from ctr_stats.render.json import report_to_dict

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

# (period folder, indicator, field, published value) from shared/domain/published-figures.md
PUBLISHED = [
    ("2023", "admission.total", "actual", 10479),
    ("2023", "admission.total", "plan", 9810),
    ("2023", "admission.total", "percent_of_plan", Decimal("106.8")),
    ("2023", "admission.non_state_enterprise", "actual", 852),
    ("2023", "admission.non_state_enterprise", "plan", 453),
    ("2023", "admission.non_state_enterprise", "percent_of_plan", Decimal("188.1")),
    ("2023", "admission.business_owner", "actual", 13),
    ("2023", "admission.high_school_student", "actual", 88),
    ("2023", "party_cell.new_non_state_enterprise", "actual", 109),
    ("2023", "party_cell.new_non_state_enterprise", "plan", 69),
    ("2023", "party_cell.new_non_state_enterprise", "percent_of_plan", Decimal("158.0")),
    ("2023", "party_cell.mass_org_non_state_enterprise", "actual", 687),
    ("2023", "party_cell.mass_org_non_state_enterprise", "plan", 480),
    ("2023", "party_cell.mass_org_non_state_enterprise", "percent_of_plan", Decimal("143.1")),
    ("2023", "party_cell.mass_org_members_non_state_enterprise", "actual", 46148),
    ("2023", "party_cell.mass_org_members_non_state_enterprise", "plan", 24320),
    (
        "2023",
        "party_cell.mass_org_members_non_state_enterprise",
        "percent_of_plan",
        Decimal("189.8"),
    ),
    ("2022-h1", "admission.total", "actual", 5030),
    ("2022-h1", "admission.total", "prior", 4688),
    ("2022-h1", "admission.total", "percent_of_prior", Decimal("107.3")),
    ("2022-h1", "admission.total", "change_vs_prior", Decimal("7.3")),
    ("2022-h1", "party_cell.new_non_state_enterprise", "actual", 56),
    ("2022-h1", "party_cell.new_non_state_enterprise", "plan", 68),
    ("2022-h1", "party_cell.new_non_state_enterprise", "percent_of_plan", Decimal("82.4")),
    ("2022-h1", "party_cell.weak_consolidated", "actual", 7),
    ("2022-h1", "party_cell.weak_consolidated", "plan", 39),
    ("2022-h1", "party_cell.weak_consolidated", "percent_of_plan", Decimal("17.9")),
    ("2022-h1", "inspection.committee_check_orgs", "actual", 533),
    ("2022-h1", "inspection.committee_check_members", "actual", 187),
    ("2022-h1", "inspection.committee_supervise_orgs", "actual", 243),
    ("2022-h1", "inspection.committee_supervise_members", "actual", 160),
    ("2022-h1", "inspection.violation_check_orgs", "actual", 46),
    ("2022-h1", "inspection.violation_check_members", "actual", 95),
    ("2022-h1", "inspection.thematic_supervise_orgs", "actual", 294),
    ("2022-h1", "inspection.thematic_supervise_members", "actual", 270),
    ("2021-9m", "admission.total", "actual", 6606),
    ("2021-9m", "admission.total", "prior", 5636),
    ("2021-9m", "admission.total", "change_vs_prior", Decimal("17.2")),
]


@pytest.fixture(scope="module")
def reports() -> dict[str, ctr_stats.Report]:
    return {p: ctr_stats.compute([SAMPLES / p]) for p in ("2023", "2022-h1", "2021-9m")}


@pytest.mark.parametrize(("period", "indicator", "field", "expected"), PUBLISHED)
def test_published_figures(
    reports: dict[str, ctr_stats.Report], period: str, indicator: str, field: str, expected: object
) -> None:
    total = reports[period].total(indicator)
    assert total is not None
    assert getattr(total.figures, field) == expected
    assert total.units_reporting == 30


def test_two_decimals_give_106_82() -> None:
    report = ctr_stats.compute([SAMPLES / "2023"], precision=2)
    total = report.total("admission.total")
    assert total is not None and total.figures.percent_of_plan == Decimal("106.82")


@pytest.mark.parametrize("period", ["2023", "2022-h1", "2021-9m"])
def test_samples_are_clean_and_complete(reports: dict[str, ctr_stats.Report], period: str) -> None:
    report = reports[period]
    assert report.findings == ()
    assert report.registry == "hanoi-2024"
    assert len({u.code for u in report.units}) == 30


def test_periods_are_read_from_the_title_block(reports: dict[str, ctr_stats.Report]) -> None:
    assert {k: r.period.code for k, r in reports.items() if r.period} == {
        "2023": "2023",
        "2022-h1": "2022-h1",
        "2021-9m": "2021-9m",
    }


def test_missing_plan_is_null_not_zero_percent(reports: dict[str, ctr_stats.Report]) -> None:
    total = reports["2021-9m"].total("admission.total")
    assert total is not None
    assert total.figures.plan is None and total.figures.percent_of_plan is None
    as_json = report_to_dict(reports["2021-9m"])["totals"][0]
    assert as_json["plan"] is None and as_json["percent_of_plan"] is None


def test_totals_are_sums_of_units(reports: dict[str, ctr_stats.Report]) -> None:
    report = reports["2023"]
    for total in report.totals:
        units = [u.figures for u in report.units if u.figures.indicator == total.figures.indicator]
        assert total.figures.actual == sum(f.actual or 0 for f in units)


def test_every_unit_figure_traces_to_its_cells(reports: dict[str, ctr_stats.Report]) -> None:
    """Open the cells each source names and add them up again: the figure must come back."""
    from openpyxl import load_workbook
    from openpyxl.utils import range_boundaries

    books: dict[str, object] = {}
    for unit in report_to_dict(reports["2022-h1"])["units"]:
        for measure, source in unit["sources"].items():
            if source is None:
                assert unit[measure] is None
                continue
            file, sheet, area = source.split("!")
            if file not in books:
                books[file] = load_workbook(file, read_only=False)
            worksheet = books[file][sheet]  # type: ignore[index]
            min_col, min_row, max_col, max_row = range_boundaries(area)
            values = [
                worksheet.cell(r, c).value
                for r in range(min_row, max_row + 1)
                for c in range(min_col, max_col + 1)
            ]
            assert sum(v for v in values if isinstance(v, int)) == unit[measure], source


def _copy_samples(tmp_path: Path, period: str = "2023") -> Path:
    target = tmp_path / period
    shutil.copytree(SAMPLES / period, target)
    return target


def test_unknown_unit_is_a_finding_with_suggestions(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = _copy_samples(tmp_path)
    path = folder / "ba-dinh.xlsx"
    book = load_workbook(path)
    for sheet in book.worksheets:
        sheet["A2"] = "ĐẢNG BỘ QUẬN BA DÌNH MỚI"
    book.save(path)
    path.rename(folder / "unit-01.xlsx")  # and no file name to fall back on
    report = ctr_stats.compute([folder])
    unknown = [f for f in report.findings if f.code == "unknown-unit"]
    assert [f.sheet for f in unknown] == ["Kết nạp"]  # once for the file, not per sheet
    assert "Quận Ba Đình" in unknown[0].message_vi
    assert [f.code for f in report.findings if f.code == "missing-unit"] == ["missing-unit"]
    total = report.total("admission.total")
    assert total is not None and total.units_reporting == 29


def test_total_row_that_does_not_add_up_is_a_finding(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = _copy_samples(tmp_path)
    path = folder / "tay-ho.xlsx"
    book = load_workbook(path)
    sheet = book["Kết nạp"]
    total_row = next(
        r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Tổng cộng"
    )
    sheet.cell(total_row, 4).value += 5
    book.save(path)
    report = ctr_stats.compute([folder])
    (finding,) = report.findings
    assert (finding.code, finding.sheet, finding.cell) == (
        "total-mismatch",
        "Kết nạp",
        f"D{total_row}",
    )
    assert finding.indicator == "admission.total"
    total = report.total("admission.total")
    assert total is not None and total.figures.actual == 10479  # the rows count, not the total row


def test_prior_from_last_periods_workbooks(tmp_path: Path) -> None:
    from .helpers import last_year

    prior = last_year(tmp_path, SAMPLES)
    report = ctr_stats.compute([SAMPLES / "2023"], prior=[prior])
    total = report.total("admission.total")
    assert total is not None
    assert (total.figures.actual, total.figures.prior) == (10479, 5030)
    assert total.figures.change_vs_prior == Decimal("108.3")
    unit = report.unit("001", "admission.total")
    assert unit is not None and unit.sources["prior"][0].file == str(prior / "ba-dinh.xlsx")


def test_registry_follows_the_period(tmp_path: Path) -> None:
    assert ctr_stats.api.registry_for(ctr_stats.parse_period("2025-h1")) == "hanoi-2024"
    assert ctr_stats.api.registry_for(ctr_stats.parse_period("2025")) == "ha-noi-2025"
    assert ctr_stats.api.registry_for(None) == "hanoi-2024"


def test_users_own_registry(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("code,name,type,aliases\nBD,Ba Đình,quận,Q1 cũ\n", encoding="utf-8")
    report = ctr_stats.compute(
        [SAMPLES / "2023" / "ba-dinh.xlsx"], units_file=units, units_only=True
    )
    assert report.registry == "units"
    assert {u.code for u in report.units} == {"BD"}
    assert report.findings == ()


_KEYS = [("admission.total", m) for m in ("plan", "actual", "prior")]


@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(_KEYS),
                st.one_of(st.integers(-5, 10**6), st.decimals(-100, 100, places=2)),
            ),
            unique_by=lambda pair: pair[0],
        ),
        max_size=6,
    ),
    st.booleans(),
)
def test_rows_are_grouped_and_added_by_key_exactly(
    rows_numbers: list[list[tuple]], one_form: bool
) -> None:
    """Each key's rows, in sheet order, and their exact sum: whether the rows are one form's
    (the same counted columns, some cells empty) or each counts columns of its own; and a
    figure's Cells extending its rows never changes the rows another key shares."""
    from ctr_stats.model import Cells, Counted, Row, SheetRef, group_by_key

    where = SheetRef("f.xlsx", "s")
    form = Counted(tuple(_KEYS), (2, 3, 4))
    rows = []
    for n, pairs in enumerate(rows_numbers):
        numbers = dict(pairs)
        if one_form:
            rows.append(Row(f"u{n}", 1, n, where, tuple(map(numbers.get, _KEYS)), form))
        else:
            own = Counted(tuple(numbers), tuple(2 + _KEYS.index(k) for k in numbers))
            rows.append(Row(f"u{n}", 1, n, where, tuple(numbers.values()), own))

    grouped = group_by_key(rows)

    expected_keys = list(dict.fromkeys(key for row in rows for key in row.numbers))
    assert list(grouped) == expected_keys
    for key, (holders, total) in grouped.items():
        assert list(holders) == [row for row in rows if key in row.numbers]
        assert total == sum(row.numbers[key] for row in holders)
        assert [c.value for c in Cells(key, holders, total)] == [
            Decimal(row.numbers[key]) for row in holders
        ]
    if len(grouped) > 1:
        first, second = list(grouped.items())[:2]
        cells = Cells(first[0], first[1][0], first[1][1])
        before = list(second[1][0])
        cells.add(second[1][0], 0)
        assert list(second[1][0]) == before
        assert len(cells) == len(first[1][0]) + len(before)
