"""What a page worker spends per page, stage by stage, next to the trafilatura.extract baseline.

    python bench/parse_pages.py DIR [--baseline | --pipeline]

Default: every stage of `parse_html_page` timed on its own (CPU ms per page): decode, the fast
pass, the second opinion on thin pages (trafilatura's thorough pass, readability, the vote), the
block and line rules, the page's date candidates; and `trafilatura.extract` with the fast pass's
options on the same bytes. `--baseline` runs only the trafilatura loop and `--pipeline` only
`decode_html` + `parse_html_page`, for profiling each (bench/profile.sh).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.dates.page_dates import page_date_candidates  # noqa: E402
from transforms.documents.decoding import decode_html  # noqa: E402
from transforms.html.articles import parse_html_article  # noqa: E402
from transforms.html.blocks import HtmlExtraction  # noqa: E402
from transforms.html.pages import SECOND_OPINION_MAX_BLOCKS, parse_html_page  # noqa: E402
from transforms.html.readability_extraction import readability_blocks  # noqa: E402
from transforms.html.trafilatura_extraction import extract_html, fast_pass_text  # noqa: E402
from transforms.html.vote import vote  # noqa: E402


def stages(pages: list[bytes]) -> None:
    cpu: dict[str, float] = defaultdict(float)

    def timed(name, fn, *args, **kwargs):  # noqa: ANN001, ANN202
        started = time.process_time()
        result = fn(*args, **kwargs)
        cpu[name] += time.process_time() - started
        return result

    thin = 0
    for data in pages:
        timed("(a) trafilatura.extract", fast_pass_text, data)
        html = timed("decode", decode_html, data).text or ""
        primary = timed("fast pass (trafilatura + blocks + metadata)", extract_html, html)
        blocks = primary.blocks
        if len(blocks) <= SECOND_OPINION_MAX_BLOCKS:
            thin += 1
            thorough = timed("thorough pass (thin pages)", extract_html, html, thorough=True)
            fallback = timed("readability (thin pages)", readability_blocks, html)
            blocks = timed("vote (thin pages)", vote, thorough.blocks or primary.blocks, fallback).blocks
        timed("rules (block + line)", parse_html_article, HtmlExtraction(blocks, primary.metadata))
        timed("page date candidates", page_date_candidates, html)
    n = len(pages)
    worker = sum(s for name, s in cpu.items() if not name.startswith("(a)"))
    print(f"{n} pages, {thin} thin ({100 * thin / n:.0f} %: second opinion); CPU ms per page:")
    for name, seconds in cpu.items():
        print(f"  {name:<45} {1000 * seconds / n:6.1f}")
    print(
        f"  {'worker path, all stages':<45} {1000 * worker / n:6.1f}  "
        f"= {worker / cpu['(a) trafilatura.extract']:.2f} x (a)"
    )


def main() -> int:
    pages = [p.read_bytes() for p in sorted(Path(sys.argv[1]).rglob("*.html"))]
    mode = sys.argv[2] if len(sys.argv) > 2 else "--stages"
    parse_html_page(decode_html(pages[0]).text or "")  # first-use costs (rule catalogue, extractors) are no page's
    fast_pass_text(pages[0])
    if mode == "--stages":
        stages(pages)
        return 0
    started = time.process_time()
    for data in pages:
        if mode == "--baseline":
            fast_pass_text(data)
        else:
            parse_html_page(decode_html(data).text or "")
    seconds = time.process_time() - started
    print(f"{mode[2:]}: {len(pages)} pages, {1000 * seconds / len(pages):.1f} ms CPU per page", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
