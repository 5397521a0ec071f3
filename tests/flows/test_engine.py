"""The batch engine's invariants (flows/engine.py), on its schedule alone: no Prefect, no warehouse."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

import pytest

from flows.engine import Checkpoints, in_order


@dataclass
class Batch:
    name: str
    ids: set[str]


@dataclass
class Started:
    batch: Batch
    document_ids: set[str] = field(default_factory=set)


class Recorder:
    """Starts and finishes batches, recording the order of events and the largest window seen."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.in_flight = 0
        self.most_in_flight = 0

    def start(self, index: int, batch: Batch) -> Started:
        self.events.append(f"start {index} {batch.name}")
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        return Started(batch, batch.ids)

    def finish(self, started: Started) -> None:
        self.events.append(f"finish {started.batch.name}")
        self.in_flight -= 1


def _run(batches: list[Batch], window: int) -> Recorder:
    recorder = Recorder()
    in_order(batches, lambda b: b.ids, recorder.start, recorder.finish, window)
    return recorder


@pytest.mark.parametrize("window", [1, 2, 3, 5])
def test_batches_load_in_the_order_they_came_and_the_window_holds(window: int) -> None:
    batches = [Batch(str(i), {f"doc{i}"}) for i in range(7)]
    recorder = _run(batches, window)
    assert [e for e in recorder.events if e.startswith("finish")] == [f"finish {i}" for i in range(7)]
    assert [e for e in recorder.events if e.startswith("start")] == [f"start {i} {i}" for i in range(7)]
    assert recorder.most_in_flight == max(1, min(window, 7)) and recorder.in_flight == 0


def test_a_window_of_three_loads_the_oldest_before_the_fourth_starts() -> None:
    recorder = _run([Batch(str(i), {str(i)}) for i in range(4)], 3)
    assert recorder.events[:4] == ["start 0 0", "start 1 1", "start 2 2", "finish 0"]


def test_shared_documents_wait_until_every_earlier_batch_is_loaded() -> None:
    batches = [Batch("a", {"x"}), Batch("b", {"y"}), Batch("c", {"x", "z"}), Batch("d", {"w"})]
    recorder = _run(batches, 10)
    # c shares "x" with a, which is in flight: a and b (everything before c) are loaded first
    assert recorder.events == [
        "start 0 a",
        "start 1 b",
        "finish a",
        "finish b",
        "start 2 c",
        "start 3 d",
        "finish c",
        "finish d",
    ]


def test_no_batches_no_work() -> None:
    assert _run([], 3).events == []


def test_garbage_is_collected_after_each_batch_with_earlier_objects_frozen(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    recorder = Recorder()

    def finish(started: Started) -> None:
        calls.append("finish")
        recorder.finish(started)

    in_order([Batch(str(i), {str(i)}) for i in range(3)], lambda b: b.ids, recorder.start, finish, 2)
    assert calls == ["collect", "freeze", "finish", "collect", "finish", "collect", "finish", "collect", "unfreeze"]


def test_the_heap_is_unfrozen_when_a_batch_fails(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))

    def finish(started: Started) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        in_order([Batch("a", {"a"})], lambda b: b.ids, Recorder().start, finish, 1)
    assert calls == ["freeze", "unfreeze"]


def test_a_checkpoint_is_due_once_its_interval_has_passed() -> None:
    now = [100.0]
    checkpoints = Checkpoints(every=10.0, clock=lambda: now[0])
    assert not checkpoints.due()
    now[0] = 109.9
    assert not checkpoints.due()
    now[0] = 110.0
    assert checkpoints.due()
    checkpoints.done()
    now[0] = 115.0
    assert not checkpoints.due()
    now[0] = 121.0
    assert checkpoints.due()


def _run_noting_the_last(batches: list[Batch], window: int) -> Recorder:
    recorder = Recorder()

    def before_last(started: Started) -> None:
        recorder.events.append(f"last {started.batch.name}")

    in_order(batches, lambda b: b.ids, recorder.start, recorder.finish, window, before_last)
    return recorder


@pytest.mark.parametrize("window", [2, 3, 5])
def test_the_last_batch_is_announced_once_after_every_other_load_and_before_its_own(window: int) -> None:
    recorder = _run_noting_the_last([Batch(str(i), {f"doc{i}"}) for i in range(6)], window)
    last = recorder.events.index("last 5")
    assert [e for e in recorder.events if e.startswith("last")] == ["last 5"]
    assert recorder.events[last + 1 :] == ["finish 5"]
    assert recorder.events[:last] == [e for e in recorder.events[:last] if e != "finish 5"]
    assert {f"finish {i}" for i in range(5)} <= set(recorder.events[:last])


def test_the_last_batch_is_announced_after_a_drain_for_shared_documents() -> None:
    batches = [Batch("a", {"x"}), Batch("b", {"y"}), Batch("c", {"x"})]
    recorder = _run_noting_the_last(batches, 3)
    assert recorder.events[-3:] == ["start 2 c", "last c", "finish c"]


def test_no_batches_nothing_announced() -> None:
    assert _run_noting_the_last([], 3).events == []
