"""Publishing: a read-only copy of the warehouse in a storage version DuckDB 1.4+ opens, written
beside and renamed over the previous one, with every table and view, and a Parquet export by date."""

from __future__ import annotations

import os
import stat

import duckdb
import pytest

from tests.conftest import DW_SEED, YONHAP_SEED
from tests.warehouse.duckdb1 import duckdb1_scalar, needs_duckdb1
from tests.warehouse.test_store import _batch
from transforms.metadata.sources import source_registry
from warehouse import Warehouse, WarehouseError, snapshot
from warehouse.snapshot import STORAGE_VERSION, publish


@pytest.fixture
def wh(tmp_path):
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        warehouse.load_batch(_batch([(DW_SEED.as_uri(), DW_SEED.read_text("utf-8"))]))
        yield warehouse


def _objects(con: duckdb.DuckDBPyConnection, database: str) -> tuple[set[str], set[str]]:
    tables = {
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where database_name = ? and schema_name = 'main'", [database]
        ).fetchall()
    }
    views = {
        r[0]
        for r in con.execute(
            "select view_name from duckdb_views() where database_name = ? and not internal", [database]
        ).fetchall()
    }
    return tables, views


def test_the_snapshot_holds_every_table_and_view_in_the_old_storage_version(wh, tmp_path) -> None:
    published = publish(wh, tmp_path / "published")
    assert published.path == tmp_path / "published" / "news.duckdb"
    assert not stat.S_IMODE(published.path.stat().st_mode) & 0o222  # read-only for everyone
    assert os.listdir(tmp_path / "published") == ["news.duckdb"]  # no temp file left beside it
    live_tables, live_views = _objects(wh.con, "news")
    with duckdb.connect(str(published.path), read_only=True) as con:
        assert (
            con.execute(
                "select tags['storage_version'] from duckdb_databases() where database_name = 'news'"
            ).fetchone()[0]
            == "v1.4.0+"
        )
        assert _objects(con, "news") == (live_tables, live_views)
        assert {"removed_spans_by_rule", "rejects_by_reason"} <= live_views
        for table in live_tables - {"publishes"}:
            count = f"select count(*) from {table}"
            assert con.execute(count).fetchone() == wh.con.execute(count).fetchone(), table
        assert con.execute("select count(*) from removed_spans_by_rule").fetchone()[0] > 0
        listed = con.execute("select path, storage_version, n_articles, last_load_id from publishes").fetchall()
    last_load = wh.con.execute("select load_id from loads").fetchone()[0]
    assert listed == [(str(published.path), STORAGE_VERSION, 1, last_load)]


def test_a_reader_of_the_old_snapshot_is_not_disturbed_and_new_readers_see_the_new_one(wh, tmp_path) -> None:
    first = publish(wh, tmp_path / "published")
    reader = duckdb.connect(str(first.path), read_only=True)
    wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]))
    second = publish(wh, tmp_path / "published")  # renamed over the file the reader has open
    assert reader.execute("select count(*) from articles").fetchone() == (1,)
    reader.close()
    with duckdb.connect(str(second.path), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone() == (2,)
        assert con.execute("select count(*) from publishes").fetchone() == (2,)


def test_a_failed_publish_keeps_the_previous_snapshot(wh, tmp_path, monkeypatch) -> None:
    first = publish(wh, tmp_path / "published")
    before = first.path.read_bytes()
    wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]))

    def copy_then_fail(warehouse, temp, record):
        temp.write_bytes(b"half a file")
        temp.with_name(temp.name + ".wal").write_bytes(b"and its log")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshot, "_copy_database", copy_then_fail)
    with pytest.raises(WarehouseError, match="publishing .* failed: .*No space left"):
        publish(wh, tmp_path / "published")
    assert first.path.read_bytes() == before
    assert os.listdir(tmp_path / "published") == ["news.duckdb"]
    assert wh.con.execute("select count(*) from publishes").fetchone() == (1,)


def test_a_temp_file_left_by_a_stopped_publish_is_removed(wh, tmp_path) -> None:
    (tmp_path / "published").mkdir()
    (tmp_path / "published" / ".news.duckdb.tmp-99999").write_bytes(b"stopped half-way")
    publish(wh, tmp_path / "published")
    assert os.listdir(tmp_path / "published") == ["news.duckdb"]


def test_the_parquet_export_is_partitioned_by_date_and_switched_whole(wh, tmp_path) -> None:
    wh.con.execute("update articles set published_at = timestamptz '2024-03-05 23:30:00-05:00'")  # 6 March in UTC
    first = publish(wh, tmp_path / "published", export_parquet=True)
    link = tmp_path / "published" / "parquet"
    assert first.parquet_path == link and link.is_symlink()
    assert (link / "articles" / "published_on=2024-03-06").is_dir()
    assert (link / "sources" / "data.parquet").is_file()
    rows = duckdb.sql(
        f"select article_id, published_on from read_parquet('{link}/articles/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert [str(day) for _, day in rows] == ["2024-03-06"]
    old_target = link.resolve()
    publish(wh, tmp_path / "published", export_parquet=True)
    assert link.resolve() != old_target and not old_target.exists()  # the older export is gone


@needs_duckdb1
def test_a_duckdb_1x_client_opens_the_snapshot(wh, tmp_path) -> None:
    published = publish(wh, tmp_path / "published")
    version, has_rows = duckdb1_scalar(published.path, "select count(*) > 0 from removed_spans_by_rule")
    assert version.startswith("1.") and has_rows == "True"
