"""The analysis steps of a batch, between normalise and load.

`annotate` (on the task runner, like normalise): what each article says on its own — mentions
of people, organisations and places, quotes with their speakers, a MinHash signature.
`enrich` (in the writer, just before the batch is loaded): what needs the warehouse — only the
articles that make a new version, their entities merged with the known ones, the earlier
articles they copy, and the story each one joins or opens among the stories near it in time.
The rows are loaded in the batch's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from transforms.entities import mentions_frame, resolve_entities
from transforms.near_duplicates import near_duplicates, signatures_frame
from transforms.normalise import NormalisedBatch
from transforms.quotes import quotes_frame
from transforms.speakers import speaker_entities
from transforms.stories import FeatureFrequencies, assign_stories, entity_kinds, neighbour_window, story_features
from warehouse import AnalysisFrames, Warehouse


@dataclass(frozen=True)
class Annotations:
    """A batch's per-article analysis, before the warehouse is asked anything."""

    mentions: pl.DataFrame
    quotes: pl.DataFrame
    signatures: pl.DataFrame

    def of(self, article_ids: pl.Series) -> Annotations:
        keep = pl.col("article_id").is_in(article_ids.implode())
        return Annotations(self.mentions.filter(keep), self.quotes.filter(keep), self.signatures.filter(keep))


@task(name="annotate", cache_policy=NO_CACHE)
def annotate(normalised: NormalisedBatch) -> Annotations:
    articles = normalised.articles.unique("article_id", keep="last", maintain_order=True)
    return Annotations(mentions_frame(articles), quotes_frame(articles), signatures_frame(articles))


@task(name="enrich", cache_policy=NO_CACHE)
def enrich(articles: pl.DataFrame, documents: pl.DataFrame, annotations: Annotations, wh: Warehouse) -> AnalysisFrames:
    """A batch's articles, documents (fetch times) and annotations -> its analysis rows."""
    fresh = wh.changed_articles(articles)
    own = annotations.of(fresh["article_id"])
    # a batch with nothing new (a re-run) has no entity to merge: skip reading and indexing them all
    known_entities = wh.known_entities(limit=None if fresh.height else 0)
    mentions, entities = resolve_entities(own.mentions, known_entities)
    quotes = speaker_entities(own.quotes, mentions)
    copies = near_duplicates(own.signatures,
                             wh.signatures_sharing_bands(own.signatures["band_keys"].explode().to_list()))

    features = story_features(fresh, documents, mentions)
    window = neighbour_window(features)
    frequencies = FeatureFrequencies(*wh.feature_frequencies(features["entity_ids"].explode().drop_nulls().to_list(),
                                                             features["terms"].explode().drop_nulls().to_list()))
    assigned = assign_stories(features, wh.story_neighbours(*window) if window else None, frequencies,
                              entity_kinds(known_entities, mentions))
    return AnalysisFrames(quotes=quotes, mentions=mentions, entities=entities, signatures=own.signatures,
                          near_duplicates=copies, story_articles=features.join(assigned, on="article_id"))
