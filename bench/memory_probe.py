"""Peak memory of the ingest's process tree, by process (issue 20's peak-RSS target).

    python bench/memory_probe.py --base W --fresh FRESH --work DIR [--tree TREE] [--label L] [--out OUT.json]
    python bench/memory_probe.py --tables A.json B.json ...
    python bench/memory_probe.py --components [--tree TREE]

One `newsetl ingest FRESH --db DB --no-progress --workers 2` (bench/scale.py's fresh mix: 1,000 plain-text
articles and 200 HTML pages) into a copy of the warehouse folder `--base` (its news.duckdb and published/,
as bench/scale.py leaves it after `--prepare`), run with the code and venv of `--tree` (default: this
tree; for a before/after pair, two `git archive` folders each with its own venv). While it runs, every
0.1 s: the RSS of each process of the tree, by role, the writer (the flow's own process), the forkserver
(flows/page_workers.py starts page workers from it), the page workers (the forkserver's children),
Prefect's temporary server, the rest (multiprocessing's resource tracker); every second also the
proportional set size (PSS: a page shared by n processes counts 1/n in each), which RSS sums overcount
when processes share pages copy-on-write. Reported: the peak of the summed RSS (bench/scale.py's
figure, the target's) and PSS, each role's peak, the flow's seconds (summary line `batches N in X s`),
and a content hash of every warehouse table after the ingest: the rows with the columns that differ
from run to run by construction left out (load and run ids, uuid-based ids, wall-clock times, durations),
so two trees that load the same rows give the same hashes.

--components: the RSS of a fresh process of the tree after each step of what a writer and a page worker
load (imports, the models and word lists), to see where a process's memory goes before any batch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.1
PSS_EVERY = 10  # polls between PSS samples (reading smaps costs more than RSS)
# columns whose values differ between two runs of the same code on the same input
VOLATILE = frozenset(
    {"load_id", "last_load_id", "load_ids", "run_id", "check_run_id", "publish_id", "path", "parquet_path"}
    | {"loaded_at", "fetched_at", "recorded_at", "checked_at", "applied_at", "started_at", "finished_at"}
    | {"first_seen_at", "last_seen_at", "seen_at", "last_fetched_at", "landing_path"}
    # an undated article's event time is when it was seen (the run's time): story times move with the run
    | {"event_at", "first_event_at", "last_event_at"}
)
VOLATILE_TABLES = frozenset({"publishes", "check_results", "schema_migrations"})  # rows about the run itself


def _roles(root: psutil.Process) -> dict[int, str]:
    """pid -> role for the processes of the tree under `root`."""
    roles = {root.pid: "writer"}
    try:
        children = root.children(recursive=True)
    except psutil.Error:
        return roles
    forkservers = set()
    for proc in children:
        try:
            line = " ".join(proc.cmdline())
            parent = proc.ppid()
        except psutil.Error:
            continue
        if "forkserver" in line:  # the forkserver, or a page worker it forked (same command line)
            roles[proc.pid] = "forkserver" if parent == root.pid else "worker"
            if parent == root.pid:
                forkservers.add(proc.pid)
        elif "resource_tracker" in line:
            roles[proc.pid] = "other"
        elif "prefect" in line or "uvicorn" in line:
            roles[proc.pid] = "prefect"
    for proc in children:
        if proc.pid not in roles:
            try:
                roles[proc.pid] = "worker" if proc.ppid() in forkservers else "other"
            except psutil.Error:
                continue
    return roles


def _sample(root: psutil.Process, pss: bool) -> dict[str, dict[int, int]]:
    """{"rss": {pid: bytes}, "pss": {pid: bytes}} and the roles, for the tree now."""
    rss: dict[int, int] = {}
    proportional: dict[int, int] = {}
    for pid in _roles(root):
        try:
            proc = psutil.Process(pid)
            rss[pid] = proc.memory_info().rss
            if pss:
                proportional[pid] = proc.memory_full_info().pss
        except psutil.Error:
            continue
    return {"rss": rss, "pss": proportional}


def measure(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> dict[str, object]:
    """Run `command`, sampling its tree: peaks of the summed RSS / PSS, by role, and a coarse timeline."""
    peak = {"rss": 0, "pss": 0}
    by_role: dict[str, dict[str, int]] = {"rss": defaultdict(int), "pss": defaultdict(int)}
    by_process: dict[int, dict[str, object]] = {}
    timeline: list[tuple[float, int, dict[str, int]]] = []
    started = time.perf_counter()
    with log.open("w") as handle:
        popen = subprocess.Popen(command, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT)
        root = psutil.Process(popen.pid)
        polls = 0
        while popen.poll() is None:
            roles = _roles(root)
            sample = _sample(root, polls % PSS_EVERY == 0)
            for kind in ("rss", "pss"):
                if not sample[kind]:
                    continue
                peak[kind] = max(peak[kind], sum(sample[kind].values()))
                summed: dict[str, int] = defaultdict(int)
                for pid, value in sample[kind].items():
                    summed[roles.get(pid, "other")] += value
                for role, value in summed.items():
                    by_role[kind][role] = max(by_role[kind][role], value)
            for pid, value in sample["rss"].items():  # a process's role as last seen (a fresh fork shows its parent's)
                entry = by_process.setdefault(pid, {"peak_rss": 0})
                entry["role"] = roles.get(pid, "other")
                entry["peak_rss"] = max(int(entry["peak_rss"]), value)  # type: ignore[call-overload]
            if polls % PSS_EVERY == 0:
                rss_roles: dict[str, int] = defaultdict(int)
                for pid, value in sample["rss"].items():
                    rss_roles[roles.get(pid, "other")] += value >> 20
                timeline.append((round(time.perf_counter() - started, 1), sum(sample["rss"].values()) >> 20, rss_roles))
            polls += 1
            time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    text = log.read_text(errors="replace")
    if popen.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` exited {popen.returncode}; see {log}:\n{text[-3000:]}")
    flow = re.search(r"^batches\s+\d+ in ([\d.]+) s", text, re.MULTILINE)
    loaded = re.search(r"^loaded\s+(\d+)\s*$", text, re.MULTILINE)
    mb = 2**20
    return {
        "wall_seconds": round(seconds, 1),
        "flow_seconds": float(flow.group(1)) if flow else None,
        "loaded": int(loaded.group(1)) if loaded else None,
        "peak_rss_mb": round(peak["rss"] / mb),
        "peak_pss_mb": round(peak["pss"] / mb),
        "peak_rss_mb_by_role": {k: round(v / mb) for k, v in sorted(by_role["rss"].items())},
        "peak_pss_mb_by_role": {k: round(v / mb) for k, v in sorted(by_role["pss"].items())},
        "peak_rss_mb_by_process": sorted(
            ((str(e["role"]), round(int(e["peak_rss"]) / mb)) for e in by_process.values()),  # type: ignore[call-overload]
            key=lambda e: (e[0], -e[1]),
        ),
        "timeline_mb": timeline,
    }


# --components: what each kind of process holds, step by step, each kind in a fresh process of the tree
COMPONENT_STEPS = {
    "writer": [
        ("import prefect", "import prefect"),
        ("import flows.engine (flows, warehouse, the parsers' modules)", "import flows.engine, flows.enrichment"),
        ("entity_words() (wordfreq's English list through the nicknames)", "g.entity_words()"),
        ("gazetteer() + city_names()", "g.gazetteer(); g.city_names()"),
        ("stories' frequency lists, the fresh mix's 12 languages", "[stories._frequencies(x) for x in LANGUAGES]"),
    ],
    "page worker": [
        ("import the forkserver's preload", "[importlib.import_module(m) for m in pw.PRELOAD]"),
        ("the warm-up page (trafilatura, lxml, the rules)", "parse_html_page(pw.WARM_UP_PAGE, None)"),
        ("the warm-up stages (language model, dates, gazetteers)", "pw._warm_up_stages()"),
    ],
}
LANGUAGES = ["en", "pt", "ru", "es", "fr", "de", "ko", "it", "id", "cs", "zh", "ja"]
COMPONENT_CHILD = """
import gc, importlib, json, sys, time, psutil
LANGUAGES = {languages}
process, out = psutil.Process(), []
import flows.page_workers as pw
from transforms.html.pages import parse_html_page
import transforms.analysis.gazetteers as g
import transforms.analysis.stories as stories
out.append(("imports of the probe itself", process.memory_info().rss))
for label, code in {steps}:
    started = time.perf_counter()
    exec(code)
    gc.collect()
    out.append((label + f" ({{time.perf_counter() - started:.1f}} s)", process.memory_info().rss))
print(json.dumps(out))
"""


def components(tree: Path) -> dict[str, list[tuple[str, int]]]:
    """kind -> [(step, RSS MB after it)], each kind in a fresh process of `tree`'s venv."""
    env = os.environ | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(tree)}
    found = {}
    for kind, steps in COMPONENT_STEPS.items():
        code = COMPONENT_CHILD.format(languages=LANGUAGES, steps=steps)
        python = str(tree / ".venv" / "bin" / "python")
        done = subprocess.run([python, "-c", code], cwd=tree, env=env, capture_output=True, text=True, check=True)
        found[kind] = [(label, round(rss / 2**20)) for label, rss in json.loads(done.stdout.strip().splitlines()[-1])]
    return found


def table_hashes(db: Path) -> dict[str, list[object]]:
    """table -> [rows, hash of the rows' stable columns, the columns left out]."""
    hashes: dict[str, list[object]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        for table in tables:
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where table_name = ? order by column_index", [table]
                ).fetchall()
            ]
            kept = [] if table in VOLATILE_TABLES else [c for c in columns if c not in VOLATILE]
            left = [c for c in columns if c not in kept]
            if kept:
                expression = "hash(" + ", ".join(f'"{c}"' for c in kept) + ")"
                rows, digest = con.execute(f'select count(*), bit_xor({expression}) from "{table}"').fetchone()  # type: ignore[misc]
            else:
                rows, digest = con.execute(f'select count(*), 0 from "{table}"').fetchone()  # type: ignore[misc]
            hashes[table] = [rows, str(digest), left]
    return hashes


def probe(tree: Path, base: Path, fresh: Path, work: Path, label: str, extra_env: dict[str, str]) -> dict[str, object]:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(base, work, ignore=shutil.ignore_patterns("*.log", "*.json", "landing"))
    db = work / "news.duckdb"
    python = tree / ".venv" / "bin" / "python"
    # Prefect's temporary server per command, in the tree, as bench/scale.py's figures had it before
    # 2026-12-07 18:50 UTC (since then scale.py starts the background server before its runs and counts it
    # beside the tree: about 240 MB, against about 220 MB for this temporary one plus about 100 MB of
    # Prefect's server modules in the writer)
    env = os.environ | {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PYTHONPATH": str(tree),
        "NEWSETL_PREFECT_SERVER": "temporary",
        **extra_env,
    }
    code = subprocess.run(
        [str(python), "-c", "import flows.engine as m; print(m.__file__)"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    command = [str(tree / ".venv" / "bin" / "newsetl"), "ingest", str(fresh), "--db", str(db), "--no-progress"]
    command += ["--workers", "2"]
    result = measure(command, tree, env, work / "ingest.log")
    return {
        "label": label,
        "tree": str(tree),
        "env": extra_env,
        "code": code,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "load": os.getloadavg(),
        **result,
        "tables": table_hashes(db),
    }


def tables(results: list[dict]) -> str:
    lines = ["| | " + " | ".join(r["label"] for r in results) + " |", "|---" * (len(results) + 1) + "|"]

    def line(name: str, values: list[object]) -> None:
        lines.append(
            f"| {name} | "
            + " | ".join(f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v) for v in values)
            + " |"
        )

    line("flow seconds", [r["flow_seconds"] for r in results])
    line("articles loaded", [r["loaded"] for r in results])
    line("peak RSS of the tree, MB", [r["peak_rss_mb"] for r in results])
    for role in ("writer", "forkserver", "worker", "prefect", "other"):
        line(f"… {role} (peak, MB)", [r["peak_rss_mb_by_role"].get(role, "-") for r in results])
    line("peak PSS of the tree, MB", [r["peak_pss_mb"] for r in results])
    for role in ("writer", "forkserver", "worker", "prefect"):
        line(f"… {role} PSS (peak, MB)", [r["peak_pss_mb_by_role"].get(role, "-") for r in results])
    line(
        "each page worker's peak RSS, MB",
        [", ".join(str(mb) for role, mb in r["peak_rss_mb_by_process"] if role == "worker") for r in results],
    )
    line("load average at the start", [", ".join(f"{x:.1f}" for x in r["load"]) for r in results])
    first = results[0]["tables"]
    same: list[object] = [
        all(r["tables"].get(t, [None, None])[:2] == v[:2] for t, v in first.items()) and set(r["tables"]) == set(first)
        for r in results
    ]
    line("every table's rows and content hash as the first column's", same)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=ROOT)
    parser.add_argument("--base", type=Path, help="the warehouse folder to copy (news.duckdb, published/)")
    parser.add_argument("--fresh", type=Path, help="the fresh mix (bench/scale.py's work folder's fresh/)")
    parser.add_argument("--work", type=Path, help="a folder for the copy (replaced)")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", type=Path, help="write the result here (JSON)")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the ingest's environment")
    parser.add_argument("--tables", type=Path, nargs="+", help="print the table of these result JSON files, then stop")
    parser.add_argument("--components", action="store_true", help="only the RSS of each kind of process, by step")
    args = parser.parse_args()
    if args.components:
        for kind, steps in components(args.tree.resolve()).items():
            print(f"{kind} ({args.tree}):")
            before = 0
            for label, mb in steps:
                print(f"  {mb:6,} MB  {mb - before:+5,}  {label}")
                before = mb
        return 0
    if args.tables:
        print(tables([json.loads(p.read_text()) for p in args.tables]))
        return 0
    if not (args.base and args.fresh and args.work):
        parser.error("--base, --fresh and --work are needed")
    extra_env = dict(item.split("=", 1) for item in args.env)
    result = probe(args.tree.resolve(), args.base, args.fresh, args.work, args.label or str(args.tree), extra_env)
    text = json.dumps(result, indent=1)
    if args.out:
        args.out.write_text(text)
    print(tables([result]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
