"""Word lists and thresholds kept as data files inside the package, per language."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=32)
def table(language: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of data/<language>/<name>.tsv, every cell stripped; empty if there is no file.

    Languages are looked up by their base code ("es" for "es-MX").
    """
    base = language.replace("_", "-").split("-")[0]
    path = resources.files("wellread") / "data" / base / f"{name}.tsv"
    if not path.is_file():
        return ()
    rows = csv.reader(
        path.read_text(encoding="utf-8").splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    return tuple(
        tuple(cell.strip() for cell in row)
        for row in rows
        if row and row[0].strip() and not row[0].startswith("#")
    )


def word_list(language: str, name: str) -> tuple[tuple[str, str], ...]:
    """Rows (term, plain alternative) of data/<language>/<name>.tsv."""
    return tuple((row[0], row[1] if len(row) > 1 else "") for row in table(language, name))


@lru_cache(maxsize=1)
def readability_formulas() -> dict[str, dict[str, Any]]:
    """Per language: which textstat formulas score reading level, from data/readability.yml."""
    path = resources.files("wellread") / "data" / "readability.yml"
    formulas: dict[str, dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return formulas


@lru_cache(maxsize=1)
def privacy_data() -> dict[str, Any]:
    """What the patient-privacy guard reads: labels, month names, cue words (data/privacy.yml)."""
    path = resources.files("wellread") / "data" / "privacy.yml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def alternatives(words: list[str]) -> str:
    """One regular expression matching any of `words` (each itself a regular expression)."""
    return "(?:" + "|".join(words) + ")"
