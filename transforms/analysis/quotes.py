"""Quoted passages in an article body, each with the speaker found in the sentence around it.

Pure string scanning, no model. The passages come from `transforms.analysis.quote_spans` (five quote
styles, nesting, quotes over several paragraphs, apostrophes); the names from
`transforms.analysis.speaker_names`. The speaker is found in this order, first hit wins:
- `said_after`: a speech verb in the first words after the quote ("…,” Stoltenberg said",
  "…,” said Derek Scissors, a China scholar", "…,” Will Moy, chief executive of Full Fact, told").
- `according_to` / `colon` / `said_before` / `told`: the sentence before the quote ends in
  "according to X", "X: “", or has a speech verb with its subject ("Lavrov also said, “",
  "X told reporters “", "X said on Tuesday that China “").
- `pronoun`: the subject found above is he/she (→ the last person named as a subject before it)
  or it/they (→ the last organisation named so, unless another organisation is named in between;
  a place or a person never). The method then says `pronoun`, whatever the
  pattern.
- `continuation`: no attribution of its own, and either joined to the quote before ("X said “…”
  and that “…”"), or opening its sentence right after a quote with a speaker (same or previous
  paragraph, no other speaker named in between, not a heading).
An attribution to an unnamed description ("said a WeWork spokesperson", "an officer shouts",
"the ministry said") gives speaker None on purpose: a speaker is a *name* (person or
organisation, capitalised as written), so that it can join to entities; roles are not names.
Nothing is guessed: without one of the patterns above the speaker stays None.

The speaker is the name as written with titles dropped ("Russian Foreign Minister Sergey Lavrov"
→ "Sergey Lavrov"), in the fullest form the article uses ("Stoltenberg" → "Jens Stoltenberg" when
the article names him so, unless two different full forms would fit).

Scare quotes: a passage of at most three words ("worked hard", “absurd”) is dropped unless a
speech verb is attached right next to it (“No,” he said.). Offsets: `body[start_char:end_char]`
is exactly `text`, the passage inside the marks with surrounding spaces and the comma that joins
it to its attribution (“…,” he said) trimmed. The verb is kept when the speaker is an unnamed
description ("an officer shouted": speaker None, verb "shouted"); the method is set only with a
speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import polars as pl

from transforms.analysis.quote_spans import QuoteSpan, quote_spans
from transforms.analysis.speaker_names import (
    ABBREVIATIONS,
    Names,
    capitalised_runs,
    is_capitalised,
    kind,
    name_at_end,
    patterns,
    word_matches,
    word_set,
)
from transforms.frames.schemas import QUOTES

# what quotes_frame makes: the loaded quotes but the speaker's entity, which speakers.py adds later
QUOTES_SCHEMA = pl.Schema({name: dtype for name, dtype in QUOTES.items() if name != "speaker_entity_id"})
SCARE_QUOTE_MAX_WORDS = 3
MAX_QUOTES_PER_ARTICLE = 2000  # quotes kept per article, the first ones (an article has tens; a hostile body thousands)
MAX_WORDS_BEFORE_VERB_AFTER_QUOTE = 20  # "…" announced in October, said Derek Scissors
MAX_WORDS_VERB_TO_QUOTE = 20  # X said in the release this case shows that … “…”
MAX_PHRASE_CHARS = 200  # a name written after its verb is looked for this far
# Between two quotes of one attribution: X said “…” and that “…”.
_JOINED_TO_PREVIOUS = re.compile(r"\s*,?\s*(?:and|or|but|et|und|y)\s+(?:that\s+|que\s+|qu’|dass\s+)?", re.IGNORECASE)


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
    """A name seen as the subject of a verb, for pronoun resolution."""

    at: int
    name: str
    kind: str  # person | organisation | unknown


# ---------------------------------------------------------------------------------------------
# Speech verbs


@cache
def _verb_scanner() -> re.Pattern[str]:
    verbs = sorted(patterns()["verbs"], key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(v) for v in verbs) + r")(?![\w’'-])")


@cache
def _according_to() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in patterns()["according_to"])
    return re.compile(r"(?:^|[\s,(])(?:" + words + r")\s+(?P<who>[^.;:!?]{1,80}?)\s*[,:]?\s*$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Sentences and the subject of a verb


def _is_sentence_end(text: str, i: int) -> bool:
    """Is the character at i ('.', '!', '?', '…') the end of a sentence (not Mr. / U.S. / J.)?"""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:i]
    bare = word.replace(".", "")
    return not (word.casefold() in ABBREVIATIONS or "." in word or (len(bare) == 1 and bare.isupper()))


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


def _subject_before(text: str, lo: int, pos: int) -> _Subject | None:
    """The subject written just before a verb at `pos` ("Stoltenberg also said"), or None if none."""
    segment = text[lo:pos].rstrip()
    skippable = word_set("skippable")
    while True:
        last = re.search(r"(\w+)$", segment)
        word = last.group(1) if last else ""
        if not word or (word.casefold() not in skippable and not (word.endswith("ly") and word.islower())):
            break  # "Stoltenberg also said", "Brooke tearfully asked"
        segment = segment[: last.start()].rstrip()  # type: ignore[union-attr]  # a word was found: `last` matched
    if not segment:
        return None
    if segment.endswith(","):  # "X, the commander of Y, said" / "her mother, Fiona, said"
        inner = segment[:-1]
        comma = inner.rfind(",")
        apposition = inner[comma + 1 :]
        found = name_at_end(apposition)
        if found and " ".join(found[0]) == apposition.strip().removeprefix("the ").removeprefix("The "):
            return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])
        if comma < 0:
            return None
        first = inner.split(",")[0]  # "Cmdr. Sean Robertson, a spokesperson for X, the Y operation, told"
        if (
            inner.count(",") <= 3
            and word_matches(first)
            and all(is_capitalised(w.group()) or w.group() in word_set("name_particles") for w in word_matches(first))
        ):
            found = name_at_end(first)
            if found:
                return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])
        found = name_at_end(inner[:comma])
        return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2]) if found else None
    last_word = re.search(r"([^\W\d_][\w’'.\-&]*)$", segment)
    if not last_word:
        return None
    word = last_word.group(1)
    if word.casefold() in word_set("person_pronouns") | word_set("group_pronouns"):
        return _Subject(pronoun=word.casefold())
    found = name_at_end(segment)
    if found:
        return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])
    return _Subject() if not is_capitalised(word) and word.casefold() not in word_set("phrase_enders") else None


def _name_in_phrase(phrase: str) -> _Subject:
    """'chief inspector Jennifer Mattinson' -> that name; 'a WeWork spokesperson' -> unnamed."""
    words = word_matches(phrase)
    if not words:
        return _Subject()
    if words[0].group().casefold() in {"a", "an"} or len(words) > 10:
        return _Subject()
    if words[0].group().casefold() in word_set("person_pronouns") | word_set("group_pronouns") and len(words) == 1:
        return _Subject(pronoun=words[0].group().casefold())
    found = name_at_end(phrase)
    if not found:
        return _Subject()
    return _Subject(name=" ".join(found[0]), is_titled=found[1], has_article=found[2])


def _subject_after(text: str, pos: int, hi: int) -> _Subject | None:
    """The subject written after a verb ("said Derek Scissors, a China scholar")."""
    end = hi
    for match in re.finditer(r"[,;:!?()\n]|\.(?=\s|$)|\s(\w+)(?=\s)", text[pos:hi]):
        word = match.group(1)
        if word is not None and word.casefold() not in word_set("phrase_enders"):
            continue
        if match.group() == "." and not _is_sentence_end(text, pos + match.start()):
            continue
        end = pos + match.start()
        break
    return _name_in_phrase(text[pos:end]) if text[pos:end].strip() else None


# ---------------------------------------------------------------------------------------------
# Attribution


def _word_count(segment: str) -> int:
    return len(word_matches(segment))


def _scare_word_count(quote_text: str) -> int:
    """Words in a quote; Chinese and Japanese, written without spaces, count two characters a word."""
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", quote_text))
    return max(_word_count(quote_text), cjk // 2)


def _attribution_after(text: str, lo: int, hi: int) -> _Attribution | None:
    """A speech verb in the first words after a quote (lo = just after its closing mark)."""
    hi = _sentence_end(text, lo, hi)
    for verb in _verb_scanner().finditer(text, lo, hi):
        lead = text[lo : verb.start()]
        if _word_count(lead) > MAX_WORDS_BEFORE_VERB_AFTER_QUOTE:
            return None
        subject = _subject_before(text, lo, verb.start())
        if subject is None and (lead.strip(" ,—–-") == "" or lead.rstrip().endswith(",")):
            subject = _subject_after(text, verb.end(), hi)  # "…,” said Brent Sherwood" / "…” in October, said X"
        if subject is None:
            if verb.group().endswith("ing"):
                return None  # "…,” at the release, adding that …": a new clause, not an attribution
            continue
        # "“No,” he said": the quote ends its clause and only its subject stands before the verb.
        ends_clause = bool(re.match(r"\s*[,—–-]", lead) or re.search(r"[,.!?…]\W{0,2}$", text[max(0, lo - 3) : lo]))
        is_adjacent = lead.strip(" ,—–-") == "" or (_word_count(lead) <= 4 and ends_clause)
        method = "told" if verb.group() in patterns()["told_verbs"] else "said_after"
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
        found = name_at_end(colon.group("who"))
        if found and " ".join(found[0]) == colon.group("who").strip():
            return _Attribution(_Subject(name=" ".join(found[0]), is_titled=found[1]), None, "colon", True)
    verbs = list(_verb_scanner().finditer(text, lo, pos))
    if not verbs or _word_count(text[verbs[-1].end() : pos]) > MAX_WORDS_VERB_TO_QUOTE:
        return None
    last = verbs[-1]
    is_adjacent = _word_count(text[last.end() : pos]) <= 4 and before.rstrip().endswith((":", ","))
    for verb in reversed(verbs):
        if verb.group().endswith("ing"):
            continue  # "…, warning: “": a participle's subject is the earlier verb's
        subject = _subject_before(text, lo, verb.start())
        if subject is None:
            head = text[lo : verb.start()].rstrip()
            if head.endswith((" and", " but")):
                continue  # "He emphasized …, and emphasized that “": the first verb's subject
            if head and not head.endswith(","):
                return None
            subject = _subject_after(text, verb.end(), pos)  # inverted: "…, said Smith: “"
            if subject is None:
                return None
        method = "told" if last.group() in patterns()["told_verbs"] else "said_before"
        return _Attribution(subject, last.group(), method, is_adjacent)
    return None


def _inside(spans: list[QuoteSpan], pos: int) -> bool:
    k = bisect_right(spans, pos, key=lambda span: span.start) - 1
    return k >= 0 and pos < spans[k].end


def _last_close_before(spans: list[QuoteSpan], pos: int) -> int:
    k = bisect_right(spans, pos, key=lambda span: span.close_end) - 1
    return spans[k].close_end if k >= 0 else 0


def _starts_clause(text: str, pos: int) -> bool:
    head = text[max(0, pos - 40) : pos].rstrip(" ")
    return head == "" or head.endswith(("\n", ".", "!", "?", ",", ";", ":", "”", '"', "»", " and", " but"))


def _speech_events(text: str, spans: list[QuoteSpan], names: Names) -> list[_Event]:
    """Names seen as the subject of a verb outside quotes, in order: the candidates for a pronoun."""
    titled = frozenset(
        " ".join(tokens)
        for tokens, is_titled in (names.tokens(k) for k in range(len(names.runs)))
        if is_titled and tokens
    )
    titled = titled | {names.fullest(name) for name in titled}
    events = _speech_verb_subjects(text, spans, names, titled) + _clause_subjects(text, spans, names, titled)
    return sorted(events, key=lambda e: e.at)


def _speech_verb_subjects(text: str, spans: list[QuoteSpan], names: Names, titled: frozenset[str]) -> list[_Event]:
    """ "Esper said", "said Brent Sherwood", "Hicks, a Navy veteran, said"."""
    events = []
    for verb in _verb_scanner().finditer(text):
        if _inside(spans, verb.start()):
            continue
        lo = max(text.rfind("\n", 0, verb.start()) + 1, _last_close_before(spans, verb.start()))
        subject = _subject_before(text, lo, verb.start())
        if subject is None and text[lo : verb.start()].rstrip().endswith((",", "”", '"', "»")):
            subject = _subject_after(text, verb.end(), min(len(text), verb.end() + MAX_PHRASE_CHARS))
        if subject and subject.name:
            full = names.fullest(subject.name)
            events.append(_Event(verb.start(), full, kind(full, subject.has_article, subject.is_titled, titled)))
    return events


def _clause_subjects(text: str, spans: list[QuoteSpan], names: Names, titled: frozenset[str]) -> list[_Event]:
    """A name opening a clause before a verb in -ed or is/was: "Then, last week, Taylor Swift posted"."""
    skippable = "|".join(sorted(word_set("skippable")))
    clause_verb = re.compile(r" (?:(?:" + skippable + r") )*([a-z]+ed|is|was|says)\b")  # not -s: "Border agents"
    events = []
    for k, run in enumerate(names.runs):
        following = clause_verb.match(text, run.end)
        if (
            not following
            or following.group(1) in word_set("phrase_enders") | word_set("role_nouns")
            or _inside(spans, run.start)
            or not _starts_clause(text, run.start)
        ):
            continue
        tokens, is_titled = names.tokens(k)
        if tokens:
            has_article = (
                run.words[0].casefold() == "the" or text[max(0, run.start - 4) : run.start].casefold() == "the "
            )
            full = names.fullest(" ".join(tokens))
            events.append(_Event(following.start(1), full, kind(full, has_article, is_titled, titled)))
    return events


def _resolve(
    subject: _Subject, at: int, events: list[_Event], names: Names, institutions: list[tuple[int, str]]
) -> tuple[str | None, bool]:
    """A subject -> (speaker, came from a pronoun).

    A pronoun links only to a name of a compatible kind: he/she to a person, it/they to an organisation
    (never a place, never a person). An institution's "it said" is not given to an earlier
    institution when another one is named in between ("Twitter pledged ... the Electoral Commission,
    which regulates campaign finances, issued a statement ... it pointed out"): the speaker stays None.
    """
    if subject.name:
        return names.fullest(subject.name), False
    if subject.pronoun is None:
        return None, False
    wanted = "person" if subject.pronoun in word_set("person_pronouns") else "organisation"
    for event in reversed(events):
        if event.at < at and event.kind == wanted:
            if wanted == "organisation" and any(
                event.at < where < at and name != event.name for where, name in institutions
            ):
                return None, True
            return event.name, True
    return None, True


def _institutions(names: Names) -> list[tuple[int, str]]:
    """(position, fullest name) of every organisation the article names outside quotes."""
    found = []
    for k, run in enumerate(names.runs):
        tokens, is_titled = names.tokens(k)
        if tokens and not is_titled and not (len(tokens) == 1 and tokens[0].isupper()):  # "DNP": a chemical
            name = " ".join(tokens)
            if kind(name, run.words[0].casefold() == "the", False, frozenset()) == "organisation":
                found.append((run.start, names.fullest(name)))
    return found


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
    return (_attribution_after(text, span.close_end, after_hi) if span.is_closed else None) or _attribution_before(
        text, before_lo, span.open_at
    )


def find_quotes(body_text: str) -> list[Quote]:
    """Every quoted passage of `body_text` with its speaker (see the module docstring)."""
    text = body_text
    spans = quote_spans(text)
    if not spans:
        return []
    # as the article writes them
    names = Names(text, [r for r in capitalised_runs(text) if not _inside(spans, r.start)])
    events = _speech_events(text, spans, names)
    institutions = _institutions(names)
    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, str | None] | None = None  # the last quote kept
    joined: tuple[QuoteSpan, str | None, str | None] | None = None  # the last span, kept or not
    for k, span in enumerate(spans):
        attribution = _attribution(text, spans, k)
        speaker, method, verb = None, None, None
        if attribution:
            pronoun_at = (
                span.close_end if attribution.method in ("said_after", "told") and span.is_closed else span.open_at
            )
            speaker, from_pronoun = _resolve(attribution.subject, pronoun_at, events, names, institutions)
            verb = attribution.verb
            method = ("pronoun" if from_pronoun else attribution.method) if speaker else None
        elif joined and joined[1] and _JOINED_TO_PREVIOUS.fullmatch(text[joined[0].close_end : span.open_at]):
            speaker, method, verb = joined[1], "continuation", joined[2]  # X said “…” and that “…”
        elif previous and previous[1] and _continues(text, previous, span, _attribution_start(text, spans, k), events):
            speaker, method = previous[1], "continuation"
        joined = (span, speaker, verb)
        end = span.end - 1 if text[span.end - 1] == "," and span.end - 1 > span.start else span.end
        quote_text = text[span.start : end]  # without the comma that joins it to "he said"
        if _scare_word_count(quote_text) <= SCARE_QUOTE_MAX_WORDS and not (attribution and attribution.is_adjacent):
            continue
        quotes.append(Quote(len(quotes), quote_text, span.start, end, speaker, method, verb))
        previous = (span, speaker)
    return quotes


def _attribution_start(text: str, spans: list[QuoteSpan], k: int) -> int:
    """Where the sentence holding spans[k]'s opening mark starts (after the previous quote)."""
    lo = max(spans[k - 1].close_end if k else 0, _paragraph_start(text, spans[k].open_at))
    return _sentence_start(text, lo, spans[k].open_at)


def _continues(
    text: str, previous: tuple[QuoteSpan, str | None], span: QuoteSpan, sentence_start: int, events: list[_Event]
) -> bool:
    """Does `span` carry on the previous quote (same speaker, no attribution of its own)?"""
    previous_span, previous_speaker = previous
    if text[sentence_start : span.open_at].strip():
        return False  # the quote does not open its sentence
    between = text[previous_span.close_end : span.open_at]
    if len(re.findall(r"\n+", between)) > 1:
        return False  # more than one paragraph break
    if any(e.name != previous_speaker for e in events if previous_span.close_end <= e.at < span.open_at):
        return False  # someone else spoke in between
    tail = text[span.end : _paragraph_end(text, span.end)]
    return bool(re.search(r"[.!?…]", text[span.start : span.end][-2:] + tail))  # a heading has no full stop


def quotes_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, body_text] -> one row per quote (QUOTES_SCHEMA), typed even when empty."""
    rows: dict[str, list] = {column: [] for column in QUOTES_SCHEMA}
    for article_id, body in articles.select("article_id", "body_text").iter_rows():
        for quote in find_quotes(body or "")[:MAX_QUOTES_PER_ARTICLE]:
            rows["article_id"].append(article_id)
            rows["quote_index"].append(quote.quote_index)
            rows["quote_text"].append(quote.text)
            rows["speaker"].append(quote.speaker)
            rows["speaker_method"].append(quote.speaker_method)
            rows["verb"].append(quote.verb)
            rows["start_char"].append(quote.start_char)
            rows["end_char"].append(quote.end_char)
    return pl.DataFrame(rows, schema=QUOTES_SCHEMA)
