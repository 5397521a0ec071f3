"""The HTML path with and without issue 15's cost levers, page by page in one process.

    python bench/html_cost_levers.py [--shared ../shared] [--sets scrapinghub,readability,wcxb]
        [--every 1] [--repeats 2] [--levers parser,rule-choice] [--out bench/results/extraction/cost-levers.md]

Levers (each can be turned off at run time, the code is the same; `--levers` picks those turned off
together, default: the second round's, `ROUND_2`):
- `dates` (2026-12-07, first round): htmldate asked only when its answer can change the chosen dates
  (`page_dates.page_candidates(..., later=...)`); off: asked on every page, as before.
- `rules` (first round): the rule catalogue's pre-filter (`transforms.text.rules_prefilter`); off: every
  rule is tried on every line its first character admits, as before (the catalogue with `needs=None`).
- `parser` (second round): the page parsed with lxml's C-level element classes
  (`trafilatura_extraction.PAGE_PARSER`); off: `trafilatura.utils.load_html`, lxml.html's Python lookup.
- `rule-choice` (second round): the rules a line may match remembered per first character and needed
  strings (`rules.MAX_REMEMBERED_SETS`); off: nothing remembered, the choice filtered on every line.
- `author` (second round): trafilatura's author search with its XPaths as Python tests
  (`trafilatura_extraction.searched_author`); off: its XPaths and `extract_metainfo`, as before.

Per page: trafilatura alone (`trafilatura.extract(html_bytes, include_comments=False)`), then
`decode_html` -> `parse_html_page` with the levers off, and with them on, in an order that rotates
from page to page and repeat to repeat; a page's time is the median of its repeats. Under a
changing load the ratios taken page by page (on / off, each / trafilatura alone) hold better than
the milliseconds. Normalisation is not run (neither lever touches it). Also checks that both give
the same article (blocks, removed spans, fields), metadata and chosen dates on every page
(`choose_dates` over the page's candidates and the ones normalise adds).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import transforms.html.pages as pages  # noqa: E402
import transforms.html.trafilatura_extraction as trafilatura_extraction  # noqa: E402
import transforms.text.rules as rules  # noqa: E402
from transforms.dates.article_dates import choose_dates  # noqa: E402
from transforms.documents.decoding import decode_html  # noqa: E402
from transforms.html.trafilatura_extraction import baseline_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SETS = ("scrapinghub", "readability", "wcxb")
SEEN_AT = datetime(2026, 11, 1, tzinfo=UTC)
WARM_UP = 3


ROUND_1 = ("dates", "rules")
ROUND_2 = ("parser", "rule-choice", "author")
LEVERS = (*ROUND_1, *ROUND_2)
OFF: tuple[str, ...] = ROUND_2  # the levers `levers_off` turns off (`--levers`)


@contextmanager
def levers_off(off: tuple[str, ...] | None = None) -> Iterator[None]:
    """The path as before the levers in `off` (default `OFF`)."""
    off = OFF if off is None else off
    plain = tuple(dataclasses.replace(r, needs=None) for r in rules.load_rules())
    saved_rules, saved_later = rules.load_rules, pages.later_date_candidates
    saved_tree, saved_sets = trafilatura_extraction.page_tree, rules.MAX_REMEMBERED_SETS
    saved_author = trafilatura_extraction.searched_author
    if "author" in off:
        trafilatura_extraction.searched_author = trafilatura_extraction.xpath_searched_author
    if "rules" in off:
        rules.load_rules = lambda: plain  # type: ignore[assignment]
    if "dates" in off:
        pages.later_date_candidates = lambda page, url: None  # type: ignore[assignment,return-value]
    if "parser" in off:
        trafilatura_extraction.page_tree = trafilatura_extraction.trafilatura_tree
    scoped = dict(rules._SCOPED)  # noqa: SLF001 -- the choices remembered with the lever on, kept apart
    if "rule-choice" in off:
        rules.MAX_REMEMBERED_SETS = 0
        rules._SCOPED.clear()  # noqa: SLF001
    try:
        yield
    finally:
        rules.load_rules, pages.later_date_candidates = saved_rules, saved_later
        trafilatura_extraction.page_tree, rules.MAX_REMEMBERED_SETS = saved_tree, saved_sets
        trafilatura_extraction.searched_author = saved_author
        if "rule-choice" in off:
            rules._SCOPED.clear()  # noqa: SLF001
            rules._SCOPED.update(scoped)  # noqa: SLF001


def _timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return 1000 * (time.perf_counter() - started), result


def _path(data: bytes) -> pages.HtmlPage:
    return pages.parse_html_page(decode_html(data).text or "")


def _outputs(page: pages.HtmlPage) -> tuple[object, ...]:
    dates = choose_dates([*page.dates, *(pages.later_date_candidates(page, None) or [])], SEEN_AT)
    return page.article, page.metadata, dates.published, dates.modified


def measure(folder: Path, every: int, repeats: int) -> dict[str, Any]:
    paths = sorted((folder / "html").glob("*.html"))[::every]
    data = [p.read_bytes() for p in paths]
    for page in data[:WARM_UP]:
        baseline_text(page)
        _path(page)
        with levers_off():
            _path(page)
    times: dict[str, list[list[float]]] = {k: [[] for _ in data] for k in ("alone", "off", "on")}
    differing = 0
    for r in range(repeats):
        for i, page in enumerate(data):
            gc.collect()
            results: dict[str, Any] = {}
            order = ("alone", "off", "on")[(i + r) % 3 :] + ("alone", "off", "on")[: (i + r) % 3]
            for kind in order:
                if kind == "alone":
                    ms, _ = _timed(partial(baseline_text, page))
                elif kind == "off":
                    with levers_off():
                        ms, results["off"] = _timed(partial(_path, page))
                else:
                    ms, results["on"] = _timed(partial(_path, page))
                times[kind][i].append(ms)
            if r == 0 and _outputs(results["off"]) != _outputs(results["on"]):
                differing += 1
    per = {k: [statistics.median(v) for v in vs] for k, vs in times.items()}
    return {"pages": len(data), "differing": differing, **per}


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--every", type=int, default=1, help="every Nth page of each set")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--levers", default=",".join(ROUND_2), help=f"turned off together: of {', '.join(LEVERS)}")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extraction" / "cost-levers.md")
    args = parser.parse_args()
    global OFF
    OFF = tuple(args.levers.split(","))
    if unknown := set(OFF) - set(LEVERS):
        parser.error(f"unknown levers: {sorted(unknown)}")
    started = datetime.now(UTC)
    lines = [
        "| set | pages | trafilatura alone, median ms | levers off: median ms | on | off / trafilatura, median |"
        " on / trafilatura | p90 off | p90 on | per page on / off, median | p90 | pages whose outputs differ |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in args.sets.split(","):
        m = measure(args.shared / "data" / "extraction" / name, args.every, args.repeats)
        alone, off, on = m["alone"], m["off"], m["on"]
        med = statistics.median
        per_page = [b / a for a, b in zip(off, on, strict=True)]
        lines.append(
            f"| {name} | {m['pages']} | {med(alone):.1f} | {med(off):.1f} | {med(on):.1f} | "
            f"{med(off) / med(alone):.2f}× | **{med(on) / med(alone):.2f}×** | {p90(off) / p90(alone):.2f}× | "
            f"{p90(on) / p90(alone):.2f}× | {med(per_page):.3f} | {p90(per_page):.3f} | {m['differing']} |"
        )
        print(lines[-1], file=sys.stderr)
    import os

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    commit = head.stdout.strip() or "?"
    header = (
        f"# The HTML path with and without the cost levers (bench/html_cost_levers.py)\n\n"
        f"Run {started:%Y-%m-%d %H:%M}–{datetime.now(UTC):%H:%M} UTC, every {args.every} page(s), "
        f"{args.repeats} repeats, load average at the end {os.getloadavg()[0]:.1f}. "
        f"`decode_html` -> `parse_html_page`, no normalisation; levers off and on: {', '.join(OFF)} "
        "(the module's docstring says what each is). Commit "
        f"{commit}.\n\n"
    )
    text = header + "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
