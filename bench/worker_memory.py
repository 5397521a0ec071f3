"""A page worker's memory over bench/scale.py's fresh mix, in one process, with and without giving freed
heap back (issue 20's peak-RSS target; flows/page_workers.py `TRIM_AFTER_CHARS`).

    python bench/worker_memory.py [--fresh /tmp/newsetl-scale/fresh] [--out bench/results/worker_memory.txt]

Each policy runs in a fresh process of this tree: the worker's warm-up (flows/page_workers.py), then the
fresh mix's 200 HTML pages one by one (`parse_html_page`, as a worker is sent them), then its 1,000 plain
texts in batches of 200 (parse, normalise, annotate: the whole-batch calls a worker runs). After each page
or batch the policy may give freed heap back (`flows.memory.release_freed_memory`, glibc's malloc_trim):
- none: never (the code before 2026-12-07 18:20 UTC);
- long pages and calls: after a page of at least TRIM_AFTER_CHARS characters and after each batch (shipped);
- every page: after every page and batch;
- every page, collected first: `gc.collect()` then the trim, after every page and batch.
Reported: the RSS after warm-up, the largest RSS seen after a page or batch, the process's high-water
mark (ru_maxrss: also inside a page), the number of trims and the seconds they took.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLICIES = ("none", "long pages and calls", "every page", "every page, collected first")


def probe(fresh: Path, policy: str) -> dict[str, float]:
    """One policy, in this process (run by `main` in a fresh child)."""
    import gc
    import resource
    import time

    import psutil

    sys.path.insert(0, str(ROOT))
    from flows.memory import release_freed_memory
    from flows.page_workers import TRIM_AFTER_CHARS, WARM_UP_PAGE, _warm_up_stages
    from transforms.analysis.annotations import annotations_of
    from transforms.frames.normalise import ParsedDocument, normalise_batch
    from transforms.html.pages import parse_html_page
    from transforms.text.articles import parse_text_articles

    process = psutil.Process()
    trims, trim_seconds = 0, 0.0

    def rss() -> float:
        return process.memory_info().rss / 2**20

    def after(long_enough: bool) -> None:
        nonlocal trims, trim_seconds
        if policy == "none" or (policy == "long pages and calls" and not long_enough):
            return
        started = time.perf_counter()
        if policy == "every page, collected first":
            gc.collect()
        release_freed_memory()
        trims += 1
        trim_seconds += time.perf_counter() - started

    parse_html_page(WARM_UP_PAGE, None)
    _warm_up_stages()
    gc.collect()
    release_freed_memory()
    warm = peak = rss()
    for path in sorted((fresh / "html").rglob("*.html")):
        html = path.read_bytes().decode("utf-8", "replace")
        page = parse_html_page(html, None)
        del page
        after(len(html) >= TRIM_AFTER_CHARS)
        peak = max(peak, rss())
    pages_peak = peak
    texts = [path.read_text("utf-8") for path in sorted((fresh / "text").glob("*.txt"))]
    for start in range(0, len(texts), 200):
        articles = parse_text_articles(texts[start : start + 200])
        docs = [ParsedDocument(f"d{start + i}", f"t{start + i}.txt", a) for i, a in enumerate(articles)]
        normalised = normalise_batch(docs)
        annotations = annotations_of(normalised.articles)
        del articles, docs, normalised, annotations
        after(True)
        peak = max(peak, rss())
    return {
        "warm_mb": round(warm),
        "pages_peak_mb": round(pages_peak),
        "peak_mb": round(peak),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "trims": trims,
        "trim_seconds": round(trim_seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", type=Path, default=Path("/tmp/newsetl-scale/fresh"))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "worker_memory.txt")
    parser.add_argument("--policy", choices=POLICIES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.policy:
        print(json.dumps(probe(args.fresh, args.policy)))
        return 0
    if not (args.fresh / "html").is_dir():
        from corpus import build_benchmark_corpus  # bench/corpus.py, as bench/scale.py builds it

        build_benchmark_corpus(args.fresh, 200, 1000, seed=1)
    lines = [
        "A page worker's RSS over bench/scale.py's fresh mix (200 pages, 1,000 texts in batches of 200), one process",
        "per policy (bench/worker_memory.py)",
        "",
        "| policy | after warm-up MB | peak after a page MB | peak after a page or batch MB | high-water MB "
        "| trims | trim s |",
        "|---|---|---|---|---|---|---|",
    ]
    for policy in POLICIES:
        done = subprocess.run(
            [sys.executable, __file__, "--fresh", str(args.fresh), "--policy", policy],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ | {"PYTHONWARNINGS": "ignore"},
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        lines.append(
            f"| {policy} | {r['warm_mb']} | {r['pages_peak_mb']} | {r['peak_mb']} | {r['max_rss_mb']} | "
            f"{r['trims']} | {r['trim_seconds']} |"
        )
        print(lines[-1], flush=True)
    args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
