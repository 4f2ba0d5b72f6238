"""Cross-document linking: one entity, one story, one claim, and where accounts conflict.

Public API::

    link_article(store, article) -> LinkResult     # on ingest, after the article is stored
    find_conflicts(articles) -> list[Conflict]     # statements that disagree
    cluster_articles(articles) -> {story: [ids]}   # stories of a batch, without a store
    story_timeline(articles) -> (dated, undated)   # merged timeline of a story

The names load on first use: the store implements link.storage's interface and imports it,
without loading the linker.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newstrace.link.conflicts import find_conflicts
    from newstrace.link.linker import LinkResult, link_article
    from newstrace.link.stories import StoryOptions, cluster_articles
    from newstrace.link.timeline import TimelineEntry, story_timeline

_WHERE = {
    "find_conflicts": "conflicts",
    "LinkResult": "linker",
    "link_article": "linker",
    "StoryOptions": "stories",
    "cluster_articles": "stories",
    "TimelineEntry": "timeline",
    "story_timeline": "timeline",
}

__all__ = ["LinkResult", "StoryOptions", "TimelineEntry", "cluster_articles", "find_conflicts", "link_article", "story_timeline"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"newstrace.link.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'newstrace.link' has no attribute {name!r}")
