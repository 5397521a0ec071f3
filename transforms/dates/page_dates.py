"""An HTML page -> date candidates: JSON-LD, meta tags and htmldate. Pure: a decoded page in.

htmldate is always given a parsed tree, never a string, so it can never mistake a page for a
URL and fetch it; `extensive_search=False` keeps it off free-text guessing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from htmldate import find_date
from lxml import html as lxml_html

from transforms.dates.article_dates import HTMLDATE, JSONLD, META, DateCandidate, Field, candidate

# <meta> names (name=, property= or itemprop=, case-insensitive) that carry a date, per field.
META_DATES: dict[Field, tuple[str, ...]] = {
    "published_at": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "publish-date",
        "publishdate",
        "pubdate",
        "publication_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "article.published",
    ),
    "modified_at": (
        "article:modified_time",
        "og:updated_time",
        "og:article:modified_time",
        "datemodified",
        "last-modified",
        "dc.date.modified",
        "dcterms.modified",
        "article.updated",
        "lastmod",
    ),
}
JSONLD_KEYS: dict[Field, str] = {"published_at": "datePublished", "modified_at": "dateModified"}
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
        "webpage",
        "liveblogposting",
    }
)
HTMLDATE_OPTIONS: dict[str, Any] = {"extensive_search": False, "outputformat": "%Y-%m-%d"}

logging.getLogger("htmldate").setLevel(logging.ERROR)


def _tree(html: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError, lxml_html.etree.XMLSyntaxError):
        return None


def _objects(value: object) -> Iterator[dict]:
    """Every JSON object in a JSON-LD document, @graph and nested lists included."""
    if isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            yield from _objects(value.get(key))
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _is_article(obj: dict) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds)


def jsonld_dates(tree: lxml_html.HtmlElement) -> list[DateCandidate]:
    """datePublished / dateModified of the page's article object (an article type first)."""
    objects: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            objects += list(_objects(json.loads(script.text_content() or "null")))
        except (json.JSONDecodeError, RecursionError):
            continue
    objects.sort(key=lambda o: not _is_article(o))  # stable: article objects first, page order kept
    found: list[DateCandidate] = []
    for field, key in JSONLD_KEYS.items():
        for obj in objects:
            raw = obj.get(key)
            if isinstance(raw, str) and (c := candidate(field, JSONLD, raw)):
                found.append(c)
                break
    return found


def meta_dates(tree: lxml_html.HtmlElement) -> list[DateCandidate]:
    """The first parseable date among the known meta names, per field, in META_DATES order."""
    contents: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            name = (meta.get(attribute) or "").strip().lower()
            if name and name not in contents:
                contents[name] = meta.get("content") or ""
    found: list[DateCandidate] = []
    for field, names in META_DATES.items():
        for name in names:
            if name in contents and (c := candidate(field, META, contents[name])):
                found.append(c)
                break
    return found


def htmldate_dates(tree: lxml_html.HtmlElement) -> list[DateCandidate]:
    """htmldate's original date (published) and latest date (modified), days only."""
    found: list[DateCandidate] = []
    for field, original in (("published_at", True), ("modified_at", False)):
        try:
            raw = find_date(tree, original_date=original, **HTMLDATE_OPTIONS)  # a tree: never fetched
        except (ValueError, TypeError, RecursionError):
            raw = None
        if raw and (c := candidate(field, HTMLDATE, raw)):  # type: ignore[arg-type]
            found.append(c)
    return found


def page_date_candidates(html: str) -> tuple[DateCandidate, ...]:
    """Every date candidate the page's markup offers: JSON-LD, meta tags, htmldate."""
    tree = _tree(html)
    if tree is None:
        return ()
    return tuple(jsonld_dates(tree) + meta_dates(tree) + htmldate_dates(tree))
