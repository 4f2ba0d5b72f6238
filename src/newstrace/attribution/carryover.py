"""Carry an attribution over to the next sentence of the same paragraph.

News often reports one source over two sentences with the cue only in the
first: "Shvets said on his channel that the information was passed on on
March 6. On March 8, unprecedented security measures were taken ...". The
second sentence is taken to be the same source's account when the first
one's reported content runs to its end, the second has no attribution of its
own, does not open with a contrast ("However", "But") or a reference to the
article itself ("This is ..."), and ends the paragraph.
"""

from __future__ import annotations

from newstrace.attribution.context import ArticleContext, Candidate, trim_span
from newstrace.attribution.cues import STRONG_SPEECH_VERBS
from newstrace.lang.en.discourse import CARRY_BREAKERS

_OPENERS_BLOCK = frozenset({"this", "that", "these", "those", "it", "i", "we", "in", "the"})


def carry_over(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(c.sent_index, []).append(c)
    out: list[Candidate] = []
    for si, group in sorted(by_sent.items()):
        nxt = si + 1
        if nxt >= len(ctx.sents) or nxt in by_sent:
            continue
        sent, nsent = ctx.sents[si], ctx.sents[nxt]
        if ctx.para_index_at(sent.start_char) != ctx.para_index_at(nsent.start_char):
            continue
        src = [c for c in group if c.kind == "indirect" and c.origin.startswith("verb:first") and c.speaker is not None
               and getattr(c, "lemma", "") in STRONG_SPEECH_VERBS]
        if not src:
            continue
        c = src[-1]
        if not (_same_speaker_next(ctx, cands, nxt, c) or (_ends_paragraph(ctx, nxt) and not _new_person(ctx, nxt, c))):
            continue
        if not c.content or max(p.end for p in c.content) < sent.end_char - 3:
            continue
        if not nsent[0].text[:1].isupper():
            continue
        first = nsent[0].lower_ if len(nsent) else ""
        two = " ".join(t.lower_ for t in nsent[:2])
        if first in CARRY_BREAKERS or two in CARRY_BREAKERS or first in _OPENERS_BLOCK:
            continue
        if ctx.quotes_in(nsent.start_char, nsent.end_char):
            continue
        span = trim_span(ctx.text, nsent.start_char, nsent.end_char, " \t\n.")
        if span is None or len(nsent) < 5:
            continue
        carried = Candidate(kind="indirect", content=[span], cue=None, cue_text="(continued)", sent_index=nxt,
                            origin="carry", carried_from=c)
        carried.speaker = c.speaker
        out.append(carried)
    return out


def _same_speaker_next(ctx: ArticleContext, cands: list[Candidate], after_sent: int, c: Candidate) -> bool:
    """The first statement after sentence ``after_sent`` is ``c``'s speaker's, in the same or the next paragraph."""
    later = sorted((o for o in cands if o.sent_index > after_sent and o.cue is not None), key=lambda o: o.sent_index)
    if not later or c.speaker is None:
        return False
    nxt = later[0]
    here = ctx.para_index_at(ctx.sents[after_sent].start_char)
    if ctx.para_index_at(ctx.sents[nxt.sent_index].start_char) - here > 1:
        return False
    return nxt.speaker is not None and getattr(nxt.speaker, "name", None) == getattr(c.speaker, "name", None)


def _ends_paragraph(ctx: ArticleContext, si: int) -> bool:
    return si + 1 >= len(ctx.sents) or ctx.para_index_at(ctx.sents[si + 1].start_char) != ctx.para_index_at(ctx.sents[si].start_char)


def _new_person(ctx: ArticleContext, si: int, c: Candidate) -> bool:
    """The sentence names a person other than the speaker: the narration moved on to them."""
    name = (getattr(c.speaker, "name", "") or "").lower()
    for ent in ctx.sents[si].ents:
        if ent.label_ in ("PERSON", "PER") and ent.text.lower() not in name and name.split()[-1:] != [ent.text.lower()]:
            return True
    return any(t.pos_ == "PROPN" and t.dep_.startswith("nsubj") and t.text.lower() not in name for t in ctx.sents[si])
