"""Unit tests for the pieces extract_html is built from."""

from __future__ import annotations

import pytest

from newstrace.extract.authors import clean_authors
from newstrace.extract.credits import split_credit
from newstrace.extract.html_meta import strip_site_suffix
from newstrace.ingest.charset import charset_from_content_type, decode_bytes
from newstrace.ingest.dates import normalise_date


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Trump speaks on Tuesday. (Evan Vucci/AP)", "Trump speaks on Tuesday.", "Evan Vucci/AP"),
        ("Protesters in Hong Kong (AP Photo/Kin Cheung)", "Protesters in Hong Kong", "AP Photo/Kin Cheung"),
        ("A man walks past. Photograph: Jane Doe/AFP/Getty Images", "A man walks past.", "Jane Doe/AFP/Getty Images"),
        ("Flooded streets. Credit...Gianni Cipriano for The New York Times", "Flooded streets.", "Gianni Cipriano for The New York Times"),
        ("Image copyright Getty Images Image caption Johnson has promised", "Johnson has promised", "Getty Images"),
        ("The stadium at dusk. Photo: John Smith", "The stadium at dusk.", "John Smith"),
        ("A view of the city Credit: Shutterstock", "A view of the city", "Shutterstock"),
        ("Workers in Shenzhen. JOHN DOE/AFP via Getty Images", "Workers in Shenzhen.", "JOHN DOE/AFP via Getty Images"),
        ("The new phone. © Apple", "The new phone.", "Apple"),
        ("Smith (left) and Jones shake hands", "Smith (left) and Jones shake hands", None),
        ("Photo: Reuters. The summit in Osaka.", "The summit in Osaka.", "Reuters"),
    ],
)
def test_split_credit(text: str, caption: str | None, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["By Jane Doe and John Smith"], ("Jane Doe", "John Smith")),
        (["View all posts by Maria da Silva"], ("Maria da Silva",)),
        (["Jane Doe, Reuters"], ("Jane Doe",)),
        (["By JANE DOE, Associated Press"], ("Jane Doe",)),
        (["Staff Writer"], ()),
        (["Victor Tangermann, Futurism"], ("Victor Tangermann",)),
        (["https://www.facebook.com/someone"], ()),
        (["Jane Doe | Senior Reporter"], ("Jane Doe",)),
        (["John E Smith"], ("John E Smith",)),
        (["Иван Петров и Анна Смирнова"], ("Иван Петров", "Анна Смирнова")),
    ],
)
def test_clean_authors(raw: list[str], names: tuple[str, ...]) -> None:
    assert clean_authors(raw) == names


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2019-11-19T13:03:00.000Z", "2019-11-19T13:03:00+00:00"),
        ("2019-11-19T10:02:00+0100", "2019-11-19T10:02:00+01:00"),
        ("2019-11-19", "2019-11-19"),
        ("2019-11-19 02:24:00", "2019-11-19T02:24:00"),
        ("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00+00:00"),
        ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00"),
        ("1574168580", "2019-11-19T13:03:00+00:00"),
        ("not a date", None),
        ("", None),
        ("0001-01-01", None),
    ],
)
def test_normalise_date(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


@pytest.mark.parametrize(
    ("title", "site", "url", "clean"),
    [
        ("Bridge closed | The Daily Example", "The Daily Example", None, "Bridge closed"),
        ("Bridge closed - Example News", None, "https://www.examplenews.com/a", "Bridge closed"),
        ("Opinion | Republicans Are Following Trump", "NYTimes", "https://nytimes.com/x", "Opinion | Republicans Are Following Trump"),
        ("Cats - Dogs: a history", "Pets Daily", None, "Cats - Dogs: a history"),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, url: str | None, clean: str) -> None:
    assert strip_site_suffix(title, site, url) == clean


def test_decode_bytes() -> None:
    assert decode_bytes("héllo".encode(), "iso-8859-1") == ("héllo", "utf-8")
    assert decode_bytes("héllo wörld".encode("cp1252"), "iso-8859-1") == ("héllo wörld", "cp1252")
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">' + "Привет".encode("koi8-r")
    assert decode_bytes(meta)[1] == "koi8-r"
    assert decode_bytes(b"\xef\xbb\xbfabc") == ("abc", "utf-8-sig")
    assert charset_from_content_type("text/html; charset=UTF-8") == "utf-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type("text/html; charset=bogus") is None
