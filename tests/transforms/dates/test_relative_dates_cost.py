"""The relative dates' two shortcuts (issue 15's cost point) lose no phrase: the phrase patterns'
gates (`PHRASE_GATES`: every match of a pattern holds a match of its gate) and the test of a
match's first character (`PHRASE_STARTS`: the patterns find what the patterns as written,
`PHRASE_SOURCES`, find). `relative_dates` gives the same phrases, days and cues with both as
without them, on made-up texts and on the gold bodies of the three shared sets."""

from __future__ import annotations

import re
from datetime import date

import pytest

import transforms.dates.relative_dates as relative
from tests.conftest import sample_gold_bodies
from transforms.dates.relative_dates import PHRASE_GATES, PHRASE_SOURCES, PHRASES, relative_dates

BODIES_PER_SET = 60
ANCHOR = date(2024, 2, 14)
TEXTS = [
    "He left 3 days ago, and two days\nago she came; a day\tago it rained. Chicago, ago.",
    "It opened on March 5 and closed on Sept. 9th (local time); on Dec.\n12 it reopens.",
    "It opened on the 5th of March, the 9 June and on 1st\nof\tDecember; 5 of May.",
    "On 1ſt of March and the 1ſt (an old long s), on the 2ND OF MAY, on the 3Rd.",
    "May 2024 was hot; march 5 is lower case; MARCH 5 is upper case; Marchers 5 marched.",
    "Next Monday, last friday, on Sunday's game, this Tuesday morning (local time).",
    "He said on the 7th that talks failed, the 28th floor, on the 31st and the 1st, the 4 th.",
    "yesterday, Today, TONIGHT, last  night, the day before yesterday, tomorrow evening.",
    "March ５ has a full-width digit; on ３rd of May; the ２nd.",
    "ſince Monday (a long s), Last Sunday, NEXT Friday, since Saturday's, the 2ND.",
    "THE 5TH OF MARCH, The 3rd of June, 12 July, 07 August, 0 May, 31 Dec, the 29th when ...",
    "Tonight, LAST NIGHT, The day after tomorrow, Yesterday afternoon, ONE DAY AGO, 1 day ago.",
    "",
    "no dates here at all",
]


def _gold_bodies() -> list[str]:
    return sample_gold_bodies(BODIES_PER_SET)


def _as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """No gates, and the patterns as written."""
    monkeypatch.setattr(relative, "PHRASE_GATES", (None,) * len(PHRASES))
    monkeypatch.setattr(relative, "PHRASES", tuple((k, re.compile(p, re.IGNORECASE)) for k, p in PHRASE_SOURCES))


def test_a_gate_per_pattern() -> None:
    assert len(PHRASE_GATES) == len(PHRASES)


@pytest.mark.parametrize("text", TEXTS)
def test_every_match_holds_its_gate_on_made_up_texts(text: str) -> None:
    for (kind, pattern), gate in zip(PHRASES, PHRASE_GATES, strict=True):
        for match in pattern.finditer(text):
            assert gate is None or gate.search(match.group(0)), (kind, match.group(0))


def test_every_match_holds_its_gate_on_gold_bodies() -> None:
    matched = 0
    for body in _gold_bodies():
        for (kind, pattern), gate in zip(PHRASES, PHRASE_GATES, strict=True):
            for match in pattern.finditer(body):
                matched += 1
                assert gate is None or gate.search(match.group(0)), (kind, match.group(0))
    assert matched > 100


@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_the_same_phrases_as_the_patterns_as_written(monkeypatch: pytest.MonkeyPatch, anchor: date | None) -> None:
    texts = TEXTS + _gold_bodies()
    fast = [relative_dates(t, anchor) for t in texts]
    _as_written(monkeypatch)
    assert [relative_dates(t, anchor) for t in texts] == fast
    assert sum(map(len, fast)) > 100


def test_each_pattern_finds_what_it_found_as_written() -> None:
    texts = TEXTS + _gold_bodies()
    found = 0
    for (kind, pattern), (_, source) in zip(PHRASES, PHRASE_SOURCES, strict=True):
        written = re.compile(source, re.IGNORECASE)
        assert pattern.pattern != source
        for text in texts:
            spans = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert spans == [(m.span(), m.groupdict()) for m in written.finditer(text)], kind
            found += len(spans)
    assert found > 200


def test_the_gates_skip_texts_the_words_let_through() -> None:
    """What the gates are for: the month words are in most bodies, a month and a day in few."""
    bodies = _gold_bodies()
    month_words = sum(any(m in b for m in relative.GATES["month_day"]) for b in bodies)
    month_gate = PHRASE_GATES[2]
    assert month_gate is not None
    assert sum(bool(month_gate.search(b)) for b in bodies) < month_words
