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
from transforms.dates.article_dates import PUBLISHED_ORDER, DateCandidate, DateValue, choose_dates  # noqa: E402
from transforms.metadata.outlets import registrable_domain  # noqa: E402
from transforms.metadata.titles import CORROBORATE, TITLE_ORDER, pick_title, site_affixes, title_options  # noqa: E402

DATE_SOURCES = ("jsonld", "meta", "url", "htmldate", "visible_text")
TITLE_SOURCES = ("og_title", "twitter_title", "jsonld", "h1", "extractor", "title")
ROOT = Path(__file__).resolve().parent.parent


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


def _gold(name: str) -> dict[str, dict]:
    return {str(g["id"]): g for g in _rows(OUT / f"{name}.gold.jsonl")}


def date_accuracy(gold: dict[str, dict], candidates: dict[str, list[DateCandidate]], order: tuple[str, ...]) -> float:
    dated = [i for i, g in gold.items() if (g.get("publish_date") or "")[:10]]
    ok = 0
    for i in dated:
        chosen = choose_dates(candidates.get(i, []), SEEN_AT, ("sidecar", *order)).published.value
        ok += chosen is not None and chosen.local_date.isoformat() == gold[i]["publish_date"][:10]
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
    orders = _orders(DATE_SOURCES)
    print("## Dates: the published-date source order, tuned on one wcxb half, reported on the other")
    print("| reported on | tuned on | order chosen | day exact (out of set) | shipped order | in-set best |")
    print("|---|---|---|---|---|---|")
    for report, tune in (("a", "b"), ("b", "a")):
        best = max(orders, key=lambda o: (date_accuracy(halves[tune], candidates, o), -orders.index(o)))
        in_set = max(date_accuracy(halves[report], candidates, o) for o in orders)
        shipped = date_accuracy(halves[report], candidates, PUBLISHED_ORDER[1:])
        print(
            f"| wcxb-{report} | wcxb-{tune} | {' > '.join(best)} | "
            f"{date_accuracy(halves[report], candidates, best):.3f} | {shipped:.3f} | {in_set:.3f} |"
        )
    print("\n## Dates: ablation of the shipped order (one source left out), day exact")
    print("| left out | wcxb-a | wcxb-b |")
    print("|---|---|---|")
    shipped = tuple(s for s in PUBLISHED_ORDER if s != "sidecar")
    for left_out in (None, *shipped):
        order = tuple(s for s in shipped if s != left_out)
        cells = " | ".join(f"{date_accuracy(halves[h], candidates, order):.3f}" for h in "ab")
        print(f"| {left_out or '(none: shipped)'} | {cells} |")


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
    print("\n## Titles: what the site-name cut buys (shipped order), title exact")
    print("| variant | wcxb | readability |")
    print("|---|---|---|")
    for label, affix_on, cut_on in (("shipped", True, True), ("no learned affixes", False, True)):
        cells = []
        for name in ("wcxb", "readability"):
            g, m, a = sets[name]
            cells.append(f"{title_accuracy(g, m, TITLE_ORDER, a if affix_on else {}):.3f}")
        if cut_on:
            print(f"| {label} | {' | '.join(cells)} |")


def main() -> int:
    dates()
    titles()
    return 0


if __name__ == "__main__":
    sys.exit(main())
