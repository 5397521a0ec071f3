"""Could the story knobs be chosen on the labels? A 2-fold check by group (exploration, not shipped).

    python bench/stories_tuning.py WAREHOUSE [--out bench/results/stories_tuning.txt]

WAREHOUSE: one of bench/stories.py's warehouses (--keep): its story features are clustered again
(transforms/analysis/stories.py, pure) for a grid of MIN_SIMILARITY, MIN_AVERAGE_LINK (as a share of
it) and an extra gate letting a pair with that many shared distinctive terms link without two shared
entities (none: the shipped rule). Candidate pairs are every pair within the window. The labelled
groups of bench/labels/story_groups.jsonl are split in two halves by a hash of the group label; the
setting with the best pairwise F1 on one half is scored on the other. Nearly all same-event pairs are
scrapinghub's, so leaving one set out cannot choose anything; this is the fallback check. The shipped
values were set before the labels and are not changed by this script.
"""

import argparse
import hashlib
import math
import sys
from itertools import combinations, product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import duckdb  # noqa: E402
import polars as pl  # noqa: E402

import transforms.analysis.stories as S  # noqa: E402
from stories import LABELS, read_labels  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("warehouse", type=Path)
parser.add_argument("--out", type=Path)
options = parser.parse_args()
labels = read_labels(LABELS)
c = duckdb.connect(str(options.warehouse), read_only=True)
f = c.sql(
    "select a.uri, s.article_id, s.event_at, s.is_dated, s.language, s.entity_ids, s.terms "
    "from story_articles s join articles a using (article_id)"
).pl()
f = f.with_columns(pl.col("uri").str.split("/").list.last().alias("page"))
page_of = dict(zip(f["article_id"], f["page"]))
feats = f.drop("uri", "page")
orig_link = S._link


def make_link(min_terms):
    def link(a, b):
        if abs(a.event_at - b.event_at) > S.WINDOW:
            return None
        shared = a.entities.keys() & b.entities.keys()
        ent_ok = not (len(shared) < S.MIN_SHARED_ENTITIES or shared <= a.places)
        nterms = len(a.terms & b.terms)
        if not ent_ok and not (min_terms and nterms >= min_terms):
            return None
        score = math.fsum(a.entities[e] ** 2 for e in shared) / (a.entity_norm * b.entity_norm) if shared else 0.0
        if a.language == b.language:
            t = nterms / math.sqrt(len(a.terms) * len(b.terms)) if a.terms and b.terms else 0.0
            score = S.ENTITY_SHARE * score + (1 - S.ENTITY_SHARE) * t
        score = round(score * S._MICRO) / S._MICRO
        return score if score >= S.MIN_SIMILARITY else None

    return link


def cand_all(profiles):
    # all pairs within window (terms gate needs pairs without shared entities)
    idx = sorted(range(len(profiles)), key=lambda i: profiles[i].event_at)
    for x, i in enumerate(idx):
        for j in idx[x + 1 :]:
            if profiles[j].event_at - profiles[i].event_at > S.WINDOW:
                break
            yield (min(i, j), max(i, j))


S._candidate_pairs = cand_all


def half(g):
    return int(hashlib.sha256(g.encode()).hexdigest(), 16) % 2


def score(pred, pages):
    sp = {(a, b) for a, b in combinations(pages, 2) if pred[a] == pred[b]}
    sg = {(a, b) for a, b in combinations(pages, 2) if labels[a] == labels[b]}
    h = len(sp & sg)
    P = h / len(sp) if sp else 1.0
    R = h / len(sg) if sg else 1.0
    return P, R, (2 * P * R / (P + R) if P + R else 0), len(sp), len(sg)


results = {}
grid = list(product([0.25, 0.3, 0.35, 0.4], [0.5, 0.75, 1.0], [None, 5, 7, 9]))
for s, fa, mt in grid:
    S.MIN_SIMILARITY = s
    S.MIN_AVERAGE_LINK = s * fa
    S._link = make_link(mt)
    out = S.cluster_stories(feats)
    pred = {page_of[a]: st for a, st in zip(out["article_id"], out["story_id"])}
    res = {}
    for h in (0, 1):
        pages = [p for p in labels if p in pred and half(labels[p]) == h]
        res[h] = score(pred, pages)
    allp = [p for p in labels if p in pred]
    res["all"] = score(pred, allp)
    results[(s, fa, mt)] = res
lines = ["min_similarity  average_link_share  terms_gate  | half 0: P R F1 pred gold | half 1: P R F1 pred gold"]
for (s, fa, mt), res in results.items():
    cells = " | ".join(" ".join(f"{x:.3f}" if isinstance(x, float) else str(x) for x in res[h]) for h in (0, 1))
    lines.append(f"{s:<15}{fa:<20}{str(mt):<12}| {cells}")
for train in (0, 1):
    test = 1 - train
    best = max(results, key=lambda k: (results[k][train][2], -k[0]))
    p, r, f1, *_ = results[best][test]
    lines.append(
        f"chosen on half {train}: {best} (F1 {results[best][train][2]:.3f} there); "
        f"on half {test}: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}"
    )
shipped = results[(0.3, 0.5, None)]
lines.append(f"shipped (0.3, 0.5, None): half 0 F1 {shipped[0][2]:.3f}, half 1 F1 {shipped[1][2]:.3f}")
text = "\n".join(lines) + "\n"
print(text, end="")
if options.out:
    options.out.write_text(text, encoding="utf-8")
