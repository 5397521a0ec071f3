"""transforms/html/readability_extraction.py: readability-lxml's main content as HtmlBlocks."""

from __future__ import annotations

import pytest

from transforms.html.blocks import HtmlBlock
from transforms.html.readability_extraction import readability_blocks

SENTENCE = (
    "The council met on Tuesday evening to discuss the new harbour plan and what it will cost the residents "
    "of the town over the next decade, and many fishing crews came to listen. "
)
BODY_A = (SENTENCE * 2).strip()
BODY_B = (
    "Engineers said the work could begin in the autumn once the summer tourist season has ended, and that the "
    "old stone facing would be reused on the seaward side of the new wall. "
) * 2
BODY_B = BODY_B.strip()


def _page(inner: str, head: str = "") -> str:
    return (
        f"<html><head><title>Harbour plan</title>{head}</head><body><div class='story'>"
        f"<h1>Harbour plan approved</h1><p>{BODY_A}</p>{inner}<p>{BODY_B}</p></div></body></html>"
    )


def _middle(inner: str, head: str = "") -> list[HtmlBlock]:
    blocks = list(readability_blocks(_page(inner, head)))
    assert [b.text for b in blocks[:2]] == ["Harbour plan approved", BODY_A]
    assert blocks[-1].text == BODY_B
    return blocks[2:-1]


def _view(blocks) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_heading_and_paragraphs_in_order() -> None:
    blocks = readability_blocks(_page(""))
    assert _view(blocks) == [("heading", "Harbour plan approved"), ("paragraph", BODY_A), ("paragraph", BODY_B)]
    assert [b.level for b in blocks] == [1, 0, 0]
    assert len({b.group for b in blocks}) == 3


@pytest.mark.parametrize("level", [2, 3, 4, 5, 6])
def test_heading_levels(level: int) -> None:
    (block,) = _middle(f"<h{level}>What happens next</h{level}>")
    assert (block.kind, block.text, block.level) == ("heading", "What happens next", level)


def test_list_items_share_a_group_and_two_lists_differ() -> None:
    first = (
        "The first option is to rebuild the whole wall in stone, which would take two years and cost the most.",
        "The second option is a temporary barrier, which is cheaper but would need replacing within a decade.",
    )
    second = (
        "A third option, raised late in the debate, is to move the fleet to the neighbouring port for good.",
        "A fourth option, which nobody supported, is to do nothing at all and wait for the national fund.",
    )
    middle = _middle(
        f"<ul><li>{first[0]}</li><li>{first[1]}</li></ul><ol><li>{second[0]}</li><li>{second[1]}</li></ol>"
    )
    assert _view(middle) == [("item", t) for t in first + second]
    assert middle[0].group == middle[1].group
    assert middle[2].group == middle[3].group
    assert middle[0].group != middle[2].group


def test_definition_list_terms_and_descriptions_are_items_of_one_group() -> None:
    middle = _middle(
        "<dl><dt>Cost of the scheme in total</dt>"
        "<dd>Fourteen million pounds, most of it borrowed, with the rest from a national fund.</dd></dl>"
    )
    assert _view(middle) == [
        ("item", "Cost of the scheme in total"),
        ("item", "Fourteen million pounds, most of it borrowed, with the rest from a national fund."),
    ]
    assert middle[0].group == middle[1].group


def test_table_rows_share_a_group_cells_joined_with_pipes() -> None:
    middle = _middle(
        "<table><tr><th>Rebuild the wall in stone, as the engineers recommend, over two years</th>"
        "<td>14 million pounds, most of it borrowed by the town council</td></tr>"
        "<tr><td>Temporary barrier built from steel sheets and concrete blocks</td>"
        "<td>3 million pounds, to be paid from reserves</td></tr></table>"
    )
    assert _view(middle) == [
        (
            "row",
            "Rebuild the wall in stone, as the engineers recommend, over two years | "
            "14 million pounds, most of it borrowed by the town council",
        ),
        (
            "row",
            "Temporary barrier built from steel sheets and concrete blocks | "
            "3 million pounds, to be paid from reserves",
        ),
    ]
    assert middle[0].group == middle[1].group


def test_blockquote_is_a_quote_and_pre_is_code() -> None:
    middle = _middle(
        "<blockquote>We cannot wait another winter for the wall to be fixed.</blockquote>"
        "<pre>wall_height = 4.5\ncost = 14_000_000</pre>"
    )
    assert _view(middle) == [
        ("quote", "We cannot wait another winter for the wall to be fixed."),
        ("code", "wall_height = 4.5\ncost = 14_000_000"),
    ]


def test_figcaption_is_a_caption() -> None:
    middle = _middle(
        "<figure><img src='wall.jpg'><figcaption>Waves break over the harbour wall in January.</figcaption></figure>"
    )
    assert _view(middle) == [("caption", "Waves break over the harbour wall in January.")]


def test_br_is_a_newline_and_doubled_br_gives_no_blank_line() -> None:
    middle = _middle("<p>Harbour Office<br>Quay Street<br><br>Port Elwyn</p>")
    assert _view(middle) == [("paragraph", "Harbour Office\nQuay Street\nPort Elwyn")]


def test_script_and_style_are_skipped_inside_a_block() -> None:
    middle = _middle(
        "<p>Residents can object <script>track('objection')</script>at two public sessions"
        "<style>.x { color: red }</style> in April.</p>"
    )
    assert _view(middle) == [("paragraph", "Residents can object at two public sessions in April.")]


def test_script_and_style_between_blocks_give_no_block() -> None:
    blocks = readability_blocks(
        _page(
            "<script>var secret = 'script text';</script><style>p { margin: 0 }</style>",
            head="<style>body { color: black }</style>",
        )
    )
    assert not any("script text" in b.text or "margin" in b.text or "color" in b.text for b in blocks)
    assert _view(blocks) == [("heading", "Harbour plan approved"), ("paragraph", BODY_A), ("paragraph", BODY_B)]


def test_link_and_lead_link_chars() -> None:
    middle = _middle("<p><a href='/y'>Lead link words</a> then ordinary text and <a href='/z'>another link</a>.</p>")
    (block,) = middle
    assert block.text == "Lead link words then ordinary text and another link."
    assert block.lead_link_chars == len("Lead link words")
    assert block.link_chars == len("Lead link words") + len("another link")


def test_text_loose_in_a_div_becomes_a_paragraph() -> None:
    middle = _middle("<div>A line of loose text sitting in a div, with no paragraph around it.</div>")
    assert _view(middle) == [("paragraph", "A line of loose text sitting in a div, with no paragraph around it.")]


def test_nested_paragraph_in_a_list_item_is_separated_by_a_newline() -> None:
    # (short items: readability-lxml's own cleaning drops lists of longer head+p items)
    middle = _middle(
        "<ul><li><h3>Option one</h3><p>Rebuild the wall.</p></li>"
        "<li><h3>Option two</h3><p>Build a barrier.</p></li></ul>"
    )
    assert _view(middle) == [("item", "Option one\nRebuild the wall."), ("item", "Option two\nBuild a barrier.")]
    assert middle[0].group == middle[1].group


@pytest.mark.parametrize("html", ["", "   "], ids=["empty", "blank"])
def test_unparseable_input_gives_no_blocks(html: str) -> None:
    assert readability_blocks(html) == ()


@pytest.mark.parametrize("html", ["\x01", "binary\x00\x01junk"], ids=["control-char", "binary-junk"])
def test_control_character_garbage_gives_no_blocks(html: str) -> None:
    assert readability_blocks(html) == ()


def test_text_before_a_nested_paragraph_in_a_quote_is_not_glued_to_it() -> None:
    middle = _middle("<blockquote>She told the meeting<p>We cannot wait another winter.</p></blockquote>")
    assert _view(middle) == [("quote", "She told the meeting\nWe cannot wait another winter.")]


@pytest.mark.parametrize("html", ["<html>", "<html><head></head></html>"])
def test_a_page_readability_asserts_on_gives_no_blocks(html: str) -> None:
    assert readability_blocks(html) == ()  # readability-lxml raises AssertionError("too many bodies") here
