"""Migrations, batch loads (idempotent, versioned, one transaction) and checks, without Prefect."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

import duckdb
import polars as pl
import pytest

from tests.conftest import DW_SEED, ROOT, YONHAP_SEED
from transforms.frames.ledger import DocumentRecord, Reject, documents_frame, rejects_frame
from transforms.frames.normalise import PIPELINE_VERSION, ParsedDocument, normalise_batch
from transforms.metadata.sources import source_registry
from transforms.text.articles import parse_text_article
from warehouse import LoadBatch, Warehouse, WarehouseError
from warehouse.store import _version_rows_sql

TABLES = ("sources", "loads", "documents", "articles", "article_versions", "article_blocks", "removed_spans", "rejects")


def _batch(inputs: list[tuple[str, str]], rejects: list[Reject] = ()) -> LoadBatch:
    """inputs: (uri, text) pairs."""
    now = datetime.now(UTC)
    records, parsed = [], []
    for uri, text in inputs:
        document_id = hashlib.sha256(text.encode()).hexdigest()
        records.append(DocumentRecord(document_id, uri, "text", now, "utf-8", len(text.encode()), "/x", "loaded"))
        parsed.append(ParsedDocument(document_id, uri, parse_text_article(text)))
    normalised = normalise_batch(parsed)
    return LoadBatch(
        str(uuid.uuid4()),
        "run",
        0,
        now,
        len(inputs) + len(rejects),
        PIPELINE_VERSION,
        documents_frame(records),
        normalised.articles,
        normalised.blocks,
        normalised.removed_spans,
        rejects_frame(list(rejects)),
    )


def _counts(wh: Warehouse) -> dict[str, int]:
    return {t: wh.con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in TABLES}


@pytest.fixture
def wh(tmp_path):
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        yield warehouse


def test_migrations_apply_once_and_are_recorded(tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    n_migrations = len(list((ROOT / "sql" / "migrations").glob("*.sql")))
    with Warehouse(path) as first:
        assert first.schema_version() == n_migrations
        assert first.migrate() == []
    with Warehouse(path) as again:
        assert again.con.execute("select count(*) from schema_migrations").fetchall() == [(n_migrations,)]
        tables = {
            r[0]
            for r in again.con.execute(
                "select table_name from information_schema.tables where table_type = 'BASE TABLE'"
            ).fetchall()
        }
    assert set(TABLES) <= tables


def test_a_repeated_batch_adds_only_a_ledger_row(wh) -> None:
    seeds = [(DW_SEED.as_uri(), DW_SEED.read_text("utf-8")), (YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]
    first = wh.load_batch(_batch(seeds))
    assert (first.n_loaded, first.n_unchanged, first.n_rejected) == (2, 0, 0)
    before = _counts(wh)
    second = wh.load_batch(_batch(seeds))
    assert (second.n_loaded, second.n_unchanged) == (0, 2)
    after = _counts(wh)
    assert after == before | {"loads": before["loads"] + 1}


def test_an_edited_input_keeps_its_id_and_its_history(wh) -> None:
    uri = "file:///news/story.txt"
    wh.load_batch(_batch([(uri, "Storm hits coast\n\nWinds of 150 km/h hit the coast on Monday.\n")]))
    wh.load_batch(_batch([(uri, "Storm hits coast\n\nWinds of 160 km/h hit the coast on Monday, officials said.\n")]))
    current = wh.query(
        "select article_id, version, body_text, content_hash from articles where uri = $uri", {"uri": uri}
    )
    history = wh.query("select article_id, version, body_text, content_hash from article_versions order by version")
    assert current.height == 1 and history.height == 2
    assert history["article_id"].n_unique() == 1
    assert current["version"][0] == 2 and "160 km/h" in current["body_text"][0]
    assert "150 km/h" in history["body_text"][0]
    assert history["content_hash"].n_unique() == 2
    # the first version's blocks are still there
    assert wh.query("select count(distinct document_id) as n from article_blocks")["n"][0] == 2


def test_new_bytes_with_the_same_body_are_unchanged(wh) -> None:
    uri = "file:///news/story.txt"
    wh.load_batch(_batch([(uri, "Storm hits coast\n\nWinds hit the coast on Monday.\n")]))
    counts = wh.load_batch(_batch([(uri, "Storm hits coast\n\n\nWinds hit the coast on Monday.\n\n")]))
    assert (counts.n_loaded, counts.n_unchanged) == (0, 1)
    statuses = wh.query("select status from documents order by fetched_at")["status"].to_list()
    assert sorted(statuses) == ["loaded", "unchanged"]
    assert all(c.passed for c in wh.run_checks())


def test_rejects_are_counted_not_repeated(wh) -> None:
    reject = Reject("file:///x/empty.txt", "extract", "empty_file", "0 bytes", "e3b0c442")
    wh.load_batch(_batch([], [reject]))
    wh.load_batch(_batch([], [reject]))
    rows = wh.query("select reason, n_seen from rejects").to_dicts()
    assert rows == [{"reason": "empty_file", "n_seen": 2}]


def test_a_failing_batch_leaves_nothing_behind(wh) -> None:
    batch = _batch([(DW_SEED.as_uri(), DW_SEED.read_text("utf-8"))])
    broken = LoadBatch(**{**batch.__dict__, "blocks": batch.blocks.drop("kind")})
    with pytest.raises(duckdb.Error):
        wh.load_batch(broken)
    assert {t: n for t, n in _counts(wh).items() if t != "sources"} == {t: 0 for t in TABLES if t != "sources"}


def test_checks_pass_on_a_good_load_and_catch_an_orphan(wh) -> None:
    wh.load_batch(_batch([(DW_SEED.as_uri(), DW_SEED.read_text("utf-8"))]))
    assert [c.name for c in wh.run_checks() if not c.passed] == []
    wh.con.execute("update articles set source_id = 'nowhere'")
    wh.con.execute("delete from loads")
    failing = {c.name for c in wh.run_checks() if not c.passed}
    assert {"articles_have_known_source", "rows_belong_to_completed_loads"} <= failing


def test_a_changed_migration_is_refused(tmp_path, monkeypatch) -> None:
    path = tmp_path / "w.duckdb"
    Warehouse(path).close()
    con = duckdb.connect(str(path))
    con.execute("update schema_migrations set checksum = 'tampered'")
    con.close()
    with pytest.raises(WarehouseError, match="changed after it was applied"):
        Warehouse(path)


def test_a_document_loaded_again_as_a_new_version_keeps_one_copy_of_its_rows(wh) -> None:
    # A, then B, then A's very bytes again: the third load is a new version whose document is stored
    # (new_versions_seen_before), so its rows go in under `on conflict do nothing`, not as duplicates
    uri = "file:///news/story.txt"
    first = "Storm hits coast\n\nWinds of 150 km/h hit the coast on Monday.\n"
    wh.load_batch(_batch([(uri, first)]))
    blocks = _counts(wh)["article_blocks"]
    wh.load_batch(_batch([(uri, "Storm hits coast\n\nWinds of 160 km/h hit the coast on Monday.\n")]))
    again = wh.load_batch(_batch([(uri, first)]))
    assert again.n_loaded == 1
    assert wh.query("select count(*) as n from article_versions")["n"][0] == 3
    document = hashlib.sha256(first.encode()).hexdigest()
    rows = wh.query("select count(*) as n from article_blocks where document_id = $d", {"d": document})["n"][0]
    assert rows == blocks


def test_one_document_under_two_uris_in_one_batch_loads_its_rows_once(wh) -> None:
    text = DW_SEED.read_text("utf-8")
    counts = wh.load_batch(_batch([("file:///a/dw.txt", text), ("file:///b/dw.txt", text)]))
    assert counts.n_loaded == 2
    document = hashlib.sha256(text.encode()).hexdigest()
    alone = _batch([("file:///a/dw.txt", text)]).blocks.filter(pl.col("document_id") == document).height
    stored = wh.query("select count(*) as n from article_blocks where document_id = $d", {"d": document})["n"][0]
    assert stored == alone > 0


def test_version_rows_load_without_the_conflict_clause_only_when_keys_are_new() -> None:
    unique = _version_rows_sql("article_blocks", unique=True)
    guarded = _version_rows_sql("article_blocks", unique=False)
    assert "on conflict" not in unique.lower() and unique.rstrip().endswith(";")
    assert guarded.rstrip().endswith("on conflict do nothing;")
    assert _version_rows_sql("documents", unique=True).rstrip().endswith("on conflict do nothing;")


def test_the_writer_gets_the_memory_it_is_given(tmp_path) -> None:
    from warehouse import WRITER_MEMORY_LIMIT

    with Warehouse(tmp_path / "a.duckdb") as wh:
        default = wh.con.execute("select current_setting('memory_limit')").fetchone()[0]
    with Warehouse(tmp_path / "b.duckdb", memory_limit="300MB") as wh:
        given = wh.con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert WRITER_MEMORY_LIMIT == "256MB" and default == "244.1 MiB"
    assert given == "286.1 MiB"
