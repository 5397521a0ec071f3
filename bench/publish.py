"""How long publishing the BI snapshot takes, with and without the Parquet export.

    python bench/publish.py [--copies 25000] [--workdir DIR]

Loads the two seeds into a fresh warehouse, multiplies their articles, versions and blocks
(`--copies` times each, new ids) so the file has the size of a real archive, then times
`warehouse.snapshot.publish` once without and once with the Parquet export. Prints one line per
measurement; the committed output is bench/results/publish.txt.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from transforms.frames.ledger import DocumentRecord, documents_frame, rejects_frame
from transforms.frames.normalise import PIPELINE_VERSION, ParsedDocument, normalise_batch
from transforms.metadata.sources import source_registry
from transforms.text.articles import parse_text_article
from warehouse import LoadBatch, Warehouse
from warehouse.snapshot import publish

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MULTIPLY = ("articles", "article_id"), ("article_versions", "article_id"), ("article_blocks", "document_id")


def _seed_batch() -> LoadBatch:
    now = datetime.now(UTC)
    records, parsed = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        document_id = hashlib.sha256(data).hexdigest()
        records.append(DocumentRecord(document_id, path.as_uri(), "text", now, "utf-8", len(data), str(path), "loaded"))
        parsed.append(ParsedDocument(document_id, path.as_uri(), parse_text_article(data.decode("utf-8"))))
    normalised = normalise_batch(parsed)
    return LoadBatch(
        str(uuid.uuid4()),
        None,
        0,
        now,
        len(records),
        PIPELINE_VERSION,
        documents_frame(records),
        normalised.articles,
        normalised.blocks,
        normalised.removed_spans,
        rejects_frame([]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=25_000)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsetl-bench-publish-"))
    db = workdir / "news.duckdb"
    with Warehouse(db) as wh:
        wh.upsert_sources(source_registry())
        wh.load_batch(_seed_batch())
        for table, key in MULTIPLY:  # synthetic bulk: same rows, new ids
            wh.query(
                f"insert into {table} select t.* replace (md5(t.{key} || r.i::varchar) as {key}) "
                f"from {table} t, range({args.copies}) r(i)"
            )
        wh.checkpoint()
        counts = {t: wh.query(f"select count(*) as n from {t}")["n"][0] for t, _ in MULTIPLY}
        print(f"warehouse {db.stat().st_size / 1e6:.0f} MB: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
        for export_parquet in (False, True):
            started = time.monotonic()
            published = publish(wh, workdir / "published", export_parquet=export_parquet)
            seconds = time.monotonic() - started
            print(
                f"publish{' + parquet' if export_parquet else ''}: {seconds:.1f} s, "
                f"snapshot {published.path.stat().st_size / 1e6:.0f} MB ({published.storage_version})"
            )


if __name__ == "__main__":
    main()
