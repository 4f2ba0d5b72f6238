"""Helpers for tests: where the read-only shared data lives, and the gold file's matching rules."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from newstrace.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
SEED_PAGE = SHARED / "seed" / "crocus-page.txt"
SEED_GOLD = SHARED / "seed" / "crocus-page.gold.json"


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data, absent here; set NEWSTRACE_SHARED)")
    return path


def fold(text: str) -> str:
    """Fold case, quote marks and whitespace, as the gold file's matching rules say."""
    for mark in "\"'“”‘’«»„":
        text = text.replace(mark, "")
    return " ".join(text.split()).casefold()


_CLAUSES = (
    "the council voted on the harbour budget", "rescuers searched the flooded valley", "the court delayed its ruling",
    "train drivers began a two-day strike", "the museum reopened its east wing", "farmers blocked the ring road",
    "a fire damaged the old rail depot", "the school board hired forty teachers", "prices of bread rose again",
    "the river burst its banks near the mill", "the mayor opened a new tram line", "the hospital cut waiting lists",
    "fishermen protested the new quotas", "a storm closed the mountain pass", "the bank raised its lending rate",
    "the airport added three routes", "students occupied the library", "the police arrested two suspects",
    "the zoo welcomed a baby elephant", "the port handled record cargo", "the bridge was closed for repairs",
    "the festival drew large crowds", "a chemical leak forced evacuations", "the factory announced layoffs",
)


def distinct_text(n: int, sentences: int = 6) -> str:
    """Synthetic article text for number ``n``; different numbers give texts that are not near-copies."""
    picked = [(n * 7 + i * (n % 5 + 1) * 5 + i * i) % len(_CLAUSES) for i in range(sentences)]
    return " ".join(f"In {['Arlen', 'Bexley', 'Corran', 'Dunmore'][(n + i) % 4]} on day {n}, {_CLAUSES[c]}." for i, c in enumerate(dict.fromkeys(picked)))


def _said_article(n: int, statements: list[tuple[str, str]], published: str, entities: tuple[tuple[str, str, tuple[str, ...]], ...] = ()) -> Article:
    """An article whose text holds each (speaker, content) as a sentence of its own."""
    from newstrace.ids import content_id
    from newstrace.model import Article, Entity, PublishedDate, Quote, SourceRef, Span, Speaker

    text = " ".join(f"{speaker} said {content}." for speaker, content in statements) + "\n\n" + distinct_text(n)
    quotes = []
    at = 0
    for i, (speaker, content) in enumerate(statements):
        start = text.index(content, at)
        at = start + len(content)
        s_start = text.rindex(speaker, 0, start)
        quotes.append(Quote(id=f"q{i}", kind="indirect", content=(Span(start, start + len(content)),), cue=None, cue_text="said",
                            speaker=Speaker(speaker, speaker, "organization", Span(s_start, s_start + len(speaker)))))
    return Article(id=content_id(text), text=text, source=SourceRef("file", f"p{n}.html"), url=f"https://example.test/{n}", title=f"Story {n}",
                   site="Harbour Post", published=PublishedDate(published, "meta"), language="en",
                   entities=tuple(Entity(f"e{i}", name, label, aliases) for i, (name, label, aliases) in enumerate(entities, 1)),
                   quotes=tuple(quotes))


def speaker_articles() -> list[Article]:
    """18 articles for the speaker and name tests (tests/store/test_store_speakers.py, the entity
    pages): "Police" speaks 30 times and "Police Scotland" 15; "Putin" is in some statements and
    "computing" in another; two Naryshkins."""
    arts = []
    for n in range(1, 16):
        # "Police" speaks twice in each article, "Police Scotland" once: a LIKE on "Police" finds both
        arts.append(_said_article(n, [("Police Scotland", f"the road {n} is shut"), ("Police", f"two men were held on day {n}"),
                                ("Police", f"the search goes on in area {n}")], f"2024-05-{n:02d}"))
    arts.append(_said_article(40, [("Analysts", "computing power is scarce"), ("Officials", "Putin will not attend"),
                             ("Diplomats", "Mr Putin's envoy arrived")], "2024-06-01",
                        entities=(("Vladimir Putin", "PERSON", ("Putin",)), ("Sergei Naryshkin", "PERSON", ()))))
    arts.append(_said_article(41, [("Sergei Naryshkin", "the warning was too general")], "2024-06-02",
                        entities=(("Sergei Naryshkin", "PERSON", ()), ("Lev Naryshkin", "PERSON", ()))))
    arts.append(_said_article(42, [("Lev Naryshkin", "nothing was said")], "2024-06-03", entities=(("Lev Naryshkin", "PERSON", ()),)))
    return arts
