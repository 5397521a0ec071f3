"""Issue 19, cases 1 and 6: no document stalls a run, and every rejected document says so.

- A text of nothing but relative-date sentences (quadratic in the old `relative_dates`: ~1 MB held
  normalise for about a minute) loads, with its phrases capped.
- A document whose clean, normalise or annotate never ends is rejected as `extract_timeout` with
  the stage at the start of the detail, within its per-document limit, and the rest of its batch
  loads (the stages are replaced by stand-ins that hang on a marker word: tests/reliability/stalling.py).
- A document rejected after extract (no_article_text at clean, a stopped stage) has
  `documents.status = 'rejected'`, not 'unchanged'.
"""

from __future__ import annotations

import time
from datetime import date

import polars as pl
import pytest

import flows.enrichment
import flows.stages
from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query
from tests.reliability import stalling
from tests.reliability.test_hostile_inputs import paragraphs, text_article
from transforms import reasons
from transforms.dates.relative_dates import MAX_RELATIVE_DATES, relative_dates
from warehouse import Warehouse

LIMIT = 3.0  # seconds a document, in the stalled-stage run


def _name(uri: str) -> str:
    return uri.rsplit("/", 1)[1]


def test_relative_dates_of_a_text_made_of_them_are_capped() -> None:
    text = "Officials said yesterday. " * (3 * MAX_RELATIVE_DATES)
    found = relative_dates(text, date(2026, 3, 4))
    assert len(found) == MAX_RELATIVE_DATES
    assert [r.start_char for r in found] == [i * 26 + 15 for i in range(MAX_RELATIVE_DATES)]  # the first ones
    assert {r.resolved_date for r in found} == {date(2026, 3, 3)}


def test_a_megabyte_of_relative_date_sentences_loads_with_its_phrases_capped(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(text_article("Bridge vote", paragraphs("bridge")), "utf-8")
    lines = ["Officials said yesterday. " * 8 for _ in range(5_000)]  # 40,000 phrases, 1 MB
    (folder / "dates.txt").write_text("Officials and dates\n\n" + "\n\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "news.duckdb"
    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), extract_timeout=30.0))
    assert (summary.n_loaded, summary.n_rejected) == (2, 0)
    counts = query(
        db,
        "select a.uri, count(d.article_id) from articles a left join article_dates d using (article_id) "
        "group by all order by all",
    )
    assert [(_name(u), n) for u, n in counts] == [("dates.txt", MAX_RELATIVE_DATES), ("good.txt", 1)]


@pytest.fixture(scope="module")
def stalled(tmp_path_factory):
    """One batch: three good texts, one text with no article, and one text each whose clean,
    normalise or annotate hangs; limit LIMIT s a document."""
    tmp = tmp_path_factory.mktemp("stalled")
    folder = tmp / "in"
    folder.mkdir()
    for topic in ("bridge", "harbour", "library"):
        (folder / f"good-{topic}.txt").write_text(text_article(f"The {topic}", paragraphs(topic)), "utf-8")
    (folder / "boilerplate.txt").write_text("Share this article\n\nSubscribe to our newsletter\n", "utf-8")
    for stage, marker in (
        ("clean", stalling.CLEAN_MARKER),
        ("normalise", stalling.NORMALISE_MARKER),
        ("annotate", stalling.ANNOTATE_MARKER),
    ):
        body = paragraphs(f"{stage} tower")
        body[1] += f" {marker} was there."
        (folder / f"stall-{stage}.txt").write_text(text_article(f"The {stage} tower", body), "utf-8")
    patch = pytest.MonkeyPatch()
    patch.setattr(flows.stages, "parse_text_articles", stalling.hanging_clean)
    patch.setattr(flows.stages, "normalise_batch", stalling.hanging_normalise)
    patch.setattr(flows.enrichment, "annotations_of", stalling.hanging_annotate)
    db = tmp / "news.duckdb"
    started = time.monotonic()
    try:
        summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), extract_timeout=LIMIT, workers=2))
    finally:
        patch.undo()
    return db, summary, time.monotonic() - started


def test_a_document_whose_stage_hangs_is_rejected_as_extract_timeout_naming_the_stage(stalled) -> None:
    db, summary, _ = stalled
    rejects = query(db, "select uri, stage, reason, detail from rejects where uri like '%stall-%' order by uri")
    assert [(_name(u), stage, reason) for u, stage, reason, _ in rejects] == [
        ("stall-annotate.txt", "clean", reasons.EXTRACT_TIMEOUT),
        ("stall-clean.txt", "clean", reasons.EXTRACT_TIMEOUT),
        ("stall-normalise.txt", "clean", reasons.EXTRACT_TIMEOUT),
    ]
    for uri, _, _, detail in rejects:
        stage = _name(uri)[len("stall-") : -len(".txt")]
        assert detail.startswith(f"{stage}: stopped after "), detail
        assert "per-document time limit" in detail


def test_the_rest_of_the_batch_loads_and_the_hanging_documents_cost_their_limit(stalled) -> None:
    db, summary, seconds = stalled
    assert sorted(_name(u) for (u,) in query(db, "select uri from articles")) == [
        "good-bridge.txt",
        "good-harbour.txt",
        "good-library.txt",
    ]
    assert (summary.n_loaded, summary.n_rejected) == (3, 4)
    assert query(
        db, "select count(*) from mentions m join articles a using (article_id) where a.uri like '%stall%'"
    ) == [(0,)]
    # each stalled stage costs its tries (the batch's and the document's own, LIMIT each), never its
    # hang: the whole run ends well inside one hang (the bound leaves room for a loaded machine,
    # where this run took 42 s at load 23 against its 3 x 2 x LIMIT of tries)
    assert seconds < stalling.HANG_SECONDS / 2, seconds
    with Warehouse(db, read_only=True) as wh:
        failing = [c.name for c in wh.run_checks(reason_codes=reasons.ALL) if not c.passed and c.severity == "error"]
    assert failing == []


def test_every_rejected_document_has_status_rejected(stalled) -> None:
    db, _, _ = stalled
    statuses = query(db, "select uri, status from documents order by uri")
    assert [(_name(u), s) for u, s in statuses] == [
        ("boilerplate.txt", "rejected"),
        ("good-bridge.txt", "loaded"),
        ("good-harbour.txt", "loaded"),
        ("good-library.txt", "loaded"),
        ("stall-annotate.txt", "rejected"),
        ("stall-clean.txt", "rejected"),
        ("stall-normalise.txt", "rejected"),
    ]


def test_quotes_and_mentions_of_one_body_are_capped() -> None:
    from transforms.analysis.entities import MAX_MENTIONS_PER_ARTICLE, mentions_frame
    from transforms.analysis.quotes import MAX_QUOTES_PER_ARTICLE, quotes_frame

    quoted = '"We will build it," said Mayor Jane Smith. ' * (MAX_QUOTES_PER_ARTICLE + 500)
    named = "Jane Smith met officials of the United Nations in Paris. " * (MAX_MENTIONS_PER_ARTICLE // 3 + 500)
    quotes = quotes_frame(pl.DataFrame({"article_id": ["a"], "body_text": [quoted]}))
    mentions = mentions_frame(pl.DataFrame({"article_id": ["a"], "body_text": [named], "title": ["Paris"]}))
    assert quotes.height == MAX_QUOTES_PER_ARTICLE and quotes["quote_index"].to_list()[:2] == [0, 1]
    assert mentions.height == MAX_MENTIONS_PER_ARTICLE and mentions["field"][0] == "title"
