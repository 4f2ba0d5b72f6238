"""`newstrace serve`: run the reader's desk (registered on the main group by register())."""

from __future__ import annotations

import os

import click

from newstrace.cli_options import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--token",
    metavar="TOKEN",
    default=None,
    help="Allow writes (ingest a URL or an uploaded file) to requests with 'Authorization: Bearer TOKEN'. "
    "Without it the desk is read-only. Also read from $NEWSTRACE_TOKEN.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header is NAME (repeatable; '*': any, e.g. behind a proxy that checks it). "
    "By default only the bound address (and loopback names when bound to loopback) are answered: a defence against DNS rebinding.",
)
@click.option("--log-level", default="info", show_default=True, type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str | None, host: str, port: int, token: str | None, allowed_hosts: tuple[str, ...], log_level: str) -> None:
    """Serve the reader's desk: web pages and a JSON API over the store.

    \b
    Pages: / (news line, search), /stories/ID, /articles/ID, /entities/NAME.
    Data of each page: the same path under /api; schema: /openapi.json.

    \b
    Example:
      newstrace serve --db news.db --port 8000
      newstrace serve --db news.db --token "$(openssl rand -hex 16)"
    """
    try:
        import uvicorn

        from newstrace.web.app import create_app
        from newstrace.web.hosts import allowed_hosts as hosts_for
    except ModuleNotFoundError as exc:
        raise click.ClickException(f"the web desk needs {exc.name}; install newstrace with its web dependencies") from None
    token = token or os.environ.get("NEWSTRACE_TOKEN") or None
    if not token:  # a read-only desk over a database that is not there would show an empty store
        from newstrace.store import require_store

        require_store(db)
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        click.echo(f"note: serving read-only on {host}; anyone who can reach it can read the store", err=True)
    app = create_app(db, token, hosts_for(host, allowed_hosts))
    click.echo(f"newstrace desk on http://{host}:{port}/ ({'writes need the token' if token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)


def register(group: click.Group) -> None:
    """Add this package's command to the main group."""
    group.add_command(serve)
