"""Date values, URL dates and the choice of published_at / modified_at with provenance."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from transforms.dates.article_dates import (
    AFTER_SEEN,
    BEFORE_PUBLISHED,
    NOT_A_MODIFICATION,
    DateCandidate,
    candidate,
    choose_dates,
    parse_timestamp,
    url_date,
)

SEEN = datetime(2024, 3, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "utc", "precision", "local_day"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC), "date", date(2024, 3, 5)),
        ("2024-03-05T10:00:00+09:00", datetime(2024, 3, 5, 1, 0, tzinfo=UTC), "time", date(2024, 3, 5)),
        ("2024-03-05T01:30:00Z", datetime(2024, 3, 5, 1, 30, tzinfo=UTC), "time", date(2024, 3, 5)),
        ("2024-03-05T23:30:00-05:00", datetime(2024, 3, 6, 4, 30, tzinfo=UTC), "time", date(2024, 3, 5)),
        ("2024-03-05 10:00 GMT", datetime(2024, 3, 5, 10, 0, tzinfo=UTC), "time", date(2024, 3, 5)),
        ("Tue, 05 Mar 2024 10:00:00 GMT", datetime(2024, 3, 5, 10, 0, tzinfo=UTC), "time", date(2024, 3, 5)),
        # a clock time without a zone: only its day is known, the hour is not guessed
        ("2024-03-05T10:00:00", datetime(2024, 3, 5, tzinfo=UTC), "date", date(2024, 3, 5)),
    ],
)
def test_timestamps_become_utc_with_a_precision(raw, utc, precision, local_day) -> None:
    value = parse_timestamp(raw)
    assert (value.value, value.precision, value.local_date) == (utc, precision, local_day)


@pytest.mark.parametrize("raw", ["", "yesterday", "2024-13-40", "March 2024", "12/03/2024", None])
def test_what_is_not_a_date_gives_none(raw) -> None:
    assert parse_timestamp(raw) is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.example.com/news/2024/03/05/harbour-wall", date(2024, 3, 5)),
        ("https://example.com/2024-03-05/story.html", date(2024, 3, 5)),
        ("https://example.com/world/20240305/story", date(2024, 3, 5)),
        ("https://example.com/story-2024?date=2024/03/05", None),  # the query is not the path
        ("https://example.com/2024/03/story", None),  # a month is not a day
        ("https://example.com/2024/02/30/story", None),  # no such day
        ("https://example.com/article/1234567890", None),
        (None, None),
    ],
)
def test_url_dates_are_days_written_in_the_path(url, day) -> None:
    found = url_date(url)
    assert (found.value.local_date if found else None) == day
    if found:
        assert (found.source, found.value.precision) == ("url", "date")


def _c(field: str, source: str, raw: str) -> DateCandidate:
    made = candidate(field, source, raw)  # type: ignore[arg-type]
    assert made is not None
    return made


def test_no_candidate_gives_no_date_and_no_source() -> None:
    dates = choose_dates([], SEEN)
    assert (dates.published.value, dates.published.source) == (None, None)
    assert (dates.modified.value, dates.modified.source) == (None, None)
    assert (dates.seen.value.value, dates.seen.source) == (SEEN, "fetch_time")
    assert choose_dates([], None).seen.source is None


def test_the_most_trusted_source_wins_and_the_others_are_kept_unchosen() -> None:
    candidates = [
        _c("published_at", "htmldate", "2024-03-04"),
        _c("published_at", "url", "2024-03-05"),
        _c("published_at", "meta", "2024-03-05T08:00:00Z"),
        _c("published_at", "jsonld", "2024-03-05T08:30:00Z"),
        _c("published_at", "sidecar", "2024-03-06"),
    ]
    dates = choose_dates(candidates, SEEN)
    assert (dates.published.source, dates.published.value.value) == ("sidecar", datetime(2024, 3, 6, tzinfo=UTC))
    assert [o.is_chosen for o in dates.outcomes] == [False, False, False, False, True]
    assert choose_dates(candidates[:4], SEEN).published.source == "jsonld"
    assert choose_dates(candidates[:2], SEEN).published.source == "url"


def test_a_modification_before_the_publication_is_dropped_with_a_reason() -> None:
    published = _c("published_at", "jsonld", "2024-03-05T08:30:00Z")
    early = _c("modified_at", "jsonld", "2024-03-01T08:30:00Z")
    later = _c("modified_at", "meta", "2024-03-06T09:00:00Z")
    dates = choose_dates([published, early, later], SEEN)
    assert (dates.modified.source, dates.modified.value.value) == ("meta", datetime(2024, 3, 6, 9, tzinfo=UTC))
    assert [(o.is_chosen, o.drop_reason) for o in dates.outcomes] == [
        (True, None),
        (False, BEFORE_PUBLISHED),
        (True, None),
    ]
    alone = choose_dates([published, early], SEEN)
    assert (alone.modified.value, alone.modified.source) == (None, None)


def test_htmldate_latest_date_on_the_publication_day_is_no_modification() -> None:
    dates = choose_dates(
        [_c("published_at", "meta", "2024-03-05T08:30:00Z"), _c("modified_at", "htmldate", "2024-03-05")], SEEN
    )
    assert dates.modified.value is None
    assert dates.outcomes[1].drop_reason == NOT_A_MODIFICATION


def test_a_date_after_the_input_was_seen_is_dropped() -> None:
    dates = choose_dates([_c("published_at", "meta", "2030-01-01"), _c("published_at", "url", "2024-03-05")], SEEN)
    assert dates.published.source == "url"
    assert dates.outcomes[0].drop_reason == AFTER_SEEN


def test_a_printed_date_wins_over_markup_that_disagrees_by_more_than_a_day() -> None:
    """The page prints "March 12, 2024" under its headline; its meta tag and htmldate say an older
    day (a template's date, a republished page): the printed day is the published day."""
    printed = _c("published_at", "visible_text", "2024-03-12")
    markup = [_c("published_at", "meta", "2023-01-05T08:00:00Z"), _c("published_at", "htmldate", "2023-01-05")]
    dates = choose_dates([*markup, printed], SEEN)
    assert (dates.published.source, dates.published.value.local_date) == ("visible_text", date(2024, 3, 12))
    # without the rule the two agreeing sources outvote it
    assert choose_dates([*markup, printed], SEEN, printed_tolerance_days=None).published.source == "meta"


def test_a_printed_date_a_day_off_the_markup_is_the_markup_instant_in_another_zone() -> None:
    """ "March 4, 2024" printed by a page in New York, its meta 2024-03-05T02:17Z: the markup's day."""
    markup = _c("published_at", "meta", "2024-03-05T02:17:00+00:00")
    dates = choose_dates([markup, _c("published_at", "visible_text", "2024-03-04")], SEEN)
    assert (dates.published.source, dates.published.value.local_date) == ("meta", date(2024, 3, 5))


def test_a_sidecar_still_beats_a_printed_date() -> None:
    candidates = [_c("published_at", "visible_text", "2024-03-12"), _c("published_at", "sidecar", "2024-03-01")]
    assert choose_dates(candidates, SEEN).published.source == "sidecar"
