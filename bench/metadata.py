"""Metadata benchmark: publication day, title, authors and outlet of every page of the gold sets,
for newsetl and, in the same run on the same pages, plain trafilatura's metadata and htmldate.

    python bench/metadata.py [--shared ../shared] [--sets wcxb,readability,scrapinghub] [--limit N]

newsetl's figures are the rows the warehouse loads: each page goes through what an ingest runs on
it (decode_html -> parse_html_page -> normalise_batch, the page fetched from its gold URL at a
fixed time), and a page the ingest would reject (no article text) is a page with no prediction.
Baselines: trafilatura 2.3 `extract_metadata` with its defaults (htmldate extensive search inside)
and htmldate `find_date(extensive_search=True, original_date=True)`, both given the same bytes
and URL. Scores: ../shared/tools/score_metadata.py (exact day, day +-1, date coverage, title exact
and contains, author exact set and token-set F1); this script adds newsetl's credits F1 (its
`authors` and `credit_organisations` as one list, what the gold's one author field holds), the
share of loaded articles whose `source_id` is `unknown`, and the share of pages whose gold names
someone where a name given as an author shares no word with the gold ("stray"), split by the hand
labels of bench/metadata_stray_labels.toml into (a) no person given as a person (an organisation,
the site, an account, a role, a fragment: issue 16's target 0) and (b) another person.

Leave one set out: only wcxb has gold dates and authors, so wcxb is also split by registrable
domain into two halves (sha256 of "issue-16:" + domain, even/odd first byte): a rule tuned on
wcxb is tuned on one half and reported on the other. Sets: wcxb (dates, titles, authors, URLs),
readability (titles and bylines: Readability.js's own output), scrapinghub (URLs only).

Writes bench/results/metadata/<set>.<system>.jsonl (PRED format of the scorer), the gold
files it scores against (readability's byline as `author`; the wcxb halves), every date candidate
of every page (<set>.candidates.jsonl), every date printed near its headline
(<set>.headline.jsonl) and every date it labels published (<set>.labelled.jsonl), for tuning the
date rule offline, and the table (table.md), which it also prints.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import re
import subprocess
import sys
import time
import tomllib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import htmldate  # noqa: E402

from transforms.dates.article_dates import VISIBLE_TEXT  # noqa: E402
from transforms.dates.page_dates import HEADLINE_SCAN_CHARS, _tree, headline_dates, labelled_dates  # noqa: E402
from transforms.documents.decoding import decode_html  # noqa: E402
from transforms.frames.normalise import ParsedDocument, _date_candidates, normalise_batch  # noqa: E402
from transforms.html.pages import parse_html_page  # noqa: E402
from transforms.html.trafilatura_extraction import baseline_metadata  # noqa: E402
from transforms.metadata.outlets import registrable_domain  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "results" / "metadata"
SETS = ("wcxb", "readability", "scrapinghub")
SYSTEMS = ("newsetl", "trafilatura", "htmldate")
SPLIT_SALT = "issue-16:"
# a fixed fetch time: every page of the three sets was collected before it
SEEN_AT = datetime(2026, 11, 1, tzinfo=UTC)
SYSTEM_GIVES = {"htmldate": ("date", "date1", "date_cov")}
SCORE_LINE = re.compile(r"(\w+)=([0-9.]+)")

logging.getLogger("htmldate").setLevel(logging.CRITICAL)
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def read_gold(path: Path) -> list[dict]:
    # by newline: a wcxb body holds U+2028, which splitlines() would split on
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


def half_of(url: str | None) -> str:
    """'a' or 'b': the wcxb half a page's registrable domain falls in (fixed seed)."""
    domain = registrable_domain(url) or ""
    return "ab"[hashlib.sha256((SPLIT_SALT + domain).encode()).digest()[0] % 2]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def newsetl(pages: list[tuple[dict, bytes]]) -> tuple[list[dict], list[dict], list[dict], list[dict], list[dict]]:
    """The ingest's path over the pages: PRED rows (with source_id), every date candidate, what
    each page's markup and extractor said about its title and credits, and every date printed
    within HEADLINE_SCAN_CHARS of the headline and every date the page labels published (for tuning
    offline)."""
    docs, markups, printed, labelled = [], [], [], []
    for gold, data in pages:
        text = decode_html(data).text or ""
        url = gold.get("url") or None
        page = parse_html_page(text, url)
        if not page.has_article:
            continue
        markup = page.metadata.markup
        tree = _tree(text)
        if tree is not None and markup is not None:
            scan = headline_dates(tree, markup.titles, HEADLINE_SCAN_CHARS)
            printed += [
                {"id": gold["id"], "offset": h.offset, "field": h.field}
                | {"value": h.value.value.isoformat(), "precision": h.value.precision}
                | {"local_date": h.value.local_date.isoformat(), "offset_minutes": h.value.offset_minutes, "raw": h.raw}
                for h in scan
            ]
            labelled += [  # the dates the page labels published, anywhere (page_dates.labelled_dates)
                {"id": gold["id"], "original": d.original, "value": d.value.value.isoformat()}
                | {"precision": d.value.precision, "local_date": d.value.local_date.isoformat()}
                | {"offset_minutes": d.value.offset_minutes, "raw": d.raw}
                for d in labelled_dates(tree)
            ]
        markups.append(
            {
                "id": gold["id"],
                "extractor_title": page.metadata.title,
                "extractor_author": page.metadata.author,
                "extractor_site_name": page.metadata.site_name,
                "byline_authors": page.article.fields.get("authors"),
            }
            | (
                {
                    k: getattr(markup, k)
                    for k in ("titles", "site_names", "people", "organisations", "persons", "urls", "bylines")
                }
                if markup
                else {}
            )
        )
        uri = url or f"file:///gold/{gold['id']}.html"
        docs.append(
            ParsedDocument(
                str(gold["id"]),
                uri,
                page.article,
                page.metadata,
                page.extractor,
                SEEN_AT,
                None,
                page.dates,
            )
        )
    batch = normalise_batch(docs)
    every_date = [  # each page's candidates before the choice, with their local day (for --tune)
        {
            "id": d.document_id,
            "field": c.field,
            "source": c.source,
            "value": c.value.value.isoformat(),
            "precision": c.value.precision,
            "local_date": c.value.local_date.isoformat(),
            "offset": c.value.offset_minutes,
            "raw": c.raw,
            # the headline's printed date, which bench/metadata_rules.py rebuilds for each window
            "headline": c.source == VISIBLE_TEXT and any(c is x for x in d.date_candidates),
        }
        for d in docs
        for c in _date_candidates(d)
    ]
    preds = [
        {
            "id": row["document_id"],
            "title": row["title"],
            "authors": row["authors"] or None,
            "credit_organisations": row.get("credit_organisations"),
            "published_date": row["published_local_date"].isoformat() if row.get("published_local_date") else None,
            "published_source": row["published_at_source"],
            "title_source": row["title_source"],
            "source_id": row["source_id"],
            "source_domain": row.get("source_domain"),
            "has_url": bool(row["url"]) or not row["uri"].startswith("file:"),
        }
        for row in batch.articles.with_columns().iter_rows(named=True)
    ]
    candidates = every_date
    return preds, candidates, markups, printed, labelled


def trafilatura_preds(pages: list[tuple[dict, bytes]]) -> list[dict]:
    preds = []
    for gold, data in pages:
        meta = baseline_metadata(data, gold.get("url") or None)
        author = meta["author"]
        preds.append(
            {
                "id": gold["id"],
                "has_url": False,
                "title": meta["title"],
                "authors": [a.strip() for a in author.split(";")] if author else None,
                "published_date": meta["date"],
            }
        )
    return preds


def htmldate_preds(pages: list[tuple[dict, bytes]]) -> list[dict]:
    preds = []
    for gold, data in pages:
        try:  # bytes, never a URL string: htmldate parses them, it does not fetch
            found = htmldate.find_date(
                data, url=gold.get("url") or None, extensive_search=True, original_date=True, outputformat="%Y-%m-%d"
            )
        except (ValueError, TypeError, RecursionError):
            found = None
        preds.append({"id": gold["id"], "title": None, "authors": None, "published_date": found})
    return preds


def score(gold_path: Path, pred_path: Path, shared: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_metadata.py"), str(gold_path), str(pred_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    figures = {k: float(v) for k, v in SCORE_LINE.findall(out.splitlines()[-1])}
    counts = re.search(r"dated (\d+), titled (\d+), authored (\d+)", out)
    n_dated, n_titled, n_authored = (int(n) for n in counts.groups()) if counts else (0, 0, 0)
    unscored = (("date", "date1", "date_cov"), ("title", "title_in"), ("author_set", "author_f1"))
    for n, keys in zip((n_dated, n_titled, n_authored), unscored, strict=True):
        for key in keys:
            gives = SYSTEM_GIVES.get(pred_path.name.split(".")[1])
            if not n or (gives and key not in gives):
                figures.pop(key, None)  # no gold for it, or the system does not give it: "–", not 0
    return figures


def _scorer(shared: Path):  # noqa: ANN202  the reference scorer as a module, for its name normalisation
    spec = importlib.util.spec_from_file_location("score_metadata", shared / "tools" / "score_metadata.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


STRAY_LABELS = ROOT / "bench" / "metadata_stray_labels.toml"
PERSON = "person"


@cache
def stray_labels() -> dict[str, str]:
    """Hand labels of the stray names seen (bench/metadata_stray_labels.toml): name -> kind."""
    return tomllib.loads(STRAY_LABELS.read_text("utf-8"))["labels"]


def stray_names(wanted: list[str], given: list[str]) -> list[str]:
    """The names given (scorer-normalised) that share no word with the gold's names."""
    words = set(re.findall(r"\w+", " ".join(wanted)))
    return [name for name in given if not set(re.findall(r"\w+", name)) & words]


def stray_kinds(wanted: list[str], given: list[str]) -> set[str]:
    """ "person" (another person: measure b), "other" (an organisation, the site, an account, a
    role, a fragment given as a person: measure a) or "unlabelled", for each stray name."""
    labels = stray_labels()
    kinds = set()
    for name in stray_names(wanted, given):
        kind = labels.get(name)
        kinds.add("unlabelled" if kind is None else PERSON if kind == PERSON else "other")
    return kinds


def extras(gold: list[dict], preds: list[dict], shared: Path, system: str = "newsetl") -> dict[str, float]:
    """Outlet unknown share (loaded articles with a URL), and the share of pages whose gold names
    someone where a name given shares no word with the gold ("stray"), names normalised as the
    reference scorer does; split by the hand labels of bench/metadata_stray_labels.toml into
    (a) no person given as one (an organisation, the site, an account, a role, a fragment) and
    (b) another person (a co-author the gold leaves out, a reviewer). Names no label covers are
    printed to stderr (to be labelled; the split is not reported while any is left)."""
    scorer = _scorer(shared)
    by_id = {p["id"]: p for p in preds}
    with_url = [p for p in preds if p.get("has_url")]
    unknown = sum(p.get("source_id") == "unknown" for p in with_url)
    personal = [g for g in gold if scorer.names(g.get("author"))]
    counts = {"any": 0, "other": 0, PERSON: 0, "unlabelled": 0}
    for g in personal:
        wanted = scorer.names(g.get("author"))
        given = scorer.names((by_id.get(g["id"]) or {}).get("authors") or [])
        kinds = stray_kinds(wanted, given)
        counts["any"] += bool(kinds)
        for kind in kinds:
            counts[kind] += 1
        if "unlabelled" in kinds and system == "newsetl":
            missing = [n for n in stray_names(wanted, given) if n not in stray_labels()]
            print(f"unlabelled stray names, page {g['id']}: {missing}", file=sys.stderr)
    out = {
        "unknown": unknown / len(with_url) if with_url else float("nan"),
        "stray": counts["any"] / len(personal) if personal else float("nan"),
    }
    if personal and not counts["unlabelled"]:
        out |= {"stray_other": counts["other"] / len(personal), "stray_person": counts[PERSON] / len(personal)}
    return out


COLUMNS = (
    ("date", "day exact"),
    ("date1", "day +-1"),
    ("date_cov", "date given"),
    ("title", "title exact"),
    ("title_in", "title contains"),
    ("author_set", "author set"),
    ("author_f1", "author F1"),
    ("credit_f1", "credits F1 (people + organisations)"),
    ("stray", "stray author name"),
    ("stray_other", "(a) no person given as one"),
    ("stray_person", "(b) another person"),
    ("unknown", "outlet unknown"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--limit", type=int, default=0, help="the first N pages of each set (0: all)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    systems = args.systems.split(",")
    rows: list[tuple[str, str, dict[str, float]]] = []
    for name in args.sets.split(","):
        folder = args.shared / "data" / "extraction" / name
        gold = read_gold(folder / "gold.jsonl")[: args.limit or None]
        for g in gold:  # the scorer's fields: readability's byline is its author
            g.setdefault("author", g.get("byline"))
            g.setdefault("publish_date", None)
        pages = [(g, (folder / "html" / f"{g['id']}.html").read_bytes()) for g in gold]
        subsets = {name: gold}
        if name == "wcxb":
            for half in "ab":
                subsets[f"wcxb-{half}"] = [g for g in gold if half_of(g.get("url")) == half]
        for subset, members in subsets.items():
            _write(OUT / f"{subset}.gold.jsonl", [{k: v for k, v in g.items() if k != "body"} for g in members])
        for system in systems:
            started = time.perf_counter()
            if system == "newsetl":
                preds, candidates, markups, printed, labelled = newsetl(pages)
                _write(OUT / f"{name}.candidates.jsonl", candidates)
                _write(OUT / f"{name}.markup.jsonl", markups)
                _write(OUT / f"{name}.headline.jsonl", printed)
                _write(OUT / f"{name}.labelled.jsonl", labelled)
            else:
                preds = (trafilatura_preds if system == "trafilatura" else htmldate_preds)(pages)
            seconds = time.perf_counter() - started
            _write(OUT / f"{name}.{system}.jsonl", preds)
            print(f"{name}/{system}: {len(pages)} pages in {seconds:.0f} s", file=sys.stderr)
            for subset, members in subsets.items():
                ids = {g["id"] for g in members}
                _write(OUT / f"{subset}.{system}.pred.jsonl", [p for p in preds if p["id"] in ids])
                figures = score(OUT / f"{subset}.gold.jsonl", OUT / f"{subset}.{system}.pred.jsonl", args.shared)
                if system == "newsetl":  # every credit, people and organisations, as one field (trafilatura's kind)
                    every = [
                        p | {"authors": (p["authors"] or []) + (p["credit_organisations"] or []) or None}
                        for p in preds
                        if p["id"] in ids
                    ]
                    _write(OUT / f"{subset}.{system}-credits.pred.jsonl", every)
                    every_credit = score(
                        OUT / f"{subset}.gold.jsonl", OUT / f"{subset}.{system}-credits.pred.jsonl", args.shared
                    )
                    if "author_f1" in every_credit:
                        figures["credit_f1"] = every_credit["author_f1"]
                if system != "htmldate":
                    figures |= extras(members, [p for p in preds if p["id"] in ids], args.shared, system)
                rows.append((subset, system, figures))
    table = ["| set | system | " + " | ".join(h for _, h in COLUMNS) + " |", "|---|---|" + "---|" * len(COLUMNS)]
    # out-of-set rows first: the sets no rule was tuned on, then each wcxb half, then wcxb whole
    rank = {"readability": 0, "scrapinghub": 1, "wcxb-a": 2, "wcxb-b": 3, "wcxb": 4}
    rows.sort(key=lambda r: rank.get(r[0], len(rank)))
    for subset, system, figures in rows:
        cells = [f"{figures[k]:.3f}" if k in figures and figures[k] == figures[k] else "–" for k, _ in COLUMNS]
        table.append(f"| {subset} | {system} | " + " | ".join(cells) + " |")
    text = "\n".join(table) + "\n"
    (OUT / "table.md").write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
