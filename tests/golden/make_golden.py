"""Regenerate the golden files from the current parser: `python tests/golden/make_golden.py`.

Only after reviewing the diff line by line against the issue's description of the seeds;
tests/transforms/text/test_articles.py also checks those points one by one.
"""

from __future__ import annotations

import json
from pathlib import Path

from transforms.text.articles import TextArticle, parse_text_article

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "seeds"


def as_golden(article: TextArticle) -> dict:
    return {
        "title": article.title,
        "blocks": [[b.kind, b.text] for b in article.blocks],
        "removed": [[r.rule_id, r.category, r.text] for r in article.removed],
        "fields": article.fields,
    }


if __name__ == "__main__":
    for seed in sorted(SEEDS.glob("*.txt")):
        golden = as_golden(parse_text_article(seed.read_text(encoding="utf-8")))
        (HERE / f"{seed.stem}.json").write_text(
            json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print("wrote", seed.stem)
