"""The analysis steps of a batch, between normalise and load.

`annotate` (on the task runner, like normalise): what each article says on its own — mentions
of people, organisations and places, quotes with their speakers, a MinHash signature.
`enrich` (in the writer, just before the batch is loaded): what needs the warehouse — only the
articles that make a new version, their entities merged with the known ones, the earlier
articles they copy, and the story each one joins or opens among the stories near it in time.
The rows are loaded in the batch's transaction.
"""

from __future__ import annotations

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.page_workers import PoolKey, run_in
from transforms.analysis.annotations import Annotations, annotations_of
from transforms.analysis.entities import resolve_entities
from transforms.analysis.near_duplicates import near_duplicates
from transforms.analysis.speakers import speaker_entities
from transforms.analysis.stories import (
    FeatureFrequencies,
    assign_stories,
    entity_kinds,
    neighbour_window,
    story_features,
)
from transforms.frames.normalise import NormalisedBatch
from warehouse import AnalysisFrames, Warehouse


@task(name="annotate", cache_policy=NO_CACHE)
def annotate(normalised: NormalisedBatch, offload_to: PoolKey | None = None) -> Annotations:
    """Mentions, quotes, signatures and terms of a batch's articles; in a worker of the shared page pool
    `offload_to` names, else in this thread."""
    return run_in(offload_to, annotations_of, normalised.articles)


@task(name="enrich", cache_policy=NO_CACHE)
def enrich(articles: pl.DataFrame, documents: pl.DataFrame, annotations: Annotations, wh: Warehouse) -> AnalysisFrames:
    """A batch's articles, documents (fetch times) and annotations -> its analysis rows."""
    fresh = wh.changed_articles(articles)
    own = annotations.of(fresh["article_id"])
    # a batch with nothing new (a re-run) has no entity to merge: skip reading and indexing them all
    known_entities = wh.known_entities(limit=None if fresh.height else 0)
    mentions, entities = resolve_entities(own.mentions, known_entities)
    quotes = speaker_entities(own.quotes, mentions)
    copies = near_duplicates(
        own.signatures, wh.signatures_sharing_bands(own.signatures["band_keys"].explode().to_list())
    )

    features = story_features(fresh, documents, mentions, own.terms)
    window = neighbour_window(features)
    frequencies = FeatureFrequencies(
        *wh.feature_frequencies(
            features["entity_ids"].explode().drop_nulls().to_list(), features["terms"].explode().drop_nulls().to_list()
        )
    )
    assigned = assign_stories(
        features, wh.story_neighbours(*window) if window else None, frequencies, entity_kinds(known_entities, mentions)
    )
    return AnalysisFrames(
        quotes=quotes,
        mentions=mentions,
        entities=entities,
        signatures=own.signatures,
        near_duplicates=copies,
        story_articles=features.join(assigned, on="article_id"),
    )
