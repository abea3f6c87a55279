"""`--format text` as the press writes it: a period opening, related figures in one
sentence, the subject once, whole percentages without decimals, and by-unit sentences that
count every unit from exact figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.calculate import figures
from ctr_stats.errors import UsageError
from ctr_stats.model import Period, Report, TotalFigures, UnitFigures
from ctr_stats.render.text import load_templates, prose_percent, render_text
from ctr_stats.verify import verify

from .test_cli import GOLDEN, SAMPLES, run


@pytest.fixture(scope="module")
def reports() -> dict[str, ctr_stats.Report]:
    return {p: ctr_stats.compute([SAMPLES / p]) for p in ("2023", "2022-h1", "2021-9m")}


def _prose(golden: str) -> str:
    """A golden text's paragraphs, without the first line that marks it as the tool's."""
    text = (GOLDEN / golden).read_text(encoding="utf-8")
    assert text.startswith("ctr-stats compute\n\n")
    return text.removeprefix("ctr-stats compute\n\n")


@pytest.mark.parametrize(
    ("golden", "opening"),
    [
        ("text-2023.vi.txt", "Năm 2023, "),
        ("text-2022-h1.vi.txt", "6 tháng đầu năm 2022, "),
        ("text-2021-9m.vi.txt", "9 tháng đầu năm 2021, "),
        ("text-2023.en.txt", "In 2023, "),
        ("text-2022-h1.en.txt", "In the first 6 months of 2022, "),
        ("text-2021-9m.en.txt", "In the first 9 months of 2021, "),
    ],
)
def test_every_paragraph_opens_with_the_period(golden: str, opening: str) -> None:
    paragraphs = _prose(golden).strip().split("\n\n")
    assert len(paragraphs) == 3
    assert all(p.startswith(opening) for p in paragraphs)
    assert all(p.count(opening) == 1 for p in paragraphs)


def test_the_published_sentences_read_as_the_press_writes_them() -> None:
    text = _prose("text-2023.vi.txt")
    assert text.startswith(
        "Năm 2023, toàn thành phố kết nạp 10.479/9.810 đảng viên mới, đạt 106,8% kế hoạch,"
        " tăng 4,6% so với cùng kỳ năm 2022; trong đó có 852/453 đảng viên mới trong doanh"
        " nghiệp ngoài khu vực nhà nước (đạt 188,1% kế hoạch, tăng 33,1% so với cùng kỳ)"
    )
    # related figures in one sentence; the subject once per paragraph
    assert (
        "toàn thành phố có 2.305 tổ chức cơ sở đảng (giảm 0,2% so với cùng kỳ năm 2022), gồm"
        " 1.240 đảng bộ cơ sở và 1.065 chi bộ cơ sở;" in text
    )
    assert (
        "Thành lập được 109/69 tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước (đạt 158% kế hoạch"
        in text
    )
    inspection = text.strip().split("\n\n")[2]
    assert inspection.count("cấp ủy các cấp") == 1 and inspection.count("Ủy ban kiểm tra") == 1
    assert "; giám sát 548/520 tổ chức đảng (đạt 105,4% kế hoạch" in inspection
    assert "Thi hành kỷ luật 12 tổ chức đảng (giảm 20% so với cùng kỳ)" in inspection
    assert text.count("toàn thành phố") == 2  # admission and party cells, once each
    assert "“bốn tốt”" in text and '"' not in text  # typographic quotes
    # the same period's year said once per paragraph, with its first comparison
    assert [p.count("năm 2022") for p in text.strip().split("\n\n")] == [1, 1, 1]
    nine_months = _prose("text-2021-9m.vi.txt")
    assert nine_months.startswith(
        "9 tháng đầu năm 2021, toàn thành phố kết nạp 6.606 đảng viên mới, tăng 17,2% so với"
        " cùng kỳ năm 2020;"
    )
    assert "0%" not in nine_months.split(";")[0] and "None" not in nine_months


def test_a_part_year_figure_is_set_against_the_year_plan() -> None:
    half = _prose("text-2022-h1.vi.txt")
    assert "kết nạp 5.030/9.600 đảng viên mới, đạt 52,4% kế hoạch năm," in half
    assert half.count("kế hoạch năm") == half.count("kế hoạch")
    year = _prose("text-2023.vi.txt")
    assert "kế hoạch năm" not in year
    assert "52.4% of the year's plan" in (GOLDEN / "text-2022-h1.en.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("value", "precision", "vi", "en"),
    [
        ("158.0", 1, "158%", "158%"),
        ("20.00", 2, "20%", "20%"),
        ("188.1", 1, "188,1%", "188.1%"),
        ("106.82", 2, "106,82%", "106.82%"),
        ("1234.5", 1, "1.234,5%", "1,234.5%"),
    ],
)
def test_whole_percentages_lose_their_decimals_in_prose(
    value: str, precision: int, vi: str, en: str
) -> None:
    assert prose_percent(Decimal(value), "vi", precision) == vi
    assert prose_percent(Decimal(value), "en", precision) == en


def test_tables_keep_the_precision() -> None:
    markdown = run("compute", "data/samples/2023", "--format", "markdown").stdout
    assert "158,0%" in markdown and "158%" not in markdown.replace("158,0%", "")


def test_a_missing_whole_leaves_its_parts_standing_alone(reports: dict[str, Report]) -> None:
    report = reports["2023"]
    parts = replace(
        report,
        totals=tuple(
            t
            for t in report.totals
            if t.figures.indicator
            in (
                "admission.business_owner",
                "party_cell.grassroots_committee",
                "party_cell.grassroots_cell",
            )
        ),
    )
    assert render_text(parts).strip().split("\n\n")[:2] == [
        "Năm 2023, toàn thành phố kết nạp 13 chủ doanh nghiệp tư nhân, tăng 18,2% so với cùng kỳ"
        " năm 2022.",
        "Năm 2023, toàn thành phố có 1.240 đảng bộ cơ sở và 1.065 chi bộ cơ sở.",
    ]


def test_the_subject_follows_the_registry_province(reports: dict[str, Report]) -> None:
    province = replace(reports["2023"], registry="quang-ngai-2025")
    assert render_text(province).startswith("Năm 2023, toàn tỉnh kết nạp 10.479/9.810")
    own = replace(reports["2023"], registry="don-vi")
    assert render_text(own, lang="en").startswith("In 2023, the party organization admitted")


def test_without_a_period_there_is_no_opening(reports: dict[str, Report]) -> None:
    text = render_text(replace(reports["2023"], period=None))
    assert text.startswith("Toàn thành phố kết nạp 10.479/9.810 đảng viên mới")
    assert "so với cùng kỳ năm" not in text  # no year to say: "so với cùng kỳ" alone


# ---------------------------------------------------------------- rounding traps


def _total(actual: int, plan: int | None, prior: int | None, precision: int = 1) -> Report:
    total = TotalFigures(figures("admission.total", actual, plan, prior, precision), 30)
    return Report(Period(2023), "hanoi-2024", precision, (total,), ())


@pytest.mark.parametrize(
    ("actual", "prior", "vi", "en"),
    [
        (10479, 10478, "tăng 1 so với cùng kỳ", "up 1 on the same period"),
        (10478, 10479, "giảm 1 so với cùng kỳ", "down 1 on the same period"),
        (10479, 10479, "bằng cùng kỳ", "level with the same period"),
        (10479, 10400, "tăng 0,8% so với cùng kỳ", "up 0.8% on the same period"),
    ],
)
def test_level_with_the_same_period_only_when_the_figures_are_equal(
    tmp_path: Path, actual: int, prior: int, vi: str, en: str
) -> None:
    """10.479 against 10.478 is 0,0% rounded, but not level: the change is said in numbers,
    which `verify` checks as it checks a percentage."""
    report = _total(actual, None, prior)
    for lang, words in (("vi", vi), ("en", en)):
        text = render_text(report, lang=lang)
        year = {"vi": "năm 2022", "en": "of 2022"}[lang]
        assert f", {words} {year}." in text, text
        path = tmp_path / f"{lang}.txt"
        path.write_text(text, encoding="utf-8")
        assert {c.status for c in verify(path, report, lang)} == {"ok"}


@pytest.mark.parametrize(
    ("actual", "plan", "precision", "vi", "en"),
    [
        (9996, 10000, 1, "đạt 99,9% kế hoạch", "99.9% of plan"),  # 100,0% in a table
        (99999, 100000, 2, "đạt 99,99% kế hoạch", "99.99% of plan"),  # 100,00%
        (10000, 10000, 1, "đạt 100% kế hoạch", "100% of plan"),
        (10004, 10000, 1, "đạt 100% kế hoạch", "100% of plan"),  # reached, and above
        (9994, 10000, 1, "đạt 99,9% kế hoạch", "99.9% of plan"),
    ],
)
def test_a_total_below_plan_is_never_said_at_100_percent(
    tmp_path: Path, actual: int, plan: int, precision: int, vi: str, en: str
) -> None:
    for statuses in _said_and_verified(tmp_path, _total(actual, plan, None, precision), vi, en):
        assert statuses == {"ok"}


def _said_and_verified(tmp_path: Path, report: Report, vi: str, en: str) -> list[set[str]]:
    """The statuses verify gives the sentence of `report` in each language, after checking
    that it ends with the words expected (`vi`, `en`)."""
    found = []
    for lang, words in (("vi", vi), ("en", en)):
        text = render_text(report, lang=lang)
        assert text.endswith(f", {words}.\n"), text
        path = tmp_path / f"{lang}.txt"
        path.write_text(text, encoding="utf-8")
        found.append({c.status for c in verify(path, report, lang)})
    return found


@pytest.mark.parametrize(
    ("actual", "plan", "precision", "vi", "en"),
    [
        (1, 30000, 1, "đạt dưới 0,1% kế hoạch", "under 0.1% of plan"),  # 0,0033%
        (1, 30000, 2, "đạt dưới 0,01% kế hoạch", "under 0.01% of plan"),
        (1, 3000, 0, "đạt dưới 1% kế hoạch", "under 1% of plan"),
        (0, 30000, 1, "đạt 0% kế hoạch", "0% of plan"),  # nothing done: said so
    ],
)
def test_a_result_above_zero_is_never_said_at_0_percent(
    tmp_path: Path, actual: int, plan: int, precision: int, vi: str, en: str
) -> None:
    """Trial 31, case 6: 1 admitted against a plan of 30.000 was 'đạt 0% kế hoạch', as
    though none was; rounding never makes a claim the figures do not (as at 100%)."""
    for statuses in _said_and_verified(tmp_path, _total(actual, plan, None, precision), vi, en):
        assert "mismatch" not in statuses


def test_a_plan_of_zero_is_no_plan_to_say_a_figure_against(tmp_path: Path) -> None:
    """Trial 31, case 3: "kết nạp 300/0 đảng viên mới", which `verify` then failed."""
    report = _total(300, 0, 300)
    for lang, said in (
        ("vi", "Năm 2023, toàn thành phố kết nạp 300 đảng viên mới, bằng cùng kỳ năm 2022.\n"),
        ("en", "In 2023, the city admitted 300 new members, level with the same period of 2022.\n"),
    ):
        text = render_text(report, lang=lang)
        assert text == said
        path = tmp_path / f"{lang}.txt"
        path.write_text(text, encoding="utf-8")
        assert {c.status for c in verify(path, report, lang)} == {"ok"}


def test_one_in_english_is_singular() -> None:
    """Trial 31, case 4: "admitted 1 new members", "1 units fell short"."""
    assert (
        render_text(_total(1, None, None), lang="en")
        == "In 2023, the city admitted 1 new member.\n"
    )
    units = [_unit("A", 120, 100), _unit("B", 130, 100), _unit("C", 90, 100), _unit("D", 5, 0)]
    (line,) = render_text(_report(units), by_unit=True, lang="en").strip().split("\n\n")[1:]
    assert line == (
        "New members admitted: 2 units exceeded the plan; 1 unit fell short of the plan:"
        " Đơn vị C (90%); 1 unit had no plan: Đơn vị D."
    )


def test_the_samples_on_every_rounding_edge_pass_verify(
    tmp_path: Path, reports: dict[str, Report]
) -> None:
    """Every total of the 2023 samples one short of its plan and one off its prior: no
    sentence says a plan reached nor a level period, and every one passes `verify`."""
    report = reports["2023"]

    def edge(total: TotalFigures) -> TotalFigures:
        f = total.figures
        actual = f.actual or 0
        plan = None if f.plan is None else actual + 1
        prior = None if f.prior is None else actual - 1 if actual % 2 else actual + 1
        return replace(total, figures=figures(f.indicator, actual, plan, prior, 1))

    edged = replace(report, totals=tuple(edge(t) for t in report.totals))
    for lang, level, reached in (
        ("vi", "bằng cùng kỳ", "100% kế hoạch"),
        ("en", "level with", "100% of plan"),
    ):
        text = render_text(edged, lang=lang)
        assert level not in text and reached not in text
        assert text.count(" 1 so với cùng kỳ" if lang == "vi" else " 1 on the same") == 3
        path = tmp_path / f"{lang}.txt"
        path.write_text(text, encoding="utf-8")
        assert {c.status for c in verify(path, edged, lang)} == {"ok"}


# ---------------------------------------------------------------- by unit


def _unit(code: str, actual: int, plan: int) -> UnitFigures:
    return UnitFigures(
        code, f"Đơn vị {code}", figures("admission.total", actual, plan, None, 1), {}
    )


def _report(units: list[UnitFigures], period: Period | None = None) -> Report:
    actual = sum(u.figures.actual or 0 for u in units)
    plan = sum(u.figures.plan or 0 for u in units)
    total = TotalFigures(figures("admission.total", actual, plan, None, 1), len(units))
    return Report(period or Period(2023), "hanoi-2024", 1, (total,), tuple(units))


def test_reached_means_at_or_above_plan_exactly_and_exceeded_above_it() -> None:
    units = [
        _unit("A", 2500, 2500),  # 100% exactly: reached, not exceeded
        _unit("B", 2499, 2500),  # 99,96%: shown 100,0% in a table, but below plan
        _unit("C", 2501, 2500),  # 100,04%: exceeded
        _unit("D", 90, 100),
    ]
    (line,) = render_text(_report(units), by_unit=True).strip().split("\n\n")[1:]
    assert line == (
        "Đảng viên mới kết nạp: 2 đơn vị đạt kế hoạch trở lên, trong đó 1 đơn vị vượt kế"
        " hoạch; 2 đơn vị chưa đạt kế hoạch: Đơn vị D (90%) và Đơn vị B (99,9%)."
    )


def test_all_above_plan_names_the_lowest_ranked() -> None:
    units = [_unit(str(i), 100 + i, 100) for i in range(9, 0, -1)]
    line = render_text(_report(units), by_unit=True).strip().split("\n\n")[1]
    assert line == (
        "Đảng viên mới kết nạp: cả 9 đơn vị vượt kế hoạch; thấp nhất là Đơn vị 1 (101%),"
        " Đơn vị 2 (102%) và Đơn vị 3 (103%)."
    )


def test_all_is_never_said_while_a_unit_with_a_plan_reported_no_actual() -> None:
    """Trial 31, case 2: "cả 29 đơn vị vượt kế hoạch" while a 30th, with its plan, reported
    no Thực hiện."""
    units = [_unit(str(i), 100 + i, 100) for i in range(3, 0, -1)]
    silent = UnitFigures("4", "Đơn vị 4", figures("admission.total", None, 100, None, 1), {})
    line = render_text(_report([*units, silent]), by_unit=True).strip().split("\n\n")[1]
    assert line == (
        "Đảng viên mới kết nạp: 3 đơn vị vượt kế hoạch; thấp nhất là Đơn vị 1 (101%),"
        " Đơn vị 2 (102%) và Đơn vị 3 (103%)."
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_units_without_a_plan_are_named_apart_never_in_all_of_them(
    tmp_path: Path, lang: str
) -> None:
    """Trial 23: two units of 126 with a plan of 0 that admitted members were in no count,
    and the line said "cả 124 đơn vị vượt kế hoạch" (all 124 units). "cả N" is said of
    every unit reporting or of none; those without a plan are named, and verify counts
    them against the data."""
    units = [_unit(code, 100 + i, 100) for i, code in ((3, "C"), (2, "B"), (1, "A"))]
    units += [_unit("Z", 8, 0), _unit("Y", 4, None)]  # type: ignore[arg-type]
    report = _report(units)
    text = render_text(report, by_unit=True, lang=lang)
    line = text.strip().split("\n\n")[1]
    assert (
        line
        == {
            "vi": "Đảng viên mới kết nạp: 3 đơn vị vượt kế hoạch; thấp nhất là Đơn vị A (101%),"
            " Đơn vị B (102%) và Đơn vị C (103%); 2 đơn vị không có kế hoạch: Đơn vị Z và Đơn vị Y.",
            "en": "New members admitted: 3 units exceeded the plan; the lowest: Đơn vị A (101%),"
            " Đơn vị B (102%) and Đơn vị C (103%); 2 units had no plan: Đơn vị Z and Đơn vị Y.",
        }[lang]
    )
    path = tmp_path / "units.txt"
    path.write_text(text, encoding="utf-8")
    counts = {c.text[:1]: c.status for c in verify(path, report, lang) if c.kind == "count"}
    assert counts == {"3": "ok", "2": "ok"}
    wrong = text.replace("2 đơn vị không", "3 đơn vị không").replace("2 units had", "3 units had")
    path.write_text(wrong, encoding="utf-8")
    (claim,) = [c for c in verify(path, report, lang) if c.kind == "count" and c.status != "ok"]
    assert (claim.status, claim.stated, claim.computed) == ("mismatch", 3, 2)


def test_many_below_plan_are_named_ten_then_counted() -> None:
    units = [_unit(f"{i:02d}", 50 + i, 100) for i in range(14)]
    line = render_text(_report(units), by_unit=True, lang="en").strip().split("\n\n")[1]
    assert line.startswith("New members admitted: no unit has reached the plan; 14 units fell")
    assert line.endswith("Đơn vị 09 (59%) and another 4 units.")


def test_statements_about_all_units_ignore_the_ranked_selection() -> None:
    full = run("compute", "data/samples/2023", "--format", "text", "--by", "unit")
    ranked = run("compute", "data/samples/2023", "--format", "text", "--sort", "plan", "--top", "3")
    assert ranked.returncode == 0, ranked.stderr
    assert ranked.stdout == full.stdout
    assert (
        "Cấp ủy kiểm tra tổ chức đảng: 28 đơn vị đạt kế hoạch trở lên, trong đó 18 đơn vị"
        in full.stdout
    )


def test_by_unit_text_passes_verify(tmp_path: Path, reports: dict[str, Report]) -> None:
    for period, report in reports.items():
        for lang in ("vi", "en"):
            path = tmp_path / f"{period}-{lang}.txt"
            path.write_text(render_text(report, lang=lang, by_unit=True), encoding="utf-8")
            statuses = {c.status for c in verify(path, report, lang)}
            assert statuses == {"ok"}, (period, lang)


# ---------------------------------------------------------------- templates


def test_templates_of_an_older_shape_are_a_usage_error(tmp_path: Path) -> None:
    templates = load_templates()
    del templates["vi"]["opening"], templates["vi"]["subject"]
    with pytest.raises(UsageError) as caught:
        render_text(ctr_stats.compute([SAMPLES / "2023" / "ba-dinh.xlsx"]), templates=templates)
    assert "lack: opening, subject" in caught.value.describe("en")


def test_a_malformed_clause_is_a_usage_error(reports: dict[str, Report]) -> None:
    templates = load_templates()
    templates["vi"]["paragraphs"]["admission"] = [[{"lead": "kết nạp"}]]  # no figures
    with pytest.raises(UsageError) as caught:
        render_text(reports["2023"], templates=templates)
    assert "[vi.paragraphs] admission is malformed" in caught.value.describe("en")


def test_templates_without_paragraphs_give_a_sentence_per_figure(
    reports: dict[str, Report],
) -> None:
    templates = load_templates()
    del templates["vi"]["paragraphs"]
    first = render_text(reports["2023"], templates=templates).split("\n\n")[0]
    assert first.startswith(
        "Năm 2023, toàn thành phố kết nạp 10.479/9.810 đảng viên mới, đạt 106,8% kế hoạch, tăng"
        " 4,6% so với cùng kỳ năm 2022. Kết nạp 852/453 đảng viên mới trong doanh nghiệp"
    )


# ---------------------------------------------------------------- the official forms

FORMS = sorted((Path(__file__).parent / "forms" / "files").glob("*.xlsx"))


@pytest.fixture(scope="module")
def forms() -> dict[str, Report]:
    return {f.name: ctr_stats.compute([f], registry="hanoi-2024") for f in FORMS}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_text_of_every_official_form_passes_verify(
    tmp_path: Path, forms: dict[str, Report], lang: str
) -> None:
    """Figures of forms rebuilt from public templates (tests/forms), not the samples."""
    assert len(forms) >= 20
    for name, report in forms.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(render_text(report, lang=lang, by_unit=True), encoding="utf-8")
        claims = verify(path, report, lang)
        assert claims and {c.status for c in claims} == {"ok"}, name


@pytest.mark.parametrize(
    "name", ["ktgs-885-bao-cao_ba-dinh_6-thang-2024.xlsx", "bieu-2-btctw_ba-dinh_6-thang-2024.xlsx"]
)
def test_every_digit_changed_in_a_forms_text_fails_on_its_line(
    tmp_path: Path, forms: dict[str, Report], name: str
) -> None:
    import re

    report = forms[name]
    text = render_text(report)
    path = tmp_path / "bao-cao.txt"
    for match in re.finditer(r"\d", text):
        i = match.start()
        path.write_text(text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :], encoding="utf-8")
        failing = {c.line for c in verify(path, report) if c.status == "mismatch"}
        assert text.count("\n", 0, i) + 1 in failing, text[max(0, i - 40) : i + 10]
