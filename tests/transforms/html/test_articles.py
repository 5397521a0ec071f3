"""transforms/html/articles.py: extracted blocks -> article, with block rules, line rules and offsets."""

from __future__ import annotations

import pytest

from transforms.html.articles import block_removals, deck_index, html_text, parse_html_article
from transforms.html.blocks import HtmlBlock, HtmlExtraction, HtmlMetadata

TITLE = "Fishing town votes to rebuild its storm-wrecked harbour wall"
DESCRIPTION = (
    "After two winters of flooding, Port Elwyn's council backs a 14-million-pound plan to rebuild the "
    "sea wall that shelters its fishing fleet."
)
BODY = (
    "Councillors in Port Elwyn voted late on Monday to rebuild the harbour wall that was breached twice by winter "
    "storms, ending months of argument over who should pay for the repairs.",
    "The plan, which passed by eleven votes to four, commits the town to borrowing most of the estimated 14 million "
    "pounds, with the rest expected from a national coastal resilience fund.",
    "Fishing crews packed the public gallery for the debate. Many of them have spent two seasons mooring in a "
    "neighbouring port because the damaged wall no longer protects the inner basin.",
    "Engineers expect construction to begin in the autumn, once the summer tourist season has ended, and to take "
    "about two years.",
)


def para(text: str, link: int = 0, lead: int = 0, kind: str = "paragraph", group: int = 0, level: int = 0) -> HtmlBlock:
    return HtmlBlock(kind, text, link, group, level, lead)  # type: ignore[arg-type]


def link_para(text: str) -> HtmlBlock:
    """A paragraph that is nothing but a link."""
    return para(text, len(text), len(text))


def heading(text: str, level: int = 2) -> HtmlBlock:
    return para(text, kind="heading", level=level)


def items(texts_and_links: list[tuple[str, int, int]], group: int) -> list[HtmlBlock]:
    return [para(t, link, lead, kind="item", group=group) for t, link, lead in texts_and_links]


def extraction(*blocks: HtmlBlock, title: str | None = TITLE, description: str | None = None) -> HtmlExtraction:
    # groups: give every block without one a group of its own
    numbered, next_group = [], 1000
    for b in blocks:
        if b.group == 0:
            next_group += 1
            b = HtmlBlock(b.kind, b.text, b.link_chars, next_group, b.level, b.lead_link_chars)
        numbered.append(b)
    return HtmlExtraction(tuple(numbered), HtmlMetadata(title=title, description=description))


def body(*extra: HtmlBlock) -> tuple[HtmlBlock, ...]:
    return tuple(para(t) for t in BODY[:2]) + extra + tuple(para(t) for t in BODY[2:])


def kept_texts(x: HtmlExtraction) -> list[str]:
    return [b.text for b in parse_html_article(x).blocks]


def removed_by(x: HtmlExtraction) -> dict[str, str]:
    return {r.text: r.rule_id for r in parse_html_article(x).removed}


def assert_offsets(x: HtmlExtraction) -> None:
    """Every removal and every kept block (no inline cut in these tests) indexes into html_text.
    A prefix removal's span may take the whitespace after it (as in test_text_articles)."""
    text = html_text(x)
    article = parse_html_article(x)
    for hit in article.removed:
        assert text[hit.start : hit.end].strip() == hit.text, hit
    for block in article.blocks:
        assert text[block.start : block.end] == block.text, block


# --- html_text ---------------------------------------------------------------------------------


def test_html_text_joins_blocks_with_blank_lines() -> None:
    x = extraction(para("one"), para("two\nlines"), para("three"))
    assert html_text(x) == "one\n\ntwo\nlines\n\nthree"
    assert html_text(extraction()) == ""


# --- plain article -----------------------------------------------------------------------------


def test_ordinary_article_keeps_every_block_in_order() -> None:
    x = extraction(para(BODY[0]), heading("Borrowing concerns"), *[para(t) for t in BODY[1:]])
    article = parse_html_article(x)
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", BODY[0]),
        ("heading", "Borrowing concerns"),
        *[("paragraph", t) for t in BODY[1:]],
    ]
    assert article.removed == ()
    assert article.title == TITLE
    assert article.fields == {}
    assert_offsets(x)


def test_items_quotes_rows_and_code_are_kept_as_paragraphs() -> None:
    x = extraction(
        *body(
            para("We cannot wait another winter.", kind="quote"),
            para("Option | Cost", kind="row", group=7),
            para("Rebuild | 14 million", kind="row", group=7),
            para("wall_height = 4.5", kind="code"),
        )
    )
    blocks = parse_html_article(x).blocks
    assert [b.kind for b in blocks] == ["paragraph"] * 8
    assert [b.text for b in blocks][2:6] == [
        "We cannot wait another winter.",
        "Option | Cost",
        "Rebuild | 14 million",
        "wall_height = 4.5",
    ]


def test_no_blocks_gives_an_empty_article() -> None:
    article = parse_html_article(extraction(title=None))
    assert (article.title, article.blocks, article.removed, article.fields) == (None, (), (), {})


# --- headline repeat ---------------------------------------------------------------------------


def test_headline_repeated_at_the_top_is_removed() -> None:
    x = extraction(heading(TITLE, level=1), *body())
    assert block_removals(x) == {0: block_removals(x)[0]}
    assert block_removals(x)[0].rule_id == "headline_repeat.title"
    article = parse_html_article(x)
    assert [b.text for b in article.blocks] == list(BODY)
    assert [(r.rule_id, r.category, r.text, r.start, r.end) for r in article.removed] == [
        ("headline_repeat.title", "headline_repeat", TITLE, 0, len(TITLE))
    ]
    assert article.title == TITLE
    assert_offsets(x)


def test_headline_repeat_ignores_case_and_punctuation() -> None:
    x = extraction(para("FISHING TOWN VOTES TO REBUILD ITS STORM-WRECKED HARBOUR WALL!"), *body())
    assert removed_by(x) == {"FISHING TOWN VOTES TO REBUILD ITS STORM-WRECKED HARBOUR WALL!": "headline_repeat.title"}


@pytest.mark.parametrize(
    "title",
    [
        f"{TITLE} | The Harbour Herald",
        f"{TITLE} - The Harbour Herald",
        f"The Harbour Herald » {TITLE}",
        f"{TITLE} — Coast",
    ],
)
def test_headline_repeat_matches_title_with_site_name(title: str) -> None:
    x = extraction(heading(TITLE, level=1), *body(), title=title)
    assert removed_by(x) == {TITLE: "headline_repeat.title"}
    assert kept_texts(x) == list(BODY)


def test_headline_repeat_only_among_the_first_blocks() -> None:
    x = extraction(para(BODY[0]), para(BODY[1]), para(BODY[2]), heading(TITLE), para(BODY[3]))
    assert block_removals(x) == {}
    assert TITLE in kept_texts(x)


def test_headline_repeat_needs_the_whole_title() -> None:
    x = extraction(heading("Fishing town votes to rebuild"), *body())
    assert block_removals(x) == {}
    assert kept_texts(x)[0] == "Fishing town votes to rebuild"


def test_no_title_no_headline_repeat() -> None:
    x = extraction(heading(TITLE), *body(), title=None)
    assert block_removals(x) == {}
    assert parse_html_article(x).title is None


def test_list_item_equal_to_the_title_is_not_a_headline_repeat() -> None:
    x = extraction(para(TITLE, kind="item"), *body())
    assert block_removals(x) == {}


# --- deck --------------------------------------------------------------------------------------


def test_standfirst_equal_to_description_is_the_deck() -> None:
    x = extraction(heading(TITLE, level=1), para(DESCRIPTION), *body(), description=DESCRIPTION)
    assert deck_index(x) == 1
    article = parse_html_article(x)
    assert article.deck == [DESCRIPTION]
    assert [b.text for b in article.body_blocks] == list(BODY)
    assert DESCRIPTION not in [b.text for b in article.body_blocks]
    assert 1 not in block_removals(x)
    assert_offsets(x)


def test_standfirst_differing_from_description_is_body() -> None:
    x = extraction(heading(TITLE, level=1), para(DESCRIPTION), *body(), description="A different summary entirely.")
    assert deck_index(x) is None
    assert parse_html_article(x).deck == []
    assert parse_html_article(x).body_blocks[0].text == DESCRIPTION


def test_no_deck_without_the_headline_repeat() -> None:
    x = extraction(para(DESCRIPTION), *body(), description=DESCRIPTION)
    assert deck_index(x) is None
    assert parse_html_article(x).deck == []


def test_no_deck_without_a_description() -> None:
    x = extraction(heading(TITLE), para(DESCRIPTION), *body())
    assert deck_index(x) is None


def test_description_further_down_is_not_the_deck() -> None:
    x = extraction(heading(TITLE), para(BODY[0]), para(DESCRIPTION), para(BODY[1]), description=DESCRIPTION)
    assert deck_index(x) is None


def test_headline_as_last_block_has_no_deck() -> None:
    x = extraction(heading(TITLE), description=DESCRIPTION)
    assert deck_index(x) is None
    assert parse_html_article(x).blocks == ()


# --- teaser link lists -------------------------------------------------------------------------

RELATED = [
    "Storm breaches Port Elwyn harbour wall for second time",
    "Fishing fleet moves to neighbouring port after flooding",
    "Coastal resilience fund opens for applications",
]


def test_link_dense_list_is_removed_with_its_label() -> None:
    teasers = items([(t, len(t), len(t)) for t in RELATED], group=50)
    x = extraction(*body(), heading("More on this", level=3), *teasers)
    removals = block_removals(x)
    assert sorted(removals) == [4, 5, 6, 7]
    assert {r.rule_id for r in removals.values()} == {"related_teaser.link_list"}
    assert {r.category for r in removals.values()} == {"related_teaser"}
    article = parse_html_article(x)
    assert [b.text for b in article.blocks] == list(BODY)
    assert [r.text for r in article.removed] == ["More on this", *RELATED]
    assert_offsets(x)


def test_two_link_items_are_enough() -> None:
    teasers = items([(t, len(t), len(t)) for t in RELATED[:2]], group=50)
    x = extraction(*body(*teasers))
    assert sorted(block_removals(x)) == [2, 3]


def test_single_link_item_is_kept() -> None:
    teasers = items([(RELATED[0], len(RELATED[0]), len(RELATED[0]))], group=50)
    x = extraction(*body(*teasers))
    assert block_removals(x) == {}
    assert RELATED[0] in kept_texts(x)


def test_list_mostly_plain_text_is_kept() -> None:
    texts = [
        "Rebuild the wall in stone over two years",
        "Build a temporary steel barrier",
        "Move the fleet to the neighbouring port",
        "See the full options report",
    ]
    listed = items([(t, 0, 0) for t in texts[:3]] + [(texts[3], len(texts[3]), len(texts[3]))], group=50)
    x = extraction(*body(*listed))
    assert block_removals(x) == {}
    assert kept_texts(x)[2:6] == texts


def test_teaser_share_threshold() -> None:
    """4 of 5 link items is 80%: a teaser list; 3 of 5 is not."""
    plain = "Notes from the council meeting on Monday"
    four = items(
        [(t, len(t), len(t)) for t in RELATED + ["Lifeboat crew warns of risk to station"]] + [(plain, 0, 0)], group=50
    )
    three = items([(t, len(t), len(t)) for t in RELATED] + [(plain, 0, 0), (plain + " again", 0, 0)], group=51)
    assert sorted(block_removals(extraction(*body(*four)))) == [2, 3, 4, 5, 6]
    assert block_removals(extraction(*body(*three))) == {}


def test_items_of_different_lists_are_not_pooled() -> None:
    a = items([(RELATED[0], len(RELATED[0]), len(RELATED[0]))], group=50)
    b = items([(RELATED[1], len(RELATED[1]), len(RELATED[1]))], group=51)
    assert block_removals(extraction(*body(*a, *b))) == {}


def test_long_label_or_sentence_before_a_teaser_list_is_kept() -> None:
    teasers = items([(t, len(t), len(t)) for t in RELATED], group=50)
    long_label = heading("Everything you need to know about the harbour")
    sentence = para("Read our earlier coverage.")
    for label in (long_label, sentence):
        x = extraction(*body(), label, *teasers)
        assert sorted(block_removals(x)) == [5, 6, 7]
        assert label.text in kept_texts(x)


# --- headline link + blurb lists ---------------------------------------------------------------

BLURB_ITEMS = [
    ("Storm breaches harbour wall again", " — waves topped the barrier on Sunday night"),
    ("Fleet moves to neighbouring port", " — skippers say the basin is no longer safe"),
    ("Resilience fund opens for bids", " — councils have until June to apply for money"),
]


def _blurb_items(pairs, group: int = 60) -> list[HtmlBlock]:
    return items([(link + blurb, len(link), len(link)) for link, blurb in pairs], group=group)


def test_headline_links_with_blurbs_are_removed() -> None:
    listed = _blurb_items(BLURB_ITEMS)
    assert all(b.link_density < 0.6 for b in listed)  # not a plain teaser link list
    x = extraction(*body(*listed))
    removals = block_removals(x)
    assert sorted(removals) == [2, 3, 4]
    assert {r.rule_id for r in removals.values()} == {"related_teaser.link_list"}
    assert kept_texts(x) == list(BODY)
    assert_offsets(x)


def test_two_headline_links_with_blurbs_are_kept() -> None:
    x = extraction(*body(*_blurb_items(BLURB_ITEMS[:2])))
    assert block_removals(x) == {}


def test_short_lead_links_are_not_headline_links() -> None:
    pairs = [
        ("Storm news", " — waves topped it"),
        ("Fleet news", " — skippers moved"),
        ("Fund opens", " — bids until June"),
    ]
    listed = _blurb_items(pairs)
    assert all(b.lead_link_chars >= 0.25 * len(b.text) for b in listed)  # only the link length is short
    assert block_removals(extraction(*body(*listed))) == {}


def test_lead_link_must_be_a_quarter_of_the_item() -> None:
    blurb = " as waves from the east topped the old barrier on a wild Sunday night and flooded the quay"
    pairs = [(link, blurb) for link in ("Storm breaches wall", "Storm floods the quay", "Storm hits the market")]
    listed = _blurb_items(pairs)
    assert all(b.lead_link_chars < 0.25 * len(b.text) for b in listed)
    assert block_removals(extraction(*body(*listed))) == {}


def test_blurb_over_thirty_words_keeps_the_list() -> None:
    blurb = (
        " — waves topped it on Sunday and flooded the quay, the fish market, the old lifeboat station and the car park"
    )
    pairs = [
        (link, blurb)
        for link in (
            "Storm breaches the Port Elwyn harbour wall for the second time this winter",
            "Storm floods the Port Elwyn quay and fish market for the second time today",
            "Storm damages the Port Elwyn lifeboat station for the second time in a year",
        )
    ]
    listed = _blurb_items(pairs)
    assert all(len(b.text.split()) > 30 and b.lead_link_chars >= 0.25 * len(b.text) for b in listed)
    assert block_removals(extraction(*body(*listed))) == {}


def test_list_of_long_multi_sentence_items_opening_with_links_is_kept() -> None:
    pairs = [
        (
            "Rebuild in stone",
            ": the engineers' preferred option. It would take two years and cost 14 million pounds. "
            "The old facing would be reused on the seaward side.",
        ),
        (
            "Temporary barrier",
            ": the cheapest option. Steel sheets and concrete blocks would hold for about a decade. "
            "After that the town would face the same bill again.",
        ),
        (
            "Relocate the fleet",
            ": the option nobody wanted. Boats would moor in the neighbouring port for good. "
            "The fish market would close within a few years.",
        ),
    ]
    listed = _blurb_items(pairs)
    x = extraction(*body(*listed))
    assert block_removals(x) == {}
    assert kept_texts(x)[2:5] == [b.text for b in listed]


def test_one_item_with_a_second_sentence_keeps_the_list() -> None:
    pairs = BLURB_ITEMS[:2] + [(BLURB_ITEMS[2][0], BLURB_ITEMS[2][1] + ". Bids close in June.")]
    assert block_removals(extraction(*body(*_blurb_items(pairs)))) == {}


# --- standalone link paragraphs ----------------------------------------------------------------


def test_run_of_link_paragraphs_is_removed() -> None:
    x = extraction(*body(link_para("Harbour wall timeline"), link_para("Who pays for sea defences")))
    removals = block_removals(x)
    assert sorted(removals) == [2, 3]
    assert {r.rule_id for r in removals.values()} == {"related_teaser.link_paragraph"}
    assert kept_texts(x) == list(BODY)
    assert_offsets(x)


def test_single_ordinary_link_paragraph_is_kept() -> None:
    x = extraction(*body(link_para("Harbour wall timeline")))
    assert block_removals(x) == {}
    assert "Harbour wall timeline" in kept_texts(x)


def test_single_shouted_link_paragraph_is_removed() -> None:
    x = extraction(*body(link_para("HARBOUR WALL TIMELINE")))
    assert {i: r.rule_id for i, r in block_removals(x).items()} == {2: "related_teaser.link_paragraph"}


def test_shouted_link_paragraph_needs_three_words() -> None:
    x = extraction(*body(link_para("HARBOUR TIMELINE")))
    assert block_removals(x) == {}


def test_link_paragraphs_that_are_sentences_are_kept_even_in_a_run() -> None:
    x = extraction(
        *body(link_para("The council has published the contract."), link_para("Residents may object in April."))
    )
    assert block_removals(x) == {}


def test_mostly_plain_paragraph_next_to_a_link_paragraph_is_kept() -> None:
    text = "Harbour wall timeline and notes"
    x = extraction(*body(link_para("Who pays for sea defences"), para(text, len("Harbour wall timeline"))))
    assert block_removals(x) == {}


def test_link_paragraph_run_is_broken_by_a_body_paragraph() -> None:
    x = extraction(
        para(BODY[0]),
        link_para("Harbour wall timeline"),
        para(BODY[1]),
        link_para("Who pays for sea defences"),
        para(BODY[2]),
    )
    assert block_removals(x) == {}


def test_long_link_paragraph_is_kept() -> None:
    text = "Harbour wall timeline with every storm flood repair vote and council meeting since the first breach in 2022"
    x = extraction(*body(link_para(text), link_para("Who pays for sea defences")))
    assert 2 not in block_removals(x)


# --- line rules inside blocks ------------------------------------------------------------------


def test_read_more_line_inside_a_paragraph_is_removed() -> None:
    more = "Read more: Oil prices rise after OPEC meeting"
    x = extraction(para(BODY[0] + "\n" + more), *[para(t) for t in BODY[1:]])
    article = parse_html_article(x)
    assert [b.text for b in article.blocks] == list(BODY)
    (hit,) = article.removed
    assert (hit.category, hit.text) == ("related_teaser", more)
    assert html_text(x)[hit.start : hit.end] == more
    assert_offsets(x)


def test_advertisement_block_is_removed_by_line_rule() -> None:
    x = extraction(*body(para("Advertisement")))
    article = parse_html_article(x)
    assert [b.text for b in article.blocks] == list(BODY)
    assert [(r.category, r.text) for r in article.removed] == [("advertisement", "Advertisement")]
    assert_offsets(x)


def test_photo_credit_line_is_removed_and_yields_the_credit() -> None:
    x = extraction(*body(para("Waves break over the damaged section of the wall.\nPhoto: Reuters", kind="caption")))
    article = parse_html_article(x)
    assert [(r.category, r.text) for r in article.removed] == [("photo_credit", "Photo: Reuters")]
    assert article.fields["photo_credits"] == ["Reuters"]
    assert_offsets(x)


def test_line_rules_keep_the_other_lines_of_the_block() -> None:
    x = extraction(para(BODY[0]), para("Harbour Office\nAdvertisement\nQuay Street"), para(BODY[1]))
    article = parse_html_article(x)
    block = article.blocks[1]
    assert block.text == "Harbour Office\nQuay Street"
    # the block spans from its first kept line to its last, the removed line in between
    assert html_text(x)[block.start : block.end] == "Harbour Office\nAdvertisement\nQuay Street"
    (hit,) = article.removed
    assert html_text(x)[hit.start : hit.end] == "Advertisement"


def test_copyright_in_the_last_block_is_removed_with_its_publisher() -> None:
    notice = "© 2024 The Harbour Herald. All rights reserved."
    x = extraction(*body(), para(notice))
    article = parse_html_article(x)
    assert [b.text for b in article.blocks] == list(BODY)
    assert [(r.category, r.text) for r in article.removed] == [("copyright", notice)]
    assert article.fields.get("publisher") == "The Harbour Herald"
    assert_offsets(x)


def test_block_removal_wins_over_line_rules() -> None:
    # "Related stories" is also a line-rule label: as a teaser list label it goes with the block rule
    teasers = items([(t, len(t), len(t)) for t in RELATED], group=50)
    x = extraction(*body(), heading("Related stories"), *teasers)
    rules = {r.text: r.rule_id for r in parse_html_article(x).removed}
    assert rules["Related stories"] == "related_teaser.link_list"
    assert len(parse_html_article(x).removed) == 4


# --- captions ----------------------------------------------------------------------------------


def test_caption_blocks_are_captions_and_fill_the_captions_field() -> None:
    caption = "Waves break over the damaged section of the harbour wall in January."
    x = extraction(*body(para(caption, kind="caption")))
    article = parse_html_article(x)
    assert [(b.kind, b.text) for b in article.blocks if b.kind == "caption"] == [("caption", caption)]
    assert caption not in [b.text for b in article.body_blocks]
    assert article.fields["captions"] == [caption]
    assert_offsets(x)


def test_no_captions_field_without_captions() -> None:
    assert "captions" not in parse_html_article(extraction(*body())).fields


# --- offsets across a realistic mix ------------------------------------------------------------


def test_offsets_of_kept_and_removed_blocks_in_a_mixed_article() -> None:
    teasers = items([(t, len(t), len(t)) for t in RELATED], group=50)
    x = extraction(
        heading(TITLE, level=1),
        para(DESCRIPTION),
        para(BODY[0]),
        para("Advertisement"),
        para(BODY[1] + "\nRead more: Oil prices rise after OPEC meeting"),
        para("Waves break over the wall.\nPhoto: Reuters", kind="caption"),
        heading("Borrowing concerns"),
        para(BODY[2]),
        link_para("Harbour wall timeline"),
        link_para("Who pays for sea defences"),
        para(BODY[3]),
        heading("Related stories", level=3),
        *teasers,
        description=DESCRIPTION,
    )
    article = parse_html_article(x)
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("deck", DESCRIPTION),
        ("paragraph", BODY[0]),
        ("paragraph", BODY[1]),
        ("caption", "Waves break over the wall."),
        ("heading", "Borrowing concerns"),
        ("paragraph", BODY[2]),
        ("paragraph", BODY[3]),
    ]
    assert [r.text for r in article.removed] == [
        TITLE,
        "Advertisement",
        "Read more: Oil prices rise after OPEC meeting",
        "Photo: Reuters",
        "Harbour wall timeline",
        "Who pays for sea defences",
        "Related stories",
        *RELATED,
    ]
    assert_offsets(x)
    starts = [b.start for b in article.blocks]
    assert starts == sorted(starts)


# --- prefix and inline cuts --------------------------------------------------------------------


def test_dateline_prefix_is_cut_and_the_kept_block_starts_after_it() -> None:
    first = "LONDON (Reuters) - " + BODY[0]
    x = extraction(para(first), *[para(t) for t in BODY[1:]])
    article = parse_html_article(x)
    assert article.blocks[0].text == BODY[0]
    (hit,) = article.removed
    assert (hit.category, hit.text) == ("dateline", "LONDON (Reuters) -")
    assert_offsets(x)


def test_inline_credit_suffix_is_cut_from_a_caption() -> None:
    caption = "Waves break over the damaged section of the wall."
    x = extraction(*body(para(caption + " (Photo: Reuters)", kind="caption")))
    article = parse_html_article(x)
    assert article.fields["captions"] == [caption]
    assert article.fields["photo_credits"] == ["Reuters"]
    (hit,) = article.removed
    assert html_text(x)[hit.start : hit.end] == hit.text == " (Photo: Reuters)"
    block = next(b for b in article.blocks if b.kind == "caption")
    # an inline cut: the kept text is where the block starts, the block runs to the end of its line
    assert html_text(x)[block.start :].startswith(caption)


# --- tail zone ---------------------------------------------------------------------------------

SLUG = "mn-1-general"


def test_tail_rule_applies_only_to_the_last_lines() -> None:
    from transforms.text.articles import TAIL_LINES

    paragraphs = [para(f"{t}") for t in BODY] + [para(f"Paragraph number {i} of the story.") for i in range(TAIL_LINES)]
    n = len(paragraphs)
    first_tail = n + 1 - TAIL_LINES  # with the slug inserted there are n + 1 lines
    in_tail = extraction(*paragraphs[:first_tail], para(SLUG), *paragraphs[first_tail:])
    before_tail = extraction(*paragraphs[: first_tail - 1], para(SLUG), *paragraphs[first_tail - 1 :])
    assert [r.text for r in parse_html_article(in_tail).removed] == [SLUG]
    assert parse_html_article(in_tail).fields["section_slug"] == SLUG
    assert parse_html_article(before_tail).removed == ()
    assert SLUG in kept_texts(before_tail)


def test_agency_signoff_before_a_removed_teaser_list_is_still_in_the_tail() -> None:
    more = RELATED + ["Lifeboat crew warns of risk to station", "Tourist season bookings fall along the coast"]
    teasers = items([(t, len(t), len(t)) for t in more], group=50)
    x = extraction(*body(), para("jsi/sms (AP, dpa)"), heading("Related stories", level=3), *teasers)
    article = parse_html_article(x)
    assert kept_texts(x) == list(BODY)
    assert article.fields.get("agencies") == ["AP", "dpa"]
