"""Pronouns by person, number and gender."""

from __future__ import annotations

MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
PERSONAL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
NEUTER_PRONOUNS = frozenset("it its itself".split())
FIRST_PERSON = frozenset("i we me us my our mine ours myself ourselves".split())
