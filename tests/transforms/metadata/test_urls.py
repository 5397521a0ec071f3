from __future__ import annotations

import random

import pytest

from transforms.metadata.urls import AMP_QUERY_PARAMS, TRACKING_PARAMS, canonical_url, is_web_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # scheme and host lower-cased; the path keeps its case
        ("HTTPS://WWW.Example.COM/News/Story", "https://www.example.com/News/Story"),
        # default ports dropped, others kept
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        # fragment dropped
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?x=1#", "https://example.com/a?x=1"),
        # empty path, empty query, trailing host dot
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a?", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        # trailing slash is not touched: it can name another page
        ("https://example.com/a/", "https://example.com/a/"),
    ],
)
def test_scheme_host_port_fragment(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/a?utm_source=tw&utm_medium=social&utm_campaign=x&id=7", "https://ex.com/a?id=7"),
        ("https://ex.com/a?UTM_Source=tw&id=7", "https://ex.com/a?id=7"),
        ("https://ex.com/a?fbclid=IwAR0&gclid=1&dclid=2&msclkid=3&yclid=4", "https://ex.com/a"),
        ("https://ex.com/a?mc_cid=1&mc_eid=2&igshid=3&ocid=4&cmpid=5&ito=6&_ga=7&ref_src=8&spm=9", "https://ex.com/a"),
        # the others keep their order, values and spelling (no sorting, no re-encoding of +)
        ("https://ex.com/s?q=a+b&utm_term=x&page=2&sort=new", "https://ex.com/s?q=a+b&page=2&sort=new"),
        ("https://ex.com/s?z=1&a=2&utm_id=3&m=", "https://ex.com/s?z=1&a=2&m="),
        # a parameter that only looks like one is kept
        ("https://ex.com/a?utm=1&reference=2&gclid_x=3", "https://ex.com/a?utm=1&reference=2&gclid_x=3"),
        # empty pieces and the ? left empty go
        ("https://ex.com/a?&utm_source=x&&", "https://ex.com/a"),
    ],
)
def test_tracking_parameters(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_tracking_param_list_holds_the_named_ones() -> None:
    assert {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "ocid",
        "cmpid",
        "ito",
        "_ga",
        "yclid",
        "ref_src",
        "spm",
    } <= TRACKING_PARAMS
    assert set(AMP_QUERY_PARAMS) == {"amp", "outputtype"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/news/story-1/amp", "https://ex.com/news/story-1"),
        ("https://ex.com/2024/05/story/amp/", "https://ex.com/2024/05/story/"),
        ("https://ex.com/news/story-1/AMP", "https://ex.com/news/story-1"),
        ("https://www.bbc.co.uk/news/world-1234.amp", "https://www.bbc.co.uk/news/world-1234"),
        ("https://ex.com/news/story.amp.html", "https://ex.com/news/story.html"),
        ("https://ex.com/news/story?amp=1", "https://ex.com/news/story"),
        ("https://ex.com/news/story?amp", "https://ex.com/news/story"),
        ("https://ex.com/news/story?id=3&amp=true", "https://ex.com/news/story?id=3"),
        ("https://ex.com/news/story?outputType=amp&id=3", "https://ex.com/news/story?id=3"),
        ("https://amp.theguardian.com/world/2024/may/01/story", "https://www.theguardian.com/world/2024/may/01/story"),
        # the Google AMP cache and viewer wrap the original URL
        ("https://www-ex-com.cdn.ampproject.org/c/s/www.ex.com/news/story/amp", "https://www.ex.com/news/story"),
        ("https://www-ex-com.cdn.ampproject.org/c/www.ex.com/news/story", "http://www.ex.com/news/story"),
        (
            "https://www.google.com/amp/s/www.ex.com/news/story.amp.html?utm_source=g",
            "https://www.ex.com/news/story.html",
        ),
        # not AMP, or not unambiguously: kept
        ("https://ex.com/amp", "https://ex.com/amp"),
        ("https://ex.com/amp/news/story", "https://ex.com/amp/news/story"),
        ("https://ex.com/news/ampere", "https://ex.com/news/ampere"),
        ("https://ex.com/news/story?amp=0", "https://ex.com/news/story?amp=0"),
        ("https://amp.example.com/news/story", "https://amp.example.com/news/story"),
        ("https://ex.com/.amp", "https://ex.com/.amp"),
    ],
)
def test_amp_variants(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # escapes of unreserved characters decoded, others upper-cased
        ("https://ex.com/%7euser/%41b%2d", "https://ex.com/~user/Ab-"),
        ("https://ex.com/caf%c3%a9/a%2fb", "https://ex.com/caf%C3%A9/a%2Fb"),
        # raw characters that may not appear are encoded as UTF-8
        ("https://ex.com/café/a b", "https://ex.com/caf%C3%A9/a%20b"),
        ("https://ex.com/s?q=café|x", "https://ex.com/s?q=caf%C3%A9%7Cx"),
        # a % that starts no escape
        ("https://ex.com/100%/x%zz", "https://ex.com/100%25/x%25zz"),
        # + and %2B stay distinct in the query; %20 stays %20
        ("https://ex.com/s?q=a+b&r=a%2bb&t=a%20b", "https://ex.com/s?q=a+b&r=a%2Bb&t=a%20b"),
        # dot segments
        ("https://ex.com/a/./b/../c", "https://ex.com/a/c"),
        ("https://ex.com/a/%2E%2e/c", "https://ex.com/c"),
        ("https://ex.com/../a", "https://ex.com/a"),
        # an internationalised host in punycode, percent-encoded or not
        ("https://Bücher.de/a", "https://xn--bcher-kva.de/a"),
        ("https://b%C3%BCcher.de/a", "https://xn--bcher-kva.de/a"),
    ],
)
def test_percent_encoding_and_paths(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url", ["mailto:desk@ex.com", "ftp://ex.com/a#x", "javascript:void(0)", "/relative/path", "", "not a url"]
)
def test_other_urls_come_back_stripped(url: str) -> None:
    assert canonical_url(f"  {url}\n") == url


def test_one_article_many_urls_one_canonical_form() -> None:
    variants = [
        "https://www.example.com/world/2024/05/01/story-123",
        "HTTPS://WWW.EXAMPLE.COM:443/world/2024/05/01/story-123#top",
        "https://www.example.com/world/2024/05/01/story-123?utm_source=twitter&utm_medium=social",
        "https://www.example.com/world/2024/05/01/story-123?fbclid=IwAR3xyz",
        "https://www.example.com/world/2024/05/01/story-123/amp",
        "https://www.example.com/world/2024/05/01/story-123?amp=1&ocid=msn",
        "https://www.example.com/world/2024/05/01/./story-123",
        "https://www.example.com/world/2024/05/01/story%2D123?",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/2024/05/01/story-123/amp",
        "https://www.google.com/amp/s/www.example.com/world/2024/05/01/story-123?outputType=amp",
    ]
    assert {canonical_url(v) for v in variants} == {"https://www.example.com/world/2024/05/01/story-123"}


def test_idempotent_on_the_examples_and_on_random_urls() -> None:
    pieces = list("aAm p/.%2eEfz?&=#:@+~é;_-") + [
        "amp",
        "/amp",
        ".amp",
        ".html",
        "utm_x=1",
        "amp=1",
        "%2E",
        "%25",
        "..",
        "/../",
        "outputType=amp",
        "www.x.com",
        "www.google.com/amp/s/",
        "x.cdn.ampproject.org/c/",
    ]
    hosts = [
        "Ex.com",
        "ex.com:80",
        "www-x.cdn.ampproject.org",
        "www.google.com",
        "amp.theguardian.com",
        "[::1]",
        "u@h.com:443",
        "bü.de",
    ]
    rng = random.Random(20240501)
    for _ in range(20000):
        url = (
            rng.choice(["http://", "https://", "HTTP://"])
            + rng.choice(hosts)
            + rng.choice(["/", "", "/c/s/", "/amp/s/", "/c/"])
            + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        )
        once = canonical_url(url)
        assert canonical_url(once) == once, url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/a", True),
        ("http://ex.com", True),
        ("HTTP://EX.COM/", True),
        ("http://[::1]:8080/", True),
        ("ftp://ex.com/a", False),
        ("mailto:a@ex.com", False),
        ("https://", False),
        ("https:///path", False),
        ("/relative", False),
        ("ex.com/a", False),
        ("", False),
        ("http://[::1/", False),
    ],
)
def test_is_web_url(url: str, expected: bool) -> None:
    assert is_web_url(url) is expected
