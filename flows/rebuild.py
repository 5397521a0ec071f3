"""The `rebuild` flow: a warehouse made again from the landing store alone, with no network.

The landing manifest (`landing/manifest/<date>.jsonl`) lists every document landed for a
warehouse, in the order it was landed, with what the fetch or the sidecar said about it; the
landing store holds its bytes. Replaying those entries (flows/acquire.py `replayed`) through the
batch engine gives the same articles (ids and content hashes) and documents. Nothing is fetched:
no `Fetcher` is built. What never landed (inputs rejected at discovery or fetch, fetch_state
validators) is not in the rebuilt warehouse; the `loads` ledger is new.

The new warehouse is built beside the old one and swapped in with one rename (the old file is
kept as `<name>.bak`), under the writer lock; or written to `into`, leaving the old one alone.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows.acquire import recorded, replayed
from flows.engine import run_batches
from flows.finish import ProgressBar, check, report
from flows.inputs import landed_entries
from flows.runners import runner_from_environment
from flows.settings import Settings
from flows.summary import RunSummary
from transforms.metadata.sources import source_registry
from warehouse import Warehouse
from warehouse.lock import writer_lock
from warehouse.swap import building_path, swap_in


@flow(name="rebuild", task_runner=runner_from_environment())
def rebuild(into: str | None = None, settings: Settings | None = None, show_progress: bool = False) -> RunSummary:
    """Rebuild the warehouse `settings.db_path` from its landing store, without the network: in
    place (the old file kept as .bak), or into a new file `into`."""
    started, settings = time.monotonic(), settings or Settings()
    target = Path(into).expanduser().absolute() if into else settings.db_path
    if target.exists() and into:
        raise FileExistsError(f"{target} exists: rebuild writes a new warehouse there, remove it first")
    built = target if into else building_path(target)

    entries = landed_entries(settings.landing_dir, str(settings.db_path), days=None)
    get_run_logger().info("rebuilding %s from %d manifest entries in %s", target, len(entries), settings.landing_dir)
    summary = RunSummary(str(target))
    with writer_lock(target, settings.lock_timeout, "rebuild"):
        for leftover in (built, built.with_name(built.name + ".wal")) if not into else ():
            leftover.unlink(missing_ok=True)  # from a rebuild that was stopped
        n_documents = len({(e.get("document_id"), e.get("uri")) for e in entries})
        with (
            Warehouse(built, memory_limit=settings.writer_memory) as wh,
            ProgressBar(show_progress, "rebuild", n_documents) as progress,
        ):
            wh.upsert_sources(source_registry())
            batches = replayed(settings.landing_dir, entries, settings.batch_size)
            if into:  # the new warehouse's own manifest lines, so that it can be rebuilt in turn
                batches = recorded(batches, settings.landing_dir, target)
            run_batches(batches, wh, settings, summary, progress.advance)
            wh.record_stage_counts(flow_run.id, summary.stage_frame())
            summary.checks, _ = check(wh, summary.load_ids)
            wh.checkpoint()
        backup = None if into else swap_in(built, target)
    if backup:
        get_run_logger().info("the previous warehouse is kept as %s", backup)
    summary.seconds = time.monotonic() - started
    report(summary, "rebuild")
    return summary
