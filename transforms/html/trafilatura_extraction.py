"""HTML -> main content blocks and page metadata. The only module that imports trafilatura.

Pure: a decoded page in, an `HtmlExtraction` out. The options are chosen once, here
(`EXTRACT_OPTIONS`): comments excluded, tables and links kept (link density feeds the teaser
rules), no network. trafilatura's XML body is walked into flat blocks so the boilerplate rules
see one paragraph, heading, list item or table row at a time, with how much of it is link text.

The page is parsed once (trafilatura's own parser) and trafilatura extracts from that tree without
its metadata and without the page URL: the metadata the path needs is read from the same tree by
trafilatura's readers (`page_metadata`: meta tags, JSON-LD, the title, the canonical URL, the site
name; then, when the markup names no author, its author search in the page's elements on the tree
itself, not on a copy: `searched_author`). Left out, as the warehouse does not use them or has its
own: its category and tag search in the page's links, its htmldate call (dates:
`transforms.dates.page_dates`) and its licence; and resolving every link target against the page
URL (the blocks keep only how much of their text is link text). Issue 15's cost point, measured by
bench/extraction_cost.py.

trafilatura's thorough pass runs its own readability fallback (`trafilatura.external.try_readability`,
its port of readability-lxml) on every page and keeps that text only when its own extraction looks
deficient. What the fallback found is kept too (`HtmlExtraction.fallback`): a second opinion at no
extra extraction cost, which the HTML path uses to add the sentences trafilatura dropped
(`transforms.html.vote.with_fallback_sentences`). It is caught by wrapping that function where
trafilatura looks it up (`_recorded_readability`); tests/transforms/html/test_fallback_sentences.py
fails if trafilatura stops calling it there.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import replace
from html import unescape

import trafilatura
import trafilatura.external as trafilatura_external
from courlan import extract_domain
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_metainfo,
    extract_title,
    extract_url,
    normalize_authors,
)
from trafilatura.metadata import extract_sitename as trafilatura_sitename
from trafilatura.settings import Document
from trafilatura.utils import is_dubious_html, line_processing, load_html, repair_faulty_html, trim
from trafilatura.xml import delete_element
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from transforms.html.blocks import BlockText, HtmlBlock, HtmlBlockKind, HtmlExtraction, HtmlMetadata
from transforms.html.readability_extraction import summary_blocks

EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "include_images": False,
    "include_formatting": False,
    "with_metadata": False,  # read from the tree by `page_metadata` (its cheap parts)
    "deduplicate": False,
    "fast": True,
    "favor_precision": False,
    "favor_recall": False,
}
# The throughput benchmark's baseline (`fast_pass_text`): the fast pass as the path ran it before
# issue 15's cost work, trafilatura's metadata included (htmldate's extensive search off).
FAST_PASS_OPTIONS: dict[str, object] = EXTRACT_OPTIONS | {
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
# the page's sections in its <head>, as trafilatura's category search reads them when its links give none
SECTION_META = etree.XPath('.//head//meta[@property="article:section" or contains(@name, "subject")][@content]')
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

# The page's parser: trafilatura's (`trafilatura.utils.HTML_PARSER`, the same options) with lxml's
# C-level element classes: every element an HtmlElement. lxml.html's own lookup
# (`HtmlElementClassLookup.lookup`, a Python method giving <form>, <input>, <label> ... their form
# classes) runs each time a Python object is made for an element: about 7,500 times a page on the
# path (trafilatura's passes and copies, the markup walk), 0.6 us each. Nothing on the path reads
# the form classes' extras; the same tree, blocks, metadata and dates (tests/transforms/html/).
PAGE_PARSER = HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)
PAGE_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)

# trafilatura warns about every empty link it drops; a pipeline log does not need those.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# trafilatura's readability fallback, wrapped once so that what it finds during one of our thorough
# passes is kept (per thread: the flow may parse pages in threads). Outside our calls it only
# passes through.
_TRY_READABILITY = trafilatura_external.try_readability
_FALLBACK = threading.local()


def _recorded_readability(htmlinput: HtmlElement) -> HtmlElement:
    found = _TRY_READABILITY(htmlinput)
    if getattr(_FALLBACK, "recording", False) and getattr(_FALLBACK, "found", None) is None:
        _FALLBACK.found = found  # the first call: on the whole page (a recall retry calls it again)
    return found


if getattr(trafilatura_external.try_readability, "__name__", "") != "_recorded_readability":  # a reload
    trafilatura_external.try_readability = _recorded_readability


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


def _document_metadata(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's `extract_metadata` (2.3) without its costly searches: the same steps in the same
    order, less the author search in the page's elements (`searched_author`, done last on the
    tree), the category and tag search in its links (the categories still fall back to the section
    meta tags, as there), htmldate and the licence."""
    document = examine_meta(tree)
    if document.author and " " not in document.author:  # as trafilatura: a one-word author is dropped
        document.author = None
    try:
        document = extract_meta_json(tree, document)
    except Exception:  # noqa: BLE001 -- trafilatura guards its JSON-LD reader the same way
        pass
    if not document.title:
        document.title = extract_title(tree)
    if not document.url:
        document.url = extract_url(tree, url)
    if document.url:
        document.hostname = extract_domain(document.url, fast=True)
    if not document.sitename:
        document.sitename = trafilatura_sitename(tree)
    if document.sitename:
        document.sitename = document.sitename.lstrip("@")
        if document.sitename and "." not in document.sitename and not document.sitename[0].isupper():
            document.sitename = document.sitename.title()
    elif document.url and (match := META_URL.match(document.url)):
        document.sitename = match[1]
    if not document.categories:  # trafilatura's fallback after its search in the links: the section meta
        document.categories = [m.get("content") for m in SECTION_META(tree) if m.get("content")]
    document.clean_and_trim()
    return document


def page_metadata(tree: HtmlElement, html: str, url: str | None = None) -> HtmlMetadata:
    """What the page says about itself, from its tree (read only, never changed)."""
    document = _document_metadata(tree, url)
    get = lambda name: getattr(document, name, None) or None  # noqa: E731
    return HtmlMetadata(
        title=get("title"),
        author=get("author"),
        site_name=get("sitename"),
        description=get("description"),
        categories=_strings(get("categories")),
        tags=_strings(get("tags")),
        canonical_url=get("url"),
        image_url=get("image"),
        language=declared_language(html),
        hostname=get("hostname"),
    )


# trafilatura 2.3's author search (`trafilatura.xpaths.AUTHOR_DISCARD_XPATHS`, `AUTHOR_XPATHS`) as
# Python tests on each element, one walk for its three XPaths: the XPaths' EXSLT `re:test` calls
# back into Python for every element that has the attribute (~15 ms a searched page, 0.4x
# trafilatura alone). The same elements in the same order (tests/transforms/html/test_cost_levers.py
# compares them with the XPaths on the shared pages and checks the XPaths are still these).
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer"
)
_AUTHOR_TAGS = (
    frozenset({"a", "address", "div", "link", "p", "span", "strong"}),  # "specific and almost specific"
    frozenset({"a", "div", "h3", "h4", "p", "span"}),  # "almost generic and generic"
)
_AUTHOR_CLASS = (
    re.compile("author-?name|AuthorName|authorName"),
    re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"),
    re.compile("[Aa]uthor|screenname|writer|[Bb]yline"),  # "last resort: any element"
)
_AUTHOR_ID = (re.compile("author|zuozhe|bianji|xiaobian"), re.compile("[Aa]uthor"))
AUTHOR_LEN_LIMIT = 120  # trafilatura's extract_author: extract_metainfo(..., len_limit=120)


def _author_discarded(element: HtmlElement) -> bool:
    """AUTHOR_DISCARD_XPATHS[0]'s test (comments, sidebars, quotes, figures' components ...)."""
    if element.tag not in _DISCARD_TAGS:
        return False
    id_, class_ = element.get("id") or "", element.get("class") or ""
    return bool(
        id_ == "comments"
        or class_ in ("comments", "title", "date")
        or _DISCARD_ID.search(id_)
        or _DISCARD_CLASS.search(class_)
        or "Figure" in (element.get("data-component") or "")
    )


def pruned_for_author(tree: HtmlElement) -> HtmlElement:
    """trafilatura's `prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS)`: the matches of each XPath
    (the first: `.//*`, under the tree; the second: `//time|//figure`, the whole document, once the
    first's are gone) deleted in document order, tails kept."""
    for element in [e for e in tree.iterdescendants(etree.Element) if _author_discarded(e)]:
        delete_element(element)
    for element in [e for top in _document_elements(tree) for e in top.iter("time", "figure")]:
        delete_element(element)
    return tree


def _document_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The top-level elements of the tree's document, in order (an XPath's `//`): the root, and any
    other the parser left beside it (a second <html> after the first, wcxb 0310)."""
    return tree.xpath("/*")


def author_candidates(tree: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement], list[HtmlElement]]:
    """The elements each of AUTHOR_XPATHS selects (`//*[...]`: the whole document), in document order."""
    tops = _document_elements(tree)
    # `rel='me'` in the first XPath: a child element <rel> whose string value is "me"
    rel_me = {r.getparent() for top in tops for r in top.iter("rel") if r.xpath("string()") == "me"}
    found: tuple[list[HtmlElement], list[HtmlElement], list[HtmlElement]] = ([], [], [])
    for element in (e for top in tops for e in top.iter(etree.Element)):
        tag = element.tag
        id_, class_ = element.get("id") or "", element.get("class") or ""
        itemprop = element.get("itemprop") or ""
        if tag == "author" or (
            tag in _AUTHOR_TAGS[0]
            and (
                element.get("rel") == "author"
                or id_ == "author"
                or class_ == "author"
                or itemprop == "author name"
                or element in rel_me
                or element.get("data-testid") in ("AuthorCard", "AuthorURL")
                or _AUTHOR_CLASS[0].search(class_)
            )
        ):
            found[0].append(element)
        if tag in _AUTHOR_TAGS[1] and (
            class_ in ("byline", "username", "byl", "BBL")
            or "author" in itemprop
            or _AUTHOR_ID[0].search(id_)
            or _AUTHOR_CLASS[1].search(class_)
        ):
            found[1].append(element)
        if (
            "Byline" in (element.get("data-component") or "")
            or "author" in itemprop
            or _AUTHOR_ID[1].search(id_)
            or _AUTHOR_CLASS[2].search(class_)
        ):
            found[2].append(element)
    return found


def searched_author(tree: HtmlElement) -> str | None:
    """trafilatura's author search in the page's elements (its `extract_author`: a byline, an
    author link or class), for a page whose meta tags and JSON-LD name none; its XPaths as Python
    tests (`pruned_for_author`, `author_candidates`), then its `extract_metainfo`: the first
    element, XPath by XPath, whose text is 3 to 119 characters long. It prunes the tree it is given
    (trafilatura prunes a copy): only for a tree that is not read again."""
    found = None
    for elements in author_candidates(pruned_for_author(tree)):
        texts = (trim(" ".join(e.itertext())) for e in elements)
        if found := next((t for t in texts if t and 2 < len(t) < AUTHOR_LEN_LIMIT), None):
            break
    return _cleaned_author(found)


def _cleaned_author(found: str | None) -> str | None:
    """The found text as trafilatura's `extract_author` returns it (normalize_authors, then clean_and_trim)."""
    author = normalize_authors(None, found) if found else None
    return (line_processing(unescape(author)) or None) if author else None


def page_tree(html: str) -> HtmlElement | None:
    """The page parsed the way trafilatura parses it (`trafilatura.utils.load_html` on a str: the
    same steps, given `PAGE_PARSER`); None when it is no HTML."""
    if not isinstance(html, str):
        return None
    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    tree, by_bytes = None, False
    try:
        tree = fromstring(html, parser=PAGE_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, by_bytes = _from_bytes(html), True
    except Exception:  # noqa: BLE001 -- trafilatura logs and goes on the same way
        tree = None
    if (tree is None or len(tree) < 1) and not by_bytes:
        tree = _from_bytes(html)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # trafilatura: not valid HTML
    return tree


def _from_bytes(html: str) -> HtmlElement | None:
    """trafilatura's second try (`trafilatura.utils.fromstring_bytes`): the page as UTF-8 bytes."""
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=PAGE_PARSER)
    except Exception:  # noqa: BLE001
        return None


def trafilatura_blocks(tree: HtmlElement, *, thorough: bool = False) -> tuple[HtmlBlock, ...]:
    """trafilatura's main content of a parsed page as blocks (it works on a copy of the tree).
    `thorough`: also run trafilatura's own fallback extractors and keep its preferred result
    (what `trafilatura.extract` does by default)."""
    return trafilatura_and_fallback_blocks(tree, thorough=thorough)[0]


def trafilatura_and_fallback_blocks(
    tree: HtmlElement, *, thorough: bool = False
) -> tuple[tuple[HtmlBlock, ...], tuple[HtmlBlock, ...]]:
    """`trafilatura_blocks`, and what trafilatura's readability fallback found on the page as
    blocks (`()` in its fast pass, which does not run it, or when it found nothing)."""
    options = EXTRACT_OPTIONS | {"fast": not thorough}
    _FALLBACK.recording, _FALLBACK.found = thorough, None
    try:
        document = trafilatura.bare_extraction(tree, **options)  # type: ignore[arg-type]
        found = _FALLBACK.found
    finally:
        _FALLBACK.recording, _FALLBACK.found = False, None
    blocks = () if document is None else _blocks(document.body)  # type: ignore[union-attr]  # a Document
    return blocks, (summary_blocks(found) if found is not None and len(found) else ())


def extract_html(
    html: str, url: str | None = None, *, thorough: bool = False, with_metadata: bool | None = None
) -> HtmlExtraction:
    """The page's main content as blocks, with its metadata. No blocks when nothing was found.

    `thorough`: also run trafilatura's own fallback extractors. `with_metadata`: read the page
    metadata too (default: in fast mode only). `url`: where the page was fetched from (the
    canonical URL when the page names none).
    """
    with_metadata = not thorough if with_metadata is None else with_metadata
    extraction, tree = extract_html_tree(html, url, thorough=thorough, with_metadata=with_metadata)
    return with_searched_author(extraction, tree) if with_metadata else extraction


def extract_html_tree(
    html: str, url: str | None = None, *, thorough: bool = False, with_metadata: bool = True
) -> tuple[HtmlExtraction, HtmlElement | None]:
    """`extract_html` less its last step, the author search (which prunes the tree), and the page's
    tree, unchanged: for a caller that reads the same parse again (the HTML path's markup and dates)
    and then calls `with_searched_author`. The tree is None when the page is no HTML."""
    tree = page_tree(html)
    if tree is None:
        return HtmlExtraction((), HtmlMetadata()), None
    blocks, fallback = trafilatura_and_fallback_blocks(tree, thorough=thorough)
    metadata = page_metadata(tree, html, url) if with_metadata else HtmlMetadata()
    return HtmlExtraction(blocks, metadata, fallback), tree


def with_searched_author(extraction: HtmlExtraction, tree: HtmlElement | None) -> HtmlExtraction:
    """The extraction with trafilatura's author search's find when its metadata names no author
    (`extract_html_tree` with its metadata). Prunes the tree: the last reader of it."""
    metadata = extraction.metadata
    if tree is None or metadata.author is not None:
        return extraction
    return replace(extraction, metadata=replace(metadata, author=searched_author(tree)))


def trafilatura_tree(html: str) -> HtmlElement | None:
    """trafilatura's own `load_html` (lxml.html's Python element-class lookup): the parse before
    `PAGE_PARSER`, for bench/html_cost_levers.py's `parser` lever turned off. Not used by the pipeline."""
    try:
        return load_html(html)
    except (TypeError, ValueError):
        return None


def xpath_searched_author(tree: HtmlElement) -> str | None:
    """`searched_author` with trafilatura's own XPaths and `extract_metainfo` (as before the Python
    tests), for bench/html_cost_levers.py's `author` lever turned off. Not used by the pipeline."""
    pruned = prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS)
    return _cleaned_author(extract_metainfo(pruned, AUTHOR_XPATHS, len_limit=AUTHOR_LEN_LIMIT))


def baseline_text(html: bytes | str) -> str:
    """Plain trafilatura with its defaults (comments excluded): the benchmark's baseline, kept here
    so this stays the one module that calls trafilatura. Not used by the pipeline."""
    return trafilatura.extract(html, include_comments=False) or ""


def fast_pass_text(html: bytes | str) -> str:
    """`trafilatura.extract` with the fast pass's options (`FAST_PASS_OPTIONS`): the throughput
    benchmark's baseline (bench/pipeline.py), what the pipeline's cost per page is compared with."""
    return trafilatura.extract(html, **FAST_PASS_OPTIONS) or ""  # type: ignore[arg-type]


def baseline_metadata(html: bytes | str, url: str | None = None) -> dict[str, str | None]:
    """Plain trafilatura's metadata with its defaults (title, author, date): the metadata
    benchmark's baseline (bench/metadata.py), kept here so this stays the one module that calls
    trafilatura. Not used by the pipeline."""
    document = trafilatura.extract_metadata(html, default_url=url)
    if document is None:
        return {"title": None, "author": None, "date": None}
    return {"title": document.title, "author": document.author, "date": document.date}
