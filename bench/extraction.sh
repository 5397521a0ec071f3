#!/usr/bin/env bash
# The extraction benchmark on both gold sets, for the project's path and for plain trafilatura.
# Usage: bench/extraction.sh [SHARED_DIR]   (default ../shared). Writes predictions and scores to
# bench/results/extraction/, and prints one score line per set and extractor.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"
OUT=bench/results/extraction
mkdir -p "$OUT"
: > "$OUT/scores.txt"
for set in scrapinghub readability; do
    for extractor in trafilatura newsetl; do
        .venv/bin/python bench/extraction.py --html-dir "$SHARED/data/extraction/$set/html" \
            --out "$OUT/$set.$extractor.jsonl" --extractor "$extractor" 2>> "$OUT/scores.txt"
        .venv/bin/python "$SHARED/tools/score_extraction.py" "$SHARED/data/extraction/$set/gold.jsonl" \
            "$OUT/$set.$extractor.jsonl" --name "$set/$extractor" | tee -a "$OUT/scores.txt"
    done
done
