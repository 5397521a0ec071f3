"""The `rebuild` flow: a warehouse made again from the landing store alone, with no network.

The landing manifest (`landing/manifest/<date>.jsonl`) lists every document landed for a
warehouse, in the order it was landed, with what the fetch or the sidecar said about it; the
landing store holds its bytes. Replaying those entries through the usual extract -> clean ->
normalise -> load path gives the same articles (ids and content hashes) and documents. Nothing
is fetched: no `Fetcher` is built. What never landed (inputs rejected at discovery or fetch,
fetch_state validators) is not in the rebuilt warehouse; the `loads` ledger is new.

The new warehouse is built beside the old one and swapped in with one rename (the old file is
kept as `<name>.bak`), under the writer lock; or written to `into`, leaving the old one alone.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows.ingest import Acquired, check, load_batches, progress_bar, report
from flows.inputs import LandedDocument, landed_entries, record_landed, recover_landed
from flows.runners import runner_from_environment
from flows.settings import RunnerChoice, Settings
from flows.summary import RunSummary
from transforms import reasons
from transforms.frames.ledger import Reject
from transforms.metadata.sources import source_registry
from warehouse import Warehouse
from warehouse.lock import writer_lock

BUILDING_SUFFIX = ".rebuilding"  # the new file while it is built, beside the old one
BACKUP_SUFFIX = ".bak"           # the old file once the new one is in place


def replayed(landing_dir: Path, entries: list[dict], batch_size: int) -> Iterator[Acquired]:
    """The manifest's documents in landing order, once per (document, URI), read back from the
    store and checked against their hash; a missing or damaged landing file is an `unreadable`
    reject. Repeats are left out: the first one loaded them, a repeat would be `unchanged`.
    Two versions of one URI never share a batch (a batch loads one version per article)."""
    seen: set[tuple[str, str]] = set()
    landed: list[LandedDocument] = []
    rejects: list[Reject] = []
    for entry in entries:
        key = (entry.get("document_id", ""), entry.get("uri", ""))
        if key in seen or not all(key):
            continue
        seen.add(key)
        if any(doc.uri == key[1] for doc in landed):  # an edited input: its next version goes in the next batch
            yield Acquired(landed, rejects, len(landed) + len(rejects))
            landed, rejects = [], []
        docs = recover_landed(landing_dir, [entry], known=set())
        landed += docs
        if not docs:
            rejects.append(Reject(key[1], "land", reasons.UNREADABLE,
                                  f"landing file {key[0]} is missing or no longer matches its hash"))
        if len(landed) + len(rejects) >= batch_size:
            yield Acquired(landed, rejects, len(landed) + len(rejects))
            landed, rejects = [], []
    if landed or rejects:
        yield Acquired(landed, rejects, len(landed) + len(rejects))


def _swap_in(built: Path, db: Path) -> Path | None:
    """Put the rebuilt file in place of the old one with one rename; the old file (and a WAL it may
    have left) is kept as .bak. Returns the backup's path."""
    backup = db.with_name(db.name + BACKUP_SUFFIX)
    wal, backup_wal = db.with_name(db.name + ".wal"), backup.with_name(backup.name + ".wal")
    backup.unlink(missing_ok=True)
    backup_wal.unlink(missing_ok=True)
    if wal.exists():  # never leave the old file's log beside the new file
        os.replace(wal, backup_wal)
    had_old = db.exists()
    if had_old:
        try:
            os.link(db, backup)
        except OSError:  # a file system without hard links
            shutil.copy2(db, backup)
    os.replace(built, db)
    return backup if had_old else None


@flow(name="rebuild", task_runner=runner_from_environment())
def rebuild(
    db_path: str | None = None,
    landing_dir: str | None = None,
    into: str | None = None,
    batch_size: int | None = None,
    max_bytes: int | None = None,
    extract_timeout: float | None = None,
    workers: int | None = None,
    lock_timeout: float | None = None,
    show_progress: bool = False,
    task_runner: str | None = None,
    dask_address: str | None = None,
    runner_workers: int | None = None,
) -> RunSummary:
    """Rebuild the warehouse `db_path` from its landing store, without the network: in place (the
    old file kept as .bak), or into a new file `into`."""
    logger = get_run_logger()
    started = time.monotonic()
    settings = Settings.resolve(db_path, landing_dir, batch_size, max_bytes, extract_timeout=extract_timeout,
                                workers=workers, lock_timeout=lock_timeout,
                                runner=RunnerChoice.resolve(task_runner, dask_address, runner_workers))
    target = Path(into).expanduser().absolute() if into else settings.db_path
    if target.exists() and into:
        raise FileExistsError(f"{target} exists: rebuild writes a new warehouse there, remove it first")
    built = target if into else target.with_name(target.name + BUILDING_SUFFIX)

    entries = landed_entries(settings.landing_dir, str(settings.db_path), days=None)
    logger.info("rebuilding %s from %d manifest entries in %s", target, len(entries), settings.landing_dir)
    summary = RunSummary(str(target))
    with writer_lock(target, settings.lock_timeout, "rebuild"):
        for leftover in (built, built.with_name(built.name + ".wal")) if not into else ():
            leftover.unlink(missing_ok=True)  # from a rebuild that was stopped
        with Warehouse(built) as wh, progress_bar(show_progress) as progress:
            bar = progress.add_task("rebuild", total=len({(e.get("document_id"), e.get("uri")) for e in entries})) \
                if progress else None
            wh.upsert_sources(source_registry())
            batches = replayed(settings.landing_dir, entries, settings.batch_size)
            if into:  # the new warehouse's own manifest lines, so that it can be rebuilt in turn
                batches = _recorded(batches, settings.landing_dir, target)
            load_batches(batches, [], wh, settings, summary,
                         lambda n: progress.update(bar, advance=n) if progress else None)
            wh.record_stage_counts(flow_run.id, summary.stage_frame())
            summary.checks, _ = check(wh, summary.load_ids)
            wh.checkpoint()
        backup = None if into else _swap_in(built, target)
    if backup:
        logger.info("the previous warehouse is kept as %s", backup)
    summary.seconds = time.monotonic() - started
    report(summary, "rebuild")
    return summary


def _recorded(batches: Iterator[Acquired], landing_dir: Path, warehouse: Path) -> Iterator[Acquired]:
    for acquired in batches:
        record_landed(landing_dir, acquired.landed, str(warehouse))
        yield acquired

