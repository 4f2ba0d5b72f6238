"""load_nlp: the shipped model by default, any other pipeline on request."""

from __future__ import annotations

import pytest
import spacy

from newstrace.errors import ModelError
from newstrace.nlp import ENV_VAR, SHIPPED_MODEL_PATH, load_nlp, resolve_model


def test_shipped_model_is_default(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_model() == str(SHIPPED_MODEL_PATH)
    monkeypatch.setenv(ENV_VAR, "/some/where")
    assert resolve_model() == "/some/where"
    assert resolve_model("en_other") == "en_other"


def test_shipped_model_components(nlp):
    for name in ("tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner",
                 "newstrace_news_sentences", "newstrace_news_sentences_repair", "newstrace_entity_labels"):
        assert name in nlp.pipe_names
    assert nlp.pipe_names.index("newstrace_news_sentences") < nlp.pipe_names.index("parser")
    assert set(nlp.get_pipe("ner").labels) >= {"PERSON", "ORG", "PLACE"}
    assert load_nlp(str(SHIPPED_MODEL_PATH)) is nlp  # cached


def test_shipped_model_is_small():
    size = sum(p.stat().st_size for p in SHIPPED_MODEL_PATH.rglob("*") if p.is_file())
    assert size < 60 * 1024 * 1024


def test_annotations(nlp):
    doc = nlp("The officials said that the attacks were planned in Moscow.")
    said = doc[2]
    assert said.lemma_ == "say"
    assert said.pos_ == "VERB"
    assert doc[3].head.i == 7 or said.dep_ == "ROOT"
    assert [t.lemma_ for t in doc if t.text == "attacks"] == ["attack"]
    assert "Moscow" in [e.text for e in doc.ents]


def test_other_pipeline_by_path(tmp_path, monkeypatch):
    blank = spacy.blank("en")
    blank.to_disk(tmp_path / "blank")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "blank"))
    other = load_nlp()
    assert "parser" not in other.pipe_names
    doc = other("Gen. Smith arrived. He spoke.\n\nThen he left.")
    assert [s.text.strip() for s in doc.sents] == ["Gen. Smith arrived.", "He spoke.", "Then he left."]


def test_unloadable_model_raises_model_error(tmp_path):
    with pytest.raises(ModelError) as info:
        load_nlp(str(tmp_path / "nope"))
    assert "\n" not in str(info.value)
    assert info.value.code == "model"


def test_other_label_schemes_are_mapped():
    from spacy.tokens import Span

    from newstrace.nlp.labels import EntityLabels, normalize_label

    assert normalize_label("GPE") == "PLACE" and normalize_label("PER") == "PERSON"
    assert normalize_label("NORP") == "NORP"
    blank = spacy.blank("en")
    doc = blank("Reuters reported from Moscow .")
    doc.ents = [Span(doc, 0, 1, label="ORGANIZATION"), Span(doc, 3, 5, label="GPE")]
    doc = EntityLabels()(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Reuters", "ORG"), ("Moscow", "PLACE")]


def test_entities_without_a_noun_are_dropped_in_tagged_docs():
    from spacy.tokens import Doc, Span

    from newstrace.nlp.labels import EntityLabels

    blank = spacy.blank("en")
    words = ["Former", "officer", "Yuri", "Shvets", "spoke", "."]
    doc = Doc(blank.vocab, words=words, pos=["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"])
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 4, label="PERSON")]
    doc = EntityLabels()(doc)
    assert [e.text for e in doc.ents] == ["Yuri Shvets"]
    # without part-of-speech tags there is no evidence either way: nothing is dropped
    plain = blank("Former officer Yuri Shvets spoke .")
    plain.ents = [Span(plain, 0, 1, label="PERSON")]
    assert [e.text for e in EntityLabels()(plain).ents] == ["Former"]
