"""Quote speakers as entities: the entity each quote's speaker names, told from the mentions of
the same article ("Stoltenberg" is the "Jens Stoltenberg" named earlier), else from the alias
table. A speaker found through a pronoun links only to an entity of a kind the pronoun can stand
for: a person or an organisation, never a place, and never one the name itself contradicts (a
person's name is no organisation's). Pure: DataFrames in, DataFrame out."""

from __future__ import annotations

import polars as pl

from transforms.analysis.entities import Mention, entity_for_name
from transforms.analysis.speaker_names import kind

MENTION_FIELDS = ("mention_text", "start_char", "end_char", "kind", "entity_id", "entity_name", "method")
PRONOUN_KINDS = frozenset({"person", "organisation"})  # he/she: a person; it/they: an organisation or group


def _mentions_by_article(mentions: pl.DataFrame) -> dict[str, list[Mention]]:
    by_article: dict[str, list[Mention]] = {}
    for row in mentions.select("article_id", *MENTION_FIELDS).iter_rows(named=True):
        by_article.setdefault(row.pop("article_id"), []).append(Mention(**row))
    return by_article


def _compatible(speaker: str, entity_kind: str) -> bool:
    """Whether a speaker found through a pronoun may be an entity of this kind."""
    if entity_kind not in PRONOUN_KINDS:
        return False
    said = kind(speaker, False, False, frozenset())
    return said not in PRONOUN_KINDS or said == entity_kind


def speaker_entities(quotes: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """quotes[article_id, speaker, speaker_method, ...] + speaker_entity_id (null when the speaker is no
    known entity, or, for a pronoun, no entity of a compatible kind)."""
    by_article = _mentions_by_article(mentions)
    ids = []
    methods = quotes.get_column("speaker_method") if "speaker_method" in quotes.columns else None
    for k, (article_id, speaker) in enumerate(quotes.select("article_id", "speaker").iter_rows()):
        article = by_article.get(article_id, [])
        entity = entity_for_name(speaker, article) if speaker else None
        if entity is not None and methods is not None and methods[k] == "pronoun":
            kinds = {m.kind for m in article if m.entity_id == entity[0]} or {entity[0].split(":", 1)[0]}
            if not all(_compatible(speaker, entity_kind) for entity_kind in kinds):
                entity = None
        ids.append(entity[0] if entity else None)
    return quotes.with_columns(pl.Series("speaker_entity_id", ids, dtype=pl.String))
