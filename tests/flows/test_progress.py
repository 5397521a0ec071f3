"""A run's progress (issue 18, point 2): per document from the first one, with the stage and the rate; off a
terminal, a line in the log every few seconds, moving before the first batch is loaded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from flows import progress
from flows.progress import RunProgress
from tests.conftest import EXTRACTION

NEWSETL = str(Path(sys.executable).parent / "newsetl")
LINE = re.compile(r"^ingest progress (\d+)/(\d+) documents, stage (\S+), ([\d.]+) docs/s, (\d+) loaded$")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_documents_count_one_by_one_with_the_stage_and_the_rate() -> None:
    clock, lines = Clock(), []
    with RunProgress(False, "ingest", 150, every=0, log=lines.append, clock=clock) as run:
        assert progress.current() is run
        clock.now += 2.0
        run.documents(1, "clean")
        run.documents(1, "clean")
        run.documents(2, "skip-known")
        clock.now += 2.0
        run.log_line()
        run.advance(4)
        run.log_line()
    assert lines == [
        "ingest progress 4/150 documents, stage skip-known, 1.0 docs/s, 0 loaded",
        "ingest progress 4/150 documents, stage load, 1.0 docs/s, 4 loaded",
    ]
    assert not isinstance(progress.current(), RunProgress)  # gone once the run ends


def test_the_total_grows_when_more_documents_come_than_were_known() -> None:
    lines: list[str] = []
    with RunProgress(False, "ingest", 2, every=0, log=lines.append) as run:  # WARC records are not known ahead
        run.documents(3, "clean")
        run.log_line()
    assert lines[0].startswith("ingest progress 3/3 documents")


def test_counts_from_many_threads_add_up() -> None:
    with RunProgress(False, "ingest", 8000, every=0, log=lambda _: None) as run:
        threads = [threading.Thread(target=lambda: [run.documents(1, "clean") for _ in range(1000)]) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert run.done == 8000


def test_off_a_terminal_a_line_is_logged_every_few_seconds() -> None:
    logged = threading.Event()
    lines: list[str] = []

    def log(line: str) -> None:
        lines.append(line)
        logged.set()

    with RunProgress(False, "ingest", 10, every=0.05, log=log) as run:
        run.documents(3, "clean")
        assert logged.wait(10)
    assert LINE.match(lines[0]) and LINE.match(lines[0])[1] == "3"  # type: ignore[index]


def test_no_progress_where_no_run_shows_one() -> None:
    progress.current().documents(5, "clean")  # a worker process of the processes runner: counts go nowhere
    assert not isinstance(progress.current(), RunProgress)


def test_a_bar_on_a_terminal_counts_the_same_documents() -> None:
    with RunProgress(True, "ingest", 5) as run:
        run.documents(2, "clean")
        run.advance(2)
        task = run.progress.tasks[0]  # type: ignore[union-attr]
        assert (task.completed, task.total, task.fields["stage"], task.fields["loaded"]) == (2, 5, "load", 2)


PAGES = sorted((EXTRACTION / "scrapinghub" / "html").glob("*.html"))[:120]


@pytest.mark.skipif(len(PAGES) < 120, reason="../shared/data/extraction pages not found")
def test_off_a_terminal_ingest_logs_progress_that_moves_before_the_first_batch_is_loaded(tmp_path: Path) -> None:
    from prefect.settings import get_current_settings

    corpus = tmp_path / "pages"
    corpus.mkdir()
    for page in PAGES:
        shutil.copy(page, corpus / page.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env |= {"PREFECT_API_URL": str(get_current_settings().api.url), "NEWSETL_PROGRESS_SECONDS": "0.05"}
    done = subprocess.run(
        [NEWSETL, "ingest", str(corpus), "--db", str(tmp_path / "news.duckdb"), "--no-publish"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )  # one batch of 120 (the default batch size is 200): loaded at the end
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [m for m in map(LINE.match, done.stderr.splitlines()) if m]
    before_load = [(int(m[1]), m[3], float(m[4])) for m in lines if m[5] == "0"]
    counts = [n for n, _, _ in before_load]
    assert any(0 < n < 120 for n in counts), done.stderr[-3000:]  # documents counted one by one, not per batch
    assert len({n for n in counts if n > 0}) >= 2  # and the count moved while nothing was loaded yet
    assert any(stage == "clean" and rate > 0 for n, stage, rate in before_load if n > 0)
    assert re.search(r"^loaded\s+120$", done.stdout, re.M), done.stdout
