"""An article's distinctive terms: its most frequent content words, the title counting thrice.

Pure. Words are runs of letters (3 or more), case-folded; function words of the languages in
`transforms/data/stopwords.toml` and words every news story uses are left out. How distinctive a
term is across the corpus (its document frequency) is weighed later, by `transforms/analysis/stories.py`.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from importlib import resources

import polars as pl

TERMS_PER_ARTICLE = 40
TITLE_WEIGHT = 3
TERM = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
TERMS_SCHEMA = pl.Schema({"article_id": pl.String(), "terms": pl.List(pl.String())})


@cache
def stopwords() -> frozenset[str]:
    raw = tomllib.loads(resources.files("transforms.data").joinpath("stopwords.toml").read_text("utf-8"))
    return frozenset(word.casefold() for words in raw["words"].values() for word in words.split())


def distinctive_terms(body: str, title: str | None = None, n: int = TERMS_PER_ARTICLE) -> list[str]:
    """The n most frequent content words of title and body; ties in alphabetical order."""
    stop = stopwords()
    counts: Counter[str] = Counter()
    for text, weight in ((title or "", TITLE_WEIGHT), (body, 1)):
        for word in TERM.findall(text):
            word = word.casefold()
            if word not in stop:
                counts[word] += weight
    return [term for term, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def terms_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, body_text, title?] -> [article_id, terms]."""
    titles = articles["title"] if "title" in articles.columns else [None] * articles.height
    terms = [distinctive_terms(body or "", title) for body, title in zip(articles["body_text"], titles, strict=True)]
    return pl.DataFrame({"article_id": articles["article_id"], "terms": terms}, schema=TERMS_SCHEMA)
