"""Commands that correct cross-document entities: merge-entities (join two, split a wrong merge) and
relink-entities (link every article's entities again under today's rules and the readers' decisions).

Registered on the main group by :func:`register` (newstrace/cli.py calls it).
"""

from __future__ import annotations

import click

from newstrace.cli_options import db_option, open_db


@click.command("merge-entities")
@click.argument("into", metavar="ENTITY")
@click.argument("others", nargs=-1, metavar="OTHER...")
@click.option("--split", "split", is_flag=True, help="Split instead: move the mentions named OTHER (each article's whole entity) out of ENTITY into a new one.")
@db_option
def merge_entities(into: str, others: tuple[str, ...], split: bool, db: str | None) -> None:
    """Join entities the linking kept apart into ENTITY, or split a wrong merge (--split).

    ENTITY and OTHER are ids, names, aliases or unambiguous surnames. The decision is kept: articles
    linked later and `newstrace relink-entities` follow it.

    \b
    Example:
      newstrace merge-entities "Barack Obama" en000031
      newstrace merge-entities --split "Ismail Haniyeh" "Ihtisham Hibatullah"
    """
    from newstrace.link.decisions import join_entities, split_entity

    if not others:
        raise click.UsageError("give at least one OTHER entity (to join) or name (with --split)")
    with open_db(db) as store:
        if split:
            kept, new = split_entity(store, into, others)
            click.echo(f"split {new.id} {new.name} ({new.article_count} articles) off {kept.id} {kept.name} ({kept.article_count} articles)")
            return
        for other in others:
            row = join_entities(store, into, other)
            click.echo(f"joined {other} into {row.id} {row.name} ({row.article_count} articles)")


@click.command("relink-entities")
@db_option
def relink_entities(db: str | None) -> None:
    """Link every stored article's entities again, under today's linking rules and every reader's
    merge-entities decision (stories, claims and conflicts stay as they are). Entity ids change.

    \b
    Example:
      newstrace relink-entities
    """
    from newstrace.link.decisions import relink_entities as relink

    with open_db(db) as store:
        done = relink(store)
    click.echo(f"relinked the entities of {done.articles} articles: {done.entities} entities")


def register(group: click.Group) -> None:
    for command in (merge_entities, relink_entities):
        group.add_command(command)
