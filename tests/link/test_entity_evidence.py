"""Entities across articles merge on evidence, never on initials alone, and say why."""

from __future__ import annotations

import dataclasses

from link_support import make_article

from newstrace.link import link_article
from newstrace.link.entities import link_entities
from newstrace.model import Article, Entity
from newstrace.names import acronym_fits, spelled_out
from newstrace.store import Store


def article(aid: str, text: str, *entities: tuple[str, str] | tuple[str, str, tuple[str, ...]], day: str = "2024-08-01") -> Article:
    a = make_article(aid, text, published=day, title=text[:40])
    ents = tuple(Entity(f"e{i}", e[0], e[1], e[2] if len(e) > 2 else ()) for i, e in enumerate(entities, 1))  # type: ignore[misc]
    return dataclasses.replace(a, entities=ents)


def link(store: Store, *articles: Article) -> None:
    for a in articles:
        assert store.upsert_article(a).status == "stored", a.id
        link_article(store, a)


def entity_of(store: Store, aid: str, surface: str) -> str:
    rows = store.sql.rows("SELECT entity_id FROM link_entity_members WHERE article_id = :a AND surface = :s", {"a": aid, "s": surface})  # type: ignore[attr-defined]
    assert rows, (aid, surface)
    return str(rows[0][0])


def member(store: Store, aid: str, surface: str):
    return next(m for m in store.entity_mentions(entity_of(store, aid, surface)) if m.article_id == aid and m.surface == surface)


def test_acronyms_need_spelling_out() -> None:
    assert acronym_fits("Agence France-Presse", "AFP") and not acronym_fits("Air Force", "AFP")
    assert acronym_fits("National Aeronautics and Space Administration", "NASA")
    assert spelled_out("Haniyeh was killed, Agence France-Presse (AFP) reported.") == [("Agence France-Presse", "AFP")]
    assert spelled_out("Officials at NASA (National Aeronautics and Space Administration) said") == [
        ("National Aeronautics and Space Administration", "NASA")]
    assert spelled_out("The Air Force (AFP) said") == []  # brackets that do not spell the name
    assert spelled_out("said the United Nations (UN) on Monday") == [("United Nations", "UN")]


def test_initials_alone_do_not_merge(store: Store) -> None:
    """The two wrong merges of issue 13: same initials, different entities (also when mistyped as places)."""
    link(store,
         article("w1", "Hamas leader Ismail Haniyeh was killed in Tehran, Agence France-Presse reported.",
                 ("Ismail Haniyeh", "PERSON"), ("Agence France-Presse", "ORG"), ("Ismail Haniyeh", "PLACE")),
         article("w2", "Ihtisham Hibatullah said the Air Force struck a village near Kandahar.",
                 ("Ihtisham Hibatullah", "PERSON"), ("Air Force", "ORG"), ("Ihtisham Hibatullah", "PLACE"), day="2024-08-02"))
    assert entity_of(store, "w1", "Ismail Haniyeh") != entity_of(store, "w2", "Ihtisham Hibatullah")
    assert entity_of(store, "w1", "Agence France-Presse") != entity_of(store, "w2", "Air Force")
    assert len(store.entities(query="")) == 6


def test_acronym_spelled_out_joins_later_articles_and_says_where(store: Store) -> None:
    link(store,
         article("s1", "Ismail Haniyeh was killed in Tehran, Agence France-Presse (AFP) reported.", ("Agence France-Presse", "ORG")),
         article("s2", "AFP said the talks would resume on Monday in Doha.", ("AFP", "ORG"), day="2024-08-02"),
         article("s3", "The Air Force said it flew no missions that day.", ("Air Force", "ORG"), day="2024-08-03"))
    afp = entity_of(store, "s1", "Agence France-Presse")
    assert entity_of(store, "s1", "AFP") == afp  # the spelled-out form is a name of the entity
    assert entity_of(store, "s2", "AFP") == afp
    assert entity_of(store, "s3", "Air Force") != afp
    m = member(store, "s2", "AFP")
    assert m.method == "acronym" and m.evidence_article_id == "s1" and "Agence France-Presse" in (m.evidence or "")
    assert store.lookup_entity("AFP").entity is not None and store.lookup_entity("AFP").entity.id == afp  # type: ignore[union-attr]


def test_article_spelling_out_joins_two_entities_on_file(store: Store) -> None:
    link(store,
         article("t1", "AFP said the talks would resume.", ("AFP", "ORG")),
         article("t2", "Agence France-Presse photographers covered the cycling race in the Alps.", ("Agence France-Presse", "ORG"), day="2024-08-02"))
    assert entity_of(store, "t1", "AFP") != entity_of(store, "t2", "Agence France-Presse")  # no evidence yet
    gone = entity_of(store, "t1", "AFP")
    link(store, article("t3", "Agence France-Presse (AFP) reported the talks.", ("Agence France-Presse", "ORG"), ("AFP", "ORG"), day="2024-08-03"))
    one = entity_of(store, "t2", "Agence France-Presse")
    assert entity_of(store, "t1", "AFP") == one == entity_of(store, "t3", "AFP")
    merges = store.entity_merges(one)
    assert [(g, kind, a) for g, kind, _, a, _ in merges] == [(gone, "acronym", "t3")]
    assert store.get_entity(gone).id == one  # the joined id leads to the entity it joined


def test_obama_and_barack_obama(store: Store) -> None:
    link(store,
         article("o1", "Obama told reporters the agreement would hold.", ("Obama", "PERSON")),
         article("o2", "Former President Barack Obama said the strike was a mistake.", ("Barack Obama", "PERSON", ("Former President Barack Obama",)),
                 day="2024-08-02"),
         article("o3", "Obama spoke in Chicago.", ("Obama", "PERSON"), day="2024-08-03"))
    obama = entity_of(store, "o2", "Barack Obama")
    assert entity_of(store, "o1", "Obama") == obama == entity_of(store, "o3", "Obama")
    assert store.get_entity(obama).name == "Barack Obama"
    assert member(store, "o2", "Barack Obama").method == "surname+first"
    assert member(store, "o3", "Obama").method == "surname"


def test_lone_surname_stays_apart_when_ambiguous_unless_the_story_says(store: Store) -> None:
    link(store,
         article("m1", "Barack Obama addressed the climate summit in Paris on Monday.", ("Barack Obama", "PERSON")),
         article("m2", "Michelle Obama opened a school garden in Chicago.", ("Michelle Obama", "PERSON"), day="2024-08-02"))
    barack, michelle = entity_of(store, "m1", "Barack Obama"), entity_of(store, "m2", "Michelle Obama")
    assert barack != michelle  # different first names
    link(store, article("m3", "Obama was seen at a bakery.", ("Obama", "PERSON"), day="2024-08-05"))
    assert entity_of(store, "m3", "Obama") not in (barack, michelle)  # two Obamas on file: not guessed
    # the same words as Barack's story: its story says which Obama
    link(store, article("m4", "Obama addressed the climate summit in Paris on Monday, pressing for targets.", ("Obama", "PERSON"),
                        day="2024-08-01"))
    assert entity_of(store, "m4", "Obama") == barack
    assert "story" in (member(store, "m4", "Obama").evidence or "")
    # a title the entity carried picks the person out
    link(store, article("m6", "Former President Barack Obama spoke.", ("Barack Obama", "PERSON", ("Former President Barack Obama",)),
                        day="2024-08-07"))
    link(store, article("m7", "President Obama spoke again.", ("Obama", "PERSON", ("President Obama",)), day="2024-08-08"))
    assert entity_of(store, "m7", "Obama") == barack and member(store, "m7", "Obama").method == "surname+title"


def test_surname_with_compatible_first_name_or_title(store: Store) -> None:
    link(store,
         article("p1", "Russian President Vladimir Putin said the attackers fled.", ("Vladimir Putin", "PERSON", ("Russian President Vladimir Putin",))),
         article("p2", "V. Putin visited the site.", ("V. Putin", "PERSON"), day="2024-08-02"),
         article("p3", "President Putin spoke again.", ("Putin", "PERSON", ("President Putin",)), day="2024-08-03"),
         article("p4", "Yuri Putin, a farmer, was not related.", ("Yuri Putin", "PERSON"), day="2024-08-04"))
    putin = entity_of(store, "p1", "Vladimir Putin")
    assert entity_of(store, "p2", "V. Putin") == putin and member(store, "p2", "V. Putin").method == "surname+first"
    assert entity_of(store, "p3", "Putin") == putin and member(store, "p3", "Putin").method == "surname+title"
    assert entity_of(store, "p4", "Yuri Putin") != putin  # another first name is another person


def test_every_merge_records_its_evidence(store: Store) -> None:
    link(store,
         article("r1", "Barack Obama spoke.", ("Barack Obama", "PERSON")),
         article("r2", "Barack Obama spoke again.", ("Barack Obama", "PERSON"), day="2024-08-02"))
    m = member(store, "r2", "Barack Obama")
    assert (m.method, m.evidence_article_id) == ("full", "r2") and "Barack Obama" in (m.evidence or "")
    first = member(store, "r1", "Barack Obama")
    assert first.method == "new" and first.local_id == "e1"


def test_link_entities_is_idempotent_per_article(store: Store) -> None:
    a = article("i1", "Barack Obama spoke.", ("Barack Obama", "PERSON"))
    store.upsert_article(a)
    link_entities(store, a)
    link_entities(store, a)
    (row,) = store.entities(query="Obama")
    assert row.article_count == 1


def test_acronym_and_the_one_name_it_spells_in_the_story(store: Store) -> None:
    crash = "a lorry overturned on the interstate near Sacramento on Friday, closing three lanes for hours"
    link(store,
         article("c1", f"The California Highway Patrol said {crash}.", ("California Highway Patrol", "ORG")),
         article("c2", f"The CHP said {crash}, and the driver was unhurt.", ("CHP", "ORG"), day="2024-08-02"),
         article("c3", "The CHP of the chess club elected a new chair in Oslo.", ("CHP", "ORG"), day="2024-08-02"))
    chp = entity_of(store, "c1", "California Highway Patrol")
    assert entity_of(store, "c2", "CHP") == chp and member(store, "c2", "CHP").method == "acronym"
    assert "story" in (member(store, "c2", "CHP").evidence or "")
    # another story's CHP: it now finds the acronym on file (the evidence says where it was established)
    assert entity_of(store, "c3", "CHP") == chp and member(store, "c3", "CHP").evidence_article_id == "c2"


def test_two_names_an_acronym_spells_in_one_story_are_not_guessed(store: Store) -> None:
    link(store,
         article("d1", "Agence France-Presse reported that the bus depot fire near Lyon burned through the night and destroyed buses.",
                 ("Agence France-Presse", "ORG")),
         article("d2", "The Air Force said the bus depot fire near Lyon burned through the night and destroyed four buses.",
                 ("Air Force", "ORG"), day="2024-08-02"),
         article("d3", "AF sources said the bus depot fire near Lyon burned all night and destroyed buses, firefighters said.",
                 ("AF", "ORG"), day="2024-08-02"))
    assert len({store.story_of(a) for a in ("d1", "d2", "d3")}) == 1
    assert entity_of(store, "d3", "AF") not in (entity_of(store, "d1", "Agence France-Presse"), entity_of(store, "d2", "Air Force"))
