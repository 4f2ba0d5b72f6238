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
