"""The cue lexicon: words and phrases that introduce reported speech.

Kept as plain data so the rules stay readable and the lexicon can grow
without touching the matching code. Everything is lower-case and lemmatised
(verbs by lemma; spaCy's lemmatiser may leave inflected forms, so
:func:`verb_lemma` also folds the common inflections itself).
"""

from __future__ import annotations

# Verbs of saying / writing / asserting that take a reported clause or quote.
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

# Cue verbs that by themselves usually report a statement (not a belief):
# used to decide whether a clause alone is enough to make a quote.
STRONG_SPEECH_VERBS = SPEECH_VERBS - frozenset(
    "believe think feel fear hope expect doubt worry continue point describe".split()
)

# Cue verbs that count only with a that-clause, a colon or a quotation after them
# ("maintained that ...", not "maintained the building").
NEEDS_COMPLEMENT = frozenset(
    "maintain continue point hint signal indicate observe predict estimate recall reveal answer respond "
    "add post comment mention agree disagree promise pledge vow remark repeat note state write report "
    "inform advise notify assure counter object protest".split()
)

# Objects that turn a speech verb into an idiom that reports no statement.
IDIOM_OBJECTS = frozenset("responsibility credit victory asylum".split())

# Verbs whose object (not a clause) is the content: "calling them “...”".
NAMING_VERBS = frozenset("call label brand dub term characterize characterise describe".split())

# Verbs after which the dative/direct object is an audience ("told reporters").
AUDIENCE_VERBS = frozenset("tell inform assure advise notify warn ask brief".split())

# Nouns that can head a reported claim: "Moscow's claims that ...".
SPEECH_NOUNS = frozenset(
    "claim claims statement assertion allegation allegations insistence suggestion warning "
    "denial announcement argument contention admission promise".split()
)

# Two-word cues whose second word is a particle/adjective: "pointed out".
PHRASAL_CUES = {
    ("point", "out"),
    ("make", "clear"),
    ("go", "on"),
}

# Multi-word cue phrases that mark the source of a clause: "according to X".
ACCORDING_TO = (("according", "to"), ("as", "reported", "by"), ("in", "the", "words", "of"))

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

# Words that make the object of a speech verb a medium, not an audience.
CHANNEL_NOUNS = frozenset(
    """
    interview statement press conference briefing speech address channel program programme
    show broadcast podcast video post tweet blog column op-ed editorial letter email e-mail
    message post posting televised television tv radio telegram twitter x facebook youtube
    instagram tiktok telegram website site newspaper magazine article report documentary
    appearance hearing testimony rally session meeting call phone call release communiqué
    remarks comments episode stream livestream segment forum summit
    """.split()
)

# Outlet words: an organisation that is a news medium.
OUTLET_WORDS = frozenset(
    """
    news agency newspaper paper magazine journal times post tribune herald gazette guardian
    telegraph reuters ap afp interfax tass ria novosti bbc cnn nbc abc cbs fox msnbc npr pbs
    bloomberg axios politico wire press daily weekly media outlet outlets broadcaster channel
    radio television tv network network24 izvestia kommersant vedomosti pravda
    """.split()
)

# Words for a report that an article may say it retells.
REPORT_NOUNS = frozenset(
    "article report story investigation piece op-ed column editorial interview analysis "
    "exclusive feature dispatch".split()
)

# Scare-quote / naming contexts: a quoted phrase right after these is a name, not speech.
NAMING_PRECEDERS = frozenset(
    "so-called dubbed termed titled entitled named nicknamed labeled labelled branded "
    "headlined called word phrase term slogan motto hashtag".split()
)

# Contrastive or narrative connectives that end carry-over of an attribution.
CARRY_BREAKERS = frozenset(
    "however but yet still meanwhile nevertheless nonetheless instead although though "
    "in fact indeed".split()
)

# Role nouns: a singular one heads a described source ("a Kremlin spokesman").
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson official minister secretary president chairman
    chairwoman chair director head chief leader governor senator representative
    ambassador envoy diplomat officer commander general admiral analyst expert source
    aide adviser advisor lawyer attorney prosecutor judge witness resident mayor
    member executive ceo founder manager reporter journalist correspondent editor author
    researcher professor economist scientist doctor official lawmaker deputy candidate
    observer activist campaigner worker employee owner co-owner partner sergeant
    """.split()
)

# Plural group nouns that head an anonymous group ("officials familiar with ...").
GROUP_NOUNS = frozenset(
    """
    officials sources analysts observers experts people residents witnesses critics
    supporters lawmakers diplomats investigators authorities officers media reports
    scientists researchers economists aides advisers advisors members leaders
    prosecutors lawyers police activists protesters voters citizens
    """.split()
)

# Titles dropped from a person's canonical name ("President Vladimir Putin").
NAME_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir president prime minister gov gov. governor
    sen sen. senator rep rep. representative gen gen. general secretary chancellor king queen
    prince princess pope rev rev. reverend judge justice mayor ambassador chairman
    former late then-president vice deputy
    """.split()
)

PERSONAL_PRONOUNS = frozenset("he she him her his hers".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
FIRST_PERSON = frozenset("i we me us".split())


_IRREGULAR = {
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


def verb_lemma(word: str, lemma: str) -> str:
    """A robust lemma: trust the model, but fold common inflections when it did not."""
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    lem = lemma.lower() if lemma else low
    if lem in SPEECH_VERBS or lem in NAMING_VERBS:
        return lem
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if low.endswith(suffix):
            cand = low[: -len(suffix)] + repl
            if cand in SPEECH_VERBS:
                return cand
    # doubled consonant: "admitted" -> "admit"
    if low.endswith(("tted", "pped", "nned", "rred")) and low[:-3] in SPEECH_VERBS:
        return low[:-3]
    return lem
