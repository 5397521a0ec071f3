"""What the rule engine's first-character pre-filter saves: plain-text parsing with and without it.

    python bench/first_chars.py [--shared ../shared] [--bodies 100] [--out bench/results/first_chars.txt]

The two seeds and the first `--bodies` gold bodies of ../shared/data/extraction/scrapinghub/gold.jsonl
go through `transforms.text.articles.parse_text_article`, once with the pre-filter
(`transforms.text.first_chars` reading `re`'s internals) and once without: with the first_chars
module as a Python without those internals imports it (`_sre` hidden), which answers None for
every rule, so every rule is tried on every line. Prints the seconds (best of `--repeat` passes
after a warm-up pass), the one-time cost of reading the catalogue's patterns, the rules tried
per line and whether both give the same articles.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import transforms.text.first_chars as first_chars_module  # noqa: E402
from transforms.text import rules  # noqa: E402
from transforms.text.articles import parse_text_article  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _texts(shared: Path, bodies: int) -> list[str]:
    gold = shared / "data" / "extraction" / "scrapinghub" / "gold.jsonl"
    with gold.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(bodies), lines)]
    return [p.read_text("utf-8") for p in SEEDS] + [r["body"] for r in rows]


def _fallback_first_chars():
    """first_chars as imported where `_sre` cannot be (so `available()` is False)."""
    name = "first_chars_without_internals"
    spec = importlib.util.spec_from_file_location(name, first_chars_module.__file__)
    module = importlib.util.module_from_spec(spec)
    saved = sys.modules.get("_sre")
    sys.modules["_sre"], sys.modules[name] = None, module  # None: `import _sre` raises ImportError
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules["_sre"] = saved
    assert not module.available()
    return module.first_chars


def _rules_tried_per_line(texts: list[str]) -> float:
    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    scoped = rules._by_scope(rules.load_rules(), True)
    tried = sum(len(scoped.line.for_line(line)) + len(scoped.prefix.for_line(line)) for line in lines)
    return tried / len(lines)


def _run(texts: list[str], first_chars, repeat: int) -> tuple[float, float, float, list]:
    """(seconds to split the catalogue by first character, best of `repeat` passes, rules tried
    per line, the articles)."""
    rules.first_chars = first_chars
    rules._SCOPED.clear()
    if hasattr(first_chars, "cache_clear"):
        first_chars.cache_clear()
    started = time.perf_counter()
    for in_tail in (False, True):
        rules._by_scope(rules.load_rules(), in_tail)
    setup = time.perf_counter() - started
    articles = [parse_text_article(text) for text in texts]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            parse_text_article(text)
        best = min(best, time.perf_counter() - started)
    return setup, best, _rules_tried_per_line(texts), articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--bodies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    options = parser.parse_args()
    texts = _texts(options.shared, options.bodies)
    n_lines = sum(1 for text in texts for line in text.splitlines() if line.strip())

    started = time.perf_counter()
    first_chars_module.available.cache_clear()
    checked = first_chars_module.available()
    check_ms = 1000 * (time.perf_counter() - started)

    real = first_chars_module.first_chars
    for text in texts:  # warm-up: the catalogue, the language model and other caches
        parse_text_article(text)
    with_filter = _run(texts, real, options.repeat)
    without_filter = _run(texts, _fallback_first_chars(), options.repeat)
    rules.first_chars = real
    rules._SCOPED.clear()

    lines = [
        f"parse_text_article on {len(texts)} texts ({n_lines:,} non-empty lines): the two seeds and the first "
        f"{len(texts) - len(SEEDS)} scrapinghub gold bodies; best of {options.repeat} passes after a warm-up",
        f"Python {sys.version.split()[0]}; re internals read as expected: {checked} (checked in {check_ms:.1f} ms)",
        "",
        f"{'':<22}{'setup ms':>9}{'best s':>9}{'ms/text':>9}{'rules tried/line':>18}",
    ]
    for label, (setup, best, tried, _) in (
        ("with the pre-filter", with_filter),
        ("without (fallback)", without_filter),
    ):
        lines.append(f"{label:<22}{1000 * setup:>9.1f}{best:>9.3f}{1000 * best / len(texts):>9.2f}{tried:>18.1f}")
    ratio = without_filter[1] / with_filter[1]
    same = with_filter[3] == without_filter[3]
    lines += [
        "",
        f"without the pre-filter: {ratio:.2f} x the time; same articles: {same}",
        "setup: splitting the catalogue by first character, once per process (reading every pattern)",
    ]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if options.out:
        options.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
