"""Extraction benchmark: run the project's HTML -> clean text path on every *.html in a folder.

    python bench/extraction.py --html-dir DIR --out PRED.jsonl [--extractor newsetl|trafilatura]

Writes one {"id": <file stem>, "text": <body text>} per line: the article body exactly as the
warehouse stores it (headings included, title excluded). Prints the time per page, in total
and by stage (read+decode, extractors, rules, normalise), on stderr; imports are not timed.
`--extractor trafilatura` writes plain trafilatura 2.3 with its defaults instead, the baseline. Score with
    python ../shared/tools/score_extraction.py GOLD.jsonl PRED.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.documents.decoding import decode_html  # noqa: E402
from transforms.frames.normalise import ParsedDocument, normalise_batch  # noqa: E402
from transforms.html.articles import parse_html_article  # noqa: E402
from transforms.html.pages import EXTRACTOR_OF_CHOICE, extract_page  # noqa: E402
from transforms.html.trafilatura_extraction import baseline_text  # noqa: E402


def newsetl_bodies(paths: list[Path], seconds: dict[str, float]) -> dict[str, str]:
    """The ingest path, stage by stage (what `transforms.html.pages.parse_html_page` composes)."""
    docs = []
    for path in paths:
        started = time.perf_counter()
        decoded = decode_html(path.read_bytes())
        extracted = time.perf_counter()
        extraction, decision = extract_page(decoded.text or "")
        cleaned = time.perf_counter()
        article = parse_html_article(extraction)
        done = time.perf_counter()
        seconds["read+decode"] += extracted - started
        seconds["extractors"] += cleaned - extracted
        seconds["rules"] += done - cleaned
        docs.append(
            ParsedDocument(path.stem, path.as_uri(), article, extraction.metadata, EXTRACTOR_OF_CHOICE[decision.choice])
        )
    started = time.perf_counter()
    articles = normalise_batch(docs).articles
    seconds["normalise"] += time.perf_counter() - started
    return dict(zip(articles["document_id"], articles["body_text"], strict=True))


def trafilatura_bodies(paths: list[Path], seconds: dict[str, float]) -> dict[str, str]:
    started = time.perf_counter()
    bodies = {p.stem: baseline_text(p.read_bytes()) for p in paths}
    seconds["extractors"] += time.perf_counter() - started
    return bodies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--extractor", choices=("newsetl", "trafilatura"), default="newsetl")
    args = parser.parse_args()
    paths = sorted(args.html_dir.resolve().glob("*.html"))
    if not paths:
        parser.error(f"no *.html files in {args.html_dir}")
    stages: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    bodies = (newsetl_bodies if args.extractor == "newsetl" else trafilatura_bodies)(paths, stages)
    seconds = time.perf_counter() - started
    with args.out.open("w", encoding="utf-8") as out:
        for path in paths:
            out.write(json.dumps({"id": path.stem, "text": bodies.get(path.stem, "")}, ensure_ascii=False) + "\n")
    per_page = ", ".join(f"{stage} {1000 * s / len(paths):.1f}" for stage, s in stages.items())
    print(
        f"{args.extractor}: {len(paths)} pages in {seconds:.1f} s ({1000 * seconds / len(paths):.1f} ms/page; "
        f"ms/page by stage: {per_page})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
