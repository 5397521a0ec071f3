"""Benchmark corpora: real pages and seed-shaped articles, replicated so every document is new.

    python bench/corpus.py --html N --text M --out DIR [--seed S]

- HTML: the pages of ../shared/data/extraction/*/html/ (311 real news pages, MIT / Apache-2.0)
  copied round-robin, each copy given one paragraph of its own after its longest paragraph
  (inside the article, so the extracted text and the bytes are unique as well as the file):
  `DIR/html/<set>/<page>.copyNNN.html`.
- Plain text: articles shaped like seeds/*.txt (title line, blank-line separated paragraphs),
  made from the seeds and from the gold article bodies of ../shared; each copy has a sentence of
  its own at a random place, sometimes a paragraph dropped or a numbered title:
  `DIR/text/NNNNN_<template>.txt`.

Deterministic for a seed. Used by bench/pipeline.py (throughput) and bench/killloop.py (kills).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXTRACTION = SHARED / "data" / "extraction"
# the sets the committed figures were measured on (wcxb/, added later, would change the corpus)
CORPUS_SETS = ("readability", "scrapinghub")
SEEDS = ROOT / "seeds"

WORDS = (
    "harbour council budget railway election summit treaty drought vaccine reactor bridge "
    "tariff minister survey glacier festival strike verdict satellite harvest orchestra "
    "inflation refinery ceasefire museum pipeline monsoon referendum stadium archive"
).split()
LONGEST_PARAGRAPH = re.compile(rb"<p[\s>].*?</p\s*>", re.IGNORECASE | re.DOTALL)
BODY_OPEN = re.compile(rb"<body[^>]*>", re.IGNORECASE)
MAX_TEMPLATE_PARAGRAPHS = 39  # a gold body longer than this is cut (seed articles have 10-20)


def html_sources() -> list[Path]:
    return sorted(page for name in CORPUS_SETS for page in (EXTRACTION / name / "html").glob("*.html"))


def text_templates() -> list[tuple[str, str, list[str]]]:
    """(name, title, paragraphs): the seeds, and the gold article bodies of ../shared."""
    templates = []
    for path in sorted(SEEDS.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        templates.append((path.stem, blocks[0], blocks[1:]))
    for gold in (EXTRACTION / name / "gold.jsonl" for name in CORPUS_SETS):
        for line in gold.read_text(encoding="utf-8").split("\n"):  # not splitlines: U+2028 may sit in a string
            if not line.strip():
                continue
            record = json.loads(line)
            lines = [x.strip() for x in record["body"].splitlines() if len(x.strip().split()) >= 8]
            if len(lines) < 2:
                continue
            title = " ".join(lines[0].split()[:12]).rstrip(".,;:")
            templates.append((f"{gold.parent.name}-{record['id']}", title, lines[1 : MAX_TEMPLATE_PARAGRAPHS + 1]))
    return templates


def unique_sentence(rng: random.Random, label: str, corpus: str = "kill-loop") -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(12))
    return f"Copy {label} of the {corpus} corpus, written for this run only: {words}."


def varied_page(data: bytes, paragraph: str) -> bytes:
    """The page with one more paragraph after its longest one (most likely in the article)."""
    insert = f"\n<p>{paragraph}</p>\n".encode("ascii")
    spans = [m.span() for m in LONGEST_PARAGRAPH.finditer(data) if m.end() - m.start() < 20_000]
    if spans:
        _, end = max(spans, key=lambda s: s[1] - s[0])
        return data[:end] + insert + data[end:]
    body = BODY_OPEN.search(data)
    at = body.end() if body else 0
    return data[:at] + insert + data[at:]


def varied_text(rng: random.Random, title: str, paragraphs: list[str], sentence: str, index: int) -> str:
    kept = list(paragraphs)
    if len(kept) > 3 and rng.random() < 0.3:
        del kept[rng.randrange(1, len(kept))]
    kept.insert(rng.randrange(0, len(kept) + 1), sentence)
    heading = title if rng.random() < 0.5 else f"{title} ({index})"
    return heading + "\n\n" + "\n\n".join(kept) + "\n"


def write_html_copies(
    folder: Path, count: int, rng: random.Random, *, corpus: str = "kill-loop", gzip_share: float = 0.0
) -> Counter[str]:
    """`count` varied copies of the shared pages under folder/<set>/; a `gzip_share` of them
    gzip-compressed (`.html.gz`). Returns counts: html, html_gz."""
    pages = html_sources()
    if not pages:
        raise SystemExit(f"no HTML pages under {EXTRACTION}/*/html")
    counts: Counter[str] = Counter()
    for i in range(count):
        source = pages[i % len(pages)]
        copy = i // len(pages)
        data = varied_page(source.read_bytes(), unique_sentence(rng, f"{copy} of {source.name} (document {i})", corpus))
        target = folder / source.parent.parent.name / f"{source.stem}.copy{copy:03d}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        if rng.random() < gzip_share:
            target.with_name(target.name + ".gz").write_bytes(gzip.compress(data, mtime=0))
            counts["html_gz"] += 1
        else:
            target.write_bytes(data)
            counts["html"] += 1
    return counts


def write_text_articles(folder: Path, count: int, rng: random.Random, *, corpus: str = "kill-loop") -> Counter[str]:
    """`count` varied plain-text articles in folder/. Returns counts: text."""
    templates = text_templates()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        name, title, paragraphs = templates[i % len(templates)]
        sentence = unique_sentence(rng, f"{i // len(templates)} of {name} (text {i})", corpus)
        text = varied_text(rng, title, paragraphs, sentence, i)
        (folder / f"{i:05d}_{name}.txt").write_text(text, encoding="utf-8")
    return Counter(text=count)


def build_benchmark_corpus(out: Path, n_html: int, n_text: int, seed: int = 1) -> dict[str, int]:
    """out/html/ and out/text/ for the throughput benchmark (no gzip, no bad inputs)."""
    counts = write_html_copies(out / "html", n_html, random.Random(f"bench-html-{seed}"), corpus="benchmark")
    counts += write_text_articles(out / "text", n_text, random.Random(f"bench-text-{seed}"), corpus="benchmark")
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=int, default=1000, help="HTML pages (default 1000)")
    parser.add_argument("--text", type=int, default=1000, help="plain-text articles (default 1000)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(build_benchmark_corpus(args.out, args.html, args.text, args.seed))


if __name__ == "__main__":
    main()
