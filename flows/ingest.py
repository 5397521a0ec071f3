"""The `ingest` flow: discover -> land -> extract -> clean -> normalise -> enrich -> load -> check.

Inputs are plain-text articles and HTML pages (either may be gzip-compressed) from files and
folders, and web pages: URLs, feed entries and sitemap pages (`expand`, then `fetch`, politely
and safely, conditionally on re-runs) and WARC records. Every body lands before parsing.
`extract` turns bytes into text (HTML decoded the way browsers do), `clean` turns text into an
article (for HTML: main-content extraction, then the same boilerplate rules as plain text).
`annotate` and `enrich` add quotes, mentions, near-duplicate copies and stories (`flows/enrichment.py`).

Each task works on a batch of documents. The flow holds the one warehouse connection (DuckDB
has one writer); tasks that do not touch it are pure transforms wrapped for orchestration.
Run it with `newsetl ingest PATH...` or `python -m flows.ingest PATH...`.
"""

from __future__ import annotations

import gc
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from flows.fetching import Fetcher, FetchPolicy
from flows.inputs import (
    InputFile,
    LandedDocument,
    discover_files,
    land_files,
    landed_entries,
    record_landed,
    read_manifests,
    recover_landed,
)
from flows.enrichment import annotate, enrich
from flows.page_workers import Failed, PoolKey, TimedOut, close_shared_pools, run_in, shared_pool
from flows.runners import batches_in_flight, runner_from_environment
from flows.web_sources import WEB_ORIGINS, Expansion, FetchedBatch, expand_sources, fetch_pages, read_url_list, warc_batches
from flows.settings import RunnerChoice, Settings
from flows.summary import RunSummary
from transforms import reasons
from transforms.analysis.annotations import Annotations
from transforms.frames.ledger import DocumentRecord, FetchRecord, Reject, documents_frame, fetches_frame, rejects_frame
from transforms.documents.decoding import (
    DecodedText,
    DecompressionRefused,
    decode_html,
    decode_text,
    is_html_media_type,
    maybe_gunzip,
)
from transforms.html.pages import MIN_BODY_WORDS, HtmlPage
from transforms.frames.normalise import PIPELINE_VERSION, NormalisedBatch, ParsedDocument, normalise_batch
from transforms.metadata.sources import source_registry
from transforms.text.articles import TextArticle, parse_text_articles
from warehouse import CheckResult, LoadBatch, LoadCounts, Warehouse, WarehouseError
from warehouse import snapshot
from warehouse.lock import LockHolder, busy_message, writer_lock


def _batches(items: list[InputFile], size: int) -> Iterator[list[InputFile]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: list[str], manifests: list[str]) -> tuple[list[InputFile], list[Reject]]:
    """Paths -> input files, with their sidecars; the files manifest CSVs list are inputs too."""
    listed, manifest_files, manifest_rejects = read_manifests(manifests)
    files, rejects = discover_files(paths + manifest_files, listed)
    return files, manifest_rejects + rejects


@task(name="expand", cache_policy=NO_CACHE)
def expand(urls: list[str], url_files: list[str], feeds: list[str], sitemaps: list[str], fetcher: Fetcher,
           settings: Settings) -> Expansion:
    """URL arguments and URL-list files, feed entries and sitemap pages -> canonical article URLs."""
    listed = list(urls)
    missing: list[Reject] = []
    for name in url_files:
        path = Path(name).expanduser()
        if path.is_file():
            listed += read_url_list(path)
        else:
            missing.append(Reject(path.absolute().as_uri(), "discover", reasons.NOT_FOUND, f"no such URL list: {name}"))
    expansion = expand_sources(fetcher, listed, feeds, sitemaps, settings.max_fetch_bytes)
    expansion.rejects[:0] = missing
    return expansion


@task(name="fetch", cache_policy=NO_CACHE)
def fetch(urls: list[str], validators: dict[str, tuple[str | None, str | None]], fetcher: Fetcher,
          settings: Settings) -> FetchedBatch:
    """Fetch a batch of URLs politely; every body lands before anything parses it."""
    return fetch_pages(fetcher, urls, validators, settings.landing_dir)


@task(name="recover", cache_policy=NO_CACHE)
def recover(wh: Warehouse, settings: Settings) -> list[LandedDocument]:
    """Open-and-verify: documents in the landing manifest (last days) that the warehouse never
    recorded — a run stopped between landing and loading — are read back from the store."""
    entries = landed_entries(settings.landing_dir, str(settings.db_path))
    known = set(wh.known_documents(sorted({e["document_id"] for e in entries if "document_id" in e})))
    recovered = recover_landed(settings.landing_dir, entries, known)
    if recovered:
        get_run_logger().warning("recovering %d documents landed by an interrupted run", len(recovered))
    return recovered


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


WEB_PREFIXES = ("http://", "https://")


def _twins_of_rejects(landed: list[LandedDocument], fresh: list[LandedDocument], rejects: list[Reject]) -> list[Reject]:
    """An input with the same bytes as one parsed in this batch shares its fate: when that one was
    rejected, the twin gets its own rejects row (else it would pass as 'unchanged')."""
    parsed = {id(doc) for doc in fresh}
    by_document = {r.document_id: r for r in rejects if r.document_id}
    return [
        Reject(doc.uri, first.stage, first.reason, f"same bytes as {first.uri}: {first.detail}", doc.document_id)
        for doc in landed
        if id(doc) not in parsed and (first := by_document.get(doc.document_id)) is not None and first.uri != doc.uri
    ]


def _decoded(doc: LandedDocument, max_bytes: int) -> DecodedText:
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


@dataclass(frozen=True)
class Extracted:
    """A batch as text: (document, text) pairs, rejects, and a ledger record per document."""

    texts: list[tuple[LandedDocument, str]]
    rejects: list[Reject]
    records: list[DocumentRecord]


@dataclass(frozen=True)
class Cleaned:
    parsed: list[ParsedDocument]
    rejects: list[Reject]


@task(name="extract", cache_policy=NO_CACHE)
def extract(landed: list[LandedDocument], max_bytes: int) -> Extracted:
    """Bytes -> text."""
    texts, rejects, records = [], [], []
    for doc in landed:
        decoded = _decoded(doc, max_bytes)
        status = "rejected" if decoded.text is None else "loaded"
        records.append(DocumentRecord(doc.document_id, doc.uri, doc.kind, doc.fetched_at, decoded.encoding,
                                      len(doc.data), doc.landing_path, status, doc.origin, doc.http_status,
                                      doc.content_type, doc.final_url, doc.etag, doc.last_modified, doc.sidecar_uris))
        if decoded.text is None:
            rejects.append(Reject(doc.uri, "extract", decoded.reason or reasons.UNDECODABLE, decoded.detail, doc.document_id))
        else:
            texts.append((doc, decoded.text))
    return Extracted(texts, rejects, records)


def _html_document(doc: LandedDocument, page: HtmlPage | TimedOut | Failed) -> tuple[ParsedDocument | None, Reject | None]:
    if isinstance(page, TimedOut):
        return None, Reject(doc.uri, "clean", reasons.EXTRACT_TIMEOUT,
                            f"parsing stopped after {page.seconds} s", doc.document_id)
    if isinstance(page, Failed):
        return None, Reject(doc.uri, "clean", reasons.EXTRACT_FAILED, page.error, doc.document_id)
    if page.is_too_deep:
        return None, Reject(doc.uri, "clean", reasons.TOO_DEEPLY_NESTED,
                            "no article text: the HTML nests deeper than the parser's limit of 256 elements, "
                            "which drops everything below it", doc.document_id)
    if not page.has_article:
        return None, Reject(doc.uri, "clean", reasons.NO_ARTICLE_TEXT,
                            f"{page.n_body_words} body words (fewer than {MIN_BODY_WORDS}) after "
                            f"{len(page.article.removed)} boilerplate spans; extractor vote: {page.vote}", doc.document_id)
    return ParsedDocument(doc.document_id, doc.uri, page.article, page.metadata, page.extractor, doc.fetched_at,
                          doc.sidecar, page.dates), None


def _text_document(doc: LandedDocument, article: TextArticle) -> tuple[ParsedDocument | None, Reject | None]:
    if not article.body_blocks:
        return None, Reject(doc.uri, "clean", reasons.NO_ARTICLE_TEXT,
                            f"{len(article.removed)} boilerplate spans, no body paragraph", doc.document_id)
    return ParsedDocument(doc.document_id, doc.uri, article, seen_at=doc.fetched_at, sidecar=doc.sidecar), None


@task(name="clean", cache_policy=NO_CACHE)
def clean(extracted: Extracted, settings: Settings, offload_to: PoolKey | None = None) -> Cleaned:
    """Text -> articles. HTML pages are parsed in worker processes, each page with a time limit;
    plain texts in a worker of the pool `offload_to` names, else in this thread."""
    texts = extracted.texts
    plain = [text for doc, text in texts if doc.kind != "html"]
    articles = iter(run_in(offload_to, parse_text_articles, plain) if plain else [])
    html = [(doc, text) for doc, text in texts if doc.kind == "html"]
    pages: dict[str, HtmlPage | TimedOut | Failed] = {}
    if html:
        pool = shared_pool(settings.workers, settings.extract_timeout)  # kept across batches, shared by them
        parsed_pages = pool.parse([(text, doc.uri if doc.uri.startswith(WEB_PREFIXES) else None)
                                   for doc, text in html])
        pages = {doc.document_id: page for (doc, _), page in zip(html, parsed_pages, strict=True)}
    parsed, rejects = [], []
    for doc, text in texts:
        document, reject = (_html_document(doc, pages[doc.document_id]) if doc.kind == "html"
                            else _text_document(doc, next(articles)))
        if document is not None:
            parsed.append(document)
        if reject is not None:
            rejects.append(reject)
    return Cleaned(parsed, rejects)


@task(name="normalise", cache_policy=NO_CACHE)
def normalise(cleaned: Cleaned, offload_to: PoolKey | None = None) -> NormalisedBatch:
    """Articles -> the batch's frames; in a worker of the pool `offload_to` names, else in this thread."""
    return run_in(offload_to, normalise_batch, cleaned.parsed)


CHECKPOINT_SECONDS = 10.0  # fold the WAL into the file this often: a crash replays at most this much loading


@task(name="load", cache_policy=NO_CACHE)
def load(batch: LoadBatch, wh: Warehouse, checkpoint: bool) -> LoadCounts:
    """One batch in one transaction; with `checkpoint`, the WAL is then folded into the file
    (each checkpoint costs a write of the changed blocks, so it follows a batch every
    CHECKPOINT_SECONDS, not every batch: a crash replays at most that much WAL)."""
    counts = wh.load_batch(batch)
    if checkpoint:
        wh.checkpoint()
    return counts


@task(name="check", cache_policy=NO_CACHE)
def check(wh: Warehouse, load_ids: list[str]) -> tuple[list[CheckResult], str]:
    """The checks of sql/checks/, kept in check_results for this run; returns them and their run id."""
    wh.checkpoint()
    results = wh.run_checks(reason_codes=reasons.ALL)
    return results, wh.record_checks(results, flow_run.id, load_ids)


@task(name="publish", cache_policy=NO_CACHE)
def publish_snapshot(wh: Warehouse, settings: Settings, checks: list[CheckResult],
                     check_run_id: str) -> tuple[str | None, str | None]:
    """A read-only copy for BI tools (and the Parquet export), only when no error-level check
    failed, and only when some data changed since the last one. Returns the snapshot, or why
    there is none: a failed publish (a full disk) is logged and leaves the previous snapshot,
    the loaded batches stay loaded."""
    target = snapshot.snapshot_path(settings.db_path, settings.published_dir)
    failed = [c.name for c in checks if c.severity == "error" and not c.passed]
    if failed:
        why = f"error-level checks failed ({', '.join(failed)})"
    elif target.exists() and wh.snapshot_is_current(target, settings.export_parquet):
        get_run_logger().info("snapshot %s kept: no data changed since it was published", target)
        return f"{target} (kept: no data changed since it was published)", None
    else:
        try:
            return str(snapshot.publish(wh, settings.published_dir, export_parquet=settings.export_parquet,
                                        run_id=flow_run.id, check_run_id=check_run_id).path), None
        except WarehouseError as exc:
            why = str(exc)
    get_run_logger().error("not published: %s; the previous snapshot stays at %s", why, target)
    return None, why


def _log_wait(settings: Settings) -> Callable[[LockHolder], None]:
    def log(holder: LockHolder) -> None:
        get_run_logger().warning("%s; waiting up to %g s", busy_message(settings.db_path, holder), settings.lock_timeout)
    return log


def progress_bar(enabled: bool) -> Progress | nullcontext:
    if not enabled:
        return nullcontext()
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    transient=True)


@dataclass(frozen=True)
class Acquired:
    """One batch of inputs, landed: documents to parse, rejects, fetch outcomes (web), input count."""

    landed: list[LandedDocument]
    rejects: list[Reject]
    n_inputs: int
    fetches: list[FetchRecord] | None = None


def _acquisitions(settings: Settings, wh: Warehouse, files: list[InputFile], urls: list[str], warcs: list[Path],
                  fetcher: Fetcher | None) -> Iterator[Acquired]:
    """The run's inputs batch by batch: documents an interrupted run landed but did not load,
    then files, then fetched URLs, then WARC records."""
    recovered = recover(wh, settings)
    for start in range(0, len(recovered), settings.batch_size):
        chunk = recovered[start:start + settings.batch_size]
        yield Acquired(chunk, [], len(chunk))
    for batch in _batches(files, settings.batch_size):
        landed, rejects = land(batch, settings)
        # a bad sidecar is an input of its own that ended rejected (so the batch's counts add up)
        yield Acquired(landed, rejects, len(batch) + sum(r.reason == reasons.BAD_SIDECAR for r in rejects))
    for start in range(0, len(urls), settings.batch_size):
        chunk = urls[start:start + settings.batch_size]
        fetched = fetch(chunk, wh.fetch_validators(chunk), fetcher, settings)
        yield Acquired(fetched.landed, fetched.rejects, len(chunk), fetched.fetches)
    for landed, rejects in warc_batches(warcs, settings.landing_dir, settings.max_fetch_bytes, settings.batch_size):
        yield Acquired(landed, rejects, len(landed) + len(rejects))


def _acquired(settings: Settings, wh: Warehouse, files: list[InputFile], urls: list[str], warcs: list[Path],
              fetcher: Fetcher | None) -> Iterator[Acquired]:
    """Each batch's landed documents are written to the landing manifest before they are parsed."""
    for acquired in _acquisitions(settings, wh, files, urls, warcs, fetcher):
        record_landed(settings.landing_dir, acquired.landed, str(settings.db_path))
        yield acquired


def _fetch_policy(settings: Settings) -> FetchPolicy:
    defaults = FetchPolicy()
    policy = FetchPolicy(max_bytes=settings.max_fetch_bytes, host_delay=settings.host_delay,
                         allow_private=settings.allow_private_hosts, allowed_networks=settings.allowed_networks,
                         total_timeout=settings.fetch_timeout,
                         connect_timeout=min(defaults.connect_timeout, settings.fetch_timeout),
                         read_timeout=min(defaults.read_timeout, settings.fetch_timeout))
    return replace(policy, user_agent=settings.user_agent) if settings.user_agent else policy


@flow(name="ingest", task_runner=runner_from_environment())
def ingest(
    paths: list[str] | None = None,
    db_path: str | None = None,
    landing_dir: str | None = None,
    batch_size: int | None = None,
    max_bytes: int | None = None,
    show_progress: bool = False,
    urls: list[str] | None = None,
    url_files: list[str] | None = None,
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    warcs: list[str] | None = None,
    max_fetch_bytes: int | None = None,
    host_delay: float | None = None,
    allow_private_hosts: bool | None = None,
    user_agent: str | None = None,
    allowed_networks: list[str] | None = None,
    fetch_timeout: float | None = None,
    extract_timeout: float | None = None,
    workers: int | None = None,
    manifests: list[str] | None = None,
    lock_timeout: float | None = None,
    publish: bool | None = None,
    export_parquet: bool | None = None,
    task_runner: str | None = None,
    dask_address: str | None = None,
    runner_workers: int | None = None,
) -> RunSummary:
    """Ingest plain-text articles and HTML pages from files, folders, URLs, feeds, sitemaps and
    WARC archives into the warehouse."""
    logger = get_run_logger()
    started = time.monotonic()
    settings = Settings.resolve(db_path, landing_dir, batch_size, max_bytes, max_fetch_bytes, host_delay,
                                allow_private_hosts, user_agent, allowed_networks, fetch_timeout,
                                extract_timeout, workers, lock_timeout=lock_timeout, publish=publish,
                                export_parquet=export_parquet,
                                runner=RunnerChoice.resolve(task_runner, dask_address, runner_workers))
    summary = RunSummary(str(settings.db_path))
    web = bool(urls or url_files or feeds or sitemaps)

    files, discover_rejects = discover(paths or [], manifests or [])
    # one writer at a time: wait for the run holding the warehouse before fetching or landing anything
    with writer_lock(settings.db_path, settings.lock_timeout, "ingest", _log_wait(settings)), \
            (Fetcher(_fetch_policy(settings)) if web else nullcontext()) as fetcher:
        expansion = expand(urls or [], url_files or [], feeds or [], sitemaps or [], fetcher, settings) \
            if web else Expansion()
        discover_rejects += expansion.rejects
        summary.n_seen = len(discover_rejects)  # each batch adds its inputs
        logger.info("discovered %d files and %d URLs, %d rejected at discovery", len(files), len(expansion.urls),
                    len(discover_rejects))

        with Warehouse(settings.db_path) as wh, progress_bar(show_progress) as progress:
            bar = progress.add_task("ingest", total=len(files) + len(expansion.urls)) if progress else None
            wh.upsert_sources(source_registry())
            warc_paths = [Path(w).expanduser() for w in warcs or []]
            batches = _acquired(settings, wh, files, expansion.urls, warc_paths, fetcher)
            load_batches(batches, discover_rejects, wh, settings, summary,
                         lambda n: progress.update(bar, advance=n) if progress else None)
            wh.record_stage_counts(flow_run.id, summary.stage_frame())
            summary.checks, check_run_id = check(wh, summary.load_ids)
            if settings.publish:
                summary.published, summary.not_published = publish_snapshot(wh, settings, summary.checks,
                                                                             check_run_id)

    summary.seconds = time.monotonic() - started
    report(summary, "ingest")
    return summary


def report(summary: RunSummary, flow_name: str) -> None:
    """The run summary in the run's log, and kept as artifacts: markdown (`<flow>-summary`) and the
    per stage and reason counts as a table (`<flow>-stage-counts`)."""
    create_markdown_artifact(summary.markdown(), key=f"{flow_name}-summary",
                             description="Counts per outcome, stage and reason; checks")
    create_table_artifact(summary.stage_rows(), key=f"{flow_name}-stage-counts",
                          description="Inputs each stage passed on or rejected, per reason")
    logger = get_run_logger()
    for line in summary.lines():
        logger.info(line)


T = TypeVar("T")


class Future(Protocol[T]):
    def result(self) -> T: ...


@dataclass(frozen=True)
class InFlight:
    """A batch submitted to the task runner and not loaded yet."""

    index: int
    acquired: Acquired
    earlier_rejects: list[Reject]
    fresh: list[LandedDocument]
    started_at: datetime
    extracted: Future[Extracted]
    cleaned: Future[Cleaned]
    normalised: Future[NormalisedBatch]
    annotated: Future[Annotations]


def _at_least_one(batches: Iterable[Acquired]) -> Iterator[Acquired]:
    """The batches, or one empty batch when there are none (rejects at discovery still get loaded)."""
    empty = True
    for acquired in batches:
        empty = False
        yield acquired
    if empty:
        yield Acquired([], [], 0)


Stages = tuple["Future[Extracted]", "Future[Cleaned]", "Future[NormalisedBatch]", "Future[Annotations]"]


def _submitted(fresh: list[LandedDocument], settings: Settings) -> Stages:
    """A batch's extract -> clean -> normalise -> annotate, submitted to the task runner."""
    offload_to = _offload_to(settings, fresh)
    extracted = extract.submit(fresh, settings.max_bytes)
    cleaned = clean.submit(extracted, settings, offload_to)
    normalised = normalise.submit(cleaned, offload_to)
    return extracted, cleaned, normalised, annotate.submit(normalised, offload_to)


@dataclass(frozen=True)
class _Ready(Generic[T]):
    """A stage's result computed on the spot, standing in for a task runner's future."""

    value: T

    def result(self) -> T:
        return self.value


def _nothing_to_parse(settings: Settings) -> Stages:
    """The stages' empty results, without a task run each: a batch whose inputs are all unchanged
    (a re-run) costs its skip-known and load, not four task runs that have nothing to do."""
    extracted = extract.fn([], settings.max_bytes)
    cleaned = clean.fn(extracted, settings)
    normalised = normalise.fn(cleaned)
    return _Ready(extracted), _Ready(cleaned), _Ready(normalised), _Ready(annotate.fn(normalised))


def _offload_to(settings: Settings, fresh: list[LandedDocument]) -> PoolKey | None:
    """Where a batch's clean, normalise and annotate run: in the page workers for a batch of plain
    texts when there are two or more of them and the stages would otherwise share the flow's
    threads (and one core, under the GIL); in the flow's threads when the workers parse pages of
    the batch, or with one worker (the flow's own thread is then the second lane), or when there
    is nothing to parse."""
    if not fresh or settings.workers < 2 or settings.runner.kind != "threads" or any(d.kind == "html" for d in fresh):
        return None
    return (settings.workers, settings.extract_timeout)


def load_batches(batches: Iterable[Acquired], first_rejects: list[Reject], wh: Warehouse, settings: Settings,
                 summary: RunSummary, advance: Callable[[int], object]) -> None:
    """Every landed batch goes through extract -> clean -> normalise on the task runner, several
    batches in flight, and is loaded here, in order, by the one writer.

    A loaded batch's task futures are garbage in reference cycles (a Prefect future and the
    concurrent future whose done-callback is its bound method), so what they hold (the batch's
    bytes, decoded pages, frames) is freed only by Python's cyclic collector, which counts
    objects, not bytes: batches of large pages piled up, hundreds of MB, before it ran. So the
    garbage is collected after each batch; what was alive before the first batch (imports,
    Prefect, the warehouse) is frozen meanwhile, so a collection walks only what batches made."""
    in_flight: deque[InFlight] = deque()
    checkpointed = [time.monotonic()]  # when the WAL was last folded into the file

    def finish_oldest() -> None:
        _finish_batch(in_flight.popleft(), wh, summary, advance, checkpointed)
        gc.collect()

    gc.collect()
    gc.freeze()
    try:
        for index, acquired in enumerate(_at_least_one(batches) if first_rejects else batches):
            ids = {doc.document_id for doc in acquired.landed}
            if any(ids & {doc.document_id for doc in earlier.fresh} for earlier in in_flight):
                while in_flight:  # the same bytes are on their way in: load them first, so they are known
                    finish_oldest()
            fresh = skip_known(acquired.landed, wh)
            stages = _submitted(fresh, settings) if fresh else _nothing_to_parse(settings)
            in_flight.append(InFlight(index, acquired, first_rejects if index == 0 else [], fresh,
                                      datetime.now(timezone.utc), *stages))
            while len(in_flight) >= batches_in_flight(settings.runner):
                finish_oldest()
        while in_flight:
            finish_oldest()
    finally:
        gc.unfreeze()
    close_shared_pools()  # this process's page workers end with the run's last batch


def _finish_batch(batch: InFlight, wh: Warehouse, summary: RunSummary, advance: Callable[[int], object],
                  checkpointed: list[float]) -> None:
    """Wait for one batch's parse, load it with its ledger row, count it; checkpoint when the
    last checkpoint is CHECKPOINT_SECONDS old (`checkpointed` holds its time)."""
    due = time.monotonic() - checkpointed[0] >= CHECKPOINT_SECONDS
    acquired = batch.acquired
    extracted, cleaned, normalised = batch.extracted.result(), batch.cleaned.result(), batch.normalised.result()
    rejects = batch.earlier_rejects + acquired.rejects + extracted.rejects + cleaned.rejects
    rejects += _twins_of_rejects(acquired.landed, batch.fresh, extracted.rejects + cleaned.rejects)
    documents = documents_frame(extracted.records)
    analysis = enrich(normalised.articles, documents, batch.annotated.result(), wh)  # reads earlier batches' rows
    counts = load(
        LoadBatch(
            load_id=str(uuid.uuid4()), run_id=flow_run.id, batch_index=batch.index, started_at=batch.started_at,
            n_inputs=acquired.n_inputs + len(batch.earlier_rejects),
            pipeline_version=PIPELINE_VERSION, documents=documents,
            articles=normalised.articles, blocks=normalised.blocks,
            removed_spans=normalised.removed_spans, rejects=rejects_frame(rejects),
            date_candidates=normalised.date_candidates, article_dates=normalised.article_dates,
            fetches=fetches_frame(acquired.fetches) if acquired.fetches else None, analysis=analysis,
        ),
        wh, due,
    )
    if due:
        checkpointed[0] = time.monotonic()
    summary.add_batch(counts, acquired.n_inputs, rejects,
                      {"land": len(acquired.landed), "extract": len(extracted.texts), "clean": len(cleaned.parsed)})
    advance(acquired.n_inputs)
    get_run_logger().info("batch %d: %d loaded, %d unchanged, %d rejected", batch.index, counts.n_loaded,
                          counts.n_unchanged, counts.n_rejected)


if __name__ == "__main__":
    from flows.cli import ingest_main

    ingest_main()
