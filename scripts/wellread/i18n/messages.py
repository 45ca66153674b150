"""wellread's own messages (the checker's findings and suggestions) in the writer's language.

They are a gettext domain of their own, `wellread`, apart from a site's `theme` and `content`
catalogs: the template is data/locales/wellread.pot, each language's translations
data/locales/<lang>/LC_MESSAGES/wellread.po, shipped in the package. A rule writes

    _ = messages(context.settings.language)
    _("'{term}' is a medical word.", term=term)
    _.plural("This list has {count} item.", "This list has {count} items.", count, count=count)

Message ids are English with `{name}` placeholders (never built by concatenation); a language
without a catalog, or a message without a translation, reads in English. `make messages` (part
of `make translate`) extracts the ids from the checker's source and updates every catalog.
"""

from __future__ import annotations

import gettext
import io
import subprocess
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "wellread"
# The calls whose first argument(s) are message ids, as Babel's extractor reads them.
KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "plural": (1, 2), "N_": None}
# The package folders whose Python holds checker messages.
SOURCES = ("check", "publish", "i18n")
PACKAGE = Path(__file__).parents[1]
LOCALES = PACKAGE / "data" / "locales"
# The languages wellread speaks besides English.
LANGUAGES = ("es", "ar")


def N_(message: str) -> str:
    """Mark a message id kept in a table and translated where it is used: `_(TABLE[key])`."""
    return message


class Messages:
    """One language's translations of wellread's messages, with `{name}` placeholders filled."""

    def __init__(self, translations: gettext.NullTranslations, language: str) -> None:
        self.translations = translations
        self.language = language

    def __call__(self, message: str, /, **values: object) -> str:
        if not message:
            return ""  # gettext's "" is the catalog's header
        return _filled(self.translations.gettext(message), message, values)

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The form of the message for `count` (languages have one, two or six forms)."""
        english = singular if count == 1 else plural
        return _filled(self.translations.ngettext(singular, plural, count), english, values)


def _filled(text: str, english: str, values: dict[str, object]) -> str:
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that broke a placeholder
        return english.format(**values)


@lru_cache(maxsize=32)
def messages(language: str) -> Messages:
    """The messages in `language` ("es-419" reads the "es" catalog when it has none of its own);
    English for a language without a catalog."""
    code = language.replace("_", "-")
    for candidate in dict.fromkeys((code, code.split("-")[0])):
        path = resources.files("wellread") / "data" / "locales" / candidate / "LC_MESSAGES" / (
            f"{DOMAIN}.po"
        )
        if path.is_file():
            catalog = read_po(io.BytesIO(path.read_bytes()), locale=candidate.replace("-", "_"))
            compiled = io.BytesIO()
            write_mo(compiled, catalog, use_fuzzy=False)
            compiled.seek(0)
            return Messages(gettext.GNUTranslations(compiled), candidate)
    return Messages(gettext.NullTranslations(), "en")


def message_template() -> Catalog:
    """The POT of every message in the checker's source (SOURCES), with where each is used."""
    from .catalog import Header, new_catalog

    catalog = new_catalog(Header("wellread"), None)
    catalog.header_comment = "# wellread's own messages: the checker's findings and suggestions."
    for folder in SOURCES:
        for filename, _line, message, comments, context in extract_from_dir(
            str(PACKAGE / folder), [("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
        ):
            # Files without line numbers: a catalog that does not change with every edit around it.
            where = f"{folder}/{filename}".replace("\\", "/")
            ids = message if isinstance(message, tuple) else (message,)
            flags = ["python-brace-format"] if any("{" in part for part in ids) else []
            catalog.add(
                message, locations=[(where, None)], auto_comments=comments, context=context,
                flags=flags,
            )
    # Words kept as data: what kind of number each label of data/privacy.yml marks.
    privacy = yaml.safe_load((PACKAGE / "data" / "privacy.yml").read_text("utf-8"))
    for spec in privacy["labelled_numbers"].values():
        catalog.add(spec["what"], locations=[("data/privacy.yml", None)])
    return catalog


def catalog_paths() -> list[tuple[str, Path]]:
    """(language, path) of every language's wellread.po."""
    return [
        (language, LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po") for language in LANGUAGES
    ]


def update_catalogs() -> list[str]:
    """Write the POT, bring every language's PO up to date with it and check each with
    `msgfmt -c`; lines to print, the last ones naming any problem."""
    from .catalog import read_catalog, updated_catalog, write_catalog

    template = message_template()
    pot = LOCALES / f"{DOMAIN}.pot"
    written = write_catalog(pot, template)
    lines = [f"{pot}: {len(template)} messages{'' if written else ' (unchanged)'}"]
    for language, path in catalog_paths():
        existing = read_catalog(path, language) if path.is_file() else None
        updated = updated_catalog(template, existing, language)
        updated.obsolete.clear()  # a message wellread no longer says needs no translation
        written = write_catalog(path, updated)
        lines.append(f"{path}: {len(translated_ids(updated))} of {len(template)} translated"
                     f"{'' if written else ' (unchanged)'}")
        try:
            check = subprocess.run(
                ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True,
                check=False,
            )
        except FileNotFoundError:
            lines.append("error: msgfmt is missing; install gettext ('make system-deps').")
            continue
        if check.returncode:
            lines.append(check.stderr.strip())
    return lines


def translated_ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    """The ids of the messages that have a translation that is not fuzzy (every plural form)."""
    return {
        message.id for message in catalog
        if message.id and not message.fuzzy and message.string and all(
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
    }


if __name__ == "__main__":  # make messages
    report = update_catalogs()
    print("\n".join(report))
    sys.exit(1 if any("error" in line for line in report[1:]) else 0)
