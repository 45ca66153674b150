"""Findings: what a check says about one place in one file, and how it is printed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """An error fails `wellread check` and `mkdocs build --strict`; a warning only reports."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place, with a plain suggestion for the writer."""

    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""

    def as_text(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity} {self.rule}: {self.message}"
        return f"{text}\n    suggestion: {self.suggestion}" if self.suggestion else text

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def findings_as_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)
