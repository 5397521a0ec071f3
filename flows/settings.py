"""Settings: one class, declared once. Command-line options win, then `NEWSETL_*` environment
variables, then a `.env` file in the working folder, then the defaults declared here.

Adding a setting is one field here (its type, default and description) plus its CLI flag in
`flows/cli.py`; `.env.example` is checked against these fields by tests/flows/test_settings.py.
The flows take a `Settings` whole (a pydantic model is a valid Prefect flow parameter). A bad
value fails as one line naming the variable or option (`settings_error`)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from warehouse import DEFAULT_DB_PATH, WRITER_MEMORY_LIMIT

ENV_PREFIX = "NEWSETL_"
TASK_RUNNERS = ("threads", "processes", "dask")  # what runs the batch stages (extract, clean, normalise)
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
    """Processes for parsing pages (and runner workers): the machine's cores, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class RunnerChoice:
    """What runs the batch stages (flows/runners.py): `kind` (threads, processes or dask), a remote
    Dask scheduler's address (else a local cluster), and how many runner workers. A view of
    `Settings`, which validates it."""

    kind: str = "threads"
    dask_address: str | None = None
    workers: int = 2


def _env_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


class Settings(BaseSettings):
    """Every setting of a run. The environment variable of a field is NEWSETL_<FIELD> (the
    warehouse file's is NEWSETL_DB)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_default=True,
        populate_by_name=True,
    )

    # --- warehouse and landing store
    db_path: Path = Field(
        DEFAULT_DB_PATH,
        validation_alias="NEWSETL_DB",
        examples=["warehouse/news.duckdb"],
        description="the warehouse file (created and migrated on first use)",
    )
    # None until validated, then the folder (beside the warehouse unless set)
    landing_dir: Path = Field(  # type: ignore[assignment]  # None until validated
        None,
        validate_default=False,
        examples=["warehouse/landing"],
        description="the landing store (raw bytes, content-addressed); default: landing/ beside the warehouse",
    )
    batch_size: int = Field(200, ge=1, description="documents per task and per load transaction")
    max_bytes: int = Field(50_000_000, ge=1, description="inputs larger than this many bytes are rejected as too_large")
    lock_timeout: float = Field(
        600.0,
        ge=0,
        description="seconds a writing run waits while another one holds the warehouse, then exits 3 (busy)",
    )
    writer_memory: str = Field(
        WRITER_MEMORY_LIMIT,
        pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$",
        description="DuckDB's memory in the writing process (its buffer cache; larger joins and sorts spill "
        "to disk beside the file)",
    )
    # --- publishing for BI
    publish: bool = Field(True, description="publish the read-only snapshot after the checks pass")
    published_dir: Path = Field(  # type: ignore[assignment]  # None until validated
        None,
        validate_default=False,
        examples=["warehouse/published"],
        description="where snapshots go; default: published/ beside the warehouse",
    )
    export_parquet: bool = Field(False, description="also export every table to Parquet when publishing")
    # --- parsing and scale-out
    workers: int = Field(
        default_factory=default_workers,
        ge=1,
        examples=[4],
        description="processes parsing HTML pages; default: the cores, at most 4",
    )
    extract_timeout: float = Field(
        30.0, gt=0, description="seconds one HTML page may take to parse, then it is rejected as extract_timeout"
    )
    task_runner: Literal["threads", "processes", "dask"] = Field(
        "threads", description="what runs extract, clean and normalise per batch: threads, processes or dask"
    )
    dask_address: str | None = Field(
        None,
        examples=["tcp://scheduler.internal:8786"],
        description="a running Dask scheduler (implies dask); empty: dask starts a local cluster",
    )
    runner_workers: int = Field(
        default_factory=default_workers,
        ge=1,
        examples=[4],
        description="worker processes of the processes runner or of the local Dask cluster; "
        "default: the cores, at most 4",
    )
    prefect_server: Literal["background", "temporary"] = Field(
        "background",
        description="without PREFECT_API_URL: background (start a local Prefect server once, reuse it; "
        "newsetl server stop) or temporary (Prefect's temporary API in every command)",
    )
    # --- fetching (URLs, feeds, sitemaps)
    host_delay: float = Field(1.0, ge=0, description="seconds between requests to one host")
    max_fetch_bytes: int = Field(20_000_000, ge=1, description="cap on one fetched page or WARC record, decoded")
    fetch_timeout: float = Field(
        60.0, gt=0, description="seconds for one whole response (connect and read limits stay within it)"
    )
    allow_private_hosts: bool = Field(
        False, description="allow every loopback/private/link-local address; prefer NEWSETL_ALLOWED_NETWORKS"
    )
    allowed_networks: Annotated[tuple[str, ...], NoDecode] = Field(
        (), examples=["127.0.0.1/32"], description="private networks fetching may reach anyway, comma-separated"
    )
    user_agent: str | None = Field(None, description="the User-Agent sent with every request; default: newsetl's own")

    @field_validator("task_runner", "prefect_server", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:  # task_runner, prefect_server
        return value.lower() if isinstance(value, str) else value

    @field_validator("dask_address", "user_agent", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("allowed_networks", mode="before")
    @classmethod
    def _networks(cls, value: object) -> tuple[str, ...]:
        items = value.split(",") if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        networks = tuple(str(n).strip() for n in items if str(n).strip())
        for network in networks:
            ipaddress.ip_network(network, strict=False)  # a typo fails here, loudly
        return networks

    @model_validator(mode="before")
    @classmethod
    def _dask_address_implies_dask(cls, values: object) -> object:
        if isinstance(values, dict) and values.get("dask_address") and not values.get("task_runner"):
            return {**values, "task_runner": "dask"}
        return values

    @model_validator(mode="after")
    def _resolved(self) -> Settings:
        if self.dask_address and self.task_runner != "dask":
            raise ValueError(f"a Dask address ({self.dask_address}) needs the dask task runner, not {self.task_runner}")
        db = self.db_path.expanduser().absolute()
        self.db_path = db
        self.landing_dir = (self.landing_dir or db.parent / "landing").expanduser().absolute()
        self.published_dir = (self.published_dir or db.parent / "published").expanduser().absolute()
        return self

    @property
    def runner(self) -> RunnerChoice:
        return RunnerChoice(self.task_runner, self.dask_address, self.runner_workers)


def env_names() -> dict[str, str]:
    """Field -> the environment variable that sets it."""
    return {name: _env_name("db" if name == "db_path" else name) for name in Settings.model_fields}


def settings_error(exc: ValidationError) -> str:
    """A validation error as one line: which setting, what is wrong, the value given."""
    parts = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        where = f"{field} ({env_names()[field]}): " if field in env_names() else ""
        given = f" (got {error['input']!r})" if where else ""
        parts.append(f"{where}{error['msg'].removeprefix('Value error, ')}{given}")
    return "invalid settings: " + "; ".join(parts)


# .env.example: a section starts at its first field; inputs the CLI reads from the environment
SECTIONS = {
    "db_path": "warehouse and landing store",
    "publish": "publishing for BI",
    "workers": "parsing and scale-out",
    "host_delay": "fetching (URLs, feeds, sitemaps)",
}
INPUT_VARIABLES = {
    "NEWSETL_MANIFEST": "a CSV of files with their metadata (path, url, source, published_at, ...), as --manifest"
}
ENV_EXAMPLE_HEAD = """\
# newsetl settings. Copy to .env (in the folder you run newsetl from) and uncomment what you change.
# Order of precedence: command-line options, then the environment, then .env, then the defaults shown.
# Every setting has the NEWSETL_ prefix. Generated from flows/settings.py: `newsetl settings --env-example`.
"""
ENV_EXAMPLE_TAIL = """
# --- Prefect (not NEWSETL_, read by Prefect itself) ---
# a Prefect server to report to (newsetl serve needs one); unset: a temporary local API per run
# PREFECT_API_URL=http://127.0.0.1:4200/api
"""


def _example_value(name: str) -> str:
    info = Settings.model_fields[name]
    value = info.examples[0] if info.examples else info.default
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def env_example() -> str:
    """The text of `.env.example`: every setting with its description and default (or an example)."""
    lines = [ENV_EXAMPLE_HEAD]
    for name, info in Settings.model_fields.items():
        if name in SECTIONS:
            lines.append(f"\n# --- {SECTIONS[name]} ---")
        lines.append(f"# {info.description}")
        lines.append(f"# {env_names()[name]}={_example_value(name)}")
    lines.append("\n# --- inputs ---")
    for variable, description in INPUT_VARIABLES.items():
        lines += [f"# {description}", f"# {variable}="]
    return "\n".join(lines).replace(ENV_EXAMPLE_HEAD + "\n\n", ENV_EXAMPLE_HEAD + "\n") + "\n" + ENV_EXAMPLE_TAIL
