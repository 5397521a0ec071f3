"""The per-batch stages as Prefect tasks: skip-known -> extract -> clean -> normalise (then annotate
and enrich, flows/enrichment.py) -> load. Each wraps a pure transform of `transforms/` for
orchestration; what each document becomes is decided in `transforms/documents/outcomes.py`.

extract, clean, normalise and annotate run on the task runner; skip-known, enrich and load read
or write the warehouse and run in the flow process (DuckDB has one writer)."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.page_workers import PoolKey, run_in, shared_pool
from flows.settings import Settings
from transforms.documents.outcomes import (
    Cleaned,
    Extracted,
    LandedDocument,
    cleaned_batch,
    extracted_batch,
    fresh_documents,
)
from transforms.frames.normalise import NormalisedBatch, normalise_batch
from transforms.text.articles import parse_text_articles
from warehouse import LoadBatch, LoadCounts, Warehouse

WEB_PREFIXES = ("http://", "https://")


@task(name="skip-known", cache_policy=NO_CACHE)
def skip_known(landed: list[LandedDocument], wh: Warehouse) -> list[LandedDocument]:
    """Inputs whose bytes were loaded before (or repeat in this batch) are unchanged: not parsed again."""
    known = wh.known_documents([d.document_id for d in landed])
    return fresh_documents(landed, {d for d, status in known.items() if status != "rejected"})


@task(name="extract", cache_policy=NO_CACHE)
def extract(landed: list[LandedDocument], max_bytes: int) -> Extracted:
    """Bytes -> text."""
    return extracted_batch(landed, max_bytes)


@task(name="clean", cache_policy=NO_CACHE)
def clean(extracted: Extracted, settings: Settings, offload_to: PoolKey | None = None) -> Cleaned:
    """Text -> articles. HTML pages are parsed in worker processes, each page with a time limit;
    plain texts in a worker of the pool `offload_to` names, else in this thread."""
    plain = [text for doc, text in extracted.texts if doc.kind != "html"]
    articles = run_in(offload_to, parse_text_articles, plain) if plain else []
    html = [(doc, text) for doc, text in extracted.texts if doc.kind == "html"]
    pages = {}
    if html:
        pool = shared_pool(settings.workers, settings.extract_timeout)  # kept across batches, shared by them
        parsed_pages = pool.parse([(text, doc.uri if doc.uri.startswith(WEB_PREFIXES) else None) for doc, text in html])
        pages = {doc.document_id: page for (doc, _), page in zip(html, parsed_pages, strict=True)}
    return cleaned_batch(extracted, articles, pages)


@task(name="normalise", cache_policy=NO_CACHE)
def normalise(cleaned: Cleaned, offload_to: PoolKey | None = None) -> NormalisedBatch:
    """Articles -> the batch's frames; in a worker of the pool `offload_to` names, else in this thread."""
    return run_in(offload_to, normalise_batch, cleaned.parsed)


@task(name="load", cache_policy=NO_CACHE)
def load(batch: LoadBatch, wh: Warehouse, checkpoint: bool) -> LoadCounts:
    """One batch in one transaction; with `checkpoint`, the WAL is then folded into the file."""
    counts = wh.load_batch(batch)
    if checkpoint:
        wh.checkpoint()
    return counts
