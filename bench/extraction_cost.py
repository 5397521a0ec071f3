"""Cost per page of the whole HTML path against trafilatura alone, measured live (issue 15, point 5).

    python bench/extraction_cost.py [--shared ../shared] [--sets scrapinghub,readability,wcxb]
        [--repeats 3] [--limit N] [--every N] [--out bench/results/extraction/cost.md] [--predictions DIR]
        [--json DIR]                      # also keep each set's per-page figures, <set>.json
    python bench/extraction_cost.py --merge DIR/scrapinghub.json DIR/readability.json ...
                                          # the report from sets measured apart (in parallel)

Per page of each gold set, in one process: trafilatura alone (`trafilatura.extract(html_bytes,
include_comments=False)`, its defaults) and the whole path the ingest runs on a page
(`decode_html` -> `parse_html_page` -> `normalise_batch`), `--repeats` times each, the order of the
two alternating from page to page and from repeat to repeat; a page's time is the median of its
repeats. Normalisation runs over batches of `BATCH` pages (the ingest's default `batch_size`), as
the ingest runs it, and each batch's time (median of its repeats) is spread evenly over its pages;
the first batch is normalised once untimed first (a one-off of dateparser's, ~2 s a process).
The page is given no URL (a file ingest; a fetched page's URL only reaches htmldate).

Reported per set: the median and p90 of both, their ratios (whole path / trafilatura alone), and
where the path's time goes: every function of the path that is a stage (`STAGES`, looked up at
run time, so a stage that is not there is not timed) is wrapped in a timer while the path runs;
`other` is what is left of the parse. Imports and a
warm-up on the first pages are not timed. Writes the table to `--out` (and prints it); with
`--predictions`, also `<set>.jsonl` there: each page's `body_text`, title, authors and published
day as the warehouse would store them (to check that a change keeps the bodies and metadata).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import transforms.html.pages as pages  # noqa: E402
from transforms.documents.decoding import decode_html  # noqa: E402
from transforms.frames.normalise import ParsedDocument, normalise_batch  # noqa: E402
from transforms.html.trafilatura_extraction import baseline_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SETS = ("scrapinghub", "readability", "wcxb")
BATCH = 200  # flows/settings.py: batch_size, documents per normalise call
WARM_UP = 3
SEEN_AT = datetime(2026, 11, 1, tzinfo=UTC)
# stage -> the functions that make it, (module, name); those present are timed. Not nested: a
# stage's function never calls another stage's.
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "page tree": (("transforms.html.trafilatura_extraction", "page_tree"),),
    "trafilatura call": (
        ("transforms.html.trafilatura_extraction", "trafilatura_blocks"),  # before the fallback was kept
        ("transforms.html.trafilatura_extraction", "trafilatura_and_fallback_blocks"),
    ),
    "fallback sentences": (("transforms.html.pages", "with_fallback_sentences"),),
    "trafilatura's metadata readers": (("transforms.html.trafilatura_extraction", "page_metadata"),),
    "trafilatura's author search": (("transforms.html.trafilatura_extraction", "searched_author"),),
    "markup and dates": (("transforms.html.pages", "page_candidates"),),
    "readability-lxml": (("transforms.html.pages", "readability_blocks"),),
    "rules": (("transforms.html.pages", "parse_html_article"),),
    "depth check": (("transforms.html.pages", "exceeds_parser_depth"),),
}
# the stage the set table also shows the path without: the dates and markup the path reads besides
# trafilatura (transforms.dates.page_dates.page_candidates: on trafilatura's tree since 1d3e5aa; htmldate asked
# only when its answer can change the dates since 63520a3)
APART = "markup and dates"
COLUMNS = ("decode", *STAGES, "other", "normalisation")


class StageClock:
    """Wraps the stage functions (`STAGES`) in timers for the duration."""

    def __init__(self) -> None:
        self.ms: dict[str, float] = defaultdict(float)
        self._saved: list[tuple[ModuleType, str, Callable[..., Any]]] = []

    def __enter__(self) -> StageClock:
        for stage, functions in STAGES.items():
            for module_name, name in functions:
                module = importlib.import_module(module_name)
                function = getattr(module, name, None)
                if callable(function):
                    self._saved.append((module, name, function))
                    setattr(module, name, self._timed(stage, function))
        return self

    def __exit__(self, *_: object) -> None:
        for module, name, function in self._saved:
            setattr(module, name, function)

    def _timed(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.ms[stage] += 1000 * (time.perf_counter() - started)

        return timed


def _baseline(data: bytes) -> float:
    started = time.perf_counter()
    baseline_text(data)
    return 1000 * (time.perf_counter() - started)


def _path(data: bytes, clock: StageClock) -> tuple[pages.HtmlPage, dict[str, float]]:
    """decode_html and parse_html_page on one page: its stages' milliseconds ("parse" is the whole)."""
    clock.ms.clear()
    started = time.perf_counter()
    html = decode_html(data).text or ""
    decoded = time.perf_counter()
    page = pages.parse_html_page(html)
    done = time.perf_counter()
    ms = dict(clock.ms)
    ms["decode"] = 1000 * (decoded - started)
    ms["parse"] = 1000 * (done - decoded)
    ms["other"] = ms["parse"] - sum(v for k, v in clock.ms.items())
    return page, ms


def _document(page_id: str, page: pages.HtmlPage) -> ParsedDocument | None:
    """The page as the ingest hands it to normalise (`transforms.documents.outcomes.html_outcome`)."""
    if not page.has_article:
        return None
    uri = f"file:///{page_id}.html"
    return ParsedDocument(page_id, uri, page.article, page.metadata, page.extractor, SEEN_AT, None, page.dates)


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8] if len(values) > 1 else values[0]


def measure_set(set_dir: Path, repeats: int, limit: int, every: int = 1) -> dict[str, Any]:
    paths = sorted((set_dir / "html").glob("*.html"))[: limit or None][::every]
    data = {p.stem: p.read_bytes() for p in paths}
    ids = list(data)
    clock = StageClock()
    with clock:
        for page_id in ids[:WARM_UP]:  # imports, caches, the language model: not timed
            _baseline(data[page_id])
            page, _ = _path(data[page_id], clock)
            if (doc := _document(page_id, page)) is not None:
                normalise_batch([doc])
        baseline: dict[str, list[float]] = defaultdict(list)
        stages: dict[str, list[dict[str, float]]] = defaultdict(list)
        parsed: dict[str, pages.HtmlPage] = {}
        for r in range(repeats):
            for i, page_id in enumerate(ids):
                gc.collect()
                if (i + r) % 2:
                    baseline[page_id].append(_baseline(data[page_id]))
                    parsed[page_id], ms = _path(data[page_id], clock)
                else:
                    parsed[page_id], ms = _path(data[page_id], clock)
                    baseline[page_id].append(_baseline(data[page_id]))
                stages[page_id].append(ms)
    normalise_ms: dict[str, float] = {}
    frames = []
    # warm-up, not timed: the first batch once (dateparser compiles every locale's patterns the first
    # time a string no locale parses, ~2 s once a process, which spread over a batch weighed on every
    # page's figure; the page workers pay it once)
    normalise_batch([d for d in (_document(i, parsed[i]) for i in ids[:BATCH]) if d is not None])
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        docs = [d for d in (_document(i, parsed[i]) for i in chunk) if d is not None]
        times = []
        for _ in range(repeats):
            gc.collect()
            started = time.perf_counter()
            frame = normalise_batch(docs).articles
            times.append(1000 * (time.perf_counter() - started))
        frames.append(frame)
        normalise_ms |= dict.fromkeys(chunk, statistics.median(times) / len(chunk))
    rows = [row for frame in frames for row in frame.iter_rows(named=True)]
    per_page: dict[str, dict[str, float]] = {}
    for page_id in ids:
        split = {c: statistics.median(ms.get(c, 0.0) for ms in stages[page_id]) for c in (*COLUMNS[:-1], "parse")}
        parse = statistics.median(ms["decode"] + ms["parse"] for ms in stages[page_id])
        per_page[page_id] = split | {
            "normalisation": normalise_ms[page_id],
            "path": parse + normalise_ms[page_id],
            "baseline": statistics.median(baseline[page_id]),
        }
    return {
        "pages": per_page,
        "asked": sum(parsed[i].vote not in ("not_consulted", "primary_and_fallback_sentences") for i in ids),
        "rows": {r["document_id"]: r for r in rows},
    }


def set_table(results: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        "| set | pages | trafilatura alone median | p90 | whole path median | p90 "
        "| whole / trafilatura, median | p90 | median of per-page ratios "
        f"| the same less the {APART!r} stage, median | p90 | pages given a second opinion |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        per_page = result["pages"].values()
        base = [p["baseline"] for p in per_page]
        path = [p["path"] for p in per_page]
        ratios = [p["path"] / p["baseline"] for p in per_page]
        less = [p["path"] - p.get(APART, 0.0) for p in per_page]
        lines.append(
            f"| {name} | {len(base)} | {statistics.median(base):.1f} | {p90(base):.1f} "
            f"| {statistics.median(path):.1f} | {p90(path):.1f} "
            f"| **{statistics.median(path) / statistics.median(base):.2f}×** | {p90(path) / p90(base):.2f}× "
            f"| {statistics.median(ratios):.2f}× "
            f"| {statistics.median(less) / statistics.median(base):.2f}× | {p90(less) / p90(base):.2f}× "
            f"| {result['asked'] / len(base):.0%} |"
        )
    return lines


def stage_table(results: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        "| set | " + " | ".join(COLUMNS) + " | whole path | trafilatura alone |",
        "|---|" + "---|" * (len(COLUMNS) + 2),
    ]
    for name, result in results.items():
        per_page = list(result["pages"].values())

        def mean(key: str, rows: list[dict[str, float]] = per_page) -> float:
            return statistics.fmean(p[key] for p in rows)

        whole = mean("path")
        cells = [f"{mean(c):.1f} ({mean(c) / whole:.0%})" for c in COLUMNS]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {whole:.1f} | {mean('baseline'):.1f} |")
    return lines


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "transforms"], cwd=ROOT, capture_output=True)
        return head.stdout.strip() + (" (transforms/ with uncommitted changes)" if dirty.stdout.strip() else "")
    except OSError:
        return "?"


def run_line(run: dict[str, Any]) -> str:
    load = run["load"]
    return (
        f"{', '.join(run['sets'])}: run {run['started']}–{run['finished']} UTC at commit {run['commit']}, "
        f"{run['repeats']} repeats a page (the order of the two alternating)"
        + (f", every {run['every']}th page" if run.get("every", 1) > 1 else "")
        + f", Python {run['python']}, trafilatura "
        f"{run['trafilatura']}; load average at the start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"({run['cores']} cores)."
    )


def report(results: dict[str, dict[str, Any]], runs: list[dict[str, Any]]) -> str:
    return "\n".join(
        [
            "# Cost per page: the whole HTML path against trafilatura alone (bench/extraction_cost.py)",
            "",
            *(f"- {run_line(run)}" for run in runs),
            "",
            "Milliseconds a page. trafilatura alone: `trafilatura.extract(html_bytes, include_comments=False)`."
            " Whole path: `decode_html` -> `parse_html_page` -> `normalise_batch` (normalisation over batches"
            f" of {BATCH} pages, spread evenly). Target (issue 15): whole / trafilatura at most 1.5× on the median.",
            "",
            *set_table(results),
            "",
            "Where the whole path's time goes (mean ms a page, share of the whole path's mean):",
            "",
            *stage_table(results),
            "",
        ]
    )


def _run(
    sets: list[str], repeats: int, started: datetime, load: tuple[float, ...], commit: str, every: int = 1
) -> dict[str, Any]:
    return {
        "sets": sets,
        "started": f"{started:%Y-%m-%d %H:%M}",
        "finished": f"{datetime.now(UTC):%H:%M}",
        "commit": commit,
        "repeats": repeats,
        "every": every,
        "python": sys.version.split()[0],
        "trafilatura": version("trafilatura"),
        "load": list(load),
        "cores": os.cpu_count(),
    }


def _write_predictions(folder: Path, name: str, result: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as out:
        for page_id in result["pages"]:
            row = result["rows"].get(page_id) or {}
            published = row.get("published_local_date")
            fields = {
                "text": row.get("body_text") or "",
                "title": row.get("title"),
                "authors": row.get("authors"),
                "published": published.isoformat() if published else None,
            } | {k: row.get(k) for k in ("site_name", "url", "language", "categories", "tags", "description")}
            out.write(json.dumps({"id": page_id} | fields, ensure_ascii=False) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="the first N pages of each set (0: all)")
    parser.add_argument("--every", type=int, default=1, help="every Nth page of each set (after --limit)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extraction" / "cost.md")
    parser.add_argument("--predictions", type=Path, help="write <set>.jsonl (body_text, title, ...) here")
    parser.add_argument("--json", type=Path, help="write <set>.json (per-page figures, the run) here")
    parser.add_argument("--merge", type=Path, nargs="+", help="no measuring: the report from these <set>.json")
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    runs: list[dict[str, Any]] = []
    if args.merge:
        for path in args.merge:
            saved = json.loads(path.read_text("utf-8"))
            results[saved["run"]["sets"][0]] = saved
            runs.append(saved["run"])
    else:
        started, load, commit = datetime.now(UTC), os.getloadavg(), _commit()  # the code as it was loaded
        for name in args.sets.split(","):
            folder = args.shared / "data" / "extraction" / name
            results[name] = measure_set(folder, args.repeats, args.limit, args.every)
            print(f"{name}: done at {datetime.now(UTC):%H:%M:%S}", file=sys.stderr)
            if args.predictions:
                _write_predictions(args.predictions, name, results[name])
            if args.json:
                args.json.mkdir(parents=True, exist_ok=True)
                saved = {k: results[name][k] for k in ("pages", "asked")}
                saved["run"] = _run([name], args.repeats, started, load, commit, args.every)
                (args.json / f"{name}.json").write_text(json.dumps(saved), "utf-8")
        runs.append(_run(list(results), args.repeats, started, load, commit, args.every))
    text = report(results, runs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
