"""A page's meta tags, JSON-LD and visible text read once for all their readers (issue 15's cost
point: `page_markup.markup_reads`, the pieces `page_candidates` passes to the headline's and the
labelled dates) give what each reader found reading the tree itself, as before: the readers' old
code is kept here and compared on made-up pages and shared pages."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

import transforms.dates.page_dates as page_dates
import transforms.metadata.page_markup as page_markup_module
from tests.conftest import sample_pages
from transforms.dates.article_dates import META, DateCandidate, candidate
from transforms.dates.page_dates import (
    JSONLD_KEYS,
    META_DATES,
    _visible_pieces,
    headline_dates,
    jsonld_dates,
    labelled_dates,
    meta_dates,
    page_candidates,
)
from transforms.documents.decoding import decode_html
from transforms.html.trafilatura_extraction import page_tree
from transforms.metadata.page_markup import _meta, _text, jsonld_objects, markup_reads, page_markup

PAGES_PER_SET = 25
JSONLD = '<script type="application/ld+json">{}</script>'
DEEP = "[" * 100_000 + "]" * 100_000
HUGE_INT = '{"@type": "NewsArticle", "datePublished": "2024-03-05", "n": ' + "1" * 5000 + "}"
MADE_UP = [
    "<html><head><title>T</title></head><body><p>no markup</p></body></html>",
    "<html><head>"
    '<meta property="og:title" content="  A   title "><meta name="OG:Title" content="second">'
    '<meta itemprop="datePublished" content="2024-03-05T10:00:00Z"><meta http-equiv="date" content="2023-01-02">'
    '<meta name="author" property="article:author" content="Ann Author"><meta content="no name">'
    '<meta name="date" content=""><meta name="  DC.date  " content="2022-02-02">'
    + JSONLD.format(
        '{"@graph": [{"@type": "NewsArticle", "headline": "H", "datePublished": "2024-03-04",'
        ' "dateModified": "2024-03-06", "author": {"@id": "#a"}, "publisher": {"name": "Pub"}},'
        ' {"@id": "#a", "@type": "Person", "name": "Bea"}]}'
    )
    + JSONLD.format('{"itemListElement": [{"@type": "WebSite", "name": "Site"}], "@type": "ItemList"}')
    + JSONLD.format("not json")
    + JSONLD.format(DEEP)
    + '<script type="APPLICATION/LD+JSON">{"@type": "WebPage", "datePublished": "2020-01-01"}</script>'
    + "</head><body><h1>H</h1><p>By <a href='/authors/bea'>Bea</a>, March 5, 2024</p>"
    "<p>Published on 4 March 2024. <time datetime='2024-03-03'>yesterday</time></p></body></html>",
]


def _old_meta(tree: lxml_html.HtmlElement) -> dict[str, str]:
    contents: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        for attribute in ("property", "name", "itemprop"):
            name = (meta.get(attribute) or "").strip().lower()
            if name and name not in contents:
                contents[name] = _text(meta.get("content"))
    return contents


def _old_jsonld_objects(tree: lxml_html.HtmlElement) -> list[dict]:
    objects: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            objects += list(page_markup_module._objects(json.loads(script.text_content() or "null")))
        except (json.JSONDecodeError, RecursionError, ValueError):
            continue
    return objects


def _old_jsonld_dates(tree: lxml_html.HtmlElement) -> list[DateCandidate]:
    objects: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            objects += list(page_dates._objects(json.loads(script.text_content() or "null")))
        except (json.JSONDecodeError, RecursionError):
            continue
    objects.sort(key=lambda o: not page_dates._is_article(o))
    found: list[DateCandidate] = []
    for field, key in JSONLD_KEYS.items():
        for obj in objects:
            raw = obj.get(key)
            if isinstance(raw, str) and (c := candidate(field, page_dates.JSONLD, raw)):
                found.append(c)
                break
    return found


def _old_meta_dates(tree: lxml_html.HtmlElement) -> list[DateCandidate]:
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


def _trees() -> list[lxml_html.HtmlElement]:
    trees = [lxml_html.fromstring(h) for h in MADE_UP]
    for path in sample_pages(PAGES_PER_SET):
        if (tree := page_tree(decode_html(path.read_bytes()).text or "")) is not None:
            trees.append(tree)
    return trees


def test_each_reader_finds_what_it_found_reading_the_tree() -> None:
    trees = _trees()
    assert len(trees) > 60
    for tree in trees:
        reads = markup_reads(tree)
        assert _meta(tree, reads) == _meta(tree) == _old_meta(tree)
        assert jsonld_objects(tree, reads) == jsonld_objects(tree) == _old_jsonld_objects(tree)
        assert jsonld_dates(tree, reads) == jsonld_dates(tree) == _old_jsonld_dates(tree)
        assert meta_dates(tree, reads) == meta_dates(tree) == _old_meta_dates(tree)


def test_the_made_up_page_is_read_through() -> None:
    tree = lxml_html.fromstring(MADE_UP[1])
    reads = markup_reads(tree)
    assert len(reads.metas) == 8 and len(reads.scripts) == 5
    assert {"og:title": "A title", "author": "Ann Author"}.items() <= _meta(tree, reads).items()
    assert [c.raw for c in jsonld_dates(tree, reads)] == ["2024-03-04", "2024-03-06"]
    markup = page_markup(tree, reads)
    assert markup.people == ("Bea", "Ann Author") and "Site" in markup.site_names


def test_a_script_json_refuses_past_the_digit_limit_is_skipped_or_raised_as_before() -> None:
    """json.loads raises a plain ValueError on an integer of more than 4300 digits: page_markup
    skipped the script, jsonld_dates did not catch it (a page error), both as before."""
    tree = lxml_html.fromstring(f"<html><head>{JSONLD.format(HUGE_INT)}</head><body></body></html>")
    assert jsonld_objects(tree, markup_reads(tree)) == _old_jsonld_objects(tree) == []
    with pytest.raises(ValueError, match="digits"):
        _old_jsonld_dates(tree)
    with pytest.raises(ValueError, match="digits"):
        jsonld_dates(tree, markup_reads(tree))


def test_pieces_passed_in_are_the_ones_read_from_the_tree() -> None:
    for tree in _trees():
        markup = page_markup(tree)
        pieces = _visible_pieces(tree)
        assert headline_dates(tree, markup.titles, pieces=pieces) == headline_dates(tree, markup.titles)
        assert labelled_dates(tree, pieces) == labelled_dates(tree)


def test_page_candidates_as_with_each_reader_reading_the_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole page's dates and markup, with the reads shared and with every reader reading the
    tree itself (the old readers put back)."""
    trees = _trees()
    shared = [page_candidates("", tree=tree, later=[]) for tree in trees]
    monkeypatch.setattr(page_dates, "jsonld_dates", lambda tree, reads=None: _old_jsonld_dates(tree))
    monkeypatch.setattr(page_dates, "meta_dates", lambda tree, reads=None: _old_meta_dates(tree))
    monkeypatch.setattr(page_markup_module, "_meta", lambda tree, reads=None: _old_meta(tree))
    monkeypatch.setattr(page_markup_module, "jsonld_objects", lambda tree, reads=None: _old_jsonld_objects(tree))
    assert [page_candidates("", tree=tree, later=[]) for tree in trees] == shared
    assert sum(bool(dates) for dates, _ in shared) > 40
