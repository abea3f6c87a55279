"""The loader on files as units really send them: the same figures come out of the same
data whichever layout, format or spelling carries them, and each problem is a finding that
names its file, sheet and cell."""

from __future__ import annotations

import pytest

import ctr_stats

from .corpus.make_corpus import CASES, FILES, HERE, Case


def test_every_corpus_file_is_a_case() -> None:
    assert sorted(p.name for p in FILES.iterdir()) == sorted(c.name for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case: Case) -> None:
    report = ctr_stats.compute(
        [FILES / case.name],
        units_file=HERE / case.units if case.units else None,
        units_only=case.units is not None,
    )
    got = {
        t.figures.indicator: {
            m: getattr(t.figures, m)
            for m in ("plan", "actual", "prior")
            if getattr(t.figures, m) is not None
        }
        for t in report.totals
    }
    assert got == case.expected
    findings = sorted((f.code, f.cell) for f in report.findings)
    # a file whose title names no period (a CSV has none) leaves the run without one: said
    unknown = [("period-unknown", None)] if case.period is None else []
    assert findings == sorted([*case.findings, *unknown]), [f.message_en for f in report.findings]
    for finding in report.findings:
        if finding.code != "period-unknown":  # of the run, no file's
            assert finding.file and finding.file.startswith(str(FILES))
    assert (report.period.code if report.period else None) == case.period


def test_registry_in_force_follows_the_period(tmp_path: pytest.TempPathFactory) -> None:
    """A 2024 sheet naming "Sóc Sơn" means the huyện; a 2026 sheet, the xã."""
    from .corpus.make_corpus import CITY_TITLE, consolidated, write_xlsx

    codes = {}
    for year in (2024, 2026):
        title = list(CITY_TITLE)
        title[3] = f"BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NĂM {year}"
        path = tmp_path / f"{year}.xlsx"  # type: ignore[operator]
        write_xlsx(path, {"KN": consolidated(["Sóc Sơn", "Ba Đình", "Tây Hồ"], title=title)})
        report = ctr_stats.compute([path])
        codes[year] = (report.registry, next(u.code for u in report.units if u.name == "Sóc Sơn"))
    assert codes == {2024: ("hanoi-2024", "016"), 2026: ("ha-noi-2025", "00376")}


def test_whole_corpus_on_the_command_line_never_tracebacks() -> None:
    from .test_cli import run

    for lang in ("vi", "en"):
        result = run("compute", str(FILES), "--units-only", str(HERE / "units.csv"), "--lang", lang)
        assert result.returncode in (0, 1, 3)
        assert "Traceback" not in result.stdout + result.stderr
        assert "formula-without-value" in result.stderr and "D11" in result.stderr
