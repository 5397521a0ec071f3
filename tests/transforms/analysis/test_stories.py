"""Incremental story assignment."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from tests.conftest import DW_SEED, EXTRACTION, TEST_SETS, YONHAP_SEED
from transforms.analysis.entities import mentions_frame
from transforms.analysis.stories import (
    FEATURES_SCHEMA,
    KNOWN_SCHEMA,
    FeatureFrequencies,
    assign_stories,
    entity_kinds,
    story_features,
    story_id_for,
)

DAY = datetime(2022, 1, 28, 12, tzinfo=UTC)
KINDS = {
    "stoltenberg": "person",
    "nato": "organisation",
    "atlantic_council": "organisation",
    "biden": "person",
    "russia": "place",
    "ukraine": "place",
    "usa": "place",
    "messi": "person",
    "psg": "organisation",
    "paris": "place",
    "tesla": "organisation",
    "musk": "person",
}
NATO_TERMS = ["nato", "stoltenberg", "russia", "ukraine", "troops", "invasion", "talks"]


def _article(article_id: str, entities: list[str], terms: list[str], day: int = 0, language: str = "en") -> dict:
    return {
        "article_id": article_id,
        "event_at": DAY + timedelta(days=day),
        "language": language,
        "entity_ids": entities,
        "terms": terms,
    }


def _frame(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=FEATURES_SCHEMA, orient="row")


def _known(*rows: tuple[str, dict]) -> pl.DataFrame:
    return pl.DataFrame([{"story_id": s} | r for s, r in rows], schema=KNOWN_SCHEMA, orient="row")


def _stories(new: pl.DataFrame, known: pl.DataFrame | None = None) -> dict[str, str]:
    assigned = assign_stories(new, known if known is not None else _known(), FeatureFrequencies(), KINDS)
    return dict(zip(assigned["article_id"], assigned["story_id"]))


DW = _article("dw", ["stoltenberg", "nato", "atlantic_council", "russia", "ukraine", "biden"], NATO_TERMS)
YONHAP = _article(
    "yonhap",
    ["stoltenberg", "nato", "atlantic_council", "russia", "ukraine", "usa"],
    NATO_TERMS[:5] + ["belarus", "missile"],
    day=1,
)


def test_two_reports_of_one_event_share_a_story_opened_by_the_earlier() -> None:
    assigned = assign_stories(_frame(YONHAP, DW), _known(), FeatureFrequencies(), KINDS)
    assert assigned.sort("article_id").rows() == [
        ("dw", story_id_for("dw"), None, True),
        ("yonhap", story_id_for("dw"), assigned.filter(pl.col("article_id") == "yonhap")["similarity"][0], False),
    ]
    assert assigned.filter(pl.col("article_id") == "yonhap")["similarity"][0] > 0.3


def test_the_same_names_a_fortnight_later_open_a_new_story() -> None:
    later = YONHAP | {"event_at": DAY + timedelta(days=14)}
    stories = _stories(_frame(DW, later))
    assert stories["dw"] != stories["yonhap"]


def test_sharing_only_places_is_not_enough() -> None:
    other = _article("other", ["russia", "ukraine", "usa"], NATO_TERMS)
    assert len(set(_stories(_frame(DW, other)).values())) == 2


def test_across_languages_the_entities_decide() -> None:
    korean = _article(
        "ko",
        ["stoltenberg", "nato", "atlantic_council", "russia", "ukraine"],
        ["나토", "스톨텐베르그", "러시아", "우크라이나"],
        language="ko",
    )
    stories = _stories(_frame(DW, korean))
    assert stories["ko"] == stories["dw"]


def test_a_new_article_joins_a_known_story() -> None:
    known = _known(("s-known", DW))
    assert _stories(_frame(YONHAP), known) == {"yonhap": "s-known"}


def test_a_known_story_out_of_the_window_is_not_joined() -> None:
    known = _known(("s-known", DW | {"event_at": DAY - timedelta(days=10)}))
    assert _stories(_frame(YONHAP), known) == {"yonhap": story_id_for("yonhap")}


def test_unrelated_articles_stay_apart_and_the_result_does_not_depend_on_row_order() -> None:
    football = _article("football", ["messi", "psg", "paris"], ["messi", "goal", "league", "paris"])
    cars = _article("cars", ["tesla", "musk", "usa"], ["tesla", "cars", "factory", "shares"])
    rows = [DW, YONHAP, football, cars]
    first = _stories(_frame(*rows))
    assert first == _stories(_frame(*reversed(rows)))
    assert first["dw"] == first["yonhap"]
    assert len({first["dw"], first["football"], first["cars"]}) == 3


def test_common_entities_weigh_less_than_rare_ones() -> None:
    # NATO and Biden are in most articles already assigned; sharing just them is not a story
    frequent = FeatureFrequencies(n_articles=1000, entities={"nato": 600, "biden": 700})
    a = _article("a", ["nato", "biden", "stoltenberg"], ["summit"])
    b = _article("b", ["nato", "biden", "tesla"], ["cars"])
    assigned = assign_stories(_frame(a, b), _known(), frequent, KINDS)
    assert assigned["story_id"].n_unique() == 2


def test_features_take_the_publication_time_else_the_fetch_time() -> None:
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "document_id": ["da", "db"],
            "published_at": [DAY, None],
            "language": ["en", "de"],
            "title": ["NATO talks", "Brücke"],
            "body_text": ["Stoltenberg met NATO envoys.", "Die Brücke ist zu."],
        },
        schema_overrides={"published_at": pl.Datetime("us", "UTC")},
    )
    documents = pl.DataFrame(
        {"document_id": ["da", "db"], "fetched_at": [DAY + timedelta(days=5)] * 2},
        schema_overrides={"fetched_at": pl.Datetime("us", "UTC")},
    )
    mentions = pl.DataFrame({"article_id": ["a", "a", "a"], "entity_id": ["nato", "stoltenberg", "nato"]})
    features = story_features(articles, documents, mentions)
    assert features.schema == pl.Schema(FEATURES_SCHEMA)
    assert features.select("article_id", "event_at", "entity_ids").rows() == [
        ("a", DAY, ["nato", "stoltenberg"]),
        ("b", DAY + timedelta(days=5), []),
    ]
    assert "talks" in features["terms"][0]


GOLD = EXTRACTION
LARGEST_GOLD_STORY = 4
SEEDS = (DW_SEED, YONHAP_SEED)


def test_on_one_day_content_alone_keeps_the_dev_set_apart_from_the_seeds() -> None:
    """The seeds and every gold article body of the dev sets, all dated the same day, so only
    entities and terms can tell them apart."""
    if not GOLD.is_dir():
        pytest.skip(f"the dev sets are not here: {GOLD}")
    rows = [
        json.loads(line)
        for path in (GOLD / name / "gold.jsonl" for name in TEST_SETS)
        for line in path.open(encoding="utf-8")
    ]
    articles = pl.DataFrame(
        {
            "article_id": [f"gold-{r['id']}" for r in rows] + ["seed-dw", "seed-yonhap"],
            "title": [r.get("title") for r in rows] + [p.read_text("utf-8").splitlines()[0] for p in SEEDS],
            "body_text": [r["body"] for r in rows] + [p.read_text("utf-8") for p in SEEDS],
        }
    )
    articles = articles.with_columns(
        pl.col("article_id").alias("document_id"), pl.lit(None).alias("published_at"), pl.lit("en").alias("language")
    )
    documents = pl.DataFrame(
        {"document_id": articles["article_id"], "fetched_at": [DAY] * articles.height},
        schema_overrides={"fetched_at": pl.Datetime("us", "UTC")},
    )
    mentions = mentions_frame(articles)
    features = story_features(articles, documents, mentions)
    stories = dict(
        assign_stories(features, None, FeatureFrequencies(), entity_kinds(mentions))
        .select("article_id", "story_id")
        .iter_rows()
    )
    assert stories["seed-dw"] == stories["seed-yonhap"]
    assert [a for a, s in stories.items() if s == stories["seed-dw"]] == ["seed-dw", "seed-yonhap"]
    sizes = Counter(stories.values())
    assert max(sizes.values()) <= LARGEST_GOLD_STORY
    assert len(sizes) >= 0.8 * len(stories)  # mostly single articles
