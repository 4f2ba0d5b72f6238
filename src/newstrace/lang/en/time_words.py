"""Words for times: weekdays, months and the nouns of time that stand in time phrases."""

from __future__ import annotations

# Words that end a time phrase between a subject and its cue ("the ministry on Sunday confirmed").
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    morning afternoon evening night week month year weekend""".split()
)

# Month and weekday names: capitalised, but never the name of a source.
CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
