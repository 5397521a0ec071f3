"""Two extractors' blocks -> the one to keep, and why. Pure.

trafilatura is the primary extractor. readability-lxml is the second opinion, and it wins only
when the two clearly disagree about the extent of the article (measured on word 4-gram
shingles, the unit the Zyte benchmark scores on):

- `primary_has_extra`: readability's text is almost all inside trafilatura's, but trafilatura's
  is mostly not inside readability's: trafilatura swept in page furniture (listings, teasers).
  Not when readability's holds under a fifth of trafilatura's: then readability most often took
  one section of the article (on wcxb, every such page lost most of its article that way).
- `primary_missed`: trafilatura's text is all inside readability's, and readability's is much
  longer: trafilatura lost part of the article.

- `primary_unstructured`: trafilatura returned one undivided block (its last-resort text dump)
  and readability found the same text as paragraphs: the structure lets the rules work per block.
  "The same text" both ways: readability's is almost all inside the dump, and holds at least
  half of it (a fallback that is one fragment of the dump is not the same text).

Otherwise trafilatura's blocks are kept (`agree`), or whichever one found anything at all.

On every other page (trafilatura found more than one block: readability-lxml is not asked),
`with_fallback_sentences` adds to trafilatura's blocks the sentences its own readability fallback
found and trafilatura's text lacks: blocks that end a sentence, each in reading order after the
block its predecessor matched. Only sentences: the fallback's other blocks (photo credits and
captions, teaser headlines, "Advert", "Like this:") cost more than they add. Measured leave one set
out by bench/extraction.py (BENCHMARKS.md, "fallback sentences").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from transforms.html.block_model import SECONDARY_GROUPS, union
from transforms.html.blocks import HtmlBlock

Choice = Literal[
    "agree",
    "not_consulted",
    "primary_unstructured",
    "primary_has_extra",
    "primary_missed",
    "primary_only",
    "fallback_only",
    "none",
    "primary_and_fallback_sentences",
]

WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4
CONTAINED = 0.8  # "almost all inside"
PRIMARY_EXTRA_BELOW = 0.5  # primary's share inside the fallback under this: primary has extra
PRIMARY_EXTRA_ABOVE = 0.2  # ... but not under this: a fallback holding less of it is a fragment
PRIMARY_ALL_INSIDE = 0.95
FALLBACK_EXTRA_BELOW = 0.6  # fallback's share inside primary under this: primary missed text
MIN_FALLBACK_SHINGLES = 50  # a fallback shorter than this is too small to overrule the primary
UNSTRUCTURED_MIN_SHARED = 0.5  # a one-block dump gives way only to a fallback holding most of its text
# trafilatura's readability fallback's sentences trafilatura lacks are added when they have at least
# this many words (bench/extraction.py chooses it leave one set out; None: never added)
FALLBACK_SENTENCE_MIN_WORDS: int | None = 0
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Thresholds:
    """The vote's tuned numbers (the module constants above are the shipped values; the
    extraction benchmark chooses them leave-one-set-out, `bench/extraction.py`)."""

    contained: float = CONTAINED
    primary_extra_below: float = PRIMARY_EXTRA_BELOW
    primary_extra_above: float = PRIMARY_EXTRA_ABOVE
    primary_all_inside: float = PRIMARY_ALL_INSIDE
    fallback_extra_below: float = FALLBACK_EXTRA_BELOW
    min_fallback_shingles: int = MIN_FALLBACK_SHINGLES
    unstructured_min_shared: float = UNSTRUCTURED_MIN_SHARED


@dataclass(frozen=True)
class Vote:
    choice: Choice
    blocks: tuple[HtmlBlock, ...]
    primary_in_fallback: float
    fallback_in_primary: float


@dataclass(frozen=True)
class Agreement:
    """How much two extractions share: each one's share of shingles found in the other."""

    primary_in_fallback: float
    fallback_in_primary: float
    n_fallback_shingles: int
    n_primary_blocks: int
    n_fallback_blocks: int


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text.casefold())
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def _text(blocks: tuple[HtmlBlock, ...]) -> str:
    return "\n".join(b.text for b in blocks)


def agreement(primary: tuple[HtmlBlock, ...], fallback: tuple[HtmlBlock, ...]) -> Agreement:
    a, b = shingles(_text(primary)), shingles(_text(fallback))
    shared = sum((a & b).values())
    n_a, n_b = sum(a.values()), sum(b.values())
    return Agreement(shared / n_a if n_a else 0.0, shared / n_b if n_b else 0.0, n_b, len(primary), len(fallback))


def decide(found: Agreement, thresholds: Thresholds | None = None) -> Choice:
    """The vote's decision for two non-empty extractions, from their agreement alone."""
    t = thresholds or Thresholds()
    a_in_b, b_in_a = found.primary_in_fallback, found.fallback_in_primary
    if (
        b_in_a >= t.contained
        and t.primary_extra_above <= a_in_b < t.primary_extra_below
        and found.n_fallback_shingles >= t.min_fallback_shingles
    ):
        return "primary_has_extra"
    if a_in_b >= t.primary_all_inside and b_in_a < t.fallback_extra_below:
        return "primary_missed"
    if (
        found.n_primary_blocks == 1
        and found.n_fallback_blocks > 1
        and b_in_a >= t.contained
        and a_in_b >= t.unstructured_min_shared
    ):
        return "primary_unstructured"
    return "agree"


def vote(primary: tuple[HtmlBlock, ...], fallback: tuple[HtmlBlock, ...], thresholds: Thresholds | None = None) -> Vote:
    """Which extractor's blocks to keep for one page."""
    if not primary or not fallback:
        choice: Choice = "primary_only" if primary else "fallback_only" if fallback else "none"
        return Vote(choice, primary or fallback, 0.0, 0.0)
    found = agreement(primary, fallback)
    choice = decide(found, thresholds)
    return Vote(
        choice, primary if choice == "agree" else fallback, found.primary_in_fallback, found.fallback_in_primary
    )


def is_sentence(block: HtmlBlock, min_words: int = 0) -> bool:
    """Whether a block ends a sentence (its last character, before closing quotes and brackets,
    is a full stop, question or exclamation mark or an ellipsis), has a word (not a lone ".") and
    at least `min_words` words."""
    text = block.text.strip()
    return bool(SENTENCE_END.search(text) and WORD.search(text)) and len(text.split()) >= min_words


def with_fallback_sentences(
    primary: tuple[HtmlBlock, ...],
    fallback: tuple[HtmlBlock, ...],
    min_words: int | None = FALLBACK_SENTENCE_MIN_WORDS,
) -> tuple[tuple[HtmlBlock, ...], int]:
    """trafilatura's blocks with the sentences of its readability fallback that it lacks (under
    half of their word 4-grams in its text; `block_model.union`), each placed after the primary
    block its predecessor matched; and how many were added. Nothing is added when either side is
    empty or `min_words` is None. Added blocks get their own list and table groups."""
    if min_words is None or not primary or not fallback:
        return primary, 0
    # Most pages: every sentence of the fallback is, word for word, inside one primary block, so
    # nothing can be added (all of its 4-grams are there) and the union is not worked out.
    inside = "\n".join(f" {' '.join(b.text.split())} " for b in primary)
    if all(f" {' '.join(b.text.split())} " in inside for b in fallback if is_sentence(b, min_words)):
        return primary, 0
    return added_from_fallback(primary, fallback, lambda block: is_sentence(block, min_words))


def added_from_fallback(
    primary: tuple[HtmlBlock, ...], fallback: tuple[HtmlBlock, ...], keep: Callable[[HtmlBlock], bool]
) -> tuple[tuple[HtmlBlock, ...], int]:
    """The primary's blocks with the fallback's blocks it lacks that `keep` accepts, in the union's
    reading order (`block_model.union`), each in its own list and table group; and how many were
    added. `with_fallback_sentences` without its shortcut."""
    if not primary or not fallback:
        return primary, 0
    joined = union(primary, fallback, primary_shares=False)
    out: list[HtmlBlock] = []
    added = 0
    for source, i in joined.order:
        if source == "p":
            out.append(primary[i])
        elif keep(fallback[i]):
            out.append(replace(fallback[i], group=fallback[i].group + SECONDARY_GROUPS))
            added += 1
    return (tuple(out), added) if added else (primary, 0)
