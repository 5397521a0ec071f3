"""An HTML page -> date candidates: JSON-LD, meta tags, htmldate and the date printed by the
headline. Pure: a decoded page in.

htmldate is always given a parsed tree, never a string, so it can never mistake a page for a
URL and fetch it. Its extensive search (dates in the page's text when the markup has none) is on
for the published date only. The date printed next to the article's `<h1>` (the byline's "March 5,
2024", a `<time>` under the headline) is a `visible_text` candidate: the first one after the
headline within HEADLINE_AFTER_CHARS characters of visible text, else the last one before it within
HEADLINE_BEFORE_CHARS (both measured, bench/metadata_rules.py). A printed date an update word labels
("Updated", by the words before it or its element's class), or whose day is the page's own
structured `dateModified` and none of its structured published days, is a modified_at candidate.
A date printed anywhere on the page after a word that labels it published ("Published March 9,
2026", "Posted on ...": transforms/data/date_labels.toml) is a `visible_text` candidate too
(`labelled_dates`): the page's first such date when the headline has no printed published date
(an "originally published" date before the headline's is measured too, and off: LABELLED_*).
"""

from __future__ import annotations

import copy
import json
import logging
import re
import tomllib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources
from typing import Any

from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from transforms.dates.article_dates import (
    HTMLDATE,
    JSONLD,
    META,
    VISIBLE_TEXT,
    DateCandidate,
    DateValue,
    Field,
    candidate,
    choose_dates,
    parse_timestamp,
)
from transforms.dates.text_dates import MODIFIED_WORDS, dates_in
from transforms.metadata.page_markup import ARTICLE_TYPES as MARKUP_ARTICLE_TYPES
from transforms.metadata.page_markup import (
    MarkupReads,
    PageMarkup,
    headline_element,
    jsonld_documents,
    markup_reads,
    page_markup,
    visible_pieces,
)

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
        "article:first_published_time",
        "og:published_time",
        "og:publish_date",
        "publish_date",
        "publisheddate",
        "published",
        "date-pub",
        "cxenseparse:publishtime",
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
        "og:modified_time",
        "last-updated",
        "lastmodifieddate",
    ),
}
JSONLD_KEYS: dict[Field, str] = {"published_at": "datePublished", "modified_at": "dateModified"}
# the JSON-LD types whose dates are the article's: page_markup's article types but the postings
# of other kinds, and a plain WebPage too
ARTICLE_TYPES = (MARKUP_ARTICLE_TYPES - {"techarticle", "scholarlyarticle", "posting", "socialmediaposting"}) | {
    "webpage"
}
# The published date with htmldate's extensive search (its markup heuristics first, then dates in
# the page's text): what the best peer does, measured by bench/metadata.py. The latest date (a
# modified_at candidate) stays on the markup alone: a date found in free text is no update stamp.
HTMLDATE_OPTIONS: dict[str, Any] = {"outputformat": "%Y-%m-%d"}
HTMLDATE_EXTENSIVE: dict[Field, bool] = {"published_at": True, "modified_at": False}

MAX_STAMPS = 200  # <time> and stamp-like elements looked at per page
# The date printed by the headline: how far from the <h1> (characters of visible text) a date is
# looked for, after its end and before its start. Chosen on one wcxb half and reported on the other
# (bench/metadata_rules.py, BENCHMARKS.md); HEADLINE_SCAN_CHARS is what the benchmark dumps for it.
HEADLINE_AFTER_CHARS = 300
HEADLINE_BEFORE_CHARS = 50
HEADLINE_SCAN_CHARS = 1000
LABEL_CHARS = 40  # the words before a printed date that can label it ("Last updated:")
DATE_CHARS = 64  # the longest printed date read after a label ("Wednesday, 26 September 2019 at 4:12pm GMT")
# Whether a labelled date ("Published ...", "Originally published ...") is used, and how: wcxb-a's
# choice (bench/metadata_rules.py chooses on one wcxb half, reports on the other; BENCHMARKS.md):
# the first labelled date when the headline has none; an "originally published" date first only
# changed wcxb-b's pages (ties keep the rule without it).
LABELLED_ORIGINAL_FIRST = False
LABELLED_FALLBACK = True
XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.IGNORECASE)

logging.getLogger("htmldate").setLevel(logging.ERROR)


def _tree(html: str) -> lxml_html.HtmlElement | None:
    """The parsed page. An XML declaration naming an encoding (`<?xml version="1.0"
    encoding="utf-8"?>`, XHTML pages) is dropped first: lxml refuses a decoded str that carries
    one, which left such pages without any date candidate."""
    html = XML_DECLARATION.sub("", html, count=1)
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


def jsonld_dates(tree: lxml_html.HtmlElement, reads: MarkupReads | None = None) -> list[DateCandidate]:
    """datePublished / dateModified of the page's article object (an article type first). `reads`:
    the page's `markup_reads(tree)`, when the caller has them already."""
    reads = markup_reads(tree) if reads is None else reads
    objects = jsonld_documents(reads, _objects, (json.JSONDecodeError, RecursionError))
    objects.sort(key=lambda o: not _is_article(o))  # stable: article objects first, page order kept
    found: list[DateCandidate] = []
    for field, key in JSONLD_KEYS.items():
        for obj in objects:
            raw = obj.get(key)
            if isinstance(raw, str) and (c := candidate(field, JSONLD, raw)):
                found.append(c)
                break
    return found


def meta_dates(tree: lxml_html.HtmlElement, reads: MarkupReads | None = None) -> list[DateCandidate]:
    """The first parseable date among the known meta names, per field, in META_DATES order."""
    reads = markup_reads(tree) if reads is None else reads
    contents: dict[str, str] = {}
    for *attributes, content in reads.metas:
        for value in attributes:  # property, name, itemprop, http-equiv
            name = (value or "").strip().lower()
            if name and name not in contents:
                contents[name] = content or ""
    found: list[DateCandidate] = []
    for field, names in META_DATES.items():
        for name in names:
            if name in contents and (c := candidate(field, META, contents[name])):
                found.append(c)
                break
    return found


def _label_of(element: lxml_html.HtmlElement) -> str:
    """What marks an element as a stamp: its class, id and itemprop, and the words just before it."""
    attributes = " ".join(element.get(a) or "" for a in ("class", "id", "itemprop", "name", "property"))
    parent = element.getparent()
    before = ""
    if parent is not None:
        previous = element.getprevious()
        before = (previous.tail if previous is not None else parent.text) or ""
    own = "".join(element.itertext())[:80] if element.tag != "meta" else ""
    return f"{attributes} {before[-40:]} {own[:40]}"


# The parts of a class that mark a stamp, case as written: contains() on the usual spellings (a
# lower-casing translate() over every element was slow)
STAMP_CLASS_PARTS = ("pdated", "odified", "UPDATED", "MODIFIED")


def stamp_elements(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements that may be stamps, in document order: what the XPath `//time |
    //*[@itemprop='dateModified'] | //*[contains(@class, 'pdated') or ...]` (STAMP_CLASS_PARTS)
    selects, in one pass over the document's elements in Python (the XPath's contains() made a
    string of every element's class four times: about three times slower). `//` is the whole
    document: every top-level element, not only the tree's root (a second <html>, wcxb 0310)."""
    found: list[lxml_html.HtmlElement] = []
    for top in tree.xpath("/*"):
        for element in top.iter(etree.Element):
            if (
                element.tag == "time"
                or element.get("itemprop") == "dateModified"
                or ((kind := element.get("class")) and any(part in kind for part in STAMP_CLASS_PARTS))
            ):
                found.append(element)
    return found


def update_stamps(tree: lxml_html.HtmlElement) -> tuple[list[lxml_html.HtmlElement], set[date]]:
    """The page's "Updated" / "Modified" stamps (a <time> or an element marked as one, by its class,
    itemprop or the word before it) and the days they give."""
    elements: list[lxml_html.HtmlElement] = []
    days: set[date] = set()
    for element in stamp_elements(tree)[:MAX_STAMPS]:
        if not MODIFIED_WORDS.search(_label_of(element)):
            continue
        found = [parse_timestamp(element.get(a)) for a in ("datetime", "content")]
        values = [v for v in found if v] or [v for _, _, v in dates_in(" ".join(element.itertext())[:200])]
        if values:
            elements.append(element)
            days |= {v.local_date for v in values}
    return elements, days


@dataclass(frozen=True)
class HeadlineDate:
    """A full date printed near the headline: `offset` is its distance in characters of visible
    text from the <h1> (>= 0 after the headline's end, < 0 before its start)."""

    offset: int
    field: Field  # modified_at when an update word labels it
    value: DateValue
    raw: str


def _visible_pieces(tree: lxml_html.HtmlElement) -> list[tuple[str, lxml_html.HtmlElement]]:
    """The page's visible text in document order (`page_markup.visible_pieces`); a <time> whose
    text is no full date reads as its datetime attribute's day."""
    pieces = []
    for text, owner in visible_pieces(tree):
        if owner.tag == "time" and not dates_in(text) and (value := parse_timestamp(owner.get("datetime"))):
            text = value.local_date.isoformat()
        pieces.append((text, owner))
    return pieces


def _element_label(element: lxml_html.HtmlElement) -> str:
    """The class, id and itemprop of an element and its two ancestors."""
    parts: list[str] = []
    for _ in range(3):
        if element is None:
            break
        parts += [element.get(a) or "" for a in ("class", "id", "itemprop")]
        element = element.getparent()
    return " ".join(parts)


def _dates_of(pieces: list[tuple[str, lxml_html.HtmlElement]]) -> list[tuple[int, HeadlineDate]]:
    """(position in the joined text, date) of the full dates in the pieces, in order."""
    text, starts = "", []
    for piece, owner in pieces:
        starts.append((len(text), owner))
        text += piece + " "
    found: list[tuple[int, HeadlineDate]] = []
    previous_end = 0
    for start, end, value in dates_in(text):
        owner = next(o for s, o in reversed(starts) if s <= start)
        label = text[max(previous_end, start - LABEL_CHARS) : start]
        updated = MODIFIED_WORDS.search(label) or MODIFIED_WORDS.search(_element_label(owner))
        found.append((start, HeadlineDate(0, "modified_at" if updated else "published_at", value, text[start:end])))
        previous_end = end
    return found


def headline_dates(
    tree: lxml_html.HtmlElement,
    titles: Sequence[tuple[str, str]],
    scan: int = HEADLINE_SCAN_CHARS,
    pieces: list[tuple[str, lxml_html.HtmlElement]] | None = None,
) -> list[HeadlineDate]:
    """Every full date printed within `scan` characters of visible text around the headline.
    `pieces`: the tree's `_visible_pieces`, when the caller has them already."""
    headline = headline_element(tree, titles)
    if headline is None:
        return []
    inside = set(headline.iter())
    pieces = _visible_pieces(tree) if pieces is None else pieces
    at = [i for i, (_, owner) in enumerate(pieces) if owner in inside]
    if not at:
        return []
    after = _within(pieces[at[-1] + 1 :], scan)
    before = _within(pieces[: at[0]][::-1], scan)[::-1]
    found = [HeadlineDate(start, d.field, d.value, d.raw) for start, d in _dates_of(after)]
    length = sum(len(t) + 1 for t, _ in before)
    found += [HeadlineDate(start - length, d.field, d.value, d.raw) for start, d in _dates_of(before)]
    return [d for d in found if -scan <= d.offset < scan]


def _within(pieces: list[tuple[str, lxml_html.HtmlElement]], scan: int) -> list[tuple[str, lxml_html.HtmlElement]]:
    """The first pieces whose text reaches `scan` characters."""
    total = 0
    for n, (text, _) in enumerate(pieces):
        total += len(text) + 1
        if total >= scan:
            return pieces[: n + 1]
    return pieces


# "09.10.2024": a printed date of numbers only, whose day and month could be read either way
AMBIGUOUS_NUMERIC = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")


def _read_as(printed: HeadlineDate, published_days: Collection[date]) -> HeadlineDate:
    """A printed date of numbers whose day and month may swap ("09.10.2024": 9 October or September
    10) is read the way the page's structured published date reads it, when that one is the swap."""
    match = AMBIGUOUS_NUMERIC.match(printed.raw)
    day = printed.value.local_date
    if not match or day in published_days or day.day > 12 or day.day == day.month:
        return printed
    swapped = day.replace(month=day.day, day=day.month)
    if swapped not in published_days:
        return printed
    shift = swapped - day
    value = replace(printed.value, value=printed.value.value + shift, local_date=swapped)
    return replace(printed, value=value)


def headline_candidates(
    dates: Sequence[HeadlineDate],
    structured: Sequence[DateCandidate],
    after: int = HEADLINE_AFTER_CHARS,
    before: int = HEADLINE_BEFORE_CHARS,
) -> list[DateCandidate]:
    """The headline's published date (the first after it within `after` characters, else the last
    before it within `before`) and its first update stamp, as visible_text candidates. A printed day
    that the structured markup gives as modified and never as published is a modification."""
    published_days = {c.value.local_date for c in structured if c.field == "published_at"}
    modified_days = {c.value.local_date for c in structured if c.field == "modified_at"} - published_days
    near = [_read_as(d, published_days) for d in dates if 0 <= d.offset < after or -before <= d.offset < 0]
    fields = [
        "modified_at" if d.field == "modified_at" or d.value.local_date in modified_days else "published_at"
        for d in near
    ]
    published = [d for d, f in zip(near, fields, strict=True) if f == "published_at"]
    chosen = [d for d in published if d.offset >= 0][:1] or [d for d in published if d.offset < 0][-1:]
    updates = [d for d, f in zip(near, fields, strict=True) if f == "modified_at" and d.field == "modified_at"]
    return [DateCandidate("published_at", VISIBLE_TEXT, d.value, d.raw) for d in chosen] + [
        DateCandidate("modified_at", VISIBLE_TEXT, d.value, d.raw) for d in updates[:1]
    ]


DATE_LABELS = tomllib.loads(resources.files("transforms.data").joinpath("date_labels.toml").read_text("utf-8"))
ORIGINAL_LABEL, PUBLISHED_LABEL = (
    re.compile("|".join(f"(?:{w})" for w in DATE_LABELS[kind]), re.IGNORECASE) for kind in ("original", "published")
)
LABEL_STEMS: tuple[str, ...] = tuple(DATE_LABELS["stems"])


@dataclass(frozen=True)
class LabelledDate:
    """A full date printed on the page after a word that labels it published; `original` when the
    label says it was the first publication ("originally published", "first posted")."""

    original: bool
    value: DateValue
    raw: str


def _labels(text: str) -> list[re.Match[str]]:
    """The PUBLISHED_LABEL matches in the text, in order: the patterns are only tried where the
    lower-cased text has one of LABEL_STEMS."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): positions would shift
        return list(PUBLISHED_LABEL.finditer(text))
    starts: set[int] = set()
    for stem in LABEL_STEMS:
        at = lower.find(stem)
        while at >= 0:
            starts.add(at)
            at = lower.find(stem, at + 1)
    return [m for at in sorted(starts) if (m := PUBLISHED_LABEL.match(text, at))]


def labelled_dates(
    tree: lxml_html.HtmlElement, pieces: list[tuple[str, lxml_html.HtmlElement]] | None = None
) -> list[LabelledDate]:
    """The full dates of the page's visible text, in order, that follow a word labelling them
    published within LABEL_CHARS, with no update word or other date in between (nor in the words
    just before the label: "Updated and republished on ..."). Only the text
    after each label is read for dates (reading a whole page's text for dates costs ~50 ms).
    `pieces`: the tree's `_visible_pieces`, when the caller has them already."""
    pieces = _visible_pieces(tree) if pieces is None else pieces
    text = "".join(piece + " " for piece, _ in pieces)
    found: dict[int, LabelledDate] = {}
    for label in _labels(text):
        after = text[label.start() : label.end() + LABEL_CHARS + DATE_CHARS]
        dates = dates_in(after)
        first = dates[0] if dates else None
        if (
            first is None
            or first[0] < label.end() - label.start()
            or first[0] > label.end() - label.start() + LABEL_CHARS
        ):
            continue
        # the label's words: from the last number before it (a date before it ends there) to the date
        before = re.split(r"\d", text[max(0, label.start() - LABEL_CHARS) : label.start()])[-1]
        words = before + after[: first[0]]
        if MODIFIED_WORDS.search(words) or label.start() + first[0] in found:
            continue
        original = ORIGINAL_LABEL.search(words)
        found[label.start() + first[0]] = LabelledDate(bool(original), first[2], after[first[0] : first[1]])
    return [found[start] for start in sorted(found)]


def labelled_candidates(
    labelled: Sequence[LabelledDate],
    printed: Sequence[DateCandidate],
    original_first: bool = LABELLED_ORIGINAL_FIRST,
    fallback: bool = LABELLED_FALLBACK,
) -> list[DateCandidate]:
    """The headline's printed candidates with the page's labelled date: an "originally published"
    date before them (`original_first`: the first printed date is the one the choice reads), else
    the first labelled date after them when none of them is a published date (`fallback`)."""
    original = next((d for d in labelled if d.original), None)
    if original_first and original is not None:
        return [DateCandidate("published_at", VISIBLE_TEXT, original.value, original.raw), *printed]
    if fallback and labelled and not any(c.field == "published_at" for c in printed):
        return [*printed, DateCandidate("published_at", VISIBLE_TEXT, labelled[0].value, labelled[0].raw)]
    return list(printed)


def _htmldate(tree: lxml_html.HtmlElement, field: Field, url: str | None) -> DateCandidate | None:
    try:
        raw = find_date(  # a tree: never fetched
            tree,
            url=url,
            original_date=field == "published_at",
            extensive_search=HTMLDATE_EXTENSIVE[field],
            **HTMLDATE_OPTIONS,
        )
    except (ValueError, TypeError, RecursionError):
        raw = None
    return candidate(field, HTMLDATE, raw) if raw else None


def htmldate_published(
    tree: lxml_html.HtmlElement, url: str | None = None, published_days: Collection[date] = ()
) -> DateCandidate | None:
    """htmldate's original date (published), its day. An original date that is the day of an
    "Updated" stamp is no publication date: htmldate is asked again without the page's update
    stamps, and gives nothing when that is all it finds. A day the markup's own published dates
    give (`published_days`) is not looked into (the page says so)."""
    published = _htmldate(tree, "published_at", url)
    if published is not None and published.value.local_date not in published_days:
        stamps, updated_days = update_stamps(tree)
        if published.value.local_date in updated_days:
            pruned = copy.deepcopy(tree)
            for element in update_stamps(pruned)[0]:
                element.drop_tree()
            published = _htmldate(pruned, "published_at", url)
            if published is not None and published.value.local_date in updated_days:
                published = None
    return published


def htmldate_dates(
    tree: lxml_html.HtmlElement, url: str | None = None, published_days: Collection[date] = ()
) -> list[DateCandidate]:
    """htmldate's original date (published, `htmldate_published`) and latest date (modified), days only."""
    published = htmldate_published(tree, url, published_days)
    modified = _htmldate(tree, "modified_at", url)
    return [c for c in (published, modified) if c is not None]


def htmldate_can_change(field: Field, before: Sequence[DateCandidate], after: Sequence[DateCandidate]) -> bool:
    """Whether an htmldate candidate for `field`, standing between `before` and `after` in the
    document's candidate list, can change what `choose_dates` picks (published and modified: day,
    instant and source), whatever day it gives or none: it is tried on every day that can make a
    difference (`_probe_days`). Read without a fetch time (no candidate dropped as later than the
    fetch: htmldate itself gives no day after today)."""

    def choice(probe: Sequence[DateCandidate]) -> tuple[object, object]:
        chosen = choose_dates([*before, *probe, *after], None)
        return chosen.published, chosen.modified

    known = choice(())
    for day in _probe_days({c.value.local_date for c in (*before, *after)}):
        probe = candidate(field, HTMLDATE, day.isoformat())
        if probe is not None and choice((probe,)) != known:
            return True
    return False


def _fresh(day: date, step: timedelta, days: Collection[date]) -> date | None:
    """The first day from `day` on, going by `step`, that is none of `days` (None: off the calendar)."""
    try:
        while day in days:
            day += step
    except OverflowError:
        return None
    return day


def _probe_days(days: Collection[date]) -> list[date]:
    """The days an htmldate answer is tried on: every day given, and beside each the nearest day on
    either side that is none of them, and the first such day of the dates kept (1900 on). The choice
    reads a day only by which candidates give it, how it stands to the published day (before, on,
    after) and whether it is before 1900: these days cover every case."""
    probes = set(days)
    for day in days:
        for step in (timedelta(days=-1), timedelta(days=1)):
            try:
                nearest = _fresh(day + step, step, days)
            except OverflowError:
                continue
            if nearest is not None:
                probes.add(nearest)
    first_kept = _fresh(date(1900, 1, 2), timedelta(days=1), days)
    return sorted(probes | ({first_kept} if first_kept else set()))


def page_date_candidates(html: str) -> tuple[DateCandidate, ...]:
    """Every date candidate the page's markup offers: JSON-LD, meta tags, htmldate."""
    return page_candidates(html)[0]


def page_candidates(
    html: str,
    url: str | None = None,
    tree: lxml_html.HtmlElement | None = None,
    later: Sequence[DateCandidate] | None = None,
) -> tuple[tuple[DateCandidate, ...], PageMarkup | None]:
    """The page parsed once: its date candidates (JSON-LD, meta tags, htmldate) and what else its
    markup says (titles, site names, credits, URLs: `transforms.metadata.page_markup`). `tree`: the
    page already parsed (the HTML path gives trafilatura's tree, `page_tree`), read and never
    changed here (htmldate cleans a copy of what it is given); else the page is parsed here.

    `later`: the candidates the document will have after these (the date in its URL, the dates
    printed in its text: `transforms.html.pages.later_date_candidates`). Given them, htmldate is
    only asked for a field when its answer can change the chosen dates (`htmldate_can_change`):
    its published date, then its latest date. Its answers are the costly part of a page's dates
    (bench/extraction_cost.py); without `later`, htmldate is always asked. A sidecar's dates and URL
    (known only at ingest) are not among `later`: with one, the choice can differ from the one read
    here, and an htmldate answer skipped here could have counted."""
    tree = _tree(html) if tree is None else tree
    if tree is None:
        return (), None
    # the tree's meta tags, JSON-LD and visible text read once for all their readers, all before
    # htmldate (which may clean the tree it is given)
    reads = markup_reads(tree)
    markup = page_markup(tree, reads)
    structured = jsonld_dates(tree, reads) + meta_dates(tree, reads)
    pieces = _visible_pieces(tree)
    printed = headline_candidates(headline_dates(tree, markup.titles, pieces=pieces), structured)
    printed = labelled_candidates(labelled_dates(tree, pieces), printed)
    published_days = {c.value.local_date for c in structured if c.field == "published_at"}
    if later is None:
        return tuple(structured + htmldate_dates(tree, url, published_days) + printed), markup
    after = [*printed, *later]
    found = list(structured)
    if htmldate_can_change("published_at", found, after) and (
        published := htmldate_published(tree, url, published_days)
    ):
        found.append(published)
    if htmldate_can_change("modified_at", found, after) and (modified := _htmldate(tree, "modified_at", url)):
        found.append(modified)
    return tuple(found + printed), markup
