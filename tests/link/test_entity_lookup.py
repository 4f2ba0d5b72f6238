"""Looking an entity up by what a reader types: id, name, alias, surname, acronym; candidates when ambiguous."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from link_support import make_article

from newstrace.errors import NotFound
from newstrace.link import link_article
from newstrace.model import Entity
from newstrace.store import Store, open_store


def _article(aid: str, day: str, *entities: tuple[str, str, tuple[str, ...]]):
    text = " ".join(f"{n} spoke in parliament on {day} about the budget of region {aid}." for n, _, _ in entities)
    a = make_article(aid, text, published=day, title=f"Budget debate {aid}")
    return dataclasses.replace(a, entities=tuple(Entity(f"e{i}", n, label, al) for i, (n, label, al) in enumerate(entities, 1)))


def _fill(store: Store) -> None:
    for a in (
        _article("l1", "2024-05-01", ("Barack Obama", "PERSON", ("Obama",)), ("Agence France-Presse", "ORG", ("AFP",))),
        _article("l2", "2024-05-02", ("Barack Obama", "PERSON", ()), ("John Smith", "PERSON", ())),
        _article("l3", "2024-05-03", ("Jane Smith", "PERSON", ("Smith",))),
    ):
        store.upsert_article(a)
        link_article(store, a)


def test_lookup_by_id_name_alias_surname(store: Store) -> None:
    _fill(store)
    obama = store.lookup_entity("Barack Obama")
    assert obama.entity is not None and obama.how == "name" and obama.entity.article_count == 2
    assert store.lookup_entity(obama.entity.id).entity == obama.entity
    assert store.lookup_entity("barack obama").entity == obama.entity
    surname = store.lookup_entity("Obama")
    assert surname.entity == obama.entity and surname.how in ("alias", "surname")
    assert store.lookup_entity("President Barack Obama").entity == obama.entity  # the title is not part of the name
    assert store.lookup_entity("B. Obama").entity == obama.entity
    assert store.lookup_entity("Michelle Obama").entity is None  # a different first name is not Barack


def test_lookup_ambiguous_surname_returns_candidates(store: Store) -> None:
    _fill(store)
    smith = store.lookup_entity("Smith")
    assert smith.entity is None and smith.ambiguous
    assert sorted(r.name for r in smith.candidates) == ["Jane Smith", "John Smith"]
    assert store.lookup_entity("J. Smith").ambiguous  # both first names start with J
    assert store.lookup_entity("John Smith").entity is not None
    with pytest.raises(NotFound, match="2 entities go by this") as err:
        store.get_entity("Smith")
    assert "John Smith" in str(err.value) and "Jane Smith" in str(err.value) and "\n" not in str(err.value)


def test_lookup_unknown_and_empty(store: Store) -> None:
    _fill(store)
    assert store.lookup_entity("Nobody Atall").candidates == ()
    assert store.lookup_entity("   ").entity is None
    with pytest.raises(NotFound, match="no entity with this id, name, alias or surname"):
        store.get_entity("Nobody Atall")


def test_lookup_label_filter(store: Store) -> None:
    _fill(store)
    assert store.lookup_entity("Agence France-Presse", "ORG").entity is not None
    assert store.lookup_entity("Agence France-Presse", "PERSON").entity is None


def test_cli_entity_by_surname_and_ambiguous(tmp_path: Path) -> None:
    from newstrace.cli import main

    db = tmp_path / "t.db"
    with open_store(db) as s:
        _fill(s)
    runner = CliRunner()
    out = runner.invoke(main, ["entities", "Obama", "--db", str(db)])
    assert out.exit_code == 0 and "Barack Obama [PERSON]" in out.output, out.output
    out = runner.invoke(main, ["entities", "Smith", "--db", str(db)])
    assert out.exit_code == 1 and "Smith: 2 entities go by this" in out.output
    assert len(out.output.strip().splitlines()) == 1
    out = runner.invoke(main, ["entities", "Nobody Atall", "--db", str(db)])
    assert out.exit_code == 1 and out.output.strip() == "error: Nobody Atall: no entity with this id, name, alias or surname [store.not_found]"
