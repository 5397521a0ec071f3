"""A decoded HTML page -> the article in it: two extractors, a vote, then the boilerplate rules.

Pure: str in, `HtmlPage` out. trafilatura gives the blocks, with its own fallback extractors
(what `trafilatura.extract` does by default: its fast mode, which skips them, picked the wrong
block on pages where the default did not), and the page metadata is read from the same parse
(trafilatura's cheap readers only: `transforms.html.trafilatura_extraction.page_metadata`). When that pass
finds nothing or one undivided block, readability-lxml is asked for a second opinion (`transforms.html.vote`; the
limit, `SECOND_OPINION_MAX_BLOCKS`, is measured leave-one-set-out by `bench/extraction.py`).
Otherwise the sentences trafilatura's own readability fallback found and trafilatura dropped are
added to its blocks (`transforms.html.vote.with_fallback_sentences`; no extra extraction: its
thorough pass runs that fallback on every page). The blocks that win go through the block and
line rules (`transforms.html.articles`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from transforms.dates.article_dates import DateCandidate, url_date
from transforms.dates.page_dates import page_candidates
from transforms.dates.text_dates import visible_text_dates
from transforms.html.articles import parse_html_article
from transforms.html.blocks import HtmlExtraction, HtmlMetadata
from transforms.html.depth import exceeds_parser_depth
from transforms.html.readability_extraction import readability_blocks
from transforms.html.trafilatura_extraction import extract_html_tree, with_searched_author
from transforms.html.vote import Choice, Vote, vote, with_fallback_sentences
from transforms.text.articles import TextArticle

MIN_BODY_WORDS = 10  # a page whose body is shorter (a menu, a bare link list) holds no article
# trafilatura results with at most this many blocks get a second opinion: 1, when it found nothing
# or one undivided block (its last-resort text dump of the page). Asked on thin pages (6 blocks or
# fewer, as before issue 15) readability-lxml and the vote did not pay out of set (BENCHMARKS.md,
# the ablation): their gains were on the readability set, whose gold is Readability.js's output.
SECOND_OPINION_MAX_BLOCKS = 1
PRIMARY_PASS = "thorough"  # trafilatura's pass (bench/extraction.py replays "fast" too, for the ablation)
EXTRACTOR_OF_CHOICE: dict[Choice, str | None] = {
    "agree": "trafilatura",
    "not_consulted": "trafilatura",
    "primary_only": "trafilatura",
    "primary_has_extra": "readability",
    "primary_unstructured": "readability",
    "primary_missed": "readability",
    "fallback_only": "readability",
    "none": None,
    "primary_and_fallback_sentences": "trafilatura+readability",  # trafilatura's blocks and its fallback's sentences
}


@dataclass(frozen=True)
class HtmlPage:
    article: TextArticle
    metadata: HtmlMetadata
    extractor: str | None  # whose blocks the article is made of; None when neither found any
    vote: Choice
    is_too_deep: bool = False  # no article, and the HTML nests past the parser's depth limit
    dates: tuple[DateCandidate, ...] = ()  # JSON-LD, meta tag and htmldate dates (pages with an article)

    @property
    def n_body_words(self) -> int:
        return sum(len(b.text.split()) for b in self.article.body_blocks)

    @property
    def has_article(self) -> bool:
        return self.n_body_words >= MIN_BODY_WORDS


def extract_page(html: str, url: str | None = None) -> tuple[HtmlExtraction, Vote]:
    """The extractors' part: trafilatura's blocks and metadata, or the second opinion's blocks
    when trafilatura came back thin and the vote went the other way."""
    extraction, decision, tree = _extract_page(html, url)
    return with_searched_author(extraction, tree), decision


def _extract_page(html: str, url: str | None) -> tuple[HtmlExtraction, Vote, HtmlElement | None]:
    """`extract_page` before trafilatura's author search, and the page's tree (trafilatura's parse)."""
    primary, tree = extract_html_tree(html, url, thorough=True)
    if len(primary.blocks) > SECOND_OPINION_MAX_BLOCKS:
        blocks, added = with_fallback_sentences(primary.blocks, primary.fallback)
        if added:
            decision = Vote("primary_and_fallback_sentences", blocks, 1.0, 1.0)
            return HtmlExtraction(blocks, primary.metadata, primary.fallback), decision, tree
        return primary, Vote("not_consulted", primary.blocks, 1.0, 1.0), tree
    decision = vote(primary.blocks, readability_blocks(html))
    return HtmlExtraction(decision.blocks, primary.metadata), decision, tree


def later_date_candidates(page: HtmlPage, url: str | None) -> list[DateCandidate]:
    """The date candidates normalise puts after the page's (`transforms.frames.normalise`'s
    `_date_candidates` for a page without a sidecar): the first date in its canonical URL or the URL
    it was fetched from, then the dates printed in its text. `page_candidates` asks htmldate only
    when its answer can change the choice among all of them."""
    fetched = url if url and url.startswith(("http://", "https://")) else None
    found = [c for c in (url_date(u) for u in (page.metadata.canonical_url, fetched)) if c][:1]
    return found + list(visible_text_dates(page.article))


def parse_html_page(html: str, url: str | None = None) -> HtmlPage:
    """The page parsed once (trafilatura's parser): the extractors, the page's markup and dates
    (`page_candidates`, given that tree) and trafilatura's author search last, as it prunes the tree."""
    extraction, decision, tree = _extract_page(html, url)
    article = parse_html_article(extraction)  # the rules read the title and description, not the author
    page = HtmlPage(article, extraction.metadata, EXTRACTOR_OF_CHOICE[decision.choice], decision.choice)
    if not page.has_article:
        metadata = with_searched_author(extraction, tree).metadata
        return replace(page, metadata=metadata, is_too_deep=exceeds_parser_depth(html))
    dates, markup = page_candidates(html, url, tree=tree, later=later_date_candidates(page, url))
    metadata = with_searched_author(extraction, tree).metadata
    return replace(page, dates=dates, metadata=replace(metadata, markup=markup))
