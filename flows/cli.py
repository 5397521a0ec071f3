"""The `newsetl` command line. Prefect is imported only once options are read, so that the
logging level chosen here applies to it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from logging import ERROR, LogRecord
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from flows.server import Launch
    from flows.settings import Settings
    from flows.summary import RunSummary

app = typer.Typer(
    name="newsetl",
    help="News ETL: ingest raw articles into a modelled DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file. Default: $NEWSETL_DB or warehouse/news.duckdb in the project."),
]
LockTimeoutOption = Annotated[
    float | None,
    typer.Option(
        min=0,
        help="Seconds to wait while another run writes the warehouse, then exit 3 "
        "(default 600, $NEWSETL_LOCK_TIMEOUT).",
    ),
]
WriterMemoryOption = Annotated[
    str | None,
    typer.Option(
        help="DuckDB's memory in the writing process, e.g. 512MB or 1GB (default 256MB, $NEWSETL_WRITER_MEMORY).",
    ),
]
ExportParquetOption = Annotated[
    bool | None,
    typer.Option(
        "--export-parquet/--no-export-parquet",
        help="Also export every table to Parquet under published/parquet/ (default off, $NEWSETL_EXPORT_PARQUET).",
    ),
]
LandingDirOption = Annotated[Path | None, typer.Option(help="Landing store. Default: landing/ beside the warehouse.")]
BatchSizeOption = Annotated[
    int | None, typer.Option(min=1, help="Documents per batch (default 200, $NEWSETL_BATCH_SIZE).")
]
ExtractTimeoutOption = Annotated[
    float | None,
    typer.Option(min=0.1, help="Seconds one HTML page may take to parse, else extract_timeout (default 30)."),
]
ProgressOption = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Progress: a bar on a terminal; elsewhere a line every 10 s on stderr ($NEWSETL_PROGRESS_SECONDS). "
        "--no-progress: neither.",
    ),
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's run logs.")]
WorkersOption = Annotated[
    int | None,
    typer.Option(min=1, help="Processes parsing HTML pages (default: cores, at most 4; $NEWSETL_WORKERS)."),
]
ON_A_TERMINAL = sys.stderr.isatty()  # the progress bar's default
EXIT_BUSY = 3  # another run held the warehouse for longer than --lock-timeout


def _show_progress(progress: bool | None, verbose: bool) -> bool:
    """Whether the run shows a progress bar; off a terminal (and not --no-progress) the run's periodic
    progress lines are also written to stderr (with -v they come with Prefect's log anyway)."""
    if progress is None and not ON_A_TERMINAL and not verbose:
        from flows.progress import echo_to

        echo_to(sys.stderr)
    return ON_A_TERMINAL if progress is None else progress


@contextmanager
def _stops_cleanly() -> Iterator[None]:
    """Ctrl-C (SIGINT) or SIGTERM: the run stops (flows/interrupts.py: the batch being loaded is
    loaded, fetching and parsing stop, the page workers end), one line says what was loaded, and the
    command exits 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM."""
    import signal

    from flows import interrupts

    with interrupts.handled() as tally:
        try:
            yield
        except KeyboardInterrupt as exc:  # interrupts.Interrupted, or Python's own before the handler was set
            signum = getattr(exc, "signum", signal.SIGINT)
        except BaseException as exc:
            # Prefect's SIGTERM outside the batches, or what a stop became on its way out (DuckDB turns a
            # signal during a query into "Query interrupted")
            if type(exc).__name__ != "TerminationSignal" and not interrupts.requested():
                raise
            signum = interrupts.signal_number() or getattr(exc, "signal", signal.SIGTERM)
        else:
            return
    interrupts.say(tally.line(signum))
    raise typer.Exit(128 + signum)


@contextmanager
def _warehouse_exits() -> Iterator[None]:
    """A warehouse kept busy by another run ends the command with exit 3 and its message, a
    warehouse that cannot be opened or written with exit 2."""
    from warehouse import WarehouseError
    from warehouse.lock import WarehouseBusy

    try:
        yield
    except WarehouseBusy as exc:  # nothing was read, landed or written
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(EXIT_BUSY) from exc
    except WarehouseError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc


def _require_warehouse(path: Path) -> None:
    """Commands that read or check a warehouse must not create an empty one by a typo."""
    if not path.exists():
        typer.secho(f"error: no warehouse at {path} (newsetl ingest creates it)", fg="red", err=True)
        raise typer.Exit(2)


def _quiet_prefect(verbose: bool) -> None:
    """Prefect's logs at WARNING (INFO with -v). Without -v, the errors Prefect's engine logs with
    a traceback when a run fails are left out: the command says what failed in one line."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    if not verbose:
        import logging

        import prefect  # configures its loggers first

        hide = _EngineFailures(str(Path(prefect.__file__).parent))
        for name in ("prefect.flow_runs", "prefect.task_runs", "prefect.flow_engine", "prefect.task_engine"):
            logging.getLogger(name).addFilter(hide)


class _EngineFailures:
    """A logging filter: drops the errors Prefect's engine (code under `package`) logs about a
    failed run; records of newsetl's own code pass."""

    def __init__(self, package: str) -> None:
        self.package = package

    def filter(self, record: LogRecord) -> bool:
        return not (record.levelno >= ERROR and record.pathname.startswith(self.package))


def _usage_errors(paths: list[str], files: list[Path], db: Path) -> str | None:
    """What makes a command line unusable, before any work: a path named on it that does not exist
    (or is not valid UTF-8), a file option (manifest, URL list, WARC) that cannot be read, a
    warehouse path that cannot be a file. None when all is well."""
    for name in [*paths, *map(str, files)]:
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            return f"not a valid UTF-8 path: {name.encode('utf-8', 'surrogateescape')!r}"
    for name in paths:
        if not Path(name).expanduser().exists():
            return f"no such file or folder: {name}"
    for path in files:
        if not path.expanduser().is_file() or not os.access(path.expanduser(), os.R_OK):
            return f"cannot read {path}: {'no such file' if not path.expanduser().exists() else 'not a readable file'}"
    if db.is_dir():
        return f"--db {db} is a folder, not a warehouse file"
    blocking = next((p for p in db.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        return f"--db {db} cannot be a file: {blocking} is a file, not a folder"
    return None


def _exit_on_usage_error(message: str | None) -> None:
    if message:
        typer.secho(f"error: {message}", fg="red", err=True)
        raise typer.Exit(2)


WEB_PREFIXES = ("http://", "https://")
TaskRunnerOption = Annotated[
    str | None,
    typer.Option(
        help="What runs extract, clean and normalise per batch: threads, processes or dask "
        "(default threads, $NEWSETL_TASK_RUNNER)."
    ),
]
DaskAddressOption = Annotated[
    str | None,
    typer.Option(
        help="A running Dask scheduler, tcp://host:port (implies --task-runner dask; $NEWSETL_DASK_ADDRESS). "
        "Without it, dask starts a local cluster."
    ),
]
RunnerWorkersOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Worker processes of the processes runner or the local Dask cluster "
        "(default: cores, at most 4; $NEWSETL_RUNNER_WORKERS).",
    ),
]


def _settings(**options: Any) -> Settings:
    """The run's settings: the options given (None: not given) over the environment, .env and the
    defaults; a bad value ends the command with exit 2 and one line naming it."""
    from pydantic import ValidationError

    from flows.settings import Settings, settings_error

    try:
        return Settings(**{name: value for name, value in options.items() if value is not None})
    except ValidationError as exc:
        typer.secho(f"error: {settings_error(exc)}", fg="red", err=True)
        raise typer.Exit(2) from exc


PrefectServerOption = Annotated[
    str | None,
    typer.Option(
        help="Without PREFECT_API_URL: background (a local Prefect server started once and reused; "
        "`newsetl server stop`) or temporary (Prefect's temporary API per command). Default background, "
        "$NEWSETL_PREFECT_SERVER."
    ),
]


def _launch_api(settings: Settings) -> Launch | None:
    """Start the background server before this command's imports, when it will be used (no API of
    the user's, not opted out): on two cores its start-up and the imports overlap. `_prefect_api`
    waits for it."""
    if settings.prefect_server == "temporary":
        return None
    from flows.server import ServerError, launch, user_api_url

    if user_api_url():
        return None
    try:
        return launch()
    except (ServerError, OSError):  # _prefect_api tries again and says why
        return None


@contextmanager
def _prefect_api(settings: Settings, launched: Launch | None = None) -> Iterator[None]:
    """The Prefect API a command's flow reports to: the user's (PREFECT_API_URL or their profile)
    always; else the background server of flows/server.py, started on first use (or `launched`
    early by `_launch_api`); else, opted out or when it cannot start (a warning says why),
    Prefect's temporary API."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    from flows.server import ServerError, abandon, ensure_running, ready

    if (user_api := get_current_settings().api.url) or settings.prefect_server == "temporary":
        if launched is not None:
            abandon(launched)
    if user_api:
        from flows.server import reachable

        if not reachable(user_api):  # else Prefect's client retries for a minute and more, then a traceback
            typer.secho(
                f"error: no Prefect API answers at {user_api} (PREFECT_API_URL): start that server, "
                "or unset PREFECT_API_URL to use newsetl's background server",
                fg="red",
                err=True,
            )
            raise typer.Exit(2)
        yield
        return
    if settings.prefect_server == "temporary":
        yield
        return
    try:
        state = ready(launched) if launched is not None else ensure_running()
    except (ServerError, OSError) as exc:
        typer.secho(f"warning: {exc}; this run uses Prefect's temporary API", fg="yellow", err=True)
        yield
        return
    os.environ["PREFECT_API_URL"] = state.api_url  # for the processes this command starts
    with temporary_settings({PREFECT_API_URL: state.api_url}):
        yield


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders (walked recursively) to ingest, and page URLs (http/https)."),
    ] = None,
    urls: Annotated[
        list[Path] | None, typer.Option("--urls", help="A file of page URLs, one per line (# comments). Repeatable.")
    ] = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS or Atom feed URL: its entries are fetched. Repeatable.")
    ] = None,
    sitemap: Annotated[
        list[str] | None,
        typer.Option(
            "--sitemap", help="A sitemap or sitemap-index URL (.xml or .xml.gz): its pages are fetched. Repeatable."
        ),
    ] = None,
    warc: Annotated[
        list[Path] | None,
        typer.Option("--warc", help="A WARC file (.warc or .warc.gz): its HTML responses are ingested. Repeatable."),
    ] = None,
    manifest: Annotated[
        list[Path] | None,
        typer.Option(
            "--manifest",
            envvar="NEWSETL_MANIFEST",
            help="A CSV of files and their metadata (path, url, source, published_at, modified_at, language, "
            "authors): the files are ingested with it. Repeatable.",
        ),
    ] = None,
    host_delay: Annotated[
        float | None, typer.Option(min=0, help="Seconds between requests to one host (default 1, $NEWSETL_HOST_DELAY).")
    ] = None,
    max_fetch_bytes: Annotated[
        int | None, typer.Option(min=1, help="Cap on one fetched page or WARC record, decoded (default 20 MB).")
    ] = None,
    allow_private_hosts: Annotated[
        bool,
        typer.Option(
            "--allow-private-hosts", help="Allow fetching from loopback and private addresses (off by default)."
        ),
    ] = False,
    fetch_timeout: Annotated[
        float | None, typer.Option(min=0.1, help="Seconds for one whole response (default 60, $NEWSETL_FETCH_TIMEOUT).")
    ] = None,
    extract_timeout: ExtractTimeoutOption = None,
    workers: WorkersOption = None,
    task_runner: TaskRunnerOption = None,
    dask_address: DaskAddressOption = None,
    runner_workers: RunnerWorkersOption = None,
    allow_network: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-network", help="A private network fetching may reach anyway, e.g. 127.0.0.1/32. Repeatable."
        ),
    ] = None,
    user_agent: Annotated[str | None, typer.Option(help="User-Agent for fetching (default: newsetl's own).")] = None,
    db: DbOption = None,
    landing_dir: LandingDirOption = None,
    batch_size: BatchSizeOption = None,
    max_bytes: Annotated[
        int | None, typer.Option(min=1, help="Larger inputs are rejected as too_large (default 50 MB).")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with status 1 if any input was rejected.")] = False,
    lock_timeout: LockTimeoutOption = None,
    writer_memory: WriterMemoryOption = None,
    publish: Annotated[
        bool | None,
        typer.Option(
            "--publish/--no-publish",
            help="Publish the read-only snapshot for BI when the checks pass (default on, $NEWSETL_PUBLISH).",
        ),
    ] = None,
    export_parquet: ExportParquetOption = None,
    progress: ProgressOption = None,
    prefect_server: PrefectServerOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Ingest files, folders, URLs, feeds, sitemaps and WARC files: discover, land (fetch), extract,
    clean, normalise, load, check."""
    items = list(paths or [])
    page_urls = [p for p in items if p.lower().startswith(WEB_PREFIXES)]
    files = [p for p in items if not p.lower().startswith(WEB_PREFIXES)]
    if not (items or urls or feed or sitemap or warc or manifest):
        raise typer.BadParameter("give files, folders or URLs, or --urls, --feed, --sitemap, --warc or --manifest")
    settings = _settings(
        db_path=db,
        landing_dir=landing_dir,
        batch_size=batch_size,
        max_bytes=max_bytes,
        lock_timeout=lock_timeout,
        writer_memory=writer_memory,
        publish=publish,
        export_parquet=export_parquet,
        workers=workers,
        extract_timeout=extract_timeout,
        task_runner=task_runner,
        dask_address=dask_address,
        runner_workers=runner_workers,
        prefect_server=prefect_server,
        host_delay=host_delay,
        max_fetch_bytes=max_fetch_bytes,
        fetch_timeout=fetch_timeout,
        allow_private_hosts=allow_private_hosts or None,
        allowed_networks=allow_network or None,
        user_agent=user_agent,
    )
    _exit_on_usage_error(_usage_errors(files, [*(urls or []), *(warc or []), *(manifest or [])], settings.db_path))
    with _stops_cleanly():
        summary = _run_ingest(settings, files, page_urls, urls, feed, sitemap, warc, manifest, progress, verbose)
    typer.echo("\n".join(summary.lines()))
    if summary.failed_checks:
        typer.secho("error-level checks failed: nothing published, the previous snapshot stays", fg="red", err=True)
        raise typer.Exit(1)
    if strict and summary.n_rejected:
        typer.secho(f"--strict: {summary.n_rejected} inputs rejected", fg="red", err=True)
        raise typer.Exit(1)


def _run_ingest(
    settings: Settings,
    files: list[str],
    page_urls: list[str],
    urls: list[Path] | None,
    feed: list[str] | None,
    sitemap: list[str] | None,
    warc: list[Path] | None,
    manifest: list[Path] | None,
    progress: bool | None,
    verbose: bool,
) -> RunSummary:
    launched = _launch_api(settings)
    _quiet_prefect(verbose)
    show_progress = _show_progress(progress, verbose)
    from flows.ingest import ingest as ingest_flow
    from flows.runners import api_for_workers
    from flows.runners import task_runner as runner_for

    try:
        with _warehouse_exits(), _prefect_api(settings, launched), api_for_workers(settings.runner):
            summary = ingest_flow.with_options(task_runner=runner_for(settings.runner))(
                paths=files,
                urls=page_urls,
                url_files=[str(u) for u in urls or []],
                feeds=list(feed or []),
                sitemaps=list(sitemap or []),
                warcs=[str(w) for w in warc or []],
                manifests=[str(m) for m in manifest or []],
                settings=settings,
                show_progress=show_progress,
            )
    except OSError as exc:  # a full disk, a landing store that cannot be written: loaded batches stay loaded
        typer.secho(
            f"error: {exc.strerror or exc} ({exc.filename or 'landing store or warehouse'}); "
            "batches loaded before this stay loaded, a later run picks up the rest",
            fg="red",
            err=True,
        )
        raise typer.Exit(2) from exc
    return summary


@app.command()
def check(db: DbOption = None, lock_timeout: LockTimeoutOption = None) -> None:
    """Run the data-quality checks of sql/checks/ on the warehouse and keep their results
    (check_results); exit 1 if an error-level check fails."""
    from transforms import reasons
    from warehouse import Warehouse
    from warehouse.lock import writer_lock

    settings = _settings(db_path=db, lock_timeout=lock_timeout)
    _require_warehouse(settings.db_path)
    with (
        _warehouse_exits(),
        writer_lock(settings.db_path, settings.lock_timeout, "check"),
        Warehouse(settings.db_path, memory_limit=settings.writer_memory) as wh,
    ):
        results = wh.run_checks(reason_codes=reasons.ALL)
        wh.record_checks(results, None, [])
    typer.echo(f"{'severity':<9}{'check':<45}{'failing':>8}  first failing row")
    for result in results:
        first = str(result.sample[0])[:80] if result.sample else ""
        typer.echo(f"{result.severity:<9}{result.name:<45}{result.n_failing:>8}  {first}")
    failed = [r.name for r in results if not r.passed and r.severity == "error"]
    if failed:
        typer.secho(f"{len(failed)} error-level checks failed", fg="red", err=True)
        raise typer.Exit(1)


@app.command()
def publish(
    db: DbOption = None,
    lock_timeout: LockTimeoutOption = None,
    export_parquet: ExportParquetOption = None,
    published_dir: Annotated[
        Path | None,
        typer.Option(
            help="Where the snapshot goes (default: published/ beside the warehouse, $NEWSETL_PUBLISHED_DIR)."
        ),
    ] = None,
) -> None:
    """Run the checks, then publish the read-only snapshot for BI (and Parquet) if no error-level
    check fails; exit 1 (and keep the previous snapshot) if one does."""
    from transforms import reasons
    from warehouse import Warehouse
    from warehouse.lock import writer_lock
    from warehouse.snapshot import publish as publish_snapshot

    settings = _settings(
        db_path=db, lock_timeout=lock_timeout, published_dir=published_dir, export_parquet=export_parquet
    )
    _require_warehouse(settings.db_path)
    with (
        _warehouse_exits(),
        writer_lock(settings.db_path, settings.lock_timeout, "publish"),
        Warehouse(settings.db_path, memory_limit=settings.writer_memory) as wh,
    ):
        wh.checkpoint()
        results = wh.run_checks(reason_codes=reasons.ALL)
        check_run_id = wh.record_checks(results, None, [])
        failed = [r.name for r in results if not r.passed and r.severity == "error"]
        if failed:
            typer.secho(
                f"not published: error-level checks failed ({', '.join(failed)}); the previous snapshot stays",
                fg="red",
                err=True,
            )
            raise typer.Exit(1)
        published = publish_snapshot(
            wh, settings.published_dir, export_parquet=settings.export_parquet, check_run_id=check_run_id
        )
    typer.echo(f"published {published.path} ({published.n_articles} articles, storage {published.storage_version})")
    if published.parquet_path:
        typer.echo(f"parquet   {published.parquet_path}")


@app.command()
def analysis(
    name: Annotated[
        str | None, typer.Argument(help="A query of sql/analysis/ (file name without .sql); none: list them.")
    ] = None,
    var: Annotated[
        list[str] | None,
        typer.Option("--var", help="NAME=VALUE, a variable the query reads with getvariable('NAME'). Repeatable."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Rows to print.")] = 50,
    snapshot: Annotated[
        bool,
        typer.Option(
            "--snapshot",
            help="Read the published snapshot (never blocked by a running ingest) instead of the live file.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Run one of the example analysis questions on the warehouse (read-only) and print its rows;
    without a name, list the questions."""
    import polars as pl

    from warehouse import Warehouse, WarehouseError
    from warehouse.snapshot import snapshot_path
    from warehouse.store import analysis_queries

    if name is None:
        for query, question in analysis_queries().items():
            typer.echo(f"{query:<40} {question}")
        return
    pairs = [v.partition("=") for v in var or []]
    if any(not sep for _, sep, _ in pairs):
        raise typer.BadParameter("--var takes NAME=VALUE")
    settings = _settings(db_path=db)
    path = snapshot_path(settings.db_path, settings.published_dir) if snapshot else settings.db_path
    if not path.exists():
        typer.secho(f"error: no {'published snapshot' if snapshot else 'warehouse'} at {path}", fg="red", err=True)
        raise typer.Exit(2)
    try:
        with Warehouse(path, read_only=True) as wh:
            rows = wh.run_analysis(name, {k: v for k, _, v in pairs})
    except WarehouseError as exc:
        hint = "" if snapshot else " (while a run writes the warehouse, --snapshot reads the published copy)"
        typer.secho(f"error: {exc}{hint}", fg="red", err=True)
        raise typer.Exit(2) from exc
    with pl.Config(tbl_rows=limit, tbl_cols=-1, fmt_str_lengths=60, tbl_width_chars=200):
        typer.echo(rows.head(limit))


@app.command()
def rebuild(
    db: DbOption = None,
    landing_dir: LandingDirOption = None,
    into: Annotated[
        Path | None,
        typer.Option(
            help="Write the rebuilt warehouse to this new file and leave --db alone (default: replace --db, "
            "keeping the old file as <name>.bak)."
        ),
    ] = None,
    batch_size: BatchSizeOption = None,
    extract_timeout: ExtractTimeoutOption = None,
    workers: WorkersOption = None,
    task_runner: TaskRunnerOption = None,
    dask_address: DaskAddressOption = None,
    runner_workers: RunnerWorkersOption = None,
    lock_timeout: LockTimeoutOption = None,
    writer_memory: WriterMemoryOption = None,
    progress: ProgressOption = None,
    prefect_server: PrefectServerOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Recreate the warehouse from its landing store alone, without the network: every landed
    document goes through extract, clean, normalise and load again."""
    settings = _settings(
        db_path=db,
        landing_dir=landing_dir,
        batch_size=batch_size,
        extract_timeout=extract_timeout,
        workers=workers,
        lock_timeout=lock_timeout,
        writer_memory=writer_memory,
        task_runner=task_runner,
        dask_address=dask_address,
        runner_workers=runner_workers,
        prefect_server=prefect_server,
    )
    _exit_on_usage_error(_usage_errors([], [], into.absolute() if into else settings.db_path))
    with _stops_cleanly():
        _quiet_prefect(verbose)
        show_progress = _show_progress(progress, verbose)
        from flows.rebuild import rebuild as rebuild_flow
        from flows.runners import api_for_workers
        from flows.runners import task_runner as runner_for

        try:
            with _warehouse_exits(), _prefect_api(settings), api_for_workers(settings.runner):
                summary = rebuild_flow.with_options(task_runner=runner_for(settings.runner))(
                    into=str(into) if into else None, settings=settings, show_progress=show_progress
                )
        except FileExistsError as exc:  # --into names a file that is there already
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
    typer.echo("\n".join(summary.lines()))
    if summary.failed_checks:
        typer.secho("error-level checks failed", fg="red", err=True)
        raise typer.Exit(1)


@app.command("settings")
def show_settings(
    env_example: Annotated[
        bool,
        typer.Option(
            "--env-example", help="Print the text of .env.example (every setting, its description and default)."
        ),
    ] = False,
) -> None:
    """Print the settings a run would use here (environment, .env and defaults), one per line."""
    from flows.settings import env_example as example_text
    from flows.settings import env_names

    if env_example:
        typer.echo(example_text(), nl=False)
        return
    settings = _settings()
    for name, variable in env_names().items():
        typer.echo(f"{variable:<29}{getattr(settings, name)}")


@app.command()
def serve(
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            exists=True,
            dir_okay=False,
            help="The deployments and their schedules (default: the project's prefect.yaml).",
        ),
    ] = None,
    only: Annotated[list[str] | None, typer.Option("--only", help="Serve just this deployment. Repeatable.")] = None,
    prefect_server: PrefectServerOption = None,
) -> None:
    """Serve the deployments of prefect.yaml (hourly feeds, nightly folder) on their cron schedules
    from this one process, until interrupted. The runs and schedules go to PREFECT_API_URL, else to
    the background Prefect server (`newsetl server status`)."""
    from flows.deployments import PREFECT_YAML
    from flows.deployments import serve as serve_deployments

    settings = _settings(prefect_server=prefect_server)
    if settings.prefect_server == "temporary" and not os.environ.get("PREFECT_API_URL"):
        typer.secho(
            "--prefect-server temporary: the schedules live in a temporary local API that ends with this process",
            fg="yellow",
            err=True,
        )
    try:
        with _prefect_api(settings):
            serve_deployments(file or PREFECT_YAML, list(only or []))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


server_app = typer.Typer(help="The background Prefect server the commands report to (without PREFECT_API_URL).")
app.add_typer(server_app, name="server")


@server_app.command("status")
def server_status() -> None:
    """Say whether the background Prefect server runs, where, and its UI address; exit 1 if not."""
    from flows.server import prefect_home, recorded, running

    state = running()
    if state is None:
        stale = recorded()
        typer.echo(f"not running (Prefect home {prefect_home()}){'; a stale state file is left' if stale else ''}")
        raise typer.Exit(1)
    typer.echo(f"running: pid {state.pid}, API {state.api_url}, UI {state.ui_url} (Prefect home {prefect_home()})")


@server_app.command("start")
def server_start() -> None:
    """Start the background Prefect server now (commands start it on first use anyway)."""
    from flows.server import ServerError, ensure_running

    try:
        state = ensure_running()
    except ServerError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"running: pid {state.pid}, API {state.api_url}, UI {state.ui_url}")


@server_app.command("prepare")
def server_prepare() -> None:
    """Create or migrate the background server's database now (`make setup` runs it), so that the
    first command does not spend about 7 s on it."""
    from flows.server import ServerError, prefect_home, prepare

    try:
        prepare()
    except (ServerError, OSError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"prepared: the Prefect database of {prefect_home()}")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the background Prefect server (its runs stay in the Prefect home's database)."""
    from flows.server import stop

    state = stop()
    typer.echo(f"stopped pid {state.pid} ({state.api_url})" if state else "not running")


def load_dotenv_file(path: Path = Path(".env")) -> bool:
    """NEWSETL_* (and PREFECT_*) settings from a .env file in the working folder, when there is
    one; variables already set in the environment win. Returns whether a file was read."""
    if not path.is_file():
        return False
    from dotenv import load_dotenv

    load_dotenv(path, override=False)
    return True


def main() -> None:
    load_dotenv_file()
    try:
        app()
    except SystemExit as exc:
        interrupts = sys.modules.get("flows.interrupts")
        if interrupts is not None and interrupts.requested():
            _exit_now(exc.code if isinstance(exc.code, int) else 1)
        raise


def _exit_now(code: int) -> None:
    """End a run stopped by a signal: the exit handlers run (Prefect's last reports, a temporary API
    server's stop, the page workers' forkserver), then the process ends without the interpreter's
    teardown, where what the stopped run's tracebacks still hold (a closed DuckDB connection) would make
    DuckDB's bindings print a screen of "leaked instance" lines."""
    import atexit

    from flows.interrupts import end_children

    end_children()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
