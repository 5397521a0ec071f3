from __future__ import annotations

import hashlib

from tests.conftest import DW_SEED, YONHAP_SEED
from transforms.normalise import ParsedDocument, article_id_for, normalise_batch
from transforms.text_articles import parse_text_article


def _doc(document_id: str, uri: str, text: str) -> ParsedDocument:
    return ParsedDocument(document_id, uri, parse_text_article(text))


def test_seeds_normalise_to_their_sources() -> None:
    batch = normalise_batch([
        _doc("a", "file:///dw.txt", DW_SEED.read_text(encoding="utf-8")),
        _doc("b", "file:///yonhap.txt", YONHAP_SEED.read_text(encoding="utf-8")),
    ])
    rows = {r["document_id"]: r for r in batch.articles.to_dicts()}
    assert rows["a"]["source_id"] == "dw"
    assert rows["b"]["source_id"] == "yonhap"
    assert rows["a"]["language"] == rows["b"]["language"] == "en"
    assert rows["a"]["is_syndicated"] is True     # Reuters and AFP credited on a DW story
    assert rows["b"]["is_syndicated"] is False    # Yonhap's own correspondent
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
    text = "북한 미사일 발사\n\n정부는 28일 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다. 군은 추가 발사에 대비하고 있다.\n"
    row = normalise_batch([_doc("k", "file:///k.txt", text)]).articles.row(0, named=True)
    assert row["language"] == "ko"


def test_an_empty_batch_gives_empty_frames() -> None:
    batch = normalise_batch([])
    assert batch.articles.height == batch.blocks.height == batch.removed_spans.height == 0
    assert "content_hash" in batch.articles.columns
