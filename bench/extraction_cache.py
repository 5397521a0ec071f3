"""Run every extractor once over a gold set's pages and keep what each said, with its time.

    python bench/extraction_cache.py --set-dir ../shared/data/extraction/wcxb --out CACHE.jsonl

One line per page: {"id", "ms": {stage: milliseconds}, "baseline": trafilatura alone's text,
"fast": blocks, "thorough": blocks, "fallback": blocks (what trafilatura's own readability fallback
found during the thorough pass), "readability": blocks, "metadata": {...}}. Blocks are
[kind, text, link_chars, group, level, lead_link_chars] lists (`transforms.html.blocks.HtmlBlock`).
Every extractor runs on every page (the path asks the slow ones only on thin pages, but the
benchmark has to know what they would have said to tune and ablate when to ask them);
`bench/extraction.py` re-scores from this file without extracting again.

Stages timed per page (imports not timed): `decode` (bytes -> str), `baseline`
(`trafilatura.extract(html_bytes, include_comments=False)`, trafilatura alone with its defaults),
`fast` (trafilatura's fast pass, with metadata), `thorough` (trafilatura with its own
fallbacks), `readability` (readability-lxml) and `thorough_meta` (the thorough pass with the
metadata, in one call) and `justext` (jusText's non-boilerplate paragraphs, with the union of its
stoplists as trafilatura's fallback uses it; only a third opinion for `bench/extraction_model.py`,
not in the path). The rules and normalisation are timed by `bench/extraction.py` when it runs the
path over the cached blocks.

    python bench/extraction_cache.py --set-dir ... --out CACHE.jsonl --add-justext

adds the `justext` field (and its time) to a cache already there, without running the others again.

    python bench/extraction_cache.py --set-dir ... --out CACHE.jsonl --add-resiliparse --add-recall

the same for `resiliparse` (`resiliparse_blocks`: resiliparse's main-content text, a cheap extra
opinion) and `recall` (trafilatura's thorough pass with `favor_recall=True`, its recall mode, as
blocks; called through `transforms.html.trafilatura_extraction` with that one option changed). Both
only opinions for `bench/extraction_votes.py`, not in the path. resiliparse is not a dependency of the
project (measured, not shipped: BENCHMARKS.md): install it into the venv for this step,
`uv pip install --python .venv/bin/python resiliparse` (2.0.1 measured).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from functools import cache
from pathlib import Path

import justext

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.documents.decoding import decode_html  # noqa: E402
from transforms.html import trafilatura_extraction  # noqa: E402
from transforms.html.blocks import HtmlBlock  # noqa: E402
from transforms.html.readability_extraction import readability_blocks  # noqa: E402
from transforms.html.trafilatura_extraction import baseline_text, extract_html  # noqa: E402

METADATA_FIELDS = ("title", "author", "site_name", "description", "canonical_url", "language", "hostname")


def _rows(blocks: tuple[HtmlBlock, ...]) -> list[list[object]]:
    return [[b.kind, b.text, b.link_chars, b.group, b.level, b.lead_link_chars] for b in blocks]


def _timed(function, *args, **kwargs):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, 1000 * (time.perf_counter() - started)


@cache
def _stoplist() -> frozenset[str]:
    return frozenset().union(*(justext.get_stoplist(language) for language in justext.get_stoplists()))


def justext_paragraphs(html: str) -> list[str]:
    """jusText's paragraphs that are not boilerplate; none when it cannot parse the page."""
    if not html.strip():
        return []
    try:
        return [p.text for p in justext.justext(html, _stoplist()) if not p.is_boilerplate]
    except Exception:  # noqa: BLE001 -- lxml's parser errors on hostile pages: no opinion
        return []


def with_justext(row: dict, set_dir: Path) -> dict:
    """A cached row with jusText's paragraphs and time added."""
    html = decode_html((set_dir / "html" / f"{row['id']}.html").read_bytes()).text or ""
    _stoplist()
    row["justext"], row["ms"]["justext"] = _timed(justext_paragraphs, html)
    row["ms"]["justext"] = round(row["ms"]["justext"], 3)
    return row


# resiliparse's options: main content only, no list bullets, alt texts, comment sections or link targets
RESILIPARSE_OPTIONS: dict[str, bool] = {
    "main_content": True,
    "list_bullets": False,
    "alt_texts": False,
    "comments": False,
    "links": False,
    "form_fields": False,
    "noscript": False,
}


def resiliparse_blocks(html: str) -> tuple[HtmlBlock, ...]:
    """resiliparse's main-content text (its own lexbor parser and content heuristics, a few ms a
    page), one paragraph block a non-blank line, without link information: an opinion about which
    text is the article, not blocks for the rules. None when its parser gives up."""
    from resiliparse.extract.html2text import extract_plain_text  # not a project dependency: see above

    if not html.strip():
        return ()
    try:
        text = extract_plain_text(html, preserve_formatting=True, **RESILIPARSE_OPTIONS)
    except Exception:  # noqa: BLE001 -- its parser errors on hostile pages: no opinion
        return ()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return tuple(HtmlBlock("paragraph", line, 0, 0) for line in lines if line)


def recall_blocks(html: str) -> tuple[HtmlBlock, ...]:
    """trafilatura's thorough pass in its recall mode (`favor_recall=True`), as blocks."""
    options = trafilatura_extraction.EXTRACT_OPTIONS
    trafilatura_extraction.EXTRACT_OPTIONS = options | {"favor_recall": True}
    try:
        return trafilatura_extraction.extract_html(html, thorough=True, with_metadata=False).blocks
    finally:
        trafilatura_extraction.EXTRACT_OPTIONS = options


def with_opinions(row: dict, set_dir: Path, names: tuple[str, ...]) -> dict:
    """A cached row with the named extra opinions ("resiliparse", "recall") and their times added;
    trafilatura alone is timed again beside them (`ms["baseline_again"]`: the ratio within one run)."""
    data = (set_dir / "html" / f"{row['id']}.html").read_bytes()
    html = decode_html(data).text or ""
    _, row["ms"]["baseline_again"] = _timed(baseline_text, data)
    row["ms"]["baseline_again"] = round(row["ms"]["baseline_again"], 3)
    run = {"resiliparse": resiliparse_blocks, "recall": recall_blocks}
    for name in names:
        blocks, ms = _timed(run[name], html)
        row[name], row["ms"][name] = _rows(blocks), round(ms, 3)
    return row


def page_row(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    ms: dict[str, float] = {}
    decoded, ms["decode"] = _timed(decode_html, data)
    html = decoded.text or ""
    baseline, ms["baseline"] = _timed(baseline_text, data)
    fast, ms["fast"] = _timed(extract_html, html)
    thorough, ms["thorough"] = _timed(extract_html, html, thorough=True)
    readability, ms["readability"] = _timed(readability_blocks, html)
    _stoplist()  # built once, not timed
    justext_found, ms["justext"] = _timed(justext_paragraphs, html)
    # trafilatura's thorough pass with the metadata: one call doing both (the same blocks as
    # `thorough`, checked; the same metadata as the fast pass): what a thorough-first path costs.
    thorough_meta, ms["thorough_meta"] = _timed(extract_html, html, thorough=True, with_metadata=True)
    if thorough_meta.blocks != thorough.blocks:
        raise AssertionError(f"{path.name}: the thorough pass gave other blocks with metadata")
    metadata = dataclasses.asdict(fast.metadata)
    return {
        "id": path.stem,
        "ms": {k: round(v, 3) for k, v in ms.items()},
        "baseline": baseline,
        "fast": _rows(fast.blocks),
        "thorough": _rows(thorough.blocks),
        "fallback": _rows(thorough.fallback),  # what trafilatura's own readability fallback found
        "readability": _rows(readability),
        "justext": justext_found,
        "metadata": {k: metadata.get(k) for k in METADATA_FIELDS},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--add-justext", action="store_true", help="add jusText to the cache at --out")
    parser.add_argument("--add-resiliparse", action="store_true", help="add resiliparse to the cache at --out")
    parser.add_argument("--add-recall", action="store_true", help="add trafilatura's recall mode to the cache at --out")
    args = parser.parse_args()
    extra = tuple(n for n, on in (("resiliparse", args.add_resiliparse), ("recall", args.add_recall)) if on)
    if extra:
        rows = [json.loads(line) for line in args.out.read_text("utf-8").splitlines() if line.strip()]
        resiliparse_blocks("<p>warm up</p>")  # the first call loads the library: not timed
        rows = [with_opinions(row, args.set_dir, extra) for row in rows]
        args.out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
        print(f"{args.set_dir.name}: {', '.join(extra)} added to {len(rows)} pages", file=sys.stderr)
        return 0
    if args.add_justext:
        rows = [json.loads(line) for line in args.out.read_text("utf-8").splitlines() if line.strip()]
        rows = [with_justext(row, args.set_dir) for row in rows]
        args.out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
        print(f"{args.set_dir.name}: jusText added to {len(rows)} pages", file=sys.stderr)
        return 0
    paths = sorted((args.set_dir / "html").glob("*.html"))
    if not paths:
        parser.error(f"no *.html files in {args.set_dir / 'html'}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with args.out.open("w", encoding="utf-8") as out:
        for path in paths:
            out.write(json.dumps(page_row(path), ensure_ascii=False) + "\n")
    print(f"{args.set_dir.name}: {len(paths)} pages cached in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
