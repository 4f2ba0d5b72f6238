"""Odd input never crashes the attribution rules nor produces run-away spans."""

from __future__ import annotations

import time

from newstrace.attribution.quotemarks import MAX_QUOTE_CHARS, find_quotes


def _texts(res, text):
    return [" ".join(text[s.start : s.end] for s in q.content) for q in res.quotes]


def test_unbalanced_marks(analyse):
    text = 'The minister said that the plan was "dead. Critics disagreed." The opposition called it "a disaster.'
    res = analyse(text)
    for q in res.quotes:
        for s in q.content:
            assert 0 <= s.start < s.end <= len(text)


def test_quote_that_never_closes_stays_in_its_paragraph(analyse):
    text = ('“We will never accept this, the mayor said on Monday.\n\n'
            'The council met on Tuesday. Nobody else spoke about the plan.\n\n'
            'A spokesman said that the budget was approved.')
    res = analyse(text)
    first_para_end = text.index("\n\n")
    for q in find_quotes(text):
        assert q.end <= first_para_end
    for q in res.quotes:
        for s in q.content:
            # no span crosses from one paragraph into the next
            assert "\n\n" not in text[s.start : s.end]


def test_ten_thousand_word_quote(analyse):
    body = " ".join(["word"] * 10_000)
    text = f'The senator said: "{body}." Then she left.'
    t0 = time.perf_counter()
    res = analyse(text)
    assert time.perf_counter() - t0 < 60
    for q in res.quotes:
        assert sum(s.end - s.start for s in q.content) <= max(MAX_QUOTE_CHARS, len(text))
    unclosed = f'The senator said: "{body}'
    quotes = find_quotes(unclosed)
    assert all(q.end - q.start <= MAX_QUOTE_CHARS for q in quotes)


def test_text_with_no_sentences(analyse):
    for text in ["", "   ", "\n\n\n", "“”", '"', "...", "—"]:
        res = analyse(text)
        assert res.quotes == ()


def test_inch_marks_are_not_quotes():
    text = 'The 15" screen and the 27" monitor were on sale, the shop said.'
    assert find_quotes(text) == []


def test_scare_quotes_are_not_speech(analyse):
    text = ('The so-called “experts” gathered in the hall on Monday. '
            'The “reform” has been delayed again, and the city’s “temporary” bridge is still closed.')
    res = analyse(text)
    assert res.quotes == ()


def test_scare_quotes_inside_reported_speech_do_not_make_it_mixed(analyse):
    text = 'Officials said that the so-called “experts” had never visited the site.'
    res = analyse(text)
    assert [q.kind for q in res.quotes] == ["indirect"]


def test_mismatched_curly_marks_pair_by_context():
    text = 'He called them “outright blackmail“ and attempts to ”intimidate and destabilize our society."'
    inner = [text[q.start : q.end] for q in find_quotes(text)]
    assert inner == ["outright blackmail", "intimidate and destabilize our society."]


def test_quote_over_paragraphs_reopened():
    text = '“The first part of what I said.\n\n“And the second part,” she said.'
    [q] = find_quotes(text)
    assert [text[s.start : s.end] for s in q.segments] == ["The first part of what I said.", "And the second part,"]
