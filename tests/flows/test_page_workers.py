"""Pages parsed in worker processes with a time limit: a slow page is cut off, the rest go on."""

from __future__ import annotations

import time

import pytest

from flows.page_workers import Failed, PagePool, TimedOut
from tests.conftest import ROOT
from transforms.html_pages import HtmlPage

GOOD = (ROOT / "tests" / "fixtures" / "html" / "news_article.html").read_text("utf-8")
SLOW = "<html><body><article>" + "".join(f"<p>Paragraph {i} has a few words in it.</p>" for i in range(50_000)) \
    + "</article></body></html>"  # about 13 s to parse on a 2-core machine


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
    from transforms.html_pages import parse_html_page

    if "FAIL" in html:
        raise RuntimeError("extractor bug")
    return parse_html_page(html, url)


def test_a_parser_error_is_reported_and_the_others_are_parsed() -> None:
    with PagePool(workers=1, timeout=30, parser=parse_or_fail) as pool:
        results = pool.parse([("<html>FAIL</html>", None), (GOOD, None)])
    assert results[0] == Failed("RuntimeError: extractor bug")
    assert isinstance(results[1], HtmlPage)


def test_results_match_parsing_in_process() -> None:
    from transforms.html_pages import parse_html_page

    with PagePool(workers=2, timeout=30) as pool:
        [page] = pool.parse([(GOOD, None)])
    assert page == parse_html_page(GOOD)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        PagePool(workers=0, timeout=1)
    with pytest.raises(ValueError):
        PagePool(workers=1, timeout=0)
    assert TimedOut(1.0) != TimedOut(2.0)
