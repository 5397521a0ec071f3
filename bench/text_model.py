"""Train and evaluate the text path's line model (`transforms/text/line_model.py`), leave one set out.

    python bench/text_model.py [--shared ../shared] [--cache-dir bench/results/extraction]
                               [--out bench/results/extraction/text-model.md] [--write]

Data: the text-path dev sets of `bench/extraction_text.py`, built the same way in memory from the
extractor cache (`<cache-dir>/cache-<set>.jsonl`: the gold title, a blank line, then what
`trafilatura.extract(html, include_comments=False)` let through) and the gold bodies of
`<shared>/data/extraction/<set>/gold.jsonl` (labelled by the benchmarks' authors before any of
the project's code ran). Each file goes through the shipped text path without the model
(`parse_text_article(text, model=None)`: line rules, title, deck, captions); its body paragraphs
are the examples. A paragraph's label is the share of its word 4-grams (the scorer's shingles;
a paragraph of under 4 words: whether its words occur in the gold in that order) that are NOT in
the gold body: a soft label, 0 = article text, 1 = boilerplate. Each paragraph weighs its share
of its file's words, so every file counts alike, as the scorer averages per file.

Model: logistic regression over `line_model.FEATURES` (standardised), L2 penalty `L2`, fitted by
Newton's method from zero weights (deterministic; `SEED` fixes numpy's generator, used by nothing
random today). The removal threshold is chosen on the training sets' real score: the scorer's F1
of the bodies with the paragraphs at or above it removed, mean over the training sets, from
`THRESHOLDS`; "no removal" (the shipped path without the model) is kept unless a threshold gains
more than `MIN_GAIN`.

Leave one set out: for each set, the model and its threshold are fitted on the two other sets and
the set is scored with them, beside the path without the model (same run). Then the model is
fitted on all three sets (`--write`: to `transforms/data/text_model.json`, its in-set threshold
chosen the same way on the three). Writes a markdown report.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction import gold_rows, scorer  # noqa: E402
from bench.logistic import Logistic, fit_logistic  # noqa: E402
from transforms.documents.decoding import decode_text  # noqa: E402
from transforms.text import line_model  # noqa: E402
from transforms.text.articles import BODY_KINDS, parse_text_article  # noqa: E402

SETS = ("scrapinghub", "readability", "wcxb")
ROOT = Path(__file__).resolve().parent.parent
SEED = 15
L2 = 1.0  # the penalty on the standardised weights (times the total example weight / 1000)
THRESHOLDS = tuple(round(0.10 + 0.05 * i, 2) for i in range(17))  # 0.10 ... 0.90
MIN_GAIN = 0.0005
# Cue words: written from what boilerplate says of itself (teasers, sharing, subscriptions,
# credits, navigation), before any training; not tuned.
CUE_WORDS = (
    "read more",
    "read also",
    "also read",
    "see also",
    "more from",
    "related",
    "recommended",
    "you may also like",
    "you might also like",
    "most popular",
    "most read",
    "trending",
    "continue reading",
    "click here",
    "subscribe",
    "newsletter",
    "sign up",
    "sign in",
    "log in",
    "follow us",
    "share",
    "comments",
    "comment",
    "advertisement",
    "sponsored",
    "copyright",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "cookies",
    "download",
    "watch",
    "listen",
    "photo",
    "image",
    "getty images",
    "tags",
    "filed under",
    "posted in",
    "previous",
    "next",
    "back to top",
    "learn more",
    "contact us",
    "about us",
)


@dataclass
class File:
    id: str
    gold: str
    gold_shingles: object
    title: str | None
    paragraphs: list[str]  # the body blocks of the path without the model, in order
    kinds: list[str]  # every block's kind
    blocks: list[str]  # every block's text
    x: np.ndarray  # features, one row per paragraph
    y: np.ndarray  # soft label: share of the paragraph's shingles not in the gold
    w: np.ndarray  # the paragraph's share of the file's words
    overlaps: dict | None = None  # (tp, fp, fn) by the tuple of paragraphs kept
    scores: np.ndarray | None = None  # the current model's scores (set while choosing a threshold)


def label(text: str, gold_set: set, gold_joined: str) -> float:
    tokens = SCORE.WORD.findall(text)
    if not tokens:
        return 1.0
    if len(tokens) < 4:
        return 0.0 if f" {' '.join(tokens)} " in gold_joined else 1.0
    grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
    return sum(1 for g in grams if g not in gold_set) / len(grams)


def load_set(name: str, cues) -> list[File]:  # type: ignore[no-untyped-def]
    gold = gold_rows(ARGS.shared, name)
    files = []
    with (Path(ARGS.cache_dir) / f"cache-{name}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] not in gold:
                continue
            title = (gold[row["id"]].get("title") or row["metadata"].get("title") or "").strip()
            text = (row["baseline"] or "").strip()
            raw = f"{title}\n\n{text}\n" if title else f"{text}\n"
            decoded = decode_text(raw.encode("utf-8")).text or ""
            article = parse_text_article(decoded, model=None)
            paragraphs = [b.text for b in article.blocks if b.kind in BODY_KINDS]
            body = gold[row["id"]].get("body") or ""
            tokens = SCORE.WORD.findall(body)
            gold_set = {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}
            joined = f" {' '.join(tokens)} "
            x = np.array(line_model.features(paragraphs, article.title, cues), dtype=float).reshape(
                len(paragraphs), len(line_model.FEATURES)
            )
            y = np.array([label(p, gold_set, joined) for p in paragraphs], dtype=float)
            n = np.array([len(SCORE.WORD.findall(p)) for p in paragraphs], dtype=float)
            w = n / n.sum() if n.sum() else n
            files.append(
                File(
                    row["id"],
                    body,
                    SCORE.shingles(body),
                    article.title,
                    paragraphs,
                    [b.kind for b in article.blocks],
                    [b.text for b in article.blocks],
                    x,
                    y,
                    w,
                )
            )
    return files


# --- the model -----------------------------------------------------------------------------------


Fitted = Logistic


def fit(files: list[File]) -> Fitted:
    """Weighted logistic regression with soft labels, L2 on the weights (not the bias), Newton."""
    w = np.concatenate([f.w for f in files])
    x = np.vstack([f.x for f in files if len(f.x)])
    return fit_logistic(x, np.concatenate([f.y for f in files]), w, L2 * w.sum() / 1000)


def kept(files: list[File], model: Fitted | None, threshold: float) -> dict[str, tuple[bool, ...]]:
    """Which paragraphs each file keeps with those scored at or above `threshold` removed (never
    all of them), as `parse_text_article` does."""
    out = {}
    for f in files:
        keep = (True,) * len(f.paragraphs)
        if model is not None and f.paragraphs:
            drop = f.scores >= threshold if f.scores is not None else model.scores(f.x) >= threshold
            if drop.any() and not drop.all():
                keep = tuple(not d for d in drop)
        out[f.id] = keep
    return out


def body(f: File, keep: tuple[bool, ...]) -> str:
    """The body as the path joins it; a file with no body paragraph is a reject (empty)."""
    return "\n\n".join(p for p, k in zip(f.paragraphs, keep, strict=True) if k)


def bodies(files: list[File], model: Fitted | None, threshold: float) -> dict[str, str]:
    masks = kept(files, model, threshold)
    return {f.id: body(f, masks[f.id]) for f in files}


@dataclass(frozen=True)
class Score:
    p: float
    r: float
    f1: float


def overlap(f: File, keep: tuple[bool, ...]) -> tuple[float, float, float]:
    if f.overlaps is None:
        f.overlaps = {}
    if keep not in f.overlaps:
        pred = SCORE.shingles(body(f, keep))
        g = f.gold_shingles
        tp, fp, fn = sum((g & pred).values()), sum((pred - g).values()), sum((g - pred).values())
        total = tp + fp + fn
        f.overlaps[keep] = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
    return f.overlaps[keep]


def score(files: list[File], masks: dict[str, tuple[bool, ...]]) -> Score:
    precisions, recalls = [], []
    for f in files:
        tp, fp, fn = overlap(f, masks[f.id])
        if tp + fp > 0:
            precisions.append(SCORE.ratio(tp, fp, fn))
        if tp + fn > 0:
            recalls.append(SCORE.ratio(tp, fn, fp))
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def choose_threshold(data: dict[str, list[File]], names: tuple[str, ...], model: Fitted) -> float | None:
    """The threshold with the best mean F1 over `names`; None (no removal) unless it gains > MIN_GAIN."""
    base = statistics.fmean(score(data[n], kept(data[n], None, 1.0)).f1 for n in names)
    for n in names:
        for f in data[n]:
            f.scores = model.scores(f.x)
    best, best_f1 = None, base
    for t in THRESHOLDS:
        f1 = statistics.fmean(score(data[n], kept(data[n], model, t)).f1 for n in names)
        if f1 > best_f1 + (MIN_GAIN if best is None else 0.0):
            best, best_f1 = t, f1
    for n in names:
        for f in data[n]:
            f.scores = None
    return best


def to_json(model: Fitted, threshold: float, trained_on: str) -> dict:
    return {
        "about": (
            "The text path's line model (transforms/text/line_model.py): logistic regression, trained by "
            "bench/text_model.py --write (fixed seed, deterministic) on the text-path dev sets named in "
            "trained_on; out-of-set scores in BENCHMARKS.md"
        ),
        "trained_on": trained_on,
        "features": list(line_model.FEATURES),
        "weights": [round(float(v), 6) for v in model.weights],
        "bias": round(model.bias, 6),
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "threshold": threshold,
        "cue_words": list(CUE_WORDS),
        "l2": L2,
    }


def precision_at(files: list[File], model: Fitted, share: float = 0.1) -> float:
    """Of the words in the paragraphs the model ranks first, up to `share` of the words the gold
    does not have (weighted by their label), the share the gold does not have: how clean the top
    of the ranking is (above 0.5 removing them gains)."""
    scores = np.concatenate([model.scores(f.x) for f in files if len(f.x)])
    y = np.concatenate([f.y for f in files if len(f.x)])
    words = np.concatenate([np.exp(f.x[:, 0]) - 1 for f in files if len(f.x)])
    order = np.argsort(-scores, kind="stable")
    cum_words, cum_bad = np.cumsum(words[order]), np.cumsum((words * y)[order])
    k = min(int(np.searchsorted(cum_bad, share * cum_bad[-1])), len(order) - 1)
    return float(cum_bad[k] / cum_words[k]) if cum_words[k] else 0.0


def oracle(files: list[File]) -> dict[str, tuple[bool, ...]]:
    """Every paragraph whose label is over 0.5 removed (the most a paragraph classifier could do)."""
    return {f.id: tuple(bool(v <= 0.5) for v in f.y) for f in files}


def configure(shared: str, cache_dir: str) -> None:
    """The module's settings when another bench imports it (bench/extraction_text.py)."""
    global ARGS, SCORE
    ARGS = argparse.Namespace(shared=shared, cache_dir=cache_dir, write=False)
    SCORE = scorer(shared)


def evaluate() -> tuple[list[str], dict[str, object], tuple[Fitted, float | None]]:
    """The leave-one-set-out table (markdown lines), its figures, and the model fitted on all three
    sets with its in-set threshold."""
    cues = line_model.cue_pattern(CUE_WORDS)
    data = {name: load_set(name, cues) for name in SETS}
    lines = [
        "| set | files | paragraphs | variant | P | R | F1 | threshold | precision at 10 % |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    report: dict[str, object] = {}
    for name in SETS:
        files = data[name]
        train = tuple(n for n in SETS if n != name)
        model = fit([f for n in train for f in data[n]])
        threshold = choose_threshold(data, train, model)
        base = score(files, kept(files, None, 1.0))
        out = score(files, kept(files, model, threshold if threshold is not None else 2.0))
        hindsight = max(
            ((score(files, kept(files, model, t)).f1, t) for t in THRESHOLDS), key=lambda ft: (ft[0], -ft[1])
        )
        own = fit(files)
        own_hindsight = max(score(files, kept(files, own, t)).f1 for t in THRESHOLDS)
        best = score(files, oracle(files))
        n_par = sum(len(f.paragraphs) for f in files)
        head = f"| {name} | {len(files)} | {n_par} |"
        lines += [
            f"{head} the path without the model (every rule) | {base.p:.3f} | {base.r:.3f} | **{base.f1:.3f}** | | |",
            f"{head} + line model, out of set (fitted on {' + '.join(train)}) | {out.p:.3f} | {out.r:.3f} "
            f"| **{out.f1:.3f}** | {threshold or 'none (no gain)'} | {precision_at(files, model):.2f} |",
            f"{head} (the same model, its best threshold on this set: hindsight) | | | {hindsight[0]:.3f} "
            f"| {hindsight[1]} | |",
            f"{head} (a model fitted on this set itself, best threshold: in set) | | | {own_hindsight:.3f} | "
            f"| {precision_at(files, own):.2f} |",
            f"{head} (oracle: every paragraph the gold lacks removed) | {best.p:.3f} | {best.r:.3f} "
            f"| {best.f1:.3f} | | |",
        ]
        report[name] = {
            "base": base.__dict__,
            "model": out.__dict__,
            "threshold": threshold,
            "hindsight": hindsight,
            "in_set": own_hindsight,
            "oracle": best.__dict__,
            "precision_at_10": precision_at(files, model),
        }
    model = fit([f for n in SETS for f in data[n]])
    return lines, report, (model, choose_threshold(data, SETS, model))


def main() -> int:
    started = time.perf_counter()
    np.random.default_rng(SEED)
    table, report, (model, threshold) = evaluate()
    lines = [
        "# Text path: the line model, leave one set out",
        "",
        f"`bench/text_model.py` (run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}); each set scored with the",
        "model and threshold fitted on the two other sets, beside the path without the model (same run).",
        "Precision at 10 %: of the words in the paragraphs the model ranks first, up to a tenth of the",
        "words the gold lacks, the share the gold lacks (removing them gains only above about 0.5).",
        "",
        *table,
        "",
        f"Fitted on all three sets: threshold {threshold or 'none (no gain over MIN_GAIN in set either)'}.",
        "",
        "| feature | weight (standardised, fitted on all three) |",
        "|---|---|",
    ]
    for feature, weight in sorted(zip(line_model.FEATURES, model.weights, strict=True), key=lambda kv: -abs(kv[1])):
        lines.append(f"| {feature} | {weight:+.3f} |")
    if ARGS.write and threshold is not None:
        path = ROOT / "transforms" / "data" / line_model.MODEL_FILE
        path.write_text(json.dumps(to_json(model, threshold, " + ".join(SETS)), indent=1) + "\n", encoding="utf-8")
        lines.append(f"\nWrote {path.relative_to(ROOT)}.")
    lines.append(f"\nRun time {time.perf_counter() - started:.0f} s.")
    text = "\n".join(lines) + "\n"
    Path(ARGS.out).write_text(text, encoding="utf-8")
    (Path(ARGS.cache_dir) / "text-model.json").write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--cache-dir", default=str(ROOT / "bench" / "results" / "extraction"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "extraction" / "text-model.md"))
    parser.add_argument("--write", action="store_true")
    ARGS = parser.parse_args()
    SCORE = scorer(ARGS.shared)
    sys.exit(main())
