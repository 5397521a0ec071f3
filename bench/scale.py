"""Scale benchmark (issue 20): one more ingest of the same fresh mix into warehouses of growing size.

    python bench/scale.py [--sizes 10000,100000] [--workdir DIR] [--out bench/results/scale.md]

1. A template warehouse: `newsetl ingest` of the seeds and of a bench/corpus.py corpus (300 copies of
   the shared pages, 1,200 seed-shaped text articles; corpus seed 7) — real bodies, blocks,
   removed spans, dates, mentions, entities, quotes, signatures, copies and stories, as the code
   makes them. Kept in the work folder and reused by a later run.
2. Each size: a copy of the template multiplied IN SQL (`insert ... select ... from T, range(1, n)`)
   to at least that many articles: every id of copy k gets the suffix `~k` (documents, articles,
   stories, link groups, loads; entities that are not from the shipped gazetteers, whose names
   get a word of their own, so the name index grows like the articles), the MinHash values and
   band keys are re-hashed with k (copies are not each other's near-duplicates), and every time
   moves back by k / n of a year (dates spread over the year before the template's).
3. Into each: `newsetl ingest FRESH --workers 2` of the fresh mix (bench/corpus.py, corpus seed 1:
   1,000 plain-text articles and 200 HTML pages, none of them in the template), timed in a child
   process that wraps the writer's stages: enrich (and inside it: the changed-articles read, the
   entity read + resolution, the near-duplicate read + match, the story reads + clustering), load,
   checks, publish. Then the same command again (nothing changed: the unchanged re-run).
   Peak RSS is the summed RSS of the ingest's process tree (psutil, every 0.1 s), and the peak of each
   part: the writer (the flow's own process), the page workers (with their forkserver). The CLI's
   long-lived Prefect server is started before the timed runs (`newsetl server start`, as any earlier
   command leaves it in service) and sampled on its own: its RSS at the tree's peak is reported beside
   the tree and added to it in a row of its own. (`--server-in-tree`: the runs before 2026-12-07 18:50
   UTC, where the first ingest started the server, so it was in that run's tree, 180-460 MB.)

Names of the copies: a copied person keeps the template person's first name and the first two letters of
the last name (the resolver's fuzzy block), whose last word gets the copy's word as a tail ('Elizabeth
Burton' -> 'Elizabeth Burtonkaromi'); other entities get the copy's word as a last word (their block, the
first two letters, unchanged). So the copies' people spread over the blocks as the template's real last
names do (before 2026-12-06 20:30 UTC a copy's last name was its own word, 16 dense blocks for everyone).
A name ending in a suffix ('Jr.') gets the tail on the suffix: rare, left so.

Per-article cost = the flow's own seconds (summary line `batches N in X s`) / articles loaded.
The result is written as a markdown table (--out) and as JSON beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import psutil

from corpus import ROOT, SEEDS, build_benchmark_corpus  # bench/corpus.py

sys.path.insert(0, str(ROOT))
from transforms.analysis.gazetteers import gazetteer  # noqa: E402


def _gazetteer_ids() -> set[str]:
    return {ref.entity_id for ref in gazetteer().aliases.values()}


PYTHON = ROOT / ".venv" / "bin" / "python"
NEWSETL = ROOT / ".venv" / "bin" / "newsetl"
POLL_SECONDS = 0.1
YEAR_SECONDS = 365 * 86400
COPIES_PER_STATEMENT = 25
# tables that grow with the articles (the ledger's loads too: rows belong to completed loads)
MULTIPLIED = (
    "loads",
    "documents",
    "article_versions",
    "articles",
    "article_blocks",
    "removed_spans",
    "rejects",
    "date_candidates",
    "article_dates",
    "entities",
    "mentions",
    "quotes",
    "article_signatures",
    "near_duplicates",
    "story_articles",
    "stories",
    "signature_bands",  # from migration 012 on
)
ID_COLUMNS = frozenset(
    {
        "document_id",
        "article_id",
        "duplicate_of_article_id",
        "duplicate_group_id",
        "story_id",
        "link_group_id",
        "opener_article_id",
        "previous_story_id",
        "load_id",
        "reject_id",
    }
)
ENTITY_COLUMNS = frozenset({"entity_id", "speaker_entity_id"})
UNIQUE_TEXT_COLUMNS = frozenset({"uri", "url", "content_hash", "landing_path", "final_url"})
SYLLABLES = "ka ro mi sa tu ve lo ni da pe zu ha bo ri fe go".split()  # a copy's own name word (16 x 16 x 16)

# --- child: one ingest with the writer's stages timed ------------------------------------------


ACTIVE: list[str] = []  # the timed stages running now in the child, innermost last (the writer's thread)


def _timed(owner: object, name: str, label: str, spent: dict[str, float], calls: dict[str, int]) -> None:
    original = getattr(owner, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        ACTIVE.append(label)
        try:
            return original(*args, **kwargs)
        finally:
            ACTIVE.pop()
            spent[label] += time.perf_counter() - started
            calls[label] += 1

    setattr(owner, name, wrapper)


def _sample_rss(peaks: dict[str, int], stop: threading.Event) -> None:
    """Every POLL_SECONDS, this process's RSS, kept as the largest seen under the innermost timed stage
    running then ('other' outside them): which of the writer's stages its peak comes in."""
    me = psutil.Process()
    while not stop.wait(POLL_SECONDS):
        label = ACTIVE[-1] if ACTIVE else "other"
        peaks[label] = max(peaks.get(label, 0), me.memory_info().rss)


def child(out: Path, argv: list[str]) -> None:
    """Run `newsetl ingest ARGV` in this process with the writer's stages timed; write them to `out`."""
    import atexit

    import flows.enrichment as enrichment
    import warehouse.snapshot as snapshot
    from flows.cli import main
    from warehouse import Warehouse

    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    _timed(enrichment.enrich, "fn", "enrich", spent, calls)
    reads = (
        "changed_articles",
        "known_entities",
        "entity_block_names",
        "entities_by_name_keys",
        "signatures_sharing_bands",
    )
    for name in (*reads, "story_candidates", "story_members"):
        if not hasattr(Warehouse, name):  # a tree from before the name keys
            continue
        _timed(Warehouse, name, f"enrich.read.{name}", spent, calls)
    for name in ("close_block_names", "resolve_entities", "near_duplicates", "recluster", "story_features"):
        if hasattr(enrichment, name):
            _timed(enrichment, name, f"enrich.{name}", spent, calls)
    _timed(Warehouse, "load_batch", "load", spent, calls)
    _timed(Warehouse, "run_checks", "checks", spent, calls)
    _timed(snapshot, "publish", "publish", spent, calls)

    rss: dict[str, int] = {}
    stop = threading.Event()
    threading.Thread(target=_sample_rss, args=(rss, stop), daemon=True).start()

    def write() -> None:
        stop.set()
        mb = {label: round(value / 2**20) for label, value in rss.items()}
        out.write_text(json.dumps({"seconds": dict(spent), "calls": dict(calls), "writer_rss_mb": mb}, indent=1))

    atexit.register(write)
    sys.argv = ["newsetl", "ingest", *argv]
    main()


def prepare(db: Path) -> None:
    """Open the warehouse once before the timed runs: the migrations of this tree, and the name keys
    a migration leaves to the flow (as the first enrich would make them)."""
    from warehouse import Warehouse

    with Warehouse(db) as wh:
        try:
            from transforms.analysis.entity_keys import entity_name_keys
        except ImportError:  # a tree from before the name keys
            return
        if wh.backfill_pending("entity_name_keys"):
            wh.backfill_entity_name_keys(entity_name_keys(wh.known_entities()))
        wh.checkpoint()
        publish_before(wh, db)


def publish_before(wh: object, db: Path) -> None:
    """A warehouse in service has been published before: its snapshot, and (from the A/B publish of
    issue 20 on) the standby, the snapshot published before that one. Both are made here, untimed:
    the snapshot by publishing, the standby as a byte copy of it (what a second publish with no
    change in between would leave). The timed ingest's publish then brings the standby up to date
    with one ingest's rows; in service it holds two ingests' rows (the last two publishes'), about
    twice what the bench writes. A tree without the standby publishes once (its publish copies)."""
    import warehouse.snapshot as snapshot

    published = snapshot.publish(wh, db.parent / "published")  # type: ignore[arg-type]
    standby_path = getattr(snapshot, "standby_path", None)
    if standby_path is not None:
        standby = standby_path(published.path)
        shutil.copyfile(published.path, standby)
        standby.chmod(0o444)


# --- parent ------------------------------------------------------------------------------------


def _role(proc: psutil.Process, root: int) -> str:
    """What a process of the ingest's tree is: the writer (the flow), Prefect's server, or a page worker."""
    if proc.pid == root:
        return "writer"
    try:
        line = " ".join(proc.cmdline())
    except psutil.Error:
        return "other"
    return "prefect" if "prefect" in line or "uvicorn" in line else "worker"


def _tree_rss(proc: psutil.Process) -> tuple[int, dict[str, int]]:
    """The summed RSS of a process tree, and by role (writer, prefect, worker)."""
    total, roles = 0, defaultdict[str, int](int)
    try:
        members = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, {}
    for member in members:
        try:
            rss = member.memory_info().rss
        except psutil.Error:
            continue
        total += rss
        roles[_role(member, proc.pid)] += rss
    return total, roles


@dataclass
class Polled:
    """What `run` saw of a command's process tree: its wall seconds, output, the peak of the summed RSS
    (bytes), each role's own peak, and each role's RSS at the moment of the tree's peak (with `seconds`,
    when it came): the roles' peaks need not come at once, so their sum can exceed the tree's."""

    seconds: float
    text: str
    peak: int = 0
    peaks: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    at_peak: dict[str, float] = field(default_factory=dict)


def _rss(pid: int | None) -> int:
    """The RSS of one process (0 when there is none, or it is gone)."""
    try:
        return psutil.Process(pid).memory_info().rss if pid else 0
    except psutil.Error:
        return 0


def run(command: list[str], log: Path, env: dict[str, str], server: int | None = None) -> Polled:
    """Run a command, polling its process tree's RSS every POLL_SECONDS; `server`, the pid of the
    Prefect server started before it (outside the tree), is sampled beside it as role 'server'."""
    polled = Polled(0.0, "")
    with log.open("w") as handle:
        started = time.perf_counter()
        popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
        proc = psutil.Process(popen.pid)
        while popen.poll() is None:
            total, roles = _tree_rss(proc)
            if server:
                roles["server"] = _rss(server)
            if total > polled.peak:
                polled.peak = total
                polled.at_peak = {role: round(rss / 2**20) for role, rss in sorted(roles.items())}
                polled.at_peak["seconds"] = round(time.perf_counter() - started, 1)
            for role, rss in roles.items():
                polled.peaks[role] = max(polled.peaks[role], rss)
            time.sleep(POLL_SECONDS)
        polled.seconds = time.perf_counter() - started
    polled.text = log.read_text(errors="replace")
    if popen.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` exited {popen.returncode}; see {log}:\n{polled.text[-3000:]}")
    return polled


def _summary_number(pattern: str, text: str) -> float | None:
    match = re.search(pattern, text, re.MULTILINE)
    return float(match.group(1)) if match else None


def template(work: Path, env: dict[str, str]) -> Path:
    """The template warehouse (made once per work folder)."""
    db = work / "template" / "news.duckdb"
    if db.exists():
        return db
    corpus = work / "template" / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    build_benchmark_corpus(corpus, 300, 1200, seed=7)
    command = [str(NEWSETL), "ingest", str(corpus), str(SEEDS), "--db", str(db), "--no-progress", "--no-publish"]
    run(command, work / "template" / "ingest.log", env)
    return db


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in con.execute(f"describe {table}").fetchall()]


def _expression(column: str, kind: str, shift: str) -> str:
    """The SQL of column `column` (type `kind`) in copy k (`shift`: that copy's interval back in time)."""
    suffix = "'~' || k"
    if column in ID_COLUMNS:
        return f"{column} || {suffix}"
    if column in ENTITY_COLUMNS:
        shared = f"{column} in (select entity_id from gazetteer_ids)"
        return f"case when {shared} then {column} else {column} || {suffix} end"
    if column == "entity_ids":
        copied = f"case when m.shared then m.id else m.id || {suffix} end"
        return f"coalesce(list_transform(entity_marks, lambda m: {copied}), [])"
    if column in UNIQUE_TEXT_COLUMNS:
        return f"{column} || '#' || k"
    if column == "band_key":
        return "hash(band_key, k)"
    if column in ("signature", "band_keys"):
        return f"list_transform({column}, lambda x: hash(x, k))"
    if kind.startswith("TIMESTAMP") or kind == "DATE":
        return f"{column} - {shift}"
    return column


def _copy_name(name: str) -> str:
    """The SQL of a name of copy k: a person's last word gets the copy's word as a tail ('Elizabeth
    Burton' -> 'Elizabeth Burtonkaromi': the same first name and the same first two letters of the last
    name, so the same fuzzy block of the resolver as the real name), any other name gets it as a last
    word ('Ministry of Defence Karomi', whose block is its first two letters, also unchanged)."""
    person = f"regexp_replace({name}, '(\\pL+)(\\PL*)$', '\\1' || lower(copy_word) || '\\2')"
    return f"case when kind = 'person' then {person} else {name} || ' ' || copy_word end"


def _entity_expression(column: str) -> str:
    """Entities not from the gazetteers: their id, name and aliases of copy k."""
    if column == "entity_id":
        return "entity_id || '~' || r.k"
    if column == "entity_name":
        return _copy_name("entity_name")
    if column == "aliases":
        return f"list_transform(aliases, lambda a: {_copy_name('a')})"
    if column == "load_id":
        return "load_id || '~' || r.k"
    return column


def multiply(template_db: Path, db: Path, size: int) -> dict[str, object]:
    """Copy the template to `db` and multiply its rows to at least `size` articles."""
    shutil.copyfile(template_db, db)
    started = time.perf_counter()
    con = duckdb.connect(str(db))
    n_template = con.execute("select count(*) from articles").fetchone()[0]  # type: ignore[index]
    copies = -(-size // n_template)
    con.execute("set preserve_insertion_order = false")
    # the gazetteer entities keep their canonical ids in every copy
    con.execute("create temp table gazetteer_ids (entity_id varchar primary key)")
    con.executemany("insert into gazetteer_ids values (?)", [[i] for i in sorted(_gazetteer_ids())])
    words = [
        (SYLLABLES[(k // 256) % 16] + SYLLABLES[(k // 16) % 16] + SYLLABLES[k % 16]).title() for k in range(copies)
    ]
    con.execute("create temp table copy_words (copy_k integer, copy_word varchar)")
    con.executemany("insert into copy_words values (?, ?)", list(enumerate(words)))
    # story_articles.entity_ids: which ids are the gazetteer's (kept) and which are copied
    con.execute(
        "create temp table story_marks as select s.*, (select list({'id': x, 'shared': x in (select entity_id from"
        " gazetteer_ids)}) from unnest(s.entity_ids) as u(x)) as entity_marks from story_articles as s"
    )
    tables = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    step = YEAR_SECONDS / copies
    shift = f"to_seconds(cast(k * {step} as bigint))"
    for first in range(1, copies, COPIES_PER_STATEMENT):
        last = min(copies, first + COPIES_PER_STATEMENT)
        con.begin()
        for table in MULTIPLIED:
            if table not in tables:
                continue
            columns = _columns(con, table)
            if table == "entities":
                select = ", ".join(_entity_expression(c) for c, _ in columns)
                source = (
                    "(select * from entities where entity_id not in (select entity_id from gazetteer_ids)"
                    f" and entity_id not like '%~%') as e, range({first}, {last}) as r(k)"
                    " join copy_words on copy_k = r.k"
                )
            else:
                select = ", ".join(_expression(c, t, shift) for c, t in columns)
                rows = (
                    "story_marks"
                    if table == "story_articles"
                    else f"(select * from {table} where {_template_rows(table, columns)})"
                )
                source = f"{rows} as t, range({first}, {last}) as r(k)"
            con.execute(f"insert into {table} select {select} from {source}")
        con.commit()
    if "entity_name_keys" in tables:  # computed in Python: the flow's own backfill makes them (untimed, below)
        con.execute("delete from entity_name_keys")
        con.execute("insert or ignore into pending_backfills values ('entity_name_keys')")
    con.execute("checkpoint")
    n_articles = con.execute("select count(*) from articles").fetchone()[0]  # type: ignore[index]
    n_entities = con.execute("select count(*) from entities").fetchone()[0]  # type: ignore[index]
    con.close()
    return {
        "template_articles": n_template,
        "copies": copies,
        "articles": n_articles,
        "entities": n_entities,
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def _template_rows(table: str, columns: list[tuple[str, str]]) -> str:
    """The template's own rows (not a copy made by an earlier statement)."""
    names = {c for c, _ in columns}
    key = next(c for c in ("load_id", "document_id", "article_id") if c in names)
    return f"{key} not like '%~%'"


def server_in_service() -> tuple[int, str]:
    """Start the CLI's long-lived Prefect server (flows/server.py `ensure_running`, what `newsetl server
    start` runs) before the timed runs, as any earlier command leaves it in service, and return its pid
    and API address: it is then not in an ingest's process tree (a run that starts it has it there, a
    later one does not), and is sampled on its own. The timed runs get its address as PREFECT_API_URL:
    `--child` imports the flow's modules (Prefect among them) before the CLI's main to time them, and a
    child run without it started Prefect's temporary API as well (a second server of about 220 MB in its
    tree, seen in the runs of 2026-12-07 18:40 UTC; the `newsetl ingest` command itself, watched with the
    server running, starts none)."""
    from flows.server import ensure_running

    state = ensure_running()
    return state.pid, state.api_url


def ingest(db: Path, fresh: Path, name: str, env: dict[str, str], server: int | None = None) -> dict[str, object]:
    timings = db.parent / f"{name}.stages.json"
    command = [str(PYTHON), __file__, "--child", str(timings), "--", str(fresh), "--db", str(db), "--no-progress"]
    command += ["--workers", "2"]
    polled = run(command, db.parent / f"{name}.log", env, server)
    seconds, peak, text, roles = polled.seconds, polled.peak, polled.text, polled.peaks
    stages = json.loads(timings.read_text())
    with duckdb.connect(str(db), read_only=True) as con:
        columns = {
            c
            for (c,) in con.execute(
                "select column_name from duckdb_columns() where table_name = 'publishes'"
            ).fetchall()
        }
        method = (
            con.execute("select method, method_note from publishes order by published_at desc limit 1").fetchall()
            if "method" in columns
            else []
        )
        scope_columns = {
            c
            for (c,) in con.execute(
                "select column_name from duckdb_columns() where table_name = 'check_results'"
            ).fetchall()
        }
        scopes = (
            dict(
                con.execute(
                    "select scope, count(*) from check_results "
                    "where checked_at = (select max(checked_at) from check_results) group by scope"
                ).fetchall()
            )
            if "scope" in scope_columns
            else {}
        )
    return {
        "last_publish": {"method": method[0][0], "note": method[0][1]} if method else {"method": "copy", "note": None},
        "check_scopes": scopes,
        "wall_seconds": round(seconds, 2),
        "flow_seconds": _summary_number(r"^batches\s+\d+ in ([\d.]+) s", text),
        "loaded": _summary_number(r"^loaded\s+(\d+)\s*$", text),
        "rejected": _summary_number(r"^rejected\s+(\d+)\s*$", text),
        "peak_rss_mb": round(peak / 2**20),
        "peak_rss_mb_by_role": {role: round(rss / 2**20) for role, rss in sorted(roles.items())},
        "rss_mb_at_tree_peak": polled.at_peak,
        "stages": {k: round(v, 2) for k, v in sorted(stages["seconds"].items())},
        "writer_rss_mb_by_stage": stages.get("writer_rss_mb", {}),
    }


def _writer_peak(by_stage: dict[str, int] | None) -> str:
    """The stage the writer's largest RSS sample came in, and that RSS (a run from before this row: '-')."""
    if not by_stage:
        return "-"
    stage, mb = max(by_stage.items(), key=lambda kv: kv[1])
    return f"{stage}: {mb}"


def _at_peak(at: dict[str, float] | None) -> str:
    """Where the tree's peak came and what made it (a run from before this column: '-')."""
    if not at:
        return "-"
    roles = " / ".join(str(round(at.get(role, 0))) for role in ("writer", "worker", "prefect"))
    if "server" in at:
        return f"{at.get('seconds')} s: {roles}; server outside {round(at['server'])}"
    return f"{at.get('seconds')} s: {roles}"


def _with_server(run: dict) -> object:
    """The tree's peak plus the Prefect server's RSS at that moment, when it was outside the tree ('-' if not)."""
    at = run.get("rss_mb_at_tree_peak") or {}
    return run["peak_rss_mb"] + round(at["server"]) if "server" in at else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="warehouse sizes in articles (comma-separated)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/newsetl-scale"))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.md")
    parser.add_argument("--label", default="", help="a note for the table's heading (e.g. the commit)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tables", type=Path, nargs="+", help="print the tables of these result JSON files, then stop")
    parser.add_argument(
        "--reuse",
        type=lambda text: [int(x) for x in text.split(",")],
        default=[],
        help="sizes whose warehouse in the work folder (with its built.json) is used as it is, not built again",
    )
    parser.add_argument(
        "--server-in-tree",
        action="store_true",
        help="do not start the Prefect server before the timed runs (the runs before 2026-12-07 18:50 UTC): the "
        "first ingest that finds none starts it and has it in its tree",
    )
    args, rest = parser.parse_known_args()
    if args.tables:
        print("\n".join(table(json.loads(path.read_text())) for path in args.tables))
        return 0
    if args.prepare:
        prepare(args.prepare)
        return 0
    if args.child:
        child(args.child, [a for a in rest if a != "--"])
        return 0
    env = os.environ | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    template_db = template(work, env)
    fresh = work / "fresh"
    if not fresh.exists():
        build_benchmark_corpus(fresh, 200, 1000, seed=1)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        folder = work / f"w{size}"
        db = folder / "news.duckdb"
        if size in args.reuse and (folder / "built.json").exists():
            # built by an earlier run that stopped before its first ingest (built.json goes when one starts)
            built = json.loads((folder / "built.json").read_text()) | {"reused": True}
            shutil.rmtree(folder / "published", ignore_errors=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            built = multiply(template_db, db, size)
            (folder / "built.json").write_text(json.dumps(built))
        started = time.perf_counter()
        run([str(PYTHON), __file__, "--prepare", str(db)], folder / "prepare.log", env)
        built["prepare_seconds"] = round(time.perf_counter() - started, 1)
        print(f"{size}: built {built}", flush=True)
        size_before = db.stat().st_size
        (folder / "built.json").unlink()  # ingested into from here on: not a built warehouse to reuse
        server, run_env = None, env
        if not args.server_in_tree:
            server, api_url = server_in_service()
            run_env = env | {"PREFECT_API_URL": api_url}
        first = ingest(db, fresh, "first", run_env, server)
        print(f"{size}: first {first}", flush=True)
        again = ingest(db, fresh, "again", run_env, server)
        print(f"{size}: again {again}", flush=True)
        rows.append(
            {"size": size, "built": built, "file_mb": round(size_before / 2**20), "first": first, "again": again}
        )
        shutil.rmtree(folder / "published", ignore_errors=True)
    report = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "label": args.label,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(report, indent=1))
    args.out.write_text(table(report))
    print(table(report))
    return 0


STAGES = (
    "enrich",
    "enrich.read.changed_articles",
    "enrich.read.known_entities",
    "enrich.read.entity_block_names",
    "enrich.close_block_names",
    "enrich.read.entities_by_name_keys",
    "enrich.resolve_entities",
    "enrich.read.signatures_sharing_bands",
    "enrich.near_duplicates",
    "enrich.read.story_candidates",
    "enrich.read.story_members",
    "enrich.recluster",
    "load",
    "checks",
    "publish",
)


def _scopes(run: dict) -> str:
    """The last checks run's results by scope (sql/migrations/014_check_scope.sql), e.g. 'run 17, ledger 1'."""
    scopes = run.get("check_scopes") or {}
    return ", ".join(f"{k} {v}" for k, v in sorted(scopes.items(), key=lambda kv: str(kv[0]))) or "whole warehouse"


def table(report: dict) -> str:
    rows = report["rows"]
    lines = [
        f"# Scale benchmark (bench/scale.py) {report['label']}".rstrip(),
        "",
        f"Run at {report['at']} on {report['machine']['cpus']} CPUs (load at the end "
        f"{', '.join(f'{x:.1f}' for x in report['machine']['load'])}); fresh mix: 1,000 plain-text "
        "articles + 200 HTML pages, `--workers 2`.",
        "",
        "| | " + " | ".join(f"{r['built']['articles']:,} articles" for r in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]

    def line(name: str, values: list[object]) -> None:
        lines.append(f"| {name} | " + " | ".join(str(v) for v in values) + " |")

    line("file before the ingest (MB)", [r["file_mb"] for r in rows])
    line("entities", [f"{r['built']['entities']:,}" for r in rows])
    line(
        "articles loaded / rejected",
        [f"{int(r['first']['loaded'] or 0)} / {int(r['first'].get('rejected') or 0)}" for r in rows],
    )
    line("flow seconds", [r["first"]["flow_seconds"] for r in rows])
    line("wall seconds", [r["first"]["wall_seconds"] for r in rows])
    per = [(r["first"]["flow_seconds"] or 0) * 1000 / max(1, r["first"]["loaded"] or 0) for r in rows]
    line("ms per article (flow / loaded)", [f"{p:.1f}" for p in per])
    smallest = per[min(range(len(rows)), key=lambda i: rows[i]["built"]["articles"])]  # in any order of --sizes
    line("ratio to the smallest", [f"{p / smallest:.2f}" for p in per])
    line("peak RSS of the tree (MB)", [r["first"]["peak_rss_mb"] for r in rows])
    line("… plus the Prefect server in service at that moment (MB)", [_with_server(r["first"]) for r in rows])
    for role, label in (
        ("writer", "the writer"),
        ("worker", "the page workers (with the forkserver)"),
        ("prefect", "Prefect's server in the tree"),
        ("server", "Prefect's server in service, outside the tree"),
    ):
        line(f"… peak of {label} (MB)", [r["first"].get("peak_rss_mb_by_role", {}).get(role, "-") for r in rows])
    line(
        "the writer's peak came in (stage: MB)", [_writer_peak(r["first"].get("writer_rss_mb_by_stage")) for r in rows]
    )
    line(
        "at the tree's peak: s into the run, writer / page workers / Prefect in the tree (MB)",
        [_at_peak(r["first"].get("rss_mb_at_tree_peak")) for r in rows],
    )
    for stage in STAGES:
        line(f"{stage} (s)", [r["first"]["stages"].get(stage, "-") for r in rows])
    line("unchanged re-run: flow seconds", [r["again"]["flow_seconds"] for r in rows])
    line("re-run rejected (parsed again)", [int(r["again"].get("rejected") or 0) for r in rows])
    line(
        "unchanged re-run / first run",
        [f"{(r['again']['flow_seconds'] or 0) / max(0.001, r['first']['flow_seconds'] or 0):.1%}" for r in rows],
    )
    line(
        "publish: how (the last publish of the first run)",
        [r["first"].get("last_publish", {}).get("method", "-") for r in rows],
    )
    line("checks by scope (first run)", [_scopes(r["first"]) for r in rows])
    line("checks by scope (re-run)", [_scopes(r["again"]) for r in rows])
    line("re-run checks (s)", [r["again"]["stages"].get("checks", "-") for r in rows])
    line("re-run publish (s)", [r["again"]["stages"].get("publish", "-") for r in rows])
    line("build seconds (SQL multiply)", [r["built"]["build_seconds"] for r in rows])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
