"""frequency_lists.FrequencyList answers as wordfreq's get_frequency_dict does, for every word of a list."""

from __future__ import annotations

import pytest
from wordfreq import cB_to_freq, get_frequency_dict

from transforms.analysis.frequency_lists import FrequencyList, frequency_list


@pytest.mark.parametrize("language", ["en", "de", "ja", "ar"])
def test_every_word_and_some_non_words_get_the_dicts_frequency(language: str) -> None:
    compact, words = frequency_list(language), get_frequency_dict(language, wordlist="best")
    assert len(compact) == len(words)
    assert [w for w, f in words.items() if compact.get(w, 0.0) != f] == []
    sample = list(words)[:3000]
    others = [w + "s" for w in sample] + [w[:-1] for w in sample] + ["zzqxjv", "Hello", "x" * 60, "the\0", ""]
    assert [w for w in others if compact.get(w, -1.0) != words.get(w, -1.0)] == []


def test_a_word_in_two_buckets_takes_the_later_one_as_the_dict_does() -> None:
    compact = FrequencyList([["a", "bb"], [], ["bb", "ccc"], ["a"]])
    assert compact.get("a", 0.0) == cB_to_freq(-3)
    assert compact.get("bb", 0.0) == cB_to_freq(-2)
    assert compact.get("ccc", 0.0) == cB_to_freq(-2)
    assert compact.get("dd", 0.5) == 0.5
    assert len(compact) == 3
