"""Two extractors' blocks -> the one to keep, and why. Pure.

trafilatura is the primary extractor. readability-lxml is the second opinion, and it wins only
when the two clearly disagree about the extent of the article (measured on word 4-gram
shingles, the unit the Zyte benchmark scores on):

- `primary_has_extra`: readability's text is almost all inside trafilatura's, but trafilatura's
  is mostly not inside readability's: trafilatura swept in page furniture (listings, teasers).
- `primary_missed`: trafilatura's text is all inside readability's, and readability's is much
  longer: trafilatura lost part of the article.

- `primary_unstructured`: trafilatura returned one undivided block (its last-resort text dump)
  and readability found the same text as paragraphs: the structure lets the rules work per block.

Otherwise trafilatura's blocks are kept (`agree`), or whichever one found anything at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

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
]

WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4
CONTAINED = 0.8  # "almost all inside"
PRIMARY_EXTRA_BELOW = 0.5  # primary's share inside the fallback under this: primary has extra
PRIMARY_ALL_INSIDE = 0.95
FALLBACK_EXTRA_BELOW = 0.6  # fallback's share inside primary under this: primary missed text
MIN_FALLBACK_SHINGLES = 50  # a fallback shorter than this is too small to overrule the primary


@dataclass(frozen=True)
class Vote:
    choice: Choice
    blocks: tuple[HtmlBlock, ...]
    primary_in_fallback: float
    fallback_in_primary: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text.casefold())
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def _text(blocks: tuple[HtmlBlock, ...]) -> str:
    return "\n".join(b.text for b in blocks)


def vote(primary: tuple[HtmlBlock, ...], fallback: tuple[HtmlBlock, ...]) -> Vote:
    """Which extractor's blocks to keep for one page."""
    if not primary or not fallback:
        choice: Choice = "primary_only" if primary else "fallback_only" if fallback else "none"
        return Vote(choice, primary or fallback, 0.0, 0.0)
    a, b = shingles(_text(primary)), shingles(_text(fallback))
    shared = sum((a & b).values())
    n_a, n_b = sum(a.values()), sum(b.values())
    a_in_b = shared / n_a if n_a else 0.0
    b_in_a = shared / n_b if n_b else 0.0
    if b_in_a >= CONTAINED and a_in_b < PRIMARY_EXTRA_BELOW and n_b >= MIN_FALLBACK_SHINGLES:
        return Vote("primary_has_extra", fallback, a_in_b, b_in_a)
    if a_in_b >= PRIMARY_ALL_INSIDE and b_in_a < FALLBACK_EXTRA_BELOW:
        return Vote("primary_missed", fallback, a_in_b, b_in_a)
    if len(primary) == 1 and len(fallback) > 1 and b_in_a >= CONTAINED:
        return Vote("primary_unstructured", fallback, a_in_b, b_in_a)
    return Vote("agree", primary, a_in_b, b_in_a)
