"""Links and images in an article's body must point at files inside the content folder."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

from ..core.article import Article
from ..core.blocks import Block
from ..core.findings import Finding, Severity
from ..i18n.messages import messages
from . import CheckContext, finding, rule

# [text](target "title") and ![alt](target); the target ends at a space or ')'.
# The text stops at the next '[' too: otherwise 50,000 '[' with no ']' take minutes.
_TARGET = re.compile(r"(!?)\[(?:[^\[\]\\]|\\.)*\]\(\s*<?([^()\s>]*)>?(?:\s+[\"'(][^()]*)?\)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# A link to a file MkDocs copies as it is (a PDF, a picture) must exist too; a link without an
# extension may be a folder address, which MkDocs does not check either.
_FILE_TARGET = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def resolve(page: str, target: str) -> str:
    """A link target as a path relative to the content folder; '../…' means it leaves it."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/")) or "."
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def body_targets(article: Article) -> Iterator[tuple[Block, int, bool, str]]:
    """(block, offset, is an image, target) for every relative link and image in the body."""
    for block in article.body_blocks:
        for match in _TARGET.finditer(block.text):
            target = match.group(2)
            if not target or target.startswith("#") or _SCHEME.match(target):
                continue
            yield block, match.start(), bool(match.group(1)), target


@rule("link-missing")
def link_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    if not context.files:  # the site's files are not known: nothing to compare with
        return
    _ = messages(context.settings.language)
    for block, offset, is_image, target in body_targets(article):
        path = resolve(article.page, target)
        rule_id = "image-missing" if is_image else "link-missing"
        if path == ".." or path.startswith("../"):
            yield finding(
                article, block, offset, rule_id, Severity.ERROR,
                _("The picture '{target}' points outside the content folder.", target=target)
                if is_image else
                _("The link '{target}' points outside the content folder.", target=target),
                _("Link only to pages and files inside the content folder; put a picture beside "
                  "the article."),
            )
        elif (is_image or path.endswith(".md") or _FILE_TARGET.search(path)) and (
            path not in context.files
        ):
            looked = f"{article.path.removesuffix(article.page)}{path}"
            if is_image:
                missing = _("The picture '{target}' does not exist (looked for {looked}).",
                            target=target, looked=looked)
            elif path.endswith(".md"):
                missing = _("The link '{target}' goes to a page that does not exist (looked for "
                            "{looked}).", target=target, looked=looked)
            else:
                missing = _("The link '{target}' goes to a file that does not exist (looked for "
                            "{looked}).", target=target, looked=looked)
            yield finding(
                article, block, offset, rule_id, Severity.ERROR, missing,
                _("Check the spelling and the folder; '../' goes up one folder."),
            )
