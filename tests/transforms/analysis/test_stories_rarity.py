"""Story links weigh words and names by their rarity in wordfreq's frozen lists (issue 17, story quality)."""

from __future__ import annotations

import math

from tests.transforms.analysis.story_features import story_article as _article
from tests.transforms.analysis.story_features import story_frame as _frame
from transforms.analysis import stories
from transforms.analysis.stories import (
    COMMON_ZIPF,
    MIN_SIMILARITY,
    MIN_TERM_SIMILARITY,
    UNKNOWN_ZIPF,
    cluster_stories,
    link_similarity,
    rarity,
)


def _unweighted_terms(a: dict, b: dict) -> float:
    """The cosine of the two term sets with every term weighing the same (the rule before rarity)."""
    return len(set(a["terms"]) & set(b["terms"])) / math.sqrt(len(a["terms"]) * len(b["terms"]))


# two Black Friday round-ups a day apart: one topic, shared common words, different products
DEALS_APPLE = _article(
    "deals-apple",
    ["organisation:amazon", "organisation:apple", "person:tim-cook"],
    "black friday deals price sale discount headphones laptop airpods macbook ipad watch".split(),
)
DEALS_HOME = _article(
    "deals-home",
    ["organisation:amazon", "organisation:walmart", "organisation:dyson"],
    "black friday deals price sale warranty television vacuum mattress blender toaster roomba".split(),
    day=1,
)
# two reports of one case (feather-duvet lung): a place the only shared name, a few rare words shared
DUVET_CASE = _article(
    "duvet-case",
    ["place:united-kingdom", "organisation:bmj"],
    "duvet feather lung pneumonitis bedding man doctors breathing symptoms hospital months home".split(),
)
DUVET_INTERVIEW = _article(
    "duvet-interview",
    ["place:united-kingdom", "person:owen-dempsey"],
    "duvet feather lung pneumonitis family patient case pillows allergy treatment steroids weeks".split(),
)


def test_rarity_ranks_common_topics_below_rare_events() -> None:
    def word(text: str) -> float:
        weight = rarity(tuple(text.split()), "en")
        assert weight is not None
        return weight

    assert word("the") < word("black friday") < word("impeachment") < word("duvet") < word("pneumonic")
    assert word("black friday") < word("inner mongolia")
    assert word("qzxvwk") == COMMON_ZIPF - UNKNOWN_ZIPF  # a word the list lacks: the rarest
    assert rarity(("nato",), "tlh") is None  # no list for the language: no rarity


def test_a_common_topic_pair_is_not_joined() -> None:
    # unweighted, the shared words alone would link them; weighed by rarity they do not
    assert _unweighted_terms(DEALS_APPLE, DEALS_HOME) >= MIN_TERM_SIMILARITY
    assert link_similarity(DEALS_APPLE, DEALS_HOME) is None
    assert cluster_stories(_frame(DEALS_APPLE, DEALS_HOME))["story_id"].n_unique() == 2


def test_a_rare_event_pair_is_joined() -> None:
    # unweighted, four shared words of twelve are too few; weighed by rarity they link the two
    assert _unweighted_terms(DUVET_CASE, DUVET_INTERVIEW) < min(MIN_TERM_SIMILARITY, MIN_SIMILARITY)
    similarity = link_similarity(DUVET_CASE, DUVET_INTERVIEW)
    assert similarity is not None and similarity >= MIN_TERM_SIMILARITY
    assert cluster_stories(_frame(DUVET_CASE, DUVET_INTERVIEW))["story_id"].n_unique() == 1


def test_the_rare_event_pair_needs_a_shared_name() -> None:
    # every link shares a name: the candidates are read from the warehouse by the names they share
    alone = DUVET_INTERVIEW | {"entity_ids": ["person:owen-dempsey"]}
    assert link_similarity(DUVET_CASE, alone) is None


def test_a_name_weighs_by_its_kind_and_its_rarity() -> None:
    assert stories.entity_weight("person:alexander-vindman", "person") > stories.entity_weight(
        "person:donald-trump", "person"
    )
    assert stories.entity_weight("place:inner-mongolia", "place") < stories.entity_weight(
        "organisation:inner-mongolia", "organisation"
    )
