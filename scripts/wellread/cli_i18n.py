"""`wellread i18n add CODE`: a new language for the site, its catalogs and its code in
mkdocs.yml, its card fonts checked, and what to do next; `wellread i18n compile`: the .mo files."""

from __future__ import annotations

from pathlib import Path

import click
from babel.messages.mofile import write_mo

from .core.errors import ConfigurationError
from .core.languagecode import canonical
from .core.settings import SiteConfig, SocialOptions
from .i18n import catalog
from .i18n import site as site_catalogs
from .i18n.add import new_catalogs, with_language
from .i18n.languages import native_name, po_path

config_option = click.option(
    "--config-file", "-f", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="The site's mkdocs.yml.",
)


@click.command()
@click.argument("code")
@config_option
def add(code: str, config_file: Path) -> None:
    """Add the language CODE (BCP 47: fr, pt-BR, es-419, zh-Hant, ur): its catalogs, made from
    the templates, and its code in mkdocs.yml; then checks the card fonts for its script."""
    from .cli import _extract, _site

    site = _site(config_file)
    try:
        code = canonical(code)
        config = with_language(config_file.read_text("utf-8"), code, str(config_file))
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    except ConfigurationError as error:
        raise click.UsageError(str(error)) from None
    if code in site.languages:
        raise click.UsageError(f"{code} is already one of the site's languages in {config_file}.")
    templates = _extract(site)
    written = new_catalogs(
        site.locales_dir, code, templates, site_catalogs.header(site),
        site_catalogs.options(site).po_line_wrap,
    )
    config_file.write_text(config, "utf-8")
    name = native_name(code)
    for path in written:
        click.echo(f"{path}: new, for {name} ({code})")
    click.echo(f"{config_file}: {code} added to wellread/i18n languages")
    for line in _card_fonts(site, code, name):
        click.echo(line)
    folder = po_path(site.locales_dir, code, catalog.CONTENT).parent
    click.echo(
        f"Next:\n  1. Translate {folder}/theme.po (the site's own words) and content.po (the "
        "articles) in Poedit or Weblate.\n  2. Run 'make translate' after each change to the "
        "articles, and 'make check'.\n  3. 'make serve' shows the site in every language; "
        f"'make site' builds it, {name} under site/{code}/. A page shows in {name} once "
        "min_translated % of its words are translated."
    )


def _card_fonts(site: SiteConfig, code: str, name: str) -> list[str]:
    """What the cards draw the language's script with, or what to install."""
    from .social.cards.layout import load_layout
    from .social.cards.model import CardError
    from .social.cards.scripts import language_fonts

    if "wellread/social" not in site.plugins:
        return []
    options = site.options(SocialOptions, "wellread/social")
    try:
        layout = load_layout(site.root / options.layout)
    except CardError as error:
        return [f"Cards: {error}"]
    lines = []
    for script, font, package in language_fonts(layout, code, name):
        lines.append(
            f"Cards: {script} script drawn with {font}." if font else
            f"Cards: no installed font draws the {script} script, so {name} cards would show "
            f"boxes. Install one (Debian: sudo apt-get install {package}) and name it for "
            f"{script} under fonts in {options.layout}."
        )
    return lines


@click.command()
@config_option
def compile(config_file: Path) -> None:
    """Write the .mo files (fuzzy translations left out) next to each PO file."""
    from .cli import _every_catalog_or_exit, _site

    site = _site(config_file)
    read = _every_catalog_or_exit(site)
    for _language, _domain, path in site_catalogs.catalog_paths(site):
        if not path.is_file():
            continue
        po = read[path]
        with path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, po, use_fuzzy=False)
        click.echo(f"{path.with_suffix('.mo')}: {catalog.catalog_stats(po).translated} messages")
