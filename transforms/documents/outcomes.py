"""Per-document decisions of a batch: what becomes of each landed document. Pure: landed
documents and parse results in, outcomes out (no warehouse, no files, no Prefect).

- `fresh_documents`: which landed documents to parse (not loaded before, not repeated in the batch);
- `extracted_batch`: bytes -> text, or a reject (`decoded_text` decides one document);
- `cleaned_batch`: text parsed into articles -> parsed documents, or rejects (`html_outcome`,
  `text_outcome` decide one document);
- `stopped_reject`: a document a bounded stage (clean, normalise, annotate) stopped, as a reject;
- `without_documents`: a batch's frames without the documents a later stage rejected;
- `with_rejected_status`: the ledger records of rejected documents say so;
- `twins_of_rejects`: a document with the same bytes as a rejected one shares its fate.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

import polars as pl

from transforms import reasons
from transforms.documents.decoding import (
    DecodedText,
    DecompressionRefused,
    decode_html,
    decode_text,
    is_html_media_type,
    maybe_gunzip,
)
from transforms.frames.ledger import DocumentRecord, Reject
from transforms.frames.normalise import NormalisedBatch, ParsedDocument
from transforms.html.pages import MIN_BODY_WORDS, HtmlPage
from transforms.metadata.sidecars import Sidecar
from transforms.text.articles import TextArticle

WEB_ORIGINS = ("http", "warc")  # origins whose bytes a server sent (with a Content-Type)


@dataclass(frozen=True)
class LandedDocument:
    """One input whose bytes are kept in the landing store, with what is known of where it came from."""

    document_id: str
    uri: str
    data: bytes  # as read and landed: still gzip-compressed when the input was
    fetched_at: datetime
    landing_path: str
    kind: str
    origin: str = "file"  # file | http | warc
    http_status: int | None = None
    content_type: str | None = None  # the Content-Type the server (or WARC record) gave: its charset counts
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sidecar: Sidecar | None = None  # the metadata given with it (sidecar file over manifest row)
    sidecar_uris: tuple[str, ...] = ()  # where that metadata came from


@dataclass(frozen=True)
class TimedOut:
    """A page whose parsing passed its time limit."""

    seconds: float


@dataclass(frozen=True)
class Failed:
    """A page whose parser raised."""

    error: str  # the exception the parser raised, as text


@dataclass(frozen=True)
class Extracted:
    """A batch as text: (document, text) pairs, rejects, and a ledger record per document."""

    texts: list[tuple[LandedDocument, str]]
    rejects: list[Reject]
    records: list[DocumentRecord]


@dataclass(frozen=True)
class Cleaned:
    """A batch as articles: the parsed documents and the rejects."""

    parsed: list[ParsedDocument]
    rejects: list[Reject]
    spent: dict[str, float] = field(default_factory=dict)  # document_id -> seconds of its time limit used
    started_at: float | None = None  # a batch of one document: when its worker got it for clean (epoch seconds)


def fresh_documents(landed: Iterable[LandedDocument], loaded_before: set[str]) -> list[LandedDocument]:
    """The documents to parse: those whose bytes were not loaded before, each bytes once (the
    first input with them). The others are unchanged."""
    fresh: list[LandedDocument] = []
    seen: set[str] = set()
    for doc in landed:
        if doc.document_id in loaded_before or doc.document_id in seen:
            continue
        seen.add(doc.document_id)
        fresh.append(doc)
    return fresh


def decoded_text(doc: LandedDocument, max_bytes: int) -> DecodedText:
    """A document's bytes as text, or the reason why not: web bodies served as something other
    than HTML (or binary under an HTML type) are unsupported, gzip is opened within `max_bytes`,
    HTML is decoded the way browsers do, plain text by BOM, UTF-8, then detection."""
    if doc.origin in WEB_ORIGINS and doc.content_type and not is_html_media_type(doc.content_type):
        return DecodedText(None, None, reasons.UNSUPPORTED_TYPE, f"served as {doc.content_type!r}, not HTML")
    try:
        data = maybe_gunzip(doc.data, max_bytes)
    except DecompressionRefused as refused:
        return DecodedText(None, None, refused.reason, refused.detail)
    decoded = decode_html(data, doc.content_type) if doc.kind == "html" else decode_text(data)
    if doc.origin in WEB_ORIGINS and decoded.reason == reasons.BINARY_CONTENT:  # a PDF or image served as HTML
        return DecodedText(None, None, reasons.UNSUPPORTED_TYPE, f"served as {doc.content_type!r}: {decoded.detail}")
    return decoded


def extracted_batch(landed: Iterable[LandedDocument], max_bytes: int) -> Extracted:
    """Each document decoded (kept with its text) or rejected at extract; a ledger record for each."""
    texts, rejects, records = [], [], []
    for doc in landed:
        decoded = decoded_text(doc, max_bytes)
        status = "rejected" if decoded.text is None else "loaded"
        records.append(
            DocumentRecord(
                doc.document_id,
                doc.uri,
                doc.kind,
                doc.fetched_at,
                decoded.encoding,
                len(doc.data),
                doc.landing_path,
                status,
                doc.origin,
                doc.http_status,
                doc.content_type,
                doc.final_url,
                doc.etag,
                doc.last_modified,
                doc.sidecar_uris,
            )
        )
        if decoded.text is None:
            rejects.append(
                Reject(doc.uri, "extract", decoded.reason or reasons.UNDECODABLE, decoded.detail, doc.document_id)
            )
        else:
            texts.append((doc, decoded.text))
    return Extracted(texts, rejects, records)


def html_outcome(doc: LandedDocument, page: HtmlPage | TimedOut | Failed) -> ParsedDocument | Reject:
    """A parsed page -> its article, or why it has none (time limit, parser error, nesting too
    deep for the parser, too few body words)."""
    if isinstance(page, TimedOut):
        return Reject(
            doc.uri, "clean", reasons.EXTRACT_TIMEOUT, f"parsing stopped after {page.seconds} s", doc.document_id
        )
    if isinstance(page, Failed):
        return Reject(doc.uri, "clean", reasons.EXTRACT_FAILED, page.error, doc.document_id)
    if page.is_too_deep:
        return Reject(
            doc.uri,
            "clean",
            reasons.TOO_DEEPLY_NESTED,
            "no article text: the HTML nests deeper than the parser's limit of 256 elements, "
            "which drops everything below it",
            doc.document_id,
        )
    if not page.has_article:
        return Reject(
            doc.uri,
            "clean",
            reasons.NO_ARTICLE_TEXT,
            f"{page.n_body_words} body words (fewer than {MIN_BODY_WORDS}) after "
            f"{len(page.article.removed)} boilerplate spans; extractor vote: {page.vote}",
            doc.document_id,
        )
    return ParsedDocument(
        doc.document_id, doc.uri, page.article, page.metadata, page.extractor, doc.fetched_at, doc.sidecar, page.dates
    )


def stopped_reject(uri: str, document_id: str, stage: str, outcome: TimedOut | Failed) -> Reject:
    """A document that `stage` (clean, normalise, annotate) did not finish: out of its time limit, or its
    worker died (or raised); the stage is named at the start of the detail."""
    if isinstance(outcome, TimedOut):
        detail = (
            f"{stage}: stopped after {outcome.seconds} s of clean, normalise and annotate (the per-document time limit)"
        )
        return Reject(uri, "clean", reasons.EXTRACT_TIMEOUT, detail, document_id)
    return Reject(uri, "clean", reasons.EXTRACT_FAILED, f"{stage}: {outcome.error}", document_id)


def text_outcome(doc: LandedDocument, article: TextArticle | TimedOut | Failed) -> ParsedDocument | Reject:
    """A parsed plain text -> its article, or a reject when no body paragraph is left (or its
    parsing was stopped)."""
    if isinstance(article, TimedOut | Failed):
        return stopped_reject(doc.uri, doc.document_id, "clean", article)
    if not article.body_blocks:
        return Reject(
            doc.uri,
            "clean",
            reasons.NO_ARTICLE_TEXT,
            f"{len(article.removed)} boilerplate spans, no body paragraph",
            doc.document_id,
        )
    return ParsedDocument(doc.document_id, doc.uri, article, seen_at=doc.fetched_at, sidecar=doc.sidecar)


def cleaned_batch(
    extracted: Extracted,
    text_articles: Iterable[TextArticle | TimedOut | Failed],
    pages: Mapping[str, HtmlPage | TimedOut | Failed],
) -> Cleaned:
    """The batch's outcomes in its order: `text_articles` are the plain texts' articles in order,
    `pages` the HTML pages' parse results by document id."""
    articles = iter(text_articles)
    parsed, rejects = [], []
    for doc, _ in extracted.texts:
        outcome = html_outcome(doc, pages[doc.document_id]) if doc.kind == "html" else text_outcome(doc, next(articles))
        if isinstance(outcome, Reject):
            rejects.append(outcome)
        else:
            parsed.append(outcome)
    return Cleaned(parsed, rejects)


def without_documents(batch: NormalisedBatch, document_ids: Collection[str]) -> NormalisedBatch:
    """The batch's frames without the rows of `document_ids` (documents a later stage rejected)."""
    if not document_ids:
        return batch
    keep = ~pl.col("document_id").is_in(list(document_ids))
    return NormalisedBatch(*(getattr(batch, name).filter(keep) for name in NormalisedBatch.__dataclass_fields__))


def with_rejected_status(records: Iterable[DocumentRecord], rejects: Iterable[Reject]) -> list[DocumentRecord]:
    """The ledger records, those of the documents rejected at any stage after extract saying 'rejected'
    (a document rejected at clean, normalise or annotate was decoded: its record said 'loaded')."""
    rejected = {r.document_id for r in rejects if r.document_id}
    return [replace(r, status="rejected") if r.document_id in rejected else r for r in records]


def twins_of_rejects(
    landed: Iterable[LandedDocument], fresh: Iterable[LandedDocument], rejects: Iterable[Reject]
) -> list[Reject]:
    """An input with the same bytes as one parsed in this batch shares its fate: when that one was
    rejected, the twin gets its own rejects row (else it would pass as 'unchanged')."""
    parsed = {id(doc) for doc in fresh}
    by_document = {r.document_id: r for r in rejects if r.document_id}
    return [
        Reject(doc.uri, first.stage, first.reason, f"same bytes as {first.uri}: {first.detail}", doc.document_id)
        for doc in landed
        if id(doc) not in parsed and (first := by_document.get(doc.document_id)) is not None and first.uri != doc.uri
    ]
