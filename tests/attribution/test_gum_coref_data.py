"""The GUM coreference reader (benchmarks/gum_coref_data.py) on a CoNLL-U document written for the test."""

from __future__ import annotations

import sys
from pathlib import Path

from _support import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

from gum_coref_data import Mention, read_gum_document  # noqa: E402

# Columns separated by spaces here for reading; the test turns them into tabs. It has a nested opening
# pair on one token, a multi-word token ("mayor's"), one-token mentions, closings of two mentions on one
# token ("...-sgl)5)") and a paragraph break.
TOY = """\
# newdoc id = GUM_toy_visit
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# newpar
# sent_id = toy-1
1 Mary Mary PROPN NNP _ 3 nsubj _ Entity=(1-person-new-sssss-cf1-1,2-coref-Mary_Smith
2 Smith Smith PROPN NNP _ 1 flat _ Entity=1)
3 met meet VERB VBD _ 0 root _ _
4 the the DET DT _ 6 det _ Entity=(2-person-new-nnnnn-cf2-3-coref(3-person-new-nnnnn-cf3-2-coref
5 new new ADJ JJ _ 6 amod _ _
6-7 mayor's _ _ _ _ _ _ _ _
6 mayor mayor NOUN NN _ 8 nmod:poss _ Entity=3)
7 's 's PART POS _ 6 case _ _
8 aide aide NOUN NN _ 3 obj _ Entity=2)|SpaceAfter=No
9 . . PUNCT . _ 3 punct _ _

# sent_id = toy-2
1 She she PRON PRP _ 2 nsubj _ Entity=(1-person-giv:act-sssss-cf1-1-ana)
2 thanked thank VERB VBD _ 0 root _ _
3 him he PRON PRP _ 2 obj _ Entity=(2-person-giv:act-nnnnn-cf2-1-ana)
4 yesterday yesterday NOUN NN _ 2 obl:tmod _ Entity=(4-time-new-nnnnn-cf4-1-sgl)|SpaceAfter=No
5 . . PUNCT . _ 2 punct _ _

# newpar
# sent_id = toy-3
1 His his PRON PRP$ _ 2 nmod:poss _ Entity=(5-event-new-nnnnn-cf5-2-coref(2-person-giv:act-nnnnn-cf2-1-ana)
2 visit visit NOUN NN _ 0 root _ _
3 on on ADP IN _ 4 case _ _
4 Monday Monday PROPN NNP _ 2 nmod _ Entity=(6-time-new-nnnnn-cf6-1-sgl)5)|SpaceAfter=No
5 . . PUNCT . _ 2 punct _ _

# sent_id = toy-4
1 It it PRON PRP _ 3 nsubj _ Entity=(5-event-giv:act-nnnnn-cf5-1-ana)
2 was be AUX VBD _ 3 cop _ _
3 short short ADJ JJ _ 0 root _ SpaceAfter=No
4 . . PUNCT . _ 3 punct _ _
"""


def _write(tmp_path: Path, conllu: str) -> Path:
    lines = [ln if ln.startswith("#") else "\t".join(ln.split()) for ln in conllu.splitlines()]
    path = tmp_path / "GUM_toy_visit.conllu"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_text_and_offsets(tmp_path: Path) -> None:
    doc = read_gum_document(_write(tmp_path, TOY))
    assert doc.text == "Mary Smith met the new mayor's aide. She thanked him yesterday.\n\nHis visit on Monday. It was short."
    assert len(doc.forms) == 23
    assert all(doc.text[a:b] == form for (a, b), form in zip(doc.offsets, doc.forms))
    assert doc.offsets[5] == (23, 28) and doc.offsets[6] == (28, 30)  # "mayor" + "'s" of the multi-word token


def test_mentions_and_chains(tmp_path: Path) -> None:
    doc = read_gum_document(_write(tmp_path, TOY))
    assert doc.unclosed == 0
    assert doc.mentions == [
        Mention(0, 2, "1", "person", 0),
        Mention(3, 8, "2", "person", 7),  # "the new mayor's aide", headed by "aide"
        Mention(3, 6, "3", "person", 5),  # "the new mayor", nested, opened on the same token
        Mention(9, 10, "1", "person", 9),
        Mention(11, 12, "2", "person", 11),
        Mention(12, 13, "4", "time", 12),
        Mention(14, 18, "5", "event", 15),  # "His visit on Monday", closed on the token that is also "(6-...)"
        Mention(14, 15, "2", "person", 14),
        Mention(17, 18, "6", "time", 17),
        Mention(19, 20, "5", "event", 19),
    ]
    chains = {e: [(m.start, m.end) for m in ms] for e, ms in doc.entities().items()}
    assert chains["1"] == [(0, 2), (9, 10)]
    assert chains["2"] == [(3, 8), (11, 12), (14, 15)]
    assert chains["5"] == [(14, 18), (19, 20)]
    assert len(chains) == 6


def test_unclosed_mention_is_counted_not_kept(tmp_path: Path) -> None:
    broken = TOY.replace("Entity=1)\n", "_\n")
    doc = read_gum_document(_write(tmp_path, broken))
    assert doc.unclosed == 1
    assert [(m.start, m.end) for m in doc.entities()["1"]] == [(9, 10)]
