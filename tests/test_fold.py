"""text.fold: casefolded, accents stripped; the quick paths (ASCII text, non-ASCII runs only) give
what decomposing and testing every character gives."""

from __future__ import annotations

import unicodedata

import pytest

from newstrace.text import fold


def _every_character(text: str) -> str:
    """fold as first written: decompose, drop every combining mark, casefold, one apostrophe."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


SAMPLES = [
    "",
    "The Quake Struck NAPA at 3:20 a.m.; 12 were hurt (officials said).",
    "Zelénskyy met Müller in Zürich",
    "Le président a déclaré: « ça suffit ».",
    "He said he’d go — twice “at least”",
    "STRASSE Straße ﬁnal ＦＵＬＬＷＩＤＴＨ ½",  # casefold's ß, compatibility ligature, full-width, fraction
    "a\u0301 e\u0300\u0323 combining marks written apart",
    "Ἀθῆναι Москва Ёлка İstanbul",
    "tab\tand\nnewline\x00nul",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_fold_is_what_testing_every_character_gives(text: str) -> None:
    assert fold(text) == _every_character(text)


def test_fold_strips_accents_and_case_so_spellings_meet() -> None:
    assert fold("Zelénskyy") == fold("ZELENSKYY") == "zelenskyy"
    assert fold("Mark’s") == "mark's"
    assert fold("Straße") == "strasse"


def test_fold_leaves_letters_that_are_not_accents() -> None:
    # a letter of its own is not an accented one: ø, ł and đ have no decomposition and stay
    assert fold("Søren Łódź Đoković") == "søren łodz đokovic"
    assert fold("naïve") != fold("naive ")
