"""A run's progress: documents through parsing, one by one from the first, the stage the run is at, the rate,
and the inputs loaded so far.

A document counts once, when it is through parsing: its page parsed (or timed out, or failed) as the page
workers answer, a plain text when its batch's texts are, a document extract rejects when extract is done,
and an input that needs no parsing (unchanged, rejected while landing) when its batch is started. So the
count moves with the first page parsed, long before the first batch is loaded; `loaded` moves per batch.

On a terminal it is a rich progress bar; elsewhere a line every `every` seconds in the run's log
("ingest progress 40/150 documents, stage clean, 3.1 docs/s, 0 loaded"), and on stderr too when the command
line asks for it (`echo_to`). The stages report to the run's progress with `current()`, which is a no-op
where there is none (a worker process of the processes or dask runner: the engine counts those batches'
documents when they are loaded).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TaskID, TextColumn
from rich.text import Text

from flows import interrupts

LOG_EVERY_SECONDS = 10.0  # a progress line this often off a terminal ($NEWSETL_PROGRESS_SECONDS; 0: none)

_echo: TextIO | None = None
_current: RunProgress | None = None
_current_lock = threading.Lock()


def echo_to(stream: TextIO | None) -> None:
    """Also write the periodic progress lines to `stream` (the command line's stderr off a terminal)."""
    global _echo
    _echo = stream


def log_every() -> float:
    """Seconds between progress lines: $NEWSETL_PROGRESS_SECONDS, else LOG_EVERY_SECONDS."""
    try:
        return max(0.0, float(os.environ.get("NEWSETL_PROGRESS_SECONDS", LOG_EVERY_SECONDS)))
    except ValueError:
        return LOG_EVERY_SECONDS


class _RateColumn(ProgressColumn):
    """Documents a second since the bar started."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        return Text(f"{task.completed / elapsed:.1f} docs/s" if elapsed > 0 and task.completed else "- docs/s")


class RunProgress:
    """The progress of one run over `total` inputs: a bar (`bar`), else periodic log lines.

    Use as a context manager; while it is entered it is `current()`. Thread-safe: stages in the task
    runner's threads count documents as they finish them."""

    def __init__(
        self,
        bar: bool,
        description: str,
        total: int,
        every: float | None = None,
        log: Callable[[str], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.description, self.total, self.clock = description, total, clock
        self.every = log_every() if every is None else every
        self.done = self.loaded = 0
        self.stage = "land"
        self.started = clock()
        self._log = log
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self.bar: TaskID | None = None
        self.progress = (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[stage]:<9}"),
                _RateColumn(),
                TextColumn("{task.fields[loaded]} loaded"),
                transient=True,
            )
            if bar
            else None
        )

    # counting ------------------------------------------------------------------------------------
    def documents(self, n: int, stage: str) -> None:
        """`n` documents through parsing, at `stage`."""
        with self._lock:
            self.done += n
            self.total = max(self.total, self.done)  # WARC records and recovered documents are not known ahead
            self.stage = stage
        self._show()

    def at(self, stage: str) -> None:
        """The run is at `stage` now."""
        with self._lock:
            self.stage = stage
        self._show()

    def advance(self, n: int) -> None:
        """A batch of `n` inputs was loaded."""
        with self._lock:
            self.loaded += n
            self.stage = "load"
        self._show()

    def rate(self) -> float:
        """Documents a second since the run's progress started."""
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        with self._lock:
            done, total, stage, loaded = self.done, self.total, self.stage, self.loaded
        of = f"{done}/{total}" if total else f"{done}"
        return f"{self.description} progress {of} documents, stage {stage}, {self.rate():.1f} docs/s, {loaded} loaded"

    # showing -------------------------------------------------------------------------------------
    def _show(self) -> None:
        if self.progress is not None and self.bar is not None:
            with self._lock:
                fields = {"completed": self.done, "total": self.total, "stage": self.stage, "loaded": self.loaded}
            self.progress.update(self.bar, **fields)  # type: ignore[arg-type]

    def log_line(self) -> None:
        """Write the progress line to the run's log (and to the echo stream)."""
        text = self.line()
        if self._log is not None:
            self._log(text)
        if _echo is not None:
            try:
                print(text, file=_echo, flush=True)
            except (OSError, ValueError):  # a closed pipe: the reader went away
                pass

    def _tick(self) -> None:
        while not self._stop.wait(self.every) and not interrupts.requested():  # a stopped run says so once
            self.log_line()

    def __enter__(self) -> RunProgress:
        global _current
        self.started = self.clock()
        if self.progress is not None:
            self.progress.__enter__()
            self.bar = self.progress.add_task(
                self.description, total=self.total or None, stage=self.stage, loaded=self.loaded
            )
        elif self.every > 0:
            if self._log is None:
                self._log = _run_logger()
            self._ticker = threading.Thread(target=self._tick, name="newsetl-progress", daemon=True)
            self._ticker.start()
        with _current_lock:
            _current = self
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        global _current
        with _current_lock:
            if _current is self:
                _current = None
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        if self.progress is not None:
            self.progress.__exit__(kind, exc, tb)


def _run_logger() -> Callable[[str], object]:
    """The flow run's logger at INFO (kept by Prefect, shown with -v), else newsetl's own."""
    from prefect.exceptions import MissingContextError
    from prefect.logging import get_run_logger

    try:
        return get_run_logger().info
    except MissingContextError:
        return logging.getLogger("newsetl.progress").info


class _NoProgress:
    """What `current()` gives where no run's progress is shown: counts go nowhere."""

    def documents(self, n: int, stage: str) -> None:
        pass

    def at(self, stage: str) -> None:
        pass

    def advance(self, n: int) -> None:
        pass


def close_display() -> None:
    """End the bar of the run in this process, if it shows one (a process ending without unwinding)."""
    run = _current
    if run is not None and run.progress is not None:
        try:
            run.progress.stop()
        except Exception:  # noqa: BLE001, S110 - the process is ending; the terminal may be gone
            pass


interrupts.before_exit(close_display)


def current() -> RunProgress | _NoProgress:
    """The progress of the run in this process, or a no-op."""
    return _current or _NoProgress()
