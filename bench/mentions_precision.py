"""Precision and recall of mention finding on hand-labelled real articles.

    python bench/mentions_precision.py [--shared ../shared] [--details]
        [--only-wcxb | --only-fresh | --only-fresh2 | ... | --only-fresh7 | --only-fresh8]

The labels were written by reading each article, in ten sets labelled one after the other:
GOLD (23 articles, the development set the rules were tuned on), HELD_OUT (5 articles labelled
after the first rules; its errors then led to generic fixes) and FROZEN (5 articles labelled
last; its first run is bench/results/mentions_frozen_first_run.txt), all in
tests/transforms/analysis/mentions_gold.py over the gold bodies of
../shared/data/extraction/{scrapinghub,readability} (pages of 2017-2019); then, for issue 17, WCXB
(14 pages of ../shared/data/extraction/wcxb, 2022-2025, other sites, 301 entities, labelled before
any project code ran on them; first run: mentions_wcxb_first_run.txt) and WCXB_FRESH (6 more WCXB
pages, 147 entities, labelled after the fixes WCXB inspired and before the finder ran on them;
first run: mentions_wcxb_fresh_first_run.txt) and WCXB_FRESH2 (6 more, 116 entities, labelled after
the fixes WCXB_FRESH inspired; first run: mentions_wcxb_fresh2_first_run.txt) and WCXB_FRESH3 (23 more,
341 entities, pages taken by a stated rule, labelled after the fixes of ee67d09/36f34ba and before the
finder ran on them; first run: mentions_wcxb_fresh3_first_run.txt, the issue's >= 300 sample) and
WCXB_FRESH4 (25 more by the same rule, 305 entities, labelled after the fixes WCXB_FRESH3 inspired and
before the finder ran on them; first run: mentions_wcxb_fresh4_first_run.txt) and WCXB_FRESH5 (21 more
by the same rule, 307 entities, labelled after the fixes WCXB_FRESH4 inspired and before the finder ran
on them; first run: mentions_wcxb_fresh5_first_run.txt) and WCXB_FRESH6 (43 more, 305 entities, after the
fixes WCXB_FRESH5 inspired; first run: mentions_wcxb_fresh6_first_run.txt) and WCXB_FRESH7 (6 more, 348
entities, labelled after the evidence policy of entities.py was chosen on the ten sets before and before the
finder ran on them; first run: mentions_wcxb_fresh7_first_run.txt), in
tests/transforms/analysis/mentions_gold_wcxb.py; then FRESH8 (47 pages of all three shared sets, not only WCXB,
in a hashed order, 368 entities, labelled after the evidence policy's second round was chosen on the eleven sets
before and before the finder ran on them; first run: mentions_wcxb_fresh8_first_run.txt), in
tests/transforms/analysis/mentions_gold_fresh8.py.
A set's first run is its honest estimate; the tables below show the rules as they are now, after
the fixes each set's errors suggested. A found entity counts as right when its kind matches a
labelled one and its canonical name does (case, dots, initials, "Jr." and a leading "The" aside, or
the alias table maps the label to the same entity id); `optional` labels are neither required nor
wrong. Prints one table per set and the time find_mentions takes (best of five passes); --details
lists every wrong and every missed entity.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.transforms.analysis.mentions_gold import FROZEN, GOLD, HELD_OUT  # noqa: E402
from tests.transforms.analysis.mentions_gold_fresh8 import FRESH8  # noqa: E402
from tests.transforms.analysis.mentions_gold_wcxb import (  # noqa: E402
    WCXB,
    WCXB_FRESH,
    WCXB_FRESH2,
    WCXB_FRESH3,
    WCXB_FRESH4,
    WCXB_FRESH5,
    WCXB_FRESH6,
    WCXB_FRESH7,
)
from tests.transforms.analysis.mentions_scoring import KINDS, score_article  # noqa: E402
from transforms.analysis.entities import find_mentions  # noqa: E402


def gold_bodies(shared: Path, keys: set[str]) -> dict[str, str]:
    bodies: dict[str, str] = {}
    for name in ("scrapinghub", "readability"):
        for line in (shared / "data" / "extraction" / name / "gold.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            key = record["id"] if record["id"] in keys else record["id"][:8]
            if key in keys:
                bodies[key] = record["body"]
    return bodies


def wcxb_bodies(shared: Path, keys: set[str]) -> dict[str, str]:
    bodies: dict[str, str] = {}
    for line in (shared / "data" / "extraction" / "wcxb" / "gold.jsonl").read_text("utf-8").split("\n"):
        if not line.strip():
            continue
        record = json.loads(line)
        if f"wcxb-{record['id']}" in keys:
            bodies[f"wcxb-{record['id']}"] = record["body"]
    return bodies


def shared_bodies(shared: Path, keys: set[str]) -> dict[str, str]:
    """Gold bodies of any of the three shared sets, under the keys of mentions_gold_fresh8.py."""
    bodies = wcxb_bodies(shared, {k for k in keys if k.startswith("wcxb-")})
    return bodies | gold_bodies(shared, {k for k in keys if not k.startswith("wcxb-")})


def report(title: str, bodies: dict[str, str], details: bool) -> None:
    totals = {kind: [0, 0, 0, 0] for kind in KINDS}  # right, wrong, recalled, missed
    for key in sorted(bodies):
        for kind, (right, wrong, found, missed) in score_article(key, find_mentions(bodies[key])).by_kind.items():
            totals[kind] = [a + b for a, b in zip(totals[kind], (right, len(wrong), found, len(missed)))]
            if details:
                for line in [f"  {key} wrong  {kind:12} {n}" for n in sorted(wrong)] + [
                    f"  {key} missed {kind:12} {n}" for n in sorted(missed)
                ]:
                    print(line)
    words = sum(len(b.split()) for b in bodies.values())
    print(f"{title}: {len(bodies)} articles, {words} words")
    print(
        f"  {'kind':13} {'found':>5} {'right':>5} {'wrong':>5} {'precision':>9} "
        f"{'labelled':>8} {'recalled':>8} {'recall':>6}"
    )
    for kind, row in [*totals.items(), ("all", [sum(t[i] for t in totals.values()) for i in range(4)])]:
        right, wrong, found, missed = row
        precision = right / (right + wrong) if right + wrong else 1.0
        recall = found / (found + missed) if found + missed else 1.0
        print(
            f"  {kind:13} {right + wrong:5} {right:5} {wrong:5} {precision:9.3f} "
            f"{found + missed:8} {found:8} {recall:6.3f}"
        )


def best_time(bodies: dict[str, str], passes: int = 5) -> float:
    """CPU seconds for one pass over the bodies, the best of `passes` (CPU time: the machine is shared)."""
    find_mentions("Warm-up: NATO met in Kyiv.")
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        for body in bodies.values():
            find_mentions(body)
        best = min(best, time.process_time() - started)
    return best


# The WCXB sets in the order they were labelled: (option, labels, the title alone, the title in the full report)
WCXB_SETS = (
    (
        "wcxb",
        WCXB,
        "fourth set (WCXB: 14 pages of 2022-2025, labelled before any project code ran on them)",
        "fourth set (WCXB: 14 pages of 2022-2025, other sites, labelled before any project code ran on them; "
        "first run in mentions_wcxb_first_run.txt)",
    ),
    (
        "fresh",
        WCXB_FRESH,
        "fifth set (WCXB_FRESH: 6 more pages, labelled before the finder ran on them)",
        "fifth set (WCXB_FRESH: 6 more WCXB pages, labelled after the fixes and before the finder ran on them; "
        "first run in mentions_wcxb_fresh_first_run.txt)",
    ),
    (
        "fresh2",
        WCXB_FRESH2,
        "sixth set (WCXB_FRESH2: 6 more pages, labelled before the finder ran on them)",
        "sixth set (WCXB_FRESH2: 6 more WCXB pages, labelled after the fifth set's fixes and before the finder ran "
        "on them; first run in mentions_wcxb_fresh2_first_run.txt)",
    ),
    (
        "fresh3",
        WCXB_FRESH3,
        "seventh set (WCXB_FRESH3: 23 more pages, labelled before the finder ran on them)",
        "seventh set (WCXB_FRESH3: 23 more WCXB pages by a stated rule, labelled after the fixes of ee67d09/36f34ba "
        "and before the finder ran on them; first run in mentions_wcxb_fresh3_first_run.txt)",
    ),
    (
        "fresh4",
        WCXB_FRESH4,
        "eighth set (WCXB_FRESH4: 25 more pages, labelled before the finder ran on them)",
        "eighth set (WCXB_FRESH4: 25 more WCXB pages by the same rule, labelled after the fixes WCXB_FRESH3 inspired "
        "and before the finder ran on them; first run in mentions_wcxb_fresh4_first_run.txt)",
    ),
    (
        "fresh5",
        WCXB_FRESH5,
        "ninth set (WCXB_FRESH5: 21 more pages, labelled before the finder ran on them)",
        "ninth set (WCXB_FRESH5: 21 more WCXB pages by the same rule, labelled after the fixes WCXB_FRESH4 inspired "
        "and before the finder ran on them; first run in mentions_wcxb_fresh5_first_run.txt)",
    ),
    (
        "fresh6",
        WCXB_FRESH6,
        "tenth set (WCXB_FRESH6: 43 more pages, labelled before the finder ran on them)",
        "tenth set (WCXB_FRESH6: 43 more WCXB pages, labelled after the fixes WCXB_FRESH5 inspired and before the "
        "finder ran on them; first run in mentions_wcxb_fresh6_first_run.txt)",
    ),
    (
        "fresh7",
        WCXB_FRESH7,
        "eleventh set (WCXB_FRESH7: 6 more pages, labelled before the finder ran on them)",
        "eleventh set (WCXB_FRESH7: 6 more WCXB pages, labelled after the evidence policy was chosen and before the "
        "finder ran on them; first run in mentions_wcxb_fresh7_first_run.txt)",
    ),
)


FRESH8_TITLE = (
    "twelfth set (FRESH8: 47 shared pages of wcxb, scrapinghub and readability in a hashed order, labelled before "
    "any project code ran on them)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--details", action="store_true")
    for option, _, title, _ in WCXB_SETS:
        parser.add_argument(f"--only-{option}", action="store_true", help=f"score only the {title.split(' (')[0]}")
    parser.add_argument(
        "--only-fresh8", action="store_true", help="score only FRESH8 (47 shared pages, labelled before any run)"
    )
    args = parser.parse_args()
    fresh8 = shared_bodies(args.shared, set(FRESH8))
    if args.only_fresh8:
        report(FRESH8_TITLE, fresh8, True)
        return
    wcxb_sets = [
        (option, wcxb_bodies(args.shared, set(labels)), alone, full) for option, labels, alone, full in WCXB_SETS
    ]
    for option, bodies, alone, _ in wcxb_sets:
        if getattr(args, f"only_{option}"):
            report(alone, bodies, True)
            return
    dev = gold_bodies(args.shared, set(GOLD))
    second = gold_bodies(args.shared, set(HELD_OUT))
    frozen = gold_bodies(args.shared, set(FROZEN))
    report("development set (GOLD, rules tuned on it)", dev, args.details)
    report("second set (HELD_OUT: labelled after the first rules; fixes followed its errors)", second, args.details)
    report(
        "third set (FROZEN: labelled last; first run before fixes in mentions_frozen_first_run.txt)",
        frozen,
        args.details,
    )
    for _, bodies, _, full in wcxb_sets:
        report(full, bodies, args.details)
    report(FRESH8_TITLE + "; first run in mentions_wcxb_fresh8_first_run.txt", fresh8, args.details)
    both = {**dev, **second, **frozen, **fresh8}
    for _, bodies, _, _ in wcxb_sets:
        both |= bodies
    words = sum(len(b.split()) for b in both.values())
    seconds = best_time(both)
    print(
        f"time: {seconds * 1000:.1f} ms for {words} words = {seconds * 1e6 / words:.2f} ms per 1,000 words "
        f"(find_mentions, CPU time, best of 5 passes)"
    )


if __name__ == "__main__":
    main()
