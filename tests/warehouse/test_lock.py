"""The writer lock: a second writer waits, then gives up with a "warehouse busy" message naming
the holder; a released lock is taken at once. The holder is a real second process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT
from warehouse.lock import LockHolder, WarehouseBusy, info_path, read_holder, writer_lock

HOLDER = textwrap.dedent("""
    import sys, time
    from warehouse.lock import writer_lock
    with writer_lock(sys.argv[1], 0, "test-holder"):
        print("held", flush=True)
        sys.stdin.readline()
""")


@pytest.fixture
def held(tmp_path):
    """A warehouse path whose writer lock another process holds until the test ends."""
    db = tmp_path / "news.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held"
    yield db, holder.pid
    holder.stdin.close()
    holder.wait(timeout=30)


def test_a_second_writer_gives_up_with_the_holders_pid(held) -> None:
    db, pid = held
    waited_for: list[LockHolder] = []
    with pytest.raises(WarehouseBusy) as busy, writer_lock(db, timeout=0.5, on_wait=waited_for.append):
        pytest.fail("the lock was taken while another process held it")
    message = str(busy.value)
    assert message.startswith(f"warehouse busy: {db} is being written by another run (pid {pid}")
    assert "test-holder" in message and "gave up after waiting 0.5 s" in message
    assert [h.pid for h in waited_for] == [pid]
    assert not db.exists()  # nothing was opened or written


def test_the_lock_is_taken_once_the_holder_is_gone(tmp_path) -> None:
    db = tmp_path / "news.duckdb"
    with writer_lock(db, timeout=0, command="first"):
        assert read_holder(db).pid == os.getpid() and read_holder(db).command == "first"
    assert not info_path(db).exists()
    with writer_lock(db, timeout=0, command="second"):
        assert read_holder(db).command == "second"


def test_an_unreadable_holder_record_still_gives_a_message(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    info_path(db).write_text("not json", encoding="utf-8")
    assert read_holder(db).describe() == "another run (holder unknown)"
