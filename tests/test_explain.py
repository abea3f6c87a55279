"""`ctr-stats explain`: every cell a figure was added up from, with the text found there."""

from __future__ import annotations

from pathlib import Path

import pytest

import ctr_stats
from ctr_stats.catalogue import load_registry_file
from ctr_stats.errors import UsageError
from ctr_stats.explain import explain

from .test_cli import run

CORPUS = Path(__file__).resolve().parent / "corpus"


def test_explain_a_units_figure_lists_its_cells_and_raw_text() -> None:
    path = CORPUS / "files" / "numbers-typed-as-text-vietnamese.xlsx"
    report = ctr_stats.compute([path], units_file=CORPUS / "units.csv", units_only=True)
    unit = load_registry_file(CORPUS / "units.csv").by_code("017")
    explanation = explain(report, "admission.total", unit)
    assert explanation.figures is not None and explanation.figures.actual == 1234
    assert [(m, c.source.cell, c.raw) for _, m, c in explanation.cells] == [
        ("plan", "C9", "1 200"),
        ("actual", "D9", "1.234"),
        ("prior", "E9", "1101"),
    ]


def test_explain_the_total_and_its_findings() -> None:
    path = CORPUS / "files" / "total-row-mismatch.xlsx"
    report = ctr_stats.compute([path], units_file=CORPUS / "units.csv", units_only=True)
    explanation = explain(report, "admission.total")
    assert len(explanation.cells) == 9
    assert [(f.code, f.cell) for f in explanation.findings] == [("total-mismatch", "D11")]


def test_unknown_indicator_is_a_usage_error_with_suggestions() -> None:
    report = ctr_stats.compute(
        [CORPUS / "files" / "measures-kh-th-ck-unit-heading-ten-don-vi.xlsx"],
        units_file=CORPUS / "units.csv",
        units_only=True,
    )
    with pytest.raises(UsageError, match=r"admission\.total"):
        explain(report, "admission.totl")


def test_explain_on_the_command_line() -> None:
    result = run(
        "explain", "admission.total", "data/samples/2023", "--unit", "Q. Ba Đình", "--lang", "en"
    )
    assert result.returncode == 0, result.stderr
    assert "data/samples/2023/ba-dinh.xlsx" in result.stdout
    assert "Actual: 291" in result.stdout
    unknown = run("explain", "admission.total", "data/samples/2023", "--unit", "Ba Dình Mới")
    assert unknown.returncode == 2
    assert "Quận Ba Đình" in unknown.stderr and "Traceback" not in unknown.stderr


def test_explain_reads_the_configuration_given_with_config(tmp_path: Path) -> None:
    config = tmp_path / "cau-hinh.toml"
    config.write_text('[[ignore]]\ncode = "total-mismatchx"\nreason = "x"\n', encoding="utf-8")
    for args in (("admission.total", "data/samples/2023"), ("--unused", "data/samples/2023")):
        result = run("explain", *args, "--config", str(config))
        assert result.returncode == 2
        assert result.stderr == (
            f'Lỗi: {config}: [[ignore]] 1 code: không có mã lỗi hay cảnh báo "total-mismatchx";'
            " có phải ý bạn là: total-mismatch, period-mismatch, sum-mismatch?\n"
        )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            "16.412 số trong các bảng: 14.034 được cộng vào số liệu, 1.590 dùng để đối chiếu"
            " (dòng tổng, tỷ lệ %), 788 số thứ tự dòng, cột, 0 không được dùng",
        ),
        (
            "en",
            "16,412 numbers in the tables: 14,034 added into figures, 1,590 checked (total"
            " rows, percentages), 788 row or column numbers, 0 not used",
        ),
    ],
)
def test_unused_counts_have_thousands_separators(lang: str, said: str) -> None:
    result = run("explain", "--unused", "data/samples/2023", "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert " ".join(result.stdout.split()) == said


def test_explain_says_why_a_unit_has_no_figure(tmp_path: Path) -> None:
    """Trial 36, case 1: a unit with no figure (its file set aside, or not sent) showed
    'Không có số liệu.' and nothing else; its missing-unit finding says why, and names the
    file that may be its report."""
    import shutil

    folder = tmp_path / "2023"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data/samples/2023", folder)
    (folder / "tay-ho.xlsx").unlink()
    result = run("explain", "admission.total", str(folder), "--unit", "Tây Hồ", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "No figures." in result.stdout
    assert "error missing-unit: Quận Tây Hồ (003) sent no report" in result.stdout
