"""transforms.text.language_id gives what py3langid's own classify gives: the same features in the
same order, the same language and the same score."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import visit_counts as py3langid_visit_counts

from tests.conftest import EXTRACTION, sample_gold_bodies
from transforms.frames.normalise import LANGUAGE_SAMPLE_CHARS, _identifier
from transforms.text.language_id import MAX_DEPTH, _tables, classify, visit_counts

BODIES_PER_SET = 60
MADE_UP = [
    "a",
    "!!",
    "   ",
    "12 345 678",
    "THE WHOLE TEXT IN CAPITALS, WHICH CLASSIFY LOWERS FIRST",
    "Ein kurzer deutscher Satz über Übersetzungen.",
    "Une phrase française, avec des accents : été, où, déjà.",
    "Это короткое предложение на русском языке.",
    "这是一个简短的中文句子。日本語の文も少し。한국어 문장.",
    "مرحبا بالعالم، هذه جملة عربية قصيرة.",
    "emoji 😀🎉 and a ZWJ family 👨‍👩‍👧 in English text",
    "e\u0301te\u0301 decomposed accents (NFC makes them one)",
    "mixed: English words, deutsche Wörter, и русские слова, 中文.",
]


def _bodies() -> list[str]:
    return [body[:LANGUAGE_SAMPLE_CHARS] for body in sample_gold_bodies(BODIES_PER_SET)]


def test_no_trie_node_is_deeper_than_max_depth() -> None:
    """Every state of the model's DFA is reached from the start state in at most MAX_DEPTH bytes
    (breadth first over all 256 bytes): a state's depth is the length of its trie node's string."""
    next_state, row_base, _ = _tables(_identifier())
    seen = np.zeros(len(row_base), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    while len(frontier):
        reached = np.unique(next_state[row_base[frontier][:, None] + np.arange(256)])
        frontier = reached[~seen[reached]]
        seen[frontier] = True
        depth += 1 if len(frontier) else 0
    assert seen.all()
    assert depth <= MAX_DEPTH


def test_same_features_in_the_same_order_on_made_up_texts() -> None:
    identifier = _identifier()
    for text in MADE_UP:
        data = identifier._encode(text)
        slow = py3langid_visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
        fast = visit_counts(identifier, data)
        assert (None if slow is None else list(slow.items())) == (None if fast is None else list(fast.items())), text
        assert classify(identifier, text) == identifier.classify(text), text


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason=f"{EXTRACTION} not found (../shared)")
def test_same_language_and_score_as_py3langid_on_gold_bodies() -> None:
    identifier = _identifier()
    bodies = _bodies()
    assert len(bodies) > 150
    languages = set()
    for body in bodies:
        expected = identifier.classify(body)
        assert classify(identifier, body) == expected  # the score too, to the last bit
        languages.add(expected[0])
    assert len(languages) > 1  # not only English
