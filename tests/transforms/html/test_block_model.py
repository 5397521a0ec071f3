"""The per-block model's union and selection (transforms/html/block_model.py) on small fixtures.
The weights here are written by hand to make one feature decide; the benchmark trains real ones."""

from __future__ import annotations

from transforms.html.block_model import FEATURES, SECONDARY_GROUPS, Model, candidates, select
from transforms.html.blocks import HtmlBlock

A = "The council voted on Tuesday to close the old bridge for repairs."
B = "Engineers found cracks in two of the supports during an inspection last month."
C = "The bridge will reopen in the spring, the mayor said in a statement."
MENU = "Home News Sport Weather Contact"


def p(text: str, links: int = 0, group: int = 1) -> HtmlBlock:
    return HtmlBlock("paragraph", text, links, group)


def one_feature_model(name: str, weight: float, bias: float) -> Model:
    """p = sigmoid(bias + weight * feature), the feature unscaled."""
    n = len(FEATURES)
    weights = tuple(weight if f == name else 0.0 for f in FEATURES)
    return Model(FEATURES, (0.0,) * n, (1.0,) * n, weights, bias)


def test_a_second_opinion_block_is_placed_after_the_block_its_predecessor_matched() -> None:
    primary = (p(A), p(C))
    secondary = (p(A), p(B), p(C))
    union = candidates(primary, secondary)
    assert [c.block.text for c in union] == [A, B, C]
    assert [c.sources for c in union] == [
        ("trafilatura", "readability"),
        ("readability",),
        ("trafilatura", "readability"),
    ]


def test_a_block_both_found_appears_once() -> None:
    union = candidates((p(A), p(B)), (p(B), p(A)))
    assert sorted(c.block.text for c in union) == sorted([A, B])


def test_the_second_opinions_groups_do_not_clash_with_the_primarys() -> None:
    union = candidates((p(A, group=1),), (p(MENU, group=1),))
    assert sorted(c.block.group for c in union) == [1, 1 + SECONDARY_GROUPS]


def test_the_agreement_feature_is_the_share_found_by_the_other_extractor() -> None:
    index = FEATURES.index("in_other")
    union = candidates((p(A), p(MENU, links=len(MENU))), (p(A),))
    assert [c.features[index] for c in union] == [1.0, 0.0]
    assert union[1].features[FEATURES.index("link_share")] > 0.9


def test_without_a_second_opinion_no_block_has_agreement() -> None:
    union = candidates((p(A), p(B)), ())
    assert all(c.features[FEATURES.index("no_secondary")] == 1.0 for c in union)
    assert all(c.features[FEATURES.index("in_other")] == 0.0 for c in union)


def test_select_keeps_what_the_model_keeps_and_says_who_had_found_what_it_drops() -> None:
    model = one_feature_model("in_other", 10.0, -5.0)  # kept only when the other extractor has it
    chosen = select((p(A), p(MENU)), (p(A), p(B)), model)
    assert [b.text for b in chosen.kept] == [A]
    assert [(b.text, who) for b, who in chosen.dropped] == [(B, "readability"), (MENU, "trafilatura")]


def test_a_model_that_keeps_everything_keeps_the_union_in_order() -> None:
    model = one_feature_model("in_other", 0.0, 5.0)
    chosen = select((p(A), p(C)), (p(A), p(B), p(C)), model)
    assert [b.text for b in chosen.kept] == [A, B, C]
    assert chosen.dropped == ()
