"""Words around dates and durations that say what they are of: an event's own day, a bound of a
period, a prison term or the time served of it, how long an event lasted."""

from __future__ import annotations

# Words before a date that make it a bound of a period, not the day something happened
# ("in force until December 20", "held since 12 December", "must reply by Friday").
BOUND_WORDS = frozenset(
    """until till til since by before after from through throughout to between starting beginning
    ending effective due deadline pending""".split()
)
# Words before "the <noun> on <date>" that name another event than the clause's verb
# ("arrested on Monday for the murder on December 3"; "a week after the attack of June 5").
OTHER_EVENT_WORDS = frozenset("for after over following before since against about".split())
# Participles that open a clause of what the event led to, after a comma ("..., making for a long
# night with a playoff looming on Sunday", "..., leaving the team without a coach for Monday's
# game"): a day written after one is that later thing's, not the event's. Participles of the event
# itself ("..., killing 10 people on Sunday") are not among them.
CONSEQUENCE_PARTICIPLES = frozenset("making leaving setting paving forcing prompting sending bringing putting ending raising".split())
# Words saying the event fell at night or near a day's edge, or that a clock zone is meant: two
# dates a day apart may then both be right (local date against the wire's).
NIGHT_WORDS = frozenset(
    """overnight night nighttime midnight late early dawn predawn pre-dawn evening tonight
    gmt utc et est edt pt pst pdt cet cest bst""".split()
) | {"local time", "early hours", "time zone"}
# Words saying a date is one planned or expected, not one that happened.
SCHEDULE_WORDS = frozenset({"will", "would", "scheduled", "expected", "planned", "due to be", "set to", "is to", "are to", "plans to"})

# Verbs that hand down a prison term: their duration is the term ("sentenced to 25 years", "jailed for six").
SENTENCING_VERBS = frozenset("sentence jail imprison".split())
# Verbs that give, get or carry out many things: their duration is a term only when the words say
# so ("given a 10-year term", "serving life in prison"), not "received a three-day ration".
TERM_VERBS = SENTENCING_VERBS | frozenset("give hand receive get serve impose order".split())
# Nouns a term's verb may take as its object that are not the person sentenced.
TERM_NOUNS = frozenset("term sentence year years month months life prison jail time imprisonment".split())
# Words before a duration that make it the time served, not the term ("has served 11 years").
SERVED_WORDS = frozenset("served serving serve spent spending spend after".split())
# Words near a duration that make it a part or bound of a term, not the term: a minimum before
# parole, a suspended term, the most a charge carries.
TERM_PART_WORDS = frozenset("parole eligible eligibility minimum maximum suspended probation faces facing face carries carry up".split())
# Words saying a term is one of several counts' terms ("25 years on each count", "to run
# concurrently"): one part is not the whole sentence another source gives.
SEVERAL_COUNTS_WORDS = frozenset("count counts each concurrent concurrently consecutive consecutively respectively".split())
# The court's side of a sentence: never the person sentenced.
COURT_WORDS = frozenset("judge court jury magistrate tribunal prosecutor prosecutors prosecution justice".split())

# Verbs whose duration is how long the event went on ("the siege lasted three hours").
LENGTH_VERBS = frozenset("last take continue persist drag".split())
# Words before a duration that make it no length of the event: a period of time counted
# back or forward from it, or a rate ("in three years", "every 10 minutes", "the past two weeks").
NOT_A_LENGTH_WORDS = frozenset("in within every each per next past last within".split())
