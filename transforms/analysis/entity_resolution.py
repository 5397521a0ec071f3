"""Cross-article entity merging: the mentions of a batch mapped onto the entities already known.

`find_mentions` already gives every spelling in the alias table its canonical id ("Zelenski" ->
person:volodymyr-zelensky) and merges the names of one article. What is left is the names found
without a table in different articles: "Elizabeth A. Burton" today, "Elizabeth Burton" next week.
`resolve_entities` merges those by an exact spelling-insensitive key first, then by fuzzy
matching (rapidfuzz) under guards against false merges:
- people: the last names must match (exactly, or at NAME_SIMILARITY when both have at least
  FUZZY_MIN_LENGTH letters) AND the first names must be compatible (equal, an initial of the
  other, a short form of the other such as Josh/Joshua or Bill/William from the `nicknames`
  data, or close spellings such as Sergei/Sergey); "Victor Burton" never joins "Elizabeth
  Burton", and a name that fits two known people joins neither. A lone last name joins a full
  name only when exactly one known person has it.
- organisations and places: the whole name at NAME_SIMILARITY and word by word (each word the
  same, or a close spelling of a word of FUZZY_MIN_LENGTH letters or more: Defence/Defense, not
  West/East), never for names shorter than FUZZY_MIN_LENGTH letters (acronyms and short names
  must match exactly); never across kinds.
Entities of the shipped gazetteers keep their ids: they are canonical already.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache

import polars as pl
from rapidfuzz import process
from rapidfuzz.fuzz import ratio

from transforms.analysis.gazetteers import PERSON, gazetteer, is_nickname
from transforms.frames.schemas import ENTITIES

ENTITY_SCHEMA = ENTITIES
FUZZY_MIN_LENGTH = 5  # letters: a shorter name (or last name) only merges when it is spelt the same
NAME_SIMILARITY = 90.0  # rapidfuzz ratio (0-100) for a last name, or a whole organisation or place name
FIRST_NAME_SIMILARITY = 80.0  # rapidfuzz ratio for two spellings of a first name (Sergei / Sergey)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "herr", "frau", "mme", "hon", "rt", "prof", "rev"}
)


@lru_cache(maxsize=1 << 18)
def _fold(name: str) -> str:
    """Case, accents, dots, apostrophes and hyphens aside: 'Murray-Bruce' ~ 'murray bruce'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", re.sub(r"['’]", "", plain.casefold())).split())


@lru_cache(maxsize=1 << 18)
def _person_parts(name: str) -> tuple[str, ...]:
    """Folded name words without honorifics, suffixes and middle initials ('Patrick W. Carlineo Jr.')."""
    words = [w for w in _fold(re.sub(r"[.'’]", " ", name)).split() if w not in _SUFFIXES and w not in _HONORIFICS]
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    return tuple(words)


def _first_names_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if is_nickname(a, b):  # Josh / Joshua, Bill / William: only when no other person of that name fits
        return True
    return min(len(a), len(b)) >= FUZZY_MIN_LENGTH and ratio(a, b) >= FIRST_NAME_SIMILARITY


def _last_names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= FUZZY_MIN_LENGTH and ratio(a, b) >= NAME_SIMILARITY


@cache
def _gazetteer_ids() -> frozenset[str]:
    return frozenset(ref.entity_id for ref in gazetteer().aliases.values())


@dataclass
class _Entity:
    entity_id: str
    entity_name: str
    kind: str
    aliases: list[str]
    changed: bool = False


@dataclass
class _PersonBlock:
    """The names of a person block by last name: each last name once, with who bears it."""

    bearers: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)  # last -> (id, first | None)
    fuzzy_lasts: list[str] = field(default_factory=list)  # the last names of FUZZY_MIN_LENGTH letters or more


@dataclass
class _NameBlock:
    """The folded names (FUZZY_MIN_LENGTH letters or more) of an organisation or place block."""

    keys: list[str] = field(default_factory=list)
    owners: list[tuple[int, int, str]] = field(default_factory=list)  # (entity's place in the block, name's, id)


@dataclass
class _Index:
    """The known entities, keyed for exact and blocked fuzzy look-ups.

    A block holds every name of each entity that has a name in it (the names of other blocks too),
    as lists rapidfuzz.process compares a name with at once (`people`, `names`); `members` records,
    per entity, its blocks and the names each has been given, so that a later name reaches them all.
    """

    by_id: dict[str, _Entity] = field(default_factory=dict)
    exact: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, folded name) -> id
    blocks: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (kind, block) -> ids
    last_names: dict[str, set[str]] = field(default_factory=dict)  # folded last name -> person ids
    # id -> block -> (the entity's place in the block, the names the block has of it)
    members: dict[str, dict[tuple[str, str], tuple[int, set[str]]]] = field(default_factory=dict)
    people: dict[str, _PersonBlock] = field(default_factory=dict)  # person block -> its names
    names: dict[tuple[str, str], _NameBlock] = field(default_factory=dict)  # (kind, block) -> its names

    def add(self, entity: _Entity) -> None:
        self.by_id[entity.entity_id] = entity
        self._index(entity, (entity.entity_name, *entity.aliases))

    def index_name(self, entity: _Entity, name: str) -> None:
        self._index(entity, (name,))

    def _index(self, entity: _Entity, new: tuple[str, ...]) -> None:
        """Index names of an entity (its names already hold them), then give each of its blocks the
        names it does not have yet."""
        entity_id, kind = entity.entity_id, entity.kind
        joined = self.members.get(entity_id)
        if joined is None:
            joined = self.members[entity_id] = {}
        for name in new:
            folded = _fold(name)
            if not folded:
                continue
            self.exact.setdefault((kind, folded), entity_id)
            key = (kind, _block(kind, name))
            if key not in joined:
                ids = self.blocks.get(key)
                if ids is None:
                    ids = self.blocks[key] = []
                joined[key] = (len(ids), set())
                ids.append(entity_id)
            if kind == PERSON:
                parts = _person_parts(name)
                if parts:
                    self.last_names.setdefault(parts[-1], set()).add(entity_id)
        names = (entity.entity_name, *entity.aliases)
        for block_key, (place, given) in joined.items():
            for position, known in enumerate(names):
                if known not in given:
                    given.add(known)
                    self._add_to_block(block_key, entity, known, (place, position))

    def _add_to_block(self, key: tuple[str, str], entity: _Entity, name: str, place: tuple[int, int]) -> None:
        if entity.kind == PERSON:
            parts = _person_parts(name)
            if not parts:
                return
            people = self.people.get(key[1])
            if people is None:
                people = self.people[key[1]] = _PersonBlock()
            bearers = people.bearers.get(parts[-1])
            if bearers is None:
                bearers = people.bearers[parts[-1]] = []
                if len(parts[-1]) >= FUZZY_MIN_LENGTH:
                    people.fuzzy_lasts.append(parts[-1])
            bearers.append((entity.entity_id, parts[0] if len(parts) > 1 else None))
            return
        folded = _fold(name)
        if len(folded.replace(" ", "")) < FUZZY_MIN_LENGTH:
            return
        names = self.names.get(key)
        if names is None:
            names = self.names[key] = _NameBlock()
        names.keys.append(folded)
        names.owners.append((*place, entity.entity_id))

    def add_alias(self, entity: _Entity, alias: str) -> None:
        if alias != entity.entity_name and alias not in entity.aliases:
            entity.aliases.append(alias)
            entity.changed = True
            self.index_name(entity, alias)


def _block(kind: str, name: str) -> str:
    if kind == PERSON:
        parts = _person_parts(name)
        return parts[-1][:2] if parts else ""
    return _fold(name)[:2]


def _match(index: _Index, kind: str, name: str) -> str | None:
    """The known entity this name of this kind is, or None."""
    folded = _fold(name)
    if (kind, folded) in index.exact:
        return index.exact[(kind, folded)]
    if kind == PERSON:
        return _match_person(index, name)
    if len(folded.replace(" ", "")) < FUZZY_MIN_LENGTH:
        return None
    names = index.names.get((kind, _block(kind, name)))
    if names is None:
        return None
    # the block's names compared at once; the rules below on the few that come near (a superset of
    # those at NAME_SIMILARITY), the best score winning and of equal scores the last in block order
    best, best_score, best_place = None, NAME_SIMILARITY, (-1, -1)
    for key, _, i in process.extract(folded, names.keys, scorer=ratio, score_cutoff=NAME_SIMILARITY - 1, limit=None):
        if not _words_agree(folded, key):
            continue
        score = ratio(folded, key)
        place = names.owners[i][:2]
        if score > best_score or (score == best_score and place > best_place):
            best, best_score, best_place = names.owners[i][2], score, place
    return best


def _words_agree(a: str, b: str) -> bool:
    """Word by word, the same or a close spelling of a long word: 'Defence'/'Defense' yes,
    'West'/'East', 'England'/'Ireland', 'G7'/'G8' no."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(
        x == y
        or (
            min(len(x), len(y)) >= FUZZY_MIN_LENGTH
            and not re.search(r"\d", x + y)
            and ratio(x, y) >= FIRST_NAME_SIMILARITY
        )
        for x, y in zip(wa, wb)
    )


def _match_person(index: _Index, name: str) -> str | None:
    parts = _person_parts(name)
    if not parts:
        return None
    if len(parts) == 1:  # a lone last name: only a unique, long enough one
        owners = index.last_names.get(parts[0], set())
        return next(iter(owners)) if len(owners) == 1 and len(parts[0]) >= FUZZY_MIN_LENGTH else None
    found: set[str] = set()
    lone: set[str] = set()
    people = index.people.get(parts[-1][:2])
    if people is None:
        return None
    lasts = [parts[-1]] if parts[-1] in people.bearers else []
    if len(parts[-1]) >= FUZZY_MIN_LENGTH:  # the block's other last names compared at once, then the rule
        near = process.extract(
            parts[-1], people.fuzzy_lasts, scorer=ratio, score_cutoff=NAME_SIMILARITY - 1, limit=None
        )
        lasts += [other for other, _, _ in near if other != parts[-1] and _last_names_match(parts[-1], other)]
    for last in lasts:
        for entity_id, first in people.bearers[last]:
            if first is None:
                lone.add(entity_id)
            elif _first_names_compatible(parts[0], first):
                found.add(entity_id)
    if len(found) == 1:
        return found.pop()
    if (
        not found
        and len(lone) == 1
        and len(parts[-1]) >= FUZZY_MIN_LENGTH
        and len(index.last_names.get(parts[-1], ())) <= 1
    ):
        return lone.pop()
    return None


def _known_index(known: pl.DataFrame | None) -> _Index:
    index = _Index()
    if known is None or known.is_empty():
        return index
    for row in known.select("entity_id", "entity_name", "kind", "aliases").iter_rows(named=True):
        index.add(_Entity(row["entity_id"], row["entity_name"], row["kind"], list(row["aliases"] or [])))
    return index


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the index is built and used: it makes many small
    containers (none in a cycle), and each collection walks every object of the process (half of the
    index's build time in a flow's process)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def resolve_entities(mentions: pl.DataFrame, known: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Map a batch's mentions onto the known entities; returns (mentions, entities).

    `mentions` is what `mentions_frame` returns; `known` has entity_id, entity_name, kind, aliases
    (list of str), e.g. the warehouse's entities table (None or empty: nothing known yet). The
    mentions come back with entity_id and entity_name remapped where a name joined a known entity
    (or an entity of the same batch); the entities frame (entity_id, entity_name, kind, aliases)
    holds the new entities and the known ones whose aliases or display name this batch changed.
    Aliases are every other spelling seen, the display name excluded. Longer names are resolved
    first, so a batch's "Elizabeth A. Burton" is known before its lone "Burton".
    """
    with _collector_paused():
        return _resolve_entities(mentions, known)


def _resolve_entities(mentions: pl.DataFrame, known: pl.DataFrame | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    index = _known_index(known)
    known_ids = set(index.by_id)
    if mentions.is_empty():
        return mentions, pl.DataFrame(schema=ENTITY_SCHEMA)
    seen = mentions.group_by("entity_id", "entity_name", "kind", maintain_order=True).agg(
        pl.col("mention_text").unique(maintain_order=True)
    )
    gazetteer_ids = _gazetteer_ids()
    order = sorted(
        seen.iter_rows(named=True),
        key=lambda r: (
            r["entity_id"] not in gazetteer_ids,
            -len(_person_parts(r["entity_name"])),
            -len(r["entity_name"]),
            r["entity_id"],
        ),
    )
    remap: dict[str, str] = {}
    for row in order:
        entity_id, name, kind = row["entity_id"], row["entity_name"], row["kind"]
        if entity_id in index.by_id:
            target = index.by_id[entity_id]
        elif entity_id in gazetteer_ids:
            target = _Entity(entity_id, name, kind, [], changed=True)
            index.add(target)
        else:
            match = _match(index, kind, name)
            if match is None:
                target = _Entity(entity_id, name, kind, [], changed=True)
                index.add(target)
            else:
                target = index.by_id[match]
                if target.entity_id not in gazetteer_ids and _person_longer(kind, name, target.entity_name):
                    _rename(index, target, name)  # "Stoltenberg" was known, "Jens Stoltenberg" now
        remap[entity_id] = target.entity_id
        for alias in (name, *row["mention_text"]):
            if alias != target.entity_name:
                index.add_alias(target, alias)
    names = {entity_id: index.by_id[target].entity_name for entity_id, target in remap.items()}
    resolved = mentions.with_columns(
        pl.col("entity_id").replace_strict(remap, default=pl.col("entity_id"), return_dtype=pl.String),
        pl.col("entity_id")
        .replace_strict(names, default=pl.col("entity_name"), return_dtype=pl.String)
        .alias("entity_name"),
    )
    changed = [e for e in index.by_id.values() if e.changed or e.entity_id not in known_ids]
    entities = pl.DataFrame(
        {
            "entity_id": [e.entity_id for e in changed],
            "entity_name": [e.entity_name for e in changed],
            "kind": [e.kind for e in changed],
            "aliases": [sorted(e.aliases) for e in changed],
        },
        schema=ENTITY_SCHEMA,
    )
    return resolved, entities


def _rename(index: _Index, entity: _Entity, name: str) -> None:
    old = entity.entity_name
    entity.entity_name, entity.changed = name, True
    if name in entity.aliases:
        entity.aliases.remove(name)
    index.add_alias(entity, old)
    index.index_name(entity, name)


def _person_longer(kind: str, new: str, old: str) -> bool:
    return kind == PERSON and len(_person_parts(new)) > len(_person_parts(old))
