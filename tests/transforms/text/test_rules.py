"""Every rule of the catalogue runs its own positive and negative examples; no seed body line
is touched by any rule."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from transforms.text.rules import load_rules, match_line

RULES = load_rules()
POSITIVES = [(r.id, example) for r in RULES for example in r.positive]
NEGATIVES = [(r.id, example) for r in RULES for example in r.negative]
HEAD_OR_BODY_SEED_LINES = {
    # every line of the seeds the issue does not name as boilerplate
    line.strip()
    for seed in sorted(SEEDS.glob("*.txt"))
    for line in seed.read_text(encoding="utf-8").splitlines()
    if line.strip()
} - {
    "DW,rtr,AFP / DÇÜ,HT",
    "© Deutsche Welle English",
    "mn-1-general",
    "[AFP 연합뉴스 자료사진. 재판매 및 DB 금지]",
    "[email\u00a0protected]",
    "Leave a Comment",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
}


def test_catalogue_is_data_with_examples() -> None:
    assert len(RULES) >= 10
    categories = {r.category for r in RULES}
    assert {
        "comment_widget",
        "photo_credit",
        "dateline",
        "obfuscated_email",
        "copyright",
        "agency_signoff",
        "section_slug",
    } <= categories
    for rule in RULES:
        assert rule.id.startswith(rule.category + "."), rule.id
        assert rule.positive and rule.negative, f"{rule.id} needs positive and negative examples"
        assert rule.scope in ("line", "prefix", "inline")


@pytest.mark.parametrize(("rule_id", "example"), POSITIVES)
def test_rule_matches_its_positive_examples(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES if r.id == rule_id)
    verdict = match_line(example, in_tail=True, rules=(rule,))
    assert [h.rule_id for h in verdict.hits] == [rule_id]


@pytest.mark.parametrize(("rule_id", "example"), NEGATIVES)
def test_rule_leaves_its_negative_examples(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES if r.id == rule_id)
    verdict = match_line(example, in_tail=True, rules=(rule,))
    assert verdict.hits == ()
    assert verdict.kept == example.strip()


@pytest.mark.parametrize("line", sorted(HEAD_OR_BODY_SEED_LINES))
def test_no_rule_removes_a_seed_line_that_is_article_text(line: str) -> None:
    verdict = match_line(line, in_tail=True)
    removed_categories = {h.category for h in verdict.hits}
    # the Yonhap dateline is a prefix: its paragraph must survive
    assert removed_categories <= {"dateline"}
    assert verdict.kept


def test_tail_rules_only_apply_in_the_tail() -> None:
    assert match_line("mn-1-general", in_tail=False).kept == "mn-1-general"
    assert match_line("mn-1-general", in_tail=True).kept == ""


def test_inline_removal_keeps_the_rest_of_the_line() -> None:
    verdict = match_line("Write to [email\u00a0protected] for details.")
    assert verdict.kept == "Write to for details."
    assert [h.category for h in verdict.hits] == ["obfuscated_email"]


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("DW,rtr,AFP / DÇÜ,HT", "agencies", ["DW", "Reuters", "AFP"]),
        ("DW,rtr,AFP / DÇÜ,HT", "editor_initials", ["DÇÜ", "HT"]),
        ("jsi/sms (AP, dpa)", "agencies", ["AP", "dpa"]),
        ("Reuters / AP", "agencies", ["Reuters", "AP"]),
        ("© Deutsche Welle English", "publisher", "Deutsche Welle"),
        ("© 2022 Reuters. All rights reserved.", "publisher", "Reuters"),
        ("mn-1-general", "section_slug", "mn-1-general"),
        ("[AFP 연합뉴스 자료사진. 재판매 및 DB 금지]", "photo_credit", "AFP"),
        ("[연합뉴스 자료사진]", "photo_credit", "Yonhap News"),
        ("WASHINGTON (Reuters) - The Senate voted.", "dateline_place", "Washington"),
        ("(서울=연합뉴스) 홍길동 기자 = 정부는 발표했다.", "authors", ["홍길동"]),
        ("(Washington = Yonhap News) Correspondent Lee Sang-heon = With the crisis", "authors", ["Lee Sang-heon"]),
        ("(Washington = Yonhap News) Correspondent Lee Sang-heon = With the crisis", "dateline_agency", "Yonhap News"),
    ],
)
def test_rules_turn_boilerplate_into_fields(line: str, field: str, value: object) -> None:
    hits = match_line(line, in_tail=True).hits
    assert hits[0].fields[field] == value
