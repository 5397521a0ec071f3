"""The kill loop (bench/killloop.py) in CI: 20 SIGKILLs of `newsetl ingest`, then the invariants.

CI runs a smaller corpus than the committed long run (which is 200+ kills over 2,000+
documents, see bench/results/killloop/): 100 documents in batches of 20, so kills land between
and inside batches while there is still work, then on re-runs. Every ingest run pays 10-20 s of
Prefect's temporary API start-up, so 20 kills take about 7-10 minutes on 2 cores.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXTRACTION

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "killloop.py"
SHARED_HTML = EXTRACTION

KILLS = 20
DOCS = 100
BATCH_SIZE = 20


@pytest.mark.skipif(
    not any(SHARED_HTML.glob("*/html/*.html")),
    reason=f"no HTML pages under {SHARED_HTML}/*/html: the kill-loop corpus is built from them",
)
def test_twenty_kills_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    out = tmp_path / "killloop.json"
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--kills",
            str(KILLS),
            "--docs",
            str(DOCS),
            "--seed",
            "20",
            "--batch-size",
            str(BATCH_SIZE),
            "--workdir",
            str(tmp_path / "work"),
            "--out",
            str(out),
            "--hard-limit",
            "600",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert out.exists(), f"no summary written (rc {done.returncode}):\n{done.stderr[-5000:]}"
    summary = json.loads(out.read_text(encoding="utf-8"))
    context = json.dumps({k: v for k, v in summary.items() if k != "progress"}, indent=1)[:8000]
    assert summary["failures"] == [], context
    assert summary["kills"] >= KILLS, context
    assert summary["inputs"] == DOCS, context
    assert summary["losses"] == 0, context
    assert summary["duplicates"] == 0, context
    assert summary["orphan_rows"] == 0, context
    assert summary["content_equal"] is True, context
    assert summary["runs"]["final_rc"] == 0, context
    assert done.returncode == 0, done.stderr[-5000:]
