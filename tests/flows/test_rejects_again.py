"""A re-run whose only input rejected again the same way writes no new data (issue 20): its row checks
are recorded as skipped, the snapshot is kept, and the attempt stays visible (the run summary, the
load's ledger row, the reject row's n_seen). The same bytes rejected for another reason are new data."""

from __future__ import annotations

import shutil

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import DW_SEED
from tests.conftest import query as _query

KEPT = "(kept: no data changed since it was published)"


def test_an_input_rejected_again_the_same_way_publishes_nothing(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DW_SEED, folder)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "live" / "news.duckdb"
    snapshot = db.parent / "published" / "news.duckdb"
    settings = Settings(db_path=str(db), workers=1)
    first = ingest(paths=[str(folder)], settings=settings)
    assert (first.n_loaded, first.n_rejected, first.n_rejected_again, first.published) == (1, 1, 0, str(snapshot))
    assert not [c for c in first.checks if c.scope == "skipped"]

    again = ingest(paths=[str(folder)], settings=settings)
    assert (again.n_loaded, again.n_unchanged, again.n_rejected, again.n_rejected_again) == (0, 1, 1, 1)
    assert again.published == f"{snapshot} {KEPT}"
    assert [c.name for c in again.checks if c.scope == "skipped"]
    assert all(c.passed for c in again.checks)
    assert "rejected    1 (1 rejected again, unchanged)" in again.lines()
    assert _query(db, "select count(*) from publishes") == [(1,)]
    assert _query(db, "select reason, n_seen from rejects") == [("empty_file", 2)]
    assert _query(db, "select n_rejected, n_rejected_again from loads order by finished_at") == [(1, 0), (1, 1)]


def test_the_same_bytes_rejected_for_another_reason_are_new_data(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "odd.txt").write_bytes(b"\x00\x01\x02\x03 not text at all")
    db = tmp_path / "live" / "news.duckdb"
    snapshot = db.parent / "published" / "news.duckdb"
    binary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), workers=1))
    assert (binary.n_rejected, binary.n_rejected_again, binary.published) == (1, 0, str(snapshot))
    small = Settings(db_path=str(db), workers=1, max_bytes=8)
    too_large = ingest(paths=[str(folder)], settings=small)  # the same file, now over the size cap
    assert (too_large.n_rejected, too_large.n_rejected_again, too_large.published) == (1, 0, str(snapshot))
    assert not [c for c in too_large.checks if c.scope == "skipped"]
    same = ingest(paths=[str(folder)], settings=small)
    assert (same.n_rejected, same.n_rejected_again, same.published) == (1, 1, f"{snapshot} {KEPT}")
    assert sorted(_query(db, "select reason, n_seen from rejects")) == [("binary_content", 1), ("too_large", 2)]
