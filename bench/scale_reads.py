"""The enrich stage's batch reads alone, timed against a built warehouse (issue 20, fifth round).

1. `capture`: ingest the fresh mix (bench/scale.py's work folder `fresh`) into a copy of the small template
   warehouse and record the arguments of each batch read (entities_by_name_keys, signatures_sharing_bands,
   story_candidates) to a pickle. The entity read is replayed in its steps: the block names read from the
   warehouse replayed against, the close names picked from them, then the entities.
2. `replay`: run those reads, and the story-member read of each batch's linked groups, against a warehouse
   file (for example a `--sizes 100000` warehouse of bench/scale.py before its ingest); print seconds and rows
   per read as JSON, and with --out keep the result frames (Arrow) to compare two trees' answers.
The code measured is the one on PYTHONPATH (printed). Run replay on a copy: Warehouse may migrate the file."""

from __future__ import annotations

import argparse
import atexit
import json
import pickle
import sys
import time
from pathlib import Path

READS = ("entity_block_names", "entities_by_name_keys", "signatures_sharing_bands", "story_candidates")


def capture(fresh: Path, db: Path, out: Path) -> None:
    from flows.cli import main
    from warehouse import Warehouse

    captured: list[tuple[str, tuple, dict]] = []
    for name in READS:
        original = getattr(Warehouse, name)

        def wrapper(self: Warehouse, *args: object, _original=original, _name=name, **kwargs: object) -> object:
            captured.append((_name, args, kwargs))
            return _original(self, *args, **kwargs)

        setattr(Warehouse, name, wrapper)
    atexit.register(lambda: out.write_bytes(pickle.dumps(captured)))
    sys.argv = ["newsetl", "ingest", str(fresh), "--db", str(db), "--no-progress", "--workers", "2"]
    main()


def replay(args_file: Path, db: Path, out: Path | None) -> dict:
    import warehouse
    from flows.enrichment import linked_group_ids
    from transforms.analysis.entity_keys import close_block_names, similarity_bounds
    from warehouse import Warehouse

    print("tree:", warehouse.__file__, file=sys.stderr)
    captured = pickle.loads(args_file.read_bytes())
    seconds: dict[str, float] = {}
    rows: dict[str, int] = {}
    frames: dict[str, list] = {}

    def timed(name: str, read, *args: object, **kwargs: object):  # noqa: ANN202
        started = time.perf_counter()
        frame = read(*args, **kwargs)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
        rows[name] = rows.get(name, 0) + frame.height
        frames.setdefault(name, []).append(frame.to_arrow())
        return frame

    with Warehouse(db) as wh:
        for name, args, kwargs in captured:
            if name not in READS:
                continue
            if name == "entities_by_name_keys":  # the close names of this warehouse's blocks, not the capture's
                wanted, _, ids = args
                names = timed("entity_block_names", wh.entity_block_names, wanted, similarity_bounds())
                close = timed("close_block_names", close_block_names, wanted, names)
                timed(name, wh.entities_by_name_keys, wanted, close, ids)
                continue
            if name == "entity_block_names":
                continue
            found = timed(name, getattr(wh, name), *args, **kwargs)
            if name == "story_candidates":
                features = args[0]
                groups = linked_group_ids(features, found)
                timed("story_members", wh.story_members, groups, features["article_id"].to_list())
        timed("story_members (nothing wanted)", wh.story_members, [], [])
    if out is not None:
        out.write_bytes(pickle.dumps(frames))
    return {"seconds": {k: round(v, 3) for k, v in seconds.items()}, "rows": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("capture")
    c.add_argument("fresh", type=Path)
    c.add_argument("--db", type=Path, required=True, help="a COPY of the template warehouse")
    c.add_argument("--args", type=Path, required=True)
    r = sub.add_parser("replay")
    r.add_argument("db", type=Path)
    r.add_argument("--args", type=Path, required=True)
    r.add_argument("--out", type=Path)
    ns = parser.parse_args()
    if ns.command == "capture":
        capture(ns.fresh, ns.db, ns.args)
    else:
        print(json.dumps(replay(ns.args, ns.db, ns.out)))
    return 0


if __name__ == "__main__":  # the page workers' forkserver imports this module again
    sys.exit(main())
