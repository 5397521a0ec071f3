"""Distinctive terms of an article."""

from __future__ import annotations

import polars as pl

from tests.conftest import DW_SEED
from transforms.analysis.terms import distinctive_terms, terms_frame


def test_content_words_by_frequency_without_function_words() -> None:
    body = "The vaccine trial began. The vaccine works, the trial says. Said and said again: 2021."
    assert distinctive_terms(body, n=3) == ["trial", "vaccine", "began"]  # "again" is a function word


def test_title_words_count_thrice() -> None:
    assert distinctive_terms("Harbour harbour harbour glacier glacier", title="Glacier", n=2) == ["glacier", "harbour"]


def test_every_language_keeps_its_letters() -> None:
    assert distinctive_terms("Die Brücke über die Spree wurde gesperrt, die Brücke bleibt zu.", n=1) == ["brücke"]
    assert "스톨텐베르그" in distinctive_terms("스톨텐베르그 사무총장은 말했다")


def test_seed_terms_name_its_subject() -> None:
    terms = distinctive_terms(DW_SEED.read_text("utf-8"))
    assert {"nato", "russia", "stoltenberg", "ukraine"} <= set(terms)
    assert not {"said", "the", "that"} & set(terms)


def test_frame_has_one_row_per_article() -> None:
    frame = terms_frame(
        pl.DataFrame({"article_id": ["a", "b"], "body_text": ["Glacier melt", ""], "title": [None, "X"]})
    )
    assert frame.rows() == [("a", ["glacier", "melt"]), ("b", [])]
