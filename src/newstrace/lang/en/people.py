"""Words for people: roles, groups, titles and the words that tell a person's gender."""

from __future__ import annotations

# Role nouns: a singular one heads a described source ("a Kremlin spokesman").
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson official minister secretary president chairman
    chairwoman chair director head chief leader governor senator representative
    ambassador envoy diplomat officer commander general admiral analyst expert source
    aide adviser advisor lawyer attorney prosecutor judge witness resident mayor
    member executive ceo founder manager reporter journalist correspondent editor author
    researcher professor economist scientist doctor official lawmaker deputy candidate
    observer activist campaigner worker employee owner co-owner partner sergeant
    """.split()
)

# Further nouns for a single person a statement can come from ("the 36-year-old", "his lawyer",
# "one neighbour", "the victim"): relations, circumstances, occupations.
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """man woman boy girl person mother father wife husband son daughter brother sister uncle aunt
    grandmother grandfather cousin friend colleague neighbour neighbor victim survivor suspect
    defendant plaintiff accused student teacher nurse physician surgeon engineer farmer driver pilot
    soldier captain colonel lieutenant major coach player athlete manager owner host guest fan
    parent mom mum dad villager resident citizen voter inmate prisoner detainee patient attendee
    organiser organizer founder co-founder president-elect premier chancellor prime-minister
    councillor councilor legislator congressman congresswoman politician historian strategist
    consultant economist banker trader investor entrepreneur businessman businesswoman chairperson
    commissioner superintendent inspector detective agent investigator officer constable sheriff
    judge justice magistrate barrister solicitor attorney counsel advocate clerk priest pastor
    bishop imam rabbi cleric monk nun pope king queen prince princess emperor
    writer novelist poet artist singer actor actress director producer designer architect chef
    writer columnist commentator presenter anchor blogger photographer publisher editor-in-chief
    year-old teenager child kid baby official insider""".split()
)

# Plural group nouns that head an anonymous group ("officials familiar with ...").
GROUP_NOUNS = frozenset(
    """
    officials sources analysts observers experts people residents witnesses critics
    supporters lawmakers diplomats investigators authorities officers media reports
    scientists researchers economists aides advisers advisors members leaders
    prosecutors lawyers police activists protesters voters citizens
    villagers neighbours neighbors parents mothers fathers families students teachers workers
    employees staff doctors nurses victims survivors journalists reporters historians
    opponents proponents advocates organisers organizers demonstrators campaigners
    executives investors traders consumers users customers fans players justices judges
    senators ministers legislators republicans democrats conservatives liberals many some others
    personnel crew guards soldiers troops marines commanders negotiators spokespeople
    several most few both all
    """.split()
)

# Titles dropped from a person's canonical name ("President Vladimir Putin").
NAME_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir president prime minister gov gov. governor
    sen sen. senator rep rep. representative gen gen. general secretary chancellor king queen
    prince princess pope rev rev. reverend judge justice mayor ambassador chairman
    former late then-president vice deputy
    """.split()
)

# Words that say a person is a man or a woman: titles, roles and relations.
MALE_WORDS = frozenset(
    """mr mr. sir lord king prince duke emperor pope father dad son brother husband uncle grandfather
    nephew boy man gentleman spokesman chairman congressman businessman sportsman actor monk
    boyfriend fiancé widower""".split()
)
FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss madam madame dame lady queen princess duchess empress mother mom mum
    daughter sister wife aunt grandmother niece girl woman spokeswoman chairwoman congresswoman
    businesswoman sportswoman actress nun girlfriend fiancée widow""".split()
)

# Titles that only a person bears, with and without the full stop ("Rep. Zooey Zephyr", "Mr Pin").
PERSON_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lady lord rep rep. sen sen. gov gov. gen gen.
    lt lt. col col. capt capt. sgt sgt. rev rev. fr fr. president senator governor representative judge
    justice mayor chief principal minister premier chancellor king queen prince princess pope
    ambassador secretary""".split()
)

# Titles, honorifics and role words that stand before a person's name ("Russian President Vladimir Putin",
# "Indiana Gov. Eric Holcomb", "CIA Director William Burns"): not part of the name (newstrace.names,
# newstrace.nlp.entity_rules). Broader than PERSON_TITLES: it also holds modifiers ("foreign", "former").
TITLE_WORDS = frozenset(
    """
    president vice prime minister premier chancellor secretary senator sen. rep. representative
    congressman congresswoman governor gov. mayor judge justice general gen. admiral adm. colonel col.
    lt. lieutenant captain capt. sergeant sgt. major commander dr. dr mr. mr mrs. mrs ms. ms miss sir
    dame lord lady king queen prince princess pope cardinal bishop archbishop rabbi imam sheikh ceo cfo
    coo chairman chairwoman chair chief head leader director spokesman spokeswoman spokesperson
    ambassador envoy officer official founder owner co-owner coach manager foreign defense defence
    interior finance deputy former late then acting interim supreme state national attorney prosecutor
    detective inspector superintendent commissioner minister-president speaker first analyst reporter
    journalist correspondent editor author actor actress singer rapper star player striker goalkeeper
    midfielder defender driver pilot astronaut professor prof. economist historian cto
    """.split()
)

# Heads that make "the Russian leader" a description of someone named earlier.
LEADER_WORDS = frozenset({"leader", "president", "premier", "head", "chief", "ruler", "strongman"})
