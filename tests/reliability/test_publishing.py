"""Issue 19, publishing: a stale WAL beside the snapshot, and a `"` in the warehouse's file name."""

from __future__ import annotations

import subprocess
import sys

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query
from tests.reliability.test_hostile_inputs import paragraphs, text_article
from warehouse.snapshot import snapshot_path, wal_path


def _article(folder, name: str, topic: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text_article(f"The {topic}", paragraphs(topic)), "utf-8")


def _crash_with_a_wal(target) -> None:
    """What the issue saw: a process opens the snapshot read-write (its owner can), writes, and is
    killed before its WAL is folded in: news.duckdb.wal stays beside news.duckdb."""
    script = (
        "import duckdb, os, sys; con = duckdb.connect(sys.argv[1]); "
        "con.execute(\"set checkpoint_threshold = '1GB'\"); con.execute('create table scratch as select 1 as x'); "
        "os._exit(0)"
    )
    target.chmod(0o644)
    subprocess.run([sys.executable, "-c", script, str(target)], check=True, timeout=60)
    assert wal_path(target).exists()


def test_a_stale_wal_beside_the_snapshot_is_removed_and_the_snapshot_stays_readable(tmp_path) -> None:
    folder = tmp_path / "in"
    _article(folder, "a.txt", "bridge")
    settings = Settings(db_path=str(tmp_path / "news.duckdb"))
    ingest(paths=[str(folder)], settings=settings)
    target = snapshot_path(settings.db_path, settings.published_dir)
    for n_articles, new_file in ((1, None), (2, "b.txt")):  # a run with no data change, then one with
        _crash_with_a_wal(target)
        if new_file:
            _article(folder, new_file, "harbour")
        summary = ingest(paths=[str(folder)], settings=settings)
        assert summary.published and summary.not_published is None
        assert not wal_path(target).exists()
        assert query(target, "select count(*) from articles") == [(n_articles,)]


def test_a_double_quote_in_the_warehouse_file_name_publishes(tmp_path) -> None:
    folder = tmp_path / "in"
    _article(folder, "a.txt", "bridge")
    settings = Settings(db_path=str(tmp_path / 'my "news".duckdb'))
    summary = ingest(paths=[str(folder)], settings=settings)
    assert summary.published, summary.not_published
    assert summary.not_published is None
    target = snapshot_path(settings.db_path, settings.published_dir)
    assert query(target, "select count(*) from articles") == [(1,)]
