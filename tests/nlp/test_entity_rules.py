"""The news span and type rules (newstrace.nlp.entity_rules), on entities set by hand and through the pipeline."""

from __future__ import annotations

import pytest
import spacy

from newstrace.nlp.entity_rules import EntityRules, add_dateline_infix, default_places


def _ents(text: str, marked: list[tuple[str, str]], occurrence: dict[str, int] | None = None) -> list[tuple[str, str]]:
    """Run the rules on a blank (untagged) Doc whose entities are the given phrases."""
    nlp = spacy.blank("en")
    add_dateline_infix(nlp)
    doc = nlp(text)
    spans = []
    for phrase, label in marked:
        start = text.index(phrase, (occurrence or {}).get(phrase, 0))
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    return [(e.text, e.label_) for e in EntityRules()(doc).ents]


def test_coordinated_person_names_are_split() -> None:
    assert _ents("Kamala Harris and Donald Trump met.", [("Kamala Harris and Donald Trump", "PERSON")]) == [
        ("Kamala Harris", "PERSON"), ("Donald Trump", "PERSON")]


def test_two_organisations_joined_by_and_are_split_but_one_name_with_and_is_not() -> None:
    got = _ents("research by the Migration Policy Institute and Pennsylvania State University found",
                [("Migration Policy Institute and Pennsylvania State University", "ORG")])
    assert got == [("Migration Policy Institute", "ORG"), ("Pennsylvania State University", "ORG")]
    got = _ents("the Securities and Exchange Commission fined", [("Securities and Exchange Commission", "ORG")])
    assert got == [("Securities and Exchange Commission", "ORG")]


def test_dateline_is_cut_from_the_name() -> None:
    got = _ents("WASHINGTON (CNN)President Donald Trump said", [("CNN)President Donald Trump", "PERSON")])
    assert got == [("CNN", "PERSON"), ("Donald Trump", "PERSON")] or ("Donald Trump", "PERSON") in got
    assert all(")" not in t for t, _ in got)


def test_titles_and_honorifics_stay_out_of_names() -> None:
    assert _ents("Indiana Gov. Eric Holcomb said", [("Indiana Gov. Eric Holcomb", "PLACE")]) == [("Eric Holcomb", "PERSON")]
    assert _ents("they asked Mr Pin for help", [("Mr Pin", "PERSON")]) == [("Pin", "PERSON")]
    got = _ents("US Secretary of State Antony Blinken warned", [("US Secretary of State Antony Blinken", "PERSON")])
    assert got == [("Antony Blinken", "PERSON")]
    # a title alone names nobody
    assert _ents("the US President said", [("US President", "PERSON")]) == []
    assert _ents("the Minister of Natural Resources said", [("Minister of Natural Resources", "PERSON")]) == []


def test_organisation_words_make_an_organisation() -> None:
    assert _ents("a Labor Department study", [("Labor Department", "PERSON")]) == [("Labor Department", "ORG")]
    assert _ents("worries at the Bank of Canada grew", [("Bank of Canada", "PLACE")]) == [("Bank of Canada", "ORG")]
    assert _ents("the Philippine Bureau of Fisheries and Aquatic Resources said",
                 [("Philippine Bureau of Fisheries and Aquatic", "PERSON")]) == [
        ("Philippine Bureau of Fisheries and Aquatic Resources", "ORG")]


def test_place_words_make_a_place_but_soviet_union_stays_a_place() -> None:
    assert _ents("waters near the Bashi Channel", [("Bashi Channel", "ORG")]) == [("Bashi Channel", "PLACE")]
    assert _ents("dissolved the Soviet Union", [("Soviet Union", "PLACE")]) == [("Soviet Union", "PLACE")]


def test_acronym_spelt_out_takes_the_long_forms_type_everywhere() -> None:
    text = "the Namibian Broadcasting Corporation (NBC) said. Later NBC aired it and NBC staff left."
    got = _ents(text, [("Namibian Broadcasting Corporation", "ORG"), ("NBC", "PERSON")], {"NBC": text.index("Later")})
    assert got.count(("NBC", "ORG")) == 3


def test_a_person_named_in_full_is_never_a_place_by_surname() -> None:
    text = "President Nangolo Mbumba spoke. Mbumba said the plane was late, Mbumba added."
    got = _ents(text, [("President Nangolo Mbumba", "PERSON"), ("Mbumba", "PLACE")], {"Mbumba": text.index("spoke")})
    assert got == [("Nangolo Mbumba", "PERSON"), ("Mbumba", "PERSON"), ("Mbumba", "PERSON")]


def test_a_known_place_read_as_a_person_is_a_place_unless_the_article_names_a_person_so() -> None:
    assert _ents("storms over Cape Town this weekend", [("Cape Town", "PERSON")]) == [("Cape Town", "PLACE")]
    text = "Denzel Washington arrived. Washington said he was glad."
    got = _ents(text, [("Denzel Washington", "PERSON"), ("Washington", "PERSON")], {"Washington": text.index("arrived")})
    assert got == [("Denzel Washington", "PERSON"), ("Washington", "PERSON")]


def test_acronym_read_as_place_is_an_organisation_unless_a_place_code() -> None:
    assert _ents("the FBI said", [("FBI", "PLACE")]) == [("FBI", "ORG")]
    assert _ents("trade with the UK grew", [("UK", "ORG")]) == [("UK", "PLACE")]


def test_months_and_headings_are_not_names() -> None:
    assert _ents("on Nov. 3 it said", [("Nov.", "PLACE")]) == []
    assert _ents("RISK REMAINS: An official said", [("RISK REMAINS", "PERSON")]) == []


def test_apposition_describing_a_person() -> None:
    assert _ents("says Yao Zhe, a Beijing-based researcher at", [("Yao Zhe", "ORG")]) == [("Yao Zhe", "PERSON")]


def test_gazetteer_is_loaded() -> None:
    places = default_places()
    assert "France" in places.one_word and "Cape Town" in places.many_words and "USA" in places.codes


@pytest.mark.parametrize("text,name", [
    ("WASHINGTON (CNN)President Donald Trump said on Monday that talks would go on.", "Donald Trump"),
    ("Indiana Gov. Eric Holcomb signed the bill on Tuesday.", "Eric Holcomb"),
])
def test_shipped_pipeline_keeps_titles_and_datelines_out(text: str, name: str) -> None:
    from newstrace.nlp import load_nlp

    ents = [(e.text, e.label_) for e in load_nlp()(text).ents]
    assert (name, "PERSON") in ents
    assert not any(")" in t or "Gov." in t for t, _ in ents)
