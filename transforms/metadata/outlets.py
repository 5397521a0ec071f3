"""An article's outlet from its URL: the registrable domain (tldextract's bundled public-suffix
snapshot, never fetched) and the outlet's id in the curated registry, or the domain itself.

Pure: strings in, strings out. `tldextract` is built with no suffix-list URLs and no cache
directory, so it neither fetches the Public Suffix List nor writes a cache file: the snapshot it
ships is the list (tests/transforms/metadata/test_outlets.py holds it to that).
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import tldextract

from transforms.metadata.sources import source_aliases


@cache
def _extract() -> tldextract.TLDExtract:
    # private suffixes too (blogspot.com, github.io): each blog under one is an outlet of its own
    return tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True, include_psl_private_domains=True
    )


def registrable_domain(url: str | None) -> str | None:
    """`https://www.bbc.co.uk/news/x` -> `bbc.co.uk`; None for no URL, a file URI, an IP address
    or a host under no public suffix (`localhost`)."""
    text = (url or "").strip().lower()
    if not text:
        return None
    if "://" not in text and not text.startswith("//"):
        text = "//" + text  # a bare host or host/path
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host:
        return None
    parts = _extract()(host)
    if not parts.domain or not parts.suffix:
        return None
    return f"{parts.domain}.{parts.suffix}"


def curated_source(domain: str | None) -> str | None:
    """The curated registry's source_id for a registrable domain (its domain or an alias)."""
    return source_aliases().get(domain.casefold()) if domain else None


def outlet_id(domain: str | None) -> str | None:
    """The outlet of a registrable domain: the curated id when the registry knows it, else the
    domain itself (an uncurated outlet, its own `sources` row)."""
    return curated_source(domain) or domain
