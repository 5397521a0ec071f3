"""The line model's mechanics (transforms/text/line_model.py and its use in parse_text_article).

No weights are shipped (bench/text_model.py: the model did not beat the path without it out of
set, BENCHMARKS.md), so these fixtures use a model with two hand-set weights: they check what the
path does with any model (removals with their score, never an empty body, the features' shape),
not the quality of a learned one, which the benchmark measures.
"""

from __future__ import annotations

import pytest

from transforms.text import line_model
from transforms.text.articles import MODEL_RULE_ID, parse_text_article
from transforms.text.line_model import FEATURES, LineModel, features

ARTICLE = (
    "Port closed as storm hits the coast\n\n"
    "The harbour master closed the port on Tuesday as winds reached 90 km/h along the coast.\n\n"
    "Ferries to the islands stayed in harbour and the coastguard asked boats to keep clear of the piers.\n\n"
    "Forecasters expect the wind to drop on Thursday, when the port should open again for traffic.\n\n"
)
TEASERS = ["Weather live", "Ferry timetables", "Coastal roads closed", "Photos of the week"]


def _model(**weights: float) -> LineModel:
    """A model that scores a paragraph by the named features only (0 elsewhere), threshold 0.5."""
    n = len(FEATURES)
    return LineModel(
        weights=tuple(weights.get(f, 0.0) for f in FEATURES),
        bias=-2.0,
        mean=(0.0,) * n,
        scale=(1.0,) * n,
        threshold=0.5,
        cues=line_model.cue_pattern(("read more", "related")),
        cue_words=("read more", "related"),
    )


TAIL_MODEL = _model(short_run_to_end=4.0, sentence=-2.0)


def test_a_teaser_list_at_the_end_is_removed_with_its_score() -> None:
    article = parse_text_article(ARTICLE + "\n\n".join(TEASERS) + "\n", model=TAIL_MODEL)
    body = [b.text for b in article.body_blocks]
    assert not set(TEASERS) & set(body)
    assert len(body) == 3 and body[0].startswith("The harbour master")
    hits = [h for h in article.removed if h.rule_id == MODEL_RULE_ID]
    assert [h.text for h in hits] == TEASERS
    assert all(h.fields["score"] >= 0.5 for h in hits)
    text = ARTICLE + "\n\n".join(TEASERS) + "\n"
    assert all(text[h.start : h.end] == h.text for h in hits)  # offsets into the source text
    assert "score" not in article.fields  # the model's hits yield no article field


def test_article_paragraphs_are_kept() -> None:
    article = parse_text_article(ARTICLE, model=TAIL_MODEL)
    assert len(article.body_blocks) == 3
    assert not [h for h in article.removed if h.rule_id == MODEL_RULE_ID]


def test_the_model_never_empties_a_body() -> None:
    everything = _model(log_words=10.0)
    article = parse_text_article(ARTICLE, model=everything)
    assert len(article.body_blocks) == 3
    assert not article.removed


@pytest.mark.parametrize("model", [None, False])
def test_without_a_model_nothing_is_scored(model) -> None:
    article = parse_text_article(ARTICLE + "\n\n".join(TEASERS) + "\n", model=model)
    assert [b.text for b in article.body_blocks][-len(TEASERS) :] == TEASERS


def test_the_shipped_path_has_no_model() -> None:
    # bench/text_model.py writes the weights only when they beat the path out of set: they did not
    assert line_model.load_model() is None


def test_features_have_one_row_per_paragraph_and_the_tail_run_is_found() -> None:
    paragraphs = [
        "The harbour master closed the port on Tuesday as winds reached 90 km/h along the coast.",
        *TEASERS,
    ]
    rows = features(paragraphs, "Port closed as storm hits the coast", line_model.cue_pattern(("related",)))
    assert [len(r) for r in rows] == [len(FEATURES)] * len(paragraphs)
    to_end = FEATURES.index("short_run_to_end")
    in_run = FEATURES.index("in_main_run")
    assert [r[to_end] for r in rows] == [0.0, 1.0, 1.0, 1.0, 1.0]
    assert [r[in_run] for r in rows] == [1.0, 0.0, 0.0, 0.0, 0.0]
