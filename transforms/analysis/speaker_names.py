"""Names of people and organisations as an article writes them, for quote attribution.

A name is a run of capitalised words ("NATO Secretary-General Jens Stoltenberg"); titles and the
words before them are dropped ("Jens Stoltenberg"), so are leading stop words, nationalities (for
a person) and an ordinary word that only opens a sentence ("Once Fetter arrived"). `Names`
indexes one article's runs and gives the fullest form of a name: "Stoltenberg" -> "Jens
Stoltenberg" when the article writes it so, and only one such person. Word lists:
`transforms/data/quote_patterns.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from transforms.analysis.gazetteers import alias_key, entity_words, gazetteer

MAX_TITLED_NAME_WORDS = 4  # after a title: "Dr. Luz Contreras Arroyo"
MAX_GIVEN_NAMES = 1  # "Stoltenberg" may grow into "Jens Stoltenberg", "Sonya A. Zoghlin"
WORD = re.compile(r"[^\W\d_][\w’'.\-&]*|\d[\w.\-]*")
POSSESSIVE_END = re.compile(r"[’']s?$")
INITIAL_OR_SUFFIX = re.compile(r"(?:Jr|Sr|[A-Z]|(?:[A-Z]\.)+[A-Z]?)\.?")
INITIAL = re.compile(r"[A-Z]\.")
INITIALS_OR_SUFFIX = re.compile(r"(?:[A-Z]\.)+|Jr\.|Sr\.")
INITIAL_OR_SUFFIX_TOKEN = re.compile(r"[A-Z]\.|Jr\.|Sr\.")
LOWERCASE_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])")
SENTENCE_END = re.compile(r"[.!?…][”\"’)]*$")
FOLLOWING_WORD = re.compile(r" ([a-z][\w’'-]*)")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gov sen rep gen lt col sgt prof inc corp co no vs mt ft capt cmdr adm"
    " dept est approx jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@cache
def patterns() -> dict:
    """transforms/data/quote_patterns.toml, read once."""
    return tomllib.loads(resources.files("transforms.data").joinpath("quote_patterns.toml").read_text("utf-8"))


@cache
def word_set(key: str) -> frozenset[str]:
    """A word list, case-folded; a word written with a final dot matches without it too (Gov. / Gov)."""
    words = {word.casefold() for word in patterns()[key]}
    return frozenset(words | {w.rstrip(".") for w in words if w.endswith(".") and len(w) > 2})


def ends_sentence(word: str) -> bool:
    """'Fabius.' ends a sentence; 'Gov.', 'U.S.', 'J.' and 'Jr.' do not."""
    if not word.endswith("."):
        return False
    bare = word.rstrip(".")
    return not (
        bare.casefold() in ABBREVIATIONS
        or bare.casefold() in word_set("titles")
        or "." in bare
        or (len(bare) == 1 and bare.isupper())
    )


def is_capitalised(word: str) -> bool:
    """First letter upper case, in any script ("Stoltenberg", "Поризкова")."""
    return word[0].isupper()


def name_tokens(run: list[str]) -> tuple[list[str], bool]:
    """A capitalised run -> (name tokens with titles and leading stop words dropped, had a title)."""
    run = [w for w in run if w]
    possessive = POSSESSIVE_END.search
    for k in range(len(run) - 2, -1, -1):  # a possessive ends what precedes: "NASA’s Administrator Jim"
        if possessive(run[k]):
            run = run[k + 1 :]
            break
    titles = word_set("titles")
    last_title = -1
    for k, w in enumerate(run):
        if w.casefold() in titles:
            last_title = k
    tokens = run[last_title + 1 :]
    organisation_words = word_set("organisation_words")
    is_org = any(w.casefold().rstrip(".") in organisation_words for w in tokens)
    not_names = word_set("not_names")
    while tokens and tokens[0].casefold() in not_names:
        tokens = tokens[1:]
    nationalities = frozenset() if is_org else word_set("nationalities")
    kept = next((k for k, w in enumerate(tokens) if w.casefold() not in nationalities), len(tokens))
    tokens = tokens[kept:] if kept < len(tokens) else tokens  # "Australian Timothy Weeks"; "the UK" stays
    if tokens and not INITIAL_OR_SUFFIX.fullmatch(tokens[-1]):
        tokens[-1] = tokens[-1].rstrip(".")
    if tokens:
        tokens[-1] = POSSESSIVE_END.sub("", tokens[-1])
    tokens = [w for w in tokens if w]
    while tokens and tokens[-1].casefold().rstrip(".") in not_names:
        tokens = tokens[:-1]  # "Trump Oct. 1", "Smith Monday"
    if (len(tokens) == 1 and len(tokens[0].rstrip(".")) < 2) or any(t == "I" or "--" in t for t in tokens):
        tokens = []  # "Q: “…”" is an interview's question mark, "I" is no one's name
    return tokens, last_title >= 0


def word_matches(segment: str) -> list[re.Match[str]]:
    """The words of a segment (letters, inner apostrophes, hyphens and dots), with positions."""
    return list(WORD.finditer(segment))


def name_at_end(segment: str) -> tuple[list[str], bool, bool] | None:
    """The capitalised run that ends `segment` -> (name tokens, had a title, 'the' before it)."""
    stripped = segment.rstrip()
    words = word_matches(stripped)
    if not words or words[-1].end() != len(stripped) or not is_capitalised(words[-1].group()):
        return None
    particles = word_set("name_particles")
    first = len(words) - 1
    while first > 0:
        prev, cur = words[first - 1], words[first]
        gap = stripped[prev.end() : cur.start()]
        if gap != " " or ends_sentence(prev.group()):
            break
        word = prev.group()
        if is_capitalised(word) or (word in particles and first - 2 >= 0 and is_capitalised(words[first - 2].group())):
            first -= 1
            continue
        break
    run = [w.group() for w in words[first:]]
    has_article = first > 0 and words[first - 1].group().casefold() == "the" or run[0].casefold() == "the"
    tokens, titled = name_tokens(run)
    return (tokens, titled, has_article) if tokens else None


def kind(name: str, has_article: bool, is_titled: bool, titled_names: frozenset[str]) -> str:
    """person, organisation, place or unknown: what a pronoun may stand for (he/she a person, it/they
    an organisation; a place neither). A name the entity gazetteers know has their kind ("Human Rights
    Watch" an organisation, "China" a place); an organisation's head word ("Peoples Democratic Party",
    "Amblin Entertainment") makes an organisation whatever its length."""
    tokens = name.split()
    known = gazetteer().aliases.get(alias_key(name))
    if known is not None:
        return known.kind
    if has_article or any(t.casefold().rstrip(".") in word_set("organisation_words") for t in tokens):
        return "organisation"
    if tokens and tokens[-1] in entity_words().organisation_heads:
        return "organisation"
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1:
        return "organisation"
    if is_titled or name in titled_names or len(tokens) >= 2:
        return "person"
    return "unknown"


@cache
def _given_name_like(word: str) -> bool:
    if INITIAL.fullmatch(word):
        return True
    folded = word.casefold()
    excluded = word_set("titles") | word_set("organisation_words") | word_set("nationalities") | word_set("not_names")
    return (
        is_capitalised(word) and not word.isupper() and folded not in excluded and "’" not in word and "'" not in word
    )


@dataclass(frozen=True)
class Run:
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
    return frozenset(LOWERCASE_WORD.findall(text))


def _opens_sentence(text: str, pos: int) -> bool:
    head = text[max(0, pos - 4) : pos].rstrip(" ")
    return head == "" or head.endswith("\n") or bool(SENTENCE_END.search(head))


def capitalised_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    current: list[re.Match[str]] = []
    before: re.Match[str] | None = None  # the word before the current run

    lowercase = _lowercase_words(text)
    titles = word_set("titles")

    def close() -> None:
        after_title = (
            before is not None
            and text[before.end() : current[0].start()] == " "
            and before.group().casefold() in titles
        )
        words = current
        if len(words) > 1 and words[0].group().casefold() in lowercase and _opens_sentence(text, words[0].start()):
            words = words[1:]  # "Once Fetter arrived", "Suddenly I was": an ordinary word opening a sentence
        runs.append(Run(current[0].start(), words[-1].end(), tuple(m.group() for m in words), after_title))

    previous: re.Match[str] | None = None
    for match in WORD.finditer(text):
        capitalised = match.group()[0].isupper()  # is_capitalised, inlined: this runs once per word
        if (
            capitalised
            and current
            and text[current[-1].end() : match.start()] == " "
            and not ends_sentence(current[-1].group())
        ):
            current.append(match)
            previous = match
            continue
        if current:
            close()
        current = [match] if capitalised else []
        before = previous
        previous = match
    if current:
        close()
    return runs


def _bare(word: str) -> str:
    """A word of a run without its possessive or trailing punctuation (initials keep their dot)."""
    word = POSSESSIVE_END.sub("", word).rstrip(",")
    return word if INITIALS_OR_SUFFIX.fullmatch(word) else word.rstrip(".")


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
            part = tuple(_bare(w) for w in name_tokens(list(bare))[0])
            if len(tokens) < len(part) <= MAX_TITLED_NAME_WORDS and (
                list(part[-len(tokens) :]) == tokens or list(part[: len(tokens)]) == tokens
            ):
                forms.add(part)
                continue
        for start in range(len(bare) - len(tokens) + 1):
            end = start + len(tokens)
            if list(bare[start:end]) != tokens:
                continue
            grew_forward = False
            while (
                not is_modifier
                and end < len(bare)
                and end - start < len(tokens) + MAX_GIVEN_NAMES
                and _given_name_like(bare[end])
            ):
                grew_forward |= bare[end] not in ("Jr.", "Sr.")
                end += 1
            if end != len(bare):
                continue
            given = 0
            while not grew_forward and start > 0 and _given_name_like(bare[start - 1]):
                if not INITIAL.fullmatch(bare[start - 1]):
                    if given == MAX_GIVEN_NAMES:
                        break
                    given += 1
                start -= 1
            if end - start > len(tokens):
                forms.add(tuple(bare[start:end]))
    cores = {tuple(t for t in f if not INITIAL_OR_SUFFIX_TOKEN.fullmatch(t)) for f in forms}
    if len(cores) != 1:  # no fuller form, or two different people ("Joe Biden", "Hunter Biden")
        return " ".join(tokens)
    fullest = max(sorted(forms), key=len)  # "Patrick W. Carlineo" and "Patrick Carlineo Jr."
    return " ".join(fullest)


def _modifies_a_noun(text: str, run: Run) -> bool:
    """'the Margaret Hamilton Lego set': a lowercase noun follows, so the run is no full name."""
    following = FOLLOWING_WORD.match(text[run.end : run.end + 40])
    if not following:
        return False
    word = following.group(1)
    verb_like = (
        word in patterns()["verbs"]
        or word.endswith(("ed", "ly"))
        or word in ("is", "was", "has", "had", "says")
        or word in word_set("skippable")
        or word in word_set("phrase_enders")
    )
    return not verb_like


class Names:
    """The capitalised runs of one article outside quotes, indexed by word; fullest forms memoised."""

    def __init__(self, text: str, runs: list[Run]) -> None:
        self.runs = runs
        self._bare = [tuple(_bare(w) for w in run.words) for run in runs]
        self._titled = [
            run.after_title or any(w.casefold() in word_set("titles") for w in bare)
            for run, bare in zip(runs, self._bare, strict=True)
        ]
        self._modifier = [_modifies_a_noun(text, run) for run in runs]
        self._by_word: dict[str, list[int]] = {}
        for k, bare in enumerate(self._bare):
            for word in set(bare):
                self._by_word.setdefault(word, []).append(k)
        self._fullest: dict[str, str] = {}
        self._tokens: list[tuple[list[str], bool] | None] = [None] * len(runs)

    def tokens(self, k: int) -> tuple[list[str], bool]:
        """`name_tokens` of the k-th run, worked out once (several passes over the runs ask for it)."""
        found = self._tokens[k]
        if found is None:
            found = self._tokens[k] = name_tokens(list(self.runs[k].words))
        return found

    def fullest(self, name: str) -> str:
        if name not in self._fullest:
            first = _bare(name.split()[0])
            last = _bare(name.split()[-1])
            keys = sorted(set(self._by_word.get(first, [])) | set(self._by_word.get(last, [])))
            self._fullest[name] = _fullest_form(
                name, [(self._bare[k], self._titled[k], self._modifier[k]) for k in keys]
            )
        return self._fullest[name]
