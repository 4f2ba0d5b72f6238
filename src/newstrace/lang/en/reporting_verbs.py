"""Verbs (and a few nouns and phrases) that report what someone said, wrote or thought.

``SPEECH_VERBS`` is the broad lexicon the trained attribution tagger was built
with (its features read it): changing it changes the tagger's input, so it
stays as the model saw it and the finer classes below decide what counts as a
statement.
"""

from __future__ import annotations

# The tagger's lexicon: saying, writing, asserting, and believing (PolNeAR annotates beliefs too).
SPEECH_VERBS = frozenset(
    """
    say tell add state write report claim announce explain note insist argue
    assert declare acknowledge admit concede confirm deny warn suggest ask
    answer reply respond recall reveal disclose stress emphasize emphasise
    maintain contend allege mention observe remark comment tweet post
    testify predict promise vow pledge boast complain lament
    caution urge demand propose concede conclude estimate indicate point
    agree disagree accuse blame charge insist reiterate repeat continue
    describe call label brand dub characterize characterise term
    inform assure advise notify signal hint acknowledge affirm
    proclaim announce reckon joke quip shout yell scream whisper
    counter retort rebut protest object speculate theorize theorise
    believe think feel fear hope expect doubt worry
    """.split()
)

# Beliefs, perceptions, desires and expectations: what a person holds, not what they said. Not a
# statement unless it carries the person's own quoted words ("felt it was “far-fetched”").
BELIEF_VERBS = frozenset(
    """believe think feel fear hope expect doubt worry wonder know realize realise consider suspect
    assume imagine guess suppose understand see reckon trust wish want hear learn remember forget
    fret""".split()
)

# Verbs that report a communicated statement when they take a clause, a quotation or a
# characterisation: the cues a reader accepts as "X said ...".
COMMUNICATION_VERBS = (SPEECH_VERBS - BELIEF_VERBS - frozenset({"continue", "agree", "disagree", "object"})) | frozenset(
    """clarify detail highlight publish share chant speculate question recount relate
    preach teach shout concede acknowledge underline underscore reaffirm reassert repeat
    elaborate specify stipulate instruct order forecast predict project outline summarise summarize
    threaten demand request plead beg pray implore suggest recommend propose
    reject dismiss encourage define recount quote cite
    """.split()
)

# Verbs that report a statement only with a that-clause, a colon or a quotation after them
# ("maintained that ...", not "maintained the building").
NEEDS_COMPLEMENT = frozenset(
    "maintain continue point hint signal indicate observe predict estimate recall reveal answer respond "
    "add post comment mention agree disagree promise pledge vow remark repeat note state write report "
    "inform advise notify assure counter object protest".split()
)

# Verbs whose object, not a clause, is the content: "calling them “outright blackmail”".
NAMING_VERBS = frozenset("call label brand dub term characterize characterise describe".split())

# Verbs whose first object is the audience: "told reporters in Moscow that ...".
AUDIENCE_VERBS = frozenset("tell inform assure advise notify warn ask brief remind".split())

# Objects that turn a speech verb into an idiom that reports no statement.
IDIOM_OBJECTS = frozenset("responsibility credit victory asylum".split())

# Nouns that can head a reported claim: "Moscow's claims that ...".
SPEECH_NOUNS = frozenset(
    "claim claims statement assertion allegation allegations insistence suggestion warning "
    "denial announcement argument contention admission promise".split()
)

# Non-answers: a subject refuses or fails to say something.
NO_COMMENT_PATTERNS = (
    "declined to comment",
    "declined to be interviewed",
    "declined to discuss",
    "declined to elaborate",
    "declined to answer",
    "declined comment",
    "declined requests for comment",
    "declined a request for comment",
    "refused to comment",
    "did not respond to",
    "did not immediately respond to",
    "didn't respond to",
    "did not return",
    "did not immediately return",
    "didn't return",
    "could not be reached",
    "could not immediately be reached",
    "was not available for comment",
    "were not available for comment",
    "has not responded to",
    "have not responded to",
    "had not responded to",
    "did not reply to",
    "has not commented",
    "have not commented",
    "had no comment",
    "has no comment",
    "would not comment",
    "wouldn't comment",
    "would not say",
    "did not answer",
    "no comment",
)

# Irregular forms the lemmatiser may leave as they are.
IRREGULAR_FORMS = {
    "said": "say",
    "says": "say",
    "saying": "say",
    "told": "tell",
    "tells": "tell",
    "telling": "tell",
    "wrote": "write",
    "written": "write",
    "writes": "write",
    "writing": "write",
    "thought": "think",
    "felt": "feel",
    "spoke": "speak",
    "spoken": "speak",
}

# The plainest cues: a statement with one of these is as sure as its speaker.
PLAIN_CUES = frozenset({"say", "tell", "write", "add", "according", "state", "announce", "confirm"})

# Verbs by which a named source gives a figure in the article's own words ("The U.S. Geological Survey
# put the quake's strength at 5.4", "Police estimated the crowd at 30,000"): the figure is the source's.
ASSESSMENT_VERBS = (
    "put", "puts", "estimated", "estimates", "measured", "measures", "recorded", "records", "registered",
    "registers", "rated", "rates", "listed", "lists", "gauged", "gauges", "calculated", "calculates",
)

# Words that may stand between a subject and its reporting verb ("The company flat-out denied",
# "police have since firmly rejected"): auxiliaries and adverbs of time, manner and stance. A
# word here is never part of the speaker's name. Negations are left out: "never denied" is no denial.
VERB_MODIFIERS = frozenset(
    """
    has have had is was were are will would also publicly privately repeatedly since long instead
    again now first later earlier then still already initially previously subsequently quickly
    swiftly immediately promptly flatly strongly firmly categorically vehemently emphatically
    strenuously roundly sharply angrily furiously openly loudly explicitly officially formally
    reportedly allegedly consistently outright flat-out separately independently
    """.split()
)
