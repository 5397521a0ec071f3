#!/usr/bin/env bash
# Profiles of the ingest with pyinstrument (text summaries in bench/results/profile-*.txt):
#   worker side  decode + parse_html_page over the pages, and the trafilatura.extract baseline;
#                CPU per page by stage in bench/results/worker-stages.txt;
#   batch stages extract, clean, normalise, annotate of the text articles in one thread, as the
#                task runner's threads run them (bench/batch_stages.py);
#   flow side    `newsetl ingest` of the pages (--workers 1) and of the text articles: the flow
#                process's main thread only (the writer: land, enrich, load, check, publish; the
#                task runner's threads and the page workers are profiled above).
# Usage: bench/profile.sh [HTML_PAGES] [TEXT_ARTICLES]   (default 200 2000; corpus of bench/corpus.py)
set -euo pipefail
cd "$(dirname "$0")/.."
export PREFECT_SERVER_ANALYTICS_ENABLED=false PYTHONPATH="$PWD"
WORK=$(mktemp -d -t newsetl-profile-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export PREFECT_HOME="$WORK/prefect"
OUT=bench/results
PROFILE=(.venv/bin/python -m pyinstrument -i 0.002 -r text)
.venv/bin/python bench/corpus.py --html "${1:-200}" --text "${2:-2000}" --out "$WORK/corpus" >/dev/null
"${PROFILE[@]}" -o "$OUT/profile-pages-baseline.txt" bench/parse_pages.py "$WORK/corpus/html" --baseline
"${PROFILE[@]}" -o "$OUT/profile-pages-worker.txt" bench/parse_pages.py "$WORK/corpus/html" --pipeline
.venv/bin/python bench/parse_pages.py "$WORK/corpus/html" > "$OUT/worker-stages.txt"
"${PROFILE[@]}" -o "$OUT/profile-stages-text.txt" bench/batch_stages.py "$WORK/corpus/text"
"${PROFILE[@]}" -o "$OUT/profile-ingest-html.txt" .venv/bin/newsetl ingest "$WORK/corpus/html" \
    --db "$WORK/html/news.duckdb" --no-progress --workers 1 >/dev/null
"${PROFILE[@]}" -o "$OUT/profile-ingest-text.txt" .venv/bin/newsetl ingest "$WORK/corpus/text" \
    --db "$WORK/text/news.duckdb" --no-progress --workers 1 >/dev/null
echo "profiles in $OUT/profile-*.txt"
