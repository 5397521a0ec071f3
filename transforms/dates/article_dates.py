"""Article dates with provenance: candidates -> published_at, modified_at and seen_at.

Pure: strings and datetimes in, dataclasses out. Every value is a UTC instant with a precision:
`time` when the source gave a time with a zone (an offset, `Z`, or a known zone name), `date`
when it gave only a day, or a time without a zone (its day is kept, stored as midnight UTC:
the clock time is never guessed). A candidate says where it came from (`PROVENANCE`); the
choice is `choose_dates`'s (a sidecar, a date printed on the page, the sources' agreement, the
first source in `PUBLISHED_ORDER` / `MODIFIED_ORDER`). Nothing
is invented: no candidate, no date (null, with a null source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Literal

Field = Literal["published_at", "modified_at"]
Precision = Literal["date", "time"]

# Where a date came from: the fixed vocabulary of the *_at_source columns.
JSONLD, META, URL, HTMLDATE, VISIBLE_TEXT, SIDECAR, FETCH_TIME = (
    "jsonld",
    "meta",
    "url",
    "htmldate",
    "visible_text",
    "sidecar",
    "fetch_time",
)
PROVENANCE = (JSONLD, META, URL, HTMLDATE, VISIBLE_TEXT, SIDECAR, FETCH_TIME)
# Most trusted first: what a person said about the file, then the page's structured data, its
# meta tags, the date in its URL, htmldate's heuristics, and a date printed in the text.
PUBLISHED_ORDER = (SIDECAR, JSONLD, META, URL, HTMLDATE, VISIBLE_TEXT)
MODIFIED_ORDER = (SIDECAR, JSONLD, META, HTMLDATE, VISIBLE_TEXT)
# The published day is the one most sources give (ties: PUBLISHED_ORDER) rather than the first
# source's (bench/metadata_rules.py chose it leave one set out; BENCHMARKS.md).
PUBLISHED_BY_AGREEMENT = True
# A date printed on the page (`visible_text`: by its headline, in a stamp, a dateline) is the
# published day, unless the page's structured data (JSON-LD, meta) gives a published day within
# this many days of it: then the agreement decides (the printed day is the markup's instant shown
# in another time zone). None: a printed date only votes. Chosen on one wcxb half and reported on
# the other (bench/metadata_rules.py; BENCHMARKS.md).
PRINTED_DATE_TOLERANCE_DAYS: int | None = 1
STRUCTURED = (JSONLD, META)

# Why a candidate was not used (date_candidates.drop_reason).
BEFORE_PUBLISHED = "before_published_at"  # a modification earlier than the publication
AFTER_SEEN = "after_seen_at"  # later than the input was read (plus a day of slack)
NOT_A_MODIFICATION = "same_as_published"  # htmldate's latest date is the publication date itself
BEFORE_1900 = "before_1900"  # not a news date: a parsing accident or a placeholder
DROP_REASONS = (BEFORE_PUBLISHED, AFTER_SEEN, NOT_A_MODIFICATION, BEFORE_1900)
FUTURE_SLACK = timedelta(days=1)  # clocks and time zones: a day ahead of the fetch is allowed
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)

# Zone names that mean one offset the whole year (ambiguous ones such as CST or IST are left out).
ZONE_OFFSETS: dict[str, int] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 60,
    "cet": 60,
    "mez": 60,
    "west": 60,
    "cest": 120,
    "mesz": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "kst": 540,
    "jst": 540,
    "hkt": 480,
    "sgt": 480,
    "aest": 600,
    "aedt": 660,
    "est": -300,
    "edt": -240,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
}
ISO_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
ZONE_SUFFIX = re.compile(r"\s*\b([A-Za-z]{1,4})$")


@dataclass(frozen=True)
class DateValue:
    value: datetime  # UTC
    precision: Precision
    local_date: date  # the day in the source's own time zone (what "yesterday" counts from)
    offset_minutes: int | None = None  # the source's offset from UTC; None when it gave no zone


@dataclass(frozen=True)
class DateCandidate:
    field: Field
    source: str  # one of PROVENANCE
    value: DateValue
    raw: str  # the text it was read from


@dataclass(frozen=True)
class DateChoice:
    value: DateValue | None
    source: str | None


@dataclass(frozen=True)
class CandidateOutcome:
    candidate: DateCandidate
    is_chosen: bool
    drop_reason: str | None


@dataclass(frozen=True)
class ArticleDates:
    published: DateChoice
    modified: DateChoice
    seen: DateChoice
    outcomes: tuple[CandidateOutcome, ...]


def day_value(day: date) -> DateValue:
    """A day with no time: midnight UTC, precision `date`."""
    return DateValue(datetime(day.year, day.month, day.day, tzinfo=UTC), "date", day)


def instant_value(moment: datetime) -> DateValue:
    """An instant with a known zone, as UTC; its local day is the day in that zone."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else None
    return DateValue(moment.astimezone(UTC), "time", moment.date(), minutes)


def _with_zone_name(text: str) -> tuple[str, timezone | None]:
    match = ZONE_SUFFIX.search(text)
    if match and match.group(1).lower() in ZONE_OFFSETS and re.search(r"\d", text[: match.start()]):
        return text[: match.start()].strip(), timezone(timedelta(minutes=ZONE_OFFSETS[match.group(1).lower()]))
    return text, None


def parse_timestamp(text: str | None) -> DateValue | None:
    """An ISO 8601 (or RFC 2822) date or timestamp -> a `DateValue`; None when it is not one.

    `2024-03-05` -> that day (precision date); `2024-03-05T10:00:00+09:00` -> 01:00 UTC (time);
    `2024-03-05T10:00:00` (no zone) -> the day only; `2024-03-05 10:00 GMT` -> 10:00 UTC.
    """
    text = (text or "").strip()
    if not text or len(text) > 64:
        return None
    try:
        if match := ISO_DATE.match(text):
            return day_value(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
        body, zone = _with_zone_name(text)
        try:
            moment = datetime.fromisoformat(
                body.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", body) else body
            )
        except ValueError:
            moment = parsedate_to_datetime(text)  # "Tue, 05 Mar 2024 10:00:00 GMT"
            zone = None
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None and zone is not None:
        moment = moment.replace(tzinfo=zone)
    if moment.tzinfo is None:
        return day_value(moment.date())
    return instant_value(moment)


def _acceptable(candidate: DateCandidate, seen_at: datetime | None) -> str | None:
    """The drop reason of a candidate that cannot be right whatever else is known, else None."""
    if seen_at is not None and candidate.value.value > seen_at + FUTURE_SLACK:
        return AFTER_SEEN
    if candidate.value.value < EARLIEST:
        return BEFORE_1900
    return None


def _position(candidates: list[DateCandidate] | tuple[DateCandidate, ...], wanted: DateCandidate) -> int:
    return next(i for i, c in enumerate(candidates) if c is wanted)


def _first(candidates: list[DateCandidate], order: tuple[str, ...]) -> DateCandidate | None:
    for source in order:
        for candidate in candidates:
            if candidate.source == source:
                return candidate
    return None


def _agreed(candidates: list[DateCandidate], order: tuple[str, ...]) -> DateCandidate | None:
    """The published candidate whose day the most sources give (each source counts once); among
    days as often given, and among that day's candidates, the first source of `order`."""
    ranked = [c for c in candidates if c.source in order]
    if not ranked:
        return None
    sources_of: dict[date, set[str]] = {}
    for c in ranked:
        sources_of.setdefault(c.value.local_date, set()).add(c.source)
    first = _first(ranked, order)
    best = max(sources_of, key=lambda day: (len(sources_of[day]), day == first.value.local_date))  # type: ignore[union-attr]
    return _first([c for c in ranked if c.value.local_date == best], order)


def _printed(candidates: list[DateCandidate], tolerance_days: int | None) -> DateCandidate | None:
    """The first printed (visible_text) published date, when no structured published date is
    within `tolerance_days` of it."""
    printed = next((c for c in candidates if c.source == VISIBLE_TEXT), None)
    if printed is None or tolerance_days is None:
        return None
    day = printed.value.local_date
    if any(abs((c.value.local_date - day).days) <= tolerance_days for c in candidates if c.source in STRUCTURED):
        return None
    return printed


def choose_dates(
    candidates: list[DateCandidate] | tuple[DateCandidate, ...],
    seen_at: datetime | None,
    published_order: tuple[str, ...] = PUBLISHED_ORDER,
    published_by_agreement: bool = PUBLISHED_BY_AGREEMENT,
    printed_tolerance_days: int | None = PRINTED_DATE_TOLERANCE_DAYS,
) -> ArticleDates:
    """Pick published_at and modified_at from the candidates; seen_at is the fetch/read time.

    Rules: candidates after seen_at (+1 day) or before 1900 are dropped; published_at is the
    sidecar's, else the date printed on the page (unless the structured data gives a published day
    within PRINTED_DATE_TOLERANCE_DAYS of it), else the day most sources give (ties by
    PUBLISHED_ORDER; or the first source of PUBLISHED_ORDER without agreement); modified_at is the
    first source of MODIFIED_ORDER, dropped when it is earlier than published_at
    (`before_published_at`), and htmldate's "latest date" is only a modification when it is later
    than published_at.
    """
    outcomes: dict[int, CandidateOutcome] = {}
    usable: list[DateCandidate] = []
    for index, candidate in enumerate(candidates):
        reason = _acceptable(candidate, seen_at)
        if reason:
            outcomes[index] = CandidateOutcome(candidate, False, reason)
        else:
            usable.append(candidate)
    published_pool = [c for c in usable if c.field == "published_at"]
    if any(c.source == SIDECAR for c in published_pool):
        published = _first(published_pool, published_order)  # what a person said is never outvoted
    elif printed := _printed(published_pool, printed_tolerance_days):
        published = printed
    elif published_by_agreement:
        published = _agreed(published_pool, published_order)
    else:
        published = _first(published_pool, published_order)
    modified_pool = [c for c in usable if c.field == "modified_at" and c.source in MODIFIED_ORDER]
    modified: DateCandidate | None = None
    for candidate in sorted(modified_pool, key=lambda c: MODIFIED_ORDER.index(c.source)):
        if modified is not None:
            break  # the ones after the chosen one are simply not chosen
        if reason := _modification_problem(candidate, published):
            outcomes[_position(candidates, candidate)] = CandidateOutcome(candidate, False, reason)
        else:
            modified = candidate
    for index, candidate in enumerate(candidates):
        if index not in outcomes:
            outcomes[index] = CandidateOutcome(candidate, candidate is published or candidate is modified, None)
    seen = DateChoice(instant_value(seen_at), FETCH_TIME) if seen_at is not None else DateChoice(None, None)
    return ArticleDates(
        DateChoice(published.value, published.source) if published else DateChoice(None, None),
        DateChoice(modified.value, modified.source) if modified else DateChoice(None, None),
        seen,
        tuple(outcomes[i] for i in range(len(candidates))),
    )


def _modification_problem(candidate: DateCandidate, published: DateCandidate | None) -> str | None:
    if published is None:
        return None
    p, m = published.value, candidate.value
    if m.precision == "date" or p.precision == "date":  # compare days when either knows only its day
        earlier, same = m.local_date < p.local_date, m.local_date == p.local_date
    else:
        earlier, same = m.value < p.value, m.value == p.value
    if earlier:
        return BEFORE_PUBLISHED
    if same and candidate.source == HTMLDATE:
        return NOT_A_MODIFICATION
    return None


def candidate(field: Field, source: str, raw: str | None) -> DateCandidate | None:
    """A candidate from a date string, or None when the string is not a date."""
    value = parse_timestamp(raw)
    return DateCandidate(field, source, value, (raw or "").strip()) if value else None


# /2024/03/05/, /2024-03-05/, /20240305/ in a URL's path: a day (never a month alone).
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def url_date(url: str | None) -> DateCandidate | None:
    """The publication day written in a URL's path, if any."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.IGNORECASE).split("?")[0].split("#")[0]
    match = URL_DATE.search(path)
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return DateCandidate("published_at", URL, day_value(day), match.group(0).strip("/"))
