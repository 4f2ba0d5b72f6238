"""Page furniture that shows only as a pattern across neighbouring blocks.

A single block of these looks like prose or a heading; the run gives it away:

* a list of other stories, each with its date stamp ("19.03.2024Fahndung nach ...",
  "BRICS+ Adang Ancaman ... 20/1/2026 05:00");
* a menu: a run of short list items, most of them links, with the headers between them;
* a templated widget list ("Gold Rate in Delhi", "Gold Rate in Mumbai", ...);
* a membership or donation appeal closing the page, however long.

Each function returns the indices to drop with the reason, so the caller keeps every removal.
"""

from __future__ import annotations

import re

from newstrace.extract.body import Block, norm, word_count

# A date stamp (day.month.year, day/month/year, ISO), optionally with a clock time.
_STAMP = r"(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?:,?\s+\d{1,2}[:.]\d{2})?"
_STAMP_AT_EDGE = re.compile(rf"^\s*{_STAMP}|{_STAMP}\s*$")
_SENTENCE_END = re.compile(r"[.!?…]\s*[\"'”’»)]*\s*$")
# Appeals for money or membership: only at the very end of the page, where they close it.
_APPEAL = re.compile(
    r"become\s+a\s+(?:sustaining\s+|paying\s+)?(?:member|subscriber|supporter)|"
    r"support\s+(?:our|independent|the)\s+journalism|(?:donate|give)\s+(?:now|today)|make\s+a\s+donation|"
    r"kostenlos\s+testen|gratis\s+testen|jetzt\s+abonnieren|abonnez-vous|suscr[íi]bete",
    re.IGNORECASE,
)
TEASER_WORDS = 25  # a dated teaser is a headline and its stamp, not a paragraph
MENU_WORDS = 3
MENU_CHARS = 30
MIN_MENU_RUN = 4
TEMPLATE_WORDS = 8
MIN_TEMPLATE_RUN = 3
TEMPLATE_HEAD = 3  # words a widget list's lines share at the start


def _words(text: str) -> int:
    return word_count(text)


def _is_short_label(block: Block) -> bool:
    return _words(block.text) <= 4 and not _SENTENCE_END.search(block.text)


def dated_teasers(blocks: list[Block]) -> dict[int, str]:
    """Two or more short blocks with a date stamp at one end, short labels between them and
    a label just before them ("Ähnliche:", "Berita Lainnya"): a list of other stories."""
    out: dict[int, str] = {}
    dated = [_words(b.text) <= TEASER_WORDS and bool(_STAMP_AT_EDGE.search(b.text)) for b in blocks]
    i = 0
    while i < len(blocks):
        if not dated[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(blocks) and (dated[j] or (_is_short_label(blocks[j]) and j + 1 < len(blocks) and dated[j + 1])):
            run.append(j)
            j += 1
        if sum(dated[k] for k in run) >= 2:
            start = run[0]
            while start > 0 and _is_short_label(blocks[start - 1]) and start - 1 not in out:
                start -= 1
                run.insert(0, start)
            for k in run:
                out[k] = "other stories (dated list)"
        i = j
    return out


def templated(blocks: list[Block]) -> dict[int, str]:
    """Three or more short blocks in a row opening with the same words ("Gold Rate in ...")."""
    out: dict[int, str] = {}
    heads = [tuple(norm(b.text).split()[:TEMPLATE_HEAD]) if _words(b.text) <= TEMPLATE_WORDS else None for b in blocks]
    i = 0
    while i < len(blocks):
        head = heads[i]
        j = i + 1
        while head and len(head) == TEMPLATE_HEAD and j < len(blocks) and heads[j] == head:
            j += 1
        if j - i >= MIN_TEMPLATE_RUN:
            for k in range(i, j):
                out[k] = "widget list"
        i = j
    return out


def closing_appeal(blocks: list[Block]) -> dict[int, str]:
    """Membership and donation appeals among the last blocks of the page (and what follows them)."""
    for i in range(max(0, len(blocks) - 3), len(blocks)):
        if _APPEAL.search(blocks[i].text):
            return {k: "appeal" for k in range(i, len(blocks))}
    return {}


def link_lists(blocks: list[Block]) -> dict[int, str]:
    """A run of list items of a few words each, at least half of them links: navigation, with the
    menu headers that are not links themselves ("News", "Views" between "Home" and "Kuliner")."""
    out: dict[int, str] = {}
    short = [b.kind == "item" and _words(b.text) <= MENU_WORDS and len(b.text) <= MENU_CHARS for b in blocks]
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and short[j]:
            j += 1
        linked = sum(1 for k in range(i, j) if blocks[k].link_ratio >= 0.9)
        if j - i >= MIN_MENU_RUN and 2 * linked >= j - i:
            for k in range(i, j):
                out[k] = "menu"
        i = max(j, i + 1)
    return out


RULES = (dated_teasers, templated, link_lists)
