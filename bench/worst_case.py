"""The worst case of issue 19: the largest text file the pipeline accepts, made of nothing but
relative-date sentences, must finish (loaded, or rejected with its reason) within the per-document
time limit plus a few seconds.

    python bench/worst_case.py [--mb 49.9] [--limit 30] [--workdir DIR]

Writes the file (just under `max_bytes`, one "Officials said yesterday." sentence after another,
eight a paragraph), ingests it alone into a fresh warehouse with the default settings but the
limit, after a small article ingested the same way (what a run costs whatever its input:
starting the page workers, the checks, publishing; a first run, not timed, starts Prefect's
temporary server). Prints both wall times, their difference (what the
document cost) and how the document ended; the committed output is bench/results/worst_case.txt.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from flows.ingest import ingest  # noqa: E402 - after the environment is set
from flows.settings import Settings  # noqa: E402
from tests.conftest import query  # noqa: E402

SENTENCE = "Officials said yesterday. "
SMALL = (
    "Council votes on the bridge\n\nThe city council voted on Tuesday to rebuild the old bridge, ending a debate "
    "that has run for more than a decade and split the town's two largest parties.\n\nThe new bridge will cost 48 "
    "million euros, according to the council's own estimate.\n"
)


def _worst_file(path: Path, size: int) -> None:
    paragraph = SENTENCE * 8 + "\n\n"
    head = "Officials and their days\n\n"
    n = (size - len(head)) // len(paragraph)
    path.write_text(head + paragraph * n, "utf-8")


def _run(folder: Path, db: Path, limit: float) -> tuple[float, list[tuple]]:
    started = time.monotonic()
    ingest(paths=[str(folder)], settings=Settings(db_path=str(db), extract_timeout=limit))
    seconds = time.monotonic() - started
    outcome = query(
        db,
        "select d.status, r.reason, r.detail, (select count(*) from article_dates) "
        "from documents d left join rejects r using (document_id)",
    )
    return seconds, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=49.9, help="size of the file in MB (max_bytes is 50 MB)")
    parser.add_argument("--limit", type=float, default=30.0, help="the per-document time limit (extract_timeout)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="worst-case-"))
    (work / "worst").mkdir(parents=True, exist_ok=True)
    (work / "small").mkdir(parents=True, exist_ok=True)
    size = int(args.mb * 1_000_000)
    assert size < Settings().max_bytes, "the file must be under max_bytes, or it is refused unread"
    _worst_file(work / "worst" / "dates.txt", size)
    (work / "small" / "small.txt").write_text(SMALL, "utf-8")
    load = os.getloadavg()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load {load[0]:.2f} {load[1]:.2f}")
    print(f"$ .venv/bin/python bench/worst_case.py --mb {args.mb} --limit {args.limit}")
    print(f"file: {size / 1e6:.1f} MB, {size // len(SENTENCE):,} relative-date sentences; limit {args.limit} s")
    _run(work / "small", work / "warm-up.duckdb", args.limit)  # the temporary Prefect server's start: no run's
    small, small_outcome = _run(work / "small", work / "small.duckdb", args.limit)
    worst, outcome = _run(work / "worst", work / "worst.duckdb", args.limit)
    for status, reason, detail, n_dates in outcome:
        print(f"worst case: {worst:.1f} s, document {status}" + (f" ({reason}: {detail})" if reason else ""))
        print(f"  article_dates rows: {n_dates}")
    fixed = "a run's fixed costs: workers, checks, publishing"
    print(f"small article: {small:.1f} s, document {small_outcome[0][0]} ({fixed})")
    cost = worst - small
    print(
        f"the worst-case run took {cost:.1f} s more than the small one ({cost - args.limit:+.1f} s against the limit)"
    )


if __name__ == "__main__":
    main()
