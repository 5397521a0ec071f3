"""CPU per article of the text stages changed for issue 20 point 3 (quotes, count_mojibake), for a
before/after comparison of two checkouts in one session.

    python bench/text_stage_cost.py CHECKOUT TEXT_DIR [N]

CHECKOUT is a source tree (e.g. `git archive <commit> | tar -x -C DIR`), TEXT_DIR a folder of the
bench corpus's text articles (bench/corpus.py); the first N (default 1,000) are cleaned and
normalised untimed, then `quotes_frame` over their articles and `count_mojibake` over their bodies are
timed (process CPU). Run the two checkouts alternately, twice each: the machine is shared.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, sys.argv[1])

from transforms.analysis.quotes import quotes_frame  # noqa: E402
from transforms.frames.normalise import ParsedDocument, normalise_batch  # noqa: E402
from transforms.text.articles import parse_text_articles  # noqa: E402
from transforms.text.mojibake import count_mojibake  # noqa: E402

n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
texts = [f.read_text(encoding="utf-8") for f in sorted(Path(sys.argv[2]).glob("*.txt"))[:n]]
articles = parse_text_articles(texts)
batch = normalise_batch([ParsedDocument(f"d{i}", f"/bench/{i}.txt", a) for i, a in enumerate(articles)])
bodies = batch.articles["body_text"].to_list()
quotes_frame(batch.articles[:5])  # first-use costs (word lists) are no article's
out: dict[str, object] = {"checkout": sys.argv[1], "articles": len(texts)}
for name, stage in (
    ("quotes_ms", lambda: quotes_frame(batch.articles)),
    ("mojibake_ms", lambda: [count_mojibake(t) for t in bodies]),
):
    started = time.process_time()
    stage()
    out[name] = round((time.process_time() - started) * 1000 / len(texts), 3)
print(json.dumps(out))
