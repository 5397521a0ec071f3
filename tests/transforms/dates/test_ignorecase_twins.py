"""Words a case-insensitive pattern matched through a letter whose lower case is not ASCII (the long
s, the dotless i, the dotted capital I) are looked up as the word they matched: no KeyError, which
rejected the whole document."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.dates.relative_dates import relative_dates
from transforms.dates.text_dates import dates_in, word_key


@pytest.mark.parametrize(
    ("matched", "key"),
    [("ſept", "sept"), ("Aprıl", "april"), ("APRİL", "april"), ("FRIDAY", "friday"), ("ſeven", "seven")],
)
def test_a_matched_word_is_keyed_as_the_word_it_matched(matched: str, key: str) -> None:
    assert word_key(matched) == key


@pytest.mark.parametrize("text", ["ſept 3, 2022", "ſeptember 3, 2022", "Aprıl 3, 2022", "APRİL 3, 2022"])
def test_a_written_date_with_a_twin_letter_is_read(text: str) -> None:
    assert [found[2].local_date for found in dates_in(text)] == [date(2022, 9 if "ept" in text else 4, 3)]


def test_a_number_word_with_a_long_s_counts_days() -> None:
    found = relative_dates("He left ſeven days ago.", date(2024, 2, 14))
    assert [(r.kind, r.resolved_date) for r in found] == [("days_ago", date(2024, 2, 7))]
