"""`newstrace batch`: the command line of newstrace.batch (registered on the main group by register())."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newstrace.cli_options import db_option


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--workers", type=click.IntRange(min=0), default=0, help="Worker processes (0, the default: one per CPU core; with --scheduler local, Dask workers).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for a LocalCluster here.")
@db_option
@click.option("--retry-failed", is_flag=True, help="Re-run only the inputs `newstrace failures` lists (under INPUTS, if given).")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs that do not state one.")
@click.option("--model", metavar="NAME", help="A spaCy pipeline (name or path) instead of the shipped model.")
@click.option("--split-mb", type=click.FloatRange(min=0.01), default=16, show_default=True, help="Cut WARCs and JSON-lines dumps into ranges of this size.")
@click.option("--files-per-unit", type=click.IntRange(min=1), default=64, show_default=True, help="Pages of a folder analysed as one unit.")
@click.option("--write-batch", type=click.IntRange(min=1), default=200, show_default=True, help="Documents per database transaction.")
@click.option("--no-link", is_flag=True, help="Store articles without joining them to stories, claims and entities.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
def batch(
    inputs: tuple[Path, ...], workers: int, scheduler: str | None, db: str | None, retry_failed: bool, published: str | None,
    model: str | None, split_mb: float, files_per_unit: int, write_batch: int, no_link: bool, progress: bool | None,
) -> None:
    """Analyse and store many inputs in parallel; a rerun resumes where a stopped run left off.

    INPUTS are WARC files (.warc, .warc.gz), JSON-lines dumps (.jsonl: one object per line
    with url and html or text), folders of pages, or pages. Large files are cut into ranges;
    each range or group of pages is one unit of work, marked done in the store once its
    documents are written, so a run that is killed and started again skips finished units
    and stores every document exactly once.

    \b
    Example:
      newstrace batch CC-NEWS-20241124*.warc.gz --workers 8 --db news.db
      newstrace batch feeds/ --scheduler tcp://10.0.0.5:8786 --db postgresql://nt@db/news
      newstrace batch --retry-failed --db news.db
    """
    from newstrace.batch import BatchOptions, PlanOptions, run_batch
    from newstrace.pipeline import parse_published
    from newstrace.types import AnalysisOptions, ErrorPolicy

    if not inputs and not retry_failed:
        raise click.UsageError("give at least one INPUT (or --retry-failed)")
    # An error of newstrace (a bad setting, the store full or gone) ends the run with one line (cli._Main).
    if published:
        parse_published(published)
    show = sys.stderr.isatty() if progress is None else progress
    options = BatchOptions(
        workers=workers,
        scheduler=scheduler,
        db=db,
        analysis=AnalysisOptions(published=published, model=model, error_policy=ErrorPolicy.RECORD),
        plan=PlanOptions(split_bytes=int(split_mb * 1024 * 1024), files_per_unit=files_per_unit),
        write_batch=write_batch,
        retry_failed=retry_failed,
        progress=sys.stderr if show else None,
        link=not no_link,
    )
    summary = run_batch([str(p) for p in inputs], options)
    for line in summary.lines():
        click.echo(line)
    if summary.documents and summary.stored + summary.duplicate == 0:
        sys.exit(1)


def register(group: click.Group) -> None:
    """Add this package's command to the main group."""
    group.add_command(batch)
