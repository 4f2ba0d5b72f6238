"""English word lists: reporting verbs, media, people, pronouns, organisations, discourse words, occasions.

Everything is lower case; verbs are lemmas. Written for newstrace by hand.
"""
