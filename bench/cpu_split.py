"""CPU inside the extractor calls and outside them, stage by stage, for the HTML and the plain-text ingest.

    python bench/cpu_split.py [--html 300] [--text 3000] [--seed 1] [--workdir DIR] [--out bench/results/cpu_split.md]

Issue 20 point 3. On a `make bench` corpus (bench/corpus.py, smaller by default), each kind of input
(the HTML pages, then the plain-text articles) is ingested by `newsetl ingest --workers 1` run
*inside* a fresh child process of this script, with two changes made in that process only:

- the page workers' work (parsing a page; clean, normalise and annotate of a batch) runs in the
  flow process itself, in the thread that asked for it, instead of a worker process (the same
  functions, called directly: `flows.stages.bounded` / `shared_pool` replaced); the workers'
  warm-up (`flows.page_workers`: one small page and one small text) is done first, unmetered, as the
  workers do it before their first page;
- the functions the flow calls are wrapped with CPU meters (`time.thread_time` of the calling
  thread): the extractor libraries' entry points (trafilatura: every trafilatura / courlan function
  the project's modules imported, `trafilatura.bare_extraction`; readability-lxml: the methods of
  `readability.Document`; htmldate: `find_date`; jusText is not called by the pipeline) and the
  pipeline's stages (decode, the fast pass, the second opinion, the block and line rules, page
  dates and markup, text rules, normalise and its parts, annotate's mentions / quotes / signatures /
  terms, skip-known, enrich, load, checkpoints, checks, publish). A stage's CPU is its own, its
  nested stages and extractor calls taken out; an extractor called inside another (trafilatura's
  own htmldate call) counts once, for the outer one.

Everything the process spent outside every meter (Prefect's task and flow engine, the task
runner's threads, logging, the flow's set-up and teardown, the migrations) is "flow, Prefect and
the rest"; the temporary Prefect API server is a child process, its CPU read with psutil. Moving
the work into one process leaves out what the real run spends sending batches to the worker and
back (pickling) and the worker's own start-up: the same corpus is therefore also ingested the real
way (`newsetl ingest --workers 1` as a subprocess, CPU of its whole process tree, as
bench/pipeline.py measures it) and the difference is reported. Also in the same run: the bare
`trafilatura.extract` loop of `make bench` (a) on the same pages, its CPU per page.

The report goes to bench/results/cpu_split.md and, with every figure, cpu_split.json beside it.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from corpus import ROOT, build_benchmark_corpus  # bench/corpus.py

sys.path.insert(0, str(ROOT))

EXTRACTOR_PACKAGES = {"trafilatura": "trafilatura", "courlan": "trafilatura", "htmldate": "htmldate"}
READABILITY = "readability-lxml"
RESULTS = ROOT / "bench" / "results"

# (module, attribute, stage): the stages metered by wrapping the attribute where the flow looks it up
STAGES: tuple[tuple[str, str, str], ...] = (
    ("flows.acquire", "land_files", "land"),
    ("flows.stages", "extracted_batch", "decode"),
    ("flows.stages", "parse_text_articles", "text rules (clean)"),
    ("flows.stages", "cleaned_batch", "clean: assemble"),
    ("transforms.html.pages", "extract_html", "page: trafilatura pass (blocks, metadata)"),
    ("transforms.html.pages", "extract_html_tree", "page: trafilatura pass (blocks, metadata)"),
    ("transforms.html.pages", "with_searched_author", "page: author search"),
    ("transforms.html.pages", "readability_blocks", "page: second opinion (readability blocks)"),
    ("transforms.html.pages", "vote", "page: second opinion (vote)"),
    ("transforms.html.pages", "parse_html_article", "page: block + line rules"),
    ("transforms.html.pages", "page_candidates", "page: dates + markup"),
    ("transforms.html.pages", "exceeds_parser_depth", "page: depth check"),
    ("flows.stages", "normalise_batch", "normalise (rest)"),
    ("transforms.frames.normalise", "_language", "normalise: language id"),
    ("transforms.frames.normalise", "_fields_frame", "normalise: fields (titles, authors, dates)"),
    ("transforms.frames.normalise", "_blocks_frame", "normalise: blocks frame"),
    ("transforms.frames.normalise", "_spans_frame", "normalise: removed spans frame"),
    ("transforms.frames.normalise", "_article_dates_frame", "normalise: article dates frame"),
    ("flows.enrichment", "annotations_of", "annotate (rest)"),
    ("transforms.analysis.annotations", "mentions_frame", "annotate: mentions"),
    ("transforms.analysis.annotations", "quotes_frame", "annotate: quotes"),
    ("transforms.analysis.annotations", "signatures_frame", "annotate: signatures"),
    ("transforms.analysis.annotations", "terms_frame", "annotate: terms"),
    ("flows.ingest", "publish_snapshot", "publish"),
)
WAREHOUSE_STAGES = {  # Warehouse methods
    "known_documents": "skip-known",
    "load_batch": "load",
    "checkpoint": "load: checkpoint",
    "run_checks": "checks",
}
TASK_STAGES = (("flows.enrichment", "enrich", "enrich"),)  # Prefect tasks: their .fn


# --------------------------------------------------------------------------------------------
# the meters (child process)


@dataclass
class _Frame:
    name: str
    extractor: bool
    started: float
    nested: float = 0.0


class Meter:
    """CPU by stage and by (stage, extractor) over every thread: a stack of open meters per thread."""

    def __init__(self) -> None:
        self.local = threading.local()
        self.lock = threading.Lock()
        self.own: dict[str, float] = defaultdict(float)  # stage -> CPU outside nested stages and extractors
        self.inside: dict[tuple[str, str], float] = defaultdict(float)  # (stage, extractor) -> CPU
        self.calls: dict[str, int] = defaultdict(int)

    def _stack(self) -> list[_Frame]:
        stack = getattr(self.local, "stack", None)
        if stack is None:
            stack = self.local.stack = []
        return stack

    def wrap(self, function: Any, name: str, *, extractor: bool = False) -> Any:
        @functools.wraps(function)
        def metered(*args: Any, **kwargs: Any) -> Any:
            stack = self._stack()
            if stack and stack[-1].extractor:
                return function(*args, **kwargs)  # inside an extractor call: counted there
            frame = _Frame(name, extractor, time.thread_time())
            stack.append(frame)
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.thread_time() - frame.started
                stack.pop()
                if stack:
                    stack[-1].nested += elapsed
                outer = next((f.name for f in reversed(stack) if not f.extractor), "(no stage)")
                with self.lock:
                    self.calls[name] += 1
                    if extractor:
                        self.inside[(outer, name)] += elapsed
                    else:
                        self.own[name] += elapsed - frame.nested

        metered.__wrapped__ = function  # type: ignore[attr-defined]
        return metered


def _extractor_of(value: Any) -> str | None:
    module = getattr(value, "__module__", None) or ""
    return EXTRACTOR_PACKAGES.get(module.split(".")[0])


def install(meter: Meter) -> list[str]:
    """Wrap the extractors' entry points and the stages; the page workers' work in this process. The
    names wrapped, for the report."""
    import flows.enrichment
    import flows.stages
    import transforms.html.pages
    from flows.page_workers import Bounded
    from transforms.html import readability_extraction, trafilatura_extraction
    from warehouse import Warehouse

    # the libraries as their one adapter module each imports them (tests/test_layout.py: no other importer)
    trafilatura = trafilatura_extraction.trafilatura
    wrapped = []
    for name in ("bare_extraction", "extract", "extract_metadata"):
        setattr(trafilatura, name, meter.wrap(getattr(trafilatura, name), "trafilatura", extractor=True))
        wrapped.append(f"trafilatura.{name}")
    document = readability_extraction.Document
    for name, value in list(vars(document).items()):
        if callable(value) and (name == "__init__" or not name.startswith("__")):
            setattr(document, name, meter.wrap(value, READABILITY, extractor=True))
    wrapped.append("readability.Document.* (its methods)")
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith(("transforms.", "flows.", "warehouse.")) or module is None:
            continue
        for attribute, value in list(vars(module).items()):
            library = _extractor_of(value)
            if library and callable(value) and not isinstance(value, type):
                setattr(module, attribute, meter.wrap(value, library, extractor=True))
                wrapped.append(f"{module_name}.{attribute} ({library})")
    for module_name, attribute, stage in STAGES:
        module = sys.modules[module_name]
        if hasattr(module, attribute):  # the page path's entry points move (issue 15's work): those there
            setattr(module, attribute, meter.wrap(getattr(module, attribute), stage))
    for method, stage in WAREHOUSE_STAGES.items():
        setattr(Warehouse, method, meter.wrap(getattr(Warehouse, method), stage))
    for module_name, attribute, stage in TASK_STAGES:
        task = getattr(sys.modules[module_name], attribute)
        task.fn = meter.wrap(task.fn, stage)

    # the page workers' work, here: a batch's bounded stage called directly, a page parsed directly
    def in_process(pool, limit, function, batch, size, take, merge, spent=None):  # noqa: ANN001, ANN202, ARG001
        started = time.perf_counter()
        value = function(batch)
        seconds = time.perf_counter() - started
        return Bounded(value, [], [seconds] if size == 1 else [0.0] * size)

    class InProcessPool:
        def parse(self, pages, on_result=None):  # noqa: ANN001, ANN202
            parse = meter.wrap(transforms.html.pages.parse_html_page, "page: rest")
            results = []
            for html, url in pages:
                results.append(parse(html, url))
                if on_result:
                    on_result()
            return results

    flows.stages.bounded = in_process  # type: ignore[assignment]
    flows.enrichment.bounded = in_process  # type: ignore[assignment]
    flows.stages.shared_pool = lambda *args, **kwargs: InProcessPool()  # type: ignore[assignment]  # noqa: ARG005
    return wrapped


class TreeCpu:
    """The CPU seconds of this process's children (the Prefect API server), polled: a child's last
    reading stays when it has ended."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.own_cpu = 0.0

    def _poll(self) -> None:
        me = psutil.Process()
        while not self.stop.wait(0.5):
            for child in me.children(recursive=True):
                try:
                    times = child.cpu_times()
                except psutil.Error:
                    continue
                self.seen[child.pid] = max(self.seen.get(child.pid, 0.0), times.user + times.system)
        self.own_cpu = time.thread_time()

    def __enter__(self) -> TreeCpu:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def _snapshot(meter: Meter) -> dict[str, Any]:
    children = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        children += times.user + times.system
    with meter.lock:
        return {
            "process_cpu_seconds": time.process_time(),
            "children_cpu_seconds": children,
            "own": dict(meter.own),
            "inside": dict(meter.inside),
        }


def window_edges(meter: Meter) -> tuple[dict, dict]:
    """The batches' window: from the first batch's landing to the end of the last batch's load (the
    run's set-up before and its checks and publishing after are left out, as bench/pipeline.py's rates
    leave them out); a snapshot of the meters and the process's CPU at each edge."""
    import flows.acquire
    from warehouse import Warehouse

    start: dict[str, Any] = {}
    end: dict[str, Any] = {}
    land, load = flows.acquire.land_files, Warehouse.load_batch

    @functools.wraps(land)
    def first_land(*args: Any, **kwargs: Any) -> Any:
        if not start:
            start.update(_snapshot(meter))
        return land(*args, **kwargs)

    @functools.wraps(load)
    def last_load(*args: Any, **kwargs: Any) -> Any:
        try:
            return load(*args, **kwargs)
        finally:
            end.update(_snapshot(meter))

    flows.acquire.land_files = first_land  # type: ignore[assignment]
    Warehouse.load_batch = last_load  # type: ignore[method-assign]
    return start, end


def window(start: dict[str, Any], end: dict[str, Any]) -> dict[str, Any]:
    inside_end, inside_start = end["inside"], start["inside"]
    return {
        "process_cpu_seconds": end["process_cpu_seconds"] - start["process_cpu_seconds"],
        "children_cpu_seconds": end["children_cpu_seconds"] - start["children_cpu_seconds"],
        "own": {k: v - start["own"].get(k, 0.0) for k, v in end["own"].items()},
        "inside": [[stage, ex, v - inside_start.get((stage, ex), 0.0)] for (stage, ex), v in inside_end.items()],
    }


def inner(kind: str, folder: Path, db: Path, out: Path) -> int:
    """One metered in-process ingest of `folder`: the figures as JSON in `out`."""
    import flows.acquire  # noqa: F401 - the modules whose names are wrapped
    import flows.finish  # noqa: F401
    import flows.ingest  # noqa: F401
    import transforms.frames.normalise  # noqa: F401
    from flows.cli import app
    from flows.page_workers import WARM_UP_PAGE, _warm_up_stages
    from transforms.html.pages import parse_html_page

    meter = Meter()
    wrapped = install(meter)
    edges = window_edges(meter)
    parse_html_page(WARM_UP_PAGE, None)  # the workers' warm-up (first-use costs), before any meter counts
    _warm_up_stages()
    meter.own.clear()
    meter.inside.clear()
    meter.calls.clear()
    children_before = os.times()
    wall, cpu = time.perf_counter(), time.process_time()
    with TreeCpu() as tree:
        try:
            app(["ingest", str(folder), "--db", str(db), "--no-progress", "--workers", "1"], standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children_after = os.times()
    waited = (children_after.children_user + children_after.children_system) - (
        children_before.children_user + children_before.children_system
    )
    result = {
        "kind": kind,
        "documents": sum(1 for p in folder.rglob("*") if p.is_file()),
        "wall_seconds": wall,
        "process_cpu_seconds": cpu,
        "poller_cpu_seconds": tree.own_cpu,
        "children_cpu_seconds": max(waited, sum(tree.seen.values())),
        "own": dict(meter.own),
        "inside": [[stage, extractor, seconds] for (stage, extractor), seconds in meter.inside.items()],
        "window": window(*edges),
        "calls": dict(meter.calls),
        "wrapped": wrapped,
    }
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


# --------------------------------------------------------------------------------------------
# the outer run


def bare_trafilatura(pages: list[Path]) -> float:
    """(a) of `make bench`: CPU seconds of `trafilatura.extract` with the fast pass's options over the pages."""
    from transforms.html.trafilatura_extraction import fast_pass_text

    data = [p.read_bytes() for p in pages]
    fast_pass_text(data[0])
    started = time.process_time()
    for d in data:
        fast_pass_text(d)
    return time.process_time() - started


def real_ingest(folder: Path, db: Path, env: dict[str, str], logs: Path) -> dict[str, Any]:
    from pipeline import run_ingest  # bench/pipeline.py: the tree's CPU as `make bench` measures it

    run = run_ingest(f"real-{folder.name}", [folder], db, env, logs, 1)
    return {"wall_seconds": run.seconds, "flow_seconds": run.flow_seconds, "tree_cpu_seconds": run.cpu_seconds}


def split(result: dict[str, Any], htmldate_inside: bool) -> dict[str, Any]:
    """Per stage: CPU outside the extractors and inside them (ms per document)."""
    n = result["documents"]
    result = result["window"]
    outside: dict[str, float] = defaultdict(float, result["own"])
    inside: dict[str, float] = defaultdict(float)
    by_extractor: dict[str, float] = defaultdict(float)
    for stage, extractor, seconds in result["inside"]:
        if extractor == "htmldate" and not htmldate_inside:
            outside[stage] += seconds
        else:
            inside[stage] += seconds
            by_extractor[extractor] += seconds
    metered = sum(result["own"].values()) + sum(s for *_, s in result["inside"])
    rest = result["process_cpu_seconds"] - metered
    outside["flow, Prefect and the rest (this process)"] += rest
    outside["Prefect API server (child process)"] += result["children_cpu_seconds"]
    total_inside = sum(inside.values())
    return {
        "inside_ms": 1000 * total_inside / n,
        "outside_ms": 1000 * sum(outside.values()) / n,
        "by_extractor_ms": {k: 1000 * v / n for k, v in sorted(by_extractor.items())},
        "stages": sorted(
            (
                (stage, 1000 * outside.get(stage, 0.0) / n, 1000 * inside.get(stage, 0.0) / n)
                for stage in set(outside) | set(inside)
            ),
            key=lambda row: -(row[1] + row[2]),
        ),
        "ratio": sum(outside.values()) / total_inside if total_inside else None,
    }


def report(results: dict[str, Any], meta: dict[str, Any]) -> str:
    html, text = results["html"], results["text"]
    a_ms = 1000 * meta["bare_trafilatura_cpu_seconds"] / html["documents"]
    lines = [
        "# CPU inside the extractor calls and outside them (issue 20 point 3)",
        "",
        f"`{meta['command']}` at {meta['commit']}, {meta['date']}; {meta['machine']}. Corpus (bench/corpus.py, "
        f"seed {meta['seed']}): {html['documents']} HTML pages, {text['documents']} plain-text articles. "
        "How it is measured: bench/cpu_split.py's docstring (each kind ingested with `--workers 1` semantics "
        "in one process, every stage and extractor entry point wrapped with a thread-CPU meter).",
        "",
        f"Bare `trafilatura.extract` loop on the same pages (`make bench` (a)): **{a_ms:.1f} ms CPU per page**.",
        "",
    ]
    for label, result in (("HTML pages, one worker", html), ("Plain text", text)):
        n = result["documents"]
        with_date, without_date = split(result, True), split(result, False)
        lines += [
            f"## {label}: {n} documents",
            "",
            f"In the batches' window (first landing to the last load's end: the run's set-up, checks and "
            f"publishing left out, as `make bench`'s rates leave them out): "
            f"{1000 * result['window']['process_cpu_seconds'] / n:.1f} ms CPU per document in the process, "
            f"{1000 * result['window']['children_cpu_seconds'] / n:.1f} in Prefect's API server. The whole run: "
            f"{result['process_cpu_seconds']:.1f} s CPU in the process and "
            f"{result['children_cpu_seconds']:.1f} s in the server ({result['wall_seconds']:.1f} s wall); "
            f"checks {result['own'].get('checks', 0.0):.2f} s and publish {result['own'].get('publish', 0.0):.2f} s "
            "of it. Figures below are for the window, ms per document.",
            "",
        ]
        if with_date["inside_ms"]:
            lines += [
                "| extractors counted | inside, ms/doc | outside, ms/doc | outside / inside | target ≤ 0.3 |",
                "|---|---|---|---|---|",
            ]
            for name, s in (
                ("trafilatura, readability-lxml, htmldate", with_date),
                ("trafilatura, readability-lxml (htmldate outside)", without_date),
            ):
                verdict = "met" if s["ratio"] <= 0.3 else f"over by {100 * (s['ratio'] - 0.3) / 0.3:.0f} %"
                lines.append(
                    f"| {name} | {s['inside_ms']:.1f} | {s['outside_ms']:.1f} | {s['ratio']:.2f} | {verdict} |"
                )
            lines += [
                "",
                "By extractor (ms/doc): "
                + ", ".join(f"{k} {v:.1f}" for k, v in with_date["by_extractor_ms"].items())
                + ".",
                "",
                "Per stage (ms per document; the ratio column is the stage's outside CPU over all CPU inside the "
                "extractors, htmldate counted inside / outside; the ratios add up to the total's):",
                "",
                "| stage | outside, ms/doc | inside, ms/doc | outside / all inside | same, htmldate outside |",
                "|---|---|---|---|---|",
            ]
            outside_no_date = {stage: out for stage, out, _ in without_date["stages"]}
            for stage, out, inn in with_date["stages"]:
                lines.append(
                    f"| {stage} | {out:.2f} | {inn:.2f} | {out / with_date['inside_ms']:.3f} | "
                    f"{outside_no_date.get(stage, 0.0) / without_date['inside_ms']:.3f} |"
                )
        else:
            lines += [
                "No extractor is called for plain text: all of it is outside. Per stage (ms per article), and "
                f"beside it the share of the bare trafilatura CPU per page ({a_ms:.1f} ms) — the text target, "
                f"≥ 10 × (a)'s rate, needs the whole path under {a_ms / 10:.1f} ms of CPU per article on one core "
                f"(or under {2 * a_ms / 10:.1f} ms spread over two, the flow and its one worker):",
                "",
                "| stage | ms/article | × (a)'s ms per page |",
                "|---|---|---|",
            ]
            for stage, out, _ in with_date["stages"]:
                lines.append(f"| {stage} | {out:.2f} | {out / a_ms:.3f} |")
            lines.append(f"| **all** | {with_date['outside_ms']:.2f} | {with_date['outside_ms'] / a_ms:.3f} |")
        real = meta["real"][result["kind"]]
        if real["tree_cpu_seconds"] != real["tree_cpu_seconds"]:  # nan: --no-real
            lines.append("")
            continue
        in_process = result["process_cpu_seconds"] + result["children_cpu_seconds"]
        lines += [
            "",
            f"The real run (`newsetl ingest --workers 1`, a subprocess, its whole tree): "
            f"{1000 * real['tree_cpu_seconds'] / n:.1f} ms CPU per document against {1000 * in_process / n:.1f} here "
            f"(the in-process run leaves out the hand-over to the worker process, the worker's and the "
            f"forkserver's start-up: {1000 * (real['tree_cpu_seconds'] - in_process) / n:+.1f} ms per document, the "
            f"CLI's imports and the server's start included there); its rate "
            f"{n / real['flow_seconds']:.1f} docs/s in the flow.",
            "",
        ]
    lines += [
        "Wrapped extractor entry points: " + "; ".join(f"`{w}`" for w in meta["wrapped"]) + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=int, default=300)
    parser.add_argument("--text", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--out", type=Path, default=RESULTS / "cpu_split.md")
    parser.add_argument("--no-real", action="store_true", help="skip the real subprocess ingests")
    parser.add_argument("--inner", nargs=4, metavar=("KIND", "FOLDER", "DB", "JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        kind, folder, db, out = args.inner
        return inner(kind, Path(folder), Path(db), Path(out))
    workdir = args.workdir.absolute() if args.workdir else Path(tempfile.mkdtemp(prefix="newsetl-cpu-split-"))
    corpus = workdir / f"corpus-{args.html}-{args.text}-{args.seed}"  # kept in --workdir, reused at the same sizes
    if not corpus.exists():
        build_benchmark_corpus(corpus, args.html, args.text, args.seed)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSETL_") and k != "PREFECT_API_URL"}
    env |= {
        "PREFECT_HOME": str(workdir / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PYTHONPATH": str(ROOT),
        "NEWSETL_PREFECT_SERVER": "temporary",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",  # a busy machine: the default 20 s fails
        "PREFECT_API_REQUEST_TIMEOUT": "600",
    }
    results, real = {}, {}
    for kind in ("html", "text"):
        out = workdir / f"{kind}.json"
        db = workdir / "wh" / f"in-process-{kind}" / "news.duckdb"
        print(f"[cpu_split {time.strftime('%H:%M:%S')}] {kind}: in-process metered ingest", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, __file__, "--inner", kind, str(corpus / kind), str(db), str(out)],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        results[kind] = json.loads(out.read_text(encoding="utf-8"))
        if not args.no_real:
            real[kind] = real_ingest(
                corpus / kind, workdir / "wh" / f"real-{kind}" / "news.duckdb", env, workdir / "logs"
            )
    html_pages = sorted((corpus / "html").rglob("*.html"))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    meta = {
        "command": "python bench/cpu_split.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "commit": commit,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, load average at the end {[round(x, 2) for x in os.getloadavg()]}",
        "seed": args.seed,
        "bare_trafilatura_cpu_seconds": bare_trafilatura(html_pages),
        "real": real or {k: {"tree_cpu_seconds": float("nan"), "flow_seconds": float("nan")} for k in results},
        "wrapped": results["html"]["wrapped"],
    }
    text = report(results, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    summary = {
        "meta": meta,
        "results": {k: {key: v for key, v in r.items() if key != "wrapped"} for k, r in results.items()},
        "split": {
            k: {"htmldate_inside": split(r, True), "htmldate_outside": split(r, False)} for k, r in results.items()
        },
    }
    args.out.with_suffix(".json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
