#!/usr/bin/env bash
# The extraction benchmark (issue 15): the project's HTML path against trafilatura and
# readability-lxml alone on the three gold sets, leave one set out, with the ablation, the
# catastrophic pages and the cost per page.
# Usage: bench/extraction.sh [SHARED_DIR]   (default ../shared)
#   1. bench/extraction_cache.py runs every extractor once per page of each set and keeps what it
#      said and how long it took (bench/results/extraction/cache-<set>.jsonl, git-ignored);
#      REFRESH=0 reuses caches already there (tuning and ablation runs re-score without extracting).
#   2. bench/extraction.py tunes leave-one-set-out, scores, and writes
#      bench/results/extraction/report.md (committed: the sets' table, the ablation, the sentences of
#      trafilatura's readability fallback chosen and scored leave one set out with the rest as
#      shipped, the cost from the cache's timings) and the predictions <set>.<extractor>.jsonl
#      (newsetl: out of set, each set with the choices made on the two others; newsetl-shipped: the
#      values the code ships).
#   3. ../shared/tools/score_extraction.py scores those predictions again, as the check from
#      outside would (bench/results/extraction/scores.txt, committed).
#   4. bench/extraction_text.py builds the text-path dev sets from the caches (the gold title, a
#      blank line, trafilatura alone's text; bench/results/extraction/text/, git-ignored), runs the
#      plain-text path on them, leave one set out, and writes bench/results/extraction/text-report.md
#      (committed); every 50th file is also ingested with newsetl ingest to check the replay.
#      The official scorer re-scores its predictions into text-scores.txt (committed).
#   5. bench/extraction_gate.py: would one cheap feature of trafilatura's output know when to ask
#      readability-lxml (leave one set out), against the per-page oracle (gate.md, committed).
#   6. bench/extraction_model.py: a learned combination, per block (over the union of trafilatura's and
#      readability-lxml's blocks) and per page (which whole output to keep), trained and scored leave
#      one set out against the shipped path (model.md, committed; measured, not shipped).
#   8. bench/extraction_votes.py: block votes with resiliparse as a cheap extra opinion, the cheap
#      signal that decides when to ask the slow ones, and trafilatura's recall mode (votes.md,
#      committed; measured, not shipped). resiliparse is not a project dependency: the step runs
#      only when it is installed in the venv (uv pip install --python .venv/bin/python resiliparse).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"
OUT=bench/results/extraction
SETS="scrapinghub readability wcxb"
mkdir -p "$OUT"
for set in $SETS; do
    if [[ "${REFRESH:-1}" != 0 || ! -s "$OUT/cache-$set.jsonl" ]]; then
        .venv/bin/python bench/extraction_cache.py --set-dir "$SHARED/data/extraction/$set" --out "$OUT/cache-$set.jsonl"
    fi
done
{
    echo "# bench/extraction.sh at $(git rev-parse --short HEAD) on $(date -u '+%Y-%m-%d %H:%M UTC')"
    .venv/bin/python bench/extraction.py --shared "$SHARED" --cache-dir "$OUT" --out "$OUT/report.md"
} > "$OUT/report.log"
cat "$OUT/report.md"
: > "$OUT/scores.txt"
for set in $SETS; do
    for extractor in trafilatura readability-lxml newsetl newsetl-shipped; do
        python3 "$SHARED/tools/score_extraction.py" "$SHARED/data/extraction/$set/gold.jsonl" \
            "$OUT/$set.$extractor.jsonl" --name "$set/$extractor" | tee -a "$OUT/scores.txt"
    done
done
{
    echo "# bench/extraction_text.py at $(git rev-parse --short HEAD) on $(date -u '+%Y-%m-%d %H:%M UTC')"
    .venv/bin/python bench/extraction_text.py --shared "$SHARED" --cache-dir "$OUT" --out "$OUT/text-report.md" --ingest-every 50
} > "$OUT/text-report.log"
cat "$OUT/text-report.md"
: > "$OUT/text-scores.txt"
for set in $SETS; do
    for variant in unclean trafilatura newsetl newsetl-shipped; do
        python3 "$SHARED/tools/score_extraction.py" "$SHARED/data/extraction/$set/gold.jsonl" \
            "$OUT/text-$set.$variant.jsonl" --name "text/$set/$variant" | tee -a "$OUT/text-scores.txt"
    done
done
.venv/bin/python bench/extraction_gate.py --shared "$SHARED" --cache-dir "$OUT" | tee "$OUT/gate.md"
.venv/bin/python bench/extraction_model.py --shared "$SHARED" --cache-dir "$OUT" --out "$OUT/model.md"
.venv/bin/python bench/extraction_cost.py --shared "$SHARED" --out "$OUT/cost.md"  # 7. cost per page: the whole HTML path vs trafilatura alone, timed live (cost.md, committed)
if .venv/bin/python -c "import resiliparse" 2>/dev/null; then  # 8. extra opinions and block votes (votes.md)
    for set in $SETS; do
        if [[ "${REFRESH:-1}" != 0 ]] || ! head -1 "$OUT/cache-$set.jsonl" | grep -q '"resiliparse"'; then
            .venv/bin/python bench/extraction_cache.py --set-dir "$SHARED/data/extraction/$set" \
                --out "$OUT/cache-$set.jsonl" --add-resiliparse --add-recall
        fi
    done
    .venv/bin/python bench/extraction_votes.py --shared "$SHARED" --cache-dir "$OUT" --out "$OUT/votes.md"
else
    echo "step 8 skipped: resiliparse is not installed (uv pip install --python .venv/bin/python resiliparse)" >&2
fi
