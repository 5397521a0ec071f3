"""The batch reads in their current form give the rows of their earlier forms (kept here as they were):
the story-member read those of an OR of IN-subqueries (issue 20, fifth round), the entity read what the
resolver needs of the length-bound read (sixth round); and a run that changed nothing skips the story reads."""

from __future__ import annotations

import random

import polars as pl
import pytest

from flows.enrichment import entities_to_resolve_against
from tests.warehouse.test_candidate_reads import _known, _mentions, _story_rows, _with_entities
from transforms.analysis.entity_keys import similarity_bounds, wanted_names
from transforms.analysis.entity_resolution import resolve_entities
from transforms.analysis.stories import FEATURES_SCHEMA, STORED_SCHEMA, recluster
from warehouse import Warehouse

LENGTH_BOUND_ENTITY_READ = """
-- the known entities a batch's names can resolve to (transforms/analysis/entity_keys.py): the
-- batch's own entity ids (wanted_ids), the same folded name of the same kind, and in each fuzzy
-- name's block the entities one of whose names could pass the resolver's fuzzy match: for people a
-- last name equal, or both of $min_length letters and lengths a ratio of $similarity allows; for
-- organisations and places the same number of words and such lengths. An entity whose names fall
-- in several blocks is reached by its name in the block and matched on any of its names.
with pairs as (
    select keys.entity_id, keys.n_blocks, keys.kind, keys.n_words, keys.match_len, keys.last_part,
           wanted.n_words as wanted_words, wanted.match_len as wanted_len, wanted.last_part as wanted_last
    from entity_name_keys as keys
    join wanted_names as wanted on keys.kind = wanted.kind and keys.block = wanted.block
    where wanted.is_fuzzy
),
candidates as (
    -- each (entity name, wanted name) pair to test: the name of the block, or another name of the entity
    select entity_id, kind, n_words, match_len, last_part, wanted_words, wanted_len, wanted_last from pairs
    union all
    select pairs.entity_id, pairs.kind, keys.n_words, keys.match_len, keys.last_part,
           pairs.wanted_words, pairs.wanted_len, pairs.wanted_last
    from pairs
    join entity_name_keys as keys on keys.entity_id = pairs.entity_id
    where pairs.n_blocks > 1
),
close as (
    select distinct entity_id
    from candidates
    where (
        (kind = 'person' and last_part = wanted_last)
        or (kind = 'person' or n_words = wanted_words)
        and least(match_len, wanted_len) >= $min_length * (kind = 'person')::integer
        and (200 - $similarity) * least(match_len, wanted_len) >= $similarity * greatest(match_len, wanted_len) - 1e-6
    )
),
wanted as (
    -- the ids first (a union of narrow reads), then one semi-join: an OR of IN-subqueries would scan
    -- the whole entities table through a mark join for each
    select entity_id from close
    union
    select entity_id from wanted_ids
    union
    select keys.entity_id
    from entity_name_keys as keys
    join wanted_names as wanted on keys.kind = wanted.kind and keys.exact_key = wanted.exact_key
)
select entity_id, entity_name, kind, aliases
from entities
where entity_id in (select entity_id from wanted)
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


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_two_step_entity_read_keeps_of_the_length_bound_read_what_the_resolver_needs(tmp_path, seed) -> None:
    """The read before the two steps (close names picked in Python) paired each batch name with its
    block's names in SQL under length bounds only: the two-step read returns a subset of its rows,
    smaller, and the resolver's answer over either is the same."""
    rng = random.Random(seed)
    known = _known(rng, 400)
    mentions = _mentions(rng, 120, known)
    names, ids = wanted_names(mentions), mentions["entity_id"].unique().to_list()
    with _with_entities(tmp_path / "news.duckdb", known) as wh:
        found = entities_to_resolve_against(wh, mentions)
        cursor = wh.con.cursor()
        cursor.register("wanted_names", names)
        cursor.register("wanted_ids", pl.DataFrame({"entity_id": ids}, schema={"entity_id": pl.String}))
        bounded = cursor.sql(LENGTH_BOUND_ENTITY_READ, params=similarity_bounds()).pl()
        cursor.close()
    assert set(found["entity_id"]) < set(bounded["entity_id"])
    assert found["entity_id"].is_sorted()
    assert resolve_entities(mentions, found)[0].equals(resolve_entities(mentions, bounded)[0])
    assert resolve_entities(mentions, found)[1].equals(resolve_entities(mentions, bounded)[1])


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
