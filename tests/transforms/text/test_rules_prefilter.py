"""The rule engine's pre-filter (`transforms.text.rules_prefilter`): the strings a rule's every match
contains are read from its pattern, and a line holding none of them is not tried by it. It must
never change a verdict: the catalogue with and without it gives the same removals on the rules'
own examples, the seeds and a sample of the shared pages' text."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from lxml import html as lxml_html

from tests.conftest import EXTRACTION, SEEDS
from transforms.text.rules import Rule, _by_scope, load_rules, match_line
from transforms.text.rules_prefilter import Finder, available, canonical, needs

PAGES_PER_SET = 15  # shared pages whose whole visible text (menus, footers, notices) is run both ways
GOLD_PER_SET = 40  # gold bodies read both ways


@pytest.fixture(scope="module")
def catalogue() -> tuple[Rule, ...]:
    return load_rules()


@pytest.fixture(scope="module")
def plain(catalogue: tuple[Rule, ...]) -> tuple[Rule, ...]:
    return tuple(dataclasses.replace(r, needs=None) for r in catalogue)


def test_the_reading_is_available_and_filters_most_rules(catalogue: tuple[Rule, ...]) -> None:
    assert available()
    assert sum(r.needs is not None for r in catalogue) > len(catalogue) // 2


@pytest.mark.parametrize(
    ("pattern", "flags", "needed"),
    [
        (r"sign\s+up", re.IGNORECASE, {"SIGN"}),
        (r"(?:read|see)\s+more", re.IGNORECASE, {"MORE"}),  # one string needed beats two
        (r"(?:read|see)\s+\w+", re.IGNORECASE, {"READ", "SEE"}),
        (r"(?:photo)?\s*credit", re.IGNORECASE, {"CREDIT"}),
        (r"(?=.*newsletter)x+", 0, None),  # a look-around and a short run: nothing needed
        (r"(?P<a>\w+)\s+(?P=a)", 0, None),  # a back-reference: nothing known
        (r"(?P<a>ab)\s+(?P=a)", 0, {"AB"}),  # what it refers to is needed
    ],
)
def test_needs_read_from_patterns(pattern: str, flags: int, needed: set[str] | None) -> None:
    found = needs(re.compile(pattern, flags))
    assert (set(found) if found is not None else None) == needed


def test_canonical_case_puts_together_what_re_ignores_case_for() -> None:
    assert canonical("Sign UP") == canonical("sign up") == canonical("\u017fign up")  # long s
    assert canonical("\u212aelvin") == canonical("kelvin")  # Kelvin sign
    assert len(canonical("İstanbul straße")) == len("İstanbul straße")


def test_finder_reports_overlapping_strings() -> None:
    finder = Finder(["SIGN", "SIGNING", "ABC", "CDE"])
    assert finder.present("XSIGNINGABCDE") == {"SIGN", "SIGNING", "ABC", "CDE"}
    assert finder.present("nothing here") == frozenset()


def test_every_positive_example_holds_a_needed_string(catalogue: tuple[Rule, ...]) -> None:
    for rule in catalogue:
        if rule.needs is None:
            continue
        for example in rule.positive:
            assert any(n in canonical(example) for n in rule.needs), (rule.id, example)


def _same_verdicts(lines: list[str], catalogue: tuple[Rule, ...], plain: tuple[Rule, ...]) -> int:
    compared = 0
    for line in lines:
        for in_tail in (False, True):
            assert match_line(line, in_tail=in_tail, rules=catalogue) == match_line(
                line, in_tail=in_tail, rules=plain
            ), line
            compared += 1
    return compared


def test_same_removals_on_the_rules_examples(catalogue: tuple[Rule, ...], plain: tuple[Rule, ...]) -> None:
    lines = [e for r in catalogue for e in (*r.positive, *r.negative)]
    hits = sum(bool(match_line(e, rules=catalogue).hits) for e in lines)
    assert hits > 0 and _same_verdicts(lines, catalogue, plain) == 2 * len(lines)


def test_same_removals_on_the_seeds(catalogue: tuple[Rule, ...], plain: tuple[Rule, ...]) -> None:
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    assert lines and _same_verdicts(lines, catalogue, plain) == 2 * len(lines)


def test_remembered_choice_equals_the_line_by_line_filter(catalogue: tuple[Rule, ...]) -> None:
    """The rules tried on a line, remembered per first character and needed strings present, are
    the ones the line-by-line filter (`Rule.may_contain` on every admitted rule) keeps, the second
    time (from memory) as the first."""
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    lines += [e for r in catalogue for e in r.positive]
    filtered = 0
    for in_tail in (False, True):
        scoped = _by_scope(catalogue, in_tail)
        for line in lines * 2:
            stripped = line.strip()
            marked = scoped.finder.present(canonical(line))
            for scope in (scoped.line, scoped.prefix):
                slow = tuple(r for r in scope.for_line(stripped, None) if r.may_contain(marked))
                assert scope.for_line(stripped, marked) == slow, line
                filtered += len(scope.for_line(stripped, None)) - len(slow)
            slow_inline = tuple(r for r in scoped.inline.rules if r.may_contain(marked))
            assert scoped.inline.for_line(marked) == slow_inline, line
    assert filtered > 0  # the filter rules some out


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason=f"{EXTRACTION} not found (../shared)")
@pytest.mark.parametrize("name", ["scrapinghub", "readability", "wcxb"])
def test_same_removals_on_shared_pages(name: str, catalogue: tuple[Rule, ...], plain: tuple[Rule, ...]) -> None:
    folder = EXTRACTION / name
    pages = sorted((folder / "html").glob("*.html"))
    step = max(1, len(pages) // PAGES_PER_SET)
    lines: list[str] = []
    for path in pages[::step][:PAGES_PER_SET]:  # every page's whole text: its boilerplate too
        text = lxml_html.fromstring(path.read_bytes()).text_content()
        lines += [line for line in text.splitlines() if line.strip()]
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").split("\n") if line.strip()]
    for record in gold[:: max(1, len(gold) // GOLD_PER_SET)]:
        lines += (record.get("body") or "").splitlines()
    removed = sum(bool(match_line(line, rules=catalogue).hits) for line in lines)
    assert removed > 0  # the sample holds lines the rules remove
    assert _same_verdicts(lines, catalogue, plain) == 2 * len(lines)
