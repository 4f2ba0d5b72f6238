"""Cross-document linking: one entity, one story, one claim, and where accounts conflict.

Public API::

    link_article(store, article) -> LinkResult     # on ingest, after the article is stored
    find_conflicts(articles) -> list[Conflict]     # statements that disagree
    cluster_articles(articles) -> {story: [ids]}   # stories of a batch, without a store
    story_timeline(articles) -> (dated, undated)   # merged timeline of a story
"""

from newstrace.link.conflicts import find_conflicts
from newstrace.link.linker import LinkResult, link_article
from newstrace.link.stories import StoryOptions, cluster_articles
from newstrace.link.timeline import TimelineEntry, story_timeline

__all__ = ["LinkResult", "StoryOptions", "TimelineEntry", "cluster_articles", "find_conflicts", "link_article", "story_timeline"]
