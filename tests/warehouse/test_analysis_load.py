"""The analysis tables load with their batch: keyed by article version, idempotent, and read back
for the next batch (entities, signatures, story neighbours, feature frequencies)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from tests.conftest import DW_SEED, YONHAP_SEED
from transforms.analysis.near_duplicates import COPY_SCHEMA, signatures_frame
from transforms.frames.ledger import DocumentRecord, documents_frame, rejects_frame
from transforms.frames.normalise import PIPELINE_VERSION, ParsedDocument, normalise_batch
from transforms.metadata.sources import source_registry
from transforms.text.articles import parse_text_article
from warehouse import AnalysisFrames, LoadBatch, Warehouse

ANALYSIS = ("quotes", "mentions", "entities", "article_signatures", "near_duplicates", "story_articles", "stories")
DAY = datetime(2022, 1, 28, tzinfo=UTC)


def _articles(inputs: list[tuple[str, str]]) -> tuple[pl.DataFrame, pl.DataFrame, object]:
    records, parsed = [], []
    for uri, text in inputs:
        document_id = hashlib.sha256(text.encode()).hexdigest()
        records.append(DocumentRecord(document_id, uri, "text", DAY, "utf-8", len(text.encode()), "/x", "loaded"))
        parsed.append(ParsedDocument(document_id, uri, parse_text_article(text)))
    return documents_frame(records), normalise_batch(parsed), records


def _analysis(articles: pl.DataFrame, story_of: dict[str, str]) -> AnalysisFrames:
    ids = articles["article_id"].to_list()
    quotes = pl.DataFrame(
        {
            "article_id": ids,
            "quote_index": [0] * len(ids),
            "quote_text": ["We are ready."] * len(ids),
            "speaker": ["Stoltenberg"] * len(ids),
            "speaker_method": ["verb"] * len(ids),
            "speaker_entity_id": ["person:jens_stoltenberg"] * len(ids),
            "verb": ["said"] * len(ids),
            "start_char": [0] * len(ids),
            "end_char": [13] * len(ids),
        }
    )
    mentions = pl.DataFrame(
        {
            "article_id": ids,
            "mention_index": [0] * len(ids),
            "entity_id": ["org:nato"] * len(ids),
            "kind": ["organisation"] * len(ids),
            "mention_text": ["NATO"] * len(ids),
            "start_char": [0] * len(ids),
            "end_char": [4] * len(ids),
            "method": ["gazetteer"] * len(ids),
            "role": [None] * len(ids),
            "field": ["body"] * len(ids),
        },
        schema_overrides={"role": pl.String},
    )
    entities = pl.DataFrame(
        {
            "entity_id": ["org:nato", "person:jens_stoltenberg"],
            "entity_name": ["NATO", "Jens Stoltenberg"],
            "kind": ["organisation", "person"],
            "aliases": [["North Atlantic Treaty Organization"], []],
        }
    )
    copies = pl.DataFrame(
        {
            "article_id": ids[1:],
            "duplicate_of_article_id": ids[:1] * (len(ids) - 1),
            "similarity": [0.9] * (len(ids) - 1),
            "duplicate_group_id": ids[:1] * (len(ids) - 1),
        },
        schema=COPY_SCHEMA,
    )
    stories = pl.DataFrame(
        {
            "article_id": ids,
            "story_id": [story_of[i] for i in ids],
            "event_at": [DAY + timedelta(hours=i) for i in range(len(ids))],
            "language": ["en"] * len(ids),
            "entity_ids": [["org:nato"]] * len(ids),
            "terms": [["nato", "russia"]] * len(ids),
            "similarity": [None] + [0.5] * (len(ids) - 1),
            "is_opener": [True] + [False] * (len(ids) - 1),
        },
        schema_overrides={"event_at": pl.Datetime("us", "UTC"), "similarity": pl.Float64},
    )
    return AnalysisFrames(quotes, mentions, entities, signatures_frame(articles), copies, stories)


def _batch(inputs: list[tuple[str, str]], story: str = "s1") -> LoadBatch:
    documents, normalised, _ = _articles(inputs)
    analysis = _analysis(normalised.articles, dict.fromkeys(normalised.articles["article_id"], story))
    return LoadBatch(
        str(uuid.uuid4()),
        "run",
        0,
        DAY,
        len(inputs),
        PIPELINE_VERSION,
        documents,
        normalised.articles,
        normalised.blocks,
        normalised.removed_spans,
        rejects_frame([]),
        analysis=analysis,
    )


CHECKS = (
    "rows_belong_to_completed_loads",
    "keys_are_unique_and_not_null",
    "analysis_rows_have_articles",
    "stories_match_their_articles",
)


def _failing_checks(wh: Warehouse) -> dict[str, int]:
    return {r.name: r.n_failing for r in wh.run_checks() if r.name in CHECKS and not r.passed}


def test_the_checks_catch_a_story_count_out_of_step_and_an_orphan_quote(wh) -> None:
    wh.load_batch(_batch(SEEDS))
    wh.con.execute("update stories set n_articles = 5")
    wh.con.execute(
        "update quotes set document_id = 'gone' where quote_index = 0 and article_id = "
        "(select min(article_id) from quotes)"
    )
    assert _failing_checks(wh) == {"stories_match_their_articles": 1, "analysis_rows_have_articles": 1}


def _counts(wh: Warehouse) -> dict[str, int]:
    return {t: wh.con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in ANALYSIS}


SEEDS = [(DW_SEED.as_uri(), DW_SEED.read_text("utf-8")), (YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]


@pytest.fixture
def wh(tmp_path):
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        yield warehouse


def test_analysis_rows_load_with_the_batch_and_a_repeat_adds_none(wh) -> None:
    wh.load_batch(_batch(SEEDS))
    first = _counts(wh)
    assert first == {
        "quotes": 2,
        "mentions": 2,
        "entities": 2,
        "article_signatures": 2,
        "near_duplicates": 1,
        "story_articles": 2,
        "stories": 1,
    }
    wh.load_batch(_batch(SEEDS))
    assert _counts(wh) == first
    story = wh.query("select n_articles, n_sources, n_languages, title from stories").rows()
    assert story == [(2, 2, 1, "Stoltenberg: NATO will respond if Russia chooses conflict")]
    assert _failing_checks(wh) == {}


def test_a_new_version_replaces_its_story_row_and_recounts_both_stories(wh) -> None:
    wh.load_batch(_batch(SEEDS, story="s1"))
    edited = [(DW_SEED.as_uri(), DW_SEED.read_text("utf-8").replace("100,000", "130,000"))]
    wh.load_batch(_batch(edited, story="s2"))
    assert wh.query("select story_id, n_articles from stories order by story_id").rows() == [("s1", 1), ("s2", 1)]
    assert _failing_checks(wh) == {}
    # quotes and mentions of both versions are kept; the views show the current one
    assert _counts(wh)["quotes"] == 3
    assert wh.query("select count(*) as n from v_who_said_what")["n"][0] == 2


def test_reads_for_the_next_batch(wh) -> None:
    batch = _batch(SEEDS)
    wh.load_batch(batch)
    ids = batch.articles["article_id"].to_list()
    assert wh.changed_articles(batch.articles).height == 0
    edited = batch.articles.with_columns(
        pl.when(pl.col("article_id") == ids[1])
        .then(pl.lit("other"))
        .otherwise(pl.col("content_hash"))
        .alias("content_hash")
    )
    assert wh.changed_articles(edited)["article_id"].to_list() == [ids[1]]
    assert wh.known_entities()["entity_id"].to_list() == ["org:nato", "person:jens_stoltenberg"]
    keys = batch.analysis.signatures["band_keys"][0].to_list()
    sharing = wh.signatures_sharing_bands(keys)
    assert sharing["article_id"].to_list() == [ids[0]]
    assert sharing["signature"].to_list() == [batch.analysis.signatures["signature"][0].to_list()]
    assert wh.signatures_sharing_bands([]).height == 0
    neighbours = wh.story_neighbours(DAY - timedelta(days=1), DAY + timedelta(minutes=30))
    assert neighbours.select("story_id", "article_id").rows() == [("s1", ids[0])]
    n_articles, entities, terms = wh.feature_frequencies(["org:nato", "x"], ["nato", "zzz"])
    assert (n_articles, entities, terms) == (2, {"org:nato": 2}, {"nato": 2})
