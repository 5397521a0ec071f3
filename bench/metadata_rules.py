"""The metadata rules chosen leave one set out, from what bench/metadata.py dumped.

    python bench/metadata_rules.py            # after python bench/metadata.py

Dates (only wcxb has gold dates): every order of the page's date sources (jsonld, meta, url,
htmldate, visible_text) is scored on one wcxb half (split by registrable domain, fixed seed) and
the best is reported on the other half, both ways; ablations drop one source at a time.
Titles (wcxb and readability have gold titles): every order of the title sources is tuned on one
set and reported on the other (and on the wcxb halves). Scores are the reference scorer's exact
day and exact title (NFKC, case-folded, whitespace-collapsed). Prints the tables BENCHMARKS.md
quotes; the orders the code ships are `transforms.dates.article_dates.PUBLISHED_ORDER` and
`transforms.metadata.titles.TITLE_ORDER`.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metadata import OUT, SEEN_AT, _scorer  # noqa: E402
from transforms.dates.article_dates import (
    PUBLISHED_BY_AGREEMENT,
    PUBLISHED_ORDER,
    DateCandidate,
    DateValue,
    choose_dates,
)  # noqa: E402
from transforms.metadata.outlets import registrable_domain  # noqa: E402
from transforms.metadata.titles import CORROBORATE, TITLE_ORDER, pick_title, site_affixes, title_options  # noqa: E402

DATE_SOURCES = ("jsonld", "meta", "url", "htmldate", "visible_text")
TITLE_SOURCES = ("og_title", "twitter_title", "jsonld", "h1", "extractor", "title")
ROOT = Path(__file__).resolve().parent.parent


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


def _gold(name: str) -> dict[str, dict]:
    return {str(g["id"]): g for g in _rows(OUT / f"{name}.gold.jsonl")}


def date_accuracy(
    gold: dict[str, dict], candidates: dict[str, list[DateCandidate]], order: tuple[str, ...], agree: bool = False
) -> float:
    day = _scorer(ROOT.parent / "shared").day  # the reference scorer's reading of a gold day
    dated = [i for i, g in gold.items() if day(g.get("publish_date"))]
    ok = 0
    for i in dated:
        chosen = choose_dates(candidates.get(i, []), SEEN_AT, ("sidecar", *order), agree).published.value
        ok += chosen is not None and chosen.local_date == day(gold[i]["publish_date"])
    return ok / len(dated) if dated else float("nan")


def _candidates() -> dict[str, list[DateCandidate]]:
    found: dict[str, list[DateCandidate]] = defaultdict(list)
    for c in _rows(OUT / "wcxb.candidates.jsonl"):
        value = DateValue(
            datetime.fromisoformat(c["value"]), c["precision"], date.fromisoformat(c["local_date"]), c["offset"]
        )
        found[str(c["id"])].append(DateCandidate(c["field"], c["source"], value, c["raw"]))
    return found


def _orders(sources: tuple[str, ...]) -> list[tuple[str, ...]]:
    return list(itertools.permutations(sources))


def dates() -> None:
    candidates = _candidates()
    halves = {h: _gold(f"wcxb-{h}") for h in "ab"}
    rules = [(o, agree) for o in _orders(DATE_SOURCES) for agree in (False, True)]

    def label(rule: tuple) -> str:
        return ("most sources' day, ties: " if rule[1] else "first of: ") + " > ".join(rule[0])

    shipped_rule = (tuple(s for s in PUBLISHED_ORDER if s != "sidecar"), PUBLISHED_BY_AGREEMENT)
    print("## Dates: the published-date rule (source order; first source or most sources' day), tuned on one wcxb half")
    print("| reported on | tuned on | rule chosen | day exact (out of set) | shipped rule | in-set best |")
    print("|---|---|---|---|---|---|")
    for report, tune in (("a", "b"), ("b", "a")):
        best = max(rules, key=lambda r: (date_accuracy(halves[tune], candidates, *r), -rules.index(r)))
        in_set = max(date_accuracy(halves[report], candidates, *r) for r in rules)
        shipped = date_accuracy(halves[report], candidates, *shipped_rule)
        print(
            f"| wcxb-{report} | wcxb-{tune} | {label(best)} | "
            f"{date_accuracy(halves[report], candidates, *best):.3f} | {shipped:.3f} | {in_set:.3f} |"
        )
    print(f"\nshipped: {label(shipped_rule)}")
    print("\n## Dates: ablation of the shipped rule, day exact")
    print("| variant | wcxb-a | wcxb-b |")
    print("|---|---|---|")
    order, agree = shipped_rule
    variants = [("shipped", order, agree), ("first source, no agreement", order, not agree)]
    variants += [(f"without {s}", tuple(x for x in order if x != s), agree) for s in order]
    for name, o, a in variants:
        cells = " | ".join(f"{date_accuracy(halves[h], candidates, o, a):.3f}" for h in "ab")
        print(f"| {name} | {cells} |")


def _title_inputs(name: str) -> dict[str, dict]:
    return {str(m["id"]): m for m in _rows(OUT / f"{name}.markup.jsonl")}


def title_accuracy(
    gold: dict[str, dict], markups: dict[str, dict], order: tuple[str, ...], affixes: dict, corroborate=("h1",)
) -> float:
    norm = _scorer(ROOT.parent / "shared").norm
    titled = [i for i, g in gold.items() if norm(g.get("title"))]
    ok = 0
    for i in titled:
        m = markups.get(i)
        if not m:
            continue
        key = ("_options", id(affixes))
        if key not in m:  # the cut does not depend on the order: once per page and affix set
            m[key] = title_options(*_title_args(m), affixes=affixes.get(m["_domain"], frozenset()))
        title, _ = pick_title(m[key], order, corroborate)
        ok += norm(title) == norm(gold[i]["title"])
    return ok / len(titled) if titled else float("nan")


def _title_args(m: dict) -> tuple[list[tuple[str, str]], list[str], str | None]:
    candidates = [tuple(t) for t in m.get("titles") or []]
    if m.get("extractor_title"):
        candidates.append(("extractor", m["extractor_title"]))
    site_names = list(m.get("site_names") or []) + ([m["extractor_site_name"]] if m.get("extractor_site_name") else [])
    return candidates, site_names, m["_domain"]  # type: ignore[return-value]


def titles() -> None:
    sets: dict[str, tuple[dict, dict, dict]] = {}
    for name in ("wcxb", "readability", "wcxb-a", "wcxb-b"):
        gold = _gold(name)
        markups = _title_inputs(name.split("-")[0])
        for m in markups.values():
            urls = [gold.get(m["id"], {}).get("url"), *(m.get("urls") or [])]
            m["_domain"] = next((d for d in map(registrable_domain, urls) if d), None)
        learned = site_affixes(
            (m["_domain"], [t for _, t in _title_args(m)[0]]) for m in markups.values() if m["id"] in gold
        )
        sets[name] = (gold, markups, learned)
    orders = _orders(TITLE_SOURCES)
    rules = [(o, c) for o in orders for c in ((), ("h1",))]

    def label(rule: tuple) -> str:
        return " > ".join(rule[0]) + (" (h1 when corroborated)" if rule[1] else "")

    print("\n## Titles: the title source order (and whether an h1 needs another title to hold it), tuned on one set")
    print("| reported on | tuned on | rule chosen | title exact (out of set) | shipped rule | in-set best |")
    print("|---|---|---|---|---|---|")
    for report, tune in (("readability", "wcxb"), ("wcxb", "readability"), ("wcxb-a", "wcxb-b"), ("wcxb-b", "wcxb-a")):
        g, m, a = sets[tune]
        best = max(rules, key=lambda r: (title_accuracy(g, m, r[0], a, r[1]), -rules.index(r)))
        g, m, a = sets[report]
        in_set = max(title_accuracy(g, m, r[0], a, r[1]) for r in rules)
        print(
            f"| {report} | {tune} | {label(best)} | {title_accuracy(g, m, best[0], a, best[1]):.3f} | "
            f"{title_accuracy(g, m, TITLE_ORDER, a, tuple(CORROBORATE)):.3f} | {in_set:.3f} |"
        )
    print("\n## Titles: what each part buys (the shipped order), title exact")
    print("| variant | wcxb | readability |")
    print("|---|---|---|")
    variants = (
        ("shipped", True, True, tuple(CORROBORATE)),
        ("no learned affixes", False, True, tuple(CORROBORATE)),
        ("no site-name cut at all", False, False, tuple(CORROBORATE)),
        ("h1 only when another title holds it", True, True, ("h1",)),
    )
    for label_, affix_on, cut_on, corroborate in variants:
        cells = []
        for name in ("wcxb", "readability"):
            g, m, a = sets[name]
            if not cut_on:  # no site names, no domain, no affixes: nothing is ever cut
                m = {i: {**x, "site_names": [], "extractor_site_name": None, "_domain": None} for i, x in m.items()}
                m = {i: {k: v for k, v in x.items() if not isinstance(k, tuple)} for i, x in m.items()}
            cells.append(f"{title_accuracy(g, m, TITLE_ORDER, a if affix_on else {}, corroborate):.3f}")
        print(f"| {label_} | {' | '.join(cells)} |")


def main() -> int:
    dates()
    if "--dates" not in sys.argv:
        titles()
    return 0


if __name__ == "__main__":
    sys.exit(main())
