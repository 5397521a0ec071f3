"""The sentences of trafilatura's own readability fallback that trafilatura dropped are added to its
blocks (`transforms.html.vote.with_fallback_sentences`; issue 15, BENCHMARKS.md "fallback sentences").

On small fixtures: what is added (sentences the primary lacks, in reading order), what is not
(blocks that do not end a sentence, blocks already there), and the guards. Then the capture of the
fallback (trafilatura must still call `trafilatura.external.try_readability` for it to be seen), and
two shared pages where trafilatura alone dropped most of the article.
"""

from __future__ import annotations

import random

import pytest
import trafilatura
import trafilatura.external

from tests.conftest import EXTRACTION
from tests.transforms.html.gold_pages import gold_bodies, shared_share
from transforms.documents.decoding import decode_html
from transforms.html import pages as html_pages
from transforms.html.block_model import SECONDARY_GROUPS
from transforms.html.blocks import HtmlBlock
from transforms.html.trafilatura_extraction import extract_html
from transforms.html.vote import added_from_fallback, is_sentence, with_fallback_sentences

P1 = "The council approved the harbour wall after a two-hour debate on Tuesday evening."
P2 = "Construction is expected to begin in the autumn and take two years to finish."
P3 = "Residents who opposed the plan said they would appeal the decision in court."
MISSED = "A second vote on the funding will be held next month, the council said."


def block(text: str, group: int = 0, kind: str = "paragraph") -> HtmlBlock:
    return HtmlBlock(kind, text, 0, group)  # type: ignore[arg-type]


def test_a_sentence_the_primary_lacks_is_added_where_it_was() -> None:
    primary = (block(P1, 1), block(P3, 2))
    fallback = (block(P1, 1), block(MISSED, 2), block(P3, 3))
    blocks, added = with_fallback_sentences(primary, fallback)
    assert added == 1
    assert [b.text for b in blocks] == [P1, MISSED, P3]
    assert blocks[1].group == 2 + SECONDARY_GROUPS  # its own group: no list or table joined to the primary's


@pytest.mark.parametrize(
    "furniture",
    [
        "Advert",
        "Getty Images",
        "Like this:",
        "Vicente Aguiar outside a Home Depot in Hialeah (AP Photo/Alan Diaz, File)",
    ],
)
def test_what_does_not_end_a_sentence_is_not_added(furniture: str) -> None:
    primary = (block(P1, 1), block(P2, 2))
    fallback = (block(P1, 1), block(furniture, 2), block(P2, 3))
    assert with_fallback_sentences(primary, fallback) == (primary, 0)


def test_nothing_is_added_twice_or_from_nothing() -> None:
    primary = (block(P1, 1), block(P2, 2))
    assert with_fallback_sentences(primary, (block(P2, 1), block(P1, 2))) == (primary, 0)  # already there
    assert with_fallback_sentences(primary, ()) == (primary, 0)
    assert with_fallback_sentences((), (block(MISSED),)) == ((), 0)  # no primary: the vote's business
    assert with_fallback_sentences(primary, (block(MISSED),), min_words=None) == (primary, 0)  # turned off


def test_is_sentence() -> None:
    assert is_sentence(block('He said: "It will be built."'))
    assert is_sentence(block("Is it worth it?"))
    assert not is_sentence(block("Related: the harbour wall vote"))
    assert not is_sentence(block("Short one."), min_words=3)
    assert is_sentence(block("Three words here."), min_words=3)
    assert not is_sentence(block("."))  # no word: nothing to add


def _by_union(primary, fallback, min_words=0):  # type: ignore[no-untyped-def]
    """`with_fallback_sentences` without its shortcut: the full union on every page."""
    return added_from_fallback(primary, fallback, lambda b: is_sentence(b, min_words))


def test_the_shortcut_gives_what_the_union_gives_on_made_up_pages() -> None:
    """The shortcut (every sentence word for word inside one primary block: nothing to add) against
    the full union, on block lists made of the same few sentences cut and joined in many ways."""
    pieces = [P1, P2, P3, MISSED, "Advert", ".", P1.lower(), P2[:40] + ".", f"{P1} {P2}", "Short one."]
    rng = random.Random(15)
    for _ in range(500):
        primary = tuple(block(rng.choice(pieces), g) for g in range(rng.randint(0, 5)))
        fallback = tuple(block(rng.choice(pieces), g) for g in range(rng.randint(0, 5)))
        for min_words in (0, 5):
            assert with_fallback_sentences(primary, fallback, min_words) == _by_union(primary, fallback, min_words)


def test_the_thorough_pass_keeps_what_trafilaturas_readability_fallback_found() -> None:
    """trafilatura runs `trafilatura.external.try_readability` in its thorough pass and not in its
    fast pass; the path sees its result only while trafilatura calls it there."""
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + "</article></body></html>"
    thorough = extract_html(html, thorough=True)
    assert [b.text for b in thorough.fallback] == [P1, P2, P3]
    assert extract_html(html).fallback == ()  # fast pass: no fallback run
    assert trafilatura.external.try_readability.__name__ == "_recorded_readability"
    assert trafilatura.extract(html) == "\n".join((P1, P2, P3))  # outside the path: passes through


def test_a_long_page_asks_no_second_extractor(monkeypatch) -> None:
    """The sentences cost no extraction: readability-lxml is still asked only on thin pages."""
    asked: list[str] = []
    monkeypatch.setattr(html_pages, "readability_blocks", lambda html: asked.append(html) or ())
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + "</article></body></html>"
    html_pages.parse_html_page(html)
    assert asked == []


# --- two shared pages where trafilatura dropped most of the article ---------------------------------

RECOVERED = (
    ("scrapinghub", "d48aeb9cf2f2ff15769a57513249b4a6a669159f3e50b335e741d4206a824e88"),
    ("wcxb", "0344"),
)


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason=f"{EXTRACTION} not found (../shared)")
@pytest.mark.parametrize(("name", "page_id"), RECOVERED)
def test_the_fallback_sentences_recover_what_trafilatura_dropped(name: str, page_id: str, monkeypatch) -> None:
    html = decode_html((EXTRACTION / name / "html" / f"{page_id}.html").read_bytes()).text or ""
    gold = gold_bodies(name)[page_id]

    def body() -> str:
        return "\n\n".join(b.text for b in html_pages.parse_html_page(html).article.body_blocks)

    with_sentences = body()
    monkeypatch.setattr(html_pages, "with_fallback_sentences", lambda p, f: with_fallback_sentences(p, f, None))
    without = body()
    assert shared_share(gold, with_sentences) >= shared_share(gold, without) + 0.3


@pytest.mark.skipif(not EXTRACTION.is_dir(), reason=f"{EXTRACTION} not found (../shared)")
def test_the_shortcut_gives_what_the_union_gives_on_shared_pages() -> None:
    from transforms.html.trafilatura_extraction import extract_html_tree

    compared = 0
    for name in ("scrapinghub", "readability", "wcxb"):
        for path in sorted((EXTRACTION / name / "html").glob("*.html"))[::15]:
            extraction, _ = extract_html_tree(
                decode_html(path.read_bytes()).text or "", thorough=True, with_metadata=False
            )
            for min_words in (0, 10):
                got = with_fallback_sentences(extraction.blocks, extraction.fallback, min_words)
                assert got == _by_union(extraction.blocks, extraction.fallback, min_words), path.name
            compared += 1
    assert compared > 60
