"""Small hand-written examples of each attribution shape (our own sentences, not corpus text)."""

from __future__ import annotations


def _one(res, text, needle):
    found = [q for q in res.quotes if any(needle in text[s.start : s.end] for s in q.content)]
    assert found, f"no quote containing {needle!r}: {res.quotes}"
    return found[0]


def test_cue_after_direct_quote(analyse):
    text = '“We will rebuild the bridge before winter,” Mayor Anna Keller said on Friday.'
    q = _one(analyse(text), text, "rebuild the bridge")
    assert q.kind == "direct" and q.speaker.name == "Anna Keller" and q.speaker.kind == "person"


def test_indirect_with_that_and_short_name_later(analyse):
    text = ('Transport minister Paul Dorsey said that the tunnel would open in May.\n\n'
            'Dorsey said that the costs had doubled.')
    res = analyse(text)
    q = _one(res, text, "costs had doubled")
    assert q.kind == "indirect" and q.speaker.name == "Paul Dorsey"


def test_according_to_group(analyse):
    text = 'According to officials familiar with the talks, the deal is almost done.'
    q = _one(analyse(text), text, "deal is almost done")
    assert q.speaker.kind == "anonymous_group" and q.cue_text.lower() == "according to"


def test_no_comment(analyse):
    text = 'A spokeswoman for the ministry declined to comment on the report.'
    res = analyse(text)
    assert [q.kind for q in res.quotes] == ["no_comment"]
    assert res.quotes[0].speaker.kind == "role"


def test_chain_via_outlet(analyse):
    text = ('The governor, Maria Lopez, told reporters in Austin that the budget was “balanced and fair,” '
            'the Reuters news agency reported.')
    q = _one(analyse(text), text, "balanced and fair")
    assert q.speaker.name == "Maria Lopez" and q.via == ("Reuters",) and q.kind == "mixed"
    assert q.channel == "reporters in Austin"


def test_pronoun_resolves_to_last_speaker(analyse):
    text = ('Senator John Pike criticised the bill on Monday.\n\n'
            '“It is a disaster for farmers,” he said.')
    q = _one(analyse(text), text, "disaster for farmers")
    assert q.speaker.text == "he" and q.speaker.name == "John Pike"


def test_an_adverb_before_the_cue_stays_out_of_the_speaker(analyse):
    text = ('Ms Rivera accused Northwind Records of blocking her film.\n\n'
            'The company flat-out denied the allegations in a statement shared to its website.')
    res = analyse(text)
    assert _one(res, text, "the allegations").speaker.name == "The company"
