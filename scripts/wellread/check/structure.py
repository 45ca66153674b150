"""Markdown structure a writer cannot see in the editor: an unclosed fence, an empty article."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.article import Article
from ..core.blocks import Verbatim, fence_is_closed
from ..core.findings import Finding, Severity
from ..i18n.messages import messages
from . import CheckContext, finding, rule


@rule("code-fence-unclosed")
def fence_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    _ = messages(context.settings.language)
    for chunk in article.chunks:
        if isinstance(chunk, Verbatim) and chunk.kind == "code" and not fence_is_closed(
            chunk.lines
        ):
            yield finding(
                article, None, 0, "code-fence-unclosed", Severity.ERROR,
                _("The code block that starts with '{fence}' is never closed, so everything "
                  "after it is shown as code.", fence=chunk.lines[0].strip()),
                _("Add a line with only '{fence}' where the code ends.",
                  fence=chunk.lines[0].strip()[:3]),
                line=chunk.line,
            )


@rule("empty-article")
def empty_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    _ = messages(context.settings.language)
    if article.kind == "article" and not any(
        not isinstance(chunk, Verbatim) or chunk.kind != "blank" for chunk in article.chunks
    ):
        yield finding(
            article, None, 0, "empty-article", Severity.ERROR,
            _("The article has no text below its front matter."),
            _("Write the article below the closing '---' line, or delete the file."),
            line=article.body_line if article.meta else 1,
        )
