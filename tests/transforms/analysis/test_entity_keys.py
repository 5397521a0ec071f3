"""close_block_names: of the names read from the batch's blocks, the ones the resolver's rules can match."""

from __future__ import annotations

import polars as pl

from transforms.analysis.entity_keys import BLOCK_NAMES_SCHEMA, close_block_names, wanted_names


def _mentions(*names: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [(f"{kind}:{i}", name, kind) for i, (kind, name) in enumerate(names)],
        schema={"entity_id": pl.String, "entity_name": pl.String, "kind": pl.String},
        orient="row",
    )


def _block_names(*rows: tuple[str, str, str]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=BLOCK_NAMES_SCHEMA, orient="row")


def _close(mentions: pl.DataFrame, block_names: pl.DataFrame) -> set[tuple[str, str, str]]:
    return set(close_block_names(wanted_names(mentions), block_names).iter_rows())


def test_a_last_name_keeps_its_close_spellings_of_its_block_and_nothing_else() -> None:
    blocks = _block_names(
        ("person", "bu", "burton"),
        ("person", "bu", "burtons"),  # one letter more: ratio 92
        ("person", "bu", "burtonkaromi"),  # the bench's copies: far
        ("person", "bu", "buxton"),  # one letter changed of six: ratio 83
        ("person", "st", "stoltenberg"),  # another block
    )
    close = _close(_mentions(("person", "Elizabeth Burton")), blocks)
    assert close == {("person", "bu", "burton"), ("person", "bu", "burtons")}


def test_a_short_last_name_keeps_only_itself() -> None:
    blocks = _block_names(("person", "ng", "ng"), ("person", "ng", "ngo"), ("person", "le", "lee"))
    assert _close(_mentions(("person", "Andrew Ng")), blocks) == {("person", "ng", "ng")}


def test_an_organisation_needs_the_ratio_and_each_word_to_agree() -> None:
    blocks = _block_names(
        ("organisation", "mi", "ministry of defense"),  # Defence/Defense: close
        ("organisation", "mi", "ministry of health"),  # another word
        ("organisation", "mi", "ministry defence"),  # another word count
        ("place", "mi", "ministry of defence"),  # another kind
    )
    close = _close(_mentions(("organisation", "Ministry of Defence")), blocks)
    assert close == {("organisation", "mi", "ministry of defense")}


def test_short_organisation_names_are_not_compared_fuzzily() -> None:
    blocks = _block_names(("organisation", "g7", "g7"), ("organisation", "g7", "g7 summit"))
    assert _close(_mentions(("organisation", "G7")), blocks) == set()  # the exact key finds G7 itself


def test_nothing_to_compare_gives_an_empty_frame_of_the_schema() -> None:
    empty = close_block_names(wanted_names(_mentions()), _block_names(("person", "bu", "burton")))
    assert empty.schema == BLOCK_NAMES_SCHEMA and empty.is_empty()
