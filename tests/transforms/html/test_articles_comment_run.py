"""The comment-section block rule of transforms.html.articles: the run goes whole, and only when
it is a comment section."""

from __future__ import annotations

from transforms.html.articles import parse_html_article
from transforms.html.blocks import HtmlBlock, HtmlExtraction, HtmlMetadata

BODY = [
    "The harbour authority said on Monday that the new quay would open in June.",
    "Ships of up to 300 metres will be able to berth there, twice the length allowed today.",
    "The project cost 40 million euros, most of it paid by the regional government.",
    "Local fishermen said they had not been consulted about the new shipping lanes.",
]


def _article(tail: list[str]) -> list[str]:
    extraction = HtmlExtraction(
        tuple(HtmlBlock("paragraph", text, 0, i + 1) for i, text in enumerate(BODY + tail)), HtmlMetadata()
    )
    article = parse_html_article(extraction)
    return [b.text for b in article.body_blocks], [(h.rule_id, h.text) for h in article.removed]


def test_a_comment_section_goes_as_one_run() -> None:
    comments = [
        "3 Comments",
        "Jan Peters says: About time they built it.",
        "Reply",
        "Anna K. 2 hours ago This will bring more traffic into town.",
    ]
    kept, removed = _article(comments)
    assert kept == BODY
    assert removed == [("comment_widget.comment_run", text) for text in comments]


def test_a_comments_heading_without_comment_furniture_after_it_is_not_a_run() -> None:
    tail = [
        "Comments",
        "The council will publish the full plans on its website next week.",
        "Residents can send objections until the end of March.",
    ]
    kept, removed = _article(tail)
    assert kept == BODY + tail[1:]
    assert [rule for rule, _ in removed] == ["comment_widget.call_to_comment"]


def test_comment_markers_early_in_the_page_do_not_start_a_run() -> None:
    extraction = HtmlExtraction(
        tuple(HtmlBlock("paragraph", t, 0, i + 1) for i, t in enumerate(["12 Comments", "Reply"] + BODY * 2)),
        HtmlMetadata(),
    )
    article = parse_html_article(extraction)
    assert [b.text for b in article.body_blocks] == BODY * 2
    # the two widget lines go by their own line rules; the body after them is not a comment run
    assert [(h.rule_id, h.text) for h in article.removed] == [
        ("comment_widget.call_to_comment", "12 Comments"),
        ("comment_widget.en_prompts", "Reply"),
    ]
