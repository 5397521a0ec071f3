"""Stand-ins for the pure stages that hang on a document carrying a marker word: a document whose
clean, normalise or annotate never ends (the way a quadratic step on a hostile input does). Module
level, so the page workers (forkserver processes) import them by name."""

from __future__ import annotations

import time

import polars as pl

from transforms.analysis.annotations import Annotations, annotations_of
from transforms.frames.normalise import NormalisedBatch, ParsedDocument, normalise_batch
from transforms.text.articles import TextArticle, parse_text_articles

HANG_SECONDS = 120.0  # far past the tests' per-document limit, and past any run that does not wait for it
CLEAN_MARKER, NORMALISE_MARKER, ANNOTATE_MARKER = "Stallclean", "Stallnormalise", "Stallannotate"


def hanging_clean(texts: list[str]) -> list[TextArticle]:
    if any(CLEAN_MARKER in t for t in texts):
        time.sleep(HANG_SECONDS)
    return parse_text_articles(texts)


def hanging_normalise(docs: list[ParsedDocument]) -> NormalisedBatch:
    if any(NORMALISE_MARKER in block.text for d in docs for block in d.article.body_blocks):
        time.sleep(HANG_SECONDS)
    return normalise_batch(docs)


def hanging_annotate(articles: pl.DataFrame) -> Annotations:
    if any(ANNOTATE_MARKER in (body or "") for body in articles["body_text"]):
        time.sleep(HANG_SECONDS)
    return annotations_of(articles)
