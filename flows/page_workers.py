"""HTML pages parsed in worker processes, each with a time limit.

trafilatura has no timeout of its own in library mode: a pathological page (a million-row
table, 100,000 nested elements) could stall a batch. Pages are parsed in a small pool of
worker processes, at most `workers` at a time; a page still running after `timeout` seconds
has its worker killed, is reported as timed out, and the others go on. The pool also spreads
the parsing over the machine's cores.

Workers come from a forkserver that has imported the parsing modules once, so a replacement
worker starts in milliseconds and no worker inherits the parent's threads or sockets.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import time
from collections.abc import Callable
from dataclasses import dataclass

from transforms.html_pages import HtmlPage, parse_html_page

PRELOAD = ["transforms.html_pages"]
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class TimedOut:
    seconds: float


@dataclass(frozen=True)
class Failed:
    error: str  # the exception the parser raised, as text


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


class PagePool:
    """A pool of page parsers; use as a context manager, or call close()."""

    def __init__(self, workers: int, timeout: float,
                 parser: Callable[[str, str | None], HtmlPage] = parse_html_page) -> None:
        """`parser` must be a module-level function (workers import it by name)."""
        if workers < 1 or timeout <= 0:
            raise ValueError(f"workers must be >= 1 and timeout > 0, got {workers}, {timeout}")
        self.workers, self.timeout, self.parser = workers, timeout, parser
        self._pool: multiprocessing.pool.Pool | None = None

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _started(self) -> multiprocessing.pool.Pool:
        if self._pool is None:
            self._pool = _context().Pool(self.workers)
        return self._pool

    def parse(self, pages: list[tuple[str, str | None]]) -> list[HtmlPage | TimedOut | Failed]:
        """Parse (html, url) pairs; results in input order. A page gets `timeout` seconds from the
        moment its wave starts (waves of `workers` pages, so queueing does not eat its time)."""
        results: list[HtmlPage | TimedOut | Failed] = []
        for start in range(0, len(pages), self.workers):
            results += self._wave(pages[start:start + self.workers])
        return results

    def _wave(self, pages: list[tuple[str, str | None]]) -> list[HtmlPage | TimedOut | Failed]:
        pool = self._started()
        started = time.monotonic()
        jobs = [pool.apply_async(self.parser, page) for page in pages]
        while not all(job.ready() for job in jobs) and time.monotonic() - started < self.timeout:
            time.sleep(POLL_SECONDS)
        elapsed = round(time.monotonic() - started, 3)
        results = [self._result(job, elapsed) for job in jobs]
        if any(isinstance(r, TimedOut) for r in results):
            self.close()  # the stuck workers die with the pool; a fresh one serves the next wave
        return results

    @staticmethod
    def _result(job: multiprocessing.pool.AsyncResult, elapsed: float) -> HtmlPage | TimedOut | Failed:
        if not job.ready():
            return TimedOut(elapsed)
        try:
            return job.get()
        except Exception as exc:  # noqa: BLE001 - any parser failure becomes a reject, the batch goes on
            return Failed(f"{type(exc).__name__}: {exc}")
