"""What kind of source a described speaker is."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The ministry said the talks would resume on Monday.", "organization"),
        ("The US government said the warning had been passed on.", "organization"),
        ("A police spokesman said two people were hurt.", "role"),
        ("Officials familiar with the talks said a deal was close.", "anonymous_group"),
    ],
)
def test_described_speaker_kind(analyse, sentence: str, kind: str) -> None:
    quotes = [q for q in analyse(sentence).quotes if q.speaker is not None]
    assert quotes, sentence
    assert quotes[0].speaker.kind == kind
