"""A small learned paragraph classifier for plain text: which body paragraphs are residual
boilerplate (teaser lists, link runs, sections the article is not) rather than the article.

Pure: paragraph texts in, one score per paragraph out (the probability that the paragraph is not
article text, a logistic regression over the features below). The weights are data,
`transforms/data/text_model.json`, trained by `bench/text_model.py` (fixed seed, leave one set
out reported in BENCHMARKS.md). The features need no HTML: a paragraph's length, whether it
reads as a sentence, its case, digits and symbols, where it sits (relative to the file's ends and
to the longest run of long sentences), its neighbours, runs of short lines, cue words ("Read
more", "Related", "Subscribe": the list is in the data file) and whether it repeats the title or
an earlier paragraph. Cost is linear in the paragraphs: a few passes and one dot product each.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

MODEL_FILE = "text_model.json"
WORD = re.compile(r"\w+")
TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»」』)\]]*$")
LONG_WORDS = 12  # a paragraph of at least this many words is long
SHORT_WORDS = 8  # a non-sentence under this many words is a short line
QUOTE_START = tuple("\"'“‘«„")
BULLET = re.compile(r"^(?:[-–—•*·►▸→>]|\d{1,2}[.)])\s")
LINKISH = re.compile(r"https?://|www\.|\S@\S|\.(?:com|org|net)\b", re.IGNORECASE)

FEATURES: tuple[str, ...] = (
    "log_words",
    "long",
    "sentence",
    "capital_start",
    "lower_start",
    "title_case_share",
    "upper_share",
    "digit_share",
    "symbol_share",
    "words_before_share",
    "words_after_share",
    "is_first",
    "is_last",
    "heading",
    "in_main_run",
    "log_blocks_before_run",
    "log_blocks_after_run",
    "log_prev_words",
    "log_next_words",
    "prev_sentence",
    "next_sentence",
    "short",
    "log_short_run",
    "short_run_to_end",
    "after_long_short",
    "cue",
    "cue_start",
    "title_repeat",
    "repeated",
    "linkish",
    "question",
    "colon_end",
    "quote_start",
    "bullet",
    "separators",
    "doc_words_share",
    "log_doc_blocks",
    "long_after_run",
    "short_after_run",
    "topic_share",
    "title_share",
    "topic_share_long",
)


@dataclass(frozen=True)
class LineModel:
    """A logistic regression over `FEATURES` (standardised by `mean` and `scale`); a paragraph
    whose score is at least `threshold` is removed."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    cues: re.Pattern[str]
    cue_words: tuple[str, ...]
    trained_on: str = ""

    def score(self, row: list[float]) -> float:
        z = self.bias
        for x, w, m, s in zip(row, self.weights, self.mean, self.scale, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def scores(self, rows: list[list[float]]) -> list[float]:
        return [self.score(row) for row in rows]


def cue_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def model_from_dict(raw: dict) -> LineModel:
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE}: its features are not this module's (retrain with bench/text_model.py)")
    cues = tuple(raw["cue_words"])
    return LineModel(
        weights=tuple(float(w) for w in raw["weights"]),
        bias=float(raw["bias"]),
        mean=tuple(float(m) for m in raw["mean"]),
        scale=tuple(float(s) for s in raw["scale"]),
        threshold=float(raw["threshold"]),
        cues=cue_pattern(cues),
        cue_words=cues,
        trained_on=str(raw.get("trained_on", "")),
    )


@cache
def load_model() -> LineModel | None:
    """The shipped model (`transforms/data/text_model.json`), or None when there is none."""
    path = resources.files("transforms.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return model_from_dict(json.loads(path.read_text("utf-8")))


def _is_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text))


def _main_run(words: list[int], sentence: list[bool]) -> tuple[int, int]:
    """The run of consecutive long sentences with the most words: (first, last) index, or (-1, -1)."""
    best, best_words, start, run_words = (-1, -1), 0, -1, 0
    for i, (n, s) in enumerate(zip(words, sentence, strict=True)):
        if s and n >= LONG_WORDS:
            if start < 0:
                start, run_words = i, 0
            run_words += n
            if run_words > best_words:
                best, best_words = (start, i), run_words
        else:
            start = -1
    return best


def features(texts: list[str], title: str | None, cues: re.Pattern[str]) -> list[list[float]]:
    """One row of `FEATURES` per paragraph (`texts`: the body paragraphs in order)."""
    n = len(texts)
    tokens = [WORD.findall(t) for t in texts]
    words = [len(t) for t in tokens]
    sentence = [_is_sentence(t) for t in texts]
    total = sum(words) or 1
    short = [w < SHORT_WORDS and not s for w, s in zip(words, sentence, strict=True)]
    # runs of short lines: each paragraph's run length, and whether its run reaches the end
    run_len = [0] * n
    to_end = [False] * n
    i = 0
    while i < n:
        if not short[i]:
            i += 1
            continue
        j = i
        while j < n and short[j]:
            j += 1
        for k in range(i, j):
            run_len[k], to_end[k] = j - i, j == n
        i = j
    first, last = _main_run(words, sentence)
    title_tokens = {w.casefold() for w in WORD.findall(title or "")}
    # the file's vocabulary: in how many paragraphs each content word (4+ letters) occurs
    content = [{w.casefold() for w in toks if len(w) >= 4 and w.isalpha()} for toks in tokens]
    spread: dict[str, int] = {}
    for words_of in content:
        for w in words_of:
            spread[w] = spread.get(w, 0) + 1
    seen: set[str] = set()
    before = 0
    rows = []
    for i, text in enumerate(texts):
        toks, n_words = tokens[i], words[i]
        chars = len(text) or 1
        alpha = [w for w in toks if w[:1].isalpha()]
        stripped = text.strip()
        first_alpha = next((c for c in stripped if c.isalpha()), "")
        folded = {w.casefold() for w in toks}
        key = " ".join(w.casefold() for w in toks)
        cue = cues.search(text)
        in_run = first <= i <= last and first >= 0
        after_run = 0 if first < 0 or i <= last else i - last
        before_run = 0 if first < 0 or i >= first else first - i
        prev_words = words[i - 1] if i > 0 else 0
        rows.append(
            [
                math.log1p(n_words),
                float(n_words >= LONG_WORDS),
                float(sentence[i]),
                float(first_alpha.isupper()),
                float(first_alpha.islower()),
                sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha else 0.0,
                sum(1 for w in alpha if w.isupper() and len(w) > 1) / len(alpha) if alpha else 0.0,
                sum(c.isdigit() for c in text) / chars,
                sum(not (c.isalnum() or c.isspace()) for c in text) / chars,
                before / total,
                (total - before - n_words) / total,
                float(i == 0),
                float(i == n - 1),
                float(n_words <= 20 and not sentence[i] and i < n - 1),
                float(in_run),
                math.log1p(before_run),
                math.log1p(after_run),
                math.log1p(prev_words),
                math.log1p(words[i + 1]) if i + 1 < n else 0.0,
                float(i > 0 and sentence[i - 1]),
                float(i + 1 < n and sentence[i + 1]),
                float(short[i]),
                math.log1p(run_len[i]),
                float(to_end[i]),
                float(short[i] and prev_words >= LONG_WORDS),
                float(cue is not None),
                float(cue is not None and cue.start() <= 2),
                len(folded & title_tokens) / len(folded) if folded and title_tokens else 0.0,
                float(bool(key) and key in seen),
                float(bool(LINKISH.search(text))),
                float(stripped.endswith("?")),
                float(stripped.endswith(":")),
                float(stripped.startswith(QUOTE_START)),
                float(bool(BULLET.match(stripped))),
                math.log1p(text.count("|") + text.count(" • ") + text.count(" / ")),
                n_words / total,
                math.log1p(n),
                float(after_run > 0 and n_words >= LONG_WORDS),
                float(after_run > 0 and short[i]),
                topic := (sum(1 for w in content[i] if spread[w] > 1) / len(content[i]) if content[i] else 0.0),
                len(content[i] & title_tokens) / len(content[i]) if content[i] else 0.0,
                topic * float(n_words >= LONG_WORDS),
            ]
        )
        seen.add(key)
        before += n_words
    return rows
