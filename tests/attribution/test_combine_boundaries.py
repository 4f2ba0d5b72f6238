"""How far the tagger may move the rules' boundaries when the two are combined.

A cue may grow to its verb group (auxiliaries, adverbs, particles) but never take in the
channel or the time; a direct quote's content may change only within quotation marks.
"""

from __future__ import annotations

import pytest

from newstrace.attribution.combine import _quoted, _verb_group
from newstrace.attribution.context import ArticleContext
from newstrace.model import Span


def _ctx(nlp, text: str) -> ArticleContext:
    return ArticleContext(text, nlp(text))


def _piece(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(
    ("sentence", "tagged", "expected"),
    [
        ("The mayor has said the bridge will reopen in May.", "has said", "has said"),
        ("The mayor also said the bridge will reopen in May.", "also said", "also said"),
        ("Residents pointed out that the bridge was old.", "pointed out", "pointed out"),
        ("The mayor said on her radio show the bridge will reopen.", "said on", None),
        ("The mayor said in an interview the bridge will reopen.", "said in an interview", None),
        ("The mayor said Friday the bridge will reopen in May.", "said Friday", None),
    ],
)
def test_cue_grows_to_its_verb_group_only(nlp, sentence: str, tagged: str, expected: str | None) -> None:
    ctx = _ctx(nlp, sentence)
    verb = "pointed" if "pointed" in tagged else "said"
    cue = Span(*_piece(sentence, verb))
    got = _verb_group(ctx, cue, (_piece(sentence, tagged),))
    assert (sentence[got.start : got.end] if got else None) == expected


def test_same_or_discontinuous_tagged_cue_changes_nothing(nlp) -> None:
    sentence = "The mayor has said the bridge will reopen."
    ctx = _ctx(nlp, sentence)
    cue = Span(*_piece(sentence, "said"))
    assert _verb_group(ctx, cue, (_piece(sentence, "said"),)) is None
    assert _verb_group(ctx, cue, (_piece(sentence, "has"), _piece(sentence, "said"))) is None


def test_direct_content_must_stay_inside_quotation_marks(nlp) -> None:
    text = "“We will rebuild,” the mayor said, “and we will do it fast.” Crews arrived on Monday."
    ctx = _ctx(nlp, text)
    both_halves = (_piece(text, "“We will rebuild,”"), _piece(text, "“and we will do it fast.”"))
    assert _quoted(ctx, both_halves)
    assert _quoted(ctx, (_piece(text, "We will rebuild"),))
    assert not _quoted(ctx, (_piece(text, "“We will rebuild,” the mayor said"),))
    assert not _quoted(ctx, (_piece(text, "Crews arrived on Monday"),))


def _candidate(text: str, content: str, cue: str):
    from newstrace.attribution.context import Candidate

    return Candidate(kind="indirect", content=[Span(*_piece(text, content))], cue=Span(*_piece(text, cue)), cue_text=cue, sent_index=0)


@pytest.mark.parametrize(
    ("tagged", "ok"),
    [
        ("a flood in the town", False),  # cuts "the storm caused | a flood"
        ("that the storm caused a flood in the town", True),  # after a time word, "that" opens a clause
        ("The mayor said Friday that the storm caused a flood in the town", True),  # a sentence's start
        ("Friday that the storm caused a flood in the town", True),  # where the rules' content starts
    ],
)
def test_tagged_content_must_not_start_inside_a_phrase(nlp, tagged: str, ok: bool) -> None:
    from newstrace.attribution.combine import _opens_cleanly

    text = "The mayor said Friday that the storm caused a flood in the town."
    ctx = _ctx(nlp, text)
    cand = _candidate(text, "Friday that the storm caused a flood in the town", "said")
    assert _opens_cleanly(ctx, text.index(tagged), cand) is ok


def test_added_quote_content_must_be_in_the_cue_sentence(nlp) -> None:
    from newstrace.attribution.combine import _touches_sentence

    text = "Officials familiar with the plans shared few details. A spokesman declined to comment on this story."
    ctx = _ctx(nlp, text)
    cue = text.index("shared")
    assert not _touches_sentence(ctx, (_piece(text, "this story"),), cue)
    assert _touches_sentence(ctx, (_piece(text, "few details"),), cue)
    colon = "The minister said: The talks failed. Nobody came."
    ctx = _ctx(nlp, colon)
    assert _touches_sentence(ctx, (_piece(colon, "The talks failed."),), colon.index("said"))


def test_relative_clause_source_is_named_after_its_antecedent(nlp) -> None:
    from newstrace.attribution.combine import _antecedent

    text = "Maria Lopez, who runs the shelter, said the beds are full."
    ctx = _ctx(nlp, text)
    starts = ctx.token_starts
    who = starts.index(text.index("who"))
    shelter_end = starts.index(text.index("shelter")) + 1
    a, b = _antecedent(ctx, (who, shelter_end))
    assert text[ctx.doc[a].idx : ctx.doc[b - 1].idx + len(ctx.doc[b - 1].text)] == "Maria Lopez"
    # any other source is left as tagged
    assert _antecedent(ctx, (0, 2)) == (0, 2)


def test_role_noun_before_a_full_name_is_a_title() -> None:
    from newstrace.attribution.speakers import split_name

    assert split_name(["Engineer", "Bob", "Stone"]) == (["Engineer"], ["Bob", "Stone"])
    assert split_name(["Son", "Heung-min"]) == ([], ["Son", "Heung-min"])  # a surname, not a relation


@pytest.mark.parametrize(
    ("sentence", "cue", "ok"),
    [
        ("The company acquired a set of huge surface mines in British Columbia out of bankruptcy.",
         "acquired a set of huge surface mines in British Columbia out of", False),  # long, with names
        ("Visas go to investors from the United States each year.", "States", False),  # a name
        ("The union expected production to improve.", "expected", True),  # a short verb group
        ("Officials warned that the dam could fail.", "warned", True),  # a speech verb
    ],
)
def test_a_tagged_cue_is_a_short_wording_without_names(nlp, sentence: str, cue: str, ok: bool) -> None:
    from newstrace.attribution.combine import _lexical_cue

    assert _lexical_cue(_ctx(nlp, sentence), (_piece(sentence, cue),)) is ok
