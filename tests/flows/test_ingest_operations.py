"""Operations end to end: the real `newsetl` command in subprocesses, on the test session's
Prefect API. One writer at a time (a busy warehouse, two ingests started together), the BI
snapshot read through SQLAlchemy and duckdb-engine while an ingest runs, and a failing
error-level check that keeps the previous snapshot."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import DW_SEED, EXTRACTION, ROOT, YONHAP_SEED
from tests.conftest import query as _query
from tests.http_server import serve
from warehouse.lock import info_path, writer_lock

FIXTURES = ROOT / "tests" / "fixtures" / "html"
PAGES_DIR = EXTRACTION / "scrapinghub" / "html"
PAGE_IDS = sorted(p.stem for p in PAGES_DIR.glob("*.html"))[:5] if PAGES_DIR.is_dir() else []
CLI = "from flows.cli import main; main()"


def _env() -> dict[str, str]:
    """The subprocesses use this session's Prefect API instead of starting their own."""
    from prefect.settings import PREFECT_API_URL

    return os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_LOGGING_LEVEL": "WARNING"}


def _newsetl(args: list[str], log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-c", CLI, *args], cwd=ROOT, env=_env(), stdout=out, stderr=subprocess.STDOUT, text=True
        )


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def inputs(tmp_path) -> tuple[Path, Path]:
    """Two disjoint folders of inputs: text and HTML articles and an empty file (a reject)."""
    first, second = tmp_path / "in" / "a", tmp_path / "in" / "b"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    shutil.copy(DW_SEED, first)
    shutil.copy(FIXTURES / "news_article.html", first)
    (first / "empty.txt").write_bytes(b"")
    shutil.copy(YONHAP_SEED, second)
    shutil.copy(FIXTURES / "news_brief.html", second)
    return first, second


CONTENT = {
    "articles": "select article_id, version, content_hash, uri from articles order by all",
    "article_versions": "select article_id, version, content_hash from article_versions order by all",
    "documents": "select document_id, uri, status from documents order by all",
    "rejects": "select reject_id, stage, reason from rejects order by all",
}


def _content(db: Path) -> dict[str, list[tuple]]:
    return {name: _query(db, sql) for name, sql in CONTENT.items()}


def test_a_busy_warehouse_ends_the_run_cleanly_and_writes_nothing(inputs, tmp_path) -> None:
    db = tmp_path / "live" / "news.duckdb"
    with writer_lock(db, timeout=0, command="test holder"):
        since = json.loads(info_path(db).read_text())["since"]
        run = _newsetl(
            ["ingest", str(inputs[0]), "--db", str(db), "--lock-timeout", "1", "--no-progress"], tmp_path / "busy.log"
        )
        assert run.wait(timeout=300) == 3
    last_line = (tmp_path / "busy.log").read_text().strip().splitlines()[-1]
    assert last_line == (
        f"warehouse busy: {db} is being written by another run (pid {os.getpid()}, test holder, "
        f"since {since}); gave up after waiting 1 s"
    )
    assert sorted(p.name for p in db.parent.iterdir()) == ["news.duckdb.lock"]  # no database, no landing store


def test_two_ingests_started_together_end_like_two_sequential_runs(inputs, tmp_path) -> None:
    sequential = tmp_path / "sequential" / "news.duckdb"
    for folder in inputs:
        ingest(paths=[str(folder)], settings=Settings(db_path=str(sequential), workers=1))

    db = tmp_path / "together" / "news.duckdb"
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    with writer_lock(db, timeout=0, command="test holder"):  # both start while the warehouse is busy
        runs = [
            _newsetl(["ingest", str(folder), "--db", str(db), "--workers", "1", "--no-progress"], log)
            for folder, log in zip(inputs, logs, strict=True)
        ]
        _wait_for(lambda: all("waiting up to 600 s" in log.read_text() for log in logs), 300, "both runs to wait")
        assert not db.exists()  # neither opened the warehouse while waiting
    assert [run.wait(timeout=300) for run in runs] == [0, 0], [log.read_text() for log in logs]

    assert _content(db) == _content(sequential)
    assert len(_content(db)["articles"]) == 4 and len(_content(db)["rejects"]) == 1
    # one after the other: the two runs' batches do not overlap in time
    spans = _query(db, "select run_id, min(started_at), max(finished_at) from loads group by run_id order by 2")
    assert len(spans) == 2 and spans[0][2] <= spans[1][1]
    assert _query(db, "select count(distinct check_run_id), count(distinct run_id) from check_results") == [(2, 2)]


@pytest.mark.skipif(len(PAGE_IDS) < 5, reason="../shared/data/extraction pages not found")
def test_bi_reads_the_snapshot_through_sqlalchemy_while_an_ingest_runs(inputs, tmp_path) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    db = tmp_path / "live" / "news.duckdb"
    ingest(paths=[str(inputs[0])], settings=Settings(db_path=str(db), workers=1))
    snapshot = db.parent / "published" / "news.duckdb"
    # as a BI tool would; NullPool: each connection opens the file anew, so it sees the latest snapshot
    engine = create_engine(f"duckdb:///{snapshot}", connect_args={"read_only": True}, poolclass=NullPool)

    routes = {"/robots.txt": "User-agent: *\nAllow: /\n"}
    routes |= {f"/news/{i}.html": (PAGES_DIR / f"{page}.html").read_bytes() for i, page in enumerate(PAGE_IDS)}
    with serve(routes) as site:
        urls = [f"{site}/news/{i}.html" for i in range(len(PAGE_IDS))]
        run = _newsetl(
            [
                "ingest",
                *urls,
                "--db",
                str(db),
                "--allow-network",
                "127.0.0.1/32",
                "--host-delay",
                "1",
                "--workers",
                "1",
                "--no-progress",
            ],
            tmp_path / "ingest.log",
        )
        _wait_for(
            lambda: (
                run.poll() is not None or (info_path(db).exists() and f'"pid": {run.pid}' in info_path(db).read_text())
            ),
            300,
            "the ingest to hold the warehouse",
        )
        with engine.connect() as bi:
            rules = bi.execute(text("select source_id, rule_id, n_spans from removed_spans_by_rule")).fetchall()
            rejects = bi.execute(text("select stage, reason, n_inputs from rejects_by_reason")).fetchall()
            n_articles = bi.execute(text("select count(*) from articles")).scalar_one()
            views = bi.execute(text("select view_name from duckdb_views() where not internal")).scalars().all()
            for view in views:  # every BI view answers on the snapshot
                bi.execute(text(f"select * from {view} limit 5")).fetchall()
            n_in_v_articles = bi.execute(text("select count(*) from v_articles")).scalar_one()
        pages_fetched = len([r for r in site.requests if r.path.startswith("/news/")])
        assert run.poll() is None and pages_fetched < len(urls)  # the ingest was still fetching meanwhile
        assert rules and rejects == [("extract", "empty_file", 1)] and n_articles == n_in_v_articles == 2
        assert {"removed_spans_by_rule", "rejects_by_reason", "v_articles"} <= set(views)
        assert run.wait(timeout=300) == 0, (tmp_path / "ingest.log").read_text()

    with engine.connect() as bi:  # the run published a new snapshot when it finished
        assert bi.execute(text("select count(*) from articles")).scalar_one() == 2 + len(urls)
        assert bi.execute(text("select count(*) from publishes")).scalar_one() == 2
    engine.dispose()


def test_a_failing_error_check_keeps_the_previous_snapshot(inputs, tmp_path) -> None:
    db = tmp_path / "live" / "news.duckdb"
    first = ingest(paths=[str(inputs[0])], settings=Settings(db_path=str(db), workers=1))
    snapshot = db.parent / "published" / "news.duckdb"
    assert first.published == str(snapshot) and first.failed_checks == []
    before = snapshot.read_bytes()
    with duckdb.connect(str(db)) as con:  # a reject with a reason code nobody knows
        con.execute("update rejects set reason = 'looked_odd'")

    # the checks look at the rows of the run's loads: the second run sees the empty file again
    again = [str(inputs[1]), str(inputs[0] / "empty.txt")]
    second = ingest(paths=again, settings=Settings(db_path=str(db), workers=1))
    assert [c.name for c in second.failed_checks] == ["reject_codes_are_known"]
    assert second.published is None and snapshot.read_bytes() == before
    assert second.not_published == "error-level checks failed (reject_codes_are_known)"
    assert "published   no: error-level checks failed (reject_codes_are_known)" in second.lines()
    assert _query(db, "select count(*) from publishes") == [(1,)]
    assert _query(
        db, "select n_failing from check_results where check_name = 'reject_codes_are_known' order by checked_at"
    ) == [(0,), (1,)]

    on_demand = subprocess.run(
        [sys.executable, "-c", CLI, "publish", "--db", str(db)],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (
        on_demand.returncode == 1
        and "not published: error-level checks failed (reject_codes_are_known)" in on_demand.stderr
    )
    checked = subprocess.run(
        [sys.executable, "-c", CLI, "check", "--db", str(db)],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 1
    assert any(line.split()[:3] == ["error", "reject_codes_are_known", "1"] for line in checked.stdout.splitlines())
    assert snapshot.read_bytes() == before

    with duckdb.connect(str(db)) as con:
        con.execute("update rejects set reason = 'empty_file'")
    fixed = subprocess.run(
        [sys.executable, "-c", CLI, "publish", "--db", str(db), "--export-parquet"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stdout.startswith(f"published {snapshot} (4 articles, storage v1.4.0)")
    assert _query(snapshot, "select count(*) from articles") == [(4,)]
    assert (db.parent / "published" / "parquet" / "articles").is_dir()


def test_a_run_that_changes_no_data_keeps_the_snapshot(inputs, tmp_path) -> None:
    clean = tmp_path / "in" / "clean"  # no reject
    clean.mkdir()
    shutil.copy(DW_SEED, clean)
    db = tmp_path / "live" / "news.duckdb"
    snapshot = db.parent / "published" / "news.duckdb"
    first = ingest(paths=[str(clean)], settings=Settings(db_path=str(db), workers=1))
    assert first.published == str(snapshot)
    before = snapshot.read_bytes()

    again = ingest(paths=[str(clean)], settings=Settings(db_path=str(db), workers=1))  # nothing new: no copy written
    assert again.n_loaded == 0 and again.n_rejected == 0
    assert again.published == f"{snapshot} (kept: no data changed since it was published)"
    assert snapshot.read_bytes() == before and _query(db, "select count(*) from publishes") == [(1,)]

    with_parquet = ingest(paths=[str(clean)], settings=Settings(db_path=str(db), workers=1, export_parquet=True))
    assert with_parquet.published == str(snapshot)  # the export was asked for and is not there yet
    rejected_again = ingest(
        paths=[str(inputs[0])], settings=Settings(db_path=str(db), workers=1)
    )  # new data and a reject
    assert rejected_again.n_loaded > 0 and rejected_again.published == str(snapshot)
    seen_again = ingest(
        paths=[str(inputs[0])], settings=Settings(db_path=str(db), workers=1)
    )  # only the reject, seen again the same way: not new data (tests/flows/test_rejects_again.py)
    assert (seen_again.n_loaded, seen_again.n_rejected, seen_again.n_rejected_again) == (0, 1, 1)
    assert seen_again.published == f"{snapshot} (kept: no data changed since it was published)"
    assert _query(db, "select count(*) from publishes") == [(3,)]
