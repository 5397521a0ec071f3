from __future__ import annotations

import hashlib
from datetime import UTC

from tests.conftest import DW_SEED, YONHAP_SEED
from transforms.frames.normalise import ParsedDocument, article_id_for, normalise_batch
from transforms.text.articles import parse_text_article


def _doc(document_id: str, uri: str, text: str) -> ParsedDocument:
    return ParsedDocument(document_id, uri, parse_text_article(text))


def test_seeds_normalise_to_their_sources() -> None:
    batch = normalise_batch(
        [
            _doc("a", "file:///dw.txt", DW_SEED.read_text(encoding="utf-8")),
            _doc("b", "file:///yonhap.txt", YONHAP_SEED.read_text(encoding="utf-8")),
        ]
    )
    rows = {r["document_id"]: r for r in batch.articles.to_dicts()}
    assert rows["a"]["source_id"] == "dw"
    assert rows["b"]["source_id"] == "yonhap"
    assert rows["a"]["language"] == rows["b"]["language"] == "en"
    assert rows["a"]["is_syndicated"] is True  # Reuters and AFP credited on a DW story
    assert rows["b"]["is_syndicated"] is False  # Yonhap's own correspondent
    for row in rows.values():
        assert row["content_hash"] == hashlib.sha256(row["body_text"].encode()).hexdigest()
        assert row["n_words"] == len(row["body_text"].split())
        assert row["article_id"] == article_id_for(row["uri"])
    assert rows["a"]["body_text"].split("\n\n")[2] == "Cyber attack probability"
    assert batch.blocks.filter(batch.blocks["document_id"] == "a").height == 15  # title, deck, 4 headings, 9 paragraphs
    assert batch.removed_spans.height == 8


def test_unicode_and_whitespace_are_normalised() -> None:
    text = "Cafe\u0301 news\n\nThe  cafe\u0301\u00a0opened\ton Monday,  officials said.\n"
    row = normalise_batch([_doc("x", "file:///x.txt", text)]).articles.row(0, named=True)
    assert row["title"] == "Café news"
    assert row["body_text"] == "The café opened on Monday, officials said."
    assert row["n_words"] == 7
    assert row["source_id"] == "unknown"


def test_korean_text_gets_korean_language() -> None:
    text = "북한 미사일 발사\n\n정부는 28일 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다. 군은 추가 발사에 대비하고 있다.\n"  # noqa: E501
    row = normalise_batch([_doc("k", "file:///k.txt", text)]).articles.row(0, named=True)
    assert row["language"] == "ko"


def test_an_empty_batch_gives_empty_frames() -> None:
    batch = normalise_batch([])
    assert batch.articles.height == batch.blocks.height == batch.removed_spans.height == 0
    assert "content_hash" in batch.articles.columns


def test_an_html_page_dates_and_credits_with_provenance() -> None:
    from datetime import datetime

    from tests.conftest import ROOT
    from transforms.html.pages import parse_html_page

    page = parse_html_page((ROOT / "tests" / "fixtures" / "html" / "news_article.html").read_text("utf-8"))
    seen = datetime(2024, 3, 20, 9, 0, tzinfo=UTC)
    batch = normalise_batch(
        [
            ParsedDocument(
                "h",
                "https://www.harbourherald.example/news/2024/03/12/port-elwyn-harbour-wall",
                page.article,
                page.metadata,
                page.extractor,
                seen,
                None,
                page.dates,
            )
        ]
    )
    row = batch.articles.row(0, named=True)
    assert (row["published_at"], row["published_at_source"], row["published_at_precision"]) == (
        datetime(2024, 3, 12, 8, 30, tzinfo=UTC),
        "jsonld",
        "time",
    )
    assert (row["modified_at"], row["modified_at_source"]) == (datetime(2024, 3, 12, 11, 5, tzinfo=UTC), "jsonld")
    assert (row["seen_at"], row["seen_at_source"], row["seen_at_precision"]) == (seen, "fetch_time", "time")
    assert row["authors"] == ["Maren Holloway"]
    sources = batch.date_candidates.filter(batch.date_candidates["field"] == "published_at")["source"].to_list()
    # htmldate is not asked here: the markup's dates settle both choices (page_dates.htmldate_can_change)
    assert sources[0] == "jsonld" and {"meta", "url"} <= set(sources)
    assert batch.date_candidates["is_chosen"].sum() == 2


def test_no_date_anywhere_means_null_dates_and_unresolved_phrases() -> None:
    text = "Harbour wall vote\n\nThe council voted on Friday to rebuild the wall, officials said yesterday.\n"
    batch = normalise_batch([_doc("n", "file:///n.txt", text)])
    row = batch.articles.row(0, named=True)
    for name in ("published_at", "modified_at", "seen_at"):
        assert (row[name], row[f"{name}_source"], row[f"{name}_precision"]) == (None, None, None)
    assert batch.date_candidates.height == 0
    phrases = batch.article_dates.select("phrase", "resolved_date", "anchor").rows()
    assert phrases == [("on Friday", None, None), ("yesterday", None, None)]
    body = row["body_text"]
    for start, end, phrase in batch.article_dates.select("start_char", "end_char", "phrase").rows():
        assert body[start:end] == phrase


def test_a_sidecar_wins_over_what_was_extracted() -> None:
    from transforms.metadata.sidecars import Sidecar

    text = "Harbour wall vote\n\nBy Jane Doe | Reuters\n\nThe council voted on Friday to rebuild the wall, officials said.\n"  # noqa: E501
    plain = normalise_batch([_doc("s", "file:///s.txt", text)]).articles.row(0, named=True)
    assert (plain["authors"], plain["agencies"], plain["source_id"], plain["is_syndicated"]) == (
        ["Jane Doe"],
        ["Reuters"],
        "unknown",
        True,
    )
    given = Sidecar(
        url="https://www.reuters.com/world/2024/03/08/wall",
        source="reuters",
        language="de",
        authors=("Correspondent Ann Lee",),
    )
    doc = ParsedDocument("s", "file:///s.txt", parse_text_article(text), sidecar=given)
    batch = normalise_batch([doc])
    row = batch.articles.row(0, named=True)
    assert (row["url"], row["source_id"], row["language"], row["language_score"]) == (
        "https://www.reuters.com/world/2024/03/08/wall",
        "reuters",
        "de",
        None,
    )
    assert (row["authors"], row["author_roles"], row["is_syndicated"]) == (["Ann Lee"], ["Correspondent"], False)
    # the sidecar's URL carries a date: a url candidate, resolving "on Friday" to that Friday
    assert (row["published_at_source"], row["published_at_precision"]) == ("url", "date")
    assert batch.article_dates.select("phrase", "resolved_date").rows()[0][1].isoformat() == "2024-03-08"


def _page(
    uri: str, metadata, text: str = "Harbour wall\n\nThe harbour wall gave way on Tuesday night, the council said.\n"
):
    return ParsedDocument("p-" + uri, uri, parse_text_article(text), metadata, "trafilatura")


def test_the_page_s_own_calendar_day_is_kept_beside_the_utc_instant() -> None:
    """23:30 in New York on 5 March is 04:30 UTC on 6 March: published_local_date keeps the 5th."""
    from datetime import date, datetime

    from transforms.metadata.sidecars import Sidecar

    doc = ParsedDocument(
        "d",
        "file:///story.txt",
        parse_text_article("Title\n\nBody text here, said officials.\n"),
        sidecar=Sidecar(published_at="2024-03-05T23:30:00-05:00"),
    )
    row = normalise_batch([doc]).articles.row(0, named=True)
    assert row["published_at"] == datetime(2024, 3, 6, 4, 30, tzinfo=UTC)
    assert (row["published_local_date"], row["published_utc_offset"]) == (date(2024, 3, 5), -300)


def test_every_web_article_gets_an_outlet_from_its_url() -> None:
    from transforms.html.blocks import HtmlMetadata

    batch = normalise_batch(
        [
            _page("https://news.scratchculinary.com/2025/09/04/fall", HtmlMetadata(site_name="Scratch Culinary")),
            _page("https://www.dw.com/en/story/a-1", HtmlMetadata()),
            _page("file:///saved/page.html", HtmlMetadata(canonical_url="https://www.smalltown.co.uk/news/1")),
        ]
    ).articles
    assert batch.select("source_id", "source_domain").rows() == [
        ("scratchculinary.com", "scratchculinary.com"),  # not curated: the domain is its id
        ("dw", "dw.com"),  # curated: the registry's id
        ("smalltown.co.uk", "smalltown.co.uk"),  # a saved page: its canonical URL
    ]


def test_titles_lose_the_site_name_and_organisations_are_no_authors() -> None:
    from transforms.html.blocks import HtmlMetadata
    from transforms.metadata.page_markup import PageMarkup

    markup = PageMarkup(
        titles=(
            ("og_title", "Harbour wall gives way | Harbour Herald"),
            ("title", "Harbour Herald - Harbour wall gives way"),
        ),
        site_names=("Harbour Herald",),
        people=("Maren Holloway",),
        organisations=("Harbour Herald Media",),
    )
    metadata = HtmlMetadata(
        title="Harbour wall gives way | Harbour Herald",
        author="Maren Holloway; USA TODAY; Harbourherald",
        markup=markup,
    )
    row = normalise_batch([_page("https://www.harbourherald.example/news/1", metadata)]).articles.row(0, named=True)
    assert (row["title"], row["title_source"]) == ("Harbour wall gives way", "og_title")
    assert row["authors"] == ["Maren Holloway"]
    assert row["credit_organisations"] == ["USA TODAY", "Harbourherald"]


def test_a_byline_printed_by_the_headline_is_the_last_credit_source() -> None:
    from transforms.html.blocks import HtmlMetadata
    from transforms.metadata.page_markup import PageMarkup

    markup = PageMarkup(bylines=((40, "href", "By Maren Holloway"), (900, "href", "By Far Away")))
    uri = "https://www.harbourherald.example/news/2"
    alone = normalise_batch([_page(uri, HtmlMetadata(markup=markup))]).articles.row(0, named=True)
    assert alone["authors"] == ["Maren Holloway"]  # nothing else names an author: the headline's byline
    given = HtmlMetadata(author="Tomas Reyes", markup=markup)
    assert normalise_batch([_page(uri, given)]).articles.row(0, named=True)["authors"] == ["Tomas Reyes"]
