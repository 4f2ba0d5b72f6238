"""Plain-text scrape cleaning: the seed page and page shapes written here."""

from __future__ import annotations

from _support import fold

from newstrace.extract.text import clean_plain_text


def test_seed_clean_text_matches_gold(seed_page, seed_gold):
    cleaned = clean_plain_text(seed_page.read_text(encoding="utf-8"))
    body = fold(cleaned.text)
    for phrase in seed_gold["clean_text"]["must_contain"]:
        assert fold(phrase) in body, phrase
    for phrase in seed_gold["clean_text"]["must_not_contain"]:
        assert fold(phrase) not in body, phrase
    caption = seed_gold["image"]["caption_contains"]
    assert body.count(fold(caption)) == seed_gold["clean_text"]["caption_count_in_body"]
    assert any(caption in (i.caption or "") and i.credit == seed_gold["image"]["credit"] for i in cleaned.images)
    assert cleaned.language == seed_gold["language"]
    assert all(r.reason for r in cleaned.removed)


PAGE_WITH_FURNITURE = """Home | Politics | Business | Sport

Budget vote delayed as coalition talks stall

By Maria Lopez and Tom Becker

Lawmakers in the regional parliament postponed the budget vote on Thursday, the speaker's office said in a statement.

Advertisement

The delay follows two weeks of talks between the three coalition parties, which disagree on school funding.

What happens next

Officials said a new date would be set once the parties had agreed on a compromise for the coming year.

Protesters outside the parliament building in the city centre on Thursday. Photo: Jan Novak

Protesters outside the parliament building in the city centre on Thursday. Photo: Jan Novak

12 comments

Share this article

Die Regierung hat heute neue Maßnahmen für die Wirtschaft des Landes angekündigt und diskutiert.

Read more: https://example.org/politics/other-story

Subscribe to our newsletter
"""


def test_page_furniture_is_removed_with_reasons():
    cleaned = clean_plain_text(PAGE_WITH_FURNITURE)
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0].startswith("Lawmakers in the regional parliament")
    assert paragraphs[-1].startswith("Officials said a new date")
    assert "What happens next" in paragraphs  # a subheading inside the body stays
    for junk in ("Home | Politics", "Advertisement", "12 comments", "Share this article", "Subscribe", "Die Regierung", "Read more", "Photo:"):
        assert junk not in cleaned.text, junk
    assert cleaned.title == "Budget vote delayed as coalition talks stall"
    assert cleaned.authors == ("Maria Lopez", "Tom Becker")
    assert cleaned.images[0].credit == "Jan Novak"
    assert cleaned.images[0].caption.startswith("Protesters outside")
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert "another language (de)" in reasons["Die Regierung hat heute neue Maßnahmen für die Wirtschaft des Landes angekündigt und diskutiert."]
    assert "counter" in reasons["12 comments"]
    assert "link-like" in reasons["Home | Politics | Business | Sport"]
    assert cleaned.language == "en"


def test_single_paragraph_lines_without_blank_lines():
    page = "\n".join(
        [
            "Menu",
            "The city council approved the new tram line after a long debate on Monday evening.",
            "Construction is expected to start next spring, the mayor told local reporters afterwards.",
            "5 shares",
        ]
    )
    cleaned = clean_plain_text(page)
    assert cleaned.text.split("\n\n") == [
        "The city council approved the new tram line after a long debate on Monday evening.",
        "Construction is expected to start next spring, the mayor told local reporters afterwards.",
    ]


def test_text_without_prose_keeps_what_it_has():
    cleaned = clean_plain_text("Short note\nAnother short line\n")
    assert "Short note" in cleaned.text
