"""Publish alone on a scale warehouse (issue 20): the whole-file copy against the incremental update
of the standby, on the same file, one after the other in one process.

    python bench/scale_publish.py WAREHOUSE [--out bench/results/scale-publish.md]

WAREHOUSE is a bench/scale.py warehouse after its ingests (e.g. /tmp/newsetl-scale/w100000/news.duckdb);
it is copied first, the original is not touched. Steps, each timed:
1. publish twice: a copy (no snapshot yet), then a copy again (the first becomes the standby);
2. the standby is rewound by the last run that loaded articles (its loads' rows deleted, and the
   band keys and story entities of its articles): the standby then lacks one ingest, as in service
   (where it lacks the last two publishes' ingests);
3. publish: the incremental update of the standby with that ingest's rows; then every table of the
   snapshot is compared with the live file (row counts and a content hash per table);
4. publish again with nothing new (only the ledger's small tables change).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from warehouse import Warehouse  # noqa: E402
from warehouse import snapshot as snap  # noqa: E402


def _rewind(standby: Path) -> int:
    """Delete from the standby what the last run that loaded articles wrote; returns its articles."""
    standby.chmod(0o644)
    with duckdb.connect(str(standby)) as con:
        run = con.execute(
            "select run_id from loads group by run_id having sum(n_loaded) > 0 order by max(finished_at) desc limit 1"
        ).fetchall()[0][0]
        con.execute("create temp table rewound as select load_id from loads where run_id = ?", [run])
        con.execute(
            "create temp table rewound_articles as select article_id, document_id from article_versions "
            "where load_id in (select load_id from rewound)"
        )
        n_articles = con.execute("select count(*) from rewound_articles").fetchall()[0][0]
        con.execute("delete from story_article_entities where article_id in (select article_id from rewound_articles)")
        con.execute("delete from signature_bands where document_id in (select document_id from rewound_articles)")
        tables = con.execute(
            "select distinct table_name from duckdb_columns() where column_name = 'load_id' "
            "and database_name = current_database() and table_name in (select table_name from duckdb_tables()) "
            "and table_name <> 'rejects'"  # a reject seen again keeps its load_id: rewound by hand would differ
        ).fetchall()
        for (table,) in tables:
            con.execute(f'delete from "{table}" where load_id in (select load_id from rewound)')
        con.execute("checkpoint")
    standby.chmod(0o444)
    return n_articles


def _fingerprints(path: Path) -> dict[str, tuple[int, int]]:
    """Per table: the row count and an order-independent hash of the rows."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() where database_name = current_database() order by 1"
            ).fetchall()
        ]
        return {
            t: tuple(con.execute(f'select count(*), coalesce(sum(hash(t)), 0) from "{t}" as t').fetchall()[0])
            for t in tables
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale-publish.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scale-publish-"))
    live = work / "news.duckdb"
    shutil.copyfile(args.warehouse, live)
    published = work / "published"
    steps: list[dict[str, object]] = []

    def publish(label: str, wh: Warehouse) -> snap.Publication:
        started = time.perf_counter()
        publication = snap.publish(wh, published)
        steps.append(
            {
                "step": label,
                "seconds": round(time.perf_counter() - started, 2),
                "method": publication.method,
                "note": publication.method_note,
            }
        )
        print(steps[-1], flush=True)
        return publication

    with Warehouse(live) as wh:
        n_articles = wh.scalar("select count(*) from articles")
        publish("1. first publish (no snapshot)", wh)
        first = publish("1. second publish (the first becomes the standby)", wh)
        n_rewound = _rewind(snap.standby_path(first.path))
        third = publish(f"3. the standby lacks one ingest ({n_rewound:,} articles)", wh)
        wh.checkpoint()
    same = _fingerprints(third.path) == _fingerprints(live)
    with Warehouse(live) as wh:
        publish("4. nothing new since the last publish", wh)
    size = live.stat().st_size
    shutil.rmtree(work, ignore_errors=True)
    report = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "warehouse": str(args.warehouse),
        "articles": n_articles,
        "file_mb": round(size / 2**20),
        "load": os.getloadavg(),
        "steps": steps,
        "incremental_equals_live": same,
    }
    lines = [
        f"# Publish alone (bench/scale_publish.py): {n_articles:,} articles, {report['file_mb']:,} MB",
        "",
        f"Run at {report['at']} (load at the end {', '.join(f'{x:.1f}' for x in report['load'])}) on a copy of "
        f"{args.warehouse}. After step 3 the snapshot equals the live file table by table (count and content "
        f"hash): {'yes' if same else 'NO'}.",
        "",
        "| step | seconds | method | note |",
        "|---|---|---|---|",
        *(f"| {s['step']} | {s['seconds']} | {s['method']} | {s['note'] or ''} |" for s in steps),
    ]
    args.out.write_text("\n".join(lines) + "\n")
    args.out.with_suffix(".json").write_text(json.dumps(report, indent=1))
    print("\n".join(lines))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
