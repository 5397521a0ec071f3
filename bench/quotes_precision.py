"""Speaker attribution of transforms/analysis/quotes.py on the hand-labelled gold articles.

    python bench/quotes_precision.py > bench/results/quotes_precision.txt

The labels are tests/transforms/analysis/quotes_gold.py (rules and splits described there). Prints, per
split: quotes found, speaker precision (correct / quotes given a speaker) and recall (correct /
quotes whose speaker the article names), then every row that is wrong or missed, then the CPU
time find_quotes takes over every gold article of ../shared/data/extraction.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.transforms.analysis.quotes_gold import LABELS, gold_bodies, outcomes, precision_recall  # noqa: E402
from transforms.analysis.quotes import find_quotes  # noqa: E402


def main() -> None:
    bodies = gold_bodies()
    rows = outcomes(bodies)
    print(f"labelled: {len(LABELS)} quotes in {len({r[0] for r in LABELS})} articles")
    for split in ("dev", "held_out", "blind", None):
        part = [r for r in rows if split is None or r.split == split]
        precision, recall, correct, attributed, expected = precision_recall(part)
        found = sum(r.quote is not None for r in part)
        print(
            f"{split or 'all':9} found {found}/{len(part)} quotes; speaker precision {precision:.3f} "
            f"({correct}/{attributed}), recall {recall:.3f} ({correct}/{expected})"
        )
    methods = Counter(r.quote.speaker_method for r in rows if r.is_correct)
    print("correct by method: " + ", ".join(f"{m} {n}" for m, n in methods.most_common()))
    print("\nnot right:")
    for r in rows:
        if r.quote is None:
            print(f"  not found  {r.article} {r.prefix!r}")
        elif r.speaker is not None and not r.is_correct:
            print(
                f"  wrong      {r.article} {r.prefix!r}: {r.speaker!r} ({r.quote.speaker_method}), "
                f"expected {r.expected}"
            )
        elif r.speaker is None and r.expected:
            print(f"  missed     {r.article} {r.prefix!r}: expected {r.expected[0]!r}")
    unique = list(dict.fromkeys(bodies.values()))  # each article is there by id and by short id
    started, cpu_started = time.perf_counter(), time.process_time()
    n_quotes = sum(len(find_quotes(body)) for body in unique)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    n_chars = sum(map(len, unique))
    print(
        f"\nspeed: {len(unique)} gold articles, {n_chars / 1e6:.2f} M characters, {n_quotes} quotes: "
        f"{cpu:.2f} s CPU ({cpu / len(unique) * 1000:.1f} ms an article), {seconds:.2f} s wall "
        f"(one process, on a shared 2-core machine)"
    )


if __name__ == "__main__":
    main()
