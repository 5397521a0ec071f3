"""Discover and land with sidecars (flows/inputs.py), without running the flow."""

from __future__ import annotations

import json
from pathlib import Path

from flows.inputs import discover_files, land_files, landed_entries, read_manifests, record_landed, recover_landed
from transforms.metadata.sidecars import Sidecar

TEXT = "Title\n\nThe council voted on Friday to rebuild the wall, officials said.\n"


def _names(paths) -> list[str]:
    return sorted(Path(p).name for p in paths)


def test_sidecars_are_claimed_by_their_inputs_and_orphans_rejected(tmp_path) -> None:
    for name in ("a.txt", "b.html", "c.txt"):
        (tmp_path / name).write_text(TEXT, "utf-8")
    for name in ("a.txt.json", "b.json", "orphan.json"):
        (tmp_path / name).write_text("{}", "utf-8")
    (tmp_path / "list.csv").write_text("path\n", "utf-8")
    files, rejects = discover_files([str(tmp_path)])
    sidecars = {f.path.name: f.sidecar_path.name if f.sidecar_path else None for f in files}
    assert sidecars == {"a.txt": "a.txt.json", "b.html": "b.json", "c.txt": None}
    assert sorted((r.uri.rsplit("/", 1)[-1], r.reason) for r in rejects) == [
        ("list.csv", "unsupported_type"),
        ("orphan.json", "unsupported_type"),
    ]


def test_a_file_named_directly_finds_its_sidecar(tmp_path) -> None:
    (tmp_path / "story.txt").write_text(TEXT, "utf-8")
    (tmp_path / "story.json").write_text("{}", "utf-8")
    (tmp_path / "story.txt.json").write_text("{}", "utf-8")  # the full name is preferred
    files, _ = discover_files([str(tmp_path / "story.txt")])
    assert files[0].sidecar_path == tmp_path / "story.txt.json"


def test_manifest_paths_are_relative_to_the_manifest_absolute_or_file_uris(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(TEXT, "utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        f"path,language\nin/a.txt,en\n{folder / 'b.txt'},de\n{(folder / 'c.txt').as_uri()},fr\nin/d.txt,English\n",
        "utf-8",
    )
    listed, paths, rejects = read_manifests([str(manifest), str(tmp_path / "none.csv")])
    assert _names(paths) == ["a.txt", "b.txt", "c.txt", "d.txt"]  # d.txt: a bad row still names its file
    assert sorted(r.reason for r in rejects) == ["bad_sidecar", "not_found"]
    files, missing = discover_files(paths, listed)
    assert [r.reason for r in missing] == ["not_found"]  # d.txt does not exist
    assert {f.path.name: (f.listed.language, f.listed_uri.rsplit("/", 1)[-1]) for f in files} == {
        "a.txt": ("en", "m.csv#line=2"),
        "b.txt": ("de", "m.csv#line=3"),
        "c.txt": ("fr", "m.csv#line=4"),
    }


def test_a_bad_sidecar_is_rejected_and_its_file_lands_without_it(tmp_path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, "utf-8")
    (tmp_path / "good.txt.json").write_text(json.dumps({"published_at": "2024-03-05", "language": "en"}), "utf-8")
    (tmp_path / "bad.txt").write_text(TEXT.replace("Friday", "Monday"), "utf-8")
    (tmp_path / "bad.txt.json").write_text('{"published_at": "soon"}', "utf-8")
    files, _ = discover_files([str(tmp_path)])
    landing = tmp_path / "landing"
    landed, rejects = land_files(files, landing, 1_000_000)
    by_name = {d.uri.rsplit("/", 1)[-1]: d for d in landed}
    assert by_name["good.txt"].sidecar == Sidecar(published_at="2024-03-05", language="en")
    assert by_name["good.txt"].sidecar_uris == ((tmp_path / "good.txt.json").as_uri(),)
    assert (by_name["bad.txt"].sidecar, by_name["bad.txt"].sidecar_uris) == (None, ())
    assert [(r.uri.rsplit("/", 1)[-1], r.stage, r.reason) for r in rejects] == [("bad.txt.json", "land", "bad_sidecar")]

    # what the sidecar said is in the landing manifest: recovery gives it back without the file
    record_landed(landing, landed, "w.duckdb")
    (tmp_path / "good.txt.json").unlink()
    recovered = {
        d.uri.rsplit("/", 1)[-1]: d for d in recover_landed(landing, landed_entries(landing, "w.duckdb"), set())
    }
    assert recovered["good.txt"].sidecar == by_name["good.txt"].sidecar
    assert recovered["good.txt"].sidecar_uris == by_name["good.txt"].sidecar_uris
    assert recovered["bad.txt"].sidecar is None
