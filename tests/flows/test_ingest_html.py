"""HTML pages through the ingest flow: decoded right, cleaned, loaded with their page metadata."""

from __future__ import annotations

import gzip

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query as _query
from transforms import reasons

PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for "
    "more than a decade and split the town’s two largest parties.",
    "The new bridge will cost €48 million, according to the council’s own estimate, and is due to open to "
    "traffic in the spring of 2028 if the construction tender goes to plan.",
    "Opponents said the money would be better spent on the ferry service, which carries about 3,000 people "
    "a day between the two halves of the town and has not been modernised since 1994.",
    "“We have waited long enough,” the mayor told reporters after the vote. “People want to cross the river "
    "without checking a timetable first.”",
    "Work on the foundations is expected to start next year, once the environmental review of the estuary "
    "has been published and the contractors have been chosen.",
]


def news_page(charset: str, paragraphs: list[str], title: str = "Council votes to rebuild harbour bridge") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>{title} | Harbour Times</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Harbour Times">
<meta property="og:description" content="A decade-long debate ends with a vote.">
<meta property="article:published_time" content="2026-03-12T09:30:00Z">
<meta name="author" content="Maria Jensen">
<link rel="canonical" href="https://harbour-times.example/news/bridge-vote">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>{title}</h1>
{body}
<p>Read more: Ferry operator warns of job losses</p>
<p>Advertisement</p>
<h2>Related stories</h2>
<ul>
<li><a href="/a">Ferry timetable changes from May</a></li>
<li><a href="/b">Harbour festival returns this summer</a></li>
<li><a href="/c">Estuary birds counted in record numbers</a></li>
</ul>
</article>
<footer><p>&copy; 2026 Harbour Times. All rights reserved.</p></footer>
</body></html>"""


def test_html_pages_load_with_metadata_and_clean_bodies(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    # a cp1252 page labelled iso-8859-1 (the web's usual mislabel): € and curly quotes must survive
    (folder / "bridge.html").write_bytes(news_page("iso-8859-1", PARAGRAPHS).encode("cp1252"))
    # the same kind of page, gzip-compressed, with a different story
    other = [p.replace("bridge", "tunnel") for p in PARAGRAPHS]
    (folder / "tunnel.htm.gz").write_bytes(gzip.compress(news_page("utf-8", other, "Council votes on tunnel").encode()))
    db = tmp_path / "news.duckdb"

    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db)))

    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (2, 2, 0)
    assert all(c.passed for c in summary.checks), [c for c in summary.checks if not c.passed]
    assert sorted(_query(db, "select kind, encoding from documents")) == [("html", "cp1252"), ("html", "utf-8")]
    rows = _query(
        db,
        """
        select title, site_name, url, published_at::date::varchar, authors, extractor, n_mojibake, body_text
        from articles order by title desc""",
    )
    bridge = rows[0]
    assert bridge[:7] == (
        "Council votes to rebuild harbour bridge",
        "Harbour Times",
        "https://harbour-times.example/news/bridge-vote",
        "2026-03-12",
        ["Maria Jensen"],
        "trafilatura",
        0,
    )
    assert bridge[7] == "\n\n".join(PARAGRAPHS)  # in order, nothing added, the boilerplate gone
    assert rows[1][0] == "Council votes on tunnel"
    assert "€48 million" in rows[1][7]


def test_every_removal_is_recorded_and_counted_per_source_and_day(tmp_path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(news_page("utf-8", PARAGRAPHS), "utf-8")
    db = tmp_path / "news.duckdb"
    ingest(paths=[str(page)], settings=Settings(db_path=str(db)))

    removed = _query(db, "select rule_id, text from removed_spans order by span_index")
    assert removed == [
        ("headline_repeat.title", "Council votes to rebuild harbour bridge"),
        ("related_teaser.marker_with_title", "Read more: Ferry operator warns of job losses"),
        ("advertisement.en_label", "Advertisement"),
    ]
    by_day = _query(db, "select site, rule_id, n_hits, n_documents from rule_hits_by_source_day order by rule_id")
    assert [row[1:] for row in by_day] == [
        ("advertisement.en_label", 1, 1),
        ("headline_repeat.title", 1, 1),
        ("related_teaser.marker_with_title", 1, 1),
    ]
    assert {row[0] for row in by_day} == {"harbour-times.example"}


def test_korean_page_in_euc_kr_is_decoded(tmp_path) -> None:
    sentences = [
        "서울시는 화요일 한강 다리를 새로 짓기로 결정했다고 밝혔다. 공사는 내년 봄에 시작될 예정이다.",
        "시 관계자는 새 다리가 하루 3만 명 이상의 시민이 이용할 것으로 예상된다고 말했다.",
        "반대하는 시민들은 예산을 대중교통 개선에 써야 한다고 주장했다.",
    ]
    page = tmp_path / "seoul.html"
    page.write_bytes(news_page("euc-kr", sentences, "서울시 한강 다리 새로 짓는다").encode("euc-kr"))
    db = tmp_path / "news.duckdb"
    ingest(paths=[str(page)], settings=Settings(db_path=str(db)))
    assert _query(db, "select encoding from documents") == [("cp949",)]
    assert _query(db, "select title, body_text, language from articles") == [
        ("서울시 한강 다리 새로 짓는다", "\n\n".join(sentences), "ko")
    ]


def test_bad_html_inputs_are_rejected_with_reasons_and_the_rest_loads(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_text(news_page("utf-8", PARAGRAPHS), "utf-8")
    (folder / "cut.html.gz").write_bytes(gzip.compress(b"<html><body><p>text</p></body></html>")[:20])
    (folder / "menu-only.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", "utf-8"
    )
    (folder / "logo.png.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    db = tmp_path / "news.duckdb"

    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db)))

    assert summary.n_loaded == 1, summary.rejected_by_reason
    assert dict(summary.rejected_by_reason) == {
        reasons.BAD_GZIP: 1,
        reasons.NO_ARTICLE_TEXT: 1,
        reasons.BINARY_CONTENT: 1,
    }
    assert sorted(_query(db, "select reason from rejects")) == sorted(
        [(reasons.BAD_GZIP,), (reasons.NO_ARTICLE_TEXT,), (reasons.BINARY_CONTENT,)]
    )


def test_a_page_that_parses_too_long_is_cut_off_and_the_batch_goes_on(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_text(news_page("utf-8", PARAGRAPHS), "utf-8")
    slow = "".join(f"<p>Paragraph {i} has a few words in it.</p>" for i in range(50_000))  # ~13 s to parse
    (folder / "slow.html").write_text(f"<html><body><article>{slow}</article></body></html>", "utf-8")
    db = tmp_path / "news.duckdb"

    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db), extract_timeout=5.0, workers=2))

    assert (summary.n_loaded, dict(summary.rejected_by_reason)) == (1, {reasons.EXTRACT_TIMEOUT: 1})
    [(uri, detail)] = _query(db, "select uri, detail from rejects")
    assert uri.endswith("/slow.html") and detail.startswith("parsing stopped after")
    assert _query(db, "select title from articles") == [("Council votes to rebuild harbour bridge",)]


def test_the_page_workers_end_before_the_last_batch_is_loaded(tmp_path, monkeypatch) -> None:
    """Through the ingest flow: three pages in batches of one; the page workers end once the last
    batch is parsed, before its load (and again, with nothing left to end, when the run ends)."""
    import flows.engine as engine

    events: list[str] = []
    real_close, real_load = engine.close_shared_pools, engine.load

    def close() -> None:
        events.append("close")
        real_close()

    def load(batch, wh, checkpoint):
        events.append(f"load {batch.batch_index}")
        return real_load(batch, wh, checkpoint)

    monkeypatch.setattr(engine, "close_shared_pools", close)
    monkeypatch.setattr(engine, "load", load)
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"page{i}.html").write_text(news_page("utf-8", PARAGRAPHS, title=f"Council vote number {i}"))
    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(tmp_path / "w.duckdb"), batch_size=1))
    assert summary.n_loaded == 3
    assert events == ["load 0", "load 1", "close", "load 2", "close"]
