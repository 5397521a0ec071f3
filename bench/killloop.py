"""Kill loop: SIGKILL `newsetl ingest` at random moments, then check the warehouse lost nothing.

    python bench/killloop.py --kills N --docs M --seed S --workdir DIR [--out results.json]

1. Builds a corpus of M documents in DIR/corpus (bench/corpus.py): copies of the gold HTML pages of
   ../shared/data/extraction/*/html/ (each copy given its own `<p>Copy N of ...</p>` paragraph,
   so every document is new; a few gzip-compressed), plain-text articles shaped like seeds/*.txt
   (from the seeds and the gold bodies, each varied) and a few inputs that must be rejected
   (empty, binary, unsupported extension, a page with no article).
2. Builds a reference warehouse with one uninterrupted run over the corpus (its duration
   calibrates the kill window), then runs it once more: a re-run must add no article.
3. Kill loop on a second warehouse: `newsetl ingest CORPUS --db DB --no-progress` in its own
   session (NEWSETL_BATCH_SIZE small, one PREFECT_HOME reused by every run), and a SIGKILL to
   the whole process group (the Prefect API server and the page workers too) at a moment drawn
   uniformly (seeded) from a window covering the whole run: the run's expected duration, from
   the calibration runs and what is still to load, plus 20 % (once everything is loaded, the
   longest of the last runs that ended by themselves, plus 20 %). A run that ends before its
   moment is not a kill (counted as `completed_before_kill`); the loop goes on until N kills landed.
   With a fixed corpus the warehouse settles after a few kills and later kills land on re-runs
   (still a run of batches, each committing a `loads` row, but nothing new to load);
   `--fresh-db-when-settled` instead finishes a warehouse once every input has an outcome
   (final run and invariants, as in 4.) and goes on with a new one, so every kill lands on a
   run with inputs to load. `--max-window S` caps the window, so a long corpus is killed more
   often (every run still resumes where the last one stopped, so kills keep landing in every
   phase: start-up, recovery, landing, extraction, loading, and the last batches).
4. One final run to completion, then the invariants, on the warehouse opened read-only:
   - the database opens;
   - conservation: every corpus file's URI is in documents.uri or rejects.uri, every `loaded`
     document has its article version, and every document's landed bytes are intact;
   - no article loaded twice: articles.article_id unique, article_versions has no repeated
     (article_id, content_hash), and per article count(*) = count(distinct content_hash) =
     max(version); no URI has two documents rows;
   - every row of every table with a load_id (and rejects.last_load_id) belongs to a
     `completed` loads row, and each loads row's n_loaded equals the versions it carries;
   - the content equals the reference's: the (article_id, content_hash) sets of
     article_versions and of articles, and also documents (id, uri, status), rejects
     (uri, stage, reason), blocks and removed spans.
   Runs that exit non-zero without having been killed, runs that hang, and processes left
   behind by a run that ended by itself are failures too.

Prints a JSON summary ({kills, inputs, losses, duplicates, orphan_rows, content_equal, seconds,
...}) and writes it to --out; exits 1 if any invariant fails. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import duckdb

from corpus import EXTRACTION, ROOT, write_html_copies, write_text_articles  # bench/corpus.py

DETAIL_LIMIT = 20  # at most this many examples of each failure in the summary
IDLE_RUNS_KEPT = 9  # the kill window follows the longest of this many recent runs with nothing to load
LEAK_GRACE = 10.0  # seconds a finished run's child processes get to end by themselves


def log(message: str) -> None:
    print(f"[killloop {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- corpus ----------------------------------------------------------------------------------------


def bad_inputs(rng: random.Random, count: int) -> dict[str, bytes]:
    """Inputs the pipeline must reject (each with bytes of its own: documents are keyed by them)."""
    files: dict[str, bytes] = {"bad/empty.txt": b""}
    for i in range(1, count):
        kind = i % 4
        if kind == 0:
            files[f"bad/binary-{i:03d}.txt"] = b"\x00\x01PK\x03\x04" + rng.randbytes(512)
        elif kind == 1:
            files[f"bad/notes-{i:03d}.dat"] = f"not an article {i}\n".encode()
        elif kind == 2:
            files[f"bad/nav-only-{i:03d}.html"] = (
                f"<html><head><title>Menu {i}</title></head><body><nav><a href='/a'>Home</a> "
                f"<a href='/b'>World</a> <a href='/c'>Sport {i}</a></nav></body></html>"
            ).encode()
        else:
            files[f"bad/cp-{i:03d}.txt"] = rng.randbytes(300)
    return files


def build_corpus(corpus: Path, docs: int, seed: int) -> dict[str, int]:
    """Write `docs` input files under `corpus` (deterministic for a seed); returns counts by kind."""
    if corpus.exists():
        shutil.rmtree(corpus)
    rng = random.Random(f"killloop-corpus-{seed}")
    n_bad = max(4, docs // 100)
    n_text = max(1, docs // 10)
    n_html = docs - n_bad - n_text
    if n_html < 1:
        raise SystemExit(f"--docs {docs} is too small (at least {n_bad + n_text + 1})")
    counts = {"html": 0, "html_gz": 0, "text": 0, "bad": 0}
    counts.update(write_html_copies(corpus / "html", n_html, rng, gzip_share=0.05))
    counts.update(write_text_articles(corpus / "text", n_text, rng))
    for relative, data in bad_inputs(rng, n_bad).items():
        target = corpus / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        counts["bad"] += 1
    return counts


def corpus_uris(corpus: Path) -> set[str]:
    """The URI discover gives every (non-hidden) file of the corpus (its absolute path, normalised)."""
    return {
        Path(os.path.normpath(p.absolute())).as_uri()
        for p in corpus.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(corpus).parts)
    }


# --- running ingest ---------------------------------------------------------------------------------


@dataclass
class Run:
    rc: int | None
    seconds: float
    killed: bool  # SIGKILL reached a live process group
    hung: bool  # still running at the hard time limit (then killed)
    leftovers: list[str]  # processes of its group still alive 10 s after the run ended by itself
    log: str


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes of a process group, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # state ppid pgrp ...
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(entry.name))
    return members


def kill_group(pgid: int) -> bool:
    try:
        os.killpg(pgid, signal.SIGKILL)
        return True
    except ProcessLookupError:
        return False


def describe(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()[:200]
    except OSError:
        return "?"


def reap_group(pgid: int, grace: float = 0.0, timeout: float = 30.0) -> list[str]:
    """Give the group's processes `grace` seconds to end by themselves, then SIGKILL the rest and
    wait until none is alive; return the command lines of those still alive after the grace."""
    deadline = time.monotonic() + grace
    alive = group_members(pgid)
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = group_members(pgid)
    survivors = [f"{pid} {describe(pid)}" for pid in alive]
    deadline = time.monotonic() + timeout
    while alive and time.monotonic() < deadline:
        kill_group(pgid)
        time.sleep(0.1)
        alive = group_members(pgid)
    if alive:
        raise RuntimeError(f"processes {alive} of group {pgid} survived SIGKILL for {timeout} s")
    return survivors


class Runner:
    def __init__(self, workdir: Path, corpus: Path, batch_size: int, hard_limit: float) -> None:
        self.corpus, self.hard_limit = corpus, hard_limit
        self.logs = workdir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        prefect_home = workdir / "prefect-home"
        prefect_home.mkdir(parents=True, exist_ok=True)
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("NEWSETL_") and k not in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE")
        }
        env.update(
            PREFECT_HOME=str(prefect_home),
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            NEWSETL_BATCH_SIZE=str(batch_size),
            NEWSETL_PREFECT_SERVER="temporary",  # --prefect-server sets PREFECT_API_URL, which wins
            PYTHONUNBUFFERED="1",
        )
        self.env = env
        newsetl = ROOT / ".venv" / "bin" / "newsetl"
        self.command = [str(newsetl)] if newsetl.exists() else [sys.executable, "-m", "flows"]
        self.count = 0

    def run(self, db: Path, name: str, kill_after: float | None = None) -> Run:
        self.count += 1
        log_path = self.logs / f"{self.count:04d}-{name}.log"
        command = [*self.command, "ingest", str(self.corpus), "--db", str(db), "--no-progress"]
        with open(log_path, "wb") as out:
            started = time.monotonic()
            proc = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            limit = self.hard_limit if kill_after is None else min(kill_after, self.hard_limit)
            killed = hung = False
            try:
                rc = proc.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                killed = kill_group(proc.pid)
                hung = kill_after is None or kill_after > self.hard_limit
                rc = proc.wait()
            seconds = time.monotonic() - started
            leftovers = reap_group(proc.pid, grace=0.0 if killed else LEAK_GRACE)
        return Run(rc, seconds, killed and not hung, hung, [] if killed else leftovers, str(log_path))


# --- looking at a warehouse ---------------------------------------------------------------------------


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db), read_only=True)


def seen_uris(db: Path) -> tuple[set[str], int]:
    """URIs the warehouse has an outcome for, and its number of loads rows."""
    with connect(db) as con:
        uris = {u for (u,) in con.execute("select uri from documents union select uri from rejects").fetchall()}
        loads = con.execute("select count(*) from loads").fetchone()[0]
    return uris, loads


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def load_id_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return rows(
        con,
        "select table_name, column_name from duckdb_columns() "
        "where column_name in ('load_id', 'last_load_id') and table_name <> 'loads' "
        "and not internal order by all",
    )


CONTENT_QUERIES = {
    "article_versions": "select article_id, content_hash from article_versions",
    "articles": "select article_id, content_hash from articles",
    "documents": "select document_id, uri, status from documents",
    "rejects": "select uri, stage, reason from rejects",
    "article_blocks": "select document_id, block_index, kind, md5(text) from article_blocks",
    "removed_spans": "select document_id, span_index, rule_id, md5(text) from removed_spans",
}


def content_sets(db: Path) -> dict[str, set[tuple]]:
    with connect(db) as con:
        return {name: set(rows(con, sql)) for name, sql in CONTENT_QUERIES.items()}


def landing_damage(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents whose landing file is missing or whose bytes do not hash to their id."""
    bad = []
    for document_id, landing_path in rows(con, "select document_id, landing_path from documents"):
        path = Path(landing_path)
        if not path.is_file():
            bad.append(f"{document_id}: missing {landing_path}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != document_id:
            bad.append(f"{document_id}: bytes of {landing_path} do not match")
    return bad


def check_invariants(db: Path, reference: Path, uris: set[str]) -> dict:
    """Every invariant of the module docstring; `failures` lists the ones that fail."""
    result: dict = {"failures": []}
    failures: list[str] = result["failures"]
    try:
        con = connect(db)
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        failures.append(f"database does not open: {type(exc).__name__}: {exc}")
        result.update(opens=False, losses=len(uris), duplicates=None, orphan_rows=None, content_equal=False)
        return result
    with con:
        result["opens"] = True
        seen = {u for (u,) in rows(con, "select uri from documents union select uri from rejects")}
        missing = sorted(uris - seen)
        loaded_without_article = [
            d
            for (d,) in rows(
                con,
                "select document_id from documents where status = 'loaded' "
                "and document_id not in (select document_id from article_versions)",
            )
        ]
        damaged = landing_damage(con)
        result["losses"] = len(missing) + len(loaded_without_article) + len(damaged)
        result["loss_detail"] = {
            "missing_uris": missing[:DETAIL_LIMIT],
            "n_missing_uris": len(missing),
            "loaded_without_article": loaded_without_article[:DETAIL_LIMIT],
            "landing_damaged": damaged[:DETAIL_LIMIT],
        }
        result["unexpected_uris"] = sorted(seen - uris)[:DETAIL_LIMIT]
        if result["losses"]:
            failures.append(
                f"conservation: {len(missing)} corpus files with no outcome, "
                f"{len(loaded_without_article)} loaded documents without an article, "
                f"{len(damaged)} damaged landing files"
            )
        if result["unexpected_uris"]:
            failures.append("the warehouse holds URIs that are not in the corpus")

        duplicate_queries = {
            "articles_repeated_id": "select article_id, count(*) from articles group by 1 having count(*) > 1",
            "versions_repeated_hash": "select article_id, content_hash, count(*) from article_versions "
            "group by 1, 2 having count(*) > 1",
            "versions_inconsistent": "select article_id, count(*), count(distinct content_hash), max(version) "
            "from article_versions group by 1 "
            "having count(*) <> count(distinct content_hash) or count(*) <> max(version)",
            "uri_in_two_documents": "select uri, count(*) from documents group by 1 having count(*) > 1",
            "current_not_a_version": "select article_id from articles anti join article_versions "
            "using (article_id, version, content_hash)",
        }
        duplicates = {name: rows(con, sql) for name, sql in duplicate_queries.items()}
        result["duplicates"] = sum(len(v) for v in duplicates.values())
        result["duplicate_detail"] = {
            k: [list(map(str, r)) for r in v[:DETAIL_LIMIT]] for k, v in duplicates.items() if v
        }
        if result["duplicates"]:
            failures.append(f"duplicates: { {k: len(v) for k, v in duplicates.items() if v} }")

        orphans = {}
        for table, column in load_id_columns(con):
            # a data row's load_id must name a completed load; a `last_load_id` may be null (a
            # publish after a run that loaded nothing) but, when set, must name one too
            missing = f"{column} is null or " if column == "load_id" else ""
            n = rows(
                con,
                f"select count(*) from {table} where {missing}{column} not in "
                "(select load_id from loads where status = 'completed')",
            )[0][0]
            orphans[f"{table}.{column}"] = n
        result["orphan_rows"] = sum(orphans.values())
        result["orphan_detail"] = orphans
        result["loads_not_completed"] = rows(con, "select count(*) from loads where status <> 'completed'")[0][0]
        ledger = rows(
            con,
            "select l.load_id, l.n_loaded, count(v.article_id) from loads l "
            "left join article_versions v using (load_id) group by all "
            "having l.n_loaded <> count(v.article_id)",
        )
        result["ledger_mismatches"] = [list(map(str, r)) for r in ledger[:DETAIL_LIMIT]]
        if result["orphan_rows"] or result["loads_not_completed"]:
            failures.append(
                f"rows of no completed load: {orphans}, {result['loads_not_completed']} loads not completed"
            )
        if ledger:
            failures.append(f"{len(ledger)} loads rows whose n_loaded differs from the versions they carry")
        result["counts"] = {
            t: rows(con, f"select count(*) from {t}")[0][0]
            for t in (
                "loads",
                "documents",
                "articles",
                "article_versions",
                "article_blocks",
                "removed_spans",
                "rejects",
            )
        }

    killed, clean = content_sets(db), content_sets(reference)
    comparison = {}
    for name in CONTENT_QUERIES:
        only_killed, only_clean = killed[name] - clean[name], clean[name] - killed[name]
        comparison[name] = {
            "equal": not only_killed and not only_clean,
            "n": len(killed[name]),
            "n_reference": len(clean[name]),
            "only_killed": [list(map(str, r)) for r in sorted(only_killed)[:5]],
            "only_reference": [list(map(str, r)) for r in sorted(only_clean)[:5]],
        }
    result["content_equal"] = comparison["article_versions"]["equal"] and comparison["articles"]["equal"]
    result["content_detail"] = comparison
    unequal = [name for name, c in comparison.items() if not c["equal"]]
    if unequal:
        failures.append(f"content differs from the reference run in: {', '.join(unequal)}")
    return result


# --- the loop -----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="SIGKILLs that must land on a running ingest")
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus")
    parser.add_argument("--seed", type=int, default=0, help="seeds the corpus and the kill moments")
    parser.add_argument(
        "--workdir",
        type=Path,
        required=True,
        help="corpus, warehouses, Prefect home and run logs go here (its corpus/, killed/, "
        "reference/ and logs/ are replaced)",
    )
    parser.add_argument("--out", type=Path, help="also write the JSON summary here")
    parser.add_argument("--batch-size", type=int, default=50, help="NEWSETL_BATCH_SIZE of every run")
    parser.add_argument(
        "--hard-limit",
        type=float,
        default=3600.0,
        help="a run still going after this many seconds has hung (a failure)",
    )
    parser.add_argument(
        "--fresh-db-when-settled",
        action="store_true",
        help="once every input has an outcome, finish that warehouse (final run, invariants) and "
        "go on killing runs on a new one, so that every kill lands on a run with inputs to load",
    )
    parser.add_argument(
        "--max-window",
        type=float,
        default=None,
        help="cap the kill window at this many seconds (default: the whole expected run)",
    )
    parser.add_argument(
        "--prefect-server",
        action="store_true",
        help="start one local Prefect server for every run (as scheduled runs have) instead of "
        "each run starting Prefect's temporary API: start-up drops from ~10 s to ~3 s",
    )
    parser.add_argument(
        "--max-cycles", type=int, default=None, help="give up after this many runs in the loop (default 3 x kills + 20)"
    )
    return parser.parse_args(argv)


class PrefectServer:
    """`prefect server start` on a free 127.0.0.1 port, for the runs to share; stopped on exit."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.log = open(log_path, "wb")
        prefect = ROOT / ".venv" / "bin" / "prefect"
        command = [str(prefect)] if prefect.exists() else [sys.executable, "-m", "prefect"]
        self.proc = subprocess.Popen(
            [*command, "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the Prefect server exited with {self.proc.returncode}, see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(1.0)
        raise SystemExit(f"the Prefect server did not answer within {timeout:.0f} s, see {self.log.name}")

    def stop(self) -> None:
        kill_group(self.proc.pid)
        self.proc.wait()
        self.log.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    workdir = args.workdir.absolute()
    if not EXTRACTION.is_dir():
        raise SystemExit(f"{EXTRACTION} is missing: the corpus is built from its HTML pages")
    for name in ("corpus", "killed", "reference", "logs"):
        shutil.rmtree(workdir / name, ignore_errors=True)
    corpus = workdir / "corpus"
    kinds = build_corpus(corpus, args.docs, args.seed)
    uris = corpus_uris(corpus)
    log(f"corpus: {len(uris)} files in {corpus} ({kinds})")
    runner = Runner(workdir, corpus, args.batch_size, args.hard_limit)
    server = None
    if args.prefect_server:
        server = PrefectServer(runner.env, runner.logs / "prefect-server.log")
        server.wait_ready()
        runner.env["PREFECT_API_URL"] = server.url
        log(f"Prefect server at {server.url}")
    try:
        return _loop(args, workdir, corpus, kinds, uris, runner, started)
    finally:
        if server is not None:
            server.stop()


def _loop(
    args: argparse.Namespace, workdir: Path, corpus: Path, kinds: dict, uris: set[str], runner: Runner, started: float
) -> int:
    failures: list[str] = []

    reference_db, killed_db = workdir / "reference" / "news.duckdb", workdir / "killed" / "news.duckdb"
    reference = runner.run(reference_db, "reference")
    log(f"reference run: rc {reference.rc} in {reference.seconds:.1f} s")
    if reference.rc != 0:
        failures.append(f"the reference run failed (rc {reference.rc}, see {reference.log})")
    ref_versions = len(content_sets(reference_db)["article_versions"]) if reference_db.exists() else 0
    noop = runner.run(reference_db, "reference-rerun")
    rerun_added = (
        (len(content_sets(reference_db)["article_versions"]) - ref_versions) if reference_db.exists() else None
    )
    log(f"reference re-run: rc {noop.rc} in {noop.seconds:.1f} s, {rerun_added} versions added")
    if noop.rc != 0 or rerun_added != 0:
        failures.append(f"re-running the reference added {rerun_added} versions (rc {noop.rc}, see {noop.log})")
    for run in (reference, noop):
        if run.leftovers:
            failures.append(f"{run.log} left processes behind: {run.leftovers}")
    per_doc = max(0.0, reference.seconds - noop.seconds) / max(1, len(uris))
    # how long a run with nothing left to load takes: the re-run's time, then the longest of the
    # last runs that ended by themselves with nothing pending (the machine's load varies)
    idle_runs = [noop.seconds]

    rng = random.Random(f"killloop-kills-{args.seed}")
    max_cycles = args.max_cycles or 3 * args.kills + 20
    kills, cycles, completed, run_errors, hangs, leaks, probe_errors = 0, 0, 0, [], [], [], []
    kill_moments, progress, epochs = [], [], []
    finals: list[Run] = []
    totals = {"losses": 0, "duplicates": 0, "orphan_rows": 0, "content_equal": True}
    invariants: dict = {}
    while not epochs or (kills < args.kills and cycles < max_cycles):
        # one warehouse, killed again and again, then finished by a run to completion; with
        # --fresh-db-when-settled, a new warehouse once the corpus has settled in the last one
        killed_db = (
            workdir
            / ("killed" if not args.fresh_db_when_settled else f"killed/epoch{len(epochs) + 1:03d}")
            / "news.duckdb"
        )
        pending, loads_before, epoch_kills = len(uris), 0, 0
        while kills < args.kills and cycles < max_cycles and not (args.fresh_db_when_settled and pending == 0):
            cycles += 1
            window = 1.2 * (max(idle_runs[-IDLE_RUNS_KEPT:]) + pending * per_doc)
            if args.max_window:
                window = min(window, args.max_window)
            moment = rng.uniform(0.0, window)
            run = runner.run(killed_db, f"cycle{cycles:04d}", kill_after=moment)
            if run.hung:
                hangs.append(run.log)
            elif run.killed:
                kills += 1
                epoch_kills += 1
                kill_moments.append(round(moment, 2))
            else:
                completed += 1
                if pending == 0:
                    idle_runs.append(run.seconds)
                if run.rc != 0:
                    run_errors.append(f"rc {run.rc}: {run.log}")
                if run.leftovers:
                    leaks.append(f"{run.log}: {run.leftovers}")
            try:
                seen, loads = seen_uris(killed_db) if killed_db.exists() else (set(), 0)
            except Exception as exc:  # noqa: BLE001 - a warehouse that cannot be read after a kill is a finding
                probe_errors.append(f"after {run.log}: {type(exc).__name__}: {exc}")
                seen, loads = set(), loads_before
            newly = pending - len(uris - seen)
            pending = len(uris - seen)
            progress.append(
                {
                    "epoch": len(epochs) + 1,
                    "cycle": cycles,
                    "moment": round(moment, 2),
                    "window": round(window, 1),
                    "killed": run.killed,
                    "rc": run.rc,
                    "seconds": round(run.seconds, 2),
                    "new_outcomes": newly,
                    "new_loads": loads - loads_before,
                    "pending": pending,
                }
            )
            loads_before = loads
            log(
                f"cycle {cycles}: {'killed' if run.killed else f'ended rc {run.rc}'} at {run.seconds:.1f} s "
                f"(window {window:.0f} s), {newly} inputs settled, {pending} pending, kills {kills}/{args.kills}"
            )

        final = runner.run(killed_db, "final")
        finals.append(final)
        log(f"final run: rc {final.rc} in {final.seconds:.1f} s")
        label = f"epoch {len(epochs) + 1}: " if args.fresh_db_when_settled else ""
        if final.rc != 0:
            failures.append(f"{label}the final run failed (rc {final.rc}, see {final.log})")
        if final.leftovers:
            failures.append(f"{label}{final.log} left processes behind: {final.leftovers}")
        invariants = check_invariants(killed_db, reference_db, uris)
        failures += [label + f for f in invariants["failures"]]
        for key in ("losses", "duplicates", "orphan_rows"):
            totals[key] += invariants[key] or 0
        totals["content_equal"] = totals["content_equal"] and invariants["content_equal"]
        epochs.append(
            {"db": str(killed_db), "kills": epoch_kills, "final_rc": final.rc, "failures": invariants["failures"]}
        )
        if args.fresh_db_when_settled:
            log(
                f"epoch {len(epochs)}: {epoch_kills} kills, invariants "
                f"{'hold' if not invariants['failures'] and final.rc == 0 else 'FAIL'}"
            )
            if not invariants["failures"] and final.rc == 0:
                shutil.rmtree(killed_db.parent)  # a passing epoch's warehouse is not kept (disk)

    if kills < args.kills:
        failures.append(f"only {kills} of {args.kills} kills landed in {cycles} runs")
    if run_errors:
        failures.append(f"{len(run_errors)} runs after a kill failed by themselves: {run_errors[:DETAIL_LIMIT]}")
    if hangs:
        failures.append(f"{len(hangs)} runs hung past {args.hard_limit} s: {hangs[:DETAIL_LIMIT]}")
    if leaks:
        failures.append(f"{len(leaks)} runs left processes behind: {leaks[:DETAIL_LIMIT]}")
    if probe_errors:
        failures.append(
            f"the warehouse could not be read after {len(probe_errors)} kills: {probe_errors[:DETAIL_LIMIT]}"
        )

    invariants.pop("failures")
    killed_runs = [p for p in progress if p["killed"]]
    summary = {
        "kills": kills,
        "inputs": len(uris),
        **totals,
        "seconds": round(time.monotonic() - started, 1),
        "ok": not failures,
        "failures": failures,
        "seed": args.seed,
        "docs": args.docs,
        "corpus": kinds,
        "batch_size": args.batch_size,
        "fresh_db_when_settled": args.fresh_db_when_settled,
        "max_window": args.max_window,
        "prefect_server": args.prefect_server,
        "epochs": len(epochs),
        "runs": {
            "cycles": cycles,
            "completed_before_kill": completed,
            "run_errors": len(run_errors),
            "hangs": len(hangs),
            "leaks": len(leaks),
            "probe_errors": len(probe_errors),
            "reference_seconds": round(reference.seconds, 1),
            "rerun_seconds": round(noop.seconds, 1),
            "final_rc": max((f.rc or 0 for f in finals), key=abs, default=None),
            "final_seconds": round(sum(f.seconds for f in finals), 1),
            "idle_run_seconds": {
                "median": round(statistics.median(idle_runs), 1),
                "max": round(max(idle_runs), 1),
                "n": len(idle_runs),
            },
        },
        "kill_moments": {
            "min": min(kill_moments, default=None),
            "max": max(kill_moments, default=None),
            "median": statistics.median(kill_moments) if kill_moments else None,
        },
        "kills_after_new_loads": sum(1 for p in killed_runs if p["new_loads"] > 0),
        "kills_with_inputs_pending": sum(1 for p in killed_runs if p["pending"] + p["new_outcomes"] > 0),
        "kills_that_settled_inputs": sum(1 for p in killed_runs if p["new_outcomes"] > 0),
        "cycles_to_settle_corpus": next((p["cycle"] for p in progress if p["pending"] == 0), None),
        "last_warehouse": {
            k: v for k, v in invariants.items() if k not in ("losses", "duplicates", "orphan_rows", "content_equal")
        },
        "epoch_results": epochs if args.fresh_db_when_settled else None,
        "progress": progress,
        "workdir": str(workdir),
    }
    text = json.dumps(summary, indent=2, default=str)
    (workdir / "summary.json").write_text(text + "\n", encoding="utf-8")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    headline = {
        k: summary[k]
        for k in (
            "kills",
            "inputs",
            "losses",
            "duplicates",
            "orphan_rows",
            "content_equal",
            "seconds",
            "ok",
            "failures",
        )
    }
    print(json.dumps(headline, indent=2, default=str))
    return 0 if summary["ok"] else 1


def _log_and_exit(signum: int, _frame: object) -> None:
    log(f"stopped by signal {signal.Signals(signum).name} (pid {os.getpid()}, process group {os.getpgrp()})")
    sys.exit(128 + signum)


if __name__ == "__main__":
    for stop_signal in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        if signal.getsignal(stop_signal) is not signal.SIG_IGN:  # nohup's ignored SIGHUP stays ignored
            signal.signal(stop_signal, _log_and_exit)
    sys.exit(main())
