"""Building HTML from standoff offsets, and the SVG timeline: nesting, escaping, order."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from webfactory import hostile_article, make_article

from newstrace.web.highlight import Ann, render_annotated, render_article_text
from newstrace.web.timeline import TimelineItem, human_date, place, render_svg


class _Nesting(HTMLParser):
    """Checks that every element closes in order, and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Nesting:
    p = _Nesting()
    p.feed(html)
    p.close()
    assert p.stack == []
    return p


def test_crossing_annotations_nest_and_keep_the_text():
    text = "abcdefghij"
    anns = [Ann(0, 6, 0, "span", "s", "s-0"), Ann(4, 9, 2, "mark", "q", "q-1"), Ann(2, 5, 3, "span", "cue")]
    html = render_annotated(text, anns)
    p = parse(html)
    assert "".join(p.text) == text
    assert p.ids.count("q-1") == 1  # a split annotation keeps its id on the first piece only


def test_links_never_nest():
    html = render_annotated("abcdef", [Ann(0, 6, 1, "a", "x", attrs=(("href", "/a"),)), Ann(2, 4, 2, "a", "y", attrs=(("href", "/b"),))])
    assert html.count("<a ") == 1
    parse(html)


def test_article_text_escapes_everything():
    a = hostile_article()
    html = str(render_article_text(a))
    p = parse(html)
    assert "".join(p.text) == a.text
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert 'class="q q-direct" id="q-q1"' in html
    assert 'id="s-1"' in html


def test_article_text_links_speakers_and_times():
    html = str(render_article_text(make_article()))
    assert '<a class="spk" href="/entities/Anna%20Berg"' in html
    assert 'href="#tl-v2"' in html  # "May 1" dates event v2 in the timeline
    assert 'class="cue" id="cue-q1"' in html


def test_timeline_places_dates_in_order_and_breaks_the_axis():
    items = [
        TimelineItem("a", "2024-03-22", "attack", None),
        TimelineItem("b", "2017", "St. Petersburg", None),
        TimelineItem("c", "2024-03-06", "<b>transmitted</b>", "Yuri Shvets"),
        TimelineItem("d", "XXXX-03-07", "no year", None),
        TimelineItem("e", "2024-W12", "week", None),
    ]
    svg = str(render_svg(items))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    dates = [g.get("data-date") for g in root.iter(f"{ns}g") if g.get("class") == "tl-item"]
    assert dates == ["2017", "2024-03-06", "2024-W12", "2024-03-22"]
    assert "&lt;b&gt;transmitted&lt;/b&gt;" in svg
    assert "years later" in svg
    assert render_svg([TimelineItem("x", None, "undated", None)]) == ""


def test_time_values():
    assert place("2024-03-06").isoformat() == "2024-03-06"
    assert place("2024-Q2").isoformat() == "2024-04-01"
    assert place("XXXX-03-06") is None and place("PRESENT_REF") is None and place("2024-02-30") is None
    assert human_date("2024-03-06") == "6 Mar 2024" and human_date("2024-03") == "Mar 2024" and human_date("2017") == "2017"
