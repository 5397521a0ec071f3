"""The update stamps' candidates found in one Python pass (`stamp_elements`, issue 15's cost point)
are the elements the XPath selected, in the same order, on made-up pages and on shared pages (wcxb
0310, whose parse has two top-level <html> elements, among them)."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.conftest import EXTRACTION, sample_pages
from transforms.dates.page_dates import STAMP_CLASS_PARTS, stamp_elements, update_stamps
from transforms.documents.decoding import decode_html
from transforms.html.trafilatura_extraction import page_tree

PAGES_PER_SET = 40
XPATH = etree.XPath(
    "//time | //*[@itemprop='dateModified'] | //*[contains(@class, 'pdated') or contains(@class, 'odified')"
    " or contains(@class, 'UPDATED') or contains(@class, 'MODIFIED')]"
)
MADE_UP = [
    "<html><body><p>nothing</p></body></html>",
    "<html><head><meta itemprop='dateModified' content='2024-03-05'></head><body>"
    "<time datetime='2024-03-04'>4 March</time><TIME>upper</TIME><span class='lastUpdated'>x</span>"
    "<span class='updated'>no: lower-case u is fine, 'pdated'</span><span class='UPDATED-AT'>y</span>"
    "<div class='date-Modified'><time>nested</time></div><p class=''>empty class</p>"
    "<p itemprop='datemodified'>case differs: not selected</p><p itemprop='dateModified '>space: not</p>"
    "<!-- class='updated' in a comment --><?pi class='updated'?>"
    "<svg><time>in svg</time></svg><p class='is-MODIFIED' itemprop='dateModified'>both</p>"
    "</body></html>",
]


def _trees() -> list[lxml_html.HtmlElement]:
    trees = [lxml_html.fromstring(h) for h in MADE_UP]
    for path in [*sample_pages(PAGES_PER_SET), EXTRACTION / "wcxb" / "html" / "0310.html"]:
        if (tree := page_tree(decode_html(path.read_bytes()).text or "")) is not None:
            trees.append(tree)
    return trees


def test_the_class_parts_are_the_xpaths() -> None:
    assert all(f"contains(@class, '{part}')" in XPATH.path for part in STAMP_CLASS_PARTS)


def test_the_same_elements_in_the_same_order_as_the_xpath() -> None:
    trees = _trees()
    assert len(trees) > 100
    found = 0
    for tree in trees:
        assert stamp_elements(tree) == XPATH(tree)
        found += len(stamp_elements(tree))
    assert found > 100


def test_made_up_page() -> None:
    tree = lxml_html.fromstring(MADE_UP[1])
    texts = [e.text for e in stamp_elements(tree)]
    assert "case differs: not selected" not in texts and "empty class" not in texts
    assert texts.count("nested") == 1 and "both" in texts and "upper" in texts


def test_two_top_level_elements_are_both_read() -> None:
    paths = [EXTRACTION / "wcxb" / "html" / "0310.html"]
    if not paths[0].is_file():
        pytest.skip("wcxb 0310 is missing")
    tree = page_tree(decode_html(paths[0].read_bytes()).text or "")
    assert tree is not None
    assert len(tree.xpath("/*")) == 2
    assert stamp_elements(tree) == XPATH(tree)


def test_update_stamps_as_with_the_xpath(monkeypatch: pytest.MonkeyPatch) -> None:
    import transforms.dates.page_dates as page_dates

    trees = _trees()
    fast = [update_stamps(tree) for tree in trees]
    monkeypatch.setattr(page_dates, "stamp_elements", XPATH)
    assert [update_stamps(tree) for tree in trees] == fast
    assert sum(bool(days) for _, days in fast) > 5
