"""Gettext catalogs with Babel: extract messages, update PO files, and translate articles."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import PoFileError, read_po

from ..core.article import Article, render_markdown
from ..core.blocks import Block
from ..core.cache import Cache
from ..core.errors import CatalogError, ConfigurationError
from ..core.languagecode import gettext_name
from . import pofile
from .integrity import markup_problem
from .languages import plural_forms, text_direction
from .numbers import SITE_UNITS, Units, site_units

CONTENT = "content"
THEME = "theme"
_KIND_COMMENTS = {
    "heading": "heading",
    "paragraph": "paragraph",
    "list_item": "list item",
    "table_cell": "table cell",
    "blockquote": "quote",
    "admonition_title": "box title",
}


@dataclass(frozen=True)
class CatalogStats:
    """How much of one catalog a translator has done."""

    total: int
    translated: int  # published: translated, not fuzzy, markup intact
    fuzzy: int
    rejected: int = 0  # translated but not used, see `rejected()`
    words: int = 0  # source words in all messages
    translated_words: int = 0

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy - self.rejected

    @property
    def percent(self) -> int:
        """Share of the source words that readers see translated."""
        if not self.words:
            return round(100 * self.translated / self.total) if self.total else 100
        return 100 * self.translated_words // self.words


@dataclass(frozen=True)
class TranslatedArticle:
    """An article's body and front matter in one language, with how much of it is translated."""

    markdown: str
    meta: dict
    translated: int
    total: int
    untranslated_fields: frozenset[str] = frozenset()  # front matter paths still in the source

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    @property
    def untouched(self) -> bool:
        return self.translated == 0 and self.total > 0


def build_date() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def content_template(articles: Iterable[Article], project: str | Header) -> Catalog:
    """The POT of every message readers see in the articles, located by file and line."""
    catalog = new_catalog(project if isinstance(project, Header) else Header(project), None)
    for article in articles:
        for block in article.messages:
            catalog.add(
                block.text,
                locations=[(article.path, block.line)],
                auto_comments=[_comment_for(block)],
            )
    return _without_format_flags(catalog)


def theme_template(
    theme_dir: Path, project: str | Header, config_messages: Iterable[tuple[str, str]] = (),
    root: Path | None = None,
) -> Catalog:
    """The POT of what the site itself says around the articles.

    From `_()` and `{% trans %}` in the theme's templates, `_()` in the MkDocs plugins
    (such as the card alt text), and `config_messages`: (text, where) pairs from mkdocs.yml,
    such as the urgent alert. References are relative to `root` (the folder of mkdocs.yml),
    as a translator finds the files in the repository; wellread's own files outside it are
    named from the package ('wellread/adapters/…').
    """
    catalog = new_catalog(project if isinstance(project, Header) else Header(project), None)
    for message, where in config_messages:
        catalog.add(message, locations=[(where, 0)])
    sources = [
        (theme_dir, [("**.html", "jinja2")], {"**.html": {"extensions": "jinja2.ext.i18n"}}),
        (Path(__file__).parents[1] / "adapters", [("**.py", "python")], {}),
    ]
    for folder, method_map, options in sources:
        for filename, line, message, comments, context in extract_from_dir(
            str(folder), method_map, options
        ):
            path = f"{_shown_folder(Path(folder), root)}/{filename}".replace(os.sep, "/")
            catalog.add(
                message, locations=[(path, line)], auto_comments=comments, context=context
            )
    return _without_format_flags(catalog)


def _shown_folder(folder: Path, root: Path | None) -> str:
    """A folder as a translator finds it: wellread's own from its repository's root (or from
    the installed package), the site's from the folder of mkdocs.yml."""
    folder, package = folder.resolve(), Path(__file__).resolve().parents[1]
    if folder.is_relative_to(package):
        checkout = package.parents[1]  # scripts/wellread in a source checkout
        base = checkout if (checkout / "pyproject.toml").is_file() else package.parent
        return folder.relative_to(base).as_posix()
    if root is not None and folder.is_relative_to(root.resolve()):
        return folder.relative_to(root.resolve()).as_posix()
    return folder.name


def updated_catalog(
    template: Catalog, existing: Catalog | None, language: str, header: Header | None = None
) -> Catalog:
    """The language's catalog brought up to date with `template`, the way msgmerge does it.

    Changed messages become fuzzy with their previous text; removed ones are kept as obsolete.
    """
    catalog = existing or new_catalog(header or Header(template.project), language)
    previous = {
        (m.id, m.context): m.previous_id for m in catalog if m.id and m.fuzzy and m.previous_id
    }
    catalog.update(template, update_header_comment=False)
    forms = catalog.num_plurals if catalog.locale is not None else 2
    for message in catalog:  # still fuzzy: the text it was translated from stays shown
        if message.fuzzy and not message.previous_id:
            message.previous_id = previous.get((message.id, message.context), [])
        if message.pluralizable and isinstance(message.string, tuple) and (
            len(message.string) < forms
        ):  # a new plural message gets one msgstr[n] per form of the language (Arabic: 6)
            message.string = message.string + ("",) * (forms - len(message.string))
    return _without_format_flags(catalog)


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """Read a PO file; a syntax error becomes a CatalogError naming the file and line."""
    lines, previous = pofile.previous_ids(_check_po_syntax(path, language))
    try:
        catalog = read_po(
            lines, locale=gettext_name(language) if language else None, abort_invalid=True
        )
    except LookupError:
        raise CatalogError(
            f"{path}: the Content-Type header names an unknown charset. Write "
            '"Content-Type: text/plain; charset=UTF-8\\n" in the header.'
        ) from None
    except PoFileError as error:
        line = getattr(error, "lineno", -1) + 1  # Babel counts lines from 0
        raise CatalogError(
            f"{path}:{line}: this translation file has a syntax error: {error}. Fix the line "
            "(or open the file in Poedit, which shows the problem), then run 'make translate'."
        ) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise CatalogError(f"{path}: this translation file cannot be read: {error}.") from None
    if str(catalog.charset).lower().replace("-", "") != "utf8":
        raise CatalogError(
            f"{path}: the header says charset={catalog.charset}, but wellread reads catalogs as "
            'UTF-8. Write "Content-Type: text/plain; charset=UTF-8\\n" in the header.'
        )
    for obsolete, messages in ((False, list(catalog)), (True, catalog.obsolete.values())):
        for message in messages:
            key = (obsolete, message.context or "", _singular(message.id))
            message.previous_id = previous.get(key, [])
            # '# | msgid "…"': a previous msgid that an older wellread wrote as a comment
            message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    return _without_format_flags(catalog)


def _singular(msgid: object) -> str:
    return str(msgid[0] if isinstance(msgid, (list, tuple)) else msgid)


def _check_po_syntax(path: Path, language: str | None = None) -> list[str]:
    """The file's lines, once it is UTF-8 and gettext syntax msgfmt accepts."""
    data = path.read_bytes()
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError(
            f"{path}:{line}: this translation file is not UTF-8 text (byte "
            f"{data[error.start]:#04x} on this line). Save it as UTF-8; Poedit and Weblate do."
        ) from None
    pofile.check_po_syntax(path, lines, language)
    return lines


def catalog_text(
    catalog: Catalog, wrap: int = pofile.WRAP, written: Sequence[tuple[str, str]] = ()
) -> str:
    """The PO file's text, the header `written` in the file before kept as msgmerge keeps it."""
    return pofile.po_text(catalog, pofile.header_of(catalog, written), wrap)


def write_catalog(path: Path, catalog: Catalog, wrap: int = pofile.WRAP) -> bool:
    """Write the PO/POT file unless only its dates would change. True when it was written.

    A PO file keeps its header's fields as written (a POT file's header is wellread's own).
    """
    written = (
        pofile.header_fields(path.read_text("utf-8"))
        if catalog.locale is not None and path.is_file() else []
    )
    text = catalog_text(catalog, wrap, written)
    if path.is_file() and _without_dates(path.read_text("utf-8")) == _without_dates(text):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return True


def published(catalog: Catalog, units: Units | None = None) -> dict[str, str]:
    """msgid → msgstr for what may reach a page: translated, not fuzzy, markup intact."""
    return {
        _key(message): message.string
        for message in _translated(catalog)
        if not markup_problem(
            message.id, message.string, str(catalog.locale or ""), _field(message), units
        )
    }


@dataclass(frozen=True)
class Usable:
    """What a build needs from one PO file: the published translations and the rejected ones."""

    published: dict[str, str]  # msgid -> msgstr, as `published()`
    lines: dict[str, int]  # msgid -> its line in the PO file, for each published message
    rejected: tuple[tuple[int, str, str, str], ...]  # (line, msgid, msgstr, why), as `rejected()`
    fuzzy: tuple[tuple[int, str], ...] = ()  # (line, msgid): translated, waiting for a review


def usable_translations(path: Path, language: str, cache: Cache | None = None) -> Usable:
    """`published()` and `rejected()` of a PO file, cached by a hash of its bytes.

    Reading a PO file with Babel and checking every translation's markup is the slow part of a
    language's build; the cache makes it once per change of the file, not once per build.
    Raises CatalogError as `read_catalog` does.
    """
    cache = cache or Cache(None, "catalogs")
    locales = path.parents[2]  # <locales_dir>/<language>/LC_MESSAGES/<domain>.po
    units_file = locales / SITE_UNITS
    key = cache.key(
        path.read_bytes(), language, units_file.read_bytes() if units_file.is_file() else b""
    )
    entry = cache.get(key)
    if entry is None:
        with cache.making(key):
            entry = cache.get(key)  # made meanwhile by the build of another language
            if entry is None:
                entry = _usable_entry(path, language, site_units(locales))
                cache.put(key, entry)
    return Usable(
        entry["published"], entry["lines"], tuple(map(tuple, entry["rejected"])),
        tuple(map(tuple, entry["fuzzy"])),
    )


def _usable_entry(path: Path, language: str, units: Units) -> dict:
    po = read_catalog(path, language)
    locale = str(po.locale or "")
    # As published() and rejected() say, with each translation's markup checked once.
    checked = [
        (m, markup_problem(m.id, m.string, locale, _field(m), units)) for m in _translated(po)
    ]
    shown = {_key(m): m.string for m, why in checked if not why}
    return {
        "published": shown,
        "lines": {_key(m): m.lineno for m, why in checked if not why},
        "rejected": [[m.lineno or 0, m.id, m.string, why] for m, why in checked if why],
        "fuzzy": [[m.lineno or 0, m.id] for m in po if m.fuzzy and m.id and isinstance(m.id, str)],
    }


def rejected(catalog: Catalog, units: Units | None = None) -> list[tuple[Message, str]]:
    """Translated messages that are not used, with the reason, for the translator to fix."""
    return [
        (message, problem)
        for message in _translated(catalog)
        if (problem := markup_problem(
            message.id, message.string, str(catalog.locale or ""), _field(message), units
        ))
    ]


def _field(message: Message) -> str:
    """The front matter field a message comes from ('tags.0'), '' for body text: a tag's
    translation must also make a hashtag. A msgid used in both places gets the tag's rules."""
    return next((
        comment.removeprefix("front matter: ") for comment in message.auto_comments
        if comment.startswith("front matter: ")
    ), "")


def _translated(catalog: Catalog) -> list[Message]:
    return [
        m for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string.strip()
        and not m.fuzzy
    ]


def context_key(context: str | None, msgid: str) -> str:
    """How gettext keys a message with a msgctxt ('page title' + EOT + 'Corrections')."""
    return f"{context}\x04{msgid}" if context else msgid


def _key(message: Message) -> str:
    return context_key(message.context, str(message.id))


def catalog_stats(catalog: Catalog, units: Units | None = None) -> CatalogStats:
    messages = [m for m in catalog if m.id and isinstance(m.id, str)]
    shown = published(catalog, units)
    return CatalogStats(
        total=len(messages),
        translated=len(shown),
        fuzzy=sum(1 for m in messages if m.fuzzy),
        rejected=len(rejected(catalog, units)),
        words=sum(len(m.id.split()) for m in messages),
        translated_words=sum(len(source.split("\x04")[-1].split()) for source in shown),
    )


def translate_article(
    article: Article, translations: Mapping[str, str], source_language: str
) -> TranslatedArticle:
    """The article with every published translation applied and the rest marked as source text.

    Untranslated blocks keep their `lang` (and `dir`) so screen readers read them correctly.
    """
    blocks = article.body_blocks
    replace = {b.text: translations[b.text] for b in blocks if b.text in translations}
    translated = sum(1 for b in blocks if b.text in replace)
    marks = "" if translated == len(blocks) else (
        f'lang="{source_language}" dir="{text_direction(source_language)}"'
    )
    body = render_markdown(article.chunks, replace, marks)
    meta = dict(article.meta)
    for block in article.meta_blocks:
        if block.text in translations:
            _set_field(meta, block.field, translations[block.text])
    missing = frozenset(b.field for b in article.meta_blocks if b.text not in translations)
    total = len(blocks) + len(article.meta_blocks)
    done = translated + len(article.meta_blocks) - len(missing)
    return TranslatedArticle(body, meta, done, total, missing)


def article_progress(article: Article, translations: Mapping[str, str]) -> tuple[int, int]:
    """(translated words, all words) of what readers see of one article."""
    messages = article.messages
    total = sum(len(block.text.split()) for block in messages)
    done = sum(len(block.text.split()) for block in messages if block.text in translations)
    return done, total


def _set_field(meta: dict, path: str, value: str) -> None:
    """Set 'sources.0.title' style paths in a copy of the front matter."""
    parts = path.split(".")
    target: object = meta
    for part in parts[:-1]:
        if isinstance(target, dict):
            target[part] = _copy(target[part])
            target = target[part]
        elif isinstance(target, list):
            target[int(part)] = _copy(target[int(part)])
            target = target[int(part)]
    last = parts[-1]
    if isinstance(target, dict):
        target[last] = value
    elif isinstance(target, list):
        target[int(last)] = value


def _copy(value: object) -> object:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value


@dataclass(frozen=True)
class Header:
    """What a new catalog's header says beside its language: mkdocs.yml's wellread/i18n
    `translators` (Language-Team) and `msgid_bugs_address` (Report-Msgid-Bugs-To)."""

    project: str
    team: str = ""
    bugs_address: str = ""


def new_catalog(header: Header, language: str | None) -> Catalog:
    """An empty catalog for `language` (None: a template), its header filled in: the plural
    forms as CLDR counts, no placeholder left for msgfmt --check to warn about."""
    try:
        catalog = Catalog(
            locale=gettext_name(language) if language else None, project=header.project,
            version="1", charset="utf-8", creation_date=build_date(),
            revision_date=build_date(), fuzzy=False, msgid_bugs_address=header.bugs_address,
            copyright_holder="", header_comment="",
        )
    except (ValueError, UnknownLocaleError) as error:
        raise ConfigurationError(f"Unknown language code {language!r}: {error}") from None
    if language:  # no translator yet: empty, not a placeholder msgfmt --check warns about
        catalog.language_team, catalog.last_translator = header.team, ""
        catalog.mime_headers = [("Plural-Forms", plural_forms(language))]
    catalog.header_comment = f"# Translations of {header.project}."
    return catalog


def _comment_for(block: Block) -> str:
    if block.kind == "meta":
        return f"front matter: {block.field}"
    return _KIND_COMMENTS.get(block.kind, block.kind)


def kind_of_comment(comment: str) -> tuple[str, str]:
    """(block kind, front matter field) from the comment `content_template` gives a message:
    'list item' → ('list_item', ''), 'front matter: title' → ('meta', 'title')."""
    if comment.startswith("front matter: "):
        return "meta", comment.removeprefix("front matter: ")
    kinds = {text: kind for kind, text in _KIND_COMMENTS.items()}
    return kinds.get(comment, comment), ""


_NAMED_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _without_format_flags(catalog: Catalog) -> Catalog:
    # Babel flags any msgid with '%' as python-format; "50% of people" is prose, and the flag
    # would make msgfmt --check reject a correct "50 % de las personas". Theme strings with
    # %(name)s keep the flag, so msgfmt --check catches a translation that drops a placeholder.
    for message in [*catalog, *catalog.obsolete.values()]:
        if not (isinstance(message.id, str) and _NAMED_PLACEHOLDER.search(message.id)):
            message.flags.discard("python-format")
    return catalog


def _without_dates(text: str) -> str:
    return "\n".join(
        line for line in text.splitlines()
        if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:'))
    )
