"""The polite and safe fetcher against a local server (tests/http_server.py): no internet is used."""

from __future__ import annotations

import socket
import time
import tracemalloc
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from flows.fetching import Conditional, Fetcher, FetchPolicy, address_block_reason, parse_retry_after
from tests.http_server import (
    Exchange,
    Reply,
    conditional,
    gzip_bomb,
    gzipped,
    hang_up,
    never_answer,
    redirect,
    retry_after,
    robots,
    serve,
    slow_drip,
)
from transforms import reasons

UA = "newsetl-test/0.2 (tests; +https://example.invalid/newsetl)"
POLICY = FetchPolicy(
    user_agent=UA,
    connect_timeout=1.0,
    read_timeout=1.0,
    total_timeout=2.0,
    max_bytes=100_000,
    host_delay=0.1,
    max_retries=2,
    backoff_base=0.05,
    retry_after_cap=5.0,
    allow_private=True,
)
PAGE = b"<html><body><p>Harbour wall rebuilt.</p></body></html>"


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    """The fetcher is plain Python: these tests need no temporary Prefect API (tests/flows/conftest.py starts one)."""
    yield


def fetcher(**changes) -> Fetcher:
    return Fetcher(replace(POLICY, **changes))


def pages(server) -> list:
    """Requests other than robots.txt."""
    return [r for r in server.requests if r.route != "/robots.txt"]


def gaps(requests) -> list[float]:
    return [b.at - a.at for a, b in zip(requests, requests[1:])]


def test_good_page_is_fetched_with_our_user_agent_and_kept_headers() -> None:
    routes = {
        "/news/1": Reply(
            200,
            {
                "Content-Type": "text/html; charset=utf-8",
                "ETag": '"abc"',
                "X-Other": "1",
                "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT",
            },
            PAGE,
        )
    }
    with serve(routes) as base, fetcher() as f:
        before = datetime.now(UTC)
        r = f.fetch(base + "/news/1")
    assert (r.reason, r.status, r.body, r.url, r.final_url) == (None, 200, PAGE, base + "/news/1", base + "/news/1")
    assert r.ok and not r.not_modified and r.n_attempts == 1 and r.detail == ""
    assert r.headers.pop("date").endswith(" GMT")  # the server's Date; its Server and X-Other headers are not kept
    assert r.headers == {
        "content-type": "text/html; charset=utf-8",
        "etag": '"abc"',
        "last-modified": "Wed, 01 Jan 2025 00:00:00 GMT",
        "content-length": str(len(PAGE)),
    }
    assert r.fetched_at.tzinfo is not None and before <= r.fetched_at <= datetime.now(UTC)
    assert [q.route for q in base.requests] == ["/robots.txt", "/news/1"]
    assert all(q.headers["user-agent"] == UA for q in base.requests)


def test_gzip_content_encoding_is_undone() -> None:
    with serve({"/gz": gzipped("<p>Straßenbau</p>")}) as base, fetcher() as f:
        r = f.fetch(base + "/gz")
    assert r.ok and r.body == "<p>Straßenbau</p>".encode() and r.headers["content-encoding"] == "gzip"
    assert "gzip" in base.requests_for("/gz")[0].headers["accept-encoding"]


def test_slow_drip_body_ends_as_timeout_within_total_timeout() -> None:
    with serve({"/drip": slow_drip(b"x" * 50, interval=0.2)}) as base, fetcher(max_retries=0, total_timeout=1.5) as f:
        f.fetch(base + "/nothing-here")  # robots.txt and the host delay out of the way
        start = time.monotonic()
        r = f.fetch(base + "/drip")
        took = time.monotonic() - start
    assert r.reason == reasons.TIMEOUT and r.status == 200 and r.body is None
    assert 1.5 - 0.1 <= took <= 1.5 + POLICY.host_delay + 0.4
    assert len(base.requests_for("/drip")) == 1


def test_slow_drip_of_the_headers_also_ends_within_total_timeout() -> None:
    with (
        serve({"/drip": slow_drip(b"x" * 10, interval=0.2, head_first=False)}) as base,
        fetcher(max_retries=0, total_timeout=1.5) as f,
    ):
        f.fetch(base + "/nothing-here")
        start = time.monotonic()
        r = f.fetch(base + "/drip")
        took = time.monotonic() - start
    assert (r.reason, r.status) == (reasons.TIMEOUT, None)  # read_timeout alone would never end it
    assert took <= 1.5 + POLICY.host_delay + 0.4


def test_server_that_never_answers_is_a_timeout_after_the_retries() -> None:
    with serve({"/never": never_answer}) as base, fetcher(read_timeout=0.5, max_retries=1) as f:
        r = f.fetch(base + "/never")
    assert (r.reason, r.status, r.n_attempts) == (reasons.TIMEOUT, None, 2)
    assert len(base.requests_for("/never")) == 2


def test_hang_up_is_a_connection_error() -> None:
    with serve({"/bye": hang_up}) as base, fetcher(max_retries=0) as f:
        r = f.fetch(base + "/bye")
    assert (r.reason, r.status, r.n_attempts) == (reasons.CONNECTION_ERROR, None, 1)


def test_nobody_listening_is_a_connection_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connections are refused
        with fetcher(max_retries=0) as f:
            r = f.fetch(f"http://127.0.0.1:{port}/")
    assert r.reason == reasons.ROBOTS_UNAVAILABLE and "connection_error" in r.detail


def test_503_then_200_is_retried_once() -> None:
    with serve({"/flaky": [503, PAGE]}) as base, fetcher() as f:
        r = f.fetch(base + "/flaky")
    assert (r.reason, r.status, r.body, r.n_attempts) == (None, 200, PAGE, 2)
    tries = base.requests_for("/flaky")
    assert len(tries) == 2 and gaps(tries)[0] >= POLICY.host_delay


def test_503_every_time_ends_as_http_503_after_exponential_backoff() -> None:
    slept: list[float] = []
    with (
        serve({"/down": 503}) as base,
        Fetcher(replace(POLICY, max_retries=3, host_delay=0.0), sleep=slept.append) as f,
    ):
        r = f.fetch(base + "/down")
    assert (r.reason, r.status, r.n_attempts) == ("http_503", 503, 4)
    assert len(base.requests_for("/down")) == 4
    base_delay = POLICY.backoff_base
    assert len(slept) == 3
    for i, s in enumerate(slept):
        assert base_delay * 2**i <= s <= base_delay * 2**i * 1.1 + 1e-9


def test_429_with_retry_after_is_honoured_then_200() -> None:
    with serve({"/busy": [retry_after(1), PAGE]}) as base, fetcher() as f:
        r = f.fetch(base + "/busy")
    assert (r.reason, r.body, r.n_attempts) == (None, PAGE, 2)
    first, second = base.requests_for("/busy")
    assert second.at - first.at >= 1.0


def test_retry_after_as_http_date_and_over_the_cap() -> None:
    slept: list[float] = []
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=4), usegmt=True)
    routes = {"/date": [retry_after(soon, status=503), PAGE], "/later": retry_after(3600)}
    with serve(routes) as base, Fetcher(POLICY, sleep=slept.append) as f:
        dated = f.fetch(base + "/date")
        later = f.fetch(base + "/later")
    assert dated.ok and dated.n_attempts == 2 and any(2.5 <= s <= 4.5 for s in slept)
    assert (later.reason, later.n_attempts, later.headers["retry-after"]) == ("http_429", 1, "3600")
    assert "over the cap" in later.detail and len(base.requests_for("/later")) == 1


def test_parse_retry_after() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 01 Jan 2025 00:00:30 GMT", now) == 30.0
    assert parse_retry_after("Tue, 31 Dec 2024 23:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


@pytest.mark.parametrize("status", [404, 410, 403, 400])
def test_client_errors_are_http_status_codes_without_retry(status: int) -> None:
    with serve({"/x": status}) as base, fetcher() as f:
        r = f.fetch(base + "/x")
    assert (r.reason, r.status, r.body, r.n_attempts) == (f"http_{status}", status, None, 1)
    assert len(base.requests_for("/x")) == 1
    assert reasons.is_known(r.reason)


def test_redirects_are_followed_with_relative_locations() -> None:
    routes = {"/old": redirect("/mid", 301), "/mid": redirect("../new?x=1", 308), "/new": PAGE}
    with serve(routes) as base, fetcher() as f:
        r = f.fetch(base + "/old")
    assert (r.reason, r.body, r.url, r.final_url) == (None, PAGE, base + "/old", base + "/new?x=1")
    assert [q.path for q in pages(base)] == ["/old", "/mid", "/new?x=1"]


def test_redirect_loop() -> None:
    with serve({"/a": redirect("/b"), "/b": redirect("/a")}) as base, fetcher() as f:
        r = f.fetch(base + "/a")
    assert r.reason == reasons.REDIRECT_LOOP and r.final_url == base + "/b"
    assert [q.route for q in pages(base)] == ["/a", "/b"]


def test_too_many_redirects() -> None:
    routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(10)}
    with serve(routes) as base, fetcher(max_redirects=3) as f:
        r = f.fetch(base + "/r0")
    assert r.reason == reasons.TOO_MANY_REDIRECTS
    assert [q.route for q in pages(base)] == ["/r0", "/r1", "/r2", "/r3"]  # three redirects followed, no fourth


@pytest.mark.parametrize(
    "url", ["ftp://example.com/file.txt", "file:///etc/passwd", "javascript:alert(1)", "mailto:desk@example.com"]
)
def test_unsupported_schemes(url: str) -> None:
    with fetcher() as f:
        r = f.fetch(url)
    assert (r.reason, r.status, r.n_attempts) == (reasons.UNSUPPORTED_SCHEME, None, 0)


def test_redirect_to_another_scheme_is_unsupported() -> None:
    with (
        serve({"/ftp": redirect("ftp://example.com/x"), "/file": redirect("file:///etc/passwd")}) as base,
        fetcher() as f,
    ):
        assert f.fetch(base + "/ftp").reason == reasons.UNSUPPORTED_SCHEME
        assert f.fetch(base + "/file").reason == reasons.UNSUPPORTED_SCHEME


def test_invalid_url() -> None:
    with fetcher() as f:
        assert f.fetch("http:///no-host").reason == reasons.INVALID_URL


# --- addresses ---------------------------------------------------------------------------


def fake_dns(table: dict[str, list[str]]):
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return table[host]

    resolve.asked = asked
    return resolve


def test_loopback_address_is_blocked_before_any_request() -> None:
    with serve({"/": PAGE}) as base, fetcher(allow_private=False) as f:
        r = f.fetch(base + "/")
        assert (r.reason, r.status, r.n_attempts) == (reasons.BLOCKED_ADDRESS, None, 0)
        assert f.fetch(f"http://[::1]:{base.port}/").reason == reasons.BLOCKED_ADDRESS
        assert f.fetch("http://169.254.169.254/latest/meta-data/").reason == reasons.BLOCKED_ADDRESS
    assert base.requests == []


def test_default_resolver_blocks_names_of_private_hosts() -> None:
    with serve({"/": PAGE}) as base, fetcher(allow_private=False) as f:
        r = f.fetch(f"http://localhost:{base.port}/")
    assert r.reason == reasons.BLOCKED_ADDRESS and base.requests == []


def test_address_connected_to_is_checked_again(monkeypatch) -> None:
    """DNS rebinding: the check saw a public address, the connection went to 127.0.0.1; nothing is sent."""
    import flows.fetching as fetching

    monkeypatch.setattr(fetching, "system_resolver", lambda host, port: ["93.184.216.34"])
    with serve({"/": PAGE}) as base, fetcher(allow_private=False) as f:
        r = f.fetch(f"http://localhost:{base.port}/")
    assert r.reason == reasons.ROBOTS_UNAVAILABLE and "blocked_address" in r.detail and "127.0.0.1" in r.detail
    assert base.requests == []


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://internal.test:{port}/admin",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://169.254.169.254/latest/",
    ],
)
def test_redirect_to_a_private_address_is_blocked(target: str) -> None:
    # "localhost" passes for a public host through the stub resolver; the server is really on 127.0.0.1
    resolver = fake_dns({"localhost": ["93.184.216.34"], "internal.test": ["93.184.216.35", "10.0.0.5"]})
    with serve({}) as base:
        location = target.format(port=base.port)
        base.routes["/go"] = redirect(location)
        with Fetcher(replace(POLICY, allow_private=False), resolver=resolver) as f:
            r = f.fetch(f"http://localhost:{base.port}/go")
    assert (r.reason, r.status) == (reasons.BLOCKED_ADDRESS, None)
    assert r.final_url == location and r.n_attempts == 1
    assert [q.route for q in base.requests] == ["/robots.txt", "/go"]  # nothing reached the private target


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("100.100.100.200", True),
        ("100.64.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("::1", True),
        ("::", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("fd00:ec2::254", True),
        ("ff02::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("::ffff:169.254.169.254", True),
        ("2002:a00:1::", True),
        ("64:ff9b::a00:1", True),
        ("fe80::1%eth0", True),
        ("93.184.216.34", False),
        ("8.8.8.8", False),
        ("::ffff:8.8.8.8", False),
        ("2606:4700::1111", False),
    ],
)
def test_address_block_reason(address: str, blocked: bool) -> None:
    assert (address_block_reason(address) is not None) is blocked


# --- size caps ----------------------------------------------------------------------------


def test_body_over_the_cap_is_too_large() -> None:
    def no_length(ex: Exchange) -> None:  # no Content-Length: only the streaming count can stop it
        ex.handler.close_connection = True
        ex.send_head(200, {"Content-Type": "text/html", "Connection": "close"})
        for _ in range(50):
            if not ex.write(b"y" * 10_000):
                return

    routes = {"/big": b"x" * (POLICY.max_bytes + 1), "/stream": no_length, "/exact": b"z" * POLICY.max_bytes}
    with serve(routes) as base, fetcher() as f:
        big, streamed, exact = f.fetch(base + "/big"), f.fetch(base + "/stream"), f.fetch(base + "/exact")
    assert (big.reason, big.status, big.body) == (reasons.TOO_LARGE, 200, None)
    assert "Content-Length" in big.detail
    assert (streamed.reason, streamed.body) == (reasons.TOO_LARGE, None)
    assert exact.ok and len(exact.body) == POLICY.max_bytes


def test_gzip_bomb_is_too_large_without_being_inflated() -> None:
    bomb = gzip_bomb(100_000_000)
    assert len(bomb.body) < 200_000
    with serve({"/bomb": bomb}) as base, fetcher(max_bytes=1_000_000) as f:
        f.fetch(base + "/nothing-here")
        tracemalloc.start()
        try:
            r = f.fetch(base + "/bomb")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert (r.reason, r.body) == (reasons.TOO_LARGE, None)
    assert peak < 16_000_000, f"peak {peak} bytes: the body was inflated far past the cap"


def test_corrupt_gzip_is_bad_gzip() -> None:
    with (
        serve({"/bad": Reply(200, {"Content-Encoding": "gzip"}, b"\x1f\x8b\x08\x00garbage-garbage")}) as base,
        fetcher() as f,
    ):
        r = f.fetch(base + "/bad")
    assert r.reason == reasons.BAD_GZIP


# --- robots.txt ---------------------------------------------------------------------------


def test_robots_disallow_blocks_that_path_only_and_is_read_once() -> None:
    routes = {
        "/robots.txt": robots("User-agent: *\nDisallow: /private/\n\nUser-agent: newsetl-test\nDisallow: /drafts\n"),
        "/private/a": PAGE,
        "/drafts/b": PAGE,
        "/news/c": PAGE,
    }
    with serve(routes) as base, fetcher() as f:
        private, draft, news = (f.fetch(base + p) for p in ("/private/a", "/drafts/b", "/news/c"))
    assert draft.reason == reasons.ROBOTS_DISALLOWED and draft.n_attempts == 0
    assert private.ok, "the newsetl-test group applies, not the * group"
    assert news.ok and news.body == PAGE
    assert [q.route for q in base.requests] == ["/robots.txt", "/private/a", "/news/c"]


def test_robots_star_group_applies_to_us() -> None:
    routes = {"/robots.txt": "User-agent: *\nDisallow: /private/\n", "/private/a": PAGE, "/ok": PAGE}
    with serve(routes) as base, fetcher() as f:
        assert f.fetch(base + "/private/a").reason == reasons.ROBOTS_DISALLOWED
        assert f.fetch(base + "/ok").ok
    assert base.requests_for("/private/a") == []


@pytest.mark.parametrize("answer", [500, 503, 429, never_answer])
def test_robots_unavailable_leaves_the_host_alone(answer) -> None:
    with serve({"/robots.txt": answer, "/a": PAGE, "/b": PAGE}) as base, fetcher(read_timeout=0.5) as f:
        a, b = f.fetch(base + "/a"), f.fetch(base + "/b")
    assert a.reason == b.reason == reasons.ROBOTS_UNAVAILABLE and a.n_attempts == 0
    assert [q.route for q in base.requests] == ["/robots.txt"]  # asked once, no page requested


@pytest.mark.parametrize("answer", [404, 410, 401, 403])
def test_robots_4xx_allows_all(answer: int) -> None:
    with serve({"/robots.txt": answer, "/a": PAGE}) as base, fetcher() as f:
        assert f.fetch(base + "/a").ok


def test_robots_redirect_is_followed() -> None:
    routes = {
        "/robots.txt": redirect("/real-robots.txt"),
        "/real-robots.txt": "User-agent: *\nDisallow: /no\n",
        "/no": PAGE,
        "/yes": PAGE,
    }
    with serve(routes) as base, fetcher() as f:
        assert f.fetch(base + "/no").reason == reasons.ROBOTS_DISALLOWED
        assert f.fetch(base + "/yes").ok
        assert f.robots(base + "/").site_maps() is None


# --- conditional requests -----------------------------------------------------------------


def test_conditional_request_sends_validators_and_304_is_not_modified() -> None:
    lm = "Wed, 01 Jan 2025 00:00:00 GMT"
    with serve({"/feed": conditional(PAGE, etag='"v7"', last_modified=lm)}) as base, fetcher() as f:
        fresh = f.fetch(base + "/feed")
        same = f.fetch(
            base + "/feed", Conditional(etag=fresh.headers["etag"], last_modified=fresh.headers["last-modified"])
        )
        changed = f.fetch(base + "/feed", Conditional(etag='"v6"'))
    assert fresh.ok and fresh.body == PAGE and fresh.headers["etag"] == '"v7"'
    assert (same.status, same.not_modified, same.body, same.reason) == (304, True, None, None)
    assert changed.ok and changed.body == PAGE and not changed.not_modified
    first, second, third = base.requests_for("/feed")
    assert "if-none-match" not in first.headers and "if-modified-since" not in first.headers
    assert (second.headers["if-none-match"], second.headers["if-modified-since"]) == ('"v7"', lm)
    assert third.headers["if-none-match"] == '"v6"' and "if-modified-since" not in third.headers


def test_304_without_a_conditional_request_is_an_error() -> None:
    with serve({"/odd": 304}) as base, fetcher() as f:
        r = f.fetch(base + "/odd")
    assert (r.reason, r.not_modified) == ("http_304", False)


# --- pacing and fetch_many ----------------------------------------------------------------


def test_fetch_many_keeps_input_order_paces_each_host_and_runs_hosts_in_parallel() -> None:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
    except OSError:
        pytest.skip("no 127.0.0.2 on this machine")
    delay = 0.3
    with (
        serve({"/a": b"a", "/b": b"b", "/c": b"c"}) as one,
        serve({"/x": b"x", "/y": 404}, host="127.0.0.2") as two,
        fetcher(host_delay=delay) as f,
    ):
        asked = [
            (one + "/a", Conditional()),
            (two + "/x", Conditional()),
            ("ftp://nowhere/z", Conditional()),
            (one + "/b", Conditional(etag='"e"')),
            (two + "/y", Conditional()),
            (one + "/c", Conditional()),
        ]
        start = time.monotonic()
        results = f.fetch_many(asked)
        took = time.monotonic() - start
    assert [r.url for r in results] == [u for u, _ in asked]
    assert [r.reason for r in results] == [None, None, reasons.UNSUPPORTED_SCHEME, None, "http_404", None]
    assert [r.body for r in results] == [b"a", b"x", None, b"b", None, b"c"]
    for server in (one, two):
        assert server.requests[0].route == "/robots.txt"
        assert all(g >= delay for g in gaps(server.requests)), gaps(server.requests)
    assert [q.route for q in one.requests] == ["/robots.txt", "/a", "/b", "/c"]
    assert one.requests_for("/b")[0].headers["if-none-match"] == '"e"'
    # the hosts ran side by side: 127.0.0.2 was done before 127.0.0.1's last page was asked for
    assert two.requests[-1].at < one.requests[-1].at
    assert took < 4 * delay + 3 * delay  # sequential would take 4 + 3 pauses


def test_host_delay_holds_across_separate_fetch_calls_with_an_injected_clock() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    with (
        serve({"/a": b"a", "/b": b"b"}) as base,
        Fetcher(replace(POLICY, host_delay=5.0), sleep=sleep, clock=lambda: now[0]) as f,
    ):
        assert f.fetch(base + "/a").ok and f.fetch(base + "/b").ok
    assert slept == [5.0, 5.0]  # before /a (after robots.txt) and before /b


def test_reason_codes_are_known() -> None:
    assert reasons.http_status_reason(503) == "http_503"
    for code in (
        "timeout",
        "connection_error",
        "robots_disallowed",
        "robots_unavailable",
        "blocked_address",
        "redirect_loop",
        "too_many_redirects",
        "unsupported_scheme",
        "invalid_url",
        "too_large",
        "http_404",
    ):
        assert reasons.is_known(code), code
    assert not reasons.is_known("http_42") and not reasons.is_known("http_abc") and not reasons.is_known("nope")
    assert len(set(reasons.ALL)) == len(reasons.ALL)
