"""Markdown structure a writer cannot see in the editor: an unclosed fence, an empty article."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.article import Article
from ..core.blocks import Verbatim, fence_is_closed
from ..core.findings import Finding, Severity
from . import CheckContext, finding, rule


@rule("code-fence-unclosed")
def fence_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    for chunk in article.chunks:
        if isinstance(chunk, Verbatim) and chunk.kind == "code" and not fence_is_closed(
            chunk.lines
        ):
            yield finding(
                article, None, 0, "code-fence-unclosed", Severity.ERROR,
                f"The code block that starts with '{chunk.lines[0].strip()}' is never closed, so "
                "everything after it is shown as code.",
                f"Add a line with only '{chunk.lines[0].strip()[:3]}' where the code ends.",
                line=chunk.line,
            )


@rule("empty-article")
def empty_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    if article.kind == "article" and not any(
        not isinstance(chunk, Verbatim) or chunk.kind != "blank" for chunk in article.chunks
    ):
        yield finding(
            article, None, 0, "empty-article", Severity.ERROR,
            "The article has no text below its front matter.",
            "Write the article below the closing '---' line, or delete the file.",
            line=article.body_line if article.meta else 1,
        )
