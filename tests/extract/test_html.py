"""extract_html on small hand-written pages."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import NothingToExtract
from newstrace.extract.html import extract_html
from newstrace.ids import content_id
from newstrace.model import RawDocument, SourceRef

PARAGRAPHS = [
    (
        "The city council voted on Tuesday to close the old harbour bridge to heavy traffic after "
        "engineers found cracks in two of its supporting piers, officials said in a statement."
    ),
    (
        "Mayor Ana Lopes told reporters that the closure would last at least six months while repairs "
        "are planned, and that buses would be rerouted through the northern ring road."
    ),
    (
        "Residents of the harbour district have complained for years about the state of the bridge, "
        "which was built in 1962 and last renovated in the early 1990s according to city records."
    ),
    (
        "The engineering firm that inspected the structure said the cracks did not pose an immediate "
        "danger to pedestrians, who will still be allowed to cross on foot during daylight hours."
    ),
]


def page(*, jsonld: dict | None = None, head: str = "", figure: str = "", tail: str = "", lang: str = "en") -> bytes:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + figure + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    html = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Harbour bridge closed to trucks | The Daily Example</title>{head}{script}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Harbour bridge closed to trucks</h1><p class="byline">By Jane Doe and John Smith</p>
{body}{tail}</article>
<footer><p>© 2019 The Daily Example. All rights reserved.</p></footer></body></html>"""
    return html.encode("utf-8")


def raw(content: bytes, url: str = "https://example.com/news/bridge", **kw) -> RawDocument:
    return RawDocument(content, SourceRef("url", url), url=url, **kw)


ARTICLE_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour bridge closed to trucks",
    "datePublished": "2019-11-19T10:02:00+01:00",
    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Smith"}],
    "publisher": {"@type": "Organization", "name": "The Daily Example"},
    "articleSection": "Local",
}


def test_text_is_paragraphs_without_title_byline_or_footer() -> None:
    article = extract_html(raw(page(jsonld=ARTICLE_LD)))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.id == content_id(article.text)
    assert article.title == "Harbour bridge closed to trucks"
    assert article.site == "The Daily Example"
    assert article.section == "Local"
    assert article.language == "en"


def test_jsonld_date_and_authors() -> None:
    article = extract_html(raw(page(jsonld=ARTICLE_LD)))
    assert article.published is not None
    assert article.published.value == "2019-11-19T10:02:00+01:00"
    assert article.published.source == "json-ld"
    assert article.authors == ("Jane Doe", "John Smith")


def test_no_declared_date_gives_none() -> None:
    article = extract_html(raw(page(), url="https://example.com/news/bridge"))
    assert article.published is None


def test_meta_date_and_byline_authors() -> None:
    head = '<meta property="article:published_time" content="2019-11-19T08:00:00Z">'
    article = extract_html(raw(page(head=head)))
    assert article.published is not None
    assert (article.published.value, article.published.source) == ("2019-11-19T08:00:00+00:00", "meta")
    assert article.authors == ("Jane Doe", "John Smith")


def test_feed_hint_then_url_date() -> None:
    hinted = extract_html(RawDocument(page(), SourceRef("feed", "f.xml"), url="https://e.com/a", published_hint="Tue, 19 Nov 2019 10:00:00 GMT"))
    assert hinted.published is not None and hinted.published.source == "feed"
    dated = extract_html(raw(page(), url="https://example.com/2019/11/19/bridge/"))
    assert dated.published is not None and (dated.published.value, dated.published.source) == ("2019-11-19", "url")


def test_figure_caption_and_credit_kept_out_of_text() -> None:
    figure = (
        '<figure><img src="/img/bridge.jpg" alt=""><figcaption>The harbour bridge seen from the north '
        "bank on Monday. (Pat Lee/Example Press)</figcaption></figure>"
    )
    head = '<meta property="og:image" content="https://example.com/img/lead.jpg">'
    article = extract_html(raw(page(figure=figure, head=head)))
    assert "north bank" not in article.text
    assert article.images[0].url == "https://example.com/img/lead.jpg"
    fig = next(i for i in article.images if i.url and i.url.endswith("bridge.jpg"))
    assert fig.caption == "The harbour bridge seen from the north bank on Monday."
    assert fig.credit == "Pat Lee/Example Press"


def test_credit_element_inside_figcaption() -> None:
    figure = (
        '<figure><img data-src="https://cdn.example.com/p.jpg"><figcaption><span class="caption">Engineers '
        'inspect a pier.</span> <span class="credit">Photo: Jo Ng</span></figcaption></figure>'
    )
    article = extract_html(raw(page(figure=figure)))
    fig = next(i for i in article.images if i.url == "https://cdn.example.com/p.jpg")
    assert (fig.caption, fig.credit) == ("Engineers inspect a pier.", "Jo Ng")


def test_related_links_and_newsletter_dropped() -> None:
    tail = (
        "<h3>Sign up for our newsletter</h3><p>Get the day's top stories in your inbox.</p>"
        '<ul><li><a href="/a">Council approves new budget for schools and libraries</a></li>'
        '<li><a href="/b">Storm warning issued for the coast this weekend</a></li></ul>'
    )
    article = extract_html(raw(page(tail=tail)))
    assert article.text.split("\n\n") == PARAGRAPHS


def test_declared_language_only_when_consistent() -> None:
    assert extract_html(raw(page(lang="de"))).language == "en"
    assert extract_html(raw(page(lang="en-GB"))).language == "en"


def test_charset_from_meta() -> None:
    content = page().replace(b'<meta charset="utf-8">', b'<meta charset="iso-8859-1">')
    content = content.replace(b"Mayor Ana Lopes", "Mayor Ana Lóp".encode("latin-1") + b"es")
    article = extract_html(raw(content))
    assert "Mayor Ana Lópes" in article.text


def test_nothing_to_extract_names_the_source() -> None:
    with pytest.raises(NothingToExtract) as info:
        extract_html(raw(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", url="https://e.com/x"))
    assert "https://e.com/x" in str(info.value)
    with pytest.raises(NothingToExtract):
        extract_html(raw(b"   "))
