"""English function words: frequent in any English paragraph, rare in other languages' text."""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    "the a an of and to in is are was were be been has have had that this these those it its for on with "
    "as by at from he she they we you his her their our but or not will would said says who which what".split()
)
