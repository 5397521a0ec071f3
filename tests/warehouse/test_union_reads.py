"""The batch reads in their union form (issue 20, fifth round) give the rows of their earlier form, an OR
of IN-subqueries (kept here as it was), and a run that changed nothing skips the story reads."""

from __future__ import annotations

import random

import polars as pl
import pytest

from tests.warehouse.test_candidate_reads import _known, _mentions, _story_rows, _with_entities
from transforms.analysis.entity_keys import similarity_bounds, wanted_names
from transforms.analysis.stories import FEATURES_SCHEMA, STORED_SCHEMA, recluster
from warehouse import Warehouse

OLD_ENTITY_TAIL = """select entity_id, entity_name, kind, aliases
from entities
where entity_id in (select entity_id from close)
   or entity_id in (select entity_id from wanted_ids)
   or entity_id in (
       select keys.entity_id
       from entity_name_keys as keys
       join wanted_names as wanted on keys.kind = wanted.kind and keys.exact_key = wanted.exact_key
   )
order by entity_id
"""

OLD_STORY_MEMBERS = """
select story_id, link_group_id, article_id, event_at, is_dated, language, entity_ids, terms
from story_articles
where link_group_id in (select link_group_id from wanted_groups)
   or link_group_id in (
       select link_group_id from story_articles where article_id in (select article_id from wanted_articles)
   )
order by article_id
"""


def _old_entity_read() -> str:
    """The earlier statement: the same CTEs up to `close`, then the OR of three IN-subqueries."""
    from warehouse.store import sql_text

    new = sql_text("read/entities_by_name_keys.sql")
    head = new[: new.index("),\nwanted as (")] + ")\n"
    return head + OLD_ENTITY_TAIL


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_entity_read_gives_the_rows_of_the_or_form(tmp_path, seed) -> None:
    rng = random.Random(seed)
    known = _known(rng, 400)
    mentions = _mentions(rng, 120, known)
    names, ids = wanted_names(mentions), mentions["entity_id"].unique().to_list()
    with _with_entities(tmp_path / "news.duckdb", known) as wh:
        found = wh.entities_by_name_keys(names, ids, similarity_bounds())
        cursor = wh.con.cursor()
        cursor.register("wanted_names", names)
        cursor.register("wanted_ids", pl.DataFrame({"entity_id": ids}, schema={"entity_id": pl.String}))
        expected = cursor.sql(_old_entity_read(), params=similarity_bounds()).pl()
        cursor.close()
    assert found.equals(expected)
    assert 0 < found.height < known.height


def _stored_stories(rng: random.Random) -> pl.DataFrame:
    rows = _story_rows(rng, 300, "s")
    groups = [f"g{rng.randrange(40)}" for _ in range(rows.height)]
    return rows.with_columns(
        pl.Series("link_group_id", groups),
        pl.Series("story_id", [g + "-" + str(rng.randrange(3)) for g in groups]),
        pl.lit("doc").alias("document_id"),
        pl.lit(True).alias("is_dated"),
        pl.lit("en").alias("language"),
        pl.lit(["term"]).alias("terms"),
        pl.lit(None, pl.Float64).alias("similarity"),
        pl.lit(True).alias("is_opener"),
        pl.lit("l0").alias("load_id"),
    )


def _old_members(wh: Warehouse, groups: list[str], articles: list[str]) -> pl.DataFrame:
    cursor = wh.con.cursor()
    cursor.register("wanted_groups", pl.DataFrame({"link_group_id": groups}, schema={"link_group_id": pl.String}))
    cursor.register("wanted_articles", pl.DataFrame({"article_id": articles}, schema={"article_id": pl.String}))
    try:
        return cursor.sql(OLD_STORY_MEMBERS).pl()
    finally:
        cursor.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_story_member_read_gives_the_rows_of_the_or_form(tmp_path, seed) -> None:
    rng = random.Random(seed)
    stored = _stored_stories(rng)
    with Warehouse(tmp_path / "news.duckdb") as wh:
        wh.con.register("stored", stored)
        wh.con.execute("insert into story_articles by name select * from stored")
        wh.con.unregister("stored")
        ids = stored["article_id"].to_list()
        cases = [
            ([f"g{rng.randrange(40)}" for _ in range(3)], rng.sample(ids, 5)),  # both
            ([f"g{rng.randrange(40)}" for _ in range(3)] + ["g-none"], []),  # groups only, one unknown
            ([], rng.sample(ids, 4) + ["s-unknown"]),  # articles only, one unknown
            ([], []),  # nothing wanted
        ]
        for groups, articles in cases:
            found = wh.story_members(groups, articles)
            assert found.equals(_old_members(wh, groups, articles))
            assert found.height < stored.height
            assert (found.height > 0) == bool(groups or articles)


def test_skipping_the_story_reads_when_nothing_changed_gives_the_same_stories(tmp_path) -> None:
    """flows/enrichment.enrich: with no changed article it reads no story rows and reclusters with an
    empty STORED_SCHEMA frame; the same result as the member read of nothing."""
    stored = _stored_stories(random.Random(7))
    none = pl.DataFrame(schema=FEATURES_SCHEMA)
    with Warehouse(tmp_path / "news.duckdb") as wh:
        wh.con.register("stored", stored)
        wh.con.execute("insert into story_articles by name select * from stored")
        wh.con.unregister("stored")
        read = wh.story_members([], [])
    skipped = recluster(none, pl.DataFrame(schema=STORED_SCHEMA))
    assert read.height == 0
    assert skipped.equals(recluster(none, read))
