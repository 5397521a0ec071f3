"""Story features for the story tests: one article's row of `stories.FEATURES_SCHEMA`, a frame of
them, and the two cosines a link weighs (names, words)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from transforms.analysis import stories

DAY = datetime(2022, 1, 28, 12, tzinfo=UTC)


def story_article(
    article_id: str,
    entities: list[str],
    terms: list[str],
    day: float = 0,
    language: str = "en",
    is_dated: bool = True,
) -> dict:
    return {
        "article_id": article_id,
        "event_at": DAY + timedelta(days=day),
        "is_dated": is_dated,
        "language": language,
        "entity_ids": entities,
        "terms": terms,
    }


def story_frame(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=stories.FEATURES_SCHEMA, orient="row")


def link_cosines(a: dict, b: dict) -> tuple[float, float]:
    """(names, words) cosines of two articles, weighed as the links weigh them."""
    pa, pb = stories._profile(a, None), stories._profile(b, None)
    return (
        stories._cosine(pa.entities, pb.entities, pa.entity_norm, pb.entity_norm),
        stories._cosine(pa.terms, pb.terms, pa.term_norm, pb.term_norm),
    )
