"""The batch engine: landed batches -> parsed on the task runner, several at once -> loaded in order.

`run_batches` is the one entry point; `ingest` and `rebuild` both call it with their batches.
Its invariants, tested in tests/flows/test_engine.py:

- **Load order.** Batches are loaded in the order they were acquired, by the flow process, the one
  writer, one transaction each (with its ledger row). A batch's first rejects (those found at
  discovery) are loaded with batch 0, and when there is no batch an empty one carries them.
- **In-flight window.** At most `batches_in_flight(runner)` batches are submitted and not yet
  loaded (threads: this one loads while the next two parse; processes/dask: one per worker
  and one queued). The oldest is loaded before another is submitted past the window.
- **Known before skipped.** Before a batch is submitted, the documents it shares with a batch
  still in flight are loaded first (every earlier batch, in order), so `skip-known` sees them
  and they are counted unchanged, never parsed twice.
- **Checkpoint cadence.** The WAL is folded into the file after the first batch loaded
  `CHECKPOINT_SECONDS` or more after the last checkpoint (each costs a write of the changed
  blocks): a crash replays at most that much loading.
- **Garbage.** A loaded batch's task futures are garbage in reference cycles (a Prefect future
  and the concurrent future whose done-callback is its bound method), so what they hold (the
  batch's bytes, pages, frames) is freed only by Python's cyclic collector, which counts
  objects, not bytes. So the garbage is collected after each batch; what was alive before the
  first batch (imports, Prefect, the warehouse) is frozen meanwhile, so a collection walks only
  what batches made.
- **Page workers end before the last load.** Once the input is used up and one batch is left, the flow
  waits for that batch's stages and ends this process's page workers before enriching and loading it:
  they hold hundreds of MB each and have nothing left to do while the writer enriches and loads the
  last batch, checks and publishes (on a large warehouse the writer's own peak comes then).
- **Progress.** Every input of a batch counts once in the run's progress (flows/progress.py): those
  needing no parse when the batch starts, the rest as the stages finish them (with the threads runner:
  in this process, page by page; with processes or dask, when the batch is loaded).
- **Interrupts.** Under the command line's signal handling (flows/interrupts.py) a signal stops the run
  where the flow is (landing, fetching, waiting for a parse), except inside a batch's load: that batch
  is loaded whole, then the run stops. A batch whose parse was stopped is never loaded; the page
  workers are ended in any case.
"""

from __future__ import annotations

import gc
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Generic, Protocol, TypeVar

from prefect import get_run_logger
from prefect.runtime import flow_run

from flows import interrupts, progress
from flows.enrichment import Annotated, annotate, enrich
from flows.memory import release_freed_memory
from flows.page_workers import close_shared_pools
from flows.runners import batches_in_flight
from flows.settings import Settings
from flows.stages import Normalised, clean, extract, load, normalise, skip_known
from flows.summary import RunSummary
from transforms.documents.outcomes import (
    Cleaned,
    Extracted,
    LandedDocument,
    twins_of_rejects,
    with_rejected_status,
    without_documents,
)
from transforms.frames.ledger import FetchRecord, Reject, documents_frame, fetches_frame, rejects_frame
from transforms.frames.normalise import PIPELINE_VERSION
from warehouse import LoadBatch, Warehouse

CHECKPOINT_SECONDS = 10.0  # fold the WAL into the file this often: a crash replays at most this much loading

T = TypeVar("T")
B = TypeVar("B")


@dataclass(frozen=True)
class Acquired:
    """One batch of inputs, landed: documents to parse, rejects, fetch outcomes (web), input count."""

    landed: list[LandedDocument]
    rejects: list[Reject]
    n_inputs: int
    fetches: list[FetchRecord] | None = None


class Started(Protocol):
    """A batch submitted and not loaded yet: the documents it will load."""

    @property
    def document_ids(self) -> set[str]: ...


S = TypeVar("S", bound=Started)


class Checkpoints:
    """When to fold the WAL into the file: once `every` seconds have passed since the last time."""

    def __init__(self, every: float = CHECKPOINT_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.every, self.clock = every, clock
        self.last = clock()

    def due(self) -> bool:
        return self.clock() - self.last >= self.every

    def done(self) -> None:
        self.last = self.clock()


def in_order(
    batches: Iterable[B],
    ids: Callable[[B], set[str]],
    start: Callable[[int, B], S],
    finish: Callable[[S], None],
    window: int,
    before_last: Callable[[S], object] | None = None,
) -> None:
    """The engine's schedule: `start` each batch (submit it), at most `window` started and not
    finished, `finish` (load) them oldest first, a batch sharing documents (`ids`) with a started
    one only after every started batch is finished. Garbage is collected after each finish,
    with what existed before the first batch frozen. Once `batches` is used up and every other
    batch is finished, `before_last` is called with the last one, then it is finished."""
    in_flight: deque[S] = deque()

    def finish_oldest() -> None:
        finish(in_flight.popleft())
        gc.collect()

    gc.collect()
    gc.freeze()
    try:
        for index, batch in enumerate(batches):
            if any(ids(batch) & started.document_ids for started in in_flight):
                while in_flight:  # the same bytes are on their way in: load them first, so they are known
                    finish_oldest()
            in_flight.append(start(index, batch))
            while len(in_flight) >= window:
                finish_oldest()
        while in_flight:
            if len(in_flight) == 1 and before_last is not None:
                before_last(in_flight[0])
            finish_oldest()
    finally:
        gc.unfreeze()


T_co = TypeVar("T_co", covariant=True)


class Future(Protocol[T_co]):
    def result(self) -> T_co: ...


@dataclass(frozen=True)
class _Ready(Generic[T]):
    """A stage's result computed on the spot, standing in for a task runner's future."""

    value: T

    def result(self) -> T:
        return self.value


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
    normalised: Future[Normalised]
    annotated: Future[Annotated]
    document_ids: set[str] = field(default_factory=set)


def _at_least_one(batches: Iterable[Acquired]) -> Iterator[Acquired]:
    """The batches, or one empty batch when there are none (rejects at discovery still get loaded)."""
    empty = True
    for acquired in batches:
        empty = False
        yield acquired
    if empty:
        yield Acquired([], [], 0)


Stages = tuple[Future[Extracted], Future[Cleaned], Future[Normalised], Future[Annotated]]


def _submitted(fresh: list[LandedDocument], settings: Settings) -> Stages:
    """A batch's extract -> clean -> normalise -> annotate, submitted to the task runner (clean,
    normalise and annotate do their work in the page workers, a time limit a document)."""
    extracted = extract.submit(fresh, settings.max_bytes)
    # a future passed to submit is resolved to its result by Prefect, which the overloads do not say
    cleaned = clean.submit(extracted, settings)  # type: ignore[call-overload]
    normalised = normalise.submit(cleaned, settings)
    return extracted, cleaned, normalised, annotate.submit(normalised, settings)  # type: ignore[call-overload]


def _nothing_to_parse(settings: Settings) -> Stages:
    """The stages' empty results, without a task run each: a batch whose inputs are all unchanged
    (a re-run) costs its skip-known and load, not four task runs that have nothing to do."""
    extracted = extract.fn([], settings.max_bytes)
    cleaned = clean.fn(extracted, settings)
    normalised = normalise.fn(cleaned, settings)
    return _Ready(extracted), _Ready(cleaned), _Ready(normalised), _Ready(annotate.fn(normalised, settings))


def run_batches(
    batches: Iterable[Acquired],
    wh: Warehouse,
    settings: Settings,
    summary: RunSummary,
    advance: Callable[[int], object],
    first_rejects: list[Reject] | None = None,
) -> None:
    """Every landed batch goes through extract -> clean -> normalise -> annotate on the task
    runner, several batches in flight, and is enriched and loaded here, in order, by the one
    writer; `first_rejects` (found before any batch) are loaded with the first. Counts go to
    `summary`, `advance(n)` is told each loaded batch's inputs (the progress' loaded count)."""
    first_rejects = first_rejects or []
    checkpoints = Checkpoints()
    run = progress.current()
    counted_by_stages = settings.runner.kind == "threads"  # the stages run here and count their documents

    def start(index: int, acquired: Acquired) -> InFlight:
        fresh = skip_known(acquired.landed, wh)
        if acquired.n_inputs > len(fresh):
            run.documents(acquired.n_inputs - len(fresh), "skip-known")
        extracted, cleaned, normalised, annotated = (
            _submitted(fresh, settings) if fresh else _nothing_to_parse(settings)
        )
        return InFlight(
            index,
            acquired,
            first_rejects if index == 0 else [],
            fresh,
            datetime.now(UTC),
            extracted,
            cleaned,
            normalised,
            annotated,
            {doc.document_id for doc in fresh},
        )

    def finish(batch: InFlight) -> None:
        _load_batch(batch, wh, summary, checkpoints)
        if not counted_by_stages:
            run.documents(len(batch.fresh), "load")
        advance(batch.acquired.n_inputs)

    try:
        with interrupts.reasserted():
            in_order(
                _landing(_at_least_one(batches) if first_rejects else batches, run),
                lambda acquired: {doc.document_id for doc in acquired.landed},
                start,
                finish,
                batches_in_flight(settings.runner),
                _end_workers_once_parsed,
            )
    finally:
        close_shared_pools()  # this process's page workers end with the run's last batch, or its stop


def _landing(batches: Iterable[Acquired], run: progress.RunProgress | progress._NoProgress) -> Iterator[Acquired]:
    """The batches, the run's progress at `land` while the next one is landed (or fetched)."""
    batches = iter(batches)
    while True:
        run.at("land")
        interrupts.stop_if_requested()
        try:
            yield next(batches)
        except StopIteration:
            return


def _parsed(batch: InFlight) -> tuple[Extracted, Cleaned, Normalised, Annotated]:
    """Wait for a batch's stages: their results, or the error that stopped one (a parse stopped by
    a signal stops the run: the batch is not loaded)."""
    try:
        return batch.extracted.result(), batch.cleaned.result(), batch.normalised.result(), batch.annotated.result()
    except Exception:
        interrupts.stop_if_requested()
        raise


def _end_workers_once_parsed(last: InFlight) -> None:
    """The run's last batch: once its stages are done no page is left to parse, so this process's
    page workers end before it is enriched and loaded, not after the run's checks and publish."""
    _parsed(last)
    close_shared_pools()


def _load_batch(batch: InFlight, wh: Warehouse, summary: RunSummary, checkpoints: Checkpoints) -> None:
    """Wait for one batch's parse, enrich it, load it with its ledger row, count it; checkpoint
    when one is due."""
    due = checkpoints.due()
    acquired = batch.acquired
    extracted, cleaned, normalised, annotated = _parsed(batch)
    release_freed_memory()  # what the parse freed in this process (threads: a first use's source data), before enrich
    progress.current().at("enrich")
    stage_rejects = extracted.rejects + cleaned.rejects + normalised.rejects + annotated.rejects
    rejects = batch.earlier_rejects + acquired.rejects + stage_rejects
    rejects += twins_of_rejects(acquired.landed, batch.fresh, stage_rejects)
    # a document annotate stopped is rejected: its articles are not loaded
    frames = without_documents(normalised.batch, {r.document_id for r in annotated.rejects if r.document_id})
    documents = documents_frame(with_rejected_status(extracted.records, stage_rejects))
    # a batch with nothing to parse (a re-run's) is enriched and loaded by plain calls, as its stages were
    # (_nothing_to_parse): a task run each costs about 40 ms, most of an unchanged batch's time
    quiet = not batch.fresh
    enriched, loaded = (enrich.fn, load.fn) if quiet else (enrich, load)
    analysis = enriched(frames.articles, documents, annotated.annotations, wh)  # reads earlier batches' rows
    interrupts.stop_if_requested()
    progress.current().at("load")
    with interrupts.protected():  # a first signal lets the batch be loaded whole, then stops the run
        counts = loaded(
            LoadBatch(
                load_id=str(uuid.uuid4()),
                run_id=flow_run.id,
                batch_index=batch.index,
                started_at=batch.started_at,
                n_inputs=acquired.n_inputs + len(batch.earlier_rejects),
                pipeline_version=PIPELINE_VERSION,
                documents=documents,
                articles=frames.articles,
                blocks=frames.blocks,
                removed_spans=frames.removed_spans,
                rejects=rejects_frame(rejects),
                date_candidates=frames.date_candidates,
                article_dates=frames.article_dates,
                fetches=fetches_frame(acquired.fetches) if acquired.fetches else None,
                analysis=analysis,
            ),
            wh,
            due,
        )
        interrupts.tally().add(counts.n_loaded, counts.n_unchanged, counts.n_rejected)
    if due:
        checkpoints.done()
    summary.add_batch(
        counts,
        acquired.n_inputs,
        rejects,
        {"land": len(acquired.landed), "extract": len(extracted.texts), "clean": len(cleaned.parsed)},
    )
    get_run_logger().info(
        "batch %d: %d loaded, %d unchanged, %d rejected",
        batch.index,
        counts.n_loaded,
        counts.n_unchanged,
        counts.n_rejected,
    )
