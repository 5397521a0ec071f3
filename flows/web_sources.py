"""Web sources for the ingest flow: URL lists, feeds and sitemaps expanded into article URLs,
pages fetched politely (`flows.fetching`), WARC archives read record by record (`flows.warc`).

I/O only; parsing is in `transforms.documents.discovery` and URL canonicalisation in `transforms.metadata.urls`.
Every failure becomes a `Reject` with a reason code and the other sources go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flows.fetching import Conditional, Fetcher
from flows.inputs import land_bytes
from flows.warc import read_warc
from transforms import reasons
from transforms.documents.discovery import DiscoveryError, feed_entry_urls, sitemap_entries
from transforms.documents.outcomes import LandedDocument
from transforms.frames.ledger import FetchRecord, Reject
from transforms.metadata.urls import canonical_url, is_web_url

MAX_SITEMAP_DEPTH = 3  # an index of indexes of sitemaps, no deeper
MAX_SITEMAPS = 1000  # sitemap files fetched per run, at most
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class Expansion:
    """Article URLs (canonical, in first-seen order) and what could not be expanded."""

    urls: list[str] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def add(self, url: str, found_in: str) -> None:
        if not is_web_url(url):
            scheme = url.split(":", 1)[0].lower() if SCHEME.match(url) else None
            reason = reasons.UNSUPPORTED_SCHEME if scheme and scheme not in ("http", "https") else reasons.INVALID_URL
            self.rejects.append(Reject(url[:2000], "discover", reason, f"not an http(s) URL (from {found_in})"))
            return
        canonical = canonical_url(url)
        if canonical not in self._seen:
            self._seen.add(canonical)
            self.urls.append(canonical)


@dataclass(frozen=True)
class FetchedBatch:
    landed: list[LandedDocument]
    rejects: list[Reject]
    fetches: list[FetchRecord]
    n_not_modified: int


def read_url_list(path: Path) -> list[str]:
    """One URL per line; blank lines and lines starting with # are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _fetched_body(fetcher: Fetcher, url: str, what: str, rejects: list[Reject]) -> tuple[bytes, str] | None:
    """The body of a feed or sitemap and the URL it came from, or None (and a reject)."""
    result = fetcher.fetch(url)
    if result.reason or result.body is None:
        rejects.append(Reject(url, "discover", result.reason or reasons.UNDECODABLE, f"{what}: {result.detail}"))
        return None
    return result.body, result.final_url


def expand_sources(
    fetcher: Fetcher, urls: Iterable[str], feeds: Iterable[str], sitemaps: Iterable[str], max_bytes: int
) -> Expansion:
    """URLs given directly, feed entries, and the pages of sitemaps (indexes followed)."""
    found = Expansion()
    for url in urls:
        found.add(url, "the URL list")
    for feed in feeds:
        if (fetched := _fetched_body(fetcher, feed, "feed", found.rejects)) is None:
            continue
        try:
            for url in feed_entry_urls(*fetched, web_only=False):  # a javascript: or data: link is a reject
                found.add(url, feed)
        except DiscoveryError as exc:
            found.rejects.append(Reject(feed, "discover", exc.reason, f"feed: {exc.detail}"))
    queue = [(sitemap, 0, "") for sitemap in sitemaps]
    visited: set[str] = set()
    while queue:
        sitemap, depth, parent = queue.pop(0)
        if sitemap in visited:
            continue
        if len(visited) >= MAX_SITEMAPS:  # every sitemap not read is a row, never a silent drop
            detail = f"sitemap not read: the run reads at most {MAX_SITEMAPS} sitemap files" + parent
            found.rejects.append(Reject(sitemap, "discover", reasons.LIMIT_REACHED, detail))
            visited.add(sitemap)
            continue
        visited.add(sitemap)
        if (fetched := _fetched_body(fetcher, sitemap, "sitemap", found.rejects)) is None:
            continue
        try:
            entries = sitemap_entries(*fetched, max_bytes)
        except DiscoveryError as exc:
            found.rejects.append(Reject(sitemap, "discover", exc.reason, f"sitemap: {exc.detail}"))
            continue
        for url in entries.page_urls:
            found.add(url, sitemap)
        if depth < MAX_SITEMAP_DEPTH:
            queue += [(child, depth + 1, f" (listed in {sitemap})") for child in entries.sitemap_urls]
        else:
            found.rejects += [
                Reject(
                    child,
                    "discover",
                    reasons.LIMIT_REACHED,
                    f"sitemap not read: listed in {sitemap}, at index depth {depth + 1} (at most {MAX_SITEMAP_DEPTH})",
                )
                for child in dict.fromkeys(entries.sitemap_urls)
                if child not in visited
            ]
    return found


def fetch_pages(
    fetcher: Fetcher, urls: list[str], validators: dict[str, tuple[str | None, str | None]], landing_dir: Path
) -> FetchedBatch:
    """Fetch a batch of canonical URLs (conditionally when validators are known) and land every body."""
    results = fetcher.fetch_many([(url, Conditional(*validators.get(url, (None, None)))) for url in urls])
    landed, rejects, fetches, n_not_modified = [], [], [], 0
    for url, result in zip(urls, results, strict=True):
        fetches.append(
            FetchRecord(
                url,
                result.headers.get("etag"),
                result.headers.get("last-modified"),
                result.status,
                result.reason,
                result.fetched_at,
            )
        )
        if result.not_modified:
            n_not_modified += 1
        elif result.reason or result.body is None:
            rejects.append(Reject(url, "fetch", result.reason or reasons.UNDECODABLE, result.detail))
        else:
            landed.append(
                land_bytes(
                    url,
                    result.body,
                    landing_dir,
                    kind="html",
                    fetched_at=result.fetched_at,
                    origin="http",
                    http_status=result.status,
                    content_type=result.headers.get("content-type"),
                    final_url=result.final_url,
                    etag=result.headers.get("etag"),
                    last_modified=result.headers.get("last-modified"),
                )
            )
    return FetchedBatch(landed, rejects, fetches, n_not_modified)


def warc_batches(
    paths: Iterable[Path], landing_dir: Path, max_record_bytes: int, batch_size: int
) -> Iterator[tuple[list[LandedDocument], list[Reject]]]:
    """The HTML responses of WARC files, landed, in batches; other records are rejects or skipped.
    Two records of one URL never share a batch (a batch loads one version per article): a revision
    starts the next batch, so the records load as versions in record order whatever the batch size."""
    landed: list[LandedDocument] = []
    rejects: list[Reject] = []
    for path in paths:
        if not path.is_file():
            rejects.append(
                Reject(path.absolute().as_uri(), "discover", reasons.NOT_FOUND, f"no such WARC file: {path}")
            )
            continue
        for page in read_warc(path, max_record_bytes):
            uri = canonical_url(page.target_uri) if is_web_url(page.target_uri) else page.target_uri
            if page.reason or page.body is None:
                rejects.append(Reject(uri, "warc", page.reason or reasons.UNDECODABLE, page.detail))
            else:
                if any(doc.uri == uri for doc in landed):  # a revision: the next version goes in the next batch
                    yield landed, rejects
                    landed, rejects = [], []
                landed.append(
                    land_bytes(
                        uri,
                        page.body,
                        landing_dir,
                        kind="html",
                        fetched_at=page.date,
                        origin="warc",
                        http_status=page.status,
                        content_type=page.content_type,
                    )
                )
            if len(landed) + len(rejects) >= batch_size:
                yield landed, rejects
                landed, rejects = [], []
    if landed or rejects:
        yield landed, rejects
