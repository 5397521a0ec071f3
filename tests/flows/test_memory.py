"""flows/memory.py: freed heap pages go back to the system (glibc), and the page workers' warm-up
makes the first-use loads whose freed source data it gives back."""

from __future__ import annotations

import gc

import psutil
import pytest

from flows.memory import _malloc_trim, release_freed_memory


@pytest.mark.skipif(_malloc_trim() is None, reason="not glibc: nothing to give back with")
def test_freed_pages_between_live_objects_go_back_to_the_system() -> None:
    process = psutil.Process()
    blocks = [bytes(2048) + i.to_bytes(4, "little") for i in range(60_000)]  # about 120 MB through malloc
    kept = blocks[::64]  # a few live objects scattered through the heap keep its pages from being returned
    del blocks
    gc.collect()
    before = process.memory_info().rss
    assert release_freed_memory()
    after = process.memory_info().rss
    assert before - after > 50 * 2**20, (before >> 20, after >> 20)
    assert len(kept) == 938


def test_the_page_workers_warm_up_loads_the_cities() -> None:
    from flows.page_workers import _warm_up_stages
    from transforms.analysis.gazetteers import city_names

    city_names.cache_clear()
    _warm_up_stages()
    assert city_names.cache_info().currsize == 1
