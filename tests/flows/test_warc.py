from __future__ import annotations

import base64
import gzip
import random
import tracemalloc
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.warc import WarcPage, read_warc, write_warc
from transforms import reasons

CAP = 100_000
UTC = UTC
ARTICLE = "<!DOCTYPE html><html><head><title>Story</title></head><body><p>Der Bürgermeister sagte…</p></body></html>"
PAGES = [
    ("https://news.example.com/world/one", 200, "text/html; charset=utf-8", ARTICLE.encode()),
    ("https://news.example.com/world/two?id=2", 200, "application/xhtml+xml", b"<html><body>two</body></html>"),
    ("http://other.example.org/three", 200, "TEXT/HTML", "<html>três</html>".encode("cp1252")),
]
DATES = [
    datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC),
    datetime(2024, 5, 2, 8, 30, 15, tzinfo=UTC),
    datetime(2023, 12, 31, 23, 59, 59, tzinfo=UTC),
]


@pytest.fixture(params=["crawl.warc", "crawl.warc.gz"])
def warc_path(request, tmp_path: Path) -> Path:
    return tmp_path / request.param


def _append(path: Path, records: list[tuple[str, str, StatusAndHeaders | None, bytes, dict[str, str]]]) -> None:
    """Append records: (uri, record type, HTTP headers or None, payload, extra WARC headers)."""
    with path.open("ab") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for uri, rec_type, http, payload, warc_headers in records:
            kwargs = {"warc_content_type": "text/plain"} if http is None else {}
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    rec_type,
                    payload=BytesIO(payload),
                    length=len(payload),
                    http_headers=http,
                    warc_headers_dict=warc_headers,
                    **kwargs,
                )
            )


def _http(status: str, headers: list[tuple[str, str]]) -> StatusAndHeaders:
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def test_round_trip(warc_path: Path) -> None:
    write_warc(warc_path, PAGES, dates=DATES)
    if warc_path.name.endswith(".gz"):
        assert warc_path.read_bytes()[:2] == b"\x1f\x8b"
    else:
        assert warc_path.read_bytes().startswith(b"WARC/1.0\r\n")
    pages = list(read_warc(warc_path, CAP))
    assert pages == [WarcPage(uri, date, status, ctype, body) for (uri, status, ctype, body), date in zip(PAGES, DATES)]
    assert all(p.date.tzinfo is UTC for p in pages)


def test_dates_default_to_now_and_naive_means_utc(tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    write_warc(tmp_path / "a.warc", PAGES[:1])
    write_warc(tmp_path / "b.warc", PAGES[:1], dates=[datetime(2024, 5, 1, 12, 0, 0)])
    (now,) = read_warc(tmp_path / "a.warc", CAP)
    (naive,) = read_warc(tmp_path / "b.warc", CAP)
    assert before <= now.date <= datetime.now(UTC) + timedelta(seconds=1)
    assert naive.date == datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    with pytest.raises(ValueError):
        write_warc(tmp_path / "c.warc", PAGES, dates=DATES[:1])


def test_fractional_and_offset_warc_dates(tmp_path: Path) -> None:
    path = tmp_path / "dates.warc"
    ok = _http("200 OK", [("Content-Type", "text/html")])
    _append(
        path,
        [
            ("https://ex.com/a", "response", ok, b"<html>a</html>", {"WARC-Date": "2024-05-01T12:00:00.123456Z"}),
            ("https://ex.com/b", "response", ok, b"<html>b</html>", {"WARC-Date": "2024-05-01T14:00:00+02:00"}),
            ("https://ex.com/c", "response", ok, b"<html>c</html>", {"WARC-Date": "yesterday"}),
        ],
    )
    assert [p.date for p in read_warc(path, CAP)] == [
        datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC),
        datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC),
        None,
    ]


def test_non_200(warc_path: Path) -> None:
    write_warc(
        warc_path,
        [
            ("https://ex.com/gone", 404, "text/html", b"<html>not found</html>"),
            ("https://ex.com/moved", 301, "text/html", b""),
            ("https://ex.com/oops", 500, "text/html; charset=utf-8", b"<html>error</html>"),
            ("https://ex.com/ok", 200, "text/html", b"<html>ok</html>"),
        ],
    )
    pages = list(read_warc(warc_path, CAP))
    assert [(p.target_uri, p.status, p.reason, p.body) for p in pages] == [
        ("https://ex.com/gone", 404, "http_404", None),
        ("https://ex.com/moved", 301, "http_301", None),
        ("https://ex.com/oops", 500, "http_500", None),
        ("https://ex.com/ok", 200, None, b"<html>ok</html>"),
    ]
    assert pages[0].detail == "404 Not Found"
    assert all(reasons.is_known(p.reason) for p in pages[:3])
    assert pages[2].content_type == "text/html; charset=utf-8"


def test_invalid_status_is_a_record_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "weird.warc"
    _append(
        path,
        [
            (
                "https://ex.com/999",
                "response",
                _http("999 Weird", [("Content-Type", "text/html")]),
                b"<html>a</html>",
                {},
            ),
            ("https://ex.com/abc", "response", _http("abc", [("Content-Type", "text/html")]), b"<html>b</html>", {}),
            ("https://ex.com/ok", "response", _http("200 OK", [("Content-Type", "text/html")]), b"<html>c</html>", {}),
        ],
    )
    pages = list(read_warc(path, CAP))
    assert [(p.target_uri, p.reason, p.body) for p in pages] == [
        ("https://ex.com/999", reasons.PARSE_ERROR, None),
        ("https://ex.com/abc", reasons.PARSE_ERROR, None),
        ("https://ex.com/ok", None, b"<html>c</html>"),
    ]
    assert all(reasons.is_known(p.reason) for p in pages[:2])


def test_non_html(warc_path: Path) -> None:
    write_warc(
        warc_path,
        [
            ("https://ex.com/a.pdf", 200, "application/pdf", b"%PDF-1.7"),
            ("https://ex.com/a.jpg", 200, "image/jpeg", b"\xff\xd8\xff"),
            ("https://ex.com/api", 200, "application/json; charset=utf-8", b"{}"),
            ("https://ex.com/feed", 200, "application/rss+xml", b"<rss/>"),
            ("https://ex.com/page", 200, "text/html", b"<html>page</html>"),
        ],
    )
    pages = list(read_warc(warc_path, CAP))
    assert [(p.reason, p.detail) for p in pages[:4]] == [
        (reasons.UNSUPPORTED_TYPE, "application/pdf"),
        (reasons.UNSUPPORTED_TYPE, "image/jpeg"),
        (reasons.UNSUPPORTED_TYPE, "application/json"),
        (reasons.UNSUPPORTED_TYPE, "application/rss+xml"),
    ]
    assert all(p.body is None and p.status == 200 for p in pages[:4])
    assert pages[4].reason is None


def test_missing_content_type_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "untyped.warc"
    write_warc(
        path,
        [
            ("https://ex.com/a", 200, "", b"\n  <!-- cms -->\n<!doctype html><html>a</html>"),
            ("https://ex.com/b", 200, "", b"\x89PNG\r\n\x1a\n"),
        ],
    )
    a, b = read_warc(path, CAP)
    assert (a.content_type, a.reason, a.body) == (None, None, b"\n  <!-- cms -->\n<!doctype html><html>a</html>")
    assert (b.content_type, b.reason, b.body) == (None, reasons.UNSUPPORTED_TYPE, None)


def test_oversize_record(warc_path: Path) -> None:
    write_warc(
        warc_path,
        [
            ("https://ex.com/big", 200, "text/html", b"<html>" + b"x" * 2000 + b"</html>"),
            ("https://ex.com/exact", 200, "text/html", b"y" * 1000),
            ("https://ex.com/after", 200, "text/html", b"<html>after</html>"),
        ],
    )
    big, exact, after = read_warc(warc_path, 1000)
    assert (big.target_uri, big.status, big.reason, big.body) == ("https://ex.com/big", 200, reasons.TOO_LARGE, None)
    assert "1000" in big.detail
    assert (exact.reason, exact.body) == (None, b"y" * 1000)
    assert after.body == b"<html>after</html>"


def _noise(n: int, seed: int = 1) -> bytes:
    """n bytes of text that hardly compresses, as most of a real page's bytes do not."""
    return base64.b64encode(random.Random(seed).randbytes(n * 3 // 4))[:n]


def _peak_reading(path: Path, max_record_bytes: int) -> tuple[list[tuple[str | None, bytes | None]], int]:
    tracemalloc.start()
    try:
        pages = [(p.reason, p.body) for p in read_warc(path, max_record_bytes)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return pages, peak


def test_oversize_record_is_never_read_whole(warc_path: Path) -> None:
    body = b"<html>" + _noise(8_000_000) + b"</html>"
    write_warc(
        warc_path, [("https://ex.com/huge", 200, "text/html", body), ("https://ex.com/small", 200, "text/html", b"s")]
    )
    del body
    pages, peak = _peak_reading(warc_path, 10_000)
    assert pages == [(reasons.TOO_LARGE, None), (None, b"s")]
    assert peak < 1_000_000


def test_oversize_record_that_inflates_1000_times(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    write_warc(path, [("https://ex.com/zeros", 200, "text/html", bytes(40_000_000))])
    pages, peak = _peak_reading(path, 10_000)
    assert pages == [(reasons.TOO_LARGE, None)]
    assert peak < 16_000_000  # a few inflated blocks, not the 40 MB record


def test_content_encoding_and_chunking_are_undone(tmp_path: Path) -> None:
    path = tmp_path / "encoded.warc.gz"
    html = b"<html><body>" + "é".encode() * 100 + b"</body></html>"
    pieces = [html[i : i + 64] for i in range(0, len(html), 64)]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"
    gzipped = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    _append(
        path,
        [
            ("https://ex.com/gz", "response", _http("200 OK", gzipped), gzip.compress(html), {}),
            (
                "https://ex.com/chunked",
                "response",
                _http("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]),
                chunked,
                {},
            ),
            (
                "https://ex.com/bad",
                "response",
                _http("200 OK", gzipped),
                gzip.compress(_noise(50_000))[:20_000] + random.Random(2).randbytes(5000),
                {},
            ),
            (
                "https://ex.com/br",
                "response",
                _http("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "br")]),
                b"\x1b\x03\x00\xf8\x8d\x94\x6e\xde",
                {},
            ),
            (
                "https://ex.com/next",
                "response",
                _http("200 OK", [("Content-Type", "text/html")]),
                b"<html>n</html>",
                {},
            ),
        ],
    )
    pages = list(read_warc(path, CAP))
    assert [(p.target_uri, p.reason) for p in pages] == [
        ("https://ex.com/gz", None),
        ("https://ex.com/chunked", None),
        ("https://ex.com/bad", reasons.BAD_GZIP),
        ("https://ex.com/br", reasons.UNSUPPORTED_TYPE),
        ("https://ex.com/next", None),
    ]
    assert pages[0].body == html and pages[1].body == html and pages[4].body == b"<html>n</html>"
    assert "gzip" in pages[2].detail and "br" in pages[3].detail


def test_other_record_types_skipped_or_rejected(warc_path: Path) -> None:
    write_warc(warc_path, PAGES[:1], dates=DATES[:1])  # warcinfo, request, response
    _append(
        warc_path,
        [
            ("https://ex.com/meta", "metadata", None, b"outlinks: https://ex.com/x\n", {}),
            ("https://ex.com/res.html", "resource", None, b"<html>resource</html>", {}),
            ("dns:ex.com", "response", None, b"20240501120000\nex.com. 300 IN A 192.0.2.1\n", {}),
        ],
    )
    write_warc(warc_path.with_name("second" + warc_path.suffix), PAGES[1:2])
    with warc_path.open("ab") as out:  # a WARC file may be a concatenation of WARC files
        out.write(warc_path.with_name("second" + warc_path.suffix).read_bytes())
    pages = list(read_warc(warc_path, CAP))
    assert [(p.target_uri, p.reason) for p in pages] == [
        (PAGES[0][0], None),
        ("https://ex.com/res.html", reasons.UNSUPPORTED_TYPE),  # content not ingested: a reject, not a silent skip
        ("dns:ex.com", reasons.UNSUPPORTED_TYPE),
        (PAGES[1][0], None),
    ]
    assert pages[1].detail == "WARC resource record: only response records are ingested"


def test_truncated_file_ends_with_parse_error(warc_path: Path) -> None:
    third = ("https://ex.com/last", 200, "text/html", b"<html>" + _noise(5000) + b"</html>")
    write_warc(warc_path, [*PAGES[:2], third], dates=[*DATES[:2], DATES[0]])
    data = warc_path.read_bytes()
    warc_path.write_bytes(data[:-1500])  # inside the last response's block (it hardly compresses)
    pages = list(read_warc(warc_path, CAP))
    assert [(p.target_uri, p.date, p.reason) for p in pages[:2]] == [
        (PAGES[0][0], DATES[0], None),
        (PAGES[1][0], DATES[1], None),
    ]
    assert len(pages) == 3
    last = pages[2]
    # records: 0 warcinfo, then request and response per page: the third response is record 6
    assert (last.target_uri, last.reason, last.body, last.status, last.date) == (
        f"{warc_path}#record-6",
        reasons.PARSE_ERROR,
        None,
        None,
        None,
    )
    assert last.detail


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.75, 0.9])
def test_truncated_anywhere_is_noticed(warc_path: Path, keep: float) -> None:
    write_warc(warc_path, PAGES, dates=DATES)
    data = warc_path.read_bytes()
    warc_path.write_bytes(data[: int(len(data) * keep)])
    pages = list(read_warc(warc_path, CAP))
    assert pages[-1].reason == reasons.PARSE_ERROR
    assert pages[-1].target_uri.startswith(f"{warc_path}#record-")
    assert all(p.reason is None for p in pages[:-1])


def test_cut_inside_record_headers_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path, PAGES[:1])
    data = path.read_bytes()
    cut = data.index(b"Content-Length:", data.index(b"WARC-Type: response")) + len(b"Content-Length:")
    path.write_bytes(data[:cut])
    (page,) = read_warc(path, CAP)
    assert (page.target_uri, page.reason) == (f"{path}#record-2", reasons.PARSE_ERROR)


def test_warc_gzipped_whole(tmp_path: Path) -> None:
    plain, whole = tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"
    write_warc(plain, PAGES, dates=DATES)
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    assert list(read_warc(whole, CAP)) == list(read_warc(plain, CAP))
    assert len(list(read_warc(plain, CAP))) == 3


def test_every_cut_is_noticed_or_falls_between_records(warc_path: Path) -> None:
    write_warc(warc_path, [PAGES[0], ("https://ex.com/gone", 404, "text/html", b"nf")], dates=DATES[:2])
    data = warc_path.read_bytes()
    spans = []  # (start, end of block) of each record, as warcio counts them in the file
    with warc_path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        for _ in archive:
            archive.read_to_end()
            spans.append((archive.get_record_offset(), archive.get_record_offset() + archive.get_record_length()))
    assert len(spans) == 5  # warcinfo, request, response, request, response
    # a cut is harmless only between two records: after one's block, up to where the next begins
    next_starts = [start for start, _ in spans[1:]] + [len(data)]
    harmless = {0} | {cut for (_, end), nxt in zip(spans, next_starts) for cut in range(end, nxt + 1)}
    for cut in range(len(data)):
        warc_path.write_bytes(data[:cut])
        pages = list(read_warc(warc_path, CAP))
        kept = [p for p in pages if p.reason != reasons.PARSE_ERROR]
        assert [p.body for p in kept if p.body is not None] in ([], [PAGES[0][3]]), cut
        if not pages or pages[-1].reason != reasons.PARSE_ERROR:
            assert cut in harmless, cut


@pytest.mark.parametrize("cut", [1, 4, 8])
def test_gzip_trailer_cut_short_is_noticed(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, PAGES, dates=DATES)
    path.write_bytes(path.read_bytes()[:-cut])  # the last member's CRC and size: every record is still whole
    pages = list(read_warc(path, CAP))
    assert [p.reason for p in pages] == [None, None, None, reasons.PARSE_ERROR]
    assert pages[2].body == PAGES[2][3]
    assert "EOFError" in pages[-1].detail


def test_gzip_crc_mismatch_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, PAGES, dates=DATES)
    data = bytearray(path.read_bytes())
    data[-6] ^= 0xFF  # a byte of the last member's CRC
    path.write_bytes(bytes(data))
    pages = list(read_warc(path, CAP))
    assert [p.reason for p in pages] == [None, None, None, reasons.PARSE_ERROR]
    assert "CRC" in pages[-1].detail


@pytest.mark.parametrize("name", ["empty.warc", "empty.warc.gz"])
def test_empty_file_has_no_pages(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert list(read_warc(path, CAP)) == []
    write_warc(path, [])  # a warcinfo record only
    assert list(read_warc(path, CAP)) == []


@pytest.mark.parametrize(
    "data", [b"this is not a warc file\n" * 10, gzip.compress(b"not a warc either\n" * 10), b"\x1f\x8b\x08\x00garbage"]
)
def test_not_a_warc(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    (page,) = read_warc(path, CAP)
    assert (page.target_uri, page.reason, page.body) == (f"{path}#record-0", reasons.PARSE_ERROR, None)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(read_warc(tmp_path / "nope.warc", CAP))


def test_a_record_the_crawler_truncated_is_not_an_article(tmp_path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "cut.warc"
    body = b"<html><body><p>The first half of a story that the crawler stopped reading</p>"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://news.example/cut.html",
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Truncated": "length"},
        )
        writer.write_record(record)
    pages = list(read_warc(path, 1_000_000))
    assert [(p.target_uri, p.body, p.reason) for p in pages] == [("https://news.example/cut.html", None, "too_large")]
    assert "WARC-Truncated: length" in pages[0].detail
