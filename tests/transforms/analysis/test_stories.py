"""Stories as a function of the set of articles: links, components, and the incremental path."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import timedelta
from fractions import Fraction
from itertools import combinations

import polars as pl
import pytest

from tests.conftest import DW_SEED, EXTRACTION, TEST_SETS, YONHAP_SEED
from tests.transforms.analysis.story_features import DAY
from tests.transforms.analysis.story_features import story_article as _article
from tests.transforms.analysis.story_features import story_frame as _frame
from transforms.analysis import stories
from transforms.analysis.entities import mentions_frame
from transforms.analysis.stories import (
    FEATURES_SCHEMA,
    KNOWN_SCHEMA,
    STORED_SCHEMA,
    WINDOW,
    assign_stories,
    cluster_stories,
    entity_kinds,
    link_group_id_for,
    link_similarity,
    linked_group_ids,
    recluster,
    story_features,
    story_id_for,
)

NATO_TERMS = ["nato", "stoltenberg", "russia", "ukraine", "troops", "invasion", "talks"]
NATO = ["person:stoltenberg", "organisation:nato", "organisation:atlantic-council", "place:russia", "place:ukraine"]


def _stories(*rows: dict) -> dict[str, str]:
    return dict(cluster_stories(_frame(*rows)).select("article_id", "story_id").iter_rows())


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, story in assignment.items():
        groups.setdefault(story, set()).add(article)
    return {frozenset(g) for g in groups.values()}


DW = _article("dw", [*NATO, "person:biden"], NATO_TERMS)
YONHAP = _article("yonhap", [*NATO, "place:usa"], NATO_TERMS[:5] + ["belarus", "missile"], day=1)


def test_two_reports_of_one_event_share_a_story_named_after_the_earlier() -> None:
    assigned = cluster_stories(_frame(YONHAP, DW))
    similarity = link_similarity(DW, YONHAP)
    assert similarity is not None and similarity > 0.3
    assert assigned.rows() == [
        ("dw", story_id_for("dw"), link_group_id_for("dw"), similarity, True),
        ("yonhap", story_id_for("dw"), link_group_id_for("dw"), similarity, False),
    ]


def test_an_article_alone_has_no_similarity() -> None:
    assert cluster_stories(_frame(DW)).rows() == [("dw", story_id_for("dw"), link_group_id_for("dw"), None, True)]


def test_the_same_names_a_fortnight_later_open_a_new_story() -> None:
    later = YONHAP | {"event_at": DAY + timedelta(days=14)}
    assert link_similarity(DW, later) is None
    stories = _stories(DW, later)
    assert stories["dw"] != stories["yonhap"]


WINTER_TERMS = ["snow", "storm", "roads", "winter", "closed", "drivers", "ice"]


def test_sharing_only_places_is_not_enough() -> None:
    other = _article("other", ["place:russia", "place:ukraine", "place:usa"], WINTER_TERMS)
    assert link_similarity(DW, other) is None
    assert len(set(_stories(DW, other).values())) == 2


def test_places_and_the_same_words_link_by_the_words_alone() -> None:
    # an event whose shared names are places only (a plague case in Inner Mongolia): its words decide
    other = _article("other", ["place:russia", "place:ukraine", "place:usa"], NATO_TERMS)
    assert link_similarity(DW, other) == 1.0
    assert len(set(_stories(DW, other).values())) == 1


def test_kinds_given_override_the_id_prefix() -> None:
    # the same ids, said to be places: only places are shared, and the words differ (but for one,
    # enough for the words to agree as MIN_TERM_AGREEMENT asks of a link by names and words)
    other = YONHAP | {"terms": NATO_TERMS[:1] + WINTER_TERMS}
    assert cluster_stories(_frame(DW, other))["story_id"].n_unique() == 1
    kinds = dict.fromkeys(NATO, "place")
    assert cluster_stories(_frame(DW, other), kinds)["story_id"].n_unique() == 2


def test_across_languages_the_entities_decide() -> None:
    korean = _article("ko", NATO, ["나토", "스톨텐베르그", "러시아", "우크라이나"], language="ko")
    stories = _stories(DW, korean)
    assert stories["ko"] == stories["dw"]


def test_a_short_chain_is_one_story_a_long_one_is_cut_where_the_links_are_fewest() -> None:
    # each is linked only to its neighbours in time (3 days apart: the window), each link 1.0
    chain = [_article(name, NATO, NATO_TERMS, day=3 * k) for k, name in enumerate("abcdefgh")]
    a, b, c = chain[:3]
    assert link_similarity(a, c) is None and link_similarity(a, b) == link_similarity(b, c) == 1.0
    assert len(set(_stories(c, a, b).values())) == 1
    assert set(_stories(a, c).values()) == {story_id_for("a"), story_id_for("c")}
    eight = dict(cluster_stories(_frame(*reversed(chain))).select("article_id", "story_id").iter_rows())
    # pairs (1.0), then pairs of pairs (one link of four: 0.25); two halves share one link in 16
    assert _partition(eight) == {frozenset("abcd"), frozenset("efgh")}
    assert cluster_stories(_frame(*chain))["link_group_id"].n_unique() == 1


def test_dated_members_open_before_undated_ones_and_undated_ones_by_id() -> None:
    # the undated article's event time is a clock time (when it was first seen): earlier here, yet
    # the dated one opens; two undated ones: the smaller id, whatever their clock times
    dated = _article("z-dated", NATO, NATO_TERMS, day=1)
    undated = _article("a-undated", NATO, NATO_TERMS, day=0, is_dated=False)
    assert set(_stories(dated, undated).values()) == {story_id_for("z-dated")}
    for first, second in ((0, 0.5), (0.5, 0)):
        u1 = _article("u1", NATO, NATO_TERMS, day=first, is_dated=False)
        u2 = _article("u2", NATO, NATO_TERMS, day=second, is_dated=False)
        assert set(_stories(u2, u1).values()) == {story_id_for("u1")}


def test_unrelated_articles_stay_apart() -> None:
    football = _article("football", ["person:messi", "organisation:psg", "place:paris"], ["messi", "goal", "paris"])
    cars = _article("cars", ["organisation:tesla", "person:musk", "place:usa"], ["tesla", "cars", "factory"])
    stories = _stories(DW, YONHAP, football, cars)
    assert stories["dw"] == stories["yonhap"]
    assert len({stories["dw"], stories["football"], stories["cars"]}) == 3


def test_assign_stories_gives_the_new_articles_their_story_among_the_known() -> None:
    known = pl.DataFrame([{"story_id": story_id_for("dw")} | DW], schema=KNOWN_SCHEMA, orient="row")
    assigned = assign_stories(_frame(YONHAP), known)
    assert assigned.select("article_id", "story_id").rows() == [("yonhap", story_id_for("dw"))]


def test_features_take_the_publication_time_else_the_fetch_time() -> None:
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "document_id": ["da", "db"],
            "published_at": [DAY, None],
            "language": ["en", "de"],
            "title": ["NATO talks", "Brücke"],
            "body_text": ["Stoltenberg met NATO envoys.", "Die Brücke ist zu."],
        },
        schema_overrides={"published_at": pl.Datetime("us", "UTC")},
    )
    documents = pl.DataFrame(
        {"document_id": ["da", "db"], "fetched_at": [DAY + timedelta(days=5)] * 2},
        schema_overrides={"fetched_at": pl.Datetime("us", "UTC")},
    )
    mentions = pl.DataFrame({"article_id": ["a", "a", "a"], "entity_id": ["nato", "stoltenberg", "nato"]})
    features = story_features(articles, documents, mentions)
    assert features.schema == pl.Schema(FEATURES_SCHEMA)
    assert features.select("article_id", "event_at", "is_dated", "entity_ids").rows() == [
        ("a", DAY, True, ["nato", "stoltenberg"]),
        ("b", DAY + timedelta(days=5), False, []),
    ]
    assert "talks" in features["terms"][0]


# --- order and batch invariance ---------------------------------------------------------------


def _random_articles(seed: int, n: int = 80) -> list[dict]:
    """Articles on 10 events over a month: each names 2-4 of its event's entities, some of a
    neighbouring event's, and noise; some undated, some in German. Chains, near-misses and
    stories that touch across the window are all likely."""
    rng = random.Random(seed)
    events = []
    for e in range(10):
        core = [f"person:p{e}", f"organisation:o{e}", f"place:c{e % 3}", f"person:q{e}", f"organisation:r{e}"]
        events.append((core, [f"t{e}-{k}" for k in range(8)], rng.uniform(0, 30)))
    rows = []
    for i in range(n):
        core, terms, day = events[rng.randrange(len(events))]
        other_core, other_terms, _ = events[rng.randrange(len(events))]
        entities = rng.sample(core, rng.randint(2, 4)) + rng.sample(other_core, rng.randint(0, 2))
        entities += [f"person:noise{rng.randrange(40)}" for _ in range(rng.randint(0, 3))]
        words = rng.sample(terms, rng.randint(2, 6)) + rng.sample(other_terms, rng.randint(0, 3))
        rows.append(
            _article(
                f"a{i:03d}",
                sorted(set(entities)),
                sorted(set(words)),
                day=day + rng.uniform(-2.5, 2.5),
                language="de" if rng.random() < 0.15 else "en",
                is_dated=rng.random() > 0.2,
            )
        )
    return rows


def _incremental(batches: list[list[dict]]) -> dict[str, str]:
    """The load path over an in-memory store: each batch re-clusters with the stored stories it
    links to and those its new versions were in (as flows/enrichment.py does with the warehouse)."""
    store: dict[str, dict] = {}  # article_id -> STORED_SCHEMA row
    for batch in batches:
        new = _frame(*batch)
        stored = pl.DataFrame(list(store.values()), schema=STORED_SCHEMA, orient="row")
        times = [r["event_at"] for r in batch]
        near = stored.filter(  # what read/story_candidates.sql gives: within the window of a new one
            pl.col("event_at").map_elements(
                lambda t, times=times: any(abs(t - x) <= WINDOW for x in times), return_dtype=pl.Boolean
            )
        )
        linked = set(linked_group_ids(new, near))
        old = {store[r["article_id"]]["link_group_id"] for r in batch if r["article_id"] in store}
        affected = stored.filter(pl.col("link_group_id").is_in(sorted(linked | old)))
        result = recluster(new, affected)
        assert set(result["article_id"]) == set(new["article_id"]) | set(affected["article_id"])
        for row in result.to_dicts():
            store[row["article_id"]] = {k: row[k] for k in STORED_SCHEMA}
    return {a: r["story_id"] for a, r in store.items()}


@pytest.mark.parametrize("seed", range(6))
def test_the_partition_and_the_ids_do_not_depend_on_row_order(seed: int) -> None:
    rows = _random_articles(seed)
    reference = cluster_stories(_frame(*rows))
    assert reference["story_id"].n_unique() < len(rows) - 10  # there are stories to get wrong
    rng = random.Random(seed)
    for _ in range(5):
        rng.shuffle(rows)
        assert cluster_stories(_frame(*rows)).equals(reference)


@pytest.mark.parametrize("seed", range(6))
def test_loading_in_batches_in_any_order_gives_the_partition_of_the_whole_set(seed: int) -> None:
    rows = _random_articles(seed)
    whole = dict(cluster_stories(_frame(*rows)).select("article_id", "story_id").iter_rows())
    rng = random.Random(100 + seed)
    for size in (1, 7, 25):
        order = rows[:]
        rng.shuffle(order)
        batches = [order[i : i + size] for i in range(0, len(order), size)]
        assert _incremental(batches) == whole, size


def test_a_new_version_that_no_longer_links_splits_its_group_and_the_result_is_the_whole_sets() -> None:
    rows = _random_articles(3)
    whole = cluster_stories(_frame(*rows))
    # the largest link group; each of its articles in turn loses its entities in a new version
    sizes = Counter(whole["link_group_id"])
    largest = max(sizes, key=lambda g: (sizes[g], g))
    members = set(whole.filter(pl.col("link_group_id") == largest)["article_id"])
    splits = []
    for row in (r for r in rows if r["article_id"] in members):
        new_version = row | {"entity_ids": [], "terms": []}
        after = [new_version if r["article_id"] == row["article_id"] else r for r in rows]
        expected = cluster_stories(_frame(*after))
        assert _incremental([rows, [new_version]]) == dict(expected.select("article_id", "story_id").iter_rows())
        rest = expected.filter(pl.col("article_id").is_in(members - {row["article_id"]}))
        splits.append(rest["link_group_id"].n_unique() > 1)
    assert any(splits)  # the data has an article whose new version splits the group


def test_a_story_whose_link_group_no_later_article_links_to_keeps_its_id_and_members() -> None:
    rows = _random_articles(4)
    first, later = rows[:60], rows[60:]
    before, after = _incremental([first]), _incremental([first, later])
    group_of = dict(cluster_stories(_frame(*first)).select("article_id", "link_group_id").iter_rows())
    untouched, touched = set(), set()
    for story in set(before.values()):
        members = [r for r in first if before[r["article_id"]] == story]
        group = [r for r in first if group_of[r["article_id"]] == group_of[members[0]["article_id"]]]
        linked = any(link_similarity(m, r) is not None for m in group for r in later)
        (touched if linked else untouched).add(story)
        if not linked:
            assert {a for a, s in after.items() if s == story} == {m["article_id"] for m in members}
    assert untouched and touched


def _naive_agglomerate(members: list[int], links: dict[tuple[int, int], int], key: list) -> list[list[int]]:
    """Average linkage the slow way: every step scans every pair of clusters (the reference)."""
    clusters = {i: [i] for i in members}
    threshold = Fraction(round(stories.MIN_AVERAGE_LINK * 1_000_000))
    while True:
        best = None
        for a, b in combinations(sorted(clusters), 2):
            total = sum(links.get((min(x, y), max(x, y)), 0) for x in clusters[a] for y in clusters[b])
            average = Fraction(total, len(clusters[a]) * len(clusters[b]))
            if total and average >= threshold:
                rank = (-average, *sorted((key[clusters[a][0]], key[clusters[b][0]])))
                if best is None or rank < best[0]:
                    best = (rank, a, b)
        if best is None:
            return sorted(clusters.values())
        _, a, b = best
        keep, gone = (a, b) if key[clusters[a][0]] <= key[clusters[b][0]] else (b, a)
        clusters[keep] = sorted(clusters[keep] + clusters.pop(gone), key=lambda i: key[i])


@pytest.mark.parametrize("seed", range(20))
def test_the_heap_agglomeration_merges_as_the_naive_one(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 30)
    key = [(rng.random() < 0.2, DAY + timedelta(hours=rng.randrange(48)), f"a{i:02d}") for i in range(n)]
    # scores from few values, so equal averages (ties) happen
    links = {
        (i, j): rng.choice([150_000, 300_000, 450_000, 600_000, 1_000_000])
        for i, j in combinations(range(n), 2)
        if rng.random() < 0.3
    }
    got = sorted(sorted(c, key=lambda i: key[i]) for c in stories._agglomerate(list(range(n)), links, key))
    assert got == _naive_agglomerate(list(range(n)), links, key)


GOLD = EXTRACTION
LARGEST_GOLD_STORY = 4
SEEDS = (DW_SEED, YONHAP_SEED)


def test_on_one_day_content_alone_keeps_the_dev_set_apart_from_the_seeds() -> None:
    """The seeds and every gold article body of the dev sets, all dated the same day, so only
    entities and terms can tell them apart."""
    if not GOLD.is_dir():
        pytest.skip(f"the dev sets are not here: {GOLD}")
    rows = [
        json.loads(line)
        for path in (GOLD / name / "gold.jsonl" for name in TEST_SETS)
        for line in path.open(encoding="utf-8")
    ]
    articles = pl.DataFrame(
        {
            "article_id": [f"gold-{r['id']}" for r in rows] + ["seed-dw", "seed-yonhap"],
            "title": [r.get("title") for r in rows] + [p.read_text("utf-8").splitlines()[0] for p in SEEDS],
            "body_text": [r["body"] for r in rows] + [p.read_text("utf-8") for p in SEEDS],
        }
    )
    articles = articles.with_columns(
        pl.col("article_id").alias("document_id"), pl.lit(None).alias("published_at"), pl.lit("en").alias("language")
    )
    documents = pl.DataFrame(
        {"document_id": articles["article_id"], "fetched_at": [DAY] * articles.height},
        schema_overrides={"fetched_at": pl.Datetime("us", "UTC")},
    )
    mentions = mentions_frame(articles)
    features = story_features(articles, documents, mentions)
    stories = dict(cluster_stories(features, entity_kinds(mentions)).select("article_id", "story_id").iter_rows())
    assert stories["seed-dw"] == stories["seed-yonhap"]
    assert [a for a, s in stories.items() if s == stories["seed-dw"]] == ["seed-dw", "seed-yonhap"]
    sizes = Counter(stories.values())
    assert max(sizes.values()) <= LARGEST_GOLD_STORY
    assert len(sizes) >= 0.8 * len(stories)  # mostly single articles
