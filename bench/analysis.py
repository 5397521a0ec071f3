"""What the analysis steps cost and what they find, on the gold article bodies of the dev sets.

    python bench/analysis.py [--shared ../shared] [--out bench/results/analysis.txt]

The bodies of ../shared/data/extraction/{scrapinghub,readability}/gold.jsonl and the two seeds,
all dated one day (so only content decides), go through the pure steps of `annotate` (mentions,
quotes, MinHash signatures) and `enrich` (entity resolution, speaker linking, near-duplicate
copies, story assignment), as one batch and again in batches of 50 against what the earlier
batches left (as the warehouse would give it back). Prints seconds per step (best of three
passes) and per article, the copies and the story sizes; the seeds' story is listed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transforms.analysis.entities import mentions_frame, resolve_entities  # noqa: E402
from transforms.analysis.near_duplicates import near_duplicates, signatures_frame  # noqa: E402
from transforms.analysis.quotes import quotes_frame  # noqa: E402
from transforms.analysis.speakers import speaker_entities  # noqa: E402
from transforms.analysis.stories import (  # noqa: E402
    KNOWN_SCHEMA,
    FeatureFrequencies,
    assign_stories,
    entity_kinds,
    story_features,
)

DAY = datetime(2022, 1, 28, tzinfo=UTC)
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _articles(shared: Path) -> pl.DataFrame:
    rows = [
        json.loads(line)
        for path in sorted((shared / "data" / "extraction").glob("*/gold.jsonl"))
        for line in path.open(encoding="utf-8")
    ]
    ids = [r["id"] for r in rows] + [p.stem for p in SEEDS]
    return pl.DataFrame(
        {
            "article_id": ids,
            "document_id": ids,
            "published_at": [None] * len(ids),
            "language": ["en"] * len(ids),
            "title": [r.get("title") for r in rows] + [p.read_text("utf-8").splitlines()[0] for p in SEEDS],
            "body_text": [r["body"] for r in rows] + [p.read_text("utf-8") for p in SEEDS],
        },
        schema_overrides={"published_at": pl.Datetime("us", "UTC")},
    )


def _timed(step, *args):
    best, result = float("inf"), None
    for _ in range(3):
        started = time.perf_counter()
        result = step(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def _batched(articles: pl.DataFrame, documents: pl.DataFrame, size: int) -> pl.DataFrame:
    """Stories in batches, each against the stories, entities and frequencies earlier ones left."""
    known_entities = pl.DataFrame(
        schema={"entity_id": pl.String, "entity_name": pl.String, "kind": pl.String, "aliases": pl.List(pl.String)}
    )
    assigned = pl.DataFrame(schema=KNOWN_SCHEMA)
    for start in range(0, articles.height, size):
        batch = articles.slice(start, size)
        mentions, entities = resolve_entities(mentions_frame(batch), known_entities)
        known_entities = pl.concat([known_entities.join(entities, on="entity_id", how="anti"), entities])
        features = story_features(batch, documents, mentions)
        frequencies = FeatureFrequencies(
            assigned.height,
            Counter(e for ids in assigned["entity_ids"] for e in ids),
            Counter(t for terms in assigned["terms"] for t in terms),
        )
        stories = assign_stories(features, assigned, frequencies, entity_kinds(known_entities, mentions))
        assigned = pl.concat(
            [
                assigned,
                features.join(stories.select("article_id", "story_id"), on="article_id").select(list(KNOWN_SCHEMA)),
            ]
        )
    return assigned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path)
    options = parser.parse_args()
    articles = _articles(options.shared)
    documents = pl.DataFrame(
        {"document_id": articles["document_id"], "fetched_at": [DAY] * articles.height},
        schema_overrides={"fetched_at": pl.Datetime("us", "UTC")},
    )
    n = articles.height
    lines = [
        f"analysis steps on {n} articles ({articles['body_text'].str.split(' ').list.len().sum():,} words): "
        "the dev-set gold bodies and the two seeds, one day",
        "",
    ]
    times = {}
    times["mentions"], mentions = _timed(mentions_frame, articles)
    times["quotes"], quotes = _timed(quotes_frame, articles)
    times["signatures"], signatures = _timed(signatures_frame, articles)
    times["resolve entities"], (resolved, entities) = _timed(resolve_entities, mentions, None)
    times["speakers"], _ = _timed(speaker_entities, quotes, resolved)
    no_known = signatures.clear().with_columns(pl.lit(None, pl.String).alias("duplicate_group_id"))
    times["near-duplicates"], copies = _timed(near_duplicates, signatures, no_known)
    features = story_features(articles, documents, resolved)
    times["story features"], _ = _timed(story_features, articles, documents, resolved)
    times["stories"], stories = _timed(assign_stories, features, None, FeatureFrequencies(), entity_kinds(resolved))
    lines.append(f"{'step':<20}{'seconds':>9}{'ms/article':>12}")
    for step, seconds in times.items():
        lines.append(f"{step:<20}{seconds:>9.2f}{1000 * seconds / n:>12.2f}")
    total = sum(times.values())
    lines += [f"{'all':<20}{total:>9.2f}{1000 * total / n:>12.2f}", ""]
    lines.append(
        f"mentions {mentions.height:,}, entities {entities.height:,}, quotes {quotes.height:,} "
        f"({quotes['speaker'].is_not_null().sum():,} with a speaker), copies {copies.height}"
    )
    for label, assigned in (("one batch", stories), ("batches of 50", _batched(articles, documents, 50))):
        sizes = Counter(assigned["story_id"])
        seeds_story = {s for a, s in zip(assigned["article_id"], assigned["story_id"]) if a in {p.stem for p in SEEDS}}
        members = sorted(a for a, s in zip(assigned["article_id"], assigned["story_id"]) if s in seeds_story)
        histogram = dict(sorted(Counter(sizes.values()).items()))
        lines.append(f"stories, {label}: {len(sizes)} for {n} articles; sizes {histogram}; the seeds' story: {members}")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if options.out:
        options.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
