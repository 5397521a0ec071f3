"""Cross-article entity merging: what joins a known entity, and what must never join it."""

from __future__ import annotations

import polars as pl
import pytest

from transforms.analysis.entities import MENTION_SCHEMA
from transforms.analysis.entity_resolution import ENTITY_SCHEMA, resolve_entities


def _mentions(*rows: tuple[str, str, str, str]) -> pl.DataFrame:
    """rows of (article_id, entity_id, entity_name, mention_text); kind from the id."""
    return pl.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "mention_index": list(range(len(rows))),
            "entity_id": [r[1] for r in rows],
            "entity_name": [r[2] for r in rows],
            "kind": [r[1].split(":")[0] for r in rows],
            "mention_text": [r[3] for r in rows],
            "start_char": [0] * len(rows),
            "end_char": [len(r[3]) for r in rows],
            "method": ["name_sequence"] * len(rows),
            "role": [None] * len(rows),
            "field": ["body"] * len(rows),
        },
        schema=MENTION_SCHEMA,
    )


def _known(*rows: tuple[str, str, list[str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "entity_id": [r[0] for r in rows],
            "entity_name": [r[1] for r in rows],
            "kind": [r[0].split(":")[0] for r in rows],
            "aliases": [r[2] for r in rows],
        },
        schema=ENTITY_SCHEMA,
    )


def _resolved_id(entity_id: str, name: str, known: pl.DataFrame) -> str:
    mentions, _ = resolve_entities(_mentions(("a", entity_id, name, name)), known)
    return mentions["entity_id"][0]


@pytest.mark.parametrize(
    ("known_id", "known_name", "new_id", "new_name"),
    [
        ("person:elizabeth-a-burton", "Elizabeth A. Burton", "person:elizabeth-burton", "Elizabeth Burton"),
        ("person:sergei-ivanov", "Sergei Ivanov", "person:sergey-ivanov", "Sergey Ivanov"),
        ("person:ben-murray-bruce", "Ben Murray-Bruce", "person:ben-murray-bruce-2", "Ben Murray Bruce"),
        ("person:benjamin-nzeribe", "Benjamin Nzeribe", "person:b-u-nzeribe", "B. U. Nzeribe"),
        ("person:anezina-solomonidou", "Anezina Solomonidou", "person:anezina-solomonidu", "Anezina Solomonidu"),
        ("person:rosaly-lopes", "Rosaly Lopes", "person:lopes", "Lopes"),
        (
            "organisation:ministry-of-defence",
            "Ministry of Defence",
            "organisation:ministry-of-defense",
            "Ministry of Defense",
        ),
        (
            "organisation:peoples-democratic-party",
            "Peoples Democratic Party",
            "organisation:people-s-democratic-party",
            "People's Democratic Party",
        ),
        ("place:braunau-am-inn", "Braunau am Inn", "place:braunau-am-inn-2", "Braunau Am Inn"),
    ],
)
def test_variant_spellings_join_the_known_entity(known_id: str, known_name: str, new_id: str, new_name: str) -> None:
    assert _resolved_id(new_id, new_name, _known((known_id, known_name, []))) == known_id


@pytest.mark.parametrize(
    ("known_id", "known_name", "new_id", "new_name"),
    [
        ("person:elizabeth-a-burton", "Elizabeth A. Burton", "person:victor-n-burton", "Victor N. Burton"),
        ("person:john-smith", "John Smith", "person:john-smyth", "John Smyth"),  # short last names: exact only
        ("person:li-wei", "Li Wei", "person:li-wen", "Li Wen"),
        ("person:anna-berg", "Anna Berg", "person:berg", "Berg"),  # a lone last name under 5 letters
        ("organisation:bank-of-england", "Bank of England", "organisation:bank-of-ireland", "Bank of Ireland"),
        ("organisation:abc", "ABC", "organisation:abd", "ABD"),
        ("organisation:g7-summit-team", "G7 Summit Team", "organisation:g8-summit-team", "G8 Summit Team"),
        ("place:inner-mongolia", "Inner Mongolia", "place:outer-mongolia", "Outer Mongolia"),
        ("place:kowloon-west", "Kowloon West", "place:kowloon-east", "Kowloon East"),
        ("place:hope", "Hope", "person:hope", "Hope"),  # never across kinds
    ],
)
def test_look_alikes_stay_apart(known_id: str, known_name: str, new_id: str, new_name: str) -> None:
    assert _resolved_id(new_id, new_name, _known((known_id, known_name, []))) == new_id


def test_a_lone_last_name_shared_by_two_known_people_joins_neither() -> None:
    known = _known(
        ("person:elizabeth-a-burton", "Elizabeth A. Burton", []), ("person:victor-n-burton", "Victor N. Burton", [])
    )
    assert _resolved_id("person:burton", "Burton", known) == "person:burton"


def test_a_known_alias_matches_exactly() -> None:
    known = _known(("organisation:joint-narcotics-enforcement-team", "Joint Narcotics Enforcement Team", ["JNET"]))
    assert _resolved_id("organisation:jnet", "JNET", known) == "organisation:joint-narcotics-enforcement-team"


def test_gazetteer_entities_keep_their_ids() -> None:
    known = _known(("place:kyivv", "Kyivv", []))  # a look-alike known from a bad page
    assert _resolved_id("place:kyiv", "Kyiv", known) == "place:kyiv"


def test_mentions_are_remapped_and_entities_report_changes() -> None:
    known = _known(("person:jane-whitfield", "Jane Whitfield", []), ("place:senkata", "Senkata", []))
    mentions = _mentions(
        ("a", "person:jane-m-whitfield", "Jane M. Whitfield", "Jane M. Whitfield"),
        ("a", "person:jane-m-whitfield", "Jane M. Whitfield", "Whitfield"),
        ("b", "place:senkata", "Senkata", "Senkata"),
        ("b", "organisation:wework", "WeWork", "WeWork"),
    )
    resolved, entities = resolve_entities(mentions, known)
    assert resolved.select("entity_id", "entity_name").rows() == [
        ("person:jane-whitfield", "Jane Whitfield"),
        ("person:jane-whitfield", "Jane Whitfield"),
        ("place:senkata", "Senkata"),
        ("organisation:wework", "WeWork"),
    ]
    assert resolved.schema == pl.Schema(MENTION_SCHEMA)
    # Whitfield gained aliases; Senkata is unchanged (not repeated); WeWork is new
    assert sorted(entities.rows()) == [
        ("organisation:wework", "WeWork", "organisation", []),
        ("person:jane-whitfield", "Jane Whitfield", "person", ["Jane M. Whitfield", "Whitfield"]),
    ]


def test_a_full_name_renames_a_known_lone_last_name() -> None:
    known = _known(("person:solomonidou", "Solomonidou", []))
    resolved, entities = resolve_entities(
        _mentions(("a", "person:anezina-solomonidou", "Anezina Solomonidou", "Anezina Solomonidou")), known
    )
    assert resolved["entity_id"].to_list() == ["person:solomonidou"]
    assert entities.rows() == [("person:solomonidou", "Anezina Solomonidou", "person", ["Solomonidou"])]


def test_a_batch_merges_within_itself_longest_name_first() -> None:
    mentions = _mentions(
        ("a", "person:lopes", "Lopes", "Lopes"), ("b", "person:rosaly-lopes", "Rosaly Lopes", "Rosaly Lopes")
    )
    resolved, entities = resolve_entities(mentions, None)
    assert resolved["entity_id"].to_list() == ["person:rosaly-lopes", "person:rosaly-lopes"]
    assert entities.rows() == [("person:rosaly-lopes", "Rosaly Lopes", "person", ["Lopes"])]


def test_empty_batch() -> None:
    resolved, entities = resolve_entities(pl.DataFrame(schema=MENTION_SCHEMA), None)
    assert resolved.is_empty() and entities.is_empty()
    assert entities.schema == pl.Schema(ENTITY_SCHEMA)
