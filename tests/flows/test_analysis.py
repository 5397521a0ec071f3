"""The analysis layer end to end: the seeds and a sample of the dev-set pages through the ingest
flow in two runs, then stories, near-duplicates, quotes, every view and every analysis query."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import DW_SEED, EXTRACTION, TEST_SETS, YONHAP_SEED
from tests.conftest import query as _query
from warehouse.store import SQL_DIR, analysis_queries

# pages that name NATO, Russia, Ukraine, Biden or Putin: the hardest not to mistake for the seeds' story
NEAR_TOPIC_PAGES = ("f5c90a6d5253", "7a664e40d256", "82b6d780c792", "c90731f051d0", "1ee91d1fce65", "9a440270bf86")
SAMPLE_EVERY = 5  # and every fifth other page of both sets: about 60 pages
MAX_DEV_STORY = 4  # the largest story of dev-set pages holds at most this many pages
ANALYSIS = ("quotes", "mentions", "entities", "article_signatures", "near_duplicates", "story_articles", "stories")
# a re-published copy of the DW seed: a figure and a day changed, the outlet's sign-off different
DW_COPY = (
    DW_SEED.read_text("utf-8")
    .replace("more than 100,000 troops", "about 130,000 troops")
    .replace("on Friday", "on Thursday")
    .replace("© Deutsche Welle English", "© Example Wire")
)

VIEW_COLUMNS = {
    "v_articles": [
        "article_id",
        "version",
        "source_id",
        "source_name",
        "title",
        "url",
        "uri",
        "authors",
        "agencies",
        "is_syndicated",
        "language",
        "published_at",
        "fetched_at",
        "reported_at",
        "n_words",
        "story_id",
        "duplicate_group_id",
        "duplicate_of_article_id",
        "duplicate_similarity",
        "n_quotes",
        "n_mentions",
        "loaded_at",
        "source_domain",  # added by migration 008 (views keep their columns, may add)
        "is_curated_source",
        "published_local_date",
        "credit_organisations",
    ],
    "v_story_coverage": [
        "story_id",
        "story_title",
        "story_n_articles",
        "story_n_sources",
        "source_id",
        "source_name",
        "n_articles",
        "first_seen_at",
        "last_seen_at",
        "first_article_id",
        "languages",
        "is_first",
    ],
    "v_who_said_what": [
        "speaker",
        "speaker_entity_id",
        "speaker_entity_name",
        "quote_text",
        "verb",
        "speaker_method",
        "quote_index",
        "article_id",
        "title",
        "source_id",
        "source_name",
        "language",
        "published_at",
        "reported_at",
        "story_id",
    ],
    "v_entity_mentions": [
        "entity_id",
        "entity_name",
        "kind",
        "n_mentions",
        "n_articles",
        "n_sources",
        "source_ids",
        "first_seen_at",
        "last_seen_at",
    ],
    "v_boilerplate_by_source": [
        "source_id",
        "source_name",
        "fetched_on",
        "category",
        "rule_id",
        "n_hits",
        "n_documents",
    ],
}
QUERY_COLUMNS = {
    "who_is_quoted_most_per_source": ["source_id", "source_name", "speaker", "n_quotes", "n_articles"],
    "stories_covered_by_most_outlets": [
        "story_id",
        "story_title",
        "n_sources",
        "n_articles",
        "source_ids",
        "languages",
        "first_seen_at",
        "last_seen_at",
    ],
    "first_outlet_per_story": [
        "story_id",
        "story_title",
        "source_id",
        "source_name",
        "first_seen_at",
        "is_first",
        "hours_behind_first",
    ],
    "entities_co_mentioned": ["with_entity_id", "entity_id", "entity_name", "kind", "n_articles_together"],
    "syndicated_copies_per_agency": ["agency", "n_articles", "n_copies", "n_groups_with_copies", "mean_similarity"],
    "boilerplate_removed_per_source_per_day": [
        "source_id",
        "fetched_on",
        "category",
        "n_hits",
        "n_documents",
        "n_rules",
    ],
    "stories_across_languages": [
        "story_id",
        "title",
        "n_articles",
        "n_sources",
        "n_languages",
        "languages",
        "first_event_at",
        "last_event_at",
    ],
    "largest_near_duplicate_groups": [
        "duplicate_group_id",
        "n_articles",
        "n_sources",
        "source_ids",
        "min_similarity",
        "first_title",
    ],
}


def _dev_pages() -> list[Path]:
    pages = sorted(p for name in TEST_SETS for p in (EXTRACTION / name / "html").glob("*.html"))
    return [p for i, p in enumerate(pages) if i % SAMPLE_EVERY == 0 or p.name.startswith(NEAR_TOPIC_PAGES)]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> dict:
    """Run 1: the DW seed and the dev-set sample. Run 2: the Yonhap seed and a copy of the DW seed
    (stories and copies are found against what run 1 loaded). Run 3: run 2 again."""
    if not EXTRACTION.is_dir():
        pytest.skip(f"the dev-set pages are not here: {EXTRACTION}")
    root = tmp_path_factory.mktemp("analysis")
    first, second = root / "first", root / "second"
    (first / "pages").mkdir(parents=True)
    second.mkdir()
    shutil.copy(DW_SEED, first / DW_SEED.name)
    for page in _dev_pages():
        shutil.copy(page, first / "pages" / f"{page.parent.parent.name}-{page.name}")
    shutil.copy(YONHAP_SEED, second / YONHAP_SEED.name)
    (second / "dw_copy.txt").write_text(DW_COPY, "utf-8")
    db = root / "news.duckdb"
    runs = [
        ingest(paths=[str(first)], settings=Settings(db_path=str(db))),
        ingest(paths=[str(second)], settings=Settings(db_path=str(db))),
    ]
    counts = _counts(db)
    runs.append(ingest(paths=[str(second)], settings=Settings(db_path=str(db))))
    return {"db": db, "runs": runs, "counts_after_two_runs": counts, "n_pages": len(list((first / "pages").iterdir()))}


def _counts(db: Path) -> dict[str, int]:
    return {t: _query(db, f"select count(*) from {t}")[0][0] for t in ANALYSIS}


def _story_of(db: Path, uri_part: str) -> str:
    rows = _query(db, f"select story_id from v_articles where uri like '%{uri_part}'")
    assert len(rows) == 1, uri_part
    return rows[0][0]


def test_the_runs_load_and_pass_their_checks(warehouse) -> None:
    first, second, third = warehouse["runs"]
    assert first.n_loaded >= 40 and second.n_loaded == 2 and third.n_unchanged == 2
    assert all(c.passed for run in warehouse["runs"] for c in run.checks if c.severity == "error")


def test_the_two_seeds_form_one_story_across_runs(warehouse) -> None:
    db = warehouse["db"]
    assert _story_of(db, DW_SEED.name) == _story_of(db, YONHAP_SEED.name)
    story = _story_of(db, DW_SEED.name)
    assert _query(db, f"select n_sources from stories where story_id = '{story}'") == [(3,)]  # dw, yonhap, the copy's


def test_no_dev_page_joins_the_seeds_story(warehouse) -> None:
    db = warehouse["db"]
    members = _query(
        db,
        f"select uri from story_articles join articles using (article_id) "
        f"where story_id = '{_story_of(db, DW_SEED.name)}' order by uri",
    )
    assert [uri.rsplit("/", 1)[1] for (uri,) in members] == sorted([DW_SEED.name, YONHAP_SEED.name, "dw_copy.txt"])


def test_dev_pages_do_not_collapse_into_a_few_giant_stories(warehouse) -> None:
    sizes = _query(
        warehouse["db"],
        "select count(*) from story_articles join articles using (article_id) "
        "where uri like '%/pages/%' group by story_id order by 1 desc",
    )
    assert sizes[0][0] <= MAX_DEV_STORY
    assert len(sizes) >= 0.7 * sum(n for (n,) in sizes)  # mostly stories of one page


def test_an_edited_copy_is_a_near_duplicate_of_the_original(warehouse) -> None:
    db = warehouse["db"]
    rows = _query(
        db,
        "select copy.uri, original.uri, near_duplicates.similarity, near_duplicates.duplicate_group_id "
        "from near_duplicates join articles copy using (article_id) "
        "join articles original on original.article_id = near_duplicates.duplicate_of_article_id "
        "where copy.uri like '%dw_copy.txt'",
    )
    assert len(rows) == 1
    copy_uri, original_uri, similarity, group = rows[0]
    assert original_uri.endswith(DW_SEED.name) and similarity > 0.8
    assert _query(db, f"select duplicate_group_id from v_articles where uri like '%{DW_SEED.name}'") == [(group,)]
    assert _query(
        db,
        f"select count(*) from near_duplicates where duplicate_of_article_id in "
        f"(select article_id from articles where uri like '%{YONHAP_SEED.name}')",
    ) == [(0,)]


def test_who_said_what_has_the_seed_quotes_with_their_speakers(warehouse) -> None:
    rows = _query(
        warehouse["db"],
        "select source_id, speaker_entity_name, quote_text from v_who_said_what where source_id in ('dw', 'yonhap')",
    )
    said = {(source, speaker) for source, speaker, _ in rows}
    assert {("dw", "Jens Stoltenberg"), ("dw", "Sergey Lavrov"), ("yonhap", "Jens Stoltenberg")} <= said
    assert any(speaker == "Jens Stoltenberg" and "ready for both options" in quote for _, speaker, quote in rows)


def test_a_repeated_run_adds_no_analysis_rows(warehouse) -> None:
    assert _counts(warehouse["db"]) == warehouse["counts_after_two_runs"]


@pytest.mark.parametrize("view", sorted(VIEW_COLUMNS))
def test_every_view_runs_with_its_columns(warehouse, view: str) -> None:
    con = duckdb.connect(str(warehouse["db"]), read_only=True)
    try:
        result = con.execute(f"select * from {view}")
        assert [d[0] for d in result.description] == VIEW_COLUMNS[view]
        assert result.fetchall()
    finally:
        con.close()


def test_every_analysis_view_and_query_is_listed_here() -> None:
    assert set(VIEW_COLUMNS) <= {p.stem for p in (SQL_DIR / "views").glob("v_*.sql")}
    assert set(analysis_queries()) == set(QUERY_COLUMNS) and len(QUERY_COLUMNS) >= 6


@pytest.mark.parametrize("name", sorted(QUERY_COLUMNS))
def test_every_analysis_query_runs_with_its_columns(warehouse, name: str) -> None:
    from warehouse import Warehouse

    with Warehouse(warehouse["db"], read_only=True) as wh:
        rows = wh.run_analysis(name)
    assert rows.columns == QUERY_COLUMNS[name]


def test_analysis_answers_on_the_seeds(warehouse) -> None:
    from warehouse import Warehouse

    with Warehouse(warehouse["db"], read_only=True) as wh:
        quoted = wh.run_analysis("who_is_quoted_most_per_source").filter(source_id="dw")
        together = wh.run_analysis("entities_co_mentioned", {"entity": "Jens Stoltenberg"})
        stories = wh.run_analysis("stories_covered_by_most_outlets")
    assert quoted["speaker"][0] == "Jens Stoltenberg"
    assert together["with_entity_id"][0] == "person:jens-stoltenberg"
    assert "organisation:nato" in together["entity_id"].to_list()
    # the seeds' story: DW, Yonhap and the copy's outlet (dev-set pages have outlets of their own since
    # issue 16, so a story of theirs may rank first)
    # (found by the DW seed's story id: its title is its first member's, and the undated seeds' first
    # member is the smallest article id, which follows the test's temporary paths)
    seeds_story = stories.filter(pl.col("story_id") == _story_of(warehouse["db"], DW_SEED.name))
    assert seeds_story["n_sources"].to_list() == [3]
    assert stories["n_sources"][0] >= 3


def test_the_analysis_command_lists_and_runs_the_questions(warehouse) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    runner = CliRunner()
    listed = runner.invoke(app, ["analysis"])
    assert listed.exit_code == 0 and "first_outlet_per_story" in listed.output
    db = str(warehouse["db"])
    run = runner.invoke(app, ["analysis", "entities_co_mentioned", "--var", "entity=NATO", "--db", db])
    assert run.exit_code == 0, run.output
    assert "organisation:nato" in run.output and "n_articles_together" in run.output
    assert runner.invoke(app, ["analysis", "no_such_question", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["analysis", "first_outlet_per_story", "--var", "entity", "--db", db]).exit_code == 2
    # the published snapshot (written after the last run, so the same content) answers the same
    from_snapshot = runner.invoke(
        app, ["analysis", "entities_co_mentioned", "--var", "entity=NATO", "--snapshot", "--db", db]
    )
    assert from_snapshot.exit_code == 0, from_snapshot.output
    assert from_snapshot.output == run.output
    missing = runner.invoke(
        app,
        [
            "analysis",
            "first_outlet_per_story",
            "--snapshot",
            "--db",
            str(warehouse["db"].parent / "elsewhere" / "news.duckdb"),
        ],
    )
    assert missing.exit_code == 2 and "no published snapshot" in missing.output
