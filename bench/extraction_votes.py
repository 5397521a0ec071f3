"""Block votes with cheap extra opinions (issue 15 points 1-4): resiliparse as a third extractor,
a cheap signal deciding when the slow second opinion is asked, and trafilatura's recall mode as a
candidate source, all scored leave one set out against the shipped path in the same run.

    python bench/extraction_votes.py [--shared ../shared] [--cache-dir bench/results/extraction]
                                     [--out bench/results/extraction/votes.md]

Reads the extractor caches (`bench/extraction_cache.py`, with `--add-justext`, `--add-resiliparse`
and `--add-recall`): nothing is extracted here.
- Base: the shipped path's blocks (trafilatura's thorough pass; the shipped vote on one-block pages),
  replayed as `bench/extraction.py` does.
- A vote adds blocks only (nothing the path keeps is dropped, so every removed span keeps the rule
  id it had): for each candidate source in turn, the blocks of that source that are not already in
  the kept text (under half of their word 4-grams found there; `transforms.html.block_model.candidates`,
  placed after the kept block their predecessor matched) are added when at least `k` extractors hold
  them: the source itself and each confirming extractor whose text holds at least `share` of the
  block's 4-grams (trafilatura, which lacks them, counts as a "no"). "2 of 3" is k = 2 over
  trafilatura, the source and one confirmer; "3 of 4" k = 3 over trafilatura and three others.
  One variant also drops the trafilatura blocks no other extractor holds (the majority both ways,
  Bevendorff et al.); its dropped blocks carry the extractors asked.
- The cheap signal (point 2): resiliparse's text outside trafilatura's (the share of its 4-grams
  not in trafilatura's text). The slow opinions (readability-lxml, jusText) are asked only when it
  is over `X`; below, the page keeps the shipped blocks. A readability-lxml block can be confirmed
  by resiliparse only when resiliparse has text trafilatura lacks, so at X = 0 the 2-of-3 vote with
  resiliparse is unchanged and the asking is free of loss.
- Leave one set out: `X` and `share` are chosen on the two other sets (mean F1 of the two; the
  largest X whose mean F1 is within `MIN_GAIN` of the best: the cheapest that does as well) and
  the third set is scored with them. Fixed variants (nothing chosen) are out of set by construction.
- Catastrophic pages (point 4) and the cost per page (the cache's timings: decode + trafilatura's
  thorough pass with metadata + each opinion asked; the shipped gate's readability-lxml calls
  included) against trafilatura alone timed in the same cache run, median and p90.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench.extraction as ex  # noqa: E402
from transforms.html import articles  # noqa: E402
from transforms.html.block_model import DUPLICATE_SHARE, TextShares, candidates  # noqa: E402
from transforms.html.blocks import HtmlBlock, HtmlExtraction  # noqa: E402

SETS = ex.SETS
MIN_GAIN = ex.MIN_GAIN
GATE_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)  # ask the slow opinions when resiliparse's outside share > X
SHARE_GRID = (0.5, 0.7, 0.9)
MIN_WORDS_GRID = (0, 4, 8, 15)
MAX_LINK_GRID = (1.01, 0.5)
OPINIONS = ("readability", "resiliparse", "justext", "recall")
SLOW = frozenset({"readability", "justext"})


@dataclass
class Extra:
    """A page's extra opinions (blocks) and the texts to ask how much of a block each holds."""

    blocks: dict[str, tuple[HtmlBlock, ...]]
    shares: dict[str, TextShares]
    resiliparse_outside: float  # share of resiliparse's 4-grams not in trafilatura's text


def load_extras(name: str, pages: list[ex.Page]) -> dict[str, Extra]:
    with (Path(ARGS.cache_dir) / f"cache-{name}.jsonl").open(encoding="utf-8") as f:
        rows = {row["id"]: row for row in map(json.loads, f)}
    for key in ("justext", "resiliparse", "recall"):
        if any(key not in row for row in rows.values()):
            raise SystemExit(f"{name}: no {key} in the cache; run bench/extraction_cache.py --add-{key}")
    out = {}
    for p in pages:
        row = rows[p.id]
        for key in ("justext", "resiliparse", "recall", "baseline_again"):
            p.ms[key] = row["ms"][key]
        blocks = {
            "readability": p.readability,
            "resiliparse": tuple(HtmlBlock(*b) for b in row["resiliparse"]),
            "justext": tuple(HtmlBlock("paragraph", t, 0, 0) for t in row["justext"]),
            "recall": tuple(HtmlBlock(*b) for b in row["recall"]),
        }
        shares = {k: TextShares(v) for k, v in blocks.items()}
        traf = TextShares(p.thorough)
        resili = shares["resiliparse"]
        n = sum(resili.shingles.values())
        outside = 1.0 - sum((resili.shingles & traf.shingles).values()) / n if n else 0.0
        out[p.id] = Extra(blocks, shares, outside)
    return out


@dataclass(frozen=True)
class Vote:
    """Blocks of `sources` missing from the kept text are added when >= k extractors hold them
    (the source and those of `confirmers` holding >= share of it); `drop`: trafilatura blocks none
    of the confirmers holds go. `gate`: the slow opinions are asked only when resiliparse's
    outside share is over it (None: always)."""

    sources: tuple[str, ...]
    confirmers: tuple[str, ...]
    k: int
    share: float = DUPLICATE_SHARE
    drop: bool = False
    gate: float | None = None
    min_words: int = 0  # a block to add has at least this many words ...
    max_link: float = 1.01  # ... and a link density under this

    def asked(self, extra: Extra) -> bool:
        return self.gate is None or extra.resiliparse_outside > self.gate

    def uses(self) -> frozenset[str]:
        return frozenset(self.sources) | frozenset(self.confirmers)


@dataclass
class Outcome:
    blocks: tuple[HtmlBlock, ...]
    added: list[tuple[HtmlBlock, str]]  # each added block and the extractors that held it
    dropped: list[tuple[HtmlBlock, str]]


def voted(base: tuple[HtmlBlock, ...], extra: Extra, vote: Vote) -> Outcome:
    if not vote.asked(extra) or not base:
        return Outcome(base, [], [])
    kept = base
    added: list[tuple[HtmlBlock, str]] = []
    for source in vote.sources:
        found = candidates(kept, extra.blocks[source])
        out = []
        for c in found:
            if c.sources == ("readability",):  # `candidates` names its second extractor "readability"
                if len(c.block.text.split()) < vote.min_words or c.block.link_density >= vote.max_link:
                    continue
                holders = [source] + [
                    o
                    for o in vote.confirmers
                    if o != source and extra.shares[o].share_of_text(c.block.text) >= vote.share
                ]
                if len(holders) < vote.k:
                    continue
                added.append((c.block, "+".join(holders)))
            out.append(c.block)
        kept = tuple(out)
    dropped: list[tuple[HtmlBlock, str]] = []
    if vote.drop:
        base_ids = {id(b) for b in base}
        out = []
        for b in kept:
            if id(b) in base_ids and not any(
                extra.shares[o].share_of_text(b.text) >= vote.share for o in vote.confirmers if extra.blocks[o]
            ):
                if any(extra.blocks[o] for o in vote.confirmers):
                    dropped.append((b, f"trafilatura alone; not in {'/'.join(vote.confirmers)}"))
                    continue
            out.append(b)
        kept = tuple(out)
    return Outcome(kept, added, dropped)


UNGATED: dict[tuple, str] = {}  # (page id, the vote without its gate) -> body text (a gate only picks)


def texts_of(pages: list[ex.Page], extras: dict[str, Extra], vote: Vote) -> dict[str, str]:
    shipped = ex.shipped()
    ungated = replace(vote, gate=None)
    out = {}
    with ex.rules_as(shipped):
        for p in pages:
            base = ex.chosen_blocks(p, shipped)[0]
            if not vote.asked(extras[p.id]):
                out[p.id] = ex.body_of(base, p.metadata, ex.rules_key(shipped))
                continue
            key = (id(p), ungated)
            if key not in UNGATED:
                outcome = voted(base, extras[p.id], ungated)
                if outcome.blocks is base:
                    UNGATED[key] = ex.body_of(base, p.metadata, ex.rules_key(shipped))
                else:
                    article = articles.parse_html_article(HtmlExtraction(outcome.blocks, p.metadata))
                    UNGATED[key] = "\n\n".join(b.text for b in article.body_blocks)
            out[p.id] = UNGATED[key]
    return out


def recall_alone(pages: list[ex.Page], extras: dict[str, Extra]) -> dict[str, str]:
    """trafilatura's recall mode instead of its default thorough pass, through the shipped rules."""
    shipped = ex.shipped()
    with ex.rules_as(shipped):
        return {
            p.id: ex.body_of(extras[p.id].blocks["recall"], p.metadata, ex.rules_key(shipped)) if p.thorough else ""
            for p in pages
        }


# --- cost ----------------------------------------------------------------------------------------


def cost(pages: list[ex.Page], extras: dict[str, Extra], vote: Vote | None) -> dict[str, float]:
    """ms per page asked of the extractors (the cache's timings), median and p90, and the share
    of pages the slow opinions were asked on. Against trafilatura alone timed in the same run as
    resiliparse (`baseline_again`); the shipped extractors' times are from the main cache run."""
    shipped = ex.shipped()
    spent, base, asked = [], [], 0
    for p in pages:
        uses = vote.uses() if vote else frozenset()
        ask = vote is not None and vote.asked(extras[p.id]) and bool(uses & SLOW)
        asked += ask
        ms = p.ms["decode"] + p.ms["thorough_meta"]
        if "resiliparse" in uses or (vote is not None and vote.gate is not None):
            ms += p.ms["resiliparse"]
        if "recall" in uses:
            ms += p.ms["recall"]
        if len(p.thorough) <= shipped.gate or (ask and "readability" in uses):
            ms += p.ms["readability"]
        if ask and "justext" in uses:
            ms += p.ms["justext"]
        spent.append(ms)
        base.append(p.ms["baseline"])

    def p90(values: list[float]) -> float:
        return statistics.quantiles(values, n=10, method="inclusive")[-1]

    return {
        "median": statistics.median(spent),
        "p90": p90(spent),
        "ratio_median": statistics.median(spent) / statistics.median(base),
        "ratio_p90": p90(spent) / p90(base),
        "asked": asked / len(pages),
    }


# --- leave one set out ---------------------------------------------------------------------------


def choose(
    data: dict[str, list[ex.Page]],
    extras: dict[str, dict[str, Extra]],
    names: tuple[str, ...],
    make: Callable[..., Vote],
    grid: dict[str, tuple],
) -> tuple[Vote, float]:
    """The vote's numbers (`grid`, the gate X last) chosen on `names` alone: the best mean F1 of
    the sets; among the votes within MIN_GAIN of the best, the one with the largest gate (fewest
    pages asked), then the best F1."""
    results = []
    for values in ex._product(grid):
        vote = make(**values)
        f1 = statistics.fmean(ex.score(data[n], texts_of(data[n], extras[n], vote)).f1 for n in names)
        results.append((vote, f1))
        print(f"  {'+'.join(names)} {values} {f1:.4f}", file=sys.stderr, flush=True)
    best = max(f1 for _, f1 in results)
    fit = [(v, f1) for v, f1 in results if f1 >= best - MIN_GAIN]
    return max(fit, key=lambda vf: (vf[0].gate or 0.0, vf[1]))


FIXED: dict[str, Vote] = {
    "A. 2 of 3 (trafilatura, readability-lxml, resiliparse): + readability-lxml blocks resiliparse has": Vote(
        ("readability",), ("resiliparse",), 2
    ),
    "B. 2 of 3: + resiliparse blocks readability-lxml has": Vote(("resiliparse",), ("readability",), 2),
    "C. 2 of 3 both ways: A, − trafilatura blocks neither other has": Vote(
        ("readability",), ("readability", "resiliparse"), 2, drop=True
    ),
    "D. 3 of 4 with jusText: + readability-lxml blocks resiliparse and jusText have": Vote(
        ("readability",), ("resiliparse", "justext"), 3
    ),
    "E. 2 of 4: + readability-lxml blocks resiliparse or jusText has": Vote(
        ("readability",), ("resiliparse", "justext"), 2
    ),
    "F. + resiliparse-only blocks two others (readability-lxml, jusText) have": Vote(
        ("resiliparse",), ("readability", "justext"), 3
    ),
    "G. 2 of 3 with jusText (the earlier fixed vote, same run)": Vote(("readability",), ("justext",), 2),
    "H. + trafilatura recall-mode blocks resiliparse has": Vote(("recall",), ("resiliparse",), 2),
    "I. + recall-mode blocks two others (readability-lxml, resiliparse) have": Vote(
        ("recall",), ("readability", "resiliparse"), 3
    ),
    "I0. I, the slow opinions asked only when resiliparse has text outside trafilatura's (X = 0)": Vote(
        ("recall",), ("readability", "resiliparse"), 3, gate=0.0
    ),
    "K. 3 of 4 with the recall mode: + readability-lxml blocks resiliparse and the recall mode have": Vote(
        ("readability",), ("resiliparse", "recall"), 3
    ),
    "K0. K, asked only when resiliparse has text outside trafilatura's (X = 0)": Vote(
        ("readability",), ("resiliparse", "recall"), 3, gate=0.0
    ),
}
TUNED: dict[str, tuple[Callable[..., Vote], dict[str, tuple]]] = {
    "A′. A with share and the resiliparse gate X chosen out of set": (
        lambda share, gate: Vote(("readability",), ("resiliparse",), 2, share, gate=gate),
        {"share": SHARE_GRID, "gate": GATE_GRID},
    ),
    "A″. A′ adding only blocks of at least N words and link density under L (N, L chosen out of set)": (
        lambda share, min_words, max_link, gate: Vote(
            ("readability",), ("resiliparse",), 2, share, gate=gate, min_words=min_words, max_link=max_link
        ),
        {"share": (0.5, 0.7), "min_words": MIN_WORDS_GRID, "max_link": MAX_LINK_GRID, "gate": GATE_GRID},
    ),
}
SHIPPED = "newsetl shipped"
IN_SET = next(label for label in TUNED if label.startswith("A″"))


def chosen_variants(f1s: dict[str, list[float]]) -> list[str]:
    """For each set, the vote (A..L and the tuned ones) with the best mean F1 on the two other sets,
    and what it scores on the set: picking among many variants is itself a choice made on the sets."""
    votes = {label: v for label, v in f1s.items() if label[:1] in "ABCDEFGHIJKL"}
    base = f1s[SHIPPED]
    out, deltas = [], []
    for k, name in enumerate(SETS):
        rest = [j for j in range(len(SETS)) if j != k]
        label = max(votes, key=lambda lb: statistics.fmean(votes[lb][j] for j in rest))
        deltas.append(votes[label][k] - base[k])
        f1 = votes[label][k]
        out.append(f"- {name}: {label.split('.')[0]} (F1 {f1:.4f}, shipped {base[k]:.4f}, Δ {deltas[-1]:+.4f})")
    if votes:
        out.append(f"- mean Δ {statistics.fmean(deltas):+.4f}, worst {min(deltas):+.4f}")
    return out


def _wanted(label: str) -> bool:
    return not ARGS.variants or label.split(".")[0] in ARGS.variants.split(",")


def _joined(blocks: tuple[HtmlBlock, ...]) -> str:
    return "\n\n".join(b.text for b in blocks)


def main() -> int:
    started = time.time()
    pages = {name: ex.load_set(name) for name in SETS}
    extras = {name: load_extras(name, pages[name]) for name in SETS}
    lines = ["| set | pages | variant | P | R | F1 | empty | catastrophic |", "|---|---|---|---|---|---|---|---|"]
    f1s: dict[str, list[float]] = {}
    recalls: dict[str, list[float]] = {}
    costs: dict[str, list[dict[str, float]]] = {}
    notes, out, audit = [], {}, []
    for name in SETS:
        ps, xs = pages[name], extras[name]
        others = tuple(n for n in SETS if n != name)
        rows: dict[str, tuple[dict[str, str], Vote | None]] = {
            "trafilatura alone": ({p.id: p.baseline for p in ps}, None),
            "readability-lxml alone": ({p.id: "\n\n".join(b.text for b in p.readability) for p in ps}, None),
            "resiliparse alone": ({p.id: _joined(xs[p.id].blocks["resiliparse"]) for p in ps}, None),
            SHIPPED: (ex.path_texts(ps, ex.shipped()), None),
            "trafilatura recall mode + the shipped rules": (recall_alone(ps, xs), None),
        }
        for label, vote in FIXED.items():
            if _wanted(label):
                rows[label] = (texts_of(ps, xs, vote), vote)
        print(f"{name}: fixed variants", file=sys.stderr, flush=True)
        for label, (make, grid) in TUNED.items():
            if not _wanted(label):
                continue
            vote, inner = choose(pages, extras, others, make, grid)
            rows[f"{label}, out of set"] = (texts_of(ps, xs, vote), vote)
            notes.append(
                f"- {label.split('.')[0]} reported on {name}: chosen on {' and '.join(others)}: share {vote.share}, "
                f"min words {vote.min_words}, link density under {vote.max_link}, gate X {vote.gate} "
                f"(training mean F1 {inner:.4f})"
            )
        for label, (texts, vote) in rows.items():
            s = ex.score(ps, texts)
            bad = ex.catastrophes(ps, texts)
            f1s.setdefault(label, []).append(s.f1)
            recalls.setdefault(label, []).append(s.r)
            c = cost(ps, xs, vote) if vote is not None or label == SHIPPED else None
            if c is not None:
                costs.setdefault(label, []).append(c)
            lines.append(f"| {name} | {s.n} | {label} | {ex.fmt(s)} | {s.empty} | {len(bad)} |")
            out[f"{name}/{label}"] = {"p": s.p, "r": s.r, "f1": s.f1, "empty": s.empty, "catastrophic": bad, "cost": c}
        # the audit of variant A on this set: what was added, with the extractors that held it
        shipped = ex.shipped()
        n_added = n_pages = 0
        for p in ps:
            o = voted(ex.chosen_blocks(p, shipped)[0], xs[p.id], FIXED[next(iter(FIXED))])
            n_added += len(o.added)
            n_pages += bool(o.added)
            if o.added and len(audit) < 12:
                audit.append(f"- {name}/{p.id}: + {o.added[0][0].text[:90]!r} (held by {o.added[0][1]})")
        notes.append(f"- variant A on {name}: {n_added} blocks added on {n_pages} of {len(ps)} pages")
    # in set: the numbers chosen on all three sets (what a shipped vote would carry), reported on each
    if _wanted(IN_SET):
        make, grid = TUNED[IN_SET]
        vote, inner = choose(pages, extras, SETS, make, grid)
        in_set = [ex.score(pages[n], texts_of(pages[n], extras[n], vote)) for n in SETS]
        bad = [len(ex.catastrophes(pages[n], texts_of(pages[n], extras[n], vote))) for n in SETS]
        notes.append(
            f"- {IN_SET.split('.')[0]} in set (chosen on all three, not the figure to quote): share {vote.share}, "
            f"min words {vote.min_words}, link density under {vote.max_link}, gate X {vote.gate}: F1 "
            + " / ".join(f"{s.f1:.4f}" for s in in_set)
            + f" (catastrophic {' / '.join(map(str, bad))})"
        )
        out["in_set"] = {"vote": repr(vote), "f1": [s.f1 for s in in_set], "r": [s.r for s in in_set]}
    lines += ["", "Out of set, F1 per set against the shipped path (same run, same pages):", ""]
    lines += [
        "| variant | " + " | ".join(SETS) + " | mean F1 | Δ mean | worst Δ on a set | recall per set "
        "| extractors × trafilatura, median per set | p90 per set | slow opinion asked |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    base = f1s[SHIPPED]
    for label, values in f1s.items():
        m = statistics.fmean(values)
        worst = min(v - b for v, b in zip(values, base, strict=True))
        c = costs.get(label)
        cost_cells = (
            (
                " / ".join(f"{x['ratio_median']:.2f}×" for x in c),
                " / ".join(f"{x['ratio_p90']:.2f}×" for x in c),
                " / ".join(f"{100 * x['asked']:.0f} %" for x in c),
            )
            if c
            else ("", "", "")
        )
        lines.append(
            f"| {label} | "
            + " | ".join(f"{v:.4f}" for v in values)
            + f" | {m:.4f} | {m - statistics.fmean(base):+.4f} | {worst:+.4f} | "
            + " / ".join(f"{r:.3f}" for r in recalls[label])
            + f" | {' | '.join(cost_cells)} |"
        )
    lines += ["", "The variant itself chosen leave one set out (the best mean F1 on the two other sets):", ""]
    lines += [*chosen_variants(f1s), ""]
    speed = []
    for name in SETS:
        ps = pages[name]
        resili = [p.ms["resiliparse"] / p.ms["baseline_again"] for p in ps if p.ms["baseline_again"] > 0]
        recall = [p.ms["recall"] / p.ms["baseline_again"] for p in ps if p.ms["baseline_again"] > 0]
        speed.append(
            f"- {name}: resiliparse median {statistics.median(p.ms['resiliparse'] for p in ps):.1f} ms, "
            f"{statistics.median(resili):.3f}× trafilatura alone (median of per-page ratios, same run); "
            f"trafilatura's recall mode median {statistics.median(p.ms['recall'] for p in ps):.1f} ms, "
            f"{statistics.median(recall):.2f}×"
        )
    lines += ["", "Choices per fold (made without the set reported on), and what variant A added:", "", *notes, ""]
    lines += ["Resiliparse and the recall mode against trafilatura alone, timed in one run:", "", *speed, ""]
    lines += ["Variant A's audit, first added block of the first pages it changed (block, who held it):", ""]
    lines += [*audit, ""]
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    report = (
        f"<!-- bench/extraction_votes.py, run finished {stamp} ({time.time() - started:.0f} s) -->\n\n"
        + "\n".join(lines)
        + "\n"
    )
    print(report)
    Path(ARGS.out).write_text(report, encoding="utf-8")
    Path(ARGS.out).with_suffix(".json").write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache-dir", default=str(ROOT / "bench" / "results" / "extraction"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "extraction" / "votes.md"))
    parser.add_argument("--variants", default="", help="only these variants (comma list of their letters: A,I0,K)")
    ARGS = parser.parse_args()
    ex.configure(ARGS)
    sys.exit(main())
