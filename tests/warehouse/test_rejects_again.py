"""An input rejected again the same way is not new data (issue 20, migration 016): the same reject_id
(the same URI, content hash, stage and reason) already in rejects is counted in the load's
n_rejected_again, its row still moves (n_seen, last_seen_at, last_load_id), the run's row checks are
skipped and the snapshot is current. A reject whose reason or content changed is new data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import DW_SEED, ROOT
from tests.warehouse.migrated import migrate_up_to
from tests.warehouse.test_store import _batch
from transforms import reasons
from transforms.frames.ledger import Reject
from transforms.metadata.sources import source_registry
from warehouse import Warehouse, snapshot

CHECKS = ROOT / "sql" / "checks"
URI = "file:///in/page.html"
TIMED_OUT = Reject(URI, "clean", reasons.EXTRACT_TIMEOUT, "normalise: over 30 s", "doc-1")


def _run_scoped() -> set[str]:
    return {p.stem for p in CHECKS.glob("*.sql") if "-- scope: run" in p.read_text(encoding="utf-8")}


@pytest.fixture
def wh(tmp_path):
    """A warehouse with one article and one reject (a page that ran out of time), published."""
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        first = warehouse.load_batch(_batch([(DW_SEED.as_uri(), DW_SEED.read_text("utf-8"))], [TIMED_OUT]))
        assert (first.n_rejected, first.n_rejected_again, first.changed_data) == (1, 0, True)
        warehouse.published = snapshot.publish(warehouse, tmp_path / "published").path  # type: ignore[attr-defined]
        yield warehouse


def _skipped(wh: Warehouse, load_id: str) -> set[str]:
    return {c.name for c in wh.run_checks(reason_codes=reasons.ALL, load_ids=[load_id]) if c.scope == "skipped"}


def test_the_same_reject_again_is_counted_but_is_not_new_data(wh) -> None:
    again = wh.load_batch(_batch([], [Reject(URI, "clean", reasons.EXTRACT_TIMEOUT, "normalise: over 31 s", "doc-1")]))
    assert (again.n_loaded, again.n_rejected, again.n_rejected_again, again.changed_data) == (0, 1, 1, False)
    # the attempt stays visible: the ledger row says so, the reject row moved
    assert wh.con.execute(
        "select n_rejected, n_rejected_again from loads where load_id = ?", [again.load_id]
    ).fetchall() == [(1, 1)]
    assert wh.con.execute("select n_seen, last_load_id, detail from rejects").fetchall() == [
        (2, again.load_id, "normalise: over 31 s")
    ]
    assert _skipped(wh, again.load_id) == _run_scoped()
    failing = [c.name for c in wh.run_checks(reason_codes=reasons.ALL, load_ids=[again.load_id]) if not c.passed]
    assert failing == []  # the ledger check (loads_conserve_inputs) ran on the load and passed
    assert wh.snapshot_is_current(wh.published, export_parquet=False)


@pytest.mark.parametrize(
    "changed",
    [
        Reject(URI, "clean", reasons.NO_ARTICLE_TEXT, "nothing left", "doc-1"),  # another reason
        Reject(URI, "clean", reasons.EXTRACT_TIMEOUT, "normalise: over 30 s", "doc-2"),  # other bytes
        Reject("file:///in/other.html", "clean", reasons.EXTRACT_TIMEOUT, "normalise: over 30 s", "doc-1"),
    ],
    ids=["reason", "content", "uri"],
)
def test_a_reject_whose_reason_or_content_changed_is_new_data(wh, changed) -> None:
    load = wh.load_batch(_batch([], [changed]))
    assert (load.n_rejected, load.n_rejected_again, load.changed_data) == (1, 0, True)
    assert _skipped(wh, load.load_id) == set()
    assert not wh.snapshot_is_current(wh.published, export_parquet=False)
    assert wh.con.execute("select count(*) from rejects").fetchall() == [(2,)]


def test_a_batch_with_one_reject_again_and_one_new_is_new_data(wh) -> None:
    new = Reject("file:///in/empty.txt", "extract", reasons.EMPTY_FILE, "0 bytes")
    load = wh.load_batch(_batch([], [TIMED_OUT, new, new]))  # the new one twice in the batch: still new
    assert (load.n_rejected, load.n_rejected_again, load.changed_data) == (3, 1, True)
    assert _skipped(wh, load.load_id) == set()
    assert not wh.snapshot_is_current(wh.published, export_parquet=False)


def test_a_new_article_beside_a_reject_again_is_new_data(wh) -> None:
    text = DW_SEED.read_text("utf-8").replace("the", "a", 1)
    load = wh.load_batch(_batch([("file:///in/changed.txt", text)], [TIMED_OUT]))
    assert (load.n_loaded, load.n_rejected_again, load.changed_data) == (1, 1, True)
    assert not wh.snapshot_is_current(wh.published, export_parquet=False)


def test_the_ledger_check_fails_on_more_rejects_again_than_rejects(wh) -> None:
    again = wh.load_batch(_batch([], [TIMED_OUT]))
    wh.con.execute("update loads set n_rejected_again = 2 where load_id = ?", [again.load_id])
    failing = {c.name for c in wh.run_checks(reason_codes=reasons.ALL, load_ids=[again.load_id]) if not c.passed}
    assert failing == {"loads_conserve_inputs"}


def test_loads_from_before_the_migration_count_no_reject_again(tmp_path: Path) -> None:
    """A load recorded at migration 015 (one reject) reads as a load whose reject was new."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate_up_to(con, 15)
    con.execute(
        "insert into loads (load_id, run_id, batch_index, status, started_at, finished_at, n_inputs, n_loaded, "
        "n_unchanged, n_rejected, pipeline_version) values ('l1', 'r1', 0, 'completed', now(), now(), 1, 0, 0, 1, 'x')"
    )
    con.close()
    with Warehouse(path) as warehouse:
        assert warehouse.con.execute("select n_rejected, n_rejected_again from loads").fetchall() == [(1, 0)]
        assert not [c for c in warehouse.run_checks(reason_codes=reasons.ALL, load_ids=["l1"]) if c.scope == "skipped"]
