"""The task runner for the batch stages, chosen by configuration (`RunnerChoice`).

extract, clean and normalise are submitted per batch, so batches parse side by side while the
flow lands the next batch and loads the previous one; the DuckDB load stays in the flow process
(one writer). `threads` (the default) runs them in the flow process, `processes` in a local
process pool, `dask` on a `distributed` cluster: a local one with `workers` worker processes,
or a running scheduler at `dask_address` (tcp://host:port).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.settings import RunnerChoice, Settings

# threads: batches k+1 and k+2 parse while batch k loads, so two page workers stay busy while the
# flow loads (pages, and the stages of text batches, run in the page workers' processes)
THREADS_IN_FLIGHT = 3
TASKS_PER_BATCH = 4  # extract, clean, normalise, annotate: each waits in a thread for the one before


def ignore_interrupts() -> None:
    """A processes-runner worker ignores Ctrl-C, which reaches the terminal's whole process group: the
    command handles it and ends its workers (flows/interrupts.py), without a traceback from each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def task_runner(choice: RunnerChoice) -> TaskRunner[Any]:
    """A fresh task runner for one flow run."""
    if choice.kind == "processes":
        return ProcessPoolTaskRunner(max_workers=choice.workers, initializer=ignore_interrupts)
    if choice.kind == "dask":
        import dask
        from prefect_dask import DaskTaskRunner

        if choice.dask_address:
            return DaskTaskRunner(address=choice.dask_address)
        # clean parses pages in its own worker processes (flows/page_workers.py): a Dask worker
        # may only start processes when it is not daemonic
        dask.config.set({"distributed.worker.daemon": False})
        return DaskTaskRunner(cluster_kwargs={"n_workers": choice.workers, "processes": True, "threads_per_worker": 1})
    return ThreadPoolTaskRunner(max_workers=THREADS_IN_FLIGHT * TASKS_PER_BATCH)


def batches_in_flight(choice: RunnerChoice) -> int:
    """How many batches may be parsing at once: one per worker and one more queued, so no worker
    waits while the flow loads; for threads, the next two batches while this one loads."""
    return THREADS_IN_FLIGHT if choice.kind == "threads" else choice.workers + 1


def runner_from_environment() -> TaskRunner[Any]:
    """The runner `NEWSETL_TASK_RUNNER` / `NEWSETL_DASK_ADDRESS` ask for: the flow's default, so a
    served deployment picks it up too. A bad setting gives the default here (this runs when the
    flow module is imported); the flow fails on it, in one line, when it builds its Settings."""
    from pydantic import ValidationError

    try:
        return task_runner(Settings().runner)
    except ValidationError:
        return task_runner(RunnerChoice())


@contextmanager
def api_for_workers(choice: RunnerChoice) -> Iterator[None]:
    """Worker processes report their task runs to the flow's Prefect API. With no PREFECT_API_URL
    (Prefect's temporary local API) each worker would start a temporary server of its own: start
    the one temporary server here and point the flow and its workers at it."""
    if choice.kind == "threads" or get_current_settings().api.url:
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()  # stopped when the process exits
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield
