"""One writer at a time: a file lock beside the warehouse, held for a whole writing run.

DuckDB lets one process open a file for writing, and a second process that tries fails at once.
Every command that writes (ingest, check, publish) takes `<db>.lock` first and only then opens
DuckDB, so a second run waits its turn (up to a timeout) instead of failing half-way. The holder
writes its pid and start time to `<db>.lock.json`, for the "warehouse busy" message.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from warehouse.store import WarehouseError

DEFAULT_LOCK_TIMEOUT = 600.0  # seconds a writer waits for the one before it


class WarehouseBusy(WarehouseError):
    """Another run held the warehouse's writer lock for longer than this run would wait."""


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    host: str | None
    command: str | None
    since: str | None  # ISO time the holder took the lock

    def describe(self) -> str:
        if self.pid is None:
            return "another run (holder unknown)"
        where = f" on {self.host}" if self.host and self.host != socket.gethostname() else ""
        what = f", {self.command}" if self.command else ""
        return f"another run (pid {self.pid}{where}{what}, since {self.since})"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def info_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock.json")


def read_holder(db_path: Path) -> LockHolder:
    """Who holds the lock, as its holder wrote it (fields are None when it could not be read)."""
    try:
        info = json.loads(info_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LockHolder(None, None, None, None)
    return LockHolder(info.get("pid"), info.get("host"), info.get("command"), info.get("since"))


def _write_holder(db_path: Path, command: str) -> None:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": command,
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    temp = info_path(db_path).with_name(info_path(db_path).name + f".tmp-{os.getpid()}")
    temp.write_text(json.dumps(info), encoding="utf-8")
    temp.replace(info_path(db_path))


def busy_message(db_path: Path, holder: LockHolder) -> str:
    return f"warehouse busy: {db_path} is being written by {holder.describe()}"


@contextmanager
def writer_lock(
    db_path: str | Path,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
    command: str = "ingest",
    on_wait: Callable[[LockHolder], None] | None = None,
) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block. When another run holds it, call
    `on_wait(holder)` once and wait up to `timeout` seconds, then raise WarehouseBusy."""
    db = Path(db_path).absolute()
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(db))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait(read_holder(db))
        try:
            lock.acquire(timeout=timeout, poll_interval=0.2)
        except Timeout:
            raise WarehouseBusy(f"{busy_message(db, read_holder(db))}; gave up after waiting {timeout:g} s") from None
    try:
        _write_holder(db, command)
        yield
    finally:
        info_path(db).unlink(missing_ok=True)
        lock.release()
