"""The first characters a pattern's match can start with: never fewer than `re` itself matches."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType, SimpleNamespace

import pytest

import transforms.text.first_chars as first_chars_module
from tests.conftest import SEEDS
from transforms.text import rules as rules_module
from transforms.text.articles import parse_text_article
from transforms.text.first_chars import first_chars
from transforms.text.rules import load_rules, match_line

# every character of these blocks: ASCII, Latin-1, Latin Extended, Greek, Cyrillic, punctuation,
# arrows and shapes (the rules' bullets), CJK punctuation and kana, and some Hangul and Han
SAMPLE = "".join(
    chr(c)
    for block in (
        (0x20, 0x600),
        (0x2000, 0x2200),
        (0x2500, 0x2700),
        (0x3000, 0x3100),
        (0xAC00, 0xAD00),
        (0x4E00, 0x4F00),
        (0x212A, 0x212C),
        (0x660, 0x66A),
    )
    for c in range(*block)
)


@pytest.mark.parametrize(
    "pattern",
    [
        r"[a-f]|ß|\d",
        r"(?i)k",
        r"(?i)s",
        r"(?i)[a-fσ]",
        r"(?i)[à-ÿ]",
        r"(?i)[\u0400-\u04ff]",
        r"(?i:İ)|ǅ",
        r"(?:[▶•]+\s*)?(?i:x)",
        r"(?=\d)\d",
        r"\w",
        r"\s",
        r"(?:ab)?c|d",
        r"(?i)(?:straße|ｓ)",
    ],
)
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


# What first_chars needs of CPython's `re` internals; each is hidden in turn below.
PRIVATE = ("_sre", "re._parser", "re._casefix", "re._constants")


def _fresh_copy(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """transforms/text/first_chars.py imported again as a new module (its own caches)."""
    spec = importlib.util.spec_from_file_location(name, first_chars_module.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _without(hidden: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """first_chars as imported on a Python without `hidden` (None in sys.modules: ImportError)."""
    monkeypatch.setitem(sys.modules, hidden, None)
    if hidden.startswith("re."):
        monkeypatch.delattr(re, hidden.removeprefix("re."))  # `from re import _parser` looks here first
    return _fresh_copy("first_chars_without_" + hidden.replace(".", "_"), monkeypatch)


def _seed_and_catalogue_lines() -> list[str]:
    lines = [line for seed in sorted(SEEDS.glob("*.txt")) for line in seed.read_text("utf-8").splitlines()]
    return lines + [e for r in load_rules() for e in r.positive + r.negative]


def _verdicts(lines: list[str]) -> list:
    return [match_line(line, in_tail=in_tail) for line in lines for in_tail in (False, True)]


@pytest.mark.parametrize("hidden", PRIVATE)
def test_without_the_internals_every_pattern_may_start_anywhere(hidden: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fallback = _without(hidden, monkeypatch)
    assert fallback.available() is False
    assert all(fallback.first_chars(rule.pattern) is None for rule in load_rules())


def test_internals_that_read_wrongly_turn_the_pre_filter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser whose output no longer reads as expected (here: nothing at all) would make every
    rule skip every line; the checks catch it before any answer is given."""
    reshaped = _fresh_copy("first_chars_reshaped", monkeypatch)
    monkeypatch.setattr(reshaped, "_parser", SimpleNamespace(parse=lambda pattern, flags=0: []))
    assert reshaped.available() is False
    assert reshaped.first_chars(re.compile("a")) is None
    assert first_chars_module.available() is True  # this Python: the pre-filter is on


def test_without_the_pre_filter_the_rules_give_the_same_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds and the catalogue's examples, line by line and as articles, with and without."""
    lines = _seed_and_catalogue_lines()
    seeds = [seed.read_text("utf-8") for seed in sorted(SEEDS.glob("*.txt"))]
    monkeypatch.setattr(rules_module, "_SCOPED", {})  # rule splits made here are dropped afterwards
    with_filter = _verdicts(lines), [parse_text_article(text) for text in seeds]

    fallback = _without("_sre", monkeypatch)
    monkeypatch.setattr(rules_module, "first_chars", fallback.first_chars)
    monkeypatch.setattr(rules_module, "_SCOPED", {})
    without_filter = _verdicts(lines), [parse_text_article(text) for text in seeds]
    assert without_filter == with_filter
