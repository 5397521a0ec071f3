"""Web sources through the ingest flow, against a local server on 127.0.0.1 (never the internet):
feed, sitemap index, URL list and WARC end to end, conditional re-runs, and hostile routes that
must each end as their reject while every good page still loads."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from flows.ingest import ingest
from flows.settings import Settings
from flows.warc import write_warc
from tests.conftest import EXTRACTION
from tests.conftest import query as _query
from tests.http_server import conditional, gzip_bomb, never_answer, redirect, retry_after, robots, serve, slow_drip
from transforms import reasons

PAGES_DIR = EXTRACTION / "scrapinghub" / "html"
PAGE_IDS = sorted(p.stem for p in PAGES_DIR.glob("*.html"))[:4] if PAGES_DIR.is_dir() else []
needs_pages = pytest.mark.skipif(len(PAGE_IDS) < 4, reason="../shared/data/extraction pages not found")
LOCAL = {"allowed_networks": ["127.0.0.1/32"], "host_delay": 0.05, "fetch_timeout": 2.0}  # Settings fields


def _page(i: int) -> bytes:
    return (PAGES_DIR / f"{PAGE_IDS[i]}.html").read_bytes()


def _rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Story {i}</title><link>{base}{p}</link></item>" for i, p in enumerate(paths))
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
        f"<link>{base}/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def _urlset(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


@pytest.fixture(scope="module")
def site():
    """Four article pages with validators, a feed, a gzipped sitemap behind an index, robots.txt."""
    if len(PAGE_IDS) < 4:
        pytest.skip("../shared/data/extraction pages not found")
    routes = {"/robots.txt": robots("User-agent: *\nDisallow: /private/\n")}
    routes |= {f"/news/{i}.html": conditional(_page(i), etag=f'"v{i}"') for i in range(4)}
    with serve(routes) as base:
        base.routes["/feed.xml"] = (
            200,
            {"Content-Type": "application/rss+xml"},
            _rss(base, ["/news/0.html", "/news/1.html?utm_source=rss#top"]),
        )
        base.routes["/sitemap-1.xml.gz"] = (
            200,
            {"Content-Type": "application/gzip"},
            gzip.compress(_urlset(base, ["/news/2.html", "/news/0.html"])),
        )
        base.routes["/sitemap.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap-1.xml.gz</loc></sitemap></sitemapindex>"
            ).encode(),
        )
        yield base


@needs_pages
def test_feed_then_sitemap_then_url_list_load_each_page_once(site, tmp_path) -> None:
    db = tmp_path / "news.duckdb"

    first = ingest(feeds=[site + "/feed.xml"], settings=Settings(db_path=db, **LOCAL))
    assert (first.n_seen, first.n_loaded, first.n_rejected) == (2, 2, 0), first.rejected_by_reason
    assert sorted(_query(db, "select uri from articles")) == [(site + "/news/0.html",), (site + "/news/1.html",)]
    assert _query(db, "select distinct origin, http_status, kind from documents") == [("http", 200, "html")]
    assert all(c.passed for c in first.checks)

    # the same feed again: conditional requests, 304s, nothing new
    n_before = len(site.requests_for("/news/0.html"))
    second = ingest(feeds=[site + "/feed.xml"], settings=Settings(db_path=db, **LOCAL))
    assert (second.n_loaded, second.n_unchanged, second.n_rejected) == (0, 2, 0)
    again = site.requests_for("/news/0.html")[n_before:]
    assert [r.headers.get("if-none-match") for r in again] == ['"v0"']
    assert _query(db, "select url, n_fetches, n_not_modified from fetch_state order by url") == [
        (site + "/news/0.html", 2, 1),
        (site + "/news/1.html", 2, 1),
    ]

    # the sitemap index -> gzipped sitemap: page 2 is new, page 0 unchanged (304)
    third = ingest(sitemaps=[site + "/sitemap.xml"], settings=Settings(db_path=db, **LOCAL))
    assert (third.n_loaded, third.n_unchanged, third.n_rejected) == (1, 1, 0)

    # a URL list naming the same articles by other URLs (tracking parameters, fragments): one article each
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# today\n{site}/news/3.html\n{site}/news/2.html?utm_medium=email\n\n{site}/news/3.html#c\n")
    fourth = ingest(url_files=[str(url_file)], settings=Settings(db_path=db, **LOCAL))
    assert (fourth.n_seen, fourth.n_loaded, fourth.n_unchanged) == (2, 1, 1)
    assert _query(db, "select count(*), count(distinct article_id) from articles") == [(4, 4)]
    assert all(r.headers.get("user-agent", "").startswith("newsetl/") for r in site.requests)


@needs_pages
def test_warc_records_ingest_and_other_records_are_rejects(tmp_path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    crawled = [datetime(2024, 1, 1, 6, i, tzinfo=UTC) for i in range(4)]
    write_warc(
        warc,
        [
            ("https://news.example/a.html", 200, "text/html; charset=utf-8", _page(0)),
            ("https://news.example/b.html?utm_campaign=x", 200, "text/html", _page(1)),
            ("https://news.example/gone.html", 404, "text/html", b"<html>not found</html>"),
            ("https://news.example/report.pdf", 200, "application/pdf", b"%PDF-1.7 ..."),
        ],
        dates=crawled,
    )
    db = tmp_path / "news.duckdb"
    summary = ingest(warcs=[str(warc)], settings=Settings(db_path=str(db)))
    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (4, 2, 2)
    assert dict(summary.rejected_by_reason) == {"http_404": 1, reasons.UNSUPPORTED_TYPE: 1}
    assert sorted(_query(db, "select uri, origin, fetched_at from documents")) == [
        ("https://news.example/a.html", "warc", crawled[0]),
        ("https://news.example/b.html", "warc", crawled[1]),
    ]
    assert _query(db, "select count(*) from articles where extractor is not null and n_words > 50") == [(2,)]


ENTITIES = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
BILLION_LAUGHS = (
    f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{ENTITIES}]>'
    '<rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
).encode()
HOSTILE = {  # route -> the reject reason it must end with
    "/drip.html": reasons.TIMEOUT,  # a slow drip that never finishes
    "/silent.html": reasons.TIMEOUT,  # a server that never answers
    "/loop-a": reasons.REDIRECT_LOOP,
    "/to-private": reasons.BLOCKED_ADDRESS,  # a redirect to 10.0.0.1; only 127.0.0.1/32 is allowed
    "/bomb.html": reasons.TOO_LARGE,  # gzip: 50 KB that would inflate to 50 MB
    "/huge.html": reasons.TOO_LARGE,  # 1.5 MB over a 1 MB cap
    "/paper.html": reasons.UNSUPPORTED_TYPE,  # a PDF served as text/html
    "/logo.html": reasons.UNSUPPORTED_TYPE,  # a PNG served as text/html
    "/private/secret.html": reasons.ROBOTS_DISALLOWED,
    "/missing.html": "http_404",
    "/bomb-feed.xml": reasons.PARSE_ERROR,  # a feed with an entity-expansion bomb
}
GOOD = ["/good/0.html", "/good/1.html", "/flaky.html", "/busy.html"]  # flaky: 503 then 200; busy: 429 then 200


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One ingest over good pages and every hostile route at once."""
    if len(PAGE_IDS) < 4:
        pytest.skip("../shared/data/extraction pages not found")
    routes = {
        "/robots.txt": robots("User-agent: *\nDisallow: /private/\n"),
        "/good/0.html": _page(0),
        "/good/1.html": _page(1),
        "/flaky.html": [503, (200, {"Content-Type": "text/html"}, _page(2))],
        "/busy.html": [retry_after(1), (200, {"Content-Type": "text/html"}, _page(3))],
        "/drip.html": slow_drip(b"<html>" + b"x" * 200, interval=0.5),
        "/silent.html": never_answer,
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/to-private": redirect("http://10.0.0.1/admin"),
        "/bomb.html": gzip_bomb(50_000_000),
        "/huge.html": (200, {"Content-Type": "text/html"}, b"<html><body>" + b"a" * 1_500_000),
        "/paper.html": (200, {"Content-Type": "text/html"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" + bytes(200)),
        "/logo.html": (200, {"Content-Type": "text/html"}, b"\x89PNG\r\n\x1a\n" + bytes(200)),
        "/private/secret.html": _page(0),
        "/missing.html": 404,
        "/bomb-feed.xml": (200, {"Content-Type": "application/rss+xml"}, BILLION_LAUGHS),
    }
    db = tmp_path_factory.mktemp("hostile") / "news.duckdb"
    with serve(routes) as base:
        pages = [base + p for p in GOOD + [p for p in HOSTILE if p != "/bomb-feed.xml"]]
        summary = ingest(
            urls=pages,
            feeds=[base + "/bomb-feed.xml"],
            settings=Settings(db_path=db, max_fetch_bytes=1_000_000, **LOCAL),
        )
        busy = base.requests_for("/busy.html")
    rejected = {uri.removeprefix(base): reason for uri, reason in _query(db, "select uri, reason from rejects")}
    loaded = sorted(uri.removeprefix(base) for (uri,) in _query(db, "select uri from articles"))
    return summary, rejected, loaded, busy


@needs_pages
@pytest.mark.parametrize(("route", "reason"), HOSTILE.items(), ids=list(HOSTILE))
def test_each_hostile_route_ends_as_its_reject(hostile_run, route: str, reason: str) -> None:
    _, rejected, _, _ = hostile_run
    assert rejected.get(route) == reason


@needs_pages
def test_every_good_page_still_loads_next_to_the_hostile_routes(hostile_run) -> None:
    summary, rejected, loaded, busy = hostile_run
    assert loaded == sorted(GOOD)
    assert set(rejected) == set(HOSTILE)  # nothing else was rejected
    assert summary.n_loaded == len(GOOD)
    assert len(busy) == 2 and busy[1].at - busy[0].at >= 1.0  # 429 with Retry-After: 1 was honoured
    assert all(c.passed for c in summary.checks)


@needs_pages
def test_the_cli_takes_page_urls_and_source_options(site, tmp_path) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            site + "/news/3.html",
            "--feed",
            site + "/feed.xml",
            "--db",
            str(db),
            "--no-progress",
            "--allow-network",
            "127.0.0.1/32",
            "--host-delay",
            "0.05",
            "--fetch-timeout",
            "5",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "loaded      3" in result.output
    refused = CliRunner().invoke(
        app, ["ingest", site + "/news/3.html", "--db", str(tmp_path / "other.duckdb"), "--no-progress", "--strict"]
    )
    assert refused.exit_code == 1  # 127.0.0.1 is a private address unless allowed: blocked, and --strict
    assert _query(tmp_path / "other.duckdb", "select reason from rejects") == [(reasons.BLOCKED_ADDRESS,)]
