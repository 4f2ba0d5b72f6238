"""Dated events: what the text says happened at a stated time, and on whose account."""

from newstrace.events.finder import find_events
from newstrace.events.timeline import timeline_of

__all__ = ["find_events", "timeline_of"]
