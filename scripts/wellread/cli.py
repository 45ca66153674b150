"""The `wellread` command: check articles, manage translation catalogs, build the site."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
from collections.abc import Callable
from datetime import date
from importlib.metadata import version
from pathlib import Path

import click
from babel.messages.catalog import Catalog

from .check import CheckContext, check_article
from .check.duplicates import duplicate_findings
from .check.files import (
    draft_files,
    image_files,
    inside,
    links_leaving,
    read_articles,
    shown_path,
    site_files,
)
from .check.report import article_metrics, report_html, report_json
from .check.run import cached_page_findings, translation_findings
from .check.scaffold import new_article
from .core.cache import SITE_CACHE, Cache
from .core.containment import Stopped, stop_on_signals
from .core.content import glossary_terms, load_content
from .core.errors import ConfigurationError, ContentError, WellreadError
from .core.findings import (
    Finding,
    counted_by_severity,
    findings_as_github,
    findings_as_json,
    findings_as_sarif,
    has_errors,
)
from .core.settings import SiteConfig, load_site_config
from .i18n import catalog
from .i18n import site as site_catalogs
from .i18n.languages import article_language
from .i18n.numbers import site_units
from .publish.trust import image_findings

config_option = click.option(
    "--config-file", "-f", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="The site's mkdocs.yml.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """wellread: plain-language, multilingual health-education sites from Markdown."""


def _site(config_file: Path) -> SiteConfig:
    try:
        return load_site_config(config_file)
    except WellreadError as error:
        raise click.UsageError(str(error)) from None


# -- check ---------------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "github", "sarif"]),
    default="text", show_default=True,
    help="text for people; json for tools; github for pull-request annotations; sarif for "
         "code scanning.",
)
@config_option
def check(paths: tuple[Path, ...], output_format: str, config_file: Path) -> None:
    """Check articles for reading level, jargon, privacy leaks and missing facts.

    PATHS are Markdown files or folders (default: the content folder and every language's
    translations). Exits 1 when there are errors, 0 when there are only warnings or nothing.
    """
    site = _site(config_file)
    content_dir = site.content_dir
    findings = links_leaving(site, paths)
    paths = inside(paths, site.root)
    pages, problems = read_articles(paths or (content_dir,), content_dir, site.root)
    findings += problems
    glossary = glossary_terms(content_dir)
    contexts = {
        base: CheckContext(settings=site.check, content_dir=base, files=frozenset(
            site_files(base, site.root) if base == Path(os.path.abspath(content_dir)) else
            draft_files([article for article, where in pages if where == base], base)
        ), glossary=glossary)
        for base in {base for _, base in pages}
    }
    # Earlier checks' findings (CI keeps them); a page read again is not parsed again.
    cache = Cache(site.root / SITE_CACHE, "findings")
    for article, base in pages:
        data = Path(article.path).read_bytes()
        findings += cached_page_findings(data, article.path, article.page, contexts[base], cache)
    for base in contexts:
        findings += duplicate_findings(
            (article for article, where in pages if where == base), site.check.language
        )
    for path in image_files(paths or (content_dir,), site.root):
        findings += image_findings(path.read_bytes(), shown_path(path, site.root))
    if not paths:  # the whole site: translations too, with each language's word lists
        others = [code for code in site.languages if code != site.default_language]
        whole = contexts.get(Path(os.path.abspath(content_dir)), CheckContext(settings=site.check))
        findings += translation_findings(site.locales_dir, others, whole,  # as the build's
                                         site.locales_dir.relative_to(site.root).as_posix(), cache)
    articles = [article for article, _ in pages]
    findings.sort()
    if output_format == "json":
        click.echo(findings_as_json(findings))
    elif output_format == "github":
        if findings:
            click.echo(findings_as_github(findings))
    elif output_format == "sarif":
        click.echo(findings_as_sarif(findings, version("wellread")))
    else:
        _echo_grouped(findings)
        click.echo(
            f"{len(articles)} file{'' if len(articles) == 1 else 's'} checked: "
            f"{counted_by_severity(findings)}.", err=True,
        )
    sys.exit(1 if has_errors(findings) else 0)


_COLOURS = {"error": "red", "warning": "yellow", "hint": "cyan"}


def _echo_grouped(findings: list[Finding]) -> None:
    """Findings file by file, a blank line between files; severities in colour on a terminal
    (click drops the colour when the output is a file or a pipe)."""
    previous = None
    for found in findings:
        if previous is not None and found.file != previous:
            click.echo("")
        previous = found.file
        severity = click.style(str(found.severity), fg=_COLOURS.get(found.severity), bold=True)
        text = found.as_text().replace(f" {found.severity} ", f" {severity} ", 1)
        click.echo(text)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["html", "json"]), default="html",
              show_default=True, help="html: a page with a table and a chart; json: the data.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of standard output.")
@config_option
def report(
    paths: tuple[Path, ...], output_format: str, output: Path | None, config_file: Path
) -> None:
    """The editors' report: reading level, length, jargon, findings and review of every article.

    Exits 1 when an article had to be left out (the reasons are printed first).
    """
    site = _site(config_file)
    problems = links_leaving(site, paths)
    pages, unreadable = read_articles(
        inside(paths, site.root) or (site.content_dir,), site.content_dir, site.root
    )
    problems += unreadable
    for found in problems:
        click.echo(found.as_text(), err=True)
    context = CheckContext(settings=site.check)
    metrics = [
        article_metrics(
            article, check_article(article, context),
            article_language(article.meta, site.check.language), date.today(),
            jargon_on=site.check.rule_on("jargon"),
        )
        for article, _ in pages if article.kind == "article"
    ]
    text = report_json(metrics) if output_format == "json" else (
        report_html(metrics, site.check.reading_grade_max, site.site_name))
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", "utf-8")
        click.echo(f"Wrote {output} ({len(metrics)} articles).", err=True)
    if problems:
        click.echo(f"{len(problems)} file{'' if len(problems) == 1 else 's'} left out of the "
                   "report: fix the problems above.", err=True)
        sys.exit(1)


@main.command()
@click.argument("title")
@click.option("--topic", required=True, help="The topic folder, e.g. vaccines.")
@click.option("--slug", default="", help="The file name, when the title has no Latin letters.")
@click.option("--reviewer", default="", help="Who will review it, e.g. 'Maria Lopez, RN'.")
@config_option
def new(title: str, topic: str, slug: str, reviewer: str, config_file: Path) -> None:
    """Start an article with the full front matter; TODOs mark what to fill in."""
    site = _site(config_file)
    try:
        relative, text = new_article(title, topic, date.today(), reviewer, slug)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    path = site.content_dir / relative
    if path.exists():
        raise click.UsageError(f"{path} already exists; choose another title or --slug.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    click.echo(f"Created {path}. Fill in every TODO, then run 'make check'.")


# -- translations ----------------------------------------------------------------------------------
@main.group()
def i18n() -> None:
    """Translation catalogs: extract, update, compile, stats."""


@i18n.command()
@config_option
def extract(config_file: Path) -> None:
    """Write locales/content.pot and locales/theme.pot from the articles and the theme."""
    site = _site(config_file)
    _extract(site)


def _extract(site: SiteConfig) -> dict[str, Catalog]:
    """Write the templates (exit 1, writing nothing, when an article cannot be read)."""
    _stop_for_links(site)
    content = load_content(site.content_dir, site.content_dir.name)
    if content.problems:
        for found in content.problems:
            click.echo(found.as_text(), err=True)
        click.echo("Nothing was extracted: fix the files above first, so that no "
                   "translation is dropped.", err=True)
        sys.exit(1)
    templates = site_catalogs.templates(site, content.articles)
    wrap = site_catalogs.options(site).po_line_wrap
    for domain, template in templates.items():
        path = site.locales_dir / f"{domain}.pot"
        written = catalog.write_catalog(path, template, wrap)
        click.echo(f"{path}: {len(template)} messages{'' if written else ' (unchanged)'}")
    return templates


def _stop_for_links(site: SiteConfig) -> None:
    """Exit 1, reading nothing, when a symbolic link leads out of the project."""
    leaving = links_leaving(site)
    if leaving:
        for found in leaving:
            click.echo(found.as_text(), err=True)
        click.echo("Nothing was done: replace the links above with copies of their files.",
                   err=True)
        sys.exit(1)


@i18n.command()
@config_option
@click.option("--rewrap", is_flag=True, help="Wrap every file as po_line_wrap says.")
def update(config_file: Path, rewrap: bool) -> None:
    """Bring every language's PO files up to date with the POT files, as msgmerge does."""
    site = _site(config_file)
    _every_catalog_or_exit(site)
    header = site_catalogs.header(site)
    setting = site_catalogs.options(site).po_line_wrap
    for language, domain, path in site_catalogs.catalog_paths(site):
        pot = site.locales_dir / f"{domain}.pot"
        if not pot.is_file():
            raise click.UsageError(f"{pot} does not exist: run 'wellread i18n extract' first.")
        template = _read_or_exit(pot, None)
        existing = _read_or_exit(path, language) if path.is_file() else None
        updated = catalog.updated_catalog(template, existing, language, header)
        wrap, why = site_catalogs.wrap_for(path, setting, rewrap)
        click.echo(why, err=True, nl=bool(why))
        written = catalog.write_catalog(path, updated, wrap)
        stats = catalog.catalog_stats(updated, site_units(site.locales_dir))
        click.echo(f"{path}: {stats.percent}% translated{'' if written else ' (unchanged)'}")


@i18n.command()
@config_option
@click.option("--min", "minimum", type=click.IntRange(0, 100), default=None,
              help="Exit 1 if a language's content has less than this % of its words translated.")
def stats(config_file: Path, minimum: int | None) -> None:
    """How much of each language is translated (messages, and words as a share of the source)."""
    site = _site(config_file)
    lines, below = site_catalogs.stats_table(site, _every_catalog_or_exit(site), minimum)
    for line in lines:
        click.echo(line)
    if minimum is not None and below:
        click.echo(f"Below {minimum}% translated: {', '.join(sorted(set(below)))}", err=True)
        sys.exit(1)


@i18n.command(name="check")
@config_option
def check_translations(config_file: Path) -> None:
    """List translations that are not used because their markup or numbers differ from the source.

    Exits 1 when there are any, so CI can stop a catalog that drops a link or changes a dose.
    """
    site = _site(config_file)
    unusable = site_catalogs.unusable(site, _every_catalog_or_exit(site))
    for text in unusable:
        click.echo(text)
    count = len(unusable)
    click.echo(f"{count} unusable translations.", err=True)
    sys.exit(1 if count else 0)


def _read_or_exit(path: Path, language: str | None) -> Catalog:
    try:
        return catalog.read_catalog(path, language)
    except WellreadError as error:
        click.echo(str(error), err=True)
        sys.exit(1)


def _every_catalog_or_exit(site: SiteConfig) -> dict[Path, Catalog]:
    """Every language's catalogs, read; when any cannot be read, each one's problem is
    printed (not only the first) and the command exits 1."""
    read, broken = site_catalogs.read_catalogs(site)
    if broken:
        for problem in broken:
            click.echo(problem, err=True)
        click.echo(f"{len(broken)} translation file{'' if len(broken) == 1 else 's'} cannot be "
                   "read: fix them first.", err=True)
        sys.exit(1)
    return read


# -- cards ---------------------------------------------------------------------------------------
@main.command()
@config_option
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None,
              help="Processes drawing cards at once (default: one per core).")
def cards(config_file: Path, workers: int | None) -> None:
    """Render every page's social cards in every language, without building the site.

    Cards go where the build puts them (site/<lang>/assets/cards/); unchanged cards come from
    the cache. On a terminal a progress bar shows how far it has got.
    """
    from .publish.cardplan import planned_cards
    from .social.batch import render_batch
    from .social.cards.model import CardError

    site = _site(config_file)  # wellread's own options first: exit 2, with the closest name
    _stop_for_links(site)
    interactive = sys.stderr.isatty()
    languages = 0
    unreadable: list[ContentError] = []

    def refuse(error: ContentError) -> None:
        unreadable.append(error)
        click.echo(f"Error: {error}", err=True)

    restore = stop_on_signals()
    try:
        for planned in planned_cards(site, lambda text: click.echo(text, err=True), refuse):
            languages += 1
            jobs, language = planned.jobs, planned.language
            if interactive:
                with click.progressbar(
                    length=len(jobs), label=f"Cards ({language})", file=sys.stderr
                ) as bar:
                    result = render_batch(jobs, planned.layout, planned.cache, workers, bar.update)
            else:
                result = render_batch(jobs, planned.layout, planned.cache, workers)
            click.echo(f"{language}: {result.summary()}", err=True)
    except Stopped as stopped:  # the card-drawing processes are stopped by now
        click.echo(f"Cards stopped: {stopped.name} received.", err=True)
        sys.exit(stopped.exit_code)
    except CardError as error:
        raise click.ClickException(str(error)) from None
    except ConfigurationError as error:
        raise click.UsageError(str(error)) from None
    except WellreadError as error:  # a content problem: no "Usage:"
        click.echo(f"Error: {error}", err=True)
        sys.exit(error.exit_code)
    finally:
        restore()
    if not languages:
        raise click.UsageError(
            f"{config_file} does not use the wellread/social plugin (or sets enabled: false); "
            "add '- wellread/social' under plugins to make cards"
        )
    if unreadable:
        pages = "1 page" if len(unreadable) == 1 else f"{len(unreadable)} pages"
        click.echo(f"{pages} could not be read, so the cards of the others were drawn but not "
                   "theirs; fix them and run wellread cards again.", err=True)
        sys.exit(1)


# -- build -----------------------------------------------------------------------------------------
@main.command()
@config_option
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on errors (and MkDocs warnings) instead of publishing them.")
@click.option("--language", "only", default=None, metavar="CODE",
              help="Build this one language (one CI job per language): the default language "
                   "into site/, another into site/CODE/ (its captions into site/share/).")
def build(config_file: Path, strict: bool, only: str | None) -> None:
    """Build every language of the site; the old site stays in place unless the build succeeds."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .adapters.mkdocs import state
    from .adapters.mkdocs.caches import prune_caches

    site = _site(config_file)  # wellread's own options first: exit 2, with the closest name
    if only is not None and only not in site.languages:
        raise click.UsageError(
            f"--language {only}: the site's languages are {', '.join(site.languages)}."
        )
    _log_like_mkdocs()
    try:
        final = Path(load_config(str(config_file)).site_dir)
        if only is not None and only != site.default_language:
            final = final / only
        partial = final.with_name(f".{final.name}.partial")
        config = load_config(str(config_file), site_dir=str(partial), strict=strict)
    except MkDocsException as error:
        raise click.UsageError(str(error)) from None
    if only is not None:
        state.build_only_one_language(config)
        if only != site.default_language:
            state.build_in(config, only)
    _stop_for_links(site)
    old = final.with_name(f".{final.name}.old")
    if old.exists() and not final.exists():  # a swap was cut short: the old site comes back
        old.rename(final)
    shutil.rmtree(partial, ignore_errors=True)
    built, stopped = False, ""
    restore = stop_on_signals()  # CI cancels a job with SIGTERM (or SIGHUP): as Ctrl-C
    try:
        mkdocs_build(config)
        signal.pthread_sigmask(signal.SIG_BLOCK, _SWAP_BLOCKED)  # the swap is never cut short
        built = True
    except (MkDocsException, WellreadError) as error:
        click.echo(f"Build failed: {error}", err=True)
    except Stopped as signalled:
        stopped = signalled.name
        exit_code = signalled.exit_code
    except KeyboardInterrupt:
        stopped, exit_code = "Ctrl-C", 130
    finally:
        if not built:
            state.stop_other_languages(config)
            shutil.rmtree(partial, ignore_errors=True)
    if not built:
        restore()
        if stopped == "Ctrl-C":
            click.echo("Build interrupted.", err=True)
        elif stopped:
            click.echo(f"Build stopped: {stopped} received. The previous site was left as it "
                       "was.", err=True)
            sys.exit(exit_code)
        click.echo("The previous site was left as it was.", err=True)
        sys.exit(130 if stopped else 1)
    if only == site.default_language:
        state.keep_other_languages(config, final, partial)
    _swap(partial, final, old, restore)
    prune_caches(config, final, whole=only is None)
    click.echo(f"Site built in {final}/", err=True)


_SWAP_BLOCKED = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _swap(partial: Path, final: Path, old: Path, restore: Callable[[], None]) -> None:
    """Put the new site in place with two renames. Called with Ctrl-C, SIGTERM and SIGHUP
    blocked, so both renames are done; one that came meanwhile acts as usual afterwards."""
    try:
        shutil.rmtree(old, ignore_errors=True)
        if final.exists():
            final.rename(old)
        partial.rename(final)
    finally:
        restore()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SWAP_BLOCKED)
    shutil.rmtree(old, ignore_errors=True)


def _log_like_mkdocs() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

from .cli_i18n import add, compile  # noqa: E402  (they use the helpers above: imported last)
from .cli_plan import plan  # noqa: E402
from .cli_serve import serve  # noqa: E402

i18n.add_command(add)
i18n.add_command(compile)
main.add_command(plan)
main.add_command(serve)
