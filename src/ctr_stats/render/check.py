"""`ctr-stats check` output: for people (text), for tools (json), for CI (github, junit)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..catalogue import load_catalogue, load_registry, load_registry_file
from ..checks import SCHEMA, CheckResult
from ..model import Finding, Severity
from ..safe_text import json_controls, visible

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from ..catalogue import Catalogue
    from ..model import Report


def render_check_json(result: CheckResult, *, lang: str, strict: bool) -> str:
    return "".join(iter_check_json(result, lang=lang, strict=strict))


def iter_check_json(result: CheckResult, *, lang: str, strict: bool) -> Iterator[str]:
    """The check document as `json.dumps(…, ensure_ascii=False, indent=2)` writes it, byte
    for byte, in pieces to write as they come: 100,000 findings are never one string, and
    each finding's record is put together from its encoded strings (indent= makes json use
    its pure-Python encoder, 15 µs a record). Control characters written as escapes."""
    report = result.report
    sections: list[tuple[str, Any]] = [
        ("schema", SCHEMA),
        ("period", report.period.to_dict() if report.period else None),
        ("registry", report.registry),
        ("findings", (_record(f.to_dict(lang)) for f in result.findings)),
        (
            "ignored",
            (_record(f.to_dict(lang) | {"reason": i.reason}) for f, i in result.ignored),
        ),
        ("notes", (_record(f.to_dict(lang)) for f in report.notes)),
        ("summary", result.summary()),
        ("exit_code", result.exit_code(strict)),
    ]
    return map(json_controls, _check_pieces(sections))


def _check_pieces(sections: list[tuple[str, Any]]) -> Iterator[str]:
    yield "{"
    for n, (key, value) in enumerate(sections):
        yield ("," if n else "") + f"\n  {json.dumps(key)}: "
        if not isinstance(value, Iterator):
            yield json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            continue
        first = next(value, None)
        if first is None:
            yield "[]"
            continue
        yield "[\n    " + first
        batch: list[str] = []
        for record in value:
            batch.append(record)
            if len(batch) == 1000:
                yield ",\n    " + ",\n    ".join(batch)
                batch.clear()
        if batch:
            yield ",\n    " + ",\n    ".join(batch)
        yield "\n  ]"
    yield "\n}\n"


_STRING = json.encoder.encode_basestring  # json's own (C) encoder of a str, ensure_ascii=False


def _record(fields: dict[str, str | None]) -> str:
    """A finding's record at the depth of a list in the document, as indent=2 writes it."""
    inside = ",\n      ".join(
        f"{_STRING(key)}: {'null' if value is None else _STRING(value)}"
        for key, value in fields.items()
    )
    return "{\n      " + inside + "\n    }"


def _escape_data(text: str) -> str:
    """A workflow command's message: control characters shown, line breaks encoded."""
    return visible(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_check_github(result: CheckResult, *, lang: str) -> str:
    """GitHub Actions workflow commands: each finding shows on the pull request, and each
    ignored one as a notice with its reason (an [[ignore]] written too wide hides new
    findings too)."""
    lines = []
    for finding in (*result.report.notes, *result.findings):
        level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(
            finding.severity, "notice"
        )
        lines.append(_annotation(level, finding, finding.message(lang)))
    said = _IGNORED[lang]
    for finding, rule in result.ignored:
        text = f"{finding.message(lang)} [{said}: {rule.reason}]"
        lines.append(_annotation("notice", finding, text, said))
    summary = result.summary()
    lines.append(
        f"ctr-stats check: {summary['error']} error(s), {summary['warning']} warning(s),"
        f" {summary['ignored']} ignored"
    )
    return "\n".join(lines) + "\n"


_IGNORED = {"vi": "bỏ qua", "en": "ignored"}


def _annotation(level: str, finding: Finding, text: str, said: str = "") -> str:
    """One workflow command: the finding's file, a title of its code and, in brackets,
    `said` ("bỏ qua") and where in the file it is; the text."""
    where = "!".join(p for p in (finding.sheet, finding.cell) if p)
    inside = ", ".join(p for p in (said, where) if p)
    title = finding.code + (f" ({inside})" if inside else "")
    properties = ([f"file={_escape_property(finding.file)}"] if finding.file else []) + [
        f"title={_escape_property(title)}"
    ]
    return f"::{level} {','.join(properties)}::{_escape_data(text)}"


def render_check_junit(
    result: CheckResult, *, lang: str, units_file: Path | None = None, strict: bool = False
) -> str:
    """One test case per unit and sheet kind; findings with no unit under their file. A
    unit's finding of no indicator goes to the kind of the sheet it names, or to every kind
    (a unit that sent nothing lacks all of them). `strict`: warnings fail too, as the exit
    code says."""
    import xml.etree.ElementTree as ET

    catalogue = load_catalogue()
    report = result.report
    registry = result.registry or (
        load_registry_file(units_file) if units_file else load_registry(report.registry)
    )
    kinds = [
        k
        for k in catalogue.sheet_kinds
        if any(catalogue.indicators[t.figures.indicator].sheet_kind == k for t in report.totals)
    ] or list(catalogue.sheet_kinds)
    cases: dict[tuple[str, str], list[Finding]] = {}
    for unit in registry.units:
        for kind in kinds:
            cases[(kind, unit.name)] = []
    files: dict[str, list[Finding]] = {}
    names = {u.name for u in registry.units}
    kind_of_sheet = _sheet_kinds(report, catalogue)
    said = _IGNORED[lang]
    ignored = [
        replace(
            f,
            severity=Severity.NOTE,
            message_vi=f"{f.message_vi} [{said}: {rule.reason}]",
            message_en=f"{f.message_en} [{said}: {rule.reason}]",
        )
        for f, rule in result.ignored
    ]
    for finding in (*result.findings, *ignored):
        if finding.unit is None or finding.unit not in names:
            files.setdefault(visible(finding.file or "(run)"), []).append(finding)
            continue
        if finding.indicator:
            found = [catalogue.indicators[finding.indicator].sheet_kind]
        else:
            found = [kind_of_sheet.get((finding.file, finding.sheet), "")]
        found = [k for k in found if k in kinds] or kinds
        for kind in found:
            cases[(kind, finding.unit)].append(finding)
    root = ET.Element("testsuites", name="ctr-stats check")
    # names from a --units file and findings' text: no character XML forbids (safe_text)
    full_names = {u.name: visible(f"{u.full_name} ({u.code})") for u in registry.units}
    for kind in kinds:
        suite_cases = [(unit, found) for (k, unit), found in cases.items() if k == kind]
        _suite(
            root,
            f"{catalogue.sheet_kinds[kind].label(lang)}",
            f"ctr-stats.{kind}",
            [(full_names[u], found) for u, found in suite_cases],
            lang,
            strict,
        )
    if files:
        _suite(root, "files", "ctr-stats.files", sorted(files.items()), lang, strict)
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _sheet_kinds(report: Report, catalogue: Catalogue) -> dict[tuple[str | None, str | None], str]:
    """(file, sheet) -> the kind of the figures read from it."""
    kinds: dict[tuple[str | None, str | None], str] = {}
    for unit in report.all_units:
        kind = catalogue.indicators[unit.figures.indicator].sheet_kind
        for cells in unit.held.values():
            for cell in cells:
                kinds.setdefault((cell.where.file, cell.where.sheet), kind)
    return kinds


def _suite(
    root: Any,
    name: str,
    classname: str,
    cases: list[tuple[str, list[Finding]]],
    lang: str,
    strict: bool,
) -> None:
    import xml.etree.ElementTree as ET

    suite = ET.SubElement(root, "testsuite", name=name)
    failures = 0
    failing = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
    for case_name, found in cases:
        case = ET.SubElement(suite, "testcase", classname=classname, name=case_name)
        errors = [f for f in found if f.severity in failing]
        warnings = [f for f in found if f.severity is Severity.WARNING and not strict]
        if errors:
            failures += 1
            failure = ET.SubElement(
                case, "failure", type=errors[0].code, message=visible(errors[0].message(lang))
            )
            failure.text = "\n".join(_line(f, lang) for f in errors)
        # warnings (unless they fail), and ignored findings with their reason, as output
        shown = [*warnings, *(f for f in found if f.severity is Severity.NOTE)]
        if shown:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f, lang) for f in shown)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")


def _line(finding: Finding, lang: str) -> str:
    """The finding on one line, its control characters shown (safe_text)."""
    where = finding.where()
    return visible(
        f"{finding.severity} {finding.code}: "
        + (f"{where}: " if where else "")
        + finding.message(lang)
    )


def render_check_text(
    result: CheckResult, console: Console, *, lang: str, strict: bool, every: bool = False
) -> None:
    """The notes and findings, repeated ones folded unless `every` (render/findings.py),
    then one line of counts: the findings', however they were folded."""
    from .findings import severity_word, summary_line, write_blocks, write_findings

    write_findings((*result.report.notes, *result.findings), console, lang=lang, every=every)
    summary = result.summary()
    code = result.exit_code(strict)
    plural, ignored = ("(s)", "ignored") if lang == "en" else ("", "bỏ qua")
    text = ", ".join(
        [
            *(
                f"{summary[s]} {severity_word(s, lang)}{plural}"
                for s in (Severity.ERROR, Severity.WARNING)
            ),
            f"{summary['ignored']} {ignored}",
        ]
    )
    write_blocks([summary_line(code == 0, text, console)], console)
