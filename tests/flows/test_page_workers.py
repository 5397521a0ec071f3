"""Pages parsed in worker processes with a time limit: a slow page is cut off, the rest go on."""

from __future__ import annotations

import time

import pytest

from flows.memory import _malloc_trim
from flows.page_workers import Failed, PagePool, TimedOut
from tests.conftest import ROOT
from transforms.html.pages import HtmlPage

GOOD = (ROOT / "tests" / "fixtures" / "html" / "news_article.html").read_text("utf-8")
SLOW = (
    "<html><body><article>"
    + "".join(f"<p>Paragraph {i} has a few words in it.</p>" for i in range(50_000))
    + "</article></body></html>"
)  # about 13 s to parse on a 2-core machine


@pytest.fixture(autouse=True, scope="module")
def prefect_api():
    """No Prefect needed here (overrides the folder's harness)."""
    yield


def test_a_slow_page_times_out_and_the_others_are_parsed() -> None:
    # 5 s is ample for the fixture page even on a loaded machine, and far short of the slow page's ~13 s
    with PagePool(workers=2, timeout=5.0) as pool:
        pool.parse([(GOOD, None)])  # warm the workers: first-use costs are not the page's
        started = time.monotonic()
        results = pool.parse([(GOOD, None), (SLOW, None), (GOOD, "https://news.example/a"), (GOOD, None)])
        took = time.monotonic() - started
    assert [type(r).__name__ for r in results] == ["HtmlPage", "TimedOut", "HtmlPage", "HtmlPage"]
    assert results[1].seconds >= 5.0
    assert took < 12  # the slow page's worker was killed, not waited for
    assert all(r.article.body_blocks for r in results if isinstance(r, HtmlPage))


def parse_or_fail(html: str, url: str | None) -> HtmlPage:
    """A parser that fails on one page, as an extractor bug would."""
    from transforms.html.pages import parse_html_page

    if "FAIL" in html:
        raise RuntimeError("extractor bug")
    return parse_html_page(html, url)


def test_a_parser_error_is_reported_and_the_others_are_parsed() -> None:
    with PagePool(workers=1, timeout=30, parser=parse_or_fail) as pool:
        results = pool.parse([("<html>FAIL</html>", None), (GOOD, None)])
    assert results[0] == Failed("RuntimeError: extractor bug")
    assert isinstance(results[1], HtmlPage)


def test_results_match_parsing_in_process() -> None:
    from transforms.html.pages import parse_html_page

    with PagePool(workers=2, timeout=30) as pool:
        [page] = pool.parse([(GOOD, None)])
    assert page == parse_html_page(GOOD)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        PagePool(workers=0, timeout=1)
    with pytest.raises(ValueError):
        PagePool(workers=1, timeout=0)
    assert TimedOut(1.0) != TimedOut(2.0)


def die_on_marker(html: str, url: str | None) -> HtmlPage:
    """A parser whose process dies on one page, as a crash in a C extension would kill it."""
    import os

    from transforms.html.pages import parse_html_page

    if "DIE" in html:
        os._exit(3)
    return parse_html_page(html, url)


def test_a_worker_that_dies_is_reported_and_replaced() -> None:
    with PagePool(workers=1, timeout=30, parser=die_on_marker) as pool:
        results = pool.parse([("<html>DIE</html>", None), (GOOD, None)])
    assert isinstance(results[0], Failed) and "died" in results[0].error
    assert isinstance(results[1], HtmlPage)


def test_pages_queued_behind_a_slow_one_get_their_own_time() -> None:
    with PagePool(workers=1, timeout=5.0) as pool:
        pool.parse([(GOOD, None)])
        results = pool.parse([(SLOW, None), (GOOD, None), (GOOD, None)])
    assert [type(r).__name__ for r in results] == ["TimedOut", "HtmlPage", "HtmlPage"]


def test_the_shared_pool_is_kept_across_calls_and_shared_by_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from flows.page_workers import close_shared_pools, shared_pool

    pool = shared_pool(2, 30.0)
    try:
        assert shared_pool(2, 30.0) is pool and shared_pool(1, 30.0) is not pool
        with ThreadPoolExecutor(3) as threads:
            batches = list(threads.map(pool.parse, [[(GOOD, None)] * 3] * 3))
        assert all(isinstance(page, HtmlPage) for batch in batches for page in batch)
    finally:
        close_shared_pools()
    assert shared_pool(2, 30.0) is not pool
    close_shared_pools()


def raise_value_error(text: str) -> str:
    raise ValueError(f"bad {text}")


def exit_now(code: int) -> None:
    import os

    os._exit(code)


def test_a_call_runs_in_a_worker_and_returns_or_raises_what_the_function_does() -> None:
    import os

    from transforms.text.articles import parse_text_article, parse_text_articles

    text = (ROOT / "seeds").glob("*.txt").__next__().read_text("utf-8")
    with PagePool(workers=1, timeout=30) as pool:
        assert pool.call(os.getpid) != os.getpid()  # ran in another process
        assert pool.call(parse_text_articles, [text, text]) == [parse_text_article(text)] * 2
        with pytest.raises(ValueError, match="bad input"):
            pool.call(raise_value_error, "input")
        assert pool.call(len, "still serving") == 13  # the worker goes on after an exception


def test_a_worker_that_dies_in_a_call_raises_and_is_replaced() -> None:
    from flows.page_workers import WorkerGone

    with PagePool(workers=1, timeout=30) as pool:
        with pytest.raises(WorkerGone, match="exit code 3"):
            pool.call(exit_now, 3)
        [page] = pool.parse([(GOOD, None)])
    assert isinstance(page, HtmlPage)


def test_each_page_is_reported_as_its_result_comes() -> None:
    seen: list[int] = []
    with PagePool(workers=2, timeout=30.0) as pool:
        results = pool.parse([(GOOD, None), (GOOD, None), (GOOD, None)], on_result=lambda: seen.append(len(seen)))
    assert len(results) == 3 and seen == [0, 1, 2]


def test_a_stop_request_wakes_a_parse_at_once_and_ends_its_workers() -> None:
    import signal
    import threading

    from flows import interrupts

    with PagePool(workers=1, timeout=60.0) as pool:
        pool.parse([(GOOD, None)])
        threading.Timer(1.0, interrupts.request_stop, args=(signal.SIGINT,)).start()
        started = time.monotonic()
        try:
            with pytest.raises(interrupts.Stopped):
                pool.parse([(SLOW, None)])  # about 13 s to parse
        finally:
            interrupts.reset()
        assert time.monotonic() - started < 8
        assert pool._started == 0  # its worker was ended


KEPT: list[bytes] = []


def fragment_the_heap(html: str, url: str | None) -> HtmlPage:
    """A parser that leaves about 120 MB of freed malloc memory behind, pinned by a few live blocks
    scattered through it (as a large page's tree does), then parses the fixture page."""
    from transforms.html.pages import parse_html_page

    blocks = [bytes(2048) + i.to_bytes(4, "little") for i in range(60_000)]
    KEPT.extend(blocks[::64])
    del blocks
    return parse_html_page(GOOD, url)


def _settled_rss(pid: int, seconds: float = 1.0) -> int:
    """The worker's lowest RSS over `seconds` (it gives memory back just after answering)."""
    import psutil

    process, lowest = psutil.Process(pid), None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rss = process.memory_info().rss
        lowest = rss if lowest is None else min(lowest, rss)
        time.sleep(0.05)
    assert lowest is not None
    return lowest


@pytest.mark.skipif(_malloc_trim() is None, reason="not glibc: nothing to give back with")
def test_a_worker_gives_freed_memory_back_after_a_long_page_not_after_a_short_one() -> None:
    from flows.page_workers import TRIM_AFTER_CHARS

    long_page = "<html><body>" + "<p>x</p>" * (TRIM_AFTER_CHARS // 8 + 1) + "</body></html>"
    with PagePool(workers=1, timeout=60, parser=fragment_the_heap) as pool:
        pool.parse([("<html>short</html>", None)])
        [worker] = list(pool._idle.queue)  # noqa: SLF001 - the one worker's process
        after_short = _settled_rss(worker.process.pid)
        pool.parse([(long_page, None)])  # the same again, but a page long enough to give back after
        after_long = _settled_rss(worker.process.pid)
    assert after_short - after_long > 50 * 2**20, (after_short >> 20, after_long >> 20)
