"""The literal text a regular expression's match must contain: a pre-filter for the rule engine.

Pure: a compiled pattern in, `needs(pattern)` out: a set of strings, one of which any match of the
pattern contains (in the line's canonical case, `canonical`), or None: no such set is known. A line
whose canonical text holds none of a rule's strings cannot be matched by that rule anywhere, so the
rule need not be tried on it (`transforms.text.rules.match_line`); a line is made canonical once and
the strings of all the rules are found in it in one pass (`Finder`: an Aho-Corasick automaton). The
answer may name fewer strings than the truth requires, never a string a match can lack: a run of
literal characters that every match passes through (in a group, in a repetition of at least one, in
every branch of an alternative), never one under a look-around, an optional part or a back-
reference. Case: characters are compared by a canonical form that puts together every character the
`re` engine takes for another when it ignores case (its lower case, the extra equivalences of
`re._casefix`: long s, Kelvin sign, dotless i), whatever the pattern's flags (a case-sensitive match
is a case-insensitive one too).

Read from `re`'s own parser, as `transforms.text.first_chars` does (CPython 3.11+, private): when
that reading is not available, `needs` answers None for every pattern and every rule is tried on
every line (the same verdicts, only slower). Checked once per process on patterns with known
answers (`_CHECKS`) before any answer is given. tests/transforms/text/test_rules_prefilter.py
checks that the catalogue with and without the pre-filter removes the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import ahocorasick

from transforms.text import first_chars

try:  # private: guarded, see the module docstring
    import _sre
    from re import _casefix, _parser  # type: ignore[attr-defined]
    from re._constants import (
        ATOMIC_GROUP,
        BRANCH,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        SUBPATTERN,
    )
except ImportError:
    _INTERNALS = False
else:
    _INTERNALS = True

MIN_NEEDED_CHARS = 2  # a set whose shortest string is shorter filters too little to be worth a look-up
# (pattern, strings it matches, a string of its needs each must contain): the reading's self-check
_CHECKS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (r"(?i)sign\s+up", ("SIGN  up", "ſign up"), "sign"),
    (r"(?i)(?:the\s+)?kelvin\b", ("\u212aELVIN", "the kelvin"), "kelvin"),
    (r"(?:abc|xyz)+d?", ("abc", "xyzabc"), "abc"),
    (r"(?=.*said)(?:foo|barbaz).*", ("foo said", "barbaz, she said"), "foo"),
    (r"(?i)dızı|DIZI", ("DIZI", "dızı", "dizi"), "dızı"),
)


class _Canonical(dict):
    """str.translate's table: code point -> its canonical character (filled as characters are met)."""

    def __missing__(self, code: int) -> str:
        self[code] = found = _canonical_char(code)
        return found


def _canonical_char(code: int) -> str:
    """The least character of the ones `re` takes for `code` when it ignores case."""
    seen: set[int] = set()
    todo = [code]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        lower = _sre.unicode_tolower(c)
        upper = chr(c).upper()
        todo += [lower, *_casefix._EXTRA_CASES.get(lower, ()), *_casefix._EXTRA_CASES.get(c, ())]
        if len(upper) == 1:
            todo.append(ord(upper))
    return chr(min(seen))


_TABLE = _Canonical()


def canonical(text: str) -> str:
    """The text with every character in its canonical case (same length, same positions). ASCII
    text: its upper case, which is the same (`available` checks it on every ASCII character)."""
    return text.upper() if text.isascii() else text.translate(_TABLE)


Needs = frozenset[str] | None


def _better(a: Needs, b: Needs) -> Needs:
    """The set that filters more: the longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    key = lambda s: (min(len(x) for x in s), -len(s))  # noqa: E731
    return a if key(a) >= key(b) else b


def _sequence(items: list) -> Needs:
    """A set one of whose strings every match of the sequence contains, the best found."""
    best: Needs = None
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op == LITERAL:
            run.append(_TABLE[value])
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        if op is not None:
            best = _better(best, _item(op, value))
    return best


def _item(op: object, value: Any) -> Needs:
    if op == SUBPATTERN:
        return _sequence(value[-1])
    if op == ATOMIC_GROUP:
        return _sequence(value)
    if op == BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            needs = _sequence(branch)
            if needs is None:
                return None
            found |= needs
        return frozenset(found)
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, _, inner = value
        return _sequence(inner) if low >= 1 else None
    return None  # a class, any character, a look-around, a back-reference: nothing needed


def _read(pattern: re.Pattern[str]) -> Needs:
    try:
        needs = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - a pattern this reading does not follow is simply always tried
        return None
    if needs is None or min(len(s) for s in needs) < MIN_NEEDED_CHARS:
        return None
    return needs


@cache
def available() -> bool:
    """Whether `re`'s internals are there and read as expected; False: `needs` is None for all."""
    if not (_INTERNALS and first_chars.available()):
        return False
    try:
        if any(_canonical_char(code) != chr(code).upper() for code in range(128)):
            return False
        for pattern, strings, needed in _CHECKS:
            compiled = re.compile(pattern)
            found = _read(compiled)
            if any(not compiled.fullmatch(s) for s in strings):  # the check itself is wrong: trust nothing
                return False
            if found is None or canonical(needed) not in found:
                return False
            if not all(any(n in canonical(s) for n in found) for s in strings):
                return False
    except Exception:  # noqa: BLE001 - internals that break the reading: no pre-filter
        return False
    return True


def needs(pattern: re.Pattern[str]) -> Needs:
    """Strings (canonical case) one of which every match of `pattern` contains; None: unknown."""
    return _read(pattern) if available() else None


class Finder:
    """Which of many strings a canonical text holds, in one pass over it: an Aho-Corasick automaton
    (`pyahocorasick`) that reports every occurrence, overlapping ones included."""

    def __init__(self, strings: Iterable[str]) -> None:
        self._automaton: Any = None
        wanted = set(strings)
        if wanted:
            automaton = ahocorasick.Automaton()
            for text in wanted:
                automaton.add_word(text, text)
            automaton.make_automaton()
            self._automaton = automaton

    def present(self, text: str) -> frozenset[str]:
        """The strings that occur in `text` (canonical: `canonical`)."""
        if self._automaton is None:
            return frozenset()
        return frozenset(found for _, found in self._automaton.iter(text))
