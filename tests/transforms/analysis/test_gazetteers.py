"""The shipped gazetteers: one entity per alias, demonyms apart, ids stable."""

from __future__ import annotations

from transforms.analysis.gazetteers import (
    _load,
    _person_aliases,
    alias_key,
    entity_ref,
    entity_words,
    gazetteer,
    slug,
)
from transforms.metadata.agencies import agency_entries


def _all_aliases() -> list[tuple[str, str]]:
    pairs = []
    places = _load("places.toml")
    for section in ("countries", "cities", "regions"):
        pairs += [(a, f"place:{e['name']}") for e in places[section] for a in [e["name"], *e.get("aliases", [])]]
    pairs += [
        (a, f"organisation:{e['name']}")
        for e in _load("organisations.toml")["organisations"]
        for a in [e["name"], *e.get("aliases", [])]
    ]
    pairs += [(a, f"organisation:{name}") for name, aliases in agency_entries() for a in [name, *aliases]]
    pairs += [
        (a, f"person:{e['name']}") for e in _load("people.toml")["people"] for a in [e["name"], *_person_aliases(e)]
    ]
    return pairs


def test_no_alias_names_two_entities() -> None:
    owners: dict[str, set[str]] = {}
    for alias, owner in _all_aliases():
        owners.setdefault(alias_key(alias), set()).add(owner)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_demonyms_are_not_names() -> None:
    demonyms = set(gazetteer().demonyms)
    assert demonyms & set(gazetteer().aliases) == set()
    assert gazetteer().demonyms["Russian"].entity_id == "place:russia"
    assert gazetteer().demonyms["Ukrainian"].entity_id == "place:ukraine"


def test_the_alias_table_of_the_issue() -> None:
    aliases = gazetteer().aliases
    for spelling in ("Zelenski", "Zelensky", "Zelenskiy", "Zelenskyy", "Volodymyr Zelenski"):
        assert aliases[spelling].entity_id == "person:volodymyr-zelensky", spelling
    assert aliases["Kiev"] == aliases["Kyiv"] == entity_ref("Kyiv", "place")
    assert aliases["Stoltenberg"] == aliases["Jens Stoltenberg"]
    assert aliases["North Atlantic Treaty Organization"].entity_id == aliases["NATO"].entity_id == "organisation:nato"
    assert aliases["UN"].entity_id == aliases["United Nations"].entity_id == "organisation:united-nations"


def test_a_last_name_shared_in_the_table_is_not_an_alias_alone() -> None:
    # Dmitry Peskov and Dmitry Medvedev share a first name: the full names are aliases, "Dmitry" is not
    assert "Dmitry" not in gazetteer().aliases
    assert gazetteer().aliases["Dmitry Peskov"].entity_id == "person:dmitry-peskov"
    # last_alone = false: "Harris" and "Johnson" alone name too many people
    assert "Harris" not in gazetteer().aliases and "Johnson" not in gazetteer().aliases


def test_agencies_come_from_agencies_toml_without_the_ambiguous_short_forms() -> None:
    aliases = gazetteer().aliases
    assert aliases["Agence France-Presse"].entity_id == aliases["AFP"].entity_id == "organisation:afp"
    assert aliases["Deutsche Welle"].entity_id == "organisation:dw"
    for ambiguous in ("PA", "AA", "EP", "EPA"):
        assert ambiguous not in aliases


def test_ids_are_stable_slugs() -> None:
    assert slug("Côte d'Ivoire") == "cote-d-ivoire"
    assert slug("Bukola  Saraki ") == "bukola-saraki"
    assert slug("Zanu-PF") == "zanu-pf"
    assert slug("Москва") == "москва"
    assert entity_ref("Kyiv", "place").entity_id == "place:kyiv"


def test_word_lists_load() -> None:
    words = entity_words()
    assert {"Prime Minister", "Secretary-General", "Foreign Minister", "Bundeskanzler"} <= words.titles
    assert {"spokesman", "minister"} <= words.role_words
    assert "Monday" in words.months_and_days and "Kevin" in words.first_names


# --- places from the maintained packages (issue 17) ----------------------------------------------


def test_every_iso_country_is_a_place_under_the_name_news_use() -> None:
    import pycountry

    g = gazetteer()
    missing = [c.name for c in pycountry.countries if g.aliases.get(c.name) is None and "," not in c.name]
    assert missing == [] or all("(" in name for name in missing), missing
    # the ISO and official names lead to the entity places.toml names by its code
    assert g.aliases["Russian Federation"].entity_id == "place:russia"
    assert g.aliases["Viet Nam"].entity_id == g.aliases["Vietnam"].entity_id
    assert g.aliases["Türkiye"].entity_id == "place:turkey"
    assert g.aliases["Tuvalu"].kind == "place"  # not in the hand list: from pycountry alone


def test_places_toml_names_countries_by_a_real_iso_code() -> None:
    import pycountry

    for e in _load("places.toml")["countries"]:
        if "code" in e:
            assert pycountry.countries.get(alpha_2=e["code"]) is not None, e


def test_subdivisions_and_cities_come_from_the_packages_but_never_a_first_name() -> None:
    g = gazetteer()
    for name in ("Queensland", "Gujarat", "Nuevo Leon", "Chattogram", "Bogota", "Bogotá", "Shenzhen"):
        assert g.aliases[name].kind == "place", name
    assert g.aliases.get("Victoria") is None  # an Australian state, but mostly a woman's name
    assert g.aliases["Washington"].entity_id == "place:washington"  # the hand list's city wins over the state
    assert g.aliases["Georgia"].entity_id == "place:georgia"
