"""WARC files -> the HTML pages in them. I/O: reads (and, for tests and tooling, writes) a file.

`read_warc` walks a .warc or .warc.gz with warcio and yields one `WarcPage` per `response`
record; request, metadata and warcinfo records describe other records and are passed over; a
record that carries content of its own but is not ingested (resource, revisit, conversion,
continuation) is an `unsupported_type` page (its target URI, "WARC resource record: only response
records are ingested"), so each is a reject row, never a silent skip.
A page that is not kept carries a reason and no body:

- `http_<status>` (reasons.http_status_reason): the HTTP status is not 200; a status line with
  no status from 100 to 599 gives `parse_error` for that record alone (target_uri is its URI);
- `unsupported_type` (reasons.UNSUPPORTED_TYPE): the Content-Type is not text/html or
  application/xhtml+xml; a response with no Content-Type is kept when its body starts like HTML;
  a response record with no HTTP headers at all (dns:, ftp:) is unsupported too;
- `too_large` (reasons.TOO_LARGE): the body (after undoing chunked transfer and gzip/deflate
  content encoding, with warcio's readers) is over max_record_bytes. At most max_record_bytes + 1
  bytes of a body are ever read into memory; the rest of the record is skipped in chunks
  (`READ_BLOCK_BYTES` bounds what one inflated block of a Content-Encoding can cost);
- `bad_gzip` (reasons.BAD_GZIP): the body's gzip/deflate Content-Encoding breaks after its first
  block (warcio passes a body whose first block does not inflate on as it is: it was not compressed);
- `unsupported_type` too for a Content-Encoding warcio cannot undo (br without brotli installed, ...).

A damaged record (a corrupt gzip member, a lying Content-Length, a record cut short) gives a page
whose reason is `parse_error` (reasons.PARSE_ERROR), and reading resumes at the next record
boundary (the next gzip member, or the next `WARC/1.` line; `read_warc` says how), so the records
after it are read: one reject per damaged record. The page's target_uri is `<path>#record-N`, N the 0-based
position of the record being read when the damage showed (counting every record, of any type;
in a gzip stream the damage can show a block early, so N may be one less than the damaged record). A record
whose block is shorter than its Content-Length counts as cut short: its page is not yielded.
Bytes after the last whole record that are not blank lines count as a record cut short too (warcio
itself ends quietly there), and so does a gzip stream cut short or failing its CRC (a WARC
gzipped whole is one member: nothing after the damage can be read). A file is read
as gzip when it starts with the gzip magic bytes, whatever its name; the gzip module inflates it
(a bounded piece at a time), so both the usual one-member-per-record .warc.gz and a WARC gzipped
whole (which warcio alone refuses) are read. ARC files (and any record warcio reads as ARC) are
refused as parse_error. A file that cannot be opened raises OSError as usual.

`write_warc` writes a small WARC of response records: for tests and tooling, not for archiving.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from transforms import reasons

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
SNIFF_BYTES = 1024
DRAIN_CHUNK = 1 << 16
# warcio reads the (inflated) file, and inflates a gzip/deflate Content-Encoding, a block at a
# time; deflate inflates up to ~1000x, so a block of a crafted body costs up to ~4 MB (warcio's
# default 16 KiB: ~16 MB).
READ_BLOCK_BYTES = 4096
TAIL_BYTES = 4 * READ_BLOCK_BYTES  # what is kept of the bytes last read, to look past the last record
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class WarcPage:
    target_uri: str
    date: datetime | None  # WARC-Date, aware, UTC
    status: int | None  # HTTP status
    content_type: str | None  # the HTTP Content-Type header as sent (with its charset parameter)
    body: bytes | None  # the HTTP payload, decoded from chunked/gzip; None when reason is set
    reason: str | None = None  # why not kept: http_<status>, unsupported_type, too_large, bad_gzip, parse_error
    detail: str = ""


# record types with content of their own that are not ingested: each is a reject (request, metadata
# and warcinfo records describe other records)
CONTENT_RECORD_TYPES = frozenset({"resource", "revisit", "conversion", "continuation"})


MAX_RESYNCS = 10_000  # resumptions after damage per file, at most
RESYNC_BACKTRACK_BYTES = 1 << 16  # reading resumes at the first boundary this far before the damage showed, or later


class _Corrupt(Exception):
    pass


class _Source:
    """The file as ArchiveIterator reads it: gunzipped by the gzip module when it is gzipped (one
    member per record or one for the whole file; CRCs checked, inflated a bounded piece at a time),
    and remembering a read error, which warcio would otherwise take for the end of the file."""

    def __init__(self, raw: BinaryIO) -> None:
        start = raw.tell()  # a record boundary: the file's start, or where reading resumes after damage
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(start)
        # a GzipFile or the file as opened (buffered): both read1
        self.stream: Any = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        self.error: Exception | None = None
        self.tail = b""  # the last TAIL_BYTES bytes read
        self.position = 0

    def read(self, size: int | None = -1) -> bytes:
        """Up to size bytes; what was read before an error comes first, the error with the next read."""
        if self.error is not None:
            raise self.error
        parts: list[bytes] = []
        wanted = size if size is not None and size >= 0 else None
        while wanted is None or wanted > 0:
            try:
                part = self.stream.read1(wanted if wanted is not None else DRAIN_CHUNK)
            except Exception as exc:  # noqa: BLE001 - EOFError (cut short), BadGzipFile, zlib.error, OSError
                self.error = exc
                if not parts:
                    raise
                break
            if not part:
                break
            parts.append(part)
            if wanted is not None:
                wanted -= len(part)
        data = b"".join(parts)
        self.position += len(data)
        self.tail = (self.tail + data)[-TAIL_BYTES:]
        return data

    def leftover(self, offset: int) -> bytes | None:
        """The bytes from offset to the end of the file, as far as they are still known (None: too many)."""
        behind = self.position - offset
        if behind > len(self.tail) or behind < 0:
            return None
        try:
            rest = self.read(TAIL_BYTES)
        except Exception:  # noqa: BLE001 - recorded in self.error
            return None
        return self.tail[len(self.tail) - behind :] + rest

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        self.stream.close()


def read_warc(path: Path, max_record_bytes: int) -> Iterator[WarcPage]:
    """The response records of a WARC file as pages, in file order (see the module docstring).

    After a damaged record (a corrupt gzip member, a lying Content-Length, a record cut short) its
    `parse_error` page is yielded and reading resumes at the next record boundary (the next gzip
    member, or the next line starting `WARC/1.`) found from a little before the damage: records
    read again are known by their WARC-Record-ID and not yielded twice, a damage met again is not
    reported twice, and each resumption starts further on than the one before."""
    if max_record_bytes < 0:
        raise ValueError("max_record_bytes must not be negative")
    with Path(path).open("rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        state = _ReadState()
        start = 0
        for _ in range(MAX_RESYNCS):
            raw.seek(start)
            damage_at = yield from _records(path, raw, start, max_record_bytes, state)
            if damage_at is None:
                return
            resume = _next_boundary(raw, max(start + 1, damage_at - RESYNC_BACKTRACK_BYTES), gzipped)
            if resume is None:
                return
            start = resume


@dataclass
class _ReadState:
    index: int = 0  # records read (of any type, each once)
    seen: set = field(default_factory=set)  # the records read, by WARC-Record-ID
    reported: set = field(default_factory=set)  # the indexes of the damaged records reported


def _record_key(record: ArcWarcRecord) -> tuple:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID")
    if record_id:
        return (record_id,)
    return (record.rec_type, headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date"))


def _records(path: Path, raw: BinaryIO, start: int, max_record_bytes: int, state: _ReadState):
    """The pages of the records from `start` (a record boundary); returns None at the end of the
    file, or the file offset near which damage showed (after yielding its parse_error page)."""
    source = _Source(raw)
    archive = ArchiveIterator(source, block_size=READ_BLOCK_BYTES)
    records = iter(archive)

    def damaged(exc: Exception) -> Iterator[WarcPage]:
        if state.index not in state.reported:
            state.reported.add(state.index)
            yield _unreadable(path, state.index, exc)

    while True:
        try:
            record = next(records)
        except StopIteration:
            # warcio ends quietly on an EOFError, which a record cut short inside its headers
            # raises too: anything but blank lines past the last whole record says so
            leftover = None if source.error else source.leftover(archive.offset)
            if leftover is None or leftover.strip():
                yield from damaged(source.error or _Corrupt(f"no whole record at offset {start + archive.offset}"))
                return raw.tell()
            return None
        except Exception as exc:  # noqa: BLE001 - warcio, gzip and header parsers raise many kinds
            yield from damaged(exc)
            return raw.tell()
        key = _record_key(record)
        try:
            _check(record)
            again = key in state.seen
            page = (
                None
                if again
                else _page(record, max_record_bytes)
                if record.rec_type == "response"
                else _not_ingested(record)
                if record.rec_type in CONTENT_RECORD_TYPES
                else None
            )
            _drain(record)
        except Exception as exc:  # noqa: BLE001 - as above, and zlib from content decoding
            yield from damaged(exc)
            return raw.tell()
        if again:
            continue
        state.seen.add(key)
        state.index += 1
        if page is not None:
            yield page


def _next_boundary(raw: BinaryIO, offset: int, gzipped: bool) -> int | None:
    """The first record boundary at or after `offset`: a gzip member's header, or a `WARC/1.` line."""
    mark = GZIP_MAGIC + b"\x08" if gzipped else b"\nWARC/1."
    raw.seek(offset)
    carry = b""
    position = offset
    while True:
        block = raw.read(DRAIN_CHUNK)
        if not block:
            return None
        data = carry + block
        found = data.find(mark)
        if found >= 0:
            at = position - len(carry) + found
            return at if gzipped else at + 1
        carry = data[-(len(mark) - 1) :]
        position += len(block)


def _not_ingested(record: ArcWarcRecord) -> WarcPage:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    date = _warc_date(record.rec_headers.get_header("WARC-Date"))
    detail = f"WARC {record.rec_type} record: only response records are ingested"
    return WarcPage(uri, date, None, record.content_type, None, reasons.UNSUPPORTED_TYPE, detail)


def _unreadable(path: Path, index: int, exc: Exception) -> WarcPage:
    return WarcPage(
        f"{path}#record-{index}", None, None, None, None, reasons.PARSE_ERROR, f"{type(exc).__name__}: {exc}".strip()
    )


def _page(record: ArcWarcRecord, max_record_bytes: int) -> WarcPage:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    date = _warc_date(record.rec_headers.get_header("WARC-Date"))
    http = record.http_headers
    if http is None:
        return WarcPage(
            uri, date, None, record.content_type, None, reasons.UNSUPPORTED_TYPE, "response record without HTTP headers"
        )
    code = (http.get_statuscode() or "").strip()
    status = int(code) if code.isdigit() else None
    content_type = (http.get_header("Content-Type") or "").strip() or None
    if status is None or not 100 <= status <= 599:
        return WarcPage(
            uri, date, status, content_type, None, reasons.PARSE_ERROR, f"no HTTP status in {http.statusline!r}"
        )
    if status != 200:
        return WarcPage(uri, date, status, content_type, None, reasons.http_status_reason(status), http.statusline)
    truncated = (record.rec_headers.get_header("WARC-Truncated") or "").strip()
    if truncated:  # the crawler cut the page short ("length", "time", ...): not the whole article
        return WarcPage(
            uri,
            date,
            status,
            content_type,
            None,
            reasons.TOO_LARGE,
            f"WARC-Truncated: {truncated} (the crawler kept only part of the page)",
        )
    media_type = content_type.split(";", 1)[0].strip().lower() if content_type else None
    if media_type is not None and media_type not in HTML_TYPES:
        return WarcPage(uri, date, status, content_type, None, reasons.UNSUPPORTED_TYPE, media_type)
    encoding = (http.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity"):
        encoding = None
    elif encoding not in BufferedReader.get_supported_decompressors():
        return WarcPage(
            uri,
            date,
            status,
            content_type,
            None,
            reasons.UNSUPPORTED_TYPE,
            f"Content-Encoding {encoding} not supported",
        )
    try:
        body = _read_at_most(_content_stream(record, encoding), max_record_bytes + 1)
    except Exception as exc:  # noqa: BLE001 - zlib
        if encoding is None:
            raise  # the WARC's own compression: the file is corrupt
        return WarcPage(
            uri,
            date,
            status,
            content_type,
            None,
            reasons.BAD_GZIP,
            f"Content-Encoding {encoding}: {type(exc).__name__}: {exc}",
        )
    if len(body) > max_record_bytes:
        return WarcPage(
            uri, date, status, content_type, None, reasons.TOO_LARGE, f"body over the cap of {max_record_bytes} bytes"
        )
    if media_type is None and not HTML_START.match(body[:SNIFF_BYTES]):
        return WarcPage(
            uri,
            date,
            status,
            content_type,
            None,
            reasons.UNSUPPORTED_TYPE,
            "no Content-Type, and the body does not start like HTML",
        )
    return WarcPage(uri, date, status, content_type, body)


class _StrictInflate:
    """warcio's readers print an inflate error past the first block to stderr and stop, as if the
    body ended there: a cut-off page. This raises it instead (warcio < 2: `_decompress`, `num_block_read`)."""

    # a mixin of warcio's readers: the attributes and the method below are theirs
    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor and data and self.num_block_read:  # type: ignore[attr-defined]
            return self.decompressor.decompress(data)  # type: ignore[attr-defined]
        return super()._decompress(data)  # type: ignore[misc]


class _StrictReader(_StrictInflate, BufferedReader):
    pass


class _StrictChunkedReader(_StrictInflate, ChunkedDataReader):
    pass


def _content_stream(record: ArcWarcRecord, encoding: str | None):
    """record.content_stream(), with our block size and strict inflating: de-chunked, then decompressed."""
    chunked = (record.http_headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked"
    if chunked:
        return _StrictChunkedReader(record.raw_stream, block_size=READ_BLOCK_BYTES, decomp_type=encoding)
    if encoding:
        return _StrictReader(record.raw_stream, block_size=READ_BLOCK_BYTES, decomp_type=encoding)
    return record.raw_stream


def _read_at_most(stream, size: int) -> bytes:
    parts: list[bytes] = []
    while size > 0:
        part = stream.read(size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _check(record: ArcWarcRecord) -> None:
    """Raise _Corrupt for a record that is no WARC record or has no valid Content-Length."""
    if record.format != "warc":  # warcio reads ARC too, and takes most lines of words for an ARC header
        raise _Corrupt(f"not a WARC record ({record.format})")
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit() or not isinstance(record.raw_stream, LimitReader):  # warcio takes "" for 0
        raise _Corrupt(f"record without a valid Content-Length ({length!r}): headers cut short?")


def _drain(record: ArcWarcRecord) -> None:
    """Skip the rest of the record's block; raise _Corrupt when it ends before its Content-Length."""
    raw = record.raw_stream
    while raw.read(DRAIN_CHUNK):
        pass
    if raw.limit:
        raise _Corrupt(f"record cut short: {raw.limit} bytes of its block missing")


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def write_warc(
    path: Path, pages: Sequence[tuple[str, int, str, bytes]], *, dates: Sequence[datetime] | None = None
) -> None:
    """Write a WARC/1.0 file of one response record per (uri, status, content type, body), for tests
    and tooling; gzipped per record when path ends with .gz. A warcinfo record comes first and each
    response is preceded by its request record, as crawlers write them. An empty content type
    leaves out the Content-Type header. dates, when given, are the WARC-Dates (one per page, to the
    second; naive means UTC); otherwise every record is dated now.
    """
    if dates is not None and len(dates) != len(pages):
        raise ValueError("one date per page")
    path = Path(path)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsetl flows.warc.write_warc"}))
        for i, (uri, status, content_type, body) in enumerate(pages):
            warc_headers = None
            if dates is not None:
                date = dates[i] if dates[i].tzinfo else dates[i].replace(tzinfo=UTC)
                iso = datetime_to_iso_date(date.astimezone(UTC).replace(tzinfo=None))
                warc_headers = {"WARC-Date": iso}
            request = StatusAndHeaders(
                f"GET {_request_target(uri)} HTTP/1.1", [("User-Agent", "newsetl-test")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "request", http_headers=request, warc_headers_dict=dict(warc_headers or {})
                )
            )
            headers = [("Content-Length", str(len(body)))]
            if content_type:
                headers.insert(0, ("Content-Type", content_type))
            try:
                phrase = HTTPStatus(status).phrase
            except ValueError:
                phrase = "Unknown"
            http = StatusAndHeaders(f"{status} {phrase}", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict=dict(warc_headers or {}),
                )
            )


def _request_target(uri: str) -> str:
    rest = uri.split("://", 1)[-1]
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else "/"
