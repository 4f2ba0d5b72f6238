"""Footers, lists of other stories, menus, appeals and credit lines stay out of the article; the fast
pass falls back on trafilatura's defaults when it keeps a small share of the page."""

from __future__ import annotations

import lxml.html
from extract.test_html import PARAGRAPHS, page, raw

from newstrace.extract import block_runs
from newstrace.extract.body import Block, BodyOptions, word_count
from newstrace.extract.credits import is_credit_line
from newstrace.extract.html import extract_html, prose_chars, single_article, visible_chars


def _reasons(article) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {r.text: r.reason for r in article.removed}


def _block(text: str, kind: str = "p", link_ratio: float = 0.0) -> Block:
    return Block(text, kind, None, link_ratio)


def test_known_footers_stay_out() -> None:
    tail = (
        "<h3>Related Subjects</h3><ul><li><a href='/a'>Bridges</a></li><li><a href='/b'>Traffic</a></li></ul>"
        "<ul><li><a href='/g1'>Gold Rate in Delhi</a></li><li><a href='/g2'>Gold Rate in Mumbai</a></li>"
        "<li>Gold Rate in Chennai today</li><li>Gold Rate in Kolkata today</li></ul>"
        "<p>© Harbour Verlag. Vervielfältigung nur mit Genehmigung.</p>"
    )
    article = extract_html(raw(page(tail=tail)))
    assert article.text.split("\n\n") == PARAGRAPHS
    for junk in ("Related Subjects", "Gold Rate", "Vervielfältigung"):
        assert junk not in article.text
        assert any(junk in line for line in _reasons(article))


def test_dated_list_of_other_stories_goes_with_its_label() -> None:
    blocks = [_block(p) for p in PARAGRAPHS] + [
        _block("Ähnliche:"),
        _block("19.03.2024Fahndung nach Verrätern im Ausschuss"),
        _block("05.03.2024Aufklärung nur intern, sagen die Parteien"),
        _block("Kolom Pakar"),
        _block("Program Hospital Base: Nama Baru, Isi Lama 19/1/2026 05:00"),
    ]
    dropped = block_runs.dated_teasers(blocks)
    assert sorted(dropped) == [4, 5, 6, 7, 8]
    # A single paragraph that opens with a date is the article's own.
    assert block_runs.dated_teasers([_block("12.03.2024 The council met again and voted."), _block(PARAGRAPHS[0])]) == {}


def test_menu_of_links_and_the_header_above_it() -> None:
    items = ["Home", "News", "Views", "Kuliner", "Jelita"]
    blocks = [_block("Headline", "head"), _block("A teaser of another story in eleven words or so here.")]
    blocks += [_block(t, "item", 1.0 if t in ("Home", "Kuliner", "Jelita") else 0.0) for t in items]
    blocks += [_block(p) for p in PARAGRAPHS]
    assert sorted(block_runs.link_lists(blocks)) == [2, 3, 4, 5, 6]
    # A list of short items that are not links (ingredients, features) is content.
    plain = [_block(t, "item") for t in ("cabbage", "courgette", "peas", "tomatoes", "onion")]
    assert block_runs.link_lists(plain) == {}


def test_templated_widget_list() -> None:
    blocks = [_block(p) for p in PARAGRAPHS[:2]] + [_block(f"Gold Rate in {c}") for c in ("Delhi", "Mumbai", "Pune")]
    assert sorted(block_runs.templated(blocks)) == [2, 3, 4]
    steps = [_block("Step one: mix"), _block("Step two: bake"), _block("Step three: serve")]
    assert block_runs.templated(steps) == {}  # two shared words are not a template


def test_closing_appeal_of_any_length() -> None:
    appeal = ("Wait! Before you go, consider what the world would look like without us. " * 8) + "Become a Member"
    blocks = [_block(p) for p in PARAGRAPHS] + [_block(appeal)]
    assert block_runs.closing_appeal(blocks) == {4: "appeal"}
    assert block_runs.closing_appeal([_block(appeal)] + [_block(p) for p in PARAGRAPHS]) == {}


def test_credit_lines() -> None:
    assert is_credit_line("NOEL CELIS/AFP via Getty Images")
    assert is_credit_line("Photo: Jane Doe/Reuters")
    assert not is_credit_line("Reuters")
    assert not is_credit_line("The minister said (Reuters) that talks would go on.")


def test_words_of_unspaced_scripts() -> None:
    assert word_count("報道によると、今回販売されたのは") > 5
    assert word_count("two words") == 2


def _long_page(article_html: str, aside_html: str = "") -> str:
    return f"<html><body><nav><a href='/'>Home</a></nav>{article_html}{aside_html}</body></html>"


def test_page_text_measures() -> None:
    sentence = "This sentence has well over twelve words in it so that it counts as prose here. "
    tree = lxml.html.fromstring(_long_page(f"<div><p>{sentence}</p><script>var x = 1;</script></div>", f"<footer><p>{sentence}</p></footer>"))
    assert abs(visible_chars(tree) - (len("Home") + 2 * len(sentence.strip()))) <= 3  # the script is left out
    assert prose_chars(tree) == len(sentence.strip())  # the footer's copy is not prose of the page
    assert single_article(tree)
    two = lxml.html.fromstring("<html><body><article><p>a</p></article><article><p>b</p></article></body></html>")
    assert not single_article(two)


def _fake_passes(monkeypatch, fast: list[str], default: list[str]) -> None:  # type: ignore[no-untyped-def]
    """trafilatura's fast pass gives ``fast``, its default settings give ``default``."""
    import newstrace.extract.html as html

    def blocks(tree, url, options: BodyOptions) -> list[Block]:  # type: ignore[no-untyped-def]
        return [_block(t) for t in (fast if options.fast else default)]

    monkeypatch.setattr(html, "trafilatura_blocks", blocks)


def test_fast_pass_falls_back_when_it_keeps_a_small_share(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    long = [p + " " + p for p in PARAGRAPHS] * 3  # a long article: well over the length threshold
    _fake_passes(monkeypatch, long[:2], long)
    html = "<html><body><div>" + "".join(f"<p>{p}</p>" for p in long) + "</div></body></html>"
    article = extract_html(raw(html.encode()))
    assert article.text.split("\n\n") == long


def test_fast_pass_kept_when_the_default_adds_little_or_the_page_lists_articles(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    long = [p + " " + p for p in PARAGRAPHS] * 3
    _fake_passes(monkeypatch, long[:-1], long)  # the fast pass kept most of it
    html = "<html><body><div>" + "".join(f"<p>{p}</p>" for p in long) + "</div></body></html>"
    assert extract_html(raw(html.encode())).text.split("\n\n") == long[:-1]
    _fake_passes(monkeypatch, long[:2], long)  # a page of several articles: the default takes the neighbours
    listing = "<html><body>" + "".join(f"<article><p>{p}</p></article>" for p in long) + "</body></html>"
    assert extract_html(raw(listing.encode())).text.split("\n\n") == long[:2]
