"""The characters a regular expression's match can start with: a pre-filter for the rule engine.

Pure: a compiled pattern in, `Starts` out (case-folded characters and character classes), or
None: any character may start a match. A line whose first character a rule's `Starts` does not
admit cannot be matched by that rule at its start, so the rule need not be tried there. The
answer may admit more than the truth, never less: None for anything not understood (`.`,
negated classes, back-references, wide ranges), and characters are folded the way the `re`
engine folds case, with its extra case equivalences, whatever the pattern's flags. Read from
`re`'s own parser (`re._parser`, CPython 3.11+).
"""

from __future__ import annotations

import re
from functools import cache
from re import _casefix, _parser  # type: ignore[attr-defined]
from dataclasses import dataclass
from re._constants import (  # type: ignore[attr-defined]
    ASSERT, ASSERT_NOT, AT, ATOMIC_GROUP, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, CATEGORY_UNI_DIGIT,
    CATEGORY_UNI_SPACE, CATEGORY_UNI_WORD, CATEGORY_WORD, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT,
    RANGE, SUBPATTERN,
)

import _sre  # type: ignore[import-not-found]

MAX_RANGE = 2000  # a character range wider than this counts as "any character"
ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)
# \d, \w, \s as `re` tests them on str patterns (Unicode): decimal, alphanumeric or "_", space.
CLASSES = {CATEGORY_DIGIT: "digit", CATEGORY_UNI_DIGIT: "digit", CATEGORY_WORD: "word", CATEGORY_UNI_WORD: "word",
           CATEGORY_SPACE: "space", CATEGORY_UNI_SPACE: "space"}


@dataclass(frozen=True)
class Starts:
    chars: frozenset[str]      # folded (`fold`)
    classes: frozenset[str]    # "digit", "word", "space"

    def admits(self, char: str) -> bool:
        """Whether a match may start with `char`."""
        return (fold(char) in self.chars
                or ("digit" in self.classes and char.isdecimal())
                or ("word" in self.classes and (char.isalnum() or char == "_"))
                or ("space" in self.classes and char.isspace()))


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


def _item(op: object, value: object) -> tuple[set[str] | None, bool]:
    if op == LITERAL:
        return _variants(value), False  # type: ignore[arg-type]
    if op == IN:
        return _class_chars(value), False  # type: ignore[arg-type]
    if op == SUBPATTERN:
        return _sequence(value[-1])  # type: ignore[index]
    if op == ATOMIC_GROUP:
        return _sequence(value)  # type: ignore[arg-type]
    if op == BRANCH:
        chars: set[str] = set()
        any_empty = False
        for branch in value[1]:  # type: ignore[index]
            first, empty = _sequence(branch)
            if first is None:
                return None, False
            chars |= first
            any_empty = any_empty or empty
        return chars, any_empty
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, _, inner = value  # type: ignore[misc]
        first, empty = _sequence(inner)
        return first, empty or low == 0
    return None, False  # any character, a back-reference, a conditional: not understood


@cache
def first_chars(pattern: re.Pattern[str]) -> Starts | None:
    """What a non-empty match of `pattern` can start with; None when it may start with anything."""
    try:
        chars, _ = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - a pattern this reading does not follow is simply always tried
        return None
    if chars is None:
        return None
    classes = frozenset(c.removeprefix("class:") for c in chars if c.startswith("class:"))
    return Starts(frozenset(c for c in chars if not c.startswith("class:")), classes)
