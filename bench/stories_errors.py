"""Every story error on the hand labels, with why the two pages linked or did not (issue 17, story quality).

    python bench/stories_errors.py WAREHOUSE [--out bench/results/stories_errors.txt] [--set KNOB=VALUE ...]

WAREHOUSE: one of bench/stories.py's warehouses (--keep DIR: DIR/run-1-100/news.duckdb). Its
articles' stored story features are clustered again by transforms/analysis/stories.py (pure, the
code as it is now) and compared with bench/labels/story_groups.jsonl:

- a false positive: two labelled pages in one predicted story but in two label groups;
- a false negative: two pages of one label group in two predicted stories.

For each pair: the days between their event times (and whether within WINDOW), their languages,
the names they share (kind, weight), the names' and the words' cosines, the combined score, whether
the pair is linked directly (and by which rule) or only through other articles (a chain), and the
rule that refused the link.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import duckdb  # noqa: E402

import transforms.analysis.stories as S  # noqa: E402
from stories import LABELS, page_name, read_label_rows  # noqa: E402


def read(warehouse: Path) -> tuple[list[dict], dict[str, dict]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.sql(
        "select a.uri, a.title, a.site_name, a.source_domain, a.authors, s.article_id, s.event_at, s.is_dated, "
        "s.language, s.entity_ids, s.terms from story_articles s join articles a using (article_id) "
        "order by s.article_id"
    ).pl()
    con.close()
    info = {r["article_id"]: r for r in rows.to_dicts()}
    return rows.to_dicts(), info


def explain(a: S._Profile, b: S._Profile) -> str:
    """Why two profiles are linked or not, by the rules of stories._link."""
    days = abs(a.event_at - b.event_at).total_seconds() / 86400
    shared = sorted(a.entities.keys() & b.entities.keys(), key=lambda e: -a.entities[e])
    names = S._cosine(a.entities, b.entities, a.entity_norm, b.entity_norm)
    same_language = a.language == b.language
    words = S._cosine(a.terms, b.terms, a.term_norm, b.term_norm) if same_language else None
    score = S.ENTITY_SHARE * names + (1 - S.ENTITY_SHARE) * words if words is not None else names
    link = S._link(a, b)
    parts = [f"days {days:.2f}{'' if days <= S.WINDOW.total_seconds() / 86400 else ' (outside WINDOW)'}"]
    parts.append(f"lang {a.language}/{b.language}")
    parts.append(f"names cos {names:.3f}, words cos {'-' if words is None else f'{words:.3f}'}, score {score:.3f}")
    if link is not None:
        by = "words alone" if words is not None and words >= S.MIN_TERM_SIMILARITY else "names and words"
        parts.append(f"LINKED directly ({by}, {link:.3f})")
    else:
        rise = S.LINK_SLOPE_PER_DAY * days
        heaviest = max((a.entities[e] for e in set(shared) - a.places), default=None)
        why = []
        if days > S.WINDOW.total_seconds() / 86400:
            why.append("window")
        if len(shared) < S.MIN_SHARED_ENTITIES:
            why.append("no shared name")
        elif heaviest is None:
            why.append("only places shared")
        elif heaviest < S.MIN_NAME_WEIGHT:
            why.append(f"heaviest shared name {heaviest:.1f} < MIN_NAME_WEIGHT {S.MIN_NAME_WEIGHT}")
        if score < S.MIN_SIMILARITY + rise:
            why.append(f"score < {S.MIN_SIMILARITY} + {rise:.3f} (days)")
        if words is not None and words < S.MIN_TERM_AGREEMENT:
            why.append(f"words < agreement {S.MIN_TERM_AGREEMENT}")
        if words is not None and words < S.MIN_TERM_SIMILARITY + rise:
            why.append(f"words < {S.MIN_TERM_SIMILARITY} + {rise:.3f} (no words-alone link)")
        parts.append("not linked: " + ", ".join(why))
    top = ", ".join(f"{e} {a.entities[e]:.1f}" for e in shared[:8]) + (" ..." if len(shared) > 8 else "")
    common_terms = sorted(a.terms.keys() & b.terms.keys(), key=lambda t: -a.terms[t])
    return (
        "; ".join(parts)
        + f"\n      shared names ({len(shared)}): {top or '-'}"
        + f"\n      shared terms ({len(common_terms)}): {' '.join(common_terms[:15]) or '-'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--set",
        nargs="*",
        default=[],
        metavar="KNOB=VALUE",
        help="override stories.py thresholds, e.g. MIN_NAME_WEIGHT=0 LINK_SLOPE_PER_DAY=0 (the rule of 63276a3)",
    )
    options = parser.parse_args()
    for knob, _, value in (item.partition("=") for item in options.set):
        assert isinstance(getattr(S, knob), float), knob
        setattr(S, knob, float(value))
    labels = {page_name(r): str(r["group"]) for r in read_label_rows(LABELS)}
    rows, info = read(options.warehouse)
    import polars as pl

    features = pl.DataFrame(
        [{k: r[k] for k in S.FEATURES_SCHEMA} for r in rows], schema=S.FEATURES_SCHEMA, orient="row"
    )
    out = S.cluster_stories(features)
    story = dict(zip(out["article_id"], out["story_id"], strict=True))
    page_of = {r["article_id"]: r["uri"].rsplit("/", 1)[-1] for r in rows}
    article_of = {p: a for a, p in page_of.items()}
    profiles = {r["article_id"]: S._profile(r, None) for r in rows}
    pages = sorted(p for p in labels if p in article_of)

    def describe(page: str) -> str:
        r = info[article_of[page]]
        when = r["event_at"].date().isoformat() + ("" if r["is_dated"] else " (undated)")
        return f"{page} [{r['site_name'] or r['source_domain'] or '-'}; {when}] {(r['title'] or '')[:90]}"

    fp, fn = [], []
    for x, y in combinations(pages, 2):
        same_pred = story[article_of[x]] == story[article_of[y]]
        same_gold = labels[x] == labels[y]
        if same_pred and not same_gold:
            fp.append((x, y))
        elif same_gold and not same_pred:
            fn.append((x, y))
    tp = sum(
        1 for x, y in combinations(pages, 2) if labels[x] == labels[y] and story[article_of[x]] == story[article_of[y]]
    )
    n_pred, n_gold = tp + len(fp), tp + len(fn)
    lines = [
        f"warehouse: {options.warehouse}; labelled pages loaded: {len(pages)}",
        f"stories.py: WINDOW {S.WINDOW}, MIN_SIMILARITY {S.MIN_SIMILARITY}, MIN_TERM_SIMILARITY "
        f"{S.MIN_TERM_SIMILARITY}, MIN_TERM_AGREEMENT {S.MIN_TERM_AGREEMENT}, COMMON_ZIPF {S.COMMON_ZIPF}, "
        f"MIN_NAME_WEIGHT {S.MIN_NAME_WEIGHT}, LINK_SLOPE_PER_DAY {S.LINK_SLOPE_PER_DAY}",
        f"pairs: {tp} right, {len(fp)} false positive, {len(fn)} false negative; precision "
        f"{tp / n_pred if n_pred else 1:.3f}, recall {tp / n_gold if n_gold else 1:.3f}",
        "",
    ]
    by_story: dict[str, list[str]] = defaultdict(list)
    for p in pages:
        by_story[story[article_of[p]]].append(p)
    for title, pairs in (("FALSE POSITIVES (one predicted story, two label groups)", fp), ("FALSE NEGATIVES", fn)):
        lines.append(f"{title}: {len(pairs)}")
        for x, y in pairs:
            lines.append(f"  {labels[x]} | {labels[y]}")
            lines.append(f"    a: {describe(x)}")
            lines.append(f"    b: {describe(y)}")
            lines.append("    " + explain(profiles[article_of[x]], profiles[article_of[y]]))
        lines.append("")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if options.out:
        options.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
