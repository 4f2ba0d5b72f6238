"""Every page readable by a person: titles, outlets, dates in words; serving (gzip, skip link, viewport)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newstrace.web.display import date_words, display_outlet, display_title, first_sentence, time_html

PAGES = ["/", "/stories", "/search?q=dam", "/articles/d4e5f60718293041", "/articles/a1b2c3d4e5f60718",
         "/stories/d4e5f60718293041", "/entities/Anna%20Berg", "/entities", "/no-such-page",
         "/statements", "/claims", "/conflicts", "/timeline"]


class _Visible(HTMLParser):
    """The text a reader sees (no script, style, attribute values), and what sits inside role=img."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.skip = 0
        self.img_depth: list[int] = []
        self.depth = 0
        self.focusable_in_img: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("meta", "link", "input", "br", "img", "hr", "source"):
            if self.img_depth and tag == "input":
                self.focusable_in_img.append(tag)
            return
        self.depth += 1
        if tag in ("script", "style", "title"):
            self.skip += 1
        if self.img_depth and (tag in ("a", "button", "select", "textarea") or "tabindex" in a):
            self.focusable_in_img.append(tag)
        if a.get("role") == "img":
            self.img_depth.append(self.depth)

    def handle_endtag(self, tag):
        if tag in ("meta", "link", "input", "br", "img", "hr", "source"):
            return
        if tag in ("script", "style", "title"):
            self.skip -= 1
        if self.img_depth and self.img_depth[-1] == self.depth:
            self.img_depth.pop()
        self.depth -= 1

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def visible(html: str) -> _Visible:
    p = _Visible()
    p.feed(html)
    p.close()
    return p


def test_first_sentence_stands_for_a_missing_headline():
    assert display_title("Dam holds", "Whatever.") == ("Dam holds", "headline")
    title, origin = display_title(None, "The river rose on Monday, officials said. Then it fell.")
    assert (title, origin) == ("The river rose on Monday, officials said.", "first sentence")
    # abbreviations inside the first words do not end it; a long one is cut at a word
    assert first_sentence("U.S. officials said on Tuesday that the warning was general. More.") == (
        "U.S. officials said on Tuesday that the warning was general."
    )
    long = first_sentence("word " * 60)
    assert long is not None and long.endswith("…") and len(long) <= 111 and "  " not in long
    assert display_title("  ", "") == ("no headline and no text", "none")
    assert display_title("(untitled)", "Text here is a sentence of its own.")[1] == "first sentence"


def test_outlet_from_the_page_or_its_url_never_this_site():
    assert display_outlet("Daily Rivers", "https://x.test/") == "Daily Rivers"
    assert display_outlet(None, "https://www.rivers.example/a/b") == "rivers.example"
    assert display_outlet(None, None) == "outlet unknown"
    assert display_outlet("", "not a url") == "outlet unknown"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2019-11-20T09:22:35+00:00", "20 Nov 2019"),
        ("2024-03-19", "19 Mar 2024"),
        ("2019-W46", "week of 11 Nov 2019"),
        ("2024-03", "Mar 2024"),
        ("PRESENT_REF", "now"),
        ("XXXX-XX-XX", "an unknown date"),
        ("1999-ZZ", "date unclear"),
    ],
)
def test_dates_in_words(value, words):
    assert date_words(value) == words


def test_time_element_keeps_the_exact_value_on_hover():
    html = str(time_html("2019-11-20T09:22:35+00:00", "json-ld"))
    assert html == '<time datetime="2019-11-20T09:22" title="2019-11-20T09:22:35+00:00 (from json-ld)">20 Nov 2019</time>'
    assert str(time_html(None)) == ""
    assert "&lt;" in str(time_html("<b>", None))  # a hostile value is text


def _pages(client):
    for path in PAGES:
        resp = client.get(path)
        assert resp.status_code in (200, 404), (path, resp.status_code)
        yield path, resp


_RAW_DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}|\d{4}-W\d{2}|\bXXXX\b|_REF\b|\(json-ld\)|\d{4}-\d{2}-\d{2}\b")


def test_pages_name_every_article_and_outlet_and_say_dates_in_words(client):
    for path, resp in _pages(client):
        page = visible(resp.text)
        text = " ".join("".join(page.text).split())
        assert "(untitled)" not in text, path
        assert "this site" not in text, path
        assert not _RAW_DATE.search(text), (path, _RAW_DATE.search(text).group(0))
        # every <time> says its exact value on hover
        for attrs in re.findall(r"<time([^>]*)>", resp.text):
            assert 'title="' in attrs, (path, attrs)
    untitled = client.get("/articles/d4e5f60718293041").text
    assert "The river rose on Monday, officials said." in untitled and "no headline: its first sentence" in untitled
    # the store-wide lists name an article without a headline the same way
    for path in ("/statements", "/timeline"):
        assert "The river rose on Monday, officials said." in client.get(path).text, path
    home = client.get("/").text
    assert "outlet unknown" in home  # the article without site or URL
    # no link without text on the home page (stories named by their first article)
    assert not re.search(r"<a [^>]*>\s*</a>", home)
    api = client.get("/api/articles/d4e5f60718293041").json()
    assert api["title_from"] == "first sentence" and api["outlet"] == "outlet unknown"
    rows = client.get("/api/").json()["articles"]["items"]
    assert all(r["display_title"] for r in rows)


def test_gzip_skip_link_viewport_and_nothing_focusable_in_images(client):
    for path, resp in _pages(client):
        assert resp.headers.get("content-encoding") == "gzip", path  # the test client asks for gzip
        assert '<a class="skip" href="#main">' in resp.text and 'id="main"' in resp.text, path
        assert '<meta name="viewport"' in resp.text, path
        assert visible(resp.text).focusable_in_img == [], path
    small = client.get("/static/favicon.svg", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in small.headers
    api = client.get("/api/", headers={"accept-encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip" and api.json()["articles"]["items"]
