"""CPU of a Prefect server at rest: what the background server `newsetl` leaves running costs while no
flow runs.

    python bench/server_idle.py [--seconds 180] [--skip 20] [--repeats 2] [--home-db PATH]
        [--set NAME=VALUE ...] [--label L] [--out bench/results/server_idle.txt]

Each repeat starts `prefect server start` (what `flows.server.launch` runs) on a free port of
127.0.0.1 in a new temporary Prefect home: empty (a first start migrates its database), or holding a
copy of `--home-db` (a used home's prefect.db, its history of runs, task runs, events and logs).
Once the server answers its health check, the CPU time (user + system) of its process and children
is read every second for `--seconds` s; the first `--skip` s are left out of the mean. `--set` adds
Prefect settings to the server's environment (e.g. PREFECT_SERVER_SERVICES_LATE_RUNS_LOOP_SECONDS=60),
which Prefect reads at start. Nothing is fetched; the server is stopped and its home removed at the end.
Prints (and appends to `--out`) one line per repeat: the mean share of one core, the largest second,
and the per-second series in percent.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1.0):  # noqa: S310 - local
            return True
    except OSError:
        return False


def cpu_seconds(process: psutil.Process) -> float:
    total = 0.0
    for member in (process, *process.children(recursive=True)):
        try:
            times = member.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def one_run(seconds: int, home_db: Path | None, settings: dict[str, str]) -> list[float]:
    """The server's CPU in each second of `seconds` after it first answers (fraction of one core)."""
    home = Path(tempfile.mkdtemp(prefix="newsetl-idle-"))
    if home_db is not None:
        shutil.copy(home_db, home / "prefect.db")
    env = os.environ | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"} | settings
    env.pop("PREFECT_API_URL", None)
    port = free_port()
    prefect = str(Path(sys.executable).with_name("prefect"))
    server = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not answers(port):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not answer (exit status {server.poll()}); settings {settings}")
            time.sleep(0.2)
        process = psutil.Process(server.pid)
        shares, last = [], cpu_seconds(process)
        for _ in range(seconds):
            time.sleep(1.0)
            now = cpu_seconds(process)
            shares.append(now - last)
            last = now
        return shares
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--skip", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--home-db", type=Path, help="a Prefect home's prefect.db to start from (copied)")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="Prefect settings for the server")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "server_idle.txt")
    args = parser.parse_args()
    settings = dict(item.split("=", 1) for item in args.set)
    home = f"copy of {args.home_db} ({args.home_db.stat().st_size / 1e6:.0f} MB)" if args.home_db else "empty home"
    for repeat in range(1, args.repeats + 1):
        shares = one_run(args.seconds, args.home_db, settings)
        kept = shares[args.skip :]
        line = (
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC  {args.label or 'default'}  {home}  repeat {repeat}: "
            f"mean {100 * statistics.fmean(kept):.1f} % of one core over s {args.skip}-{args.seconds}, "
            f"largest second {100 * max(kept):.0f} %; settings {settings or 'none'}\n"
            f"  per second (%): {' '.join(f'{100 * s:.0f}' for s in shares)}\n"
        )
        print(line, end="", flush=True)
        with args.out.open("a", encoding="utf-8") as out:
            out.write(line)


if __name__ == "__main__":
    main()
