"""A local HTTP server for tests: routes in, base URL out, every request recorded.

No internet is needed or used: the server listens on 127.0.0.1 (or another loopback address) on a
free port, in a background thread, and each connection gets its own daemon thread.

    from tests.http_server import serve, Reply, redirect, slow_drip

    routes = {
        "/": b"<html>...</html>",                        # bytes: 200, Content-Type guessed from the path
        "/robots.txt": "User-agent: *\\nDisallow: /private\\n",  # str: 200 text/plain; charset=utf-8
        "/gone": 410,                                    # int: that status, empty body
        "/feed.xml": Reply(200, {"Content-Type": "application/rss+xml"}, rss_bytes),
        "/flaky": [503, 503, b"ok"],                     # list: one item per call, the last one repeats
        "/moved": redirect("/"),                         # 302 with Location
        "/slow": slow_drip(b"x" * 100, interval=1.0),   # callable: special behaviour
    }
    with serve(routes) as base:                          # base is a str: "http://127.0.0.1:PORT"
        httpx.get(base + "/flaky")
        base.requests                                    # [Request(method, path, headers, at, ...), ...]
        base.requests_for("/flaky")                      # only those for one path (query string ignored)
        base.routes["/late"] = redirect(base + "/")      # routes may be added once the URL is known

Route values ("replies"):
  * Reply(status, headers, body) -- headers a dict or a list of (name, value) pairs (repeats allowed);
    Content-Length is added unless given (give a wrong one to test lying servers);
  * bytes / str / int / (status, body) / (status, headers, body) -- shorthands, see `as_reply`;
  * a list -- a per-call sequence: the n-th request to the route gets item n, the last item repeats;
  * a callable `handler(exchange) -> reply or None` -- gets an `Exchange` (the recorded request, how
    many times the route was called before, and raw access to the socket); return a reply to have it
    sent, or write the response yourself and return None. Long-running handlers should wait with
    `exchange.wait(seconds)`, which returns early (False) when the server shuts down.

Ready-made handlers: redirect, slow_drip, never_answer, hang_up, retry_after, gzipped, gzip_bomb,
robots, conditional (ETag/Last-Modified aware, answers 304).
Lookup: the exact path with its query string first, then the path alone; anything else is 404.
Leaving the `with` block stops the server, wakes sleeping handlers and closes open connections.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "Reply",
    "Request",
    "Exchange",
    "LocalServer",
    "serve",
    "as_reply",
    "redirect",
    "slow_drip",
    "never_answer",
    "hang_up",
    "retry_after",
    "gzipped",
    "gzip_bomb",
    "robots",
    "conditional",
]


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: Mapping[str, str] | Sequence[tuple[str, str]] = ()
    body: bytes = b""

    def header_items(self) -> list[tuple[str, str]]:
        return list(self.headers.items()) if isinstance(self.headers, Mapping) else list(self.headers)


@dataclass(frozen=True)
class Request:
    """One request as the server read it."""

    method: str
    path: str  # as sent, with the query string
    headers: dict[str, str]  # lower-case names (repeated headers joined with ", ")
    at: float  # time.monotonic() once the request line and headers were read
    client: tuple[str, int]
    body: bytes = b""

    @property
    def route(self) -> str:
        return self.path.split("?", 1)[0]


Handler = Callable[["Exchange"], Any]
RouteValue = Reply | bytes | str | int | tuple | list | Handler


@dataclass
class Exchange:
    """What a callable route gets."""

    request: Request
    call: int  # how many requests this route had before this one (0 for the first)
    handler: BaseHTTPRequestHandler  # raw access: handler.wfile, handler.connection
    stopping: threading.Event  # set when the server shuts down
    server: LocalServer

    def wait(self, seconds: float) -> bool:
        """Sleep; False (early) when the server is shutting down."""
        return not self.stopping.wait(seconds)

    def send_head(self, status: int, headers: Sequence[tuple[str, str]] | Mapping[str, str] = ()) -> None:
        items = headers.items() if isinstance(headers, Mapping) else headers
        self.handler.send_response(status)
        for name, value in items:
            self.handler.send_header(name, value)
        self.handler.end_headers()
        self.handler.wfile.flush()

    def write(self, data: bytes) -> bool:
        """Write and flush; False when the client has gone."""
        try:
            self.handler.wfile.write(data)
            self.handler.wfile.flush()
            return True
        except (ConnectionError, OSError):
            self.handler.close_connection = True
            return False


def as_reply(value: Any, path: str = "/") -> Reply:
    """Turn a shorthand into a Reply: bytes (type guessed from the path), str (text/plain), int, tuples."""
    if isinstance(value, Reply):
        return value
    if isinstance(value, bytes):
        guessed = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return Reply(200, {"Content-Type": guessed}, value)
    if isinstance(value, str):
        return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, value.encode("utf-8"))
    if isinstance(value, int):
        return Reply(value)
    if isinstance(value, tuple) and len(value) == 2:
        status, body = value
        body = as_reply(body, path)
        return Reply(status, body.headers, body.body)
    if isinstance(value, tuple) and len(value) == 3:
        status, headers, body = value
        return Reply(status, headers, body.encode("utf-8") if isinstance(body, str) else body)
    raise TypeError(f"cannot make a reply of {value!r}")


# --- ready-made handlers --------------------------------------------------------------------


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, {"Location": location})


def retry_after(value: str | int, status: int = 429) -> Reply:
    """A 429 (or 503) with Retry-After: seconds or an HTTP date."""
    return Reply(status, {"Retry-After": str(value)})


def robots(text: str) -> Reply:
    return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8"))


def gzipped(body: bytes | str, content_type: str = "text/html; charset=utf-8") -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(200, {"Content-Type": content_type, "Content-Encoding": "gzip"}, gzip.compress(data))


@functools.lru_cache(maxsize=4)
def _bomb(decoded_size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros, parts, left = bytes(1 << 20), [], decoded_size
    while left > 0:
        parts.append(comp.compress(zeros[: min(left, len(zeros))]))
        left -= len(zeros)
    parts.append(comp.flush())
    return b"".join(parts)


def gzip_bomb(decoded_size: int = 1 << 30) -> Reply:
    """A 200 with Content-Encoding: gzip whose body is small (about 1/1000) but inflates to decoded_size zeros."""
    return Reply(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, _bomb(decoded_size))


def slow_drip(
    body: bytes = b"x" * 1000,
    interval: float = 1.0,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    head_first: bool = True,
) -> Handler:
    """Send one byte of the body every `interval` seconds (Content-Length says the full size).

    With head_first=False the status line and headers drip too, one byte each interval.
    """

    def handle(ex: Exchange) -> None:
        ex.handler.close_connection = True
        head = [("Content-Type", "text/html"), ("Content-Length", str(len(body)))]
        head += list((headers or {}).items())
        if head_first:
            ex.send_head(status, head)
            rest = body
        else:
            lines = [f"HTTP/1.1 {status} OK"] + [f"{k}: {v}" for k, v in head]
            rest = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        for i in range(len(rest)):
            if not ex.write(rest[i : i + 1]) or not ex.wait(interval):
                return

    return handle


def never_answer(ex: Exchange) -> None:
    """Read the request, then say nothing until the client gives up or the server stops."""
    ex.handler.close_connection = True
    ex.wait(3600)


def hang_up(ex: Exchange) -> None:
    """Close the connection without a response (a connection error for the client)."""
    ex.handler.close_connection = True
    try:
        ex.handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def conditional(
    body: bytes | str,
    *,
    etag: str | None = '"v1"',
    last_modified: str | None = None,
    content_type: str = "text/html; charset=utf-8",
) -> Handler:
    """200 with ETag/Last-Modified, or 304 when If-None-Match / If-Modified-Since match them exactly."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    validators = {k: v for k, v in (("ETag", etag), ("Last-Modified", last_modified)) if v}

    def handle(ex: Exchange) -> Reply:
        h = ex.request.headers
        if (etag and h.get("if-none-match") == etag) or (
            last_modified and "if-none-match" not in h and h.get("if-modified-since") == last_modified
        ):
            return Reply(304, validators)
        return Reply(200, {"Content-Type": content_type, **validators}, data)

    return handle


# --- the server -----------------------------------------------------------------------------


class LocalServer(str):
    """The base URL ("http://127.0.0.1:PORT"), with the server's state as attributes."""

    routes: dict[str, RouteValue]
    host: str
    port: int

    def __new__(cls, base_url: str, **_: Any) -> LocalServer:
        return super().__new__(cls, base_url)

    def __init__(self, base_url: str, *, routes: dict[str, RouteValue], host: str, port: int) -> None:
        self.routes, self.host, self.port = routes, host, port
        self._requests: list[Request] = []
        self._calls: dict[str, int] = {}
        self._lock = threading.Lock()
        self.errors: list[BaseException] = []  # exceptions raised by handlers (client disconnects excluded)

    def url(self, path: str = "/") -> str:
        return str(self) + (path if path.startswith("/") else "/" + path)

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def requests_for(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.route == path.split("?", 1)[0]]

    def _record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_call(self, key: str) -> int:
        with self._lock:
            n = self._calls.get(key, 0)
            self._calls[key] = n + 1
            return n


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.stopping = threading.Event()
        self.open_sockets: set[socket.socket] = set()
        self.sockets_lock = threading.Lock()
        self.local: LocalServer | None = None

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        import sys

        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)) or self.stopping.is_set():
            return
        if self.local is not None and exc is not None:
            self.local.errors.append(exc)
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do; every reply carries Content-Length
    timeout = 30  # an idle keep-alive connection is dropped after this
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.sockets_lock:
            self.server.open_sockets.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.sockets_lock:
                self.server.open_sockets.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def _dispatch(self) -> None:
        local = self.server.local
        assert local is not None
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        length = int(headers.get("content-length", "0") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(self.command, self.path, headers, time.monotonic(), self.client_address[:2], body)
        local._record(request)
        key = self.path if self.path in local.routes else request.route
        if key not in local.routes:
            self._send(Reply(404, {"Content-Type": "text/plain"}, b"not found"), head_only=self.command == "HEAD")
            return
        call = local._next_call(key)
        value = local.routes[key]
        if isinstance(value, list):
            value = value[min(call, len(value) - 1)] if value else 404
        if callable(value) and not isinstance(value, (Reply, bytes, str, int, tuple)):
            value = value(Exchange(request, call, self, self.server.stopping, local))
            if value is None:
                return
        self._send(as_reply(value, request.route), head_only=self.command == "HEAD")

    def _send(self, reply: Reply, head_only: bool = False) -> None:
        items = reply.header_items()
        self.send_response(reply.status)
        names = {k.lower() for k, _ in items}
        for name, value in items:
            self.send_header(name, value)
        no_body = reply.status in (204, 304) or 100 <= reply.status < 200
        if "content-length" not in names and not no_body:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if not head_only and not no_body:
            self.wfile.write(reply.body)
        self.wfile.flush()

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = _dispatch


@contextmanager
def serve(routes: dict[str, RouteValue] | None = None, *, host: str = "127.0.0.1") -> Iterator[LocalServer]:
    """Run a server for the routes on a free port of `host`; yields its base URL (a LocalServer)."""
    server = _Server((host, 0))
    port = server.server_address[1]
    local = LocalServer(f"http://{host}:{port}", routes=routes if routes is not None else {}, host=host, port=port)
    server.local = local
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"http-server-{port}", daemon=True
    )
    thread.start()
    try:
        yield local
    finally:
        server.stopping.set()
        server.shutdown()
        with server.sockets_lock:
            for sock in list(server.open_sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        server.server_close()
        thread.join(timeout=5)
