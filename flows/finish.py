"""The steps after loading: check the warehouse, publish the BI snapshot, report the run."""

from __future__ import annotations

from collections.abc import Callable

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.progress import RunProgress
from flows.settings import Settings
from flows.summary import RunSummary
from transforms import reasons
from warehouse import CheckResult, Warehouse, WarehouseError, snapshot
from warehouse.lock import LockHolder, busy_message


@task(name="check", cache_policy=NO_CACHE)
def check(wh: Warehouse, load_ids: list[str]) -> tuple[list[CheckResult], str]:
    """The checks of sql/checks/ over the rows of this run's loads (each file's `scope`), kept in
    check_results for this run; returns them and their run id. A run that loaded nothing new skips
    the checks of rows and records them as skipped."""
    wh.checkpoint()
    results = wh.run_checks(reason_codes=reasons.ALL, load_ids=load_ids)
    return results, wh.record_checks(results, flow_run.id, load_ids)


@task(name="publish", cache_policy=NO_CACHE)
def publish_snapshot(
    wh: Warehouse, settings: Settings, checks: list[CheckResult], check_run_id: str
) -> tuple[str | None, str | None]:
    """A read-only copy for BI tools (and the Parquet export), only when no error-level check
    failed, and only when some data changed since the last one. Returns the snapshot, or why
    there is none: a failed publish (a full disk) is logged and leaves the previous snapshot,
    the loaded batches stay loaded."""
    target = snapshot.snapshot_path(settings.db_path, settings.published_dir)
    failed = [c.name for c in checks if c.severity == "error" and not c.passed]
    if failed:
        why = f"error-level checks failed ({', '.join(failed)})"
    elif (
        target.exists()
        and not snapshot.wal_path(target).exists()  # a stale WAL beside it: published again, without it
        and wh.snapshot_is_current(target, settings.export_parquet)
    ):
        get_run_logger().info("snapshot %s kept: no data changed since it was published", target)
        return f"{target} (kept: no data changed since it was published)", None
    else:
        try:
            publication = snapshot.publish(
                wh,
                settings.published_dir,
                export_parquet=settings.export_parquet,
                run_id=flow_run.id,
                check_run_id=check_run_id,
            )
            # incremental: the standby brought up to date with the new loads' rows; copy: the whole file, and why
            how = publication.method + (f" ({publication.method_note})" if publication.method_note else "")
            get_run_logger().info("published %s: %s", publication.path, how)
            return str(publication.path), None
        except WarehouseError as exc:
            why = str(exc)
    get_run_logger().error("not published: %s; the previous snapshot stays at %s", why, target)
    return None, why


def report(summary: RunSummary, flow_name: str) -> None:
    """The run summary in the run's log, and kept as artifacts: markdown (`<flow>-summary`) and the
    per stage and reason counts as a table (`<flow>-stage-counts`)."""
    create_markdown_artifact(
        summary.markdown(), key=f"{flow_name}-summary", description="Counts per outcome, stage and reason; checks"
    )
    create_table_artifact(
        summary.stage_rows(),
        key=f"{flow_name}-stage-counts",
        description="Inputs each stage passed on or rejected, per reason",
    )
    logger = get_run_logger()
    for line in summary.lines():
        logger.info(line)


def log_wait(settings: Settings) -> Callable[[LockHolder], None]:
    """What to log while another run holds the warehouse."""

    def log(holder: LockHolder) -> None:
        get_run_logger().warning(
            "%s; waiting up to %g s", busy_message(settings.db_path, holder), settings.lock_timeout
        )

    return log


ProgressBar = RunProgress  # a bar on a terminal, else periodic lines in the run's log (flows/progress.py)
