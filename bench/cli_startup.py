"""Time to summary of `newsetl ingest`: cold, warm, on an empty folder, beside `import prefect`.

    .venv/bin/python bench/cli_startup.py [--repeat 3] [--out bench/results/cli_startup.txt]

Each case runs the installed `newsetl` as a user would, in a fresh work folder:
- `import prefect`: `python -c "import prefect"`, the floor every command pays;
- cold, after installation: `newsetl ingest seeds` with a fresh warehouse and a Prefect home that
  only `newsetl server prepare` has touched (what `make setup` runs: the Prefect database made), so
  the command starts the background server;
- cold, unprepared: the same with an empty Prefect home (the server also makes its database);
- warm: the same command again, the server running, nothing new to load;
- empty folder: `newsetl ingest EMPTY_DIR` with the server running;
- temporary API: the warm re-run with `NEWSETL_PREFECT_SERVER=temporary` (the behaviour before the
  background server: a temporary API per command).
Wall-clock seconds, the median of `--repeat` runs (cold: a fresh home each time). "work" is what
the summary's `batches ... in S s` line says the batches took; "start-up" the rest of the time to
summary (the checks and the publish included, so an upper bound). The background server is stopped
at the end. The machine's load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import re
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


WORK: dict[str, list[float]] = {}  # case -> the batches' seconds, from the summary


def _timed(command: list[str], env: dict[str, str], cwd: Path, case: str = "") -> float:
    started = time.monotonic()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    if case and (found := re.search(r"^batches\s+\d+ in ([0-9.]+) s", done.stdout, re.M)):
        WORK.setdefault(case, []).append(float(found.group(1)))
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
    cases = ("import prefect", "cold", "cold unprepared", "warm", "empty folder", "temporary")
    times: dict[str, list[float]] = {k: [] for k in cases}
    load_before = os.getloadavg()
    try:
        for i in range(args.repeat):
            home, db = work / f"home-{i}", work / f"wh-{i}" / "news.duckdb"
            env = _env(home)
            times["import prefect"].append(_timed([sys.executable, "-c", "import prefect"], env, work))
            ingest = [NEWSETL, "ingest", seeds, "--db", str(db), "--no-progress"]
            _timed([NEWSETL, "server", "prepare"], env, work)  # installation (make setup), not timed
            times["cold"].append(_timed(ingest, env, work, "cold"))
            times["warm"].append(_timed(ingest, env, work, "warm"))
            times["empty folder"].append(
                _timed([NEWSETL, "ingest", str(empty), "--db", str(db), "--no-progress"], env, work)
            )
            times["temporary"].append(_timed(ingest, _env(home, NEWSETL_PREFECT_SERVER="temporary"), work))
            subprocess.run([NEWSETL, "server", "stop"], env=env, cwd=work, capture_output=True, timeout=120)
            bare, bare_db = work / f"bare-home-{i}", work / f"bare-wh-{i}" / "news.duckdb"
            bare_ingest = [NEWSETL, "ingest", seeds, "--db", str(bare_db), "--no-progress"]
            times["cold unprepared"].append(_timed(bare_ingest, _env(bare), work, "cold unprepared"))
            subprocess.run([NEWSETL, "server", "stop"], env=_env(bare), cwd=work, capture_output=True, timeout=120)
    finally:
        for i in range(args.repeat):
            for name in (f"home-{i}", f"bare-home-{i}"):
                subprocess.run([NEWSETL, "server", "stop"], env=_env(work / name), capture_output=True, timeout=120)
        shutil.rmtree(work, ignore_errors=True)
    floor = statistics.median(times["import prefect"])
    lines = [
        f"newsetl ingest: time to summary, median of {args.repeat} runs, {time.strftime('%Y-%m-%d %H:%M')} UTC",
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average before "
        f"{' '.join(f'{x:.2f}' for x in load_before)}, after {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "",
        f"{'case':<52}{'seconds':>9}{'x import prefect':>18}{'work':>7}{'start-up':>10}   runs",
    ]
    labels = {
        "import prefect": 'python -c "import prefect"',
        "cold": "cold after installation (prepared home; starts server)",
        "cold unprepared": "cold, empty Prefect home (starts server, makes db)",
        "warm": "warm: seeds again, server running",
        "empty folder": "empty folder, server running",
        "temporary": "warm re-run, temporary API (the old way)",
    }
    for key, label in labels.items():
        median = statistics.median(times[key])
        runs = " ".join(f"{t:.1f}" for t in times[key])
        work_s = f"{statistics.median(WORK[key]):>7.1f}" if WORK.get(key) else f"{'':>7}"
        start_s = f"{median - statistics.median(WORK[key]):>10.1f}" if WORK.get(key) else f"{'':>10}"
        lines.append(f"{label:<52}{median:>9.1f}{median / floor:>18.1f}{work_s}{start_s}   {runs}")
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
