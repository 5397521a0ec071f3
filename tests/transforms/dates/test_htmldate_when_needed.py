"""htmldate is asked only when its answer can change the chosen dates (issue 15's cost point):
`page_dates.htmldate_can_change` and `page_candidates(..., later=...)`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import ROOT
from transforms.dates import page_dates
from transforms.dates.article_dates import HTMLDATE, JSONLD, META, DateCandidate, candidate, choose_dates
from transforms.frames.normalise import ParsedDocument, _date_candidates
from transforms.html.pages import later_date_candidates, parse_html_page

FIXTURES = ROOT / "tests" / "fixtures" / "html"
SEEN_AT = datetime(2026, 11, 1, tzinfo=UTC)


def _c(field: str, source: str, raw: str) -> DateCandidate:
    found = candidate(field, source, raw)  # type: ignore[arg-type]
    assert found is not None
    return found


def test_agreeing_markup_leaves_htmldate_nothing_to_change() -> None:
    both = [_c("published_at", JSONLD, "2024-03-05T10:00:00Z"), _c("published_at", META, "2024-03-05T10:00:00Z")]
    assert not page_dates.htmldate_can_change("published_at", both, [])
    # one structured date: a day htmldate adds has one source too, and the first source's day wins the tie
    assert not page_dates.htmldate_can_change("published_at", both[:1], [])


def test_disagreeing_markup_or_none_lets_htmldate_decide() -> None:
    split = [_c("published_at", JSONLD, "2024-03-05"), _c("published_at", META, "2024-03-07")]
    assert page_dates.htmldate_can_change("published_at", split, [])  # its vote breaks the tie for 7 March
    assert page_dates.htmldate_can_change("published_at", [], [])
    assert page_dates.htmldate_can_change("modified_at", [], [])


def test_modified_search_only_without_a_usable_structured_modification() -> None:
    published = _c("published_at", JSONLD, "2024-03-05T10:00:00Z")
    later = _c("modified_at", JSONLD, "2024-03-06T10:00:00Z")
    earlier = _c("modified_at", META, "2024-03-01T10:00:00Z")  # before the publication: dropped
    assert not page_dates.htmldate_can_change("modified_at", [published, later], [])
    assert page_dates.htmldate_can_change("modified_at", [published, earlier], [])


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    real = page_dates._htmldate

    def recorded(tree, field, url):  # type: ignore[no-untyped-def]
        asked.append(field)
        return real(tree, field, url)

    monkeypatch.setattr(page_dates, "_htmldate", recorded)
    return asked


def test_a_page_whose_markup_settles_both_dates_never_asks_htmldate(monkeypatch: pytest.MonkeyPatch) -> None:
    html = """<html><head><script type="application/ld+json">
    {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00Z", "dateModified": "2024-03-06T08:00:00Z"}
    </script></head><body><h1>Harbour wall</h1><p>Updated 9 March 2024.</p></body></html>"""
    asked = _asked(monkeypatch)
    with_later, _ = page_dates.page_candidates(html, later=[])
    assert asked == []
    assert not [c for c in with_later if c.source == HTMLDATE]
    page_dates.page_candidates(html)  # without `later`: asked as before
    assert asked == ["published_at", "modified_at"]


def test_a_page_without_markup_dates_asks_htmldate_for_both(monkeypatch: pytest.MonkeyPatch) -> None:
    html = """<html><head><title>Story</title></head><body>
    <div class="byline"><time datetime="2024-03-05">5 March 2024</time></div>
    <p>The council voted to rebuild the wall.</p></body></html>"""
    asked = _asked(monkeypatch)
    found, _ = page_dates.page_candidates(html, later=[])
    assert asked == ["published_at", "modified_at"]
    assert ("published_at", HTMLDATE) in {(c.field, c.source) for c in found}


@pytest.mark.parametrize("name", ["news_article.html", "news_brief.html"])
def test_later_candidates_are_what_normalise_puts_after_the_pages(name: str) -> None:
    url = "https://www.harbourherald.example/news/2024/03/12/port-elwyn-harbour-wall"
    page = parse_html_page((FIXTURES / name).read_text(encoding="utf-8"), url)
    doc = ParsedDocument("d", url, page.article, page.metadata, page.extractor, SEEN_AT, None, page.dates)
    assert _date_candidates(doc) == [*page.dates, *later_date_candidates(page, url)]


@pytest.mark.parametrize("name", ["news_article.html", "news_brief.html"])
@pytest.mark.parametrize("url", [None, "https://www.harbourherald.example/news/2024/03/12/port-elwyn-harbour-wall"])
def test_the_chosen_dates_are_those_htmldate_always_asked_gives(name: str, url: str | None) -> None:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    page = parse_html_page(html, url)
    later = later_date_candidates(page, url)
    every, _ = page_dates.page_candidates(html, url)
    needed, _ = page_dates.page_candidates(html, url, later=later)
    full, lean = choose_dates([*every, *later], SEEN_AT), choose_dates([*needed, *later], SEEN_AT)
    assert (lean.published, lean.modified) == (full.published, full.modified)


def test_a_markup_day_at_the_calendars_edge_is_probed_without_error() -> None:
    first_day = _c("published_at", META, "0001-01-01")  # a placeholder some pages carry; dropped as before 1900
    assert page_dates.htmldate_can_change("published_at", [first_day], [])
