"""transforms/html/pages.py: a decoded page end to end, and when the second opinion is asked."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import ROOT
from transforms.html import pages as html_pages
from transforms.html.articles import html_text
from transforms.html.blocks import HtmlBlock, HtmlExtraction, HtmlMetadata
from transforms.html.pages import SECOND_OPINION_MAX_BLOCKS, extract_page, parse_html_page
from transforms.html.vote import Vote

FIXTURES = ROOT / "tests" / "fixtures" / "html"
ARTICLE_URL = "https://www.harbourherald.example/news/2024/03/12/port-elwyn-harbour-wall"
TITLE = "Fishing town votes to rebuild its storm-wrecked harbour wall"
DESCRIPTION = (
    "After two winters of flooding, Port Elwyn's council backs a 14-million-pound plan to rebuild the sea "
    "wall that shelters its fishing fleet."
)
# The article's body paragraphs in the fixture, in page order (each identified by its opening words).
BODY_OPENINGS = [
    "Councillors in Port Elwyn voted late on Monday",
    "The plan, which passed by eleven votes to four",
    "Fishing crews packed the public gallery",
    '"We have been tying up forty minutes down the coast',
    "Opponents of the scheme argued",
    "Council leader Ruth Okafor told the meeting",
    "Engineers expect construction to begin in the autumn",
    "The council will publish the full contract documents",
]
# Page furniture around the article: none of it may reach the article.
FURNITURE = [
    "We use cookies",
    "Accept all cookies",
    "Manage preferences",
    "Home",
    "Business",
    "Sport",
    "Opinion",
    "Share on Facebook",
    "Share on X",
    "Email this article",
    "Sign up for our newsletter",
    "Get the top stories from the coast",
    "Subscribe",
    "Related stories",
    "Storm breaches Port Elwyn harbour wall",
    "Fishing fleet moves to neighbouring port",
    "Coastal resilience fund opens",
    "Lifeboat crew warns",
    "Comments",
    "seagull_sam",
    "My grandfather helped build the old wall",
    "Who is going to pay when the national",
    "Log in to leave a comment",
    "About us",
    "Privacy policy",
    "All rights reserved",
    "Advertisement",
    "Read more",
]


@pytest.fixture(scope="module")
def article_html() -> str:
    return (FIXTURES / "news_article.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def brief_html() -> str:
    return (FIXTURES / "news_brief.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(article_html: str) -> html_pages.HtmlPage:
    return parse_html_page(article_html, ARTICLE_URL)


# --- a full news page --------------------------------------------------------------------------


def test_body_paragraphs_are_kept_in_order(page) -> None:
    paragraphs = [b.text for b in page.article.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == len(BODY_OPENINGS)
    for text, opening in zip(paragraphs, BODY_OPENINGS, strict=True):
        assert text.startswith(opening), (text, opening)


def test_cross_heading_and_deck(page) -> None:
    assert [b.text for b in page.article.blocks if b.kind == "heading"] == ["Borrowing concerns"]
    assert page.article.deck == [DESCRIPTION]
    assert page.article.blocks[0].kind == "deck"


def test_headline_is_the_title_not_a_body_block(page) -> None:
    assert page.article.title == TITLE
    assert TITLE not in [b.text for b in page.article.blocks]
    assert ("headline_repeat.title", TITLE) in [(r.rule_id, r.text) for r in page.article.removed]


def test_page_furniture_is_gone(page) -> None:
    kept = "\n".join(b.text for b in page.article.blocks)
    for piece in FURNITURE:
        assert piece not in kept, piece


def test_inline_read_more_teaser_is_removed_by_the_rules(page) -> None:
    removed = {r.text: r.category for r in page.article.removed}
    assert removed.get("Read more: Storm breaches Port Elwyn harbour wall for second time") == "related_teaser"


def test_metadata_is_filled(page) -> None:
    meta = page.metadata
    assert meta.title == TITLE
    assert meta.author == "Maren Holloway"
    assert meta.site_name == "The Harbour Herald"
    assert meta.description == DESCRIPTION
    assert meta.canonical_url == ARTICLE_URL
    assert meta.image_url == "https://www.harbourherald.example/images/port-elwyn-wall.jpg"
    assert meta.hostname == "harbourherald.example"
    assert meta.categories == ("Coast",)


def test_one_trafilatura_call_a_page_without_its_metadata_or_the_url(article_html: str, monkeypatch) -> None:
    """Issue 15's cost point: trafilatura extracts once, from the path's one parse, without its own
    metadata pass (author and tag searches, htmldate) and without the URL (no link resolved); the
    metadata is still read, from the same tree."""
    import trafilatura
    import trafilatura.core

    calls: list[dict[str, object]] = []
    metadata_passes: list[object] = []
    extract, read_metadata = trafilatura.bare_extraction, trafilatura.core.extract_metadata

    def bare_extraction(filecontent, **kwargs):  # type: ignore[no-untyped-def]
        calls.append({"input": type(filecontent).__name__} | kwargs)
        return extract(filecontent, **kwargs)

    def extract_metadata(*args, **kwargs):  # type: ignore[no-untyped-def]
        metadata_passes.append(args)
        return read_metadata(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    monkeypatch.setattr(trafilatura.core, "extract_metadata", extract_metadata)
    page = parse_html_page(article_html, ARTICLE_URL)
    assert len(calls) == 1
    assert calls[0]["with_metadata"] is False
    assert calls[0].get("url") is None
    assert calls[0]["input"] == "HtmlElement"  # the parsed tree, not the text parsed again
    assert metadata_passes == []
    assert (page.metadata.title, page.metadata.author, page.metadata.canonical_url) == (
        TITLE,
        "Maren Holloway",
        ARTICLE_URL,
    )
    paragraphs = [b.text for b in page.article.blocks if b.kind == "paragraph"]
    assert [p[:30] for p in paragraphs] == [o[:30] for o in BODY_OPENINGS]
    assert page.article.deck == [DESCRIPTION]  # the deck rule reads the description: still found


def test_one_parse_a_page_the_dates_read_trafilaturas_tree(article_html: str, monkeypatch) -> None:
    """Issue 15's cost point: the page's markup and dates are read from the tree trafilatura parsed
    (no parse of their own), before trafilatura's author search prunes that tree."""
    from transforms.dates import page_dates
    from transforms.html import trafilatura_extraction

    order: list[str] = []
    parsed: list[object] = []
    own_parse, candidates, search = page_dates._tree, html_pages.page_candidates, trafilatura_extraction.searched_author
    load = trafilatura_extraction.page_tree

    def page_tree(html):  # type: ignore[no-untyped-def]
        parsed.append(tree := load(html))
        return tree

    def own_tree(html):  # type: ignore[no-untyped-def]
        order.append("own parse")
        return own_parse(html)

    def page_candidates(html, url=None, tree=None, later=None):  # type: ignore[no-untyped-def]
        order.append("dates")
        assert tree is parsed[0]
        return candidates(html, url, tree=tree, later=later)

    def searched_author(tree):  # type: ignore[no-untyped-def]
        order.append("author search")
        return search(tree)

    monkeypatch.setattr(trafilatura_extraction, "page_tree", page_tree)
    monkeypatch.setattr(page_dates, "_tree", own_tree)
    monkeypatch.setattr(html_pages, "page_candidates", page_candidates)
    monkeypatch.setattr(trafilatura_extraction, "searched_author", searched_author)
    no_author = article_html.replace('<meta name="author"', '<meta name="x-author"').replace(
        '"author": {"@type": "Person", "name": "Maren Holloway"},', ""
    )
    shared = parse_html_page(no_author, ARTICLE_URL)
    assert len(parsed) == 1
    assert order == ["dates", "author search"]  # no parse of the dates' own; the pruning search last
    assert "Maren Holloway" in (shared.metadata.author or "")  # found by the search in the page's elements
    assert shared.metadata.author == extract_page(no_author, ARTICLE_URL)[0].metadata.author  # as on a tree of its own
    later = html_pages.later_date_candidates(shared, ARTICLE_URL)
    assert shared.dates == candidates(no_author, ARTICLE_URL, later=later)[0]  # as from a parse of their own
    assert "jsonld" in {c.source for c in shared.dates}  # htmldate: only asked when it can change the choice


def test_long_page_is_trafilaturas_without_a_second_opinion(page) -> None:
    """readability-lxml is not asked on a long page; trafilatura's own readability fallback found one
    sentence trafilatura dropped (the newsletter prompt), which is added and then removed by its
    line rule: the audit keeps the rule id."""
    assert page.extractor == "trafilatura+readability"
    assert page.vote == "primary_and_fallback_sentences"
    removed = [(r.rule_id, r.text) for r in page.article.removed if "inbox" in r.text]
    assert removed == [
        (
            "newsletter_prompt.call_to_action",
            "Get the top stories from the coast delivered to your inbox every morning.",
        )
    ]
    assert not any("inbox" in b.text for b in page.article.body_blocks)


def test_extract_page_on_a_long_page(article_html: str) -> None:
    extraction, decision = extract_page(article_html, ARTICLE_URL)
    assert len(extraction.blocks) > SECOND_OPINION_MAX_BLOCKS
    assert decision.choice == "primary_and_fallback_sentences"  # readability-lxml not asked
    assert decision.blocks == extraction.blocks
    assert extraction.fallback  # what trafilatura's readability fallback found, kept
    assert extraction.metadata.title == TITLE


def test_offsets_point_into_the_extracted_text(article_html: str, page) -> None:
    extraction, _ = extract_page(article_html, ARTICLE_URL)
    text = html_text(extraction)
    for block in page.article.blocks:
        assert text[block.start : block.end] == block.text
    for hit in page.article.removed:
        assert text[hit.start : hit.end].strip() == hit.text


# --- a thin page -------------------------------------------------------------------------------


def test_thin_page_consults_the_second_opinion_under_a_thin_page_limit(brief_html: str, monkeypatch) -> None:
    monkeypatch.setattr(html_pages, "SECOND_OPINION_MAX_BLOCKS", THIN)
    extraction, decision = extract_page(brief_html)
    assert len(extraction.blocks) <= THIN
    assert decision.choice != "not_consulted"
    page = parse_html_page(brief_html)
    assert page.vote == decision.choice
    assert page.vote in ("agree", "primary_has_extra", "primary_missed", "primary_only", "fallback_only")


def test_thin_page_article(brief_html: str) -> None:
    page = parse_html_page(brief_html)
    assert page.extractor == "trafilatura"  # both extractors find the same short story
    assert page.article.title == "Ferry timetable changes for the spring"
    texts = [b.text for b in page.article.body_blocks]
    assert len(texts) == 3
    assert texts[0].startswith("The island ferry will add a second morning sailing")
    assert texts[-1] == "The evening timetable stays as it is until the summer schedule starts in June."
    assert page.metadata.canonical_url == "https://www.harbourherald.example/news/2024/03/14/ferry-timetable"
    assert not any("All rights reserved" in t or t == "Home" for t in texts)


def test_empty_page_gives_an_empty_article() -> None:
    page = parse_html_page("")
    assert (page.vote, page.extractor) == ("none", None)
    assert page.article.blocks == ()
    assert page.metadata == HtmlMetadata()


def test_control_character_garbage_page_does_not_raise() -> None:
    page = parse_html_page("binary\x00\x01junk")
    assert page.article.blocks == ()


# --- the second-opinion logic, with stand-in extractors ----------------------------------------


def _blocks(prefix: str, n: int, words_each: int = 30) -> tuple[HtmlBlock, ...]:
    return tuple(
        HtmlBlock("paragraph", " ".join(f"{prefix}{g}w{i}" for i in range(words_each)) + ".", 0, g + 1)
        for g in range(n)
    )


class _Fakes:
    """trafilatura's pass (blocks and metadata in one call) and readability-lxml, stood in for."""

    def __init__(self, primary: tuple[HtmlBlock, ...], readability: tuple[HtmlBlock, ...]) -> None:
        self.primary, self.readability = primary, readability
        self.calls: list[str] = []
        self.metadata = HtmlMetadata(title="trafilatura's title", site_name="The Harbour Herald")

    def extract_html_tree(
        self, html: str, url: str | None = None, *, thorough: bool = False, with_metadata: bool = True
    ) -> tuple[HtmlExtraction, None]:
        self.calls.append(f"trafilatura thorough={thorough} with_metadata={with_metadata}")
        return HtmlExtraction(self.primary, self.metadata), None  # no tree: the dates parse the page

    def readability_blocks(self, html: str) -> tuple[HtmlBlock, ...]:
        self.calls.append("readability")
        return self.readability


TRAFILATURA_CALL = "trafilatura thorough=True with_metadata=True"  # one pass: its fallbacks and the metadata


THIN = 6  # a thin-page limit for the vote's tests (the shipped limit, 1: nothing or a one-block dump)


@pytest.fixture
def fakes(monkeypatch):
    def install(primary, readability, limit: int = THIN) -> _Fakes:
        f = _Fakes(primary, readability)
        monkeypatch.setattr(html_pages, "SECOND_OPINION_MAX_BLOCKS", limit)
        monkeypatch.setattr(html_pages, "extract_html_tree", f.extract_html_tree)
        monkeypatch.setattr(html_pages, "readability_blocks", f.readability_blocks)
        return f

    return install


def test_more_blocks_than_the_limit_skips_the_second_opinion(fakes) -> None:
    f = fakes(_blocks("a", THIN + 1), ())
    extraction, decision = extract_page("<html></html>")
    assert f.calls == [TRAFILATURA_CALL]
    assert decision == Vote("not_consulted", f.primary, 1.0, 1.0)
    assert extraction.blocks == f.primary
    assert extraction.metadata == f.metadata


def test_exactly_the_limit_is_thin(fakes) -> None:
    blocks = _blocks("a", THIN)
    f = fakes(blocks, blocks)
    _, decision = extract_page("<html></html>")
    assert f.calls == [TRAFILATURA_CALL, "readability"]
    assert decision.choice == "agree"


def test_thin_result_replaced_when_readability_finds_the_missed_article(fakes) -> None:
    article = _blocks("a", 6)
    f = fakes(article[:1], article)
    page = parse_html_page("<html></html>")
    assert page.vote == "primary_missed"
    assert page.extractor == "readability"
    assert [b.text for b in page.article.blocks] == [b.text for b in article]
    # metadata always from trafilatura's pass, with what the page's markup says added (dates' parse)
    assert dataclasses.replace(page.metadata, markup=None) == f.metadata
    assert page.article.title == "trafilatura's title"


def test_only_trafilatura_finds_anything(fakes) -> None:
    found = _blocks("a", 2)
    fakes(found, ())
    page = parse_html_page("<html></html>")
    assert page.vote == "primary_only"
    assert page.extractor == "trafilatura"
    assert [b.text for b in page.article.blocks] == [b.text for b in found]


def test_shipped_limit_asks_only_for_nothing_or_one_block(fakes) -> None:
    f = fakes(_blocks("a", 2), _blocks("r", 3), limit=SECOND_OPINION_MAX_BLOCKS)
    extraction, decision = extract_page("<html></html>")
    assert (f.calls, decision.choice) == ([TRAFILATURA_CALL], "not_consulted")
    dump = (HtmlBlock("paragraph", " ".join(b.text for b in _blocks("a", 3)), 0, 1),)
    f = fakes(dump, _blocks("a", 3), limit=SECOND_OPINION_MAX_BLOCKS)
    extraction, decision = extract_page("<html></html>")
    assert (f.calls, decision.choice) == ([TRAFILATURA_CALL, "readability"], "primary_unstructured")
    assert extraction.blocks == f.readability
    f = fakes((), _blocks("r", 3), limit=SECOND_OPINION_MAX_BLOCKS)
    extraction, decision = extract_page("<html></html>")
    assert (f.calls, decision.choice) == ([TRAFILATURA_CALL, "readability"], "fallback_only")
    assert extraction.blocks == f.readability


def test_only_readability_finds_anything(fakes) -> None:
    found = _blocks("r", 3)
    fakes((), found)
    page = parse_html_page("<html></html>")
    assert (page.vote, page.extractor) == ("fallback_only", "readability")
    assert [b.text for b in page.article.blocks] == [b.text for b in found]


def test_furniture_heavy_primary_loses_to_readability(fakes) -> None:
    article, furniture = _blocks("a", 2), _blocks("nav", 4)  # 6 blocks: thin
    fakes(article + furniture, article)
    page = parse_html_page("<html></html>")
    assert (page.vote, page.extractor) == ("primary_has_extra", "readability")
    assert [b.text for b in page.article.blocks] == [b.text for b in article]
