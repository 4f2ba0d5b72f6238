"""Quantities: the words that bound, round or scale a figure, units, currencies, and the words of
casualty counts. Read by newstrace.claims.figures.

A figure's range follows the rules of benchmarks/data/ecbplus_conflicts/README.md: a bare figure
is exact; the words below make it a lower bound, an upper bound or an approximation.
"""

from __future__ import annotations

# Words before a figure that make it a lower bound ("at least 10", "more than 140").
LOWER_BOUNDS = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than", "above", "greater than", "a minimum of",
                "upward of", "exceeding")
# ... an upper bound ("up to 20", "as many as 80", "nearly 23,000").
UPPER_BOUNDS = ("up to", "as many as", "at most", "less than", "fewer than", "under", "just under", "no more than", "a maximum of", "within",
                "as high as", "as much as", "not more than", "no higher than", "not exceeding", "below")
# Words that count how many times a thing happened ("Page married twice" against "was married
# three times"): read as a count of times.
REPEATS: dict[str, float] = {"twice": 2, "thrice": 3}
# ... a value just below the figure ("nearly 23,000": 0.9 of it up to it).
NEAR_BELOW = ("nearly", "almost", "close to", "just short of", "just shy of", "shy of")
# ... an approximation (+/- APPROX of the figure).
APPROXIMATE = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "an approximate", "approximate", "or so", "circa", "c.", "in the vicinity of", "in the region of", "the vicinity of")
APPROX = 0.10
# A round figure (ending in zero) is read as rounded to this fraction either way (600 covers 612),
# and so is every measurement (a length, an area, a speed: "35 miles" and "60 km" agree).
ROUNDING = 0.05

# Figures that do not say how many: lower bounds ("dozens" is at least 24). "Several", "a few" and
# "many" are left out: too loose to set against a figure.
VAGUE_LOWER: dict[str, float] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
    "hundreds of thousands": 200000, "millions": 2_000_000, "several dozen": 36,
}
# Small counts written without a number word of their own ("a single rocket", "half a dozen people",
# "a pair of bombs"), and the range each allows.
SMALL_COUNTS: dict[str, tuple[float, float]] = {
    "a single": (1, 1), "a lone": (1, 1), "one single": (1, 1), "half a dozen": (6, 6), "a pair of": (2, 2), "a couple of": (2, 3),
}
# Words before "one" that make it an explicit count ("only one shell hit the school"), not one of
# several ("one bomb hit the school, another the market").
EXACT_ONE = ("only", "just", "exactly")
# Number words not covered by newstrace.timex.numbers (which reads "twenty-five", "a dozen").
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
}

# Words that say a count is provisional, a lower bound at its time ("so far", "rose to").
PROVISIONAL = ("so far", "rose to", "risen to", "rises to", "rising to", "climbed to", "climbs to", "bringing the", "bringing to", "brings to", "brought to", "up to now", "as of", "the latest", "to date", "at this stage", "at least for now", "has reached", "had reached", "reached")

# Units of length, in metres.
LENGTH_UNITS: dict[str, float] = {
    "m": 1.0, "metre": 1.0, "metres": 1.0, "meter": 1.0, "meters": 1.0,
    "km": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0, "kms": 1000.0,
    "ft": 0.3048, "foot": 0.3048, "feet": 0.3048,
    "mile": 1609.344, "miles": 1609.344, "mi": 1609.344, "mils": 1609.344,
    "yard": 0.9144, "yards": 0.9144, "cm": 0.01, "centimetres": 0.01, "centimeters": 0.01, "inch": 0.0254, "inches": 0.0254,
}
# Units of speed, in km/h.
SPEED_UNITS: dict[str, float] = {"mph": 1.609344, "km/h": 1.0, "kmh": 1.0, "kph": 1.0, "miles per hour": 1.609344, "kilometres per hour": 1.0, "kilometers per hour": 1.0}
# Units of area, in square metres.
AREA_UNITS: dict[str, float] = {
    "square-foot": 0.092903, "square foot": 0.092903, "square feet": 0.092903, "square-feet": 0.092903, "sq ft": 0.092903,
    "square-metre": 1.0, "square metre": 1.0, "square metres": 1.0, "square-meter": 1.0, "square meters": 1.0,
    "square-kilometer": 1e6, "square-kilometre": 1e6, "square kilometres": 1e6, "square kilometers": 1e6,
    "acre": 4046.86, "acres": 4046.86, "hectare": 1e4, "hectares": 1e4,
}
# Currencies by symbol or word. The "$" is left unnamed: US, Canadian and Australian dollars look alike.
CURRENCIES: dict[str, str] = {
    "$": "$", "us$": "USD", "usd": "USD", "dollar": "$", "dollars": "$", "c$": "CAD", "a$": "AUD",
    "€": "EUR", "e": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "£": "GBP", "p": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "rupiah": "IDR", "r": "ZAR", "rand": "ZAR", "dh": "AED", "dirhams": "AED",
}

# Measures whose words vary: a casualty count is the same quantity whether it is "killing 10",
# "10 dead", "a death toll of 10" or "10 fatalities". Keys are what a figure counts.
MEASURE_WORDS: dict[str, frozenset[str]] = {
    "killed": frozenset("kill killed killing die died dead death deaths toll fatality fatalities fatal slay slain perish perished".split()),
    "injured": frozenset("injure injured injuring injury injuries wound wounded wounding hurt hurting hospitalise hospitalize hospitalised hospitalized".split()),
    "missing": frozenset("missing unaccounted".split()),
    "arrested": frozenset("arrest arrested arresting detain detained".split()),
    "evacuated": frozenset("evacuate evacuated evacuating flee fled displace displaced".split()),
}


def measure_of(word: str) -> str | None:
    """The measure a word tells of ("killed", "wounded", "evacuated" ...), by MEASURE_WORDS, or None."""
    return next((k for k, vocab in MEASURE_WORDS.items() if word in vocab), None)


# Money: what an amount is, by the words around it ("stole gems worth 85 million euros").
MONEY_MEASURE_WORDS: dict[str, frozenset[str]] = {
    "stolen": frozenset("steal stole stolen stealing snatch snatched nab nabbed haul booty loot rob robbed heist make made".split()),
    "damage": frozenset("damage damages".split()),
    "bailout": frozenset("bailout rescue loan loans package".split()),
}

# Words that make a count of casualties about people even when the counted noun is left out
# ("injuring 80", "80 wounded").
PEOPLE_MEASURES = frozenset({"killed", "injured", "missing", "arrested", "evacuated"})
# Nouns that count people in general. Counts of men, children, residents or victims are kept apart:
# they are often a part of the toll ("six children", "one man"), not the toll.
PEOPLE_NOUNS = frozenset("people person persons individual individuals".split())
# Words that make a count a part of another ("another four people"). "Others" is not among them:
# "killing 10 and wounding 70 others" counts the wounded.
PARTIAL_WORDS = frozenset("another more additional further remaining extra".split())
# Degrees of injury: "30 seriously injured" is not the count of injured.
SEVERITY_WORDS: dict[str, str] = {"seriously": "serious", "critically": "serious", "badly": "serious", "severely": "serious", "gravely": "serious", "slightly": "minor", "lightly": "minor", "minor": "minor", "serious": "serious", "critical": "serious"}
# Nouns of places a count can be limited to ("in Central Aceh district", "at the school").
PLACE_NOUNS = frozenset("district province county region village town city state country island camp school hospital area neighbourhood neighborhood street".split())
# What a figure measures when a noun names it ("a depth of 12 miles", "a magnitude of 5.9").
MEASURE_NOUNS = frozenset("depth height altitude length width distance magnitude population temperature speed age size area weight toll".split())
# Nouns of seismic events: "a 5.9 quake" gives a magnitude.
QUAKE_NOUNS = frozenset("quake earthquake temblor tremor aftershock shock".split())

# What a count of people or things counts when its verb says it, by class: the same quantity told
# with different verbs ("20,000 marched", "20,000 took to the streets", "attended by 20,000") is
# one measure. Keys are the measure's name (shown to a reader); values are verb lemmas.
COUNT_VERBS: dict[str, frozenset[str]] = {
    # people in a crowd
    "crowd": frozenset("march rally protest demonstrate parade attend gather flood throng".split()),
    # people inside a place when it was hit
    "inside": frozenset("shelter hide huddle".split()),
    # buildings, bridges, vehicles damaged or destroyed (one class: outlets tell one count either way)
    "damaged": frozenset("damage destroy collapse topple flatten raze level wreck gut demolish crumble".split()),
    # shells, rockets, bombs that hit a place
    "struck": frozenset("strike hit land explode impact slam fall crash".split()),
}
# Verbs of a crowd told with an object or a particle: "took to the streets", "joined the
# demonstrations", "turned out"; and of an estimate of one: "police put the march at 30,000".
CROWD_NOUNS = frozenset("march marcher rally protest protester protestor demonstration demonstrator crowd procession gathering turnout".split())
CROWD_ESTIMATE_VERBS = frozenset("put estimate number count place".split())
# Nouns of buildings counted as one kind of thing ("800 homes destroyed", "135 homes and other
# buildings damaged", "hundreds of buildings"), unless a modifier narrows them ("42 government
# office buildings" is a part of the count).
BUILDING_NOUNS = frozenset("building home house dwelling residence structure housing apartment".split())
# Counts of people a place has ("about 200,000 residents", "a city of population 167,000").
RESIDENT_NOUNS = frozenset("resident inhabitant".split())
# "Israel has lost seven soldiers": losing people is a count of the killed.
LOSS_VERBS = frozenset("lose".split())
# People a side loses or counts among its dead, beyond the nouns of persons and groups in
# lang.en.people ("lost seven soldiers and four civilians"; "lost 40 jobs" is not a toll).
CASUALTY_NOUNS = frozenset("soldier officer civilian troop fighter militant rebel policeman policemen marine pilgrim tourist climber hostage miner crew crewman passenger".split())
# Injuries suffered: "eight people suffered serious injuries" counts the (seriously) injured.
SUFFER_VERBS = frozenset("suffer sustain receive".split())
# Things, not people: a count of them is never a count of the killed or injured, even in a
# sentence that gives both ("five killed and more than 800 homes destroyed").
THING_NOUNS = BUILDING_NOUNS | frozenset(
    """bridge road hotel school church mosque temple shop store office factory hospital village
    car vehicle bus truck lorry train boat ship plane aircraft helicopter jet tank engine appliance
    shell bomb rocket missile mortar grenade round bullet shot device""".split()
)

# A count told through the noun that names it (claims.tolls): "the death toll rose to 25", "the
# number of injured stood at 300". The kind of toll -> the measure it gives.
TOLL_KINDS: dict[str, str] = {"death": "killed", "fatality": "killed", "injury": "injured"}
TOLL_NOUNS = frozenset({"number", "count", "tally"})
# Verbs that give a toll its figure; the rising ones make it a running count (a lower bound at its time).
TOLL_RISING = frozenset("rose risen rises rising climbed climbs climbing jumped jumps jumping increased increases soared grew mounted reached reaches hit hits".split())
TOLL_VERBS = TOLL_RISING | frozenset("stood stands stand is was were are put placed estimated revised raised lowered set given".split())
