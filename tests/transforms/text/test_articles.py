"""The seeds come out exactly as the golden files say, and as the issue describes them."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DW_SEED, GOLDEN, SEEDS, YONHAP_SEED
from tests.golden.make_golden import as_golden
from transforms.text.articles import parse_text_article


def _parse(path):
    return parse_text_article(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_matches_golden_exactly(seed) -> None:
    expected = json.loads((GOLDEN / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert as_golden(_parse(seed)) == expected


def test_dw_seed() -> None:
    article = _parse(DW_SEED)
    assert article.title == "Stoltenberg: NATO will respond if Russia chooses conflict"
    assert article.deck == ["Tension is rising in the region Bidens counterattack"]
    assert [b.text for b in article.blocks if b.kind == "heading"] == [
        "Cyber attack probability",
        "Putin meets with Macron",
        "“We don’t need to panic”",
        "Russia bans entry to EU representatives",
    ]
    removed = {r.text: r.category for r in article.removed}
    assert removed == {
        "DW,rtr,AFP / DÇÜ,HT": "agency_signoff",
        "© Deutsche Welle English": "copyright",
        "mn-1-general": "section_slug",
    }
    assert article.fields["agencies"] == ["DW", "Reuters", "AFP"]
    assert article.fields["editor_initials"] == ["DÇÜ", "HT"]
    assert article.fields["publisher"] == "Deutsche Welle"
    assert article.fields["section_slug"] == "mn-1-general"


def test_yonhap_seed() -> None:
    article = _parse(YONHAP_SEED)
    lines = [line for line in YONHAP_SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert article.title == lines[0]
    assert article.deck == lines[1:3]
    assert [b.text for b in article.blocks if b.kind == "caption"] == ["Jens Stoltenberg, NATO Secretary-General"]
    assert "Jens Stoltenberg, NATO Secretary-General" not in [b.text for b in article.body_blocks]
    by_category = {r.category: [] for r in article.removed}
    for r in article.removed:
        by_category[r.category].append(r.text)
    assert by_category == {
        "photo_credit": ["[AFP 연합뉴스 자료사진. 재판매 및 DB 금지]"],
        "dateline": ["(Washington = Yonhap News) Correspondent Lee Sang-heon ="],
        "obfuscated_email": ["[email\u00a0protected]"],
        "comment_widget": [
            "Leave a Comment",
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        ],
    }
    assert article.fields["photo_credits"] == ["AFP"]
    assert article.fields["dateline_place"] == "Washington"
    assert article.fields["agencies"] == ["Yonhap News"]
    assert article.fields["authors"] == ["Lee Sang-heon"]
    assert article.body_blocks[0].text.startswith("With the Ukraine crisis")


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_sentence_of_a_seed_is_lost(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    article = parse_text_article(text)
    kept = [b.text for b in article.blocks]
    removed = [r.text for r in article.removed]
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        if line in removed:
            continue
        # a line is either kept whole, or it is a dateline prefix plus a kept remainder
        assert any(line == k or line.endswith(k) and any(line.startswith(r) for r in removed) for k in kept), line


def test_offsets_point_into_the_source_text() -> None:
    text = YONHAP_SEED.read_text(encoding="utf-8")
    article = parse_text_article(text)
    for span in article.removed:
        assert text[span.start : span.end].strip() == span.text
    for block in article.blocks:
        assert text[block.start : block.end] == block.text


def test_hard_wrapped_paragraphs_are_joined_and_headings_found() -> None:
    text = (
        "Flood waters rise in the north\n\nThe river broke its banks on Monday and\nwater reached the old town "
        "by noon.\n\nEvacuations\n\nAbout 2,000 people left their homes, officials said.\n"
    )
    article = parse_text_article(text)
    assert article.title == "Flood waters rise in the north"
    assert [(b.kind, b.text) for b in article.body_blocks] == [
        ("paragraph", "The river broke its banks on Monday and water reached the old town by noon."),
        ("heading", "Evacuations"),
        ("paragraph", "About 2,000 people left their homes, officials said."),
    ]


def test_text_of_only_boilerplate_has_no_body() -> None:
    article = parse_text_article("Leave a Comment\n\n[email protected]\n")
    assert article.body_blocks == []
    assert article.title is None


def test_a_short_deck_before_the_first_sentence_stays_a_deck() -> None:
    text = (
        "Storm closes the port\n\nShips wait offshore\n\nFerries cancelled until Friday\n\n"
        "The harbour master closed the port on Tuesday as winds reached 90 km/h.\n"
    )
    article = parse_text_article(text)
    assert article.deck == ["Ships wait offshore", "Ferries cancelled until Friday"]
    assert [b.text for b in article.body_blocks] == [
        "The harbour master closed the port on Tuesday as winds reached 90 km/h."
    ]


def test_a_list_before_the_first_sentence_is_body_not_deck() -> None:
    # The shape of the worst text-path page of bench/extraction_text.py (a scrapinghub race calendar:
    # the title, then a list of dates and places, sentences only at the end): before the deck limit,
    # every line of the list was taken for the deck and left out of the body.
    schedule = [
        "Race calendar 2018",
        "Round 1: 10 March – Interlagos",
        "Round 2: 8 April – Curitiba",
        "Round 3: 22 April – Velopark",
        "Round 4: 6 May – Londrina",
    ]
    text = "Stock car season\n\n" + "\n\n".join(schedule) + "\n\nThe season ends in December at Interlagos.\n"
    article = parse_text_article(text)
    assert article.title == "Stock car season"
    assert article.deck == []
    assert [b.text for b in article.body_blocks] == [*schedule, "The season ends in December at Interlagos."]


def test_a_lone_line_of_prose_is_the_body_not_a_title() -> None:
    # The shape of readability's `ol` page, a catastrophic text-path file (bench/extraction_text.py):
    # one line of two sentences, no title line; it was taken for the title and the file rejected.
    line = "AI has not changed much in security so far. Deep fake phishing is still rare, analysts say"
    article = parse_text_article(line + "\n")
    assert article.title is None
    assert [b.text for b in article.body_blocks] == [line]


@pytest.mark.parametrize(
    "text",
    [
        "Hello",  # tests/reliability's five_bytes.txt: stays a title with no body (a reject)
        "Mr. Smith goes to Washington",  # a headline with an abbreviation: short
        "Storm closes the port as winds reach 90 km/h and ferries stay in harbour for a second day",  # one sentence
    ],
)
def test_a_lone_headline_stays_a_title(text: str) -> None:
    article = parse_text_article(text + "\n")
    assert article.title == text
    assert article.body_blocks == []
