"""Dates from an HTML page's markup: JSON-LD, meta tags, htmldate (never fetching)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.dates.page_dates import page_date_candidates


def _found(html: str) -> list[tuple[str, str, datetime, str]]:
    return [(c.field, c.source, c.value.value, c.value.precision) for c in page_date_candidates(html)]


def test_jsonld_dates_of_the_article_object() -> None:
    html = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "datePublished": "2001-01-01"},
      {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+09:00",
       "dateModified": "2024-03-05T12:00:00+09:00"}
    ]}</script></head><body><p>Text.</p></body></html>"""
    found = [f for f in _found(html) if f[1] == "jsonld"]
    assert found == [
        ("published_at", "jsonld", datetime(2024, 3, 5, 1, 0, tzinfo=UTC), "time"),
        ("modified_at", "jsonld", datetime(2024, 3, 5, 3, 0, tzinfo=UTC), "time"),
    ]


def test_meta_tags_for_published_and_modified() -> None:
    html = """<html><head>
    <meta property="article:published_time" content="2024-03-05T08:30:00Z">
    <meta property="og:updated_time" content="2024-03-06T09:00:00+00:00">
    </head><body><p>Text.</p></body></html>"""
    found = [f for f in _found(html) if f[1] == "meta"]
    assert found == [
        ("published_at", "meta", datetime(2024, 3, 5, 8, 30, tzinfo=UTC), "time"),
        ("modified_at", "meta", datetime(2024, 3, 6, 9, 0, tzinfo=UTC), "time"),
    ]


@pytest.mark.parametrize(
    "name",
    ['name="DC.date"', 'name="date"', 'itemprop="datePublished"', 'name="pubdate"', 'property="og:published_time"'],
)
def test_other_published_meta_names(name) -> None:
    html = f'<html><head><meta {name} content="2024-03-05"></head><body><p>Text.</p></body></html>'
    assert ("published_at", "meta", datetime(2024, 3, 5, tzinfo=UTC), "date") in _found(html)


def test_htmldate_finds_a_date_the_markup_shows_only_in_the_page() -> None:
    html = """<html><head><title>Story</title></head><body>
    <div class="byline"><time datetime="2024-03-05">5 March 2024</time></div>
    <p>The council voted to rebuild the wall.</p></body></html>"""
    found = _found(html)
    assert ("published_at", "htmldate", datetime(2024, 3, 5, tzinfo=UTC), "date") in found
    assert not [f for f in found if f[1] in ("jsonld", "meta")]


def test_a_page_without_dates_gives_none_and_a_url_like_page_is_never_fetched() -> None:
    assert _found("<html><body><p>No dates here at all.</p></body></html>") == []
    # htmldate fetches a string that looks like a URL; page_date_candidates parses it as markup
    assert page_date_candidates("http://127.0.0.1:9/never-fetched") == ()


def test_broken_jsonld_is_skipped() -> None:
    html = """<html><head><script type="application/ld+json">{"datePublished": </script>
    <meta name="date" content="2024-03-05"></head><body><p>Text.</p></body></html>"""
    assert [f[1] for f in _found(html) if f[0] == "published_at"][:1] == ["meta"]


def test_a_page_with_an_xml_declaration_gets_its_candidates() -> None:
    """lxml refuses a str that declares an encoding: such pages used to get no candidate at all."""
    html = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta property="article:published_time" content="2024-03-05T10:00:00+09:00" />
</head><body><p>Text.</p></body></html>"""
    assert ("published_at", "meta", datetime(2024, 3, 5, 1, 0, tzinfo=UTC), "time") in _found(html)


def test_an_updated_stamp_is_never_the_published_date() -> None:
    """htmldate alone takes the "Updated" <time> for the original date; asked again without the
    update stamps it finds the publication day, and the update stays a modified_at candidate."""
    html = """<html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>
    <div class="meta"><span class="updated">Updated
    <time datetime="2024-03-09T10:00:00Z">March 9, 2024</time></span></div>
    <p>Published March 5, 2024</p><p>The harbour wall gave way on Tuesday night, the council said.</p>
    </article></body></html>"""
    every = page_date_candidates(html)
    found = [(c.field, c.value.local_date.isoformat()) for c in every if c.source == "htmldate"]
    assert ("published_at", "2024-03-09") not in found
    assert found == [("published_at", "2024-03-05"), ("modified_at", "2024-03-09")]
    printed = [(c.field, c.value.local_date.isoformat()) for c in every if c.source == "visible_text"]
    assert printed == [("published_at", "2024-03-05"), ("modified_at", "2024-03-09")]


def test_a_page_whose_only_date_is_an_update_gives_no_published_date() -> None:
    html = """<html><body><article><h1>Harbour wall</h1>
    <p class="byline">By Jane Doe. Last updated: <time datetime="2024-03-09T10:00:00Z">March 9, 2024</time></p>
    <p>The harbour wall gave way on Tuesday night, the council said.</p></article></body></html>"""
    assert {c.field for c in page_date_candidates(html)} == {"modified_at"}


def test_a_page_with_its_url_is_parsed_without_touching_the_network(monkeypatch) -> None:
    """htmldate gets the page's URL (for the date in it) and a parsed tree: it never fetches."""
    import socket

    from transforms.dates.page_dates import page_candidates

    def refuse(*args, **kwargs):
        raise AssertionError(f"network touched: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    html = (
        "<html><body><article><h1>Harbour wall</h1><p>The wall gave way, the council said.</p></article></body></html>"
    )
    dates, markup = page_candidates(html, "https://www.example.com/news/2024/03/05/harbour-wall")
    assert [(c.source, c.value.local_date.isoformat()) for c in dates if c.field == "published_at"] == [
        ("htmldate", "2024-03-05")
    ]
    assert markup is not None and markup.titles == (("h1", "Harbour wall"),)


def _printed(html: str) -> list[tuple[str, str]]:
    return [(c.field, c.value.local_date.isoformat()) for c in page_date_candidates(html) if c.source == "visible_text"]


def test_the_date_printed_under_the_headline_is_a_candidate() -> None:
    html = """<html><head><meta property="article:published_time" content="2019-01-05T08:00:00Z"></head>
    <body><header><h1>Harbour wall rebuilt</h1><p class="byline">By Jane Doe | 12 March 2024</p></header>
    <p>The harbour wall gave way on Tuesday night, the council said, and was rebuilt.</p></body></html>"""
    assert _printed(html) == [("published_at", "2024-03-12")]


def test_the_headline_is_the_h1_another_title_names_not_the_logo() -> None:
    """A logo in an <h1> comes first; the dates by it (a sidebar's) are not the article's."""
    html = """<html><head><title>Harbour wall rebuilt | The Gazette</title></head><body>
    <h1>The Gazette</h1><p>Latest: Council meets, 2 January 2024</p>
    <main><h1>Harbour wall rebuilt</h1><time datetime="2024-03-12T09:00:00+01:00">Tuesday</time>
    <p>The harbour wall gave way on Tuesday night, the council said.</p></main></body></html>"""
    # the <time> text is no full date: its datetime attribute is read
    assert _printed(html) == [("published_at", "2024-03-12")]


def test_a_date_far_from_the_headline_is_not_taken() -> None:
    filler = "The harbour wall gave way on Tuesday night, the council said. " * 8  # over 300 characters
    html = f"""<html><body><h1>Harbour wall rebuilt</h1><p>{filler}</p>
    <aside><p>Related: Storm hits the coast, 2 January 2024</p></aside></body></html>"""
    assert _printed(html) == []


def test_a_printed_day_the_markup_gives_as_modified_is_no_publication_date() -> None:
    """Pages that print only their last update under the headline, no word saying so: the JSON-LD
    says it is dateModified, so it is a modification, never the published day."""
    html = """<html><head><script type="application/ld+json">{"@type": "Article",
    "datePublished": "2021-06-01T10:00:00Z", "dateModified": "2024-03-12T10:00:00Z"}</script></head>
    <body><h1>Harbour wall rebuilt</h1><p>Jane Doe · March 12, 2024</p>
    <p>The harbour wall gave way on Tuesday night, the council said.</p></body></html>"""
    assert _printed(html) == []  # labelled by the markup only: not a printed update stamp either
    found = page_date_candidates(html)
    from transforms.dates.article_dates import choose_dates

    assert choose_dates(found, None).published.value.local_date.isoformat() == "2021-06-01"


def test_an_updated_label_or_class_makes_a_printed_date_a_modification() -> None:
    html = """<html><body><h1>Harbour wall rebuilt</h1>
    <p>Updated: March 12, 2024</p><p class="post-modified">March 13, 2024</p><p>Posted March 5, 2024</p>
    <p>The harbour wall gave way on Tuesday night, the council said.</p></body></html>"""
    assert _printed(html) == [("published_at", "2024-03-05"), ("modified_at", "2024-03-12")]


@pytest.mark.parametrize(
    ("structured", "printed"),
    [
        ("2024-09-10T16:07:00Z", "2024-09-10"),  # the markup reads it as September 10: so is the printed one
        ("2024-10-09T16:07:00Z", "2024-10-09"),  # the markup agrees with the day-first reading
        ("2023-01-05T16:07:00Z", "2024-10-09"),  # the markup says neither: read as printed (day first)
    ],
)
def test_a_numeric_date_that_reads_either_way_is_read_as_the_markup_reads_it(structured, printed) -> None:
    """ "09.10.2024" under the headline of an American page whose JSON-LD says 2024-09-10."""
    html = f"""<html><head><script type="application/ld+json">{{"@type": "Article",
    "datePublished": "{structured}"}}</script></head>
    <body><h1>Harbour wall rebuilt</h1><p>Jane Doe · 09.10.2024</p>
    <p>The harbour wall gave way on Tuesday night, the council said.</p></body></html>"""
    assert _printed(html) == [("published_at", printed)]


FILLER = "The harbour wall gave way on Tuesday night, the council said. " * 8  # over 300 characters


def test_a_date_the_page_labels_published_far_from_the_headline_is_a_candidate() -> None:
    html = f"""<html><body><h1>Harbour wall rebuilt</h1><p>{FILLER}</p>
    <div class="article-footer">Published <time>March 9, 2026</time></div>
    <section class="comments"><p>Posted on March 11, 2026 by a reader</p></section></body></html>"""
    assert _printed(html) == [("published_at", "2026-03-09")]  # the first labelled date only


def test_an_unlabelled_or_updated_date_far_from_the_headline_is_not_taken() -> None:
    html = f"""<html><body><h1>Harbour wall rebuilt</h1><p>{FILLER}</p>
    <p>Last updated: March 12, 2024</p><aside><p>Related: Storm hits the coast, 2 January 2024</p></aside>
    </body></html>"""
    assert _printed(html) == []


def test_a_labelled_date_does_not_displace_the_headline_date() -> None:
    html = f"""<html><body><h1>Harbour wall rebuilt</h1><p class="byline">By Jane Doe | 12 March 2024</p>
    <p>{FILLER}</p><p>Published in print on 14 March 2024</p></body></html>"""
    assert _printed(html) == [("published_at", "2024-03-12")]


def test_an_originally_published_date_comes_before_the_headline_date_when_asked() -> None:
    """A page that prints its last revision by the headline (no word saying so) and its first
    publication under the article. Shipped: the headline's date (LABELLED_ORIGINAL_FIRST is off,
    measured); with original_first the first publication is the published date."""
    from transforms.dates.article_dates import choose_dates
    from transforms.dates.page_dates import _tree, labelled_candidates, labelled_dates

    html = f"""<html><body><h1>Harbour wall rebuilt</h1><p class="byline">30 Sep 2022, 11:07am</p>
    <p>{FILLER}</p><p class="disclaimer">This article was originally published on 26 Sep 2019 at 4:12pm
    but has been regularly updated.</p></body></html>"""
    assert _printed(html) == [("published_at", "2022-09-30")]
    page = [c for c in page_date_candidates(html) if c.source != "visible_text"]
    printed = [c for c in page_date_candidates(html) if c.source == "visible_text"]
    tree = _tree(html)
    assert tree is not None
    first = labelled_candidates(labelled_dates(tree), printed, original_first=True)
    assert [c.value.local_date.isoformat() for c in first] == ["2019-09-26", "2022-09-30"]
    assert choose_dates(page + first, None).published.value.local_date.isoformat() == "2019-09-26"


@pytest.mark.parametrize(
    ("label", "day", "original"),
    [
        ("Publié le 5 mars 2024", "2024-03-05", False),
        ("Veröffentlicht am 5. März 2024", "2024-03-05", False),
        ("First posted: 2024-03-05", "2024-03-05", True),
        ("Published Mar 1, 2024 · Updated March 5, 2024", "2024-03-01", False),  # the update is not taken
        ("Updated and published again on March 5, 2024", None, False),
        ("Updated Mar 1, 2024 · Published March 5, 2024", "2024-03-05", False),  # the update word labels Mar 1
        ("Published by the council, which met for the whole day on March 5, 2024", None, False),  # too far
    ],
)
def test_labelled_dates_read_the_label_before_the_date(label, day, original) -> None:
    from transforms.dates.page_dates import _tree, labelled_dates

    tree = _tree(f"<html><body><h1>Harbour wall rebuilt</h1><p>İstanbul. {FILLER}</p><p>{label}</p></body></html>")
    assert tree is not None
    found = [(d.value.local_date.isoformat(), d.original) for d in labelled_dates(tree)]
    assert found == ([(day, original)] if day else [])
