"""Throughput benchmark: the ingest against a bare trafilatura loop, side by side in one run.

    python bench/pipeline.py [--html 1000] [--text 10000] [--rss-sizes 1000,10000] [--workdir DIR]

On one corpus (bench/corpus.py: varied copies of the 311 shared pages, seed-shaped text articles),
in this order:

  (g) fixed start-up cost: `newsetl ingest` of one tiny page and one tiny text article on a fresh
      warehouse: its wall time (imports, Prefect's ephemeral API, flow-run set-up) and its time
      inside the flow (migrations, the page worker warming up, checks, publishing); median of 3,
      after one warm-up run that creates the Prefect database. Also one text article alone and
      the imports alone. Every run's own start-up is left out of the rates below.
  (a) a bare loop of `trafilatura.extract(page_bytes, **EXTRACT_OPTIONS)` over the HTML pages,
      in this process, pages read into memory first (the fast pass's options, see
      transforms/html/trafilatura_extraction.py); measured before and after the ingests, the mean counts.
  (b) `newsetl ingest CORPUS/html --workers 1` on a fresh warehouse;
  (d) the same command again on that warehouse: nothing changed;
  (c) `newsetl ingest CORPUS/html --workers 2` on a fresh warehouse;
  (e) `newsetl ingest CORPUS/text --workers 1` on a fresh warehouse;
  (f) peak RSS of `newsetl ingest` (default workers: 2 on 2 cores) over the first 1,000 and
      10,000 documents of a 10 % HTML / 90 % text mix (hard links into the corpus).

Every ingest is a subprocess on its own warehouse under the work folder; its RSS and CPU time are
polled every 0.1 s with psutil over the whole process tree (ingest, Prefect's API server,
forkserver and page workers: RSS summed, counting shared pages once per process). docs/s =
documents / the run's seconds inside the flow (its summary line `batches N in X s`: imports,
Prefect's API start, flow-run set-up and teardown left out, measured per run, so a machine
busier during (g) than during (b) does not skew the rates). The result goes to
bench/results/pipeline-<date>.json and, as a table, to BENCHMARKS.md (newest run first).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

from corpus import EXTRACTION, ROOT, build_benchmark_corpus  # bench/corpus.py

sys.path.insert(0, str(ROOT))
from transforms.html.trafilatura_extraction import EXTRACT_OPTIONS, fast_pass_text  # noqa: E402

NEWSETL = ROOT / ".venv" / "bin" / "newsetl"
PYTHON = ROOT / ".venv" / "bin" / "python"
RESULTS = ROOT / "bench" / "results"
POLL_SECONDS = 0.1
STARTUP_REPEATS = 3
TARGETS = {  # name: (description, threshold, higher is better)
    "b_over_a": ("(b) ≥ 0.85 × (a) docs/s", 0.85, True),
    "c_over_a": ("(c) ≥ 1.6 × (a) docs/s", 1.6, True),
    "d_time_share": ("(d) time ≤ 5 % of (b)'s", 0.05, False),
    "e_over_a": ("(e) ≥ 10 × (a) docs/s", 10.0, True),
    "rss_large_over_small": ("RSS at 10,000 ≤ 1.3 × RSS at 1,000", 1.3, False),
}
TINY_PAGE = (
    "<html lang='en'><head><title>Start-up probe</title></head><body><article><h1>Start-up probe</h1>"
    "<p>The harbour council approved the budget for the new railway bridge on Tuesday evening, after a "
    "long debate about the cost of the works and the noise they will bring.</p>"
    "<p>Work starts in the spring and should end before the festival season of next year.</p>"
    "</article></body></html>"
)
TINY_TEXT = (
    "Start-up probe\n\nThe harbour council approved the budget for the new railway bridge on Tuesday "
    "evening, after a long debate about the cost of the works.\n"
)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Ingest:
    name: str
    command: list[str]
    seconds: float  # wall, from start to exit
    flow_seconds: float | None  # the run's own "batches N in X s": inside the flow, start-up excluded
    cpu_seconds: float  # user + system of the whole tree (psutil samples; page workers included)
    peak_rss_mb: float  # peak of the summed RSS of the process tree (psutil, every 0.1 s)
    peak_rss_by_process: dict[str, float]  # that peak by kind: ingest, prefect_server, forkserver, page_workers
    max_process_rss_mb: float  # largest single process (ru_maxrss of the tree)
    rc: int
    loaded: int | None
    unchanged: int | None
    rejected: int | None


def _kind(member: psutil.Process, root: psutil.Process, kinds: dict[int, str]) -> str:
    """Which part of the run a process is: the ingest, Prefect's API server, the forkserver, a page worker."""
    if member.pid not in kinds:
        command = " ".join(member.cmdline())
        kinds[member.pid] = (
            "ingest"
            if member.pid == root.pid
            else "page_workers"
            if kinds.get(member.ppid()) == "forkserver"  # same command line
            else "prefect_server"
            if "uvicorn" in command
            else "forkserver"
            if "forkserver" in command
            else "other"
        )
    return kinds[member.pid]


def _sample_tree(proc: psutil.Process, cpu: dict[int, float], kinds: dict[int, str]) -> dict[str, int]:
    """The RSS of the process tree now, by kind of process; each member's CPU seconds so far go into `cpu`."""
    rss: dict[str, int] = {}
    try:
        members = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return rss
    for member in members:
        try:
            with member.oneshot():
                kind = _kind(member, proc, kinds)
                rss[kind] = rss.get(kind, 0) + member.memory_info().rss
                times = member.cpu_times()
            cpu[member.pid] = max(cpu.get(member.pid, 0.0), times.user + times.system)
        except psutil.Error:
            pass
    return rss


def _count(pattern: str, text: str) -> int | None:
    match = re.search(rf"^{pattern}\s+(\d+)\s*$", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def run_ingest(name: str, paths: list[Path], db: Path, env: dict[str, str], logs: Path, workers: int | None) -> Ingest:
    command = [str(NEWSETL), "ingest", *map(str, paths), "--db", str(db), "--no-progress"]
    if workers is not None:
        command += ["--workers", str(workers)]
    logs.mkdir(parents=True, exist_ok=True)
    log_path = logs / f"{name}.log"
    with log_path.open("w") as out:
        started = time.perf_counter()
        popen = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        proc = psutil.Process(popen.pid)
        peak, at_peak, cpu, kinds = 0, {}, {}, {}
        while True:
            pid, status, usage = os.wait4(popen.pid, os.WNOHANG)
            if pid:
                break
            sample = _sample_tree(proc, cpu, kinds)
            if sum(sample.values()) > peak:
                peak, at_peak = sum(sample.values()), sample
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - started
    popen.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(errors="replace")
    if popen.returncode != 0:
        raise SystemExit(f"{name}: `{' '.join(command)}` exited {popen.returncode}; see {log_path}:\n{text[-3000:]}")
    flow = re.search(r"^batches\s+\d+ in ([\d.]+) s", text, re.MULTILINE)
    tree_cpu = max(usage.ru_utime + usage.ru_stime, sum(cpu.values()))
    result = Ingest(
        name,
        command,
        round(seconds, 3),
        float(flow.group(1)) if flow else None,
        round(tree_cpu, 3),
        round(peak / 2**20, 1),
        {k: round(v / 2**20, 1) for k, v in sorted(at_peak.items())},
        round(usage.ru_maxrss / 2**10, 1),
        popen.returncode,
        _count("loaded", text),
        _count("unchanged", text),
        _count("rejected", text),
    )
    log(
        f"{name}: {seconds:.1f} s wall ({result.flow_seconds} s in the flow), {result.cpu_seconds:.1f} s CPU, "
        f"peak RSS {result.peak_rss_mb:.0f} MB, loaded {result.loaded}, unchanged {result.unchanged}, "
        f"rejected {result.rejected}"
    )
    return result


def baseline_loop(pages: list[Path]) -> dict[str, float]:
    """(a): trafilatura.extract over the pages, read into memory first; one warm-up call untimed."""
    data = [p.read_bytes() for p in pages]
    fast_pass_text(data[0])
    wall, cpu = time.perf_counter(), time.process_time()
    empty = sum(1 for d in data if not fast_pass_text(d))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    log(f"(a) trafilatura.extract: {len(data)} pages in {wall:.1f} s ({len(data) / wall:.1f} docs/s), {empty} empty")
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), "docs": len(data), "empty": empty}


def startup_probe(workdir: Path, env: dict[str, str], logs: Path) -> dict[str, object]:
    probe = workdir / "probe"
    (probe / "both").mkdir(parents=True, exist_ok=True)
    (probe / "text").mkdir(parents=True, exist_ok=True)
    (probe / "both" / "probe.html").write_text(TINY_PAGE, encoding="utf-8")
    (probe / "both" / "probe.txt").write_text(TINY_TEXT, encoding="utf-8")
    (probe / "text" / "probe.txt").write_text(TINY_TEXT, encoding="utf-8")
    run_ingest("g-warmup", [probe / "both"], workdir / "wh" / "g-warmup" / "news.duckdb", env, logs, 1)
    both_runs = [
        run_ingest(f"g-{i}", [probe / "both"], workdir / "wh" / f"g-{i}" / "news.duckdb", env, logs, 1)
        for i in range(STARTUP_REPEATS)
    ]
    text = [
        run_ingest(
            f"g-text-{i}", [probe / "text"], workdir / "wh" / f"g-text-{i}" / "news.duckdb", env, logs, 1
        ).seconds
        for i in range(STARTUP_REPEATS)
    ]
    both = [r.seconds for r in both_runs]
    in_flow = [r.flow_seconds or 0.0 for r in both_runs]
    imports = []
    for _ in range(STARTUP_REPEATS):
        started = time.perf_counter()
        subprocess.run([str(PYTHON), "-c", "import flows.ingest"], cwd=ROOT, env=env, check=True)
        imports.append(time.perf_counter() - started)
    return {
        "seconds": round(statistics.median(both), 3),
        "runs": both,
        "flow_seconds": round(statistics.median(in_flow), 3),
        "text_only_seconds": round(statistics.median(text), 3),
        "text_only_runs": text,
        "imports_seconds": round(statistics.median(imports), 3),
    }


def mix_folder(target: Path, html: list[Path], text: list[Path]) -> int:
    """Hard links (copies where links fail) to the given files: a corpus of their union."""
    if target.exists():
        shutil.rmtree(target)
    for group, files in (("html", html), ("text", text)):
        (target / group).mkdir(parents=True)
        for f in files:
            link = target / group / f"{f.parent.name}-{f.name}"
            try:
                os.link(f, link)
            except OSError:
                shutil.copyfile(f, link)
    return len(html) + len(text)


def machine() -> dict[str, object]:
    model = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": model,
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def ratio_rows(ratios: dict[str, float]) -> list[tuple[str, float, str]]:
    rows = []
    for key, (label, threshold, higher) in TARGETS.items():
        if key not in ratios:
            continue
        value = ratios[key]
        met = value >= threshold if higher else value <= threshold
        if met:
            verdict = "met"
        elif higher:
            verdict = f"short by {100 * (threshold - value) / threshold:.0f} %"
        else:
            verdict = f"over by {100 * (value - threshold) / threshold:.0f} %"
        rows.append((label, value, verdict))
    return rows


def markdown(result: dict) -> str:
    r, m, c = result["runs"], result["machine"], result["corpus"]
    lines = [
        f"### Throughput run of {result['date']}",
        "",
        f"`{result['command']}` on {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}; "
        f"load average at start {m['load_average_at_start']}; whole run {result['total_seconds'] / 60:.1f} min.",
        f"Corpus: {c['html']} HTML pages ({c['html_mb']} MB), {c['text']} text articles ({c['text_mb']} MB).",
        "",
        "| run | documents | wall s | in the flow, s | docs/s | CPU s (tree) | peak RSS MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, label in (
        ("a", "(a) trafilatura.extract loop"),
        ("b", "(b) ingest HTML, 1 worker"),
        ("c", "(c) ingest HTML, 2 workers"),
        ("d", "(d) second ingest, nothing changed"),
        ("e", "(e) ingest plain text"),
        ("f_small", "(f) ingest 10 % HTML mix"),
        ("f_large", "(f) ingest 10 % HTML mix"),
    ):
        if key not in r:
            continue
        run = r[key]
        rss = run.get("peak_rss_mb", "")
        lines.append(
            f"| {label} | {run['docs']} | {run['seconds']:.1f} | {run['net_seconds']:.1f} | "
            f"{run['docs_per_s']:.1f} | {run['cpu_seconds']:.1f} | {rss} |"
        )
    g = r.get("g")
    startups = ", ".join(f"({k}) {r[k]['startup_seconds']:.0f} s" for k in "bcde" if k in r)
    if g:
        lines.append(
            f"| (g) start-up: tiny ingest (1 page + 1 text) | 2 | {g['seconds']:.1f} | {g['flow_seconds']:.1f} | | | |"
        )
    lines += [
        "",
        "docs/s = documents / seconds in the flow (the run's own summary line, `batches N in X s`): each "
        "run's start-up (imports, Prefect's API, flow-run set-up and teardown) is left out, "
        f"{startups} here. "
        + (
            "Peak RSS by process (MB): "
            + "; ".join(
                f"{r[k]['docs']:,} mix documents: "
                + ", ".join(f"{kind} {mb:.0f}" for kind, mb in r[k].get("peak_rss_by_process", {}).items())
                for k in ("f_small", "f_large")
            )
            + ". "
            if "f_small" in r
            else ""
        )
        + (
            f"(g) also: one text article {g['text_only_seconds']:.1f} s, `import flows.ingest` alone "
            f"{g['imports_seconds']:.1f} s. "
            if g
            else ""
        )
        + "(a) before/after the ingests: "
        f"{r['a']['runs_docs_per_s'][0]:.1f} / {r['a']['runs_docs_per_s'][1]:.1f} docs/s.",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    lines += [f"| {label} | {value:.3f} | {verdict} |" for label, value, verdict in ratio_rows(result["ratios"])]
    return "\n".join(lines) + "\n"


RUNS_MARKER = "<!-- throughput runs: bench/pipeline.py adds each run below this line, newest first -->"


def record_table(path: Path, table: str) -> None:
    """The run's table under the marker of BENCHMARKS.md's throughput section (at the end if none)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if RUNS_MARKER in text:
        text = text.replace(RUNS_MARKER, f"{RUNS_MARKER}\n\n{table.rstrip()}", 1)
    else:
        text = text.rstrip("\n") + f"\n\n## Throughput: ingest vs trafilatura\n\n{RUNS_MARKER}\n\n{table}"
    path.write_text(text, encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=int, default=1000, help="HTML pages in the corpus (default 1000)")
    parser.add_argument("--text", type=int, default=10000, help="text articles in the corpus (default 10000)")
    parser.add_argument("--rss-sizes", default="1000,10000", help="the two mix sizes of (f) (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated runs to make, e.g. 'a,e' (default: all of a-g); the targets of the others are left out",
    )
    parser.add_argument("--workdir", type=Path, help="default: a temporary folder, removed at the end")
    parser.add_argument("--out", type=Path, help="JSON result (default bench/results/pipeline-<date>.json)")
    parser.add_argument(
        "--markdown",
        type=Path,
        default=ROOT / "BENCHMARKS.md",
        help="add the table here (default BENCHMARKS.md); '-' to only print it",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    small, large = (int(x) for x in args.rss_sizes.split(","))
    html_share = 0.1
    wanted = set(args.only.replace(" ", "").split(",")) - {""} or set("abcdefg")
    n_text = max(args.text, round(large * (1 - html_share))) if "f" in wanted else args.text
    if "f" in wanted and args.html < round(large * html_share):
        raise SystemExit(f"--html {args.html} is too small for a {large}-document mix with 10 % HTML")
    if not EXTRACTION.is_dir():
        raise SystemExit(f"{EXTRACTION} is missing: the corpus is built from its HTML pages")
    workdir = args.workdir.absolute() if args.workdir else Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    for name in ("corpus", "wh", "logs", "prefect", "probe", "mix"):
        shutil.rmtree(workdir / name, ignore_errors=True)
    logs = workdir / "logs"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSETL_") and k != "PREFECT_API_URL"}
    env |= {
        "PREFECT_HOME": str(workdir / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PYTHONPATH": str(ROOT),
        "NEWSETL_PREFECT_SERVER": "temporary",  # as the committed figures were measured; no server left behind
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",  # a busy machine: the default 20 s fails
        "PREFECT_API_REQUEST_TIMEOUT": "600",
    }  # this checkout's code, wherever the environment was installed from
    load_start = [round(x, 2) for x in os.getloadavg()]

    log(f"building the corpus in {workdir}/corpus: {args.html} HTML pages, {n_text} text articles")
    corpus = workdir / "corpus"
    build_benchmark_corpus(corpus, args.html, n_text, args.seed)
    html_files = sorted((corpus / "html").rglob("*.html"))
    text_files = sorted((corpus / "text").glob("*.txt"))
    size_mb = lambda files: round(sum(f.stat().st_size for f in files) / 2**20, 1)  # noqa: E731

    if "d" in wanted:
        wanted.add("b")  # (d) re-runs (b)'s warehouse
    g = startup_probe(workdir, env, logs) if "g" in wanted else None
    if g:
        log(
            f"(g) start-up {g['seconds']:.2f} s (text only {g['text_only_seconds']:.2f} s, "
            f"imports {g['imports_seconds']:.2f} s)"
        )
    a_first = baseline_loop(html_files)
    wh = workdir / "wh"
    done: dict[str, Ingest] = {}
    if "b" in wanted:
        done["b"] = run_ingest("b-html-1-worker", [corpus / "html"], wh / "b" / "news.duckdb", env, logs, 1)
    if "d" in wanted:
        done["d"] = run_ingest("d-second-ingest", [corpus / "html"], wh / "b" / "news.duckdb", env, logs, 1)
    if "c" in wanted:
        done["c"] = run_ingest("c-html-2-workers", [corpus / "html"], wh / "c" / "news.duckdb", env, logs, 2)
    if "e" in wanted:
        done["e"] = run_ingest("e-text", [corpus / "text"], wh / "e" / "news.duckdb", env, logs, 1)
    for label, size in (("f_small", small), ("f_large", large)) if "f" in wanted else ():
        n_html = round(size * html_share)
        folder = workdir / "mix" / str(size)
        mix_folder(folder, html_files[:n_html], text_files[: size - n_html])
        done[label] = run_ingest(f"f-mix-{size}", [folder], wh / f"f{size}" / "news.duckdb", env, logs, None)
    a_last = baseline_loop(html_files)

    def rate(run: Ingest, docs: int, fixed: float) -> dict:
        """docs/s over the run's time inside the flow (its own start-up excluded); over its wall time
        less the probe's start-up when the summary gave no time."""
        net = run.flow_seconds if run.flow_seconds is not None else max(run.seconds - fixed, 1e-9)
        return asdict(run) | {
            "docs": docs,
            "net_seconds": round(net, 3),
            "docs_per_s": round(docs / net, 2),
            "startup_seconds": round(run.seconds - net, 3),
        }

    a_seconds = (a_first["seconds"] + a_last["seconds"]) / 2
    fixed = {k: 0.0 if g is None else float(g["text_only_seconds" if k in "de" else "seconds"]) for k in done}  # type: ignore[arg-type]
    sizes = {"f_small": small, "f_large": large}
    runs: dict[str, dict] = {
        "a": {
            "docs": len(html_files),
            "seconds": round(a_seconds, 3),
            "net_seconds": round(a_seconds, 3),
            "docs_per_s": round(len(html_files) / a_seconds, 2),
            "cpu_seconds": round((a_first["cpu_seconds"] + a_last["cpu_seconds"]) / 2, 3),
            "runs_docs_per_s": [round(len(html_files) / x["seconds"], 2) for x in (a_first, a_last)],
            "options": dict(EXTRACT_OPTIONS),
        },
    } | {
        k: rate(run, sizes.get(k, len(text_files) if k == "e" else len(html_files)), fixed[k])
        for k, run in done.items()
    }
    if g is not None:
        runs["g"] = g
    a_rate = runs["a"]["docs_per_s"]
    ratios = {}
    for key, needs, value in (
        ("b_over_a", "b", lambda: runs["b"]["docs_per_s"] / a_rate),
        ("c_over_a", "c", lambda: runs["c"]["docs_per_s"] / a_rate),
        ("d_time_share", "bd", lambda: runs["d"]["net_seconds"] / runs["b"]["net_seconds"]),
        ("e_over_a", "e", lambda: runs["e"]["docs_per_s"] / a_rate),
        ("rss_large_over_small", "f", lambda: runs["f_large"]["peak_rss_mb"] / runs["f_small"]["peak_rss_mb"]),
    ):
        if set(needs) <= wanted:
            ratios[key] = round(value(), 4 if key == "d_time_share" else 3)
    now = datetime.now(UTC)
    result = {
        "date": now.strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python bench/pipeline.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine() | {"load_average_at_start": load_start},
        "corpus": {
            "html": len(html_files),
            "text": len(text_files),
            "html_mb": size_mb(html_files),
            "text_mb": size_mb(text_files),
            "seed": args.seed,
            "mix_html_share": html_share,
        },
        "runs": runs,
        "ratios": ratios,
        "targets": {
            k: {"target": t[0], "met": v == "met", "verdict": v}
            for (k, t), (_, _, v) in zip(
                [item for item in TARGETS.items() if item[0] in ratios], ratio_rows(ratios), strict=True
            )
        },
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    out = args.out or RESULTS / f"pipeline-{now:%Y-%m-%d-%H%M}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    table = markdown(result)
    print(table)
    if str(args.markdown) != "-":
        record_table(args.markdown, table)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    log(
        f"done in {result['total_seconds'] / 60:.1f} min; JSON {out}"
        + (f", table appended to {args.markdown}" if str(args.markdown) != "-" else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
