"""Issue 19: a manifest row over csv's field limit is a reject and the run goes on; control
characters in manifest and sidecar values never reach the warehouse."""

from __future__ import annotations

import csv
import json

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query
from tests.reliability.test_hostile_inputs import paragraphs, text_article
from transforms import reasons


def _name(uri: str) -> str:
    return uri.rsplit("/", 1)[1]


def test_a_manifest_row_over_the_csv_field_limit_is_a_reject_and_the_other_rows_load(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, topic in (("a.txt", "bridge"), ("b.txt", "harbour"), ("c.txt", "library")):
        (folder / name).write_text(text_article(f"The {topic}", paragraphs(topic)), "utf-8")
    manifest = tmp_path / "manifest.csv"
    huge = "https://news.example/" + "x" * (csv.field_size_limit() + 10)
    manifest.write_text(
        "path,url,authors\n"
        "in/a.txt,https://news.example/a,Jane Doe\n"
        f"in/b.txt,{huge},John Roe\n"
        "in/c.txt,https://news.example/c,Mary Major\n",
        "utf-8",
    )
    db = tmp_path / "news.duckdb"
    summary = ingest(manifests=[str(manifest)], settings=Settings(db_path=str(db)))
    rejects = query(db, "select uri, stage, reason, detail from rejects")
    assert [(_name(u), stage, reason) for u, stage, reason, _ in rejects] == [
        ("manifest.csv#line=3", "discover", reasons.BAD_SIDECAR)
    ]
    assert "field larger than field limit" in rejects[0][3]
    loaded = query(db, "select uri, authors from articles order by uri")
    assert [(_name(u), a) for u, a in loaded] == [("a.txt", ["Jane Doe"]), ("c.txt", ["Mary Major"])]
    assert summary.n_rejected == 1


def test_control_characters_in_manifest_and_sidecar_values_do_not_reach_the_articles(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, topic in (("a.txt", "bridge"), ("b.txt", "harbour")):
        (folder / name).write_text(text_article(f"The {topic}", paragraphs(topic)), "utf-8")
    (folder / "a.txt.json").write_text(
        json.dumps({"authors": ["Jane\x00 Doe\x1b[31m", "\x07John Roe"], "url": "https://news.example/a\x00"}),
        "utf-8",
    )
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,authors\nin/b.txt,Mary\x00 Major;\x1b[1mAnn\x7f Lee\n", "utf-8")
    db = tmp_path / "news.duckdb"
    ingest(paths=[str(folder)], manifests=[str(manifest)], settings=Settings(db_path=str(db)))
    rows = query(db, "select uri, authors, url from articles order by uri")
    assert [(_name(u), authors, url) for u, authors, url in rows] == [
        ("a.txt", ["Jane Doe", "John Roe"], "https://news.example/a"),
        ("b.txt", ["Mary Major", "Ann Lee"], None),
    ]
    assert query(db, "select count(*) from rejects") == [(0,)]
