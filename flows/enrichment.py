"""The analysis steps of a batch, between normalise and load.

`annotate` (on the task runner, like normalise): what each article says on its own — mentions
of people, organisations and places, quotes with their speakers, a MinHash signature.
`enrich` (in the writer, just before the batch is loaded): what needs the warehouse — only the
articles that make a new version, their entities merged with the known ones, the earlier
articles they copy, and their stories: re-clustered with the stored stories they link to, so that
the stories are a function of the set of articles (transforms/analysis/stories.py).
The rows are loaded in the batch's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.page_workers import bounded
from flows.settings import Settings
from flows.stages import Normalised, stage_pool, used_by
from transforms.analysis.annotations import Annotations, annotations_of
from transforms.analysis.entities import resolve_entities
from transforms.analysis.entity_keys import close_block_names, entity_name_keys, similarity_bounds, wanted_names
from transforms.analysis.near_duplicates import near_duplicates
from transforms.analysis.speakers import speaker_entities
from transforms.analysis.stories import (
    MIN_SHARED_ENTITIES,
    STORED_SCHEMA,
    WINDOW,
    linked_group_ids,
    recluster,
    story_features,
)
from transforms.documents.outcomes import stopped_reject
from transforms.frames.ledger import Reject
from transforms.frames.schemas import ARTICLES, ENTITIES
from warehouse import AnalysisFrames, Warehouse


@dataclass(frozen=True)
class Annotated:
    """A batch's annotations, and the documents annotate stopped (their rejects: their articles are not loaded)."""

    annotations: Annotations
    rejects: list[Reject]


def _take_rows(articles: pl.DataFrame, indexes: list[int]) -> pl.DataFrame:
    return articles[indexes]


def _merge_annotations(parts: list[Annotations]) -> Annotations:
    if not parts:
        return annotations_of(pl.DataFrame(schema=ARTICLES))
    return Annotations(
        *(pl.concat([getattr(p, name) for p in parts], how="vertical") for name in Annotations.__dataclass_fields__)
    )


@task(name="annotate", cache_policy=NO_CACHE)
def annotate(normalised: Normalised, settings: Settings) -> Annotated:
    """Mentions, quotes, signatures and terms of a batch's articles, in a page worker with the
    per-document limit (`flows.page_workers.bounded`)."""
    articles = normalised.batch.articles.unique("article_id", keep="last", maintain_order=True)
    if not articles.height:
        return Annotated(annotations_of(articles), [])
    done = bounded(
        stage_pool(settings),
        settings.extract_timeout,
        annotations_of,
        articles,
        articles.height,
        _take_rows,
        _merge_annotations,
        used_by(normalised.spent, normalised.started_at, articles["document_id"].to_list()),
    )
    uris, ids = articles["uri"].to_list(), articles["document_id"].to_list()
    return Annotated(done.value, [stopped_reject(uris[i], ids[i], "annotate", out) for i, out in done.stopped])


def entities_to_resolve_against(wh: Warehouse, mentions: pl.DataFrame) -> pl.DataFrame:
    """The known entities a batch's mentions can resolve to: the names of their fuzzy blocks read, the
    close ones picked by the resolver's rules, then the entities with those names, the batch's own ids
    and the same folded names (transforms/analysis/entity_keys.py)."""
    if mentions.is_empty():  # nothing to resolve (an unchanged batch): no read
        return pl.DataFrame(schema=ENTITIES)
    wanted = wanted_names(mentions)
    close = close_block_names(wanted, wh.entity_block_names(wanted, similarity_bounds()))
    return wh.entities_by_name_keys(wanted, close, mentions["entity_id"].unique().to_list())


@task(name="enrich", cache_policy=NO_CACHE)
def enrich(articles: pl.DataFrame, documents: pl.DataFrame, annotations: Annotations, wh: Warehouse) -> AnalysisFrames:
    """A batch's articles, documents (fetch times) and annotations -> its analysis rows."""
    fresh = wh.changed_articles(articles)
    own = annotations.of(fresh["article_id"])
    # only the known entities the batch's names can resolve to: by id, name key and fuzzy block
    if wh.backfill_pending("entity_name_keys"):  # a warehouse from before migration 011
        wh.backfill_entity_name_keys(entity_name_keys(wh.known_entities()))
    mentions, entities = resolve_entities(own.mentions, entities_to_resolve_against(wh, own.mentions))
    quotes = speaker_entities(own.quotes, mentions)
    copies = near_duplicates(
        own.signatures, wh.signatures_sharing_bands(own.signatures["band_keys"].explode().to_list())
    )

    # stories from each article's own mentions (merging them with the known entities depends on
    # what was loaded first): the new articles with every stored link group one of them links to,
    # and the groups their earlier versions were in, clustered again
    features = story_features(fresh, documents, own.mentions, own.terms)
    if features.height:
        candidates = wh.story_candidates(features, WINDOW, MIN_SHARED_ENTITIES)
        affected = wh.story_members(linked_group_ids(features, candidates), features["article_id"].to_list())
    else:  # nothing changed: no candidate, no group to read (both reads would return no rows)
        affected = pl.DataFrame(schema=STORED_SCHEMA)
    stories = recluster(features, affected)
    return AnalysisFrames(
        quotes=quotes,
        mentions=mentions,
        entities=entities,
        signatures=own.signatures,
        near_duplicates=copies,
        story_articles=stories,
        entity_name_keys=entity_name_keys(entities),
    )
