"""Scoring found mentions against the hand labels of mentions_gold.py (shared by test and bench)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.transforms.analysis.mentions_gold import gold_entities
from transforms.analysis.entities import Mention, canonical_entity

KINDS = ("person", "organisation", "place")


def name_key(name: str) -> str:
    """Spelling-insensitive key: case, dots, apostrophes, initials, Jr./Sr. and a leading 'The' aside."""
    words = re.sub(r"[.'’]", " ", name).casefold().split()
    words = [w for w in words if len(w) > 1 and w not in ("jr", "sr", "s")]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _matches(kind: str, name: str, m: tuple[str, str, str]) -> bool:
    m_kind, m_id, m_name = m
    if m_kind != kind:
        return False
    if name_key(m_name) == name_key(name):
        return True
    known = canonical_entity(name)
    return known is not None and known[0] == m_id


@dataclass
class ArticleScore:
    by_kind: dict[str, tuple[int, set[str], int, set[str]]]  # kind -> (right, wrong names, found, missed names)


def score_article(key: str, mentions: list[Mention]) -> ArticleScore:
    required, optional = gold_entities(key)
    found = {(m.kind, m.entity_id, m.entity_name) for m in mentions}
    by_kind = {}
    for kind in KINDS:
        ents = {e for e in found if e[0] == kind}
        right = {e for e in ents if any(_matches(k, n, e) for k, n in required | optional)}
        wrong = {e[2] for e in ents - right}
        req = {n for k, n in required if k == kind}
        recalled = {n for n in req if any(_matches(kind, n, e) for e in ents)}
        by_kind[kind] = (len(right), wrong, len(recalled), req - recalled)
    return ArticleScore(by_kind)
