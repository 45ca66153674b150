"""Count the syllables of a Spanish word by the rules of Spanish spelling (one per vowel nucleus).

textstat counts Spanish syllables with pyphen's hyphenation patterns, which never split a vowel
group ("día", "leer", "diarrea" count one syllable too few) nor leave one vowel at a word's edge
("agua", "oído"): about 5 Fernández-Huerta points too easy. Here every vowel starts a syllable
unless it joins the one before it in a diphthong or triphthong:

- a, e, o (and á, é, ó) are open vowels; two of them side by side are two syllables ("le-er");
- i, u, ü and a "y" that no vowel follows are closed; a closed vowel joins an open one or another
  closed one ("cui-da-do", "ciu-dad"); with an accent it stands alone beside an open vowel
  ("dí-a", "ba-úl", "re-ír") but not beside a closed one ("acuí-fe-ro", "lin-güís-ti-ca");
- the "u" of "que", "qui", "gue", "gui" is silent; "ü" is heard ("pin-güi-no");
- an "h" between vowels does not part them ("prohi-bir", "ahu-mar"); "y" before a vowel is a
  consonant ("a-yu-da"), after one or at a word's end a vowel ("muy", "hay", "ley").
"""

from __future__ import annotations

from functools import lru_cache

_OPEN = frozenset("aeoáéóàèò")
_STRESSED_CLOSED = frozenset("íúìù")  # an accented i or u stands on its own: "dí-a", "ba-úl"
_CLOSED = frozenset("iuüy")
_VOWELS = _OPEN | _STRESSED_CLOSED | _CLOSED


@lru_cache(maxsize=1 << 16)
def spanish_syllables(word: str) -> int:
    """Syllables of one word ("hipertensión" 4, "día" 2, "guía" 2, "muy" 1); at least 1."""
    letters = word.lower()
    count = 0
    group = ""  # the vowel group being read: "o" open, "c" closed, "s" accented closed
    for i, ch in enumerate(letters):
        following = letters[i + 1 : i + 2]
        if ch == "u" and i > 0 and letters[i - 1] in "qg" and following in ("e", "i", "é", "í"):
            continue  # "que", "guiso": the u is not said
        if ch not in _VOWELS or (ch == "y" and following and following in _VOWELS):
            if ch != "h":
                group = ""  # a consonant ends the group; an "h" does not: "prohi-bir"
            continue
        kind = "o" if ch in _OPEN else "s" if ch in _STRESSED_CLOSED else "c"
        if not _joins(group, kind):
            count += 1
            group = ""
        group += kind
    return max(count, 1)  # "EE", a number: one beat


def _joins(group: str, kind: str) -> bool:
    """A vowel of `kind` joins the vowel group before it in one syllable."""
    if kind == "o":
        return group == "c"  # "ia", "ue"; two open vowels never: "le-er", "a-or-ta"
    if kind == "c":
        return group in ("c", "o", "co")  # "ui", "ai", "uai" (triphthong)
    return group == "c"  # an accented i or u stands alone ("dí-a", "re-ír", "ba-úl") except
    # after the other closed vowel: two closed vowels are one syllable ("acuí-fe-ro", "güís")
