"""Stories independent of load order and batch size (issue 17): stability, and quality when labels exist.

    python bench/stories.py [--shared ../shared] [--n 300] [--out bench/results/stories.txt]
                            [--labels bench/labels/story_groups.jsonl]
                            [--orders 3] [--batch-sizes 10 100] [--no-rebuild] [--rounds 1 2] [--keep DIR]

Pages: every labelled one (if the labels file exists), then the other HTML pages of
../shared/data/extraction/{scrapinghub,readability,wcxb} in that order and by name while fewer than
--n, plus the seeds. They are ingested (flows.ingest, as files named in a shuffled order) into a new warehouse
for each of 3 random orders x 2 batch sizes, and one of those warehouses is rebuilt from its
landing store (flows.rebuild). Every run's partition (story_articles) is compared with the first
by the adjusted Rand index (ARI) over the pages, and the story ids too.

Baseline in the same run: the assignment before issue 17 (bench/stories_greedy.py: greedy, each
article to the nearest story centroid, with rarity weights counted over what was loaded before), fed
the same story features (read back from each warehouse) in the same load orders and batches.

Quality: when the labels file exists (one JSON object per line, {"set", "id", "group"}: pages of a
group report one event; pages not listed are not judged), pairwise precision and recall of each
partition over the labelled pages that were loaded. The link thresholds of
transforms/analysis/stories.py were chosen on these labels (bench/stories_tuning.py), so the
figures here are in sample; stories_tuning.py gives them out of fold (two halves of the groups).
Labels come in rounds (a row's "round", 1 when absent); with more than one round the scores are
also given per round: over the pairs with at least one page of that round. A seed's label row has
"set": "seeds" and its file name as the id.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("NEWSETL_PREFECT_SERVER", "temporary")

import duckdb  # noqa: E402

import stories_greedy  # noqa: E402  (bench/stories_greedy.py)

SETS = ("scrapinghub", "readability", "wcxb")
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ORDERS = 3
BATCH_SIZES = (10, 100)
LABELS = ROOT / "bench" / "labels" / "story_groups.jsonl"


def adjusted_rand_index(a: dict[str, str], b: dict[str, str]) -> float:
    """ARI of two partitions (item -> cluster) over the items both have (Hubert and Arabie 1985)."""
    items = sorted(a.keys() & b.keys())
    n = len(items)
    if n < 2:
        return 1.0
    pairs = Counter((a[i], b[i]) for i in items)
    index = sum(comb(c, 2) for c in pairs.values())
    sum_a = sum(comb(c, 2) for c in Counter(a[i] for i in items).values())
    sum_b = sum(comb(c, 2) for c in Counter(b[i] for i in items).values())
    expected = sum_a * sum_b / comb(n, 2)
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:  # both all singletons, or both one cluster
        return 1.0
    return (index - expected) / (maximum - expected)


def pairwise_scores(
    predicted: dict[str, str], gold: dict[str, str], among: set[str] | None = None
) -> tuple[float | None, float | None, int, int]:
    """(precision, recall, predicted pairs, gold pairs) of same-story pairs over the labelled items.

    among: only the pairs with at least one item in it (a labelling round's pages)."""
    items = sorted(predicted.keys() & gold.keys())
    pairs = [(x, y) for x, y in combinations(items, 2) if among is None or x in among or y in among]
    same_pred = {(x, y) for x, y in pairs if predicted[x] == predicted[y]}
    same_gold = {(x, y) for x, y in pairs if gold[x] == gold[y]}
    hits = len(same_pred & same_gold)
    precision = hits / len(same_pred) if same_pred else None
    recall = hits / len(same_gold) if same_gold else None
    return precision, recall, len(same_pred), len(same_gold)


def page_name(row: dict) -> str:
    """The input file name of a label row: {set}-{id}.html for a shared page, the file name for a seed."""
    return str(row["id"]) if row["set"] == "seeds" else f"{row['set']}-{row['id']}.html"


def read_labels(path: Path) -> dict[str, str]:
    """page file name ({set}-{id}.html, or a seed's file name) -> group."""
    return {page_name(row): str(row["group"]) for row in read_label_rows(path)}


def read_label_rows(path: Path) -> list[dict]:
    """The label rows (header lines skipped); a row without "round" is of round 1."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if "group" in row:  # not a header line
                rows.append({**row, "round": int(row.get("round", 1))})
    return rows


def choose_pages(shared: Path, n: int, labelled: set[str]) -> list[Path]:
    pages = {
        f"{s}-{p.stem}.html": p for s in SETS for p in sorted((shared / "data/extraction" / s / "html").glob("*.html"))
    }
    chosen = [name for name in pages if name in labelled]
    chosen += [name for name in pages if name not in labelled][: max(0, n - len(chosen))]
    return [pages[name] for name in chosen]


def partition(db: Path) -> tuple[dict[str, str], list[dict]]:
    """page file name -> story_id, and the story features (load order: load then article)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "select a.uri, s.story_id, s.article_id, s.event_at, s.language, s.entity_ids, s.terms, a.load_id "
            "from story_articles s join articles a using (article_id) join loads l on l.load_id = a.load_id "
            "order by l.started_at, l.batch_index, s.article_id"
        ).fetchall()
        n_lineage = con.execute(
            "select count(*), count(*) filter (where is_merge), count(*) filter (where is_split) from story_lineage"
        ).fetchone()
    finally:
        con.close()
    stories = {Path(uri).name: story for uri, story, *_ in rows}
    features = [
        {
            "article_id": r[2],
            "event_at": r[3],
            "language": r[4],
            "entity_ids": r[5],
            "terms": r[6],
            "page": Path(r[0]).name,
            "load_id": r[7],
        }
        for r in rows
    ]
    return stories, features + [{"lineage": n_lineage}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one, removed)")
    parser.add_argument("--orders", type=int, default=ORDERS, help=f"random load orders (default {ORDERS})")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=list(BATCH_SIZES), help="default: 10 100")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild (a quality-only run)")
    parser.add_argument("--rounds", type=int, nargs="+", help="only the labels of these rounds (default: all)")
    options = parser.parse_args()

    from flows.ingest import ingest
    from flows.rebuild import rebuild
    from flows.settings import Settings

    label_rows = read_label_rows(options.labels) if options.labels.exists() else []
    label_rows = [row for row in label_rows if options.rounds is None or row["round"] in options.rounds]
    labels = {page_name(row): str(row["group"]) for row in label_rows}
    rounds = sorted({row["round"] for row in label_rows})
    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-stories-"))
    inputs = work / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    for page in choose_pages(options.shared, options.n, set(labels)):
        shutil.copy(page, inputs / f"{page.parent.parent.name}-{page.stem}.html")
    for seed in SEEDS:
        shutil.copy(seed, inputs / seed.name)
    files = sorted(str(p) for p in inputs.iterdir())
    rng = random.Random(17)
    orders = [rng.sample(files, len(files)) for _ in range(options.orders)]

    runs: dict[str, tuple[dict[str, str], list[dict]]] = {}
    settings_of: dict[str, object] = {}
    seconds: dict[str, float] = {}
    for o, order in enumerate(orders):
        for size in options.batch_sizes:
            name = f"order {o + 1}, batches of {size}"
            db = work / f"run-{o + 1}-{size}" / "news.duckdb"
            settings = Settings(db_path=str(db), batch_size=size)
            started = time.monotonic()
            ingest(paths=order, settings=settings)
            seconds[name] = time.monotonic() - started
            runs[name], settings_of[name] = partition(db), settings
            print(f"{name}: {seconds[name]:.0f} s", file=sys.stderr, flush=True)
    first = next(iter(runs))
    if not options.no_rebuild:
        rebuilt = work / "rebuilt.duckdb"
        started = time.monotonic()
        rebuild(into=str(rebuilt), settings=settings_of[first])
        seconds[f"rebuild of ({first})"] = time.monotonic() - started
        runs[f"rebuild of ({first})"] = partition(rebuilt)

    reference, reference_features = runs[first]
    kinds: dict[str, str] = {}
    lines = [
        f"stories on {len(files)} inputs ({len(files) - len(SEEDS)} shared pages: "
        + ", ".join(f"{s} {sum(Path(f).name.startswith(s + '-') for f in files)}" for s in SETS)
        + f"; {len(SEEDS)} seeds), {options.orders} random orders (seed 17) x batch sizes {tuple(options.batch_sizes)}"
        + ("" if options.no_rebuild else ", and a rebuild"),
        f"articles with a story: {len(reference)}; stories: {len(set(reference.values()))}; "
        f"sizes {dict(sorted(Counter(Counter(reference.values()).values()).items()))}",
        "",
        f"{'run':<34}{'seconds':>8}{'ARI':>8}{'same ids':>10}{'stories':>9}{'lineage (merge/split)':>24}"
        f"{'baseline ARI':>14}{'baseline stories':>18}",
    ]
    baseline_reference: dict[str, str] | None = None
    baselines: dict[str, dict[str, str]] = {}
    notes: list[str] = []
    for name, (stories, features) in runs.items():
        lineage = features[-1]["lineage"]
        rows = features[:-1]
        batches: dict[str, list[dict]] = {}  # the run's loads, in load order
        for r in rows:
            batches.setdefault(r["load_id"], []).append({k: r[k] for k in stories_greedy.FEATURES})
            kinds.update({e: e.partition(":")[0] for e in r["entity_ids"]})
        by_article = stories_greedy.load_in_batches(list(batches.values()), kinds)
        page_of = {r["article_id"]: r["page"] for r in rows}
        baseline = {page_of[a]: s for a, s in by_article.items()}
        baselines[name] = baseline
        if baseline_reference is None:
            baseline_reference = baseline
        common = reference.keys() & stories.keys()
        same_ids = all(stories[p] == reference[p] for p in common)
        only = sorted(reference.keys() ^ stories.keys())
        if only:
            notes.append(f"{name}: pages with an article in only one of it and the first run: {', '.join(only)}")
        lines.append(
            f"{name:<34}{seconds[name]:>8.0f}{adjusted_rand_index(reference, stories):>8.3f}"
            f"{'yes' if same_ids else 'no':>10}{len(set(stories.values())):>9}"
            f"{f'{lineage[0]} ({lineage[1]}/{lineage[2]})':>24}"
            f"{adjusted_rand_index(baseline_reference, baseline):>14.3f}{len(set(baseline.values())):>18}"
        )
    lines += [
        "",
        "ARI: against the first run, over the pages both have; same ids: every such page has the same story_id",
        "as in the first run;",
        "lineage: story_lineage rows (merges and splits the incremental loads recorded); baseline: the",
        "assignment before issue 17 (bench/stories_greedy.py) on the same features, orders and batches.",
        *notes,
        *(
            [
                "(byte-identical pages are one document, named after the one loaded first: its article, and so "
                "its story row, follow that page)"
            ]
            if notes
            else []
        ),
        "",
    ]
    if labels:
        lines.append(f"quality against {options.labels.name}:")
        gold = {page: group for page, group in labels.items() if page in reference}
        n_groups = len(set(gold.values()))
        lines.append(f"labelled pages loaded: {len(gold)} of {len(labels)}, in {n_groups} groups")
        fmt = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
        scopes: list[tuple[str, set[str] | None]] = [("all labels", None)]
        if len(rounds) > 1:
            scopes += [
                (
                    f"round {n} pages (pairs with at least one)",
                    {page_name(row) for row in label_rows if row["round"] == n},
                )
                for n in rounds
            ]
        for scope, among in scopes:
            lines.append(f"{scope}:")
            lines.append(f"  {'partition':<42}{'precision':>10}{'recall':>8}{'pred pairs':>12}{'gold pairs':>12}")
            for label, predicted in (
                ("order-free clustering (this code)", reference),
                ("baseline, greedy (first run's order)", baselines[first]),
                *((f"baseline, greedy ({name})", baselines[name]) for name in list(runs)[1:2]),
            ):
                precision, recall, n_pred, n_gold = pairwise_scores(predicted, gold, among)
                lines.append(f"  {label:<42}{fmt(precision):>10}{fmt(recall):>8}{n_pred:>12}{n_gold:>12}")
        lines.append("targets: precision >= 0.9, recall >= 0.8 (issue 17)")
    else:
        lines.append(f"quality: no labels at {options.labels} when this ran (format: one JSON object a line,")
        lines.append('{"set": ..., "id": page id, "group": group label}); pairwise precision and recall not measured')
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if options.out:
        options.out.write_text(text, encoding="utf-8")
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
