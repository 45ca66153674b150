"""simplemma's dictionaries kept decoded in the user's cache folder: the same lemmas as simplemma
gives, whatever state the kept files are in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import simplemma

from wellread.check.lemmas import KeptDictionaries

REPO = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[^\W\d_]+")


def words(language: str) -> list[str]:
    """The words of the sample's articles in `language` (English: the Markdown; Spanish and
    Arabic: the translations in their catalogs), lowercased, each once."""
    if language == "en":
        text = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "content").rglob("*.md"))
    else:
        text = " ".join(
            p.read_text(encoding="utf-8") for p in (REPO / "locales" / language).rglob("*.po")
        )
    return sorted({w.lower() for w in _WORD.findall(text)})


def lemmas(kept: KeptDictionaries, language: str, some: list[str]) -> list[str]:
    lemmatizer = simplemma.Lemmatizer(
        lemmatization_strategy=simplemma.strategies.DefaultStrategy(dictionary_factory=kept)
    )
    return [lemmatizer.lemmatize(word, language) for word in some]


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_kept_dictionaries_give_simplemmas_own_lemmas(tmp_path: Path, language: str) -> None:
    some = words(language)
    assert len(some) > 500
    expected = [simplemma.lemmatize(word, lang=language) for word in some]
    assert sum(e != w for e, w in zip(expected, some, strict=True)) > 100  # lemmas, not echoes
    assert lemmas(KeptDictionaries(tmp_path), language, some) == expected  # decoded, then kept
    assert [p.name for p in tmp_path.iterdir()] == [
        f"{language}-simplemma-{simplemma.__version__}.marshal"
    ]
    assert lemmas(KeptDictionaries(tmp_path), language, some) == expected  # read back


def test_a_damaged_or_old_entry_is_decoded_again_and_replaced(tmp_path: Path) -> None:
    some = words("es")[:2000]
    expected = [simplemma.lemmatize(word, lang="es") for word in some]
    KeptDictionaries(tmp_path).get_dictionary("es")
    entry = next(tmp_path.iterdir())
    whole = entry.read_bytes()
    old = tmp_path / "es-simplemma-0.1.marshal"
    old.write_bytes(b"another version's")
    for damage in (whole[: len(whole) // 2], b"", b"\x00" * 64, b"not marshal at all"):
        entry.write_bytes(damage)
        assert lemmas(KeptDictionaries(tmp_path), "es", some) == expected
        assert entry.read_bytes() == whole
        assert not old.exists()


def test_a_folder_that_cannot_be_written_still_gives_the_lemmas(tmp_path: Path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("where the folder should be", encoding="utf-8")
    some = words("en")[:500]
    expected = [simplemma.lemmatize(word, lang="en") for word in some]
    assert lemmas(KeptDictionaries(blocked / "lemmas"), "en", some) == expected


def test_a_language_simplemma_does_not_know_is_refused_as_simplemma_refuses_it(
    tmp_path: Path,
) -> None:
    with pytest.raises(ValueError):
        simplemma.lemmatize("word", lang="xx")
    with pytest.raises(ValueError):
        lemmas(KeptDictionaries(tmp_path), "xx", ["word"])
    assert list(tmp_path.iterdir()) == []


def test_the_checker_keeps_the_dictionary_it_decoded_for_the_next_process(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "from wellread.check.terms import lemma\n"
        "print(lemma('contraindicadas', 'es'), lemma('hypertensions', 'en'))\n"
    )
    env = os.environ | {"XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                       check=True).stdout
        for _ in range(2)
    ]
    assert runs == ["contraindicar hypertension\n"] * 2
    kept = sorted(p.name for p in (tmp_path / "wellread" / "lemmas").iterdir())
    version = simplemma.__version__
    assert kept == [f"en-simplemma-{version}.marshal", f"es-simplemma-{version}.marshal"]
