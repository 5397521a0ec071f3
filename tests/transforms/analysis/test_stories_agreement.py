"""In one language, a story link by names and words needs the words to agree (MIN_TERM_AGREEMENT, issue 17)."""

from __future__ import annotations

import pytest

from tests.transforms.analysis.story_features import link_cosines as _cosines
from tests.transforms.analysis.story_features import story_article as _article
from tests.transforms.analysis.story_features import story_frame as _frame
from transforms.analysis import stories
from transforms.analysis.stories import MIN_SIMILARITY, MIN_TERM_AGREEMENT, cluster_stories, link_similarity

# a car reveal and a laptop review of one week that each name Amazon and little else (round 1's labels:
# the Audi e-tron Sportback and the 16-inch MacBook Pro review)
CAR = _article(
    "car-reveal",
    ["organisation:amazon"],
    "audi sportback coupe electric quattro motors horsepower range charging kilowatt".split(),
)
LAPTOP = _article(
    "laptop-review",
    ["organisation:amazon"],
    "macbook keyboard scissor trackpad display speakers retina touchbar butterfly".split(),
    day=0.5,
)
# two reports of one hearing: the same names and some of the same words
HEARING_A = _article(
    "hearing-a",
    ["person:alexander-vindman", "person:jennifer-williams", "organisation:white-house"],
    "impeachment hearing testimony vindman williams ukraine call transcript committee".split(),
)
HEARING_B = _article(
    "hearing-b",
    ["person:alexander-vindman", "person:jennifer-williams", "organisation:house-intelligence-committee"],
    "impeachment testimony vindman williams ukraine call aide colonel uniform".split(),
    day=0.2,
)


def test_one_big_name_and_no_common_words_is_not_a_story() -> None:
    names, words = _cosines(CAR, LAPTOP)
    # the names alone would pass the link threshold: only the words' disagreement keeps them apart
    assert stories.ENTITY_SHARE * names + (1 - stories.ENTITY_SHARE) * words >= MIN_SIMILARITY
    assert words < MIN_TERM_AGREEMENT
    assert link_similarity(CAR, LAPTOP) is None
    assert cluster_stories(_frame(CAR, LAPTOP))["story_id"].n_unique() == 2


def test_without_the_agreement_rule_the_big_name_would_join_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # the name-weight rule (test_stories_evidence.py) refuses them too: off here, to see this rule alone
    monkeypatch.setattr(stories, "MIN_NAME_WEIGHT", 0.0)
    assert link_similarity(CAR, LAPTOP) is None
    monkeypatch.setattr(stories, "MIN_TERM_AGREEMENT", 0.0)
    assert link_similarity(CAR, LAPTOP) is not None


def test_reports_of_one_event_agree_in_their_words_and_stay_linked() -> None:
    _, words = _cosines(HEARING_A, HEARING_B)
    assert words >= MIN_TERM_AGREEMENT
    assert link_similarity(HEARING_A, HEARING_B) is not None
    assert cluster_stories(_frame(HEARING_A, HEARING_B))["story_id"].n_unique() == 1


def test_across_languages_the_names_still_decide_alone() -> None:
    # words of two languages never agree; the rule does not apply across languages
    korean = HEARING_B | {"language": "ko", "terms": ["탄핵", "청문회", "증언"]}
    assert link_similarity(HEARING_A, korean) is not None
