"""Stories: articles on the same event, across outlets and languages, as a function of the set of articles.

Pure. Two articles are *linked* when their event times are within `WINDOW` of each other, they
share at least `MIN_SHARED_ENTITIES` named entities, and either

- the names they share are not only places and their similarity is at least `MIN_SIMILARITY`: a
  cosine over the named entities and, between articles in one language, over their distinctive
  terms (`transforms/analysis/terms.py`) too (`ENTITY_SHARE` entities, the rest terms; across
  languages entities alone decide), and in one language their terms' cosine is at least
  `MIN_TERM_AGREEMENT` (one big company named in two unrelated pieces is not an event), and one
  shared name that is not a place weighs at least `MIN_NAME_WEIGHT` (off as shipped; at 3.6, Apple
  3.2, Google 3.1, Amazon 3.5 alone would be a topic, not an event); or
- in one language, the cosine over their terms alone is at least `MIN_TERM_SIMILARITY` (an event
  whose shared names are places only or one name: a plague case in Inner Mongolia, a launch of
  Google's).

Both thresholds rise by `LINK_SLOPE_PER_DAY` for each day between the two articles (off as
shipped): the farther apart, the stronger the evidence of one event must be.

Both cosines weigh each feature by its *rarity*: how much rarer than a common word it is in
wordfreq's frozen frequency lists (`rarity`: decades of frequency under `COMMON_ZIPF`), so "Black
Friday" or "impeachment" weigh less than "pneumonic" or "duvet"; a name's weight is also its
kind's (people and organisations count more than places, which nearly every story names). The
lists ship in wordfreq's wheel and do not change with what is loaded, unlike a corpus's document
frequencies.

Linked articles form *link groups* (the connected components of the links); within a group,
stories are cut by average-linkage agglomeration: the two stories whose articles are linked most on
average (an unlinked pair counts 0) merge while that average is at least `MIN_AVERAGE_LINK`, so a
chain of weak links (deal round-ups that each share a retailer with the next) does not become one
story. Ties go to the stories that come first (see below). Every weight is frozen (kinds, wordfreq's lists; no corpus
frequencies) and sums are exact (`math.fsum`, integer micro-units), so whether two articles are
linked depends on those two articles alone, and the partition on the set of articles alone: not
on the order they are read in, nor on batches. That also makes it incremental: a load re-clusters
its new articles with the stored link groups they link to (and the groups its new versions leave),
never the rest of the warehouse (`linked_group_ids`, `recluster`).

A story's id is derived from its first member by (dated before undated, event time, article_id):
it stays the same while that member is in the story. Undated articles (whose event time is when
their document was first seen, a clock time) come after every dated one and among themselves by
id, so which of them opens a story does not depend on the clock.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from functools import cache

import polars as pl
from wordfreq import available_languages

from transforms.analysis.frequency_lists import FrequencyList, frequency_list
from transforms.analysis.terms import terms_frame
from transforms.frames.schemas import STORY_ARTICLES, subschema

WINDOW = timedelta(days=3)
# the link thresholds (MIN_NAME_WEIGHT and LINK_SLOPE_PER_DAY too): chosen on the hand labels
# (bench/labels/story_groups.jsonl) by bench/stories_tuning.py, which reports them out of half
# (chosen on one half of the label groups, scored on the other); BENCHMARKS.md has both halves
MIN_SIMILARITY = 0.35  # names and words together, when the names shared are not only places
MIN_TERM_SIMILARITY = 0.35  # the words alone: events whose shared names are places or one name
MIN_SHARED_ENTITIES = 1  # every link shares a name (read/story_candidates.sql finds candidates by them)
# in one language, a link by names and words together needs the words to agree at least this much
# (their cosine): two unrelated pieces that each name little but one big company (Amazon, Apple,
# Google) have a high name cosine and next to no words in common
MIN_TERM_AGREEMENT = 0.15
# a link by names and words also needs one shared name of a person, organisation or other non-place
# at least this heavy (kind weight x rarity): one well-known company (Apple 3.2, Google 3.1, Amazon
# 3.5) named in two pieces is a topic, not an event (0: off). Off: no setting chosen on one half of
# the labels (nor on all of them) by bench/stories_tuning.py took it; 3.6 raised precision only on
# the half whose errors it was written from (BENCHMARKS.md, stories)
MIN_NAME_WEIGHT = 0.0
# the farther apart in event time, the more a link needs: both link thresholds rise by this much per
# day between the two articles (0: the same over the whole WINDOW). Off: 0.1 gained precision on
# one half of the labels and lost recall on the other (BENCHMARKS.md, stories)
LINK_SLOPE_PER_DAY = 0.0
# two stories of a link group merge while their articles' links average this (unlinked pairs 0): set
# a priori, not on labelled data, as half the link threshold (each article linked at the threshold to
# half of the other's articles)
MIN_AVERAGE_LINK = MIN_SIMILARITY / 2
_MICRO = 1_000_000  # link scores in integer micro-units: sums and averages compared exactly
ENTITY_SHARE = 0.6  # in one language: 0.6 entities + 0.4 terms; across languages: entities alone
PLACE_KINDS = frozenset({"place", "location", "loc", "gpe", "country", "city"})
KIND_WEIGHTS = {"person": 1.0, "per": 1.0, "organisation": 1.0, "organization": 1.0, "org": 1.0}
PLACE_WEIGHT = 0.35
OTHER_WEIGHT = 0.7
# rarity: how much rarer than a common word a term or name is, in decades of frequency (zipf: log10 of
# occurrences per billion words, wordfreq's frozen lists shipped in its wheel, never fetched)
COMMON_ZIPF = 8.0  # a word at least this frequent (zipf 8: once in ten words) weighs nothing
UNKNOWN_ZIPF = 0.0  # a word the list does not have counts as this frequent (under once in a billion)
NAME_LANGUAGE = "en"  # names are weighed with one list, so a name weighs the same in every language
_UNDATED_AT = datetime(1, 1, 1, tzinfo=UTC)  # the order key's time of an undated article (its id decides)

# the loaded story_articles are an article's features joined with its assignment
FEATURES_SCHEMA = subschema(STORY_ARTICLES, "article_id", "event_at", "is_dated", "language", "entity_ids", "terms")
STORED_SCHEMA = subschema(STORY_ARTICLES, "story_id", "link_group_id") | FEATURES_SCHEMA  # what a load reads back
KNOWN_SCHEMA = subschema(STORY_ARTICLES, "story_id") | FEATURES_SCHEMA  # known articles for `assign_stories`
ASSIGNMENT_SCHEMA = subschema(STORY_ARTICLES, "article_id", "story_id", "link_group_id", "similarity", "is_opener")


@dataclass(frozen=True)
class FeatureFrequencies:
    """Kept for callers of the incremental assignment before issue 17: rarity weights made the
    partition depend on what was loaded first, so they are no longer used."""

    n_articles: int = 0
    entities: Mapping[str, int] | None = None
    terms: Mapping[str, int] | None = None


def story_id_for(article_id: str) -> str:
    """The id of the story whose first member is this article."""
    return hashlib.sha256(f"story:{article_id}".encode()).hexdigest()[:32]


def link_group_id_for(article_id: str) -> str:
    """The id of the link group whose first member is this article."""
    return hashlib.sha256(f"link-group:{article_id}".encode()).hexdigest()[:32]


def kind_of(entity_id: str, kinds: Mapping[str, str] | None = None) -> str:
    """An entity's kind: from `kinds` when given and known there, else its id's prefix (`kind:slug`)."""
    if kinds is not None and entity_id in kinds:
        return kinds[entity_id]
    return entity_id.partition(":")[0] if ":" in entity_id else ""


def kind_weight(kind: str | None) -> float:
    kind = (kind or "").casefold()
    return PLACE_WEIGHT if kind in PLACE_KINDS else KIND_WEIGHTS.get(kind, OTHER_WEIGHT)


def entity_kinds(*frames: pl.DataFrame) -> dict[str, str]:
    """entity_id -> kind from frames with those columns (entities, mentions); later frames win."""
    return {
        entity_id: kind
        for frame in frames
        for entity_id, kind in frame.select("entity_id", "kind").unique("entity_id", keep="last").iter_rows()
    }


@cache
def _frequencies(language: str) -> FrequencyList | None:
    """wordfreq's frequency list of a language (the largest it ships), or None when it has none; held
    compactly (frequency_lists.py: wordfreq's dict is about 40 MB a language for the process's life)."""
    language = (language or "").casefold().partition("-")[0]
    return frequency_list(language, wordlist="best") if language in _LANGUAGES else None


_LANGUAGES = frozenset(available_languages(wordlist="best"))


@cache
def rarity(words: tuple[str, ...], language: str) -> float | None:
    """How rare a term (or a name, its words together) is: COMMON_ZIPF minus its zipf frequency, at
    least 0; None when wordfreq has no list for the language. A phrase's frequency combines its words'
    as wordfreq does (1/f = sum of 1/f_i: the rarest word dominates)."""
    frequencies = _frequencies(language)
    if frequencies is None or not words:
        return None
    unknown = 10 ** (UNKNOWN_ZIPF - 9)
    inverse = math.fsum(1 / max(frequencies.get(word.casefold(), 0.0), unknown) for word in words)
    zipf = 9 - math.log10(inverse)
    return max(0.0, COMMON_ZIPF - zipf)


def name_words(entity_id: str) -> tuple[str, ...]:
    """The words of an entity id's name (`kind:slug-of-the-name`)."""
    return tuple(w for w in entity_id.partition(":")[2 if ":" in entity_id else 0].split("-") if w)


def entity_weight(entity_id: str, kind: str | None) -> float:
    """A name's weight: its kind's (people and organisations over places) times its rarity."""
    weight = rarity(name_words(entity_id), NAME_LANGUAGE)
    return kind_weight(kind) * (COMMON_ZIPF - UNKNOWN_ZIPF if weight is None else weight)


def term_weight(term: str, language: str) -> float:
    """A term's weight: its rarity in the article's language (the same for every term when wordfreq
    has no list for it)."""
    weight = rarity((term,), language)
    return 1.0 if weight is None else weight


@dataclass(frozen=True)
class _Profile:
    article_id: str
    event_at: datetime
    is_dated: bool
    language: str
    entities: dict[str, float]  # entity -> weight
    places: frozenset[str]
    terms: dict[str, float]  # term -> weight
    entity_norm: float
    term_norm: float

    @property
    def order_key(self) -> tuple[bool, datetime, str]:
        return (not self.is_dated, self.event_at if self.is_dated else _UNDATED_AT, self.article_id)


def _norm(weights: Mapping[str, float]) -> float:
    return math.sqrt(math.fsum(w * w for w in weights.values()))


def _profile(row: dict, kinds: Mapping[str, str] | None) -> _Profile:
    entities = {e: entity_weight(e, kind_of(e, kinds)) for e in set(row["entity_ids"] or ())}
    places = frozenset(e for e in entities if kind_of(e, kinds).casefold() in PLACE_KINDS)
    language = row["language"] or ""
    terms = {t: term_weight(t, language) for t in set(row["terms"] or ())}
    return _Profile(
        row["article_id"],
        row["event_at"],
        bool(row["is_dated"]) if row.get("is_dated") is not None else True,
        language,
        entities,
        places,
        terms,
        _norm(entities),
        _norm(terms),
    )


def _cosine(a: Mapping[str, float], b: Mapping[str, float], norm_a: float, norm_b: float) -> float:
    if not norm_a or not norm_b:
        return 0.0
    return math.fsum(a[k] * b[k] for k in sorted(a.keys() & b.keys())) / (norm_a * norm_b)


def _link(a: _Profile, b: _Profile) -> float | None:
    """The similarity of two articles, or None when they are not linked."""
    if abs(a.event_at - b.event_at) > WINDOW:
        return None
    shared = a.entities.keys() & b.entities.keys()
    if len(shared) < MIN_SHARED_ENTITIES:
        return None
    score = _cosine(a.entities, b.entities, a.entity_norm, b.entity_norm)
    terms = None
    if a.language == b.language:
        terms = _cosine(a.terms, b.terms, a.term_norm, b.term_norm)
        score = ENTITY_SHARE * score + (1 - ENTITY_SHARE) * terms
    rise = LINK_SLOPE_PER_DAY * abs(a.event_at - b.event_at).total_seconds() / 86400
    linked = (
        score >= MIN_SIMILARITY + rise
        and max((a.entities[e] for e in shared - a.places), default=-1.0) >= MIN_NAME_WEIGHT
        and (terms is None or terms >= MIN_TERM_AGREEMENT)
    )
    if terms is not None and terms >= MIN_TERM_SIMILARITY + rise:
        linked, score = True, max(score, terms)
    return round(score * _MICRO) / _MICRO if linked else None  # exact from here on, whatever the sums' order


def link_similarity(a: dict, b: dict, kinds: Mapping[str, str] | None = None) -> float | None:
    """The similarity of two feature rows (FEATURES_SCHEMA dicts), or None when they are not linked."""
    return _link(_profile(a, kinds), _profile(b, kinds))


def _candidate_pairs(profiles: list[_Profile]) -> Iterable[tuple[int, int]]:
    """Index pairs that share an entity and are within the window (each pair once)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for entity in p.entities:
            postings[entity].append(i)
    seen: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda i: profiles[i].event_at)
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if profiles[j].event_at - profiles[i].event_at > WINDOW:
                    break
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _rows(frame: pl.DataFrame) -> list[dict]:
    columns = [c for c in FEATURES_SCHEMA if c in frame.columns]
    return frame.select(columns).to_dicts()


def _agglomerate(
    members: list[int], links: dict[tuple[int, int], int], key: list[tuple[bool, datetime, str]]
) -> list[list[int]]:
    """Average-linkage agglomeration of one link group; `links`: (i, j) with i < j -> score in
    micro-units; `key`: each index's order key. Deterministic: the best average first (exact, as a
    fraction), ties to the pair of clusters whose first members come first. A heap of candidate
    merges, entries made stale by a merge skipped when popped: O(links x log links)."""
    clusters: dict[int, list[int]] = {i: [i] for i in members}  # named by the index of its first member
    first = {i: key[i] for i in members}
    version = dict.fromkeys(members, 0)
    sums: dict[int, dict[int, int]] = defaultdict(dict)  # cluster -> linked cluster -> sum of links
    for (i, j), score in links.items():
        sums[i][j] = sums[i].get(j, 0) + score
        sums[j][i] = sums[j].get(i, 0) + score
    threshold = Fraction(round(MIN_AVERAGE_LINK * _MICRO))
    heap: list[tuple[Fraction, tuple, tuple, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        average = Fraction(sums[a][b], len(clusters[a]) * len(clusters[b]))
        if average >= threshold:
            low, high = sorted((first[a], first[b]))
            heapq.heappush(heap, (-average, low, high, a, b, version[a], version[b]))

    for i, j in links:
        push(i, j)
    while heap:
        _, _, _, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in clusters or b not in clusters or (version[a], version[b]) != (version_a, version_b):
            continue  # stale: one of the two merged since
        keep, gone = (a, b) if first[a] <= first[b] else (b, a)
        clusters[keep] += clusters.pop(gone)
        version[keep] += 1
        for other, total in sums.pop(gone).items():
            del sums[other][gone]
            if other != keep:
                sums[keep][other] = sums[other][keep] = sums[keep].get(other, 0) + total
        for other in sorted(sums[keep]):
            push(keep, other)
    return list(clusters.values())


def cluster_stories(features: pl.DataFrame, kinds: Mapping[str, str] | None = None) -> pl.DataFrame:
    """features[article_id, event_at, is_dated?, language, entity_ids, terms] ->
    [article_id, story_id, link_group_id, similarity, is_opener], one row per distinct article.

    Link groups are the connected components of the links between the articles, stories are cut
    from them by average linkage (see the module's doc); the result depends on the set of rows,
    not on their order. `similarity` is an article's strongest link within its story (null when
    it has none); `is_opener` marks the story's first member, whose id the story's derives from.
    `kinds` (entity_id -> kind) overrides the kind an entity id's prefix gives.
    """
    by_id = {row["article_id"]: row for row in _rows(features)}  # a repeated article: its last row
    profiles = sorted((_profile(row, kinds) for row in by_id.values()), key=lambda p: p.article_id)
    key = [p.order_key for p in profiles]
    parent = list(range(len(profiles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links: dict[tuple[int, int], int] = {}
    for i, j in _candidate_pairs(profiles):
        score = _link(profiles[i], profiles[j])
        if score is None:
            continue
        links[(i, j)] = round(score * _MICRO)
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(profiles)):
        groups[root(i)].append(i)
    by_group: dict[int, dict[tuple[int, int], int]] = defaultdict(dict)
    for (i, j), score in links.items():
        by_group[root(i)][(i, j)] = score
    out: list[dict[str, object]] = []
    for group_root, members in groups.items():
        group_id = link_group_id_for(profiles[min(members, key=lambda i: key[i])].article_id)
        group_links = by_group.get(group_root, {})
        stories = _agglomerate(members, group_links, key) if len(members) > 1 else [members]
        for story in stories:
            opener = min(story, key=lambda i: key[i])
            story_id = story_id_for(profiles[opener].article_id)
            inside = set(story)
            for i in story:
                scores = [
                    score
                    for (x, y), score in group_links.items()
                    if (x == i and y in inside) or (y == i and x in inside)
                ]
                out.append(
                    {
                        "article_id": profiles[i].article_id,
                        "story_id": story_id,
                        "link_group_id": group_id,
                        "similarity": max(scores) / _MICRO if scores else None,
                        "is_opener": i == opener,
                    }
                )
    out.sort(key=lambda r: str(r["article_id"]))
    return pl.DataFrame(out, schema=ASSIGNMENT_SCHEMA, orient="row")


def linked_group_ids(new: pl.DataFrame, stored: pl.DataFrame, kinds: Mapping[str, str] | None = None) -> list[str]:
    """The link groups (`stored` rows carry link_group_id) that an article of `new` is linked to:
    the ones a load must re-cluster with its new articles. A stored row of an article that `new`
    holds again (a new version) does not count: its old profile is replaced."""
    new_profiles = [_profile(row, kinds) for row in _rows(new)]
    replaced = {p.article_id for p in new_profiles}
    postings: dict[str, list[tuple[_Profile, str]]] = defaultdict(list)
    for row in stored.to_dicts():
        if row["article_id"] in replaced:
            continue
        profile = _profile(row, kinds)
        for entity in profile.entities:
            postings[entity].append((profile, row["link_group_id"]))
    linked: set[str] = set()
    for p in new_profiles:
        for entity in p.entities:
            for other, group_id in postings.get(entity, ()):
                if group_id not in linked and _link(p, other) is not None:
                    linked.add(group_id)
    return sorted(linked)


def recluster(new: pl.DataFrame, affected: pl.DataFrame, kinds: Mapping[str, str] | None = None) -> pl.DataFrame:
    """A load's stories: its new articles' features and the stored rows of the link groups they
    touch (`affected`: whole groups, STORED_SCHEMA: the ones `linked_group_ids` names and the ones
    its new versions were in) -> FEATURES_SCHEMA plus story_id, link_group_id, similarity and
    is_opener, for every article of both (new versions replace their stored rows). Because the
    stored groups are whole components of the links, a link needs only its two articles and the
    stories of a group depend on the group alone, this equals clustering the whole warehouse."""
    stored = affected.join(new.select("article_id"), on="article_id", how="anti")
    features = pl.concat(
        [
            new.select(list(FEATURES_SCHEMA)).cast(FEATURES_SCHEMA),
            stored.select(list(FEATURES_SCHEMA)).cast(FEATURES_SCHEMA),
        ],
        how="vertical",
    )
    return features.join(cluster_stories(features, kinds), on="article_id")


def assign_stories(
    new: pl.DataFrame,
    known: pl.DataFrame | None = None,
    frequencies: FeatureFrequencies | None = None,
    kinds: Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """new[FEATURES_SCHEMA] (and the `known` articles of stored stories, with story_id) ->
    [article_id, story_id, similarity, is_opener] for the new articles: `cluster_stories` over both.
    `frequencies` is ignored (see FeatureFrequencies). A known article may change story too; a load
    takes every row from `recluster`."""
    del frequencies
    if "is_dated" not in new.columns:
        new = new.with_columns(pl.lit(True).alias("is_dated"))
    features = new.select(list(FEATURES_SCHEMA)).cast(FEATURES_SCHEMA)
    if known is not None and known.height:
        if "is_dated" not in known.columns:
            known = known.with_columns(pl.lit(True).alias("is_dated"))
        stored = known.join(new.select("article_id"), on="article_id", how="anti").select(list(FEATURES_SCHEMA))
        stored = stored.cast(FEATURES_SCHEMA)
        features = pl.concat([features, stored], how="vertical")
    return cluster_stories(features, kinds).join(new.select("article_id"), on="article_id", how="semi")


def story_features(
    articles: pl.DataFrame, documents: pl.DataFrame, mentions: pl.DataFrame, terms: pl.DataFrame | None = None
) -> pl.DataFrame:
    """What stories are told from: articles[article_id, document_id, published_at, language, title,
    body_text], documents[document_id, fetched_at] and mentions[article_id, entity_id] ->
    [article_id, event_at, is_dated, language, entity_ids, terms]. The event time is the publication
    time, else when the document was fetched (is_dated false). `terms` is the articles' `terms_frame`
    when already made. The mentions should be the article's own (as found in it, before merging with
    the warehouse's entities, which depends on what was loaded first)."""
    entity_ids = (
        mentions.select("article_id", "entity_id")
        .unique()
        .sort("article_id", "entity_id")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("entity_id").alias("entity_ids"))
    )
    return (
        articles.select("article_id", "document_id", "published_at", "language")
        .join(documents.select("document_id", "fetched_at"), on="document_id", how="left")
        .join(entity_ids, on="article_id", how="left")
        .join(terms_frame(articles) if terms is None else terms, on="article_id", how="left")
        .select(
            "article_id",
            pl.coalesce(
                pl.col("published_at").cast(pl.Datetime("us", "UTC")),
                pl.col("fetched_at").cast(pl.Datetime("us", "UTC")),
            ).alias("event_at"),
            pl.col("published_at").is_not_null().alias("is_dated"),
            "language",
            pl.col("entity_ids").fill_null([]),
            pl.col("terms").fill_null([]),
        )
        .cast(FEATURES_SCHEMA)
    )
