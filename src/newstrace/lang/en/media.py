"""Words for media, outlets, documents and reports."""

from __future__ import annotations

# Nouns that make a phrase after a cue the medium a statement went out through ("in an interview",
# "on his YouTube channel", "in a statement"), not the people it was addressed to.
MEDIUM_NOUNS = frozenset(
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

# Documents that can voice a statement ("the study found", "according to a Pentagon memo").
DOCUMENT_NOUNS = frozenset(
    """study studies report reports analysis analyses survey surveys poll polls data research memo
    memorandum letter statement document documents filing filings lawsuit complaint ruling order
    indictment proclamation decree law bill treaty article presentation slideshow kit release
    review audit assessment estimate estimates figures statistics paper papers records record
    transcript affidavit guidance guidelines plan blog post website brief summary minutes notice
    """.split()
)

# Last words of the name of a document, a law or a plan ("Labour Force Survey", "Affordable Care Act", "Belt and
# Road Initiative"): such a name is no person, organisation, place or event.
NAMED_DOCUMENT_ENDINGS = frozenset(
    """survey act bill treaty index plan strategy programme program agreement accord protocol amendment
    constitution declaration charter initiative scheme framework doctrine""".split()
)
