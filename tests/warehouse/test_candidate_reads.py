"""Reads proportional to the batch (issue 20): the name-key table gives the entity resolver the same
answer as every known entity, and the band-key table the same near-duplicate candidates as a scan
of every stored signature; both tables are kept by the loads and filled in for older warehouses."""

from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import duckdb
import polars as pl
import pytest

from flows.enrichment import entities_to_resolve_against
from tests.conftest import ROOT
from tests.warehouse.test_analysis_load import SEEDS as LOAD_SEEDS
from tests.warehouse.test_analysis_load import _batch as load_batch_of
from transforms.analysis.entity_keys import entity_name_keys
from transforms.analysis.entity_resolution import resolve_entities
from transforms.analysis.near_duplicates import N_BANDS, signatures_frame
from transforms.frames.ledger import DocumentRecord, documents_frame, rejects_frame
from transforms.frames.normalise import PIPELINE_VERSION, ParsedDocument, normalise_batch
from transforms.frames.schemas import ENTITIES, MENTIONS, NEAR_DUPLICATES, QUOTES, STORY_ARTICLES
from transforms.metadata.sources import source_registry
from transforms.text.articles import parse_text_article
from warehouse import AnalysisFrames, LoadBatch, Warehouse

FIRST = ["Elizabeth", "Elisabeth", "Victor", "Viktor", "Sergei", "Sergey", "Josh", "Joshua", "Bill", "William", "E."]
LAST = ["Burton", "Burtons", "Carlineo", "Carlinneo", "Stoltenberg", "Stoltenburg", "Ng", "Lee", "O'Brien", "Obrien"]
ORG_WORDS = ["Ministry", "Ministery", "of", "Defence", "Defense", "Health", "Helth", "West", "East", "Bank", "G7", "G8"]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or rng.random() < 0.6:
        return word
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice("aeiour") + word[i + 1 :]


def _person(rng: random.Random) -> str:
    parts = [rng.choice(FIRST), _typo(rng.choice(LAST), rng)]
    if rng.random() < 0.2:
        parts.insert(1, "A.")
    if rng.random() < 0.15:
        parts = parts[-1:]  # a lone last name
    return " ".join(parts)


def _organisation(rng: random.Random) -> str:
    return " ".join(_typo(rng.choice(ORG_WORDS), rng) for _ in range(rng.randint(1, 3)))


def _slug(kind: str, name: str) -> str:
    return f"{kind}:" + "-".join(name.casefold().replace(".", "").split())


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))).title()


def _known(rng: random.Random, n: int) -> pl.DataFrame:
    """Known entities: names with aliases, some of them in another block than the display name;
    and as many others of random names."""
    rows: dict[str, tuple[str, str, list[str]]] = {}
    for _ in range(n):
        kind = rng.choice(["person", "organisation", "place"])
        name = " ".join(_word(rng) for _ in range(rng.randint(1, 3)))
        rows.setdefault(_slug(kind, name), (name, kind, []))
    for _ in range(n):
        kind = rng.choice(["person", "person", "organisation", "place"])
        name = _person(rng) if kind == "person" else _organisation(rng)
        aliases = [_person(rng) if kind == "person" else _organisation(rng) for _ in range(rng.choice([0, 0, 1, 2]))]
        rows.setdefault(_slug(kind, name), (name, kind, sorted({a for a in aliases if a != name})))
    return pl.DataFrame(
        [(entity_id, name, kind, aliases) for entity_id, (name, kind, aliases) in sorted(rows.items())],
        schema=ENTITIES,
        orient="row",
    )


def _mentions(rng: random.Random, n: int, known: pl.DataFrame) -> pl.DataFrame:
    """A batch's mentions: new spellings, and some of the known entities' own ids and names."""
    rows = []
    for i in range(n):
        if rng.random() < 0.2:
            entity_id, name, kind, _ = known.row(rng.randrange(known.height))
        else:
            kind = rng.choice(["person", "person", "organisation", "place"])
            name = _person(rng) if kind == "person" else _organisation(rng)
            entity_id = _slug(kind, name) + "-new"
        rows.append((f"a{i % 7}", i, entity_id, name, kind, _typo(name, rng)))
    return pl.DataFrame(
        rows,
        schema={
            "article_id": pl.String,
            "mention_index": pl.Int32,
            "entity_id": pl.String,
            "entity_name": pl.String,
            "kind": pl.String,
            "mention_text": pl.String,
        },
        orient="row",
    )


def _with_entities(path, known: pl.DataFrame) -> Warehouse:
    wh = Warehouse(path)
    wh.con.register("known", known)
    wh.con.execute("insert into entities select entity_id, entity_name, kind, aliases, 'l0' from known")
    wh.con.unregister("known")
    wh.backfill_entity_name_keys(entity_name_keys(known))
    return wh


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_name_keys_give_the_resolver_what_every_entity_gives(tmp_path, seed) -> None:
    rng = random.Random(seed)
    known = _known(rng, 400)
    mentions = _mentions(rng, 120, known)
    with _with_entities(tmp_path / "news.duckdb", known) as wh:
        subset = entities_to_resolve_against(wh, mentions)
    full_mentions, full_entities = resolve_entities(mentions, known)
    keyed_mentions, keyed_entities = resolve_entities(mentions, subset)
    assert keyed_mentions.equals(full_mentions)
    assert keyed_entities.equals(full_entities)
    # not a trivial agreement: names did join known entities, and the read left most of them out
    joined = full_mentions.filter(pl.col("entity_id").is_in(known["entity_id"].implode()))
    assert joined.height > 0
    assert subset.height < known.height / 2


def test_an_entity_reached_by_one_name_matches_by_another_of_another_block(tmp_path) -> None:
    # "Zbigniew Stoltenberg" is in block "st"; its alias "Jens Xtoltenberg" (block "xt") is the
    # closest name to the batch's "Jens Stoltenbergs", which reaches the entity through block "st"
    known = pl.DataFrame(
        [("person:z", "Zbigniew Stoltenberg", "person", ["Jens Xtoltenberg"])], schema=ENTITIES, orient="row"
    )
    mentions = _mentions(random.Random(0), 0, known).vstack(
        pl.DataFrame(
            [("a1", 0, "person:jens-stoltenbergs", "Jens Stoltenbergs", "person", "Jens Stoltenbergs")],
            schema=_mentions(random.Random(0), 0, known).schema,
            orient="row",
        )
    )
    with _with_entities(tmp_path / "news.duckdb", known) as wh:
        subset = entities_to_resolve_against(wh, mentions)
    assert resolve_entities(mentions, subset)[0].equals(resolve_entities(mentions, known)[0])
    assert subset["entity_id"].to_list() == ["person:z"]


def _text(i: int, rng: random.Random) -> str:
    words = "harbour council budget railway election summit treaty drought vaccine reactor bridge tariff".split()
    body = " ".join(rng.choice(words) for _ in range(120))
    return f"Story {i}\n\n{body}\n"


def _signature_batch(texts: list[str]) -> LoadBatch:
    records, parsed = [], []
    for i, text in enumerate(texts):
        document_id = hashlib.sha256(text.encode()).hexdigest()
        uri = f"file:///t/{document_id[:12]}-{i}.txt"
        day = datetime(2022, 1, 28, tzinfo=UTC)
        records.append(DocumentRecord(document_id, uri, "text", day, "utf-8", len(text.encode()), "/x", "loaded"))
        parsed.append(ParsedDocument(document_id, uri, parse_text_article(text)))
    normalised = normalise_batch(parsed)
    analysis = AnalysisFrames(
        quotes=pl.DataFrame(schema=QUOTES),
        mentions=pl.DataFrame(schema=MENTIONS),
        entities=pl.DataFrame(schema=ENTITIES),
        signatures=signatures_frame(normalised.articles),
        near_duplicates=pl.DataFrame(schema=NEAR_DUPLICATES),
        story_articles=pl.DataFrame(schema=STORY_ARTICLES),
    )
    return LoadBatch(
        str(uuid.uuid4()),
        "run",
        0,
        datetime(2022, 1, 28, tzinfo=UTC),
        len(texts),
        PIPELINE_VERSION,
        documents_frame(records),
        normalised.articles,
        normalised.blocks,
        normalised.removed_spans,
        rejects_frame([]),
        analysis=analysis,
    )


def _count(wh: Warehouse, table: str) -> int:
    return wh.query(f"select count(*) as n from {table}")["n"][0]  # fully fetched, unlike scalar()


def _full_scan(wh: Warehouse, band_keys: list[int]) -> pl.DataFrame:
    """The candidates as the read did before the band-key table: unnest every stored signature."""
    wanted = pl.DataFrame({"band_key": sorted(set(band_keys))}, schema={"band_key": pl.UInt64})
    sql = """
        select s.article_id, s.signature, s.band_keys,
               coalesce(d.duplicate_group_id, s.article_id) as duplicate_group_id
        from article_signatures as s
        join articles using (document_id)
        left join near_duplicates as d on d.article_id = s.article_id
        where s.document_id in (
            select document_id from article_signatures, unnest(band_keys) as keys(band_key)
            where band_key in (select band_key from wanted_bands)
        )
        order by articles.loaded_at, s.article_id
    """
    cursor = wh.con.cursor()
    cursor.register("wanted_bands", wanted)
    try:
        return cursor.sql(sql).pl()
    finally:
        cursor.close()


def _copies(rng: random.Random) -> list[str]:
    """Texts, and near-copies of some of them (one word changed)."""
    texts = [_text(i, rng) for i in range(12)]
    return texts + [t.replace("council", "councils", 1) for t in texts[:4]]


def test_the_band_key_table_gives_the_candidates_of_a_full_scan(tmp_path) -> None:
    rng = random.Random(5)
    texts = _copies(rng)
    with Warehouse(tmp_path / "news.duckdb") as wh:
        for start in range(0, len(texts), 5):
            wh.load_batch(_signature_batch(texts[start : start + 5]))
        n_signatures = _count(wh, "article_signatures")
        assert _count(wh, "signature_bands") == N_BANDS * n_signatures
        wh.load_batch(_signature_batch(texts[:5]))  # the same batch again: nothing added
        assert _count(wh, "signature_bands") == N_BANDS * n_signatures
        probe = signatures_frame(
            normalise_batch(
                [ParsedDocument("p", "file:///p.txt", parse_text_article(texts[0].replace("budget", "budgets", 1)))]
            ).articles
        )
        keys = probe["band_keys"].explode().to_list()
        found = wh.signatures_sharing_bands(keys)
        assert found.equals(_full_scan(wh, keys))
        assert 0 < found.height < n_signatures
        other = [int(k) for k in range(1, 40)]  # band keys no stored signature has
        assert wh.signatures_sharing_bands(other).is_empty()


def test_a_warehouse_from_before_the_tables_gets_them(tmp_path) -> None:
    rng = random.Random(6)
    path = tmp_path / "news.duckdb"
    known = _known(rng, 50)
    with _with_entities(path, known) as wh:
        wh.load_batch(_signature_batch(_copies(rng)))
        n_bands = _count(wh, "signature_bands")
        keys = wh.query("select * exclude (load_id) from entity_name_keys order by all")
    con = duckdb.connect(str(path))  # as the warehouse was at migration 010
    con.execute("drop table entity_name_keys; drop table pending_backfills; drop table signature_bands")
    con.execute("delete from schema_migrations where version in (11, 12)")
    con.close()
    with Warehouse(path) as wh:
        assert _count(wh, "signature_bands") == n_bands > 0
        assert wh.backfill_pending("entity_name_keys")
        assert _count(wh, "entity_name_keys") == 0
        wh.backfill_entity_name_keys(entity_name_keys(wh.known_entities()))  # what the next enrich does
        assert not wh.backfill_pending("entity_name_keys")
        assert wh.query("select * exclude (load_id) from entity_name_keys order by all").equals(keys)
    assert (ROOT / "sql" / "migrations" / "011_entity_name_keys.sql").exists()


OLD_STORY_CANDIDATES = """
select distinct stored.story_id, stored.link_group_id, stored.article_id, stored.event_at, stored.is_dated,
       stored.language, stored.entity_ids, stored.terms
from story_articles as stored
join batch_story_features as batch
    on stored.event_at between batch.event_at - $window and batch.event_at + $window
where len(list_intersect(stored.entity_ids, batch.entity_ids)) >= $min_shared
order by stored.article_id
"""


def _story_rows(rng: random.Random, n: int, prefix: str) -> pl.DataFrame:
    """Story articles over 60 days (some exactly on a day boundary) naming 1-6 of 30 entities."""
    base = datetime(2022, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        at = (
            base + timedelta(days=rng.randrange(60))
            if rng.random() < 0.3
            else base + timedelta(seconds=rng.randrange(60 * 86400))
        )
        entities = sorted({f"e{rng.randrange(30)}" for _ in range(rng.randint(1, 6))})
        rows.append((f"{prefix}{i:04d}", at, entities))
    return pl.DataFrame(
        rows,
        schema={"article_id": pl.String, "event_at": pl.Datetime("us", "UTC"), "entity_ids": pl.List(pl.String)},
        orient="row",
    )


@pytest.mark.parametrize(("window_days", "min_shared"), [(3, 2), (1, 1), (7, 3), (3, 0)])
def test_the_story_entity_table_gives_the_candidates_of_the_range_join(tmp_path, window_days, min_shared) -> None:
    rng = random.Random(window_days * 10 + min_shared)
    stored = _story_rows(rng, 600, "s").with_columns(
        pl.col("article_id").alias("story_id"),
        pl.col("article_id").alias("link_group_id"),
        pl.lit("doc").alias("document_id"),
        pl.lit(True).alias("is_dated"),
        pl.lit("en").alias("language"),
        pl.lit(["term"]).alias("terms"),
        pl.lit(None, pl.Float64).alias("similarity"),
        pl.lit(True).alias("is_opener"),
        pl.lit("l0").alias("load_id"),
    )
    batch = _story_rows(rng, 40, "b")
    window = timedelta(days=window_days)
    path = tmp_path / "news.duckdb"
    with Warehouse(path) as wh:
        wh.con.register("stored", stored)
        wh.con.execute("insert into story_articles by name select * from stored")
        wh.con.unregister("stored")
    con = duckdb.connect(str(path))  # the entity table as migration 013 fills it from story_articles
    con.execute("drop table story_article_entities")
    con.execute("delete from schema_migrations where version = 13")
    con.close()
    with Warehouse(path) as wh:
        found = wh.story_candidates(batch, window, min_shared)
        cursor = wh.con.cursor()
        cursor.register("batch_story_features", batch)
        expected = cursor.sql(OLD_STORY_CANDIDATES, params={"window": window, "min_shared": min_shared}).pl()
        cursor.close()
    assert found.equals(expected)
    assert 0 < found.height < stored.height or min_shared == 0


def _derived(wh: Warehouse) -> tuple[list[tuple], list[tuple]]:
    entities = wh.query("select distinct unnest(entity_ids), article_id, event_at from story_articles order by all")
    stored = wh.query("select entity_id, article_id, event_at from story_article_entities order by all")
    return stored.rows(), entities.rows()


def test_the_loads_keep_the_derived_tables_in_step(tmp_path) -> None:
    edited = [(uri, text + "\nThe alliance met again on Friday to discuss the response.\n") for uri, text in LOAD_SEEDS]
    with Warehouse(tmp_path / "news.duckdb") as wh:
        wh.upsert_sources(source_registry())
        for inputs, story in ((LOAD_SEEDS, "s1"), (LOAD_SEEDS, "s1"), (edited, "s2")):
            batch = load_batch_of(inputs, story=story)
            assert batch.analysis is not None
            keys = entity_name_keys(batch.analysis.entities)
            wh.load_batch(replace(batch, analysis=replace(batch.analysis, entity_name_keys=keys)))
            stored, expected = _derived(wh)
            assert stored == expected != []
            assert _count(wh, "signature_bands") == N_BANDS * _count(wh, "article_signatures")
            known = entity_name_keys(wh.known_entities()).drop("n_blocks")
            assert wh.query("select * exclude (load_id, n_blocks) from entity_name_keys order by all").equals(
                known.sort(pl.all())
            )
        assert _count(wh, "article_versions") == _count(wh, "article_signatures") == 4  # edited: new versions
