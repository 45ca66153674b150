"""`wellread serve`: the live preview for writers and translators (kept apart from cli.py, which
would be over 500 lines)."""

from __future__ import annotations

from pathlib import Path

import click

config_option = click.option(
    "--config-file", "-f", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="The site's mkdocs.yml.",
)


@click.command()
@click.option("--dev-addr", "-a", default="127.0.0.1:8000", show_default=True,
              metavar="IP:PORT", help="Where to serve the preview.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@config_option
def serve(dev_addr: str, open_browser: bool, config_file: Path) -> None:
    """Preview the site while you write, at http://127.0.0.1:8000/.

    A saved article shows on its page, with its findings in a panel, in about a second; its
    findings are printed here too. Other languages follow; the browser reloads by itself.
    Cards, leaflets, feeds and share files are made by 'wellread build', not here.
    """
    from mkdocs.exceptions import MkDocsException

    from .adapters.mkdocs.preview import Rebuilt
    from .adapters.mkdocs.preview_server import PreviewServer
    from .cli import _echo_grouped, _log_like_mkdocs, _site, _stop_for_links
    from .core.errors import WellreadError

    site = _site(config_file)  # wellread's own options first: exit 2, with the closest name
    _stop_for_links(site)
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.UsageError(f"--dev-addr {dev_addr}: give it as IP:PORT, e.g. 127.0.0.1:8000.")
    content = site.content_dir.name

    def report(rebuilt: Rebuilt) -> None:
        what = "the whole site" if rebuilt.full else ", ".join(rebuilt.pages)
        click.echo(f"{rebuilt.language}: {what} built in {rebuilt.seconds:.2f} s", err=True)
        if rebuilt.language != site.default_language:
            return  # the page's panel shows its translations' findings
        for name, found in sorted(rebuilt.findings.items()):
            if found:
                _echo_grouped(sorted(found))
            else:
                click.echo(f"{content}/{name}: no findings.")

    _log_like_mkdocs()
    try:
        PreviewServer(config_file, host.strip("[]"), int(port), report).serve(open_browser)
    except (MkDocsException, WellreadError) as error:
        raise click.ClickException(str(error)) from None
