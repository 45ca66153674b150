"""Patient-privacy guard: identifiers that must never be published (HIPAA Safe Harbor)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Article
from ..findings import Finding, Severity
from . import CheckContext, rule

# Area 000, 666 and 900-999, group 00 and serial 0000 are never issued, so they are not SSNs.
_SSN = re.compile(
    r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])"
    r"|(?i:\b(?:ssn|social security(?: number| no\.?)?)\s*[:#]?\s*)(?!000|666|9\d\d)\d{9}\b"
)


@rule("phi-ssn")
def ssn_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    # Every line, code and front matter included: a number in a code sample leaks all the same.
    for number, line in enumerate(article.lines, start=1):
        for match in _SSN.finditer(line):
            yield Finding(
                article.path, number, match.start() + 1, "phi-ssn", Severity.ERROR,
                "This looks like a US Social Security number. It must never be published.",
                "Remove the number. If it is an example, use a made-up format like XXX-XX-XXXX.",
            )
