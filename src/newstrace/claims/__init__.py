"""What each statement of an article says, read from the parse and the time and number layers.

``find_claims(article, doc)`` returns one :class:`~newstrace.model.Claim` per quote content
within a sentence and one per sentence of the article's own narration: its subject, predicate,
object and polarity (:mod:`newstrace.claims.propositions`), the figures it gives with their
ranges (:mod:`newstrace.claims.figures`), its dates (the time expressions in it), whom it
blames, and whether it rebuts another statement. The conflict finder compares claims, not words.
"""

from newstrace.claims.extract import find_claims

__all__ = ["find_claims"]
