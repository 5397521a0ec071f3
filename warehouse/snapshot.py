"""Publish: a read-only copy of the warehouse for BI tools and SQL shells, and a Parquet export.

The live file is held by one writing process at a time and no other process can open it then,
so readers get their own copy under `published/`: every table and view, in a storage version
that DuckDB 1.4+ clients can open, built beside the current copy and renamed over it (a reader
sees the old snapshot or the new one, never half of one, and never blocks an ingest).

Two snapshot files are used in turn (issue 20): `published/news.duckdb`, the one readers open,
and `published/.news.duckdb.standby`, the one published before it (kept by a hard link when the
new one is renamed in). A publish brings the standby up to date with only the rows of the loads
it lacks (sql/publish/incremental/<table>.sql, in one transaction), then switches it in; the
whole-file copy is left for the first publish and for a standby that cannot be brought up to date
(another schema or storage version, loads the live file no longer has, a reader still holding it
open, a row count that disagrees afterwards). The Parquet export is a new folder per publish,
switched in by renaming a `parquet` symlink.
Call it while holding the writer lock, after the error-level checks passed.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import uuid
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from warehouse.store import SQL_DIR, DatabaseError, Warehouse, WarehouseError, sql_text

STORAGE_VERSION = "v1.4.0"  # the oldest storage format DuckDB 2.0 writes that 1.4 and 1.5 clients read
SNAPSHOT_ALIAS = "published_snapshot"
PARQUET_LINK = "parquet"
PARTITION_BY = re.compile(r"^--\s*partition_by:\s*([a-z_]+)\s*$", re.MULTILINE)
# the whole-file copy builds every primary-key index of the new file in memory, which DuckDB cannot
# spill: at 1 M articles (an 11 GB file) it failed under the writer's 512 MB (store.WRITER_MEMORY_LIMIT,
# 2026-12-07, bench/scale.py). The copy alone runs with this limit; incremental publishes keep the writer's.
COPY_MEMORY_LIMIT = "3GB"
# The standby is attached with this row-group size when brought up to date. In storage version v1.4.0 a
# checkpoint rewrites the whole last row group of every table a publish appended to (v2.0 files do not):
# at DuckDB's default of 122,880 rows that was 0.6-0.75 s for each of articles and article_versions in a
# 1 M-article snapshot whose last row groups held 17,000 rows, and grows with the rows in that group
# (0.75 s for 10 rows appended or 1,200). A smaller size caps what one publish rewrites; the row groups
# already there keep their size, so the snapshot is only finer-grained in the rows published since its
# last whole-file copy (BENCHMARKS.md, Scale, eighth round).
PUBLISH_ROW_GROUP_SIZE = 8192


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
    method: str = "copy"  # copy | incremental (sql/migrations/015_publish_method.sql)
    method_note: str | None = None  # why a copy when the standby was there


def snapshot_path(db_path: Path, published_dir: Path) -> Path:
    """The published copy is named after the live file: warehouse/news.duckdb -> published/news.duckdb."""
    return published_dir / db_path.name


def standby_path(target: Path) -> Path:
    """The snapshot published before the current one, brought up to date by the next publish:
    published/news.duckdb -> published/.news.duckdb.standby."""
    return target.with_name(f".{target.name}.standby")


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
        wh.con.execute(f"set memory_limit = '{COPY_MEMORY_LIMIT}'")
        try:
            wh.con.execute(f"copy from database {_identifier(live)} to {SNAPSHOT_ALIAS}")
        finally:  # the writer's own limit again (as Warehouse set it: DuckDB shows it rounded)
            wh.con.execute(f"set memory_limit = '{wh.memory_limit}'" if wh.memory_limit else "reset memory_limit")
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


class StandbyUnusable(Exception):
    """The standby cannot be brought up to date by rows: the publish copies the file instead."""


def _rows(wh: Warehouse, sql: str, params: list[object] | None = None) -> list[tuple]:
    return wh.con.execute(sql, params or []).fetchall()


def _schema(wh: Warehouse, database: str) -> list[tuple]:
    """Tables, columns, types, views and indexes of a database: what a row-by-row update needs to match."""
    params: list[object] = [database]
    return (
        _rows(
            wh,
            "select table_name, column_index, column_name, data_type from duckdb_columns() "
            "where database_name = ? and schema_name = 'main' order by all",
            params,
        )
        + _rows(
            wh,
            "select view_name, lower(sql) from duckdb_views() where database_name = ? and not internal order by all",
            params,
        )
        + _rows(
            wh, "select index_name, table_name, sql from duckdb_indexes() where database_name = ? order by all", params
        )
    )


def _counts(wh: Warehouse, database: str | None, tables: list[str]) -> dict[str, int]:
    prefix = f"{SNAPSHOT_ALIAS}." if database == SNAPSHOT_ALIAS else ""
    return {table: _rows(wh, f'select count(*) from {prefix}"{table}"')[0][0] for table in tables}


def _bring_up_to_date(wh: Warehouse, standby: Path, record: dict[str, object]) -> None:
    """Write into `standby` the rows the live file changed since the standby was published, and this
    publish's row, in one transaction (on any failure the standby is left as it was). Raises
    StandbyUnusable when rows alone cannot make it equal to the live file."""
    live = wh.scalar("select current_database()")
    standby.chmod(0o644)
    try:
        wh.con.execute(f"attach {_literal(standby)} as {SNAPSHOT_ALIAS} (row_group_size {PUBLISH_ROW_GROUP_SIZE})")
    except Exception as exc:  # a reader still holds it open (a lock), or it is not a database
        raise StandbyUnusable(f"could not open the standby: {str(exc).splitlines()[0]}") from exc
    try:
        tags = _rows(
            wh, "select tags['storage_version'] from duckdb_databases() where database_name = ?", [SNAPSHOT_ALIAS]
        )
        if not tags or not str(tags[0][0]).startswith(STORAGE_VERSION):
            raise StandbyUnusable(f"the standby's storage version is {tags[0][0] if tags else None}")
        if _schema(wh, live) != _schema(wh, SNAPSHOT_ALIAS):
            raise StandbyUnusable("the schema changed since the standby was published")
        if _rows(wh, f"select version from {SNAPSHOT_ALIAS}.schema_migrations order by version") != _rows(
            wh, "select version from schema_migrations order by version"
        ):
            raise StandbyUnusable("a migration ran since the standby was published")
        tables = _tables(wh)
        missing = [t for t in tables if not (SQL_DIR / "publish" / "incremental" / f"{t}.sql").exists()]
        if missing:
            raise StandbyUnusable(f"no incremental rule for {', '.join(missing)}")
        if _rows(wh, f"select count(*) from {SNAPSHOT_ALIAS}.loads anti join loads using (load_id)")[0][0]:
            raise StandbyUnusable("the standby holds loads the live file does not (a rebuilt warehouse)")
        wh.con.execute(
            f"create or replace temp table publish_loads as "
            f"select load_id from loads anti join {SNAPSHOT_ALIAS}.loads using (load_id)"
        )
        wh.con.execute(
            "create or replace temp table publish_articles as select distinct article_id from article_versions "
            "where load_id in (select load_id from publish_loads)"
        )
        wh.con.begin()
        try:
            for table in tables:
                wh.con.execute(sql_text(f"publish/incremental/{table}.sql"))
            wh.con.execute(f"use {SNAPSHOT_ALIAS}")
            try:
                wh.con.execute(sql_text("load/publishes.sql"), record)
            finally:
                wh.con.execute(f"use {_identifier(live)}")
            expected = _counts(wh, None, tables)
            expected["publishes"] += 1  # this publish's row, in the snapshot only so far
            got = _counts(wh, SNAPSHOT_ALIAS, tables)
            if got != expected:
                wrong = ", ".join(f"{t} {got[t]} != {expected[t]}" for t in tables if got[t] != expected[t])
                raise StandbyUnusable(f"row counts disagree after the update ({wrong})")
            wh.con.commit()
        except BaseException:
            wh.con.rollback()
            raise
        wh.con.execute(f"checkpoint {SNAPSHOT_ALIAS}")
    finally:
        with suppress(Exception):
            wh.con.execute("drop table if exists temp.publish_loads")
            wh.con.execute("drop table if exists temp.publish_articles")
        with suppress(Exception):
            wh.con.execute(f"detach {SNAPSHOT_ALIAS}")
        with suppress(OSError):
            standby.chmod(0o444)


def _switch_in(built: Path, target: Path, standby: Path) -> None:
    """Rename `built` over `target` (one rename: readers see the old file or the new one); the old
    file stays as the standby for the next publish (a hard link made first), when links work."""
    if not target.exists():
        os.replace(built, target)
        return
    previous = target.with_name(f".{target.name}.tmp-previous-{os.getpid()}")
    previous.unlink(missing_ok=True)
    try:
        os.link(target, previous)
    except OSError:  # a file system without hard links: no standby, the next publish copies
        previous = None  # type: ignore[assignment]
    os.replace(built, target)
    if previous is not None:
        wal_path(standby).unlink(missing_ok=True)
        os.replace(previous, standby)
    elif built != standby:
        standby.unlink(missing_ok=True)


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
        "select (select count(*) from loads), (select count(*) from articles), (select count(*) from documents)"
    ).fetchone()
    assert counts is not None
    n_loads, n_articles, n_documents = counts
    last_load_id = wh.last_load_id()
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
        "method": "incremental",
        "method_note": None,
    }
    standby = standby_path(target)
    try:
        published_dir.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(published_dir, target.name)
        built, note = None, None
        if not target.exists() or not standby.exists():
            note = "no standby: the first publish, or the one after a copy without hard links"
        elif wal_path(standby).exists():
            note = "a WAL beside the standby (a publish was stopped)"
        else:
            try:
                _bring_up_to_date(wh, standby, record)
                built = standby
            except StandbyUnusable as exc:
                note = str(exc)
            except (DatabaseError, OSError) as exc:  # a failed update (a full disk) rolled back: copy
                note = f"updating the standby failed: {str(exc).splitlines()[0]}"
        if built is None:
            record.update(method="copy", method_note=note)
            _copy_database(wh, temp, record)
            _fsync(temp)
            temp.chmod(0o444)
            built = temp
        else:
            _fsync(built)
        if parquet_folder is not None:
            _export_parquet(wh, parquet_folder)
        # a WAL beside the snapshot is stale (a process that opened the old copy read-write was killed):
        # DuckDB would replay it onto the new file and refuse to open it ("WAL does not match database file")
        wal_path(target).unlink(missing_ok=True)
        _switch_in(built, target, standby)
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
    return replace(publication, method=str(record["method"]), method_note=note)
