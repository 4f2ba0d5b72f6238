"""Scoring quotes against a hand-written gold file in the seed format (``*.gold.json``).

The gold file's rules: a quote's ``content`` is a list of key phrases that the
extracted content must contain (case-insensitive, quote marks and whitespace
folded); ``optional`` quotes count when found and are not errors when missed;
``channel`` must be contained in the extracted channel; ``via`` must equal the
extracted chain (innermost first); ``said_on.with_dct`` is checked when the
caller gave time expressions anchored on the gold DCT.
"""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.model import Quote

_MARKS = "\"'“”‘’«»„"


def fold(text: str) -> str:
    for mark in _MARKS:
        text = text.replace(mark, "")
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    gold_id: str
    optional: bool
    quote: Quote | None
    speaker_ok: bool = False
    kind_ok: bool = False
    channel_ok: bool | None = None  # None: the gold gives no channel
    via_ok: bool | None = None
    said_on_ok: bool | None = None

    @property
    def found(self) -> bool:
        return self.quote is not None


def _content(text: str, q: Quote) -> str:
    return fold(" ".join(text[s.start : s.end] for s in q.content))


def _speaker_ok(q: Quote, g: dict) -> bool:
    if q.speaker is None:
        return False
    names = {fold(g["speaker"])} | {fold(a) for a in g.get("speaker_aliases", ())}
    return fold(q.speaker.name) in names


def match_quotes(text: str, quotes: tuple[Quote, ...], gold: list[dict], check_said_on: bool = False) -> list[QuoteMatch]:
    out: list[QuoteMatch] = []
    for g in gold:
        phrases = [fold(p) for p in g.get("content", ())]
        if phrases:
            cands = [q for q in quotes if all(p in _content(text, q) for p in phrases)]
        else:
            cands = [q for q in quotes if q.kind == g["kind"]]
            cands = [q for q in cands if _speaker_ok(q, g) or fold(g.get("cue", "")) in fold(q.cue_text)]
        if not cands:
            out.append(QuoteMatch(g["id"], bool(g.get("optional")), None))
            continue
        # prefer the candidate that gets most right, then the shortest content
        def score(q: Quote) -> tuple:
            return (_speaker_ok(q, g), q.kind == g["kind"], -sum(s.end - s.start for s in q.content))

        q = max(cands, key=score)
        channel_ok = via_ok = said_ok = None
        if "channel" in g:
            channel_ok = q.channel is not None and fold(g["channel"]) in fold(q.channel)
        if "via" in g:
            via_ok = [fold(v) for v in q.via] == [fold(v) for v in g["via"]]
        if check_said_on and isinstance(g.get("said_on"), dict) and g["said_on"].get("with_dct"):
            said_ok = q.said_on == g["said_on"]["with_dct"]
        out.append(QuoteMatch(g["id"], bool(g.get("optional")), q, _speaker_ok(q, g), q.kind == g["kind"],
                              channel_ok, via_ok, said_ok))
    return out
