"""Discourse words: connectives, naming contexts and question openers."""

from __future__ import annotations

# Contrastive or narrative connectives that end the carry-over of an attribution.
CARRY_BREAKERS = frozenset(
    "however but yet still meanwhile nevertheless nonetheless instead although though "
    "in fact indeed".split()
)

# Scare-quote / naming contexts: a quoted phrase right after these is a name, not speech.
NAMING_PRECEDERS = frozenset(
    "so-called dubbed termed titled entitled named nicknamed labeled labelled branded "
    "headlined called word phrase term slogan motto hashtag".split()
)

# Words that open a question put to someone, not a statement by them ("Asked whether ...",
# "When pressed on ...").
QUESTION_OPENERS = frozenset("asked pressed pushed questioned quizzed challenged".split())

# Negation words, with the curly apostrophe pages often use ("wouldn’t confirm").
NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no", "neither", "nor"})

# Words that open a question ("What has Trump said about Nato?").
QUESTION_STARTS = frozenset("what how why who whom which when where whether did does do has have is are was were will would "
                             "can could should".split())

# Openers that leave a fragment, not a proposition, when a content starts with them ("which still left ...").
FRAGMENT_OPENERS = frozenset({"which", "and", "but", "or", "nor", "whom", "whose"})
