"""Issue 19, WARC cases: revisions of one URL load as versions in record order; records not ingested
are rows; after a damaged record the next ones load, one reject per damaged record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.ingest import ingest
from flows.settings import Settings
from flows.warc import write_warc
from tests.conftest import query
from tests.flows.test_warc import _append
from tests.reliability.test_hostile_inputs import html_page, paragraphs
from transforms import reasons

URL = "https://news.example/warc/story.html"


@pytest.mark.parametrize("batch_size", [200, 1])
def test_revisions_of_one_url_in_one_warc_load_as_versions_in_record_order(tmp_path, batch_size: int) -> None:
    warc = tmp_path / "crawl.warc"
    first = html_page("Council backs new school", paragraphs("school"))
    second = html_page("Council backs new school after all", paragraphs("school") + ["A late change was made."])
    write_warc(
        warc,
        [
            (URL, 200, "text/html; charset=utf-8", first.encode()),
            (URL, 200, "text/html; charset=utf-8", second.encode()),
        ],
        dates=[datetime(2026, 3, 1, 9, tzinfo=UTC), datetime(2026, 3, 1, 15, tzinfo=UTC)],
    )
    db = tmp_path / "news.duckdb"
    summary = ingest(warcs=[str(warc)], settings=Settings(db_path=str(db), batch_size=batch_size))
    assert (summary.n_loaded, summary.n_unchanged, summary.n_rejected) == (2, 0, 0)
    versions = query(db, "select version, title from article_versions order by version")
    assert versions == [(1, "Council backs new school"), (2, "Council backs new school after all")]
    assert query(db, "select title, version from articles") == [("Council backs new school after all", 2)]
    assert query(db, "select status, count(*) from documents group by all") == [("loaded", 2)]


def test_a_warc_resource_record_with_html_is_a_reject_row_not_a_silent_skip(tmp_path) -> None:
    warc = tmp_path / "crawl.warc"
    page = html_page("Council backs new school", paragraphs("school"))
    write_warc(warc, [(URL, 200, "text/html; charset=utf-8", page.encode())])
    resource = html_page("Council backs new park", paragraphs("park")).encode()
    _append(warc, [("https://news.example/warc/park.html", "resource", None, resource, {"Content-Type": "text/html"})])
    db = tmp_path / "news.duckdb"
    summary = ingest(warcs=[str(warc)], settings=Settings(db_path=str(db)))
    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (2, 1, 1)
    assert query(db, "select uri, stage, reason, detail from rejects") == [
        (
            "https://news.example/warc/park.html",
            "warc",
            reasons.UNSUPPORTED_TYPE,
            "WARC resource record: only response records are ingested",
        )
    ]


def _three_records(path, topics=("school", "park", "harbour")) -> list[bytes]:
    bodies = [html_page(f"Council backs new {t}", paragraphs(t)).encode() for t in topics]
    write_warc(path, [(f"https://news.example/warc/{t}.html", 200, "text/html", b) for t, b in zip(topics, bodies)])
    return bodies


def test_after_a_damaged_gzip_member_the_next_records_load(tmp_path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _three_records(warc)
    data = bytearray(warc.read_bytes())
    members = [i for i in range(len(data)) if data[i : i + 3] == b"\x1f\x8b\x08"]
    # members: warcinfo, then request + response per page; damage the second page's response
    damaged = members[4]
    data[damaged + 40 : damaged + 60] = bytes(20)
    warc.write_bytes(bytes(data))
    db = tmp_path / "news.duckdb"
    summary = ingest(warcs=[str(warc)], settings=Settings(db_path=str(db)))
    titles = sorted(t for (t,) in query(db, "select title from articles"))
    assert titles == ["Council backs new harbour", "Council backs new school"]
    assert [r for (r,) in query(db, "select reason from rejects")] == [reasons.PARSE_ERROR]
    assert summary.n_rejected == 1


def test_after_a_lying_content_length_the_next_records_load(tmp_path) -> None:
    warc = tmp_path / "crawl.warc"
    _three_records(warc)
    data = warc.read_bytes()
    lengths = [m for m in range(len(data)) if data.startswith(b"Content-Length: ", m)]
    # the first page's response record: its WARC Content-Length (the 4th such header: warcinfo,
    # request, response WARC header, then the HTTP one) made 100 bytes shorter than its block
    at = lengths[2] + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    warc.write_bytes(data[:at] + str(int(data[at:end]) - 100).encode() + data[end:])
    db = tmp_path / "news.duckdb"
    summary = ingest(warcs=[str(warc)], settings=Settings(db_path=str(db)))
    titles = sorted(t for (t,) in query(db, "select title from articles"))
    assert "Council backs new park" in titles and "Council backs new harbour" in titles
    assert [r for (r,) in query(db, "select reason from rejects")] == [reasons.PARSE_ERROR]  # one per damage
    assert summary.n_rejected == 1
