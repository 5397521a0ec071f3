"""Issue 15's cost levers of the second round give what the slow way gives (the savings:
bench/html_cost_levers.py, off and on in one process)."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

import transforms.html.pages as pages
import transforms.html.trafilatura_extraction as trafilatura_extraction
from tests.conftest import EXTRACTION
from transforms.documents.decoding import decode_html
from transforms.html.trafilatura_extraction import page_tree

PAGES_PER_SET = 12  # shared pages per set, spread over the set


def _shared_pages() -> list[str]:
    found: list[str] = []
    for name in ("scrapinghub", "readability", "wcxb"):
        paths = sorted((EXTRACTION / name / "html").glob("*.html"))
        found += [decode_html(p.read_bytes()).text or "" for p in paths[:: max(1, len(paths) // PAGES_PER_SET)]]
    return found


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
