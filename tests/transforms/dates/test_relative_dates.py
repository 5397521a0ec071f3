"""Relative date phrases: found with their offsets, resolved against the publication day or kept unresolved."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.dates.relative_dates import relative_dates

WEDNESDAY = date(2024, 3, 6)


def _resolved(text: str, anchor: date | None = WEDNESDAY) -> dict[str, date | None]:
    return {r.phrase: r.resolved_date for r in relative_dates(text, anchor)}


@pytest.mark.parametrize(
    ("text", "phrase", "resolved"),
    [
        ("The minister spoke on Friday.", "on Friday", date(2024, 3, 1)),
        ("The minister spoke on Wednesday.", "on Wednesday", WEDNESDAY),  # the day itself
        ("He resigned last Tuesday.", "last Tuesday", date(2024, 3, 5)),
        ("He resigned last Wednesday.", "last Wednesday", date(2024, 2, 28)),  # strictly before
        ("Talks resume next Monday.", "next Monday", date(2024, 3, 11)),
        ("Police said Friday evening that two men were held.", "Friday evening", date(2024, 3, 1)),
        ("The vote was held yesterday.", "yesterday", date(2024, 3, 5)),
        ("Results are due tomorrow.", "tomorrow", date(2024, 3, 7)),
        ("The ship sank two days ago.", "two days ago", date(2024, 3, 4)),
        ("It was announced on the 28th (local time).", "on the 28th (local time)", date(2024, 2, 28)),
        ("The talks began on the 5th, officials said.", "on the 5th", date(2024, 3, 5)),
        ("The summit opened on March 3 in Paris.", "March 3", date(2024, 3, 3)),
        ("Elections are set for April 2.", "April 2", date(2024, 4, 2)),  # within a month ahead: this year
        ("The treaty was signed on 5 June.", "5 June", date(2023, 6, 5)),  # months ahead: last year's
        ("It happened on the 5th of March.", "the 5th of March", date(2024, 3, 5)),
    ],
)
def test_phrases_resolve_against_the_publication_day(text, phrase, resolved) -> None:
    found = relative_dates(text, WEDNESDAY)
    assert [(r.phrase, r.resolved_date, r.anchor) for r in found] == [(phrase, resolved, "published_at")]
    assert text[found[0].start_char : found[0].end_char] == phrase


def test_local_time_is_part_of_the_phrase_and_may_run_a_day_ahead() -> None:
    found = relative_dates("He said on the 7th (local time) that talks failed.", WEDNESDAY)
    assert (found[0].phrase, found[0].is_local_time, found[0].resolved_date) == (
        "on the 7th (local time)",
        True,
        date(2024, 3, 7),
    )
    assert relative_dates("He said on the 7th that talks failed.", WEDNESDAY)[0].resolved_date == date(2024, 2, 7)


def test_without_a_publication_date_phrases_are_kept_unresolved() -> None:
    found = relative_dates("Speaking on Friday, he said the vote was yesterday, on the 28th (local time).", None)
    assert [(r.phrase, r.resolved_date, r.anchor) for r in found] == [
        ("on Friday", None, None),
        ("yesterday", None, None),
        ("on the 28th (local time)", None, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The office is on the 28th floor.",
        "Prices rose in the 21st century.",
        "The vote is on March 3, 2024.",  # a full date is not relative
        "Fridays are quiet.",
        "He read Friday's papers.",
        "The mayday call came at noon.",
    ],
)
def test_what_is_not_a_relative_date(text) -> None:
    assert relative_dates(text, WEDNESDAY) == []


def test_the_seeds_phrases(seed_texts) -> None:
    yonhap = next(t for name, t in seed_texts.items() if name.startswith("002"))
    phrases = [r.phrase for r in relative_dates(yonhap, None)]
    assert phrases == ["on the 28th (local time)", "on the 26th"]
