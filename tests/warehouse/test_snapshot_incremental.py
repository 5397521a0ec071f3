"""Incremental publishing (issue 20): the standby snapshot (the one published before the current one)
is brought up to date with the rows of the loads it lacks and switched in; rows a later load
replaced or deleted in the live file are gone from it too, and after several such publishes it
holds exactly what a whole-file copy holds. A standby that cannot be updated (a reader holding it,
an edit outside a load, a failure half-way) leaves the previous snapshot readable and the publish
copies the file instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import DW_SEED, YONHAP_SEED
from tests.warehouse.duckdb1 import duckdb1_scalar, needs_duckdb1
from tests.warehouse.test_analysis_load import _batch
from transforms.metadata.sources import source_registry
from warehouse import Warehouse, WarehouseError, snapshot
from warehouse.snapshot import STORAGE_VERSION, publish, standby_path

DW, YONHAP = DW_SEED.read_text("utf-8"), YONHAP_SEED.read_text("utf-8")
THIRD = "Berlin talks end without a deal\n\nThe negotiators left Berlin on Friday without an agreement.\n"


@pytest.fixture
def wh(tmp_path):
    with Warehouse(tmp_path / "live" / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        warehouse.load_batch(_batch([(DW_SEED.as_uri(), DW), (YONHAP_SEED.as_uri(), YONHAP)], story="s1"))
        yield warehouse


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main' "
        "order by all"
    ).fetchall()
    return [r[0] for r in rows]


def _contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {t: con.execute(f'select * from "{t}" order by all').fetchall() for t in _tables(con)}


def _snapshot_contents(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return _contents(con)


def _methods(wh: Warehouse) -> list[str]:
    return [r[0] for r in wh.con.execute("select method from publishes order by published_at").fetchall()]


def _article(wh: Warehouse, uri: str) -> str:
    return wh.con.execute("select article_id from articles where uri = ?", [uri]).fetchall()[0][0]


def test_rows_replaced_or_deleted_in_the_live_file_are_gone_from_the_updated_snapshot(wh, tmp_path) -> None:
    published = tmp_path / "published"
    publish(wh, published)  # a copy: there is no standby yet
    yonhap = _article(wh, YONHAP_SEED.as_uri())
    assert wh.con.execute("select count(*) from near_duplicates where article_id = ?", [yonhap]).fetchall() == [(1,)]
    # a new version of each article, each alone in story s2: Yonhap's copy row is deleted (its new
    # version copies nothing), story s1 loses every article and is deleted, articles rows replaced
    wh.load_batch(_batch([(DW_SEED.as_uri(), DW + "\nA paragraph added later.\n")], story="s2"))
    second = publish(wh, published)  # a copy again; the first snapshot becomes the standby
    assert second.method == "copy" and standby_path(second.path).exists()
    wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP + "\nA correction.\n")], story="s2"))
    third = publish(wh, published)
    assert third.method == "incremental", third.method_note
    assert _methods(wh) == ["copy", "copy", "incremental"]

    live, snap = _contents(wh.con), _snapshot_contents(third.path)
    assert snap == live
    with duckdb.connect(str(third.path), read_only=True) as con:
        assert con.execute("select count(*) from near_duplicates where article_id = ?", [yonhap]).fetchall() == [(0,)]
        assert con.execute("select story_id from stories order by all").fetchall() == [("s2",)]
        assert con.execute("select count(*) from articles where version = 2").fetchall() == [(2,)]
        assert con.execute(
            "select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
        ).fetchall() == [(STORAGE_VERSION + "+",)]
    assert not os.access(third.path, os.W_OK) or os.geteuid() == 0  # read-only mode bits
    assert oct(third.path.stat().st_mode & 0o777) == oct(0o444)
    assert sorted(os.listdir(published)) == [".news.duckdb.standby", "news.duckdb"]


def test_after_several_incremental_publishes_the_snapshot_equals_a_whole_file_copy(wh, tmp_path) -> None:
    published = tmp_path / "published"
    steps = [
        ([(DW_SEED.as_uri(), DW + "\nUpdate one.\n")], "s2"),
        ([("file:///x/third.txt", THIRD)], "s3"),
        ([(YONHAP_SEED.as_uri(), YONHAP + "\nUpdate two.\n"), ("file:///x/third.txt", THIRD + "More.\n")], "s2"),
        ([(DW_SEED.as_uri(), DW + "\nUpdate three.\n")], "s4"),
    ]
    publish(wh, published)
    for inputs, story in steps:
        wh.load_batch(_batch(inputs, story=story))
        last = publish(wh, published)
    assert _methods(wh) == ["copy", "copy", "incremental", "incremental", "incremental"]
    copy = publish(wh, tmp_path / "copied")  # the same data, written whole
    assert copy.method == "copy"
    got, whole = _snapshot_contents(last.path), _snapshot_contents(copy.path)
    # the whole copy lists its own publish too; every other row is the same
    assert {t: rows for t, rows in got.items() if t != "publishes"} == {
        t: rows for t, rows in whole.items() if t != "publishes"
    }
    assert set(got["publishes"]) < set(whole["publishes"])


def test_a_reader_holding_the_standby_open_makes_the_publish_copy_and_is_not_disturbed(wh, tmp_path) -> None:
    published = tmp_path / "published"
    first = publish(wh, published)
    reader = subprocess.Popen(  # a BI session that opened the first snapshot and keeps it open
        [
            sys.executable,
            "-c",
            "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); "
            "sys.stdin.readline(); print(con.execute('select count(*) from articles').fetchall()[0][0], flush=True)",
            str(first.path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdin is not None and reader.stdout is not None
    try:
        assert reader.stdout.readline().strip() == "open"
        wh.load_batch(_batch([("file:///x/third.txt", THIRD)], story="s3"))
        publish(wh, published)  # the first snapshot becomes the standby, still open in the reader
        wh.load_batch(_batch([(DW_SEED.as_uri(), DW + "\nUpdate.\n")], story="s2"))
        third = publish(wh, published)
        assert third.method == "copy" and "could not open the standby" in (third.method_note or "")
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "2"  # the reader still sees its own snapshot
    finally:
        reader.kill()
        reader.wait()
    assert _snapshot_contents(third.path) == _contents(wh.con)
    wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP + "\nUpdate.\n")], story="s2"))
    assert publish(wh, published).method == "incremental"  # the reader is gone


def test_an_edit_outside_a_load_that_changes_a_row_count_is_caught_and_the_file_copied(wh, tmp_path) -> None:
    published = tmp_path / "published"
    publish(wh, published)
    wh.load_batch(_batch([("file:///x/third.txt", THIRD)], story="s3"))
    publish(wh, published)
    wh.con.execute("delete from quotes where article_id = ?", [_article(wh, DW_SEED.as_uri())]).fetchall()
    wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP + "\nUpdate.\n")], story="s2"))
    third = publish(wh, published)
    assert third.method == "copy" and "row counts disagree" in (third.method_note or "")
    assert "quotes" in (third.method_note or "")
    assert _snapshot_contents(third.path) == _contents(wh.con)


def test_a_failure_half_way_leaves_both_snapshots_as_they_were(wh, tmp_path, monkeypatch) -> None:
    published = tmp_path / "published"
    publish(wh, published)
    wh.load_batch(_batch([("file:///x/third.txt", THIRD)], story="s3"))
    second = publish(wh, published)
    current, standby = second.path.read_bytes(), standby_path(second.path).read_bytes()
    standby_rows = _snapshot_contents(standby_path(second.path))
    wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP + "\nUpdate.\n")], story="s2"))
    original = snapshot.sql_text

    def fail_on_mentions(relative: str) -> str:
        if relative == "publish/incremental/mentions.sql":
            raise OSError(28, "No space left on device")
        return original(relative)

    def copy_then_fail(warehouse, temp, record):
        temp.write_bytes(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshot, "sql_text", fail_on_mentions)
    monkeypatch.setattr(snapshot, "_copy_database", copy_then_fail)
    with pytest.raises(WarehouseError, match="No space left"):
        publish(wh, published)
    assert second.path.read_bytes() == current
    assert _snapshot_contents(standby_path(second.path)) == standby_rows  # the update was rolled back
    assert standby_path(second.path).read_bytes() != b"" and standby
    assert sorted(os.listdir(published)) == [".news.duckdb.standby", "news.duckdb"]
    monkeypatch.undo()
    assert publish(wh, published).method == "incremental"  # the standby is still usable


@needs_duckdb1
def test_a_duckdb_1x_client_opens_a_snapshot_brought_up_to_date(wh, tmp_path) -> None:
    published = tmp_path / "published"
    publish(wh, published)
    wh.load_batch(_batch([("file:///x/third.txt", THIRD)], story="s3"))
    publish(wh, published)
    wh.load_batch(_batch([(DW_SEED.as_uri(), DW + "\nUpdate.\n")], story="s2"))
    third = publish(wh, published)
    assert third.method == "incremental"
    version, n_articles = duckdb1_scalar(third.path, "select count(*) from articles")
    assert version.startswith("1.") and n_articles == "3"


def _row_groups(path: Path, table: str) -> dict[int, set[tuple]]:
    """Each row group of `table` in a snapshot: where its column segments are stored."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            f"select row_group_id, column_name, segment_id, block_id, block_offset, count "
            f"from pragma_storage_info('{table}')"
        ).fetchall()
    groups: dict[int, set[tuple]] = {}
    for group, *segment in rows:
        groups.setdefault(group, set()).add(tuple(segment))
    return groups


def _published_past_a_full_row_group(wh: Warehouse, published: Path) -> tuple[dict[int, set[tuple]], Path]:
    """documents with more rows than one row group of 2,048 holds, published (a copy: the standby to
    be), then two loads published: the first snapshot brought up to date. Its row groups before, its path."""
    wh.con.execute(
        "insert into documents select d.* replace ('filler-' || i as document_id, 'file:///filler/' || i as uri) "
        "from (select * from documents limit 1) as d, range(2100) as r(i)"
    )
    first = publish(wh, published)
    before = _row_groups(first.path, "documents")
    assert len(before) == 1 and sum(c for *_, c in before[0]) >= 2048
    wh.load_batch(_batch([("file:///x/third.txt", THIRD)], story="s3"))
    publish(wh, published)  # a copy (no standby yet); the first snapshot becomes the standby
    wh.load_batch(_batch([(DW_SEED.as_uri(), DW + "\nUpdate.\n")], story="s2"))
    third = publish(wh, published)  # the first snapshot, brought up to date with both loads
    assert third.method == "incremental"
    return before, third.path


def test_an_incremental_publish_appends_row_groups_and_rewrites_none_that_was_full(wh, tmp_path, monkeypatch) -> None:
    # in storage version v1.4.0 a checkpoint rewrites the last row group of a table it appended to, all
    # of it: the standby is attached with a smaller row-group size, so rows of a publish start a new group
    # once the last one holds that many (PUBLISH_ROW_GROUP_SIZE; 2,048 here, DuckDB's smallest)
    monkeypatch.setattr(snapshot, "PUBLISH_ROW_GROUP_SIZE", 2048)
    before, path = _published_past_a_full_row_group(wh, tmp_path / "published")
    after = _row_groups(path, "documents")
    assert after[0] == before[0]  # the full row group's segments were not written again
    assert len(after) == 2  # the rows of the two loads went to a new one
    assert _snapshot_contents(path) == _contents(wh.con)


@needs_duckdb1
def test_a_duckdb_1x_client_opens_a_snapshot_with_row_groups_of_the_publish_size(wh, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(snapshot, "PUBLISH_ROW_GROUP_SIZE", 2048)
    _, path = _published_past_a_full_row_group(wh, tmp_path / "published")
    version, n_documents = duckdb1_scalar(path, "select count(*) from documents")
    assert version.startswith("1.") and int(n_documents) == wh.scalar("select count(*) from documents")
