"""Every mistake in ctr-stats.toml and on the command line is a usage error (exit code 2)
that names the key or option and what it expects, in Vietnamese by default and in English
with --lang en (wherever it stands on the command line): never "unexpected error", exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_cli import SAMPLES, run
from .test_hijack import run_main

DEEP = "[" * 3000 + "]" * 3000

# (the file, words the Vietnamese message holds, words the English one holds)
CONFIGS = [
    (
        'period = "năm ngoái"',
        "period: 'năm ngoái' không phải kỳ báo cáo",
        "is not a reporting period",
    ),
    ("period = true", "period phải là một chuỗi", "period must be a string"),
    ("registry = 5", "registry phải là một chuỗi", "registry must be a string"),
    ("units = [1, 2]", "units phải là một chuỗi", "units must be a string"),
    ('[thresholds]\nabsolute = "abc"', "[thresholds] absolute phải là một số", "must be a number"),
    ("[thresholds]\nprior_change_percent = inf", "phải là một số hữu hạn", "a finite number"),
    ("[thresholds]\nplan_low_percent = nan", "phải là một số hữu hạn", "a finite number"),
    ("[thresholds]\nplan_high_percent = -5", "phải là một số không âm", "not below zero"),
    ("[thresholds]\nabsolute = 2.5", "phải là một số nguyên", "a whole number"),
    ("[thresholds]\nbogus = 1", "[thresholds]: khóa không hợp lệ: bogus", "unknown keys: bogus"),
    ("thresholds = 5", "[thresholds] phải là một bảng", "[thresholds] must be a table"),
    ("severity = [1]", "[severity] phải là một bảng", "must be a table"),
    ('rules = "x"', "[[rules]] phải là các bảng", "must be [[rules]] tables"),
    ('[[rules]]\nkind = 5\npart = "admission.student"\nwhole = "admission.total"', "kind", "kind"),
    ('[[rules]]\nkind = "part_of"\nparts = "x"\nwhole = "admission.total"', "parts", "parts"),
    ('[[rules]]\nkind = "part_of"\npart = "admission.student"', "thiếu whole", "lacks whole"),
    (
        '[[ignore]]\ncode = 5\nreason = "đã thống nhất"',
        "code phải là một chuỗi",
        "must be a string",
    ),
    ('[[ignore]]\ncode = "x"\nreason = "y"\nunti = "Ba Đình"', "unti", "unknown keys: unti"),
    (f"registry = {DEEP}", "lồng nhau quá sâu", "nests arrays or tables too deeply"),
    # TOML itself broken: the line and column, and why, in Vietnamese
    (
        'period = "2023',
        'tệp cấu hình viết sai ở dòng 1, cột 15: chuỗi thiếu dấu " đóng trước cuối dòng',
        "written wrongly at line 1, column 15: Illegal character",
    ),
    (
        "registry = hanoi",
        'tệp cấu hình viết sai ở dòng 1, cột 12: giá trị không hợp lệ (chữ phải đặt trong dấu ")',
        "at line 1, column 12: Invalid value",
    ),
    ("\n[thresholds", "ở dòng 2, cột 12: tên bảng thiếu dấu ] đóng", "at line 2, column 12"),
    ("period\n", "ở dòng 1, cột 7: thiếu dấu = sau tên khóa", "at line 1, column 7"),
    ("[a]\n[a]", "ở dòng 2, cột 3: khóa hoặc bảng này đã khai báo ở trên", "Cannot declare"),
    # a finding code misspelt: named, with the closest ones
    (
        '[severity]\n"missing-indicatr" = "error"',
        '[severity] missing-indicatr: không có mã lỗi hay cảnh báo "missing-indicatr"; có phải'
        " ý bạn là: missing-indicator, missing-unit, missing-prior-unit?",
        'there is no finding code "missing-indicatr"; did you mean: missing-indicator,',
    ),
    (
        '[[ignore]]\ncode = "total-mismatches"\nreason = "đã thống nhất"',
        '[[ignore]] 1 code: không có mã lỗi hay cảnh báo "total-mismatches"; có phải ý bạn là:'
        " total-mismatch, period-mismatch, sum-mismatch?",
        "did you mean: total-mismatch, period-mismatch, sum-mismatch?",
    ),
]


@pytest.mark.parametrize(("toml", "vi", "en"), CONFIGS, ids=[c[0][:30] for c in CONFIGS])
def test_a_configuration_mistake_names_the_key_in_the_users_language(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], toml: str, vi: str, en: str
) -> None:
    config = tmp_path / "ctr-stats.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    for lang, words in (("vi", vi), ("en", en)):
        code, _, err, _ = run_main(
            capfdbinary, "check", str(SAMPLES / "2023"), "--config", str(config), "--lang", lang
        )
        assert code == 2, err
        assert words in err and str(config) in err, err
        assert "unexpected" not in err and "Traceback" not in err


def test_a_year_written_as_a_number_is_the_year(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    config = tmp_path / "ctr-stats.toml"
    config.write_text("period = 2023\n[thresholds]\nabsolute = 10.0\n", encoding="utf-8")
    code, out, err, _ = run_main(
        capfdbinary, "check", str(SAMPLES / "2023"), "--config", str(config)
    )
    assert code == 0, err
    assert "0 lỗi" in out


# (the command line after `ctr-stats`, Vietnamese words, English words)
COMMAND_LINES = [
    (
        ("compute", "x", "--bogus"),
        "Lỗi: không có tùy chọn --bogus",
        "Error: No such option: --bogus",
    ),
    (
        ("compute", "x", "--formt", "json"),
        "không có tùy chọn --formt (có phải: --format, --formulas, --sort?)",
        "No such option: --formt",
    ),
    (
        ("compute", "x", "--by", "donvi"),
        "--by: giá trị 'donvi' không hợp lệ; chọn một trong: total, unit",
        "Invalid value for '--by': 'donvi' is not one of 'total', 'unit'.",
    ),
    (
        ("compute", "x", "--precision", "9"),
        "--precision: 9 nằm ngoài khoảng cho phép, phải từ 0 đến 6",
        "9 is not in the range 0<=x<=6",
    ),
    (("compute", "x", "--precision", "hai"), "--precision: 'hai' không phải số nguyên", "'hai'"),
    (
        ("compute", "x", "--precision"),
        "tùy chọn --precision cần một giá trị",
        "requires an argument",
    ),
    (("compute",), "thiếu đối số PATHS (Tệp hoặc thư mục bảng tính)", "Missing argument"),
    (
        ("tinh", "x"),
        "không có lệnh 'tinh' (có: compute, check, verify, explain, units)",
        "No such command",
    ),
    (("verify", "a.md", "b.md"), "thừa đối số: b.md", "Got unexpected extra argument"),
]


@pytest.mark.parametrize(
    ("args", "vi", "en"), COMMAND_LINES, ids=[" ".join(c[0]) for c in COMMAND_LINES]
)
def test_a_command_line_mistake_is_told_in_the_users_language(
    capfdbinary: pytest.CaptureFixture[bytes], args: tuple[str, ...], vi: str, en: str
) -> None:
    code, out, err, _ = run_main(capfdbinary, *args)
    assert (code, out) == (2, ""), err
    assert vi in err and err.count("\n") == 2, err
    assert "--help" in err.splitlines()[1]
    # --lang en after the mistake still chooses English (before it when the mistake is
    # an option left without its value: it would take --lang as that value)
    english = (
        (args[0], "--lang", "en", *args[1:])
        if args[-1] == "--precision"
        else (*args, "--lang", "en")
    )
    code, _, err, _ = run_main(capfdbinary, *english)
    assert code == 2 and en in err, err


@pytest.mark.parametrize(
    "args", [("--help",), ("compute", "--help"), ("units", "--help"), ("units", "find", "--help")]
)
def test_the_help_options_own_line_is_in_both_languages(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert "Show this message" not in result.stdout
    flat = " ".join(result.stdout.split())
    assert "--help Hiện hướng dẫn này rồi thoát / show this message and exit" in flat


def test_one_registry_of_finding_codes_is_the_one_the_readme_documents() -> None:
    import re

    from ctr_stats.finding_codes import finding_codes

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    documented = set()
    for line in readme.splitlines():
        row = re.match(r"\| (`[a-z][a-z-]*`(?:, `[a-z][a-z-]*`)*) \| (?:error|warning)", line)
        if row:
            documented.update(re.findall(r"`([a-z-]+)`", row.group(1)))
    assert finding_codes() == documented
    assert len(documented) == 55


def test_units_show_says_its_source_in_the_users_language() -> None:
    vi = run("units", "show", "quang-ngai-2025").stdout.splitlines()[1]
    assert vi == (
        "Nguồn: gói vietnam-provinces 2025.10.1 trên PyPI (dữ liệu ngày 18/10/2025): danh mục"
        " đơn vị hành chính mới của Tổng cục Thống kê"
    )
    hanoi = run("units", "show", "hanoi-2024").stdout.splitlines()[1]
    assert hanoi == (
        "Nguồn: Danh mục đơn vị hành chính cấp huyện của Tổng cục Thống kê (bản xuất năm 2022)"
    )
    en = run("units", "show", "quang-ngai-2025", "--lang", "en").stdout.splitlines()[1]
    assert en.startswith("Source: PyPI package vietnam-provinces 2025.10.1")


def test_a_broken_zip_is_said_in_vietnamese(tmp_path: Path) -> None:
    broken = tmp_path / "ba-dinh.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    result = run("check", str(broken), "--partial")
    assert result.returncode == 3
    assert (
        f"lỗi unreadable-file: {broken}: tệp nén bị hỏng hoặc không trọn vẹn (có thể chép"
        " hoặc tải về chưa xong): hãy xin đơn vị gửi lại tệp\n"
    ) in result.stdout + result.stderr
    assert "zip file" not in result.stdout + result.stderr
