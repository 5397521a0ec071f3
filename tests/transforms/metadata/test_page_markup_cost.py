"""Two of page_markup's shortcuts (issue 15's cost point) give what the slow way gives. The
visible-text walk in lxml's own order (`_visible_walk`) gives the same pieces, the same elements,
as the walk it replaced (kept here): on made-up trees (comments, processing instructions,
entities, hidden elements with visible children, tails at every depth, no <body>, two top-level
elements) and on shared pages. The bylines by the headline, each element's evidence looked at once
(`_byline_evidence`'s `known`), are the ones found looking at every piece's ancestors afresh."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

import transforms.metadata.page_markup as page_markup_module
from tests.conftest import EXTRACTION, sample_pages
from transforms.documents.decoding import decode_html
from transforms.html.trafilatura_extraction import page_tree
from transforms.metadata.page_markup import (
    NOT_VISIBLE,
    _byline_evidence,
    _visible_walk,
    headline_bylines,
    headline_element,
    page_markup,
    visible_pieces,
)

PAGES_PER_SET = 60
MADE_UP = [
    "<html><body><p>one <b>two</b> three <i>four <u>five</u></i> six</p> seven</body></html>",
    "<html><head><title>T</title></head><body>lead<!-- a comment -->after comment<?pi x?>after pi"
    "<script>var x</script>after script<noscript><p>in noscript</p> tail in noscript</noscript>tail"
    "<select><option>o</option> between </select><div><button>b</button> after button</div>"
    "<template><p>t</p></template>  \n <p>\u00a0</p><p>   </p><span>end</span>last tail</body></html>",
    "<div>no body <span>at all</span> here</div>",
    "<html><body><div><div><div><p>deep</p>d3</div>d2</div>d1</div>root tail</body></html>",
    "<html><body><table><tr><td>a</td><td>b</td></tr></table><ul><li>x<li>y</ul>end</body></html>",
]


def _old_walk(tree: lxml_html.HtmlElement) -> list[tuple[str, lxml_html.HtmlElement]]:
    """The walk as it was: an element's text, then its children in order, each followed by its tail."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    pieces: list[tuple[str, lxml_html.HtmlElement]] = []
    pending: list[tuple[lxml_html.HtmlElement, lxml_html.HtmlElement | None]] = [(root, None)]
    while pending:
        element, tail_owner = pending.pop()
        if tail_owner is not None:
            if (tail := element.tail) and tail.strip():
                pieces.append((tail, tail_owner))
            continue
        visible = isinstance(element.tag, str) and element.tag not in NOT_VISIBLE
        if visible and (text := element.text) and text.strip():
            pieces.append((text, element))
        for child in reversed(element):
            if visible:
                pending.append((child, element))
            pending.append((child, None))
    return pieces


def _trees() -> list[lxml_html.HtmlElement]:
    trees = [lxml_html.fromstring(h) for h in MADE_UP]
    entity = etree.fromstring("<html><body><p>before <b>b</b> after</p></body></html>", lxml_html.HTMLParser())
    entity.find(".//p").insert(1, etree.Entity("nbsp"))
    entity.find(".//p")[0].tail = " entity tail "
    trees.append(entity)
    for path in [
        *sample_pages(PAGES_PER_SET),
        EXTRACTION / "wcxb" / "html" / "0310.html",
    ]:  # 0310: two top-level <html>
        if (tree := page_tree(decode_html(path.read_bytes()).text or "")) is not None:
            trees.append(tree)
    return trees


def test_the_same_pieces_and_elements_as_the_old_walk() -> None:
    trees = _trees()
    assert len(trees) > 150
    for tree in trees:
        new, old = _visible_walk(tree), _old_walk(tree)
        assert [t for t, _ in new] == [t for t, _ in old]
        assert all(a is b for (_, a), (_, b) in zip(new, old, strict=True))


def test_made_up_pieces() -> None:
    texts = [t.strip() for t, _ in _visible_walk(lxml_html.fromstring(MADE_UP[1]))]
    assert texts[:3] == ["lead", "after comment", "after pi"]
    assert "var x" not in texts and "in noscript" in texts and "tail in noscript" not in texts
    assert texts[-2:] == ["end", "last tail"]
    deep = [t for t, _ in _visible_walk(lxml_html.fromstring(MADE_UP[3]))]
    assert deep == ["deep", "d3", "d2", "d1", "root tail"]


BYLINES = (
    "<html><body><h1>The headline</h1><p>By <a href='/authors/ann-author'>Ann Author</a> and"
    " <span class='byline'><b>Bob</b> <i>Writer</i></span></p><div rel='author'><p>Cy</p><p>Di</p></div>"
    "<div itemprop='author'><span>Ed</span></div><p>Reviewed by Fay</p><p>Written by Gus</p></body></html>"
)


def test_each_pieces_evidence_with_the_elements_known_as_afresh() -> None:
    trees = [lxml_html.fromstring(BYLINES), *_trees()]
    for tree in trees:
        pieces = visible_pieces(tree)
        known: dict = {}
        for i in [*range(len(pieces)), *reversed(range(len(pieces)))]:
            assert _byline_evidence(pieces, i, known) == _byline_evidence(pieces, i)


def test_headline_bylines_as_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    trees = [lxml_html.fromstring(BYLINES), *_trees()]
    headlines = [headline_element(tree, page_markup(tree).titles) for tree in trees]
    fast = [headline_bylines(tree, h) for tree, h in zip(trees, headlines, strict=True)]
    monkeypatch.setattr(
        page_markup_module, "_byline_evidence", lambda pieces, i, known=None: _byline_evidence(pieces, i)
    )
    assert [headline_bylines(tree, h) for tree, h in zip(trees, headlines, strict=True)] == fast
    assert [e for _, e, _ in fast[0]] == ["href", "class", "class", "markup", "markup", "markup", "label"]
    assert sum(map(len, fast)) > 30
