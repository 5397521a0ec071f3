"""The per-batch stages: skip-known -> extract -> clean -> normalise (then annotate and enrich,
flows/enrichment.py) -> load, each a Prefect task but skip-known, a plain look-up (a task run costs
about 60 ms of the flow's and the API server's time: an unchanged re-run made 7 of them for 1,200
inputs; flows/acquire.py's land and recover are plain calls too). Each wraps a pure transform of
`transforms/` for orchestration; what each document becomes is decided in
`transforms/documents/outcomes.py`.

extract, clean, normalise and annotate run on the task runner; skip-known, enrich and load read
or write the warehouse and run in the flow process (DuckDB has one writer).

Every per-document step is bounded in time: HTML pages are parsed in the page workers with the
per-document limit (`extract_timeout`), and clean (plain texts), normalise and annotate run in
those workers under the same limit (`flows.page_workers.bounded`), counted over the three
stages (what a document used in one is not given again in the next; for a batch of one document,
all the time since its clean began): a document that runs out of
it is rejected as `extract_timeout`, the stage named in the detail ("normalise: ..."), and the
rest of its batch goes on."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import progress
from flows.page_workers import Bounded, PoolKey, bounded, shared_pool
from flows.settings import Settings
from transforms.documents.outcomes import (
    Cleaned,
    Extracted,
    LandedDocument,
    cleaned_batch,
    extracted_batch,
    fresh_documents,
    stopped_reject,
)
from transforms.frames.ledger import Reject
from transforms.frames.normalise import NormalisedBatch, ParsedDocument, normalise_batch
from transforms.text.articles import TextArticle, parse_text_articles
from warehouse import LoadBatch, LoadCounts, Warehouse

WEB_PREFIXES = ("http://", "https://")


def stage_pool(settings: Settings) -> PoolKey:
    """The shared page pool a batch's bounded stages run in: `workers` processes, `extract_timeout` a document."""
    return (settings.workers, settings.extract_timeout)


@dataclass(frozen=True)
class Normalised:
    """A batch's frames, and the documents normalise stopped (their rejects)."""

    batch: NormalisedBatch
    rejects: list[Reject]
    spent: dict[str, float] = field(default_factory=dict)  # document_id -> seconds of its time limit used
    started_at: float | None = None  # a batch of one document: when its worker got it for clean (epoch seconds)


def used_by(spent: dict[str, float], started_at: float | None, document_ids: list[str]) -> list[float]:
    """What each document used of its limit in the earlier stages: for a batch of one, all the time since
    its worker got it for clean (Prefect's handling and the moves between processes included); else its
    worker time."""
    if started_at is not None and len(document_ids) == 1:
        return [time.time() - started_at]
    return [spent.get(d, 0.0) for d in document_ids]


def skip_known(landed: list[LandedDocument], wh: Warehouse) -> list[LandedDocument]:
    """Inputs whose bytes were loaded before (or repeat in this batch) are unchanged: not parsed again."""
    known = wh.known_documents([d.document_id for d in landed])
    return fresh_documents(landed, {d for d, status in known.items() if status != "rejected"})


@task(name="extract", cache_policy=NO_CACHE)
def extract(landed: list[LandedDocument], max_bytes: int) -> Extracted:
    """Bytes -> text. The documents it rejects are through (the run's progress)."""
    progress.current().at("extract")
    extracted = extracted_batch(landed, max_bytes)
    if len(landed) > len(extracted.texts):
        progress.current().documents(len(landed) - len(extracted.texts), "extract")
    return extracted


def _take_list(items: list, indexes: list[int]) -> list:
    return [items[i] for i in indexes]


def _merge_lists(parts: list[list]) -> list:
    return [item for part in parts for item in part]


@task(name="clean", cache_policy=NO_CACHE)
def clean(extracted: Extracted, settings: Settings) -> Cleaned:
    """Text -> articles. HTML pages are parsed in worker processes, each page with a time limit;
    plain texts in a worker too, under the same limit a document (`bounded`). Each page counts in the
    run's progress as its worker answers, the plain texts when they are done."""
    run = progress.current()
    run.at("clean")
    plain = [text for doc, text in extracted.texts if doc.kind != "html"]
    articles: list[TextArticle | object] = []
    spent: dict[str, float] = {}
    if plain:
        parsed: Bounded[list[TextArticle]] = bounded(
            stage_pool(settings),
            settings.extract_timeout,
            parse_text_articles,
            plain,
            len(plain),
            _take_list,
            _merge_lists,
        )
        done = iter(parsed.value)
        stopped = dict(parsed.stopped)
        articles = [stopped[i] if i in stopped else next(done) for i in range(len(plain))]
        plain_ids = [doc.document_id for doc, _ in extracted.texts if doc.kind != "html"]
        spent = dict(zip(plain_ids, parsed.seconds, strict=True))
        run.documents(len(plain), "clean")
    html = [(doc, text) for doc, text in extracted.texts if doc.kind == "html"]
    pages = {}
    if html:
        pool = shared_pool(*stage_pool(settings))  # kept across batches, shared by them
        parsed_pages = pool.parse(
            [(text, doc.uri if doc.uri.startswith(WEB_PREFIXES) else None) for doc, text in html],
            on_result=lambda: run.documents(1, "clean"),
        )
        pages = {doc.document_id: page for (doc, _), page in zip(html, parsed_pages, strict=True)}
    # a batch of one: its clock started when its worker got it (a plain text's clean; a page's parse has a limit
    # of its own), and runs on through normalise and annotate, whatever happens between them
    alone = [doc.document_id for doc, _ in extracted.texts] if len(extracted.texts) == 1 else []
    started_at = time.time() - spent.get(alone[0], 0.0) if alone else None
    return replace(cleaned_batch(extracted, articles, pages), spent=spent, started_at=started_at)  # type: ignore[arg-type]


def _merge_normalised(parts: list[NormalisedBatch]) -> NormalisedBatch:
    if not parts:
        return normalise_batch([])
    return NormalisedBatch(
        *(pl.concat([getattr(p, name) for p in parts], how="vertical") for name in NormalisedBatch.__dataclass_fields__)
    )


@task(name="normalise", cache_policy=NO_CACHE)
def normalise(cleaned: Cleaned, settings: Settings) -> Normalised:
    """Articles -> the batch's frames, in a page worker with the per-document limit (`bounded`)."""
    docs: list[ParsedDocument] = cleaned.parsed
    if docs:
        progress.current().at("normalise")
    if not docs:
        return Normalised(normalise_batch([]), [])
    frames = bounded(
        stage_pool(settings),
        settings.extract_timeout,
        normalise_batch,
        docs,
        len(docs),
        _take_list,
        _merge_normalised,
        used := used_by(cleaned.spent, cleaned.started_at, [doc.document_id for doc in docs]),
    )
    rejects = [stopped_reject(docs[i].uri, docs[i].document_id, "normalise", out) for i, out in frames.stopped]
    spent = {doc.document_id: before + t for doc, before, t in zip(docs, used, frames.seconds, strict=True)}
    return Normalised(frames.value, rejects, spent, cleaned.started_at)


@task(name="load", cache_policy=NO_CACHE)
def load(batch: LoadBatch, wh: Warehouse, checkpoint: bool) -> LoadCounts:
    """One batch in one transaction; with `checkpoint`, the WAL is then folded into the file."""
    counts = wh.load_batch(batch)
    if checkpoint:
        wh.checkpoint()
    return counts
