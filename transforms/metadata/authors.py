"""Credit lines -> authors, their roles, their e-mail addresses and the agencies credited. Pure.

"By Jane Doe and John Roe", "Jane Doe, John Roe", "Jane Doe | Reuters", "Correspondent Lee
Sang-heon", "Jane Doe, Staff Writer jane@example.com", "홍길동 기자": the list is split, "By"
is dropped, role words go to `roles`, e-mail addresses to `emails`, known agencies
(`transforms/data/agencies.toml`) to `agencies`; what is left of each part is a name. Parts
that cannot be a name (digits: a date or a time; a bare "Staff") are dropped.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nicknames import NickNamer
from wordfreq import zipf_frequency

from transforms.metadata.agencies import agency_name

# The cleaning rules added for issue 16's "no organisation, site or account given as a person"
# (bench/metadata_rules.py --authors drops each in turn to show what it buys): a one-word credit
# that is no given name, a credit holding the site's name, a phrase of common words, the co-authors
# printed next to the headline's byline. ("Roy;
# Aniruddha; Patel; Jyoti" rejoined as "Last, First" pairs was tried: no gain, and it paired a list
# of given names.)
CREDIT_RULES = frozenset({"one_word", "site_word", "phrase", "co_authors"})

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
OBFUSCATED_EMAIL = re.compile(r"\[\s*email[\s\u00a0]*protected\s*\]", re.IGNORECASE)
LEADING_BY = re.compile(
    r"^\s*(?:(?:story|written|words|text|reporting|report|posted|additional\s+reporting)\s+)?"
    r"(?:by|von|por|par)\b\s*:?\s*|^\s*(?:text|autor(?:in)?|auteur|autor(?:a)?)\s*:\s*",
    re.IGNORECASE,
)
# "This post was written by Jane Doe", "Article by Jane Doe": a phrase naming the writing before
# "by" (at most five words, the last a verb or noun of writing) is cut with it
WRITTEN_BY = re.compile(
    r"^\s*(?:[\w'’]+\s+){0,4}?(?:written|authored|article|post|story|contributed|penned|words)\s+by\s*:?\s+",
    re.IGNORECASE,
)
NOT_AUTHORS = re.compile(
    r"^\s*(?:editing|edited|graphics|fact[- ]?check(?:ing|ed)?|production|photos?)\s+by\b", re.IGNORECASE
)  # "Editing by Tom Brown": credited, but not an author
# "... Last Updated August 1", "... Published 3 hours ago", "Yucy 3", "... Edited by Betsy Beyer": a
# stamp or another credit after a name is cut
STAMP_TAIL = re.compile(
    r"(?:\s+|(?<=[a-z])(?=[A-Z]))(?:(?:last\s+)?(?:updated|published|posted|modified)\b.*|\d[\d\s,./:-]*"
    r"|(?:edited|reviewed|fact[- ]?checked|illustrated|photos?|graphics)\s+by\b.*)$",
    re.IGNORECASE,
)  # "Senior AnalystUpdated" too
PARENTHESISED_INITIALS = re.compile(r"\s*\((?:[A-Z]\.\s*){1,3}\)(?=\s+\w)")  # "(R.J.)", not "(AP)"
STRONG_SEPARATORS = re.compile(r"\s*(?:[;|/·・、]|\s[-–—]\s|\n)\s*")  # between credits, never inside a name
SEPARATORS = re.compile(r"\s*(?:[,;|/·・、()]|\s[-–—]\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*")
ROLE_NOUN = (
    r"(?:correspondents?|reporters?|writers?|editors?|journalists?|columnists?|contributors?|producers?|"
    r"critics?|photographers?|analysts?|redakteur(?:in)?|korrespondent(?:in)?|correspondant(?:e)?|"
    r"corresponsal|correspondente|periodista|jornalista|repórter|특파원|기자|논설위원|칼럼니스트|에디터|"
    r"통신원|記者|特派員|編集委員|論説委員)"
)
# A role is its noun with up to three words before it ("Senior Editor", "AP National Security Writer").
ROLE_ALONE = re.compile(r"^(?:[\w.&'-]+\s+){0,3}" + ROLE_NOUN + r"$", re.IGNORECASE)
ROLE_BEFORE_NAME = re.compile(
    r"^(?P<role>(?:(?:senior|chief|staff|special|foreign|political|economics|"
    r"business|sports|science|national|international|diplomatic|security|deputy|"
    r"managing|executive|contributing|associate|news)\s+){0,3}" + ROLE_NOUN + r")\s+",
    re.IGNORECASE,
)
ROLE_AFTER_NAME = re.compile(
    r"\s+(?P<role>(?:선임|수석|객원|인턴|전문|편집)?\s*"
    r"(?:특파원|기자|논설위원|칼럼니스트|에디터|통신원|"
    r"記者|特派員|編集委員|論説委員))$"
)
NOT_NAMES = frozenset(
    {
        "staff",
        "staff reports",
        "staff report",
        "admin",
        "redaktion",
        "editorial staff",
        "news desk",
        "newsdesk",
        "the",
        "agencies",
        "wires",
        "wire",
        "news",
    }
)


@dataclass(frozen=True)
class Credits:
    authors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # credited organisations, desks, site names: not people

    def __add__(self, other: Credits) -> Credits:
        return Credits(
            *(
                tuple(dict.fromkeys(a + b))
                for a, b in zip(
                    (self.authors, self.roles, self.emails, self.agencies, self.organisations),
                    (other.authors, other.roles, other.emails, other.agencies, other.organisations),
                    strict=True,
                )
            )
        )


@cache
def _words() -> dict:
    return tomllib.loads(resources.files("transforms.data").joinpath("credit_words.toml").read_text("utf-8"))


def _word_pattern(key: str) -> re.Pattern[str]:
    words = sorted(_words()[key], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    leading = sorted(_words()["leading_labels"], key=len, reverse=True)
    dates = "|".join(re.escape(w) for w in sorted(_words()["date_words"], key=len, reverse=True))
    return {
        "role": _word_pattern("role_words"),
        "furniture": _word_pattern("furniture_words"),
        "account": re.compile("|".join(map(re.escape, _words()["account_words"])), re.IGNORECASE),
        "organisation": _word_pattern("organisation_words"),
        "leading": re.compile(r"^(?:" + "|".join(re.escape(w) for w in leading) + r")\s*:?\s+", re.IGNORECASE),
        "trailing_dates": re.compile(r"(?:\s+(?:" + dates + r")\.?)+$", re.IGNORECASE),
        "only_dates": re.compile(r"^(?:(?:" + dates + r")\.?\s*)+$", re.IGNORECASE),
    }


def is_organisation(text: str) -> bool:
    """A credit that names an organisation, a desk or a site rather than a person (by its words:
    `transforms/data/credit_words.toml`), or that holds a domain name ("AccountingDepartment.com")."""
    return bool(_patterns()["organisation"].search(text) or re.search(r"\w\.(?:com|org|net|co|io)\b", text, re.I))


def _credential(text: str) -> bool:
    """A post-nominal: "PhD", "MD", "CEPF®", "E-RYT 200" (upper case letters, maybe digits)."""
    bare = re.sub(r"[®©™.]", "", text).strip()
    if bare.casefold() in _words()["credentials"]:
        return True
    letters = re.sub(r"[^A-Za-z]", "", bare)
    return bool(letters) and letters.isupper() and len(letters) <= _words()["credential_max_letters"]


def _label(text: str) -> bool:
    return re.sub(r"\s+", " ", text).strip(" :.-").casefold() in _words()["labels"]


def _role_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.-")


def _name(text: str) -> str | None:
    name = re.sub(r"^[\W_]+|[\W_]+$", "", re.sub(r"\s+", " ", text))  # "∙ Paid", "(Jane Doe)"
    unlabelled = _patterns()["leading"].sub("", name)
    name = STAMP_TAIL.sub("", unlabelled).strip(" ,.-:")
    undated = _patterns()["trailing_dates"].sub("", name).strip(" ,.-:")
    if len(undated.split()) >= 2 or name != unlabelled.strip(" ,.-:"):  # "Joshua Sokol May", "Supermove February 8"
        name = undated  # but "Tom May" is a name
    if not name or re.search(r"\d", name) or name.casefold() in NOT_NAMES or not re.search(r"\w", name):
        return None
    if _label(name) or _patterns()["only_dates"].match(name):
        return None
    if " " not in name and (_patterns()["account"].search(name) or "_" in name):
        return None  # an account: "Jdadmin", "site_editor"
    if _patterns()["furniture"].search(name):
        return None  # page furniture: "View more posts", "About the Author"
    words = name.split()
    if len(words) >= 2 and any(w[:1].islower() and w not in _words()["name_particles"] for w in words):
        return None  # "Extension horticulture educators": a name's words are capitalised
    while len(words) >= 3 and words[-1].strip(".,").casefold() in _words()["credentials"]:
        words = words[:-1]  # "Cara Dumaplin RN": a post-nominal after the name
    name = " ".join(words)
    if name.isupper() and len(name) > 3:  # "BY JANE DOE"
        name = name.title()
    return name


@cache
def _given_names() -> frozenset[str]:
    """Given names, case-folded: first_names.toml and the names of the `nicknames` package's data."""
    lookup = NickNamer().nickname_lookup  # nickname -> the names it is short for
    names = set(lookup) | {n for ns in lookup.values() for n in ns}
    return _first_names() | frozenset(n.casefold() for n in names if n.isalpha())


def _common(word: str, zipf: float) -> bool:
    return zipf_frequency(word.casefold(), "en") >= zipf


def _is_phrase(name: str) -> bool:
    """Words that are all common English words, one of them very common, the first no given name
    nor a title: a section, a topic, a role or an organisation rather than a name ("HR Strategy",
    "Help Net Security"; but "Autumn Adams", "Dr Allen"); with leading initials, they must spell a
    degree ("M A Journalism", but "J R Smith" is a name)."""
    words = re.findall(r"[^\W\d_]+", name)
    if not words or words[0].casefold() in _given_names() or words[0].casefold() in _words()["honorifics"]:
        return False
    initials = "".join(w for w in itertools.takewhile(lambda w: len(w) == 1, words))
    rest = words[len(initials) :]
    if initials:
        return (
            initials.casefold() in _words()["degrees"]
            and bool(rest)
            and all(_common(w, _words()["phrase_common_zipf"]) for w in rest)
        )
    common, very_common = _words()["phrase_common_zipf"], _words()["phrase_very_common_zipf"]
    return len(rest) >= 2 and all(_common(w, common) for w in rest) and any(_common(w, very_common) for w in rest)


def _part(part: str) -> Credits:
    """One piece of a split credit: an agency, a role, a name, or a role and a name."""
    part = part.strip()
    if not part:
        return Credits()
    if agency := agency_name(part.strip(" .()")):
        return Credits(agencies=(agency,))
    if _is_desk(part):  # "News Desk", "EcoCult Staff", "Our Editors": a collective credit
        return Credits(organisations=(_role_text(part),))
    if part.strip(" .,()").casefold() in NOT_NAMES or _label(part):
        return Credits()
    if _credential(part):  # "Rebecca Lake, CEPF®": a post-nominal, dropped
        return Credits()
    if (after := ROLE_AFTER_NAME.search(part)) and _name(part[: after.start()]):  # "홍길동 기자"
        return Credits(authors=(_name(part[: after.start()]),), roles=(_role_text(after.group("role")),))  # type: ignore[arg-type]
    if named := _name_then_role(part):  # "Nicoletta Richardson Trending Editor"
        return named
    if ROLE_ALONE.match(part):
        words = re.findall(r"\S+", part)  # "AP National Security Writer": an agency, then the role
        agencies = tuple(dict.fromkeys(a for a in map(agency_name, words) if a))
        role = " ".join(w for w in words if not agency_name(w))
        return Credits(roles=(_role_text(role),), agencies=agencies)
    if _patterns()["role"].search(part) and len(part.split()) <= _words()["role_max_words"]:
        return Credits(roles=(_role_text(part),))  # "Sr. Director of Operations", "Shipping Expert"
    if is_organisation(part) and not _given_name_first(part):  # "USA Today", but "Emily Post"
        return Credits(organisations=(re.sub(r"\s+", " ", part).strip(" ,.-:©"),))
    if "phrase" in CREDIT_RULES and _name(part) and _is_phrase(_role_text(part)):  # "HR Strategy"
        return Credits(organisations=(_role_text(part),))
    roles: list[str] = []
    if match := ROLE_BEFORE_NAME.match(part):
        roles.append(_role_text(match.group("role")))
        part = part[match.end() :]
    name = _name(part)
    return Credits(authors=(name,) if name else (), roles=tuple(roles))


def _is_desk(part: str) -> bool:
    words = re.findall(r"[\w'-]+", part.casefold())
    return bool(words) and words[-1] in _words()["desk_words"] and len(words) <= 4


def _is_role(text: str) -> bool:
    return bool(ROLE_ALONE.match(text)) or (
        bool(_patterns()["role"].search(text)) and len(text.split()) <= _words()["role_max_words"]
    )


def _name_then_role(part: str) -> Credits | None:
    """A name of two or three capitalised words, then a role ("Linda Rosencrance Contributing
    Writer", "Mateusz Haberny Founder"), or None when the part is not that."""
    words = part.split()
    modifiers = set(_words()["role_modifiers"])
    for k in (3, 2):
        if len(words) <= k:
            continue
        name, role = words[:k], " ".join(words[k:])
        name_like = all(w[:1].isupper() and not w.isupper() and w.casefold().strip(".") not in modifiers for w in name)
        if name_like and _is_role(role) and not is_organisation(" ".join(name)) and not agency_name(name[0]):
            if words[k - 1].casefold() in modifiers:
                continue
            return Credits(authors=(" ".join(name),), roles=(_role_text(role),))
    return None


def credits_from(raw: str | None) -> Credits:
    """One credit line, cleaned and split."""
    text = OBFUSCATED_EMAIL.sub(" ", raw or "")
    emails = tuple(dict.fromkeys(e.lower() for e in EMAIL.findall(text)))
    text = LEADING_BY.sub("", EMAIL.sub(" ", text))
    text = PARENTHESISED_INITIALS.sub(" ", text)  # "Richard (R.J.) Eskow": one name, not three parts
    found = Credits(emails=emails)
    for chunk in STRONG_SEPARATORS.split(text):
        chunk = LEADING_BY.sub("", WRITTEN_BY.sub("", chunk))
        if NOT_AUTHORS.match(chunk):
            continue
        if "," not in chunk and re.search(r"\s(?:and|&)\s", chunk) and is_organisation(chunk):
            # "Center for Drug Evaluation and Research": one organisation, not split at its "and"
            found = found + _part(chunk)
            continue
        for part in SEPARATORS.split(chunk):
            if not NOT_AUTHORS.match(part):
                found = found + _part(LEADING_BY.sub("", part))
    return found


def sort_credits(
    found: Credits, site_names: Sequence[str] = (), organisations: Sequence[str] = (), persons: Sequence[str] = ()
) -> Credits:
    """Authors that are a role ("Senior Analyst", a byline's second line) move to `roles`; authors
    that name the site (its name, its domain's label) or that the page's markup types as an
    organisation move to `organisations`; not one the markup types as a Person, nor one that
    starts with a common given name ("Rick Steves" on ricksteves.com is a person)."""
    keys = {_key(n) for n in (*site_names, *organisations) if _key(n)}
    typed_persons = {_key(n) for n in persons if _key(n)}
    roles = tuple(a for a in found.authors if _is_role(a) and _key(a) not in typed_persons)  # "Senior Analyst"
    found = Credits(
        tuple(a for a in found.authors if a not in roles),
        tuple(dict.fromkeys(found.roles + roles)),
        found.emails,
        found.agencies,
        found.organisations,
    )
    site_words = {w.casefold() for n in site_names for w in re.findall(r"[^\W\d_]{4,}", n)}
    people, dropped = [], []
    for a in found.authors:
        typed = _key(a) in typed_persons
        if "one_word" in CREDIT_RULES and _one_word(a) and (a.casefold() in site_words or not _given_one(a)):
            if _common(a, _words()["one_word_common_zipf"]) or a.casefold() in _function_words():
                dropped.append(a)  # "Head", "On": a fragment or a section
            continue  # "KatieS", "Meclabs", "Morgan" (of "Morgan & Morgan"): an account or a brand
        if "site_word" in CREDIT_RULES and not typed and any(_site_like(w, k) for w in a.split() for k in keys):
            continue  # "Content Marketingsherpa" on marketingsherpa.com
        if typed or _looks_personal(a) or (_key(a) not in keys and not any(_site_like(a, k) for k in keys)):
            people.append(a)
    moved = tuple(a for a in found.authors if a not in people and a not in dropped)
    unique = {_key(o) or o: o for o in reversed(found.organisations + moved)}  # "Whova", "whova": one
    return Credits(tuple(people), found.roles, found.emails, found.agencies, tuple(reversed(list(unique.values()))))


def may_be_person(name: str) -> bool:
    """False for a one-word credit that is no given name ("KatieS", "Jamesfox"): an account or a
    brand, after which a byline printed by the headline is still looked for."""
    return "one_word" not in CREDIT_RULES or not _one_word(name) or _given_one(name)


def _one_word(name: str) -> bool:
    """One word of Latin letters (a CJK name, written without spaces, is not judged so)."""
    return bool(re.fullmatch(r"[A-Za-zÀ-ÿ'’-]+", name.strip()))


def _given_one(name: str) -> bool:
    return name.strip().casefold() in _given_names()


@cache
def _function_words() -> frozenset[str]:
    text = resources.files("transforms.data").joinpath("stopwords.toml").read_text("utf-8")
    return frozenset(tomllib.loads(text)["words"]["en"].split())


@cache
def _first_names() -> frozenset[str]:
    text = resources.files("transforms.data").joinpath("first_names.toml").read_text("utf-8")
    return frozenset(n.casefold() for n in tomllib.loads(text)["first_names"])


def _given_name_first(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and words[0].casefold() in _first_names() and all(w[:1].isupper() for w in words)


def _looks_personal(name: str) -> bool:
    """Two to four words starting with a common given name (`first_names.toml`): a person, even
    where the site is named after them ("Rick Steves" on ricksteves.com) or its markup says
    Organization."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0].casefold() in _first_names() and not is_organisation(name)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _site_like(author: str, site_key: str) -> bool:
    """An account named after the site ("Brandon-Peaktwo" on peaktwo.com, "Levinemusic")."""
    key = _key(author)
    return len(site_key) >= 5 and " " not in author.strip() and site_key in key


# Where a page's authors are taken from, in order: the first source that names a person wins
# (`first_credited`). text: the byline the text parser found; extractor: trafilatura's author;
# markup: the page's JSON-LD authors and <meta name=author> (`PageMarkup.people`); headline: the
# byline printed by the headline (`headline_credits`). Chosen on one wcxb half for the other
# (bench/metadata_rules.py --authors; BENCHMARKS.md).
CREDIT_SOURCES = ("text", "extractor", "markup", "headline")


def first_credited(sources: Sequence[Credits]) -> Credits:
    """The authors of the first source that names someone who may be a person (`may_be_person`),
    with the roles, e-mails, agencies and organisations of that source and those before it; the
    accounts the sources before it named go to organisations. When none names a person, the
    first source's accounts (sort_credits moves them), and every source's other credits."""
    merged, accounts = Credits(), Credits()
    for source in sources:
        merged = merged + Credits((), source.roles, source.emails, source.agencies, source.organisations)
        if any(map(may_be_person, source.authors)):
            return Credits(source.authors) + merged + Credits(organisations=accounts.authors)
        accounts = accounts + Credits(source.authors)
    return accounts + merged


def credits_of(lines: Iterable[str | None]) -> Credits:
    """Several credit lines (or an author list), merged in order without repeats."""
    found = Credits()
    for line in lines:
        found = found + credits_from(line)
    return found


def emails_in(text: str | None) -> tuple[str, ...]:
    """The e-mail addresses written in a text (a contact line, a byline), lower case, in order."""
    return tuple(dict.fromkeys(e.lower() for e in EMAIL.findall(text or "")))


def credit_extras(text: str | None) -> Credits:
    """Roles, e-mails and agencies in the text around a byline's names (never names: what
    stands there may be a date, a publication, a place)."""
    found = credits_from(text)
    return Credits(roles=found.roles, emails=found.emails, agencies=found.agencies)


# A credit printed by the headline (`PageMarkup.bylines`): the first one within these many characters
# of visible text after the <h1>, else the nearest within BYLINE_BEFORE_CHARS before it, marked by
# one of BYLINE_EVIDENCE, that holds a person's name. wcxb-b's choice (bench/metadata_rules.py
# tunes it on each wcxb half for the other; reported out of half on wcxb-a; BENCHMARKS.md).
BYLINE_AFTER_CHARS = 600
BYLINE_BEFORE_CHARS = 0
BYLINE_EVIDENCE = frozenset({"class", "href", "markup", "label"})


def headline_credits(
    bylines: Iterable[tuple[int, str, str]],
    after: int = BYLINE_AFTER_CHARS,
    before: int = BYLINE_BEFORE_CHARS,
    evidence: Collection[str] = BYLINE_EVIDENCE,
) -> Credits:
    """The credits of the first byline by the headline that names someone or an organisation
    (labels, dates and roles alone are passed over; a desk or collective credit, "EcoCult Staff",
    ends the search without a person): for pages whose text and extractor name no author. The
    people printed right after it, joined by a comma, "and" or "&" alone (`BYLINE_JOINERS`) and
    marked alike, are its co-authors ("By Rui Ma, Heba Ledwon & Suparn Patra", each a link)."""
    every = sorted(bylines)
    near = [b for b in every if b[1] in evidence and (0 <= b[0] < after or -before <= b[0] < 0)]
    for first in sorted(near, key=lambda b: (b[0] < 0, abs(b[0]))):
        found = credits_from(first[2])
        if found.authors or found.organisations:
            return found + _co_authors(every, first) if found.authors and "co_authors" in CREDIT_RULES else found
    return Credits()


BYLINE_JOINERS = re.compile(r"^\s*(?:,|and|&|und|et|y)?\s*$", re.IGNORECASE)
BYLINE_GAP_CHARS = 5  # at most this many characters of visible text between two credits of one byline


def _co_authors(bylines: Sequence[tuple[int, str, str]], first: tuple[int, str, str]) -> Credits:
    found, end = Credits(), first[0] + len(first[2])
    for offset, evidence, text in bylines[bylines.index(first) + 1 :]:
        if offset - end > BYLINE_GAP_CHARS:
            break
        end = offset + len(text)
        if BYLINE_JOINERS.match(text):
            continue
        credited = credits_from(text)
        if evidence != first[1] or not credited.authors or credited.organisations:
            break
        found = found + credited
    return found
