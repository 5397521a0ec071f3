"""The `enrich` task: the analysis rows of a batch, built between normalise and load.

For the batch's articles that make a new version: mentions of people, organisations and places
(merged with the entities the warehouse knows), quotes with their speakers, MinHash signatures
and the earlier articles they copy, and the story each article joins or opens. It reads what
earlier batches left in the warehouse (entities, signatures, stories near in time), so it runs
in the writer, just before its batch is loaded; the rows are loaded in the batch's transaction.
"""

from __future__ import annotations

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from transforms.entities import mentions_frame, resolve_entities
from transforms.near_duplicates import near_duplicates, signatures_frame
from transforms.quotes import quotes_frame
from transforms.speakers import speaker_entities
from transforms.stories import FeatureFrequencies, assign_stories, entity_kinds, neighbour_window, story_features
from warehouse import AnalysisFrames, Warehouse


@task(name="enrich", cache_policy=NO_CACHE)
def enrich(articles: pl.DataFrame, documents: pl.DataFrame, wh: Warehouse) -> AnalysisFrames:
    """A batch's normalised articles and its documents (fetch times) -> its analysis rows."""
    fresh = wh.changed_articles(articles)
    known_entities = wh.known_entities()
    mentions, entities = resolve_entities(mentions_frame(fresh), known_entities)
    quotes = speaker_entities(quotes_frame(fresh), mentions)

    signatures = signatures_frame(fresh)
    copies = near_duplicates(signatures, wh.signatures_sharing_bands(signatures["band_keys"].explode().to_list()))

    features = story_features(fresh, documents, mentions)
    window = neighbour_window(features)
    frequencies = FeatureFrequencies(*wh.feature_frequencies(features["entity_ids"].explode().drop_nulls().to_list(),
                                                             features["terms"].explode().drop_nulls().to_list()))
    assigned = assign_stories(features, wh.story_neighbours(*window) if window else None, frequencies,
                              entity_kinds(known_entities, mentions))
    return AnalysisFrames(quotes=quotes, mentions=mentions, entities=entities, signatures=signatures,
                          near_duplicates=copies, story_articles=features.join(assigned, on="article_id"))
