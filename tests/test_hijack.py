"""Input text cannot hijack an output: a workbook whose cells, sheet name and title carry
terminal escape sequences, NUL, C1 and bidi controls, a --units file naming units the same
way, a file name and a draft report holding them, through every command and format: no
control character reaches stdout or stderr raw, JSON keeps the text exactly, junit parses
as XML, Markdown escapes HTML, rich markup in a cell stays text."""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ctr_stats import cli

from .hostile.make_hostile import PAYLOAD, control_characters_workbook

# What may reach a stream raw: the line breaks (and TSV's tab, CSV's CR) a format uses.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
SHOWN = "\\x1b]0;pwned\\x07"  # how the OSC 0 sequence is shown
NAME = "\x1b]0;pwned\x07\x1b[2J\u202e\x9b"  # what a file's name can hold
REPORT = f"bao-cao{NAME}.md"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hijack")
    data = folder / "data"
    data.mkdir()
    control_characters_workbook(data / "tong-hop.xlsx")
    # a text file: raw bytes, and a name that is not UTF-8 and holds an escape
    rows = f"NĂM 2023\nĐơn vị;Đảng viên mới kết nạp - Thực hiện\nThị xã Sơn Tây{PAYLOAD.replace(chr(0), '')};5\n"
    (data / os.fsdecode(b"don-vi-\xff\x1b[2J.csv")).write_bytes(rows.encode("utf-8"))
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "type", "aliases"])
        writer.writerow(["001", "Ba Đình", "quận", f"Ba Đình{PAYLOAD}"])
        writer.writerow(["017", f"Đông Anh{PAYLOAD}", "huyện", "Đông Anh"])
        writer.writerow(["269", "Sơn Tây", "thị xã", ""])
    (folder / REPORT).write_text(
        f"Kết nạp 1.729/1.622 đảng viên mới{PAYLOAD}, đạt 106,6% kế hoạch.\n"
        f"Kết nạp 10/8 đảng viên {PAYLOAD} (đạt 120%).\n",
        encoding="utf-8",
    )
    return folder


def run_main(capfdbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str, str, bytes]:
    """The installed command, in this process: (exit code, stdout, stderr, raw bytes of both)."""
    argv = sys.argv
    sys.argv = ["ctr-stats", *args]
    try:
        cli.main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    out, err = capfdbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8"), out + err


def assert_no_controls(text: str, raw: bytes, allowed: str = "\n") -> None:
    assert b"\x1b" not in raw
    found = {ch for ch in CONTROLS.findall(text) if ch not in allowed}
    found |= {ch for ch in "\t\r" if ch in text and ch not in allowed}
    assert not found, sorted(found)


COMPUTE_FORMATS = {
    "table": "\n",
    "json": "\n",
    "text": "\n",
    "markdown": "\n",
    "csv": "\r\n",
    "tsv": "\t\n",
}


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("CTR_STATS_JOBS", "1")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", list(COMPUTE_FORMATS))
def test_compute_every_format(
    hostile: Path, capfdbinary: pytest.CaptureFixture[bytes], fmt: str, lang: str
) -> None:
    code, out, err, raw = run_main(
        capfdbinary,
        *("compute", str(hostile / "data"), "--units-only", str(hostile / "units.csv")),
        *("--by", "unit", "--format", fmt, "--lang", lang, "--allow-missing"),
    )
    assert code in (0, 1), err
    assert_no_controls(out, out.encode(), COMPUTE_FORMATS[fmt])
    assert_no_controls(err, raw)
    assert "Traceback" not in err
    if fmt != "json":
        assert SHOWN in out + err  # shown, not dropped
    else:
        data = json.loads(out)  # the text itself, exactly, for the programs that read it
        assert any(u["name"].startswith("Đông Anh\x1b]0;pwned\x07") for u in data["units"])
        assert any(PAYLOAD in (f["message"] or "") for f in data["findings"])
    if fmt == "markdown":
        assert "&lt;script&gt;" in out and "<script>" not in out


@pytest.mark.parametrize("name", ["phu-luc.xlsx", "bao-cao.docx"])
def test_compute_to_a_file_says_nothing_raw_and_writes_valid_xml(
    hostile: Path, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], name: str
) -> None:
    """The annex and the Word report are XML inside: what XML forbids cannot go in."""
    import inspect
    import zipfile

    target = tmp_path / name
    # the report is written despite the workbook's errors (once compute fails on them)
    go_on = (
        ("--allow-errors",) if "allow_errors" in inspect.signature(cli.compute).parameters else ()
    )
    code, out, err, raw = run_main(
        capfdbinary,
        *("compute", str(hostile / "data"), "--units-only", str(hostile / "units.csv")),
        *("-o", str(target), "--allow-missing", "--by", "unit", *go_on),
    )
    assert code in (0, 1), err
    assert_no_controls(out + err, raw)
    assert SHOWN in err
    with zipfile.ZipFile(target) as parts:
        for part in parts.namelist():
            if part.endswith(".xml"):
                ET.fromstring(parts.read(part))


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_check_every_format(
    hostile: Path, capfdbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    code, out, err, raw = run_main(
        capfdbinary,
        *("check", str(hostile / "data"), "--units-only", str(hostile / "units.csv")),
        *("--format", fmt),
    )
    assert code in (1, 3), err
    assert_no_controls(out + err, raw)
    if fmt == "junit":
        root = ET.fromstring(out)  # valid XML, whatever the cells hold
        assert root.tag == "testsuites"
        assert SHOWN in ET.tostring(root, encoding="unicode")
    elif fmt == "json":
        assert any(PAYLOAD in (f["message"] or "") for f in json.loads(out)["findings"])
    else:
        assert SHOWN in out


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_verify_every_format(
    hostile: Path, capfdbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    code, out, err, raw = run_main(
        capfdbinary,
        *("verify", str(hostile / REPORT), "--data", str(hostile / "data")),
        *("--units-only", str(hostile / "units.csv"), "--format", fmt),
    )
    assert code in (0, 1), err
    assert_no_controls(out + err, raw)
    if fmt == "json":
        assert json.loads(out)["summary"]["mismatch"] >= 1
    elif fmt == "github":
        shown = (
            REPORT.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\u202e", "\\u202e")
        )
        assert "file=" + str(hostile / shown.replace("\x9b", "\\x9b")).replace(":", "%3A") in out


def test_explain(hostile: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err, raw = run_main(
        capfdbinary,
        *("explain", "admission.total", str(hostile / "data")),
        *("--units-only", str(hostile / "units.csv"), "--unit", "Đông Anh"),
    )
    assert code == 0, err
    assert_no_controls(out + err, raw)
    assert "pwned" in out and "evil.example" in out  # the cell's text, as text


def test_errors_and_usage_errors(hostile: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    """A path, an option value and a --unit name typed (or pasted) with controls in them
    (all but NUL, which a command line cannot hold)."""
    typed = PAYLOAD.replace("\x00", "")
    for args in (
        ("compute", str(hostile / f"missing{typed}.xlsx")),
        ("explain", "admission.total", str(hostile / "data"), "--unit", typed),
        ("compute", str(hostile / "data"), "--registry", typed),
        ("compute", str(hostile / "data"), f"--{typed}"),
        ("compute", str(hostile / "data"), "--by", typed),
    ):
        code, out, err, raw = run_main(capfdbinary, *args)
        assert code in (2, 3), (args, err)
        assert_no_controls(out + err, raw)
        assert "pwned" in err


def test_visible_shows_every_control_and_nothing_else() -> None:
    from ctr_stats.safe_text import html, json_controls, markup, visible

    assert visible("Ba Đình") == "Ba Đình"
    assert visible("\x1b[2J\x00\x9b\x7f\u202e\u2066\r\n\t") == (
        "\\x1b[2J\\x00\\x9b\\x7f\\u202e\\u2066\\r\\n\\t"
    )
    assert visible("a\nb\tc", keep="\n") == "a\nb\\tc"
    assert visible("tệp-\udcff.csv") == "tệp-\\xff.csv"  # a byte of a name not in UTF-8
    assert markup("[link=https://x]y[/link]\x1b") == "\\[link=https://x]y\\[/link]\\x1b"
    assert html('<script>"&') == '&lt;script&gt;"&amp;'
    document = json.dumps({"name": PAYLOAD}, ensure_ascii=False)
    assert json.loads(json_controls(document)) == {"name": PAYLOAD}
    assert not CONTROLS.search(json_controls(document))


@pytest.mark.parametrize(
    "args",
    [("show", "hanoi-2024"), ("show", "hanoi-2024", "--format", "csv"), ("find", "Đông Anh")],
)
def test_units_commands(
    hostile: Path, capfdbinary: pytest.CaptureFixture[bytes], args: tuple[str, ...]
) -> None:
    code, out, err, raw = run_main(
        capfdbinary, "units", *args, "--units", str(hostile / "units.csv"), "--period", "2023"
    )
    assert code in (0, 1), err
    assert_no_controls(out + err, raw)
    assert "pwned" in out


def test_explain_unused(hostile: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err, raw = run_main(
        capfdbinary,
        *("explain", str(hostile / "data"), "--unused"),
        *("--units-only", str(hostile / "units.csv")),
    )
    assert code in (0, 1), err
    assert_no_controls(out + err, raw)


# ---------------------------------------------------------------- Markdown: names as text

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script> **Ba Đình** | [x](y) ~~z~~"
SCRIPT_MD = "&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*Ba Đình\\*\\* \\| \\[x\\](y) \\~\\~z\\~\\~"


def _units_csv(
    path: Path, rename: dict[str, tuple[str, str]], drop: str = "", add: str = ""
) -> None:
    """The built-in hanoi-2024 units as a --units-only file: `rename` code -> (name,
    aliases), `drop` a code, `add` a unit (code 999) that sends nothing."""
    from ctr_stats.catalogue import load_registry

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "type", "aliases"])
        for unit in load_registry("hanoi-2024").units:
            if unit.code != drop:
                name, aliases = rename.get(unit.code, (unit.name, ""))
                writer.writerow([unit.code, name, unit.type, aliases])
        if add:
            writer.writerow(["999", add, "huyện", ""])


def _no_raw_html(markdown: str) -> None:
    """The only '<' is the one that opens the first line's comment."""
    assert markdown.startswith("<!-- ctr-stats compute") and markdown.count("<") == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_markdown_escapes_a_hostile_file_name_in_its_notes(samples_copy: Path, lang: str) -> None:
    """A file whose unit the registry lacks: the note under the table names it, as text."""
    from .test_cli import run

    (samples_copy / "hoan-kiem.xlsx").rename(samples_copy / f"{IMG}.xlsx")
    _units_csv(samples_copy.parent / "units.csv", {}, drop="002")
    out = run(
        *("compute", "2023", "--units-only", "units.csv", "--format", "markdown"),
        *("--allow-errors", "--lang", lang),
        cwd=samples_copy.parent,
    )
    assert out.returncode == 0, out.stderr
    where = "2023/&lt;img src=x onerror=alert(1)&gt;.xlsx: unknown-unit"
    expected = {
        "vi": f"> (*) Số liệu có lỗi chưa sửa, chưa dùng được: mọi số liệu ({where}).",
        "en": f"> (*) Figures with errors not yet fixed, not to be relied on: every figure ({where}).",
    }[lang]
    assert expected in out.stdout.splitlines()
    _no_raw_html(out.stdout)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_markdown_escapes_hostile_unit_names_everywhere(samples_copy: Path, lang: str) -> None:
    """A --units file's names (and its own name, in the first line's comment) reach the
    Markdown as text: in a unit's row, in the missing units' note and the doubted figures'."""
    from .test_cli import run
    from .test_trust import add_total_mismatch

    add_total_mismatch(samples_copy)  # Ba Đình's figure in doubt
    units = samples_copy.parent / "don-vi--><b>.csv"
    _units_csv(units, {"001": (SCRIPT, "Ba Đình")}, add="<img src=x>_Sơn_ $x$")
    out = run(
        *("compute", "2023", "--units-only", units.name, "--format", "markdown"),
        *("--by", "unit", "--allow-errors", "--lang", lang),
        cwd=samples_copy.parent,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    registry = {"vi": "danh mục", "en": "registry"}[lang]
    assert lines[0].endswith(f", {registry} don-vi--&gt;&lt;b&gt; -->")
    label = {"vi": "Đảng viên mới kết nạp", "en": "New members admitted"}[lang]
    assert f"| {label} — {SCRIPT_MD} (*) | 283 | 291 | 270 | " in out.stdout
    missing = "&lt;img src=x&gt;\\_Sơn\\_ \\$x\\$"
    expected = {
        "vi": [
            f"> Thiếu báo cáo của 1 đơn vị ({missing}): các số tổng chưa gồm đơn vị này.",
            "> (*) Số liệu có lỗi chưa sửa, chưa dùng được: Đảng viên mới kết nạp"
            f" ({SCRIPT_MD}: total-mismatch).",
        ],
        "en": [
            f"> 1 unit sent no report ({missing}): the totals leave it out.",
            "> (*) Figures with errors not yet fixed, not to be relied on: New members admitted"
            f" ({SCRIPT_MD}: total-mismatch).",
        ],
    }[lang]
    assert [line for line in lines if line.startswith(">")] == expected
    _no_raw_html(out.stdout)
