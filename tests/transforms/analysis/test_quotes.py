"""Quotes with speakers: the seed quotes (golden), hand-labelled real articles, and each pattern."""

from __future__ import annotations

import polars as pl
import pytest

from tests.conftest import DW_SEED, YONHAP_SEED
from tests.transforms.analysis.quotes_gold import EXTRACTION, NO_QUOTES, gold_bodies, outcomes, precision_recall
from transforms.analysis.quotes import QUOTES_SCHEMA, Quote, find_quotes, quotes_frame


def only(body: str) -> Quote:
    quotes = find_quotes(body)
    assert len(quotes) == 1, quotes
    return quotes[0]


def starting(quotes: list[Quote], prefix: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(prefix)]
    assert len(matches) == 1, [q.text for q in quotes]
    return matches[0]


# --- the seed articles (golden) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "prefix", "speaker", "method", "verb"),
    [
        (DW_SEED, "We are ready for both options", "Stoltenberg", "pronoun", "said"),
        (
            DW_SEED,
            "If the matter is left to the Russian Federation, there will be no war, we do not want a war",
            "Sergey Lavrov",
            "said_before",
            "said",
        ),
        (DW_SEED, "I don’t see the situation as more tense than before", "Volodymyr Zelenski", "said_after", "said"),
        (YONHAP_SEED, "We have no plans to deploy combat units in Ukraine", "Jens Stoltenberg", "pronoun", "said"),
        (YONHAP_SEED, "NATO is ready to engage in political dialogue", "Jens Stoltenberg", "said_after", "said"),
    ],
)
def test_seed_quotes_have_their_speakers(seed, prefix: str, speaker: str, method: str, verb: str) -> None:
    body = seed.read_text("utf-8")
    quote = starting(find_quotes(body), prefix)
    assert (quote.speaker, quote.speaker_method, quote.verb) == (speaker, method, verb)
    assert quote.start_char == body.index(prefix)
    assert body[quote.start_char : quote.end_char] == quote.text


def test_seed_quote_text_and_offsets_are_exact() -> None:
    body = DW_SEED.read_text("utf-8")
    lavrov = starting(find_quotes(body), "If the matter")
    expected = (
        "If the matter is left to the Russian Federation, there will be no war, we do not want a war. "
        "However, we will not allow our interests to be trampled and ignored."
    )
    assert lavrov.text == expected
    assert (lavrov.start_char, lavrov.end_char) == (body.index(expected), body.index(expected) + len(expected))


def test_seed_headline_quotes_and_statement_quotes_get_no_speaker() -> None:
    quotes = find_quotes(DW_SEED.read_text("utf-8"))
    assert starting(quotes, "We don’t need to panic").speaker is None  # a subheading, no sentence around it
    assert starting(quotes, "who are personally responsible").speaker is None  # "the statement"
    assert not [q for q in quotes if q.text in ("worked hard", "absurd", "panic", "broad scale")]  # scare quotes


# --- real articles, labelled by hand (tests/transforms/analysis/quotes_gold.py) -------------------------


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    if not EXTRACTION.is_dir():
        pytest.skip(f"the extraction gold set is not here: {EXTRACTION}")
    return gold_bodies()


def test_labelled_quotes_are_found(bodies) -> None:
    rows = outcomes(bodies)
    found = [r for r in rows if r.quote is not None]
    assert len({r.article for r in rows}) >= 20
    assert len(found) / len(rows) >= 0.95
    for row in found:
        body = bodies[row.article]
        assert body[row.quote.start_char : row.quote.end_char] == row.quote.text


@pytest.mark.parametrize(
    ("split", "min_precision", "min_recall"),
    [
        ("dev", 0.95, 0.8),
        ("held_out", 0.9, 0.8),
        ("blind", 0.9, 0.7),
    ],
)
def test_speaker_precision_and_recall_on_labelled_articles(
    bodies, split: str, min_precision: float, min_recall: float
) -> None:
    precision, recall, *_ = precision_recall(outcomes(bodies, split))
    assert precision >= min_precision
    assert recall >= min_recall


@pytest.mark.parametrize(
    ("article", "prefix", "speaker", "method"),
    [
        ("42aad16bde92", "This is based on our objectives", "Steve Clarke", "pronoun"),
        ("42aad16bde92", "There are the big established players", "Michael Sims", "continuation"),
        ("624fcd903d56", "They are already there in the", "Liu Xiaming", "said_before"),
        ("9ebb3af65694", "The end of the calendar year", "Jessica Caldwell", "said_after"),
        ("c7e39ac49fa1", "The reason for this decision is", "Swedish Prosecution Authority", "pronoun"),
        ("e7994d550087", "It was an attempt to mislead", "Will Moy", "told"),
        ("51d066b0602c", "Hands! Let me see your hands!", None, None),
        ("liberation-1", "Pour certains d’entre eux", "Laurent Fabius", "said_after"),
    ],
)
def test_labelled_rows(bodies, article: str, prefix: str, speaker: str | None, method: str | None) -> None:
    quote = starting(find_quotes(bodies[article]), prefix)
    assert (quote.speaker, quote.speaker_method) == (speaker, method)


@pytest.mark.parametrize("article", NO_QUOTES)
def test_articles_with_only_scare_quotes_give_no_rows(bodies, article: str) -> None:
    assert find_quotes(bodies[article]) == []


# --- quote marks through find_quotes (the marks themselves: test_quote_spans.py) -----------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Smith said: “We will win this one.”", "We will win this one."),
        ('Smith said: "We will win this one."', "We will win this one."),
        ("Dupont a dit : « Nous allons gagner ce match. »", "Nous allons gagner ce match."),
        ("Müller sagte: „Wir werden dieses Spiel gewinnen.“", "Wir werden dieses Spiel gewinnen."),
        ("田中は「この試合には必ず勝ちます」と述べた。", "この試合には必ず勝ちます"),
        ("Smith said: »Wir gewinnen das Spiel heute.«", "Wir gewinnen das Spiel heute."),
    ],
)
def test_each_quote_style(body: str, text: str) -> None:
    quote = only(body)
    assert quote.text == text
    assert body[quote.start_char : quote.end_char] == text


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    body = "« Il m’a dit „nous verrons bien demain matin“ et il est parti », a ajouté Laurent Fabius."
    quote = only(body)
    assert quote.text == "Il m’a dit „nous verrons bien demain matin“ et il est parti"
    assert (quote.speaker, quote.speaker_method, quote.verb) == ("Laurent Fabius", "said_after", "a ajouté")


def test_apostrophes_are_not_quote_marks() -> None:
    body = "“I don’t think O’Brien’s plan from the ’90s and the ‘80s will work, it’s rock ’n’ roll,” said Mary O’Brien."
    quote = only(body)
    assert quote.text == "I don’t think O’Brien’s plan from the ’90s and the ‘80s will work, it’s rock ’n’ roll"
    assert quote.speaker == "Mary O’Brien"


def test_two_closing_apostrophes_close_a_double_quote() -> None:
    quote = only("“It was an attempt to mislead voters,’’ Will Moy told the BBC.")
    assert (quote.text, quote.speaker, quote.speaker_method) == (
        "It was an attempt to mislead voters",
        "Will Moy",
        "told",
    )


def test_inch_marks_do_not_close_a_quote() -> None:
    quote = only('“We sold every 12" pizza we had before noon,” Luigi Rossi said.')
    assert quote.text == 'We sold every 12" pizza we had before noon'


def test_a_quote_over_several_paragraphs_is_one_quote() -> None:
    body = (
        "Jane Doe, the mayor, said: “The bridge opens in May. It cost less than planned.\n\n"
        "“We thank everyone who waited.”\n\nTraffic was light."
    )
    quote = only(body)
    assert quote.text == "The bridge opens in May. It cost less than planned.\n\n“We thank everyone who waited."
    assert (quote.speaker, quote.speaker_method) == ("Jane Doe", "said_before")


def test_a_quote_reopened_mid_paragraph_ends_where_the_next_begins() -> None:
    body = "Jane Doe said, “We are ready for talks. “We are ready for both options,” she said."
    first, second = find_quotes(body)
    assert first.text == "We are ready for talks."
    assert (second.text, second.speaker, second.speaker_method) == (
        "We are ready for both options",
        "Jane Doe",
        "pronoun",
    )


def test_scare_quotes_are_dropped_but_short_attributed_quotes_kept() -> None:
    body = (
        "Critics called the plan “absurd” and a “best possible outcome” unlikely. "
        "“No,” Jane Doe said. “Never,” he said."
    )
    assert [(q.text, q.speaker) for q in find_quotes(body)] == [("No", "Jane Doe"), ("Never", "Jane Doe")]


# --- attribution patterns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "method", "verb"),
    [
        ("“Prices will fall next year,” Jane Doe said.", "Jane Doe", "said_after", "said"),
        ("“Prices will fall next year,” said Jane Doe, an economist at the bank.", "Jane Doe", "said_after", "said"),
        ("“Prices will fall next year,” Jane Doe, an economist at the bank, said.", "Jane Doe", "said_after", "said"),
        ("“Prices will fall next year,” Doe told reporters on Monday.", "Doe", "told", "told"),
        ("Jane Doe told reporters: “Prices will fall next year.”", "Jane Doe", "told", "told"),
        ("Jane Doe also said, “Prices will fall next year.”", "Jane Doe", "said_before", "said"),
        ("Jane Doe said on Monday that prices “will fall next year and stay low”.", "Jane Doe", "said_before", "said"),
        ("According to Jane Doe, “prices will fall next year”.", "Jane Doe", "according_to", None),
        ("Jane Doe: “Prices will fall next year.”", "Jane Doe", "colon", None),
        (
            "“Prices will fall next year,” the Federal Reserve Board said.",
            "Federal Reserve Board",
            "said_after",
            "said",
        ),
    ],
)
def test_attribution_patterns(body: str, speaker: str, method: str, verb: str | None) -> None:
    quote = only(body)
    assert (quote.speaker, quote.speaker_method, quote.verb) == (speaker, method, verb)


@pytest.mark.parametrize(
    ("body", "speaker", "verb"),
    [
        (
            "„Wir werden gewinnen, egal was passiert“, sagte Bundeskanzlerin Angela Merkel am Montag.",
            "Angela Merkel",
            "sagte",
        ),
        (
            "« Nous allons gagner ce match ce soir », a déclaré le ministre Jean Dupont lors du débat.",
            "Jean Dupont",
            "a déclaré",
        ),
        ("El presidente Pedro Sánchez dijo: «Vamos a ganar este partido hoy».", "Pedro Sánchez", "dijo"),
    ],
)
def test_other_languages(body: str, speaker: str, verb: str) -> None:
    assert (only(body).speaker, only(body).verb) == (speaker, verb)


def test_according_to_in_french_keeps_the_name_only() -> None:
    quote = only("Selon Jean Dupont, « la réforme sera votée avant l’été ».")
    assert (quote.speaker, quote.speaker_method) == ("Jean Dupont", "according_to")


def test_an_interview_letter_is_not_a_speaker() -> None:
    assert only("Q: “What will you do about housing next year?”").speaker is None


def test_an_adverb_between_subject_and_verb() -> None:
    assert only("“Can I give my place to James?” Ally Brooke tearfully asked.").speaker == "Ally Brooke"


def test_a_second_quote_joined_by_and_that_keeps_the_attribution() -> None:
    body = (
        "The DEA says the border “remains the main entry point for heroin” and that “Mexico remains the main source.”"
    )
    first, second = find_quotes(body)
    assert (first.speaker, second.speaker, second.speaker_method) == ("DEA", "DEA", "continuation")


def test_a_name_opening_a_chain_of_appositions() -> None:
    body = (
        "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the military operation in Syria, "
        "told reporters that “the United States is not preventing anyone from leaving”."
    )
    assert only(body).speaker == "Sean Robertson"


def test_the_whole_name_after_a_title() -> None:
    body = "Dr. Luz Contreras Arroyo signed the letter.\n\n“This is how epidemics begin,” Arroyo told NBC News."
    assert only(body).speaker == "Luz Contreras Arroyo"


def test_a_name_opening_a_clause_is_a_pronoun_candidate() -> None:
    body = (
        "Big Machine says she may perform. Then, last week, Taylor Swift posted on Twitter.\n\n"
        "“I just want to be able to perform my own music,” she said."
    )
    assert (only(body).speaker, only(body).speaker_method) == ("Taylor Swift", "pronoun")


def test_an_ordinary_word_opening_a_sentence_is_not_part_of_a_name() -> None:
    body = (
        "Ellen Fetter joined in 1959. Once Fetter arrived in the lab, work began. She was once a student.\n\n"
        "“He carried a lot in his head,” she said."
    )
    assert only(body).speaker == "Ellen Fetter"


def test_a_name_before_a_noun_does_not_grow_into_it() -> None:
    body = (
        "A Margaret Hamilton Lego set sold out on Monday.\n\n"
        "“We had to get every line of the code right,” Margaret Hamilton said."
    )
    assert only(body).speaker == "Margaret Hamilton"


def test_a_month_after_a_name_is_not_part_of_it() -> None:
    body = (
        "A tweet by Mr. Trump Oct. 24 set it off.\n\n“We’re taking in billions of dollars,” Mr. Trump said on Nov. 8."
    )
    assert only(body).speaker == "Trump"


def test_titles_are_dropped_and_the_fullest_name_is_used() -> None:
    body = "Russian Foreign Minister Sergey Lavrov arrived on Monday. “We do not want a war with anyone,” Lavrov said."
    assert only(body).speaker == "Sergey Lavrov"


def test_two_people_with_one_surname_keep_the_name_as_written() -> None:
    body = "Joe Biden met Hunter Biden on Monday. “We talked about the family business,” Biden said."
    assert only(body).speaker == "Biden"


def test_pronoun_resolves_to_the_last_person_named_as_a_speaker() -> None:
    body = (
        "Jane Doe, the mayor, said the bridge would open soon. Bob Roe said it was late.\n\n"
        "“The delay cost us two months of work,” he said."
    )
    assert (only(body).speaker, only(body).speaker_method) == ("Bob Roe", "pronoun")


def test_it_and_they_resolve_to_an_organisation_only() -> None:
    body = (
        "The Food Standards Agency warned people on Monday. Jane Doe said she agreed.\n\n"
        "“Do not take any tablets containing DNP,” it said."
    )
    assert only(body).speaker == "Food Standards Agency"


def test_a_pronoun_with_no_one_named_before_stays_none() -> None:
    quote = only("“We will appeal against the ruling,” she said.")
    assert (quote.speaker, quote.speaker_method, quote.verb) == (None, None, "said")


def test_continuation_of_the_previous_speaker() -> None:
    body = "“The bridge opens in May,” Jane Doe said.\n\n“It cost less than we planned.”"
    second = find_quotes(body)[1]
    assert (second.speaker, second.speaker_method) == ("Jane Doe", "continuation")


def test_a_heading_in_quotes_is_not_a_continuation() -> None:
    body = "“The bridge opens in May,” Jane Doe said.\n\n“We don’t need to panic”\n\nTraffic was light."
    assert find_quotes(body)[1].speaker is None


def test_unnamed_speakers_give_none() -> None:
    for body in (
        "“Open the door right now!” an officer shouted.",
        "“We received an inquiry from the office,” said a WeWork spokesperson.",
        "“The cause of the crash is under investigation,” the statement said.",
    ):
        assert only(body).speaker is None, body


def test_no_attribution_gives_none() -> None:
    quote = only("The banner read “Less Money on Testing, More Money on Students.”")
    assert (quote.speaker, quote.speaker_method, quote.verb) == (None, None, None)


# --- the frame -----------------------------------------------------------------------------------


def test_quotes_frame_rows_and_schema() -> None:
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "body_text": ["“Prices will fall next year,” Jane Doe said.", "No quotes here.", None],
        }
    )
    frame = quotes_frame(articles)
    assert frame.schema == pl.Schema(QUOTES_SCHEMA)
    assert frame.rows() == [("a1", 0, "Prices will fall next year", "Jane Doe", "said_after", "said", 1, 27)]


def test_quotes_frame_is_typed_when_empty() -> None:
    frame = quotes_frame(pl.DataFrame({"article_id": ["a"], "body_text": ["nothing quoted"]}))
    assert frame.height == 0
    assert frame.schema == pl.Schema(QUOTES_SCHEMA)


def test_every_gold_article_gives_exact_offsets_and_numbered_quotes(bodies) -> None:
    for body in dict.fromkeys(bodies.values()):
        quotes = find_quotes(body)
        assert [q.quote_index for q in quotes] == list(range(len(quotes)))
        for quote in quotes:
            assert body[quote.start_char : quote.end_char] == quote.text
            assert quote.speaker_method is None or quote.speaker is not None


# --- pronouns of the right kind (issue 17) -----------------------------------------------------


def test_he_never_resolves_to_an_organisation_named_without_an_organisation_word() -> None:
    body = "Human Rights Watch said the vote was unfair.\n\n“This is a sham,” he said."
    quote = only(body)
    assert (quote.speaker, quote.speaker_method) == (None, None)


def test_he_never_resolves_to_a_place() -> None:
    body = "South Korea said the talks had failed.\n\n“We are disappointed,” he said."
    assert only(body).speaker is None
    body = "Jane Doe said the talks had failed. South Korea said it would wait.\n\n“We are disappointed,” she said."
    assert only(body).speaker == "Jane Doe"


def test_it_is_not_given_to_an_institution_when_another_is_named_in_between() -> None:
    body = (
        "Twitter pledged to act against such accounts. The Electoral Commission, which regulates campaign "
        "finances, issued a statement.\n\n“Voters are entitled to transparency,” it said."
    )
    assert only(body).speaker is None
    body = "Twitter pledged to act against such accounts.\n\n“We will act,” it said."
    assert only(body).speaker == "Twitter"
