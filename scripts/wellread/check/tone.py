"""Tone and respect: condescending words, words that make a task sound easy, labels that
stigmatise people, and wording that makes them victims of their condition.

The word lists are data (data/<lang>/tone.tsv: term, category, suggestion, and an optional guard:
the words around a term that keep it to the sense that talks down, so "simply take" is flagged
and "simply because" is not; the file's header documents the guard's form).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..core.article import Article
from ..core.blocks import Block
from ..core.findings import Finding, Severity
from ..core.prose import masked_text, without_markup
from ..i18n.messages import N_, messages
from . import CheckContext, finding, rule
from .data import table
from .fit import capitalised
from .terms import TermIndex, term_key

# Quoted speech is someone's own words: "I was told I was non-compliant."
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb")
# The words of a link to another site name that site's page, as a source's title does: "su [dieta
# para diabéticos](https://medlineplus.gov/...)" (judged borderline twice: "the linked page's
# name"). A link within the site is the writer's own words, and is read.
_OTHER_SITE_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*<?(?:https?:)?//")
_CONDESCENDING = N_("'{found}' can sound condescending: what is easy or obvious to us may not "
                    "be to the reader.")
_MESSAGES = {
    "condescending": _CONDESCENDING,
    # "of course", "por supuesto": talks down in some uses, only concedes a point in others ("Of
    # course, there was a fighting chance; but ..."): right in 39 of 53 judged uses on held-out
    # round 20 once "as a matter of course" was left alone, 50 with borderline. A hint that is
    # off by default (core/settings.py).
    "aside": _CONDESCENDING,
    # "just call", "solo tiene que": a task made to sound easy; a reader who finds it hard may
    # feel at fault. Judged borderline on real text ("reassuring rather than talking down"), so
    # it is a hint that is off by default (core/settings.py).
    "minimizer": N_("'{found}' makes it sound easy: a reader who finds it hard may feel it is "
                    "their fault."),
    "stigma": N_("'{found}' labels people by a condition or blames them."),
    # "suffers from", "víctima de": no label, no blame, but the person is cast as a victim
    "victim": N_("'{found}' casts people as victims of their condition."),
}
_RULES = {"condescending": "tone-condescending", "aside": "tone-aside",
          "minimizer": "tone-minimizer", "stigma": "tone-stigma", "victim": "tone-stigma"}
_HINTS = frozenset({"minimizer", "aside"})  # categories reported as hints; the others warn
# Between a term and the words around it: spaces, emphasis marks, quotes, Spanish opening marks.
_GAP = r"[\s*_\"'\u201c\u201d\u2018\u2019\u00bf\u00a1]*"
# "^" in a guard: the start of the text, or of a sentence or clause.
_CLAUSE_START = r"(?:\A|[.!?:;,(\u2013\u2014\u00bf\u00a1])"
_LOOK_BACK = 80
_BROKEN_BY = re.compile(r"[,;:.!?()]")  # characters before a term that an "after" guard reads


@dataclass(frozen=True)
class Guard:
    """The words right around a listed term that keep it to the sense that talks down."""

    before: re.Pattern[str] | None = None  # flagged only when one of these follows
    after: re.Pattern[str] | None = None  # flagged only when one of these comes before
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None

    def allows(self, text: str, start: int, end: int) -> bool:
        """Whether the term at text[start:end] is used in the sense the list means."""
        back = max(0, start - _LOOK_BACK)
        return (
            (self.before is None or self.before.match(text, end) is not None)
            and (self.after is None or self.after.search(text, back, start) is not None)
            and (self.not_before is None or self.not_before.match(text, end) is None)
            and (self.not_after is None or self.not_after.search(text, back, start) is None)
        )


def parse_guard(spec: str, sets: Mapping[str, str]) -> Guard:
    """A guard from its data form: "before: take|call; not after: may|might" (see tone.tsv)."""
    patterns: dict[str, re.Pattern[str]] = {}
    for clause in filter(None, (part.strip() for part in spec.split(";"))):
        key, colon, words = clause.partition(":")
        key = key.strip().replace(" ", "_")
        if not colon or key not in ("before", "after", "not_before", "not_after"):
            raise ValueError(f"tone.tsv: '{clause}' is not a guard (before:, after:, not before:, "
                             "not after:)")
        alternatives = _alternatives(words, sets)
        patterns[key] = re.compile(
            rf"{_GAP}(?:{alternatives})" if key.endswith("before")
            else rf"(?:{alternatives}){_GAP}\Z",
            re.IGNORECASE,
        )
    return Guard(**patterns)


def _alternatives(words: str, sets: Mapping[str, str]) -> str:
    """One pattern for a guard's words: whole words share one pair of word-boundary checks."""
    whole, other = [], []
    for word in _expand(words, sets):
        if word == "^":
            other.append(_CLAUSE_START)
            continue
        bare = word.strip("*")
        pattern = r"\s+".join(re.escape(part) for part in bare.split()).replace("'", "['\u2019]")
        pattern = (r"\w+" if word.startswith("*") else "") + pattern  # "*ar": any beginning
        pattern += r"\w*" if word.endswith("*") else ""
        if bare[:1].isalnum() and bare[-1:].isalnum():
            whole.append(pattern)
        else:  # "put,", "'ll", ","
            before = r"(?<!\w)" if bare[:1].isalnum() else ""
            other.append(before + pattern + (r"(?!\w)" if bare[-1:].isalnum() else ""))
    grouped = [rf"(?<!\w)(?:{'|'.join(whole)})(?!\w)"] if whole else []
    return "|".join(grouped + other)


def _expand(words: str, sets: Mapping[str, str]) -> Iterator[str]:
    """The words of a guard, with each "@name" replaced by the words of its set."""
    for word in filter(None, (each.strip() for each in words.split("|"))):
        if not word.startswith("@"):
            yield word
        elif word in sets:
            yield from _expand(sets[word], sets)
        else:
            raise ValueError(f"tone.tsv: the word set '{word}' is not defined")


_AT_CLAUSE_START = re.compile(rf"{_CLAUSE_START}{_GAP}\Z")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised word inside a sentence belongs to a name: "Program of All-Inclusive Care for
    the Elderly", "the Diabetic Foot Clinic"."""
    words = text[start:end].split()
    return any(word[:1].isupper() for word in words[1:]) or (
        words[0][:1].isupper()
        and _AT_CLAUSE_START.search(text, max(0, start - _LOOK_BACK), start) is None
    )


# A listed term's category, suggestion and guard (None: flagged in every use).
_Entry = tuple[str, str, Guard | None]


@lru_cache(maxsize=16)
def _tone(language: str) -> tuple[TermIndex, dict[str, _Entry]]:
    """The terms by look-up, each with what to say and the guard that keeps it to its sense."""
    rows = table(language, "tone")
    sets = {row[0]: row[1] for row in rows if row[0].startswith("@") and len(row) > 1}
    entries: dict[str, _Entry] = {}
    for row in sorted(rows, key=lambda row: _SLOT.search(row[0]) is not None):
        if len(row) < 3 or row[1] not in _MESSAGES:
            continue
        guard = parse_guard(row[3], sets) if len(row) > 3 and row[3] else None
        for term, suggestion in _filled(row[0], row[2], sets):
            entries.setdefault(term_key(term), (row[1], suggestion, guard))
    return TermIndex.of(entries), entries


# A word of a set in a term ("diabetic @person-nouns"): one term for each of the set's words,
# the same word in the suggestion ("@person-nouns with diabetes": "diabetic patients" ->
# "patients with diabetes"). A term listed in full comes first.
_SLOT = re.compile(r"@[\w-]+")


def _filled(term: str, suggestion: str, sets: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    slot = _SLOT.search(term)
    if slot is None:
        yield term, suggestion
        return
    for word in sets[slot.group()].split("|"):
        yield term.replace(slot.group(), word), suggestion.replace(slot.group(), word)


def _quoted(found: str, suggestion: str) -> tuple[str, str]:
    """The words a finding quotes and the words it offers, without the words they open with
    alike: "para adictos a" -> "para personas con adicción a" quotes "adictos a" and offers
    "personas con adicción a" (the preposition is no part of the label, and stays). Each of
    the suggestion's alternatives ("alcohol misuse / alcohol use disorder") must open so."""
    words, offers = found.split(), [each.split() for each in suggestion.split(" / ")]
    while len(words) > 1 and all(
        len(plain) > 1 and plain[0].lower() == words[0].lower() for plain in offers
    ):
        words.pop(0)
        offers = [plain[1:] for plain in offers]
    return " ".join(words), " / ".join(" ".join(plain) for plain in offers)


def _allowed(
    text: str, start: int, end: int, term: str, entries: dict[str, _Entry]
) -> tuple[int, str] | None:
    """(start, term) of a match in the sense the list means, or None. Where a guard refuses a
    phrase, the listed term its last words make may still hold: "Si cree que sufre de
    depresión" is no "personas que sufren de" ("con"), but it is "sufre de" ("tiene")."""
    while True:
        guard = entries[term][2]
        if _BROKEN_BY.search(text, start, end) or _in_a_name(text, start, end):
            return None  # "normal, people with...": the words are not the phrase
        if guard is None or guard.allows(text, start, end):
            return start, term
        words = [m.start() for m in re.finditer(r"\S+", text[start:end])]
        if len(words) < 2:
            return None
        start += words[1]
        term = term_key(text[start:end])
        if term not in entries:
            return None


@rule("tone")
def tone_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Each listed word at its first use in an article (a catalog: a file), saying how many more
    times it comes: a writer who changes one changes them all, and "padece de" twice in a
    paragraph was one problem judged twice (held-out round 12)."""
    index, entries = _tone(context.settings.language)
    _ = messages(context.settings.language)
    uses: dict[tuple[str, str], list[tuple[Block, int, str, str, str]]] = {}
    for block in article.messages:
        if block.field.startswith("sources."):
            continue  # a source keeps its publisher's title
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), masked_text(block))
        for link in _OTHER_SITE_LINK.finditer(without_markup(block)):
            text = text[:link.start(1)] + " " * len(link.group(1)) + text[link.end(1):]
        for start, end, term in index.find(text, ()):
            allowed = _allowed(text, start, end, term, entries)
            if allowed is None:
                continue
            start, term = allowed
            category, suggestion, _guard = entries[term]
            # in the capital of the words it replaces: "Los adictos a" -> "Las personas..."
            quoted, plain = _quoted(
                text[start:end], capitalised(suggestion, text[start:end], initial=False)
            )
            # where the quoted words start, whatever spaces or line breaks the text has
            dropped = len(text[start:end].split()) - len(quoted.split())
            at = start + [m.start() for m in re.finditer(r"\S+", text[start:end])][dropped]
            key = (_RULES[category], term_key(quoted))
            uses.setdefault(key, []).append((block, at, category, quoted, plain))
    in_catalog = article.path.endswith(".po")
    for (rule_id, _term), found in uses.items():
        k = next((k for k, use in enumerate(found)
                  if not article.is_ignored(rule_id, use[0].location(use[1])[0])), None)
        if k is None:
            continue  # every use silenced on its line
        block, at, category, quoted, plain = found[k]
        message = _(_MESSAGES[category], found=quoted)
        if more := len(found) - k - 1:
            message += " " + (_.plural(
                "It appears {count} more time in this file.",
                "It appears {count} more times in this file.", more, count=more,
            ) if in_catalog else _.plural(
                "It appears {count} more time in this article.",
                "It appears {count} more times in this article.", more, count=more,
            ))
        yield finding(
            article, block, at, rule_id,
            Severity.HINT if category in _HINTS else Severity.WARNING, message, plain,
        )
