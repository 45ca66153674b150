"""A new article: its file name from the title, and every front matter field ready to fill in."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, timedelta

# Every value a writer must replace starts with this, so a check can find the ones left.
PLACEHOLDER = "TODO"
SLUG_MAX = 60
REVIEW_INTERVAL = timedelta(days=365)
# Latin letters that Unicode does not decompose into a base letter and an accent; apostrophes
# go, so that "don't" gives "dont" rather than "don-t".
_FOLD = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d",
    "Đ": "D", "ł": "l", "Ł": "L", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "\u0131": "i",
    "'": None, "\u2019": None,
})

_TEMPLATE = """\
---
# Replace every {todo} before you publish. Delete 'share' and 'image' if you do not use them.
title: {title}
description: "{todo}: One sentence on who this is for and what they will learn."
share: "{todo}: One or two short sentences to share on social media."
summary:
  - "{todo}: The most important thing to know, in one short sentence."
tags: [{todo}]
image: {todo}-picture.png
image_alt: "{todo}: One sentence that says what the picture shows."
reviewed_by: {reviewer}
last_reviewed: {today}
next_review: {next_review}
sources:
  - title: "{todo}: The title of the public health page you used"
    url: "{todo}: https://..."
corrections: []
---

{todo}: One or two short sentences that say who this article is for and how it helps them.

## What to do next

- {todo}: The first thing a reader should do.
"""


def slug_for(text: str, max_length: int = SLUG_MAX) -> str:
    """A file name from `text`: lowercase ASCII words joined by '-', cut at a whole word.

    'Vacuna de la gripe: qué saber' gives 'vacuna-de-la-gripe-que-saber'. Text without Latin
    letters or digits gives ''.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode("ascii").lower())
    slug = words[0][:max_length] if words else ""
    for word in words[1:]:
        if len(slug) + 1 + len(word) > max_length:
            break
        slug = f"{slug}-{word}"
    return slug


def new_article(
    title: str, topic: str, today: date, reviewer: str = "", slug: str = ""
) -> tuple[str, str]:
    """(path relative to the content folder, file text) of a new article in folder `topic`.

    Raises ValueError when the title, the topic or `slug` gives no usable file name.
    """
    title = " ".join(title.split())
    if not title:
        raise ValueError("The title is empty. Give the article's title, for example 'Flu vaccine'.")
    if slug and (problem := _path_problem(slug, separators="/\\")):
        raise ValueError(
            f"The file name {slug!r} {problem}. A --slug is one file name: letters a-z, digits "
            "and '-', for example --slug flu-vaccine."
        )
    if problem := _path_problem(topic, separators="\\"):
        raise ValueError(
            f"The topic {topic!r} {problem}. A --topic is a folder of the content folder: "
            "letters a-z, digits and '-', with '/' between folders, for example vaccines/children."
        )
    name = slug_for(slug.removesuffix(".md") if slug else title)
    if not name and slug:
        raise ValueError(
            f"The file name {slug!r} has no Latin letters or digits. "
            "Use letters a-z, digits and '-', for example --slug flu-vaccine."
        )
    if not name:
        raise ValueError(
            f"Cannot make a file name from the title {title!r}: it has no Latin letters or "
            "digits, so pass a file name with --slug, for example --slug flu-vaccine."
        )
    parts = [slug_for(part, max_length=255) for part in topic.split("/")]
    if not all(parts):
        raise ValueError(
            f"The topic {topic!r} is not a folder name. "
            "Give the topic's folder in the content folder, for example 'vaccines'."
        )
    reviewer = " ".join(reviewer.split())
    text = _TEMPLATE.format(
        todo=PLACEHOLDER,
        title=_yaml_text(title),
        reviewer=_yaml_text(reviewer or f"{PLACEHOLDER}: The name and role of the clinician "
                            "who checked this article"),
        today=today.isoformat(),
        next_review=(today + REVIEW_INTERVAL).isoformat(),
    )
    return f"{'/'.join(parts)}/{name}.md", text


def _path_problem(name: str, separators: str) -> str:
    """What makes `name` unsafe as part of a path (it would lead elsewhere, or hide), or ''.

    Such a name is refused, never rewritten: '../x' folded into 'x' would be a surprise."""
    for character in name:
        if character in separators:
            return f"holds {character!r}, which separates folders"
        if unicodedata.category(character) in ("Cc", "Cf"):
            return f"holds the invisible control character U+{ord(character):04X}"
    if any(part.startswith(".") for part in name.split("/")):
        return "starts with '.' (a hidden file, or a step out of the folder)"
    return ""


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar; JSON's string escapes are valid YAML."""
    return json.dumps(value, ensure_ascii=False)
