"""The multilingual web catalogue (transforms/data/web_rules.toml, web_credit_rules.toml): every
category has markers in the seven languages, and the removals yield the right fields."""

from __future__ import annotations

import pytest

from transforms.text.rules import load_rules, match_line

WEB_CATEGORIES = (
    "comment_widget",
    "share_row",
    "newsletter_prompt",
    "related_teaser",
    "copyright",
    "byline",
    "contact_line",
    "advertisement",
    "timestamp",
    "cookie_consent",
    "photo_credit",
)
LANGUAGES = {"en", "de", "fr", "es", "pt", "ko", "ja"}


@pytest.mark.parametrize("category", WEB_CATEGORIES)
def test_every_category_has_markers_in_every_language(category: str) -> None:
    languages = {r.language for r in load_rules() if r.category == category}
    assert LANGUAGES <= languages | ({"pt"} if "es" in languages and category == "byline" else set())


@pytest.mark.parametrize(
    ("line", "category", "field", "value"),
    [
        ("By Jane Doe and John Smith", "byline", "authors", ["Jane Doe", "John Smith"]),
        ("By Jane Doe | Updated March 12, 2024", "byline", "authors", ["Jane Doe"]),
        ("By Jane Doe, Staff Writer", "byline", "authors", ["Jane Doe"]),
        ("By The Associated Press", "byline", "agencies", ["AP"]),
        ("(Reporting by Will Dunham; Editing by Tom Brown)", "byline", "authors", ["Will Dunham"]),
        ("Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.", "byline", "authors", ["Bradley M. Kuhn"]),
        ("Von Hans Müller und Eva Schmidt", "byline", "authors", ["Hans Müller", "Eva Schmidt"]),
        ("Ein Kommentar von Ursula von der Leyen", "byline", "authors", ["Ursula von der Leyen"]),
        ("Par Jean Dupont et Marie Curie", "byline", "authors", ["Jean Dupont", "Marie Curie"]),
        (
            "Por Steven Lee Myers, Keith Bradsher y Tariq Panja",
            "byline",
            "authors",
            ["Steven Lee Myers", "Keith Bradsher", "Tariq Panja"],
        ),
        ("Por João Silva e Maria Souza", "byline", "authors", ["João Silva", "Maria Souza"]),
        ("홍길동 기자 gildong@yna.co.kr", "byline", "authors", ["홍길동"]),
        ("칼럼니스트 박생강 pillgoo9@gmail.com", "byline", "authors", ["박생강"]),
        ("（山田太郎記者）", "byline", "authors", ["山田太郎"]),
        ("【ワシントン=山田太郎】米政府は12日、新たな制裁を発表した。", "byline", "dateline_place", "ワシントン"),
        ("JIM WATSON/AFP/Getty Images", "photo_credit", "photo_credit", "AFP"),
        ("Michael Kappeler/dpa", "photo_credit", "photo_credit", "dpa"),
        ("Bildquelle: picture alliance/dpa", "photo_credit", "photo_credit", "dpa"),
        ("写真＝共同", "photo_credit", "photo_credit", "Kyodo"),
        ("CreditErik Carter", "photo_credit", "photo_credit", "Erik Carter"),
        ("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", "copyright", "publisher", "연합뉴스"),
        (
            "© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten, or "  # noqa: E501
            "redistributed.",
            "copyright",
            "publisher",
            "Associated Press",
        ),
    ],
)
def test_web_rules_turn_boilerplate_into_fields(line: str, category: str, field: str, value: object) -> None:
    hits = match_line(line, in_tail=False).hits
    assert hits[0].category == category
    assert hits[0].fields[field] == value


@pytest.mark.parametrize(
    ("line", "category", "kept"),
    [
        ("[관련기사] 정부, 추경 편성 착수", "related_teaser", "정부, 추경 편성 착수"),
        (
            "ADVERTISEMENT The company said on Monday it would cut jobs.",
            "advertisement",
            "The company said on Monday it would cut jobs.",
        ),
        ("Fernando Caudevilla, AKA DoctorX. Photo: Joseph Cox", "photo_credit", "Fernando Caudevilla, AKA DoctorX."),
        (
            "서울 광화문광장에서 시민들이 걷고 있다. /사진=뉴시스",
            "photo_credit",
            "서울 광화문광장에서 시민들이 걷고 있다.",
        ),
        ("会見する首相（写真＝共同）", "photo_credit", "会見する首相"),
    ],
)
def test_markers_are_cut_and_the_text_is_kept(line: str, category: str, kept: str) -> None:
    verdict = match_line(line, in_tail=False)
    assert [h.category for h in verdict.hits] == [category]
    assert verdict.kept == kept


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Why Delhi's air gets so bad",
        "Lire aussi : Les critiques de la CNIL",
        "Leia também: Governo anuncia novo pacote",
    ],
)
def test_a_teaser_line_goes_whole_marker_and_headline(line: str) -> None:
    verdict = match_line(line, in_tail=False)
    assert [h.rule_id for h in verdict.hits] == ["related_teaser.marker_with_title"]
    assert verdict.kept == ""
