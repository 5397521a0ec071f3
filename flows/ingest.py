"""The `ingest` flow: discover -> land -> extract -> clean -> normalise -> load -> check.

Inputs are plain-text articles and HTML pages (either may be gzip-compressed): `extract`
turns bytes into text (HTML decoded the way browsers do), `clean` turns text into an article
(for HTML: main-content extraction, then the same boilerplate rules as plain text).

Each task works on a batch of documents. The flow holds the one warehouse connection (DuckDB
has one writer); tasks that do not touch it are pure transforms wrapped for orchestration.
Run it with `newsetl ingest PATH...` or `python -m flows.ingest PATH...`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import datetime, timezone

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from flows.inputs import InputFile, LandedDocument, discover_files, land_files
from flows.settings import Settings
from flows.summary import RunSummary
from transforms import reasons
from transforms.batch_frames import DocumentRecord, Reject, documents_frame, rejects_frame
from transforms.decoding import DecodedText, DecompressionRefused, decode_html, decode_text, maybe_gunzip
from transforms.html_pages import MIN_BODY_WORDS, parse_html_page
from transforms.normalise import PIPELINE_VERSION, NormalisedBatch, ParsedDocument, normalise_batch
from transforms.sources import source_registry
from transforms.text_articles import parse_text_article
from warehouse import CheckResult, LoadBatch, LoadCounts, Warehouse


def _batches(items: list[InputFile], size: int) -> Iterator[list[InputFile]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: list[str]) -> tuple[list[InputFile], list[Reject]]:
    return discover_files(paths)


@task(name="land", cache_policy=NO_CACHE)
def land(files: list[InputFile], settings: Settings) -> tuple[list[LandedDocument], list[Reject]]:
    return land_files(files, settings.landing_dir, settings.max_bytes)


@task(name="skip-known", cache_policy=NO_CACHE)
def skip_known(landed: list[LandedDocument], wh: Warehouse) -> list[LandedDocument]:
    """Inputs whose bytes were loaded before (or repeat in this batch) are unchanged: not parsed again."""
    loaded_before = {d for d, status in wh.known_documents([d.document_id for d in landed]).items() if status != "rejected"}
    fresh: list[LandedDocument] = []
    seen: set[str] = set()
    for doc in landed:
        if doc.document_id in loaded_before or doc.document_id in seen:
            continue
        seen.add(doc.document_id)
        fresh.append(doc)
    return fresh


def _decoded(doc: LandedDocument, max_bytes: int) -> DecodedText:
    try:
        data = maybe_gunzip(doc.data, max_bytes)
    except DecompressionRefused as refused:
        return DecodedText(None, None, refused.reason, refused.detail)
    return decode_html(data, doc.content_type) if doc.kind == "html" else decode_text(data)


@task(name="extract", cache_policy=NO_CACHE)
def extract(
    landed: list[LandedDocument], max_bytes: int
) -> tuple[list[tuple[LandedDocument, str]], list[Reject], list[DocumentRecord]]:
    """Bytes -> text. Returns (document, text) pairs, rejects, and a ledger record per document."""
    texts, rejects, records = [], [], []
    for doc in landed:
        decoded = _decoded(doc, max_bytes)
        status = "rejected" if decoded.text is None else "loaded"
        records.append(DocumentRecord(doc.document_id, doc.uri, doc.kind, doc.fetched_at, decoded.encoding,
                                      len(doc.data), doc.landing_path, status, doc.origin, doc.http_status,
                                      doc.content_type, doc.final_url, doc.etag, doc.last_modified))
        if decoded.text is None:
            rejects.append(Reject(doc.uri, "extract", decoded.reason or reasons.UNDECODABLE, decoded.detail, doc.document_id))
        else:
            texts.append((doc, decoded.text))
    return texts, rejects, records


def _parsed(doc: LandedDocument, text: str) -> tuple[ParsedDocument | None, str]:
    """The parsed document, or None and why there is no article in it."""
    if doc.kind == "html":
        page = parse_html_page(text, url=doc.uri if doc.uri.startswith(("http://", "https://")) else None)
        parsed = ParsedDocument(doc.document_id, doc.uri, page.article, page.metadata, page.extractor)
        if not page.has_article:
            return None, (f"{page.n_body_words} body words (fewer than {MIN_BODY_WORDS}) after "
                          f"{len(page.article.removed)} boilerplate spans; extractor vote: {page.vote}")
        return parsed, ""
    article = parse_text_article(text)
    if not article.body_blocks:
        return None, f"{len(article.removed)} boilerplate spans, no body paragraph"
    return ParsedDocument(doc.document_id, doc.uri, article), ""


@task(name="clean", cache_policy=NO_CACHE)
def clean(texts: list[tuple[LandedDocument, str]]) -> tuple[list[ParsedDocument], list[Reject]]:
    parsed, rejects = [], []
    for doc, text in texts:
        document, why_not = _parsed(doc, text)
        if document is None:
            rejects.append(Reject(doc.uri, "clean", reasons.NO_ARTICLE_TEXT, why_not, doc.document_id))
        else:
            parsed.append(document)
    return parsed, rejects


@task(name="normalise", cache_policy=NO_CACHE)
def normalise(parsed: list[ParsedDocument]) -> NormalisedBatch:
    return normalise_batch(parsed)


@task(name="load", cache_policy=NO_CACHE)
def load(batch: LoadBatch, wh: Warehouse) -> LoadCounts:
    return wh.load_batch(batch)


@task(name="check", cache_policy=NO_CACHE)
def check(wh: Warehouse) -> list[CheckResult]:
    wh.checkpoint()
    return wh.run_checks()


def _progress(enabled: bool) -> Progress | nullcontext:
    if not enabled:
        return nullcontext()
    return Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True)


@flow(name="ingest")
def ingest(
    paths: list[str],
    db_path: str | None = None,
    landing_dir: str | None = None,
    batch_size: int | None = None,
    max_bytes: int | None = None,
    show_progress: bool = False,
) -> RunSummary:
    """Ingest plain-text articles and HTML pages from files and folders into the warehouse."""
    logger = get_run_logger()
    started = time.monotonic()
    settings = Settings.resolve(db_path, landing_dir, batch_size, max_bytes)
    summary = RunSummary(str(settings.db_path))

    files, discover_rejects = discover(paths)
    summary.n_seen = len(files) + len(discover_rejects)
    logger.info("discovered %d input files, %d rejected at discovery", len(files), len(discover_rejects))
    batches = list(_batches(files, settings.batch_size)) or ([[]] if discover_rejects else [])

    with Warehouse(settings.db_path) as wh, _progress(show_progress) as progress:
        bar = progress.add_task("ingest", total=len(files)) if progress else None
        wh.upsert_sources(source_registry())
        for index, batch in enumerate(batches):
            batch_started = datetime.now(timezone.utc)
            landed, land_rejects = land(batch, settings)
            fresh = skip_known(landed, wh)
            texts, extract_rejects, records = extract(fresh, settings.max_bytes)
            parsed, clean_rejects = clean(texts)
            normalised = normalise(parsed)
            earlier_rejects = discover_rejects if index == 0 else []  # discovery's rejects load with batch 0
            rejects = earlier_rejects + land_rejects + extract_rejects + clean_rejects
            counts = load(
                LoadBatch(
                    load_id=str(uuid.uuid4()), run_id=flow_run.id, batch_index=index, started_at=batch_started,
                    n_inputs=len(batch) + len(earlier_rejects),
                    pipeline_version=PIPELINE_VERSION, documents=documents_frame(records),
                    articles=normalised.articles, blocks=normalised.blocks,
                    removed_spans=normalised.removed_spans, rejects=rejects_frame(rejects),
                ),
                wh,
            )
            summary.load_ids.append(counts.load_id)
            summary.n_loaded += counts.n_loaded
            summary.n_unchanged += counts.n_unchanged
            summary.n_rejected += counts.n_rejected
            summary.rejected_by_reason.update(r.reason for r in rejects)
            if progress:
                progress.update(bar, advance=len(batch))
            logger.info("batch %d: %d loaded, %d unchanged, %d rejected", index, counts.n_loaded,
                        counts.n_unchanged, counts.n_rejected)
        summary.checks = check(wh)

    summary.seconds = time.monotonic() - started
    create_markdown_artifact(summary.markdown(), key="ingest-summary", description="Counts per outcome and reason")
    for line in summary.lines():
        logger.info(line)
    return summary


if __name__ == "__main__":
    from flows.cli import ingest_main

    ingest_main()
