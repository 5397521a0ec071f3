"""HTML -> main content blocks by readability-lxml, the second extractor. The only module
that imports it.

Pure: a decoded page in, blocks out, in the same `HtmlBlock` shape the trafilatura adapter
gives, so the boilerplate rules and the vote (`transforms.html.vote`) treat both alike.
"""

from __future__ import annotations

import logging

import lxml.html
from lxml import etree
from readability import Document
from readability.readability import Unparseable

from transforms.html.blocks import BlockText, HtmlBlock, HtmlBlockKind

BLOCK_TAGS: dict[str, HtmlBlockKind] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "item",
    "dt": "item",
    "dd": "item",
    "blockquote": "quote",
    "pre": "code",
    "tr": "row",
    "figcaption": "caption",
}
GROUP_TAGS = frozenset({"ul", "ol", "dl", "table"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "form", "select", "iframe"})
CELL_TAGS = frozenset({"td", "th"})
NESTED_BLOCK_TAGS = frozenset(BLOCK_TAGS) | {"div", "br", "ul", "ol", "table"}
CELL_SEPARATOR = " | "

# readability-lxml logs every candidate it scores at INFO, and its own fallbacks (with tracebacks)
# at ERROR before raising what is caught below; neither belongs in a pipeline log.
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


def _text_of(element: lxml.html.HtmlElement) -> tuple[str, int, int]:
    out = BlockText()

    def walk(node: lxml.html.HtmlElement, in_link: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP_TAGS or not tag:
            return
        if tag == "br":
            out.separate("\n")
        elif tag in CELL_TAGS:
            out.separate(CELL_SEPARATOR)
        in_link = in_link or tag == "a"
        out.add(node.text, in_link)
        for child in node:
            nested = isinstance(child.tag, str) and child.tag in NESTED_BLOCK_TAGS - {"br"}
            if nested:  # a block nested in a list item or quote: its own line
                out.separate("\n")
            walk(child, in_link)
            if nested:
                out.separate("\n")
            out.add(child.tail, in_link)

    walk(element, False)
    return out.result()


def summary_blocks(root: lxml.html.HtmlElement) -> tuple[HtmlBlock, ...]:
    """A readability summary's elements as blocks (readability-lxml's, or trafilatura's port of it)."""
    blocks: list[HtmlBlock] = []
    group = 0

    def add(kind: HtmlBlockKind, text: str, link_chars: int, group_id: int, level: int = 0, lead: int = 0) -> None:
        nonlocal group
        if not text:
            return
        if group_id == 0:
            group += 1
            group_id = group
        blocks.append(HtmlBlock(kind, text, link_chars, group_id, level, lead))

    def loose(text: str | None, group_id: int) -> None:
        add("paragraph", " ".join((text or "").split()), 0, group_id)

    def walk(node: lxml.html.HtmlElement, group_id: int) -> None:
        nonlocal group
        loose(node.text, group_id)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in SKIP_TAGS or not tag:
                pass
            elif tag in BLOCK_TAGS:
                text, link_chars, lead_link_chars = _text_of(child)
                level = int(tag[1]) if BLOCK_TAGS[tag] == "heading" else 0
                add(BLOCK_TAGS[tag], text, link_chars, group_id, level, lead_link_chars)
            elif tag in GROUP_TAGS:
                group += 1
                walk(child, group)
            else:
                walk(child, group_id)
            loose(child.tail, group_id)

    walk(root, 0)
    return tuple(blocks)


def readability_blocks(html: str) -> tuple[HtmlBlock, ...]:
    """The main content readability-lxml finds, as blocks; none when it finds nothing."""
    try:
        summary = Document(html).summary(html_partial=True)
    except (Unparseable, etree.ParserError, ValueError, AssertionError):  # AssertionError: "too many bodies"
        return ()
    if not summary.strip():
        return ()
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # ValueError: control characters lxml will not
        # take; AssertionError: lxml's "too many bodies" on a summary of an empty document
        return ()
    return summary_blocks(root)
