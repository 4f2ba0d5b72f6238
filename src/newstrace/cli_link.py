"""Commands over the cross-document links: stories, story, claims, conflicts, entities.

Registered on the main group by :func:`register` (newstrace/cli.py calls it).
"""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from newstrace.cli_options import db_option, emit, format_option, open_db
from newstrace.link.reviews import REVIEWS, review_name
from newstrace.timex.words import date_in_words


@click.command()
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Most stories to show.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True, help="Only stories with at least this many articles.")
@db_option
@format_option
def stories(limit: int, min_articles: int, db: str | None, fmt: str) -> None:
    """Stories: articles about the same real-world event, across outlets.

    \b
    Example:
      newstrace stories --min-articles 2
    """
    with open_db(db) as store:
        rows = store.stories(limit, min_articles)
    if fmt != "text":
        emit([dict(asdict(s), article_count=len(s.article_ids)) for s in rows], fmt, str)
        return
    for s in rows:
        span = f"{s.first_date or '?'} … {s.last_date or '?'}" if s.first_date != s.last_date else (s.first_date or "undated")
        click.echo(f"{s.id}  {len(s.article_ids):>3} articles  {span}  {s.title or '(untitled)'}")
        if s.outlets:
            click.echo(f"    outlets: {', '.join(s.outlets)}")
    if not rows:
        click.echo("no stories yet (ingest some articles)")


@click.command()
@click.argument("story_id")
@db_option
@format_option
def story(story_id: str, db: str | None, fmt: str) -> None:
    """One story: its timeline, who said what, its claims and conflicts.

    \b
    Example:
      newstrace story st000001
    """
    from newstrace.link.timeline import story_timeline

    with open_db(db) as store:
        s = store.get_story(story_id)
        articles = [store.get_article(a) for a in s.article_ids]
        claims = store.claims(200, s.id)
        sources = {c.id: store.claim_sources(c.id) for c in claims}
        conflicts = store.conflicts(s.id, 200)
    dated, undated = story_timeline(articles)
    if fmt != "text":  # json: indented; jsonl: the same object on one line
        click.echo(json.dumps({
            "story": dict(asdict(s), article_count=len(s.article_ids)),
            "articles": [{"id": a.id, "title": a.title, "published": a.published.value if a.published else None, "site": a.site} for a in articles],
            "timeline": [asdict(e) for e in dated], "undated": [asdict(e) for e in undated],
            "claims": [dict(asdict(c), sources=[asdict(x) for x in sources[c.id]]) for c in claims],
            "conflicts": [dict(asdict(c), review=review_name(c.review)) for c in conflicts],
        }, ensure_ascii=False, indent=2 if fmt == "json" else None))
        return
    click.echo(f"{s.id}: {s.title or '(untitled)'}")
    click.echo(f"{len(articles)} articles, {s.first_date or '?'} … {s.last_date or '?'}, outlets: {', '.join(s.outlets) or '?'}")
    for a in articles:
        click.echo(f"  {a.id[:12]}  {a.published.value[:10] if a.published else '----------'}  {a.site or ''}  {a.title or '(untitled)'}")
    click.echo("\nTIMELINE")
    for e in dated:
        who = "; ".join(f"{x.according_to or x.outlet or x.article_id[:8]}" for x in e.sources)
        click.echo(f"  {e.when or e.date}: {e.text}  [{who}]")
    if undated:
        click.echo(f"  ({len(undated)} undated events)")
    if not dated:
        click.echo("  (no dated events)")
    click.echo("\nWHO SAID WHAT")
    for c in claims:
        who = ", ".join(dict.fromkeys(f"{x.speaker or '?'} ({x.outlet or x.article_id[:8]})" for x in sources[c.id]))
        click.echo(f"  “{c.text}” — {who}")
    if not claims:
        click.echo("  (no statements)")
    click.echo("\nCONFLICTS (strongest first)")
    from newstrace.link.conflicts import side_lines

    for n, k in enumerate(conflicts, 1):
        click.echo(f"  {n}. {k.topic} — {k.evidence}  [{k.kind}, {k.confidence:.2f}, {review_name(k.review)}]  {k.id}")
        for line in side_lines(k.conflict()):
            click.echo(f"     {line}")
    if not conflicts:
        click.echo("  (none found)")


@click.command()
@click.option("--story", "story_id", metavar="ID", help="Only the claims of one story.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True, help="Only claims made or repeated by at least this many sources.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@db_option
@format_option
def claims(story_id: str | None, min_sources: int, limit: int, db: str | None, fmt: str) -> None:
    """Claims: the same statement made or repeated by several sources, first appearance first.

    \b
    Example:
      newstrace claims --min-sources 2
    """
    with open_db(db) as store:
        story_id = store.get_story(story_id).id if story_id else None  # a merged story's id leads to its survivor; an unknown one is an error
        rows = store.claims(limit, story_id, min_sources)
        sources = {c.id: store.claim_sources(c.id) for c in rows}
    from newstrace.link.claims import appearance

    if fmt != "text":
        out = []
        for c in rows:
            first, chain = appearance(sources[c.id])
            out.append(dict(asdict(c), sources=[asdict(x) for x in sources[c.id]], first_appearance=asdict(first) if first else None, chain=chain))  # type: ignore[call-overload]
        emit(out, fmt, str)
        return
    if not rows:
        click.echo("no claims match" if story_id or min_sources > 1 else "no claims stored yet")
    for c in rows:
        first, chain = appearance(sources[c.id])
        by = getattr(first, "speaker", None) or c.first_speaker
        click.echo(f"{c.id}  {c.source_count} source(s), first {getattr(first, 'date', None) or c.first_date or '?'} by {by or '?'}")
        click.echo(f"    “{c.text}”")
        if len(chain) > 1:
            click.echo(f"    chain: {' → '.join(chain)}")
        for x in sorted(sources[c.id], key=lambda x: x.date or "9999"):  # linked order within a day (claim_sources)
            click.echo(f"      {x.date or '----------'}  {x.speaker or '?'}  {x.outlet or x.article_id[:8]}" + ("  (first)" if x is first else ""))


@click.command()
@click.option("--story", "story_id", metavar="ID", help="Only the conflicts of one story.")
@click.option("--review", "review", type=click.Choice(["all", *REVIEWS]), default="all", show_default=True,
              help="Only the conflicts a reader has not reviewed yet, or has confirmed or dismissed.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@db_option
@format_option
def conflicts(story_id: str | None, review: str, limit: int, db: str | None, fmt: str) -> None:
    """Statements that cannot all be true, strongest first: the reason, and each side with its
    speaker, outlet, date and passage.

    \b
    Example:
      newstrace conflicts --story st000001 --format json
      newstrace conflicts --review unreviewed
    """
    from newstrace.link.conflicts import side_lines

    with open_db(db) as store:
        story_id = store.get_story(story_id).id if story_id else None  # a merged story's id leads to its survivor; an unknown one is an error
        rows = store.conflicts(story_id, limit, None if review == "all" else review)
    emit(
        rows, fmt,
        lambda c: f"{c.id}  {c.story_id or '-'}  {c.topic}  [{review_name(c.review)}]\n    {c.evidence} ({c.kind}, confidence {c.confidence:.2f})\n"
        + "\n".join(f"    {line}  [{s.article_id[:8]}{f':{s.start}' if s.start is not None else ''}]"
                    for line, s in zip(side_lines(c.conflict()), sorted(c.sides, key=lambda s: (s.position, s.date or "", s.article_id, s.start or 0)))),
        empty="no conflicts match" if story_id or review != "all" else "no conflicts found yet",
        as_json=lambda c: dict(asdict(c), review=review_name(c.review)),
    )


@click.command("review")
@click.argument("conflict_id", metavar="ID")
@click.argument("decision", type=click.Choice(["confirm", "dismiss", "reset"]))
@db_option
def review(conflict_id: str, decision: str, db: str | None) -> None:
    """Triage a conflict: confirm it, dismiss it, or reset it to unreviewed (an id or its first
    characters). The review is kept when the conflict is found again.

    \b
    Example:
      newstrace review cf-3c2a9b dismiss
    """
    with open_db(db) as store:
        row = store.review_conflict(conflict_id, {"confirm": "confirmed", "dismiss": "dismissed", "reset": None}[decision])
    click.echo(f"{row.id}  {review_name(row.review)}  {row.topic}")


@click.command()
@click.argument("name", required=False)
@click.option("--label", metavar="LABEL", help="PERSON, ORG, PLACE or GROUP.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@db_option
@format_option
def entities(name: str | None, label: str | None, limit: int, db: str | None, fmt: str) -> None:
    """Entities across articles; with NAME (or an id), its mentions and quotes over time.

    \b
    Example:
      newstrace entities --label PERSON
      newstrace entities "Vladimir Putin"
    """
    with open_db(db) as store:
        if name is None:
            rows = store.entities(limit, None, label)
            emit(rows, fmt, lambda e: f"{e.id}  {e.label:<7} {e.name}  ({e.article_count} articles, {e.first_date or '?'} … {e.last_date or '?'})"
                      + (f"\n    also: {', '.join(e.aliases)}" if e.aliases else ""),
                 empty="no entities match" if label else "no entities stored yet")
            return
        e = store.get_entity(name)
        mentions = store.entity_mentions(e.id, limit)
        quotes = store.entity_quotes(e.id, limit)
        merges = store.entity_merges(e.id)
    if fmt != "text":
        emit([dict(asdict(e), mentions=[asdict(m) for m in mentions], quotes=[asdict(q) for q in quotes],
                   merged=[dict(zip(("entity_id", "kind", "evidence", "article_id", "merged_at"), x, strict=True)) for x in merges])], fmt, str)
        return
    click.echo(f"{e.id}  {e.name} [{e.label}]  {e.article_count} articles, {e.first_date or '?'} … {e.last_date or '?'}")
    if e.aliases:
        click.echo(f"  also named: {', '.join(e.aliases)}")
    if e.titles:
        click.echo(f"  titles: {', '.join(e.titles)}")
    click.echo("MENTIONS")
    for m in mentions:
        click.echo(f"  {(m.published or '----------')[:10]}  {m.surface!r} ×{m.mentions}  [{m.method}, {m.confidence:.2f}]  {m.title or m.article_id[:8]}")
        if m.evidence and m.method != "new":  # why this mention joined the entity, and where that was seen
            seen = f" (seen in {m.evidence_article_id[:8]})" if m.evidence_article_id and m.evidence_article_id != m.article_id else ""
            click.echo(f"      because: {m.evidence}{seen}")
    if not mentions:
        click.echo("  (none)")
    for gone, kind, evidence, article_id, day in merges:
        click.echo(f"  merged {gone} on {day} [{kind}]: {evidence}" + (f" (in {article_id[:8]})" if article_id else ""))
    click.echo("QUOTES")
    for q in quotes:
        click.echo(f"  {date_in_words(q.said_on) or (q.published or '----------')[:10]}  [{q.kind}, {q.cue}] “{q.content}”")
    if not quotes:
        click.echo("  (none)")


@click.command("merge-stories")
@click.argument("into")
@click.argument("others", nargs=-1, required=True)
@db_option
def merge_stories(into: str, others: tuple[str, ...], db: str | None) -> None:
    """Merge stories the clustering kept apart into INTO (their ids then lead to INTO).

    Articles, claims and conflicts move; the moved articles are checked for
    conflicts with the rest of the merged story.

    \b
    Example:
      newstrace merge-stories st000001 st000007 st000012
    """
    from newstrace.link.linker import merge_stories as merge

    with open_db(db) as store:
        for other in others:
            found = merge(store, into, other)
            click.echo(f"merged {other} into {into} ({found} new conflicts)")
        s = store.get_story(into)
    click.echo(f"{s.id}  {len(s.article_ids)} articles  {s.title or '(untitled)'}")


def register(group: click.Group) -> None:
    for command in (stories, story, claims, conflicts, review, entities, merge_stories):
        group.add_command(command)
