"""`newstrace export`: write the store as JSONL, CSV, JSON-LD or GEXF."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newstrace.cli_options import db_option, open_db
from newstrace.export import FORMATS, write_export


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output).")
@db_option
def export(fmt: str, output: Path | None, db: str | None) -> None:
    """Export the stored articles.

    \b
    jsonl   one article record per line (the same as `show --format json`)
    csv     one row per statement: speaker, cue, content, via, said on
    jsonld  schema.org NewsArticle items with Quotation and Claim parts
    gexf    who cites whom: speaker -> via -> outlet -> article (Gephi)
    conflicts  one conflict per line, strongest first, with its reason, the
            reader's review and each side's statements (JSON lines)

    \b
    Example:
      newstrace export --format csv -o statements.csv
      newstrace export --format gexf --db news.db > network.gexf
    """
    with open_db(db) as store:  # a newstrace error is the main group's one-line error
        if output is None:
            n = write_export(store, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with output.open("wb") as fh:
                n = write_export(store, fmt, fh)
    if output is not None:
        click.echo(f"wrote {n} {dict(csv='statements', conflicts='conflicts').get(fmt, 'articles')} to {output}", err=True)


def register(group: click.Group) -> None:
    """Add this package's command to the main group."""
    group.add_command(export)
