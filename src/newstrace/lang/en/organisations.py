"""Words that make a name an organisation's ("Harris County Council") and a described source one
("the ministry said")."""

from __future__ import annotations

ORG_WORDS = frozenset(
    """council committee ministry department agency party office service services court commission bureau
    institute university association union army police government administration campaign foundation company
    corp corp. inc inc. group bank house kremlin pentagon state senate congress parliament board authority
    center centre force forces command embassy organization organisation fund federation league movement
    division unit team club network cabinet military navy firm corporation school hospital
    alliance coalition bloc nato regime junta legislature assembly tribunal co co. ltd ltd. llc plc""".split()
)

# Nouns whose "the ..." stands for an organisation or country named earlier ("the government said").
ANAPHOR_NOUNS = frozenset("government country nation ministry department agency bureau company firm alliance "
                           "administration council committee commission court party organisation organization".split())

# Nouns for what only an organisation has: "Strava's users", "Spotify's app", "Garmin, a company".
ORG_CUE_NOUNS = frozenset(
    """ceo ceos founder founders co-founder cofounder shareholders stockholders investors subscribers users
    customers clients app apps platform website site subsidiary subsidiaries headquarters stock shares
    earnings revenue profits brand startup start-up company firm business retailer manufacturer maker
    chain carrier airline lender insurer brokerage publisher newspaper magazine outlet broadcaster
    developer operator provider""".split()
)

# Leaders of an organisation: "the chief executive of Strava", "founder of Zenodo".
ORG_LEADER_NOUNS = frozenset("ceo founder co-founder cofounder chairman chairwoman chairperson executive owner".split())

# Last words of a company's or a research firm's name ("Capital Economics", "Epic Games", "Rosenberg Research",
# "Philadelphia Magazine"): a name ending so is an organisation. Apart from ORG_WORDS, which also finds
# organisations by any word of a phrase.
ORG_NAME_ENDINGS = frozenset(
    """economics research partners associates holdings media games labs laboratories technologies technology
    systems solutions magazine ventures consulting airlines airways motors pharmaceuticals pharma bancorp
    financial insurance telecom communications entertainment studios records publishing press newspapers
    inc. llp gmbh ag sa s.a. nv n.v. limited""".split()
)
