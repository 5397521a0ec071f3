"""Dates printed in an article's text -> candidates with source `visible_text`. Pure.

Where: the "Published ... / Updated ..." stamps, bylines and datelines the rules removed, and
the dateline at the start of the first paragraph ("WASHINGTON, March 5, 2024 (Reuters) -").
What: full dates only — a day, a month and a year (`2024-03-05`, `March 5, 2024`,
`5. März 2024`, `05.03.2024`, `2024년 3월 5일`, `2024年3月5日`). A date without its year is
not a publication date (it is a relative date, see `transforms.dates.relative_dates`); `03/05/2024`
is skipped when day and month could be either. A time counts only with a zone it names
(`10:32 GMT`); otherwise the day is kept. A date after an "updated" word is a modified_at
candidate, any other a published_at candidate.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from transforms.dates.article_dates import (
    VISIBLE_TEXT,
    ZONE_OFFSETS,
    DateCandidate,
    DateValue,
    Field,
    day_value,
    instant_value,
)
from transforms.text.articles import TextArticle

STAMP_CATEGORIES = frozenset({"timestamp", "byline", "dateline"})
DATELINE_CHARS = 120  # a dateline date sits in the first characters of the first paragraph
DATELINE_END = re.compile(r"\s(?:--|-|–|—)\s|\)\s*(?:--|-|–|—)|:\s")

# letters `re.IGNORECASE` matches to an ASCII letter whose lower case is not that letter: the long s
# (matches s), the dotless i and the dotted capital I (match i; "İ".lower() is "i" + a combining dot)
_IGNORECASE_TWINS = str.maketrans({"ſ": "s", "ı": "i", "\u0307": None})


def word_key(matched: str) -> str:
    """A word a case-insensitive pattern matched, as the word lists are keyed (lower case): 'ſept' and
    'Aprİl' matched 'sept' and 'april', so they are looked up as those."""
    return matched.lower().translate(_IGNORECASE_TWINS)


MONTHS: dict[str, int] = {}
for number, names in enumerate(
    (
        "january jan januar jänner janvier enero ene janeiro",
        "february feb februar février fevrier febrero fevereiro fev",
        "march mar märz maerz mrz mars marzo março",
        "april apr avril abril abr",
        "may mai mayo maio",
        "june jun juni juin junio junho",
        "july jul juli juillet julio julho",
        "august aug août aout agosto ago",
        "september sep sept septembre septiembre setiembre setembro set",
        "october oct oktober okt octobre octubre outubro out",
        "november nov novembre noviembre novembro",
        "december dec dezember dez décembre decembre diciembre dic dezembro",
    ),
    start=1,
):
    for name in names.split():
        MONTHS.setdefault(name, number)
MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
# Where a month name can start: a pattern that begins with MONTH looks for one of these first (a
# zero-width test that matches where MONTH can: the same matches, with IGNORECASE's own case rules;
# trying MONTH's ~80 names at every word boundary made it the slowest of DATE_PATTERNS, 3x).
MONTH_START = "(?=[" + "".join(sorted({re.escape(name[0]) for name in MONTHS})) + "])"
ZONE = r"(?P<zone>" + "|".join(sorted(ZONE_OFFSETS, key=len, reverse=True)) + r"|[+-]\d{2}:?\d{2})"
TIME = (
    r"(?:\s*(?:,|at|à|um|a\s+las|às|-|\|)?\s*(?P<hour>\d{1,2})\s*[:h.시時]\s*(?P<minute>\d{2})\s*(?:분|分)?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?:\s*(?:uhr|h))?(?:\s*\(?" + ZONE + r"\b\)?)?)?"
)
DATE_PATTERNS = tuple(
    re.compile(p + TIME, re.IGNORECASE)
    for p in (
        r"\b(?P<year>(?:19|20)\d{2})\s*[-./]\s*(?P<mon>\d{1,2})\s*[-./]\s*(?P<day>\d{1,2})\b",
        r"\b(?P<year>(?:19|20)\d{2})\s*[년年]\s*(?P<mon>\d{1,2})\s*[월月]\s*(?P<day>\d{1,2})\s*[일日](?:\s*\([^)]{1,3}\))?",
        r"\b" + MONTH_START + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b",
        r"\b(?P<day>\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?"
        + MONTH
        + r"(?:\s+de)?,?\s+(?P<year>(?:19|20)\d{2})\b",
        r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b",
        r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)\d{2})\b",
    )
)
MODIFIED_WORDS = re.compile(
    r"updated|modified|aktualisiert|\bstand\b|mis\s+à\s+jour|actualizado|atualizado|수정|更新", re.IGNORECASE
)


def _day(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month, day = MONTHS[word_key(groups["month"])], int(groups["day"])
    elif groups.get("mon"):
        month, day = int(groups["mon"]), int(groups["day"])
    else:  # d/m/y or m/d/y: only when one of the two cannot be a month
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _value(match: re.Match[str], day: date) -> DateValue:
    groups = match.groupdict()
    zone = (groups.get("zone") or "").lower()
    if groups.get("hour") is None or not zone:
        return day_value(day)
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day_value(day)
    if zone in ZONE_OFFSETS:
        offset = ZONE_OFFSETS[zone]
    else:
        sign, digits = (-1 if zone[0] == "-" else 1), zone[1:].replace(":", "")
        offset = sign * (int(digits[:2]) * 60 + int(digits[2:]))
    return instant_value(
        datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone(timedelta(minutes=offset)))
    )


def dates_in(text: str) -> list[tuple[int, int, DateValue]]:
    """Full dates in a piece of text: (start, end, value), in order, not overlapping."""
    found: list[tuple[int, int, DateValue]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e, _ in found):
                continue
            if (day := _day(match)) is not None:
                found.append((match.start(), match.end(), _value(match, day)))
    return sorted(found, key=lambda f: f[0])


def stamp_candidates(text: str) -> list[DateCandidate]:
    """Each date of a stamp: modified_at when an "updated" word stands between it and the date
    before it ("Published 12 March 2024, updated 13 March 2024"), else published_at."""
    out: list[DateCandidate] = []
    previous_end = 0
    for start, end, value in dates_in(text):
        field: Field = "modified_at" if MODIFIED_WORDS.search(text[previous_end:start]) else "published_at"
        out.append(DateCandidate(field, VISIBLE_TEXT, value, text[start:end].strip()))
        previous_end = end
    return out


def visible_text_dates(article: TextArticle) -> tuple[DateCandidate, ...]:
    """Date candidates from the removed stamps, bylines and datelines, and the first paragraph's dateline."""
    found: list[DateCandidate] = []
    for span in article.removed:
        if span.category in STAMP_CATEGORIES:
            found += stamp_candidates(span.text)
    body = article.body_blocks
    if body:
        head = body[0].text[:DATELINE_CHARS]
        end = DATELINE_END.search(head)
        if end:
            found += [c for c in stamp_candidates(head[: end.start() + 1]) if c.field == "published_at"]
    return tuple(found)
