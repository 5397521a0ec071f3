"""The metadata rules chosen leave one set out, from what bench/metadata.py dumped.

    python bench/metadata_rules.py            # after python bench/metadata.py
    python bench/metadata_rules.py --authors  # one part only (--dates, --titles, --authors)

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

import transforms.metadata.authors as authors_module  # noqa: E402
from bench.metadata import OUT, PERSON, SEEN_AT, _scorer, stray_kinds  # noqa: E402
from transforms.dates.article_dates import (  # noqa: E402
    PRINTED_DATE_TOLERANCE_DAYS,
    PUBLISHED_BY_AGREEMENT,
    PUBLISHED_ORDER,
    STRUCTURED,
    DateCandidate,
    DateValue,
    choose_dates,
)
from transforms.dates.page_dates import (  # noqa: E402
    HEADLINE_AFTER_CHARS,
    HEADLINE_BEFORE_CHARS,
    LABELLED_FALLBACK,
    LABELLED_ORIGINAL_FIRST,
    HeadlineDate,
    LabelledDate,
    headline_candidates,
    labelled_candidates,
)
from transforms.metadata.authors import (  # noqa: E402
    BYLINE_AFTER_CHARS,
    BYLINE_BEFORE_CHARS,
    BYLINE_EVIDENCE,
    CREDIT_SOURCES,
    Credits,
    credits_from,
    credits_of,
    first_credited,
    headline_credits,
    sort_credits,
)
from transforms.metadata.outlets import registrable_domain  # noqa: E402
from transforms.metadata.titles import CORROBORATE, TITLE_ORDER, pick_title, site_affixes, title_options  # noqa: E402

DATE_SOURCES = ("jsonld", "meta", "url", "htmldate", "visible_text")
TITLE_SOURCES = ("og_title", "twitter_title", "jsonld", "h1", "extractor", "title")
ROOT = Path(__file__).resolve().parent.parent


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


def _gold(name: str) -> dict[str, dict]:
    return {str(g["id"]): g for g in _rows(OUT / f"{name}.gold.jsonl")}


PrintedRule = tuple[int, int, int | None]  # (characters after the headline, before it, tolerance in days)
AFTER_GRID = (0, 100, 200, 300, 400, 600, 1000)
BEFORE_GRID = (0, 25, 50, 100, 200, 400)
TOLERANCE_GRID: tuple[int | None, ...] = (None, 0, 1, 2)
LabelledRule = tuple[
    bool, bool
]  # (an "originally published" date first, the first labelled date when no headline date)
LABELLED_RULES: tuple[LabelledRule, ...] = (
    (False, False),
    (False, True),
    (True, False),
    (True, True),
)  # ties: the first
SHIPPED_LABELLED: LabelledRule = (LABELLED_ORIGINAL_FIRST, LABELLED_FALLBACK)


def _value(c: dict) -> DateValue:
    return DateValue(
        datetime.fromisoformat(c["value"]),
        c["precision"],
        date.fromisoformat(c["local_date"]),
        c.get("offset_minutes", c.get("offset")),
    )


class Dated:
    """wcxb's date candidates without the page's printed dates, every date printed near each
    headline, every date labelled published, and the candidates with the printed dates of a given
    window and labelled rule (cached)."""

    def __init__(self) -> None:
        self.base: dict[str, list[DateCandidate]] = defaultdict(list)
        for c in _rows(OUT / "wcxb.candidates.jsonl"):
            if not c.get("headline"):
                self.base[str(c["id"])].append(DateCandidate(c["field"], c["source"], _value(c), c["raw"]))
        self.printed: dict[str, list[HeadlineDate]] = defaultdict(list)
        for h in _rows(OUT / "wcxb.headline.jsonl"):
            self.printed[str(h["id"])].append(HeadlineDate(h["offset"], h["field"], _value(h), h["raw"]))
        self.labelled: dict[str, list[LabelledDate]] = defaultdict(list)
        for h in _rows(OUT / "wcxb.labelled.jsonl"):
            self.labelled[str(h["id"])].append(LabelledDate(h["original"], _value(h), h["raw"]))
        self._built: dict[tuple[int, int, LabelledRule], dict[str, list[DateCandidate]]] = {}

    def with_window(
        self, after: int, before: int, labelled: LabelledRule = SHIPPED_LABELLED
    ) -> dict[str, list[DateCandidate]]:
        if (after, before, labelled) not in self._built:
            built = {}
            for i in set(self.base) | set(self.printed) | set(self.labelled):
                base = self.base.get(i, [])
                structured = [c for c in base if c.source in STRUCTURED]
                printed = headline_candidates(self.printed.get(i, []), structured, after, before)
                printed = labelled_candidates(self.labelled.get(i, []), printed, *labelled)
                # the page's candidates come before the text's printed stamps, as in the ingest
                built[i] = [c for c in base if c.source != "visible_text"] + printed
                built[i] += [c for c in base if c.source == "visible_text"]
            self._built[(after, before, labelled)] = built
        return self._built[(after, before, labelled)]


def date_accuracy(
    gold: dict[str, dict],
    dated: Dated,
    order: tuple[str, ...],
    agree: bool = False,
    printed: PrintedRule = (HEADLINE_AFTER_CHARS, HEADLINE_BEFORE_CHARS, PRINTED_DATE_TOLERANCE_DAYS),
    labelled: LabelledRule = SHIPPED_LABELLED,
) -> float:
    day = _scorer(ROOT.parent / "shared").day  # the reference scorer's reading of a gold day
    candidates = dated.with_window(printed[0], printed[1], labelled)
    dated_ids = [i for i, g in gold.items() if day(g.get("publish_date"))]
    ok = 0
    for i in dated_ids:
        chosen = choose_dates(candidates.get(i, []), SEEN_AT, ("sidecar", *order), agree, printed[2]).published.value
        ok += chosen is not None and chosen.local_date == day(gold[i]["publish_date"])
    return ok / len(dated_ids) if dated_ids else float("nan")


def _orders(sources: tuple[str, ...]) -> list[tuple[str, ...]]:
    return list(itertools.permutations(sources))


def _printed_label(rule: PrintedRule) -> str:
    after, before, tolerance = rule
    if not after and not before:
        return "no headline date"
    wins = "only votes" if tolerance is None else f"wins unless the markup is within {tolerance} d"
    return f"headline date ({after} chars after, {before} before) {wins}"


def _labelled_label(rule: LabelledRule) -> str:
    parts = ["'originally published' date first"] if rule[0] else []
    parts += ["a 'Published' date when no headline date"] if rule[1] else []
    return " + ".join(parts) or "no labelled date"


def dates() -> None:
    dated = Dated()
    halves = {h: _gold(f"wcxb-{h}") for h in "ab"}
    rules = [(o, agree) for o in _orders(DATE_SOURCES) for agree in (False, True)]
    printed_rules: list[PrintedRule] = [
        (a, b, t) for a in AFTER_GRID for b in BEFORE_GRID for t in TOLERANCE_GRID if a or b or t is None
    ]

    def label(rule: tuple) -> str:
        return ("most sources' day, ties: " if rule[1] else "first of: ") + " > ".join(rule[0])

    shipped_rule = (tuple(s for s in PUBLISHED_ORDER if s != "sidecar"), PUBLISHED_BY_AGREEMENT)
    shipped_printed: PrintedRule = (HEADLINE_AFTER_CHARS, HEADLINE_BEFORE_CHARS, PRINTED_DATE_TOLERANCE_DAYS)
    print("## Dates: the published-date rule, tuned on one wcxb half, reported on the other")
    print(
        "First the printed date (the window around the headline, and how far the markup may be from it"
        " before the printed day wins), with the shipped source order; then the source order and"
        " agreement, with the printed rule chosen first. The dates labelled published anywhere on the page"
        " (page_dates.labelled_dates) are chosen between the two (ties: the rule without them).\n"
    )
    print(
        "| reported on | tuned on | printed date chosen | labelled date chosen | order chosen"
        " | day exact (out of set) | shipped | in-set best |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for report, tune in (("a", "b"), ("b", "a")):
        best_printed = max(
            printed_rules,
            key=lambda p: (
                date_accuracy(halves[tune], dated, *shipped_rule, p, SHIPPED_LABELLED),
                -printed_rules.index(p),
            ),
        )
        best_labelled = max(
            LABELLED_RULES,
            key=lambda r: (
                date_accuracy(halves[tune], dated, *shipped_rule, best_printed, r),
                -LABELLED_RULES.index(r),
            ),
        )
        best = max(
            rules,
            key=lambda r: (date_accuracy(halves[tune], dated, *r, best_printed, best_labelled), -rules.index(r)),
        )
        in_set = max(
            date_accuracy(halves[report], dated, *shipped_rule, p, r) for p in printed_rules for r in LABELLED_RULES
        )
        shipped = date_accuracy(halves[report], dated, *shipped_rule, shipped_printed)
        out_of_set = date_accuracy(halves[report], dated, *best, best_printed, best_labelled)
        print(
            f"| wcxb-{report} | wcxb-{tune} | {_printed_label(best_printed)} | {_labelled_label(best_labelled)}"
            f" | {label(best)} | {out_of_set:.3f} | {shipped:.3f} | {in_set:.3f} |"
        )
    print(f"\nshipped: {_printed_label(shipped_printed)}; {_labelled_label(SHIPPED_LABELLED)}; {label(shipped_rule)}")
    print("\n## Dates: ablation of the shipped rule, day exact")
    print("| variant | wcxb-a | wcxb-b |")
    print("|---|---|---|")
    order, agree = shipped_rule
    after, before, tolerance = shipped_printed
    shipped_labelled = SHIPPED_LABELLED
    variants: list[tuple[str, tuple[str, ...], bool, PrintedRule, LabelledRule]] = [
        ("shipped", order, agree, shipped_printed, shipped_labelled),
        ("no headline or labelled date (the rule before both)", order, agree, (0, 0, None), (False, False)),
    ]
    variants += [
        (f"labelled dates: {_labelled_label(r)}", order, agree, shipped_printed, r)
        for r in LABELLED_RULES
        if r != shipped_labelled
    ]
    variants += [
        ("no headline date", order, agree, (0, 0, None), shipped_labelled),
        ("headline date only votes", order, agree, (after, before, None), shipped_labelled),
        ("headline date after the <h1> only", order, agree, (after, 0, tolerance), shipped_labelled),
        ("printed date wins even a day off the markup", order, agree, (after, before, -1), shipped_labelled),
        ("first source, no agreement", order, not agree, shipped_printed, shipped_labelled),
    ]
    variants += [
        (f"without {s}", tuple(x for x in order if x != s), agree, shipped_printed, shipped_labelled) for s in order
    ]
    for name, o, a, p, r in variants:
        cells = " | ".join(f"{date_accuracy(halves[h], dated, o, a, p, r):.3f}" for h in "ab")
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


def _author_score(
    gold: dict[str, dict],
    markups: dict[str, dict],
    rule: tuple | None,
    show: bool = False,
    order: tuple[str, ...] = CREDIT_SOURCES,
) -> tuple[float, float, float, float]:
    """(people-only token-set F1, credits F1 (people and credit_organisations as one list), share
    of person pages given (a) no person as a person, (b) another person: bench/metadata.py's
    stray measures) of the credits the ingest makes from the dumped markup (`replay_credits`),
    with the headline's byline as the last source when `rule` (after, before, evidence) is given.
    A stray name no hand label covers counts in (a) (`show` prints them)."""
    scorer = _scorer(ROOT.parent / "shared")
    authored = [i for i, g in gold.items() if scorer.names(g.get("author"))]
    f1 = credit_f1 = other = person = 0.0
    for i in authored:
        m = markups.get(i)
        found = replay_credits(m, rule, order) if m else Credits()
        names = scorer.names(list(found.authors))
        wanted = scorer.names(gold[i].get("author"))
        f1 += scorer.token_f1(wanted, names)
        credit_f1 += scorer.token_f1(wanted, scorer.names(list(found.authors + found.organisations)))
        kinds = stray_kinds(wanted, names)
        other += bool(kinds - {PERSON})
        person += PERSON in kinds
        if show and kinds - {PERSON}:
            print(f"  (a) page {i}: {names} (gold {gold[i].get('author')!r})")
    n = len(authored)
    return (f1 / n, credit_f1 / n, other / n, person / n) if n else (float("nan"),) * 4  # type: ignore[return-value]


def replay_credits(m: dict, rule: tuple | None, order: tuple[str, ...] = CREDIT_SOURCES) -> Credits:
    """`_credits` then `sort_credits` of transforms/frames/normalise.py on one page's dumped markup:
    the first of `order` (text byline, extractor's author, the markup's authors, the headline's
    byline with `rule`; None: no headline byline) that names a person."""
    extractor = credits_from(m.get("extractor_author"))
    sources = {
        "text": Credits(tuple(m.get("byline_authors") or ())),
        "extractor": extractor,
        "markup": credits_of(m.get("people") or ()),
        "headline": headline_credits([tuple(b) for b in m.get("bylines") or []], *rule) if rule else Credits(),
    }
    extras = Credits((), extractor.roles, extractor.emails, extractor.agencies, extractor.organisations)
    found = first_credited([sources[name] for name in order]) + extras
    site_names = [*(m.get("site_names") or []), *([m["extractor_site_name"]] if m.get("extractor_site_name") else [])]
    if m.get("_domain"):
        site_names.append(m["_domain"].split(".")[0])
    return sort_credits(found, site_names, m.get("organisations") or (), m.get("persons") or ())


BYLINE_AFTER_GRID = (100, 200, 300, 600)
BYLINE_BEFORE_GRID = (0, 50, 100, 200, 600)
EVIDENCE_GRID = (
    frozenset({"href", "markup", "class", "label"}),
    frozenset({"href", "markup", "label"}),
    frozenset({"href", "markup"}),
)


def authors() -> None:
    sets: dict[str, tuple[dict, dict]] = {}
    for name in ("wcxb", "readability", "wcxb-a", "wcxb-b"):
        gold = _gold(name)
        markups = _title_inputs(name.split("-")[0])
        for m in markups.values():
            urls = [gold.get(m["id"], {}).get("url"), *(m.get("urls") or [])]
            m["_domain"] = next((d for d in map(registrable_domain, urls) if d), None)
        sets[name] = (gold, markups)
    rules = [(a, b, e) for a in BYLINE_AFTER_GRID for b in BYLINE_BEFORE_GRID for e in EVIDENCE_GRID]

    def label(rule: tuple | None) -> str:
        if rule is None:
            return "no headline byline"
        return f"headline byline ({rule[0]} chars after, {rule[1]} before; {', '.join(sorted(rule[2]))})"

    def better(score: tuple[float, float, float, float]) -> float:
        return score[1] - score[2] - score[3]  # credits F1, less the stray names it costs

    shipped = (BYLINE_AFTER_CHARS, BYLINE_BEFORE_CHARS, BYLINE_EVIDENCE)
    orders = _orders(CREDIT_SOURCES)
    print("\n## Authors: the order of the credit sources, then the headline byline's window, tuned on one set")
    print(
        "First the order of the sources (the first that names a person wins) with the shipped byline rule, then"
        " the byline rule with that order; chosen by credits F1 less the stray names (a) and (b).\n"
    )
    print(
        "| reported on | tuned on | order chosen | byline rule chosen | people-only F1 | credits F1"
        " | (a) no person as one | (b) another person | shipped: F1 | credits F1 | (a) | (b) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for report, tune in (("wcxb-a", "wcxb-b"), ("wcxb-b", "wcxb-a"), ("readability", "wcxb"), ("wcxb", "readability")):
        g, m = sets[tune]
        order = max(orders, key=lambda o: (better(_author_score(g, m, shipped, order=o)), -orders.index(o)))
        best = max(rules, key=lambda r: (better(_author_score(g, m, r, order=order)), -rules.index(r)))
        if better(_author_score(g, m, None, order=order)) >= better(_author_score(g, m, best, order=order)):
            best = None
        g, m = sets[report]
        chosen = " | ".join(f"{x:.3f}" for x in _author_score(g, m, best, order=order))
        as_shipped = " | ".join(f"{x:.3f}" for x in _author_score(g, m, shipped))
        print(f"| {report} | {tune} | {' > '.join(order)} | {label(best)} | {chosen} | {as_shipped} |")
    print(f"\nshipped: {' > '.join(CREDIT_SOURCES)}; {label(shipped)}")
    print("\n## Authors: ablation of the shipped sources")
    print("| variant | set | people-only F1 | credits F1 | (a) no person as one | (b) another person |")
    print("|---|---|---|---|---|---|")
    source_variants = [("shipped", CREDIT_SOURCES, shipped), ("no headline byline", CREDIT_SOURCES, None)]
    source_variants += [
        (f"without {s}", tuple(x for x in CREDIT_SOURCES if x != s), shipped) for s in CREDIT_SOURCES if s != "headline"
    ]
    for name, order, rule in source_variants:
        for subset in ("wcxb-a", "wcxb-b", "readability"):
            g, m = sets[subset]
            cells = " | ".join(f"{x:.3f}" for x in _author_score(g, m, rule, order=order))
            print(f"| {name} | {subset} | {cells} |")
    print("\n## Authors: the credit cleaning rules (authors.CREDIT_RULES), each dropped in turn, shipped byline rule")
    print("| variant | set | people-only F1 | credits F1 | (a) no person as one | (b) another person |")
    print("|---|---|---|---|---|---|")
    shipped_rules = authors_module.CREDIT_RULES
    variants = [("shipped", shipped_rules), ("none of them (the rules before)", frozenset())]
    variants += [(f"without {r}", shipped_rules - {r}) for r in sorted(shipped_rules)]
    try:
        for name, enabled in variants:
            authors_module.CREDIT_RULES = enabled
            for subset in ("wcxb-a", "wcxb-b", "readability"):
                g, m = sets[subset]
                cells = " | ".join(f"{x:.3f}" for x in _author_score(g, m, shipped, show=name == "shipped"))
                print(f"| {name} | {subset} | {cells} |")
    finally:
        authors_module.CREDIT_RULES = shipped_rules


def main() -> int:
    parts = [a.removeprefix("--") for a in sys.argv[1:]] or ["dates", "titles", "authors"]
    for part in parts:
        {"dates": dates, "titles": titles, "authors": authors}[part]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
