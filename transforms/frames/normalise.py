"""A batch of parsed articles -> normalised Polars frames for the warehouse.

Pure: dataclasses in, DataFrames out. Over the whole batch at once: Unicode NFC, whitespace,
body text assembled from the body blocks, `n_words`, `content_hash` (SHA-256 of the normalised
body), language (py3langid), and the canonical `source_id`. Per article: dates with their
provenance (`transforms.dates.article_dates`), credits (`transforms.metadata.authors`), sidecar values over extracted
ones (`transforms.metadata.sidecars`), and the relative date phrases of the body
(`transforms.dates.relative_dates`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import cast

import polars as pl
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from transforms.dates.article_dates import SIDECAR, ArticleDates, DateCandidate, candidate, choose_dates, url_date
from transforms.dates.relative_dates import relative_dates
from transforms.dates.text_dates import visible_text_dates
from transforms.frames.schemas import ARTICLE_BLOCKS, ARTICLE_DATES, ARTICLES, DATE_CANDIDATES, REMOVED_SPANS
from transforms.html.blocks import HtmlMetadata
from transforms.metadata.authors import (
    CREDIT_SOURCES,
    Credits,
    credits_from,
    credits_of,
    emails_in,
    first_credited,
    headline_credits,
    sort_credits,
)
from transforms.metadata.outlets import registrable_domain
from transforms.metadata.sidecars import Sidecar
from transforms.metadata.sources import UNKNOWN_SOURCE, source_aliases
from transforms.metadata.titles import choose_title, site_affixes
from transforms.text.articles import BODY_KINDS, TextArticle
from transforms.text.language_id import classify
from transforms.text.mojibake import count_mojibake

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
PAGE_TEXT_FIELDS = {
    "url": "canonical_url",
    "site_name": "site_name",
    "site_host": "hostname",
    "description": "description",
    "image_url": "image_url",
    "page_language": "language",
}
PAGE_LIST_FIELDS = ("categories", "tags")
DATE_FIELDS = ("published_at", "modified_at", "seen_at")
CREDIT_CATEGORIES = frozenset({"byline", "contact_line"})  # removed lines whose e-mails are the authors'
# the columns of ARTICLES that normalise_batch computes over the batch; the others are each
# article's fields, credits and dates, as _fields_frame makes them
COMPUTED_COLUMNS = (
    "body_text",
    "n_blocks",
    "deck",
    "n_removed_spans",
    "n_words",
    "content_hash",
    "n_mojibake",
    "language",
    "language_score",
    "source_id",
    "is_syndicated",
    "pipeline_version",
)
# columns of _fields_frame for normalise's own use, not handed on
PRIVATE_COLUMNS = pl.Schema({"_anchor_date": pl.Date, "_sidecar_source": pl.String, "_sidecar_language": pl.String})
FIELDS_SCHEMA = pl.Schema(
    {name: dtype for name, dtype in ARTICLES.items() if name not in COMPUTED_COLUMNS} | dict(PRIVATE_COLUMNS)
)


@dataclass(frozen=True)
class ParsedDocument:
    """One parsed input, as the clean step hands it on."""

    document_id: str
    uri: str
    article: TextArticle
    metadata: HtmlMetadata | None = None  # HTML inputs: what the page says about itself
    extractor: str | None = None  # HTML inputs: whose blocks the article is made of
    seen_at: datetime | None = None  # when its bytes were read or fetched (seen_at, source fetch_time)
    sidecar: Sidecar | None = None  # metadata given beside the input: wins over what was extracted
    date_candidates: tuple[DateCandidate, ...] = ()  # HTML inputs: the dates the page's markup offers


@dataclass(frozen=True)
class NormalisedBatch:
    articles: pl.DataFrame
    blocks: pl.DataFrame
    removed_spans: pl.DataFrame
    date_candidates: pl.DataFrame  # every date found, where from, whether chosen, why dropped
    article_dates: pl.DataFrame  # relative date phrases of each body, resolved or not


def article_id_for(uri: str) -> str:
    """An article's stable id: the same place (path or URL) keeps its id across edits."""
    return hashlib.sha256(uri.encode("utf-8")).hexdigest()[:32]


def clean_text(column: str) -> pl.Expr:
    return (
        pl.col(column)
        .str.normalize("NFC")
        .str.replace_all(CONTROL_CHARACTERS, "")
        .str.replace_all(INLINE_WHITESPACE, " ")
        .str.strip_chars()
    )


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sha256(texts: pl.Series) -> pl.Series:
    return pl.Series([hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts], dtype=pl.String)


def _language(texts: pl.Series) -> pl.Series:
    identifier = _identifier() if texts.len() else None  # loading the model takes a while: not for no text
    # py3langid's classify with its byte walk in numpy (transforms.text.language_id): the same answers
    guesses = [classify(identifier, t[:LANGUAGE_SAMPLE_CHARS]) if t and identifier else (None, None) for t in texts]
    return pl.Series(
        [{"language": g[0], "language_score": g[1]} for g in guesses],
        dtype=pl.Struct({"language": pl.String, "language_score": pl.Float64}),
    )


def _blocks_frame(docs: list[ParsedDocument]) -> pl.DataFrame:
    rows = [
        {
            "document_id": d.document_id,
            "article_id": article_id_for(d.uri),
            "block_index": i,
            "kind": b.kind,
            "text": b.text,
            "start_offset": b.start,
            "end_offset": b.end,
        }
        for d in docs
        for i, b in enumerate(d.article.blocks)
    ]
    return pl.DataFrame(rows, schema=ARTICLE_BLOCKS, orient="row").with_columns(clean_text("text"))


def _spans_frame(docs: list[ParsedDocument]) -> pl.DataFrame:
    rows = [
        {
            "document_id": d.document_id,
            "article_id": article_id_for(d.uri),
            "span_index": i,
            "rule_id": s.rule_id,
            "category": s.category,
            "text": s.text,
            "start_offset": s.start,
            "end_offset": s.end,
            "fields": json.dumps(s.fields, ensure_ascii=False),
        }
        for d in docs
        for i, s in enumerate(d.article.removed)
    ]
    return pl.DataFrame(rows, schema=REMOVED_SPANS, orient="row")


def _credits(d: ParsedDocument) -> Credits:
    """A sidecar's authors win over all; else the first of CREDIT_SOURCES (the text's byline, the
    extractor's author, the page markup's authors, a byline printed by the headline) that names
    someone who may be a person (`first_credited`). The e-mails of removed contact lines are kept."""
    f = d.article.fields
    markup = d.metadata.markup if d.metadata else None
    sources = {
        "text": Credits(
            tuple(cast("list[str]", f.get("authors", []))),
            tuple(cast("list[str]", f.get("author_roles", []))),
            tuple(cast("list[str]", f.get("author_emails", []))),
            tuple(cast("list[str]", f.get("agencies", []))),
        ),
        "extractor": credits_from(d.metadata.author if d.metadata else None),
        "markup": credits_of(markup.people) if markup else Credits(),
        "headline": headline_credits(markup.bylines) if markup else Credits(),
    }
    given = credits_of(d.sidecar.authors if d.sidecar else ())
    contacts = Credits(
        emails=tuple(e for s in d.article.removed if s.category in CREDIT_CATEGORIES for e in emails_in(s.text))
    )
    # the text's and the extractor's roles, e-mails, agencies and organisations are kept in any case
    extras = sources["text"] + sources["extractor"] + given + contacts
    extras = Credits((), extras.roles, extras.emails, extras.agencies, extras.organisations)
    if given.authors:
        return Credits(given.authors) + extras
    return first_credited([sources[name] for name in CREDIT_SOURCES]) + extras


def _date_candidates(d: ParsedDocument) -> list[DateCandidate]:
    """Sidecar dates, the page's markup dates, the date in its URL, dates printed in the text."""
    found: list[DateCandidate] = []
    if d.sidecar:
        found += [
            c
            for c in (
                candidate("published_at", SIDECAR, d.sidecar.published_at),
                candidate("modified_at", SIDECAR, d.sidecar.modified_at),
            )
            if c
        ]
    found += d.date_candidates
    urls = (
        d.sidecar.url if d.sidecar else None,
        d.metadata.canonical_url if d.metadata else None,
        d.uri if d.uri.startswith(("http://", "https://")) else None,
    )
    found += [c for c in (url_date(u) for u in urls) if c][:1]
    found += visible_text_dates(d.article)
    return found


def _outlet_url(d: ParsedDocument) -> str | None:
    """The URL an article's outlet is told from: the sidecar's, the one it was fetched from, the
    page's canonical (or og:url)."""
    fetched = d.uri if d.uri.startswith(("http://", "https://")) else None
    return (d.sidecar.url if d.sidecar else None) or fetched or (d.metadata.canonical_url if d.metadata else None)


def _date_columns(dates: ArticleDates) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, choice in zip(DATE_FIELDS, (dates.published, dates.modified, dates.seen), strict=True):
        out[name] = choice.value.value if choice.value else None
        out[f"{name}_source"] = choice.source
        out[f"{name}_precision"] = choice.value.precision if choice.value else None
    published = dates.published.value
    out["published_local_date"] = published.local_date if published else None  # the day as the page printed it
    out["published_utc_offset"] = published.offset_minutes if published else None
    out["_anchor_date"] = published.local_date if published else None
    return out


def _candidate_rows(d: ParsedDocument, dates: ArticleDates) -> list[dict[str, object]]:
    return [
        {
            "document_id": d.document_id,
            "article_id": article_id_for(d.uri),
            "candidate_index": i,
            "field": o.candidate.field,
            "source": o.candidate.source,
            "value": o.candidate.value.value,
            "precision": o.candidate.value.precision,
            "raw_text": o.candidate.raw,
            "is_chosen": o.is_chosen,
            "drop_reason": o.drop_reason,
        }
        for i, o in enumerate(dates.outcomes)
    ]


def _title_inputs(d: ParsedDocument) -> tuple[list[tuple[str, str]], list[str]]:
    """A page's title candidates (its markup's, then the extractor's) and the site names it gives."""
    m = d.metadata or HtmlMetadata()
    candidates = list(m.markup.titles) if m.markup else []
    if m.title:
        candidates.append(("extractor", m.title))
    site_names = [*(m.markup.site_names if m.markup else ()), *([m.site_name] if m.site_name else [])]
    return candidates, site_names


def _title(d: ParsedDocument, domain: str | None, affixes: dict[str, frozenset[str]]) -> tuple[str | None, str | None]:
    """(title, title_source): a plain text's first line; a page's headline without the site's name."""
    if d.metadata is None:
        return d.article.title, "text" if d.article.title else None
    candidates, site_names = _title_inputs(d)
    title, source = choose_title(candidates, site_names, domain, affixes.get(domain or "", frozenset()))
    return (title, source) if title else (d.article.title, "extractor" if d.article.title else None)


def _fields_frame(docs: list[ParsedDocument]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One row of fields per article (extracted, credits, dates, sidecar overrides), and every
    date candidate with its outcome."""
    rows, candidates = [], []
    domains = [registrable_domain(_outlet_url(d)) for d in docs]
    affixes = site_affixes(  # per domain, the title pieces several of the batch's titles share: its name
        (domain, [text for _, text in _title_inputs(d)[0]]) for d, domain in zip(docs, domains) if d.metadata
    )
    for d, domain in zip(docs, domains):
        f, m, side = d.article.fields, d.metadata or HtmlMetadata(), d.sidecar or Sidecar()
        site_names = _title_inputs(d)[1] + ([domain.split(".")[0]] if domain else [])
        credited = sort_credits(
            _credits(d),
            site_names,
            m.markup.organisations if m.markup else (),
            m.markup.persons if m.markup else (),
        )
        title, title_source = _title(d, domain, affixes)
        dates = choose_dates(_date_candidates(d), d.seen_at)
        candidates += _candidate_rows(d, dates)
        rows.append(
            {"document_id": d.document_id, "uri": d.uri, "article_id": article_id_for(d.uri), "title": title}
            | {"title_source": title_source}
            | {k: list(cast("list[str]", f.get(k, []))) for k in LIST_FIELDS}
            | {
                "authors": list(credited.authors),
                "author_roles": list(credited.roles),
                "author_emails": list(credited.emails),
                "agencies": list(credited.agencies),
                "credit_organisations": list(credited.organisations),
            }
            | {k: f.get(k) for k in TEXT_FIELDS}
            | {k: getattr(m, attr) for k, attr in PAGE_TEXT_FIELDS.items()}
            | {"url": side.url or m.canonical_url}
            | {k: list(getattr(m, k)) for k in PAGE_LIST_FIELDS}
            | {"extractor": d.extractor, "source_domain": domain}
            | _date_columns(dates)
            | {"_sidecar_source": side.source, "_sidecar_language": side.language}
        )
    return (
        pl.DataFrame(rows, schema=FIELDS_SCHEMA, orient="row"),
        pl.DataFrame(candidates, schema=DATE_CANDIDATES, orient="row"),
    )


def _article_dates_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """The relative date phrases of each body, resolved by tense against its publication day when known."""
    rows = [
        {
            "document_id": document_id,
            "article_id": article_id,
            "date_index": i,
            "phrase": r.phrase,
            "kind": r.kind,
            "start_char": r.start_char,
            "end_char": r.end_char,
            "is_local_time": r.is_local_time,
            "resolved_date": r.resolved_date,
            "anchor": r.anchor,
            "direction": r.direction,
            "cue": r.cue,
        }
        for document_id, article_id, body, anchor in articles.select(
            "document_id", "article_id", "body_text", "_anchor_date"
        ).iter_rows()
        for i, r in enumerate(relative_dates(body, anchor))
    ]
    return pl.DataFrame(rows, schema=ARTICLE_DATES, orient="row")


def _sidecar_overrides() -> list[pl.Expr]:
    """A sidecar's language wins over the detected one (whose score then means nothing)."""
    given = pl.col("_sidecar_language").is_not_null()
    return [
        pl.coalesce("_sidecar_language", "language").alias("language"),
        pl.when(given).then(None).otherwise(pl.col("language_score")).alias("language_score"),
    ]


def _source_id() -> pl.Expr:
    """A sidecar's source first; then the outlet of the URL's registrable domain (the curated one
    when the registry knows the domain, else the domain as an uncurated outlet of its own: a
    Reuters story on example.com is example.com's, syndicated); then, with no URL, the publisher
    line, the page's site name and host, the dateline's agency (when the registry knows them);
    'unknown' when none is known."""
    aliases = source_aliases()

    def curated(column: pl.Expr) -> pl.Expr:
        return column.str.to_lowercase().replace_strict(aliases, default=None, return_dtype=pl.String)

    return pl.coalesce(
        pl.col("_sidecar_source"),
        curated(pl.col("source_domain")),
        pl.col("source_domain"),
        curated(pl.col("publisher")),
        curated(pl.col("site_name")),
        curated(pl.col("site_host").str.to_lowercase().str.strip_prefix("www.")),
        curated(pl.col("dateline_agency")),
        pl.lit(UNKNOWN_SOURCE),
    ).alias("source_id")


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
    fields, candidates = _fields_frame(docs)
    articles = (
        fields.with_columns(clean_text("title"), *(clean_text(f) for f in TEXT_FIELDS))
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
            pl.col("body_text")
            .map_batches(_language, return_dtype=pl.Struct({"language": pl.String, "language_score": pl.Float64}))
            .alias("_language"),
            _source_id(),
        )
        .unnest("_language")
        .with_columns(_sidecar_overrides())
        .with_columns(
            pl.col("agencies")
            .list.eval(pl.element().str.to_lowercase().replace_strict(aliases, default="?", return_dtype=pl.String))
            .alias("_agency_sources")
        )
        .with_columns(
            (pl.col("_agency_sources").list.set_difference(pl.concat_list(pl.col("source_id"))).list.len() > 0).alias(
                "is_syndicated"
            ),
            pl.lit(PIPELINE_VERSION).alias("pipeline_version"),
        )
        .drop("_agency_sources")
    )
    article_dates = _article_dates_frame(articles)
    articles = articles.select(list(ARTICLES))
    return NormalisedBatch(
        articles=articles, blocks=blocks, removed_spans=spans, date_candidates=candidates, article_dates=article_dates
    )
