"""The seed page's non-optional gold entities are found with a compatible label.

One test per gold entity.  ``KNOWN_MISSES`` lists the ones the shipped model
does not find yet (measured, not tuned for: the model never saw this page and
no list of names is used); they are expected failures, so a model that finds
them shows up as XPASS.
"""

from __future__ import annotations

import json

import pytest
from _support import SEED_GOLD, fold

# Gold types -> labels the pipeline may give them.  ORG also accepts PLACE
# because seats of power are named by place (the Kremlin).
COMPATIBLE = {
    "PERSON": {"PERSON"},
    "ORG": {"ORG", "PLACE"},
    "LOC": {"PLACE"},
    "GPE": {"PLACE"},
    "PLACE": {"PLACE"},
}

# None at present.  "famous Russian sports journalist Dmitry Egorov" and "the
# state-run Interfax news agency" (names inside a noun phrase headed by a common
# noun) were misses of the recogniser; the general rules of
# newstrace.nlp.news_entities (person noun + name, name + outlet noun) find them.
KNOWN_MISSES: set[str] = set()


def _gold_entities() -> list[dict]:
    if not SEED_GOLD.exists():
        return []
    return [g for g in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["entities"] if not g.get("optional")]


def _norm(text: str) -> str:
    t = fold(text)
    return t.removeprefix("the ")


def _found(gold: dict, ents: list[tuple[str, str]]) -> bool:
    names = [gold["name"], *gold.get("aliases", [])]
    ok = COMPATIBLE.get(gold["type"], {gold["type"]})
    for text, label in ents:
        if label not in ok:
            continue
        t = _norm(text)
        for name in names:
            n = _norm(name)
            # the entity is the name (a leading "the" aside), or contains it as whole words
            if t == n or f" {n} " in f" {t} ":
                return True
    return False


@pytest.fixture(scope="module")
def seed_ents(nlp, seed_page) -> list[tuple[str, str]]:
    doc = nlp(seed_page.read_text(encoding="utf-8"))
    return [(e.text, e.label_) for e in doc.ents]


def _params():
    gold = _gold_entities()
    if not gold:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"needs {SEED_GOLD} (set NEWSTRACE_SHARED)"))]
    return [
        pytest.param(g, id=g["name"], marks=[pytest.mark.xfail(reason="known miss of the shipped model")]
                     if g["name"] in KNOWN_MISSES else [])
        for g in gold
    ]


@pytest.mark.parametrize("gold", _params())
def test_seed_entity_found(gold, seed_ents):
    assert _found(gold, seed_ents), f"{gold['name']} ({gold['type']}) not found; found {sorted(set(seed_ents))}"


def test_most_seed_entities_found(seed_ents):
    gold = _gold_entities()
    found = sum(_found(g, seed_ents) for g in gold)
    assert found >= len(gold) - len(KNOWN_MISSES)
