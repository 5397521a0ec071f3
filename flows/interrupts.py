"""Ctrl-C (SIGINT) and SIGTERM during a command's run: stop fetching and parsing, let the batch being
loaded finish, stop the page workers quietly, say what was loaded.

The command line installs `handled()` around a run. On the first signal its handler

- marks the stop (`requested()`), and writes a byte to a pipe (`fileno()`) that every wait of the page
  workers' pool also watches, so the threads waiting for pages or calls wake at once and raise
  `Stopped` (their workers are killed: the page workers ignore SIGINT themselves, their parent ends
  them);
- raises `Interrupted` in the main thread, where it is: fetching, landing, waiting for a batch's
  parse. Inside `protected()` (a batch's DuckDB transaction) it does not: the batch is loaded, and
  `Interrupted` is raised when the protected block ends. A second signal raises at once, even there
  (the transaction then rolls back).

Nothing is lost either way: a batch is loaded whole or not at all, and what was landed and not
loaded is recovered by the next run. `Interrupted` is a `KeyboardInterrupt`, so code that is not
ours treats it as Python's own. The exit status is 128 + the signal's number: 130 for SIGINT,
143 for SIGTERM (the shells' convention). `tally` keeps what the run loaded, for the last line.

A thread that cannot be woken (a fetch blocked in a socket read, whose thread pool the main thread then
waits for) must not hold the exit: `GRACE_SECONDS` after the first signal, once no batch is being loaded,
a watchdog prints the line (when the command has not yet) and ends the process with the exit status.

Outside `handled()` (a served deployment, a test calling the flow) nothing changes: Prefect's and
Python's own handling apply.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE_SECONDS = 3.0  # after the first signal, the process ends by then (once no batch is being loaded)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (`signum`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class Stopped(RuntimeError):
    """Raised in a worker thread (a page pool's wait) once a stop was requested."""


@dataclass
class Tally:
    """What a run loaded before it stopped."""

    batches: int = 0
    loaded: int = 0
    unchanged: int = 0
    rejected: int = 0

    def add(self, loaded: int, unchanged: int, rejected: int) -> None:
        self.batches += 1
        self.loaded, self.unchanged, self.rejected = (
            self.loaded + loaded,
            self.unchanged + unchanged,
            self.rejected + rejected,
        )

    def line(self, signum: int) -> str:
        """The one line a stopped command prints."""
        name = signal.Signals(signum).name
        if not self.batches:
            done = "no batch was loaded"
        else:
            done = (
                f"{self.batches} batch{'es' if self.batches != 1 else ''} loaded "
                f"({self.loaded} loaded, {self.unchanged} unchanged, {self.rejected} rejected)"
            )
        return f"stopped by {name}: {done}; running the same command again resumes with the rest"


class _State:
    def __init__(self) -> None:
        self.stop = threading.Event()
        self.signum = 0
        self.protected = 0  # depth of protected() in the main thread
        self.pending = False  # a signal came inside protected(): raise when it ends
        self.installed = False
        self.said = threading.Lock()  # held once the command's last line is written
        self.tally = Tally()
        self.read_fd, self.write_fd = os.pipe()
        os.set_blocking(self.write_fd, False)


_STATE = _State()
_BEFORE_EXIT: list[Callable[[], None]] = []  # run by the watchdog before it ends the process


def before_exit(hook: Callable[[], None]) -> None:
    """Run `hook` before the watchdog ends the process (flows/progress.py closes its bar so; this
    module imports nothing of the flows, so nothing imports it back)."""
    _BEFORE_EXIT.append(hook)


def requested() -> bool:
    """Whether a stop was requested (a signal came)."""
    return _STATE.stop.is_set()


def signal_number() -> int:
    """The signal that requested the stop (0: none came)."""
    return _STATE.signum


def fileno() -> int:
    """A descriptor that becomes readable once a stop is requested (for `multiprocessing.connection.wait`)."""
    return _STATE.read_fd


def check() -> None:
    """Raise `Stopped` when a stop was requested (for worker threads)."""
    if _STATE.stop.is_set():
        raise Stopped("stopped by a signal")


def tally() -> Tally:
    return _STATE.tally


def request_stop(signum: int) -> None:
    """Mark the stop and wake every wait watching `fileno()` (what the handler does first; safe in a handler)."""
    if not _STATE.stop.is_set():
        _STATE.signum = signum
        _STATE.stop.set()
        try:
            os.write(_STATE.write_fd, b"x")
        except OSError:  # the pipe is full: it is readable anyway
            pass


def say(line: str) -> None:
    """Write the stopped command's line to stderr, once (the command or the watchdog, whichever is first)."""
    if _STATE.said.acquire(blocking=False):
        print(line, file=sys.stderr, flush=True)


def _watchdog(state: _State, grace: float) -> None:
    """End the process `grace` s after the stop, once no batch is being loaded, if it has not ended."""
    time.sleep(grace)
    while state.protected:
        time.sleep(0.05)
    if state is not _STATE:  # forgotten (reset(): a test)
        return
    for hook in _BEFORE_EXIT:  # a progress bar gives the terminal its cursor back
        hook()
    say(state.tally.line(state.signum))
    end_children()
    os._exit(128 + state.signum)


def end_children() -> None:
    """Kill this process's worker processes (the page workers; the processes runner's workers, whose own
    page workers end when they see their parent gone): a stopped run leaves none behind."""
    import multiprocessing

    for child in multiprocessing.active_children():
        try:
            child.kill()
        except (OSError, ValueError):  # gone already
            pass


def _handler(signum: int, frame: FrameType | None) -> None:
    first = not _STATE.stop.is_set()
    request_stop(signum)
    if first:
        threading.Thread(target=_watchdog, args=(_STATE, GRACE_SECONDS), name="newsetl-stop", daemon=True).start()
    if first and _STATE.protected:
        _STATE.pending = True  # the batch being loaded finishes; raised when it is done
        return
    raise Interrupted(_STATE.signum if first else signum)


def reset() -> None:
    """Forget a stop (the start of a command; tests)."""
    old = _STATE
    globals()["_STATE"] = _State()
    os.close(old.read_fd)
    os.close(old.write_fd)


@contextmanager
def handled() -> Iterator[Tally]:
    """SIGINT and SIGTERM stop the run as this module says, for the duration (the main thread only)."""
    reset()
    previous = {sig: signal.signal(sig, _handler) for sig in SIGNALS}
    _STATE.installed = True
    try:
        yield _STATE.tally
    finally:
        _STATE.installed = False
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def reasserted() -> Iterator[None]:
    """Within `handled()`, take the signals back for the duration: a Prefect flow run installs a SIGTERM
    handler of its own (raising wherever the main thread is). Outside `handled()`, nothing."""
    if not _STATE.installed or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def protected() -> Iterator[None]:
    """A block a first signal does not break into (a batch's load): the stop is raised when it ends."""
    main = threading.current_thread() is threading.main_thread()
    if main:
        _STATE.protected += 1
    try:
        yield
    finally:
        if main:
            _STATE.protected -= 1
    if main and not _STATE.protected and _STATE.pending:
        _STATE.pending = False
        raise Interrupted(_STATE.signum)


def stop_if_requested() -> None:
    """In the main thread, between steps: raise `Interrupted` when a stop was requested."""
    if _STATE.stop.is_set():
        raise Interrupted(_STATE.signum or signal.SIGINT)
