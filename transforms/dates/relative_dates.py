"""Relative date phrases in an article's body, resolved against its publication day by tense. Pure.

English phrases: weekdays ("on Friday", "last Tuesday", "next Monday", "Friday evening"),
"yesterday" / "today" / "tomorrow" / "tonight" / "last night", "two days ago", a day of the
month ("on the 28th"), and a day and month without a year ("on March 3", "3 March",
"the 5th of March"). A trailing "(local time)" belongs to the phrase and is flagged.

Which way from the anchor day (the publication day, in the publisher's time zone when the date
gave one) a phrase points is read from its sentence, with the cue words of
`transforms/data/relative_date_cues.toml`, and kept with the phrase (`direction`, `cue`):
- the phrase itself: "next X", "tomorrow" look forward; "last X", "yesterday", "N days ago",
  "since X" back; "today" / "tonight" are the day itself;
- else the nearest cue in the phrase's clause, to its left first, then to its right: a future
  or a schedule ("will", "is scheduled", "to be held", "upcoming", "opens", "is coming") looks
  forward, to the first such day on or after the anchor; a past tense or a report ("said on",
  "was", "-ed", "ago") looks back, to the latest such day on or before it;
- a date the text gives in full beside the phrase wins ("Wednesday, April 15, 2026", "April
  21-22, 2026", "from October 26 through December 4 of this year");
- a day and month with no cue takes the year of the nearest full date written before it
  (a list of tour dates under "June 9, 2020"); "the 28th" with no cue looks back (datelines).
Left null (`resolved_date` None) when unsure: no cue at all for a weekday or a day and month,
or the phrase names no single day: "every Monday", "on a Sunday", "Monday through Thursday",
a row of weekday names, "today" meaning nowadays (no event in its sentence), "tomorrow" in a
hypothesis or advice ("what works today might not work tomorrow"), "today's world".
Without an anchor (no published_at) every phrase is kept with `resolved_date` None: nothing
is guessed.
"""

from __future__ import annotations

import bisect
import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from transforms.dates.text_dates import MONTHS, word_key

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

# Each kind's pattern, as written (each begins with `\b`); PHRASES tries each only where its match
# can start (PHRASE_STARTS).
PHRASE_SOURCES: tuple[tuple[str, str], ...] = tuple(
    (kind, pattern)
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
            r"(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b(?!['’](?!s\b))"
            + PART_OF_DAY
            + LOCAL_TIME,
        ),
        ("day_of_month", r"\b(?:on\s+)?the\s+" + ORDINAL + r"\b" + AFTER_DAY_OF_MONTH + LOCAL_TIME),
    )
)
# The characters a match of each pattern (PHRASE_SOURCES, by index) can start with, as a zero-width
# test right after its `\b` (with the pattern's flags: the same matches): most word boundaries
# fail it at once, instead of trying every alternative of the pattern there.
PHRASE_STARTS: tuple[str, ...] = (
    r"\d|[" + "".join(sorted({w[0] for w in NUMBER_WORDS})) + "]",  # days_ago: "3", "three", "a"
    "[lty]",  # day_word: the day before ..., yesterday, last night
    "(?-i:[" + "".join(sorted({m[0].upper() for m in ENGLISH_MONTHS.split("|")})) + "])",  # month_day: "March 5"
    "[0-9t]",  # month_day: "the 5th of March", "5 March"
    "[lnost]|(?-i:[FMSTW])",  # weekday: a modifier (last, next, this, on, since) or the day's name
    "[ot]",  # day_of_month: "on the 28th", "the 28th"
)
PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\b(?=" + start + ")" + pattern.removeprefix(r"\b"), re.IGNORECASE))
    for (kind, pattern), start in zip(PHRASE_SOURCES, PHRASE_STARTS, strict=True)
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
_MONTHS = "|".join(m.capitalize() for m in ENGLISH_MONTHS.split("|"))
# What every match of a pattern holds, in order, with the pattern's own flags (PHRASES, by index; None:
# none needed): a pattern runs only on a text where its gate matches somewhere. A gate reads past the pattern's
# leading `\b` and its optional words, so it scans a text much faster than the pattern (no match is
# lost: a text without the gate has no match; tests/transforms/dates/test_relative_dates_gates.py).
PHRASE_GATES: tuple[re.Pattern[str] | None, ...] = (
    re.compile(r"days?\s+ago", re.IGNORECASE),  # "3 days ago"
    None,  # day_word: GATES' words are about as strict
    re.compile(r"(?:" + _MONTHS + r")\.?\s+\d"),  # "March 5"
    re.compile(r"\d(?i:st|nd|rd|th)?\s+(?i:of\s+)?(?:" + _MONTHS + r")"),  # "5th of March"
    None,  # weekday: GATES' words are about as strict
    re.compile(r"the\s+\d\d?(?:st|nd|rd|th)", re.IGNORECASE),  # "the 28th"
)
DAY_WORDS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
# At most this many phrases are kept per text (the first ones): an article has tens; a text made
# of nothing but relative dates (a hostile input) costs a bounded number of rows.
MAX_RELATIVE_DATES = 1000
# The context read around a phrase, either side (characters): a sentence, bounded, so that a
# phrase costs the same whatever the text's length.
CONTEXT_CHARS = 400
# How far back a day and month with no cue looks for a full date giving its year (characters).
YEAR_CONTEXT_CHARS = 1500
FORWARD, BACKWARD, SAME_DAY = "forward", "backward", "none"

MONTH_ALTERNATION = "|".join(m.capitalize() for m in ENGLISH_MONTHS.split("|"))
# A sentence ends at . ! ? (then a closing quote or bracket) before a space, or at a line break;
# not after an abbreviation ("Dec. 6", "U.S. officials", "201 E. Washington").
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|"
    r"a\.m|p\.m|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\.[\"'”’)\]]*[^\S\n]+$"
)
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[-–—&]")
WEEKDAY_NAME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A full date written right after a weekday: "Wednesday, April 15, 2026", "Monday, January, 12 2026".
DATE_AFTER_WEEKDAY = re.compile(
    r",?\s*(?P<month>" + MONTH_ALTERNATION + r")\.?,?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?:,?\s*(?P<year>(?:19|20)\d{2})\b)?"
)
# The year closing a range that starts with the phrase: "April 21-22, 2026", "23 May – 28 September
# 2025", "March 16 to March 19, 2026", "October 26 through December 4 of this year".
RANGE_YEAR = re.compile(
    r"\s*(?:-|–|—|to|through|until|and)\s*(?:(?:" + MONTH_ALTERNATION + r")\.?\s+)?"
    r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+(?:" + MONTH_ALTERNATION + r"))?"
    r"(?:,?\s*(?P<year>(?:19|20)\d{2})\b|\s+(?P<this>of\s+this\s+year|this\s+year))"
)
YEAR_BEFORE = re.compile(r"\b(?P<year>(?:19|20)\d{2}),\s*$")  # "(2019, February 26)"
WEEKDAY_BEFORE = re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*(?:the\s+)?$")
FULL_DATE = re.compile(
    r"\b(?:" + MONTH_ALTERNATION + r")\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b"
)
# A date written right after a day word: "tomorrow (November 19)", "today (Nov.", "tomorrow, December 21".
DATE_AFTER_DAY_WORD = re.compile(r"\s*(?:\(|,\s*)(?:" + MONTH_ALTERNATION + r")\b")
LIST_GAP_CHARS = 120  # a day and month this close after another one, with no cue of its own, is its list's
TODAY_EVENT_REACH = 8  # a first person or an event phrase this many words either side makes "today" that day
TODAY_REACH = 3  # "today" is the anchor day with a tense at most this many words from it ("Today I unboxed")
YEAR_IN_TEXT = re.compile(r"\b((?:1[5-9]|20)\d{2})s?\b")  # a year or a decade ("the 1990s")
NEAR_AHEAD_DAYS = 3  # a day and month told in the past this close after the publication day is that day
THIS_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?(?P<which>this|last|next)\s+year\b")


def _words(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(TOKEN.findall(item.lower().replace("’", "'"))) for item in items)


@dataclass(frozen=True)
class Cues:
    """transforms/data/relative_date_cues.toml, indexed."""

    forward: frozenset[str]
    forward_phrases: tuple[tuple[str, ...], ...]
    forward_nouns: frozenset[str]
    futurate: frozenset[str]
    futurate_phrases: tuple[tuple[str, ...], ...]
    backward: frozenset[str]
    backward_phrases: tuple[tuple[str, ...], ...]
    irregular_past: frozenset[str]
    not_past: frozenset[str]
    passive_auxiliaries: frozenset[str]
    openers: frozenset[str]
    determiners: frozenset[str]
    deadline: frozenset[str]
    before_weekday: frozenset[str]
    weekday_ranges: frozenset[str]
    habitual: frozenset[str]
    hypothetical: frozenset[str]
    today_event: tuple[tuple[str, ...], ...]
    event_nouns: frozenset[str]
    today_contrast: tuple[tuple[str, ...], ...]
    between: frozenset[str]
    month_day_now: tuple[tuple[str, ...], ...]
    schedule_line_separators: tuple[str, ...] = ()
    phrase_starts: frozenset[str] = frozenset()  # the first and last words of the phrases above
    phrase_ends: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        phrases = self.forward_phrases + self.futurate_phrases + self.backward_phrases
        object.__setattr__(self, "phrase_starts", frozenset(p[0] for p in phrases))
        object.__setattr__(self, "phrase_ends", frozenset(p[-1] for p in phrases))


@cache
def cues() -> Cues:
    raw = tomllib.loads(resources.files("transforms.data").joinpath("relative_date_cues.toml").read_text("utf-8"))
    forward, backward, no_day = raw["forward"], raw["backward"], raw["no_day"]
    futurate = _words(forward["futurate_verbs"])
    return Cues(
        forward=frozenset(forward["words"]),
        forward_phrases=_words(forward["phrases"]),
        forward_nouns=frozenset(forward["noun_forms"]),
        futurate=frozenset(w[0] for w in futurate if len(w) == 1),
        futurate_phrases=tuple(w for w in futurate if len(w) > 1),
        backward=frozenset(backward["words"]),
        backward_phrases=_words(backward["phrases"]),
        irregular_past=frozenset(backward["irregular_past"]),
        not_past=frozenset(backward["not_past"]),
        passive_auxiliaries=frozenset(backward["passive_auxiliaries"]),
        openers=frozenset(raw["clause"]["openers"]),
        determiners=frozenset(raw["clause"]["determiners"]),
        deadline=frozenset(forward["deadline_before"]),
        before_weekday=frozenset(no_day["before_weekday"]),
        weekday_ranges=frozenset(no_day["weekday_ranges"]),
        habitual=frozenset(no_day["habitual"]),
        hypothetical=frozenset(no_day["hypothetical"]),
        today_event=_words(no_day["today_event_phrases"]),
        event_nouns=frozenset(no_day["event_nouns"]),
        today_contrast=_words(no_day["today_contrast"]),
        between=frozenset(no_day["between"]),
        month_day_now=_words(no_day["month_day_now"]),
        schedule_line_separators=tuple(no_day["schedule_line_separators"]),
    )


@dataclass(frozen=True)
class RelativeDate:
    phrase: str
    kind: str  # weekday | day_word | days_ago | day_of_month | month_day
    start_char: int  # offsets into the text it was found in (the article's body_text)
    end_char: int
    is_local_time: bool
    resolved_date: date | None
    anchor: str | None  # "published_at" when resolved against it, else None
    direction: str | None = None  # forward | backward | none (the anchor day itself); None when not resolved
    cue: str | None = None  # the word or rule that decided (or that left it null), e.g. "will", "said", "every"


@dataclass(frozen=True)
class Context:
    """A phrase's sentence around it: the text and lower-cased tokens either side (bounded)."""

    before: str  # the text from the sentence start to the phrase
    after: str  # the text from the phrase to the sentence end
    left: list[str]  # tokens of `before`
    right: list[str]  # tokens of `after`
    window_before: str  # up to YEAR_CONTEXT_CHARS of text before the phrase, sentence or not


def _context(text: str, start: int, end: int) -> Context:
    lo = max(0, start - CONTEXT_CHARS)
    before = text[lo:start]
    cut = 0
    for m in SENTENCE_END.finditer(before):
        if "\n" in m.group(0) or not ABBREVIATION.search(before[max(0, m.start() - 6) : m.end()]):
            cut = m.end()
    before = before[cut:]
    after = text[end : end + CONTEXT_CHARS]
    for m in SENTENCE_END.finditer(after):
        if "\n" in m.group(0) or not ABBREVIATION.search(after[max(0, m.start() - 6) : m.end()]):
            after = after[: m.start() + 1]
            break

    def tokens(s: str) -> list[str]:
        return TOKEN.findall(s.lower().replace("’", "'"))

    return Context(before, after, tokens(before), tokens(after), text[max(0, start - YEAR_CONTEXT_CHARS) : start])


def _phrase_at(tokens: list[str], i: int, phrases: tuple[tuple[str, ...], ...], ending: bool) -> str | None:
    """The phrase of `phrases` ending (left scan) or starting (right scan) at token i."""
    for phrase in phrases:
        n = len(phrase)
        span = tokens[i - n + 1 : i + 1] if ending else tokens[i : i + n]
        if len(span) == n and tuple(span) == phrase:
            return " ".join(phrase)
    return None


def _is_past(tokens: list[str], i: int, c: Cues) -> bool:
    word = tokens[i]
    if word in c.not_past:
        return False
    if word not in c.irregular_past and not (len(word) > 4 and word.endswith("ed")):
        return False
    # "will be divulged", "is held", "are most selected": an auxiliary one or two words before
    return not any(w in c.passive_auxiliaries for w in tokens[max(0, i - 2) : i])


def _cue_at(tokens: list[str], i: int, ending: bool, c: Cues, futurate: bool) -> tuple[str, str] | None:
    if tokens[i] in (c.phrase_ends if ending else c.phrase_starts):  # else no phrase can match here
        phrase = _phrase_at(tokens, i, c.forward_phrases, ending)
        if not phrase and futurate:
            phrase = _phrase_at(tokens, i, c.futurate_phrases, ending)
        if phrase:
            return FORWARD, phrase
        phrase = _phrase_at(tokens, i, c.backward_phrases, ending)
        if phrase:
            return BACKWARD, phrase
    word = tokens[i]
    after_determiner = i > 0 and (tokens[i - 1] in c.determiners or tokens[i - 1].endswith("'s"))
    if futurate and word in c.futurate and after_determiner:
        futurate = False  # "Trump's visit", "the opening", "a play": a noun, no schedule
    if word in c.forward_nouns and after_determiner:
        return None  # "shelved its plans", "the deadline": a noun, no future
    if word in c.forward or (futurate and word in c.futurate) or word.endswith("'ll"):
        return FORWARD, word
    if word in c.backward or _is_past(tokens, i, c):
        return BACKWARD, word
    return None


def _tense(ctx: Context, reach: int = CONTEXT_CHARS, futurate: bool = True) -> tuple[str, str] | None:
    """The nearest cue to the phrase in its clause, at most `reach` words away: to the left first
    (up to a clause opener), then to the right (up to one): (direction, cue word). `futurate`: whether
    a present-tense event verb ("opens") counts as a schedule."""
    c = cues()
    for n, i in enumerate(range(len(ctx.left) - 1, -1, -1)):
        if n >= reach:
            break
        if ctx.left[i] in c.openers:
            if n == 0 and not ctx.right:
                continue  # "I won't be doing that tomorrow.": a pronoun before a phrase that ends the sentence
            break
        found = _cue_at(ctx.left, i, True, c, futurate)
        if found:
            return found
    for i in range(min(len(ctx.right), reach)):
        if ctx.right[i] in c.openers:
            break
        found = _cue_at(ctx.right, i, False, c, futurate)
        if found:
            return found
    return None


def _on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def _on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _month_day_in(month: int, day: int, year: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day_towards(month: int, day: int, anchor: date, direction: str) -> date | None:
    """The first such day on or after the anchor (forward) or the latest on or before it."""
    years = (anchor.year, anchor.year + 1) if direction == FORWARD else (anchor.year, anchor.year - 1)
    if direction == BACKWARD:
        # "The study, published January 24" in a page of January 23: a day or three ahead is that day
        # (a publication day a time zone or an embargo early), not the same day a year before.
        near = _month_day_in(month, day, anchor.year)
        if near and anchor < near <= anchor + timedelta(days=NEAR_AHEAD_DAYS):
            return near
    for year in years:
        candidate = _month_day_in(month, day, year)
        if candidate and (candidate >= anchor if direction == FORWARD else candidate <= anchor):
            return candidate
    return None


def _month_day_with_weekday(month: int, day: int, weekday: int, anchor: date) -> date | None:
    """The year (around the anchor's) whose `month`/`day` falls on `weekday`: "Saturday, May 18"."""
    found = [
        d
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _month_day_in(month, day, year)) is not None and d.weekday() == weekday
    ]
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def _day_of_month(day: int, anchor: date, local: bool, direction: str) -> date | None:
    if direction == FORWARD:
        year, month = anchor.year, anchor.month
        for _ in range(3):
            if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= anchor:
                return date(year, month, day)
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        return None
    latest = anchor + timedelta(days=1 if local else 0)
    year, month = latest.year, latest.month
    for _ in range(3):  # this month, or the one before (the 31st may skip a month)
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) <= latest:
            return date(year, month, day)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _names_no_day(ctx: Context, c: Cues) -> str | None:
    """Why a weekday names no single day: 'every' / 'a (sunny)' before it, a range or a row of
    weekdays, a habit ('always') or a hypothesis ('if') in its sentence."""
    near = ctx.left[-2:]
    if near and near[-1] in c.before_weekday and near[-1] not in ("a", "an"):
        return near[-1]
    if len(near) == 2 and near[0] in ("a", "an", "every", "each"):
        return near[0]  # "on a Sunday", "a sunny Friday"
    if near and near[-1] in ("a", "an") and not any(w in c.event_nouns for w in ctx.right[:2]):
        return near[-1]  # "on a Sunday"; but "in a Tuesday research report" is that Tuesday's
    if ctx.after[:1].isalpha():
        return "plural"  # "Sunday mornings"
    if ctx.right and ctx.right[0] in c.weekday_ranges:
        rest = re.sub(r"^\s*(?:through|thru|and|or|-|–|—|&)\s*", "", ctx.after)
        if WEEKDAY_NAME.match(rest):
            return ctx.right[0]
    if ctx.left and ctx.left[-1] in c.weekday_ranges and WEEKDAY_NAME.search(ctx.before[-15:]):
        return ctx.left[-1]
    if len(set(WEEKDAY_NAME.findall(ctx.before + " " + ctx.after))) >= 2:
        return "weekday list"
    left, right = _clause(ctx, c)
    left = _after_closed_quote(ctx, left)
    sentence = ctx.before + " " + ctx.after
    habit = next((w for w in left + right if w in c.habitual and re.search(rf"\b{w}\b", sentence)), None)
    return habit or _hypothesis(left, c)


def _after_closed_quote(ctx: Context, left: list[str]) -> list[str]:
    """The words of `left` after a quotation closed before the phrase: a hypothesis or a habit inside
    a quote ('"... how they can be part of the solution," Noem told the AP Monday') is not the
    phrase's. `left` is the tail of ctx.left."""
    closing = max(ctx.before.rfind("”"), ctx.before.rfind('"') if ctx.before.count('"') % 2 == 0 else -1)
    if closing < 0:
        return left
    outside = TOKEN.findall(ctx.before[closing + 1 :].lower().replace("’", "'"))
    return left[len(left) - min(len(left), len(outside)) :]


def _clause(ctx: Context, c: Cues) -> tuple[list[str], list[str]]:
    """The phrase's clause, its words before and after it: between the nearest clause openers."""
    left = ctx.left
    for i in range(len(left) - 1, -1, -1):
        if left[i] in c.openers:
            left = left[i + 1 :]
            break
    right = ctx.right
    for i, w in enumerate(right):
        if w in c.openers:
            right = right[:i]
            break
    return left, right


def _hypothesis(words: list[str], c: Cues) -> str | None:
    """A hypothesis or advice in the phrase's clause ("if", "might", "try", "your"); for a weekday,
    only before it ("whatever happened on Saturday was minor, or maybe routine" is a day)."""
    return next((w for w in words if w in c.hypothetical), None)


def _has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> str | None:
    """The first of `phrases` found in `words` (each a few words; `words` a bounded sentence)."""
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                return " ".join(phrase)
    return None


def _between(ctx: Context, c: Cues) -> str | None:
    """'between yesterday and today': a day word right after "between", or after "between X and"."""
    near = ctx.left[-3:]
    if near[-1:] and near[-1] in c.between:
        return near[-1]
    if len(near) == 3 and near[0] in c.between and near[2] in ("and", "or"):
        return near[0]
    return None


def _today_against_the_past(ctx: Context, anchor: date, c: Cues) -> str | None:
    """'today' set against the past in its sentence: 'nowadays' (a contrast word, or a year at least
    two years before the anchor)."""
    found = _has_phrase(ctx.left + ctx.right, c.today_contrast)
    if found:
        return found
    years = [int(y) for y in YEAR_IN_TEXT.findall(ctx.before + " " + ctx.after)]
    return "earlier year" if any(y <= anchor.year - 2 for y in years) else None


def _signed(resolved: date | None, anchor: date) -> str | None:
    if resolved is None:
        return None
    return FORWARD if resolved > anchor else BACKWARD if resolved < anchor else SAME_DAY


def _possessive_no_event(ctx: Context, c: Cues) -> bool:
    """'today's world', 'yesterday's problems': the day word names no day unless an event follows."""
    if not ctx.after.startswith(("'s", "’s")):
        return False
    following = ctx.right[1:3] if ctx.right and ctx.right[0] == "s" else ctx.right[:2]
    return not any(w in c.event_nouns for w in following)


def _day_word(word: str, ctx: Context, anchor: date) -> tuple[date | None, str | None]:
    """today / tonight are the anchor day when the sentence tells of an event on it (else "today"
    is nowadays); yesterday / tomorrow count when a tense agrees (else it is a figure of speech:
    "yesterday's problems", "the AI factory of tomorrow", "try again tomorrow")."""
    c = cues()
    day = anchor + timedelta(days=DAY_WORDS[word])
    if DATE_AFTER_DAY_WORD.match(ctx.after):
        return day, "date"  # "tomorrow (November 19)", "today (Nov. 18)", "tomorrow, December 21"
    if _possessive_no_event(ctx, c):
        return None, "possessive"
    between = _between(ctx, c)
    if between:
        return None, between
    hypothesis = _hypothesis(ctx.left + ctx.right, c)  # anywhere in the sentence
    if word == "today":
        if ctx.after.startswith(("'s", "’s")):
            return day, "today's event"
        # within TODAY_EVENT_REACH words: "we are going to take you on a tour of ... in use today" is no event of today
        contrast = _today_against_the_past(ctx, anchor, c)
        if contrast:
            return None, contrast  # "from the 1990s until today": nowadays, even with an event phrase
        event = _has_phrase(ctx.left[-TODAY_EVENT_REACH:] + ["today"] + ctx.right[:TODAY_EVENT_REACH], c.today_event)
        if event:
            return day, event
        tense = _tense(ctx, reach=TODAY_REACH, futurate=False)
        if tense is None or hypothesis:
            return None, hypothesis or "generic"
        return day, tense[1]
    if hypothesis:
        return None, hypothesis
    if word == "tonight":
        return day, word
    tense = _tense(ctx)
    wanted = BACKWARD if DAY_WORDS[word] < 0 else FORWARD
    if tense is None or tense[0] != wanted:
        return None, tense[1] if tense else "no tense"
    return day, tense[1]


def _weekday(groups: dict, ctx: Context, anchor: date, after_text: str) -> tuple[date | None, str | None]:
    c = cues()
    target = WEEKDAYS[word_key(groups["weekday"])]
    modifier = word_key(groups.get("modifier") or "")
    written = DATE_AFTER_WEEKDAY.match(after_text)
    if written:
        month, day = MONTHS[word_key(written.group("month"))], int(written.group("day"))
        if written.group("year"):
            return _month_day_in(month, day, int(written.group("year"))), "date"
        return _month_day_with_weekday(month, day, target, anchor), "date"
    if modifier == "next":
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7), "next"
    if modifier == "last":
        return anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7), "last"
    if modifier == "since":
        return _on_or_before(anchor, target), "since"
    if ctx.left and ctx.left[-1] in c.deadline:
        return _on_or_after(anchor, target), ctx.left[-1]  # "by Thursday morning", "until Friday"
    if not ctx.before.strip() and not ctx.after.strip():
        return None, "alone on its line"  # a table's cell or a heading
    no_day = _names_no_day(ctx, c)
    if no_day:
        return None, no_day
    tense = _tense(ctx)
    if tense is None:
        if modifier == "this":
            return _on_or_after(anchor, target), "this"
        if target == anchor.weekday():
            return anchor, "same weekday"  # either way it is the anchor day
        return None, None
    direction, cue = tense
    return (_on_or_after(anchor, target) if direction == FORWARD else _on_or_before(anchor, target)), cue


def _month_day(groups: dict, ctx: Context, anchor: date, previous: date | None) -> tuple[date | None, str | None]:
    month, day = MONTHS[word_key(groups["month"])], int(groups["day"])
    which = THIS_YEAR_AFTER.match(ctx.after)
    if which:
        shift = {"this": 0, "last": -1, "next": 1}[which.group("which")]
        return _month_day_in(month, day, anchor.year + shift), "date"
    ranged = RANGE_YEAR.match(ctx.after)
    if ranged:
        year = anchor.year if ranged.group("this") else int(ranged.group("year"))
        return _month_day_in(month, day, year), "date"
    year_before = YEAR_BEFORE.search(ctx.before[-12:])
    if year_before:
        return _month_day_in(month, day, int(year_before.group("year"))), "date"
    if any(tuple(ctx.left[-len(p) :]) == p for p in cues().month_day_now):
        near = [d for year in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _month_day_in(month, day, year))]
        return (min(near, key=lambda d: abs((d - anchor).days)) if near else None), "it is"
    weekday = WEEKDAY_BEFORE.search(ctx.before[-16:])
    if weekday:
        return _month_day_with_weekday(month, day, WEEKDAYS[word_key(weekday.group("weekday"))], anchor), "weekday"
    tense = _tense(ctx)
    if tense is not None:
        return _month_day_towards(month, day, anchor, tense[0]), tense[1]
    if previous is not None and not ctx.before.strip():
        # a line of a list of dates: the year of the line before (the next year past December)
        year = previous.year + (1 if (month, day) < (previous.month, previous.day) else 0)
        return _month_day_in(month, day, year), "list"
    years = [int(m.group("year")) for m in FULL_DATE.finditer(ctx.window_before)]
    if years:
        return _month_day_in(month, day, years[-1]), "year nearby"
    if not ctx.before.strip() and ctx.after.lstrip()[:1] in cues().schedule_line_separators:
        return _month_day_towards(month, day, anchor, FORWARD), "schedule line"  # "June 9 – Tampa, FL @ ..."
    return None, None


def _resolve(
    kind: str, groups: dict, ctx: Context, anchor: date, previous: date | None = None
) -> tuple[date | None, str | None]:
    """The day a phrase names and the cue that decided it (or why it is left null). `previous`: the
    day of the day-and-month phrase just before this one, when it is close enough to be a list."""
    if kind == "weekday":
        return _weekday(groups, ctx, anchor, ctx.after)
    if kind == "day_word":
        return _day_word(re.sub(r"\s+", " ", word_key(groups["word"])), ctx, anchor)
    if kind == "days_ago":
        n = word_key(groups["n"])
        return anchor - timedelta(days=int(n) if n.isdigit() else NUMBER_WORDS[n]), "ago"
    if kind == "day_of_month":
        tense = _tense(ctx)
        direction, cue = tense if tense else (BACKWARD, "default")
        return _day_of_month(int(groups["dom"]), anchor, bool(groups.get("local")), direction), cue
    return _month_day(groups, ctx, anchor, previous)


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint spans (sorted by start: so sorted by end too).
    The only candidate is the last span starting before `end`: O(log n)."""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start


def relative_dates(text: str, anchor: date | None, limit: int = MAX_RELATIVE_DATES) -> list[RelativeDate]:
    """The relative date phrases in `text`, in order (the first `limit`); resolved when `anchor` is known.

    Linear in the matches: a phrase is checked against the spans taken by earlier kinds with a
    binary search (the matches of one kind never overlap each other), and each kind's spans are
    merged into the taken ones once it is done; a phrase's tense is read from a bounded window
    around it (CONTEXT_CHARS either side). Past `limit` phrases of one kind nothing later can be
    among the first `limit`, so a kind's search stops there: a text of nothing but phrases costs
    `limit` per kind, whatever its length."""
    found: list[RelativeDate] = []
    starts: list[int] = []  # the spans taken so far, disjoint, sorted
    ends: list[int] = []
    lowered = text.lower()
    for (kind, pattern), gate in zip(PHRASES, PHRASE_GATES, strict=True):
        if gate is not None and not gate.search(text):  # the cheapest check first: one scan
            continue
        haystack = text if kind in CASE_SENSITIVE_GATES else lowered
        if not any(word in haystack for word in GATES[kind]):
            continue
        if kind == "day_of_month" and not ORDINAL_NUMBER.search(text):
            continue
        taken: list[tuple[int, int]] = []
        last: tuple[int, date] | None = None  # the end and day of this kind's last resolved phrase
        for match in pattern.finditer(text):
            start, end = match.span()
            if _overlaps(starts, ends, start, end):
                continue
            if len(taken) == limit:  # `limit` of this kind before here: nothing later is among the first `limit`
                break
            groups = match.groupdict()
            resolved: date | None = None
            cue: str | None = None
            if anchor is not None:
                previous = last[1] if last and start - last[0] <= LIST_GAP_CHARS else None
                resolved, cue = _resolve(kind, groups, _context(text, start, end), anchor, previous)
                if resolved is not None:
                    last = (end, resolved)
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
                    _signed(resolved, anchor) if anchor is not None else None,
                    cue,
                )
            )
        if taken:
            spans = sorted(list(zip(starts, ends)) + taken)  # two sorted runs: a linear merge
            starts, ends = [s for s, _ in spans], [e for _, e in spans]
            found.sort(key=lambda r: r.start_char)
            del found[limit:]
    return found
