from __future__ import annotations

import pytest

from newstrace.ingest.dedup import NearDuplicateIndex, canonical_url, content_hash

WIRE = (
    "WASHINGTON (AP) — The Senate voted 52-47 on Tuesday to confirm the nominee after a week of "
    "debate in which Democrats argued that the candidate lacked experience and Republicans said the "
    "objections were political. The vote largely followed party lines, with two senators crossing "
    "over. The nominee is expected to be sworn in later this week at a ceremony at the White House, "
    "officials said. Critics vowed to keep pressing for hearings on related matters in the new year."
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM/News/Story/?utm_source=tw&utm_medium=x#comments", "https://example.com/News/Story"),
        ("https://m.example.com/news/story?fbclid=abc&id=7&gclid=z", "https://example.com/news/story?id=7"),
        ("https://example.com/news/story/amp/", "https://example.com/news/story"),
        ("https://amp.example.com/news/story.amp.html", "https://example.com/news/story.html"),
        ("https://example.com:443/a/index.html", "https://example.com/a"),
        ("https://example.com/?b=2&a=1", "https://example.com/?a=1&b=2"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("Hello  World\n") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there")


def test_near_duplicates_point_to_first_article() -> None:
    index = NearDuplicateIndex()
    assert index.add("a", WIRE) is None
    edited = WIRE.replace("WASHINGTON (AP) — ", "").replace("officials said", "aides said") + " Copyright AP."
    assert index.add("b", edited) == "a"
    assert index.add("c", WIRE.upper()) == "a"  # exact after normalisation
    other = "Heavy rain flooded the valley overnight, and the river rose above its banks near the old mill."
    assert index.add("d", other) is None
    assert index.add("a", WIRE) is None  # re-adding an original is not a duplicate
    assert index.add("b", edited) == "a"
    assert len(index) == 4 and "b" in index
    assert index.query(edited)[0][0] in {"a", "b"}


def test_signature_is_deterministic() -> None:
    assert NearDuplicateIndex().signature(WIRE) == NearDuplicateIndex().signature(WIRE)
    with pytest.raises(ValueError):
        NearDuplicateIndex(num_perm=100, bands=32)
