"""The project's exceptions: raised only when work cannot go on.

Problems in the data (a total that does not add up, an unknown unit) are not exceptions:
they are `Finding`s collected in the report. An exception means a file could not be read
at all, or the user asked for something impossible.
"""

from __future__ import annotations


class CtrStatsError(Exception):
    """Base class. `exit_code` follows the README's table."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        message_en: str | None = None,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.file = file
        self.sheet = sheet
        self.cell = cell

    def where(self) -> str:
        """'file', 'file!sheet' or 'file!sheet!A1', as far as known."""
        return "!".join(p for p in (self.file, self.sheet, self.cell) if p)

    def describe(self, lang: str = "vi") -> str:
        message = self.message_en if lang == "en" else self.message
        where = self.where()
        return f"{where}: {message}" if where else message

    def __str__(self) -> str:
        return self.describe("en")


class UsageError(CtrStatsError):
    """The user asked for something that cannot be done (bad option, unknown registry)."""

    exit_code = 2


class InputError(CtrStatsError):
    """An input file could not be read at all. `code` is the finding code it becomes."""

    exit_code = 3
    code = "unreadable-file"


class PasswordProtected(InputError):
    code = "password-protected"


class Skipped(InputError):
    """A file that is no unit's report: the tool's own output (`own-output`) or Excel's
    lock file (`lock-file`). Passed over with a note: never counted, never an error."""

    def __init__(self, code: str, message: str, message_en: str, *, file: str) -> None:
        super().__init__(message, message_en, file=file)
        self.code = code


class CatalogueError(UsageError):
    """The indicator catalogue, the words file or a registry file is malformed."""
