"""The command line: parse arguments, call the library, print. Nothing else."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newstrace import __version__
from newstrace.attribution.confidence import keep_confident
from newstrace.batch.cli import register as register_batch
from newstrace.cli_entities import register as register_entities
from newstrace.cli_link import register as register_link
from newstrace.cli_options import (
    PROGRESS_MIN_INPUTS,
    db_option,
    emit,
    error_line,
    format_option,
    ner_option,
    open_db,
    source_options,
    sources_of,
)
from newstrace.errors import NewstraceError
from newstrace.export.cli import register as register_export
from newstrace.model import Article, Conflict
from newstrace.pipeline import build_pipeline
from newstrace.record import article_to_record
from newstrace.report import render_report
from newstrace.store.base import QuoteRow
from newstrace.timex.words import date_in_words
from newstrace.types import AnalysisOptions, ErrorPolicy, Failure
from newstrace.web.cli import register as register_web

if TYPE_CHECKING:
    from newstrace.link.timeline import TimelineSource


class _Main(click.Group):
    """The command group; an error of newstrace that reaches it (the store's disk is full, the
    database server went away, a bad setting) is printed as one line and exits with status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewstraceError as exc:
            where = f"{exc.input}: " if exc.input else ""
            click.echo(f"error: {where}{exc.message} [{exc.code}]", err=True)
            ctx.exit(1)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newstrace")
def main() -> None:
    """newstrace: who said what, when, citing whom, and where accounts conflict.

    \b
    Example:
      newstrace analyze page.txt --published 2024-04-03
    """


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) used to anchor relative dates.")
@format_option
@click.option("--raw", is_flag=True, help="Take the input text as it is (no cleaning); offsets index the input file.")
@click.option("--model", metavar="NAME", help="A spaCy pipeline (name or path) instead of the shipped model.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, metavar="X",
              help="Leave out statements whose confidence is below X (0-1): only the attributions newstrace is sure of.")
@ner_option
@source_options
def analyze(inputs: tuple[str, ...], published: str | None, fmt: str, raw: bool, model: str | None,
            min_confidence: float, ner: str, **sources: Any) -> None:
    """Analyse pages (files, directories, WARC files, URLs) without storing them.

    \b
    Example:
      newstrace analyze ../shared/seed/crocus-page.txt --published 2024-04-03
      newstrace analyze page.html --format json > record.json
      newstrace analyze https://example.org/news/story.html
      newstrace analyze page.html --min-confidence 0.7
    """
    _require_inputs(inputs, sources)
    pipeline = _pipeline(published, raw, model, ner)
    ok = failed = 0
    records = []
    for outcome in pipeline.run_items(sources_of(inputs, **sources)):
        if isinstance(outcome, Failure):
            failed += 1
            error_line(outcome)
            continue
        ok += 1
        if min_confidence > 0:
            outcome = keep_confident(outcome, min_confidence)
        if fmt == "text":
            click.echo(render_report(outcome, pipeline.missing, _conflicts([outcome])))
            click.echo()
        elif fmt == "jsonl":
            click.echo(json.dumps(article_to_record(outcome, stages_missing=pipeline.missing), ensure_ascii=False))
        else:
            records.append(article_to_record(outcome, stages_missing=pipeline.missing))
    if fmt == "json" and records:
        click.echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    if ok == 0 and failed:
        sys.exit(1)


def _pipeline(published: str | None, raw: bool, model: str | None, ner: str = "fast"):
    options = AnalysisOptions(published=published, keep_raw_text=raw, model=model, ner=ner, error_policy=ErrorPolicy.RECORD)
    return build_pipeline(options)  # a bad setting: one line, "error: ...: ... [code]" (_Main)


def _conflicts(articles: Iterable[Article]) -> list[Conflict]:
    from newstrace.link.conflicts import find_conflicts

    return find_conflicts(list(articles))


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs that do not state one.")
@click.option("--model", metavar="NAME", help="A spaCy pipeline (name or path) instead of the shipped model.")
@ner_option
@db_option
@source_options
def ingest(inputs: tuple[str, ...], published: str | None, model: str | None, ner: str, db: str | None,
           **sources: Any) -> None:
    """Analyse pages and store them (directories are read recursively).

    Inputs are files, directories, WARC/ARC archives and page URLs; --feed,
    --sitemap and --urls add articles listed elsewhere.

    \b
    Example:
      newstrace ingest pages/ --db news.db
      newstrace ingest crawl.warc.gz --feed https://example.org/rss.xml
    """
    _require_inputs(inputs, sources)
    pipeline = _pipeline(published, False, model, ner)
    from newstrace.service import IngestService

    store = open_db(db, create=True)
    service = IngestService(store)
    service.link_pending()  # what an earlier run stored but could not link (it stopped on a store fault)
    counts = {"stored": 0, "duplicate": 0, "copy": 0, "failed": 0}
    # Local files are listed first (paths only) so the bar knows the total; archives and URLs stream.
    items = list(sources_of(inputs, **sources)) if not _streams(inputs, sources) else sources_of(inputs, **sources)
    total = len(items) if isinstance(items, list) else None
    show = (total is None or total >= PROGRESS_MIN_INPUTS) and sys.stderr.isatty()
    progress: Any = click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True, show_eta=True) if show else _NoBar()
    try:
        with progress as bar:
            for outcome in pipeline.run_items(items):
                bar.update(1)
                done = service.take(outcome)  # a store fault raises: one line, the run stops, a rerun resumes
                counts[done.status] += 1
                if done.failure is not None:
                    error_line(done.failure)
                if done.link_error is not None:
                    click.echo(f"warning: {done.article_id}: linking failed: {done.link_error}", err=True)
    finally:
        store.close()
    click.echo(
        f"stored {counts['stored']}, duplicates {counts['duplicate']}, near-copies {counts['copy']}, failed {counts['failed']}"
    )
    if counts["stored"] + counts["duplicate"] + counts["copy"] == 0 and counts["failed"]:
        sys.exit(1)


def _require_inputs(inputs: tuple[str, ...], sources: dict[str, Any]) -> None:
    if not inputs and not (sources["feeds"] or sources["sitemaps"] or sources["url_lists"]):
        raise click.UsageError("give at least one file, directory, URL, --feed, --sitemap or --urls")


def _streams(inputs: tuple[str, ...], sources: dict[str, Any]) -> bool:
    """Whether the inputs include archives or network sources, which are read lazily."""
    from newstrace.ingest.sources import is_url, is_warc

    return bool(sources["feeds"] or sources["sitemaps"] or sources["url_lists"]) or any(
        is_url(i) or is_warc(Path(i)) for i in inputs
    )


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


@main.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most hits to show.")
@db_option
@format_option
def search(query: str, limit: int, db: str | None, fmt: str) -> None:
    """Full-text search over titles and article text.

    \b
    Example:
      newstrace search Naryshkin
    """
    with open_db(db) as store:
        hits = store.search(query, limit)
    emit(hits, fmt, lambda h: f"{h.article_id}  {h.published or '----------'}  {h.title or '(untitled)'}\n    {h.snippet}",
         empty=f"no article matches {query!r}")


@main.command()
@click.argument("article_id")
@db_option
@format_option
def show(article_id: str, db: str | None, fmt: str) -> None:
    """Show one stored article (an id or a unique prefix of one).

    \b
    Example:
      newstrace show 3f2a9c
    """
    with open_db(db) as store:
        article = store.get_article(article_id)  # not found: one line, "error: ID: ... [store.not_found]" (_Main)
        sources = store.article_sources(article.id)
    if fmt == "text":
        click.echo(render_report(article, conflicts=_conflicts([article])))
        if len(sources) > 1:
            click.echo("Also seen at: " + ", ".join(s.location for s in sources[1:]))
    else:
        record = article_to_record(article)
        record["seen_at"] = [{"kind": s.kind, "location": s.location} for s in sources]
        click.echo(json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None))


@main.command()
@click.option("--speaker", metavar="NAME", help="Only statements by speakers whose name contains NAME.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, metavar="X",
              help="Only statements whose confidence is at least X (0-1).")
@db_option
@format_option
def quotes(speaker: str | None, limit: int, min_confidence: float, db: str | None, fmt: str) -> None:
    """List stored statements: who said what, how, through whom, when.

    \b
    Example:
      newstrace quotes --speaker Naryshkin
      newstrace quotes --min-confidence 0.7
    """
    with open_db(db) as store:
        rows = store.quotes(speaker, limit, min_confidence=min_confidence)
    emit(
        rows,
        fmt,
        lambda q: f"{date_in_words(q.said_on) or (q.published or '----------')[:10]}  {_speaker_label(q)} [{q.kind}, {q.cue}"
        + (f", confidence {q.confidence:.2f}" if q.confidence is not None and q.confidence < 0.7 else "") + "]"
        + (f" via {' ← '.join(q.via)}" if q.via else "")
        + f"\n    “{q.content}”",
        empty="no statements match" if speaker or min_confidence > 0 else "no statements stored yet",
    )


def _speaker_label(q: QuoteRow) -> str:
    if q.speaker:
        return q.speaker
    if q.kind == "no_comment":
        return "(unattributed)"
    return f"(speaker unresolved; nearest candidate: {q.speaker_candidate})" if q.speaker_candidate else "(speaker unresolved)"


@main.command()
@click.option("--article", "article_id", metavar="ID", help="Only the events of one article.")
@click.option("--limit", type=click.IntRange(min=1), default=500, show_default=True)
@db_option
@format_option
def timeline(article_id: str | None, limit: int, db: str | None, fmt: str) -> None:
    """Dated events of the stored articles, in date order.

    \b
    Example:
      newstrace timeline --article 3f2a9c
    """
    from newstrace.link.timeline import rows_timeline

    with open_db(db) as store:
        rows = store.timeline(article_id, limit)
    if fmt != "text":
        emit([dict(asdict(r), when=date_in_words(r.date)) for r in rows], fmt, str)
        return
    # For a reader: dates in words, one line per event however many stored articles tell it, each
    # with who tells it and in which article.
    dated, undated = rows_timeline((r.date, r.text, r.according_to, r.article_id, r.title) for r in rows)
    if not rows:
        click.echo("no events match" if article_id else "no events stored yet")
    for e in dated + undated:
        told = "; ".join(dict.fromkeys(_told_by(s) for s in e.sources))
        click.echo(f"{e.when or 'undated'}: {e.text}  [{told}]")


def _told_by(source: TimelineSource) -> str:
    article = f"“{source.outlet}” ({source.article_id[:8]})" if source.outlet else f"article {source.article_id[:8]}"
    return f"according to {source.according_to}, in {article}" if source.according_to else f"in {article}"


@main.command()
@db_option
@format_option
def failures(db: str | None, fmt: str) -> None:
    """Inputs that failed, with the reason (those later stored are left out).

    \b
    Example:
      newstrace failures --format jsonl
    """
    with open_db(db) as store:
        rows = store.failures()
    emit(rows, fmt, lambda f: f"{f.at}  {f.input}: {f.message} [{f.code}]", empty="no failures recorded")


@main.command()
@db_option
@format_option
def stats(db: str | None, fmt: str) -> None:
    """Counts of what the store holds.

    \b
    Example:
      newstrace stats
    """
    with open_db(db) as store:
        counts = store.stats()
    if fmt == "text":
        for key, value in counts.items():
            click.echo(f"{key:<10} {value}")
    else:
        emit([counts], fmt, str)


# Commands that live next to what they drive: each package registers its own on `main`.
for _register in (register_batch, register_entities, register_export, register_link, register_web):
    _register(main)

if __name__ == "__main__":  # pragma: no cover
    main()
