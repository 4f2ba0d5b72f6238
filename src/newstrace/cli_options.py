"""What the command-line modules share: the common options and how results are printed.

Every package's cli.py builds its commands from these and exposes ``register(group)``; the main
group (newstrace/cli.py) calls each register. No command module imports the main CLI.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newstrace.errors import NewstraceError
from newstrace.types import Failure

if TYPE_CHECKING:
    from newstrace.store import Store

T = TypeVar("T")

FORMATS = click.Choice(["text", "json", "jsonl"])
# From this many inputs a progress bar (on a terminal) is worth its noise.
PROGRESS_MIN_INPUTS = 4


DB_HELP = "The store: a SQLite file or a postgresql:// URL (default: $NEWSTRACE_DB, else newstrace.db in the user data directory)."


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--db``, the same on every command that opens the store."""
    return click.option("--db", "db", default=None, metavar="PATH|URL", help=DB_HELP)(f)


def format_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=FORMATS, default="text", show_default=True, help="Output format.")(f)


def ner_option(f: Callable[..., Any]) -> Callable[..., Any]:
    from newstrace.types import NER_CHOICES

    return click.option(
        "--ner", type=click.Choice(NER_CHOICES), default="fast", show_default=True,
        help="Entity recogniser: the fast default, or 'accurate' (pretrained MiniLM encoder; needs the embeddings extra, slower).",
    )(f)


def _networks(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    from newstrace.ingest.http import allowed_networks

    try:
        allowed_networks(values)
    except NewstraceError as exc:
        raise click.BadParameter(exc.message.removeprefix("allowed private network "), ctx, param) from None
    return values


def source_options(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS/Atom feed; its articles are fetched."),
        click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="A (news) sitemap or sitemap index."),
        click.option("--urls", "url_lists", multiple=True, type=click.Path(path_type=Path), metavar="FILE", help="A file with one URL per line."),
        click.option(
            "--allow-private",
            "allow_private",
            multiple=True,
            metavar="NETWORK",
            callback=_networks,
            help="Allow URLs on this non-public network (127.0.0.0/8, 10.0.0.0/8; repeatable). "
            "Link-local and cloud metadata addresses are never fetched.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def sources_of(inputs: tuple[str, ...], feeds: tuple[str, ...], sitemaps: tuple[str, ...], url_lists: tuple[Path, ...], allow_private: tuple[str, ...]):
    from newstrace.ingest.sources import SourceOptions, iter_sources

    return iter_sources(inputs, SourceOptions(feeds=feeds, sitemaps=sitemaps, url_lists=url_lists, allow_private=allow_private))


def plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def emit(rows: Sequence[Any], fmt: str, as_text: Callable[[Any], str], empty: str | None = None,
         as_json: Callable[[Any], Any] = plain) -> None:
    """Print rows as JSON, JSON lines or text; ``empty`` is the text said when there are none
    (a listing that prints nothing leaves a reader wondering whether it ran); ``as_json`` makes a
    row's JSON object (default: its fields as they are)."""
    if fmt == "json":
        click.echo(json.dumps([as_json(r) for r in rows], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(as_json(r), ensure_ascii=False))
    else:
        for r in rows:
            click.echo(as_text(r))
        if not rows and empty:
            click.echo(empty)


def error_line(failure: Failure) -> None:
    click.echo(f"error: {failure.input}: {failure.message} [{failure.code}]", err=True)


def open_db(db: str | None, *, create: bool = False) -> Store:
    """The store ``--db`` names. Only commands that write (``create=True``) make a new database;
    a command that reads a database that is not there fails with one line naming it."""
    from newstrace.store import open_store

    return open_store(db, create=create)



