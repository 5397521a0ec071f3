"""Issue 15's cost levers of the second round give what the slow way gives (the savings:
bench/html_cost_levers.py, off and on in one process): the page's parser, trafilatura's author
search as Python tests."""

from __future__ import annotations

from html import unescape

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import extract_metainfo, normalize_authors
from trafilatura.utils import line_processing, load_html
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

import transforms.html.pages as pages
import transforms.html.trafilatura_extraction as trafilatura_extraction
from tests.conftest import EXTRACTION, sample_pages
from transforms.documents.decoding import decode_html
from transforms.html.trafilatura_extraction import author_candidates, page_tree, pruned_for_author, searched_author

PAGES_PER_SET = 12  # shared pages per set, spread over the set


def _shared_pages() -> list[str]:
    return [decode_html(p.read_bytes()).text or "" for p in sample_pages(PAGES_PER_SET)]


def _trafilatura_tree(html: str) -> HtmlElement | None:
    try:
        return load_html(html)
    except (TypeError, ValueError):
        return None


def _serialised(tree: HtmlElement | None) -> bytes | None:
    return None if tree is None else etree.tostring(tree, encoding="utf-8")


ODD_INPUTS = [
    "",
    "   ",
    "hello, no markup at all",
    "<p>one block</p>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>an XHTML page</p></body></html>',
    "<!DOCTYPE html>\n<html/>\n<body><p>self-closing html</p></body>",
    "<html><body><form><label>Name</label><input value='x'></form><p>text\x0b with an invalid char</p></body></html>",
]


@pytest.mark.parametrize("html", ODD_INPUTS)
def test_page_tree_is_trafilaturas_parse_on_odd_inputs(html: str) -> None:
    assert _serialised(page_tree(html)) == _serialised(_trafilatura_tree(html))


def test_page_tree_elements_are_plain_html_elements() -> None:
    tree = page_tree(ODD_INPUTS[-1])
    assert tree is not None
    form = tree.find(".//form")
    assert type(form) is HtmlElement  # lxml.html's lookup would give a FormElement
    assert type(_trafilatura_tree(ODD_INPUTS[-1]).find(".//form")) is not HtmlElement  # type: ignore[union-attr]
    assert form.text_content() == "Name"  # lxml.html's own methods are there


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason=f"{EXTRACTION} not found (../shared)")
def test_same_tree_and_same_page_as_with_trafilaturas_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    htmls = _shared_pages()
    fast = [pages.parse_html_page(h) for h in htmls]
    for html in htmls:
        assert _serialised(page_tree(html)) == _serialised(_trafilatura_tree(html))
    monkeypatch.setattr(trafilatura_extraction, "page_tree", _trafilatura_tree)
    slow = [pages.parse_html_page(h) for h in htmls]
    assert sum(p.has_article for p in slow) > len(htmls) // 2
    for a, b in zip(fast, slow, strict=True):
        assert a == b  # article (blocks, removed spans, fields), metadata (markup too), dates


# trafilatura's author search, its XPaths as Python tests (trafilatura_extraction.searched_author)
def _xpath_author(tree: HtmlElement) -> str | None:
    """The slow way: trafilatura's own XPaths and extract_metainfo (as before)."""
    pruned = prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS)
    found = extract_metainfo(pruned, AUTHOR_XPATHS, len_limit=120)
    author = normalize_authors(None, found) if found else None
    return (line_processing(unescape(author)) or None) if author else None


def _same_author_search(html: str) -> str | None:
    """Asserts the Python tests prune the same elements, select the same ones per XPath and find the
    same author as trafilatura's XPaths on the page; gives the author."""
    slow_tree, fast_tree = page_tree(html), page_tree(html)
    assert slow_tree is not None and fast_tree is not None
    slow_pruned = prune_unwanted_nodes(slow_tree, AUTHOR_DISCARD_XPATHS)
    fast_pruned = pruned_for_author(fast_tree)
    assert etree.tostring(slow_pruned.getroottree()) == etree.tostring(fast_pruned.getroottree())
    for expression, elements in zip(AUTHOR_XPATHS, author_candidates(fast_pruned), strict=True):
        assert [etree.tostring(e) for e in expression(slow_pruned)] == [etree.tostring(e) for e in elements]
    author = searched_author(page_tree(html))  # type: ignore[arg-type]
    assert author == _xpath_author(page_tree(html))  # type: ignore[arg-type]
    return author


TRAFILATURA_AUTHOR_XPATHS = (  # trafilatura 2.3.1's, what author_candidates and pruned_for_author transcribe
    ".//*[self::a or self::div or self::section or self::span][ @id='comments' or @class='comments' or "
    "@class='title' or @class='date' or re:test(@id, '^comments|comment-?list|ProductReviews') or re:test(@class, "
    "'^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)|"
    "print|category|meta-date|meta-reviewer') or contains(@data-component, 'Figure')]",
    "//time|//figure",
    "//*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong][ "
    "@rel='author' or @id='author' or @class='author' or @itemprop='author name' or rel='me' or "
    "@data-testid='AuthorCard' or @data-testid='AuthorURL' or re:test(@class, 'author-?name|AuthorName|authorName')]"
    "|//author",
    "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ @class='byline' or "
    "@class='username' or @class='byl' or @class='BBL' or contains(@itemprop, 'author') or re:test(@id, "
    "'author|zuozhe|bianji|xiaobian') or re:test(@class, 'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|"
    "posted-by|journalist-name')]",
    "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or re:test(@id, '[Aa]uthor') or "
    "re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]",
)


def test_trafilaturas_author_xpaths_are_the_ones_transcribed() -> None:
    paths = [" ".join(x.path.split()) for x in (*AUTHOR_DISCARD_XPATHS, *AUTHOR_XPATHS)]
    assert paths == list(TRAFILATURA_AUTHOR_XPATHS)


AUTHOR_PAGES = {
    "rel author link": '<html><body><p>Text</p><a rel="author" href="/a">Jane Doe</a></body></html>',
    "rel=me child": "<html><body><div><rel>me</rel>Mary Major</div></body></html>",
    "author element": "<html><body><author>John Roe</author><p>x</p></body></html>",
    "data-testid": '<html><body><span data-testid="AuthorURL">Ann Lee</span></body></html>',
    "itemprop author name": '<html><body><span itemprop="author name">Bo Chen</span></body></html>',
    "byline class, second xpath": '<html><body><h4 class="byline">By Sam Poe</h4></body></html>',
    "id xiaobian": '<html><body><p id="xiaobian">Li Wei</p></body></html>',
    "last resort": '<html><body><section class="Writer">Kim Park</section></body></html>',
    "data-component byline": '<html><body><em data-component="ByLine">Al Ng</em>'
    '<em data-component="Byline">Eve Fox</em></body></html>',
    "discarded, then found": '<html><body><div class="sidebar"><a rel="author">Side Bar</a></div>'
    '<figure><span class="author">In Figure</span></figure><time class="author">Tim E</time>'
    '<div id="comments"><span class="author">Commenter</span></div>'
    '<span class="author-name">Real Author</span> tail kept</body></html>',
    "too short, then long enough": '<html><body><span class="author">Al</span>'
    '<div class="byline">Written by Ruth Kay</div></body></html>',
    "nested matches": '<html><body><div class="author"><span class="author">Ida Lu</span>'
    " and Oz Ma</div></body></html>",
    "none": "<html><body><p>No credit here.</p></body></html>",
    "two html roots": '<html><body><p>first</p></body></html><html><body><div id="author">Zed Ray</div></body></html>',
}


@pytest.mark.parametrize("name", list(AUTHOR_PAGES))
def test_author_search_as_python_tests_equals_trafilaturas_xpaths(name: str) -> None:
    _same_author_search(AUTHOR_PAGES[name])


def test_author_search_finds_what_the_pages_say() -> None:
    found = {name: _same_author_search(html) for name, html in AUTHOR_PAGES.items()}
    assert found["rel=me child"] and "Mary Major" in found["rel=me child"]
    assert found["discarded, then found"] == "Real Author"
    assert found["none"] is None


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason=f"{EXTRACTION} not found (../shared)")
def test_author_search_as_python_tests_on_shared_pages() -> None:
    found = [_same_author_search(html) for html in _shared_pages()]
    assert sum(a is not None for a in found) > 5
