"""transforms/html/vote.py: which extractor's blocks win, on word 4-gram shingle containment.

The texts are made of distinct numbered words, so a run of n words has exactly n - 3 shingles and
two runs share shingles only where they share words. Sizes for the boundary cases are worked out
from the module's thresholds.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from transforms.html import vote as ev
from transforms.html.blocks import HtmlBlock
from transforms.html.vote import Vote, shingles, vote

N = ev.SHINGLE_SIZE - 1  # a run of words has this many fewer shingles than words


def words(prefix: str, n: int) -> str:
    """n distinct words: shared text uses one prefix, text found by one extractor only another."""
    return " ".join(f"{prefix}{i}" for i in range(n))


def blocks(*texts: str) -> tuple[HtmlBlock, ...]:
    return tuple(HtmlBlock("paragraph", t, 0, g) for g, t in enumerate(texts, start=1))


def run(n_shingles: int, prefix: str) -> str:
    """A run of words with exactly n_shingles shingles."""
    return words(prefix, n_shingles + N)


def two_part(shared: int, own: int, own_prefix: str) -> tuple[HtmlBlock, ...]:
    """Blocks: a run of common text with `shared` shingles, then `own` words of this extractor's own.

    The vote joins the blocks into one run, so the own words add exactly `own` shingles, none of them
    shared: N straddle the two parts, own - N lie inside the own words."""
    return blocks(run(shared, "shared"), words(own_prefix, own)) if own else blocks(run(shared, "shared"))


# --- shingles ----------------------------------------------------------------------------------


def test_shingles_are_word_4_grams() -> None:
    assert shingles("one two three four five") == {
        ("one", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }


def test_shingles_are_case_folded_and_ignore_punctuation() -> None:
    assert shingles("The Harbour, the WALL!") == shingles("the harbour the wall")
    assert sum(shingles("The Harbour, the WALL!").values()) == 1


def test_too_short_text_has_no_shingles() -> None:
    assert shingles("only three words") == {}
    assert shingles("") == {}


def test_repeated_shingles_are_counted() -> None:
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_word_helper_gives_n_minus_3_shingles() -> None:
    assert sum(shingles(run(50, "x")).values()) == 50
    assert sum(shingles("\n".join(b.text for b in two_part(80, 20, "own"))).values()) == 100


# --- one side empty ----------------------------------------------------------------------------


def test_nothing_from_either() -> None:
    assert vote((), ()) == Vote("none", (), 0.0, 0.0)


def test_primary_only() -> None:
    primary = blocks(run(60, "p"))
    assert vote(primary, ()) == Vote("primary_only", primary, 0.0, 0.0)


def test_fallback_only() -> None:
    fallback = blocks(run(60, "f"))
    assert vote((), fallback) == Vote("fallback_only", fallback, 0.0, 0.0)


# --- both found something ----------------------------------------------------------------------


def test_identical_texts_agree_and_keep_primary_blocks() -> None:
    primary = blocks(run(40, "s"), words("t", 30))
    fallback = blocks(run(40, "s"), words("t", 30))  # equal text, other objects
    result = vote(primary, fallback)
    assert result.choice == "agree"
    assert result.blocks is primary
    assert result.primary_in_fallback == result.fallback_in_primary == 1.0


def test_block_boundaries_do_not_matter() -> None:
    text = run(80, "s").split()
    primary = blocks(" ".join(text[:40]), " ".join(text[40:]))
    fallback = blocks(" ".join(text))
    assert vote(primary, fallback).choice == "agree"


def test_disjoint_texts_agree_keeping_primary() -> None:
    primary, fallback = blocks(run(60, "p")), blocks(run(60, "f"))
    result = vote(primary, fallback)
    assert (result.choice, result.blocks) == ("agree", primary)
    assert result.primary_in_fallback == result.fallback_in_primary == 0.0


def test_primary_has_extra_keeps_fallback_blocks() -> None:
    # fallback: the article; primary: the article and twice as much page furniture
    fallback = two_part(100, 0, "")
    primary = two_part(100, 200, "furniture")
    result = vote(primary, fallback)
    assert result.choice == "primary_has_extra"
    assert result.blocks is fallback
    assert result.fallback_in_primary == 1.0
    assert result.primary_in_fallback == pytest.approx(100 / 300)


def test_primary_missed_keeps_fallback_blocks() -> None:
    primary = two_part(60, 0, "")
    fallback = two_part(60, 140, "lost")
    result = vote(primary, fallback)
    assert result.choice == "primary_missed"
    assert result.blocks is fallback
    assert result.primary_in_fallback == 1.0
    assert result.fallback_in_primary == pytest.approx(60 / 200)


def test_small_primary_missed_is_decided_even_for_a_short_fallback() -> None:
    # MIN_FALLBACK_SHINGLES guards only primary_has_extra
    primary = two_part(10, 0, "")
    fallback = two_part(10, 30, "lost")
    assert sum(shingles("\n".join(b.text for b in fallback)).values()) < ev.MIN_FALLBACK_SHINGLES
    assert vote(primary, fallback).choice == "primary_missed"


# --- thresholds (sizes from the module constants) ----------------------------------------------


def _sizes(ratio: float) -> tuple[int, int]:
    """(part, whole) shingle counts with part / whole exactly `ratio`; the part, like the whole, is at
    least MIN_FALLBACK_SHINGLES, so that guard never decides a threshold case."""
    exact = Fraction(str(ratio))
    k = 1
    while exact.numerator * k < max(ev.MIN_FALLBACK_SHINGLES, 20):
        k += 1
    return exact.numerator * k, exact.denominator * k


@pytest.mark.parametrize(("extra_fallback", "expected"), [(0, "primary_has_extra"), (1, "agree")])
def test_contained_threshold(extra_fallback: int, expected: str) -> None:
    """Fallback share inside primary exactly CONTAINED still counts as contained; one shingle less does not."""
    shared, whole = _sizes(ev.CONTAINED)
    fallback = two_part(shared, whole - shared + extra_fallback, "fonly")
    primary = two_part(shared, 2 * whole, "furniture")  # primary's share between PRIMARY_EXTRA_ABOVE and _BELOW
    result = vote(primary, fallback)
    assert result.choice == expected
    assert (result.fallback_in_primary == ev.CONTAINED) is (extra_fallback == 0)


@pytest.mark.parametrize(("extra_primary", "expected"), [(0, "agree"), (1, "primary_has_extra")])
def test_primary_extra_below_threshold(extra_primary: int, expected: str) -> None:
    """Primary share inside fallback must be strictly under PRIMARY_EXTRA_BELOW."""
    shared, whole = _sizes(ev.PRIMARY_EXTRA_BELOW)
    fallback = two_part(shared, 0, "")
    primary = two_part(shared, whole - shared + extra_primary, "furniture")
    result = vote(primary, fallback)
    assert result.choice == expected
    assert (result.primary_in_fallback == ev.PRIMARY_EXTRA_BELOW) is (extra_primary == 0)


@pytest.mark.parametrize(
    ("fallback_size", "expected"),
    [(ev.MIN_FALLBACK_SHINGLES, "primary_has_extra"), (ev.MIN_FALLBACK_SHINGLES - 1, "agree")],
)
def test_min_fallback_shingles(fallback_size: int, expected: str) -> None:
    fallback = two_part(fallback_size, 0, "")
    primary = two_part(fallback_size, 2 * fallback_size, "furniture")  # a third inside the fallback
    assert vote(primary, fallback).choice == expected


@pytest.mark.parametrize(("extra_primary", "expected"), [(0, "primary_has_extra"), (1, "agree")])
def test_primary_extra_above_threshold(extra_primary: int, expected: str) -> None:
    """Primary share inside fallback exactly PRIMARY_EXTRA_ABOVE still has extra; under it the
    fallback is a fragment of the primary and the primary stays."""
    shared, whole = _sizes(ev.PRIMARY_EXTRA_ABOVE)
    fallback = two_part(shared, 0, "")
    primary = two_part(shared, whole - shared + extra_primary, "furniture")
    result = vote(primary, fallback)
    assert (result.primary_in_fallback == ev.PRIMARY_EXTRA_ABOVE) is (extra_primary == 0)
    assert result.choice == expected


@pytest.mark.parametrize(("extra_primary", "expected"), [(0, "primary_missed"), (1, "agree")])
def test_primary_all_inside_threshold(extra_primary: int, expected: str) -> None:
    """Primary share inside fallback exactly PRIMARY_ALL_INSIDE is all inside; under it is not."""
    shared, whole = _sizes(ev.PRIMARY_ALL_INSIDE)
    primary = two_part(shared, whole - shared + extra_primary, "ponly")
    fallback = two_part(shared, 3 * whole, "lost")  # fallback's share far under FALLBACK_EXTRA_BELOW
    result = vote(primary, fallback)
    assert result.choice == expected
    assert (result.primary_in_fallback == ev.PRIMARY_ALL_INSIDE) is (extra_primary == 0)


@pytest.mark.parametrize(("extra_fallback", "expected"), [(0, "agree"), (1, "primary_missed")])
def test_fallback_extra_below_threshold(extra_fallback: int, expected: str) -> None:
    """Fallback share inside primary must be strictly under FALLBACK_EXTRA_BELOW."""
    shared, whole = _sizes(ev.FALLBACK_EXTRA_BELOW)
    primary = two_part(shared, 0, "")
    fallback = two_part(shared, whole - shared + extra_fallback, "lost")
    result = vote(primary, fallback)
    assert result.choice == expected
    assert (result.fallback_in_primary == ev.FALLBACK_EXTRA_BELOW) is (extra_fallback == 0)


def test_primary_with_a_little_extra_still_agrees() -> None:
    """A primary holding the fallback plus a short tail of its own is not overruled."""
    fallback = two_part(200, 0, "")
    primary = two_part(200, 40, "tail")
    assert vote(primary, fallback).choice == "agree"


# --- one undivided block against paragraphs ----------------------------------------------------


def test_one_block_dump_gives_way_to_the_same_text_in_paragraphs() -> None:
    text = run(120, "s").split()
    primary = blocks(" ".join(text))
    fallback = blocks(" ".join(text[:60]), " ".join(text[60:]))
    result = vote(primary, fallback)
    assert (result.choice, result.blocks) == ("primary_unstructured", fallback)


def test_one_block_dump_keeps_its_text_against_a_fragment_of_it() -> None:
    # the fallback's paragraphs are all inside the dump (fallback_in_primary 1.0) but hold only a
    # tenth of it: one section of the article, not the article structured. (Short enough for
    # primary_has_extra's MIN_FALLBACK_SHINGLES, so only this check decides.)
    text = run(400, "s").split()
    primary = blocks(" ".join(text))
    fallback = blocks(" ".join(text[:20]), " ".join(text[20:40]))
    assert sum(shingles("\n".join(b.text for b in fallback)).values()) < ev.MIN_FALLBACK_SHINGLES
    result = vote(primary, fallback)
    assert result.fallback_in_primary == 1.0
    assert result.primary_in_fallback < ev.UNSTRUCTURED_MIN_SHARED
    assert (result.choice, result.blocks) == ("agree", primary)


def test_thresholds_are_parameters() -> None:
    fallback = two_part(100, 0, "")
    primary = two_part(100, 200, "furniture")
    assert vote(primary, fallback).choice == "primary_has_extra"
    never = ev.Thresholds(primary_extra_below=0.0)  # no share is below 0: the rule is off
    assert vote(primary, fallback, never).choice == "agree"
    assert ev.decide(ev.agreement(primary, fallback), never) == "agree"
