"""Publish: a read-only copy of the warehouse for BI tools and SQL shells, and a Parquet export.

The live file is held by one writing process at a time and no other process can open it then,
so readers get their own copy under `published/`: every table and view, in a storage version
that DuckDB 1.4+ clients can open, built beside the old copy and renamed over it (a reader sees
the old snapshot or the new one, never half of one, and never blocks an ingest). The Parquet
export is a new folder per publish, switched in by renaming a `parquet` symlink.
Call it while holding the writer lock, after the error-level checks passed.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warehouse.store import SQL_DIR, Warehouse, WarehouseError, sql_text

STORAGE_VERSION = "v1.4.0"  # the oldest storage format DuckDB 2.0 writes that 1.4 and 1.5 clients read
SNAPSHOT_ALIAS = "published_snapshot"
PARQUET_LINK = "parquet"
PARTITION_BY = re.compile(r"^--\s*partition_by:\s*([a-z_]+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Publication:
    publish_id: str
    path: Path
    storage_version: str
    parquet_path: Path | None
    last_load_id: str | None
    n_loads: int
    n_articles: int
    n_documents: int
    published_at: datetime


def snapshot_path(db_path: Path, published_dir: Path) -> Path:
    """The published copy is named after the live file: warehouse/news.duckdb -> published/news.duckdb."""
    return published_dir / db_path.name


def wal_path(path: Path) -> Path:
    """The WAL DuckDB keeps beside a database file opened read-write: news.duckdb -> news.duckdb.wal."""
    return path.with_name(path.name + ".wal")


def _literal(path: Path) -> str:
    """A path as an SQL string literal (a `'` in it doubled)."""
    return "'" + str(path).replace("'", "''") + "'"


def _identifier(name: str) -> str:
    """A name as a quoted SQL identifier (a `"` in it doubled): the live database is named after its file."""
    return '"' + name.replace('"', '""') + '"'


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_leftovers(published_dir: Path, name: str) -> None:
    """Temp files of a publish that was stopped half-way (the caller holds the writer lock, so no
    other publish is running), their WALs included."""
    for leftover in published_dir.glob(f".{glob.escape(name)}.tmp-*"):
        leftover.unlink(missing_ok=True)
    for leftover in published_dir.glob(f".{PARQUET_LINK}.link-*"):
        leftover.unlink(missing_ok=True)


def _copy_database(wh: Warehouse, temp: Path, record: dict[str, object]) -> None:
    """Every table and view of the live database into a new file at `temp`, with this publish's
    row added to the copy's `publishes`."""
    live = wh.scalar("select current_database()")
    wh.con.execute(f"attach {_literal(temp)} as {SNAPSHOT_ALIAS} (storage_version '{STORAGE_VERSION}')")
    try:
        wh.con.execute(f"copy from database {_identifier(live)} to {SNAPSHOT_ALIAS}")
        wh.con.execute(f"use {SNAPSHOT_ALIAS}")
        try:
            wh.con.execute(sql_text("load/publishes.sql"), record)
        finally:
            wh.con.execute(f"use {_identifier(live)}")
        wh.con.execute(f"checkpoint {SNAPSHOT_ALIAS}")
    except BaseException:
        with suppress(Exception):  # a copy that failed (a full disk) may have been invalidated already
            wh.con.execute(f"detach {SNAPSHOT_ALIAS}")
        raise
    wh.con.execute(f"detach {SNAPSHOT_ALIAS}")


def _tables(wh: Warehouse) -> list[str]:
    return [
        row[0]
        for row in wh.con.execute(
            "select table_name from duckdb_tables() where database_name = current_database() "
            "and schema_name = 'main' order by table_name"
        ).fetchall()
    ]


def _export_parquet(wh: Warehouse, folder: Path) -> None:
    """Every table to `<folder>/<table>/`: by date (hive partitions) when sql/publish/<table>.sql
    says how, else one file."""
    for table in _tables(wh):
        query_file = SQL_DIR / "publish" / f"{table}.sql"
        if query_file.exists():
            query = sql_text(f"publish/{table}.sql")
            partition = PARTITION_BY.search(query)
            assert partition is not None, f"publish/{table}.sql names no partition_by"
            wh.con.execute(
                f"copy ({query.strip().rstrip(';')}) to {_literal(folder / table)} "
                f"(format parquet, partition_by ({partition.group(1)}))"
            )
        else:
            (folder / table).mkdir(parents=True, exist_ok=True)
            wh.con.execute(
                f'copy (select * from "{table}") to {_literal(folder / table / "data.parquet")} (format parquet)'
            )


def _switch_parquet(published_dir: Path, folder: Path) -> None:
    """Point `parquet` at the new export in one rename, then remove the exports before it."""
    link = published_dir / PARQUET_LINK
    temp_link = published_dir / f".{PARQUET_LINK}.link-{os.getpid()}"
    os.symlink(folder.name, temp_link)
    os.replace(temp_link, link)
    for old in published_dir.glob(f"{PARQUET_LINK}.*"):
        if old != folder and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def publish(
    wh: Warehouse,
    published_dir: Path,
    *,
    export_parquet: bool = False,
    run_id: str | None = None,
    check_run_id: str | None = None,
) -> Publication:
    """Write the read-only snapshot (and the Parquet export), then record it in `publishes` (the
    snapshot's own `publishes` lists it too). On failure the previous snapshot stays, nothing of
    this one is left behind, and WarehouseError says why."""
    target = snapshot_path(wh.path, published_dir)
    temp = published_dir / f".{target.name}.tmp-{os.getpid()}"
    published_at = datetime.now(UTC)
    parquet_folder = published_dir / f"{PARQUET_LINK}.{published_at:%Y%m%dT%H%M%S%f}" if export_parquet else None
    counts = wh.con.execute(
        "select (select count(*) from loads), (select count(*) from articles), (select count(*) from documents), "
        "(select load_id from loads order by finished_at desc, load_id limit 1)"
    ).fetchone()
    assert counts is not None
    n_loads, n_articles, n_documents, last_load_id = counts
    publication = Publication(
        str(uuid.uuid4()),
        target,
        STORAGE_VERSION,
        published_dir / PARQUET_LINK if export_parquet else None,
        last_load_id,
        n_loads,
        n_articles,
        n_documents,
        published_at,
    )
    record = {
        "publish_id": publication.publish_id,
        "run_id": run_id,
        "check_run_id": check_run_id,
        "path": str(target),
        "storage_version": STORAGE_VERSION,
        "parquet_path": str(publication.parquet_path) if publication.parquet_path else None,
        "last_load_id": last_load_id,
        "n_loads": n_loads,
        "n_articles": n_articles,
        "n_documents": n_documents,
        "published_at": published_at,
    }
    try:
        published_dir.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(published_dir, target.name)
        _copy_database(wh, temp, record)
        _fsync(temp)
        temp.chmod(0o444)
        if parquet_folder is not None:
            _export_parquet(wh, parquet_folder)
        # a WAL beside the snapshot is stale (a process that opened the old copy read-write was killed):
        # DuckDB would replay it onto the new file and refuse to open it ("WAL does not match database file")
        wal_path(target).unlink(missing_ok=True)
        os.replace(temp, target)
        if parquet_folder is not None:
            _switch_parquet(published_dir, parquet_folder)
        _fsync(published_dir)
    except Exception as exc:
        for leftover in (temp, wal_path(temp)):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
        if parquet_folder is not None:
            shutil.rmtree(parquet_folder, ignore_errors=True)
        raise WarehouseError(f"publishing {target} failed: {exc}") from exc
    try:
        wh.con.execute(sql_text("load/publishes.sql"), record)
    except Exception as exc:
        raise WarehouseError(f"published {target}, but could not record it in publishes: {exc}") from exc
    return publication
