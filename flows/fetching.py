"""A polite and safe HTTP fetcher for web sources (feeds, sitemaps, pages).

Polite: a descriptive User-Agent on every request, robots.txt read once per origin and obeyed,
at least `host_delay` seconds between two requests to one host (robots.txt and retries count),
retries only for transient failures with exponential backoff, Retry-After honoured.

Safe: only http and https; every host (first URL, every redirect hop, robots.txt) is resolved and
refused when any of its addresses is loopback, private, link-local, multicast, reserved,
unspecified, not globally routable or a cloud metadata address (IPv4-mapped, 6to4 and NAT64
IPv6 forms are unwrapped first); with the system resolver the address actually connected to is
checked again, so a DNS answer that changes between check and connect is still refused.
Bodies are capped while streaming, after Content-Encoding is undone by a bounded inflater
(a gzip bomb stops at the cap without being inflated), and the whole response has a deadline
(`total_timeout`) that also ends a server dripping one byte at a time.

Failures are results, not exceptions: `FetchResult.reason` is a code from transforms.reasons
(`http_<status>` from `reasons.http_status_reason` for HTTP errors).

Time: `clock` and `sleep` (injectable) pace the requests (host delay, backoff, Retry-After);
the I/O deadlines (httpx timeouts and `total_timeout`) are real time.
"""

from __future__ import annotations

import email.utils
import ipaddress
import random
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.robotparser import RobotFileParser

import httpx

from transforms import reasons

Resolver = Callable[[str, int], Iterable[str]]  # (host, port) -> IP address strings

KEPT_HEADERS = ("content-type", "etag", "last-modified", "content-length", "content-encoding", "date", "retry-after")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: parse at least 500 KiB; the rest is cut off
_PIECE = 64 * 1024  # most bytes one inflate step may produce


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = "newsetl/0.2 (news ETL pipeline; +https://example.invalid/newsetl)"
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest wait for the next bytes
    total_timeout: float = 60.0  # whole response, including a slow drip
    max_bytes: int = 20_000_000  # cap on the decoded body (after Content-Encoding), checked while streaming
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between requests to the same host; other hosts proceed meanwhile
    max_retries: int = 3  # retries for transient failures only
    backoff_base: float = 0.5  # exponential backoff: base * 2**attempt (+ up to 10 % jitter)
    retry_after_cap: float = 30.0  # honour Retry-After (seconds or HTTP date) up to this cap
    allow_private: bool = False  # allow loopback/private/link-local hosts (tests pass True for 127.0.0.1)
    allowed_networks: tuple[str, ...] = ()  # or allow only these networks ("127.0.0.1/32"); others stay blocked
    max_workers: int = 8  # hosts fetched in parallel


@dataclass(frozen=True)
class Conditional:
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects (== url when none)
    status: int | None  # final HTTP status; None when no response was had
    body: bytes | None  # decoded body; None on failure and on 304
    headers: dict[str, str]  # lower-case names, only KEPT_HEADERS
    fetched_at: datetime  # UTC, when the final response started
    reason: str | None = None  # reject reason code when it failed, else None
    detail: str = ""
    not_modified: bool = False  # a 304 to our conditional request
    n_attempts: int = 1  # requests sent for this URL (retries included, robots.txt not); 0 when refused before any

    @property
    def ok(self) -> bool:
        return self.reason is None


# --- addresses -------------------------------------------------------------------------------

_METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_block_reason(address: str) -> str | None:
    """Why a fetcher must not connect to this IP address, or None when it is a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip in _METADATA:
        return f"{ip} is a cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            why = address_block_reason(str(embedded))
            return f"{why} (inside {ip})" if why else None
    for attr in ("is_loopback", "is_unspecified", "is_link_local", "is_multicast", "is_private", "is_reserved"):
        if getattr(ip, attr):
            return f"{ip} is {attr[3:].replace('_', '-')}"
    if not ip.is_global:
        return f"{ip} is not globally routable"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


# --- internals -------------------------------------------------------------------------------


class _Failure(Exception):
    """A fetch that ended without a usable response; becomes a FetchResult."""

    def __init__(
        self,
        reason: str,
        detail: str = "",
        *,
        transient: bool = False,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.transient = reason, detail, transient
        self.status, self.headers = status, headers or {}


@dataclass
class _Response:
    status: int
    phrase: str
    headers: dict[str, str]
    body: bytes | None  # None unless 2xx
    gave_up: str = ""  # why a retryable status was not retried


@dataclass
class _Trail:
    """What one fetch has been through so far."""

    url: str
    attempts: int = 0
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass
class _HostSlot:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float | None = None


def _kept(headers: httpx.Headers) -> dict[str, str]:
    return {name: ", ".join(headers.get_list(name)) for name in KEPT_HEADERS if name in headers}


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise _Failure(reasons.INVALID_URL, f"{type(exc).__name__}: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise _Failure(reasons.UNSUPPORTED_SCHEME, f"scheme {parsed.scheme or '(none)'!r} is not http or https")
    if not parsed.host:
        raise _Failure(reasons.INVALID_URL, "no host in URL")
    return parsed.copy_with(fragment=None)


def _host_key(url: httpx.URL) -> str:
    return url.raw_host.decode("ascii").lower()


def _origin(url: httpx.URL) -> str:
    return str(url.copy_with(path="/", query=None, fragment=None)).rstrip("/")


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Inflater:
    """Streaming gzip/deflate decoder that never produces more than _PIECE bytes per step."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._d: zlib._Decompress | None = None if kind == "deflate" else zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._head = b""  # deflate: bytes kept until the zlib header can be told from raw deflate
        self._ended = False  # trailing bytes after the last gzip member are ignored

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._d is None:
            self._head += data
            if len(self._head) < 2:
                return
            b0, b1 = self._head[0], self._head[1]
            zlib_wrapped = (b0 & 0x0F) == 8 and (b0 * 256 + b1) % 31 == 0
            self._d = zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)
            data, self._head = self._head, b""
        pending = data
        while pending and not self._ended:
            if self._d.eof:
                if self.kind == "gzip" and pending[:2] == b"\x1f\x8b":  # another gzip member
                    self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                else:
                    self._ended = True
                    return
            while True:
                out = self._d.decompress(pending, _PIECE)
                if out:
                    yield out
                pending = self._d.unconsumed_tail
                if self._d.eof:
                    pending = pending or self._d.unused_data
                    break
                if not pending and len(out) < _PIECE:
                    break

    def flush(self) -> Iterator[bytes]:
        if self._d is None and self._head:  # a deflate body under 2 bytes
            self._d = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self.feed(b"")
        if self._d is not None and not self._ended and not self._d.eof:
            rest = self._d.flush()
            if rest:
                yield rest


class _Decoder:
    """Undoes a Content-Encoding list (gzip, x-gzip, deflate, identity); unknown codings pass the bytes through."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = ["gzip" if c == "x-gzip" else c for c in codings if c != "identity"]
        self.passthrough = any(c not in ("gzip", "deflate") for c in codings)
        self.stages = [] if self.passthrough else [_Inflater(c) for c in reversed(codings)]

    def _run(self, stages: list[_Inflater], data: bytes) -> Iterator[bytes]:
        if not stages:
            if data:
                yield data
            return
        for out in stages[0].feed(data):
            yield from self._run(stages[1:], out)

    def feed(self, data: bytes) -> Iterator[bytes]:
        return self._run(self.stages, data)

    def flush(self) -> Iterator[bytes]:
        for i, stage in enumerate(self.stages):
            for out in stage.flush():
                yield from self._run(self.stages[i + 1 :], out)


class _Watchdog:
    """Real-time deadline for one request, and the check of the address actually connected to.

    httpcore reports new connections through the `trace` extension; when the deadline passes (or the
    peer is refused) the socket is shut down, which ends any blocked read at once.
    """

    def __init__(self, seconds: float, check_peer: Callable[[str], str | None] | None) -> None:
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self.blocked: str | None = None
        self._check_peer = check_peer
        self._lock = threading.Lock()
        self._stream = None
        self._done = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    @staticmethod
    def _kill(stream) -> None:
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)  # not SSLSocket.shutdown: it drops the TLS object
            except OSError:
                pass

    def trace(self, name: str, info: dict) -> None:
        if name not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        if name == "connection.connect_tcp.complete" and self._check_peer is not None and stream is not None:
            peer = stream.get_extra_info("server_addr")
            why = self._check_peer(peer[0]) if peer else None
            if why:
                self.blocked = f"connected to {peer[0]}: {why}"
                self._kill(stream)
        self.attach(stream)

    def attach(self, stream) -> None:
        with self._lock:
            if stream is not None:
                self._stream = stream
            if self.expired and not self._done:
                self._kill(self._stream)

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            self._kill(self._stream)

    def disarm(self) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()


# --- the fetcher -----------------------------------------------------------------------------


class Fetcher:
    """Fetches URLs politely and safely; thread-safe; use as a context manager or call close()."""

    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        resolver: Resolver | None = None,
    ) -> None:
        self.policy = policy
        self._sleep, self._clock = sleep, clock
        self._resolver = resolver or system_resolver
        # An injected resolver stands for DNS as a whole: the connected address is checked only with the real one.
        self._allowed = tuple(ipaddress.ip_network(n, strict=False) for n in policy.allowed_networks)
        self._check_peer = None if (policy.allow_private or resolver is not None) else self._block_reason
        self._random = random.Random()
        p = policy
        self._client = httpx.Client(
            headers={"User-Agent": p.user_agent, "Accept": "*/*", "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(
                connect=p.connect_timeout,
                read=min(p.read_timeout, p.total_timeout),
                write=p.read_timeout,
                pool=p.connect_timeout,
            ),
            limits=httpx.Limits(
                max_connections=max(10, 2 * p.max_workers), max_keepalive_connections=max(5, p.max_workers)
            ),
            follow_redirects=False,
            trust_env=False,  # no proxies from the environment: the addresses checked are the ones connected to
        )
        self._lock = threading.Lock()
        self._slots: dict[str, _HostSlot] = {}
        self._robots: dict[str, RobotFileParser | _Failure] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    # context manager
    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # public API
    def fetch(self, url: str, conditional: Conditional = Conditional()) -> FetchResult:
        trail = _Trail(url)
        current = url
        try:
            target = _parse_url(url)
            current = str(target)
            seen = {current}
            redirects = 0
            while True:
                self._check_address(target)
                self._check_robots(target)
                resp = self._with_retries(target, conditional, trail)
                if resp.status in REDIRECT_STATUSES and resp.headers.get("location"):
                    try:
                        nxt = _parse_url(str(target.join(resp.headers["location"])))
                    except _Failure as exc:
                        exc.detail = f"redirect to {resp.headers['location']!r}: {exc.detail}"
                        raise
                    redirects += 1
                    if str(nxt) in seen:
                        raise _Failure(
                            reasons.REDIRECT_LOOP,
                            f"{current} redirects back to {nxt}",
                            status=resp.status,
                            headers=_only_kept(resp.headers),
                        )
                    if redirects > self.policy.max_redirects:
                        raise _Failure(
                            reasons.TOO_MANY_REDIRECTS,
                            f"more than {self.policy.max_redirects} redirects",
                            status=resp.status,
                            headers=_only_kept(resp.headers),
                        )
                    target, current = nxt, str(nxt)
                    seen.add(current)
                    continue
                return self._finish(url, current, resp, conditional, trail)
        except _Failure as failure:
            return FetchResult(
                url=url,
                final_url=current,
                status=failure.status,
                body=None,
                headers=failure.headers,
                fetched_at=trail.started_at,
                reason=failure.reason,
                detail=failure.detail,
                n_attempts=trail.attempts,
            )

    def fetch_many(self, requests: list[tuple[str, Conditional]]) -> list[FetchResult]:
        """Fetch all; one worker per host takes that host's URLs in order; results in input order."""
        items = [(r, Conditional()) if isinstance(r, str) else r for r in requests]
        groups: dict[str, list[int]] = {}
        for i, (url, _) in enumerate(items):
            try:
                key = _host_key(_parse_url(url))
            except _Failure:
                key = f"\0invalid-{i}"
            groups.setdefault(key, []).append(i)
        results: list[FetchResult | None] = [None] * len(items)

        def run(indices: list[int]) -> None:
            for i in indices:
                results[i] = self.fetch(*items[i])

        if groups:
            with ThreadPoolExecutor(
                max_workers=max(1, min(self.policy.max_workers, len(groups))), thread_name_prefix="fetch"
            ) as pool:
                for future in [pool.submit(run, indices) for indices in groups.values()]:
                    future.result()
        return results  # type: ignore[return-value]

    def robots(self, url: str) -> RobotFileParser | None:
        """The parsed robots.txt for the URL's origin (fetched once, cached), None when it is unavailable.

        Its `site_maps()` lists the Sitemap lines; an origin without robots.txt gives an allow-all parser.
        """
        try:
            target = _parse_url(url)
            self._check_address(target)
            entry = self._robots_for(target)
        except _Failure:
            return None
        return None if isinstance(entry, _Failure) else entry

    # steps
    def _finish(self, url: str, current: str, resp: _Response, conditional: Conditional, trail: _Trail) -> FetchResult:
        headers = _only_kept(resp.headers)
        common: dict[str, Any] = dict(  # noqa: C408  (keyword arguments of FetchResult, shared by two branches)
            url=url,
            final_url=current,
            status=resp.status,
            headers=headers,
            fetched_at=trail.started_at,
            n_attempts=trail.attempts,
        )
        if 200 <= resp.status < 300:
            return FetchResult(body=resp.body, **common)
        if resp.status == 304 and (conditional.etag or conditional.last_modified):
            return FetchResult(body=None, not_modified=True, **common)
        detail = f"HTTP {resp.status} {resp.phrase}".strip()
        if resp.status in RETRY_STATUSES and trail.attempts > 1:
            detail += f" after {trail.attempts} attempts"
        if resp.gave_up:
            detail += f"; {resp.gave_up}"
        return FetchResult(body=None, reason=reasons.http_status_reason(resp.status), detail=detail, **common)

    def _block_reason(self, address: str) -> str | None:
        """Why not connect to this address; addresses in the allowed networks are fine."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if any(ip.version == net.version and ip in net for net in self._allowed):
            return None
        return address_block_reason(address)

    def _check_address(self, target: httpx.URL) -> None:
        if self.policy.allow_private:
            return
        host = target.host
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = list(
                    self._resolver(
                        target.raw_host.decode("ascii"), target.port or (443 if target.scheme == "https" else 80)
                    )
                )
            except socket.gaierror as exc:
                raise _Failure(
                    reasons.CONNECTION_ERROR, f"cannot resolve {host}: {exc}", transient=exc.errno == socket.EAI_AGAIN
                ) from None
            except OSError as exc:
                raise _Failure(reasons.CONNECTION_ERROR, f"cannot resolve {host}: {exc}", transient=True) from None
        if not addresses:
            raise _Failure(reasons.CONNECTION_ERROR, f"{host} resolves to no address")
        for address in addresses:
            why = self._block_reason(address)
            if why:
                raise _Failure(reasons.BLOCKED_ADDRESS, f"{host}: {why}")

    def _check_robots(self, target: httpx.URL) -> None:
        entry = self._robots_for(target)
        if isinstance(entry, _Failure):
            raise _Failure(reasons.ROBOTS_UNAVAILABLE, f"{_origin(target)}/robots.txt: {entry.detail}")
        if not entry.can_fetch(self.policy.user_agent, str(target)):
            raise _Failure(
                reasons.ROBOTS_DISALLOWED, f"{_origin(target)}/robots.txt disallows {target.raw_path.decode()}"
            )

    def _robots_for(self, target: httpx.URL) -> RobotFileParser | _Failure:
        origin = _origin(target)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def _load_robots(self, origin: str) -> RobotFileParser | _Failure:
        """RFC 9309: 2xx is parsed, other 4xx (and redirect trouble) allow all; 5xx, 429 and failures do not."""
        parser = RobotFileParser(origin + "/robots.txt")
        url = origin + "/robots.txt"
        seen = {url}
        try:
            for _ in range(self.policy.max_redirects + 1):
                target = _parse_url(url)
                self._check_address(target)
                resp = self._exchange(target, {}, ROBOTS_MAX_BYTES, truncate=True)
                if 200 <= resp.status < 300:
                    parser.parse((resp.body or b"").decode("utf-8-sig", "replace").splitlines())
                    return parser
                if resp.status in REDIRECT_STATUSES and resp.headers.get("location"):
                    url = str(_parse_url(str(target.join(resp.headers["location"]))))
                    if url in seen:
                        break
                    seen.add(url)
                    continue
                if resp.status == 429 or resp.status >= 500:
                    return _Failure(reasons.ROBOTS_UNAVAILABLE, f"HTTP {resp.status} {resp.phrase}".strip())
                break
        except _Failure as failure:
            return _Failure(reasons.ROBOTS_UNAVAILABLE, f"{failure.reason}: {failure.detail}")
        parser.allow_all = True  # type: ignore[attr-defined]  # what RobotFileParser.can_fetch reads
        return parser

    def _with_retries(self, target: httpx.URL, conditional: Conditional, trail: _Trail) -> _Response:
        headers = {}
        if conditional.etag:
            headers["If-None-Match"] = conditional.etag
        if conditional.last_modified:
            headers["If-Modified-Since"] = conditional.last_modified
        p = self.policy
        for retry in range(p.max_retries + 1):
            if retry:
                self._check_address(target)  # addresses may change between attempts
            trail.attempts += 1
            trail.started_at = datetime.now(UTC)
            try:
                resp = self._exchange(target, headers, p.max_bytes)
            except _Failure as failure:
                if not failure.transient or retry == p.max_retries:
                    if failure.transient and retry:
                        failure.detail += f" (after {retry + 1} attempts)"
                    raise
                wait = self._backoff(retry)
            else:
                if resp.status not in RETRY_STATUSES or retry == p.max_retries:
                    return resp
                wait = self._backoff(retry)
                asked = parse_retry_after(resp.headers.get("retry-after"))
                if asked is not None:
                    if asked > p.retry_after_cap:
                        resp.gave_up = f"Retry-After {asked:g}s is over the cap of {p.retry_after_cap:g}s"
                        return resp
                    wait = max(wait, asked)
            self._sleep(wait)
        raise AssertionError("unreachable")

    def _backoff(self, retry: int) -> float:
        delay = self.policy.backoff_base * 2**retry
        return delay + self._random.uniform(0, delay / 10)

    @contextmanager
    def _host_turn(self, host: str) -> Iterator[None]:
        """Hold the host for one request, starting no sooner than host_delay after the previous one ended."""
        with self._lock:
            slot = self._slots.setdefault(host, _HostSlot())
        with slot.lock:
            if slot.last is not None:
                wait = slot.last + self.policy.host_delay - self._clock()
                if wait > 0:
                    self._sleep(wait)
            try:
                yield
            finally:
                slot.last = self._clock()

    def _exchange(self, target: httpx.URL, headers: dict[str, str], cap: int, *, truncate: bool = False) -> _Response:
        """One GET: status and kept headers, and the capped decoded body for 2xx. Failures raise _Failure."""
        p = self.policy
        with self._host_turn(_host_key(target)):
            watchdog = _Watchdog(p.total_timeout, self._check_peer)
            status: int | None = None
            kept: dict[str, str] = {}
            try:
                with self._client.stream("GET", target, headers=headers, extensions={"trace": watchdog.trace}) as resp:
                    try:
                        watchdog.attach(resp.extensions.get("network_stream"))
                        status, kept = resp.status_code, _kept(resp.headers)
                        all_headers = dict(kept)
                        if "location" in resp.headers:
                            all_headers["location"] = resp.headers["location"]
                        body = self._read_body(resp, cap, truncate, watchdog) if 200 <= status < 300 else None
                        if watchdog.expired:
                            raise _Failure(
                                reasons.TIMEOUT,
                                f"response not complete within {p.total_timeout:g}s",
                                transient=True,
                                status=status,
                                headers=kept,
                            )
                        return _Response(status, resp.reason_phrase, all_headers, body)
                    finally:
                        watchdog.disarm()
            except _Failure:
                raise
            except httpx.TimeoutException as exc:
                raise _Failure(reasons.TIMEOUT, _describe(exc), transient=True, status=status, headers=kept) from None
            except (httpx.HTTPError, OSError, ssl.SSLError) as exc:
                if watchdog.blocked:
                    raise _Failure(reasons.BLOCKED_ADDRESS, watchdog.blocked) from None
                if watchdog.expired:
                    raise _Failure(
                        reasons.TIMEOUT,
                        f"response not complete within {p.total_timeout:g}s",
                        transient=True,
                        status=status,
                        headers=kept,
                    ) from None
                permanent = _is_certificate_error(exc) or isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL))
                raise _Failure(
                    reasons.CONNECTION_ERROR, _describe(exc), transient=not permanent, status=status, headers=kept
                ) from None
            finally:
                watchdog.disarm()

    def _read_body(self, resp: httpx.Response, cap: int, truncate: bool, watchdog: _Watchdog) -> bytes:
        too_large = _Failure(
            reasons.TOO_LARGE, f"body over the cap of {cap} bytes", status=resp.status_code, headers=_kept(resp.headers)
        )
        decoder = _Decoder(resp.headers.get("content-encoding", ""))
        declared = resp.headers.get("content-length", "")
        if not decoder.stages and not truncate and declared.isdigit() and int(declared) > cap:
            too_large.detail = f"Content-Length {declared} is over the cap of {cap} bytes"
            raise too_large
        body = bytearray()

        def take(pieces: Iterator[bytes]) -> bool:  # False once the cap is reached (truncate mode)
            for piece in pieces:
                room = cap - len(body)
                if len(piece) > room:
                    if truncate:
                        body.extend(piece[:room])
                        return False
                    raise too_large
                body.extend(piece)
            return True

        try:
            for raw in resp.iter_raw():
                if not take(decoder.feed(raw)):
                    return bytes(body)
                if time.monotonic() > watchdog.deadline:
                    raise _Failure(
                        reasons.TIMEOUT,
                        f"response not complete within {self.policy.total_timeout:g}s",
                        transient=True,
                        status=resp.status_code,
                        headers=_kept(resp.headers),
                    )
            take(decoder.flush())
        except zlib.error as exc:
            raise _Failure(
                reasons.BAD_GZIP,
                f"Content-Encoding {resp.headers.get('content-encoding')}: {exc}",
                status=resp.status_code,
                headers=_kept(resp.headers),
            ) from None
        return bytes(body)


def _only_kept(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k in KEPT_HEADERS}


def _is_certificate_error(exc: BaseException) -> bool:
    seen = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        current = current.__cause__ or current.__context__
    return False


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text
