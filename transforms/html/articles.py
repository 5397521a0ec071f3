"""Extracted HTML blocks -> an article: body blocks, removed boilerplate with reasons, fields.

Pure: an `HtmlExtraction` in, a `TextArticle` out (the same shape plain text articles have).
The page's main content comes from the extractor; this module removes what the extractor kept
but a reader would not call the article:

1. block rules, over whole blocks and runs of blocks (`BLOCK_RULES`, thresholds below):
   the headline repeated at the top, a list of teaser links or of headline links with blurbs
   (with its label heading),
   paragraphs that are nothing but a link (in a run, or shouted in capitals);
   the standfirst after the headline, when it is the page's description, becomes the deck;
   ("the last lines", where tail-zone rules such as agency sign-offs apply, are counted over
   the blocks these rules kept);
2. the line rule catalogue (`transforms.text.rules`), line by line, as for plain text.

Offsets in `removed` and in the blocks are into `html_text(extraction)`: the extracted blocks
joined with blank lines, lines within a block joined with newlines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from transforms.html.blocks import HtmlBlock, HtmlExtraction
from transforms.text.articles import TAIL_LINES, Block, BlockKind, TextArticle, is_sentence, merge_fields
from transforms.text.rules import RuleHit, match_line

BLOCK_SEPARATOR = "\n\n"
HEADLINE_SEARCH_BLOCKS = 3  # the headline repeat is looked for among the first blocks
TEASER_LIST_MIN_ITEMS = 2
TEASER_LINK_DENSITY = 0.6  # an item this much link text is a teaser link
TEASER_LIST_SHARE = 0.8  # ... and a list this share of teaser items is a teaser list
TEASER_LABEL_MAX_WORDS = 6  # a heading this short right before a teaser list is its label
LEAD_LINK_LIST_MIN_ITEMS = 3  # a list whose every item opens with a headline link ...
LEAD_LINK_MIN_CHARS = 15  # ... this long ...
LEAD_LINK_MIN_SHARE = 0.25  # ... and this share of the item ...
BLURB_MAX_WORDS = 30  # ... followed by at most a one-sentence blurb, is a list of teasers
INNER_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)]*\s+\S")
LINK_PARAGRAPH_DENSITY = 0.9  # a standalone paragraph that is all link ...
LINK_PARAGRAPH_MAX_WORDS = 15  # ... and this short, not a sentence, is a teaser link
SHOUTED_MIN_WORDS = 3  # an all-caps link paragraph this long is a teaser on its own
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")


@dataclass(frozen=True)
class _BlockRemoval:
    rule_id: str
    category: str


def _comparable(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def _title_variants(title: str | None) -> set[str]:
    """The title, and its pieces when it carries the site name ("Headline | Site")."""
    if not title:
        return set()
    variants = {_comparable(title)}
    pieces = TITLE_SEPARATORS.split(title)
    if len(pieces) > 1:
        variants |= {_comparable(p) for p in pieces if len(p.split()) >= 3}
    return {v for v in variants if v}


def _n_words(text: str) -> int:
    return len(text.split())


def _is_teaser_item(block: HtmlBlock) -> bool:
    return block.link_density >= TEASER_LINK_DENSITY


def _opens_with_headline_link(block: HtmlBlock) -> bool:
    return (
        block.lead_link_chars >= LEAD_LINK_MIN_CHARS
        and block.lead_link_chars >= LEAD_LINK_MIN_SHARE * len(block.text.replace("\n", ""))
        and _n_words(block.text) <= BLURB_MAX_WORDS
        and not INNER_SENTENCE_END.search(block.text)
    )


def _headline_repeat(blocks: tuple[HtmlBlock, ...], title: str | None) -> dict[int, _BlockRemoval]:
    variants = _title_variants(title)
    found: dict[int, _BlockRemoval] = {}
    for index, block in enumerate(blocks[:HEADLINE_SEARCH_BLOCKS]):
        if block.kind in ("heading", "paragraph") and _comparable(block.text) in variants:
            found[index] = _BlockRemoval("headline_repeat.title", "headline_repeat")
    return found


def deck_index(extraction: HtmlExtraction) -> int | None:
    """The standfirst: the block right after the repeated headline, when it is the page's description.
    It is kept, as the article's deck, not as body text."""
    blocks, description = extraction.blocks, extraction.metadata.description
    headline = _headline_repeat(blocks, extraction.metadata.title)
    if not description or not headline:
        return None
    following = max(headline) + 1
    if following < len(blocks) and _comparable(blocks[following].text) == _comparable(description):
        return following
    return None


def _teaser_lists(blocks: tuple[HtmlBlock, ...]) -> dict[int, _BlockRemoval]:
    found: dict[int, _BlockRemoval] = {}
    groups: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.kind == "item":
            groups.setdefault(block.group, []).append(index)
    for members in groups.values():
        teasers = [i for i in members if _is_teaser_item(blocks[i])]
        linked = len(members) >= TEASER_LIST_MIN_ITEMS and len(teasers) >= TEASER_LIST_SHARE * len(members)
        blurbs = len(members) >= LEAD_LINK_LIST_MIN_ITEMS and all(_opens_with_headline_link(blocks[i]) for i in members)
        if linked or blurbs:
            for i in members:
                found[i] = _BlockRemoval("related_teaser.link_list", "related_teaser")
            label = members[0] - 1
            if (
                label >= 0
                and blocks[label].kind in ("heading", "paragraph")
                and _n_words(blocks[label].text) <= TEASER_LABEL_MAX_WORDS
                and not is_sentence(blocks[label].text)
            ):
                found[label] = _BlockRemoval("related_teaser.link_list", "related_teaser")
    return found


def _is_link_paragraph(block: HtmlBlock) -> bool:
    return (
        block.kind == "paragraph"
        and block.link_density >= LINK_PARAGRAPH_DENSITY
        and _n_words(block.text) <= LINK_PARAGRAPH_MAX_WORDS
        and not is_sentence(block.text)
    )


def _is_shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= SHOUTED_MIN_WORDS and all(c.isupper() for c in letters)


def _link_paragraphs(blocks: tuple[HtmlBlock, ...]) -> dict[int, _BlockRemoval]:
    """Paragraphs that are nothing but a link: in a run of such paragraphs, or shouted (all caps)."""
    found: dict[int, _BlockRemoval] = {}
    flags = [_is_link_paragraph(b) for b in blocks]
    for i, block in enumerate(blocks):
        if not flags[i]:
            continue
        in_run = (i > 0 and flags[i - 1]) or (i + 1 < len(blocks) and flags[i + 1])
        if in_run or _is_shouted(block.text):
            found[i] = _BlockRemoval("related_teaser.link_paragraph", "related_teaser")
    return found


def block_removals(extraction: HtmlExtraction) -> dict[int, _BlockRemoval]:
    """Which blocks go whole, and why. Earlier rules win for a block."""
    blocks = extraction.blocks
    found: dict[int, _BlockRemoval] = {}
    for rule in (
        lambda: _headline_repeat(blocks, extraction.metadata.title),
        lambda: _teaser_lists(blocks),
        lambda: _link_paragraphs(blocks),
    ):
        for index, removal in rule().items():
            found.setdefault(index, removal)
    return found


def html_text(extraction: HtmlExtraction) -> str:
    """The extracted text the offsets refer to."""
    return BLOCK_SEPARATOR.join(b.text for b in extraction.blocks)


def _block_kind(block: HtmlBlock, is_deck: bool) -> BlockKind:
    if is_deck:
        return "deck"
    if block.kind == "caption":
        return "caption"
    return "heading" if block.kind == "heading" else "paragraph"


def parse_html_article(extraction: HtmlExtraction) -> TextArticle:
    """The article the extracted blocks make once boilerplate is removed."""
    blocks = extraction.blocks
    whole = block_removals(extraction)
    deck = deck_index(extraction)
    n_lines = sum(len(b.text.split("\n")) for i, b in enumerate(blocks) if i not in whole)
    tail_from = n_lines - TAIL_LINES
    kept: list[Block] = []
    removed: list[RuleHit] = []
    offset, line_number = 0, 0
    for index, block in enumerate(blocks):
        lines = block.text.split("\n")
        if index in whole:
            removal = whole[index]
            removed.append(RuleHit(removal.rule_id, removal.category, block.text, offset, offset + len(block.text)))
            offset += len(block.text) + len(BLOCK_SEPARATOR)
            continue
        pieces: list[tuple[str, int, int]] = []
        line_offset = offset
        for line in lines:
            verdict = match_line(line, in_tail=line_number >= tail_from)
            removed += [
                RuleHit(h.rule_id, h.category, h.text, line_offset + h.start, line_offset + h.end, h.fields)
                for h in verdict.hits
            ]
            if verdict.kept:
                pieces.append((verdict.kept, line_offset + verdict.kept_start, line_offset + len(line)))
            line_offset += len(line) + 1
            line_number += 1
        if pieces:
            text = "\n".join(p[0] for p in pieces)
            kept.append(Block(_block_kind(block, index == deck), text, pieces[0][1], pieces[-1][2]))
        offset += len(block.text) + len(BLOCK_SEPARATOR)
    fields = merge_fields(removed)
    captions = [b.text for b in kept if b.kind == "caption"]
    if captions:
        fields["captions"] = captions
    return TextArticle(extraction.metadata.title, tuple(kept), tuple(removed), fields)
