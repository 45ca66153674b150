"""Gettext catalogs with Babel: extract messages, update PO files, and translate articles."""

from __future__ import annotations

import gettext
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po, write_po

from ..core.article import Article, render_markdown
from ..core.blocks import Block
from ..core.cache import Cache
from ..core.errors import CatalogError, ConfigurationError
from .integrity import markup_problem
from .languages import text_direction
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


def content_template(articles: Iterable[Article], project: str) -> Catalog:
    """The POT of every message readers see in the articles, located by file and line."""
    catalog = _new_catalog(project, locale=None)
    for article in articles:
        for block in article.messages:
            catalog.add(
                block.text,
                locations=[(article.path, block.line)],
                auto_comments=[_comment_for(block)],
            )
    return _without_format_flags(catalog)


def theme_template(
    theme_dir: Path, project: str, config_messages: Iterable[tuple[str, str]] = ()
) -> Catalog:
    """The POT of what the site itself says around the articles.

    From `_()` and `{% trans %}` in the theme's templates, `_()` in the MkDocs plugins
    (such as the card alt text), and `config_messages`: (text, where) pairs from mkdocs.yml,
    such as the urgent alert.
    """
    catalog = _new_catalog(project, locale=None)
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
            path = f"{Path(folder).name}/{filename}".replace(os.sep, "/")
            catalog.add(
                message, locations=[(path, line)], auto_comments=comments, context=context
            )
    return _without_format_flags(catalog)


def updated_catalog(template: Catalog, existing: Catalog | None, language: str) -> Catalog:
    """The language's catalog brought up to date with `template`, the way msgmerge does it.

    Changed messages become fuzzy with their previous text; removed ones are kept as obsolete.
    """
    catalog = existing or _new_catalog(template.project, locale=language)
    catalog.update(template, update_header_comment=False)
    return _without_format_flags(catalog)


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """Read a PO file; a syntax error becomes a CatalogError naming the file and line."""
    _check_po_syntax(path, language)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, abort_invalid=True)
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
    return _without_format_flags(catalog)


_PO_LINE = re.compile(
    r'^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"'
    r'|"(?:[^"\\]|\\.)*")?\s*$'
)


def _check_po_syntax(path: Path, language: str | None = None) -> None:
    """Babel drops a missing quote or trailing text silently and publishes what is left."""
    data = path.read_bytes()
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError(
            f"{path}:{line}: this translation file is not UTF-8 text (byte "
            f"{data[error.start]:#04x} on this line). Save it as UTF-8; Poedit and Weblate do."
        ) from None
    for number, line in enumerate(lines, start=1):
        if not _PO_LINE.match(line):
            raise CatalogError(
                f"{path}:{number}: this line is not valid gettext: {line.strip()[:60]!r}. "
                'Each line must be a keyword and a "quoted string", a "quoted string", or a '
                "# comment (open the file in Poedit, which shows the problem)."
            )
    _check_po_entries(path, lines, language)


_KEYWORD = re.compile(r'^\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^\s*"(.*)"\s*$')
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


def _po_entries(lines: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line of the msgid, {keyword: text}) for each entry, obsolete (#~) ones left out."""
    entry: dict[str, str] = {}
    start, keyword = 0, ""
    for number, line in enumerate([*lines, ""], start=1):
        if found := _KEYWORD.match(line):
            keyword, text = found.groups()
            if keyword in ("msgctxt", "msgid") and "msgid" in entry and any(
                key.startswith("msgstr") for key in entry
            ):
                yield start, entry
                entry = {}
            if keyword == "msgid":
                start = number
            entry[keyword] = entry.get(keyword, "") + text
        elif (more := _CONTINUATION.match(line)) and keyword:
            entry[keyword] += more.group(1)
        elif not line.strip() and "msgid" in entry:
            yield start, entry
            entry, keyword = {}, ""


def _check_po_entries(path: Path, lines: list[str], language: str | None) -> None:
    """What msgfmt --check rejects and Babel lets through: a msgid given twice, a broken or
    wrong Plural-Forms header, a plural message without one msgstr[n] per plural form."""
    seen: dict[tuple[str, str], int] = {}
    plurals = None
    for number, entry in _po_entries(lines):
        key = (entry.get("msgctxt", ""), entry["msgid"])
        if key in seen:
            raise CatalogError(
                f"{path}:{number}: this msgid is already translated at line {seen[key]}: "
                f"\"{entry['msgid'][:60]}\". Keep one of the two entries (msgfmt rejects the "
                "file too)."
            )
        seen[key] = number
        if entry["msgid"] == "" and "msgctxt" not in entry:
            plurals = _plural_count(path, number, entry.get("msgstr", ""), language)
        elif "msgid_plural" in entry and plurals is not None:
            forms = sum(1 for keyword in entry if keyword.startswith("msgstr["))
            if forms != plurals:
                raise CatalogError(
                    f"{path}:{number}: this plural message has {forms} msgstr[n] lines, but the "
                    f"header's Plural-Forms says the language has {plurals} forms. Give one "
                    "msgstr[n] per form, msgstr[0] to "
                    f"msgstr[{plurals - 1}]."
                )


def _plural_count(path: Path, line: int, header: str, language: str | None) -> int | None:
    """nplurals from the header's Plural-Forms, checked against the language's rules."""
    fields = dict(
        part.split(":", 1) for part in header.replace("\\n", "\n").split("\n") if ":" in part
    )
    value = fields.get("Plural-Forms")
    if value is None:
        return None
    expected = get_plural(language.replace("-", "_")) if language else None
    example = f" For this language write: Plural-Forms: {expected.plural_forms}" if expected else ""
    found = _PLURAL_FORMS.match(value)
    try:
        count = int(found.group(1)) if found else 0
        rule = gettext.c2py(found.group(2)) if found else None
        ok = rule is not None and count > 0 and all(0 <= rule(n) < count for n in range(1000))
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError):
        ok = False
    if not ok:
        raise CatalogError(
            f"{path}:{line}: the header's Plural-Forms is not valid: {value.strip()!r}.{example}"
        )
    if expected is not None and count != expected.num_plurals:
        raise CatalogError(
            f"{path}:{line}: the header's Plural-Forms says nplurals={count}, but "
            f"{language} has {expected.num_plurals} plural forms.{example}"
        )
    return count


def catalog_text(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, width=0, include_previous=True, sort_output=False)
    return out.getvalue().decode("utf-8")


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write the PO/POT file unless only its dates would change. True when it was written."""
    text = catalog_text(catalog)
    if path.is_file() and _without_dates(path.read_text("utf-8")) == _without_dates(text):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return True


def published(catalog: Catalog, units: Units | None = None) -> dict[str, str]:
    """msgid → msgstr for what may reach a page: translated, not fuzzy, markup intact."""
    return {
        message.id: message.string
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
    shown = {m.id: m.string for m, why in checked if not why}
    return {
        "published": shown,
        "lines": {m.id: m.lineno for m in po if m.id in shown and isinstance(m.id, str)},
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
        and not m.fuzzy and not m.context
    ]


def catalog_stats(catalog: Catalog, units: Units | None = None) -> CatalogStats:
    messages = [m for m in catalog if m.id and isinstance(m.id, str)]
    shown = published(catalog, units)
    return CatalogStats(
        total=len(messages),
        translated=len(shown),
        fuzzy=sum(1 for m in messages if m.fuzzy),
        rejected=len(rejected(catalog, units)),
        words=sum(len(m.id.split()) for m in messages),
        translated_words=sum(len(source.split()) for source in shown),
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


def _new_catalog(project: str, locale: str | None) -> Catalog:
    try:
        catalog = Catalog(
            locale=locale, project=project, version="1", charset="utf-8",
            creation_date=build_date(), revision_date=build_date(), fuzzy=False,
            msgid_bugs_address="", copyright_holder="", header_comment="",
        )
    except (ValueError, UnknownLocaleError) as error:
        raise ConfigurationError(f"Unknown language code {locale!r}: {error}") from None
    catalog.header_comment = f"# Translations of {project}."
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
