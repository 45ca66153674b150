"""simplemma's lemmas, with its dictionaries decoded once per machine, not once per process.

simplemma ships each language's dictionary compressed and front-coded, and decodes the whole of
it in each process that asks for a lemma: 0.7 s of CPU for Spanish (824,000 forms), 0.2 s for
Arabic, 0.1 s for English, in each language's process of every build. Decoded once, a
dictionary is kept in the user's cache folder (core/usercache.py) in Python's `marshal` format,
as __pycache__ keeps bytecode, and read back in a third of that time. The lemmas are simplemma's
own: its lemmatizer, given the same table. An entry is named after simplemma's version (the
dictionaries ship with it); one that cannot be read is decoded again and rewritten.
"""

from __future__ import annotations

import contextlib
import marshal
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from ..core.usercache import keep, user_cache


def lemmatize(word: str, language: str) -> str:
    """simplemma's lemma of `word` (ValueError for a language it does not know)."""
    return _lemmatizer()(word, language)


@lru_cache(maxsize=1)
def _lemmatizer() -> Callable[[str, str], str]:
    folder = user_cache("lemmas")
    if folder is None:  # no home: simplemma decodes its dictionaries itself
        return simplemma.lemmatize
    strategy = DefaultStrategy(dictionary_factory=KeptDictionaries(folder))
    return simplemma.Lemmatizer(lemmatization_strategy=strategy).lemmatize


class KeptDictionaries:
    """simplemma's dictionaries (its DictionaryFactory), each decoded once and kept in
    `folder`; in memory, for the life of the process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.shipped = DefaultDictionaryFactory(cache_max_size=1)
        self.tables: dict[str, _Table] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        table = self.tables.get(lang)
        if table is None:
            table = self.tables[lang] = _Table(self._read(lang))
        return table

    def _read(self, lang: str) -> dict[bytes, bytes]:
        entry = self.folder / f"{lang}-simplemma-{simplemma.__version__}.marshal"
        try:
            kept = marshal.loads(entry.read_bytes())
            if isinstance(kept, dict):
                return kept
        except (OSError, EOFError, ValueError, TypeError):
            pass
        shipped = self.shipped.get_dictionary(lang)  # ValueError: a language it does not know
        table = {form.encode(): lemma.encode() for form, lemma in shipped.items()}
        with contextlib.suppress(OSError):
            for old in self.folder.glob(f"{lang}-simplemma-*.marshal"):  # another version's
                old.unlink()
        keep(entry, marshal.dumps(table))
        return table


class _Table(Mapping[str, str]):
    """A dictionary's forms and lemmas, kept as UTF-8 bytes as simplemma keeps them (read
    back twice as fast as text); simplemma's lemmatizer only calls `get`."""

    def __init__(self, table: dict[bytes, bytes]) -> None:
        self.table = table

    def get(self, form: str, default: Any = None) -> Any:
        lemma = self.table.get(form.encode())
        return default if lemma is None else lemma.decode()

    def __getitem__(self, form: str) -> str:
        lemma = self.get(form)
        if lemma is None:
            raise KeyError(form)
        return str(lemma)

    def __iter__(self) -> Iterator[str]:
        return (form.decode() for form in self.table)

    def __len__(self) -> int:
        return len(self.table)
