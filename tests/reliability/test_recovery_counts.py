"""Issue 19, "inputs seen" after recovery: a document an interrupted run landed but never loaded is
recovered first by the next run; when that run's inputs list the same document again (the same
WARC, the same file), it is one input, counted once, and every batch still conserves its inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest import ingest
from flows.inputs import discover_files, land_files, record_landed
from flows.settings import Settings
from flows.warc import write_warc
from flows.web_sources import warc_batches
from tests.conftest import SEEDS, query
from tests.reliability.test_hostile_inputs import html_page, paragraphs

TOPICS = ("school", "park", "harbour", "ferry", "library", "bridge")


def _warc(path: Path) -> Path:
    pages = [
        (f"https://news.example/warc/{t}.html", 200, "text/html", html_page(f"Council backs new {t}", paragraphs(t)))
        for t in TOPICS
    ]
    write_warc(path, [(uri, status, ctype, body.encode()) for uri, status, ctype, body in pages])
    return path


def _assert_conserved(summary, db: Path) -> None:
    assert summary.n_seen == summary.n_loaded + summary.n_unchanged + summary.n_rejected, summary.lines()
    failing = [c.name for c in summary.checks if not c.passed]
    assert failing == [], summary.lines()
    # every batch's loads row adds up (the warehouse check loads_conserve_inputs, asserted row by row)
    rows = query(db, "select n_inputs, n_loaded + n_unchanged + n_rejected from loads")
    assert rows and all(n_inputs == n_out for n_inputs, n_out in rows), rows


@pytest.mark.parametrize("batch_size", [2, 200])
def test_a_warc_read_again_after_an_interrupted_run_counts_each_record_once(tmp_path, batch_size: int) -> None:
    warc, landing, db = _warc(tmp_path / "crawl.warc"), tmp_path / "landing", tmp_path / "news.duckdb"
    first_batch, _ = next(warc_batches([warc], landing, 10_000_000, 4))
    record_landed(landing, first_batch, str(db))  # the interrupted run landed 4 records, then died before loading

    summary = ingest(
        warcs=[str(warc)], settings=Settings(db_path=str(db), landing_dir=str(landing), batch_size=batch_size)
    )

    assert (summary.n_seen, summary.n_loaded, summary.n_unchanged, summary.n_rejected) == (6, 6, 0, 0), summary.lines()
    _assert_conserved(summary, db)
    assert query(db, "select status, count(*) from documents group by all") == [("loaded", 6)]
    assert query(db, "select count(*) from articles") == [(6,)]


def test_files_read_again_after_an_interrupted_run_count_once(tmp_path) -> None:
    landing, db = tmp_path / "landing", tmp_path / "news.duckdb"
    files, _ = discover_files([str(SEEDS)])
    landed, _ = land_files(files, landing, 10_000_000)
    record_landed(landing, landed, str(db))

    summary = ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(db), landing_dir=str(landing)))

    assert (summary.n_seen, summary.n_loaded, summary.n_unchanged) == (2, 2, 0), summary.lines()
    _assert_conserved(summary, db)


def test_a_file_edited_since_the_interrupted_run_is_a_second_input(tmp_path) -> None:
    folder, landing, db = tmp_path / "in", tmp_path / "landing", tmp_path / "news.duckdb"
    folder.mkdir()
    story = folder / "story.html"
    story.write_text(html_page("Council backs new school", paragraphs("school")))
    files, _ = discover_files([str(folder)])
    landed, _ = land_files(files, landing, 10_000_000)
    record_landed(landing, landed, str(db))
    story.write_text(html_page("Council backs new school after all", paragraphs("school") + ["A late change."]))

    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), landing_dir=str(landing)))

    # the recovered first version and the edited file: two inputs, two versions
    assert (summary.n_seen, summary.n_loaded, summary.n_unchanged) == (2, 2, 0), summary.lines()
    _assert_conserved(summary, db)
    assert query(db, "select version, title from article_versions order by version") == [
        (1, "Council backs new school"),
        (2, "Council backs new school after all"),
    ]
