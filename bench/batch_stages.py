"""The flow's batch stages in one thread, stage by stage: CPU time per document, for profiling.

    python bench/batch_stages.py DIR [--batch-size 200]

Lands DIR's files in a temporary landing store, then for each batch calls the tasks' own
functions as the task runner does: `extract` (decode), `clean` (rules; HTML pages go to the page
workers, so for HTML this is their wall time, not CPU of this process), `normalise` and
`annotate`. The writer's stages (enrich, load) need a warehouse: see bench/profile.sh.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows.enrichment import annotate  # noqa: E402
from flows.inputs import discover_files, land_files  # noqa: E402
from flows.page_workers import close_shared_pools  # noqa: E402
from flows.settings import Settings  # noqa: E402
from flows.stages import clean, extract, normalise  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()
    files, _ = discover_files([str(args.folder)], [])
    cpu: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as work:
        settings = Settings(db_path=Path(work) / "news.duckdb", workers=1)
        started = time.process_time()
        for start in range(0, len(files), args.batch_size):
            landed, _ = land_files(files[start : start + args.batch_size], settings.landing_dir, settings.max_bytes)
            cpu["land"] += time.process_time() - started
            # B023: each lambda is called within this iteration, on this batch's values
            stages = (
                ("extract", lambda: extract.fn(landed, settings.max_bytes)),  # noqa: B023
                ("clean", lambda: clean.fn(value, settings)),  # noqa: B023
                ("normalise", lambda: normalise.fn(value, settings)),  # noqa: B023
                ("annotate", lambda: annotate.fn(value, settings)),  # noqa: B023
            )
            for name, stage in stages:
                started = time.process_time()
                result = stage()
                cpu[name] += time.process_time() - started
                if name != "annotate":
                    value = result  # noqa: F841 - read by the next stage's lambda
            started = time.process_time()
    close_shared_pools()
    print(
        f"{len(files)} documents, CPU ms per document by stage: "
        + ", ".join(f"{name} {1000 * seconds / len(files):.2f}" for name, seconds in cpu.items()),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
