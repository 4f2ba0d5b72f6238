"""Entities within one article: mentions grouped under one canonical name."""

from newstrace.entities.grouping import group_mentions

__all__ = ["group_mentions"]
