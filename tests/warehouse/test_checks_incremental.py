"""Checks over a run's loads (issue 20): each check whose header says `scope: run` (or `ledger`)
fails on bad rows of the run's own load, does not read an older load's rows (the whole-warehouse
run, `newsetl check`, still finds those), and a run that wrote nothing records its checks as
skipped. The keys check reads the catalog: it fails when a table has lost its primary key."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
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
    """Two loads: an older one (the DW seed) and the run's own (the Yonhap seed and a reject)."""
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        older = warehouse.load_batch(_batch([(DW_SEED.as_uri(), DW_SEED.read_text("utf-8"))]))
        current = warehouse.load_batch(
            _batch(
                [(YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))],
                [Reject("file:///x/empty.txt", "extract", reasons.EMPTY_FILE, "0 bytes")],
            )
        )
        warehouse.loads = {"older": older.load_id, "current": current.load_id}  # type: ignore[attr-defined]
        assert [c.name for c in warehouse.run_checks(reason_codes=reasons.ALL) if not c.passed] == []
        yield warehouse


def _article(con: duckdb.DuckDBPyConnection, load_id: str) -> tuple[str, str]:
    rows = con.execute("select article_id, document_id from article_versions where load_id = ?", [load_id]).fetchall()
    return rows[0]


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> None:
    con.execute(sql, params).fetchall()  # DuckDB 2.0: a statement's result is read before the next one


def _orphan_copy(con, load_id):
    article_id, document_id = _article(con, load_id)
    _run(
        con,
        "insert into near_duplicates values (?, ?, 'nowhere', 0.9, ?, ?)",
        [article_id, document_id, article_id, load_id],
    )


def _story_without_articles(con, load_id):
    article_id, _ = _article(con, load_id)
    _run(con, "insert into stories values ('story-x', ?, 't', now(), now(), 2, 1, 1, ?)", [article_id, load_id])


def _second_version_same_text(con, load_id):
    _run(
        con,
        "insert into article_versions select * replace (version + 1 as version) from article_versions "
        "where load_id = ?",
        [load_id],
    )


def _reject_with_unknown_stage(con, load_id):
    _run(
        con,
        "insert into rejects values ('r-x', 'file:///x', null, 'parse', 'empty_file', null, now(), now(), 1, ?, ?)",
        [load_id, load_id],
    )


def _reject_naming_unknown_bytes(con, load_id):
    _run(
        con,
        "insert into rejects values ('r-y', 'file:///y', ?, 'extract', 'empty_file', null, now(), now(), 1, ?, ?)",
        ["f" * 64, load_id, load_id],
    )


# check -> how a bug or a bad input would leave the rows of one load
DAMAGE: dict[str, Callable[[duckdb.DuckDBPyConnection, str], object]] = {
    "analysis_rows_have_articles": _orphan_copy,
    "articles_are_current_versions": lambda con, load_id: _run(
        con, "update articles set version = version + 5 where load_id = ?", [load_id]
    ),
    "articles_have_body": lambda con, load_id: _run(
        con, "update articles set body_text = '  ', n_words = 0 where load_id = ?", [load_id]
    ),
    "articles_have_documents": lambda con, load_id: _run(
        con, "update article_versions set document_id = 'nowhere' where load_id = ?", [load_id]
    ),
    "articles_have_known_source": lambda con, load_id: _run(
        con, "update articles set source_id = 'nowhere' where load_id = ?", [load_id]
    ),
    "articles_have_no_mojibake": lambda con, load_id: _run(
        con, "update articles set title = 'CafÃ© owners protest' where load_id = ?", [load_id]
    ),
    "articles_have_no_replacement_characters": lambda con, load_id: _run(
        con, "update article_blocks set text = 'Seoul \ufffd' where load_id = ?", [load_id]
    ),
    "articles_unique_content_per_version": _second_version_same_text,
    "blocks_and_spans_have_articles": lambda con, load_id: _run(
        con, "update article_blocks set document_id = 'nowhere' where load_id = ? and block_index = 0", [load_id]
    ),
    "documents_have_an_outcome": lambda con, load_id: _run(
        con, "update documents set status = 'pending' where load_id = ?", [load_id]
    ),
    "ledger_dates_are_in_range": lambda con, load_id: _run(
        con, "update documents set fetched_at = now() + interval 3 day where load_id = ?", [load_id]
    ),
    "loads_conserve_inputs": lambda con, load_id: _run(
        con, "update loads set n_unchanged = n_unchanged + 1 where load_id = ?", [load_id]
    ),
    "published_dates_are_plausible": lambda con, load_id: _run(
        con, "update articles set published_at = timestamptz '1850-05-01 00:00:00+00' where load_id = ?", [load_id]
    ),
    "reject_codes_are_known": _reject_with_unknown_stage,
    "rejects_have_documents": _reject_naming_unknown_bytes,
    "rows_belong_to_completed_loads": lambda con, load_id: _run(
        con, "update loads set status = 'failed' where load_id = ?", [load_id]
    ),
    "status_and_kind_values_are_known": lambda con, load_id: _run(
        con, "update article_blocks set kind = 'sidebar' where load_id = ?", [load_id]
    ),
    "stories_match_their_articles": _story_without_articles,
}


def _scope(path) -> str:
    line = next(line for line in path.read_text("utf-8").splitlines() if line.startswith("-- scope:"))
    return line.split()[2]


def _failing(wh: Warehouse, load_ids: list[str] | None) -> set[str]:
    return {c.name for c in wh.run_checks(reason_codes=reasons.ALL, load_ids=load_ids) if not c.passed}


def test_every_check_says_its_scope_and_every_scoped_check_has_a_damage_case() -> None:
    scopes = {path.stem: _scope(path) for path in CHECKS.glob("*.sql")}
    assert set(scopes.values()) <= {"run", "ledger", "warehouse"}
    assert {name for name, scope in scopes.items() if scope != "warehouse"} == set(DAMAGE)
    assert scopes["keys_are_unique_and_not_null"] == "warehouse"


@pytest.mark.parametrize("check", sorted(DAMAGE))
def test_a_scoped_check_fails_on_bad_rows_of_the_runs_own_load(wh, check) -> None:
    DAMAGE[check](wh.con, wh.loads["current"])
    assert check in _failing(wh, [wh.loads["current"]])
    assert check in _failing(wh, None)  # and on the whole warehouse


@pytest.mark.parametrize("check", sorted(DAMAGE))
def test_a_scoped_check_leaves_an_older_loads_rows_to_the_whole_warehouse_run(wh, check) -> None:
    DAMAGE[check](wh.con, wh.loads["older"])
    assert check not in _failing(wh, [wh.loads["current"]])
    assert check in _failing(wh, None)


def test_a_run_that_wrote_nothing_records_its_checks_as_skipped(wh) -> None:
    again = wh.load_batch(_batch([(YONHAP_SEED.as_uri(), YONHAP_SEED.read_text("utf-8"))]))
    assert (again.n_loaded, again.n_unchanged, again.n_rejected) == (0, 1, 0)
    wh.con.execute("update articles set body_text = '  ', n_words = 0")  # not this run's rows: not looked at
    results = {c.name: c for c in wh.run_checks(reason_codes=reasons.ALL, load_ids=[again.load_id])}
    skipped = {name for name, c in results.items() if c.scope == "skipped"}
    assert skipped == {path.stem for path in CHECKS.glob("*.sql") if _scope(path) == "run"}
    assert results["loads_conserve_inputs"].scope == "ledger"  # the run's own ledger row is still checked
    assert results["keys_are_unique_and_not_null"].scope == "warehouse"
    check_run_id = wh.record_checks(list(results.values()), "run-2", [again.load_id])
    recorded = dict(
        wh.con.execute(
            "select scope, count(*) from check_results where check_run_id = ? group by scope", [check_run_id]
        ).fetchall()
    )
    assert recorded == {"skipped": len(skipped), "ledger": 1, "warehouse": 1}
    # the same damage in a run that did load something is found
    wh.con.execute("update loads set n_loaded = 1, n_unchanged = 0 where load_id = ?", [again.load_id])
    assert "articles_have_body" not in _failing(wh, [again.load_id])  # its articles are not this load's
    assert "articles_have_body" in _failing(wh, None)


def test_the_keys_check_fails_when_a_table_lost_its_primary_key(wh) -> None:
    assert "keys_are_unique_and_not_null" not in _failing(wh, None)
    wh.con.execute("create table sources_copy as select * from sources")
    wh.con.execute("drop table sources")
    wh.con.execute("alter table sources_copy rename to sources")
    failing = {c.name: c for c in wh.run_checks(reason_codes=reasons.ALL) if not c.passed}
    assert failing["keys_are_unique_and_not_null"].n_failing == 1
    assert failing["keys_are_unique_and_not_null"].sample[0]["table_name"] == "sources"
