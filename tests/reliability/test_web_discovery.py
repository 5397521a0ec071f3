"""Issue 19, silent drops at discovery: feed links that are not http(s), and sitemaps cut by the
run's sitemap cap or the index depth limit, are rows in `rejects` (local server on 127.0.0.1)."""

from __future__ import annotations

import pytest

import flows.web_sources
from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query
from tests.http_server import robots, serve
from tests.reliability.test_hostile_inputs import html_page, paragraphs
from transforms import reasons

XML = {"Content-Type": "application/xml"}


def _index(*children: str) -> bytes:
    locs = "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>'.encode()


def _urlset(*pages: str) -> bytes:
    locs = "".join(f"<url><loc>{p}</loc></url>" for p in pages)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def _settings(tmp_path) -> Settings:
    return Settings(
        db_path=str(tmp_path / "news.duckdb"), allowed_networks=["127.0.0.1/32"], host_delay=0.01, fetch_timeout=5.0
    )


def test_feed_links_that_are_not_http_urls_are_rejected_as_unsupported_scheme(tmp_path) -> None:
    routes = {"/robots.txt": robots("User-agent: *\nAllow: /\n")}
    routes["/news/a.html"] = html_page("Council backs new school", paragraphs("school")).encode()
    with serve(routes) as base:
        items = "".join(
            f"<item><title>{i}</title><link>{link}</link></item>"
            for i, link in enumerate(
                [
                    f"{base}/news/a.html",
                    "javascript:alert(1)",
                    "data:text/html,hello",
                    "file:///etc/passwd",
                ]
            )
        )
        base.routes["/feed.xml"] = (
            200,
            {"Content-Type": "application/rss+xml"},
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(),
        )
        summary = ingest(feeds=[base + "/feed.xml"], settings=_settings(tmp_path))
    rejects = query(tmp_path / "news.duckdb", "select uri, stage, reason from rejects order by uri")
    assert [(uri.split(":", 1)[0], stage, reason) for uri, stage, reason in rejects] == [
        ("data", "discover", reasons.UNSUPPORTED_SCHEME),
        ("file", "discover", reasons.UNSUPPORTED_SCHEME),  # as feedparser hands it on: file://etc/passwd
        ("javascript", "discover", reasons.UNSUPPORTED_SCHEME),
    ]
    assert (summary.n_loaded, summary.n_rejected) == (1, 3)


def test_sitemaps_past_the_depth_limit_or_the_cap_are_rows_limit_reached(tmp_path) -> None:
    routes = {"/robots.txt": robots("User-agent: *\nAllow: /\n")}
    routes |= {
        f"/news/{t}.html": html_page(f"Council backs new {t}", paragraphs(t)).encode() for t in ("school", "park")
    }
    with serve(routes) as base, pytest.MonkeyPatch.context() as patch:
        patch.setattr(flows.web_sources, "MAX_SITEMAPS", 5)  # limits small enough to reach here
        patch.setattr(flows.web_sources, "MAX_SITEMAP_DEPTH", 1)
        # depth: index d0 -> index d1 -> urlset d2; d1 is at depth 1, so the d2 it lists is past the limit
        base.routes["/d0.xml"] = (200, XML, _index(f"{base}/d1.xml"))
        base.routes["/d1.xml"] = (200, XML, _index(f"{base}/d2.xml"))
        base.routes["/d2.xml"] = (200, XML, _urlset(f"{base}/news/park.html"))
        # cap: read in order d0, wide, d1, w0, w1 (5): w2 and w3 are past the cap
        base.routes["/wide.xml"] = (200, XML, _index(*(f"{base}/w{i}.xml" for i in range(4))))
        for i in range(4):
            base.routes[f"/w{i}.xml"] = (200, XML, _urlset(f"{base}/news/school.html"))
        summary = ingest(sitemaps=[base + "/d0.xml", base + "/wide.xml"], settings=_settings(tmp_path))
        rows = query(tmp_path / "news.duckdb", "select uri, reason, detail from rejects order by uri")
        cut = [(uri.removeprefix(str(base)), reason) for uri, reason, _ in rows]
    assert cut == [
        ("/d2.xml", reasons.LIMIT_REACHED),
        ("/w2.xml", reasons.LIMIT_REACHED),
        ("/w3.xml", reasons.LIMIT_REACHED),
    ]
    assert "depth 2" in rows[0][2] and "at most 5 sitemap files" in rows[1][2]
    assert summary.n_loaded == 1  # school.html; park.html was only in the cut d2.xml
