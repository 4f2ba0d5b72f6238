"""The seed page's non-optional gold entities are found with a compatible label."""

from __future__ import annotations

from _support import fold

# Gold types -> labels the pipeline may give them.  ORG also accepts PLACE
# because seats of power are named by place (the Kremlin).
COMPATIBLE = {
    "PERSON": {"PERSON"},
    "ORG": {"ORG", "PLACE"},
    "LOC": {"PLACE"},
    "GPE": {"PLACE"},
    "PLACE": {"PLACE"},
}


def _norm(text: str) -> str:
    t = fold(text)
    return t[4:] if t.startswith("the ") else t


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


def test_seed_entities(nlp, seed_page, seed_gold):
    doc = nlp(seed_page.read_text(encoding="utf-8"))
    ents = [(e.text, e.label_) for e in doc.ents]
    missing = [g["name"] for g in seed_gold["entities"] if not g.get("optional") and not _found(g, ents)]
    assert not missing, f"not found: {missing}; found {sorted(set(ents))}"
