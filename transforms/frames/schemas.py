"""The columns and Polars dtypes of every frame loaded into the warehouse, declared once.

One schema per table a frame is loaded into (`sql/migrations/`), named after it, its columns in
the order the frame has them. The load statement (`sql/load/<table>.sql`) adds what the frame
does not carry: load_id, loaded_at, an article's version, the document_id of analysis rows (the
version they belong to), a reject's first and last sightings. `tests/transforms/frames/
test_schemas.py` holds each schema against its table's DDL and against the frames the code makes.
Pure: polars only.
"""

from __future__ import annotations

import polars as pl

TEXT = pl.String()
TEXTS = pl.List(pl.String())
INSTANT = pl.Datetime("us", "UTC")

# one row per article of a batch (transforms/frames/normalise.py); also loaded into article_versions
ARTICLES = pl.Schema(
    {
        "document_id": TEXT,
        "uri": TEXT,
        "article_id": TEXT,
        "title": TEXT,
        "title_source": TEXT,
        "authors": TEXTS,
        "agencies": TEXTS,
        "editor_initials": TEXTS,
        "photo_credits": TEXTS,
        "captions": TEXTS,
        "author_roles": TEXTS,
        "author_emails": TEXTS,
        "credit_organisations": TEXTS,
        "publisher": TEXT,
        "dateline_place": TEXT,
        "dateline_agency": TEXT,
        "section": TEXT,
        "section_slug": TEXT,
        "url": TEXT,
        "site_name": TEXT,
        "site_host": TEXT,
        "description": TEXT,
        "image_url": TEXT,
        "page_language": TEXT,
        "categories": TEXTS,
        "tags": TEXTS,
        "extractor": TEXT,
        "published_at": INSTANT,
        "published_at_source": TEXT,
        "published_at_precision": TEXT,
        "published_local_date": pl.Date(),
        "published_utc_offset": pl.Int32(),
        "modified_at": INSTANT,
        "modified_at_source": TEXT,
        "modified_at_precision": TEXT,
        "seen_at": INSTANT,
        "seen_at_source": TEXT,
        "seen_at_precision": TEXT,
        "body_text": TEXT,
        "n_blocks": pl.Int32(),
        "deck": TEXTS,
        "n_removed_spans": pl.Int32(),
        "n_words": pl.Int32(),
        "content_hash": TEXT,
        "n_mojibake": pl.Int32(),
        "language": TEXT,
        "language_score": pl.Float64(),
        "source_id": TEXT,
        "source_domain": TEXT,
        "is_syndicated": pl.Boolean(),
        "pipeline_version": TEXT,
    }
)
ARTICLE_BLOCKS = pl.Schema(
    {
        "document_id": TEXT,
        "article_id": TEXT,
        "block_index": pl.Int32(),
        "kind": TEXT,
        "text": TEXT,
        "start_offset": pl.Int64(),
        "end_offset": pl.Int64(),
    }
)
REMOVED_SPANS = pl.Schema(
    {
        "document_id": TEXT,
        "article_id": TEXT,
        "span_index": pl.Int32(),
        "rule_id": TEXT,
        "category": TEXT,
        "text": TEXT,
        "start_offset": pl.Int64(),
        "end_offset": pl.Int64(),
        "fields": TEXT,  # a JSON object (the table's column is json)
    }
)
DATE_CANDIDATES = pl.Schema(
    {
        "document_id": TEXT,
        "article_id": TEXT,
        "candidate_index": pl.Int32(),
        "field": TEXT,
        "source": TEXT,
        "value": INSTANT,
        "precision": TEXT,
        "raw_text": TEXT,
        "is_chosen": pl.Boolean(),
        "drop_reason": TEXT,
    }
)
ARTICLE_DATES = pl.Schema(
    {
        "document_id": TEXT,
        "article_id": TEXT,
        "date_index": pl.Int32(),
        "phrase": TEXT,
        "kind": TEXT,
        "start_char": pl.Int32(),
        "end_char": pl.Int32(),
        "is_local_time": pl.Boolean(),
        "resolved_date": pl.Date(),
        "anchor": TEXT,
        "direction": TEXT,  # forward | backward | none (the anchor day itself); null when not resolved
        "cue": TEXT,  # the word or rule that decided the direction, or left it null
    }
)

# the ledger (transforms/frames/ledger.py) and the outlet registry (transforms/metadata/sources.py)
DOCUMENTS = pl.Schema(
    {
        "document_id": TEXT,
        "uri": TEXT,
        "kind": TEXT,
        "fetched_at": INSTANT,
        "encoding": TEXT,
        "n_bytes": pl.Int64(),
        "landing_path": TEXT,
        "status": TEXT,
        "origin": TEXT,
        "http_status": pl.Int32(),
        "content_type": TEXT,
        "final_url": TEXT,
        "etag": TEXT,
        "last_modified": TEXT,
        "sidecar_uris": TEXTS,
    }
)
REJECTS = pl.Schema(
    {
        "reject_id": TEXT,
        "uri": TEXT,
        "document_id": TEXT,
        "stage": TEXT,
        "reason": TEXT,
        "detail": TEXT,
    }
)
FETCH_STATE = pl.Schema(
    {  # LoadBatch.fetches
        "url": TEXT,
        "etag": TEXT,
        "last_modified": TEXT,
        "last_status": pl.Int32(),
        "last_reason": TEXT,
        "last_fetched_at": INSTANT,
    }
)
SOURCES = pl.Schema({"source_id": TEXT, "name": TEXT, "domain": TEXT, "aliases": TEXTS, "is_curated": pl.Boolean()})

# the analysis of a batch (transforms/analysis/, put together by flows/enrichment.py)
ENTITIES = pl.Schema({"entity_id": TEXT, "entity_name": TEXT, "kind": TEXT, "aliases": TEXTS})
# the name keys of the batch's new or changed entities (transforms/analysis/entity_keys.py)
ENTITY_NAME_KEYS = pl.Schema(
    {
        "entity_id": TEXT,
        "kind": TEXT,
        "exact_key": TEXT,
        "block": TEXT,
        "n_words": pl.Int32(),
        "match_len": pl.Int32(),
        "last_part": TEXT,
        "n_blocks": pl.Int32(),
    }
)
MENTIONS = pl.Schema(
    {
        "article_id": TEXT,
        "mention_index": pl.Int32(),
        "entity_id": TEXT,
        "entity_name": TEXT,  # not loaded: the entities table holds the name (see NOT_LOADED)
        "kind": TEXT,
        "mention_text": TEXT,
        "start_char": pl.Int32(),
        "end_char": pl.Int32(),
        "method": TEXT,
        "role": TEXT,
        "field": TEXT,
    }
)
QUOTES = pl.Schema(
    {
        "article_id": TEXT,
        "quote_index": pl.Int32(),
        "quote_text": TEXT,
        "speaker": TEXT,
        "speaker_method": TEXT,
        "verb": TEXT,
        "start_char": pl.Int32(),
        "end_char": pl.Int32(),
        "speaker_entity_id": TEXT,  # added by transforms/analysis/speakers.py, once the batch's entities are known
    }
)
ARTICLE_SIGNATURES = pl.Schema(
    {  # AnalysisFrames.signatures
        "article_id": TEXT,
        "signature": pl.List(pl.UInt64()),
        "band_keys": pl.List(pl.UInt64()),
    }
)
NEAR_DUPLICATES = pl.Schema(
    {
        "article_id": TEXT,
        "duplicate_of_article_id": TEXT,
        "similarity": pl.Float64(),
        "duplicate_group_id": TEXT,
    }
)
STORY_ARTICLES = pl.Schema(
    {  # an article's story features, then the story it was assigned to
        "article_id": TEXT,
        "event_at": INSTANT,
        "is_dated": pl.Boolean(),  # event_at is the publication time (else when the document was first seen)
        "language": TEXT,
        "entity_ids": TEXTS,
        "terms": TEXTS,
        "story_id": TEXT,
        "link_group_id": TEXT,  # the connected group of linked articles the story was cut from
        "similarity": pl.Float64(),
        "is_opener": pl.Boolean(),
    }
)


def subschema(schema: pl.Schema, *names: str) -> pl.Schema:
    """The named columns of `schema`, in the order given: the parts a loaded frame is made of."""
    return pl.Schema({name: schema[name] for name in names})


# table -> the schema of the frame loaded into it
SCHEMAS: dict[str, pl.Schema] = {
    "articles": ARTICLES,
    "article_versions": ARTICLES,
    "article_blocks": ARTICLE_BLOCKS,
    "removed_spans": REMOVED_SPANS,
    "date_candidates": DATE_CANDIDATES,
    "article_dates": ARTICLE_DATES,
    "documents": DOCUMENTS,
    "rejects": REJECTS,
    "fetch_state": FETCH_STATE,
    "sources": SOURCES,
    "entities": ENTITIES,
    "entity_name_keys": ENTITY_NAME_KEYS,
    "mentions": MENTIONS,
    "quotes": QUOTES,
    "article_signatures": ARTICLE_SIGNATURES,
    "near_duplicates": NEAR_DUPLICATES,
    "story_articles": STORY_ARTICLES,
}
# table -> the columns its frame carries that its load statement leaves out
NOT_LOADED: dict[str, frozenset[str]] = {"mentions": frozenset({"entity_name"})}
