"""Quoted passages in an article body, each with the speaker found in the sentence around it.

Pure string scanning, no model. Two steps:

1. **Marks** (`quote_spans`): “…”, "…", «…» (and »…«), „…“ / „…”, 「…」 (『…』 inside), with
   nesting (an inner quote stays part of the outer one), news-style quotes running over several
   paragraphs (a paragraph left open and the next one reopening with the same mark: one quote,
   whose text includes the paragraph break and the reopening mark), an opening mark met again
   mid-paragraph while a quote is open (the first one was never closed: it ends there), and a
   quote still open at a paragraph that does not reopen it (it ends with its paragraph). Single
   quotes are not quote marks here, so apostrophes (don’t, O’Brien, ’90s) never open a quote;
   two closing apostrophes (’’) close a double quote, as some wires type them.
2. **Speaker** (`find_quotes`), tried in this order, first hit wins:
   - `said_after`: a speech verb in the first words after the quote ("…,” Stoltenberg said",
     "…,” said Derek Scissors, a China scholar", "…,” Will Moy, chief executive of Full Fact, told").
   - `according_to` / `colon` / `said_before` / `told`: the sentence before the quote ends in
     "according to X", "X: “", or has a speech verb with its subject ("Lavrov also said, “",
     "X told reporters “", "X said on Tuesday that China “").
   - `pronoun`: the subject found above is he/she (→ the last person named as the subject of a
     speech verb before it) or it/they (→ the last organisation named so). The method then says
     `pronoun`, whatever the pattern.
   - `continuation`: no attribution of its own, the quote opens its sentence, and the quote just
     before it (same or previous paragraph, no other speaker named in between) has a speaker.
   An attribution to an unnamed description ("said a WeWork spokesperson", "an officer shouts",
   "the ministry said") gives speaker None on purpose: a speaker is a *name* (person or
   organisation, capitalised as written), so that it can join to entities; roles are not names.
   Nothing is guessed: without one of the patterns above the speaker stays None.

The speaker is the name as written with titles dropped ("Russian Foreign Minister Sergey Lavrov"
→ "Sergey Lavrov"), in the fullest form the article uses ("Stoltenberg" → "Jens Stoltenberg" when
the article names him so anywhere, unless two different full forms would fit).

Scare quotes: a passage of at most three words ("worked hard", “absurd”) is dropped unless a
speech verb is attached right next to it (“No,” he said.). Offsets: `body[start_char:end_char]`
is exactly `text`, the passage inside the marks with surrounding spaces and the comma that joins
it to its attribution (“…,” he said) trimmed. The verb is kept when the speaker is an unnamed
description ("an officer shouted": speaker None, verb "shouted"); the method is set only with a
speaker.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import polars as pl

QUOTES_SCHEMA = {
    "article_id": pl.String, "quote_index": pl.Int32, "quote_text": pl.String, "speaker": pl.String,
    "speaker_method": pl.String, "verb": pl.String, "start_char": pl.Int32, "end_char": pl.Int32,
}
SCARE_QUOTE_MAX_WORDS = 3
MAX_WORDS_BEFORE_VERB_AFTER_QUOTE = 20  # "…" announced in October, said Derek Scissors
MAX_WORDS_VERB_TO_QUOTE = 20            # X said in the release this case shows that … “…”
MAX_TITLED_NAME_WORDS = 4               # after a title: "Dr. Luz Contreras Arroyo"
MAX_GIVEN_NAMES = 1                     # "Stoltenberg" may grow into "Jens Stoltenberg", "Sonya A. Zoghlin"

# Opening mark -> marks that close it. A straight " may be closed by a curly ” and vice versa.
CLOSERS = {
    "“": ("”", "’’", "''", '"'), "„": ("“", "”"), "«": ("»",), "»": ("«",), "「": ("」",),
    "『": ("』",), '"': ('"', "”"), "”": ("”",),
}
# A paragraph left open continues when the next one starts with one of these.
REOPENERS = {"“": "“\"", '"': "\"“", "„": "„", "«": "«", "»": "»", "「": "「", "”": "”"}
_MARK = re.compile(r"’’|''|[“”„«»「」『』\"]|\n")
# Between two quotes of one attribution: X said “…” and that “…”.
_JOINED_TO_PREVIOUS = re.compile(r"\s*,?\s*(?:and|or|but|et|und|y)\s+(?:that\s+|que\s+|qu’|dass\s+)?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w’'.\-&]*|\d[\w.\-]*")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gov sen rep gen lt col sgt prof inc corp co no vs mt ft capt cmdr adm"
    " dept est approx jan feb mar apr jun jul aug sep sept oct nov dec".split())


@dataclass(frozen=True)
class Quote:
    quote_index: int
    text: str
    start_char: int
    end_char: int
    speaker: str | None
    speaker_method: str | None
    verb: str | None


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted passage: marks at `open_at` .. `close_end`, its text at `start` .. `end`."""

    open_at: int
    close_end: int
    start: int
    end: int
    is_closed: bool


@dataclass(frozen=True)
class _Subject:
    """Who a speech verb belongs to: a name, a pronoun, or an unnamed description (both None)."""

    name: str | None = None
    pronoun: str | None = None
    is_titled: bool = False
    has_article: bool = False


@dataclass(frozen=True)
class _Attribution:
    subject: _Subject
    verb: str | None
    method: str
    is_adjacent: bool


@dataclass(frozen=True)
class _Event:
    """A name seen as the subject of a speech verb, for pronoun resolution."""

    at: int
    name: str
    kind: str  # person | organisation | unknown


# ---------------------------------------------------------------------------------------------
# Word lists


@cache
def _patterns() -> dict:
    return tomllib.loads(resources.files("transforms.data").joinpath("quote_patterns.toml").read_text("utf-8"))


@cache
def _word_set(key: str) -> frozenset[str]:
    """A word list, case-folded; a word written with a final dot matches without it too (Gov. / Gov)."""
    words = {word.casefold() for word in _patterns()[key]}
    return frozenset(words | {w.rstrip(".") for w in words if w.endswith(".") and len(w) > 2})


def _ends_sentence(word: str) -> bool:
    """'Fabius.' ends a sentence; 'Gov.', 'U.S.', 'J.' and 'Jr.' do not."""
    if not word.endswith("."):
        return False
    bare = word.rstrip(".")
    return not (bare.casefold() in _ABBREVIATIONS or bare.casefold() in _word_set("titles") or "." in bare
                or (len(bare) == 1 and bare.isupper()))


@cache
def _verb_scanner() -> re.Pattern[str]:
    verbs = sorted(_patterns()["verbs"], key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(v) for v in verbs) + r")(?![\w’'-])")


@cache
def _according_to() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _patterns()["according_to"])
    return re.compile(r"(?:^|[\s,(])(?:" + words + r")\s+(?P<who>[^.;:!?]{1,80}?)\s*[,:]?\s*$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Step 1: marks


def _is_space(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _can_open(text: str, i: int, mark: str) -> bool:
    if mark in "“„«「『":
        return True
    # ", ” and » open only where a word starts after a space: ("…" / ”…” / »…«).
    before = text[i - 1] if i > 0 else " "
    return (before.isspace() or before in "([{—–-/“„«") and not _is_space(text, i + 1)


def _can_close(text: str, i: int, mark: str, opener: str) -> bool:
    if mark != '"':
        return True
    before = text[i - 1] if i > 0 else " "
    if before.isspace() or (opener == "“" and before.isdigit()):  # 12" pizza inside a “…”
        return False
    return _is_space(text, i + 1) or text[i + 1] in ".,;:!?)]}—–-…”’"


def quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted passages of `text`, in order (nested quotes are part of their outer one)."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (opening mark, position)
    skip_to = -1

    def close_outer(end: int, close_end: int, is_closed: bool) -> None:
        mark, at = stack[0]
        start = at + len(mark)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(QuoteSpan(at, close_end, start, end, is_closed))
        stack.clear()

    for match in _MARK.finditer(text):
        mark, i = match.group(), match.start()
        if i < skip_to:
            continue
        if mark == "\n":
            if stack:
                nxt = i
                while nxt < len(text) and text[nxt].isspace():
                    nxt += 1
                if nxt < len(text) and text[nxt] in REOPENERS.get(stack[0][0], ""):
                    del stack[1:]
                    skip_to = nxt + 1
                else:
                    close_outer(i, i, is_closed=False)
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if mark in CLOSERS[stack[d][0]]), None)
        if depth is not None and _can_close(text, i, mark, stack[depth][0]):
            if depth == 0:
                close_outer(i, match.end(), is_closed=True)
            else:
                del stack[depth:]
            continue
        if mark in CLOSERS and _can_open(text, i, mark):
            if len(stack) == 1 and mark == stack[0][0]:
                close_outer(i, i, is_closed=False)  # reopened mid-paragraph: the first was never closed
            stack.append((mark, i))
    if stack:
        close_outer(len(text), len(text), is_closed=False)
    return spans


# ---------------------------------------------------------------------------------------------
# Sentences and names


def _is_sentence_end(text: str, i: int) -> bool:
    """Is the character at i ('.', '!', '?', '…') the end of a sentence (not Mr. / U.S. / J.)?"""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:i]
    bare = word.replace(".", "")
    return not (word.casefold() in _ABBREVIATIONS or "." in word or (len(bare) == 1 and bare.isupper()))


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos`, no earlier than `lo`."""
    for match in reversed(list(re.finditer(r"[.!?…]+[”\"’»」)]*\s+", text[lo:pos]))):
        if _is_sentence_end(text, lo + match.start()):
            return lo + match.end()
    return lo


def _sentence_end(text: str, pos: int, hi: int) -> int:
    for match in re.finditer(r"[.!?…](?=[”\"’»」)]*(?:\s|$))", text[pos:hi]):
        if _is_sentence_end(text, pos + match.start()):
            return pos + match.end()
    return hi


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _name_tokens(run: list[str]) -> tuple[list[str], bool]:
    """A capitalised run -> (name tokens with titles and leading stop words dropped, had a title)."""
    run = [w for w in run if w]
    for k in range(len(run) - 1, -1, -1):  # a possessive ends what precedes: "NASA’s Administrator Jim"
        if re.search(r"[’']s?$", run[k]) and k < len(run) - 1:
            run = run[k + 1:]
            break
    titles = _word_set("titles")
    last_title = max((k for k, w in enumerate(run) if w.casefold() in titles), default=-1)
    tokens = run[last_title + 1:]
    is_org = any(w.casefold().rstrip(".") in _word_set("organisation_words") for w in tokens)
    while tokens and tokens[0].casefold() in _word_set("not_names"):
        tokens = tokens[1:]
    nationalities = frozenset() if is_org else _word_set("nationalities")
    kept = next((k for k, w in enumerate(tokens) if w.casefold() not in nationalities), len(tokens))
    tokens = tokens[kept:] if kept < len(tokens) else tokens  # "Australian Timothy Weeks"; "the UK" stays
    if tokens and not re.fullmatch(r"(?:Jr|Sr|[A-Z]|(?:[A-Z]\.)+[A-Z]?)\.?", tokens[-1]):
        tokens[-1] = tokens[-1].rstrip(".")
    tokens = [re.sub(r"[’']s?$", "", w) if k == len(tokens) - 1 else w for k, w in enumerate(tokens)]
    tokens = [w for w in tokens if w]
    while tokens and tokens[-1].casefold().rstrip(".") in _word_set("not_names"):
        tokens = tokens[:-1]  # "Trump Oct. 1", "Smith Monday"
    if (len(tokens) == 1 and len(tokens[0].rstrip(".")) < 2) or any(t == "I" or "--" in t for t in tokens):
        tokens = []  # "Q: “…”" is an interview's question mark, "I" is no one's name
    return tokens, last_title >= 0


def _words(segment: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(segment))


def _name_at_end(segment: str) -> tuple[list[str], bool, bool] | None:
    """The capitalised run that ends `segment` -> (name tokens, had a title, 'the' before it)."""
    stripped = segment.rstrip()
    words = _words(stripped)
    if not words or words[-1].end() != len(stripped) or not _is_capitalised(words[-1].group()):
        return None
    particles = _word_set("name_particles")
    first = len(words) - 1
    while first > 0:
        prev, cur = words[first - 1], words[first]
        gap = stripped[prev.end():cur.start()]
        if gap != " " or _ends_sentence(prev.group()):
            break
        word = prev.group()
        if _is_capitalised(word) or (word in particles and first - 2 >= 0 and _is_capitalised(words[first - 2].group())):
            first -= 1
            continue
        break
    run = [w.group() for w in words[first:]]
    has_article = first > 0 and words[first - 1].group().casefold() == "the" or run[0].casefold() == "the"
    tokens, titled = _name_tokens(run)
    return (tokens, titled, has_article) if tokens else None


def _subject_before(text: str, lo: int, pos: int) -> _Subject | None:
    """The subject written just before a verb at `pos` ("Stoltenberg also said"), or None if none."""
    segment = text[lo:pos].rstrip()
    skippable = _word_set("skippable")
    while True:
        last = re.search(r"(\w+)$", segment)
        word = last.group(1) if last else ""
        if not word or (word.casefold() not in skippable and not (word.endswith("ly") and word.islower())):
            break  # "Stoltenberg also said", "Brooke tearfully asked"
        segment = segment[:last.start()].rstrip()
    if not segment:
        return None
    if segment.endswith(","):  # "X, the commander of Y, said" / "her mother, Fiona, said"
        inner = segment[:-1]
        comma = inner.rfind(",")
        apposition = inner[comma + 1:]
        found = _name_at_end(apposition)
        if found and " ".join(found[0]) == apposition.strip().removeprefix("the ").removeprefix("The "):
            return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])
        if comma < 0:
            return None
        first = inner.split(",")[0]  # "Cmdr. Sean Robertson, a spokesperson for X, the Y operation, told"
        if inner.count(",") <= 3 and _words(first) and all(
                _is_capitalised(w.group()) or w.group() in _word_set("name_particles") for w in _words(first)):
            found = _name_at_end(first)
            if found:
                return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])
        found = _name_at_end(inner[:comma])
        return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2]) if found else None
    last_word = re.search(r"([^\W\d_][\w’'.\-&]*)$", segment)
    if not last_word:
        return None
    word = last_word.group(1)
    if word.casefold() in _word_set("person_pronouns") | _word_set("group_pronouns"):
        return _Subject(pronoun=word.casefold())
    found = _name_at_end(segment)
    if found:
        return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])
    return _Subject() if not _is_capitalised(word) and word.casefold() not in _word_set("phrase_enders") else None


def _name_in_phrase(phrase: str) -> _Subject:
    """'chief inspector Jennifer Mattinson' -> that name; 'a WeWork spokesperson' -> unnamed."""
    words = _words(phrase)
    if not words:
        return _Subject()
    if words[0].group().casefold() in {"a", "an"} or len(words) > 10:
        return _Subject()
    if words[0].group().casefold() in _word_set("person_pronouns") | _word_set("group_pronouns") and len(words) == 1:
        return _Subject(pronoun=words[0].group().casefold())
    found = _name_at_end(phrase)
    if not found:
        return _Subject()
    return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])


def _subject_after(text: str, pos: int, hi: int) -> _Subject | None:
    """The subject written after a verb ("said Derek Scissors, a China scholar")."""
    end = hi
    for match in re.finditer(r"[,;:!?()\n]|\.(?=\s|$)|\s(\w+)(?=\s)", text[pos:hi]):
        word = match.group(1)
        if word is not None and word.casefold() not in _word_set("phrase_enders"):
            continue
        if match.group() == "." and not _is_sentence_end(text, pos + match.start()):
            continue
        end = pos + match.start()
        break
    return _name_in_phrase(text[pos:end]) if text[pos:end].strip() else None


# ---------------------------------------------------------------------------------------------
# Step 2: attribution


def _word_count(segment: str) -> int:
    return len(_words(segment))


def _scare_word_count(quote_text: str) -> int:
    """Words in a quote; Chinese and Japanese, written without spaces, count two characters a word."""
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", quote_text))
    return max(_word_count(quote_text), cjk // 2)


def _attribution_after(text: str, lo: int, hi: int) -> _Attribution | None:
    """A speech verb in the first words after a quote (lo = just after its closing mark)."""
    hi = _sentence_end(text, lo, hi)
    for verb in _verb_scanner().finditer(text, lo, hi):
        lead = text[lo:verb.start()]
        if _word_count(lead) > MAX_WORDS_BEFORE_VERB_AFTER_QUOTE:
            return None
        subject = _subject_before(text, lo, verb.start())
        if subject is None and (lead.strip(" ,—–-") == "" or lead.rstrip().endswith(",")):
            subject = _subject_after(text, verb.end(), hi)  # "…,” said Brent Sherwood" / "…” in October, said X"
        if subject is None:
            if verb.group().endswith("ing"):
                return None  # "…,” at the release, adding that …": a new clause, not an attribution
            continue
        # "“No,” he said": only punctuation and the subject between the quote and its verb.
        is_adjacent = (_word_count(lead) <= 4 and bool(re.match(r"\s*[,—–-]", lead) or re.search(r"[,.!?…]\W*$", text[:lo]))
                       and _subject_before(text, lo, verb.start()) is not None or lead.strip(" ,—–-") == "")
        method = "told" if verb.group() in _patterns()["told_verbs"] else "said_after"
        return _Attribution(subject, verb.group(), method, is_adjacent)
    return None


def _attribution_before(text: str, lo: int, pos: int) -> _Attribution | None:
    """The sentence before a quote (lo = its start, pos = the opening mark)."""
    before = text[lo:pos]
    according = _according_to().search(before)
    if according:
        return _Attribution(_name_in_phrase(according.group("who")), None, "according_to", True)
    colon = re.fullmatch(r"\s*(?P<who>[^\W\d_][\w’'.\- ]{0,60}?)\s*:\s*", before)
    if colon and not _verb_scanner().search(colon.group("who")):
        found = _name_at_end(colon.group("who"))
        if found and " ".join(found[0]) == colon.group("who").strip():
            return _Attribution(_Subject(name=" ".join(found[0]), is_titled=found[1]), None, "colon", True)
    verbs = list(_verb_scanner().finditer(text, lo, pos))
    if not verbs or _word_count(text[verbs[-1].end():pos]) > MAX_WORDS_VERB_TO_QUOTE:
        return None
    last = verbs[-1]
    is_adjacent = _word_count(text[last.end():pos]) <= 4 and before.rstrip().endswith((":", ","))
    for verb in reversed(verbs):
        if verb.group().endswith("ing"):
            continue  # "…, warning: “": a participle's subject is the earlier verb's
        subject = _subject_before(text, lo, verb.start())
        if subject is None:
            head = text[lo:verb.start()].rstrip()
            if head.endswith((" and", " but")):
                continue  # "He emphasized …, and emphasized that “": the first verb's subject
            if head and not head.endswith(","):
                return None
            subject = _subject_after(text, verb.end(), pos)  # inverted: "…, said Smith: “"
            if subject is None:
                return None
        method = "told" if last.group() in _patterns()["told_verbs"] else "said_before"
        return _Attribution(subject, last.group(), method, is_adjacent)
    return None


def _kind(name: str, subject: _Subject, titled_names: frozenset[str]) -> str:
    tokens = name.split()
    if subject.has_article or any(t.casefold().rstrip(".") in _word_set("organisation_words") for t in tokens):
        return "organisation"
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1:
        return "organisation"
    if subject.is_titled or name in titled_names or len(tokens) >= 2:
        return "person"
    return "unknown"


@cache
def _given_name_like(word: str) -> bool:
    if re.fullmatch(r"[A-Z]\.", word):
        return True
    folded = word.casefold()
    excluded = (_word_set("titles") | _word_set("organisation_words") | _word_set("nationalities")
                | _word_set("not_names"))
    return _is_capitalised(word) and not word.isupper() and folded not in excluded and "’" not in word and "'" not in word


@dataclass(frozen=True)
class _Run:
    """Capitalised words written one space apart ("NATO Secretary-General Jens Stoltenberg").

    `start` is where the run begins in the text, even when its first word was dropped as an
    ordinary word opening a sentence ("Once Fetter arrived" -> words ("Fetter",)).
    """

    start: int
    end: int
    words: tuple[str, ...]
    after_title: bool = False  # written after a lowercase title: "spokesman Farhan Aziz Haq"


@lru_cache(maxsize=8)
def _lowercase_words(text: str) -> frozenset[str]:
    """Words the article writes in lowercase somewhere."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])", text))


def _opens_sentence(text: str, pos: int) -> bool:
    head = text[max(0, pos - 4):pos].rstrip(" ")
    return head == "" or head.endswith("\n") or bool(re.search(r"[.!?…][”\"’)]*$", head))


def _capitalised_runs(text: str) -> list[_Run]:
    runs: list[_Run] = []
    current: list[re.Match[str]] = []
    before: re.Match[str] | None = None  # the word before the current run

    lowercase = _lowercase_words(text)

    def close() -> None:
        after_title = (before is not None and text[before.end():current[0].start()] == " "
                       and before.group().casefold() in _word_set("titles"))
        words = current
        if len(words) > 1 and words[0].group().casefold() in lowercase and _opens_sentence(text, words[0].start()):
            words = words[1:]  # "Once Fetter arrived", "Suddenly I was": an ordinary word opening a sentence
        runs.append(_Run(current[0].start(), words[-1].end(), tuple(m.group() for m in words), after_title))

    previous: re.Match[str] | None = None
    for match in _WORD.finditer(text):
        if (_is_capitalised(match.group()) and current and text[current[-1].end():match.start()] == " "
                and not _ends_sentence(current[-1].group())):
            current.append(match)
            previous = match
            continue
        if current:
            close()
        current = [match] if _is_capitalised(match.group()) else []
        before = previous
        previous = match
    if current:
        close()
    return runs


def _bare(word: str) -> str:
    """A word of a run without its possessive or trailing punctuation (initials keep their dot)."""
    word = re.sub(r"[’']s?$", "", word).rstrip(",")
    return word if re.fullmatch(r"(?:[A-Z]\.)+|Jr\.|Sr\.", word) else word.rstrip(".")


def _fullest_form(name: str, bare_runs: list[tuple[tuple[str, ...], bool, bool]]) -> str:
    """'Stoltenberg' -> 'Jens Stoltenberg' when the article writes that form, and only one such.

    A name grows backwards by one given name and any initials when the run goes on to its end
    ("NATO Secretary-General Jens Stoltenberg", "James P. Kennedy Jr."), or forwards when it starts
    the name part of a run ("Liu" -> "Liu Xiaming" in "ambassador to Britain Liu Xiaming").
    """
    tokens = [_bare(t) for t in name.split()]
    forms: set[tuple[str, ...]] = set()
    for bare, titled, is_modifier in bare_runs:
        if titled:  # after a title the whole rest of the run is the name: "Dr. Luz Contreras Arroyo"
            part = tuple(_bare(w) for w in _name_tokens(list(bare))[0])
            if len(tokens) < len(part) <= MAX_TITLED_NAME_WORDS and (
                    list(part[-len(tokens):]) == tokens or list(part[:len(tokens)]) == tokens):
                forms.add(part)
                continue
        for start in range(len(bare) - len(tokens) + 1):
            end = start + len(tokens)
            if list(bare[start:end]) != tokens:
                continue
            grew_forward = False
            while not is_modifier and end < len(bare) and end - start < len(tokens) + MAX_GIVEN_NAMES and _given_name_like(bare[end]):
                grew_forward |= bare[end] not in ("Jr.", "Sr.")
                end += 1
            if end != len(bare):
                continue
            given = 0
            while not grew_forward and start > 0 and _given_name_like(bare[start - 1]):
                if not re.fullmatch(r"[A-Z]\.", bare[start - 1]):
                    if given == MAX_GIVEN_NAMES:
                        break
                    given += 1
                start -= 1
            if end - start > len(tokens):
                forms.add(tuple(bare[start:end]))
    cores = {tuple(t for t in f if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.", t)) for f in forms}
    if len(cores) != 1:  # no fuller form, or two different people ("Joe Biden", "Hunter Biden")
        return " ".join(tokens)
    return " ".join(max(sorted(forms), key=len))  # "Patrick W. Carlineo" and "Patrick Carlineo Jr."


def _modifies_a_noun(text: str, run: _Run) -> bool:
    """'the Margaret Hamilton Lego set': a lowercase noun follows, so the run is no full name."""
    following = re.match(r" ([a-z][\w’'-]*)", text[run.end:run.end + 40])
    if not following:
        return False
    word = following.group(1)
    verb_like = (word in _patterns()["verbs"] or word.endswith("ed") or word in ("is", "was", "has", "had", "says")
                 or word in _word_set("skippable") or word in _word_set("phrase_enders") or word.endswith("ly"))
    return not verb_like


class _Names:
    """The capitalised runs of one article outside quotes, indexed by word; fullest forms memoised."""

    def __init__(self, text: str, runs: list[_Run]) -> None:
        self.runs = runs
        self._bare = [tuple(_bare(w) for w in run.words) for run in runs]
        self._titled = [run.after_title or any(w.casefold() in _word_set("titles") for w in bare)
                        for run, bare in zip(runs, self._bare, strict=True)]
        self._modifier = [_modifies_a_noun(text, run) for run in runs]
        self._by_word: dict[str, list[int]] = {}
        for k, bare in enumerate(self._bare):
            for word in set(bare):
                self._by_word.setdefault(word, []).append(k)
        self._fullest: dict[str, str] = {}

    def fullest(self, name: str) -> str:
        if name not in self._fullest:
            first = _bare(name.split()[0])
            last = _bare(name.split()[-1])
            keys = sorted(set(self._by_word.get(first, [])) | set(self._by_word.get(last, [])))
            self._fullest[name] = _fullest_form(name, [(self._bare[k], self._titled[k], self._modifier[k]) for k in keys])
        return self._fullest[name]


def _inside(spans: list[QuoteSpan], pos: int) -> bool:
    k = bisect_right(spans, pos, key=lambda span: span.start) - 1
    return k >= 0 and pos < spans[k].end


def _last_close_before(spans: list[QuoteSpan], pos: int) -> int:
    k = bisect_right(spans, pos, key=lambda span: span.close_end) - 1
    return spans[k].close_end if k >= 0 else 0


def _starts_clause(text: str, pos: int) -> bool:
    head = text[max(0, pos - 40):pos].rstrip(" ")
    return head == "" or head.endswith(("\n", ".", "!", "?", ",", ";", ":", "”", '"', "»", " and", " but"))


def _speech_events(text: str, spans: list[QuoteSpan], names: _Names) -> list[_Event]:
    """Names seen as the subject of a verb outside quotes, in order: the candidates for a pronoun.

    Subjects of speech verbs ("Esper said", "said Brent Sherwood", "Hicks, a Navy veteran, said")
    and names opening a clause before a verb in -ed or is/was ("Then, last week, Taylor Swift posted").
    """
    titled = frozenset(" ".join(tokens) for tokens, is_titled in (_name_tokens(list(r.words)) for r in names.runs)
                       if is_titled and tokens)
    titled = titled | {names.fullest(name) for name in titled}
    events: list[_Event] = []
    for verb in _verb_scanner().finditer(text):
        if _inside(spans, verb.start()):
            continue
        lo = max(text.rfind("\n", 0, verb.start()) + 1, _last_close_before(spans, verb.start()))
        subject = _subject_before(text, lo, verb.start())
        if subject is None and text[lo:verb.start()].rstrip().endswith((",", "”", '"', "»")):
            subject = _subject_after(text, verb.end(), len(text))
        if subject and subject.name:
            full = names.fullest(subject.name)
            events.append(_Event(verb.start(), full, _kind(full, subject, titled)))
    skippable = "|".join(sorted(_word_set("skippable")))
    clause_verb = re.compile(r" (?:(?:" + skippable + r") )*([a-z]+ed|is|was|says)\b")  # not -s: "Border agents"
    for run in names.runs:
        following = clause_verb.match(text, run.end)
        if (not following or following.group(1) in _word_set("phrase_enders") | _word_set("role_nouns")
                or _inside(spans, run.start) or not _starts_clause(text, run.start)):
            continue
        tokens, is_titled = _name_tokens(list(run.words))
        if tokens:
            subject = _Subject(name=" ".join(tokens), is_titled=is_titled,
                               has_article=run.words[0].casefold() == "the" or text[max(0, run.start - 4):run.start].casefold() == "the ")
            full = names.fullest(subject.name)
            events.append(_Event(following.start(1), full, _kind(full, subject, titled)))
    return sorted(events, key=lambda e: e.at)


def _resolve(subject: _Subject, at: int, events: list[_Event], names: _Names) -> tuple[str | None, bool]:
    """A subject -> (speaker, came from a pronoun)."""
    if subject.name:
        return names.fullest(subject.name), False
    if subject.pronoun is None:
        return None, False
    wanted = "person" if subject.pronoun in _word_set("person_pronouns") else "organisation"
    for event in reversed(events):
        if event.at < at and event.kind == wanted:
            return event.name, True
    return None, True


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _attribution(text: str, spans: list[QuoteSpan], k: int) -> _Attribution | None:
    """The attribution of spans[k]: after it first, then the sentence before it."""
    span = spans[k]
    after_hi = min(spans[k + 1].open_at if k + 1 < len(spans) else len(text), _paragraph_end(text, span.close_end))
    before_lo = _attribution_start(text, spans, k)
    return ((_attribution_after(text, span.close_end, after_hi) if span.is_closed else None)
            or _attribution_before(text, before_lo, span.open_at))


def find_quotes(body_text: str) -> list[Quote]:
    """Every quoted passage of `body_text` with its speaker (see the module docstring)."""
    text = body_text
    spans = quote_spans(text)
    if not spans:
        return []
    names = _Names(text, [r for r in _capitalised_runs(text) if not _inside(spans, r.start)])  # as the article writes them
    events = _speech_events(text, spans, names)
    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, str | None] | None = None  # the last quote kept
    joined: tuple[QuoteSpan, str | None, str | None] | None = None  # the last span, kept or not
    for k, span in enumerate(spans):
        attribution = _attribution(text, spans, k)
        speaker, method, verb = None, None, None
        if attribution:
            pronoun_at = span.close_end if attribution.method in ("said_after", "told") and span.is_closed else span.open_at
            speaker, from_pronoun = _resolve(attribution.subject, pronoun_at, events, names)
            verb = attribution.verb
            method = ("pronoun" if from_pronoun else attribution.method) if speaker else None
        elif joined and joined[1] and _JOINED_TO_PREVIOUS.fullmatch(text[joined[0].close_end:span.open_at]):
            speaker, method, verb = joined[1], "continuation", joined[2]  # X said “…” and that “…”
        elif previous and previous[1] and _continues(text, previous, span, _attribution_start(text, spans, k), events):
            speaker, method = previous[1], "continuation"
        joined = (span, speaker, verb)
        end = span.end - 1 if text[span.end - 1] == "," and span.end - 1 > span.start else span.end
        quote_text = text[span.start:end]  # without the comma that joins it to "he said"
        if _scare_word_count(quote_text) <= SCARE_QUOTE_MAX_WORDS and not (attribution and attribution.is_adjacent):
            continue
        quotes.append(Quote(len(quotes), quote_text, span.start, end, speaker, method, verb))
        previous = (span, speaker)
    return quotes


def _attribution_start(text: str, spans: list[QuoteSpan], k: int) -> int:
    """Where the sentence holding spans[k]'s opening mark starts (after the previous quote)."""
    lo = max(spans[k - 1].close_end if k else 0, _paragraph_start(text, spans[k].open_at))
    return _sentence_start(text, lo, spans[k].open_at)


def _continues(text: str, previous: tuple[QuoteSpan, str | None], span: QuoteSpan, sentence_start: int,
               events: list[_Event]) -> bool:
    """Does `span` carry on the previous quote (same speaker, no attribution of its own)?"""
    previous_span, previous_speaker = previous
    if text[sentence_start:span.open_at].strip():
        return False  # the quote does not open its sentence
    between = text[previous_span.close_end:span.open_at]
    if len(re.findall(r"\n+", between)) > 1:
        return False  # more than one paragraph break
    if any(e.name != previous_speaker for e in events if previous_span.close_end <= e.at < span.open_at):
        return False  # someone else spoke in between
    tail = text[span.end:_paragraph_end(text, span.end)]
    return bool(re.search(r"[.!?…]", text[span.start:span.end][-2:] + tail))  # a heading has no full stop


def quotes_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, body_text] -> one row per quote (QUOTES_SCHEMA), typed even when empty."""
    rows: dict[str, list] = {column: [] for column in QUOTES_SCHEMA}
    for article_id, body in articles.select("article_id", "body_text").iter_rows():
        for quote in find_quotes(body or ""):
            rows["article_id"].append(article_id)
            rows["quote_index"].append(quote.quote_index)
            rows["quote_text"].append(quote.text)
            rows["speaker"].append(quote.speaker)
            rows["speaker_method"].append(quote.speaker_method)
            rows["verb"].append(quote.verb)
            rows["start_char"].append(quote.start_char)
            rows["end_char"].append(quote.end_char)
    return pl.DataFrame(rows, schema=QUOTES_SCHEMA)
