"""README's "The renderer seam" names the functions a second renderer would call: each exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
STAGES = ("core", "check", "i18n", "render", "social", "publish")


def _seam_names() -> list[str]:
    text = README.read_text("utf-8")
    section = text[text.index("## The renderer seam"):]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    stages = "|".join(STAGES)
    names = re.findall(rf"`((?:{stages})(?:\.\w+)+)", section)
    return sorted(set(names))


def test_the_seam_names_a_dozen_functions_or_more() -> None:
    assert len(_seam_names()) >= 12


def test_every_name_in_the_renderer_seam_exists_in_the_package() -> None:
    missing = []
    for name in _seam_names():
        parts = name.split(".")
        for split in range(len(parts), 0, -1):
            try:
                found: object = importlib.import_module(".".join(["wellread", *parts[:split]]))
            except ModuleNotFoundError:
                continue
            for attribute in parts[split:]:
                found = getattr(found, attribute, None)
            if found is None:
                missing.append(name)
            break
        else:
            missing.append(name)
    assert missing == []
