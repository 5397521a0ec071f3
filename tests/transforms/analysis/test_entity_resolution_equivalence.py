"""Entity resolution compares a name with a whole block at once (rapidfuzz.process over per-block
lists); it must decide exactly what the name-by-name loop over the block's entities decided.

The reference below is that loop (the code before issue 20's change, with the rule helpers of the
module itself, so a change of the rules applies to both); the fixture is a generated batch and known
set full of near names: typos, initials, nicknames, lone last names, reordered and repeated names,
organisations and places with close spellings and equal scores, names whose other spellings fall in
other blocks.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

import transforms.analysis.entity_resolution as er
from transforms.analysis.entities import MENTION_SCHEMA
from transforms.analysis.entity_resolution import ENTITY_SCHEMA, resolve_entities


def _reference_match(index: er._Index, kind: str, name: str) -> str | None:
    folded = er._fold(name)
    if (kind, folded) in index.exact:
        return index.exact[(kind, folded)]
    if kind == er.PERSON:
        return _reference_match_person(index, name)
    if len(folded.replace(" ", "")) < er.FUZZY_MIN_LENGTH:
        return None
    best, best_score = None, er.NAME_SIMILARITY
    for entity_id in index.blocks.get((kind, er._block(kind, name)), []):
        entity = index.by_id[entity_id]
        for known in (entity.entity_name, *entity.aliases):
            key = er._fold(known)
            if len(key.replace(" ", "")) < er.FUZZY_MIN_LENGTH or not er._words_agree(folded, key):
                continue
            score = er.ratio(folded, key)
            if score >= best_score:
                best, best_score = entity_id, score
    return best


def _reference_match_person(index: er._Index, name: str) -> str | None:
    parts = er._person_parts(name)
    if not parts:
        return None
    if len(parts) == 1:
        owners = index.last_names.get(parts[0], set())
        return next(iter(owners)) if len(owners) == 1 and len(parts[0]) >= er.FUZZY_MIN_LENGTH else None
    found: set[str] = set()
    lone: set[str] = set()
    for entity_id in index.blocks.get((er.PERSON, parts[-1][:2]), []):
        entity = index.by_id[entity_id]
        for known in (entity.entity_name, *entity.aliases):
            other = er._person_parts(known)
            if not other or not er._last_names_match(parts[-1], other[-1]):
                continue
            if len(other) == 1:
                lone.add(entity_id)
            elif er._first_names_compatible(parts[0], other[0]):
                found.add(entity_id)
    if len(found) == 1:
        return found.pop()
    if (
        not found
        and len(lone) == 1
        and len(parts[-1]) >= er.FUZZY_MIN_LENGTH
        and len(index.last_names.get(parts[-1], ())) <= 1
    ):
        return lone.pop()
    return None


FIRST = "Elizabeth Liz Beth Sergei Sergey William Bill Will Joshua Josh Anna Ana Ann Jens Victor Viktor Bob Rob".split()
LAST = (
    "Burton Burtan Burten Bourton Ivanov Ivanova Ivanoff Stoltenberg Stoltenburg Smith Smyth Smithe Lopes Lopez"
    " Nzeribe Nzeribi Murray-Bruce Solomonidou Solomonidu Bu Li Lee Carlineo Carlino"
).split()
ORG_WORDS = "Ministry Ministery of Defence Defense Health Helth National Nationale Bank Banc West East Council".split()
PLACES = "Springfield Springfeld Springfields Shelbyville Shelbyvile Ogdenville Ogdenvile North Haverbrook".split()


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4 or rng.random() < 0.5:
        return word
    i = rng.randrange(1, len(word))
    return word[:i] + rng.choice("aeiouy") + word[i + 1 :]


def _name(rng: random.Random, kind: str) -> str:
    if kind == "person":
        shape = rng.random()
        last = _typo(rng, rng.choice(LAST))
        if shape < 0.15:
            return last
        first = rng.choice(FIRST)
        if shape < 0.3:
            first = first[0] + "."
        middle = f" {rng.choice('ABCDE')}." if rng.random() < 0.2 else ""
        suffix = " Jr." if rng.random() < 0.05 else ""
        return f"{'Dr. ' if rng.random() < 0.05 else ''}{first}{middle} {last}{suffix}"
    if kind == "organisation":
        return " ".join(_typo(rng, rng.choice(ORG_WORDS)) for _ in range(rng.randint(1, 4)))
    return " ".join(_typo(rng, rng.choice(PLACES)) for _ in range(rng.randint(1, 2)))


def _slug(name: str) -> str:
    return "-".join(er._fold(name).split()) or "x"


def _fixture(seed: int, n_known: int, n_batch: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    rng = random.Random(seed)
    kinds = ["person"] * 6 + ["organisation"] * 3 + ["place"] * 2
    known_rows = []
    for i in range(n_known):
        kind = rng.choice(kinds)
        name = _name(rng, kind)
        aliases = sorted({_name(rng, kind) for _ in range(rng.randint(0, 3))} - {name})
        known_rows.append((f"{kind}:{_slug(name)}~{i}", name, kind, aliases))
    known = pl.DataFrame(known_rows, schema=ENTITY_SCHEMA, orient="row")
    mentions: list[dict[str, object]] = []
    for i in range(n_batch):
        kind = rng.choice(kinds)
        name = _name(rng, kind)
        entity_id = f"{kind}:{_slug(name)}"
        for text in {name, _typo(rng, name)}:
            mentions.append(
                {
                    "article_id": f"a{i % 37}",
                    "mention_index": len(mentions),
                    "entity_id": entity_id,
                    "entity_name": name,
                    "kind": kind,
                    "mention_text": text,
                    "start_char": 0,
                    "end_char": len(text),
                    "method": "name_sequence",
                    "role": None,
                    "field": "body",
                }
            )
    return pl.DataFrame(mentions, schema=MENTION_SCHEMA), known


@pytest.mark.parametrize(("seed", "n_known", "n_batch"), [(1, 0, 400), (2, 300, 400), (3, 1500, 600)])
def test_block_wise_comparison_resolves_as_the_name_by_name_loop(
    monkeypatch: pytest.MonkeyPatch, seed: int, n_known: int, n_batch: int
) -> None:
    mentions, known = _fixture(seed, n_known, n_batch)
    fast_mentions, fast_entities = resolve_entities(mentions, known)
    monkeypatch.setattr(er, "_match", _reference_match)
    slow_mentions, slow_entities = resolve_entities(mentions, known)
    assert fast_mentions.equals(slow_mentions)
    assert fast_entities.equals(slow_entities)
    # the fixture makes the loop merge names, fuzzily too (not only exact keys or nothing at all)
    remapped = slow_mentions.filter(pl.col("entity_id") != mentions["entity_id"])
    fuzzy = remapped.filter(
        pl.col("entity_name").map_elements(er._fold, return_dtype=pl.String)
        != pl.col("mention_text").map_elements(er._fold, return_dtype=pl.String)
    )
    assert remapped.height > 20 and fuzzy.height > 5
