"""Time to summary of `newsetl ingest`: cold, warm, on an empty folder, beside `import prefect`.

    .venv/bin/python bench/cli_startup.py [--repeat 3] [--out bench/results/cli_startup.txt]

Each case runs the installed `newsetl` as a user would, in a fresh work folder:
- `import prefect`: `python -c "import prefect"`, the floor every command pays;
- cold: `newsetl ingest seeds` with a fresh Prefect home and warehouse (the background Prefect
  server is started by the command);
- warm: the same command again, the server running, nothing new to load;
- empty folder: `newsetl ingest EMPTY_DIR` with the server running;
- temporary API: the warm re-run with `NEWSETL_PREFECT_SERVER=temporary` (the behaviour before the
  background server: a temporary API per command).
Wall-clock seconds, the median of `--repeat` runs (cold: a fresh home each time). The background
server is stopped at the end. The machine's load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NEWSETL = str(BIN / "newsetl")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSETL_", "PREFECT_API"))}
    return env | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"} | extra


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.monotonic()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "cli_startup.txt")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsetl-startup-"))
    empty = work / "empty"
    empty.mkdir()
    seeds = str(ROOT / "seeds")
    times: dict[str, list[float]] = {k: [] for k in ("import prefect", "cold", "warm", "empty folder", "temporary")}
    load_before = os.getloadavg()
    try:
        for i in range(args.repeat):
            home, db = work / f"home-{i}", work / f"wh-{i}" / "news.duckdb"
            env = _env(home)
            times["import prefect"].append(_timed([sys.executable, "-c", "import prefect"], env, work))
            ingest = [NEWSETL, "ingest", seeds, "--db", str(db), "--no-progress"]
            times["cold"].append(_timed(ingest, env, work))
            times["warm"].append(_timed(ingest, env, work))
            times["empty folder"].append(
                _timed([NEWSETL, "ingest", str(empty), "--db", str(db), "--no-progress"], env, work)
            )
            times["temporary"].append(_timed(ingest, _env(home, NEWSETL_PREFECT_SERVER="temporary"), work))
            subprocess.run([NEWSETL, "server", "stop"], env=env, cwd=work, capture_output=True, timeout=120)
    finally:
        for i in range(args.repeat):
            subprocess.run([NEWSETL, "server", "stop"], env=_env(work / f"home-{i}"), capture_output=True, timeout=120)
        shutil.rmtree(work, ignore_errors=True)
    floor = statistics.median(times["import prefect"])
    lines = [
        f"newsetl ingest: time to summary, median of {args.repeat} runs, {time.strftime('%Y-%m-%d %H:%M')} UTC",
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average before "
        f"{' '.join(f'{x:.2f}' for x in load_before)}, after {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "",
        f"{'case':<50}{'seconds':>9}{'x import prefect':>18}   runs",
    ]
    labels = {
        "import prefect": 'python -c "import prefect"',
        "cold": "cold: seeds, fresh Prefect home (starts server)",
        "warm": "warm: seeds again, server running",
        "empty folder": "empty folder, server running",
        "temporary": "warm re-run, temporary API (the old way)",
    }
    for key, label in labels.items():
        median = statistics.median(times[key])
        runs = " ".join(f"{t:.1f}" for t in times[key])
        lines.append(f"{label:<50}{median:>9.1f}{median / floor:>18.1f}   {runs}")
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
