"""The seed page against its hand-written gold: every non-optional quote, its speaker and kind,
channels and reporting chains where given, when it was said, and the article-level citation."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from _support import SEED_GOLD, SEED_PAGE, fold, require_shared

from newstrace.attribution.gold import match_quotes


def _body(raw: str) -> str:
    try:
        from newstrace.extract.text import clean_plain_text

        return clean_plain_text(raw).text
    except ImportError:  # before the lead's cleaner exists: body paragraphs by hand
        paras = re.split(r"\n\s*\n", raw)[2:]
        out = []
        for p in paras:
            out.append(p)
            if p.rstrip().endswith("in 2017 and 2019."):
                break
        return "\n\n".join(out)


@pytest.fixture(scope="module")
def seed():
    raw = require_shared(SEED_PAGE).read_text(encoding="utf-8")
    gold = json.loads(require_shared(SEED_GOLD).read_text(encoding="utf-8"))
    return _body(raw), gold


@pytest.fixture(scope="module")
def result(seed, analyse):
    text, _ = seed
    return analyse(text)


def _required(gold):
    return [g for g in gold["quotes"] if not g.get("optional")]


def test_every_required_quote_found_with_speaker_and_kind(seed, result):
    text, gold = seed
    matches = match_quotes(text, result.quotes, _required(gold))
    missing = [m.gold_id for m in matches if not m.found]
    assert not missing, f"quotes not found: {missing}"
    bad_speaker = [(m.gold_id, m.quote.speaker.name if m.quote.speaker else None) for m in matches if not m.speaker_ok]
    assert not bad_speaker, f"wrong speaker: {bad_speaker}"
    bad_kind = [(m.gold_id, m.quote.kind) for m in matches if not m.kind_ok]
    assert not bad_kind, f"wrong kind: {bad_kind}"


def test_channels_and_chains_where_given(seed, result):
    text, gold = seed
    matches = match_quotes(text, result.quotes, _required(gold))
    assert [m.gold_id for m in matches if m.channel_ok is False] == []
    assert [m.gold_id for m in matches if m.via_ok is False] == []


def test_content_never_takes_in_the_medium_audience_or_cue(result):
    for q in result.quotes:
        for part in q.content:
            for span in (q.medium_span, q.audience_span):
                if span is not None:
                    assert not (part.start < span.end and span.start < part.end), q
            if q.cue is not None and q.kind != "no_comment":
                assert not (part.start < q.cue.end and q.cue.start < part.end), q


def test_naryshkin_too_general_via_interfax(seed, result):
    text, _ = seed
    q = next(q for q in result.quotes if any("too general and did not allow" in text[s.start:s.end] for s in q.content))
    assert q.speaker is not None and q.speaker.name == "Sergei Naryshkin"
    assert q.via == ("Interfax",)
    assert q.audience is not None and "reporters in Moscow" in q.audience
    assert q.medium is None  # an audience, not a medium
    assert q.speaker.title is not None and "head of Russia's foreign intelligence service" in q.speaker.title


def test_shvets_youtube_channel_is_a_medium(seed, result):
    text, _ = seed
    q = next(q for q in result.quotes if any("transmitted to Russian special services" in text[s.start:s.end] for s in q.content))
    assert q.medium is not None and "YouTube channel" in q.medium
    assert q.audience is None


def test_said_on_from_a_given_timex(seed, nlp):
    """said_on comes from a date in the quote's sentence outside its content (here: "Tuesday")."""
    from newstrace.attribution import extract_attributions
    from newstrace.model import Span, Timex

    text, _ = seed
    start = text.index("Tuesday")
    tx = (Timex(Span(start, start + len("Tuesday")), "DATE", "2024-04-02", "dct"),)
    res = extract_attributions(text, nlp(text), tx)
    q = next(q for q in res.quotes if any("too general and did not" in text[s.start:s.end] for s in q.content))
    assert q.said_on == "2024-04-02" and q.said_on_timex == 0


def test_said_on_with_the_timex_tagger(seed, nlp):
    tagger = pytest.importorskip("newstrace.timex")
    if not hasattr(tagger, "tag_timexes"):
        pytest.skip("newstrace.timex.tag_timexes not available yet")
    from newstrace.attribution import extract_attributions

    text, gold = seed
    timexes = tagger.tag_timexes(text, date.fromisoformat(gold["dct_for_test"]))
    res = extract_attributions(text, nlp(text), timexes)
    g = next(g for g in gold["quotes"] if g["id"] == "q09")
    [m] = match_quotes(text, res.quotes, [g], check_said_on=True)
    assert m.said_on_ok, m.quote.said_on if m.quote else None


def test_article_cites_the_washington_post(seed, result):
    _, gold = seed
    src = gold["article_source"]
    assert result.cites, "no citation found"
    c = result.cites[0]
    assert fold(c.outlet) == fold(src["outlet"])
    assert c.author == src["author"]
    assert c.date_text == src["date_text"]
    assert c.title is not None and src["title_contains"] in c.title


def test_no_scare_or_title_quotes_as_speech(seed, result):
    """The quoted article title is not a quote of anyone."""
    text, _ = seed
    for q in result.quotes:
        for s in q.content:
            assert "U.S. told Russia that Crocus" not in text[s.start : s.end]


def test_deterministic(seed, analyse):
    text, _ = seed
    assert analyse(text) == analyse(text)


def test_speaker_entity_ids_point_at_the_same_referent(seed_page):
    """In the record, quotes[].speaker.entity_id names the entities[] entry of that speaker."""
    from newstrace.ingest.files import read_file
    from newstrace.pipeline import AnalysisOptions, build_pipeline
    from newstrace.record import article_to_record

    record = article_to_record(build_pipeline(AnalysisOptions(published="2024-04-03")).analyse(read_file(seed_page)))
    entities = {e["id"]: e for e in record["entities"]}
    linked = 0
    for q in record["quotes"]:
        sp = q["speaker"]
        if sp is None or sp["entity_id"] is None:
            continue
        ent = entities[sp["entity_id"]]
        names = {ent["name"].lower(), *(a.lower() for a in ent["aliases"])}
        assert sp["name"].lower() in names or set(sp["name"].lower().split()) <= set(ent["name"].lower().split()), (sp, ent)
        linked += 1
    assert linked >= 5  # Naryshkin, Shvets, Khalilov, Putin, Shane Harris at least
