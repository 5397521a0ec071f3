"""Start-up of a cold `newsetl ingest seeds` after installation: when the flow's first step logs.

    .venv/bin/python bench/cli_first_work.py [--repeat 2] [--out bench/results/cli_first_work.txt]

Each run: a fresh Prefect home that only `newsetl server prepare` (what `make setup` runs) has
touched, a fresh warehouse, then `newsetl ingest seeds -v --no-progress`, its output read as it
comes: start-up is the time until the flow logs "discovered ..." (its first step done, the
background server started and answering, the flow run created); then the time to the summary.
Complements bench/cli_startup.py, whose "start-up" column also holds the checks and the publish.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSETL = str(Path(sys.executable).parent / "newsetl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "cli_first_work.txt")
    args = parser.parse_args()
    lines = [
        f"cold newsetl ingest seeds after installation, {time.strftime('%Y-%m-%d %H:%M')} UTC, "
        f"{os.cpu_count()} cores, load average before {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"{'run':<5}{'start-up (s)':>14}{'to summary (s)':>16}{'exit':>6}",
    ]
    for i in range(args.repeat):
        work = Path(tempfile.mkdtemp(prefix="newsetl-first-work-"))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSETL_", "PREFECT_API"))}
        env |= {"PREFECT_HOME": str(work / "home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        try:
            subprocess.run([NEWSETL, "server", "prepare"], env=env, capture_output=True, check=True, timeout=600)
            started = time.monotonic()
            command = [NEWSETL, "ingest", str(ROOT / "seeds"), "--db", str(work / "news.duckdb"), "--no-progress", "-v"]
            process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            first = None
            assert process.stdout is not None
            for line in process.stdout:
                if first is None and "discovered" in line:
                    first = time.monotonic() - started
            process.wait(timeout=600)
            total = time.monotonic() - started
            shown = f"{first:.1f}" if first is not None else "-"
            lines.append(f"{i:<5}{shown:>14}{total:>16.1f}{process.returncode:>6}")
        finally:
            subprocess.run([NEWSETL, "server", "stop"], env=env, capture_output=True, timeout=120)
            shutil.rmtree(work, ignore_errors=True)
    lines.append(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
