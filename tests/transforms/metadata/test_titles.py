"""Headlines without the site's name: cut at separators, the site named by its site name, its
domain, or the affixes its pages share; the source order of transforms.metadata.titles."""

from __future__ import annotations

import pytest

from transforms.metadata.titles import choose_title, site_affixes, strip_site_name


@pytest.mark.parametrize(
    ("title", "site_names", "domain", "headline"),
    [
        ("Harbour wall gives way | Google Cloud", ["Google Cloud"], None, "Harbour wall gives way"),
        ("LinkNaija | Harbour wall gives way", [], "linknaija.com", "Harbour wall gives way"),
        ("Harbour wall gives way - BBC News", ["BBC News"], "bbc.co.uk", "Harbour wall gives way"),
        ("Harbour wall gives way – Reuters.com", ["Reuters"], "reuters.com", "Harbour wall gives way"),
        (
            "Harbour wall gives way | News | The Harbour Herald",
            ["The Harbour Herald"],
            None,
            "Harbour wall gives way | News",
        ),
        ("Spider-Man: No Way Home - a review", ["Film Weekly"], "filmweekly.com", "Spider-Man: No Way Home - a review"),
        ("Google Cloud", ["Google Cloud"], None, "Google Cloud"),  # only the site: nothing is cut
    ],
)
def test_site_name_prefixes_and_suffixes_are_cut(title, site_names, domain, headline) -> None:
    assert strip_site_name(title, site_names, domain) == headline


def test_a_site_affix_is_learned_from_the_domain_s_other_pages() -> None:
    pages = [
        ("example.com", ["Harbour wall gives way :: Port Elwyn Daily"]),
        ("example.com", ["Ferry strike ends :: Port Elwyn Daily", "Ferry strike ends"]),
        ("other.org", ["Ferry strike ends :: Port Elwyn Daily"]),
    ]
    affixes = site_affixes(pages)
    assert "portelwyndaily" in affixes["example.com"]
    assert "portelwyndaily" not in affixes["other.org"]  # one page: not learned
    assert strip_site_name("Tide table :: Port Elwyn Daily", (), "example.com", affixes["example.com"]) == "Tide table"


def test_the_first_source_in_order_wins_and_a_bare_site_name_is_passed_over() -> None:
    candidates = [("og_title", "Harbour Herald"), ("title", "Harbour wall gives way | Harbour Herald")]
    assert choose_title(candidates, ["Harbour Herald"]) == ("Harbour wall gives way", "title")


def test_the_h1_comes_first_and_may_be_made_to_need_another_title_holding_it() -> None:
    logo = [("h1", "Menu"), ("og_title", "Harbour wall gives way")]
    assert choose_title(logo) == ("Menu", "h1")  # the shipped order: the <h1> as it is
    assert choose_title(logo, corroborate={"h1"}) == ("Harbour wall gives way", "og_title")
    headline = [("h1", "Harbour wall gives way"), ("og_title", "Harbour wall gives way, council says")]
    assert choose_title(headline, corroborate={"h1"}) == ("Harbour wall gives way", "h1")


@pytest.mark.parametrize(
    ("body", "h1"),
    [
        # a "Blog" section heading and the site's logo come first; the article's <h1> is the one the
        # other titles name
        ("<h1>Blog</h1><h1>Packing Tips Guide</h1>", "Packing Tips Guide"),
        (
            "<h1><a href='/'>Houstonia Magazine</a></h1><main><h1>Hottest New Restaurants</h1></main>",
            "Hottest New Restaurants",
        ),
        # no <h1> named by another title: the first one, as before
        ("<h1>Search</h1><h1>Menu</h1>", "Search"),
    ],
)
def test_the_headline_h1_is_the_one_another_title_names(body: str, h1: str) -> None:
    from lxml import html as lxml_html

    from transforms.metadata.page_markup import page_markup

    head = (
        "<head><title>Hottest New Restaurants | Houstonia Magazine</title>"
        "<meta property='og:title' content='Packing Tips Guide'></head>"
    )
    titles = dict(page_markup(lxml_html.fromstring(f"<html>{head}<body>{body}</body></html>")).titles)
    assert titles["h1"] == h1
