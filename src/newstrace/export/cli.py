"""`newstrace export`: write the store's articles, statements, stories, claims or conflicts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newstrace.cli_options import db_option, open_db
from newstrace.export import DEFAULT_KIND, FORMATS, KINDS, resolve, write_export


@click.command()
@click.argument("what", required=False, type=click.Choice(KINDS))
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output).")
@click.option("--story", "story", metavar="ID", help="Only one story: its articles, statements, claims and conflicts (an id or its first characters).")
@db_option
def export(what: str | None, fmt: str, output: Path | None, story: str | None, db: str | None) -> None:
    """Export the store: WHAT is articles, statements, stories, claims or conflicts.

    \b
    jsonl   one record per line (articles: the same as `show --format json`)
    csv     one row per article, statement or story; per source of a claim;
            per side of a conflict (with its reason, confidence and review)
    jsonld  the articles as schema.org NewsArticle items with Quotation and
            Claim parts; each person, organisation and place once
    gexf    who cites whom (Gephi): speaker -> via -> outlet -> article, one
            node per entity of the store, statements and dates on each edge
    conflicts  the conflicts as JSON lines (the same as `export conflicts --format jsonl`)

    Without WHAT: jsonl exports the articles, csv the statements.

    \b
    Example:
      newstrace export --format csv -o statements.csv
      newstrace export conflicts --format csv -o conflicts.csv
      newstrace export claims --format jsonl --db news.db
      newstrace export --format gexf --db news.db > network.gexf
      newstrace export conflicts --story st000001 --format csv
    """
    resolve(fmt, what)  # a pair that does not exist fails before a file is opened
    with open_db(db) as store:  # a newstrace error is the main group's one-line error
        if story:
            story = store.get_story(story).id  # an unknown story fails before a file is opened
        if output is None:
            n = write_export(store, fmt, sys.stdout.buffer, what, story)
            sys.stdout.buffer.flush()
        else:
            with output.open("wb") as fh:
                n = write_export(store, fmt, fh, what, story)
    if output is not None:
        click.echo(f"wrote {n} {what or DEFAULT_KIND[fmt]} to {output}", err=True)


def register(group: click.Group) -> None:
    """Add this package's command to the main group."""
    group.add_command(export)
