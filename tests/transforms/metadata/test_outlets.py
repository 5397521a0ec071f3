"""Outlets from URLs: registrable domains from tldextract's bundled snapshot (never fetched), the
curated registry first, else the domain as an outlet of its own."""

from __future__ import annotations

import socket

import pytest

from transforms.metadata import outlets
from transforms.metadata.outlets import curated_source, outlet_id, registrable_domain


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.bbc.co.uk/news/world-123", "bbc.co.uk"),
        ("http://en.yna.co.kr/view/AEN2024", "yna.co.kr"),
        ("https://news.example.com.au/a?b=c#d", "example.com.au"),
        ("https://someone.blogspot.com/2024/03/post.html", "someone.blogspot.com"),  # a private suffix: one blog
        ("www.theguardian.com/world", "theguardian.com"),  # no scheme
        ("HTTPS://WWW.DW.COM/en/x", "dw.com"),
        ("file:///home/me/story.html", None),
        ("http://127.0.0.1:8000/x", None),
        ("http://localhost/x", None),
        ("", None),
        (None, None),
    ],
)
def test_registrable_domain(url, domain) -> None:
    assert registrable_domain(url) == domain


def test_curated_domains_map_to_their_outlet_and_others_to_themselves() -> None:
    assert curated_source("dw.com") == "dw"
    assert outlet_id(registrable_domain("https://www.dw.com/en/a")) == "dw"
    assert curated_source("scratchculinary.com") is None
    assert outlet_id("scratchculinary.com") == "scratchculinary.com"
    assert outlet_id(None) is None


def test_the_suffix_list_is_never_fetched_nor_cached(monkeypatch, tmp_path) -> None:
    """A fresh extractor answers with every connection refused, and writes no cache file."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network touched: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    outlets._extract.cache_clear()
    try:
        extractor = outlets._extract()
        assert extractor.suffix_list_urls == ()
        assert registrable_domain("https://www.lemonde.fr/international/article") == "lemonde.fr"
        assert registrable_domain("https://www.nikkei.co.jp/x") == "nikkei.co.jp"
    finally:
        outlets._extract.cache_clear()
    assert list(tmp_path.rglob("*")) == []
