"""wellread's own messages (the `wellread` gettext domain): every message id is translated into
each language of LANGUAGES with the same placeholders, every catalog passes `msgfmt -c`, and
findings come out in the article's language."""

from __future__ import annotations

import ast
import gettext
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.settings import EVERY_RULE_ON, CheckSettings
from wellread.i18n.catalog import read_catalog
from wellread.i18n.messages import (
    LANGUAGES,
    LOCALES,
    PACKAGE,
    SOURCES,
    catalog_paths,
    message_template,
    messages,
    translated_ids,
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _po(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / "wellread.po"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_translation(language: str) -> None:
    """Fails on a new message nobody translated: run `make messages`, then translate it."""
    template = {message.id for message in message_template() if message.id}
    translated = translated_ids(read_catalog(_po(language), language))
    missing = sorted(map(str, template - translated))
    assert not missing, (
        f"untranslated in {language}/LC_MESSAGES/wellread.po (run 'make messages'):\n"
        + "\n".join(missing)
    )


def _single_number_forms(catalog: Catalog) -> set[int]:
    """The plural forms that stand for one number only (Arabic's 0, 1 and 2; English's 1)."""
    form = gettext.c2py(catalog.plural_expr)
    numbers: dict[int, set[int]] = {}
    for n in range(1000):
        numbers.setdefault(form(n), set()).add(n)
    return {index for index, ns in numbers.items() if len(ns) == 1}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    """Each translation has the id's placeholders, no others. A plural form that stands for one
    number only may say that number in words and leave out its placeholder (Arabic 'يومان', two
    days; 'بعد يوم واحد'), as `msgfmt -c` allows: one placeholder at most, the others kept."""
    catalog = read_catalog(_po(language), language)
    in_words = _single_number_forms(catalog)
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(_PLACEHOLDER.findall(ids[-1]))
        for index, text in enumerate(strings):
            found = set(_PLACEHOLDER.findall(text))
            if isinstance(message.id, tuple) and index in in_words:
                assert found <= wanted and len(wanted - found) <= 1, (message.id, index, text)
            else:
                assert found == wanted, (message.id, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_every_form_of_the_language(language: str) -> None:
    catalog = read_catalog(_po(language), language)
    for message in catalog:
        if isinstance(message.id, tuple):
            assert len(message.string) == catalog.num_plurals, message.id


def test_every_catalog_passes_msgfmt_check() -> None:
    for _language, path in catalog_paths():
        done = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr


def _message_calls(tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (
            (isinstance(node.func, ast.Name) and node.func.id in ("_", "N_"))
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "plural"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "_")
        ):
            calls.append(node)
    return calls


def test_message_ids_are_plain_text_with_placeholders() -> None:
    """An f-string, a concatenation or a formatted string would be a message id no catalog
    holds. (`_(TABLE[key])` and `_(hit.message)` translate ids marked with N_ elsewhere.)"""
    for folder in SOURCES:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for call in _message_calls(ast.parse(path.read_text("utf-8"))):
                marked = isinstance(call.func, ast.Name) and call.func.id == "N_"
                plural = isinstance(call.func, ast.Attribute)
                for argument in call.args[: 2 if plural else 1]:
                    built = isinstance(argument, ast.JoinedStr | ast.BinOp) or (
                        isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)
                        and argument.func.attr == "format"
                    ) or (  # Babel would take the key of _(TABLE["key"]) for a message id
                        isinstance(argument, ast.Subscript) and any(
                            isinstance(node, ast.Constant) and isinstance(node.value, str)
                            for node in ast.walk(argument)
                        )
                    )
                    plain = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                    assert not built and (plain or not (marked or plural)), (
                        f"{path.name}:{call.lineno}: a message id must be a plain string"
                    )


def test_english_is_the_fallback_and_a_broken_translation_reads_in_english() -> None:
    assert "fr" not in LANGUAGES
    assert messages("fr")("Use one of: {expected}.", expected="x") == "Use one of: x."
    spanish = messages("es-419")
    assert spanish.language == "es"
    assert spanish("Use one of: {expected}.", expected="x") == "Use uno de estos: x."
    assert spanish.plural(
        "This list has {count} item; lists of {most} or fewer are easier to take in.",
        "This list has {count} items; lists of {most} or fewer are easier to take in.",
        1, count=1, most=7,
    ).startswith("Esta lista tiene 1 elemento;")


FRONT = (
    "---\ntitle: {title}\ndescription: D\n{lang}reviewed_by: R\nlast_reviewed: 2026-01-01\n"
    "next_review: 2027-01-01\nsources:\n  - title: S\n    url: https://www.cdc.gov/\n---\n"
)
SPANISH_BODY = (
    "Mucha gente tiene hipertensión y muchas veces no lo sabe, porque a menudo no da síntomas; "
    "por eso es importante que usted se mida la presión con regularidad en la clínica o en "
    "la farmacia de su barrio, por lo menos una vez al año.\n\n"
    "Es muy fácil y no le cuesta nada en la clínica de su barrio. Simplemente pida a la "
    "enfermera que le mida la presión en el brazo. Se tarda unos minutos y puede quedarse "
    "sentado todo el tiempo. No duele nada y no tiene que quitarse la ropa. Puede hacerlo cada "
    "vez que vaya a la clínica o a la farmacia de su barrio. También puede pedir una hoja con "
    "sus números para llevarla a casa y mostrarla a su médico la próxima vez que vaya. Si "
    "los números salen altos, la enfermera le dirá qué hacer y cuándo volver.\n\n"
    "Haga clic [aquí](https://www.cdc.gov/).\n"
)
ENGLISH_BODY = (
    "Many people have hypertension and do not know it, because it often gives no symptoms; so "
    "it is important that you have your blood pressure measured regularly at the clinic or the "
    "pharmacy near you.\n\n"
    "It is very easy and it costs you nothing at the clinic near your home. Simply ask the "
    "nurse to check it on your arm. It takes a few minutes and you can stay seated the whole "
    "time. It does not hurt and you do not have to take off your clothes. You can do it each "
    "time you go to the clinic or the pharmacy near you. You can also ask for a sheet with "
    "your numbers to take home and show to your own doctor the next time you go.\n\n"
    "Click [here](https://www.cdc.gov/).\n"
)


def _check(body: str, lang: str = "", language: str = "en", title: str = "T"):
    text = FRONT.format(lang=f"lang: {lang}\n" if lang else "", title=title) + body
    article = parse_article(text, "content/topic/a.md", "topic/a.md")
    # Every rule on, those off by default too, so that each one's message is seen.
    everything = EVERY_RULE_ON
    return check_article(article, CheckContext(CheckSettings(language=language, rules=everything),
                                               today=date(2026, 11, 24)))


def test_a_spanish_articles_findings_are_in_spanish() -> None:
    for found in (_check(SPANISH_BODY, lang="es"), _check(SPANISH_BODY, language="es")):
        by_rule = {f.rule: f for f in found}
        assert {"jargon", "sentence-length", "paragraph-length", "link-text",
                "tone-minimizer"} <= set(by_rule), sorted(by_rule)
        assert by_rule["jargon"].message.startswith(
            "'hipertensión' es una palabra médica u oficial que muchos lectores no conocen"
        )
        assert "presión arterial alta" in by_rule["jargon"].suggestion
        assert re.match(r"Esta oración tiene \d+ palabras; no pase de \d+ palabras por oración",
                        by_rule["sentence-length"].message)
        assert by_rule["paragraph-length"].message.startswith("Este párrafo tiene 7 oraciones")
        assert by_rule["link-text"].message.startswith("El texto del enlace 'aquí'")
        assert "parezca fácil" in by_rule["tone-minimizer"].message


def test_an_english_articles_findings_stay_in_english() -> None:
    by_rule = {f.rule: f for f in _check(ENGLISH_BODY)}
    assert by_rule["jargon"].message.startswith("'hypertension' is a medical or official word")
    assert re.match(r"This sentence has \d+ words; keep sentences to \d+ or fewer",
                    by_rule["sentence-length"].message)
    assert by_rule["paragraph-length"].message.startswith("This paragraph has 6 sentences")


def test_front_matter_errors_of_a_spanish_article_are_in_spanish() -> None:
    front = FRONT.replace("reviewed_by: R\n", "reviewd_by: R\n")
    text = front.format(lang="lang: es\n", title="CÓMO CUIDAR SU PRESIÓN ARTERIAL") + SPANISH_BODY
    found = check_article(parse_article(text, "content/t/a.md", "t/a.md"),
                          CheckContext(CheckSettings(), today=date(2026, 11, 24)))
    messages_by_rule = {f.rule: f.message for f in found}
    assert "campo desconocido: 'reviewd_by'" in messages_by_rule["front-matter"]
    assert "Al artículo le falta 'reviewed_by'" in messages_by_rule["review-missing"]
    assert messages_by_rule["title-caps"].startswith("El título está escrito en mayúsculas")


def test_privacy_findings_of_a_spanish_article_are_in_spanish() -> None:
    body = (
        "Nuestra paciente nació el 14 de marzo de 1962 y su número de expediente es MRN: "
        "00482913.\n\nLlame al Instituto Nacional del Cáncer al 301-496-5248.\n"
    )
    found = {f.rule: f for f in _check(body, lang="es")}
    assert found["phi-record-number"].message == (
        "Esto parece un número de historia clínica (00482913)."
    )
    assert found["phi-date"].message.startswith("Una fecha completa ligada a una persona")
    assert found["contact-public"].message.startswith(
        "Esto parecen datos de contacto publicados de una organización: el teléfono de una "
        "organización (301-496-5248)"
    )
    english = {f.rule: f for f in _check(body, language="en", title="T")}
    assert english["phi-record-number"].message == (
        "This looks like a medical record number (00482913)."
    )


def test_raw_html_findings_of_a_spanish_article_are_in_spanish() -> None:
    body = SPANISH_BODY + '\n<img src="foto.png" alt="Una enfermera" style="color: red">\n'
    found = {f.rule: f for f in _check(body, lang="es")}
    assert found["unsafe-html"].message == (
        "El atributo style= en <img> se quita: las páginas usan los estilos propios del sitio."
    )
    english = {f.rule: f for f in _check(body.replace("foto", "photo"))}
    assert english["unsafe-html"].message == (
        "The style= attribute on <img> is removed: pages use the site's own styles."
    )
