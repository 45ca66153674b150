"""Language codes as a site writes them: BCP 47 ('pt-BR', 'es-419', 'zh-Hant', 'sr-Latn'),
checked against CLDR, and their gettext spelling for catalog folders and headers ('pt_BR')."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
EXAMPLES = "'en', 'es', 'ar', 'pt-BR', 'es-419', 'zh-Hant', 'sr-Latn'"


def base_language(code: str) -> str:
    """"es" for "es", "es-419" and "es_MX": word lists, lemmas and units are kept per language."""
    return code.replace("_", "-").split("-")[0].lower()


def canonical(code: object) -> str:
    """`code` when it is a BCP 47 code CLDR knows, written as BCP 47 writes it.

    ValueError says what is wrong: not a code, a language CLDR does not know, or another
    spelling of a known code ('pt_BR', 'pt-br': write 'pt-BR').
    """
    text = str(code).strip()
    if not _SHAPE.fullmatch(text):
        raise ValueError(f"{code!r} is not a language code. Expected codes like {EXAMPLES}.")
    try:
        locale = Locale.parse(text.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise ValueError(
            f"unknown language code {code!r}: CLDR, which wellread takes each language's "
            f"names, dates and plural rules from, does not know it. Expected codes like {EXAMPLES}."
        ) from None
    parts = (locale.language, locale.script, locale.territory, locale.variant)
    written = "-".join(part for part in parts if part)
    if written != text:
        raise ValueError(
            f"write the language code {code!r} as {written!r} (BCP 47, as <html lang> and "
            f"hreflang need it); wellread names its catalog folder {gettext_name(written)!r} "
            "itself."
        )
    return written


def gettext_name(code: str) -> str:
    """The code as gettext and Babel spell it: catalog folders and the Language header."""
    return code.replace("-", "_")
