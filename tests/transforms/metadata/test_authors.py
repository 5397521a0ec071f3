"""Credit cleaning: names split, "By" dropped, roles, e-mails and agencies into their own fields."""

from __future__ import annotations

import pytest

from transforms.metadata.authors import credit_extras, credits_from, credits_of, emails_in, sort_credits


@pytest.mark.parametrize(
    ("credit", "authors", "roles", "emails", "agencies"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], [], [], []),
        ("Jane Doe, John Roe", ["Jane Doe", "John Roe"], [], [], []),
        ("Jane Doe | Reuters", ["Jane Doe"], [], [], ["Reuters"]),
        ("By Jane Doe (AFP)", ["Jane Doe"], [], [], ["AFP"]),
        ("Correspondent Lee Sang-heon", ["Lee Sang-heon"], ["Correspondent"], [], []),
        ("Senior Editor Jane Doe", ["Jane Doe"], ["Senior Editor"], [], []),
        ("By Jane Doe, Staff Writer jane@example.com", ["Jane Doe"], ["Staff Writer"], ["jane@example.com"], []),
        ("Tom Krisher, AP Auto Writer", ["Tom Krisher"], ["Auto Writer"], [], ["AP"]),
        ("홍길동 기자 gildong@yna.co.kr", ["홍길동"], ["기자"], ["gildong@yna.co.kr"], []),
        ("BY JANE DOE", ["Jane Doe"], [], [], []),
        ("José de la Cruz y María López", ["José de la Cruz", "María López"], [], [], []),
        ("Jane Doe | March 12, 2024", ["Jane Doe"], [], [], []),
        ("Reporting by Will Dunham; Editing by Tom Brown", ["Will Dunham"], [], [], []),
        ("Staff", [], [], [], []),
        ("[email protected]", [], [], [], []),
        ("", [], [], [], []),
    ],
)
def test_credits_are_split_and_cleaned(credit, authors, roles, emails, agencies) -> None:
    found = credits_from(credit)
    assert (list(found.authors), list(found.roles), list(found.emails), list(found.agencies)) == (
        authors,
        roles,
        emails,
        agencies,
    )


def test_several_credit_lines_merge_without_repeats() -> None:
    found = credits_of(["By Jane Doe", "Jane Doe and John Roe | Reuters", "JOHN ROE"])
    assert (found.authors, found.agencies) == (("Jane Doe", "John Roe"), ("Reuters",))


def test_extras_never_name_authors() -> None:
    found = credit_extras(", Chief Correspondent | AFP | March 12, 2024 jane@example.com")
    assert (found.authors, found.roles, found.emails, found.agencies) == (
        (),
        ("Chief Correspondent",),
        ("jane@example.com",),
        ("AFP",),
    )


def test_emails_in_a_contact_line() -> None:
    assert emails_in("Contact the author at Jane.Doe@Example.com or tips@example.org.") == (
        "jane.doe@example.com",
        "tips@example.org",
    )


@pytest.mark.parametrize(
    ("credit", "authors", "organisations"),
    [
        ("USA TODAY", [], ["USA TODAY"]),
        ("Flatworld Solutions Editorial Team", [], ["Flatworld Solutions Editorial Team"]),
        ("Center for Drug Evaluation and Research", [], ["Center for Drug Evaluation and Research"]),
        (
            "Manoj Jain and Jagpreet Chhatwal | The Commercial Appeal",
            ["Manoj Jain", "Jagpreet Chhatwal"],
            ["The Commercial Appeal"],
        ),
        ("AccountingDepartment.com", [], ["AccountingDepartment.com"]),
        ("Editorial", [], ["Editorial"]),
        ("Jdadmin", [], []),  # an account: dropped
        ("Dec", [], []),  # a date fragment: dropped
        ("Ph D", [], []),  # a credential: dropped
        ("Laura June Topolsky July", ["Laura June Topolsky"], []),
        ("Author Isaiah Shelton", ["Isaiah Shelton"], []),
        ("Rebecca Lake, CEPF®", ["Rebecca Lake"], []),
        ("The Author", [], []),
        ("News Desk", [], ["News Desk"]),  # a desk: an organisation credit, not dropped
        ("EcoCult Staff", [], ["EcoCult Staff"]),
        ("Cazzy Magennis Last Updated August 1", ["Cazzy Magennis"], []),  # a stamp after the name
        ("Supermove February 8", ["Supermove"], []),
        ("Tom May", ["Tom May"], []),  # a surname that is a month stays
        ("View more posts", [], []),  # page furniture: dropped
        ("About the Author", [], []),
        ("Www Facebook Com", [], []),
        ("Extension horticulture educators", [], []),  # lower-case words: no name
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"], []),  # but a name's particles are fine
        ("Emily Post", ["Emily Post"], []),  # a given name first: a person, whatever the surname
        ("Larry Page", ["Larry Page"], []),
    ],
)
def test_organisations_accounts_and_fragments_are_no_authors(credit, authors, organisations) -> None:
    found = credits_from(credit)
    assert (list(found.authors), list(found.organisations)) == (authors, organisations)


@pytest.mark.parametrize(
    ("credit", "authors", "roles"),
    [
        ("Benjamin Johnson, Sr. Director of Operations", ["Benjamin Johnson"], ["Sr. Director of Operations"]),
        ("Nicoletta Richardson Trending Editor", ["Nicoletta Richardson"], ["Trending Editor"]),
        ("Linda Rosencrance Contributing Writer", ["Linda Rosencrance"], ["Contributing Writer"]),
        ("Mateusz Haberny Founder", ["Mateusz Haberny"], ["Founder"]),
        ("Senior Staff Writer", [], ["Senior Staff Writer"]),  # a role alone: no name made of it
    ],
)
def test_roles_beside_a_name_are_kept_as_roles(credit, authors, roles) -> None:
    found = credits_from(credit)
    assert (list(found.authors), list(found.roles)) == (authors, roles)


def test_authors_naming_the_site_or_typed_organisations_move_out() -> None:
    found = sort_credits(
        credits_from("Jane Doe; Greenhouse Studio; Brandon-Peaktwo; Fastarz"), ["Fastarz"] + ["peaktwo"]
    )
    assert found.authors == ("Jane Doe",)
    assert found.organisations == ("Greenhouse Studio", "Brandon-Peaktwo", "Fastarz")


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        # a phrase about the writing before "by" is cut with it (it read as an organisation: "post")
        ("This post was written by Danielle Padula", ("Danielle Padula",)),
        ("Article by Cara Dumaplin RN; BSN", ("Cara Dumaplin",)),  # and the post-nominal after the name
        ("Words by Jane Doe", ("Jane Doe",)),
    ],
)
def test_a_writing_phrase_before_by_is_cut(credit, authors) -> None:
    assert credits_from(credit).authors == authors


def test_a_role_given_as_an_author_moves_to_roles() -> None:
    """A byline's second line ("Senior Analyst", "Lead Reviewer") reached the authors as a name."""
    from transforms.metadata.authors import Credits

    found = sort_credits(Credits(("Sean Peek", "Senior Analyst", "Lead Reviewer")))
    assert (found.authors, found.roles) == (("Sean Peek",), ("Senior Analyst", "Lead Reviewer"))


def _bylines(body: str) -> tuple[tuple[int, str, str], ...]:
    from lxml import html as lxml_html

    from transforms.metadata.page_markup import page_markup

    return page_markup(lxml_html.fromstring(f"<html><body>{body}</body></html>")).bylines


def test_credits_printed_by_the_headline_are_found_with_what_marks_them() -> None:
    body = """<h1>Harbour wall rebuilt</h1>
    <div class="meta"><span>Written by</span> <span>Jane Doe</span> ·
    <a href="/authors/john-roe/">John Roe</a> · <span>Reviewed by</span> <span>Ann Lee</span></div>
    <p>The harbour wall gave way on Tuesday night, the council said.</p>"""
    found = [(evidence, text) for _, evidence, text in _bylines(body)]
    assert ("label", "Jane Doe") in found and ("href", "John Roe") in found
    assert all(text != "Ann Lee" for _, text in found)  # a reviewer is no author


def test_the_headline_byline_is_the_first_that_names_someone() -> None:
    from transforms.metadata.authors import headline_credits

    bylines = [(0, "label", "Posted by"), (12, "href", "Jane Doe"), (40, "href", "John Roe")]
    assert headline_credits(bylines).authors == ("Jane Doe",)
    assert headline_credits(bylines, evidence={"markup"}).authors == ()
    assert headline_credits([(900, "href", "Jane Doe")]).authors == ()  # too far from the headline


def test_a_jsonld_author_given_by_reference_is_read_from_the_graph() -> None:
    """Yoast-style graphs: the article's author is {"@id": ...}, the Person is another node."""
    from lxml import html as lxml_html

    from transforms.metadata.page_markup import page_markup

    graph = """{"@graph": [
      {"@type": "Article", "headline": "Harbour wall", "author": {"@id": "https://x.example/#/person/1"}},
      {"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Jane Doe"},
      {"@type": "Organization", "@id": "https://x.example/#org", "name": "Harbour Times"}]}"""
    html = f'<html><head><script type="application/ld+json">{graph}</script></head><body><p>x</p></body></html>'
    markup = page_markup(lxml_html.fromstring(html))
    assert (markup.persons, markup.people) == (("Jane Doe",), ("Jane Doe",))


def test_a_collective_credit_by_the_headline_is_the_credit_not_a_name_further_on() -> None:
    from transforms.metadata.authors import headline_credits

    found = headline_credits([(99, "href", "EcoCult Staff"), (176, "label", "Kotn")])
    assert (found.authors, found.organisations) == ((), ("EcoCult Staff",))


@pytest.mark.parametrize(
    ("credit", "site_names", "authors", "organisations"),
    [
        # organisation credits: a brand of one word, a name of common words
        ("Meclabs", [], [], ["Meclabs"]),
        ("Help Net Security", [], [], ["Help Net Security"]),
        ("HR Strategy", [], [], ["HR Strategy"]),  # a section of the site
        ("Licensed Q Arabica Grader, M.A. Journalism", [], [], ["M.A. Journalism"]),  # a role and a degree
        # the site's own name, as one word of it or inside a longer credit
        ("Justin C. Meserole, Morgan", ["Morgan & Morgan"], ["Justin C. Meserole"], []),  # a common word: dropped
        ("Jane Doe, Peaktwo", ["Peaktwo"], ["Jane Doe"], ["Peaktwo"]),
        ("Content: MarketingSherpa", ["MarketingSherpa"], [], ["Content: MarketingSherpa"]),
        # accounts: one word that is no given name
        ("KatieS", [], [], ["KatieS"]),
        ("Jamesfox", [], [], ["Jamesfox"]),
        # a fragment that is a common word is dropped, not credited
        ("Zackery Cuevas Writer, Hardware", [], ["Zackery Cuevas"], []),
        # people stay people: a given name alone, a given name first, a title first, initials
        ("Susan", [], ["Susan"], []),
        ("Autumn Adams", [], ["Autumn Adams"], []),
        ("Dr. Allen", [], ["Dr. Allen"], []),
        ("J. R. Smith", [], ["J. R. Smith"], []),
    ],
)
def test_organisations_sites_and_accounts_are_not_given_as_people(credit, site_names, authors, organisations) -> None:
    found = sort_credits(credits_from(credit), site_names)
    assert (list(found.authors), list(found.organisations)) == (authors, organisations)


def test_a_byline_with_two_people() -> None:
    assert credits_from("By Aoife O'Riordan and Zackery Cuevas").authors == ("Aoife O'Riordan", "Zackery Cuevas")
    found = sort_credits(
        credits_from("Written by Danielle Padula & Asser Christensen | Coffee Chronicler"), ["Coffee Chronicler"]
    )
    assert found.authors == ("Danielle Padula", "Asser Christensen")
    # two one-word given names are two people
    assert sort_credits(credits_from("Maria & Peter")).authors == ("Maria", "Peter")


def test_a_page_naming_only_an_account_takes_the_byline_printed_by_the_headline() -> None:
    from transforms.frames.normalise import ParsedDocument, _credits
    from transforms.html.blocks import HtmlMetadata
    from transforms.metadata.page_markup import PageMarkup
    from transforms.text.articles import parse_text_article

    markup = PageMarkup(bylines=((4, "href", "Aoife O'Riordan"),))
    page = ParsedDocument(
        "p", "https://x.example/a", parse_text_article("Body."), HtmlMetadata(author="KatieS", markup=markup)
    )
    found = sort_credits(_credits(page))
    assert (found.authors, found.organisations) == (("Aoife O'Riordan",), ("KatieS",))
    alone = ParsedDocument("q", "https://x.example/b", parse_text_article("Body."), HtmlMetadata(author="KatieS"))
    assert sort_credits(_credits(alone)).authors == ()


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("Richard (R.J.) Eskow", ["Richard Eskow"]),  # initials in brackets: one name, not three credits
        ("∙ Paid", []),  # a bullet, then a word: no name
        ("(Jane Doe)", ["Jane Doe"]),
    ],
)
def test_brackets_and_bullets_around_a_name(credit, authors) -> None:
    assert list(sort_credits(credits_from(credit)).authors) == authors


def test_the_headline_byline_takes_the_co_authors_printed_with_it_not_a_reviewer() -> None:
    from transforms.metadata.authors import headline_credits

    bylines = [
        (110, "href", "Rui Ma"),
        (116, "class", ","),
        (120, "href", "Heba Ledwon"),
        (135, "href", "Suparn Patra"),
    ]
    assert headline_credits(bylines).authors == ("Rui Ma", "Heba Ledwon", "Suparn Patra")
    reviewed = [(4, "href", "Shelby Loos, DVM"), (21, "class", ". Reviewed by"), (36, "href", "Molly Price, DVM")]
    assert headline_credits(reviewed).authors == ("Shelby Loos",)
    apart = [(10, "href", "Jane Doe"), (90, "href", "John Roe")]  # a link further on: another credit
    assert headline_credits(apart).authors == ("Jane Doe",)
