"""The story assignment before issue 17, kept as the benchmark's baseline (bench/stories.py).

Greedy and incremental: each new article, in order of event time, joins the known or just-opened
story whose centroid it is most similar to, with rarity (IDF) weights counted over the articles
assigned so far; so the partition depends on the load order and the batch size. Copied from
transforms/analysis/stories.py as of 019e65a (the schema constants inlined); not used by the
pipeline.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import polars as pl

WINDOW = timedelta(days=3)
MIN_SIMILARITY = 0.3
MIN_SHARED_ENTITIES = 2
ENTITY_SHARE = 0.6
PRIOR_ARTICLES = 50
PLACE_KINDS = frozenset({"place", "location", "loc", "gpe", "country", "city"})
KIND_WEIGHTS = {"person": 1.0, "per": 1.0, "organisation": 1.0, "organization": 1.0, "org": 1.0}
PLACE_WEIGHT = 0.35
OTHER_WEIGHT = 0.7
FEATURES = ("article_id", "event_at", "language", "entity_ids", "terms")
ASSIGNMENT_SCHEMA = {"article_id": pl.String, "story_id": pl.String, "similarity": pl.Float64, "is_opener": pl.Boolean}


@dataclass(frozen=True)
class FeatureFrequencies:
    """How many articles already assigned to stories carry each entity and term."""

    n_articles: int = 0
    entities: Mapping[str, int] = field(default_factory=dict)
    terms: Mapping[str, int] = field(default_factory=dict)


@dataclass
class _Story:
    story_id: str
    first_at: datetime
    last_at: datetime
    n_articles: int = 0
    languages: set[str] = field(default_factory=set)
    entities: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)

    def add(self, event_at: datetime, language: str | None, entities: set[str], terms: set[str]) -> None:
        self.first_at, self.last_at = min(self.first_at, event_at), max(self.last_at, event_at)
        self.n_articles += 1
        self.languages.add(language or "")
        self.entities.update(entities)
        self.terms.update(terms)

    def in_window(self, event_at: datetime) -> bool:
        return self.first_at - WINDOW <= event_at <= self.last_at + WINDOW


def story_id_for(article_id: str) -> str:
    """The id of the story an article opened."""
    return hashlib.sha256(f"story:{article_id}".encode()).hexdigest()[:32]


def kind_weight(kind: str | None) -> float:
    kind = (kind or "").casefold()
    return PLACE_WEIGHT if kind in PLACE_KINDS else KIND_WEIGHTS.get(kind, OTHER_WEIGHT)


def _idf(n_articles: int, frequency: int) -> float:
    return math.log((n_articles + PRIOR_ARTICLES) / (frequency + 1))


def _cosine(features: set[str], weight: Mapping[str, float], centroid: Counter[str], n_members: int) -> float:
    """Cosine between an article's weighted features and a story's mean (weights × share of members)."""
    shared = features & centroid.keys()
    if not shared:
        return 0.0
    dot = sum(weight[f] ** 2 * centroid[f] / n_members for f in shared)
    article_norm = math.sqrt(sum(weight[f] ** 2 for f in features))
    story_norm = math.sqrt(sum((weight[f] * count / n_members) ** 2 for f, count in centroid.items()))
    return dot / (article_norm * story_norm)


class _Weights(dict):
    """feature -> weight, computed on first use from frequencies and kinds."""

    def __init__(self, n_articles: int, frequencies: Mapping[str, int], kinds: Mapping[str, str] | None) -> None:
        super().__init__()
        self.n_articles, self.frequencies, self.kinds = n_articles, frequencies, kinds

    def __missing__(self, feature: str) -> float:
        value = _idf(self.n_articles, self.frequencies.get(feature, 0))
        if self.kinds is not None:
            value *= kind_weight(self.kinds.get(feature))
        self[feature] = value
        return value


def _rows(frame: pl.DataFrame) -> list[dict]:
    return frame.select(list(FEATURES) + (["story_id"] if "story_id" in frame.columns else [])).to_dicts()


def assign_stories(
    new: pl.DataFrame, known: pl.DataFrame | None, frequencies: FeatureFrequencies, kinds: Mapping[str, str]
) -> pl.DataFrame:
    """new[article_id, event_at, language, entity_ids, terms] -> [article_id, story_id, similarity, is_opener].

    `known` holds the articles of existing stories near the batch in time (with `story_id`), if any;
    `frequencies` counts features over the articles already assigned; `kinds` maps entity ids to
    their kind (person, organisation, place, ...). `similarity` is null for an article that
    opened its story.
    """
    new_rows = sorted(_rows(new), key=lambda r: (r["event_at"], r["article_id"]))
    entity_counts = Counter(frequencies.entities)
    term_counts = Counter(frequencies.terms)
    for row in new_rows:
        entity_counts.update(set(row["entity_ids"] or ()))
        term_counts.update(set(row["terms"] or ()))
    n_articles = frequencies.n_articles + len(new_rows)
    entity_weight = _Weights(n_articles, entity_counts, kinds)
    term_weight = _Weights(n_articles, term_counts, None)

    stories: dict[str, _Story] = {}
    by_entity: dict[str, set[str]] = {}

    def add(story_id: str, row: dict, entities: set[str], terms: set[str]) -> None:
        story = stories.setdefault(story_id, _Story(story_id, row["event_at"], row["event_at"]))
        story.add(row["event_at"], row["language"], entities, terms)
        for entity in entities:
            by_entity.setdefault(entity, set()).add(story_id)

    for row in _rows(known) if known is not None else ():
        add(row["story_id"], row, set(row["entity_ids"] or ()), set(row["terms"] or ()))

    out = []
    for row in new_rows:
        entities, terms = set(row["entity_ids"] or ()), set(row["terms"] or ())
        best: tuple[float, str] | None = None
        for story_id in sorted({s for e in entities for s in by_entity.get(e, ())}):
            story = stories[story_id]
            score = _similarity(row, entities, terms, story, entity_weight, term_weight, kinds)
            if score is not None and (best is None or score > best[0]):
                best = (score, story_id)
        if best is None:
            story_id = story_id_for(row["article_id"])
            out.append({"article_id": row["article_id"], "story_id": story_id, "similarity": None, "is_opener": True})
        else:
            story_id = best[1]
            out.append(
                {
                    "article_id": row["article_id"],
                    "story_id": story_id,
                    "similarity": round(best[0], 4),
                    "is_opener": False,
                }
            )
        add(story_id, row, entities, terms)
    return pl.DataFrame(out, schema=ASSIGNMENT_SCHEMA, orient="row")


def _similarity(
    row: dict,
    entities: set[str],
    terms: set[str],
    story: _Story,
    entity_weight: _Weights,
    term_weight: _Weights,
    kinds: Mapping[str, str],
) -> float | None:
    """The article's similarity to the story, or None when it may not join it."""
    if not story.in_window(row["event_at"]):
        return None
    shared = entities & story.entities.keys()
    if len(shared) < MIN_SHARED_ENTITIES or all((kinds.get(e) or "").casefold() in PLACE_KINDS for e in shared):
        return None
    score = _cosine(entities, entity_weight, story.entities, story.n_articles)
    if (row["language"] or "") in story.languages:
        score = ENTITY_SHARE * score + (1 - ENTITY_SHARE) * _cosine(terms, term_weight, story.terms, story.n_articles)
    return score if score >= MIN_SIMILARITY else None


def load_in_batches(batches: list[list[dict]], kinds: Mapping[str, str]) -> dict[str, str]:
    """article_id -> story_id as the flow before issue 17 gave them: batches of rows (FEATURES
    dicts) in load order, each against the stories near it in time and the frequencies of all the
    articles assigned before it."""
    assigned: list[dict] = []
    entity_counts: Counter[str] = Counter()
    term_counts: Counter[str] = Counter()
    for rows in batches:
        batch = pl.DataFrame(rows)
        earliest, latest = batch["event_at"].min(), batch["event_at"].max()
        known = [r for r in assigned if earliest - WINDOW <= r["event_at"] <= latest + WINDOW]  # type: ignore[operator]
        known_frame = pl.DataFrame(known) if known else None
        frequencies = FeatureFrequencies(len(assigned), dict(entity_counts), dict(term_counts))
        result = assign_stories(batch, known_frame, frequencies, kinds)
        story_of = dict(zip(result["article_id"], result["story_id"], strict=True))
        for row in batch.to_dicts():
            assigned.append(row | {"story_id": story_of[row["article_id"]]})
            entity_counts.update(set(row["entity_ids"] or ()))
            term_counts.update(set(row["terms"] or ()))
    return {r["article_id"]: r["story_id"] for r in assigned}
