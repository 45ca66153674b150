"""The `wellread` command's entry point: it loads the command line interface only when it runs.

A process the build starts with multiprocessing's "spawn" (the card and leaflet drawing
processes) first imports the script that started the build. When that script imported
`wellread.cli` at its top, each such process loaded the whole CLI and checker (0.5 to 1.5 s,
more on a busy machine) before it drew anything: the pool was slower than one core for the few
hundred cards of a build. Importing this module costs nothing.
"""

from __future__ import annotations


def main() -> None:
    """Run the `wellread` command (see wellread.cli)."""
    from .cli import main as cli

    cli()
