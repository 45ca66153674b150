"""PO files as gettext tools read and write them: the text of a catalog (wrapped as Weblate and
msgmerge wrap it, previous msgids quoted), its raw header, its wrapping, and the checks msgfmt
makes that Babel does not."""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from unicode_segmentation_rs import gettext_wrap

from ..core.errors import CatalogError
from ..core.languagecode import gettext_name
from .languages import plural_forms

# Weblate's "Gettext PO line wrap" values: 77 columns of text in quotes (what msgmerge, msgcat
# and Poedit write: 79 with the quotes), only after newlines, or never.
WRAP = 77
WRAP_NEWLINES = 65535
NO_WRAP = -1
WRAPS = (WRAP, WRAP_NEWLINES, NO_WRAP)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_ESCAPE = re.compile(r'[\\"\n\t\r]')
# The header's fields in the order msginit and msgmerge write them; others follow as found.
_HEADER_ORDER = (
    "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
    "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding", "Plural-Forms",
)


def quoted(text: str, wrap: int = WRAP) -> list[str]:
    """The "quoted" lines of a string, as translate-toolkit (Weblate) writes them."""
    escaped = _ESCAPE.sub(lambda found: _ESCAPES[found.group()], text)
    if wrap == NO_WRAP:
        return [f'"{escaped}"']
    lines = gettext_wrap(escaped, wrap) if escaped else []
    if len(lines) >= 2 or (lines and len(lines[0]) > wrap - 6):
        return ['""', *(f'"{line}"' for line in lines)]
    return [f'"{line}"' for line in lines] or ['""']


def _string(keyword: str, text: str, wrap: int, prefix: str = "") -> list[str]:
    first, *rest = quoted(text, wrap)
    return [f"{prefix}{keyword} {first}", *(f"{prefix.rstrip()} {line}".lstrip() for line in rest)]


def _references(message: Message) -> list[str]:
    """`#: file:line` comments, several to a line up to 79 columns, as msgmerge writes them."""
    lines: list[str] = []
    seen: list[str] = []
    for filename, line in sorted(message.locations, key=lambda loc: (loc[0], loc[1] or -1)):
        where = f"{filename}:{line}" if line else filename
        if where not in seen:
            seen.append(where)
    for where in seen:
        if lines and len(lines[-1]) + 1 + len(where) <= 79:
            lines[-1] += f" {where}"
        else:
            lines.append(f"#: {where}")
    return lines


def _body(message: Message, wrap: int, fuzzy: bool, prefix: str = "") -> list[str]:
    """The strings of a message; the previous msgid only while it is fuzzy, as msgmerge does."""
    lines: list[str] = []
    previous = list(message.previous_id or []) if fuzzy else []
    for keyword, text in zip(("msgid", "msgid_plural"), previous, strict=False):
        lines += _string(keyword, text, wrap, "#~| " if prefix else "#| ")
    if message.context is not None:
        lines += _string("msgctxt", message.context, wrap, prefix)
    if isinstance(message.id, (list, tuple)):
        lines += _string("msgid", message.id[0], wrap, prefix)
        lines += _string("msgid_plural", message.id[1], wrap, prefix)
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for index, text in enumerate(strings):
            lines += _string(f"msgstr[{index}]", text or "", wrap, prefix)
    else:
        lines += _string("msgid", message.id, wrap, prefix)
        lines += _string("msgstr", str(message.string or ""), wrap, prefix)
    return lines


def po_text(catalog: Catalog, header: list[tuple[str, str]], wrap: int = WRAP) -> str:
    """The PO file of `catalog` with `header`'s fields; msgfmt -c, msgcat and pocount accept it.

    Fuzzy messages keep their previous msgid as `#| msgid "…"`; obsolete ones are `#~`.
    """
    out = [line for line in catalog.header_comment.splitlines()]
    fields = "".join(f"{name}: {value}\n" for name, value in header)
    out += _string("msgid", "", wrap) + _string("msgstr", fields, wrap) + [""]
    for message in catalog:
        if not message.id:
            continue
        out += [f"# {comment}".rstrip() for comment in message.user_comments]
        out += [f"#. {comment}".rstrip() for comment in message.auto_comments]
        out += _references(message)
        if message.flags:
            out.append("#, " + ", ".join(sorted(message.flags)))
        out += [*_body(message, wrap, fuzzy=message.fuzzy), ""]
    for message in catalog.obsolete.values():
        out += [f"# {comment}".rstrip() for comment in message.user_comments]
        if message.fuzzy:
            out.append("#, fuzzy")
        out += [*_body(message, wrap, message.fuzzy, "#~ "), ""]
    return "\n".join(out[:-1]) + "\n"


def header_of(
    catalog: Catalog, written: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """The header fields to write. Those `written` in the file before stay as they are (a
    translator's or Weblate's), as msgmerge keeps them, but the POT-Creation-Date follows the
    template; a new file gets the catalog's, in msgmerge's order."""
    own = {name: value for name, value in catalog.mime_headers if name != "Generated-By"}
    own["Content-Type"] = "text/plain; charset=UTF-8"
    if written:
        return [
            (name, own["POT-Creation-Date"] if name == "POT-Creation-Date" else value)
            for name, value in written
        ]
    return [(name, own[name]) for name in _HEADER_ORDER if name in own]


def header_fields(text: str) -> list[tuple[str, str]]:
    """The header's fields as written in a PO file's text, in their order."""
    for _line, entry in po_entries(text.splitlines()):
        if entry.get("msgid") == "" and "msgctxt" not in entry:
            raw = _unescape(entry.get("msgstr", ""))
            return [
                (name.strip(), value.strip())
                for name, _, value in (line.partition(":") for line in raw.split("\n"))
                if name.strip() and _
            ]
    return []


def wraps_as(text: str, wrap: int) -> bool:
    """Whether every string of a PO file's text is wrapped as `wrap` (one of WRAPS) wraps it."""
    return all(
        lines == _string(keyword, _unescape("".join(
            line.split('"', 1)[1][:-1] for line in lines
        )), wrap, prefix)
        for prefix, keyword, lines in _string_blocks(text.splitlines())
    )


_BLOCK_START = re.compile(r'^(#~ |#\| |#~\| )?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "')


def _string_blocks(lines: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(prefix, keyword, its lines) of each string in a PO file."""
    block: list[str] = []
    prefix = keyword = ""
    for line in [*lines, ""]:
        if found := _BLOCK_START.match(line):
            if block:
                yield prefix, keyword, block
            prefix, keyword, block = found.group(1) or "", found.group(2), [line]
        elif block and line.startswith(f'{prefix.rstrip()} "'.lstrip()):
            block.append(line)
        elif block:
            yield prefix, keyword, block
            block = []


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), text)


# -- reading: what msgfmt --check rejects and Babel lets through ------------------------------
_PO_LINE = re.compile(
    r'^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"'
    r'|"(?:[^"\\]|\\.)*")?\s*$'
)
_KEYWORD = re.compile(r'^\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^\s*"(.*)"\s*$')
_PREVIOUS = re.compile(r'^#(~?)\|\s*(msgctxt|msgid_plural|msgid)?\s*"(.*)"\s*$')
_BROKEN = re.compile(r'^msgid\s+"(.*)"$')
_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


def check_po_syntax(path: Path, lines: list[str], language: str | None = None) -> None:
    """Babel drops a missing quote or trailing text silently and publishes what is left."""
    for number, line in enumerate(lines, start=1):
        if not _PO_LINE.match(line):
            raise CatalogError(
                f"{path}:{number}: this line is not valid gettext: {line.strip()[:60]!r}. "
                'Each line must be a keyword and a "quoted string", a "quoted string", or a '
                "# comment (open the file in Poedit, which shows the problem)."
            )
    _check_po_entries(path, lines, language)


def previous_ids(lines: list[str]) -> tuple[list[str], dict[tuple[bool, str, str], list[str]]]:
    """The lines without `#|` and `#~|` (Babel cannot read them), and the previous msgid (and
    msgid_plural) of each entry that has one, by (obsolete, msgctxt, msgid)."""
    found: dict[tuple[bool, str, str], list[str]] = {}
    previous: dict[str, str] = {}
    entry: dict[str, str] = {}
    word = keyword = ""
    obsolete = False
    broken: list[str] = []  # '#|' lines an older wellread wrapped in the middle of the string

    def close() -> None:
        if broken and (whole := _BROKEN.match(" ".join(broken))):
            previous["msgid"] = whole.group(1)
        broken.clear()
        if previous and "msgid" in entry:
            key = (obsolete, _unescape(entry.get("msgctxt", "")), _unescape(entry["msgid"]))
            found[key] = [_unescape(previous[k]) for k in ("msgid", "msgid_plural")
                          if k in previous]
        previous.clear()
        entry.clear()

    for line in [*lines, ""]:
        if line.startswith(("#|", "#~|")) and "msgid" in entry:
            close()
        if marked := _PREVIOUS.match(line):
            word = marked.group(2) or word
            previous[word] = previous.get(word, "") + marked.group(3)
            continue
        if line.startswith(("#|", "#~|")):
            broken.append(line.split("|", 1)[1].strip())
            continue
        body = line[2:].lstrip() if line.startswith("#~") else line
        if found_keyword := _KEYWORD.match(body):
            keyword, text = found_keyword.groups()
            if keyword in ("msgctxt", "msgid") and "msgid" in entry:
                close()
            obsolete = line.startswith("#~")
            entry[keyword] = entry.get(keyword, "") + text
        elif (more := _CONTINUATION.match(body)) and keyword:
            entry[keyword] = entry.get(keyword, "") + more.group(1)
        elif "msgid" in entry:  # a blank line or the next entry's comments
            close()
            keyword = ""
    kept = [line for line in lines if not line.startswith(("#|", "#~|"))]
    return kept, found


def po_entries(lines: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
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
    for number, entry in po_entries(lines):
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
    expected = plural_forms(language) if language else None
    example = f" For this language write: Plural-Forms: {expected}" if expected else ""
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
    # CLDR's count, or the one older tools (Babel's table) wrote for the language
    counts = {_count(expected), get_plural(gettext_name(language)).num_plurals} if (
        expected and language
    ) else set()
    if counts and count not in counts:
        raise CatalogError(
            f"{path}:{line}: the header's Plural-Forms says nplurals={count}, but "
            f"{language} has {min(counts)} plural forms.{example}"
        )
    return count


def _count(forms: str) -> int:
    found = _PLURAL_FORMS.match(forms.removeprefix("Plural-Forms:").strip())
    return int(found.group(1)) if found else 0
