"""`wellread plan`: the comms team's posting plan over the next weeks, from the built site (kept
apart from cli.py, which would be over 500 lines)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from .core.errors import WellreadError

config_option = click.option(
    "--config-file", "-f", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="The site's mkdocs.yml.",
)


@click.command()
@click.option("--start", required=True, type=click.DateTime(["%Y-%m-%d"]),
              help="The plan's first day, e.g. 2027-09-01.")
@click.option("--weeks", type=click.IntRange(1, 104), default=1, show_default=True,
              help="How many weeks it covers.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("plan"),
              show_default=True, help="The folder for the plan's files.")
@config_option
def plan(start: datetime, weeks: int, out: Path, config_file: Path) -> None:
    """Plan the next weeks' posts in every language: which article goes out on which day and
    platform, at the rhythm set in mkdocs.yml (wellread/social: plan), tied to health
    observances, the urgent alert's posts first.

    Writes OUT/index.html (every post with its card), and per language calendar.ics and Buffer
    and Hootsuite files per platform. Build the site first: the captions and cards come from it.
    """
    from .cli import _site
    from .publish.planfiles import plan_files

    try:
        click.echo("\n".join(plan_files(_site(config_file), start.date(), weeks, out)), err=True)
    except WellreadError as error:  # a wrong setting exits 2, a site not built yet 1
        click.echo(f"Error: {error}", err=True)
        sys.exit(error.exit_code)
