"""Who a statement holds responsible and for what, read in the ways news reports blame: a quote
whose cue is the blame verb ("has accused [the government for the deaths]"), "accusing X as being
behind", "blamed the deaths on X", "attributed the blast to X", "holds X responsible for". Each
with a control that does not blame, and the conflict the reading makes possible."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article, quote  # noqa: E402

from newstrace.link.conflicts import find_conflicts  # noqa: E402
from newstrace.model import Claim  # noqa: E402


def _claims(text: str, *quotes) -> list[Claim]:
    return list(make_article("a", text, site="a.org", published="2024-05-08", quotes=tuple(quotes), claims=True).claims)


def _blame(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    (c,) = [c for c in _claims(text) if c.quote_id is None]
    return c.blames, c.blamed_for, c.exclusive


def test_a_quote_cued_by_accused_is_blame() -> None:
    """The quote stage takes "accused" for the cue and "the council for the flooding" for the
    content: the content alone names no verb of blame."""
    t = "At the hearing the residents' association has accused the council for the flooding of the estate."
    q = quote(t, "q1", "the residents' association", "the council for the flooding of the estate", "accused", speaker_kind="organization")
    (c,) = [c for c in _claims(t, q) if c.quote_id == "q1"]
    assert c.blames == ("council",) and "flood" in c.blamed_for


def test_a_quote_cued_by_a_speech_verb_blames_no_one() -> None:
    t = "At the hearing the residents' association said the council for the estate would meet on Monday."
    q = quote(t, "q1", "the residents' association", "the council for the estate would meet on Monday", "said", speaker_kind="organization")
    (c,) = [c for c in _claims(t, q) if c.quote_id == "q1"]
    assert c.blames == ()


def test_accusing_a_party_as_being_behind() -> None:
    t = "Accusing a rival clan as being behind the killings, the elders walked out of the talks."
    q = quote(t, "q1", "the elders", "a rival clan as being behind the killings", "Accusing", speaker_kind="organization")
    (c,) = [c for c in _claims(t, q) if c.quote_id == "q1"]
    assert c.blames == ("a rival clan",) or c.blames == ("rival clan",), c.blames
    assert "kill" in c.blamed_for


@pytest.mark.parametrize(
    ("text", "party", "deed"),
    [
        ("The mayor blamed the outage on the utility company.", "utility company", "outage"),
        ("Investigators attributed the derailment to a broken rail.", "broken rail", "derail"),
        ("The union holds the contractor responsible for the collapse.", "contractor", "collaps"),
    ],
)
def test_blamed_on_attributed_to_held_responsible(text: str, party: str, deed: str) -> None:
    blames, blamed_for, _ = _blame(text)
    assert party in blames and not [b for b in blames if b.startswith(deed)], (blames, blamed_for)
    assert any(w.startswith(deed) for w in blamed_for), blamed_for


@pytest.mark.parametrize(
    ("text", "party", "deed"),
    [
        ("Local militias have been widely blamed for the killings.", "local militias", "kill"),
        ("The strike was blamed on the transport union.", "transport union", None),
        ("The fault lies with the contractor, the inquiry found.", "contractor", None),
        ("The timber companies were blamed for the floods in the valley.", "timber companies", "flood"),
    ],
)
def test_blame_in_the_passive_and_lying_with(text: str, party: str, deed: str | None) -> None:
    blames, blamed_for, _ = _blame(text)
    assert blames and blames[0] == party and len(blames) == 1, blames
    assert deed is None or any(w.startswith(deed) for w in blamed_for), blamed_for


def test_a_pronoun_blamed_or_a_charge_reported_names_no_party() -> None:
    assert _blame("He said he was blamed for nothing.")[0] == ()
    assert _blame("The driver is accused of causing the crash.")[0] == ()  # a charge, not blame the statement puts


def test_solely_responsible_is_exclusive() -> None:
    blames, _, exclusive = _blame("The union holds the contractor solely responsible for the collapse.")
    assert blames == ("contractor",) and exclusive


def test_holding_talks_with_those_responsible_is_no_blame() -> None:
    assert _blame("The minister held talks with the officials responsible for the budget.")[0] == ()


def test_blame_put_on_different_parties_conflicts() -> None:
    t = "At the hearing the residents' association has accused the council for the flooding of the estate."
    a = make_article("a", t, site="a.org", published="2024-05-08", claims=True,
                     quotes=(quote(t, "q1", "the residents' association", "the council for the flooding of the estate", "accused", speaker_kind="organization"),))
    b = make_article("b", "The engineer blamed the flooding on a blocked storm drain.", site="b.org", published="2024-05-08", claims=True)
    c = make_article("c", "The engineer blamed the delays on a blocked storm drain.", site="c.org", published="2024-05-08", claims=True)
    found = [x for x in find_conflicts([a, b]) if x.kind == "blame"]
    assert found and "council" in found[0].evidence and "storm drain" in found[0].evidence, [x.evidence for x in find_conflicts([a, b])]
    assert not [x for x in find_conflicts([a, c]) if x.kind == "blame"]  # blame for another thing


@pytest.mark.parametrize(
    ("text", "party", "deed"),
    [
        ("Army officers blamed the ambush on the supply convoy on bandits from the hills.", "bandits", "ambush"),
        ("The mayor blamed the flooding of the lower town on the dam operator.", "dam operator", None),
    ],
)
def test_a_deed_with_its_own_on_is_not_the_party(text: str, party: str, deed: str | None) -> None:
    """"blamed the ambush on the convoy on bandits": the convoy is where the ambush happened, the bandits are blamed."""
    blames, blamed_for, _ = _blame(text)
    assert any(party in b for b in blames) and not any("convoy" in b for b in blames), blames
    assert deed is None or deed in blamed_for, blamed_for
