"""A story link needs evidence of one event, not one topic (issue 17, story quality): a shared name
heavier than a well-known company's (MIN_NAME_WEIGHT), and stronger evidence the farther apart the
two articles are in time (LINK_SLOPE_PER_DAY). Both are off as shipped (no setting chosen out of half
took them): their tests set them to the values measured, 3.6 and 0.1."""

from __future__ import annotations

import pytest

from tests.transforms.analysis.story_features import link_cosines
from tests.transforms.analysis.story_features import story_article as _article
from tests.transforms.analysis.story_features import story_frame as _frame
from transforms.analysis import stories
from transforms.analysis.stories import (
    MIN_SIMILARITY,
    MIN_TERM_AGREEMENT,
    MIN_TERM_SIMILARITY,
    WINDOW,
    cluster_stories,
    entity_weight,
    link_similarity,
)

NAME_WEIGHT = 3.6  # the value measured in bench/results/stories_tuning.txt (shipped off)


@pytest.fixture
def name_weight(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(stories, "MIN_NAME_WEIGHT", NAME_WEIGHT)
    return NAME_WEIGHT


def _scores(a: dict, b: dict) -> tuple[float, float]:
    """(combined score, words' cosine) of two articles in one language, weighed as the links weigh them."""
    names, words = link_cosines(a, b)
    return stories.ENTITY_SHARE * names + (1 - stories.ENTITY_SHARE) * words, words


# round 1's labels: a rumour of a 13-inch laptop and an essay on the company's design, one day, that
# name nothing but the company and share some of its product words
RUMOUR_WORDS = "scissor keyboard macbook inch rumour analyst kuo supply chain second quarter".split()
ESSAY_WORDS = "scissor macbook innovation design backwards essay future iphone notch touchbar".split()


def test_one_well_known_company_in_common_is_a_topic_not_an_event(name_weight: float) -> None:
    rumour = _article("rumour", ["organisation:apple"], RUMOUR_WORDS)
    essay = _article("essay", ["organisation:apple"], ESSAY_WORDS, day=0.5)
    score, words = _scores(rumour, essay)
    # every other rule would link them: the names and words pass, the words agree, not enough for words alone
    assert score >= MIN_SIMILARITY + stories.LINK_SLOPE_PER_DAY * 0.5
    assert MIN_TERM_AGREEMENT <= words < MIN_TERM_SIMILARITY
    assert entity_weight("organisation:apple", "organisation") < name_weight
    assert link_similarity(rumour, essay) is None
    assert cluster_stories(_frame(rumour, essay))["story_id"].n_unique() == 2


def test_a_rare_name_in_common_with_the_same_words_links_them(name_weight: float) -> None:
    # the same two pieces naming the same rare person (a company's new chief) are linked
    rumour = _article("rumour", ["person:marcelo-claure"], RUMOUR_WORDS)
    essay = _article("essay", ["person:marcelo-claure"], ESSAY_WORDS, day=0.5)
    assert entity_weight("person:marcelo-claure", "person") >= name_weight
    assert link_similarity(rumour, essay) is not None
    assert cluster_stories(_frame(rumour, essay))["story_id"].n_unique() == 1


def test_the_name_weight_rule_is_what_keeps_them_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MIN_NAME_WEIGHT", 0.0)
    rumour = _article("rumour", ["organisation:apple"], RUMOUR_WORDS)
    essay = _article("essay", ["organisation:apple"], ESSAY_WORDS, day=0.5)
    assert link_similarity(rumour, essay) is not None


def test_places_alone_never_satisfy_the_name_weight(name_weight: float) -> None:
    # a place is no evidence of an event by names (a link by words alone still can be)
    a = _article("a", ["place:inner-mongolia"], RUMOUR_WORDS)
    b = _article("b", ["place:inner-mongolia"], ESSAY_WORDS, day=0.5)
    assert link_similarity(a, b) is None


# two pieces on one parser port: a rare name in common, some words in common
PORT_A = ["person:emil-stenstrom", "person:simon-willison", "person:kyle-howells", "organisation:github"]
PORT_B = ["person:emil-stenstrom", "person:simon-willison", "person:anil-madhavapeddy", "organisation:ocaml"]
PORT_WORDS_A = "justhtml parser html python tests browser agent library spec conformance".split()
PORT_WORDS_B = "justhtml parser html swift xcode tokenizer ios benchmark claude macos".split()


SLOPE = 0.1  # the value measured in bench/results/stories_tuning.txt (shipped off)


def test_the_same_evidence_links_articles_close_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "LINK_SLOPE_PER_DAY", SLOPE)
    a = _article("port-a", PORT_A, PORT_WORDS_A)
    b = _article("port-b", PORT_B, PORT_WORDS_B, day=0.25)
    assert link_similarity(a, b) is not None


def test_the_same_evidence_three_days_apart_is_not_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    days = WINDOW.total_seconds() / 86400
    a = _article("port-a", PORT_A, PORT_WORDS_A)
    b = _article("port-b", PORT_B, PORT_WORDS_B, day=days)
    score, words = _scores(a, b)
    # within the window and above the flat thresholds: only the rise with time refuses it
    assert MIN_SIMILARITY <= score < MIN_SIMILARITY + SLOPE * days
    assert words < MIN_TERM_SIMILARITY + SLOPE * days
    assert link_similarity(a, b) is not None  # as shipped (no rise)
    monkeypatch.setattr(stories, "LINK_SLOPE_PER_DAY", SLOPE)
    assert link_similarity(a, b) is None
    assert cluster_stories(_frame(a, b))["story_id"].n_unique() == 2
