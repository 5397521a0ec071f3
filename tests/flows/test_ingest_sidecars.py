"""Sidecar metadata end to end: `<file>.json` beside a text file, a manifest CSV, a malformed
sidecar, and a rebuild from the landing store that applies the same metadata."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query as _query

FIRST_PARAGRAPH = (
    "The council of Port Elwyn voted on Friday to rebuild the sea wall that shelters its fishing fleet, "
    "after two winters of flooding."
)
STORY = f"""Harbour wall vote passes

By Jane Doe, Staff Writer

{FIRST_PARAGRAPH}

Work will start in the spring, the harbour master said yesterday.

Contact the author at jane.doe@harbourherald.example
"""
BRIEF = """Ferry timetable changes

The island ferry has run two extra crossings a day since the 28th, the operator said on Tuesday.
"""
BROKEN = """Lifeboat crew honoured

The volunteer crew of the lifeboat was honoured on Monday for a rescue in heavy seas last winter.
"""


@pytest.fixture
def inputs(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, "utf-8")
    (folder / "story.txt.json").write_text(
        json.dumps(
            {
                "url": "https://www.harbourherald.example/news/2024/03/08/harbour-wall",
                "source": "Reuters",
                "published_at": "2024-03-09T10:30:00+09:00",
                "modified_at": "2024-03-09T12:00:00+09:00",
                "language": "en",
            }
        ),
        "utf-8",
    )
    (folder / "brief.txt").write_text(BRIEF, "utf-8")
    (folder / "broken.txt").write_text(BROKEN, "utf-8")
    (folder / "broken.json").write_text('{"published_at": "2024-03-05", ', "utf-8")  # cut short
    (folder / "notes.json").write_text("{}", "utf-8")  # nobody's sidecar
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,published_at,language,authors\n"
        "in/brief.txt,2024-03-12,en,By Ann Lee; Correspondent Max Roe\n"
        "in/missing.txt,2024-03-12,,\n"
        "in/story.txt,yesterday,,\n",
        "utf-8",
    )
    return folder, manifest


def test_sidecars_and_manifest_rows_set_dates_and_credits_with_provenance(tmp_path, inputs) -> None:
    folder, manifest = inputs
    db = tmp_path / "news.duckdb"
    summary = ingest(paths=[str(folder)], manifests=[str(manifest)], settings=Settings(db_path=str(db)))
    assert all(c.passed for c in summary.checks if c.severity == "error")
    # inputs: 3 texts + missing.txt (not_found) + notes.json (unsupported) + broken.json (bad)
    # + the manifest row that is no date (bad); all three articles load
    assert summary.n_loaded == 3
    rejects = sorted(
        (uri.rsplit("/", 1)[-1], stage, reason)
        for uri, stage, reason in _query(db, "select uri, stage, reason from rejects")
    )
    assert rejects == [
        ("broken.json", "land", "bad_sidecar"),
        ("manifest.csv#line=4", "discover", "bad_sidecar"),
        ("missing.txt", "discover", "not_found"),
        ("notes.json", "discover", "unsupported_type"),
    ]

    rows = {
        uri.rsplit("/", 1)[-1]: rest
        for uri, *rest in _query(
            db,
            """
        select uri, url, source_id, language, published_at, published_at_source, published_at_precision,
               modified_at, modified_at_source, seen_at_source, authors, author_roles, author_emails
        from articles""",
        )
    }
    story = rows["story.txt"]
    assert story[:3] == ["https://www.harbourherald.example/news/2024/03/08/harbour-wall", "reuters", "en"]
    assert story[3] == datetime(2024, 3, 9, 1, 30, tzinfo=UTC)
    assert story[4:6] == ["sidecar", "time"]
    assert (story[6], story[7]) == (datetime(2024, 3, 9, 3, 0, tzinfo=UTC), "sidecar")
    assert story[8] == "fetch_time"
    assert story[9:] == [["Jane Doe"], ["Staff Writer"], ["jane.doe@harbourherald.example"]]

    brief = rows["brief.txt"]
    assert (brief[3], brief[4], brief[5]) == (datetime(2024, 3, 12, tzinfo=UTC), "sidecar", "date")
    assert brief[9:11] == [["Ann Lee", "Max Roe"], ["Correspondent"]]

    broken = rows["broken.txt"]
    assert broken[3:6] == [None, None, None]  # no sidecar, no date in the text: nothing invented
    assert broken[8] == "fetch_time"

    sidecars = dict(_query(db, "select regexp_extract(uri, '[^/]+$'), sidecar_uris from documents"))
    assert [u.rsplit("/", 1)[-1] for u in sidecars["story.txt"]] == ["story.txt.json"]  # its manifest row was bad
    assert [u.rsplit("/", 1)[-1] for u in sidecars["brief.txt"]] == ["manifest.csv#line=2"]
    assert sidecars["broken.txt"] == []

    # relative dates: resolved against published_at (09 March 2024 in Seoul: a Saturday), else kept
    phrases = {
        (uri.rsplit("/", 1)[-1], phrase): (resolved, anchor)
        for uri, phrase, resolved, anchor in _query(
            db,
            """
        select a.uri, d.phrase, d.resolved_date, d.anchor from article_dates d join articles a using (article_id)""",
        )
    }
    assert phrases[("story.txt", "on Friday")] == (date(2024, 3, 8), "published_at")
    assert phrases[("story.txt", "yesterday")] == (date(2024, 3, 8), "published_at")
    assert phrases[("brief.txt", "the 28th")] == (date(2024, 2, 28), "published_at")
    assert phrases[("broken.txt", "on Monday")] == (None, None)

    assert sorted(
        _query(db, "select source_id, published_at_source, published_at_precision, n_articles from v_date_provenance")
    ) == [("reuters", "sidecar", "time", 1), ("unknown", "none", "none", 1), ("unknown", "sidecar", "date", 1)]

    chosen = _query(
        db,
        """select c.field, c.source, c.is_chosen from date_candidates c join articles a using (article_id)
                           where a.uri like '%story.txt' order by c.candidate_index""",
    )
    assert chosen == [
        ("published_at", "sidecar", True),
        ("modified_at", "sidecar", True),
        ("published_at", "url", False),
    ]


def test_a_rebuild_from_the_landing_store_applies_the_same_sidecars(tmp_path, inputs) -> None:
    folder, manifest = inputs
    db = tmp_path / "news.duckdb"
    ingest(paths=[str(folder)], manifests=[str(manifest)], settings=Settings(db_path=str(db)))
    before = _query(db, "select uri, published_at, published_at_source, source_id, authors from articles order by uri")
    for path in tmp_path.glob("news.duckdb*"):
        path.unlink()
    for path in folder.glob("*.json"):  # the sidecars are gone: only the landing store remains
        path.unlink()
    ingest(paths=[], settings=Settings(db_path=str(db)))
    assert (
        _query(db, "select uri, published_at, published_at_source, source_id, authors from articles order by uri")
        == before
    )


def test_the_cli_takes_a_manifest_alone_from_the_environment(tmp_path, inputs, monkeypatch) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    _, manifest = inputs
    db = tmp_path / "cli.duckdb"
    monkeypatch.setenv("NEWSETL_MANIFEST", str(manifest))
    result = CliRunner().invoke(app, ["ingest", "--db", str(db), "--no-progress", "--no-publish"])
    assert result.exit_code == 0, result.output
    # only the files the manifest lists: brief.txt, and story.txt whose row is bad but whose
    # sidecar file is fine (missing.txt is not_found)
    assert sorted(
        (uri.rsplit("/", 1)[-1], source) for uri, source in _query(db, "select uri, published_at_source from articles")
    ) == [("brief.txt", "sidecar"), ("story.txt", "sidecar")]
