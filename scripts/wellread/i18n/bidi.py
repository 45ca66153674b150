"""Isolate left-to-right runs (Latin words, phone numbers) in right-to-left HTML."""

from __future__ import annotations

import re

# Comments, tags (a '>' inside a quoted attribute does not end one) and character references.
_TOKEN = re.compile(r"(<!--.*?-->|<(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>|&[#\w]+;)", re.DOTALL)
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_SKIP = {"code", "pre", "script", "style", "bdi", "kbd", "samp", "textarea", "title"}
_OPEN_OR_CLOSE = re.compile(r"<(/?)([a-zA-Z][\w-]*)")
# A run that starts and ends with a Latin letter or digit; inside it, what English text and
# phone numbers hold. Kept only when it has a letter, or digits joined by separators.
_LTR_RUN = re.compile(
    r"(?<![\w\u0600-\u06ff])[A-Za-z0-9](?:[A-Za-z0-9 .,:/@'\u2019+%-]*[A-Za-z0-9%])?"
    r"(?![\w\u0600-\u06ff])"
)
_LTR_ELEMENT = re.compile(r'\sdir="ltr"')  # already isolated, e.g. a block shown in English
_WORTH_ISOLATING = re.compile(r"[A-Za-z]|\d[-/:.]\d")


def isolate_ltr_runs(html: str) -> str:
    """Wrap Latin phrases and phone numbers in <bdi> inside text, never inside tags or code.

    In a right-to-left paragraph, "اتصل بـ Poison Help على 1-800-222-1222." can come out with
    its parts in the wrong order; <bdi> keeps each run whole and left to right.
    """
    out: list[str] = []
    skipping: list[list] = []  # [tag name, nesting depth] of the element whose text is left alone
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            tag = _OPEN_OR_CLOSE.match(token)
            if tag and not token.endswith("/>") and tag.group(2).lower() not in _VOID:
                closing, name = bool(tag.group(1)), tag.group(2).lower()
                if skipping and skipping[-1][0] == name:
                    skipping[-1][1] += -1 if closing else 1
                    if skipping[-1][1] == 0:
                        skipping.pop()
                elif not closing and (name in _SKIP or _LTR_ELEMENT.search(token)):
                    skipping.append([name, 1])
            out.append(token)
        elif token.startswith("&") or skipping:
            out.append(token)
        else:
            out.append(_LTR_RUN.sub(_wrap, token))
    return "".join(out)


def _wrap(match: re.Match[str]) -> str:
    text = match.group(0)
    return f"<bdi>{text}</bdi>" if _WORTH_ISOLATING.search(text) else text
