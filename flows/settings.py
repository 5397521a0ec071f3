"""Settings: command-line options win, then NEWSETL_* environment variables, then defaults."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from warehouse import DEFAULT_DB_PATH

ENV_PREFIX = "NEWSETL_"
DEFAULT_BATCH_SIZE = 200
DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_MAX_FETCH_BYTES = 20_000_000   # decoded bytes of one fetched page or WARC record
DEFAULT_HOST_DELAY = 1.0               # seconds between requests to one host
DEFAULT_EXTRACT_TIMEOUT = 30.0         # seconds one HTML page may take to parse (then extract_timeout)
DEFAULT_FETCH_TIMEOUT = 60.0           # seconds for one response, whole (connect and read limits stay within it)
TASK_RUNNERS = ("threads", "processes", "dask")  # what runs the batch stages (extract, clean, normalise)
DEFAULT_TASK_RUNNER = "threads"
DEFAULT_LOCK_TIMEOUT = 600.0           # seconds a writing run waits for the one holding the warehouse
# File name endings -> input kind. Each may also end in ".gz" (gzip), e.g. "page.html.gz".
INPUT_KINDS: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
GZIP_SUFFIX = ".gz"


def input_kind(name: str) -> str | None:
    """The kind of input a file name says it is ("text" or "html"), or None when it says nothing known."""
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIX):
        lowered = lowered[: -len(GZIP_SUFFIX)]
    dot = lowered.rfind(".")
    return INPUT_KINDS.get(lowered[dot:]) if dot > 0 else None


def default_workers() -> int:
    """Processes for parsing pages: the machine's cores, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class RunnerChoice:
    """What runs the batch stages: `kind` (threads, processes or dask), a remote Dask scheduler's
    address (else a local cluster), and how many workers (processes, local Dask workers)."""

    kind: str = DEFAULT_TASK_RUNNER
    dask_address: str | None = None
    workers: int = 2

    @classmethod
    def resolve(cls, kind: str | None = None, dask_address: str | None = None,
                workers: int | None = None) -> RunnerChoice:
        address = dask_address or _env("DASK_ADDRESS")
        chosen = (kind or _env("TASK_RUNNER") or ("dask" if address else DEFAULT_TASK_RUNNER)).lower()
        if chosen not in TASK_RUNNERS:
            raise ValueError(f"task runner must be one of {', '.join(TASK_RUNNERS)}, got {chosen!r}")
        if address and chosen != "dask":
            raise ValueError(f"a Dask address ({address}) needs the dask task runner, not {chosen}")
        n_workers = int(workers or _env("RUNNER_WORKERS") or default_workers())
        if n_workers < 1:
            raise ValueError(f"runner workers must be at least 1, got {n_workers}")
        return cls(chosen, address, n_workers)


def _env(name: str) -> str | None:
    value = os.environ.get(ENV_PREFIX + name)
    return value if value not in (None, "") else None


def _flag(name: str, default: bool) -> bool:
    value = _env(name)
    return default if value is None else value.lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    db_path: Path
    landing_dir: Path
    batch_size: int
    max_bytes: int
    max_fetch_bytes: int = DEFAULT_MAX_FETCH_BYTES
    host_delay: float = DEFAULT_HOST_DELAY
    allow_private_hosts: bool = False
    user_agent: str | None = None
    allowed_networks: tuple[str, ...] = ()  # private networks fetching may reach anyway ("127.0.0.1/32")
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT
    workers: int = 1                 # processes parsing HTML pages
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT  # seconds to wait for another writer, then "warehouse busy"
    publish: bool = True             # publish a read-only snapshot after checks pass
    published_dir: Path | None = None  # where snapshots go (default: published/ beside the warehouse)
    export_parquet: bool = False     # also export every table to Parquet when publishing
    runner: RunnerChoice = RunnerChoice()  # what runs extract, clean and normalise (flows/runners.py)

    @classmethod
    def resolve(
        cls,
        db_path: str | Path | None = None,
        landing_dir: str | Path | None = None,
        batch_size: int | None = None,
        max_bytes: int | None = None,
        max_fetch_bytes: int | None = None,
        host_delay: float | None = None,
        allow_private_hosts: bool | None = None,
        user_agent: str | None = None,
        allowed_networks: list[str] | tuple[str, ...] | None = None,
        fetch_timeout: float | None = None,
        extract_timeout: float | None = None,
        workers: int | None = None,
        lock_timeout: float | None = None,
        publish: bool | None = None,
        published_dir: str | Path | None = None,
        export_parquet: bool | None = None,
        runner: RunnerChoice | None = None,
    ) -> Settings:
        db = Path(db_path or _env("DB") or DEFAULT_DB_PATH).expanduser()
        landing = Path(landing_dir or _env("LANDING_DIR") or db.parent / "landing").expanduser()
        size = int(batch_size or _env("BATCH_SIZE") or DEFAULT_BATCH_SIZE)
        cap = int(max_bytes or _env("MAX_BYTES") or DEFAULT_MAX_BYTES)
        fetch_cap = int(max_fetch_bytes or _env("MAX_FETCH_BYTES") or DEFAULT_MAX_FETCH_BYTES)
        delay = float(host_delay if host_delay is not None else (_env("HOST_DELAY") or DEFAULT_HOST_DELAY))
        private = allow_private_hosts if allow_private_hosts is not None else \
            (_env("ALLOW_PRIVATE_HOSTS") or "").lower() in ("1", "true", "yes")
        if size < 1:
            raise ValueError(f"batch size must be at least 1, got {size}")
        if delay < 0:
            raise ValueError(f"host delay must be 0 or more seconds, got {delay}")
        networks = tuple(allowed_networks or [n.strip() for n in (_env("ALLOWED_NETWORKS") or "").split(",") if n.strip()])
        for network in networks:
            ipaddress.ip_network(network, strict=False)  # a typo fails here, loudly
        timeout = float(fetch_timeout or _env("FETCH_TIMEOUT") or DEFAULT_FETCH_TIMEOUT)
        if timeout <= 0:
            raise ValueError(f"fetch timeout must be more than 0 seconds, got {timeout}")
        parse_limit = float(extract_timeout or _env("EXTRACT_TIMEOUT") or DEFAULT_EXTRACT_TIMEOUT)
        n_workers = int(workers or _env("WORKERS") or default_workers())
        if parse_limit <= 0 or n_workers < 1:
            raise ValueError(f"extract timeout must be > 0 and workers >= 1, got {parse_limit}, {n_workers}")
        wait = float(lock_timeout if lock_timeout is not None else (_env("LOCK_TIMEOUT") or DEFAULT_LOCK_TIMEOUT))
        if wait < 0:
            raise ValueError(f"lock timeout must be 0 or more seconds, got {wait}")
        published = Path(published_dir or _env("PUBLISHED_DIR") or db.parent / "published").expanduser()
        return cls(
            db_path=db.absolute(), landing_dir=landing.absolute(), batch_size=size, max_bytes=cap,
            max_fetch_bytes=fetch_cap, host_delay=delay, allow_private_hosts=private,
            user_agent=user_agent or _env("USER_AGENT"), allowed_networks=networks, fetch_timeout=timeout,
            extract_timeout=parse_limit, workers=n_workers, lock_timeout=wait,
            publish=publish if publish is not None else _flag("PUBLISH", True), published_dir=published.absolute(),
            export_parquet=export_parquet if export_parquet is not None else _flag("EXPORT_PARQUET", False),
            runner=runner or RunnerChoice.resolve(),
        )
