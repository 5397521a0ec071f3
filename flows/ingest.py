"""The `ingest` flow: discover -> acquire (land, fetch) -> run the batches -> check -> publish.

Inputs are plain-text articles and HTML pages (either may be gzip-compressed) from files and
folders, and web pages: URLs, feed entries and sitemap pages (expanded, then fetched politely
and safely, conditionally on re-runs) and WARC records. Every body lands before it is parsed.
Where each step lives: discovery and acquisition in flows/acquire.py, the batch engine (extract
-> clean -> normalise -> annotate on the task runner, enrich and load in order) in
flows/engine.py, check, publish and the report in flows/finish.py. Run it with `newsetl ingest`.
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows.acquire import acquired, discover, expand, fetch_policy, recorded
from flows.engine import run_batches
from flows.fetching import Fetcher
from flows.finish import ProgressBar, check, log_wait, publish_snapshot, report
from flows.inputs import settle_landed
from flows.runners import runner_from_environment
from flows.settings import Settings
from flows.summary import RunSummary
from flows.web_sources import Expansion
from transforms.metadata.sources import source_registry
from warehouse import Warehouse
from warehouse.lock import writer_lock


@flow(name="ingest", task_runner=runner_from_environment())
def ingest(
    paths: list[str] | None = None,
    urls: list[str] | None = None,
    url_files: list[str] | None = None,
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    warcs: list[str] | None = None,
    manifests: list[str] | None = None,
    settings: Settings | None = None,
    show_progress: bool = False,
) -> RunSummary:
    """Ingest plain-text articles and HTML pages from files, folders, URLs, feeds, sitemaps and
    WARC archives into the warehouse. `settings`: every option (default: the environment's)."""
    started, settings = time.monotonic(), settings or Settings()
    summary, web = RunSummary(str(settings.db_path)), bool(urls or url_files or feeds or sitemaps)

    files, rejects = discover(paths or [], manifests or [])
    # one writer at a time: wait for the run holding the warehouse before fetching or landing anything
    with (
        writer_lock(settings.db_path, settings.lock_timeout, "ingest", log_wait(settings)),
        Fetcher(fetch_policy(settings)) if web else nullcontext() as fetcher,
    ):
        expansion = (
            expand(urls or [], url_files or [], feeds or [], sitemaps or [], fetcher, settings) if web else Expansion()
        )
        rejects += expansion.rejects
        summary.n_seen = len(rejects)  # each batch adds its inputs
        get_run_logger().info(
            "discovered %d files and %d URLs, %d rejected at discovery", len(files), len(expansion.urls), len(rejects)
        )

        with (
            Warehouse(settings.db_path, memory_limit=settings.writer_memory) as wh,
            ProgressBar(show_progress, "ingest", len(files) + len(expansion.urls)) as progress,
        ):
            wh.upsert_sources(source_registry())
            warc_paths = [Path(w).expanduser() for w in warcs or []]
            batches = acquired(settings, wh, files, expansion.urls, warc_paths, fetcher)
            batches = recorded(batches, settings.landing_dir, settings.db_path)  # landed before it is parsed
            run_batches(batches, wh, settings, summary, progress.advance, first_rejects=rejects)
            # every batch it landed is recorded: the next run's recover reads the manifest from here
            settle_landed(settings.landing_dir, str(settings.db_path), wh.last_load_id())
            wh.record_stage_counts(flow_run.id, summary.stage_frame())
            summary.checks, check_run_id = check(wh, summary.load_ids)
            if settings.publish:
                summary.published, summary.not_published = publish_snapshot(wh, settings, summary.checks, check_run_id)

    summary.seconds = time.monotonic() - started
    report(summary, "ingest")
    return summary
