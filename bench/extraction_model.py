"""A learned per-block combination of trafilatura and readability-lxml (issue 15, point 3): trained
and scored leave one set out, against the shipped path in the same run.

    python bench/extraction_model.py [--shared ../shared] [--cache-dir bench/results/extraction]
                                     [--out bench/results/extraction/model.md]

Reads the extractor caches `bench/extraction_cache.py` wrote (nothing is extracted again).
- Candidates: per page, the union of trafilatura's thorough-pass blocks and readability-lxml's
  (`transforms.html.block_model.candidates`, the code the path would run), each with its features.
- Label: a block is article text when at least half of its word 4-grams (the scorer's shingles,
  `../shared/tools/score_extraction.py`) are in the page's gold body. The gold bodies were
  labelled by the benchmarks' authors, before any of this project's code ran.
- Weights: each block weighs its share of its page's shingles, each page 1 / (pages in its set),
  so each set counts alike (the figure is the mean F1 of the sets).
- Model: logistic regression, features standardised on the training rows, L2 penalty `L2`,
  fitted by Newton's method (deterministic: no random start, no sampling; `SEED` is recorded for
  form). A block is kept when p > 0.5 (not tuned).
- Leave one set out: for each set, trained on the two others, scored on it: the blocks kept go
  through the path's block and line rules (`parse_html_article`) as the shipped path's do.
  Reported beside the shipped path (the cached replay of `transforms.html.pages`), trafilatura
  alone and readability-lxml alone, with the catastrophic-page count and the cost per page.
- Variants (ablation): the union model; the model over trafilatura's blocks alone (no
  readability-lxml: no extra extractor cost); the union model without the agreement features;
  the shipped path plus only the readability-lxml blocks the model keeps ("adds only").
- Per page, learned: which of the two whole outputs to keep (the shipped path's, or readability-lxml's
  blocks through the same rules), a logistic regression over page features (the two extractions'
  agreement, words, blocks, words a block, link share, list share, heading share, sentence-ending
  share of each), each page weighted by how much F1 the choice is worth on it (|ΔF1|) and each
  set alike. Its L2 penalty, threshold and two guards (readability-lxml's text must hold at least
  `g` of trafilatura's; the two must disagree: the smaller agreement under `dis`) are chosen inside
  the fold: trained on one of the two training sets and scored on the other, both ways, best mean
  gain over the shipped path; then trained on both with those values and scored on the third.
- A fixed majority, nothing learned or tuned (so out of set by construction), with jusText as the
  third opinion (`bench/extraction_cache.py --add-justext`): a readability-lxml-only block is
  added when jusText has it too; "both ways" also drops a trafilatura-only block neither has
  (Bevendorff et al.'s majority, at block level).
- Cost: what each proposal asks of the extractors per page (the cache's timings: decode +
  trafilatura's thorough pass with metadata + readability-lxml where asked), median and p90,
  against trafilatura alone and the shipped path's extractors.
Nothing here is shipped: both lost to the shipped path out of set (BENCHMARKS.md), so no weights
file is written.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench.extraction as ex  # noqa: E402
from bench.logistic import fit_logistic  # noqa: E402
from transforms.html import articles  # noqa: E402
from transforms.html.block_model import DUPLICATE_SHARE, FEATURES, KEEP_ABOVE, Model, TextShares, candidates  # noqa: E402
from transforms.html.blocks import HtmlBlock, HtmlExtraction  # noqa: E402
from transforms.html.vote import agreement  # noqa: E402

SETS = ex.SETS
SEED = 15
L2 = 1.0
LABEL_SHARE = 0.5
AGREEMENT = (
    "in_other",
    "in_other_primary",
    "neighbours_in_other",
    "before_agreed",
    "after_agreed",
    "page_primary_in_secondary",
    "page_secondary_in_primary",
    "page_log_word_ratio",
)


@dataclass
class PageRows:
    page: ex.Page
    blocks: list[HtmlBlock]
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray


def rows_of(page: ex.Page, use_secondary: bool) -> PageRows:
    found = candidates(page.thorough, page.readability if use_secondary else ())
    gold = page.gold_shingles
    xs, ys, ws = [], [], []
    for c in found:
        own = ex.SCORE.shingles(c.block.text)
        n = sum(own.values())
        ys.append(1.0 if n and sum((own & gold).values()) / n >= LABEL_SHARE else 0.0)
        ws.append(float(n))
        xs.append(c.features)
    x = np.array(xs, dtype=float).reshape(len(xs), len(FEATURES))
    w = np.array(ws)
    if w.sum():
        w = w / w.sum()
    return PageRows(page, [c.block for c in found], x, np.array(ys), w)


def fit(rows: list[tuple[PageRows, float]], mask: np.ndarray) -> Model:
    """Weighted L2 logistic regression by Newton's method over the features in `mask`."""
    x = np.vstack([r.x for r, _ in rows])
    y = np.concatenate([r.y for r, _ in rows])
    w = np.concatenate([r.w * weight for r, weight in rows])
    w = w / w.sum() * len(rows)
    fitted = fit_logistic(x, y, w, L2, mask)
    return Model(
        FEATURES,
        tuple(fitted.mean.tolist()),
        tuple(fitted.scale.tolist()),
        tuple(fitted.weights.tolist()),
        fitted.bias,
    )


def texts_of(rows: list[PageRows], model: Model, adds_only: bool = False) -> dict[str, str]:
    """The body text the path would store: the blocks kept, through the shipped block and line rules.
    `adds_only`: every trafilatura block, and the readability-lxml-only blocks the model keeps."""
    out = {}
    with ex.rules_as(ex.shipped()):
        for r in rows:
            kept = tuple(
                b
                for b, x in zip(r.blocks, r.x, strict=True)
                if (adds_only and x[0] == 1.0) or model.probability(tuple(x)) > KEEP_ABOVE
            )
            article = articles.parse_html_article(HtmlExtraction(kept, r.page.metadata))
            out[r.page.id] = "\n\n".join(b.text for b in article.body_blocks)
    return out


def train_on(data: dict[str, list[PageRows]], names: tuple[str, ...], mask: np.ndarray) -> Model:
    return fit([(r, 1.0 / len(data[n])) for n in names for r in data[n]], mask)


# --- a fixed majority with jusText as the third opinion (nothing learned or tuned) ---------------


def justext_of(name: str, pages: list[ex.Page]) -> dict[str, list[str]]:
    """jusText's paragraphs per page, from the cache (its time goes into each page's `ms`)."""
    with (Path(ARGS.cache_dir) / f"cache-{name}.jsonl").open(encoding="utf-8") as f:
        rows = {row["id"]: row for row in map(json.loads, f)}
    if any("justext" not in row for row in rows.values()):
        raise SystemExit(f"{name}: no jusText in the cache; run bench/extraction_cache.py --add-justext")
    for p in pages:
        p.ms["justext"] = rows[p.id]["ms"]["justext"]
    return {page: row["justext"] for page, row in rows.items()}


def majority_texts(pages: list[ex.Page], third: dict[str, list[str]], drops: bool) -> dict[str, str]:
    """Two of three: every block both trafilatura and readability-lxml have; a readability-lxml-only
    block when jusText has it too; a trafilatura-only block kept unless `drops` (then only when
    jusText has it, or readability-lxml found nothing)."""
    out = {}
    with ex.rules_as(ex.shipped()):
        for p in pages:
            justext = TextShares(tuple(HtmlBlock("paragraph", t, 0, 0) for t in third[p.id]))
            kept = []
            for c in candidates(p.thorough, p.readability):
                in_third = justext.share_of_text(c.block.text) >= DUPLICATE_SHARE
                if len(c.sources) == 2:
                    kept.append(c.block)
                elif c.sources == ("readability",):
                    if in_third:
                        kept.append(c.block)
                elif not drops or in_third or not p.readability:
                    kept.append(c.block)
            article = articles.parse_html_article(HtmlExtraction(tuple(kept), p.metadata))
            out[p.id] = "\n\n".join(b.text for b in article.body_blocks)
    return out


# --- per page: keep the shipped output or readability-lxml's ------------------------------------

CHOOSER_GRID = [
    (l2, threshold, guard, disagree)
    for l2 in (0.1, 1.0, 10.0)
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9)
    for guard in (0.0, 0.2)
    for disagree in (1.01, 0.9, 0.8, 0.7)
]


def _block_features(blocks: tuple[HtmlBlock, ...]) -> list[float]:
    words = sum(len(b.text.split()) for b in blocks)
    chars = sum(len(b.text) for b in blocks) or 1
    n = max(1, len(blocks))
    return [
        float(np.log1p(words)),
        float(np.log1p(len(blocks))),
        float(np.log1p(words / n)),
        sum(b.link_chars for b in blocks) / chars,
        sum(b.kind in ("item", "row") for b in blocks) / n,
        sum(b.kind == "heading" for b in blocks) / n,
        sum(b.text.rstrip()[-1:] in '.!?"”' for b in blocks) / n,
    ]


@dataclass
class PageChoice:
    page: ex.Page
    x: np.ndarray  # [trafilatura in readability, readability in trafilatura, ...]
    texts: tuple[str, str]  # the shipped path's, readability-lxml's through the rules
    f1: tuple[float, float]


def page_choices(pages: list[ex.Page]) -> list[PageChoice]:
    shipped = ex.path_texts(pages, ex.shipped())
    out = []
    with ex.rules_as(ex.shipped()):
        for p in pages:
            read = ex.body_of(p.readability, p.metadata, ex.rules_key(ex.shipped())) if p.readability else ""
            found = agreement(p.thorough, p.readability)
            t, r = _block_features(p.thorough), _block_features(p.readability)
            x = [found.primary_in_fallback, found.fallback_in_primary, float(not p.readability)]
            x += [float(not p.thorough), *t, *r, t[0] - r[0]]
            f1 = (_f1(ex.overlap(p, shipped[p.id])), _f1(ex.overlap(p, read)))
            out.append(PageChoice(p, np.array(x), (shipped[p.id], read), f1))
    return out


def _f1(shares: tuple[float, float, float]) -> float:
    tp, fp, fn = shares
    return tp / (tp + (fp + fn) / 2) if tp else 0.0


def fit_chooser(rows: list[tuple[PageChoice, float]], l2: float):
    x = np.vstack([r.x for r, _ in rows])
    gain = np.array([r.f1[1] - r.f1[0] for r, _ in rows])
    w = np.abs(gain) * np.array([weight for _, weight in rows])
    w = w / w.sum() * len(w)
    return fit_logistic(x, (gain > 0).astype(float), w, l2).scores


def switches(model, rows: list[PageChoice], threshold: float, guard: float, disagree: float) -> np.ndarray:
    x = np.vstack([r.x for r in rows])
    return (model(x) > threshold) & (x[:, 0] >= guard) & (np.minimum(x[:, 0], x[:, 1]) < disagree)


def chosen_texts(rows: list[PageChoice], picks: np.ndarray) -> dict[str, str]:
    return {r.page.id: r.texts[int(k)] for r, k in zip(rows, picks, strict=True)}


def chooser_fold(choices: dict[str, list[PageChoice]], others: tuple[str, ...]) -> tuple[tuple, float]:
    """The chooser's L2, threshold and guards, chosen on the training sets alone: trained on one,
    scored on the other, both ways (mean gain in F1 over the shipped path)."""
    models: dict[tuple[str, float], object] = {}
    best: tuple[tuple, float] | None = None
    for values in CHOOSER_GRID:
        l2, threshold, guard, disagree = values
        gains = []
        for a, b in (others, others[::-1]):
            if (a, l2) not in models:
                models[(a, l2)] = fit_chooser([(r, 1.0) for r in choices[a]], l2)
            pages = [r.page for r in choices[b]]
            picks = switches(models[(a, l2)], choices[b], threshold, guard, disagree)
            gains.append(
                ex.score(pages, chosen_texts(choices[b], picks)).f1
                - ex.score(pages, chosen_texts(choices[b], np.zeros(len(pages), dtype=bool))).f1
            )
        gain = statistics.fmean(gains)
        if best is None or gain > best[1] + 1e-12:
            best = (values, gain)
    assert best is not None
    return best


# --- cost ----------------------------------------------------------------------------------------


def extractor_cost(pages: list[ex.Page], always_second: bool, third: bool = False) -> dict[str, float]:
    """ms per page asked of the extractors (the cache's timings), median and p90."""
    shipped = ex.shipped()
    spent, base = [], []
    for p in pages:
        asked = always_second or len(p.thorough) <= shipped.gate
        spent.append(
            p.ms["decode"]
            + p.ms["thorough_meta"]
            + (p.ms["readability"] if asked else 0.0)
            + (p.ms["justext"] if third else 0.0)
        )
        base.append(p.ms["baseline"])

    def p90(values: list[float]) -> float:
        return statistics.quantiles(values, n=10, method="inclusive")[-1]

    return {
        "median": statistics.median(spent),
        "p90": p90(spent),
        "ratio_median": statistics.median(spent) / statistics.median(base),
        "ratio_p90": p90(spent) / p90(base),
        "baseline_median": statistics.median(base),
    }


# --- report --------------------------------------------------------------------------------------

SHIPPED = "newsetl shipped (trafilatura + rules; the vote on one-block pages)"
MAJORITY_ADDS = "2 of 3 with jusText: shipped blocks + readability-lxml-only blocks jusText also has"
MAJORITY_BOTH = "2 of 3 with jusText both ways: also − trafilatura-only blocks neither other has"


def main() -> int:
    pages = {name: ex.load_set(name) for name in SETS}
    union = {n: [rows_of(p, True) for p in pages[n]] for n in SETS}
    alone = {n: [rows_of(p, False) for p in pages[n]] for n in SETS}
    choices = {n: page_choices(pages[n]) for n in SETS}
    third = {n: justext_of(n, pages[n]) for n in SETS}
    every = np.ones(len(FEATURES), dtype=bool)
    no_agreement = np.array([f not in AGREEMENT for f in FEATURES])
    variants = {
        "per block: model over the union (trafilatura + readability-lxml)": (union, every, False),
        "per block: model over trafilatura's blocks alone": (alone, every, False),
        "per block: the union, no agreement features": (union, no_agreement, False),
        "per block: shipped blocks + the readability-lxml-only blocks the model keeps": (union, every, True),
    }
    chooser = "per page: shipped or readability-lxml, learned chooser"
    lines = ["| set | pages | extractor | P | R | F1 | empty | catastrophic |", "|---|---|---|---|---|---|---|---|"]
    out: dict[str, object] = {}
    f1s: dict[str, list[float]] = {}
    notes = []
    for name in SETS:
        ps = pages[name]
        rows = {
            "trafilatura alone": {p.id: p.baseline for p in ps},
            "readability-lxml alone": {p.id: "\n\n".join(b.text for b in p.readability) for p in ps},
            SHIPPED: ex.path_texts(ps, ex.shipped()),
        }
        others = tuple(n for n in SETS if n != name)
        for label, (data, mask, adds_only) in variants.items():
            model = train_on(data, others, mask)
            rows[f"{label}, out of set"] = texts_of(data[name], model, adds_only)
        rows[f"{MAJORITY_ADDS} (fixed)"] = majority_texts(ps, third[name], drops=False)
        rows[f"{MAJORITY_BOTH} (fixed)"] = majority_texts(ps, third[name], drops=True)
        (l2, threshold, guard, disagree), inner = chooser_fold(choices, others)
        model = fit_chooser([(r, 1.0 / len(choices[n])) for n in others for r in choices[n]], l2)
        picks = switches(model, choices[name], threshold, guard, disagree)
        rows[f"{chooser}, out of set"] = chosen_texts(choices[name], picks)
        notes.append(
            f"- reported on {name}: chosen on {' and '.join(others)}: L2 {l2}, threshold {threshold}, "
            f"guard {guard}, disagree below {disagree} (inner mean gain {inner:+.4f}); "
            f"readability-lxml's text taken on {100 * picks.mean():.0f} % of the pages"
        )
        for label, texts in rows.items():
            s = ex.score(ps, texts)
            bad = ex.catastrophes(ps, texts)
            f1s.setdefault(label, []).append(s.f1)
            lines.append(f"| {name} | {s.n} | {label} | {ex.fmt(s)} | {s.empty} | {len(bad)} |")
            out[f"{name}/{label}"] = {"p": s.p, "r": s.r, "f1": s.f1, "empty": s.empty, "catastrophic": bad}
    lines += ["", "Out of set, F1 per set against the shipped path (same run, same pages):", ""]
    lines += [
        "| extractor | " + " | ".join(SETS) + " | mean F1 | Δ mean | worst Δ on a set |",
        "|---|---|---|---|---|---|---|",
    ]
    base = f1s[SHIPPED]
    for label, values in f1s.items():
        m = statistics.fmean(values)
        worst = min(v - b for v, b in zip(values, base, strict=True))
        lines.append(
            f"| {label} | "
            + " | ".join(f"{v:.4f}" for v in values)
            + f" | {m:.4f} | {m - statistics.fmean(base):+.4f} | {worst:+.4f} |"
        )
    lines += ["", "The learned chooser's choices per fold (made without the set reported on):", "", *notes, ""]
    lines += [
        "Cost asked of the extractors per page (ms, the cache's timings; rules and normalisation not included):",
        "",
    ]
    lines += [
        "| set | trafilatura alone median | shipped extractors median | p90 | × trafilatura | "
        "readability-lxml on every page median | p90 | × trafilatura median | p90 "
        "| + jusText on every page median | × trafilatura median |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in SETS:
        now, every_page = extractor_cost(pages[name], False), extractor_cost(pages[name], True)
        three = extractor_cost(pages[name], True, third=True)
        out[f"{name}/cost"] = {"shipped": now, "every_page": every_page, "with_justext": three}
        lines.append(
            f"| {name} | {now['baseline_median']:.1f} | {now['median']:.1f} | {now['p90']:.1f} "
            f"| {now['ratio_median']:.2f}× | {every_page['median']:.1f} | {every_page['p90']:.1f} "
            f"| {every_page['ratio_median']:.2f}× | {every_page['ratio_p90']:.2f}× "
            f"| {three['median']:.1f} | {three['ratio_median']:.2f}× |"
        )
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    report = f"<!-- bench/extraction_model.py, run finished {stamp} -->\n\n" + "\n".join(lines) + "\n"
    print(report)
    Path(ARGS.out).write_text(report, encoding="utf-8")
    Path(ARGS.out).with_suffix(".json").write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache-dir", default=str(ROOT / "bench" / "results" / "extraction"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "extraction" / "model.md"))
    ARGS = parser.parse_args()
    ex.configure(ARGS)
    sys.exit(main())
