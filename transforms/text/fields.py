"""Turn the named groups of a boilerplate rule match into article fields.

A rule's pattern names what it captures (`agencies`, `agency`, `editors`, `publisher`, `place`,
`author`, `credit`, `section_slug`); each name has one cleaner here. Vocabularies are constants.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from transforms.metadata.agencies import agencies_in, agency_name
from transforms.metadata.authors import credit_extras, credits_from

# Trailing words that name an edition's language, not the publisher ("Deutsche Welle English").
EDITION_LANGUAGES = re.compile(
    r"\s+(?:English|Deutsch|German|Español|Spanish|Français|French|Português|Portuguese|Italiano|"
    r"Русский|Türkçe|العربية|中文|日本語|한국어|Korean|Japanese|Chinese|Arabic|Edition)$"
)
YEARS = re.compile(r"\b\d{4}(?:\s*[-–]\s*\d{4})?\b")
LIST_SEPARATORS = re.compile(r"\s*(?:[,/;&]|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
SLUG_WORD = re.compile(r"[a-z]{3,}")


class UnknownAgency(ValueError):
    """A rule asked for known agencies only and the match named something else."""


def _agency_list(raw: str, *, require_known: bool) -> list[str]:
    names: list[str] = []
    for token in filter(None, (t.strip(" ().") for t in LIST_SEPARATORS.split(raw))):
        name = agency_name(token)
        if name is None:
            if require_known:
                raise UnknownAgency(token)
            continue
        if name not in names:
            names.append(name)
    return names


def _publisher(raw: str) -> str:
    text = YEARS.sub(" ", raw)
    text = re.sub(r"\s+", " ", text).strip(" .,-–")
    return EDITION_LANGUAGES.sub("", text).strip()


def _place(raw: str) -> str:
    place = re.sub(r"\s+", " ", raw).strip(" ,")
    return place.title() if place.isupper() else place


def _credits(author: str, after_author: str) -> dict[str, object]:
    """The byline's names, and the roles, e-mails and agencies in it or just after it
    ("By Jane Doe, Staff Writer", "홍길동 기자 gildong@yna.co.kr", "By Jane Doe | Reuters")."""
    found = credits_from(author) + credit_extras(after_author)
    fields: dict[str, object] = {"authors": list(found.authors)}
    for key, values in (("author_roles", found.roles), ("author_emails", found.emails), ("agencies", found.agencies)):
        if values:
            fields[key] = list(values)
    return fields


def fields_from_groups(
    groups: Mapping[str, str | None], *, require_known_agencies: bool, after_author: str = ""
) -> dict[str, object]:
    """Clean a match's named groups into fields; raises UnknownAgency when the match must be refused.
    `after_author`: the matched text after the `author` group (where a role or e-mail may stand)."""
    fields: dict[str, object] = {}
    agencies: list[str] = []
    for key in ("agency", "agencies"):
        if groups.get(key):
            agencies += _agency_list(groups[key] or "", require_known=require_known_agencies)
    if groups.get("editors"):
        editors = []
        for token in filter(None, (t.strip() for t in re.split(r"\s*[,/]\s*", groups["editors"] or ""))):
            # "Reuters / AP": a token that is an agency is an agency, not an editor's initials.
            name = agency_name(token)
            if name:
                agencies.append(name)
            else:
                editors.append(token)
        fields["editor_initials"] = editors
    if groups.get("agency") and agencies:
        fields["dateline_agency"] = agencies[0]  # the agency of a dateline wrote the story
    if agencies:
        fields["agencies"] = list(dict.fromkeys(agencies))
    if groups.get("publisher"):
        fields["publisher"] = _publisher(groups["publisher"] or "")
    if groups.get("place"):
        fields["dateline_place"] = _place(groups["place"] or "")
    if groups.get("author"):
        credited = _credits(groups["author"] or "", after_author)
        if credited.get("agencies"):
            agencies += [a for a in credited.pop("agencies") if a not in agencies]  # type: ignore[attr-defined]
            fields["agencies"] = list(dict.fromkeys(agencies))
        fields |= credited
    if groups.get("credit"):
        # The first agency named owns the picture: "[AFP 연합뉴스 자료사진]" is an AFP photo.
        credit_agencies = agencies_in(groups["credit"] or "")
        fields["photo_credit"] = credit_agencies[0] if credit_agencies else (groups["credit"] or "").strip()
    if groups.get("section_slug"):
        slug = groups["section_slug"] or ""
        fields["section_slug"] = slug
        words = SLUG_WORD.findall(slug)
        fields["section"] = words[-1] if words else slug
    return fields
