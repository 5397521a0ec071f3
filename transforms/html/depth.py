"""Whether an HTML page nests deeper than the HTML parser follows.

libxml2 (under lxml, trafilatura and readability) stops building the tree at a depth of 256
elements and drops everything below it. A page whose text sits deeper than that comes out of
every extractor empty; this tells that case apart from a page that simply holds no article.
Pure: str in, bool out. Asked only for pages that came out empty, so its cost is rare.
"""

from __future__ import annotations

from lxml import etree

DEPTH_LIMIT_MESSAGE = "Excessive depth in document"  # libxml2's error when it stops at its depth limit


def exceeds_parser_depth(html: str) -> bool:
    """True when parsing `html` hits libxml2's nesting limit (and so loses the content below it)."""
    if not html.strip():
        return False
    parser = etree.HTMLParser(recover=True, no_network=True)
    try:
        etree.fromstring(html, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        pass
    return any(DEPTH_LIMIT_MESSAGE in entry.message for entry in parser.error_log)
