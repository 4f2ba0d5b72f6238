"""Stories for the desk: the linker's stories when the store has them, else computed.

The cross-outlet linker (newstrace.link, stored by store/sqlite_links.py)
groups articles into stories (``stories``, ``get_story``, ``story_of``) and
records conflicts (``conflicts(story_id)``). An article the linker has not
placed (linking not run yet, or a store without link tables) is shown as a
story of its own, under its article id, with conflicts found on the spot by
``newstrace.link.conflicts.find_conflicts`` when that is importable. The pages
and the API only use the functions below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newstrace.errors import NotFound
from newstrace.model import Article, Conflict, Story
from newstrace.store.base import Store
from newstrace.web.reader import ArticleRow, Reader

# A story page shows at most this many articles (the newest); the API says so.
MAX_STORY_ARTICLES = 60


@dataclass(frozen=True, slots=True)
class StoryBundle:
    story: Story
    articles: list[Article]
    conflicts: list[Conflict] | None  # None: conflict finding not installed
    linked: bool  # True when the story comes from the linker


def _method(store: Store, name: str) -> Callable[..., Any] | None:
    fn = getattr(store, name, None)
    return fn if callable(fn) else None


def list_stories(store: Store, reader: Reader, limit: int = 20, offset: int = 0) -> list[Story]:
    lister = _method(store, "stories")
    if lister is not None:
        found = list(lister(limit=offset + limit))[offset:]
        if found or offset:
            return found
    # Nothing linked yet: each article stands for its own story.
    return [_single(row) for row in reader.latest(limit=limit, offset=offset)]


def _single(row: ArticleRow) -> Story:
    return Story(row.id, row.title or "", (row.id,), row.published, row.published, (row.site,) if row.site else ())


def find_conflicts(articles: list[Article]) -> list[Conflict] | None:
    try:
        from newstrace.link.conflicts import find_conflicts as finder
    except ImportError:
        return None
    return list(finder(articles))


def _linked_story(store: Store, story_id: str) -> Story | None:
    getter = _method(store, "get_story")
    if getter is None:
        return None
    try:
        return getter(story_id)
    except NotFound:
        return None


def load_story(store: Store, story_id: str, reader: Reader | None = None, review: str | None = None) -> StoryBundle:
    story = _linked_story(store, story_id)
    if story is not None:
        ids = list(story.article_ids)[-MAX_STORY_ARTICLES:]
        articles = (reader or Reader(store)).articles(ids)
        stored = _method(store, "conflicts")
        # The linker finds a story's conflicts when it links (finding them here would cost
        # seconds on a large story); a store without link tables gets them found on the spot.
        conflicts = [row.conflict() for row in stored(story_id=story.id, limit=100, review=review)] if stored is not None else find_conflicts(articles)
        return StoryBundle(story, articles, conflicts, True)
    try:
        article = store.get_article(story_id)
    except NotFound:
        raise NotFound("no story with this id", input=story_id) from None
    pub = article.published.value if article.published else None
    single = Story(article.id, article.title or "", (article.id,), pub, pub, (article.site,) if article.site else ())
    return StoryBundle(single, [article], find_conflicts([article]), False)


def stories_of_article(store: Store, article_id: str) -> list[Story]:
    story_of = _method(store, "story_of")
    if story_of is None:
        return []
    sid = story_of(article_id)
    story = _linked_story(store, sid) if sid else None
    return [story] if story else []
