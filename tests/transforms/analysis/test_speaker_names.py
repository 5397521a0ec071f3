"""Names as an article writes them: titles dropped, fullest forms, runs of capitalised words."""

from __future__ import annotations

import pytest

from transforms.analysis.speaker_names import Names, capitalised_runs, kind, name_at_end, name_tokens


def fullest(text: str, name: str) -> str:
    return Names(text, capitalised_runs(text)).fullest(name)


@pytest.mark.parametrize(
    ("run", "tokens", "is_titled"),
    [
        (["Russian", "Foreign", "Minister", "Sergey", "Lavrov"], ["Sergey", "Lavrov"], True),
        (["NATO", "Secretary", "General", "Stoltenberg"], ["Stoltenberg"], True),
        (["Australian", "Timothy", "Weeks"], ["Timothy", "Weeks"], False),
        (["Swedish", "Prosecution", "Authority"], ["Swedish", "Prosecution", "Authority"], False),
        (["The", "UK"], ["UK"], False),
        (["NASA’s", "Administrator", "Jim", "Bridenstine"], ["Jim", "Bridenstine"], True),
        (["Trump", "Oct."], ["Trump"], False),
        (["Q"], [], False),
    ],
)
def test_name_tokens(run: list[str], tokens: list[str], is_titled: bool) -> None:
    assert name_tokens(run) == (tokens, is_titled)


def test_name_at_end_of_a_segment() -> None:
    assert name_at_end("Speaking on Friday, U.S. Attorney James Kennedy Jr.") == (
        ["James", "Kennedy", "Jr."],
        True,
        False,
    )
    assert name_at_end("according to the Kremlin") == (["Kremlin"], False, True)
    assert name_at_end("a WeWork spokesperson") is None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("NATO Secretary-General Jens Stoltenberg spoke.", "Stoltenberg", "Jens Stoltenberg"),
        ("The attorney, Sonya A. Zoghlin, spoke.", "Zoghlin", "Sonya A. Zoghlin"),
        ("Patrick W. Carlineo was charged. Patrick Carlineo Jr. pleaded.", "Carlineo", "Patrick Carlineo Jr."),
        ("China’s ambassador to Britain Liu Xiaming has said so.", "Liu", "Liu Xiaming"),
        ("Dr. Luz Contreras Arroyo signed.", "Arroyo", "Luz Contreras Arroyo"),
        ("Indiana House Speaker Brian Bosma spoke.", "Bosma", "Brian Bosma"),
        ("Joe Biden met Hunter Biden.", "Biden", "Biden"),
        ("A Margaret Hamilton Lego set sold out.", "Hamilton", "Hamilton"),
        ("Nobody else is named here.", "Smith", "Smith"),
    ],
)
def test_fullest_form(text: str, name: str, expected: str) -> None:
    assert fullest(text, name) == expected


def test_a_sentence_opening_word_written_lowercase_elsewhere_is_dropped_from_a_run() -> None:
    runs = capitalised_runs("Once Fetter arrived, work began. She was once a student. Will Moy spoke.")
    assert [r.words for r in runs] == [("Fetter",), ("She",), ("Will", "Moy")]
    assert runs[0].start == 0  # the run still starts where the sentence does


@pytest.mark.parametrize(
    ("name", "has_article", "is_titled", "expected"),
    [
        ("Food Standards Agency", False, False, "organisation"),
        ("Kremlin", True, False, "organisation"),
        ("NATO", False, False, "organisation"),
        ("Cam Heyward", False, False, "person"),
        ("Stoltenberg", False, True, "person"),
        ("China", False, False, "place"),
        ("Human Rights Watch", False, False, "organisation"),
        ("Amblin Entertainment", False, False, "organisation"),
        ("Zqx Vrtl", False, False, "person"),
        ("Vrtl", False, False, "unknown"),
    ],
)
def test_kind(name: str, has_article: bool, is_titled: bool, expected: str) -> None:
    assert kind(name, has_article, is_titled, frozenset()) == expected
