"""MinHash signatures, LSH candidates and near-duplicate groups."""

from __future__ import annotations

import polars as pl

from tests.conftest import DW_SEED, YONHAP_SEED
from transforms.analysis.near_duplicates import (
    GROUP_SCHEMA,
    N_BANDS,
    N_HASHES,
    band_keys,
    duplicate_groups,
    duplicate_pairs,
    minhash,
    near_duplicates,
    shingles,
    signatures_frame,
    similarity,
)

DW = DW_SEED.read_text("utf-8")
YONHAP = YONHAP_SEED.read_text("utf-8")
# a re-published copy: two figures changed, a sign-off line added
EDITED = (
    DW.replace("more than 100,000 troops", "about 130,000 troops").replace("on Friday", "on Thursday")
    + "\nThis story was first published by Deutsche Welle.\n"
)


def _signatures(**bodies: str) -> pl.DataFrame:
    return signatures_frame(pl.DataFrame({"article_id": list(bodies), "body_text": list(bodies.values())}))


def _known(**bodies: str) -> pl.DataFrame:
    frame = _signatures(**bodies)
    return frame.with_columns(pl.col("article_id").alias("duplicate_group_id"))


def test_shingles_are_case_folded_word_4grams() -> None:
    assert shingles("The cat sat on the Mat.") == {"the cat sat on", "cat sat on the", "sat on the mat"}
    assert shingles("Two words") == {"two words"}
    assert shingles("  ") == set()


def test_signature_shape_and_determinism() -> None:
    signature = minhash(DW)
    assert len(signature) == N_HASHES and signature == minhash(DW)
    assert len(band_keys(signature)) == N_BANDS
    frame = _signatures(a=DW)
    assert frame.schema["signature"] == pl.List(pl.UInt64)
    assert frame["signature"].to_list() == [signature]


def test_a_short_text_fills_every_bin_and_still_compares() -> None:
    short = "Storm closes the harbour road for two days while crews repair the sea wall."
    signature = minhash(short)
    assert len(signature) == N_HASHES and all(v < 2**64 for v in signature)
    assert similarity(signature, minhash(short + " ")) == 1.0
    assert similarity(signature, minhash("Council approves budget for new library and two schools in the north.")) < 0.2


def test_similarity_is_high_for_a_light_edit_and_low_for_another_text() -> None:
    assert similarity(minhash(DW), minhash(EDITED)) > 0.85
    assert similarity(minhash(DW), minhash(YONHAP)) < 0.1
    assert similarity(minhash(DW), minhash(DW)) == 1.0


def test_an_edited_copy_pairs_with_its_original_and_an_other_story_does_not() -> None:
    pairs = duplicate_pairs(_signatures(copy=EDITED, other=YONHAP), _known(original=DW))
    assert pairs["article_id"].to_list() == ["copy"]
    assert pairs["duplicate_of_article_id"].to_list() == ["original"]
    assert pairs["similarity"][0] > 0.85


def test_copies_within_one_batch_point_to_the_earlier_article() -> None:
    pairs = duplicate_pairs(_signatures(first=DW, second=EDITED, third=DW), _known())
    assert dict(zip(pairs["article_id"], pairs["duplicate_of_article_id"])) == {"second": "first", "third": "first"}


def test_groups_keep_the_first_articles_id_across_loads() -> None:
    # loaded before: b copied a (group a); now c copies b
    known = pl.DataFrame({"article_id": ["a", "b"], "duplicate_group_id": ["a", "a"]}, schema=GROUP_SCHEMA)
    pairs = pl.DataFrame({"article_id": ["c"], "duplicate_of_article_id": ["b"], "similarity": [0.9]})
    assert duplicate_groups(pairs, known).rows() == [("c", "a")]


def test_near_duplicates_gives_a_group_per_copy() -> None:
    copies = near_duplicates(_signatures(copy=EDITED, again=DW), _known(original=DW))
    assert sorted(copies.select("article_id", "duplicate_of_article_id", "duplicate_group_id").rows()) == [
        ("again", "original", "original"),
        ("copy", "original", "original"),
    ]
    assert copies["similarity"].min() > 0.85


def test_empty_bodies_are_nobodys_copy() -> None:
    assert minhash("") == minhash("  ")
    assert duplicate_pairs(_signatures(a="", b="", c=DW, d=DW), _known()).rows() == [("d", "c", 1.0)]
