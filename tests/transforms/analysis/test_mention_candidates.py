"""Candidate reading: what a run of capitalised words becomes before in-document merging."""

from __future__ import annotations

from transforms.analysis.mention_candidates import GAZETTEER, NAME_SEQUENCE, TITLE_PATTERN, read_candidates


def _read(text: str, headline: bool = False) -> list[tuple[str, str, str, bool]]:
    cands, _ = read_candidates(text, headline)
    return [(text[c.start : c.end], c.kind, c.method, c.single) for c in cands]


def test_a_lone_unknown_word_waits_for_merging() -> None:
    # "Whitfield" alone is only a candidate: entities.py makes it the person named in full, or drops it
    assert _read("Jane Whitfield, a lawyer, spoke. Whitfield added more.") == [
        ("Jane Whitfield", "person", NAME_SEQUENCE, False),
        ("Whitfield", "person", "coreference", True),
    ]


def test_title_then_name_and_known_names() -> None:
    assert _read("Foreign Minister Sergey Lavrov met Secretary-General Jane Doe in Geneva.") == [
        ("Sergey Lavrov", "person", GAZETTEER, False),
        ("Jane Doe", "person", TITLE_PATTERN, False),
        ("Geneva", "place", GAZETTEER, False),
    ]


def test_a_dateline_is_read_once() -> None:
    assert _read("HAYWARD, Calif. (AP) — A man was stabbed.") == [
        ("HAYWARD", "place", NAME_SEQUENCE, False),
        ("Calif.", "place", "alias", False),
        ("AP", "organisation", GAZETTEER, False),
    ]


def test_headline_mode_keeps_known_names_only() -> None:
    assert _read("Kevin Volker Meets Putin", headline=True) == [
        ("Kevin Volker", "person", NAME_SEQUENCE, False),
        ("Putin", "person", "alias", False),
    ]
    assert _read("Tension Rises As Talks Stall", headline=True) == []


def test_technical_words_contractions_and_german_nouns_make_no_candidate() -> None:
    assert _read("The app uses JavaScript and HTML in RAM; I'm sure it runs. In IoT devices too.") == []
    german = "Das Projekt entstand in Kooperation mit der Stadt und in Zusammenarbeit mit dem Land."
    assert [c for c in _read(german) if c[1] == "place"] == []
    cands, _ = read_candidates("The protest took place in Senkata on Tuesday and the police came.", False)
    # a lone word after "in": a person if merging finds one of that name, else a place
    assert [(c.single, c.fallback) for c in cands] == [(True, "place")]
