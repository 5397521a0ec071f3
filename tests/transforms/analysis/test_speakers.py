"""Quote speakers linked to the entities of their article."""

from __future__ import annotations

import polars as pl

from transforms.analysis.entities import MENTION_SCHEMA
from transforms.analysis.quotes import QUOTES_SCHEMA
from transforms.analysis.speakers import speaker_entities


def _mention(article_id: str, text: str, entity_id: str, name: str, kind: str = "person") -> dict:
    return {
        "article_id": article_id,
        "mention_index": 0,
        "entity_id": entity_id,
        "entity_name": name,
        "kind": kind,
        "mention_text": text,
        "start_char": 0,
        "end_char": len(text),
        "method": "gazetteer",
        "role": None,
        "field": "body",
    }


def _quote(article_id: str, speaker: str | None) -> dict:
    return {
        "article_id": article_id,
        "quote_index": 0,
        "quote_text": "We are ready.",
        "speaker": speaker,
        "speaker_method": "verb",
        "verb": "said",
        "start_char": 0,
        "end_char": 13,
    }


def test_a_last_name_is_the_person_named_in_full_in_the_same_article() -> None:
    mentions = pl.DataFrame(
        [
            _mention("a", "Jens Stoltenberg", "person:jens-stoltenberg", "Jens Stoltenberg"),
            _mention("b", "Anna Stoltenberg", "person:anna-stoltenberg", "Anna Stoltenberg"),
        ],
        schema=MENTION_SCHEMA,
        orient="row",
    )
    quotes = pl.DataFrame(
        [_quote("a", "Stoltenberg"), _quote("b", "Stoltenberg"), _quote("a", None)], schema=QUOTES_SCHEMA, orient="row"
    )
    linked = speaker_entities(quotes, mentions)
    assert linked["speaker_entity_id"].to_list() == ["person:jens-stoltenberg", "person:anna-stoltenberg", None]
    assert linked.columns == [*QUOTES_SCHEMA, "speaker_entity_id"]


def test_an_unknown_speaker_with_no_mention_stays_unlinked() -> None:
    quotes = pl.DataFrame([_quote("a", "Zqx Vrtl")], schema=QUOTES_SCHEMA, orient="row")
    assert speaker_entities(quotes, pl.DataFrame(schema=MENTION_SCHEMA))["speaker_entity_id"].to_list() == [None]


# --- pronouns link only to entities of a compatible kind (issue 17) -----------------------------


def _pronoun_quote(article_id: str, speaker: str) -> dict:
    return _quote(article_id, speaker) | {"speaker_method": "pronoun"}


def test_a_pronoun_speaker_never_links_to_a_place() -> None:
    mentions = pl.DataFrame(
        [
            _mention("a", "South Korea", "place:south-korea", "South Korea", "place"),
            _mention("b", "South Korea", "place:south-korea", "South Korea", "place"),
        ],
        schema=MENTION_SCHEMA,
        orient="row",
    )
    quotes = pl.DataFrame(
        [_pronoun_quote("a", "South Korea"), _quote("b", "South Korea")], schema=QUOTES_SCHEMA, orient="row"
    )
    # named as the speaker, a country may speak for its government; through a pronoun it is not linked
    assert speaker_entities(quotes, mentions)["speaker_entity_id"].to_list() == [None, "place:south-korea"]


def test_a_pronoun_speaker_links_to_a_person_or_organisation_of_its_kind() -> None:
    mentions = pl.DataFrame(
        [
            _mention("a", "Bob Roe", "person:bob-roe", "Bob Roe"),
            _mention(
                "b", "Human Rights Watch", "organisation:human-rights-watch", "Human Rights Watch", "organisation"
            ),
            _mention("c", "Walter Reed", "organisation:walter-reed", "Walter Reed", "organisation"),
        ],
        schema=MENTION_SCHEMA,
        orient="row",
    )
    quotes = pl.DataFrame(
        [
            _pronoun_quote("a", "Bob Roe"),  # he -> a person
            _pronoun_quote("b", "Human Rights Watch"),  # it -> an organisation (linked by its name)
            _pronoun_quote("c", "Walter Reed"),  # "he said" after a person's name the article uses for a hospital
        ],
        schema=QUOTES_SCHEMA,
        orient="row",
    )
    assert speaker_entities(quotes, mentions)["speaker_entity_id"].to_list() == [
        "person:bob-roe",
        "organisation:human-rights-watch",
        None,
    ]
