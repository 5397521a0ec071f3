"""Parse every page of a folder the way a page worker does (decode, then `parse_html_page`), and the
same pages with the baseline `trafilatura.extract` loop: for profiling (bench/profile.sh).

    python bench/parse_pages.py DIR [--baseline]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.decoding import decode_html  # noqa: E402
from transforms.html_extraction import fast_pass_text  # noqa: E402
from transforms.html_pages import parse_html_page  # noqa: E402


def main() -> int:
    pages = [p.read_bytes() for p in sorted(Path(sys.argv[1]).rglob("*.html"))]
    baseline = "--baseline" in sys.argv[2:]
    started = time.process_time()
    for data in pages:
        if baseline:
            fast_pass_text(data)
        else:
            parse_html_page(decode_html(data).text or "")
    seconds = time.process_time() - started
    print(f"{'trafilatura.extract' if baseline else 'decode + parse_html_page'}: {len(pages)} pages, "
          f"{1000 * seconds / len(pages):.1f} ms CPU per page", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
