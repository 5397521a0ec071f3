"""Extraction benchmark: the project's HTML path against trafilatura and readability-lxml alone,
every tuned number chosen leave-one-set-out, with an ablation, catastrophic pages and cost per page.

    python bench/extraction.py [--shared ../shared] [--cache-dir bench/results/extraction]
                               [--out bench/results/extraction/report.md]

Reads what `bench/extraction_cache.py` cached per set (every extractor's output and time for
every page, `cache-<set>.jsonl`), so nothing is extracted again here: the path is replayed from
the cached blocks (`replay`: the path's own functions, `transforms.html.vote.decide` and
`transforms.html.articles.parse_html_article`, with the thresholds under test).

Method (issue 15):
- Scores are the Zyte method of `../shared/tools/score_extraction.py` (imported, not copied).
- Leave one set out: for each set, every tuned number (the second-opinion gate, the vote's
  thresholds, the block rules' thresholds) is chosen on the two other sets (mean F1 of the two,
  each set weighted alike; a value moves off the shipped one only when it gains more than
  `MIN_GAIN`) and the set is scored with those choices. In-set scores (chosen on all three) are
  reported apart. The fallback sentences' setting (`FALLBACK_GRID`: the minimum words of a sentence
  of trafilatura's readability fallback added to its blocks, or none) is chosen last.
- The fallback's sentences alone (`fallback_table`): everything else at the shipped values, the
  setting chosen on the two other sets within a family (sentences only, any block, either), the
  third set scored.
- Ablation, out of set: the path with one part removed, each fold with its own choices.
- Catastrophic page: the output shares under 20 % of the shingles (tp / (tp + fp + fn)) with the
  gold while trafilatura alone shares over 80 %.
- Cost per page: decode + trafilatura's pass (with the metadata readers) + readability-lxml when the
  gate asks it + rules + normalisation, against trafilatura alone, median and p90. The page's
  markup and dates are not in it: `bench/extraction_cost.py` times the whole path live.
Writes the report (markdown), `<set>.<extractor>.jsonl` predictions for the official scorer, and
`report.json`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.frames.normalise import ParsedDocument, normalise_batch  # noqa: E402
from transforms.html import articles  # noqa: E402
from transforms.html import pages as html_pages  # noqa: E402
from transforms.html import vote as html_vote  # noqa: E402
from transforms.html.blocks import HtmlBlock, HtmlExtraction, HtmlMetadata  # noqa: E402
from transforms.html.vote import (  # noqa: E402
    Agreement,
    Thresholds,
    added_from_fallback,
    agreement,
    decide,
    with_fallback_sentences,
)
from transforms.text import rules as line_rules  # noqa: E402

SETS = ("scrapinghub", "readability", "wcxb")
MIN_GAIN = 0.0005  # a tuned value leaves the shipped one only for more than this mean F1
CATASTROPHE_BELOW, BASELINE_ABOVE = 0.2, 0.8
ROOT = Path(__file__).resolve().parent.parent

METADATA_FIELDS = {f.name for f in fields(HtmlMetadata)}  # a cache row may hold fields since dropped

# The block rules' tuned numbers and the values tried for each (the shipped value among them).
BLOCK_GRID: dict[str, tuple[float, ...]] = {
    "HEADLINE_SEARCH_BLOCKS": (1, 3, 5),
    "TEASER_LINK_DENSITY": (0.5, 0.6, 0.8),
    "TEASER_LIST_SHARE": (0.6, 0.8, 1.0),
    "LEAD_LINK_MIN_SHARE": (0.15, 0.25, 0.4),
    "BLURB_MAX_WORDS": (20, 30, 45),
    "LINK_PARAGRAPH_DENSITY": (0.8, 0.9, 1.0),
    "LINK_PARAGRAPH_MAX_WORDS": (10, 15, 25),
}
PRIMARY_GRID = ("fast", "thorough")  # trafilatura's fast pass (thorough on thin pages) or its thorough pass
GATE_GRID = (-1, 0, 3, 6, 10, 20, 10_000)  # second opinion when trafilatura's fast pass has <= this many blocks
VOTE_GRID: dict[str, tuple[float, ...]] = {
    "contained": (0.7, 0.8, 0.9),
    "primary_extra_below": (0.0, 0.3, 0.5, 0.7),  # 0: primary_has_extra never
    "primary_extra_above": (0.0, 0.1, 0.2, 0.3),
    "primary_all_inside": (0.9, 0.95, 1.0),
    "fallback_extra_below": (0.4, 0.6, 0.8),
    "min_fallback_shingles": (20, 50, 100),
    "unstructured_min_shared": (0.0, 0.5, 0.8),
}
# trafilatura's readability fallback's sentences added when they have at least this many words (None: never)
FALLBACK_GRID: tuple[int | None, ...] = (None, 0, 5, 10, 15, 25)
BLOCK_REFERENCE: dict[str, float] = {  # the values before issue 15
    "HEADLINE_SEARCH_BLOCKS": 3,
    "TEASER_LINK_DENSITY": 0.6,
    "TEASER_LIST_SHARE": 0.8,
    "LEAD_LINK_MIN_SHARE": 0.25,
    "BLURB_MAX_WORDS": 30,
    "LINK_PARAGRAPH_DENSITY": 0.9,
    "LINK_PARAGRAPH_MAX_WORDS": 15,
}
BLOCK_RULES = ("_headline_repeat", "_teaser_lists", "_link_paragraphs", "deck_index")


def scorer(shared: str | Path):  # type: ignore[no-untyped-def]
    """The reference scorer, ../shared/tools/score_extraction.py, as a module (the extraction benches share it)."""
    path = Path(shared) / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_rows(shared: str | Path, name: str) -> dict[str, dict]:
    """A gold set's rows by page id."""
    rows = {}
    with (Path(shared) / "data" / "extraction" / name / "gold.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows[str(row["id"])] = row
    return rows


# --- data ----------------------------------------------------------------------------------------


@dataclass
class Page:
    id: str
    gold: str
    ms: dict[str, float]
    baseline: str
    fast: tuple[HtmlBlock, ...]
    thorough: tuple[HtmlBlock, ...]
    readability: tuple[HtmlBlock, ...]
    metadata: HtmlMetadata
    fallback: tuple[HtmlBlock, ...] = ()  # what trafilatura's own readability fallback found (thorough pass)
    gold_shingles: object = None
    agreement_cache: dict[str, Agreement] = field(default_factory=dict)
    added_cache: dict[tuple, tuple[HtmlBlock, ...]] = field(default_factory=dict)


def _blocks(rows: list[list]) -> tuple[HtmlBlock, ...]:
    return tuple(HtmlBlock(*row) for row in rows)


def load_set(name: str) -> list[Page]:
    gold = {page: row.get("body") or "" for page, row in gold_rows(ARGS.shared, name).items()}
    found = []
    with (Path(ARGS.cache_dir) / f"cache-{name}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            found.append(
                Page(
                    row["id"],
                    gold.get(row["id"], ""),
                    row["ms"],
                    row["baseline"],
                    _blocks(row["fast"]),
                    _blocks(row["thorough"]),
                    _blocks(row["readability"]),
                    HtmlMetadata(**{k: v for k, v in row["metadata"].items() if k in METADATA_FIELDS}),
                    _blocks(row["fallback"]) if "fallback" in row else (),
                )
            )
            if "fallback" not in row:
                raise SystemExit(f"{name}: the cache has no fallback blocks; run bench/extraction_cache.py again")
    missing = set(gold) - {p.id for p in found}
    if missing:
        raise SystemExit(f"{name}: {len(missing)} gold pages not in the cache; run bench/extraction_cache.py")
    for page in found:
        page.gold_shingles = SCORE.shingles(page.gold)
    return found


# --- the path, replayed --------------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    """One way to run the path. The defaults are the values before issue 15 (the reference the
    tuning starts from, written out so that a run does not depend on what is shipped now)."""

    primary: str = "fast"  # "fast": trafilatura's fast pass, its thorough pass on thin pages only
    gate: int = 6  # the second opinion is asked when the primary has at most this many blocks
    vote: Thresholds = Thresholds(
        contained=0.8,
        primary_extra_below=0.5,
        primary_extra_above=0.0,
        primary_all_inside=0.95,
        fallback_extra_below=0.6,
        min_fallback_shingles=50,
        unstructured_min_shared=0.0,
    )
    block: tuple[tuple[str, float], ...] = ()  # block-rule constants (all of BLOCK_GRID; see reference())
    use_thorough: bool = True
    use_readability: bool = True
    off_block_rules: tuple[str, ...] = ()
    off_rule_files: tuple[str, ...] = ()
    no_rules: bool = False
    # trafilatura's readability fallback: its sentences the primary lacks are added, with at least
    # this many words (None: never, as before); `fallback_any_block`: every block it has that the
    # primary lacks, not only sentences (measured for the report, not shipped)
    fallback_min_words: int | None = None
    fallback_any_block: bool = False


def reference() -> Config:
    return Config(block=tuple((name, BLOCK_REFERENCE[name]) for name in BLOCK_GRID))


def shipped() -> Config:
    """What the code ships now (module constants)."""
    return Config(
        primary=html_pages.PRIMARY_PASS,
        gate=html_pages.SECOND_OPINION_MAX_BLOCKS,
        vote=Thresholds(),
        block=tuple((name, getattr(articles, name)) for name in BLOCK_GRID),
        fallback_min_words=html_vote.FALLBACK_SENTENCE_MIN_WORDS,
    )


def with_block(config: Config, name: str, value: float) -> Config:
    return replace(config, block=tuple((n, value if n == name else v) for n, v in config.block))


def candidates(page: Page, config: Config) -> tuple[tuple[HtmlBlock, ...], tuple[HtmlBlock, ...] | None]:
    """(primary, fallback) as `pages.extract_page` hands them to the vote; fallback None: not asked."""
    if config.primary == "thorough":
        if len(page.thorough) > config.gate or not config.use_readability:
            return page.thorough, None
        return page.thorough, page.readability
    if len(page.fast) > config.gate or not (config.use_readability or config.use_thorough):
        return page.fast, None
    primary = (page.thorough or page.fast) if config.use_thorough else page.fast
    return primary, page.readability if config.use_readability else None


def with_fallback(page: Page, primary: tuple[HtmlBlock, ...], config: Config) -> tuple[HtmlBlock, ...]:
    """The primary with trafilatura's readability fallback's blocks added as the path adds them
    (`transforms.html.vote.with_fallback_sentences`), remembered per page and setting (the same
    tuple each time, for the caches keyed by identity). Only the thorough pass runs the fallback."""
    if config.fallback_min_words is None or primary is not page.thorough:
        return primary
    key = (config.fallback_min_words, config.fallback_any_block)
    if key not in page.added_cache:
        if config.fallback_any_block:
            min_words = config.fallback_min_words or 0  # not None here: returned above
            page.added_cache[key] = added_from_fallback(
                primary, page.fallback, lambda block: len(block.text.split()) >= min_words
            )[0]
        else:
            page.added_cache[key] = with_fallback_sentences(primary, page.fallback, config.fallback_min_words)[0]
    return page.added_cache[key]


def chosen_blocks(page: Page, config: Config) -> tuple[tuple[HtmlBlock, ...], str]:
    primary, fallback = candidates(page, config)
    if fallback is None:
        return with_fallback(page, primary, config), "primary"
    if not primary or not fallback:
        return (primary or fallback), ("primary" if primary else "fallback")
    key = "thorough" if primary is page.thorough else "fast"
    if key not in page.agreement_cache:
        page.agreement_cache[key] = agreement(primary, fallback)
    choice = decide(page.agreement_cache[key], config.vote)
    return (primary, "primary") if choice == "agree" else (fallback, "fallback")


@contextmanager
def rules_as(config: Config, remember: bool = True) -> Iterator[None]:
    """The block and line rules with the config's constants and parts removed (module attributes
    patched for the duration; the path reads them at call time)."""
    saved: dict[tuple[object, str], object] = {}

    def patch(module: object, name: str, value: object) -> None:
        saved.setdefault((module, name), getattr(module, name))
        setattr(module, name, value)

    for name, value in config.block:
        patch(articles, name, value)
    for name in config.off_block_rules:
        patch(articles, name, (lambda *a, **k: None) if name == "deck_index" else (lambda *a, **k: {}))
    kept = ALL_RULES
    if config.off_rule_files or config.no_rules:
        kept = () if config.no_rules else tuple(r for r in ALL_RULES if RULE_FILE[r.id] not in config.off_rule_files)
        patch(line_rules, "load_rules", lambda: kept)
    # A line's verdict depends on the line, its zone and the rules only: remembered across
    # configurations (the block-rule trials re-run the same lines many times).
    verdicts = VERDICTS.setdefault((config.off_rule_files, config.no_rules), {})

    def remembered(line: str, *, in_tail: bool = True) -> line_rules.LineVerdict:
        key = (line, in_tail)
        if key not in verdicts:
            verdicts[key] = line_rules.match_line(line, in_tail=in_tail, rules=kept)
        return verdicts[key]

    if remember:
        patch(articles, "match_line", remembered)
    try:
        yield
    finally:
        for (module, name), value in saved.items():
            setattr(module, name, value)


# Keyed by object identity for speed; each entry holds its key object too, so that an id cannot be
# reused by another object while the entry lives (a script that frees a set's pages and loads
# another would otherwise read the freed pages' entries).
PARSED: dict[tuple[int, tuple], tuple[object, str]] = {}
VERDICTS: dict[tuple, dict[tuple[str, bool], line_rules.LineVerdict]] = {}


def body_of(blocks: tuple[HtmlBlock, ...], metadata: HtmlMetadata, rules_key: tuple) -> str:
    key = (id(blocks), rules_key)
    if key not in PARSED:
        article = articles.parse_html_article(HtmlExtraction(blocks, metadata))
        PARSED[key] = (blocks, "\n\n".join(b.text for b in article.body_blocks))
    return PARSED[key][1]


def rules_key(config: Config) -> tuple:
    return (config.block, config.off_block_rules, config.off_rule_files, config.no_rules)


def path_texts(pages: list[Page], config: Config) -> dict[str, str]:
    with rules_as(config):
        return {p.id: body_of(chosen_blocks(p, config)[0], p.metadata, rules_key(config)) for p in pages}


# --- scores --------------------------------------------------------------------------------------

OVERLAPS: dict[tuple[int, int], tuple[object, tuple[float, float, float]]] = {}  # see PARSED


def overlap(page: Page, text: str) -> tuple[float, float, float]:
    key = (id(page), hash(text))
    if key not in OVERLAPS:
        p = SCORE.shingles(text)
        g = page.gold_shingles
        tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
        total = tp + fp + fn
        OVERLAPS[key] = (page, (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0))
    return OVERLAPS[key][1]


@dataclass(frozen=True)
class Score:
    p: float
    r: float
    f1: float
    n: int
    empty: int


def score(pages: list[Page], texts: dict[str, str]) -> Score:
    """`score_extraction.py`'s figures, computed by its own functions."""
    precisions, recalls = [], []
    for page in pages:
        tp, fp, fn = overlap(page, texts.get(page.id, ""))
        if tp + fp > 0:
            precisions.append(SCORE.ratio(tp, fp, fn))
        if tp + fn > 0:
            recalls.append(SCORE.ratio(tp, fn, fp))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f1, len(pages), sum(1 for page in pages if not texts.get(page.id, "").strip()))


def shared_share(page: Page, text: str) -> float:
    return overlap(page, text)[0]


def catastrophes(pages: list[Page], texts: dict[str, str]) -> list[tuple[str, float, float]]:
    return [
        (p.id, shared_share(p, texts[p.id]), shared_share(p, p.baseline))
        for p in pages
        if shared_share(p, texts[p.id]) < CATASTROPHE_BELOW and shared_share(p, p.baseline) > BASELINE_ABOVE
    ]


# --- leave one set out ---------------------------------------------------------------------------


def mean_f1(data: dict[str, list[Page]], names: tuple[str, ...], config: Config) -> float:
    return statistics.fmean(score(data[n], path_texts(data[n], config)).f1 for n in names)


def choose(data: dict[str, list[Page]], names: tuple[str, ...], base: Config) -> Config:
    """Every tuned number chosen on `names` only: block-rule constants one at a time, then the
    second-opinion gate and the vote's thresholds (all combinations)."""
    config = base
    for name, values in BLOCK_GRID.items():
        start = dict(config.block)[name]
        best_value, best = start, mean_f1(data, names, config)
        for value in values:
            if value == start:
                continue
            f1 = mean_f1(data, names, with_block(config, name, value))
            if f1 > best + MIN_GAIN:
                best_value, best = value, f1
        config = with_block(config, name, best_value)
    config_f1 = mean_f1(data, names, config)
    best_config, best = config, config_f1
    for primary in PRIMARY_GRID:
        for gate in GATE_GRID:
            for combo in _product(VOTE_GRID):
                trial = replace(config, primary=primary, gate=gate, vote=Thresholds(**combo))
                f1 = mean_f1(data, names, trial)
                if f1 > best + MIN_GAIN:
                    best_config, best = trial, f1
    return choose_fallback(data, names, best_config)


def choose_fallback(data: dict[str, list[Page]], names: tuple[str, ...], config: Config) -> Config:
    """The fallback-sentence setting chosen on `names` (`FALLBACK_GRID`, each value kept only when
    it gains more than `MIN_GAIN` over the best so far), the rest of `config` as it is."""
    best_config, best = config, mean_f1(data, names, config)
    for value in FALLBACK_GRID:
        trial = replace(config, fallback_min_words=value)
        if value != config.fallback_min_words and (f1 := mean_f1(data, names, trial)) > best + MIN_GAIN:
            best_config, best = trial, f1
    return best_config


def _product(grid: dict[str, tuple[float, ...]]) -> Iterator[dict[str, float]]:
    combos: list[dict[str, float]] = [{}]
    for name, values in grid.items():
        combos = [c | {name: v} for c in combos for v in values]
    yield from combos


def describe(config: Config, against: Config | None = None) -> str:
    shipped = against or reference()
    parts = [f"{n}={v}" for (n, v), (_, w) in zip(config.block, shipped.block, strict=True) if v != w]
    if config.primary != shipped.primary:
        parts.append(f"primary={config.primary}")
    if config.gate != shipped.gate:
        parts.append(f"gate={config.gate}")
    for name in VOTE_GRID:
        if getattr(config.vote, name) != getattr(shipped.vote, name):
            parts.append(f"{name}={getattr(config.vote, name)}")
    if config.fallback_min_words != shipped.fallback_min_words:
        parts.append(f"fallback_min_words={config.fallback_min_words}")
    return ", ".join(parts) or "shipped values"


def replay_check(data: dict[str, list[Page]], config: Config, every: int = 25) -> str:
    """Every `every`-th page of each set through `transforms.html.pages.parse_html_page` itself,
    against the replay from the cache: the benchmark scores the code that ships."""
    from transforms.documents.decoding import decode_html

    same = total = 0
    for name, pages in data.items():
        for page in pages[::every]:
            html = decode_html((Path(ARGS.shared) / "data/extraction" / name / "html" / f"{page.id}.html").read_bytes())
            real = html_pages.parse_html_page(html.text or "")
            body = "\n\n".join(b.text for b in real.article.body_blocks)
            with rules_as(config):
                replayed = body_of(chosen_blocks(page, config)[0], page.metadata, rules_key(config))
            same += body == replayed
            total += 1
    return f"the same on {same} of {total} pages"


# --- cost ----------------------------------------------------------------------------------------


def timed_path(pages: list[Page], config: Config) -> tuple[dict[str, str], dict[str, float], float]:
    """The path over cached blocks, timed per page (rules), with normalisation over the set as one
    batch (its time spread evenly): the texts are `body_text` exactly as the warehouse stores it."""
    rules_ms: dict[str, float] = {}
    docs = []
    with rules_as(config, remember=False):  # timed: every line through the rules, as in the path
        for page in pages:
            blocks, _ = chosen_blocks(page, config)
            started = time.perf_counter()
            article = articles.parse_html_article(HtmlExtraction(blocks, page.metadata))
            rules_ms[page.id] = 1000 * (time.perf_counter() - started)
            docs.append(ParsedDocument(page.id, f"file:///{page.id}.html", article, page.metadata, "trafilatura"))
    started = time.perf_counter()
    frame = normalise_batch(docs).articles
    normalise_ms = 1000 * (time.perf_counter() - started) / len(pages)
    texts = dict(zip(frame["document_id"], frame["body_text"], strict=True))
    return {p.id: texts.get(p.id) or "" for p in pages}, rules_ms, normalise_ms


def cost(pages: list[Page], config: Config, rules_ms: dict[str, float], normalise_ms: float) -> dict[str, float]:
    path, extractors, baseline = [], [], []
    for page in pages:
        if config.primary == "thorough":
            asked = len(page.thorough) <= config.gate
            ex = page.ms["decode"] + page.ms["thorough_meta"] + (page.ms["readability"] if asked else 0.0)
        else:
            asked = len(page.fast) <= config.gate
            ex = page.ms["decode"] + page.ms["fast"] + (page.ms["thorough"] + page.ms["readability"] if asked else 0.0)
        extractors.append(ex)
        path.append(ex + rules_ms[page.id] + normalise_ms)
        baseline.append(page.ms["baseline"])

    def q(values: list[float], at: float) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[int(at * 100) - 1] if at < 1 else max(values)

    return {
        "baseline_median": statistics.median(baseline),
        "baseline_p90": q(baseline, 0.9),
        "extractors_median": statistics.median(extractors),
        "path_median": statistics.median(path),
        "path_p90": q(path, 0.9),
        "ratio_median": statistics.median(path) / statistics.median(baseline),
        "ratio_p90": q(path, 0.9) / q(baseline, 0.9),
        "asked_share": sum(candidates(p, config)[1] is not None for p in pages) / len(pages),
    }


# --- report --------------------------------------------------------------------------------------


def fmt(s: Score) -> str:
    return f"{s.p:.3f} | {s.r:.3f} | **{s.f1:.3f}**"


def ablations(base: Config) -> list[tuple[str, Config]]:
    rows = [
        ("− readability-lxml and the vote (trafilatura only)", replace(base, use_readability=False)),
        ("trafilatura's fast pass as primary (thorough pass on thin pages)", replace(base, primary="fast")),
        ("trafilatura's thorough pass as primary", replace(base, primary="thorough")),
        (
            "− trafilatura's thorough pass (fast pass only, then the vote)",
            replace(base, primary="fast", use_thorough=False),
        ),
        ("− the fallback's sentences (trafilatura's readability fallback)", replace(base, fallback_min_words=None)),
    ]
    rows += [(f"− block rule `{name.strip('_')}`", replace(base, off_block_rules=(name,))) for name in BLOCK_RULES]
    rows += [(f"− line rules `{name}`", replace(base, off_rule_files=(name,))) for name in RULE_FILES]
    rows.append(("− all block and line rules", replace(base, no_rules=True, off_block_rules=BLOCK_RULES)))
    return rows


def main() -> int:
    data = {name: load_set(name) for name in SETS}
    lines: list[str] = []
    out: dict[str, object] = {}
    folds = {name: choose(data, tuple(n for n in SETS if n != name), reference()) for name in SETS}
    in_set = choose(data, SETS, reference())
    ships = shipped()
    out["folds"] = {name: describe(c) for name, c in folds.items()}
    out["in_set"] = describe(in_set)

    lines += [
        "| set | pages | extractor | P | R | F1 | empty | catastrophic |",
        "|---|---|---|---|---|---|---|---|",
    ]
    totals: dict[str, list[float]] = {}
    costs: dict[str, dict[str, float]] = {}
    for name in SETS:
        pages = data[name]
        traf = {p.id: p.baseline for p in pages}
        read = {p.id: "\n\n".join(b.text for b in p.readability) for p in pages}
        path, _, _ = timed_path(pages, folds[name])
        shipped_texts, rules_ms, normalise_ms = timed_path(pages, ships)
        costs[name] = cost(pages, ships, rules_ms, normalise_ms)
        for extractor, texts in (
            ("trafilatura alone", traf),
            ("readability-lxml alone", read),
            ("newsetl, out of set", path),
            ("newsetl, shipped values (in set)", shipped_texts),
        ):
            s = score(pages, texts)
            bad = catastrophes(pages, texts)
            totals.setdefault(extractor, []).append(s.f1)
            lines.append(f"| {name} | {s.n} | {extractor} | {fmt(s)} | {s.empty} | {len(bad)} |")
            out[f"{name}/{extractor}"] = {"p": s.p, "r": s.r, "f1": s.f1, "empty": s.empty, "catastrophic": bad}
            slug = {"trafilatura alone": "trafilatura", "readability-lxml alone": "readability-lxml"}.get(extractor)
            slug = slug or ("newsetl" if "out of set" in extractor else "newsetl-shipped")
            with (Path(ARGS.cache_dir) / f"{name}.{slug}.jsonl").open("w", encoding="utf-8") as f:
                for page in pages:
                    f.write(json.dumps({"id": page.id, "text": texts[page.id]}, ensure_ascii=False) + "\n")
    lines.append("")
    lines.append(
        f"Mean F1 over the {len(SETS)} sets: " + ", ".join(f"{k} {statistics.fmean(v):.3f}" for k, v in totals.items())
    )
    lines.append("")
    lines.append(
        "Choices per fold (tuned on the two other sets; anything not listed kept its value from before issue 15):"
    )
    lines.append("")
    for name in SETS:
        lines.append(f"- reported on {name}: {describe(folds[name])}")
    lines.append(f"- in set (all three sets): {describe(in_set)}")
    lines.append(f"- shipped now: {describe(ships)}")
    lines.append(
        f"- the replay of the shipped values gives the path's own body (`parse_html_page`): {replay_check(data, ships)}"
    )
    lines.append("")
    lines += ["In-set (chosen on all three sets, reported on each; not the figure to quote):", ""]
    lines += ["| set | P | R | F1 |", "|---|---|---|---|"]
    for name in SETS:
        s = score(data[name], path_texts(data[name], in_set))
        lines.append(f"| {name} | {fmt(s)} |")
    lines.append("")

    lines += ["### Ablation (out of set: each fold with its own choices)", ""]
    lines += [
        "| variant | " + " | ".join(f"{n} F1" for n in SETS) + " | mean F1 | Δ mean |",
        "|---|" + "---|" * (len(SETS) + 2),
    ]
    full = [score(data[n], path_texts(data[n], folds[n])).f1 for n in SETS]
    lines.append(
        "| the path, all parts | " + " | ".join(f"{v:.3f}" for v in full) + f" | {statistics.fmean(full):.3f} | |"
    )
    out["ablation"] = {}
    for label, _ in ablations(reference()):
        values = []
        for n in SETS:
            variant = dict(ablations(folds[n]))[label]
            values.append(score(data[n], path_texts(data[n], variant)).f1)
        delta = statistics.fmean(values) - statistics.fmean(full)
        out["ablation"][label] = values
        lines.append(
            f"| {label} | "
            + " | ".join(f"{v:.3f}" for v in values)
            + f" | {statistics.fmean(values):.3f} | {delta:+.4f} |"
        )
    lines.append("")

    lines += fallback_table(data, ships, out)
    lines += ["### Cost per page (ms; same run, same pages)", ""]
    lines += [
        "| set | trafilatura alone median | p90 | newsetl extractors median | newsetl whole path median | p90 "
        "| whole / trafilatura median | p90 | pages given a second opinion |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in SETS:
        c = costs[name]
        lines.append(
            f"| {name} | {c['baseline_median']:.1f} | {c['baseline_p90']:.1f} | {c['extractors_median']:.1f} "
            f"| {c['path_median']:.1f} | {c['path_p90']:.1f} | {c['ratio_median']:.2f}× | {c['ratio_p90']:.2f}× "
            f"| {100 * c['asked_share']:.0f} % |"
        )
    out["cost"] = costs
    report = "\n".join(lines) + "\n"
    Path(ARGS.out).write_text(report, encoding="utf-8")
    (Path(ARGS.cache_dir) / "report.json").write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    print(report)
    return 0


def fallback_table(data: dict[str, list[Page]], ships: Config, out: dict[str, object]) -> list[str]:
    """The fallback's additions alone, leave one set out, everything else at the shipped values:
    each family's setting chosen on the two other sets (`choose_fallback`'s rule), the third scored."""
    without = replace(ships, fallback_min_words=None)
    families = {
        "sentences only (shipped family)": [replace(without, fallback_min_words=v) for v in FALLBACK_GRID],
        "any block": [replace(without, fallback_min_words=v, fallback_any_block=True) for v in FALLBACK_GRID],
    }
    families["either family"] = families["sentences only (shipped family)"] + families["any block"][1:]

    def pick(names: tuple[str, ...], options: list[Config]) -> Config:
        best_config, best = without, mean_f1(data, names, without)
        for trial in options:
            if trial != without and (f1 := mean_f1(data, names, trial)) > best + MIN_GAIN:
                best_config, best = trial, f1
        return best_config

    def label(c: Config) -> str:
        if c.fallback_min_words is None:
            return "none added"
        kind = "any block" if c.fallback_any_block else "sentences"
        return f"{kind} of >= {c.fallback_min_words} words"

    lines = ["### trafilatura's readability fallback: its sentences added (leave one set out)", ""]
    lines += [
        "Everything but the fallback setting at the shipped values. Each family's setting (the minimum"
        " words of an added block, or none added) is chosen on the two other sets; the third is scored.",
        "",
        "| variant | " + " | ".join(f"{n} F1 (R)" for n in SETS) + " | mean F1 | catastrophic |",
        "|---|" + "---|" * (len(SETS) + 2),
    ]
    rows: list[tuple[str, list[Config]]] = [
        ("shipped without the fallback's blocks", [without] * len(SETS)),
        ("shipped (sentences of any length; in set)", [ships] * len(SETS)),
    ]
    for family, options in families.items():
        rows.append(
            (f"{family}, chosen out of set", [pick(tuple(n for n in SETS if n != name), options) for name in SETS])
        )
    out["fallback"] = {}
    for title, configs in rows:
        scores = [score(data[n], path_texts(data[n], c)) for n, c in zip(SETS, configs, strict=True)]
        bad = [len(catastrophes(data[n], path_texts(data[n], c))) for n, c in zip(SETS, configs, strict=True)]
        chosen = ""
        if "chosen" in title:
            chosen = " (" + "; ".join(f"{n}: {label(c)}" for n, c in zip(SETS, configs, strict=True)) + ")"
        lines.append(
            f"| {title}{chosen} | "
            + " | ".join(f"{x.f1:.4f} ({x.r:.3f})" for x in scores)
            + f" | {statistics.fmean(x.f1 for x in scores):.4f} | {' / '.join(map(str, bad))} |"
        )
        out["fallback"][title] = {"f1": [x.f1 for x in scores], "r": [x.r for x in scores], "catastrophic": bad}
    lines.append("")
    return lines


def rule_files() -> tuple[dict[str, str], tuple[str, ...]]:
    """Each line rule's file by rule id, and the rule files' names."""
    found: dict[str, str] = {}
    data = ROOT / "transforms" / "data"
    names = sorted(p.name for p in data.iterdir() if p.name.endswith(line_rules.RULE_FILE_SUFFIX))
    for name in names:
        for raw in tomllib.loads((data / name).read_text("utf-8"))["rule"]:
            found[raw["id"]] = name
    return found, tuple(names)


def configure(args: argparse.Namespace) -> None:
    """This module's run settings (the arguments, the scorer, the rule files and rules), for its own
    run and for the scripts that reuse its steps (bench/extraction_model.py, extraction_votes.py)."""
    global ARGS, SCORE, RULE_FILE, RULE_FILES, ALL_RULES
    ARGS = args
    SCORE = scorer(args.shared)
    RULE_FILE, RULE_FILES = rule_files()
    ALL_RULES = line_rules.load_rules()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache-dir", default=str(ROOT / "bench" / "results" / "extraction"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "extraction" / "report.md"))
    configure(parser.parse_args())
    sys.exit(main())
