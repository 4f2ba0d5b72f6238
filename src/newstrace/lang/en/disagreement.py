"""Disagreement: rebuttals, denials, claim nouns, blame and hedges. Read by newstrace.claims and
newstrace.link.conflicts.

Word opposites are deliberately absent: two statements using opposite words are not evidence of a
conflict (issue 17); what they say about the same thing is.
"""

from __future__ import annotations

import re

# Verbs (lemmas) of rebutting what someone said: "X denied Y's claim", "disputed the report".
REBUTTAL_VERBS = frozenset(
    "deny dispute refute rebut contradict contest reject dismiss challenge debunk belie counter disavow retract".split()
)
# Nouns that name a statement: the objects a rebuttal can have.
CLAIM_NOUNS = frozenset(
    "claim claims allegation allegations accusation accusations assertion assertions statement statements report reports "
    "account accounts version story stories charge charges suggestion suggestions rumour rumours rumor rumors speculation "
    "contention insistence assurance assurances information reporting narrative figure figures estimate estimates "
    "finding findings conclusion conclusions assessment allegation warning warnings".split()
)
# Words that call a statement false ("this information is completely false", "baseless").
FALSITY_WORDS = frozenset(
    "false untrue baseless unfounded groundless unsubstantiated fabricated fabrication lie lies lied lying nonsense "
    "wrong incorrect inaccurate misleading bogus fake malicious".split()
)
# Set phrases that rebut the statement they follow or name ("that is not true", "contrary to").
REBUTTAL_PHRASES = (
    "not true", "not the case", "no truth", "not accurate", "contrary to", "at odds with", "runs counter to",
    "flies in the face of", "inconsistent with", "no basis", "no evidence", "completely false", "blatantly lied",
    "smoke screen", "smoke screens",
)
# A charge and a plea against it: the two sides of a trial ("charged with arson" / "denied arson",
# "pleaded not guilty").
CHARGE_PHRASES = ("charged with", "accused of", "indicted for", "indicted on", "convicted of", "faces charges of", "faces a charge of")
PLEA_PHRASES = ("pleaded not guilty", "pleads not guilty", "plead not guilty", "not guilty plea", "not guilty pleas", "denied the charge", "denies the charge", "denied the charges", "denies the charges")
CRIMES = frozenset(
    "arson murder manslaughter assault fraud rape theft robbery burglary kidnapping terrorism corruption bribery homicide".split()
)

# Blame: words that name who is responsible for something.
BLAME_VERBS = frozenset("blame accuse attribute".split())
BLAME_NOUNS = frozenset("responsibility blame fault culprit perpetrator perpetrators".split())
BLAME_ADJECTIVES = frozenset("responsible culpable guilty to_blame".split())
# Words that make one party's responsibility exclusive ("sole responsibility", "alone").
EXCLUSIVE_WORDS = frozenset("sole solely alone only exclusively entirely".split())

# Words that make a statement assert nothing definite: a conflict needs two assertions.
HEDGES = frozenset(
    "may might could can would should possibly perhaps whether if unclear unknown unconfirmed speculation speculate speculated "
    "suspect suspected suspicion allegedly reportedly apparently presumably probably likely unlikely believe believed "
    "think thought appear appeared appears seem seemed seems maybe".split()
)
# Words of asking: a question asserts nothing.
QUESTION_WORDS = frozenset("why whether how what who which".split())
# Negative determiners and pronouns that make a count zero ("no one was killed", "no casualties").
ZERO_WORDS = frozenset("no none nobody nothing neither".split())
# Verbs that say something happened with the event as their subject ("the attack occurred").
OCCURRENCE_VERBS = frozenset("occur happen take_place take".split())
# Light verbs whose object carries the event ("carried out the strike", "launched an attack").
LIGHT_VERBS = frozenset("carry conduct launch stage mount commit make perform".split())

# Verbs of taking a position: a named subject of one of these, in the article's own words, is
# the holder of the statement ("Israel accused Hamas of ...", "Putin has tried to pin the blame").
STANCE_VERBS = frozenset(
    "blame accuse deny reject dispute insist claim maintain argue dismiss contend allege charge condemn rebut refute "
    "contradict say state tell warn admit acknowledge confirm".split()
)
STANCE_PHRASES = ("tried to pin the blame", "sought to pin the blame", "pinned the blame", "pins the blame", "tried to blame", "sought to blame", "pointed the finger", "points the finger")

# A concession after what is said or denied is background, not the claim itself: "denied that the
# prosecution was political, despite several prosecutors declining to pursue charges".
CONCESSION = re.compile(r",?\s+(?:despite|in spite of|although|even though|though|notwithstanding|regardless of)\s", re.IGNORECASE)
