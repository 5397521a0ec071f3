"""The first characters a pattern's match can start with: never fewer than `re` itself matches."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEEDS
from transforms.text.first_chars import first_chars
from transforms.text.rules import load_rules

# every character of these blocks: ASCII, Latin-1, Latin Extended, Greek, Cyrillic, punctuation,
# arrows and shapes (the rules' bullets), CJK punctuation and kana, and some Hangul and Han
SAMPLE = "".join(chr(c) for block in ((0x20, 0x600), (0x2000, 0x2200), (0x2500, 0x2700), (0x3000, 0x3100),
                                      (0xAC00, 0xAD00), (0x4E00, 0x4F00), (0x212A, 0x212C), (0x660, 0x66A))
                 for c in range(*block))


@pytest.mark.parametrize("pattern", [
    r"[a-f]|ß|\d", r"(?i)k", r"(?i)s", r"(?i)[a-fσ]", r"(?i)[à-ÿ]", r"(?i)[\u0400-\u04ff]", r"(?i:İ)|ǅ",
    r"(?:[▶•]+\s*)?(?i:x)", r"(?=\d)\d", r"\w", r"\s", r"(?:ab)?c|d", r"(?i)(?:straße|ｓ)",
])
def test_every_character_re_matches_is_admitted(pattern: str) -> None:
    compiled = re.compile(pattern)
    starts = first_chars(compiled)
    assert starts is not None
    missed = [c for c in SAMPLE if compiled.match(c) and not starts.admits(c)]
    assert missed == []


def test_what_is_admitted() -> None:
    photo = first_chars(re.compile(r"(?:[▶•]+\s*)?(?:photo|bild)s?\b", re.IGNORECASE))
    assert all(photo.admits(c) for c in "▶•pPbB") and not any(photo.admits(c) for c in "xX1 “")
    minutes = first_chars(re.compile(r"(?=\d)\d+\s+min"))
    assert minutes.admits("7") and minutes.admits("٣") and not minutes.admits("a")
    kelvin = first_chars(re.compile("k", re.IGNORECASE))
    assert kelvin.admits("K") and kelvin.admits("\u212a")  # the Kelvin sign matches k when case is ignored


@pytest.mark.parametrize("pattern", [r".*x", r"[^a]b", r"\W", r"(a)?(?(1)b|c)", r"[\u0000-\uffff]"])
def test_anything_not_understood_admits_every_character(pattern: str) -> None:
    assert first_chars(re.compile(pattern)) is None


def test_no_rule_is_skipped_on_a_line_it_matches() -> None:
    """Every example line of the catalogue and every seed line, against every line and prefix rule."""
    rules = [r for r in load_rules() if r.scope in ("line", "prefix")]
    lines = {e.strip() for r in load_rules() for e in r.positive + r.negative}
    lines |= {line.strip() for seed in SEEDS.glob("*.txt") for line in seed.read_text("utf-8").splitlines()}
    skipped = []
    for rule in rules:
        starts = first_chars(rule.pattern)
        for line in filter(None, lines):
            match = rule.pattern.fullmatch(line) if rule.scope == "line" else rule.pattern.match(line)
            if match and match.end() > 0 and starts is not None and not starts.admits(line[0]):
                skipped.append((rule.id, line))
    assert skipped == []
