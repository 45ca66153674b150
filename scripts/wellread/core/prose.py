"""Turn a block's inline Markdown into what a reader reads: prose without URLs, code or markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .blocks import Block

_IMAGE = re.compile(r"!\[([^\[\]]*)\]\(([^()]*)\)")
_LINK_TARGET = re.compile(r"(\]\()([^()]*)(\))|(\]\[)([^\[\]]*)(\])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]+>")
# A web address does not take the full stop (or comma) that ends its sentence.
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s)>\]]*[^\s)>\].,;:!?'\"]")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^}]*\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|==)")
# Sentence-ending marks of the scripts we publish in: Latin, CJK (full width), Arabic, Devanagari.
_SENTENCE_END = (".", "!", "?", ":", ";", "\u3002", "\uff01", "\uff1f", "\u061f", "\u0964")


@lru_cache(maxsize=4096)  # every word rule reads it; blocks are immutable (a few dozen articles)
def masked_text(block: Block) -> str:
    """The block's text with URLs, link targets, code and HTML blanked out, offsets unchanged.

    Rules that search for words (jargon, privacy) run on this so that a match's offset still
    maps to the right line and column in the source file.
    """
    return _BARE_URL.sub(_blank, _LINK_TARGET.sub(_blank_link_target, without_markup(block)))


@lru_cache(maxsize=4096)
def without_markup(block: Block) -> str:
    """The block's text with images, code and HTML tags (their attributes too) blanked out, offsets
    unchanged: the web addresses a reader sees as text stay, and links stay whole."""
    text = block.text
    for pattern in (_IMAGE, _AUTOLINK, _CODE_SPAN, _HTML_TAG, _ATTR_LIST):
        text = pattern.sub(_blank_image if pattern is _IMAGE else _blank, text)
    return text


def plain_text(block: Block) -> str:
    """The words a reader reads: markup gone, and a full stop where the block has none.

    Headings, list items and image alt texts end without punctuation but are read as sentences.
    """
    text = re.sub(r"[\[\]]", " ", masked_text(block))
    text = _EMPHASIS.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(text.split()))
    if text and not text.endswith(_SENTENCE_END):
        text += "."
    return text


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _blank_image(match: re.Match[str]) -> str:
    # Alt text is prose a screen reader reads, so it stays; the file name does not.
    return "  " + match.group(1) + " " * (len(match.group(2)) + 3)


def _blank_link_target(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# A sentence ends at a mark, closing quotes or brackets, and a space; a footnote number written
# right after a word's full stop ("has them.2 However", "worse.3,6 Men", "(MEN1).1 MEN1") goes
# with the sentence it ends.
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?\u3002\uff01\uff1f\u061f\u0964])"
    # closing marks after the stop are the sentence's: ", ', ), ], emphasis, and typographic
    # quotes ("rate your claim “as-is.” This means...": VA.gov, held-out round 15)
    r"(?:(?<=[^\W\d_][.!?]|\)[.!?])\d{1,3}(?:[,\u2013-]\d{1,3})*(?=\s))?"
    r"[\"'\u201d\u2019\u00bb)\]*_]*\s+"
    # a question or exclamation with no space before the next sentence ("treated?More"): a
    # full stop there is more often an abbreviation or an address ("U.S.A", "cdc.gov")
    r"|(?<=[!?])(?<=[a-z\u00e0-\u00ff][!?])(?=[A-Z\u00c0-\u00de\u00bf\u00a1])"
    # nor after a full stop that a typo glued to the next sentence's first word ("by CDC.If
    # you", "in this country.NINDS-funded research", "two years.Rarely, it", "in
    # adults.Leigh's disease", "cure them.Anti-angiogenic drugs", "with NF2.Because"): after a
    # word of three letters (or two and a digit: a gene's name), before a capitalised word or an
    # acronym (hyphenated or not) and a space, a comma or an apostrophe; not an address
    # ("cdc.gov", "U.S.A")
    r"|(?<=[.])(?:(?<=[^\W\d_]{3}[.])|(?<=[^\W\d_]{2}\d[.]))"  # (the stop first: faster)
    r"(?=[A-Z\u00c0-\u00de](?:[a-z\u00e0-\u00ff]+|[A-Z]+)(?:-[a-z\u00e0-\u00ff]+)*"
    r"[ \t,;'\u2019])"
)
# A bold label run into its text, with no stop of its own: "- **Deducible** Si necesita...",
# "Recuerde: **El Buscador no es el Mercado** El Buscador le ayuda..." (pages converted from
# HTML, where the label was a heading or a box). A closing mark (right after a letter, a digit or a
# bracket), then a capitalised word: the label is a sentence of its own.
_BOLD_RUN_IN = re.compile(
    r"(?<=[^\W_)](?:\*\*|__))\s+(?=[\"'(\[\u00bf\u00a1\u201c]*[A-Z\u00c0-\u00de])"
)
# A word: letters and digits, joined by an apostrophe or hyphen ("don't", "X-ray"; the Unicode
# hyphens and the minus sign some pages print in a pronunciation, "asz\u2212in\u2212ee"), a
# slash ("and/or", "ng/ml"), a full stop between letters or digits ("U.S", "a.m", "1.3") or a
# colon or comma between digits ("8:00", "$70,650", "3,5 mg"): each one word to a reader, as a
# sentence's length counts them (held-out round 10: "$70,650" counted two words made a Spanish
# sentence of 34 words one of 36).
_WORD = re.compile(
    r"[^\W_]+(?:(?:['\u2019/\u2010\u2011\u2212-]|\.(?=[^\W_])|(?<=\d)[:,](?=\d))[^\W_]+)*"
)


def word_count(text: str) -> int:
    """Words in a piece of masked text, counted as a sentence's are (emphasis marks ignored)."""
    return len(_WORD.findall(_EMPHASIS.sub("", text)))


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: where it starts in the block's text, and its words."""

    offset: int
    text: str
    words: int


@lru_cache(maxsize=4096)  # the blocks of the last few dozen articles checked
def sentences(block: Block) -> tuple[Sentence, ...]:
    """The block's sentences, split after . ! ? (and their CJK, Arabic, Devanagari forms), but
    not after an abbreviation the sentence goes on after ("Dr. Lee", "EE. UU. y México").

    Offsets are into `block.text`, so `block.location(offset)` gives the line and column.
    """
    text = masked_text(block)
    found, start = [], 0
    breaks = [*_SENTENCE_BREAK.finditer(text)]
    run_in = _abbreviations().run_in
    headings = [*run_in.finditer(text)] if run_in else []  # "Hormone therapy The use of..."
    if "**" in text or "__" in text:
        headings += _BOLD_RUN_IN.finditer(text)  # "- **Prima** La prima es..."
    if headings:  # a heading run into its text (rare: the common block is not sorted again)
        breaks = sorted([*breaks, *headings], key=lambda match: match.start())
    for match in [*breaks, None]:
        if match and text[match.start() - 1] == "." and _abbreviation_goes_on(text, match):
            continue
        end = match.start() if match else len(text)
        piece = text[start:end]
        words = word_count(piece)
        if words:
            lead = len(piece) - len(piece.lstrip())
            found.append(Sentence(start + lead, piece.strip(), words))
        if match:
            start = match.end()
    return tuple(found)



@dataclass(frozen=True)
class _Abbreviations:
    """Every language's abbreviations (data/<lang>/abbreviations.yml), as a block does not know
    its language: a pattern that finds them, and how each one ends, by its lowercase letters."""

    pattern: re.Pattern[str]
    parts: frozenset[str]  # each lowercase run of letters in one: most full stops follow none
    kinds: dict[str, str]  # "u.s" -> "may_end"
    starters: frozenset[str]  # capitalised words that start a sentence after a may_end one
    # written in lower case at least in part ("Ms", "St"): in capitals, one of a single word
    # is another word ("MS" for multiple sclerosis), which a full stop ends
    not_capitals: frozenset[str]
    # a break before one of the `run_in` words, capitalised right after a word in lower case
    # with no full stop between and followed by one: a heading run into its text
    run_in: re.Pattern[str] | None


# When languages list one abbreviation differently, the earlier kind wins: never_end first.
_KINDS = ("never_end", "before_number", "may_end", "end_before_capital")
_NEXT_WORD = re.compile(r"[\"'(\[*_\u00bf\u00a1\u201c\u2018]*(\w+(?:['\u2019]\w+)?)")
# libyaml's parser where PyYAML has it: the lists load in a millisecond, not twenty.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PART_MAX = 8  # more letters than any part of a listed abbreviation ("approx", "aprox")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.\s$")  # "T. " before "b. gambiense"


@lru_cache(maxsize=1)
def _abbreviations() -> _Abbreviations:
    kinds: dict[str, str] = {}
    starters: set[str] = set()
    run_in: set[str] = set()
    capitals: set[str] = set()
    for folder in (resources.files("wellread") / "data").iterdir():
        path = folder / "abbreviations.yml"
        if not path.is_file():
            continue
        lists = yaml.load(path.read_text("utf-8"), Loader=_YAML_LOADER) or {}
        starters.update(str(word) for word in lists.get("starters", []))
        run_in.update(str(word) for word in lists.get("run_in", []))
        for kind in _KINDS:
            for entry in lists.get(kind, []):
                key = ".".join(re.findall(r"[^\W_]+", str(entry).lower()))
                if str(entry).isupper():
                    capitals.add(key)
                if _KINDS.index(kinds.get(key, kind)) >= _KINDS.index(kind):
                    kinds[key] = kind
    names = sorted(kinds, key=len, reverse=True)  # "u.s.a" before "u.s"
    alternatives = "|".join(r"\.\s?".join(map(re.escape, name.split("."))) for name in names)
    return _Abbreviations(
        re.compile(rf"(?<![\w.])(?:{alternatives})\.", re.IGNORECASE),
        frozenset(part for name in names for part in name.split(".")), kinds, frozenset(starters),
        frozenset(kinds) - capitals,
        re.compile(
            rf"(?<=[a-z\u00df-\u00ff)])\s+(?=(?:{'|'.join(map(re.escape, sorted(run_in)))})"
            r"\s+[a-z\u00df-\u00ff])"
        ) if run_in else None,
    )


def _abbreviation_goes_on(text: str, match: re.Match[str]) -> bool:
    """Whether the full stop before `match` (a sentence break) belongs to an abbreviation that
    the sentence goes on after: inside "EE. UU.", after "Dr.", "No." before a number, "U.S."
    unless a sentence starts after it ("in the U.S. Most adults ..."), "etc." unless a capital
    letter follows, an initial before a word in lowercase ("A. phagocytophilum")."""
    dot = start = match.start() - 1
    while start > 0 and dot - start < _PART_MAX and text[start - 1].isalpha():
        start -= 1
    letters = text[start:dot]
    if len(letters) == 1 and text[start - 1 : start] != "." and (
        letters.isupper() or _INITIAL_BEFORE.search(text, max(0, start - 4), start)
    ):
        # An initial before a word in lowercase: "A. phagocytophilum", "I. scapularis", and a
        # subspecies' after its genus's: "T. b. gambiense".
        following = _NEXT_WORD.match(text, match.end())
        if following is not None and following.group(1)[:1].islower():
            return True
    known = _abbreviations()
    if letters.lower() not in known.parts:
        return False  # "flu." or "2.": the common case, decided without the pattern
    for found in known.pattern.finditer(text, max(0, dot - 16), min(len(text), dot + 16)):
        if found.start() <= dot < found.end() - 1:
            return True  # a full stop inside "EE. UU." or "p. ej."
        if found.end() - 1 != dot:
            continue
        key = ".".join(re.findall(r"[^\W_]+", found.group().lower()))
        if key in known.not_capitals and "." not in key and found.group().isupper():
            return False  # "MS.", not "Ms." ("A.M." is "a.m." still)
        kind = known.kinds[key]
        following = _NEXT_WORD.match(text, match.end())
        word = following.group(1).replace("\u2019", "'") if following else ""
        if kind == "before_number":
            return word[:1].isdigit()
        if kind == "may_end":
            return word not in known.starters
        if kind == "end_before_capital":
            return not word[:1].isupper()
        return True
    return False

LOOK_BACK = 200  # characters: far more than any cue, label or title a rule looks for before a word


def ending_at(
    pattern: re.Pattern[str], text: str, end: int, reach: int = LOOK_BACK
) -> re.Match[str] | None:
    """`pattern`, which ends in "$", searched in the `reach` characters before `end`. Searched from
    the text's start for each word it is asked about, a paragraph of 2,000 names took 39 s to
    check; "^" matches only at the text's real start, as it does there."""
    return pattern.search(text, max(0, end - reach), end)
