"""Per-document decisions (transforms/documents/outcomes.py): pure, tested without Prefect."""

from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import UTC, datetime

from tests.conftest import DW_SEED, ROOT
from transforms import reasons
from transforms.documents.outcomes import (
    Cleaned,
    Failed,
    LandedDocument,
    TimedOut,
    cleaned_batch,
    decoded_text,
    extracted_batch,
    fresh_documents,
    html_outcome,
    text_outcome,
    twins_of_rejects,
)
from transforms.frames.ledger import Reject
from transforms.frames.normalise import ParsedDocument
from transforms.html.pages import parse_html_page
from transforms.text.articles import parse_text_article

AT = datetime(2026, 12, 1, tzinfo=UTC)
ARTICLE_PAGE = ROOT / "tests" / "fixtures" / "html" / "news_article.html"


def doc(
    document_id: str,
    uri: str | None = None,
    data: bytes = b"Title\n\nA body paragraph of some words.\n",
    kind: str = "text",
    **web: object,
) -> LandedDocument:
    return LandedDocument(
        document_id, uri or f"file:///in/{document_id}.txt", data, AT, f"/landing/{document_id}", kind, **web
    )  # type: ignore[arg-type]


def test_fresh_documents_leave_out_what_was_loaded_and_repeats() -> None:
    landed = [doc("a"), doc("b"), doc("a", "file:///in/copy-of-a.txt"), doc("c")]
    assert [(d.document_id, d.uri) for d in fresh_documents(landed, {"c"})] == [
        ("a", "file:///in/a.txt"),
        ("b", "file:///in/b.txt"),
    ]


def test_a_web_body_served_as_something_else_is_unsupported() -> None:
    pdf = doc(
        "p", "https://example.org/x", b"%PDF-1.7 binary", kind="html", origin="http", content_type="application/pdf"
    )
    assert decoded_text(pdf, 1000).reason == reasons.UNSUPPORTED_TYPE
    as_html = replace(pdf, content_type="text/html", data=b"%PDF-1.7\x00\x01\x02\x03" * 50)
    decoded = decoded_text(as_html, 10_000)
    assert (decoded.text, decoded.reason) == (None, reasons.UNSUPPORTED_TYPE)
    assert "served as 'text/html'" in (decoded.detail or "")
    # the same bytes from a file are not judged by a type nobody sent
    assert decoded_text(replace(as_html, origin="file", content_type=None), 10_000).reason != reasons.UNSUPPORTED_TYPE


def test_gzip_opens_within_the_cap_and_a_bomb_is_refused() -> None:
    text = "Title\n\nA paragraph.\n"
    assert decoded_text(doc("g", data=gzip.compress(text.encode())), 1000).text == text
    bomb = decoded_text(doc("b", data=gzip.compress(b"a" * 100_000)), 1000)
    assert bomb.text is None and bomb.reason is not None


def test_extracted_batch_keeps_texts_and_records_every_document() -> None:
    landed = [doc("ok"), doc("empty", data=b"")]
    extracted = extracted_batch(landed, 1000)
    assert [d.document_id for d, _ in extracted.texts] == ["ok"]
    assert [(r.uri, r.stage, r.reason) for r in extracted.rejects] == [
        ("file:///in/empty.txt", "extract", reasons.EMPTY_FILE)
    ]
    assert [(r.document_id, r.status) for r in extracted.records] == [("ok", "loaded"), ("empty", "rejected")]


def test_a_page_that_timed_out_or_failed_or_has_no_article_is_rejected_with_its_reason() -> None:
    page_doc = doc("h", "https://example.org/a", kind="html")
    assert html_outcome(page_doc, TimedOut(30.0)) == Reject(
        "https://example.org/a", "clean", reasons.EXTRACT_TIMEOUT, "parsing stopped after 30.0 s", "h"
    )
    failed = html_outcome(page_doc, Failed("ValueError: no"))
    assert isinstance(failed, Reject) and (failed.reason, failed.detail) == (reasons.EXTRACT_FAILED, "ValueError: no")
    thin = html_outcome(page_doc, parse_html_page("<html><body><p>Too short.</p></body></html>"))
    assert isinstance(thin, Reject) and thin.reason == reasons.NO_ARTICLE_TEXT and "body words" in thin.detail
    deep = "<div>" * 400 + "<p>" + "word " * 200 + "</p>" + "</div>" * 400
    too_deep = html_outcome(page_doc, parse_html_page(f"<html><body>{deep}</body></html>"))
    assert isinstance(too_deep, Reject) and too_deep.reason == reasons.TOO_DEEPLY_NESTED


def test_a_page_with_an_article_becomes_a_parsed_document() -> None:
    page_doc = doc("h", "https://example.org/a", kind="html")
    parsed = html_outcome(page_doc, parse_html_page(ARTICLE_PAGE.read_text("utf-8"), "https://example.org/a"))
    assert isinstance(parsed, ParsedDocument)
    assert (parsed.document_id, parsed.uri, parsed.seen_at) == ("h", "https://example.org/a", AT)
    assert parsed.extractor is not None and parsed.article.body_blocks


def test_a_text_without_body_is_rejected_and_one_with_body_kept() -> None:
    text_doc = doc("t")
    empty = text_outcome(text_doc, parse_text_article("Only a title"))
    assert isinstance(empty, Reject) and empty.reason == reasons.NO_ARTICLE_TEXT
    kept = text_outcome(text_doc, parse_text_article(DW_SEED.read_text("utf-8")))
    assert isinstance(kept, ParsedDocument) and kept.seen_at == AT


def test_cleaned_batch_pairs_texts_and_pages_in_the_batch_order() -> None:
    seed = DW_SEED.read_text("utf-8")
    landed = [doc("t1", data=seed.encode()), doc("h1", "https://example.org/h", kind="html"), doc("t2")]
    extracted = extracted_batch(landed[:1] + landed[2:], 1000 * 1000)
    texts = [(landed[0], seed), (landed[1], "<html></html>"), (landed[2], "Only a title")]
    cleaned = cleaned_batch(
        replace(extracted, texts=texts),
        [parse_text_article(seed), parse_text_article("Only a title")],
        {"h1": TimedOut(5.0)},
    )
    assert isinstance(cleaned, Cleaned)
    assert [p.document_id for p in cleaned.parsed] == ["t1"]
    assert [(r.document_id, r.reason) for r in cleaned.rejects] == [
        ("h1", reasons.EXTRACT_TIMEOUT),
        ("t2", reasons.NO_ARTICLE_TEXT),
    ]


def test_a_twin_of_a_rejected_document_gets_its_own_reject() -> None:
    first, twin, other = doc("x", "file:///in/a.txt"), doc("x", "file:///in/b.txt"), doc("y")
    rejected = [Reject("file:///in/a.txt", "extract", reasons.EMPTY_FILE, "0 bytes", "x")]
    twins = twins_of_rejects([first, twin, other], [first, other], rejected)
    assert twins == [
        Reject("file:///in/b.txt", "extract", reasons.EMPTY_FILE, "same bytes as file:///in/a.txt: 0 bytes", "x")
    ]
    assert twins_of_rejects([first, twin], [first], []) == []  # the first was loaded: the twin is unchanged
