"""transforms/html/trafilatura_extraction.py: trafilatura's body walked into flat blocks, and the page's metadata."""

from __future__ import annotations

import pytest
from lxml import etree

from tests.conftest import ROOT
from transforms.html.blocks import HtmlBlock, HtmlMetadata
from transforms.html.trafilatura_extraction import _blocks, extract_html

FIXTURES = ROOT / "tests" / "fixtures" / "html"
ARTICLE_URL = "https://www.harbourherald.example/news/2024/03/12/port-elwyn-harbour-wall"
LONG = (
    "The council met on Tuesday evening to discuss the new harbour plan and what it will cost the "
    "residents of the town over the next decade. "
)
BODY_A = LONG + "Fishing crews packed the gallery and several of them spoke during the public session."
BODY_B = LONG + "Engineers said work could start in the autumn once the tourist season has ended."


def _page(inner: str, head: str = "") -> str:
    """An article page: the tested markup between two long paragraphs, so trafilatura keeps it."""
    return (
        f"<html><head>{head}</head><body><article><h1>Harbour plan approved after long debate</h1>"
        f"<p>{BODY_A}</p>{inner}<p>{BODY_B}</p></article></body></html>"
    )


def _middle(inner: str) -> list[HtmlBlock]:
    """The blocks of `inner` alone (the page's heading and two paragraphs around it left out)."""
    blocks = list(extract_html(_page(inner)).blocks)
    assert [b.text for b in blocks[:2]] == ["Harbour plan approved after long debate", BODY_A]
    assert blocks[-1].text == BODY_B
    return blocks[2:-1]


def _view(blocks) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


# --- block kinds -------------------------------------------------------------------------------


def test_headings_and_paragraphs_in_page_order_with_levels() -> None:
    blocks = extract_html(_page("<h2>What happens next</h2><h4>Small print</h4>")).blocks
    assert _view(blocks) == [
        ("heading", "Harbour plan approved after long debate"),
        ("paragraph", BODY_A),
        ("heading", "What happens next"),
        ("heading", "Small print"),
        ("paragraph", BODY_B),
    ]
    assert [b.level for b in blocks] == [1, 0, 2, 4, 0]


def test_each_standalone_block_has_its_own_group() -> None:
    blocks = extract_html(_page("<h2>What happens next</h2>")).blocks
    groups = [b.group for b in blocks]
    assert len(set(groups)) == len(groups)
    assert groups == sorted(groups)


def test_items_of_one_list_share_a_group_and_lists_differ() -> None:
    middle = _middle(
        "<ul><li>Sea wall repairs first</li><li>Fish market second</li></ul>"
        "<ol><li>Lifeboat station third</li><li>Car park last of all</li></ol>"
    )
    assert _view(middle) == [
        ("item", "Sea wall repairs first"),
        ("item", "Fish market second"),
        ("item", "Lifeboat station third"),
        ("item", "Car park last of all"),
    ]
    assert middle[0].group == middle[1].group
    assert middle[2].group == middle[3].group
    assert middle[0].group != middle[2].group


def test_table_rows_share_a_group_and_cells_are_joined_with_pipes() -> None:
    middle = _middle(
        "<table><tr><th>Option</th><th>Cost</th></tr>"
        "<tr><td>Rebuild the wall</td><td>14 million</td></tr></table>"
        "<ul><li>A list after the table</li><li>And its second item</li></ul>"
    )
    rows = [b for b in middle if b.kind == "row"]
    assert [r.text for r in rows] == ["Option | Cost", "Rebuild the wall | 14 million"]
    assert rows[0].group == rows[1].group
    items = [b for b in middle if b.kind == "item"]
    assert items and items[0].group != rows[0].group


def test_quote_and_code_blocks() -> None:
    middle = _middle("<blockquote>We cannot wait another winter.</blockquote><pre><code>wall_height = 4.5</code></pre>")
    assert _view(middle) == [("quote", "We cannot wait another winter."), ("code", "wall_height = 4.5")]


def test_line_break_inside_a_paragraph_is_a_newline() -> None:
    assert _view(_middle("<p>Harbour Office<br>Quay Street<br/>Port Elwyn</p>")) == [
        ("paragraph", "Harbour Office\nQuay Street\nPort Elwyn")
    ]


def test_heading_and_paragraph_nested_in_a_list_item_are_separated_by_a_newline() -> None:
    middle = _middle(
        "<ul><li><h3>Option one</h3><p>Rebuild the whole wall.</p></li>"
        "<li><h3>Option two</h3><p>Build a temporary barrier.</p></li></ul>"
    )
    assert _view(middle) == [
        ("item", "Option one\nRebuild the whole wall."),
        ("item", "Option two\nBuild a temporary barrier."),
    ]
    assert middle[0].group == middle[1].group


def test_text_loose_in_a_container_becomes_a_paragraph() -> None:
    middle = _middle("<section>Loose words in the section.<h2>Costs</h2>More loose words after the heading.</section>")
    # trafilatura keeps the text after the heading loose in its body: it is a paragraph of its own
    assert ("heading", "Costs") in _view(middle)
    assert ("paragraph", "More loose words after the heading.") in _view(middle)
    loose = next(b for b in middle if b.text == "More loose words after the heading.")
    assert loose.link_chars == 0 and loose.level == 0


def test_loose_text_walk_on_trafilatura_xml() -> None:
    """Text loose in a list shares the list's group; loose text outside lists gets a group of its own."""
    body = etree.fromstring(
        "<body>Opening words<list><item>first</item> between items <item>second</item></list>"
        "after the list<table><row><cell>a</cell><cell>b</cell></row></table></body>"
    )
    blocks = _blocks(body)
    assert _view(blocks) == [
        ("paragraph", "Opening words"),
        ("item", "first"),
        ("paragraph", "between items"),
        ("item", "second"),
        ("paragraph", "after the list"),
        ("row", "a | b"),
    ]
    assert blocks[1].group == blocks[2].group == blocks[3].group
    assert blocks[0].group != blocks[1].group
    assert blocks[4].group not in (blocks[1].group, blocks[5].group)


def test_empty_elements_give_no_blocks() -> None:
    body = etree.fromstring("<body><p>  </p><head rend='h2'></head><p>kept</p></body>")
    assert _view(_blocks(body)) == [("paragraph", "kept")]


# --- links -------------------------------------------------------------------------------------


def test_link_chars_of_a_paragraph_with_an_inline_link() -> None:
    middle = _middle(
        '<p>The council published <a href="/docs">the full contract documents</a> on its website today.</p>'
    )
    (block,) = middle
    assert block.text == "The council published the full contract documents on its website today."
    assert block.link_chars == len("the full contract documents")
    assert block.lead_link_chars == 0


def test_lead_link_chars_of_an_item_opening_with_a_link() -> None:
    middle = _middle(
        '<ul><li><a href="/a">Storm breaches harbour wall</a> as waves top the barrier</li>'
        '<li>Plain item with <a href="/b">a link</a> inside</li></ul>'
    )
    assert middle[0].text == "Storm breaches harbour wall as waves top the barrier"
    assert middle[0].link_chars == middle[0].lead_link_chars == len("Storm breaches harbour wall")
    assert middle[1].link_chars == len("a link")
    assert middle[1].lead_link_chars == 0


def test_link_in_a_table_cell_counts() -> None:
    middle = _middle(
        '<table><tr><td><a href="/x">Full results</a></td><td>Eleven votes to four</td></tr>'
        "<tr><td>Against</td><td>Four councillors</td></tr></table>"
    )
    assert middle[0].text == "Full results | Eleven votes to four"
    assert middle[0].link_chars == middle[0].lead_link_chars == len("Full results")
    assert middle[1].link_chars == 0


# --- nothing found -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html></html>",
        "<html><body></body></html>",
        "\x00\x01",
        "%PDF-1.4 \xff\xfe binary",
        "<div><script>var a = 1;</script></div>",
    ],
    ids=["empty", "blank", "bare-html", "empty-body", "control-chars", "binary", "script-only"],
)
def test_empty_or_garbage_page_gives_no_blocks(html: str) -> None:
    extraction = extract_html(html)
    assert extraction.blocks == ()
    assert extraction.metadata == HtmlMetadata()


# --- metadata ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def article_page() -> str:
    return (FIXTURES / "news_article.html").read_text(encoding="utf-8")


def test_metadata_from_meta_tags_json_ld_and_canonical_link(article_page: str) -> None:
    meta = extract_html(article_page, ARTICLE_URL).metadata
    assert meta.title == "Fishing town votes to rebuild its storm-wrecked harbour wall"
    assert meta.author == "Maren Holloway"
    assert meta.site_name == "The Harbour Herald"
    assert meta.description == (
        "After two winters of flooding, Port Elwyn's council backs a 14-million-pound plan "
        "to rebuild the sea wall that shelters its fishing fleet."
    )
    assert meta.categories == ("Coast",)
    assert "Harbours" in meta.tags
    assert meta.canonical_url == ARTICLE_URL
    assert meta.image_url == "https://www.harbourherald.example/images/port-elwyn-wall.jpg"
    assert meta.hostname == "harbourherald.example"


def test_canonical_link_is_read_without_a_url_argument(article_page: str) -> None:
    assert extract_html(article_page).metadata.canonical_url == ARTICLE_URL


def test_metadata_from_json_ld_alone() -> None:
    json_ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Lifeboat crew rescues two sailors off the point", '
        '"author": {"@type": "Person", "name": "Ada Lane"}, "datePublished": "2023-05-06T10:00:00Z", '
        '"publisher": {"@type": "Organization", "name": "Coast Courier"}, "articleSection": "Rescue"}</script>'
    )
    meta = extract_html(_page("", head=json_ld)).metadata
    assert meta.title == "Lifeboat crew rescues two sailors off the point"
    assert meta.author == "Ada Lane"
    assert meta.site_name == "Coast Courier"
    assert meta.categories == ("Rescue",)


def test_repeated_article_tags_and_sections_become_tuples() -> None:
    head = (
        '<meta property="article:tag" content="Harbours"><meta property="article:tag" content="Flooding">'
        '<meta property="article:section" content="Coast"><meta property="article:section" content="News">'
    )
    meta = extract_html(_page("", head=head)).metadata
    assert meta.tags == ("Harbours", "Flooding")
    assert meta.categories == ("Coast", "News")


def test_keywords_meta_is_split_into_tags() -> None:
    meta = extract_html(_page("", head='<meta name="keywords" content="harbours, flooding, fishing">')).metadata
    assert meta.tags == ("harbours", "flooding", "fishing")


def test_the_metadata_is_trafilaturas_less_its_costly_searches(article_page: str) -> None:
    """The same fields `trafilatura.extract_metadata` gives, but for the categories and tags it
    searches for in the page's links, and the date and licence, which the path does not read."""
    import trafilatura

    full = trafilatura.extract_metadata(article_page, default_url=ARTICLE_URL)
    meta = extract_html(article_page, ARTICLE_URL).metadata
    assert (meta.title, meta.author, meta.site_name, meta.description) == (
        full.title,
        full.author,
        full.sitename,
        full.description,
    )
    assert (meta.canonical_url, meta.hostname, meta.image_url) == (full.url, full.hostname, full.image)


def test_an_author_the_markup_does_not_name_is_searched_in_the_page_but_tags_are_not() -> None:
    """A page whose markup names no author and no tags: trafilatura's author search finds the
    author element (as trafilatura's own metadata does); its tag search in /tag/ links is not run."""
    import trafilatura

    inner = (
        '<div class="author-name">Ada Lane</div>'
        '<div class="tags"><a href="/tag/harbours">harbours</a> <a href="/tag/storms">storms</a></div>'
    )
    page = _page(inner)
    full = trafilatura.extract_metadata(page)
    assert full.author == "Ada Lane" and full.tags == ["harbours", "storms"]
    meta = extract_html(page).metadata
    assert (meta.author, meta.tags) == ("Ada Lane", ())
    assert meta.title == "Harbour plan approved after long debate"  # the lone <h1>, as trafilatura


def test_a_link_target_is_not_resolved_and_link_text_still_counts() -> None:
    page = _page('<p>The council published <a href="/docs">the full contract documents</a> online today.</p>')
    with_url = extract_html(page, "https://www.harbourherald.example/news/a").blocks
    assert with_url == extract_html(page).blocks
    assert any(b.link_chars == len("the full contract documents") for b in with_url)


def test_declared_page_language_is_in_metadata(article_page: str) -> None:
    assert extract_html(article_page, ARTICLE_URL).metadata.language == "en"


def test_thorough_pass_finds_the_blocks_but_reads_no_metadata(article_page: str) -> None:
    fast = extract_html(article_page, ARTICLE_URL)
    thorough = extract_html(article_page, ARTICLE_URL, thorough=True)
    assert thorough.metadata == HtmlMetadata()
    assert fast.metadata != HtmlMetadata()
    fast_texts = [b.text for b in fast.blocks]
    assert [b.text for b in thorough.blocks if b.text in fast_texts]
    assert any(b.text.startswith("Councillors in Port Elwyn voted late on Monday") for b in thorough.blocks)


# --- regressions: bugs found and fixed -----------------------------------------------------


def test_text_before_a_nested_list_is_not_glued_to_it() -> None:
    middle = _middle(
        "<ul><li>Parent item<ul><li>Child alpha</li><li>Child beta</li></ul></li><li>Second parent item</li></ul>"
    )
    assert middle[0].text == "Parent item\nChild alpha\nChild beta"


def test_text_before_a_nested_paragraph_in_a_quote_is_not_glued_to_it() -> None:
    middle = _middle("<blockquote>She told the meeting<p>We cannot wait another winter.</p></blockquote>")
    assert _view(middle) == [("quote", "She told the meeting\nWe cannot wait another winter.")]
