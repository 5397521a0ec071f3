"""Equivalence check for a "behaviour must not change" refactor: ingest one fixed corpus with a
checkout's code into a fresh warehouse and dump what the warehouse holds in a canonical,
order-independent form, so that two checkouts (before and after) can be compared row by row.

Usage:

    # dump: build the corpus, run <root>'s `newsetl ingest` on it, dump the warehouse
    python bench/equivalence.py [--root CHECKOUT] [--shared DIR] [--corpus DIR] [--python PY]
                                --out bench/results/equivalence-before.json

    # compare two dumps: per table identical or not, and the first differing rows; exit 1 on any difference
    python bench/equivalence.py --compare bench/results/equivalence-before.json bench/results/equivalence-after.json

Typical refactor check (the script lives in one checkout, --root chooses whose code runs):

    .venv/bin/python bench/equivalence.py --root ../ref --out bench/results/equivalence-before.json
    .venv/bin/python bench/equivalence.py --out bench/results/equivalence-after.json
    .venv/bin/python bench/equivalence.py --compare bench/results/equivalence-before.json \\
        bench/results/equivalence-after.json

The corpus (built afresh on every run, byte-identical every time; `corpus.json` in it lists every
file with its SHA-256):

    <corpus>/inputs/seeds/*.txt              the checkout's own seeds/*.txt
    <corpus>/inputs/html/scrapinghub/<id>.html  the first 25 scrapinghub ids, sorted
    <corpus>/inputs/html/readability/<id>.html  the first 25 readability ids, sorted
    <corpus>/inputs/text/text_NN.txt         the first 20 records of wcxb/gold.jsonl (file order):
                                             gold title, a blank line, the gold body
    <corpus>/pages.warc.gz                   one WARC: HTTP responses of the next 5 wcxb pages (records
                                             21-25), target URI = gold url, Content-Type text/html with
                                             the charset the page declares, fixed WARC-Date and record ids

Only <corpus>/inputs is walked; the WARC sits beside it so it is ingested once, through --warc, and
not also rejected by the folder walk as an unknown file type.

The corpus lives at a FIXED path (default: <system temp>/newsetl-equivalence/corpus, not a random
temp folder): a file's article_id is the SHA-256 of its file:// URI, and story ids, duplicate groups
and the order stories are assigned in follow from article ids, so two dumps are comparable only
when both corpora were at the same path (`--compare` says so when they were not).

The ingest, run with cwd = --root and PYTHONPATH = --root so that it imports that checkout's flows,
transforms and warehouse packages (checked before the run):

    <python> -c "from flows.cli import main; main()" ingest <corpus>/inputs --warc <corpus>/pages.warc.gz
        --db <tmp>/news.duckdb --no-publish --workers 2 --batch-size 25 --no-progress

(`python -m flows.cli` would not do: flows/cli.py has no `if __name__ == "__main__"` block, so it
imports and exits 0 without running anything; `-c` calls the same main() the `newsetl` script does.)
NEWSETL_* variables are removed from the ingest's environment so that only these options count.

The dump: every table and view of the warehouse (found in information_schema) except the per-run
ledgers (LEDGER_TABLES), without the per-run columns (DROPPED_COLUMNS: load ids, run ids, load and
reject wall-clock times), with what the clock decides canonicalised: timestamps read from the clock
during the ingest -> "<run-time>", their day -> "<run-date>", the temporary warehouse folder in
landing paths -> "<warehouse>" (see `Canon`), and the story fields decided by the clock order of
undated articles -> "<clock-tied>" (see `untie_stories`). Each row is one JSON object (keys sorted;
lists keep their order, floats every digit), rows are sorted (as those JSON lines), one
`<table>.jsonl` per table in a folder named after --out beside it (bench/results/equivalence-before/
for equivalence-before.json), plus the ingest's output (ingest.log). --out holds the summary: per
table its columns and types, primary key, row count and the SHA-256 of its .jsonl file.

--compare reads two summaries and their folders; tables are identical when their column lists and
SHA-256s are; for the others it prints the rows only in A and only in B (rows with the same primary
key on both sides as the columns that differ).
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import duckdb
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SCRIPT_ROOT = Path(__file__).resolve().parents[1]  # the repository this script is in
DEFAULT_CORPUS = Path(tempfile.gettempdir()) / "newsetl-equivalence" / "corpus"

# --- the corpus ------------------------------------------------------------------------------------
HTML_SETS = (("scrapinghub", 25), ("readability", 25))  # (shared set, how many ids, sorted)
N_TEXTS = 20  # wcxb gold records made into plain texts
N_WARC_PAGES = 5  # the wcxb records after those, into the WARC
WARC_DATE = "2026-01-15T12:00:00Z"  # after every page's publication date: no candidate is "after seen_at"
WARC_ID_NAMESPACE = uuid.UUID("6f0d4c52-5d0a-4d7e-9a51-3c1f6f2f7a10")  # record ids: uuid5 of this and the URI

# --- the ingest ------------------------------------------------------------------------------------
WORKERS = 2
BATCH_SIZE = 25
ENTRY = "from flows.cli import main; main()"  # what the `newsetl` console script runs

# --- the dump ----------------------------------------------------------------------------------------
# Per-run ledgers (sql/migrations/*.sql): they describe the run, not the data, and every row carries
# run ids, uuids and wall-clock times. loads: one row per batch (uuid load_id, started/finished_at;
# its counts follow from the batch size, not from behaviour on the data); run_stage_counts: per
# Prefect flow run; check_results: per checks run (uuid check_run_id, checked_at; the pass/fail of
# the checks is printed in ingest.log); publishes: per snapshot (none with --no-publish);
# schema_migrations: applied migration files (a checksum, applied_at).
LEDGER_TABLES = {"loads", "run_stage_counts", "check_results", "publishes", "schema_migrations"}

# Columns that only say which run wrote a row or when: (table, column), "*" for every table.
DROPPED_COLUMNS = {
    ("*", "load_id"): "uuid4 of the batch that wrote the row (a new one every run)",
    ("*", "run_id"): "the Prefect flow run",
    ("*", "loaded_at"): "articles, article_versions, v_articles: wall-clock time of the load",
    ("rejects", "last_load_id"): "uuid4 of the batch that last saw the input",
    ("rejects", "first_seen_at"): "wall-clock time the input was first rejected",
    ("rejects", "last_seen_at"): "wall-clock time the input was last rejected",
}
RUN_TIME = "<run-time>"  # stands for a timestamp taken from the clock during the ingest
RUN_DATE = "<run-date>"  # stands for the (UTC) day of such a timestamp
CLOCK_TIED = "<clock-tied>"  # stands for what the order of undated articles decides (see untie_stories)
WAREHOUSE_DIR = "<warehouse>"  # stands for the temporary folder of the warehouse and its landing store
RUN_WINDOW_SLACK = timedelta(seconds=2)


def log(message: str) -> None:
    print(f"[equivalence {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# === 1. the corpus ===================================================================================


def read_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def declared_charset(html: bytes) -> str | None:
    """The charset a page declares in its first 20 kB (<meta charset> or http-equiv), as written."""
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", html[:20_000], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """A gzipped WARC/1.0 of a warcinfo record and one HTTP 200 response per (url, html), with fixed
    dates and record ids so that the file is byte-identical every time (warcio's per-record gzip
    is zlib's, whose header has no timestamp)."""

    def ids(name: str) -> dict[str, str]:
        return {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(WARC_ID_NAMESPACE, name)}>", "WARC-Date": WARC_DATE}

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = b"software: newsetl bench/equivalence.py\r\nformat: WARC File Format 1.0\r\n"
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict=ids("warcinfo") | {"WARC-Filename": path.name},
            )
        )
        for url, html in pages:
            charset = declared_charset(html)
            headers = [
                ("Content-Type", f"text/html; charset={charset}" if charset else "text/html"),
                ("Content-Length", str(len(html))),
            ]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(html),
                    length=len(html),
                    http_headers=http,
                    warc_headers_dict=ids(url),
                )
            )


def build_corpus(root: Path, shared: Path, corpus: Path) -> dict[str, Any]:
    """Write the corpus into `corpus` (see the module docstring) and return its manifest."""
    extraction = shared / "data" / "extraction"
    if corpus.exists():
        unknown = sorted(p.name for p in corpus.iterdir() if p.name not in {"inputs", "pages.warc.gz", "corpus.json"})
        if unknown:
            raise SystemExit(
                f"error: {corpus} holds files this script did not write ({', '.join(unknown[:5])}); "
                "give an empty or new --corpus folder"
            )
        shutil.rmtree(corpus / "inputs", ignore_errors=True)
    inputs = corpus / "inputs"
    inputs.mkdir(parents=True)

    seeds = sorted((root / "seeds").glob("*.txt"))
    if not seeds:
        raise SystemExit(f"error: no seeds/*.txt in {root}")
    (inputs / "seeds").mkdir()
    for seed in seeds:
        shutil.copyfile(seed, inputs / "seeds" / seed.name)

    for name, count in HTML_SETS:
        ids = sorted(str(r["id"]) for r in read_gold(extraction / name / "gold.jsonl"))[:count]
        folder = inputs / "html" / name
        folder.mkdir(parents=True)
        for page_id in ids:
            shutil.copyfile(extraction / name / "html" / f"{page_id}.html", folder / f"{page_id}.html")

    wcxb = read_gold(extraction / "wcxb" / "gold.jsonl")  # fields: id, url, body, title, author, publish_date
    (inputs / "text").mkdir()
    for i, record in enumerate(wcxb[:N_TEXTS], start=1):
        text = f"{record['title'] or ''}\n\n{record['body']}\n"
        (inputs / "text" / f"text_{i:02d}.txt").write_bytes(text.encode("utf-8"))

    warc_records = wcxb[N_TEXTS : N_TEXTS + N_WARC_PAGES]
    write_warc(
        corpus / "pages.warc.gz",
        [(r["url"], (extraction / "wcxb" / "html" / f"{r['id']}.html").read_bytes()) for r in warc_records],
    )

    files = {
        p.relative_to(corpus).as_posix(): sha256_bytes(p.read_bytes())
        for p in sorted(corpus.rglob("*"))
        if p.is_file() and p.name != "corpus.json"
    }
    manifest = {
        "dir": str(corpus),
        "n_files": len(files),
        "sha256": sha256_bytes("".join(f"{k}\t{v}\n" for k, v in files.items()).encode()),
        "warc_pages": [{"id": r["id"], "url": r["url"]} for r in warc_records],
        "files": files,
    }
    (corpus / "corpus.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


@contextmanager
def corpus_lock(corpus: Path) -> Iterator[None]:
    """Two runs on one corpus folder at once would rewrite each other's files: the second waits."""
    corpus.parent.mkdir(parents=True, exist_ok=True)
    with (corpus.parent / f".{corpus.name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# === 2. the ingest =====================================================================================


def child_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSETL_")}
    env["PYTHONPATH"] = str(root)  # also for the page-worker processes the ingest starts
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    return env


def check_imports(python: str, root: Path, env: dict[str, str]) -> dict[str, str]:
    """Where the ingest's interpreter finds flows, transforms and warehouse: they must be root's
    (an editable install of another checkout in the venv must not win)."""
    code = (
        "import json, flows, transforms, warehouse; "
        "print(json.dumps({m.__name__: m.__file__ for m in (flows, transforms, warehouse)}))"
    )
    found = json.loads(
        subprocess.run([python, "-c", code], cwd=root, env=env, check=True, capture_output=True, text=True).stdout
    )
    wrong = {k: v for k, v in found.items() if not Path(v).resolve().is_relative_to(root)}
    if wrong:
        raise SystemExit(f"error: {python} imports {wrong} from outside {root}")
    return found


def run_ingest(
    python: str, root: Path, corpus: Path, db: Path, workers: int, batch_size: int, log_path: Path
) -> tuple[list[str], float, datetime, datetime]:
    env = child_env(root)
    check_imports(python, root, env)
    command = [
        python,
        "-c",
        ENTRY,
        "ingest",
        str(corpus / "inputs"),
        "--warc",
        str(corpus / "pages.warc.gz"),
        "--db",
        str(db),
        "--no-publish",
        "--workers",
        str(workers),
        "--batch-size",
        str(batch_size),
        "--no-progress",
    ]
    log(f"ingest: cd {shlex.quote(str(root))} && {shlex.join(command)}")
    started = datetime.now(UTC)
    clock = time.perf_counter()
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - clock
    finished = datetime.now(UTC)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.write_text(
        f"$ cd {shlex.quote(str(root))} && {shlex.join(command)}\n"
        f"# exit {result.returncode}, {seconds:.1f} s\n"
        f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}",
        encoding="utf-8",
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"error: the ingest exited {result.returncode} (see {log_path})")
    log(f"ingest done in {seconds:.1f} s")
    return command, seconds, started, finished


# === 3. the dump =======================================================================================


class Canon:
    """Turns a row value into plain JSON, the same for every run of the same behaviour:

    - timestamps in UTC ISO form; a timestamp that falls inside the ingest's own wall-clock window
      (its start to its end, RUN_WINDOW_SLACK either side) becomes RUN_TIME. Those are the times
      the clock gave during the run: documents.fetched_at and articles'/article_versions' seen_at
      of file inputs (WARC inputs keep their fixed WARC-Date), story_articles.event_at and
      stories.first/last_event_at of articles without a published_at (event_at falls back to the
      fetch time), fetch_state.last_fetched_at. Published, modified and candidate dates of the
      corpus's pages are all long before the run, so they are kept as they are;
    - a date (not a timestamp) that is the UTC day of the run becomes RUN_DATE: the fetched_on
      day of the views rule_hits_by_source_day and v_boilerplate_by_source, cast from fetched_at;
    - strings: the warehouse's temporary folder (documents.landing_path) becomes WAREHOUSE_DIR;
    - JSON columns (removed_spans.fields) are parsed and re-written with sorted keys;
    - lists keep their order (it is content: authors, aliases, band keys), floats keep every digit.
    """

    def __init__(self, window: tuple[datetime, datetime] | None, warehouse_dir: str | None) -> None:
        if window:  # the clock's window, and the UTC days it spans
            window = (window[0] - RUN_WINDOW_SLACK, window[1] + RUN_WINDOW_SLACK)
        self.window = window
        self.warehouse_dir = warehouse_dir

    def __call__(self, value: Any, type_name: str = "") -> Any:
        if value is None or isinstance(value, (bool, int, float)):
            return value
        if isinstance(value, datetime):
            if value.tzinfo is None:
                return value.isoformat()
            if self.window and self.window[0] <= value <= self.window[1]:
                return RUN_TIME
            return value.astimezone(UTC).isoformat()
        if isinstance(value, date):
            if self.window and self.window[0].date() <= value <= self.window[1].date():
                return RUN_DATE
            return value.isoformat()
        if isinstance(value, dtime):
            return value.isoformat()
        if isinstance(value, str):
            if type_name == "JSON":
                return json.loads(value)
            if self.warehouse_dir and self.warehouse_dir in value:
                return value.replace(self.warehouse_dir, WAREHOUSE_DIR)
            return value
        if isinstance(value, (list, tuple)):
            inner = type_name[:-2] if type_name.endswith("[]") else ""
            return [self(v, inner) for v in value]
        if isinstance(value, dict):
            return {str(k): self(v) for k, v in value.items()}
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, (bytes, bytearray)):
            return value.hex()
        if isinstance(value, uuid.UUID):
            return str(value)
        return str(value)


def dropped(table: str, column: str) -> bool:
    return ("*", column) in DROPPED_COLUMNS or (table, column) in DROPPED_COLUMNS


def table_list(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute("""
        select table_name, case when table_type = 'VIEW' then 'view' else 'table' end
        from information_schema.tables where table_schema = 'main' order by table_name
    """).fetchall()


def untie_stories(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Canonicalise what the order of undated articles decides in stories, in place.

    Stories are assigned in (event_at, article_id) order, and the event_at of an article without
    a published_at is its document's fetched_at: the clock time one of the landing threads read
    the file at. Two undated articles of one batch are therefore assigned in an order that
    changes from run to run, and when they end up in one story, which of them opened it does
    too (seen: text_07/text_08 swapped between two runs of the same code; the two seeds are
    another such pair). What follows from that choice is canonicalised for every story with two
    or more members whose event_at is RUN_TIME (a "clock-tied" story):

    - story_id (in every table and view) -> "<clock-tied story of A>", A its least article_id
      (story_id is the hash of the opener's article_id);
    - stories.opener_article_id and title, v_story_coverage.story_title -> CLOCK_TIED when the
      opener is one of the undated members;
    - story_articles.is_opener and similarity of its undated members -> CLOCK_TIED;
    - v_story_coverage.first_article_id (when undated) and is_first (when the outlet's first
      article is undated) -> CLOCK_TIED.

    Which articles form the story, its counts and everything of its dated members stay compared.
    """
    members: dict[str, list[dict[str, Any]]] = {}
    for row in rows.get("story_articles", []):
        members.setdefault(row["story_id"], []).append(row)
    tied = {
        story: min(r["article_id"] for r in group)
        for story, group in members.items()
        if sum(r.get("event_at") == RUN_TIME for r in group) >= 2
    }
    if not tied:
        return
    undated = {r["article_id"] for story in tied for r in members[story] if r.get("event_at") == RUN_TIME}
    opener_undated = {
        r["story_id"]
        for r in rows.get("stories", [])
        if r["story_id"] in tied and r.get("opener_article_id") in undated
    }
    for table, table_rows in rows.items():
        for row in table_rows:
            story = row.get("story_id")
            if story not in tied:
                continue
            row["story_id"] = f"<clock-tied story of {tied[story]}>"
            if table == "story_articles" and row["article_id"] in undated:
                row["is_opener"] = row["similarity"] = CLOCK_TIED
            elif table == "stories" and story in opener_undated:
                row["opener_article_id"] = row["title"] = CLOCK_TIED
            elif table == "v_story_coverage":
                if story in opener_undated and "story_title" in row:
                    row["story_title"] = CLOCK_TIED
                if row.get("first_article_id") in undated:
                    row["first_article_id"] = row["is_first"] = CLOCK_TIED


def dump_warehouse(db: Path, dump_dir: Path, canon: Canon) -> dict[str, Any]:
    """One sorted <table>.jsonl per table and view in dump_dir; returns the per-table summary."""
    tables: dict[str, Any] = {}
    rows: dict[str, list[dict[str, Any]]] = {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute("set TimeZone = 'UTC'")
        keys = {
            t: list(cols)
            for t, cols in con.execute("""
            select table_name, constraint_column_names from duckdb_constraints()
            where constraint_type = 'PRIMARY KEY' and schema_name = 'main'""").fetchall()
        }
        for name, kind in table_list(con):
            if name in LEDGER_TABLES:
                continue
            columns = con.execute(
                """
                select column_name, data_type from information_schema.columns
                where table_schema = 'main' and table_name = ? order by ordinal_position""",
                [name],
            ).fetchall()
            kept = [(c, t) for c, t in columns if not dropped(name, c)]
            select = ", ".join(f'"{c}"' for c, _ in kept)
            rows[name] = [
                {c: canon(v, t) for (c, t), v in zip(kept, row)}
                for row in con.execute(f'select {select} from "{name}"').fetchall()
            ]
            tables[name] = {
                "kind": kind,
                "columns": [[c, t] for c, t in kept],
                "dropped": [c for c, _ in columns if dropped(name, c)],
                "key": [c for c in keys.get(name, []) if not dropped(name, c)],
            }
    finally:
        con.close()

    untie_stories(rows)
    if dump_dir.exists():
        for old in dump_dir.glob("*.jsonl"):
            old.unlink()
    dump_dir.mkdir(parents=True, exist_ok=True)
    for name, table_rows in rows.items():
        lines = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in table_rows)
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        (dump_dir / f"{name}.jsonl").write_bytes(data)
        tables[name] |= {"rows": len(lines), "sha256": sha256_bytes(data)}
    return tables


def git_state(root: Path) -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True).stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD") or None,
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def dump(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    shared = (args.shared or SCRIPT_ROOT.parent / "shared").resolve()
    corpus = (args.corpus or DEFAULT_CORPUS).absolute()
    python = args.python or (
        str(root / ".venv" / "bin" / "python") if (root / ".venv" / "bin" / "python").exists() else sys.executable
    )
    out: Path = args.out.absolute()
    dump_dir = out.with_suffix("") if out.suffix == ".json" else out.with_name(out.name + ".d")

    workdir = Path(tempfile.mkdtemp(prefix="newsetl-equivalence-wh-"))
    try:
        with corpus_lock(corpus):
            log(f"corpus: {corpus} (from {shared} and {root / 'seeds'})")
            manifest = build_corpus(root, shared, corpus)
            log(f"corpus: {manifest['n_files']} files, sha256 {manifest['sha256'][:16]}")
            db = workdir / "news.duckdb"
            command, seconds, started, finished = run_ingest(
                python, root, corpus, db, args.workers, args.batch_size, dump_dir / "ingest.log"
            )
        tables = dump_warehouse(db, dump_dir, Canon((started, finished), str(workdir)))
    finally:
        if args.keep_warehouse:
            log(f"warehouse kept at {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    summary = {
        "root": str(root),
        "git": git_state(root),
        "python": python,
        "command": command,
        "ingest_options": {"workers": args.workers, "batch_size": args.batch_size},
        "ingest_seconds": round(seconds, 1),
        "ran_at": started.isoformat(timespec="seconds"),
        "corpus": {k: v for k, v in manifest.items() if k != "files"},
        "dump_dir": os.path.relpath(dump_dir, out.parent),
        "ledger_tables_skipped": sorted(LEDGER_TABLES),
        "dropped_columns": {f"{t}.{c}": why for (t, c), why in DROPPED_COLUMNS.items()},
        "canonicalised": {
            RUN_TIME: "a timestamp inside the ingest's wall-clock window",
            RUN_DATE: "a date that is the UTC day of one",
            CLOCK_TIED: "story fields decided by the clock order of undated articles (see untie_stories)",
            WAREHOUSE_DIR: "the temporary warehouse folder in a path",
        },
        "tables": tables,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    width = max(len(t) for t in tables)
    for name, info in tables.items():
        print(f"{name:<{width}}  {info['kind']:<5} {info['rows']:>6} rows  {info['sha256'][:16]}")
    print(f"ingest {seconds:.1f} s; summary {out}; rows in {dump_dir}/")
    return 0


# === 4. compare ========================================================================================


def _load_summary(path: Path) -> dict[str, Any]:
    summary = json.loads(path.read_text(encoding="utf-8"))
    summary["_dump_dir"] = (path.parent / summary["dump_dir"]).resolve()
    return summary


def _rows(summary: dict[str, Any], table: str) -> list[str]:
    path = summary["_dump_dir"] / f"{table}.jsonl"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def _show_row_differences(table: str, a: dict[str, Any], b: dict[str, Any], show: int) -> None:
    """The rows only in A and only in B (as multisets); rows with the same key on both sides are shown
    as the columns that differ."""
    only_a = Counter(_rows(a, table)) - Counter(_rows(b, table))
    only_b = Counter(_rows(b, table)) - Counter(_rows(a, table))
    rows_a = [json.loads(r) for r in sorted(only_a.elements())]
    rows_b = [json.loads(r) for r in sorted(only_b.elements())]
    print(f"    {len(rows_a)} rows only in A, {len(rows_b)} rows only in B")
    key = a["tables"][table].get("key") or []
    shown = 0
    if key:
        by_key_b = {tuple(json.dumps(r.get(k)) for k in key): r for r in rows_b}
        paired = set()
        for row in rows_a:
            other = by_key_b.get(tuple(json.dumps(row.get(k)) for k in key))
            if other is None:
                continue
            paired.add(id(row)), paired.add(id(other))
            if shown < show:
                print(f"    ~ {', '.join(f'{k}={row.get(k)}' for k in key)}")
                for column in sorted(set(row) | set(other)):
                    if row.get(column) != other.get(column):
                        print(f"        {column}: A {_short(row.get(column))}")
                        print(f"        {' ' * len(column)}  B {_short(other.get(column))}")
            shown += 1
        rows_a = [r for r in rows_a if id(r) not in paired]
        rows_b = [r for r in rows_b if id(r) not in paired]
    for side, rows in (("A", rows_a), ("B", rows_b)):
        for row in rows[: max(0, show - shown)]:
            print(f"    {side} only: {_short(row, 400)}")
        if len(rows) > max(0, show - shown):
            print(f"    ... {len(rows) - max(0, show - shown)} more rows only in {side}")


def compare(path_a: Path, path_b: Path, show: int) -> int:
    a, b = _load_summary(path_a), _load_summary(path_b)
    print(f"A: {path_a} ({a['root']} @ {str(a['git']['commit'])[:12]}{' dirty' if a['git']['dirty'] else ''})")
    print(f"B: {path_b} ({b['root']} @ {str(b['git']['commit'])[:12]}{' dirty' if b['git']['dirty'] else ''})")
    if a["corpus"]["dir"] != b["corpus"]["dir"]:
        print(
            f"note: the corpora were at different paths ({a['corpus']['dir']} vs {b['corpus']['dir']}): "
            "article ids (SHA-256 of file URIs) and what follows from them will differ"
        )
    if a["corpus"]["sha256"] != b["corpus"]["sha256"]:
        print("note: the corpora differ (another seeds/ or shared data): rows will differ")
    if a["ingest_options"] != b["ingest_options"] or a["dropped_columns"] != b["dropped_columns"]:
        print("note: the ingest options or the dump's dropped columns differ between A and B")
    n_different = 0
    tables = sorted(set(a["tables"]) | set(b["tables"]))
    width = max(len(t) for t in tables)
    for table in tables:
        ta, tb = a["tables"].get(table), b["tables"].get(table)
        if ta is None or tb is None:
            n_different += 1
            print(f"{table:<{width}}  only in {'B' if ta is None else 'A'} ({(ta or tb)['rows']} rows)")
            continue
        schema_same = ta["columns"] == tb["columns"]
        if schema_same and ta["sha256"] == tb["sha256"]:
            print(f"{table:<{width}}  identical ({ta['rows']} rows)")
            continue
        n_different += 1
        print(f"{table:<{width}}  DIFFERENT (A {ta['rows']} rows, B {tb['rows']} rows)")
        if not schema_same:
            cols_a, cols_b = dict(map(tuple, ta["columns"])), dict(map(tuple, tb["columns"]))
            for column in sorted(set(cols_a) | set(cols_b)):
                if cols_a.get(column) != cols_b.get(column):
                    print(f"    column {column}: A {cols_a.get(column, 'absent')}, B {cols_b.get(column, 'absent')}")
            if list(cols_a) != list(cols_b) and set(cols_a) == set(cols_b):
                print("    column order differs")
        if ta["sha256"] != tb["sha256"]:
            _show_row_differences(table, a, b, show)
    print(
        f"{len(tables) - n_different} of {len(tables)} tables identical"
        + (f", {n_different} different" if n_different else "")
    )
    return 1 if n_different else 0


# === command line ======================================================================================


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="See the module docstring for the corpus, the ingest and the dump.",
    )
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("A.json", "B.json"),
        help="compare two dumps; exit 1 on any difference",
    )
    parser.add_argument("--show", type=int, default=5, help="differing rows shown per table (--compare, default 5)")
    parser.add_argument("--out", type=Path, help="the summary to write (its rows go to a folder of the same name)")
    parser.add_argument(
        "--root",
        type=Path,
        default=SCRIPT_ROOT,
        help=f"the checkout whose code runs (default: this script's repository, {SCRIPT_ROOT})",
    )
    parser.add_argument(
        "--shared",
        type=Path,
        help=f"the shared data folder (default: ../shared beside this script's repository, "
        f"{SCRIPT_ROOT.parent / 'shared'})",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help=f"where the corpus is built (default: {DEFAULT_CORPUS}); keep it the same for "
        "dumps that are to be compared",
    )
    parser.add_argument(
        "--python", help="interpreter for the ingest (default: <root>/.venv/bin/python if there is one, else this one)"
    )
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"ingest --workers (default {WORKERS})")
    parser.add_argument(
        "--batch-size", type=int, default=BATCH_SIZE, help=f"ingest --batch-size (default {BATCH_SIZE})"
    )
    parser.add_argument("--keep-warehouse", action="store_true", help="keep the temporary warehouse and landing store")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare, show=args.show)
    if not args.out:
        parser.error("--out is required (or --compare A.json B.json)")
    return dump(args)


if __name__ == "__main__":
    sys.exit(main())
