"""Candidate mentions in article text: the lexical rules behind `entities.find_mentions`.

One regex finds runs of capitalised words (connectors such as "of", "bin", "von" allowed inside);
each run is split into tokens and read left to right against the gazetteers and word lists of
`gazetteers.py`: known names (longest first), titles, demonyms, stop words, then segments of
unknown capitalised words, which become a candidate only with a cue (a title or role word before
them, a first name, a verb of saying, an apposition, an organisation or place head word, a place
preposition before a lone word). A lone unknown word is kept as a candidate that only in-document
merging (entities.py) can turn into a mention. Datelines and caseless aliases (CJK, "al-Qaeda")
are read apart. No model, no download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from transforms.analysis.gazetteers import (
    ORGANISATION,
    PERSON,
    PLACE,
    EntityRef,
    alias_key,
    entity_ref,
    entity_words,
    gazetteer,
)

GAZETTEER, TITLE_PATTERN, NAME_SEQUENCE, ALIAS, COREFERENCE = (
    "gazetteer",
    "title_pattern",
    "name_sequence",
    "alias",
    "coreference",
)
METHODS = (GAZETTEER, TITLE_PATTERN, NAME_SEQUENCE, ALIAS, COREFERENCE)

# --- the lexical layer: one regex finds capitalised runs, a second splits a run into tokens -----


def _upper_class() -> str:
    chars = [chr(c) for c in range(0x3000) if chr(c).isupper()]
    return "".join(re.escape(c) for c in chars)


_U = _upper_class()
_ADJECTIVE_SUFFIXES = (
    r"(?:based|backed|led|controlled|owned|run|born|style|funded|affiliated|linked|made|era|like"
    r"|speaking|related|bound|focused|dominated|sponsored|allied|friendly|inspired|specific)"
)
_TITLE_ABBREVIATIONS = (
    r"(?:Jr|Sr|St|Mt|Ft|Co|Corp|Inc|Ltd|Bros|No|Dept|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt"
    r"|Sgt|Maj|Adm|Rev|Hon|Rt|Calif|Ariz|Colo|Conn|Fla|Ill|Ind|Md|Mass|Mich|Minn|Tenn)\."
)
_CAP_TOKEN = (
    rf"(?=[{_U}]|a[ldnrst]-|el-|ash-)(?<![\w'’.#@-])(?:{_TITLE_ABBREVIATIONS}"
    rf"|(?:[{_U}]\.){{2,}}(?!\w)"  # U.S., U.K.
    rf"|[{_U}]\.(?=[ \t])"  # a middle initial: "Patrick W. Carlineo"
    rf"|(?:a[ldnrst]|el|ash)-[{_U}]\w*"  # al-Bashir, el-Sisi, as-Sadr
    rf"|[{_U}][\w-]*\.(?:com|org|net|io|ai|us|co|edu|gov|app)(?![\w.])"  # AccountingDepartment.com, WideFoc.us
    rf"|[{_U}](?:\w|-(?!{_ADJECTIVE_SUFFIXES}\b)(?=\w)|['’](?=\w)(?![sS]\b))*)"  # a word; 's and -based stay out
)
_CONNECTOR = (
    r"(?:of|the|for|on|and|&|de|da|do|dos|das|del|della|di|du|des|la|le|van|von|der|den|ter|bin|ibn|al|el"
    r"|am|an|im|y|e)"
)
_GAP = r"[ \t\u00a0]+"
_RUN = re.compile(rf"{_CAP_TOKEN}(?:(?:['’]s)?{_GAP}(?:{_CONNECTOR}{_GAP})*{_CAP_TOKEN})*")
_TOKEN = re.compile(rf"(?P<cap>{_CAP_TOKEN})|(?P<poss>['’]s\b)|(?P<conn>(?<!\w){_CONNECTOR}(?!\w))")
_HAS_DIGIT = re.compile(r"\d").search
_CONTRACTION = re.compile(r"['’](?:m|ve|ll|d|re|t)$")  # "I'm", "We're", "Don't": never a name
_WORD_EDGES = "\"“”‘’'()[],.;:!?—–-*"
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,4}")
_AGE_APPOSITION = re.compile(r",[ \t]+\d{1,3}[ \t]*,")
_APPOSITION = re.compile(
    r",[ \t]+(?:(?:a|an|the|his|her|its|their|another|one|our)[ \t]+)?"
    r"((?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*)"
)
_TITLED_APPOSITION = re.compile(r",[ \t]+(?:the[ \t]+)?([A-Z][\w-]*)")
_NEXT_WORD = re.compile(r",?[ \t]+([a-z][\w-]*)")
# "Wien, H. C.," in a citation: a surname before its initials ("Washington, D.C." is a place)
_CITED_SURNAME = re.compile(r",[ \t]*(?!D\.C\.)[A-Z]\.(?:[ \t]*[A-Z]\.)*(?=[,;)(& \t]|$)")
_DISTRICT_ORGANISATIONS = frozenset({"School", "Schools"})  # a school district is an organisation
_PRONOUN_AFTER = re.compile(r"[ \t]+(?:he|she|they|we|I|it)\b")
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,[ \t]*(?P<area>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}))?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[—–:-]",
    re.MULTILINE,
)
_OPENERS = " \t\"“‘'([«¿¡*•-–—"
_SENTENCE_ENDS = ".!?:\n"
_PLACE_NOUNS = frozenset(
    {
        "village",
        "town",
        "city",
        "suburb",
        "province",
        "region",
        "district",
        "county",
        "state",
        "country",
        "island",
        "neighborhood",
        "neighbourhood",
        "capital",
        "port",
        "municipality",
    }
)
_SINGLE_ORGANISATIONS = frozenset({"Senate", "Parliament"})
_NAME_PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "van",
        "von",
        "de",
        "da",
        "der",
        "den",
        "du",
        "di",
        "del",
        "della",
        "dos",
        "das",
        "ter",
        "la",
        "le",
        "al",
        "el",
    }
)
_TOLD_TO = frozenset({"told", "tells", "asked"})  # "told Business Insider": the one told is often an outlet
_COMPASS_AFTER = frozenset(
    {"North", "South", "East", "West", "Central", "Northwest", "Northeast", "Southwest", "Southeast"}
)  # "Kowloon West", "Hong Kong East"
_PLACE_MODIFIERS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Inner",
        "Outer",
        "Upper",
        "Lower",
        "Greater",
        "Old",
    }
)
_ORGANISATION_WORDS_AFTER = frozenset({"network", "militia"})  # part of the name: "Haqqani network"
_INSTITUTION_WORDS_AFTER = frozenset({"hospital", "clinic"})  # not part of it: "Walter Reed hospital"
# lower-case role nouns after a lone unknown name that make it an organisation ("Wikileaks co-founder")
_ORGANISATION_ROLE_NOUNS = frozenset(
    {
        "coach",
        "founder",
        "co-founder",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "executive",
        "editor",
        "editor-in-chief",
        "manager",
        "captain",
        "striker",
        "official",
        "officials",
        "boss",
        "analyst",
        "researchers",
        "shareholders",
        "employees",
        "staff",
    }
)
# organisation starts a demonym belongs to ("American University of Kabul", not "Chinese Ministry of ...")
_INSTITUTION_STARTS = frozenset(
    {"University", "College", "Academy", "Institute", "Bank", "Museum", "Federation", "Association"}
)
# a single title word that words before it qualify ("Chief Product Officer", "Agriculture Officer")
_QUALIFIED_TITLES = frozenset({"Officer", "Director", "Manager", "Secretary", "Commissioner", "Adviser", "Advisor"})
_CORPORATE_SUFFIXES = frozenset({"Inc.", "Inc", "LLC", "Ltd", "Ltd.", "Corp.", "Corp", "Co.", "PLC", "GmbH"})
# "Downtown Phoenix" is a place, a lone "Downtown" is not; seasons are no places ("Griffin in Summer")
_AREA_MODIFIERS = frozenset({"Downtown", "Midtown", "Uptown"})
_SEASONS = frozenset({"Spring", "Summer", "Autumn", "Fall", "Winter"})
# a lone acronym after one of these is a code or a kind of thing, not an organisation ("an HVAC
# technician", "Mindfulness-Based Stress Reduction, or MBSR", "the 200 EVB building")
_NOT_BEFORE_ACRONYM = frozenset({"a", "an", "or", "this", "that", "new"})
# verbs after which "in X" names a journal or a medium, not a place ("published in Science")
_PUBLISHED = frozenset({"published", "appeared", "reported", "printed", "featured", "wrote", "writes", "writing"})
# lower-case words that may follow a place after "in" ("in Kabul on Monday"); another lower-case word
# after it makes the capitalised word an adjective ("in Buddhist vipassana meditation")
_AFTER_PLACE = frozenset(
    {
        "on", "in", "at", "and", "or", "to", "for", "with", "where", "when", "last", "this", "that", "since",
        "after", "before", "until", "from", "by", "as", "but", "which", "who", "is", "was", "were", "has",
        "had", "have", "are", "will", "said", "says", "earlier", "during", "over", "near", "of", "the", "a",
        "an", "while", "because", "than", "into", "recently", "again", "yesterday", "today", "itself", "alone",
        "would", "could", "can", "did", "does", "do", "not", "also",
    }
)  # fmt: skip
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
# heads that take "on" inside a name ("Business Group on Health"), not "Cornish Pasty Co. on Central Ave."
_ON_HEADS = frozenset(
    {"Group", "Committee", "Subcommittee", "Council", "Commission", "Conference", "Center", "Centre", "Institute"}
)
_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Del", "Des", "St"})
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CAMEL_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Du", "O'", "O’")
HONORIFICS = frozenset(
    {
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Miss",
        "Dr",
        "Dr.",
        "Sir",
        "Dame",
        "Herr",
        "Frau",
        "M.",
        "Mme",
        "Hon.",
        "Rt. Hon.",
        "Prof.",
        "Rev.",
    }
)
NAME_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})


@cache
def _latin_caseless() -> tuple[str, ...]:
    return tuple(a for a in gazetteer().caseless if not _CJK.search(a))


@cache
def _caseless_scanner() -> re.Pattern[str] | None:
    aliases = gazetteer().caseless
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)") if aliases else None


# --- candidates ----------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A span that may be a mention; entities.py merges and keys the candidates of one text."""

    start: int
    end: int
    kind: str
    name: str  # the name as written, titles removed
    method: str
    ref: EntityRef | None = None  # known canonical entity (gazetteer, alias table)
    role: str | None = None
    single: bool = False  # one bare word: resolved by coreference, else `fallback`
    fallback: str | None = None  # kind to give a lone word nothing else explains (None: drop it)


@dataclass
class _Tok:
    """One token of a run: a capitalised word, a connector or a possessive, and what it was read as."""

    start: int
    end: int
    text: str
    kind: str  # cap | poss | conn
    role: str = "name"  # name | gaz | title | demonym | stop | sep | modifier | inside (of a match)
    ref: EntityRef | None = None
    span_end: int = 0  # for gaz/title/demonym: index of the last token of the match
    lookup: str = ""


@dataclass
class Doc:
    """What one text tells about itself, computed on first use, and the acronyms it defines."""

    text: str
    headline: bool
    words: set[str] | None = None  # the whitespace-separated words, punctuation stripped (made on first use)
    english: bool | None = None
    lines: dict[int, tuple[bool, bool]] = field(default_factory=dict)  # line start -> (title case, shouting)
    acronyms: dict[str, Candidate] = field(default_factory=dict)
    dead_acronyms: set[str] = field(default_factory=set)
    code_words: set[str] = field(default_factory=set)  # identifiers of the program code the text quotes

    def is_english(self) -> bool:
        """Whether the text reads as English: "in Kooperation" is German, not a place."""
        if self.english is None:
            words = self.text.count(" ") + 1
            self.english = (self.text.count(" the ") + self.text.count(" and ") + self.text.count(" of ")) > words / 40
        return self.english

    def in_lower_case(self, word: str) -> bool:
        """Whether the word also occurs in lower case in the text ("Officers" at a sentence start)."""
        if self.words is None:
            self.words = {w.strip(_WORD_EDGES) for w in self.text.split()}
        return word.lower() in self.words

    def line_flags(self, pos: int) -> tuple[bool, bool]:
        start = self.text.rfind("\n", 0, pos) + 1
        if start not in self.lines:
            end = self.text.find("\n", pos)
            self.lines[start] = _line_flags(self.text[start : end if end >= 0 else len(self.text)])
        return self.lines[start]


def _line_flags(line: str) -> tuple[bool, bool]:
    """(title case, shouting): a headline-like line, or a line mostly in capitals."""
    if len(line) > 300:
        return False, False  # a paragraph, not a headline
    words = [w for w in line.split() if w[:1].isalpha() and (len(w) > 3 or w[:1].isupper())]
    if len(words) < 3:
        return False, len(words) == 2 and all(w.isupper() and len(w) > 1 for w in words)
    caps = sum(w[:1].isupper() for w in words) / len(words)
    shouting = sum(w.isupper() and len(w) > 1 for w in words) / len(words) >= 0.6
    stripped = line.rstrip(" \t\"”’'")
    return caps >= 0.7 and len(words) <= 20 and not stripped.endswith((".", "!", "?")), shouting


def _sentence_initial(text: str, pos: int) -> bool:
    i, quoted = pos - 1, False
    while i >= 0 and text[i] in _OPENERS:
        quoted = quoted or text[i] in "\"“‘'(«"
        i -= 1
    return i < 0 or quoted or text[i] in _SENTENCE_ENDS or (text[i] in "\"”’'" and i > 0 and text[i - 1] in ".!?")


def _tokens(text: str, start: int, end: int, doc: Doc) -> list[_Tok]:
    g, w = gazetteer(), entity_words()
    toks = [_Tok(m.start(), m.end(), m.group(), m.lastgroup or "cap") for m in _TOKEN.finditer(text, start, end)]
    initial = _sentence_initial(text, start)
    # a company's legal name keeps its first word even at a sentence start ("Moving System Holdings Inc.")
    corporate = bool(toks) and toks[-1].text in _CORPORATE_SUFFIXES
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind != "cap":
            tok.role = "sep"
            i += 1
            continue
        # (role, last token, entity, lookup key); the entity is an EntityRef but for a title (None)
        match: tuple[str, int, Any, str] | None = None
        for j in range(min(n, i + max(g.longest, w.title_words)) - 1, i - 1, -1):
            if toks[j].kind != "cap":
                continue
            key = alias_key(text[tok.start : toks[j].end])
            if key in g.aliases:
                match = ("gaz", j, g.aliases[key], key)
            elif key in w.titles:
                match = ("title", j, None, key)
            elif key in g.demonyms:
                match = ("demonym", j, g.demonyms[key], key)
            if match:
                break
        if match and match[0] == "gaz" and match[2].kind == PLACE and match[1] == i and _looks_like_given_name(toks, i):
            match = None  # "George Washington", "Jordan Henderson": a name, not a place
        if (
            match
            and match[0] == "title"
            and match[1] == i
            and i > 0
            and toks[i - 1].role == "name"
            and toks[i - 1].text in w.first_names
        ):
            match = None  # "Kevin King", "John Major": a last name that is also a title
        if match and match[0] == "demonym" and i > 0 and toks[i - 1].role == "name" and toks[i - 1].kind == "cap":
            match = None  # "Free Syrian Army": a demonym inside a name
        if (
            match
            and match[0] == "gaz"
            and match[1] == i
            and match[2].kind != PERSON
            and _CITED_SURNAME.match(text, toks[i].end)
        ):
            match = None  # "Cerra, J., Wien, H. C.": a surname in a citation, not Vienna
        if match and match[0] == "gaz" and _gazetteer_hit_is_part_of_a_name(toks, i, match[2], match[3]):
            match = None  # "Real Madrid", "Diplomatic Academy of Vietnam", "Peoples Democratic Party"
        if (
            match
            and match[0] == "gaz"
            and match[2].kind == PLACE
            and match[1] + 1 < n
            and toks[match[1] + 1].text in _COMPASS_AFTER
            and toks[match[1]].end + 1 == toks[match[1] + 1].start
            and (match[1] + 2 >= n or toks[match[1] + 2].kind != "cap")
        ):
            key = alias_key(text[tok.start : toks[match[1] + 1].end])  # "Kowloon West": a district of its own
            match = ("gaz", match[1] + 1, g.aliases.get(key) or entity_ref(key, PLACE), key)
        if (
            match
            and match[0] == "gaz"
            and match[2].kind == PLACE
            and i > 0
            and toks[i - 1].role == "name"
            and toks[i - 1].text in _PLACE_MODIFIERS
            and toks[i - 1].end + 1 == tok.start
        ):
            if _gazetteer_hit_is_part_of_a_name(toks, i - 1, match[2], match[3]):
                i += 1  # "University of Southern California": part of an organisation's name
                continue
            prev = toks[i - 1]  # "Inner Mongolia", "Western Europe" not in the gazetteer
            key = alias_key(text[prev.start : toks[match[1]].end])
            ref = g.aliases.get(key) or entity_ref(key, PLACE)
            prev.role, prev.span_end, prev.ref, prev.lookup = "gaz", match[1], ref, key
            for k in range(i, match[1] + 1):
                toks[k].role = "inside"
            i = match[1] + 1
            continue
        if (
            match
            and match[0] == "gaz"
            and match[2].kind == PERSON
            and i > 0
            and toks[i - 1].role == "name"
            and not doc.headline
            and not doc.line_flags(start)[0]
        ):
            # names right before a known person's alias: the same person ("Donald J. Trump") or another
            # one of the same last name ("Hunter Biden")
            k = i - 1
            while k > 0 and toks[k - 1].role == "name" and toks[k - 1].kind == "cap":
                k -= 1
            first = toks[k].text
            if (
                all(len(x.text) == 2 and x.text.endswith(".") for x in toks[k + 1 : i])
                and g.aliases.get(f"{first} {match[3].split()[-1]}") == match[2]
            ):
                key = alias_key(text[toks[k].start : toks[match[1]].end])
                toks[k].role, toks[k].span_end, toks[k].ref, toks[k].lookup = "gaz", match[1], match[2], key
                for m in range(k + 1, match[1] + 1):
                    toks[m].role = "inside"
                i = match[1] + 1
                continue
            match = None
        if match and match[0] == "title" and _heads_an_organisation(toks, match[1] + 1):
            match = None  # "Massachusetts General Hospital", "Cambridge Judge Business School": no title
        if not match and i == 0 and initial and tok.text.lower() in w.role_words and tok.text not in w.first_names:
            match = ("title", i, None, tok.text)  # "Employee Steve Castro" at the start of a sentence
        if match and not (
            ((i == 0 and initial) or (doc.line_flags(start)[0] and match[1] == i))
            and match[0] == "title"
            and doc.in_lower_case(tok.text)
            and tok.text not in ("President", "Secretary", "Mr", "Mrs", "Ms", "Dr")
        ):
            # a title word the text also writes in lower case is a common noun at a sentence start or in a
            # heading: "Top Ergonomic Chair Picks", "Expert Design and Launch"
            tok.role, tok.span_end, tok.ref, tok.lookup = match[0], match[1], match[2], match[3]
            for k in range(i + 1, match[1] + 1):
                toks[k].role = "inside"
            i = match[1] + 1
            continue
        word = tok.text
        if (
            word in w.stopwords
            or word in w.months_and_days
            or _HAS_DIGIT(word)
            or _CONTRACTION.search(word)
            or (
                i == 0
                and initial
                and not corporate
                and (doc.in_lower_case(word) or word in w.title_modifiers)
                and not _opens_a_named_line(text, toks)
            )
        ):
            tok.role = "stop"
        elif word in w.title_modifiers:
            tok.role = "modifier"
        i += 1
    _qualify_titles(toks, text, w.first_names)
    return toks


_LINE_OPENER = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]+)?$")
_HEADING_REST = re.compile(r"[ \t]*(?:\([^()\n]{1,12}\))?[ \t]*(?:\d{1,4})?[ \t:.]*")


def _opens_a_named_line(text: str, toks: list[_Tok]) -> bool:
    """A run that is a whole line (a heading or a numbered item) and all one name ending in an
    organisation or place head keeps its first word even if that word is also written in lower case:
    "Red Light District Bar & Lounge", "2. Mobile World Congress (MWC)"."""
    if len(toks) < 3 or not _LINE_OPENER.search(text, max(0, toks[0].start - 12), toks[0].start):
        return False
    w = entity_words()
    words = [t.text for t in toks if t.kind == "cap"]
    if any(t.kind == "conn" and t.text in ("a", "an", "the") for t in toks):
        return False  # "Build an Emergency Fund": a verb's object, not a name
    if any(x in w.stopwords or x in w.months_and_days or x in w.title_modifiers for x in words):
        return False
    line_end = text.find("\n", toks[-1].end)
    rest = text[toks[-1].end : line_end if line_end >= 0 else len(text)]
    if not _HEADING_REST.fullmatch(rest):
        return False  # "Key Security Council powers distanced themselves": a sentence, not a heading
    return toks[-1].kind == "cap" and words[-1] in w.organisation_heads | w.place_heads


def _heads_an_organisation(toks: list[_Tok], j: int) -> bool:
    """Whether the capitalised words from toks[j] on (no connector between) end in an organisation head."""
    heads = entity_words().organisation_heads
    k = j
    while k < len(toks) and toks[k].kind == "cap":
        k += 1
    return k > j and toks[k - 1].text in heads


def _qualify_titles(toks: list[_Tok], text: str, first_names: frozenset[str]) -> None:
    """Unknown capitalised words right before "Officer", "Director"... are part of the title, not a name:
    "Chief Product Officer", "Sub-Assistant Agriculture Officer Atanu Sarker"."""
    for j, tok in enumerate(toks):
        if tok.role != "title" or tok.lookup not in _QUALIFIED_TITLES:
            continue
        k = j
        while k > 0 and j - k < 3 and toks[k - 1].role == "name" and toks[k - 1].kind == "cap":
            k -= 1
        if k == j or toks[k].text in first_names:
            continue
        if k > 0 and toks[k - 1].role == "title" and toks[k - 1].span_end == k - 1:
            k -= 1  # "Chief" + "Product Officer"
        elif k > 0 and toks[k - 1].role not in ("stop", "sep", "modifier"):
            continue
        toks[k].role, toks[k].span_end, toks[k].lookup = "title", tok.span_end, alias_key(text[toks[k].start : tok.end])
        for m in range(k + 1, tok.span_end + 1):
            toks[m].role = "inside"


def _gazetteer_hit_is_part_of_a_name(toks: list[_Tok], i: int, ref: EntityRef, key: str) -> bool:
    """A known place or organisation that is only a part of a longer organisation's name."""
    w = entity_words()
    if ref.kind == PLACE:
        k = i - 1
        while k >= 0 and toks[k].kind == "conn" and toks[k].text in ("of", "the"):
            k -= 1
        if k < 0 or toks[k].role != "name":
            return False
        return toks[k].text in w.organisation_starts or (k < i - 1 and toks[k].text in w.organisation_heads)
    if ref.kind == ORGANISATION and i > 0 and toks[i - 1].role == "name" and toks[i - 1].kind == "cap":
        return key.split()[-1] in w.organisation_heads
    return False


def _looks_like_given_name(toks: list[_Tok], i: int) -> bool:
    w = entity_words()
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    return bool(
        (before and before.kind == "cap" and before.text in w.first_names)
        or (
            toks[i].text in w.first_names
            and after
            and after.kind == "cap"
            and after.text not in w.stopwords
            and after.text[:1].isupper()
            and not after.text.isupper()
        )
    )


def _previous_word(text: str, pos: int) -> str:
    """The word before a position, across spaces and one comma ("leader, Sirajuddin Haqqani")."""
    if pos == 0 or text[pos - 1] not in " \t\u00a0":
        return ""
    chunk = text[max(0, pos - 40) : pos].rstrip()
    if chunk.endswith(","):
        chunk = chunk[:-1].rstrip()
    if not chunk or chunk[-1] in '.!?:;"”’)':
        return ""
    word = chunk.rsplit(None, 1)[-1].lstrip("\"“‘'([")
    return word if word.replace("-", "").isalnum() else ""


def _context_after(text: str, end: int) -> str | None:
    """What the words right after a name say it is: 'person', 'organisation', 'place' or None."""
    w = entity_words()
    tail = text[end : end + 80]
    if _AGE_APPOSITION.match(tail):
        return PERSON
    nxt = _NEXT_WORD.match(tail)
    if nxt and nxt.group(1) in w.speech_verbs and not (tail.startswith(",") and _PRONOUN_AFTER.match(tail, nxt.end())):
        return PERSON  # "Jane Doe said", but not "the podcast Therapy for Black Girls, says she
    if nxt and not tail.startswith(",") and nxt.group(1) in w.place_words_after:
        return PLACE
    if nxt and not tail.startswith(",") and nxt.group(1) in _ORGANISATION_ROLE_NOUNS:
        return "organisation_role"
    if nxt and not tail.startswith(",") and nxt.group(1) in _ORGANISATION_WORDS_AFTER:
        return "organisation_after"
    if nxt and not tail.startswith(",") and nxt.group(1) in _INSTITUTION_WORDS_AFTER:
        return ORGANISATION
    titled = _TITLED_APPOSITION.match(tail)  # ", Chief Product Officer of ...", ", CEO of Vectara"
    if titled and (titled.group(1) in w.titles or titled.group(1) in w.title_modifiers):
        return PERSON
    app = _APPOSITION.match(tail)
    if app:
        for word in app.group(1).split():
            if word in w.role_words:
                return PERSON
            if word in w.organisation_nouns:
                return ORGANISATION
            if word in _PLACE_NOUNS:
                return PLACE
    return None


def _classify(
    words: list[str],
    before: str | None,
    prev_word: str,
    after: str | None,
    speech_before: bool,
    comma_before: bool = False,
) -> tuple[str, str] | None:
    """Kind and method of a run of unknown capitalised words, or None when there is no cue."""
    w = entity_words()
    first, last, k = words[0], words[-1], len(words)
    if last in w.non_entity_heads:
        return None
    if k == 1 and first in w.abbreviations | _CORPORATE_SUFFIXES:
        return None  # "What Runs You, LLC": a company's suffix alone names nothing
    if k >= 2 and len(last) == 1:
        return None  # "Bryan U": a name does not end in a bare capital
    if before == "title" and _role_word(last):
        return None  # "Chief Economist", "General Partner", "Chief Information Security Officers": a role
    if k == 1 and first in _SINGLE_ORGANISATIONS:
        return ORGANISATION, NAME_SEQUENCE
    if k >= 2 and (last in w.organisation_heads or first in w.organisation_starts):
        return ORGANISATION, NAME_SEQUENCE
    if k >= 2 and last == "District" and words[-2] in _DISTRICT_ORGANISATIONS:
        return ORGANISATION, NAME_SEQUENCE  # "Austin Independent School District", not "Museum District"
    if k == 2 and last in w.surname_place_heads and first in w.first_names:
        return PERSON, NAME_SEQUENCE  # "Silvia Park": a surname, not a park
    if k >= 2 and (last in w.place_heads or first in w.place_starts) and before != "title":
        return PLACE, NAME_SEQUENCE
    if before == "portfolio":
        return None
    if before == "title":
        if k == 1 and (first in w.organisation_heads or first in w.place_heads):
            return None  # "President of the Senate", "Premier League"
        return PERSON, TITLE_PATTERN
    # "leader, Sirajuddin Haqqani" but not "Officer, Cloudflare": across a comma, a role needs two words
    if before is None and prev_word.lower() in w.role_words and not (comma_before and k == 1):
        return PERSON, TITLE_PATTERN
    # "the company Noble" but not "your company, Farah"
    if before is None and prev_word in w.organisation_nouns and not comma_before:
        return ORGANISATION, NAME_SEQUENCE
    if after == PLACE and before is None:
        return PLACE, NAME_SEQUENCE
    if k == 1:
        return (ORGANISATION, NAME_SEQUENCE) if after == "organisation_role" else None
    if after in (PERSON, ORGANISATION):
        return after, NAME_SEQUENCE
    if any(x in w.organisation_heads for x in words[1:]):
        return None  # "Columbus Police Department Intelligence Led Policing Unit": no person, no clear name
    if first in w.first_names or speech_before or any(len(x) == 2 and x[1] == "." for x in words):
        return PERSON, NAME_SEQUENCE
    return None


def _demonym_of_a_place(word: str) -> bool:
    """A demonym made by adding "n" to a known place's name: "Californian", "Georgian", "Nigerian"."""
    ref = gazetteer().aliases.get(alias_key(word[:-1])) if word.endswith("n") else None
    return ref is not None and ref.kind == PLACE


def _role_word(word: str) -> bool:
    """A capitalised role word, singular or plural ("Economist", "Officers", "Partner")."""
    role_words = entity_words().role_words
    lower = word.lower()
    return lower in role_words or (lower.endswith("s") and lower[:-1] in role_words)


@dataclass
class _Reader:
    """One run of capitalised words being read: the text, the candidates so far, the line's mood."""

    text: str
    doc: Doc
    out: list[Candidate]
    cautious: bool  # a headline or a title-case line: no new name without a strong cue
    shouting: bool  # a line in capitals: known names only
    quoted: bool = False  # the run is all of a quotation: the title of a work, known names only

    def add(self, start: int, end: int, kind: str, method: str, **extra) -> str | None:
        if glued(self.text[start:end]):
            return None  # "Kristi NoemKristi Lynn NoemSouth Dakota": elements that had no space between them
        if kind == ORGANISATION and method == NAME_SEQUENCE and self._common_words(start, end):
            return None  # "Social Media Marketing Services": a service the text also writes in lower case
        field = _FIELD_BEFORE.search(self.text, max(0, start - 40), start)
        if (
            kind == ORGANISATION
            and field
            and (field.group(1) or field.group(2)).lower() in entity_words().field_before_of
        ):
            return None  # "Professor of Business Administration", "Bachelor of Science in Business Administration"
        if kind == ORGANISATION and method == NAME_SEQUENCE and self._heading_description(start, end):
            return None  # "Guaranteed Service:", "Large App Marketplace": a heading's words, said once
        self.out.append(Candidate(start, end, kind, alias_key(self.text[start:end]), method, **extra))
        return kind

    def _heading_description(self, start: int, end: int) -> bool:
        """An organisation read from a head word in a heading (a title-case line, or a label before a colon
        at a line's start) that the text names only there, and whose head is not one only names have."""
        name = self.text[start:end]
        if entity_words().strong_organisation_heads.intersection(name.split()) or self.text.count(name) > 1:
            return False
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        before = self.text[line_start:start].strip(" \t-*•0123456789.)")
        after = self.text[end : line_end if line_end >= 0 else len(self.text)].strip(" \t.,;")
        if not before and after.startswith(":"):
            return True  # a label: "Guaranteed Service: Professional companies..."
        if (len(before.split()) == 1 and before.endswith(("'s", "’s"))) or after.startswith(("'s", "’s", "(@")):
            return False  # "NASA's Scientific Visualization Studio", "Via Lab's VL805", "Tottenham Hotspur (@Spurs)"
        return self.cautious and bool(before or after)  # a heading with more words than the name

    def _common_words(self, start: int, end: int) -> bool:
        words = [x for x in self.text[start:end].split() if x[:1].isupper()]
        return len(words) >= 2 and all(self.doc.in_lower_case(x.lower()) for x in words)


def glued(name: str) -> bool:
    """Whether a name is built of capitalised runs glued without a space ("Pamela WilsonBigBrandSystem",
    "Kristi NoemKristi Lynn"): a word with a capital after a small letter that no name prefix explains
    (McDonald, DiCaprio, LeBron), in a name of two words or more, or twice in one word. A one-word
    brand ("WeWork", "BlackRock") is not glued."""
    words = name.split()
    glues = 0
    for word in words:
        for m in _GLUED.finditer(word):
            if word[: m.start() + 1] not in _NAME_PREFIXES:
                glues += 1
    return glues >= 2 or (glues == 1 and len(words) >= 2)


@dataclass(frozen=True)
class _Context:
    """What surrounds a segment of unknown capitalised words inside its run."""

    before: str | None = None  # right before it: title, portfolio, modifier, demonym, gaz_<kind>, name
    role: str | None = None  # the title before it
    last_gaz: Candidate | None = None  # the known name right before it, if it was just added
    prev_word: str = ""  # the word before the run (the run's first segment only)
    speech_before: bool = False  # that word is a verb of saying ("said Jane Doe")
    run_end: bool = False  # the segment ends the run: the words after it are its context
    force_person: bool = False  # "A B and C D" after a person
    comma_before: bool = False  # a comma stands between prev_word and the segment ("team, Brad Pitt")


def _read_run(text: str, start: int, end: int, doc: Doc, out: list[Candidate]) -> None:
    w = entity_words()
    title_case, shouting = doc.line_flags(start)
    quoted = (
        text[start - 1 : start] in ('"', "“")
        and re.match(r"[.,!?]?[\"”]", text[end : end + 2]) is not None
        and text[start:end].split()[-1] not in _CORPORATE_SUFFIXES
    )
    reader = _Reader(text, doc, out, doc.headline or title_case, shouting, quoted)
    toks = _tokens(text, start, end, doc)
    prev_word = _previous_word(text, start)
    speech_before = prev_word in w.speech_verbs and prev_word not in _TOLD_TO
    before: str | None = None
    role: str | None = None
    last_gaz: Candidate | None = None
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok.role in ("gaz", "title", "demonym"):
            stop = toks[tok.span_end]
            if tok.role == "gaz":
                kind = tok.ref.kind  # type: ignore[union-attr]  # a "gaz" token always has its entity
                method = GAZETTEER if alias_key(tok.ref.entity_name) == tok.lookup else ALIAS  # type: ignore[union-attr]
                cand = Candidate(
                    tok.start,
                    stop.end,
                    kind,
                    tok.lookup,
                    method,
                    tok.ref,
                    role if kind == PERSON and before == "title" else None,
                )
                if not (shouting and not text[tok.start : stop.end].isupper() and kind != PLACE):
                    out.append(cand)
                    last_gaz = cand
                before = "gaz_" + kind
            elif tok.role == "title":
                role = tok.lookup if before != "modifier" else alias_key(text[toks[i - 1].start : stop.end])
                before = "title"
            else:
                before, last_gaz = "demonym", None
            i = tok.span_end + 1
            continue
        if tok.role in ("stop", "sep", "modifier"):
            last_gaz = None
            if tok.role == "modifier":
                before = "modifier"
            elif tok.role == "stop":
                before = None
            elif before == "title" and tok.text in ("of", "for"):
                before = "portfolio"  # "High Commissioner for Human Rights": a portfolio, not a name
            elif before != "title":
                before = None
            i += 1
            continue
        # a segment of unknown capitalised words, connectors and possessives allowed inside
        j = i
        while j + 1 < n and (
            toks[j + 1].role == "name" or (toks[j + 1].role == "sep" and j + 2 < n and toks[j + 2].role == "name")
        ):
            j += 1
        context = _Context(
            before,
            role,
            last_gaz,
            prev_word if i == 0 else "",
            speech_before and i == 0,
            j == n - 1,
            comma_before=i == 0 and text[:start].rstrip(" \t").endswith(","),
        )
        found = _read_segment(reader, toks[i : j + 1], context)
        if (
            found is None
            and last_gaz is not None
            and last_gaz.kind == PLACE
            and text[last_gaz.end : toks[i].start] == " "
            and toks[i].kind == "cap"
        ):
            # "On Becoming A Guinea Fowl", "Shanghai Composite": a known place glued to a word that makes no
            # name of its own is a part of a longer name (of a work, an index), no place mention
            k = next((k for k in range(len(out) - 1, len(out) - 3, -1) if k >= 0 and out[k] is last_gaz), None)
            if k is not None and all(c.single and c.fallback is None for c in out[k + 1 :]):
                del out[k]
        before, last_gaz = "name", None
        i = j + 1


def _read_segment(r: _Reader, seg: list[_Tok], ctx: _Context) -> str | None:
    """Read one segment of unknown capitalised words; returns the kind it found, if any."""
    w = entity_words()
    if r.quoted:
        return None  # "songs from “The Tortured Poets Department.”": a title, not an organisation
    cut = _split_at(seg)
    if cut is not None:
        first = _read_segment(r, seg[:cut], replace(ctx, run_end=False))
        _read_segment(r, seg[cut + 1 :], _Context("name" if first else None, run_end=ctx.run_end))
        return first
    words = [t.text for t in seg if t.kind == "cap"]
    found = _read_glued(r, seg, words, ctx)
    if found:
        return found
    if words[-1] in w.non_entity_heads:
        gaz = ctx.last_gaz
        if gaz is not None and r.out and r.out[-1] is gaz and seg[0].start - gaz.end <= 2:
            r.out.pop()  # "Vietnam War", "Paris Agreement": the place is part of a name of something else
        return None
    if any(t.kind != "cap" for t in seg):
        return _read_joined(r, seg, words, ctx)
    if r.shouting:
        return None
    if ctx.force_person:
        return r.add(seg[0].start, seg[-1].end, PERSON, NAME_SEQUENCE)
    return _read_words(r, seg, words, ctx)


def _read_glued(r: _Reader, seg: list[_Tok], words: list[str], ctx: _Context) -> str | None:
    """A place, organisation or demonym glued to a name with an organisation or place head:
    "Nigeria Police", "Russian Foreign Ministry", "Xinhua News Agency", "Inner Mongolia Autonomous Region"."""
    w = entity_words()
    poss = next((k for k, t in enumerate(seg) if t.kind == "poss"), None)
    if poss is not None and poss > 0 and ctx.before in ("gaz_place", "gaz_organisation", "demonym"):
        # "Georgetown University Medical Center's Department of Psychiatry": two names
        first = _read_glued(r, seg[:poss], [t.text for t in seg[:poss] if t.kind == "cap"], ctx)
        if first:
            _read_segment(r, seg[poss + 1 :], _Context("name", run_end=ctx.run_end))
        return first
    if ctx.before == "gaz_person":
        # "Tyler Perry Studios", "Jerry Bruckheimer Films": a production company, not a person
        gaz = ctx.last_gaz
        if words[-1] in w.organisation_heads and gaz is not None and r.out and r.out[-1] is gaz:
            if seg[0].start - gaz.end <= 1:
                return r.add(r.out.pop().start, seg[-1].end, ORGANISATION, NAME_SEQUENCE)
        return None
    if ctx.before not in ("gaz_place", "gaz_organisation", "demonym"):
        return None
    is_org = (
        words[-1] in w.organisation_heads
        or words[0] in w.organisation_starts
        or _head_before_of(seg)
        or (len(words) >= 2 and words[-1] == "District" and words[-2] in _DISTRICT_ORGANISATIONS)
    )
    is_place = words[-1] in w.place_heads and not is_org
    if not (
        (is_org and (ctx.before != "demonym" or words[-1] in w.organisation_heads or words[0] in _INSTITUTION_STARTS))
        or (is_place and ctx.before == "gaz_place")
    ):
        return None
    start = seg[0].start
    if ctx.last_gaz is not None and r.out and r.out[-1] is ctx.last_gaz:
        start = r.out.pop().start
    elif ctx.before == "demonym":
        start = _glued_demonym_start(r.text, seg[0].start)
    if len(words) < 2 and start == seg[0].start:
        return None
    return r.add(start, seg[-1].end, ORGANISATION if is_org else PLACE, NAME_SEQUENCE)


def _read_joined(r: _Reader, seg: list[_Tok], words: list[str], ctx: _Context) -> str | None:
    """A segment with connectors or a possessive inside: one name, or parts read one by one."""
    w = entity_words()
    start, end = seg[0].start, seg[-1].end
    joins = {t.text for t in seg if t.kind != "cap"}
    poss = next((k for k, t in enumerate(seg) if t.kind == "poss"), None)
    if poss is not None and (seg[poss - 1].text in w.organisation_heads or seg[0].text in w.organisation_starts):
        # "Tufts University's Feinstein International Center": two organisations
        first = _read_segment(r, seg[:poss], replace(ctx, run_end=False))
        _read_segment(r, seg[poss + 1 :], _Context("name" if first else ctx.before, run_end=ctx.run_end))
        return first
    is_org = words[-1] in w.organisation_heads or words[0] in w.organisation_starts or _head_before_of(seg)
    is_place = words[-1] in w.place_heads and ctx.before != "title"
    if len(words) >= 2 and (
        (
            is_org
            and not joins & {"y", "e"}
            and (words[-1] in w.organisation_heads or not joins & {"and", "&"} or _head_before_of(seg))
        )
        or (
            is_place
            and (
                not joins & {"and", "&"}
                # "Harrisburg Hike and Bike Trail" is one place, "Tower Bridge and London Bridge" two
                or all(
                    seg[k - 1].text not in w.place_heads and seg[k + 1].kind == "cap"
                    for k in range(1, len(seg) - 1)
                    if seg[k].text in ("and", "&")
                )
            )
        )
    ):
        return r.add(start, end, ORGANISATION if is_org else PLACE, NAME_SEQUENCE)
    if joins <= _NAME_PARTICLES and len(words) >= 2:  # "Osama bin Laden", "Alex de Minaur"
        after = _context_after(r.text, end) if ctx.run_end else None
        verdict = _classify(words, ctx.before, ctx.prev_word, after, ctx.speech_before, ctx.comma_before)
        if verdict and verdict[0] == PERSON and not (r.cautious and verdict[1] == NAME_SEQUENCE):
            return r.add(start, end, PERSON, verdict[1], role=ctx.role if ctx.before == "title" else None)
    # split at the connectors and read each part alone; "A B and C D" after a person is a person
    part: list[_Tok] = []
    found, joiner = None, None
    for t in [*seg, None]:
        if t is not None and t.kind == "cap":
            part.append(t)
            continue
        if part:
            part_context = ctx if part[0] is seg[0] else _Context("name")
            found = _read_segment(
                r,
                part,
                replace(
                    part_context,
                    run_end=ctx.run_end and t is None,
                    force_person=found == PERSON and joiner == "and" and len(part) >= 2,
                ),
            )
        joiner = t.text if t is not None else None
        part = []
    return found


def _read_words(r: _Reader, seg: list[_Tok], words: list[str], ctx: _Context) -> str | None:
    """A plain segment of capitalised words: an acronym defined in brackets, a cued name, or a lone word."""
    w = entity_words()
    text, start, end = r.text, seg[0].start, seg[-1].end
    after = _context_after(text, end) if ctx.run_end else None
    # a bracketed acronym right after an entity names that entity: "Centre for Disease Control (CDC)"
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]) and text[start - 1 : start] == "(":
        owner = r.out[-1] if r.out and 0 <= start - r.out[-1].end <= 3 and not r.out[-1].single else None
        if owner is not None:
            r.doc.acronyms[words[0]] = owner
            r.out.append(replace(owner, start=start, end=end, method=COREFERENCE, single=False))
        else:
            r.doc.dead_acronyms.add(words[0])
        return None
    if after == "organisation_after":
        if any(r.doc.in_lower_case(x) or (x.isupper() and len(x) <= 2) for x in words):
            return None  # "a mesh network", "Deco network", "IT network": a kind of network, no group's name
        # "organisation_after": _NEXT_WORD matched right after the name (_after_name)
        return r.add(start, _NEXT_WORD.match(text, end).end(), ORGANISATION, NAME_SEQUENCE)  # type: ignore[union-attr]
    verdict = _classify(words, ctx.before, ctx.prev_word, after, ctx.speech_before, ctx.comma_before)
    if verdict is None:
        if len(words) == 1:
            _read_lone_word(r, start, end, ctx)
        return None
    kind, method = verdict
    if kind == PLACE and len(words) == 1 and _demonym_of_a_place(words[0]):
        return None  # "this bustling Californian city": California's demonym, no place of its own
    if (
        r.cautious
        and method == NAME_SEQUENCE
        and not (
            (kind == PERSON and words[0] in w.first_names)
            or (kind != PERSON and len(words) >= 2 and (words[-1] in w.organisation_heads | w.place_heads))
        )
    ):
        return None
    if r.cautious and kind == PERSON and len(words) > 2 and (r.doc.headline or r.doc.in_lower_case(words[2])):
        # a headline capitalises its verbs too: "Kevin Volker Meets Putin" names Kevin Volker; a title-case
        # line of a body keeps a third word the body never writes in lower case ("by Mary Wollstonecraft Shelley")
        end = seg[1].end
    person_role = ctx.role if ctx.before == "title" else ctx.prev_word if method == TITLE_PATTERN else None
    if kind == PERSON and len(words) == 1:
        return r.add(start, end, PERSON, method, role=person_role, single=True, fallback=PERSON)
    return r.add(start, end, kind, method, role=person_role if kind == PERSON else None)


def _read_lone_word(r: _Reader, start: int, end: int, ctx: _Context) -> None:
    """One capitalised word and no cue: kept for in-document merging, with a kind to fall back on."""
    w = entity_words()
    text, doc, word = r.text, r.doc, r.text[start:end]
    if word in _CORPORATE_SUFFIXES:
        return  # "What Runs You, LLC": a company's suffix alone names nothing
    if _ACRONYM.fullmatch(word):
        if _alone_on_its_line(text, start, end):
            return  # "SALEM", "RAYNE": a heading in capitals, not an organisation
        if text[max(0, start - 4) : start].rstrip().endswith(" or"):
            doc.dead_acronyms.add(word)  # "Mindfulness-Based Stress Reduction, or MBSR": a name for a thing
        if (
            len(word) > 2  # "NJ", "OT", "SF": two capitals say too little; known ones are in the gazetteer
            and not _code_context(text, start, end)
            and not r.cautious
            and word not in doc.dead_acronyms
            and word not in w.stopwords
            and not doc.in_lower_case(word)
            and not _in_a_code_or_list(text, start, end)
            and not _CJK.search(text, max(0, start - 20), end + 20)
        ):
            r.add(start, end, ORGANISATION, NAME_SEQUENCE, single=True, fallback=ORGANISATION)
        return
    if _URL_PART.search(text, max(0, start - 60), start) or text[end : end + 1] == "/":
        return  # "https://schema.org/FreeReturn": a part of a web address
    if (
        _CAMEL_CASE.match(word)
        and not word.startswith(_CAMEL_NAME_PREFIXES)
        and len(word) >= 5
        and sum(c.isupper() for c in word) == 2
    ):
        fallback = None if r.cautious else ORGANISATION  # "WeWork", "MarketAxess"
    elif (
        ctx.prev_word in w.place_prepositions
        and ctx.before is None
        and not r.cautious
        and doc.is_english()
        and not _sentence_initial(text, start)
        and word not in _head_words()
        and word not in _SEASONS
        and word not in _AREA_MODIFIERS
        and not doc.in_lower_case(word)
        and _previous_word(text, start - len(ctx.prev_word) - 1) not in _PUBLISHED
        and _previous_word(text, start - len(ctx.prev_word) - 1).lower() not in w.field_before_in
        and not _title_word_before(doc, _previous_word(text, start - len(ctx.prev_word) - 1))
        and _reads_as_a_noun(text, end)
        and not re.match(r"[ \t]+[A-Z]", text[end : end + 3])  # "in Grav CMS": part of a longer name
    ):
        fallback = PLACE  # "in Senkata"
    else:
        fallback = None
    r.add(start, end, PERSON, COREFERENCE, single=True, fallback=fallback)


def _title_word_before(doc: Doc, word: str) -> bool:
    """A capitalised common noun before "in" makes a title, not a place: "Spanish Grammar in Context",
    "Markets in Crypto-Assets" (but "Al-Ibrahim in Clifton")."""
    return word[:1].isupper() and not word.isupper() and doc.in_lower_case(word.lower())


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : line_end if line_end >= 0 else len(text)].strip()


def _code_context(text: str, start: int, end: int) -> bool:
    """An acronym after "a"/"an"/"or"/a number is a code or a kind of thing ("an HVAC technician",
    "Stress Reduction, or MBSR", "the 200 EVB building"), and so is one before a lower-case noun
    without "the" ("inside PHX arena", "this new DTPHX hidden gem"); not an organisation."""
    before = text[max(0, start - 20) : start].split()
    if before and (before[-1].lower() in _NOT_BEFORE_ACRONYM or before[-1].isdigit()):
        return True
    if _in_a_list_of_codes(text, start, end):
        return True  # "GTIN, MPN, SKU, brand, ASIN": a list of codes
    return not (before and before[-1].lower() == "the") and not _reads_as_a_noun(text, end)


# "Professor of ...", "Bachelor of Science in ...": a field follows (but "a professor in Georgetown ...")
_FIELD_BEFORE = re.compile(r"(\w+)[ \t]+of[ \t]+$|\b((?i:science|arts))[ \t]+in[ \t]+$")
_LIST_ITEM_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")


def _in_a_list_of_codes(text: str, start: int, end: int) -> bool:
    """An acronym in a comma-separated list with two other acronyms or more ("GTIN, MPN, SKU")."""
    left = re.split(r"[\n.;:()]", text[max(0, start - 60) : start])[-1]
    right = re.split(r"[\n.;:()]", text[end : end + 60])[0]
    before, after = left.split(","), right.split(",")
    items = [before[0].split()[-1:], *[x.split() for x in before[1:-1]], *[x.split() for x in after[1:-1]]]
    items += [after[-1].split()[:1]] if len(after) > 1 else []
    others = sum(len(x) == 1 and bool(_LIST_ITEM_ACRONYM.match(x[0])) for x in items if x)
    # the acronym's own item: no other word after it, only lower-case ones before it ("including GTIN")
    alone = not after[0].split() and all(x.islower() for x in before[-1].split())
    return others >= 2 and alone


def _reads_as_a_noun(text: str, end: int) -> bool:
    """Whether a capitalised word after "in" stands alone ("in Senkata, ...", "in Kabul on Monday"),
    not as an adjective before a lower-case noun ("in Buddhist vipassana meditation")."""
    nxt = re.match(r"[ \t]+([a-z][\w-]*)", text[end : end + 30])
    return nxt is None or nxt.group(1) in _AFTER_PLACE


def _in_a_code_or_list(text: str, start: int, end: int) -> bool:
    """'FHC/ABJ/03', 'DÇÜ,HT': capitals glued to slashes, hyphens or commas are codes or initials."""
    return (
        text[start - 1 : start] in ("/", "-", ",")
        or text[end : end + 1] in ("/", "-")
        or (text[end : end + 1] == "," and text[end + 1 : end + 2] not in ("", " ", "\n"))
    )


@cache
def _head_words() -> frozenset[str]:
    w = entity_words()
    return w.organisation_heads | w.place_heads | w.non_entity_heads | w.titles | w.organisation_starts


def _head_before_of(seg: list[_Tok]) -> bool:
    """'Diplomatic Academy of Vietnam', 'Center for Health', 'Business Group on Health': an organisation
    head before 'of'/'for'/'on'."""
    w = entity_words()
    for k in range(1, len(seg) - 1):
        if seg[k].text in ("of", "for", "on"):
            return seg[k - 1].text in w.organisation_heads or seg[k - 1].text in w.organisation_starts
    return False


def _split_at(seg: list[_Tok]) -> int | None:
    """Where a segment is two names side by side, not one: at an "on" that follows no organisation head
    ("Smith on Fox News"), at an "and" between two names with organisation heads ("Jerry Bruckheimer
    Films and Amblin Entertainment"), or at an "and" before a first name and a last name ("the
    American Federation of Teachers and Thomas Kennedy")."""
    w = entity_words()
    for k in range(1, len(seg) - 1):
        t = seg[k]
        if t.kind != "conn":
            continue
        if t.text == "on" and seg[k - 1].text not in _ON_HEADS:
            return k
        before = [x.text for x in seg[:k]]
        if (
            t.text == "of"
            and len(before) >= 2
            and all(x.kind == "cap" for x in seg[:k])
            and not any(x in w.organisation_heads or x in w.organisation_starts or x in w.place_heads for x in before)
            and seg[-1].text in w.organisation_heads
        ):
            return k  # "Mark H. Pollack of Rush University", "Yeun Joon Kim of Cambridge Judge Business School"
        after = [x.text for x in seg[k + 1 :] if x.kind == "cap"]
        if (
            t.text == "and"  # "&" joins one name: "Eculent Restaurant & Liquid Lab", "Bar & Lounge"
            and seg[k - 1].text in w.organisation_heads
            and k >= 2
            and len(after) >= 2
            and after[-1] in w.organisation_heads
            and seg[k + 1].kind == "cap"
        ):
            return k  # "Jerry Bruckheimer Films and Amblin Entertainment": two organisations
        if t.text == "and" and seg[k - 1].text in w.place_heads and seg[k + 1].kind == "cap" and k >= 2:
            return k  # "the Harrisburg Hike and Bike Trail and Buffalo Bayou": two places
        if (
            t.text in ("and", "&")
            and seg[k + 1].text in w.first_names
            and k + 2 < len(seg)
            and seg[k + 2].kind == "cap"
            and all(x.kind == "cap" for x in seg[k + 1 :])
        ):
            return k
    return None


def _glued_demonym_start(text: str, seg_start: int) -> int:
    m = re.search(r"[^\W\d_][\w'’-]*[ \t]+$", text[max(0, seg_start - 30) : seg_start])
    return seg_start - (len(m.group(0)) if m else 0)


_DATELINE_REACH = 400  # a dateline opens the article: it is looked for in its first characters only
# "SACHA PFEIFFER, HOST:", "CANTWELL:": a transcript's speaker labels, a name in capitals before a colon
_SPEAKER_LABEL = re.compile(
    r"^(?P<name>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})(?:,[ \t]*[A-Z][A-Z '’.-]*)?:[ \t]",
    re.MULTILINE,
)
_NOT_SPEAKERS = frozenset({"UNIDENTIFIED", "NOTE", "UPDATE", "EDITOR", "EDITOR'S", "CORRECTION", "WARNING", "Q", "A"})


def _speaker_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of a transcript's speaker labels: at least two labels in the text."""
    found = [
        (m.start(), m.end(), m.group("name"))
        for m in _SPEAKER_LABEL.finditer(text)
        if m.group("name").split()[0] not in _NOT_SPEAKERS and len(m.group("name")) > 2
    ]
    return found if len(found) >= 2 else []


def _speaker_candidate(start: int, label: str) -> Candidate:
    name = " ".join(part.capitalize() if "-" not in part else part.title() for part in label.split())
    ref = gazetteer().aliases.get(name)
    if ref is not None and ref.kind == PERSON:
        return Candidate(start, start + len(label), PERSON, name, GAZETTEER, ref)
    single = len(label.split()) == 1
    return Candidate(start, start + len(label), PERSON, name, NAME_SEQUENCE, single=single)


# "total-factor-productivity (TFP)", "search engine optimization (SEO)", "noise cancelling, or ANC",
# "Search Engine Optimization (SEO)" in a text that writes those words in lower case too
_ACRONYM_AFTER_WORDS = re.compile(r"(?:[ \t]*\(|,?[ \t]+or[ \t]+)([A-Z]{2,6})s?\b")  # "... (SEO)", "..., or ANC"
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][a-z]*[ -]){0,5}[A-Za-z][a-z]+)$")  # up to six words ending there
# "CPC (cost per click)", "ROAS (return on ad spend)"
_ACRONYM_THEN_WORDS = re.compile(r"\b([A-Z]{2,6})s?[ \t]*\(((?:[a-z][a-z]*[ -]){1,5}[a-z]+)\)")


# a line of program code: braces, an assignment, a call ending a statement, a comment, a declaration
_CODE_LINE = re.compile(
    r"^[ \t]*(?://|#include|func |def |type |import |package |return |var |const |let |\"[^\"\n]+\"[ \t]*:)"
    r"|[{};][ \t]*$|:=|\)\s*\{",
    re.MULTILINE,
)  # a JSON member ("@type": "AggregateRating",) too
_IDENTIFIER = re.compile(r"\b[A-Za-z]+[a-z][A-Z]\w*\b")
_URL_PART = re.compile(r"[\w.-]+/(?:[\w.-]+/)*$")  # "https://schema.org/" right before a word


def _code_words(text: str) -> set[str]:
    """Camel-case identifiers on the lines of program code a text quotes (at least three such lines):
    no names wherever they occur ("GetIdentity speaks SQL")."""
    lines = [m.start() for m in _CODE_LINE.finditer(text)]
    if len(lines) < 3:
        return set()
    words: set[str] = set()
    for start in lines:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        words.update(_IDENTIFIER.findall(text, line_start, line_end if line_end >= 0 else len(text)))
    return words


def _common_noun_acronyms(text: str) -> set[str]:
    """Acronyms the text defines by common words whose initials they are: names of things, not of
    organisations, wherever they occur (also before the definition). Common: written in lower case, or
    capitalised words that the text also writes in lower case ("Search Engine Optimization (SEO)")."""
    dead: set[str] = set()
    pairs = []
    for m in _ACRONYM_AFTER_WORDS.finditer(text):  # the acronyms first, then the words before them: linear
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if before:
            pairs.append((before.group(1), m.group(1)))
    pairs += [(m.group(2), m.group(1)) for m in _ACRONYM_THEN_WORDS.finditer(text)]
    lower = {w.strip(_WORD_EDGES) for w in text.split() if w[:1].islower()} if pairs else set()
    for phrase, acronym in pairs:
        words = [x for x in re.split(r"[ -]", phrase) if x]
        if not all(x.islower() or x.lower() in lower for x in words):
            continue
        for k in range(len(words)):  # "the search engine optimization (SEO)": the last words
            if "".join(x[0] for x in words[k:]).upper() == acronym:
                dead.add(acronym)
                break
    return dead


def read_candidates(text: str, headline: bool) -> tuple[list[Candidate], Doc]:
    """Every candidate mention of a text, in order, overlaps resolved to the longest."""
    doc = Doc(text, headline)
    doc.dead_acronyms.update(_common_noun_acronyms(text))
    doc.code_words = _code_words(text)
    cands: list[Candidate] = []
    skip: set[int] = set()
    labels = [] if headline else _speaker_labels(text)
    for label_start, label_end, name in labels:
        cands.append(_speaker_candidate(label_start, name))
        skip.update(run.start() for run in _RUN.finditer(text, label_start, label_end))
    if not headline:
        for dateline in _DATELINE.finditer(text, 0, _DATELINE_REACH):
            city, s = dateline.group("city"), dateline.start("city")
            if sum(c.isupper() for c in city) < 3 or s in skip:
                continue
            known = alias_key(city).casefold() in gazetteer().folded
            if dateline.group(0).endswith(":") and not known:
                continue  # "ROSIE CURTS:" is a speaker, not a dateline
            ref = gazetteer().folded.get(alias_key(city).casefold()) or entity_ref(city.title(), PLACE)
            if ref.kind == PLACE:
                known = alias_key(city).casefold() in gazetteer().folded
                cands.append(
                    Candidate(s, s + len(city), PLACE, city.title(), GAZETTEER if known else NAME_SEQUENCE, ref)
                )
                skip.add(s)
    for run in _RUN.finditer(text):
        if run.start() not in skip:
            _read_run(text, run.start(), run.end(), doc, cands)
    scanner = _caseless_scanner()
    if scanner is not None and (_CJK.search(text) or any(a in text for a in _latin_caseless())):
        for m in scanner.finditer(text):
            ref = gazetteer().aliases[alias_key(m.group())]
            cands.append(Candidate(m.start(), m.end(), ref.kind, m.group(), ALIAS, ref))
    if doc.dead_acronyms:  # "CPC (cost per click)" is no party, wherever the alias table finds it
        cands = [c for c in cands if text[c.start : c.end] not in doc.dead_acronyms]
    if doc.code_words:  # "type CalendarClient interface {": an identifier of code, no name
        cands = [c for c in cands if text[c.start : c.end] not in doc.code_words]
    cands.sort(key=lambda c: (c.start, c.start - c.end))
    kept, reach = [], 0
    for c in cands:  # the longest of overlapping finds ("mainland China" over "China")
        if c.start >= reach:
            kept.append(c)
            reach = c.end
    return kept, doc
