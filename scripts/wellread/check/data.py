"""Word lists and thresholds kept as data files inside the package, per language."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=32)
def word_list(language: str, name: str) -> tuple[tuple[str, str], ...]:
    """Rows (term, plain alternative) of data/<language>/<name>.tsv; empty if there is none."""
    path = resources.files("wellread") / "data" / language / f"{name}.tsv"
    if not path.is_file():
        return ()
    rows = csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    return tuple(
        (row[0].strip(), row[1].strip() if len(row) > 1 else "")
        for row in rows
        if row and row[0].strip() and not row[0].startswith("#")
    )


@lru_cache(maxsize=1)
def readability_formulas() -> dict[str, dict]:
    """Per language: which textstat formulas score reading level, from data/readability.yml."""
    path = resources.files("wellread") / "data" / "readability.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))
