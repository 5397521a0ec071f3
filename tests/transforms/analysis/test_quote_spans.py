"""Quote marks: five styles, nesting, apostrophes, inch marks, quotes over several paragraphs."""

from __future__ import annotations

import pytest

from transforms.analysis.quote_spans import quote_spans


def texts(body: str) -> list[str]:
    return [body[span.start : span.end] for span in quote_spans(body)]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Smith said: “We will win this one.”", "We will win this one."),
        ('Smith said: "We will win this one."', "We will win this one."),
        ("Dupont a dit : « Nous allons gagner ce match. »", "Nous allons gagner ce match."),
        ("Müller sagte: „Wir werden dieses Spiel gewinnen.“", "Wir werden dieses Spiel gewinnen."),
        ("Müller sagte: „Wir werden dieses Spiel gewinnen.”", "Wir werden dieses Spiel gewinnen."),
        ("田中は「この試合には必ず勝ちます」と述べた。", "この試合には必ず勝ちます"),
        ("Smith said: »Wir gewinnen das Spiel heute.«", "Wir gewinnen das Spiel heute."),
        ('“Fort Worth P.D. Open the door!" an officer shouts.', "Fort Worth P.D. Open the door!"),
    ],
)
def test_each_quote_style(body: str, text: str) -> None:
    assert texts(body) == [text]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    assert texts("« Il m’a dit „nous verrons bien“ et il est parti », a-t-il ajouté.") == [
        "Il m’a dit „nous verrons bien“ et il est parti"
    ]
    assert texts('“He said ‘no’ and then "never" again,” she said.') == ['He said ‘no’ and then "never" again,']
    assert texts("「彼は『無理だ』と言った」") == ["彼は『無理だ』と言った"]


def test_apostrophes_are_not_quote_marks() -> None:
    body = "“I don’t think O’Brien’s plan from the ’90s and the ‘80s works, it’s rock ’n’ roll,” she said."
    assert texts(body) == ["I don’t think O’Brien’s plan from the ’90s and the ‘80s works, it’s rock ’n’ roll,"]
    assert texts("Don’t touch O’Brien’s ’90s records, ‘cause they’re mine.") == []


def test_two_closing_apostrophes_close_a_double_quote() -> None:
    assert texts("“It was an attempt to mislead voters,’’ Will Moy told the BBC.") == [
        "It was an attempt to mislead voters,"
    ]


def test_inch_marks_and_stray_closing_marks() -> None:
    assert texts('“We sold every 12" pizza we had,” Luigi said.') == ['We sold every 12" pizza we had,']
    assert texts("He is 6' 2\" tall and I am ready,” he said.") == []


def test_a_quote_over_several_paragraphs_is_one_span() -> None:
    body = "Doe said: “The bridge opens in May.\n\n“We thank everyone who waited.”\n\nTraffic was light."
    [span] = quote_spans(body)
    assert body[span.start : span.end] == "The bridge opens in May.\n\n“We thank everyone who waited."
    assert span.is_closed and body[span.open_at] == "“" and span.close_end == body.index("”") + 1


def test_a_quote_left_open_ends_with_its_paragraph() -> None:
    body = "Jane Doe said: “The bridge opens in May and it cost less.\n\nTraffic was light on Monday."
    [span] = quote_spans(body)
    assert body[span.start : span.end] == "The bridge opens in May and it cost less."
    assert not span.is_closed


def test_a_quote_reopened_mid_paragraph_ends_where_the_next_begins() -> None:
    body = "Jane Doe said, “We are ready for talks. “We are ready for both options,” she said."
    first, second = quote_spans(body)
    assert (body[first.start : first.end], first.is_closed) == ("We are ready for talks.", False)
    assert (body[second.start : second.end], second.is_closed) == ("We are ready for both options,", True)


def test_no_marks_no_spans() -> None:
    assert quote_spans("") == []
    assert quote_spans("Nothing is quoted here.\n\nNor here.") == []
