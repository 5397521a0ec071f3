"""Mentions of people, organisations and places in article text, found without a model.

Four sources of evidence, all from data shipped in `transforms/data/` (see gazetteers.py):
- gazetteer: countries, cities, regions, organisations, agencies and the people alias table;
- title_pattern: a title or role before a capitalised name ("Foreign Minister Sergey Lavrov",
  "spokesman Zabihullah Mujahid"), the title kept in `role`;
- name_sequence: a capitalised sequence with a cue: a known first name, a verb of saying, an
  apposition (", a market analyst"), an organisation or place head word ("Peoples Democratic
  Party", "Osun State"), a preposition of place before a lone word ("in Senkata");
- coreference (in-document merging): a later "Stoltenberg" or "Lawan" is the person named in full
  earlier; an acronym defined in brackets is the entity before it. `alias` marks a mention whose
  spelling the alias table mapped to another canonical name ("Kiev" -> Kyiv).

Conservative by design: sentence-initial words that also occur in lower case, months and days,
stop words and title-case headline lines never create an entity by themselves. The candidates
come from mention_candidates.py; this module merges them within the article and keys them.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.analysis.entity_resolution import ENTITY_SCHEMA, resolve_entities
from transforms.analysis.gazetteers import (
    ORGANISATION,
    PERSON,
    EntityRef,
    alias_key,
    entity_ref,
    entity_words,
    gazetteer,
    is_nickname,
)
from transforms.analysis.mention_candidates import (
    ALIAS,
    COREFERENCE,
    GAZETTEER,
    HONORIFICS,
    METHODS,
    NAME_SEQUENCE,
    NAME_SUFFIXES,
    TITLE_PATTERN,
    Candidate,
    Doc,
    read_candidates,
)
from transforms.frames.schemas import MENTIONS

__all__ = [  # callers import everything about mentions and entities from here
    "ALIAS",
    "COREFERENCE",
    "ENTITY_SCHEMA",
    "GAZETTEER",
    "MENTION_SCHEMA",
    "METHODS",
    "NAME_SEQUENCE",
    "TITLE_PATTERN",
    "Mention",
    "canonical_entity",
    "empty_mentions_frame",
    "entity_for_name",
    "find_mentions",
    "mentions_frame",
    "resolve_entities",
]

MENTION_SCHEMA = MENTIONS


@dataclass(frozen=True)
class Mention:
    """One mention: the text span, the canonical entity it names and how it was found."""

    mention_text: str
    start_char: int
    end_char: int
    kind: str  # person | organisation | place
    entity_id: str  # stable canonical key: "person:volodymyr-zelensky", "place:kyiv"
    entity_name: str  # canonical display name
    method: str  # gazetteer | title_pattern | name_sequence | alias | coreference
    role: str | None = None  # the title or role word before a person ("Foreign Minister")


# --- in-document merging ---------------------------------------------------------------------


def _name_parts(name: str) -> list[str]:
    parts = [p for p in name.split() if p not in HONORIFICS and p not in NAME_SUFFIXES]
    return parts or name.split()


def _last_key(word: str) -> str:
    """A last name without its article: 'al-Bashir' -> 'Bashir'."""
    head, _, rest = word.partition("-")
    return rest if rest and head in ("al", "el", "ad", "an", "ar", "as", "at", "ash") else word


def _same_person(a: list[str], b: list[str], *, nicknames: bool = False) -> bool:
    """Two full names of one person: same last name and compatible first names ("B." ~ "Benjamin"; with
    `nicknames`, a short form too: "Josh" ~ "Joshua")."""
    if a[-1] != b[-1]:
        return False
    fa, fb = a[0], b[0]
    if fa.endswith(".") or fb.endswith("."):
        return fa[0] == fb[0]
    return fa == fb or (nicknames and len(a) == len(b) == 2 and is_nickname(fa, fb))


def _resolve(cands: list[Candidate], doc: Doc) -> list[Mention]:
    g = gazetteer()
    # a name found as an organisation or place once ("Walter Reed hospital") is that everywhere
    other_kind = {c.name: c.kind for c in cands if c.kind != PERSON and c.ref is None and not c.single}
    for c in cands:
        if c.kind == PERSON and c.ref is None and c.name in other_kind:
            c.kind, c.single, c.fallback = other_kind[c.name], False, None
    # "the Medical Center" after "Georgetown University Medical Center": the one longer name it ends
    tails: dict[str, dict[str, Candidate]] = {}  # "Medical Center" -> the longer names ending in it
    for d in cands:
        if d.kind == ORGANISATION and not d.single:
            words = d.name.split()
            for k in range(1, len(words)):
                tails.setdefault(" ".join(words[k:]), {})[d.name] = d
    for c in cands:
        if c.kind == ORGANISATION and not c.single and c.ref is None and c.method != COREFERENCE:
            longer = tails.get(c.name, {})
            if len(longer) == 1:
                d = next(iter(longer.values()))
                c.ref, c.method = d.ref or entity_ref(d.name, ORGANISATION), COREFERENCE
    # full names found in the text, merged with each other ("Benjamin Nzeribe" ~ "B. U. Nzeribe")
    groups: list[list[Candidate]] = []
    for c in cands:
        if c.kind != PERSON or c.ref is not None or c.single:
            continue
        parts = _name_parts(c.name)
        same = [g for g in groups if _same_person(_name_parts(g[0].name), parts)]
        if not same:  # a short first name joins only when one person of the article fits ("Josh Apte")
            same = [g for g in groups if _same_person(_name_parts(g[0].name), parts, nicknames=True)]
            same = same if len(same) == 1 else []
        if same:
            same[0].append(c)
        else:
            groups.append([c])
    by_last: dict[str, list[EntityRef]] = {}
    for group in groups:
        best = max(group, key=lambda c: (len(_name_parts(c.name)), len(c.name)))
        group_ref = entity_ref(" ".join(p for p in best.name.split() if p not in HONORIFICS), PERSON)
        for c in group:
            c.ref = group_ref
        by_last.setdefault(_last_key(_name_parts(best.name)[-1]), []).append(group_ref)
    for c in cands:  # people of the alias table: "Putin" after "Vladimir Putin"
        if c.kind == PERSON and c.ref is not None and not c.single:
            by_last.setdefault(_last_key(_name_parts(c.ref.entity_name)[-1]), []).append(c.ref)
    mentions: list[Mention] = []
    first_seen: dict[str, EntityRef] = {}  # one display name per entity id ("Martínez-Beltrán", "MARTINEZ-BELTRAN")
    for c in cands:
        ref, method = c.ref, c.method
        if c.single and ref is None:
            word = _name_parts(c.name)[-1]
            owners = {r.entity_id: r for r in by_last.get(_last_key(word), [])}
            if word in doc.acronyms:
                owner = doc.acronyms[word]
                ref, method = owner.ref or entity_ref(owner.name, owner.kind), COREFERENCE
            elif len(owners) == 1:
                ref, method = next(iter(owners.values())), COREFERENCE
            elif word in g.people_surnames:
                ref, method = g.people_surnames[word], ALIAS
            elif c.fallback is not None and len(owners) == 0:
                ref = entity_ref(c.name if c.fallback != PERSON else word, c.fallback)
                method = c.method if c.method != COREFERENCE else NAME_SEQUENCE
            else:
                continue
        elif ref is None:
            known = g.aliases.get(alias_key(c.name))
            ref = known if known is not None and known.kind == c.kind else entity_ref(c.name, c.kind)
        ref = first_seen.setdefault(ref.entity_id, ref)
        role = c.role if ref.kind == PERSON and c.role not in HONORIFICS else None
        mentions.append(
            Mention(
                doc.text[c.start : c.end],
                c.start,
                c.end,
                ref.kind,
                ref.entity_id,
                ref.entity_name,
                method,
                role or None,
            )
        )
    return mentions


def find_mentions(text: str, *, headline: bool = False) -> list[Mention]:
    """Every mention of a person, organisation or place in `text`, in order of appearance.

    `headline=True` reads the text as a title: only known names, titles and names already known
    are taken, never a new capitalised sequence on its own.
    """
    if not text:
        return []
    return _resolve(*read_candidates(text, headline))


# --- one name, and whole batches -------------------------------------------------------------


def canonical_entity(name: str, kind: str | None = None) -> tuple[str, str] | None:
    """(entity_id, entity_name) for one name as the alias table knows it, else as find_mentions keys it.

    "Zelenski" -> ("person:volodymyr-zelensky", "Volodymyr Zelensky"); "Kiev" -> ("place:kyiv",
    "Kyiv"); titles in front are dropped ("NATO Secretary General Stoltenberg" is not a name, but
    "Mr Stoltenberg" is). A name the tables do not know gets `kind:slug` when `kind` is given,
    else None. Within one article, `entity_for_name` also knows the names found in full earlier.
    """
    g, w = gazetteer(), entity_words()
    words = [x for x in alias_key(name).strip(" ,:;").split() if x not in HONORIFICS]
    while words and (words[0] in w.titles or words[0] in w.title_modifiers):
        words = words[1:]
    clean = " ".join(words)
    if clean.endswith(".") and clean not in g.aliases:
        clean = clean[:-1]  # "Stoltenberg." but not "U.N."
    if not clean:
        return None
    ref = g.aliases.get(clean) or g.folded.get(clean.casefold())
    if ref is not None and (kind is None or ref.kind == kind):
        return ref.entity_id, ref.entity_name
    if kind is not None:
        made = entity_ref(clean, kind)
        return made.entity_id, made.entity_name
    return None


def entity_for_name(name: str, mentions: list[Mention]) -> tuple[str, str] | None:
    """The entity a name (a quote's speaker) refers to in an article whose mentions are given.

    An exact mention text or canonical name wins, then a unique person with that last name in the
    article ("Stoltenberg", "Mr Lawan"), then the alias table (`canonical_entity`).
    """
    words = [x for x in alias_key(name).split() if x not in HONORIFICS]
    clean = " ".join(words)
    for m in mentions:
        if clean and clean in (m.mention_text, m.entity_name):
            return m.entity_id, m.entity_name
    if words:
        owners = {
            m.entity_id: m.entity_name
            for m in mentions
            if m.kind == PERSON and _name_parts(m.entity_name)[-1] == words[-1]
        }
        if len(owners) == 1:
            return next(iter(owners.items()))
    return canonical_entity(name)


MAX_MENTIONS_PER_ARTICLE = 10_000  # mentions kept per article, title first (an article has tens to hundreds)


def empty_mentions_frame() -> pl.DataFrame:
    return pl.DataFrame(schema=MENTION_SCHEMA)


def mentions_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per mention for a batch of articles (`article_id`, `body_text`, optional `title`).

    Columns: article_id, mention_index (0.. per article, title first), entity_id, entity_name, kind,
    mention_text, start_char, end_char (offsets into that field's text), method, role (the title
    before a person, else null), field ('title' or 'body'). A title is read as a headline.
    """
    if articles.is_empty():
        return empty_mentions_frame()
    titles = articles.get_column("title").to_list() if "title" in articles.columns else [None] * articles.height
    rows: dict[str, list] = {k: [] for k in MENTION_SCHEMA}
    for article_id, body, title in zip(
        articles.get_column("article_id").to_list(), articles.get_column("body_text").to_list(), titles
    ):
        found = [("title", m) for m in find_mentions(title or "", headline=True)]
        found += [("body", m) for m in find_mentions(body or "")]
        for index, (where, m) in enumerate(found[:MAX_MENTIONS_PER_ARTICLE]):
            for key, value in (
                ("article_id", article_id),
                ("mention_index", index),
                ("entity_id", m.entity_id),
                ("entity_name", m.entity_name),
                ("kind", m.kind),
                ("mention_text", m.mention_text),
                ("start_char", m.start_char),
                ("end_char", m.end_char),
                ("method", m.method),
                ("role", m.role),
                ("field", where),
            ):
                rows[key].append(value)
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)
