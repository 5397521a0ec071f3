"""Name keys of entities: what the warehouse's name-key table (entity_name_keys) holds, so that a batch
reads only the known entities its names can resolve to instead of every entity (issue 20).

`resolve_entities` (entity_resolution.py) finds a known entity for a name by three look-ups only:
the same folded name of the same kind (`exact_key`), the entity ids of the batch itself, and the
fuzzy match inside the name's block (`block`: the first two letters of the folded name, of the last
name for people). Inside a block, a fuzzy match needs, for organisations and places, the same number
of words and a whole-name ratio of NAME_SIMILARITY, for people a last name equal or at that ratio
(both of FUZZY_MIN_LENGTH letters or more). A ratio of s (0-100) bounds the lengths: rapidfuzz's
ratio is at most 200 * min / (len_a + len_b), so (200 - s) * min >= s * max. The table keeps, per
name of an entity, its exact key, block, word count, the length the ratio is taken on and the last
name; sql/read/entities_by_name_keys.sql keeps of a block only the entities one of whose names
passes those necessary conditions. Resolving over that subset gives what resolving over every entity
gives (tests/warehouse/test_candidate_reads.py): the subset holds, in entity id order, every entity a
look-up of the batch can reach and match, and an entity left out could not have matched.
"""

from __future__ import annotations

import polars as pl

from transforms.analysis.entity_resolution import (
    FUZZY_MIN_LENGTH,
    NAME_SIMILARITY,
    _block,
    _fold,
    _person_parts,
)
from transforms.analysis.gazetteers import PERSON
from transforms.frames.schemas import ENTITY_NAME_KEYS

WANTED_NAME_SCHEMA = pl.Schema(
    {
        "kind": pl.String(),
        "exact_key": pl.String(),
        "block": pl.String(),
        "n_words": pl.Int32(),
        "match_len": pl.Int32(),
        "last_part": pl.String(),
        "is_fuzzy": pl.Boolean(),  # the name may match fuzzily (long enough); else exact keys only
    }
)


def name_key(kind: str, name: str) -> tuple[str, str, int, int, str | None] | None:
    """(exact_key, block, n_words, match_len, last_part) of a name as the resolver indexes it; None
    for a name it does not index (nothing left once folded)."""
    folded = _fold(name)
    if not folded:
        return None
    if kind == PERSON:
        parts = _person_parts(name)
        last = parts[-1] if parts else None
        return folded, _block(kind, name), len(parts), len(last) if last else 0, last
    return folded, _block(kind, name), len(folded.split()), len(folded), None


def entity_name_keys(entities: pl.DataFrame) -> pl.DataFrame:
    """entities[entity_id, entity_name, kind, aliases] -> one row per distinct key of each entity's
    names (ENTITY_NAME_KEYS), with n_blocks: how many blocks its names fall in."""
    rows: list[dict[str, object]] = []
    for entity_id, name, kind, aliases in entities.select("entity_id", "entity_name", "kind", "aliases").iter_rows():
        keys = {key for n in (name, *(aliases or [])) if (key := name_key(kind, n)) is not None}
        n_blocks = len({key[1] for key in keys})
        rows.extend(
            {
                "entity_id": entity_id,
                "kind": kind,
                "exact_key": exact,
                "block": block,
                "n_words": n_words,
                "match_len": match_len,
                "last_part": last,
                "n_blocks": n_blocks,
            }
            for exact, block, n_words, match_len, last in sorted(keys, key=lambda k: (k[0], k[1]))
        )
    return pl.DataFrame(rows, schema=ENTITY_NAME_KEYS)


def wanted_names(mentions: pl.DataFrame) -> pl.DataFrame:
    """The look-ups a batch's mentions make (each entity name of a kind, once): WANTED_NAME_SCHEMA."""
    rows = []
    for kind, name in mentions.select("kind", "entity_name").unique(maintain_order=True).iter_rows():
        key = name_key(kind, name)
        if key is None:
            continue
        exact, block, n_words, match_len, last = key
        fuzzy = bool(last) if kind == PERSON else len(exact.replace(" ", "")) >= FUZZY_MIN_LENGTH
        rows.append((kind, exact, block, n_words, match_len, last, fuzzy))
    return pl.DataFrame(rows, schema=WANTED_NAME_SCHEMA, orient="row")


def similarity_bounds() -> dict[str, float]:
    """The parameters of sql/read/entities_by_name_keys.sql: the resolver's ratio and minimum length."""
    return {"similarity": NAME_SIMILARITY, "min_length": FUZZY_MIN_LENGTH}
