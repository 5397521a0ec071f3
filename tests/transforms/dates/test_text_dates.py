"""Dates printed in the text: stamps, bylines, datelines; full dates only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from transforms.dates.text_dates import stamp_candidates, visible_text_dates
from transforms.text.articles import parse_text_article


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Updated: 12 March 2024 10:32 GMT", [("modified_at", datetime(2024, 3, 12, 10, 32, tzinfo=UTC), "time")]),
        (
            "Published 12 March 2024, updated 13 March 2024",
            [
                ("published_at", datetime(2024, 3, 12, tzinfo=UTC), "date"),
                ("modified_at", datetime(2024, 3, 13, tzinfo=UTC), "date"),
            ],
        ),
        (
            "입력 2024.03.12 10:32 수정 2024.03.12 11:05",  # times without a zone: days only
            [
                ("published_at", datetime(2024, 3, 12, tzinfo=UTC), "date"),
                ("modified_at", datetime(2024, 3, 12, tzinfo=UTC), "date"),
            ],
        ),
        ("2024年3月12日(火) 10:32 JST", [("published_at", datetime(2024, 3, 12, 1, 32, tzinfo=UTC), "time")]),
        ("Aktualisiert am 12.03.2024, 10:32 Uhr", [("modified_at", datetime(2024, 3, 12, tzinfo=UTC), "date")]),
        (
            "By Jane Doe | March 12, 2024 at 3:05 p.m. EDT",
            [("published_at", datetime(2024, 3, 12, 19, 5, tzinfo=UTC), "time")],
        ),
        ("Publié le 12/03/2024 à 10:32", []),  # 12/03 or 03/12: not guessed
        ("Updated March 12", []),  # no year: not a publication date
        ("Published 3 hours ago", []),
    ],
)
def test_stamps_give_published_and_modified_candidates(stamp, expected) -> None:
    assert [(c.field, c.value.value, c.value.precision) for c in stamp_candidates(stamp)] == expected
    assert all(c.source == "visible_text" for c in stamp_candidates(stamp))


def test_a_dateline_date_in_a_plain_text_article() -> None:
    text = (
        "Harbour wall vote passes\n\n"
        "PORT ELWYN, March 5, 2024 (Reuters) - The council voted on Friday to rebuild the sea wall.\n\n"
        "Work starts in spring.\n"
    )
    found = visible_text_dates(parse_text_article(text))
    assert [(c.field, c.value.local_date) for c in found] == [("published_at", date(2024, 3, 5))]


def test_a_stamp_line_the_rules_removed() -> None:
    text = "Harbour wall vote passes\n\nUpdated: 12 March 2024 10:32 GMT\n\nThe council voted to rebuild the wall.\n"
    found = visible_text_dates(parse_text_article(text))
    assert [(c.field, c.value.value) for c in found] == [("modified_at", datetime(2024, 3, 12, 10, 32, tzinfo=UTC))]


def test_dates_inside_the_story_are_not_publication_dates(seed_texts) -> None:
    text = "Harbour wall vote passes\n\nThe wall, built on March 5, 1953, failed in the storm.\n"
    assert visible_text_dates(parse_text_article(text)) == ()
    for seed in seed_texts.values():  # the seeds print no date of their own: none is invented
        assert visible_text_dates(parse_text_article(seed)) == ()
