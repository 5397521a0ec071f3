"""The characters a regular expression's match can start with: a pre-filter for the rule engine.

Pure: a compiled pattern in, `Starts` out (case-folded characters and character classes), or
None: any character may start a match. A line whose first character a rule's `Starts` does not
admit cannot be matched by that rule at its start, so the rule need not be tried there. The
answer may admit more than the truth, never less: None for anything not understood (`.`,
negated classes, back-references, wide ranges), and characters are folded the way the `re`
engine folds case, with its extra case equivalences, whatever the pattern's flags.

Read from `re`'s own parser (`re._parser`, `re._constants`, `re._casefix` and `_sre`: CPython
3.11+, private). Should a Python move or reshape them, `first_chars` answers None for every
pattern: every rule is tried on every line, the same verdicts, only slower (`available`;
bench/first_chars.py measures by how much). Whether they still read as expected is checked
once per process, on patterns with known answers (`_CHECKS`), before any answer is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

try:  # private: guarded, see the module docstring
    import _sre
    from re import _casefix, _parser  # type: ignore[attr-defined]
    from re._constants import (
        ASSERT,
        ASSERT_NOT,
        AT,
        ATOMIC_GROUP,
        BRANCH,
        CATEGORY,
        CATEGORY_DIGIT,
        CATEGORY_SPACE,
        CATEGORY_UNI_DIGIT,
        CATEGORY_UNI_SPACE,
        CATEGORY_UNI_WORD,
        CATEGORY_WORD,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        POSSESSIVE_REPEAT,
        RANGE,
        SUBPATTERN,
    )
except ImportError:
    _INTERNALS = False
else:
    _INTERNALS = True
    ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)
    # \d, \w, \s as `re` tests them on str patterns (Unicode): decimal, alphanumeric or "_", space.
    CLASSES = {
        CATEGORY_DIGIT: "digit",
        CATEGORY_UNI_DIGIT: "digit",
        CATEGORY_WORD: "word",
        CATEGORY_UNI_WORD: "word",
        CATEGORY_SPACE: "space",
        CATEGORY_UNI_SPACE: "space",
    }

MAX_RANGE = 2000  # a character range wider than this counts as "any character"

# (pattern, strings it matches): each string's first character must be admitted. One or more of
# every construct the reading follows, and the case equivalences `re` adds (Kelvin sign, long s).
_CHECKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:ab)?c|d", ("abc", "c", "d")),
    (r"(?i)k", ("k", "K", "\u212a")),
    (r"(?i)s|ß", ("s", "S", "\u017f", "ß", "\u1e9e")),
    (r"(?i)[à-ÿσ]", ("À", "ÿ", "\u0178", "σ", "Σ", "ς")),
    (r"\d+x|\s|\w", ("7x", "\u0663x", " ", "\u3000", "é", "_")),
    (r"(?=\d)\d", ("5",)),
    (r"(?>a|b)c", ("ac", "bc")),
    (r"x*+y", ("xy", "y")),
    (r"x*?y", ("xy", "y")),
    (r"x{0,2}y", ("xxy", "y")),
    (r"\bq", ("q",)),
    (r"(?i:İ)|ǅ", ("İ", "i\u0307", "ǅ")),
)


@dataclass(frozen=True)
class Starts:
    chars: frozenset[str]  # folded (`fold`)
    classes: frozenset[str]  # "digit", "word", "space"

    def admits(self, char: str) -> bool:
        """Whether a match may start with `char`."""
        return (
            fold(char) in self.chars
            or ("digit" in self.classes and char.isdecimal())
            or ("word" in self.classes and (char.isalnum() or char == "_"))
            or ("space" in self.classes and char.isspace())
        )


def fold(char: str) -> str:
    """One character, lower-cased the way the `re` engine does when it ignores case."""
    return chr(_sre.unicode_tolower(ord(char)))


def _variants(code: int) -> set[str]:
    """Every folded character that matches `code` when case is ignored (and `code` itself)."""
    lower = _sre.unicode_tolower(code)
    upper = chr(code).upper()  # the simple mapping where the full one gives several characters (ß)
    codes = {code, lower, ord(upper) if len(upper) == 1 else code, *_casefix._EXTRA_CASES.get(lower, ())}
    return {fold(chr(c)) for c in codes}


def _class_chars(items: list) -> set[str] | None:
    """A character class's folded characters, and "class:<name>" for the categories it names."""
    chars: set[str] = set()
    for op, value in items:
        if op == LITERAL:
            chars |= _variants(value)
        elif op == RANGE and value[1] - value[0] <= MAX_RANGE:
            for code in range(value[0], value[1] + 1):
                chars |= _variants(code)
        elif op == CATEGORY and value in CLASSES:
            chars.add("class:" + CLASSES[value])
        else:  # a negation, a negated category, a wide range
            return None
    return chars


def _sequence(items: list) -> tuple[set[str] | None, bool]:
    """(first characters, whether the whole sequence can match the empty string)."""
    chars: set[str] = set()
    for op, value in items:
        if op in ZERO_WIDTH:
            continue
        first, empty = _item(op, value)
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def _item(op: object, value: Any) -> tuple[set[str] | None, bool]:
    """One node of the parsed pattern; `value` is the parser's payload for `op`."""
    if op == LITERAL:
        return _variants(value), False
    if op == IN:
        return _class_chars(value), False
    if op == SUBPATTERN:
        return _sequence(value[-1])
    if op == ATOMIC_GROUP:
        return _sequence(value)
    if op == BRANCH:
        chars: set[str] = set()
        any_empty = False
        for branch in value[1]:
            first, empty = _sequence(branch)
            if first is None:
                return None, False
            chars |= first
            any_empty = any_empty or empty
        return chars, any_empty
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, _, inner = value
        first, empty = _sequence(inner)
        return first, empty or low == 0
    return None, False  # any character, a back-reference, a conditional: not understood


def _read(pattern: re.Pattern[str]) -> Starts | None:
    try:
        chars, _ = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - a pattern this reading does not follow is simply always tried
        return None
    if chars is None:
        return None
    classes = frozenset(c.removeprefix("class:") for c in chars if c.startswith("class:"))
    return Starts(frozenset(c for c in chars if not c.startswith("class:")), classes)


@cache
def available() -> bool:
    """Whether `re`'s internals are there and read as expected: every check's strings admitted.
    False: `first_chars` answers None for every pattern."""
    if not _INTERNALS:
        return False
    try:
        for pattern, strings in _CHECKS:
            compiled = re.compile(pattern)
            starts = _read(compiled)
            if any(not compiled.match(s) for s in strings):  # the check itself is wrong: trust nothing
                return False
            if starts is None or not all(starts.admits(s[0]) for s in strings):
                return False
    except Exception:  # noqa: BLE001 - internals that break the reading: no pre-filter
        return False
    return True


@cache
def first_chars(pattern: re.Pattern[str]) -> Starts | None:
    """What a non-empty match of `pattern` can start with; None when it may start with anything."""
    return _read(pattern) if available() else None
