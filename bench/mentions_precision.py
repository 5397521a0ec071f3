"""Precision and recall of mention finding on 23 hand-labelled real articles.

    python bench/mentions_precision.py [--shared ../shared] [--details]

The labels are in tests/transforms/mentions_gold.py (written by reading each article); the
article bodies are the gold texts of ../shared/data/extraction/{scrapinghub,readability}/gold.jsonl.
A found entity counts as right when its kind matches a labelled one and its canonical name does
(spelling, initials, "Jr." and a leading "The" aside, or the alias table maps the label to the
same entity id); `optional` labels are neither required nor wrong. Prints one line per kind and
the total; --details lists every wrong and every missed entity.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.transforms.mentions_gold import GOLD  # noqa: E402
from tests.transforms.mentions_scoring import score_article  # noqa: E402
from transforms.entities import find_mentions  # noqa: E402


def gold_bodies(shared: Path) -> dict[str, str]:
    bodies: dict[str, str] = {}
    for name in ("scrapinghub", "readability"):
        for line in (shared / "data" / "extraction" / name / "gold.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            key = record["id"] if record["id"] in GOLD else record["id"][:8]
            if key in GOLD:
                bodies[key] = record["body"]
    return bodies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    bodies = gold_bodies(args.shared)
    totals: dict[str, list[int]] = {}
    words, seconds = 0, 0.0
    for key in sorted(GOLD):
        started = time.perf_counter()
        mentions = find_mentions(bodies[key])
        seconds += time.perf_counter() - started
        words += len(bodies[key].split())
        result = score_article(key, mentions)
        for kind, (right, wrong, found, missed) in result.by_kind.items():
            t = totals.setdefault(kind, [0, 0, 0, 0])
            for n, value in enumerate((right, len(wrong), found, len(missed))):
                t[n] += value
            if args.details:
                for name in sorted(wrong):
                    print(f"  {key} wrong  {kind:12} {name}")
                for name in sorted(missed):
                    print(f"  {key} missed {kind:12} {name}")
    print(f"{len(GOLD)} articles, {words} words, hand-labelled entities per article (tests/transforms/mentions_gold.py)")
    print(f"{'kind':13} {'found':>5} {'right':>5} {'wrong':>5} {'precision':>9} {'labelled':>8} {'recalled':>8} {'recall':>6}")
    all_t = [0, 0, 0, 0]
    for kind in ("person", "organisation", "place"):
        right, wrong, found, missed = totals.get(kind, [0, 0, 0, 0])
        all_t = [a + b for a, b in zip(all_t, (right, wrong, found, missed))]
        _line(kind, right, wrong, found, missed)
    _line("all", *all_t)
    print(f"time: {seconds * 1000 / words * 1000:.2f} ms per 1,000 words (find_mentions only, warm)")


def _line(kind: str, right: int, wrong: int, found: int, missed: int) -> None:
    labelled = found + missed
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = found / labelled if labelled else 1.0
    print(f"{kind:13} {right + wrong:5} {right:5} {wrong:5} {precision:9.3f} {labelled:8} {found:8} {recall:6.3f}")


if __name__ == "__main__":
    main()
