"""A reader's split of a wrong merge and join of two entities, kept for later articles and re-linking."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_entity_evidence import article, entity_of, link, member

from newstrace.errors import ConfigError, NotFound
from newstrace.link.decisions import join_entities, relink_entities, split_entity
from newstrace.store import Store, open_store


def _smiths(store: Store) -> None:
    # "J. Smith" fits John Smith (an initial that agrees): merged, but the reader knows it was Jane
    link(store,
         article("j1", "John Smith, the mayor, opened the bridge.", ("John Smith", "PERSON")),
         article("j2", "J. Smith won the chess final.", ("J. Smith", "PERSON"), day="2024-08-02"),
         article("j3", "John Smith closed the bridge again.", ("John Smith", "PERSON"), day="2024-08-03"))


def test_split_survives_later_articles_and_relinking(store: Store) -> None:
    _smiths(store)
    john = entity_of(store, "j1", "John Smith")
    assert entity_of(store, "j2", "J. Smith") == john
    kept, new = split_entity(store, john, ["J. Smith"])
    assert kept.id == john and kept.article_count == 2 and new.name == "J. Smith" and new.article_count == 1
    assert entity_of(store, "j2", "J. Smith") == new.id and member(store, "j2", "J. Smith").method == "reader"
    # a later article's "J. Smith" is not put back into John Smith
    link(store, article("j4", "J. Smith defended the chess title.", ("J. Smith", "PERSON"), day="2024-08-04"))
    assert entity_of(store, "j4", "J. Smith") != john
    done = relink_entities(store)
    assert done.articles == 4
    assert entity_of(store, "j1", "John Smith") == entity_of(store, "j3", "John Smith")
    assert entity_of(store, "j2", "J. Smith") != entity_of(store, "j1", "John Smith")
    assert entity_of(store, "j4", "J. Smith") != entity_of(store, "j1", "John Smith")


def test_split_of_a_lone_surname_is_kept_by_its_article(store: Store) -> None:
    """"Obama" alone in one article was Michelle: the name cannot tell, the article can."""
    link(store,
         article("b1", "Barack Obama spoke in Chicago.", ("Barack Obama", "PERSON", ("Obama",))),
         article("b2", "Obama planted a garden.", ("Obama", "PERSON"), day="2024-08-02"))
    barack = entity_of(store, "b1", "Barack Obama")
    assert entity_of(store, "b2", "Obama") == barack
    _, new = split_entity(store, "Barack Obama", ["Obama"])  # b1 is called Barack Obama there: it stays
    assert entity_of(store, "b1", "Obama") == barack and entity_of(store, "b2", "Obama") == new.id
    relink_entities(store)
    assert entity_of(store, "b2", "Obama") != entity_of(store, "b1", "Barack Obama")


def test_join_survives_later_articles_and_relinking(store: Store) -> None:
    link(store,
         article("f1", "Agence France-Presse reported the talks.", ("Agence France-Presse", "ORG")),
         article("f2", "AFP photographers covered the cycling race in the Alps.", ("AFP", "ORG"), day="2024-08-02"))
    afp, long = entity_of(store, "f2", "AFP"), entity_of(store, "f1", "Agence France-Presse")
    assert afp != long  # nothing spelled the acronym out, and they are of different stories
    row = join_entities(store, long, afp)
    assert row.id == long and row.article_count == 2 and "AFP" in row.aliases
    assert store.get_entity(afp).id == long  # the joined id leads on
    assert [(kind, a) for _, kind, _, a, _ in store.entity_merges(long)] == [("reader", None)]
    link(store, article("f3", "AFP said the talks continue.", ("AFP", "ORG"), day="2024-08-03"))
    assert entity_of(store, "f3", "AFP") == long
    relink_entities(store)
    one = entity_of(store, "f1", "Agence France-Presse")
    assert entity_of(store, "f2", "AFP") == one == entity_of(store, "f3", "AFP")


def test_later_decision_overrides_earlier(store: Store) -> None:
    _smiths(store)
    _, new = split_entity(store, "John Smith", ["J. Smith"])
    join_entities(store, "John Smith", new.id)  # the reader changed their mind
    relink_entities(store)
    assert entity_of(store, "j2", "J. Smith") == entity_of(store, "j1", "John Smith")


def test_bad_decisions_are_one_line_errors(store: Store) -> None:
    _smiths(store)
    with pytest.raises(NotFound, match="no entity with this id, name, alias or surname"):
        join_entities(store, "John Smith", "Nobody Atall")
    with pytest.raises(ConfigError, match="same entity"):
        join_entities(store, "John Smith", "J. Smith")
    with pytest.raises(NotFound, match="goes by Mary Smith"):
        split_entity(store, "John Smith", ["Mary Smith"])
    with pytest.raises(ConfigError, match="nothing would be left"):
        split_entity(store, "John Smith", ["John Smith", "J. Smith"])


def test_cli_merge_entities_and_relink(tmp_path: Path) -> None:
    from newstrace.cli import main

    db = tmp_path / "t.db"
    with open_store(db) as s:
        _smiths(s)
    runner = CliRunner()
    out = runner.invoke(main, ["merge-entities", "--split", "John Smith", "J. Smith", "--db", str(db)])
    assert out.exit_code == 0 and "split" in out.output and "J. Smith" in out.output, out.output
    out = runner.invoke(main, ["relink-entities", "--db", str(db)])
    assert out.exit_code == 0 and "relinked the entities of 3 articles" in out.output, out.output
    out = runner.invoke(main, ["entities", "J. Smith", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0 and '"article_count": 1' in out.output
    out = runner.invoke(main, ["merge-entities", "John Smith", "J. Smith", "--db", str(db)])
    assert out.exit_code == 0 and "joined J. Smith into" in out.output, out.output
    out = runner.invoke(main, ["merge-entities", "John Smith", "Nobody Atall", "--db", str(db)])
    assert out.exit_code == 1 and out.output.strip() == "error: Nobody Atall: no entity with this id, name, alias or surname [store.not_found]"
    out = runner.invoke(main, ["merge-entities", "John Smith", "--db", str(db)])
    assert out.exit_code == 2 and "give at least one OTHER" in out.output
    for cmd in ("merge-entities", "relink-entities"):
        out = runner.invoke(main, [cmd, "--help"])
        assert out.exit_code == 0 and "Example:" in out.output
