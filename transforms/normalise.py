"""A batch of parsed articles -> normalised Polars frames for the warehouse.

Pure: dataclasses in, DataFrames out. Over the whole batch at once: Unicode NFC, whitespace,
body text assembled from the body blocks, `n_words`, `content_hash` (SHA-256 of the normalised
body), language (py3langid), and the canonical `source_id`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache

import polars as pl
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from transforms.mojibake import count_mojibake
from transforms.page_blocks import HtmlMetadata
from transforms.sources import UNKNOWN_SOURCE, source_aliases
from transforms.text_articles import BODY_KINDS, TextArticle

PIPELINE_VERSION = "0.1.0"
BLOCK_SEPARATOR = "\n\n"
# Whitespace other than newlines, including no-break and zero-width spaces, collapses to one space.
INLINE_WHITESPACE = r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+"
# Terminal escape sequences (ESC [ ... m) and C0/C1 control characters other than whitespace
# (ESC, BEL, NUL, ...) never reach the warehouse.
CONTROL_CHARACTERS = r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]"
LANGUAGE_SAMPLE_CHARS = 4000  # the language is told from the body's start; the rest adds cost, not accuracy
LIST_FIELDS = ("authors", "agencies", "editor_initials", "photo_credits", "captions")
TEXT_FIELDS = ("publisher", "dateline_place", "dateline_agency", "section", "section_slug")
# Page metadata (HTML inputs): column -> HtmlMetadata attribute.
PAGE_TEXT_FIELDS = {"url": "canonical_url", "site_name": "site_name", "site_host": "hostname",
                    "description": "description", "image_url": "image_url", "page_language": "language"}
PAGE_LIST_FIELDS = ("categories", "tags")
AUTHOR_SEPARATORS = r"\s*(?:;|,|\band\b|&)\s*"


@dataclass(frozen=True)
class ParsedDocument:
    """One parsed input, as the clean step hands it on."""

    document_id: str
    uri: str
    article: TextArticle
    metadata: HtmlMetadata | None = None  # HTML inputs: what the page says about itself
    extractor: str | None = None          # HTML inputs: whose blocks the article is made of


@dataclass(frozen=True)
class NormalisedBatch:
    articles: pl.DataFrame
    blocks: pl.DataFrame
    removed_spans: pl.DataFrame


def article_id_for(uri: str) -> str:
    """An article's stable id: the same place (path or URL) keeps its id across edits."""
    return hashlib.sha256(uri.encode("utf-8")).hexdigest()[:32]


def clean_text(column: str) -> pl.Expr:
    return (
        pl.col(column).str.normalize("NFC").str.replace_all(CONTROL_CHARACTERS, "")
        .str.replace_all(INLINE_WHITESPACE, " ").str.strip_chars()
    )


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sha256(texts: pl.Series) -> pl.Series:
    return pl.Series([hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts], dtype=pl.String)


def _language(texts: pl.Series) -> pl.Series:
    identify = _identifier().classify
    guesses = [identify(t[:LANGUAGE_SAMPLE_CHARS]) if t else (None, None) for t in texts]
    return pl.Series(
        [{"language": g[0], "language_score": g[1]} for g in guesses],
        dtype=pl.Struct({"language": pl.String, "language_score": pl.Float64}),
    )


def _blocks_frame(docs: list[ParsedDocument]) -> pl.DataFrame:
    rows = [
        {"document_id": d.document_id, "article_id": article_id_for(d.uri), "block_index": i, "kind": b.kind,
         "text": b.text, "start_offset": b.start, "end_offset": b.end}
        for d in docs for i, b in enumerate(d.article.blocks)
    ]
    schema = {"document_id": pl.String, "article_id": pl.String, "block_index": pl.Int32, "kind": pl.String,
              "text": pl.String, "start_offset": pl.Int64, "end_offset": pl.Int64}
    return pl.DataFrame(rows, schema=schema, orient="row").with_columns(clean_text("text"))


def _spans_frame(docs: list[ParsedDocument]) -> pl.DataFrame:
    rows = [
        {"document_id": d.document_id, "article_id": article_id_for(d.uri), "span_index": i, "rule_id": s.rule_id,
         "category": s.category, "text": s.text, "start_offset": s.start, "end_offset": s.end,
         "fields": json.dumps(s.fields, ensure_ascii=False)}
        for d in docs for i, s in enumerate(d.article.removed)
    ]
    schema = {"document_id": pl.String, "article_id": pl.String, "span_index": pl.Int32, "rule_id": pl.String,
              "category": pl.String, "text": pl.String, "start_offset": pl.Int64, "end_offset": pl.Int64,
              "fields": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row")


def _fields_frame(docs: list[ParsedDocument]) -> pl.DataFrame:
    schema: dict[str, pl.DataType] = {"document_id": pl.String, "uri": pl.String, "article_id": pl.String,
                                      "title": pl.String}
    schema |= {f: pl.List(pl.String) for f in LIST_FIELDS} | {f: pl.String for f in TEXT_FIELDS}
    schema |= {f: pl.String for f in PAGE_TEXT_FIELDS} | {f: pl.List(pl.String) for f in PAGE_LIST_FIELDS}
    schema |= {"page_author": pl.String, "page_date": pl.String, "extractor": pl.String}
    rows = []
    for d in docs:
        f, m = d.article.fields, d.metadata or HtmlMetadata()
        rows.append(
            {"document_id": d.document_id, "uri": d.uri, "article_id": article_id_for(d.uri), "title": d.article.title}
            | {k: list(f.get(k, [])) for k in LIST_FIELDS}  # type: ignore[arg-type]
            | {k: f.get(k) for k in TEXT_FIELDS}
            | {k: getattr(m, attr) for k, attr in PAGE_TEXT_FIELDS.items()}
            | {k: list(getattr(m, k)) for k in PAGE_LIST_FIELDS}
            | {"page_author": m.author, "page_date": m.date, "extractor": d.extractor}
        )
    return pl.DataFrame(rows, schema=schema, orient="row")


def _page_fields() -> list[pl.Expr]:
    """Authors from the page when the text named none; the page's date as the publication time."""
    page_authors = (
        pl.col("page_author").str.replace_all(AUTHOR_SEPARATORS, ";").str.split(";")
        .list.eval(pl.element().str.strip_chars().filter(pl.element() != ""))
    )
    # trafilatura gives the date as YYYY-MM-DD: stored as midnight UTC of that day
    published = pl.col("page_date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).cast(pl.Datetime("us", "UTC"))
    return [
        pl.when(pl.col("authors").list.len() == 0).then(page_authors.fill_null([])).otherwise(pl.col("authors"))
        .alias("authors"),
        published.alias("published_at"),
        pl.when(published.is_not_null()).then(pl.lit("html_metadata")).alias("published_at_source"),
    ]


def _source_id() -> pl.Expr:
    """Publisher line first, then the agency of the dateline, then the page's site name and host;
    'unknown' when none is known."""
    aliases = source_aliases()
    by_publisher = pl.col("publisher").str.to_lowercase().replace_strict(aliases, default=None, return_dtype=pl.String)
    by_dateline = pl.col("dateline_agency").str.to_lowercase().replace_strict(aliases, default=None, return_dtype=pl.String)
    by_site = pl.col("site_name").str.to_lowercase().replace_strict(aliases, default=None, return_dtype=pl.String)
    by_host = (pl.col("site_host").str.to_lowercase().str.strip_prefix("www.")
               .replace_strict(aliases, default=None, return_dtype=pl.String))
    return pl.coalesce(by_publisher, by_dateline, by_site, by_host, pl.lit(UNKNOWN_SOURCE)).alias("source_id")


def normalise_batch(docs: list[ParsedDocument]) -> NormalisedBatch:
    blocks = _blocks_frame(docs)
    spans = _spans_frame(docs)
    bodies = (
        blocks.filter(pl.col("kind").is_in(list(BODY_KINDS)))
        .sort("document_id", "block_index")
        .group_by("document_id", maintain_order=True)
        .agg(pl.col("text").str.join(BLOCK_SEPARATOR).alias("body_text"), pl.len().alias("n_blocks"))
    )
    decks = (
        blocks.filter(pl.col("kind") == "deck")
        .sort("document_id", "block_index")
        .group_by("document_id", maintain_order=True)
        .agg(pl.col("text").alias("deck"))
    )
    n_spans = spans.group_by("document_id").agg(pl.len().cast(pl.Int32).alias("n_removed_spans"))
    aliases = source_aliases()
    articles = (
        _fields_frame(docs)
        .with_columns(clean_text("title"), *(clean_text(f) for f in TEXT_FIELDS))
        .with_columns(_page_fields())
        .drop("page_author", "page_date")
        .join(bodies, on="document_id", how="left")
        .join(decks, on="document_id", how="left")
        .join(n_spans, on="document_id", how="left")
        .with_columns(
            pl.col("body_text").fill_null(""),
            pl.col("n_blocks").fill_null(0).cast(pl.Int32),
            pl.col("deck").fill_null([]),
            pl.col("n_removed_spans").fill_null(0),
        )
        .with_columns(
            pl.col("body_text").str.count_matches(r"\S+").cast(pl.Int32).alias("n_words"),
            pl.col("body_text").map_batches(_sha256, return_dtype=pl.String).alias("content_hash"),
            pl.col("body_text").map_elements(count_mojibake, return_dtype=pl.Int32).alias("n_mojibake"),
            pl.col("body_text").map_batches(_language, return_dtype=pl.Struct(
                {"language": pl.String, "language_score": pl.Float64})).alias("_language"),
            _source_id(),
        )
        .unnest("_language")
        .with_columns(
            pl.col("agencies")
            .list.eval(pl.element().str.to_lowercase().replace_strict(aliases, default="?", return_dtype=pl.String))
            .alias("_agency_sources")
        )
        .with_columns(
            (pl.col("_agency_sources").list.set_difference(pl.concat_list(pl.col("source_id"))).list.len() > 0)
            .alias("is_syndicated"),
            pl.lit(PIPELINE_VERSION).alias("pipeline_version"),
        )
        .drop("_agency_sources")
    )
    return NormalisedBatch(articles=articles, blocks=blocks, removed_spans=spans)
