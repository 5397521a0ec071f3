"""Credit lines -> authors, their roles, their e-mail addresses and the agencies credited. Pure.

"By Jane Doe and John Roe", "Jane Doe, John Roe", "Jane Doe | Reuters", "Correspondent Lee
Sang-heon", "Jane Doe, Staff Writer jane@example.com", "홍길동 기자": the list is split, "By"
is dropped, role words go to `roles`, e-mail addresses to `emails`, known agencies
(`transforms/data/agencies.toml`) to `agencies`; what is left of each part is a name. Parts
that cannot be a name (digits: a date or a time; a bare "Staff") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.metadata.agencies import agency_name

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
OBFUSCATED_EMAIL = re.compile(r"\[\s*email[\s\u00a0]*protected\s*\]", re.IGNORECASE)
LEADING_BY = re.compile(
    r"^\s*(?:(?:story|written|words|text|reporting|report|posted|additional\s+reporting)\s+)?"
    r"(?:by|von|por|par)\b\s*:?\s*|^\s*(?:text|autor(?:in)?|auteur|autor(?:a)?)\s*:\s*",
    re.IGNORECASE,
)
NOT_AUTHORS = re.compile(
    r"^\s*(?:editing|edited|graphics|fact[- ]?check(?:ing|ed)?|production|photos?)\s+by\b", re.IGNORECASE
)  # "Editing by Tom Brown": credited, but not an author
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

    def __add__(self, other: Credits) -> Credits:
        return Credits(
            *(
                tuple(dict.fromkeys(a + b))
                for a, b in zip(
                    (self.authors, self.roles, self.emails, self.agencies),
                    (other.authors, other.roles, other.emails, other.agencies),
                    strict=True,
                )
            )
        )


def _role_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.-")


def _name(text: str) -> str | None:
    name = re.sub(r"\s+", " ", text).strip(" ,.-:=()[]")
    if not name or re.search(r"\d", name) or name.casefold() in NOT_NAMES or not re.search(r"\w", name):
        return None
    if name.isupper() and len(name) > 3:  # "BY JANE DOE"
        name = name.title()
    return name


def _part(part: str) -> Credits:
    """One piece of a split credit: an agency, a role, a name, or a role and a name."""
    part = part.strip()
    if not part:
        return Credits()
    if agency := agency_name(part.strip(" .()")):
        return Credits(agencies=(agency,))
    if (after := ROLE_AFTER_NAME.search(part)) and _name(part[: after.start()]):  # "홍길동 기자"
        return Credits(authors=(_name(part[: after.start()]),), roles=(_role_text(after.group("role")),))  # type: ignore[arg-type]
    if ROLE_ALONE.match(part):
        words = re.findall(r"\S+", part)  # "AP National Security Writer": an agency, then the role
        agencies = tuple(dict.fromkeys(a for a in map(agency_name, words) if a))
        role = " ".join(w for w in words if not agency_name(w))
        return Credits(roles=(_role_text(role),), agencies=agencies)
    roles: list[str] = []
    if match := ROLE_BEFORE_NAME.match(part):
        roles.append(_role_text(match.group("role")))
        part = part[match.end() :]
    name = _name(part)
    return Credits(authors=(name,) if name else (), roles=tuple(roles))


def credits_from(raw: str | None) -> Credits:
    """One credit line, cleaned and split."""
    text = OBFUSCATED_EMAIL.sub(" ", raw or "")
    emails = tuple(dict.fromkeys(e.lower() for e in EMAIL.findall(text)))
    text = LEADING_BY.sub("", EMAIL.sub(" ", text))
    found = Credits(emails=emails)
    for part in SEPARATORS.split(text):
        if not NOT_AUTHORS.match(part):
            found = found + _part(LEADING_BY.sub("", part))
    return found


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
