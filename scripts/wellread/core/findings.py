"""Findings: what a check says about one place in one file, and how it is printed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

# Every rule id a finding can carry (README's rules table documents each one; a test keeps the two
# the same). A site turns rules on or off by these ids (`rules:` of wellread/check).
RULE_IDS = frozenset({
    "phi-ssn", "phi-phone", "phi-email", "phi-record-number", "phi-health-plan", "phi-account",
    "phi-licence", "phi-device-id", "phi-date", "phi-address", "phi-zip", "phi-ip", "phi-age",
    "phi-name", "phi-consent", "contact-public", "reading-grade", "sentence-length",
    "paragraph-length", "jargon", "formal-word", "tone-condescending", "tone-minimizer",
    "tone-aside", "tone-stigma",
    "title-length",
    "title-clickbait", "title-caps", "link-text", "image-alt", "list-length", "rare-word",
    "passive-voice", "call-to-action", "front-matter", "image-missing", "image-alt-missing",
    "sources-missing", "source-url", "source-insecure", "source-untrusted", "review-missing",
    "review-overdue", "date-range", "image-gps", "encoding", "input-limit", "hidden-character",
    "garbled-text", "missing-space",
    "unsafe-html", "unsafe-url", "remote-resource", "symlink-outside-project", "link-missing",
    "image-unreadable", "image-too-large", "code-fence-unclosed", "empty-article",
    "duplicate-page", "duplicate-title", "catalog", "translation-unusable", "translation-fuzzy",
    "language-mismatch",
    "placeholder",
})


class Severity(StrEnum):
    """An error fails `wellread check` and `mkdocs build --strict`; a warning only reports."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"  # worth a look, often fine: a passive sentence, a rare word


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The finding `as_dict()` gave (from JSON: a cache entry or a tool's output)."""
        return cls(
            str(data["file"]), int(data["line"]), int(data["column"]), str(data["rule"]),
            Severity(data["severity"]), str(data["message"]), str(data.get("suggestion", "")),
        )


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def counted_by_severity(findings: Iterable[Finding]) -> str:
    """"0 errors, 1 warning, 3 hints": what `wellread check` and the build's log say."""
    severities = [f.severity for f in findings]
    return ", ".join(
        f"{count} {severity.value}{'' if count == 1 else 's'}"
        for severity in Severity
        for count in [severities.count(severity)]
    )


def findings_as_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def findings_as_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""
    lines = []
    for f in findings:
        level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        text = f"{f.message} {f.suggestion}".strip()
        lines.append(
            f"::{level} file={_github_property(f.file)},line={f.line},col={f.column},"
            f"title={_github_property(f.rule)}::{_github_data(text)}"
        )
    return "\n".join(lines)


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def findings_as_sarif(findings: Iterable[Finding], version: str) -> str:
    """SARIF 2.1.0, the format code-scanning tools read."""
    found = list(findings)
    results = [
        {
            "ruleId": f.rule,
            "level": {"error": "error", "warning": "warning"}.get(f.severity, "note"),
            "message": {"text": f"{f.message} {f.suggestion}".strip()},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.file},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
            }],
        }
        for f in found
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "wellread", "version": version,
                "rules": [{"id": rule} for rule in sorted({f.rule for f in found})],
            }},
            "results": results,
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
