"""Two extractors' blocks -> the blocks a learned model keeps, each dropped one with its reason. Pure.

The union of trafilatura's blocks (the primary) and readability-lxml's (the second opinion):
every primary block, and every second-opinion block that is not already in the primary's text
(under half of its word 4-grams found there), placed after the primary block its predecessor
matched. Each block of the union gets a probability of being article text from a logistic
regression over features of the block (its source, how much of it the other extractor also
found, its length, link share, kind, punctuation, position) and of the page (how much the two
extractors agree overall). A block is kept when p > 0.5.

Measured, not shipped (BENCHMARKS.md, "HTML path, third attempt"): trained and scored leave one
set out by `bench/extraction_model.py`, it lost to the shipped path on every set, so the path does
not call it and no weights file ships. It is kept as the code that benchmark measures (the
benchmark trains the weights, `Model`), for the next attempt. Every block it drops keeps a reason:
the extractors that had found it (`Selection.dropped`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from transforms.html.blocks import HtmlBlock

WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4
DUPLICATE_SHARE = 0.5  # a second-opinion block this much inside the primary's text is already there
KEEP_ABOVE = 0.5
KINDS = ("heading", "item", "row", "quote", "code", "caption")  # "paragraph" is the reference kind
TERMINAL = re.compile(r"[.!?…。！？][\"'”’»」』)\]]*$")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)]*(\s|$)")
SECONDARY_GROUPS = 1_000_000  # added to the second opinion's list and table group numbers: no clash

FEATURES = (
    "from_primary",
    "from_secondary",
    "in_other",
    "in_other_primary",
    "neighbours_in_other",
    "no_secondary",
    "log_words",
    "link_share",
    "lead_link_share",
    *(f"kind_{k}" for k in KINDS),
    "ends_sentence",
    "sentences_per_10_words",
    "digit_share",
    "upper_share",
    "position",
    "before_agreed",
    "after_agreed",
    "page_primary_in_secondary",
    "page_secondary_in_primary",
    "page_log_word_ratio",
    "page_log_blocks",
)


@dataclass(frozen=True)
class Candidate:
    """One block of the union: the block, which extractors found it, and its features."""

    block: HtmlBlock
    sources: tuple[str, ...]  # "trafilatura", "readability" (both when the other also has most of it)
    features: tuple[float, ...]


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, x: tuple[float, ...]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Selection:
    kept: tuple[HtmlBlock, ...]
    dropped: tuple[tuple[HtmlBlock, str], ...]  # the block and who had found it ("trafilatura+readability")


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _shingles(tokens: list[str]) -> Counter[tuple[str, ...]]:
    if len(tokens) < SHINGLE_SIZE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(zip(*(tokens[i:] for i in range(SHINGLE_SIZE)), strict=False))


class TextShares:
    """One extractor's whole text, to ask how much of a block it holds. `tokens` and `shingles`:
    the blocks' own, when the caller has them already (each block's, in order)."""

    def __init__(
        self,
        blocks: tuple[HtmlBlock, ...],
        tokens: list[list[str]] | None = None,
        shingles: list[Counter[tuple[str, ...]]] | None = None,
    ) -> None:
        tokens = [_tokens(b.text) for b in blocks] if tokens is None else tokens
        self.shingles: Counter[tuple[str, ...]] = Counter()
        for own in (_shingles(t) for t in tokens) if shingles is None else shingles:
            self.shingles.update(own)
        self.joined = " " + " ".join(" ".join(t) for t in tokens) + " "
        self.n_words = sum(len(t) for t in tokens)

    def share_of_text(self, text: str) -> float:
        return self.share_of(_tokens(text))

    def share_of(self, tokens: list[str], own: Counter[tuple[str, ...]] | None = None) -> float:
        """The share of the block's 4-grams (`own`: already counted) found in this text."""
        if not tokens:
            return 0.0
        if len(tokens) < SHINGLE_SIZE:  # too short for a shingle: is the phrase there at all
            return 1.0 if f" {' '.join(tokens)} " in self.joined else 0.0
        own = _shingles(tokens) if own is None else own
        return sum((own & self.shingles).values()) / sum(own.values())


def _page_share(a: TextShares, b: TextShares) -> float:
    n = sum(a.shingles.values())
    return sum((a.shingles & b.shingles).values()) / n if n else 0.0


@dataclass(frozen=True)
class Union:
    """Two extractors' blocks in one reading order: ("p", i) a primary block, ("s", j) a secondary
    block under half of whose word 4-grams are in the primary's text, placed after the primary
    block its predecessor matched; with each block's share found in the other's text."""

    order: list[tuple[str, int]]
    p_in_s: list[float]
    s_in_p: list[float]
    p_text: TextShares
    s_text: TextShares | None
    p_tokens: list[list[str]]
    s_tokens: list[list[str]]


def union(primary: tuple[HtmlBlock, ...], secondary: tuple[HtmlBlock, ...], *, primary_shares: bool = True) -> Union:
    """Every primary block, and every secondary block the primary's text lacks, in reading order.
    `primary_shares=False`: the primary blocks' shares in the secondary's text are not worked out
    (`p_in_s` empty, `s_text` None): the order does not need them."""
    p_tokens = [_tokens(b.text) for b in primary]
    s_tokens = [_tokens(b.text) for b in secondary]
    p_shingles = [_shingles(t) for t in p_tokens]  # each block's 4-grams, counted once
    s_shingles = [_shingles(t) for t in s_tokens]
    p_text = TextShares(primary, p_tokens, p_shingles)
    s_text = TextShares(secondary, s_tokens, s_shingles) if primary_shares else None
    p_in_s = [s_text.share_of(t, own) for t, own in zip(p_tokens, p_shingles, strict=True)] if s_text else []
    s_in_p = [p_text.share_of(t, own) for t, own in zip(s_tokens, s_shingles, strict=True)]
    # Where each primary block is found in the secondary: the index of the secondary block that
    # holds most of it, so that a secondary-only block follows the primary block its predecessor matched.
    s_index: dict[tuple[str, ...], int] = {}
    for j, own in enumerate(s_shingles):
        for sh in own:
            s_index.setdefault(sh, j)
    p_at: list[int | None] = []
    for own in p_shingles:
        hits = Counter(s_index[sh] for sh in own if sh in s_index)
        p_at.append(hits.most_common(1)[0][0] if hits else None)
    after: dict[int, list[int]] = {}  # primary index (-1: before all) -> secondary-only blocks after it
    last_primary = -1
    matched_by_s = {j: i for i, j in enumerate(p_at) if j is not None}
    for j in range(len(secondary)):
        if s_in_p[j] >= DUPLICATE_SHARE:
            last_primary = max(last_primary, matched_by_s.get(j, last_primary))
            continue
        after.setdefault(last_primary, []).append(j)
    order: list[tuple[str, int]] = [("s", j) for j in after.get(-1, [])]
    for i in range(len(primary)):
        order.append(("p", i))
        order += [("s", j) for j in after.get(i, [])]
    return Union(order, p_in_s, s_in_p, p_text, s_text, p_tokens, s_tokens)


def candidates(primary: tuple[HtmlBlock, ...], secondary: tuple[HtmlBlock, ...]) -> list[Candidate]:
    """The union of the two extractors' blocks, in reading order, with each block's features."""
    u = union(primary, secondary)
    assert u.s_text is not None  # primary_shares: worked out
    order, p_in_s, s_in_p, p_text, s_text, p_tokens, s_tokens = (
        u.order,
        u.p_in_s,
        u.s_in_p,
        u.p_text,
        u.s_text,
        u.p_tokens,
        u.s_tokens,
    )
    shares = [p_in_s[i] if src == "p" else s_in_p[i] for src, i in order]
    agreed = [k for k, share in enumerate(shares) if share >= DUPLICATE_SHARE]
    first_agreed, last_agreed = (agreed[0], agreed[-1]) if agreed else (len(order), -1)
    page = (
        _page_share(p_text, s_text),
        _page_share(s_text, p_text),
        math.log((p_text.n_words + 1) / (s_text.n_words + 1)),
        math.log1p(len(primary)),
    )
    out = []
    for k, (src, i) in enumerate(order):
        block = primary[i] if src == "p" else replace(secondary[i], group=secondary[i].group + SECONDARY_GROUPS)
        tokens = p_tokens[i] if src == "p" else s_tokens[i]
        neighbours = [shares[n] for n in (k - 1, k + 1) if 0 <= n < len(order)]
        if src == "p":
            sources = ("trafilatura", "readability") if p_in_s[i] >= DUPLICATE_SHARE else ("trafilatura",)
        else:
            sources = ("readability",)
        out.append(
            Candidate(
                block,
                sources,
                _features(
                    block,
                    tokens,
                    src,
                    shares[k],
                    neighbours,
                    k,
                    len(order),
                    k < first_agreed,
                    k > last_agreed,
                    not secondary,
                    page,
                ),
            )
        )
    return out


def _features(
    block: HtmlBlock,
    tokens: list[str],
    src: str,
    in_other: float,
    neighbours: list[float],
    position: int,
    n: int,
    before_agreed: bool,
    after_agreed: bool,
    no_secondary: bool,
    page: tuple[float, float, float, float],
) -> tuple[float, ...]:
    text = block.text
    chars = len(text.replace("\n", "")) or 1
    letters = [c for c in text if c.isalpha()]
    n_words = max(1, len(tokens))
    return (
        float(src == "p"),
        float(src == "s"),
        in_other,
        in_other if src == "p" else 0.0,
        sum(neighbours) / len(neighbours) if neighbours else 0.0,
        float(no_secondary),
        math.log1p(len(tokens)),
        block.link_chars / chars,
        block.lead_link_chars / chars,
        *(float(block.kind == k) for k in KINDS),
        float(bool(TERMINAL.search(text))),
        10 * len(SENTENCE_END.findall(text)) / n_words,
        sum(c.isdigit() for c in text) / chars,
        sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        position / max(1, n - 1),
        float(before_agreed),
        float(after_agreed),
        *page,
    )


def select(primary: tuple[HtmlBlock, ...], secondary: tuple[HtmlBlock, ...], model: Model) -> Selection:
    """The blocks the model keeps, in reading order, and the ones it drops with who had found them."""
    kept: list[HtmlBlock] = []
    dropped: list[tuple[HtmlBlock, str]] = []
    for c in candidates(primary, secondary):
        if model.probability(c.features) > KEEP_ABOVE:
            kept.append(c.block)
        else:
            dropped.append((c.block, "+".join(c.sources)))
    return Selection(tuple(kept), tuple(dropped))
