"""Rebuild: a warehouse made again from the landing store alone gives the same articles (ids,
versions, content hashes) and documents, and asks nothing of the network."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from flows.rebuild import rebuild
from flows.settings import Settings
from tests.conftest import DW_SEED, EXTRACTION, ROOT, SEEDS
from tests.http_server import robots, serve

PAGES_DIR = EXTRACTION / "scrapinghub" / "html"
FIXTURES = ROOT / "tests" / "fixtures" / "html"
LOCAL = {"allowed_networks": ["127.0.0.1/32"], "host_delay": 0.0, "fetch_timeout": 5.0}
SLOW_MACHINE = {"extract_timeout": 300.0, "workers": 1}


def _rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.sql(
                "select article_id, version, document_id, uri, content_hash, title, source_id "
                "from articles order by all"
            ).fetchall(),
            "versions": con.sql(
                "select article_id, version, content_hash from article_versions order by all"
            ).fetchall(),
            "documents": con.sql(
                "select document_id, uri, kind, status, origin, http_status, content_type, fetched_at "
                "from documents order by all"
            ).fetchall(),
            "rejects": con.sql(
                "select reject_id, stage, reason from rejects where stage in ('extract', 'clean') order by all"
            ).fetchall(),
        }
    finally:
        con.close()


class NoNetwork(AssertionError):
    pass


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> Path:
    """A warehouse from seeds, two HTML files, two fetched pages, an empty file, and an edited
    file in a second run (two versions of one article)."""
    if not PAGES_DIR.is_dir():
        pytest.skip("../shared/data/extraction pages not found")
    tmp_path = tmp_path_factory.mktemp("rebuild")
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    for page in FIXTURES.glob("*.html"):
        shutil.copy(page, folder / page.name)
    (folder / "empty.txt").write_bytes(b"")
    pages = sorted(PAGES_DIR.glob("*.html"))[:2]
    routes = {"/robots.txt": robots("User-agent: *\nAllow: /\n")}
    routes |= {f"/news/{i}.html": page.read_bytes() for i, page in enumerate(pages)}
    db = tmp_path / "wh" / "news.duckdb"
    with serve(routes) as site:
        first = ingest(
            paths=[str(folder)],
            urls=[f"{site}/news/{i}.html" for i in range(2)],
            settings=Settings(db_path=db, **LOCAL, **SLOW_MACHINE),
        )
        n_requests = len(site.requests)
    assert first.n_loaded == 6 and first.rejected_by_reason == {"empty_file": 1}, first.lines()
    edited = folder / DW_SEED.name
    edited.write_text(DW_SEED.read_text("utf-8").replace("more than 100,000 troops", "about 130,000 troops"), "utf-8")
    second = ingest(paths=[str(folder)], settings=Settings(db_path=db, **SLOW_MACHINE))
    assert second.n_loaded == 1
    assert n_requests >= 3  # robots.txt and the two pages were fetched
    return db


def test_rebuild_into_a_new_file_gives_the_same_articles_without_the_network(original, tmp_path, monkeypatch) -> None:
    def no_fetcher(*args, **kwargs):
        raise NoNetwork("rebuild built a Fetcher")

    monkeypatch.setattr("flows.fetching.Fetcher.__init__", no_fetcher)  # the class flows.acquire uses too
    before = _rows(original)
    copy = tmp_path / "new" / "news.duckdb"

    summary = rebuild(into=str(copy), settings=Settings(db_path=original, **SLOW_MACHINE))

    assert _rows(copy) == before
    assert len(before["versions"]) == 7 and len(before["articles"]) == 6
    assert summary.n_loaded == 7 and summary.n_rejected == 1 and all(c.passed for c in summary.checks)
    assert _rows(original) == before  # left alone


def test_rebuild_in_place_swaps_the_new_file_in_and_keeps_the_old(original) -> None:  # runs second
    before = _rows(original)

    summary = rebuild(settings=Settings(db_path=original, **SLOW_MACHINE))

    assert _rows(original) == before
    assert (original.parent / "news.duckdb.bak").is_file()
    assert _rows(original.parent / "news.duckdb.bak") == before
    assert not list(original.parent.glob("*.rebuilding*"))
    assert summary.n_loaded == 7
