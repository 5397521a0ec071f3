"""A decoded HTML page -> the article in it: two extractors, a vote, then the boilerplate rules.

Pure: str in, `HtmlPage` out. trafilatura gives the blocks, with its own fallback extractors
(what `trafilatura.extract` does by default: its fast mode, which skips them, picked the wrong
block on pages where the default did not), and the page metadata is read from the same parse
(trafilatura's cheap readers only: `transforms.html.trafilatura_extraction.page_metadata`). When that pass
finds nothing or one undivided block, readability-lxml is asked for a second opinion (`transforms.html.vote`; the
limit, `SECOND_OPINION_MAX_BLOCKS`, is measured leave-one-set-out by `bench/extraction.py`). The
blocks that win go through the block and line rules (`transforms.html.articles`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from transforms.dates.article_dates import DateCandidate
from transforms.dates.page_dates import page_candidates
from transforms.html.articles import parse_html_article
from transforms.html.blocks import HtmlExtraction, HtmlMetadata
from transforms.html.depth import exceeds_parser_depth
from transforms.html.readability_extraction import readability_blocks
from transforms.html.trafilatura_extraction import extract_html
from transforms.html.vote import Choice, Vote, vote
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
    primary = extract_html(html, url, thorough=True, with_metadata=True)
    if len(primary.blocks) > SECOND_OPINION_MAX_BLOCKS:
        return primary, Vote("not_consulted", primary.blocks, 1.0, 1.0)
    decision = vote(primary.blocks, readability_blocks(html))
    return HtmlExtraction(decision.blocks, primary.metadata), decision


def parse_html_page(html: str, url: str | None = None) -> HtmlPage:
    extraction, decision = extract_page(html, url)
    article = parse_html_article(extraction)
    page = HtmlPage(article, extraction.metadata, EXTRACTOR_OF_CHOICE[decision.choice], decision.choice)
    if not page.has_article and exceeds_parser_depth(html):
        return HtmlPage(article, extraction.metadata, page.extractor, decision.choice, is_too_deep=True)
    if not page.has_article:
        return page
    dates, markup = page_candidates(html, url)
    return replace(page, dates=dates, metadata=replace(page.metadata, markup=markup))
