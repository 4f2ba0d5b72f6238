"""Time expressions: find every one in a news text, normalise it to a TimeML value, anchor it.

    >>> from datetime import date
    >>> from newstrace.timex import tag_timexes
    >>> [t.value for t in tag_timexes("Putin spoke on Tuesday.", dct=date(2024, 4, 3))]
    ['2024-04-02']

Rule-based and pure Python: rules (``rules/``) find candidate spans with a recipe for
their value; ``select`` keeps the longest non-overlapping ones; ``compose`` joins
offsets to their anchors and clock times to their days; ``anchor.Context`` resolves
values against the DCT, the sentence's tense and earlier expressions.
"""

from __future__ import annotations

from .tagger import tag_timexes

__all__ = ["tag_timexes"]
