"""py3langid's `classify`, the same answer and score, with its feature counting done in numpy. Pure.

py3langid finds its features (byte n-grams) by walking a DFA over the text's UTF-8 bytes in a Python
loop, a byte at a time (`py3langid.langid.visit_counts`): about 6 ms for the 4,000 characters
normalise reads of a body, most of normalisation's time. The DFA is an Aho-Corasick automaton: its
state after a byte is the longest suffix of the text read so far that is a node of its trie, and no
node is deeper than `MAX_DEPTH` bytes (tests/transforms/text/test_language_id.py reads it from the
model). So the state at each byte is the one reached by walking from the start state over the
`MAX_DEPTH` bytes that end there (fewer at the text's start), and those walks are done for every
byte at once, `MAX_DEPTH` steps of numpy indexing. The features are then counted in the order of
their first occurrence, as `visit_counts`' Counter has them, so the model's sums add the same
numbers in the same order: the same language and the same score as `classify` (the test compares
them on shared bodies, every script of the gold sets, and made-up texts).
"""

from __future__ import annotations

import math

import numpy as np
from py3langid.langid import RAW_FLOOR, LanguageIdentifier

MAX_DEPTH = 6  # bytes of the deepest trie node of py3langid 0.4's model (the test checks it)

_TABLES: dict[int, tuple[LanguageIdentifier, tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}


def _tables(identifier: LanguageIdentifier) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The identifier's DFA as numpy arrays (made once per identifier): the next-state table, each
    state's row offset in it, and the feature each state completes (-1: none)."""
    cached = _TABLES.get(id(identifier))
    if cached is None or cached[0] is not identifier:
        next_state = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)
        row_base = np.asarray(identifier._rowbase, dtype=np.int64)  # noqa: SLF001
        output = np.asarray(identifier.tk_output, dtype=np.int64)
        _TABLES.clear()
        cached = _TABLES[id(identifier)] = (identifier, (next_state, row_base, output))
    return cached[1]


def visit_counts(identifier: LanguageIdentifier, data: bytes) -> dict[int, int] | None:
    """`py3langid.langid.visit_counts` over `data` (encoded as `classify` encodes): each feature's
    count, in the order of its first occurrence; None when there is none."""
    if not data:
        return None
    next_state, row_base, output = _tables(identifier)
    letters = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
    n = len(letters)
    states = np.zeros(n, dtype=np.int64)
    for back in range(MAX_DEPTH - 1, -1, -1):  # state at i: walk letters i-back .. i from the start state
        if back < n:
            states[back:] = next_state[row_base[states[back:]] + letters[: n - back]]
    features = output[states]
    features = features[features >= 0]
    if not len(features):
        return None
    found, first, counts = np.unique(features, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return dict(zip(found[order].tolist(), counts[order].tolist(), strict=True))


def classify(identifier: LanguageIdentifier, text: str) -> tuple[str, float]:
    """`identifier.classify(text)` (py3langid 0.4: `LanguageIdentifier._decide`), the counting vectorised."""
    data = identifier._encode(text)  # noqa: SLF001
    visits = visit_counts(identifier, data)
    if visits:
        scores = identifier._sparse_score(visits, identifier.nb_ptc)  # noqa: SLF001
    else:
        fill = 0.0 if identifier._norm_probs else _raw_floor()  # noqa: SLF001
        scores = np.full(len(identifier.nb_classes), fill, dtype=np.float32)
    if identifier._norm_probs:  # noqa: SLF001
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
    for i, j in identifier._alias_pairs:  # noqa: SLF001
        if identifier._norm_probs:  # noqa: SLF001
            scores[i] += scores[j]
            scores[j] = 0.0
        else:
            scores[i] = max(scores[i], scores[j])
            scores[j] = _raw_floor()
    best = int(scores.argmax())
    confidence = float(scores[best])
    if identifier.min_confidence is not None and confidence < identifier.min_confidence:
        return "und", confidence
    return identifier.nb_classes[best], confidence


def _raw_floor() -> float:
    return float(RAW_FLOOR)
