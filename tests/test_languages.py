"""Other languages (issue 13): the language is detected per article; stages with no model for it do
not run, and the record and report say which ran and why the others did not; text, metadata, search
and near-copy detection work for every language. Bad input: an unseen script, two languages mixed,
a wrong declared language."""

from __future__ import annotations

import pytest

from newstrace.extract.lang import detect_language, other_language_parts
from newstrace.ids import content_id
from newstrace.model import Article, RawDocument, SourceRef
from newstrace.pipeline import AnalysisOptions, build_pipeline
from newstrace.record import article_to_record, record_to_article
from newstrace.report import render_report

GERMAN = (
    "Der Bundestag hat am Donnerstag mit großer Mehrheit beschlossen, die Wehrpflicht wieder einzuführen. "
    "Nach Jahren der Debatte stimmten die Abgeordneten für das Gesetz, das Verteidigungsminister Boris "
    "Pistorius vorgelegt hatte.\n\n"
    "„Das ist ein historischer Tag“, sagte Pistorius nach der Abstimmung. Die Opposition kritisierte das "
    "Gesetz scharf und kündigte an, vor das Bundesverfassungsgericht zu ziehen."
)
ENGLISH = (
    "The Bundestag voted on Thursday to bring back conscription after years of debate, officials said.\n\n"
    "\"This is a historic day,\" Defence Minister Boris Pistorius told reporters after the vote in Berlin."
)
CHEROKEE = "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏓᏅᏙ ᏗᏕᎶᏆᏍᏗ ᎤᏬᏪᏳ ᎠᏂᏴᏫ ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏓᏅᏙ ᏗᏕᎶᏆᏍᏗ ᎤᏬᏪᏳ ᎠᏂᏴᏫ ᎦᏬᏂᎯᏍᏗ ᎠᏓᏅᏙ."
JAPANESE = "東京都心で日曜日、大規模な火災が発生し、消防車五十台が出動した。警視庁によると、けが人はいない。火災の原因は調査中だという。"


def _page(body: str, lang: str, title: str = "A page") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>").encode()


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    p = build_pipeline(AnalysisOptions(published="2024-04-04"))
    if "nlp" not in [s.name for s in p.stages]:
        pytest.skip("the NLP stage is not installed")
    return p


def _analyse(pipeline, content: bytes, url: str = "https://example.org/a"):  # type: ignore[no-untyped-def]
    return pipeline.analyse(RawDocument(content, SourceRef("url", url), url=url, content_type="text/html"))


def test_a_german_page_is_not_read_by_english_models(pipeline) -> None:  # type: ignore[no-untyped-def]
    a = _analyse(pipeline, _page(GERMAN, "de", "Bundestag beschließt Wehrpflicht"))
    assert a.language == "de" and a.title == "Bundestag beschließt Wehrpflicht"
    assert a.stages == () and not a.entities and not a.quotes and not a.timexes  # no "Das", "Nach" as people
    reasons = {k.stage: k.reason for k in a.skipped}
    assert reasons["nlp"].startswith("no model for German (de)")
    assert reasons["time"].startswith("no model for German (de)") and reasons["quotes"].startswith("no model")
    assert reasons["events"].startswith("needs ")
    record = article_to_record(a)
    assert record["stages_skipped"][0] == {"stage": "nlp", "reason": reasons["nlp"]}
    assert record_to_article(record) == a
    report = render_report(a)
    assert "Not analysed: nlp, time, quotes" in report and "German (de)" in report


def test_an_unseen_script_is_undetermined(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert detect_language(CHEROKEE)[0] == "und"  # the detector alone says Korean
    a = _analyse(pipeline, _page(CHEROKEE, "en"))
    assert a.language == "und" and a.stages == ()
    assert "not determined" in a.skipped[0].reason


def test_a_wrong_declared_language_is_overruled(pipeline) -> None:  # type: ignore[no-untyped-def]
    german_said_english = _analyse(pipeline, _page(GERMAN, "en"))
    assert german_said_english.language == "de" and german_said_english.stages == ()
    english_said_german = _analyse(pipeline, _page(ENGLISH, "de"), url="https://example.org/b")
    assert english_said_german.language == "en" and "quotes" in english_said_german.stages
    assert any(q.speaker and "Pistorius" in q.speaker.name for q in english_said_german.quotes)


MORE_ENGLISH = (
    "Opposition parties said they would challenge the law in the constitutional court, and several state "
    "governments asked for more time to prepare the registration offices that will handle the call-ups.\n\n"
    "The law takes effect in January, the ministry said, and the first young men will receive their letters "
    "in the spring. The ministry expects about 300,000 of them to answer the questionnaire every year."
)


def test_two_languages_mixed_analyses_the_article_language_only(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ENGLISH + "\n\n" + GERMAN + "\n\n" + MORE_ENGLISH
    assert [p.language for p in other_language_parts(text, "en")] == ["de", "de"]
    a = _analyse(pipeline, _page(text, "en"), url="https://example.org/c")
    assert a.language == "en" and "quotes" in a.stages
    german = [p.span for p in a.other_languages]
    assert [p.language for p in a.other_languages] == ["de", "de"]
    inside = lambda span: any(g.start <= span.start < g.end for g in german)  # noqa: E731
    assert not any(inside(m.span) for m in a.mentions)
    assert not any(inside(t.span) for t in a.timexes)
    assert not any(inside(q.cue) for q in a.quotes if q.cue)
    assert any(q.speaker and "Pistorius" in q.speaker.name for q in a.quotes)  # the English half is analysed
    assert "Bundesverfassungsgericht" in a.text  # the record keeps the whole text
    assert "Left out of the analysis: 2 paragraph(s) in German (de)" in render_report(a)


def _stored(text: str, location: str, language: str) -> Article:
    return Article(id=content_id(text), text=text, source=SourceRef("url", location), title=text[:12], language=language)


@pytest.mark.parametrize("text, language, word", [(GERMAN, "de", "Wehrpflicht"), (JAPANESE, "ja", "火災"), (CHEROKEE, "und", "ᎦᏬᏂᎯᏍᏗ")])
def test_search_and_near_copies_in_every_language(store, text: str, language: str, word: str) -> None:  # type: ignore[no-untyped-def]
    first = store.upsert_article(_stored(text, "https://a.example/1", language))
    assert first.status == "stored"
    hits = store.search(word)
    assert [h.article_id for h in hits] == [first.article_id] and f"[{word}]" in hits[0].snippet
    edited = text.replace("。", "！", 1) if language == "ja" else text[:-1] + "!"
    copy = store.upsert_article(_stored(edited, "https://b.example/2", language))
    assert copy.status == "copy" and copy.article_id == first.article_id


def test_the_desk_says_what_did_not_run(pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient

    from newstrace.store import open_store
    from newstrace.web.app import create_app

    a = _analyse(pipeline, _page(GERMAN, "de", "Bundestag beschließt Wehrpflicht"))
    db = tmp_path / "desk.db"
    with open_store(db) as store:
        store.upsert_article(a)
    with TestClient(create_app(db, hosts=("testserver",))) as client:
        page = client.get(f"/articles/{a.id}").text
        data = client.get(f"/api/articles/{a.id}").json()
    assert "Not analysed: nlp, time, quotes" in page and "German (de)" in page
    assert data["language_notes"] and data["article"]["stages_skipped"][0]["stage"] == "nlp"
