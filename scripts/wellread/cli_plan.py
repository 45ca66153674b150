"""`wellread plan`: the comms team's posting plan over some weeks, from the built site."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .cli import _site, config_option, main
from .core.errors import ConfigurationError, WellreadError


@main.command()
@click.option("--start", "start", required=True, type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The plan's first day, e.g. 2027-09-01.")
@click.option("--weeks", type=click.IntRange(1, 104), default=1, show_default=True,
              help="How many weeks the plan covers.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("plan"),
              show_default=True, help="The folder the plan's files go to.")
@config_option
def plan(start: object, weeks: int, out: Path, config_file: Path) -> None:
    """Plan the posts of the next weeks in every language: which article goes out on which day
    and platform, at the rhythm set in mkdocs.yml (wellread/social: plan), tied to health
    observances, alert posts first.

    Writes OUT/index.html (an overview with the cards), and per language a calendar
    (calendar.ics) and Buffer and Hootsuite files per platform. Build the site first: the
    captions and cards come from it.
    """
    from .publish.commsplan import make_plan
    from .publish.planfiles import write_plan

    site = _site(config_file)
    first = start.date() if hasattr(start, "date") else date.fromisoformat(str(start))
    try:
        made = make_plan(site, first, weeks, out)
        written = write_plan(made, out)
    except ConfigurationError as error:
        raise click.UsageError(str(error)) from None
    except WellreadError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(error.exit_code)
    for note in made.skipped:
        click.echo(f"Left out: {note}", err=True)
    counts = ", ".join(f"{lang}: {len(made.posts[lang])}" for lang in made.languages)
    click.echo(f"Wrote {len(written)} files to {out}/ (posts per language: {counts}). "
               f"Open {out / 'index.html'} to read the plan.", err=True)
