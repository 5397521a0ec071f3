"""The month pattern's first-character test (`MONTH_START`, issue 15's cost point) keeps every date:
it accepts exactly the characters a month name can start with, under IGNORECASE's own case rules,
and `dates_in` finds the same dates as with the pattern as written, on made-up texts and on the
gold bodies of the three shared sets."""

from __future__ import annotations

import re

import pytest

import transforms.dates.text_dates as text_dates
from tests.conftest import sample_gold_bodies
from transforms.dates.text_dates import DATE_PATTERNS, MONTH_START, MONTHS, dates_in

BODIES_PER_SET = 60
TEXTS = [
    "Published March 5, 2024 at 10:32 GMT; updated Sept. 9th, 2024; DEC 1 2023; 1st June, 2020.",
    "Le 5 mars 2024, el 3 de enero de 2023, am 1. Oktober 2024, 2024-03-05, 05.03.2024, 2024년 3월 5일.",
    "août 12, 2021; Août 12, 2021; dezember 24, 2020; märz 1, 2019; ene 2, 2018; out 3, 2017; nov. 4, 2016",
    "no dates; a May day; 12/11/2024 and 13/11/2024; Mayor 5, 2024 is not a month.",
    "",
]
# matched alike (the long s matches "s" case-insensitively; `dates_in` reads it through `word_key`)
SPANS_ONLY = ["ſept 3, 2022 (a long s), ſeptember 3, 2022"]


def _written() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.pattern.replace(MONTH_START, "", 1), p.flags) for p in DATE_PATTERNS)


def _gold_bodies() -> list[str]:
    return sample_gold_bodies(BODIES_PER_SET)


def test_the_first_characters_are_the_month_names_first_characters() -> None:
    """Over the Basic Multilingual Plane: the test accepts a character exactly when one of the
    month names' first letters matches it case-insensitively (the long s, the Kelvin sign, ...)."""
    firsts = re.compile("|".join(sorted({re.escape(n[0]) for n in MONTHS})), re.IGNORECASE)
    start = re.compile(MONTH_START, re.IGNORECASE)
    for code in range(0x10000):
        char = chr(code)
        assert bool(start.match(char)) == bool(firsts.match(char)), hex(code)


def test_only_the_month_first_pattern_has_it() -> None:
    assert sum(MONTH_START in p.pattern for p in DATE_PATTERNS) == 1


def test_the_same_dates_as_the_patterns_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TEXTS + _gold_bodies()
    fast = [dates_in(t) for t in texts]
    for pattern, written in zip(DATE_PATTERNS, _written(), strict=True):
        for text in texts + SPANS_ONLY:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in written.finditer(text)]
    monkeypatch.setattr(text_dates, "DATE_PATTERNS", _written())
    assert [dates_in(t) for t in texts] == fast
    assert sum(map(len, fast)) > 50
