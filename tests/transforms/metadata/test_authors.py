"""Credit cleaning: names split, "By" dropped, roles, e-mails and agencies into their own fields."""

from __future__ import annotations

import pytest

from transforms.metadata.authors import credit_extras, credits_from, credits_of, emails_in


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
