"""The data-quality checks of sql/checks/: each passes on a good load and catches the rows it is
about, written straight into the tables as a bug or a bad input would leave them; results are
kept per checks run."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import DW_SEED, ROOT, YONHAP_SEED
from tests.warehouse.test_store import _batch
from transforms import reasons
from transforms.frames.ledger import Reject
from transforms.metadata.sources import source_registry
from warehouse import Warehouse

CHECKS = ROOT / "sql" / "checks"


@pytest.fixture
def wh(tmp_path):
    """A warehouse holding both seeds and one reject, every check passing."""
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        seeds = [(DW_SEED.as_uri(), DW_SEED.read_text("utf-8")), (YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]
        warehouse.load_batch(_batch(seeds, [Reject("file:///x/empty.txt", "extract", reasons.EMPTY_FILE, "0 bytes")]))
        assert [c.name for c in warehouse.run_checks() if not c.passed] == []
        yield warehouse


def _failing(wh: Warehouse) -> dict[str, int]:
    return {c.name: c.n_failing for c in wh.run_checks(reason_codes=reasons.ALL) if not c.passed}


def _reject(wh: Warehouse, reject_id: str, stage: str, reason: str, document_id: str | None = None) -> None:
    load_id = wh.con.execute("select load_id from loads limit 1").fetchone()[0]
    wh.con.execute(
        "insert into rejects values (?, 'file:///x', ?, ?, ?, null, now(), now(), 1, ?, ?)",
        [reject_id, document_id, stage, reason, load_id, load_id],
    )


def test_every_check_declares_its_severity() -> None:
    for path in sorted(CHECKS.glob("*.sql")):
        assert re.match(r"-- severity: (error|warn)\n", path.read_text("utf-8")), path.name


def test_every_reason_code_is_accepted_and_a_made_up_one_is_not(wh) -> None:
    for i, code in enumerate((*reasons.ALL, reasons.http_status_reason(404), reasons.http_status_reason(503))):
        _reject(wh, f"known-{i}", "clean", code)
    assert _failing(wh) == {}
    _reject(wh, "made-up", "clean", "looked_odd")
    _reject(wh, "bad-stage", "parse", reasons.EMPTY_FILE)
    assert _failing(wh) == {"reject_codes_are_known": 2}
    unchecked = {c.name: c.n_failing for c in wh.run_checks() if not c.passed}  # no vocabulary: stages only
    assert unchecked == {"reject_codes_are_known": 1}


def test_unknown_statuses_and_kinds_fail(wh) -> None:
    wh.con.execute("update documents set status = 'pending' where uri = ?", [DW_SEED.as_uri()])
    wh.con.execute("update article_blocks set kind = 'sidebar' where block_index = 0")
    failing = _failing(wh)
    assert failing["status_and_kind_values_are_known"] == 2  # documents.status 'pending', blocks 'sidebar'


def test_a_reject_naming_unknown_bytes_breaks_referential_integrity(wh) -> None:
    _reject(wh, "orphan", "extract", reasons.BINARY_CONTENT, document_id="f" * 64)
    assert _failing(wh) == {"rejects_have_documents": 1}


def test_blocks_of_an_unknown_document_break_referential_integrity(wh) -> None:
    wh.con.execute(
        "update article_blocks set document_id = 'nowhere' where block_index = 0 and article_id = "
        "(select min(article_id) from article_blocks)"
    )
    assert _failing(wh)["blocks_and_spans_have_articles"] == 1


def test_a_batch_whose_counts_do_not_add_up_breaks_conservation(wh) -> None:
    wh.con.execute("update loads set n_unchanged = n_unchanged + 1")
    assert _failing(wh) == {"loads_conserve_inputs": 1}


def test_a_loaded_count_that_does_not_match_the_versions_written_breaks_conservation(wh) -> None:
    wh.con.execute("update loads set n_loaded = n_loaded - 1, n_unchanged = n_unchanged + 1")
    assert _failing(wh) == {"loads_conserve_inputs": 1}


def test_duplicate_keys_fail(wh) -> None:
    # the tables' primary keys refuse duplicates and nulls, so the check reads the catalog: a table
    # whose migration lost its key (then free to hold a duplicate) fails it
    wh.con.execute("create table sources_copy as select * from sources")
    wh.con.execute("drop table sources")
    wh.con.execute("alter table sources_copy rename to sources")
    wh.con.execute("insert into sources select * from sources where source_id = 'dw'")
    assert _failing(wh) == {"keys_are_unique_and_not_null": 1}


def test_dates_out_of_range_fail(wh) -> None:
    future = datetime.now(UTC) + timedelta(days=3)
    wh.con.execute("update documents set fetched_at = ? where uri = ?", [future, DW_SEED.as_uri()])
    wh.con.execute("update articles set published_at = timestamptz '1850-05-01 00:00:00+00'")
    wh.con.execute("update loads set started_at = finished_at + interval 1 minute")
    failing = {c.name: (c.severity, c.n_failing) for c in wh.run_checks(reason_codes=reasons.ALL) if not c.passed}
    assert failing == {"ledger_dates_are_in_range": ("error", 2), "published_dates_are_plausible": ("warn", 2)}


def test_mojibake_replacement_characters_and_empty_bodies_are_warnings(wh) -> None:
    wh.con.execute("update articles set title = 'CafÃ© owners protest' where uri = ?", [DW_SEED.as_uri()])
    wh.con.execute("update articles set body_text = body_text || ' \ufffd' where uri = ?", [YONHAP_SEED.as_uri()])
    wh.con.execute("update article_blocks set text = 'Seoul \ufffd' where block_index = 1")
    results = {c.name: c for c in wh.run_checks(reason_codes=reasons.ALL) if not c.passed}
    assert {name: (c.severity, c.n_failing) for name, c in results.items()} == {
        "articles_have_no_mojibake": ("warn", 1),
        "articles_have_no_replacement_characters": ("warn", 3),  # one body, two blocks
    }
    assert results["articles_have_no_mojibake"].sample[0]["title"] == "CafÃ© owners protest"
    wh.con.execute("update articles set body_text = '   ', n_words = 0 where uri = ?", [DW_SEED.as_uri()])
    assert _failing(wh)["articles_have_body"] == 1


def test_results_are_kept_per_checks_run(wh) -> None:
    _reject(wh, "made-up", "clean", "looked_odd")
    results = wh.run_checks(reason_codes=reasons.ALL)
    first = wh.record_checks(results, "run-1", ["load-a", "load-b"])
    second = wh.record_checks(results, None, [])
    rows = wh.query(
        "select check_run_id, run_id, load_ids, check_name, severity, n_failing, sample "
        "from check_results order by check_run_id, check_name"
    )
    assert rows.height == 2 * len(list(CHECKS.glob("*.sql")))
    assert set(rows["check_run_id"]) == {first, second}
    failed = rows.filter(check_name="reject_codes_are_known", check_run_id=first).row(0, named=True)
    assert (failed["run_id"], failed["load_ids"], failed["severity"], failed["n_failing"]) == (
        "run-1",
        ["load-a", "load-b"],
        "error",
        1,
    )
    assert json.loads(failed["sample"]) == [{"stage": "clean", "reason": "looked_odd", "n_rejects": 1}]


def test_a_loaded_document_without_a_version_and_a_rejected_one_without_a_reject_have_no_outcome(wh) -> None:
    """documents_have_an_outcome's two lookups: 'loaded' needs an article version, 'rejected' a rejects row."""
    loaded, rejected = wh.con.execute(
        "select document_id from documents where status = 'loaded' order by document_id limit 2"
    ).fetchall()
    wh.con.execute("update documents set status = 'rejected' where document_id = ?", [rejected[0]])
    assert _failing(wh)["documents_have_an_outcome"] == 1
    wh.con.execute("delete from article_versions where document_id = ?", [loaded[0]])
    assert _failing(wh)["documents_have_an_outcome"] == 2
