"""What explains a jargon term where it is used (check/jargon.py): a definition, the plain words
beside it, a link to its meaning, a name being introduced."""

from __future__ import annotations

import bisect
import re

from ..core.blocks import Block
from ..core.prose import sentences
from .jargon_names import ADJECTIVE
from .phrasing import Entry

# A linked term is explained where the link leads: [hypertension](../glossary.md#hyper),
# [fibrilación auricular](https://medlineplus.gov/spanish/atrialfibrillation.html): sites such as
# MedlinePlus link a term to its own page rather than define it in place.
LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_BOLD = ("**", "__")
# After a bold term, what starts its definition: "**Copay**: a set amount", "**Copay** means".
_DEFINITION = re.compile(
    r"[*_]{2}\s*(?:[:\u2013\u2014(,]|-\s|is\b|are\b|means\b|refers\b|es\b|son\b|significa\b"
    r"|quiere decir\b|se refiere\b)", re.IGNORECASE,
)
# "Term: definition" or "Term - definition" at the start of a list item or paragraph.
_LABEL = re.compile(r"[*_]*\s*(?:\([^()]*\)\s*)?(?::|\u2013|\u2014|\s-\s)")
_LINE_START = re.compile(r"[\s*_>+-]*(?:\d+[.)]\s*)?$")
# "congestive heart failure, in which fluid builds up": with its comma (a generic noun without
# one is no term defined, "una afección en la que sus células no responden").
_IN_WHICH = re.compile(r"[*_]*\s*,\s*(?:in which|en (?:el|la|los|las) que)\b", re.IGNORECASE)
QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
# "X is a ...", "X means ...", "X es una ...", "X significa ...".
_IS = re.compile(
    r"(?:\s*\([^()]*\))?[*_]*\s*,?\s*(?:means|meaning|refers to"
    r"|is (?:a|an|the|when|what|how|another|also|called|something|someone)"
    r"|are (?:a|an|the|when|what|how|another|also|called|things|people)"
    r"|are [^\W\d_]+s (?:who|that|which)"
    r"|significa|quiere decir|se refiere a"
    r"|occurs when|happens when|ocurre cuando|sucede cuando|se produce cuando"
    r"|es (?:un|una|el|la|cuando|lo que|otra|otro|como se llama)|son (?:los|las|unos|unas|cuando"
    r"|lo que)|es decir|o sea|that is|which means|lo que significa|lo que quiere decir"
    r"|such as|including|for example|tales como|como por ejemplo|por ejemplo"
    r"|which (?:is|are) (?:a|an)|which are (?!the\b|not\b|also\b|more\b|most\b|very\b)"
    r"[^\W\d_]+s|que (?:es|son) (?:un|una|unos|unas))\b",
    re.IGNORECASE,
)
# "a monthly fee, or premium": the term as another name for the words before it (not the last
# of a list, "fever, cough, or dyspnea": no comma in the clause before).
_OR_NAME = re.compile(
    r"(?:^|[.;:!?(]\s*)[^,.;:!?()]{3,},\s+(?:or|o)\s+(?:[^\W\d_]+\s+){0,2}[*_\"'\u201c\u00ab]*$",
    re.IGNORECASE,
)
# "Two types of blood pressure-lowering medications, angiotensin-converting enzyme (ACE)
# inhibitors and...": the kind of thing the term is, just before it.
_KIND_BEFORE = re.compile(
    r"\b(?:types?|kinds?|classes?|forms?|tipos?|clases?)\s+(?:of|de)\s+[^,.;:!?()]{3,60},\s+"
    r"(?:[^,.;:!?()\s]+\s+){0,4}(?:\([A-Z]{2,8}\)\s+)?$",
    re.IGNORECASE,
)
# "benign, or noncancerous, tumors": the plain words as another name right after the term.
_OR_AFTER = re.compile(r"[*_]*\s*,\s+(?:or|o)\s+[^,.;:!?()]{3,60}(?:[,)]|$)", re.IGNORECASE)
# "congenital hypothyroidism, or hypothyroidism that is present at birth": the noun said again.
_OR_AGAIN = re.compile(r"[*_]*\s+([^\W\d_]{3,})[*_]*\s*,\s+(?:or|o)\s+\1\b", re.IGNORECASE)
# The next sentence says what it is: "... diabetic ketoacidosis (DKA). This happens when...",
# "... cetoacidosis diabética (CAD). Esto ocurre cuando...".
_THIS_HAPPENS = re.compile(
    r"[^.!?]{0,40}[.!?]\s+(?:this|that|it|esto|eso)\s+(?:happens|occurs|is when|means|ocurre"
    r"|sucede|pasa|significa|quiere decir)\b"
    # "... resistencia a la insulina. Esta es una afección en la que sus células no responden"
    r"|[^.!?]{0,40}[.!?]\s+(?:this|it|esta|este|esto)\s+(?:is|es)\s+(?:a|an|un|una)\s+"
    r"[^\W\d_]+\s+(?:in which|where|en (?:el|la) que|donde)\b"
    # a test the next sentence walks through: "...may suggest a fluorescein angiogram. In this
    # test, a special dye is injected..."
    r"|[^.!?]{0,40}[.!?]\s+(?:in|during|for) (?:this|the) (?:test|procedure|exam|scan)\b"
    # "...may recommend coronary angiography. This test uses dye...", "Pleural effusion. In this
    # condition, fluid builds up", "...a pulmonologist. This is a doctor who treats..."
    r"|[^.!?]{0,40}[.!?]\s+this (?:test|procedure|exam|scan) (?:uses|shows|checks|measures"
    r"|looks|takes|creates|records)\b"
    r"|[^.!?]{0,40}[.!?]\s+(?:in|with) this (?:condition|disease|disorder)\b"
    # a label, then what it names: "Cardiologists. These doctors diagnose and treat..."
    r"|[.:]\s+(?:these|this) (?:doctors?|specialists?|medicines?|drugs?|cells?)\b"
    r"|[^.!?]{0,40}[.!?]\s+(?:this|they|he or she) (?:is|are) (?:a|an) (?:[\w-]+\s+){0,2}?"
    r"(?:who|that|which)\b"
    # "...arrhythmias (ah-RITH-me-ahs). These are problems with the rate or rhythm of..."
    r"|[^.!?]{0,40}[.!?]\s+(?:these|they) are (?:[\w-]+\s+){1,3}?(?:who|that|which|with|of)\b"
    # "Aspiration (as-pih-RA-shun). This term refers to inhaling..."
    r"|[^.!?]{0,40}[.!?]\s+(?:this|the) (?:term|word)\s+(?:[\w-]+\s+)?(?:refers to|means"
    r"|describes)\b"
    r"|[^.!?]{0,40}[.!?]\s+(?:en|durante|para) (?:esta|este|la|el) (?:prueba|procedimiento"
    r"|examen)\b", re.IGNORECASE,
)
# The term inside a bold label that a definition follows: "**Congenital adrenal hyperplasia**: a
# group of...", "- **Hiperplasia suprarrenal congénita**: Grupo de...".
_LABEL_BEFORE = re.compile(r"[\s>+-]*(?:\d+[.)]\s*)?[*_]{2}[^*_\n]*$")
_LABEL_AFTER = re.compile(r"[^*_\n]{0,80}?[*_]{2}\s*(?:[:\u2013\u2014]|-\s)")
# An apposition that defines the term: "a biopsy, a test that takes...", "biopsia, un
# procedimiento para...", "an angiogram, an x-ray that shows...".
_APPOSITION = re.compile(  # and "the aorta, the main artery that carries..."
    r"[*_]*\s*,\s+(?:a|an|the|un|una)\s+(?:[\w-]+\s+){0,5}?(?:that|which|where|who|used|in which"
    r"|que|para|donde|en (?:el|la) que|con (?:el|la) que|usad[oa])\b"
    # after the term's noun: "a clinical study, a research study in humans"
    r"|[*_]*\s+[^\W\d_]+\s*,\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:that|which|where|who|in|for"
    r"|of|with)\b"
    # "triglycerides, another form of fat in your blood", "un tipo de grasa"
    r"|[*_]*\s*,\s+(?:another|a|an|one|otro|otra|un|una)\s+(?:form|type|kind|sort|tipo|forma"
    r"|clase)\s+(?:of|de)\b",
    re.IGNORECASE,
)
# A dash and a noun phrase after the term: "endocrinologist - a doctor who treats...", with an en
# or em dash too, or glued as some sources print it ("endocrinologist-a doctor specializing in").
_DASH_DEFINITION = re.compile(
    r"[*_]*(?:\s*[\u2014\u2013]\s*|\s-\s|-(?=(?:a|an|the|un|una)\s))(?:a|an|the|un|una|el|la)\s+"
    r"[^\W\d_]{3,}"
    # or after the term's noun, what it is or where it comes from: "congenital transmission\u2014
    # from an infected mother to her baby"
    r"|[*_]*\s+[^\W\d_]+\s*[\u2014\u2013]\s*(?:from|when|in which|where|de|cuando|en la que)\s",
    re.IGNORECASE,
)
# A list item's term and its meaning, joined by a hyphen as some sources print it: "sleep
# apnea-breaks in breathing during sleep" (three words or more to the item's end).
# Not a compound's second part: "COPD-related breathing problems", "insulin-dependent diabetes".
_GLUED_DEFINITION = re.compile(
    r"[*_]*-(?!(?:related|induced|associated|like|free|based|specific|causing|prone|dependent"
    r"|resistant|positive|negative|onset|type|term|borne|acquired|friendly|sensitive|level)\b)"
    r"[^\W\d_]{2,}(?:\s+[^\s]+){2,}\s*[.;]?\s*$", re.IGNORECASE,
)
_BRACKET_OPEN = re.compile(
    r"\(\s*(?:(?:or|o|also called|también llamad[oa]s?)\s+)?$", re.IGNORECASE
)
# Words in brackets that say what the term is: "(cancer of the esophagus)", "(by IV)"; not an
# abbreviation alone ("(HTN)").
_PLAIN_WORDS = re.compile(
    r"(?<![\w-])[^\W\d_]*[a-z\u00e0-\u00ff]{3,}|^\s*(?:by|with|or|in|on|to|o|en|por|con)\s+\S"
)
# What follows a word to say what it means: "se heredan, lo que significa que nace con ellos".
_MEANING = re.compile(r",?\s+(?:lo que significa|lo que quiere decir|es decir|o sea|which means"
                      r"|meaning|that is)\b")
ASKS = re.compile(r"\b(?:what|qu[eé])\s+(?:is|are|es|son)\b[^?.!:]*$", re.IGNORECASE)
# "... called X", "the medical word for it is X", "la palabra médica es X".
_CALLED = (
    r"(?:\bcalled|\bknown as|\breferred to as|\bllamad[oa]s?|\bconocid[oa]s? como|\bse conoce como"
    r"|\bse llama|\bnames?,?\s+(?:like|such as|including)|\bnombres?,?\s+como|\bword for [^.]*?"
    r"\b(?:is|are)|\bpalabra [^.]*?\bes)(?:\s+(?:an?|the|el|la|los|las|un|una))?\s*"
)
_INTRODUCED = re.compile(
    _CALLED
    # a second name: 'se conoce como "inmunidad comunitaria" o "inmunidad colectiva"'
    + r"(?:[\"'\u201c\u00ab][^\"'\u201d\u00bb]{1,60}[\"'\u201d\u00bb]\s+(?:or|o)\s+)?"
    r"[*_\"'\u201c\u00ab]*$",
    re.IGNORECASE,
)
# The term ends a name introduced with its noun first: "se conoce como infección recurrente.",
# "also called diabetic nephropathy," (not "called small incision cataract surgery").
INTRODUCED_NOUN = re.compile(  # (an article is no noun: "a tube called a catheter")
    _CALLED + r"(?!(?:an?|the|el|la|los|las|un|una)\s)[^\W\d_]+\s+$", re.IGNORECASE
)
NAME_ENDS = re.compile(r"[*_\"'\u201d\u00bb]*\s*(?:[.,;:()]|$|(?:de|del|of)\s)")


# How far back from a term the patterns that end at it look: a paragraph's worth. Each use of a
# term searched all the text before it, and a paragraph of 1,767 uses of one took 16 s.
_REACH = 1000


def explains(text: str, start: int, end: int, entry: Entry, block: Block) -> bool:
    """This use of the term explains it (or stands beside its plain words)."""
    before, after = text[:start], text[end:]
    if entry.plain and _plain_beside(text, start, end, entry.plain, block):
        return True  # the plain word is right there: "high blood pressure (hypertension)"
    if _LABEL_THEN_ACRONYM.match(after):
        return True  # a label, then what it is: "Magnetic resonance imaging (MRI). MRI uses..."
    last = before[-60:].split()
    if entry.plain and before[-1:].isspace() and len(last) > 1 and last[-1].lower() in (
        "or", "o"
    ) and last[-2].lower().strip(",") in _content_words(entry.plain):
        return True  # the plain word as its alternative: "your doctor or health care provider",
        # "more serious bleeding or hemorrhages" (heavy bleeding)
    nxt = after[:60].split()
    if entry.plain and after[:1].isspace() and len(nxt) > 1 and nxt[0].lower() in (
        "or", "o"
    ) and nxt[1].strip(",.;:*_").lower() == entry.plain.split()[0].lower():
        return True  # and after it: "thick and inflamed or swollen"
    if block.kind == "list_item" and len(before.split()) <= 3 and _GLUED_DEFINITION.match(after):
        return True  # an item that is the term and its meaning: "sleep apnea-breaks in breathing"
    near = max(0, len(before) - _REACH)  # where the patterns that end at the term start looking
    if _BRACKET_OPEN.search(before, near) and re.match(r"(?:\s+[^\W\d_]+)?\s*\)", after):
        return True  # "plain words (term)", "plain words (or term)", "(congenital transmission)"
    # "term (plain words)", or after the term's noun: "esophageal cancer (cancer of the esophagus)"
    # (not a verb's object: "utiliza heces (o bacterias de las heces)")
    noun = r"(?:\s+[^\W\d_]+)?" if entry.pos != "verb" else ""
    bracket = re.match(rf"[*_]*({noun})\s*\(([^()]+)\)", after)
    if bracket and _PLAIN_WORDS.search(bracket.group(2)) and (
        not bracket.group(1) or len(bracket.group(2).split()) >= 3
    ) and text[start:end].lower() not in bracket.group(2).lower():  # "heces (o bacterias de
        # las heces)" says the term again, it does not explain it
        return True  # "term (plain words)"; not "hypertension (HTN)", 'fecal matter ("night soil")'

    word = text[start:end]
    if " " not in word and len(word) >= 7 and re.compile(
        rf"(?<!\w){re.escape(word[:5])}\w*{_MEANING.pattern}", re.IGNORECASE
    ).search(before, near):
        return True  # a word of its family explained before: "se heredan, lo que significa que"
    if entry.pos != "verb" and _NOUN_DEFINED.match(after) and (
        ADJECTIVE.search(text[start:end].lower()) or _LABEL_START.fullmatch(before)
    ):  # not "the first test a health care provider performs. This test detects..."
        return True  # "Systemic diseases are diseases that involve many of the body's organs"
    if (_OPENS_DEFINITION.match(after) or (entry.pos != "verb" and _TEST_DOES.match(after))) and (
        _SUBJECT_START.search(before, max(0, len(before) - 200))  # not the whole block again
    ):
        return True  # "Arrhythmias are problems with the rate or rhythm of the heartbeat",
        # "Cerebral vascular disease is a narrowing of..."
    if before.endswith(_BOLD) and _DEFINITION.match(after):
        return True  # "**Copay**: a set amount you pay"
    if block.kind in ("list_item", "paragraph") and _LINE_START.match(before) and _LABEL.match(
        after
    ):
        return True  # "- Copay: a set amount you pay", as a list item or a paragraph
    return bool(
        _IS.match(after) or _IN_WHICH.match(after) or _APPOSITION.match(after)
        or _DASH_DEFINITION.match(after)
        or _INTRODUCED.search(before, near)
        or (bool(NAME_ENDS.match(after)) and bool(INTRODUCED_NOUN.search(before[-120:])))
        or _OR_NAME.search(before, near) or _THIS_HAPPENS.match(after) or _OR_AGAIN.match(after)
        or bool(_KIND_BEFORE.search(before[-140:]))
        # "benign, or noncancerous, tumors"; not the last of a list ("back, abdomen, or legs")
        or (bool(_OR_AFTER.match(after)) and not before.rstrip(" *_").endswith(","))
        or (bool(_LABEL_BEFORE.search(before, near)) and bool(_LABEL_AFTER.match(after)))
    )


# After an adjective term, its noun and what the two say: "Systemic diseases are diseases that
# involve many organs", "Pediatric cardiologists are doctors who...", "Pediatric cardiologists.
# These doctors diagnose and treat babies...".
_NOUN_DEFINED = re.compile(
    r"[*_]*\s+[^\W\d_]+[*_]*\s+(?:is|are)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?[^\W\d_]+\s+"
    r"(?:who|that|which|in which)\b"
    r"|[*_]*(?:\s*\([A-Z]{2,8}\))?\s+[^\W\d_]+[*_]*[.:]\s+(?:these|this) (?:doctors?|specialists?"
    r"|medicines?|drugs?|diseases?|conditions?|tests?)\b"
    # the noun named again by the next sentence: "the bronchial tubes become inflamed. These
    # tubes carry air to your lungs"
    r"|[*_]*\s+([^\W\d_]{3,})\b[^.!?]{0,80}[.!?]\s+(?:these|this) \1 (?!(?:is|are)\b)"
    r"[^\W\d_]+", re.IGNORECASE,
)
# A sentence that opens with the term and says what it is: "Arrhythmias are problems with the
# rate or rhythm of the heartbeat", "Eclampsia is a condition in which...".
_OPENS_DEFINITION = re.compile(  # also through an aside: "Coronary artery disease, also called
    # ischemic heart disease, is caused by a hardening..."
    r"(?:\s*\([^()]*\))?(?:[ \t]+[^\W\d_]+){0,2}?(?:\s*,[^,.;:!?]{3,60},)?[*_]*\s+(?:is|are)\s+"
    r"(?:(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+|[^\W\d_]+s)\s+(?:that|who|which|with"
    r"|in which|where|of)|caused by)\b", re.IGNORECASE,  # not "is transmitted to humans by"
)
# What a test does, said by the sentence it opens: "Computed tomography angiography (CTA) uses
# dye and special x rays to show blood flow", "An echocardiogram creates pictures of the heart".
_TEST_DOES = re.compile(
    r"(?:\s*\([^()]*\))?(?:[ \t]+[^\W\d_]+){0,2}?(?:\s*\([^()]*\))?[*_]*\s+"
    r"(?:uses\s+(?!(?:these|the|this|those|your|their|his|her|it)\b)|shows|records|measures"
    r"|looks at|takes (?:pictures|images|x-rays?)|creates|detects|opens|removes|replaces|repairs"
    r"|widens|specializes? in)\b",
    re.IGNORECASE,  # not "A health care provider uses these tests"
)
# The term is in the first words of its sentence, its subject: "Cerebral vascular disease is..."
_SUBJECT_START = re.compile(
    r"(?:^|[.!?:]\s+|\n)[\s*_>+-]*(?:\(\s*)?(?:[^\W\d_]+[ \t]+){0,2}(?:\([^()]*\)[ \t]+)?$"
)
# Nothing but markup and an article before the term: a list label ("A sputum culture. This
# test...").
_LABEL_START = re.compile(r"[\s*_>+-]*(?:\d+[.)]\s*)?(?:(?:the|a|an)\s+)?$", re.IGNORECASE)

# The term, its acronym in brackets ending the sentence, and the next sentence on the acronym.
_LABEL_THEN_ACRONYM = re.compile(r"[*_]*\s*\(([A-Z]{2,6})\)[*_]*[.:]\s+(?:(?:An?|The)\s+)?\1\b")


def _plain_beside(text: str, start: int, end: int, plain: str, block: Block) -> bool:
    """The plain words stand beside the term, a few words away in its sentence: not inside
    another word ("do" in "doctor"), not in another sentence of the paragraph ("respiratory
    failure ... a breathing machine (ventilator)"), not as another noun of the sentence ("la
    enfermedad grave ... ya tienen la afección")."""
    # Only the text around the term can hold them (the whole paragraph for each use of a term
    # was quadratic); one character more each side, for the word boundaries.
    reach = _BESIDE + len(plain) + 1
    low, high = max(0, start - reach), min(len(text), end + reach)
    if plain.lower() not in text[low:high].lower():
        return False
    sentence = _sentence_around(block, start)
    pattern = re.compile(rf"(?<!\w){re.escape(plain)}(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(text, low, high):
        if match.end() == high < len(text):
            continue  # the window ends there, the word may not
        gap = text[match.end() : start] if match.end() <= start else text[end : match.start()]
        if len(gap) <= _BESIDE and (not sentence or match.group() in sentence):
            return True
    return False


_BESIDE = 16  # characters between them: "(", " (or ", "), also called "


def _sentence_around(block: Block, start: int) -> str:
    """The sentence of the block that holds the character at `start` (its text masked)."""
    found = sentences(block)
    at = bisect.bisect_right(found, start, key=lambda sentence: sentence.offset)
    return found[at - 1].text if at else ""


def _content_words(plain: str) -> frozenset[str]:
    """The plain phrase's first word and its words of four letters or more."""
    words = [w.strip(",.;:").lower() for w in plain.split()]
    return frozenset(words[:1] + [w for w in words if len(w) >= 4])
