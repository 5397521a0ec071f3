"""transforms/html/blocks.py: HtmlBlock.link_density and the BlockText accumulator the adapters share."""

from __future__ import annotations

import pytest

from transforms.html.blocks import BlockText, HtmlBlock, HtmlExtraction, HtmlMetadata


def _accumulate(*steps: tuple) -> tuple[str, int, int]:
    """Feed ("add", text, in_link) / ("sep", separator) steps and return the result."""
    out = BlockText()
    for step in steps:
        if step[0] == "add":
            out.add(step[1], step[2])
        else:
            out.separate(step[1])
    return out.result()


# --- HtmlBlock.link_density -------------------------------------------------------------------


def test_link_density_is_link_chars_over_text_length() -> None:
    assert HtmlBlock("paragraph", "abcdefghij", 4, 1).link_density == pytest.approx(0.4)


def test_link_density_ignores_line_breaks() -> None:
    # 10 characters once the newline is left out: 5 of them link.
    assert HtmlBlock("item", "abcde\nfghij", 5, 1).link_density == pytest.approx(0.5)


def test_link_density_of_all_link_block_is_one() -> None:
    assert HtmlBlock("item", "Storm hits coast", 16, 1).link_density == 1.0


def test_link_density_of_empty_text_is_zero_not_an_error() -> None:
    assert HtmlBlock("paragraph", "", 0, 1).link_density == 0.0


def test_block_defaults_and_frozen() -> None:
    block = HtmlBlock("paragraph", "text", 0, 3)
    assert (block.level, block.lead_link_chars) == (0, 0)
    with pytest.raises(AttributeError):
        block.text = "other"  # type: ignore[misc]


def test_metadata_defaults_are_empty() -> None:
    meta = HtmlMetadata()
    assert meta.title is None and meta.language is None and meta.hostname is None
    assert meta.categories == () and meta.tags == ()
    assert HtmlExtraction((), meta).blocks == ()


# --- BlockText: link and lead-link characters --------------------------------------------------


def test_plain_text_has_no_link_chars() -> None:
    assert _accumulate(("add", "Just words here.", False)) == ("Just words here.", 0, 0)


def test_link_chars_count_stripped_link_text() -> None:
    text, link, lead = _accumulate(
        ("add", "Read the ", False), ("add", " full report ", True), ("add", " today.", False)
    )
    assert text == "Read the full report today."
    assert link == len("full report")
    assert lead == 0  # the block opens with plain text


def test_lead_link_chars_count_the_opening_run_of_links() -> None:
    text, link, lead = _accumulate(
        ("add", "Storm breaches wall", True),
        ("add", " ", False),
        ("add", "again", True),
        ("add", " — waves topped it on Sunday ", False),
        ("add", "more", True),
    )
    assert text == "Storm breaches wall again — waves topped it on Sunday more"
    # whitespace between the two opening links does not end the lead run
    assert lead == len("Storm breaches wall") + len("again")
    assert link == lead + len("more")


def test_lead_run_ends_at_first_non_blank_plain_text() -> None:
    _, link, lead = _accumulate(("add", "Intro", False), ("add", "Linked", True))
    assert (link, lead) == (6, 0)


def test_empty_and_none_pieces_are_ignored() -> None:
    out = BlockText()
    out.add(None, False)
    out.add("", False)
    out.add("Link", True)
    assert out.parts == ["Link"]
    assert out.result() == ("Link", 4, 4)


def test_link_counts_are_capped_at_result_length() -> None:
    # "a  b" counts 4 stripped chars of link text but collapses to 3 characters of text.
    text, link, lead = _accumulate(("add", "a    b", True))
    assert text == "a b"
    assert link == 3 and lead == 3


# --- BlockText: separators ---------------------------------------------------------------------


def test_separator_is_never_at_the_start() -> None:
    out = BlockText()
    out.separate("\n")
    out.separate(" | ")
    assert out.parts == []
    out.add("first", False)
    out.separate("\n")
    out.add("second", False)
    assert out.result()[0] == "first\nsecond"


def test_no_separator_right_after_a_line_break() -> None:
    out = BlockText()
    out.add("cell one", False)
    out.separate("\n")
    out.separate(" | ")
    out.separate("\n")
    out.add("cell two", False)
    assert out.parts == ["cell one", "\n", "cell two"]
    assert out.result()[0] == "cell one\ncell two"


def test_cell_separators_join_cells_and_outer_pipes_are_trimmed() -> None:
    text, _, _ = _accumulate(
        ("add", "Team", False),
        ("sep", " | "),
        ("add", "Points", False),
        ("sep", " | "),
    )
    assert text == "Team | Points"


def test_leading_cell_separator_after_empty_first_cell_is_trimmed() -> None:
    text, _, _ = _accumulate(("add", " ", False), ("sep", " | "), ("add", "Only cell", False))
    assert text == "Only cell"


# --- BlockText: whitespace ---------------------------------------------------------------------


def test_inner_whitespace_collapses_to_single_spaces() -> None:
    text, _, _ = _accumulate(("add", "  Several\t\tspaces   and\ttabs  ", False))
    assert text == "Several spaces and tabs"


def test_blank_lines_are_dropped() -> None:
    text, _, _ = _accumulate(
        ("add", "one", False),
        ("sep", "\n"),
        ("add", "   ", False),
        ("sep", "\n"),
        ("add", "two", False),
    )
    assert text == "one\ntwo"


def test_each_line_is_collapsed_separately() -> None:
    text, _, _ = _accumulate(("add", "  first   line ", False), ("sep", "\n"), ("add", "\tsecond  line", False))
    assert text == "first line\nsecond line"


def test_newlines_inside_added_text_are_line_breaks() -> None:
    text, _, _ = _accumulate(("add", "one\n\n two ", False))
    assert text == "one\ntwo"
