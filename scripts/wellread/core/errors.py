"""The exceptions wellread raises for mistakes a user can fix."""

from __future__ import annotations


class WellreadError(Exception):
    """Base of every error wellread reports to a user instead of a traceback."""

    exit_code = 1


class ContentError(WellreadError):
    """A source file cannot be read or parsed: names the file, the line and the fix."""

    def __init__(
        self, file: str, line: int, message: str, hint: str = "", rule: str = "front-matter"
    ) -> None:
        self.rule = rule
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text} {self.hint}" if self.hint else text


class ConfigurationError(WellreadError):
    """A setting in mkdocs.yml or a data file is wrong."""

    exit_code = 2


class CatalogError(WellreadError):
    """A translation catalog (PO file) cannot be read."""
