"""HTML -> main content blocks and page metadata. The only module that imports trafilatura.

Pure: a decoded page in, an `HtmlExtraction` out. The options are chosen once, here
(`EXTRACT_OPTIONS`): comments excluded, tables and links kept (link density feeds the teaser
rules), no network. trafilatura's XML body is walked into flat blocks so the boilerplate rules
see one paragraph, heading, list item or table row at a time, with how much of it is link text.
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree

from transforms.html.blocks import BlockText, HtmlBlock, HtmlBlockKind, HtmlExtraction, HtmlMetadata

EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "include_images": False,
    "include_formatting": False,
    "with_metadata": True,
    "deduplicate": False,
    "fast": True,
    "favor_precision": False,
    "favor_recall": False,
    # htmldate's extensive search falls back to dateparser over free text: slow, and guessy.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
# trafilatura body element -> block kind. Container elements (list, table, div) are walked into.
BLOCK_TAGS: dict[str, HtmlBlockKind] = {
    "head": "heading",
    "p": "paragraph",
    "item": "item",
    "quote": "quote",
    "row": "row",
    "code": "code",
}
CONTAINER_TAGS = frozenset({"list", "table", "div", "article", "section", "span", "body"})
CELL_SEPARATOR = " | "
# The page's declared language: <html lang>, else Content-Language, else og:locale (first 8 KB).
LANGUAGE_PRESCAN_CHARS = 8192
DECLARED_LANGUAGE = (
    re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", re.IGNORECASE),
    re.compile(
        r"<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?content\s*=\s*[\"']?([A-Za-z]{2,3})",
        re.IGNORECASE,
    ),
    re.compile(
        r"<meta\b[^>]*?property\s*=\s*[\"']?og:locale[\"']?[^>]*?content\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE
    ),
)

# trafilatura warns about every empty link it drops; a pipeline log does not need those.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _text_of(element: etree._Element) -> tuple[str, int, int]:
    """An element's text with line breaks kept; its link characters and lead-link characters."""
    out = BlockText()

    def walk(node: etree._Element, in_link: bool) -> None:
        if node.tag == "lb":
            out.separate("\n")
        elif node.tag == "cell":
            out.separate(CELL_SEPARATOR)
        in_link = in_link or node.tag == "ref"
        if node.tag != "lb":
            out.add(node.text, in_link)
        for child in node:
            nested = child.tag in BLOCK_TAGS or child.tag in ("list", "table")
            if nested:  # a paragraph, heading or list nested in a list item or quote: its own line
                out.separate("\n")
            walk(child, in_link)
            if nested:
                out.separate("\n")
            out.add(child.tail, in_link)

    walk(element, False)
    return out.result()


def _blocks(body: etree._Element) -> tuple[HtmlBlock, ...]:
    blocks: list[HtmlBlock] = []
    group = 0

    def loose_text(text: str | None, group_id: int) -> None:
        """Text sitting directly in a container (between blocks) is a paragraph of its own."""
        nonlocal group
        text = " ".join((text or "").split())
        if text:
            group += 1
            blocks.append(HtmlBlock("paragraph", text, 0, group_id or group))

    def walk(node: etree._Element, group_id: int) -> None:
        nonlocal group
        loose_text(node.text, group_id)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                text, link_chars, lead_link_chars = _text_of(child)
                if text:
                    rend = child.get("rend", "")
                    level = int(rend[1]) if tag == "head" and rend[:1] == "h" and rend[1:2].isdigit() else 0
                    own_group = group_id
                    if group_id == 0:
                        group += 1
                        own_group = group
                    blocks.append(HtmlBlock(BLOCK_TAGS[tag], text, link_chars, own_group, level, lead_link_chars))
            elif tag in ("list", "table"):
                group += 1
                walk(child, group)
            elif tag in CONTAINER_TAGS or tag:
                walk(child, group_id)
            loose_text(child.tail, group_id)

    walk(body, 0)
    return tuple(blocks)


def _strings(value: object) -> tuple[str, ...]:
    """Categories or tags: trafilatura gives a list whose entries may still be comma-joined."""
    if not value:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(s for item in items for s in (piece.strip() for piece in str(item).split(",")) if s)


def declared_language(html: str) -> str | None:
    """The language the page declares for itself (ISO 639 code, lower case), if any."""
    head = html[:LANGUAGE_PRESCAN_CHARS]
    for pattern in DECLARED_LANGUAGE:
        if match := pattern.search(head):
            return match.group(1).lower()
    return None


def _metadata(document: object, html: str) -> HtmlMetadata:
    get = lambda name: getattr(document, name, None) or None  # noqa: E731
    return HtmlMetadata(
        title=get("title"),
        author=get("author"),
        date=get("date"),
        site_name=get("sitename"),
        description=get("description"),
        categories=_strings(get("categories")),
        tags=_strings(get("tags")),
        canonical_url=get("url"),
        image_url=get("image"),
        language=get("language") or declared_language(html),
        hostname=get("hostname"),
    )


def extract_html(
    html: str, url: str | None = None, *, thorough: bool = False, with_metadata: bool | None = None
) -> HtmlExtraction:
    """The page's main content as blocks, with its metadata. No blocks when nothing was found.

    `thorough`: also run trafilatura's own fallback extractors and keep its preferred result
    (what `trafilatura.extract` does by default). `with_metadata`: read the page metadata too
    (default: in fast mode only).
    """
    with_metadata = not thorough if with_metadata is None else with_metadata
    options = EXTRACT_OPTIONS | {"fast": not thorough, "with_metadata": with_metadata}
    document = trafilatura.bare_extraction(html, url=url, **options)  # type: ignore[arg-type]
    if document is None:
        return HtmlExtraction((), HtmlMetadata())
    return HtmlExtraction(
        _blocks(document.body),  # type: ignore[union-attr]  # as_dict is off: a Document
        _metadata(document, html) if with_metadata else HtmlMetadata(),
    )


def baseline_text(html: bytes | str) -> str:
    """Plain trafilatura with its defaults (comments excluded): the benchmark's baseline, kept here
    so this stays the one module that calls trafilatura. Not used by the pipeline."""
    return trafilatura.extract(html, include_comments=False) or ""


def fast_pass_text(html: bytes | str) -> str:
    """`trafilatura.extract` with the fast pass's options (`EXTRACT_OPTIONS`): the throughput
    benchmark's baseline (bench/pipeline.py), what the pipeline's cost per page is compared with."""
    return trafilatura.extract(html, **EXTRACT_OPTIONS) or ""  # type: ignore[arg-type]


def baseline_metadata(html: bytes | str, url: str | None = None) -> dict[str, str | None]:
    """Plain trafilatura's metadata with its defaults (title, author, date): the metadata
    benchmark's baseline (bench/metadata.py), kept here so this stays the one module that calls
    trafilatura. Not used by the pipeline."""
    document = trafilatura.extract_metadata(html, default_url=url)
    if document is None:
        return {"title": None, "author": None, "date": None}
    return {"title": document.title, "author": document.author, "date": document.date}
