"""Adding a language to a site (`wellread i18n add CODE`): its catalogs made from the templates,
and its code added to mkdocs.yml with the least change to the file as the user wrote it."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog

from ..core.errors import ConfigurationError
from . import catalog
from .languages import po_path

_PLUGIN = re.compile(r"^(?P<indent>\s*)-\s+wellread/i18n\s*:\s*(?:#.*)?$")
_FLOW = re.compile(r"^(?P<head>\s+languages\s*:\s*\[)(?P<items>[^\]]*)(?P<tail>\].*)$")
_BLOCK = re.compile(r"^(?P<indent>\s+)languages\s*:\s*(?:#.*)?$")


def with_language(text: str, code: str, where: str = "mkdocs.yml") -> str:
    """mkdocs.yml's text with `code` added to wellread/i18n's `languages`, every other byte as
    it was: `languages: [en, es]` becomes `[en, es, fr]`; a block list gets a `- fr` line."""
    lines = text.splitlines(keepends=True)
    start = next((n for n, line in enumerate(lines) if _PLUGIN.match(line)), None)
    if start is None:
        raise ConfigurationError(
            f"{where} has no wellread/i18n plugin: add it under plugins, with "
            f"'languages: [en, {code}]' (see README, 'Add a language')."
        )
    plugin_indent = len(_PLUGIN.match(lines[start])["indent"])  # type: ignore[index]
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line.strip() and not line.lstrip().startswith("#") and (
            len(line) - len(line.lstrip()) <= plugin_indent
        ):
            break  # the next plugin, or the end of the plugins
        if found := _FLOW.match(line.rstrip("\n")):
            items = found["items"].rstrip()
            joined = f"{items}, {code}" if items.strip() else code
            ending = line[len(line.rstrip("\n")):]
            lines[number] = f"{found['head']}{joined}{found['tail']}{ending}"
            return "".join(lines)
        if found := _BLOCK.match(line.rstrip("\n")):
            last = number
            for item in range(number + 1, len(lines)):
                if re.match(r"^\s+-\s+\S", lines[item]):
                    last = item
                elif lines[item].strip():
                    break
            entry = re.match(r"^(\s+-\s+)", lines[last]) if last != number else None
            prefix = entry[1] if entry else f"{found['indent']}  - "
            lines.insert(last + 1, f"{prefix}{code}\n")
            return "".join(lines)
    raise ConfigurationError(
        f"{where}: wellread/i18n has no 'languages' list: add 'languages: [en, {code}]' to it."
    )


def new_catalogs(
    locales: Path, code: str, templates: dict[str, Catalog], header: catalog.Header, wrap: int
) -> list[Path]:
    """Write the language's catalogs (content.po, theme.po) from the templates; a catalog that
    exists already is left as it is. The paths written."""
    written = []
    for domain, template in templates.items():
        path = po_path(locales, code, domain)
        if path.exists():
            continue
        catalog.write_catalog(path, catalog.updated_catalog(template, None, code, header), wrap)
        written.append(path)
    return written
