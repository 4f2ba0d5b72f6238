"""newstrace.names: the one module for titles, acronyms and keys (attribution, entities, linking)."""

from __future__ import annotations

from newstrace import names


def test_acronym_of_a_name_leaves_out_small_words() -> None:
    assert names.acronym("Department of Homeland Security") == "DHS"
    assert names.acronym("Bank of America") == "BA"
    assert names.acronym("Parliament") is None  # one word has no acronym


def test_linking_keeps_hyphenated_words_whole_attribution_splits_them() -> None:
    # link keys are stored: their rule stays ("AAP"), and one-word names get no two-letter key
    assert names.acronym("Al-Qaeda in the Arabian Peninsula") == "AAP"
    assert names.acronym("Coca-Cola") is None
    assert names.keys_for("Coca-Cola", "ORG") == {"org:coca-cola": 1.0}
    # inside one article the parts count
    assert names.acronym("Al-Qaeda in the Arabian Peninsula", split_hyphens=True) == "AQAP"
    assert names.acronym("Coca-Cola", split_hyphens=True) == "CC"
    assert names.acronym("3M Company", split_hyphens=True) is None  # a word opening with a digit gives no initial


def test_acronym_key_and_is_acronym() -> None:
    assert names.acronym_key("U.S. A") == "USA"
    assert names.is_acronym("N.A.T.O.")
    assert not names.is_acronym("Nato")
    assert names.keys_for("N.A.T.O.", "ORG")["acr:NATO"] == 0.85


def test_split_name_takes_offices_roles_and_nationalities_off_the_front() -> None:
    roles = frozenset({"engineer"})
    assert names.split_name(["Gauteng", "MEC", "Jacob", "Mamabolo"], roles) == (["Gauteng", "MEC"], ["Jacob", "Mamabolo"])
    assert names.split_name(["Engineer", "Bob", "Stone"], roles) == (["Engineer"], ["Bob", "Stone"])
    assert names.split_name(["Engineer", "Bob", "Stone"], frozenset()) == ([], ["Engineer", "Bob", "Stone"])
    assert names.split_name(["Son", "Heung-min"], roles) == ([], ["Son", "Heung-min"])
    assert names.split_name(["Russian", "President", "Vladimir", "Putin"], roles) == (["Russian", "President"], ["Vladimir", "Putin"])


def test_split_title_of_the_link_keys() -> None:
    assert names.split_title("Russian President Vladimir Putin") == ("Russian President", "Vladimir Putin")
    assert names.split_title("Vladimir Putin") == (None, "Vladimir Putin")
