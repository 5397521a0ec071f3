# The two commands: `make run` ingests seeds/ into warehouse/news.duckdb, `make test` runs the tests.
# Both set everything up on first use (uv, then the locked environment in .venv/).
PYTHON ?= python3
UV := $(PYTHON) -m uv
export UV_PYTHON_DOWNLOADS := never
export PREFECT_SERVER_ANALYTICS_ENABLED := false
STAMP := .venv/.synced-$(shell cat uv.lock pyproject.toml | $(PYTHON) -c "import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:12])")

.PHONY: help setup run test test-fast lint check clean bench-extraction bench-metadata bench-stories bench bench-scale bench-cpu
help:
	@echo "make run    ingest seeds/ into warehouse/news.duckdb (sets up on first use)"
	@echo "make test   run the whole test suite (sets up on first use)"
	@echo "make test-fast  the unit tests: all but the slow flow and reliability tests (pytest -m 'not slow')"
	@echo "make lint   ruff check, ruff format --check and mypy (the config is in pyproject.toml)"
	@echo "make check  run the data-quality checks on warehouse/news.duckdb"
	@echo "make clean  remove the warehouse file and the landing store"
	@echo "make bench-extraction  score HTML and plain-text extraction on ../shared's gold sets (vs plain trafilatura)"
	@echo "make bench-metadata  score dates, titles, authors, outlets on ../shared's gold sets (vs trafilatura, htmldate)"
	@echo "make bench-stories  stories: the same partition in 3 orders x 2 batch sizes and a rebuild; quality on the labels"
	@echo "make bench  throughput: ingest vs a bare trafilatura loop, re-ingest, text, RSS (BENCH_HTML, BENCH_TEXT)"
	@echo "make bench-cpu  CPU inside the extractor calls and outside them, stage by stage (CPU_HTML, CPU_TEXT); bench/results/cpu_split.md"
	@echo "make bench-scale  the same fresh mix into warehouses of 10 k and 100 k articles (SCALE_SIZES); bench/results/scale.md"

$(STAMP):
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check "uv>=0.13,<0.14"
	$(UV) sync --frozen --python $(PYTHON)
	@# the background Prefect server's database, made now so that the first command does not wait for it
	@.venv/bin/newsetl server prepare || echo "warning: the Prefect database is made on first use instead"
	@rm -f .venv/.synced-* && touch $@

setup: $(STAMP)

run: setup
	.venv/bin/newsetl ingest seeds

test: setup
	.venv/bin/pytest

# tests/flows/ and tests/reliability/ are marked slow by their conftest.py (minutes: a Prefect API, whole ingests);
# the rest, the unit tests, take about 3 minutes on 2 cores (2,741 tests, 155 s on 2026-12-07)
test-fast: setup
	.venv/bin/pytest -m "not slow"

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

check: setup
	.venv/bin/newsetl check

bench-extraction: setup
	bench/extraction.sh ../shared

# the table and the leave-one-set-out rule choice of BENCHMARKS.md (metadata); results in bench/results/metadata/
bench-metadata: setup
	.venv/bin/python bench/metadata.py --shared ../shared
	.venv/bin/python bench/metadata_rules.py

BENCH_HTML ?= 1000
BENCH_TEXT ?= 10000
# story stability (issue 17: the round-1 pages and the seeds, 3 orders x 2 batch sizes and a rebuild) in
# bench/results/stories.txt, then quality on every labelled page (one order) in bench/results/stories_quality.txt
bench-stories: setup
	.venv/bin/python bench/stories.py --shared ../shared --rounds 1 --out bench/results/stories.txt
	.venv/bin/python bench/stories.py --shared ../shared --orders 1 --batch-sizes 100 --no-rebuild --out bench/results/stories_quality.txt

bench: setup
	.venv/bin/python bench/pipeline.py --html $(BENCH_HTML) --text $(BENCH_TEXT)

# issue 20 point 3: CPU inside the extractors and outside them, per stage, HTML (one worker) and plain text
CPU_HTML ?= 300
CPU_TEXT ?= 3000
bench-cpu: setup
	.venv/bin/python bench/cpu_split.py --html $(CPU_HTML) --text $(CPU_TEXT) --out bench/results/cpu_split.md

# issue 20: one more ingest (1,000 texts + 200 pages) into warehouses multiplied in SQL from a real template
SCALE_SIZES ?= 10000,100000
bench-scale: setup
	.venv/bin/python bench/scale.py --sizes $(SCALE_SIZES) --out bench/results/scale.md

clean:
	rm -rf warehouse/news.duckdb warehouse/news.duckdb.wal warehouse/landing
