"""The analysis tables load with their batch: keyed by article version, idempotent, and read back
for the next batch (entities, signatures, story candidates and members); stories a batch
re-clusters move with their lineage kept."""

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
from warehouse.store import sql_text

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
            "link_group_id": [story_of[i] for i in ids],
            "event_at": [DAY + timedelta(hours=i) for i in range(len(ids))],
            "is_dated": [True] * len(ids),
            "language": ["en"] * len(ids),
            "entity_ids": [["org:nato", "person:jens_stoltenberg"]] * len(ids),
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
    near = pl.DataFrame(
        {"article_id": ["new"], "event_at": [DAY + timedelta(days=2)], "entity_ids": [["org:nato", "person:x"]]},
        schema_overrides={"event_at": pl.Datetime("us", "UTC")},
    )
    # the stored articles are 48 and 47 hours before; one entity is shared, not two
    assert wh.story_candidates(near, timedelta(days=3), 2).height == 0
    assert wh.story_candidates(near, timedelta(days=3), 1)["article_id"].to_list() == sorted(ids)
    assert wh.story_candidates(near, timedelta(hours=47), 1)["article_id"].to_list() == [ids[1]]  # an hour later
    assert wh.story_members(["s1"], [])["article_id"].to_list() == sorted(ids)
    assert wh.story_members([], [ids[0]]).select("story_id", "is_dated").unique().rows() == [("s1", True)]
    assert wh.story_members(["nothing"], ["nothing"]).height == 0


def test_a_batch_moves_stored_articles_and_keeps_the_lineage(wh) -> None:
    wh.load_batch(_batch(SEEDS[:1], story="s1"))
    wh.load_batch(_batch(SEEDS[1:], story="s2"))
    dw, yonhap = (wh.query(f"select story_id from story_articles where story_id = '{s}'").height for s in ("s1", "s2"))
    assert (dw, yonhap) == (1, 1)
    # a third batch re-clusters both stored stories into one with its own article (a merge) ...
    third = (SEEDS[0][0] + "#3", SEEDS[0][1] + "\nA third report.")
    batch = _batch([third], story="s1")
    stored = wh.story_members(["s1", "s2"], []).drop("story_id", "link_group_id")
    moved = stored.with_columns(
        pl.lit("s1").alias("story_id"),
        pl.lit("s1").alias("link_group_id"),
        pl.lit(0.7).alias("similarity"),
        pl.lit(False).alias("is_opener"),
    ).select(batch.analysis.story_articles.columns)
    frames = batch.analysis
    merged = AnalysisFrames(
        frames.quotes,
        frames.mentions,
        frames.entities,
        frames.signatures,
        frames.near_duplicates,
        pl.concat([frames.story_articles, moved.cast(dict(frames.story_articles.schema))]),
    )
    wh.load_batch(LoadBatch(**{**batch.__dict__, "analysis": merged}))
    assert wh.query("select story_id, n_articles from stories").rows() == [("s1", 3)]
    lineage = wh.query("select previous_story_id, story_id, n_articles, is_merge, is_split from story_lineage")
    assert lineage.sort("previous_story_id").rows() == [("s1", "s1", 1, True, False), ("s2", "s1", 1, True, False)]
    assert wh.query("select count(*) as n from story_articles where similarity = 0.7")["n"][0] == 2
    assert _failing_checks(wh) == {}
    # ... and a fourth splits it again
    fourth = _batch([(SEEDS[0][0] + "#4", SEEDS[0][1] + "\nA fourth.")], story="s4")
    back = (
        wh.story_members(["s1"], [])
        .with_columns(
            pl.when(pl.col("article_id") == sorted(pl.Series(stored["article_id"]).to_list())[0])
            .then(pl.lit("s4"))
            .otherwise(pl.col("story_id"))
            .alias("story_id"),
            pl.lit(None, pl.Float64).alias("similarity"),
            pl.lit(False).alias("is_opener"),
        )
        .select(fourth.analysis.story_articles.columns)
    )
    a = fourth.analysis
    split = AnalysisFrames(
        a.quotes,
        a.mentions,
        a.entities,
        a.signatures,
        a.near_duplicates,
        pl.concat([a.story_articles, back.cast(dict(a.story_articles.schema))]),
    )
    wh.load_batch(LoadBatch(**{**fourth.__dict__, "analysis": split}))
    assert wh.query("select story_id, n_articles from stories order by story_id").rows() == [("s1", 2), ("s4", 2)]
    last = wh.query(
        "select previous_story_id, story_id, is_split from story_lineage where load_id = $1", [fourth.load_id]
    )
    assert last.sort("story_id").rows() == [("s1", "s1", True), ("s1", "s4", True)]
    assert _failing_checks(wh) == {}


def test_an_orphan_row_in_each_analysis_table_is_found_once(wh) -> None:
    """analysis_rows_have_articles looks up each table's rows: one orphan in each (and one near-duplicate
    whose copy is unknown) gives one failing row each, under its table's name."""
    wh.load_batch(_batch(SEEDS))
    con = wh.con
    article_id, document_id, load_id = con.execute(
        "select article_id, document_id, load_id from article_versions order by article_id limit 1"
    ).fetchone()
    con.execute("update mentions set document_id = 'gone-m' where rowid = (select min(rowid) from mentions)")
    con.execute(
        "update article_signatures set document_id = 'gone-s' where rowid = (select min(rowid) from article_signatures)"
    )
    con.execute("update story_articles set article_id = 'gone-a' where rowid = (select min(rowid) from story_articles)")
    con.execute(
        "insert into near_duplicates values ('gone-d', ?, ?, 0.9, ?, ?)", [document_id, article_id, article_id, load_id]
    )
    results = {r.name: r for r in wh.run_checks()}
    check = results["analysis_rows_have_articles"]
    assert check.n_failing == 4
    con.execute("create or replace temp macro in_run(row_load_id) as true")  # every load, as run_checks() did
    orphans = con.execute(sql_text("checks/analysis_rows_have_articles.sql")).fetchall()
    assert sorted(orphans) == [
        ("article_signatures", "gone-s"),
        ("mentions", "gone-m"),
        ("near_duplicates", "gone-d"),
        ("story_articles", "gone-a"),
    ]
