"""A mistake on the command line, told in the user's language.

click (under typer) parses the command line before any of our code runs, and says what is
wrong in English: "No such option: --bogus", "Invalid value for '--by': 'xx' is not one
of 'total', 'unit'.". These are said again in Vietnamese (the default) or English
(`--lang en`, found anywhere on the command line: it may come after the mistake), naming
the option and what it expects, from the exception's own fields where click gives them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .safe_text import visible


def chosen_lang(args: Sequence[str]) -> str:
    """'en' when the command line says --lang en (or --lang=en), else 'vi'."""
    lang = "vi"
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            lang = args[n + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang == "en" else "vi"


def is_usage_error(exc: BaseException) -> bool:
    """click's UsageError (from typer's own copy of click, or click itself)."""
    return any(
        cls.__name__ == "UsageError" and cls.__module__.endswith("exceptions")
        for cls in type(exc).__mro__
    )


def _hint(exc: Any) -> str:
    """The option or argument at fault: '--by', 'PATHS'."""
    param = getattr(exc, "param", None)
    if getattr(exc, "param_hint", None):
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        return (param.human_readable_name or "").upper()
    return " / ".join(param.opts)


def _value(message: str, before: str) -> str:
    """The value click quoted at the start of its message ('xx' in "'xx' is not one of")."""
    match = re.match(rf"(.*?) {before}", message, re.S)
    return match.group(1) if match else ""


def _invalid_value(exc: Any, hint: str) -> str:
    """A value an option cannot take: which values it takes."""
    message, param_type = exc.message, getattr(getattr(exc, "param", None), "type", None)
    choices = getattr(param_type, "choices", None)
    if choices:
        names = ", ".join(str(getattr(c, "value", c)) for c in choices)
        value = _value(message, "is not")
        return f"{hint}: giá trị {value} không hợp lệ; chọn một trong: {names}"
    if hasattr(param_type, "min") and "is not in the range" in message:
        low, high = getattr(param_type, "min", None), getattr(param_type, "max", None)
        value = _value(message, "is not in the range")
        if low is not None and high is not None:
            return f"{hint}: {value} nằm ngoài khoảng cho phép, phải từ {low} đến {high}"
        bound = f"ít nhất {low}" if low is not None else f"nhiều nhất {high}"
        return f"{hint}: {value} nằm ngoài khoảng cho phép, phải {bound}"
    if re.search(r"is not a valid int(eger)?\b", message):
        return f"{hint}: {_value(message, 'is not a valid')} không phải số nguyên"
    if "is not a valid" in message:
        return f"{hint}: giá trị {_value(message, 'is not a valid')} không hợp lệ"
    return f"{hint}: giá trị không hợp lệ ({message})"


def _vietnamese(exc: Any) -> str | None:
    kind = type(exc).__name__
    message = str(getattr(exc, "message", "") or "")
    hint = _hint(exc)
    if kind == "NoSuchOption":
        text = f"không có tùy chọn {exc.option_name}"
        if exc.possibilities:
            text += f" (có phải: {', '.join(sorted(exc.possibilities))}?)"
        return text
    if kind == "MissingParameter":
        what = "đối số" if getattr(exc.param, "param_type_name", "") == "argument" else "tùy chọn"
        help_text = str(getattr(exc.param, "help", None) or "").split(" / ")[0]
        return f"thiếu {what} {hint}".rstrip() + (f" ({help_text})" if help_text else "")
    if kind == "BadOptionUsage":
        if "requires an argument" in message:
            return f"tùy chọn {exc.option_name} cần một giá trị"
        if "does not take a value" in message:
            return f"tùy chọn {exc.option_name} không nhận giá trị"
        return None
    if kind == "BadParameter":
        return _invalid_value(exc, hint)
    if match := re.match(r"No such command '(.*)'\.", message, re.S):
        return f"không có lệnh '{match.group(1)}' (có: {', '.join(COMMANDS)})"
    if match := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message, re.S):
        return f"thừa đối số: {match.group(1)}"
    return None


COMMANDS = ("compute", "check", "verify", "explain", "units")


def describe(exc: BaseException, lang: str, args: Sequence[str] = ()) -> str:
    """The mistake, then where to read how the command is used: two lines, control
    characters shown (a pasted option can hold anything). `args`: the command line, for
    the command's name when click did not say it."""
    english: str = exc.format_message()  # type: ignore[attr-defined]
    if type(exc).__name__ == "NoArgsIsHelpError":  # `ctr-stats` alone: its help
        return english.rstrip("\n") + "\n"
    said = (_vietnamese(exc) if lang == "vi" else None) or english
    context = getattr(exc, "ctx", None)
    if context is not None:
        command = context.command_path
    else:
        command = "ctr-stats" + (f" {args[0]}" if args and args[0] in COMMANDS else "")
    if lang == "vi":
        return visible(f"Lỗi: {said}") + f"\nXem hướng dẫn: {visible(command)} --help\n"
    return visible(f"Error: {said}") + f"\nSee: {visible(command)} --help\n"
