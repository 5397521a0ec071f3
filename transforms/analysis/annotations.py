"""What each article of a batch says on its own: mentions, quotes with their speakers' names,
its MinHash signature and its distinctive terms. Pure: the batch's articles in, four frames out."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.analysis.entities import mentions_frame
from transforms.analysis.near_duplicates import signatures_frame
from transforms.analysis.quotes import quotes_frame
from transforms.analysis.terms import terms_frame


@dataclass(frozen=True)
class Annotations:
    """A batch's per-article analysis, before the warehouse is asked anything."""

    mentions: pl.DataFrame
    quotes: pl.DataFrame
    signatures: pl.DataFrame
    terms: pl.DataFrame  # [article_id, terms]: what stories compare besides entities

    def of(self, article_ids: pl.Series) -> Annotations:
        keep = pl.col("article_id").is_in(article_ids.implode())
        return Annotations(
            self.mentions.filter(keep), self.quotes.filter(keep), self.signatures.filter(keep), self.terms.filter(keep)
        )


def annotations_of(articles: pl.DataFrame) -> Annotations:
    """Mentions, quotes, signatures and terms of the articles (the last row of a repeated article_id)."""
    articles = articles.unique("article_id", keep="last", maintain_order=True)
    return Annotations(
        mentions_frame(articles), quotes_frame(articles), signatures_frame(articles), terms_frame(articles)
    )
