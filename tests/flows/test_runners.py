"""The task runner chosen by configuration: the same warehouse content on threads (the default) and
on a real Dask cluster of two worker processes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from flows.ingest import ingest
from flows.runners import batches_in_flight, task_runner
from flows.settings import RunnerChoice, Settings
from tests.conftest import EXTRACTION, SEEDS, query

SCRAPINGHUB_HTML = EXTRACTION / "scrapinghub" / "html"
N_PAGES = 20
SLOW_MACHINE = 300.0  # seconds a page may take: a busy test machine must not turn pages into extract_timeout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, 20 real news pages and one empty file (a reject)."""
    if not SCRAPINGHUB_HTML.is_dir():
        pytest.skip(f"no extraction pages at {SCRAPINGHUB_HTML}")
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for page in sorted(SCRAPINGHUB_HTML.glob("*.html"))[:N_PAGES]:
        shutil.copy(page, folder / page.name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _content(db: Path) -> dict[str, list[tuple]]:
    return {
        "articles": query(
            db, "select article_id, document_id, content_hash, title, n_words from articles order by article_id"
        ),
        "documents": query(db, "select document_id, uri, kind, status from documents order by document_id"),
        "rejects": query(db, "select reject_id, uri, stage, reason from rejects order by reject_id"),
        "blocks": query(db, "select count(*) from article_blocks"),
    }


def _dask_cluster():
    import dask
    from distributed import LocalCluster

    dask.config.set({"distributed.worker.daemon": False})  # as flows.runners does for its own local cluster
    return LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)


def test_a_dask_cluster_of_two_processes_loads_what_threads_load(corpus, tmp_path) -> None:
    options = {"batch_size": 6, "extract_timeout": SLOW_MACHINE, "workers": 1}
    threads = ingest(paths=[str(corpus)], settings=Settings(db_path=tmp_path / "threads" / "news.duckdb", **options))

    from distributed import Client, get_task_stream

    with _dask_cluster() as cluster, Client(cluster) as client, get_task_stream(client) as stream:
        settings = Settings(
            db_path=tmp_path / "dask" / "news.duckdb",
            task_runner="dask",
            dask_address=cluster.scheduler_address,
            runner_workers=2,
            **options,
        )
        on_dask = ingest.with_options(task_runner=task_runner(settings.runner))(paths=[str(corpus)], settings=settings)
    ran = stream.data

    assert len(ran) >= 3 * 4, ran  # extract, clean and normalise of each of the 4 batches ran on the cluster
    assert len({task["worker"] for task in ran}) == 2  # on both worker processes
    assert (on_dask.n_loaded, on_dask.n_rejected) == (threads.n_loaded, threads.n_rejected)
    assert threads.n_loaded >= N_PAGES // 2 and threads.rejected_by_reason["empty_file"] == 1
    expected, got = _content(tmp_path / "threads" / "news.duckdb"), _content(tmp_path / "dask" / "news.duckdb")
    assert got == expected


def test_runner_choice_builds_the_runner_it_names() -> None:
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    assert isinstance(task_runner(RunnerChoice()), ThreadPoolTaskRunner)
    assert isinstance(task_runner(RunnerChoice("processes", None, 3)), ProcessPoolTaskRunner)
    local = task_runner(RunnerChoice("dask", None, 2))
    assert isinstance(local, DaskTaskRunner) and local.cluster_kwargs["n_workers"] == 2 and local.address is None
    remote = task_runner(RunnerChoice("dask", "tcp://10.0.0.5:8786", 2))
    assert remote.address == "tcp://10.0.0.5:8786" and not remote.cluster_kwargs
    assert batches_in_flight(RunnerChoice()) == 3 and batches_in_flight(RunnerChoice("dask", None, 4)) == 5


def test_runner_choice_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("NEWSETL_DASK_ADDRESS", "tcp://127.0.0.1:8786")
    assert Settings(_env_file=None).runner == RunnerChoice("dask", "tcp://127.0.0.1:8786", Settings().runner_workers)
    monkeypatch.setenv("NEWSETL_TASK_RUNNER", "threads")
    with pytest.raises(ValidationError, match="needs the dask task runner"):
        Settings(_env_file=None)
    monkeypatch.delenv("NEWSETL_DASK_ADDRESS")
    monkeypatch.setenv("NEWSETL_TASK_RUNNER", "gpu")
    with pytest.raises(ValidationError, match="'threads', 'processes' or 'dask'"):
        Settings(_env_file=None)
    settings = Settings(_env_file=None, task_runner="processes", runner_workers=3)
    assert settings.runner == RunnerChoice("processes", None, 3)


def test_same_bytes_in_the_next_batch_wait_for_the_first_to_load(tmp_path) -> None:
    """Three batches are in flight on threads: a file whose bytes are still on their way in the
    previous batch must come out as it would one batch at a time (unchanged, or rejected again)."""
    folder = tmp_path / "in"
    folder.mkdir()
    seed = next(SEEDS.glob("*.txt")).read_bytes()
    for name in ("a.txt", "b.txt"):  # batch 0 and batch 1: the same article bytes under two names
        (folder / name).write_bytes(seed)
    for name in ("c.txt", "d.txt"):  # batch 2 and batch 3: the same empty bytes
        (folder / name).write_bytes(b"")
    db = tmp_path / "news.duckdb"

    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), batch_size=1))

    assert batches_in_flight(RunnerChoice()) == 3
    assert (summary.n_loaded, summary.n_unchanged, summary.n_rejected) == (1, 1, 2)
    assert [uri.rsplit("/", 1)[1] for (uri,) in query(db, "select uri from articles")] == ["a.txt"]
    rejected = query(db, "select uri, reason from rejects order by uri")
    assert [(uri.rsplit("/", 1)[1], reason) for uri, reason in rejected] == [
        ("c.txt", "empty_file"),
        ("d.txt", "empty_file"),
    ]


def test_one_or_two_page_workers_load_the_same(tmp_path) -> None:
    """clean, normalise and annotate run in the page workers (under the per-document limit,
    flows.page_workers.bounded) whatever their number: one worker or two, the same warehouse content."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        for copy in range(3):  # edited copies: new documents and articles, the same shape
            (folder / f"{copy}-{seed.name}").write_text(seed.read_text("utf-8") + f"\n\nCopy {copy}.\n", "utf-8")
    contents = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}" / "news.duckdb"
        summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), batch_size=2, workers=workers))
        assert summary.n_loaded == 6
        contents[workers] = _content(db) | _analysis(db)
    assert contents[2] == contents[1]


def _analysis(db: Path) -> dict[str, list[tuple]]:
    return {
        table: query(db, f"select * exclude (load_id) from {table} order by all")
        for table in ("quotes", "mentions", "article_signatures", "article_blocks")
    }
