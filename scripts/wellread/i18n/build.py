"""One language's build of the site (`LanguageBuild`): what every stage asks about the language.

The i18n adapter makes one per language it builds; the other stages and adapters read it (in
MkDocs through `adapters.mkdocs.state.language_build`) instead of another plugin's attributes.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .catalog import context_key
from .languages import native_name, text_direction


class Translations(gettext.NullTranslations):
    """The theme's published strings for Jinja's gettext (fuzzy and unsafe ones left out)."""

    def __init__(self, strings: dict[str, str]) -> None:
        super().__init__()
        self.strings = strings

    def gettext(self, message: str) -> str:
        return self.strings.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        """The translation of `message` where it means what `context` says (its msgctxt)."""
        return self.strings.get(context_key(context, message), message)


@dataclass(frozen=True)
class LanguageBuild:
    """The language a site is being built in, and the site's languages around it.

    `content` is the content catalog's published translations (source text to translated
    text; empty in the default language), `translations` the theme catalog's, for gettext.
    `locales` is the folder of catalogs (None when the site has one language and no catalogs),
    shown in messages as `locales_dir`.
    """

    code: str
    default_language: str
    languages: Mapping[str, str]  # code -> native name, the default language first
    content: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)
    locales: Path | None = None
    locales_dir: str = "locales"
    min_translated: int = 0

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr': the direction of the language's script."""
        return text_direction(self.code)

    @property
    def is_default(self) -> bool:
        """The default language, built at the site root; the others are built below it."""
        return self.code == self.default_language

    @property
    def others(self) -> list[str]:
        """The site's languages but the default one, in the order the site lists them."""
        return [code for code in self.languages if code != self.default_language]

    def gettext(self, message: str) -> str:
        """The theme catalog's translation of `message` (the message itself if none)."""
        return self.translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        """As `gettext`, for a message with a msgctxt: one English text with two meanings."""
        return self.translations.pgettext(context, message)


def single_language_build(code: str) -> LanguageBuild:
    """A site without wellread/i18n: one language, nothing translated."""
    return LanguageBuild(
        code=code, default_language=code, languages=MappingProxyType({code: native_name(code)})
    )
