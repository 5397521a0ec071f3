"""The landing manifest's settled mark: a run that recorded every batch it landed marks the manifests'
sizes and the warehouse's latest load, and the next run's recovery reads only the lines after the mark
(not the last 7 days' lines, 2.8 M at 0.4 M documents a day) while that load is still the latest. A run
that stops before its end leaves the mark where it was."""

from __future__ import annotations

import json
from pathlib import Path

from flows.inputs import (
    MANIFEST_DIR,
    discover_files,
    land_files,
    landed_entries,
    record_landed,
    settle_landed,
    settled_mark,
)


def _landed(folder: Path, names: list[str], landing: Path) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(f"{name}\n\nA body of {name} that says enough.\n", "utf-8")
    files, _ = discover_files([str(folder / name) for name in names])
    landed, rejects = land_files(files, landing, 1_000_000)
    assert not rejects
    return landed


def _names(entries: list[dict]) -> list[str]:
    return [entry["uri"].rsplit("/", 1)[-1] for entry in entries]


def _after_mark(landing: Path, warehouse: str) -> list[str]:
    """What recovery reads when the warehouse's latest load is still the mark's ("L1")."""
    mark = settled_mark(landing, warehouse)
    return _names(landed_entries(landing, warehouse, after=mark.sizes if mark and mark.last_load_id == "L1" else None))


def test_recovery_reads_only_the_lines_after_the_last_settled_run(tmp_path) -> None:
    landing = tmp_path / "landing"
    record_landed(landing, _landed(tmp_path / "in", ["a.txt", "b.txt"], landing), "w.duckdb")
    record_landed(landing, _landed(tmp_path / "in", ["x.txt"], landing), "other.duckdb")
    assert _after_mark(landing, "w.duckdb") == ["a.txt", "b.txt"]  # no mark yet
    settle_landed(landing, "w.duckdb", "L1")
    record_landed(landing, _landed(tmp_path / "in", ["c.txt"], landing), "w.duckdb")
    assert _after_mark(landing, "w.duckdb") == ["c.txt"]
    assert _names(landed_entries(landing, "w.duckdb")) == ["a.txt", "b.txt", "c.txt"]  # a rebuild's read
    assert _after_mark(landing, "other.duckdb") == ["x.txt"]  # its own mark: none
    settle_landed(landing, "w.duckdb", "L1")
    assert _after_mark(landing, "w.duckdb") == []
    settle_landed(landing, "w.duckdb", "L0")  # a mark whose load is no longer the latest: read whole
    assert _after_mark(landing, "w.duckdb") == ["a.txt", "b.txt", "c.txt"]


def test_a_mark_past_a_manifest_s_end_or_unreadable_means_reading_it_whole(tmp_path) -> None:
    landing = tmp_path / "landing"
    record_landed(landing, _landed(tmp_path / "in", ["a.txt", "b.txt"], landing), "w.duckdb")
    settle_landed(landing, "w.duckdb", "L1")
    (manifest,) = (landing / MANIFEST_DIR).glob("*.jsonl")
    first = manifest.read_text("utf-8").splitlines()[0]
    manifest.write_text(first + "\n", "utf-8")  # edited: shorter than its mark
    assert _after_mark(landing, "w.duckdb") == ["a.txt"]
    (mark,) = (landing / MANIFEST_DIR).glob(".settled-*.json")
    mark.write_text("{not json", "utf-8")
    assert settled_mark(landing, "w.duckdb") is None and _after_mark(landing, "w.duckdb") == ["a.txt"]
    other = {"warehouse": "another.duckdb", "last_load_id": "L1", "sizes": {manifest.name: 1}}
    mark.write_text(json.dumps(other), "utf-8")
    assert settled_mark(landing, "w.duckdb") is None  # a mark of another warehouse
