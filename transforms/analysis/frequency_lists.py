"""wordfreq's frequency lists held compactly: the words as sorted fixed-width byte arrays.

`wordfreq.get_frequency_dict` is a Python dict of every word of a language's list (300,000 to 700,000
words), about 40 MB a language in a process (465 MB for the 12 languages of the scale benchmark's
fresh mix), kept for the process's life by wordfreq's caches. `FrequencyList` answers the same
lookups from the same file (`read_cBpack`, the list's buckets: bucket i holds the words of frequency
`cB_to_freq(-i)`; a word in two buckets takes the later one, as the dict does) with the words' UTF-8
bytes in one sorted numpy array per byte length and each word's bucket beside it: about 10 bytes a word.
Lookups are exact (byte equality of the whole word).
"""

from __future__ import annotations

import numpy as np
from wordfreq import available_languages, cB_to_freq, read_cBpack


class FrequencyList:
    """word -> frequency of one wordfreq list, as `get_frequency_dict(...).get` answers."""

    def __init__(self, buckets: list[list[str]]) -> None:
        by_length: dict[int, tuple[list[bytes], list[int]]] = {}
        for index, bucket in enumerate(buckets):
            for word in bucket:
                data = word.encode("utf-8")
                words, indexes = by_length.setdefault(len(data), ([], []))
                words.append(data)
                indexes.append(index)
        self._words: dict[int, np.ndarray] = {}
        self._buckets: dict[int, np.ndarray] = {}
        for length, (words, indexes) in by_length.items():
            array = np.array(words, dtype=f"S{max(length, 1)}")
            order = np.argsort(array, kind="stable")  # equal words keep the bucket order: the last one wins
            array, of_bucket = array[order], np.array(indexes, dtype=np.uint16)[order]
            last = np.ones(len(array), dtype=bool)
            last[:-1] = array[1:] != array[:-1]
            self._words[length], self._buckets[length] = array[last], of_bucket[last]
        self._length = sum(len(a) for a in self._words.values())

    def __len__(self) -> int:
        return self._length

    def get(self, word: str, default: float) -> float:
        data = word.encode("utf-8")
        words = self._words.get(len(data))
        if words is None or not data or data.endswith(b"\0"):  # numpy's S type drops trailing NULs
            return default
        i = int(np.searchsorted(words, data))
        if i < len(words) and words[i] == data:
            return cB_to_freq(-int(self._buckets[len(data)][i]))
        return default


def frequency_list(language: str, wordlist: str = "best") -> FrequencyList:
    """The list wordfreq ships for exactly this language code (one of `available_languages(wordlist)`)."""
    return FrequencyList(read_cBpack(available_languages(wordlist)[language]))
