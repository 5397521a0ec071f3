"""The run summary: counts per stage and reason, printed, kept in run_stage_counts and as Prefect
artifacts (markdown and table), read back through the Prefect client."""

from __future__ import annotations

import json
import shutil
import uuid

import duckdb
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

from flows.ingest import ingest
from flows.settings import Settings
from flows.summary import RunSummary
from tests.conftest import SEEDS
from transforms.frames.ledger import Reject
from warehouse import LoadCounts
from warehouse.store import CheckResult


def test_stage_rows_follow_the_pipeline_and_keep_every_reason() -> None:
    summary = RunSummary("w.duckdb")
    summary.add_batch(
        LoadCounts("l1", 2, 1, 2),
        5,
        [Reject("file:///a", "extract", "empty_file"), Reject("file:///b", "discover", "not_found")],
        {"land": 4, "extract": 3, "clean": 2},
    )
    summary.add_batch(
        LoadCounts("l2", 1, 0, 1),
        2,
        [Reject("file:///c", "extract", "empty_file")],
        {"land": 2, "extract": 1, "clean": 1},
    )
    rows = [(r["stage"], r["reason"], r["is_rejected"], r["n_inputs"]) for r in summary.stage_rows()]
    assert rows == [
        ("discover", "not_found", True, 1),
        ("land", "passed", False, 6),
        ("extract", "passed", False, 4),
        ("extract", "empty_file", True, 2),
        ("clean", "passed", False, 3),
        ("load", "loaded", False, 3),
        ("load", "unchanged", False, 1),
    ]
    assert (summary.n_seen, summary.n_loaded, summary.n_rejected, summary.load_ids) == (7, 3, 3, ["l1", "l2"])
    lines = summary.lines()
    assert "  extract  empty_file              2" in lines
    assert "passed      land 6, extract 4, clean 3" in lines
    assert "| extract | empty_file | 2 |" in summary.markdown()


def _artifact(key: str, run_id: str):
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=[key]), flow_run_id=ArtifactFilterFlowRunId(any_=[uuid.UUID(run_id)])
            )
        )
    assert len(found) == 1, f"{key}: {len(found)} artifacts for run {run_id}"
    return found[0]


def test_checks_skipped_by_a_run_that_wrote_nothing_are_not_counted_as_passed() -> None:
    summary = RunSummary("w.duckdb")
    summary.checks = [
        CheckResult("loads_conserve_inputs", "error", 0, [], scope="ledger"),
        CheckResult("bodies_are_not_empty", "error", 0, [], scope="skipped"),
        CheckResult("dates_are_sane", "warning", 0, [], scope="skipped"),
        CheckResult("outlets_are_known", "warning", 2, [], scope="run"),
    ]
    lines = summary.lines()
    assert "checks      1/2 passed, 2 skipped (nothing new loaded)" in lines
    assert "  WARNING outlets_are_known: 2 failing rows" in lines
    assert "| bodies_are_not_empty | error | skipped | 0 |" in summary.markdown()
    summary.checks = summary.checks[:1]
    assert "checks      1/1 passed" in summary.lines()


def test_a_run_with_rejects_keeps_its_stage_counts_and_artifacts(tmp_path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "news.duckdb"

    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db)))

    con = duckdb.connect(str(db), read_only=True)
    try:
        run_ids = con.sql("select distinct run_id from loads").fetchall()
        counts = con.sql(
            "select run_id, stage, reason, is_rejected, n_inputs from run_stage_counts order by stage, reason"
        ).fetchall()
    finally:
        con.close()
    assert len(run_ids) == 1
    run_id = run_ids[0][0]
    assert counts == sorted(
        [
            (run_id, "discover", "unsupported_type", True, 1),
            (run_id, "land", "passed", False, 3),
            (run_id, "extract", "empty_file", True, 1),
            (run_id, "extract", "passed", False, 2),
            (run_id, "clean", "passed", False, 2),
            (run_id, "load", "loaded", False, 2),
            (run_id, "load", "unchanged", False, 0),
        ],
        key=lambda row: (row[1], row[2]),
    )
    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (4, 2, 2)

    table = _artifact("ingest-stage-counts", run_id)
    assert table.type == "table"
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert {(r["stage"], r["reason"], r["n_inputs"]) for r in rows} >= {
        ("extract", "empty_file", 1),
        ("discover", "unsupported_type", 1),
    }
    markdown = _artifact("ingest-summary", run_id)
    assert markdown.type == "markdown" and "| extract | empty_file | 1 |" in markdown.data
    assert "| load | loaded | 2 |" in markdown.data
