"""Quote speakers as entities: the entity each quote's speaker names, told from the mentions of
the same article ("Stoltenberg" is the "Jens Stoltenberg" named earlier), else from the alias
table. Pure: DataFrames in, DataFrame out."""

from __future__ import annotations

import polars as pl

from transforms.analysis.entities import Mention, entity_for_name

MENTION_FIELDS = ("mention_text", "start_char", "end_char", "kind", "entity_id", "entity_name", "method")


def _mentions_by_article(mentions: pl.DataFrame) -> dict[str, list[Mention]]:
    by_article: dict[str, list[Mention]] = {}
    for row in mentions.select("article_id", *MENTION_FIELDS).iter_rows(named=True):
        by_article.setdefault(row.pop("article_id"), []).append(Mention(**row))
    return by_article


def speaker_entities(quotes: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """quotes[article_id, speaker, ...] + speaker_entity_id (null when the speaker is no known entity)."""
    by_article = _mentions_by_article(mentions)
    ids = []
    for article_id, speaker in quotes.select("article_id", "speaker").iter_rows():
        entity = entity_for_name(speaker, by_article.get(article_id, [])) if speaker else None
        ids.append(entity[0] if entity else None)
    return quotes.with_columns(pl.Series("speaker_entity_id", ids, dtype=pl.String))
