"""A raw DuckDB file taken to an old migration level, as `Warehouse` left it then: for the tests that
check a later migration against data written before it existed."""

from __future__ import annotations

import hashlib

import duckdb

from tests.conftest import ROOT

MIGRATIONS = ROOT / "sql" / "migrations"


def migrate_up_to(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Run migrations 001..`version` on `con` and record each in schema_migrations, as migrate() does."""
    con.execute((ROOT / "sql" / "schema_migrations.sql").read_text("utf-8"))
    for migration in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        number = int(migration.name[:3])
        if number > version:
            continue
        text = migration.read_text("utf-8")
        con.execute(text)
        con.execute(
            "insert into schema_migrations (version, name, checksum) values (?, ?, ?)",
            [number, migration.name, hashlib.sha256(text.encode()).hexdigest()],
        )
