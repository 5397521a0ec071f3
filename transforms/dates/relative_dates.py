"""Relative date phrases in an article's body, resolved against its publication day. Pure.

English phrases: weekdays ("on Friday", "last Tuesday", "next Monday", "Friday evening"),
"yesterday" / "today" / "tomorrow" / "tonight" / "last night", "two days ago", a day of the
month ("on the 28th"), and a day and month without a year ("on March 3", "3 March",
"the 5th of March"). A trailing "(local time)" belongs to the phrase and is flagged.

Resolution, against the anchor day (the publication day, in the publisher's time zone when the
date gave one), looks back by default, as reported news does:
- a weekday is the latest such day on or before the anchor; "last X" the latest one strictly
  before the anchor; "next X" the first one after it;
- yesterday / today / tonight / last night / tomorrow / N days ago: plain arithmetic;
- "the 28th": the latest 28th on or before the anchor (+1 day for "(local time)", which may
  run a day ahead of the publisher's clock);
- "March 3": that day in the anchor's year, or the year before when that is more than 31 days
  after the anchor.
Without an anchor (no published_at) every phrase is kept with `resolved_date` None: nothing
is guessed.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from transforms.dates.text_dates import MONTHS

WEEKDAYS = {
    name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
}
ENGLISH_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
LOCAL_TIME = r"(?P<local>\s*\(local\s+time\))?"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
# Words that may follow "the 28th" in a sentence (anything else, "the 28th floor", is not a date).
AFTER_DAY_OF_MONTH = (
    r"(?=\s*(?:\(local\s+time\)|[.,;:)!?]|$"
    r"|\s+(?:and|at|in|when|after|before|that|with|to|as|said|but|for|from|of\s+this\s+month)\b))"
)
ORDINAL = r"(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
MONTH_NAME = r"(?-i:(?P<month>" + "|".join(m.capitalize() for m in ENGLISH_MONTHS.split("|")) + r"))\.?"
NO_YEAR = r"(?!,?\s*(?:19|20)\d{2}\b)(?!\d)"

PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("days_ago", r"\b(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+days?\s+ago\b"),
        (
            "day_word",
            r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|"
            r"tomorrow|last\s+night)\b" + PART_OF_DAY + LOCAL_TIME,
        ),
        (
            "month_day",
            r"\b" + MONTH_NAME + r"\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b" + NO_YEAR + LOCAL_TIME,
        ),
        (
            "month_day",
            r"\b(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + MONTH_NAME
            + r"\b"
            + NO_YEAR
            + LOCAL_TIME,
        ),
        (
            "weekday",
            r"\b(?:(?P<modifier>last|next|this|on|since)\s+)?"
            r"(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b(?!')"
            + PART_OF_DAY
            + LOCAL_TIME,
        ),
        ("day_of_month", r"\b(?:on\s+)?the\s+" + ORDINAL + r"\b" + AFTER_DAY_OF_MONTH + LOCAL_TIME),
    )
)
# A kind's pattern runs only on texts holding one of these words (most hold none; each pattern
# would otherwise try every word boundary). Lower-case words are looked for in the lower-cased text.
GATES: dict[str, tuple[str, ...]] = {
    "days_ago": (" ago",),
    "day_word": ("yesterday", "today", "tonight", "tomorrow", "last night"),
    "month_day": tuple(m.capitalize() for m in ENGLISH_MONTHS.split("|")),
    "weekday": tuple(d.capitalize() for d in WEEKDAYS),
    "day_of_month": ("st", "nd", "rd", "th"),
}
CASE_SENSITIVE_GATES = frozenset({"month_day", "weekday"})
ORDINAL_NUMBER = re.compile(r"\d(?:st|nd|rd|th)\b")
DAY_WORDS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
MONTH_DAY_FUTURE_DAYS = 31  # "March 3" up to a month after the anchor is this year's
# At most this many phrases are kept per text (the first ones): an article has tens; a text made
# of nothing but relative dates (a hostile input) costs a bounded number of rows.
MAX_RELATIVE_DATES = 1000


@dataclass(frozen=True)
class RelativeDate:
    phrase: str
    kind: str  # weekday | day_word | days_ago | day_of_month | month_day
    start_char: int  # offsets into the text it was found in (the article's body_text)
    end_char: int
    is_local_time: bool
    resolved_date: date | None
    anchor: str | None  # "published_at" when resolved against it, else None


def _weekday(groups: dict, anchor: date) -> date:
    target = WEEKDAYS[groups["weekday"].lower()]
    modifier = (groups.get("modifier") or "").lower()
    back = (anchor.weekday() - target) % 7
    if modifier == "next":
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
    if modifier == "last":
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def _day_of_month(day: int, anchor: date, local: bool) -> date | None:
    latest = anchor + timedelta(days=1 if local else 0)
    year, month = latest.year, latest.month
    for _ in range(3):  # this month, or the one before (the 31st may skip a month)
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) <= latest:
            return date(year, month, day)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _month_day(month: int, day: int, anchor: date) -> date | None:
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor + timedelta(days=MONTH_DAY_FUTURE_DAYS):
            return candidate
    return None


def _resolve(kind: str, groups: dict, anchor: date) -> date | None:
    if kind == "weekday":
        return _weekday(groups, anchor)
    if kind == "day_word":
        return anchor + timedelta(days=DAY_WORDS[re.sub(r"\s+", " ", groups["word"].lower())])
    if kind == "days_ago":
        n = groups["n"].lower()
        return anchor - timedelta(days=int(n) if n.isdigit() else NUMBER_WORDS[n])
    if kind == "day_of_month":
        return _day_of_month(int(groups["dom"]), anchor, bool(groups.get("local")))
    return _month_day(MONTHS[groups["month"].lower()], int(groups["day"]), anchor)


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint spans (sorted by start: so sorted by end too).
    The only candidate is the last span starting before `end`: O(log n)."""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start


def relative_dates(text: str, anchor: date | None, limit: int = MAX_RELATIVE_DATES) -> list[RelativeDate]:
    """The relative date phrases in `text`, in order (the first `limit`); resolved when `anchor` is known.

    Linear in the matches: a phrase is checked against the spans taken by earlier kinds with a
    binary search (the matches of one kind never overlap each other), and each kind's spans are
    merged into the taken ones once it is done. Past `limit` phrases of one kind nothing later can be
    among the first `limit`, so a kind's search stops there: a text of nothing but phrases costs
    `limit` per kind, whatever its length."""
    found: list[RelativeDate] = []
    starts: list[int] = []  # the spans taken so far, disjoint, sorted
    ends: list[int] = []
    lowered = text.lower()
    for kind, pattern in PHRASES:
        haystack = text if kind in CASE_SENSITIVE_GATES else lowered
        if not any(word in haystack for word in GATES[kind]):
            continue
        if kind == "day_of_month" and not ORDINAL_NUMBER.search(text):
            continue
        taken: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if _overlaps(starts, ends, start, end):
                continue
            if len(taken) == limit:  # `limit` of this kind before here: nothing later is among the first `limit`
                break
            groups = match.groupdict()
            resolved = _resolve(kind, groups, anchor) if anchor is not None else None
            taken.append((start, end))
            found.append(
                RelativeDate(
                    match.group(0),
                    kind,
                    start,
                    end,
                    bool(groups.get("local")),
                    resolved,
                    "published_at" if resolved is not None else None,
                )
            )
        if taken:
            spans = sorted(list(zip(starts, ends)) + taken)  # two sorted runs: a linear merge
            starts, ends = [s for s, _ in spans], [e for _, e in spans]
            found.sort(key=lambda r: r.start_char)
            del found[limit:]
    return found
