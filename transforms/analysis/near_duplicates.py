"""Near-duplicate articles: MinHash signatures over word shingles, LSH bands to find candidates,
and groups of syndicated or re-published copies of one text.

Pure: DataFrames in, DataFrames out. A signature is a one-permutation MinHash: each word 4-gram
of the body is hashed once (64-bit BLAKE2b), its low bits choose one of `N_HASHES` bins and the
bin keeps the smallest of the other bits; a bin no shingle fell into borrows the next filled
bin's value, offset by the distance ("densification", Shrivastava 2017), so the share of equal
bins still estimates the Jaccard similarity of the two shingle sets. One hash per shingle
instead of one per shingle and hash function: 64 times less work than classic MinHash.
Signatures are cut into `N_BANDS` bands of `ROWS_PER_BAND` values; two articles sharing a band
key are candidates (the chance of that passes 1/2 near a similarity of
(1/N_BANDS)^(1/ROWS_PER_BAND) ≈ 0.5 and is above 0.98 at 0.7).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

import polars as pl

from transforms.frames.schemas import ARTICLE_SIGNATURES, NEAR_DUPLICATES, subschema

SHINGLE_WORDS = 4
BIN_BITS = 6
N_HASHES = 1 << BIN_BITS  # bins of the signature
N_BANDS = 16
ROWS_PER_BAND = N_HASHES // N_BANDS
VALUE_BITS = 64 - BIN_BITS  # a bin keeps these bits of a hash; densification adds distance << VALUE_BITS
MAX_U64 = (1 << 64) - 1
DUPLICATE_SIMILARITY = 0.7  # estimated Jaccard similarity from which two bodies are copies of one text
WORD = re.compile(r"\w+", re.UNICODE)

SIGNATURE_SCHEMA = ARTICLE_SIGNATURES
PAIR_SCHEMA = subschema(NEAR_DUPLICATES, "article_id", "duplicate_of_article_id", "similarity")
GROUP_SCHEMA = subschema(NEAR_DUPLICATES, "article_id", "duplicate_group_id")
COPY_SCHEMA = NEAR_DUPLICATES  # pairs with their group


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


EMPTY_SIGNATURE = [MAX_U64] * N_HASHES  # a text without words: nobody's copy


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The body's word n-grams (case-folded words); a text shorter than n words is one shingle."""
    words = [w.casefold() for w in WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> list[int]:
    """The text's signature: N_HASHES unsigned 64-bit values; all-max for a text without words."""
    empty = 1 << VALUE_BITS  # above any value a bin can keep: the bin is empty
    bins = [empty] * N_HASHES
    blake2b, from_bytes, mask = hashlib.blake2b, int.from_bytes, N_HASHES - 1
    for shingle in shingles(text):  # _hash64, inlined: this loop runs once per word of every article
        hashed = from_bytes(blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        index, value = hashed & mask, hashed >> BIN_BITS
        if value < bins[index]:
            bins[index] = value
    if all(value == empty for value in bins):
        return list(EMPTY_SIGNATURE)
    signature = []
    for i, value in enumerate(bins):
        distance = 0
        while value == empty:  # borrow from the next filled bin, circularly
            distance += 1
            value = bins[(i + distance) % N_HASHES]
        signature.append(value + (distance << VALUE_BITS))
    return signature


def band_keys(signature: Sequence[int]) -> list[int]:
    """One 64-bit key per band (the band's index is part of the key)."""
    rows = [signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND] for band in range(N_BANDS)]
    return [_hash64(f"{band}:{','.join(map(str, values))}".encode()) for band, values in enumerate(rows)]


def similarity(left: Sequence[int], right: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return sum(x == y for x, y in zip(left, right, strict=True)) / len(left)


def signatures_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, body_text] -> [article_id, signature, band_keys]."""
    signatures = [minhash(text or "") for text in articles["body_text"]]
    keys = [band_keys(s) for s in signatures]
    return pl.DataFrame(
        {"article_id": articles["article_id"], "signature": signatures, "band_keys": keys}, schema=SIGNATURE_SCHEMA
    )


def _band_index(rows: Iterable[tuple[str, Sequence[int]]]) -> dict[int, list[str]]:
    index: dict[int, list[str]] = {}
    for article_id, keys in rows:
        for key in keys:
            index.setdefault(key, []).append(article_id)
    return index


def duplicate_pairs(new: pl.DataFrame, known: pl.DataFrame, threshold: float = DUPLICATE_SIMILARITY) -> pl.DataFrame:
    """Each new article that copies an earlier one -> its closest earlier article and the similarity.

    `new` and `known` are signature frames (`signatures_frame`); known articles come before new
    ones, and new ones in their frame order. Ties go to the earlier article, then the smaller id.
    """
    signatures = dict(zip(known["article_id"], known["signature"].to_list(), strict=True))
    index = _band_index(zip(known["article_id"], known["band_keys"].to_list(), strict=True))
    order = {article_id: i for i, article_id in enumerate(known["article_id"])}
    rows = []
    for article_id, signature, keys in zip(
        new["article_id"], new["signature"].to_list(), new["band_keys"].to_list(), strict=True
    ):
        if signature == EMPTY_SIGNATURE:
            continue
        candidates = {c for key in keys for c in index.get(key, ()) if c != article_id}
        scored = [(similarity(signature, signatures[c]), -order[c], c) for c in candidates]
        best = max((t for t in scored if t[0] >= threshold), default=None)  # most similar, then earliest
        if best is not None:
            rows.append({"article_id": article_id, "duplicate_of_article_id": best[2], "similarity": best[0]})
        if article_id not in order:
            order[article_id] = len(order)
            signatures[article_id] = signature
            for key in keys:
                index.setdefault(key, []).append(article_id)
    return pl.DataFrame(rows, schema=PAIR_SCHEMA, orient="row")


def duplicate_groups(pairs: pl.DataFrame, known_groups: pl.DataFrame) -> pl.DataFrame:
    """Group ids for the articles of `pairs` (and the articles they copy that had none yet).

    A group's id is the id of its first article, so it stays the same as copies are added.
    `known_groups[article_id, duplicate_group_id]` holds the groups already in the warehouse.
    """
    group_of = dict(zip(known_groups["article_id"], known_groups["duplicate_group_id"], strict=True))
    rows: dict[str, str] = {}
    for article_id, original in zip(pairs["article_id"], pairs["duplicate_of_article_id"], strict=True):
        group = group_of.get(original, original)
        if original not in group_of:
            group_of[original] = rows[original] = group
        group_of[article_id] = rows[article_id] = group
    return pl.DataFrame({"article_id": list(rows), "duplicate_group_id": list(rows.values())}, schema=GROUP_SCHEMA)


def near_duplicates(new: pl.DataFrame, known: pl.DataFrame, threshold: float = DUPLICATE_SIMILARITY) -> pl.DataFrame:
    """New articles that copy an earlier one: [article_id, duplicate_of_article_id, similarity,
    duplicate_group_id]. `known` is a signature frame with `duplicate_group_id` (its own id for an
    article that copies none), earliest first."""
    pairs = duplicate_pairs(new, known, threshold)
    groups = duplicate_groups(pairs, known.select("article_id", "duplicate_group_id"))
    return pairs.join(groups, on="article_id", how="left").cast(COPY_SCHEMA)
