"""Discovery documents -> the URLs they list: RSS/Atom feeds and XML sitemaps. Pure: bytes in, URLs out.

Untrusted XML is parsed with DTDs and entities off. A document that declares a DTD or an entity
is refused (`DiscoveryError` with reasons.PARSE_ERROR) before anything expands it, so a "billion
laughs" feed or an external-entity (XXE) sitemap costs a scan of its bytes and nothing more.

- Feeds (`feed_entry_urls`): the bytes are scanned for `<!DOCTYPE` / `<!ENTITY` both as they are
  (NUL bytes dropped, which covers UTF-16/32) and as feedparser will see them after its own
  conversion to UTF-8 (which covers UTF-7 and EBCDIC feeds, where the raw bytes do not show the
  declaration); only then does feedparser parse them. The scan covers the whole document, so a
  feed with a raw `<!DOCTYPE html>` inside a CDATA section is refused too: a refusal of a rare
  feed is the price of never handing feedparser a DTD.
- Sitemaps (`sitemap_entries`): gzip is inflated within a size cap (`transforms.documents.decoding.maybe_gunzip`),
  XML is parsed with defusedxml (forbid_dtd, forbid_entities, forbid_external), and a plain-text
  sitemap (one absolute URL per line) is read too. A syndication feed given as a sitemap (which
  the sitemaps protocol allows) is read as a feed.

URLs are resolved against the document's URL and de-duplicated in order; they are not
canonicalised here (`transforms.metadata.urls.canonical_url` does that), and only http(s) URLs are kept.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_etree
import feedparser
import feedparser.encodings
from defusedxml import DefusedXmlException

from transforms import reasons
from transforms.documents.decoding import DecompressionRefused, maybe_gunzip
from transforms.metadata.urls import is_web_url

# A DTD or an entity declaration, as ASCII-compatible bytes.
DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)\b", re.IGNORECASE)
SITEMAP_ROOTS = ("urlset", "sitemapindex")
FEED_ROOTS = ("rss", "feed", "RDF")  # RSS 0.9x/2.0, Atom, RSS 1.0 (rdf:RDF)


class DiscoveryError(Exception):
    """A discovery document that is not read: `reason` is a code from transforms.reasons."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class SitemapEntries:
    page_urls: tuple[str, ...]  # from a urlset (or a plain-text sitemap, or a feed given as a sitemap)
    sitemap_urls: tuple[str, ...]  # from a sitemapindex: the child sitemaps to read next


def feed_entry_urls(data: bytes, base_url: str, web_only: bool = True) -> tuple[str, ...]:
    """The link of each entry of an RSS or Atom feed, resolved against base_url, first occurrence first;
    with `web_only` False, the links that are not http(s) URLs too (`javascript:`, `data:`, `file:`,
    `mailto:`...: the caller records them as rejects rather than dropping them unseen).

    Raises DiscoveryError(reasons.PARSE_ERROR) for a feed that declares a DTD or an entity, and
    for one feedparser could not parse (bozo) that yields no entry URL; a well-formed document
    that is not a feed at all is a parse_error too. A valid feed with no entries gives ().
    """
    _refuse_declarations(data, _feed_headers(base_url))
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),  # a stream: feedparser takes a str for a URL to fetch, bytes for a file name
            response_headers=_feed_headers(base_url),
            resolve_relative_uris=False,
            sanitize_html=False,  # only the links are used: skip the HTML work
        )
    except Exception as exc:  # noqa: BLE001 - feedparser flags bad feeds as bozo; anything else is one too
        raise DiscoveryError(reasons.PARSE_ERROR, f"feedparser failed: {exc!r}") from exc
    links = _unique(_joined(base_url, link) for link in (_entry_link(entry) for entry in parsed.entries) if link)
    urls = tuple(url for url in links if is_web_url(url))
    if not urls and (parsed.get("bozo") or not parsed.get("version")):
        cause = parsed.get("bozo_exception")
        raise DiscoveryError(reasons.PARSE_ERROR, f"not a readable feed: {cause}" if cause else "not a feed")
    return urls if web_only else links


def sitemap_entries(data: bytes, base_url: str, max_bytes: int) -> SitemapEntries:
    """The page URLs of a sitemap, or the child sitemaps of a sitemap index.

    data may be gzipped (a `.xml.gz` sitemap). Raises DiscoveryError with the reason of
    `maybe_gunzip` (reasons.DECOMPRESSED_TOO_LARGE when it would inflate past max_bytes,
    reasons.BAD_GZIP when it is corrupt), reasons.TOO_LARGE for uncompressed data over max_bytes,
    and reasons.PARSE_ERROR for malformed XML, a DTD or entity, or an XML root that is neither
    urlset, sitemapindex nor a feed.
    """
    try:
        data = maybe_gunzip(data, max_bytes)
    except DecompressionRefused as exc:
        raise DiscoveryError(exc.reason, exc.detail) from exc
    if len(data) > max_bytes:
        raise DiscoveryError(reasons.TOO_LARGE, f"{len(data)} bytes, over the cap of {max_bytes}")
    head = data.removeprefix(codecs.BOM_UTF8).lstrip()  # leading blank lines: a common CMS slip, fatal to expat
    if not head.startswith((b"<", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return SitemapEntries(_text_sitemap(head), ())
    root = _parse_xml(head)
    kind = _local_name(root.tag)
    if kind in FEED_ROOTS:
        return SitemapEntries(feed_entry_urls(data, base_url), ())
    if kind not in SITEMAP_ROOTS:
        raise DiscoveryError(reasons.PARSE_ERROR, f"root element <{kind}> is not urlset or sitemapindex")
    child = "url" if kind == "urlset" else "sitemap"
    locs = (_loc(element) for element in root if _local_name(element.tag) == child)
    urls = _unique(url for url in (_resolve(base_url, loc) for loc in locs if loc) if url)
    return SitemapEntries(urls, ()) if kind == "urlset" else SitemapEntries((), urls)


def _feed_headers(base_url: str) -> dict[str, str]:
    # content-location: the base of relative links (feedparser keeps xml:base scoped to its element
    # only when there is a base to fall back to); content-type: without it feedparser flags every
    # feed as bozo, and application/xml reads the charset from the XML declaration, else UTF-8.
    return {"content-location": base_url, "content-type": "application/xml"}


def _refuse_declarations(data: bytes, headers: dict[str, str]) -> None:
    if DECLARATION.search(data.replace(b"\x00", b"")):
        raise DiscoveryError(reasons.PARSE_ERROR, "declares a DTD or an entity (refused)")
    try:  # what feedparser will parse: its own conversion to UTF-8 (UTF-7, EBCDIC, declared charsets)
        as_utf8 = feedparser.encodings.convert_to_utf8(headers, data, feedparser.FeedParserDict())
    except Exception as exc:  # noqa: BLE001 - feedparser.parse would raise the same
        raise DiscoveryError(reasons.PARSE_ERROR, f"undecodable feed: {exc!r}") from exc
    if DECLARATION.search(as_utf8):
        raise DiscoveryError(reasons.PARSE_ERROR, "declares a DTD or an entity in its declared encoding (refused)")


def _parse_xml(data: bytes) -> Element:
    try:
        return safe_etree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise DiscoveryError(reasons.PARSE_ERROR, f"refused: {exc!r}") from exc
    except (ParseError, ValueError, LookupError) as exc:
        raise DiscoveryError(reasons.PARSE_ERROR, f"malformed XML: {exc}") from exc


def _text_sitemap(data: bytes) -> tuple[str, ...]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DiscoveryError(reasons.PARSE_ERROR, f"text sitemap not UTF-8: {exc.reason} at byte {exc.start}") from exc
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    urls = _unique(line for line in lines if is_web_url(line) and not any(c.isspace() for c in line))
    if lines and not urls:
        raise DiscoveryError(reasons.PARSE_ERROR, "neither XML nor a list of URLs")
    return urls


def _entry_link(entry: dict) -> str | None:
    link = entry.get("link")
    if link:
        return link
    for candidate in entry.get("links", ()):
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return candidate["href"]
    return None


def _loc(element: Element) -> str | None:
    for child in element:
        if _local_name(child.tag) == "loc":
            return (child.text or "").strip() or None
    return None


def _local_name(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _joined(base_url: str, link: str) -> str:
    """`link` resolved against `base_url`; as written when it cannot be (an invalid URL)."""
    try:
        return urljoin(base_url, link.strip())
    except ValueError:
        return link.strip()


def _resolve(base_url: str, link: str) -> str | None:
    url = _joined(base_url, link)
    return url if is_web_url(url) else None


def _unique(urls) -> tuple[str, ...]:
    return tuple(dict.fromkeys(url for url in urls if url))
