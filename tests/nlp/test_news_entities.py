"""newstrace_news_entities: outlet and person names inside common-noun phrases.

Most tests run the component alone on Docs from a blank English pipeline, with
entities (and, where a test says so, tags) set by hand, so they check the rules
and not the shipped model; the last ones run the whole shipped pipeline.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newstrace.nlp import ENV_VAR, load_nlp
from newstrace.nlp.labels import FACTORY as LABELS_FACTORY
from newstrace.nlp.news_entities import (
    FACTORY,
    NewsEntities,
    default_lexicon,
    parse_lexicon,
)

_blank: Language = spacy.blank("en")
_component = NewsEntities(_blank)


def _ents(text: str, preset: tuple[tuple[str, str], ...] = (), pos: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Run the component on ``text``; ``preset`` entities (text, label) stand for the
    recogniser's, ``pos`` tags words (all others get X) to exercise the tagged mode."""
    doc = _blank.make_doc(text)
    if pos is not None:
        for tok in doc:
            tok.pos_ = pos.get(tok.text, "X")
    spans = []
    for name, label in preset:
        start = doc.text.index(name)
        span = doc.char_span(start, start + len(name), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    return [(e.text, e.label_) for e in _component(doc).ents]


def test_name_before_an_outlet_noun_is_org():
    assert _ents("Officials told the Lantern news agency that talks had stalled.") == [("Lantern", "ORG")]
    assert _ents("The Morning Ledger daily printed the letter.") == [("Morning Ledger", "ORG")]


def test_name_after_an_outlet_noun_is_org():
    assert _ents("The story was first aired by the broadcaster Radio Zeta on Monday.") == [("Radio Zeta", "ORG")]


def test_outlet_described_by_place_is_not_named():
    # "a <Place> newspaper" classifies the paper; it does not name it
    assert _ents("A spokesperson told a Denver newspaper that the plant would close.") == []
    assert _ents("She wrote for a small Ohio weekly.") == []


def test_weekday_and_plural_outlet_nouns_are_not_names():
    assert _ents("The mayor told the paper Tuesday that he would resign.") == []
    assert _ents("Several Lisbon newspapers ran the photo.") == []


def test_two_name_words_after_a_role_noun_are_a_person():
    assert _ents("The minister thanked veteran reporter Anna Kowalski for her questions.") == [
        ("Anna Kowalski", "PERSON")
    ]
    assert _ents("He spoke to his brother Tomas Varga last week.") == [("Tomas Varga", "PERSON")]


def test_one_name_word_or_a_capitalised_role_is_not_enough():
    assert _ents("The minister thanked reporter Kowalski for her questions.") == []
    # capitalised role nouns are titles, which the recogniser keeps inside the name
    assert _ents("Reporter Anna Kowalski asked the first question.") == []


def test_rules_do_not_touch_the_recognisers_entities():
    preset = (("Anna", "PERSON"),)
    assert _ents("The minister thanked reporter Anna Kowalski for her questions.", preset) == [("Anna", "PERSON")]
    preset = (("Lantern News Service", "ORG"),)
    text = "Officials told the Lantern News Service agency that talks had stalled."
    assert _ents(text, preset) == [("Lantern News Service", "ORG")]


def test_known_outlet_is_org_and_corrects_the_label():
    assert _ents("Prices rose, Reuters reported.") == [("Reuters", "ORG")]
    assert _ents("Prices rose, Reuters reported.", (("Reuters", "PLACE"),)) == [("Reuters", "ORG")]
    # a place name inside the outlet's name gives way to the whole name
    text = "The Los Angeles Times first reported the deal."
    assert _ents(text, (("Los Angeles", "PLACE"),)) == [("Los Angeles Times", "ORG")]


def test_known_outlet_inside_a_longer_name_is_left_alone():
    assert _ents("She works for the BBC World Service in London.", (("BBC World Service", "ORG"),)) == [
        ("BBC World Service", "ORG")
    ]
    assert _ents("Students sat the AP Biology exam.") == []


def test_tagged_mode_needs_proper_nouns_and_stops_before_a_modified_noun():
    pos = {"Lantern": "NOUN", "news": "NOUN", "agency": "NOUN"}
    assert _ents("Officials told the Lantern news agency nothing.", pos=pos) == []
    pos = {"newspaper": "NOUN", "Ta": "PROPN", "Nea": "PROPN", "site": "NOUN"}
    assert _ents("It was on the newspaper Ta Nea site today.", pos=pos) == []
    pos = {"reporter": "NOUN", "Anna": "PROPN", "Kowalski": "PROPN", "asked": "VERB"}
    assert _ents("Then reporter Anna Kowalski asked again.", pos=pos) == [("Anna Kowalski", "PERSON")]


def test_lexicon_format():
    lex = parse_lexicon("# note\n[outlets]\nDaily Lantern  # a paper\n\n[outlet_nouns]\nAgency\n[person_nouns]\nreporter\n")
    assert lex.outlets == ("Daily Lantern",)
    assert lex.outlet_nouns == frozenset({"agency"}) and lex.person_nouns == frozenset({"reporter"})
    shipped = default_lexicon()
    assert shipped.outlets and shipped.outlet_nouns and shipped.person_nouns
    # spans leave out a leading article, so the names must too
    assert not [n for n in shipped.outlets if n.split()[0] in ("The", "the")]


def test_added_to_any_loaded_pipeline(tmp_path, monkeypatch):
    spacy.blank("en").to_disk(tmp_path / "blank")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "blank"))
    other = load_nlp()
    names = other.pipe_names
    assert names.index(FACTORY) < names.index(LABELS_FACTORY)
    doc = other("Officials told the Lantern news agency that talks had stalled.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Lantern", "ORG")]


def test_shipped_pipeline_order_and_sentences(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index(FACTORY) < names.index(LABELS_FACTORY)
    doc: Doc = nlp("The minister thanked reporter Anna Kowalski for her questions. "
                   "Officials later told the Lantern news agency that talks had stalled.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Anna Kowalski", "PERSON") in ents and ("Lantern", "ORG") in ents
    assert all(isinstance(e, Span) for e in doc.ents)
