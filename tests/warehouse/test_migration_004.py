"""A warehouse at migration 003, with data, migrates to 004 and later: rows keep their values,
old provenance codes are mapped, read times filled in, new tables ready for loads."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from tests.warehouse.migrated import migrate_up_to
from warehouse import Warehouse

FETCHED = datetime(2024, 3, 6, 7, 0, tzinfo=UTC)


def _at_003(path) -> None:
    """What migrate() left in a warehouse before 004 existed, with one HTML article loaded."""
    con = duckdb.connect(str(path))
    migrate_up_to(con, 3)
    con.execute(
        "insert into documents (document_id, uri, kind, fetched_at, n_bytes, landing_path, status, load_id) "
        "values ('d1', 'https://example.com/a', 'html', ?, 10, '/x', 'loaded', 'l1')",
        [FETCHED],
    )
    article = (
        "'a1', 1, 'd1', 'unknown', 'https://example.com/a', 'Title', [], ['Jane Doe'], [], [], [], [], "
        "timestamptz '2024-03-05 00:00:00+00', 'html_metadata', 'Body text.', 2, 1, 0, 'h', false, "
        "'0.1.0', 'l1', ?"
    )
    columns = (
        "article_id, version, document_id, source_id, uri, title, deck, authors, agencies, editor_initials, "
        "photo_credits, captions, published_at, published_at_source, body_text, n_words, n_blocks, "
        "n_removed_spans, content_hash, is_syndicated, pipeline_version, load_id, loaded_at"
    )
    con.execute(f"insert into articles ({columns}) values ({article})", [FETCHED])
    con.execute(f"insert into article_versions ({columns}) values ({article})", [FETCHED])
    con.close()


def test_a_warehouse_at_003_with_data_migrates_cleanly(tmp_path) -> None:
    path = tmp_path / "old.duckdb"
    _at_003(path)
    with Warehouse(path) as wh:
        assert wh.con.execute("select count(*) from schema_migrations where version = 4").fetchall() == [(1,)]
        for table in ("articles", "article_versions"):
            row = wh.con.execute(f"""
                select authors, published_at, published_at_source, published_at_precision, modified_at,
                       modified_at_source, seen_at, seen_at_source, author_roles, author_emails
                from {table}""").fetchall()
            assert row == [
                (
                    ["Jane Doe"],
                    datetime(2024, 3, 5, tzinfo=UTC),
                    "htmldate",
                    "date",
                    None,
                    None,
                    FETCHED,
                    "fetch_time",
                    [],
                    [],
                )
            ]
        assert wh.con.execute("select sidecar_uris from documents").fetchall() == [(None,)]
        assert wh.con.execute("select count(*) from date_candidates").fetchall() == [(0,)]
        assert wh.con.execute("select count(*) from article_dates").fetchall() == [(0,)]
