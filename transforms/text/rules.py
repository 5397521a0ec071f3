"""The boilerplate rule engine: rules are data (`transforms/data/*_rules.toml`), matching is here.

`match_line` classifies one line of an article. It returns what the rules removed (each with
its rule id, category, offsets within the line and the fields it yielded) and what is left.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from transforms.text.fields import UnknownAgency, fields_from_groups
from transforms.text.first_chars import first_chars
from transforms.text.rules_prefilter import Finder, canonical, needs

Scope = Literal["line", "prefix", "inline"]
Zone = Literal["any", "tail"]
RULE_FILE_SUFFIX = "_rules.toml"  # every transforms/data/*_rules.toml file, in name order
WHITESPACE_RUN = re.compile(r"\s+")
WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    language: str
    scope: Scope
    zone: Zone
    pattern: re.Pattern[str]
    require_known_agencies: bool
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    requires: tuple[str, ...] = ()  # the rule is only tried on lines containing one of these (case-folded)
    # read from the pattern (`transforms.text.rules_prefilter`): every match contains one of these
    # (canonical case); None: not known, the rule is tried on every line
    needs: frozenset[str] | None = None

    def may_match(self, folded_line: str) -> bool:
        return not self.requires or any(r in folded_line for r in self.requires)

    def may_contain(self, present: frozenset[str]) -> bool:
        """Whether a line that holds the `present` needed strings (`_Scoped.finder`) may match."""
        return self.needs is None or not self.needs.isdisjoint(present)


@dataclass(frozen=True)
class RuleHit:
    """One removal: the rule, the removed text and its offsets within the line."""

    rule_id: str
    category: str
    text: str
    start: int
    end: int
    fields: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class LineVerdict:
    """What the rules made of one line: the removals and the text kept (maybe empty)."""

    hits: tuple[RuleHit, ...]
    kept: str
    kept_start: int  # offset of the kept text within the line


def _rule(raw: dict) -> Rule:
    flags = 0 if raw.get("case_sensitive", False) else re.IGNORECASE
    pattern = re.compile(raw["pattern"], flags)
    needed = needs(pattern)
    return Rule(
        id=raw["id"],
        category=raw["category"],
        language=raw.get("language", "*"),
        scope=raw["scope"],
        zone=raw.get("zone", "any"),
        pattern=pattern,
        require_known_agencies=raw.get("require_known_agencies", False),
        positive=tuple(raw.get("positive", ())),
        negative=tuple(raw.get("negative", ())),
        requires=tuple(r.casefold() for r in raw.get("requires", ())),
        needs=needed,
    )


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule of the catalogue, in file order."""
    rules: list[Rule] = []
    data = resources.files("transforms.data")
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith(RULE_FILE_SUFFIX)):
        raw = tomllib.loads(data.joinpath(name).read_text("utf-8"))
        rules += [_rule(r) for r in raw["rule"]]
    ids = [r.id for r in rules]
    duplicated = {i for i in ids if ids.count(i) > 1}
    if duplicated:
        raise ValueError(f"duplicate rule ids: {sorted(duplicated)}")
    return tuple(rules)


def _fields(rule: Rule, match: re.Match[str]) -> dict[str, object] | None:
    try:
        after_author = match.string[match.end("author") : match.end()] if match.groupdict().get("author") else ""
        return fields_from_groups(
            match.groupdict(), require_known_agencies=rule.require_known_agencies, after_author=after_author
        )
    except UnknownAgency:
        return None


def _applies(rule: Rule, in_tail: bool) -> bool:
    return rule.zone == "any" or (rule.zone == "tail" and in_tail)


def _unfiltered(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The rules no needed string rules out (`Rule.needs` unknown), in order."""
    return tuple(r for r in rules if r.needs is None)


class _ByStart:
    """Rules of one scope (in catalogue order), and for each first character of a line the ones
    whose match may start with it (`transforms.text.first_chars`): the others are not tried. A line
    that holds none of the rules' needed strings (`Rule.needs`) is only tried by the rules that need
    none; one that holds some is tried by the rules that need none or one of them (`Rule.may_contain`),
    that choice remembered per first character and set of strings (lines repeat both: the rules
    were filtered line by line before, 34 `may_contain` calls a line on wcxb)."""

    MAX_REMEMBERED = 4096  # distinct first characters remembered

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self._starts = [(rule, first_chars(rule.pattern)) for rule in rules]
        self._by_char: dict[str, tuple[tuple[Rule, ...], tuple[Rule, ...]]] = {}
        self._all = (rules, _unfiltered(rules))
        self._by_present: dict[tuple[str, frozenset[str]], tuple[Rule, ...]] = {}

    def for_line(self, stripped: str, present: frozenset[str] | None = None) -> tuple[Rule, ...]:
        """The rules to try on a line, in order; `present`: the needed strings it holds (None: not
        looked for, every rule its first character admits)."""
        if not stripped:
            found = self._all
        else:
            char = stripped[0]
            cached = self._by_char.get(char)
            if cached is None:
                admitted = tuple(r for r, starts in self._starts if starts is None or starts.admits(char))
                cached = (admitted, _unfiltered(admitted))
                if len(self._by_char) < self.MAX_REMEMBERED:
                    self._by_char[char] = cached
            found = cached
        if present is None:
            return found[0]
        if not present:
            return found[1]
        key = (stripped[:1], present)
        tried = self._by_present.get(key)
        if tried is None:
            tried = _containing(found[0], present)
            if len(self._by_present) < MAX_REMEMBERED_SETS:
                self._by_present[key] = tried
        return tried


MAX_REMEMBERED_SETS = 65536  # (first character, needed strings present) choices remembered per scope


def _containing(rules: tuple[Rule, ...], present: frozenset[str]) -> tuple[Rule, ...]:
    """The rules a line holding the `present` needed strings may match (`Rule.may_contain`), in order."""
    return tuple(r for r in rules if r.may_contain(present))


class _Inline:
    """The inline rules (catalogue order) and, per set of needed strings a line holds, the ones it may
    match (`Rule.may_contain`), remembered."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self._by_present: dict[frozenset[str], tuple[Rule, ...]] = {}

    def for_line(self, present: frozenset[str]) -> tuple[Rule, ...]:
        tried = self._by_present.get(present)
        if tried is None:
            tried = _containing(self.rules, present)
            if len(self._by_present) < MAX_REMEMBERED_SETS:
                self._by_present[present] = tried
        return tried


@dataclass(frozen=True)
class _Scoped:
    """The rules that apply in one zone, by scope."""

    line: _ByStart
    prefix: _ByStart
    inline: _Inline
    finder: Finder  # the strings these rules need (`Rule.needs`): which a line holds, in one pass


_SCOPED: dict[tuple[int, bool], tuple[tuple[Rule, ...], _Scoped]] = {}


def _by_scope(rules: tuple[Rule, ...], in_tail: bool) -> _Scoped:
    """The rules that apply in a zone, split by scope; remembered per rule tuple (by identity,
    the tuple kept alive with it: hashing a whole catalogue on every line would cost more)."""
    key = (id(rules), in_tail)
    cached = _SCOPED.get(key)
    if cached is None or cached[0] is not rules:
        line, prefix, inline = (
            tuple(r for r in rules if r.scope == scope and _applies(r, in_tail))
            for scope in ("line", "prefix", "inline")
        )
        finder = Finder(n for r in (*line, *prefix, *inline) for n in r.needs or ())
        split = _Scoped(_ByStart(line), _ByStart(prefix), _Inline(inline), finder)
        if len(_SCOPED) > 256:
            _SCOPED.clear()
        cached = _SCOPED[key] = (rules, split)
    return cached[1]


def match_line(line: str, *, in_tail: bool = True, rules: tuple[Rule, ...] | None = None) -> LineVerdict:
    """Apply the catalogue to one line. `in_tail`: the line is among the document's last lines."""
    rules = load_rules() if rules is None else rules
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    folded = line.casefold()
    scoped = _by_scope(rules, in_tail)
    marked = scoped.finder.present(canonical(line))  # the needed strings the line holds (the pre-filter)

    for rule in scoped.line.for_line(stripped, marked):  # those the needed strings admit
        if rule.requires and not rule.may_match(folded):
            continue
        match = rule.pattern.fullmatch(stripped)
        if match and (fields := _fields(rule, match)) is not None:
            hit = RuleHit(rule.id, rule.category, stripped, lead, lead + len(stripped), fields)
            return LineVerdict((hit,), "", len(line))

    hits: list[RuleHit] = []
    start = lead
    for rule in scoped.prefix.for_line(stripped, marked):
        if rule.requires and not rule.may_match(folded):
            continue
        match = rule.pattern.match(stripped)
        if match and match.end() > 0 and (fields := _fields(rule, match)) is not None:
            hits.append(RuleHit(rule.id, rule.category, match.group(0).strip(), lead, lead + match.end(), fields))
            start = lead + match.end()
            break

    # Inline removals: cut every match out of what is left, remembering offsets within the line.
    pieces: list[tuple[int, int]] = [(start, lead + len(stripped))]
    for rule in scoped.inline.for_line(marked):
        if rule.requires and not rule.may_match(folded):
            continue
        next_pieces: list[tuple[int, int]] = []
        for a, b in pieces:
            cursor = a
            for match in rule.pattern.finditer(line, a, b):
                if (fields := _fields(rule, match)) is None:
                    continue
                hits.append(RuleHit(rule.id, rule.category, match.group(0), match.start(), match.end(), fields))
                next_pieces.append((cursor, match.start()))
                cursor = match.end()
            next_pieces.append((cursor, b))
        pieces = [(a, b) for a, b in next_pieces if line[a:b].strip()]

    kept = " ".join(line[a:b].strip() for a, b in pieces)
    kept = WHITESPACE_RUN.sub(" ", kept).strip()
    # A line left with only punctuation once the removals are cut out is gone entirely.
    if kept and not WORD_CHARACTER.search(kept):
        kept = ""
    if pieces:
        first = line[pieces[0][0] :]
        kept_start = pieces[0][0] + len(first) - len(first.lstrip())
    else:
        kept_start = len(line)
    return LineVerdict(tuple(sorted(hits, key=lambda h: h.start)), kept, kept_start)
