"""The shared gold sets as the HTML tests read them: each set's gold bodies, and how much of the gold
a text shares, measured as ../shared/tools/score_extraction.py counts shingles."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

from tests.conftest import EXTRACTION

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """As ../shared/tools/score_extraction.py counts them: \\w+ tokens, 4-grams, not case-folded."""
    tokens = WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i : i + 4])


def shared_share(gold: str, text: str) -> float:
    """tp / (tp + fp + fn) of the two texts' shingle multisets (the catastrophic-page measure)."""
    g, p = shingles(gold), shingles(text)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    return tp / (tp + fp + fn) if tp + fp + fn else 0.0


@cache
def gold_bodies(name: str) -> dict[str, str]:
    """A gold set's bodies by page id (../shared/data/extraction/<name>/gold.jsonl)."""
    with (EXTRACTION / name / "gold.jsonl").open(encoding="utf-8") as f:
        return {str(row["id"]): row["body"] for row in map(json.loads, filter(str.strip, f))}
