"""Occasions: nouns that name events, as the time-expression rules read them."""

from __future__ import annotations

#: Nouns that name a recurring event: a year after them is the edition's year ("Conference 2010",
#: "Games 2024"), where a year after another capitalised word is part of a name ("Windows 2000").
EVENT_NAME_WORDS: frozenset[str] = frozenset(
    "conference summit games olympics paralympics open cup championship championships expo exposition "
    "festival awards election elections census congress convention forum fair show week marathon prix "
    "tournament series classic derby league season assembly session meeting ceremony biennale world".split()
)

#: Occasions set in advance: a past-tense sentence can name a date of theirs still to come
#: ("gave no reason for the Jan. 14 deadline"), so naming one does not make a date past.
PLANNED_OCCASIONS: frozenset[str] = frozenset(
    "deadline date target vote election poll ballot referendum meeting summit hearing trial session "
    "conference debate launch release start opening visit talk inauguration expiry maturity payment "
    "dividend record closing holiday ceremony match game race".split()
)

#: Verbs that set or move a date rather than happen on it: a past form of them ("has set Nov. 10 as
#: the deadline", "scheduled a news conference Thursday") says nothing of whether the date is past.
PLANNING_VERBS: frozenset[str] = frozenset(
    "set schedule reschedule plan slate book fix call invite extend postpone delay move push defer "
    "advance announce expect agree arrange propose designate target earmark".split()
)

#: Past forms that say an event took place on the date after them ("the riots broke out on July 6"):
#: the date is the event's, as in "the riots on July 6".
HAPPENED_VERBS: tuple[str, ...] = (
    "broke out", "began", "started", "took place", "happened", "occurred", "erupted", "ended", "was held",
    "were held", "unfolded",
)
