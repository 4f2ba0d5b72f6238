"""Coreference on GUM test (CC-BY documents): newstrace's speaker resolver scored with the CoNLL-2012 metrics.

    python benchmarks/coref_gum.py [--data DIR] [--limit N]

Each test document's text is rebuilt from its tokens (``gum_coref_data``) and
run through newstrace's NLP and :class:`SpeakerResolver`. Predicted entities:
every named mention of ``resolver.index.mentions`` in its cluster, the
proper-noun subjects the resolver adds as referents on its own
(``name:<text>`` keys), and every third-person pronoun token in the cluster of
what ``resolver.salience.resolve`` returns (keys outside the index are
clusters of their own). An unresolved pronoun is a predicted singleton (it is
a mention the layer found; scorers count it against precision wherever gold
has no such mention).

Settings, one table:

* (a) the full GUM task: every gold mention and entity (all ten types, noun
  phrases, events, times...), with GUM's singletons and without them (both
  sides). Our layer only finds names and pronouns, so recall is low by design;
* (b) the layer the resolver covers: gold entities of type person and
  organization, only their mentions holding a proper noun (UPOS PROPN) or
  being a third-person pronoun; predicted clusters labelled PERSON or ORG;
  singletons removed on both sides, as in CoNLL-2012;
* (c) pronoun antecedents: each gold third-person pronoun whose gold entity
  has an earlier mention; right when the predicted cluster it went to holds an
  earlier mention overlapping an earlier gold mention of that entity.

Mention matching: *exact* token spans, or *head*: a predicted mention stands
for the smallest gold mention that contains it and whose syntactic head or last
token it covers ("Charles Bolden" for "NASA Administrator Charles Bolden",
"Eduard Hanslick" for "the prominent critic Eduard Hanslick", which UD heads
on "critic"), exact matches first, each gold mention used once. Scores are micro-averaged over documents. Speed: documents
per second for NLP plus resolver, beside the NLP alone in the same run.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coref_metrics import Score, conll_f1, coref_scores  # noqa: E402
from gum_coref_data import GumDocument, Mention, read_gum_document  # noqa: E402

from newstrace.lang.en.pronouns import FEMALE_PRONOUNS, MALE_PRONOUNS, NEUTER_PRONOUNS, PLURAL_PRONOUNS  # noqa: E402
from newstrace.nlp.ud import default_data_dir, gum_split  # noqa: E402

PRONOUN_GROUPS = {"he/she": MALE_PRONOUNS | FEMALE_PRONOUNS, "they": PLURAL_PRONOUNS, "it": NEUTER_PRONOUNS}
THIRD_PERSON = frozenset().union(*PRONOUN_GROUPS.values())
LAYER_TYPES = frozenset({"person", "organization"})
LAYER_LABELS = frozenset({"PERSON", "ORG"})

TokSpan = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Predicted:
    span: TokSpan  # gold-token span the predicted characters fall on
    cluster: str
    label: str  # PERSON / ORG / PLACE of the cluster; empty for an unresolved pronoun
    pronoun: bool
    resolved: bool


# -- prediction ---------------------------------------------------------------------------------

def _token_span(doc: GumDocument, starts: list[int], a: int, b: int) -> TokSpan | None:
    """The gold tokens the characters [a, b) touch."""
    i = bisect.bisect_right(starts, a) - 1
    if i < 0 or doc.offsets[i][1] <= a:
        i += 1
    j = bisect.bisect_left(starts, b)
    return (i, j) if i < j else None


def predict(doc: GumDocument, nlp) -> tuple[list[Predicted], float, float]:  # type: ignore[no-untyped-def]
    """The resolver's mentions on this document, with the seconds spent in NLP and in the resolver."""
    from newstrace.attribution.context import ArticleContext
    from newstrace.attribution.speakers import SpeakerResolver

    t0 = time.perf_counter()
    sdoc = nlp(doc.text)
    t1 = time.perf_counter()
    resolver = SpeakerResolver(ArticleContext(doc.text, sdoc))
    labels = {c.id: c.label for c in resolver.index.clusters}
    chars: list[tuple[int, int, str, bool, bool]] = [(s, e, c.id, False, True) for s, e, c in resolver.index.mentions]
    indexed = {s for s, _e, _c in resolver.index.mentions}
    for r in resolver.salience.referents:
        if r.start not in indexed:  # a proper-noun subject the recogniser missed
            chars.append((r.start, _referent_end(sdoc, r.start, r.key), r.key, False, True))
    for tok in sdoc:
        if tok.lower_ in THIRD_PERSON:
            res = resolver.salience.resolve(tok)
            key = res.key if res is not None else f"unresolved:{tok.i}"
            chars.append((tok.idx, tok.idx + len(tok.text), key, True, res is not None))
    t2 = time.perf_counter()
    starts = [a for a, _ in doc.offsets]
    out: list[Predicted] = []
    seen: set[TokSpan] = set()
    for a, b, key, pronoun, resolved in chars:
        span = _token_span(doc, starts, a, b)
        if span is None or span in seen:
            continue
        seen.add(span)
        label = labels.get(key, "PERSON" if key.startswith(("name:", "speaker:")) else "")
        out.append(Predicted(span, key, label, pronoun, resolved))
    return out, t1 - t0, t2 - t1


def _referent_end(sdoc, start: int, key: str) -> int:  # type: ignore[no-untyped-def]
    if key.startswith("name:"):
        return start + len(key) - len("name:")
    # a surname subject matched to a cluster: the referent keeps no end, so take its run of proper nouns
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    end = span.end if span is not None else 0
    while end < len(sdoc) and sdoc[end].pos_ == "PROPN":
        end += 1
    return sdoc[end - 1].idx + len(sdoc[end - 1].text) if end else start + 1


# -- matching and scoring -----------------------------------------------------------------------

def align(gold: list[Mention], pred: list[TokSpan], head: bool) -> dict[TokSpan, Hashable]:
    """Predicted span -> the gold span it stands for, or a response-only id."""
    gold_spans = {(m.start, m.end) for m in gold}
    ids: dict[TokSpan, Hashable] = {}
    used: set[TokSpan] = set()
    for p in pred:
        if p in gold_spans:
            ids[p] = p
            used.add(p)
    if head:
        by_size = sorted(gold, key=lambda m: m.end - m.start)
        for p in pred:
            if p in ids:
                continue
            for m in by_size:
                g = (m.start, m.end)
                if g not in used and m.start <= p[0] and p[1] <= m.end and (p[0] <= m.head < p[1] or p[1] == m.end):
                    ids[p] = g
                    used.add(g)
                    break
    for p in pred:
        ids.setdefault(p, ("response", p))
    return ids


@dataclass
class Tally:
    scores: dict[str, Score]
    mentions: Score  # mention identification: matched / gold, matched / predicted

    def __iadd__(self, other: Tally) -> Tally:
        self.scores = {k: self.scores[k] + other.scores[k] for k in self.scores}
        self.mentions = self.mentions + other.mentions
        return self


def score_setting(gold: list[Mention], pred: list[Predicted], singletons: bool, head: bool) -> Tally:
    first: dict[TokSpan, str] = {}
    for m in gold:  # a span GUM gives two entities (rare) counts once
        first.setdefault((m.start, m.end), m.entity)
    gold = [m for m in gold if first[(m.start, m.end)] == m.entity]
    key_groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for m in gold:
        key_groups[m.entity].append((m.start, m.end))
    key = [frozenset(v) for v in key_groups.values() if singletons or len(v) > 1]
    resp_groups: dict[Hashable, list[TokSpan]] = defaultdict(list)
    for p in pred:
        resp_groups[p.cluster].append(p.span)
    kept = [s for v in resp_groups.values() if singletons or len(v) > 1 for s in v]
    key_mentions = {g for k in key for g in k}
    ids = align([m for m in gold if (m.start, m.end) in key_mentions], kept, head)
    response = [frozenset(ids[s] for s in v) for v in resp_groups.values() if singletons or len(v) > 1]
    matched = sum(1 for i in ids.values() if i in key_mentions)
    return Tally(coref_scores(key, response), Score(matched, len(key_mentions), matched, len(ids)))


def layer_gold(doc: GumDocument) -> list[Mention]:
    """Person and organization mentions that are names or third-person pronouns."""
    out = []
    for m in doc.mentions:
        if m.etype not in LAYER_TYPES:
            continue
        pronoun = m.end - m.start == 1 and doc.forms[m.start].lower() in THIRD_PERSON
        if pronoun or any(doc.upos[k] == "PROPN" for k in range(m.start, m.end)):
            out.append(m)
    return out


@dataclass
class PronounTally:
    n: int = 0
    resolved: int = 0
    right: int = 0


def pronoun_antecedents(doc: GumDocument, pred: list[Predicted], tallies: dict[str, PronounTally]) -> None:
    by_span = {p.span: p for p in pred}
    members: dict[str, list[TokSpan]] = defaultdict(list)
    for p in pred:
        members[p.cluster].append(p.span)
    for eid, chain in doc.entities().items():
        for m in chain:
            form = doc.forms[m.start].lower()
            if m.end - m.start != 1 or form not in THIRD_PERSON:
                continue
            earlier = [g for g in chain if g.start < m.start]
            if not earlier:
                continue
            group = next(g for g, forms in PRONOUN_GROUPS.items() if form in forms)
            hit = by_span.get((m.start, m.end))
            resolved = hit is not None and hit.resolved
            right = resolved and any(
                s != hit.span and s[0] < m.start and any(s[0] < g.end and g.start < s[1] for g in earlier)
                for s in members[hit.cluster])
            for t in (tallies[group], tallies["all"]):
                t.n += 1
                t.resolved += resolved
                t.right += right


# -- report -------------------------------------------------------------------------------------

def _prf(s: Score) -> str:
    return f"{100 * s.p:.1f} / {100 * s.r:.1f} / {100 * s.f1:.1f}"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "—"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="shared data folder (default $NEWSTRACE_DATA or ../shared/data)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N test documents")
    args = ap.parse_args(argv)
    gum_dir = (args.data or default_data_dir()) / "ud-english" / "gum-ccby"
    if not (gum_dir / "split.test.txt").exists():
        print(f"skipped: GUM (CC-BY) not found at {gum_dir} (the project's shared data; see ../shared/data/ud-english/README.md)")
        return 0
    paths = gum_split(gum_dir)["test"]
    if args.limit:
        paths = paths[: args.limit]
    from newstrace.nlp import load_nlp

    nlp = load_nlp()
    nlp("Warm-up.")
    settings = {
        ("(a) all GUM mentions, singletons kept", "exact"): (False, True, False),
        ("(a) all GUM mentions, singletons kept", "head"): (False, True, True),
        ("(a) all GUM mentions, no singletons", "exact"): (False, False, False),
        ("(a) all GUM mentions, no singletons", "head"): (False, False, True),
        ("(b) person/org names + pronouns", "exact"): (True, False, False),
        ("(b) person/org names + pronouns", "head"): (True, False, True),
    }
    totals: dict[tuple[str, str], Tally] = {}
    pronouns = {g: PronounTally() for g in ("all", *PRONOUN_GROUPS)}
    t_nlp = t_res = 0.0
    tokens = 0
    for path in paths:
        doc = read_gum_document(path)
        tokens += len(doc.forms)
        pred, a, b = predict(doc, nlp)
        t_nlp += a
        t_res += b
        layer = layer_gold(doc)
        layer_pred = [p for p in pred if p.label in LAYER_LABELS]
        for name, (in_layer, singletons, head) in settings.items():
            t = score_setting(layer if in_layer else doc.mentions, layer_pred if in_layer else pred, singletons, head)
            if name in totals:
                totals[name] += t
            else:
                totals[name] = t
        pronoun_antecedents(doc, pred, pronouns)

    print(f"GUM test, CC-BY documents: {len(paths)} documents, {tokens:,} tokens; scores P / R / F1 (%), micro-averaged")
    print()
    print("| setting | match | mentions P / R / F1 | MUC | B³ | CEAF-e | CoNLL F1 |")
    print("|---|---|---|---|---|---|---:|")
    for (name, match), t in totals.items():
        print(f"| {name} | {match} | {_prf(t.mentions)} | {_prf(t.scores['muc'])} | {_prf(t.scores['b3'])} | "
              f"{_prf(t.scores['ceafe'])} | {100 * conll_f1(t.scores):.1f} |")
    for group, t in pronouns.items():
        print(f"| (c) pronoun antecedents: {group} | n = {t.n} | resolved {_pct(t.resolved, t.n)} | "
              f"right {_pct(t.right, t.n)} | right of resolved {_pct(t.right, t.resolved)} | | |")
    whole = t_nlp + t_res
    print(f"| speed | {len(paths)} docs | NLP + resolver {len(paths) / whole:.2f} docs/s | NLP alone "
          f"{len(paths) / t_nlp:.2f} docs/s | ratio {whole / t_nlp:.2f} | {tokens / whole:,.0f} tokens/s | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
