"""Entity resolution alone at warehouse scale: the block-wise comparison (rapidfuzz.process over each
block's names) against the name-by-name loop it replaced, on the same input, with identical output.

    python bench/scale_resolver.py WAREHOUSE.duckdb [--batch 1500] [--seed 1]

Known entities: every entity of WAREHOUSE (e.g. a bench/scale.py warehouse; all of them, a superset of
what the name-key read gives a batch). Batch: the names of `--batch` entities of the template (ids
without '~', not from the shipped gazetteers), each with one letter of its last word changed (a
deterministic typo), under new ids, so exact keys miss and every name goes through the fuzzy step.
Each time is the least of two runs (a shared machine). The name-by-name loop runs on the same index as
the block-wise one (the block lists are kept for it), so "besides the indexing" is what changed.
The reference loop is the one in tests/transforms/analysis/test_entity_resolution_equivalence.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import transforms.analysis.entity_resolution as er  # noqa: E402
from transforms.analysis.entities import MENTION_SCHEMA  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "equivalence", ROOT / "tests" / "transforms" / "analysis" / "test_entity_resolution_equivalence.py"
)
assert _spec and _spec.loader
equivalence = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(equivalence)


def _typo(rng: random.Random, name: str) -> str:
    head, _, last = name.rpartition(" ")
    if len(last) < 3:
        return name
    i = rng.randrange(1, len(last))
    return f"{head} {last[:i]}{rng.choice('aeiou')}{last[i + 1 :]}".strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--batch", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    con = duckdb.connect(str(args.warehouse), read_only=True)
    known = con.sql("select entity_id, entity_name, kind, aliases from entities order by entity_id").pl()
    gazetteer_ids = er._gazetteer_ids()
    template = known.filter(~pl.col("entity_id").str.contains("~") & ~pl.col("entity_id").is_in(list(gazetteer_ids)))
    rng = random.Random(args.seed)
    rows = template.sample(min(args.batch, template.height), seed=args.seed).sort("entity_id").to_dicts()
    names = [_typo(rng, r["entity_name"]) for r in rows]
    mentions = pl.DataFrame(
        {
            "article_id": [f"bench-{i % 100}" for i in range(len(rows))],
            "mention_index": list(range(len(rows))),
            "entity_id": [f"{r['entity_id']}~bench" for r in rows],
            "entity_name": names,
            "kind": [r["kind"] for r in rows],
            "mention_text": names,
            "start_char": [0] * len(rows),
            "end_char": [len(n) for n in names],
            "method": ["name_sequence"] * len(rows),
            "role": [None] * len(rows),
            "field": ["body"] * len(rows),
        },
        schema=MENTION_SCHEMA,
    )
    index_seconds = float("inf")
    for _ in range(2):  # the least of two (the first also fills the name caches)
        started = time.perf_counter()
        with er._collector_paused():  # as resolve_entities builds it
            er._known_index(known)
        index_seconds = min(index_seconds, time.perf_counter() - started)
    fast_match = er._match
    seconds, results = {}, {}
    for label, match in (("block-wise (rapidfuzz.process)", fast_match), ("name by name (before)", None)):
        er._match = match or equivalence._reference_match
        seconds[label] = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            results[label] = er.resolve_entities(mentions, known)
            seconds[label] = min(seconds[label], time.perf_counter() - started)
    er._match = fast_match
    (fast_m, fast_e), (slow_m, slow_e) = results.values()
    same = fast_m.equals(slow_m) and fast_e.equals(slow_e)
    merged = int((slow_m["entity_id"] != mentions["entity_id"]).sum())
    print(f"known entities {known.height:,} ({args.warehouse}); batch names {mentions.height:,} (one typo each)")
    print(f"indexing the known entities (in both): {index_seconds:.2f} s")
    for label, value in seconds.items():
        print(f"{label}: {value:.2f} s in all, {value - index_seconds:.2f} s besides the indexing")
    print(f"merged into a known entity: {merged:,}; identical output: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
