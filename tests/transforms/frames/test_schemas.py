"""The schema of every loaded frame (transforms/frames/schemas.py) against its table in a freshly
migrated warehouse, and against the frames the code makes: a column that drifts fails here, not
in a load."""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import UTC, datetime

import polars as pl
import pytest

from tests.conftest import DW_SEED, ROOT, YONHAP_SEED
from transforms import reasons
from transforms.analysis.annotations import annotations_of
from transforms.analysis.entities import resolve_entities
from transforms.analysis.entity_keys import entity_name_keys
from transforms.analysis.near_duplicates import near_duplicates
from transforms.analysis.speakers import speaker_entities
from transforms.analysis.stories import FeatureFrequencies, assign_stories, entity_kinds, story_features
from transforms.frames.ledger import DocumentRecord, FetchRecord, Reject, documents_frame, fetches_frame, rejects_frame
from transforms.frames.normalise import PIPELINE_VERSION, ParsedDocument, normalise_batch
from transforms.frames.schemas import NOT_LOADED, SCHEMAS
from transforms.metadata.sources import source_registry
from transforms.text.articles import parse_text_article
from warehouse import AnalysisFrames, LoadBatch, Warehouse

LOAD_SQL = ROOT / "sql" / "load"
DAY = datetime(2022, 1, 28, tzinfo=UTC)

# Polars dtype -> the type DuckDB reports (information_schema.columns.data_type) for the column
# a value of it is loaded into, as sql/migrations/ declare them
DUCKDB_TYPES = {
    pl.String(): "VARCHAR",
    pl.Int32(): "INTEGER",
    pl.Int64(): "BIGINT",
    pl.Float64(): "DOUBLE",
    pl.Boolean(): "BOOLEAN",
    pl.Date(): "DATE",
    pl.Datetime("us", "UTC"): "TIMESTAMP WITH TIME ZONE",
    pl.List(pl.String()): "VARCHAR[]",
    pl.List(pl.UInt64()): "UBIGINT[]",
}
# columns whose table type is not their dtype's: the load casts the text to json
CAST_ON_LOAD = {("removed_spans", "fields"): "JSON"}
# table -> the columns its load statement fills itself, not from the frame
FILLED_BY_LOAD = {
    "articles": {"version", "load_id", "loaded_at"},
    "article_versions": {"version", "load_id", "loaded_at"},
    "article_blocks": {"load_id"},
    "removed_spans": {"load_id"},
    "date_candidates": {"load_id"},
    "article_dates": {"load_id"},
    "documents": {"load_id"},
    "rejects": {"first_seen_at", "last_seen_at", "n_seen", "load_id", "last_load_id"},
    "fetch_state": {"n_fetches", "n_not_modified"},
    "sources": {"first_seen_at"},
    "entities": {"load_id"},
    "entity_name_keys": {"load_id"},
    "mentions": {"document_id", "load_id"},
    "quotes": {"document_id", "load_id"},
    "article_signatures": {"document_id", "load_id"},
    "near_duplicates": {"document_id", "load_id"},
    "story_articles": {"document_id", "load_id"},
}
FROM_NEW_VERSIONS = {"articles", "article_versions"}  # loaded from sql/load/new_versions.sql's table
# load statements that read batch_articles to fill another table (outlets.sql: sources rows of the
# uncurated outlets, from the articles' source_domain and site_name, declared in ARTICLES)
FROM_BATCH_ARTICLES = {"outlets"}
# load statements of frames made outside transforms/, which cannot use the declarations
BUILT_ELSEWHERE = {"check_results": "warehouse/store.py", "run_stage_counts": "flows/summary.py"}


@pytest.fixture(scope="module")
def ddl(tmp_path_factory) -> dict[str, dict[str, str]]:
    """table -> column -> DuckDB type, of a warehouse the migrations just made."""
    with Warehouse(tmp_path_factory.mktemp("ddl") / "news.duckdb") as wh:
        rows = wh.query(
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = 'main' and table_name in "
            "(select table_name from information_schema.tables where table_type = 'BASE TABLE') "
            "order by table_name, ordinal_position"
        ).rows()
    tables: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, {})[column] = data_type
    return tables


def _loaded(table: str) -> list[str]:
    return [c for c in SCHEMAS[table] if c not in NOT_LOADED.get(table, ())]


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_declared_columns_are_the_columns_the_load_fills_from_the_frame(table, ddl) -> None:
    assert table in ddl
    assert [c for c in _loaded(table) if c not in ddl[table]] == []  # declared, but no such column
    assert [c for c in ddl[table] if c not in FILLED_BY_LOAD[table] and c not in SCHEMAS[table]] == []  # undeclared


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_declared_dtypes_are_the_column_types(table, ddl) -> None:
    wrong = {
        column: (str(dtype), ddl[table].get(column))
        for column, dtype in SCHEMAS[table].items()
        if column in _loaded(table)
        and ddl[table].get(column) != CAST_ON_LOAD.get((table, column), DUCKDB_TYPES.get(dtype))
    }
    assert wrong == {}


def test_columns_left_out_of_a_load_are_declared_and_not_in_its_table(ddl) -> None:
    for table, columns in NOT_LOADED.items():
        assert columns <= set(SCHEMAS[table])
        assert columns.isdisjoint(ddl[table])


@pytest.mark.parametrize(("table", "column"), sorted((t, c) for t, cs in FILLED_BY_LOAD.items() for c in cs))
def test_the_columns_said_to_be_filled_by_a_load_are_filled_by_its_statement(table, column) -> None:
    sql = (LOAD_SQL / f"{table}.sql").read_text("utf-8")
    if table in FROM_NEW_VERSIONS:
        sql += (LOAD_SQL / "new_versions.sql").read_text("utf-8")
    assert re.search(rf"\bas {column}\b|\bnew_versions\.{column}\b", sql)


def test_every_frame_a_load_statement_reads_is_declared() -> None:
    reads_a_frame = {
        path.stem for path in LOAD_SQL.glob("*.sql") if re.search(r"\b(?:from|join)\s+batch_", path.read_text("utf-8"))
    }
    assert "new_versions" in reads_a_frame  # batch_articles, loaded into articles and article_versions
    assert (
        set(SCHEMAS)
        == (reads_a_frame - {"new_versions"} - set(BUILT_ELSEWHERE) - FROM_BATCH_ARTICLES) | FROM_NEW_VERSIONS
    )


# --- the frames the code makes ------------------------------------------------------------------
SEEDS = [(DW_SEED.as_uri(), DW_SEED.read_text("utf-8")), (YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]
# the DW story again, edited, on the web: a near-duplicate of it, with a date in its URL
COPY = ("https://www.example.com/news/2022/01/28/nato-copy", DW_SEED.read_text("utf-8").replace("100,000", "130,000"))


def _produced(
    inputs: list[tuple[str, str]], rejects: list[Reject], fetches: list[FetchRecord]
) -> dict[str, pl.DataFrame]:
    """table -> the frame loaded into it, made as flows/ingest.py and flows/enrichment.py make them
    (for a first batch: no entity, signature or story known yet)."""
    records, parsed = [], []
    for uri, text in inputs:
        document_id = hashlib.sha256(text.encode()).hexdigest()
        records.append(DocumentRecord(document_id, uri, "text", DAY, "utf-8", len(text.encode()), "/x", "loaded"))
        parsed.append(ParsedDocument(document_id, uri, parse_text_article(text), seen_at=DAY))
    normalised = normalise_batch(parsed)
    documents = documents_frame(records)
    annotations = annotations_of(normalised.articles)
    mentions, entities = resolve_entities(annotations.mentions, None)
    no_known_signatures = annotations.signatures.clear().with_columns(
        pl.lit(None, pl.String).alias("duplicate_group_id")
    )
    features = story_features(normalised.articles, documents, mentions, annotations.terms)
    assigned = assign_stories(features, None, FeatureFrequencies(), entity_kinds(entities, mentions))
    return {
        "articles": normalised.articles,
        "article_versions": normalised.articles,
        "article_blocks": normalised.blocks,
        "removed_spans": normalised.removed_spans,
        "date_candidates": normalised.date_candidates,
        "article_dates": normalised.article_dates,
        "documents": documents,
        "rejects": rejects_frame(rejects),
        "fetch_state": fetches_frame(fetches),
        "sources": source_registry(),
        "entities": entities,
        "entity_name_keys": entity_name_keys(entities),
        "mentions": mentions,
        "quotes": speaker_entities(annotations.quotes, mentions),
        "article_signatures": annotations.signatures,
        "near_duplicates": near_duplicates(annotations.signatures, no_known_signatures),
        "story_articles": features.join(assigned, on="article_id"),  # what enrich hands the load
    }


@pytest.fixture(scope="module")
def produced() -> dict[str, dict[str, pl.DataFrame]]:
    return {
        "seeds": _produced(
            [*SEEDS, COPY],
            [Reject("file:///x.bin", "extract", reasons.BINARY_CONTENT, "NUL bytes")],
            [FetchRecord("https://example.com/a", '"v1"', None, 200, None, DAY)],
        ),
        "nothing": _produced([], [], []),
    }


def test_the_seeds_make_rows_in_every_frame(produced) -> None:
    assert [table for table, frame in produced["seeds"].items() if frame.is_empty()] == []
    assert produced["seeds"].keys() == SCHEMAS.keys()


@pytest.mark.parametrize("batch", ["seeds", "nothing"])
@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_the_frames_the_code_makes_have_the_declared_schema(produced, batch, table) -> None:
    assert list(produced[batch][table].schema.items()) == list(SCHEMAS[table].items())  # names, order, dtypes


def test_the_frames_the_code_makes_load_into_every_table(produced, tmp_path) -> None:
    frames = produced["seeds"]
    analysis = AnalysisFrames(
        quotes=frames["quotes"],
        mentions=frames["mentions"],
        entities=frames["entities"],
        signatures=frames["article_signatures"],
        near_duplicates=frames["near_duplicates"],
        story_articles=frames["story_articles"],
        entity_name_keys=frames["entity_name_keys"],
    )
    batch = LoadBatch(
        str(uuid.uuid4()),
        "run",
        0,
        DAY,
        frames["documents"].height + frames["rejects"].height,
        PIPELINE_VERSION,
        frames["documents"],
        frames["articles"],
        frames["article_blocks"],
        frames["removed_spans"],
        frames["rejects"],
        fetches=frames["fetch_state"],
        analysis=analysis,
        date_candidates=frames["date_candidates"],
        article_dates=frames["article_dates"],
    )
    with Warehouse(tmp_path / "news.duckdb") as wh:
        wh.upsert_sources(frames["sources"])
        assert wh.load_batch(batch).n_loaded == frames["articles"].height
        loaded = {table: wh.query(f"select count(*) as n from {table}")["n"][0] for table in SCHEMAS}
        outlets = wh.query("select source_id, name, domain, is_curated from sources where not is_curated")
    # the copy on example.com, an outlet the registry lacks, got its own sources row (not curated)
    assert outlets.rows() == [("example.com", "example.com", "example.com", False)]
    expected = {table: frame.height for table, frame in frames.items()}
    assert loaded == expected | {"sources": frames["sources"].height + 1}
