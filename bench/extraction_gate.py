"""Would a cheap signal know when to ask readability-lxml? The HTML path's second attempt at issue
15's targets (BENCHMARKS.md, "HTML path, second attempt"), measured and not shipped.

    python bench/extraction_gate.py [--shared ../shared] [--cache-dir bench/results/extraction]

Reads what `make bench-extraction` left (the extractor caches and the predictions
`<set>.newsetl-shipped.jsonl`, `<set>.readability-lxml.jsonl`), so it extracts nothing.
- Oracle: per page the better (shingle F1) of the shipped output and readability-lxml's: the most
  any chooser between the two could gain.
- Gate, leave one set out: one feature of trafilatura's thorough pass (what the path runs first:
  its words, blocks, mean words a block, link share, list and table share, headings, text share of
  the HTML bytes) and a threshold (41 quantiles, both directions) chosen on the two other sets
  (mean F1, moving off "never" only for more than 0.0005); when the gate opens, readability-lxml's
  text replaces the shipped one. Scored on the third set.
Scores are `../shared/tools/score_extraction.py`'s functions (imported).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction import gold_rows, scorer  # noqa: E402

SETS = ("scrapinghub", "readability", "wcxb")
MIN_GAIN = 0.0005
QUANTILES = 40

Overlap = tuple[float, float, float]
Row = tuple[str, dict[str, float], Overlap, Overlap]  # id, features, shipped's and readability's overlap


def _texts(name: str, variant: str) -> dict[str, str]:
    with (Path(ARGS.cache_dir) / f"{name}.{variant}.jsonl").open(encoding="utf-8") as f:
        return {row["id"]: row["text"] for row in map(json.loads, f)}


def features(blocks: list[list], html_bytes: int) -> dict[str, float]:
    words = sum(len(b[1].split()) for b in blocks)
    chars = sum(len(b[1]) for b in blocks) or 1
    kinds = [b[0] for b in blocks]
    return {
        "blocks": len(blocks),
        "words": words,
        "mean_words": words / max(1, len(blocks)),
        "link_share": sum(b[2] for b in blocks) / chars,
        "list_table_share": sum(k in ("item", "row") for k in kinds) / max(1, len(kinds)),
        "headings": sum(k == "heading" for k in kinds),
        "text_share": chars / max(1, html_bytes),
    }


def load(name: str) -> list[Row]:
    gold = {page: row.get("body") or "" for page, row in gold_rows(ARGS.shared, name).items()}
    shipped, readability = _texts(name, "newsetl-shipped"), _texts(name, "readability-lxml")
    rows = []
    with (Path(ARGS.cache_dir) / f"cache-{name}.jsonl").open(encoding="utf-8") as f:
        for cached in map(json.loads, f):
            page = cached["id"]
            size = (Path(ARGS.shared) / "data" / "extraction" / name / "html" / f"{page}.html").stat().st_size
            rows.append(
                (
                    page,
                    features(cached["thorough"], size),
                    SCORE.overlap(gold[page], shipped[page]),
                    SCORE.overlap(gold[page], readability[page]),
                )
            )
    return rows


def score(rows: list[Row], pick: Callable[[Row], Overlap]) -> tuple[float, float, float]:
    precisions, recalls = [], []
    for row in rows:
        tp, fp, fn = pick(row)
        if tp + fp > 0:
            precisions.append(SCORE.ratio(tp, fp, fn))
        if tp + fn > 0:
            recalls.append(SCORE.ratio(tp, fn, fp))
    p, r = statistics.fmean(precisions), statistics.fmean(recalls)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _f1(o: Overlap) -> float:
    tp, fp, fn = o
    return tp / (tp + (fp + fn) / 2) if tp else 0.0


Gate = tuple[str, str, float] | None  # feature, "<=" or ">", threshold; None: never ask


def opens(gate: Gate, f: dict[str, float]) -> bool:
    if gate is None:
        return False
    name, direction, threshold = gate
    return f[name] <= threshold if direction == "<=" else f[name] > threshold


def gated(rows: list[Row], gate: Gate) -> tuple[float, float, float]:
    return score(rows, lambda row: row[3] if opens(gate, row[1]) else row[2])


def main() -> int:
    data = {name: load(name) for name in SETS}
    print("| set | shipped P / R / F1 | readability-lxml alone | oracle (better of the two per page) |")
    print("|---|---|---|---|")
    for name, rows in data.items():
        cells = [
            score(rows, lambda row: row[2]),
            score(rows, lambda row: row[3]),
            score(rows, lambda row: row[2] if _f1(row[2]) >= _f1(row[3]) else row[3]),
        ]
        print(f"| {name} | " + " | ".join(" / ".join(f"{v:.4f}" for v in c) for c in cells) + " |")
    print()
    gates: list[Gate] = []
    for feature in data[SETS[0]][0][1]:
        values = sorted({row[1][feature] for rows in data.values() for row in rows})
        for k in range(QUANTILES + 1):
            threshold = values[k * (len(values) - 1) // QUANTILES]
            gates += [(feature, "<=", threshold), (feature, ">", threshold)]
    print(
        "| reported on | gate chosen on the two other sets | their mean F1: never -> gated "
        "| shipped P / R / F1 | gated P / R / F1 | pages asked |"
    )
    print("|---|---|---|---|---|---|")
    for held in SETS:
        others = [n for n in SETS if n != held]
        never = best = statistics.fmean(gated(data[n], None)[2] for n in others)
        chosen: Gate = None
        for gate in gates:
            value = statistics.fmean(gated(data[n], gate)[2] for n in others)
            if value > best + MIN_GAIN:
                chosen, best = gate, value
        asked = sum(opens(chosen, row[1]) for row in data[held]) / len(data[held])
        shipped, result = gated(data[held], None), gated(data[held], chosen)
        print(
            f"| {held} | {chosen} | {never:.4f} -> {best:.4f} | "
            + " / ".join(f"{v:.4f}" for v in shipped)
            + " | "
            + " / ".join(f"{v:.4f}" for v in result)
            + f" | {100 * asked:.0f} % |"
        )
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache-dir", default=str(ROOT / "bench" / "results" / "extraction"))
    ARGS = parser.parse_args()
    SCORE = scorer(ARGS.shared)
    sys.exit(main())
