"""newstrace.nlp.meantime: MEANTIME CAT XML -> Docs for the entity recogniser.

The snippet below is written for these tests (not copied from the corpus): it
has the shapes the converter must handle -- a mention typed through REFERS_TO,
a leading "the", a role noun before a name, a nationality premodifier, a
product name, an untyped name, a pronoun, and a sentence after the fully
annotated part that only the cross-document layer touches.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from newstrace.nlp.meantime import (
    MEANTIME_TO_LABEL,
    annotated_sentences,
    convert,
    read_cat,
    to_doc,
)

_SENTENCES = [
    "Acme Corp sues Widgetco",
    "the United States Air Force said Canadian analyst Jane Roe liked the Zorb 3000 .",
    "It praised Gotham , he said in Paris .",  # "Paris": a name MEANTIME left unmarked
    "Later Acme hired John Doe in Metropolis .",
]
# mention id -> (sentence, first token, last token, syntactic_type or None, entity id or None)
_MENTIONS = {
    "m1": (0, 0, 1, "NAM", "e_acme"),
    "m2": (0, 3, 3, "NAM", "e_widget"),
    "m3": (1, 0, 4, "NAM", "e_usaf"),
    "m4": (1, 6, 6, "PRE.NAM", "e_canada"),
    "m5": (1, 6, 9, "NAM", "e_roe"),
    "m6": (1, 12, 13, "NAM", "e_zorb"),
    "m7": (2, 0, 0, "PRO", "e_usaf"),
    "m8": (2, 2, 2, "", None),
    "m9": (3, 1, 1, None, "e_acme"),  # cross-document layer only
}
_ENTITIES = {"e_acme": "ORG", "e_widget": "ORG", "e_usaf": "ORG", "e_canada": "LOC", "e_roe": "PER", "e_zorb": "PRO"}


def _cat_xml() -> str:
    tokens = []
    tid = {}
    n = 0
    for s, sent in enumerate(_SENTENCES):
        for k, word in enumerate(sent.split()):
            n += 1
            tid[(s, k)] = n
            tokens.append(f'<token t_id="{n}" sentence="{s}" number="{n - 1}">{word}</token>')
    marks = []
    for mid, (s, a, b, st, _) in _MENTIONS.items():
        st_attr = "" if st is None else f' syntactic_type="{st}"'
        anchors = "".join(f'<token_anchor t_id="{tid[(s, k)]}"/>' for k in range(a, b + 1))
        marks.append(f'<ENTITY_MENTION m_id="{mid}"{st_attr}>{anchors}</ENTITY_MENTION>')
    for eid, etype in _ENTITIES.items():
        marks.append(f'<ENTITY m_id="{eid}" ent_type="{etype}" TAG_DESCRIPTOR="x"/>')
    rels = []
    for eid in _ENTITIES:
        srcs = "".join(f'<source m_id="{mid}"/>' for mid, m in _MENTIONS.items() if m[4] == eid)
        rels.append(f'<REFERS_TO r_id="r_{eid}">{srcs}<target m_id="{eid}"/></REFERS_TO>')
    return (
        '<?xml version="1.0" ?><Document doc_id="1" doc_name="test" lang="en">'
        + "".join(tokens)
        + "<Markables>" + "".join(marks) + "</Markables>"
        + "<Relations>" + "".join(rels) + "</Relations></Document>"
    )


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "intra_cross-doc_annotation" / "corpus_test" / "1_test.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_cat_xml(), encoding="utf8")
    return path


def _doc(tmp_path: Path, unmarked_missing: bool = False) -> Doc:
    doc = to_doc(spacy.blank("en").vocab, read_cat(_write(tmp_path)), unmarked_missing)
    assert doc is not None
    return doc


def test_reads_tokens_mentions_and_types(tmp_path: Path) -> None:
    doc = read_cat(_write(tmp_path))
    assert doc.words[:4] == ["Acme", "Corp", "sues", "Widgetco"]
    assert len(doc.mentions) == len(_MENTIONS)
    assert {m.ent_type for m in doc.mentions} == {"ORG", "LOC", "PER", "PRO", None}


def test_keeps_only_the_fully_annotated_sentences(tmp_path: Path) -> None:
    # sentence 3 holds only a cross-document mention (no syntactic_type): its
    # other names ("John Doe", "Metropolis") are unmarked, so it is dropped
    assert annotated_sentences(read_cat(_write(tmp_path))) == 3
    doc = _doc(tmp_path)
    assert "Metropolis" not in doc.text
    assert len(list(doc.sents)) == 3


def test_named_spans_follow_the_gum_convention(tmp_path: Path) -> None:
    ents = [(e.text, e.label_) for e in _doc(tmp_path).ents]
    assert ents == [
        ("Acme Corp", "ORG"),
        ("Widgetco", "ORG"),
        ("United States Air Force", "ORG"),  # no leading "the"
        ("Jane Roe", "PERSON"),  # role noun and nationality adjective fall away
    ]
    assert set(MEANTIME_TO_LABEL.values()) == {"PERSON", "ORG", "PLACE"}


def test_unlabelled_names_are_missing_not_outside(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    iob = {t.text: t.ent_iob_ for t in doc}
    assert iob["Zorb"] == "" and iob["3000"] == "O"  # product (PRO): no label, capitalised token not taught as O
    assert iob["Gotham"] == ""  # a mention with no type
    assert iob["Canadian"] == "O"  # adjective, outside as in GUM
    assert iob["It"] == "O"  # pronoun
    assert iob["liked"] == "O"


def test_unmarked_names_outside_or_missing(tmp_path: Path) -> None:
    default = {t.text: t.ent_iob_ for t in _doc(tmp_path)}
    cautious = {t.text: t.ent_iob_ for t in _doc(tmp_path, unmarked_missing=True)}
    assert default["Paris"] == "O"
    assert cautious["Paris"] == ""
    assert cautious["It"] == "O"  # sentence-initial capitals stay "O"
    assert cautious["Jane"] == "B" and cautious["said"] == "O"


def test_convert_writes_a_docbin(tmp_path: Path) -> None:
    _write(tmp_path)
    out = tmp_path / "mt.spacy"
    assert convert(tmp_path, out) == 1
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert docs[0].text.startswith("Acme Corp sues Widgetco the United States Air Force said")
    assert len(docs[0].ents) == 4
