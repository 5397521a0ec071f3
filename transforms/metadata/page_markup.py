"""What a page's markup says about its article besides dates: headline candidates, the site's
name, the credited people and organisations, its URLs. Pure: a parsed lxml tree in.

Titles: `og:title`, `twitter:title`, JSON-LD `headline` (an article object's), the `<h1>`
another title names (the first when none does: `headline_element`), `<title>`. Site names:
`og:site_name`, JSON-LD `publisher.name`, a `WebSite` object's name, `application-name`. Credits:
JSON-LD `author` (a `Person` is a person, an `Organization` an organisation), `<meta name=author>`,
`article:author` when it is not a URL.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "blogposting",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "report",
        "liveblogposting",
        "techarticle",
        "scholarlyarticle",
        "posting",
        "socialmediaposting",
    }
)
ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "organisation"})
MAX_TITLE_CHARS = 400
MAX_H1 = 20  # <h1> elements looked at for the headline
NOT_VISIBLE = frozenset({"script", "style", "noscript", "template", "title", "head", "button", "select", "option"})
# Credits printed by the headline: what marks a text as one, how far from the <h1> it is looked for
# (the window that counts is transforms.metadata.authors.BYLINE_AFTER_CHARS / _BEFORE_CHARS).
AUTHOR_PAGE = re.compile(
    r"/(?:authors?|writers?|contributors?|people|staff|profiles?|team|journalists?|columnists?|users?|members?)"
    r"/[^/?#]+/?(?:[?#]|$)",
    re.IGNORECASE,
)
AUTHOR_CLASS = re.compile(r"author|byline|writer", re.IGNORECASE)
BY_LABEL_AFTER = re.compile(r"(?:^|\W)(?:(?:written|posted|authored)\s+)?by\s*:?\s*$|(?:^|\W)author\s*:\s*$", re.I)
BY_LABEL_BEFORE = re.compile(r"^\s*(?:(?:written|posted|authored)\s+)?by\s+\w", re.IGNORECASE)
OTHER_CREDIT = re.compile(r"(?:review|edit|check|photo|illustrat|sponsor|present|power)\w*\s+by\s*:?\s*$", re.I)
BYLINE_ANCESTORS = 4  # the text's element and three above it
BYLINE_SCAN_CHARS = 600
MAX_BYLINE_CHARS = 80  # a longer text is a sentence, not a credit
MAX_BYLINES = 20


@dataclass(frozen=True)
class PageMarkup:
    titles: tuple[tuple[str, str], ...] = ()  # (where: og_title | twitter_title | jsonld | h1 | title, text)
    site_names: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # names the markup gives as the article's authors
    organisations: tuple[str, ...] = ()  # JSON-LD authors typed as organisations
    persons: tuple[str, ...] = ()  # JSON-LD authors typed as Person
    urls: tuple[str, ...] = ()  # canonical link, og:url
    bylines: tuple[tuple[int, str, str], ...] = ()  # (offset, evidence, text) printed by the headline


def _text(value: object) -> str:
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else ""


def _objects(value: object) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            yield from _objects(value.get(key))
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _types(obj: dict) -> set[str]:
    kinds = obj.get("@type")
    return {k.lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}


JSONLD_SCRIPTS = '//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'
META_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")  # the names a <meta content> tag is read by


@dataclass(frozen=True)
class _Failed:
    """What reading a JSON-LD script raised: its readers skip or raise it as they would have."""

    error: Exception


@dataclass(frozen=True)
class MarkupReads:
    """The page's `<meta content>` tags and JSON-LD scripts, read once for both of their readers
    (`page_markup` and the page's dates, `transforms.dates.page_dates`): each meta tag's
    META_ATTRIBUTES and content as written (None when absent), each script's `json.loads` answer."""

    metas: tuple[tuple[str | None, ...], ...] = ()  # (property, name, itemprop, http-equiv, content)
    scripts: tuple[object, ...] = ()  # a JSON value, or _Failed


def markup_reads(tree: lxml_html.HtmlElement) -> MarkupReads:
    metas = tuple(tuple(meta.get(a) for a in (*META_ATTRIBUTES, "content")) for meta in tree.xpath("//meta[@content]"))
    scripts: list[object] = []
    for script in tree.xpath(JSONLD_SCRIPTS):
        try:
            scripts.append(json.loads(script.text_content() or "null"))
        except Exception as error:  # noqa: BLE001 -- kept for the readers, which skip or raise it
            scripts.append(_Failed(error))
    return MarkupReads(metas, tuple(scripts))


def jsonld_documents(
    reads: MarkupReads, objects: Callable[[object], Iterator[dict]], skipped: tuple[type[Exception], ...]
) -> list[dict]:
    """The JSON objects (`objects` of each script's value) of the page's JSON-LD scripts, in page
    order; a script whose reading or walking raises one of `skipped` gives none (another error is
    raised, as it was when each reader parsed the scripts itself)."""
    found: list[dict] = []
    for value in reads.scripts:
        try:
            if isinstance(value, _Failed):
                raise value.error
            found += list(objects(value))
        except skipped:
            continue
    return found


def jsonld_objects(tree: lxml_html.HtmlElement, reads: MarkupReads | None = None) -> list[dict]:
    reads = markup_reads(tree) if reads is None else reads
    return jsonld_documents(reads, _objects, (json.JSONDecodeError, RecursionError, ValueError))


def _credited(value: object, by_id: dict[str, dict] | None = None) -> Iterator[tuple[str, str | None]]:
    """(name, its type: "organisation", "person" or None) of a JSON-LD author value: a string, an
    object, or a list; an object that only refers to another of the page's (`{"@id": ...}`, as
    Yoast's graphs do) is read as that one."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield _text(item), None
        elif isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):
                item = (by_id or {}).get(item["@id"], item)
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(n for n in name if isinstance(n, str))
            kinds = _types(item)
            yield _text(name), "organisation" if kinds & ORGANISATION_TYPES else "person" if "person" in kinds else None


def _meta(tree: lxml_html.HtmlElement, reads: MarkupReads | None = None) -> dict[str, str]:
    reads = markup_reads(tree) if reads is None else reads
    contents: dict[str, str] = {}
    for *names, content in reads.metas:
        for value in names[:3]:  # property, name, itemprop
            name = (value or "").strip().lower()
            if name and name not in contents:
                contents[name] = _text(content)
    return contents


def _comparable(text: str | None) -> str:
    return re.sub(r"\W+", " ", text or "").strip().casefold()


def headline_element(tree: lxml_html.HtmlElement, titles: Sequence[tuple[str, str]]) -> lxml_html.HtmlElement | None:
    """The article's <h1>: the one whose text covers most of another title of the page that holds
    it or that it holds (og:title, JSON-LD headline, <title>: a site's logo, a "Blog" or "Search"
    is often an <h1> too), the first on a tie; the first <h1> when none matches."""
    h1s = [h for h in tree.xpath("//h1")[:MAX_H1] if _comparable(h.text_content())]
    others = [c for c in (_comparable(t) for where, t in titles if where != "h1") if c]

    def cover(h1: lxml_html.HtmlElement) -> float:
        text = _comparable(h1.text_content())
        shares = [min(len(text), len(o)) / max(len(text), len(o)) for o in others if text in o or o in text]
        return max(shares, default=0.0)

    return max(h1s, key=lambda h: (cover(h), -h1s.index(h))) if h1s else None


def _visible_walk(tree: lxml_html.HtmlElement) -> list[tuple[str, lxml_html.HtmlElement]]:
    """The text nodes under the page's <body> (the whole tree when it has none) in document order,
    each with the element it is in (a tail's is its parent), less blank ones and those in a
    `NOT_VISIBLE` element or in none (a comment's own text). One walk over the elements, in
    lxml's own order (`iter`, every node, comments too): an element's text when it is reached, its
    tail once the walk has left it (the next node is none of its descendants). An XPath over the
    text nodes made a Python object per node and another per parent lookup; a walk of our own, an
    element on a stack of Python tuples, was a third slower (tests/transforms/metadata/
    test_visible_walk.py keeps it, to compare)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    pieces: list[tuple[str, lxml_html.HtmlElement]] = []
    # the elements the walk is in, from the root down, each with whether its text is visible; an
    # element's parent is always on it (document order), the same Python object while it is held
    open_: list[tuple[lxml_html.HtmlElement, bool]] = []
    for element in root.iter():
        parent = element.getparent() if open_ else None
        while open_ and open_[-1][0] is not parent:  # left: its tail is its parent's text (never the root's)
            left = open_.pop()[0]
            if open_ and open_[-1][1] and (tail := left.tail) and tail.strip():
                pieces.append((tail, open_[-1][0]))
        tag = element.tag
        visible = isinstance(tag, str) and tag not in NOT_VISIBLE
        open_.append((element, visible))
        if visible and (text := element.text) and text.strip():
            pieces.append((text, element))
    while open_:  # the last elements left, innermost first
        left = open_.pop()[0]
        if open_ and open_[-1][1] and (tail := left.tail) and tail.strip():
            pieces.append((tail, open_[-1][0]))
    return pieces


# The pieces of the tree read last: `headline_bylines` and the headline's dates
# (`transforms.dates.page_dates`) both read them from one tree, unchanged in between.
_LAST_PIECES: dict[int, tuple[weakref.ref, list[tuple[str, lxml_html.HtmlElement]]]] = {}


def visible_pieces(tree: lxml_html.HtmlElement) -> list[tuple[str, lxml_html.HtmlElement]]:
    """The page's visible text in document order: (a text node, the element it is in). Read once
    per tree: a second call with the same tree gives what the first read (the tree must not have
    changed in between; the pieces are forgotten when the tree is)."""
    key = id(tree)
    if (last := _LAST_PIECES.get(key)) is not None and last[0]() is tree:
        return list(last[1])
    pieces = _visible_walk(tree)
    _LAST_PIECES.clear()
    _LAST_PIECES[key] = (weakref.ref(tree, lambda _: _LAST_PIECES.pop(key, None)), pieces)
    return list(pieces)


def _element_evidence(element: lxml_html.HtmlElement) -> str | None:
    """What an element says of the text in it (`_byline_evidence`'s `href`, `markup`, `class`)."""
    if element.tag == "a" and AUTHOR_PAGE.search(element.get("href") or ""):
        return "href"
    if "author" in (element.get("rel") or "").lower() or "author" in (element.get("itemprop") or "").lower():
        return "markup"
    if AUTHOR_CLASS.search(" ".join(element.get(a) or "" for a in ("class", "id"))):
        return "class"
    return None


def _byline_evidence(
    pieces: list[tuple[str, lxml_html.HtmlElement]],
    index: int,
    known: dict[lxml_html.HtmlElement, str | None] | None = None,
) -> str | None:
    """Why a piece of text by the headline may be a credit: it is a link to an author's page
    (`href`), marked rel=author or itemprop=author (`markup`), in an element whose class or id says
    author or byline (`class`), or after a "By" / "Written by" label (`label`); None when nothing
    says so. `known`: what each element already looked at said (`_element_evidence`; neighbouring
    pieces share their ancestors), filled in here."""
    known = {} if known is None else known
    element = pieces[index][1]
    for _ in range(BYLINE_ANCESTORS):
        if element is None:
            break
        if element not in known:
            known[element] = _element_evidence(element)
        if evidence := known[element]:
            return evidence
        element = element.getparent()
    before = pieces[index - 1][0][-30:] if index else ""
    if BY_LABEL_AFTER.search(before) and not OTHER_CREDIT.search(before):  # not "Reviewed by"
        return "label"
    if BY_LABEL_BEFORE.match(pieces[index][0]):
        return "label"
    return None


def headline_bylines(
    tree: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None, scan: int = BYLINE_SCAN_CHARS
) -> tuple[tuple[int, str, str], ...]:
    """(offset, evidence, text) of the texts within `scan` characters of visible text around the
    headline that something marks as a credit (`_byline_evidence`); offset >= 0 after the
    headline's end, < 0 before its start, nearest first on each side."""
    if headline is None:
        return ()
    inside = set(headline.iter())
    pieces = visible_pieces(tree)
    at = [i for i, (_, owner) in enumerate(pieces) if owner in inside]
    if not at:
        return ()
    found: list[tuple[int, str, str]] = []
    known: dict[lxml_html.HtmlElement, str | None] = {}  # each element's own evidence, once
    for indices, sign in ((range(at[-1] + 1, len(pieces)), 1), (range(at[0] - 1, -1, -1), -1)):
        distance = 0
        for i in indices:
            if sign < 0:
                distance += len(pieces[i][0]) + 1
            if distance > scan:
                break
            text = _text(pieces[i][0])
            if text and len(text) <= MAX_BYLINE_CHARS and (evidence := _byline_evidence(pieces, i, known)):
                found.append((sign * distance, evidence, text))
            if sign > 0:
                distance += len(pieces[i][0]) + 1
    return tuple(found[:MAX_BYLINES])


def page_markup(tree: lxml_html.HtmlElement, reads: MarkupReads | None = None) -> PageMarkup:
    """`reads`: the page's `markup_reads(tree)`, when the caller has them already."""
    reads = markup_reads(tree) if reads is None else reads
    meta = _meta(tree, reads)
    objects = jsonld_objects(tree, reads)
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    titles: list[tuple[str, str]] = []
    for where, name in (("og_title", "og:title"), ("twitter_title", "twitter:title")):
        if meta.get(name):
            titles.append((where, meta[name]))
    headline = next((_text(o.get("headline")) for o in articles if _text(o.get("headline"))), "")
    if headline:
        titles.append(("jsonld", headline))
    title = next((_text(t.text_content()) for t in tree.xpath("//title") if _text(t.text_content())), "")
    h1 = headline_element(tree, [*titles, ("title", title)] if title else titles)
    if h1 is not None:
        titles.append(("h1", _text(h1.text_content())))
    if title:
        titles.append(("title", title))
    site_names = [meta.get("og:site_name", "")]
    for obj in articles:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            site_names.append(_text(publisher.get("name")))
    site_names += [_text(o.get("name")) for o in objects if "website" in _types(o)]
    site_names.append(meta.get("application-name", ""))
    people: list[str] = []
    organisations: list[str] = []
    persons: list[str] = []
    for obj in articles[:1]:
        for name, kind in _credited(obj.get("author"), by_id):
            if name:
                (organisations if kind == "organisation" else people).append(name)
                if kind == "person":
                    persons.append(name)
    for name in (meta.get("author", ""), meta.get("article:author", "")):
        if name and not re.match(r"https?://", name) and name not in people:
            people.append(name)
    urls = [_text(link.get("href")) for link in tree.xpath('//link[@rel="canonical"][@href]')[:1]]
    urls.append(meta.get("og:url", ""))
    return PageMarkup(
        tuple((w, t[:MAX_TITLE_CHARS]) for w, t in titles),
        tuple(dict.fromkeys(s for s in site_names if s)),
        tuple(dict.fromkeys(people)),
        tuple(dict.fromkeys(organisations)),
        tuple(dict.fromkeys(persons)),
        tuple(dict.fromkeys(u for u in urls if u)),
        headline_bylines(tree, h1),
    )
