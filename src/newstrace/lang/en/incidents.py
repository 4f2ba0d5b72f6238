"""Words that tell one incident's count from another's: what a toll or a crowd is a count of.
Read by newstrace.link.incidents.
"""

from __future__ import annotations

# Nouns of an attack whose object is its target ("the bombing of UN schools", "strikes on homes").
ATTACK_NOUNS = frozenset(
    "attack attacks bombing bombings bombardment shelling strike strikes airstrike airstrikes raid raids assault "
    "assaults shooting shootings".split()
)
# Places an attack can hit, in the plural: "the bombing of UN schools and of housing" sums several
# incidents, and its toll is no one incident's.
PLURAL_SITES = frozenset(
    "schools homes houses buildings villages towns cities mosques churches hospitals camps markets shelters "
    "neighbourhoods neighborhoods districts areas targets sites facilities compounds".split()
)
# Words that make a count the whole country's ("nationwide strikes", "across the country").
NATIONWIDE = (
    "nationwide", "countrywide", "across the country", "across the nation", "all over the country",
    "around the country", "throughout the country",
)
# Phrases of a force hit by its own side's fire: its casualties are another incident's than the
# enemy attack's ("one of its own tanks firing on a building used by Israeli troops, killing four").
FRIENDLY_FIRE = (
    "friendly fire", "its own tank", "its own tanks", "their own tank", "their own tanks", "its own troops",
    "its own forces", "their own forces", "its own aircraft", "fired mistakenly", "mistakenly fired",
)
# Nouns and verbs that make a distance the event's location ("the quake struck 55 km west of Bireun",
# "the epicentre was 85 miles from"), not some other thing's ("the building, 15 miles north of Detroit").
EVENT_LOCATION_WORDS = frozenset(
    "quake quakes earthquake earthquakes temblor tremor aftershock epicentre epicenter epicentred epicentered "
    "centred centered struck strike struck hit blast explosion".split()
)
# Verbs that tell an event happening: a time of day they are given is the event's time ("the quake
# struck at 7:37 a.m.", "the attack came at 3.45pm", "planes dropped the bombs at 3:20 p.m.").
EVENT_VERBS = frozenset(
    "hit struck strike strikes attack attacked drop dropped explode exploded come came occur occurred happen "
    "happened shell shelled bomb bombed fire fired crash crashed jolt jolted rock rocked shake shook land landed "
    "erupt erupted".split()
)
# Kinds of firearm, each named by its singular nouns: "the rifle" and "the shotgun" are two guns; a
# revolver is a handgun. Generic words ("gun", "weapon", "firearm") name no kind.
FIREARM_KINDS = {
    "rifle": ("rifle", "assault rifle", "hunting rifle", "carbine", "ar-15", "ak-47", "kalashnikov"),
    "shotgun": ("shotgun", "shot gun", "sawed-off shotgun", "sawn-off shotgun"),
    "handgun": ("handgun", "pistol", "revolver", "semi-automatic pistol", "semiautomatic pistol"),
}
# Where a quake (or any event at sea or on land) happened: on land, or at sea.
ON_LAND = ("inland", "on land", "onshore")
AT_SEA = ("offshore", "off the coast", "at sea", "undersea", "under the sea", "beneath the sea", "in the sea", "under the seabed")
# Nouns a firearm word can modify without naming the weapon used: "denied a handgun permit", "rifle
# club", "shotgun shells".
FIREARM_MODIFIED = frozenset(
    "permit permits license licence licenses licences owner owners ownership ban bans law laws control sale sales shop "
    "store stores dealer dealers range club clubs rights shell shells cartridge cartridges pellets ammunition round rounds "
    "course training registration purchase purchases".split()
)
# Words that make a count the whole of a long conflict's ("has so far lost seven soldiers in the
# conflict"), not one day's ("five soldiers lost their lives on Wednesday").
CONFLICT_NOUNS = frozenset("conflict war offensive campaign operation fighting uprising violence insurgency occupation".split())
# Spans a tally is kept over ("13 home runs in 54 games", "at least 30 homers in each of the past five
# seasons", "this season"): two tallies over different spans are two quantities.
TALLY_SPANS = frozenset("season seasons game games start starts match matches fight fights bout bouts race races tournament career year years month months week weeks".split())
# The spans named by "this", "last", "next", "the past" ... alone ("last season", "this week"): the
# singular nouns of TALLY_SPANS that are not also verbs there. The other words after those openers
# are mostly verbs or other readings ("a deal that starts", "a shirt that matches", "rains that last
# for years", "so that weeks later"): reading TALLY_SPANS whole there changed the spans of 14 of the
# 588 dev and unrelated pages, 6 of them wrongly.
TALLY_SPANS_NAMED = frozenset("season year month week game match fight bout".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Plural operations a count can be summed over ("seized a total of 14 rifles during the five
# operations"): such a count is no one operation's.
PLURAL_OPERATIONS = frozenset(
    "operations raids missions patrols attacks strikes airstrikes incidents bombings sorties clashes battles "
    "shootings robberies seizures".split()
)

# Events whose duration a story gives ("the fire burned for six hours", "the siege lasted two days"),
# beside quakes (quantities.QUAKE_NOUNS). A duration is compared only between two of one kind.
LASTING_EVENTS = frozenset(
    "fire blaze siege standoff stand-off blackout outage storm shaking tremor battle fighting clash gunfight shootout "
    "hostage-taking protest march rally strike occupation lockdown curfew eruption flood flooding".split()
)
