"""A decoded HTML page -> the article in it: two extractors, a vote, then the boilerplate rules.

Pure: str in, `HtmlPage` out. trafilatura gives the blocks and the page metadata;
readability-lxml is consulted as a second opinion (`transforms.extraction_vote`) when
trafilatura's result is thin (few blocks: where it most often misses part of an article, and
where a second run is cheap); the blocks that win go through the block and line rules
(`transforms.html_articles`). Consulting it on every page would double the cost per page.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.extraction_vote import Choice, Vote, vote
from transforms.html_articles import parse_html_article
from transforms.html_extraction import extract_html
from transforms.page_blocks import HtmlExtraction, HtmlMetadata
from transforms.readability_extraction import readability_blocks
from transforms.text_articles import TextArticle

SECOND_OPINION_MAX_BLOCKS = 12  # trafilatura results with at most this many blocks get a second opinion
EXTRACTOR_OF_CHOICE: dict[Choice, str | None] = {
    "agree": "trafilatura", "not_consulted": "trafilatura", "primary_only": "trafilatura", "primary_has_extra": "readability",
    "primary_missed": "readability", "fallback_only": "readability", "none": None,
}


@dataclass(frozen=True)
class HtmlPage:
    article: TextArticle
    metadata: HtmlMetadata
    extractor: str | None   # whose blocks the article is made of; None when neither found any
    vote: Choice


def parse_html_page(html: str, url: str | None = None) -> HtmlPage:
    primary = extract_html(html, url)
    if len(primary.blocks) > SECOND_OPINION_MAX_BLOCKS:
        decision = Vote("not_consulted", primary.blocks, 1.0, 1.0)
    else:
        decision = vote(primary.blocks, readability_blocks(html))
    article = parse_html_article(HtmlExtraction(decision.blocks, primary.metadata))
    return HtmlPage(article, primary.metadata, EXTRACTOR_OF_CHOICE[decision.choice], decision.choice)
